"""The label contract (TAXONOMY.md): outcome labels, stages, roles and the exemption catalogue.

Every label string the library emits comes from this module.

>>> exemption_name("FOIA:s43")
'commercial interests'
>>> act_of("FOISA:s33")
'FOISA'
>>> is_exemption_code("FOIA:s99")
False
"""

from __future__ import annotations

import functools
import re

# §1 outcome of one authority message, in the order of the contract table.
OUTCOMES: tuple[str, ...] = (
    "provided",
    "partially_provided",
    "refused",
    "not_held",
    "invalid_request",
    "clarification_requested",
    "acknowledgement",
    "delayed",
    "undetermined",
)

# Outcomes that decide a thread (§4): acknowledgements, holding replies and
# unreadable messages decide nothing.
DECISIVE_OUTCOMES: frozenset[str] = frozenset(OUTCOMES) - {
    "acknowledgement",
    "delayed",
    "undetermined",
}

STAGES: tuple[str, ...] = ("initial", "internal_review")

# §4 roles of messages in a thread.
ROLES: tuple[str, ...] = ("requester", "authority", "annotation", "unknown")

# §6 roles of the segments of one letter (what each part does).
SEGMENT_ROLES: tuple[str, ...] = (
    "header",
    "request",
    "answer",
    "withheld",
    "not_held",
    "reasoning",
    "advice",
    "acknowledgement",
    "holding",
    "clarification",
    "invalid",
    "review",
    "rights",
    "other",
)

# Roles a section reference can have in the evidence (§3): only "cited" counts.
REFERENCE_ROLES: tuple[str, ...] = (
    "cited",
    "mentioned",  # quoted from the request, complaint boilerplate, general explanation
    "considered_not_applied",
    "procedural",  # s1, s8, s10, s16, s17, s45, s50, s77 ...
    "other_act",  # a section of an Act that is not an FOI law
)

# WhatDoTheyKnow's states for each outcome (§1).
WDTK_STATE: dict[str, str | None] = {
    "provided": "successful",
    "partially_provided": "partially_successful",
    "refused": "rejected",
    "not_held": "not_held",
    "invalid_request": "not_foi",
    "clarification_requested": "waiting_clarification",
    "acknowledgement": "waiting_response",
    "delayed": "waiting_response",
    "undetermined": None,
}

# A platform's own label for a message or request, and the outcomes it is compatible with: the
# second opinion the readers keep in ``site_state``. Alaveteli/WhatDoTheyKnow states (the inverse
# of WDTK_STATE) and MuckRock statuses; states saying nothing about a decision are left out.
SITE_STATE_OUTCOMES: dict[str, tuple[str, ...]] = {
    **{
        state: tuple(o for o, s in WDTK_STATE.items() if s == state)
        for state in set(WDTK_STATE.values())
        if state
    },
    "done": ("provided",),
    "partial": ("partially_provided",),
    "no_docs": ("not_held",),
    "fix": ("clarification_requested",),
}

_FOIA = {
    "s12": "cost limit",
    "s14": "vexatious or repeated request",
    "s21": "information accessible by other means",
    "s22": "information intended for future publication",
    "s22A": "research",
    "s23": "security bodies",
    "s24": "national security",
    "s26": "defence",
    "s27": "international relations",
    "s28": "relations within the United Kingdom",
    "s29": "the economy",
    "s30": "investigations and proceedings",
    "s31": "law enforcement",
    "s32": "court records",
    "s33": "audit functions",
    "s34": "parliamentary privilege",
    "s35": "formulation of government policy",
    "s36": "prejudice to effective conduct of public affairs",
    "s37": "communications with the Royal Family and honours",
    "s38": "health and safety",
    "s39": "environmental information",
    "s40": "personal information",
    "s41": "information provided in confidence",
    "s42": "legal professional privilege",
    "s43": "commercial interests",
    "s44": "prohibitions on disclosure",
}

_EIR = {
    "12(4)(a)": "information not held",
    "12(4)(b)": "manifestly unreasonable request",
    "12(4)(c)": "request formulated in too general a manner",
    "12(4)(d)": "material in the course of completion",
    "12(4)(e)": "internal communications",
    "12(5)(a)": "international relations, defence, national security or public safety",
    "12(5)(b)": "course of justice",
    "12(5)(c)": "intellectual property rights",
    "12(5)(d)": "confidentiality of proceedings",
    "12(5)(e)": "commercial confidentiality",
    "12(5)(f)": "interests of the person who provided the information",
    "12(5)(g)": "protection of the environment",
    "13": "personal data",
}

