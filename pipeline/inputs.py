"""The runner's inputs: find the files (and standard input), and turn each into article tasks.

Folders are searched recursively for files of a known format (``whosaid.sources.FORMATS``);
other files there are noted as ignored. A ``.txt`` file is one task carrying its bytes, as it
always was; every other input is read here, in the parent process, by the reader of its
format, and each article in it becomes a task carrying its text and fields. A part of an
input that is not an article (a bad JSON line) becomes an error entry naming its line, and
the rest of the input goes on.

Ids: a file's id is its path relative to the input folder without extension (``stdin`` for
standard input); an article inside a multi-article file has the file's id, ``/``, and its
own id from the input (id or url field, Factiva accession number) when it has one, else its
index in the file (0-based).
"""

from __future__ import annotations

import hashlib
import stat
import sys
from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from whosaid import errors
from whosaid.sources import (
    BadItem,
    Fields,
    InputArticle,
    SourceFormat,
    format_for,
    is_multi_article_text,
    read_articles,
)
from whosaid.tasks import Outcome, Task

STDIN = Path("-")
STDIN_ID = "stdin"


@dataclass(frozen=True)
class Candidate:
    """One input to read: a file, or standard input (``path`` None)."""

    path: Path | None
    display: str
    article_id: str
    format: SourceFormat
    data: bytes | None = None  # standard input, read once


@dataclass(frozen=True)
class InputOptions:
    max_bytes: int
    fields: Fields = field(default_factory=Fields)
    format: SourceFormat | None = None  # every input read as this; None: by extension
    any_language: bool = False


def discover(inputs: Sequence[Path], fmt: SourceFormat | None = None) -> tuple[list[Candidate], list[Outcome]]:
    """The readable inputs under ``inputs`` (folders recursively), and entries for those that are not."""
    found: list[Candidate] = []
    rejected: list[Outcome] = []
    ids: dict[str, str] = {}
    seen: set[str] = set()
    for given in inputs:
        if given == STDIN:
            found.append(Candidate(None, "-", STDIN_ID, fmt or "txt", sys.stdin.buffer.read()))
            continue
        if not given.exists() and not given.is_symlink():
            raise errors.WhosaidError(errors.E_NO_INPUT.format(path=given))
        if given.is_dir():
            paths = sorted(p for p in given.rglob("*") if not p.is_dir() and not _hidden(p.relative_to(given)))
            base = given
        else:
            paths = [given]
            base = given.parent
        for path in paths:
            display = path.as_posix()
            chosen = fmt or format_for(path)
            if chosen is None:
                status = "error" if path == given else "ignored"
                rejected.append(Outcome(path=display, article_id=None, status=status, error=errors.E_NOT_TEXT))
                continue
            if display in seen:
                continue  # the same file named twice
            seen.add(display)
            article_id = unique_id(path.relative_to(base).with_suffix("").as_posix(), base.resolve().name, ids)
            ids[article_id] = display
            found.append(Candidate(path, display, article_id, chosen))
    return found, rejected


def unique_id(natural: str, input_name: str, taken: Container[str]) -> str:
    """``natural`` (the path under its input), else qualified by the input's name, else numbered:
    ``run a b`` with ``a/x.txt`` and ``b/x.txt`` gives ``x`` and ``b/x``, the same on every run."""
    if natural not in taken:
        return natural
    qualified = f"{input_name}/{natural}" if input_name else natural
    number = 1
    candidate = qualified
    while candidate in taken:
        number += 1
        candidate = f"{qualified}~{number}"
    return candidate


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def tasks(candidates: Sequence[Candidate], options: InputOptions) -> Iterator[Task | Outcome]:
    """Every article of every input as a task, in order, or the entry saying why it is none.

    Two articles inside one input with one id (two rows with one url): the second is numbered,
    ``news/<url>~2``, as ``unique_id`` numbers files.
    """
    ids: set[str] = {candidate.article_id for candidate in candidates}
    for candidate in candidates:
        for item in _candidate_tasks(candidate, options):
            if isinstance(item, Task) and item.article is not None and item.article.index is not None:
                item = replace(item, article_id=unique_id(item.article_id, "", ids))
                ids.add(item.article_id)
            yield item


