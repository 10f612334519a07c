"""Stage 4, quotes: direct, mixed and indirect quotes, each attributed to a speaker.

A quote is one attribution, as in the PARC and PolNeAR corpora: content, source (the
speaker) and cue. Direct quotes come from quotation marks (``quotemarks``) and are
attributed from the words around them; indirect and mixed quotes come from the
dependency parse: a reporting verb with a clausal complement, "according to X",
a speech noun ("Biden's address about ..."), or an evaluative verb whose object
holds quoted words. Each quote records the rule that produced it (``method``):

- ``cue-after`` / ``cue-before``: a cue verb beside the quote in its sentence (also "put it",
  "went on", "shot back");
- ``colon``: the paragraph before ends with a cue and a colon, or a colon follows a clause or
  a name without one ("she offered up this sound bite: ...", "Rep. Gowdy: ...");
- ``dash``: a dash and a name after the quote;
- ``previous-sentence``: no cue; the sentence just before is an attribution ("Bystrom agreed.")
  or is about a person;
- ``follow-on``: no cue; the speaker of the previous quote in or just before its paragraph;
- ``unattributed``: no speaker found;
- ``ccomp``: a reporting verb and its clause ("Kabulov hinted Russia might ...");
- ``parenthetical``: "The economy, Warren said, is in trouble" (content in two fragments);
- ``object``: a verb whose object is the content ("criticized Clinton for ...");
- ``stance``: a position, aim or piece of evidence rather than words ("backing Assad",
  "a poll shows Clinton ahead", "wary of a long primary"), lower confidence;
- ``preposition``: "talked about how ...", "warned of ...";
- ``according-to``, ``speech-noun``: as named above.
Reported content nested in other reported content ("said she believed that ...") is part of
the outer quote, not a quote of its own. In the passive, the source is the agent ("criticized
by his rivals"); a passive without one yields no quote.
A suffix ``+pronoun`` says the speaker was named by a pronoun and resolved. The second part
of "A," he said. "B." joins the first: one quote in two fragments, with its method.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whosaid.cues import (
    ADJECTIVE_PREPOSITIONS,
    CONTENT_PREPOSITIONS,
    DASHES,
    INFINITIVE_CUE_VERBS,
    OBJECT_CONTENT_VERBS,
    OBJECT_CUE_VERBS,
    ON_CUE_VERBS,
    PREPOSITION_CUE_VERBS,
    QUOTE_CHARS,
    REPORTED_CUE_VERBS,
    SPEECH_NOUN_PREPS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STANCE_ADJECTIVES,
    STANCE_VERBS,
    WEAK_CUE_VERBS,
    cue_lemma,
)
from whosaid.models import Entity, Mention, Quote, Range, Section, Speaker
from whosaid.quotemarks import QuotedSpan, find_quoted_spans, quoted_mask
from whosaid.speakers import EntityIndex, article_genders, article_roles, speaker_from_span, speaker_from_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

QUOTE_MARK_CHARS = "".join(sorted(QUOTE_CHARS)) + "`"
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_SENTENCE_END = frozenset({".", "!", "?"})
_MAX_FRAME_TOKENS = 40
# The words right of an evaluative verb that carry what was said.
_COMPLEMENT_DEPS = frozenset({"dobj", "prep", "oprd", "attr", "xcomp", "ccomp", "acomp", "dative", "advcl"})

CONFIDENCE = {
    "cue-after": 0.95,
    "cue-before": 0.9,
    "colon": 0.85,
    "dash": 0.85,
    "follow-on": 0.7,
    "previous-sentence": 0.55,
    "unattributed": 0.3,
    "ccomp": 0.75,
    "according-to": 0.8,
    "speech-noun": 0.6,
    "object": 0.7,
    "parenthetical": 0.75,
    "preposition": 0.55,
    "stance": 0.5,
}


@dataclass
class _Draft:
    kind: str
    fragments: list[tuple[int, int]]
    method: str
    cue: Token | None = None
    speaker: Speaker | None = None
    speaker_rule: str = ""
    closed: bool = True
    quoted: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


@dataclass
class _Context:
    doc: Doc
    text: str  # doc.text, kept: spaCy rebuilds it from the tokens on every access
    index: EntityIndex
    mask: list[bool]  # inside a direct quote (content or marks)
    quoted_any: list[bool]  # inside any quotation marks, inline ones included
    char_token: list[int]

    def token_at(self, offset: int) -> Token | None:
        if 0 <= offset < len(self.char_token) and self.char_token[offset] >= 0:
            return self.doc[self.char_token[offset]]
        return None

    def in_quote(self, token: Token) -> bool:
        return self.mask[token.idx]


def _char_token_map(doc: Doc) -> list[int]:
    mapping = [-1] * (doc[-1].idx + len(doc[-1]) if len(doc) else 0)
    for token in doc:
        for k in range(token.idx, token.idx + len(token)):
            mapping[k] = token.i
    return mapping


# ---------------------------------------------------------------------------------------
# Direct quotes
# ---------------------------------------------------------------------------------------


def _is_direct_material(text: str, span: QuotedSpan) -> bool:
    """Whether quoted words are somebody's speech rather than a title, term or nickname."""
    content = text[span.start : span.end].strip()
    words = content.split()
    if len(span.fragments) > 1:
        return True
    before = text[: span.start].rstrip(QUOTE_MARK_CHARS).rstrip(" \t")
    if before and before[-1] not in "\n:.!?" and content[:1].islower():
        # Embedded in a clause ('an "incredible opportunity."'): reported words, not a quote.
        return False
    if len(words) >= 8:
        return True
    if len(words) < 2:
        return False
    if before and before[-1] not in "\n:" and _title_case(words) and not content.endswith(("?", "!")):
        # A title ('brought the world "Fuller House," a sequel'), not a quote.
        return False
    if content[-1] in ".,?!…" or (not span.closed and len(words) >= 4):
        return True
    return not before or before[-1] in "\n:.!?"


