"""Where the learned attribution loses recall on PolNeAR: the ceiling of its candidate drafts, out-of-fold.

The learned path keeps some of the drafts it makes (the rules', the cue detector's open cues, the
content tagger's), so its recall can never pass the share of annotations that some draft matches.
This script measures that ceiling with the same models and parts as ``benchmarks/quotes.py``'s
out-of-fold run (each article's drafts from models trained without its part), and sorts the
annotations no draft matches:

- the pool: how many drafts, how many annotations a draft matches (one-to-one, the benchmark's
  scoring), and all / e2e F1 if exactly the right drafts were kept (a perfect scorer);
- the same with every draft's other candidate content spans added (a perfect content chooser too);
- the annotations no draft matches, by kind and by how the nearest draft misses them (none
  overlaps; it holds the annotation and more; it lies inside it; it crosses it);
- the cues of the annotations no draft touches: how many distinct, how many seen once;
- the learned path's own figures (kept drafts) beside the ceiling.

    python benchmarks/attribution_ceiling.py [--data PATH] [--docs-cache FILE] [--cv 5] [--floor 0.2]

``--floor`` rebuilds the pool with another cue-detector floor (the shipped one is
``labelling.CUE_FLOOR``); the scorer is then refitted on that pool, so its figures say whether a
larger pool helps the learned path, not only its ceiling. Needs scikit-learn (``whosaid[train]``).
About 14 minutes from cached docs on 2 cores.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from typing import Any

# common first: importing it puts this checkout on sys.path
from common import SHARED, add_benchmark_options, read_benchmark
from whosaid.parse import load_model, model_label
from whosaid.quotes import labelling
from whosaid.quotes.labelling import completed
from whosaid.quotes.scoring import letters, match
from whosaid.quotes.train import ArticleExamples, Trainer, examples_of, fold_of, parsed_docs

DEFAULT_DATA = SHARED / "benchmarks" / "polnear" / "polnear_train.jsonl"


def _sets(text: str, spans: list[list[tuple[int, int]]]) -> list[frozenset[int]]:
    return [letters(text, fragments) for fragments in spans]


def how_missed(gold: frozenset[int], drafts: list[frozenset[int]]) -> str:
    """How the draft that overlaps an unmatched annotation most misses it."""
    best = max(drafts, key=lambda d: (len(gold & d) / len(gold | d)) if gold and d else 0.0, default=frozenset())
    if not gold or not (gold & best):
        return "no draft overlaps"
    if gold <= best:
        return "draft holds it and more"
    if best <= gold:
        return "draft inside it"
    return "draft crosses it"


class Ceiling:
    """Counts over the articles, filled by ``add``."""

    def __init__(self) -> None:
        self.gold = self.drafts = self.matched = self.right = self.with_alternatives = 0
        self.kept = self.kept_matched = self.kept_right = 0
        self.missed: Counter[tuple[str, str]] = Counter()
        self.untouched_cues: Counter[str] = Counter()

    def add(self, article: ArticleExamples, trainer: Trainer, models: list[Any], floor: float) -> None:
        part = fold_of(article.id, trainer.folds)
        own = frozenset({part})
        drafts = trainer.labelled(article)
        text, gold = article.text, article.gold
        gold_sets = _sets(text, [[(f[0], f[1]) for f in q["fragments"]] for q in gold])
        draft_sets = _sets(text, [p.fragments for p in drafts.predictions])
        self.gold += len(gold)
        self.drafts += len(drafts.predictions)
        self.matched += sum(drafts.matched)
        self.right += sum(drafts.right)
        kept = [models[part].keeps(f) for f in drafts.features]
        self.kept += sum(kept)
        self.kept_matched += sum(m for m, k in zip(drafts.matched, kept, strict=True) if k)
        self.kept_right += sum(r for r, k in zip(drafts.right, kept, strict=True) if k)
        # Every draft's other candidate content spans beside the drafts (a perfect chooser's pool).
        before = completed(article, trainer.detector(own), floor)
        others = [[(s.start, s.end)] for d in before for s in article.contents.get(id(d), [])]
        self.with_alternatives += len(match(gold_sets, draft_sets + _sets(text, others)))
        found = match(gold_sets, draft_sets)
        for number, quote in enumerate(gold):
            if number in found:
                continue
            how = how_missed(gold_sets[number], draft_sets)
            self.missed[(quote["kind"], how)] += 1
            if how == "no draft overlaps":
                self.untouched_cues[(quote.get("cue") or "(none)").strip().lower()] += 1

    def report(self) -> list[str]:
        def f1(hits: int, predicted: int) -> float:
            return 2 * hits / (predicted + self.gold) if predicted + self.gold else 0.0

        lines = [
            f"  pool: {self.drafts} drafts; {self.matched} of {self.gold} annotations matched by a draft "
            f"(recall ceiling {self.matched / self.gold:.3f}), {self.right} with the speaker right too",
            f"  a perfect scorer on this pool: all F1 {f1(self.matched, self.matched):.3f}, "
            f"e2e F1 {f1(self.right, self.right):.3f}",
            f"  with every draft's other candidate content spans too: {self.with_alternatives} matched "
            f"(recall ceiling {self.with_alternatives / self.gold:.3f})",
            f"  the learned path keeps {self.kept}: matched {self.kept_matched} "
            f"(P {self.kept_matched / self.kept:.3f}, R {self.kept_matched / self.gold:.3f}), "
            f"all F1 {f1(self.kept_matched, self.kept):.3f}, "
            f"e2e F1 {f1(self.kept_right, self.kept):.3f} (labels of the whole pool)",
            "  annotations no draft matches, by kind and how the nearest draft misses them:",
        ]
        kinds = sorted({kind for kind, _ in self.missed})
        ways = sorted({way for _, way in self.missed})
        lines.append("    " + f"{'':26}" + "".join(f"{kind:>10}" for kind in kinds) + f"{'all':>10}")
        for way in ways:
            counts = [self.missed[(kind, way)] for kind in kinds]
            lines.append("    " + f"{way:26}" + "".join(f"{c:>10}" for c in counts) + f"{sum(counts):>10}")
        cues = self.untouched_cues
        once = sum(1 for n in cues.values() if n == 1)
        lines.append(
            f"  cues of the {sum(cues.values())} annotations no draft touches: {len(cues)} distinct, "
            f"{once} seen once; most frequent: " + ", ".join(f"{c!r} {n}" for c, n in cues.most_common(12))
        )
        return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_benchmark_options(parser, DEFAULT_DATA)
    parser.add_argument("--cv", type=int, default=5, help="parts (by article) for the out-of-fold run")
    parser.add_argument("--floor", type=float, default=labelling.CUE_FLOOR, help="the cue detector's floor")
    args = parser.parse_args()
    articles = read_benchmark(args.data, args.limit)
    started = time.perf_counter()
    nlp = load_model(args.model)
    label = model_label(nlp)
    docs = parsed_docs(nlp, [a["text"] for a in articles], args.docs_cache)
    examples = [examples_of(doc, article, label) for doc, article in zip(docs, articles, strict=True)]
    trainer = Trainer(examples, args.cv, floor=args.floor)
    models = trainer.out_of_fold()
    ceiling = Ceiling()
    for article in examples:
        ceiling.add(article, trainer, models, args.floor)
    elapsed = time.perf_counter() - started
    print(f"PolNeAR {args.data.name}: {len(articles)} articles, model {label}, {elapsed:.0f}s")
    print(f"learned attribution's candidate pool, out-of-fold ({args.cv} parts by article; cue floor {args.floor})")
    for line in ceiling.report():
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
