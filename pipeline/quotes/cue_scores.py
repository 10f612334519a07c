"""The cue detector at run time: every candidate word's probability from the Doc's arrays.

``cue_detector.token_features`` names what the detector sees of one word; training uses it
as it is. Building those names for each of an article's few hundred candidate words costs
more than the rest of the learned path, so here the same sum of weights is taken in parts,
each part's sum kept by the word attributes it depends on (as hashes, the same in every
Doc) and reused across words and articles: the word itself (lemma, form, part of speech,
tag, dependency), its head, the words before and after it, and each of its dependents. The
features are the same set, so the probability is the one ``token_features`` gives (to
rounding in the last bits of a float sum; a test compares the two on real text).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, POS, TAG
from whosaid.cues import LEMMA_FIXES
from whosaid.quotes.cue import SUBJECT_DEPS
from whosaid.quotes.cue_detector import CANDIDATE_POS, listed_as

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from whosaid.quotemarks import Mask

from whosaid.quotes.learned import LinearModel, PerModel

_ATTRS = [LEMMA, LOWER, POS, TAG, DEP, HEAD, ENT_TYPE, IDX]
_RIGHT_CHILD_LEMMA = frozenset({"ccomp", "xcomp", "advcl", "acl", "prep"})
# Sums kept per key; a long run meets new words all the time, so each table is cleared when full
# (seven tables at about 170 bytes an entry, most far from full: under 20 MiB in all).
_MAX_KEPT = 20_000
# Tokens scored at once (a news article is one window; BBC's longest has about 5,000 tokens).
WINDOW = 20_000


class CueScorer:
    """The detector's weights, scoring a whole Doc at once."""

    def __init__(self, model: LinearModel) -> None:
        self.weights = model.weights
        # Keyed by hashes: the word's own part -> (sum, lemma, part of speech, listed); each of its
        # head's three features, a neighbour's, and the union of its dependents' features -> their sums.
        self._own: dict[tuple[int, ...], tuple[float, str, str, str]] = {}
        self._head_dep: dict[tuple[int, int], float] = {}
        self._head_pos: dict[tuple[int, int], float] = {}
        self._head_lemma: dict[tuple[int, int, int], float] = {}
        self._word: dict[tuple[str, int], float] = {}
        self._children: dict[tuple[Any, ...], float] = {}
        self._strings: dict[int, str] = {}

    def _string(self, doc: Doc, key: int) -> str:
        found = self._strings.get(key)
        if found is None:
            found = self._strings[key] = doc.vocab.strings[key] if key else ""
        return found

    def _lemma(self, doc: Doc, lemma: int, lower: int) -> str:
        """``cues.cue_lemma`` from the two hashes."""
        return LEMMA_FIXES.get(self._string(doc, lower)) or self._string(doc, lemma).lower()

    def probabilities(self, doc: Doc, quoted_any: Mask, window: int = WINDOW) -> dict[int, float]:
        """For each candidate word (``cue_detector.candidates``), the probability that it is a cue.

        A long Doc is scored ``window`` tokens at a time, cut between sentences (with one token
        of context on each side): the Python lists a window needs cost about 60 bytes a token,
        which over a whole multi-megabyte article was the quote stage's peak memory."""
        if not len(doc):
            return {}
        tables = (self._own, self._head_dep, self._head_pos, self._head_lemma, self._word, self._children)
        for table in (*tables, self._strings):
            if len(table) > _MAX_KEPT:
                table.clear()
        columns = doc.to_array(_ATTRS)  # hashes as unsigned 64-bit integers
        result: dict[int, float] = {}
        for start, end in _windows(columns[:, 5].astype(numpy.int64), window):
            low, high = max(0, start - 1), min(len(doc), end + 1)
            scored = self._window(doc, columns[low:high], start - low, end - low, quoted_any)
            result.update((low + i, probability) for i, probability in scored.items())
        return result

    def _window(self, doc: Doc, columns: Any, start: int, end: int, quoted_any: Mask) -> dict[int, float]:
        """The probabilities of the candidate words in ``[start, end)`` of ``columns`` (a slice
        of the Doc's arrays whose tokens outside that range are context only)."""
        # One list per attribute (a list per token would cost more, in allocation and collection).
        lemmas, lowers, tags_pos, tags, deps, _, ents, offsets = columns.T.tolist()
        positions = numpy.arange(len(columns))
        head_array = positions + columns[:, 5].astype(numpy.int64)  # HEAD is an offset
        # Context tokens belong to the sentences around the window: none of their arcs is read.
        outside = (positions < start) | (positions >= end)
        head_array[outside] = positions[outside]
        heads: list[int] = head_array.tolist()
        strings = doc.vocab.strings
        wanted = numpy.isin(columns[:, 2], [strings[p] for p in CANDIDATE_POS]) & ~outside
        words = [i for i in numpy.flatnonzero(wanted).tolist() if not quoted_any[offsets[i]]]
        if not words:
            return {}
        # Each token's dependents: tokens sorted by head (stably, so in text order), cut by head.
        by_head: list[int] = numpy.argsort(head_array, kind="stable").tolist()
        ends: list[int] = numpy.cumsum(numpy.bincount(head_array, minlength=len(columns))).tolist()

        def children(i: int) -> list[int]:
            return [c for c in by_head[ends[i - 1] if i else 0 : ends[i]] if c != i]

        subject_deps = {strings[dep] for dep in SUBJECT_DEPS}
        ccomp, prep = strings["ccomp"], strings["prep"]

        def child_key(i: int, child: int) -> tuple[Any, ...]:
            dep = deps[child]
            subject = (ents[child], tags_pos[child]) if dep in subject_deps else None
            with_subject = dep == ccomp and any(deps[g] in subject_deps for g in children(child))
            return (child > i, dep, lowers[child] if dep == prep else 0, subject, with_subject)

        result = {}
        last = len(columns) - 1
        for i in words:
            own_key = (lemmas[i], lowers[i], tags_pos[i], tags[i], deps[i])
            own = self._own.get(own_key) or self._own_part(doc, own_key)
            h = heads[i]
            dep = deps[i]
            # The head's three features, each kept by what it depends on, added in the order they were summed
            # in together (the same float).
            on_dep = self._head_dep.get((dep, deps[h]))
            if on_dep is None:
                on_dep = self._head_dep[(dep, deps[h])] = self._head_weight(doc, "head_dep", dep, deps[h])
            on_pos = self._head_pos.get((dep, tags_pos[h]))
            if on_pos is None:
                on_pos = self._head_pos[(dep, tags_pos[h])] = self._head_weight(doc, "head_pos", dep, tags_pos[h])
            lemma_key = (dep, lemmas[h], lowers[h])
            on_lemma = self._head_lemma.get(lemma_key)
            if on_lemma is None:
                on_lemma = self._head_lemma[lemma_key] = self._head_lemma_weight(doc, lemma_key)
            z = own[0] + (on_dep + on_pos + on_lemma)
            if i < last:
                z += self._neighbour(doc, "next", lowers[i + 1])
            if i > 0:
                z += self._neighbour(doc, "previous", lowers[i - 1])
            kids = children(i)
            if kids:
                # The dependents' features depend on the word only through its lemma, part of speech and list.
                kids_key = (own[1:], *sorted({child_key(i, child) for child in kids}))
                kids_sum = self._children.get(kids_key)
                if kids_sum is None:
                    kids_sum = self._children[kids_key] = self._children_part(doc, own, kids_key[1:])
                z += kids_sum
            result[i] = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
        return result

    def _own_part(self, doc: Doc, key: tuple[int, ...]) -> tuple[float, str, str, str]:
        lemma_key, lower_key, pos_key, tag_key, dep_key = key
        lemma, pos, dep = self._lemma(doc, lemma_key, lower_key), self._string(doc, pos_key), self._string(doc, dep_key)
        listed = listed_as(lemma, pos)
        names = (
            "bias",
            f"lemma={lemma}",
            f"pos={pos}",
            f"tag={self._string(doc, tag_key)}",
            f"dep={dep}",
            f"pos={pos}|dep={dep}",
            f"lemma={lemma}|dep={dep}",
            f"listed={listed}",
            f"listed={listed}|dep={dep}",
        )
        found = self._own[key] = (sum(self.weights.get(name, 0.0) for name in names), lemma, pos, listed)
        return found

    def _head_weight(self, doc: Doc, feature: str, dep_key: int, value_key: int) -> float:
        """The weight of ``head_dep=...|dep=...`` or ``head_pos=...|dep=...``."""
        return self.weights.get(f"{feature}={self._string(doc, value_key)}|dep={self._string(doc, dep_key)}", 0.0)

    def _head_lemma_weight(self, doc: Doc, key: tuple[int, int, int]) -> float:
        dep_key, lemma_key, lower_key = key
        name = f"head_lemma={self._lemma(doc, lemma_key, lower_key)}|dep={self._string(doc, dep_key)}"
        return self.weights.get(name, 0.0)

    def _neighbour(self, doc: Doc, side: str, lower_key: int) -> float:
        found = self._word.get((side, lower_key))
        if found is None:
            found = self._word[(side, lower_key)] = self.weights.get(f"{side}={self._string(doc, lower_key)}", 0.0)
        return found

    def _children_part(self, doc: Doc, own: tuple[float, str, str, str], keys: tuple[Any, ...]) -> float:
        """The sum over the set of features a word's dependents give (each feature once)."""
        _, lemma, pos, listed = own
        names: set[str] = set()
        for right, dep_key, prep_word, subject, with_subject in keys:
            side, dep = "right" if right else "left", self._string(doc, dep_key)
            names.update(
                (f"{side}_child={dep}", f"pos={pos}|{side}_child={dep}", f"listed={listed}|{side}_child={dep}")
            )
            if dep in _RIGHT_CHILD_LEMMA and right:
                names.add(f"lemma={lemma}|right_child={dep}")
                if prep_word:
                    names.add(f"lemma={lemma}|prep={self._string(doc, prep_word)}")
            if with_subject:
                names.add("ccomp_with_subject")
            if subject is not None:
                ent, pos_key = subject
                names.add(f"subject_ent={self._string(doc, ent) or self._string(doc, pos_key)}")
        return sum(self.weights.get(name, 0.0) for name in sorted(names))  # sorted: the same float in every process


