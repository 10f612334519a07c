"""The direct-quote cascade: one quoted span, attributed by the first rule that finds a speaker
(dash signature, cue after, cue before, colon, according to, a name and a colon, a cue sentence
before, the previous quote's speaker, a person in the sentence before)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.quotes.cue import cue_in, subject_of
from whosaid.quotes.drafts import Draft
from whosaid.quotes.frames import colon_frame, dash_line, frame_after, frame_before
from whosaid.quotes.method import Method
from whosaid.quotes.sources import (
    according_source,
    colon_source,
    cue_sentence_before,
    name_and_colon,
    previous_sentence_person,
    resolve,
    signature_speaker,
    speaker_near_cue,
)

if TYPE_CHECKING:
    from whosaid.quotemarks import QuotedSpan
    from whosaid.quotes.drafts import Context


def attribute_direct(ctx: Context, span: QuotedSpan, previous: Draft | None) -> Draft:
    """A draft for a direct quote, with the speaker and the rule that found it."""
    draft = Draft(kind="direct", fragments=list(span.fragments), method=Method.UNATTRIBUTED, closed=span.closed)
    after = frame_after(ctx, span)
    signature = dash_line(ctx, span, after)
    if signature is not None:
        draft.speaker = signature_speaker(ctx, *signature)
        if draft.speaker is not None:
            draft.method = Method.DASH
            return draft
    cue = cue_in(after, nearest_last=False)
    method = Method.CUE_AFTER
    frame = after
    if cue is None:
        frame = frame_before(ctx, span)
        cue = cue_in(frame, nearest_last=True)
        method = Method.CUE_BEFORE
    if cue is None:
        frame = colon_frame(ctx, span)
        cue = cue_in(frame, nearest_last=True)
        method = Method.COLON
    if cue is not None:
        draft.cue = cue
        draft.method = method
        draft.speaker, draft.pronoun = resolve(ctx, speaker_near_cue(ctx, cue, frame))
        return draft
    for according in (t for t in after + frame_before(ctx, span) if t.lower_ == "according"):
        draft.speaker, draft.pronoun = resolve(ctx, according_source(according))
        if draft.speaker is not None:
            draft.cue, draft.method = according, Method.ACCORDING_TO
            return draft
    source = colon_source(frame) or name_and_colon(ctx, span)
    if source is not None:
        draft.speaker, draft.pronoun = resolve(ctx, source)
        if draft.speaker is not None:
            draft.method = Method.COLON
            return draft
    cue = cue_sentence_before(ctx, span)
    if cue is not None:
        draft.speaker, draft.pronoun = resolve(ctx, subject_of(cue))
        if draft.speaker is not None:
            draft.cue, draft.method = cue, Method.PREVIOUS_SENTENCE
            return draft
    if (
        previous is not None
        and previous.speaker is not None
        and _same_or_next_paragraph(ctx.text, previous.end, span.start)
    ):
        draft.speaker, draft.method = previous.speaker, Method.FOLLOW_ON
        return draft
    subject = previous_sentence_person(ctx, span)
    if subject is not None:
        draft.speaker, draft.pronoun = resolve(ctx, subject)
        if draft.speaker is not None:
            draft.method = Method.PREVIOUS_SENTENCE
    return draft


def _same_or_next_paragraph(text: str, previous_end: int, start: int) -> bool:
    between = text[previous_end:start].strip()
    # At most one paragraph break, and nothing long in between.
    return len([run for run in between.split("\n") if run.strip()]) <= 2 and len(between) < 600
