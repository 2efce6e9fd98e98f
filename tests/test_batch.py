"""Batch labelling: formats, threads, error rows, order with --jobs, resume after kill -9."""

import json
import mailbox
import os
import signal
import subprocess
import sys
import time
from email.message import EmailMessage
from pathlib import Path

import pandas as pd
import pytest

from foiclassify import label_dataframe, label_stream
from foiclassify.batch import label_files
from foiclassify.cli import main
from foiclassify.io import InputError

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"
TEXTS = [
    "We do not hold this information.",
    "The information is exempt under section 43(2) and is withheld.",
    None,
    "",
    "Please find the figures attached.",
    "Complying would exceed the appropriate limit of £450.",
]


@pytest.fixture()
def table():
    return pd.DataFrame({"id": [f"00{i}" for i in range(len(TEXTS))], "body": TEXTS, "year": [2020 + i for i in range(len(TEXTS))]})


def _write(df, path):
    if path.suffix == ".csv":
        df.to_csv(path, index=False)
    elif path.suffix == ".jsonl":
        df.to_json(path, orient="records", lines=True)
    else:
        df.to_parquet(path)


def _read(path):
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_parquet(path)


@pytest.mark.parametrize("src", [".csv", ".jsonl", ".parquet"])
@pytest.mark.parametrize("dst", [".csv", ".jsonl", ".parquet"])
def test_round_trip_keeps_rows_columns_and_labels(tmp_path, table, src, dst):
    _write(table, tmp_path / f"in{src}")
    summary = label_files([tmp_path / f"in{src}"], tmp_path / f"out{dst}", text_column="body", quiet=True, chunk_size=4)
    out = _read(tmp_path / f"out{dst}")
    assert summary.rows_out == len(out) == len(TEXTS)
    assert list(out.columns[:3]) == ["id", "body", "year"]
    assert out["id"].astype(str).str.zfill(3).tolist() == table["id"].tolist()
    assert out["outcome"].tolist() == ["not_held", "refused", "undetermined", "undetermined", "provided", "refused"]
    exemptions = out["exemptions"].tolist()
    if dst == ".csv":
        assert exemptions[1] == "FOIA:s43" and exemptions[5] == "FOIA:s12"
    else:
        assert list(exemptions[1]) == ["FOIA:s43"] and list(exemptions[0]) == []
    assert not (tmp_path / f"out{dst}.partial").exists()


def test_evidence_column_is_json(tmp_path, table):
    _write(table, tmp_path / "in.csv")
    label_files([tmp_path / "in.csv"], tmp_path / "out.csv", text_column="body", quiet=True)
    evidence = json.loads(_read(tmp_path / "out.csv")["evidence"][1])
    assert any(e["label"] == "FOIA:s43" and e["role"] == "cited" and e["text"] == "43(2)" for e in evidence)


def test_threads_give_one_row_per_message(tmp_path):
    thread = (EXAMPLES / "wdtk_thread_dwp_coproduction.txt").read_text(encoding="utf-8")
    letter = (EXAMPLES / "dwp_letter_s43_whp.md").read_text(encoding="utf-8")
    pd.DataFrame({"ref": ["a", "b"], "text": [thread, letter]}).to_parquet(tmp_path / "in.parquet")
    label_files([tmp_path / "in.parquet"], tmp_path / "out.parquet", threads=True, quiet=True)
    out = pd.read_parquet(tmp_path / "out.parquet")
    first = out[out["thread_id"] == 0]
    assert first["message_index"].tolist() == list(range(10))
    assert first["role"].tolist()[:3] == ["requester", "authority", "authority"]
    assert first["outcome"].tolist()[1] == "acknowledgement"
    assert out[out["thread_id"] == 1]["ref"].tolist()[0] == "b"


