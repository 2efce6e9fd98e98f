"""Split one message into segments (TAXONOMY §6): sentences, list items, table rows, headings.

A segment is the unit a role is given to. The splitter works on lines first, because that is
where a letter's structure shows: a heading ("Response:", "Q1 response", "Answer 2"), a list item
("• 2021: 14", "1. How many …", "a) …"), a table row flattened to a line ("Bexley | 14 | 9"), or
prose. Lines that a PDF wrapped are joined back into their paragraph; prose is then cut into
sentences. Offsets always point into the text given, so a segment is ``text[start:end]``.

>>> text = "Dear Ms Shah\\nResponse:\\nThere were 412 referrals in 2023. The rest is withheld\\nunder section 40(2).\\n• 2022: 17\\n• 2023: 9"
>>> [text[s.start:s.end] for s in split_segments(text)]
['Dear Ms Shah', 'Response:', 'There were 412 referrals in 2023.', 'The rest is withheld\\nunder section 40(2).', '• 2022: 17', '• 2023: 9']
>>> [s.kind for s in split_segments(text)]
['line', 'heading', 'sentence', 'sentence', 'item', 'item']

Every pattern here reads one line at a time with bounded repeats, so splitting is linear in the
length of the text.
"""  # noqa: E501 (doctest lines)

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple, TypeVar

# The kinds of segment (shape, not role): a heading line, a list item, a table-like row, a
# sentence of prose, or a short line that is none of these (an address line, a date, a name).
KINDS: tuple[str, ...] = ("heading", "item", "row", "sentence", "line")


T = TypeVar("T")


class Segment(NamedTuple):
    """One part of a message: ``text[start:end]``, and its shape (one of :data:`KINDS`)."""

    start: int
    end: int
    kind: str


