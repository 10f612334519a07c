"""A learned choice among candidate sources, for the learned path: when a draft has a cue, the
words around it that could be its source (the rule's own choice, the subject of the cue or of
the clause it hangs on, the agent of a passive, the object of a verb that makes someone speak
("led Delgado to declare"), the source of a listed cue it hangs on, "according
to X", the names and subject pronouns of its sentence)
are each described by their place in the parse, and a logistic model (``learned.LinearModel``,
trained by ``train`` on whether each candidate's speaker is the annotated one) picks the
likeliest. It mends what a rule's fixed order gets wrong: a dateline read as the subject
("WASHINGTON (AP) - Donald Trump said ..."), the person told taken for the one telling
("..., Ramos, 58, told AFP"), the subject of the wrong clause for "..., saying ...".
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from whosaid.cues import GROUP_PRONOUNS, PERSONAL_PRONOUNS, cue_lemma
from whosaid.quotes.cue import SUBJECT_DEPS, source_of, subject_of
from whosaid.quotes.cue_detector import listed_as
from whosaid.quotes.method import Method
from whosaid.quotes.sources import according_source, resolve

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Span, Token
    from whosaid.models import Speaker
    from whosaid.quotes.drafts import Context, Draft
    from whosaid.quotes.learned import LinearModel

# Entity types whose names can be a source.
_SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_DISTANCE_BINS = (1, 2, 3, 5, 8, 13, 21)
_MAX_CANDIDATES = 8
_NEAREST = _MAX_CANDIDATES  # a sentence's words read nearest the cue first: how many others make the rest too far
_DATELINE_MARKS = frozenset({"(", "—", "–", "-", "--"})


@dataclass
class Candidate:
    """One possible source of a draft: the word, the speaker it names, and what proposed it."""

    token: Token
    speaker: Speaker | None  # None for a draft the rules gave no source: the choice to keep it so
    pronoun: bool
    proposed_by: frozenset[str]


@dataclass
class SourceMemo:
    """What the drafts of one article share: each sentence's names and subjects (sentence start ->
    word index and generator; the speaker each word names is kept by ``sources.resolve``)."""

    words: dict[int, SentenceWords] = field(default_factory=dict)


def _bin(value: int) -> int:
    return sum(value > edge for edge in _DISTANCE_BINS)


def _root_of(ctx: Context, start: int, end: int) -> Token | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _proposals(ctx: Context, draft: Draft, cue: Token, memo: SourceMemo, own: int | None) -> dict[int, set[str]]:
    """Token index -> the generators that propose it as the source: every word proposed by a parse
    relation, ``own`` (the rule's source word), and of the sentence's words at least those that can
    be among the ``_MAX_CANDIDATES`` nearest the cue, each with all its generators."""
    proposed: dict[int, set[str]] = {}

    def add(token: Token | None, name: str) -> None:
        if token is not None and not (draft.start <= token.idx < draft.end) and not ctx.quoted_any[token.idx]:
            proposed.setdefault(token.i, set()).add(name)

    add(subject_of(cue), "subject")
    add(source_of(cue), "source")
    if cue.head.i != cue.i:
        add(subject_of(cue.head), "head_subject")
    # "led Delgado to declare ...", "left many wondering ...": the object of the verb above.
    if cue.dep_ in ("xcomp", "ccomp", "oprd") and cue.head.i < cue.i:
        add(next((c for c in cue.head.children if c.dep_ in ("dobj", "dative") and c.i < cue.i), None), "controller")
    # "Asked by Okafor ...": the agent of a passive with no subject.
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    if agent is not None:
        add(next((c for c in agent.children if c.dep_ == "pobj"), None), "agent")
    sentence = cue.sent
    if sentence.root.i != cue.i:
        add(subject_of(sentence.root), "main_subject")
    # An attribution around the draft's: "Marsh made it clear that his client wanted ...".
    outer = next((a for a in cue.ancestors if listed_as(cue_lemma(a), a.pos_) != "none"), None)
    if outer is not None:
        add(source_of(outer), "outer_source")
    words = memo.words.get(sentence.start)
    if words is None:
        words = memo.words[sentence.start] = SentenceWords(_sentence_words(ctx, sentence))
    for i in [*proposed, *([] if own is None else [own])]:
        for name in words.names.get(i, ()):
            add(ctx.doc[i], name)
    # Nearest first (as candidates are ranked): once that many other words are in, no farther one
    # can be a candidate, so a long sentence costs no more than a short one.
    taken = 0
    for i in words.nearest(cue.i):
        for name in words.names[i]:
            add(ctx.doc[i], name)
        taken += i in proposed and i != own
        if taken >= _NEAREST:
            break
    return proposed


class SentenceWords:
    """A sentence's words that may be sources (word index -> generators), searchable by distance."""

    def __init__(self, words: list[tuple[int, str]]) -> None:
        self.names: dict[int, list[str]] = {}
        for i, name in words:
            self.names.setdefault(i, []).append(name)
        self.order = sorted(self.names)  # the word indices, ascending

    def nearest(self, i: int) -> Iterator[int]:
        """The word indices by distance from ``i``, the earlier first at equal distance (the
        candidates' ranking)."""
        order = self.order
        right = bisect_left(order, i)
        left = right - 1
        while left >= 0 or right < len(order):
            if right >= len(order) or (left >= 0 and i - order[left] <= order[right] - i):
                yield order[left]
                left -= 1
            else:
                yield order[right]
                right += 1


def _sentence_words(ctx: Context, sentence: Span) -> list[tuple[int, str]]:
    """The sentence's "according to X", names, subject pronouns and subject nouns."""
    words = []
    for token in sentence:
        if token.lower_ == "according" and not ctx.quoted_any[token.idx]:
            source = according_source(token)
            if source is not None:
                words.append((source.i, "according"))
        if token.ent_type_ in _SOURCE_ENTITIES and token.ent_iob_ in ("B", "I"):
            if _entity_root(token).i == token.i:
                words.append((token.i, "name"))
        elif token.dep_ in SUBJECT_DEPS and (token.lower_ in PERSONAL_PRONOUNS or token.lower_ in GROUP_PRONOUNS):
            words.append((token.i, "pronoun"))
        elif token.dep_ in SUBJECT_DEPS and token.pos_ in ("NOUN", "PROPN"):
            words.append((token.i, "noun_subject"))
    return words


def _entity_root(token: Token) -> Token:
    """The head word of the named entity a word belongs to."""
    doc = token.doc
    start = token.i
    while start > 0 and token.ent_iob_ != "B" and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].root


