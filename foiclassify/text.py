"""Cleaning: turn raw input into text, and mark the parts of a message that are not its own words.

Nothing here rewrites the authority's words: offsets into the prepared text are the offsets the
evidence reports. Parts that must not count when labelling (the requester's request quoted back,
earlier emails quoted below a reply, "your right to complain" boilerplate, WhatDoTheyKnow link
blocks) are returned as :class:`Region` spans, and the rules ignore or down-rank what falls in them.

>>> p = prepare("You asked:\\nPlease apply section 12.\\n\\nResponse\\nThe information is exempt under section 43.")
>>> [(r.kind, p.text[r.start:r.end].strip()) for r in p.regions]
[('quoted_request', 'Please apply section 12.')]
"""  # noqa: E501 (doctest lines)

from __future__ import annotations

import bisect
import functools
import html
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import ahocorasick_rs

# Kinds of region, and what they mean for labelling.
QUOTED_REQUEST = "quoted_request"  # the request quoted back inside a reply
QUOTED_EMAIL = "quoted_email"  # earlier messages quoted below a reply
BOILERPLATE = "complaint_boilerplate"  # "your right to complain", internal review / ICO details
LINK_BLOCK = "link_block"  # WhatDoTheyKnow "References / Visible links", "show quoted sections"


@dataclass(frozen=True)
class Region:
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Part:
    """Where one part of a message sits in the prepared text: ``name`` is ``"body"`` or
    ``"attachment:<file name>"``."""

    name: str
    start: int
    end: int


PART_BREAK = "\n\n"  # between the body and each attachment's text in a prepared message


@dataclass(frozen=True)
class Prepared:
    """A message's text and the regions of it that are not the writer's own decision text.

    ``parts`` is empty for a message read from one text; for a body with attachments (see
    :func:`prepare_parts`) it says where each part sits in ``text``.
    """

    text: str
    regions: tuple[Region, ...]
    empty_reason: str = ""  # why the input held no text at all ("" when it did)
    folded: str = ""  # fold(text): lower case, line breaks as spaces, same offsets
    parts: tuple[Part, ...] = ()
    # Where the repairs of clean_text changed the body's length (mis-decoded characters, PDF
    # ligatures, doubled word gaps, page footers), to map offsets back to the text as given
    repairs: Repairs | None = None
    # Where the words of ``keywords`` occur in ``folded`` (Keywords.find), for the later stages.
    spots: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)
    keywords: Keywords | None = field(default=None, repr=False, compare=False)
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(r.start for r in self.regions))

    def part_at(self, pos: int) -> Part | None:
        """The part holding character ``pos`` (None for a single-text message or a break)."""
        for part in self.parts:
            if part.start <= pos < part.end or pos == part.end == part.start:
                return part
        return None

    def region_at(self, pos: int) -> Region | None:
        """The region containing character ``pos``, or None (regions do not overlap)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.regions[i].start <= pos < self.regions[i].end:
            return self.regions[i]
        return None


# ---------------------------------------------------------------------------------------------
# Fast matching: fold once, run patterns only near their keywords


def fold(text: str) -> str:
    """Lower-cased ``text`` with line breaks and tabs read as spaces, every offset unchanged.

    Phrases wrapped over two lines then match a pattern written with single spaces.
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (İ) grow when lowered: keep them as they are
        lowered = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for space in "\n\t\r\f\v":  # str.replace is several times faster than str.translate here
        if space in lowered:
            lowered = lowered.replace(space, " ")
    return lowered


class Keywords:
    """A fixed set of lower-case keywords, all located in one pass over a text (Aho-Corasick).

    Testing 170 keywords with ``in`` reads the text 170 times; the automaton reads it once.

    >>> sorted(Keywords(["limit", "cost limit"]).find("the cost limit, the limit").items())
    [('cost limit', [4]), ('limit', [9, 20])]
    """

    def __init__(self, keywords: Iterable[str]) -> None:
        self.words = tuple(sorted(set(keywords)))
        # A DFA: the library's fastest automaton to search (here 1.6-1.8x its default, 4x
        # pyahocorasick), about 0.6 MB for the rules' 393 keywords. Offsets are in characters.
        self._automaton = ahocorasick_rs.AhoCorasick(
            self.words, implementation=ahocorasick_rs.Implementation.DFA
        )

    def find(self, folded: str) -> dict[str, list[int]]:
        """Start offsets of every occurrence of each keyword in ``folded``, overlapping ones
        included."""
        spots: dict[str, list[int]] = {}
        words = self.words
        for index, start, _ in self._automaton.find_matches_as_indexes(folded, overlapping=True):
            word = words[index]
            if word in spots:
                spots[word].append(start)
            else:
                spots[word] = [start]
        return spots


