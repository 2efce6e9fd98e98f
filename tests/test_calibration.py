"""Calibrated confidence and needs_review (foiclassify.calibration)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from foiclassify import classify
from foiclassify.batch import label_dataframe
from foiclassify.calibration import FEATURE_NAMES, features, load_default, read
from foiclassify.resources import ModelError, default_model_folder

LETTERS = [
    "The information is exempt under section 43(2) of the Freedom of Information Act 2000.",
    "We do not hold any recorded information within the scope of your request.",
    "Thank you for your request, which we received on 2 May. We will respond within 20 working days.",
    "Please find the information you requested below.\n2022: 316\n2023: 216",
    "Diolch am eich e-bost.",
]


def test_the_shipped_calibration_loads_and_names_the_signals_this_code_computes():
    calibration = load_default()
    assert calibration is not None and len(calibration.weights) == len(FEATURE_NAMES)
    assert 0.5 <= calibration.threshold <= 1.0
    assert len(features(LETTERS[0], classify(LETTERS[0]))) == len(FEATURE_NAMES)


@pytest.mark.parametrize("text", LETTERS)
def test_confidence_is_a_probability_and_needs_review_follows_the_threshold(text):
    threshold = load_default().threshold
    result = classify(text)
    assert 0.0 < result.confidence < 1.0
    assert result.needs_review == (result.confidence < threshold)
    assert classify(text, review_threshold=0.0).needs_review is False
    assert classify(text, review_threshold=1.0).needs_review is True
    assert result.to_dict()["needs_review"] == result.needs_review


def test_empty_input_is_certain_and_not_for_review():
    result = classify("")
    assert (result.outcome, result.confidence, result.needs_review) == ("undetermined", 1.0, False)


def test_a_calibration_for_other_signals_is_refused():
    data = json.loads((default_model_folder() / "calibration.json").read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1]
    with pytest.raises(ModelError, match="other signals"):
        read(data)


def test_the_batch_output_has_needs_review():
    labelled = label_dataframe(pd.DataFrame({"text": LETTERS}))
    assert labelled["needs_review"].dtype == bool
    assert list(labelled["needs_review"]) == [classify(t).needs_review for t in LETTERS]


def test_fresh_readings_are_of_stored_letters_with_these_signals_and_only_train_ones_are_fitted():
    # data/real/fresh_readings.jsonl: how classify() read letters before they were added to the data;
    # calibrate.py Platt-scales on the train ones (test letters are never fitted on)
    import sys
    from pathlib import Path

    here = Path(__file__).resolve().parents[1] / "data" / "real"
    sys.path.insert(0, str(here))
    from calibrate import FRESH_READINGS, fresh_train_readings

    rows = [json.loads(line) for line in (here / "replies.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {r["id"]: r for r in rows}
    readings = [json.loads(line) for line in FRESH_READINGS.read_text(encoding="utf-8").splitlines()]
    assert readings and all(r["id"] in by_id and r["read_by"] and tuple(r["signals"]) == FEATURE_NAMES for r in readings)
    fitted = fresh_train_readings(FRESH_READINGS, rows)
    assert len(fitted) == sum(by_id[r["id"]]["split"] == "train" for r in readings) < len(readings)
    assert {ok for _, ok in fitted} == {True, False}
