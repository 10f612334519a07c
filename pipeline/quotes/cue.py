"""The cue test and the grammar around a cue: is this word a reporting verb, and who is its subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.animacy import SUBJECT_DEPS as NOMINAL_SUBJECT_DEPS
from whosaid.cues import SPEECH_VERBS, cue_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

# A cue's subject: the nominal ones (``animacy.SUBJECT_DEPS``) and a clause ("What he said was ...").
SUBJECT_DEPS = frozenset({*NOMINAL_SUBJECT_DEPS, "csubj"})
SENTENCE_END = frozenset({".", "!", "?"})


def is_cue(token: Token) -> bool:
    """Whether a verb introduces speech beside a direct quote ("said", "put it", "went on")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = cue_lemma(token)
    if lemma in SPEECH_VERBS:
        return True
    # "as Nora Blake put it: ...", "She went on: ...", "Diaz shot back."
    if lemma == "put":
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "advmod")}
    return (lemma == "go" and "on" in particles) or (lemma in ("shoot", "fire", "hit") and "back" in particles)


def cue_in(frame: list[Token], nearest_last: bool) -> Token | None:
    cues = [t for t in frame if is_cue(t)]
    if not cues:
        return None
    return cues[-1] if nearest_last else cues[0]


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, following conjunctions and auxiliary chains up."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i:
            current = current.head
        else:
            return None
    return None


def source_of(verb: Token) -> Token | None:
    """Who holds the reported content: the subject, or the agent of a passive
    ("Trump was criticized by his rivals for ..."); a passive without one has no source."""
    subject = subject_of(verb)
    if subject is None or subject.dep_ != "nsubjpass":
        return subject
    for carrier in (verb, subject.head):
        for child in carrier.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None
