"""Recognise explicit references to sections, regulations and exemptions, and decide their act.

The recogniser is one compiled regular expression with bounded repetition (no nested unbounded
quantifiers), so a pass is linear in the text length whatever the input. Each match is a list
of provisions ("sections 40(2) and 43", "ss. 21-24", "regulation 12(5)(e)", "(b)(6)",
"Exemption 7(C)"); every provision becomes one :class:`SectionRef` with the act read from
the words after it ("… of the Data Protection Act") or, failing that, from the document.

Whether a reference is *cited* is decided later, by :mod:`foiclassify.rules.context`.

>>> [(r.text, r.code) for r in find_references("exempt under sections 40(2) and 43 of the FOI Act", default_act(""))]
[('40(2)', 'FOIA:s40'), ('43', 'FOIA:s43')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..labels import EXEMPTIONS, PROCEDURAL_SECTIONS
from ..text import Keywords, fold

# One provision: "43", "22A", "40(2)", "12(5)(e)", "40(3A)(a)", "7(C)"; at most 4 brackets. Not the
# title number of a US Code citation ("5 U.S.C. 552").
_NUM = r"\d{1,3}[A-Z]?(?![\d])(?![ ]?U\.?[ ]?S\.?[ ]?C\b)(?:[ ]?\((?:\d{1,2}[A-Za-z]?|[a-zA-Z]{1,4})\)){0,4}"
_SEP = r"(?:[ \t]*(?:,|and/or|and|or|&|to|-|–|ac|a)[ \t\n]*(?:(?:sections?|ss?\.|regulations?|regs?\.?)[ \t]?)?|[ \t]+(?=\d{1,3}[A-Z]?\())"

_TRIGGER = (
    r"(?P<trig>"
    r"\b(?:sections?|secs?\.|ss\.?|adran(?:nau)?)(?:\(s\))?"  # "section(s) 29(1)(d)" in a template
    r"|(?<![\w'’.])s\.?[ ]?(?=\d)"
    r"|\b(?:regulations?|regs?\.?|rheoliad(?:au)?)(?:\(s\))?"
    r"|\b(?:exemptions?|exceptions?)(?:\(s\))?(?:[ \t](?:at|under|in|of|provided by|contained in))?(?:[ \t](?:sections?|s\.?|regulations?)(?:\(s\))?)?"
    r")"
)
_REFERENCE = re.compile(
    _TRIGGER + r"[ \t\n]{0,3}(?P<list>" + _NUM + r"(?:" + _SEP + _NUM + r"){0,30})",
    re.IGNORECASE,
)
# US FOIA's own notation: "(b)(6)", "(b)(7)(C)", "b6", "b7C".
_US_REFERENCE = re.compile(r"(?<![\w(])(?:\(b\)[ ]?\((?P<n>[1-9])\)(?:[ ]?\((?P<sub>[A-F])\))?|b(?P<n2>[1-9])(?P<sub2>[A-F])?\b)")
_ONE_NUM = re.compile(_NUM)
# Every _TRIGGER match starts with one of these (lower case): where a reference can begin.
# "ss" (a common letter pair) only where a number follows within the trigger's reach.
_TRIGGER_STARTS = (
    ("sec", "ss.", "adran", "reg", "rheoliad", "exempt", "except")
    + tuple(f"ss{gap}{d}" for gap in ("", " ", "  ", "   ") for d in "0123456789")
    + tuple(f"s{dot}{d}" for dot in ("", ".", " ", ". ") for d in "0123456789")
)
_TRIGGER_SET = frozenset(_TRIGGER_STARTS)
_SECTION_WORD = re.compile(r"\b(?:sections?|ss?|adran(?:nau)?)\.?[ \t]*$")
_RANGE_SEP = re.compile(r"^\s*(?:to|-|–)\s*", re.IGNORECASE)

# The act named right after a reference: "… of the Freedom of Information (Scotland) Act 2002".
_ACT_AFTER = re.compile(
    r"[ \t\n]{0,3},?[ \t\n]{0,3}(?:of|under|in)?[ \t\n]{0,3}(?:the[ \t\n]{1,3})?(?:"
    r"(?P<FOISA>Freedom\s+of\s+Information\s+\(Scotland\)\s+Act|FOI\s?\(S\)\s?A|FOISA|FOI\s+\(Scotland\)\s+Act)"
    r"|(?P<EISR>Environmental\s+Information\s+\(Scotland\)\s+Regulations|EIRs? ?\(Scotland\)|EISRs?\b)"
    r"|(?P<EIR>Environmental\s+Information\s+Regulations|EIRs?\b|Regulations\b)"
    r"|(?P<FOIA>Freedom\s+of\s+Information\s+Act|FOIA\b|FoIA\b|FOI\s+Act|FoI\s+Act|FOI\b|FoI\b)"
    r"|(?P<THE_ACT>Act\b)"
    r"|(?P<OTHER>(?:[A-Z][\w'’]*[ \t]+|of[ \t]+|and[ \t]+|\([A-Za-z]+\)[ \t]+){0,7}(?:Act|Regulations|Order|Rules|Code)\b|DPA\b|UK GDPR\b|GDPR\b)"
    r")"
)
# Words (lower case) that put a document under Scottish law, or US federal FOIA.
_SCOTTISH_WORDS = ("(scotland) act", "(scotland) regulations", "foisa", "foi(s)a", "foi (s) a", "scottish information commissioner", "eisr", "eir (scotland)", "eirs (scotland)")
_US_WORDS = ("5 u.s.c", "5 usc", "§ 552", "§552", "privacy act", "department of justice", "foia/pa")
# Everything this module looks for with str.find-like speed, located in one pass.
KEYWORDS = Keywords(_TRIGGER_STARTS + _SCOTTISH_WORDS + _US_WORDS)


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


def default_act(folded: str, spots: dict[str, list[int]] | None = None) -> dict[str, str]:
    """Which act a bare "section"/"regulation" means in a document (given as :func:`~foiclassify.text.fold`
    of it; ``spots`` is :data:`KEYWORDS` found in it, when the caller has them)."""
    spots = KEYWORDS.find(folded) if spots is None else spots
    scottish = any(word in spots for word in _SCOTTISH_WORDS)
    return {
        "section": "FOISA" if scottish else "FOIA",
        "regulation": "EISR" if scottish else "EIR",
        "us": "USFOIA" if any(word in spots for word in _US_WORDS) else "",
    }


def _trigger_kind(trigger: str) -> str:
    t = trigger.lower()
    if t.startswith(("reg", "rheoliad")):
        return "regulation"
    if t.startswith(("exemption", "exception")):
        if "regulation" in t:
            return "regulation"
        if "section" in t or re.search(r"\bs\.?$", t):
            return "section"
        return "exemption"
    return "section"


def _act_after(text: str, pos: int) -> str | None:
    match = _ACT_AFTER.match(text, pos)
    if not match:
        return None
    for act in ("FOISA", "EISR", "EIR", "FOIA"):
        if match.group(act):
            return act
    if match.group("THE_ACT"):  # "section 12 of the Act": the document's own act, read by default_act
        return None
    other = match.group("OTHER").strip()
    # "the Act" alone is handled above; "this Act 2000" style leftovers are FOIA's.
    return other


def _code_for(act: str, number: str, subs: list[str]) -> tuple[str | None, str]:
    """TAXONOMY code and kind of one provision."""
    if act in ("FOIA", "FOISA"):
        code = f"{act}:s{number}"
        if code in EXEMPTIONS:
            return code, "exemption"
        if number in PROCEDURAL_SECTIONS[act]:
            return None, "procedural"
        return None, "unknown"
    if act in ("EIR", "EISR"):
        for depth in (2, 0):
            code = f"{act}:{number}" + "".join(f"({s.lower() if s.isalpha() else s})" for s in subs[:depth])
            if code in EXEMPTIONS and (depth == 0) == (number in ("13", "11")):
                return code, "exemption"
        return None, "procedural"
    if act == "USFOIA":
        sub = subs[0].upper() if subs and number == "7" and subs[0].isalpha() else ""
        code = f"USFOIA:b{number}{sub}"
        return (code, "exemption") if code in EXEMPTIONS else (None, "unknown")
    return None, "other_act"


_PROVISION_NUMBER = re.compile(r"\d{1,3}[A-Z]?", re.IGNORECASE)
_BRACKETED = re.compile(r"\(([^)]*)\)")


def _split_provision(raw: str) -> tuple[str, list[str]]:
    number = _PROVISION_NUMBER.match(raw).group(0).upper()  # type: ignore[union-attr]
    subs = _BRACKETED.findall(raw)
    return number, subs


def _reference_matches(text: str, spots: dict[str, list[int]]) -> list[re.Match[str]]:
    """``_REFERENCE.finditer(text)``, tried only where a trigger word starts.

    Every match begins with one of ``_TRIGGER_STARTS``, so matching at those offsets, left to
    right and skipping offsets inside the previous match, finds what ``finditer`` finds.
    """
    starts = sorted({pos for word, positions in spots.items() if word in _TRIGGER_SET for pos in positions})
    matches: list[re.Match[str]] = []
    for pos in starts:
        if matches and pos < matches[-1].end():
            continue
        match = _REFERENCE.match(text, pos)
        if match:
            matches.append(match)
    return matches


def find_references(text: str, acts: dict[str, str], spots: dict[str, list[int]] | None = None) -> list[SectionRef]:
    """Every provision referred to in ``text``, in order. ``acts`` comes from :func:`default_act`;
    ``spots`` is :data:`KEYWORDS` found in :func:`~foiclassify.text.fold` of ``text``, when the
    caller already has them."""
    refs: list[SectionRef] = []
    for match in _reference_matches(text, KEYWORDS.find(fold(text)) if spots is None else spots):
        kind = _trigger_kind(match.group("trig"))
        explicit = _act_after(text, match.end())
        list_start = match.start("list")
        provisions = list(_ONE_NUM.finditer(match.group("list")))
        for i, item in enumerate(provisions):
            raw = item.group(0)
            if i:  # "regulation 12(5)(e) and section 40(2)": a new trigger word inside the list
                gap = match.group("list")[provisions[i - 1].end():item.start()].lower()
                if "reg" in gap:
                    kind = "regulation"
                elif _SECTION_WORD.search(gap):
                    kind = "section"
            number, subs = _split_provision(raw)
            if kind == "exemption":
                # "Exemption 6", "exemption (b)(6)" style: US numbering 1-9, else a UK section.
                if number.isdigit() and int(number) <= 9:
                    act = "USFOIA"
                else:
                    act = acts["section"]
            elif explicit == "EIR" and acts["regulation"] == "EISR":
                act = "EISR"  # "regulation 10(4)(a) of the EIRs" in a Scottish reply means Scotland's EIRs
            elif explicit is not None:
                act = explicit
            else:
                act = acts[kind]
            start, end = list_start + item.start(), list_start + item.end()
            code, code_kind = _code_for(act, number, subs)
            refs.append(SectionRef(start, end, raw, act, code, code_kind, raw[len(number):].replace(" ", "")))
            # A range "21 to 24": add the sections between the two ends.
            if i + 1 < len(provisions):
                gap = match.group("list")[item.end():provisions[i + 1].start()]
                nxt, _ = _split_provision(provisions[i + 1].group(0))
                if _RANGE_SEP.match(gap) and number.isdigit() and nxt.isdigit() and 0 < int(nxt) - int(number) <= 40:
                    for n in range(int(number) + 1, int(nxt)):
                        code, code_kind = _code_for(act, str(n), [])
                        if code:
                            refs.append(SectionRef(start, list_start + provisions[i + 1].end(), f"{n}", act, code, code_kind, ""))
    us_matches = _US_REFERENCE.finditer(text) if acts["us"] or "(b)" in text or "(B)" in text else ()
    for match in us_matches:
        number = match.group("n") or match.group("n2")
        sub = match.group("sub") or match.group("sub2") or ""
        # "b6" alone is too common a token (grid refs, paper sizes): only in a US FOIA context.
        if match.group("n2") and not acts["us"]:
            continue
        code, code_kind = _code_for("USFOIA", number, [sub] if sub else [])
        refs.append(SectionRef(match.start(), match.end(), match.group(0), "USFOIA", code, code_kind, f"({sub})" if sub else ""))
    refs.sort(key=lambda r: (r.start, r.end))
    return refs
