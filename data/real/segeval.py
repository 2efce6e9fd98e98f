"""Train and judge the segment tagger on the hand-labelled segments of data/real.

    python data/real/segeval.py                 # test split + grouped 5-fold CV on train
    python data/real/segeval.py --save DIR      # also save the tagger trained on the train split

Prints, for the tagger (trained on train only) and for the rules' first reading of roles
(foiclassify.roles.rule_roles): per-role precision / recall / F1 of segment roles on the test
split; the outcome that TAXONOMY §6 derives from the predicted roles against each reply's
hand label; and the rules' own outcome (classify()) on the same replies. Then the same
outcome figures from five-fold cross-validation on the train split, grouped by authority.
The test split is never used to fit or choose anything here.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from foiclassify import rules  # noqa: E402
from foiclassify.combine import combine, roles_decide  # noqa: E402
from foiclassify.labels import SEGMENT_ROLES  # noqa: E402
from foiclassify.roles import outcome_from_roles  # noqa: E402
from foiclassify.tagger import Letter, Tagger, save, segment_features  # noqa: E402
from foiclassify.text import prepare  # noqa: E402

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def read(replies_path: Path, segments_path: Path) -> list[dict]:
    """Replies with their letters (segments and features) and the gold role of each segment:
    the role of the labelled span it overlaps most (``None`` when no labelled span overlaps)."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for line in segments_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            spans[d["id"]].append((d["start"], d["end"], d["role"]))
    rows = []
    for line in replies_path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] not in spans:
            continue
        prepared = prepare(row["text"], rules.KEYWORDS)
        findings = rules.find(prepared)
        letter = segment_features(prepared, findings)
        row["rules"] = combine(prepared, findings).outcome
        gold = []
        for seg in letter.segments:
            best = max(spans[row["id"]], key=lambda s: min(s[1], seg.end) - max(s[0], seg.start))
            gold.append(best[2] if min(best[1], seg.end) > max(best[0], seg.start) else "other")
        row["letter"], row["gold"] = letter, gold
        rows.append(row)
    return rows


def f1_table(gold: list[str], predicted: list[str], labels: tuple[str, ...]) -> tuple[str, float]:
    lines, f1s = [], []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == p == label)
        n_gold, n_pred = gold.count(label), predicted.count(label)
        if not n_gold and not n_pred:
            continue
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        lines.append(f"  {label:<24} P {precision:.2f}  R {recall:.2f}  F1 {f1:.2f}  (gold {n_gold}, predicted {n_pred})")
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    return "\n".join(lines), macro


def outcome_report(name: str, gold: list[str], predicted: list[str]) -> None:
    """Outcomes right, and macro-F1 over the outcomes the gold labels hold (as foiclassify evaluate)."""
    from sklearn.metrics import f1_score

    right = sum(g == p for g, p in zip(gold, predicted))
    macro = f1_score(gold, predicted, labels=sorted(set(gold)), average="macro", zero_division=0)
    print(f"{name}: {right} / {len(gold)} outcomes right ({right / max(len(gold), 1):.3f}), macro-F1 {macro:.3f}")


def judge(train: list[dict], test: list[dict], c1: float, c2: float, verbose: bool) -> dict[str, list[str]]:
    """Outcomes of the held-out replies by each system: the tagger trained on ``train`` alone."""
    with tempfile.TemporaryDirectory() as tmp:
        tagger = Tagger.train([r["letter"] for r in train], [r["gold"] for r in train], Path(tmp) / "t.crfsuite", c1=c1, c2=c2)
        tagged = tagger.roles([r["letter"] for r in test])
    roles = [[role for role, _ in row] for row in tagged]
    if verbose:
        gold = [g for r in test for g in r["gold"]]
        for name, flat in (("tagger", [p for row in roles for p in row]), ("rules' first reading", [p for r in test for p in r["letter"].rule_roles])):
            table, macro = f1_table(gold, flat, SEGMENT_ROLES)
            right = sum(g == p for g, p in zip(gold, flat))
            print(f"{name}, segment roles: {right} / {len(gold)} right, macro-F1 {macro:.3f}\n{table}")
    found = {
        "rules": [r["rules"] for r in test],
        "roles from the tagger": [outcome_from_roles(row) for row in roles],
        "roles as labelled by hand (ceiling)": [outcome_from_roles(r["gold"]) for r in test],
    }
    for t in THRESHOLDS:
        found[f"rules, roles decide when rules find no decision (p >= {t})"] = [roles_decide(r["rules"], row, t) for r, row in zip(test, tagged)]
        found[f"rules, roles decide for no decision or an acknowledgement (p >= {t})"] = [
            roles_decide(r["rules"], row, t, frozenset({"undetermined", "acknowledgement"})) for r, row in zip(test, tagged)]
    return found


def grouped_folds(rows: list[dict], k: int = 5) -> list[tuple[list[dict], list[dict]]]:
    import hashlib

    fold_of = {a: int(hashlib.sha256(a.encode()).hexdigest(), 16) % k for a in {r["authority"] for r in rows}}
    return [([r for r in rows if fold_of[r["authority"]] != i], [r for r in rows if fold_of[r["authority"]] == i]) for i in range(k)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replies", type=Path, default=HERE / "replies.jsonl")
    parser.add_argument("--segments", type=Path, default=HERE / "segments.jsonl")
    parser.add_argument("--c1", type=float, default=0.1, help="CRF L1 penalty")
    parser.add_argument("--c2", type=float, default=0.01, help="CRF L2 penalty")
    parser.add_argument("--save", type=Path)
    args = parser.parse_args()
    rows = read(args.replies, args.segments)
    train = [r for r in rows if r["split"] == "train"]
    test = [r for r in rows if r["split"] == "test"]
    print(f"{len(rows)} labelled replies: {len(train)} train, {len(test)} test; "
          f"{sum(len(r['gold']) for r in rows)} segments\n")
    print("== five-fold cross-validation on the train split, grouped by authority")
    pooled: dict[str, list[str]] = defaultdict(list)
    gold: list[str] = []
    for fit_rows, held in grouped_folds(train):
        for name, predicted in judge(fit_rows, held, args.c1, args.c2, verbose=False).items():
            pooled[name] += predicted
        gold += [r["label_outcome"] for r in held]
    for name, predicted in pooled.items():
        outcome_report(name, gold, predicted)
    prefix = "rules, roles decide"
    variants = [name for name in pooled if name.startswith(prefix)]
    chosen = max(variants, key=lambda name: (sum(g == p for g, p in zip(gold, pooled[name])), name))
    print(f"chosen by cross-validation: {chosen}")

    print("\n== test split (the tagger trained on the whole train split)")
    found = judge(train, test, args.c1, args.c2, verbose=True)
    for name, predicted in found.items():
        if not name.startswith(prefix) or name == chosen:
            outcome_report(name, [r["label_outcome"] for r in test], predicted)
    if args.save:
        tagger = Tagger.train([r["letter"] for r in train], [r["gold"] for r in train], args.save / "tagger.crfsuite", c1=args.c1, c2=args.c2)
        print("saved", save(tagger, args.save))


if __name__ == "__main__":
    main()
