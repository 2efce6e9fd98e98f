"""Outcome rules on real-looking replies: one table row per behaviour a user relies on."""

import pytest

from foiclassify import classify

CASES = [
    ("provided", "Thank you for your request. Please find below the information you requested. In 2022 there were 14 incidents."),
    ("provided", "I enclose a spreadsheet showing the number of fixed penalty notices issued in each ward."),
    ("provided", "In 2023 there were no incidents of this kind recorded, so the answer to question 2 is zero."),
    ("partially_provided", "Please find the figures attached. Some of the information has been withheld under section 40(2) as it is personal data."),
    ("partially_provided", "The names of junior officials have been redacted under section 40(2); the rest of the report is enclosed."),
    ("refused", "The information you requested is exempt from disclosure under section 43(2) and is therefore withheld."),
    ("refused", "We estimate that locating this information would take 40 hours, which would exceed the appropriate limit of £450."),
    ("refused", "We consider your request to be vexatious under section 14(1) and will not be responding further."),
    ("refused", "The Force can neither confirm nor deny that it holds any information relevant to your request."),
    ("not_held", "I can confirm that the Council does not hold any recorded information within the scope of your request."),
    ("not_held", "Having searched our records, this information is not held by the Trust."),
    ("invalid_request", "Your email asks questions rather than requesting recorded information, so it is not a valid request under section 8."),
    ("invalid_request", "As you are asking for your own personal data we will handle this as a subject access request."),
    ("clarification_requested", "Before we can process your request, could you please clarify which financial years you are interested in?"),
    ("acknowledgement", "We have received your request for information and will respond within 20 working days."),
    ("acknowledgement", "This is an automated response confirming receipt of your email."),
    ("delayed", "We need more time to consider the public interest test and will respond by 14 March."),
    ("delayed", "Please accept our apologies for the delay in dealing with your request."),
    # inability that not holding explains is not a refusal (sixth session, from a fresh train letter)
    ("not_held", "Unfortunately the Council is unable to provide the information you have requested. This is because we do not hold this information."),
    ("refused", "We are unable to provide the names of the officers, which are exempt under section 40(2); we do not hold their addresses."),
    ("partially_provided", "I have today decided to disclose some of the requested information. Some data has been withheld as it is exempt from disclosure."),
    ("provided", "Thank you for your email of 7 February with clarification on 10 February. Please find below the information you requested: 5 reports since 2017."),
    ("refused", "We would have to go into each individual report to find this, which would exceed the time and cost of compliance."),
    # from fresh train-bound letters of new authorities (sixth session): a covering note whose
    # response is attached decides nothing; the answers set out below it do
    ("undetermined", "Thank you for your request received 11 March 2020. Please find attached NHS Dumfries and Galloway’s response to your request."),
    ("undetermined", "Dear Mr Murphy\nRe: request for information under The Freedom of Information Act.\nFurther  to  your  request  for  information  dated  9  September  2019,  please  find  attached  the  University  of  Birmingham’s  response.\nPlease note our statement in respect of Copyright, which is also attached.\nIf you are dissatisfied with the manner in which your request has been dealt with, you may ask for an internal review.\nYours sincerely\nFreedom of Information Team"),
    ("provided", "Please find below Stockport Council's response:\n1) Stockport Council has received 1584 requests for information."),
    ("not_held", "Thank you for your Freedom of Information request. Ards and North Down Borough Council has no responsibility for highway maintenance. This is the responsibility of the Department for Regional Development."),
    ("clarification_requested", "I am writing to ask you to clarify your request, as we are not certain that we have understood it correctly."),
    ("clarification_requested", "Understanding the exact terms of your request is crucial. In order to help us identify information within the scope of your request, we need a more precise understanding of the debt you describe."),
    ("partially_provided", "My sincere apologies for the delay in responding to you. Please see the answers to your questions below:\n2019 – Not Held in line with our retention schedule\n2020 - 207\n2021 - 211"),
    ("undetermined", "Please see the attached response letter."),
    ("undetermined", "Good afternoon, I hope you are well."),
    # The generic duties paragraph many police replies open with decides nothing by itself.
    ("undetermined", "Please find our response set out below. Section 1 of the Act gives two duties. Unless exemptions apply, the first duty is to confirm or deny whether the information is held."),
    ("acknowledgement", "I write about your request received on 7 May. It will be considered under the Act and you will receive a response within the statutory timescale of 20 working days."),
    # A condition is not a decision: "unless we do not hold it" in an acknowledgement.
    ("acknowledgement", "Acknowledgement of request. We will send you the information within 20 working days unless the Council does not hold it or it has to be withheld."),
    # What might happen is not what was decided: "some information might be withheld".
    ("acknowledgement", "This is an automated response that confirms that we have received your correspondence. Some information, however, might be withheld due to exemptions."),
    # An acknowledgement's "if we require further information from you" asks for nothing yet.
    ("acknowledgement", "We confirm that we have received your correspondence. If we require further information from you before we process your request, we will contact you."),
    # An offer to clarify is not a request for clarification; a date for the answer in an acknowledgement is not a delay.
    ("provided", "Dear Ms Shah\nYou asked how many trees were felled.\n2022: 316\n2023: 216\nPlease contact me if you require further clarification of the figures."),
    ("acknowledgement", "Your request for information was received by us on 27 April. We aim to respond as soon as possible and no later than 20 working days."),
    # An acknowledgement's enclosures (the acknowledgement letter, a leaflet on the Act) and its "it may be that we need clarification".
    ("acknowledgement", "We have received your Freedom of Information request and I attach your acknowledgement letter."),
    ("acknowledgement", "Your request has been passed to the service, who will action it. Please find attached further details on FoI with a note of your rights."),
    ("acknowledgement", "I acknowledge receipt of your enquiry. However, it may be that we need to seek further clarification or information from you."),
    # The requester's inability is not the authority's refusal; students' extended deadlines are not the reply's.
    ("clarification_requested", "Before we begin processing your request, please send proof of your identity. If you are not able to provide any of the above, please contact us."),
    ("acknowledgement", "We have received your request. Our staff carry extra work this term, with the resulting extension of deadlines for students' coursework."),
    # Enclosing the complaints procedure, or setting out the regulator's contact details, gives no information.
    ("refused", "The information is exempt under section 40(2). I enclose a copy of our complaints procedure."),
    ("refused", "The report is withheld under section 43(2). Should you wish to complain to the Commissioner, contact details are as follows: Wycliffe House."),
    # A request quoted under "Request Text:" is the requester's words, up to "The information you have requested".
    ("refused", "Request Text:\n\nThe number of applications for 2021.\n\nI hope you are able to provide me with the information requested.\n\nThe information you have requested has been exempted from disclosure in its entirety under section 43(2)."),
    # Saying that only part is given is enough, with no reason for the rest in the text.
    ("partially_provided", "Response\n\nAttached is a copy of some of the information requested. The email trail shows who saw the reply."),
    # "would prove too costly" is the cost limit; "information regarding X is provided" gives information.
    ("partially_provided", "We are unable to provide part one as it would prove too costly within the context of the fee regulations. Information regarding private sessions is provided below."),
    # A public-interest extension names the exemptions it weighs and stays a holding reply.
    ("delayed", "The exemptions that apply are section 35(1)(a) and section 22(1)(a). We need to extend our response time limit by 20 working days to assess the public interest."),
    # A disclosure log's "Request detail:" is the request, up to "Response detail:"; a search that
    # finds nothing is "a nil return", an answer of zero.
    ("provided", "Request detail:\n\nIf it would exceed the cost limit under section 12, please advise how to refine my request.\n\nResponse detail:\n\nWe have searched our incident log. During the period requested there was a Nil Return."),
    # "Please see attached excel spreadsheet" gives the data.
    ("provided", "Thank you for your Freedom of Information request. Please see attached excel spreadsheet."),
    # "The attendance list is attached" gives something, next to what is not held.
    ("partially_provided", "23/07/2025, Brave Room. The attendance list is attached.\n05/09/2024, Virtual. The Council does not hold an attendance list for this meeting."),
    # A glossary of past outcomes in the answer ("'BAU' refers to a response …", "where a request has
    # been refused …") describes requests in general, not a decision on this one.
    ("provided", "In relation to question 1, please see the table below.\nYear Requests\n2021 1583\n2022 1408\n'BAU' refers to a response that was dealt with as Business as Usual rather than under the Act. 'NCND' indicates a response in which we neither confirmed nor denied whether information was held. In relation to question 4, where a request has been refused, this will have been in accordance with the Act."),
    # A numbered "Request 1" heading opens the quoted request, up to "Response 1".
    ("provided", "Request 1\nPlease tell me how many vehicles were written off. If this would exceed the cost limit under section 12, please provide what you can.\nResponse 1\nPlease see the table below.\nYear Total\n2023 48\n2024 50"),
    # Pointing to where the information is published answers that part …
    ("partially_provided", "Response\n\nThe information you have sought is available on the Council's website as part of the published funding statements at https://example.gov.uk/s106\n\nThe Council does hold the older data, however we estimate that the cost of complying would exceed the appropriate limit. I must refuse your request for the data between 2016 and 2019 in accordance with Section 12(1) of the Freedom of Information Act."),
    # … unless the pointer is the reason for a section 21 refusal.
    ("refused", "Response\n\nThis information is available on our disclosure log, as the Council has answered previous requests on this subject. Therefore we are applying the Section 21 exemption - information accessible by other means."),
    # Asking for more detail, in a police force's words, is a clarification request, not an acknowledgement.
    ("clarification_requested", "I write about your application for information, which we received on 25/06/2012. To enable us to meet your request could you please provide this office with further information: a time scale for the incidents you are interested in, and what you mean by 'related incidents'."),
    # Records destroyed long ago: "we no longer have any records".
    ("not_held", "We no longer have any records relating to your request; any such records would have been destroyed."),
    # NCND only for anything beyond what was sent: something was given.
    ("partially_provided", "I write about your request and enclose a copy of the duty log entry. We cannot confirm or deny whether we hold any other information, under section 31(3)."),
    ("partially_provided", "The information you asked for is held in part. Costs for 2022 were £3,000; counting the cases would exceed the appropriate limit."),
    ("provided", "I can confirm that The National Archives holds information relevant to your request and we are pleased to be able to provide this information to you. 1. The cost limit is set by regulations."),
    # Released with redactions: "information … which has been enclosed".
    ("partially_provided", "I can confirm that we hold information in relation to your request which has been enclosed. I have excluded any personal data, which is exempt under Section 40(2)."),
    ("delayed", "The date by which a response is due for your request has been changed to 3 June. Please see the attached letter."),
    ("acknowledgement", "Thank you for your information request. We are handling your request and have given it reference number CAS-1234. We will update you on its progress by 7 May."),
    ("acknowledgement", "Thank you for the email which we received on 2 March. Your request will be processed in accordance with the Act and a response will be sent by 30 March."),
    ("delayed", "Because the records are held on paper, we will not be able to resolve your request within the statutory deadline. A full response will follow."),
    # A request quoted inline (a PDF's text run together) is the requester's words, not a question to them.
    ("undetermined", "REVIEW You requested the following information: “Can you confirm who attended the meeting? Can you send the minutes?” THE REVIEW You wrote to us on 4 May asking for a review."),
    # A bare "You asked" heading opens the request, up to "We answered": the requester's "excessive cost" is not a refusal.
    ("not_held", "You asked\n\nDoes a shorter period bring the work within the £450 limit? How many requests are dropped due to excessive cost implications?\n\nWe answered\n\nThank you for your request. We do not hold any emails from that period."),
    # A bare answer line ("None", or figures in a table) next to a refused part: that part was answered.
    ("partially_provided", "1. How many paper records are held?\nCounting them would exceed the appropriate limit, so section 12 applies to this part.\n2. How many off-site stores are there?\nNone"),
    ("partially_provided", "Year | Total |\n2023 |\n48 |\n2024 |\n50 |\nThe names of the officers are withheld under section 40(2)."),
    # One bare number alone may be a reference or phone number, not an answer.
    ("refused", "Our reference:\n13925\nThe information you requested is exempt under section 31 and is withheld."),
    # Questions asking for explanations are not a request for recorded information, even with a courtesy copy attached.
    ("invalid_request", "We are therefore unable to answer your questions, as you are asking for explanations, rather than for recorded information. I attach a copy of our earlier reply for your reference."),
    # from two fresh train letters (fifth session): an exemption explained in general ("in such a
    # case it is exempt") is no refusal; "some of the information is covered by" these sections
    ("not_held", "Any person may ask for information, except where it falls under one of the exemptions. In such a case the information is deemed to be exempt. I can confirm that the Council does not hold the information you have requested."),
    ("partially_provided", "Some of the information you have requested is covered by the following sections of the Act: section 40(2) (personal information) and section 43(2) (commercial interests)."),
    # from the saved WhatDoTheyKnow pages (seventh session): acknowledgements worded "currently
    # processing" / "dealing with your request"; a covering note that says the formal response is
    # attached decides nothing in its own text (apology or not), unless it says the information is
    # attached too; and "I have attached my formal response" gives no information beside a not-held
    ("acknowledgement", "Thank you for your email. We are currently processing your request. If you have any questions, please ask by return email."),
    ("acknowledgement", "Thank you for contacting us on 26 July 2019. We are dealing with your request under the Freedom of Information Act 2000 and aim to send you a response by 27 August 2019."),
    ("undetermined", "Thank you for your request for information concerning application 16/03061.\n\nI have attached my formal response and apologise for the delay in replying."),
    ("provided", "Thank you for your request for information received on 14 May 2019.\n\nI have attached our formal response to your request, and the information you asked for."),
    ("not_held", "Unfortunately I am unable to provide this information, because we do not have it. I have attached my formal response which sets out the details."),
    # covering notes in general wording (a battery of constructed notes): the response is attached
    ("undetermined", "Dear Mr Jones\n\nI attach the Council's response to your request for information.\n\nRegards"),
    ("undetermined", "Dear Mr Jones\n\nPlease find enclosed a copy of our response to your request.\n\nRegards"),
    ("undetermined", "Dear Mr Jones\n\nI am attaching the Trust's response to your Freedom of Information request.\n\nRegards"),
    ("provided", "Dear Mr Jones\n\nPlease find enclosed a copy of the minutes you asked for.\n\nRegards"),
    # an acknowledgement that names the date it will answer by is no holding reply; with an
    # apology for lateness it is
    ("acknowledgement", "Thank you for contacting us. We are currently dealing with your request and will respond by 14 April 2024."),
    ("delayed", "We have received your chaser. We apologise for the delay and will respond by 10 May."),
    # decisions in general wording (a battery of 32 constructed decision letters, seventh session)
    ("not_held", "Having carried out a thorough search, we have been unable to locate any information falling within the scope of your request."),
    ("not_held", "Thank you for your request about parking fines. We do not collect this data."),
    ("provided", "Thank you for your request about policies. A copy of the policy is attached to this email."),
    ("partially_provided", "I can provide the number of staff employed (154). However, the names of individual staff are exempt under section 40(2)."),
    ("partially_provided", "Questions 1 and 2 are answered below. We do not hold information for question 3.\n1. 154\n2. 12"),
    ("clarification_requested", "Your request as worded is too broad. Could you please narrow it to a specific contract or time period?"),
    ("invalid_request", "Your email asks for an explanation of our policy rather than recorded information, so it is not a request under the Freedom of Information Act."),
    ("partially_provided", "We can confirm that 14 officers were disciplined. Details of the individual cases are exempt under section 40(2) as they would identify those involved."),
    ("partially_provided", "We are refusing part of your request under section 12, as locating the older records would exceed the cost limit. For 2023 there were 45 complaints."),
    # the requester's numbered questions restated without a heading are no request for clarification
    ("provided", "Thank you for your request.\n5. Please can you confirm the scope of the services provided.\nThe services covered aerial surveys of council land.\n6. Please can you confirm the name of the lead officer.\nThe Head of Property Services."),
    ("clarification_requested", "Thank you for your request. Before we can respond, we have two questions:\n1. Could you confirm which financial years you are interested in?\n2. Could you clarify whether you mean permanent staff only?"),
    # "I acknowledge that …" concedes a fact, it acknowledges no receipt; "no longer held" after a
    # parenthesis is not held
    ("not_held", "While I acknowledge that your request has far exceeded the statutory deadline, it has been given priority. The information requested is, to the best of our knowledge, no longer held by us."),
    ("not_held", "This is in response to your request dated March 4, 2024, for records concerning body cameras. A search of our files located no records responsive to your request."),
    ("partially_provided", "In 2023 there were 112 cancelled operations. Please note that numbers less than 5 have been suppressed to protect patient confidentiality, in line with section 40(2)."),
    ("partially_provided", "A list of the sites is appended. We do not hold information on the dates the sites were first used."),
    ("invalid_request", "Your request does not meet the requirements of section 8(1)(c) of the Act, as it does not describe the information requested."),
    # the letters of the exchange are no information given
    ("refused", "A copy of your request is set out below: “All emails about the bypass.” We are refusing your request under section 14(1) as it is vexatious."),
    ("refused", "We have reviewed the decision. A copy of the original decision is enclosed. I confirm the decision to refuse the request under section 43(2)."),
    # eighth session of 2026-11-30, wordings of train letters the rules missed
    ("partially_provided", "The list of conference attendees is enclosed. I have withheld the seating plan for the dinner, as it names private guests."),
    ("refused", "If any exemption applies we will tell you that we have withheld information and why. The report is exempt under section 43(2)."),
    ("partially_provided", "We are only able to provide an answer to Q1. Answering Q2 and Q3 would exceed the appropriate limit."),
    ("partially_provided", "Please see the figures below. 1. Call-outs to bonfires: 314. 2. Area Commands attend the meetings ad hoc and no record of these is held at headquarters."),
    ("partially_provided", "Some parts of this response will constitute a refusal to deal with your request. 1. The licence was checked on 12 occasions."),
    ("partially_provided", "Please find at Annex B a table which shows the number of faults. The examiners' names are exempt under section 40(2)."),
    ("partially_provided", "We do not hold the survey data for 2010 to 2014. Please see Annex A for some of the information you have requested."),
    ("partially_provided", "The cost of CCTV enforcement is exempt under section 31. However, we can and have provided the number of PCNs issued by mobile units."),
    ("clarification_requested", "Dear Mr Hai, thank you for your email. Can I ask at the outset that you elaborate a little on the detail of the request?"),
    ("acknowledgement", "Thank you for your request. I can confirm that this matter is currently receiving attention and a representative will be in touch with you within the statutory timescale."),
    ("acknowledgement", "Thank you for your email. We will get back to you in due course.\nKind regards,\nFOI Team"),
    ("invalid_request", "Thank you for your request, received today. In order for us to process it under the Act please provide your surname so we may record the applicant's details."),
]


