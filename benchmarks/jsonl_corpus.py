"""The BBC corpus as one JSONL file against the same articles as .txt files: same records, speed.

Builds, in a temporary folder, one JSON Lines file from the corpus (each line: the file's stem
as ``id`` and its decoded text as ``text``), runs `whosaid run` on the .txt folder and on the
JSONL file with the same model and process count, and compares every record but ``id`` and
``source`` (where the article came from). Prints how many records match, the first differences,
and both runs' articles/s with their ratio. Nothing from the corpus is written outside the
temporary folder.

    python benchmarks/jsonl_corpus.py [--corpus DIR] [--limit N] [--model NAME] [--jobs N]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus_setup, corpus_subset, whosaid_run

WHERE = ("id", "source")


def build_jsonl(folder: Path, into: Path) -> int:
    """One line per .txt file of ``folder``: its stem and its text as the read stage decodes it."""
    from whosaid.read import decode

    count = 0
    with into.open("w", encoding="utf-8") as out:
        for path in sorted(folder.glob("*.txt")):
            text, _ = decode(path.read_bytes())
            out.write(json.dumps({"id": path.stem, "text": text}, ensure_ascii=False) + "\n")
            count += 1
    return count


def records(out: Path) -> dict[str, dict[str, Any]]:
    """The records of an output folder by id, found through its manifest."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    found = {}
    for entry in manifest["articles"]:
        if entry["status"] == "ok":
            found[entry["id"]] = json.loads((out / entry["output"]).read_text(encoding="utf-8"))
    return found


def main() -> int:
    args, model, cores = corpus_setup(__doc__.splitlines()[0], 400, "articles spread over the corpus (default 400)")
    jobs = min(2, cores)
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        folder, articles, words = corpus_subset(args.corpus, args.limit, scratch / "txt")
        lines = build_jsonl(folder, scratch / "bbc.jsonl")
        print(f"corpus {args.corpus}: {articles} articles ({lines} JSONL lines), {words:,} words; model {model}")
        print(f"machine: {cores} cores (shared); --jobs {jobs}")
        txt_seconds, _ = whosaid_run(folder, scratch / "out-txt", jobs, model)
        jsonl_seconds, _ = whosaid_run(scratch / "bbc.jsonl", scratch / "out-jsonl", jobs, model)
        plain = records(scratch / "out-txt")
        from_jsonl = {key.removeprefix("bbc/"): value for key, value in records(scratch / "out-jsonl").items()}
        same = differ = 0
        for key, record in sorted(plain.items()):
            other = from_jsonl.get(key)
            if other is not None and {k: v for k, v in record.items() if k not in WHERE} == {
                k: v for k, v in other.items() if k not in WHERE
            }:
                same += 1
                continue
            differ += 1
            if differ <= 5:
                print(f"  differs: {key}")
    print(
        f"records: {len(plain)} from .txt, {len(from_jsonl)} from JSONL; "
        f"identical but id/source: {same}, differ: {differ}"
    )
    print(f".txt files: {articles / txt_seconds:6.1f} articles/s ({txt_seconds:.1f} s)")
    print(f"one JSONL:  {articles / jsonl_seconds:6.1f} articles/s ({jsonl_seconds:.1f} s)")
    print(f"JSONL / .txt throughput = {txt_seconds / jsonl_seconds:.2f}")
    return 0 if differ == 0 and len(plain) == articles else 1


if __name__ == "__main__":
    raise SystemExit(main())
