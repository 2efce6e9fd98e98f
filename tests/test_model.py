"""Training, saving and loading models safely (on the constructed demo data: this proves the
machinery, it measures nothing about real replies)."""

import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from foiclassify import model
from foiclassify.model import ModelError

DEMO = Path(__file__).resolve().parent.parent / "data" / "constructed" / "demo_replies.csv"


def _load(folder):
    return model.load(folder, trust=True)


@pytest.fixture(scope="module")
def demo():
    d = pd.read_csv(DEMO, keep_default_na=False)
    return d.text.tolist(), d.label_outcome.tolist(), [[c for c in s.split(";") if c] for s in d.label_exemptions]


@pytest.fixture(scope="module")
def saved(demo, tmp_path_factory):
    folder = tmp_path_factory.mktemp("model")
    model.save(model.train(*demo), folder)
    return folder


def test_train_save_load_round_trip(demo, saved):
    texts, outcomes, _ = demo
    loaded = _load(saved)
    proba = loaded.outcome_proba(texts[:20])
    assert all(abs(sum(p.values()) - 1) < 1e-6 for p in proba)
    predicted = [max(p, key=p.get) for p in proba]
    assert sum(a == b for a, b in zip(predicted, outcomes[:20])) >= 18  # it learnt its (constructed) training data
    manifest = json.loads((saved / "model.json").read_text())
    assert manifest["examples"] == len(texts) and "FOIA:s43" in manifest["codes"] and len(manifest["sha256"]) == 64


def test_training_is_deterministic(demo, saved, tmp_path):
    model.save(model.train(*demo), tmp_path)
    again = _load(tmp_path).outcome_proba(demo[0][:30])
    first = _load(saved).outcome_proba(demo[0][:30])
    assert again == first


def test_tampered_file_is_refused(saved, tmp_path):
    for name in ("model.skops", "model.json"):
        (tmp_path / name).write_bytes((saved / name).read_bytes())
    with open(tmp_path / "model.skops", "ab") as handle:
        handle.write(b"\0")
    with pytest.raises(ModelError, match="does not match the recorded"):
        _load(tmp_path)


def test_untrusted_types_are_refused(tmp_path):
    import skops.io as sio
    from sklearn.tree import DecisionTreeClassifier

    sio.dump({"outcome": DecisionTreeClassifier(), "exemptions": None, "codes": []}, tmp_path / "model.skops")
    (tmp_path / "model.json").write_text(json.dumps({"sha256": model.sha256_of(tmp_path / "model.skops")}))
    with pytest.raises(ModelError, match="not on the trusted list: sklearn.tree"):
        _load(tmp_path)


def test_corrupt_and_missing_files_give_one_line_errors(tmp_path):
    with pytest.raises(ModelError, match="not a model folder"):
        _load(tmp_path)
    (tmp_path / "model.skops").write_bytes(b"this is not a zip file")
    (tmp_path / "model.json").write_text(json.dumps({"sha256": model.sha256_of(tmp_path / "model.skops")}))
    with pytest.raises(ModelError, match="not a readable skops file"):
        _load(tmp_path)
    assert not zipfile.is_zipfile(tmp_path / "model.skops")


def test_other_folders_need_an_explicit_opt_in(saved):
    with pytest.raises(ModelError, match="trust=True"):
        model.load(saved)
    assert _load(saved).codes


def test_no_model_ships_yet_so_rules_decide():
    assert model.load_default() is None


def test_a_model_plugs_into_classify(saved, monkeypatch):
    from foiclassify import classify

    monkeypatch.setattr("foiclassify.pipeline.load_default", lambda: _load(saved))
    r = classify("We do not hold any recorded information within the scope of your request.")
    assert r.outcome == "not_held" and r.reason == "model"
    assert 0.0 <= r.confidence <= 1.0
    cited = classify("The information is exempt under section 43(2) and is withheld.")
    assert "FOIA:s43" in cited.exemptions
    assert any(e.source == "rule" and e.label == "FOIA:s43" and e.role == "cited" for e in cited.evidence)


def test_train_and_evaluate_commands(tmp_path, capsys):
    from foiclassify.cli import main

    data = pd.read_csv(DEMO, keep_default_na=False)
    data["split"] = ["test" if i % 4 == 0 else "train" for i in range(len(data))]
    data.to_csv(tmp_path / "labelled.csv", index=False)
    assert main(["train", str(tmp_path / "labelled.csv"), "-o", str(tmp_path / "m")]) == 0
    card = (tmp_path / "m" / "MODEL_CARD.md").read_text()
    assert "SHA-256" in card and "Test rows: 60" in card and "rules + model" in card
    capsys.readouterr()
    assert main(["evaluate", str(tmp_path / "labelled.csv"), "--model", str(tmp_path / "m")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("60 labelled replies")
    assert "== rules only: outcome macro-F1" in out and "== model only" in out and "confusion" in out
    assert main(["evaluate", str(DEMO)]) == 0  # no model and no split: the rules on every row
    assert "240 labelled replies; model: none (rules only)" in capsys.readouterr().out
    pd.DataFrame({"text": ["x"]}).to_csv(tmp_path / "unlabelled.csv", index=False)
    assert main(["evaluate", str(tmp_path / "unlabelled.csv")]) == 2
    assert "missing column(s) label_outcome, label_exemptions" in capsys.readouterr().err
