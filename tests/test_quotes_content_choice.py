"""The learned choice of where reported content lies (``whosaid.quotes.content_choice``): which
spans are candidates, what the model sees of them, and that the choice follows the model (a
hand-written one here; the trained one is measured out-of-fold by benchmarks/quotes.py)."""

from __future__ import annotations

from typing import Any

import pytest
from whosaid.entities import extract_entities
from whosaid.lookups import SpanIndex
from whosaid.quotes import content_choice, rule_drafts
from whosaid.quotes.content_choice import (
    PREFERENCE,
    choose_content,
    content_candidates,
    nearby,
    span_features,
)
from whosaid.quotes.learned import AttributionModel, LinearModel, logistic
from whosaid.quotes.parse_arrays import ParseArrays
from whosaid.quotes.trim import trim_content

# The rule stops the reported clause at the comma; its second half hangs on the same verb.
CUT_SHORT = "Delgado said the budget was tight, but needed teachers to stay calm."
# The rule takes the object with everything after it.
RUN_ON = "The mayor announced funds on Friday, including new money for schools."


def _drafted(nlp: Any, text: str) -> tuple[Any, Any, list[tuple[int, int]]]:
    doc = nlp(text)
    found = rule_drafts(doc, extract_entities(doc, None))
    assert len(found.drafts) == 1
    return found.ctx, found.drafts[0], [(d.start, d.end) for d in found.drafts]


def _candidates(ctx: Any, draft: Any) -> list[Any]:
    return content_candidates(ctx, draft, ParseArrays.of(ctx))


def _text(ctx: Any, start: int, end: int) -> str:
    return str(ctx.text[start:end])


def test_the_rules_span_comes_first_then_the_others(nlp: Any) -> None:
    ctx, draft, _ = _drafted(nlp, CUT_SHORT)
    found = _candidates(ctx, draft)
    assert (found[0].start, found[0].end, found[0].way) == (draft.start, draft.end, "rule")
    assert _text(ctx, draft.start, draft.end) == "the budget was tight"
    ways = {span.way: _text(ctx, span.start, span.end) for span in found}
    assert ways["sentence_end"] == "the budget was tight, but needed teachers to stay calm"
    assert ways["whole_sentence"] == CUT_SHORT.rstrip(".")
    assert len({(span.start, span.end) for span in found}) == len(found)  # each span once


def test_a_span_can_be_cut_at_a_comma_inside_the_rules(nlp: Any) -> None:
    ctx, draft, _ = _drafted(nlp, RUN_ON)
    assert _text(ctx, draft.start, draft.end) == "funds on Friday, including new money for schools"
    cuts = [_text(ctx, s.start, s.end) for s in _candidates(ctx, draft) if s.way.startswith("cut")]
    assert cuts == ["funds on Friday"]


def test_no_span_takes_in_a_direct_quote_the_rules_span_leaves_out(nlp: Any) -> None:
    doc = nlp("Delgado said the budget was tight. “We will win the vote next week,” she added.")
    found = rule_drafts(doc, extract_entities(doc, None))
    reported = [d for d in found.drafts if d.kind == "indirect"]
    assert len(reported) == 1
    spans = _candidates(found.ctx, reported[0])
    assert len(spans) > 1
    assert not any("We will win" in _text(found.ctx, span.start, span.end) for span in spans)
    # Words quoted inline stay within reach: they are part of the reported content.
    ctx, draft, _ = _drafted(nlp, "Delgado said the budget was tight “and fair to all,” and she thanked the voters.")
    assert draft.kind == "mixed"
    assert any("thanked the voters" in _text(ctx, s.start, s.end) for s in _candidates(ctx, draft))


def test_the_arrays_trim_and_split_sentences_as_the_parse_does(nlp: Any) -> None:
    doc = nlp("Delgado said, “Yes.” The mayor agreed — and then left. Nobody asked why!")
    ctx = rule_drafts(doc, extract_entities(doc, None)).ctx
    arrays = ParseArrays.of(ctx)
    for token in doc:
        assert (arrays.sent_start[token.i], arrays.sent_end[token.i]) == (token.sent.start, token.sent.end)
        assert arrays.head[token.i] == token.head.i
    for i in range(len(doc)):
        for j in range(i, len(doc)):
            assert arrays.trim(i, j) == trim_content(ctx, doc[i], doc[j])


def test_no_candidates_for_a_direct_quote(nlp: Any) -> None:
    ctx, draft, _ = _drafted(nlp, "“We will win the vote,” Delgado said.")
    assert draft.kind == "direct"
    assert _candidates(ctx, draft) == []


def test_the_features_say_how_the_added_and_dropped_words_hang(nlp: Any) -> None:
    ctx, draft, spans = _drafted(nlp, CUT_SHORT)
    arrays = ParseArrays.of(ctx)
    by_way = {span.way: span for span in _candidates(ctx, draft)}
    longer = span_features(ctx, draft, by_way["sentence_end"], arrays, [])
    # "but required ..." hangs on the cue "said": added words whose head is the cue.
    assert any(name.startswith("add=") and name.endswith("|cue") for name in longer)
    assert "ends_sentence" in longer and "cue_inside" not in longer
    around = span_features(ctx, draft, by_way["whole_sentence"], arrays, [])
    assert {"cue_inside", "add_cue", "speaker_inside"} <= set(around)
    # The rule's own span adds and drops nothing.
    assert not any(name.startswith(("add", "drop")) for name in span_features(ctx, draft, by_way["rule"], arrays, []))
    # Another draft's span that the longer span reaches into is seen; the draft's own is not.
    others = SpanIndex([*spans, (by_way["sentence_end"].end - 5, by_way["sentence_end"].end)])
    near = nearby(draft, list(by_way.values()), others)
    assert len(near) == 1 and "overlaps_other" in span_features(ctx, draft, by_way["sentence_end"], arrays, near)
    assert "overlaps_other" not in span_features(ctx, draft, by_way["rule"], arrays, near)


