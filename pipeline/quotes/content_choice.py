"""A learned choice of where reported content lies, for the learned path: for a reported draft
with a cue, the spans its content could have (the rule's own; cut before a comma, dash, colon or
semicolon inside it; the clause or phrase the cue governs, whole or without its trailing
modifiers; run on to the end of its sentence or of the next one; the whole sentence around it;
without a leading preposition; the content tagger's, ``content_tagger``, when the model has one) are
each described by where they start and end in the parse, and
a logistic model (``learned.LinearModel``, trained by ``train`` on whether each span matches the
annotated content of the draft's cue) picks the likeliest. It mends what one rule's fixed reach
gets wrong: "said the budget was tight, but needed ..." cut at the comma, "announced funds on Friday,
including ..." run on past the object, "Part of the problem, say experts, is ..."
around the cue.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from whosaid.lookups import SpanIndex
from whosaid.quotes.learned import logistic
from whosaid.quotes.parse_arrays import ParseArrays

if TYPE_CHECKING:
    from whosaid.quotes.drafts import Context, Draft
    from whosaid.quotes.learned import LinearModel

_MAX_CUTS = 3
# Spans of more words than any sentence of the training file (223) are left as the rules drew them:
# the model never saw one, and judging them would cost time in proportion to their length.
_MAX_WORDS = 256
# The modifiers that a phrase's core leaves out: "support [on Thursday, including ...]".
_TRAILING_DEPS = frozenset({"prep", "advcl", "npadvmod", "relcl", "acl", "appos", "punct", "cc", "conj"})
# Words that, after a break, open something other than more of the content.
_AFTER_BREAK = frozenset(
    {"who", "which", "where", "when", "while", "but", "and", "or", "according", "saying", "adding", "as", "because"}
)
_RATIO_EDGES = (0.34, 0.67, 0.9, 1.11, 1.5, 3.0)
# How sure the model must be that a span beats the rule's before it is taken: out-of-fold on PolNeAR
# train, the spans taken at 0.5-0.6 spoil about as many drafts as they mend; 0.6 and 0.7 differ by
# under 0.001 F1 now that the scorer sees how sure the chooser was (``Draft.content_choice``).
PREFERENCE = 0.6
# The tagger's summed log-odds (``span_features``) in units of this many: of the size of a feature's
# usual value, for the regularised fit.
TAGGER_SCALE = 10.0


@dataclass(frozen=True)
class Span:
    """One place the content could lie: its character range and the way it was found."""

    start: int
    end: int
    way: str


def _words(ctx: Context, start: int, end: int) -> tuple[int, int] | None:
    """The first and last word of a character range."""
    first, last = ctx.char_token[start], ctx.char_token[end - 1]
    return None if first < 0 or last < 0 else (first, last)


def content_candidates(
    ctx: Context,
    draft: Draft,
    arrays: ParseArrays,
    tagger: LinearModel | None = None,
    scores: dict[int, float] | None = None,
) -> list[Span]:
    """The draft's possible content spans, the rule's own first; none for a direct quote, a draft
    without a cue or one in several pieces (``scores``: the tagger's ``word_scores``, when taken)."""
    cue = draft.cue
    words = _words(ctx, draft.start, draft.end) if draft.kind != "direct" and len(draft.fragments) == 1 else None
    if cue is None or words is None or words[1] - words[0] >= _MAX_WORDS:
        return []
    first, last = words
    found = [Span(draft.start, draft.end, "rule")]
    seen = {(draft.start, draft.end)}
    quoted = _direct_letters(ctx, draft.start, draft.end)

    def add(i: int, j: int, way: str) -> None:
        if j - i >= _MAX_WORDS:
            return
        bounds = arrays.trim(i, j)
        # A span that takes in more of a direct quote than the rule's would take its words from that quote.
        if bounds is not None and bounds not in seen and _direct_letters(ctx, *bounds) <= quoted:
            seen.add(bounds)
            found.append(Span(bounds[0], bounds[1], way))

    cuts = [i for i in range(first + 1, last) if arrays.breaks[i]][:_MAX_CUTS]
    for k, i in enumerate(cuts):
        add(first, i - 1, f"cut{k}")
    end = arrays.sent_end[last]
    add(first, end - 1, "sentence_end")
    if end < len(arrays.head):
        add(first, arrays.sent_end[end] - 1, "next_sentence_end")
    add(arrays.sent_start[first], arrays.sent_end[first] - 1, "whole_sentence")
    head = next((c for c in cue.children if first <= c.i <= last), None)
    if head is not None:
        core = [c.right_edge.i for c in head.children if c.i > head.i and c.dep_ not in _TRAILING_DEPS]
        add(first, max([head.i, *core]), "core")
        add(head.left_edge.i, head.right_edge.i, "head_subtree")
    if first < last and ctx.doc[first].pos_ == "ADP":
        add(first + 1, last, "no_preposition")
    if tagger is not None:
        from whosaid.quotes.content_tagger import tagged_span

        tagged = tagged_span(ctx, arrays, cue, tagger, scores)
        if tagged is not None and tagged not in seen and _direct_letters(ctx, *tagged) <= quoted:
            found.append(Span(tagged[0], tagged[1], "tagger"))
    return found


def tagger_scores(ctx: Context, draft: Draft, arrays: ParseArrays, tagger: LinearModel) -> dict[int, float] | None:
    """The content tagger's ``word_scores`` for the words of the draft's cue's sentence, for a draft
    that has candidate spans (reported, with a cue, in one piece); else None."""
    from whosaid.quotes.content_tagger import word_scores

    if draft.cue is None or draft.kind == "direct" or len(draft.fragments) != 1:
        return None
    return word_scores(ctx, arrays, draft.cue, tagger)


def _direct_letters(ctx: Context, start: int, end: int) -> int:
    """How many letters and digits of ``start..end`` stand inside a direct quote."""
    return int(ctx.quoted_letters_before[end] - ctx.quoted_letters_before[start])


def _ratio_bin(value: float) -> int:
    return bisect_left(_RATIO_EDGES, value)


def span_features(
    ctx: Context,
    draft: Draft,
    span: Span,
    arrays: ParseArrays,
    near: list[tuple[int, int]],
    scores: dict[int, float] | None = None,
) -> dict[str, float]:
    """What the model sees of one candidate span of a draft (``near``: the spans of the article's
    other drafts that could overlap it; ``scores``: the content tagger's log-odds of the words of
    the cue's sentence, whose sums over the span's words, those for and those against, are two
    features: against the rule's span, they weigh the words a span adds and drops)."""
    cue = draft.cue
    words = _words(ctx, span.start, span.end)
    assert cue is not None and words is not None
    way, method, doc = span.way, draft.method.value, ctx.doc
    letters = int(ctx.letters_before[span.end] - ctx.letters_before[span.start])
    rule_letters = int(ctx.letters_before[draft.end] - ctx.letters_before[draft.start])
    features: dict[str, float] = {
        f"way={way}": 1.0,
        f"method={method}|way={way}": 1.0,
        f"cue_pos={cue.pos_}|way={way}": 1.0,
        f"way={way}|ratio={_ratio_bin(letters / max(1, rule_letters))}": 1.0,
    }
    k = words[1] + 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    following = doc[k] if k < len(doc) else None
    after = "end" if following is None else following.lower_ if following.is_punct else following.pos_
    features[f"next={after}"] = 1.0
    features[f"way={way}|next={after}"] = 1.0
    if following is not None and following.is_punct and k + 1 < len(doc):
        word = doc[k + 1]
        features[f"after_break={word.lower_ if word.lower_ in _AFTER_BREAK else word.pos_}"] = 1.0
    last = doc[words[1]]
    features[f"last_pos={last.pos_}"] = 1.0
    features[f"last_dep={last.dep_}"] = 1.0
    if all(arrays.blank[i] for i in range(words[1] + 1, arrays.sent_end[words[1]])):
        features["ends_sentence"] = 1.0
    if "\n" in ctx.text[span.start : span.end]:
        features["crosses_line"] = 1.0
    if span.start <= cue.idx < span.end:
        features["cue_inside"] = 1.0
        features[f"way={way}|cue_inside"] = 1.0
    speaker = draft.speaker
    if speaker is not None and span.start <= speaker.mention.start < span.end:
        features["speaker_inside"] = 1.0
    quoted = _direct_letters(ctx, span.start, span.end)
    if quoted:
        features[f"direct_share={min(4, int(5 * quoted / max(1, letters)))}"] = 1.0
    if any(s < span.end and span.start < e for s, e in near):
        features["overlaps_other"] = 1.0
    if way != "rule":
        _delta_features(features, ctx, draft, words, arrays)
    if scores:
        inside = [scores.get(i, 0.0) for i in range(words[0], words[1] + 1)]
        features["tagger_for"] = round(sum(s for s in inside if s > 0.0) / TAGGER_SCALE, 6)
        features["tagger_against"] = round(sum(s for s in inside if s < 0.0) / TAGGER_SCALE, 6)
    return features


def _delta_features(
    features: dict[str, float], ctx: Context, draft: Draft, mine: tuple[int, int], arrays: ParseArrays
) -> None:
    """How the words a span adds to the rule's, or drops from it, hang in the parse: the words
    whose head lies outside the added (dropped) words, by dependency and where the head is (the
    cue, the rule's content, elsewhere)."""
    cue = draft.cue
    rule = _words(ctx, draft.start, draft.end)
    assert cue is not None and rule is not None
    strings = ctx.doc.vocab.strings
    added = [i for i in range(mine[0], mine[1] + 1) if not rule[0] <= i <= rule[1]]
    dropped = [i for i in range(rule[0], rule[1] + 1) if not mine[0] <= i <= mine[1]]
    for name, words, (low, high) in (("add", added, rule), ("drop", dropped, mine)):
        if not words:
            continue
        features[f"{name}_words={_ratio_bin(len(words) / (rule[1] - rule[0] + 1))}"] = 1.0
        if cue.i in words:
            features[f"{name}_cue"] = 1.0
        group = range(words[0], words[-1] + 1) if words[-1] - words[0] + 1 == len(words) else set(words)
        for i in words:
            head = arrays.head[i]
            if arrays.blank[i] or (head in group and head != i):
                continue
            where = "cue" if head == cue.i else "content" if low <= head <= high else "out"
            features[f"{name}={strings[arrays.dep[i]]}|{where}"] = 1.0


def nearby(draft: Draft, found: list[Span], spans: SpanIndex) -> list[tuple[int, int]]:
    """The spans of the article's other drafts (``spans``: all of them) that reach into the range
    the draft's candidate spans cover."""
    low, high = min(s.start for s in found), max(s.end for s in found)
    own = (draft.start, draft.end)
    return [span for span in spans.overlapping(low, high) if span != own]


def choose_content(
    ctx: Context,
    draft: Draft,
    model: LinearModel,
    spans: SpanIndex,
    arrays: ParseArrays,
    found: list[Span] | None = None,
    tagger: LinearModel | None = None,
    words: dict[int, float] | None = None,
) -> Draft:
    """The draft with the span the model prefers most to the rule's as its content, when it prefers
    one clearly (probability at least ``PREFERENCE`` against the rule's); else the same draft.
    ``spans``: the article's drafts' spans; ``words``: the tagger's ``word_scores``, when ``found``
    is given (else taken here from ``tagger``)."""
    if found is None:
        words = tagger_scores(ctx, draft, arrays, tagger) if tagger is not None else None
        found = content_candidates(ctx, draft, arrays, tagger, words)
    options = found
    if len(options) < 2:
        return draft
    near = nearby(draft, options, spans)
    # The model judges the difference of two rows; a linear model's log-odds of a difference are
    # the difference of the log-odds.
    scores = [model.score(span_features(ctx, draft, span, arrays, near, words)) for span in options]
    best = max(range(1, len(scores)), key=lambda k: (scores[k], -k))
    preference = logistic(scores[best] - scores[0])
    if preference < PREFERENCE:
        draft.content_choice = preference
        return draft
    chosen = options[best]
    return replace(draft, fragments=[(chosen.start, chosen.end)], quoted=[], kind="indirect", content_choice=preference)
