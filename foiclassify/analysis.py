"""Refusal-pattern research on a labelled table: who refuses, on which grounds, and when.

The input is what :func:`foiclassify.label_dataframe` or ``foiclassify label -o`` produce: one
row per authority reply with ``outcome``, ``exemptions`` (a list, or a ``;``-joined string as in
CSV) and ``stage``, plus whatever columns the researcher has: ``authority``, ``date`` or
``year``, ``jurisdiction``, and ``thread_id``/``message_index``/``role`` for threads.

Rates are over **answered** replies: those whose outcome is ``provided``,
``partially_provided``, ``refused`` or ``not_held``. Acknowledgements, holding replies,
clarification requests, invalid requests and ``undetermined`` replies decided nothing about the
information and are left out of the denominator (their counts are in :func:`outcome_shares`).

>>> import pandas as pd
>>> df = pd.DataFrame({"authority": ["A", "A", "B"], "outcome": ["refused", "provided", "not_held"],
...                    "exemptions": [["FOIA:s43"], [], []]})
>>> rates = refusal_rates(df, by="authority")
>>> rates["n"].tolist(), rates["withheld"].tolist(), rates["rate"].tolist()
([2, 1], [1, 1], [0.5, 1.0])
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from .io import read_table
from .labels import EXEMPTIONS, OUTCOMES, SITE_STATE_OUTCOMES, codes_from
from .result import Classification, Message
from .thread import roll_up

ANSWERED = ("provided", "partially_provided", "refused", "not_held")
WITHHELD = ("refused", "partially_provided", "not_held")


def wilson_interval(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials (95% by default); (nan, nan) when n = 0.

    >>> [round(x, 4) for x in wilson_interval(5, 10)]
    [0.2366, 0.7634]
    """
    if n == 0:
        return (math.nan, math.nan)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def prepare_table(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with ``exemptions`` as lists, a ``year`` from ``date`` when there is none, and only
    authority replies (rows with an outcome; in a thread table, rows whose role is authority)."""
    if "outcome" not in df.columns:
        raise KeyError(
            "the table has no 'outcome' column: label it first (foiclassify.label_dataframe)"
        )
    out = df.copy()
    if "role" in out.columns:
        out = out[out["role"].fillna("authority") == "authority"]
    out = out[out["outcome"].notna() & (out["outcome"] != "")]
    out["exemptions"] = (
        [codes_from(v) for v in out["exemptions"]]
        if "exemptions" in out.columns
        else [[] for _ in range(len(out))]
    )
    if "year" not in out.columns and "date" in out.columns:
        out["year"] = pd.to_datetime(out["date"], errors="coerce", utc=True).dt.year.astype("Int64")
    return out.reset_index(drop=True)


def load_labelled(path: str | Path) -> pd.DataFrame:
    """Read a labelled CSV, JSONL or Parquet file (as written by ``foiclassify label -o``)."""
    return prepare_table(read_table(Path(path), string_columns=("exemptions",)))


def outcome_shares(df: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """Count and share of each outcome label, overall or per value of ``by`` (rows: groups)."""
    table = prepare_table(df)
    groups = table[by].fillna("(unknown)") if by else pd.Series("all", index=table.index)
    counts = pd.crosstab(groups, table["outcome"]).reindex(columns=list(OUTCOMES), fill_value=0)
    counts.index.name = by or "group"
    shares = counts.div(counts.sum(axis=1), axis=0)
    result = pd.concat({"count": counts, "share": shares}, axis=1)
    result.insert(0, ("n", ""), counts.sum(axis=1))
    return result.sort_values(("n", ""), ascending=False)


def refusal_rates(df: pd.DataFrame, by: str | None = None, z: float = 1.96) -> pd.DataFrame:
    """Per group: answered replies ``n``, how many withheld anything (refused + partially_provided
    + not_held) and the rate with its Wilson interval, then each of the three separately."""
    table = prepare_table(df)
    table = table[table["outcome"].isin(ANSWERED)]
    groups = table.groupby(
        table[by].fillna("(unknown)") if by else pd.Series("all", index=table.index), sort=True
    )
    rows = []
    for name, group in groups:
        n = len(group)
        row: dict[str, object] = {by or "group": name, "n": n}
        counts = {label: int((group["outcome"] == label).sum()) for label in WITHHELD}
        row["withheld"] = sum(counts.values())
        row["rate"] = row["withheld"] / n  # type: ignore[operator]
        row["rate_low"], row["rate_high"] = wilson_interval(row["withheld"], n, z)  # type: ignore[arg-type]
        for label, k in counts.items():
            row[label] = k
            row[f"{label}_rate"] = k / n
            row[f"{label}_low"], row[f"{label}_high"] = wilson_interval(k, n, z)
        rows.append(row)
    return pd.DataFrame(rows).set_index(by or "group")


def exemption_frequencies(df: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """How many replies cite each exemption, overall or per value of ``by`` ("authority", "year"),
    with the share of answered replies (in the group) that cite it and the exemption's name."""
    table = prepare_table(df)
    answered = table[table["outcome"].isin(ANSWERED)]
    exploded = (
        table[["exemptions"] + ([by] if by else [])]
        .explode("exemptions")
        .dropna(subset=["exemptions"])
    )
    keys = [by, "exemptions"] if by else ["exemptions"]
    counts = (
        exploded.groupby(keys)
        .size()
        .rename("replies")
        .reset_index()
        .rename(columns={"exemptions": "code"})
    )
    if by:
        totals = answered.groupby(by).size()
        counts["share_of_answered"] = counts["replies"] / counts[by].map(totals)
    else:
        counts["share_of_answered"] = counts["replies"] / max(len(answered), 1)
    counts["name"] = counts["code"].map(EXEMPTIONS).fillna("")
    return counts.sort_values(
        ([by] if by else []) + ["replies", "code"], ascending=([True] if by else []) + [False, True]
    ).reset_index(drop=True)


def co_citation(df: pd.DataFrame, codes: Iterable[str] | None = None) -> pd.DataFrame:
    """Square table: cell (a, b) is the number of replies citing both a and b; the diagonal is the
    number citing a. ``codes`` limits and orders the table (default: every code cited)."""
    table = prepare_table(df)
    cited = [sorted(set(codes_)) for codes_ in table["exemptions"]]
    order = (
        list(codes)
        if codes is not None
        else sorted(
            {c for row in cited for c in row}, key=lambda c: (-sum(c in r for r in cited), c)
        )
    )
    matrix = pd.DataFrame(0, index=order, columns=order, dtype=int)
    for row in cited:
        present = [c for c in row if c in matrix.index]
        for a in present:
            for b in present:
                matrix.loc[a, b] += 1
    return matrix


def thread_outcomes(df: pd.DataFrame, thread_column: str = "thread_id") -> pd.DataFrame:
    """One row per thread, rolled up as :func:`foiclassify.classify_thread` does (TAXONOMY §4)."""
    if thread_column not in df.columns:
        raise KeyError(f"no '{thread_column}' column: label with threads=True / --threads")
    table = prepare_table(df)
    order = [thread_column] + (["message_index"] if "message_index" in table.columns else [])
    rows = []
    for thread_id, group in table.sort_values(order).groupby(thread_column, sort=True):
        messages = tuple(
            Message(
                "authority",
                "",
                0,
                0,
                Classification(
                    outcome=r.outcome,
                    exemptions=tuple(r.exemptions),
                    stage=getattr(r, "stage", "initial") or "initial",
                ),
            )
            for r in group.itertuples(index=False)
        )
        outcome, exemptions, stage, _ = roll_up(messages)
        first = group.iloc[0]
        rows.append(
            {
                thread_column: thread_id,
                "authority": first.get("authority"),
                "outcome": outcome,
                "exemptions": list(exemptions),
                "stage": stage,
                "replies": len(group),
            }
        )
    return pd.DataFrame(rows)


def review_reversals(
    df: pd.DataFrame, thread_column: str = "thread_id", z: float = 1.96
) -> tuple[pd.DataFrame, dict[str, float]]:
    """Initial answer vs internal review result, for threads that have both decided.

    Returns the crosstab (rows: initial outcome, columns: review outcome) and a summary with the
    number of reviewed threads, how many changed outcome, the rate and its Wilson interval.
    """
    if thread_column not in df.columns:
        raise KeyError(f"no '{thread_column}' column: label with threads=True / --threads")
    table = prepare_table(df)
    decided = table[table["outcome"].isin(ANSWERED)]
    if "message_index" in decided.columns:
        decided = decided.sort_values([thread_column, "message_index"])
    pairs = []
    for _, group in decided.groupby(thread_column, sort=True):
        initial = group[group["stage"] != "internal_review"]
        review = group[group["stage"] == "internal_review"]
        if len(initial) and len(review):
            pairs.append((initial["outcome"].iloc[-1], review["outcome"].iloc[-1]))
    pair_frame = pd.DataFrame(pairs, columns=["initial", "review"])
    crosstab = pd.crosstab(pair_frame["initial"], pair_frame["review"]) if pairs else pd.DataFrame()
    changed = int(sum(a != b for a, b in pairs))
    low, high = wilson_interval(changed, len(pairs), z)
    summary = {
        "reviewed": len(pairs),
        "changed": changed,
        "rate": changed / len(pairs) if pairs else math.nan,
        "rate_low": low,
        "rate_high": high,
    }
    return crosstab, summary


def site_agreement(
    df: pd.DataFrame, site_column: str = "site_state"
) -> tuple[pd.DataFrame, dict[str, float]]:
    """The outcome against the platform's own label (Alaveteli's state, MuckRock's status), for
    rows whose site state names a decision (:data:`~foiclassify.labels.SITE_STATE_OUTCOMES`).

    Returns the crosstab (rows: site state, columns: outcome) and a summary: rows compared, rows
    that agree, the agreement rate and its Wilson interval. The site's label is a second opinion,
    set by a person for the whole request, so disagreement is something to read, not an error count.

    >>> df = pd.DataFrame({"outcome": ["refused", "provided", "acknowledgement"], "site_state": ["rejected", "rejected", ""]})
    >>> site_agreement(df)[1]["compared"], site_agreement(df)[1]["agree"]
    (2, 1)
    """  # noqa: E501 (doctest lines)
    if site_column not in df.columns:
        raise KeyError(
            f"no '{site_column}' column: read the input with a platform reader "
            f"(foiclassify.readers)"
        )
    table = df[df[site_column].isin(SITE_STATE_OUTCOMES.keys()) & df["outcome"].notna()]
    agree = int(
        sum(
            outcome in SITE_STATE_OUTCOMES[state]
            for state, outcome in zip(table[site_column], table["outcome"])
        )
    )
    low, high = wilson_interval(agree, len(table))
    crosstab = pd.crosstab(table[site_column], table["outcome"]) if len(table) else pd.DataFrame()
    return crosstab, {
        "compared": len(table),
        "agree": agree,
        "rate": agree / len(table) if len(table) else math.nan,
        "rate_low": low,
        "rate_high": high,
    }
