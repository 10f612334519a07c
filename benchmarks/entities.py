"""Entity benchmark: whosaid's entities against bare spaCy on CoNLL-2003 dev, in one run.

Scored as ``../shared/benchmarks/README.md`` says: exact span and label on PER, ORG and
LOC (person, organization, place; MISC left out), after stripping a leading "the " and a
trailing "'s" from gold and predicted spans alike. Micro precision, recall and F1.

    python benchmarks/entities.py [--data PATH] [--model NAME] [--limit N] [--docs-cache FILE] [--deltas]
                                  [--wrap N]  # also on copies hard-wrapped at N columns, side by side

``--deltas`` adds whosaid's per-label F1 difference from bare spaCy and two confusion tables
over the spans both systems found: bare spaCy's label -> whosaid's label, and gold -> whosaid
(``-`` is no entity with that exact span).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path
from typing import Any

# common first: importing it puts this checkout on sys.path
from common import SHARED, add_benchmark_options, read_benchmark
from whosaid.entities import extract_entities
from whosaid.parse import load_model, model_label
from whosaid.quotes.train import parsed_docs

DEFAULT_DATA = SHARED / "benchmarks" / "conll2003" / "conll2003_dev.jsonl"
SPACY_TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
KIND_TO_CONLL = {"person": "PER", "organization": "ORG", "place": "LOC"}
LABELS = ("PER", "ORG", "LOC")

Key = tuple[str, int, int, str]


def normalise(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip a leading "the " and a trailing "'s" (the data's tokens are space-joined)."""
    span = text[start:end]
    if span.lower().startswith("the "):
        start += 4
    span = text[start:end]
    for suffix in (" 's", "'s", " ’s", "’s"):
        if span.endswith(suffix) and len(span) > len(suffix):
            end -= len(suffix)
            break
    return start, end


def score(gold: set[Key], predicted: set[Key]) -> dict[str, tuple[float, float, float]]:
    result = {}
    for label in (*LABELS, "micro"):
        g = {k for k in gold if label == "micro" or k[3] == label}
        p = {k for k in predicted if label == "micro" or k[3] == label}
        tp = len(g & p)
        precision = tp / len(p) if p else 0.0
        recall = tp / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[label] = (precision, recall, f1)
    return result


def confusion(rows: dict[tuple[str, int, int], str], columns: dict[tuple[str, int, int], str], title: str) -> None:
    """Print how the labels of ``rows`` become those of ``columns`` on the same spans."""
    counts: Counter[tuple[str, str]] = Counter()
    for span in rows.keys() | columns.keys():
        counts[(rows.get(span, "-"), columns.get(span, "-"))] += 1
    row_labels = sorted({a for a, _ in counts}, key=_label_order)
    column_labels = sorted({b for _, b in counts}, key=_label_order)
    print(title)
    print(f"{'':<8}" + "".join(f"{c:>8}" for c in column_labels))
    for row in row_labels:
        print(f"{row:<8}" + "".join(f"{counts[(row, c)]:>8}" for c in column_labels))


def _label_order(label: str) -> tuple[int, str]:
    order = ("PER", "ORG", "LOC", "MISC", "-")
    return (order.index(label) if label in order else len(order), label)


def gold_keys(record: dict[str, Any]) -> set[Key]:
    text = record["text"]
    return {
        (record["id"], *normalise(text, e["start"], e["end"]), e["label"])
        for e in record["entities"]
        if e["label"] in LABELS
    }


def predicted_keys(record: dict[str, Any], doc: Any) -> tuple[set[Key], set[Key]]:
    """Bare spaCy's and whosaid's PER/ORG/LOC mentions in ``doc``, keyed on ``record``'s text."""
    text = record["text"]
    bare = {
        (record["id"], *normalise(text, ent.start_char, ent.end_char), SPACY_TO_CONLL[ent.label_])
        for ent in doc.ents
        if ent.label_ in SPACY_TO_CONLL
    }
    ours = {
        (record["id"], *normalise(text, mention.start, mention.end), KIND_TO_CONLL[entity.kind])
        for entity in extract_entities(doc)
        if entity.kind in KIND_TO_CONLL
        for mention in entity.mentions
    }
    return bare, ours


