"""Segment roles (TAXONOMY §6): what each part of a letter does, and the outcome that follows.

:func:`rule_roles` gives every segment a role from what the rules found in it: the region it
sits in (a quoted request, complaint boilerplate), the cue phrases inside it, the section
references cited in it, and its shape (letterhead lines before "Dear …"). Those roles are a
first reading: they pre-label the real letters for hand correction and they are features of
the learned tagger (:mod:`foiclassify.tagger`). :func:`outcome_from_roles` is §6's rule from
roles to one outcome.

>>> outcome_from_roles(["header", "request", "answer", "withheld", "rights"])
'partially_provided'
>>> outcome_from_roles(["acknowledgement", "not_held", "other"])
'not_held'
>>> outcome_from_roles(["header", "acknowledgement", "other"])
'acknowledgement'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .labels import SEGMENT_ROLES
from .rules import Findings
from .segments import Segment, by_segment
from .text import BOILERPLATE, LINK_BLOCK, QUOTED_EMAIL, QUOTED_REQUEST, Keywords, Prepared

# The role a cue's signal points to, and which wins when one segment holds several.
_SIGNAL_ROLE: dict[str, str] = {
    "invalid_request": "invalid",
    "ncnd": "withheld",
    "withheld": "withheld",
    "cost_limit": "withheld",
    "resource_diversion": "withheld",
    "vexatious": "withheld",
    "manifestly_unreasonable": "withheld",
    "accessible_elsewhere": "withheld",
    "not_held": "not_held",
    "internal_review": "review",
    "delayed": "holding",
    "clarification_requested": "clarification",
    "provided": "answer",
    "published": "answer",
    "partial": "answer",
    "advice_offered": "advice",
    "acknowledgement": "acknowledgement",
    "public_interest_test": "reasoning",
}
_PRIORITY = (
    "invalid",
    "withheld",
    "not_held",
    "review",
    "holding",
    "clarification",
    "answer",
    "advice",
    "acknowledgement",
    "reasoning",
)
_REGION_ROLE = {
    QUOTED_REQUEST: "request",
    BOILERPLATE: "rights",
    QUOTED_EMAIL: "other",
    LINK_BLOCK: "other",
}

_SALUTATION = re.compile(r"(?:dear|hello|hi|good (?:morning|afternoon))\b", re.IGNORECASE)
_HEADER_LINE = re.compile(
    r"(?:our|your|my) ref|ref(?:erence)?(?: number| no\.?)?[ \t]*:|date[ \t]*:|subject[ \t"
    r"]*:|re[ \t]*:|tel(?:ephone)?\b|e-?mail[ \t]*:|fax\b|www\.|by email",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"(?:yours (?:sincerely|faithfully)|kind regards|best regards|regards|many thanks|thank you)\b",
    re.IGNORECASE,
)
_REQUEST_HEADING = re.compile(
    r"[ \t]*(?:(?:your |the |original )?(?:request|questions?|information requested|reques"
    r"t details?|you asked)\b|q[ \t]?\d)",
    re.IGNORECASE,
)
_RESPONSE_HEADING = re.compile(
    r"[ \t]*(?:our |my |the |foi )?(?:response|answer|reply|decision)", re.IGNORECASE
)
_EXPLAINS = re.compile(
    r"\b(?:provides? that|states? that|says? that|sets out|is a (?:qualified|prejudice|cla"
    r"ss|absolute)|qualified exemption|absolute exemption"
    r"|prejudice|harm|factors? (?:favouring|in favour|against)|public interest)\b",
    re.IGNORECASE,
)
# Every match of _EXPLAINS starts with one of these: the pattern is tried only where they occur.
_EXPLAIN_WORDS = Keywords(
    (
        "provide",
        "state",
        "say",
        "sets out",
        "is a ",
        "qualified exemption",
        "absolute exemption",
        "prejudice",
        "harm",
        "factor",
        "public interest",
    )
)
_FIGURE = re.compile(r"\d")


def _cue_role(signals: Iterable[str]) -> str | None:
    roles = {_SIGNAL_ROLE[s] for s in signals if s in _SIGNAL_ROLE}
    return next((role for role in _PRIORITY if role in roles), None)


def rule_roles(prepared: Prepared, findings: Findings, segments: Sequence[Segment]) -> list[str]:
    """One role per segment from the rules' findings (a first reading, see the module doc)."""
    text, folded = prepared.text, prepared.folded or prepared.text.lower()
    cue_at = by_segment(segments, ((hit.start, hit.cue.signal) for hit in findings.cues))
    cited_at = [
        bool(refs)
        for refs in by_segment(
            segments, ((r.ref.start, r) for r in findings.references if r.role == "cited")
        )
    ]
    explaining = (
        pos
        for positions in _EXPLAIN_WORDS.find(folded).values()
        for pos in positions
        if _EXPLAINS.match(folded, pos)
    )
    explains_at = [
        bool(hits) for hits in by_segment(segments, ((pos, pos) for pos in explaining))
    ]  # one pass over the text

    roles: list[str] = []
    greeted = False
    under = ""  # "request" or "response": the last heading seen
    for i, seg in enumerate(segments):
        lo, hi = seg.start, seg.end
        region = prepared.region_at(lo)
        role: str | None = None
        if region is not None:
            role = _REGION_ROLE.get(region.kind, "other")
        elif seg.kind == "heading":
            if _REQUEST_HEADING.match(text, lo, hi):
                under = "request"
                role = "request"
            elif _RESPONSE_HEADING.match(text, lo, hi):
                under = "response"
                role = "other"
        if role is None:
            role = _cue_role(cue_at[i]) if cue_at[i] else None
            if role is None and cited_at[i]:
                role = "reasoning" if explains_at[i] else "withheld"
            elif role in ("withheld", "answer") and folded.find("provides that", lo, hi) != -1:
                role = "reasoning"
        if role is None:
            if _SALUTATION.match(text, lo, hi):
                role, greeted = "header", True
            elif (
                not greeted and (seg.kind == "line" or _HEADER_LINE.match(text, lo, hi)) and i < 25
            ):
                role = "header"
            elif _SIGN_OFF.match(text, lo, hi):
                role = "other"
            elif under == "request":
                role = "request"
            elif explains_at[i]:
                role = "reasoning"
            elif (
                seg.kind in ("item", "row", "line")
                and under == "response"
                and _FIGURE.search(text, lo, hi)
            ):
                role = "answer"
            else:
                role = "other"
        roles.append(role)
    return roles


# The roles that state a decision (§6): the others only frame it.
DECIDING_ROLES: frozenset[str] = frozenset({"answer", "withheld", "not_held"})


def outcome_from_roles(roles: Iterable[str]) -> str:
    """TAXONOMY §6: the outcome that follows from the roles of a letter's own segments."""
    present = set(roles)
    unknown = present - set(SEGMENT_ROLES)
    if unknown:
        raise ValueError(f"not segment roles: {sorted(unknown)}")
    if "answer" in present:
        return "partially_provided" if present & {"withheld", "not_held"} else "provided"
    if "withheld" in present:
        return "refused"
    if "not_held" in present:
        return "not_held"
    for role, outcome in (
        ("invalid", "invalid_request"),
        ("clarification", "clarification_requested"),
        ("holding", "delayed"),
        ("acknowledgement", "acknowledgement"),
    ):
        if role in present:
            return outcome
    return "undetermined"
