"""Labelling many replies: DataFrames, streams, and resumable runs over files.

A row that cannot be labelled gets ``outcome="undetermined"`` and a message in ``error``; the
batch goes on. :func:`label_files` writes its output in committed chunks under
``OUTPUT.partial/``; run the same command again after a crash and it continues from the last
committed chunk; the final file appears at once (a rename) when every row is labelled.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .attachments import Attachment
from .io import (
    MESSAGE_FORMATS,
    Chunk,
    InputError,
    Source,
    check_input,
    concatenate,
    output_format_of,
    read_chunks,
    read_rows,
    write_chunk,
)
from .pipeline import classify, classify_thread
from .result import Classification

if TYPE_CHECKING:
    import pandas as pd

RESULT_COLUMNS = (
    "outcome",
    "exemptions",
    "jurisdiction",
    "stage",
    "confidence",
    "needs_review",
    "ncnd",
    "public_interest_test",
    "advice_offered",
    "cost_estimate",
    "reason",
    "evidence",
    "error",
)
THREAD_COLUMNS = ("thread_id", "message_index", "role", "sender")
_JSON = json.JSONEncoder(
    ensure_ascii=False
)  # one encoder for every row (json.dumps with options makes one per call)


SEGMENTS_COLUMN = "segments"  # with segments=True: a JSON list of [start, end, role, score]


def _result_columns(
    result: Classification | None, error: str = "", segments: bool = False
) -> dict[str, Any]:
    extra = (
        {
            SEGMENTS_COLUMN: _JSON.encode([list(s) for s in result.segments])
            if result is not None
            else "[]"
        }
        if segments
        else {}
    )
    if result is None:
        return {name: None for name in RESULT_COLUMNS} | {"exemptions": [], "error": error} | extra
    return extra | {
        "outcome": result.outcome,
        "exemptions": list(result.exemptions),
        "jurisdiction": result.jurisdiction,
        "stage": result.stage,
        "confidence": result.confidence,
        "needs_review": result.needs_review,
        "ncnd": result.ncnd,
        "public_interest_test": result.public_interest_test,
        "advice_offered": result.advice_offered,
        "cost_estimate": json.dumps(dict(result.cost_estimate)) if result.cost_estimate else None,
        "reason": result.reason,
        "evidence": _JSON.encode([e.to_dict() for e in result.evidence]),
        "error": error,
    }


def _failed(exc: BaseException, segments: bool = False) -> dict[str, Any]:
    message = f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
    return _result_columns(
        Classification(outcome="undetermined", confidence=1.0, reason="could not be labelled"),
        message,
        segments,
    )


def attachments_of(value: object) -> tuple[Attachment, ...]:
    """Attachments from a table cell: a JSON list (as :meth:`SourceMessage.to_record` writes),
    a list of ``{"name", "text", "error"}`` mappings or of :class:`Attachment`; empty for None/NaN/""."""  # noqa: E501 (doctest lines)
    if (
        value is None
        or (isinstance(value, float) and value != value)
        or (isinstance(value, str) and not value.strip())
    ):
        return ()
    items = json.loads(value) if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) and hasattr(items, "tolist"):
        items = items.tolist()  # a numpy array from Parquet
    out = []
    for item in items:  # type: ignore[union-attr]
        if isinstance(item, Attachment):
            out.append(item)
        else:
            out.append(
                Attachment(
                    str(item.get("name") or ""),
                    str(item.get("text") or ""),
                    str(item.get("error") or ""),
                )
            )
    return tuple(out)


def label_texts(
    texts: list[object],
    threads: bool = False,
    attachments: list[object] | None = None,
    roles: list[object] | None = None,
    segments: bool = False,
) -> list[list[dict[str, Any]]]:
    """For each text, the output rows: one for a message, one per message for a thread.

    ``attachments`` (one cell per text, see :func:`attachments_of`) are read with their message;
    with ``roles``, messages written by the requester or annotations get empty result columns
    (``authority`` and ``unknown`` messages are labelled). With ``segments``, each row also gets
    a ``segments`` column (JSON). Never raises for a bad row: the row gets ``undetermined`` and an
    ``error``.
    """
    out: list[list[dict[str, Any]]] = []
    for i, text in enumerate(texts):
        if not threads:
            if roles is not None and roles[i] in ("requester", "annotation"):
                out.append([_result_columns(None, segments=segments)])
                continue
            try:
                found = attachments_of(attachments[i]) if attachments is not None else 0
                result = classify(text, attachments=found, segments=segments)  # type: ignore[arg-type]
                out.append([_result_columns(result, segments=segments)])
            except Exception as exc:  # a row that is not text, or a bug: keep the batch going
                out.append([_failed(exc, segments)])
            continue
        try:
            thread = classify_thread(text, segments=segments)  # type: ignore[arg-type]
            out.append(
                [
                    {
                        "message_index": i,
                        "role": m.role,
                        "sender": m.sender,
                        "message_text": m.text,
                        **_result_columns(m.result, segments=segments),
                    }
                    for i, m in enumerate(thread.messages)
                ]
                or [
                    {
                        "message_index": 0,
                        "role": "unknown",
                        "sender": "",
                        "message_text": "",
                        **_result_columns(None, segments=segments),
                    }
                ]
            )
        except Exception as exc:
            out.append(
                [
                    {
                        "message_index": 0,
                        "role": "unknown",
                        "sender": "",
                        "message_text": "",
                        **_failed(exc, segments),
                    }
                ]
            )
    return out


def _merge(
    chunk: Chunk,
    text_column: str,
    labelled: list[list[dict[str, Any]]],
    threads: bool,
    first_row: int,
) -> Chunk:
    """Input columns + result columns; for threads, one row per message with the message's text."""
    rows = []
    for offset, (record, results) in enumerate(zip(chunk.rows, labelled)):
        for result in results:
            row = dict(record)
            if threads:
                result = dict(result)
                row[text_column] = result.pop("message_text")
                row["thread_id"] = record.get("thread_id", first_row + offset)
            row.update(result)
            rows.append(row)
    columns = [c for c in chunk.columns if not threads or c not in THREAD_COLUMNS]
    if threads:  # thread columns right after the input's own columns
        columns += [c for c in THREAD_COLUMNS if c not in columns]
    columns += [c for c in _added_columns(labelled, threads) if c not in columns]
    return Chunk(columns, rows)


