"""Recognise explicit references to sections, regulations and exemptions, and decide their act.

The recogniser is one compiled regular expression with bounded repetition (no nested unbounded
quantifiers), so a pass is linear in the text length whatever the input. Each match is a list
of provisions ("sections 40(2) and 43", "ss. 21-24", "regulation 12(5)(e)", "(b)(6)",
"Exemption 7(C)"); every provision becomes one :class:`SectionRef` with the act read from
the words after it ("… of the Data Protection Act") or, failing that, from the document.

Whether a reference is *cited* is decided later, by :mod:`foiclassify.rules.context`.

>>> [(r.text, r.code) for r in find_references("exempt under sections 40(2) and 43 of the FOI Act", default_act(""))]
[('40(2)', 'FOIA:s40'), ('43', 'FOIA:s43')]
"""  # noqa: E501 (doctest lines)

from __future__ import annotations

import re
from dataclasses import dataclass

from ..labels import EXEMPTIONS, PROCEDURAL_SECTIONS
from ..text import Keywords, fold

# One provision: "43", "22A", "40(2)", "12(5)(e)", "40(3A)(a)", "7(C)"; at most 4 brackets. Not the
# title number of a US Code citation ("5 U.S.C. 552").
_NUM = (
    r"\d{1,3}(?:(?-i:[A-Z]{2})|[A-Z])?(?![\d])(?![ ]?U\.?[ ]?S\.?[ ]?C\b)(?:[ ]?\((?:"
    r"\d{1,2}[A-Za-z]?|[a-zA-Z]{1,4})\)){0,4}"
)
_SEP = (
    r"(?:[ \t]*(?:,|and/or|and|or|&|to|-|–|ac|a)[ \t\n]*(?:(?:sections?|ss?\.|regulati"
    r"ons?|regs?\.?)[ \t]?)?|[ \t]+(?=\d{1,3}[A-Z]?\())"
)

_TRIGGER = (
    r"(?P<trig>"
    r"\b(?:(?:sub-?)?sections?|secs?\.|ss\.?|adran(?:nau)?)(?:\(s\))?"  # "section(s) 29(1)(d)"
    r"|(?<![\w'’.])s\.?[ ]?(?=\d)"
    r"|\b(?:regulations?|regs?\.?|rheoliad(?:au)?)(?:\(s\))?"
    r"|\b(?:articles?|art\.)"
    r"|\b(?:exemptions?|exceptions?)(?:\(s\))?(?:[ \t](?:at|under|in|of|provided by|contai"
    r"ned in))?(?:[ \t](?:sections?|s\.?|regulations?)(?:\(s\))?)?"
    r")"
)
_REFERENCE = re.compile(
    _TRIGGER + r"[ \t\n]{0,3}(?P<list>" + _NUM + r"(?:" + _SEP + _NUM + r"){0,30})",
    re.IGNORECASE,
)
# US FOIA's own notation: "(b)(6)", "(b)(7)(C)", "b6", "b7C".
_US_REFERENCE = re.compile(
    r"(?<![\w(])(?:\(b\)[ ]?\((?P<n>[1-9])\)(?:[ ]?\((?P<sub>[A-F])\))?|b(?P<n2>[1-9])(?P<"
    r"sub2>[A-F])?\b)"
)
_ONE_NUM = re.compile(_NUM)
# Every _TRIGGER match starts with one of these (lower case): where a reference can begin.
# "ss" (a common letter pair) only where a number follows within the trigger's reach.
_TRIGGER_STARTS = (
    (
        "sec",
        "subsec",
        "sub-sec",
        "ss.",
        "adran",
        "reg",
        "rheoliad",
        "exempt",
        "except",
        "article",
        "art.",
    )
    + tuple(f"ss{gap}{d}" for gap in ("", " ", "  ", "   ") for d in "0123456789")
    + tuple(f"s{dot}{d}" for dot in ("", ".", " ", ". ") for d in "0123456789")
)
_TRIGGER_SET = frozenset(_TRIGGER_STARTS)
_SECTION_WORD = re.compile(r"\b(?:sections?|ss?|adran(?:nau)?)\.?[ \t]*$")
_RANGE_SEP = re.compile(r"^\s*(?:to|-|–)\s*", re.IGNORECASE)

