"""The learned segment tagger: a role (TAXONOMY §6) for every segment of a letter.

Each segment is described by its own words (word 1-2-grams, numbers folded to ``0``) and by what
the rules see around it (:func:`segment_features`): its shape (heading, list item, table row,
sentence, short line), the quoted region it sits in, the cue signals and cited references inside
it, the rules' first reading of its role (:func:`foiclassify.roles.rule_roles`) and of its
neighbours', the heading it falls under, its place in the letter, and its figures. A linear-chain
CRF (CRFsuite) over the sequence of segments gives each one a role and its probability.

The tagger is trained by ``data/real/segeval.py`` on the hand-labelled segments of the train
split (``data/real/segments.jsonl``). Its file is CRFsuite's binary model (weights and names, no
code to run), stored beside its SHA-256; loading refuses a changed file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .labels import SEGMENT_ROLES
from .result import RoledSegment
from .roles import rule_roles
from .rules import Findings
from .segments import Segment, segment_at, split_segments
from .text import Prepared

TAGGER_FILE = "tagger.crfsuite"
TAGGER_MANIFEST = "tagger.json"

_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[a-z][a-z'’]*|0")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_BULLET = re.compile(r"[ \t]*(?:[•·▪◦●○■□➢►‣\-–—*]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])")
_SALUTATION = re.compile(r"(?:dear|hello|hi)\b", re.IGNORECASE)
_SIGN_OFF = re.compile(r"(?:yours (?:sincerely|faithfully)|kind regards|best regards|regards)\b", re.IGNORECASE)


def normalise(words: str) -> str:
    """A segment's words for the n-gram features: lower case, every number as ``0``."""
    return " ".join(_WORD.findall(_DIGITS.sub("0", words.lower())))


@dataclass(frozen=True)
class Letter:
    """One message ready for tagging: its segments, their words and their features."""

    segments: tuple[Segment, ...]
    words: tuple[str, ...]
    features: tuple[dict[str, float], ...]
    rule_roles: tuple[str, ...]


def _bucket(n: int) -> str:
    return str(min(n, 3))


def segment_features(prepared: Prepared, findings: Findings, segments: Sequence[Segment] | None = None) -> Letter:
    """Describe every segment of one prepared message for the tagger (see the module doc)."""
    text = prepared.text
    segs = tuple(split_segments(text) if segments is None else segments)
    roles = rule_roles(prepared, findings, segs)
    n = len(segs)
    signals: list[set[str]] = [set() for _ in segs]
    refs: list[set[str]] = [set() for _ in segs]
    starts = [s.start for s in segs]
    for hit in findings.cues:
        i = segment_at(segs, starts, hit.start)
        if i is not None:
            signals[i].add(hit.cue.signal)
    for roled in findings.references:
        i = segment_at(segs, starts, roled.ref.start)
        if i is not None:
            refs[i].add(roled.role)

    normalised = [normalise(text[s.start:s.end]) for s in segs]
    features: list[dict[str, float]] = []
    greeted = signed = False
    heading = "none"  # the first words of the last heading above the segment
    for i, seg in enumerate(segs):
        words = text[seg.start:seg.end]
        if i and segs[i - 1].kind == "heading":
            heading = " ".join(normalised[i - 1].split()[:3])
        region = prepared.region_at(seg.start)
        if _SALUTATION.match(words):
            greeted = True
        f: dict[str, float] = {
            f"kind={seg.kind}": 1.0,
            f"region={region.kind if region else 'none'}": 1.0,
            f"rule={roles[i]}": 1.0,
            f"prev_rule={roles[i - 1] if i else 'start'}": 1.0,
            f"next_rule={roles[i + 1] if i + 1 < n else 'end'}": 1.0,
            f"prev_kind={segs[i - 1].kind if i else 'start'}": 1.0,
            f"next_kind={segs[i + 1].kind if i + 1 < n else 'end'}": 1.0,
            f"place={int(10 * i / max(n, 1))}": 1.0,
            f"greeted={greeted}": 1.0,
            f"signed={signed}": 1.0,
            f"figures={_bucket(len(_DIGITS.findall(words)))}": 1.0,
            f"length={min(len(words).bit_length(), 10)}": 1.0,
            f"heading={heading}": 1.0,
        }
        for w in set(normalised[i - 1].split()[:12]) if i else ():
            f[f"prev_word={w}"] = 1.0
        for w in set(normalised[i + 1].split()[:12]) if i + 1 < n else ():
            f[f"next_word={w}"] = 1.0
        for s in signals[i]:
            f[f"signal={s}"] = 1.0
        for s in signals[i - 1] if i else ():
            f[f"prev_signal={s}"] = 1.0
        for r in refs[i]:
            f[f"ref={r}"] = 1.0
        if "£" in words:
            f["pounds"] = 1.0
        if "%" in words:
            f["percent"] = 1.0
        if _YEAR.search(words):
            f["year"] = 1.0
        if _BULLET.match(words):
            f["bullet"] = 1.0
        stripped = words.rstrip()
        if stripped.endswith("?"):
            f["ends=?"] = 1.0
        elif stripped.endswith(":"):
            f["ends=:"] = 1.0
        elif stripped[-1:] not in ".!;)”\"":
            f["ends=open"] = 1.0
        features.append(f)
        if _SIGN_OFF.match(words):
            signed = True
    return Letter(segs, tuple(normalised), tuple(features), tuple(roles))


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
    def train(cls, letters: Sequence[Letter], roles: Sequence[Sequence[str]], path: str | Path, *, c1: float = 0.1, c2: float = 0.01, iterations: int = 150) -> "Tagger":
        """Fit on hand-labelled letters and write the model to ``path`` (deterministic)."""
        import pycrfsuite

        unknown = {role for row in roles for role in row} - set(SEGMENT_ROLES)
        if unknown:
            raise ValueError(f"not segment roles: {sorted(unknown)}")
        trainer = pycrfsuite.Trainer(verbose=False)
        for letter, row in zip(letters, roles):
            if letter.segments:
                trainer.append(crf_features(letter), list(row))
        trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
        trainer.train(str(path))
        meta = {"c1": c1, "c2": c2, "iterations": iterations, "letters": len(letters), "segments": sum(len(r) for r in roles)}
        return cls(path, meta)

    def roles(self, letters: Sequence[Letter]) -> list[list[tuple[str, float]]]:
        """Per letter, per segment: the role of the most likely sequence and its marginal probability."""
        out = []
        for letter in letters:
            if not letter.segments:
                out.append([])
                continue
            self._crf.set(crf_features(letter))
            tags = self._crf.tag()
            out.append([(tag, self._crf.marginal(tag, i)) for i, tag in enumerate(tags)])
        return out

    def proba(self, letters: Sequence[Letter]) -> list[list[dict[str, float]]]:
        """Per letter, per segment: the marginal probability of each role."""
        out = []
        for letter in letters:
            if not letter.segments:
                out.append([])
                continue
            self._crf.set(crf_features(letter))
            out.append([{label: self._crf.marginal(label, i) for label in self.labels} for i in range(len(letter.segments))])
        return out