def _added_columns(labelled: list[list[dict[str, Any]]], threads: bool) -> list[str]:
    """The columns a batch adds: the result columns (and ``segments`` last), or for threads the
    message's columns in the order the results give them."""
    first = next((result for results in labelled for result in results), {})
    if threads:
        return [c for c in first if c != "message_text"]
    return [*RESULT_COLUMNS, *((SEGMENTS_COLUMN,) if SEGMENTS_COLUMN in first else ())]


def label_dataframe(
    df: pd.DataFrame, text_column: str = "text", threads: bool = False, segments: bool = False
) -> pd.DataFrame:
    """A copy of ``df`` with the result columns added (one row per message when ``threads``;
    with ``segments``, a ``segments`` column of JSON ``[start, end, role, score]`` lists).

    An ``attachments`` column (see :func:`attachments_of`) is read with each row's text.

    >>> import pandas as pd
    >>> out = label_dataframe(pd.DataFrame({"id": [1, 2], "text": ["We do not hold this information.", None]}))
    >>> out[["id", "outcome", "exemptions", "error"]].values.tolist()
    [[1, 'not_held', [], ''], [2, 'undetermined', [], '']]
    """  # noqa: E501 (doctest lines)
    import pandas as pd

    if text_column not in df.columns:
        raise KeyError(f"no column '{text_column}' (columns: {', '.join(map(str, df.columns))})")
    attachments = (
        df["attachments"].tolist() if "attachments" in df.columns and not threads else None
    )
    labelled = label_texts(df[text_column].tolist(), threads, attachments, segments=segments)
    if not threads:  # the result columns added to a copy of the frame, its dtypes kept
        frame = df.reset_index(drop=True)
        results = [rows[0] for rows in labelled]
        names = _added_columns(labelled, threads)
        return frame.assign(**{name: [result[name] for result in results] for name in names})
    merged = _merge(
        Chunk(list(df.columns), df.to_dict(orient="records")), text_column, labelled, threads, 0
    )
    return pd.DataFrame.from_records(merged.rows, columns=merged.columns)


