"""Interchange with Label Studio, the annotation tool many researchers already use.

- :func:`export_tasks` turns a labelled table (``foiclassify label -o``) into Label Studio tasks
  (its JSON import format) with the predictions filled in: the outcome and the codes as choices,
  each evidence span as a labelled region of the text; :data:`LABEL_CONFIG` is the project's
  labelling interface that those names refer to.
- :func:`import_export` reads a Label Studio JSON export back and appends each task's latest
  annotation to a corrections file in ``foiclassify review``'s format, so that ``foiclassify
  evaluate corrections.jsonl`` and ``foiclassify train … corrections.jsonl`` use them.

The format is Label Studio's documented one (tasks with ``data`` and ``predictions``; an export
with ``annotations`` whose ``result`` items carry ``from_name``, ``to_name``, ``type`` and
``value``). The tests read and write files in that format; ``benchmarks/labelstudio_live.py`` runs
the round trip through a real Label Studio (1.23.2): its JSON export lists a task's predictions by
id only, so the predicted labels also travel in each task's ``data``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .labels import EXEMPTIONS, OUTCOMES
from .review import Corrections, LabelledTable

LABEL_CONFIG = (
    "<View>\n"
    '  <Labels name="evidence" toName="text">\n'
    + "".join(f'    <Label value="{label}"/>\n' for label in (*OUTCOMES, "cited"))
    + "  </Labels>\n"
    '  <Text name="text" value="$text"/>\n'
    '  <Choices name="outcome" toName="text" choice="single" showInline="true">\n'
    + "".join(f'    <Choice value="{o}"/>\n' for o in OUTCOMES)
    + "  </Choices>\n"
    '  <Choices name="exemptions" toName="text" choice="multiple">\n'
    + "".join(f'    <Choice value="{code}"/>\n' for code in EXEMPTIONS)
    + "  </Choices>\n"
    "</View>\n"
)


def _evidence_label(item: dict[str, Any]) -> str:
    return "cited" if item.get("role") == "cited" else str(item.get("label"))


def export_tasks(
    labelled: str | Path, output: str | Path, model_version: str = "foiclassify"
) -> int:
    """Write the labelled table's rows as Label Studio tasks, review order first; returns how
    many."""
    table = LabelledTable.open(labelled)
    tasks = []
    for row in table.rows(table.order):
        result: list[dict[str, Any]] = [
            {
                "from_name": "outcome",
                "to_name": "text",
                "type": "choices",
                "value": {"choices": [row["outcome"]]},
            },
            {
                "from_name": "exemptions",
                "to_name": "text",
                "type": "choices",
                "value": {"choices": row["exemptions"]},
            },
        ]
        for item in row["evidence"]:
            start, end = item.get("start", 0), item.get("end", 0)
            if item.get("part", "body") == "body" and row["text"][start:end] == item.get("text"):
                result.append(
                    {
                        "from_name": "evidence",
                        "to_name": "text",
                        "type": "labels",
                        "value": {
                            "start": start,
                            "end": end,
                            "text": item["text"],
                            "labels": [_evidence_label(item)],
                        },
                    }
                )
        tasks.append(
            {
                "data": {
                    "text": row["text"],
                    "row": row["row"],
                    "key": row["key"],
                    # the predicted labels again: an export may list predictions by id only
                    "outcome": row["outcome"],
                    "exemptions": list(row["exemptions"]),
                },
                "predictions": [
                    {"model_version": model_version, "score": row["confidence"], "result": result}
                ],
            }
        )
    Path(output).write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    return len(tasks)


def _choices(result: list[dict[str, Any]], name: str) -> list[str] | None:
    for item in result:
        if item.get("from_name") == name and item.get("type") == "choices":
            return list(item.get("value", {}).get("choices", []))
    return None


def import_export(export: str | Path, corrections: str | Path) -> int:
    """Append the latest annotation of every annotated task of a Label Studio JSON export to a
    corrections file; returns how many. A task without the outcome choice is skipped; an
    unknown outcome or code raises ValueError naming the task."""
    tasks = json.loads(Path(export).read_text(encoding="utf-8"))
    if not isinstance(tasks, list):
        raise ValueError(f"{export}: not a Label Studio JSON export (a list of tasks)")
    out = Corrections(corrections)
    count = 0
    for task in tasks:
        annotations = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
        if not annotations:
            continue
        latest = max(
            annotations, key=lambda a: str(a.get("updated_at") or a.get("created_at") or "")
        )
        outcome = _choices(latest.get("result", []), "outcome")
        if not outcome:
            continue
        data = task.get("data", {})
        # Label Studio's own export lists a task's predictions by id; a hand-made one may carry
        # them whole. The predicted labels are also in the task's data (export_tasks puts them
        # there).
        predictions = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
        predicted: list[dict[str, Any]] = predictions[0].get("result", []) if predictions else []
        text = str(data.get("text", ""))
        row = {
            "row": int(data.get("row", task.get("id", count))),
            "key": str(data.get("key", task.get("id", ""))),
            "text": text,
            "outcome": next(iter(_choices(predicted, "outcome") or []), data.get("outcome")),
            "exemptions": _choices(predicted, "exemptions") or list(data.get("exemptions") or []),
        }
        try:
            out.record(
                row,
                outcome[0],
                _choices(latest.get("result", []), "exemptions") or [],
                "label-studio",
            )
        except ValueError as exc:
            raise ValueError(f"{export}: task {task.get('id')}: {exc}") from exc
        count += 1
    return count
