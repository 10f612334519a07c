"""Dask scaling: `whosaid run --engine dask` with 1 and 2 workers on a LocalCluster, beside the
local engine with the same process count, on the BBC corpus (or an even sample of it).

Wall-clock time of whole runs (cluster start and model loading included), on this machine;
its core count is printed. Needs the dask extra: pip install 'whosaid[dask]'.

    python benchmarks/dask_scaling.py [--corpus DIR] [--limit N] [--model NAME]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus_setup, corpus_subset, whosaid_run


def main() -> int:
    args, model, cores = corpus_setup(__doc__.splitlines()[0], 800, "articles, spread over the corpus (0: all)")
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        folder, articles, words = corpus_subset(args.corpus, args.limit or None, scratch / "in")
        print(f"{articles} articles, {words:,} words from {args.corpus}; model {model}; {cores} cores")
        seconds: dict[tuple[str, int], float] = {}
        for engine in ("local", "dask"):
            for workers in (1, 2):
                out = scratch / f"out-{engine}-{workers}"
                elapsed, peak = whosaid_run(folder, out, workers, model, "--engine", engine)
                seconds[(engine, workers)] = elapsed
                print(
                    f"{engine:<5} {workers} worker(s): {articles / elapsed:6.1f} articles/s, "
                    f"{words / elapsed:7,.0f} words/s ({elapsed:.1f} s, peak {peak:.0f} MiB)"
                )
    for engine in ("local", "dask"):
        print(f"{engine}: 2 workers over 1: {seconds[(engine, 1)] / seconds[(engine, 2)]:.2f}x")
    print(f"dask / local with 2 workers: {seconds[('local', 2)] / seconds[('dask', 2)]:.2f} of local throughput")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
