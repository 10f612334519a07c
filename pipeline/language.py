"""Which language an article is in, offline: py3langid's model ships inside its wheel.

The English model turns other languages into nonsense without a word, so the runner skips
articles in another language unless asked not to. An article counts as not English only when
the identifier is sure of another language; short or mixed texts, where it is unsure, are
taken as English and processed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

ENGLISH = "en"
# Probability (normalised over the identifier's 97 languages) above which another language is believed.
SURE = 0.9
# The start of a long article is enough to know its language, and caps the cost.
_SAMPLE_CHARS = 5000
# Words that make up about a quarter of running English prose and next to none of other
# languages' text: not "a", "in", "is", "was", "had", "die", which others share. Counted among the
# words written without a capital: names ("Kieran Campbell", "Ulster", "Connacht") are in no
# language's list, and in a name-heavy sports report they pushed the share under the bar (12 of
# BBC's 2,225 articles; among lower-case words the lowest BBC article has 0.17, and none of spaCy's
# example sentences in 67 other languages reaches 0.08). A text of ``_PLAIN_WORDS`` such words or
# more where they reach ``_PLAIN_SHARE`` is English without asking the identifier, whose model
# takes a second to load and a few milliseconds an article.
_ENGLISH_WORDS = frozenset(
    "the of and to that for with were are have has been it its this from by not but his her they "
    "their he she which would will said".split()
)
_PLAIN_WORDS = 40
_PLAIN_SHARE = 0.15
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """The most likely language of ``text`` (ISO 639-1 code) and its probability."""
    language, probability = _identifier().classify(text[:_SAMPLE_CHARS])
    return str(language), float(probability)


def plainly_english(text: str) -> bool:
    """Whether the start of ``text`` is surely English by its commonest words alone."""
    words = [word for word in _WORD.findall(text[:_SAMPLE_CHARS]) if not word[0].isupper()]
    return len(words) >= _PLAIN_WORDS and sum(word in _ENGLISH_WORDS for word in words) >= _PLAIN_SHARE * len(words)


def other_language(text: str) -> str | None:
    """The language of ``text`` when the identifier is sure it is not English, else None."""
    if plainly_english(text):
        return None
    language, probability = identify(text)
    return language if language != ENGLISH and probability >= SURE else None