_FOISA = {
    "s12": "excessive cost",
    "s14": "vexatious or repeated request",
    "s25": "information otherwise accessible",
    "s26": "prohibitions on disclosure",
    "s27": "information intended for future publication",
    "s28": "relations within the United Kingdom",
    "s29": "formulation of Scottish Administration policy",
    "s30": "prejudice to effective conduct of public affairs",
    "s31": "national security and defence",
    "s32": "international relations",
    "s33": "commercial interests and the economy",
    "s34": "investigations by Scottish public authorities",
    "s35": "law enforcement",
    "s36": "confidentiality",
    "s37": "court records",
    "s38": "personal information",
    "s39": "health, safety and the environment",
    "s40": "audit functions",
    "s41": "communications with His Majesty and honours",
}

_EISR = {
    "10(4)(a)": "information not held",
    "10(4)(b)": "manifestly unreasonable request",
    "10(4)(c)": "request formulated in too general a manner",
    "10(4)(d)": "material in the course of completion",
    "10(4)(e)": "internal communications",
    "10(5)(a)": "international relations, defence, national security or public safety",
    "10(5)(b)": "course of justice",
    "10(5)(c)": "intellectual property rights",
    "10(5)(d)": "confidentiality of proceedings",
    "10(5)(e)": "commercial confidentiality",
    "10(5)(f)": "interests of the person who provided the information",
    "10(5)(g)": "protection of the environment",
    "11": "personal data",
}

_USFOIA = {
    "b1": "national defense or foreign policy",
    "b2": "internal personnel rules and practices",
    "b3": "exempted by another statute",
    "b4": "trade secrets and commercial information",
    "b5": "privileged inter- or intra-agency communications",
    "b6": "personal privacy",
    "b7": "law enforcement records",
    "b7A": "interference with enforcement proceedings",
    "b7B": "right to a fair trial",
    "b7C": "personal privacy in law enforcement records",
    "b7D": "confidential sources",
    "b7E": "law enforcement techniques and procedures",
    "b7F": "life or physical safety",
    "b8": "financial institutions",
    "b9": "geological information on wells",
}

_AUFOI = {
    "s24A": "documents cannot be found or do not exist",
    "s24": "practical refusal (substantial and unreasonable diversion of resources)",
    "s33": "national security, defence or international relations",
    "s34": "Cabinet documents",
    "s37": "law enforcement and public safety",
    "s38": "secrecy provisions of other laws",
    "s42": "legal professional privilege",
    "s45": "material obtained in confidence",
    "s46": "contempt of Parliament or court",
    "s47": "trade secrets or commercially valuable information",
    "s47A": "electoral rolls",
    "s47B": "Commonwealth-State relations",
    "s47C": "deliberative processes",
    "s47D": "financial or property interests of the Commonwealth",
    "s47E": "certain operations of agencies",
    "s47F": "personal privacy",
    "s47G": "business information",
    "s47H": "research",
    "s47J": "the economy",
}

_NZOIA = {
    "s6(a)": "security, defence or international relations",
    "s6(b)": "information entrusted by other governments",
    "s6(c)": "maintenance of the law",
    "s6(d)": "safety of any person",
    "s6(e)": "damage to the economy",
    "s9(2)(a)": "privacy of natural persons",
    "s9(2)(b)": "commercial position or trade secrets",
    "s9(2)(ba)": "information subject to an obligation of confidence",
    "s9(2)(c)": "health or safety of the public",
    "s9(2)(d)": "economic interests of New Zealand",
    "s9(2)(e)": "measures against economic loss",
    "s9(2)(f)": "constitutional conventions (free and frank advice to Ministers, confidentiality)",
    "s9(2)(g)": "free and frank expression of opinions; protection from improper pressure",
    "s9(2)(h)": "legal professional privilege",
    "s9(2)(i)": "commercial activities",
    "s9(2)(j)": "negotiations",
    "s9(2)(k)": "improper gain or advantage",
    "s18(c)": "making available would breach another enactment or contempt",
    "s18(d)": "information publicly available or soon to be",
    "s18(e)": "document does not exist or cannot be found",
    "s18(f)": "substantial collation or research",
    "s18(g)": "information not held",
    "s18(h)": "frivolous or vexatious request",
}

