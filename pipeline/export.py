"""``whosaid export``: an output folder as tables in JSONL, CSV, Parquet or one DuckDB database.

Parquet and DuckDB exports stream: records are read one at a time and their rows written in
batches (pyarrow's ``ParquetWriter``; DuckDB appends each Arrow batch), so memory stays flat
however many records there are. The one thing held across the whole folder is the set of
distinct speaker names, to merge them (``tables.SpeakerNames``); the ``speaker`` column of
``speakers`` is filled in at the end from it. Every file appears complete or not at all: it is
written under a temporary name and renamed.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Final, Literal, Protocol

from whosaid import errors
from whosaid.loader import OnProblem, load
from whosaid.table_columns import COLUMNS, PRIMARY_KEYS, TABLES, TableName
from whosaid.tables import Row, SpeakerNames, batch, require, rows, schema

Format = Literal["jsonl", "csv", "parquet", "duckdb"]
DUCKDB_NAME: Final = "whosaid.duckdb"
BATCH_ARTICLES: Final = 256  # articles per batch of rows
BATCH_CHARS: Final = 32_000_000  # or fewer, once their texts reach this many characters

# (child columns, parent table, parent columns): the keys that join the tables.
FOREIGN_KEYS: Final[dict[TableName, tuple[tuple[tuple[str, ...], TableName, tuple[str, ...]], ...]]] = {
    "articles": (),
    "entities": ((("article_id",), "articles", ("article_id",)),),
    "mentions": ((("article_id", "entity_id"), "entities", ("article_id", "entity_id")),),
    "quotes": ((("article_id",), "articles", ("article_id",)),),
    "speakers": (
        (("article_id", "quote_id"), "quotes", ("article_id", "quote_id")),
        (("article_id", "entity_id"), "entities", ("article_id", "entity_id")),
    ),
}
_SQL_TYPES: Final = {
    "string": "VARCHAR",
    "large_string": "VARCHAR",
    "int16": "SMALLINT",
    "int32": "INTEGER",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "timestamp": "TIMESTAMPTZ",
    "ranges": 'STRUCT("start" BIGINT, "end" BIGINT)[]',
}


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")


class _Sink(Protocol):
    def append(self, table: TableName, table_rows: list[Row]) -> None: ...
    def finish(self, merged: dict[str, str]) -> list[Path]: ...
    def abort(self) -> None: ...


class _ParquetSink:
    """One Parquet file per table; ``speakers`` goes to a staging file until the names are merged."""

    def __init__(self, dest: Path) -> None:
        self.pq = require("pyarrow.parquet", "Parquet exports")
        self.dest = dest
        self.temporaries = {table: _temporary(dest / f"{table}.parquet") for table in TABLES}
        self.writers = {
            table: self.pq.ParquetWriter(self.temporaries[table], schema(table), compression="zstd") for table in TABLES
        }

    def append(self, table: TableName, table_rows: list[Row]) -> None:
        self.writers[table].write_batch(batch(table, table_rows))

    def finish(self, merged: dict[str, str]) -> list[Path]:
        for writer in self.writers.values():
            writer.close()
        staged = self.temporaries["speakers"]
        final = _temporary(self.dest / "speakers.parquet")
        self.temporaries["speakers"] = final
        pa, pc = require("pyarrow", "Parquet exports"), require("pyarrow.compute", "Parquet exports")
        variants, names = pa.array(list(merged), pa.string()), pa.array(list(merged.values()), pa.string())
        declared = schema("speakers")
        with self.pq.ParquetWriter(final, declared, compression="zstd") as writer:
            for part in self.pq.ParquetFile(staged).iter_batches(batch_size=8192):
                # Column-wise, not row by row: each merged variant takes the name it merges into.
                found = pc.take(names, pc.index_in(part.column("name"), value_set=variants))
                columns = dict(zip(part.schema.names, part.columns, strict=True))
                columns["speaker"] = pc.coalesce(found, part.column("name"))
                writer.write_batch(pa.RecordBatch.from_arrays([columns[n] for n in declared.names], schema=declared))
        staged.unlink()
        paths = []
        for table in TABLES:
            path = self.dest / f"{table}.parquet"
            os.replace(self.temporaries[table], path)
            paths.append(path)
        return paths

    def abort(self) -> None:
        for writer in self.writers.values():
            with contextlib.suppress(Exception):
                writer.close()
        for path in self.temporaries.values():
            path.unlink(missing_ok=True)


def duckdb_ddl(table: TableName) -> str:
    """CREATE TABLE for ``table``: its columns, primary key and foreign keys."""
    parts = [f'"{c.name}" {_SQL_TYPES[c.type]}{"" if c.nullable else " NOT NULL"}' for c in COLUMNS[table]]
    parts.append("PRIMARY KEY (" + ", ".join(f'"{k}"' for k in PRIMARY_KEYS[table]) + ")")
    for columns, parent, parent_columns in FOREIGN_KEYS[table]:
        child = ", ".join(f'"{c}"' for c in columns)
        referenced = ", ".join(f'"{c}"' for c in parent_columns)
        parts.append(f"FOREIGN KEY ({child}) REFERENCES {parent} ({referenced})")
    return f"CREATE TABLE {table} (\n  " + ",\n  ".join(parts) + "\n)"


class _DuckDBSink:
    """One database file with the five tables, their keys, and a comment on every column."""

    def __init__(self, dest: Path) -> None:
        duckdb = self.duckdb = require("duckdb", "DuckDB exports")
        self.path = dest / DUCKDB_NAME
        self.temporary = _temporary(self.path)
        self.connection: Any = duckdb.connect(str(self.temporary))
        try:
            # Bounded memory: DuckDB spills to disk rather than grow past this.
            self.connection.execute("SET memory_limit = '512MB'")
            for table in TABLES:
                self.connection.execute(duckdb_ddl(table))
                for column in COLUMNS[table]:
                    comment = column.description.replace("'", "''")
                    self.connection.execute(f"COMMENT ON COLUMN {table}.\"{column.name}\" IS '{comment}'")
        except BaseException:
            self.abort()
            raise

    def append(self, table: TableName, table_rows: list[Row]) -> None:
        incoming = batch(table, table_rows)
        self.connection.register("incoming", incoming)
        try:
            self.connection.execute(f"INSERT INTO {table} SELECT * FROM incoming")
        except self.duckdb.ConstraintException as error:  # e.g. two records with one article id
            raise errors.WhosaidError(errors.E_EXPORT_KEYS.format(table=table, reason=error)) from None
        finally:
            self.connection.unregister("incoming")

    def finish(self, merged: dict[str, str]) -> list[Path]:
        if merged:
            self.connection.execute("CREATE TEMP TABLE merged_names (name VARCHAR, speaker VARCHAR)")
            self.connection.executemany("INSERT INTO merged_names VALUES (?, ?)", list(merged.items()))
            self.connection.execute(
                "UPDATE speakers SET speaker = m.speaker FROM merged_names m WHERE speakers.name = m.name"
            )
        self.connection.execute("CHECKPOINT")
        self.connection.close()
        os.replace(self.temporary, self.path)
        return [self.path]

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.connection.close()
        for leftover in (self.temporary, self.temporary.with_name(self.temporary.name + ".wal")):
            leftover.unlink(missing_ok=True)


class _FlatFile:
    """Rows written one by one to a JSONL or CSV file (``None`` is an empty CSV cell)."""

    def __init__(self, path: Path, columns: tuple[str, ...], fmt: str) -> None:
        self.file: IO[str] = path.open("w", encoding="utf-8", newline="")
        self.fmt = fmt
        self.columns = columns
        self.writer = csv.DictWriter(self.file, fieldnames=columns, lineterminator="\n")
        if fmt == "csv":
            self.writer.writeheader()

    def __enter__(self) -> _FlatFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.file.close()

    def write(self, row: Row) -> None:
        if self.fmt == "csv":
            self.writer.writerow(row)
        else:
            self.file.write(json.dumps({c: row[c] for c in self.columns}, ensure_ascii=False) + "\n")


def _read_flat(path: Path, fmt: str) -> Iterator[Row]:
    with path.open(encoding="utf-8", newline="") as file:
        if fmt == "csv":
            yield from csv.DictReader(file)
        else:
            yield from (json.loads(line) for line in file)


def _export_flat(out_dir: Path, dest: Path, fmt: str, on_problem: OnProblem | None) -> list[Path]:
    """quotes.<fmt> and mentions.<fmt>, streamed; the quotes' speaker names are merged in a second
    pass over the (small) quotes file written in the first."""
    from whosaid.views import MENTION_COLUMNS, QUOTE_COLUMNS, mention_dicts, quote_dicts

    quotes_path, mentions_path = dest / f"quotes.{fmt}", dest / f"mentions.{fmt}"
    staged, quotes_tmp, mentions_tmp = _temporary(quotes_path), _temporary(quotes_path), _temporary(mentions_path)
    names = SpeakerNames()
    try:
        with _FlatFile(staged, QUOTE_COLUMNS, fmt) as quotes, _FlatFile(mentions_tmp, MENTION_COLUMNS, fmt) as mentions:
            for article in load(out_dir, on_problem=on_problem):
                names.add(rows(article, "speakers"))
                for row in quote_dicts(article):
                    quotes.write(row)
                for row in mention_dicts(article):
                    mentions.write(row)
        merged = names.merged()
        with _FlatFile(quotes_tmp, QUOTE_COLUMNS, fmt) as final:
            for row in _read_flat(staged, fmt):
                if row["speaker"]:
                    row["speaker"] = merged.get(row["speaker"], row["speaker"])
                final.write(row)
        staged.unlink()
        os.replace(quotes_tmp, quotes_path)
        os.replace(mentions_tmp, mentions_path)
        return [quotes_path, mentions_path]
    except BaseException:
        for path in (staged, quotes_tmp, mentions_tmp):
            path.unlink(missing_ok=True)
        raise


def _batches(out_dir: Path, on_problem: OnProblem | None, names: SpeakerNames) -> Iterator[dict[TableName, list[Row]]]:
    """The rows of every table, a batch of articles at a time (all five tables per batch, so a
    child row never arrives before the row it refers to)."""
    pending: dict[TableName, list[Row]] = {table: [] for table in TABLES}
    articles = chars = 0
    for article in load(out_dir, on_problem=on_problem):
        for table in TABLES:
            new = list(rows(article, table))
            pending[table].extend(new)
            if table == "speakers":
                names.add(new)
        articles += 1
        chars += len(article.text)
        if articles >= BATCH_ARTICLES or chars >= BATCH_CHARS:
            yield pending
            pending = {table: [] for table in TABLES}
            articles = chars = 0
    if articles:
        yield pending


def export(out_dir: Path, dest: Path, fmt: Format, on_problem: OnProblem | None = None) -> list[Path]:
    """Write the tables of ``out_dir`` into ``dest``; returns the files written.

    jsonl and csv: the flat ``quotes`` and ``mentions`` tables (``views.QUOTE_COLUMNS``, ``MENTION_COLUMNS``);
    parquet: one file per table; duckdb: ``whosaid.duckdb`` holding all five tables.
    """
    if fmt not in ("jsonl", "csv", "parquet", "duckdb"):
        raise errors.WhosaidError(errors.E_UNKNOWN_FORMAT.format(fmt=fmt))
    dest.mkdir(parents=True, exist_ok=True)
    if fmt in ("jsonl", "csv"):
        return _export_flat(out_dir, dest, fmt, on_problem)
    sink: _Sink = _ParquetSink(dest) if fmt == "parquet" else _DuckDBSink(dest)
    names = SpeakerNames()
    try:
        for pending in _batches(out_dir, on_problem, names):
            for table in TABLES:
                if pending[table]:
                    sink.append(table, pending[table])
        return sink.finish(names.merged())
    except BaseException:
        sink.abort()
        raise
