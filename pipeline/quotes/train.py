"""Training the learned attribution model on PolNeAR train, and its out-of-fold predictions.

    python -m whosaid.quotes.train --data polnear_train.jsonl [--docs-cache FILE] [--out FILE] [--seed 13]

Needs scikit-learn (``pip install 'whosaid[train]'``); prediction does not. Every article is
parsed once (cache the docs with ``--docs-cache``) and drafted by the rules; every candidate
word (``cue_detector.candidates``) gets an open-cue draft where the grammar finds content and a
source (``examples``). Six L2-regularised logistic regressions are learned: the cue detector (is
this word the head of an annotated cue?), the content tagger (``content_tagger``: is this word of an
annotated cue's sentence inside its content?), the content chooser (``content_choice``: of a draft's
candidate content span and the rule's, does the first match the annotated content of its cue?),
the source chooser (``source_choice``: of a draft's candidate source and the rule's choice, is the
first the annotated source?), and over each draft's ``features`` whether its content matches an
annotation (``keep``) and whether content and speaker are both right (``right``), each draft
labelled by the benchmark's scoring (``labelling``). The scorers learn from the drafts the
detector and choosers would give on unseen text: each article's cue probabilities, content and
sources come from models trained without its part (stacking over ``fold_of``). The thresholds
(``_thresholds``: direct quotes on ``keep``, reported drafts on ``keep`` + ``right``) are those that
maximise all F1 + e2e F1 on the training articles. Deterministic: fixed solvers and seed. About 5
minutes on 2 shared cores from cached docs.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from whosaid.attribution import MODEL_PATH
from whosaid.quotes.examples import (
    ArticleExamples,
    add_tagged_spans,
    content_examples,
    describe_draft,
    examples_of,
    parsed_docs,
)
from whosaid.quotes.fitting import fit_logistic, fit_logistic_names
from whosaid.quotes.labelling import CUE_FLOOR, Labelled, completed, labelled
from whosaid.quotes.learned import AttributionModel, LinearModel
from whosaid.quotes.tagger_drafts import tagged_drafts

__all__ = ["ArticleExamples", "Trainer", "examples_of", "fold_of", "parsed_docs"]

SEED = 13
TAGGER_PRUNE = 0.02  # content tagger weights below this are dropped
CUE_PRUNE = 0.02  # cue detector weights below this are dropped (half of them; the file stays small)


def fold_of(article_id: str, folds: int) -> int:
    """The cross-validation part an article belongs to (stable, by its id)."""
    return zlib.crc32(article_id.encode("utf-8")) % folds


def _threshold(scored: list[tuple[float, bool, bool]], gold: int, fixed: tuple[int, int, int] = (0, 0, 0)) -> float:
    """The score from which drafts (score, matched, right; highest first) are kept so that all F1 + e2e
    F1 is highest on these (training) articles, beside ``fixed`` drafts kept anyway (how many,
    matched, right)."""
    best, best_value = 0.0, -1.0
    kept, matched, right = fixed
    for score, is_matched, is_right in scored:
        kept, matched, right = kept + 1, matched + is_matched, right + is_right
        value = 2 * matched / (kept + gold) + 2 * right / (kept + gold)
        if value > best_value:
            best, best_value = score, value
    return round(best, 6)


def _thresholds(model: AttributionModel, examples: Sequence[Labelled], gold: int) -> tuple[float, float]:
    """The reported drafts' threshold on keep + right and the direct quotes' on keep (``AttributionModel.keeps``):
    the direct one as every draft's on keep alone would be, the reported one beside the direct quotes it keeps."""
    rows = [(f, m, r) for a in examples for f, m, r in zip(a.features, a.matched, a.right, strict=True)]
    keep = [model.keep.probability(f) for f, _, _ in rows]
    direct = _threshold(sorted(((k, m, r) for k, (_, m, r) in zip(keep, rows, strict=True)), reverse=True), gold)
    fixed = [(m, r) for k, (f, m, r) in zip(keep, rows, strict=True) if f.get("kind=direct") and k >= direct]
    reported = sorted(
        (
            (k + model.right.probability(f), m, r)
            for k, (f, m, r) in zip(keep, rows, strict=True)
            if not f.get("kind=direct")
        ),
        reverse=True,
    )
    counts = (len(fixed), sum(m for m, _ in fixed), sum(r for _, r in fixed))
    return _threshold(reported, gold, counts), direct