@pytest.mark.parametrize("expected, text", CASES)
def test_outcome(expected, text):
    assert classify(text).outcome == expected


def test_cost_limit_without_section_number_cites_s12_and_reads_cost():
    r = classify("To locate this would take 40 hours, exceeding the appropriate limit of 18 hours (£450).")
    assert r.exemptions == ("FOIA:s12",)
    assert r.cost_estimate == {"hours": 40, "pounds": 450}


def test_central_government_limit():
    r = classify("Complying would exceed the cost limit of £600, which represents 24 hours of work. You may wish to narrow your request.")
    assert r.outcome == "refused"
    assert r.cost_estimate == {"hours": 24, "pounds": 600}
    assert r.advice_offered is True


def test_flags():
    r = classify("We neither confirm nor deny whether we hold the information under section 31(3). The public interest in maintaining the exclusion outweighs the public interest in confirming.")
    assert r.ncnd and r.public_interest_test
    assert r.exemptions == ("FOIA:s31",)
    assert classify("The names are withheld under section 40(5).").ncnd is True
    assert classify("The names are withheld under section 40(2).").ncnd is False


def test_negated_grounds_are_not_cited():
    r = classify("We do not consider your request vexatious. Please find the information attached.")
    assert r.exemptions == ()
    assert r.outcome == "provided"


