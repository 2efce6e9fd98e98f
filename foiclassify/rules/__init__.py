"""Rule recognisers: section references with their context role, and cue phrases.

:func:`find` runs every recogniser over one prepared message and returns what they found;
:mod:`foiclassify.combine` turns that into a label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar

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


# A letter names the same provision, or says the same cue phrase, a few times; a text that does
# so thousands of times (a long table of references, one line repeated) is not read one by one
# past this many: the first ones are the evidence, and the last of them says how many more there
# were. This bounds the work on such input (issue #21) and changes nothing for a letter.
MAX_REPEATS = 25

T = TypeVar("T")


def _first_of_each(
    items: Iterable[T], key: Callable[[T], Hashable]
) -> tuple[list[T], dict[Hashable, int]]:
    """The first :data:`MAX_REPEATS` items of each key, in order, and how many of each were left."""
    items = list(items)
    if len(items) <= MAX_REPEATS:  # the usual case: nothing to cap, nothing to count
        return items, {}
    seen: Counter[Hashable] = Counter()
    more: Counter[Hashable] = Counter()
    kept = []
    for item in items:
        k = key(item)
        if seen[k] < MAX_REPEATS:
            seen[k] += 1
            kept.append(item)
        else:
            more[k] += 1
    return kept, dict(more)


def _reference_key(ref: SectionRef) -> Hashable:
    return ref.act, ref.code or ref.text


def find(prepared: Prepared) -> Findings:
    text = prepared.text
    spots = prepared.spots if prepared.keywords is KEYWORDS else KEYWORDS.find(prepared.folded)
    acts = default_act(prepared.folded, spots)
    refs, more_refs = _first_of_each(find_references(text, acts, spots), _reference_key)
    roled = [RoledRef(ref, *role_of(ref, prepared)) for ref in refs]
    if more_refs:  # the last kept reference of each capped provision says how many more there were
        last = {_reference_key(r.ref): i for i, r in enumerate(roled)}
        for k, n in more_refs.items():
            r = roled[last[k]]
            roled[last[k]] = RoledRef(
                r.ref, r.role, f"{r.why}; {n} more of the same, not read one by one"
            )
    references = tuple(roled)
    hits, _ = _first_of_each(
        (
            hit
            for hit in find_cues(text, prepared.folded, spots)
            if prepared.region_at(hit.start) is None
        ),
        lambda hit: hit.cue.name,
    )
    found_cues = tuple(hits)
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
