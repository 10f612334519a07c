"""What the benchmark scripts share: where the shared data is, the options of the JSONL
benchmarks, and reading a JSONL benchmark file.

Importing this module puts the checkout it sits in first on ``sys.path``, so that a script run as
``python benchmarks/NAME.py`` measures this checkout's ``whosaid`` rather than an installed one:
import it before ``whosaid``. (The folder of the script being run is on ``sys.path``, so
``from common import ...`` finds this file.)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WHOSAID_SHARED", REPO.parent / "shared"))
DOCS_CACHE_HELP = "keep parsed docs here (DocBin)"

sys.path.insert(0, str(REPO))


def add_benchmark_options(
    parser: argparse.ArgumentParser, default_data: Path, *, docs_cache_help: str = DOCS_CACHE_HELP
) -> None:
    """``--data``, ``--model``, ``--limit`` and ``--docs-cache``, as every JSONL benchmark takes them."""
    parser.add_argument("--data", type=Path, default=default_data)
    parser.add_argument("--model", default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--docs-cache", type=Path, default=None, help=docs_cache_help)


def read_benchmark(data: Path, limit: int | None) -> list[dict[str, Any]]:
    """The records of ``data`` (one JSON object a line), only the first ``limit`` when it is set.

    Exits with status 2 and a one-line message when the file is missing.
    """
    if not data.exists():
        print(f"no benchmark data at {data} (set WHOSAID_SHARED or --data)", file=sys.stderr)
        raise SystemExit(2)
    records = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    return records[:limit] if limit else records
