"""Throughput and memory, all figures from one run so their ratios can be compared.

    python benchmarks/throughput.py            # ~20 MB of reply text
    python benchmarks/throughput.py --quick    # ~1 MB, what CI runs so this script cannot rot

Prints replies/s and MB/s for (a) a bare compiled-regex pass over the texts (measured before and
after each other figure, as the machine's speed drifts), (b) ``classify()``
(rules only) in this process, (c) the full batch command ``foiclassify label corpus.csv -o
out.parquet`` (read, label, write, resumable chunks) with one process and with ``--jobs 2``, its
peak RSS, the ratio (c)/(a), and the command's fixed cost (its wall time on a one-row CSV).

The corpus is the shipped example correspondence, split into messages and repeated with
variation (every number changed at random) so that no two texts are the same.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from foiclassify import classify, classify_thread

ROOT = Path(__file__).resolve().parent.parent
BARE = re.compile(r"\bsection\s+\d+", re.IGNORECASE)


def corpus(target_bytes: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    letter = (ROOT / "data/examples/dwp_letter_s43_whp.md").read_text(encoding="utf-8")
    thread = (ROOT / "data/examples/wdtk_thread_dwp_coproduction.txt").read_text(encoding="utf-8")
    bases = [letter] + [m.text for m in classify_thread(thread).messages]
    texts, size = [], 0
    while size < target_bytes:
        text = re.sub(r"\d+", lambda m: str(rng.randint(1, 60)), rng.choice(bases))
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def report(label: str, replies: int, megabytes: float, seconds: float) -> float:
    print(f"{label:<44} {replies / seconds:>9.0f} replies/s {megabytes / seconds:>8.2f} MB/s")
    return megabytes / seconds


def in_process(label: str, fn, texts: list[str], megabytes: float) -> float:
    t0 = time.perf_counter()
    for text in texts:
        fn(text)
    return report(label, len(texts), megabytes, time.perf_counter() - t0)


def batch_command(label: str, csv: Path, jobs: int, texts: list[str], megabytes: float) -> tuple[float, float]:
    out = csv.with_name(f"out-{jobs}.parquet")
    command = [sys.executable, "-m", "foiclassify", "label", str(csv), "-o", str(out), "-q", "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(command, check=True)
    seconds = time.perf_counter() - t0
    peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    assert len(pd.read_parquet(out, columns=["outcome"])) == len(texts), "the batch lost or duplicated rows"
    return report(label, len(texts), megabytes, seconds), peak_mb


def start_up_seconds(folder: Path, text: str) -> float:
    """Wall time of the batch command on a one-row CSV: its fixed cost (start, imports, output)."""
    csv = folder / "one.csv"
    pd.DataFrame({"id": [0], "text": [text]}).to_csv(csv, index=False)
    command = [sys.executable, "-m", "foiclassify", "label", str(csv), "-o", str(folder / "one.parquet"), "-q"]
    t0 = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="~1 MB instead of ~20 MB")
    args = parser.parse_args()
    texts = corpus(1_000_000 if args.quick else 20_000_000)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(texts)} replies, {megabytes:.1f} MB")
    # This machine's speed drifts during a run: (a) is measured before and after each other
    # figure, and every ratio uses the mean of the two (a) passes around it.
    def bare() -> float:
        return in_process("(a) bare compiled-regex pass", lambda t: BARE.findall(t), texts, megabytes)

    a0 = bare()
    rules = in_process("(b) classify() as shipped, in process", classify, texts, megabytes)
    a1 = bare()
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "corpus.csv"
        pd.DataFrame({"id": range(len(texts)), "text": texts}).to_csv(csv, index=False)
        one, rss_one = batch_command("(c) foiclassify label -o .parquet, 1 process", csv, 1, texts, megabytes)
        a2 = bare()
        two, _ = batch_command("(c) foiclassify label -o .parquet, --jobs 2", csv, 2, texts, megabytes)
        fixed = start_up_seconds(Path(tmp), texts[0])
    one_process_seconds = megabytes / one
    print(f"fixed cost of the batch command (a one-row CSV): {fixed:.2f} s, "
          f"{fixed / one_process_seconds:.0%} of the 1-process run")
    print(
        f"ratio (b)/(a): 1/{(a0 + a1) / 2 / rules:.1f}   ratio (c, 1 process)/(a): 1/{(a1 + a2) / 2 / one:.1f}"
        f"   --jobs 2 speed-up: {two / one:.2f}x"
    )
    print(f"peak RSS of the batch command (1 process): {rss_one:.0f} MB")


if __name__ == "__main__":
    main()
