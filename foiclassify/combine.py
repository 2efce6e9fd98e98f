"""Combine: rule findings (and, when one is loaded, a model's scores) → one :class:`Classification`.

Until the trained model ships, the outcome comes from a transparent decision over the cue
signals found by the rules (:func:`rule_outcome`); ``confidence`` is then a heuristic support
score, not a calibrated probability. A model plugs in through :class:`ModelScores`: its outcome
probabilities decide the outcome and add exemptions the text implies, while an explicit citation
found by the rules always decides an exemption.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .labels import ACCESSIBLE_ELSEWHERE_CODES, EXEMPTIONS, NOT_HELD_CODES, OUTCOMES, sort_codes
from .result import Classification, Evidence
from .roles import DECIDING_ROLES, outcome_from_roles
from .rules import Findings
from .rules.cues import IMPLIED_CODES, RESPONSE_PROMISED, UNABLE_TO_PROVIDE, CueHit
from .rules.figures import answer_lines, cost_estimate
from .segments import Segment
from .tagger import Reading
from .text import Prepared

# Subsections that are the duty-to-confirm-or-deny exclusions: citing one means NCND.
_NCND_SUBSECTIONS = {
    "FOIA:s23": "(5)",
    "FOIA:s24": "(2)",
    "FOIA:s26": "(3)",
    "FOIA:s27": "(4)",
    "FOIA:s28": "(3)",
    "FOIA:s29": "(2)",
    "FOIA:s30": "(3)",
    "FOIA:s31": "(3)",
    "FOIA:s32": "(3)",
    "FOIA:s33": "(3)",
    "FOIA:s34": "(3)",
    "FOIA:s35": "(3)",
    "FOIA:s36": "(3)",
    "FOIA:s37": "(2)",
    "FOIA:s38": "(2)",
    "FOIA:s39": "(2)",
    "FOIA:s40": "(5)",
    "FOIA:s41": "(2)",
    "FOIA:s42": "(2)",
    "FOIA:s43": "(3)",
    "FOIA:s44": "(2)",
}
# Outcome signals that state a decision (not a holding reply).
_WITHHOLDING_SIGNALS = frozenset(
    {
        "withheld",
        "ncnd",
        "cost_limit",
        "resource_diversion",
        "vexatious",
        "manifestly_unreasonable",
        "accessible_elsewhere",
    }
)
# Provisions that mean neither confirm nor deny wherever they are cited (TAXONOMY §2).
_NCND_PROVISIONS = {("AUFOI", "25"), ("NZOIA", "10"), ("NZLGOIMA", "8")}
_DECISION_SIGNALS = _WITHHOLDING_SIGNALS | {"provided", "partial", "not_held"}


@dataclass(frozen=True)
class ModelScores:
    """What a trained model says about one message (filled in by :mod:`foiclassify.model`)."""

    outcome_proba: dict[str, float]
    exemption_proba: dict[str, float] = field(default_factory=dict)
    exemption_threshold: float = 0.5


def _uncoded_label(act: str, provision: str) -> str:
    """Evidence label of a provision with no TAXONOMY code: "FOIA:s17", "EIR:14", "Data Protection
    Act:s35"."""
    return f"{act}:{provision}" if act in ("EIR", "EISR") else f"{act}:s{provision}"


