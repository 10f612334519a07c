"""Shared fixtures: the real model, the example article, and the optional ../shared folder."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from whosaid.models import Article

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "000_fe18a11ffd38cfee.txt"
SHARED = Path(os.environ.get("WHOSAID_SHARED", REPO.parent / "shared"))


def found(article: Article) -> dict[str, tuple[str, bool]]:
    """Quote text -> (speaker name, whether the speaker is linked to an entity)."""
    return {q.text: (q.speaker.name, q.speaker.entity_id is not None) for q in article.quotes if q.speaker}


@pytest.fixture(scope="session")
def nlp() -> Any:
    from whosaid.parse import load_model

    return load_model()


@pytest.fixture(scope="session")
def process(nlp: Any) -> Callable[[str], Article]:
    """Run the whole chain on a text, as the runner does for a file, with ``--attribution rules``:
    the rule tables and the stages' tests read the rules' quotes, whose every field follows from
    the rules; the learned path (the default) has its own tests (tests/test_quotes_learned.py)."""
    from whosaid.attribution import Attribution
    from whosaid.parse import model_label
    from whosaid.read import read_bytes
    from whosaid.record import build_article

    def run(text: str) -> Article:
        layout = read_bytes(text.encode("utf-8"))
        return build_article(
            layout,
            nlp(layout.parse_text),
            article_id="t",
            source_path="t.txt",
            model=model_label(nlp),
            attribution=Attribution.RULES,
        )

    return run


@pytest.fixture(scope="session")
def seed(process: Callable[[str], Article]) -> Article:
    return process(SEED.read_text(encoding="utf-8"))


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared material not found at {SHARED} (set WHOSAID_SHARED to its folder)")
    return SHARED


# One row per quote, as the rule tables of tests/test_quotes_*.py write them:
# (kind, content, speaker name or None, cue or None, method as recorded).
QuoteRow = tuple[str, str, str | None, str | None, str]


@pytest.fixture(scope="session")
def quote_rows(process: Callable[[str], Article]) -> Callable[[str], list[QuoteRow]]:
    """The quotes the whole chain finds in a text, as table rows."""

    def rows(text: str) -> list[QuoteRow]:
        return [
            (q.kind, q.text, q.speaker.name if q.speaker else None, q.cue.text if q.cue else None, q.method)
            for q in process(text).quotes
        ]

    return rows


# A table of speakers: a text, a quote's words and the speaker the chain gives it (``speaker_of``).
SPEAKER_TABLE = ("text", "quote", "speaker")
SpeakerOf = Callable[[str, str], tuple[str, bool]]


@pytest.fixture(scope="session")
def speaker_of(process: Callable[[str], Article]) -> SpeakerOf:
    """The speaker the whole chain gives the quote ``quote`` of a text: (name, whether linked to an
    entity); for the speaker tables of tests/test_descriptions.py, test_parties.py, test_role_pronouns.py."""

    def speaker(text: str, quote: str) -> tuple[str, bool]:
        return found(process(text))[quote]

    return speaker