def test_internal_review_stage():
    r = classify("I have now completed the internal review. I uphold the original decision that the information is exempt under section 43(2).")
    assert r.stage == "internal_review"
    assert r.outcome == "refused"
    assert classify("We have received your request for an internal review.").stage == "initial"


def test_pit_extension_keeps_exemptions_it_weighs():
    r = classify("We need more time to consider the public interest in relation to section 43(2), and will respond by 1 June.")
    assert r.outcome == "delayed"
    assert r.exemptions == ("FOIA:s43",)


def test_confidence_is_a_probability_and_evidence_matches_text():
    for _, text in CASES:
        r = classify(text)
        assert 0.0 <= r.confidence <= 1.0
        for e in r.evidence:
            assert text[e.start:e.end] == e.text
            assert e.source in ("rule", "model")


def test_foisa_s39_routing_to_the_eirs_withholds_nothing():
    # Scottish Government template: s39(2) is applied only so the request is answered under the EIRs.
    routing = (
        "As the information you have requested is 'environmental information' for the purposes of the "
        "Environmental Information (Scotland) Regulations 2004 (EIRs), we are required to deal with your request "
        "under those Regulations. We are applying the exemption at section 39(2) of the Freedom of Information "
        "(Scotland) Act 2002 (FOISA), so that we do not also have to deal with your request under FOISA. We have "
        "found that the public interest lies in favour of upholding the exemption. This is essentially a technical "
        "point and has no material effect on the outcome of your request. "
    )
    r = classify(routing + "Under the terms of the exception at regulation 10(4)(a) of the EIRs (information not held), "
                 "the Scottish Government is not required to provide information which it does not have.")
    assert (r.outcome, r.exemptions) == ("not_held", ("EISR:10(4)(a)",))
    assert [e.role for e in r.evidence if e.label == "FOISA:s39"] == ["procedural"]
    r = classify(routing + "I enclose a copy of the information you requested.")
    assert (r.outcome, r.exemptions) == ("provided", ())
    # s39(1) relied on for its own sake is still cited
    assert classify("The information is exempt under section 39(1) of FOISA (health and safety).").exemptions == ("FOISA:s39",)
