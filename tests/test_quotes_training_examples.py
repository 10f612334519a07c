"""Training examples (``whosaid.quotes.examples``) and their drafts as training labels them
(``whosaid.quotes.labelling.labelled``), on a hand-annotated article written for the test: the
content chooser's rows, and its choice carried into the judged drafts."""

from __future__ import annotations

from typing import Any

from whosaid.quotes.examples import content_examples, examples_of
from whosaid.quotes.labelling import completed, labelled
from whosaid.quotes.learned import LinearModel

TEXT = "Budget vote.\n\nDelgado said the budget was tight, but needed teachers to stay calm."
CONTENT = "the budget was tight, but needed teachers to stay calm"


def _article() -> dict[str, Any]:
    start = TEXT.index(CONTENT)
    cue = TEXT.index("said")
    speaker = TEXT.index("Delgado")
    return {
        "id": "test-1",
        "text": TEXT,
        "quotes": [
            {
                "start": start,
                "end": start + len(CONTENT),
                "text": CONTENT,
                "fragments": [[start, start + len(CONTENT)]],
                "speaker": "Delgado",
                "speaker_start": speaker,
                "speaker_end": speaker + len("Delgado"),
                "cue": "said",
                "cue_start": cue,
                "cue_end": cue + len("said"),
                "kind": "indirect",
            }
        ],
    }


def test_content_rows_pair_the_matching_span_with_the_rules(nlp: Any) -> None:
    examples = examples_of(nlp(TEXT), _article(), "test")
    rows, labels = content_examples(examples, completed(examples, None))
    # The rule cuts at the comma (no match); the spans that reach the sentence's end match.
    assert rows and len(rows) == len(labels)
    assert any(labels) and not all(labels)
    assert any(row.get("way=sentence_end") == 1.0 for row in rows)
    # The only draft is the rule's: no candidate span overlaps another draft, as at run time.
    assert not any("overlaps_other" in row for row in rows)


def test_labelled_drafts_carry_the_content_chooser_choice(nlp: Any) -> None:
    examples = examples_of(nlp(TEXT), _article(), "test")
    rules = labelled(examples, None)
    assert [TEXT[d.start : d.end] for d in rules.drafts] == ["the budget was tight"]
    assert rules.matched == [False]
    chosen = labelled(examples, None, content=LinearModel({"way=sentence_end": 5.0}))
    assert [TEXT[d.start : d.end] for d in chosen.drafts] == [CONTENT]
    assert chosen.matched == [True] and chosen.right == [True]


def test_trainer_makes_its_drafts_at_its_cue_floor(nlp: Any) -> None:
    """The open-cue drafts a trainer labels are those of the words its detector proposes at or
    above the trainer's floor (the models are stand-ins: a detector that likes every verb)."""
    from whosaid.quotes.method import Method
    from whosaid.quotes.train import Trainer

    article = examples_of(nlp(TEXT), _article(), "test")
    counts = {}
    for floor in (0.5, 0.99):
        trainer = Trainer([article], 2, floor=floor)
        trainer.use_tagger = trainer.use_content = False
        trainer.detector = lambda _: LinearModel({"pos=VERB": 2.0})  # type: ignore[method-assign]
        trainer.source = lambda _: LinearModel({})  # type: ignore[method-assign]
        opened = [d for d in trainer.labelled(article).drafts if d.method is Method.OPEN_CUE]
        assert all(d.cue_probability is not None and d.cue_probability >= floor for d in opened)
        counts[floor] = len(opened)
    assert counts[0.5] > 0 and counts[0.99] == 0  # logistic(2.0) = 0.88: above one floor, below the other