def rule_outcome(signals: set[str], cited: bool) -> tuple[str, set[str], str]:
    """The outcome the cue signals point to: ``(label, supporting signals, reason)``.

    The decision, in order: a statement that the request is invalid; a notice that asks the
    requester to revise the request before any decision (which may talk of refusing or of the
    time it needs); a holding reply that promises an answer later; a decision (only part given,
    or some given and some withheld or not held → partially_provided; given → provided;
    withheld/refused → refused; not held → not_held);
    a request for clarification; an acknowledgement; a late reply whose answer is not in the
    text; else undetermined.
    """
    giving = signals & {"provided"}
    withholding = signals & _WITHHOLDING_SIGNALS
    if cited:
        withholding = withholding | {"cited exemption"}
    not_held = signals & {"not_held"}
    partial = signals & {"partial"}
    if "invalid_request" in signals:
        return "invalid_request", {"invalid_request"}, "says the request is not a valid FOI request"
    if "transferred" in signals and not giving and not partial and not withholding:
        return (
            "acknowledgement",
            {"transferred"},
            "passes the request to another body; no decision on it here",
        )
    if "consultation" in signals and not giving and not partial:
        return (
            "clarification_requested",
            {"consultation"},
            "asks the requester to revise the request, or for what registering it needs, "
            "before any decision",
        )
    if "delayed" in signals and not giving and not partial:
        return "delayed", {"delayed"}, "a holding reply: the answer will come later"
    if partial or (giving and (withholding or not_held)):
        return (
            "partially_provided",
            giving | partial | withholding | not_held,
            "some information given, some withheld or not held",
        )
    if giving:
        return "provided", giving, "the information is given"
    if withholding:
        return "refused", withholding | not_held, "nothing given; withheld or refused"
    if not_held:
        return "not_held", not_held, "says the information is not held"
    if "clarification_requested" in signals:
        return (
            "clarification_requested",
            {"clarification_requested"},
            "asks the requester to clarify",
        )
    if "acknowledgement" in signals:
        return "acknowledgement", {"acknowledgement"}, "confirms receipt; no decision yet"
    if "answer_in_attachment" in signals or "response_statement" in signals:
        return (
            "undetermined",
            signals & {"answer_in_attachment", "response_statement"},
            "answers, but the decision is not in the text (attachment?)",
        )
    if "delay_apology" in signals:
        return "delayed", {"delay_apology"}, "apologises for a delay; no decision in the text"
    return "undetermined", set(), "no decision stated in the text"


# A decision role (answer, withheld, not_held) counts as stated from this probability that some
# segment has it (:meth:`foiclassify.tagger.Reading.presence`) on; a refusal or not-held turns
# partial when one segment is at least TURN_THRESHOLD likely to give information
# (:meth:`~foiclassify.tagger.Reading.likeliest`). The tagger's manifest names the thresholds
# chosen for them by grouped cross-validation (data/real/segeval.py); these are the fallbacks.
ROLE_THRESHOLD = 0.5
TURN_THRESHOLD = 0.9
# The role that gives each outcome where no decision role is stated (TAXONOMY §6)
_FRAMING_ROLE = {
    "invalid_request": "invalid",
    "clarification_requested": "clarification",
    "delayed": "holding",
    "acknowledgement": "acknowledgement",
}


# The tagger was trained on UK letters: it corrects a refusal only in the letters it knows.
_TAGGER_JURISDICTIONS = frozenset({"UK", "UK-SCT"})


def roles_decide(
    result: Classification,
    reading: Reading,
    threshold: float,
    responds: bool = False,
    turn: float = TURN_THRESHOLD,
) -> str:
    """The rules' outcome (``result.outcome``), corrected by the decision roles that the tagger's
    ``reading`` states (TAXONOMY §6):

    - the rules found no decision (``undetermined``): the outcome that the stated decision roles
      give (a role is stated when the probability that some segment has it is at least
      ``threshold``), or where none is stated, the other roles that segments have with
      probability at least ``threshold`` (an acknowledgement, a holding reply …), unless the
      message ``responds``: it says it is the response ("I am writing in response to your
      request"), so it is no acknowledgement, and with no decision stated its answer is
      elsewhere;
    - the rules say ``refused`` or ``not_held`` in a UK letter, one segment gives information
      (``answer``) with probability at least ``turn``, and the refusal does not rest only on the
      information being published elsewhere (s21, where pointing to it withholds it):
      ``partially_provided``. One sure segment, not many unsure ones: a refusal's reasoning
      (hours, figures, what is published) reads much like an answer.

    Otherwise the rules' outcome stands.

    >>> reading = Reading((("header", 0.9), ("answer", 0.95)), {"answer": (0.0, 0.95)})
    >>> refused = Classification(outcome="refused", exemptions=("FOIA:s43",))
    >>> roles_decide(Classification(outcome="undetermined"), reading, 0.7)
    'provided'
    >>> roles_decide(refused, reading, 0.7, turn=0.9)
    'partially_provided'
    >>> roles_decide(refused, reading, 0.7, turn=0.99)
    'refused'
    >>> roles_decide(replace(refused, exemptions=("FOIA:s21",)), reading, 0.7)
    'refused'
    """
    if result.outcome == "undetermined":
        stated = {role for role in DECIDING_ROLES if reading.presence(role) >= threshold}
        framing = {
            role
            for role, p in reading.roles
            if role not in DECIDING_ROLES and p >= threshold and not responds
        }
        return outcome_from_roles(stated | framing)
    if reading.likeliest("answer") >= turn and _may_turn_partial(result):
        return "partially_provided"
    return result.outcome


