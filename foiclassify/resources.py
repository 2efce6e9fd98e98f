"""Where files shipped with the package live (no heavy imports here)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

MODEL_FILE = "model.skops"  # the model, saved with skops
MANIFEST_FILE = "model.json"  # its SHA-256, labels and library versions


def default_model_folder() -> Path:
    """The shipped model: ``models/default/`` in the repository, installed as package data of
    ``foiclassify.models``."""
    return Path(str(files("foiclassify.models"))) / "default"
