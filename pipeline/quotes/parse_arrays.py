"""What the learned path's choosers and tagger read of an article's parse, by word index: its
heads, dependencies, parts of speech, lower-case forms, punctuation, spaces, breaks (a comma, dash,
colon or semicolon) and sentences, read once per article from the Doc's attribute arrays."""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from whosaid.cues import QUOTE_CHARS

if TYPE_CHECKING:
    from whosaid.quotes.drafts import Context

_BREAKS = frozenset({",", ";", ":", "—", "–", "-", "--"})


@dataclass
class ParseArrays:
    """What the content chooser reads of an article's parse, by word index (read once per article
    from the Doc's attribute arrays: cheaper than Token objects). Compact arrays, not lists: a list
    of numbers costs about 36 bytes a word, these 1-8, and a long article has hundreds of thousands
    of words."""

    head: array[int]
    dep: array[int]  # string ids
    pos: array[int]  # string ids of the coarse part of speech
    lower: array[int]  # string ids of the lower-case form
    punct: bytes  # punctuation (a quotation mark too)
    space: bytes
    edge: bytes  # punctuation (not a quotation mark) or space: trimmed off a span's edges
    blank: bytes  # punctuation or space
    breaks: bytes  # a comma, dash, colon or semicolon
    sent_start: array[int]  # where each word's sentence starts ...
    sent_end: array[int]  # ... and ends (exclusive)
    start: array[int]  # each word's first character ...
    end: array[int]  # ... and the one after its last

    @classmethod
    def of(cls, ctx: Context) -> ParseArrays:
        import numpy
        from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER, ORTH, POS, SENT_START

        doc = ctx.doc
        if not len(doc):
            no_ints, no_hashes = array("i"), array("Q")
            return cls(
                no_ints, no_hashes, no_hashes, no_hashes, b"", b"", b"", b"", b"", no_ints, no_ints, no_ints, no_ints
            )
        columns = doc.to_array([HEAD, DEP, IS_PUNCT, IS_SPACE, SENT_START, IDX, LENGTH, ORTH, POS, LOWER])
        orth = columns[:, 7]
        quotes, breaks = _mark_ids()
        quote = numpy.isin(orth, quotes)
        punct, space = columns[:, 2].astype(bool), columns[:, 3].astype(bool)
        index = numpy.arange(len(doc))
        starts = index[(columns[:, 4].astype(numpy.int64) == 1) | (index == 0)]
        number = numpy.searchsorted(starts, index, side="right") - 1
        ends = numpy.append(starts[1:], len(doc))

        def ints(values: Any) -> array[int]:
            return array("i", numpy.asarray(values, dtype=numpy.int32).tobytes())

        def flags(values: Any) -> bytes:
            return numpy.asarray(values, dtype=numpy.uint8).tobytes()

        def ids(values: Any) -> array[int]:
            return array("Q", numpy.asarray(values, dtype=numpy.uint64).tobytes())

        return cls(
            head=ints(index + columns[:, 0].astype(numpy.int64)),  # HEAD is relative
            dep=ids(columns[:, 1]),
            pos=ids(columns[:, 8]),
            lower=ids(columns[:, 9]),
            punct=flags(punct),
            space=flags(space),
            edge=flags((punct & ~quote) | space),
            blank=flags(punct | space),
            breaks=flags(numpy.isin(orth, breaks)),
            sent_start=ints(starts[number]),
            sent_end=ints(ends[number]),
            start=ints(columns[:, 5]),
            end=ints(columns[:, 5] + columns[:, 6]),
        )

    def trim(self, i: int, j: int) -> tuple[int, int] | None:
        """Character range of words ``i..j``, without edge punctuation and spaces (``trim.trim_content``)."""
        while i <= j and self.edge[i]:
            i += 1
        while j >= i and self.edge[j]:
            j -= 1
        return (self.start[i], self.end[j]) if i <= j else None


@cache
def _mark_ids() -> tuple[list[int], list[int]]:
    """The string ids of the quotation marks and of the breaks (the same in every vocabulary)."""
    from spacy.strings import get_string_id

    return [get_string_id(mark) for mark in QUOTE_CHARS], [get_string_id(mark) for mark in _BREAKS]
