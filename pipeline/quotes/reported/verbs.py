"""Reporting verbs: "Kabulov hinted (that) Russia might ..." (clause), "criticized Clinton
for ..." (object), "backing Assad" (stance), "talked about how ..." (preposition)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.cues import (
    CONTENT_PREPOSITIONS,
    INFINITIVE_CUE_VERBS,
    OBJECT_CONTENT_VERBS,
    OBJECT_CUE_VERBS,
    ON_CUE_VERBS,
    PREPOSITION_CUE_VERBS,
    STANCE_VERBS,
    WEAK_CUE_VERBS,
    cue_lemma,
)
from whosaid.quotes.cue import SUBJECT_DEPS, source_of, subject_of
from whosaid.quotes.method import Method
from whosaid.quotes.reported.parenthetical import parenthetical
from whosaid.quotes.sources import indirect_draft
from whosaid.quotes.trim import trim_content, without_appendage

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context, Draft

# The words right of an evaluative verb that carry what was said.
_COMPLEMENT_DEPS = frozenset({"dobj", "prep", "oprd", "attr", "xcomp", "ccomp", "acomp", "dative", "advcl"})


def clausal_complement(verb: Token) -> Token | None:
    """The clause (or, after verbs such as "promise", the infinitive) a verb reports."""
    lemma = cue_lemma(verb)
    for child in verb.children:
        if child.dep_ == "ccomp":
            if lemma in WEAK_CUE_VERBS and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
                continue
            return child
    if lemma in INFINITIVE_CUE_VERBS:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.i > verb.i:
                return child
    return None


def _clause_bounds(ctx: Context, verb: Token, complement: Token) -> tuple[int, int] | None:
    """The clause a verb reports; after "urged Congress to act" the object belongs to it."""
    bounds = trim_content(ctx, complement.left_edge, complement.right_edge)
    if bounds is None or (complement.i < verb.i and bounds[1] > verb.idx):
        return None
    if complement.dep_ == "xcomp":
        first = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < complement.i), None)
        if first is not None:
            bounds = (first.left_edge.idx, bounds[1])
    return bounds


def _object_bounds(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """The words right of a verb that carry what was said ("praised the team for ...")."""
    parts = [c for c in verb.children if c.dep_ in _COMPLEMENT_DEPS and c.i > verb.i]
    return trim_content(ctx, parts[0].left_edge, parts[-1].right_edge) if parts else None


def from_verb(ctx: Context, verb: Token) -> Draft | None:
    lemma = cue_lemma(verb)
    complement = clausal_complement(verb)
    method = Method.CCOMP
    if complement is None and verb.dep_ == "parataxis" and verb.head.i != verb.i:
        return parenthetical(ctx, verb)
    if complement is not None:
        bounds = _clause_bounds(ctx, verb, complement)
        if bounds is None:
            return None
    elif lemma in OBJECT_CUE_VERBS or lemma in OBJECT_CONTENT_VERBS:
        bounds = _object_bounds(ctx, verb)
        # Evaluative verbs alone ("praised the team") report speech only with quoted words inside.
        if bounds is None or (lemma not in OBJECT_CONTENT_VERBS and not any(ctx.quoted_any[k] for k in range(*bounds))):
            return None
        method = Method.STANCE if lemma in STANCE_VERBS else Method.OBJECT
    elif lemma in PREPOSITION_CUE_VERBS:
        preposition = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep"
                and c.i > verb.i
                and (c.lower_ in CONTENT_PREPOSITIONS or (c.lower_ == "on" and lemma in ON_CUE_VERBS))
            ),
            None,
        )
        target = next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None) if preposition else None
        if target is None or target.ent_type_ in ("DATE", "TIME", "CARDINAL"):
            return None
        bounds = trim_content(ctx, target.left_edge, target.right_edge)
        if bounds is None:
            return None
        method = Method.PREPOSITION
    else:
        return None
    bounds = without_appendage(ctx, bounds)
    source = source_of(verb)
    if source is None:
        return None
    return indirect_draft(ctx, source, [bounds], method, verb)


def open_verb(ctx: Context, verb: Token, method: Method) -> Draft | None:
    """A verb outside the lists that the cue detector proposes: its clause (or infinitive), else
    the words right of it, else the sentence around it when it interrupts or opens it with "as"
    ("As Politico reported, ..."); its source as above, or for a participle with no subject of
    its own, whoever the participle is about (``participle_source``)."""
    # "As Politico reported, ...": only with a subject of its own ("As expected, the senator won").
    opens = (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )
    interrupts = verb.dep_ == "parataxis" or opens
    if interrupts and verb.head.i != verb.i and not any(c.dep_ == "ccomp" for c in verb.children):
        draft = parenthetical(ctx, verb)
        if draft is not None:
            draft.method = method
        return draft
    complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if complement is None:
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    bounds = _clause_bounds(ctx, verb, complement) if complement is not None else _object_bounds(ctx, verb)
    source = source_of(verb) or participle_source(verb)
    if bounds is None or source is None:
        return None
    return indirect_draft(ctx, source, [without_appendage(ctx, bounds)], method, verb)


def participle_source(verb: Token) -> Token | None:
    """Who speaks in a participle without a subject: after a preposition, the subject of the
    clause it hangs on ("After saying he was nervous, the man ..."); describing a noun, that
    noun ("voters saying they want ...", "Hispanics telling ... and criticizing ...")."""
    top = verb
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.dep_ == "pcomp" and top.head.dep_ == "prep" and top.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(top.head.head)
    if top.dep_ == "acl" and top.tag_ == "VBG":
        return top.head
    return None
