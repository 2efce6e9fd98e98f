"""Every form of explicit reference the recognisers must read, cited and not cited."""

import pytest

from foiclassify import classify


def cited(text):
    return classify(text).exemptions


def roles(text):
    return {(e.label, e.role) for e in classify(text).evidence if e.role != "cue"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The information requested is exempt from disclosure under section 43(2) of the Act.", ("FOIA:s43",)),
        ("We are withholding the tender prices under s.43.", ("FOIA:s43",)),
        ("The contract values are withheld under s43 (commercial interests).", ("FOIA:s43",)),
        ("Officers' names have been withheld under s 40(2).", ("FOIA:s40",)),
        ("This information is exempt under sections 40(2) and 43 of the FOIA.", ("FOIA:s40", "FOIA:s43")),
        ("Section 12(1) of the Freedom of Information Act 2000 means we are not obliged to comply.", ("FOIA:s12",)),
        ("We have applied the exemption at 40(2) to the names of junior staff.", ("FOIA:s40",)),
        ("The Council is withholding the report under regulation 12(5)(e) of the Environmental Information Regulations.", ("EIR:12(5)(e)",)),
        ("We are refusing the request under reg. 12(4)(b) of the EIR as manifestly unreasonable.", ("EIR:12(4)(b)",)),
        ("Regulation 13 of the Environmental Information Regulations applies to the residents' names, which are withheld.", ("EIR:13",)),
        ("The information is exempt under section 33(1)(b) of FOISA.", ("FOISA:s33",)),
        ("Under the Freedom of Information (Scotland) Act 2002, the information is withheld under section 38(1)(b).", ("FOISA:s38",)),
        ("Third-party names were withheld pursuant to exemption (b)(6) of 5 U.S.C. § 552.", ("USFOIA:b6",)),
        ("Portions are withheld under FOIA Exemption 7(C).", ("USFOIA:b7C",)),
        ("The information is exempt under sections 21 to 24.", ("FOIA:s21", "FOIA:s22", "FOIA:s23", "FOIA:s24")),
        ("The information is exempt under ss. 41 and 42.", ("FOIA:s41", "FOIA:s42")),
        ("We consider that section 22A applies to the unpublished research.", ("FOIA:s22A",)),
        ("The Force is withholding this under sections 30(1)(a), 31(1)(a) and 40(2).", ("FOIA:s30", "FOIA:s31", "FOIA:s40")),
        # The Scottish Government's template: "an exemption(s) under section(s) …"
        ("We are unable to provide some of the information because an exemption(s) under section(s) 29(1)(d) of FOISA applies to it.", ("FOISA:s29",)),
        # grounds listed without the word "section", two brackets deep
        ("The following exemptions apply to the information withheld:\n• 31(1)(a) - the prevention or detection of crime\n"
         "• 40(2)(a) - personal information", ("FOIA:s31", "FOIA:s40")),
        ("We are withholding them in full under sections:\n- 9(2)(ba)(i) of the OIA, to protect information supplied in "
         "confidence; and\n- 9(2)(g)(i) of the OIA, to protect free and frank opinions.", ("NZOIA:s9(2)(ba)", "NZOIA:s9(2)(g)")),
    ],
)
def test_cited_forms(text, expected):
    assert cited(text) == expected


def test_subsections_kept_in_evidence():
    r = classify("The report is withheld under regulation 12(5)(e) and section 40(3A)(a).")
    texts = {e.text for e in r.evidence if e.role == "cited"}
    assert {"12(5)(e)", "40(3A)(a)"} <= texts


def test_foisa_numbers_are_not_foia_numbers():
    scottish = "Under the Freedom of Information (Scotland) Act 2002 the information is exempt under section 33(1)(b)."
    english = "Under the Freedom of Information Act 2000 the information is exempt under section 33(1)(b)."
    assert cited(scottish) == ("FOISA:s33",)
    assert cited(english) == ("FOIA:s33",)
    assert cited("You may apply to the Scottish Information Commissioner. The data is withheld under section 38(1)(b).") == ("FOISA:s38",)


def test_scottish_regulations_map_to_eisr():
    text = "We refuse under regulation 10(5)(e) of the Environmental Information (Scotland) Regulations 2004."
    assert cited(text) == ("EISR:10(5)(e)",)


# --- mentioned, not cited


def test_section_of_another_act_is_not_an_exemption():
    r = classify("We have disclosed the names, as section 35 of the Data Protection Act 2018 permits.")
    assert r.exemptions == ()
    assert ("Data Protection Act:s35", "other_act") in roles("We have disclosed the names, as section 35 of the Data Protection Act 2018 permits.")
    assert cited("Arrests under section 12 of the Public Order Act 1986 are recorded; the figures are attached.") == ()


def test_considered_and_not_applied():
    text = "We have considered whether section 43 applies and concluded it does not. The information is attached."
    assert cited(text) == ()
    assert ("FOIA:s43", "considered_not_applied") in roles(text)
    assert cited("We have not applied section 43 to the contract.") == ()
    assert cited("Section 36 is not engaged, but the names are exempt under section 40(2).") == ("FOIA:s40",)