def source_candidates(ctx: Context, draft: Draft, memo: SourceMemo | None = None) -> list[Candidate]:
    """The draft's possible sources, the rule's own first (none without a cue); for a draft the
    rules found no source for, the first is that: no source."""
    cue, speaker = draft.cue, draft.speaker
    if cue is None:
        return []
    memo = memo or SourceMemo()
    own = None if speaker is None else _root_of(ctx, speaker.mention.start, speaker.mention.end)
    if speaker is not None and own is None:
        return []
    proposed = _proposals(ctx, draft, cue, memo, None if own is None else own.i)
    if own is None:
        found = [Candidate(cue, None, False, frozenset({"none"}))]
    else:
        found = [Candidate(own, speaker, draft.pronoun, frozenset({"rule"}) | proposed.pop(own.i, set()))]
    for i in sorted(proposed, key=lambda i: (abs(i - cue.i), i))[:_MAX_CANDIDATES]:
        other, pronoun = resolve(ctx, ctx.doc[i])
        if other is not None:
            found.append(Candidate(ctx.doc[i], other, pronoun, frozenset(proposed[i])))
    return found


def candidate_features(
    ctx: Context, draft: Draft, candidate: Candidate, entity_kinds: dict[str, str]
) -> dict[str, float]:
    """What the model sees of one candidate source of a draft."""
    cue = draft.cue
    assert cue is not None
    if candidate.speaker is None:
        return {"no_source": 1.0}
    token = candidate.token
    dep, method = token.dep_, draft.method.value
    features: dict[str, float] = {
        "bias": 1.0,
        f"dep={dep}": 1.0,
        f"pos={token.pos_}": 1.0,
        f"ent={token.ent_type_ or 'none'}": 1.0,
        f"cue_tag={cue.tag_}|dep={dep}": 1.0,
        f"cue_dep={cue.dep_}|dep={dep}": 1.0,
        f"side={'before' if token.i < cue.i else 'after'}": 1.0,
        f"distance={_bin(abs(token.i - cue.i))}": 1.0,
        f"kind={entity_kinds.get(candidate.speaker.entity_id or '', 'none')}": 1.0,
        f"proposed_by={len(candidate.proposed_by)}": 1.0,
    }
    for name in candidate.proposed_by:
        features[f"by={name}"] = 1.0
        features[f"method={method}|by={name}"] = 1.0
        features[f"cue_tag={cue.tag_}|by={name}"] = 1.0
    listed, head_listed = listed_as(cue_lemma(cue), cue.pos_), listed_as(cue_lemma(token.head), token.head.pos_)
    features[f"cue_listed={listed}|head_listed={head_listed}"] = 1.0
    if token.head.i == cue.i:
        features[f"cue_child={dep}"] = 1.0
        features[f"lemma={cue_lemma(cue)}|cue_child={dep}"] = 1.0
    if token.sent.start != cue.sent.start:
        features["other_sentence"] = 1.0
    if candidate.pronoun:
        features["pronoun"] = 1.0
    elif token.pos_ == "PRON":
        features["pronoun_unresolved"] = 1.0
    if candidate.speaker.role:
        features["role"] = 1.0
    if token.text.isupper() and len(token.text) > 1:
        features["all_capitals"] = 1.0
    if _opens_line(ctx, token):
        features["opens_line"] = 1.0
        if any(t.text in _DATELINE_MARKS for t in token.doc[token.i + 1 : token.i + 5]):
            features["dateline"] = 1.0
    relation = _relation(token, cue)
    features[f"relation={relation}"] = 1.0
    features[f"relation={relation}|dep={dep}"] = 1.0
    features[f"relation={relation}|cue_listed={listed}|head_listed={head_listed}"] = 1.0
    verbs = sum(t.pos_ in ("VERB", "AUX") for t in token.doc[min(token.i, cue.i) + 1 : max(token.i, cue.i)])
    features[f"verbs_between={min(verbs, 3)}"] = 1.0
    between = (token.idx < draft.start < cue.idx) or (cue.idx < draft.start < token.idx)
    if between:
        features["content_between"] = 1.0
    return features


