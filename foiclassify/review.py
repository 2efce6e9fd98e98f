"""Review labelled replies in a local web page and keep every decision: ``foiclassify review``.

``foiclassify review LABELLED -o corrections.jsonl`` serves one page on 127.0.0.1 (no asset from
the internet) that goes through a table written by ``foiclassify label -o``: rows that need
review first, lowest confidence first, filterable by authority, outcome and exemption. Each row
shows the letter with its evidence marked by label, the predicted outcome and codes; keys accept
or correct them and move on:

- ``a`` accept the row as labelled; ``1``-``9`` correct the outcome (in TAXONOMY §1's order);
- ``c`` edit the codes (a comma-separated list); ``j`` / ``k`` next / previous row.

Every decision is appended to the corrections file at once and flushed to disk (``fsync``), one
JSON object per line: the row number and key, the text and its SHA-256, the old and the new
labels, the action and the time. A server killed mid-session loses no decision already made;
started again on the same files, it shows which rows are decided and starts at the first that is
not. A Parquet table is read by columns and row groups (the ordering reads only the
``needs_review`` and ``confidence`` columns), so a large table opens fast; CSV and JSONL tables
are read whole.

The corrections are data: ``foiclassify evaluate corrections.jsonl`` scores the current
``classify()`` on them (their ``new`` labels are the gold ones).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from .labels import OUTCOMES, is_exemption_code

_LIGHT_COLUMNS = ("needs_review", "confidence", "outcome", "exemptions", "authority")
_ROW_COLUMNS = (
    "text",
    "outcome",
    "exemptions",
    "confidence",
    "needs_review",
    "evidence",
    "reason",
    "authority",
    "id",
)


def _codes(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [c for c in value.replace(",", ";").split(";") if c.strip()]
    try:
        return [str(c) for c in value]  # type: ignore[attr-defined]
    except TypeError:
        return []


@dataclass
class LabelledTable:
    """A labelled table opened for review: the order rows are shown in, and pages of rows."""

    path: Path
    order: list[int] = field(
        default_factory=list
    )  # row numbers, needing review first, lowest confidence first
    light: dict[str, list[Any]] = field(default_factory=dict)  # the few columns read for every row
    _frame: Any = None  # CSV / JSONL: the whole table
    _groups: list[tuple[int, int]] = field(
        default_factory=list
    )  # Parquet: (first row, rows) of each row group

    @classmethod
    def open(cls, path: str | Path) -> LabelledTable:
        path = Path(path)
        table = cls(path)
        if path.suffix.lower() == ".parquet":
            import pyarrow.parquet as pq

            parquet = pq.ParquetFile(path)
            names = parquet.schema_arrow.names
            if "outcome" not in names or "text" not in names:
                raise ValueError(
                    f"{path}: not a labelled table (needs 'text' and 'outcome' columns: write it "
                    f"with foiclassify label -o)"
                )
            light = parquet.read(columns=[c for c in _LIGHT_COLUMNS if c in names]).to_pydict()
            first = 0
            for i in range(parquet.num_row_groups):
                rows = parquet.metadata.row_group(i).num_rows
                table._groups.append((first, rows))
                first += rows
        else:
            from .io import format_of, read_table

            frame = read_table(path, string_columns=("text",))
            if "outcome" not in frame.columns or "text" not in frame.columns:
                raise ValueError(
                    f"{path}: not a labelled table (needs 'text' and 'outcome' columns: write it "
                    f"with foiclassify label -o ({format_of(path)}))"
                )
            table._frame = frame.reset_index(drop=True)
            light = {c: frame[c].tolist() for c in _LIGHT_COLUMNS if c in frame.columns}
        n = len(light["outcome"])
        light.setdefault("needs_review", [True] * n)
        light.setdefault("confidence", [0.0] * n)
        light["exemptions"] = [_codes(v) for v in light.get("exemptions", [[]] * n)]
        table.light = light

        def rank(i: int) -> tuple[int, float, int]:
            confidence = light["confidence"][i]
            return (
                0 if light["needs_review"][i] else 1,
                confidence
                if isinstance(confidence, (int, float)) and confidence == confidence
                else 0.0,
                i,
            )

        table.order = sorted(range(n), key=rank)
        return table

    def __len__(self) -> int:
        return len(self.order)

    def filtered(self, outcome: str = "", code: str = "", authority: str = "") -> list[int]:
        """The review order, keeping rows with that outcome, code and authority (empty: any)."""
        light = self.light
        authorities = light.get("authority") or [""] * len(self)
        return [
            i
            for i in self.order
            if (not outcome or light["outcome"][i] == outcome)
            and (not code or code in light["exemptions"][i])
            and (not authority or str(authorities[i]) == authority)
        ]

    def rows(self, numbers: list[int]) -> list[dict[str, Any]]:
        """The full rows (text, evidence …) of these row numbers, reading only their row groups."""
        if self._frame is not None:
            frame = self._frame
            cols = [c for c in _ROW_COLUMNS if c in frame.columns]
            found = {i: {c: frame.at[i, c] for c in cols} for i in numbers}
        else:
            import pyarrow.parquet as pq

            parquet = pq.ParquetFile(self.path)
            cols = [c for c in _ROW_COLUMNS if c in parquet.schema_arrow.names]
            found = {}
            for g, (first, count) in enumerate(self._groups):
                wanted = [i for i in numbers if first <= i < first + count]
                if wanted:
                    group = parquet.read_row_group(g, columns=cols).to_pydict()
                    for i in wanted:
                        found[i] = {c: group[c][i - first] for c in cols}
        out = []
        for i in numbers:
            row = found[i]
            evidence = row.get("evidence")
            out.append(
                {
                    "row": i,
                    "key": str(row.get("id")) if row.get("id") is not None else str(i),
                    "text": row.get("text") or "",
                    "outcome": row.get("outcome"),
                    "exemptions": _codes(row.get("exemptions")),
                    "confidence": row.get("confidence"),
                    "needs_review": bool(row.get("needs_review")),
                    "reason": row.get("reason") or "",
                    "authority": row.get("authority") or "",
                    "evidence": json.loads(evidence)
                    if isinstance(evidence, str) and evidence
                    else [],
                }
            )
        return out


class Corrections:
    """The corrections file: decisions appended one per line and flushed to disk at once."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.lock = threading.Lock()
        self.decided: dict[int, dict[str, Any]] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except ValueError:  # a line cut by a crash mid-write: the decisions before it stand
                    continue
                self.decided[int(entry["row"])] = entry

    def record(
        self, row: dict[str, Any], outcome: str, exemptions: list[str], action: str
    ) -> dict[str, Any]:
        if outcome not in OUTCOMES:
            raise ValueError(f"not an outcome: {outcome!r}")
        unknown = [c for c in exemptions if not is_exemption_code(c)]
        if unknown:
            raise ValueError(f"not exemption codes: {', '.join(unknown)}")
        entry = {
            "row": row["row"],
            "key": row["key"],
            "text_sha256": hashlib.sha256(row["text"].encode("utf-8")).hexdigest(),
            "text": row["text"],
            "old": {"outcome": row["outcome"], "exemptions": row["exemptions"]},
            "new": {"outcome": outcome, "exemptions": sorted(set(exemptions))},
            "action": action,
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        }
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self.lock:
            with open(self.path, "a", encoding="utf-8") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
            self.decided[row["row"]] = entry
        return entry


