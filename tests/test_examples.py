"""The two seed documents get exactly the labels of TAXONOMY §5."""

from foiclassify import classify, classify_thread


def test_dwp_letter_labels(dwp_letter):
    r = classify(dwp_letter)
    assert r.outcome == "partially_provided"
    assert r.exemptions == ("FOIA:s43",)
    assert r.public_interest_test is True
    assert r.stage == "initial"
    assert r.ncnd is False


def test_dwp_letter_quoted_section_12_is_only_mentioned(dwp_letter):
    r = classify(dwp_letter)
    s12 = [e for e in r.evidence if e.label == "FOIA:s12"]
    assert s12, "the quoted 'Section 12 cost limit' should appear in the evidence"
    assert all(e.role == "mentioned" and "request" in e.detail for e in s12)
    assert r.cost_estimate is None


def test_dwp_letter_evidence_points_into_the_text(dwp_letter):
    r = classify(dwp_letter)
    for e in r.evidence:
        assert dwp_letter[e.start:e.end] == e.text
    cited = [e for e in r.evidence if e.role == "cited"]
    assert {e.label for e in cited} == {"FOIA:s43"}
    assert all(dwp_letter.index("DWP Response") < e.start for e in cited)


def test_wdtk_thread_messages(wdtk_thread):
    t = classify_thread(wdtk_thread)
    got = [(m.role, m.result.outcome if m.result else None) for m in t.messages]
    assert got == [
        ("requester", None),
        ("authority", "acknowledgement"),
        ("authority", "acknowledgement"),
        ("authority", "undetermined"),
        ("requester", None),
        ("authority", "acknowledgement"),
        ("authority", "undetermined"),
        ("annotation", None),
        ("authority", "undetermined"),
        ("annotation", None),
    ]
    assert all(m.result.exemptions == () for m in t.messages if m.result)


def test_wdtk_thread_page_metadata_and_rollup(wdtk_thread):
    t = classify_thread(wdtk_thread)
    assert t.title == "Co-production of policies, strategies and structures with disabled people"
    assert t.site_status == "The request was refused by Department for Work and Pensions."
    assert t.site_state == "rejected"
    # No authority message states a decision in its text: the answers were attachments.
    assert t.outcome == "undetermined"
    assert t.exemptions == ()
    assert [m.attachments for m in t.messages if m.role == "authority"] == [0, 0, 1, 0, 1, 1]
    assert "attachment" in t.messages[3].result.reason


def test_wdtk_thread_offsets_cover_messages(wdtk_thread):
    t = classify_thread(wdtk_thread)
    for m in t.messages:
        assert wdtk_thread[m.start:m.end] == m.text
    assert t.messages[-1].text.startswith("Finn Keaney left an annotation")
    assert "section 12" in t.messages[-1].text
