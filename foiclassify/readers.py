"""Reading correspondence where it lives: Alaveteli (WhatDoTheyKnow) downloads and exports,
MuckRock's API JSON, and email (.eml, .mbox) with attachments.

Every reader returns :class:`SourceMessage` objects, oldest first within a thread: who wrote the
message (``role``), when, to or from which authority, its body, and its attachments' text
(:class:`~foiclassify.attachments.Attachment`). A platform's own label for a message or request
(Alaveteli's ``described_state``, MuckRock's ``status``) is kept in ``site_state``: a second
opinion to compare with, never a label copied into the result.

Readers do not raise for bad content: a corrupt archive, an unreadable email or an attachment
that cannot be read gives a message with ``error`` set (or an attachment with ``error`` set), so
a batch over many files goes on. They raise :class:`ReadError` only when the input is not the
format at all and nothing can be read from it, naming the file.

The formats, as documented by the platforms' public code:

- **Alaveteli "download entire request" zip**: ``correspondence.txt`` (the plain-text page:
  messages separated by a line of dashes, each opening with ``From:``, ``To:`` and ``Date:``
  lines and closing with ``Attachment: <name> (<size>)`` lines), or ``correspondence.pdf``; and
  each incoming message's attachments as ``{message_index}_{part}_{filename}``, where
  ``message_index`` counts the authority's messages from 1.
- **Alaveteli request JSON** (``/request/<slug>.json``): ``title``, ``described_state``,
  ``law_used``, ``public_body`` and ``info_request_events`` (``event_type``, ``described_state``,
  ``calculated_state``, ``incoming_message_id``). It holds no message text; pass it to
  :func:`read_alaveteli_zip` as ``request`` for per-message site states.
- **Alaveteli research export**: ``IncomingMessage-<date>.csv`` (``info_request_id``,
  ``cached_main_body_text_unfolded``, ``cached_attachment_text_clipped``, ``sent_at``, ``subject``),
  joined with ``InfoRequest-<date>.csv`` (``described_state``, ``law_used``, ``public_body_id``)
  and ``PublicBody-<date>.csv`` (``short_name``) when they sit in the same folder.
- **MuckRock communications**: a list, an API page (``{"results": [...]}``) or a request
  (``{"communications": [...]}``) of objects with ``foia``, ``response`` (true when the agency
  wrote it), ``datetime``, ``subject``, ``communication`` (the text), ``status`` and ``files``.
  Files are links, not content: they are listed as attachments with an error saying so.
"""

from __future__ import annotations

import email
import email.policy
import json
import mailbox
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from pathlib import Path
from typing import Any

from .attachments import MAX_BYTES, OCR, Attachment, read_attachment
from .text import decode, html_to_text, strip_quoted_history
from .thread import guess_role


class ReadError(ValueError):
    """An input that is not the format asked for at all; the message names the file."""


@dataclass(frozen=True)
class SourceMessage:
    """One message as a platform or mailbox holds it. ``index`` is its position in its thread
    (0 = oldest); ``role`` is one of ``requester``, ``authority``, ``annotation``, ``unknown``."""

    thread_id: str
    index: int
    role: str
    text: str
    attachments: tuple[Attachment, ...] = ()
    date: str = ""
    authority: str = ""
    sender: str = ""
    subject: str = ""
    site_state: str = ""
    error: str = ""
    warning: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_record(self) -> dict[str, Any]:
        """A flat row for a table: the fields above, ``attachments`` as a JSON list of
        ``{"name", "text", "error"}``, ``read_error`` for ``error`` and ``read_warning`` for
        ``warning`` (something the reader could not pair or find, the message itself read)."""
        return {
            "thread_id": self.thread_id,
            "message_index": self.index,
            "role": self.role,
            "date": self.date,
            "authority": self.authority,
            "sender": self.sender,
            "subject": self.subject,
            "site_state": self.site_state,
            **self.extra,
            "text": self.text,
            "attachments": json.dumps([a.to_dict() for a in self.attachments], ensure_ascii=False),
            "read_error": self.error,
            "read_warning": self.warning,
        }


# ---------------------------------------------------------------------------------------------
# Alaveteli


@dataclass(frozen=True)
class AlaveteliRequest:
    """What an Alaveteli request JSON says about a request (no message text)."""

    title: str
    url_title: str
    described_state: str
    law_used: str
    authority: str
    response_states: tuple[
        str, ...
    ]  # per response event, in order: described, else calculated state
    response_dates: tuple[
        str, ...
    ] = ()  # per response event: the day it was received (YYYY-MM-DD), or ""


