"""One article's outcome in a worker: its record made from its Doc, or window by window from its
text when it is too long for one Doc, as JSON bytes or as a file; or the error that making it raised.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whosaid import errors
from whosaid.attribution import Attribution
from whosaid.read import Layout
from whosaid.tasks import Outcome, Task, error_outcome, task_outcome

if TYPE_CHECKING:
    from datetime import datetime

    from spacy.language import Language


def build(doc: Any, task: Task, layout: Layout, label: str, language: str | None) -> Outcome:
    """The outcome of an article parsed as one Doc."""
    from whosaid.record import article_stages, assemble_article
    from whosaid.write import record_bytes

    def record(published: datetime | None, attribution: Attribution) -> Recorded:
        entities, quotes = article_stages(doc, published, layout.sections, attribution)
        article = assemble_article(
            layout, entities, quotes, published=published, attribution=attribution, **_about(task, label, language)
        )
        return Recorded(len(article.quotes), len(article.entities), data=record_bytes(article))

    return recorded(task, layout, record)


def build_long(
    nlp: Language, task: Task, layout: Layout, label: str, language: str | None, on_window: Callable[[], None]
) -> Outcome:
    """The outcome of an article too long for one Doc, parsed and extracted window by window (``whosaid.windows``),
    ``on_window`` called after each window. With a spool folder the record is written to a
    temporary file there (the windows' findings wait beside it), so no part of the record is
    ever all in this worker's memory; otherwise it comes back as bytes."""
    from whosaid.record import windowed_record, write_windowed_record

    def record(published: datetime | None, attribution: Attribution) -> Recorded:
        about = _about(task, label, language)
        if task.spool is None:
            data, quotes, entities = windowed_record(
                nlp, layout, published=published, attribution=attribution, on_window=on_window, **about
            )
            return Recorded(quotes, entities, data=data)
        from whosaid.write import open_temporary

        temporary: Path | None = None
        try:
            temporary, file = open_temporary(Path(task.spool))
            with file:
                quotes, entities = write_windowed_record(
                    nlp,
                    layout,
                    file,
                    published=published,
                    attribution=attribution,
                    on_window=on_window,
                    folder=task.spool,
                    **about,
                )
        except BaseException:  # an error, or the time limit: no half-written file is left
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            raise
        return Recorded(quotes, entities, data_file=str(temporary))

    return recorded(task, layout, record)


def _about(task: Task, label: str, language: str | None) -> dict[str, Any]:
    """What a record says of its article besides what the stages found."""
    return {
        "article_id": task.article_id,
        "source_path": task.path,
        "model": label,
        "origin": task.article,
        "language": language,
    }


@dataclass(frozen=True)
class Recorded:
    """An article's record: its numbers of quotes and entities, and its bytes or the file holding them."""

    quotes: int
    entities: int
    data: bytes | None = None
    data_file: str | None = None


# The record, given the publication date and the attribution asked for.
Recorder = Callable[["datetime | None", Attribution], Recorded]


def recorded(task: Task, layout: Layout, record: Recorder) -> Outcome:
    """The outcome of one article: its record (given the publication date, read once, and the
    attribution asked for), or the error that making it raised."""
    from whosaid.dates import parse_published

    try:
        published = parse_published(layout.published_text) if layout.published_text else None
        made = record(published, Attribution(task.attribution))
    except Exception as error:
        return error_outcome(
            task,
            errors.E_INTERNAL.format(
                kind=type(error).__name__, reason=str(error).splitlines()[0] if str(error) else ""
            ),
        )
    return task_outcome(
        task, "ok", data=made.data, data_file=made.data_file, quotes=made.quotes, entities=made.entities
    )
