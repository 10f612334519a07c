"""The record contract validates itself: offsets, texts, ids and references."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError
from whosaid.models import Article

TEXT = "Zhirnov said “we are safe” today."


def record(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "a",
        "source": {"path": "a.txt", "sha256": "0" * 64, "encoding": "utf-8"},
        "text": TEXT,
        "entities": [
            {
                "id": "e1",
                "kind": "person",
                "label": "PERSON",
                "name": "Zhirnov",
                "mentions": [{"start": 0, "end": 7, "text": "Zhirnov"}],
            }
        ],
        "quotes": [
            {
                "id": "q1",
                "kind": "direct",
                "text": "we are safe",
                "start": 14,
                "end": 25,
                "fragments": [{"start": 14, "end": 25}],
                "quoted": [{"start": 14, "end": 25}],
                "speaker": {
                    "name": "Zhirnov",
                    "entity_id": "e1",
                    "role": None,
                    "mention": {"start": 0, "end": 7, "text": "Zhirnov"},
                },
                "cue": {"start": 8, "end": 12, "text": "said"},
                "method": "cue-before",
                "confidence": 0.9,
            }
        ],
        "pipeline": {"version": "0", "model": "m"},
    }
    base.update(changes)
    return base


def test_a_valid_record_round_trips() -> None:
    article = Article.model_validate(record())
    assert Article.model_validate_json(article.model_dump_json()) == article
    assert json.loads(article.model_dump_json())["schema_version"] == 2


def test_a_version_1_record_still_validates_and_keeps_its_version() -> None:
    old = Article.model_validate(record(schema_version=1))
    assert old.schema_version == 1
    assert old.quotes[0].speaker is not None and old.quotes[0].speaker.name == "Zhirnov"
    with pytest.raises(ValueError, match="schema_version"):
        Article.model_validate(record(schema_version=3))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {
                "entities": [
                    {
                        "id": "e1",
                        "kind": "person",
                        "label": "PERSON",
                        "name": "Z",
                        "mentions": [{"start": 0, "end": 7, "text": "Zhirnox"}],
                    }
                ]
            },
            "differs",
        ),
        (
            {
                "entities": [
                    {
                        "id": "e1",
                        "kind": "person",
                        "label": "PERSON",
                        "name": "Z",
                        "mentions": [{"start": 30, "end": 70, "text": "x"}],
                    }
                ]
            },
            "beyond text length",
        ),
        (
            {
                "entities": [
                    {
                        "id": "e1",
                        "kind": "person",
                        "label": "PERSON",
                        "name": "Z",
                        "mentions": [{"start": 0, "end": 7, "text": "Zhirnov"}],
                    }
                ]
                * 2
            },
            "not unique",
        ),
        ({"entities": []}, "speaker entity e1 not found"),
        ({"extra_field": 1}, "Extra inputs"),
    ],
)
def test_inconsistent_records_are_refused(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Article.model_validate(record(**change))


def test_quote_text_must_match_its_offsets() -> None:
    bad = record()
    bad["quotes"][0]["text"] = "we are sure"
    with pytest.raises(ValidationError, match="text differs"):
        Article.model_validate(bad)


def test_confidence_is_bounded() -> None:
    bad = record()
    bad["quotes"][0]["confidence"] = 1.5
    with pytest.raises(ValidationError, match="less than or equal to 1"):
        Article.model_validate(bad)
