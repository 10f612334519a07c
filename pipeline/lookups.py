"""Lookups that keep the stages linear in an article's length.

A stage that asks, for each mention or draft, a question about all the others (which cluster
it belongs to, whether anything overlaps it) takes time growing with the square of the
article's length: a 500 KB article's entity stage spent most of its time so. These answer
the same questions in (about) constant or logarithmic time, with the same answers.

- ``KeyIndex``: items filed under keys computed from a property that can change (a cluster
  under the words of its name, which grows as mentions join it), found again by key in the
  order a scan over all of them would meet them.
- ``SpanSet``: whether any of a fixed set of spans overlaps a given span.
- ``SpanIndex``: which of a fixed set of spans overlap a given span.
- ``word_alternation``: a regular expression for "any of these strings", as a prefix tree:
  Python's ``re`` tries a plain ``a|b|c`` alternative by alternative at every position, so
  finding an article's thousands of names in its text took time growing with both.
- ``find_words``: where any of a set of strings stands as a whole word, by ``str.find`` for a
  few strings (compiling an article's own regular expression cost more than the search) and
  by ``word_alternation`` for many.
- ``per_distinct``: a test of each token (or character) decided once per distinct value of an
  array of them: a Python call per token costs more than the test.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Hashable, Iterable
from itertools import accumulate
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class KeyIndex(Generic[T]):
    """``find(key)``: the items whose current keys hold ``key``, in the order they were first put
    (the order a scan over every item, in that order, would meet them)."""

    def __init__(self, keys_of: Callable[[T], list[str]], version_of: Callable[[T], Hashable]) -> None:
        self._keys_of = keys_of
        self._version_of = version_of
        self._keys: dict[int, tuple[Hashable, list[str]]] = {}  # id -> (version the keys were made from, keys)
        self._order: dict[int, int] = {}
        self._under: dict[str, dict[int, T]] = {}

    def keys(self, item: T) -> list[str]:
        """The keys ``item`` was last filed under."""
        return self._keys[id(item)][1]

    def put(self, item: T) -> None:
        """File ``item``, or file it again when its version changed since."""
        version = self._version_of(item)
        known = self._keys.get(id(item))
        if known is not None and known[0] == version:
            return
        keys = self._keys_of(item)
        self._keys[id(item)] = (version, keys)
        self._order.setdefault(id(item), len(self._order))
        for key in keys:
            self._under.setdefault(key, {})[id(item)] = item

    def find(self, key: str) -> list[T]:
        found = [item for item in self._under.get(key, {}).values() if key in self.keys(item)]
        return sorted(found, key=lambda item: self._order[id(item)])


class SpanSet:
    """Half-open ``(start, end)`` spans; ``overlaps(start, end)`` says, in logarithmic time, whether
    any of them overlaps ``start:end`` (``s < end and start < e``, as a scan would test)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # the spans starting before ``end``
        return before > 0 and self._reach[before - 1] > start


class SpanIndex:
    """Half-open ``(start, end)`` spans; ``overlapping(start, end)`` lists those that overlap
    ``start:end`` (``s < end and start < e``), found by bisection among the spans that start
    within the longest span's length of ``start``."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]
        self._longest = max((end - start for start, end in self._spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        low = bisect_right(self._starts, start - self._longest)  # earlier ones end by ``start``
        high = bisect_left(self._starts, end)
        return [(s, e) for s, e in self._spans[low:high] if start < e]


def word_alternation(words: Iterable[str]) -> str:
    """A pattern matching any of ``words``: at a position where several match (each a prefix of
    the next), the longest first, then shorter ones as backtracking asks, as ``"|".join`` of
    them sorted longest first would. The words are matched literally. Words longer than
    ``_TRIE_LIMIT`` characters (whose nesting could reach the recursion limits) give the plain
    alternation."""
    ordered = sorted(set(words), key=len, reverse=True)
    if ordered and len(ordered[0]) > _TRIE_LIMIT:
        return "|".join(re.escape(word) for word in ordered)
    trie: dict[str, dict[str, Any]] = {}
    for word in ordered:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def render(node: dict[str, Any]) -> str:
        chain = []
        while "" not in node and len(node) == 1:  # one way on: no group needed
            [(char, node)] = node.items()
            chain.append(re.escape(char))
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")" if branches else ""
        return "".join(chain) + (f"(?:{body})?" if "" in node and body else body)

    return render(trie)


_TRIE_LIMIT = 150


# Up to this many words, ``find_words`` searches for each with ``str.find`` (time: words x text);
# past it, one regular expression (its compilation costs more than a few searches, about 0.5 ms).
_FIND_LIMIT = 48


def _joins(char: str) -> bool:
    """Whether ``char`` continues a word (``\\w`` or a hyphen): no name starts or ends beside it."""
    return char.isalnum() or char in "_-"


def find_words(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where any of ``words`` stands in ``text`` as a whole word (no letter, digit, underscore or
    hyphen right before or after it), left to right, the longest that fits at each place, never
    overlapping: the matches of ``(?<![\\w-])(?:word_alternation(words))(?![\\w-])``."""
    distinct = set(words)
    if len(distinct) > _FIND_LIMIT:
        pattern = re.compile(r"(?<![\w-])(?:" + word_alternation(distinct) + r")(?![\w-])")
        return [match.span() for match in pattern.finditer(text)]
    return _found_by_find(text, distinct)


def _found_by_find(text: str, words: set[str]) -> list[tuple[int, int]]:
    starts: dict[int, list[int]] = {}  # where a word begins -> the lengths of the words found there
    for word in words:
        at = text.find(word) if word else -1
        while at >= 0:
            starts.setdefault(at, []).append(len(word))
            at = text.find(word, at + 1)
    found: list[tuple[int, int]] = []
    reached = 0  # where the last match ended: the search goes on from there
    for start in sorted(starts):
        if start < reached or (start > 0 and _joins(text[start - 1])):
            continue
        for length in sorted(starts[start], reverse=True):
            end = start + length
            if end == len(text) or not _joins(text[end]):
                found.append((start, end))
                reached = end
                break
    return found


def per_distinct(values: Any, decide: Callable[[int], Any], dtype: Any = bool) -> Any:
    """``decide(value)`` for each of ``values`` (a one-dimensional numpy array of integers: a Doc's
    hashes, code points), called once per distinct value, as a numpy array of ``dtype``."""
    import numpy

    distinct, at = numpy.unique(values, return_inverse=True)
    decided = numpy.array([decide(value) for value in distinct.tolist()], dtype=dtype)
    return decided[at.reshape(-1)]
