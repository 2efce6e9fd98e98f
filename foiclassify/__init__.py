"""foiclassify: what a Freedom of Information reply decided, and why.

>>> from foiclassify import classify
>>> classify("The information you requested is exempt under section 40(2) of the FOIA.").exemptions
('FOIA:s40',)
"""

from .labels import EXEMPTIONS, OUTCOMES, exemption_name
from .pipeline import classify, classify_thread
from .result import Classification, CostEstimate, Evidence, Message, ThreadResult

__version__ = "0.1.0"

__all__ = [
    "classify",
    "classify_thread",
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
