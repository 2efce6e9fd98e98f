"""Calibrated confidence: the estimated probability that a result's outcome is right.

The rules' support score and the tagger's segment probability say how much the text supports an
outcome, not how often such an outcome is right. A logistic regression over a few signals of each
result (:func:`features`: the outcome, whether the rules or the tagged segments decided, the
support score, how many cues agree or differ, codes cited, the text's length and share of
figures, the jurisdiction, an unread attachment, a review, neither-confirm-nor-deny) maps them to
that probability. It is fitted by ``data/real/calibrate.py`` on the train split of
``data/real/`` (its penalty chosen by cross-validation grouped by authority) and ships as
``models/default/calibration.json``: feature names, weights and the review threshold, plain
numbers and no code. ``CALIBRATION_CARD.md`` beside it has the reliability diagram, the expected
calibration error and the coverage table on the test split.

``needs_review`` is true below the threshold; ``classify(..., review_threshold=t)`` sets another.
"""

from __future__ import annotations

import json
import math
import operator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .labels import OUTCOMES
from .resources import ModelError, default_model_folder
from .result import Classification

CALIBRATION_FILE = "calibration.json"

# The signals, in order; a calibration file names them, and one that names others is refused.
FEATURE_NAMES: tuple[str, ...] = (
    *(f"outcome={o}" for o in OUTCOMES),
    "decided_by_segments",
    "support_score",
    "cues_log",
    "distinct_cue_labels",
    "codes_cited",
    "length_log",
    "uk",
    "attachment_unread",
    "internal_review",
    "figure_share",
    "outcome_cues_differing",
    "ncnd",
)
_DIGITS = "0123456789"
_OUTCOME_INDEX = {o: i for i, o in enumerate(OUTCOMES)}


def features(text: str, result: Classification) -> list[float]:
    """The signals of one result (see :data:`FEATURE_NAMES`), each a number of order 1."""
    cues = [e for e in result.evidence if e.role == "cue"]
    labels = {e.label for e in cues}
    digits = sum(map(text.count, _DIGITS))
    outcome = [0.0] * len(OUTCOMES)
    outcome[_OUTCOME_INDEX[result.outcome]] = 1.0
    return [
        *outcome,
        1.0 if any(e.source == "model" for e in result.evidence) else 0.0,
        result.confidence,
        math.log1p(len(cues)),
        float(len(labels)),
        float(min(len(result.exemptions), 3)),
        math.log1p(len(text)) / 10,
        1.0 if result.jurisdiction in ("UK", "UK-SCT") else 0.0,
        1.0 if "whose text was not supplied" in result.reason else 0.0,
        1.0 if result.stage == "internal_review" else 0.0,
        min(20 * digits / max(len(text), 1), 1.0),
        float(len(labels & set(OUTCOMES))),
        1.0 if result.ncnd else 0.0,
    ]


@dataclass(frozen=True)
class Calibration:
    """A fitted calibration: ``p = 1 / (1 + exp(-(intercept + weights · features)))``."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float  # below it, a result needs review
    meta: dict[str, Any]

    def probability(self, values: list[float]) -> float:
        z = self.intercept + sum(map(operator.mul, self.weights, values))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(FEATURE_NAMES),
            "weights": list(self.weights),
            "intercept": self.intercept,
            "threshold": self.threshold,
            **self.meta,
        }


def read(data: dict[str, Any]) -> Calibration:
    """A calibration from its JSON; :class:`~foiclassify.resources.ModelError` when it was made
    for other signals than this code computes."""
    if tuple(data.get("features", ())) != FEATURE_NAMES:
        raise ModelError(
            "calibration.json was fitted on other signals than this version computes: "
            "refit it with data/real/calibrate.py"
        )
    meta = {
        k: v for k, v in data.items() if k not in ("features", "weights", "intercept", "threshold")
    }
    return Calibration(
        tuple(float(w) for w in data["weights"]),
        float(data["intercept"]),
        float(data["threshold"]),
        meta,
    )


@lru_cache(maxsize=1)
def load_default() -> Calibration | None:
    """The calibration shipped in ``models/default/``, read once per process, or None."""
    path = default_model_folder() / CALIBRATION_FILE
    return read(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else None


def calibrated(
    text: str, result: Classification, calibration: Calibration, threshold: float | None = None
) -> Classification:
    """``result`` with ``confidence`` the estimated probability that its outcome is right and
    ``needs_review`` set below ``threshold`` (the calibration's own when None)."""
    p = round(calibration.probability(features(text, result)), 3)
    return replace(
        result,
        confidence=p,
        needs_review=p < (calibration.threshold if threshold is None else threshold),
    )