def count(candidates: Sequence[Candidate], options: InputOptions) -> int:
    """How many articles and error entries ``tasks`` will yield, for progress: a quick pass that
    reads every multi-article input once more (cheap beside the parse), without the HTML extraction."""
    total = 0
    for candidate in candidates:
        if candidate.format == "html" or (candidate.format == "txt" and candidate.path is None):
            total += 1
        else:
            total += sum(1 for _ in _candidate_tasks(candidate, options))
    return total


def _candidate_tasks(candidate: Candidate, options: InputOptions) -> Iterator[Task | Outcome]:
    if candidate.format == "jsonl" and candidate.path is not None:
        try:
            with candidate.path.open("rb") as stream:  # streamed: JSON Lines files can be large
                yield from _article_tasks(candidate, read_articles(stream, "jsonl", options.fields), options)
        except OSError as error:
            yield _failed(candidate, errors.E_UNREADABLE.format(reason=error.strerror or error))
        return
    loaded = _load(candidate, options.max_bytes)
    if isinstance(loaded, Outcome):
        yield loaded
        return
    if candidate.format == "txt" and not is_multi_article_text(loaded):
        # One plain-text article: its bytes go to the worker as they are, as they always did.
        if len(loaded) > options.max_bytes:
            yield _failed(candidate, errors.E_TOO_LARGE.format(size=len(loaded), limit=options.max_bytes))
        else:
            digest = hashlib.sha256(loaded).hexdigest()
            yield Task(
                candidate.display, candidate.article_id, loaded, digest, skip_other_languages=not options.any_language
            )
        return
    yield from _article_tasks(candidate, read_articles(loaded, candidate.format, options.fields), options)


def _article_tasks(
    candidate: Candidate, items: Iterator[BadItem | InputArticle], options: InputOptions
) -> Iterator[Task | Outcome]:
    try:
        for item in items:
            if isinstance(item, BadItem):
                yield Outcome(
                    path=candidate.display,
                    article_id=None,
                    status="error",
                    error=item.message(),
                    line=item.line,
                    index=item.index,
                )
                continue
            article_id = candidate.article_id
            if item.index is not None:
                article_id = f"{article_id}/{item.key or item.index}"
            size = len(item.text.encode("utf-8"))
            if size > options.max_bytes:
                yield _failed(
                    candidate, errors.E_TOO_LARGE.format(size=size, limit=options.max_bytes), article_id, item
                )
                continue
            yield Task(
                candidate.display,
                article_id,
                b"",
                item.fingerprint(),
                title=item.title,
                published=item.published,
                article=item,
                skip_other_languages=not options.any_language,
            )
    except errors.ArticleError as error:
        yield _failed(candidate, str(error))


def _failed(
    candidate: Candidate, reason: str, article_id: str | None = None, article: InputArticle | None = None
) -> Outcome:
    return Outcome(
        path=candidate.display,
        article_id=article_id if article_id is not None else candidate.article_id,
        status="error",
        error=(f"line {article.line}: {reason}" if article is not None and article.line is not None else reason),
        line=article.line if article else None,
        index=article.index if article else None,
    )


def _load(candidate: Candidate, max_bytes: int) -> bytes | Outcome:
    """An input's bytes, or the reason they cannot be read. A ``.txt`` file over ``max_bytes`` is
    refused unread unless it is a multi-article export (each article is then held to the limit)."""
    if candidate.path is None:
        return candidate.data or b""
    path = candidate.path
    try:
        info = path.stat()
    except FileNotFoundError:
        return _failed(
            candidate, errors.E_BROKEN_LINK if path.is_symlink() else errors.E_UNREADABLE.format(reason="file vanished")
        )
    except OSError as error:
        return _failed(candidate, errors.E_UNREADABLE.format(reason=error.strerror or error))
    if not stat.S_ISREG(info.st_mode):
        return _failed(candidate, errors.E_UNREADABLE.format(reason="not a regular file"))
    try:
        if info.st_size > max_bytes and candidate.format in ("txt", "html"):
            with path.open("rb") as file:
                head = file.read(200_000)
            if candidate.format == "html" or not is_multi_article_text(head):
                return _failed(candidate, errors.E_TOO_LARGE.format(size=info.st_size, limit=max_bytes))
        return path.read_bytes()
    except OSError as error:
        return _failed(candidate, errors.E_UNREADABLE.format(reason=error.strerror or error))
