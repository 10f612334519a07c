"""Throughput and memory: `whosaid run` against bare `nlp.pipe` on the BBC corpus, in one run.

Prints articles/s and words/s of `whosaid run` and of bare `nlp.pipe` with the same model
and process count (the floor: the model's own cost), their ratio, the speed-up of
`--jobs 2` over `--jobs 1`, peak memory (the whole process tree) at 200 articles and at
the whole corpus, and how long `whosaid --help` takes. Every figure is wall-clock time of a
separate process, model loading included, on this machine (its core count is printed).

    python benchmarks/throughput.py [--corpus DIR] [--limit N] [--model NAME] [--repeat N]

With ``--repeat N`` the timed runs go N rounds, bare and whosaid alternating; the seconds shown
are medians and the ratio is the median of the rounds' ratios, each round's printed beside it.
The same ratio in CPU seconds (user and system, workers included) is printed too: on a machine
whose cores other work shares, it moves much less than wall time does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import SHARED

DEFAULT_CORPUS = SHARED / "corpus" / "bbc"
WHOSAID = [sys.executable, "-m", "whosaid.cli"]

BARE = """
import sys, pathlib, spacy
paths = sorted(p for p in pathlib.Path(sys.argv[1]).rglob("*.txt"))
texts = (p.read_bytes().decode("utf-8", errors="replace") for p in paths)
nlp = spacy.load(sys.argv[2])
n = 0
for doc in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[3])):
    n += 1
print(n)
"""


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of the process tree of ``command``."""
    elapsed, peak, _ = measure_cpu(command)
    return elapsed, peak


def measure_cpu(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, peak resident memory (MiB) and CPU seconds (user and system, the process and
    the children it waited for) of the process tree of ``command``."""
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode not in (0, 1):
        stderr = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{command[:4]} failed ({process.returncode}): {stderr[-2000:]}")
    return elapsed, peak / 2**20, cpu


def corpus_subset(corpus: Path, limit: int | None, into: Path) -> tuple[Path, int, int]:
    """A folder with ``limit`` articles (links) spread evenly over the corpus, their count and words.

    Spread, not the first N: the corpus is sorted by section, and peak memory follows the longest
    article seen, so only samples with the same mix of lengths show whether memory grows with count.
    """
    paths = sorted(corpus.rglob("*.txt"))
    if limit and limit < len(paths):
        step = len(paths) / limit
        paths = [paths[int(k * step)] for k in range(limit)]
    into.mkdir(parents=True, exist_ok=True)
    words = 0
    for path in paths:
        (into / path.name).symlink_to(path.resolve())
        words += len(path.read_bytes().split())
    return into, len(paths), words


def whosaid_run(folder: Path, out: Path, jobs: int, model: str, *extra: str) -> tuple[float, float]:
    elapsed, peak, _ = whosaid_run_cpu(folder, out, jobs, model, *extra)
    return elapsed, peak


def whosaid_run_cpu(folder: Path, out: Path, jobs: int, model: str, *extra: str) -> tuple[float, float, float]:
    shutil.rmtree(out, ignore_errors=True)
    command = [*WHOSAID, "run", str(folder), "--out", str(out), "--jobs", str(jobs), "--quiet", "--model", model]
    return measure_cpu([*command, *extra])


def corpus_setup(
    description: str, default_limit: int | None, limit_help: str, *, repeat: bool = False
) -> tuple[argparse.Namespace, str, int]:
    """The arguments every corpus benchmark takes, the resolved model and this machine's cores.

    Exits with status 2 and a one-line message when the corpus is missing.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=default_limit, help=limit_help)
    parser.add_argument("--model", default=None)
    if repeat:
        parser.add_argument(
            "--repeat", type=int, default=1, help="rounds of the timed runs, bare and whosaid alternating (default 1)"
        )
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus} (set WHOSAID_SHARED or --corpus)", file=sys.stderr)
        raise SystemExit(2)
    from whosaid.installed import resolve_model

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return args, resolve_model(args.model), cores