def windows_near(
    spots: dict[str, list[int]], keywords: Iterable[str], reach: int
) -> list[tuple[int, int]]:
    """Merged ``(start, end)`` spans within ``reach`` of any occurrence of ``keywords``.

    ``spots`` is :meth:`Keywords.find` of the folded text. A pattern whose every match contains
    one of ``keywords`` and is shorter than ``reach`` finds the same matches when run only inside
    these spans.
    """
    return windows_around(
        sorted(pos for keyword in keywords for pos in spots.get(keyword, ())), reach
    )


def windows_around(positions: list[int], reach: int) -> list[tuple[int, int]]:
    """Merged ``(pos - reach, pos + reach)`` spans around sorted ``positions`` (clipped at 0).

    >>> windows_around([5, 10, 100], 20)
    [(0, 30), (80, 120)]
    """
    spans: list[tuple[int, int]] = []
    for pos in positions:
        if spans and pos - reach <= spans[-1][1]:
            spans[-1] = (spans[-1][0], pos + reach)
        else:
            spans.append((max(0, pos - reach), pos + reach))
    return spans


def lines_near(
    pattern: re.Pattern[str], text: str, spots: dict[str, list[int]], keywords: Iterable[str]
) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match is part of one line, starts
    at the line's start (``^`` under ``re.MULTILINE``) and contains one of ``keywords``: the
    pattern is tried only at the starts of the lines where ``spots`` has such a keyword.

    >>> text = "Dear Jo\\nYou asked:\\nthe costs"
    >>> [m.group() for m in lines_near(re.compile(r"^you asked:$", re.I | re.M), text, {"you asked": [8]}, ["you asked"])]
    ['You asked:']
    """  # noqa: E501 (doctest lines)
    line_starts = sorted(
        {text.rfind("\n", 0, pos) + 1 for word in keywords for pos in spots.get(word, ())}
    )
    matches = (pattern.match(text, start) for start in line_starts)
    return [match for match in matches if match]


def reach_of(pattern: str | re.Pattern[str], cap: int = 300) -> int:
    """How far from any character of a match ``pattern`` reads text, or ``cap`` when unbounded.

    That is the longest match plus what its lookaheads and lookbehinds read, plus one character
    either side for a ``\\b``, ``^`` or ``$`` that looks past the match's ends. A window this far
    either side of a keyword finds every match that contains the keyword, and decides each one
    as a scan of the whole text would.

    >>> reach_of(r"\\bnot held\\b"), reach_of(r"i enclose(?! (?:the|a) letter)"), reach_of(r"please find.*attached")
    (9, 21, 300)
    """  # noqa: E501 (doctest lines)
    extent = _extent(pattern.pattern if isinstance(pattern, re.Pattern) else pattern)
    return cap if extent >= cap else int(extent)


@functools.lru_cache(maxsize=256)
def _extent(source: str) -> float:
    from re import _parser  # type: ignore[attr-defined]  # the standard library's own parser

    return _width(_parser.parse(source)) + 1


def _width(items: Iterable[tuple[Any, Any]]) -> float:
    """The most characters a parsed pattern reads, lookarounds counted as if they consumed."""
    from re import _constants as op  # type: ignore[attr-defined]

    total: float = 0
    for code, arg in items:
        if code is op.BRANCH:
            total += max(_width(branch) for branch in arg[1])
        elif code is op.SUBPATTERN:
            total += _width(arg[-1])
        elif code is op.ATOMIC_GROUP:
            total += _width(arg)
        elif code in (op.ASSERT, op.ASSERT_NOT):
            total += _width(arg[1])
        elif code in (op.MAX_REPEAT, op.MIN_REPEAT, op.POSSESSIVE_REPEAT):
            _, most, body = arg
            inner = _width(body)
            total += math.inf if most == op.MAXREPEAT and inner else most * inner
        elif code in (op.GROUPREF, op.GROUPREF_EXISTS):
            return math.inf
        elif code is not op.AT:  # AT (^, $, \\b) reads no character of its own
            total += 1
    return total


def search_near(
    pattern: re.Pattern[str],
    text: str,
    spots: dict[str, list[int]],
    keywords: Iterable[str],
    reach: int | None = None,
) -> list[re.Match[str]]:
    """``pattern.finditer(text)``, run only near a keyword occurrence in ``spots``: within
    ``reach`` characters, by default :func:`reach_of` the pattern."""
    reach = reach_of(pattern) if reach is None else reach
    return [
        m for lo, hi in windows_near(spots, keywords, reach) for m in pattern.finditer(text, lo, hi)
    ]


# ---------------------------------------------------------------------------------------------
# Turning input into text


class _TextExtractor(HTMLParser):
    _BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "blockquote",
        "hr",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._pre = 0  # inside <pre> / <textarea>: line breaks are kept as written

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "head"):
            self._skip += 1
        elif tag in ("pre", "textarea"):
            self._pre += 1
            self.parts.append("\n")
        elif tag in self._BLOCK:
            self.parts.append(
                "\n\n" if tag in ("p", "div", "table", "h1", "h2", "h3", "blockquote") else "\n"
            )

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head"):
            self._skip = max(0, self._skip - 1)
        elif tag in ("pre", "textarea"):
            self._pre = max(0, self._pre - 1)
            self.parts.append("\n")
        elif tag in ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        # As a browser shows it: outside <pre>, a run of white space in the markup, line breaks
        # included, is one space; only <br> and block elements break lines. (An e-mail printed
        # as "line<br />\nline" is one line break, not a blank line after every line.)
        if not self._skip:
            self.parts.append(data if self._pre else MARKUP_SPACE.sub(" ", data))


_HTML_SNIFF = re.compile(
    r"<(?:html|body|p|div|br|table|span|font|head)\b[^>]{0,200}>", re.IGNORECASE
)


def looks_like_html(text: str) -> bool:
    """True when the text carries HTML markup (an HTML email body, a saved page)."""
    return len(_HTML_SNIFF.findall(text[:20000])) >= 2


# A run of white space in HTML markup, line breaks included: shown as one space (outside <pre>)
MARKUP_SPACE = re.compile(r"[ \t\r\n\f]+")


def html_to_text(markup: str) -> str:
    """Visible text of an HTML document, with paragraph breaks kept as blank lines.

    >>> html_to_text("<p>Thank you. If you\\n<br /> have any questions,\\n<br /> ask.</p>")
    'Thank you. If you\\nhave any questions,\\nask.'
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    joined = "".join(parser.parts)
    text = html.unescape(joined) if "&" in joined else joined
    text = re.sub(r"[ \t\r\f\v]+\n", "\n", text)
    text = re.sub(r"\n[ \t\f\v]+(?=\S)", "\n", text)  # no indent from the markup's own spaces
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else Windows-1252, else Latin-1 (never fails)."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