# The act named right after a reference: "… of the Freedom of Information (Scotland) Act 2002".
_ACT_AFTER = re.compile(
    r"[ \t\n]{0,3},?[ \t\n]{0,3}(?:of|under|in)?[ \t\n]{0,3}(?:the[ \t\n]{1,3})?(?:"
    r"(?P<FOISA>Freedom\s+of\s+Information\s+\(Scotland\)\s+Act|FOI\s?\(S\)\s?A|FOISA|FOI"
    r"\s+\(Scotland\)\s+Act)"
    r"|(?P<EISR>Environmental\s+Information\s+\(Scotland\)\s+Regulations|EIRs? ?\(Scotland"
    r"\)|EISRs?\b)"
    r"|(?P<EIR>Environmental\s+Information\s+Regulations|EIRs?\b|Regulations\b)"
    r"|(?P<NZLGOIMA>Local\s+Government\s+Official\s+Information\s+and\s+Meetings\s+Act|LGOIMA\b)"
    r"|(?P<NZOIA>Official\s+Information\s+Act|OIA\b)"
    r"|(?P<EU1049>Regulation\s+\(EC\)\s+(?:No\.?\s+)?1049/2001|Regulation\s+(?:No\.?\s+)?1"
    r"049/2001|Regulation\s+1049\b)"
    r"|(?P<FOIA>(?:Freedom\s+of\s+Information|FOI|FoI)\s+Act(?:\s+(?P<year>\d{4}))?(?:\s+"
    r"\((?P<state>[A-Za-z]{2,3})\))?|FOIA\b|FoIA\b|FOI\b|FoI\b)"
    r"|(?P<THE_ACT>Act\b)"
    r"|(?P<OTHER>(?:[A-Z][\w'’]*[ \t]+|of[ \t]+|and[ \t]+|\([A-Za-z]+\)[ \t]+){0,7}(?:Act|"
    r"Regulations|Order|Rules|Code)\b|DPA\b|UK GDPR\b|GDPR\b"
    # another EU regulation: "the Data Protection Regulation", "Regulation (EU) 2018/1725"
    # ("the Regulation" alone is the document's own, read by default_act)
    r"|(?:[A-Z][\w'’]*[ \t]+){1,6}Regulation\b|Regulation\s+\((?:EU|EC)\)\s+(?:No\.?\s+)?\d"
    r"{2,4}/\d{2,4})"
    r")"
)
# Words (lower case) that put a document under Scottish law, or US federal FOIA.
_SCOTTISH_WORDS = (
    "(scotland) act",
    "(scotland) regulations",
    "foisa",
    "foi(s)a",
    "foi (s) a",
    "scottish information commissioner",
    "eisr",
    "eir (scotland)",
    "eirs (scotland)",
    # FOISA's year where "(Scotland)" was lost in copying ("Freedom of Information () Act 2002")
    "information act 2002",
    "information () act 2002",
)
_US_WORDS = ("5 u.s.c", "5 usc", "§ 552", "§552", "privacy act", "department of justice", "foia/pa")
# Grounds that the UK and Scottish Acts number differently (TAXONOMY §2): (UK FOIA's section,
# FOISA's). A letter that names none of the acts but writes "S38 - Personal Information" or
# "section 33 (commercial interests)" numbers its grounds as FOISA does: it is Scottish.
_GROUND_NUMBERS = {
    "personal information": ("40", "38"),
    "personal data": ("40", "38"),
    "commercial interests": ("43", "33"),
    "effective conduct of public affairs": ("36", "30"),
    "health and safety": ("38", "39"),
    "health, safety": ("38", "39"),
    "law enforcement": ("31", "35"),
    "otherwise accessible": ("21", "25"),
    "future publication": ("22", "27"),
    "court records": ("32", "37"),
    "audit functions": ("33", "40"),
    "international relations": ("27", "32"),
    "national security": ("24", "31"),
    "prohibitions on disclosure": ("44", "26"),
}
# "S38 - Personal Information", "section 33(1)(b) (commercial interests)": a section number and,
# within the same line and a few words, a ground's name
_NUMBERED_GROUND = re.compile(
    r"\b(?:s|sec|section)\.?[ \t]?(\d{2})\b(?:\(\d+\))?(?:\([a-z]\))?[^\n]{0,24}?("
    + "|".join(re.escape(ground) for ground in _GROUND_NUMBERS)
    + r")"
)
# ... and under another country's law: its Act named with its year, its regulator, its site.
_AU_WORDS = (
    "freedom of information act 1982",
    "foi act 1982",
    "australian information commissioner",
    "oaic",
    "righttoknow.org.au",
    "(cth)",
    "commonwealth of australia",
    "practical refusal reason",
    "request consultation process",
    "information publication scheme",
    ".gov.au",
    # the country's telephone code in a signature ("T +61 (0) 2 6222 4233"), where the letter
    # names only "the FOI Act"
    "+61",
)
# The country named, where nothing else marks the letter: an agency's own name ("Screen
# Australia", "Australian Taxation Office") in a letter that cites only "the FOI Act". Read last,
# and never in a letter that names the UK Act.
_AU_COUNTRY_WORDS = ("australia",)
_UK_ACT_WORDS = (
    "freedom of information act 2000",
    "foi act 2000",
    "foia 2000",
    "information commissioner's office",
)
_AU_STATE_WORDS = (
    "(vic)",
    "(nsw)",
    "(qld)",
    "government information (public access) act",
    "gipa act",
    "right to information act 2009",
    "freedom of information act 1991",
    "freedom of information act 1992",
)
_AU_FEDERAL_WORDS = (
    "(cth)",
    "australian information commissioner",
    "oaic",
    "commonwealth of australia",
    "practical refusal reason",
    "request consultation process",
)
_NZ_WORDS = (
    "official information act",
    # FYI's PDF-to-HTML views drop the "fi" ligature: "the Of icial Information Act 1982"
    "of icial information act",
    "the oia",
    "(oia)",
    "lgoima",
    "local government official information",
    "fyi.org.nz",
    "new zealand",
    "ombudsman.parliament.nz",
    "tēnā koe",
    "tena koe",
    "ngā mihi",
    "nāku noa",
    ".govt.nz",
    "+64",
)
_IE_WORDS = (
    "freedom of information act 2014",
    "foi act 2014",
    "office of the information commissioner",
    "ireland",
    "irish",
)
# Ireland's earlier Acts and words used of no other country's institutions
_IE_SURE_WORDS = (
    "freedom of information act 1997",
    "freedom of information acts 1997",
    "foi act 1997",
    "foi acts 1997",
    "taoiseach",
    "oireachtas",
    "garda síochána",
)
_EU_WORDS = (
    "1049/2001",
    "confirmatory application",
    "european ombudsman",
    "asktheeu",
    "europa.eu",
    "european commission",
)
# The words that mark a letter as not the usual UK one (any of them sends it to jurisdiction_of).
_MARKERS = (
    _SCOTTISH_WORDS
    + _US_WORDS
    + _AU_WORDS
    + _AU_STATE_WORDS
    + _NZ_WORDS
    + _IE_WORDS
    + _IE_SURE_WORDS
    + _EU_WORDS
    + _AU_COUNTRY_WORDS
)
_MARKER_WORDS = frozenset(_MARKERS)
# Everything this module looks for with str.find-like speed, located in one pass.
KEYWORDS = Keywords(_TRIGGER_STARTS + tuple(_GROUND_NUMBERS) + _MARKERS + _UK_ACT_WORDS)
# Each jurisdiction's act for a bare "section" and "regulation", and what "the FOI Act" means there.
_JURISDICTION_ACTS = {
    "UK": ("FOIA", "EIR"),
    "UK-SCT": ("FOISA", "EISR"),
    "US": ("FOIA", "EIR"),
    "AU": ("AUFOI", ""),
    "NZ": ("NZOIA", ""),
    "IE": ("IEFOI", ""),
    "EU": ("", ""),
}
# The year of an "FOI Act" named in full: whose act it is.
_FOI_ACT_YEARS = {
    "2000": "FOIA",
    "2002": "FOISA",
    "1982": "AUFOI",
    "2014": "IEFOI",
    "1997": "IEFOI",
}


