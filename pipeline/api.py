"""The Python API: whosaid on strings, spaCy Docs and streams of texts, from a notebook or a program.

``extract`` and ``extract_many`` run exactly the chain ``whosaid run`` runs on a file (the same
worker function), so a text gives the same record here as in a file on the command line; only
``id`` and ``source.path`` say where it came from. The model is loaded once per process and
kept for later calls.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from typing import TYPE_CHECKING, Literal, TypeVar

from whosaid import errors
from whosaid.models import Article

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from whosaid.tasks import Outcome, Task

OnError = Literal["raise", "skip"]
T = TypeVar("T")
TEXT_SOURCE = "<text>"
USER_PIPELINE = "spacy-doc"  # pipeline.model of a record made from a Doc of the user's own pipeline


def extract(
    text: str | Doc,
    *,
    title: str | None = None,
    published: str | date | None = None,
    model: str | None = None,
    article_id: str = "text",
) -> Article:
    """Entities and attributed quotes of one article, as a validated :class:`Article`.

    ``text`` is the article's text or a spaCy ``Doc`` parsed already (by whosaid's model or a
    pipeline of your own with a parser and NER). ``title`` and ``published`` (ISO 8601 text or
    a ``date``/``datetime``; relative dates in the text are read against it) take the place of
    what the read stage finds in the text. ``model`` is a spaCy package name or folder, as for
    ``whosaid run --model``. Raises :class:`whosaid.errors.ArticleError` for text that is no
    article (empty, blank) and :class:`whosaid.errors.ModelError` when no model can be loaded.
    """
    if isinstance(text, str):
        return next(extract_many([text], titles=[title], published=[published], model=model, ids=[article_id]))
    return extract_doc(text, title=title, published=published, article_id=article_id)


def extract_many(
    texts: Iterable[str],
    *,
    ids: Iterable[str] | None = None,
    titles: Iterable[str | None] | None = None,
    published: Iterable[str | date | None] | None = None,
    model: str | None = None,
    jobs: int = 1,
    batch_size: int | None = None,
    on_error: OnError = "raise",
) -> Iterator[Article]:
    """Records for a stream of texts, in input order, holding only a few batches in memory.

    ``ids``, ``titles`` and ``published`` run beside ``texts`` (ids default to the position,
    ``"0"``, ``"1"``, ...). ``jobs`` > 1 parses in that many worker processes. A text that
    fails raises :class:`whosaid.errors.ArticleError` naming its id and the problem, or with
    ``on_error="skip"`` is left out and the stream goes on.
    """
    from whosaid.engines import local_engine
    from whosaid.runner import DEFAULT_BATCH_SIZE

    if jobs < 1:
        raise ValueError(errors.E_JOBS.format(jobs=jobs))
    size = batch_size or DEFAULT_BATCH_SIZE
    tasks = _tasks(texts, ids, titles, published)
    engine = local_engine(model, jobs)
    try:
        for outcomes in engine.map_batches(_batches(tasks, size)):
            for outcome in outcomes:
                article = _article(outcome, on_error)
                if article is not None:
                    yield article
    finally:
        engine.close()


def extract_doc(
    doc: Doc,
    *,
    title: str | None = None,
    published: str | date | None = None,
    article_id: str = "doc",
    model_label: str | None = None,
) -> Article:
    """The record of an article parsed already: the read stage on ``doc.text``, then the
    entity and quote stages on ``doc`` itself (``model_label`` names its model in the record)."""
    from whosaid.read import read_bytes
    from whosaid.record import build_article
    from whosaid.tasks import Task
    from whosaid.worker import with_metadata

    raw = doc.text.encode("utf-8")
    task = Task(TEXT_SOURCE, article_id, raw, hashlib.sha256(raw).hexdigest(), title, _iso(published))
    layout = with_metadata(read_bytes(raw), task)
    label = model_label or _doc_model(doc)
    return build_article(layout, doc, article_id=article_id, source_path=TEXT_SOURCE, model=label)


def _doc_model(doc: Doc) -> str:
    """The label of the model that parsed ``doc`` when it is whosaid's loaded model, else a generic one."""
    from whosaid import worker
    from whosaid.parse import model_label

    nlp = worker.loaded_model()
    if nlp is not None and nlp.vocab is doc.vocab:
        return model_label(nlp)
    return USER_PIPELINE


def _tasks(
    texts: Iterable[str],
    ids: Iterable[str] | None,
    titles: Iterable[str | None] | None,
    published: Iterable[str | date | None] | None,
) -> Iterator[Task]:
    from whosaid.tasks import Task

    id_iter = iter(ids) if ids is not None else None
    title_iter = iter(titles) if titles is not None else None
    published_iter = iter(published) if published is not None else None
    for position, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(errors.E_API_TEXT.format(position=position, kind=type(text).__name__))
        article_id = _next(id_iter, "ids", position) if id_iter is not None else str(position)
        title = _next(title_iter, "titles", position) if title_iter is not None else None
        when = _next(published_iter, "published", position) if published_iter is not None else None
        raw = text.encode("utf-8")
        yield Task(TEXT_SOURCE, str(article_id), raw, hashlib.sha256(raw).hexdigest(), title, _iso(when))


def _next(values: Iterator[T], name: str, position: int) -> T:
    try:
        return next(values)
    except StopIteration:
        raise ValueError(errors.E_API_SHORT.format(name=name, position=position)) from None


def _batches(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while batch := list(islice(tasks, size)):
        yield batch


def _iso(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _article(outcome: Outcome, on_error: OnError) -> Article | None:
    if outcome.status == "ok" and outcome.data is not None:
        return Article.model_validate_json(outcome.data)
    if on_error == "skip":
        return None
    raise errors.ArticleError(errors.E_API_FAILED.format(id=outcome.article_id, reason=outcome.error))
