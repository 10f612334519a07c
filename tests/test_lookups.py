"""The lookups that keep long articles linear answer exactly as the scans they replace."""

from __future__ import annotations

import random
from dataclasses import dataclass

from whosaid.lookups import KeyIndex, SpanSet


def test_span_set_answers_as_a_scan_of_every_span() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 60)
            spans.append((start, start + rng.randint(0, 15)))
        index = SpanSet(spans)
        for start in range(0, 70, 3):
            for end in (start, start + 1, start + 4, start + 20):
                expected = any(s < end and start < e for s, e in spans)
                assert index.overlaps(start, end) == expected, (spans, start, end)


def test_span_set_of_nested_spans() -> None:
    # A long span before short ones still covers what follows it.
    index = SpanSet([(0, 100), (10, 12), (20, 22)])
    assert index.overlaps(50, 60)
    assert not index.overlaps(100, 110)
    assert not SpanSet([]).overlaps(0, 10)


@dataclass
class _Named:
    name: str


def test_key_index_finds_by_current_keys_in_first_put_order() -> None:
    index = KeyIndex[_Named](lambda item: item.name.split(), lambda item: item.name)
    blair, brown, tony = _Named("Tony Blair"), _Named("Gordon Brown"), _Named("Tony")
    for item in (blair, brown, tony):
        index.put(item)
    assert index.find("Tony") == [blair, tony]
    assert index.find("Brown") == [brown]
    assert index.find("Smith") == []
    # The name grows: filed under its new words, no longer under a word it lost.
    tony.name = "Tony Benn"
    index.put(tony)
    assert index.find("Benn") == [tony]
    assert index.find("Tony") == [blair, tony]  # still in the order first put
    brown.name = "James Gordon"
    index.put(brown)
    assert index.find("Brown") == []
    assert index.keys(brown) == ["James", "Gordon"]
