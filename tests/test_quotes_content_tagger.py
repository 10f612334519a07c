"""The learned content tagger (``whosaid.quotes.content_tagger``): what it sees of each word around a
cue, that its content is the best-scoring run of words on one side of the cue under the model (a
hand-written one here; the trained one is measured out-of-fold by benchmarks/quotes.py), and the
drafts it makes where the grammar makes none."""

from __future__ import annotations

from typing import Any

from whosaid.entities import extract_entities
from whosaid.quotes import rule_drafts
from whosaid.quotes.content_tagger import tagged_span, word_rows
from whosaid.quotes.drafts import Draft
from whosaid.quotes.learned import AttributionModel, LinearModel
from whosaid.quotes.method import Method
from whosaid.quotes.parse_arrays import ParseArrays
from whosaid.quotes.source_choice import attributed
from whosaid.quotes.tagger_drafts import tagged_draft, tagged_drafts

# Words under the cue's clausal complement are content; the rest are not.
CLAUSE = LinearModel({"bias": -1.0, "path=under:ccomp": 2.0})
# Every word left of the cue is content.
LEFT = LinearModel({"bias": -1.0, "side=L": 2.0})


def _context(nlp: Any, text: str) -> tuple[Any, Any]:
    doc = nlp(text)
    found = rule_drafts(doc, extract_entities(doc, None))
    return found, ParseArrays.of(found.ctx)


def _word(ctx: Any, text: str) -> Any:
    return next(token for token in ctx.doc if token.text == text)


def _text(ctx: Any, bounds: tuple[int, int] | None) -> str | None:
    return None if bounds is None else str(ctx.text[bounds[0] : bounds[1]])


def test_rows_cover_the_cues_sentence_but_not_the_cue(nlp: Any) -> None:
    found, arrays = _context(nlp, "Nobody called. Maria Lopez thinks the senator will resign. Then it rained.")
    ctx = found.ctx
    cue = _word(ctx, "thinks")
    ids, rows = word_rows(ctx, arrays, cue)
    words = [ctx.doc[i].text for i in ids]
    assert words == ["Maria", "Lopez", "the", "senator", "will", "resign", "."]
    resign = rows[words.index("resign")]
    assert "path=under:ccomp" in resign and "side=R" in resign
    assert "path=under:ccomp" not in rows[words.index("Lopez")]


def test_the_content_is_the_best_run_on_one_side(nlp: Any) -> None:
    found, arrays = _context(nlp, "Maria Lopez thinks the senator will resign.")
    ctx = found.ctx
    assert _text(ctx, tagged_span(ctx, arrays, _word(ctx, "thinks"), CLAUSE)) == "the senator will resign"
    # Left of the cue, edge punctuation trimmed.
    found, arrays = _context(nlp, "The plan will fail, analysts suspect.")
    ctx = found.ctx
    assert _text(ctx, tagged_span(ctx, arrays, _word(ctx, "suspect"), LEFT)) == "The plan will fail, analysts"


def test_no_content_when_no_word_is_likelier_in_than_out(nlp: Any) -> None:
    found, arrays = _context(nlp, "Maria Lopez thinks the senator will resign.")
    ctx = found.ctx
    assert tagged_span(ctx, arrays, _word(ctx, "thinks"), LinearModel({"bias": -1.0})) is None


def test_a_tagged_draft_has_the_rules_source(nlp: Any) -> None:
    found, arrays = _context(nlp, "Maria Lopez thinks the senator will resign.")
    ctx = found.ctx
    draft = tagged_draft(ctx, arrays, _word(ctx, "thinks"), CLAUSE)
    assert draft is not None
    assert draft.method is Method.OPEN_CUE and draft.kind == "indirect"
    assert _text(ctx, (draft.start, draft.end)) == "the senator will resign"
    assert draft.speaker is not None and draft.speaker.name == "Maria Lopez"


def test_no_tagged_draft_for_a_passive_without_a_source_or_with_the_source_inside(nlp: Any) -> None:
    found, arrays = _context(nlp, "It is thought that the senator will resign.")
    ctx = found.ctx
    assert tagged_draft(ctx, arrays, _word(ctx, "thought"), CLAUSE) is None  # a passive with no agent
    found, arrays = _context(nlp, "The senator is expected to resign.")
    ctx = found.ctx
    assert tagged_draft(ctx, arrays, _word(ctx, "expected"), RIGHT) is None
    found, arrays = _context(nlp, "The plan will fail, analysts suspect.")
    ctx = found.ctx
    assert tagged_draft(ctx, arrays, _word(ctx, "suspect"), LEFT) is None  # "analysts" inside its content


# Every word right of the cue is content.
RIGHT = LinearModel({"bias": -1.0, "side=R": 2.0})


