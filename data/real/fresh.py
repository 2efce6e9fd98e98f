"""How classify() read letters before they were added to the data: the figures behind README's
"read before they were added".

    python data/real/fresh.py

``fresh_readings.jsonl`` keeps, for each letter scored before it entered ``replies.jsonl``, the
outcome that the code of that moment gave and the revision that gave it (``read_by``). This
prints, per revision and jurisdiction, how many of those readings match today's hand label.
Labels corrected after the reading (when checking a letter's segments, say) are judged as they
stand now, so a figure can differ by a letter from the one written when the batch entered.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    label = {}
    for line in (HERE / "replies.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            label[row["id"]] = row
    total: Counter[tuple[str, str, str]] = Counter()
    right: Counter[tuple[str, str, str]] = Counter()
    order: list[str] = []
    for line in (HERE / "fresh_readings.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        reading = json.loads(line)
        row = label.get(reading["id"])
        if row is None:  # a letter read but not kept
            continue
        if reading["read_by"] not in order:
            order.append(reading["read_by"])
        key = (reading["read_by"], row["jurisdiction"], row["split"])
        total[key] += 1
        right[key] += reading["outcome"] == row["label_outcome"]
    print("| read by | jurisdiction | split | letters | right |")
    print("|---|---|---|---|---|")
    for revision in order:
        for key in sorted(k for k in total if k[0] == revision):
            print(f"| {key[0]} | {key[1]} | {key[2]} | {total[key]} | {right[key]} ({right[key] / total[key]:.2f}) |")
    letters, good = sum(total.values()), sum(right.values())
    print(f"\nall: {good} of {letters} ({good / letters:.3f})")


if __name__ == "__main__":
    main()