# UTF-8 read as Windows-1252: "â€™" for "’", "Ã©" for "é". A lead byte of a 2-4 byte sequence
# shown as a Latin-1 letter, then 1-3 continuation bytes shown as cp1252 characters.
_CP1252_CONTINUATION = (
    "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
    "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc"
    "\u2122\u0161\u203a\u0153\u017e\u0178"
)
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONTINUATION}]{{1,3}}")
# Typographic ligatures that PDF text layers keep as one character ("ﬁnd", "conﬁrm", "ﬂood"):
# spelt out, so that words and cue phrases read as typed.
_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_LIGATURE = re.compile("[\ufb00-\ufb06]")
# A PDF text layer that puts two spaces between every two words ("Please  find  attached"): each
# such pair is read as one space (runs of three or more, a table's columns, are left alone).
_DOUBLE_SPACE = re.compile(r"(?<=\S)  (?=\S)")
# A PDF page's running footer on a line of its own ("Page 2 of 5", "- 3 -"), which a text layer
# puts wherever the page broke, often inside a sentence: the line is left out.
_PAGE_LINE = (
    r"(?im:^[ \t]*(?:page[ \t]+\d{1,3}(?:[ \t]+of[ \t]+\d{1,3})?|-[ \t]*\d{1,3}[ \t]*-)[ \t]*\r?\n)"
)
# A page's footer only stands inside a text that runs over a page (some 3,000 characters).
_PAGE_LENGTH = 2000
# What to repair, by (not ASCII: mis-decoded characters may be in it; a ligature is; word gaps
# doubled throughout; a sign of a page footer): one pattern for one pass over the text. Each part
# is asked only where the text may need it: an alternation costs the search its quick scan for
# the first character.
_REPAIR_PATTERNS = {
    (wide, ligature, doubled, footer): re.compile(
        "|".join(
            part
            for part, wanted in (
                (_MOJIBAKE.pattern, wide),
                (_LIGATURE.pattern, ligature),
                (_DOUBLE_SPACE.pattern, doubled),
                (_PAGE_LINE, footer),
            )
            if wanted
        )
    )
    for wide in (False, True)
    for ligature in (False, True)
    for doubled in (False, True)
    for footer in (False, True)
    if wide or ligature or doubled or footer
}


