"""The model's rule lemmatizer, applied through the Doc's arrays.

spaCy's rule ``Lemmatizer`` caches each lemma by word, part of speech and morphology, but still
makes a ``Token`` and sets ``token.lemma_`` in Python for every word of every Doc: about a tenth
of bare ``nlp.pipe`` on BBC news. ``ArrayLemmatizer`` reads the words, parts of speech,
morphology and lemmas of a Doc as arrays, looks each lemma up by the same key as spaCy's own
cache, asks the model's lemmatizer (``lemmatize(token)``, which fills its cache) only for a
key it has not seen, and writes the lemmas back in one call. A key not seen is lemmatized by
``RuleLemmas``: spaCy's ``rule_lemmatize`` step for step, except that the words the rules may
produce (the ``lemma_index`` table, lists of up to 57,000 words that spaCy searches one by one
for each rule that fits) are looked up in sets; that search was nearly all of the lemmatizer's
cost on a few hundred articles, where most words are new. The lemmas are the model's own:
``benchmarks/parse_identity.py`` compares every token attribute with the stock components on
whole corpora. Used in place of a rule lemmatizer that does not overwrite (the English
pipelines'); any other lemmatizer is left as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LEMMATIZER_PIPE = "lemmatizer"
ARRAY_LEMMATIZER_PIPE = "whosaid_lemmatizer"
# Lemmas remembered at most (about 15 MiB, measured at about 150 bytes each); then the cache starts again.
_CACHE_LIMIT = 100_000


def _columns() -> list[int | str]:
    from spacy.attrs import LEMMA, MORPH, ORTH, POS

    return [ORTH, POS, MORPH, LEMMA]


_COLUMNS = _columns()


class RuleLemmas:
    """``Lemmatizer.rule_lemmatize`` of the stock rule lemmatizer, with its word lists as sets.

    Only for a lemmatizer whose ``rule_lemmatize`` is spaCy's own (``is_base_form`` may be its
    language's: it is asked as spaCy asks it); ``for_lemmatizer`` gives None otherwise."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.tables: dict[str, tuple[frozenset[str], dict[str, list[str]], list[tuple[str, str]]] | None] = {}

    @classmethod
    def for_lemmatizer(cls, lemmatizer: Any) -> RuleLemmas | None:
        from spacy.pipeline import Lemmatizer

        if (
            getattr(lemmatizer, "mode", None) != "rule"
            or type(lemmatizer).rule_lemmatize is not Lemmatizer.rule_lemmatize
        ):
            return None
        return cls(lemmatizer)

    def _tables(self, univ_pos: str) -> tuple[frozenset[str], dict[str, list[str]], list[tuple[str, str]]] | None:
        if univ_pos not in self.tables:
            lookups = self.lemmatizer.lookups
            index = lookups.get_table("lemma_index", {}).get(univ_pos)
            exceptions = lookups.get_table("lemma_exc", {}).get(univ_pos)
            rules = lookups.get_table("lemma_rules", {}).get(univ_pos)
            self.tables[univ_pos] = (
                (frozenset(index or ()), dict(exceptions or {}), [(old, new) for old, new in rules or ()])
                if any((index, exceptions, rules))
                else None
            )
        return self.tables[univ_pos]

    def lemmatize(self, token: Any) -> list[str]:
        """The lemmas spaCy's ``rule_lemmatize`` gives ``token``, best first."""
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return self.lemmatizer.rule_lemmatize(token)  # type: ignore[no-any-return]  # (warns as spaCy does)
        if self.lemmatizer.is_base_form(token):
            return [string.lower()]
        tables = self._tables(univ_pos)
        if tables is None:
            return [string] if univ_pos == "propn" else [string.lower()]
        index, exceptions, rules = tables
        lower = string.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if lower.endswith(old):
                form = lower[: len(lower) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(lower, []):
            if form not in forms:
                forms.insert(0, form)
        return forms or oov_forms or [string]


class ArrayLemmatizer:
    """A pipeline component that sets the lemmas a rule ``Lemmatizer`` would set."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.name = ARRAY_LEMMATIZER_PIPE
        self.lemmas: dict[tuple[int, int, int], str] = {}
        rule_lemmas = RuleLemmas.for_lemmatizer(lemmatizer)
        self.lemmatize = rule_lemmas.lemmatize if rule_lemmas is not None else lemmatizer.lemmatize

    def __call__(self, doc: Doc) -> Doc:
        import numpy

        if len(doc) == 0:
            return doc
        if not getattr(self.lemmatizer, "_validated", True):
            return self.lemmatizer(doc)  # type: ignore[no-any-return]  # the first Doc checks the tables
        if len(self.lemmas) > _CACHE_LIMIT:
            self.lemmas.clear()
        strings = doc.vocab.strings
        rows = doc.to_array(_COLUMNS).tolist()
        lemmas = self.lemmas
        changed = False
        for index, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                found = lemmas[key] = self.lemmatize(doc[index])[0]
            rows[index][3] = strings.add(found)
            changed = True
        if changed:
            values: Any = numpy.array(rows, dtype="uint64")[:, 3:]
            doc.from_array(_COLUMNS[3:], values)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


def use_array_lemmatizer(nlp: Language) -> None:
    """Put an ``ArrayLemmatizer`` in the place of ``nlp``'s rule lemmatizer (when it has one that
    does not overwrite lemmas)."""
    if LEMMATIZER_PIPE not in nlp.pipe_names or ARRAY_LEMMATIZER_PIPE in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe(LEMMATIZER_PIPE)
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return
    register_array_lemmatizer()
    nlp.add_pipe(ARRAY_LEMMATIZER_PIPE, after=LEMMATIZER_PIPE)
    nlp.disable_pipe(LEMMATIZER_PIPE)


def register_array_lemmatizer() -> None:
    """Register ``whosaid_lemmatizer`` with spaCy (once; also needed to load a saved pipeline)."""
    from spacy.language import Language

    if not Language.has_factory(ARRAY_LEMMATIZER_PIPE):
        Language.factory(ARRAY_LEMMATIZER_PIPE, func=_make_array_lemmatizer)


def _make_array_lemmatizer(nlp: Language, name: str) -> ArrayLemmatizer:
    return ArrayLemmatizer(nlp.get_pipe(LEMMATIZER_PIPE))
