"""A word hyphenated at a line end (``inter-\\nnational``) read as the word it is.

Hard-wrapped text (``pdftotext``, old wire copy) splits words at the line end with a hyphen.
The read stage makes such a wrapped break a space (``inter- national``), keeping every offset,
and spaCy then sees two words. The text cannot lose the hyphen without moving every offset
after it, so the join is made on the tokens instead: the two become one token (its text still
``inter- national``, so offsets hold) whose norm, which the model's embeddings read, is the
joined word, and whose lemma after the pipeline is the joined word's. A pair is joined only
when the joined word is a word the model's vocabulary held when it was loaded; a compound
hyphenated anyway (``well- known``: no ``wellknown``) keeps its hyphen and stays three tokens.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# A letter, a hyphen, one space where a line break was, a lower-case letter.
_BROKEN = re.compile(r"[^\W\d_]- [a-z]")
# Tokens a join made: letters, a hyphen, a space, letters.
_JOINED = re.compile(r"[^\W\d_]+- [a-z]+")
_MIN_WORD = 4

_WORDS: WeakKeyDictionary[Language, frozenset[str]] = WeakKeyDictionary()


def note_words(nlp: Language) -> frozenset[str]:
    """The lower-case words of ``nlp``'s vocabulary (taken once, so strings met later never count)."""
    words = _WORDS.get(nlp)
    if words is None:
        words = _WORDS[nlp] = frozenset(
            s for s in nlp.vocab.strings if len(s) >= _MIN_WORD and s.isalpha() and s.islower()
        )
    return words


def join_broken_words(nlp: Language, doc: Doc, text: str) -> Doc:
    """Merge each ``word- word`` pair of ``doc`` (tokenised from ``text``) that is one word broken
    at a line end into one token."""
    if _BROKEN.search(text) is None:
        return doc
    words = note_words(nlp)
    pairs = []
    for token in doc[:-1]:
        after = doc[token.i + 1]
        head = token.text[:-1]
        if (
            token.text.endswith("-")
            and token.whitespace_ == " "
            and head.isalpha()
            and after.is_alpha
            and after.text[0].islower()
            and (head + after.text).lower() in words
        ):
            pairs.append((token.i, (head + after.text).lower()))
    if pairs:
        with doc.retokenize() as retokenizer:
            for i, joined in pairs:
                retokenizer.merge(doc[i : i + 2], attrs={"NORM": joined})
    return doc


def lemmatize_joined(nlp: Language, doc: Doc) -> Doc:
    """Give each joined token the lemma of its joined word (the lemmatizer read ``inter- national``)."""
    from spacy.tokens import Doc
    from whosaid.array_lemmatizer import ARRAY_LEMMATIZER_PIPE, LEMMATIZER_PIPE
    from whosaid.docfacts import doc_text

    lemmatizing = LEMMATIZER_PIPE in nlp.pipe_names or ARRAY_LEMMATIZER_PIPE in nlp.pipe_names
    if not lemmatizing or _BROKEN.search(doc_text(doc)) is None:
        return doc

    lemmatizer = nlp.get_pipe(LEMMATIZER_PIPE)  # the model's, also when whosaid's applies it
    for token in doc:
        if " " in token.text and _JOINED.fullmatch(token.text):
            word = Doc(nlp.vocab, words=[token.norm_], pos=[token.pos_], morphs=[str(token.morph)])
            lemmas = lemmatizer.lemmatize(word[0])  # type: ignore[attr-defined]
            if lemmas:
                token.lemma_ = lemmas[0]
    return doc