@dataclass(frozen=True)
class SectionRef:
    """One provision named in the text. ``code`` is a TAXONOMY code when the provision is an
    exemption of an FOI law, else None; ``kind`` is ``"exemption"``, ``"procedural"``,
    ``"other_act"`` or ``"unknown"`` (a number that is neither)."""

    start: int
    end: int
    text: str
    act: str  # FOIA, EIR, FOISA, EISR, USFOIA, or the name of another act
    code: str | None
    kind: str
    subsections: str  # "(2)", "(5)(e)" …


def jurisdiction_of(spots: dict[str, list[int]]) -> str:
    """Whose law a document is written under, from the words found in it (TAXONOMY §2: the Act's
    name and year, the regulator, the site): ``EU``, ``AU``, ``NZ``, ``IE``, ``UK-SCT``, ``US``,
    else ``AU`` where only the country's name marks it (and the UK Act is not named), else
    ``UK``. The EU Regulation and the other countries' Acts are named far more rarely in a UK
    letter than "Scotland" or a US statute, so they are read first."""

    found = spots.keys()
    if found.isdisjoint(_MARKER_WORDS):  # the usual UK letter: none of the markers
        return "UK"

    def has(words: tuple[str, ...]) -> bool:
        return not found.isdisjoint(words)

    if has(_EU_WORDS):
        return "EU"
    if has(_NZ_WORDS):
        return "NZ"
    if has(_AU_WORDS) or has(_AU_STATE_WORDS):
        return "AU"
    if (
        "freedom of information act 2014" in spots
        or "foi act 2014" in spots
        or has(_IE_SURE_WORDS)
        or (
            "office of the information commissioner" in spots
            and ("ireland" in spots or "irish" in spots)
        )
    ):
        return "IE"
    if has(_SCOTTISH_WORDS):
        return "UK-SCT"
    if has(_US_WORDS):
        return "US"
    if has(_AU_COUNTRY_WORDS) and not has(_UK_ACT_WORDS):
        return "AU"
    return "UK"


