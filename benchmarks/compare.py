"""Is the working tree faster or slower than a git revision? An interleaved A/B of ``classify()``.

    python benchmarks/compare.py HEAD~3            # 5 rounds
    python benchmarks/compare.py 522b1e0 --runs 9

This machine's speed drifts by up to 2x within minutes, so one timing of each side proves
little. Each round runs the old revision (checked out in a temporary git worktree) and the
working tree one after the other, each in a fresh process that takes the best of 3 passes over
the texts; the figure printed is the median over rounds of new time / old time. It is measured
on two corpora: the benchmark's (see ``throughput.py``, 600 kB) and the real replies in
``data/real/replies.jsonl`` (twice over). Below 1.0 the working tree is faster. Both sides run
in this environment, so the old revision's dependencies must be installed in it too.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TIMING = """
import json, sys, time
sys.path.insert(0, {benchmarks!r})
from throughput import corpus
from foiclassify import classify
if sys.argv[1] == "benchmark":
    texts = corpus(600_000)
else:
    texts = [json.loads(line)["text"] for line in open({real!r}, encoding="utf-8") if line.strip()] * 2
classify(texts[0])
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    for text in texts:
        classify(text)
    best = min(best, time.perf_counter() - start)
print(best)
"""


def seconds(tree: Path, corpus_name: str) -> float:
    code = TIMING.format(benchmarks=str(ROOT / "benchmarks"), real=str(ROOT / "data/real/replies.jsonl"))
    done = subprocess.run(
        [sys.executable, "-c", code, corpus_name], cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, check=True,
    )
    return float(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("revision", help="the git revision to compare the working tree with")
    parser.add_argument("--runs", type=int, default=5, help="rounds per corpus (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        old_tree = Path(tmp) / "old"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(old_tree), args.revision], check=True)
        try:
            for corpus_name in ("benchmark", "real"):
                old, new = [], []
                for _ in range(args.runs):
                    old.append(seconds(old_tree, corpus_name))
                    new.append(seconds(ROOT, corpus_name))
                ratio = statistics.median(n / o for n, o in zip(new, old))
                print(f"{corpus_name:<10} old {statistics.median(old):.3f} s  new {statistics.median(new):.3f} s  "
                      f"median new/old {ratio:.3f}  ({args.runs} rounds)")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(old_tree)], check=True)


if __name__ == "__main__":
    main()
