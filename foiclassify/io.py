"""Reading correspondence in chunks and writing labelled chunks (CSV, JSONL, Parquet).

Inputs: tables (CSV, JSONL, Parquet: one reply per row), a folder of documents (.txt, .md,
.html: one reply each; .eml: one email with its attachments; .zip: an Alaveteli request
download), and the message formats of :mod:`foiclassify.readers` (mbox, an Alaveteli zip or
research-export folder, MuckRock JSON), read as one row per message with ``role``,
``attachments`` (JSON) and ``site_state``.

Every reader yields chunks (:class:`Chunk`: column names and rows as dicts) of at most
``chunk_size`` rows, in a fixed order, so a run cut short can resume at a chunk boundary. Tables
are read and written without pandas, so a batch run over them does not pay for importing it (the
Alaveteli research-export reader still uses it). :func:`check_input` reads what it must to fail fast
(a missing file, an unknown format, a missing text column, a malformed table) and counts the rows,
before any labelling starts.
"""

from __future__ import annotations

import csv
import json
import mailbox
import math
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .text import decode, looks_like_alaveteli_page

if TYPE_CHECKING:
    import pandas as pd

TABLE_FORMATS = ("csv", "jsonl", "parquet")
# Inputs read as one row per message, with role, attachments and site state (see
# foiclassify.readers).
MESSAGE_FORMATS = ("mbox", "alaveteli-zip", "alaveteli-export", "muckrock")
INPUT_FORMATS = (*TABLE_FORMATS, "folder", *MESSAGE_FORMATS)
DOCUMENT_SUFFIXES = (".txt", ".md", ".eml", ".html", ".htm", ".zip")
_SUFFIX_FORMAT = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".mbox": "mbox",
    ".zip": "alaveteli-zip",
}


class InputError(ValueError):
    """An input or output that cannot be used; the message is one line naming the file or column."""


@dataclass
class Chunk:
    """Rows of a table: the column names in order, and each row as a dict (a missing key is an
    empty cell)."""

    columns: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[Any]:
        return [row.get(name) for row in self.rows]

    def insert_column(self, name: str, value: Any) -> None:
        """Put a column of one value first."""
        self.columns = [name, *(c for c in self.columns if c != name)]
        for row in self.rows:
            row[name] = value

    @classmethod
    def of_records(cls, records: list[dict[str, Any]]) -> Chunk:
        """A chunk of these rows, its columns in order of first appearance."""
        columns: dict[str, None] = {}
        for record in records:
            columns.update(dict.fromkeys(record))
        return cls(list(columns), records)


@dataclass(frozen=True)
class Source:
    path: Path
    format: str
    text_column: str
    rows: int  # counted by check_input
    encoding: str = "utf-8"  # of a CSV/JSONL file: UTF-8, else Windows-1252, else Latin-1


def file_encoding(path: Path) -> str:
    """UTF-8 when the whole file decodes as UTF-8, else Windows-1252, else Latin-1 (never fails)."""
    import codecs

    for encoding in ("utf-8", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            with open(path, "rb") as handle:
                while block := handle.read(1 << 20):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            return encoding
        except UnicodeDecodeError:
            continue
    return "latin-1"


_PLATFORM_KEYS = {"results", "communications", "communication"}


def _json_kind(path: Path) -> str:
    """ "muckrock" for a JSON document of MuckRock communications, "jsonl" for JSON lines.

    Only the first line is parsed when it holds a whole object (JSON lines, read in chunks later);
    a document spread over several lines is parsed whole, up to 200 MB.
    """
    with open(path, "rb") as handle:
        first = handle.readline(1 << 20)
        more = any(line.strip() for line in iter(lambda: handle.readline(1 << 20), b""))
    head = first.lstrip()
    if head.startswith(b"["):
        return "muckrock"
    if not head.startswith(b"{"):
        return "jsonl"
    try:
        data = json.loads(first)
        if more:
            return "jsonl"  # one object per line
    except ValueError:
        if path.stat().st_size > 200_000_000:
            return "jsonl"
        try:
            data = json.loads(path.read_bytes())
        except ValueError:
            return "jsonl"
    if isinstance(data, dict) and "info_request_events" in data:
        raise InputError(
            f"{path}: an Alaveteli request JSON holds no message text; label the request's zip, "
            f"with this file beside it as {path.stem}.zip's .json"
        )
    if isinstance(data, dict) and _PLATFORM_KEYS & data.keys():
        return "muckrock"
    return "jsonl"


def format_of(path: Path, override: str | None = None) -> str:
    if override:
        return override
    if path.is_dir():
        from .readers import export_tables

        return "alaveteli-export" if "IncomingMessage" in export_tables(path) else "folder"
    if path.suffix.lower() == ".json" and path.is_file():
        return _json_kind(path)
    fmt = _SUFFIX_FORMAT.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: cannot tell the format from '{path.suffix or 'no extension'}'; name it with "
            f"--input-format ({', '.join(INPUT_FORMATS)})"
        )
    return fmt