_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for from with by".split())


def _title_case(words: list[str]) -> bool:
    if len(words) > 5:
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def _direct_material(text: str, spans: list[QuotedSpan]) -> list[QuotedSpan]:
    chosen: list[QuotedSpan] = []
    for span in spans:
        if _is_direct_material(text, span) or (chosen and _resumes(text, chosen[-1], span)):
            chosen.append(span)
    return chosen


def _resumes(text: str, previous: QuotedSpan, span: QuotedSpan) -> bool:
    """'"The voters are furious," Mr. Gidley said, "and they're not ..."': the second part
    opens in lower case after a comma, yet goes on the quote the attribution interrupted."""
    gap = text[previous.end : span.start]
    content = text[previous.start : previous.end].rstrip()
    return (
        content.endswith(",")
        and "\n" not in gap
        and len(gap) <= 80
        and gap.rstrip(QUOTE_MARK_CHARS + " ").endswith(",")
    )


def _frame_after(ctx: _Context, span: QuotedSpan) -> list[Token]:
    """Tokens after the closing mark up to the end of the sentence or paragraph."""
    text = ctx.text
    offset = span.end
    while offset < len(text) and (text[offset] in " \t" or text[offset] in QUOTE_MARK_CHARS):
        offset += 1
    first = ctx.token_at(offset)
    if first is None:
        return []
    frame: list[Token] = []
    for token in ctx.doc[first.i : first.i + _MAX_FRAME_TOKENS]:
        if "\n" in token.text or ctx.in_quote(token):
            break
        frame.append(token)
        if token.text in _SENTENCE_END or "\n" in token.whitespace_:
            break
    return frame


def _dash_line(ctx: _Context, span: QuotedSpan, after: list[Token]) -> tuple[int, int] | None:
    """Where the signature after a dash is, on the quote's line or alone on the next one:
    '"..." - Commissioner Geoffrey Starks', '"..."\n\n-Michelle Marks, Philadelphia.'."""
    text = ctx.text
    if after:
        if after[0].text not in DASHES or len(after) < 2:
            return None
        return after[1].idx, after[-1].idx + len(after[-1])
    offset = span.end
    while offset < len(text) and text[offset] in QUOTE_MARK_CHARS + " \t":
        offset += 1
    if offset >= len(text) or text[offset] not in "\r\n":
        return None
    while offset < len(text) and text[offset].isspace():
        offset += 1
    if offset >= len(text) or text[offset] not in DASHES:
        return None
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    return (offset + 1, end) if end - offset <= 100 else None


