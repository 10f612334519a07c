"""Speaker check on raw BBC news: how many quotes are linked to an entity, and how many keep a bare pronoun.

No gold here: the figures say how often whosaid names a speaker as an entity of the article
(``speaker.entity_id`` set), how often the speaker name is still a bare pronoun ("he", "It",
"They"), and which unlinked speaker names are the most frequent. Every 7th file of the
sorted corpus (``--step``), about 320 stories spread over its five sections.

    python benchmarks/speakers.py [--corpus DIR] [--step N] [--model NAME] [--docs-cache FILE] [--top N]
                                  [--unlinked FILE]  # every unlinked speaker, its quote's method and sentence
                                  [--breakdown]  # unlinked speakers counted by what they are (word lists)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

# common first: importing it puts this checkout on sys.path
from common import SHARED
from whosaid.cues import PRONOUN_LOOKALIKES, QUANTIFIERS
from whosaid.gazetteer import COMPANY_NOUNS, DOCUMENT_NOUNS, ORG_NOUNS, PRESS_NOUNS, SPEAKING_GROUP_NOUNS
from whosaid.models import Quote
from whosaid.parse import load_model, model_label
from whosaid.quotes.train import parsed_docs
from whosaid.read import read_bytes
from whosaid.record import build_article
from whosaid.titles import PERSON_DESCRIPTIONS, TITLE_WORDS

DEFAULT_CORPUS = SHARED / "corpus" / "bbc"
PRONOUNS = frozenset("i me we us you he him she her it they them one this that these those who".split())
STOP_PREPOSITIONS = frozenset("of at for from in on with by under between to among about close familiar".split())

# What an unlinked speaker is, read from its words (``--breakdown``): rough word lists over the speaker
# phrase's words up to a preposition, its last word the head; first match wins, in this order.
PERCENT = re.compile(r"\d|percent|\bquarter\b|\bhalf\b|\bthird|out of")
POSSESSIVES = frozenset("his her its their my our your".split())
GROUP_WORDS = frozenset("some many most those all others few sources source several both".split()) | QUANTIFIERS
INSTITUTION_WORDS = frozenset(
    """government court ministry police executive administration department council commission parliament cabinet
    treasury army military opposition industry market regulator watchdog prosecution jury committee board commons
    office body authority""".split()
)
AGENT_ENDING = re.compile(r"(?:er|or|ist|ian|ant|ent|man|ee)$")  # nouns for who does something
INSTITUTION_NAMES = frozenset({"number 10", "no 10", "downing street"})
MEDIA_WORDS = DOCUMENT_NOUNS | frozenset(
    """film programme show website site paper newspaper magazine article documentary album song series track sale
    result index price rate speech evidence statistic record guide submission message memo note forecast projection
    estimate chart table page episode novel bestseller journal advert poster campaign comment investigation""".split()
)
KINDS = (
    "pronoun",
    "unnamed group",
    "several named people",
    "possessed role or group",
    "institution, no entity",
    "document or media",
    "role or kind, holder not named",
    "name the tagger missed",
    "phrase naming no speaker",
)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        return word[:-1]
    return word


def unlinked_kind(name: str) -> str:
    """One of ``KINDS`` for an unlinked speaker's name."""
    low = name.lower().strip()
    words: list[str] = []
    for word in re.findall(r"[\w'’.-]+", name):
        if word.lower() in STOP_PREPOSITIONS and words:
            break
        words.append(word)
    if low in PRONOUNS or not words:
        return "pronoun"
    first, last = words[0].lower(), words[-1].lower()
    head = _singular(last)
    if PERCENT.search(low):
        return "unnamed group"  # "14% of people", "Almost a quarter"
    if re.search(r"\band\b|,", name) and sum(w[:1].isupper() for w in name.split()) >= 3 and first != "the":
        return "several named people"
    if first in POSSESSIVES:
        return "possessed role or group"
    if low in INSTITUTION_NAMES or head in INSTITUTION_WORDS or last in INSTITUTION_WORDS:
        return "institution, no entity"
    if head in MEDIA_WORDS or last in MEDIA_WORDS:
        return "document or media"
    if first in GROUP_WORDS or last in GROUP_WORDS:
        return "unnamed group"
    people = SPEAKING_GROUP_NOUNS | TITLE_WORDS | PERSON_DESCRIPTIONS | ORG_NOUNS | COMPANY_NOUNS
    capital = words[-1][:1].isupper()
    agent = AGENT_ENDING.search(head) is not None and not capital  # "creditors", "gamers", "brewer", "clergyman"
    plural = head != last or last in ("people", "police", "staff", "women", "men")
    if plural and (head in people or agent or capital):
        return "unnamed group"  # "analysts", "Tories", "MPs", "Pakistanis"
    if capital and head in ORG_NOUNS:
        return "name the tagger missed"  # "Actors' Equity Association"
    if head in people or head in PRESS_NOUNS or agent:
        return "role or kind, holder not named"
    if words[-1][:1].isupper():
        return "name the tagger missed"
    return "phrase naming no speaker"


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
    parser.add_argument("--breakdown", action="store_true", help="count unlinked speakers by what they are")
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
    kinds: Counter[str] = Counter()
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
                kinds[unlinked_kind(speaker.name)] += 1
                if args.unlinked is not None:
                    rows.append(unlinked_row(article.text, path.stem, quote))
                if speaker.name.casefold() in PRONOUNS and speaker.name not in PRONOUN_LOOKALIKES:  # "US"
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
    if args.breakdown:
        print(f"unlinked speakers by what they are (word lists; share of all quotes), {sum(kinds.values())} in all:")
        for kind in KINDS:
            print(f"  {kind:<32} {kinds[kind]:>4}  {kinds[kind] / total:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