def output_format_of(path: Path, override: str | None = None) -> str:
    fmt = override or _SUFFIX_FORMAT.get(path.suffix.lower())
    if fmt not in TABLE_FORMATS:
        raise InputError(
            f"{path}: output must be .csv, .jsonl or .parquet (or name one with --output-format)"
        )
    return fmt


def _documents(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES
    )


def _folder_records(folder: Path) -> Iterator[dict[str, object]]:
    from .readers import read_alaveteli_zip, read_email

    for path in _documents(folder):
        suffix = path.suffix.lower()
        if suffix == ".eml":
            yield {"path": path.name, **read_email(path.read_bytes(), path.stem).to_record()}
        elif suffix == ".zip":
            for message in read_alaveteli_zip(path):
                yield {"path": path.name, **message.to_record()}
        else:
            text = decode(path.read_bytes())
            if suffix in (".html", ".htm") and looks_like_alaveteli_page(
                text
            ):  # a saved request page: one row per message
                yield from _page_records(path, text)
            else:
                yield {"path": path.name, "text": text}


def _page_records(path: Path, html: str) -> Iterator[dict[str, object]]:
    from .alaveteli_pages import read_alaveteli_page

    try:
        page = read_alaveteli_page(html, path.stem)
    except Exception as exc:  # a page that only looks like one: one row that says so
        yield {
            "path": path.name,
            "text": "",
            "read_error": f"{path.name}: {type(exc).__name__}: {exc}"[:300],
        }
        return
    for message in page.messages:
        yield {"path": path.name, **message.to_record()}


def _message_records(source: Source) -> Iterator[dict[str, object]]:
    from . import readers

    if source.format == "mbox":
        messages: Iterable[readers.SourceMessage] = readers.read_mbox(source.path)
    elif source.format == "alaveteli-zip":
        messages = readers.read_alaveteli_zip(source.path)
    elif source.format == "alaveteli-export":
        messages = readers.read_alaveteli_export(source.path)
    else:
        messages = readers.read_muckrock(source.path)
    for message in messages:
        yield message.to_record()


_PAGE_BLOCK = re.compile(r"""class=["'][^"']*\b(?:correspondence|comment_in_request)\b""")


def _count_document(path: Path) -> int:
    """How many rows one document of a folder gives: a zip's or a saved page's messages, else 1."""
    from . import readers

    suffix = path.suffix.lower()
    if suffix == ".zip":
        return readers.count_alaveteli_zip(path)
    if suffix in (".html", ".htm"):
        text = decode(path.read_bytes())
        if looks_like_alaveteli_page(text):
            return max(1, len(_PAGE_BLOCK.findall(text)))
    return 1


def _count_messages(path: Path, fmt: str) -> int:
    import pandas as pd

    from . import readers

    if fmt == "folder":
        return sum(_count_document(p) for p in _documents(path))
    if fmt == "mbox":
        box = mailbox.mbox(path, create=False)
        try:
            return len(box.keys())
        finally:
            box.close()
    if fmt == "alaveteli-zip":
        return readers.count_alaveteli_zip(path)
    if fmt == "alaveteli-export":
        table = readers.export_tables(path)["IncomingMessage"]
        return sum(
            len(chunk) for chunk in pd.read_csv(table, usecols=["id"], dtype=str, chunksize=100_000)
        )
    return len(readers.read_muckrock(path))


def _record_chunks(records: Iterator[dict[str, object]], chunk_size: int) -> Iterator[Chunk]:
    batch: list[dict[str, Any]] = []
    for record in records:
        batch.append(record)
        if len(batch) == chunk_size:
            yield Chunk.of_records(batch)
            batch = []
    if batch:
        yield Chunk.of_records(batch)


def _unique(names: list[str]) -> list[str]:
    """Column names made unique as pandas makes them: a repeated "a" becomes "a.1", "a.2" …"""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        if name in seen:
            seen[name] += 1
            name = f"{name}.{seen[name]}"
        seen.setdefault(name, 0)
        out.append(name)
    return out