def _signature_speaker(ctx: _Context, start: int, end: int) -> Speaker | None:
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


def _frame_before(ctx: _Context, span: QuotedSpan) -> list[Token]:
    """Tokens from the start of the sentence up to the opening mark."""
    mark = ctx.token_at(span.start - 1)
    if mark is None or mark.i == 0:
        return []
    frame: list[Token] = []
    for token in reversed(ctx.doc[max(0, mark.i - _MAX_FRAME_TOKENS) : mark.i]):
        if "\n" in token.text or "\n" in token.whitespace_ or ctx.in_quote(token) or token.text in _SENTENCE_END:
            break
        frame.append(token)
    frame.reverse()
    return frame


def _is_cue(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = cue_lemma(token)
    if lemma in SPEECH_VERBS:
        return True
    # "as Tom Ridge put it: ...", "She went on: ...", "Trump shot back."
    if lemma == "put":
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "advmod")}
    return (lemma == "go" and "on" in particles) or (lemma in ("shoot", "fire", "hit") and "back" in particles)


def _cue_in(frame: list[Token], nearest_last: bool) -> Token | None:
    cues = [t for t in frame if _is_cue(t)]
    if not cues:
        return None
    return cues[-1] if nearest_last else cues[0]


def _subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, following conjunctions and auxiliary chains up."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i:
            current = current.head
        else:
            return None
    return None


def _speaker_near_cue(ctx: _Context, cue: Token, frame: list[Token]) -> Token | None:
    subject = _subject_of(cue)
    if subject is not None and subject in frame:
        return subject
    # Misparsed frames ("... ," Zhirnov said): a name or pronoun right next to the cue.
    for token in sorted(frame, key=lambda t: abs(t.i - cue.i)):
        if token.i == cue.i or (token.head.i == cue.i and token.dep_ == "dobj" and token.lower_ == "it"):  # "put it"
            continue
        if abs(token.i - cue.i) <= 3 and (token.pos_ in ("PROPN", "PRON") or token.ent_type_):
            return token
    # '"...," Texas delegate Bill Eastland, wearing a cowboy hat, said': the first name in the frame.
    named = [t for t in frame if t.i < cue.i and t.ent_type_ in ("PERSON", "ORG") and not ctx.quoted_any[t.idx]]
    if named:
        return named[0]
    return subject if subject is not None and not ctx.in_quote(subject) else None


def _resolve(ctx: _Context, token: Token | None) -> tuple[Speaker | None, str]:
    if token is None:
        return None, ""
    found = speaker_from_token(ctx.doc, token, ctx.index)
    if found is None:
        return None, ""
    speaker, rule = found
    return speaker, "+pronoun" if rule.startswith("pronoun") else ""


