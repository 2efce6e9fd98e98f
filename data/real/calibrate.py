"""Fit the calibrated confidence (foiclassify.calibration) on data/real and judge it.

    python data/real/calibrate.py                          # cross-validation on train, then the test split
    python data/real/calibrate.py --save models/default    # also write calibration.json, CALIBRATION_CARD.md and the diagram

Each labelled reply is run through ``classify()`` as shipped; whether its outcome is right is the
target. A train reply is read by a segment tagger trained without its authority's letters (five
folds grouped by authority, as in ``segeval.py``): the shipped tagger was trained on the train
split, and on its own letters it is right far more often than on unseen ones. A logistic regression over ``calibration.features`` is fitted on the train split; its
penalty is chosen by five-fold cross-validation grouped by authority (the lowest log loss, a
proper score; the binned calibration error is printed beside it but moves too much between
neighbouring penalties to choose by), and the review threshold is the lowest probability from which the
cross-validated replies are right at least 95% of the time (at least 20 of them), else 1.0
(every result needs review). Then the fitted score is Platt-scaled (two numbers, no penalty) on
``fresh_readings.jsonl``: the signals of train letters as ``classify()`` read them before they
were added to the data, which are unseen letters in a way the cross-validated train letters (the
ones the rules were corrected against) are not; the scale and shift fold into the weights. The test split is used once, to report: expected calibration error,
the reliability diagram and a coverage table (share of replies at or above each confidence, and
how many of them are right). The rules were corrected against train letters, so the train
replies are right more often than unseen ones: the test figures say how far that carries. Only
the UK train letters are fitted on (see ``fitted_on``); every test letter is judged.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(1, str(HERE))

from foiclassify import classify, pipeline  # noqa: E402
from foiclassify.calibration import CALIBRATION_FILE, FEATURE_NAMES, Calibration, features  # noqa: E402
from foiclassify.tagger import Tagger  # noqa: E402
from segeval import TRAINED_ON, fold_of  # noqa: E402
from segeval import read as read_letters  # noqa: E402

PENALTIES = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
TARGET = 0.95
FRESH_READINGS = HERE / "fresh_readings.jsonl"
LEAST_FRESH = 50  # fewer fresh train readings than this: no recalibration


def fitted_on(row: dict) -> bool:
    """Whether the calibration is fitted on this reply: a UK train letter. The other countries'
    train letters are the ones their rules were corrected against (fourth session of 2026-11-30:
    New Zealand 37 -> 61 of 75 right), so their outcomes are right far more often than unseen
    letters' are (NZ test: 19 of 29)."""
    return row["split"] == "train" and row["jurisdiction"] in TRAINED_ON


def ece(p: list[float], right: list[bool], bins: int = 10) -> float:
    """Expected calibration error over ``bins`` equal-width bins of probability."""
    total = 0.0
    for b in range(bins):
        inside = [(q, r) for q, r in zip(p, right) if (b / bins <= q < (b + 1) / bins) or (b == bins - 1 and q == 1.0)]
        if inside:
            total += len(inside) / len(p) * abs(sum(q for q, _ in inside) / len(inside) - sum(r for _, r in inside) / len(inside))
    return total


def fresh_train_readings(path: Path, rows: list[dict]) -> list[tuple[list[float], bool]]:
    """The signals and rightness of train letters as ``classify()`` read them *before* they were
    added to the data (``fresh_readings.jsonl``: the code revision that read each is recorded),
    judged against today's labels. Test letters' readings are never used; readings made for other
    signals than this code computes are skipped."""
    if not path.is_file():
        return []
    label = {r["id"]: r for r in rows}
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        reading = json.loads(line) if line.strip() else None
        row = label.get(reading["id"]) if reading else None
        if row is None or row["split"] != "train" or tuple(reading["signals"]) != FEATURE_NAMES:
            continue
        out.append(([float(reading["signals"][n]) for n in FEATURE_NAMES], reading["outcome"] == row["label_outcome"]))
    return out


def threshold_for(p: list[float], right: list[bool], target: float = TARGET, least: int = 20) -> float:
    for t in [x / 100 for x in range(50, 100)]:
        chosen = [r for q, r in zip(p, right) if q >= t]
        if len(chosen) >= least and sum(chosen) / len(chosen) >= target:
            return t
    return 1.0


