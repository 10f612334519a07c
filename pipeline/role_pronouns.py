"""A "he" or "she" that no named person fits, taken up from an unnamed role noun before it.

News often quotes someone it names only by role: "A Labour Party spokesman told the BBC the
party avoided those lists. ... 'That is not marketing,' he said." The resolver (``whosaid.resolver``)
leaves such a "he" unresolved, as no named person fits it; ``role_antecedent`` finds the role noun
it takes up: the latest singular role noun or title (``whosaid.titles``) of its gender or of none
("spokesman", not "spokeswoman", for "he") that was the subject of a clause outside quotation
marks in the pronoun's sentence or the ``RECENT`` sentences before, going back through earlier
unresolved pronouns of the same gender ("he said ... He added"). ``whosaid.speakers`` then names
the speaker as it names that role noun ("a spokesman for the Home Office": the Home Office).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.cues import PRONOUN_REFERENTS
from whosaid.descriptions import RECENT
from whosaid.titles import TITLE_GENDERS, TITLE_WORDS, title_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from whosaid.quotemarks import Mask
    from whosaid.resolver import Resolution

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_GENDERED = frozenset({"male", "female"})
_LINKS = 5  # unresolved pronouns gone back through, at most


def role_antecedent(doc: Doc, pronoun: Token, resolution: Resolution, quoted: Mask) -> Token | None:
    """The role noun (its head token) that the unresolved subject pronoun ``pronoun`` ("he", "she")
    takes up, or None."""
    wanted = PRONOUN_REFERENTS.get(pronoun.lower_)
    article = resolution.article
    if wanted not in _GENDERED or article is None or pronoun.i in resolution.links:
        return None
    anchor = pronoun
    for _ in range(_LINKS):
        earliest = article.sentence_starts[max(0, article.sentence(anchor.i) - RECENT)]
        for token in reversed(doc[earliest : anchor.i]):
            if token.dep_ not in _SUBJECT_DEPS or quoted[token.idx]:
                continue
            if _role_noun(token, wanted):
                return token
            if PRONOUN_REFERENTS.get(token.lower_) == wanted:
                if token.i in resolution.links:
                    return None  # an earlier "he" named someone: which one this is, is not known
                anchor = token  # "he said ... He added": the role noun the earlier "he" took up
                break
            named = article.entity_at(token.i)
            if named is not None and named.kind == "person":
                return None  # a person named in between was subject
        else:
            return None
    return None


def _role_noun(token: Token, wanted: str) -> bool:
    """Whether ``token`` is a singular role noun or title that a pronoun of gender ``wanted`` may
    take up ("spokesman" for "he", "spokesperson" and "minister" for either)."""
    if token.tag_ != "NN" or token.pos_ != "NOUN":
        return False
    word = title_key(token.text)
    return word in TITLE_WORDS and TITLE_GENDERS.get(word, wanted) == wanted
