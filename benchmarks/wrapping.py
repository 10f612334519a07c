"""Hard-wrapped copies of benchmark texts, parsed the way the pipeline parses them.

Shared by ``benchmarks/quotes.py --wrap N`` and ``benchmarks/entities.py --wrap N``: the
copy swaps spaces for line breaks so no line is longer than N columns (the same characters,
so every gold offset still holds); both the original and the copy go through the read stage
(``read_bytes(...).parse_text``, what the runner hands the parser), and each distinct parse
text is parsed once (a wrapped copy the read stage joins back exactly reuses the Doc of the
original; the ``--docs-cache`` file keeps them all for the next run).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from whosaid.read import read_bytes

TOLERANCE = 0.02  # the wrapped figure may fall short of the unwrapped one by this share


def hard_wrap(text: str, width: int) -> str:
    """``text`` with spaces swapped for line breaks so that lines are at most ``width`` long.

    Greedy, as wire and e-mail software wrap: a line breaks at its last space that keeps it
    within ``width``; a word longer than ``width`` stands on a line of its own. Existing line
    breaks stay. Only spaces change, one for one.
    """
    chars = list(text)
    start, last = 0, -1
    for boundary in [i for i, char in enumerate(text) if char in " \n"] + [len(text)]:
        if boundary - start > width and last >= start:
            chars[last], start, last = "\n", last + 1, -1
        if boundary < len(text) and text[boundary] == "\n":
            start, last = boundary + 1, -1
        elif boundary - start <= width:
            last = boundary
        elif boundary < len(text):
            chars[boundary], start, last = "\n", boundary + 1, -1
    return "".join(chars)


def parse_text(text: str) -> str:
    """What the pipeline hands the parser for ``text``."""
    return read_bytes(text.encode("utf-8")).parse_text


def parse_cached(nlp: Any, texts: Sequence[str], cache: Path | None) -> list[Any]:
    """One Doc per text, each distinct text parsed once; with ``cache``, kept for later runs."""
    from spacy.tokens import DocBin

    known: dict[str, Any] = {}
    if cache is not None and cache.exists():
        known = {doc.text: doc for doc in DocBin(store_user_data=True).from_disk(cache).get_docs(nlp.vocab)}
    missing = [text for text in dict.fromkeys(texts) if text not in known]
    for doc in nlp.pipe(missing, batch_size=16):
        known[doc.text] = doc
    if cache is not None and missing:
        DocBin(store_user_data=True, docs=list(known.values())).to_disk(cache)
    print(f"parsed {len(missing)} texts, {len(dict.fromkeys(texts)) - len(missing)} from the cache")
    return [known[text] for text in texts]


def print_side_by_side(title: str, unwrapped: list[tuple[str, float]], wrapped: list[tuple[str, float]]) -> bool:
    """Print each figure unwrapped and wrapped; return whether every wrapped one is within the tolerance."""
    print(title)
    print(f"  {'figure':<28}{'unwrapped':>10}{'wrapped':>10}{'change':>9}")
    within = True
    for (name, before), (_, after) in zip(unwrapped, wrapped, strict=True):
        change = (after - before) / before if before else 0.0
        ok = change >= -TOLERANCE
        within = within and ok
        print(f"  {name:<28}{before:>10.3f}{after:>10.3f}{change:>+8.1%}{'' if ok else '  <-- beyond 2%'}")
    verdict = "within" if within else "NOT within"
    print(f"  every wrapped figure {verdict} {TOLERANCE:.0%} of the unwrapped one")
    return within