def numbered_as_foisa(folded: str, spots: dict[str, list[int]]) -> bool:
    """Whether the document's grounds are numbered as FOISA numbers them and never as UK FOIA
    does (see :data:`_GROUND_NUMBERS`); only the lines around the grounds' names are read."""
    scottish = uk = False
    starts = sorted(
        {
            folded.rfind("\n", 0, pos) + 1
            for ground in _GROUND_NUMBERS
            for pos in spots.get(ground, ())
        }
    )
    for start in starts:
        end = folded.find("\n", start)
        for match in _NUMBERED_GROUND.finditer(folded, start, len(folded) if end < 0 else end):
            uk_number, scottish_number = _GROUND_NUMBERS[match.group(2)]
            scottish |= match.group(1) == scottish_number
            uk |= match.group(1) == uk_number
    return scottish and not uk


# Cheap signs that another country's act may be named across a line break (its year, the EU
# regulation's number, a government domain); without one, the collapsed reading is skipped.
_SPLIT_NAME_HINTS = ("1982", "1987", "1997", "2014", "1049", "(cth", "gov.au", "govt.nz", "europa")


def default_act(folded: str, spots: dict[str, list[int]] | None = None) -> dict[str, str]:
    """Which act a bare "section"/"regulation"/"article" means in a document (given as
    :func:`~foiclassify.text.fold` of it; ``spots`` is :data:`KEYWORDS` found in it, when the
    caller has them), and the document's ``jurisdiction``. An Australian state's act has no
    catalogue: its sections are ``"other_act"`` evidence, never another country's codes."""
    spots = KEYWORDS.find(folded) if spots is None else spots
    jurisdiction = jurisdiction_of(spots)
    if (
        jurisdiction == "UK"
        and "  " in folded
        and any(hint in folded for hint in _SPLIT_NAME_HINTS)
    ):
        # "Freedom of \nInformation Act 1982": a PDF's trailing spaces before a line break split
        # the act's name; read the words that name a jurisdiction with the spaces collapsed
        collapsed_spots = KEYWORDS.find(" ".join(folded.split()))
        if jurisdiction_of(collapsed_spots) != "UK":
            spots = collapsed_spots
            jurisdiction = jurisdiction_of(spots)
    if jurisdiction == "UK" and numbered_as_foisa(folded, spots):
        jurisdiction = "UK-SCT"
    section, regulation = _JURISDICTION_ACTS[jurisdiction]
    federal = not spots.keys().isdisjoint(_AU_FEDERAL_WORDS) or spots.keys().isdisjoint(
        _AU_STATE_WORDS
    )
    if jurisdiction == "AU" and not federal:
        section = "Australian state FOI act"
    if (
        jurisdiction == "NZ"
        and ("lgoima" in spots or "local government official information" in spots)
        and "official information act" not in spots
    ):
        section = "NZLGOIMA"
    return {
        "section": section or "other",
        "regulation": regulation or "other",
        "article": "EU1049" if jurisdiction == "EU" else "other",
        "us": "USFOIA" if not spots.keys().isdisjoint(_US_WORDS) else "",
        "jurisdiction": jurisdiction,
    }