def _handler(table: LabelledTable, corrections: Corrections) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet: no line per request
            return

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _json(self, data: Any, status: int = 200) -> None:
            self._send(
                status,
                json.dumps(data, ensure_ascii=False, default=str).encode("utf-8"),
                "application/json; charset=utf-8",
            )

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            url = urlparse(self.path)
            query = {k: v[0] for k, v in parse_qs(url.query).items()}
            if url.path == "/":
                self._send(200, PAGE_FILE.read_bytes(), "text/html; charset=utf-8")
            elif url.path == "/api/meta":
                light = table.light
                self._json(
                    {
                        "rows": len(table),
                        "decided": len(corrections.decided),
                        "outcomes": list(OUTCOMES),
                        "codes": sorted({c for codes in light["exemptions"] for c in codes}),
                        "authorities": sorted({str(a) for a in light.get("authority", []) if a})[
                            :500
                        ],
                    }
                )
            elif url.path == "/api/rows":
                order = table.filtered(
                    query.get("outcome", ""), query.get("code", ""), query.get("authority", "")
                )
                offset, limit = int(query.get("offset", 0)), min(int(query.get("limit", 20)), 200)
                rows = table.rows(order[offset : offset + limit])
                for row in rows:
                    row["decision"] = corrections.decided.get(row["row"])
                first_open = next(
                    (k for k, i in enumerate(order) if i not in corrections.decided), len(order)
                )
                self._json(
                    {
                        "total": len(order),
                        "offset": offset,
                        "first_undecided": first_open,
                        "rows": rows,
                    }
                )
            else:
                self._send(404, b"not found", "text/plain")

        def do_POST(self) -> None:  # noqa: N802
            if urlparse(self.path).path != "/api/decide":
                self._send(404, b"not found", "text/plain")
                return
            try:
                data = json.loads(
                    self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}"
                )
                [row] = table.rows([int(data["row"])])
                entry = corrections.record(
                    row,
                    data.get("outcome") or row["outcome"],
                    list(data.get("exemptions", row["exemptions"])),
                    data.get("action", "correct"),
                )
            except (ValueError, KeyError, IndexError, TypeError) as exc:
                self._json({"error": str(exc)}, 400)
                return
            self._json(entry)

    return Handler


def serve(
    labelled: str | Path,
    corrections_path: str | Path,
    port: int = 8765,
    ready: threading.Event | None = None,
) -> ThreadingHTTPServer:
    """Open the table and the corrections file and return a server bound to 127.0.0.1 (port 0:
    any free port; ``server.server_address`` says which). Call ``serve_forever()`` on it."""
    table = LabelledTable.open(labelled)
    corrections = Corrections(corrections_path)
    server = ThreadingHTTPServer(("127.0.0.1", port), _handler(table, corrections))
    if ready is not None:
        ready.set()
    return server


# The page: plain HTML and script, no asset from the internet.
PAGE_FILE = Path(__file__).with_name("review_page.html")