def compare_wrapped(nlp: Any, docs: list[dict[str, Any]], width: int, cache: Path | None) -> int:
    """Score on the documents and on copies hard-wrapped at ``width`` (both through the read stage)."""
    from wrapping import hard_wrap, parse_cached, parse_text, print_side_by_side

    started = time.perf_counter()
    originals = [d["text"] for d in docs]
    texts = [parse_text(text) for text in originals] + [parse_text(hard_wrap(text, width)) for text in originals]
    same = sum(a == b for a, b in zip(texts[: len(docs)], texts[len(docs) :], strict=True))
    print(f"the read stage gives {same}/{len(docs)} wrapped copies the parse text of the original")
    parsed = parse_cached(nlp, texts, cache)
    gold = set().union(*(gold_keys(record) for record in docs))
    rows = []
    for number in range(2):
        bare: set[Key] = set()
        ours: set[Key] = set()
        for record, doc in zip(docs, parsed[number * len(docs) : (number + 1) * len(docs)], strict=True):
            found_bare, found_ours = predicted_keys(record, doc)
            bare |= found_bare
            ours |= found_ours
        rows.append(
            [
                (f"{name} {label} {measure}", value)
                for name, predicted in (("whosaid", ours), ("spaCy", bare))
                for label, figures in score(gold, predicted).items()
                for measure, value in zip(("P", "R", "F1"), figures, strict=True)
            ]
        )
    print(f"CoNLL-2003 dev: {len(docs)} documents, model {model_label(nlp)}, {time.perf_counter() - started:.0f}s")
    within = print_side_by_side(f"unwrapped vs wrapped at {width} (spaCy: bare doc.ents of the same parse)", *rows)
    return 0 if within else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_benchmark_options(parser, DEFAULT_DATA)
    parser.add_argument("--deltas", action="store_true", help="per-label deltas against bare spaCy and confusions")
    parser.add_argument("--wrap", type=int, default=0, help="compare with copies hard-wrapped at N columns")
    args = parser.parse_args()
    docs = read_benchmark(args.data, args.limit)
    nlp = load_model(args.model)
    if args.wrap:
        return compare_wrapped(nlp, docs, args.wrap, args.docs_cache)
    gold: set[Key] = set()
    bare: set[Key] = set()
    ours: set[Key] = set()
    started = time.perf_counter()
    gold_all: dict[tuple[str, int, int], str] = {}
    parsed = list(parsed_docs(nlp, [d["text"] for d in docs], args.docs_cache))
    for doc, record in zip(parsed, docs, strict=True):
        text = record["text"]
        for entity in record["entities"]:
            span = (record["id"], *normalise(text, entity["start"], entity["end"]))
            gold_all[span] = entity["label"]
            if entity["label"] in LABELS:
                gold.add((*span, entity["label"]))
        for ent in doc.ents:
            if ent.label_ in SPACY_TO_CONLL:
                bare.add((record["id"], *normalise(text, ent.start_char, ent.end_char), SPACY_TO_CONLL[ent.label_]))
        for entity in extract_entities(doc):
            label = KIND_TO_CONLL.get(entity.kind)
            if label:
                for mention in entity.mentions:
                    ours.add((record["id"], *normalise(text, mention.start, mention.end), label))
    elapsed = time.perf_counter() - started
    print(f"CoNLL-2003 dev: {len(docs)} documents, {len(gold)} gold PER/ORG/LOC mentions; model {model_label(nlp)}")
    print(f"{'system':<12}{'label':<7}{'P':>7}{'R':>7}{'F1':>7}")
    for name, predicted in (("spaCy bare", bare), ("whosaid", ours)):
        for label, (p, r, f) in score(gold, predicted).items():
            print(f"{name:<12}{label:<7}{p:7.3f}{r:7.3f}{f:7.3f}")
    errors = Counter(k[3] for k in ours - gold)
    print(f"whosaid false positives by label: {dict(sorted(errors.items()))}; {elapsed:.1f}s")
    if args.deltas:
        bare_scores, our_scores = score(gold, bare), score(gold, ours)
        print(
            "F1 delta, whosaid - bare: "
            + ", ".join(f"{k} {our_scores[k][2] - bare_scores[k][2]:+.3f}" for k in our_scores)
        )
        bare_spans = {k[:3]: k[3] for k in bare}
        our_spans = {k[:3]: k[3] for k in ours}
        confusion(bare_spans, our_spans, "bare spaCy label (rows) -> whosaid label (columns), same span:")
        confusion(gold_all, our_spans, "gold label (rows) -> whosaid label (columns), same span:")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
