"""The learned segment tagger: a role (TAXONOMY §6) for every segment of a letter.

Each segment is described by its own words (word 1-2-grams, numbers folded to ``0``) and by what
the rules see around it (:func:`segment_features`): its shape (heading, list item, table row,
sentence, short line, an answer marker such as "A:" or "Response:"), the quoted region it sits
in, the cue signals and cited references inside it, the rules' first reading of its role
(:func:`foiclassify.roles.rule_roles`) and of its neighbours', the heading it falls under, its
place in the letter, and its figures. A linear-chain CRF (CRFsuite) over the sequence of segments
gives each one a role and its probability.

The tagger is trained by ``data/real/segeval.py`` on the hand-labelled segments of the train
split (``data/real/segments.jsonl``). Its file is CRFsuite's binary model (weights and names, no
code to run), stored beside its SHA-256; loading refuses a changed file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .labels import SEGMENT_ROLES
from .resources import TAGGER_FILE, TAGGER_MANIFEST, ModelError, default_model_folder, sha256_of
from .result import RoledSegment
from .roles import DECIDING_ROLES, rule_roles
from .rules import Findings
from .segments import KINDS, Segment, by_segment, split_segments
from .text import BOILERPLATE, LINK_BLOCK, QUOTED_EMAIL, QUOTED_REQUEST, Prepared

# "name=value" feature strings, built once: (name, value) → the string
_NAME: dict[tuple[str, object], str] = {
    (name, value): f"{name}={value}"
    for name, values in (
        ("kind", KINDS),
        ("prev_kind", (*KINDS, "start")),
        ("next_kind", (*KINDS, "end")),
        ("rule", SEGMENT_ROLES),
        ("prev_rule", (*SEGMENT_ROLES, "start")),
        ("next_rule", (*SEGMENT_ROLES, "end")),
        ("region", (QUOTED_REQUEST, QUOTED_EMAIL, BOILERPLATE, LINK_BLOCK, "none")),
        ("place", range(10)),
        ("greeted", (False, True)),
        ("signed", (False, True)),
        ("figures", range(4)),
        ("length", range(11)),
    )
    for value in values
}
_TOKEN = re.compile(r"[a-z][a-z'’]*|\d+")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BULLET = re.compile(r"[ \t]*(?:[•·▪◦●○■□➢►‣\-–—*]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])")
# "A:", "Answer 2 -", "Response:", "R1)": the segment is marked as the answer to a question
_ANSWER_MARK = re.compile(r"[ \t]*(?:a|ans|answer|response|reply|r)[ \t]*\d*[ \t]*[:.\-–)]", re.I)
_SALUTATION = re.compile(r"(?:dear|hello|hi)\b", re.IGNORECASE)
_SIGN_OFF = re.compile(
    r"(?:yours (?:sincerely|faithfully)|kind regards|best regards|regards)\b", re.IGNORECASE
)


def tokens_of(lowered: str, start: int, end: int) -> list[str]:
    """The words of ``lowered[start:end]`` (lower-case text) for the n-gram features, every number
    as ``0``."""
    return ["0" if token[0].isdigit() else token for token in _TOKEN.findall(lowered, start, end)]


@dataclass(frozen=True)
class Letter:
    """One message ready for tagging: its segments, their features (CRFsuite's input: one list
    of feature names per segment) and the rules' reading of their roles."""

    segments: tuple[Segment, ...]
    features: tuple[list[str], ...]
    rule_roles: tuple[str, ...]


