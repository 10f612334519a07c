"""Scoring quotes against hand-annotated attributions, as ``../shared/benchmarks/README.md``
defines it for PolNeAR; used by the benchmark and to label training examples.

- a quote is the set of letter/digit positions inside its span (gold: inside its fragments);
- gold and predicted quotes are matched one-to-one, greedily by Jaccard overlap of those
  sets, highest first; a pair counts when the overlap is >= 0.5;
- a matched quote's speaker is right when the predicted speaker mention overlaps the gold
  speaker span, or when the gold speaker is not a pronoun and shares a content word (not a
  title) with the predicted speaker name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from whosaid.cues import TITLE_WORDS

PRONOUNS = frozenset(
    """i me my we us our you your he him his she her they them their it its who whom this that these
    those one""".split()
)
STOPWORDS = frozenset("a an the of and or to in on for at by with from as 's ’s s de la".split())
MATCH_THRESHOLD = 0.5


@dataclass
class Prediction:
    """A predicted quote as the scorer sees it."""

    kind: str
    fragments: list[tuple[int, int]]
    speaker_span: tuple[int, int] | None
    speaker_name: str | None


def letters(text: str, ranges: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(k for start, end in ranges for k in range(start, min(end, len(text))) if text[k].isalnum())


def content_words(name: str) -> set[str]:
    words = {w.casefold() for w in re.findall(r"[\w’'-]+", name)}
    return {w for w in words if w not in STOPWORDS and w.rstrip(".") not in TITLE_WORDS and w not in PRONOUNS}


def speaker_right(gold: dict[str, Any], prediction: Prediction) -> bool:
    if gold.get("speaker") is None or prediction.speaker_name is None:
        return False
    spans = gold.get("speaker_fragments") or [[gold["speaker_start"], gold["speaker_end"]]]
    if prediction.speaker_span is not None:
        start, end = prediction.speaker_span
        if any(start < e and s < end for s, e in spans):
            return True
    gold_text = gold["speaker"].strip()
    if gold_text.casefold() in PRONOUNS:
        return False
    return bool(content_words(gold_text) & content_words(prediction.speaker_name))


def match(gold_sets: list[frozenset[int]], predicted_sets: list[frozenset[int]]) -> dict[int, int]:
    """Greedy one-to-one matching by Jaccard overlap, highest first; gold index -> predicted index."""
    pairs = []
    for g, gold in enumerate(gold_sets):
        for p, predicted in enumerate(predicted_sets):
            if not gold or not predicted:
                continue
            overlap = len(gold & predicted)
            if overlap:
                jaccard = overlap / len(gold | predicted)
                if jaccard >= MATCH_THRESHOLD:
                    pairs.append((jaccard, g, p))
    pairs.sort(key=lambda item: (-item[0], item[1], item[2]))
    taken_gold: dict[int, int] = {}
    taken_predicted: set[int] = set()
    for _, g, p in pairs:
        if g not in taken_gold and p not in taken_predicted:
            taken_gold[g] = p
            taken_predicted.add(p)
    return taken_gold


def judge(text: str, gold: list[dict[str, Any]], predicted: list[Prediction]) -> list[tuple[bool, bool]]:
    """For each prediction: whether its span matches a gold quote, and whether its speaker is right too."""
    gold_sets = [letters(text, [(f[0], f[1]) for f in q["fragments"]]) for q in gold]
    matching = match(gold_sets, [letters(text, p.fragments) for p in predicted])
    verdicts = [(False, False)] * len(predicted)
    for g, p in matching.items():
        verdicts[p] = (True, speaker_right(gold[g], predicted[p]))
    return verdicts
