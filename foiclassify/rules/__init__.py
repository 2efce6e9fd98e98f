"""Rule recognisers: section references with their context role, and cue phrases.

:func:`find` runs every recogniser over one prepared message and returns what they found;
:mod:`foiclassify.combine` turns that into a label.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import REGION_KEYWORDS, Keywords, Prepared
from . import cues, sections
from .context import WHY_ROUTED_TO_EIRS, counted_cues, role_of
from .cues import CueHit, find_cues
from .sections import SectionRef, default_act, find_references


@dataclass(frozen=True)
class RoledRef:
    ref: SectionRef
    role: str
    why: str


@dataclass(frozen=True)
class Findings:
    """What the rules found in one message. ``cues`` excludes cues in quoted or boilerplate text;
    ``counted`` are those of them that count for the decision (see
    :func:`~foiclassify.rules.context.counted_cues`)."""

    references: tuple[RoledRef, ...]
    cues: tuple[CueHit, ...]
    acts: dict[str, str]
    counted: tuple[CueHit, ...] = ()


# The keywords of every recogniser and of the cleaning stage: pass this to
# foiclassify.text.prepare and the text is searched for keywords once.
KEYWORDS = Keywords(cues.KEYWORDS.words + sections.KEYWORDS.words + REGION_KEYWORDS.words)


def find(prepared: Prepared) -> Findings:
    text = prepared.text
    spots = prepared.spots if prepared.keywords is KEYWORDS else KEYWORDS.find(prepared.folded)
    acts = default_act(prepared.folded, spots)
    references = tuple(
        RoledRef(ref, *role_of(ref, prepared)) for ref in find_references(text, acts, spots)
    )
    found_cues = tuple(
        hit
        for hit in find_cues(text, prepared.folded, spots)
        if prepared.region_at(hit.start) is None
    )
    routed_at = [roled.ref.start for roled in references if roled.why == WHY_ROUTED_TO_EIRS]
    return Findings(references, found_cues, acts, counted_cues(text, found_cues, routed_at))


__all__ = [
    "KEYWORDS",
    "Findings",
    "RoledRef",
    "find",
    "find_cues",
    "find_references",
    "default_act",
    "role_of",
]