def crf_features(letter: Letter) -> list[dict[str, float]]:
    """CRFsuite's input for one letter: each segment's features plus its words and word pairs."""
    items = []
    for words, features in zip(letter.words, letter.features):
        item = dict(features)
        tokens = words.split()
        for w in tokens:
            item["w=" + w] = 1.0
        for a, b in zip(tokens, tokens[1:]):
            item["b=" + a + "_" + b] = 1.0
        item["first=" + (tokens[0] if tokens else "")] = 1.0
        items.append(item)
    return items


def save(tagger: Tagger, folder: str | Path) -> Path:
    """Copy the tagger's model into ``folder`` as ``tagger.crfsuite`` beside ``tagger.json``
    (its SHA-256 and how it was trained)."""
    import shutil

    from .model import _sha256

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / TAGGER_FILE
    if tagger.path.resolve() != path.resolve():
        shutil.copyfile(tagger.path, path)
    manifest = {"sha256": _sha256(path), **tagger.meta, "roles": sorted(tagger.labels)}
    (folder / TAGGER_MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path


def load(folder: str | Path) -> Tagger:
    """Load a tagger written by :func:`save`; refuses a file whose SHA-256 differs from its manifest."""
    from .model import ModelError, _sha256

    folder = Path(folder)
    path, manifest_path = folder / TAGGER_FILE, folder / TAGGER_MANIFEST
    if not path.is_file() or not manifest_path.is_file():
        raise ModelError(f"{folder}: no tagger (needs {TAGGER_FILE} and {TAGGER_MANIFEST})")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if _sha256(path) != manifest.get("sha256"):
        raise ModelError(f"{path}: SHA-256 does not match {TAGGER_MANIFEST}: the file was changed or corrupted")
    try:
        return Tagger(path, manifest)
    except Exception as exc:  # CRFsuite could not read it
        raise ModelError(f"{path}: not a readable CRFsuite model ({type(exc).__name__}: {exc})") from exc


def tag(prepared: Prepared, findings: Findings, tagger: Tagger | None = None) -> tuple[RoledSegment, ...]:
    """The segments of one prepared message with their roles: the tagger's when one is given,
    else the rules' reading (``score`` None)."""
    if prepared.empty_reason:
        return ()
    if tagger is None:
        segments = split_segments(prepared.text)
        return tuple(RoledSegment(s.start, s.end, role) for s, role in zip(segments, rule_roles(prepared, findings, segments)))
    letter = segment_features(prepared, findings)
    return tuple(RoledSegment(s.start, s.end, role, round(p, 3)) for s, (role, p) in zip(letter.segments, tagger.roles([letter])[0]))
