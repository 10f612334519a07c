"""Do whosaid's array components annotate exactly as the model's own, and how fast are they?

Parses texts up to the parser once, then applies the model's ``AttributeRuler`` and
``Lemmatizer`` to each Doc and whosaid's ``ArrayAttributeRuler`` and ``ArrayLemmatizer``
(``whosaid.attribute_rules``, ``whosaid.array_lemmatizer``) to a copy of it, and compares every
token attribute of the two results. Then parses the same texts with
``whosaid.parse.parse`` through both whole pipelines and compares the final Docs. Prints the
count of Docs compared and of Docs that differ (with the first differing token of each), and
the CPU seconds of each component on the same Docs.

    python benchmarks/parse_identity.py [--bbc-every N] [--polnear-limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from typing import Any

from common import REPO, SHARED


def texts(bbc_every: int, polnear_limit: int) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    bbc = SHARED / "corpus" / "bbc"
    if bbc.is_dir() and bbc_every:
        for path in sorted(bbc.rglob("*.txt"))[::bbc_every]:
            found.append((f"bbc/{path.relative_to(bbc)}", path.read_bytes().decode("utf-8", errors="replace")))
    polnear = SHARED / "benchmarks" / "polnear" / "polnear_train.jsonl"
    if polnear.is_file() and polnear_limit:
        with polnear.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines):
                if number >= polnear_limit:
                    break
                article = json.loads(line)
                found.append((f"polnear/{article['id']}", article["text"]))
    for path in sorted((REPO / "seeds").glob("*.txt")):
        found.append((f"seeds/{path.name}", path.read_bytes().decode("utf-8", errors="replace")))
    return found


def attributes() -> list[int]:
    from spacy.attrs import IDS

    names = ("ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START", "NORM")
    return [IDS[name] for name in names]


def first_difference(doc: Any, left: Any, right: Any) -> str:
    from spacy.attrs import IDS

    names = {value: name for name, value in IDS.items()}
    rows, cols = (left != right).nonzero()
    row, col = int(rows[0]), int(cols[0])
    return f"token {row} {doc[row].text!r}: {names[attributes()[col]]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bbc-every", type=int, default=1, help="every Nth BBC article (0: none; default 1)")
    parser.add_argument("--polnear-limit", type=int, default=840, help="PolNeAR articles (0: none; default 840)")
    args = parser.parse_args()
    import numpy
    from whosaid.array_lemmatizer import ARRAY_LEMMATIZER_PIPE, LEMMATIZER_PIPE
    from whosaid.attribute_rules import ARRAY_RULER_PIPE, RULER_PIPE
    from whosaid.parse import load_model, parse

    corpus = texts(args.bbc_every, args.polnear_limit)
    fast = load_model(None)
    stock = load_model(None)
    for ours, theirs in ((ARRAY_RULER_PIPE, RULER_PIPE), (ARRAY_LEMMATIZER_PIPE, LEMMATIZER_PIPE)):
        stock.remove_pipe(ours)
        stock.enable_pipe(theirs)
    pairs_of_pipes = {
        "AttributeRuler": (stock.get_pipe(RULER_PIPE), fast.get_pipe(ARRAY_RULER_PIPE)),
        "Lemmatizer": (stock.get_pipe(LEMMATIZER_PIPE), fast.get_pipe(ARRAY_LEMMATIZER_PIPE)),
    }
    before = stock.pipe_names[: stock.pipe_names.index(RULER_PIPE)]
    print(f"{len(corpus)} texts; model {fast.meta['whosaid_label']}")

    # 1. The components alone (the ruler, then the lemmatizer), on copies of the same Docs.
    attrs = attributes()
    differ, seconds = [], {f"{kind} {label}": 0.0 for label in pairs_of_pipes for kind in ("spaCy", "whosaid")}
    with stock.select_pipes(enable=before):
        for (name, _), doc in zip(corpus, stock.pipe((text for _, text in corpus), batch_size=16), strict=True):
            copy = doc.copy()
            for label, (theirs, ours) in pairs_of_pipes.items():
                started = time.process_time()
                theirs(doc)
                seconds[f"spaCy {label}"] += time.process_time() - started
                started = time.process_time()
                ours(copy)
                seconds[f"whosaid {label}"] += time.process_time() - started
            left, right = doc.to_array(attrs), copy.to_array(attrs)
            if not numpy.array_equal(left, right):
                differ.append(f"{name}: {first_difference(doc, left, right)}")
    print(f"components alone: {len(corpus) - len(differ)} of {len(corpus)} Docs identical, {len(differ)} differ")
    for line in differ[:10]:
        print("  ", line)
    for label, value in seconds.items():
        print(f"  {label:22s} {value:6.2f} s CPU, {1000 * value / len(corpus):5.2f} ms a text")

    # 2. The whole parse, as `whosaid run` does it, with either pair of components.
    items = [(text, name) for name, text in corpus]
    bad = []
    pairs = zip(parse(fast, items, batch_size=4), parse(stock, items, batch_size=4), strict=True)
    for (doc, name), (other, _) in pairs:
        left, right = doc.to_array(attrs), other.to_array(attrs)
        if not numpy.array_equal(left, right):
            bad.append(f"{name}: {first_difference(doc, left, right)}")
    print(f"whole parse: {len(items) - len(bad)} of {len(items)} Docs identical, {len(bad)} differ")
    for line in bad[:10]:
        print("  ", line)
    return 1 if differ or bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
