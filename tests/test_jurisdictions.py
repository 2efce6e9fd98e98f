"""Other countries' FOI laws (TAXONOMY §2): the act is read from the letter's own words, never
defaulted to UK FOIA; each country's codes and outcome wording; the jurisdiction on every result.
The letters here are constructed for these tests (short, in each law's usual wording)."""

from __future__ import annotations

import pandas as pd
import pytest

from foiclassify import classify
from foiclassify.analysis import outcome_shares
from foiclassify.batch import label_dataframe

LETTERS = {
    "AU access in part, s23 decision maker": (
        "I am an officer authorised under section 23 of the Freedom of Information Act 1982 to make decisions. "
        "I have decided to grant access in part to the documents. Names of staff have been deleted under section 47F "
        "of the FOI Act (personal privacy). You may ask the Australian Information Commissioner to review my decision.",
        "AU", "partially_provided", ("AUFOI:s47F",)),
    "AU documents do not exist": (
        "Your request under the Freedom of Information Act 1982 is refused under section 24A because the documents "
        "you requested cannot be found or do not exist.",
        "AU", "not_held", ("AUFOI:s24A",)),
    "AU state act: no Commonwealth codes": (
        "Access to the document is refused under section 30(1)(a) of the Freedom of Information Act 1982 (Vic).",
        "AU", "refused", ()),
    "NZ OIA s18(e)": (
        "Your request under the Official Information Act 1982 is refused under section 18(e) of the Act, as the "
        "document alleged to contain the information requested does not exist.",
        "NZ", "not_held", ("NZOIA:s18(e)",)),
    "NZ OIA released in part": (
        "The information you requested is released in part. Some information is withheld under section 9(2)(a) of "
        "the Official Information Act 1982 to protect the privacy of natural persons, and under section 9(2)(b)(ii) "
        "to protect commercial positions.",
        "NZ", "partially_provided", ("NZOIA:s9(2)(a)", "NZOIA:s9(2)(b)")),
    "NZ LGOIMA": (
        "Your request has been considered under the Local Government Official Information and Meetings Act 1987. "
        "The report is withheld under section 7(2)(a) of the Act to protect the privacy of natural persons.",
        "NZ", "refused", ("NZLGOIMA:s7(2)(a)",)),
    "IE part-grant": (
        "I refer to your request under the Freedom of Information Act 2014. I have decided to part-grant your "
        "request. Records 3 and 4 are refused under section 37(1) of the Act (personal information).",
        "IE", "partially_provided", ("IEFOI:s37",)),
    "EU partial access, first indent": (
        "We refer to your application for access to documents under Regulation (EC) No 1049/2001. Partial access "
        "is granted. Personal data are redacted under Article 4(1)(b), and prices under the first indent of "
        "Article 4(2) (protection of commercial interests).",
        "EU", "partially_provided", ("EU1049:4(1)(b)", "EU1049:4(2)-1")),
    "AU practical refusal notice (s24AB), numbered paragraphs": (
        "Freedom of Information Act 1982 - notice of intention to refuse your request\n1.\nI am an officer "
        "authorised under section 23 of the FOI Act.\n2.\nProcessing your request would substantially and "
        "unreasonably divert the resources of the agency, so I intend to refuse access under section 24(1).\n"
        "3.\nBefore I make a final decision you may revise your request during the request consultation process.",
        "AU", "clarification_requested", ()),
    "AU refusal in numbered paragraphs": (
        "Freedom of Information Act 1982 - decision\n1.\nI am an officer authorised under section 23 of the "
        "FOI Act.\n2.\nI have decided to refuse access to the document under section 38 of the FOI Act.\n3.\n"
        "The document is exempt because a secrecy provision applies to it.",
        "AU", "refused", ("AUFOI:s38",)),
    # from a battery of constructed AU, NZ and EU letters (seventh session)
    "AU full access granted": (
        "I refer to your request under the Freedom of Information Act 1982 (Cth). I have decided to grant "
        "full access to the 3 documents within the scope of your request.",
        "AU", "provided", ()),
    "EU full access can be granted": (
        "Thank you for your application under Regulation (EC) No 1049/2001. Having examined the documents "
        "requested, I am pleased to inform you that full access can be granted.",
        "EU", "provided", ()),
    "EU no documents identified": (
        "Thank you for your application under Regulation (EC) No 1049/2001. Having carried out a thorough "
        "search, the Commission has not identified any documents that would correspond to the description "
        "given in your application.",
        "EU", "not_held", ()),
    "NZ LGOIMA publicly available: the pointer is the refusal": (
        "Thank you for your request under LGOIMA. The information is publicly available on our website, in the "
        "minutes of each meeting. We rely on section 17(d) of LGOIMA, that the information is publicly "
        "available, in declining your request.",
        "NZ", "refused", ("NZLGOIMA:s17(d)",)),
    "EU fair solution for a very large request": (
        "We refer to your application for access to documents under Regulation (EC) No 1049/2001. It concerns a "
        "very large number of documents, and the time limit has therefore been extended. Article 6(3) allows us "
        "to confer with you informally with a view to finding a fair solution: could you narrow down the scope of "
        "your application?",
        "EU", "clarification_requested", ()),
    "EU postal address before registration": (
        "Thank you for your request for access to documents. You have not indicated your postal address, which is "
        "needed to register your application under Regulation 1049/2001. Pending your reply, we reserve the right "
        "to refuse the registration of your request.",
        "EU", "clarification_requested", ()),
    "NZ transfer in the present tense": (
        "Thank you for your request under the Official Information Act 1982. I am transferring this request to "
        "the Civil Aviation Authority under section 14(b)(i) of the Act, as the information is more closely "
        "connected with its functions.",
        "NZ", "acknowledgement", ()),
    "EU fair solution on timing alone": (
        "We refer to your application for access to documents under Regulation (EC) No 1049/2001. It concerns 63 "
        "documents, so we are writing with a view to reaching a fair solution as regards the timing of the reply: "
        "we need more time and will reply by 29 January.",
        "EU", "delayed", ()),
    "NZ extension notice": (
        "Thank you for your request under the Official Information Act 1982. We will not be able to respond "
        "within the timeframe set out in the Act, as your request is for a large quantity of information. Under "
        "section 15A(1)(a) the timeframe to respond to your request has been extended by ten working days.",
        "NZ", "delayed", ()),
    "NZ documents enclosed with parts withheld": (
        "Thank you for your request under the Official Information Act 1982. The following documents fall "
        "within the scope of your request and are enclosed. Certain information has been withheld under section "
        "9(2)(a) of the Act to protect the privacy of natural persons.",
        "NZ", "partially_provided", ("NZOIA:s9(2)(a)",)),
    "NZ documents provided, others do not exist": (
        "Thank you for your request under the Official Information Act 1982. In relation to part 1, I am "
        "providing the following documents as an attachment: the weekly report of 3 March. I am refusing part 2 "
        "of your request under section 18(e) of the Act as the document alleged to contain the information does "
        "not exist.",
        "NZ", "partially_provided", ("NZOIA:s18(e)",)),
    "EU exception written 4(1a), another regulation's article": (
        "We refer to your application under Regulation 1049/2001. Your personal data are processed under "
        "Article 9(1)(b) of the Data Protection Regulation. Access is refused, as disclosure would undermine "
        "public security, an exception defined in Article 4(1a) of Regulation 1049/2001.",
        "EU", "refused", ("EU1049:4(1)(a)",)),
    "EU access to certain documents only": (
        "We refer to your confirmatory application under Regulation 1049/2001. We must maintain our position "
        "to give you access only to certain documents; the others are covered by Article 4(3).",
        "EU", "partially_provided", ("EU1049:4(3)",)),
    "EU request for more detail (Article 6(2))": (
        "We are writing concerning your request for access to documents under Regulation 1049/2001. As it "
        "stands, we are unable to identify the documents. We invite you to send us more detailed information on "
        "the documents you request, such as dates or authors.",
        "EU", "clarification_requested", ()),
    "EU not possible in the normal timeframe": (
        "We refer to your request under Regulation 1049/2001. Given the number of documents, it is not possible "
        "to handle this request in the normal timeframe set by Article 7.",
        "EU", "delayed", ()),
    "NZ s18(f) refusal that considered an extension": (
        "Your request under the Official Information Act 1982 would require substantial collation. Under section "
        "18A we have considered charging or extending the timeframe, however the request is refused under section "
        "18(f) of the Act.",
        "NZ", "refused", ("NZOIA:s18(f)",)),
    "NZ extension of twenty working days": (
        "Thank you for your requests under the Official Information Act 1982. We will require a 20 working day "
        "extension to complete our response, as we are unable to provide our response in the required timeframe.",
        "NZ", "delayed", ()),
    "NZ release subject to information being withheld": (
        "Thank you for your request under the Official Information Act 1982. Two reports were found, which I "
        "have decided to release to you subject to information being withheld under section 9(2)(a) of the Act.",
        "NZ", "partially_provided", ("NZOIA:s9(2)(a)",)),
    "NZ extending the twenty working days": (
        "Thank you for your request under the Official Information Act 1982. This letter is to advise that we are "
        "extending the 20 working days available to respond to your request, as allowed under section 15A.",
        "NZ", "delayed", ()),
    "EU no documents found": (
        "Thank you for your request for access to documents under Regulation 1049/2001. We regret to inform you "
        "that no documents were found that would correspond to the description given in your application.",
        "EU", "not_held", ()),
    "EU unable to identify any documents": (
        "We refer to your application under Regulation (EC) No 1049/2001. The Office was not able to identify "
        "any documents that would correspond to the description given in your application.",
        "EU", "not_held", ()),
    "EU which subject, to address the request": (
        "We refer to your application for access to documents under Regulation 1049/2001. We would like to "
        "enquire which subject you are searching for, so that we may better address your request.",
        "EU", "clarification_requested", ()),
    "EU presumption of non-accessibility": (
        "We refer to your application under Regulation 1049/2001. The documents you request form part of the "
        "case file in a pending investigation. For these documents a general presumption of non-accessibility "
        "applies.",
        "EU", "refused", ()),
    "NZ part transferred under section 14": (
        "Thank you for your request under the Official Information Act 1982. We have decided under section "
        "14(b)(i) of the Official Information Act to transfer this part of the request to the Ministry of Health. "
        "The other parts of the request will remain with us.",
        "NZ", "acknowledgement", ()),
    "NZ not requests for official information": (
        "Thank you for your request under the Official Information Act 1982. Any information held before the "
        "Minister took office is not official information. Accordingly, parts 1 and 2 of your request are not "
        "requests for official information.",
        "NZ", "invalid_request", ()),
    "NZ work with you to clarify": (
        "I refer to your official information request under the Official Information Act 1982. We would like "
        "to work with you in order to clarify your request to enable us to respond.",
        "NZ", "clarification_requested", ()),
    # sixth session, from fresh train-bound Australian and New Zealand letters
    "AU subsection 24A(1)": (
        "I have decided to refuse access to your request under subsection 24A(1) of the Freedom of Information "
        "Act 1982 (Cth), on the basis that these documents do not exist.",
        "AU", "not_held", ("AUFOI:s24A",)),
    "AU grant part access": (
        "Under the Freedom of Information Act 1982 (Cth) I have decided to grant part access to 6 documents, "
        "with information redacted under section 22 of the FOI Act.",
        "AU", "partially_provided", ()),
    "AU partially exempt": (
        "Your request under the Freedom of Information Act 1982 (Cth). I have decided that the document is "
        "partially exempt from release on the basis of section 47F of the FOI Act.",
        "AU", "partially_provided", ("AUFOI:s47F",)),
    "AU decided to release one document": (
        "Your request under the Freedom of Information Act 1982 (Cth). Summary of Decision. I have decided to "
        "release 1 document to you. Details of the document are set out in a schedule at Annexure A.",
        "AU", "provided", ()),
    "AU refusal for diversion of resources": (
        "Freedom of Information request – refuse access to documents – diversion of resources\nI refer to your "
        "request dated 18 December 2024 under the Freedom of Information Act 1982 (Cth).",
        "AU", "refused", ("AUFOI:s24",)),
    "AU act named across a line with trailing spaces": (
        "I refer to your email seeking access to documents under the Freedom of \nInformation Act 1982\n (the "
        "FOI Act). Document 2, the section 30(2) exemption request from PM&C, is released in part under "
        "section 47F(1).",
        "AU", "partially_provided", ("AUFOI:s47F",)),
    "AU assistance to narrow the scope": (
        "Thank you for your request under the Freedom of Information Act 1982 (Cth). Can I please confirm a date "
        "range? I would also appreciate your assistance to narrow the scope of the request itself.",
        "AU", "clarification_requested", ()),
    "NZ substantial collation named without its number": (
        "Thank you for your request under the Official Information Act 1982. The correspondence requested "
        "cannot be provided without substantial collation or research, and is therefore refused.",
        "NZ", "refused", ("NZOIA:s18(f)",)),
    "NZ act named with the fi ligature lost": (
        "Due to the substantial amount of work that would be required, we are refusing your request under "
        "section 18(f) of the Of icial Information Act 1982 (\u201cthe OIA\u201d).",
        "NZ", "refused", ("NZOIA:s18(f)",)),
    "NZ see the attached spreadsheet": (
        "Thank you for your request under the Official Information Act 1982. Please see the attached  spreadsheet "
        "that provides headcount numbers. The rest of your request is refused under section 18(f) of the Act, "
        "due to the substantial collation that it would need.",
        "NZ", "partially_provided", ("NZOIA:s18(f)",)),
    "NZ proof of eligibility first": (
        "Before we begin processing your request, we require more information to establish your eligibility to "
        "make a request under the Official Information Act 1982.",
        "NZ", "clarification_requested", ()),
    "LGOIMA ground without the word section": (
        "Please find attached the agreement. The fee structure has been removed under 7(2)(b)(ii) of LGOIMA to "
        "protect the commercial position of the supplier.",
        "NZ", "partially_provided", ("NZLGOIMA:s7(2)(b)",)),
    "EU exceptions named in the Regulation's words": (
        "We refer to your application under Regulation (EC) No 1049/2001. I regret to inform you that your "
        "application cannot be granted, as disclosure is prevented by exceptions laid down in Article 4. The "
        "documents contain commercially sensitive information of the companies that submitted them, contain "
        "personal data, and relate to a decision which has not yet been taken.",
        "EU", "refused", ("EU1049:4(1)(b)", "EU1049:4(2)-1", "EU1049:4(3)")),
    # (eighth session of 2026-11-30: wordings of Australian train letters, constructed here)
    "AU full access, one l lost in the PDF view": (
        "I refer to your request under the Freedom of Information Act 1982. I have identified 1 document within "
        "the scope of your request. I have decided to grant ful access to this document.",
        "AU", "provided", ()),
    "AU irrelevant material taken out is not withheld": (
        "I refer to your request under the Freedom of Information Act 1982. I have decided to grant you access in "
        "full to both documents. I have redacted the names and contact details of non-SES staff as irrelevant "
        "material under section 22 of the FOI Act.",
        "AU", "provided", ()),
    "AU exempt in full after an earlier extension": (
        "I refer to your request under the Freedom of Information Act 1982. As notified to you, the statutory "
        "timeframe was extended by 30 days because of the consultation requirement. I have decided to exempt the "
        "documents in full under sections 45 and 47F of the FOI Act.",
        "AU", "refused", ("AUFOI:s45", "AUFOI:s47F")),
    "AU s24A in words": (
        "I refer to your request under the Freedom of Information Act 1982. I am satisfied that the documents "
        "you requested cannot be located or do not exist.",
        "AU", "not_held", ()),
    "AU documents outside the Act": (
        "I refer to your request under the Freedom of Information Act 1982. I find that the documents are not "
        "subject to the Freedom of Information Act because they relate to the company's commercial activities. "
        "Accordingly, I refuse access to the documents.",
        "AU", "invalid_request", ()),
    "AU s24AB notice by its name": (
        "Notice under s 24AB of the FOI Act. I refer to your request under the Freedom of Information Act 1982. "
        "The second part of your request does not identify the documents sought.",
        "AU", "clarification_requested", ()),
    "AU intention to refuse": (
        "The purpose of this notice is to advise you, as required under the Freedom of Information Act 1982, that I "
        "intend to refuse your request on the basis that a practical refusal reason exists.",
        "AU", "clarification_requested", ()),
    "AU all documents released, irrelevant parts out; authority to grant or refuse": (
        "I refer to your request under the Freedom of Information Act 1982. I am authorised to grant or refuse "
        "access to documents. I have identified eight (8) documents. I have decided to release all 8 documents with "
        "irrelevant information redacted.",
        "AU", "provided", ()),
    "AU an earlier extension told as history": (
        "I refer to your request under the Freedom of Information Act 1982. On 22 October 2020, the department "
        "wrote to you seeking clarification and requesting an extension of time. I am satisfied that the documents you "
        "have requested cannot be found or do not exist.",
        "AU", "not_held", ()),
    "NZ this part refused, the rest answered": (
        "Your request under the Official Information Act 1982 asked two questions. Question one: 14 staff attended "
        "the training. Question two: we were unable to locate any report. Therefore, I am refusing this part of "
        "your request under section 18(e) of the Act, as the document does not exist.",
        "NZ", "partially_provided", ("NZOIA:s18(e)",)),
    "UK names out of scope taken out": (
        "Please find attached the minutes of the meetings. Names of junior staff have been redacted as they are "
        "outside the scope of your request.",
        "UK", "provided", ()),
    "EU confirmatory decision": (
        "I refer to your confirmatory application. Having re-examined the request, I confirm the refusal of access "
        "under Article 4(3), first subparagraph, of Regulation 1049/2001.",
        "EU", "refused", ("EU1049:4(3)",)),
}