def label_stream(texts: Iterable[object]) -> Iterator[Classification]:
    """Label texts one by one in constant memory; a text that cannot be labelled yields an
    ``undetermined`` result whose ``reason`` starts with ``"error: "``.

    >>> [r.outcome for r in label_stream(["We do not hold this information.", 42])]
    ['not_held', 'undetermined']
    """
    for text in texts:
        try:
            yield classify(text)  # type: ignore[arg-type]
        except Exception as exc:
            yield Classification(
                outcome="undetermined", confidence=1.0, reason=f"error: {type(exc).__name__}: {exc}"
            )


# ---------------------------------------------------------------------------------------------
# Resumable runs over files


@dataclass(frozen=True)
class RunSummary:
    output: Path
    rows_in: int
    rows_out: int
    errors: int
    chunks_resumed: int


def _fingerprint(sources: list[Source], options: dict[str, Any]) -> str:
    facts = {
        "version": __version__,
        "options": options,
        "inputs": [
            [
                str(s.path.resolve()),
                s.format,
                s.text_column,
                s.path.stat().st_size if s.path.is_file() else s.rows,
                s.path.stat().st_mtime_ns,
            ]
            for s in sources
        ],
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()


def _progress(total: int, quiet: bool):
    from tqdm import tqdm

    return tqdm(
        total=total,
        unit="rows",
        disable=quiet or not sys.stderr.isatty(),
        dynamic_ncols=True,
        smoothing=0.1,
    )


def _work(
    args: tuple[list[Any], bool, list[Any] | None, list[Any] | None, bool],
) -> list[list[dict[str, Any]]]:
    return label_texts(*args)


def label_files(
    inputs: list[Path],
    output: Path,
    *,
    text_column: str = "text",
    input_format: str | None = None,
    output_format: str | None = None,
    threads: bool = False,
    jobs: int | None = 1,
    chunk_size: int = 500,
    quiet: bool = False,
    restart: bool = False,
    segments: bool = False,
) -> RunSummary:
    """Label every row of ``inputs`` into ``output``; resumable, order-preserving, atomic.

    ``jobs`` worker processes label the chunks (forked from this one); ``None`` takes
    :func:`default_jobs`: one per CPU core this process may use, but no more than there are
    chunks, so a small input is labelled in this process alone. The command line's default is
    ``None``; from Python it is 1, since forking a process that runs threads (a notebook kernel)
    is unsafe.

    Raises :class:`~foiclassify.io.InputError` (one line naming the file or column) before any
    labelling when an input or the output cannot be used.
    """
    out_fmt = output_format_of(output, output_format)
    sources = [check_input(path, input_format, text_column) for path in inputs]
    for source in sources:
        if threads and source.format in MESSAGE_FORMATS:
            raise InputError(
                f"{source.path}: --threads is for a column of whole threads; {source.format} input "
                f"is already one row per message"
            )
    options = {
        "threads": threads,
        "chunk_size": chunk_size,
        "output_format": out_fmt,
        "output": str(output.resolve()),
        "segments": segments,
    }
    partial = output.with_name(output.name + ".partial")
    fingerprint = _fingerprint(sources, options)
    manifest = partial / "manifest.json"
    if partial.exists() and (
        restart
        or not manifest.exists()
        or json.loads(manifest.read_text()).get("fingerprint") != fingerprint
    ):
        if not restart and manifest.exists():
            raise InputError(
                f"{partial}: holds a run with other inputs or options; run with --restart to "
                f"discard "
                f"it"
            )
        shutil.rmtree(partial)
    partial.mkdir(parents=True, exist_ok=True)
    manifest.write_text(
        json.dumps(
            {"fingerprint": fingerprint, "inputs": [str(p) for p in inputs], "options": options}
        )
    )

    def chunks() -> Iterator[tuple[int, Source, int, Chunk]]:
        index, first_row = 0, 0
        for source in sources:
            for chunk in read_chunks(source, chunk_size):
                if len(sources) > 1:
                    chunk.insert_column("source_file", str(source.path))
                yield index, source, first_row, chunk
                index += 1
                first_row += len(chunk)

    def chunk_path(index: int) -> Path:
        return partial / f"chunk-{index:07d}.{out_fmt}"

    total = sum(s.rows for s in sources)
    if jobs is None:
        jobs = default_jobs(total, chunk_size)
    resumed = rows_out = errors = 0
    done_paths: list[Path] = []
    resumed_paths: list[
        Path
    ] = []  # committed by an earlier run: counted from their files at the end
    pool = multiprocessing.get_context("fork").Pool(jobs) if jobs > 1 else None
    pending: deque[tuple[Path, Source, int, Chunk, Any]] = deque()
    try:
        with _progress(total, quiet) as bar:

            def finish_one() -> None:
                nonlocal rows_out, errors
                path, source, first_row, chunk, result = pending.popleft()
                labelled = result.get() if pool is not None else result
                merged = _merge(chunk, source.text_column, labelled, threads, first_row)
                write_chunk(merged, path, out_fmt)
                rows_out += len(merged)
                errors += sum(1 for error in merged.column("error") if error)
                bar.update(len(chunk))

            for index, source, first_row, chunk in chunks():
                path = chunk_path(index)
                done_paths.append(path)
                if path.exists():  # committed by an earlier run
                    resumed += 1
                    resumed_paths.append(path)
                    bar.update(len(chunk))
                    continue
                messages = source.format in MESSAGE_FORMATS or (
                    source.format == "folder" and "role" in chunk.columns
                )
                work = (
                    chunk.column(source.text_column),
                    threads,
                    chunk.column("attachments")
                    if "attachments" in chunk.columns and not threads
                    else None,
                    [r if isinstance(r, str) else "authority" for r in chunk.column("role")]
                    if messages
                    else None,
                    segments,
                )
                pending.append(
                    (
                        path,
                        source,
                        first_row,
                        chunk,
                        pool.apply_async(_work, (work,)) if pool else _work(work),
                    )
                )
                while len(pending) > (2 * jobs if pool else 0):  # bounded: memory stays flat
                    finish_one()
            while pending:
                finish_one()
    finally:
        if pool is not None:
            pool.terminate()
    concatenate(done_paths, output, out_fmt)
    rows_resumed, errors_resumed = _count(resumed_paths, out_fmt)
    shutil.rmtree(partial)
    return RunSummary(output, total, rows_out + rows_resumed, errors + errors_resumed, resumed)


def default_jobs(rows: int, chunk_size: int, cores: int | None = None) -> int:
    """Worker processes for ``rows`` rows in chunks of ``chunk_size``: one per CPU core this
    process may use (``cores``, when given), but no more than there are chunks.

    >>> default_jobs(100, 500, cores=8), default_jobs(2_000, 500, cores=8)
    (1, 4)
    >>> default_jobs(9_000, 500, cores=2), default_jobs(0, 500, cores=2)
    (2, 1)
    """
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    chunks = -(-rows // chunk_size)
    return max(1, min(cores or 1, chunks))


def _count(paths: list[Path], fmt: str) -> tuple[int, int]:
    rows = errors = 0
    for path in paths:
        found = read_rows(path, fmt, columns=("error",))
        rows += len(found)
        errors += sum(1 for row in found if row.get("error"))
    return rows, errors
