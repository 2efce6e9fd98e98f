"""Command line: ``foiclassify label FILE...`` (also ``python -m foiclassify``).

Each file is read as one correspondence: a WhatDoTheyKnow page or an email chain is split into
messages, anything else is one message. The default output is a readable table per file;
``--json`` prints one JSON object per file (the ``to_dict()`` of the thread result).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .pipeline import classify, classify_thread
from .result import Message, ThreadResult
from .text import decode
from .thread import guess_role


def _read(path: Path) -> str:
    if not path.exists():
        raise SystemExit(f"foiclassify: {path}: no such file")
    if path.is_dir():
        raise SystemExit(f"foiclassify: {path}: is a folder; name the files (e.g. {path}/*.txt)")
    return decode(path.read_bytes())


def _label_file(text: str, mode: str) -> ThreadResult:
    if mode == "thread":
        return classify_thread(text)
    if mode == "single":
        result = classify(text)
        message = Message("authority", text, 0, len(text), result)
        return ThreadResult((message,), result.outcome, result.exemptions, result.stage, 0 if result.outcome else None)
    thread = classify_thread(text)
    if len(thread.messages) == 1 and thread.messages[0].role != "authority" and guess_role(text) != "requester":
        return _label_file(text, "single")  # one letter: treat it as the authority's reply
    return thread


def _first_line(text: str, width: int) -> str:
    for line in text.splitlines():
        line = line.strip(" #*_\t")
        if line:
            return line if len(line) <= width else line[: width - 1] + "…"
    return ""


def _table(path: str, thread: ThreadResult) -> str:
    rows = [("#", "role", "outcome", "stage", "conf", "exemptions", "flags", "opens with")]
    for i, m in enumerate(thread.messages):
        r = m.result
        flags = ",".join(
            name for name, on in (("ncnd", r and r.ncnd), ("PIT", r and r.public_interest_test), ("advice", r and r.advice_offered)) if on
        )
        if r and r.cost_estimate:
            flags = ",".join(filter(None, [flags, "cost " + " ".join(f"{k}={v}" for k, v in r.cost_estimate.items())]))
        rows.append((
            str(i),
            m.role,
            r.outcome if r else "-",
            r.stage if r else "-",
            f"{r.confidence:.2f}" if r else "-",
            " ".join(r.exemptions) if r and r.exemptions else "-",
            flags or "-",
            _first_line(m.text, 48),
        ))
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    lines = [f"== {path}"]
    if thread.title:
        lines.append(f"title:       {thread.title}")
    if thread.site_status:
        lines.append(f"site status: {thread.site_status} ({thread.site_state})")
    for k, row in enumerate(rows):
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    exemptions = " ".join(thread.exemptions) or "none cited"
    lines.append(f"thread outcome: {thread.outcome} ({thread.stage}); exemptions: {exemptions}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="foiclassify", description="Label FOI replies by outcome and exemptions cited.")
    parser.add_argument("--version", action="version", version=f"foiclassify {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    label = commands.add_parser("label", help="label files of correspondence and print the result")
    label.add_argument("files", nargs="+", type=Path, help="text files: a reply, a WhatDoTheyKnow page or an email chain")
    label.add_argument("--json", action="store_true", help="print one JSON object per file instead of a table")
    label.add_argument("--evidence", action="store_true", help="with the table, list the evidence spans of each message")
    mode = label.add_mutually_exclusive_group()
    mode.add_argument("--single", dest="mode", action="store_const", const="single", help="each file is one authority message")
    mode.add_argument("--thread", dest="mode", action="store_const", const="thread", help="each file is a whole correspondence")
    args = parser.parse_args(argv)

    texts = [(path, _read(path)) for path in args.files]  # fail on a bad path before any work
    for k, (path, text) in enumerate(texts):
        thread = _label_file(text, args.mode or "auto")
        if args.json:
            print(json.dumps({"file": str(path), **thread.to_dict()}, ensure_ascii=False))
            continue
        if k:
            print()
        print(_table(str(path), thread))
        if args.evidence:
            for i, m in enumerate(thread.messages):
                for ev in m.result.evidence if m.result else ():
                    snippet = " ".join(ev.text.split())
                    print(f"  [{i}] {ev.label:<22} {ev.role:<22} {ev.start:>6}-{ev.end:<6} {snippet[:60]!r} ({ev.detail})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
