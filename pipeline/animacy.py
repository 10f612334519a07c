"""What the article's own pronouns say a name is: a person or not, a man or a woman.

The small model tags many a person as an organisation or a place ("Carroll said ...",
"Paris claims ...") or not at all ("Holt joined the Rangers"). Their pronouns then find no
person to go to. The article shows what they are: a subject "he" or "she" whose antecedent
subject (the nearest before it in its own sentence outside its own clause, else the main
subject of the sentence before; outside quotation marks; never a first- or second-person pronoun,
"I", "we", "you", which name the writer, a speaker or the reader and no third person; passing
over earlier subject pronouns of the same chain) is that name, counted once a sentence. When the article does this at
least ``MIN_VOTES`` times and more often than it takes the name up with "it" or "they", the
name is a person in this article; a name tagged a person that subject "it" chains take up
``MIN_VOTES`` times and no "he" or "she" ever does, and no title makes a man or a woman, is an
organisation ("Krispy Kreme ... It said": the company). The same chains give a person's grammatical gender when
``MIN_GENDER_VOTES`` or more and ``GENDER_MAJORITY`` of them agree ("Carroll said ... He knew ...": male),
before any pronoun is resolved.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from whosaid.cues import PRONOUN_REFERENTS

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from spacy.tokens import Doc
    from whosaid.models import Gender
    from whosaid.quotemarks import Mask

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})  # nominal subjects (also voices, salience, role_pronouns, quotes.cue)
MIN_VOTES = 2  # subject pronouns that must take a name up as a person
MIN_GENDER_VOTES = 1  # subject pronouns of one gender that give a person's gender ...
GENDER_MAJORITY = 0.75  # ... when at least this share of their gendered pronouns agree
CHAIN = 3  # earlier subject pronouns of one chain passed over on the way back to a name
SENTENCES_BACK = 2  # how far back a subject pronoun's antecedent subject may be when the sentence before has none
# Subjects that are never the antecedent of a third-person pronoun: the writer, a speaker, the reader.
FIRST_AND_SECOND_PERSON = frozenset({"i", "we", "you"})
# The writer's own pronouns: outside quotation marks, the one who wrote the text ("I think ...").
WRITER_PRONOUNS = frozenset({"i", "me"})


def pronoun_indices(doc: Doc) -> list[int]:
    """Token indices of the third-person pronouns (by lower-case form, read as one array)."""
    import numpy
    from spacy.attrs import LOWER

    wanted = [doc.vocab.strings.add(word) for word in PRONOUN_REFERENTS]
    return [int(i) for i in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), wanted))]


def chain_votes(doc: Doc, pronouns: Sequence[int], quoted: Mask) -> dict[int, Counter[str]]:
    """For each subject token that subject pronouns among ``pronouns`` (token indices) lead back
    to, how they take it up: male, female, thing or plural (one vote per sentence)."""
    import numpy
    from spacy.attrs import DEP, IDX, SENT_START

    if not pronouns:
        return {}
    columns = doc.to_array([DEP, SENT_START, IDX])
    wanted_deps = [doc.vocab.strings.add(dep) for dep in SUBJECT_DEPS]
    offsets = columns[:, 2].tolist()
    subjects = [
        i
        for i in numpy.flatnonzero(numpy.isin(columns[:, 0], wanted_deps)).tolist()
        if not quoted[offsets[i]] and doc[i].lower_ not in FIRST_AND_SECOND_PERSON
    ]
    starts = numpy.flatnonzero(columns[:, 1] == 1).tolist()
    chain = _Chain(doc, subjects, [bisect_right(starts, i) for i in subjects])
    votes: dict[int, Counter[str]] = {}
    seen = set()
    for i in pronouns:
        found = chain.back_to_name(i)
        if found is not None and (found, chain.sentence(i)) not in seen:
            seen.add((found, chain.sentence(i)))
            votes.setdefault(found, Counter())[PRONOUN_REFERENTS[doc[i].lower_]] += 1
    return votes


class _Chain:
    """The subjects of one article (token indices, outside quotes) and their sentences."""

    def __init__(self, doc: Doc, subjects: list[int], sentences: list[int]) -> None:
        self.doc = doc
        self.subjects = subjects
        self.sentences = sentences
        self.index = {token: n for n, token in enumerate(subjects)}

    def sentence(self, i: int) -> int:
        return self.sentences[self.index[i]]

    def back_to_name(self, i: int) -> int | None:
        """The subject that is no pronoun which the subject pronoun ``i`` leads back to, or None."""
        if i not in self.index:
            return None
        wanted = PRONOUN_REFERENTS[self.doc[i].lower_]
        for _ in range(CHAIN + 1):
            found = self.antecedent(i)
            if found is None:
                return None
            kind = PRONOUN_REFERENTS.get(self.doc[found].lower_)
            if kind is None:
                return found
            if kind != wanted:
                return None
            i = found
        return None

    def antecedent(self, i: int) -> int | None:
        """The subject a subject pronoun ``i`` most likely takes up: the nearest before it in its own
        sentence outside its own clause ("the court ruled, he says": not the court), else the first
        (main-clause) subject of the sentence before, or of the one before that when the sentence
        before has no subject left (a dialogue turn, '"Why?" I asked.')."""
        n = self.index[i]
        sentence = self.sentences[n]
        verb = self.doc[i].head
        low, high = verb.left_edge.i, verb.right_edge.i
        at = n - 1
        while at >= 0 and self.sentences[at] == sentence and low <= self.subjects[at] <= high:
            at -= 1
        if at >= 0 and self.sentences[at] == sentence:
            return self.subjects[at]
        while at >= 0 and self.sentences[at] == sentence:
            at -= 1
        if at < 0 or self.sentences[at] < sentence - SENTENCES_BACK:
            return None
        return self.subjects[bisect_left(self.sentences, self.sentences[at])]


def by_referent(votes: Mapping[int, Counter[str]], referent: Mapping[int, str]) -> dict[str, Counter[str]]:
    """The votes of ``chain_votes`` summed by the referent (an entity id, a name) of each subject token."""
    found: dict[str, Counter[str]] = {}
    for token, counts in votes.items():
        if token in referent:
            found.setdefault(referent[token], Counter()).update(counts)
    return found


def animate(counts: Counter[str]) -> bool:
    """Whether the article takes a name up as a person often enough, and more often than otherwise."""
    people = counts["male"] + counts["female"]
    return people >= MIN_VOTES and people > counts["thing"] + counts["plural"]


def inanimate(counts: Counter[str]) -> bool:
    """Whether the article takes a name up as a thing ("it") often enough, and never as a person."""
    return counts["thing"] >= MIN_VOTES and counts["male"] + counts["female"] == 0


def chain_genders(votes: Mapping[str, Counter[str]], people: Iterable[str]) -> dict[str, Gender]:
    """The gender of each of ``people`` whose subject pronouns agree on one."""
    found: dict[str, Gender] = {}
    for entity_id in people:
        counts = votes.get(entity_id)
        if counts is None:
            continue
        male, female = counts["male"], counts["female"]
        if male >= MIN_GENDER_VOTES and male >= GENDER_MAJORITY * (male + female):
            found[entity_id] = "male"
        elif female >= MIN_GENDER_VOTES and female >= GENDER_MAJORITY * (male + female):
            found[entity_id] = "female"
    return found
