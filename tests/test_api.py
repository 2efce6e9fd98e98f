"""The public API: shapes, immutability, determinism, JSON, awkward inputs."""

import json
import math

import pytest

import foiclassify
from foiclassify import OUTCOMES, classify, classify_thread
from foiclassify.labels import EXEMPTIONS

TEXT = "Complying would exceed the appropriate limit of £450 under section 12(1). You may wish to refine your request."


def test_result_is_immutable_hashable_and_deterministic():
    a, b = classify(TEXT), classify(TEXT)
    assert a == b and hash(a) == hash(b)
    with pytest.raises(AttributeError):
        a.outcome = "provided"  # type: ignore[misc]
    assert len({a, b}) == 1


def test_thread_result_is_hashable(wdtk_thread):
    assert hash(classify_thread(wdtk_thread)) == hash(classify_thread(wdtk_thread))


def test_to_dict_is_json_ready():
    d = classify(TEXT).to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["outcome"] == "refused" and d["exemptions"] == ["FOIA:s12"]
    assert d["cost_estimate"] == {"pounds": 450}
    assert d["advice_offered"] is True
    assert {"label", "start", "end", "text", "source", "role"} <= set(d["evidence"][0])


def test_labels_come_from_the_contract():
    r = classify(TEXT)
    assert r.outcome in OUTCOMES
    assert all(code in EXEMPTIONS for code in r.exemptions)
    assert foiclassify.exemption_name("FOIA:s43") == "commercial interests"


@pytest.mark.parametrize("value", [None, float("nan"), "", "   \n\t  ", pytest.importorskip("pandas").NA])
def test_empty_inputs_are_undetermined(value):
    r = classify(value)
    assert r.outcome == "undetermined" and r.exemptions == () and r.confidence == 1.0 and r.reason


def test_bytes_are_decoded():
    assert classify("We do not hold this information.".encode("utf-8")).outcome == "not_held"
    cp1252 = "The Trust’s figures are exempt under section 43(2).".encode("cp1252")
    assert classify(cp1252).exemptions == ("FOIA:s43",)


def test_html_is_reduced_to_text():
    html = "<html><body><p>Dear Sir,</p><p>The information is <b>exempt</b> under section 40(2).</p></body></html>"
    r = classify(html)
    assert r.exemptions == ("FOIA:s40",) and r.outcome == "refused"



def test_pdf_text_layer_ligatures_and_doubled_word_gaps_are_read_and_offsets_kept():
    """PDF text layers keep typographic ligatures as one character ("ﬁnd") and some put two spaces
    between every two words: both are read as typed, and evidence still indexes the text given."""
    ligature = "Dear Sir\n\nPlease ﬁnd attached the information you requested.\n\nYours faithfully"
    r = classify(ligature)
    assert r.outcome == "provided"
    assert all(ligature[e.start:e.end] == e.text for e in r.evidence) and "ﬁnd" in r.evidence[0].text
    words = ("Thank you for your request about the library opening hours in 2023. Please find attached "
             "the information you requested. The library was open for 2,100 hours.").split()
    doubled = "Dear  Sir\n\n" + "  ".join(words) + "\n\nYours  faithfully"
    r = classify(doubled)
    assert r.outcome == "provided" and all(doubled[e.start:e.end] == e.text for e in r.evidence)
    first_page = "We searched the records of every department named in your request. " * 35
    footer = f"Dear Sir\n\n{first_page}\nI can confirm that the Council does not\nPage 1 of 2\nhold the information you requested.\n"
    r = classify(footer)  # a page's running footer where the page broke, inside a sentence
    assert r.outcome == "not_held" and all(footer[e.start:e.end] == e.text for e in r.evidence)
    from foiclassify.text import repairs_of

    table = "Zone  A     1,204\nZone  B     987\n" * 20  # a table's column gaps stay as they are
    assert repairs_of(table)[0] == ("Zone A     1,204\nZone B     987\n" * 20)


def test_html_email_lines_are_one_line_break_not_a_paragraph():
    """An HTML e-mail prints each line as "<br />" then a newline in the markup: one line break as
    a browser shows it. Read as a blank line, it cut sentences apart and lost their cues."""
    not_held = ("<html><body><p>Dear Mr Smith,<br />\n<br />\nThank you for your request for information about\n<br /> potholes. "
                "Unfortunately I am unable to provide this information, because we do\n<br /> not hold it. The council stopped "
                "recording\n<br /> repairs by street in 2015.<br />\n<br />\nYours sincerely</p></body></html>")
    assert classify(not_held).outcome == "not_held"
    ack = ("<html><body><p>Thank you for your email. We are currently processing\n<br /> your request. If you have any "
           "questions, please ask by return email.<br />\n<br />\nFOI Team</p></body></html>")
    assert classify(ack).outcome == "acknowledgement"


def test_wrong_type_is_a_clear_error():
    with pytest.raises(TypeError, match="expects text"):
        classify(42)  # type: ignore[arg-type]


def test_nul_bytes_and_other_scripts_do_not_crash():
    r = classify("The information\x00 is exempt under section 43. 🙂 مرحبا İstanbul")
    assert r.exemptions == ("FOIA:s43",)
    assert math.isfinite(r.confidence)
