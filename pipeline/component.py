"""whosaid as a spaCy pipeline component: ``nlp.add_pipe("whosaid")`` after the parser and NER.

The component runs the entity and quote stages on each Doc and stores the validated record,
readable as ``doc._.whosaid`` (an :class:`~whosaid.models.Article`), ``doc._.quotes`` and
``doc._.entities`` (whosaid's merged entities, not ``doc.ents``). The record is kept in
``doc.user_data`` as JSON, so Docs keep it through ``nlp.pipe(..., n_process=N)``,
``Doc.to_bytes`` and ``DocBin``. Both factories are registered through spaCy's
``spacy_factories`` entry points, so ``spacy.load`` configs find them once whosaid is installed.

``whosaid_paragraphs`` (before the parser) makes each line break a sentence start, as
``whosaid run`` does; add it for records identical to the command line's.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from whosaid import errors
from whosaid.models import Article, Entity, Quote
from whosaid.parse import PARAGRAPH_PIPE, model_label, register_paragraph_pipe

FACTORY = "whosaid"
RECORD_KEY = "whosaid.record"  # doc.user_data key of the record's JSON
ID_KEY = "whosaid.id"  # optional doc.user_data key: the article id to record


@lru_cache(maxsize=256)
def _validated(record_json: str) -> Article:
    return Article.model_validate_json(record_json)


def record_of(doc: Doc) -> Article | None:
    """The record the component stored on ``doc`` (None when it has not run or the Doc is blank)."""
    raw = doc.user_data.get(RECORD_KEY)
    return _validated(raw) if isinstance(raw, str) else None


def quotes_of(doc: Doc) -> list[Quote]:
    record = record_of(doc)
    return list(record.quotes) if record else []


def entities_of(doc: Doc) -> list[Entity]:
    record = record_of(doc)
    return list(record.entities) if record else []


def register_extensions() -> None:
    """Add ``doc._.whosaid``, ``doc._.quotes`` and ``doc._.entities`` (once)."""
    for name, getter in (("whosaid", record_of), ("quotes", quotes_of), ("entities", entities_of)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)


class WhosaidComponent:
    """Sets the whosaid record on each Doc; picklable, so it works with ``n_process``."""

    def __init__(self, name: str, label: str) -> None:
        self.name = name
        self.label = label

    def __call__(self, doc: Doc) -> Doc:
        from whosaid.api import extract_doc

        if not doc.text.strip():
            doc.user_data.pop(RECORD_KEY, None)
            return doc
        article_id = str(doc.user_data.get(ID_KEY, "doc"))
        article = extract_doc(doc, article_id=article_id, model_label=self.label)
        doc.user_data[RECORD_KEY] = article.model_dump_json()
        return doc


@Language.factory(
    FACTORY,
    assigns=["doc._.whosaid", "doc._.quotes", "doc._.entities"],
    requires=["doc.ents", "token.dep"],
    default_config={"model": None},
)
def make_whosaid(nlp: Language, name: str, model: str | None) -> WhosaidComponent:
    """Factory: ``model`` overrides the model name recorded in ``pipeline.model``."""
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ValueError(errors.E_COMPONENT_PIPES.format(pipes=", ".join(nlp.pipe_names) or "none"))
    if PARAGRAPH_PIPE not in nlp.pipe_names[: nlp.pipe_names.index("parser")]:
        warnings.warn(errors.W_NO_PARAGRAPH_PIPE, UserWarning, stacklevel=2)
    register_extensions()
    return WhosaidComponent(name, model or model_label(nlp))


register_paragraph_pipe()
register_extensions()

__all__ = ["FACTORY", "PARAGRAPH_PIPE", "WhosaidComponent", "entities_of", "make_whosaid", "quotes_of", "record_of"]
