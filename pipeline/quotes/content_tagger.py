"""A learned content tagger, for the learned path: for a cue word, each word of its sentence is
judged inside or outside what the cue attributes, from how it hangs from the cue in the parse
(under which of the cue's dependents, under the cue's head, above it), how far it is, on which
side, across how many commas, and whether it stands inside quotation marks; the content is the
run of words on one side of the cue whose log-odds sum highest (a one-dimensional best segment).

It gives content where the rules' grammar gives none (the drafts so made: ``tagger_drafts``), and
candidate content spans to the content chooser (``content_choice``). A logistic model
(``learned.LinearModel``) trained by ``train`` on the annotated cues of PolNeAR, each word labelled
by whether the annotation's content holds it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from whosaid.cues import cue_lemma
from whosaid.quotes.cue_detector import listed_as
from whosaid.quotes.learned import PerModel

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context
    from whosaid.quotes.learned import LinearModel
    from whosaid.quotes.parse_arrays import ParseArrays

_DISTANCES = (1, 2, 4, 8, 16, 32)
_MAX_DEPTH = 40


def _distance_name(d: int) -> str:
    sign = "+" if d > 0 else "-"
    a = abs(d)
    return sign + next((str(edge) for edge in _DISTANCES if a <= edge), "far")


_NEAR = {d: _distance_name(d) for d in range(-_DISTANCES[-1] - 1, _DISTANCES[-1] + 2)}


def _distance(d: int) -> str:
    return _NEAR.get(d) or _distance_name(d)


def _path(arrays: ParseArrays, i: int, cue: int) -> tuple[str, int]:
    """How word ``i`` hangs from the cue: under it (and through which of its dependents), under the
    cue's head through another dependent, the head itself, or elsewhere."""
    head = arrays.head[cue]
    current, below = i, -1
    for _ in range(_MAX_DEPTH):
        if current == cue:
            return "under", below
        if current == head and head != cue:
            return ("under_head", below) if below >= 0 else ("head", -1)
        up = arrays.head[current]
        if up == current:
            break
        below, current = current, up
    return "other", -1


# What one word's features are made of: side, distance, how it hangs from the cue (where, and the
# dependency of the cue's dependent it hangs under, as a string id or -1), its part of speech and
# dependency (string ids), commas and the like between it and the cue (at most 3), whether it is
# quoted, and its lower-case form when it is punctuation (a string id, else -1).
_Parts = tuple[str, str, str, int, int, int, int, bool, int]
_Cue = tuple[str, str, str, str]  # the cue's lemma, part of speech, dependency and list


def _word_parts(ctx: Context, arrays: ParseArrays, cue: int) -> tuple[list[int], list[_Parts]]:
    """The words of the cue's sentence (not the cue, not spaces) and what each one's features are made of."""
    first, last = arrays.sent_start[cue], arrays.sent_end[cue]
    breaks = [0] * (last - first + 1)  # breaks[k]: how many breaks among words first..first+k-1
    for k in range(first, last):
        breaks[k - first + 1] = breaks[k - first] + arrays.breaks[k]
    before_cue = breaks[cue - first]
    ids: list[int] = []
    parts: list[_Parts] = []
    quoted_any, start, dep, space, punct = ctx.quoted_any, arrays.start, arrays.dep, arrays.space, arrays.punct
    for i in range(first, last):
        if i == cue or space[i]:
            continue
        side = "R" if i > cue else "L"
        across = breaks[i - first] - before_cue if i > cue else before_cue - breaks[i - first + 1]
        where, below = _path(arrays, i, cue)
        ids.append(i)
        parts.append(
            (
                side,
                _distance(i - cue),
                where,
                dep[below] if below >= 0 else -1,
                arrays.pos[i],
                dep[i],
                min(3, across),
                bool(quoted_any[start[i]]),
                arrays.lower[i] if punct[i] else -1,
            )
        )
    return ids, parts


def _names(ctx: Context, cue: _Cue, parts: _Parts) -> tuple[str, ...]:
    """One word's feature names, given the cue's lemma, part of speech, dependency and list."""
    return tuple(sys.intern(name) for name in _head_names(ctx, cue, parts) + _tail_names(ctx, cue, parts))


def _path_name(ctx: Context, where: str, below_dep: int) -> str:
    return f"{where}:{ctx.doc.vocab.strings[below_dep] if below_dep >= 0 else '-'}"


def _head_names(ctx: Context, cue: _Cue, parts: _Parts) -> list[str]:
    """The names that depend only on the cue, the side, the distance and the path."""
    lemma, cue_pos, cue_dep, listed = cue
    side, distance, where, below_dep = parts[:4]
    path = _path_name(ctx, where, below_dep)
    return [
        "bias",
        f"side={side}",
        f"distance={distance}",
        f"path={path}",
        f"path={path}|side={side}",
        f"path={path}|cue_pos={cue_pos}",
        f"path={path}|listed={listed}",
        f"path={path}|lemma={lemma}",
        f"path={path}|distance={distance}",
        f"path={path}|cue_dep={cue_dep}",
    ]