def _spaced_out(text: str) -> bool:
    """Whether most of a text's word gaps are two spaces (at least 20 of them)."""
    pairs = text.count("  ")
    return pairs >= 20 and 2 * pairs >= 0.6 * text.count(" ")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as Windows-1252 ("Trustâ€™s" → "Trust’s"), and spell out
    typographic ligatures ("ﬁnd" → "find").

    Only sequences that decode as valid UTF-8 are changed, so ordinary accented text stays as it is.

    >>> repair_mojibake("The Trustâ€™s reply â€“ cafÃ© costs")
    'The Trust’s reply – café costs'
    >>> repair_mojibake("Café and naïve stay"), repair_mojibake("Please ﬁnd attached")
    ('Café and naïve stay', 'Please find attached')
    """

    return repairs_of(text)[0]


@dataclass(frozen=True)
class Repairs:
    """Where :func:`repair_mojibake` changed a text's length, so that offsets into the repaired
    text can be turned back into offsets into the text as given: ``after`` holds the position in
    the repaired text just after each repaired character, ``removed`` how many characters had
    been removed up to and including that repair (negative where a ligature was spelt out).

    >>> fixed, repairs = repairs_of("Trustâ€™s reply")
    >>> fixed, fixed[5:7], repairs.original(5), repairs.original(7)
    ('Trust’s reply', '’s', 5, 9)
    >>> "Trustâ€™s reply"[5:9]
    'â€™s'
    >>> fixed, repairs = repairs_of("we ﬁnd no ﬁles")
    >>> fixed, repairs.original(fixed.index("no")), repairs.original(len(fixed))
    ('we find no files', 7, 14)
    """

    after: tuple[int, ...]
    removed: tuple[int, ...]

    def original(self, offset: int) -> int:
        """The offset in the text as given of ``offset`` in the repaired text."""
        i = bisect.bisect_right(self.after, offset)
        return offset + (self.removed[i - 1] if i else 0)


def repairs_of(text: str) -> tuple[str, Repairs]:
    """``repair_mojibake(text)``, with two-space word gaps read as one in a text spaced out that way
    throughout (:func:`_spaced_out`) and a page's footer lines left out of a text longer than a
    page, and where that changed the text's length (:class:`Repairs`)."""
    after: list[int] = []
    removed: list[int] = []
    pieces: list[str] = []
    last = shift = 0
    wide = not text.isascii()  # O(1) for a str: mojibake and ligatures are above U+00C1
    ligature = wide and any(character in text for character in _LIGATURES)
    # a layout: its first few thousand characters tell
    doubled = "  " in text and _spaced_out(text[:3000])
    footer = len(text) > _PAGE_LENGTH and (  # cheap signs of a page footer: "Page 2 of 5", "- 3 -"
        "\nPage " in text or "\nPAGE " in text or "\npage " in text or " -\n" in text
    )
    pattern = _REPAIR_PATTERNS.get((wide, ligature, doubled, footer))
    if pattern is not None:
        for match in pattern.finditer(text):
            found = match.group(0)
            try:
                fixed = (
                    " "
                    if found == "  "
                    else ""
                    if found.endswith("\n")
                    else _LIGATURES.get(found) or found.encode("cp1252").decode("utf-8")
                )
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            pieces += [text[last : match.start()], fixed]
            last = match.end()
            shift += len(match.group(0)) - len(fixed)
            after.append(match.end() - shift)
            removed.append(shift)
    pieces.append(text[last:])
    return "".join(pieces), Repairs(tuple(after), tuple(removed))


# Enough of a page to tell a saved Alaveteli request page or attachment view from other HTML.
_ALAVETELI_PAGE_MARKERS = (
    "correspondence_text",
    "request-header__subtitle",
    "request_status",
    "This is an HTML version of an attachment to the",
)


def looks_like_alaveteli_page(html: str) -> bool:
    """Whether ``html`` is markup with the elements of an Alaveteli (WhatDoTheyKnow, RightToKnow,
    FYI, AskTheEU) request page or attachment view: read it with
    :func:`foiclassify.alaveteli_pages.read_alaveteli_page`, not as text. A cheap test."""
    head = html[:400_000]
    return "<" in head and ">" in head and any(marker in head for marker in _ALAVETELI_PAGE_MARKERS)


def to_text(value: object) -> tuple[str, str]:
    """Normalise one input to ``(text, empty_reason)`` (see :func:`clean_text`)."""
    text, empty_reason, _ = clean_text(value)
    return text, empty_reason


def clean_text(value: object) -> tuple[str, str, Repairs | None]:
    """Normalise one input to ``(text, empty_reason, repairs)``.

    ``None``, NaN and pandas' ``NA`` give ``("", "no text (…)", None)``; ``bytes`` are decoded
    (see :func:`decode`), and so are strings carrying undecodable bytes as lone surrogates
    (``errors="surrogateescape"``); HTML markup is turned into its visible text; UTF-8 mis-read
    as Windows-1252 is repaired and a PDF text layer's artefacts undone (:func:`repairs_of`); NUL
    bytes become spaces. Any other type raises ``TypeError`` naming the type, so a caller never
    labels ``repr(obj)`` by mistake.

    ``repairs`` maps offsets in ``text`` back to the str given when those repairs are all that
    changed its length; None otherwise (nothing repaired, or bytes or HTML given, whose offsets
    can only refer to the cleaned text).
    """
    if value is None:
        return "", "no text (missing value)", None
    if isinstance(value, float) and math.isnan(value):
        return "", "no text (missing value)", None
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas' missing-value markers
        return "", "no text (missing value)", None
    given_as_str = isinstance(value, str)
    if isinstance(value, (bytes, bytearray, memoryview)):
        value = decode(bytes(value))
    if not isinstance(value, str):
        raise TypeError(f"foiclassify expects text (str or bytes), got {type(value).__name__}")
    try:
        value.encode("utf-8")
    except (
        UnicodeEncodeError
    ):  # lone surrogates: bytes that were not UTF-8, kept by surrogateescape
        given_as_str = False
        try:
            value = decode(value.encode("utf-8", "surrogateescape"))
        except UnicodeEncodeError:  # surrogates outside the escape range: replace them
            value = value.encode("utf-8", "replace").decode("utf-8")
    text = value.replace("\x00", " ")
    if looks_like_html(text):
        text = html_to_text(text)
        given_as_str = False
    text, repairs = repairs_of(text)
    mapped = repairs if given_as_str and repairs.after else None
    if not text.strip():
        return text, "empty text", mapped
    return text, "", mapped


