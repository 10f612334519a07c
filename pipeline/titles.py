"""Titles and role nouns, kept once: what is written with a name but is not the name.

``TITLES`` are honorifics, ranks, peerages and office titles written in front of a name
("Mr Blair", "Lord Ashcroft", "Sen. Warren", "President Macron", "Prime Minister Tony
Blair"): they are the person's title, never a person by themselves, and names are compared
without them. ``ROLE_NOUNS`` name a function ("the spokesman", "a company director"); with
the titles they tell what a speaker is. Both are lower case, without a closing dot.
"""

from __future__ import annotations

from whosaid.models import Gender

TITLES = frozenset(
    """
    mr mrs ms miss mx dr sir dame lord lady baroness baron viscount viscountess earl countess duke duchess
    prof professor rev reverend father fr sister brother rabbi imam cardinal archbishop bishop
    president vice prime deputy minister premier chancellor secretary senator sen rep representative
    gov governor lt-gov mayor judge justice gen general col colonel maj major capt captain lt lieutenant
    sgt sergeant cpl corporal adm admiral cmdr commander insp inspector supt superintendent det detective
    constable pc officer ambassador commissioner congressman congresswoman councillor cllr councilman
    councilwoman alderman assemblyman assemblywoman speaker king queen prince princess emperor empress
    pope sheikh sheik ayatollah mullah president-elect chairman chairwoman
    """.split()
)

# Forms of address written abbreviated ("Sen.", "Capt."), and all forms of address: they always stand
# before a name (a PERSON span ending in one lost its name).
_ABBREVIATED_HONORIFICS = frozenset(
    "mr mrs ms mx dr prof rev fr sen rep gov gen col maj capt lt sgt cpl adm cmdr insp supt det cllr".split()
)
HONORIFICS = _ABBREVIATED_HONORIFICS | frozenset(
    "miss sir dame lord lady baroness baron viscount viscountess earl countess duke duchess".split()
)

# Words after a name that are part of it ("Martin Luther King Jr").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

ROLE_NOUNS = frozenset(
    """
    spokesman spokeswoman spokesperson chair ceo chief director envoy candidate leader head founder
    owner boss manager executive analyst economist official treasurer co-chairman
    co-chair deputy aide adviser advisor lawyer attorney prosecutor coach striker
    """.split()
)

# Nouns that describe one person by what they do, play or have won ("the singer", "the two-time
# champion", "the Ealing North MP"): with the titles, what heads a description of a person that the
# article may use for the person it is about ("Helen Marsh said ... The foreign secretary warned MPs").
PERSON_DESCRIPTIONS = frozenset(
    """
    champion holder medallist medalist winner runner-up finalist seed international veteran star singer
    actor actress presenter host novelist author writer musician guitarist drummer rapper comedian
    film-maker filmmaker designer chef artist player athlete sprinter runner swimmer cyclist golfer boxer
    jockey midfielder defender goalkeeper keeper winger flanker fly-half scrum-half batsman bowler skipper
    mp pm dj peer politician frontbencher backbencher tycoon billionaire entrepreneur businessman businesswoman
    year-old
    """.split()
)

# What a speaker's role may be made of (the quotes stage and its benchmark drop these from names).
TITLE_WORDS = TITLES | ROLE_NOUNS

# The nouns that name one person by office, role or description ("the senator", "the singer").
PERSON_NOUNS = TITLE_WORDS | PERSON_DESCRIPTIONS

# What a person does, not how they are addressed ("Sir", "Lord", "Mr"): the offices that tell two
# people apart ("the chancellor" is not "Foreign Secretary Helen Marsh").
OFFICES = TITLE_WORDS - HONORIFICS

# Titles and role nouns that tell the grammatical gender of the person they are written with.
TITLE_GENDERS: dict[str, Gender] = {
    **dict.fromkeys(
        """mr sir lord baron viscount earl duke father fr brother king prince emperor congressman councilman
        assemblyman alderman spokesman chairman co-chairman businessman sportsman statesman""".split(),
        "male",
    ),
    **dict.fromkeys(
        """mrs ms miss dame lady baroness viscountess countess duchess sister queen princess empress
        congresswoman councilwoman assemblywoman spokeswoman chairwoman businesswoman sportswoman
        stateswoman mother""".split(),
        "female",
    ),
}


def title_key(word: str) -> str:
    """A word as looked up in the lists: lower case, without a closing dot ("Sen." -> "sen")."""
    return word.lower().rstrip(".")


def is_title(word: str) -> bool:
    return title_key(word) in TITLES


# Nouns for one person by what they do (with ``TITLE_WORDS``) that may head "its lawyer, Ann Lee".
ROLE_HEADS = frozenset({"author", "writer", "founder", "president", "partner", "representative", "agent"})

# Words that make a role one held before ("the former Labour leader", "a former Sun editor",
# "ex-Columbia executives"): its holder no longer speaks for the organisation named with it.
FORMER_WORDS = frozenset({"former", "ex", "onetime", "erstwhile"})


def titles_before(text: str, start: int, words: int) -> set[str]:
    """The title words (``title_key``) written right before ``start`` ("Foreign Secretary Ann
    Lee"), reading back at most ``words`` words and stopping at the first that is no title ("the
    secretary said that Lee" gives none), nor past the end of a sentence ("issued by the home
    secretary. Mr Blair said": a word with a full stop that is no abbreviation, "Sen.")."""
    found: set[str] = set()
    for word in reversed(text[max(0, start - 40) : start].split()[-words:]):
        key = title_key(word)
        if key not in TITLE_WORDS or (word.endswith(".") and (word[:1].islower() or key not in ABBREVIATED_TITLES)):
            break
        found.add(key)
    return found


# The titles written abbreviated, whose full stop ends no sentence ("Sen. Ann Lee", "Capt. Hill"); any
# other title with a full stop ends one ("He met the Mayor. Ken Livingstone said ...").
ABBREVIATED_TITLES = _ABBREVIATED_HONORIFICS | {"lt-gov"}
