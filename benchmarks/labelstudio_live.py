"""A live round trip through a real Label Studio: tasks with foiclassify's predictions in,
one annotation made through its API, its JSON export read back as corrections.

    pip install label-studio            # best in a virtualenv of its own: it brings Django
    python benchmarks/labelstudio_live.py --label-studio /path/to/venv/bin/label-studio

What it does, printing each step:

1. labels 12 real test-split replies of ``data/real/`` with ``foiclassify label`` and writes
   them as Label Studio tasks (``foiclassify.labelstudio.export_tasks``);
2. starts Label Studio on 127.0.0.1 (SQLite in a temporary folder, a legacy API token, no
   browser) and waits for its health check;
3. creates a project with ``labelstudio.LABEL_CONFIG``, imports the tasks through
   ``/api/projects/{id}/import`` and checks every task arrived with its prediction;
4. makes one annotation through ``/api/tasks/{id}/annotations/`` (another outcome than the
   predicted one, and a code);
5. exports the project as JSON through ``/api/projects/{id}/export`` and reads it back with
   ``labelstudio.import_export``: one correction, with the annotation's outcome and code and the
   prediction as the old labels.

Exit status 0 when every check holds, 1 otherwise. It is not part of the test suite: Label Studio
takes about half a minute to start and is not one of the project's dependencies (the suite tests
the same two functions on files in Label Studio's documented formats).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from foiclassify.batch import label_files  # noqa: E402
from foiclassify.labelstudio import LABEL_CONFIG, export_tasks, import_export  # noqa: E402

TOKEN = "0123456789abcdef0123456789abcdef01234567"  # a throwaway token for a throwaway server


def api(base: str, method: str, path: str, body: object = None) -> object:
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", f"Token {TOKEN}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=60) as response:
        raw = response.read()
    return json.loads(raw) if raw else None


def check(ok: bool, what: str) -> bool:
    print(("ok   " if ok else "FAIL ") + what)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--label-studio", default=shutil.which("label-studio") or "label-studio",
                        help="the label-studio executable (default: the one on PATH)")
    parser.add_argument("--port", type=int, default=8091)
    parser.add_argument("--rows", type=int, default=12)
    args = parser.parse_args()
    if not Path(args.label_studio).exists() and not shutil.which(args.label_studio):
        print(f"no label-studio executable at {args.label_studio}: pip install label-studio", file=sys.stderr)
        return 1
    base = f"http://127.0.0.1:{args.port}"
    work = Path(tempfile.mkdtemp(prefix="foiclassify-ls-"))
    results = []
    server = None
    try:
        # 1. foiclassify's labels, as tasks
        rows = [json.loads(line) for line in (ROOT / "data/real/replies.jsonl").read_text(encoding="utf-8").splitlines()]
        picked = [r for r in rows if r["split"] == "test"][: args.rows]
        (work / "replies.jsonl").write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in picked),
                                            encoding="utf-8")
        label_files([work / "replies.jsonl"], work / "labelled.jsonl", quiet=True)
        count = export_tasks(work / "labelled.jsonl", work / "tasks.json")
        tasks = json.loads((work / "tasks.json").read_text(encoding="utf-8"))
        results.append(check(count == len(picked), f"{count} tasks written from {len(picked)} labelled replies"))

        # 2. a real Label Studio on loopback
        env = {**os.environ, "LABEL_STUDIO_BASE_DATA_DIR": str(work / "ls-data")}
        server = subprocess.Popen(
            [args.label_studio, "start", "--no-browser", "--data-dir", str(work / "ls-data"),
             "--internal-host", "127.0.0.1", "--port", str(args.port), "--username", "reviewer@example.org",
             "--password", "not-a-real-password-1", "--user-token", TOKEN, "--enable-legacy-api-token"],
            stdout=open(work / "label-studio.log", "w"), stderr=subprocess.STDOUT, env=env)
        started = time.perf_counter()
        while time.perf_counter() - started < 180:
            try:
                with urllib.request.urlopen(base + "/health", timeout=5) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if server.poll() is not None:
                print(f"label-studio exited ({server.returncode}); see {work / 'label-studio.log'}", file=sys.stderr)
                return 1
            time.sleep(2)
        else:
            print("label-studio did not answer its health check in 180 s", file=sys.stderr)
            return 1
        version = api(base, "GET", "/api/version")
        results.append(check(True, f"Label Studio {version.get('release', '?')} up on {base} after "  # type: ignore[union-attr]
                                   f"{time.perf_counter() - started:.0f} s"))

        # 3. a project with foiclassify's labelling interface; the tasks imported with predictions
        project = api(base, "POST", "/api/projects", {"title": "foiclassify round trip", "label_config": LABEL_CONFIG})
        pid = project["id"]  # type: ignore[index]
        api(base, "POST", f"/api/projects/{pid}/import", tasks)
        listed = api(base, "GET", f"/api/tasks?project={pid}&page_size=1000&fields=all")
        stored = listed["tasks"] if isinstance(listed, dict) else listed  # type: ignore[index]
        results.append(check(len(stored) == len(tasks), f"{len(stored)} tasks in project {pid}"))
        details = api(base, "GET", f"/api/projects/{pid}")
        predictions = details.get("total_predictions_number")  # type: ignore[union-attr]
        results.append(check(predictions == len(tasks), f"{predictions} predictions stored with them"))

        # 4. one annotation: another outcome than predicted, and a code
        first = min(stored, key=lambda t: t["id"])
        first_data = first["data"]
        source_task = next(t for t in tasks if t["data"]["key"] == first_data["key"])
        predicted = next(r["value"]["choices"][0] for r in source_task["predictions"][0]["result"] if r["from_name"] == "outcome")
        corrected = "refused" if predicted != "refused" else "partially_provided"
        api(base, "POST", f"/api/tasks/{first['id']}/annotations/", {"result": [
            {"from_name": "outcome", "to_name": "text", "type": "choices", "value": {"choices": [corrected]}},
            {"from_name": "exemptions", "to_name": "text", "type": "choices", "value": {"choices": ["FOIA:s40"]}},
        ]})
        results.append(check(True, f"task {first['id']} ({first_data['key']}) annotated: {predicted} -> {corrected}, FOIA:s40"))

        # 5. the export read back as corrections
        exported = api(base, "GET", f"/api/projects/{pid}/export?exportType=JSON")
        (work / "export.json").write_text(json.dumps(exported), encoding="utf-8")
        read = import_export(work / "export.json", work / "corrections.jsonl")
        entries = [json.loads(line) for line in (work / "corrections.jsonl").read_text(encoding="utf-8").splitlines()]
        results.append(check(read == 1 and len(entries) == 1, f"{read} correction read back from the export"))
        if entries:
            entry = entries[0]
            results.append(check(entry["key"] == first_data["key"] and entry["text"] == first_data["text"], "it names the row and its text"))
            results.append(check(entry["new"] == {"outcome": corrected, "exemptions": ["FOIA:s40"]}, f"new labels {entry['new']}"))
            results.append(check(entry["old"]["outcome"] == predicted, f"old labels {entry['old']} (the prediction)"))
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(work, ignore_errors=True)
    print("round trip:", "passed" if all(results) else "FAILED")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
