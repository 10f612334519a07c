"""The learned cue detector: for each word outside quotation marks, how likely it introduces an
attribution, judged from its place in the parse, so that cues in no word list are found too
("is betting that", "made a name for himself as", "drew fire for").

A logistic model (``learned.LinearModel``) over sparse, named features of the word: its lemma,
part of speech and dependency, its head, which dependents it has on either side ("has a ccomp
with a subject", "has a dobj"), the words next to it, and whether the word lists know it. The
words it proposes become drafts (``reported.open_cues``) for the learned scorer to judge.
Trained by ``python -m whosaid.quotes.train``: a word is a cue when it is the head of an
annotated cue in PolNeAR.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy
from spacy.attrs import POS
from whosaid.cues import REPORTED_CUE_VERBS, SPEECH_NOUNS, SPEECH_VERBS, STANCE_ADJECTIVES, cue_lemma
from whosaid.quotes.cue import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context
    from whosaid.quotes.learned import LinearModel

# The parts of speech a cue's head word has in nine of ten PolNeAR attributions.
CANDIDATE_POS = ("VERB", "AUX", "NOUN", "ADJ")


def candidates(ctx: Context) -> list[Token]:
    """The words that could head a cue: verbs, nouns and adjectives outside quotation marks."""
    doc = ctx.doc
    if not len(doc):
        return []
    pos = doc.to_array([POS]).reshape(-1)
    wanted = numpy.isin(pos, [doc.vocab.strings[p] for p in CANDIDATE_POS])
    return [doc[int(i)] for i in numpy.flatnonzero(wanted) if not ctx.quoted_any[doc[int(i)].idx]]


def listed_as(lemma: str, pos: str) -> str:
    if lemma in SPEECH_VERBS:
        return "speech"
    if lemma in REPORTED_CUE_VERBS:
        return "reported"
    if pos == "NOUN" and lemma in SPEECH_NOUNS:
        return "noun"
    if pos == "ADJ" and lemma in STANCE_ADJECTIVES:
        return "stance"
    return "none"


def token_features(token: Token) -> dict[str, float]:
    """What the detector sees of one word."""
    lemma, pos, dep = cue_lemma(token), token.pos_, token.dep_
    head = token.head
    listed = listed_as(lemma, pos)
    features = {
        "bias": 1.0,
        f"lemma={lemma}": 1.0,
        f"pos={pos}": 1.0,
        f"tag={token.tag_}": 1.0,
        f"dep={dep}": 1.0,
        f"pos={pos}|dep={dep}": 1.0,
        f"lemma={lemma}|dep={dep}": 1.0,
        f"listed={listed}": 1.0,
        f"listed={listed}|dep={dep}": 1.0,
        f"head_dep={head.dep_}|dep={dep}": 1.0,
        f"head_pos={head.pos_}|dep={dep}": 1.0,
        f"head_lemma={cue_lemma(head)}|dep={dep}": 1.0,
    }
    doc = token.doc
    if token.i + 1 < len(doc):
        features[f"next={doc[token.i + 1].lower_}"] = 1.0
    if token.i > 0:
        features[f"previous={doc[token.i - 1].lower_}"] = 1.0
    for child in token.children:
        side = "right" if child.i > token.i else "left"
        features[f"{side}_child={child.dep_}"] = 1.0
        features[f"pos={pos}|{side}_child={child.dep_}"] = 1.0
        features[f"listed={listed}|{side}_child={child.dep_}"] = 1.0
        if child.dep_ in ("ccomp", "xcomp", "advcl", "acl", "prep") and side == "right":
            features[f"lemma={lemma}|right_child={child.dep_}"] = 1.0
            if child.dep_ == "prep":
                features[f"lemma={lemma}|prep={child.lower_}"] = 1.0
        if child.dep_ == "ccomp" and any(c.dep_ in SUBJECT_DEPS for c in child.children):
            features["ccomp_with_subject"] = 1.0
        if child.dep_ in SUBJECT_DEPS:
            features[f"subject_ent={child.ent_type_ or child.pos_}"] = 1.0
    return features


def cue_probabilities(ctx: Context, model: LinearModel) -> dict[int, float]:
    """For each candidate word (by token index), the detector's probability that it is a cue
    (summed from the Doc's arrays by ``cue_scores``: the same as ``model.probability(token_features(word))``)."""
    from whosaid.quotes.cue_scores import scorer_for

    return scorer_for(model).probabilities(ctx.doc, ctx.quoted_any)
