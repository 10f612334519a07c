"""Which language an article is in, offline: py3langid's model ships inside its wheel.

The English model turns other languages into nonsense without a word, so the runner skips
articles in another language unless asked not to. An article counts as not English only when
the identifier is sure of another language; short or mixed texts, where it is unsure, are
taken as English and processed.
"""

from __future__ import annotations

from functools import cache
from typing import Any

ENGLISH = "en"
# Probability (normalised over the identifier's 97 languages) above which another language is believed.
SURE = 0.9
# The start of a long article is enough to know its language, and caps the cost.
_SAMPLE_CHARS = 5000


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float]:
    """The most likely language of ``text`` (ISO 639-1 code) and its probability."""
    language, probability = _identifier().classify(text[:_SAMPLE_CHARS])
    return str(language), float(probability)


def other_language(text: str) -> str | None:
    """The language of ``text`` when the identifier is sure it is not English, else None."""
    language, probability = identify(text)
    return language if language != ENGLISH and probability >= SURE else None