_NZLGOIMA = {
    "s6(a)": "maintenance of the law",
    "s6(b)": "safety of any person",
    "s7(2)(a)": "privacy of natural persons",
    "s7(2)(b)": "commercial position or trade secrets",
    "s7(2)(ba)": "information subject to an obligation of confidence",
    "s7(2)(c)": "information subject to an obligation of confidence",
    "s7(2)(d)": "avoiding prejudice to public health or safety",
    "s7(2)(e)": "measures against economic loss",
    "s7(2)(f)": "free and frank expression of opinions; protection from improper pressure",
    "s7(2)(g)": "legal professional privilege",
    "s7(2)(h)": "commercial activities",
    "s7(2)(i)": "negotiations",
    "s7(2)(j)": "improper gain or advantage",
    "s17(c)": "making available would breach another enactment or contempt",
    "s17(d)": "information publicly available or soon to be",
    "s17(e)": "document does not exist or cannot be found",
    "s17(f)": "substantial collation or research",
    "s17(g)": "information not held",
    "s17(h)": "frivolous or vexatious request",
}

_IEFOI = {
    **{
        f"s15(1)({letter})": name
        for letter, name in (
            ("a", "records do not exist or cannot be found"),
            ("b", "request insufficiently particular"),
            ("c", "voluminous request (substantial and unreasonable interference)"),
            ("d", "information already published or to be published"),
            ("e", "court records"),
            ("f", "request already granted"),
            ("g", "frivolous or vexatious request"),
            ("h", "fee or deposit not paid"),
            ("i", "records created in relation to another body"),
        )
    },
    "s28": "meetings of the Government",
    "s29": "deliberations of FOI bodies",
    "s30": "functions and negotiations of FOI bodies",
    "s31": "parliamentary, court and certain other matters (incl. legal professional privilege)",
    "s32": "law enforcement and public safety",
    "s33": "security, defence and international relations",
    "s34": "records given by other governments",
    "s35": "information obtained in confidence",
    "s36": "commercially sensitive information",
    "s37": "personal information",
    "s38": "records of a third party (consultation)",
    "s39": "research and natural resources",
    "s40": "financial and economic interests of the State",
    "s41": "disclosure prohibited by other enactments",
    "s42": "restrictions on the Act",
}

_EU1049 = {
    "4(1)(a)": "public interest (security, defence, international relations, "
    "financial or economic policy)",
    "4(1)(b)": "privacy and personal data",
    "4(2)-1": "commercial interests",
    "4(2)-2": "court proceedings and legal advice",
    "4(2)-3": "inspections, investigations and audits",
    "4(3)": "the institution's decision-making process",
    "4(5)": "a Member State's objection",
}

ACTS: dict[str, str] = {
    "FOIA": "Freedom of Information Act 2000",
    "EIR": "Environmental Information Regulations 2004",
    "FOISA": "Freedom of Information (Scotland) Act 2002",
    "EISR": "Environmental Information (Scotland) Regulations 2004",
    "USFOIA": "5 U.S.C. § 552",
    "AUFOI": "Freedom of Information Act 1982 (Commonwealth of Australia)",
    "NZOIA": "Official Information Act 1982 (New Zealand)",
    "NZLGOIMA": "Local Government Official Information and Meetings Act 1987 (New Zealand)",
    "IEFOI": "Freedom of Information Act 2014 (Ireland)",
    "EU1049": "Regulation (EC) No 1049/2001 (EU institutions)",
}

#: Where a reply's law applies (the ``jurisdiction`` field): UK (FOIA, EIR), UK-SCT (FOISA,
#: EISR), AU, NZ, IE, EU, US.
JURISDICTIONS: tuple[str, ...] = ("UK", "UK-SCT", "AU", "NZ", "IE", "EU", "US")

#: Every exemption code of TAXONOMY §2 with its short human name.
EXEMPTIONS: dict[str, str] = {
    f"{act}:{provision}": name
    for act, table in (
        ("FOIA", _FOIA),
        ("EIR", _EIR),
        ("FOISA", _FOISA),
        ("EISR", _EISR),
        ("USFOIA", _USFOIA),
        ("AUFOI", _AUFOI),
        ("NZOIA", _NZOIA),
        ("NZLGOIMA", _NZLGOIMA),
        ("IEFOI", _IEFOI),
        ("EU1049", _EU1049),
    )
    for provision, name in table.items()
}