class Trainer:
    """Fits models on all articles but some parts (``fold_of``). The scorer learns from drafts whose
    cue probabilities come from a detector that did not see their article (the detector trained
    without the article's part: stacking, as at run time on unseen text); detectors are fitted once
    per set of parts left out, and each article's drafts labelled once."""

    def __init__(
        self,
        articles: Sequence[ArticleExamples],
        folds: int,
        seed: int = SEED,
        detector: bool = True,
        floor: float = CUE_FLOOR,
    ):
        self.articles, self.folds, self.seed, self.use_detector = articles, folds, seed, detector
        self.floor = floor  # the cue detector's probability from which a word becomes an open-cue draft
        self._detectors: dict[frozenset[int], LinearModel] = {}
        self._sources: dict[frozenset[int], LinearModel] = {}
        self._contents: dict[frozenset[int], LinearModel | None] = {}
        self._content_rows: dict[str, tuple[list[dict[str, float]], list[bool]]] = {}
        self.use_content = True
        self.use_tagger = True
        self._taggers: dict[frozenset[int], LinearModel | None] = {}
        self._labelled: dict[str, Labelled] = {}

    def _part(self, article: ArticleExamples) -> int:
        return fold_of(article.id, self.folds)

    def detector(self, left_out: frozenset[int]) -> LinearModel | None:
        if not self.use_detector:
            return None
        if left_out not in self._detectors:
            train = [a for a in self.articles if self._part(a) not in left_out]
            rows = [r for a in train for r in a.token_rows]
            labels = [y for a in train for y in a.token_labels]
            self._detectors[left_out] = fit_logistic(rows, labels, self.seed, solver="liblinear", prune=CUE_PRUNE)
            print(f"cue detector without parts {sorted(left_out)}: {len(rows)} words", file=sys.stderr)
        return self._detectors[left_out]

    def source(self, left_out: frozenset[int]) -> LinearModel:
        if left_out not in self._sources:
            train = [a for a in self.articles if self._part(a) not in left_out]
            rows = [r for a in train for r in a.source_rows]
            self._sources[left_out] = fit_logistic(rows, [y for a in train for y in a.source_labels], self.seed)
        return self._sources[left_out]

    def tagger(self, left_out: frozenset[int]) -> LinearModel | None:
        if not self.use_tagger or not self.use_detector:
            return None
        if left_out not in self._taggers:
            train = [a for a in self.articles if self._part(a) not in left_out]
            rows = [r for a in train for r in a.tag_rows]
            labels = [y for a in train for y in a.tag_labels]
            self._taggers[left_out] = fit_logistic_names(rows, labels, self.seed, prune=TAGGER_PRUNE)
            print(f"content tagger without parts {sorted(left_out)}: {len(rows)} words", file=sys.stderr)
        return self._taggers[left_out]

    def add_tagged(self, article: ArticleExamples) -> None:
        """The tagger's drafts (from a tagger that did not see the article) added to its open drafts once."""
        if article.tagged:
            return
        article.tagged = True
        model = self.tagger(frozenset({self._part(article)}))
        if model is None:
            return
        found, arrays = article.found, article.arrays
        assert arrays is not None
        words = [found.ctx.doc[i] for i in article.token_ids]
        extra = [found.ready(d) for d in tagged_drafts(found.ctx, arrays, found.drafts, article.opened, words, model)]
        for draft in extra:
            describe_draft(article, draft)
        # Every draft's candidate content spans with the tagger's among them (``content_choice``).
        add_tagged_spans(article, found.drafts + article.opened + extra, model)
        if extra:
            article.opened = sorted(article.opened + extra, key=lambda d: d.cue.i if d.cue is not None else -1)

    def content(self, left_out: frozenset[int]) -> LinearModel | None:
        if not self.use_content:
            return None
        if left_out not in self._contents:
            train = [self.content_examples(a) for a in self.articles if self._part(a) not in left_out]
            rows = [r for rows, _ in train for r in rows]
            self._contents[left_out] = fit_logistic(rows, [y for _, labels in train for y in labels], self.seed)
        return self._contents[left_out]

    def content_examples(self, article: ArticleExamples) -> tuple[list[dict[str, float]], list[bool]]:
        """The content model's rows of an article, from the drafts a detector that did not see it
        completes (the spans its candidates may overlap are those the chooser sees at run time)."""
        if article.id not in self._content_rows:
            self.add_tagged(article)
            drafts = completed(article, self.detector(frozenset({self._part(article)})), self.floor)
            self._content_rows[article.id] = content_examples(article, drafts)
        return self._content_rows[article.id]

    def labelled(self, article: ArticleExamples) -> Labelled:
        """The article's drafts with cue probabilities, content and sources from models trained without its part."""
        if article.id not in self._labelled:
            self.add_tagged(article)
            own = frozenset({self._part(article)})
            self._labelled[article.id] = labelled(
                article, self.detector(own), self.floor, source=self.source(own), content=self.content(own)
            )
        return self._labelled[article.id]

    def fit(self, left_out: frozenset[int] = frozenset(), about: dict[str, Any] | None = None) -> AttributionModel:
        train = [a for a in self.articles if self._part(a) not in left_out]
        examples = [self.labelled(a) for a in train]
        rows = [f for e in examples for f in e.features]
        keep = fit_logistic(rows, [m for e in examples for m in e.matched], self.seed)
        right = fit_logistic(rows, [r for e in examples for r in e.right], self.seed)
        model = AttributionModel(
            keep,
            right,
            0.0,
            about or {},
            cue=self.detector(left_out),
            cue_floor=self.floor,
            source=self.source(left_out),
            content=self.content(left_out),
            tagger=self.tagger(left_out),
        )
        threshold, direct = _thresholds(model, examples, sum(len(a.gold) for a in train))
        return replace(model, threshold=threshold, direct_threshold=direct)

    def out_of_fold(self) -> list[AttributionModel]:
        """One model per part, each trained on the other parts only."""
        return [self.fit(frozenset({k})) for k in range(self.folds)]


