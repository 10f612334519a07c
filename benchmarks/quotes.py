"""Quote benchmark: whosaid (and textacy, where installed) against PolNeAR, in one run.

Implements the scoring of ``../shared/benchmarks/README.md`` exactly:
- a quote is the set of letter/digit positions inside its span (gold: inside its fragments);
- gold and predicted quotes are matched one-to-one, greedily by Jaccard overlap of those
  sets, highest first; a pair counts when the overlap is >= 0.5;
- a matched quote's speaker is right when the predicted speaker mention overlaps the gold
  speaker span, or when the gold speaker is not a pronoun and shares a content word (not a
  title) with the predicted speaker name;
- tracks: all, direct, e2e (span and speaker right), speaker accuracy on matched, and
  recall per gold kind.

    python benchmarks/quotes.py [--data PATH] [--model NAME] [--limit N] [--no-textacy]
                                [--errors FILE]  # misses and false positives, for error analysis
                                [--docs-cache FILE]  # parse once, re-score in seconds
                                [--folds N]  # also score N disjoint parts (by article id), for spread
                                [--cv K] [--no-learned]  # the learned model out-of-fold (K parts by article)
                                [--no-detector]  # ... its scorer alone, without the cue detector
                                [--wrap N]  # also on copies hard-wrapped at N columns, side by side
                                [--cost N] [--cost-bbc]  # only: the learned path's time per article
                                                         # on N articles (of PolNeAR, or BBC)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# common first: importing it puts this checkout on sys.path
from common import DOCS_CACHE_HELP, SHARED, add_benchmark_options, read_benchmark
from whosaid.attribution import Attribution
from whosaid.parse import load_model, model_label
from whosaid.quotes.confidence import rule_confidence
from whosaid.quotes.labelling import labelled
from whosaid.quotes.scoring import Prediction, judge, letters, match, speaker_right
from whosaid.quotes.train import ArticleExamples, Trainer, examples_of, fold_of, parsed_docs
from whosaid.read import read_bytes
from whosaid.record import build_article

DEFAULT_DATA = SHARED / "benchmarks" / "polnear" / "polnear_train.jsonl"


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    e2e: int = 0
    gold_direct: int = 0
    gold_direct_matched: int = 0
    predicted_direct: int = 0
    predicted_direct_matched: int = 0
    speaker_total: int = 0
    speaker_right: int = 0
    errors: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    by_kind_matched: Counter[str] = field(default_factory=Counter)


def score_article(
    tally: Tally,
    text: str,
    gold: list[dict[str, Any]],
    predicted: list[Prediction],
    log: list[dict[str, Any]] | None,
    article_id: str,
) -> None:
    gold_sets = [letters(text, [tuple(f) for f in q["fragments"]]) for q in gold]
    predicted_sets = [letters(text, p.fragments) for p in predicted]
    matching = match(gold_sets, predicted_sets)
    matched_predictions = set(matching.values())
    tally.gold += len(gold)
    tally.predicted += len(predicted)
    tally.matched += len(matching)
    for g, quote in enumerate(gold):
        tally.by_kind[quote["kind"]] += 1
        if quote["kind"] == "direct":
            tally.gold_direct += 1
        if g in matching:
            tally.by_kind_matched[quote["kind"]] += 1
            if quote["kind"] == "direct":
                tally.gold_direct_matched += 1
            prediction = predicted[matching[g]]
            right = speaker_right(quote, prediction)
            if quote.get("speaker") is not None:
                tally.speaker_total += 1
                tally.speaker_right += right
            tally.e2e += right
            if log is not None and not right and quote.get("speaker") is not None:
                log.append(
                    {
                        "type": "wrong-speaker",
                        "article": article_id,
                        "gold": quote["text"][:200],
                        "gold_speaker": quote["speaker"],
                        "predicted_speaker": prediction.speaker_name,
                    }
                )
        elif log is not None:
            overlaps = [
                (len(gold_sets[g] & p) / len(gold_sets[g] | p), i)
                for i, p in enumerate(predicted_sets)
                if gold_sets[g] & p
            ]
            best = max(overlaps, default=(0.0, -1))
            near = predicted[best[1]] if best[1] >= 0 else None
            log.append(
                {
                    "type": "miss",
                    "article": article_id,
                    "kind": quote["kind"],
                    "text": quote["text"][:300],
                    "cue": quote.get("cue"),
                    "speaker": quote.get("speaker"),
                    "best_jaccard": round(best[0], 2),
                    "nearest": text[near.fragments[0][0] : near.fragments[-1][1]][:300] if near else None,
                }
            )
    for p, prediction in enumerate(predicted):
        if prediction.kind == "direct":
            tally.predicted_direct += 1
            tally.predicted_direct_matched += p in matched_predictions
        if log is not None and p not in matched_predictions:
            start, end = prediction.fragments[0][0], prediction.fragments[-1][1]
            log.append(
                {
                    "type": "false-positive",
                    "article": article_id,
                    "kind": prediction.kind,
                    "text": text[start:end][:300],
                    "speaker": prediction.speaker_name,
                }
            )


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = tp / predicted if predicted else 0.0
    recall = tp / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def report(name: str, tally: Tally, articles: int) -> list[str]:
    lines = [f"{name}"]
    for track, (p, r, f) in (
        ("all", prf(tally.matched, tally.predicted, tally.gold)),
        (
            "direct",
            (
                tally.predicted_direct_matched / tally.predicted_direct if tally.predicted_direct else 0.0,
                tally.gold_direct_matched / tally.gold_direct if tally.gold_direct else 0.0,
                0.0,
            ),
        ),
        ("e2e", prf(tally.e2e, tally.predicted, tally.gold)),
    ):
        if track == "direct":
            f = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"  {track:<8} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    accuracy = tally.speaker_right / tally.speaker_total if tally.speaker_total else 0.0
    lines.append(f"  speaker accuracy on matched: {accuracy:.3f} ({tally.speaker_right}/{tally.speaker_total})")
    recalls = ", ".join(
        f"{kind} {tally.by_kind_matched[kind] / tally.by_kind[kind]:.3f}"
        for kind in ("direct", "mixed", "indirect")
        if tally.by_kind[kind]
    )
    lines.append(f"  recall by gold kind: {recalls}")
    lines.append(f"  predicted {tally.predicted}, gold {tally.gold}, articles with an error {tally.errors}/{articles}")
    return lines


def whosaid_predictions(
    doc: Any, text: str, label: str, attribution: Attribution = Attribution.RULES
) -> list[Prediction]:
    """The rules' quotes (``--attribution rules``): the shipped learned model was trained on this
    file, so its figures here come only from the out-of-fold run (``learned_figures``). With
    ``attribution`` learned, the shipped model's quotes (in-sample: only for comparing two versions
    of the same articles, as ``--wrap`` does)."""
    layout = read_bytes(text.encode("utf-8"))
    article = build_article(
        layout, doc, article_id="benchmark", source_path="benchmark", model=label, attribution=attribution
    )
    return [
        Prediction(
            kind=q.kind,
            fragments=[(f.start, f.end) for f in q.fragments],
            speaker_span=(q.speaker.mention.start, q.speaker.mention.end) if q.speaker else None,
            speaker_name=q.speaker.name if q.speaker else None,
        )
        for q in article.quotes
    ]


def textacy_predictions(doc: Any) -> list[Prediction]:
    from textacy.extract.triples import direct_quotations

    predictions = []
    for triple in direct_quotations(doc):
        speaker = triple.speaker
        content = triple.content
        predictions.append(
            Prediction(
                kind="direct",
                fragments=[(content.start_char, content.end_char)],
                speaker_span=(speaker[0].idx, speaker[-1].idx + len(speaker[-1])) if speaker else None,
                speaker_name=" ".join(t.text for t in speaker) if speaker else None,
            )
        )
    return predictions


def learned_figures(examples: list[ArticleExamples], folds: int, detector: bool = True) -> None:
    """The learned model out-of-fold (each article scored by a model trained on the other parts),
    the rules on each part beside it, and the calibration of both confidences."""
    models = Trainer(examples, folds, detector=detector).out_of_fold()
    tally = Tally()
    parts = {name: [Tally() for _ in range(folds)] for name in ("rules", "learned")}
    rules_pairs: list[tuple[float, bool]] = []
    learned_pairs: list[tuple[float, bool]] = []
    for article in examples:
        part = fold_of(article.id, folds)
        rules = labelled(article, None)
        rules_pairs += [(rule_confidence(d), r) for d, r in zip(rules.drafts, rules.right, strict=True)]
        score_article(parts["rules"][part], article.text, article.gold, rules.predictions, None, article.id)
        model = models[part]
        drafts = labelled(article, model.cue, model.cue_floor, model.source, model.content)
        kept = [
            (p, model.right.probability(f))
            for p, f in zip(drafts.predictions, drafts.features, strict=True)
            if model.keeps(f)
        ]
        predictions = [p for p, _ in kept]
        score_article(tally, article.text, article.gold, predictions, None, article.id)
        score_article(parts["learned"][part], article.text, article.gold, predictions, None, article.id)
        verdicts = judge(article.text, article.gold, predictions)
        learned_pairs += [(round(c, 2), right) for (_, c), (_, right) in zip(kept, verdicts, strict=True)]
    thresholds = ", ".join(f"{m.threshold:.2f}" for m in models)
    what = "cue detector and scorer" if detector else "scorer only, no cue detector"
    title = f"whosaid learned ({what}), out-of-fold ({folds} parts by article; keep thresholds {thresholds})"
    for line in report(title, tally, len(examples)):
        print(line)
    print("  by part (rules -> learned, difference):")
    for track in ("all F1", "e2e F1", "direct F1"):
        pairs = [
            (dict(figures(r))[track], dict(figures(learned))[track])
            for r, learned in zip(parts["rules"], parts["learned"], strict=True)
        ]
        gains = [b - a for a, b in pairs]
        shown = "  ".join(f"{a:.3f}->{b:.3f}" for a, b in pairs)
        print(f"    {track:<9} {shown}  gain min {min(gains):+.3f} max {max(gains):+.3f}")
    for name, pairs in (("rules", rules_pairs), ("learned, out-of-fold", learned_pairs)):
        print(f"calibration of confidence ({name}): share right = span and speaker right")
        for line in calibration(pairs):
            print(line)


def calibration(pairs: list[tuple[float, bool]], bins: int = 10) -> list[str]:
    """Confidence bins against the share right, and the expected calibration error."""
    lines = ["  bin          quotes  mean conf  share right"]
    error = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        inside = [(c, r) for c, r in pairs if low <= c < high or (b == bins - 1 and c == 1.0)]
        if not inside:
            continue
        confidence = sum(c for c, _ in inside) / len(inside)
        share = sum(r for _, r in inside) / len(inside)
        error += len(inside) / len(pairs) * abs(confidence - share)
        lines.append(f"  [{low:.1f}, {high:.1f})  {len(inside):>6}  {confidence:9.3f}  {share:11.3f}")
    lines.append(f"  expected calibration error (ECE, {bins} bins): {error:.3f}")
    return lines


def figures(tally: Tally) -> list[tuple[str, float]]:
    """Every track's figures, by name, for the side-by-side comparison."""
    rows = []
    for track, (p, r, f) in (
        ("all", prf(tally.matched, tally.predicted, tally.gold)),
        ("direct", direct_prf(tally)),
        ("e2e", prf(tally.e2e, tally.predicted, tally.gold)),
    ):
        rows += [(f"{track} P", p), (f"{track} R", r), (f"{track} F1", f)]
    accuracy = tally.speaker_right / tally.speaker_total if tally.speaker_total else 0.0
    rows.append(("speaker accuracy on matched", accuracy))
    for kind in ("direct", "mixed", "indirect"):
        rows.append((f"recall {kind}", tally.by_kind_matched[kind] / tally.by_kind[kind] if tally.by_kind[kind] else 0))
    return rows


