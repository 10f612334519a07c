"""Time and peak memory against article length, on real paragraphs and on degenerate text.

Builds one article per kind and length, from 10 KB to 2 MB, and runs `whosaid run` on each in
a fresh process (`--jobs 1`, no time limit), recording wall time and the peak resident memory
of the largest process (psutil). Kinds:

- ``bbc``: BBC articles' paragraphs one after another, blank lines between them;
- ``one-line``: the same text with every line break a space (one paragraph);
- ``no-stops``: the same words without any punctuation, on one line (no sentence boundaries);
- ``quotes``: straight quotation marks and nothing else;
- ``names``: 143 different people saying things, in one paragraph without full stops.

Prints, per kind and length, wall seconds, CPU seconds (user and system: on a machine whose
cores other work shares they move far less than wall time), CPU seconds per 100 KB beyond a
1 KB article's run (the model's loading), and peak MiB; linear time shows as a flat
CPU-seconds-per-100-KB column.

    python benchmarks/length.py [--corpus DIR] [--sizes 10000,100000,...] [--kinds bbc,quotes]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import SHARED

DEFAULT_CORPUS = SHARED / "corpus" / "bbc"
DEFAULT_SIZES = (10_000, 100_000, 500_000, 1_000_000, 2_000_000)


def real_text(corpus: Path, size: int) -> str:
    """BBC paragraphs (headlines dropped) until ``size`` characters, blank lines between them."""
    paragraphs: list[str] = []
    total = 0
    for path in sorted(corpus.rglob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
        for line in lines[1:]:
            if line:
                paragraphs.append(line)
                total += len(line) + 2
                if total >= size:
                    return "\n\n".join(paragraphs)[:size]
    raise SystemExit(f"{corpus} holds fewer than {size:,} characters")


KINDS: dict[str, Callable[[Path, int], str]] = {
    "bbc": real_text,
    "one-line": lambda corpus, size: real_text(corpus, size).replace("\n", " "),
    "no-stops": lambda corpus, size: " ".join(re.sub(r"[^\w\s]", " ", real_text(corpus, size * 11 // 10)).split())[
        :size
    ],
    "quotes": lambda corpus, size: '"' * size,
    "names": lambda corpus, size: names_text(size),
}


def names_text(size: int) -> str:
    """Many different people, each saying something, in one paragraph without full stops."""
    first = ["Ann", "Bob", "Cleo", "Dan", "Eve", "Finn", "Gus", "Hana", "Ivo", "Jude", "Kim"]
    last = ["Lee", "Hart", "Park", "Moss", "Stone", "Gray", "Reed", "Vance", "Holt", "Nash", "Pike", "Roth", "Shaw"]
    parts, total, number = [], 0, 0
    while total < size:
        part = f"{first[number % len(first)]} {last[number % len(last)]} said the plan would work and"
        parts.append(part)
        total += len(part) + 1
        number += 1
    return " ".join(parts)[:size]


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user and system, the process and the children it waited for)
    and the peak resident memory (MiB) of the largest process of ``command``."""
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    root = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max([peak] + [p.memory_info().rss for p in (root, *root.children(recursive=True))])
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if process.returncode != 0:
        stderr = process.stderr.read().decode() if process.stderr else ""
        raise SystemExit(f"{command[3:6]} failed ({process.returncode}): {stderr[-2000:]}")
    return elapsed, cpu, peak / 2**20


def run_article(text: str, folder: Path, name: str, model: str | None) -> tuple[float, float, float]:
    source = folder / f"{name}.txt"
    source.write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "whosaid.cli", "run", str(source), "-o", str(folder / f"{name}-out")]
    command += ["--jobs", "1", "--timeout", "0", "--quiet"] + (["--model", model] if model else [])
    return measure(command)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default=",".join(str(s) for s in DEFAULT_SIZES))
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--model")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"machine: {os.cpu_count()} cores (shared); `whosaid run --jobs 1` per article, model loading included")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        base_seconds, base_cpu, base_mib = run_article(real_text(args.corpus, 1_000), folder, "base", args.model)
        print(
            f"1 KB article: {base_seconds:.1f} s, {base_cpu:.1f} CPU s, peak {base_mib:.0f} MiB"
            " (model loading and start-up)"
        )
        print(f"{'kind':<9} {'chars':>10} {'seconds':>8} {'CPU s':>8} {'CPU s/100KB':>12} {'peak MiB':>9}")
        for kind in args.kinds.split(","):
            for size in sizes:
                text = KINDS[kind](args.corpus, size)
                seconds, cpu, mib = run_article(text, folder, f"{kind}-{size}", args.model)
                per = (cpu - base_cpu) / (len(text) / 100_000)
                print(f"{kind:<9} {len(text):>10,} {seconds:>8.1f} {cpu:>8.1f} {per:>12.1f} {mib:>9.0f}", flush=True)


if __name__ == "__main__":
    main()
