"""Split a whole correspondence into messages with roles, and roll a thread up to its outcome.

Two layouts are recognised:

- a WhatDoTheyKnow request page as text: a title, the site's status line ("The request was
  refused by …"), then messages. An authority's message opens with a sender line
  ("DWP Central FOI Team," or "Jane Doe, Some Council") and maybe "1 Attachment"; the
  requester's opens with "Dear <authority>,"; "X left an annotation ()" opens an annotation.
- an email chain: the newest message on top, earlier ones below "-----Original Message-----",
  "On … wrote:" or an Outlook "From: / Sent:" block. Messages are returned oldest first.

Anything else is one message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attachments import Attachment
from .labels import DECISIVE_OUTCOMES
from .result import Message
from .rules.cues import find_cues

_STATUS_STATES = (
    (re.compile(r"partially successful", re.I), "partially_successful"),
    (re.compile(r"request was successful|was successful\.", re.I), "successful"),
    (re.compile(r"request was refused|was rejected", re.I), "rejected"),
    (re.compile(r"did not have the information|information (?:was )?not held", re.I), "not_held"),
    (re.compile(r"waiting for clarification", re.I), "waiting_clarification"),
    (re.compile(r"internal review", re.I), "internal_review"),
    (re.compile(r"withdrawn", re.I), "user_withdrawn"),
    (re.compile(r"awaiting classification", re.I), "waiting_classification"),
    (
        re.compile(
            r"not (?:a )?valid|not_foi|not an? (?:foi|freedom of information) request", re.I
        ),
        "not_foi",
    ),
    (
        re.compile(
            r"awaiting (?:a )?response|waiting for (?:a )?response|long overdue|is delayed|overdue",
            re.I,
        ),
        "waiting_response",
    ),
    (re.compile(r"error message|could not be delivered", re.I), "error_message"),
)
_STATUS_LINE = re.compile(
    r"^[ \t]*(?:The request (?:was|is|has)|This request (?:has|is|was)|Response to this re"
    r"quest|Awaiting|Waiting for|Long overdue|Delayed"
    r"|[^\n]{2,120} did not have the information)[^\n]{0,200}$",
    re.MULTILINE,
)
_AUTHORITY_IN_STATUS = re.compile(
    r"\b(?:refused by|response from|review by|to|by)\s+(?P<name>[^\n.]{3,120}?)(?:\s+of th"
    r"eir handling[^\n]*)?\.?\s*$",
    re.I,
)

_MADE_REQUEST = re.compile(
    r"^[ \t]*(?P<who>[^\n]{1,120}?) made this [^\n]{0,60}?request to (?P<authority>[^\n]{2"
    r",150}?)\.?[ \t]*$",
    re.MULTILINE,
)
_ANNOTATION = re.compile(
    r"^[ \t]*(?P<who>[^\n]{1,120}?) left an annotation(?: \([^\n)]*\))?[ \t]*$", re.MULTILINE
)
_ATTACHMENTS = re.compile(r"^[ \t]*(\d{1,3}) Attachments?[ \t]*$", re.IGNORECASE)
_GREETING = re.compile(
    r"^[ \t]*(?:Dear|Hello|Hi|Good (?:morning|afternoon|evening)|To whom it may concern)\b",
    re.IGNORECASE,
)
_SIGNOFF = re.compile(
    r"^[ \t]*(?:Yours|Kind regards|Best regards|Warm regards|Regards|Many thanks|Thanks|Th"
    r"ank you|Best wishes|With thanks|Cheers|Sincerely|Respectfully)\b",
    re.IGNORECASE,
)
_ORGANISATION_WORDS = re.compile(
    r"\b(?:Department|Council|Police|Constabulary|Trust|Authority|Office|Ministry|Universi"
    r"ty|College|Board|Commission|Sir|Madam|FOI|FoI"
    r"|Freedom of Information|Service|Agency|Executive|Borough|Fire|NHS|Team|Government|Pa"
    r"rliament|Assembly|Committee|Commissioner|Limited|Ltd|plc|Group|Centre|Hospital)\b",
)
_EMAIL_BOUNDARY = re.compile(
    r"^[ \t]*-{2,}[ \t]*(?:Original Message|Forwarded message)[ \t]*-{2,}[ \t]*\n"
    r"|^[ \t]*On [^\n]{4,200}?\bwrote:[ \t]*\n"
    r"|^[ \t]*From:[^\n]{1,200}\n(?=[ \t]*(?:Sent|Date):)",
    re.MULTILINE | re.IGNORECASE,
)
_MARKER_ONLY = re.compile(
    r"\s*-{2,}[ \t]*(?:Original Message|Forwarded message)[ \t]*-{2,}\s*", re.IGNORECASE
)
_WROTE_LINE = re.compile(r"[ \t]*On [^\n]{4,200}?, (?P<from>[^\n,]{1,120}?) wrote:", re.IGNORECASE)
_FROM_HEADER = re.compile(r"^[ \t]*From:[ \t]*(?P<from>[^\n]*)", re.MULTILINE | re.IGNORECASE)
_AUTHORITY_ADDRESS = re.compile(
    r"(?:\.gov\.uk|\.gov\.scot|\.gov\.wales|\.llyw\.cymru|\.police\.uk|\.nhs\.uk|\.nhs\.ne"
    r"t|\.ac\.uk|\.mod\.uk|\.parliament\.uk|\.gov\b|\bfoi\b|freedom of information|informa"
    r"tion governance|\binformation rights\b)",
    re.IGNORECASE,
)
_REQUESTER_WORDS = re.compile(
    r"\bi (?:would like|wish|am writing) to (?:request|ask|make)|\bplease (?:provide|send|"
    r"supply|disclose)\b|\byours faithfully\b"
    r"|\bunder the (?:freedom of information|foi)\b[^.\n]{0,60}\b(?:request|provide|ask)|"
    r"\brequest an internal review\b|\bmy (?:foi |original )?request\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Piece:
    """A message before classification."""

    role: str
    start: int
    end: int
    text: str
    sender: str = ""
    attachments: int = 0  # how many the export lists
    files: tuple[Attachment, ...] = ()  # the attachments themselves, when the input supplied them


@dataclass(frozen=True)
class Split:
    pieces: tuple[Piece, ...]
    layout: str  # "whatdotheyknow", "email", "single"
    title: str | None = None
    site_status: str | None = None
    site_state: str | None = None


def site_state_of(status_line: str) -> str | None:
    """The WhatDoTheyKnow state named by a status line ("The request was refused by X." →
    "rejected")."""
    for pattern, state in _STATUS_STATES:
        if pattern.search(status_line):
            return state
    return None


def guess_role(text: str, sender: str = "") -> str:
    """``"authority"``, ``"requester"`` or ``"unknown"`` for a message without a layout telling
    us."""
    if sender and _AUTHORITY_ADDRESS.search(sender):
        return "authority"
    requester = len(_REQUESTER_WORDS.findall(text))
    authority = len({hit.cue.signal for hit in find_cues(text[:20000])} - {"public_interest_test"})
    if authority > requester:
        return "authority"
    if requester > authority:
        return "requester"
    return "unknown"


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every line."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _next_nonblank(lines: list[tuple[int, str]], i: int, n: int) -> list[str]:
    found: list[str] = []
    j = i + 1
    while j < len(lines) and len(found) < n and j - i < 200:
        if lines[j][1].strip():
            found.append(lines[j][1].strip())
        j += 1
    return found


def _is_sender_line(lines: list[tuple[int, str]], i: int, authority: str | None) -> bool:
    line = lines[i][1].strip()
    if (
        not line
        or len(line) > 120
        or _GREETING.match(line)
        or _SIGNOFF.match(line)
        or _ANNOTATION.match(line)
    ):
        return False
    before_blank = i == 0 or not lines[i - 1][1].strip()
    after_blank = i + 1 >= len(lines) or not lines[i + 1][1].strip()
    if not (before_blank and after_blank):
        return False
    # "Sender, Authority" names the writer and the body; a bare "Sender," or the authority's
    # name alone needs a greeting or an attachment line soon after, so a signature line is not
    # taken for a new message.
    if authority and line.endswith(", " + authority):
        return True
    if not (line.endswith(",") or line == authority):
        return False
    return any(_ATTACHMENTS.match(f) or _GREETING.match(f) for f in _next_nonblank(lines, i, 4))


def _is_named_header(lines: list[tuple[int, str]], i: int) -> bool:
    """A standalone line right above a greeting: a page's name header over a message (a
    signature under "Yours faithfully" is followed by the next message's header instead)."""
    before_blank = i == 0 or not lines[i - 1][1].strip()
    following = _next_nonblank(lines, i, 1)
    return before_blank and bool(following) and bool(_GREETING.match(following[0]))


