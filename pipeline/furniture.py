"""Wire and archive furniture: the lines around a story that are not its text.

Datelines (``PARIS (AP) -``, ``LONDON, March 3 (Reuters) -``), bylines (``By Jane Doe``),
archive markers (``ABSTRACT``, ``FULL TEXT``, LexisNexis fields such as ``LENGTH: 734
words``) and credits (``(Reporting by ...; Editing by ...)``, ``Copyright 1998 The
Associated Press. All rights reserved.``). The patterns are data, kept here once; the read
stage marks what they match as layout and keeps it out of the parser's text.
"""

from __future__ import annotations

import re
from typing import Final, Literal

FurnitureKind = Literal["byline", "marker", "credit"]

AGENCIES: Final = (
    "AP",
    "Reuters",
    "AFP",
    "UPI",
    "Bloomberg",
    "dpa",
    "DPA",
    "Xinhua",
    "ANSA",
    "Kyodo",
    "EFE",
    "PA",
    "CNN",
    "TASS",
    "IANS",
    "PTI",
    "Yonhap",
    "Interfax",
    "AAP",
    "CP",
)
MONTHS: Final = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A place in capitals, optionally with a region in either case: "PARIS", "KUALA LUMPUR, Malaysia".
_PLACE = r"(?P<place>[A-Z][A-Z.'’-]*(?:\s[A-Z][A-Z.'’-]*){0,3}(?:,\s[A-Z][A-Za-z.'’-]*(?:\s[A-Z][A-Za-z.'’-]*){0,2})?)"
_DATE = rf"(?:,\s{MONTHS}\s\d{{1,2}}(?:,\s\d{{4}})?)?"
_AGENCY = r"\((?:" + "|".join(re.escape(agency) for agency in AGENCIES) + r")(?:[-/ ][A-Za-z-]+)?\)"
_DASH = r"\s?(?:--?|—|–|_)\s?"
# A wire dateline opens the first paragraph of the body; the place comes back as ``place``.
DATELINES: Final = (
    re.compile(rf"{_PLACE}{_DATE}\s{_AGENCY}{_DASH}"),  # PARIS (AP) - / LONDON, March 3 (Reuters) -
    re.compile(rf"(?=\S{{3}}){_PLACE}{_DATE}{_DASH}(?=[A-Z][a-z]|[“\"`‘'])"),  # WASHINGTON — The Senate ...
)
# Whole lines (after outer blanks are stripped), matched case-sensitively unless flagged.
_BYLINE_NAME = r"[A-Z][\w.'’-]*(?:\s(?:[A-Z][\w.'’-]*|de|van|von|der|la|le|di|da|bin|al-\w+))*"
FURNITURE_LINES: Final[tuple[tuple[FurnitureKind, re.Pattern[str]], ...]] = (
    (
        "byline",
        re.compile(rf"(?:By|BY)\s{_BYLINE_NAME}(?:\s(?:and|AND|&)\s{_BYLINE_NAME})*(?:\s?,\s?[A-Z][\w .'’&-]*)?"),
    ),
    ("marker", re.compile(r"(?:ABSTRACT|FULL TEXT|Full Text|Abstract|LEAD|BODY|HIGHLIGHT|TEXT|END OF DOCUMENT)\s*:?")),
    (
        "marker",
        re.compile(
            r"(?:LENGTH|SECTION|BYLINE|DATELINE|LOAD-DATE|LANGUAGE|PUBLICATION-TYPE|GRAPHIC|DOCUMENT-TYPE|"
            r"JOURNAL-CODE|Length|Section|Byline|Dateline|Load-Date|Language|Publication-Type|Document-Type|"
            r"Word count|Copyright|Publication|Document URL|ProQuest document ID)\s?:\s.*"
        ),
    ),
    (
        "credit",
        re.compile(
            r"\((?:(?:Additional\s)?[Rr]eporting|Writing|Editing|Compiled|Edited|Written)\sby\s[^()]*\)\.?"
            r"|(?:Additional\sreporting|Reporting|Editing)\sby\s[A-Z][^()]*",
        ),
    ),
    ("credit", re.compile(r"(?:Copyright|©|\(c\))\s(?:©\s)?\d{4}(?:-\d{4})?\b.{0,120}", re.I)),
    ("credit", re.compile(r"(?:Copyright|©|\(c\))\s.{0,120}?All rights reserved\.?", re.I)),
    ("credit", re.compile(r".{0,200}\scontributed(?:\sreporting)?\sto\sthis\s(?:report|story|article)\.")),
    ("credit", re.compile(r"[A-Z]{2,4}-[A-Z]{2,4}-\d\d-\d\d-\d\d\s\d{4}[A-Z]{3}")),  # AP-NY-03-03-98 1432EST
)
MAX_FURNITURE_CHARS: Final = 240


def furniture_kind(line: str) -> FurnitureKind | None:
    """What furniture the whole ``line`` (outer blanks stripped) is, or None when it is text."""
    if len(line) > MAX_FURNITURE_CHARS:
        return None
    for kind, pattern in FURNITURE_LINES:
        if pattern.fullmatch(line):
            return kind
    return None


def match_dateline(text: str, start: int, end: int) -> re.Match[str] | None:
    """A wire dateline opening ``text[start:end]``, whose ``place`` group names the place."""
    for pattern in DATELINES:
        match = pattern.match(text, start, end)
        if match is not None:
            return match
    return None