@pytest.mark.parametrize("name", sorted(LETTERS))
def test_each_countrys_law_is_read_from_the_letter(name):
    text, jurisdiction, outcome, codes = LETTERS[name]
    result = classify(text)
    assert (result.jurisdiction, result.outcome, result.exemptions) == (jurisdiction, outcome, codes), result.reason


def test_no_foreign_letter_gets_a_uk_code_and_the_decision_maker_clause_is_procedural():
    result = classify(LETTERS["AU access in part, s23 decision maker"][0])
    assert not any(code.startswith(("FOIA:", "FOISA:", "EIR:", "EISR:")) for code in result.exemptions)
    [clause] = [e for e in result.evidence if e.text == "23"]
    assert clause.role != "cited"
    state = classify(LETTERS["AU state act: no Commonwealth codes"][0])
    assert [e.role for e in state.evidence if e.text.startswith("30")] == ["other_act"]


def test_an_eu_confirmatory_decision_is_a_review():
    assert classify(LETTERS["EU confirmatory decision"][0]).stage == "internal_review"


def test_uk_letters_stay_uk():
    assert classify("The information is exempt under section 43(2) of the Freedom of Information Act 2000.").jurisdiction == "UK"
    assert classify("This is exempt under section 38(1)(b) of FOISA.").jurisdiction == "UK-SCT"
    # "exemption 6" in a UK reply is still US FOIA's numbering only where the letter is not another country's
    assert classify("We are withholding the records under Exemption 6, 5 U.S.C. 552(b)(6).").jurisdiction == "US"