def segment_features(
    prepared: Prepared,
    findings: Findings,
    segments: Sequence[Segment] | None = None,
    roles: Sequence[str] | None = None,
) -> Letter:
    """Describe every segment of one prepared message for the tagger (see the module doc).
    ``segments`` and the rules' ``roles`` of them are computed when not given."""
    text = prepared.text
    segs = tuple(split_segments(text) if segments is None else segments)
    roles = rule_roles(prepared, findings, segs) if roles is None else list(roles)
    n = len(segs)
    marks = by_segment(
        segs,
        [  # cue signals and reference roles inside each segment
            *((hit.start, "signal=" + hit.cue.signal) for hit in findings.cues),
            *((roled.ref.start, "ref=" + roled.role) for roled in findings.references),
        ],
    )
    lowered = prepared.folded or text.lower()  # same offsets as the text
    token_lists = [tokens_of(lowered, s.start, s.end) for s in segs]
    features: list[list[str]] = []
    greeted = signed = False
    heading = "heading=none"  # the first words of the last heading above the segment
    kinds = [
        "start",
        *(s.kind for s in segs),
        "end",
    ]  # shifted by one: kinds[i] is the previous segment's
    rules_around = ["start", *roles, "end"]
    for i, seg in enumerate(segs):
        words = text[seg.start : seg.end]
        if i and kinds[i] == "heading":
            heading = "heading=" + " ".join(token_lists[i - 1][:3])
        region = prepared.region_at(seg.start)
        if _SALUTATION.match(words):
            greeted = True
        tokens = token_lists[i]
        f = set(marks[i])
        f.update(["w=" + w for w in tokens])
        f.update(["s=" + w[:5] for w in tokens])  # a stem: "withheld", "withholding" → "withh"
        f.update(["b=" + a + "_" + b for a, b in zip(tokens, tokens[1:])])
        f.update(
            (
                _NAME["kind", seg.kind],
                _NAME["region", region.kind if region else "none"],
                _NAME["rule", roles[i]],
                _NAME["prev_rule", rules_around[i]],
                _NAME["next_rule", rules_around[i + 2]],
                _NAME["prev_kind", kinds[i]],
                _NAME["next_kind", kinds[i + 2]],
                _NAME["place", 10 * i // n],
                _NAME["greeted", greeted],
                _NAME["signed", signed],
                _NAME["figures", min(tokens.count("0"), 3)],  # numbers are tokens "0"
                _NAME["length", min(len(words).bit_length(), 10)],
                heading,
                "first=" + (tokens[0] if tokens else ""),
            )
        )
        if i:
            f.update("prev_" + m for m in marks[i - 1] if m.startswith("signal="))
        if "£" in words:
            f.add("pounds")
        if "%" in words:
            f.add("percent")
        if _YEAR.search(words):
            f.add("year")
        if _BULLET.match(words):
            f.add("bullet")
        if _ANSWER_MARK.match(words):
            f.add("answer_marker")
        last = words.rstrip()[-1:]
        if last == "?":
            f.add("ends=?")
        elif last == ":":
            f.add("ends=:")
        elif last not in '.!;)”"':
            f.add("ends=open")
        features.append(list(f))
        if _SIGN_OFF.match(words):
            signed = True
    return Letter(segs, tuple(features), tuple(roles))


@dataclass(frozen=True)
class Reading:
    """The tagger's reading of one letter.

    ``roles``: per segment, the role of the most likely sequence and its marginal probability.
    ``marginals``: per role that states a decision (answer, withheld, not_held), each segment's
    marginal probability of that role, whatever role the segment was given.
    """

    roles: tuple[tuple[str, float], ...]
    marginals: dict[str, tuple[float, ...]]

    def presence(self, role: str) -> float:
        """The probability that at least one segment has ``role`` (segments taken as independent:
        one minus the product of the probabilities that each does not). Many segments that each
        might withhold add up; one segment that surely does is enough.

        >>> round(Reading((), {"answer": (0.5, 0.5)}).presence("answer"), 2)
        0.75
        """
        absent = 1.0
        for p in self.marginals.get(role, ()):
            absent *= 1.0 - p
        return 1.0 - absent

    def likeliest(self, role: str) -> float:
        """The probability of ``role`` at the segment most likely to have it (0 when none can).

        >>> Reading((), {"answer": (0.5, 0.5)}).likeliest("answer")
        0.5
        """
        return max(self.marginals.get(role, ()), default=0.0)


class Tagger:
    """A linear-chain CRF (CRFsuite) over the segments of a letter: each segment's features and
    the transitions between neighbouring roles (a request runs on; an answer follows a question).

    The model is CRFsuite's own binary file (weights and label names, no code), read from
    ``path``.
    """

    def __init__(self, path: str | Path, meta: dict[str, Any] | None = None):
        import pycrfsuite

        self.path = Path(path)
        self.meta = meta or {}
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(self.path))
        self.labels = tuple(self._crf.labels())

    @classmethod
    def train(
        cls,
        letters: Sequence[Letter],
        roles: Sequence[Sequence[str]],
        path: str | Path,
        *,
        c1: float = 0.2,
        c2: float = 0.5,
        iterations: int = 150,
    ) -> Tagger:
        """Fit on hand-labelled letters and write the model to ``path`` (deterministic)."""
        import pycrfsuite

        unknown = {role for row in roles for role in row} - set(SEGMENT_ROLES)
        if unknown:
            raise ValueError(f"not segment roles: {sorted(unknown)}")
        trainer = pycrfsuite.Trainer(verbose=False)
        for letter, row in zip(letters, roles):
            if letter.segments:
                trainer.append(
                    [sorted(f) for f in letter.features], list(row)
                )  # sorted: the same file every time
        trainer.set_params(
            {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True}
        )
        trainer.train(str(path))
        meta = {
            "c1": c1,
            "c2": c2,
            "iterations": iterations,
            "letters": len(letters),
            "segments": sum(len(r) for r in roles),
        }
        return cls(path, meta)

    def read(self, letters: Sequence[Letter]) -> list[Reading]:
        """Each letter's :class:`Reading`: the most likely sequence of roles, and for each role
        that states a decision, every segment's marginal probability of it."""
        out: list[Reading] = []
        for letter in letters:
            if not letter.segments:
                out.append(Reading((), {}))
                continue
            self._crf.set(letter.features)
            tags = self._crf.tag()
            marginal = self._crf.marginal
            out.append(
                Reading(
                    tuple((tag, marginal(tag, i)) for i, tag in enumerate(tags)),
                    {
                        role: tuple(marginal(role, i) for i in range(len(tags)))
                        for role in DECIDING_ROLES
                        if role in self.labels
                    },
                )
            )
        return out

    def roles(self, letters: Sequence[Letter]) -> list[list[tuple[str, float]]]:
        """Per letter, per segment: the role of the most likely sequence and its marginal
        probability."""
        return [list(reading.roles) for reading in self.read(letters)]


