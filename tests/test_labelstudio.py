"""Label Studio interchange, on files in its documented JSON formats (Label Studio itself is not run
here: benchmarks/labelstudio_live.py runs the round trip through a real one)."""

from __future__ import annotations

import json

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from foiclassify.batch import label_dataframe
from foiclassify.cli import main
from foiclassify.labelstudio import LABEL_CONFIG, export_tasks, import_export

LETTERS = [
    "The information is exempt under section 43(2) of the Freedom of Information Act 2000.",
    "We do not hold any recorded information within the scope of your request.",
]


@pytest.fixture()
def labelled(tmp_path):
    frame = label_dataframe(pd.DataFrame({"id": ["a", "b"], "text": LETTERS}))
    path = tmp_path / "labelled.parquet"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
    return path


def test_export_gives_tasks_with_predictions_the_config_names(labelled, tmp_path):
    out = tmp_path / "tasks.json"
    assert export_tasks(labelled, out) == 2
    tasks = json.loads(out.read_text())
    refusal = next(t for t in tasks if t["data"]["key"] == "a")
    [prediction] = refusal["predictions"]
    by_name = {}
    for item in prediction["result"]:
        by_name.setdefault(item["from_name"], []).append(item)
        assert f'name="{item["from_name"]}"' in LABEL_CONFIG and item["to_name"] == "text"
    assert by_name["outcome"][0]["value"]["choices"] == ["refused"]
    assert by_name["exemptions"][0]["value"]["choices"] == ["FOIA:s43"]
    span = next(i["value"] for i in by_name["evidence"] if i["value"]["labels"] == ["cited"])
    assert refusal["data"]["text"][span["start"]:span["end"]] == span["text"] == "43(2)"
    assert 0 < prediction["score"] < 1


def test_an_export_with_annotations_comes_back_as_corrections(labelled, tmp_path):
    out = tmp_path / "tasks.json"
    export_tasks(labelled, out)
    tasks = json.loads(out.read_text())
    for number, task in enumerate(tasks, start=1):  # what Label Studio's JSON export adds
        task["id"] = number
    annotated = tasks[0]
    annotated["annotations"] = [
        {"id": 1, "created_at": "2026-11-30T10:00:00Z", "was_cancelled": False, "result": [
            {"from_name": "outcome", "to_name": "text", "type": "choices", "value": {"choices": ["provided"]}}]},
        {"id": 2, "created_at": "2026-11-30T11:00:00Z", "was_cancelled": False, "result": [
            {"from_name": "outcome", "to_name": "text", "type": "choices", "value": {"choices": ["partially_provided"]}},
            {"from_name": "exemptions", "to_name": "text", "type": "choices", "value": {"choices": ["FOIA:s40"]}}]},
    ]
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks))
    corrections = tmp_path / "corrections.jsonl"
    assert main(["labelstudio", "import", str(export), "-o", str(corrections)]) == 0
    [entry] = [json.loads(line) for line in corrections.read_text().splitlines()]
    assert entry["new"] == {"outcome": "partially_provided", "exemptions": ["FOIA:s40"]}  # the latest annotation
    assert entry["old"]["outcome"] == annotated["predictions"][0]["result"][0]["value"]["choices"][0]
    assert entry["text"] == annotated["data"]["text"] and entry["action"] == "label-studio"
    assert main(["evaluate", str(corrections)]) == 0
    # a wrong code in an annotation is refused with the task named
    annotated["annotations"][1]["result"][1]["value"]["choices"] = ["FOIA:s99"]
    export.write_text(json.dumps(tasks))
    with pytest.raises(ValueError, match="task 1"):
        import_export(export, tmp_path / "other.jsonl")


def test_an_export_that_lists_predictions_by_id_keeps_the_predicted_labels(labelled, tmp_path):
    # Label Studio 1.23's own JSON export gives a task's predictions as ids (seen in the live
    # round trip): the predicted labels then come from the task's data
    out = tmp_path / "tasks.json"
    export_tasks(labelled, out)
    tasks = json.loads(out.read_text())
    assert tasks[0]["data"]["outcome"] in ("refused", "not_held") and isinstance(tasks[0]["data"]["exemptions"], list)
    for number, task in enumerate(tasks, start=1):
        task["id"], task["predictions"] = number, [100 + number]
    refusal = next(t for t in tasks if t["data"]["key"] == "a")
    refusal["annotations"] = [{"id": 1, "created_at": "2026-11-30T10:00:00Z", "result": [
        {"from_name": "outcome", "to_name": "text", "type": "choices", "value": {"choices": ["partially_provided"]}}]}]
    export = tmp_path / "export.json"
    export.write_text(json.dumps(tasks))
    assert import_export(export, tmp_path / "corrections.jsonl") == 1
    [entry] = [json.loads(line) for line in (tmp_path / "corrections.jsonl").read_text().splitlines()]
    assert entry["old"] == {"outcome": "refused", "exemptions": ["FOIA:s43"]}
    assert entry["new"] == {"outcome": "partially_provided", "exemptions": []}


def test_the_config_from_the_command_line(capsys):
    assert main(["labelstudio", "config"]) == 0
    assert "<Choices name=\"outcome\"" in capsys.readouterr().out
    assert main(["labelstudio", "export"]) == 2


def test_train_takes_corrections_with_the_data(tmp_path):
    from pathlib import Path

    lines = (Path(__file__).resolve().parent.parent / "data/real/replies.jsonl").read_text().splitlines()
    real = tmp_path / "some.jsonl"  # a small part of the real data: enough to train on, quick
    real.write_text("\n".join([line for line in lines if '"split": "train"' in line][:60] + [line for line in lines if '"split": "test"' in line][:10]) + "\n")
    corrections = tmp_path / "corrections.jsonl"
    entry = {"row": 0, "key": "x", "text": "The records are exempt under section 43(2).", "text_sha256": "0",
             "old": {"outcome": "provided", "exemptions": []}, "new": {"outcome": "refused", "exemptions": ["FOIA:s43"]},
             "action": "correct", "time": "2026-11-30T10:00:00+0000"}
    corrections.write_text(json.dumps(entry) + "\n")
    assert main(["train", str(real), "--corrections", str(corrections), "-o", str(tmp_path / "model")]) == 0
    card = (tmp_path / "model" / "MODEL_CARD.md").read_text()
    train_rows = sum(1 for line in real.read_text().splitlines() if '"split": "train"' in line)
    assert f"on {train_rows + 1} examples" in card