def _csv_chunks(path: Path, encoding: str, chunk_size: int) -> Iterator[Chunk]:
    """A CSV file's rows, every cell a string (empty cells stay "", identifiers keep their leading
    zeros); blank lines are skipped, a row with more cells than the header is an error."""
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # a reply may be longer than 128 kB
    with open(path, encoding="utf-8-sig" if encoding == "utf-8" else encoding, newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if header is None:
            return
        columns = _unique(header)
        rows: list[dict[str, Any]] = []
        for cells in reader:
            if not cells:
                continue
            if len(cells) > len(columns):
                raise ValueError(
                    f"line {reader.line_num}: expected {len(columns)} fields, saw {len(cells)}"
                )
            rows.append(dict(zip(columns, cells + [""] * (len(columns) - len(cells)))))
            if len(rows) == chunk_size:
                yield Chunk(columns, rows)
                rows = []
        if rows:
            yield Chunk(columns, rows)


def _jsonl_records(path: Path, encoding: str) -> Iterator[dict[str, Any]]:
    """A JSON-lines file's objects, values as parsed; blank lines are skipped."""
    with open(path, encoding=encoding) as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError(f"line {number}: not a JSON object")
            yield record


def read_chunks(source: Source, chunk_size: int) -> Iterator[Chunk]:
    """The rows of one input, ``chunk_size`` at a time, every column kept as read."""
    path, fmt = source.path, source.format
    if fmt == "csv":
        yield from _csv_chunks(path, source.encoding, chunk_size)
    elif fmt == "jsonl":
        yield from _record_chunks(_jsonl_records(path, source.encoding), chunk_size)
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_size):
            yield Chunk(list(batch.schema.names), batch.to_pylist())
    elif fmt == "folder":
        yield from _record_chunks(_folder_records(path), chunk_size)
    elif fmt in MESSAGE_FORMATS:
        yield from _record_chunks(_message_records(source), chunk_size)
    else:
        raise InputError(f"{path}: unknown input format '{fmt}'")


def check_input(path: Path, fmt: str | None, text_column: str, chunk_size: int = 10_000) -> Source:
    """Validate one input completely and count its rows; raises :class:`InputError` with one
    line."""
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    fmt = format_of(path, fmt)
    if fmt not in INPUT_FORMATS:
        raise InputError(
            f"{path}: unknown input format '{fmt}' (one of {', '.join(INPUT_FORMATS)})"
        )
    if fmt == "folder" or fmt in MESSAGE_FORMATS:
        text_column = "text"
    if fmt == "alaveteli-export" and not path.is_dir():
        raise InputError(f"{path}: --input-format alaveteli-export needs the export's folder")
    if fmt == "folder" and not path.is_dir():
        raise InputError(f"{path}: --input-format folder needs a folder")
    if fmt == "folder" and not _documents(path):
        raise InputError(f"{path}: the folder holds no {'/'.join(DOCUMENT_SUFFIXES)} files")
    if fmt == "alaveteli-zip":
        from .readers import alaveteli_zip_error

        if problem := alaveteli_zip_error(path):
            raise InputError(problem)
    encoding = file_encoding(path) if fmt in ("csv", "jsonl") else "utf-8"
    source = Source(path, fmt, text_column, 0, encoding)
    rows = 0
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            parquet = pq.ParquetFile(path)
            columns = parquet.schema_arrow.names
            rows = parquet.metadata.num_rows
            if text_column not in columns:
                raise InputError(
                    f"{path}: no column '{text_column}' (columns: {', '.join(columns)}); choose "
                    f"one with --text-column"
                )
        elif fmt == "folder" or fmt in MESSAGE_FORMATS:
            rows = _count_messages(path, fmt)
        else:
            for chunk in read_chunks(source, chunk_size):
                if text_column not in chunk.columns:
                    raise InputError(
                        f"{path}: no column '{text_column}' (columns: "
                        f"{', '.join(map(str, chunk.columns))}); "
                        f"choose one with --text-column"
                    )
                rows += len(chunk)
    except InputError:
        raise
    except Exception as exc:  # a malformed table: pandas/pyarrow/json errors of many kinds
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{path}: cannot read as {fmt}: {first_line}") from exc
    if rows == 0:
        raise InputError(f"{path}: no rows")
    return Source(path, fmt, text_column, rows, encoding)


