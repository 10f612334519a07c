"""Which entities a pronoun or a description may take up, before salience chooses among them.

- Agreement (``agrees``): he/she only a person of that gender or of none known; it/its an
  organisation; they/them an organisation; "the Russian" a person; "the bank" an organisation
  with "bank" in its name, "the party" one of the parties (``gazetteer.PARTIES``); "the
  newspaper" an organisation titled like one (Times, Telegraph).
- Number (``common_plural``): he/she never a "person" only ever written as one plural common
  noun ("Pools erupted", the model's person).
- Unnamed groups (``group_heads``): a plural noun that heads no name ("analysts", "the
  Palestinians") or nouns joined by "and" ("Bernoulli and Euler"), which a plural pronoun may
  take up instead of an organisation, and then stays unresolved.
- Binding (``bound_by``): a subject pronoun is never a name its own clause goes on to ("He
  described Montalvo"), except in an aside (a relative clause, an apposition, brackets) and, for
  an organisation's "it" or "they", in what it is reported to say (``whosaid.resolver``).
- Articles (``always_definite``): a name always written after "the" ("the Church") is no
  person's name, whatever pronouns follow it; a description written after a definite
  determiner (``definite``: "the lawyer", "this company") stands for one the reader knows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.gazetteer import MASTHEAD_WORDS, party_key

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token
    from whosaid.models import Entity, Gender
    from whosaid.quotemarks import Mask

GROUP_TAGS = frozenset({"NNS", "NNPS"})
GROUP_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "pobj"})
# Determiners that make a noun phrase definite: "the spokesman", "this company", "that report".
DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
# Dependencies that set words aside from their clause, out of a subject pronoun's reach.
ASIDE_DEPS = frozenset({"relcl", "appos", "parataxis", "dep", "meta", "npadvmod", "acl"})


def agrees(entity: Entity, wanted: str, genders: dict[str, Gender]) -> bool:
    """Whether ``entity`` can be what a pronoun or description of kind ``wanted`` refers to."""
    if wanted in ("male", "female"):
        return entity.kind == "person" and genders.get(entity.id, wanted) == wanted
    if wanted == "thing":
        return entity.kind == "organization"
    if wanted == "person":  # "the Russian": a person of either gender
        return entity.kind == "person"
    if wanted == "press":  # "the newspaper": an organisation titled like one
        return entity.kind == "organization" and not MASTHEAD_WORDS.isdisjoint(entity.name.casefold().split())
    if wanted == "org:party":  # "the party": a party by its name ("the Liberal Democrats", "Labour")
        return entity.kind == "organization" and (
            "party" in entity.name.casefold().split() or any(party_key(m.text) is not None for m in entity.mentions)
        )
    if wanted.startswith("org:"):  # "the bank": an organisation with "bank" in its name
        return entity.kind == "organization" and wanted[4:] in entity.name.casefold().split()
    return entity.kind == "organization"  # plural: organisations ("Labour ... they")


def always_definite(text: str, entity: Entity) -> bool:
    """Whether every mention of ``entity`` is written after "the" ("the Church"): a person's name
    takes no article, so no pronoun makes such a name a person."""
    return all(text[max(0, m.start - 4) : m.start].lower() == "the " for m in entity.mentions)


def definite(head: Token) -> bool:
    """Whether the noun ``head`` is written after a definite determiner ("the lawyer", "this company")."""
    return any(t.lower_ in DEFINITE_DETERMINERS and t.dep_ == "det" for t in head.lefts)


def common_plural(head: Token) -> bool:
    """Whether a name's head is a plural common noun standing alone ("Pools"; not "Laura Brownlees",
    whose surname the tagger may read as a plural)."""
    return head.tag_ == "NNS" and not any(c.dep_ in ("compound", "flat") for c in head.children)


def bound_by(token: Token, verb: Token) -> bool:
    """Whether ``token`` hangs on ``verb`` other than through an aside (a relative clause, an
    apposition, brackets: "he set out his method (Keller 1971)", "he met Ruiz, who had told
    Adams ..." may be Keller and Adams)."""
    while token.i != verb.i:
        if token.dep_ in ASIDE_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return True


def group_heads(doc: Doc, named: Sequence[int], quoted: Mask) -> list[int]:
    """Token indices of the unnamed groups of ``doc`` outside quotation marks, read from its arrays:
    plural nouns that are not the head of a name (``named``) and nouns with a noun joined to them
    by "and", as subject, object or after a preposition."""
    import numpy
    from spacy.attrs import DEP, HEAD, POS, TAG

    strings = doc.vocab.strings
    columns = doc.to_array([DEP, TAG, POS, HEAD])  # hashes: compared as uint64
    deps, tags, pos = columns[:, 0], columns[:, 1], columns[:, 2]
    heads = numpy.arange(len(doc)) + columns[:, 3].astype("int64")  # relative, signed
    nouns = numpy.isin(pos, [strings.add(p) for p in ("NOUN", "PROPN")])
    joined = numpy.zeros(len(doc), dtype=bool)
    joined[heads[(deps == strings.add("conj")) & nouns]] = True
    plural = numpy.isin(tags, [strings.add(t) for t in GROUP_TAGS])
    plural[list(named)] = False  # a plural name ("the Rangers") is an entity, not a group
    wanted = numpy.isin(deps, [strings.add(d) for d in GROUP_DEPS]) & (joined | plural)
    return [i for i in numpy.flatnonzero(wanted).tolist() if not quoted[doc[i].idx]]
