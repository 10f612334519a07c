"""The model's attribute rules (POS, morphology and lemma exceptions), applied by lookup.

The English pipelines map each fine-grained tag to its part of speech and morphology, and fix
a few words, with spaCy's ``AttributeRuler``: about 180 Matcher patterns run over every token,
and every match, that is every token, is applied through a ``Span`` and a Python call. That
cost about as much as the whole dependency parse here (14% of bare ``nlp.pipe`` on BBC news).

``ArrayAttributeRuler`` gives the same annotations as the ruler it reads. Each token of each
pattern is compiled into a test of the token's attribute values: equality (``"TAG": "NN"``,
``{"IN": [...]}``), ``NOT_IN`` and ``REGEX``. What a token satisfies depends only on the values
the patterns read (here tag, lower-case form, dependency and whether it is a space), so it is
worked out once per distinct combination and cached; a pattern of several tokens matches
where each of its tokens satisfies its test in turn. The matched rules are applied in the
ruler's order (a later rule wins, attribute by attribute) through the Doc's arrays. Patterns
with anything else (operators such as ``"OP"``, other predicates, extensions) still go through
a Matcher of their own. ``load_model`` puts it in the ruler's place;
``benchmarks/parse_identity.py`` checks that every token attribute comes out identical on whole
corpora.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Doc

RULER_PIPE = "attribute_ruler"
ARRAY_RULER_PIPE = "whosaid_attribute_rules"

# Token attributes a pattern may test without a Matcher (read from the Doc's arrays).
_TESTABLE = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE", "IS_PUNCT", "IS_ALPHA")
# Distinct token value combinations remembered at most (about 20 MiB, measured at about 450 bytes
# each); then the cache starts again, so a long run or a multi-megabyte article stays bounded.
_CACHE_LIMIT = 50_000


@dataclass(frozen=True)
class _TokenTest:
    """One token of a pattern: accepted values per attribute, values refused, patterns searched."""

    equal: tuple[tuple[int, frozenset[int]], ...]  # (attribute id, accepted values)
    refused: tuple[tuple[int, frozenset[int]], ...]  # NOT_IN
    searched: tuple[tuple[int, re.Pattern[str]], ...]  # REGEX, on the value's string


@dataclass
class _Rules:
    """The ruler's patterns compiled: token tests, the patterns built of them, and each rule's effect."""

    count: int
    read: list[int]  # attribute ids read from the Doc, in column order
    tests: list[_TokenTest]
    # (rule id, the test of each of its tokens in order), for every pattern compiled to tests
    patterns: list[tuple[int, tuple[int, ...]]]
    matcher: Matcher | None  # the patterns that could not be compiled
    attrs: list[dict[Any, Any]]
    indices: list[int]
    # tests filed under one (attribute, value) they require; tests that require none
    index: dict[tuple[int, int], list[int]] = field(default_factory=dict)
    unindexed: list[int] = field(default_factory=list)
    # token values -> (tests passed, the patterns whose first token is one of them)
    satisfied: dict[tuple[int, ...], tuple[frozenset[int], list[tuple[int, tuple[int, ...]]]]] = field(
        default_factory=dict
    )
    # rule ids applied to one token -> (array column and value to set, other attributes to set)
    merged: dict[tuple[int, ...], tuple[tuple[tuple[int, int], ...], dict[Any, Any]]] = field(default_factory=dict)


def _token_test(spec: dict[str, Any]) -> _TokenTest | None:
    """The test for one token of a pattern; None when it needs the Matcher."""
    from spacy.attrs import IDS
    from spacy.strings import get_string_id

    if not spec or "OP" in spec:
        return None
    equal: list[tuple[int, frozenset[int]]] = []
    refused: list[tuple[int, frozenset[int]]] = []
    searched: list[tuple[int, re.Pattern[str]]] = []
    for name, value in spec.items():
        if name not in _TESTABLE:
            return None
        attr = IDS[name]
        if isinstance(value, bool) and name.startswith("IS_"):
            equal.append((attr, frozenset({int(value)})))
        elif isinstance(value, str) and not name.startswith("IS_"):
            equal.append((attr, frozenset({get_string_id(value)})))
        elif isinstance(value, dict) and len(value) == 1 and not name.startswith("IS_"):
            [(operator, argument)] = value.items()
            if operator in ("IN", "NOT_IN") and all(isinstance(item, str) for item in argument):
                hashes = frozenset(get_string_id(item) for item in argument)
                (equal if operator == "IN" else refused).append((attr, hashes))
            elif operator == "REGEX" and isinstance(argument, str):
                searched.append((attr, re.compile(argument)))
            else:
                return None
        else:
            return None
    return _TokenTest(tuple(equal), tuple(refused), tuple(searched))


def compile_rules(ruler: Any) -> _Rules:
    """Compile ``ruler`` (a spaCy ``AttributeRuler``) into token tests and, for the rest, a Matcher."""
    from spacy.matcher import Matcher

    tests: dict[_TokenTest, int] = {}
    patterns: list[tuple[int, tuple[int, ...]]] = []
    matcher = Matcher(ruler.vocab)
    for rule_id, entry in enumerate(ruler.patterns):
        left = []
        for pattern in entry["patterns"]:
            compiled = [_token_test(spec) for spec in pattern]
            if not compiled or any(test is None for test in compiled):
                left.append(pattern)
                continue
            patterns.append((rule_id, tuple(tests.setdefault(test, len(tests)) for test in compiled if test)))
        if left:
            matcher.add(str(rule_id), left)
    ordered = sorted(tests, key=tests.__getitem__)
    read = sorted({attr for test in ordered for attr, _ in (*test.equal, *test.refused, *test.searched)})
    rules = _Rules(
        count=len(ruler.attrs),
        read=read,
        tests=ordered,
        patterns=patterns,
        matcher=matcher if len(matcher) else None,
        attrs=list(ruler.attrs),
        indices=list(ruler.indices),
    )
    for number, test in enumerate(ordered):
        if not test.equal:
            rules.unindexed.append(number)
            continue
        attr, accepted = test.equal[0]
        for value in accepted:
            rules.index.setdefault((attr, value), []).append(number)
    return rules


def _satisfied(
    rules: _Rules, key: tuple[int, ...], strings: Any
) -> tuple[frozenset[int], list[tuple[int, tuple[int, ...]]]]:
    """The tests a token with the attribute values ``key`` (in ``rules.read`` order) passes, and
    the patterns that start with one of them."""
    value = dict(zip(rules.read, key, strict=True))
    candidates = list(rules.unindexed)
    for attr, number in value.items():
        candidates.extend(rules.index.get((attr, number), ()))
    passed = frozenset(
        number
        for number in candidates
        if all(value[attr] in accepted for attr, accepted in rules.tests[number].equal)
        and all(value[attr] not in refused for attr, refused in rules.tests[number].refused)
        and all(pattern.search(strings[value[attr]]) for attr, pattern in rules.tests[number].searched)
    )
    return passed, [pattern for pattern in rules.patterns if pattern[1][0] in passed]


class ArrayAttributeRuler:
    """A pipeline component that applies an ``AttributeRuler``'s rules as the ruler would."""

    def __init__(self, ruler: Any) -> None:
        self.ruler = ruler
        self.name = ARRAY_RULER_PIPE
        self._rules: _Rules | None = None

    def rules(self) -> _Rules:
        if self._rules is None or self._rules.count != len(self.ruler.attrs):
            self._rules = compile_rules(self.ruler)
        return self._rules

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules()
        if len(doc) == 0:
            return doc
        matched = _matches(doc, rules)
        if matched:
            _apply(doc, rules, matched)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def _matches(doc: Doc, rules: _Rules) -> dict[int, list[int]]:
    """Token index -> the ids of the rules that apply to it (from the tests, then the Matcher)."""
    matched: dict[int, list[int]] = {}
    if rules.read:
        read: Any = rules.read  # spaCy's stubs want list[int | str]
        columns: Any = doc.to_array(read)
        keys = [tuple(row) for row in columns.tolist()] if len(rules.read) > 1 else [(v,) for v in columns.tolist()]
        cache = rules.satisfied
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        found = []
        for key in keys:
            entry = cache.get(key)
            if entry is None:
                entry = cache[key] = _satisfied(rules, key, doc.vocab.strings)
            found.append(entry)
        length = len(found)
        for start, (_, starters) in enumerate(found):
            for rule_id, tests in starters:
                size = len(tests)
                if size > 1 and (
                    start + size > length or not all(tests[k] in found[start + k][0] for k in range(1, size))
                ):
                    continue
                offset = rules.indices[rule_id]
                target = start + offset if offset >= 0 else start + size + offset
                matched.setdefault(target, []).append(rule_id)
    if rules.matcher is not None:
        strings = doc.vocab.strings
        for match_id, start, end in rules.matcher(doc, allow_missing=True, as_spans=False):
            rule_id = int(strings[match_id])
            offset = rules.indices[rule_id]
            target = start + offset if offset >= 0 else end + offset
            if not start <= target < end:
                raise ValueError(f"attribute rule {rule_id} has index {offset} outside its match")
            matched.setdefault(target, []).append(rule_id)
    return matched


