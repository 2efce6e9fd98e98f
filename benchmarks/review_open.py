"""How long `foiclassify review` takes to open a large labelled table and read its first page.

    python benchmarks/review_open.py            # 100,000 rows of ~1.5 kB letters

Writes a synthetic labelled Parquet table (the columns `foiclassify label -o` writes) to a
temporary folder, then times `LabelledTable.open` (which reads only the ordering columns) plus
the first page of 200 rows (read from their row groups).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from foiclassify.review import LabelledTable

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(0)
    letter = (ROOT / "data/examples/dwp_letter_s43_whp.md").read_text(encoding="utf-8")[:1500]
    n = args.rows
    table = pa.table({
        "id": [f"r{i}" for i in range(n)],
        "text": [f"{letter}\n{i}" for i in range(n)],
        "outcome": [rng.choice(["refused", "provided", "not_held"]) for _ in range(n)],
        "exemptions": [["FOIA:s43"] if i % 3 == 0 else [] for i in range(n)],
        "confidence": [rng.random() for _ in range(n)],
        "needs_review": [rng.random() < 0.9 for _ in range(n)],
        "evidence": ["[]"] * n,
        "reason": [""] * n,
    })
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "labelled.parquet"
        pq.write_table(table, path)
        size = path.stat().st_size / 1e6
        start = time.perf_counter()
        opened = LabelledTable.open(path)
        opened.rows(opened.filtered()[:200])
        took = time.perf_counter() - start
    print(f"{n:,} rows ({size:.0f} MB Parquet): opened and first page of 200 rows read in {took:.2f} s")


if __name__ == "__main__":
    main()