def direct_prf(tally: Tally) -> tuple[float, float, float]:
    p = tally.predicted_direct_matched / tally.predicted_direct if tally.predicted_direct else 0.0
    r = tally.gold_direct_matched / tally.gold_direct if tally.gold_direct else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def compare_wrapped(nlp: Any, label: str, articles: list[dict[str, Any]], width: int, cache: Path | None) -> int:
    """Score whosaid on the articles and on copies hard-wrapped at ``width``; print both side by side."""
    from wrapping import hard_wrap, parse_cached, parse_text, print_side_by_side

    started = time.perf_counter()
    versions = {"unwrapped": [a["text"] for a in articles]}
    versions[f"wrapped at {width}"] = [hard_wrap(text, width) for text in versions["unwrapped"]]
    texts = {name: [parse_text(text) for text in originals] for name, originals in versions.items()}
    same = sum(a == b for a, b in zip(*texts.values(), strict=True))
    print(f"the read stage gives {same}/{len(articles)} wrapped copies the parse text of the original")
    docs = parse_cached(nlp, [text for name in texts for text in texts[name]], cache)
    within = True
    # The rules, and the default learned path (the shipped model was trained on these articles, so
    # its figures are in-sample: they say what wrapping changes, not how good the model is).
    for attribution in (Attribution.RULES, Attribution.LEARNED):
        tallies = {}
        for number, (name, originals) in enumerate(versions.items()):
            tally = tallies[name] = Tally()
            for k, (article, text) in enumerate(zip(articles, originals, strict=True)):
                try:
                    predicted = whosaid_predictions(docs[number * len(articles) + k], text, label, attribution)
                except Exception as error:
                    tally.errors += 1
                    print(f"whosaid error on {article['id']} ({name}): {error!r}", file=sys.stderr)
                    predicted = []
                score_article(tally, text, article["quotes"], predicted, None, article["id"])
        unwrapped, wrapped = tallies.values()
        title = f"whosaid --attribution {attribution.value}, unwrapped vs wrapped at {width}"
        if attribution is Attribution.LEARNED:
            title += " (in-sample)"
        within = print_side_by_side(title, figures(unwrapped), figures(wrapped)) and within
        print(f"  articles with an error: {unwrapped.errors} unwrapped, {wrapped.errors} wrapped")
    elapsed = time.perf_counter() - started
    print(f"PolNeAR: {len(articles)} articles, model {label}, {elapsed:.0f}s (both versions, both attributions)")
    return 0 if within else 1


