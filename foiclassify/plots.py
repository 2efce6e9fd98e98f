"""Figures for refusal-pattern research (matplotlib). Each function returns the Figure and, given
``path``, also saves it (``.png`` or ``.svg`` from the suffix).

Figures are made with matplotlib's object API, not pyplot: nothing global is touched, no window
is opened, and nothing piles up in memory when a script makes many. In a notebook, show one with
``display(fig)`` (or leave it as the cell's last value).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from .analysis import co_citation, exemption_frequencies, outcome_shares, prepare_table
from .labels import OUTCOMES

_COLOURS = {
    "provided": "#1b9e77",
    "partially_provided": "#a6d96a",
    "refused": "#d7191c",
    "not_held": "#fdae61",
    "invalid_request": "#7570b3",
    "clarification_requested": "#80b1d3",
    "acknowledgement": "#d9d9d9",
    "delayed": "#bebada",
    "undetermined": "#969696",
}


def _subplots(figsize: tuple[float, float]) -> tuple[Figure, Axes]:
    fig = Figure(figsize=figsize)
    return fig, fig.add_subplot()


def _save(fig: Figure, path: str | Path | None) -> Figure:
    if path is not None:
        path = Path(path)
        if path.suffix.lower() not in (".png", ".svg"):
            raise ValueError(f"{path}: save figures as .png or .svg")
        fig.savefig(path, dpi=150, bbox_inches="tight")
    return fig


def _short(label: str, width: int = 32) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def plot_outcomes_by_authority(
    df: pd.DataFrame, top: int = 10, by: str = "authority", path: str | Path | None = None
) -> Figure:
    """Stacked horizontal bars: the share of each outcome for the ``top`` authorities by replies."""
    shares = outcome_shares(df, by=by).head(top)
    counts = shares["count"]
    fractions = shares["share"]
    fig, ax = _subplots(figsize=(10, 0.45 * len(shares) + 1.8))
    left = pd.Series(0.0, index=fractions.index)
    for label in OUTCOMES:
        if counts[label].sum() == 0:
            continue
        ax.barh(
            [_short(str(i)) for i in fractions.index],
            fractions[label],
            left=left,
            color=_COLOURS[label],
            label=label.replace("_", " "),
        )
        left += fractions[label]
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("share of replies")
    ax.set_title(f"Outcome of replies, top {len(shares)} by number of replies (n shown)")
    for y, n in enumerate(shares[("n", "")]):
        ax.text(1.01, y, f"n={n}", va="center", fontsize=8)
    ax.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 - 0.3 / max(len(shares), 1)),
        ncol=4,
        fontsize=8,
        frameon=False,
    )
    fig.tight_layout()
    return _save(fig, path)


def plot_exemptions_over_time(
    df: pd.DataFrame, top: int = 8, path: str | Path | None = None
) -> Figure:
    """Replies citing each of the ``top`` most cited exemptions, per year."""
    table = prepare_table(df)
    if "year" not in table.columns:
        raise KeyError("the table needs a 'year' or 'date' column")
    table = table[table["year"].notna()]
    freq = exemption_frequencies(table, by="year")
    leaders = freq.groupby("code")["replies"].sum().sort_values(ascending=False).head(top).index
    pivot = freq[freq["code"].isin(leaders)].pivot_table(
        index="year", columns="code", values="replies", fill_value=0
    )
    fig, ax = _subplots(figsize=(9, 4.5))
    for code in leaders:
        if code in pivot.columns:
            ax.plot(pivot.index.astype(int), pivot[code], marker="o", label=code)
    ax.set_xlabel("year")
    ax.set_ylabel("replies citing it")
    ax.set_title("Exemptions cited over time")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    fig.tight_layout()
    return _save(fig, path)


def plot_co_citation(df: pd.DataFrame, top: int = 12, path: str | Path | None = None) -> Figure:
    """Heat map of how often two exemptions are cited in the same reply (diagonal: cited at all)."""
    matrix = co_citation(df)
    matrix = matrix.iloc[:top, :top]
    size = max(3.5, 0.55 * len(matrix) + 2)
    fig, ax = _subplots(figsize=(size + 1, size))
    image = ax.imshow(matrix.values, cmap="Blues")
    ax.set_xticks(range(len(matrix)), matrix.columns, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(matrix)), matrix.index, fontsize=8)
    peak = matrix.values.max() if matrix.size else 0
    for i in range(len(matrix)):
        for j in range(len(matrix)):
            value = matrix.values[i, j]
            ax.text(
                j,
                i,
                str(value),
                ha="center",
                va="center",
                fontsize=7,
                color="white" if value > peak / 2 else "black",
            )
    ax.set_title("Exemptions cited together (replies)")
    fig.colorbar(image, ax=ax, shrink=0.8)
    fig.tight_layout()
    return _save(fig, path)
