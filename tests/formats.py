"""Small files in the real formats, built from the formats' public documentation (constructed
content; the layouts follow Alaveteli's templates and zip naming, MuckRock's API serializer,
RFC 5322/MIME, and the PDF/OOXML/ODF/RTF specifications)."""

from __future__ import annotations

import io
import json
import zipfile
from email.message import EmailMessage


def pdf(lines: list[str] | None) -> bytes:
    """A one-page PDF whose text layer holds ``lines``; ``None`` gives a page with no text (a scan)."""
    def escape(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 72 760 Td 14 TL " + " ".join(f"({escape(line)}) '" for line in lines) + " ET" if lines else ""
    page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >>" + (" /Contents 5 0 R >>" if lines else " >>")
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        page,
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def encrypted_pdf(lines: list[str], password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(lines))))
    writer.encrypt(user_password=password, owner_password="owner-" + password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip(members: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def docx(paragraphs: list[str]) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>" for p in paragraphs)
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    return _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": document})


def odt(paragraphs: list[str]) -> bytes:
    ns = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    body = "".join(f"<text:p>{p}</text:p>" for p in paragraphs)
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns}><office:body><office:text>{body}</office:text></office:body></office:document-content>'
    return _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


def rtf(paragraphs: list[str]) -> bytes:
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24 " + "\\par ".join(paragraphs) + "\\par}").encode("ascii")


REFUSAL_LETTER = [
    "Dear Ms Example,",
    "Freedom of Information request reference FOI-2024-0001",
    "We hold the information you asked for. However, we consider that it is exempt from",
    "disclosure under section 43(2) of the Freedom of Information Act 2000, because its",
    "release would prejudice the commercial interests of the council and its contractor.",
]

# The older Alaveteli text template's layout (every line indented by two spaces, as in
# app/views/request/_incoming_correspondence.text.erb at 4eee188e); today's layout is in the
# rendered fixtures of tests/fixtures/platforms/.
CORRESPONDENCE = """This is a plain-text version of the Freedom of Information request "Parking contract value".  The latest, full version is available online at https://alaveteli.example/request/parking_contract_value.

-------------------------------
  From: Jo Example
  To: Example Borough Council
  Date: 2 May 2024
  Dear Example Borough Council,

  Please tell me the annual value of the parking enforcement contract.

  Yours faithfully,
  Jo Example

-------------------------------
  From: FOI Team, Example Borough Council
  To: Jo Example
  Date: 3 May 2024

  Thank you for your request, which we received on 2 May 2024. We will respond within 20 working days.

-------------------------------
  From: FOI Team, Example Borough Council
  To: Jo Example
  Date: 30 May 2024

  Dear Jo Example,

  Please find our response attached.

  Yours sincerely,
  FOI Team
    Attachment: FOI-2024-0001 response.pdf (12K)
    Attachment: contract schedule.docx (8K)
"""


def alaveteli_zip(with_attachments: bool = True, attachment: bytes | None = None) -> bytes:
    members: dict[str, bytes | str] = {"correspondence.txt": CORRESPONDENCE}
    if with_attachments:
        members["2_2_FOI-2024-0001 response.pdf"] = attachment if attachment is not None else pdf(REFUSAL_LETTER)
        members["2_3_contract schedule.docx"] = docx(["Schedule 4: performance measures."])
    return _zip(members)


def alaveteli_request_json() -> str:
    events = [
        {"id": 1, "event_type": "sent", "described_state": None, "calculated_state": "waiting_response", "incoming_message_id": None},
        {"id": 2, "event_type": "response", "described_state": None, "calculated_state": "waiting_response", "incoming_message_id": 11},
        {"id": 3, "event_type": "response", "described_state": "rejected", "calculated_state": "rejected", "incoming_message_id": 12},
    ]
    return json.dumps({
        "id": 7, "url_title": "parking_contract_value", "title": "Parking contract value", "described_state": "rejected",
        "law_used": "foi", "public_body": {"name": "Example Borough Council"}, "info_request_events": events,
    })