def test_the_batch_output_and_the_analysis_group_by_jurisdiction():
    df = pd.DataFrame({"text": [LETTERS[name][0] for name in sorted(LETTERS)]
                       + ["The information is exempt under section 43(2) of the Freedom of Information Act 2000."]})
    labelled = label_dataframe(df)
    assert list(labelled["jurisdiction"]) == [LETTERS[name][1] for name in sorted(LETTERS)] + ["UK"]
    shares = outcome_shares(labelled, by="jurisdiction")
    assert set(shares.index) == {"AU", "NZ", "IE", "EU", "UK"}


@pytest.mark.parametrize("text", [
    "Under section 25(1) of the Freedom of Information Act 1982 access to the documents is refused. OAIC",
    "Under section 10 of the Official Information Act 1982 the information is withheld.",
])
def test_the_neither_confirm_nor_deny_provisions_of_other_countries(text):
    # AU s25 and NZ OIA s10 are procedural references, never "cited": citing them still means NCND
    assert classify(text).ncnd
    assert not classify(text.replace("25(1)", "26").replace("section 10", "section 12")).ncnd


def test_every_published_elsewhere_ground_is_one_set():
    # the grounds a reply names without a number imply codes; the pointer rule must know them all
    from foiclassify.labels import ACCESSIBLE_ELSEWHERE_CODES, EXEMPTIONS
    from foiclassify.rules.cues import IMPLIED_CODES

    assert set(IMPLIED_CODES["accessible_elsewhere"].values()) <= ACCESSIBLE_ELSEWHERE_CODES <= set(EXEMPTIONS)


