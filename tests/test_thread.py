"""Splitting correspondence into messages and rolling a thread up (TAXONOMY §4)."""

import pytest

from foiclassify import classify_thread
from foiclassify.thread import split

EMAIL_CHAIN = """Dear Ms Jones,

Thank you for your request for an internal review. I have now completed the review and I uphold the original decision: the information is exempt under section 43(2).

Yours sincerely,
Review Officer

-----Original Message-----
From: A Jones
Sent: 02 March 2024 10:00
To: foi@example-council.gov.uk
Subject: Internal review

I am writing to request an internal review of your refusal.

On 1 Feb 2024, FOI Team <foi@example-council.gov.uk> wrote:
> Dear Ms Jones,
> The information you requested is exempt under section 43(2) and is withheld.
> Yours sincerely, FOI Team
"""


def test_email_chain_is_split_oldest_first_with_roles():
    t = classify_thread(EMAIL_CHAIN)
    assert [m.role for m in t.messages] == ["authority", "requester", "authority"]
    first, _, last = t.messages
    assert first.result.outcome == "refused" and first.result.stage == "initial"
    assert last.result.stage == "internal_review" and last.result.outcome == "refused"
    assert t.outcome == "refused" and t.stage == "internal_review"
    assert t.exemptions == ("FOIA:s43",)
    assert t.decisive_index == 2


def test_quoted_history_inside_a_reply_is_not_labelled():
    from foiclassify import classify

    r = classify(EMAIL_CHAIN)
    assert r.stage == "internal_review"
    assert all(e.start < EMAIL_CHAIN.index("-----Original") for e in r.evidence if e.role in ("cited", "cue"))


def test_list_input_with_and_without_roles():
    t = classify_thread([
        "I would like to request the number of parking fines issued in 2023. Yours faithfully, A Person",
        {"role": "authority", "text": "We do not hold this information."},
    ])
    assert [m.role for m in t.messages] == ["requester", "authority"]
    assert t.outcome == "not_held"
    joined = "\n\n".join(m.text for m in t.messages)
    for m in t.messages:
        assert joined[m.start:m.end] == m.text


def test_list_input_rejects_unknown_role():
    with pytest.raises(ValueError, match="role must be one of"):
        classify_thread([{"role": "council", "text": "hello"}])


def test_review_outranks_later_initial_and_acknowledgements_decide_nothing():
    t = classify_thread([
        {"role": "authority", "text": "The information is exempt under section 40(2) and is withheld."},
        {"role": "authority", "text": "Following the internal review, the decision is overturned and please find the information attached."},
        {"role": "authority", "text": "We have received your request and will respond within 20 working days."},
    ])
    assert t.outcome == "provided" and t.stage == "internal_review" and t.decisive_index == 1


def test_waiting_thread_takes_last_holding_reply():
    t = classify_thread([
        {"role": "requester", "text": "Please provide the budget."},
        {"role": "authority", "text": "We have received your request and will respond within 20 working days."},
    ])
    assert t.outcome == "acknowledgement" and t.decisive_index is None


def test_an_answer_after_a_clarification_supersedes_it_even_when_unreadable():
    """A real WhatDoTheyKnow pattern: the authority asks what the request means, the requester
    explains, and the answer comes as an attached letter the thread does not include."""
    asked = {"role": "authority", "text": "Could you please clarify which planning application you mean, so that we can identify the information?"}
    answer = {"role": "authority", "text": "Dear Sir/Madam\n\nThank you for your request for information concerning land at Priory Road.\n\nI have attached my formal response and apologise for the delay in\nreplying.\nKnowledge and Information Access Team"}
    t = classify_thread([asked, {"role": "requester", "text": "I mean application 16/03061."}, answer])
    assert t.messages[2].result.outcome == "undetermined"  # the apology is no holding reply
    assert t.outcome == "undetermined" and t.decisive_index is None
    holding = {"role": "authority", "text": "We are sorry for the delay; we need more time and will respond by 5 March."}
    assert classify_thread([asked, holding]).outcome == "clarification_requested"


def test_upheld_review_keeps_initial_exemptions():
    t = classify_thread([
        {"role": "authority", "text": "The report is exempt under section 36 and is withheld."},
        {"role": "authority", "text": "I have completed the internal review and the original refusal is upheld."},
    ])
    assert t.outcome == "refused" and t.exemptions == ("FOIA:s36",)


def test_letter_with_quoted_request_is_not_split(dwp_letter):
    assert split(dwp_letter).layout != "whatdotheyknow"


# The layout of a WhatDoTheyKnow page as stored text, with names above each message
# (constructed in our own words; fictional people and authority).
NAMED_PAGE = """Gritting routes in 2023

Sam Example made this Freedom of Information request to Northshire County Council

This request has been closed to new correspondence from the public body.

The request was partially successful.

Sam Example

Dear Sir or Madam,

Please send me the gritting routes for 2023 and the cost of salt bought.

Yours faithfully,

Sam Example

Northshire County Council

Dear Sam Example,

Thank you for your request, received on 3 January. Please find the routes attached. The cost of salt is exempt under section 43(2) as it would prejudice the council's commercial interests.

Yours sincerely,

Information Governance Team
"""


def test_page_with_name_headers():
    t = classify_thread(NAMED_PAGE)
    assert [m.role for m in t.messages] == ["requester", "authority"]
    assert t.messages[0].sender == "Sam Example" and t.messages[0].text.startswith("Sam Example")
    assert t.messages[1].sender == "Northshire County Council"
    assert t.outcome == "partially_provided" and t.exemptions == ("FOIA:s43",)
    assert t.site_state == "partially_successful" and t.title == "Gritting routes in 2023"
