"""An unnamed spokesman who speaks for the organisation the story is about at that point.

News often names an organisation as the subject of one sentence and quotes its spokesman in the
next without saying whose he is: "Acme Foods has recalled 3,000 jars of jam. A spokeswoman said
the jars were safe." ``voice_of`` gives such a spokesman ("a spokesman", "a spokeswoman", "a
spokesperson": ``VOICE_NOUNS``, with no words of their own that say whose) the organisation that
was the latest subject of a clause outside quotation marks in the sentence before the spokesman's
(an "it" or "they" counts as whom the resolver takes it for, "the agency" as the organisation it
stands for; the spokesman's own sentence may be
what he says: "Prices will fall, as it has cut costs, a spokesman said"); none when that latest subject
is a person (whose spokesman may be speaking: "Tom Hill has resigned. A spokesman said ..."), or
when no organisation was a subject there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.animacy import SUBJECT_DEPS
from whosaid.descriptions import role_referent
from whosaid.gazetteer import ORG_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.models import Entity
    from whosaid.quotemarks import Mask
    from whosaid.resolver import Resolution

VOICE_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
BACK = 1  # sentences before the spokesman's in which the organisation may have been the subject


def voice_of(resolution: Resolution, head: Token, quoted: Mask) -> Entity | None:
    """The organisation an unnamed spokesman headed by ``head`` speaks for (see the module's
    docstring), or None."""
    article = resolution.article
    if article is None or head.lower_ not in VOICE_NOUNS or head.tag_ != "NN":
        return None
    if [t.lower_ for t in head.children] not in (["a"], ["an"]):
        return None  # "a Home Office spokesman", "a spokesman for Acme": its own words say whose
    doc = head.doc
    sentence = article.sentence(head.i)
    if sentence == 0:
        return None
    earliest, own = article.sentence_starts[max(0, sentence - BACK)], article.sentence_starts[sentence]
    by_id = {c.entity.id: c.entity for c in article.named}
    for token in reversed(doc[earliest:own]):  # not in its own sentence, which may be what it says
        if token.dep_ not in SUBJECT_DEPS or quoted[token.idx]:
            continue
        named = article.entity_at(token.i)
        if named is None and token.i in resolution.links:
            named = by_id.get(resolution.links[token.i])
        if named is None and token.lower_ in ORG_NOUNS:  # "The agency shut down its accounts": the FBI
            named = role_referent(resolution, token, {})
        if named is None:
            continue
        return named if named.kind == "organization" else None
    return None
