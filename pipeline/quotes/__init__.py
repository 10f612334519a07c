"""Stage 4, quotes: direct, mixed and indirect quotes, each attributed to a speaker.

A quote is one attribution, as in the PARC and PolNeAR corpora: content, source (the
speaker) and cue. Direct quotes come from quotation marks (``whosaid.quotemarks``; which
of them are quotes: ``material``) and are attributed from the words around them
(``frames``, the cascade in ``direct``); indirect and mixed quotes come from the dependency
parse (``reported``, one module per family of rule). ``sources`` finds who speaks, ``trim``
where reported content ends, ``joins`` puts interrupted quotes together and drops nested
ones, ``confidence`` scores them by rule; with ``Attribution.LEARNED``, a trained scorer
(``learned``, over ``features``; trained by ``train``, measured with ``scoring``) drops
unlikely drafts and gives calibrated confidences, the rules staying the fallback. Each
quote records the rule that produced it as a ``Method`` (the README's method table); a
speaker named by a pronoun and resolved is a flag on the quote, written ``+pronoun`` after
the method in records. The word lists are data in ``whosaid.cues``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.attribution import DEFAULT_ATTRIBUTION, Attribution
from whosaid.docfacts import doc_text
from whosaid.models import Entity, Mention, Quote, Range, Section
from whosaid.quotemarks import find_quoted_spans, quoted_mask
from whosaid.quotes.confidence import rule_confidence
from whosaid.quotes.drafts import Context, Draft, char_token_map
from whosaid.quotes.features import quote_features
from whosaid.quotes.joins import cover_cut_quotes, dedupe, direct_quotes, outermost
from whosaid.quotes.learned import AttributionModel, shipped_model
from whosaid.quotes.material import direct_material
from whosaid.quotes.method import Method, method_label
from whosaid.quotes.reported import find_reported
from whosaid.quotes.reported.open_cues import find_open
from whosaid.speakers import EntityIndex, article_genders, article_roles

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
    rules alone or the learned scorer (``model``, else the shipped one; rules when there is none)."""
    scorer = (model or shipped_model()) if attribution is Attribution.LEARNED else None
    ctx, drafts = draft_quotes(doc, entities, sections, open_cues=scorer is not None)
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
    for draft in drafts:
        features = quote_features(ctx, draft, kinds)
        if model.keep.probability(features) >= model.threshold:
            kept.append((draft, round(model.right.probability(features), 2)))
    return kept


def draft_quotes(
    doc: Doc, entities: list[Entity], sections: list[Section] | None = None, open_cues: bool = False
) -> tuple[Context, list[Draft]]:
    """The rules' drafts for an article, ordered by where their content starts, with their context;
    with ``open_cues``, also drafts from verbs outside the lists (for the learned scorer to judge)."""
    text = doc_text(doc)
    skipped = _skip_sections(sections or [])
    spans = [s for s in find_quoted_spans(text) if not any(a <= s.start < b for a, b in skipped)]
    mask = quoted_mask(text, spans)
    index = EntityIndex(entities, mask)
    index.roles = article_roles(doc, index)
    index.genders = article_genders(doc, index)
    direct_spans = direct_material(text, spans)
    inline_spans = [s for s in spans if s not in direct_spans]
    ctx = Context(doc, text, index, quoted_mask(text, direct_spans), mask, char_token_map(doc))
    direct = direct_quotes(ctx, direct_spans)
    reported = outermost(find_reported(ctx, direct))
    if open_cues:
        reported += find_open(ctx, direct + reported)
    for draft in reported:
        cover_cut_quotes(draft, inline_spans)
        # Inline quoted words are part of the reported content, not quotes of their own.
        draft.quoted = [(s.start, s.end) for s in inline_spans if draft.start <= s.start and s.end <= draft.end]
        if draft.quoted:
            draft.kind = "mixed"
    for draft in direct:
        draft.quoted = list(draft.fragments)
    titles = _titles(text, sections or [])
    drafts = [d for d in dedupe(direct + reported) if not any(a <= d.start < b for a, b in titles)]
    drafts.sort(key=lambda d: (d.start, d.end))
    return ctx, drafts
