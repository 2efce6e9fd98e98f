"""Running each cue only near its keywords must find exactly what a full scan finds."""

import re

from foiclassify.rules.cues import CUES, find_cues
from foiclassify.text import fold

from .test_outcomes import CASES


def _full_scan(text):
    flat = fold(text)
    hits = []
    for cue in CUES:
        hits += [(m.start(), m.end(), cue.name) for m in re.finditer(cue.pattern, flat)]
    return sorted(hits)


def test_windowed_cues_equal_full_scan(dwp_letter, wdtk_thread):
    texts = [dwp_letter, wdtk_thread] + [text for _, text in CASES]
    for text in texts:
        assert [(h.start, h.end, h.cue.name) for h in find_cues(text)] == _full_scan(text)


def test_every_cue_has_keywords_in_lower_case():
    for cue in CUES:
        assert cue.keywords, cue.name
        assert all(k == k.lower() and "\n" not in k for k in cue.keywords), cue.name