def test_the_choice_follows_the_model_against_the_rules_span(nlp: Any) -> None:
    ctx, draft, spans = _drafted(nlp, CUT_SHORT)
    # A model that prefers nothing to the rule's span, or prefers it only a little, keeps the draft.
    assert choose_content(ctx, draft, LinearModel({}), SpanIndex(spans), ParseArrays.of(ctx)) is draft
    assert logistic(0.2) < PREFERENCE
    timid = LinearModel({"way=sentence_end": 0.2})
    assert choose_content(ctx, draft, timid, SpanIndex(spans), ParseArrays.of(ctx)) is draft
    # The scorer is told how near the chooser came to taking another span.
    assert draft.content_choice == logistic(0.2)
    # One that clearly prefers running on to the sentence's end takes that span.
    taken = choose_content(ctx, draft, LinearModel({"way=sentence_end": 3.0}), SpanIndex(spans), ParseArrays.of(ctx))
    assert taken is not draft
    assert _text(ctx, taken.start, taken.end) == "the budget was tight, but needed teachers to stay calm"
    assert (taken.cue, taken.speaker, taken.method) == (draft.cue, draft.speaker, draft.method)
    assert _text(ctx, draft.start, draft.end) == "the budget was tight"  # the draft itself is unchanged


def test_the_content_model_travels_in_the_model_file() -> None:
    model = AttributionModel(
        LinearModel({"bias": 1.0}), LinearModel({}), 0.5, {}, cue=LinearModel({}), content=LinearModel({"x": -1.5})
    )
    assert AttributionModel.from_json(model.to_json()) == model
    assert AttributionModel.from_json(model.to_json()).content == LinearModel({"x": -1.5})


# One sentence of some 400 words, its reported clause running on with "and".
LONG = "Delgado said the plan would work, " + " and ".join(f"the {n}th road would open" for n in range(80)) + "."


def test_no_span_longer_than_any_training_sentence_is_judged(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = nlp(LONG)
    found = rule_drafts(doc, extract_entities(doc, None))
    arrays = ParseArrays.of(found.ctx)

    def longest() -> int:
        spans = [s for d in found.drafts for s in content_candidates(found.ctx, d, arrays)]
        return max((found.ctx.char_token[s.end - 1] - found.ctx.char_token[s.start] + 1 for s in spans), default=0)

    limit = content_choice._MAX_WORDS
    assert 0 < longest() <= limit
    monkeypatch.setattr(content_choice, "_MAX_WORDS", 10**9)
    assert longest() > limit


def test_where_each_line_starts(nlp: Any) -> None:
    text = "Rail strike\nDelgado said the talks had failed.\n\nTrains will not run."
    doc = nlp(text)
    ctx = rule_drafts(doc, extract_entities(doc, None)).ctx
    assert [ctx.line_start(k) for k in range(len(text) + 1)] == [
        text.rfind("\n", 0, k) + 1 for k in range(len(text) + 1)
    ]


def test_the_tagger_weighs_the_words_a_span_takes_in(nlp: Any) -> None:
    ctx, draft, spans = _drafted(nlp, CUT_SHORT)
    arrays = ParseArrays.of(ctx)
    by_way = {span.way: span for span in _candidates(ctx, draft)}
    # A tagger (hand-written) that takes every word right of the cue to be content, none left of it.
    tagger = LinearModel({"bias": -1.0, "side=R": 3.0})
    scores = content_choice.tagger_scores(ctx, draft, arrays, tagger)
    assert scores is not None and draft.cue is not None
    assert scores and all((score > 0) == (i > draft.cue.i) for i, score in scores.items())
    rule = span_features(ctx, draft, by_way["rule"], arrays, [], scores)
    longer = span_features(ctx, draft, by_way["sentence_end"], arrays, [], scores)
    around = span_features(ctx, draft, by_way["whole_sentence"], arrays, [], scores)
    words = {i: s for i, s in scores.items() if draft.start <= ctx.doc[i].idx < draft.end}
    assert rule["tagger_for"] == round(sum(words.values()) / content_choice.TAGGER_SCALE, 6)
    assert rule["tagger_against"] == 0.0 and longer["tagger_for"] > rule["tagger_for"]
    assert around["tagger_against"] < 0.0  # "Delgado" left of the cue
    assert "tagger_for" not in span_features(ctx, draft, by_way["rule"], arrays, [])
    # A chooser that trusts the tagger's words runs on to the sentence's end (what the tagger favours most).
    chooser = LinearModel({"tagger_for": 5.0, "tagger_against": 5.0})
    taken = choose_content(ctx, draft, chooser, SpanIndex(spans), arrays, tagger=tagger)
    assert _text(ctx, taken.start, taken.end) == "the budget was tight, but needed teachers to stay calm"
    assert choose_content(ctx, draft, chooser, SpanIndex(spans), arrays) is draft  # no tagger: nothing to weigh
