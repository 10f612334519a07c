"""A learned choice of where reported content lies, for the learned path: for a reported draft
with a cue, the spans its content could have (the rule's own; cut before a comma, dash, colon or
semicolon inside it; the clause or phrase the cue governs, whole or without its trailing
modifiers; run on to the end of its sentence or of the next one; the whole sentence around it;
without a leading preposition) are each described by where they start and end in the parse, and
a logistic model (``learned.LinearModel``, trained by ``train`` on whether each span matches the
annotated content of the draft's cue) picks the likeliest. It mends what one rule's fixed reach
gets wrong: "said the process was fair, but required ..." cut at the comma, "announced support on
Thursday, including ..." run on past the object, "Part of the problem, say experts, is ..."
around the cue.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from whosaid.quotes.source_choice import difference
from whosaid.quotes.trim import trim_content

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context, Draft
    from whosaid.quotes.learned import LinearModel

_BREAKS = frozenset({",", ";", ":", "—", "–", "-", "--"})
_MAX_CUTS = 3
# The modifiers that a phrase's core leaves out: "support [on Thursday, including ...]".
_TRAILING_DEPS = frozenset({"prep", "advcl", "npadvmod", "relcl", "acl", "appos", "punct", "cc", "conj"})
# Words that, after a break, open something other than more of the content.
_AFTER_BREAK = frozenset(
    {"who", "which", "where", "when", "while", "but", "and", "or", "according", "saying", "adding", "as", "because"}
)
_RATIO_EDGES = (0.34, 0.67, 0.9, 1.11, 1.5, 3.0)
# How sure the model must be that a span beats the rule's before it is taken: out-of-fold on PolNeAR
# train, the spans taken at 0.5-0.7 spoil about as many drafts as they mend.
PREFERENCE = 0.7


@dataclass(frozen=True)
class Span:
    """One place the content could lie: its character range and the way it was found."""

    start: int
    end: int
    way: str


def content_candidates(ctx: Context, draft: Draft) -> list[Span]:
    """The draft's possible content spans, the rule's own first; none for a direct quote, a draft
    without a cue or one in several pieces."""
    if draft.kind == "direct" or draft.cue is None or len(draft.fragments) != 1:
        return []
    doc = ctx.doc
    first, last = ctx.token_at(draft.start), ctx.token_at(draft.end - 1)
    if first is None or last is None:
        return []
    found = [Span(draft.start, draft.end, "rule")]
    seen = {(draft.start, draft.end)}

    def add(start: Token, end: Token, way: str) -> None:
        bounds = trim_content(ctx, start, end) if start.i <= end.i else None
        if bounds is not None and bounds not in seen:
            seen.add(bounds)
            found.append(Span(bounds[0], bounds[1], way))

    cuts = [t for t in doc[first.i + 1 : last.i] if t.text in _BREAKS][:_MAX_CUTS]
    for k, token in enumerate(cuts):
        add(first, doc[token.i - 1], f"cut{k}")
    sentence = last.sent
    add(first, doc[sentence.end - 1], "sentence_end")
    if sentence.end < len(doc):
        add(first, doc[doc[sentence.end].sent.end - 1], "next_sentence_end")
    add(first.sent[0], doc[first.sent.end - 1], "whole_sentence")
    head = next((c for c in draft.cue.children if first.i <= c.i <= last.i), None)
    if head is not None:
        core = [c.right_edge for c in head.children if c.i > head.i and c.dep_ not in _TRAILING_DEPS]
        add(first, max([head, *core], key=lambda t: t.i), "core")
        add(head.left_edge, head.right_edge, "head_subtree")
    if first.pos_ == "ADP" and first.i < last.i:
        add(doc[first.i + 1], last, "no_preposition")
    return found


def _ratio_bin(value: float) -> int:
    return sum(value > edge for edge in _RATIO_EDGES)


def _next_word(ctx: Context, end: int) -> Token | None:
    token = ctx.token_at(end)
    if token is None or token.idx < end:  # ``end`` inside a word: the word after it
        token = ctx.token_at(end + 1) if token is None else (token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None)
    while token is not None and token.is_space:
        token = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token


def span_features(ctx: Context, draft: Draft, span: Span, spans: list[tuple[int, int]]) -> dict[str, float]:
    """What the model sees of one candidate span of a draft (``spans``: the article's drafts' spans)."""
    cue = draft.cue
    assert cue is not None
    way, method = span.way, draft.method.value
    letters = int(ctx.letters_before[span.end] - ctx.letters_before[span.start])
    rule_letters = int(ctx.letters_before[draft.end] - ctx.letters_before[draft.start])
    features: dict[str, float] = {
        f"way={way}": 1.0,
        f"method={method}|way={way}": 1.0,
        f"cue_pos={cue.pos_}|way={way}": 1.0,
        f"way={way}|ratio={_ratio_bin(letters / max(1, rule_letters))}": 1.0,
    }
    following = _next_word(ctx, span.end)
    after = "end" if following is None else following.lower_ if following.is_punct else following.pos_
    features[f"next={after}"] = 1.0
    features[f"way={way}|next={after}"] = 1.0
    if following is not None and following.is_punct and following.i + 1 < len(ctx.doc):
        word = ctx.doc[following.i + 1]
        opener = word.lower_ if word.lower_ in _AFTER_BREAK else word.pos_
        features[f"after_break={opener}"] = 1.0
    last = ctx.token_at(span.end - 1)
    if last is not None:
        features[f"last_pos={last.pos_}"] = 1.0
        features[f"last_dep={last.dep_}"] = 1.0
        if last.i + 1 >= last.sent.end or all(t.is_punct or t.is_space for t in ctx.doc[last.i + 1 : last.sent.end]):
            features["ends_sentence"] = 1.0
    if "\n" in ctx.text[span.start : span.end]:
        features["crosses_line"] = 1.0
    if span.start <= cue.idx < span.end:
        features["cue_inside"] = 1.0
        features[f"way={way}|cue_inside"] = 1.0
    speaker = draft.speaker
    if speaker is not None and span.start <= speaker.mention.start < span.end:
        features["speaker_inside"] = 1.0
    quoted = int(ctx.quoted_letters_before[span.end] - ctx.quoted_letters_before[span.start])
    if quoted:
        features[f"direct_share={min(4, int(5 * quoted / max(1, letters)))}"] = 1.0
    own = (draft.start, draft.end)
    if any(s < span.end and span.start < e and (s, e) != own for s, e in spans):
        features["overlaps_other"] = 1.0
    if way != "rule":
        _delta_features(features, ctx, draft, span)
    return features


def _delta_features(features: dict[str, float], ctx: Context, draft: Draft, span: Span) -> None:
    """How the words a span adds to the rule's, or drops from it, hang in the parse: the words
    whose head lies outside the added (dropped) words, by dependency and where the head is (the
    cue, the rule's content, elsewhere)."""
    cue = draft.cue
    assert cue is not None
    rule = _token_range(ctx, draft.start, draft.end)
    mine = _token_range(ctx, span.start, span.end)
    if rule is None or mine is None:
        return
    doc = ctx.doc
    added = [i for i in range(mine[0], mine[1]) if not rule[0] <= i < rule[1]]
    dropped = [i for i in range(rule[0], rule[1]) if not mine[0] <= i < mine[1]]
    for name, words, inside in (("add", added, rule), ("drop", dropped, mine)):
        if not words:
            continue
        features[f"{name}_words={_ratio_bin(len(words) / max(1, rule[1] - rule[0]))}"] = 1.0
        group = set(words)
        for i in words:
            token = doc[i]
            if token.is_punct or token.is_space or token.head.i in group:
                continue
            head = token.head
            where = "cue" if head.i == cue.i else "content" if inside[0] <= head.i < inside[1] else "out"
            features[f"{name}={token.dep_}|{where}"] = 1.0
            if token.i == cue.i:
                features[f"{name}_cue"] = 1.0


def _token_range(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    first, last = ctx.token_at(start), ctx.token_at(end - 1)
    return None if first is None or last is None else (first.i, last.i + 1)


def choose_content(
    ctx: Context, draft: Draft, model: LinearModel, spans: list[tuple[int, int]], found: list[Span] | None = None
) -> Draft:
    """The draft with the span the model prefers most to the rule's as its content, when it prefers
    one clearly (probability at least ``PREFERENCE`` against the rule's); else the same draft."""
    options = content_candidates(ctx, draft) if found is None else found
    if len(options) < 2:
        return draft
    rows = [span_features(ctx, draft, span, spans) for span in options]
    scores = [model.probability(difference(row, rows[0])) for row in rows[1:]]
    best = max(range(len(scores)), key=lambda k: (scores[k], -k))
    if scores[best] < PREFERENCE:
        return draft
    chosen = options[best + 1]
    return replace(draft, fragments=[(chosen.start, chosen.end)], quoted=[], kind="indirect")
