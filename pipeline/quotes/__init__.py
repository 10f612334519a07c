"""Stage 4, quotes: direct, mixed and indirect quotes, each attributed to a speaker.

A quote is one attribution, as in the PARC and PolNeAR corpora: content, source (the
speaker) and cue. Direct quotes come from quotation marks (``whosaid.quotemarks``; which
of them are quotes: ``material``) and are attributed from the words around them
(``frames``, the cascade in ``direct``); indirect and mixed quotes come from the dependency
parse (``reported``, one module per family of rule). ``sources`` finds who speaks, ``trim``
where reported content ends, ``joins`` puts interrupted quotes together and drops nested
ones, ``confidence`` scores them by rule; with ``Attribution.LEARNED``, a trained chooser
(``source_choice``) may take another candidate source, and a trained scorer (``learned``, over
``features``; trained by ``train``, measured with ``scoring``) drops unlikely drafts and gives
calibrated confidences, the rules staying the fallback. Each
quote records the rule that produced it as a ``Method`` (the README's method table); a
speaker named by a pronoun and resolved is a flag on the quote, written ``+pronoun`` after
the method in records. The word lists are data in ``whosaid.cues``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whosaid.attribution import DEFAULT_ATTRIBUTION, Attribution
from whosaid.docfacts import doc_text
from whosaid.lookups import SpanIndex
from whosaid.models import Entity, Mention, Quote, Range, Section
from whosaid.quotemarks import find_quoted_spans, quoted_mask
from whosaid.quotes.confidence import rule_confidence
from whosaid.quotes.content_choice import choose_content
from whosaid.quotes.cue_detector import cue_probabilities
from whosaid.quotes.drafts import Context, Draft, char_token_map
from whosaid.quotes.features import overlap_features, quote_features
from whosaid.quotes.joins import cover_cut_quotes, dedupe, direct_quotes, outermost
from whosaid.quotes.learned import AttributionModel, shipped_model
from whosaid.quotes.material import direct_material
from whosaid.quotes.method import Method, method_label
from whosaid.quotes.parse_arrays import ParseArrays
from whosaid.quotes.reported import find_reported
from whosaid.quotes.reported.open_cues import first_apart, open_drafts
from whosaid.quotes.source_choice import SourceMemo, attributed, choose
from whosaid.quotes.tagger_drafts import tagged_drafts
from whosaid.speakers import EntityIndex, article_genders, article_roles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from whosaid.quotemarks import QuotedSpan

__all__ = ["DEFAULT_ATTRIBUTION", "Attribution", "Method", "extract_quotes"]


def _mention(token: Token) -> Mention:
    return Mention(start=token.idx, end=token.idx + len(token), text=token.text)


def _to_quote(text: str, number: int, draft: Draft, confidence: float) -> Quote:
    start, end = draft.start, draft.end
    return Quote(
        id=f"q{number}",
        kind=draft.kind,  # type: ignore[arg-type]
        text=text[start:end],
        start=start,
        end=end,
        fragments=[Range(start=s, end=e) for s, e in draft.fragments],
        quoted=[Range(start=s, end=e) for s, e in draft.quoted],
        speaker=draft.speaker,
        cue=_mention(draft.cue) if draft.cue is not None else None,
        method=method_label(draft.method, draft.pronoun),
        confidence=confidence,
    )


def _skip_sections(sections: list[Section]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in sections if s.kind in ("dateline", "caption")]


def _titles(text: str, sections: list[Section]) -> list[tuple[int, int]]:
    """Headlines with no stop at the end: titles, where no quote starts ("UNIONS SAY STRIKE WILL GO AHEAD")."""
    return [(s.start, s.end) for s in sections if s.kind == "headline" and text[s.end - 1] not in ".!?\"'”’"]


def extract_quotes(
    doc: Doc,
    entities: list[Entity],
    sections: list[Section] | None = None,
    attribution: Attribution = DEFAULT_ATTRIBUTION,
    model: AttributionModel | None = None,
) -> list[Quote]:
    """The article's quotes, ordered by where their content starts. ``attribution`` picks the
    rules alone or the learned model (``model``, else the shipped one; rules when there is none)."""
    scorer = (model or shipped_model()) if attribution is Attribution.LEARNED else None
    ctx, drafts = draft_quotes(doc, entities, sections, scorer)
    scored = score_drafts(ctx, drafts, entities, scorer)
    return [_to_quote(ctx.text, number, draft, confidence) for number, (draft, confidence) in enumerate(scored, 1)]


def score_drafts(
    ctx: Context, drafts: list[Draft], entities: list[Entity], model: AttributionModel | None
) -> list[tuple[Draft, float]]:
    """The drafts kept, each with its confidence: by rule without a model, else by the model."""
    if model is None:
        return [(draft, rule_confidence(draft)) for draft in drafts if draft.method is not Method.OPEN_CUE]
    kinds: dict[str, str] = {entity.id: entity.kind for entity in entities}
    kept = []
    for draft, overlaps in zip(drafts, overlap_features(drafts), strict=True):
        features = quote_features(ctx, draft, kinds) | overlaps
        if model.keeps(features):
            kept.append((draft, round(model.right.probability(features), 2)))
    return kept


@dataclass
class RuleDrafts:
    """An article's drafts by rule, before the learned path adds open cues: context, the direct
    and reported drafts (in the order that decides which of two drafts of one span stays) and the
    inline quotations that reported content must not cut."""

    ctx: Context
    drafts: list[Draft]
    inline: list[QuotedSpan]
    titles: list[tuple[int, int]] = field(default_factory=list)  # where no quote starts

    def complete(self, opened: list[Draft], probabilities: dict[int, float] | None = None) -> list[Draft]:
        """The final drafts with open-cue drafts added (each made ready by ``ready``), ordered by where
        their content starts; with ``probabilities``, each draft carries its cue word's."""
        drafts = [d for d in dedupe(self.drafts + opened) if not any(a <= d.start < b for a, b in self.titles)]
        for draft in drafts:
            draft.content_choice = draft.source_choice = None  # the choosers' (``draft_quotes``), not yet made
        if probabilities is not None:
            for draft in drafts:
                draft.cue_probability = probabilities.get(draft.cue.i) if draft.cue is not None else None
        drafts.sort(key=lambda d: (d.start, d.end))
        return drafts

    def ready(self, draft: Draft) -> Draft:
        """A reported draft made whole: never cutting inline quoted words, which are its quoted parts."""
        cover_cut_quotes(draft, self.inline)
        # Inline quoted words are part of the reported content, not quotes of their own.
        first = bisect_left(self.inline, draft.start, key=lambda span: span.start)
        last = bisect_right(self.inline, draft.end, key=lambda span: span.start)
        draft.quoted = [(s.start, s.end) for s in self.inline[first:last] if s.end <= draft.end]
        if draft.quoted:
            draft.kind = "mixed"
        return draft


