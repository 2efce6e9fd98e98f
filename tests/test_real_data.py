"""The real labelled replies: a valid dataset, a fixed split, and rules that do not get worse on it."""

import importlib.util
import json
from pathlib import Path

from foiclassify.evaluate import SHIPPED, evaluate, read_labelled
from foiclassify import classify
from foiclassify.labels import EXEMPTIONS, JURISDICTIONS, OUTCOMES, act_of

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data/real/replies.jsonl"


def _rows():
    return [json.loads(line) for line in REAL.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_row_has_a_source_and_taxonomy_labels():
    rows = _rows()
    assert len({r["id"] for r in rows}) == len(rows), "ids must be unique"
    texts: dict[str, str] = {}
    for r in rows:  # one reply stored twice would count twice in every figure
        assert r["text"] not in texts, f"{r['id']} repeats the text of {texts[r['text']]}"
        texts[r["text"]] = r["id"]
    for r in rows:
        assert r["source_url"].startswith(("http://", "https://")), r["id"]
        assert r["authority"] and r["text"].strip(), r["id"]
        assert r["label_outcome"] in OUTCOMES, r["id"]
        assert all(code in EXEMPTIONS for code in r["label_exemptions"]), r["id"]
        assert r["label_stage"] in ("initial", "internal_review"), r["id"]
        assert isinstance(r["truncated"], bool), r["id"]
        assert r["split"] in ("train", "test"), r["id"]
        assert r["jurisdiction"] in JURISDICTIONS, r["id"]
        if r["label_exemptions"]:  # the labels are the letter's own country's codes
            uk = r["jurisdiction"] in ("UK", "UK-SCT")
            assert all((act_of(code) in ("FOIA", "EIR", "FOISA", "EISR")) == uk for code in r["label_exemptions"]), r["id"]


def test_no_letter_from_outside_the_uk_gets_a_uk_code():
    uk_acts = ("FOIA", "EIR", "FOISA", "EISR")
    for r in _rows():
        if r["jurisdiction"] not in ("UK", "UK-SCT"):
            result = classify(r["text"])
            assert not [code for code in result.exemptions if act_of(code) in uk_acts], r["id"]


def test_split_is_recorded_per_authority_by_the_documented_rule():
    spec = importlib.util.spec_from_file_location("split", ROOT / "data/real/split.py")
    split = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(split)
    sides: dict[str, set[str]] = {}
    for r in _rows():
        sides.setdefault(r["authority"], set()).add(r["split"])
        assert r["split"] == split.split_of(r["authority"]), r["id"]
    assert all(len(s) == 1 for s in sides.values())
    assert {"train", "test"} <= {s for ss in sides.values() for s in ss}


def test_rules_and_classify_do_not_fall_below_their_measured_accuracy_on_the_real_test_split():
    # Floors set a little under the figures measured on the test split (seventh session of
    # 2026-11-30, 327 replies: rules macro-F1 0.438, exemption micro-F1 0.913; classify() 226 right,
    # macro-F1 0.512; 220 right at the turn threshold the folds chose before, a tie on five fold
    # assignments; README "Accuracy"): a change that makes the rules worse on real replies fails.
    data = read_labelled([REAL])
    test = data[(data["split"] == "test") & data["jurisdiction"].isin(["UK", "UK-SCT"])]
    scores = {s.system: s for s in evaluate(test, None)}
    assert scores["rules only"].macro_f1 >= 0.42
    assert scores["rules only"].exemption_micro_f1 >= 0.90
    # classify() as shipped: the rules, and the segment tagger where they find no decision
    assert scores[SHIPPED].macro_f1 >= 0.47
    assert scores[SHIPPED].exemption_micro_f1 >= 0.90
    right = int((scores[SHIPPED].confusion.to_numpy().diagonal()).sum())
    assert right >= 0.66 * len(test), f"{right} of {len(test)}"
