"""Figures the rules read from a reply's text: bare answer lines, and the hours and pounds of a
cost-limit refusal.

>>> from foiclassify.text import prepare
>>> [m.group() for m in answer_lines(prepare("Q1 how many?\\n48 |\\n12 |"))]
['48 |', '12 |']
>>> cost_estimate("It would take 40 hours, well over the £450 limit.", [(3, 10)])
CostEstimate({'hours': 40, 'pounds': 450})
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..result import CostEstimate
from ..text import Prepared, sentence_bounds

# A line that is only an answer: a bare figure, or "None" / "Nil" / "Yes" / "No" / "Zero", possibly
# as a table cell ("48 |"). A reply that refuses something and has such lines answered some part.
# A figure followed by a full stop ("1.") is a paragraph or list number that a PDF put on a line
# of its own, not an answer. The figure's parts and the trailing characters share no character,
# so a long line cannot backtrack.
_ANSWER_LINE = re.compile(
    r"^[ \t|]*(?:(none|nil|yes|no|zero)[ \t|.]*|\d[\d,]*(?:\.\d+)?%?[ \t|]*)$",
    re.IGNORECASE | re.MULTILINE,
)
_HOURS = re.compile(r"(\d{1,4}(?:\.\d{1,2})?)[ \t]*(?:hours|hrs|hour)\b", re.IGNORECASE)
_POUNDS = re.compile(r"£[ \t]?(\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.\d{2})?")


def answer_lines(prepared: Prepared) -> list[re.Match[str]]:
    """The answer lines outside quoted regions, when they show that something was answered: one
    yes/no/none line, or two lines of bare figures (one alone may be a reference or phone number)."""  # noqa: E501 (doctest lines)
    found = [
        m for m in _ANSWER_LINE.finditer(prepared.text) if prepared.region_at(m.start()) is None
    ]
    return found if len(found) >= 2 or any(m.group(1) for m in found) else []


def cost_estimate(text: str, spans: Iterable[tuple[int, int]]) -> CostEstimate | None:
    """The largest hours and pounds named in the sentences of ``spans`` (the cost-limit cues)."""
    hours: list[float] = []
    pounds: list[float] = []
    for start, end in spans:
        s, e = sentence_bounds(text, start, end)
        hours += [float(m.group(1)) for m in _HOURS.finditer(text, s, e)]
        pounds += [float(m.group(1).replace(",", "")) for m in _POUNDS.finditer(text, s, e)]
    if not hours and not pounds:
        return None

    def tidy(values: list[float]) -> float | None:
        if not values:
            return None
        top = max(values)
        return int(top) if top.is_integer() else top

    return CostEstimate(hours=tidy(hours), pounds=tidy(pounds))