def _attribute_direct(ctx: _Context, span: QuotedSpan, previous: _Draft | None) -> _Draft:
    draft = _Draft(kind="direct", fragments=list(span.fragments), method="unattributed", closed=span.closed)
    after = _frame_after(ctx, span)
    signature = _dash_line(ctx, span, after)
    if signature is not None:
        draft.speaker = _signature_speaker(ctx, *signature)
        if draft.speaker is not None:
            draft.method = "dash"
            return draft
    cue = _cue_in(after, nearest_last=False)
    method = "cue-after"
    frame = after
    if cue is None:
        frame = _frame_before(ctx, span)
        cue = _cue_in(frame, nearest_last=True)
        method = "cue-before"
    if cue is None:
        frame = _colon_frame(ctx, span)
        cue = _cue_in(frame, nearest_last=True)
        method = "colon"
    if cue is not None:
        draft.cue = cue
        draft.method = method
        draft.speaker, draft.speaker_rule = _resolve(ctx, _speaker_near_cue(ctx, cue, frame))
        return draft
    for according in (t for t in after + _frame_before(ctx, span) if t.lower_ == "according"):
        draft.speaker, draft.speaker_rule = _resolve(ctx, _according_source(according))
        if draft.speaker is not None:
            draft.cue, draft.method = according, "according-to"
            return draft
    source = _colon_source(frame) or _name_and_colon(ctx, span)
    if source is not None:
        draft.speaker, draft.speaker_rule = _resolve(ctx, source)
        if draft.speaker is not None:
            draft.method = "colon"
            return draft
    cue = _cue_sentence_before(ctx, span)
    if cue is not None:
        draft.speaker, draft.speaker_rule = _resolve(ctx, _subject_of(cue))
        if draft.speaker is not None:
            draft.cue, draft.method = cue, "previous-sentence"
            return draft
    if (
        previous is not None
        and previous.speaker is not None
        and _same_or_next_paragraph(ctx.text, previous.end, span.start)
    ):
        draft.speaker, draft.method = previous.speaker, "follow-on"
        return draft
    subject = _previous_sentence_person(ctx, span)
    if subject is not None:
        draft.speaker, draft.speaker_rule = _resolve(ctx, subject)
        if draft.speaker is not None:
            draft.method = "previous-sentence"
    return draft


def _colon_frame(ctx: _Context, span: QuotedSpan) -> list[Token]:
    """The sentence before the quote when it ends with a colon ("The Times reports:")."""
    mark = ctx.token_at(span.start - 1)
    if mark is None or mark.i == 0:
        return []
    last = ctx.doc[mark.i - 1]
    while last.i > 0 and last.is_space:
        last = ctx.doc[last.i - 1]
    if last.text != ":":
        return []
    frame = []
    for token in reversed(ctx.doc[max(0, last.i - _MAX_FRAME_TOKENS) : last.i]):
        if token.text in _SENTENCE_END or ctx.in_quote(token) or "\n" in token.whitespace_ or "\n" in token.text:
            break
        frame.append(token)
    frame.reverse()
    return frame


def _colon_source(frame: list[Token]) -> Token | None:
    """Who introduces a quote with a colon and no cue verb: the subject of the clause
    ("she offered up this sound bite: ..."), or the owner of a speech noun ("From Bush's
    Facebook post: ...")."""
    for token in frame:
        if token.dep_ == "ROOT" and token.pos_ in ("VERB", "AUX"):
            source = _source_of(token)
            if source is not None:
                return source
    owners = [t for t in frame if t.dep_ == "poss" and cue_lemma(t.head) in SPEECH_NOUNS]
    return owners[0] if owners else None


def _name_and_colon(ctx: _Context, span: QuotedSpan) -> Token | None:
    """Transcripts and headlines: "Rep. Trey Gowdy (R-S.C.): "I have not heard ..."",
    "Bill Clinton: Hillary 'Better Qualified to Be President'": a name opens the line."""
    line_start = ctx.text.rfind("\n", 0, span.start) + 1
    colon = ctx.text.find(":", line_start, span.start)
    first = ctx.token_at(line_start)
    if colon < 0 or first is None or colon - line_start > 60:
        return None
    names = [
        t
        for t in ctx.doc[first.i : first.i + 12]
        if t.idx < colon and t.ent_type_ in ("PERSON", "ORG") and not ctx.quoted_any[t.idx]
    ]
    return names[-1] if names else None


def _same_or_next_paragraph(text: str, previous_end: int, start: int) -> bool:
    between = text[previous_end:start].strip()
    # At most one paragraph break, and nothing long in between.
    return len([run for run in between.split("\n") if run.strip()]) <= 2 and len(between) < 600