def _tail_names(ctx: Context, cue: _Cue, parts: _Parts) -> list[str]:
    """The others: they depend on the cue's dependency, the side, the path and the word itself."""
    side, _distance, where, below_dep, pos, dep, across, quoted, punct = parts
    strings = ctx.doc.vocab.strings
    path = _path_name(ctx, where, below_dep)
    names = [
        f"pos={strings[pos]}|side={side}",
        f"dep={strings[dep]}|side={side}",
        f"breaks={across}|side={side}",
        f"breaks={across}|path={path}",
        f"cue_dep={cue[2]}|side={side}",
    ]
    if quoted:
        names += ["quoted", f"quoted|side={side}"]
    if punct >= 0:
        names.append(f"punct={strings[punct]}|side={side}")
    return names


def _cue_parts(cue: Token) -> _Cue:
    lemma, cue_pos = cue_lemma(cue), cue.pos_
    return lemma, cue_pos, cue.dep_, listed_as(lemma, cue_pos)


def word_rows(ctx: Context, arrays: ParseArrays, cue: Token) -> tuple[list[int], list[tuple[str, ...]]]:
    """The words of the cue's sentence (not the cue, not spaces) and each one's feature names."""
    ids, parts = _word_parts(ctx, arrays, cue.i)
    about_cue = _cue_parts(cue)
    return ids, [_names(ctx, about_cue, word) for word in parts]


def added(weights: Iterable[float]) -> float:
    """The weights added one after another from 0.0 (``sum`` adds floats so only up to Python 3.11;
    from 3.12 it compensates, and a sum taken in two parts would no longer be the same float)."""
    total = 0.0
    for weight in weights:
        total += weight
    return total


class _WordScorer:
    """A word's log-odds under the tagger: the weights of its ``_names`` added in their order
    (``added``: the same float), from two kept parts: the sum of the weights of ``_head_names``, by the cue,
    side, distance and path, and the weights of ``_tail_names``, by what those depend on (most words of news
    repeat another's parts; building every word's names cost a fifth of the stages' time)."""

    def __init__(self, model: LinearModel) -> None:
        self.weights = model.weights
        self.heads: dict[tuple[_Cue, str, str, str, int], float] = {}
        self.tails: dict[tuple[object, ...], tuple[float, ...]] = {}

    def score(self, ctx: Context, cue: _Cue, parts: _Parts) -> float:
        side, distance, where, below_dep, pos, dep, across, quoted, punct = parts
        head_key = (cue, side, distance, where, below_dep)
        tail_key = (cue[2], side, where, below_dep, pos, dep, across, quoted, punct)
        total = self.heads.get(head_key)
        if total is None:
            if len(self.heads) > _MAX_KEPT:
                self.heads.clear()
            total = self.heads[head_key] = added(self.weights.get(name, 0.0) for name in _head_names(ctx, cue, parts))
        tail = self.tails.get(tail_key)
        if tail is None:
            if len(self.tails) > _MAX_KEPT:
                self.tails.clear()
            tail = self.tails[tail_key] = tuple(self.weights.get(name, 0.0) for name in _tail_names(ctx, cue, parts))
        for weight in tail:
            total += weight
        return total


def word_scores(ctx: Context, arrays: ParseArrays, cue: Token, model: LinearModel) -> dict[int, float]:
    """Each word of the cue's sentence (not the cue, not spaces) by index: its log-odds of being content."""
    ids, parts = _word_parts(ctx, arrays, cue.i)
    about_cue = _cue_parts(cue)
    scorer = _scorer_of(model)
    return {i: scorer.score(ctx, about_cue, word) for i, word in zip(ids, parts, strict=True)}


def tagged_span(
    ctx: Context, arrays: ParseArrays, cue: Token, model: LinearModel, scores: dict[int, float] | None = None
) -> tuple[int, int] | None:
    """The cue's content by the model: the run of words on one side of the cue whose log-odds (``scores``,
    else taken here) sum highest (positive), as a character range without edge punctuation; None when
    no word is likelier in than out."""
    scores = word_scores(ctx, arrays, cue, model) if scores is None else scores
    best: tuple[float, int, int] | None = None
    for right in (False, True):
        total, start = 0.0, -1
        for i, score in scores.items():
            if (i > cue.i) != right:
                continue
            if total <= 0.0:
                total, start = 0.0, i
            total += score
            if total > 0.0 and (best is None or total > best[0]):
                best = (total, start, i)
    return arrays.trim(best[1], best[2]) if best is not None else None


_MAX_KEPT = 20_000  # sums and weights kept per model (a few MiB) before starting afresh
_scorer_of = PerModel(_WordScorer)  # a tagger's scorer, made once per model
