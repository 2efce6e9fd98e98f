"""The trained model: features, training, and loading a saved model safely.

A model is two scikit-learn pipelines saved together with skops (a format that cannot run code
when loaded): an outcome classifier with calibrated probabilities, and a one-vs-rest exemption
classifier for the codes the training data has enough examples of. Both read

- the message's own words (quoted requests, quoted emails and complaint boilerplate removed, as
  the rules do), tokenised by spaCy's English tokenizer, as word 1-2-grams and character 3-5-grams
  (TF-IDF), and
- the rules' cue signals as counts (:class:`CueCounts`), so the model learns from what the rules see.

Loading checks, before anything is built, that the file holds only types on an explicit list
(:data:`TRUSTED_TYPES`), and that its SHA-256 matches the one recorded in ``model.json`` beside it.

No model ships yet: :func:`load_default` returns ``None`` and the library labels with its rules.
"""  # noqa: E501 (doctest lines)

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .resources import MANIFEST_FILE, MODEL_FILE, ModelError, default_model_folder, sha256_of
from .rules.cues import CUES, find_cues
from .text import prepare

SIGNALS: tuple[str, ...] = tuple(sorted({cue.signal for cue in CUES}))


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def own_words(text: object) -> str:
    """The message's own words for the model: regions that are not the writer's removed,
    spaCy-tokenised, lower-cased, numbers as ``0``, punctuation dropped."""
    try:
        prepared = prepare(text)
    except TypeError:
        return ""
    kept, pos = [], 0
    for region in prepared.regions:
        kept.append(prepared.text[pos : region.start])
        pos = region.end
    kept.append(prepared.text[pos:])
    tokens = _tokenizer()(" ".join(kept)[:200_000])
    return " ".join(
        "0" if tok.like_num else tok.lower_ for tok in tokens if not (tok.is_punct or tok.is_space)
    )


class OwnWords(BaseEstimator, TransformerMixin):
    """Texts → :func:`own_words` of each (stateless)."""

    def fit(self, X: Sequence[object], y: object = None) -> OwnWords:
        return self

    def transform(self, X: Sequence[object]) -> list[str]:
        return [own_words(x) for x in X]


class CueCounts(BaseEstimator, TransformerMixin):
    """Texts → a matrix of how often each rule signal occurs outside quoted text (stateless)."""

    def fit(self, X: Sequence[object], y: object = None) -> CueCounts:
        return self

    def transform(self, X: Sequence[object]) -> np.ndarray:
        out = np.zeros((len(X), len(SIGNALS)), dtype=float)
        index = {signal: i for i, signal in enumerate(SIGNALS)}
        for row, x in enumerate(X):
            try:
                prepared = prepare(x)
            except TypeError:
                continue
            for hit in find_cues(prepared.text, prepared.folded):
                if prepared.region_at(hit.start) is None:
                    out[row, index[hit.cue.signal]] += 1
        return np.log1p(out)


def _features() -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion, Pipeline

    text = Pipeline(
        [
            ("own_words", OwnWords()),
            (
                "ngrams",
                FeatureUnion(
                    [
                        ("words", TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True)),
                        (
                            "chars",
                            TfidfVectorizer(
                                analyzer="char_wb",
                                ngram_range=(3, 5),
                                min_df=2,
                                sublinear_tf=True,
                                max_features=100_000,
                            ),
                        ),
                    ]
                ),
            ),
        ]
    )
    return FeatureUnion([("text", text), ("cues", CueCounts())])


def build_outcome_model(labels: Sequence[str], seed: int = 0) -> Any:
    """Features → logistic regression, calibrated (sigmoid, 3-fold) when every class has 3
    examples."""
    from collections import Counter

    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    base = LogisticRegression(max_iter=3000, C=10.0, class_weight="balanced", random_state=seed)
    smallest = min(Counter(labels).values())
    classifier = CalibratedClassifierCV(base, method="sigmoid", cv=3) if smallest >= 3 else base
    return Pipeline([("features", _features()), ("classifier", classifier)])


def build_exemption_model(seed: int = 0) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            ("features", _features()),
            (
                "classifier",
                OneVsRestClassifier(
                    LogisticRegression(
                        max_iter=3000, C=10.0, class_weight="balanced", random_state=seed
                    )
                ),
            ),
        ]
    )


class Model:
    """A loaded model: outcome probabilities and exemption probabilities for texts."""

    def __init__(
        self, outcome: Any, exemptions: Any | None, codes: Sequence[str], meta: dict[str, Any]
    ):
        self.outcome = outcome
        self.exemptions = exemptions
        self.codes = tuple(codes)
        self.meta = meta

    def outcome_proba(self, texts: Sequence[object]) -> list[dict[str, float]]:
        proba = self.outcome.predict_proba(list(texts))
        return [dict(zip(map(str, self.outcome.classes_), map(float, row))) for row in proba]

    def exemption_proba(self, texts: Sequence[object]) -> list[dict[str, float]]:
        if self.exemptions is None:
            return [{} for _ in texts]
        proba = self.exemptions.predict_proba(list(texts))
        return [dict(zip(self.codes, map(float, row))) for row in proba]


