"""Attachments and platform readers: each format read, bad files give per-message errors,
and a message's decision is read from its attachment with the evidence naming the part."""

import json
import mailbox
import zipfile

import pandas as pd
import pytest

from foiclassify import classify
from foiclassify.attachments import Attachment, read_attachment
from foiclassify.batch import label_files
from foiclassify.readers import (
    ReadError, read_alaveteli_export, read_alaveteli_request, read_alaveteli_zip, read_email, read_mbox, read_muckrock,
)

from . import formats

LETTER = formats.REFUSAL_LETTER


@pytest.mark.parametrize("name, data", [
    ("reply.pdf", formats.pdf(LETTER)),
    ("reply.docx", formats.docx(LETTER)),
    ("reply.odt", formats.odt(LETTER)),
    ("reply.rtf", formats.rtf(LETTER)),
    ("reply.html", ("<html><body>" + "".join(f"<p>{line}</p>" for line in LETTER) + "</body></html>").encode()),
    ("reply.txt", "\n".join(LETTER).encode("cp1252")),
])
def test_each_attachment_format_gives_its_text(name, data):
    attachment = read_attachment(name, data)
    assert attachment.error == ""
    assert "section 43(2)" in attachment.text and "commercial interests" in " ".join(attachment.text.split())
    assert classify("Please find our response attached.", attachments=[attachment]).exemptions == ("FOIA:s43",)