def _is_requester_greeting(line: str, authority: str | None) -> bool:
    if not _GREETING.match(line):
        return False
    addressee = line.strip().rstrip(",")
    return bool(authority and authority.lower() in addressee.lower()) or bool(
        _ORGANISATION_WORDS.search(addressee)
    )


def split_whatdotheyknow(text: str) -> Split | None:
    """Split a WhatDoTheyKnow request page; None when the text does not look like one."""
    head = text[:3000]
    status_match = None
    for match in _STATUS_LINE.finditer(head):
        if site_state_of(match.group(0)):
            status_match = match
            break
    lines = _lines(text)
    authority = None
    if status_match:
        named = _AUTHORITY_IN_STATUS.search(status_match.group(0).strip())
        authority = named.group("name").strip() if named else None
    # "Jane Doe made this Freedom of Information request to Some Council": both parties named.
    made = _MADE_REQUEST.search(head)
    requester = made.group("who").strip() if made else None
    if made and not authority:
        authority = made.group("authority").strip()

    starts: list[tuple[int, str, str, int]] = []  # (line index, role, sender, attachments)
    body_from = 0
    header_end = max(status_match.end() if status_match else 0, made.end() if made else 0)
    if header_end:
        body_from = next((i for i, (off, _) in enumerate(lines) if off >= header_end), len(lines))
    in_authority_greeting_pending = False
    for i in range(body_from, len(lines)):
        line = lines[i][1]
        annotation = _ANNOTATION.match(line)
        if annotation:
            starts.append((i, "annotation", annotation.group("who").strip(), 0))
            in_authority_greeting_pending = False
        elif requester and line.strip() == requester and _is_named_header(lines, i):
            starts.append((i, "requester", requester, 0))
            in_authority_greeting_pending = True  # the greeting that follows is this message's
        elif _is_sender_line(lines, i, authority):
            following = _next_nonblank(lines, i, 1)
            count = _ATTACHMENTS.match(following[0]) if following else None
            starts.append(
                (i, "authority", line.strip().rstrip(","), int(count.group(1)) if count else 0)
            )
            in_authority_greeting_pending = True
        elif _is_requester_greeting(line, authority) and (i == 0 or not lines[i - 1][1].strip()):
            if in_authority_greeting_pending:
                in_authority_greeting_pending = (
                    False  # the authority's own greeting ("Dear Sir or Madam")
                )
            else:
                starts.append((i, "requester", "", 0))
        elif _GREETING.match(line):
            in_authority_greeting_pending = False
    first_body = next((i for i in range(body_from, len(lines)) if lines[i][1].strip()), None)
    if first_body is not None and (not starts or starts[0][0] > first_body):
        starts.insert(0, (first_body, "requester", "", 0))
    # Without the status line, it takes a sender line or an annotation to call it a page.
    if (
        not status_match
        and not made
        and not any(role in ("authority", "annotation") for _, role, _, _ in starts)
    ):
        return None
    if len(starts) < 2 and not status_match:
        return None
    pieces = []
    for k, (i, role, sender, attachments) in enumerate(starts):
        start = lines[i][0]
        end = lines[starts[k + 1][0]][0] if k + 1 < len(starts) else len(text)
        body = text[start:end].rstrip()
        pieces.append(Piece(role, start, start + len(body), body, sender, attachments))
    title_line = (
        lines[0][1].strip() if status_match and lines[0][0] < status_match.start() else None
    )
    status = status_match.group(0).strip() if status_match else None
    return Split(
        tuple(pieces),
        "whatdotheyknow",
        title_line or None,
        status,
        site_state_of(status) if status else None,
    )