def alaveteli_export(folder) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "InfoRequest-01-06-2024.csv").write_text(
        "id,title,user_id,public_body_id,created_at,updated_at,described_state,awaiting_description,url_title,law_used,last_public_response_at,info_request_batch_id\n"
        "7,Parking contract value,3,5,2024-05-02,2024-05-30,rejected,false,parking_contract_value,foi,2024-05-30,\n"
        "8,Gritting routes,3,5,2024-05-02,2024-05-30,successful,false,gritting_routes,eir,2024-05-30,\n"
    )
    (folder / "PublicBody-01-06-2024.csv").write_text("id,short_name,created_at\n5,Example BC,2010-01-01\n")
    (folder / "IncomingMessage-01-06-2024.csv").write_text(
        "id,info_request_id,created_at,updated_at,raw_email_id,cached_attachment_text_clipped,cached_main_body_text_folded,cached_main_body_text_unfolded,subject,sent_at,prominence\n"
        '11,7,2024-05-03,2024-05-03,1,,"We have received your request.","We have received your request and will respond within 20 working days.",Re: FOI,2024-05-03,normal\n'
        '12,7,2024-05-30,2024-05-30,2,"The information is exempt under section 43(2) of the Freedom of Information Act.","Please see the attached letter.","Please see the attached letter.",Re: FOI,2024-05-30,normal\n'
        '13,8,2024-05-20,2024-05-20,3,,"The gritting routes are attached.","I am pleased to provide the gritting routes, which are attached.",Re: EIR,2024-05-20,normal\n'
    )


def muckrock_json() -> str:
    return json.dumps({"count": 3, "next": None, "previous": None, "results": [
        {"foia": 72048, "from_user": 4420, "to_user": 9670, "subject": "Freedom of Information Act Request: body cameras",
         "datetime": "2024-04-29T08:00:00-04:00", "response": False, "autogenerated": False,
         "communication": "To Whom It May Concern:\n\nPursuant to the Freedom of Information Act, I request the body camera policy.",
         "status": None, "files": []},
        {"foia": 72048, "from_user": 9670, "to_user": 4420, "subject": "RE: body cameras",
         "datetime": "2024-06-10T10:00:00-04:00", "response": True, "autogenerated": False,
         "communication": "We are withholding the responsive records in full under Exemption 7(E), 5 U.S.C. 552(b)(7)(E).",
         "status": "rejected", "files": [{"title": "final response letter", "ffile": "https://cdn.example/letter.pdf"}]},
        {"foia": 72048, "from_user": 9670, "to_user": 4420, "subject": "RE: body cameras",
         "datetime": "2024-05-01T10:00:00-04:00", "response": True, "autogenerated": False,
         "communication": "This acknowledges receipt of your request, which was received on May 1 and assigned number 2024-77.",
         "status": "ack", "files": [31]},
    ]})


def email_with_attachment(body: str, attachment_name: str, attachment: bytes, maintype: str = "application", subtype: str = "pdf") -> bytes:
    message = EmailMessage()
    message["From"] = "FOI Team <foi@council.example>"
    message["To"] = "Jo Example <request-1@alaveteli.example>"
    message["Subject"] = "Re: Freedom of Information request - Parking contract value"
    message["Date"] = "Thu, 30 May 2024 10:00:00 +0100"
    message.set_content(body)
    message.add_attachment(attachment, maintype=maintype, subtype=subtype, filename=attachment_name)
    return bytes(message)


def html_email(html: str) -> bytes:
    message = EmailMessage()
    message["From"] = "FOI Team <foi@council.example>"
    message["To"] = "Jo Example <jo@example.org>"
    message["Subject"] = "Re: FOI"
    message.set_content(html, subtype="html")
    return bytes(message)
