"""Speaker check on raw BBC news: how many quotes are linked to an entity, and how many keep a bare pronoun.

No gold here: the figures say how often whosaid names a speaker as an entity of the article
(``speaker.entity_id`` set), how often the speaker name is still a bare pronoun ("he", "It",
"They"), and which unlinked speaker names are the most frequent. Every 7th file of the
sorted corpus (``--step``), about 320 stories spread over its five sections.

    python benchmarks/speakers.py [--corpus DIR] [--step N] [--model NAME] [--docs-cache FILE] [--top N]
                                  [--unlinked FILE]  # every unlinked speaker, its quote's method and sentence
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from whosaid.models import Quote
from whosaid.parse import load_model, model_label
from whosaid.quotes.train import parsed_docs
from whosaid.read import read_bytes
from whosaid.record import build_article

SHARED = Path(os.environ.get("WHOSAID_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DEFAULT_CORPUS = SHARED / "corpus" / "bbc"
PRONOUNS = frozenset("i me we us you he him she her it they them one this that these those who".split())


def unlinked_row(text: str, article_id: str, quote: Quote) -> dict[str, object]:
    """One unlinked speaker for error analysis: where, how the quote was found, and its sentence."""
    assert quote.speaker is not None
    mention = quote.speaker.mention
    start = max(text.rfind("\n", 0, mention.start), text.rfind(". ", 0, mention.start) + 1, 0)
    end = min(len(text), mention.end + 200)
    return {
        "article": article_id,
        "name": quote.speaker.name,
        "role": quote.speaker.role,
        "method": quote.method,
        "at": mention.start,
        "context": text[start:end].replace("\n", " "),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--step", type=int, default=7)
    parser.add_argument("--model", default=None)
    parser.add_argument("--docs-cache", type=Path, default=None, help="keep parsed docs here (DocBin)")
    parser.add_argument("--top", type=int, default=15, help="most frequent unlinked speaker names to print")
    parser.add_argument("--unlinked", type=Path, default=None, help="write every unlinked speaker here (JSON lines)")
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("*.txt"))[:: args.step]
    if not paths:
        print(f"no articles at {args.corpus} (set WHOSAID_SHARED or --corpus)", file=sys.stderr)
        return 2
    nlp = load_model(args.model)
    layouts = [read_bytes(p.read_bytes()) for p in paths]
    docs = list(parsed_docs(nlp, [layout.parse_text for layout in layouts], args.docs_cache))
    counts: Counter[str] = Counter()
    unlinked: Counter[str] = Counter()
    rows: list[dict[str, object]] = []
    for path, layout, doc in zip(paths, layouts, docs, strict=True):
        article = build_article(layout, doc, article_id=path.stem, source_path=str(path), model=model_label(nlp))
        for quote in article.quotes:
            counts["quotes"] += 1
            speaker = quote.speaker
            if speaker is None:
                counts["no speaker"] += 1
            elif speaker.entity_id is not None:
                counts["linked"] += 1
            else:
                unlinked[speaker.name.casefold()] += 1
                if args.unlinked is not None:
                    rows.append(unlinked_row(article.text, path.stem, quote))
                if speaker.name.casefold() in PRONOUNS and not (
                    len(speaker.name) > 1 and speaker.name.isupper()
                ):  # "US"
                    counts["pronoun"] += 1
    total = counts["quotes"] or 1
    print(f"BBC: {len(paths)} articles (every {args.step}th of {args.corpus}); model {model_label(nlp)}")
    print(
        f"quotes {counts['quotes']}: linked to an entity {counts['linked'] / total:.3f}, "
        f"bare pronoun speaker {counts['pronoun'] / total:.3f}, no speaker {counts['no speaker'] / total:.3f}"
    )
    if args.unlinked is not None:
        args.unlinked.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    print("most frequent unlinked speaker names: " + ", ".join(f"{n} {c}" for n, c in unlinked.most_common(args.top)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
