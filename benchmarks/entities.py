"""Entity benchmark: whosaid's entities against bare spaCy on CoNLL-2003 dev, in one run.

Scored as ``../shared/benchmarks/README.md`` says: exact span and label on PER, ORG and
LOC (person, organization, place; MISC left out), after stripping a leading "the " and a
trailing "'s" from gold and predicted spans alike. Micro precision, recall and F1.

    python benchmarks/entities.py [--data PATH] [--model NAME] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from whosaid.entities import extract_entities
from whosaid.parse import load_model, model_label

SHARED = Path(os.environ.get("WHOSAID_SHARED", Path(__file__).resolve().parents[2] / "shared"))
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--model", default=None)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no benchmark data at {args.data} (set WHOSAID_SHARED or --data)", file=sys.stderr)
        return 2
    docs = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = docs[: args.limit] if args.limit else docs
    nlp = load_model(args.model)
    gold: set[Key] = set()
    bare: set[Key] = set()
    ours: set[Key] = set()
    started = time.perf_counter()
    for doc, record in zip(nlp.pipe(d["text"] for d in docs), docs, strict=True):
        text = record["text"]
        for entity in record["entities"]:
            if entity["label"] in LABELS:
                gold.add((record["id"], *normalise(text, entity["start"], entity["end"]), entity["label"]))
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
    print(f"whosaid false positives by label: {dict(errors)}; {elapsed:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