def _cue_sentence_before(ctx: _Context, span: QuotedSpan) -> Token | None:
    """ "Iowa State University's Dianne Bystrom agreed. "Mainstream Republicans are ...":
    the sentence just before the quote, in its paragraph and without a quote of its own, is an
    attribution; its source goes on speaking."""
    mark = ctx.token_at(span.start - 1)
    if mark is None or mark.sent.start == 0 or mark.i != mark.sent.start:
        return None
    before = ctx.doc[mark.sent.start - 1].sent
    if "\n" in ctx.text[before.start_char : mark.idx] or any(ctx.in_quote(t) for t in before):
        return None
    for token in before:
        if _is_cue(token) and token.dep_ == "ROOT":
            subject = _subject_of(token)
            if subject is not None and not ctx.quoted_any[subject.idx]:
                return token
    return None


def _previous_sentence_person(ctx: _Context, span: QuotedSpan) -> Token | None:
    mark = ctx.token_at(span.start - 1)
    if mark is None:
        return None
    sentence = mark.sent
    if sentence.start == 0:
        return None
    previous = ctx.doc[sentence.start - 1].sent
    for token in previous:
        if (
            token.dep_ in _SUBJECT_DEPS
            and not ctx.in_quote(token)
            and (token.ent_type_ == "PERSON" or token.lower_ in ("he", "she"))
        ):
            return token
    return None