def coverage_table(p: list[float], right: list[bool]) -> list[str]:
    lines = ["| confidence at least | replies | share of all | right | accuracy |", "|---|---|---|---|---|"]
    for t in (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95):
        chosen = [r for q, r in zip(p, right) if q >= t]
        acc = f"{sum(chosen) / len(chosen):.3f}" if chosen else "-"
        lines.append(f"| {t:.2f} | {len(chosen)} | {len(chosen) / len(p):.2f} | {sum(chosen)} | {acc} |")
    return lines


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replies", type=Path, default=HERE / "replies.jsonl")
    parser.add_argument("--segments", type=Path, default=HERE / "segments.jsonl")
    parser.add_argument("--save", type=Path, help="write calibration.json, CALIBRATION_CARD.md and reliability.png here")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.replies.read_text(encoding="utf-8").splitlines() if line.strip()]
    # Fit on the results as they are before calibration: what calibration.calibrated() receives at
    # run time (its support score is one of the signals), whatever calibration ships now.
    pipeline.load_calibration = lambda: None
    shipped = pipeline.load_tagger()
    labelled = [r for r in read_letters(args.replies, args.segments) if fitted_on(r)]
    tmp = tempfile.mkdtemp()
    for k in [*range(5), None]:  # the train folds, each with a tagger that never saw it; then the test split
        if k is None:
            pipeline.load_tagger = lambda: shipped
            todo = [r for r in rows if r["split"] == "test"]
        else:
            fit = [r for r in labelled if fold_of(r["authority"]) != k]
            tagger = Tagger.train([r["letter"] for r in fit], [r["gold"] for r in fit], Path(tmp) / f"fold{k}.crfsuite",
                                  c1=shipped.meta["c1"], c2=shipped.meta["c2"])  # as the shipped tagger was trained
            tagger.meta["threshold"] = shipped.meta["threshold"]
            tagger.meta["turn_threshold"] = shipped.meta["turn_threshold"]
            pipeline.load_tagger = lambda tagger=tagger: tagger
            todo = [r for r in rows if fitted_on(r) and fold_of(r["authority"]) == k]
        for row in todo:
            result = classify(row["text"])
            row["x"], row["right"], row["raw"] = features(row["text"], result), result.outcome == row["label_outcome"], result.confidence
    shutil.rmtree(tmp)
    train = [r for r in rows if fitted_on(r)]
    test = [r for r in rows if r["split"] == "test"]
    fold = [fold_of(r["authority"]) for r in train]
    report = [f"{len(train)} train replies (right {sum(r['right'] for r in train)}), {len(test)} test replies (right {sum(r['right'] for r in test)})"]

    best = None
    for c in PENALTIES:
        oof = [0.0] * len(train)
        for k in range(5):
            fit = [r for r, f in zip(train, fold) if f != k]
            model = LogisticRegression(C=c, max_iter=5000).fit([r["x"] for r in fit], [r["right"] for r in fit])
            for i, (r, f) in enumerate(zip(train, fold)):
                if f == k:
                    oof[i] = float(model.predict_proba([r["x"]])[0][1])
        truth = [r["right"] for r in train]
        score = log_loss(truth, oof)
        report.append(f"cross-validation, C={c}: log loss {score:.4f}, expected calibration error {ece(oof, truth):.3f}")
        if best is None or score < best[0]:  # a proper score: the binned error is too noisy to choose by
            best = (score, c, oof)
    _, c, oof = best
    report.append(f"chosen: C={c}")
    model = LogisticRegression(C=c, max_iter=5000).fit([r["x"] for r in train], [r["right"] for r in train])
    weights, intercept = [float(w) for w in model.coef_[0]], float(model.intercept_[0])
    meta: dict = {"C": c, "trained": date.today().isoformat(), "data": "data/real/replies.jsonl, split=train"}
    # The train letters are the ones the rules were corrected against, so even out of fold they are
    # right more often than unseen letters. Letters read before they were added are unseen in
    # that sense: Platt scaling of the fitted score on them (two numbers, no penalty) corrects the
    # over-confidence that carries to unseen authorities.
    fresh = fresh_train_readings(FRESH_READINGS, rows)
    uncorrected = Calibration(tuple(weights), intercept, 1.0, {})
    a, b = 1.0, 0.0
    if len(fresh) >= LEAST_FRESH:
        scores = [[intercept + sum(w * v for w, v in zip(weights, x))] for x, _ in fresh]
        platt = LogisticRegression(C=math.inf, max_iter=5000).fit(scores, [ok for _, ok in fresh])
        a, b = float(platt.coef_[0][0]), float(platt.intercept_[0])
        weights, intercept = [a * w for w in weights], a * intercept + b
        meta.update(platt={"scale": a, "shift": b, "fresh_readings": len(fresh)})
        report.append(f"recalibrated on {len(fresh)} fresh readings of train letters (read before they were added; "
                      f"right {sum(ok for _, ok in fresh)}, mean confidence before "
                      f"{sum(uncorrected.probability(x) for x, _ in fresh) / len(fresh):.3f}): score x {a:.3f} {b:+.3f}")
    else:
        report.append(f"not recalibrated: {len(fresh)} fresh readings of train letters (at least {LEAST_FRESH} needed)")
    # The review threshold: the lowest probability from which the cross-validated train replies,
    # their probabilities recalibrated as above, are right at least TARGET of the time.
    recalibrated_oof = [1.0 / (1.0 + math.exp(-(a * math.log(q / (1.0 - q)) + b))) for q in (min(max(q, 1e-9), 1 - 1e-9) for q in oof)]
    threshold = threshold_for(recalibrated_oof, [r["right"] for r in train])
    report.append(f"review threshold {threshold} (cross-validated accuracy >= {TARGET} from there on"
                  + ("" if threshold < 1.0 else ": not reached at any threshold, so every result needs review") + ")")
    calibration = Calibration(tuple(weights), intercept, threshold, meta)
    p = [calibration.probability(r["x"]) for r in test]
    right = [r["right"] for r in test]
    raw = [r["raw"] for r in test]
    report += [
        "",
        f"test split: expected calibration error {ece(p, right):.3f} (before the recalibration: "
        f"{ece([uncorrected.probability(r['x']) for r in test], right):.3f}; the support score read as a probability: {ece(raw, right):.3f})",
        f"test split at the review threshold {threshold}: {sum(q >= threshold for q in p)} replies kept, "
        + (f"{sum(r for q, r in zip(p, right) if q >= threshold)} right" if any(q >= threshold for q in p) else "none"),
        "",
        *coverage_table(p, right),
    ]
    print("\n".join(report))
    if args.save:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        (args.save / CALIBRATION_FILE).write_text(json.dumps(calibration.to_json(), indent=2) + "\n", encoding="utf-8")
        fig, ax = plt.subplots(figsize=(5, 5))
        for name, probs in (("calibrated", p), ("support score", raw)):
            xs, ys = [], []
            for b in range(10):
                inside = [(q, r) for q, r in zip(probs, right) if b / 10 <= q < (b + 1) / 10 or (b == 9 and q == 1.0)]
                if inside:
                    xs.append(sum(q for q, _ in inside) / len(inside))
                    ys.append(sum(r for _, r in inside) / len(inside))
            ax.plot(xs, ys, marker="o", label=name)
        ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect")
        ax.set_xlabel("confidence (mean in bin)")
        ax.set_ylabel("share of outcomes right")
        ax.set_title(f"Reliability on the test split ({len(test)} replies)")
        ax.legend()
        fig.tight_layout()
        fig.savefig(args.save / "reliability.png", dpi=100)
        card = ["# Calibrated confidence", "",
                f"Fitted {date.today().isoformat()} by `python data/real/calibrate.py --save {args.save}` on the train split of "
                f"`data/real/` ({len(train)} replies); judged once on the test split ({len(test)} replies). Signals: "
                + ", ".join(f"`{n}`" for n in FEATURE_NAMES) + ".", "",
                "![reliability diagram](reliability.png)", "", "```", *report, "```", ""]
        (args.save / "CALIBRATION_CARD.md").write_text("\n".join(card), encoding="utf-8")
        print("saved", args.save / CALIBRATION_FILE)


if __name__ == "__main__":
    main()
