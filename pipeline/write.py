"""Stage 5, write: records and the run manifest, written atomically.

A file is written to a temporary name beside its target and renamed over it, so a
reader (or a run killed half-way) only ever sees a complete file: the old one or the
new one. Serialisation is deterministic: the same record gives the same bytes.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from whosaid.models import Article, Manifest

MANIFEST_NAME = "manifest.json"


def record_bytes(article: Article) -> bytes:
    """The record as UTF-8 JSON, fields in contract order, two-space indent, final newline."""
    return article.model_dump_json(indent=2).encode("utf-8") + b"\n"


def record_path(out_dir: Path, article_id: str) -> Path:
    return out_dir / f"{article_id}.json"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` is never seen half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_manifest(out_dir: Path, manifest: Manifest) -> Path:
    path = out_dir / MANIFEST_NAME
    write_atomic(path, manifest.model_dump_json(indent=2).encode("utf-8") + b"\n")
    return path


def read_json(path: Path) -> Any:
    """Parse a JSON file; None when it is missing or not valid JSON (e.g. from an old crash)."""
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def clean_temporaries(out_dir: Path) -> int:
    """Remove temporary files left by a run that was killed while writing."""
    removed = 0
    if not out_dir.is_dir():
        return 0
    for leftover in out_dir.rglob(".*.tmp"):
        leftover.unlink(missing_ok=True)
        removed += 1
    return removed
