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
"""  # noqa: E501 (doctest lines)

from __future__ import annotations

import re

from ..text import BOILERPLATE, LINK_BLOCK, QUOTED_EMAIL, QUOTED_REQUEST, Prepared, sentence_bounds
from .cues import IMPLIED_CODES, CueHit
from .sections import SectionRef

# Said of an exemption within its sentence: it was weighed and not used.
NOT_APPLIED = re.compile(
    # the negation governs the applying: "not held, applies" and "has not yet been finalised,
    # therefore we are applying" negate something else
    r"\b(?:not|n't|cannot|no longer)\b(?![ \t]+held\b)"
    r"(?:(?!\b(?:therefore|thus|hence|so),?[ \t]+(?:we|i|it|the|this|our|they)\b)[^.;:\n]){0,40}?"
    r"\b(?:appl(?:y|ied|ies|ying|icable)|en"
    r"gaged?|rel(?:y|ied|ying)"
    r"|invok(?:e|ed|ing)|cit(?:e|ed|ing)|us(?:e|ed|ing)[ \t]+(?:this|that|the|section|an|any)\b)"
    # "the duty in section 1(1)(a) does not apply by virtue of the following exemptions" (NCND)
    r"(?![ \t\n]+by[ \t\n]+virtue)"
    r"|\bdisapplied\b|\brather than (?:rely|relying|apply|applying|cite|citing)\b|\bno exe"
    r"mptions? (?:appl|is engaged|are engaged)"
    r"|\b(?:is|are|was|were) not (?:engaged|applicable)\b|\bdoes not (?:extend|cover)\b|\b"
    r"withdraw(?:n|ing)? (?:our |the |its )?reliance\b"
    r"|\b(?:concluded|decided|found|determined|satisfied)\b[^.;\n]{0,40}\b(?:does|do|did|i"
    r"s|are|was|were) not(?=[ \t]*(?:[.;]|$))",
    re.IGNORECASE,
)

# Said of an exemption as a possibility, not a decision: "the exemption at section 14 may be
# engaged if …", "there are exemptions that can apply", "… may make it necessary to refuse".
POSSIBLE = re.compile(
    r"\b(?:may|might|could|can)(?:[ \t\n]+(?:also|only|potentially|still))?[ \t\n]+"
    r"(?:apply|be[ \t\n]+(?:engaged|applied|relied[ \t\n]+(?:up)?on|used|cited))\b"
    r"|\b(?:may|might|could)[ \t\n]+(?:need[ \t\n]+to|have[ \t\n]+to|make[ \t\n]+it[ \t\n]"
    r"+necessary)\b",
    re.IGNORECASE,
)

# Words that turn a sentence round: a negation before them does not reach a reference after them.
_CLAUSE_BREAK = re.compile(
    r";|\b(?:but|however|although|though|whereas|nevertheless|instead)\b", re.IGNORECASE
)


# FOISA s39(2) (and FOIA s39) applied only so that an environmental request is answered under
# the EIRs instead: "We are applying the exemption at section 39(2) of FOISA, so that we do not
# also have to deal with your request under FOISA." Nothing is withheld by it.
_ROUTED_TO_EIRS = re.compile(
    r"\bso that (?:we|the [a-z ]{1,40}) (?:do|does|need) not (?:also )?(?:have to |need to"
    r" )?(?:deal with|respond to|consider|handle)"
    r" (?:your|the|this) request under (?:foisa|foia|the freedom of information)"
    # FOIA s39: "exempts environmental information from the Act but requires us to consider it
    # under the Regulations"
    r"|\bexempts? environmental information\b|\brequires? (?:us|the [a-z ]{1,40}|public authori"
    r"ties) to (?:consider|deal with|handle|process) (?:it|them|(?:the|your|this|such) requests?)"
    r" under the (?:regulations|eirs?|environmental information regulations)\b",
    re.IGNORECASE,
)

# A provision named only to say what another provision's wording leaves out: section 24(1)'s
# "Information which does not fall within section 23(1) is exempt information if …".
_OUTSIDE_OF = re.compile(
    r"\b(?:does|do) not fall (?:with)?in[ \t\n]+(?:sections?|s\.?)[ \t]*$", re.IGNORECASE
)

WHY_ROUTED_TO_EIRS = "applied only so that the request is answered under the EIRs"

_ANOTHER_REFERENCE = re.compile(
    r"\b(?:sections?|s\.?|regulations?|reg\.|exemptions?)[ \t]?\d", re.IGNORECASE
)


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
    if ref.code.endswith(":s39") and _ROUTED_TO_EIRS.search(
        prepared.text, *sentence_bounds(prepared.text, ref.start, ref.end)
    ):
        return "procedural", WHY_ROUTED_TO_EIRS
    if _OUTSIDE_OF.search(prepared.text, max(0, ref.start - 40), ref.start):
        return "mentioned", "named in another provision's wording, as outside it"
    s, e = clause_bounds(prepared.text, ref.start, ref.end)
    if NOT_APPLIED.search(prepared.text, s, e):
        return "considered_not_applied", "its sentence says it was not applied"
    if POSSIBLE.search(prepared.text, s, e):
        return "mentioned", "named as a possibility, not applied"
    return "cited", "relied on"


# --- Does a cue phrase count? The same idea for the outcome cues: its sentence may negate it,
# make it a possibility or a condition, or speak of requests in general.

_NEGATED_BEFORE = re.compile(r"\b(?:not|never|no)\b|n't\b")
_UNLESS = re.compile(r"\bunless\b", re.IGNORECASE)
# A modal right before the cue: "some information might be withheld" describes what could happen.
_MODAL_BEFORE = re.compile(
    r"\b(?:may|might|could)(?:[ \t\n]+(?:also|still|potentially|possibly|sometimes))?[ \t\n]+$",
    re.IGNORECASE,
)
# An intention or a decision still to come: "I intend to refuse your request", "before the
# department makes a decision to refuse access" (an Australian s24AB notice).
_INTENT_BEFORE = re.compile(
    r"\b(?:intend(?:s|ed)?|intending|propose(?:s|d)?|proposing)[ \t\n]+to[ \t\n]+$|\bbefor"
    r"e\b[^.!?]{0,80}\b(?:decision|decides?|deciding)[ \t\n]+(?:whether[ \t\n]+)?to[ \t\n]"
    r"+$",
    re.IGNORECASE,
)
# A holding statement only as a condition: "we will advise you if any extension of time is
# required".
_IF_BEFORE = re.compile(r"\bif\b", re.IGNORECASE)
# A sentence that tells what happened on a date ("On 22 October 2020, the department wrote to you
# … requesting an extension of time"): the letter's history, not its decision.
_ON_A_DATE = re.compile(
    r"\s*on (?:\d{1,2}(?:st|nd|rd|th)? [a-z]+|[a-z]+ \d{1,2}(?:st|nd|rd|th)?),? \d{4}\b",
    re.IGNORECASE,
)
# Text taken out of a release because the request does not ask for it withholds nothing: "I have
# redacted the names … as irrelevant material under section 22 of the FOI Act", "names have been
# removed as they are outside the scope of your request".
_NOT_ASKED_FOR = re.compile(
    r"\birrelevant\b|\b(?:out|outside) (?:of )?(?:the )?scope\b|\bnot (?:with)?in (?:the )?scope\b",
    re.IGNORECASE,
)
# An offer, not a request to clarify: "please contact me if you require further clarification";
# and a quoted question: "If so, please can you confirm the scope of the services".
_IF_YOU_NEED = re.compile(r"\bif (?:you (?:require|need|have|would like|want)|so)\b", re.IGNORECASE)
# A numbered question of the request restated in the reply without a heading that marks it as
# quoted ("5. Please can you confirm the scope of the services …", "Q2 Could you clarify what
# 'general issues' are"): the requester asking, not the authority. Read on the line before the
# cue: nothing there but a list marker (and "if so", "please").
_NUMBERED_QUESTION = re.compile(
    r"(?:^|[\s|:;])(?:\(?\d{1,2}[.)]|\(?[a-h][.)]|q\d{1,2}[.:)]?)[ \t]+(?:if so,?[ \t]+)?"
    r"(?:please[ \t]+)?$",
    re.IGNORECASE,
)
# Only a possibility: "it may be that we need to seek further clarification".
_MAY_NEED = re.compile(r"\b(?:may|might|could)\b[^.!?]*$", re.IGNORECASE)
# A sentence about requests in general, not this one: a glossary of outcome categories
# ("'NCND' indicates a response in which …") or a general condition ("where a request has been
# refused").
_GENERAL = re.compile(
    r"\b(?:refers? to|indicates|means|denotes) (?:a|an|any) (?:response|request|reply|case)s?\b"
    r"|\b(?:where|when|whenever|if) (?:a|any) (?:request|response|reply) (?:has|have|is|wa"
    r"s|were)\b"
    # "… except where the information falls under an exemption. In such a case it is exempt"
    r"|\bin (?:such|these|those) (?:a )?cases?\b",
    re.IGNORECASE,
)
_NO_MATERIAL_EFFECT = re.compile(
    r"no material effect on the outcome of (?:your|the|this) request", re.IGNORECASE
)
# Cues that a negation, a possibility or a condition in their sentence turns off.
_NEGATABLE = frozenset(IMPLIED_CODES) | {"withheld", "not_held", "ncnd"}


def _negated(text: str, hit: CueHit) -> bool:
    """Whether the cue is negated ("not vexatious"), only a possibility ("exemptions that can
    apply include where the cost … would exceed the cost limit", "some information might be
    withheld") or only a condition ("… within 20 working days unless the Council does not hold
    the information") in its sentence, or the sentence speaks of requests in general."""
    s, e = sentence_bounds(text, hit.start, hit.end)
    return bool(
        _NEGATED_BEFORE.search(text, max(s, hit.start - 30), hit.start)
        or _MODAL_BEFORE.search(text, max(s, hit.start - 30), hit.start)
        or _INTENT_BEFORE.search(text, max(s, hit.start - 120), hit.start)
        or POSSIBLE.search(text, s, hit.start)
        or _UNLESS.search(text, s, hit.start)
        or _GENERAL.search(text, s, e)
    )


def _routing_span(text: str, start: int) -> tuple[int, int]:
    """From the sentence applying FOISA s39(2) to the end of the paragraph that explains it (at
    most 1,200 characters on), or to the end of that sentence."""
    lo, hi = sentence_bounds(text, start, start)
    end = _NO_MATERIAL_EFFECT.search(text, start, start + 1200)
    return lo, max(hi, end.end()) if end else hi


def counted_cues(text: str, cues: tuple[CueHit, ...], routed_at: list[int]) -> tuple[CueHit, ...]:
    """The cues that count for the decision: not negated, not a mere possibility or condition,
    not about requests in general, and not in the sentences explaining that FOISA s39(2) was
    applied only to answer under the EIRs (``routed_at``: where those references start), which
    run up to "… has no material effect on the outcome of your request"."""
    routing = [_routing_span(text, start) for start in routed_at]
    kept = []
    for hit in cues:
        signal = hit.cue.signal
        if signal in _NEGATABLE and _negated(text, hit):
            continue
        if signal == "delayed":
            begins = sentence_bounds(text, hit.start, hit.end)[0]
            if _IF_BEFORE.search(text, begins, hit.start) or _ON_A_DATE.match(text, begins):
                continue
        if signal == "clarification_requested" and (
            _IF_YOU_NEED.search(text, sentence_bounds(text, hit.start, hit.end)[0], hit.start)
            or _MAY_NEED.search(text, max(0, hit.start - 40), hit.start)
            or _NUMBERED_QUESTION.search(text, max(0, hit.start - 40), hit.start)
        ):
            continue
        if hit.cue.name == "redacted" and _NOT_ASKED_FOR.search(
            text, *sentence_bounds(text, hit.start, hit.end)
        ):
            continue
        if signal == "invalid_request" and _GENERAL.search(
            text, *sentence_bounds(text, hit.start, hit.end)
        ):
            continue
        if any(lo <= hit.start < hi for lo, hi in routing):
            continue
        kept.append(hit)
    return tuple(kept)