def _direct_quotes(ctx: _Context, spans: list[QuotedSpan]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for span in spans:
        previous = drafts[-1] if drafts else None
        draft = _attribute_direct(ctx, span, previous)
        if (
            previous is not None
            and (draft.cue is None or draft.cue == previous.cue)
            and previous.cue is not None
            and previous.method == "cue-after"
            and len(previous.fragments) == 1
            and _interrupts(ctx, previous, span)
        ):
            # "A," he said. "B.": the same quote goes on after the attribution.
            previous.fragments.extend(span.fragments)
            previous.closed = previous.closed and span.closed
            continue
        if draft.method == "follow-on" and previous is not None and draft.speaker is previous.speaker:
            draft.speaker_rule = previous.speaker_rule
        drafts.append(draft)
    return drafts


def _interrupts(ctx: _Context, previous: _Draft, span: QuotedSpan) -> bool:
    text = ctx.text
    if previous.cue is None:
        return False
    frame_end = previous.cue.sent.end_char if previous.cue.sent.end_char <= span.start else previous.cue.idx
    gap = text[previous.end : span.start - 1]
    if "\n" in gap or len(gap) > 120:
        return False
    content = text[previous.fragments[-1][0] : previous.fragments[-1][1]].rstrip()
    return content.endswith(",") or frame_end >= span.start - 2 or gap.rstrip().endswith((".", ","))


# ---------------------------------------------------------------------------------------
# Indirect and mixed quotes
# ---------------------------------------------------------------------------------------


def _trim_content(ctx: _Context, start: Token, end: Token) -> tuple[int, int] | None:
    """Character range of tokens ``start..end``, without edge punctuation and commas."""
    doc = ctx.doc
    i, j = start.i, end.i
    while i <= j and ((doc[i].is_punct and doc[i].text not in QUOTE_CHARS) or doc[i].is_space):
        i += 1
    while j >= i and ((doc[j].is_punct and doc[j].text not in QUOTE_CHARS) or doc[j].is_space):
        j -= 1
    if j < i:
        return None
    return doc[i].idx, doc[j].idx + len(doc[j])


def _bounds(ctx: _Context, tokens: list[Token]) -> tuple[int, int] | None:
    return _trim_content(ctx, tokens[0], tokens[-1]) if tokens else None


_APPENDAGE_DEPS = frozenset({"relcl", "advcl", "acl", "appos", "npadvmod"})


def _without_appendage(ctx: _Context, bounds: tuple[int, int]) -> tuple[int, int]:
    """Cut a trailing ", who ...", ", when ...", ", down from ..." off reported content."""
    start, end = bounds
    first = ctx.token_at(start)
    last = ctx.token_at(end - 1)
    if first is None or last is None:
        return bounds
    for token in ctx.doc[first.i + 1 : last.i]:
        if token.text != "," or token.i + 1 > last.i:
            continue
        after = ctx.doc[token.i + 1]
        head = after
        while head.head.i != head.i and head.head.i > token.i and head.head.i <= last.i:
            head = head.head
        if head.dep_ in _APPENDAGE_DEPS and head.head.i < token.i and head.right_edge.i >= last.i:
            return start, token.idx
    return bounds


def _clausal_complement(verb: Token) -> Token | None:
    lemma = cue_lemma(verb)
    for child in verb.children:
        if child.dep_ == "ccomp":
            if lemma in WEAK_CUE_VERBS and not any(c.dep_ in _SUBJECT_DEPS for c in child.children):
                continue
            return child
    if lemma in INFINITIVE_CUE_VERBS:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.i > verb.i:
                return child
    return None


def _mostly_quoted(ctx: _Context, start: int, end: int) -> bool:
    letters = [k for k in range(start, end) if ctx.text[k].isalnum()]
    return bool(letters) and sum(ctx.mask[k] for k in letters) > 0.5 * len(letters)


def _reported(ctx: _Context, direct: list[_Draft]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for token in ctx.doc:
        if ctx.quoted_any[token.idx]:
            continue
        lemma = cue_lemma(token)
        if token.pos_ == "VERB" and lemma in REPORTED_CUE_VERBS:
            draft = _from_verb(ctx, token)
        elif token.lower_ == "according":
            draft = _from_according(ctx, token)
        elif token.pos_ == "NOUN" and lemma in SPEECH_NOUNS:
            draft = _from_speech_noun(ctx, token)
        elif token.dep_ == "acomp" and lemma in STANCE_ADJECTIVES:
            draft = _from_adjective(ctx, token)
        else:
            draft = None
        if draft is None or _mostly_quoted(ctx, draft.start, draft.end):
            continue
        if any(d.start < draft.end and draft.start < d.end for d in direct):
            continue
        drafts.append(draft)
    return drafts


def _from_verb(ctx: _Context, verb: Token) -> _Draft | None:
    lemma = cue_lemma(verb)
    complement = _clausal_complement(verb)
    method = "ccomp"
    if complement is None and verb.dep_ == "parataxis" and verb.head.i != verb.i:
        return _parenthetical(ctx, verb)
    if complement is not None:
        bounds = _trim_content(ctx, complement.left_edge, complement.right_edge)
        if bounds is None or (complement.i < verb.i and bounds[1] > verb.idx):
            return None
        if complement.dep_ == "xcomp":
            # "urged Congress to act": the object belongs to the content.
            first = next(
                (c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < complement.i), None
            )
            if first is not None:
                bounds = (first.left_edge.idx, bounds[1])
    elif lemma in OBJECT_CUE_VERBS or lemma in OBJECT_CONTENT_VERBS:
        parts = [c for c in verb.children if c.dep_ in _COMPLEMENT_DEPS and c.i > verb.i]
        if not parts:
            return None
        bounds = _trim_content(ctx, parts[0].left_edge, parts[-1].right_edge)
        # Evaluative verbs alone ("praised the team") report speech only with quoted words inside.
        if bounds is None or (lemma not in OBJECT_CONTENT_VERBS and not any(ctx.quoted_any[k] for k in range(*bounds))):
            return None
        method = "stance" if lemma in STANCE_VERBS else "object"
    elif lemma in PREPOSITION_CUE_VERBS:
        preposition = next(
            (
                c
                for c in verb.children
                if c.dep_ == "prep"
                and c.i > verb.i
                and (c.lower_ in CONTENT_PREPOSITIONS or (c.lower_ == "on" and lemma in ON_CUE_VERBS))
            ),
            None,
        )
        target = next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None) if preposition else None
        if target is None or target.ent_type_ in ("DATE", "TIME", "CARDINAL"):
            return None
        bounds = _trim_content(ctx, target.left_edge, target.right_edge)
        if bounds is None:
            return None
        method = "preposition"
    else:
        return None
    bounds = _without_appendage(ctx, bounds)
    source = _source_of(verb)
    if source is None:
        return None
    speaker, rule = _resolve(ctx, source)
    if speaker is None:
        return None
    return _Draft(kind="indirect", fragments=[bounds], method=method + rule, cue=verb, speaker=speaker)


def _source_of(verb: Token) -> Token | None:
    """Who holds the reported content: the subject, or the agent of a passive
    ("Trump was criticized by his rivals for ..."); a passive without one has no source."""
    subject = _subject_of(verb)
    if subject is None or subject.dep_ != "nsubjpass":
        return subject
    for carrier in (verb, subject.head):
        for child in carrier.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _from_adjective(ctx: _Context, adjective: Token) -> _Draft | None:
    """ "Democrats are wary of a long primary", "She is confident that the bill will pass"."""
    content: Token | None = None
    for child in adjective.children:
        if child.dep_ == "ccomp" and child.i > adjective.i:
            content = child
            break
        if child.dep_ == "prep" and child.lower_ in ADJECTIVE_PREPOSITIONS and child.i > adjective.i:
            content = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if content is not None:
                break
    if content is None:
        return None
    bounds = _trim_content(ctx, content.left_edge, content.right_edge)
    source = _source_of(adjective.head)
    if bounds is None or source is None:
        return None
    speaker, rule = _resolve(ctx, source)
    if speaker is None:
        return None
    return _Draft(kind="indirect", fragments=[bounds], method="stance" + rule, cue=adjective, speaker=speaker)


def _parenthetical(ctx: _Context, verb: Token) -> _Draft | None:
    """ "The economy, Warren said, is in trouble": the cue interrupts the content."""
    head = verb.head
    inner = {t.i for t in verb.subtree}
    outside = [t for t in head.subtree if t.i not in inner]
    left = [t for t in outside if t.i < verb.left_edge.i]
    right = [t for t in outside if t.i > verb.right_edge.i]
    fragments = [b for b in (_bounds(ctx, part) for part in (left, right)) if b is not None]
    if fragments:
        fragments[-1] = _without_appendage(ctx, fragments[-1])
    subject = _subject_of(verb)
    if not fragments or subject is None:
        return None
    speaker, rule = _resolve(ctx, subject)
    if speaker is None:
        return None
    return _Draft(kind="indirect", fragments=fragments, method="parenthetical" + rule, cue=verb, speaker=speaker)


def _according_source(according: Token) -> Token | None:
    to = next((c for c in according.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None


def _from_according(ctx: _Context, according: Token) -> _Draft | None:
    source = _according_source(according)
    if source is None:
        return None
    sentence = according.sent
    phrase_start = according.left_edge.i
    phrase_end = max(according.right_edge.i, source.right_edge.i)
    if phrase_start - sentence.start > sentence.end - 1 - phrase_end:
        bounds = _trim_content(ctx, sentence[0], ctx.doc[phrase_start - 1]) if phrase_start > sentence.start else None
    else:
        bounds = _trim_content(ctx, ctx.doc[phrase_end + 1], sentence[-1]) if phrase_end + 1 < sentence.end else None
    if bounds is None:
        return None
    speaker, rule = _resolve(ctx, source)
    if speaker is None:
        return None
    return _Draft(kind="indirect", fragments=[bounds], method="according-to" + rule, cue=according, speaker=speaker)


def _from_speech_noun(ctx: _Context, noun: Token) -> _Draft | None:
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if owner is None or (owner.pos_ == "PRON" and owner.lower_ not in ("his", "her")):
        return None
    content: Token | None = None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.i > noun.i:
            content = child
            break
        if child.dep_ == "prep" and child.lower_ in SPEECH_NOUN_PREPS and child.i > noun.i:
            content = next((c for c in child.children if c.dep_ == "pobj"), None)
            if content is not None:
                break
    if content is None:
        return None
    bounds = _trim_content(ctx, content.left_edge, content.right_edge)
    if bounds is None:
        return None
    speaker, rule = _resolve(ctx, owner)
    if speaker is None:
        return None
    return _Draft(kind="indirect", fragments=[bounds], method="speech-noun" + rule, cue=noun, speaker=speaker)


# ---------------------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------------------


def _mention(token: Token) -> Mention:
    return Mention(start=token.idx, end=token.idx + len(token), text=token.text)


def _to_quote(text: str, number: int, draft: _Draft) -> Quote:
    base = draft.method.split("+")[0]
    confidence = CONFIDENCE.get(base, 0.5)
    if draft.speaker_rule or "+pronoun" in draft.method:
        confidence -= 0.1
    if not draft.closed:
        confidence *= 0.8
    if draft.speaker is None:
        confidence = min(confidence, CONFIDENCE["unattributed"])
    start, end = draft.start, draft.end
    return Quote(
        id=f"q{number}",
        kind=draft.kind,  # type: ignore[arg-type]
        text=text[start:end],
        start=start,
        end=end,
        fragments=[Range(start=s, end=e) for s, e in draft.fragments],
        quoted=[Range(start=s, end=e) for s, e in draft.quoted],
        speaker=draft.speaker,
        cue=_mention(draft.cue) if draft.cue is not None else None,
        method=draft.method + draft.speaker_rule,
        confidence=round(max(0.0, min(1.0, confidence)), 2),
    )


def _skip_sections(sections: list[Section]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in sections if s.kind in ("dateline", "caption")]


def extract_quotes(doc: Doc, entities: list[Entity], sections: list[Section] | None = None) -> list[Quote]:
    """The article's quotes, ordered by where their content starts."""
    text = doc.text
    skipped = _skip_sections(sections or [])
    spans = [s for s in find_quoted_spans(text) if not any(a <= s.start < b for a, b in skipped)]
    mask = quoted_mask(text, spans)
    index = EntityIndex(entities, mask)
    index.roles = article_roles(doc, index)
    index.genders = article_genders(doc, index)
    direct_spans = _direct_material(text, spans)
    inline_spans = [s for s in spans if s not in direct_spans]
    ctx = _Context(doc, text, index, quoted_mask(text, direct_spans), mask, _char_token_map(doc))
    direct = _direct_quotes(ctx, direct_spans)
    reported = _reported(ctx, direct)
    reported = _outermost(reported)
    for draft in reported:
        _cover_cut_quotes(draft, inline_spans)
        # Inline quoted words are part of the reported content, not quotes of their own.
        draft.quoted = [(s.start, s.end) for s in inline_spans if draft.start <= s.start and s.end <= draft.end]
        if draft.quoted:
            draft.kind = "mixed"
    for draft in direct:
        draft.quoted = list(draft.fragments)
    drafts = _dedupe(direct + reported)
    drafts.sort(key=lambda d: (d.start, d.end))
    return [_to_quote(text, number, draft) for number, draft in enumerate(drafts, start=1)]


def _outermost(drafts: list[_Draft]) -> list[_Draft]:
    """Drop reported content nested in other reported content ("said she believed that ...").
    Annotators (PARC, PolNeAR) mostly keep only the outer attribution: on PolNeAR train this
    raises precision from 0.73 to 0.79 at a recall cost of 0.005."""

    def inside(inner: _Draft, outer: _Draft) -> bool:
        same = (outer.start, outer.end) == (inner.start, inner.end)
        return outer.start <= inner.start and inner.end <= outer.end and not same

    return [draft for draft in drafts if not any(inside(draft, other) for other in drafts)]


def _cover_cut_quotes(draft: _Draft, inline: list[QuotedSpan]) -> None:
    """Reported content never ends or starts inside quoted words: the parse often cuts
    'wanted "common-sense solutions ..., maybe looking at smart guns"' at a comma."""
    start, end = draft.fragments[0][0], draft.fragments[-1][1]
    for span in inline:
        if span.start < start < span.end:
            start = span.start
        if span.start < end < span.end:
            end = span.end
    draft.fragments[0] = (start, draft.fragments[0][1])
    draft.fragments[-1] = (draft.fragments[-1][0], end)


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    seen: set[tuple[int, int]] = set()
    kept = []
    for draft in drafts:
        key = (draft.start, draft.end)
        if key in seen:
            continue
        seen.add(key)
        kept.append(draft)
    return kept