def read_table(path: Path, string_columns: tuple[str, ...] = ()) -> pd.DataFrame:
    """A whole labelled table (CSV, JSONL or Parquet, by suffix). In CSV, empty cells stay ""
    and ``string_columns`` are read as text."""
    import pandas as pd

    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(
            path,
            dtype={c: str for c in string_columns},
            keep_default_na=False,
            na_values={"confidence": [""]},
        )
    if suffix in (".jsonl", ".ndjson", ".json"):
        return pd.read_json(path, lines=True, dtype=False)
    if suffix in (".parquet", ".pq"):
        return pd.read_parquet(path)
    raise ValueError(f"{path}: expected a .csv, .jsonl or .parquet file")


# ---------------------------------------------------------------------------------------------
# Writing


def _cell(value: Any) -> Any:
    """A value as written: NaN is an empty cell."""
    return None if isinstance(value, float) and math.isnan(value) else value


def _csv_cell(column: str, value: Any) -> str:
    value = _cell(value)
    if value is None:
        return ""
    if column == "exemptions" and isinstance(value, (list, tuple)):
        return ";".join(map(str, value))
    return str(value)


def _arrow_table(chunk: Chunk) -> Any:
    """The chunk as an Arrow table, each column of its values' own type (strings where a column
    holds values of several types). It goes through pyarrow's JSON reader: building arrays from
    Python lists makes pyarrow import pandas, which costs a batch run a third of a second."""
    import io

    import pyarrow.json as pj

    rows = [{c: _cell(row.get(c)) for c in chunk.columns} for row in chunk.rows]
    for column in chunk.columns:
        kinds = {type(row[column]) for row in rows if row[column] is not None}
        if kinds == {int, float}:
            for row in rows:
                if row[column] is not None:
                    row[column] = float(row[column])
        elif len(kinds) > 1:
            for row in rows:
                if row[column] is not None:
                    row[column] = str(row[column])
    data = "".join(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)
    raw = data.encode("utf-8", errors="replace")
    options = pj.ReadOptions(block_size=max(1 << 20, len(raw) + 1))
    return pj.read_json(io.BytesIO(raw), read_options=options).select(chunk.columns)


def write_chunk(chunk: Chunk, path: Path, fmt: str) -> None:
    """Write one labelled chunk atomically (a temporary file, then a rename)."""
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "csv":
        with open(tmp, "w", encoding="utf-8", errors="replace", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(chunk.columns)
            for row in chunk.rows:
                writer.writerow([_csv_cell(c, row.get(c)) for c in chunk.columns])
    elif fmt == "jsonl":
        with open(tmp, "w", encoding="utf-8") as handle:
            for row in chunk.rows:
                record = {c: _cell(row.get(c)) for c in chunk.columns}
                handle.write(json.dumps(record, ensure_ascii=True, default=str) + "\n")
    else:
        import pyarrow.parquet as pq

        pq.write_table(_arrow_table(chunk), tmp)
    tmp.replace(path)


def read_rows(path: Path, fmt: str, columns: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The rows of one chunk file this module wrote (only ``columns`` of a Parquet file when
    given)."""
    if fmt == "csv":
        with open(path, encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    if fmt == "jsonl":
        with open(path, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    import pyarrow.parquet as pq

    # ParquetFile, not read_table: read_table loads pyarrow.dataset, which imports pandas
    return pq.ParquetFile(path).read(columns=list(columns) or None).to_pylist()


def concatenate(chunks: list[Path], output: Path, fmt: str) -> None:
    """Join chunk files into ``output`` atomically, one chunk in memory at a time."""
    tmp = output.with_name(output.name + ".tmp")
    if len(chunks) == 1:  # nothing to join (and no schema to unify)
        import shutil

        shutil.copyfile(chunks[0], tmp)
    elif fmt == "jsonl":
        with open(tmp, "wb") as out:
            for chunk in chunks:
                out.write(chunk.read_bytes())
    elif fmt == "csv":
        columns: dict[str, None] = {}
        for chunk in chunks:  # the union of columns, in order of first appearance
            with open(chunk, encoding="utf-8", newline="") as handle:
                columns.update(dict.fromkeys(next(csv.reader(handle), [])))
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(columns), restval="")
            writer.writeheader()
            for chunk in chunks:
                with open(chunk, encoding="utf-8", newline="") as handle:
                    writer.writerows(csv.DictReader(handle))
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = pa.unify_schemas([pq.read_schema(c) for c in chunks], promote_options="permissive")
        schema = schema.remove_metadata()
        with pq.ParquetWriter(tmp, schema) as writer:
            for chunk in chunks:
                table = pq.ParquetFile(chunk).read()
                for name in schema.names:
                    if name not in table.column_names:
                        table = table.append_column(
                            name, pa.nulls(len(table), schema.field(name).type)
                        )
                writer.write_table(table.select(schema.names).cast(schema))
    tmp.replace(output)