def _unquote(text: str) -> str:
    """A quoted earlier message, one level of "> " taken off (a split piece is that message
    itself)."""
    return re.sub(r"^[ \t]*> ?", "", text, flags=re.MULTILINE)


def split_email(text: str) -> Split | None:
    """Split an email chain at its quote markers; None when there is only one message."""
    bounds: list[int] = []
    for match in _EMAIL_BOUNDARY.finditer(text):
        # "-----Original Message-----" followed by its "From:/Sent:" block is one boundary.
        if match.start() == 0:
            continue
        if bounds and _MARKER_ONLY.fullmatch(text[bounds[-1] : match.start()]):
            continue
        bounds.append(match.start())
    if not bounds:
        return None
    edges = [0, *bounds, len(text)]
    pieces = []
    for start, end in zip(edges, edges[1:]):
        segment = text[start:end].rstrip()
        if not segment.strip():
            continue
        sender_match = _FROM_HEADER.search(segment[:600]) or _WROTE_LINE.match(segment)
        sender = sender_match.group("from").strip() if sender_match else ""
        body = _unquote(segment)
        pieces.append(Piece(guess_role(body, sender), start, start + len(segment), body, sender))
    pieces.reverse()  # newest first in an email: give them oldest first
    return Split(tuple(pieces), "email")