def _may_turn_partial(result: Classification) -> bool:
    """Whether a stated answer may turn the rules' refusal or not-held into a partial release
    (see :func:`roles_decide`)."""
    return (
        result.outcome in ("refused", "not_held")
        and result.jurisdiction in _TAGGER_JURISDICTIONS
        and not (result.exemptions and set(result.exemptions) <= ACCESSIBLE_ELSEWHERE_CODES)
    )


def _rests_only_on(hits: list[CueHit], signal: str, cue_name: str) -> bool:
    """Whether some of ``hits`` give ``signal`` and every one that does is the cue ``cue_name``."""
    giving = [hit for hit in hits if hit.cue.signal == signal]
    return bool(giving) and all(hit.cue.name == cue_name for hit in giving)


def _rule_confidence(outcome: str, support: set[str], signals: set[str]) -> float:
    """A transparent support score for a rules-only decision (not a calibrated probability)."""
    if outcome == "undetermined":
        return 0.6 if support else 0.5
    conflicting = (signals & _DECISION_SIGNALS) - support
    score = 0.55 + 0.1 * min(len(support), 3) - 0.1 * len(conflicting)
    return round(min(0.9, max(0.2, score)), 3)


def _in_part(evidence: Evidence, prepared: Prepared) -> Evidence:
    """``evidence`` with offsets into the part (body or attachment) it lies in."""
    part = prepared.part_at(evidence.start)
    if part is None:
        return evidence
    return replace(
        evidence, start=evidence.start - part.start, end=evidence.end - part.start, part=part.name
    )


