"""Label a Dask DataFrame, partition by partition (``pip install 'foiclassify[dask]'``).

Each partition is labelled by :func:`foiclassify.label_dataframe` in the worker that holds it;
the rules are compiled once per worker process when the package is imported there.

>>> import pandas as pd, dask.dataframe as dd
>>> ddf = dd.from_pandas(pd.DataFrame({"text": ["We do not hold this information."] * 4}), npartitions=2)
>>> label(ddf).compute()["outcome"].tolist()
['not_held', 'not_held', 'not_held', 'not_held']
"""  # noqa: E501 (doctest lines)

from __future__ import annotations

from typing import Any

from .batch import label_dataframe

try:
    import dask.dataframe as dd
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("foiclassify.dask needs Dask: pip install 'foiclassify[dask]'") from exc


def label(ddf: dd.DataFrame, text_column: str = "text", threads: bool = False) -> dd.DataFrame:
    """``ddf`` with the result columns of :func:`foiclassify.label_dataframe` added, lazily."""
    if text_column not in ddf.columns:
        raise KeyError(f"no column '{text_column}' (columns: {', '.join(map(str, ddf.columns))})")
    meta: Any = label_dataframe(
        ddf._meta_nonempty.head(1), text_column=text_column, threads=threads
    ).iloc[:0]
    return ddf.map_partitions(label_dataframe, text_column=text_column, threads=threads, meta=meta)