def rule_drafts(doc: Doc, entities: list[Entity], sections: list[Section] | None = None) -> RuleDrafts:
    """The rules' drafts for an article, with their context."""
    text = doc_text(doc)
    skipped = _skip_sections(sections or [])
    spans = [s for s in find_quoted_spans(text) if not any(a <= s.start < b for a, b in skipped)]
    mask = quoted_mask(text, spans)
    index = EntityIndex(entities, mask)
    index.roles = article_roles(doc, index)
    index.genders = article_genders(doc, index)
    direct_spans = direct_material(text, spans)
    direct_set = set(direct_spans)
    inline_spans = [s for s in spans if s not in direct_set]
    ctx = Context(doc, text, index, quoted_mask(text, direct_spans), mask, char_token_map(doc))
    direct = direct_quotes(ctx, direct_spans)
    found = RuleDrafts(ctx, direct, inline_spans, _titles(text, sections or []))
    reported = [found.ready(draft) for draft in outermost(find_reported(ctx, direct))]
    for draft in direct:
        draft.quoted = list(draft.fragments)
    found.drafts = direct + reported
    return found


def _placed(found: RuleDrafts, chosen: Draft, draft: Draft) -> Draft:
    """A draft whose content the content chooser moved, made ready again (its inline quotations)."""
    return draft if chosen is draft else found.ready(chosen)


def draft_quotes(
    doc: Doc, entities: list[Entity], sections: list[Section] | None = None, model: AttributionModel | None = None
) -> tuple[Context, list[Draft]]:
    """The drafts for an article, ordered by where their content starts, with their context; with a
    ``model`` that has a cue detector, also open-cue drafts from the words it proposes (for the
    learned scorer to judge), and every draft's cue probability."""
    found = rule_drafts(doc, entities, sections)
    if model is None or model.cue is None:
        return found.ctx, found.complete([])
    probabilities = cue_probabilities(found.ctx, model.cue)
    proposed = [doc[i] for i, p in probabilities.items() if p >= model.cue_floor]
    arrays: ParseArrays | None = None
    candidates = open_drafts(found.ctx, found.drafts, proposed)
    if model.tagger is not None:
        arrays = ParseArrays.of(found.ctx)
        extra = tagged_drafts(found.ctx, arrays, found.drafts, candidates, proposed, model.tagger)
        if extra:  # in the order of their cues, as ``first_apart`` takes them
            candidates = sorted(candidates + extra, key=lambda d: d.cue.i if d.cue is not None else -1)
    opened = first_apart([found.ready(draft) for draft in candidates])
    drafts = found.complete(opened, probabilities)
    if model.content is not None and any(d.kind != "direct" and d.cue is not None for d in drafts):
        spans, arrays = SpanIndex((d.start, d.end) for d in drafts), arrays or ParseArrays.of(found.ctx)
        drafts = [
            _placed(found, choose_content(found.ctx, d, model.content, spans, arrays, tagger=model.tagger), d)
            for d in drafts
        ]
        drafts.sort(key=lambda d: (d.start, d.end))  # in order of where their content starts again
    if model.source is not None:
        kinds: dict[str, str] = {entity.id: entity.kind for entity in entities}
        memo = SourceMemo()
        drafts = [choose(found.ctx, draft, model.source, kinds, memo=memo) for draft in drafts]
    return found.ctx, attributed(drafts)