def read_alaveteli_request(path: str | Path) -> AlaveteliRequest:
    """Parse ``/request/<slug>.json``; raises :class:`ReadError` if it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ReadError(f"{path}: not JSON ({exc})") from exc
    if not isinstance(data, dict) or "info_request_events" not in data:
        raise ReadError(f"{path}: not an Alaveteli request JSON (no info_request_events)")
    body = data.get("public_body") or {}
    responses = [
        event
        for event in data["info_request_events"]
        if isinstance(event, dict) and event.get("event_type") == "response"
    ]
    states = tuple(
        str(event.get("described_state") or event.get("calculated_state") or "")
        for event in responses
    )
    dates = tuple(_day(str(event.get("created_at") or "")) for event in responses)
    return AlaveteliRequest(
        title=str(data.get("title") or ""),
        url_title=str(data.get("url_title") or ""),
        described_state=str(data.get("described_state") or ""),
        law_used=str(data.get("law_used") or ""),
        authority=str(body.get("name") or "") if isinstance(body, dict) else "",
        response_states=states,
        response_dates=dates,
    )


# Month names of the languages Alaveteli sites write dates in (English, Spanish, French, German,
# Italian, Portuguese, Catalan), for the Date lines of translated pages.
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "enero", "janvier", "januar", "gennaio", "janeiro", "gener"),
            ("feb", "february", "febrero", "février", "februar", "febbraio", "fevereiro", "febrer"),
            ("mar", "march", "marzo", "mars", "märz", "março", "març"),
            ("apr", "april", "abril", "avril", "aprile"),
            ("may", "mayo", "mai", "maggio", "maio", "maig"),
            ("jun", "june", "junio", "juin", "juni", "giugno", "junho", "juny"),
            ("jul", "july", "julio", "juillet", "juli", "luglio", "julho", "juliol"),
            ("aug", "august", "agosto", "août", "agost"),
            (
                "sep",
                "sept",
                "september",
                "septiembre",
                "septembre",
                "settembre",
                "setembro",
                "setembre",
            ),
            ("oct", "october", "octubre", "octobre", "oktober", "ottobre", "outubro"),
            ("nov", "november", "noviembre", "novembre", "novembro"),
            (
                "dec",
                "december",
                "diciembre",
                "décembre",
                "dezember",
                "dicembre",
                "dezembro",
                "desembre",
            ),
        ),
        start=1,
    )
    for name in names
}
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_WORDY_DAY = re.compile(
    r"(?:(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?([^\W\d_]{3,10})\.?,?\s+(?:de\s+)?("
    r"\d{4}))"  # 30 May 2024, 04 de marzo de 2024
    r"|(?:([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))"
)  # May 30, 2024


def _day(value: str) -> str:
    """The day a date names, as YYYY-MM-DD ("2024-05-30T10:01:00+01:00", "30 May 2024", "May 30,
    2024"), or "" when it cannot be read (another language's month names, numbers only)."""
    if match := _ISO_DAY.search(value):
        return "-".join(match.groups())
    match = _WORDY_DAY.search(value)
    if not match:
        return ""
    day, month, year = (
        (match.group(1), match.group(2), match.group(3))
        if match.group(1)
        else (match.group(5), match.group(4), match.group(6))
    )
    number = _MONTHS.get(month.lower())
    return f"{year}-{number:02d}-{int(day):02d}" if number else ""


def _pair_states(request: AlaveteliRequest, block_dates: list[str]) -> tuple[list[str], str]:
    """The site state of each authority message of a zip (in order), and a warning when they
    cannot all be paired. The request JSON lists every response, hidden and requester-only
    ones included, which the zip may not hold, so states are paired by the day each response
    arrived, in order; by position only when the days cannot be read and the counts agree."""
    days = [_day(date) for date in block_dates]
    if all(days) and any(request.response_dates):
        states, used = [], set()
        for day in days:
            match = next(
                (k for k, d in enumerate(request.response_dates) if d == day and k not in used),
                None,
            )
            if match is None:
                states.append("")
            else:
                used.add(match)
                states.append(request.response_states[match])
        unpaired = states.count("")
        return states, (
            f"{unpaired} authority message(s) matched no response in the request JSON by date: no "
            f"site state"
            if unpaired
            else ""
        )
    if len(request.response_states) == len(days):
        return list(request.response_states), ""
    return [""] * len(days), (
        f"the request JSON lists {len(request.response_states)} responses and the zip holds "
        f"{len(days)} "
        f""
        "authority messages whose dates cannot be read: site states not paired"
    )


# The plain-text page Alaveteli's show.text.erb writes: a header sentence naming the request's title
# in quotes, then every visible event after a line of exactly 31 dashes. A message opens with
# three "Label: value" lines (From, To, Date, in the site's language: "De:", "Para:", "Fecha:"),
# after a notice line when only the requester may see it, and closes with one line per
# attachment, "<Label>: <display name> (<size>)". Older templates indent every line by two spaces.
_SEPARATOR = re.compile(
    r"^[ \t]*-{31}[ \t]*$", re.MULTILINE
)  # a longer or shorter dash line is a disclaimer, not a separator
_LABEL = r"[^\W\d_]+(?:[ '’][^\W\d_]+){0,2}"  # one to three words: "From", "Fecha", "Pièce jointe"
_LABEL_LINE = re.compile(rf"^({_LABEL}):[ \t]?(.*)$")
_ATTACHMENT = re.compile(
    rf"(?:^|[ \t])({_LABEL}):[ \t]+(.+?)[ \t]+\((\d+K|\d+(?:\.\d+)?M)\)(?=[ \t]|$)"
)
_ATTACHMENTS_LINE = re.compile(
    rf"^(?:[ \t]*{_LABEL}:[ \t]+.+?[ \t]+\((?:\d+K|\d+(?:\.\d+)?M)\))+[ \t]*$"
)
_TITLE = re.compile(r'["“](?P<title>.+?)["”]', re.DOTALL)
_ZIP_MEMBER = re.compile(r"^(?P<message>\d+)_(?P<part>\d+)_(?P<name>.+)$")
_ANNOTATION_LINE = re.compile(
    r"^(.+):\s*\(([^()]+)\)\s*$"
)  # "{{username}} left an annotation: (date)", in the site's language
_HEADER_SEARCH = 8  # lines after a separator in which a message's three header lines are looked for


@dataclass
class _Block:
    sender: str = ""
    recipient: str = ""
    date: str = ""
    body: str = ""
    notice: str = ""  # e.g. "This message is hidden, so that only you, the requester, can see it."
    headed: bool = (
        False  # opened with From / To / Date lines (a message, not an annotation or notice)
    )
    listed: list[str] = field(default_factory=list)


def _block(chunk: str) -> _Block:
    """One event of the plain-text page: its header lines, notice, body and attachment lines."""
    lines = _dedent(chunk).strip("\n").splitlines()
    block = _Block()
    start = next(
        (
            i
            for i in range(min(_HEADER_SEARCH, max(len(lines) - 2, 0)))
            if all(_LABEL_LINE.match(lines[i + k]) for k in range(3))
        ),
        None,
    )
    if start is None:  # an annotation ("X left an annotation: (date)") or a notice alone
        first = next((line for line in lines if line.strip()), "")
        if annotated := _ANNOTATION_LINE.match(first):
            block.sender = re.sub(r"\s+left an annotation$", "", annotated.group(1).strip())
            block.date = annotated.group(2).strip()
            lines = lines[lines.index(first) + 1 :]
        block.body = "\n".join(lines).strip()
        return block
    block.headed = True
    block.notice = " ".join(line.strip() for line in lines[:start] if line.strip())
    headers = [_LABEL_LINE.match(lines[start + k]) for k in range(3)]
    block.sender, block.recipient, block.date = (m.group(2).strip() if m else "" for m in headers)
    body = lines[start + 3 :]
    end = len(body)
    while end and (not body[end - 1].strip() or _ATTACHMENTS_LINE.match(body[end - 1])):
        end -= 1
    for line in body[end:]:
        block.listed += [m.group(2).strip() for m in _ATTACHMENT.finditer(line)]
    block.body = "\n".join(body[:end]).strip()
    return block


def _blocks(correspondence: str) -> tuple[str, list[_Block]]:
    """The title and the event blocks of an Alaveteli ``correspondence.txt``."""
    chunks = _SEPARATOR.split(correspondence)
    title = _TITLE.search(chunks[0])
    return (" ".join(title.group("title").split()) if title else ""), [
        _block(chunk) for chunk in chunks[1:]
    ]


_SUBTITLE = re.compile(r"^(?P<user>.+?) made this (?P<law>.+?) request to (?P<body>.+?)\.?$")
_PRINTED_ATTACHMENT = re.compile(r"^(?P<name>.+?)\s+(?:\d+K|\d+(?:\.\d+)?M)\s+Download$")


def _printed_blocks(text: str) -> tuple[str, list[_Block], str, str] | None:
    """The title, messages, requester and authority of a request page printed to PDF (the
    ``correspondence.pdf`` of zips made where the site converts its page to PDF), read from the
    page's layout: the title, the subtitle "X made this … request to Y", and for each message its
    sender line(s) (the requester's name; or the authority's name, after a "From: name" line)
    above a line holding only its date. None when the subtitle is not there."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    k = next((i for i, line in enumerate(lines) if _SUBTITLE.match(line)), None)
    if k is None:
        return None
    subtitle = _SUBTITLE.match(lines[k])
    requester, authority = subtitle.group("user").strip(), subtitle.group("body").strip()  # type: ignore[union-attr]
    title = lines[k - 1] if k else ""
    heads = []  # (first header line, date line) of each message
    for j in range(k + 2, len(lines)):
        if len(lines[j]) <= 40 and _day(lines[j]) and lines[j - 1] in (requester, authority):
            first = (
                j - 2
                if lines[j - 1] == authority and j - 2 > k and _LABEL_LINE.match(lines[j - 2])
                else j - 1
            )
            heads.append((first, j))
    blocks = []
    for n, (first, j) in enumerate(heads):
        end = heads[n + 1][0] if n + 1 < len(heads) else len(lines)
        body = lines[j + 1 : end]
        listed = [m.group("name") for line in body if (m := _PRINTED_ATTACHMENT.match(line))]
        body = [line for line in body if not _PRINTED_ATTACHMENT.match(line)]
        if lines[j - 1] == authority:
            named = _LABEL_LINE.match(lines[first]) if first < j - 1 else None
            block = _Block(
                sender=f"{named.group(2).strip() if named else ''}, {authority}",
                recipient=requester,
            )
        else:
            block = _Block(sender=requester, recipient=authority)
        block.date, block.body, block.listed, block.headed = lines[j], "\n".join(body), listed, True
        blocks.append(block)
    return title, blocks, requester, authority


def _dedent(text: str) -> str:
    """Remove the older template's two-space indent from every line that has it."""
    return re.sub(r"^  ", "", text, flags=re.MULTILINE)


def _alaveteli_role(block: _Block, requester: str, authority: str) -> str:
    if not block.headed:
        return "annotation"
    sender = block.sender.lstrip(", ").strip()
    if authority and (block.sender.endswith(", " + authority) or sender == authority):
        return "authority"
    if requester and block.recipient == requester:
        return "authority"
    if requester and sender == requester:
        return "requester"
    return "annotation" if not block.recipient else "unknown"


def _zip_attachment(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, max_bytes: int, ocr: OCR | None
) -> Attachment:
    if info.flag_bits & 0x1:
        return Attachment(name, error="encrypted archive member")
    if info.file_size > max_bytes:
        return Attachment(
            name, error=f"attachment too large: {info.file_size:,} bytes (limit {max_bytes:,})"
        )
    try:
        data = archive.read(info)
    except Exception as exc:  # a corrupt member: bad CRC, truncated data
        return Attachment(name, error=f"cannot unpack ({type(exc).__name__}: {exc})")
    return read_attachment(name, data, max_bytes=max_bytes, ocr=ocr)


@dataclass
class _Correspondence:
    title: str = ""
    blocks: list[_Block] = field(default_factory=list)
    requester: str = ""
    authority: str = ""
    error: str = ""  # why no message can be read (names the file inside the zip)


def _correspondence(archive: zipfile.ZipFile, max_bytes: int, ocr: OCR | None) -> _Correspondence:
    """The messages of a zip's ``correspondence.txt``, or else of its ``correspondence.pdf``."""
    names = set(archive.namelist())
    name = next((n for n in ("correspondence.txt", "correspondence.pdf") if n in names), "")
    if not name:
        return _Correspondence(error="no correspondence.txt or correspondence.pdf in the archive")
    summary = _zip_attachment(
        archive, archive.getinfo(name), name, max_bytes, ocr if name.endswith(".pdf") else None
    )
    if summary.error:
        return _Correspondence(error=f"{name}: {summary.error}")
    if name == "correspondence.pdf":
        printed = _printed_blocks(summary.text)
        if printed is None:
            return _Correspondence(
                error="correspondence.pdf: no 'X made this … request to Y' line, so its message"
                "s cannot be told apart"
            )
        found = _Correspondence(*printed)
    else:
        title, blocks = _blocks(summary.text)
        first = next((block for block in blocks if block.headed), _Block())
        found = _Correspondence(title, blocks, first.sender, first.recipient)
    if not found.blocks:
        found.error = f"{name} holds no messages"
    return found


def read_alaveteli_zip(
    path: str | Path,
    request: AlaveteliRequest | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    ocr: OCR | None = None,
) -> list[SourceMessage]:
    """The messages of an Alaveteli "download entire request" zip, oldest first, each authority
    message with its attachments' text. ``request`` (from :func:`read_alaveteli_request`) adds
    each authority message's site state; without it, a ``<zip stem>.json`` beside the zip is used
    when present. A file that is not a readable zip gives one message with ``error`` set.
    """
    path = Path(path)
    thread_id = path.stem
    if request is None and path.with_suffix(".json").is_file():
        try:
            request = read_alaveteli_request(path.with_suffix(".json"))
        except ReadError:
            request = None
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        return [
            SourceMessage(
                thread_id,
                0,
                "unknown",
                "",
                error=f"{path.name}: not a readable zip archive ({exc})",
            )
        ]
    with archive:
        found = _correspondence(archive, max_bytes, ocr)
        if found.error:
            return [SourceMessage(thread_id, 0, "unknown", "", error=f"{path.name}: {found.error}")]
        by_message: dict[int, list[tuple[int, str, zipfile.ZipInfo]]] = {}
        for info in archive.infolist():
            match = _ZIP_MEMBER.match(Path(info.filename).name)
            if match and not info.is_dir():
                by_message.setdefault(int(match.group("message")), []).append(
                    (int(match.group("part")), match.group("name"), info)
                )
        title, blocks, requester = found.title, found.blocks, found.requester
        authority = (request.authority if request else "") or found.authority
        roles = [_alaveteli_role(block, requester, authority) for block in blocks]
        states, pairing_warning = (
            _pair_states(request, [b.date for b, r in zip(blocks, roles) if r == "authority"])
            if request
            else ([], "")
        )
        messages = []
        incoming = 0
        for index, (block, role) in enumerate(zip(blocks, roles)):
            attachments: list[Attachment] = []
            state = warning = ""
            if role == "authority":
                incoming += 1
                state = states[incoming - 1] if incoming - 1 < len(states) else ""
                warning = pairing_warning if not state else ""
                members = sorted(by_message.get(incoming, []), key=lambda item: item[0])
                attachments = [
                    _zip_attachment(archive, info, name, max_bytes, ocr)
                    for _, name, info in members
                ]
                names = {a.name for a in attachments}
                attachments += [
                    Attachment(name, error="listed in the correspondence but not in the archive")
                    for name in block.listed
                    if name not in names
                ]
            messages.append(
                SourceMessage(
                    thread_id,
                    index,
                    role,
                    block.body,
                    tuple(attachments),
                    date=block.date,
                    authority=authority,
                    sender=block.sender.lstrip(", ").strip(),
                    subject=title,
                    site_state=state,
                    warning=warning,
                    extra={"notice": block.notice},
                )
            )
        return messages


def count_alaveteli_zip(path: str | Path) -> int:
    """How many messages :func:`read_alaveteli_zip` will return, reading only the correspondence."""
    try:
        with zipfile.ZipFile(path) as archive:
            return max(1, len(_correspondence(archive, MAX_BYTES, None).blocks))
    except Exception:  # unreadable: read_alaveteli_zip returns one message with an error
        return 1


def alaveteli_zip_error(path: str | Path) -> str:
    """Why nothing at all can be read from an Alaveteli zip (one line naming the file), or ""
    when it holds messages. Reads only the correspondence, not the attachments."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            error = _correspondence(archive, MAX_BYTES, None).error
    except Exception as exc:  # not a zip, or a corrupt one
        return f"{path}: not a readable zip archive ({exc})"
    return f"{path}: {error}" if error else ""


_EXPORT_TABLES = ("IncomingMessage", "InfoRequest", "PublicBody")


def export_tables(folder: str | Path) -> dict[str, Path]:
    """The newest ``<Table>-<date>.csv`` of each research-export table found in ``folder``."""
    found: dict[str, Path] = {}
    for table in _EXPORT_TABLES:
        candidates = sorted(Path(folder).glob(f"{table}-*.csv")) + sorted(
            Path(folder).glob(f"{table}.csv")
        )
        if candidates:
            found[table] = max(candidates, key=_export_date)
    return found


def _export_date(path: Path) -> tuple[str, str]:
    match = re.search(r"-(\d{2})-(\d{2})-(\d{4})\.csv$", path.name)
    return ((match.group(3) + match.group(2) + match.group(1)) if match else "", path.name)


def _latest_incoming(path: Path, chunk_size: int) -> dict[str, str]:
    """Per request id, the id of its latest incoming message (by ``sent_at``, then file order),
    read from three columns only."""
    import pandas as pd

    latest: dict[str, tuple[str, int, str]] = {}
    columns = {"id", "info_request_id", "sent_at", "created_at"}
    position = 0
    for chunk in pd.read_csv(
        path, dtype=str, keep_default_na=False, chunksize=chunk_size, usecols=lambda c: c in columns
    ):
        for row in chunk.to_dict(orient="records"):
            request_id = row.get("info_request_id", "")
            key = (row.get("sent_at") or row.get("created_at") or "", position, row.get("id", ""))
            if request_id not in latest or key[:2] >= latest[request_id][:2]:
                latest[request_id] = key
            position += 1
    return {request_id: key[2] for request_id, key in latest.items()}


def read_alaveteli_export(folder: str | Path, chunk_size: int = 10_000) -> Iterator[SourceMessage]:
    """Every incoming message of an Alaveteli research export, in file order, as authority
    messages: the main body text, and the clipped attachment text as one attachment
    ``attachments (clipped)``. Streams ``IncomingMessage-*.csv`` in chunks.

    The export's ``described_state`` belongs to the request, and describes its latest response:
    it becomes the ``site_state`` of the request's latest incoming message only (by ``sent_at``);
    every message keeps it as ``request_state``. A message whose request has no row in
    ``InfoRequest-*.csv`` (or when that file is missing) comes with a ``warning`` saying its
    authority and state are unknown."""
    import pandas as pd

    tables = export_tables(folder)
    if "IncomingMessage" not in tables:
        raise ReadError(f"{folder}: no IncomingMessage-<date>.csv in the folder")
    requests: dict[str, dict[str, str]] = {}
    bodies: dict[str, str] = {}
    if "PublicBody" in tables:
        for row in pd.read_csv(tables["PublicBody"], dtype=str, keep_default_na=False).to_dict(
            orient="records"
        ):
            bodies[row.get("id", "")] = row.get("short_name") or row.get("name") or ""
    if "InfoRequest" in tables:
        for row in pd.read_csv(tables["InfoRequest"], dtype=str, keep_default_na=False).to_dict(
            orient="records"
        ):
            requests[row.get("id", "")] = row
    latest = _latest_incoming(tables["IncomingMessage"], chunk_size)
    counts: dict[str, int] = {}
    for chunk in pd.read_csv(
        tables["IncomingMessage"], dtype=str, keep_default_na=False, chunksize=chunk_size
    ):
        for row in chunk.to_dict(orient="records"):
            request_id = row.get("info_request_id", "")
            info = requests.get(request_id)
            index = counts.get(request_id, 0)
            counts[request_id] = index + 1
            clipped = row.get("cached_attachment_text_clipped", "")
            request_state = info.get("described_state", "") if info else ""
            warning = (
                ""
                if info
                else (
                    f"request {request_id}: no row in InfoRequest-*.csv, so no authority or site "
                    f"state"
                    if "InfoRequest" in tables
                    else "no InfoRequest-*.csv in the folder, so no authority or site state"
                )
            )
            yield SourceMessage(
                thread_id=request_id,
                index=index,
                role="authority",
                text=row.get("cached_main_body_text_unfolded")
                or row.get("cached_main_body_text_folded")
                or "",
                attachments=(Attachment("attachments (clipped)", clipped),)
                if clipped.strip()
                else (),
                date=row.get("sent_at") or row.get("created_at") or "",
                authority=bodies.get(info.get("public_body_id", ""), "") if info else "",
                subject=row.get("subject", ""),
                site_state=request_state if latest.get(request_id) == row.get("id", "") else "",
                warning=warning,
                extra={
                    "incoming_message_id": row.get("id", ""),
                    "law_used": info.get("law_used", "") if info else "",
                    "request_state": request_state,
                },
            )


# ---------------------------------------------------------------------------------------------
# MuckRock


_LOOKS_HTML = re.compile(
    r"</?(?:p|div|br|html|body)\b", re.IGNORECASE
)  # for files without the full_html flag


def _is_request(item: dict[str, Any]) -> bool:
    return isinstance(item.get("communications"), list)


def _communications(
    data: object,
) -> tuple[list[dict[str, Any]], list[tuple[dict[str, Any], dict[str, Any]]]]:
    """The requests in a MuckRock API JSON, and every communication with the request it belongs to
    (``{}`` for bare communications). The file may be a list or an API page (``results``) of
    communications, or of requests with nested ``communications`` (the v1 ``/foia/`` page), or
    one request."""
    if isinstance(data, dict):
        if _is_request(data):
            data = [data]
        elif isinstance(data.get("results"), list):
            data = data["results"]
        elif "communication" in data:
            data = [data]
    if not isinstance(data, list):
        return [], []
    requests = [item for item in data if isinstance(item, dict) and _is_request(item)]
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    for item in data:
        if isinstance(item, dict):
            if _is_request(item):
                pairs += [(item, c) for c in item["communications"] if isinstance(c, dict)]
            else:
                pairs.append(({}, item))
    return requests, pairs


def _muckrock_file(item: object) -> Attachment:
    if isinstance(item, dict):
        name = str(
            item.get("title") or item.get("name") or Path(str(item.get("ffile") or "file")).name
        )
    else:
        name = f"file {item}"
    return Attachment(name, error="file not in the export (MuckRock lists files as links)")


def _muckrock_party(value: object, kind: str) -> str:
    """A sender or authority as the API gives it: a name, or a numeric id shown as ``user 4420``."""
    if value is None or value == "":
        return ""
    if isinstance(value, dict):
        return str(value.get("name") or value.get("username") or value.get("id") or "")
    if isinstance(value, (int, float)) or str(value).isdigit():
        return f"{kind} {value}"
    return str(value)


def _muckrock_sender(communication: dict[str, Any], request: dict[str, Any]) -> str:
    """The sender: the request's ``username`` when the requester (``user``) sent it, else the
    name or id the API gives (v1 gives only user ids)."""
    sender = (
        communication.get("from_user")
        or communication.get("from_who")
        or communication.get("from_name")
    )
    if sender is not None and request.get("username") and sender == request.get("user"):
        return str(request["username"])
    return _muckrock_party(sender, "user")


def read_muckrock(path: str | Path) -> list[SourceMessage]:
    """The communications in a MuckRock API JSON file, grouped by request (``foia``), oldest first.

    Takes a list or API page of communications, the v1 ``/foia/`` page (requests with nested
    ``communications``, each expanded to its messages) or one request. A communication's text is
    HTML when its ``full_html`` flag says so (read as text), plain text when the flag is false
    (a file without the flag: HTML when it holds paragraph or line-break tags); ids the API
    gives for people and agencies are kept as ``user <id>`` / ``agency <id>``. A request with no
    communications gives one message with ``error`` set, so it is never silently dropped."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError) as exc:
        raise ReadError(f"{path}: not JSON ({exc})") from exc
    requests, pairs = _communications(data)
    if not pairs and not requests:
        raise ReadError(
            f"{path}: no MuckRock communications (expected a list, 'results' or 'communications')"
        )
    threads: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] = {}
    for request in requests:  # every request keeps its place, with or without communications
        threads.setdefault(str(request.get("id") or path.stem), [])
    for request, communication in pairs:
        thread_id = str(communication.get("foia") or request.get("id") or path.stem)
        threads.setdefault(thread_id, []).append((request, communication))
    messages = []
    for thread_id, items in threads.items():
        if not items:
            messages.append(
                SourceMessage(
                    thread_id,
                    0,
                    "unknown",
                    "",
                    error=f"{path.name}: request {thread_id} has no communications",
                )
            )
            continue
        items.sort(key=lambda pair: str(pair[1].get("datetime") or pair[1].get("date") or ""))
        for index, (request, c) in enumerate(items):
            raw = c.get("communication")
            text = raw if isinstance(raw, str) else ""
            if c.get("full_html") or ("full_html" not in c and _LOOKS_HTML.search(text)):
                text = html_to_text(text)
            response = bool(c.get("response"))
            messages.append(
                SourceMessage(
                    thread_id=thread_id,
                    index=index,
                    role="authority" if response else "requester",
                    text=strip_quoted_history(text),
                    attachments=tuple(_muckrock_file(f) for f in (c.get("files") or [])),
                    date=str(c.get("datetime") or c.get("date") or ""),
                    authority=_muckrock_party(request.get("agency"), "agency"),
                    sender=_muckrock_sender(c, request),
                    subject=str(c.get("subject") or request.get("title") or ""),
                    site_state=str(c.get("status") or ""),
                    error="" if isinstance(raw, str) else "no communication text",
                    extra={"request_status": str(request.get("status") or "")} if request else {},
                )
            )
    return messages


