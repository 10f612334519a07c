"""LexisNexis (nexis.com) and Nexis Uni exports, text or DOCX: many articles in one file.

Two layouts, told apart by their separators:

- nexis.com text: each article opens with ``N of M DOCUMENTS``; then the publication, a date
  line (``January 11, 2010 Monday``), perhaps an edition, the headline, ``BYLINE:``,
  ``SECTION:``, ``LENGTH:``, the body, and closing labels (``LOAD-DATE:``, ``LANGUAGE:``, ...).
- Nexis Uni (DOCX, or its text): an optional cover page, then per article the headline, the
  publication, the date line, labels written with a non-breaking space (``Length:\\xa0512
  words``, ``Byline:\\xa0...``), a ``Body`` line, the body, ``Load-Date:`` and ``End of
  Document``.

Each article becomes its headline, a blank line and its body paragraphs (apart by blank
lines), with the publication, date and byline kept beside it. A file in neither layout is read
as one article. Written after studying how LexisNexisTools (R) splits these files.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from whosaid import errors
from whosaid.models import SourceFormat
from whosaid.sources import InputArticle, Item

_START = re.compile(r"^\s*(?:FOCUS - )?\d+ of \d+ DOCUMENTS?\s*$")
_END = re.compile(r"^\s*End of Document\s*$")
_LABEL = re.compile(r"^(?P<name>[A-Za-z][A-Za-z-]*(?: [A-Za-z-]+)?):[\s\u00a0]+(?P<value>.*)$")
_BYLINE = ("byline", "author")
_META_LABELS = {"byline", "author", "section", "length", "dateline", "highlight", "headline", "edition", "copyright"}
# Labels that close the body.
_END_LABELS = {
    "load-date",
    "language",
    "publication-type",
    "graphic",
    "notes",
    "correction-date",
    "url",
    "subject",
    "organization",
    "person",
    "geographic",
    "industry",
    "company",
    "ticker",
    "document-type",
    "journal-code",
    "acc-no",
    "type",
}
_END_LINES = {"Classification", "End of Document"}
_BODY_LINES = {"Body", "Text"}
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = rf"(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}}\.? {_MONTH} \d{{4}})"
_DATE_LINE = re.compile(rf"^(?:{_WEEKDAY},? )?{_DAY}(?:[ ,]+{_WEEKDAY})?\b.{{0,40}}$")
_EDITION = re.compile(r"\bedition\b", re.I)
E_DOCX = "cannot read this DOCX file ({reason})"


@dataclass(frozen=True)
class _Line:
    text: str
    number: int | None  # 1-based line in a text file; None in a DOCX


def looks_like_nexis(text: str) -> bool:
    """Whether ``text`` is a Nexis export: ``N of M DOCUMENTS`` lines, or ``End of Document``
    lines with Nexis Uni's labels."""
    lines = text.splitlines()
    if any(_START.match(line) for line in lines):
        return True
    return any(_END.match(line) for line in lines) and any(
        (label := _label(line.strip())) is not None and label[0] in ("length", "load-date") for line in lines
    )


def read_nexis_text(text: str, encoding: str = "utf-8") -> Iterator[Item]:
    """The articles of a Nexis text export; a text in neither layout is one article."""
    lines = [_Line(line.strip(), number) for number, line in enumerate(text.splitlines(), start=1)]
    yield from _articles(lines, "nexis", encoding, whole=text)


def read_nexis_docx(raw: bytes) -> Iterator[Item]:
    """The articles of a Nexis Uni (or nexis.com) DOCX export; any other DOCX is one article."""
    import zipfile

    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise errors.ArticleError(E_DOCX.format(reason=error)) from None
    lines = [_Line(paragraph.text.strip(), None) for paragraph in document.paragraphs]
    yield from _articles(lines, "docx", "utf-8", whole=None)


