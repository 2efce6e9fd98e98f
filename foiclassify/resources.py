"""Where files shipped with the package live (no heavy imports here)."""

from __future__ import annotations

import hashlib
from importlib.resources import files
from pathlib import Path

MODEL_FILE = "model.skops"  # the model, saved with skops
MANIFEST_FILE = "model.json"  # its SHA-256, labels and library versions
TAGGER_FILE = "tagger.crfsuite"  # the segment tagger, CRFsuite's own binary format
TAGGER_MANIFEST = "tagger.json"  # its SHA-256 and how it was trained


def default_model_folder() -> Path:
    """The shipped model: ``models/default/`` in the repository, installed as package data of
    ``foiclassify.models``."""
    return Path(str(files("foiclassify.models"))) / "default"


class ModelError(RuntimeError):
    """A model file that is missing, corrupt, tampered with, or holds types not on the trusted
    list."""


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
