"""Immutable result types returned by :func:`foiclassify.classify` and :func:`foiclassify.classify_thread`.

All of them are frozen dataclasses built from tuples, so they are hashable, compare equal when
their content is equal, and turn into plain JSON-ready dicts with ``to_dict()``.
"""  # noqa: E501 (doctest lines)

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple


@dataclass(frozen=True)
class Evidence:
    """One span of the input text that supports (or explains the absence of) a label.

    ``label`` is an outcome label (``"refused"``), an exemption code (``"FOIA:s43"``) or a flag
    (``"ncnd"``, ``"public_interest_test"``, ``"advice_offered"``, ``"cost_estimate"``,
    ``"internal_review"``, ``"attachment"``). ``start``/``end`` are character offsets into the
    text that was classified, ``text`` is that slice. ``source`` is ``"rule"`` or ``"model"``.
    ``role`` says what the span does: ``"cited"`` for an exemption relied on, ``"cue"`` for a
    phrase that supports an outcome or flag, or one of ``"mentioned"``,
    ``"considered_not_applied"``, ``"procedural"``, ``"other_act"`` for a section reference
    that is *not* cited. ``detail`` is a short human explanation (the pattern's name).
    ``part`` is ``"body"``, or ``"attachment:<file name>"`` when the message was classified with
    its attachments' text; ``start``/``end`` are then offsets into that part's text.
    """

    label: str
    start: int
    end: int
    text: str
    source: str = "rule"
    role: str = "cue"
    detail: str = ""
    part: str = "body"

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "source": self.source,
            "role": self.role,
            "detail": self.detail,
            "part": self.part,
        }


class RoledSegment(NamedTuple):
    """One segment of the message and its role (TAXONOMY §6): ``text[start:end]`` does ``role``.

    ``score`` is the tagger's probability of that role, or ``None`` when the role is the rules'
    reading (no tagger ships). For a message classified with attachments, offsets run over the
    joined text (body, then each attachment after a blank line), as evidence offsets did before
    they were moved into their part.
    """

    start: int
    end: int
    role: str
    score: float | None = None


@dataclass(frozen=True)
class CostEstimate(Mapping[str, float]):
    """Hours and/or pounds named in a cost-limit refusal; behaves like a read-only dict.

    >>> c = CostEstimate(hours=24, pounds=600)
    >>> c == {"hours": 24, "pounds": 600}
    True
    >>> dict(CostEstimate(hours=40))
    {'hours': 40}
    """

    hours: float | None = None
    pounds: float | None = None

    def _items(self) -> dict[str, float]:
        return {k: v for k, v in (("hours", self.hours), ("pounds", self.pounds)) if v is not None}

    def __getitem__(self, key: str) -> float:
        return self._items()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items())

    def __len__(self) -> int:
        return len(self._items())

    def __hash__(self) -> int:
        return hash((self.hours, self.pounds))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._items() == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"CostEstimate({self._items()!r})"


@dataclass(frozen=True)
class Classification:
    """What one message written by an authority decided, and why.

    >>> from foiclassify import classify
    >>> r = classify("Your request is refused: the information is exempt under section 43(2) of the Freedom of Information Act 2000.")
    >>> r.outcome, r.exemptions
    ('refused', ('FOIA:s43',))
    """  # noqa: E501 (doctest lines)

    outcome: str
    exemptions: tuple[str, ...] = ()
    stage: str = "initial"
    confidence: float = 0.0
    evidence: tuple[Evidence, ...] = ()
    ncnd: bool = False
    public_interest_test: bool = False
    advice_offered: bool = False
    cost_estimate: CostEstimate | None = None
    reason: str = ""
    segments: tuple[RoledSegment, ...] = ()
    jurisdiction: str = "UK"  # whose law the message is written under (labels.JURISDICTIONS)
    needs_review: bool = False  # the calibrated confidence is below the review threshold

    def to_dict(self) -> dict[str, Any]:
        """A plain dict of JSON types (lists, not tuples)."""
        return {
            "outcome": self.outcome,
            "exemptions": list(self.exemptions),
            "jurisdiction": self.jurisdiction,
            "stage": self.stage,
            "confidence": self.confidence,
            "needs_review": self.needs_review,
            "ncnd": self.ncnd,
            "public_interest_test": self.public_interest_test,
            "advice_offered": self.advice_offered,
            "cost_estimate": dict(self.cost_estimate) if self.cost_estimate is not None else None,
            "reason": self.reason,
            "evidence": [e.to_dict() for e in self.evidence],
            "segments": [list(s) for s in self.segments],
        }


@dataclass(frozen=True)
class Message:
    """One message of a thread: who wrote it, where it sits in the thread text, and its result.

    ``start``/``end`` are offsets into the thread text (for a list input, into the joined text
    ``"\\n\\n".join(messages)``). ``text`` is the message's own text with link blocks and any
    quoted history below it left in (a message split out of ``>``-quoted email lines has one
    level of ``>`` removed, so it can differ from the slice at ``start:end``); ``result`` is a
    :class:`Classification` for authority messages, else
    ``None``. ``sender`` is the header line naming the writer when the export has one.
    ``attachments`` is the number of attachments the export says the message had.
    """

    role: str
    text: str
    start: int
    end: int
    result: Classification | None = None
    sender: str = ""
    attachments: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "sender": self.sender,
            "start": self.start,
            "end": self.end,
            "attachments": self.attachments,
            "text": self.text,
            "result": self.result.to_dict() if self.result is not None else None,
        }


@dataclass(frozen=True)
class ThreadResult:
    """A whole correspondence split into messages, with its rolled-up outcome (TAXONOMY §4).

    ``decisive_index`` is the index in ``messages`` of the message that decided the outcome
    (``None`` when no authority message decided anything). ``site_status`` is the
    WhatDoTheyKnow status line when the page has one, ``site_state`` the WhatDoTheyKnow state
    it names (``"rejected"``, ``"successful"`` …) or ``None``.
    """

    messages: tuple[Message, ...]
    outcome: str
    exemptions: tuple[str, ...] = ()
    stage: str = "initial"
    decisive_index: int | None = None
    site_status: str | None = None
    site_state: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "outcome": self.outcome,
            "exemptions": list(self.exemptions),
            "stage": self.stage,
            "decisive_index": self.decisive_index,
            "site_status": self.site_status,
            "site_state": self.site_state,
            "messages": [m.to_dict() for m in self.messages],
        }