@pytest.mark.parametrize("name, data, error", [
    ("scan.pdf", formats.pdf(None), "scanned PDF: no text layer"),
    ("locked.pdf", formats.encrypted_pdf(LETTER), "encrypted PDF: needs a password"),
    ("broken.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 50, "unreadable PDF"),
    ("broken.docx", b"PK\x03\x04 not really a zip", "unreadable DOCX"),
    ("empty.docx", formats.odt(["x"]), "not a valid document: no word/document.xml"),
    ("picture.png", b"\x89PNG\r\n", "unsupported attachment type"),
])
def test_unreadable_attachments_say_why(name, data, error):
    attachment = read_attachment(name, data)
    assert attachment.text == ""
    assert attachment.error.startswith(error), attachment.error


def test_oversized_attachments_are_refused_before_parsing():
    assert read_attachment("big.txt", b"x" * 1001, max_bytes=1000).error.startswith("attachment too large")
    # A DOCX whose XML unpacks far beyond the limit (a zip bomb) is refused from its header.
    bomb = formats.docx(["word " * 200_000])
    assert len(bomb) < 100_000
    assert "unpacks to" in read_attachment("bomb.docx", bomb, max_bytes=500_000).error


def test_ocr_hook_reads_a_scan_only_when_given():
    scan = formats.pdf(None)
    assert read_attachment("scan.pdf", scan).error.startswith("scanned PDF")
    assert read_attachment("scan.pdf", scan, ocr=lambda data: "We do not hold the information.").text == "We do not hold the information."


def test_evidence_names_the_part_and_offsets_into_it():
    body = "Dear Jo, please see the attached response. Yours sincerely, FOI Team"
    letter = "We do not hold any recorded information about parking fines."
    result = classify(body, attachments=[Attachment("response.pdf", letter)])
    assert result.outcome == "not_held"
    spans = [e for e in result.evidence if e.label == "not_held"]
    assert spans and all(e.part == "attachment:response.pdf" for e in spans)
    assert all(letter[e.start:e.end] == e.text for e in spans)
    assert all(body[e.start:e.end] == e.text for e in result.evidence if e.part == "body")


def test_missing_attachment_is_undetermined_with_a_reason_and_present_one_decides():
    body = "Dear Jo, please find our response attached."
    missing = classify(body, attachments=[Attachment("response.pdf", error="scanned PDF: no text layer")])
    assert missing.outcome == "undetermined"
    assert "response.pdf: scanned PDF" in missing.reason
    assert classify(body, attachments=2).reason.endswith("2 attachment(s) whose text was not supplied")
    present = classify(body, attachments=[read_attachment("response.pdf", formats.pdf(LETTER))])
    assert (present.outcome, present.exemptions) == ("refused", ("FOIA:s43",))


def test_body_boilerplate_does_not_swallow_the_attachment():
    body = "Please find our response attached.\n\nYour right to complain\nIf you are unhappy you may ask for an internal review."
    result = classify(body, attachments=[Attachment("r.pdf", "The information is exempt under section 40(2).")])
    assert result.exemptions == ("FOIA:s40",)


def test_alaveteli_zip_messages_roles_attachments_and_site_states(tmp_path):
    path = tmp_path / "parking_contract_value.zip"
    path.write_bytes(formats.alaveteli_zip())
    (tmp_path / "parking_contract_value.json").write_text(formats.alaveteli_request_json())
    messages = read_alaveteli_zip(path)
    assert [m.role for m in messages] == ["requester", "authority", "authority"]
    assert messages[0].subject == "Parking contract value"
    assert messages[2].date == "30 May 2024" and messages[2].authority == "Example Borough Council"
    assert [a.name for a in messages[2].attachments] == ["FOI-2024-0001 response.pdf", "contract schedule.docx"]
    assert [m.site_state for m in messages] == ["", "waiting_response", "rejected"]
    assert "Attachment:" not in messages[2].text
    result = classify(messages[2].text, attachments=messages[2].attachments)
    assert (result.outcome, result.exemptions) == ("refused", ("FOIA:s43",))
    assert classify(messages[1].text).outcome == "acknowledgement"


def test_alaveteli_zip_without_attachments_and_bad_archives(tmp_path):
    bare = tmp_path / "bare.zip"
    bare.write_bytes(formats.alaveteli_zip(with_attachments=False))
    last = read_alaveteli_zip(bare)[2]
    assert [a.error for a in last.attachments] == ["listed in the correspondence but not in the archive"] * 2
    assert classify(last.text, attachments=last.attachments).outcome == "undetermined"

    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 truncated")
    [only] = read_alaveteli_zip(broken)
    assert only.error.startswith("broken.zip: not a readable zip archive")

    locked = tmp_path / "locked.zip"
    locked.write_bytes(formats.alaveteli_zip(attachment=formats.encrypted_pdf(LETTER)))
    assert read_alaveteli_zip(locked)[2].attachments[0].error == "encrypted PDF: needs a password"


def test_alaveteli_request_json_is_a_second_opinion(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(formats.alaveteli_request_json())
    request = read_alaveteli_request(path)
    assert (request.described_state, request.law_used, request.response_states) == ("rejected", "foi", ("waiting_response", "rejected"))
    path.write_text("{}")
    with pytest.raises(ReadError, match="not an Alaveteli request JSON"):
        read_alaveteli_request(path)


def test_alaveteli_research_export(tmp_path):
    formats.alaveteli_export(tmp_path / "export")
    messages = list(read_alaveteli_export(tmp_path / "export"))
    # the request's state describes its latest response only; every message keeps it as request_state
    assert [(m.thread_id, m.index, m.site_state, m.extra["request_state"], m.authority, m.warning) for m in messages] == [
        ("7", 0, "", "rejected", "Example BC", ""), ("7", 1, "rejected", "rejected", "Example BC", ""),
        ("8", 0, "successful", "successful", "Example BC", "")]
    assert [a.name for a in messages[1].attachments] == ["attachments (clipped)"]
    outcomes = [classify(m.text, attachments=m.attachments).outcome for m in messages]
    assert outcomes == ["acknowledgement", "refused", "provided"]


def test_alaveteli_research_export_says_when_a_request_row_is_missing(tmp_path):
    folder = tmp_path / "export"
    formats.alaveteli_export(folder)
    incoming = folder / "IncomingMessage-01-06-2024.csv"
    incoming.write_text(incoming.read_text() + '14,9,2024-06-01,2024-06-01,4,,"Not held.","We do not hold this information.",Re: FOI,2024-06-01,normal\n')
    messages = list(read_alaveteli_export(folder))
    assert len(messages) == 4
    assert (messages[-1].thread_id, messages[-1].authority, messages[-1].site_state) == ("9", "", "")
    assert messages[-1].warning == "request 9: no row in InfoRequest-*.csv, so no authority or site state"
    assert messages[-1].to_record()["read_warning"] == messages[-1].warning
    (folder / "InfoRequest-01-06-2024.csv").unlink()
    assert all(m.warning.startswith("no InfoRequest-*.csv in the folder") for m in read_alaveteli_export(folder))


def test_muckrock_communications(tmp_path):
    path = tmp_path / "comms.json"
    path.write_text(formats.muckrock_json())
    messages = read_muckrock(path)
    assert [(m.role, m.site_state) for m in messages] == [("requester", ""), ("authority", "ack"), ("authority", "rejected")]
    assert messages[2].attachments[0].error.startswith("file not in the export")
    assert classify(messages[2].text).exemptions == ("USFOIA:b7E",)
    path.write_text('{"unrelated": 1}')
    with pytest.raises(ReadError):
        read_muckrock(path)


def test_email_attachments_html_and_quoted_history():
    raw = formats.email_with_attachment(
        "Please find attached our response.\n\nOn 2 May 2024, Jo Example wrote:\n> Under section 12 please send everything.",
        "response.pdf", formats.pdf(LETTER))
    message = read_email(raw)
    assert message.role == "authority"
    assert "section 12" not in message.text
    assert message.attachments[0].name == "response.pdf" and "section 43(2)" in message.attachments[0].text
    assert classify(message.text, attachments=message.attachments).exemptions == ("FOIA:s43",)
    html = read_email(formats.html_email("<html><body><p>We do <b>not hold</b> this information.</p></body></html>"))
    assert html.text == "We do not hold this information."


def test_mbox_and_batch_over_every_reader(tmp_path):
    box = mailbox.mbox(tmp_path / "inbox.mbox")
    box.add(formats.email_with_attachment("Please find attached our response.", "response.docx", formats.docx(LETTER), "application", "octet-stream"))
    box.add(b"From: someone\nSubject: broken\nContent-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: application/pdf; name=a.pdf\nContent-Transfer-Encoding: base64\n\n%%%notbase64\n--zz--\n")
    box.flush()
    box.close()
    assert len(list(read_mbox(tmp_path / "inbox.mbox"))) == 2

    (tmp_path / "request.zip").write_bytes(formats.alaveteli_zip())
    (tmp_path / "comms.json").write_text(formats.muckrock_json())
    formats.alaveteli_export(tmp_path / "export")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.eml").write_bytes(formats.email_with_attachment("Our response is attached.", "r.rtf", formats.rtf(LETTER), "application", "rtf"))
    (docs / "b.zip").write_bytes(b"not a zip at all")
    (docs / "c.txt").write_text("We do not hold this information.")
    for name, expected in [
        ("inbox.mbox", ["refused", "undetermined"]),
        ("request.zip", [None, "acknowledgement", "refused"]),
        ("comms.json", [None, "acknowledgement", "refused"]),
        ("export", ["acknowledgement", "refused", "provided"]),
        ("docs", ["refused", "undetermined", "not_held"]),
    ]:
        out = tmp_path / f"{name}.parquet"
        label_files([tmp_path / name if name != "docs" else docs], out, quiet=True)
        frame = pd.read_parquet(out)
        assert [o if isinstance(o, str) else None for o in frame["outcome"]] == expected, name
        assert {"role", "attachments", "site_state", "read_error"} <= set(frame.columns), name
    docs_out = pd.read_parquet(tmp_path / "docs.parquet")
    assert docs_out.loc[1, "read_error"].startswith("b.zip: not a readable zip archive")
    from foiclassify.analysis import site_agreement

    _, agreement = site_agreement(pd.read_parquet(tmp_path / "comms.json.parquet"))
    assert (agreement["compared"], agreement["agree"]) == (1, 1)  # "rejected" vs refused; "ack" names no decision
    evidence = json.loads(pd.read_parquet(tmp_path / "request.zip.parquet").loc[2, "evidence"])
    assert {e["part"] for e in evidence if e["label"] == "FOIA:s43"} == {"attachment:FOI-2024-0001 response.pdf"}


def test_alaveteli_request_json_alone_is_refused_with_a_reason(tmp_path):
    from foiclassify.io import InputError

    (tmp_path / "r.json").write_text(formats.alaveteli_request_json())
    with pytest.raises(InputError, match="holds no message text"):
        label_files([tmp_path / "r.json"], tmp_path / "out.csv", quiet=True)


def test_zip_member_over_the_limit_is_an_attachment_error(tmp_path):
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("correspondence.txt", formats.CORRESPONDENCE)
        archive.writestr("2_2_huge.txt", "a" * 2_000_000)
    [attachment] = [a for a in read_alaveteli_zip(path, max_bytes=1_000_000)[2].attachments if a.name == "huge.txt"]
    assert attachment.error.startswith("attachment too large")


def test_seed_thread_attachment_missing_versus_present(wdtk_thread):
    from foiclassify import classify_thread

    missing = classify_thread(wdtk_thread)
    in_attachments = [i for i, m in enumerate(missing.messages) if m.result and m.result.outcome == "undetermined"]
    assert len(in_attachments) == 3
    for i in in_attachments:
        assert missing.messages[i].attachments == 1
        assert "1 attachment(s) whose text was not supplied" in missing.messages[i].result.reason
    assert missing.outcome == "undetermined"

    # The same messages with the first reply's attachment supplied (a constructed letter).
    supplied = [{"role": m.role, "text": m.text} for m in missing.messages]
    supplied[in_attachments[0]]["attachments"] = [Attachment("FOI response.pdf", "The information is exempt under section 43(2) of the Act.")]
    present = classify_thread(supplied)
    reply = present.messages[in_attachments[0]].result
    assert (reply.outcome, reply.exemptions) == ("refused", ("FOIA:s43",))
    assert any(e.part == "attachment:FOI response.pdf" for e in reply.evidence)
    assert (present.outcome, present.exemptions) == ("refused", ("FOIA:s43",))


def test_cli_prints_a_zip_and_an_eml_with_the_attachment_part(tmp_path, capsys):
    from foiclassify.cli import main

    (tmp_path / "req.zip").write_bytes(formats.alaveteli_zip())
    (tmp_path / "reply.eml").write_bytes(formats.email_with_attachment("Please find attached our response.", "r.pdf", formats.pdf(LETTER)))
    assert main(["label", str(tmp_path / "req.zip"), str(tmp_path / "reply.eml"), "--evidence"]) == 0
    out = capsys.readouterr().out
    assert out.count("thread outcome: refused (initial); exemptions: FOIA:s43") == 2
    assert "in attachment:FOI-2024-0001 response.pdf" in out and "in attachment:r.pdf" in out
    assert main(["label", str(tmp_path / "x.json")]) == 2


def test_json_files_are_told_apart_without_reading_a_large_file_whole(tmp_path):
    from foiclassify.io import format_of

    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(json.loads(formats.muckrock_json()), indent=2))
    lines = tmp_path / "lines.json"
    lines.write_text('{"text": "We do not hold it."}\n{"text": "Exempt under section 43."}\n')
    assert (format_of(pretty), format_of(lines), format_of(tmp_path / "comms.jsonl")) == ("muckrock", "jsonl", "jsonl")


def test_attachments_given_as_text_are_refused_clearly():
    with pytest.raises(TypeError, match="attachments must be"):
        classify("Please find our response attached.", attachments="reply.pdf")


@pytest.mark.parametrize("members, problem", [
    ({"correspondence.txt": "This is a file of no messages at all.\n"}, "correspondence.txt holds no messages"),
    ({"notes.txt": "hello"}, "no correspondence.txt or correspondence.pdf in the archive"),
    (None, "not a readable zip archive"),
])
def test_a_zip_with_nothing_readable_is_one_clear_error_never_an_empty_result(tmp_path, capsys, members, problem):
    from foiclassify.cli import main

    path = tmp_path / "request.zip"
    if members is None:
        path.write_bytes(b"PK\x03\x04 cut short")
    else:
        with zipfile.ZipFile(path, "w") as archive:
            for name, text in members.items():
                archive.writestr(name, text)
    [only] = read_alaveteli_zip(path)
    assert problem in only.error and not only.text
    for argv in (["label", str(path)], ["label", str(path), "-o", str(tmp_path / "out.csv")]):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert err.count("\n") == 0 and str(path) in err and problem in err, err
    assert not (tmp_path / "out.csv").exists()


def test_muckrock_request_pages_are_expanded_to_their_communications(tmp_path):
    comms = json.loads(formats.muckrock_json())["results"]
    for c in comms:
        c.pop("foia")
    comms[1]["full_html"] = True
    comms[1]["communication"] = "<p>We are withholding the records under <b>Exemption 5</b>, 5 U.S.C. 552(b)(5).</p>"
    comms[2]["full_html"] = False
    comms[2]["communication"] = "Received <p> as text: your request is assigned number 2024-77."
    page = {"count": 2, "next": None, "previous": None, "results": [
        {"id": 101, "title": "Body cameras", "status": "rejected", "agency": 9670, "communications": comms},
        {"id": 102, "title": "Nothing sent yet", "status": "started", "agency": 9671, "communications": []},
    ]}
    path = tmp_path / "foia_page.json"
    path.write_text(json.dumps(page))
    messages = read_muckrock(path)
    assert [(m.thread_id, m.index, m.role, m.sender, m.authority) for m in messages] == [
        ("101", 0, "requester", "user 4420", "agency 9670"), ("101", 1, "authority", "user 9670", "agency 9670"),
        ("101", 2, "authority", "user 9670", "agency 9670"), ("102", 0, "unknown", "", "")]
    assert messages[1].text.startswith("Received <p> as text")  # full_html false: not read as HTML
    assert "<b>" not in messages[2].text and classify(messages[2].text).exemptions == ("USFOIA:b5",)
    assert messages[3].error == "foia_page.json: request 102 has no communications"
    assert messages[0].extra["request_status"] == "rejected"


def test_site_states_are_paired_by_date_not_shifted_by_a_hidden_response(tmp_path):
    path = tmp_path / "parking_contract_value.zip"
    path.write_bytes(formats.alaveteli_zip())
    request = json.loads(formats.alaveteli_request_json())
    sent, ack, refusal = request["info_request_events"]
    ack["created_at"], refusal["created_at"] = "2024-05-03T09:12:00.000+01:00", "2024-05-30T16:40:00.000+01:00"
    hidden = {"id": 9, "event_type": "response", "created_at": "2024-05-20T08:00:00.000+01:00", "described_state": "waiting_clarification",
              "calculated_state": "waiting_clarification", "incoming_message_id": 15}  # hidden by the site: not in the zip
    request["info_request_events"] = [sent, ack, hidden, refusal]
    (tmp_path / "parking_contract_value.json").write_text(json.dumps(request))
    messages = read_alaveteli_zip(path)
    assert [(m.site_state, m.warning) for m in messages] == [("", ""), ("waiting_response", ""), ("rejected", "")]

    refusal["created_at"] = "2024-06-02T10:00:00.000+01:00"  # no response on the zip's 30 May
    (tmp_path / "parking_contract_value.json").write_text(json.dumps(request))
    last = read_alaveteli_zip(path)[2]
    assert last.site_state == "" and last.warning == "1 authority message(s) matched no response in the request JSON by date: no site state"