# ---------------------------------------------------------------------------------------------
# Email


def _part_text(part: Message) -> str:
    if isinstance(part, EmailMessage):
        content = part.get_content()
    else:
        payload = part.get_payload(decode=True) or b""
        content = decode(payload) if isinstance(payload, bytes) else str(payload)
    if isinstance(content, bytes):
        content = decode(content)
    return html_to_text(content) if part.get_content_type() == "text/html" else str(content)


def read_email(
    data: bytes,
    thread_id: str = "",
    index: int = 0,
    *,
    max_bytes: int = MAX_BYTES,
    ocr: OCR | None = None,
) -> SourceMessage:
    """One email (RFC 822 bytes): the body (plain text preferred, else HTML as text) without quoted
    history, and each attached file's text. A broken MIME structure gives ``error``."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    sender = str(message.get("from", "") or "")
    body, error = "", ""
    attachments: list[Attachment] = []
    try:
        part = (
            message.get_body(preferencelist=("plain", "html"))
            if isinstance(message, EmailMessage)
            else None
        )
        if part is not None:
            body = _part_text(part)
        elif not message.is_multipart():
            body = _part_text(message)
        for item in message.iter_attachments() if isinstance(message, EmailMessage) else ():
            name = (
                item.get_filename() or f"part-{len(attachments) + 1}.{item.get_content_subtype()}"
            )
            try:
                if item.get_content_type() == "message/rfc822":
                    inner = item.get_payload(0) if item.is_multipart() else item.get_content()
                    inner_bytes = (
                        inner.as_bytes()
                        if isinstance(inner, Message)
                        else bytes(inner, "utf-8")
                        if isinstance(inner, str)
                        else bytes(inner)
                    )
                    attachments.append(
                        Attachment(name, read_email(inner_bytes, max_bytes=max_bytes).text)
                    )
                    continue
                raw = item.get_payload(decode=True)
                payload = raw if isinstance(raw, bytes) else b""
            except Exception as exc:  # a broken part: bad base64, wrong charset
                attachments.append(
                    Attachment(name, error=f"cannot decode ({type(exc).__name__}: {exc})")
                )
                continue
            attachments.append(read_attachment(name, payload, max_bytes=max_bytes, ocr=ocr))
    except Exception as exc:  # a broken charset or MIME structure
        error = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
    body = strip_quoted_history(body)
    return SourceMessage(
        thread_id=thread_id,
        index=index,
        role=guess_role(body, sender),
        text=body,
        attachments=tuple(attachments),
        date=str(message.get("date", "") or ""),
        sender=sender,
        subject=str(message.get("subject", "") or ""),
        error=error,
        extra={
            "to": str(message.get("to", "") or ""),
            "message_id": str(message.get("message-id", "") or ""),
        },
    )


def read_mbox(
    path: str | Path, *, max_bytes: int = MAX_BYTES, ocr: OCR | None = None
) -> Iterator[SourceMessage]:
    """Every email in an mbox file, in file order (``thread_id`` is the file's stem)."""
    path = Path(path)
    box = mailbox.mbox(path, factory=None, create=False)
    try:
        for index, key in enumerate(box.iterkeys()):
            try:
                data = box.get_bytes(key)
            except Exception as exc:
                yield SourceMessage(
                    path.stem,
                    index,
                    "unknown",
                    "",
                    error=f"unreadable message ({type(exc).__name__}: {exc})",
                )
                continue
            yield read_email(data, path.stem, index, max_bytes=max_bytes, ocr=ocr)
    finally:
        box.close()