def main() -> int:
    args, model, cores = corpus_setup(
        __doc__.splitlines()[0], None, "articles for the full-size runs (default: all)", repeat=True
    )
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        full, articles, words = corpus_subset(args.corpus, args.limit, scratch / "full")
        small, small_articles, _ = corpus_subset(args.corpus, 200, scratch / "small")
        print(f"corpus {args.corpus}: {articles} articles, {words:,} words; model {model}; {cores} cores")

        # Rounds alternate bare and whosaid runs: this machine's speed drifts between runs, so one
        # round's ratio can be off by ten per cent; the median over rounds and its range are printed.
        rounds: dict[str, list[tuple[float, float, float]]] = {}
        for _ in range(max(1, args.repeat)):
            for jobs in (1, 2):
                rounds.setdefault(f"bare{jobs}", []).append(
                    measure_cpu([sys.executable, "-c", BARE, str(full), model, str(jobs)])
                )
                rounds.setdefault(f"whosaid{jobs}", []).append(whosaid_run_cpu(full, scratch / "out", jobs, model))
        results: dict[str, tuple[float, float]] = {
            key: (statistics.median(s for s, _, _ in runs), max(m for _, m, _ in runs)) for key, runs in rounds.items()
        }
        results["small"] = whosaid_run(small, scratch / "out-small", 1, model)
        results["bare-small"] = measure([sys.executable, "-c", BARE, str(small), model, "1"])
        results["large"] = results["whosaid1"]

        helps = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run([*WHOSAID, "--help"], check=True, stdout=subprocess.DEVNULL)
            helps.append(time.perf_counter() - started)

    def rate(key: str) -> str:
        seconds = results[key][0]
        return f"{articles / seconds:7.1f} articles/s {words / seconds:9,.0f} words/s ({seconds:.1f} s)"

    for jobs in (1, 2):
        print(f"--jobs {jobs}: bare nlp.pipe {rate(f'bare{jobs}')}")
        print(f"--jobs {jobs}: whosaid run   {rate(f'whosaid{jobs}')}")
        ratios = [b[0] / w[0] for b, w in zip(rounds[f"bare{jobs}"], rounds[f"whosaid{jobs}"], strict=True)]
        spread = f" (rounds: {', '.join(f'{r:.2f}' for r in ratios)})" if len(ratios) > 1 else ""
        print(f"--jobs {jobs}: whosaid / bare throughput = {statistics.median(ratios):.2f} (target >= 0.9){spread}")
        # CPU time moves less than wall time when other work shares the machine's cores.
        cpu = [b[2] / w[2] for b, w in zip(rounds[f"bare{jobs}"], rounds[f"whosaid{jobs}"], strict=True)]
        cpu_spread = f" (rounds: {', '.join(f'{r:.2f}' for r in cpu)})" if len(cpu) > 1 else ""
        print(f"--jobs {jobs}: the same ratio in CPU seconds = {statistics.median(cpu):.2f}{cpu_spread}")
    print(
        f"speed-up --jobs 2 over --jobs 1: whosaid {results['whosaid1'][0] / results['whosaid2'][0]:.2f}x "
        f"(target >= 1.6x), bare {results['bare1'][0] / results['bare2'][0]:.2f}x"
    )
    small_peak, large_peak = results["small"][1], results["large"][1]
    print(
        f"peak memory --jobs 1: {small_peak:.0f} MiB at {small_articles} articles (spread), "
        f"{large_peak:.0f} MiB at {articles} articles: ratio {large_peak / small_peak:.3f} (target <= 1.3)"
    )
    bare_small, bare_large = results["bare-small"][1], results["bare1"][1]
    print(
        f"peak memory of bare nlp.pipe: {bare_small:.0f} MiB at {small_articles} articles, {bare_large:.0f} MiB at "
        f"{articles}: ratio {bare_large / bare_small:.2f} (the model's own cost grows with the longest article)"
    )
    print(f"peak memory --jobs 2 at {articles} articles: {results['whosaid2'][1]:.0f} MiB (process tree)")
    print(f"whosaid --help: median {statistics.median(helps):.2f} s over {len(helps)} runs (target < 0.5 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