def test_an_active_cue_whose_source_no_rule_names_is_drafted_without_one(nlp: Any) -> None:
    found, arrays = _context(nlp, "The report, criticizing the senator for his vote, was published on Monday.")
    ctx = found.ctx
    assert found.drafts == []
    draft = tagged_draft(ctx, arrays, _word(ctx, "criticizing"), RIGHT)
    assert draft is not None and draft.method is Method.OPEN_CUE and draft.speaker is None
    assert _text(ctx, (draft.start, draft.end)) == "the senator for his vote, was published on Monday"
    # Left without a source by the source chooser, it is dropped; a draft with one, or a direct quote
    # without one, stays.
    found, arrays = _context(nlp, 'Maria Lopez thinks the senator will resign. "We won," the crowd chanted.')
    named = tagged_draft(found.ctx, arrays, _word(found.ctx, "thinks"), CLAUSE)
    assert named is not None and named.speaker is not None
    unattributed = Draft(kind="direct", fragments=[(45, 52)], method=Method.UNATTRIBUTED)
    assert attributed([draft, named, unattributed]) == [named, unattributed]


def test_a_tagged_noun_draft_has_the_nouns_owner(nlp: Any) -> None:
    found, arrays = _context(nlp, "Maria Lopez's fear is that the senator will resign.")
    ctx = found.ctx
    assert found.drafts == []  # no rule follows a content the noun does not govern
    draft = tagged_draft(ctx, arrays, _word(ctx, "fear"), RIGHT)
    assert draft is not None and draft.method is Method.OPEN_CUE
    assert _text(ctx, (draft.start, draft.end)) == "is that the senator will resign"
    assert draft.speaker is not None and draft.speaker.name == "Maria Lopez"
    # No owner: a draft without a source, for the source chooser to give one or drop.
    found, arrays = _context(nlp, "The fear is that the senator will resign.")
    draft = tagged_draft(found.ctx, arrays, _word(found.ctx, "fear"), RIGHT)
    assert draft is not None and draft.speaker is None


def test_a_tagged_adjective_draft_has_the_subject_of_its_verb(nlp: Any) -> None:
    found, arrays = _context(nlp, "The senator seemed confident; the bill will pass.")
    ctx = found.ctx
    assert found.drafts == []
    draft = tagged_draft(ctx, arrays, _word(ctx, "confident"), RIGHT)
    assert draft is not None
    assert _text(ctx, (draft.start, draft.end)) == "the bill will pass"
    assert draft.speaker is not None and draft.speaker.name == "senator"


def test_tagged_drafts_only_for_words_no_draft_has(nlp: Any) -> None:
    found, arrays = _context(nlp, "Maria Lopez said the senator will resign.")
    ctx = found.ctx
    assert len(found.drafts) == 1  # the rules' own draft on "said"
    words = [_word(ctx, "said"), _word(ctx, "resign")]
    assert tagged_drafts(ctx, arrays, found.drafts, [], words, CLAUSE) == []


def test_the_tagger_is_saved_with_the_model() -> None:
    model = AttributionModel(LinearModel({}), LinearModel({}), 0.5, {}, tagger=LinearModel({"x": 1.5}))
    assert AttributionModel.from_json(model.to_json()) == model
    assert AttributionModel.from_json(model.to_json()).tagger == LinearModel({"x": 1.5})


def test_the_kept_weights_give_each_word_the_sum_of_its_feature_weights(nlp: Any) -> None:
    """The tagger's word scores come from weights kept by the parts of each name: every word must get
    exactly the float that adding the weights of its names one after another gives (the model is the shipped
    one, whose weights cover paths, parts of speech, breaks, quotation and punctuation)."""
    from whosaid.quotes.content_tagger import _cue_parts, _scorer_of, _word_parts
    from whosaid.quotes.learned import shipped_model

    model = shipped_model()
    assert model is not None and model.tagger is not None
    tagger = model.tagger
    texts = [
        'Maria Lopez thinks the senator, who resigned on Friday, will "never come back" to Ohio.',
        "The plan will fail -- badly, analysts suspect; the minister said so (twice) in May.",
        'He warned: "We are not ready," adding that the budget was tight.',
    ]
    compared = 0
    for text in texts:
        found, arrays = _context(nlp, text)
        ctx = found.ctx
        for cue in ctx.doc:
            if cue.pos_ not in ("VERB", "NOUN", "ADJ"):
                continue
            _ids, parts = _word_parts(ctx, arrays, cue.i)
            _ids, rows = word_rows(ctx, arrays, cue)
            for _ in range(2):  # the second time from the kept weights
                for word, names in zip(parts, rows, strict=True):
                    expected = 0.0
                    for name in names:  # one after another, in the names' order
                        expected += tagger.weights.get(name, 0.0)
                    assert _scorer_of(tagger).score(ctx, _cue_parts(cue), word) == expected
                    compared += 1
    assert compared > 200
