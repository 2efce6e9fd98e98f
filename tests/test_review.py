"""foiclassify review: the review page's server, the corrections file, restarts and a real browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from foiclassify.batch import label_dataframe
from foiclassify.review import serve

LETTERS = [
    "The information is exempt under section 43(2) of the Freedom of Information Act 2000.",
    "We do not hold any recorded information within the scope of your request.",
    "Thank you for your request, which we received on 2 May. We will respond within 20 working days.",
    "Please find the information you requested below.\n2022: 316\n2023: 216",
    "Diolch am eich e-bost.",
    "To comply would exceed the appropriate limit of £450 under section 12 of the FOIA.",
    "Could you please clarify which years you mean?",
]


@pytest.fixture()
def labelled(tmp_path):
    frame = label_dataframe(pd.DataFrame({"id": [f"r{i}" for i in range(len(LETTERS))], "authority": ["A", "B"] * 3 + ["A"], "text": LETTERS}))
    path = tmp_path / "labelled.parquet"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, row_group_size=3)  # pages span row groups
    return path, frame


def _start(path, corrections):
    server = serve(path, corrections, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _get(url):
    with urllib.request.urlopen(url) as response:
        return json.loads(response.read())


def _post(url, data):
    request = urllib.request.Request(url, json.dumps(data).encode(), {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_rows_come_needing_review_first_lowest_confidence_first_and_filter(labelled, tmp_path):
    path, frame = labelled
    server, base = _start(path, tmp_path / "corrections.jsonl")
    try:
        page = _get(base + "/api/rows?offset=0&limit=50")
        keys = [(not r["needs_review"], r["confidence"]) for r in page["rows"]]
        assert keys == sorted(keys) and page["total"] == len(LETTERS)
        assert {r["key"] for r in page["rows"]} == set(frame["id"])
        assert all(r["text"] == LETTERS[r["row"]] for r in page["rows"])  # rows read from their row groups
        only = _get(base + "/api/rows?outcome=refused&authority=A")
        assert only["rows"] and all(r["outcome"] == "refused" and r["authority"] == "A" for r in only["rows"])
        assert _get(base + "/api/rows?code=FOIA:s43")["total"] == 1
        html = urllib.request.urlopen(base + "/").read().decode()
        assert "<script>" in html and "http://" not in html and "https://" not in html  # nothing from the internet
    finally:
        server.shutdown()
        server.server_close()


def test_decisions_are_appended_at_once_and_a_restart_continues(labelled, tmp_path):
    path, _ = labelled
    corrections = tmp_path / "corrections.jsonl"
    server, base = _start(path, corrections)
    try:
        first = _get(base + "/api/rows")["rows"][0]
        status, entry = _post(base + "/api/decide", {"row": first["row"], "action": "accept"})
        assert status == 200 and entry["new"] == {"outcome": first["outcome"], "exemptions": sorted(first["exemptions"])}
        status, _ = _post(base + "/api/decide", {"row": first["row"], "outcome": "not an outcome"})
        assert status == 400
        status, entry = _post(base + "/api/decide", {"row": 0, "outcome": "refused", "exemptions": ["FOIA:s43", "FOIA:s40"]})
        assert status == 200
    finally:
        server.shutdown()
        server.server_close()
    lines = [json.loads(line) for line in corrections.read_text().splitlines()]
    assert len(lines) == 2 and lines[1]["new"]["exemptions"] == ["FOIA:s40", "FOIA:s43"]
    assert set(lines[1]) >= {"row", "key", "text", "text_sha256", "old", "new", "action", "time"}
    server, base = _start(path, corrections)  # started again on the same files
    try:
        page = _get(base + "/api/rows")
        assert page["first_undecided"] == 1 and page["rows"][0]["decision"] is not None
        assert _get(base + "/api/meta")["decided"] == 2
    finally:
        server.shutdown()
        server.server_close()
    # the corrections are labelled data
    from foiclassify.cli import main

    assert main(["evaluate", str(corrections)]) == 0


def test_a_killed_server_loses_no_decision(labelled, tmp_path):
    path, _ = labelled
    corrections = tmp_path / "corrections.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "foiclassify", "review", str(path), "-o", str(corrections), "--port", "0"],
                               stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        base = re.search(r"http://127\.0\.0\.1:\d+", line).group(0)
        status, _ = _post(base + "/api/decide", {"row": 3, "outcome": "provided", "exemptions": []})
        assert status == 200
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    [entry] = [json.loads(line) for line in corrections.read_text().splitlines()]
    assert (entry["row"], entry["new"]["outcome"]) == (3, "provided")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")
def test_review_in_a_real_browser_with_the_keyboard(labelled, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    path, _ = labelled
    corrections = tmp_path / "corrections.jsonl"
    server, base = _start(path, corrections)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        browser.get(base + "/")
        wait = WebDriverWait(browser, 10)
        wait.until(lambda b: b.find_element(By.ID, "status").get_attribute("data-decided") == "no")
        first = browser.find_element(By.ID, "p-outcome").text
        body = browser.find_element(By.TAG_NAME, "body")
        body.send_keys("a")  # accept the first row
        wait.until(lambda b: len(corrections.read_text().splitlines()) == 1 if corrections.exists() else False)
        body.send_keys("2")  # correct the second row to the second outcome
        wait.until(lambda b: len(corrections.read_text().splitlines()) == 2)
        browser.refresh()
        wait.until(lambda b: b.find_element(By.ID, "status").get_attribute("data-decided") == "no")
        assert len(browser.find_elements(By.CSS_SELECTOR, "#list .done")) == 2  # both shown as decided
        assert "row" in browser.find_element(By.ID, "status").text
    finally:
        browser.quit()
        server.shutdown()
        server.server_close()
    accepted, corrected = [json.loads(line) for line in corrections.read_text().splitlines()]
    assert accepted["action"] == "accept" and accepted["new"]["outcome"] == first
    assert corrected["action"] == "correct" and corrected["new"]["outcome"] == "partially_provided"