def test_a_letter_that_numbers_its_grounds_as_foisa_does_is_scottish():
    # no act named: the numbers next to the grounds' names say which act (FOISA s38 is personal
    # information, UK FOIA's is health and safety; s33 commercial interests against s43)
    scottish = classify("Some redactions have been made where the information attracts the exemptions below:\n"
                        "S38 - Personal Information\nS33 - Commercial Interests and the Economy")
    assert (scottish.jurisdiction, scottish.exemptions) == ("UK-SCT", ("FOISA:s33", "FOISA:s38"))
    uk = classify("Names are withheld under section 40(2) (personal information) and prices under "
                  "section 43(2) (commercial interests).")
    assert (uk.jurisdiction, uk.exemptions) == ("UK", ("FOIA:s40", "FOIA:s43"))
    # a letter numbering one ground each way is not read as Scottish
    mixed = classify("Section 38 (personal information) and section 40 (personal information) apply.")
    assert mixed.jurisdiction == "UK"


def test_a_part_transferred_under_section_14_is_read_as_a_transfer():
    # "decided under section 14(b)(i) of the Act to transfer this part of the request": the rules'
    # own reading, not a guess from framing (sixth session, from a fresh train-bound NZ letter)
    text, *_ = LETTERS["NZ part transferred under section 14"]
    assert classify(text).reason == "passes the request to another body; no decision on it here"


