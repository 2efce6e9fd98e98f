"""Training and evaluation on labelled data: ``foiclassify train`` and ``foiclassify evaluate``.

Labelled data is a CSV, JSONL or Parquet table with ``text``, ``label_outcome`` and
``label_exemptions`` (a list, or ``;``-joined codes), optionally ``label_stage`` and ``split``
(``train``/``test``). Training uses the rows whose split is not ``test``; evaluation uses the
``test`` rows when there is a split column, else every row.

Evaluation reports the same figures for three systems, so the value of each part is visible:
the rules alone, the model alone, and the two combined (what :func:`foiclassify.classify` does).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import rules
from .combine import ModelScores, combine
from .io import read_table
from .labels import codes_from
from .model import Model, save, train
from .pipeline import classify
from .resources import MANIFEST_FILE
from .result import Classification
from .tagger import load_default as load_tagger
from .text import prepare

LABEL_COLUMNS = ("text", "label_outcome", "label_exemptions")


def read_labelled(paths: list[Path]) -> pd.DataFrame:
    """Labelled rows from one or more files; raises ValueError naming a missing column."""
    frames = []
    for path in paths:
        if _is_corrections(path):  # foiclassify review's decisions: their new labels are the gold
            frames.append(_corrections_frame(path))
            continue
        frame = read_table(
            path, string_columns=LABEL_COLUMNS + ("label_stage", "split", "jurisdiction")
        )
        missing = [c for c in LABEL_COLUMNS if c not in frame.columns]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        frames.append(frame)
    data = pd.concat(frames, ignore_index=True)
    data["label_exemptions"] = [codes_from(v) for v in data["label_exemptions"]]
    return data


def _is_corrections(path: Path) -> bool:
    """Whether ``path`` is a corrections file of ``foiclassify review`` (JSON lines with the
    text's SHA-256 and the ``new`` labels)."""
    if path.suffix.lower() not in (".jsonl", ".ndjson"):
        return False
    with open(path, encoding="utf-8") as handle:
        first = handle.readline()
    try:
        entry = json.loads(first)
    except ValueError:
        return False
    return isinstance(entry, dict) and "text_sha256" in entry and isinstance(entry.get("new"), dict)


def _corrections_frame(path: Path) -> pd.DataFrame:
    """The last decision on each row of a corrections file, as labelled rows."""
    from .review import Corrections

    last = Corrections(path).decided
    return pd.DataFrame(
        {
            "text": [e["text"] for e in last.values()],
            "label_outcome": [e["new"]["outcome"] for e in last.values()],
            "label_exemptions": [e["new"]["exemptions"] for e in last.values()],
        }
    )


def _part(data: pd.DataFrame, split: str) -> pd.DataFrame:
    if "split" not in data.columns:
        return data
    return data[data["split"] == "test"] if split == "test" else data[data["split"] != "test"]


@dataclass(frozen=True)
class Scores:
    system: str
    outcome_report: pd.DataFrame  # per label: precision, recall, f1, support
    macro_f1: float
    exemption_micro_f1: float
    confusion: pd.DataFrame


def _score(
    system: str,
    gold_outcomes: list[str],
    predicted: list[str],
    gold_codes: list[list[str]],
    predicted_codes: list[list[str]],
) -> Scores:
    from sklearn.metrics import f1_score, precision_recall_fscore_support
    from sklearn.preprocessing import MultiLabelBinarizer

    labels = sorted(set(gold_outcomes))
    p, r, f, s = precision_recall_fscore_support(
        gold_outcomes, predicted, labels=labels, zero_division=0
    )
    report = pd.DataFrame({"precision": p, "recall": r, "f1": f, "support": s}, index=labels)
    codes = sorted({c for row in gold_codes + predicted_codes for c in row})
    if codes:
        binarizer = MultiLabelBinarizer(classes=codes)
        micro = float(
            f1_score(
                binarizer.fit_transform(gold_codes),
                binarizer.transform(predicted_codes),
                average="micro",
                zero_division=0,
            )
        )
    else:
        micro = 1.0
    confusion = pd.crosstab(
        pd.Series(gold_outcomes, name="gold"), pd.Series(predicted, name="predicted")
    )
    return Scores(system, report, float(f.mean()) if len(f) else 0.0, micro, confusion)


SHIPPED = "classify(): rules + the shipped segment tagger"


def evaluate(data: pd.DataFrame, model: Model | None) -> list[Scores]:
    """Scores of the rules alone, of ``classify()`` as shipped (the rules with the segment tagger,
    when one ships), and (with a model) the model alone and the rules with the model."""
    texts = data["text"].tolist()
    gold = data["label_outcome"].tolist()
    gold_codes = data["label_exemptions"].tolist()
    prepared = [prepare(t) for t in texts]
    findings = [rules.find(p) for p in prepared]
    rule_results = [combine(p, f) for p, f in zip(prepared, findings)]

    def scored(system: str, found: list[Classification]) -> Scores:
        return _score(
            system,
            gold,
            [r.outcome for r in found],
            gold_codes,
            [list(r.exemptions) for r in found],
        )

    results = [scored("rules only", rule_results)]
    if load_tagger() is not None:
        results.append(scored(SHIPPED, [classify(t) for t in texts]))
    if model is not None:
        outcome_proba = model.outcome_proba(texts)
        exemption_proba = model.exemption_proba(texts)
        model_outcomes = [max(p.items(), key=lambda item: item[1])[0] for p in outcome_proba]
        model_codes = [[c for c, v in p.items() if v >= 0.5] for p in exemption_proba]
        results.append(_score("model only", gold, model_outcomes, gold_codes, model_codes))
        combined = [
            combine(p, f, ModelScores(o, e))
            for p, f, o, e in zip(prepared, findings, outcome_proba, exemption_proba)
        ]
        results.append(scored("rules + model", combined))
    return results


def by_jurisdiction(data: pd.DataFrame) -> pd.DataFrame:
    """``classify()`` per value of the data's ``jurisdiction`` column: replies, outcomes right,
    outcome accuracy and macro-F1, exemption micro-F1 (rows: jurisdictions, largest first)."""
    rows = []
    for jurisdiction, part in data.groupby("jurisdiction"):
        results = [classify(t) for t in part["text"]]
        scores = _score(
            "classify()",
            part["label_outcome"].tolist(),
            [r.outcome for r in results],
            part["label_exemptions"].tolist(),
            [list(r.exemptions) for r in results],
        )
        right = sum(g == r.outcome for g, r in zip(part["label_outcome"], results))
        rows.append(
            {
                "jurisdiction": jurisdiction,
                "replies": len(part),
                "outcomes right": right,
                "accuracy": round(right / len(part), 3),
                "outcome macro-F1": round(scores.macro_f1, 3),
                "exemption micro-F1": round(scores.exemption_micro_f1, 3),
            }
        )
    return pd.DataFrame(rows).set_index("jurisdiction").sort_values("replies", ascending=False)


def format_scores(results: list[Scores]) -> str:
    lines = []
    for scores in results:
        lines.append(
            f"== {scores.system}: outcome macro-F1 {scores.macro_f1:.3f}, exemption micro-F1 "
            f"{scores.exemption_micro_f1:.3f}"
        )
        lines.append(scores.outcome_report.round(3).to_string())
        lines.append("confusion (rows gold, columns predicted):")
        lines.append(scores.confusion.to_string())
        lines.append("")
    return "\n".join(lines)


def train_files(
    paths: list[Path], output: Path, seed: int = 0
) -> tuple[Model, list[Scores] | None]:
    """Train on the non-test rows of ``paths``, save to ``output`` with a model card, and
    evaluate on the test rows when there are any."""
    data = read_labelled(paths)
    training = _part(data, "train")
    if training["label_outcome"].nunique() < 2:
        raise ValueError("training needs at least two different outcome labels")
    model = train(
        training["text"].tolist(),
        training["label_outcome"].tolist(),
        training["label_exemptions"].tolist(),
        seed=seed,
    )
    save(model, output)
    test = _part(data, "test") if "split" in data.columns else data.iloc[0:0]
    results = evaluate(test, model) if len(test) else None
    _write_card(output, paths, training, test, model, results)
    return model, results


def _write_card(
    output: Path,
    paths: list[Path],
    training: pd.DataFrame,
    test: pd.DataFrame,
    model: Model,
    results: list[Scores] | None,
) -> None:
    import json

    manifest = json.loads((output / MANIFEST_FILE).read_text(encoding="utf-8"))
    counts = training["label_outcome"].value_counts().to_string()
    figures = format_scores(results) if results else "No test split in the data: no figures."
    sources, seed = ", ".join(str(p) for p in paths), manifest["seed"]
    card = f"""# Model card: {output.name}

- Trained: {manifest["trained"]} on {len(training)} examples from {sources} (seed {seed}).
- Test rows: {len(test)}.
- Exemption codes it predicts: {", ".join(model.codes) or "none"}.
- Library versions: {", ".join(f"{k} {v}" for k, v in manifest["versions"].items())}.
- File: `model.skops`, SHA-256 `{manifest["sha256"]}` (checked on load).

## Training outcomes

```
{counts}
```

## Test figures

```
{figures}
```
"""
    (output / "MODEL_CARD.md").write_text(card, encoding="utf-8")
