"""The learned choice among candidate sources (``whosaid.quotes.source_choice``): which words are
candidates, what the model sees of them, and that the choice follows the model (a hand-written
one here; the trained one is measured out-of-fold by benchmarks/quotes.py)."""

from __future__ import annotations

from typing import Any

import pytest
from whosaid.entities import extract_entities
from whosaid.quotes import rule_drafts, source_choice
from whosaid.quotes.learned import AttributionModel, LinearModel
from whosaid.quotes.source_choice import (
    SentenceWords,
    candidate_features,
    choose,
    difference,
    source_candidates,
)

DATELINE = "WASHINGTON (AP) — Senator Maria Delgado said the budget would pass next week."


def _drafted(nlp: Any, text: str) -> tuple[Any, Any, dict[str, str]]:
    doc = nlp(text)
    entities = extract_entities(doc, None)
    found = rule_drafts(doc, entities)
    assert len(found.drafts) == 1
    return found.ctx, found.drafts[0], {entity.id: entity.kind for entity in entities}


def test_the_rules_choice_comes_first_then_the_other_names_of_the_sentence(nlp: Any) -> None:
    ctx, draft, kinds = _drafted(nlp, DATELINE)
    found = source_candidates(ctx, draft)
    assert found[0].speaker == draft.speaker
    assert found[0].token.text == "Delgado" and {"rule", "subject"} <= found[0].proposed_by
    others = {c.token.text: c for c in found[1:]}
    assert "WASHINGTON" in others and "name" in others["WASHINGTON"].proposed_by
    # The dateline is told apart by where it stands, not by a list of places.
    assert "dateline" in candidate_features(ctx, draft, others["WASHINGTON"], kinds)
    assert "dateline" not in candidate_features(ctx, draft, found[0], kinds)


@pytest.mark.parametrize(
    ("text", "source", "proposed_by"),
    [
        # The person told is a candidate; so is the one telling.
        ("“We will pass the budget,” Delgado, 58, told Reuters on Monday.", "Reuters", "name"),
        # "according to X" beside a cue of its own.
        ("Delgado said the budget would pass, according to Reuters.", "Reuters", "according"),
        # The subject of the sentence the cue hangs in.
        ("Delgado made it clear that her aides believe the vote should wait.", "Delgado", "main_subject"),
    ],
)
def test_candidates_come_from_the_sentence_around_the_cue(nlp: Any, text: str, source: str, proposed_by: str) -> None:
    doc = nlp(text)
    entities = extract_entities(doc, None)
    found = rule_drafts(doc, entities)
    candidates = [c for d in found.drafts for c in source_candidates(found.ctx, d)]
    assert any(c.token.text == source and proposed_by in c.proposed_by for c in candidates)


def test_no_candidates_without_a_cue(nlp: Any) -> None:
    doc = nlp("“We will pass the budget.”")
    entities = extract_entities(doc, None)
    found = rule_drafts(doc, entities)
    assert [source_candidates(found.ctx, d) for d in found.drafts] == [[]]


def test_the_choice_follows_the_model_against_the_rules_choice(nlp: Any) -> None:
    ctx, draft, kinds = _drafted(nlp, DATELINE)
    # A model that prefers nothing to the rule's choice keeps the draft as it is.
    assert choose(ctx, draft, LinearModel({}), kinds) is draft
    assert choose(ctx, draft, LinearModel({"dateline": -5.0}), kinds) is draft
    # One that prefers datelines (the trained one learns the opposite) takes the place written there.
    taken = choose(ctx, draft, LinearModel({"dateline": 5.0, "ent=GPE": 1.0}), kinds)
    assert taken is not draft and taken.speaker is not None and taken.speaker.mention.text == "WASHINGTON"
    assert (taken.fragments, taken.cue, taken.method) == (draft.fragments, draft.cue, draft.method)
    assert draft.speaker is not None and draft.speaker.name == "Maria Delgado"  # the draft itself is unchanged


