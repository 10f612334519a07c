"""What several stages read from one parsed Doc, computed once per article.

spaCy rebuilds ``Doc.text`` from the tokens on every access (a new Python object per token)
and ``Doc.sents`` walks every token; the entity, resolver and quote stages ask for them many
times per article, which cost about a tenth of whosaid's own time. Inside
``computed_once(doc)`` (the record builder opens it around the stages, for the runner, the
Python API and the spaCy component alike) the sentence starts are computed the first time
they are asked for and kept until the block ends; outside such a block they are computed
afresh, so a Doc changed later is never read from a stale copy.

A Doc's text never changes (retokenising keeps it), so it is kept as long as the Doc lives,
in a table that holds the Doc weakly; the parse stage enters the text it tokenised.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_OPEN: dict[int, _Facts] = {}  # id(doc) -> facts; the Doc is alive while its block is open
_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


@dataclass
class _Facts:
    sentence_starts: list[int] | None = None
    kept: dict[str, Any] = field(default_factory=dict)


@contextmanager
def computed_once(doc: Doc) -> Iterator[None]:
    """Keep the facts of ``doc`` for the duration of the block (nested blocks share them)."""
    key = id(doc)
    if key in _OPEN:
        yield
        return
    _OPEN[key] = _Facts()
    try:
        yield
    finally:
        del _OPEN[key]


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> Doc:
    """Note that ``doc`` was tokenised from ``text`` (spaCy's tokeniser keeps every character)."""
    _TEXTS[doc] = text
    return doc


def kept_for_article(doc: Doc) -> dict[str, Any] | None:
    """Where a stage keeps what a later stage of the same article may reuse, while the
    ``computed_once(doc)`` block is open; None outside such a block (nothing is reused then)."""
    facts = _OPEN.get(id(doc))
    return facts.kept if facts is not None else None


def sentence_starts(doc: Doc) -> list[int]:
    """The token index where each sentence of ``doc`` starts, in order (do not modify the list)."""
    facts = _OPEN.get(id(doc))
    if facts is not None and facts.sentence_starts is not None:
        return facts.sentence_starts
    starts = [sentence.start for sentence in doc.sents]
    if facts is not None:
        facts.sentence_starts = starts
    return starts


def lemma_positions(token: Token) -> list[int]:
    """The indices of the article's tokens with ``token``'s lemma, in order: the tokens by lemma
    are read once from the Doc's arrays while the article's facts are kept, else afresh."""
    from spacy.attrs import LEMMA

    doc = token.doc
    kept = kept_for_article(doc)
    by_lemma: dict[int, list[int]] | None = kept.get("tokens_by_lemma") if kept is not None else None
    if by_lemma is None:
        by_lemma = {}
        for i, lemma in enumerate(doc.to_array([LEMMA]).tolist()):
            by_lemma.setdefault(lemma, []).append(i)
        if kept is not None:
            kept["tokens_by_lemma"] = by_lemma
    return by_lemma.get(token.lemma, [])
