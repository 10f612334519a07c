"""Drafts labelled for training: an article's drafts as ``draft_quotes`` makes them under given
models, with their ``features`` and the benchmark's verdicts on them (``scoring.judge``).

``completed`` gives an article's drafts before the choosers: the rules' and, with a cue detector,
the open-cue drafts of the words it proposes at or above ``CUE_FLOOR``; ``labelled`` passes them
through the content and source choosers as at run time and judges each one: does its content
match an annotated attribution (``matched``), are content and speaker both right (``right``).
Training (``train``) fits the scorers on these; the benchmark scores them.
"""

from __future__ import annotations

from dataclasses import dataclass

from whosaid.lookups import SpanIndex
from whosaid.quotes.content_choice import choose_content
from whosaid.quotes.drafts import Draft
from whosaid.quotes.examples import ArticleExamples
from whosaid.quotes.features import choice_features, cue_probability_features, draft_features, overlap_features
from whosaid.quotes.learned import LinearModel
from whosaid.quotes.reported.open_cues import first_apart
from whosaid.quotes.scoring import Prediction, judge
from whosaid.quotes.source_choice import attributed, choose, source_candidates

CUE_FLOOR = 0.2  # the cue detector's probability from which a word becomes an open-cue draft


@dataclass
class Labelled:
    """The drafts of one article under one cue detector, described and judged."""

    drafts: list[Draft]
    features: list[dict[str, float]]
    predictions: list[Prediction]
    matched: list[bool]
    right: list[bool]


def prediction_of(draft: Draft) -> Prediction:
    speaker = draft.speaker
    return Prediction(
        kind=draft.kind,
        fragments=list(draft.fragments),
        speaker_span=(speaker.mention.start, speaker.mention.end) if speaker else None,
        speaker_name=speaker.name if speaker else None,
    )


def labelled(
    article: ArticleExamples,
    detector: LinearModel | None,
    floor: float = CUE_FLOOR,
    source: LinearModel | None = None,
    content: LinearModel | None = None,
) -> Labelled:
    """The article's drafts as ``draft_quotes`` makes them with this detector (the rules' alone
    without one) and source model, with their features and the scoring's verdicts."""
    drafts = completed(article, detector, floor)
    ctx = article.found.ctx
    base = [article.base[id(d)] for d in drafts]
    sources = [article.sources.get(id(d), []) for d in drafts]
    if content is not None:
        spans = SpanIndex((d.start, d.end) for d in drafts)
        arrays = article.arrays
        assert arrays is not None
        placed = [
            choose_content(ctx, d, content, spans, arrays, article.contents[id(d)], words=article.tag_scores.get(id(d)))
            for d in drafts
        ]
        for k, (p, d) in enumerate(zip(placed, drafts, strict=True)):
            if p is not d:
                p = placed[k] = article.found.ready(p)
                base[k] = draft_features(ctx, p, article.kinds)
                sources[k] = source_candidates(ctx, p, article.memo)
        # In order of where their content starts again, as ``draft_quotes`` orders them.
        order = sorted(range(len(placed)), key=lambda k: (placed[k].start, placed[k].end))
        drafts, base, sources = [placed[k] for k in order], [base[k] for k in order], [sources[k] for k in order]
    if source is not None:
        chosen = [choose(ctx, d, source, article.kinds, found) for d, found in zip(drafts, sources, strict=True)]
        base = [
            b if c is d else draft_features(ctx, c, article.kinds) for b, c, d in zip(base, chosen, drafts, strict=True)
        ]
        drafts = chosen
    kept = attributed(drafts)  # without the open-cue drafts the source chooser left without a source
    if len(kept) < len(drafts):
        ids = {id(d) for d in kept}
        base = [b for b, d in zip(base, drafts, strict=True) if id(d) in ids]
        drafts = kept
    overlaps = overlap_features(drafts)
    features = [
        b | cue_probability_features(d) | choice_features(d) | o for b, d, o in zip(base, drafts, overlaps, strict=True)
    ]
    predictions = [prediction_of(d) for d in drafts]
    verdicts = judge(article.text, article.gold, predictions)
    return Labelled(drafts, features, predictions, [m for m, _ in verdicts], [r for _, r in verdicts])


def completed(article: ArticleExamples, detector: LinearModel | None, floor: float = CUE_FLOOR) -> list[Draft]:
    """The article's drafts before the choosers: the rules' and, with a detector, the open-cue
    drafts of the words it proposes (each carrying its cue word's probability)."""
    if detector is None:
        return article.found.complete([])
    probabilities = {i: detector.probability(row) for i, row in zip(article.token_ids, article.token_rows, strict=True)}
    proposed = [d for d in article.opened if d.cue is not None and probabilities.get(d.cue.i, 0.0) >= floor]
    return article.found.complete(first_apart(proposed), probabilities)