def describe(articles: Sequence[ArticleExamples], data: str, label: str, seed: int) -> dict[str, Any]:
    """The model file's ``about``: what it was trained on, the corpus's terms, how to retrain."""
    import sklearn

    return {
        "trained_on": f"PolNeAR train ({data}, {len(articles)} articles)",
        "corpus": "PolNeAR (Newell, Margolin & Ruths, LREC 2018), github.com/networkdynamics/PolNeAR",
        "terms": (
            "The PolNeAR repository states no licence; its articles belong to their publishers. This file holds"
            " only weights over feature names (parse labels, single words and lemmas), no running text."
        ),
        "spacy_model": label,
        "scikit_learn": sklearn.__version__,
        "seed": seed,
        "candidate_words": sum(len(a.token_rows) for a in articles),
        "rule_drafts": sum(len(a.found.drafts) for a in articles),
        "command": "python -m whosaid.quotes.train --data polnear_train.jsonl",
    }


def main(argv: list[str] | None = None) -> int:
    from whosaid.parse import load_model, model_label

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="polnear_train.jsonl")
    parser.add_argument("--docs-cache", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_model()
    label = model_label(nlp)
    docs = parsed_docs(nlp, [a["text"] for a in rows], args.docs_cache)
    articles = [examples_of(doc, row, label) for doc, row in zip(docs, rows, strict=True)]
    about = describe(articles, args.data.name, label, args.seed)
    model = Trainer(articles, folds=5, seed=args.seed).fit(frozenset(), about)
    args.out.write_text(model.to_json(), encoding="utf-8")
    sizes = (
        f"{len(model.cue.weights) if model.cue else 0} + {len(model.keep.weights)} + {len(model.right.weights)}"
        f" + {len(model.source.weights) if model.source else 0}"
        f" + {len(model.content.weights) if model.content else 0}"
        f" + {len(model.tagger.weights) if model.tagger else 0} weights"
    )
    print(f"wrote {args.out}: {sizes}, thresholds {model.threshold} (reported), {model.direct_threshold} (direct)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