def test_bad_rows_get_an_error_and_the_batch_goes_on(tmp_path):
    rows = [{"text": "We do not hold this information."}, {"text": 12345}, {"text": ["a", "list"]}, {"text": "Please find the figures attached."}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    summary = label_files([tmp_path / "in.jsonl"], tmp_path / "out.jsonl", quiet=True)
    out = _read(tmp_path / "out.jsonl")
    assert out["outcome"].tolist() == ["not_held", "undetermined", "undetermined", "provided"]
    assert out["error"].tolist()[0] == "" and "TypeError" in out["error"].tolist()[1]
    assert summary.errors == 2


def test_invalid_utf8_in_csv_is_read_not_lost(tmp_path):
    raw = "id,text\n1,The Trust\u2019s figures are exempt under section 43(2).\n2,We do not hold it.\n".encode("cp1252")
    (tmp_path / "in.csv").write_bytes(raw)
    label_files([tmp_path / "in.csv"], tmp_path / "out.csv", quiet=True)
    out = _read(tmp_path / "out.csv")  # written as UTF-8
    assert out["text"][0].startswith("The Trust\u2019s figures")
    assert out["outcome"].tolist() == ["refused", "not_held"]


def test_missing_column_and_bad_file_fail_before_any_work(tmp_path, table, capsys):
    _write(table, tmp_path / "in.csv")
    assert main(["label", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv")]) == 2
    assert "no column 'text'" in capsys.readouterr().err
    (tmp_path / "bad.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match="bad.parquet: cannot read as parquet"):
        label_files([tmp_path / "in.csv", tmp_path / "bad.parquet"], tmp_path / "out.csv", text_column="body", quiet=True)
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "out.csv.partial").exists()
    with pytest.raises(InputError, match="output must be .csv, .jsonl or .parquet"):
        label_files([tmp_path / "in.csv"], tmp_path / "out.xlsx", text_column="body", quiet=True)


def test_folder_and_mbox_inputs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("We do not hold this information.")
    msg = EmailMessage()
    msg["From"] = "foi@example.gov.uk"
    msg["Subject"] = "Your request"
    msg.set_content("The information is exempt under section 40(2).")
    msg.add_alternative("<html><body><p>The information is <b>exempt</b> under section 40(2).</p></body></html>", subtype="html")
    (folder / "b.eml").write_bytes(bytes(msg))
    label_files([folder], tmp_path / "docs.csv", quiet=True)
    out = _read(tmp_path / "docs.csv")
    assert out["path"].tolist() == ["a.txt", "b.eml"]
    assert out["outcome"].tolist() == ["not_held", "refused"]
    box = mailbox.mbox(tmp_path / "mail.mbox")
    box.add(msg)
    box.add(msg)
    box.close()
    label_files([tmp_path / "mail.mbox"], tmp_path / "mail.jsonl", quiet=True)
    mail = _read(tmp_path / "mail.jsonl")
    assert mail["outcome"].tolist() == ["refused", "refused"] and mail["subject"].tolist()[0] == "Your request"


def test_jobs_keep_input_order(tmp_path):
    texts = [f"There were {i} incidents; please find the figures below." if i % 3 else "We do not hold this information." for i in range(300)]
    pd.DataFrame({"n": range(300), "text": texts}).to_csv(tmp_path / "in.csv", index=False)
    label_files([tmp_path / "in.csv"], tmp_path / "one.csv", quiet=True, chunk_size=20, jobs=1)
    label_files([tmp_path / "in.csv"], tmp_path / "two.csv", quiet=True, chunk_size=20, jobs=2)
    label_files([tmp_path / "in.csv"], tmp_path / "auto.csv", quiet=True, chunk_size=20, jobs=None)  # one per core
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes() == (tmp_path / "auto.csv").read_bytes()
    assert _read(tmp_path / "two.csv")["n"].tolist() == [str(i) for i in range(300)]


def test_one_job_per_core_labels_a_small_input_in_this_process(tmp_path, monkeypatch):
    """jobs=None (the command line's default): a worker process per core, but never more than there are chunks: one chunk is
    labelled here, without starting a pool (whose start-up would dominate a small input)."""
    import foiclassify.batch as batch

    def no_pool(*args, **kwargs):
        raise AssertionError("a worker pool was started for one chunk")

    monkeypatch.setattr(batch.multiprocessing, "get_context", no_pool)
    pd.DataFrame({"text": ["We do not hold this information."] * 3}).to_csv(tmp_path / "in.csv", index=False)
    label_files([tmp_path / "in.csv"], tmp_path / "out.csv", quiet=True, jobs=None)
    assert _read(tmp_path / "out.csv")["outcome"].tolist() == ["not_held"] * 3
    assert batch.default_jobs(1_000, 500, cores=8) == 2 and batch.default_jobs(1_000, 500, cores=1) == 1


def test_resume_after_kill_gives_every_row_once(tmp_path):
    letter = (EXAMPLES / "dwp_letter_s43_whp.md").read_text(encoding="utf-8")
    rows = 1200
    pd.DataFrame({"n": range(rows), "text": [letter.replace("27 February", f"{i} February") for i in range(rows)]}).to_csv(tmp_path / "in.csv", index=False)
    command = [sys.executable, "-m", "foiclassify", "label", str(tmp_path / "in.csv"), "-o", str(tmp_path / "out.csv"), "--chunk-size", "25", "-q"]
    proc = subprocess.Popen(command)
    partial = tmp_path / "out.csv.partial"
    deadline = time.time() + 60
    while time.time() < deadline and len(list(partial.glob("chunk-*.csv"))) < 2:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    committed = len(list(partial.glob("chunk-*.csv")))
    assert 2 <= committed < rows // 25, "the run should have been killed part-way"
    assert not (tmp_path / "out.csv").exists()
    subprocess.run(command, check=True)
    label_files([tmp_path / "in.csv"], tmp_path / "clean.csv", quiet=True, chunk_size=25)
    assert (tmp_path / "out.csv").read_bytes() == (tmp_path / "clean.csv").read_bytes()
    assert _read(tmp_path / "out.csv")["n"].tolist() == [str(i) for i in range(rows)]


def test_changed_input_does_not_resume_silently(tmp_path, table):
    _write(table, tmp_path / "in.csv")
    (tmp_path / "out.csv.partial").mkdir()
    (tmp_path / "out.csv.partial" / "manifest.json").write_text(json.dumps({"fingerprint": "something else"}))
    with pytest.raises(InputError, match="--restart"):
        label_files([tmp_path / "in.csv"], tmp_path / "out.csv", text_column="body", quiet=True)
    label_files([tmp_path / "in.csv"], tmp_path / "out.csv", text_column="body", quiet=True, restart=True)
    assert len(_read(tmp_path / "out.csv")) == len(TEXTS)


def test_label_dataframe_and_stream(table):
    out = label_dataframe(table, text_column="body")
    assert len(out) == len(table) and out["outcome"].tolist()[0] == "not_held"
    assert [r.outcome for r in label_stream(iter(TEXTS))] == ["not_held", "refused", "undetermined", "undetermined", "provided", "refused"]
    with pytest.raises(KeyError, match="no column 'text'"):
        label_dataframe(table)


def test_dask_on_a_local_cluster(table):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    from foiclassify.dask import label

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, distributed.Client(cluster):
        got = label(dd.from_pandas(table, npartitions=3), text_column="body").compute()
    expected = label_dataframe(table, text_column="body")
    # Values equal; dtypes (and None vs NaN) may differ where a partition holds only missing values.
    def records(df):
        return [[None if not isinstance(v, (list, tuple)) and pd.isna(v) else (list(v) if isinstance(v, (list, tuple)) else v) for v in row] for row in df.itertuples(index=False)]

    assert list(got.columns) == list(expected.columns)
    assert records(got.reset_index(drop=True)) == records(expected)