# ---------------------------------------------------------------------------------------------
# Regions that are not the writer's own words

_FLAGS = re.IGNORECASE | re.MULTILINE

# "You asked:" and its variants open the request quoted back in a reply: a heading line …
_QUOTE_REQUEST_HEADING = re.compile(
    r"^[ \t>*_]*(?:(?:in )?your (?:request|e-?mail|letter)(?: of [^\n:]{0,40})?,? you (?:a"
    r"sked|requested|said|wrote)(?: for)?(?: the following)?"
    r"|you (?:asked|requested|wrote|said)(?: for)?(?: the following(?: information)?)?(?: "
    r"as follows)?"
    r"|your (?:original )?request (?:was|read|reads|stated|states|is)(?: as follows)?"
    r"|(?:the )?(?:details of )?your request(?: for information)?(?: is)?(?: as follows)?"
    r"|request(?:ed information)?"
    # "FOI request:", "Freedom of Information request:" as a label over the request
    r"|(?:foi|foia|eir|freedom of information|environmental information) request)[ \t*_]*:[ \t*_]*$"
    r"|^[ \t#*_]*(?:request|your request|the request|information requested|request details"
    r"?|request text)(?:[ \t]+\d{1,2}[a-z]?)?[ \t*_:]*$"
    # a bare heading, answered under "We answered" (Transport for London)
    r"|^[ \t#*_]*you asked[ \t*_:]*$",
    _FLAGS,
)
_QUOTE_REQUEST_WORDS = (
    "request",
    "you asked",
    "you said",
    "you wrote",
)  # one is in every line it matches
# … or a line saying the request is set out below. Kept apart from the headings because its
# leading [^\n]{0,120} backtracks: it is tried only on lines that say "request is".
_REQUEST_SET_OUT_BELOW = re.compile(
    r"^[^\n]{0,120}\b(?:your|the) request is (?:replicated|reproduced|repeated|copied|set "
    r"out) below\b[^\n]{0,120}$",
    _FLAGS,
)
# Both as one pattern: what :func:`_request_openings` finds, line by line.
_QUOTE_REQUEST_OPEN = re.compile(
    f"{_QUOTE_REQUEST_HEADING.pattern}|{_REQUEST_SET_OUT_BELOW.pattern}", _FLAGS
)
_YOU_ASKED = re.compile(r"\byou asked:[ \t]*", re.IGNORECASE)
# "You requested the following information: “…”" inside a line (a PDF's text layer run together):
# the quote runs to its closing mark.
_INLINE_QUOTE_OPEN = re.compile(
    r"\byou (?:asked|requested|wrote)(?: for)?(?: the following(?: information)?)?[ \t]{0,"
    r"3}:[ \t\n]{0,3}[“\"]",
    re.IGNORECASE,
)
_INLINE_QUOTE_REACH = 5_000  # a closing quote mark further away than this is not the request's
_INLINE_QUOTE_WORDS = ("you asked", "you requested", "you wrote")

# Where the authority's own answer starts again after a quoted request.
_RESPONSE_START = re.compile(
    r"^[ \t#*_]*(?:we answered[ \t*_:.]*$"
    r"|(?:(?:our|my|the|dwp|council|trust|force|department)(?:'s)?[ \t]+)?(?:response|repl"
    r"y|answer|decision)s?"
    r"(?:[ \t]+to[ \t]+(?:your|the)[ \t]+request)?(?:[ \t]+\d{1,2}[a-z]?)?[ \t*_:.]*$"
    r"|(?:i|we)[ \t]+(?:can|am able to|are able to|cannot|can not)[ \t]+confirm\b"
    r"|(?:i|we)[ \t]+(?:have|has)[ \t]+(?:now[ \t]+)?(?:considered|completed|searched|carr"
    r"ied out|conducted)\b"
    r"|(?:our[ \t]+)?(?:response|reply|answer)s?(?:[ \t]+details?)?[ \t]*:"
    r"|(?:please find|please see (?:the )?(?:attached|enclosed|below)|i enclose|we enclose"
    r"|in response to your|in answer to your|the information you (?:have )?requested)\b"
    r"|(?:your|the) request (?:for information )?has (?:now )?been considered\b)",
    _FLAGS,
)

