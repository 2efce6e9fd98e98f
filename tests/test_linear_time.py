"""Hostile inputs take time linear in their length: compared as a ratio to ordinary text of the same size."""

import time

import pytest

from foiclassify import classify, classify_thread

SIZE = 200_000


def _elapsed(fn, text):
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return best


def _normal(size):
    """Ordinary reply text: the benchmark's corpus (the shipped examples, split into messages and
    varied), the same length as the hostile input."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from throughput import corpus

    return "\n\n".join(corpus(int(size * 1.2)))[:size]


HOSTILE = {
    "open parens after section": lambda n: ("section 1" + "(" * n)[:n],
    "endless list": lambda n: ("section 1" + ", 2" * n)[:n],
    "nested brackets": lambda n: ("section 12" + "(1)" * n)[:n],
    "digits dots underscores": lambda n: ("s" + "1._" * n)[:n],
    "one long line of words": lambda n: ("exempt under the " * n)[:n],
    "many section triggers": lambda n: ("section s. reg. exemption at " * n)[:n],
    "you asked openings": lambda n: ("You asked:\n" * n)[:n],
    "quote markers": lambda n: ("> On Monday someone wrote:\n" * n)[:n],
    "complaint sentences": lambda n: ("if you are not happy you may complain " * n)[:n],
    "sender-like lines": lambda n: ("\nDWP Team,\n\nDear Sir,\n" * n)[:n],
    "whitespace after a reference": lambda n: ("section 43" + " " * n)[:n],
    "dots after a bare figure in a refusal": lambda n: ("This is withheld under section 43.\n1" + "." * n + "x")[:n],
    "a megabyte-long line": lambda n: ("x" * n),
    "short lines of figures (the segment tagger reads them)": lambda n: ("Q1 - 50\n" * n)[:n],
    # issue #21's shapes: repeated references and a long run of one cue phrase
    "dense references": lambda n: ("sections 40(2), 41(1) and 43(2) apply; " * n)[:n],
    "one line repeating a refusal": lambda n: ("exempt under section 12 " * n)[:n],
    "emoji and right-to-left marks around section numbers": lambda n: ("\u200f😀 section 40(2) \u202e😀 s.43 " * n)[:n],
    # references read by their trigger word between bare ones read by their brackets
    "bare provisions between references": lambda n: ("section 1 and x 9(2)(a); " * n)[:n],
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_linear(name):
    normal_text = _normal(SIZE)
    hostile_text = HOSTILE[name](SIZE)
    # classify(): within issue #21's bar, 20 times ordinary reply text of the same length (a
    # quadratic pass at this size would be hundreds of times slower).
    normal, hostile = _elapsed(classify, normal_text), _elapsed(classify, hostile_text)
    assert hostile < 20 * normal + 0.05, f"{name}: {hostile:.3f}s vs {normal:.3f}s for ordinary text"
    # classify_thread(): the same bar; text cut into thousands of tiny messages ("sender-like
    # lines": 9,000 messages in 200 kB) is the closest, at about 17 times (2026-11-30); 0.1 s of
    # slack keeps a busy machine's noise from failing it (a quadratic pass would be far beyond).
    normal, hostile = _elapsed(classify_thread, normal_text), _elapsed(classify_thread, hostile_text)
    assert hostile < 20 * normal + 0.1, f"{name} (thread): {hostile:.3f}s vs {normal:.3f}s for ordinary text"


def test_repeated_references_are_read_up_to_a_cap_and_counted():
    from foiclassify.rules import MAX_REPEATS

    result = classify("The records are exempt under section 43(2). " + "Section 43(2) applies. " * 500)
    cited = [e for e in result.evidence if e.label == "FOIA:s43"]
    assert result.exemptions == ("FOIA:s43",) and len(cited) == MAX_REPEATS
    assert "476 more of the same" in cited[-1].detail  # 501 references, 25 read