def train(
    texts: Sequence[object],
    outcomes: Sequence[str],
    exemptions: Sequence[Sequence[str]],
    *,
    seed: int = 0,
    min_code_examples: int = 3,
) -> Model:
    """Fit both classifiers (deterministic for a given seed and data)."""
    from collections import Counter

    from sklearn.preprocessing import MultiLabelBinarizer

    outcome_model = build_outcome_model(outcomes, seed).fit(list(texts), list(outcomes))
    counts = Counter(code for row in exemptions for code in row)
    codes = sorted(code for code, n in counts.items() if n >= min_code_examples)
    exemption_model = None
    if codes:
        binarizer = MultiLabelBinarizer(classes=codes)
        y = binarizer.fit_transform([[c for c in row if c in codes] for row in exemptions])
        if all(0 < y[:, j].sum() < len(y) for j in range(y.shape[1])):
            exemption_model = build_exemption_model(seed).fit(list(texts), y)
    meta = {
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
        "examples": len(texts),
        "seed": seed,
        "codes": codes,
    }
    return Model(outcome_model, exemption_model, codes, meta)


# ---------------------------------------------------------------------------------------------
# Saving and loading safely

#: Every type a foiclassify model file may hold. Loading refuses a file with any other type.
TRUSTED_TYPES: tuple[str, ...] = (
    "foiclassify.model.OwnWords",
    "foiclassify.model.CueCounts",
    "sklearn.pipeline.Pipeline",
    "sklearn.pipeline.FeatureUnion",
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.calibration.CalibratedClassifierCV",
    "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration",
    "sklearn.multiclass.OneVsRestClassifier",
    "sklearn.preprocessing._label.LabelBinarizer",
    "builtins.dict",
    "builtins.list",
    "builtins.tuple",
    "builtins.str",
    "builtins.int",
    "builtins.float",
    "builtins.bool",
    "builtins.NoneType",
    "builtins.slice",
    "builtins.type",
    "numpy.ndarray",
    "numpy.dtype",
    "numpy.float64",
    "numpy.int64",
    "numpy.int32",
    "numpy.bool_",
    "numpy.str_",
    "scipy.sparse._csr.csr_matrix",
    "scipy.sparse._csr.csr_array",
)


def types_in(path: Path) -> set[str]:
    """Every ``module.Class`` named in a skops file's schema (read as JSON; nothing is built)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        schema = json.loads(archive.read("schema.json"))
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "__class__" in node and "__module__" in node:
                found.add(f"{node['__module__']}.{node['__class__']}")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return found


def save(model: Model, folder: str | Path) -> Path:
    """Write ``model.skops`` and ``model.json`` (SHA-256, labels, versions) into ``folder``."""
    import sklearn
    import skops
    import skops.io as sio

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MODEL_FILE
    sio.dump(
        {"outcome": model.outcome, "exemptions": model.exemptions, "codes": list(model.codes)}, path
    )
    manifest = {
        "sha256": sha256_of(path),
        **model.meta,
        "outcomes": [str(c) for c in model.outcome.classes_],
        "versions": {
            "scikit-learn": sklearn.__version__,
            "skops": skops.__version__,
            "numpy": np.__version__,
        },
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return path


def load(folder: str | Path, *, trust: bool = False) -> Model:
    """Load a model folder written by :func:`save`, refusing a tampered or untrusted file.

    A folder other than the shipped model needs ``trust=True``: say so explicitly to load a model
    you made or were given. Either way the file's SHA-256 must match its ``model.json`` and it may
    hold only the types in :data:`TRUSTED_TYPES`. Raises :class:`ModelError` with one line saying
    what is wrong; never executes code from the file.
    """
    import skops.io as sio

    folder = Path(folder)
    if not trust and folder.resolve() != default_model_folder().resolve():
        raise ModelError(
            f"{folder}: not the shipped model; load it with trust=True (on the command line, "
            f"--model "
            f"says so)"
        )
    path, manifest_path = folder / MODEL_FILE, folder / MANIFEST_FILE
    if not path.is_file() or not manifest_path.is_file():
        raise ModelError(f"{folder}: not a model folder (needs {MODEL_FILE} and {MANIFEST_FILE})")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        expected = manifest["sha256"]
    except (ValueError, KeyError) as exc:
        raise ModelError(f"{manifest_path}: unreadable manifest ({exc})") from exc
    actual = sha256_of(path)
    if actual != expected:
        raise ModelError(
            f"{path}: SHA-256 {actual[:12]}… does not match the recorded {str(expected)[:12]}…: "
            f"the file was changed or corrupted"
        )
    try:
        untrusted = types_in(path) - set(TRUSTED_TYPES)
    except Exception as exc:  # not a skops archive at all
        raise ModelError(
            f"{path}: not a readable skops file ({type(exc).__name__}: {exc})"
        ) from exc
    if untrusted:
        raise ModelError(
            f"{path}: refuses to load types that are not on the trusted list: "
            f"{', '.join(sorted(untrusted))}"
        )
    try:
        bundle = sio.load(path, trusted=list(TRUSTED_TYPES))
    except Exception as exc:
        raise ModelError(f"{path}: could not be loaded ({type(exc).__name__}: {exc})") from exc
    return Model(bundle["outcome"], bundle["exemptions"], bundle["codes"], manifest)


@lru_cache(maxsize=1)
def load_default() -> Model | None:
    """The model shipped with the package, loaded once per process; ``None`` while none ships."""
    folder = default_model_folder()
    if not (folder / MODEL_FILE).is_file():
        return None
    return load(folder)  # the shipped folder needs no opt-in
