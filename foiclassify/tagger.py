"""The learned segment tagger: a role (TAXONOMY §6) for every segment of a letter.

Each segment is described by its own words (word 1-2-grams, numbers folded to ``0``) and by what
the rules see around it (:func:`segment_features`): its shape (heading, list item, table row,
sentence, short line), the quoted region it sits in, the cue signals and cited references inside
it, the rules' first reading of its role (:func:`foiclassify.roles.rule_roles`) and of its
neighbours', the heading it falls under, its place in the letter, and its figures. A logistic
regression over those features gives each segment a probability per role.

The tagger is trained by ``data/real/segeval.py`` on the hand-labelled segments of the train
split (``data/real/segments.jsonl``) and saved with skops beside its SHA-256, like the outcome
model (:mod:`foiclassify.model`); loading refuses any type not on :data:`TRUSTED_TYPES`.
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

TAGGER_FILE = "tagger.skops"
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
    """Word n-grams and rule features → a logistic regression over the roles of §6."""

    def __init__(self, words: Any = None, dicts: Any = None, classifier: Any = None, meta: dict[str, Any] | None = None):
        self.words, self.dicts, self.classifier = words, dicts, classifier
        self.meta = meta or {}

    def _matrix(self, letters: Sequence[Letter], fit: bool = False) -> Any:
        from scipy.sparse import hstack

        words = [w for letter in letters for w in letter.words]
        dicts = [f for letter in letters for f in letter.features]
        if fit:
            return hstack([self.words.fit_transform(words), self.dicts.fit_transform(dicts)]).tocsr()
        return hstack([self.words.transform(words), self.dicts.transform(dicts)]).tocsr()

    def fit(self, letters: Sequence[Letter], roles: Sequence[Sequence[str]], *, C: float = 1.0, seed: int = 0) -> "Tagger":
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"\S+")
        self.dicts = DictVectorizer()
        y = [role for row in roles for role in row]
        unknown = set(y) - set(SEGMENT_ROLES)
        if unknown:
            raise ValueError(f"not segment roles: {sorted(unknown)}")
        self.classifier = LogisticRegression(C=C, max_iter=3000, random_state=seed)
        self.classifier.fit(self._matrix(letters, fit=True), y)
        self.meta = {"C": C, "seed": seed, "segments": len(y), "letters": len(letters)}
        return self

    def proba(self, letters: Sequence[Letter]) -> list[list[dict[str, float]]]:
        """Per letter, per segment: the probability of each role."""
        if not any(letter.segments for letter in letters):
            return [[] for _ in letters]
        matrix = self.classifier.predict_proba(self._matrix(letters))
        classes = [str(c) for c in self.classifier.classes_]
        out, row = [], 0
        for letter in letters:
            out.append([dict(zip(classes, map(float, matrix[row + j]))) for j in range(len(letter.segments))])
            row += len(letter.segments)
        return out

    def roles(self, letters: Sequence[Letter]) -> list[list[tuple[str, float]]]:
        """Per letter, per segment: the most likely role and its probability."""
        return [[max(p.items(), key=lambda kv: kv[1]) for p in letter] for letter in self.proba(letters)]


TRUSTED_TYPES: tuple[str, ...] = (
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.feature_extraction._dict_vectorizer.DictVectorizer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "builtins.dict", "builtins.list", "builtins.tuple", "builtins.str", "builtins.int", "builtins.float",
    "builtins.bool", "builtins.NoneType", "builtins.slice", "builtins.type",
    "numpy.ndarray", "numpy.dtype", "numpy.float64", "numpy.int64", "numpy.int32", "numpy.bool_", "numpy.str_",
    "scipy.sparse._csr.csr_matrix", "scipy.sparse._csr.csr_array",
)


def save(tagger: Tagger, folder: str | Path) -> Path:
    """Write ``tagger.skops`` and ``tagger.json`` (its SHA-256 and what it was trained on)."""
    import skops.io as sio

    from .model import _sha256

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / TAGGER_FILE
    sio.dump({"words": tagger.words, "dicts": tagger.dicts, "classifier": tagger.classifier}, path)
    manifest = {"sha256": _sha256(path), **tagger.meta, "roles": [str(c) for c in tagger.classifier.classes_]}
    (folder / TAGGER_MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path


def load(folder: str | Path) -> Tagger:
    """Load a tagger written by :func:`save`; refuses a changed file or an untrusted type."""
    import skops.io as sio

    from .model import ModelError, _sha256, types_in

    folder = Path(folder)
    path, manifest_path = folder / TAGGER_FILE, folder / TAGGER_MANIFEST
    if not path.is_file() or not manifest_path.is_file():
        raise ModelError(f"{folder}: no tagger (needs {TAGGER_FILE} and {TAGGER_MANIFEST})")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if _sha256(path) != manifest.get("sha256"):
        raise ModelError(f"{path}: SHA-256 does not match {TAGGER_MANIFEST}: the file was changed or corrupted")
    untrusted = types_in(path) - set(TRUSTED_TYPES)
    if untrusted:
        raise ModelError(f"{path}: refuses to load types that are not on the trusted list: {', '.join(sorted(untrusted))}")
    bundle = sio.load(path, trusted=list(TRUSTED_TYPES))
    return Tagger(bundle["words"], bundle["dicts"], bundle["classifier"], manifest)


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
