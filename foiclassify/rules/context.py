"""Context rules: is a section reference *cited* (relied on), or only mentioned?

Like clinical negation detection, each rule is a cue with a scope: a reference inside the
request quoted back, inside quoted earlier emails or inside complaint boilerplate is
``mentioned``; a reference whose sentence says it was not applied is
``considered_not_applied``; a procedural section (s1, s8, s10, s16, s17, s45, s50, s77 …) is
``procedural``; a section of another Act is ``other_act``. Everything else naming an exemption
is ``cited``.

>>> from foiclassify.text import prepare
>>> from foiclassify.rules.sections import find_references, default_act
>>> p = prepare("We have considered section 43 but it does not apply. The information is exempt under section 40(2).")
>>> [(r.code, role_of(r, p)[0]) for r in find_references(p.text, default_act(p.folded))]
[('FOIA:s43', 'considered_not_applied'), ('FOIA:s40', 'cited')]
>>> p = prepare("The duty in Section 1(1)(a) does not apply by virtue of the following exemption: Section 24(2) National Security.")
>>> [(r.code, role_of(r, p)[0]) for r in find_references(p.text, default_act(p.folded)) if r.code]
[('FOIA:s24', 'cited')]
>>> p = prepare("The exemption at section 14 may be engaged if the burden is too great.")
>>> [(r.code, role_of(r, p)) for r in find_references(p.text, default_act(p.folded))]
[('FOIA:s14', ('mentioned', 'named as a possibility, not applied'))]
"""

from __future__ import annotations

import re

from ..text import BOILERPLATE, LINK_BLOCK, QUOTED_EMAIL, QUOTED_REQUEST, Prepared, sentence_bounds
from .sections import SectionRef

# Said of an exemption within its sentence: it was weighed and not used.
NOT_APPLIED = re.compile(
    r"\b(?:not|n't|cannot|no longer)\b[^.;:\n]{0,40}?\b(?:appl(?:y|ied|ies|ying|icable)|engaged?|rel(?:y|ied|ying)"
    r"|invok(?:e|ed|ing)|cit(?:e|ed|ing)|us(?:e|ed|ing)[ \t]+(?:this|that|the|section|an|any)\b)"
    r"(?![ \t\n]+by[ \t\n]+virtue)"  # "the duty in section 1(1)(a) does not apply by virtue of the following exemptions" (NCND)
    r"|\bdisapplied\b|\brather than (?:rely|relying|apply|applying|cite|citing)\b|\bno exemptions? (?:appl|is engaged|are engaged)"
    r"|\b(?:is|are|was|were) not (?:engaged|applicable)\b|\bdoes not (?:extend|cover)\b|\bwithdraw(?:n|ing)? (?:our |the |its )?reliance\b"
    r"|\b(?:concluded|decided|found|determined|satisfied)\b[^.;\n]{0,40}\b(?:does|do|did|is|are|was|were) not(?=[ \t]*(?:[.;]|$))",
    re.IGNORECASE,
)

# Said of an exemption as a possibility, not a decision: "the exemption at section 14 may be
# engaged if …", "there are exemptions that can apply", "… may make it necessary to refuse".
POSSIBLE = re.compile(
    r"\b(?:may|might|could|can)(?:[ \t\n]+(?:also|only|potentially|still))?[ \t\n]+"
    r"(?:apply|be[ \t\n]+(?:engaged|applied|relied[ \t\n]+(?:up)?on|used|cited))\b"
    r"|\b(?:may|might|could)[ \t\n]+(?:need[ \t\n]+to|have[ \t\n]+to|make[ \t\n]+it[ \t\n]+necessary)\b",
    re.IGNORECASE,
)

# Words that turn a sentence round: a negation before them does not reach a reference after them.
_CLAUSE_BREAK = re.compile(r";|\b(?:but|however|although|though|whereas|nevertheless|instead)\b", re.IGNORECASE)


# FOISA s39(2) (and FOIA s39) applied only so that an environmental request is answered under
# the EIRs instead: "We are applying the exemption at section 39(2) of FOISA, so that we do not
# also have to deal with your request under FOISA." Nothing is withheld by it.
_ROUTED_TO_EIRS = re.compile(
    r"\bso that (?:we|the [a-z ]{1,40}) (?:do|does|need) not (?:also )?(?:have to |need to )?(?:deal with|respond to|consider|handle)"
    r" (?:your|the|this) request under (?:foisa|foia|the freedom of information)",
    re.IGNORECASE,
)

WHY_ROUTED_TO_EIRS = "applied only so that the request is answered under the EIRs"

_ANOTHER_REFERENCE = re.compile(r"\b(?:sections?|s\.?|regulations?|reg\.|exemptions?)[ \t]?\d", re.IGNORECASE)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The scope of a negation for the reference ``text[start:end]``.

    It starts after the last ";", "but", "however" … before the reference, and runs to the end
    of the sentence, unless a clause after such a break names another reference of its own
    ("section 43 applies but section 40 does not").
    """
    s, e = sentence_bounds(text, start, end)
    for brk in _CLAUSE_BREAK.finditer(text, s, start):
        s = brk.end()
    after = _CLAUSE_BREAK.search(text, end, e)
    if after and _ANOTHER_REFERENCE.search(text, after.end(), e):
        e = after.start()
    return s, e


_REGION_DETAIL = {
    QUOTED_REQUEST: "quoted from the request",
    QUOTED_EMAIL: "in quoted earlier correspondence",
    BOILERPLATE: "in complaint/review boilerplate",
    LINK_BLOCK: "in a link block",
}


def role_of(ref: SectionRef, prepared: Prepared) -> tuple[str, str]:
    """``(role, why)`` of one reference; role is one of TAXONOMY §3's reference roles."""
    if ref.kind == "other_act":
        return "other_act", f"a section of the {ref.act}, not an FOI exemption"
    region = prepared.region_at(ref.start)
    if region is not None:
        return "mentioned", _REGION_DETAIL[region.kind]
    if ref.kind == "procedural":
        return "procedural", "a procedural provision, not a ground to withhold"
    if ref.kind == "unknown" or ref.code is None:
        return "mentioned", "not an exemption in the catalogue"
    if ref.code.endswith(":s39") and _ROUTED_TO_EIRS.search(prepared.text, *sentence_bounds(prepared.text, ref.start, ref.end)):
        return "procedural", WHY_ROUTED_TO_EIRS
    s, e = clause_bounds(prepared.text, ref.start, ref.end)
    if NOT_APPLIED.search(prepared.text, s, e):
        return "considered_not_applied", "its sentence says it was not applied"
    if POSSIBLE.search(prepared.text, s, e):
        return "mentioned", "named as a possibility, not applied"
    return "cited", "relied on"
