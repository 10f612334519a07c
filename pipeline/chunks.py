"""Long texts in chunks: where to cut an article for the parse, and how its parsed chunks join.

An article longer than ``CHUNK_CHARS`` is parsed in chunks of up to ``PIECE_CHARS`` characters
cut at paragraph breaks (in an over-long paragraph, after a sentence-like stop, else at a
space), ``LONG_BATCH`` at a time; ``Parts`` joins the parsed chunks into one Doc whose text is
the article's. Every cut falls where spaCy's tokenizer splits anyway, so the chunks' tokens
are the whole text's tokens.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from whosaid.docfacts import doc_text, remember_text

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Characters parsed at once: above nearly every news article (BBC: at most 26,000), and
# small enough that a chunk's parse needs little memory.
CHUNK_CHARS = 50_000
# Characters of articles parsed together in one batch (past its first article): the parse's
# memory follows the characters in flight (about 3.5 MiB per 1,000 characters, see LONG_BATCH),
# and eight BBC articles of average length hold 18,000.
BATCH_CHARS = 30_000
# A longer article is cut into chunks of at most this many characters; the parse's memory
# follows the characters in flight.
PIECE_CHARS = 10_000
# A long article's chunks parsed at once, whatever the batch size asked for: each chunk in
# flight costs about 35 MiB while it is parsed (measured: peak 194 MiB with one, 292 with four,
# 410 with eight, the model alone 154), and one at a time takes as much CPU time as four.
LONG_BATCH = 1
# Where a chunk may end, best first; each cut falls between whitespace and the next word,
# where spaCy's tokenizer splits anyway, so the chunks' tokens are the whole text's tokens.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*(?=\S)"),  # a paragraph break
    re.compile(r"\n\s*(?=\S)"),  # a line break
    re.compile(r"[.!?…][\"'”’)\]]*\s+(?=\S)"),  # a sentence-like stop
    re.compile(r"\s+(?=\S)"),  # any space
)


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive chunks of at most ``size`` characters covering ``text``."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start + size // 2, start + size)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _cut(text: str, low: int, high: int) -> int:
    """The best place in ``[low, high]`` to end a chunk (``high`` when there is none)."""
    for pattern in _CUTS:
        last = None
        for match in pattern.finditer(text, low, min(len(text), high + 1)):
            last = match
        if last is not None:
            return last.end()
    return high


class Parts:
    """The parsed chunks of one long text, each kept only as its words and attribute arrays (not
    as a Doc) until the last comes, then joined into one Doc as ``Doc.from_docs`` would join them:
    holding every chunk's Doc while the joined one is built doubled a long article's peak memory."""

    def __init__(self) -> None:
        self.count = 0
        self.words: list[str] = []
        self.spaces: list[bool] = []
        self.arrays: list[Any] = []
        self.texts: list[str] = []

    def add(self, doc: Doc) -> None:
        self.count += 1
        self.words.extend(token.text for token in doc)
        self.spaces.extend(bool(token.whitespace_) for token in doc)
        self.arrays.append(doc.to_array(array_attrs()))
        self.texts.append(doc_text(doc))

    def joined(self, nlp: Language) -> Doc:
        import numpy
        from spacy.tokens import Doc

        doc = Doc(nlp.vocab, words=self.words, spaces=self.spaces)
        self.words, self.spaces = [], []
        columns: Any = numpy.concatenate(self.arrays)
        doc.from_array(array_attrs(), columns)
        self.arrays = []
        return remember_text(doc, "".join(self.texts))


def array_attrs() -> list[int | str]:
    """The token attributes ``Doc.from_docs`` carries over (all of them, and the trailing space)."""
    from spacy.attrs import SPACY
    from spacy.tokens import Doc

    attrs: list[int | str] = list(Doc._get_array_attrs())
    return attrs if SPACY in attrs else [*attrs, SPACY]
