"""Open cues, for the learned path only: words the cue detector (``quotes.cue_detector``)
proposes where no rule drafted a quote ("is betting that ...", "drew fire for ..."). Content and
source come from the rules' own grammar (``verbs.open_verb``, ``speech_noun``, ``stance``),
without their word lists; the learned scorer decides which drafts to keep."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.lookups import SpanSet
from whosaid.quotes.method import Method
from whosaid.quotes.reported.speech_noun import from_speech_noun
from whosaid.quotes.reported.stance import from_adjective
from whosaid.quotes.reported.verbs import open_verb

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context, Draft


def open_draft(ctx: Context, token: Token) -> Draft | None:
    """The draft a proposed cue word gives by its part of speech, if the grammar finds content and a source."""
    if token.pos_ in ("VERB", "AUX"):
        return open_verb(ctx, token, Method.OPEN_CUE)
    if token.pos_ == "NOUN":
        return from_speech_noun(ctx, token, Method.OPEN_CUE)
    if token.pos_ == "ADJ":
        return from_adjective(ctx, token, Method.OPEN_CUE)
    return None


def open_drafts(ctx: Context, taken: list[Draft], words: list[Token]) -> list[Draft]:
    """Each word's draft (in the order of ``words``), where its grammar gives one, its cue is not
    another draft's and no draft of ``taken`` stands in its place; the drafts may overlap each other
    (``first_apart`` keeps those that do not)."""
    drafts: list[Draft] = []
    cues = {d.cue.i for d in taken if d.cue is not None}
    standing = SpanSet((d.start, d.end) for d in taken)
    for token in words:
        if token.i in cues:
            continue
        draft = open_draft(ctx, token)
        if draft is not None and not standing.overlaps(draft.start, draft.end):
            drafts.append(draft)
    return drafts


def first_apart(drafts: list[Draft]) -> list[Draft]:
    """The drafts (in text order of their cues) that overlap no draft kept before them."""
    kept: list[Draft] = []
    for draft in drafts:
        if not any(d.start < draft.end and draft.start < d.end for d in kept):
            kept.append(draft)
    return kept