def _trigger_kind(trigger: str) -> str:
    t = trigger.lower()
    if t.startswith(("reg", "rheoliad")):
        return "regulation"
    if t.startswith(("article", "art.")):
        return "article"
    if t.startswith(("exemption", "exception")):
        if "regulation" in t:
            return "regulation"
        if "section" in t or re.search(r"\bs\.?$", t):
            return "section"
        return "exemption"
    return "section"


def _act_after(text: str, pos: int, acts: dict[str, str]) -> str | None:
    """The act named right after a reference, or None when it is "the Act" (the document's own).
    A bare "FOI Act" is the document's own FOI act (an Australian letter's "section 47F of the
    FOI Act" is Australian); one with a year or a state is that country's or state's."""
    match = _ACT_AFTER.match(text, pos)
    if not match:
        return None
    if match.group("FOIA"):
        if match.group("state") and match.group("state").lower() in ("cth", "commonwealth"):
            return "AUFOI"  # "(Cth)" names the Commonwealth's act, not a state's
        if match.group("state"):
            return f"Freedom of Information Act ({match.group('state')})"
        year = match.group("year")
        if year:
            return _FOI_ACT_YEARS.get(year, f"Freedom of Information Act {year}")
        return acts["section"] if acts["section"] in ("FOIA", "AUFOI", "IEFOI") else "FOIA"
    for act in ("FOISA", "EISR", "EIR", "NZLGOIMA", "NZOIA", "EU1049"):
        if match.group(act):
            return act
    if match.group(
        "THE_ACT"
    ):  # "section 12 of the Act": the document's own act, read by default_act
        return None
    other = match.group("OTHER").strip()
    # "the Act" alone is handled above; "this Act 2000" style leftovers are FOIA's.
    return other