def _apply(doc: Doc, rules: _Rules, matched: dict[int, list[int]]) -> None:
    """Set each matched token's attributes, the later rule winning attribute by attribute."""
    import numpy
    from spacy.tokens._retokenize import set_token_attrs

    rows = doc.to_array(_ARRAY_ATTRS).tolist()
    for index, rule_ids in matched.items():
        key = tuple(sorted(rule_ids))
        effect = rules.merged.get(key)
        if effect is None:
            merged: dict[Any, Any] = {}
            for rule_id in key:
                merged.update(rules.attrs[rule_id])
            updates = tuple((_SLOT[attr], value) for attr, value in merged.items() if attr in _SLOT)
            effect = rules.merged[key] = (updates, {a: v for a, v in merged.items() if a not in _SLOT})
        row = rows[index]
        for position, value in effect[0]:
            row[position] = value
        if effect[1]:
            set_token_attrs(doc[index], effect[1])
    values: Any = numpy.array(rows, dtype="uint64")
    doc.from_array(_ARRAY_ATTRS, values)


def _array_attrs() -> list[int | str]:
    from spacy.attrs import LEMMA, MORPH, POS, TAG

    return [POS, MORPH, LEMMA, TAG]


# The attributes set through the Doc's arrays; any other a rule sets goes through the token.
_ARRAY_ATTRS = _array_attrs()
_SLOT = {attr: position for position, attr in enumerate(_ARRAY_ATTRS)}


def register_array_rules() -> None:
    """Register ``whosaid_attribute_rules`` with spaCy (once; also needed to load a saved pipeline)."""
    from spacy.language import Language

    if not Language.has_factory(ARRAY_RULER_PIPE):
        Language.factory(ARRAY_RULER_PIPE, func=_make_array_rules)


def use_array_rules(nlp: Language) -> None:
    """Put an ``ArrayAttributeRuler`` in the place of ``nlp``'s attribute ruler (if it has one)."""
    if RULER_PIPE not in nlp.pipe_names or ARRAY_RULER_PIPE in nlp.pipe_names:
        return
    register_array_rules()
    nlp.add_pipe(ARRAY_RULER_PIPE, after=RULER_PIPE)
    nlp.disable_pipe(RULER_PIPE)


def _make_array_rules(nlp: Language, name: str) -> ArrayAttributeRuler:
    """The component reads the ruler's patterns when it first runs (a saved pipeline loads them
    after its components are made)."""
    return ArrayAttributeRuler(nlp.get_pipe(RULER_PIPE))
