"""What training learns from: each annotated PolNeAR article parsed and drafted by the rules,
with an open-cue draft for every word the cue detector could propose, and the rows of the models
that judge words and drafts, each labelled by the annotations (``scoring``): the detector's (is
this word the head of an annotated cue?), the source chooser's (of a candidate source and the
rule's choice, is the first the annotated source?) and the content chooser's (of a candidate
content span and the rule's, does the first match the annotated content of the draft's cue?).
Used by ``train`` and the benchmarks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whosaid.attribution import Attribution
from whosaid.lookups import SpanIndex
from whosaid.quotes import RuleDrafts, rule_drafts
from whosaid.quotes.content_choice import Span, content_candidates, nearby, span_features, tagger_scores
from whosaid.quotes.content_tagger import word_rows
from whosaid.quotes.cue_detector import candidates, token_features
from whosaid.quotes.drafts import Draft
from whosaid.quotes.features import draft_features
from whosaid.quotes.learned import LinearModel
from whosaid.quotes.parse_arrays import ParseArrays
from whosaid.quotes.reported.open_cues import open_drafts
from whosaid.quotes.scoring import MATCH_THRESHOLD, Prediction, letters, speaker_right
from whosaid.quotes.source_choice import Candidate, SourceMemo, candidate_features, difference, source_candidates


@dataclass
class ArticleExamples:
    """One annotated article as training sees it: the rules' drafts, an open-cue draft for every
    word the detector could propose (they may overlap: ``completed`` keeps those a detector's
    proposals keep at run time), the detector's rows (one per candidate word, labelled by
    whether it heads an annotated cue) and the annotations."""

    id: str
    text: str
    gold: list[dict[str, Any]]
    found: RuleDrafts
    opened: list[Draft]
    token_rows: list[dict[str, float]] = field(default_factory=list)
    token_ids: list[int] = field(default_factory=list)
    token_labels: list[bool] = field(default_factory=list)
    base: dict[int, dict[str, float]] = field(default_factory=dict)  # id(draft) -> features without the detector's
    kinds: dict[str, str] = field(default_factory=dict)  # entity id -> kind
    sources: dict[int, list[Candidate]] = field(default_factory=dict)  # id(draft) -> its candidate sources
    memo: SourceMemo = field(default_factory=SourceMemo)  # what its drafts' candidate sources share
    source_rows: list[dict[str, float]] = field(default_factory=list)  # candidate against rule, where one is right
    source_labels: list[bool] = field(default_factory=list)  # ... whether the first of the pair is the right one
    arrays: ParseArrays | None = None  # what the content chooser reads of the parse
    contents: dict[int, list[Span]] = field(default_factory=dict)  # id(draft) -> its candidate content spans
    # id(draft) -> whether each candidate span matches the annotated content of the draft's cue
    # (only drafts whose cue heads annotated cues and whose spans differ in that)
    content_targets: dict[int, list[bool]] = field(default_factory=dict)
    heads: dict[int, list[int]] = field(default_factory=dict)  # annotated cue head word -> its annotations
    # The content tagger's rows (``content_tagger.word_rows``): the words of each annotated cue's
    # sentence, labelled by whether the content of an annotation the word heads holds it.
    tag_rows: list[tuple[str, ...]] = field(default_factory=list)
    tag_labels: list[bool] = field(default_factory=list)
    tagged: bool = False  # whether the tagger's drafts were added to ``opened`` (``add_tagged``)
    # id(draft) -> the tagger's ``word_scores`` of its cue's sentence (``add_tagged_spans``)
    tag_scores: dict[int, dict[int, float]] = field(default_factory=dict)


def parsed_docs(nlp: Any, texts: list[str], cache: Path | None) -> Iterable[Any]:
    """Docs for the texts; with a cache file (a DocBin), parsed once and read back on later runs
    (reparsed when the texts differ). Shared by the training command and the benchmarks; parsed
    by ``whosaid.parse.parse``, as the runner parses."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs: list[Any] = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    from whosaid.parse import parse

    stream: Iterable[Any] = (doc for doc, _ in parse(nlp, ((text, None) for text in texts)))  # as the runner parses
    if cache is None:
        return stream
    docs = list(stream)
    DocBin(store_user_data=True, docs=docs).to_disk(cache)
    return docs


def _cue_heads(doc: Any, gold: list[dict[str, Any]]) -> dict[int, list[int]]:
    """The token that heads each annotated cue -> the annotations it heads."""
    heads: dict[int, list[int]] = {}
    for number, quote in enumerate(gold):
        if quote.get("cue_start") is None:
            continue
        span = doc.char_span(quote["cue_start"], quote["cue_end"], alignment_mode="expand")
        if span is not None and len(span):
            heads.setdefault(span.root.i, []).append(number)
    return heads


def examples_of(doc: Any, article: dict[str, Any], label: str) -> ArticleExamples:
    """The drafts and candidate cue words of one annotated article, described and labelled."""
    from whosaid.read import read_bytes
    from whosaid.record import build_article

    layout = read_bytes(article["text"].encode("utf-8"))
    record = build_article(
        layout, doc, article_id="train", source_path="train", model=label, attribution=Attribution.RULES
    )
    found = rule_drafts(doc, record.entities, layout.sections)
    words = candidates(found.ctx)
    opened = [found.ready(draft) for draft in open_drafts(found.ctx, found.drafts, words)]  # overlapping
    examples = ArticleExamples(
        id=article["id"], text=article["text"], gold=article["quotes"], found=found, opened=opened
    )
    heads = examples.heads = _cue_heads(doc, examples.gold)
    for token in words:
        examples.token_ids.append(token.i)
        examples.token_rows.append(token_features(token))
        examples.token_labels.append(token.i in heads)
    kinds: dict[str, str] = {entity.id: entity.kind for entity in record.entities}
    examples.kinds = kinds
    examples.arrays = ParseArrays.of(found.ctx)
    for draft in found.drafts + opened:
        describe_draft(examples, draft)
    _tagger_examples(examples)
    return examples


