"""Outcome accuracy on the test split by kind of authority, with a 95% interval for each.

    python data/real/by_kind.py             # UK and Scottish test replies, classify() as shipped
    python data/real/by_kind.py --split train

The kind is read from the authority's name by keywords (police, fire or ambulance, NHS, council,
university or college; the rest are national bodies and others), so a few names land in the wrong
row. It tells a researcher where to expect more errors, not a ranking: most rows hold a few dozen
replies and their intervals overlap.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from foiclassify import classify  # noqa: E402
from foiclassify.analysis import wilson_interval  # noqa: E402

KINDS = (
    ("police", r"police|constabulary|crime commissioner"),
    ("fire and rescue, ambulance", r"fire|ambulance"),
    ("NHS", r"\bnhs\b|hospital|health|\btrust\b|clinical commissioning"),
    ("universities, colleges, schools", r"universit|college|academy|school"),
    ("councils", r"council|borough|county|city of|district"),
)
OTHER = "national bodies and others"


def kind_of(authority: str) -> str:
    """The kind of an authority, read from its name (the first pattern of :data:`KINDS` that
    matches, else :data:`OTHER`).

    >>> kind_of("Dyfed-Powys Police"), kind_of("NHS Shetland"), kind_of("Crown Estate Scotland")
    ('police', 'NHS', 'national bodies and others')
    """
    name = authority.lower()
    return next((kind for kind, pattern in KINDS if re.search(pattern, name)), OTHER)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--replies", type=Path, default=HERE / "replies.jsonl")
    parser.add_argument("--split", default="test", choices=("train", "test"))
    args = parser.parse_args()
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for line in args.replies.read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else None
        if row is None or row["split"] != args.split or row["jurisdiction"] not in ("UK", "UK-SCT"):
            continue
        tally = counts[kind_of(row["authority"])]
        tally[0] += 1
        tally[1] += classify(row["text"]).outcome == row["label_outcome"]
    header = f"kind of authority ({args.split} split, UK and Scotland)"
    print(f"| {header} | replies | outcome right | 95% interval |")
    print("|---|---|---|---|")
    for kind, (n, right) in sorted(counts.items(), key=lambda item: -item[1][0]):
        low, high = wilson_interval(right, n)
        print(f"| {kind} | {n} | {right} ({right / n:.2f}) | {low:.2f}-{high:.2f} |")


if __name__ == "__main__":
    main()
