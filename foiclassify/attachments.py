"""Reading: the text of a message's attachments (PDF, DOCX, ODT, RTF, HTML, plain text).

The decision letter is often an attached PDF or Word file, not the email body.
:func:`read_attachment`
turns one attachment's bytes into an :class:`Attachment`: its text, or an ``error`` saying why
there is none. It never raises for bad content, so one broken file costs one message, never a batch:

- a PDF without a text layer (a scan) gives ``error="scanned PDF: no text layer"`` unless an
  ``ocr`` function is passed (off by default; the library ships no OCR engine);
- an encrypted PDF, a corrupt or foreign file, or a file over ``max_bytes`` (default 25 MB, also
  checked against the *uncompressed* size of DOCX/ODT parts) gives an ``error`` naming the problem;
- an unknown type (images, spreadsheets) gives ``error="unsupported attachment type …"``.

Everything is pure Python (``pypdf``, ``striprtf``, the standard library): no system services.

>>> read_attachment("reply.html", b"<p>The information is <b>not held</b>.</p>").text
'The information is not held.'
>>> read_attachment("photo.jpg", b"\\xff\\xd8\\xff").error
'unsupported attachment type: photo.jpg'
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from xml.etree import ElementTree

from .text import decode, html_to_text

MAX_BYTES = 25_000_000

OCR = Callable[[bytes], str]


@dataclass(frozen=True)
class Attachment:
    """One attachment of a message: ``name`` (its file name), ``text`` (empty when it has none)
    and ``error`` (why there is no text: empty when reading worked)."""

    name: str
    text: str = ""
    error: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "text": self.text, "error": self.error}


def kind_of(name: str, data: bytes) -> str | None:
    """The reader for a file: from its content's magic bytes where they are telling, else its
    suffix."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    suffix = PurePosixPath(name.lower()).suffix
    if data.startswith(b"PK\x03\x04") and suffix in (".docx", ".odt"):
        return suffix[1:]
    return {
        ".pdf": "pdf",
        ".docx": "docx",
        ".odt": "odt",
        ".rtf": "rtf",
        ".html": "html",
        ".htm": "html",
        ".txt": "text",
        ".text": "text",
        ".md": "text",
        ".csv": "text",
        ".eml": "text",
    }.get(suffix)


def read_attachment(
    name: str, data: bytes, *, max_bytes: int = MAX_BYTES, ocr: OCR | None = None
) -> Attachment:
    """The text of one attachment; see the module documentation for what fails how."""
    if len(data) > max_bytes:
        return Attachment(
            name, error=f"attachment too large: {len(data):,} bytes (limit {max_bytes:,})"
        )
    kind = kind_of(name, data)
    if kind is None:
        return Attachment(name, error=f"unsupported attachment type: {name}")
    try:
        text = _READERS[kind](data, max_bytes, ocr)
    except _Unreadable as exc:
        return Attachment(name, error=str(exc))
    except Exception as exc:  # a corrupt file can raise almost anything inside a parser
        return Attachment(
            name,
            error=f"unreadable {kind.upper()} ({type(exc).__name__}: {str(exc).strip()[:200]})",
        )
    return Attachment(name, text.strip())


class _Unreadable(Exception):
    """A file that is well-formed but holds no text we may read (encrypted, scanned, too large)."""


def _pdf(data: bytes, max_bytes: int, ocr: OCR | None) -> str:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(
        logging.ERROR
    )  # its warnings about damaged files would flood a batch's log
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:  # many "encrypted" PDFs only restrict printing and open with the empty password
            if not reader.decrypt(""):
                raise _Unreadable("encrypted PDF: needs a password")
        except _Unreadable:
            raise
        except Exception as exc:
            raise _Unreadable(f"encrypted PDF: cannot decrypt ({type(exc).__name__})") from exc
    pages = []
    size = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        size += len(text)
        if size > max_bytes:
            raise _Unreadable(f"attachment text too large: over {max_bytes:,} characters")
        pages.append(text)
    text = "\n\n".join(pages)
    if text.strip():
        return text
    if ocr is not None:
        return ocr(data)
    raise _Unreadable("scanned PDF: no text layer (pass an ocr function to read it)")


def _zip_member(data: bytes, member: str, max_bytes: int) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            info = archive.getinfo(member)
        except KeyError:
            raise _Unreadable(f"not a valid document: no {member}") from None
        if info.flag_bits & 0x1:
            raise _Unreadable("encrypted document")
        if info.file_size > max_bytes:
            raise _Unreadable(
                f"attachment too large: {member} unpacks to {info.file_size:,} bytes (limit "
                f"{max_bytes:,})"
            )
        return archive.read(member)


def _xml(data: bytes) -> ElementTree.Element:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise _Unreadable("document XML declares entities; refused")
    return ElementTree.fromstring(data)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(data: bytes, max_bytes: int, ocr: OCR | None) -> str:
    root = _xml(_zip_member(data, "word/document.xml", max_bytes))
    paragraphs = []
    for paragraph in root.iter(f"{_W}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t":
                parts.append(node.text or "")
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
        paragraphs.append("".join(parts))
    return "\n\n".join(p for p in paragraphs if p.strip())


_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _odt_text(node: ElementTree.Element) -> str:
    parts = [node.text or ""]
    for child in node:
        if child.tag == f"{_TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{_TEXT}line-break":
            parts.append("\n")
        elif child.tag == f"{_TEXT}s":
            parts.append(" " * int(child.get(f"{_TEXT}c", "1")))
        else:
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _odt(data: bytes, max_bytes: int, ocr: OCR | None) -> str:
    root = _xml(_zip_member(data, "content.xml", max_bytes))
    blocks = [_odt_text(node) for node in root.iter() if node.tag in (f"{_TEXT}p", f"{_TEXT}h")]
    return "\n\n".join(b for b in blocks if b.strip())


def _rtf(data: bytes, max_bytes: int, ocr: OCR | None) -> str:
    from striprtf.striprtf import rtf_to_text

    return rtf_to_text(decode(data), errors="ignore")


def _html(data: bytes, max_bytes: int, ocr: OCR | None) -> str:
    return html_to_text(decode(data))


def _plain(data: bytes, max_bytes: int, ocr: OCR | None) -> str:
    return decode(data).replace("\x00", " ")


_READERS: dict[str, Callable[[bytes, int, OCR | None], str]] = {
    "pdf": _pdf,
    "docx": _docx,
    "odt": _odt,
    "rtf": _rtf,
    "html": _html,
    "text": _plain,
}