def describe_draft(examples: ArticleExamples, draft: Draft) -> None:
    """A draft's features without the detector's, and its source and content candidates and targets."""
    examples.base[id(draft)] = draft_features(examples.found.ctx, draft, examples.kinds)
    _source_examples(examples, draft)
    _content_targets(examples, draft, examples.heads)


def _tagger_examples(examples: ArticleExamples) -> None:
    """The content tagger's rows: each annotated cue's sentence, word by word."""
    ctx, arrays = examples.found.ctx, examples.arrays
    assert arrays is not None
    for head, numbers in examples.heads.items():
        fragments = [(f[0], f[1]) for g in numbers for f in examples.gold[g]["fragments"]]
        ids, rows = word_rows(ctx, arrays, ctx.doc[head])
        examples.tag_rows += rows
        examples.tag_labels += [any(s <= arrays.start[i] < e for s, e in fragments) for i in ids]


def _content_targets(
    examples: ArticleExamples, draft: Draft, heads: dict[int, list[int]], tagger: LinearModel | None = None
) -> None:
    """The draft's candidate content spans, and (when its cue heads annotated cues) whether each
    matches the content of one of those annotations."""
    arrays = examples.arrays
    assert arrays is not None
    examples.content_targets.pop(id(draft), None)
    scores = tagger_scores(examples.found.ctx, draft, arrays, tagger) if tagger is not None else None
    if scores is not None:
        examples.tag_scores[id(draft)] = scores
    found = examples.contents[id(draft)] = content_candidates(examples.found.ctx, draft, arrays, tagger, scores)
    if len(found) < 2 or draft.cue is None or draft.cue.i not in heads:
        return
    golds = [letters(examples.text, [(f[0], f[1]) for f in examples.gold[g]["fragments"]]) for g in heads[draft.cue.i]]
    labels = [_matches_any(letters(examples.text, [(s.start, s.end)]), golds) for s in found]
    if any(label != labels[0] for label in labels[1:]):
        examples.content_targets[id(draft)] = labels


def content_examples(examples: ArticleExamples, drafts: list[Draft]) -> tuple[list[dict[str, float]], list[bool]]:
    """The content model's rows from the drafts the chooser will see in this article (``drafts``:
    the completed drafts, whose spans are the other drafts a span may overlap, as at run time):
    each candidate span against the rule's where one of the two matches, both ways round,
    labelled by whether the first of the pair matches."""
    ctx, arrays = examples.found.ctx, examples.arrays
    assert arrays is not None
    spans = SpanIndex((d.start, d.end) for d in drafts)
    rows: list[dict[str, float]] = []
    labels: list[bool] = []
    for draft in drafts:
        targets = examples.content_targets.get(id(draft))
        if targets is None:
            continue
        found = examples.contents[id(draft)]
        near = nearby(draft, found, spans)
        scores = examples.tag_scores.get(id(draft))
        described = [span_features(ctx, draft, span, arrays, near, scores) for span in found]
        for row, label in zip(described[1:], targets[1:], strict=True):
            if label != targets[0]:
                rows += [difference(row, described[0]), difference(described[0], row)]
                labels += [label, targets[0]]
    return rows, labels


def _matches_any(mine: frozenset[int], golds: list[frozenset[int]]) -> bool:
    return any(mine and gold and len(mine & gold) >= MATCH_THRESHOLD * len(mine | gold) for gold in golds)


def _source_examples(examples: ArticleExamples, draft: Draft) -> None:
    """The draft's candidate sources, and (when it matches an annotation with a source) each
    candidate's row for the source model, labelled by whether its speaker is the annotated one."""
    ctx = examples.found.ctx
    found = examples.sources[id(draft)] = source_candidates(ctx, draft, examples.memo)
    if len(found) < 2:
        return
    gold = _matching_gold(examples, draft)
    if gold is None or gold.get("speaker") is None:
        return
    rows = [candidate_features(ctx, draft, candidate, examples.kinds) for candidate in found]
    labels = [
        c is not None
        and speaker_right(gold, Prediction(draft.kind, draft.fragments, (c.mention.start, c.mention.end), c.name))
        for c in (candidate.speaker for candidate in found)
    ]
    # Pairs with the rule's choice where one of the two is right, both ways round (``choose``).
    for row, label in zip(rows[1:], labels[1:], strict=True):
        if label != labels[0]:
            examples.source_rows += [difference(row, rows[0]), difference(rows[0], row)]
            examples.source_labels += [label, labels[0]]


def _matching_gold(examples: ArticleExamples, draft: Draft) -> dict[str, Any] | None:
    """The annotation whose content the draft's overlaps most, when the overlap counts as a match."""
    mine = letters(examples.text, draft.fragments)
    best, best_overlap = None, MATCH_THRESHOLD
    for quote in examples.gold:
        theirs = letters(examples.text, [(f[0], f[1]) for f in quote["fragments"]])
        if mine and theirs and mine & theirs:
            overlap = len(mine & theirs) / len(mine | theirs)
            if overlap >= best_overlap:
                best, best_overlap = quote, overlap
    return best


def add_tagged_spans(examples: ArticleExamples, drafts: list[Draft], tagger: LinearModel) -> None:
    """The drafts' candidate content spans again, with the tagger's span among them."""
    for draft in drafts:
        if examples.contents.get(id(draft)):
            _content_targets(examples, draft, examples.heads, tagger)
