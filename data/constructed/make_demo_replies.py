"""Writes demo_replies.csv: constructed replies from fictional authorities (see README.md).

    python data/constructed/make_demo_replies.py
"""

import csv
import random
from pathlib import Path

# (outcome, exemptions, stage, text): the labels are what the template was written to say.
TEMPLATES = [
    ("refused", "FOIA:s43", "initial", "Thank you for your request. The information is exempt under section 43(2) of the Freedom of Information Act 2000 and is withheld. We have considered the public interest."),
    ("refused", "FOIA:s12", "initial", "To locate and extract this information would take {h} hours, which would exceed the appropriate limit of £450. You may wish to narrow your request to a single year."),
    ("refused", "FOIA:s23;FOIA:s24", "initial", "The Force can neither confirm nor deny that it holds the information requested, by virtue of sections 23(5) and 24(2)."),
    ("partially_provided", "FOIA:s40", "initial", "Please find the figures attached. The names of officers have been redacted under section 40(2) as personal data."),
    ("partially_provided", "FOIA:s41;FOIA:s43", "initial", "Please find below the contract values for 2019 and 2020. The unit prices are withheld under section 43(2) and section 41."),
    ("provided", "", "initial", "Please find below the information you requested. In {y} there were {n} complaints."),
    ("provided", "", "initial", "I enclose a spreadsheet showing the number of fixed penalty notices issued in each ward."),
    ("not_held", "", "initial", "I can confirm that we do not hold any recorded information within the scope of your request."),
    ("acknowledgement", "", "initial", "We have received your request for information and will respond within 20 working days."),
    ("delayed", "FOIA:s31", "initial", "We need more time to consider the public interest in relation to section 31 and will respond by the end of the month."),
    ("clarification_requested", "", "initial", "Before we can process your request, could you please clarify which financial years you are interested in?"),
    ("refused", "FOIA:s43", "internal_review", "Following an internal review, I uphold the original decision that the information is exempt under section 43(2)."),
    ("provided", "", "internal_review", "I have completed the internal review and the original decision is overturned; please find the information attached."),
]
# How often each fictional authority sends each template.
WEIGHTS = {
    "Northshire County Council": [3, 2, 0, 2, 2, 4, 3, 2, 2, 1, 1, 1, 1],
    "Eastvale Police": [2, 3, 4, 2, 0, 2, 1, 2, 2, 2, 1, 1, 0],
    "Westmarch NHS Trust": [1, 2, 0, 3, 1, 4, 2, 3, 2, 0, 1, 0, 1],
    "Department of Examples": [4, 1, 0, 1, 3, 2, 1, 1, 2, 3, 0, 1, 0],
    "Southport Borough Council": [1, 1, 0, 1, 1, 3, 3, 3, 1, 0, 2, 0, 1],
}


def main() -> None:
    rng = random.Random(7)
    authorities = list(WEIGHTS)
    rows = []
    for i in range(240):
        authority = rng.choice(authorities)
        outcome, exemptions, stage, text = rng.choices(TEMPLATES, weights=WEIGHTS[authority])[0]
        year = rng.choice([2019, 2020, 2021, 2022, 2023])
        text = text.format(h=rng.randint(19, 90), y=year - 1, n=rng.randint(0, 40))
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        rows.append({"id": f"D{i:04d}", "authority": authority, "date": date, "constructed": "true", "text": text,
                     "label_outcome": outcome, "label_exemptions": exemptions, "label_stage": stage})
    out = Path(__file__).with_name("demo_replies.csv")
    with open(out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main()
