"""Reported speech (indirect and mixed quotes) from the dependency parse, one module per
family of rule: ``verbs`` (a reporting verb with its clause, object or preposition),
``parenthetical``, ``according`` ("according to X"), ``speech_noun`` ("Biden's address about"),
``stance`` (adjectives of attitude) and ``headline`` ("Poll: Sanders leads in Iowa")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.cues import REPORTED_CUE_VERBS, SPEECH_NOUNS, STANCE_ADJECTIVES, cue_lemma, tokens_with_lemma
from whosaid.lookups import SpanSet
from whosaid.quotes.reported.according import from_according
from whosaid.quotes.reported.headline import colons, from_headline
from whosaid.quotes.reported.speech_noun import from_speech_noun
from whosaid.quotes.reported.stance import from_adjective
from whosaid.quotes.reported.verbs import from_verb

if TYPE_CHECKING:
    from whosaid.quotes.drafts import Context, Draft

_CUE_WORDS = REPORTED_CUE_VERBS | SPEECH_NOUNS | STANCE_ADJECTIVES


def find_reported(ctx: Context, direct: list[Draft]) -> list[Draft]:
    """Drafts for reported content outside quotation marks and outside the direct quotes."""
    drafts: list[Draft] = []
    taken = SpanSet((d.start, d.end) for d in direct)
    words = [ctx.doc[i] for i in tokens_with_lemma(ctx.doc, _CUE_WORDS, ("according",))]
    for token in sorted(words + colons(ctx), key=lambda t: t.i):
        if ctx.quoted_any[token.idx]:
            continue
        lemma = cue_lemma(token)
        if token.text == ":":
            draft = from_headline(ctx, token)
        elif token.pos_ == "VERB" and lemma in REPORTED_CUE_VERBS:
            draft = from_verb(ctx, token)
        elif token.lower_ == "according":
            draft = from_according(ctx, token)
        elif token.pos_ == "NOUN" and lemma in SPEECH_NOUNS:
            draft = from_speech_noun(ctx, token)
        elif token.dep_ == "acomp" and lemma in STANCE_ADJECTIVES:
            draft = from_adjective(ctx, token)
        else:
            draft = None
        if draft is None or _mostly_quoted(ctx, draft.start, draft.end):
            continue
        if taken.overlaps(draft.start, draft.end):
            continue
        drafts.append(draft)
    return drafts


def _mostly_quoted(ctx: Context, start: int, end: int) -> bool:
    """Whether most letters and digits in ``start:end`` are inside a direct quote (constant time)."""
    letters = ctx.letters_before[end] - ctx.letters_before[start]
    quoted = ctx.quoted_letters_before[end] - ctx.quoted_letters_before[start]
    return bool(letters > 0 and quoted > 0.5 * letters)
