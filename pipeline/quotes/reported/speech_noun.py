"""Speech nouns with an owner: "Biden's address about the drawdown", "a claim by the mayor that ..."."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.cues import SPEECH_NOUN_PREPS
from whosaid.quotes.cue import source_of
from whosaid.quotes.method import Method
from whosaid.quotes.sources import indirect_draft
from whosaid.quotes.trim import trim_content

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context, Draft


def noun_owner(noun: Token, open_cue: bool) -> Token | None:
    """Whose the noun's words are: its possessor, who it is "by" or "from", or (for a noun the cue
    detector proposes, ``open_cue``) the subject of the verb that has it; not a pronoun other
    than "his" and "her"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if owner is None and open_cue and noun.dep_ in ("dobj", "attr", "nsubjpass"):
        owner = source_of(noun.head)
    if owner is None or (owner.pos_ == "PRON" and owner.lower_ not in ("his", "her")):
        return None
    return owner


def from_speech_noun(ctx: Context, noun: Token, method: Method = Method.SPEECH_NOUN) -> Draft | None:
    """``method`` other than the rule's: a noun the cue detector proposes, whose owner may also be
    the subject of the verb that has it ("Trump made the claim that ...")."""
    owner = noun_owner(noun, open_cue=method is not Method.SPEECH_NOUN)
    if owner is None:
        return None
    content: Token | None = None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.i > noun.i:
            content = child
            break
        if child.dep_ == "prep" and child.lower_ in SPEECH_NOUN_PREPS and child.i > noun.i:
            content = next((c for c in child.children if c.dep_ == "pobj"), None)
            if content is not None:
                break
    if content is None:
        return None
    bounds = trim_content(ctx, content.left_edge, content.right_edge)
    if bounds is None:
        return None
    return indirect_draft(ctx, owner, [bounds], method, noun)