def _relation(token: Token, cue: Token) -> str:
    """How the candidate's head stands to the cue: the cue itself, a word the cue hangs on, one
    hanging on the cue, or neither."""
    head = token.head
    if head.i == cue.i:
        return "cue"
    if any(a.i == head.i for a in cue.ancestors):
        return "governs_cue"
    if any(a.i == cue.i for a in head.ancestors):
        return "under_cue"
    return "apart"


def _opens_line(ctx: Context, token: Token) -> bool:
    """Whether the word is among the first few of its line (a dateline: "WASHINGTON (AP) -")."""
    return token.idx - ctx.line_start(token.idx) < 25


def difference(row: dict[str, float], other: dict[str, float]) -> dict[str, float]:
    """One candidate's features less another's: the model judges a candidate against the rule's."""
    out = dict(row)
    for name, value in other.items():
        out[name] = out.get(name, 0.0) - value
    return {name: value for name, value in out.items() if value}


def choose(
    ctx: Context,
    draft: Draft,
    model: LinearModel,
    entity_kinds: dict[str, str],
    found: list[Candidate] | None = None,
    memo: SourceMemo | None = None,
) -> Draft:
    """The draft with the candidate the model prefers most to the rule's choice as its source, when
    it prefers one (probability above one half against the rule's); else the same draft."""
    options = source_candidates(ctx, draft, memo) if found is None else found
    if len(options) < 2:
        return draft
    rows = [candidate_features(ctx, draft, c, entity_kinds) for c in options]
    scores = [model.probability(difference(row, rows[0])) for row in rows[1:]]
    best = max(range(len(scores)), key=lambda k: (scores[k], -k))
    if scores[best] <= 0.5:
        draft.source_choice = scores[best]
        return draft
    chosen = options[best + 1]
    return replace(draft, speaker=chosen.speaker, pronoun=chosen.pronoun, source_choice=scores[best])


def attributed(drafts: list[Draft]) -> list[Draft]:
    """The drafts without the open-cue ones the source chooser left without a source (a tagged draft
    whose source the rules did not name, ``tagger_drafts.tagged_draft``): a quote no one said."""
    return [d for d in drafts if d.speaker is not None or d.method is not Method.OPEN_CUE]
