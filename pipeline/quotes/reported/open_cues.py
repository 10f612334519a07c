"""Open cues, for the learned scorer only: any verb outside the word lists whose clause
complement could be reported content ("made sure that ...", "is betting that ..."). The rules
never keep these; the scorer decides from the context, so that cues never listed (PolNeAR's
long tail) can be found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.cues import REPORTED_CUE_VERBS, cue_lemma
from whosaid.quotes.cue import SUBJECT_DEPS, source_of
from whosaid.quotes.method import Method
from whosaid.quotes.sources import indirect_draft
from whosaid.quotes.trim import trim_content, without_appendage

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context, Draft


def _open_complement(verb: Token) -> Token | None:
    """A clause after the verb with a subject of its own: "bet that the party would lose"."""
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i and any(c.dep_ in SUBJECT_DEPS for c in child.children):
            return child
    return None


def find_open(ctx: Context, taken: list[Draft]) -> list[Draft]:
    """Drafts from verbs outside the lists, where no other draft stands."""
    drafts: list[Draft] = []
    for verb in ctx.doc:
        if verb.pos_ not in ("VERB", "AUX") or ctx.quoted_any[verb.idx] or cue_lemma(verb) in REPORTED_CUE_VERBS:
            continue
        complement = _open_complement(verb)
        source = source_of(verb) if complement is not None else None
        if complement is None or source is None:
            continue
        bounds = trim_content(ctx, complement.left_edge, complement.right_edge)
        if bounds is None:
            continue
        bounds = without_appendage(ctx, bounds)
        if any(d.start < bounds[1] and bounds[0] < d.end for d in taken + drafts):
            continue
        draft = indirect_draft(ctx, source, [bounds], Method.OPEN_CUE, verb)
        if draft is not None:
            drafts.append(draft)
    return drafts