#: Codes that say the information is not held (the outcome is ``not_held``, nothing is withheld).
# Grounds that refuse because the information is published elsewhere: a letter relying on one
# points to where the information is, and that pointer withholds it (TAXONOMY §6, `answer`).
ACCESSIBLE_ELSEWHERE_CODES: frozenset[str] = frozenset(
    {"FOIA:s21", "FOISA:s25", "NZOIA:s18(d)", "NZLGOIMA:s17(d)"}
)
NOT_HELD_CODES: frozenset[str] = frozenset(
    {
        "EIR:12(4)(a)",
        "EISR:10(4)(a)",
        "AUFOI:s24A",
        "NZOIA:s18(e)",
        "NZOIA:s18(g)",
        "NZLGOIMA:s17(e)",
        "NZLGOIMA:s17(g)",
        "IEFOI:s15(1)(a)",
    }
)

# Sections that are machinery, not grounds to withhold (§2); for EU1049, articles.
PROCEDURAL_SECTIONS: dict[str, frozenset[str]] = {
    "FOIA": frozenset(
        {"1", "2", "3", "5", "8", "9", "10", "11", "16", "17", "19", "45", "46", "50", "77", "84"}
    ),
    "FOISA": frozenset(
        {
            "1",
            "2",
            "3",
            "8",
            "9",
            "10",
            "11",
            "15",
            "16",
            "17",
            "20",
            "21",
            "47",
            "60",
            "61",
            "65",
            "73",
        }
    ),
    "AUFOI": frozenset(
        {
            "7",
            "11",
            "11A",
            "11C",
            "15",
            "15A",
            "15AA",
            "15AB",
            "15AC",
            "16",
            "17",
            "22",
            "23",
            "24AA",
            "24AB",
            "25",
            "26",
            "26A",
            "27",
            "27A",
            "29",
            "54",
            "54L",
            "55",
        }
    ),
    "NZOIA": frozenset({"10", "12", "13", "14", "15", "15A", "16", "17", "19", "28"}),
    "NZLGOIMA": frozenset({"8", "10", "11", "12", "13", "14", "15", "16", "18", "27"}),
    "IEFOI": frozenset(
        {"11", "12", "13", "14", "17", "18", "19", "21", "22", "24", "25", "26", "27"}
    ),
    "EU1049": frozenset({"2", "3", "6", "7", "8", "9", "10", "11", "12"}),
}


def is_exemption_code(code: str) -> bool:
    """True when ``code`` is one of the exemption codes of TAXONOMY §2."""
    return code in EXEMPTIONS


def exemption_name(code: str) -> str:
    """The short human name of an exemption code; raises KeyError for an unknown code."""
    return EXEMPTIONS[code]


def act_of(code: str) -> str:
    """The act part of a code: ``"EIR:12(5)(e)"`` → ``"EIR"``."""
    return code.split(":", 1)[0]


def sort_codes(codes: set[str] | frozenset[str] | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Codes in a stable, human order: by act, then by the leading section number.

    >>> sort_codes(["FOIA:s43", "EIR:13", "FOIA:s12", "FOIA:s40"])
    ('FOIA:s12', 'FOIA:s40', 'FOIA:s43', 'EIR:13')
    """
    return tuple(sorted(set(codes), key=_sort_key))


_ACT_RANK = {act: i for i, act in enumerate(ACTS)}
_LEADING_NUMBER = re.compile(r"[sb]?(\d*)")


@functools.lru_cache(maxsize=1024)
def _sort_key(code: str) -> tuple[int, int, str]:
    act, provision = code.split(":", 1)
    lead = _LEADING_NUMBER.match(provision).group(1)  # type: ignore[union-attr]
    return (_ACT_RANK.get(act, len(_ACT_RANK)), int(lead or 0), provision)


def codes_from(value: object) -> list[str]:
    """Exemption codes from a table cell: a list, a ``;``-joined string (CSV), or missing.

    >>> codes_from("FOIA:s40;FOIA:s43"), codes_from(None), codes_from(["EIR:13"])
    (['FOIA:s40', 'FOIA:s43'], [], ['EIR:13'])
    """
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, str):
        return [code for code in value.split(";") if code]
    return [str(code) for code in value]  # type: ignore[attr-defined]  # list, tuple, numpy array