def _code_for(act: str, number: str, subs: list[str], indent: str = "") -> tuple[str | None, str]:
    """TAXONOMY code and kind of one provision (``indent``: "1"-"3", the indent of an EU
    Article 4(2) reference)."""
    if act == "AUFOI" and number == "24AA":  # "a practical refusal reason (s24AA)": the s24 refusal
        number, subs = "24", []
    if act in ("AUFOI", "NZOIA", "NZLGOIMA", "IEFOI"):
        # the deepest bracketed form in the catalogue: NZOIA s9(2)(b)(ii) → s9(2)(b), IEFOI s37(1) →
        # s37
        for depth in range(min(len(subs), 3), -1, -1):
            code = f"{act}:s{number}" + "".join(
                f"({sub.lower() if sub.isalpha() else sub})" for sub in subs[:depth]
            )
            if code in EXEMPTIONS:
                return code, "exemption"
        return (None, "procedural") if number in PROCEDURAL_SECTIONS[act] else (None, "unknown")
    if act == "EU1049":
        base = f"EU1049:{number}" + "".join(
            f"({sub.lower() if sub.isalpha() else sub})" for sub in subs[:2]
        )
        if base == "EU1049:4(2)" and indent:
            base += f"-{indent}"
        if base in EXEMPTIONS:
            return base, "exemption"
        return (None, "procedural") if number in PROCEDURAL_SECTIONS[act] else (None, "unknown")
    if act in ("FOIA", "FOISA"):
        code = f"{act}:s{number}"
        if code in EXEMPTIONS:
            return code, "exemption"
        if number in PROCEDURAL_SECTIONS[act]:
            return None, "procedural"
        return None, "unknown"
    if act in ("EIR", "EISR"):
        for depth in (2, 0):
            code = f"{act}:{number}" + "".join(
                f"({s.lower() if s.isalpha() else s})" for s in subs[:depth]
            )
            if code in EXEMPTIONS and (depth == 0) == (number in ("13", "11")):
                return code, "exemption"
        return None, "procedural"
    if act == "USFOIA":
        sub = subs[0].upper() if subs and number == "7" and subs[0].isalpha() else ""
        code = f"USFOIA:b{number}{sub}"
        return (code, "exemption") if code in EXEMPTIONS else (None, "unknown")
    return None, "other_act"


_PROVISION_NUMBER = re.compile(r"\d{1,3}(?:[A-Z]{2}(?![a-z])|[A-Z])?", re.IGNORECASE)
_BRACKETED = re.compile(r"\(([^)]*)\)")
_NUMBER_LETTER = re.compile(r"(\d{1,2})([a-z])")


def _split_provision(raw: str) -> tuple[str, list[str]]:
    number = _PROVISION_NUMBER.match(raw).group(0).upper()  # type: ignore[union-attr]
    subs = []
    for sub in _BRACKETED.findall(raw):  # "4(1a)" is written for 4(1)(a)
        both = _NUMBER_LETTER.fullmatch(sub)
        subs += [both.group(1), both.group(2)] if both else [sub]
    return number, subs


_INDENT_WORDS = {"first": "1", "second": "2", "third": "3"}
_INDENT = re.compile(r"\b(first|second|third)\s+indent", re.IGNORECASE)
# Article 4(2)'s three grounds by their words, where the letter names the ground but not the indent.
_INDENT_GROUNDS = (
    ("1", re.compile(r"commercial\s+interests", re.IGNORECASE)),
    ("2", re.compile(r"court\s+proceedings|legal\s+advice", re.IGNORECASE)),
    ("3", re.compile(r"inspections|investigations|audits", re.IGNORECASE)),
)


