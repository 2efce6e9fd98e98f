"""Where files shipped with the package live (no heavy imports here)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def default_model_folder() -> Path:
    """The shipped model: ``models/default/`` in the repository, installed as package data of
    ``foiclassify.models``."""
    return Path(str(files("foiclassify.models"))) / "default"
