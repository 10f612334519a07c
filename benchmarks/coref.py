"""Coreference benchmark: pronoun speakers, every pronoun, and person merging on GUM train.

Scored as ``../shared/benchmarks/README.md`` says. Articles are parsed as the runner parses them
(``layout.parse_text`` through ``whosaid.parse.parse``). A quote's speaker mention is aligned to the
gold mention that overlaps it (preferring one whose head word it contains). When that is a
third-person pronoun whose cluster has a proper name, the speaker is right when its name shares
a content word (not a title) with a non-pronoun mention of the cluster. Also printed:

- the share of those speakers left unresolved (the name is still a pronoun) and the share
  resolved to something that is not a person in gold (the entity's mention lies in a place,
  organisation or other non-person cluster) although the pronoun's cluster is a person;
- the same accuracy over *every* third-person pronoun of the file (the resolver's links, not
  only speakers), per genre, and by folds split by article (``--folds``, for tuning);
- person merging: B-cubed precision, recall and F1 of whosaid's person entities' mentions
  against the gold clusters, and the share of gold people named twice or more that whosaid
  splits into several entities.

    python benchmarks/coref.py [--data PATH] [--model NAME] [--limit N] [--docs-cache FILE] [--folds K]
                               [--cv-window K]  # the resolver's settings chosen on K-1 folds, scored on the K-th
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import product
from typing import Any

# common first: importing it puts this checkout on sys.path
from common import SHARED, add_benchmark_options, read_benchmark
from whosaid import animacy, resolver, salience
from whosaid.cues import PRONOUN_REFERENTS
from whosaid.entities import extract_entities
from whosaid.entity_index import EntityIndex
from whosaid.parse import load_model, model_label
from whosaid.quotemarks import find_quoted_spans, quoted_mask
from whosaid.quotes.train import parsed_docs
from whosaid.read import read_bytes
from whosaid.record import build_article
from whosaid.roles import article_roles
from whosaid.speakers import speaker_from_token
from whosaid.titles import PERSON_DESCRIPTIONS, TITLE_WORDS, title_key

DEFAULT_DATA = SHARED / "benchmarks" / "gum" / "gum_train.jsonl"
STOPWORDS = frozenset("the a an of and in on at for to de la le von van der da di 's".split())
THIRD_PERSON = frozenset(PRONOUN_REFERENTS)
# The resolver's settings tried by --cv-window: sentences back it looks, subject pronouns that make a
# name a person (``animacy.MIN_VOTES``) and that give a person's gender (``animacy.MIN_GENDER_VOTES``).
SETTINGS = list(product((4, 8, 12, 20), (1, 2, 3), (1, 2)))


def content_words(text: str) -> set[str]:
    words = {w.casefold() for w in re.findall(r"[\w'-]+", text)}
    return {w for w in words if w not in STOPWORDS and w.rstrip(".") not in TITLE_WORDS and w not in THIRD_PERSON}


class Gold:
    """The gold mentions of one document, searchable by character offsets."""

    def __init__(self, record: dict[str, Any]) -> None:
        self.mentions: list[tuple[dict[str, Any], dict[str, Any]]] = [
            (m, c) for c in record["clusters"] for m in c["mentions"]
        ]
        self.names: dict[str, set[str]] = {}
        for cluster in record["clusters"]:
            words: set[str] = set()
            for mention in cluster["mentions"]:
                if mention["type"] != "pron":
                    words |= content_words(mention["text"])
            self.names[cluster["id"]] = words

    def at(self, start: int, end: int) -> tuple[dict[str, Any], dict[str, Any]] | None:
        """The gold mention overlapping [start, end), preferring one whose head lies inside it, then the
        one that overlaps it most, then the shortest."""
        found = [(m, c) for m, c in self.mentions if m["start"] < end and start < m["end"]]
        if not found:
            return None
        found.sort(
            key=lambda p: (
                not (start <= p[0]["head"]["start"] and p[0]["head"]["end"] <= end),
                -(min(end, p[0]["end"]) - max(start, p[0]["start"])),
                p[0]["end"] - p[0]["start"],
            )
        )
        return found[0]


def has_name(cluster: dict[str, Any]) -> bool:
    return any(m["type"] == "name" for m in cluster["mentions"])


def is_pronoun_to_score(mention: dict[str, Any], cluster: dict[str, Any]) -> bool:
    return mention["type"] == "pron" and mention["text"].lower() in THIRD_PERSON and has_name(cluster)


def judge(gold: Gold, cluster: dict[str, Any], name: str, entity_mentions: list[Any], pronoun: str) -> str:
    """right, unresolved, non-person (a person's pronoun resolved into a non-person cluster) or wrong."""
    if name.lower() == pronoun.lower() or name.lower() in THIRD_PERSON:
        return "unresolved"
    if content_words(name) & gold.names[cluster["id"]]:
        return "right"
    if cluster["entity_type"] == "person":
        for mention in entity_mentions:
            found = gold.at(mention.start, mention.end)
            if found is not None and found[1]["entity_type"] != "person":
                return "non-person"
    return "wrong"


def b_cubed(pairs: list[tuple[str, str]]) -> tuple[float, float]:
    """B-cubed precision and recall over (predicted cluster, gold cluster) labels of aligned mentions."""
    by_pred: Counter[str] = Counter(p for p, _ in pairs)
    by_gold: Counter[str] = Counter(g for _, g in pairs)
    both: Counter[tuple[str, str]] = Counter(pairs)
    if not pairs:
        return 0.0, 0.0
    precision = sum(both[pair] / by_pred[pair[0]] for pair in pairs) / len(pairs)
    recall = sum(both[pair] / by_gold[pair[1]] for pair in pairs) / len(pairs)
    return precision, recall


@contextmanager
def settings(window: int, min_votes: int, min_gender_votes: int) -> Iterator[None]:
    saved = salience.WINDOW, animacy.MIN_VOTES, animacy.MIN_GENDER_VOTES
    salience.WINDOW, animacy.MIN_VOTES, animacy.MIN_GENDER_VOTES = window, min_votes, min_gender_votes
    try:
        yield
    finally:
        salience.WINDOW, animacy.MIN_VOTES, animacy.MIN_GENDER_VOTES = saved


def score_pronouns(doc: Any, gold: Gold, entities: list[Any]) -> Counter[str]:
    """Verdicts for every scored third-person pronoun of one document, as the resolver links them."""
    links = resolver.resolve(doc, entities).links
    by_id = {e.id: e for e in entities}
    counts: Counter[str] = Counter()
    for token in doc:
        if token.lower_ not in THIRD_PERSON:
            continue
        found = gold.at(token.idx, token.idx + len(token))
        if found is None or not is_pronoun_to_score(*found) or found[0]["start"] != token.idx:
            continue
        entity = by_id.get(links.get(token.i, ""))
        name = entity.name if entity else token.text
        counts[judge(gold, found[1], name, entity.mentions if entity else [], token.text)] += 1
    return counts


def score_descriptions(doc: Any, gold: Gold, entities: list[Any], text: str, errors: bool) -> Counter[str]:
    """Verdicts for gold definite descriptions of one person ("the chancellor", "the singer"), as the
    speaker rules would name them: right (a name of the description's cluster), wrong (another
    entity), or kept as a description (no entity). Descriptions with a name of their own inside
    ("the physician Yang Buwei") are not counted."""
    index = EntityIndex(entities, quoted_mask(text, find_quoted_spans(text)))
    index.roles = article_roles(doc, index)
    counts: Counter[str] = Counter()
    for mention, cluster in gold.mentions:
        head = mention["head"]
        words = mention["text"].split()
        described = title_key(head["text"]) in TITLE_WORDS or title_key(head["text"]) in PERSON_DESCRIPTIONS
        if mention["type"] != "nominal" or words[0].lower() != "the" or not described or head.get("xpos") != "NN":
            continue
        named = any(w[:1].isupper() for w in words[1:] if w.lower() not in TITLE_WORDS)
        if cluster["entity_type"] != "person" or named:
            continue
        token = doc.char_span(head["start"], head["end"], alignment_mode="expand")
        found = speaker_from_token(doc, token.root, index) if token is not None else None
        if found is None or found[0].entity_id is None:
            counts["kept"] += 1
        else:
            verdict = "right" if content_words(found[0].name) & gold.names[cluster["id"]] else "wrong"
            counts[verdict] += 1
            if errors and verdict == "wrong":
                print(f"  {mention['text']!r} -> {found[0].name!r} (description; gold {cluster['name']!r})")
    return counts


def cross_validated(per_article: dict[tuple[int, int, int], list[Counter[str]]], folds: int) -> None:
    """Choose the resolver's settings on the other folds of articles, score them on the held-out fold."""
    right = total = 0
    for k in range(folds):

        def accuracy(setting: tuple[int, int, int], held_out: bool, k: int = k) -> tuple[int, int]:
            chosen = (c for i, c in enumerate(per_article[setting]) if (i % folds == k) == held_out)
            counts = sum(chosen, Counter())
            return counts["right"], sum(counts.values())

        best = max(SETTINGS, key=lambda s: accuracy(s, False)[0] / max(1, accuracy(s, False)[1]))
        held_right, held_total = accuracy(best, True)
        right, total = right + held_right, total + held_total
        print(
            f"  fold {k}: window, min votes, min gender votes {best} chosen on the other folds, "
            f"held-out right {held_right / max(1, held_total):.3f}"
        )
    print(f"  out-of-fold pronoun accuracy with the settings tuned by {folds}-fold CV: {right / max(1, total):.3f}")


def share(counts: Counter[str], key: str) -> float:
    total = sum(counts.values())
    return counts[key] / total if total else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_benchmark_options(parser, DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=0, help="also print pronoun accuracy per fold of articles")
    parser.add_argument("--errors", action="store_true", help="print the wrong pronoun speakers")
    parser.add_argument("--cv-window", type=int, default=0, help="K: tune the resolver window by K-fold CV by article")
    args = parser.parse_args()
    records = read_benchmark(args.data, args.limit)
    nlp = load_model(args.model)
    layouts = [read_bytes(r["text"].encode("utf-8")) for r in records]
    docs = list(parsed_docs(nlp, [layout.parse_text for layout in layouts], args.docs_cache))
    speakers: Counter[str] = Counter()
    pronouns: Counter[str] = Counter()
    by_genre: dict[str, Counter[str]] = defaultdict(Counter)
    by_article: list[Counter[str]] = []
    pairs: list[tuple[str, str]] = []
    split = Counter[str]()
    descriptions: Counter[str] = Counter()
    with_setting: dict[tuple[int, int, int], list[Counter[str]]] = defaultdict(list)
    for record, layout, doc in zip(records, layouts, docs, strict=True):
        if layout.text != record["text"]:
            print(f"{record['id']}: decoded text differs from the gold text; skipped", file=sys.stderr)
            continue
        gold = Gold(record)
        article = build_article(layout, doc, article_id=record["id"], source_path="-", model=model_label(nlp))
        entities = {e.id: e for e in article.entities}
        for quote in article.quotes:
            if quote.speaker is None:
                continue
            found = gold.at(quote.speaker.mention.start, quote.speaker.mention.end)
            if found is None or not is_pronoun_to_score(*found):
                continue
            entity = entities.get(quote.speaker.entity_id or "")
            verdict = judge(gold, found[1], quote.speaker.name, entity.mentions if entity else [], found[0]["text"])
            speakers[verdict] += 1
            if args.errors and verdict != "right":
                print(
                    f"  {record['id']} {found[0]['text']!r} -> {quote.speaker.name!r}"
                    f" ({verdict}; gold {found[1]['name']!r})"
                )
        article_counts = score_pronouns(doc, gold, article.entities)
        descriptions.update(score_descriptions(doc, gold, article.entities, layout.text, args.errors))
        if args.cv_window:
            for setting in SETTINGS:
                with settings(*setting):
                    with_setting[setting].append(score_pronouns(doc, gold, extract_entities(doc)))
        pronouns.update(article_counts)
        by_genre[record["genre"]].update(article_counts)
        by_article.append(article_counts)
        gold_of: dict[str, set[str]] = defaultdict(set)
        for entity in article.entities:
            if entity.kind != "person":
                continue
            for mention in entity.mentions:
                found = gold.at(mention.start, mention.end)
                if found is not None and found[0]["type"] != "pron":
                    pairs.append((f"{record['id']}/{entity.id}", found[1]["id"]))
                    gold_of[found[1]["id"]].add(entity.id)
        for cluster in record["clusters"]:
            named = sum(1 for m in cluster["mentions"] if m["type"] == "name")
            if cluster["entity_type"] == "person" and named >= 2 and cluster["id"] in gold_of:
                split["split" if len(gold_of[cluster["id"]]) > 1 else "whole"] += 1
                if args.errors and len(gold_of[cluster["id"]]) > 1:
                    names = sorted(entities[i].name for i in gold_of[cluster["id"]])
                    print(f"  split {record['id']} {cluster['name']!r} -> {names}")
    total = sum(speakers.values())
    print(f"GUM train: {len(records)} documents; model {model_label(nlp)}")
    print(
        f"third-person pronoun speakers: {total}; right {share(speakers, 'right'):.3f}, "
        f"unresolved {share(speakers, 'unresolved'):.3f}, non-person {share(speakers, 'non-person'):.3f}, "
        f"other wrong {share(speakers, 'wrong'):.3f}"
    )
    print(
        f"every third-person pronoun with a named antecedent: {sum(pronouns.values())}; "
        f"right {share(pronouns, 'right'):.3f}, unresolved {share(pronouns, 'unresolved'):.3f}, "
        f"non-person {share(pronouns, 'non-person'):.3f}"
    )
    for genre, counts in sorted(by_genre.items()):
        print(f"  {genre:<10} {sum(counts.values()):>5} right {share(counts, 'right'):.3f}")
    if args.folds:
        folds = [sum(by_article[k :: args.folds], Counter()) for k in range(args.folds)]
        print("  by fold of articles: " + ", ".join(f"{share(f, 'right'):.3f}" for f in folds))
    if args.cv_window:
        cross_validated(with_setting, args.cv_window)
    linked = descriptions["right"] + descriptions["wrong"]
    print(
        f"definite descriptions of one person ('the chancellor'): {sum(descriptions.values())}; "
        f"linked {linked}, of which right {descriptions['right'] / max(1, linked):.3f}; "
        f"kept as a description {descriptions['kept']}"
    )
    precision, recall = b_cubed(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(
        f"person merging: B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f}; "
        f"gold people named twice or more split: {share(split, 'split'):.3f} of {sum(split.values())}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
