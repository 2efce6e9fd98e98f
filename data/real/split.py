"""Assign each authority to the train or test split, once, by a hash of its name.

    python data/real/split.py            # writes the "split" field of data/real/replies.jsonl

The rule is fixed and blind to the labels: an authority goes to test when the first byte of
the SHA-256 of its name is below 77 (about 30% of authorities). Every reply of an authority sits
on one side, so one authority's letter template cannot be learnt from train and scored on test.
Rows that already carry a split keep it, so the split is recorded in the data, not recomputed.
"""

import hashlib
import json
from pathlib import Path

PATH = Path(__file__).with_name("replies.jsonl")


def split_of(authority: str) -> str:
    return "test" if hashlib.sha256(authority.encode("utf-8")).digest()[0] < 77 else "train"


def main() -> None:
    rows = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        row.setdefault("split", split_of(row["authority"]))
    PATH.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["split"]] = counts.get(row["split"], 0) + 1
    print(counts)


if __name__ == "__main__":
    main()
