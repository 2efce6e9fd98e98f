"""foiclassify: what a Freedom of Information reply decided, and why.

>>> from foiclassify import classify
>>> classify("The information you requested is exempt under section 40(2) of the FOIA.").exemptions
('FOIA:s40',)
"""

from typing import Any

__version__ = "0.1.0"

from .labels import EXEMPTIONS, OUTCOMES, exemption_name  # noqa: E402
from .pipeline import classify, classify_thread  # noqa: E402
from .result import Classification, CostEstimate, Evidence, Message, ThreadResult  # noqa: E402


def __getattr__(name: str) -> Any:
    # The batch functions need pandas: import them only when asked for.
    if name in ("label_dataframe", "label_stream"):
        from . import batch

        return getattr(batch, name)
    raise AttributeError(f"module 'foiclassify' has no attribute {name!r}")


__all__ = [
    "classify",
    "classify_thread",
    "label_dataframe",
    "label_stream",
    "Classification",
    "CostEstimate",
    "Evidence",
    "Message",
    "ThreadResult",
    "OUTCOMES",
    "EXEMPTIONS",
    "exemption_name",
    "__version__",
]