def test_difference_of_named_features() -> None:
    assert difference({"a": 1.0, "b": 1.0}, {"b": 1.0, "c": 1.0}) == {"a": 1.0, "c": -1.0}


def test_the_source_model_travels_in_the_model_file() -> None:
    model = AttributionModel(
        LinearModel({"bias": 1.0}),
        LinearModel({"bias": 0.0}),
        0.5,
        {},
        cue=LinearModel({}),
        source=LinearModel({"x": 2.0}),
    )
    assert AttributionModel.from_json(model.to_json()) == model
    assert AttributionModel.from_json(model.to_json()).source == LinearModel({"x": 2.0})


def test_the_shipped_model_takes_the_person_made_to_speak(nlp: Any) -> None:
    from whosaid.quotes import Attribution, extract_quotes
    from whosaid.quotes.learned import shipped_model

    model = shipped_model()
    assert model is not None and model.source is not None
    doc = nlp("Senator Maria Delgado spoke in Santa Fe. The vote led Delgado to declare that the budget would pass.")
    entities = extract_entities(doc, None)
    # The rules take the subject of the verb above ("The vote led ..."); the model the one it made speak.
    rules = extract_quotes(doc, entities, attribution=Attribution.RULES)
    learned = extract_quotes(doc, entities, attribution=Attribution.LEARNED)
    assert [(q.text, q.speaker.name if q.speaker else None) for q in rules] == [("that the budget would pass", "vote")]
    assert [(q.text, q.speaker.name if q.speaker else None) for q in learned] == [
        ("that the budget would pass", "Maria Delgado")
    ]


def test_sentence_words_come_nearest_first_the_earlier_at_equal_distance() -> None:
    words = SentenceWords(
        [(5, "name"), (1, "name"), (9, "pronoun"), (7, "name"), (3, "noun_subject"), (7, "according")]
    )
    assert list(words.nearest(6)) == [5, 7, 3, 9, 1]
    assert list(words.nearest(0)) == [1, 3, 5, 7, 9]
    assert list(words.nearest(5)) == [5, 3, 7, 1, 9]
    assert words.names[7] == ["name", "according"]


# One sentence naming far more people than there are candidates, the cue in its middle.
CROWDED = (
    "Ann Lee, Bob Hart, Cleo Park, Dan Moss, Eve Stone, Finn Gray, Gus Reed and Hana Vance were at the"
    " meeting in Leeds where Senator Maria Delgado said the budget would pass next week, while Ivo Holt,"
    " Jude Nash, Kim Pike, Lou Roth, Max Shaw, Ned Cole, Ola Dunn and Pat Ford stayed in York."
)


# The speaker far from the cue, more names between them than there are candidates.
DISTANT = (
    "Senator Maria Delgado, who had met Ann Lee, Bob Hart, Cleo Park, Dan Moss, Eve Stone, Finn Gray, Gus Reed,"
    " Hana Vance and Ivo Holt in Leeds, said the budget would pass next week."
)


@pytest.mark.parametrize("text", [CROWDED, DISTANT])
def test_a_crowded_sentence_gives_the_candidates_a_full_scan_gives(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    doc = nlp(text)
    entities = extract_entities(doc, None)
    found = rule_drafts(doc, entities)
    drafts = [d for d in found.drafts if d.cue is not None]
    assert drafts

    def described() -> list[list[tuple[int, frozenset[str]]]]:
        return [[(c.token.i, c.proposed_by) for c in source_candidates(found.ctx, d)] for d in drafts]

    nearest = described()
    monkeypatch.setattr(source_choice, "_NEAREST", 10**9)
    assert described() == nearest
    # The sentence has more names than candidates: the nearest were taken, not the first.
    assert len(nearest[0]) == source_choice._MAX_CANDIDATES + 1
    assert any(doc[i].text == ("Holt" if text == CROWDED else "Vance") for i, _ in nearest[0])
