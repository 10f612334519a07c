"""whosaid: who is named in news articles, and who said what.

The Python API (documented in the README)::

    import whosaid
    article = whosaid.extract(text)                    # one text (or a spaCy Doc) -> Article
    for article in whosaid.extract_many(texts, jobs=2):  # a stream of texts, in input order
        ...
    for article in whosaid.load("output/"):            # records written by `whosaid run`
        ...
    quotes = whosaid.to_pandas("output/", "quotes")    # a table of them (or to_arrow)

The stages are plain modules (``read``, ``parse``, ``entities``, ``dates``, ``quotes``,
``write``); ``worker`` composes them over a batch of articles, ``runner`` over files, ``api``
over strings and Docs, ``component`` inside a spaCy pipeline, and ``cli`` is a thin Typer layer
over them. Importing ``whosaid`` is cheap: the API's modules (and spaCy) load on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

if TYPE_CHECKING:
    from whosaid.api import extract, extract_doc, extract_many
    from whosaid.loader import load
    from whosaid.models import Article, Entity, Quote
    from whosaid.tables import to_arrow, to_pandas

_LAZY = {
    "extract": "whosaid.api",
    "extract_doc": "whosaid.api",
    "extract_many": "whosaid.api",
    "load": "whosaid.loader",
    "to_arrow": "whosaid.tables",
    "to_pandas": "whosaid.tables",
    "Article": "whosaid.models",
    "Entity": "whosaid.models",
    "Quote": "whosaid.models",
}

__all__ = [
    "Article",
    "Entity",
    "Quote",
    "__version__",
    "extract",
    "extract_doc",
    "extract_many",
    "load",
    "to_arrow",
    "to_pandas",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'whosaid' has no attribute {name!r}")
    return getattr(import_module(module), name)
