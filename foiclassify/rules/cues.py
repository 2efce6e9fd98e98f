"""Cue phrases: what a reply's own words say it decided, as a table of data.

Each :class:`Cue` has a name (shown in the evidence), the signal it supports, a pattern and a
weight. Signals are outcome labels (``"provided"``, ``"not_held"`` …), the extra flags of
TAXONOMY §3 (``"ncnd"``, ``"public_interest_test"``, ``"advice_offered"``), and a few
intermediate signals the combine step reads:

- ``withheld``: information is withheld or the request refused (supports refused / partial);
- ``partial``: the reply says only part is answered;
- ``delay_apology``: sorry for lateness (a late answer, not a holding reply by itself);
- ``response_statement``: "I am writing in response to your request" (this message is the answer);
- ``answer_in_attachment``: the answer is said to be in an attached letter;
- ``internal_review``: the message gives the result of an internal review;
- ``transferred``: the request is passed to another body, which will answer it;
- ``cost_limit`` / ``vexatious`` / ``manifestly_unreasonable`` / ``accessible_elsewhere``: grounds
  named without a section number; they imply a code (see ``IMPLIED_CODES``).

Patterns are matched against the lower-cased text with line breaks read as spaces, and only
near their keywords (literal strings every match contains), so a pass costs little more than a
few ``str.find`` calls. Patterns use bounded gaps only, so matching stays linear in the length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import Keywords, fold, reach_of, windows_around


@dataclass(frozen=True)
class Cue:
    name: str
    signal: str
    pattern: str  # lower-case regex
    weight: float = 1.0
    # Literal lower-case strings of which every match contains at least one: the pattern only
    # runs near them, which keeps a pass over a long reply fast.
    keywords: tuple[str, ...] = ()


# The name of the cue "we are unable to provide …", which ``combine`` sets aside where the
# letter's only explanation is that the information is not held.
UNABLE_TO_PROVIDE = "will not disclose / unable to provide"
# The name of the cue "we will respond by …", which ``combine`` sets aside in an acknowledgement.
RESPONSE_PROMISED = "we will respond by"

W = r"[^.!?\n]{0,40}?"  # a short gap inside one sentence
WS = r"[ \t\n]{1,20}"  # a run of white space (bounded: patterns stay linear and their reach known)
# A body's name in the possessive, up to six words: "NHS Dumfries and Galloway's", "the Trust's"
POSSESSIVE = r"(?:[\w&.-]+[ \t]+){0,5}[\w&.-]+['’]s"

CUES: tuple[Cue, ...] = (
    # --- the answer is given
    Cue(
        "please find (the information)",
        "provided",
        r"please find"
        # not "Please find attached NHS Dumfries and Galloway's response to your request"
        r"(?![ \t\n]{1,20}(?:attached|enclosed|herewith)[ \t\n]{1,20}"
        + POSSESSIVE
        + r"[ \t\n]{1,20}(?:(?:full|formal|final)[ \t]+)?(?:response|letter|reply|decision)\b)"
        r"(?!"
        + WS
        + r"(?:(?:attached|enclosed|herewith)"
        + WS
        + r")?(?:(?:a"
        + WS
        + r")?cop(?:y|ies)"
        + WS
        + r"of"
        + WS
        + r")?(?:(?:our|my|the|a|this|your)"
        + WS
        + r")?(?:(?:full|formal|final)"
        + WS
        + r")?"
        r"(?:response|letter|reply|decision|acknowledg"
        # a leaflet about the Act itself: "please find attached further details on FoI"
        r"|(?:further |more )?(?:details|information|guidance) (?:on|about) (?:foi\b|freedom of"
        r" information|the act\b|how)))"
        r"(?:(?:"
        + WS
        + r"(?!(?:response|reply|letter|decision)\b)[\w'’,-]+){0,6}?"
        + WS
        + r"(?:attached|enclosed|below|as follows|set out)\b|"
        + WS
        + r"the (?:requested )?information\b)",
        1.5,
        keywords=("please find",),
    ),
    Cue(
        "I enclose / attached is",
        "provided",
        r"(?:\b(?:i|we) (?:enclose|attach|have attached|have enclosed|have included|am att"
        r"aching|are attaching|am providing|are providing|am releasing|are releasing)|\band "
        r"(?:enclose|attach))\b"
        # not "I attach the Council's response to your request"
        r"(?![ \t\n]{1,20}"
        + POSSESSIVE
        + r"[ \t\n]{1,20}(?:(?:full|formal|final)[ \t]+)?(?:response|letter|reply|decision)\b)"
        r"(?!"
        + WS
        + r"(?:you(?: with)?"
        + WS
        + r")?(?:(?:our|my|the|a|an|your)"
        + WS
        + r")?(?:(?:full|formal|final|official)"
        + WS
        + r")?(?:response|letter|reply|decision|acknowledg|information sheet|fact ?sheet|leaflet"
        r"|guidance note|ncnd|neither confirm|(?:a )?copy of (?:the |our )?(?:complaints? |appea"
        r"ls? |internal review )?procedure))",
        1.5,
        keywords=(
            "i enclose",
            "we enclose",
            "i attach",
            "we attach",
            "and enclose",
            "and attach",
            "have attached",
            "have enclosed",
            "have included",
            "am attaching",
            "are attaching",
            "am providing",
            "are providing",
            "am releasing",
            "are releasing",
        ),
    ),
    Cue(
        "attached with the information you asked for",
        "provided",
        # "I have attached our formal response to your request, and the information you asked for"
        r"\b(?:attached|enclosed)\b[^.!?\n]{0,60}?\b(?:and|along with|together with)"
        + WS
        + r"(?:all"
        + WS
        + r")?the"
        + WS
        + r"(?:information|data|documents|figures)"
        + WS
        + r"(?:you"
        + WS
        + r"(?:have"
        + WS
        + r")?(?:asked"
        + WS
        + r"for|requested)|requested)\b",
        1.5,
        keywords=("attached", "enclosed"),
    ),
    Cue(
        "information is set out / as follows",
        "provided",
        # not "contact details are as follows"
        r"\b(?:information|figures|numbers|data|details(?<!contact details)|answers?|responses|"
        r"costs?|totals?|list|table|breakdown|spreadsheet"
        # "A copy of the policy is attached" (not "a copy of our response / the original decision /
        # your request is attached": the letters of the exchange are no information given)
        r"|cop(?:y|ies)(?! of (?:our|my|the|this|your) (?:(?:full|formal|final|original|earlier|pre"
        r"vious|initial) )?(?:response|reply|letter|decision|request|correspondence|e-?mail|ackno"
        r"wledge?ment)))"
        + r"(?:(?!exempt)[^.!?\n]){0,40}?"
        + r"(?:is|are) (?:as follows|set out below|shown below|listed below|provided below|b"
        r"elow|attached|enclosed|appended|contained in the attached)"
        # "Questions 1 and 2 are answered below"
        r"|\b(?:questions?|parts?|points?)\b[^.!?\n]{0,40}?(?:is|are|have been|has been) answ"
        r"ered\b",
        1.5,
        keywords=("follows", "below", "attached", "enclosed", "appended", "answered"),
    ),
    Cue(
        "here is the information",
        "provided",
        r"\b(?:here is|here are|below is|below are) (?:the|our|a)\b"
        + W
        + r"(?:information|figures|data|answers?|details|list|table|breakdown)",
        1.0,
        keywords=("here is", "here are", "below is", "below are"),
    ),
    Cue(
        "in response to question N",
        "provided",
        r"\bin (?:response|reply|answer) to (?:part of )?(?:your )?(?:question|request|poi"
        r"nt|part|item|q)[ \t]*\(?\d",
        1.0,
        keywords=("in response to", "in reply to", "in answer to"),
    ),
    Cue(
        "we are able to provide / disclose",
        "provided",
        r"\b(?:i am|we are|i'm|we're|is|are) (?:pleased|happy|able) (?:to be able )?to (?:"
        r"provide|disclose|release|supply|confirm the following|share)\b",
        1.0,
        keywords=("pleased to", "happy to", "able to"),
    ),
    # "I can provide the number of staff employed (154)", "We can confirm that 14 officers were
    # disciplined": a cue of its own, as "can confirm" is common ("I can confirm that we do not
    # hold …") and should wake only this short pattern
    Cue(
        "we can give the figure",
        "provided",
        r"\b(?:i|we) can (?:provide|confirm|tell you|advise)(?: you(?: with)?)? (?:the )?(?:num"
        r"ber|total|figures?|amount|cost|list|names)\b"
        # "We can confirm that 14 officers were disciplined", "… that there were 37 incidents"
        r"|\b(?:i|we) can (?:confirm|advise|tell you) that (?:there (?:were|was|are|is|have be"
        r"en|has been) )?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten)\b",
        1.0,
        keywords=("can provide", "can confirm", "can tell", "can advise"),
    ),
    Cue(
        "the information has been / is provided",
        "provided",
        r"\b(?:information|figures|data|documents?|lists?|notes|minutes|spreadsheets?|reports?)"
        + W
        + r"(?:(?:has|have) been|is|are) (?:provided|disclosed|released|attached|included|en"
        r"closed)\b",
        1.0,
        keywords=(
            "been provided",
            "been disclosed",
            "been released",
            "been attached",
            "been included",
            "been enclosed",
            "is provided",
            "are provided",
            "is disclosed",
            "are disclosed",
            "is released",
            "are released",
            "is attached",
            "are attached",
            "is included",
            "are included",
            "is enclosed",
            "are enclosed",
        ),
    ),
    Cue(
        "a figure of zero",
        "provided",
        r"\b(?:there (?:were|was|have been|has been) (?:no|zero|0|nil|a nil) (?!recorded i"
        r"nformation)\w+|the (?:answer|figure|number) is (?:nil|zero|none|0)\b|\bnil retur"
        r"n\b)",
        1.0,
        keywords=(
            "there were",
            "there was",
            "there have been",
            "there has been",
            "the answer is",
            "the figure is",
            "the number is",
            "nil return",
        ),
    ),
    # NZ / AU decision letters: "The following documents fall within the scope of your request
    # and are enclosed"; "attached is all the information Environment Canterbury holds"
    Cue(
        "the documents within scope are enclosed",
        "provided",
        r"\bwithin (?:the )?scope of (?:your|the|this) request\b[^.!?\n]{0,30}?\b(?:are|is|"
        r"have been|has been) (?:enclosed|attached|released|provided)\b"
        r"|\b(?:attached|enclosed) (?:is|are) (?:all (?:of )?)?(?:the )?(?:information|docum"
        r"ents?|data|figures|records)\b",
        1.0,
        keywords=("scope of", "attached is", "attached are", "enclosed is", "enclosed are"),
    ),
    Cue(
        "information is being provided to you",
        "provided",
        r"\b(?:is|are) being (?:provided|disclosed|released) to you\b",
        1.0,
        keywords=("being provided", "being disclosed", "being released"),
    ),
    Cue(
        "provided the following information",
        "provided",
        r"\bprovided the (?:following|below) (?:information|response|details|data|figures|"
        r"table|breakdown)\b",
        1.0,
        keywords=("provided the",),
    ),
    # Pointing to where the information is published gives it, unless the reply relies on s21 for
    # that (combine: a cited s21/FOISA s25 makes this pointer the refusal's, not an answer).
    Cue(
        "the information is published on our website",
        "published",
        r"\b(?:information|data|figures|details|statistics|documents?|reports?|minutes)(?:"
        r" (?:you have|you've|you) (?:sought|requested|asked for))?"
        r" (?:is|are) (?:already )?(?:publicly )?(?:available|published|accessible) (?:on|"
        r"at|via|from|in|through) (?:the|our|its)\b"
        + W
        + r"\b(?:web ?sites?|web ?pages?|site|disclosure log|publication scheme|transparency)",
        1.0,
        keywords=("available", "published", "accessible"),
    ),
    Cue(
        "see the table below / attached document",
        "provided",
        r"\b(?:see|find) (?:the |our )?(?:below|following|attached|enclosed) (?:(?:excel|c"
        r"sv|pdf|word) )?(?:table|spreadsheet|document|list|breakdown|schedule|annex|data|"
        r"file|report)s?\b",
        1.0,
        keywords=(
            "see the",
            "see our",
            "see below",
            "see following",
            "see attached",
            "see enclosed",
            "find the",
            "find our",
            "find below",
            "find following",
            "find attached",
            "find enclosed",
        ),
    ),
    # The answer in a named annex or an attachment that shows it: "Please find at Annex B a
    # table which shows the number of serious faults", "Please see Annex A for some of the
    # information you have requested", "Please see attachment showing the number of empty
    # properties"; and a reply's "we can and have provided the number of PCNs", "We have therefore
    # provided annual figures"
    Cue(
        "see Annex A for the figures",
        "provided",
        r"\b(?:see|find) (?:at |in )?(?:annex|appendix|attachment|enclosure) [a-z0-9]{1,3}\b"
        + W
        + r"\b(?:table|list|spreadsheet|breakdown|figures|data|information you (?:have )?reques"
        r"ted)\b"
        r"|\bsee (?:the )?attachment (?:showing|which shows|that shows|detailing|listing)\b"
        r"|\b(?:we|i) (?:can and )?(?:have|has) (?:therefore |also )?provided (?:the (?:number"
        r"|total|figures?|data|information)|annual|monthly|quarterly|some of the)\b",
        1.0,
        keywords=(
            "annex",
            "appendix",
            "attachment",
            "enclosure",
            "have provided",
            "has provided",
            "therefore provided",
            "also provided",
        ),
    ),
    Cue(
        "please see the data attached",
        "provided",
        r"\bsee (?:the )?(?:data|figures|information|table|spreadsheet|breakdown)s? (?:att"
        r"ached|enclosed|below)\b"
        # "Please see the attached  spreadsheet that provides headcount numbers"
        r"|\bsee the (?:attached|enclosed)[ \t]+(?:spreadsheet|table|data|figures|breakdown)\b"
        # "Please see the answers to your questions below"
        r"|\bsee (?:the|our|my) answers? (?:to (?:your|the|each of your) questions? )?(?:below"
        r"|attached|enclosed)\b",
        1.0,
        keywords=(
            "see the attached",
            "see the enclosed",
            "see the answer",
            "see our answer",
            "see my answer",
            "see data",
            "see the data",
            "see figures",
            "see the figures",
            "see information",
            "see the information",
            "see table",
            "see the table",
            "see spreadsheet",
            "see the spreadsheet",
            "see breakdown",
            "see the breakdown",
        ),
    ),
    Cue(
        "the following table provides",
        "provided",
        r"\bthe (?:following|below|attached|enclosed) (?:table|spreadsheet|list|breakdown|"
        r"document)s? (?:provides|provide|shows|show|sets out|set out|details|gives|give|c"
        r"ontains|lists)\b",
        1.0,
        keywords=(
            "following table",
            "following spreadsheet",
            "following list",
            "following breakdown",
            "following document",
            "below table",
            "below list",
            "attached table",
            "attached spreadsheet",
            "attached list",
            "attached breakdown",
            "attached document",
            "enclosed table",
            "enclosed spreadsheet",
            "enclosed list",
            "enclosed document",
        ),
    ),
    Cue(
        "the information accompanies this letter",
        "provided",
        r"\b(?:information|data|figures)"
        + W
        + r"accompan(?:y|ies) this (?:letter|email|e-mail|response)\b",
        1.0,
        keywords=("accompan",),
    ),
    Cue(
        "a copy of all of the information you requested",
        "provided",
        r"\ba copy of (?:all )?(?:of )?the information (?:that )?you (?:have )?requested\b",
        1.0,
        keywords=("copy of",),
    ),
    Cue(
        "released / access granted in full",
        "provided",
        r"\b(?:release[ds]?|releasing|publish(?:ed|ing)?|grant(?:ed|ing)?|provided|disclosed?)\b"
        + W
        + r"\bin full\b(?! (?:under|pursuant))"
        # (RightToKnow's PDF views drop a doubled "l": "I have decided to grant ful access")
        r"|\b(?:granted|grant(?: you)?|give you|been given) full? access\b|\bfull access (?:is|h"
        r"as been|can be|will be) granted\b"
        # "I have decided to release 1 document to you"
        r"|\bdecided to release (?:all )?(?:\d{1,4}|one|two|three|four|five|all|both|the)"
        r"(?: \(\d{1,4}\))? documents?\b",
        1.5,
        keywords=("in full", "full access", "ful access", "decided to release"),
    ),
    # --- only part is answered
    Cue(
        "with the exception of",
        "partial",
        r"\b(?:with the exception of|except for|apart from) (?:part|some|the|your|request|"
        r"question|point|item|information)",
        1.0,
        keywords=("exception of", "except for", "apart from"),
    ),
    Cue(
        "some of the information is withheld",
        "partial",
        r"\b(?:some|part|parts|elements|certain|a small amount|the remainder|the remaining"
        r"|the rest) of (?:the|this|that|your)\b"
        + W
        + r"(?:withheld|redacted|exempt|not (?:be )?(?:disclosed|provided|released)|not held"
        r"|covered by[ \t]+(?:the[ \t]+following|an?[ \t]|one[ \t]+of|sections?|exemptio"
        r"ns?)"
        # "Some parts of this response will constitute a refusal to deal with your request"
        r"|constitutes? a refusal)",
        1.5,
        keywords=(
            "some of",
            "part of",
            "parts of",
            "elements of",
            "certain of",
            "amount of",
            "remainder of",
            "remaining of",
            "rest of",
        ),
    ),
    Cue(
        "we are unable to provide some of it",
        "partial",
        r"\b(?:unable to|cannot|can not|not able to) (?:provide|disclose|release|supply) ("
        r"?:you with )?(?:some|part|parts) of\b"
        r"|\b(?:enclose|provide|disclose|release|attach)(?:d|s)? (?:a copy of )?(?:some|mo"
        r"st|part) of the (?:requested )?information\b"
        r"|\b(?:attached|enclosed) (?:is|are) (?:a copy of )?(?:some|most|part) of the inf"
        r"ormation\b"
        # NZ "you have the right to ask the Ombudsman to review my decision to refuse part of
        # your request"; "we are refusing part of your request under section 12"
        r"|\b(?:refuse|refused|refusing|refusal of|withhold|withheld|withholding) (?:some|part|"
        r"parts) of (?:your|the|this) request\b"
        # NZ "I am refusing this part of your request under section 18(e)", "I must refuse this
        # portion of your request"
        r"|\b(?:refuse|refusing|decline|declining) (?:this|that) (?:part|portion) of your req"
        r"uest\b"
        # "We are only able to provide an answer to Q1"
        r"|\bonly (?:able|in a position) to (?:provide|answer|give|supply|disclose|release)\b",
        1.5,
        keywords=(
            "some of",
            "most of",
            "part of",
            "parts of",
            "portion of",
            "only able",
            "only in a position",
        ),
    ),
    Cue(
        "redacted",
        "partial",
        r"\b(?:has|have|been|were|was) (?:been )?redacted\b|\b(?:is|are) held in part\b|\b"
        r"redactions? (?:have|has) been (?:made|applied)|\bwithheld in part\b|\bpartially "
        r"(?:disclosed|withheld|provided)"
        # "Certain information has been withheld under section 9(2)(a)", "We have withheld the
        # names and contact details of three people": parts taken out of what is released
        r"|\b(?:certain|some) (?:information|data|details|material|content|text|parts?|names?|"
        r"personal (?:information|details|data)) (?:has|have|was|were|is|are) (?:been )?(?:withhe"
        r"ld|redacted|removed)\b"
        r"|\bwithheld (?:the|some|certain) (?:names|contact details|personal (?:details|info"
        r"rmation|data)|signatures|(?:e-?mail|phone|telephone) (?:addresses|numbers))\b"
        # small numbers held back: "numbers less than 5 have been suppressed", "figures of 5 or
        # fewer have been replaced with '<5'"
        r"|\b(?:numbers|figures|values|counts)\b[^.!?\n]{0,40}?\b(?:have|has) been (?:suppress"
        r"ed|replaced|masked)\b",
        1.5,
        keywords=(
            "redact",
            "withheld",
            "held in part",
            "partially",
            "removed",
            "been suppressed",
            "been replaced",
            "been masked",
        ),
    ),
    # Other countries' words for a partial release (AU "grant access in part", "publish the
    # documents in part"; NZ "released in part"; IE "part-grant"; EU "partial access").
    Cue(
        "access granted / released in part",
        "partial",
        r"\b(?:grant(?:ed|ing)?|give|given|release[ds]?|releasing|publish(?:ed|ing)?|provi"
        r"de[ds]?|disclose[ds]?)" + W + r"\bin part\b"
        r"|\bpart[- ]grant(?:ed|ing)?\b|\bpartial (?:access|release|grant)\b|\baccess in p"
        r"art\b|\bpartially (?:release[ds]?|releasing|grant(?:ed)?)\b"
        r"|\bonly (?:to |of )?(?:certain|some|part of the) (?:of the )?documents\b"
        # AU "I have decided to grant part access to 6 documents", "partially exempt from release"
        r"|\bpart access\b|\bpartially exempt\b",
        1.5,
        keywords=(
            "in part",
            "part-grant",
            "part grant",
            "partial access",
            "partial release",
            "partial grant",
            "partially",
            "certain documents",
            "some documents",
            "some of the documents",
            "part of the documents",
            "part access",
            "partially exempt",
        ),
    ),
    # NZ "One email trail was located which I have decided to release to you subject to
    # information being withheld under the following sections"
    Cue(
        "released subject to some information being withheld",
        "partial",
        r"\b(?:release[ds]?|releasing|provide[ds]?|providing|disclose[ds]?|disclosing)\b[^.!?\n]"
        r"{0,120}?\bsubject to (?:some |certain )?(?:information|parts?|material|details) (?:b"
        r"eing|that is|that are|to be) (?:withheld|redacted|removed)\b",
        1.5,
        keywords=("subject to",),
    ),
    Cue(
        "NCND for any other information",
        "partial",
        r"\bconfirm (?:n?or|or) deny\b[^.!?]{0,60}?\bany (?:other|further|additional) (?:r"
        r"ecorded )?information\b",
        1.0,
        keywords=("confirm",),
    ),
    # --- refused / withheld
    Cue(
        "is exempt from disclosure",
        "withheld",
        r"\b(?:is|are|being|falls?|considered|therefore|be|deemed|remains?) (?:therefore |"
        r"considered |being )?exempt(?:ed)?\b(?! from (?:the )?(?:fee|charge))",
        1.5,
        keywords=("exempt",),
    ),
    Cue(
        "exemption applies / is engaged",
        "withheld",
        r"\b(?=ex)(?<!unless )(?<!if )(?<!if an )(?<!where )(?<!whether )(?<!whether an )("
        r"?:exemptions?|exceptions?) (?:applies|apply|is engaged|are engaged|has been appl"
        r"ied|have been applied)|\b(?:applying|apply|applied|rely|relying|relied) (?:on |u"
        r"pon )?(?:the )?(?:exemptions?|exceptions?)\b",
        1.5,
        keywords=("exemption", "exception"),
    ),
    Cue(
        "information is withheld",
        "withheld",
        r"\b(?:is|are|been|being|be) (?:withheld|refused)\b|\b(?:withhold|withholding|refu"
        r"se|refusing|decline|declining) (?:the|this|that|your|to)\b|\brefusal notice\b"
        # (not an officer's authority "to grant or refuse access to documents")
        r"|(?<!grant or )\brefus(?:e|ed|ing) access\b"
        # "I have withheld an attendee list for a conference dinner" (not an acknowledgement's "we
        # will tell you that we have withheld information and why")
        r"|(?<!that )\b(?:i|we) (?:have|had) withheld\b"
        # AU "I have decided to exempt the documents in full under sections 45, 47F and 47E(c)"
        r"|\bdecided to exempt\b"
        # an EU body: "your application cannot be granted, as disclosure is prevented by …"
        r"|\b(?:application|request|access)(?: to (?:the |these |this )?documents?)? (?:cannot"
        r"|can not|could not|will not) be granted\b|\bdisclosure is prevented\b"
        # an EU body: a case file "for which a general presumption of non-accessibility applies"
        r"|\bgeneral presumption of non-?accessibility\b",
        1.5,
        keywords=(
            "withheld",
            "refused",
            "withhold",
            "refus",
            "declin",
            "be granted",
            "disclosure is prevented",
            "presumption of non",
            "decided to exempt",
        ),
    ),
    Cue(
        UNABLE_TO_PROVIDE,
        "withheld",
        r"\b(?:will not|cannot|can not|can't|won't|unable to|not able to|not in a position to)"
        # ours, not the requester's ("if you are not able to provide any of the above")
        r"(?<!you are not able to)(?<!you are unable to)(?<!you're unable to)(?<!you cannot)(?<"
        r"!you can not)(?<!you can't)(?<!you will not)(?<!you won't)"
        + W
        + r"(?:disclose|release|provide|supply|comply)\b(?!"
        + W
        + r"within)",
        1.0,
        keywords=(
            "will not",
            "cannot",
            "can not",
            "can't",
            "won't",
            "unable to",
            "not able to",
            "not in a position to",
        ),
    ),
    Cue(
        "not obliged to comply",
        "withheld",
        r"\bnot (?:obliged|required|under a duty) to (?:comply|provide|respond|disclose)"
        # "… is not required to provide information which it does not have" (EIRs' not held) is not
        # a refusal
        r"(?! (?:you with )?(?:any )?information (?:which|that) (?:it|we|they) do(?:es)? n"
        r"ot (?:have|hold))",
        1.5,
        keywords=("not obliged", "not required", "not under a duty"),
    ),
    Cue(
        "neither confirm nor deny",
        "ncnd",
        r"\b(?:neither|not|unable to|cannot) (?:to )?confirm (?:n?or|or) deny\b|\bncnd\b",
        2.0,
        keywords=("confirm", "ncnd"),
    ),
    Cue(
        "exceeds the cost limit",
        "cost_limit",
        r"\b(?:exceed|exceeds|exceeding|exceeded|in excess of|above|over|beyond|outside|lo"
        r"nger than|more than)"
        + W
        + r"(?:appropriate|cost|costs|fees?|upper cost|statutory cost) (?:limit|level)"
        r"|\b(?:appropriate|cost) limit\b" + W + r"(?:exceed|would be exceeded|has been exceeded)"
        r"|\bexceed(?:s|ed|ing)?\b"
        + W
        + r"\b(?:18|eighteen|24|twenty[- ]four)[- ]hours?\b|\b(?:18|24)[- ]hour (?:time )?limit\b"
        r"|\bexcessive cost\b|\bcost of compliance\b" + W + r"exceed|\b(?:prove|be) too costly\b"
        r"|\bcost (?:more than|in excess of|over) £[ ]?(?:450|600)\b|\bexceed(?:s|ed|ing)?"
        r" the (?:time|cost) threshold\b"
        # "well over the number of hours a public authority must spend on one request"
        r"|\b(?:over|more than|beyond|above|exceed(?:s|ed|ing)?) the (?:number of )?hours "
        r"(?:that )?(?:a|the|an|any) (?:public )?(?:authority|council|force|department|tru"
        r"st|organisation) (?:must|is required to|is obliged to|has to|is expected to|need"
        r"s to) spend\b"
        # "it would take over 18 hours work", "would take us over 18 staff hours"
        r"|\b(?:take|takes|taking|require|requires|involve|involves)(?: us| staff)? (?:well )?(?"
        r":over|more than|in excess of|beyond) (?:18|eighteen|24|twenty[- ]four) (?:staff |wor"
        r"king |officer )?hours\b"
        # "would exceed the maximum amount of time a public authority is required to spend"
        r"|\bexceed(?:s|ed|ing)? the maximum (?:amount of )?time\b"
        # "we would have to go into each individual report … which would exceed the time and
        # cost of compliance"
        r"|\bexceed(?:s|ed|ing)? the (?:time and cost|cost and time|cost) of compliance\b"
        # the like of it elsewhere: AU s24 "would substantially and unreasonably divert the
        # resources"; NZ s18(f) "without substantial collation or research"
        r"|\bsubstantially and unreasonably divert\b|\bwithout substantial collation (?:or|an"
        r"d) research\b",
        2.0,
        keywords=(
            "unreasonably divert",
            "substantial collation",
            "limit",
            "appropriate level",
            "cost level",
            "costs level",
            "fee level",
            "fees level",
            "18 hour",
            "18-hour",
            "eighteen hour",
            "eighteen-hour",
            "24 hour",
            "24-hour",
            "twenty four hour",
            "twenty four-hour",
            "twenty-four hour",
            "twenty-four-hour",
            "excessive cost",
            "cost of compliance",
            "cost more than",
            "cost in excess of",
            "cost over",
            "time threshold",
            "cost threshold",
            "too costly",
            "the hours",
            "the number of hours",
            "18 staff hour",
            "18 working hour",
            "18 officer hour",
            "24 staff hour",
            "24 working hour",
            "maximum time",
            "maximum amount of time",
        ),
    ),
    # An Australian practical refusal named in a refusal's subject line: "Freedom of Information
    # request – refuse access to documents – diversion of resources". Elsewhere the words only
    # explain another ground (the EIRs' manifestly unreasonable burden), so no code but AU's.
    Cue(
        "refused for diversion of resources",
        "resource_diversion",
        r"\brefus(?:e|ed|al of) access to (?:the )?documents?\b[^.!?\n]{0,20}?\bdiversion of "
        r"(?:the )?resources\b",
        2.0,
        keywords=("diversion of",),
    ),
    Cue(
        "vexatious",
        "vexatious",
        r"\b(?:vexatious|repeated request|repeat request)\b",
        1.5,
        keywords=("vexatious", "repeat"),
    ),
    Cue(
        "manifestly unreasonable",
        "manifestly_unreasonable",
        r"\bmanifestly unreasonable\b",
        1.5,
        keywords=("manifestly",),
    ),
    Cue(
        "reasonably accessible",
        "accessible_elsewhere",
        r"\breasonably accessible\b|\baccessible (?:to you )?by other means\b",
        1.5,
        keywords=("accessible",),
    ),
    # --- not held
    Cue(
        "we do not hold",
        "not_held",
        r"\b(?:do|does|did) not (?:hold|have|retain|keep|record|collate|capture|collect)\b(?! to)"
        + W
        + r"(?:information|data|records?|figures|details|this|that|any|such|it)"
        r"|\bno longer (?:hold|have|retain|keep)\b"
        + W
        + r"(?:information|data|records?|figures|details|any|such)"
        r"|\b(?:is|are|was|were) not held\b|\bnot held by\b|\bno longer held\b|\bholds? no\b"
        r"|\bhold no\b|\bno"
        r" (?:recorded )?information (?:is |was )?held\b"
        r"|\bno recorded information\b|\binformation (?:is|was) not (?:held|recorded|retai"
        r"ned)\b|\bdoesn't hold\b|\bdon't hold\b"
        # "no record of these are held at headquarters"
        r"|\bno records? (?:of (?:these|this|them|it|that|those) )?(?:is|are|was|were) (?:held|k"
        r"ept|retained)\b"
        # an answer line: "2019 – Not Held in line with our retention schedule", "Q3: not held"
        r"|[-–:][ \t]*not held\b",
        2.0,
        keywords=(
            "not hold",
            "not have",
            "not retain",
            "not keep",
            "not record",
            "not collate",
            "not capture",
            "not collect",
            "no longer",
            "not held",
            "hold no",
            "holds no",
            "no recorded",
            "no information",
            "not retained",
            "n't hold",
            "no record",
        ),
    ),
    # A search that found nothing: "a search of our files located no records responsive to your
    # request", "no documents were found that would correspond to the description" (EU), "OLAF was
    # not able to identify any documents", "we have been unable to locate any information". A cue
    # of its own, so that common words such as "any information" wake only this short pattern.
    Cue(
        "the search found nothing",
        "not_held",
        r"\b(?:located|found|identified|revealed|yielded) no (?:responsive )?(?:records?|docume"
        r"nts?|information)\b"
        # AU s24A in words: "I am satisfied that they cannot be located or do not exist"
        r"|\b(?:cannot|can not|could not) be (?:found|located),? or (?:do|does|did) not exist\b"
        r"|\bno (?:such )?documents? (?:were|was|have been|has been|could be) (?:found|identif"
        r"ied|located)\b|\b(?:not able to|unable to|could not|cannot|(?:has|have) not) (?:identif"
        r"(?:y|ied)|find|found|locate|located)"
        r" any (?:such )?(?:documents?|(?:recorded )?information|records?)\b",
        2.0,
        keywords=(
            "no records",
            "no record",
            "no responsive",
            "no documents",
            "no document",
            "no such document",
            "no information",
            "any documents",
            "any document",
            "any such document",
            "any information",
            "any recorded",
            "any record",
            "not exist",
        ),
    ),
    # "The Council has no responsibility for highway maintenance. This is the responsibility of
    # the Department for Regional Development": the information is another body's to hold
    Cue(
        "not our responsibility",
        "not_held",
        r"\b(?:has|have|had) no responsibility for\b|\bis not (?:the )?responsibility of (?:th"
        r"e|this|our) (?:council|authority|trust|force|department|university|service)\b",
        1.5,
        keywords=("no responsibility for", "not the responsibility of", "not responsibility of"),
    ),
    # --- not a valid request
    # The Act's request must state the applicant's name: "please provide your surname so we may
    # input the correct applicant details", "please can you provide your full name to validate
    # your request"
    Cue(
        "your name is needed",
        "invalid_request",
        r"\b(?:provide|give|supply|send) (?:us |me )?(?:with )?your (?:full |real |first and "
        r"(?:last|sur)|first name and )?(?:name|surname)\b",
        2.0,
        keywords=("your full name", "your real name", "your name", "your surname", "your first"),
    ),
    Cue(
        "not a valid request",
        "invalid_request",
        r"\bnot (?:a )?valid (?:request|freedom of information request|foi request)|\bdoes"
        r" not (?:constitute|meet the requirements of) (?:a )?valid\b"
        r"|\b(?:invalid request|request is invalid)\b|\b(?:treated|handled|dealt with|cons"
        r"idered|processed|deal with|treat|handle|process) (?:it |this |your request )?(?:"
        r"as|under) (?:a )?subject access request\b|\bis a subject access request\b|\bbusi"
        r"ness as usual\b|\bnot (?:a )?requests? for (?:recorded |official )?information\b"
        r"|\b(?:questions|opinions?|explanations?|comments?)\b[^.!?\n]{0,60}?,? rather than "
        r"(?:for |requests? for )?(?:recorded )?information\b"
        r"|\bdoes not fall under the (?:freedom of information|foi)\b"
        # "Your request does not meet the requirements of section 8(1)(c) of the Act"
        r"|\b(?:does|did) not (?:meet|satisfy|comply with|fulfil) (?:the )?requirements? (?:of|"
        r"in|under|set out in) section 8\b",
        2.0,
        keywords=(
            "valid",
            "constitute",
            "meet the requirements",
            "subject access",
            "business as usual",
            "not a request for",
            "not request for",
            "not requests for",
            "rather than",
            "does not fall under",
            "requirement",
        ),
    ),
    # What was asked for lies outside the Act: "the documents are not subject to the Freedom of
    # Information Act because they relate to nbn's commercial activities". (Not "outside the scope
    # of the FOI Act", said also of a document pointed to because it is published, nor "exempt
    # from the operation of the FOI Act", said also of parts of documents.)
    Cue(
        "outside the Act",
        "invalid_request",
        r"\bnot subject to the (?:freedom +of +information|foi|official +information) +act\b",
        2.0,
        keywords=("not subject to",),
    ),
    # --- clarification
    Cue(
        "please clarify",
        "clarification_requested",
        r"\b(?:could|can|would|will) you (?:please )?(?:clarify|confirm|specify|narrow|refine|ex"
        r"plain|tell us|let us know|provide (?:(?:me|us|this office) with )?(?:more|further|some))"
        r"|\bplease (?:could you )?(?:clarify|specify)\b|\bclarify what you mean\b|\b(?:fu"
        r"rther|more) clarification\b"
        # "I am writing to ask you to clarify your request", "grateful if you would clarify",
        # "In order to help us identify information within the scope of your request"
        r"|\b(?:ask|asking|request|requesting|invite|inviting) you to clarify\b|\bgrateful if y"
        r"ou (?:would|could|can) clarify\b|\bhelp us (?:to )?identify (?:the )?information\b"
        # not one already received: "your email of 7 February with clarification on 10 February"
        r"|(?<!with )(?<!following )(?<!after )\bclarification (?:of|on|regarding|about|as to)\b"
        r"|\bbefore (?:we|i) (?:can|are able to) (?:process|respond|deal|proceed|progress|answer)"
        r"|\bbefore (?:we|i) (?:can )?(?:begin|start) (?:processing|to process|considering|work"
        r"ing on) (?:your|the|this) request\b"
        # (not an acknowledgement's "if we require further information from you, we will …")
        r"|\b(?:require|need)(?<!if we require)(?<!if we need)(?<!if i require)(?<!if i need)(?<"
        r"!should we require)(?<!should we need) (?:more|further|additional) information (?:fro"
        r"m you )?(?:to|in order to|before)\b"
        # an EU body's Article 6(2) letter: "we invite you to send us more detailed information"
        r"|\b(?:invite|ask|request) you to (?:send|provide|give|submit) (?:us |me )?(?:with )?(?"
        r":more|further|additional|clearer) (?:detailed |precise |specific )?(?:information|de"
        r"tails|description)\b|\brequest for clarification\b"
        # "we would like to enquire on which subject … so that we may better address your request"
        r"|\bso that (?:we|i) (?:may|can|could|are able to) (?:better )?(?:address|handle|identi"
        r"fy|locate|process|deal with|respond to) your (?:request|application)\b"
        # "Can I ask at the outset that you elaborate a little on the detail of the request?"
        r"|\b(?:ask|asking|request|requesting) (?:at the outset )?that you (?:elaborate|expand|cla"
        r"rify|specify)\b|\b(?:could|can|would) you (?:please )?(?:elaborate|expand) on\b"
        # NZ "We would like to work with you in order to clarify your request"
        r"|\bwork with you (?:in order )?to (?:clarify|refine|narrow) (?:your|the|this) request\b"
        # AU "I would also appreciate your assistance to narrow the scope of the request"
        r"|\bassistance to (?:narrow|refine|clarify) (?:the scope of )?(?:your|the|this) request\b",
        2.0,
        keywords=(
            "invite you to",
            "ask you to",
            "request you to",
            "that you elaborate",
            "that you expand",
            "that you clarify",
            "that you specify",
            "elaborate on",
            "expand on",
            "more information",
            "further information",
            "additional information",
            "clarif",
            "specify",
            "could you",
            "can you",
            "would you",
            "will you",
            "before we",
            "before i",
            "so that we",
            "so that i",
            "work with you",
            "help us identify",
            "help us to identify",
            "assistance to",
        ),
    ),
    # Before any decision, the requester is asked to revise the request or to supply what
    # registering it needs: an Australian practical-refusal notice (s24AB: "intend to refuse …
    # you may revise your request"), an EU body asking to narrow a very large application (a "fair
    # solution", Article 6(3); a fair solution on timing alone is a holding reply),
    # an EU body's request for a postal address. Its talk of refusing is not a refusal.
    Cue(
        "revise your request before a decision",
        "consultation",
        r"\brequest consultation (?:process|period|notice)\b|\bmake a revised request\b|\brevise"
        r" your request\b|\bnotice of (?:an |my |our )?intention to refuse\b"
        # AU "Notice under s 24AB of the FOI Act", "Section 24AB consultation notice", "I intend to
        # refuse your request on the basis that a practical refusal reason exists"
        r"|\bnotice (?:under|pursuant to) (?:s|section)\.? ?24ab\b"
        r"|\b(?:s|section)\.? ?24ab (?:consultation )?notice\b"
        r"|\b(?:i|we) intend to refuse your request\b"
        r"|\b(?:narrow|reduce|limit|refine)(?: down)? the scope of (?:your|the) application\b"
        r"|\bscope of (?:your|the) (?:request|application) (?:must|should|would need to|needs to|"
        r"has to) be (?:reduced|narrowed|limited)\b"
        r"|\b(?:indicated|provide|send|give) (?:us |me )?(?:with )?your (?:full )?postal address\b"
        r"|\bin order to (?:be able to )?register your (?:request|application)\b",
        2.0,
        keywords=(
            "request consultation",
            "24ab",
            "intend to refuse",
            "revised request",
            "revise your request",
            "intention to refuse",
            "scope of",
            "postal address",
            "register your",
        ),
    ),
    # --- acknowledgement
    Cue(
        "we have received your request",
        "acknowledgement",
        r"\b(?:we|i) (?:have |has )?(?:received|acknowledge(?! that)|logged)\b"
        + W
        + r"(?:request|e-?mail|letter)"
        r"|\b(?:request|e-?mail|enquiry|query|correspondence) (?:for information )?(?:whic"
        r"h )?(?:was|has been|is being|had been) (?:received|accepted|logged|passed)"
        r"|\b(?:request|e-?mail|letter|enquiry) (?:which|that) (?:we|i) (?:have )?received\b"
        r"|\bconfirm(?:ation)? (?:of )?(?:receipt|that we have received)|\backnowledg(?:e|"
        r"es|ing) receipt\b|\backnowledge?ment of (?:your )?(?:request|receipt)\b|\bautoma"
        r"ted (?:confirmation|response|reply|acknowledg)"
        r"|\bautomatic (?:reply|response|acknowledg)|\bthis is an auto\b"
        r"|\b(?:we|i) are (?:now |currently )?(?:handling|processing|dealing with) your (?:re"
        r"quest|e-?mail|enquiry)\b|\bhave given it (?:the )?reference\b",
        1.5,
        keywords=(
            "received",
            "acknowledg",
            "logged",
            "accepted",
            "passed",
            "receipt",
            "automated",
            "automatic",
            "auto",
            "handling your",
            "processing your",
            "dealing with your",
            "given it",
        ),
    ),
    Cue(
        "you can expect a response within 20 working days",
        "acknowledgement",
        r"\b(?:expect|receive|send you|aim to (?:send|provide)|will (?:respond|reply)|requ"
        r"ired to (?:respond|reply)|(?:be|is) handled)[^.!?\n]{0,88}?(?:within|by|no later"
        r" than)" + W + r"(?:15|20|30|fifteen|twenty|thirty) working days"
        r"|\b(?:being|be) (?:considered|dealt with|processed|handled) (?:under|in accordan"
        r"ce with)\b",
        1.0,
        keywords=(
            "working days",
            "being considered",
            "being dealt",
            "being processed",
            "being handled",
            "be considered",
            "be dealt",
            "be processed",
            "be handled",
        ),
    ),
    # "I can confirm that this matter is currently receiving attention and a Trust representative
    # will be in touch with you within the statutory timescale"; "We will get back to you in due
    # course"
    Cue(
        "we will get back to you",
        "acknowledgement",
        r"\b(?:is|are) (?:currently |now )?receiving (?:attention|consideration)\b"
        r"|\b(?:we|i) will (?:get back to|come back to|be in touch with|contact) you (?:in due cou"
        r"rse|shortly|as soon as (?:possible|we can)|within)\b",
        1.0,
        keywords=(
            "receiving attention",
            "receiving consideration",
            "get back to",
            "come back to",
            "be in touch",
            "will contact you",
        ),
    ),
    # --- the request is passed to another body (NZ OIA s14, AU s16): no decision on it here
    Cue(
        "the request is transferred",
        "transferred",
        r"\b(?:(?:have|has|had) (?:now )?transferred|(?:am|are|is) (?:now )?transferring) (?:y"
        r"our|the|this|part of your) (?:oia |lgoima |foi )?request\b"
        r"|\b(?:decided|required|obliged)(?: under [^.!?\n]{1,80}?)? to transfer (?:your|the|thi"
        r"s|(?:this )?part of (?:your|the|this)) request\b",
        2.0,
        keywords=("transferred", "to transfer", "transferring"),
    ),
    # --- delayed / holding reply
    Cue(
        "we need more time",
        "delayed",
        r"\b(?:need|needs|require|requires|requiring|needed) (?:more|additional|further|ex"
        r"tra) time\b"
        # not NZ s18A's "we considered charging or extending the timeframe" before refusing
        r"|\bextend(?<!charging or extend)(?<!charge or extend)(?:ed|ing)? (?:the |our )?(?:time"
        r"|deadline|period|response)"
        # NZ "is extending the 20 working days available to respond"
        r"|\bextend(?:ed|ing)? (?:the |our )?(?:\d{1,3}|twenty) (?:working |calendar )?days\b"
        r"|\bextension (?:of|to) (?:the )?(?:time|deadline|period)\b|\bsection 10\(3\)|\breg"
        r"ulation 7\(1\)\b"
        r"|\bnot yet (?:been )?(?:able|in a position)\b|\bstill (?:being )?(?:working on|c"
        r"onsidering|processing|collating|gathering)\b"
        r"|\b(?:not be able to|unable to|cannot|can not) (?:resolve|respond to|reply to|an"
        r"swer|complete|finalise|deal with) (?:your|the|this) request" + W + r"\bwithin\b"
        r"|\bunable to meet the (?:statutory )?(?:deadline|timescale|time limit)"
        r"|\btime limit\b"
        + W
        + r"\b(?:is|has|have|will be|has been|had to be|has to be|must be) (?:therefore )?(?"
        r":to be )?extended\b"
        r"|\bcannot (?:reasonably )?be made within the original time limit\b",
        2.0,
        keywords=(
            "more time",
            "additional time",
            "further time",
            "extra time",
            "extend",
            "time limit",
            "original time",
            "extension",
            "10(3)",
            "7(1)",
            "not yet",
            "still ",
            "able to",
            "cannot",
            "can not",
        ),
    ),
    # "We will respond by 14 April": a promise of a date. In a holding reply it is the new date; in
    # an acknowledgement the first one, so ``combine`` sets it aside where the message acknowledges
    # the request and nothing else says the answer is late.
    Cue(
        RESPONSE_PROMISED,
        "delayed",
        r"\b(?:will|hope to|expect to) (?:respond|reply|provide (?:a|our|you with "
        r"a) response|send (?:you )?(?:a|our) response) (?:to you )?(?:by|as soon as)",
        2.0,
        keywords=(
            "will respond",
            "will reply",
            "will provide",
            "will send",
            "hope to",
            "expect to",
        ),
    ),
    # Extension notices in other countries' words (NZ s15A, AU s15(6), EU Article 7(3)) and a
    # few UK ones: "will not be able to respond within the timeframe", "the timeframe to respond
    # has been extended by five working days", "Time Extension of your request", "we will require
    # a 20 working day extension", "it is not possible to handle this request in the normal
    # timeframe". A cue of its own, with keywords of its own, so that the common words it needs
    # ("possible", "timeframe") do not wake the long pattern above.
    Cue(
        "the time to reply is extended",
        "delayed",
        r"\b(?:not be able to|unable to|cannot|can not) (?:respond|reply) within\b"
        # (not a decision letter's history: "the timeframe for processing your request was
        # extended by 30 days")
        r"|(?<!was )(?<!were )\bextended by (?:\d{1,3}|one|two|three|four|five|six|seven|eight|n"
        r"ine|ten|fifteen|twenty) (?:further |more |additional )?(?:working |calendar )?(?:days|w"
        r"eeks)\b"
        r"|\btime extension (?:of|to|for) (?:your|the|this)\b"
        r"|\b(?:time ?frame|timescale)\b"
        + W
        + r"\b(?:is|has|have|will be|has been|had to be|has to be|must be) (?:therefore )?(?"
        r":to be )?extended\b"
        r"|\b(?:need|needs|require|requires) an? (?:(?:\d{1,3}|ten|fifteen|twenty) (?:working |cal"
        r"endar )?days?[- ])?extension\b"
        r"|\b(?:unable to|not able to|cannot|can not) provide (?:our|a|the|my) (?:response|r"
        r"eply|decision) (?:with)?in the (?:required|statutory|normal|usual|original) time ?fra"
        r"me\b"
        r"|\bnot (?:be )?possible\b[^.!?\n]{0,60}?\b(?:within|in) the (?:normal|statutory|pre"
        r"scribed|usual|standard|original) (?:time ?frame|time limit|deadline|period)\b",
        2.0,
        keywords=(
            "respond within",
            "reply within",
            "extended by",
            "time extension",
            "timeframe",
            "time frame",
            "timescale",
            "extension",
            "not possible",
            "not be possible",
        ),
    ),
    Cue(
        "the due date has been changed",
        "delayed",
        r"\bdue\b"
        + W
        + r"\bha(?:s|ve) (?:now )?been (?:changed|extended|moved|revised|put back)\b",
        2.0,
        keywords=("due",),
    ),
    Cue(
        "apologies for the delay",
        "delay_apology",
        r"\b(?:apologi[sz]e|apologies|apology|sorry|regret)\b"
        + W
        + r"(?:delay|late|lateness|not (?:having )?(?:responded|replied))",
        1.0,
        keywords=("apolog", "sorry", "regret"),
    ),
    # --- the message is (or carries) the answer
    Cue(
        "writing in response to your request",
        "response_statement",
        r"\b(?:writing|write) (?:to you )?(?:in response|to respond|in reply) to your\b|\b"
        r"this (?:letter|e-?mail) is (?:in response|our response)\b"
        r"|\b(?:am|are|is) (?:now )?(?:responding|replying) to your\b",
        1.0,
        keywords=("writ", "this letter", "this e-mail", "this email", "responding", "replying"),
    ),
    Cue(
        "see the attached response",
        "answer_in_attachment",
        r"\b(?:see|find|refer to)\b(?: the| our| my)? (?:attached|enclosed)\b"
        + W
        + r"(?:response|letter|reply|decision)|\b(?:response|reply|letter|decision) (?:is )?"
        r"attached\b"
        r"|\b(?:attached|enclosed) (?:is|please find) (?:our|my|the) (?:response|reply|letter)"
        r"|\b(?:find|see)[ \t]+(?:attached|enclosed)[ \t]+"
        + POSSESSIVE
        + r"[ \t]+(?:(?:full|formal|final)[ \t]+)?(?:response|reply|letter|decision)\b"
        # "I have attached my formal response", "we have enclosed our response to your request",
        # "I attach the Council's response", "I am attaching the Trust's response"
        r"|\b(?:i|we)[ \t]+(?:have[ \t]+attached|have[ \t]+enclosed|attach|enclose|am[ \t]+atta"
        r"ching|are[ \t]+attaching)[ \t\n]+(?:our|my|the|" + POSSESSIVE + r")[ \t\n]+"
        r"(?:(?:full|formal|final|official)[ \t\n]+)?(?:response|reply|decision)\b",
        1.5,
        keywords=("attach", "enclose"),
    ),
    # --- extra flags
    Cue(
        "public interest test",
        "public_interest_test",
        r"\bpublic interest test\b|\bpublic interest (?:in|for|against|favou?rs?|arguments"
        r"|factors|considerations)\b|\bbalance of (?:the )?public interest\b"
        r"|\bpublic interest\b"
        + W
        + r"outweigh|\boutweighs? the public interest\b|\b(?:considered|weighed|assessed|bal"
        r"anced|weighing|considering) (?:the|where the) public interest\b",
        1.0,
        keywords=("public interest",),
    ),
    Cue(
        "advice to narrow the request",
        "advice_offered",
        r"\b(?:you|requester) (?:may|might|could|can) (?:wish|want|like|choose|consider)?"
        + W
        + r"(?:narrow|refine|reduc|limit|resubmit|submit a (?:new|fresh|refined|narrower))"
        r"|\bif you (?:were to |could |can |wish to )?(?:narrow|refine|reduce|limit)\b|\ba"
        r"dvice and assistance\b|\bto (?:narrow|refine|reduce) (?:the scope of )?your requ"
        r"est\b"
        r"|\bbring (?:the|your) request (?:with)?in(?:to)? (?:the|under the) (?:cost|appro"
        r"priate) limit",
        1.0,
        keywords=(
            "narrow",
            "refine",
            "reduc",
            "limit",
            "resubmit",
            "submit a",
            "advice and assistance",
        ),
    ),
    Cue(
        "reply to a confirmatory application (EU)",
        "internal_review",
        r"\b(?:your|the|this|a) confirmatory (?:application|request)\b",
        2.0,
        keywords=("confirmatory",),
    ),
    Cue(
        "internal review result",
        "internal_review",
        r"\b(?:outcome|result|findings?|conclusion) of (?:the|your|my|our|this) (?:interna"
        r"l )?review\b|\b(?:i|we) have (?:now )?(?:completed|conducted|carried out|underta"
        r"ken) (?:an|the|a|your) (?:internal )?review"
        r"|\binternal review (?:has|was) (?:now )?(?:been )?(?:completed|carried out|condu"
        r"cted|undertaken)|\b(?:i|we) (?:have )?(?:upheld?|uphold|overturn(?:ed)?|reversed"
        r"?)\b"
        r"|\b(?:decision|response|refusal) (?:is|was|has been|should be) (?:upheld|overtur"
        r"ned|reversed|partially upheld)\b|\breview (?:panel|officer) (?:has )?(?:decided|"
        r"concluded|found)",
        2.0,
        keywords=(
            "outcome of",
            "result of",
            "findings of",
            "finding of",
            "conclusion of",
            "completed",
            "conducted",
            "carried out",
            "undertaken",
            "uphold",
            "upheld",
            "overturn",
            "revers",
            "review panel",
            "review officer",
        ),
    ),
    # --- Regulation 1049/2001's exceptions named in its own words, without the article's number
    # ("the documents contain personal data", "would undermine the protection of the commercial
    # interests of the consortium"): each implies its EU1049 code (IMPLIED_CODES), in EU letters
    # only, and only where the sentence withholds (not negated, not a possibility).
    Cue(
        "privacy and integrity of the individual",
        "eu_privacy",
        r"\bprivacy and (?:the )?integrity of the individual\b|\b(?:contains?|containing|inclu"
        r"des?|including) personal data\b",
        1.0,
        keywords=("integrity of the individual", "personal data"),
    ),
    Cue(
        "commercial interests of a person",
        "eu_commercial",
        r"\bcommercial interests of (?:a|the|an|its|their)\b|\bcommercially sensitive\b",
        1.0,
        keywords=("commercial interests of", "commercially sensitive"),
    ),
    Cue(
        "the institution's decision-making process",
        "eu_decision_making",
        r"\b(?:its|the|our|their|an ongoing|the ongoing) decision-making process\b|\bdecisio"
        r"n which has not (?:yet )?been taken\b",
        1.0,
        keywords=("decision-making process", "decision which has not"),
    ),
    Cue(
        "the purpose of inspections, investigations and audits",
        "eu_investigations",
        r"\bpurpose of (?:the )?(?:inspections?|investigations?|audits?)\b",
        1.0,
        keywords=("purpose of",),
    ),
    Cue(
        "court proceedings and legal advice",
        "eu_legal",
        r"\bcourt proceedings and legal advice\b",
        1.0,
        keywords=("court proceedings and legal advice",),
    ),
    Cue(
        "the public interest as regards public security",
        "eu_public_interest",
        r"\bpublic interest as regards\b" + W + r"\b(?:public security|defence|military|inter"
        r"national relations|financial, monetary or economic policy)",
        1.0,
        keywords=("public interest as regards",),
    ),
)

# Grounds named without a section number, and the code each implies per act family.
# By the document's act for a bare "section" (rules.sections.default_act), or for a bare
# "article" in an EU letter: a ground named without a number implies that act's code; in a
# country with no such code, none.
IMPLIED_CODES: dict[str, dict[str, str]] = {
    "cost_limit": {
        "FOIA": "FOIA:s12",
        "FOISA": "FOISA:s12",
        "AUFOI": "AUFOI:s24",
        "NZOIA": "NZOIA:s18(f)",
        "NZLGOIMA": "NZLGOIMA:s17(f)",
    },
    "resource_diversion": {"AUFOI": "AUFOI:s24"},
    "vexatious": {"FOIA": "FOIA:s14", "FOISA": "FOISA:s14"},
    "manifestly_unreasonable": {"FOIA": "EIR:12(4)(b)", "FOISA": "EISR:10(4)(b)"},
    "accessible_elsewhere": {"FOIA": "FOIA:s21", "FOISA": "FOISA:s25"},
    "eu_privacy": {"EU1049": "EU1049:4(1)(b)"},
    "eu_commercial": {"EU1049": "EU1049:4(2)-1"},
    "eu_decision_making": {"EU1049": "EU1049:4(3)"},
    "eu_investigations": {"EU1049": "EU1049:4(2)-3"},
    "eu_legal": {"EU1049": "EU1049:4(2)-2"},
    "eu_public_interest": {"EU1049": "EU1049:4(1)(a)"},
}

_COMPILED = tuple(re.compile(cue.pattern) for cue in CUES)
KEYWORDS = Keywords(k for cue in CUES for k in cue.keywords)
# How far from a keyword each cue's matches can reach: the pattern's longest match where it is
# bounded, else 300 (no unbounded cue match is longer: a window this wide holds it).
_REACHES = tuple(reach_of(cue.pattern) for cue in CUES)
# keyword → the cues (indexes into CUES) whose matches contain it
_CUES_OF: dict[str, tuple[int, ...]] = {
    word: tuple(i for i, cue in enumerate(CUES) if word in cue.keywords) for word in KEYWORDS.words
}


@dataclass(frozen=True)
class CueHit:
    cue: Cue
    start: int
    end: int


def find_cues(
    text: str, folded: str | None = None, spots: dict[str, list[int]] | None = None
) -> list[CueHit]:
    """Every cue in ``text`` (case-insensitive), in order of position.

    ``folded`` is :func:`foiclassify.text.fold` of ``text``, and ``spots`` :data:`KEYWORDS`
    found in it (or in a larger keyword set), when the caller already has them. Each cue's
    pattern runs only near the keywords found, so the work grows with the hits, not the cues.
    """
    flat = fold(text) if folded is None else folded
    spots = KEYWORDS.find(flat) if spots is None else spots
    starts_of: dict[
        int, list[int]
    ] = {}  # cue → where its keywords start, for the cues whose keywords occur
    for word, starts in spots.items():
        for i in _CUES_OF.get(word, ()):
            if i in starts_of:
                starts_of[i] = starts_of[i] + starts
            else:
                starts_of[i] = starts
    hits: list[CueHit] = []
    for i, starts in starts_of.items():
        cue, finditer, reach = CUES[i], _COMPILED[i].finditer, _REACHES[i]
        for lo, hi in windows_around(sorted(starts), reach):
            hits.extend(CueHit(cue, m.start(), m.end()) for m in finditer(flat, lo, hi))
    hits.sort(key=lambda h: (h.start, h.end, h.cue.name))
    return hits
