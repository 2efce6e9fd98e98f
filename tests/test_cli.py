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


def test_help_label_without_output_and_classify_import_no_heavy_library():
    # issue #21: a command imports what it needs when it needs it
    import sys

    root = Path(__file__).resolve().parent.parent
    heavy = ("pandas", "pyarrow", "matplotlib", "sklearn", "bs4")
    script = (
        "import runpy, sys\n"
        "sys.argv = ARGV\n"
        "try:\n"
        "    runpy.run_module('foiclassify', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))\n"
    )
    for argv in (["foiclassify", "--help"], ["foiclassify", "label", "data/examples/dwp_letter_s43_whp.md"]):
        done = subprocess.run([sys.executable, "-c", script.replace("ARGV", repr(argv))], capture_output=True, text=True, cwd=root)
        assert done.stdout.strip().splitlines()[-1] == "[]", (argv, done.stdout[-300:], done.stderr[-300:])
    done = subprocess.run([sys.executable, "-c", "import sys, foiclassify; foiclassify.classify('We do not hold it.'); "
                           f"print(sorted(m for m in {heavy!r} if m in sys.modules))"], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr[-300:]


def test_the_batch_command_imports_no_pandas(tmp_path):
    # issue #21: a batch run reads and writes its tables without pandas (a third of a second to
    # import); Parquet goes through pyarrow's file and JSON readers, which do not load it
    import sys

    root = Path(__file__).resolve().parent.parent
    (tmp_path / "in.csv").write_text('id,text\n007,"We do not hold this information."\n', encoding="utf-8")
    for output in ("out.parquet", "out.csv", "out.jsonl"):
        argv = ["foiclassify", "label", str(tmp_path / "in.csv"), "-o", str(tmp_path / output), "-q"]
        script = ("import runpy, sys\nsys.argv = " + repr(argv) + "\ntry:\n    runpy.run_module('foiclassify', "
                  "run_name='__main__')\nexcept SystemExit:\n    pass\nprint('pandas' in sys.modules)\n")
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=root)
        assert done.stdout.strip().splitlines()[-1] == "False", (output, done.stdout[-300:], done.stderr[-300:])
        assert (tmp_path / output).exists()
    import pyarrow.parquet as pq

    [row] = pq.ParquetFile(tmp_path / "out.parquet").read().to_pylist()
    assert (row["id"], row["outcome"], row["exemptions"]) == ("007", "not_held", [])