_BOILERPLATE_HEADING = re.compile(
    r"^[ \t#*_]*(?:your right to (?:complain|appeal|request a review|an internal review)|r"
    r"ights? of (?:appeal|complaint|review)"
    r"|complaints?(?: procedure| and appeals)?|how to complain|appeals?(?: procedure)?|if "
    r"you are (?:not |dis|un)\w+[^\n]{0,60}"
    r"|(?:requesting an |request an )?internal review(?: and appeal)?s?(?: procedure| righ"
    r"ts)?)[ \t*_:.]*$",
    _FLAGS,
)

_BOILERPLATE_PARAGRAPH = re.compile(
    r"if you are (?:not |dis|un)(?:happy|satisfied|content)|you (?:have the right|are enti"
    r"tled|may|can|could)[ \t\n]{1,20}(?:to[ \t\n]{1,20})?"
    r"(?:request|ask for|apply for|complain|appeal|make a complaint)\b|right to complain|"
    r"complain(?:t)? to the (?:scottish )?information commissioner|apply (?:directly )?to "
    r"the (?:scottish )?information commissioner"
    r"|\bsection 50\b|\bsection 47\b",
    re.IGNORECASE,
)

_BOILERPLATE_HEADING_WORDS = ("complain", "appeal", "review", "if you are")
_BOILERPLATE_KEYWORDS = (
    "if you are",
    "you have the right",
    "you are entitled",
    "you may",
    "you can",
    "you could",
    "right to complain",
    "complain",
    "commissioner",
    "section 50",
    "section 47",
)

_EMAIL_QUOTE_START = re.compile(
    r"^[ \t]*-{2,}[ \t]*(?:original message|forwarded message)[ \t]*-{2,}[ \t]*$"
    r"|^[ \t]*on [^\n]{4,200}?\bwrote:[ \t]*$"
    r"|^[ \t]*from:[^\n]{1,200}\n[ \t]*(?:sent|date):[^\n]{1,100}$",
    _FLAGS,
)
_GT_QUOTED_LINES = re.compile(r"(?:^[ \t]*>[^\n]*(?:\n|$))+", re.MULTILINE)

_LINK_BLOCK = re.compile(
    r"^[ \t]*References[ \t]*\n(?:[ \t]*\n)*[ \t]*Visible links[ \t]*\n(?:[ \t]*\d{1,3}\.["
    r"^\n]*(?:\n|$)|[ \t]*\n)*"
    r"|^[ \t]*show quoted sections[ \t]*$",
    re.MULTILINE,
)
_EMAIL_HISTORY_WORDS = ("wrote:", "original message", "forwarded message", "from:")
REGION_KEYWORDS = Keywords(
    _QUOTE_REQUEST_WORDS
    + ("request is",)
    + _INLINE_QUOTE_WORDS
    + ("visible links", "show quoted sections")
    + _BOILERPLATE_HEADING_WORDS
    + _BOILERPLATE_KEYWORDS
    + _EMAIL_HISTORY_WORDS
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_QUOTE_REACH = 50_000  # a quoted request ends within this many characters
_LINE_QUOTE_REACH = (
    1_000  # without a blank line this close, a quote ends with its first sentence-ending line
)
_SENTENCE_LINE_END = re.compile(r"[.?!][\"”’)]*[ \t]*(?=\n)")


def _next_at_or_after(positions: list[int], pos: int) -> int | None:
    i = bisect.bisect_left(positions, pos)
    return positions[i] if i < len(positions) else None


def _request_openings(text: str, spots: dict[str, list[int]]) -> list[int]:
    """The ends of the lines :data:`_QUOTE_REQUEST_OPEN` matches, tried only at lines holding a keyword.

    A line that is a heading is one whatever else it says, as in the one-pattern form."""  # noqa: E501 (doctest lines)
    ends = {
        m.start(): m.end() for m in lines_near(_REQUEST_SET_OUT_BELOW, text, spots, ("request is",))
    }
    ends.update(
        (m.start(), m.end())
        for m in lines_near(_QUOTE_REQUEST_HEADING, text, spots, _QUOTE_REQUEST_WORDS)
    )
    return sorted(ends.values())


def _quoted_request_regions(text: str, spots: dict[str, list[int]]) -> list[Region]:
    inline = []
    for match in search_near(_INLINE_QUOTE_OPEN, text, spots, _INLINE_QUOTE_WORDS):
        close = text.find(
            "”" if match.group().endswith("“") else '"',
            match.end(),
            match.end() + _INLINE_QUOTE_REACH,
        )
        if close != -1:
            inline.append(Region(match.end(), close, QUOTED_REQUEST))
    openings = sorted(
        _request_openings(text, spots)
        + [m.end() for m in search_near(_YOU_ASKED, text, spots, ("you asked",), 20)]
    )
    if not openings:
        return inline
    # Every candidate end is found in one pass, so many openings cost no more than one.
    response_starts = [m.start() for m in _RESPONSE_START.finditer(text, openings[0])]
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text, openings[0])]
    regions: list[Region] = []
    for start in openings:
        if regions and start < regions[-1].end:
            continue
        end = _next_at_or_after(response_starts, start)
        if end is None or end - start > _QUOTE_REACH:
            # No marked answer: the quote is the next paragraph only, or, in text without blank
            # lines (a PDF's text layer), up to the first line that ends a sentence.
            first = start + 2 if text[start : start + 1] == "\n" else start + 1
            end = _next_at_or_after(breaks, first)
            if end is None or end - start > _LINE_QUOTE_REACH:
                line_end = _SENTENCE_LINE_END.search(text, first, start + _LINE_QUOTE_REACH)
                end = line_end.end() if line_end else end
            end = (
                min(len(text), start + _QUOTE_REACH)
                if end is None
                else min(end, start + _QUOTE_REACH)
            )
        if end > start:
            regions.append(Region(start, end, QUOTED_REQUEST))
    return regions + inline


