"""The pipeline: read → split thread → clean → rules (+ model) → combine → result.

This module only wires the stages together; each stage lives in its own module.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from . import rules
from .attachments import Attachment
from .calibration import calibrated
from .calibration import load_default as load_calibration
from .combine import (
    ROLE_THRESHOLD,
    TURN_THRESHOLD,
    ModelScores,
    combine,
    decide_by_roles,
    needs_roles,
    states_response,
)
from .labels import ROLES
from .resources import MODEL_FILE, default_model_folder
from .result import Classification, Evidence, Message, ThreadResult
from .segments import SENTENCE_BREAK
from .tagger import MIN_TAGGED, as_roled, rule_reading, tag
from .tagger import load_default as load_tagger
from .text import (
    Repairs,
    clean_text,
    decode,
    looks_like_alaveteli_page,
    prepare,
    prepare_parts,
    to_text,
)
from .thread import Piece, Split, guess_role, roll_up, split

if TYPE_CHECKING:
    from .alaveteli_pages import AlaveteliPage


@lru_cache(maxsize=1)
def _shipped_model_exists() -> bool:
    return (default_model_folder() / MODEL_FILE).is_file()


def load_default() -> Any:
    """The shipped model, or None. scikit-learn is imported only when a model ships."""
    if not _shipped_model_exists():
        return None
    from .model import load_default as load

    return load()


def classify(
    text: str | bytes | None,
    *,
    attachments: int | Sequence[Attachment] = 0,
    segments: bool = False,
    review_threshold: float | None = None,
) -> Classification:
    """Label one message written by an authority: outcome, exemptions cited, flags, evidence.

    ``text`` may be ``str``, ``bytes`` (UTF-8, else Windows-1252) or ``None``/NaN (→
    ``undetermined`` with confidence 1.0). HTML is reduced to its visible text first, and
    evidence offsets then refer to that text. UTF-8 mis-read as Windows-1252 ("Trustâ€™s") is
    read repaired, and the offsets still index the text as given. Quoted requests, quoted earlier emails and
    complaint boilerplate do not count.

    ``attachments`` is either how many attachments the message had whose text you do not have
    (it only changes the ``reason`` of an ``undetermined`` result), or the attachments themselves
    (:class:`~foiclassify.attachments.Attachment`, e.g. from
    :func:`~foiclassify.attachments.read_attachment`): their text is then read with the body, and
    each evidence span names its ``part``, ``"body"`` or ``"attachment:<name>"``.

    Where the rules find no decision, or find a refusal or not-held, the shipped segment tagger
    reads the letter's structure (TAXONOMY §6): the ``answer`` / ``withheld`` / ``not_held``
    roles it is confident some segment has decide where the rules found none, and a confident
    ``answer`` turns a refusal or not-held into a partial release.
    ``segments=True`` also fills ``result.segments`` with every part of the message and its role
    (``(start, end, role, score)``; ``score`` is None where the role is the rules' reading); it
    costs about 30% more time, so it is off by default.

    ``confidence`` is the estimated probability that the outcome is right (the shipped
    calibration, :mod:`foiclassify.calibration`), and ``needs_review`` is true below the
    calibration's review threshold, or below ``review_threshold`` when you give one.

    >>> r = classify("I can confirm that we do not hold any recorded information within the scope of your request.")
    >>> r.outcome
    'not_held'
    >>> r = classify("To comply would exceed the appropriate limit of £450 (18 hours) under section 12(1) of the FOIA.")
    >>> r.outcome, r.exemptions, dict(r.cost_estimate)
    ('refused', ('FOIA:s12',), {'hours': 18, 'pounds': 450})
    >>> from foiclassify.attachments import Attachment
    >>> r = classify("Please find our response attached.", attachments=[Attachment("reply.pdf", "The information is exempt under section 43(2).")])
    >>> r.outcome, r.exemptions, [(e.label, e.part) for e in r.evidence if e.role == "cited"]
    ('refused', ('FOIA:s43',), [('FOIA:s43', 'attachment:reply.pdf')])
    >>> letter = "Dear Ms Shah\\nYou asked how many trees were felled.\\n2022: 316\\n2023: 216"
    >>> r = classify(letter, segments=True)
    >>> r.outcome, [(letter[s.start:s.end], s.role) for s in r.segments]
    ('provided', [('Dear Ms Shah', 'header'), ('You asked how many trees were felled.', 'request'), ('2022: 316', 'answer'), ('2023: 216', 'answer')])
    """  # noqa: E501 (doctest lines)
    if isinstance(attachments, (str, bytes)):
        raise TypeError(
            "attachments must be a count or a list of foiclassify.attachments.Attachment, not text"
        )
    if isinstance(attachments, int):
        prepared, unread = prepare(text, rules.KEYWORDS), attachments
        problems: list[str] = []
    else:
        readable = [(a.name, a.text) for a in attachments if a.text.strip()]
        problems = [f"{a.name}: {a.error or 'no text'}" for a in attachments if not a.text.strip()]
        prepared = (
            prepare_parts(text, readable, rules.KEYWORDS)
            if readable
            else prepare(text, rules.KEYWORDS)
        )
        unread = len(problems)
    scores = None
    trained = load_default() if not prepared.empty_reason else None
    if trained is not None:
        scores = ModelScores(
            trained.outcome_proba([prepared.text])[0], trained.exemption_proba([prepared.text])[0]
        )
    findings = rules.find(prepared)
    result = combine(prepared, findings, scores, attachments=unread)
    tagger = load_tagger() if needs_roles(result, findings) and not prepared.empty_reason else None
    if tagger is not None and not segments and _fewer_segments_than(prepared.text, MIN_TAGGED):
        tagger = None  # too short to have a structure to read: not worth splitting
    if tagger is not None and not _reads_as_english(prepared.text):
        tagger = None  # it knows English letters only: it does not guess at another language
    if tagger is not None or segments:
        parts, roles = rule_reading(prepared, findings)
        tagged: tuple[tuple[str, float], ...] = ()
        if tagger is not None and len(parts) >= MIN_TAGGED:  # read the letter's structure
            reading = tag(tagger, prepared, findings, parts, roles)
            tagged = reading.roles
            result = decide_by_roles(
                result,
                prepared,
                parts,
                reading,
                tagger.meta.get("threshold", ROLE_THRESHOLD),
                responds=states_response(findings),
                turn=tagger.meta.get("turn_threshold", TURN_THRESHOLD),
            )
        if segments:  # the tagger's roles where it read the message, the rules' elsewhere
            result = replace(
                result,
                segments=as_roled(
                    parts,
                    [role for role, _ in tagged] + list(roles[len(tagged) :]),
                    [p for _, p in tagged],
                ),
            )
    if prepared.repairs is not None:  # offsets into the text as given, not its repaired copy
        result = _at_original_offsets(result, text, prepared.repairs)  # type: ignore[arg-type]
    if problems and result.outcome == "undetermined":
        result = replace(result, reason=f"{result.reason} ({'; '.join(problems)})")
    calibration = load_calibration() if not prepared.empty_reason else None
    if calibration is not None:  # confidence: the estimated probability that the outcome is right
        result = calibrated(prepared.text, result, calibration, review_threshold)
    return result


def _at_original_offsets(result: Classification, text: str, repairs: Repairs) -> Classification:
    """``result`` with the body's evidence and the segments at offsets into ``text`` as given."""

    def given(e: Evidence) -> Evidence:
        start, end = repairs.original(e.start), repairs.original(e.end)
        return replace(e, start=start, end=end, text=text[start:end])

    evidence = tuple(given(e) if e.part == "body" else e for e in result.evidence)
    segments = tuple(
        s._replace(start=repairs.original(s.start), end=repairs.original(s.end))
        for s in result.segments
    )
    return replace(result, evidence=evidence, segments=segments)


_WORD = re.compile(r"[a-z]+")
_ENGLISH = frozenset(
    "the and of to we you your is in for this that be are not our has have with".split()
)


def _reads_as_english(text: str) -> bool:
    """Whether a text's first words are English ones often enough to be an English letter (a
    Spanish or Welsh one has almost none of the commonest English words)."""
    words = _WORD.findall(text[:3000].lower())
    return len(words) < 40 or sum(w in _ENGLISH for w in words) >= 0.03 * len(words)


def _fewer_segments_than(text: str, n: int) -> bool:
    """Whether ``text`` surely has fewer than ``n`` segments: each segment is a line or a
    sentence of one, so there are at most as many as non-blank lines plus sentence ends."""
    if len(text) > 400:
        return False
    lines = sum(1 for line in text.splitlines() if line.strip())
    return lines + len(SENTENCE_BREAK.findall(text)) < n


def _saved_page(html: str) -> AlaveteliPage | None:
    """The messages of a saved Alaveteli request page, or None when ``html`` is not one (a page
    that only mentions the markers is then read as text)."""
    if not looks_like_alaveteli_page(html):
        return None
    from .alaveteli_pages import read_alaveteli_page

    try:
        return read_alaveteli_page(html)
    except ValueError:
        return None


def _from_page(page: AlaveteliPage) -> Split:
    """The messages of a saved Alaveteli request page, with its title and site state."""
    _, layout = _from_list(page.messages)
    status = page.status_text or None
    return replace(
        layout,
        layout="alaveteli-page",
        title=page.title or None,
        site_status=status,
        site_state=page.state or None,
    )


def _from_list(messages: Sequence[object]) -> tuple[str, Split]:
    """Join a list of messages into one text: strings, mappings with "text" and optional "role"
    and "attachments", or :class:`~foiclassify.readers.SourceMessage` objects."""
    parts: list[str] = []
    pieces: list[Piece] = []
    pos = 0
    for i, item in enumerate(messages):
        role: Any = None
        files: tuple[Any, ...] = ()
        sender = ""
        if isinstance(item, Mapping):
            role, files = item.get("role"), tuple(item.get("attachments") or ())
            body, _ = to_text(item.get("text"))
        elif hasattr(item, "text") and hasattr(item, "role"):  # a SourceMessage
            role, files, sender = (
                item.role,
                tuple(getattr(item, "attachments", ())),
                str(getattr(item, "sender", "")),
            )
            body, _ = to_text(item.text)
        else:
            body, _ = to_text(item)
        if role is not None and role not in ROLES:
            raise ValueError(f"message {i}: role must be one of {ROLES}, got {role!r}")
        if not all(isinstance(file, Attachment) for file in files):
            raise ValueError(
                f"message {i}: attachments must be foiclassify.attachments.Attachment objects"
            )
        if parts:
            pos += 2
        pieces.append(
            Piece(
                role or guess_role(body),
                pos,
                pos + len(body),
                body,
                sender=sender,
                attachments=len(files),
                files=files,
            )
        )
        parts.append(body)
        pos += len(body)
    return "\n\n".join(parts), Split(tuple(pieces), "list")


def classify_thread(
    thread: str | bytes | Sequence[object] | None, *, segments: bool = False
) -> ThreadResult:
    """Split a whole correspondence into messages, label each authority message, roll up the thread.

    ``thread`` is the text of an export (a WhatDoTheyKnow page, an email chain) or a list of
    messages in chronological order: strings, mappings ``{"text": ..., "role": "authority" |
    "requester" | ..., "attachments": [Attachment, ...]}``, or the
    :class:`~foiclassify.readers.SourceMessage` objects a reader returns (their attachments'
    text is then read with each message). Messages come back oldest first. ``segments=True``
    fills each authority message's ``result.segments`` (see :func:`classify`).

    >>> t = classify_thread([
    ...     {"role": "requester", "text": "Please provide the contract value."},
    ...     {"role": "authority", "text": "We have received your request and will respond within 20 working days."},
    ...     {"role": "authority", "text": "The information is exempt under section 43(2) of the Act."},
    ... ])
    >>> [m.result.outcome if m.result else m.role for m in t.messages]
    ['requester', 'acknowledgement', 'refused']
    >>> t.outcome, t.exemptions
    ('refused', ('FOIA:s43',))
    """  # noqa: E501 (doctest lines)
    repairs = None
    if isinstance(thread, Sequence) and not isinstance(thread, (str, bytes, bytearray)):
        _, layout = _from_list(thread)
    else:
        raw = decode(bytes(thread)) if isinstance(thread, (bytes, bytearray)) else thread
        page = _saved_page(raw) if isinstance(raw, str) else None
        if page is not None:  # a saved request page: read its HTML, not its text
            layout = _from_page(page)
        else:
            # repairs: to give message offsets into the thread as given
            text, _, repairs = clean_text(thread)
            layout = split(text)
    messages = tuple(
        Message(
            role=piece.role,
            text=piece.text,
            start=repairs.original(piece.start) if repairs else piece.start,
            end=repairs.original(piece.end) if repairs else piece.end,
            result=classify(
                piece.text, attachments=piece.files or piece.attachments, segments=segments
            )
            if piece.role == "authority"
            else None,
            sender=piece.sender,
            attachments=piece.attachments,
        )
        for piece in layout.pieces
    )
    outcome, exemptions, stage, decisive = roll_up(messages)
    return ThreadResult(
        messages=messages,
        outcome=outcome,
        exemptions=exemptions,
        stage=stage,
        decisive_index=decisive,
        site_status=layout.site_status,
        site_state=layout.site_state,
        title=layout.title,
    )
