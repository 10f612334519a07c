"""What the learned scorer sees of a drafted quote: sparse, named features of the rule that
found it, its cue, content and speaker in the parse. Names are strings so that the model file
stays readable; values are 1.0 for indicators."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from whosaid.cues import cue_lemma
from whosaid.lookups import SpanIndex
from whosaid.quotes.confidence import rule_confidence
from whosaid.quotes.method import Method

if TYPE_CHECKING:
    from whosaid.quotes.drafts import Context, Draft

_WORD_BINS = (3, 7, 15, 30, 60)
_DISTANCE_BINS = (0, 2, 5, 10, 20, 40, 80)
# Words that open reported content: "said that ...", "asked whether ...", "explained how ...".
_CLAUSE_OPENERS = frozenset({"that", "whether", "if", "how", "why", "what", "to"})


def _bin(value: int, edges: tuple[int, ...]) -> int:
    return bisect_right(edges, value)


def quote_features(ctx: Context, draft: Draft, entity_kinds: dict[str, str]) -> dict[str, float]:
    """Features of one draft in its article (``entity_kinds``: entity id -> kind)."""
    return draft_features(ctx, draft, entity_kinds) | cue_probability_features(draft) | choice_features(draft)


def choice_features(draft: Draft) -> dict[str, float]:
    """How sure the choosers were of the rule's content and source: the probability they gave
    their best other candidate against it, by tenths (taken from 0.7 for content, 0.5 for source)."""
    return {
        f"{name}_choice={'none' if p is None else min(9, int(10 * p))}": 1.0
        for name, p in (("content", draft.content_choice), ("source", draft.source_choice))
    }


def cue_probability_features(draft: Draft) -> dict[str, float]:
    """What the cue detector thinks of the draft's cue word (nothing for a word it does not judge)."""
    p = draft.cue_probability
    if p is None:
        return {"cue_p=none": 1.0}
    level = min(9, int(10 * p))
    return {"cue_p": p, f"cue_p={level}": 1.0, f"method={draft.method.value}|cue_p={level}": 1.0}


def draft_features(ctx: Context, draft: Draft, entity_kinds: dict[str, str]) -> dict[str, float]:
    """The features that do not depend on the cue detector."""
    method = draft.method.value
    features: dict[str, float] = {
        "bias": 1.0,
        f"method={method}": 1.0,
        f"kind={draft.kind}": 1.0,
        f"method={method}|kind={draft.kind}": 1.0,
        "rule_confidence": rule_confidence(draft),
    }
    if draft.pronoun:
        features["pronoun"] = 1.0
        features[f"method={method}|pronoun"] = 1.0
    if not draft.closed:
        features["unclosed"] = 1.0
    if len(draft.fragments) > 1:
        features["fragments>1"] = 1.0
    text = ctx.text
    content = text[draft.start : draft.end]
    words = len(content.split())
    features[f"words={_bin(words, _WORD_BINS)}"] = 1.0
    features[f"method={method}|words={_bin(words, _WORD_BINS)}"] = 1.0
    if ctx.line_start(draft.start) == 0:
        features["headline"] = 1.0
    features[f"ends={content.rstrip()[-1:] if content.rstrip()[-1:] in ('.', ',', '?', '!') else 'other'}"] = 1.0
    first = ctx.token_at(draft.start)
    if first is not None:
        features[f"first_pos={first.pos_}"] = 1.0
        if first.lower_ in _CLAUSE_OPENERS:
            features[f"first_word={first.lower_}"] = 1.0
            features[f"method={method}|first_word={first.lower_}"] = 1.0
        if first.i == first.sent.start:
            features["starts_sentence"] = 1.0
    if draft.quoted and draft.kind == "mixed":
        inside = sum(e - s for s, e in draft.quoted)
        features[f"quoted_share={min(4, int(5 * inside / max(1, len(content))))}"] = 1.0
    _cue_features(features, draft)
    _speaker_features(features, ctx, draft, entity_kinds)
    return features


def _cue_features(features: dict[str, float], draft: Draft) -> None:
    cue = draft.cue
    if cue is None:
        features["no_cue"] = 1.0
        return
    features[f"cue={cue_lemma(cue)}"] = 1.0
    features[f"cue_pos={cue.pos_}"] = 1.0
    features[f"cue_dep={cue.dep_}"] = 1.0
    features[f"cue_tag={cue.tag_}"] = 1.0
    if cue.idx >= draft.end:
        side, distance = "after", cue.idx - draft.end
    elif cue.idx < draft.start:
        side, distance = "before", draft.start - cue.idx
    else:
        side, distance = "inside", 0
    features[f"cue_side={side}"] = 1.0
    features[f"cue_chars={_bin(distance, _DISTANCE_BINS)}"] = 1.0
    if any(child.dep_ == "neg" for child in cue.children):
        features["cue_negated"] = 1.0


def _speaker_features(features: dict[str, float], ctx: Context, draft: Draft, entity_kinds: dict[str, str]) -> None:
    speaker = draft.speaker
    if speaker is None:
        features["no_speaker"] = 1.0
        return
    kind = entity_kinds.get(speaker.entity_id or "", "none")
    features[f"speaker_kind={kind}"] = 1.0
    features[f"method={draft.method.value}|speaker_kind={kind}"] = 1.0
    if speaker.role:
        features["speaker_role"] = 1.0
    mention = speaker.mention
    token = ctx.token_at(mention.start)
    if token is not None:
        features[f"speaker_pos={token.pos_}"] = 1.0
        features[f"speaker_dep={token.dep_}"] = 1.0
        if ctx.quoted_any[token.idx]:
            features["speaker_quoted"] = 1.0
    words = len(mention.text.split())
    features[f"speaker_words={min(words, 6)}"] = 1.0
    gap = draft.start - mention.end if mention.end <= draft.start else mention.start - draft.end
    features[f"speaker_side={'before' if mention.end <= draft.start else 'after'}"] = 1.0
    features[f"speaker_chars={_bin(max(0, gap), _DISTANCE_BINS)}"] = 1.0
    if mention.start < draft.end and draft.start < mention.end:
        features["speaker_inside_content"] = 1.0


def overlap_features(drafts: list[Draft]) -> list[dict[str, float]]:
    """For each of an article's drafts, how it overlaps the others: inside one, holding one or
    crossing one, and whether that one is a rule's or an open cue's (nested attributions: the
    annotators mostly keep one of the two)."""
    by_span: dict[tuple[int, int], list[Draft]] = {}
    for draft in drafts:
        by_span.setdefault((draft.start, draft.end), []).append(draft)
    index = SpanIndex(by_span)
    found: list[dict[str, float]] = []
    for draft in drafts:
        start, end = draft.start, draft.end
        method = draft.method.value
        features: dict[str, float] = {}
        for span in index.overlapping(start, end):
            if span == (start, end):
                continue
            inside, holds = span[0] <= start and end <= span[1], start <= span[0] and span[1] <= end
            relation = "inside" if inside else "holds" if holds else "crosses"
            for other in by_span[span]:
                owner = "open" if other.method is Method.OPEN_CUE else "rule"
                features[f"overlap={relation}|other={owner}"] = 1.0
                features[f"method={method}|overlap={relation}|other={owner}"] = 1.0
        found.append(features)
    return found