def combine(
    prepared: Prepared, findings: Findings, model: ModelScores | None = None, attachments: int = 0
) -> Classification:
    """One :class:`Classification` from what the rules (and optionally a model) found."""
    if prepared.empty_reason:
        return Classification(outcome="undetermined", confidence=1.0, reason=prepared.empty_reason)
    text = prepared.text
    evidence: list[Evidence] = []

    # Exemptions: explicit citations decide.
    cited: set[str] = set()
    ncnd_by_subsection = False
    for roled in findings.references:
        ref = roled.ref
        label = ref.code or _uncoded_label(ref.act, ref.text)
        evidence.append(
            Evidence(
                label, ref.start, ref.end, text[ref.start : ref.end], "rule", roled.role, roled.why
            )
        )
        if (
            roled.role in ("cited", "procedural")  # AU s25, NZ s10 are procedural provisions
            and (ref.act, ref.text.split("(")[0].strip().upper()) in _NCND_PROVISIONS
        ):
            ncnd_by_subsection = True
        if roled.role == "cited" and ref.code:
            cited.add(ref.code)
            if _NCND_SUBSECTIONS.get(ref.code) and ref.subsections.startswith(
                _NCND_SUBSECTIONS[ref.code]
            ):
                ncnd_by_subsection = True

    # Grounds named without a number imply a code (the rules have set aside the cues that a
    # negation, a possibility or a general statement turns off).
    # FOIA, FOISA, AUFOI …, EU1049: which act's code a ground named without a number implies
    section_act = findings.acts["article" if findings.acts["jurisdiction"] == "EU" else "section"]
    signals: set[str] = set()
    kept_hits = list(findings.counted)
    for hit in kept_hits:
        signals.add(hit.cue.signal)
        code = IMPLIED_CODES.get(hit.cue.signal, {}).get(section_act)
        if code:
            cited.add(code)
    if ncnd_by_subsection:
        signals.add("ncnd")
    # A pointer to published information answers the request, unless it is the s21 refusal's
    # pointer.
    pointer_answers = (
        "published" in signals and not cited & ACCESSIBLE_ELSEWHERE_CODES
    )  # "accessible_elsewhere" cites s21 above
    if pointer_answers:
        signals.add("provided")

    # The EIRs' "information not held" exception (and AU s24A, NZ s18(e), IE s15(1)(a) …) says the
    # information is not held; it withholds nothing: a refusal on those grounds alone is not held.
    if cited & NOT_HELD_CODES:
        signals.add("not_held")
        if cited <= NOT_HELD_CODES:
            signals.discard("withheld")
    # "We are unable to provide the information you have requested. This is because we do not
    # hold it": an inability that not holding explains is no refusal, where nothing else withholds.
    if (
        "not_held" in signals
        and _rests_only_on(kept_hits, "withheld", UNABLE_TO_PROVIDE)
        and not cited - NOT_HELD_CODES
    ):
        signals.discard("withheld")
    # "Thank you for your request … we will respond by 14 April": an acknowledgement that names the
    # date it will answer by is no holding reply, where nothing else says the answer is late.
    if (
        "acknowledgement" in signals
        and "delay_apology" not in signals
        and _rests_only_on(kept_hits, "delayed", RESPONSE_PROMISED)
    ):
        signals.discard("delayed")
    outcome, support, reason = rule_outcome(signals, cited=bool(cited - NOT_HELD_CODES))
    answers = answer_lines(prepared) if outcome == "refused" else []
    if answers:
        outcome, reason = (
            "partially_provided",
            "some parts answered (bare figures or yes/no/none lines), some refused",
        )
    confidence = _rule_confidence(outcome, support, signals)
    if model is not None:
        outcome = max(
            OUTCOMES,
            key=lambda label: (model.outcome_proba.get(label, 0.0), -OUTCOMES.index(label)),
        )
        confidence = round(model.outcome_proba.get(outcome, 0.0), 3)
        reason = "model"
        for code, p in model.exemption_proba.items():
            if p >= model.exemption_threshold and code not in cited:
                cited.add(code)
                evidence.append(
                    Evidence(code, 0, 0, "", "model", "cited", f"model probability {p:.2f}")
                )
    if attachments and outcome == "undetermined":
        reason += f"; the message has {attachments} attachment(s) whose text was not supplied"

    # A message that states no decision cites nothing, except a holding reply naming what it weighs.
    if outcome in ("acknowledgement", "undetermined", "clarification_requested", "invalid_request"):
        cited = set()

    stage = (
        "internal_review"
        if "internal_review" in signals and outcome not in ("acknowledgement", "undetermined")
        else "initial"
    )
    outcome_signal = {"partially_provided": "partial", "refused": "withheld"}.get(outcome, outcome)
    for hit in kept_hits:
        signal = "provided" if hit.cue.signal == "published" and pointer_answers else hit.cue.signal
        label = outcome if (signal in support or signal == outcome_signal) else signal
        if signal in IMPLIED_CODES and section_act in IMPLIED_CODES[signal]:
            label = IMPLIED_CODES[signal][section_act]
        evidence.append(
            Evidence(
                label,
                hit.start,
                hit.end,
                text[hit.start : hit.end],
                "rule",
                "cited" if label in cited else "cue",
                hit.cue.name,
            )
        )
    if answers:
        first = answers[0]
        evidence.append(
            Evidence(
                outcome,
                first.start(),
                first.end(),
                first.group(),
                "rule",
                "cue",
                "an answer line: a bare figure or yes/no/none",
            )
        )
    evidence.sort(key=lambda e: (e.start, e.end, e.label))
    if prepared.parts:
        evidence = [_in_part(e, prepared) for e in evidence]

    cost_hits = [h for h in kept_hits if h.cue.signal == "cost_limit"]
    return Classification(
        outcome=outcome,
        exemptions=sort_codes(cited),
        stage=stage,
        confidence=confidence,
        evidence=tuple(evidence),
        ncnd="ncnd" in signals,
        public_interest_test="public_interest_test" in signals,
        advice_offered="advice_offered" in signals,
        cost_estimate=cost_estimate(text, [(h.start, h.end) for h in cost_hits])
        if cost_hits
        else None,
        reason=reason,
        jurisdiction=findings.acts.get("jurisdiction", "UK"),
    )