def _windows(head_offsets: Any, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` token ranges of about ``size`` tokens covering the Doc, each cut where no
    dependency arc crosses (between sentences); a range grows past ``size`` until one does."""
    total = len(head_offsets)
    if total <= size:
        return [(0, total)]
    positions = numpy.arange(total)
    heads = positions + head_offsets
    # An arc between tokens a < b covers the gaps a+1 .. b; a cut may go where no arc does.
    low, high = numpy.minimum(positions, heads), numpy.maximum(positions, heads)
    covered = numpy.zeros(total + 1, dtype=numpy.int64)
    numpy.add.at(covered, low + 1, 1)
    numpy.add.at(covered, high + 1, -1)
    free = numpy.cumsum(covered)[: total + 1] == 0  # free[k]: no arc spans the cut before token k
    bounds, start = [], 0
    while total - start > size:
        cuts = numpy.flatnonzero(free[start + 1 : start + size + 1])
        if len(cuts):
            end = start + 1 + int(cuts[-1])
        else:
            later = numpy.flatnonzero(free[start + size + 1 : total])
            end = start + size + 1 + int(later[0]) if len(later) else total
        bounds.append((start, end))
        start = end
    if start < total:
        bounds.append((start, total))
    return bounds


# The scorer of a detector, made once per model (its sums are kept across articles).
scorer_for = PerModel(CueScorer)
