"""The grammar of open cues (``reported.verbs.open_verb``): where a word the cue detector proposes
finds its content and source. Whether the word is a cue is the detector's question, not this one."""

from __future__ import annotations

from typing import Any

import pytest
from whosaid.entities import extract_entities
from whosaid.quotes import Method, rule_drafts
from whosaid.quotes.reported.verbs import open_verb

# text, the proposed verb, its content fragments, its source as named
DRAFTED = [
    # "as" opening the sentence: the rest of the sentence is what was reported
    (
        "As Politico reported, the senator would win the primary easily.",
        "reported",
        ["the senator would win the primary easily"],
        "Politico",
    ),
    # a participle after a preposition: the subject of the clause it hangs on speaks
    ("After saying he was nervous, Tom Ruiz asked the mayor a question.", "saying", ["he was nervous"], "Tom Ruiz"),
    ("Mayor Ann Webb opened the meeting by thanking the volunteers.", "thanking", ["the volunteers"], "Ann Webb"),
    # a participle describing a noun: that noun speaks, also through a conjunction
    (
        "Hundreds of farmers wrote letters demanding that the dam be stopped.",
        "demanding",
        ["that the dam be stopped"],
        "letters",
    ),
    (
        "Parents signed a letter praising the teachers and thanking the principal.",
        "thanking",
        ["the principal"],
        "letter",
    ),
]

# Words whose grammar gives no draft: no one holds the content.
UNDRAFTED = [
    ("As expected, the senator won the primary.", "expected"),
    ("The senator won the primary, as expected.", "expected"),
    # a past participle describing a noun is said of it, not by it
    ("The report cited a group called the Friends of the River.", "called"),
]


def _draft(nlp: Any, text: str, word: str) -> Any:
    doc = nlp(text)
    found = rule_drafts(doc, extract_entities(doc, None))
    verb = next(t for t in doc if t.text == word)
    return doc, open_verb(found.ctx, verb, Method.OPEN_CUE)


@pytest.mark.parametrize(("text", "word", "content", "source"), DRAFTED)
def test_open_verbs_find_content_and_source(nlp: Any, text: str, word: str, content: list[str], source: str) -> None:
    doc, draft = _draft(nlp, text, word)
    assert draft is not None
    assert [doc.text[a:b] for a, b in draft.fragments] == content
    assert draft.speaker is not None and draft.speaker.name == source


@pytest.mark.parametrize(("text", "word"), UNDRAFTED)
def test_open_verbs_without_a_holder_give_no_draft(nlp: Any, text: str, word: str) -> None:
    assert _draft(nlp, text, word)[1] is None