def test_a_letter_naming_only_the_foi_act_is_placed_by_its_telephone_code():
    # an e-mail that names only "the FOI Act" and a section: the signature's country code says
    # whose Act it is (an Australian agency's third-party consultation, seen on RightToKnow)
    au = classify("We are consulting an affected third party under s 47 of the FOI Act.\nJo Smith\nT +61 (0) 2 6000 0000")
    assert au.jurisdiction == "AU"
    assert not any(code.startswith("FOIA:") for code in au.exemptions)
    nz = classify("The report is withheld under section 9(2)(a) of the Act.\nPhone +64 4 000 0000")
    assert nz.jurisdiction == "NZ"
    assert classify("The report is withheld under section 40(2) of the FOI Act.\nTel +44 20 7000 0000").jurisdiction == "UK"


def test_an_agency_named_for_its_country_and_irelands_earlier_acts():
    # an Australian agency's letter that cites only "the FOI Act": its own name says whose Act
    au = classify("I am the Chief Operating Officer of Screen Australia. I confirm the original decision that these "
                  "documents are exempt under s 38 of the FOI Act, and we cannot release them.")
    assert (au.jurisdiction, au.exemptions) == ("AU", ("AUFOI:s38",))
    # ... never where the letter names the UK Act
    uk = classify("The correspondence with the Australian High Commission is exempt under section 27 of the "
                  "Freedom of Information Act 2000.")
    assert (uk.jurisdiction, uk.exemptions) == ("UK", ("FOIA:s27",))
    ie = classify("I refer to your request under the Freedom of Information Acts 1997 and 2003 for the Minister's "
                  "travel costs. The costs are set out below.")
    assert ie.jurisdiction == "IE"


def test_foisa_known_by_its_year_where_scotland_was_lost_in_copying():
    # a council's PDF letter copied with "(Scotland)" dropped from the Act's name
    result = classify("1. Council is refusing this request under Section 25 of the Freedom of Information () Act "
                      "2002 – Information Otherwise Accessible.")
    assert (result.jurisdiction, result.exemptions) == ("UK-SCT", ("FOISA:s25",))
