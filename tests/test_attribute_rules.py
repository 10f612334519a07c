"""whosaid's array components give exactly the annotations of the model's AttributeRuler and
Lemmatizer, and memory zones span batches without letting a batch's words outlive the zone."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy
import pytest
from whosaid.array_lemmatizer import ARRAY_LEMMATIZER_PIPE, LEMMATIZER_PIPE, use_array_lemmatizer
from whosaid.attribute_rules import ARRAY_RULER_PIPE, RULER_PIPE, compile_rules
from whosaid.parse import load_model
from whosaid.tasks import Task
from whosaid.worker import process_tasks
from whosaid.zones import ZoneKeeper

# Sentences that reach every kind of rule the English ruler has: the tag map (every token),
# word-and-tag exceptions ("'s", "n't", "am"), several-token rules ("gonna", "gotta", "let's",
# "ain't", "y'all", "c'mon"), REGEX and NOT_IN tests, dependency tests (object pronouns,
# auxiliaries, "do" as a main verb, "there is"), and whitespace tokens with a dependency.
SENTENCES = [
    "She's gonna say it ain't over, and we gotta listen.",
    "Let's go, y'all. C'mon, nothin' is lost.",
    "They told me that I am wrong, but they didn't ask you or it.",
    "He did his homework and has a dog; she does not.",
    "There is a reason, and there are two more.",
    "That is what which people think.  Those who know, know.\n\n  He gets it; he got it.",
    'The minister said:\n\n"We will not go back," in   London.',
]


@pytest.fixture(scope="module")
def stock(nlp: Any) -> Any:
    """The same model with spaCy's own AttributeRuler and Lemmatizer in their places."""
    other = load_model()
    for ours, theirs in ((ARRAY_RULER_PIPE, RULER_PIPE), (ARRAY_LEMMATIZER_PIPE, LEMMATIZER_PIPE)):
        other.remove_pipe(ours)
        other.enable_pipe(theirs)
    assert RULER_PIPE in other.pipe_names and LEMMATIZER_PIPE in other.pipe_names
    return other


def _arrays(doc: Any) -> Any:
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG

    return doc.to_array([ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD])


def test_load_model_uses_the_array_components(nlp: Any) -> None:
    names = nlp.pipe_names
    assert RULER_PIPE not in names and LEMMATIZER_PIPE not in names
    assert names.index("parser") < names.index(ARRAY_RULER_PIPE) < names.index(ARRAY_LEMMATIZER_PIPE)


def test_other_lemmatizers_are_left_as_they_are() -> None:
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("lemmatizer", config={"mode": "lookup"})
    use_array_lemmatizer(blank)
    assert blank.pipe_names == [LEMMATIZER_PIPE]


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_spacy_ruler(nlp: Any, stock: Any, text: str) -> None:
    ours, theirs = nlp(text), stock(text)
    assert numpy.array_equal(_arrays(ours), _arrays(theirs))
    assert [t.pos_ for t in ours] == [t.pos_ for t in theirs]


def test_english_rules_need_no_matcher(nlp: Any) -> None:
    rules = compile_rules(nlp.get_pipe(RULER_PIPE))
    assert len(rules.patterns) > 150 and rules.matcher is None
    assert any(len(tests) > 1 for _, tests in rules.patterns)  # "gonna", "let's", ...


def test_any_ruler_gives_its_own_annotations() -> None:
    """Rules of every kind on a blank pipeline: tests, several tokens, a negative index, REGEX,
    NOT_IN, an operator (left to the Matcher), and later rules overriding earlier ones."""
    import spacy
    from whosaid.attribute_rules import ArrayAttributeRuler

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}]], {"POS": "DET", "LEMMA": "the"})
    ruler.add([[{"LOWER": {"IN": ["cat", "cats"]}}]], {"POS": "NOUN", "LEMMA": "cat"})
    ruler.add([[{"LOWER": "the"}, {"LOWER": "cat"}]], {"POS": "PROPN"}, index=-1)
    ruler.add([[{"LOWER": {"REGEX": "^sa(id|ys)$"}}]], {"POS": "VERB", "LEMMA": "say"})
    ruler.add([[{"IS_PUNCT": True, "LOWER": {"NOT_IN": ["."]}}]], {"POS": "PUNCT", "MORPH": "PunctType=Comm"})
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"POS": "ADJ", "LEMMA": "huge"}, index=-1)
    ruler.add([[{"ORTH": "The"}]], {"LEMMA": "THE"})
    array_ruler = ArrayAttributeRuler(ruler)
    rules = array_ruler.rules()
    assert rules.matcher is not None and len(rules.matcher) == 1  # only the operator pattern
    for text in ["The cat said, very very big cats say. the cat", "Cats, the cats: very big.", "."]:
        theirs, ours = ruler(blank.make_doc(text)), array_ruler(blank.make_doc(text))
        assert numpy.array_equal(_arrays(ours), _arrays(theirs)), text
    doc = array_ruler(blank.make_doc("The cat said very very big"))
    assert [(t.pos_, t.lemma_) for t in doc] == [
        ("DET", "THE"),  # a later rule wins for the lemma only
        ("PROPN", "cat"),  # "the cat" makes its last token a proper noun, after the noun rule
        ("VERB", "say"),
        ("", ""),
        ("", ""),
        ("ADJ", "huge"),
    ]


def test_exceptions_win_over_the_tag_map(nlp: Any) -> None:
    doc = nlp("She's not here and I am.")
    assert [(t.text, t.pos_, t.lemma_) for t in doc if t.text in {"'s", "not", "am"}] == [
        ("'s", "AUX", "be"),
        ("not", "PART", "not"),
        ("am", "AUX", "be"),
    ]


