"""A "he" or "she" that no named person fits, taken up from an unnamed role noun before it.

News often quotes someone it names only by role: "A Labour Party spokesman told the BBC the
party avoided those lists. ... 'That is not marketing,' he said." The resolver (``whosaid.resolver``)
leaves such a "he" unresolved, as no named person fits it; ``role_antecedent`` finds the role noun
it takes up: the latest singular role noun or title (``whosaid.titles``) of its gender or of none
("spokesman", not "spokeswoman", for "he") that was the subject of a clause outside quotation
marks in the pronoun's sentence or the ``RECENT`` sentences before (sentences wholly inside
quotation marks not counted), going back through earlier unresolved pronouns of the same gender
("he said ... He added"), past a person named in what the role noun reports ("A spokeswoman said
Lord Woolf agreed ... she said"), not past another person named as a subject. ``whosaid.speakers`` then names
the speaker as it names that role noun ("a spokesman for the Home Office": the Home Office).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.animacy import SUBJECT_DEPS
from whosaid.cues import PRONOUN_REFERENTS
from whosaid.descriptions import RECENT
from whosaid.titles import TITLE_GENDERS, TITLE_WORDS, title_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from whosaid.quotemarks import Mask
    from whosaid.resolver import Resolution

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
        earliest = _window_start(doc, anchor, resolution, quoted)
        for token in reversed(doc[earliest : anchor.i]):
            if token.dep_ not in SUBJECT_DEPS or quoted[token.idx]:
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
                # a person named in between was subject: whose pronoun this is, is not known; unless the
                # role noun reports what that person did ("A spokeswoman said Lord Woolf agreed ...")
                return _reporter(token, wanted)
        else:
            return None
    return None


def _window_start(doc: Doc, anchor: Token, resolution: Resolution, quoted: Mask) -> int:
    """Where the ``RECENT`` sentences before ``anchor``'s begin, counting only sentences with words
    outside quotation marks (the parser cuts a quote into several: '"We ask ... ," he said. "So it
    is not covered." He added')."""
    article = resolution.article
    assert article is not None
    starts = article.sentence_starts
    sentence = article.sentence(anchor.i)
    counted = 0
    while sentence > 0 and counted < RECENT:
        sentence -= 1
        end = starts[sentence + 1] if sentence + 1 < len(starts) else len(doc)
        counted += any(not quoted[t.idx] and not t.is_punct and not t.is_space for t in doc[starts[sentence] : end])
    return starts[sentence]


def _reporter(token: Token, wanted: str) -> Token | None:
    """The role noun of ``wanted``'s gender that is the subject of a clause ``token``'s clause is
    part of ("A spokeswoman said [Lord Woolf agreed]"), or None."""
    for clause in token.ancestors:
        for child in clause.children:
            if child.dep_ in SUBJECT_DEPS and child.i < token.i and _role_noun(child, wanted):
                return child
    return None


def _role_noun(token: Token, wanted: str) -> bool:
    """Whether ``token`` is a singular role noun or title that a pronoun of gender ``wanted`` may
    take up ("spokesman" for "he", "spokesperson" and "minister" for either)."""
    if token.tag_ != "NN" or token.pos_ != "NOUN":
        return False
    word = title_key(token.text)
    return word in TITLE_WORDS and TITLE_GENDERS.get(word, wanted) == wanted
