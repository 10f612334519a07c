"""Who speaks: the token that names a quote's source, found from a cue, a colon, a signature
or the sentence before, and turned into a ``Speaker`` by ``whosaid.speakers``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.cues import SPEECH_NOUNS, cue_lemma
from whosaid.models import Mention, Speaker
from whosaid.quotes.cue import SUBJECT_DEPS, is_cue, source_of, subject_of
from whosaid.quotes.drafts import Draft
from whosaid.speakers import SpeakerRule, speaker_from_span, speaker_from_token

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotemarks import QuotedSpan
    from whosaid.quotes.drafts import Context
    from whosaid.quotes.method import Method


def resolve(ctx: Context, token: Token | None) -> tuple[Speaker | None, bool]:
    """The speaker a token names, and whether it was a pronoun resolved to a person."""
    if token is None:
        return None, False
    known = ctx.speakers.get(token.i)
    if known is not None:
        return known
    found = speaker_from_token(ctx.doc, token, ctx.index)
    # Only a pronoun the resolver took to an entity: not one left as written, nor "they" named by
    # the unnamed group it stands for (the record's "+pronoun" says "resolved by the resolver").
    result = (None, False) if found is None else (found[0], found[1] is SpeakerRule.PRONOUN)
    ctx.speakers[token.i] = result
    return result


def indirect_draft(
    ctx: Context, source: Token, fragments: list[tuple[int, int]], method: Method, cue: Token
) -> Draft | None:
    """A reported-speech draft, when its source names a speaker."""
    speaker, pronoun = resolve(ctx, source)
    if speaker is None:
        return None
    return Draft(kind="indirect", fragments=fragments, method=method, cue=cue, speaker=speaker, pronoun=pronoun)


def speaker_near_cue(ctx: Context, cue: Token, frame: list[Token]) -> Token | None:
    subject = subject_of(cue)
    if subject is not None and subject in frame:
        return subject
    # Misparsed frames ("... ," Zhirnov said): a name or pronoun right next to the cue.
    for token in sorted(frame, key=lambda t: abs(t.i - cue.i)):
        if token.i == cue.i or (token.head.i == cue.i and token.dep_ == "dobj" and token.lower_ == "it"):  # "put it"
            continue
        if abs(token.i - cue.i) <= 3 and (token.pos_ in ("PROPN", "PRON") or token.ent_type_):
            return token
    # '"...," Vermont baker Dale Pruitt, wearing a prize ribbon, said': the first name in the frame.
    named = [t for t in frame if t.i < cue.i and t.ent_type_ in ("PERSON", "ORG") and not ctx.quoted_any[t.idx]]
    if named:
        return named[0]
    return subject if subject is not None and not ctx.in_quote(subject) else None


def signature_speaker(ctx: Context, start: int, end: int) -> Speaker | None:
    """The person or organisation named in a signature, else its first words as written."""
    words = ctx.doc.char_span(start, end, alignment_mode="expand")
    if words is not None:
        found = speaker_from_span(ctx.doc, words, ctx.index)
        kinds = {entity.id: entity.kind for entity in ctx.index.entities}
        if found is not None and kinds.get(found[0].entity_id or "") in ("person", "organization"):
            return found[0]
    name = ctx.text[start:end].split(",")[0].strip(" .;:\t")
    if not name or not name[0].isupper():
        return None
    first = start + ctx.text[start:end].index(name)
    return Speaker(name=name, mention=Mention(start=first, end=first + len(name), text=name))


def according_source(according: Token) -> Token | None:
    """X in "according to X"."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def colon_source(frame: list[Token]) -> Token | None:
    """Who introduces a quote with a colon and no cue verb: the subject of the clause
    ("she offered up this line: ..."), or the owner of a speech noun ("From Calder's
    campaign letter: ...")."""
    for token in frame:
        if token.dep_ == "ROOT" and token.pos_ in ("VERB", "AUX"):
            source = source_of(token)
            if source is not None:
                return source
    owners = [t for t in frame if t.dep_ == "poss" and cue_lemma(t.head) in SPEECH_NOUNS]
    return owners[0] if owners else None


_NAME_REACH = 60  # at most this many characters from a line's start to the colon after a name


def name_and_colon(ctx: Context, span: QuotedSpan) -> Token | None:
    """Transcripts and headlines: "Rep. Alan Mercer (D-Ore.): "I have never seen ..."",
    "Ruth Calder: Farmers 'Deserve Better Roads'": a name opens the line."""
    line_start = ctx.line_start(span.start)
    colon = ctx.text.find(":", line_start, min(span.start, line_start + _NAME_REACH + 1))
    first = ctx.token_at(line_start)
    if colon < 0 or first is None:
        return None
    names = [
        t
        for t in ctx.doc[first.i : first.i + 12]
        if t.idx < colon and t.ent_type_ in ("PERSON", "ORG") and not ctx.quoted_any[t.idx]
    ]
    return names[-1] if names else None


def cue_sentence_before(ctx: Context, span: QuotedSpan) -> Token | None:
    """ "Lakeside College's Ann Kerr agreed. "The smaller parties are ...":
    the sentence just before the quote, in its paragraph and without a quote of its own, is an
    attribution; its source goes on speaking."""
    mark = ctx.token_at(span.start - 1)
    if mark is None or mark.sent.start == 0 or mark.i != mark.sent.start:
        return None
    before = ctx.doc[mark.sent.start - 1].sent
    if "\n" in ctx.text[before.start_char : mark.idx] or any(ctx.in_quote(t) for t in before):
        return None
    for token in before:
        if is_cue(token) and token.dep_ == "ROOT":
            subject = subject_of(token)
            if subject is not None and not ctx.quoted_any[subject.idx]:
                return token
    return None


def previous_sentence_person(ctx: Context, span: QuotedSpan) -> Token | None:
    """The person (or he, she) the sentence before the quote is about."""
    mark = ctx.token_at(span.start - 1)
    if mark is None:
        return None
    sentence = mark.sent
    if sentence.start == 0:
        return None
    previous = ctx.doc[sentence.start - 1].sent
    for token in previous:
        if (
            token.dep_ in SUBJECT_DEPS
            and not ctx.in_quote(token)
            and (token.ent_type_ == "PERSON" or token.lower_ in ("he", "she"))
        ):
            return token
    return None
