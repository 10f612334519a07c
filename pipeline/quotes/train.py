"""Training the learned attribution scorer on PolNeAR train, and its out-of-fold predictions.

    python -m whosaid.quotes.train [--data polnear_train.jsonl] [--docs-cache FILE] [--out FILE]
                                   [--seed 13]

Needs scikit-learn (``pip install 'whosaid[train]'``); prediction does not. Every article is
parsed once (cache the docs with ``--docs-cache``), the rules draft their quotes, each draft
is labelled by the benchmark's scoring (``scoring.judge``) and described by ``features``; two
L2-regularised logistic regressions learn whether the content matches an annotation (``keep``)
and whether content and speaker are both right (``right``). The keep threshold is the one that
maximises all F1 + e2e F1 on the training articles themselves. Deterministic: lbfgs, fixed seed.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whosaid.attribution import MODEL_PATH
from whosaid.quotes import draft_quotes
from whosaid.quotes.confidence import rule_confidence
from whosaid.quotes.features import quote_features
from whosaid.quotes.learned import AttributionModel, LinearModel
from whosaid.quotes.method import Method
from whosaid.quotes.scoring import Prediction, judge

SEED = 13
REGULARISATION = 1.0  # sklearn's C: fixed, not tuned on the scored data


@dataclass
class ArticleExamples:
    """One article's drafts as the scorer sees them, with the scoring's verdict on each."""

    id: str
    text: str
    gold: list[dict[str, Any]]
    features: list[dict[str, float]] = field(default_factory=list)
    predictions: list[Prediction] = field(default_factory=list)
    rule_confidences: list[float | None] = field(default_factory=list)  # None for drafts only the scorer may keep
    matched: list[bool] = field(default_factory=list)
    right: list[bool] = field(default_factory=list)


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


def examples_of(doc: Any, article: dict[str, Any], label: str) -> ArticleExamples:
    """The rules' drafts of one annotated article, described and labelled."""
    from whosaid.read import read_bytes
    from whosaid.record import build_article

    layout = read_bytes(article["text"].encode("utf-8"))
    record = build_article(layout, doc, article_id="train", source_path="train", model=label)
    ctx, drafts = draft_quotes(doc, record.entities, layout.sections, open_cues=True)
    kinds: dict[str, str] = {entity.id: entity.kind for entity in record.entities}
    examples = ArticleExamples(id=article["id"], text=article["text"], gold=article["quotes"])
    for draft in drafts:
        speaker = draft.speaker
        examples.features.append(quote_features(ctx, draft, kinds))
        examples.rule_confidences.append(rule_confidence(draft) if draft.method is not Method.OPEN_CUE else None)
        examples.predictions.append(
            Prediction(
                kind=draft.kind,
                fragments=list(draft.fragments),
                speaker_span=(speaker.mention.start, speaker.mention.end) if speaker else None,
                speaker_name=speaker.name if speaker else None,
            )
        )
    for matched, right in judge(examples.text, examples.gold, examples.predictions):
        examples.matched.append(matched)
        examples.right.append(right)
    return examples


def fold_of(article_id: str, folds: int) -> int:
    """The cross-validation part an article belongs to (stable, by its id)."""
    return zlib.crc32(article_id.encode("utf-8")) % folds


def _logistic(rows: list[dict[str, float]], labels: list[bool], seed: int) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows)
    regression = LogisticRegression(C=REGULARISATION, max_iter=5000, random_state=seed, fit_intercept=False)
    regression.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = {str(name): round(float(w), 6) for name, w in zip(names, regression.coef_[0], strict=True) if w}
    return LinearModel(weights)


def _threshold(model: LinearModel, articles: Sequence[ArticleExamples]) -> float:
    """The keep threshold that maximises all F1 + e2e F1 on these (training) articles."""
    gold = sum(len(a.gold) for a in articles)
    triples = (zip(a.features, a.matched, a.right, strict=True) for a in articles)
    scored = sorted(((model.probability(f), m, r) for rows in triples for f, m, r in rows), reverse=True)
    best, best_value = 0.0, -1.0
    matched = right = 0
    for kept, (probability, is_matched, is_right) in enumerate(scored, start=1):
        matched += is_matched
        right += is_right
        value = 2 * matched / (kept + gold) + 2 * right / (kept + gold)
        if value > best_value:
            best, best_value = probability, value
    return round(best, 6)


def fit(articles: Sequence[ArticleExamples], seed: int = SEED, about: dict[str, Any] | None = None) -> AttributionModel:
    """Train both models and the keep threshold on these articles."""
    rows = [f for a in articles for f in a.features]
    keep = _logistic(rows, [m for a in articles for m in a.matched], seed)
    right = _logistic(rows, [r for a in articles for r in a.right], seed)
    return AttributionModel(keep=keep, right=right, threshold=_threshold(keep, articles), about=about or {})


def out_of_fold(articles: Sequence[ArticleExamples], folds: int, seed: int = SEED) -> list[AttributionModel]:
    """One model per part, each trained on the other parts only (``fold_of`` splits by article)."""
    return [fit([a for a in articles if fold_of(a.id, folds) != k], seed) for k in range(folds)]


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
    import sklearn

    about = {
        "trained_on": f"PolNeAR train ({args.data.name}, {len(articles)} articles)",
        "corpus": "PolNeAR (Newell, Margolin & Ruths, LREC 2018), github.com/networkdynamics/PolNeAR",
        "terms": (
            "The PolNeAR repository states no licence; its articles belong to their publishers. This file holds"
            " only weights over feature names (parse labels, cue lemmas), no text."
        ),
        "spacy_model": label,
        "scikit_learn": sklearn.__version__,
        "seed": args.seed,
        "examples": sum(len(a.features) for a in articles),
        "command": "python -m whosaid.quotes.train --data polnear_train.jsonl",
    }
    model = fit(articles, args.seed, about)
    args.out.write_text(model.to_json(), encoding="utf-8")
    sizes = f"{len(model.keep.weights)} + {len(model.right.weights)} weights"
    print(f"wrote {args.out}: {sizes}, keep threshold {model.threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
