"""Headlines and transcript lines that name who speaks before a colon, the words after it in no
quotation marks: "Clinton camp: Trump's plan threatens national security", "Poll: Sanders leads
in Iowa", "BENSON: We will debate when we choose". (Quoted words after a name and a colon are a
direct quote: ``sources.name_and_colon``.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy
from spacy.attrs import ORTH
from whosaid.cues import QUOTE_CHARS
from whosaid.quotes.method import Method
from whosaid.quotes.sources import indirect_draft
from whosaid.quotes.trim import trim_content

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context, Draft

NAME_WORDS = 5  # at most this many words open the line before the colon ("NY Daily News")
CONTENT_WORDS = 3  # at least this many words after it, on the same line
_NAME_POS = ("PROPN", "NOUN")
# Labels of a page's furniture, not sources: "Update: ...", "Editor's note: ...", "The Latest: ...".
LABELS = frozenset({"update", "correction", "clarification", "note", "latest", "watch", "related", "video", "photo"})


def colons(ctx: Context) -> list[Token]:
    """The colons outside quotation marks."""
    doc = ctx.doc
    if not len(doc):
        return []
    orth = doc.to_array([ORTH]).reshape(-1)
    found = numpy.flatnonzero(orth == doc.vocab.strings[":"]).tolist()
    return [doc[i] for i in found if not ctx.quoted_any[doc[i].idx]]


def from_headline(ctx: Context, colon: Token) -> Draft | None:
    """A line "Name: content": one to ``NAME_WORDS`` words open the line, the first capitalised,
    one of them a name or noun (the last such is the source); ``CONTENT_WORDS`` words or more follow
    the colon on its line, not opening with a quotation mark."""
    doc, text = ctx.doc, ctx.text
    line_start = ctx.line_start(colon.idx)
    line_end = text.find("\n", colon.idx)
    line_end = len(text) if line_end < 0 else line_end
    name: list[Token] = []
    i = colon.i - 1
    while i >= 0 and doc[i].idx >= line_start:
        if not doc[i].is_space:
            name.insert(0, doc[i])
            if len(name) > NAME_WORDS:
                return None
        i -= 1
    if not name or not name[0].text[:1].isupper() or any(ctx.quoted_any[t.idx] for t in name):
        return None
    source = next((t for t in reversed(name) if t.pos_ in _NAME_POS), None)
    content = []
    for k in range(colon.i + 1, len(doc)):
        if doc[k].idx >= line_end:
            break
        if not doc[k].is_space:
            content.append(doc[k])
    if source is None or source.lower_ in LABELS or not content or content[0].text[:1] in QUOTE_CHARS:
        return None
    if sum(t.is_alpha for t in content) < CONTENT_WORDS:
        return None
    bounds = trim_content(ctx, content[0], content[-1])
    if bounds is None:
        return None
    return indirect_draft(ctx, source, [bounds], Method.COLON, colon)