def test_saved_pipeline_loads_with_the_lookup_ruler(nlp: Any, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "model")
    again = load_model(str(tmp_path / "model"))
    assert again.pipe_names == nlp.pipe_names
    text = SENTENCES[0]
    assert numpy.array_equal(_arrays(again(text)), _arrays(nlp(text)))


def _task(name: str, text: str) -> Task:
    raw = text.encode("utf-8")
    return Task(f"{name}.txt", name, raw, hashlib.sha256(raw).hexdigest())


def test_zone_spans_batches_and_is_renewed_when_full(nlp: Any) -> None:
    zones = ZoneKeeper(articles=4, chars=10_000, warm_chars=0)
    for number in range(5):
        tasks = [_task(f"a{number}{k}", f"Mr Smith{number}{k} said it was fine.") for k in range(2)]
        outcomes = process_tasks(nlp, "model", tasks, zones=zones)
        assert [o.status for o in outcomes] == ["ok", "ok"]
    # batches of two articles, four a zone: zones opened at batches 1, 3 and 5
    assert zones.opened == 3 and zones.is_open
    zones.close()
    assert not zones.is_open and zones.articles == 0


def test_words_of_a_zone_are_freed_when_it_closes(nlp: Any) -> None:
    word = "Zorblaxian" + hashlib.sha256(b"zone").hexdigest()[:8]
    zones = ZoneKeeper(warm_chars=0)
    [outcome] = process_tasks(nlp, "model", [_task("z", f"{word} said the plan was sound.")], zones=zones)
    assert outcome.status == "ok" and word in (outcome.data or b"").decode()
    assert word in nlp.vocab.strings  # the zone is still open: the next batch may meet the word again
    zones.close()
    assert word not in nlp.vocab.strings


def test_a_models_first_characters_are_parsed_outside_zones() -> None:
    """A fresh model keeps the words of its first ``warm_chars`` characters (as a bare parse
    would), over several keepers; after that every batch is in a zone and its new words go."""
    fresh = load_model()
    first, second, third = (
        "Warmling" + hashlib.sha256(name).hexdigest()[:8] for name in (b"first", b"second", b"third")
    )
    text = f"{first} said the plan was sound."
    budget = len(text) + 40
    zones = ZoneKeeper(warm_chars=budget)
    process_tasks(fresh, "model", [_task("w1", text)], zones=zones)
    assert not zones.is_open and first in fresh.vocab.strings
    zones.close()
    # the budget is the model's: a new keeper goes on from what the last one spent
    again = ZoneKeeper(warm_chars=budget)
    process_tasks(fresh, "model", [_task("w2", f"{second} said the plan was sound, again.")], zones=again)
    assert again.is_open and second in fresh.vocab.strings  # over budget: parsed in a zone, kept while it is open
    again.close()
    assert second not in fresh.vocab.strings
    last = ZoneKeeper(warm_chars=budget)
    process_tasks(fresh, "model", [_task("w3", f"{third} said so.")], zones=last)
    assert last.is_open  # the warm part is over: even a batch that would fit is parsed in a zone
    last.close()
    assert third not in fresh.vocab.strings and first in fresh.vocab.strings


def test_a_batch_without_a_keeper_frees_its_words(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("whosaid.zones.WARM_CHARS", 0)
    word = "Quillobert" + hashlib.sha256(b"own").hexdigest()[:8]
    [outcome] = process_tasks(nlp, "model", [_task("q", f"{word} said the plan was sound.")])
    assert outcome.status == "ok"
    assert word not in nlp.vocab.strings


def test_rule_lemmas_are_spacys_rule_lemmas(stock: Any) -> None:
    """The set-based lemmatizer gives the whole list spaCy's ``rule_lemmatize`` gives, for every
    word of the sentences under every part of speech and with and without inflection features
    (the base-form test, the index, exceptions, rules that yield words outside the index, and
    parts of speech without tables)."""
    from spacy.tokens import MorphAnalysis
    from whosaid.array_lemmatizer import RuleLemmas

    lemmatizer = stock.get_pipe(LEMMATIZER_PIPE)
    ours = RuleLemmas.for_lemmatizer(lemmatizer)
    assert ours is not None
    words = " ".join(
        [*SENTENCES, "geese mice went better best running hoping leaves axes dogs oxen criteria 3rd B-52s"]
    ).split()
    doc = stock.make_doc(" ".join(words))
    compared = 0
    for pos in ("NOUN", "VERB", "ADJ", "ADV", "PROPN", "PRON", "AUX", "NUM", "X"):
        for features in ("", "Number=Plur", "Number=Sing", "VerbForm=Inf", "Tense=Past|VerbForm=Fin", "Degree=Cmp"):
            for token in doc:
                token.pos_ = pos
                token.set_morph(MorphAnalysis(stock.vocab, features) if features else None)
                lemmatizer.cache.clear()
                assert ours.lemmatize(token) == lemmatizer.rule_lemmatize(token), (token.text, pos, features)
                compared += 1
    assert compared == 9 * 6 * len(doc)


def test_rule_lemmas_leave_other_lemmatizers_alone() -> None:
    import spacy
    from whosaid.array_lemmatizer import RuleLemmas

    blank = spacy.blank("en")
    assert RuleLemmas.for_lemmatizer(blank.add_pipe("lemmatizer", config={"mode": "lookup"})) is None