def _articles(lines: list[_Line], fmt: SourceFormat, encoding: str, whole: str | None) -> Iterator[Item]:
    chunks: list[list[_Line]] = []
    if any(_START.match(line.text) for line in lines):
        for line in lines:
            if _START.match(line.text):
                chunks.append([line])  # kept for its line number; no metadata line looks like it
            elif chunks:
                chunks[-1].append(line)
        uni = False
    elif any(_END.match(line.text) for line in lines):
        chunks = [[]]
        for line in lines:
            if _END.match(line.text):
                chunks.append([])
            else:
                chunks[-1].append(line)
        uni = True
    else:
        paragraphs = [line.text for line in lines if line.text]
        text = whole if whole is not None else "\n\n".join(paragraphs) + "\n"
        if text.strip():
            yield InputArticle(text=text, format="txt" if whole is not None else fmt, encoding=encoding)
        else:
            raise errors.ArticleError(errors.E_BLANK)
        return
    index = 0
    for chunk in chunks:
        kept = [line for line in chunk if line.text]
        if not kept:
            continue
        yield _article(kept, uni, fmt, encoding, index)
        index += 1


def _label(text: str) -> tuple[str, str] | None:
    match = _LABEL.match(text)
    if match is None:
        return None
    name = match.group("name").lower()
    if name not in _META_LABELS and name not in _END_LABELS:
        return None
    return name, match.group("value").strip()


def _label_name(text: str) -> str | None:
    label = _label(text)
    return label[0] if label is not None else None


def _article(lines: Sequence[_Line], uni: bool, fmt: SourceFormat, encoding: str, index: int) -> InputArticle:
    first = lines[0].number
    if _START.match(lines[0].text):
        lines = lines[1:]
    texts = [line.text for line in lines]
    labels = {label[0]: label[1] for text in texts if (label := _label(text)) is not None}
    names = [_label_name(text) for text in texts]
    body_at = next((i for i, text in enumerate(texts) if text in _BODY_LINES), None)
    if body_at is None:
        body_at = next((i for i, name in enumerate(names) if name == "length"), None)
    meta = texts[:body_at] if body_at is not None else []
    start = body_at + 1 if body_at is not None else 0
    end = next((i for i in range(start, len(texts)) if texts[i] in _END_LINES or names[i] in _END_LABELS), len(texts))
    body = [text for text, name in zip(texts[start:end], names[start:end], strict=True) if name != "dateline"]
    plain = [text for text in meta if _label(text) is None]
    date_at = next((i for i, text in enumerate(plain) if _DATE_LINE.match(text)), None)
    headline, publication = _headline(plain, date_at, uni)
    if labels.get("headline"):
        headline = labels["headline"]
    paragraphs = ([headline] if headline else []) + body
    return InputArticle(
        text="\n\n".join(paragraphs) + "\n",
        format=fmt,
        encoding=encoding,
        title=headline,
        published=plain[date_at] if date_at is not None else None,
        byline=next((labels[name] for name in _BYLINE if labels.get(name)), None),
        publication=publication,
        # Where the article starts: its separator line, or its headline.
        line=first if not uni else next((line.number for line in lines if line.text == headline), first),
        index=index,
    )


def _headline(plain: list[str], date_at: int | None, uni: bool) -> tuple[str | None, str | None]:
    """The headline and publication among the metadata lines without a label."""
    if date_at is None:
        return (plain[0] if plain else None), None
    if uni:
        # Headline, publication, date (a cover page may come before the first article).
        publication = plain[date_at - 1] if date_at >= 1 else None
        headline = plain[date_at - 2] if date_at >= 2 else None
        return headline, publication
    # Publication, date, edition lines, then the headline.
    publication = plain[date_at - 1] if date_at >= 1 else None
    rest = plain[date_at + 1 :]
    while rest and _EDITION.search(rest[0]) and len(rest) > 1:
        rest = rest[1:]
    return (" ".join(rest) or None), publication
