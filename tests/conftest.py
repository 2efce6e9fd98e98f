from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"


@pytest.fixture(scope="session")
def dwp_letter() -> str:
    return (EXAMPLES / "dwp_letter_s43_whp.md").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def wdtk_thread() -> str:
    return (EXAMPLES / "wdtk_thread_dwp_coproduction.txt").read_text(encoding="utf-8")