def save(tagger: Tagger, folder: str | Path) -> Path:
    """Copy the tagger's model into ``folder`` as ``tagger.crfsuite`` beside ``tagger.json``
    (its SHA-256 and how it was trained)."""
    import shutil

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / TAGGER_FILE
    if tagger.path.resolve() != path.resolve():
        shutil.copyfile(tagger.path, path)
    manifest = {"sha256": sha256_of(path), **tagger.meta, "roles": sorted(tagger.labels)}
    (folder / TAGGER_MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path


def load(folder: str | Path) -> Tagger:
    """Load a tagger written by :func:`save`; refuses a file whose SHA-256 differs from its
    manifest."""
    folder = Path(folder)
    path, manifest_path = folder / TAGGER_FILE, folder / TAGGER_MANIFEST
    if not path.is_file() or not manifest_path.is_file():
        raise ModelError(f"{folder}: no tagger (needs {TAGGER_FILE} and {TAGGER_MANIFEST})")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if sha256_of(path) != manifest.get("sha256"):
        raise ModelError(
            f"{path}: SHA-256 does not match {TAGGER_MANIFEST}: the file was changed or corrupted"
        )
    try:
        return Tagger(path, manifest)
    except Exception as exc:  # CRFsuite could not read it
        raise ModelError(
            f"{path}: not a readable CRFsuite model ({type(exc).__name__}: {exc})"
        ) from exc


# The tagger reads at most this many segments of a message (a letter has tens; a text with
# thousands of short lines is not one letter), so its cost per message is bounded.
MAX_TAGGED = 400
# ... and only messages of at least this many segments: one or two lines have no structure to read.
MIN_TAGGED = 3


def rule_reading(prepared: Prepared, findings: Findings) -> tuple[list[Segment], list[str]]:
    """The message's segments and the rules' reading of their roles (none for an empty message)."""
    if prepared.empty_reason:
        return [], []
    segments = split_segments(prepared.text)
    return segments, rule_roles(prepared, findings, segments)


def as_roled(
    segments: Sequence[Segment], roles: Sequence[str], scores: Sequence[float | None] = ()
) -> tuple[RoledSegment, ...]:
    """``RoledSegment`` tuples for the result (``score`` None where none is given)."""
    scores = list(scores) + [None] * (len(segments) - len(scores))
    return tuple(
        RoledSegment(s.start, s.end, role, None if p is None else round(p, 3))
        for s, role, p in zip(segments, roles, scores)
    )


def tag(
    tagger: Tagger,
    prepared: Prepared,
    findings: Findings,
    segments: Sequence[Segment],
    roles: Sequence[str],
) -> Reading:
    """The tagger's reading of the first :data:`MAX_TAGGED` segments (``roles`` is the rules'
    reading of them, one of the tagger's features)."""
    head = segments[:MAX_TAGGED]
    return tagger.read([segment_features(prepared, findings, head, roles[: len(head)])])[0]


@lru_cache(maxsize=1)
def load_default() -> Tagger | None:
    """The tagger shipped in ``models/default/``, loaded once per process, or None."""
    folder = default_model_folder()
    return load(folder) if (folder / TAGGER_FILE).is_file() else None
