"""Junk, odd encodings, other languages and random text: valid results, never a crash."""

import socket

from hypothesis import given, settings
from hypothesis import strategies as st

from foiclassify import OUTCOMES, classify, classify_thread
from foiclassify.labels import EXEMPTIONS, REFERENCE_ROLES

REPLIES = [
    "The information you requested is exempt under section 43(2) of the Act and is withheld.",
    "We do not hold any recorded information within the scope of your request.",
    "Complying would exceed the appropriate limit of £450 (18 hours). You may wish to narrow your request.",
    "Please find the figures below. Names have been redacted under section 40(2).",
    "You asked:\nPlease apply section 12.\n\nResponse\nWe can neither confirm nor deny whether we hold it (section 23(5)).",
]


def _valid(result, text):
    assert result.outcome in OUTCOMES
    assert all(code in EXEMPTIONS for code in result.exemptions)
    assert list(result.exemptions) == sorted(set(result.exemptions), key=list(result.exemptions).index)
    assert 0.0 <= result.confidence <= 1.0
    for e in result.evidence:
        assert e.role in REFERENCE_ROLES + ("cue",)
        assert 0 <= e.start <= e.end


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_random_text_gives_valid_deterministic_results(text):
    first = classify(text)
    _valid(first, text)
    assert classify(text) == first
    thread = classify_thread(text)
    assert thread.outcome in OUTCOMES


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(REPLIES), st.integers(0, 200), st.text(max_size=30), st.integers(0, 200))
def test_perturbed_replies_give_valid_results(reply, cut, insert, where):
    text = reply[:cut] + insert + reply[cut:][where % (len(reply) + 1):]
    result = classify(text)
    _valid(result, text)
    assert classify(text) == result


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_are_decoded_not_raised(data):
    _valid(classify(data), None)


def test_mojibake_is_repaired():
    from foiclassify.text import to_text

    garbled = "The Trustâ€™s figures are exempt under section 43(2) â€“ commercial interests."
    assert to_text(garbled)[0] == "The Trust’s figures are exempt under section 43(2) – commercial interests."
    assert classify(garbled).exemptions == ("FOIA:s43",)


def test_offsets_index_the_text_as_given_after_a_mojibake_repair():
    # "â€™" (three characters) is read as "’" (one): every offset after it would be off by two
    garbled = ("Dear Ms Shah\nYou asked about the Trustâ€™s car parks.\nThere were 412 spaces in 2023."
               "\nThe contract prices are exempt under section 43(2) â€“ commercial interests.\nYours sincerely")
    result = classify(garbled, segments=True)
    assert [garbled[s.start:s.end] for s in result.segments] == garbled.split("\n")
    for e in result.evidence:
        assert garbled[e.start:e.end] == e.text
    assert any(e.text == "43(2)" for e in result.evidence)
    given = "Dear Council, what does the Trustâ€™s car park cost?\n\nYours faithfully,\nA Requester"
    message = classify_thread(given).messages[0]
    assert given[message.start:message.end].endswith("A Requester")


def test_bilingual_welsh_english_reply():
    text = (
        "Mae'r wybodaeth wedi'i heithrio o dan adran 40(2) o'r Ddeddf.\n\n"
        "The information is exempt under section 40(2) of the Act."
    )
    assert classify(text).exemptions == ("FOIA:s40",)
    welsh_only = classify("Diolch am eich cais. Mae'r wybodaeth wedi'i heithrio o dan adran 43.")
    assert "FOIA:s43" in {e.label for e in welsh_only.evidence}


def test_welsh_without_a_readable_decision_is_undetermined_and_needs_review():
    r = classify("Diolch am eich e-bost. Byddwn yn ymateb cyn gynted â phosibl.")
    assert r.outcome == "undetermined" and r.needs_review


def test_rtl_emoji_and_control_characters():
    for text in ["مرحبا، المعلومات معفاة 🙂", "\u202eexempt under section 43\u202c", "\x00\x01\x02 section 40(2) \x7f"]:
        _valid(classify(text), text)


def test_large_inputs_complete():
    ten_mb = ("The information requested is exempt under section 43(2). " * 180_000)[:10_000_000]
    r = classify(ten_mb)
    assert r.exemptions == ("FOIA:s43",)
    one_line = "x" * 1_000_000 + " exempt under section 40(2) " + "y" * 10
    assert classify(one_line).exemptions == ("FOIA:s40",)
    many_refs = " ".join(f"section {12 + i % 33}" for i in range(100_000))
    _valid(classify(many_refs), many_refs)


def test_no_network_is_used(monkeypatch, tmp_path):
    def refuse(*args, **kwargs):
        raise AssertionError("foiclassify tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    import pandas as pd

    from foiclassify import label_dataframe
    from foiclassify.report import build_report

    for text in REPLIES:
        classify(text)
    classify_thread("\n\n-----Original Message-----\n".join(REPLIES))
    labelled = label_dataframe(pd.DataFrame({"text": REPLIES, "authority": ["A", "B", "A", "B", "A"]}))
    labelled.to_parquet(tmp_path / "l.parquet")
    assert "<html" in build_report(tmp_path / "l.parquet", "test")
