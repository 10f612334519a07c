"""Which quoted spans are somebody's words (direct quotes) rather than titles, terms or nicknames."""

from __future__ import annotations

from whosaid.quotemarks import QuotedSpan
from whosaid.quotes.frames import QUOTE_MARK_CHARS

_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for from with by".split())


def is_direct_material(text: str, span: QuotedSpan) -> bool:
    """Whether quoted words are somebody's speech rather than a title, term or nickname."""
    content = text[span.start : span.end].strip()
    words = content.split()
    if len(span.fragments) > 1:
        return True
    before = text[: span.start].rstrip(QUOTE_MARK_CHARS).rstrip(" \t")
    if before and before[-1] not in "\n:.!?" and content[:1].islower():
        # Embedded in a clause ('an "incredible opportunity."'): reported words, not a quote.
        return False
    if len(words) >= 8:
        return True
    if len(words) < 2:
        return False
    if before and before[-1] not in "\n:" and _title_case(words) and not content.endswith(("?", "!")):
        # A title ('gave viewers "Harbor Lights," a remake'), not a quote.
        return False
    if content[-1] in ".,?!…" or (not span.closed and len(words) >= 4):
        return True
    return not before or before[-1] in "\n:.!?"


def _title_case(words: list[str]) -> bool:
    if len(words) > 5:
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def direct_material(text: str, spans: list[QuotedSpan]) -> list[QuotedSpan]:
    """The spans that are direct quotes, with the lower-case second parts of interrupted ones."""
    chosen: list[QuotedSpan] = []
    for span in spans:
        if is_direct_material(text, span) or (chosen and _resumes(text, chosen[-1], span)):
            chosen.append(span)
    return chosen


def _resumes(text: str, previous: QuotedSpan, span: QuotedSpan) -> bool:
    """'"The voters are furious," Mr. Gidley said, "and they're not ..."': the second part
    opens in lower case after a comma, yet goes on the quote the attribution interrupted."""
    gap = text[previous.end : span.start]
    content = text[previous.start : previous.end].rstrip()
    return (
        content.endswith(",")
        and "\n" not in gap
        and len(gap) <= 80
        and gap.rstrip(QUOTE_MARK_CHARS + " ").endswith(",")
    )