def test_negation_does_not_cross_a_clause_break():
    text = "We considered sections 21 and 22 and they do not apply; however section 31(1)(a) applies to the tactics."
    assert cited(text) == ("FOIA:s31",)


def test_a_negation_of_something_else_does_not_unapply_the_exception():
    # from two train letters: the "not" is about the information, not about applying the exception
    text = ("The report has not yet been finalised, therefore we are applying the exception under "
            "regulation 12(4)(d) of the Environmental Information Regulations 2004.")
    assert cited(text) == ("EIR:12(4)(d)",)
    text = "We make no such checks. Therefore, EIR regulation 12(4)(a), information not held, applies."
    assert cited(text) == ("EIR:12(4)(a)",)
    assert cited("We have not, therefore, applied regulation 12(5)(e) to the contract.") == ()


def test_procedural_sections_are_not_cited():
    text = "Section 1 of the FOIA gives you the right to information. Under section 16 we offer advice. We issue this refusal notice under section 17."
    assert cited(text) == ()
    assert {("FOIA:s1", "procedural"), ("FOIA:s16", "procedural"), ("FOIA:s17", "procedural")} <= roles(text)


def test_quoted_request_is_not_cited():
    text = (
        "You asked:\n\nPlease give me the figures, applying section 12 if the cost limit is reached, "
        "and do not use section 40.\n\nResponse\n\nPlease find the figures below."
    )
    r = classify(text)
    assert r.exemptions == ()
    assert r.outcome == "provided"
    assert {e.role for e in r.evidence if e.label in ("FOIA:s12", "FOIA:s40")} == {"mentioned"}


def test_a_request_under_an_foi_request_label_is_quoted():
    # disclosure logs label the request "FOI request:" and the answer "Trust response:"
    text = ("FOI request:\nPlease send the contract, which is exempt under section 43 in your view.\n"
            "Trust response:\nThe contract is attached.")
    r = classify(text)
    assert r.exemptions == ()
    assert {e.role for e in r.evidence if e.label == "FOIA:s43"} == {"mentioned"}
    # a subject line naming the Act is no such label: the letter's own words stay its own
    assert cited("Freedom of Information Request: FOI-1234\nThe contract is exempt under section 43(2).") == ("FOIA:s43",)


def test_complaint_boilerplate_is_not_cited():
    text = (
        "Please find the information attached.\n\n"
        "Your right to complain\n\n"
        "If you are not happy you may ask for an internal review. You may then complain to the "
        "Information Commissioner under section 50 of the Act."
    )
    assert cited(text) == ()
    assert classify(text).outcome == "provided"


def test_quoted_email_history_is_not_cited():
    text = (
        "Please find the figures below: 14 incidents in 2023.\n\n"
        "-----Original Message-----\nFrom: J Smith\nSent: 1 May 2024\n\n"
        "I know you may say section 31 applies, but please provide the figures."
    )
    assert cited(text) == ()


def test_ordinary_numbers_are_not_references():
    assert cited("There were 43 complaints in 2022 and 12 in 2023; the figures are attached.") == ()
    assert cited("Our address is 40 High Street. It's 43 miles away.") == ()


def test_a_provision_in_a_table_of_statistics_is_not_cited():
    table = "Exemption applied | Requests |\n29(1)(a) | 12 |\n33(1)(b) | 13 |\nunder the Freedom of Information (Scotland) Act"
    assert cited(table) == ()
    assert cited("In 2019 (2)(3) of the boxes were opened.") == ()


def test_b6_needs_a_us_context():
    assert cited("The site is in grid square B6.") == ()


# Sixth session, from fresh train-bound UK letters: the EIRs' "exception" named without the word
# "regulation", FOIA s39 applied only to move a request to the EIRs, and section 23(1) named in
# section 24(1)'s own wording.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Under Environmental Information Regulations the information requested is exempt under Exception "
         "12(5)(b) The course of justice and inquiries.", ("EIR:12(5)(b)",)),
        ("The Scottish Government is applying the exception at 10(5)(f) of the EISRs to this information.",
         ("EISR:10(5)(f)",)),
        ("I have processed your request under the Environmental Information Regulations. Section 39 of the "
         "Freedom of Information Act 2000 exempts environmental information from the Act but requires us to "
         "consider it under the Regulations. The request is refused under regulation 12(4)(b) as manifestly "
         "unreasonable.", ("EIR:12(4)(b)",)),
        ("The information is exempt under section 24(1) and section 40(2). Section 24: National security. "
         "Information which does not fall within section 23(1) is exempt information if exemption from "
         "section 1(1)(b) is required for the purpose of safeguarding national security.", ("FOIA:s24", "FOIA:s40")),
        # unchanged: FOIA's exemption called by its number, and a cost-limit refusal
        ("The information is exempt under exemption 43 (commercial interests).", ("FOIA:s43",)),
        ("The information is exempt under section 12 as the cost would exceed the appropriate limit.", ("FOIA:s12",)),
    ],
)
def test_eir_exceptions_routing_and_provisions_named_inside_another(text, expected):
    assert cited(text) == expected
