"""One self-contained HTML page from a labelled table: tables, embedded figures, and how it was
made."""

from __future__ import annotations

import base64
import html
import io
import platform
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from . import __version__
from .analysis import (
    exemption_frequencies,
    load_labelled,
    outcome_shares,
    refusal_rates,
    review_reversals,
    thread_outcomes,
)
from .plots import plot_co_citation, plot_exemptions_over_time, plot_outcomes_by_authority

_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em;
color: #222; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0 1em; }
th, td { border: 1px solid #ccc; padding: 3px 7px; text-align: right; }
th { background: #f3f3f3; } td:first-child, th:first-child { text-align: left; }
img { max-width: 100%; } code, pre { background: #f6f6f6; padding: 2px 4px; }
.note { color: #555; font-size: 0.9em; }
"""


def _figure(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    encoded = base64.b64encode(buffer.getvalue()).decode()
    return f'<img alt="figure" src="data:image/png;base64,{encoded}">'


def _overall(shares: pd.DataFrame, what: str) -> pd.DataFrame:
    """One group's row of :func:`outcome_shares` as a small table: outcome, count, share."""
    row = shares.iloc[0]
    long = pd.DataFrame(
        {
            "outcome": list(row["count"].index),
            what: row["count"].astype(int).values,
            "share": row["share"].values,
        }
    )
    return long[long[what] > 0].set_index("outcome")


def _table(df: pd.DataFrame, percent: tuple[str, ...] = ()) -> str:
    shown = df.copy()
    for column in shown.columns:
        name = column if isinstance(column, str) else "_".join(str(c) for c in column if c)
        if any(name.endswith(p) for p in percent):
            shown[column] = [f"{v:.1%}" if pd.notna(v) else "" for v in shown[column]]
    return shown.to_html(float_format=lambda v: f"{v:.3f}", border=0, na_rep="")


def build_report(labelled: str | Path, command: str, by: str = "authority", top: int = 15) -> str:
    """The HTML text of the report for the labelled table at ``labelled``."""
    table = load_labelled(labelled)
    parts = [
        f"<h1>FOI replies: outcomes and exemptions</h1><p class='note'>{len(table)} authority "
        f"replies "
        f"from <code>{html.escape(str(labelled))}</code>.</p>"
    ]
    parts.append(
        "<h2>Outcomes</h2>" + _table(_overall(outcome_shares(table), "replies"), percent=("share",))
    )
    if by in table.columns:
        parts.append(
            f"<h2>Outcomes by {html.escape(by)}</h2>"
            + _figure(plot_outcomes_by_authority(table, top=top, by=by))
        )
        parts.append(f"<h2>Refusal rates by {html.escape(by)} (Wilson 95% intervals)</h2>")
        parts.append(
            "<p class='note'>Over answered replies (provided, partially provided, refused"
            ", not held). "
            "<em>withheld</em> = refused + partially provided + not held.</p>"
        )
        rates = refusal_rates(table, by=by).sort_values("n", ascending=False).head(top)
        parts.append(
            _table(
                rates[
                    [
                        "n",
                        "withheld",
                        "rate",
                        "rate_low",
                        "rate_high",
                        "refused",
                        "partially_provided",
                        "not_held",
                    ]
                ],
                percent=("rate", "_low", "_high"),
            )
        )
    else:
        parts.append(
            f"<p class='note'>No '{html.escape(by)}' column: per-authority tables are left out.</p>"
        )
    parts.append(
        "<h2>Exemptions cited</h2>"
        + _table(
            exemption_frequencies(table).head(30).set_index("code"), percent=("share_of_answered",)
        )
    )
    if table["exemptions"].map(len).sum():
        parts.append("<h2>Exemptions cited together</h2>" + _figure(plot_co_citation(table)))
    if (
        "year" in table.columns
        and table["year"].notna().any()
        and table["exemptions"].map(len).sum()
    ):
        parts.append("<h2>Exemptions over time</h2>" + _figure(plot_exemptions_over_time(table)))
    if "thread_id" in table.columns:
        threads = thread_outcomes(table)
        parts.append(
            "<h2>Threads</h2>"
            + _table(_overall(outcome_shares(threads), "threads"), percent=("share",))
        )
        crosstab, summary = review_reversals(table)
        if summary["reviewed"]:
            parts.append(
                f"<h3>Internal reviews</h3><p>{summary['reviewed']} reviewed threads; outcome "
                f"changed "
                f"in {summary['changed']} "
                f"({summary['rate']:.1%}, 95% CI "
                f"{summary['rate_low']:.1%}–{summary['rate_high']:.1%}).</p>"
                + crosstab.to_html(border=0)
            )
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    parts.append(
        "<h2>How this was made</h2>"
        f"<pre>{html.escape(command)}</pre>"
        f"<p class='note'>foiclassify {__version__}, rules only (no trained model in this version: "
        f"confidence is a "
        f"support score, not a calibrated probability). pandas {pd.__version__}, Python "
        f"{platform.python_version()}. "
        f"Made {stamp}.</p>"
    )
    title = "<meta charset='utf-8'><title>FOI replies report</title>"
    head = f"<head>{title}<style>{_STYLE}</style></head>"
    return f"<!doctype html><html lang='en'>{head}<body>{''.join(parts)}</body></html>"


def write_report(
    labelled: str | Path, output: str | Path, command: str, by: str = "authority", top: int = 15
) -> Path:
    """Write the report to ``output`` atomically and return its path."""
    output = Path(output)
    tmp = output.with_name(output.name + ".tmp")
    tmp.write_text(build_report(labelled, command, by=by, top=top), encoding="utf-8")
    tmp.replace(output)
    return output
