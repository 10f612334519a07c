"""Export memory: peak resident memory and time of `whosaid export` on folders of growing size.

The records are copies (each with its own id) of those in an output folder (default: a run
of seeds/), so only the number of records changes between sizes. Streaming exports keep
their peak memory flat as the folder grows; the figures show whether they do.

    python benchmarks/export.py [--records OUTPUT_DIR] [--sizes 1000,8000] [--formats parquet,duckdb,csv]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import WHOSAID, measure

REPO = Path(__file__).resolve().parents[1]


def replicate(records: list[dict[str, object]], count: int, into: Path) -> int:
    """``count`` records in ``into``, cycling through ``records`` with fresh ids; returns their bytes."""
    total = 0
    for n in range(count):
        record = dict(records[n % len(records)])
        record["id"] = f"{n // 1000:03d}/{record['id']}-{n}"
        data = json.dumps(record, ensure_ascii=False).encode("utf-8")
        path = into / f"{record['id']}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, default=None, help="an output folder to copy records from")
    parser.add_argument("--sizes", default="1000,8000")
    parser.add_argument("--formats", default="parquet,duckdb,csv")
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        source = args.records
        if source is None:
            source = scratch / "seeds-out"
            measure([*WHOSAID, "run", str(REPO / "seeds"), "--out", str(source), "--quiet"])
        records = [json.loads(p.read_bytes()) for p in sorted(source.rglob("*.json")) if p.name != "manifest.json"]
        print(f"{len(records)} distinct records from {source}; {cores} cores (shared)")
        for size in (int(s) for s in args.sizes.split(",")):
            folder = scratch / f"out-{size}"
            written = replicate(records, size, folder)
            for fmt in args.formats.split(","):
                dest = scratch / f"export-{size}-{fmt}"
                elapsed, peak = measure([*WHOSAID, "export", str(folder), "--format", fmt, "--out", str(dest)])
                out_bytes = sum(p.stat().st_size for p in dest.iterdir())
                print(
                    f"{size:>7,} records ({written / 2**20:6.1f} MiB JSON) -> {fmt:<7}: peak {peak:6.0f} MiB, "
                    f"{elapsed:6.1f} s ({size / elapsed:5.0f} records/s), {out_bytes / 2**20:6.1f} MiB written"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