def _boilerplate_regions(text: str, spots: dict[str, list[int]]) -> list[Region]:
    regions = []
    headings = search_near(_BOILERPLATE_HEADING, text, spots, _BOILERPLATE_HEADING_WORDS)
    heading = headings[0] if headings else None
    # A complaints heading in the last part of a letter opens boilerplate that runs to the end.
    if heading and heading.start() > len(text) // 3:
        regions.append(Region(heading.start(), len(text), BOILERPLATE))
    # A complaints sentence elsewhere is boilerplate; the sentences around it are not.
    for match in search_near(_BOILERPLATE_PARAGRAPH, text, spots, _BOILERPLATE_KEYWORDS):
        regions.append(Region(*sentence_bounds(text, match.start(), match.end()), BOILERPLATE))
    return regions


def _gt_quoted_blocks(text: str) -> list[tuple[int, int]]:
    """The spans of ``_GT_QUOTED_LINES.finditer(text)``, matched only at lines that open with
    ``>``."""
    blocks: list[tuple[int, int]] = []
    pos = text.find(">")
    while pos != -1:
        line_start = text.rfind("\n", 0, pos) + 1
        match = (
            _GT_QUOTED_LINES.match(text, line_start)
            if not text[line_start:pos].strip(" \t")
            else None
        )
        if match:
            blocks.append(match.span())
            pos = text.find(">", match.end())
        else:
            pos = text.find(">", pos + 1)
    return blocks


def _email_quote_regions(text: str, spots: dict[str, list[int]]) -> list[Region]:
    regions = [Region(start, end, QUOTED_EMAIL) for start, end in _gt_quoted_blocks(text)]
    has_history = any(k in spots for k in _EMAIL_HISTORY_WORDS)
    start_of_history = _EMAIL_QUOTE_START.search(text) if has_history else None
    if start_of_history and start_of_history.start() > 0:
        regions.append(Region(start_of_history.start(), len(text), QUOTED_EMAIL))
    return regions


def strip_quoted_history(text: str) -> str:
    """An email body without the earlier messages quoted in it: ``>`` lines, and everything from
    an "On … wrote:", "-----Original Message-----" or "From: … Sent: …" header onwards.

    >>> strip_quoted_history("We do not hold it.\\n\\nOn 1 May 2024, Jo wrote:\\n> Please send the data.")
    'We do not hold it.'
    """  # noqa: E501 (doctest lines)
    spots = REGION_KEYWORDS.find(fold(text))
    regions = _merge(_email_quote_regions(text, spots))
    if not regions:
        return text
    kept, pos = [], 0
    for region in regions:
        kept.append(text[pos : region.start])
        pos = region.end
    kept.append(text[pos:])
    return "".join(kept).strip()


def _merge(regions: list[Region]) -> tuple[Region, ...]:
    """Sort and merge overlapping regions; where kinds overlap the earlier-starting one wins."""
    merged: list[Region] = []
    for region in sorted(regions, key=lambda r: (r.start, -r.end)):
        if merged and region.start < merged[-1].end:
            last = merged[-1]
            if region.end > last.end:
                merged[-1] = Region(last.start, region.end, last.kind)
            continue
        merged.append(region)
    return tuple(merged)


_REGION_WORDS = frozenset(REGION_KEYWORDS.words)


