"""The lookups that keep long articles linear answer exactly as the scans they replace."""

from __future__ import annotations

import random
from dataclasses import dataclass

from whosaid.lookups import KeyIndex, SpanSet


def test_span_set_and_span_index_answer_as_a_scan_of_every_span() -> None:
    from whosaid.lookups import SpanIndex

    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 60)
            spans.append((start, start + rng.randint(0, 25)))
        index, listing = SpanSet(spans), SpanIndex(spans)
        for start in range(0, 70, 3):
            for end in (start, start + 1, start + 4, start + 20):
                expected = sorted((s, e) for s, e in spans if s < end and start < e)
                assert index.overlaps(start, end) == bool(expected), (spans, start, end)
                assert sorted(listing.overlapping(start, end)) == expected, (spans, start, end)


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


def test_word_alternation_finds_what_the_plain_alternation_finds() -> None:
    """Random word sets over an alphabet with spaces, hyphens and dots (words that are prefixes
    of others, boundaries that make the longest fail): the same matches, in the same places."""
    import random
    import re

    from whosaid.lookups import word_alternation

    rng = random.Random(7)
    alphabet = "ab -.'"
    for _ in range(2000):
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 8))}
        text = "".join(rng.choice(alphabet + "c") for _ in range(60))
        longest_first = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        plain = re.compile(rf"(?<![\w-])(?:{longest_first})(?![\w-])")
        trie = re.compile(rf"(?<![\w-])(?:{word_alternation(words)})(?![\w-])")
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_find_words_finds_what_the_plain_alternation_finds() -> None:
    """``find_words`` by ``str.find`` (few words) and by the prefix tree (many): the matches of the
    plain longest-first alternation between word boundaries, on random texts whose alphabet has
    letters, digits, underscores, hyphens, spaces and dots (words inside others, overlapping
    occurrences, boundaries that make the longest fail)."""
    import random
    import re

    from whosaid.lookups import _FIND_LIMIT, _found_by_find, find_words

    rng = random.Random(11)
    alphabet = "ab1_ -.é"
    for trial in range(3000):
        count = rng.randint(1, 8) if trial % 3 else rng.randint(_FIND_LIMIT + 1, _FIND_LIMIT + 20)
        words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(count)}
        text = "".join(rng.choice(alphabet + "c") for _ in range(rng.randint(0, 80)))
        longest_first = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        plain = [m.span() for m in re.finditer(rf"(?<![\w-])(?:{longest_first})(?![\w-])", text)]
        assert find_words(text, words) == plain
        assert _found_by_find(text, words) == plain


def test_find_words_takes_the_longest_whole_name() -> None:
    from whosaid.lookups import find_words

    text = "Tony Blair met Tony Blairite friends, non-Blair voters and Blair."
    found = [text[start:end] for start, end in find_words(text, ["Blair", "Tony Blair", "Tony"])]
    assert found == ["Tony Blair", "Tony", "Blair"]


def test_word_alternation_prefers_the_longest_name_that_ends_at_a_word_boundary() -> None:
    import re

    from whosaid.lookups import word_alternation

    pattern = re.compile(rf"(?<![\w-])(?:{word_alternation(['Blair', 'Tony Blair', 'Tony'])})(?![\w-])")
    text = "Tony Blair met Tony Blairite friends and Blair."
    assert [m.group() for m in pattern.finditer(text)] == ["Tony Blair", "Tony", "Blair"]
    long_name = "X" * 200  # past the prefix tree's limit: the plain alternation, same answers
    assert re.fullmatch(word_alternation([long_name, "Y"]), long_name)
