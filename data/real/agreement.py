"""How consistently segment roles are labelled: Cohen's kappa per role between two labellings.

    python data/real/agreement.py                                   # segments.jsonl vs segments_second.jsonl
    python data/real/agreement.py data/real/segments.jsonl data/real/segments_relabel.jsonl
    python data/real/agreement.py A.jsonl B.jsonl

``segments_second.jsonl`` holds a second, independent labelling of 30 replies' segments, made
blind to the first. ``segments_relabel.jsonl`` holds 30 other replies (a seeded random draw
from those not in the second labelling) labelled again by the first labeller a session later,
blind to the stored roles: it measures one labeller's consistency over time. A span of one file is compared with the span of the other that has the same
``id``, ``start`` and ``end``; spans found in only one file are counted and left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read(path: Path) -> dict[tuple[str, int, int], str]:
    spans = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            spans[(d["id"], d["start"], d["end"])] = d["role"]
    return spans


def kappa(a: list[bool] | list[str], b: list[bool] | list[str]) -> float:
    """Cohen's kappa of two equally long label lists."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    labels = set(a) | set(b)
    expected = sum((a.count(label) / n) * (b.count(label) / n) for label in labels)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main() -> None:
    first_path = Path(sys.argv[1]) if len(sys.argv) > 2 else HERE / "segments.jsonl"
    second_path = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "segments_second.jsonl"
    second = read(second_path)
    first = {key: role for key, role in read(first_path).items() if key[0] in {k[0] for k in second}}
    shared = sorted(set(first) & set(second))
    a, b = [first[k] for k in shared], [second[k] for k in shared]
    print(f"{len({k[0] for k in shared})} replies, {len(shared)} segments labelled twice "
          f"({len(set(first) ^ set(second))} spans in one file only)")
    print(f"agreement {sum(x == y for x, y in zip(a, b)) / len(a):.3f}, Cohen's kappa over all roles {kappa(a, b):.3f}")
    for role in sorted(set(a) | set(b)):
        print(f"  {role:<16} {a.count(role):>4} / {b.count(role):<4} kappa {kappa([x == role for x in a], [y == role for y in b]):.2f}")


if __name__ == "__main__":
    main()
