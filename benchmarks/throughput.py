"""Throughput of the rules-only pipeline, compared in one run with a bare compiled-regex pass.

    python benchmarks/throughput.py            # ~20 MB of reply text
    python benchmarks/throughput.py --quick    # ~1 MB, what CI runs so this script cannot rot

The corpus is the shipped example correspondence, split into messages and repeated with small
variations (numbers and sections changed) so no two texts are identical. Figures are for one
process on this machine; compare the ratios, not the absolute numbers, between machines.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import time
from pathlib import Path

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
        base = rng.choice(bases)
        text = re.sub(r"\d+", lambda m: str(rng.randint(1, 60)), base)
        texts.append(text)
        size += len(text.encode("utf-8"))
    return texts


def timed(label: str, fn, texts: list[str], megabytes: float) -> float:
    t0 = time.perf_counter()
    for text in texts:
        fn(text)
    seconds = time.perf_counter() - t0
    print(f"{label:<34} {len(texts) / seconds:>10.0f} replies/s {megabytes / seconds:>8.2f} MB/s")
    return megabytes / seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="~1 MB instead of ~20 MB")
    args = parser.parse_args()
    texts = corpus(1_000_000 if args.quick else 20_000_000)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(texts)} replies, {megabytes:.1f} MB")
    bare = timed("(a) bare compiled-regex pass", lambda t: BARE.findall(t), texts, megabytes)
    rules = timed("(b) classify(), rules only", classify, texts, megabytes)
    print(f"ratio (b)/(a): 1/{bare / rules:.1f}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