def needs_roles(result: Classification, findings: Findings) -> bool:
    """Whether the tagged segments are asked (see :func:`roles_decide`): the rules found no
    decision, and the message does not say its decision is in an attached letter ("please see the
    attached response"), where its own segments have none to state; or the rules found a refusal
    or not-held, and some part of the letter may give information all the same."""
    if _may_turn_partial(result):
        return True
    return result.outcome == "undetermined" and not any(
        hit.cue.signal == "answer_in_attachment" for hit in findings.cues
    )


def states_response(findings: Findings) -> bool:
    """Whether the message says it is the response ("I am writing in response to your request",
    "please see the attached response")."""
    return any(
        hit.cue.signal in ("response_statement", "answer_in_attachment") for hit in findings.cues
    )


def decide_by_roles(
    result: Classification,
    prepared: Prepared,
    segments: Sequence[Segment],
    reading: Reading,
    threshold: float = ROLE_THRESHOLD,
    responds: bool = False,
    turn: float = TURN_THRESHOLD,
) -> Classification:
    """``result`` with the outcome that the tagger's ``reading`` of the ``segments`` states (see
    :func:`roles_decide`). Evidence for each decision role that changed it: the segments more
    likely than not to have that role, or the likeliest one (``source`` "model"). Where the rules
    found no decision, the exemptions are the references they found cited; a refusal turned into
    a partial release keeps its own."""
    label = roles_decide(result, reading, threshold, responds, turn)
    if label == result.outcome:
        return result
    text = prepared.text
    if result.outcome == "undetermined":  # the decision roles stated, and how likely each is
        presence = {role: reading.presence(role) for role in sorted(DECIDING_ROLES)}
        stated_p = {role: p for role, p in presence.items() if p >= threshold}
    else:  # a refusal or not-held turned partial by its surest answer segment
        stated_p = {"answer": reading.likeliest("answer")}
    stated = list(stated_p)
    deciding: list[tuple[Segment, str, float]] = []
    for role in stated:
        marginals = reading.marginals[role][: len(segments)]
        likely = [i for i, p in enumerate(marginals) if p >= 0.5] or [
            max(range(len(marginals)), key=marginals.__getitem__)
        ]
        deciding += [(segments[i], role, marginals[i]) for i in likely]
    if stated:
        confidence = max(stated_p.values())
    else:  # no decision role: the framing role that gives the outcome (an acknowledgement …)
        stated = [_FRAMING_ROLE[label]]
        deciding = [
            (seg, role, p) for seg, (role, p) in zip(segments, reading.roles) if role in stated
        ]
        confidence = max(p for _, _, p in deciding)
    added = [
        Evidence(
            label,
            seg.start,
            seg.end,
            text[seg.start : seg.end],
            "model",
            "cue",
            f"a segment read as {role} (p={p:.2f})",
        )
        for seg, role, p in deciding
    ]
    if prepared.parts:
        added = [_in_part(e, prepared) for e in added]
    evidence = tuple(
        sorted(
            (*result.evidence, *added),
            key=lambda e: (e.part != "body", e.part, e.start, e.end, e.label),
        )
    )
    if result.outcome == "undetermined":
        cited = {
            e.label
            for e in result.evidence
            if e.role == "cited" and e.source == "rule" and e.label in EXEMPTIONS
        }
        exemptions = sort_codes(cited) if label in ("refused", "partially_provided") else ()
    else:
        exemptions = result.exemptions
    return replace(
        result,
        outcome=label,
        exemptions=exemptions,
        confidence=round(confidence, 3),
        evidence=evidence,
        reason=(
            "the rules found no decision; "
            if result.outcome == "undetermined"
            else f"the rules found {result.outcome.replace('_', ' ')}; "
        )
        + "the letter's tagged segments state "
        + ", ".join(r.replace("_", " ") for r in stated),
    )