def _indent(text: str, start: int, end: int) -> str:
    """The indent of Article 4(2) a reference means: named ("first indent of Article 4(2)",
    "Article 4(2), second indent") or, failing that, the ground named beside it."""
    near = text[max(0, start - 40) : end + 60]
    named = _INDENT.search(near)
    if named:
        return _INDENT_WORDS[named.group(1).lower()]
    around = text[max(0, start - 120) : end + 160]
    found = [indent for indent, pattern in _INDENT_GROUNDS if pattern.search(around)]
    return found[0] if len(found) == 1 else ""


def _reference_matches(text: str, spots: dict[str, list[int]]) -> list[re.Match[str]]:
    """``_REFERENCE.finditer(text)``, tried only where a trigger word starts.

    Every match begins with one of ``_TRIGGER_STARTS``, so matching at those offsets, left to
    right and skipping offsets inside the previous match, finds what ``finditer`` finds.
    """
    starts = sorted(
        {pos for word, positions in spots.items() if word in _TRIGGER_SET for pos in positions}
    )
    matches: list[re.Match[str]] = []
    for pos in starts:
        if matches and pos < matches[-1].end():
            continue
        match = _REFERENCE.match(text, pos)
        if match:
            matches.append(match)
    return matches


# A provision written without "section" or "article" but with two or more bracketed parts, as
# grounds are often listed: "• 31(1)(a) - the prevention or detection of crime", "removed under
# 7(2)(b)(ii)", "withhold them in full under sections:\n- 9(2)(ba)(i) of the OIA". Two brackets make
# it a provision, not a figure; one ("40(2)") is too like other numbering to read alone.
_BARE_PROVISION = re.compile(
    r"(?<![\w(/.§-])\d{1,3}[A-Z]?(?:\((?:\d{1,2}[A-Za-z]?|[a-z]{1,4})\)){2,4}(?![\w(])"
)
_IN_TABLE_CELL = re.compile(r"[ \t]*\|")


def _bare_provisions(text: str, acts: dict[str, str], found: list[SectionRef]) -> list[SectionRef]:
    """The provisions of :data:`_BARE_PROVISION` outside the references already ``found``, read
    under the document's own act ("article" in an EU letter, else "section"); the act named right
    after one ("… of the OIA") wins, as for any reference."""
    if ")(" not in text:
        return []
    taken: list[list[int]] = []  # the found references' spans, merged: sorted and disjoint
    for lo, hi in sorted((ref.start, ref.end) for ref in found):
        if taken and lo <= taken[-1][1]:
            taken[-1][1] = max(taken[-1][1], hi)
        else:
            taken.append([lo, hi])
    default = acts["article" if acts["jurisdiction"] == "EU" else "section"]
    out = []
    i = 0
    for match in _BARE_PROVISION.finditer(text):
        start, end = match.span()
        while i < len(taken) and taken[i][1] <= start:  # one pass over both: linear in the text
            i += 1
        if (i < len(taken) and taken[i][0] < end) or _IN_TABLE_CELL.match(text, end):
            continue  # inside a reference already read, or a table cell (a statistic)
        explicit = _act_after(text, end, acts)
        act = explicit if explicit is not None else default
        raw = match.group(0)
        number, subs = _split_provision(raw)
        code, code_kind = _code_for(
            act, number, subs, _indent(text, start, end) if act == "EU1049" else ""
        )
        out.append(SectionRef(start, end, raw, act, code, code_kind, raw[len(number) :]))
    return out


def _names_an_eir_exception(
    trigger: str, number: str, subs: list[str], acts: dict[str, str]
) -> bool:
    """Whether "exception <provision>" in a UK or Scottish reply is the environmental
    regulations' exception: regulation 12(4)/12(5) or 13 (EIR), 10(4)/10(5) or 11 (EISR)."""
    if acts["jurisdiction"] not in ("UK", "UK-SCT") or not trigger.lower().startswith("except"):
        return False
    outer = subs[0] if subs else ""
    return (number in ("12", "10") and outer in ("4", "5")) or (
        number in ("13", "11") and outer in ("", "1", "2")
    )


