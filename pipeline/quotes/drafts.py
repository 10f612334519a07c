"""The working state of the quote stage: one article's context and the quotes drafted in it."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from whosaid.lookups import per_distinct
from whosaid.quotes.method import Method

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from whosaid.models import Speaker
    from whosaid.quotemarks import Mask
    from whosaid.speakers import EntityIndex

_BREAK = re.compile("\n")


@dataclass
class Draft:
    """A quote before it becomes a record: content fragments, the rule, cue and speaker."""

    kind: str
    fragments: list[tuple[int, int]]
    method: Method
    cue: Token | None = None
    speaker: Speaker | None = None
    pronoun: bool = False  # the speaker is a pronoun resolved to a person
    closed: bool = True
    quoted: list[tuple[int, int]] = field(default_factory=list)
    cue_probability: float | None = None  # the learned cue detector's, on the learned path
    # On the learned path, how likely the choosers found their best other content span and source
    # against the rule's (``content_choice``, ``source_choice``), taken or not; None without one.
    content_choice: float | None = None
    source_choice: float | None = None

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


@dataclass
class Context:
    """One article as the finders see it: the parse, its entities and where quotation marks are."""

    doc: Doc
    text: str  # doc.text, kept: spaCy rebuilds it from the tokens on every access
    index: EntityIndex
    mask: Mask  # inside a direct quote (content or marks)
    quoted_any: Mask  # inside any quotation marks, inline ones included
    char_token: array[int]
    # How many letters and digits, and how many inside a direct quote, come before each offset.
    letters_before: Any = None
    quoted_letters_before: Any = None
    commas: list[int] = field(default_factory=list)  # indices of the comma tokens
    breaks: list[int] = field(default_factory=list)  # offsets of the line breaks
    # The speaker each word names, as ``sources.resolve`` found it (a word is asked about again and again).
    speakers: dict[int, tuple[Speaker | None, bool]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        import numpy
        from spacy.attrs import ORTH

        orth = self.doc.to_array([ORTH]) if len(self.doc) else numpy.zeros(0, dtype=numpy.uint64)
        self.commas = numpy.flatnonzero(orth == self.doc.vocab.strings[","]).tolist()
        self.breaks = [match.start() for match in _BREAK.finditer(self.text)]
        letters = _alphanumeric(self.text)
        quoted = letters & numpy.array(self.mask[: len(self.text)], dtype=bool)
        self.letters_before = _counts_before(letters)
        self.quoted_letters_before = _counts_before(quoted)

    def token_at(self, offset: int) -> Token | None:
        if 0 <= offset < len(self.char_token) and self.char_token[offset] >= 0:
            return self.doc[self.char_token[offset]]
        return None

    def line_start(self, offset: int) -> int:
        """Where the line holding ``offset`` starts (after the last line break before it; 0 when there
        is none): a search of the breaks, not of the text, so a long line costs no more."""
        before = bisect_left(self.breaks, offset)
        return self.breaks[before - 1] + 1 if before else 0

    def in_quote(self, token: Token) -> bool:
        return bool(self.mask[token.idx])


def _alphanumeric(text: str) -> Any:
    """For each character of ``text``, whether ``str.isalnum`` accepts it (decided once per distinct
    character: a test per character, or a regular expression's match per word, costs more)."""
    import numpy

    codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    return per_distinct(codes, lambda code: chr(code).isalnum())


def _counts_before(flags: Any) -> Any:
    """For each offset, how many of ``flags`` before it are set (int32: 4 bytes a character)."""
    import numpy

    counts = numpy.zeros(len(flags) + 1, dtype=numpy.int32)
    numpy.cumsum(flags, dtype=numpy.int32, out=counts[1:])
    return counts


def char_token_map(doc: Doc) -> array[int]:
    """For each character, the index of the token it belongs to (-1 for whitespace between)."""
    import numpy
    from spacy.attrs import IDX, LENGTH

    if not len(doc):
        return array("i")
    columns = doc.to_array([IDX, LENGTH]).astype(numpy.int64)
    starts, lengths = columns[:, 0], columns[:, 1]
    mapping = numpy.full(int(starts[-1] + lengths[-1]), -1, dtype=numpy.int64)
    # The k-th character of the run of all tokens' characters sits at its token's start plus
    # its place inside the token.
    first = numpy.cumsum(lengths) - lengths
    positions = numpy.repeat(starts - first, lengths) + numpy.arange(int(lengths.sum()))
    mapping[positions] = numpy.repeat(numpy.arange(len(doc)), lengths)
    return array("i", mapping.astype(numpy.int32).tobytes())  # 4 bytes a character (a list: about 36)