# A list item: a bullet, or an enumerator such as "1.", "2)", "(a)", "iv.", "Q3", "Question 2",
# "Request 1", "Answer 2", "Part 3", followed by a space, a colon or a dash.
_ITEM = re.compile(
    r"[ \t]*(?:[•·▪◦●○■□➢►‣\-–—*]"
    r"|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)](?![\d])"
    r"|(?:q|question|request|answer|response|part|item|point)[ \t]?\d{1,2}[a-z]?\b\.?)"
    r"(?=[ \t:\-–]|$)",
    re.IGNORECASE,
)
_BULLET = re.compile(r"[ \t]*(?:[•·▪◦●○■□➢►‣\-–—*]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)](?![\d]))")
# A heading: a short line ending with a colon, or a known heading word alone on its line.
_HEADING_WORDS = re.compile(
    r"[ \t]*(?:(?:q ?\d{1,2}[a-z]? )?(?:our |my |the |foi |decision and )?(?:response|answ"
    r"er|reply|decision|outcome)s?"
    r"(?: ?\d{1,2}[a-z]?| provided| to (?:your )?(?:request|question)s?)?"
    r"|(?:your |the |original )?(?:request|questions?|information requested|request detail"
    r"s?|information request)"
    r"|background|summary|explanation|exemptions?(?: applied)?|public interest test|advice"
    r" and assistance"
    r"|next steps|your right to (?:request a review|complain|appeal)|complaints?|appeals?)"
    r"[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
# A table row flattened to a line: cells split by "|" or tabs, or by runs of 3+ spaces.
_ROW = re.compile(r"[^\n|\t]*(?:[|\t][^\n|\t]*){2,}$|(?:[^\n ]+(?: [^\n ]+){0,6} {3,}){2,}[^\n ]")
# One table cell on its own line, as PDF and web-page copies flatten tables ("47 |", "|").
_CELL = re.compile(r"[ \t]*[^|\n]{0,40}\|[ \t]*")
_CLOSERS = "\"”’')]"


def _ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with . ! ? : or ; (before closing quotes or brackets and spaces)."""
    return line.rstrip(" \t").rstrip(_CLOSERS)[-1:] in (".", "!", "?", ":", ";")


_STARTS_LOWER = re.compile(r"[ \t]*[a-z(]")
# Where prose is cut into sentences: after . ! or ? (and closing quotes or brackets), before a
# capital, a digit, an opening quote or a bracket.
SENTENCE_BREAK = re.compile(r"[.!?][\"”’')\]]*[ \t\n]+(?=[\"“‘(£•A-Z0-9])")
# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no nos s ss reg regs para paras sec art e.g i.e etc ref p pp vol ltd"
    " inc co cf approx "
    "jan feb mar apr jun jul aug sep sept oct nov dec tel fig figs op cit viz al rev prof"
    " cllr hon".split()
)
_LAST_WORD = re.compile(r"([A-Za-z.]{1,8})[.!?][\"”’')\]]*[ \t\n]+$")
_WRAP_WIDTH = 40  # a line at least this long that does not end a sentence may be wrapped


def _line_kind(line: str) -> str:
    """blank, heading, item, cell, row or text; the cheap string tests come first, so a line
    of prose meets one anchored pattern."""
    stripped = line.strip()
    if not stripped:
        return "blank"
    size = len(stripped)
    if size <= 70 and stripped[-1] == ":" and not _BULLET.match(line):
        return "heading"
    if size <= 70 and _HEADING_WORDS.fullmatch(line):
        return "heading"
    if _ITEM.match(line):
        return "item"
    if "|" in stripped:
        if size <= 42 and _CELL.fullmatch(line):
            return "cell"
        if _ROW.match(stripped):
            return "row"
    elif ("\t" in stripped or "   " in stripped) and _ROW.match(stripped):
        return "row"
    return "text"


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` into sentences, leaving abbreviations ("s. 43", "No. 5") whole."""
    pieces = []
    lo = start
    for m in SENTENCE_BREAK.finditer(text, start, end):
        word = _LAST_WORD.search(text, max(lo, m.start() - 9), m.end())
        if word and (
            word.group(1).lower().rstrip(".") in _ABBREVIATIONS or len(word.group(1)) == 1
        ):
            continue
        pieces.append((lo, m.start() + len(m.group().rstrip(" \t\n"))))
        lo = m.end()
    pieces.append((lo, end))
    return pieces


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def split_segments(text: str) -> list[Segment]:
    """The segments of ``text`` in order; whitespace between them belongs to none."""
    blocks: list[list] = []  # [start, end, kind of the block's first line]
    previous = ""  # the previous non-blank line, "" after a blank line
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        kind = _line_kind(line)
        if kind == "blank":
            previous = ""
        else:
            last = blocks[-1] if blocks else None
            if kind == "cell":
                continues = (
                    bool(previous) and last is not None and last[2] == "row"
                )  # one flattened table
                kind = "row"
            else:
                continues = (
                    kind == "text"
                    and bool(previous)
                    and last is not None
                    and last[2] in ("text", "item")
                    and (last[2] == "item" or len(previous.strip()) >= _WRAP_WIDTH)
                    and (not _ends_sentence(previous) or _STARTS_LOWER.match(line) is not None)
                )
            if continues:
                last[1] = end  # type: ignore[index]
            else:
                blocks.append([start, end, kind])
            previous = line
        start = end + 1
    segments: list[Segment] = []
    for start, end, kind in blocks:
        start, end = _trimmed(text, start, end)  # pieces inside a block start and end on non-space
        if kind == "text":
            pieces = _sentences(text, start, end)
            short_line = (
                len(pieces) == 1 and end - start < _WRAP_WIDTH and "\n" not in text[start:end]
            )
            shape = "line" if short_line and not _ends_sentence(text[start:end]) else "sentence"
            segments.extend(Segment(lo, hi, shape) for lo, hi in pieces)
        else:
            segments.append(Segment(start, end, kind))
    return segments


def by_segment(segments: Sequence[Segment], items: Iterable[tuple[int, T]]) -> list[list[T]]:
    """The values of ``items`` (``(position, value)`` pairs) grouped by the segment holding each
    position, in item order; positions between segments are dropped.

    >>> by_segment([Segment(0, 5, "line"), Segment(7, 9, "line")], [(1, "a"), (6, "b"), (8, "c"), (2, "d")])
    [['a', 'd'], ['c']]
    """  # noqa: E501 (doctest lines)
    starts = [s.start for s in segments]
    grouped: list[list[T]] = [[] for _ in segments]
    for pos, value in items:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < segments[i].end:
            grouped[i].append(value)
    return grouped
