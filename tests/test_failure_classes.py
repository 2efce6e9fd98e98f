"""The five classes of failure seen on authorities no rule was corrected against (issue #18),
each on letters constructed for this test (written here, not copied from any authority):

1. a decision letter read as an acknowledgement because it opens by confirming receipt, and an
   internal-review acknowledgement left undetermined;
2. information given as plain content with no cue word, beside a not-held part or alone, and the
   reverse: "we hold some of the information" followed by withholding all of it;
3. a cost-limit refusal stated without a section number;
4. a decision inside what was taken for the quoted request ("You asked: …");
5. another Act's sections read as FOI sections, and an invalid request whose explanation names s12.
"""

import pytest

from foiclassify import classify

LETTERS = {
    '1a ack-opening then refusal': (
        'Dear Mr Patel\n\nFreedom of Information request FOI-2291\n\nYour request was received on 3 March 2025 and has been handled under the Freedom of Information Act 2000.\n\nYou asked for the number of complaints about bin collections in each ward for the last five years.\n\nResponse:\nComplaints are logged against the address, not the ward, so to answer we would have to read every complaint record by hand. We estimate this would take well over 18 hours, and your request is refused under section 12(1).\n\nYours sincerely\nInformation Governance Team',
        'refused', ('FOIA:s12',),
    ),
    '1b review acknowledgement': (
        'Dear Ms Hughes\n\nThank you for your email of 4 June asking for an internal review of our response to FOI 2024/881.\n\nA review will now be carried out by a senior officer who was not involved in the original decision. We aim to send you the outcome within 20 working days.\n\nKind regards\nInformation Rights Team',
        'acknowledgement', (),
    ),
    '2a figures in a sentence + not held': (
        'Dear Mr Green\n\nThank you for your request about referrals to the youth service.\n\nThere were 412 referrals in 2023 and 388 in 2022.\n\nWe do not record the reason for each referral, so that part of your request is not held.\n\nYours sincerely',
        'partially_provided', (),
    ),
    '2b a list of short lines under a Response provided heading': (
        'Request: Please list the car parks you own and the number of spaces in each.\n\nResponse provided:\nCastle Street - 120\nMarket Place - 85\nRiverside - 240',
        'provided', (),
    ),
    '2c hold some but withhold all': (
        'Dear Sir\n\nWe hold some of the information you asked for. However, all of the information we hold is exempt under section 43(2) of the Freedom of Information Act 2000, as its release would prejudice the commercial interests of the contractor, and it is withheld.\n\nYours faithfully',
        'refused', ('FOIA:s43',),
    ),
    '2d plain figures with no cue word': (
        'Dear Ms Allen\n\nThank you for your request of 2 May about fly-tipping.\n\nThe council recorded 1,204 fly-tipping incidents in 2023/24 and 1,119 in 2022/23. Clearing them cost £86,400 in 2023/24.\n\nIf you are unhappy with this response you may ask for an internal review.\n\nYours sincerely\nWaste Services',
        'provided', (),
    ),
    "2e an answer under an 'Our response' heading": (
        'Our ref: FOI 25/311\n\nDear Mr Obi\n\nYour request\nHow many agency nurses did the trust employ in March 2025, and what did they cost?\n\nOur response\nThe trust employed 46 agency nurses in March 2025 at a cost of £212,000.\n\nYours sincerely\nFOI Office',
        'provided', (),
    ),
    '3 cost limit without a number': (
        'Dear Ms Lee\n\nTo find the letters you describe we would have to search the paper files of six departments. The time needed would be well over the number of hours a public authority must spend on one request, so we cannot provide this information.\n\nYours sincerely',
        'refused', ('FOIA:s12',),
    ),
    '3b cost limit as hours to take': (
        'Dear Mr Ahmed\n\nWe hold records of the repairs you ask about, but they are kept on paper in each depot. We estimate that finding and reading them would take us over 18 staff hours, so we will not be answering this request.\n\nYours sincerely',
        'refused', ('FOIA:s12',),
    ),
    '3c cost limit as the most time to spend': (
        'Dear Ms Grant\n\nTo identify every contract in scope and extract the figures would exceed the maximum amount of time a public authority is required to spend on a single request, namely 18 hours. We therefore cannot comply with your request.\n\nYours sincerely',
        'refused', ('FOIA:s12',),
    ),
    "4 decision inside 'You asked'": (
        'You asked: copies of all emails between the chief executive and the contractor in 2024.\n\nWe have decided not to provide these emails because they are exempt under section 36(2)(c) of the Freedom of Information Act.\n\nYours sincerely',
        'refused', ('FOIA:s36',),
    ),
    '5a DPA sections in brackets': (
        'Dear Mr Khan\n\nThe information you asked for is your own personal data. It will be dealt with as a subject access request under the Data Protection Act 2018 (sections 45 and 46), not under the Freedom of Information Act.\n\nYours sincerely',
        'invalid_request', (),
    ),
    '5b s8 invalid mentioning s12': (
        'Dear Requester\n\nYour request does not include a real name, so it is not a valid request under section 8(1)(b) of the Freedom of Information Act. Please note that if you send a valid request, we will consider whether the cost limit in section 12 applies.\n\nRegards',
        'invalid_request', (),
    ),
}


# No known failures: "2b" (three short "place - figure" lines under a "Response provided" heading)
# failed with the tagger trained on 517 replies until it read answer markers and decided by the
# probability that some segment answers (third session of 2026-11-30).
@pytest.mark.parametrize("name", sorted(LETTERS))
def test_failure_class(name):
    text, outcome, exemptions = LETTERS[name]
    result = classify(text)
    assert (result.outcome, result.exemptions) == (outcome, exemptions), result.reason

