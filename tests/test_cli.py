import json
import subprocess
import sys
from pathlib import Path

from foiclassify.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"


def test_label_prints_a_table(capsys):
    assert main(["label", str(EXAMPLES / "dwp_letter_s43_whp.md"), str(EXAMPLES / "wdtk_thread_dwp_coproduction.txt")]) == 0
    out = capsys.readouterr().out
    assert "partially_provided" in out and "FOIA:s43" in out
    assert "site status: The request was refused by Department for Work and Pensions. (rejected)" in out
    assert out.count("acknowledgement") == 3


def test_label_json(capsys):
    assert main(["label", "--json", str(EXAMPLES / "dwp_letter_s43_whp.md")]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["outcome"] == "partially_provided"
    assert rows[0]["messages"][0]["result"]["exemptions"] == ["FOIA:s43"]


def test_missing_file_is_a_one_line_error(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "foiclassify", "label", str(tmp_path / "nope.txt")], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "nope.txt: no such file" in proc.stderr
    assert "Traceback" not in proc.stderr
