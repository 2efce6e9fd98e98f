"""Saved Alaveteli request pages read as HTML (tests/fixtures/alaveteli_pages/: real
WhatDoTheyKnow pages, sources in its README; MANIFEST.jsonl holds what each page shows, read by
hand)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foiclassify import classify, classify_thread
from foiclassify.alaveteli_pages import read_alaveteli_page
from foiclassify.batch import label_files

PAGES = Path(__file__).parent / "fixtures" / "alaveteli_pages"
MANIFEST = [json.loads(line) for line in (PAGES / "MANIFEST.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
ROLE = {"incoming": "authority", "outgoing": "requester"}


@pytest.mark.parametrize("entry", MANIFEST, ids=[m["file"] for m in MANIFEST])
def test_every_message_of_a_real_page_with_its_sender_date_and_attachments(entry):
    page = read_alaveteli_page((PAGES / entry["file"]).read_text(encoding="utf-8"))
    messages = [m for m in page.messages if m.role != "annotation"]
    assert len(messages) == len(entry["messages"])
    for got, want in zip(messages, entry["messages"]):
        assert got.role == ROLE[want["direction"]]
        assert got.date == want["date"]
        assert got.sender.startswith(want["sender"].rstrip(","))
        assert " ".join(got.text.split())[:60].rstrip() == want["first_words"]
        assert [a.name for a in got.attachments] == want["attachments"]
        assert got.extra["folded_quote"] == want["has_folded_quote"]
        assert "show quoted sections" not in got.text
    # the status block's class, whatever the site's language, and the request's parties
    assert page.state and page.state in entry["site_state"]
    assert page.requester and page.authority == "Ministry of Housing, Communities and Local Government"
    authority_messages = [m for m in page.messages if m.role == "authority"]
    assert authority_messages[-1].site_state == page.state and all(not m.site_state for m in authority_messages[:-1])


def test_classify_thread_reads_the_html_page_not_its_text():
    html = (PAGES / "wdtk_refused_call_in_request_160361ou.html").read_text(encoding="utf-8")
    thread = classify_thread(html)
    assert [m.role for m in thread.messages].count("authority") == 3 and [m.role for m in thread.messages].count("annotation") == 4
    assert thread.site_state == "partially_successful" and thread.title.startswith("Refused call-in request")
    assert all(m.sender for m in thread.messages)
    # the folded quote is not in the page, and its link is not labelled as text
    folded = [m for m in thread.messages if "I'm sorry that we have not responded" in m.text]
    assert folded and "show quoted" not in folded[0].text


def test_cli_and_batch_take_saved_pages(tmp_path, capsys):
    from foiclassify.cli import main

    page = PAGES / "wdtk_psl_schemes.html"
    assert main(["label", str(page)]) == 0
    out = capsys.readouterr().out
    assert "title:       PSL Schemes" in out and out.count("authority") >= 3
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("wdtk_psl_schemes.html", "wdtk_golders_green_visit.html"):
        (folder / name).write_bytes((PAGES / name).read_bytes())
    summary = label_files([folder], tmp_path / "out.csv", quiet=True)
    import pandas as pd

    rows = pd.read_csv(tmp_path / "out.csv")
    assert summary.rows_in == summary.rows_out == len(rows) == 4 + 3
    assert list(rows["role"]).count("authority") == 3 + 2


def test_an_attachment_html_view_is_read_as_that_attachments_text():
    # constructed in the shape of Alaveteli's attachment view: its banner line, then the letter
    html = ("<html><body><div id='attachment'><p>This is an HTML version of an attachment to the Freedom of Information "
            "request 'Parking contracts'.</p><div class='view_html_content'><p>Dear Ms Jones</p><p>The contract is exempt "
            "under section 43(2) of the Freedom of Information Act 2000.</p></div></div></body></html>")
    page = read_alaveteli_page(html)
    [message] = page.messages
    assert page.title == "Parking contracts" and message.role == "authority"
    assert "This is an HTML version" not in message.text
    assert classify(message.text).exemptions == ("FOIA:s43",)


def test_an_older_theme_header_is_read_from_its_heading():
    # constructed after the 2015 templates: the sender and date in the block's h2, no __author span
    html = ("<html><head><title>Bins - a Freedom of Information request to Exampleshire Council</title></head><body>"
            "<p class='subtitle'><a>Jo Bloggs</a> made this Freedom of Information request to <a>Exampleshire Council</a></p>"
            "<div class='incoming correspondence' id='incoming-9'><h2>From: FOI Team<br>Exampleshire Council<br>"
            "<time datetime='2015-03-02T10:00:00Z'>2 March 2015</time></h2><div class='correspondence_text'>"
            "<p>We do not hold this information.</p></div></div></body></html>")
    [message] = read_alaveteli_page(html).messages
    assert (message.role, message.sender, message.date) == ("authority", "FOI Team Exampleshire Council", "2015-03-02T10:00:00Z")
    assert classify(message.text).outcome == "not_held"


def test_html_that_only_mentions_the_markers_is_read_as_text():
    html = "<html><body><p>Our request_status field says: the information is not held.</p></body></html>"
    thread = classify_thread(html)
    assert [m.result.outcome for m in thread.messages if m.result] == ["not_held"]


def test_an_emails_lines_are_single_lines_not_paragraphs():
    """Alaveteli prints each line of an e-mail as ``<br />`` and a newline in the markup: one line
    break (HTML's white space rules), so sentences wrapped over lines stay one paragraph."""
    page = read_alaveteli_page((PAGES / "wdtk_golders_green_visit.html").read_text(encoding="utf-8"))
    first = next(m for m in page.messages if m.role == "authority")
    assert "We are currently processing your request. If you\nhave any questions" in first.text


# The site's own state, where it names a decision or a wait, against the thread's outcome: 0 of 6
# agreed before the seventh session of 2026-11-30 (acknowledgements read as answers, lines doubled
# by the HTML reader, a covering note read as giving information); these four agree now. The
# other two: a response whose decision is in an attachment the page does not carry (site:
# partially successful, ours undetermined) and an attached reply read from its covering note
# alone (site: not held, ours undetermined). Those are right to say they cannot tell.
@pytest.mark.parametrize("name, outcome", [
    ("wdtk_golders_green_visit.html", "acknowledgement"),  # site: waiting_response
    ("wdtk_subscriptions_to_publications_by_15.html", "acknowledgement"),  # site: waiting_response
    ("wdtk_psl_schemes.html", "not_held"),  # site: not_held
    ("wdtk_did_those_working_in_local_labou_3.html", "not_held"),  # site: not_held
])
def test_thread_outcome_agrees_with_the_sites_state(name, outcome):
    assert classify_thread((PAGES / name).read_text(encoding="utf-8")).outcome == outcome
