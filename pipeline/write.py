"""Stage 5, write: records and the run manifest, written atomically.

A file is written to a temporary name beside its target and renamed over it, so a
reader (or a run killed half-way) only ever sees a complete file: the old one or the
new one. Files get the permissions the user's umask gives. Serialisation is
deterministic: the same record gives the same bytes.

An article's id is any string; ``record_name`` is the one place that turns it into a
file name. A plain id (lower-case letters, digits, ``_ - .``, folders split by ``/``)
keeps its name, ``business/001`` -> ``business/001.json``. Any other id gets a readable
name and a hash of the exact id after a ``~``, which no plain name holds:
``Manifest`` -> ``Manifest~3f…c1.json``. So no two ids share a file, even on
case-insensitive or normalising filesystems, and none lands on the run's own files.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import secrets
import shutil
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

from whosaid.models import Article, Manifest

MANIFEST_NAME = "manifest.json"
RECORD_SUFFIX = ".json"
# Names an id may not take as they stand: the run's own files and Windows device names.
_RESERVED = frozenset(
    {"manifest", "export", "con", "prn", "aux", "nul"} | {f"{d}{n}" for d in ("com", "lpt") for n in range(10)}
)
_PLAIN_PART = re.compile(r"[a-z0-9_][a-z0-9_.-]{0,99}")
_UNSAFE = re.compile(r"[^\w.-]+")
_MAX_PARTS = 16
_MAX_PART_BYTES = 80
_HASH_CHARS = 16


def record_bytes(article: Article) -> bytes:
    """The record as UTF-8 JSON, fields in contract order, two-space indent, final newline.

    The bytes ``model_dump_json`` would give, encoded, without its ``str`` in between (a record
    is several times its article's text: 6.5 MB for 1 MB of news)."""
    return article.__pydantic_serializer__.to_json(article, indent=2) + b"\n"


_EMPTY_LISTS = b'\n  "entities": [],\n  "quotes": [],\n'


def record_bytes_with(article: Article, entities: Iterable[bytes], quotes: Iterable[bytes]) -> bytes:
    """``record_bytes`` of ``article`` (which has no entities and no quotes) with ``entities`` and
    ``quotes`` as its entities and quotes, each given as its own JSON
    (``Entity.__pydantic_serializer__.to_json(entity, indent=2)``, the same for a quote): the
    bytes ``record_bytes`` would give for the article holding them (``write_record_with`` into memory)."""
    buffer = io.BytesIO()
    write_record_with(buffer, article, entities, quotes)
    return buffer.getvalue()


def write_record_with(
    file: BinaryIO, article: Article, entities: Iterable[bytes], quotes: Iterable[bytes]
) -> tuple[int, int]:
    """Write to ``file`` the bytes ``record_bytes_with`` gives, one entity and one quote at a time,
    so neither is ever all in memory, as objects or as bytes (a long article's, see
    ``whosaid.record.write_windowed_record``); return how many entities and quotes were written."""
    whole = record_bytes(article)
    if article.entities or article.quotes or whole.count(_EMPTY_LISTS) != 1:
        raise ValueError("write_record_with takes an article without entities and quotes")
    head, tail = whole.split(_EMPTY_LISTS)
    del whole
    file.write(head)
    written = _write_list(file, b"entities", entities), _write_list(file, b"quotes", quotes)
    file.write(b"\n" + tail)
    return written


def _write_list(file: BinaryIO, name: bytes, items: Iterable[bytes]) -> int:
    """Write a record's list field ``name`` (after the field before it, up to its comma) as
    ``record_bytes`` lays it out, its items given as their own JSON; return how many there were."""
    file.write(b'\n  "' + name + b'": [')
    count = 0
    for item in items:
        # Line breaks inside JSON strings are escaped, so every raw one is layout: indent by two levels.
        file.write((b"\n    " if count == 0 else b",\n    ") + item.replace(b"\n", b"\n    "))
        count += 1
    file.write(b"\n  ]," if count else b"],")
    return count


def _is_plain(article_id: str) -> bool:
    parts = article_id.split("/")
    return (
        len(parts) <= _MAX_PARTS
        and all(_PLAIN_PART.fullmatch(part) and not part.endswith(".") for part in parts)
        and not any(part.endswith(RECORD_SUFFIX) for part in parts[:-1])
        and not any(part.split(".")[0] in _RESERVED for part in parts)
    )


def _readable(part: str) -> str:
    """A filesystem-safe, shortened form of one part of an id (not unique: the hash is)."""
    cleaned = _UNSAFE.sub("_", unicodedata.normalize("NFC", part)).lstrip(".") or "_"
    encoded = cleaned.encode("utf-8")[:_MAX_PART_BYTES]
    return encoded.decode("utf-8", errors="ignore")


def _folder(part: str) -> str:
    """A folder never takes a record's name (``x.json/y`` beside ``x``)."""
    folder = _readable(part)
    return folder + "_" if folder.endswith(RECORD_SUFFIX) else folder


def record_name(article_id: str) -> str:
    """The record's file name for ``article_id``, relative to the output folder (``/``-separated)."""
    if _is_plain(article_id):
        return article_id + RECORD_SUFFIX
    digest = hashlib.sha256(article_id.encode("utf-8", errors="surrogatepass")).hexdigest()[:_HASH_CHARS]
    parts = article_id.split("/")
    folders = [_folder(part) for part in parts[:-1]] if len(parts) <= _MAX_PARTS else []
    return "/".join([*folders, f"{_readable(parts[-1])}~{digest}{RECORD_SUFFIX}"])


def record_path(out_dir: Path, article_id: str) -> Path:
    return out_dir / record_name(article_id)


def legacy_record_path(out_dir: Path, article_id: str) -> Path | None:
    """Where whosaid before record_name put this id's record (``{id}.json``), if that differs and is safe."""
    name = article_id + RECORD_SUFFIX
    if name in (record_name(article_id), MANIFEST_NAME) or "\x00" in name:
        return None
    if any(part in ("", ".", "..") for part in article_id.split("/")):
        return None
    return out_dir / name


def adopt_legacy_record(out_dir: Path, article_id: str) -> None:
    """Move a record an earlier whosaid wrote under the old name to its current name.

    Only a file whose ``id`` is this article's moves, so nothing else is touched."""
    target = record_path(out_dir, article_id)
    old = legacy_record_path(out_dir, article_id)
    try:
        if old is None or target.exists() or not old.is_file():
            return
        record = read_json(old)
        if isinstance(record, dict) and record.get("id") == article_id and "quotes" in record:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(old, target)
    except OSError:
        return


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` is never seen half-written."""
    temporary, file = open_temporary(path.parent, path.name)
    try:
        with file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def open_temporary(folder: Path, name: str = "record") -> tuple[Path, BinaryIO]:
    """A new temporary file in ``folder`` (made if missing), open for writing, named after
    ``name`` as ``.{name}.{random}.tmp`` (``clean_temporaries`` removes one a killed run left).

    It is created with mode 0666, so the umask decides the permissions the file will have
    once renamed into place (``tempfile.mkstemp`` would leave 0600 whatever the umask)."""
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".{name[:100]}.{secrets.token_hex(6)}.tmp"
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        return temporary, os.fdopen(handle, "wb")
    except BaseException:
        os.close(handle)
        temporary.unlink(missing_ok=True)
        raise


def place_record(temporary: Path, path: Path) -> None:
    """Rename a finished record written to ``temporary`` (``open_temporary`` in the same
    filesystem) over ``path``: atomic, as ``write_atomic``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
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


# A run's folder, inside the output folder, where its local workers write long articles' records
# (``spool_folder``); removed at the run's end, and a killed run's at the next run's start.
SPOOL_PREFIX = ".whosaid-spool-"


def spool_folder(out_dir: Path) -> Path:
    """A new folder name (not made yet) for one run's spooled records, inside ``out_dir`` so that
    they are renamed into place on the same filesystem."""
    return out_dir.resolve() / f"{SPOOL_PREFIX}{secrets.token_hex(6)}"


def remove_spool(folder: Path) -> None:
    """Remove one run's spool folder and what a worker replaced half-way left in it."""
    shutil.rmtree(folder, ignore_errors=True)


def clean_temporaries(out_dir: Path) -> int:
    """Remove temporary files and spool folders left by a run that was killed while writing; one
    that cannot be removed (in use elsewhere) is left."""
    removed = 0
    if not out_dir.is_dir():
        return 0
    for leftover in out_dir.glob(SPOOL_PREFIX + "*"):
        remove_spool(leftover)
        removed += 1
    for leftover in out_dir.rglob(".*.tmp"):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            continue
        removed += 1
    return removed