def split(text: str) -> Split:
    """Split any correspondence: a WhatDoTheyKnow page, an email chain, or one message."""
    for splitter in (split_whatdotheyknow, split_email):
        found = splitter(text)
        if found is not None:
            return found
    return Split((Piece(guess_role(text), 0, len(text), text),), "single")


def roll_up(messages: tuple[Message, ...]) -> tuple[str, tuple[str, ...], str, int | None]:
    """Thread ``(outcome, exemptions, stage, decisive_index)`` per TAXONOMY §4.

    The outcome is that of the last decisive authority message, an internal review result
    outranking any initial answer; acknowledgements, holding replies and unreadable messages
    decide nothing. The exemptions are those cited in the decisive message, plus those of the
    initial answer when a review upheld it without naming them again. When no message decides,
    a thread whose last authority message is an acknowledgement or holding reply is waiting
    (that label), else ``undetermined``. A request for clarification is superseded by a later
    authority message that is neither: when that message's decision cannot be read (its answer is
    in an attachment not supplied), the thread is ``undetermined``, not still awaiting
    clarification.
    """
    authority = [
        (i, m.result)
        for i, m in enumerate(messages)
        if m.role == "authority" and m.result is not None
    ]
    decisive = [(i, r) for i, r in authority if r.outcome in DECISIVE_OUTCOMES]
    if not decisive:
        if authority and authority[-1][1].outcome in ("acknowledgement", "delayed"):
            return authority[-1][1].outcome, (), "initial", None
        return "undetermined", (), "initial", None
    reviews = [(i, r) for i, r in decisive if r.stage == "internal_review"]
    index, result = (reviews or decisive)[-1]
    if result.outcome == "clarification_requested" and any(
        i > index and r.outcome == "undetermined" for i, r in authority
    ):
        return "undetermined", (), result.stage, None
    exemptions: tuple[str, ...] = result.exemptions
    if reviews and not exemptions:
        initial = [r for i, r in decisive if r.stage == "initial" and i < index]
        if initial and initial[-1].outcome == result.outcome:
            exemptions = initial[-1].exemptions
    return result.outcome, exemptions, result.stage, index
