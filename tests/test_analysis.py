"""Refusal-pattern numbers on a small table computed by hand."""

import math

import pandas as pd
import pytest

from foiclassify.analysis import (
    co_citation,
    exemption_frequencies,
    load_labelled,
    outcome_shares,
    refusal_rates,
    review_reversals,
    thread_outcomes,
    wilson_interval,
)


@pytest.fixture()
def table():
    return pd.DataFrame({
        "authority": ["A", "A", "A", "A", "B", "B", "B", "B"],
        "date": ["2020-05-01", "2020-06-01", "2021-01-01", "2021-02-01", "2020-03-01", "2021-03-01", "2021-04-01", "2021-05-01"],
        "outcome": ["refused", "refused", "provided", "acknowledgement", "not_held", "partially_provided", "provided", "provided"],
        "exemptions": [["FOIA:s43"], ["FOIA:s40", "FOIA:s43"], [], [], [], ["FOIA:s40"], [], []],
        "stage": ["initial", "internal_review", "initial", "initial", "initial", "initial", "initial", "initial"],
        "thread_id": [1, 1, 2, 3, 3, 4, 5, 6],
        "message_index": [0, 1, 0, 0, 1, 0, 0, 0],
    })


def test_wilson_interval_known_values():
    low, high = wilson_interval(2, 3)
    assert (round(low, 4), round(high, 4)) == (0.2077, 0.9385)
    assert wilson_interval(0, 10)[0] == 0.0
    assert all(math.isnan(x) for x in wilson_interval(0, 0))


def test_outcome_shares(table):
    overall = outcome_shares(table)
    assert overall[("n", "")].iloc[0] == 8
    assert overall[("count", "provided")].iloc[0] == 3
    assert overall[("share", "refused")].iloc[0] == pytest.approx(2 / 8)
    by = outcome_shares(table, by="authority")
    assert by.loc["A", ("count", "acknowledgement")] == 1 and by.loc["B", ("share", "provided")] == pytest.approx(0.5)


def test_refusal_rates(table):
    rates = refusal_rates(table, by="authority")
    assert rates.loc["A", "n"] == 3 and rates.loc["A", "withheld"] == 2  # the acknowledgement is not answered
    assert rates.loc["A", "rate"] == pytest.approx(2 / 3)
    assert (round(rates.loc["A", "rate_low"], 4), round(rates.loc["A", "rate_high"], 4)) == (0.2077, 0.9385)
    assert rates.loc["B", "n"] == 4 and rates.loc["B", "not_held"] == 1 and rates.loc["B", "partially_provided_rate"] == pytest.approx(0.25)
    assert refusal_rates(table).loc["all", "rate"] == pytest.approx(4 / 7)


def test_exemption_frequencies(table):
    overall = exemption_frequencies(table).set_index("code")
    assert overall.loc["FOIA:s43", "replies"] == 2 and overall.loc["FOIA:s40", "replies"] == 2
    assert overall.loc["FOIA:s43", "share_of_answered"] == pytest.approx(2 / 7)
    assert overall.loc["FOIA:s43", "name"] == "commercial interests"
    by_year = exemption_frequencies(table, by="year").set_index(["year", "code"])["replies"]
    assert by_year[(2020, "FOIA:s43")] == 2 and by_year[(2021, "FOIA:s40")] == 1 and by_year[(2020, "FOIA:s40")] == 1


def test_exemptions_as_csv_strings(table):
    as_csv = table.assign(exemptions=[";".join(v) for v in table["exemptions"]])
    pd.testing.assert_frame_equal(exemption_frequencies(as_csv), exemption_frequencies(table))


def test_co_citation(table):
    matrix = co_citation(table)
    assert matrix.loc["FOIA:s43", "FOIA:s40"] == 1 == matrix.loc["FOIA:s40", "FOIA:s43"]
    assert matrix.loc["FOIA:s43", "FOIA:s43"] == 2 and matrix.loc["FOIA:s40", "FOIA:s40"] == 2


def test_thread_outcomes_and_review_reversals(table):
    threads = thread_outcomes(table).set_index("thread_id")
    assert threads.loc[1, "outcome"] == "refused" and threads.loc[1, "stage"] == "internal_review"
    assert threads.loc[1, "exemptions"] == ["FOIA:s40", "FOIA:s43"]
    assert threads.loc[3, "outcome"] == "not_held"  # the acknowledgement decides nothing
    crosstab, summary = review_reversals(table)
    assert summary["reviewed"] == 1 and summary["changed"] == 0 and crosstab.loc["refused", "refused"] == 1
    reversed_ = table.assign(outcome=["refused", "provided", *table["outcome"][2:]])
    assert review_reversals(reversed_)[1]["changed"] == 1


def test_load_labelled_round_trip(tmp_path, table):
    path = tmp_path / "t.csv"
    table.assign(exemptions=[";".join(v) for v in table["exemptions"]]).to_csv(path, index=False)
    loaded = load_labelled(path)
    assert loaded["exemptions"].tolist()[1] == ["FOIA:s40", "FOIA:s43"]
    assert loaded["year"].tolist()[:2] == [2020, 2020]
    with pytest.raises(KeyError, match="no 'outcome' column"):
        outcome_shares(pd.DataFrame({"text": ["x"]}))


def test_plots_return_figures_and_save(tmp_path, table):
    from foiclassify.plots import plot_co_citation, plot_exemptions_over_time, plot_outcomes_by_authority

    fig = plot_outcomes_by_authority(table, path=tmp_path / "o.png")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]
    assert {t.get_text() for t in ax.get_legend().get_texts()} >= {"refused", "provided", "not held"}
    assert (tmp_path / "o.png").stat().st_size > 1000
    fig = plot_exemptions_over_time(table, path=tmp_path / "t.svg")
    assert {line.get_label() for line in fig.axes[0].get_lines()} == {"FOIA:s43", "FOIA:s40"}
    assert (tmp_path / "t.svg").read_text().lstrip().startswith("<?xml")
    fig = plot_co_citation(table)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["FOIA:s40", "FOIA:s43"]
    with pytest.raises(ValueError, match=".png or .svg"):
        plot_co_citation(table, path=tmp_path / "x.pdf")


def test_report_is_self_contained(tmp_path, table):
    from foiclassify.cli import main

    table.to_parquet(tmp_path / "labelled.parquet")
    assert main(["report", str(tmp_path / "labelled.parquet"), "-o", str(tmp_path / "r.html")]) == 0
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.count("data:image/png;base64,") >= 3
    assert "foiclassify report" in page and "Refusal rates by authority" in page
    assert "http://" not in page and "https://" not in page  # nothing fetched when opened
