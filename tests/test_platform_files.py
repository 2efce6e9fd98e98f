"""The readers on files in the platforms' real formats (tests/fixtures/platforms/, whose README
says where each shape comes from): Alaveteli "download entire request" zips rendered from
Alaveteli's own text templates, a zip holding the page printed to PDF, and MuckRock API pages
with the serializers' field names. The correspondence in them is invented."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from foiclassify import classify
from foiclassify.readers import read_alaveteli_request, read_alaveteli_zip, read_muckrock

FIXTURES = Path(__file__).parent / "fixtures" / "platforms"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))

# The outcome and codes of each zip's last authority message, by a reader of the letter.
LAST_DECISION = {
    "alaveteli_basic": ("refused", ("FOIA:s43",)),
    "alaveteli_two_attachments": ("refused", ("FOIA:s12",)),  # the refusal is in the attached notice
    "alaveteli_disclaimer": ("provided", ()),  # a disclaimer that says "exempt" and "withheld" decides nothing
    "alaveteli_pdf": ("provided", ()),
}


def _day(date: str) -> str:
    from foiclassify.readers import _day as day

    return day(date)


@pytest.mark.parametrize("name", sorted(EXPECTED["alaveteli"]))
def test_alaveteli_zips_in_the_real_layout_give_every_message_its_role_sender_date_and_attachments(name):
    expected = EXPECTED["alaveteli"][name]
    messages = read_alaveteli_zip(FIXTURES / expected["zip"])
    assert [m.role for m in messages] == [m["role"] for m in expected["messages"]]
    for message, want in zip(messages, expected["messages"]):
        assert not message.error and not message.warning
        assert _day(message.date) == want["date"], (message.index, message.date)
        if want["role"] == "authority":
            who = ", ".join(filter(None, [want["sender"], want["sender_organisation"]]))
            assert message.sender == who
            assert [a.name for a in message.attachments] == want["attachments"]
            assert all(not a.error for a in message.attachments)  # each listed attachment found in the zip
        elif want["role"] == "requester":
            assert message.sender == want["sender"]
        else:
            assert message.sender == want["sender"] and message.text.startswith("Useful list")
        assert "Attachment:" not in message.text and "Adjunto:" not in message.text
    assert messages[0].subject == expected["title"]
    if name in LAST_DECISION:
        last = [m for m in messages if m.role == "authority"][-1]
        result = classify(last.text, attachments=last.attachments)
        assert (result.outcome, result.exemptions) == LAST_DECISION[name]


def test_a_requester_only_message_keeps_its_place_and_the_next_message_its_own_attachments():
    messages = read_alaveteli_zip(FIXTURES / "alaveteli_two_attachments.zip")
    hidden = messages[2]
    assert hidden.extra["notice"].startswith("This message is hidden, so that only you, the requester, can see it.")
    assert hidden.text.startswith("Dear Jamie Sampleton") and not hidden.attachments
    refusal = messages[4]
    assert [a.name for a in refusal.attachments] == ["Section 12 refusal notice.pdf"]  # zip entry 3_2_, not the extension's
    assert classify(hidden.text).outcome == "clarification_requested"


def test_a_dashed_disclaimer_inside_an_email_does_not_split_it():
    messages = read_alaveteli_zip(FIXTURES / "alaveteli_disclaimer.zip")
    assert len(messages) == 3
    assert "This email and any attachments are confidential" in messages[1].text


def test_a_translated_page_is_read_by_its_layout_not_its_english_labels():
    messages = read_alaveteli_zip(FIXTURES / "alaveteli_es.zip")
    assert [m.role for m in messages] == ["requester", "authority", "authority"]
    assert messages[0].subject == "Contrato de limpieza viaria 2023"
    assert [a.name for a in messages[2].attachments] == ["Resoluci n denegatoria 2024 15.pdf"]
    # a Spanish refusal under Spain's own law: no code in the catalogue, no English cue, and the
    # segment tagger (trained on English letters) does not guess: undetermined, not "provided"
    assert classify(messages[2].text, attachments=messages[2].attachments).outcome == "undetermined"


def test_a_zip_of_the_page_printed_to_pdf_is_read_from_the_printed_layout():
    messages = read_alaveteli_zip(FIXTURES / "alaveteli_pdf.zip")
    assert [(m.role, m.sender) for m in messages] == [
        ("requester", "Riley Madeup"), ("authority", "Eastvale City Council"), ("authority", "Dana Notreal, Eastvale City Council")]
    assert messages[0].subject == "Parking fines issued in 2023"
    assert "19,686 parking penalty charge notices" in messages[2].text


def test_site_states_pair_with_the_real_layouts_dates(tmp_path):
    zip_path = tmp_path / "req.zip"
    zip_path.write_bytes((FIXTURES / "alaveteli_basic.zip").read_bytes())
    events = [
        {"event_type": "sent", "created_at": "2024-03-04T10:00:00Z"},
        {"event_type": "response", "created_at": "2024-03-05T09:00:00Z", "calculated_state": "waiting_response"},
        {"event_type": "response", "created_at": "2024-03-20T09:00:00Z", "described_state": "waiting_clarification"},  # hidden
        {"event_type": "response", "created_at": "2024-03-28T15:00:00Z", "described_state": "rejected"},
    ]
    (tmp_path / "req.json").write_text(json.dumps({"title": "t", "info_request_events": events, "public_body": {"name": "Northshire Borough Council"}}))
    request = read_alaveteli_request(tmp_path / "req.json")
    assert [m.site_state for m in read_alaveteli_zip(zip_path, request)] == ["", "waiting_response", "rejected"]


@pytest.mark.parametrize("name", ["muckrock_v1_page.json", "muckrock_v2_communications.json"])
def test_muckrock_pages_give_every_communication_of_every_request(name):
    messages = read_muckrock(FIXTURES / name)
    expected = EXPECTED["muckrock"]
    assert [(m.thread_id, m.role) for m in messages] == [
        (foia, c["role"]) for foia, request in expected.items() for c in request["communications"]]
    assert [m.date[:10] for m in messages] == [c["date"] for request in expected.values() for c in request["communications"]]
    refusal = messages[2]
    assert classify(refusal.text).exemptions == ("USFOIA:b5",) and classify(refusal.text).outcome == "refused"
    if name == "muckrock_v1_page.json":
        assert messages[0].sender == "TaylorExample" and messages[0].authority == "agency 9901"
        assert [a.name for a in messages[5].attachments] == ["LPD-24-0088_Cover_Letter", "Use_of_Force_Policy_2023"]


def test_the_committed_zips_are_rebuilt_from_their_folders():
    done = subprocess.run([sys.executable, str(FIXTURES / "make_fixtures.py"), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_attachment_lines_run_together_are_still_told_apart():
    # Today's templates write one "Attachment:" line per file; a rendering that runs them onto one
    # line (as issue #22 reported) must not give one combined name and a phantom attachment.
    from foiclassify.readers import _blocks

    page = ('This is a plain-text version of the Freedom of Information request "t".\n\n' + "-" * 31 + "\n"
            "From: FOI Team, Example Council\nTo: Jo\nDate: May 30, 2024\n\nPlease see attached.\n"
            "Attachment: a.pdf (12K) Attachment: b 2.docx (1.2M) \n")
    [block] = _blocks(page)[1]
    assert block.listed == ["a.pdf", "b 2.docx"] and block.body == "Please see attached."
