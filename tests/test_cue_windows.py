"""Running a pattern only near its keywords must find exactly what a full scan finds."""

import json
import re
from pathlib import Path

import pytest

from foiclassify.rules.cues import CUES, find_cues
from foiclassify.text import fold

from .test_outcomes import CASES

REAL = Path(__file__).resolve().parent.parent / "data/real/replies.jsonl"
# Real replies: the layouts, quotes and wordings these shortcuts must not miss.
REAL_TEXTS = [json.loads(line)["text"] for line in REAL.read_text(encoding="utf-8").splitlines() if line.strip()]
QUOTE_OPENINGS = (
    "Dear Jo\n\nYou asked:\nHow many?\n\nResponse\nNone.",
    "In your request of 3 May, you asked for the following:\nthe costs\nOur response:\nHeld.",
    "Your request was as follows:\n  the list\n\nI can confirm we hold it.",
    "**Request:**\nAll files\n\nwe enclose them",
    "REQUEST DETAILS\nall\nyour request reads:\nthe\nrequest",
    "Your request is replicated below, with our answer.\n1. x",
    "Thank you. The Request Is Set Out Below\nthe figures\n\nRequest:\nmore",
    "you said:\n x\nyou wrote:\n y\nyou requested the following information:\nz",
)


def _full_scan(text):
    flat = fold(text)
    hits = []
    for cue in CUES:
        hits += [(m.start(), m.end(), cue.name) for m in re.finditer(cue.pattern, flat)]
    return sorted(hits)


def test_windowed_cues_equal_full_scan(dwp_letter, wdtk_thread):
    texts = [dwp_letter, wdtk_thread] + [text for _, text in CASES] + REAL_TEXTS
    for text in texts:
        assert [(h.start, h.end, h.cue.name) for h in find_cues(text)] == _full_scan(text)


def test_every_cue_has_keywords_in_lower_case():
    for cue in CUES:
        assert cue.keywords, cue.name
        assert all(k == k.lower() and "\n" not in k for k in cue.keywords), cue.name


def test_references_tried_at_trigger_words_equal_full_scan(dwp_letter, wdtk_thread):
    from foiclassify.rules.sections import _REFERENCE, KEYWORDS, _reference_matches

    odd = "S.40(2), s 43 and ss. 21-24; Sec. 12; REG 12(5)(e); Exemptions under section 31; adran 40; rheoliad 13; 1s40 x.s41 es 4"
    for text in [dwp_letter, wdtk_thread, odd] + [text for _, text in CASES] + REAL_TEXTS:
        assert [m.span() for m in _reference_matches(text, KEYWORDS.find(fold(text)))] == [m.span() for m in _REFERENCE.finditer(text)]


def test_region_patterns_searched_near_keywords_equal_full_scan(dwp_letter, wdtk_thread):
    from foiclassify import text as t

    cases = [
        (t._BOILERPLATE_HEADING, t._BOILERPLATE_HEADING_WORDS),
        (t._BOILERPLATE_PARAGRAPH, t._BOILERPLATE_KEYWORDS),
        (t._YOU_ASKED, ("you asked",)),
    ]
    for text in [dwp_letter, wdtk_thread] + [text for _, text in CASES] + REAL_TEXTS + list(QUOTE_OPENINGS):
        spots = t.REGION_KEYWORDS.find(fold(text))
        for pattern, keywords in cases:
            assert [m.span() for m in t.search_near(pattern, text, spots, keywords)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", QUOTE_OPENINGS)
def test_quoted_request_openings_are_found(text):
    from foiclassify import text as t

    assert list(t._QUOTE_REQUEST_OPEN.finditer(text)), "the sample must hold an opening, or the next test proves nothing"


def test_line_patterns_tried_at_keyword_lines_equal_full_scan(dwp_letter, wdtk_thread):
    from foiclassify import text as t

    for text in [dwp_letter, wdtk_thread] + [text for _, text in CASES] + REAL_TEXTS + list(QUOTE_OPENINGS):
        spots = t.REGION_KEYWORDS.find(fold(text))
        assert t._request_openings(text, spots) == [m.end() for m in t._QUOTE_REQUEST_OPEN.finditer(text)]


def test_quoted_email_blocks_equal_full_scan(wdtk_thread):
    from foiclassify import text as t

    samples = [wdtk_thread, "> a\n>b\n\nx > y\n  > c\n\t>d", ">", "a\n>", "x\n \n> q\r\n> r", "no quotes here"]
    for text in samples:
        assert t._gt_quoted_blocks(text) == [m.span() for m in t._GT_QUOTED_LINES.finditer(text)]


def test_keyword_offsets_are_character_offsets_of_every_overlapping_occurrence():
    from foiclassify.rules import KEYWORDS

    def naive(text):
        spots = {}
        for word in KEYWORDS.words:
            pos = text.find(word)
            while pos != -1:
                spots.setdefault(word, []).append(pos)
                pos = text.find(word, pos + 1)
        return spots

    # non-ASCII before a keyword: offsets must count characters, not UTF-8 bytes
    odd = "café – “quoted” 😀 section 12 sections; the request is set out below: request requested"
    for text in [fold(t) for t in REAL_TEXTS] + [odd, "", "sec"]:
        found = KEYWORDS.find(text)
        assert {w: sorted(p) for w, p in found.items()} == naive(text)
        assert all(p == sorted(p) for p in found.values())
