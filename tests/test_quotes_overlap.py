"""How drafts overlap each other: the scorer's overlap features (``features.overlap_features``)
and the open-cue drafts a detector's proposals keep (``reported.open_cues.first_apart``)."""

from __future__ import annotations

from whosaid.quotes.drafts import Draft
from whosaid.quotes.features import overlap_features
from whosaid.quotes.method import Method
from whosaid.quotes.reported.open_cues import first_apart


def _draft(start: int, end: int, method: Method = Method.CCOMP) -> Draft:
    return Draft(kind="indirect", fragments=[(start, end)], method=method)


def test_overlap_features_name_the_relation_and_the_other_draft() -> None:
    outer, inner, crossing, apart = _draft(0, 50), _draft(10, 20, Method.OPEN_CUE), _draft(45, 70), _draft(80, 90)
    found = overlap_features([outer, inner, crossing, apart])
    assert found[0] == {
        "overlap=holds|other=open": 1.0,
        "method=ccomp|overlap=holds|other=open": 1.0,
        "overlap=crosses|other=rule": 1.0,
        "method=ccomp|overlap=crosses|other=rule": 1.0,
    }
    assert found[1] == {"overlap=inside|other=rule": 1.0, "method=open-cue|overlap=inside|other=rule": 1.0}
    assert set(found[2]) == {"overlap=crosses|other=rule", "method=ccomp|overlap=crosses|other=rule"}
    assert found[3] == {}


def test_a_draft_of_the_same_span_is_not_an_overlap() -> None:
    assert overlap_features([_draft(0, 10), _draft(0, 10, Method.OPEN_CUE)]) == [{}, {}]


def test_first_apart_keeps_the_earlier_of_two_overlapping_drafts() -> None:
    first, overlapping, later = _draft(0, 30), _draft(20, 40), _draft(40, 60)
    assert first_apart([first, overlapping, later]) == [first, later]
    # Without the first (a word the detector did not propose), the second stands.
    assert first_apart([overlapping, later]) == [overlapping, later]