def find_regions(
    text: str, folded: str | None = None, spots: dict[str, list[int]] | None = None
) -> tuple[Region, ...]:
    """All regions of ``text`` that are not the writer's own decision text, sorted, non-overlapping.

    ``spots`` is what a :class:`Keywords` holding every word of :data:`REGION_KEYWORDS` found
    in ``folded``, when the caller has it."""
    if spots is None:
        spots = REGION_KEYWORDS.find(fold(text) if folded is None else folded)
    if spots.keys().isdisjoint(_REGION_WORDS):  # none of their keywords: only ">" quoted lines
        return _merge([r for r in _email_quote_regions(text, spots) if r.end > r.start])
    regions = (
        _quoted_request_regions(text, spots)
        + _email_quote_regions(text, spots)
        + _boilerplate_regions(text, spots)
    )
    if "visible links" in spots or "show quoted sections" in spots:
        regions += [Region(m.start(), m.end(), LINK_BLOCK) for m in _LINK_BLOCK.finditer(text)]
    return _merge([r for r in regions if r.end > r.start])


def prepare(value: object, keywords: Keywords | None = None) -> Prepared:
    """Normalise input (see :func:`to_text`) and find its regions.

    ``keywords``, a superset of :data:`REGION_KEYWORDS`, are located in the same single pass
    and kept in ``spots`` for the stages that follow (the rules pass theirs here).
    """
    text, empty_reason, repairs = clean_text(value)
    keywords = keywords or REGION_KEYWORDS
    if empty_reason:
        return Prepared(text, (), empty_reason, fold(text), repairs=repairs, keywords=keywords)
    folded = fold(text)
    spots = keywords.find(folded)
    return Prepared(
        text,
        find_regions(text, folded, spots),
        "",
        folded,
        repairs=repairs,
        spots=spots,
        keywords=keywords,
    )


def prepare_parts(
    body: object, attachments: Sequence[tuple[str, str]], keywords: Keywords | None = None
) -> Prepared:
    """A message body and its attachments' texts, ``(file name, text)``, as one prepared text.

    Parts are joined by :data:`PART_BREAK` in the order given, empty ones left out; regions are
    found in each part on its own, so the body's complaint boilerplate cannot swallow an
    attachment. ``empty_reason`` is set only when no part holds any text.

    >>> p = prepare_parts("Please see the attached letter.", [("reply.pdf", "The information is not held.")])
    >>> [(part.name, p.text[part.start:part.end]) for part in p.parts]
    [('body', 'Please see the attached letter.'), ('attachment:reply.pdf', 'The information is not held.')]
    """  # noqa: E501 (doctest lines)
    body_text, body_reason, body_repairs = clean_text(body)
    named = [("body", body_text)] + [
        (f"attachment:{name}", to_text(text)[0]) for name, text in attachments
    ]
    keywords = keywords or REGION_KEYWORDS
    pieces: list[str] = []
    parts: list[Part] = []
    pos = 0
    for name, text in named:
        if not text.strip():
            continue
        if pieces:
            pos += len(PART_BREAK)
        parts.append(Part(name, pos, pos + len(text)))
        pieces.append(text)
        pos += len(text)
    if not pieces:
        return Prepared(
            body_text,
            (),
            body_reason or "no text in the body or in any attachment",
            fold(body_text),
            repairs=body_repairs,
            keywords=keywords,
        )
    text = PART_BREAK.join(pieces)
    folded = fold(text)
    spots = keywords.find(folded)  # one pass over all parts; each part's regions use its own hits
    regions: list[Region] = []
    for part, piece in zip(parts, pieces):
        found = find_regions(
            piece, folded[part.start : part.end], _spots_within(spots, part.start, part.end)
        )
        regions += [Region(r.start + part.start, r.end + part.start, r.kind) for r in found]
    return Prepared(
        text,
        tuple(regions),
        "",
        folded,
        tuple(parts),
        repairs=body_repairs,
        spots=spots,
        keywords=keywords,
    )


def _spots_within(spots: dict[str, list[int]], start: int, end: int) -> dict[str, list[int]]:
    """The keyword hits lying wholly inside ``[start, end)``, as offsets from ``start``."""
    inside: dict[str, list[int]] = {}
    for word, positions in spots.items():
        kept = [pos - start for pos in positions if start <= pos and pos + len(word) <= end]
        if kept:
            inside[word] = kept
    return inside


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n[ \t]*\n")


def sentence_bounds(text: str, start: int, end: int, reach: int = 300) -> tuple[int, int]:
    """The sentence around ``text[start:end]``: bounded by . ! ? or a blank line, at most ``reach``
    away."""
    lo = max(0, start - reach)
    left = text[lo:start]
    cut = max(
        left.rfind(". "), left.rfind("? "), left.rfind("! "), left.rfind("\n\n"), left.rfind(".\n")
    )
    s = lo + cut + 2 if cut >= 0 else lo
    hi = min(len(text), end + reach)
    right = _SENTENCE_END.search(text[end:hi])
    e = end + right.end() if right else hi
    return s, e
