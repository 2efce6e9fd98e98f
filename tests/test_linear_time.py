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
    para = (
        "Thank you for your request. The information you requested is exempt under section 43(2) of the Act. "
        "We have considered the public interest. If you are not happy you may ask for an internal review.\n\n"
    )
    return (para * (size // len(para) + 1))[:size]


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
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_is_linear(name):
    normal = _elapsed(classify, _normal(SIZE))
    hostile_text = HOSTILE[name](SIZE)
    hostile = max(_elapsed(classify, hostile_text), _elapsed(classify_thread, hostile_text))
    # Generous: a quadratic pass at this size would be hundreds of times slower.
    assert hostile < 10 * normal + 0.05, f"{name}: {hostile:.3f}s vs {normal:.3f}s for ordinary text"