def learned_cost(nlp: Any, raws: list[bytes], corpus: str, rounds: int = 3) -> None:
    """What the learned path adds per article: the quote stage with rules and with the shipped model,
    timed on the same parsed articles (best of ``rounds``), beside bare ``nlp.pipe`` on their text."""
    from whosaid.entities import extract_entities
    from whosaid.quotes import extract_quotes
    from whosaid.quotes.learned import shipped_model

    layouts = [read_bytes(raw) for raw in raws]
    started = time.perf_counter()
    docs = list(nlp.pipe(layout.parse_text for layout in layouts))
    parse = (time.perf_counter() - started) / len(docs)
    entities = [extract_entities(doc, None) for doc in docs]
    shipped_model()  # loaded once, as in a run
    timings = {}
    for choice in (Attribution.RULES, Attribution.LEARNED):
        best = float("inf")
        for _ in range(rounds):
            started = time.perf_counter()
            for doc, found, layout in zip(docs, entities, layouts, strict=True):
                extract_quotes(doc, found, layout.sections, attribution=choice)
            best = min(best, (time.perf_counter() - started) / len(docs))
        timings[choice] = best
    added = timings[Attribution.LEARNED] - timings[Attribution.RULES]
    print(f"quote stage per article on {len(docs)} {corpus} articles (best of {rounds}; 2 shared cores):")
    print(f"  bare nlp.pipe {1000 * parse:.1f} ms; quotes with rules {1000 * timings[Attribution.RULES]:.1f} ms,")
    print(f"  learned {1000 * timings[Attribution.LEARNED]:.1f} ms: the learned path adds {1000 * added:.1f} ms")
    print(f"  ({added / parse:.1%} of bare nlp.pipe)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_benchmark_options(parser, DEFAULT_DATA, docs_cache_help=DOCS_CACHE_HELP + " to re-score rules quickly")
    parser.add_argument("--no-textacy", action="store_true")
    parser.add_argument("--errors", type=Path, default=None, help="write misses and false positives as JSON lines")
    parser.add_argument("--folds", type=int, default=0, help="also print all and e2e F1 on N disjoint parts")
    parser.add_argument("--cv", type=int, default=5, help="parts (by article) for the learned scorer's out-of-fold run")
    parser.add_argument("--no-learned", action="store_true", help="skip the learned scorer (needs scikit-learn)")
    parser.add_argument("--no-detector", action="store_true", help="the learned scorer without the cue detector")
    parser.add_argument("--wrap", type=int, default=0, help="compare with copies hard-wrapped at N columns")
    parser.add_argument("--cost", type=int, default=0, help="only time the learned path on N articles")
    parser.add_argument("--cost-bbc", action="store_true", help="... on N BBC articles (every 11th file) instead")
    args = parser.parse_args()
    articles = read_benchmark(args.data, args.limit)
    use_learned = not args.no_learned
    if use_learned:
        try:
            import sklearn  # noqa: F401
        except ImportError:
            use_learned = False
    use_textacy = not args.no_textacy
    if use_textacy:
        try:
            import textacy  # noqa: F401
        except ImportError:
            use_textacy = False
    nlp = load_model(args.model)
    label = model_label(nlp)
    if args.cost and args.cost_bbc:
        files = sorted((SHARED / "corpus" / "bbc").glob("*.txt"))[::11][: args.cost]
        learned_cost(nlp, [path.read_bytes() for path in files], "BBC")
        return 0
    if args.cost:
        learned_cost(nlp, [a["text"].encode("utf-8") for a in articles[: args.cost]], "PolNeAR")
        return 0
    if args.wrap:
        return compare_wrapped(nlp, label, articles, args.wrap, args.docs_cache)
    ours, theirs = Tally(), Tally()
    folds = [Tally() for _ in range(args.folds)]
    log: list[dict[str, Any]] | None = [] if args.errors else None
    started = time.perf_counter()
    examples: list[ArticleExamples] = []
    docs = parsed_docs(nlp, [a["text"] for a in articles], args.docs_cache)
    for doc, article in zip(docs, articles, strict=True):
        gold = article["quotes"]
        try:
            predicted = whosaid_predictions(doc, article["text"], label)
        except Exception as error:
            ours.errors += 1
            print(f"whosaid error on {article['id']}: {error!r}", file=sys.stderr)
            predicted = []
        score_article(ours, article["text"], gold, predicted, log, article["id"])
        if use_learned:
            examples.append(examples_of(doc, article, label))
        if folds:
            fold = folds[zlib.crc32(article["id"].encode("utf-8")) % len(folds)]
            score_article(fold, article["text"], gold, predicted, None, article["id"])
        if use_textacy:
            try:
                their_predictions = textacy_predictions(doc)
            except Exception:
                theirs.errors += 1
                their_predictions = []
            score_article(theirs, article["text"], gold, their_predictions, None, article["id"])
    elapsed = time.perf_counter() - started
    print(f"PolNeAR {args.data.name}: {len(articles)} articles, model {label}, {elapsed:.0f}s")
    for line in report("whosaid, rules (--attribution rules)", ours, len(articles)):
        print(line)
    for number, fold in enumerate(folds, start=1):
        all_f1 = prf(fold.matched, fold.predicted, fold.gold)[2]
        e2e_f1 = prf(fold.e2e, fold.predicted, fold.gold)[2]
        print(f"  part {number}/{len(folds)}: {fold.gold} gold, all F1 {all_f1:.3f}, e2e F1 {e2e_f1:.3f}")
    if use_learned:
        learned_figures(examples, args.cv, detector=not args.no_detector)
    else:
        print("scikit-learn not installed: the learned scorer is skipped (pip install 'whosaid[train]')")
    if use_textacy:
        for line in report("textacy 0.13 direct_quotations", theirs, len(articles)):
            print(line)
    else:
        print("textacy skipped (--no-textacy, or not installed: pip install 'whosaid[dev]')")
    if log is not None and args.errors is not None:
        args.errors.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in log), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
