"""The content tagger's drafts, on the learned path: an open-cue draft for each word the cue
detector proposes where the rules' grammar gives none, with the tagger's content
(``content_tagger.tagged_span``) and the rules' source.

A cue word (verb, noun or adjective) the detector proposes, with a source, but no clause or
object the rules follow ("is expected to ...", "Lopez's fear is that ...", a cue whose content
the parse hangs elsewhere) gets its content so; a passive cue without a source is left out, as
its missing agent names no one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.lookups import SpanSet
from whosaid.quotes.content_tagger import tagged_span
from whosaid.quotes.cue import source_of
from whosaid.quotes.drafts import Draft
from whosaid.quotes.method import Method
from whosaid.quotes.reported.speech_noun import noun_owner
from whosaid.quotes.reported.verbs import participle_source
from whosaid.quotes.sources import indirect_draft

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context
    from whosaid.quotes.learned import LinearModel
    from whosaid.quotes.parse_arrays import ParseArrays


def tagged_draft(ctx: Context, arrays: ParseArrays, cue: Token, model: LinearModel) -> Draft | None:
    """An open-cue draft for a proposed word the grammar gives no draft: the tagger's content and
    the rules' source (for a verb ``source_of``, else ``participle_source``; for a noun its owner,
    ``noun_owner``, "Maria Lopez's fear is that ..."; for an adjective the subject of its verb, "The
    senator seemed confident; ..."); None without either."""
    if cue.pos_ in ("VERB", "AUX"):
        source = source_of(cue) or participle_source(cue)
    elif cue.pos_ == "NOUN":
        source = noun_owner(cue, open_cue=True)
    elif cue.pos_ == "ADJ":
        source = source_of(cue.head)
    else:
        return None
    # No source the rules name: the source chooser may find one (``source_choice``), else it is dropped;
    # not for a passive, whose missing agent names no one ("is expected to ...", "was named ...").
    sourceless = not _passive(cue)
    if source is None and not sourceless:
        return None  # decided before the tagger's span, which costs more
    bounds = tagged_span(ctx, arrays, cue, model)
    if bounds is None:
        return None
    if source is not None:
        if bounds[0] <= source.idx < bounds[1]:
            return None
        draft = indirect_draft(ctx, source, [bounds], Method.OPEN_CUE, cue)
        if draft is not None:
            return draft
    if not sourceless:
        return None
    return Draft(kind="indirect", fragments=[bounds], method=Method.OPEN_CUE, cue=cue)


_PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass", "csubjpass"})


def _passive(cue: Token) -> bool:
    """Whether the cue is a passive verb: with a passive subject or auxiliary, or a past participle
    that describes a noun ("the plan proposed ...")."""
    return any(c.dep_ in _PASSIVE_DEPS for c in cue.children) or (cue.tag_ == "VBN" and cue.dep_ in ("acl", "amod"))


def tagged_drafts(
    ctx: Context, arrays: ParseArrays, taken: list[Draft], opened: list[Draft], words: list[Token], model: LinearModel
) -> list[Draft]:
    """The tagger's drafts for the proposed ``words`` that are no draft's cue (of the rules' drafts
    ``taken`` and the open-cue drafts ``opened``), where no draft of ``taken`` stands in their place."""
    cues = {d.cue.i for d in taken + opened if d.cue is not None}
    standing = SpanSet((d.start, d.end) for d in taken)
    found = []
    for token in words:
        if token.i in cues:
            continue
        draft = tagged_draft(ctx, arrays, token, model)
        if draft is not None and not standing.overlaps(draft.start, draft.end):
            found.append(draft)
    return found
