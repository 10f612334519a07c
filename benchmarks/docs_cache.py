"""Parsed docs for the benchmarks, kept in a DocBin file so that re-scoring a rule takes seconds."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def parsed_docs(nlp: Any, texts: list[str], cache: Path | None) -> list[Any]:
    """Docs for the texts; with a cache file, parsed once and read back on later runs (reparsed
    when the texts differ from the cached ones)."""
    from spacy.tokens import DocBin

    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts))
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
    return docs