def find_references(
    text: str, acts: dict[str, str], spots: dict[str, list[int]] | None = None
) -> list[SectionRef]:
    """Every provision referred to in ``text``, in order. ``acts`` comes from :func:`default_act`;
    ``spots`` is :data:`KEYWORDS` found in :func:`~foiclassify.text.fold` of ``text``, when the
    caller already has them."""
    refs: list[SectionRef] = []
    for match in _reference_matches(text, KEYWORDS.find(fold(text)) if spots is None else spots):
        kind = _trigger_kind(match.group("trig"))
        explicit = _act_after(text, match.end(), acts)
        list_start = match.start("list")
        provisions = list(_ONE_NUM.finditer(match.group("list")))
        for i, item in enumerate(provisions):
            raw = item.group(0)
            if i:  # "regulation 12(5)(e) and section 40(2)": a new trigger word inside the list
                gap = match.group("list")[provisions[i - 1].end() : item.start()].lower()
                if "reg" in gap:
                    kind = "regulation"
                elif _SECTION_WORD.search(gap):
                    kind = "section"
            number, subs = _split_provision(raw)
            if kind == "exemption":
                # "Exemption 6", "exemption (b)(6)" style: US numbering 1-9, else a UK section;
                # but "Exception 12(5)(b)" names the EIRs' exception (FOIA has exemptions).
                if (
                    number.isdigit()
                    and int(number) <= 9
                    and acts["jurisdiction"] in ("UK", "UK-SCT", "US")
                ):
                    act = "USFOIA"
                elif _names_an_eir_exception(match.group("trig"), number, subs, acts):
                    act = acts["regulation"]
                else:
                    act = acts["section"]
            elif kind == "article" and explicit is None:
                act = acts["article"]
            elif explicit == "EIR" and acts["regulation"] == "EISR":
                # "regulation 10(4)(a) of the EIRs" in a Scottish reply means Scotland's EIRs
                act = "EISR"
            elif explicit is not None:
                act = explicit
            else:
                act = acts[kind]
            start, end = list_start + item.start(), list_start + item.end()
            code, code_kind = _code_for(
                act, number, subs, _indent(text, start, end) if act == "EU1049" else ""
            )
            refs.append(
                SectionRef(
                    start, end, raw, act, code, code_kind, raw[len(number) :].replace(" ", "")
                )
            )
            # A range "21 to 24": add the sections between the two ends.
            if i + 1 < len(provisions):
                gap = match.group("list")[item.end() : provisions[i + 1].start()]
                nxt, _ = _split_provision(provisions[i + 1].group(0))
                if (
                    _RANGE_SEP.match(gap)
                    and number.isdigit()
                    and nxt.isdigit()
                    and 0 < int(nxt) - int(number) <= 40
                ):
                    for n in range(int(number) + 1, int(nxt)):
                        code, code_kind = _code_for(act, str(n), [])
                        if code:
                            refs.append(
                                SectionRef(
                                    start,
                                    list_start + provisions[i + 1].end(),
                                    f"{n}",
                                    act,
                                    code,
                                    code_kind,
                                    "",
                                )
                            )
    refs += _bare_provisions(text, acts, refs)
    us_matches = (
        _US_REFERENCE.finditer(text) if acts["us"] or "(b)" in text or "(B)" in text else ()
    )
    for match in us_matches:
        number = match.group("n") or match.group("n2")
        sub = match.group("sub") or match.group("sub2") or ""
        # "b6" alone is too common a token (grid refs, paper sizes): only in a US FOIA context.
        if match.group("n2") and not acts["us"]:
            continue
        code, code_kind = _code_for("USFOIA", number, [sub] if sub else [])
        refs.append(
            SectionRef(
                match.start(),
                match.end(),
                match.group(0),
                "USFOIA",
                code,
                code_kind,
                f"({sub})" if sub else "",
            )
        )
    refs.sort(key=lambda r: (r.start, r.end))
    return refs
