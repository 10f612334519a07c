"""Memory zones over several batches: a worker's memory stays flat without re-learning words.

Strings and lexemes that a parse adds to the vocabulary are freed when spaCy's memory zone
around it closes, which keeps a worker's memory flat however many articles it sees. But a
zone also forgets every word it saw, and a fresh zone has to rebuild the lexeme and the
tokenizer's cache entry of each word again ("the", "said", ... included): with one zone per
batch of four articles that cost about twice the tokenizing itself. So a worker keeps one zone
open over several batches and renews it after ``ZONE_ARTICLES`` articles or ``ZONE_CHARS``
characters, whichever comes first; what the zone holds stays bounded by those two figures.

Inside a zone a new word stays transient, and spaCy's tokenizer caches no token made of one, so
each time a word the model had never seen comes again it is tokenized anew: even one zone over
150 BBC articles made tokenizing cost about twice what it costs outside. So a model's first
``WARM_CHARS`` characters (counted over its lifetime, whatever the run) are parsed outside any
zone: the words of those articles (the commonest in the news: "government", "minister",
"said" forms) stay in the model's vocabulary, as they do with a bare ``nlp.pipe``, and zones
after them only hold rarer words. What the vocabulary keeps is bounded by those characters
(a few MB of news text; at most the words of ``WARM_CHARS`` characters of any text).

Rule for callers: a Doc parsed inside a zone must not be used after the batch that parsed it
(the runner turns every Doc into a record before its batch ends).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from contextlib import ExitStack
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from spacy.language import Language

# Articles, and characters, parsed in one zone before it is renewed.
ZONE_ARTICLES = 64
ZONE_CHARS = 1_000_000
# Characters a model parses outside any zone before its first zone opens (over its lifetime).
WARM_CHARS = 500_000

# Characters each model has parsed outside zones so far.
_WARMED: WeakKeyDictionary[Language, int] = WeakKeyDictionary()


class ZoneKeeper:
    """Keeps one memory zone of a model open across batches and renews it when it is full."""

    def __init__(self, articles: int = ZONE_ARTICLES, chars: int = ZONE_CHARS, warm_chars: int | None = None) -> None:
        self.articles_limit = articles
        self.chars_limit = chars
        self.warm_chars = WARM_CHARS if warm_chars is None else warm_chars
        self._stack: ExitStack | None = None
        self._nlp: Language | None = None
        self.articles = 0
        self.chars = 0
        self.opened = 0  # zones opened so far

    def before_batch(self, nlp: Language, articles: int, chars: int) -> None:
        """Call before parsing a batch of ``articles`` texts of ``chars`` characters in all:
        closes the open zone if it is full or belongs to another model, and opens one if needed
        (none while the model has parsed under ``warm_chars`` characters outside zones)."""
        full = self.articles >= self.articles_limit or self.chars + chars > self.chars_limit
        if self._stack is not None and (full or nlp is not self._nlp):
            self.close()
        warmed = _WARMED.get(nlp, 0)
        if self._stack is None and warmed < self.warm_chars:
            if warmed + chars <= self.warm_chars:
                _WARMED[nlp] = warmed + chars
                return
            _WARMED[nlp] = self.warm_chars  # the first batch that does not fit ends the warm part
        if self._stack is None:
            stack = ExitStack()
            stack.enter_context(nlp.memory_zone())
            self._stack, self._nlp = stack, nlp
            self.opened += 1
        self.articles += articles
        self.chars += chars

    def close(self) -> None:
        """Close the open zone (freeing what it holds) and hand freed memory back to the OS."""
        if self._stack is not None:
            stack, self._stack, self._nlp = self._stack, None, None
            stack.close()
            release_free_memory()
        self.articles = self.chars = 0

    @property
    def is_open(self) -> bool:
        return self._stack is not None


def release_free_memory() -> None:
    """Hand freed heap pages back to the OS (glibc keeps them otherwise, and RSS creeps up)."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _load_libc() -> Any:
    name = ctypes.util.find_library("c")
    if not name or not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


_LIBC = _load_libc()
