"""Command line: ``foiclassify label INPUT... [-o OUTPUT]`` (also ``python -m foiclassify``).

Without ``-o``, each document file is read as one correspondence (a WhatDoTheyKnow page or an
email chain is split into messages, anything else is one message) and a readable table is
printed (``--json``: one JSON object per file). With ``-o``, every row of the inputs is labelled
into a dataset by :func:`foiclassify.batch.label_files`.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from dataclasses import replace
from pathlib import Path

from . import __version__
from .io import INPUT_FORMATS, TABLE_FORMATS, InputError
from .pipeline import classify_thread
from .readers import SourceMessage, alaveteli_zip_error, read_alaveteli_zip, read_email
from .result import Message, ThreadResult
from .text import decode
from .thread import guess_role


def _read(path: Path) -> str | list[SourceMessage]:
    """A document's text, or for an Alaveteli zip or an email, its messages with attachments."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(
            f"{path}: is a folder; name the files (e.g. {path}/*.txt), or write a dataset with -o "
            f"OUTPUT"
        )
    suffix = path.suffix.lower()
    if suffix in (".csv", ".jsonl", ".ndjson", ".json", ".parquet", ".mbox"):
        raise InputError(
            f"{path}: a table, mailbox or JSON export holds many documents; label it into a "
            f"dataset "
            f"with -o OUTPUT"
        )
    if suffix == ".zip":
        if problem := alaveteli_zip_error(path):
            raise InputError(problem)
        return read_alaveteli_zip(path)
    if suffix == ".eml":
        message = read_email(path.read_bytes(), path.stem)
        return [message if message.role == "requester" else replace(message, role="authority")]
    return decode(path.read_bytes())


def _label_file(
    content: str | list[SourceMessage], mode: str, segments: bool = False
) -> ThreadResult:
    if not isinstance(content, str):
        return classify_thread(content, segments=segments)
    text = content
    if mode == "thread":
        return classify_thread(text, segments=segments)
    if mode == "single":
        return classify_thread([{"role": "authority", "text": text}], segments=segments)
    thread = classify_thread(text, segments=segments)
    if (
        len(thread.messages) == 1
        and thread.messages[0].role != "authority"
        and guess_role(text) != "requester"
    ):
        return _label_file(
            text, "single", segments
        )  # one letter: treat it as the authority's reply
    return thread


def _segment_lines(index: int, message: Message) -> list[str]:
    """A message shown part by part: each segment's role (and the tagger's probability) beside its
    text."""
    lines = []
    for seg in message.result.segments if message.result else ():
        snippet = " ".join(message.text[seg.start : seg.end].split())
        score = "-" if seg.score is None else f"{seg.score:.2f}"
        lines.append(f"  [{index}] {seg.role:<16} {score:>4}  {snippet[:100]}")
    return lines


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
            name
            for name, on in (
                ("ncnd", r and r.ncnd),
                ("PIT", r and r.public_interest_test),
                ("advice", r and r.advice_offered),
            )
            if on
        )
        if r and r.cost_estimate:
            flags = ",".join(
                filter(
                    None,
                    [flags, "cost " + " ".join(f"{k}={v}" for k, v in r.cost_estimate.items())],
                )
            )
        rows.append(
            (
                str(i),
                m.role,
                r.outcome if r else "-",
                r.stage if r else "-",
                f"{r.confidence:.2f}" if r else "-",
                " ".join(r.exemptions) if r and r.exemptions else "-",
                flags or "-",
                _first_line(m.text, 48),
            )
        )
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


def _batch(args: argparse.Namespace) -> int:
    from .batch import label_files

    summary = label_files(
        args.files,
        args.output,
        text_column=args.text_column,
        input_format=args.input_format,
        output_format=args.output_format,
        threads=args.mode == "thread",
        jobs=args.jobs,
        chunk_size=args.chunk_size,
        quiet=args.quiet,
        restart=args.restart,
        segments=args.segments,
    )
    if not args.quiet:
        resumed = (
            f", {summary.chunks_resumed} chunk(s) resumed from an earlier run"
            if summary.chunks_resumed
            else ""
        )
        print(
            f"foiclassify: {summary.rows_in} input rows → {summary.rows_out} rows in "
            f"{summary.output} "
            f"({summary.errors} with errors{resumed})",
            file=sys.stderr,
        )
    return 0


def _train_or_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import _part, evaluate, format_scores, read_labelled, train_files
    from .model import ModelError, load, load_default

    try:
        if args.command == "train":
            _, results = train_files([*args.data, *args.corrections], args.output, seed=args.seed)
            print(f"foiclassify: model written to {args.output}", file=sys.stderr)
            if results:
                print(format_scores(results))
            return 0
        model = load(args.model, trust=True) if args.model else load_default()
        data = read_labelled(args.data)
        test = _part(data, "test") if "split" in data.columns else data
        print(
            f"{len(test)} labelled replies; model: "
            f"{args.model or ('shipped' if model else 'none (rules only)')}"
        )
        print(format_scores(evaluate(test, model)))
        if "jurisdiction" in test.columns and test["jurisdiction"].nunique() > 1:
            from .evaluate import by_jurisdiction

            print("== classify() per jurisdiction (the figures above pool them)")
            print(by_jurisdiction(test).to_string())
        return 0
    except (ValueError, ModelError, FileNotFoundError) as exc:
        print(f"foiclassify: {exc}", file=sys.stderr)
        return 2


def _labelstudio(args: argparse.Namespace) -> int:
    from . import labelstudio

    if args.action == "config":
        print(labelstudio.LABEL_CONFIG, end="")
        return 0
    if args.input is None or args.output is None:
        print(
            f"foiclassify: labelstudio {args.action} needs an input and -o OUTPUT", file=sys.stderr
        )
        return 2
    try:
        if args.action == "export":
            count = labelstudio.export_tasks(args.input, args.output)
            print(f"foiclassify: {count} tasks written to {args.output}", file=sys.stderr)
        else:
            count = labelstudio.import_export(args.input, args.output)
            print(f"foiclassify: {count} annotations appended to {args.output}", file=sys.stderr)
    except (ValueError, OSError) as exc:
        print(f"foiclassify: {exc}", file=sys.stderr)
        return 2
    return 0


def _review(args: argparse.Namespace) -> int:
    from .review import serve

    try:
        server = serve(args.labelled, args.output, args.port)
    except (ValueError, OSError) as exc:
        print(f"foiclassify: {exc}", file=sys.stderr)
        return 2
    host, port = str(server.server_address[0]), int(server.server_address[1])
    print(
        f"foiclassify: reviewing {args.labelled} at http://{host}:{port}/ (decisions to "
        f"{args.output}; Ctrl-C stops)",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _report(args: argparse.Namespace, argv: list[str] | None) -> int:
    from .report import write_report

    if not args.labelled.exists():
        print(f"foiclassify: {args.labelled}: no such file", file=sys.stderr)
        return 2
    command = "foiclassify " + " ".join(
        shlex.quote(a) for a in (argv if argv is not None else sys.argv[1:])
    )
    try:
        path = write_report(args.labelled, args.output, command, by=args.by, top=args.top)
    except (KeyError, ValueError) as exc:
        print(f"foiclassify: {args.labelled}: {exc}", file=sys.stderr)
        return 2
    print(f"foiclassify: wrote {path}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="foiclassify", description="Label FOI replies by outcome and exemptions cited."
    )
    parser.add_argument("--version", action="version", version=f"foiclassify {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    label = commands.add_parser(
        "label",
        help="label correspondence: print a table, or with -o write a labelled dataset",
        description=(
            "Without -o: print a table (or --json) for each document file. With -o OUTPUT: "
            "label every row of CSV / JSONL / Parquet tables, folders of .txt/.md/.eml/.html "
            "files and mbox files into OUTPUT (.csv, .jsonl or .parquet), in resumable chunks."
        ),
    )
    label.add_argument("files", nargs="+", type=Path, help="input files or folders")
    label.add_argument(
        "-o", "--output", type=Path, help="write a labelled dataset here (.csv, .jsonl, .parquet)"
    )
    label.add_argument(
        "--json",
        action="store_true",
        help="without -o: print one JSON object per file instead of a table",
    )
    label.add_argument(
        "--evidence",
        action="store_true",
        help="without -o: list the evidence spans of each message",
    )
    label.add_argument(
        "--segments",
        action="store_true",
        help="show each part of every authority message with its role (TAXONOMY §6); with -o: "
        "add a 'segments' JSON column",
    )
    mode = label.add_mutually_exclusive_group()
    mode.add_argument(
        "--single",
        dest="mode",
        action="store_const",
        const="single",
        help="each document is one authority message",
    )
    mode.add_argument(
        "--threads",
        dest="mode",
        action="store_const",
        const="thread",
        help="each document is a whole correspondence (with -o: one row per message)",
    )
    label.add_argument(
        "--text-column",
        default="text",
        help="the column holding the text in CSV/JSONL/Parquet (default: text)",
    )
    label.add_argument(
        "--input-format",
        choices=INPUT_FORMATS,
        help="override the format read from the file extension",
    )
    label.add_argument(
        "--output-format",
        choices=TABLE_FORMATS,
        help="override the format read from the output's extension",
    )
    label.add_argument(
        "-j",
        "--jobs",
        type=int,
        help="worker processes (default: one per CPU core, at most one per chunk)",
    )
    label.add_argument(
        "--chunk-size", type=int, default=500, help="rows per committed chunk (default 500)"
    )
    label.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    label.add_argument(
        "--restart",
        action="store_true",
        help="discard an unfinished earlier run into the same output",
    )
    report = commands.add_parser(
        "report", help="an HTML report (tables and figures) from a labelled dataset"
    )
    report.add_argument(
        "labelled",
        type=Path,
        help="a .csv, .jsonl or .parquet file written by 'foiclassify label -o'",
    )
    report.add_argument("-o", "--output", type=Path, required=True, help="the HTML file to write")
    report.add_argument(
        "--by", default="authority", help="the column to compare groups by (default: authority)"
    )
    report.add_argument("--top", type=int, default=15, help="how many groups to show (default 15)")
    train = commands.add_parser(
        "train",
        help="train a model on labelled data (columns text, label_outcome, label_exemptions, s"
        "plit)",
    )
    train.add_argument(
        "data",
        nargs="+",
        type=Path,
        help="labelled .csv/.jsonl/.parquet files; rows with split=test are held out",
    )
    train.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="the model folder to write (model.skops, model.json, MODEL_CARD.md)",
    )
    train.add_argument("--seed", type=int, default=0)
    evaluate = commands.add_parser(
        "evaluate",
        help="score rules, model and both on labelled data (its test split when it has one)",
    )
    evaluate.add_argument("data", nargs="+", type=Path)
    evaluate.add_argument(
        "--model", type=Path, help="a model folder (default: the shipped model, if any)"
    )
    review = commands.add_parser(
        "review",
        help="review a labelled table in a local web page; decisions go to a corrections file",
    )
    review.add_argument("labelled", type=Path, help="a table written by foiclassify label -o")
    review.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        help="the corrections file (JSON lines; appended to)",
    )
    review.add_argument(
        "--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765; 0: any free port)"
    )
    studio = commands.add_parser(
        "labelstudio", help="export tasks to Label Studio, or import its export as corrections"
    )
    studio.add_argument("action", choices=("export", "import", "config"))
    studio.add_argument(
        "input",
        type=Path,
        nargs="?",
        help="export: a labelled table; import: a Label Studio JSON export",
    )
    studio.add_argument(
        "-o",
        "--output",
        type=Path,
        help="export: tasks.json; import: corrections.jsonl (appended to)",
    )
    train.add_argument(
        "--corrections",
        type=Path,
        action="append",
        default=[],
        help="a corrections file of foiclassify review or labelstudio import, trained on with DATA",
    )
    args = parser.parse_args(argv)

    if args.command == "review":
        return _review(args)
    if args.command == "labelstudio":
        return _labelstudio(args)
    if args.command in ("train", "evaluate"):
        return _train_or_evaluate(args)
    if args.command == "report":
        return _report(args, argv)
    if (args.jobs is not None and args.jobs < 1) or args.chunk_size < 1:
        parser.error("--jobs and --chunk-size must be at least 1")
    try:
        if args.output is not None:
            return _batch(args)
        texts = [(path, _read(path)) for path in args.files]  # fail on a bad path before any work
    except InputError as exc:
        print(f"foiclassify: {exc}", file=sys.stderr)
        return 2
    for k, (path, text) in enumerate(texts):
        thread = _label_file(text, args.mode or "auto", args.segments)
        if args.json:
            print(json.dumps({"file": str(path), **thread.to_dict()}, ensure_ascii=False))
            continue
        if k:
            print()
        print(_table(str(path), thread))
        if args.segments:
            for i, m in enumerate(thread.messages):
                print("\n".join(_segment_lines(i, m)))
        if args.evidence:
            for i, m in enumerate(thread.messages):
                for ev in m.result.evidence if m.result else ():
                    snippet = " ".join(ev.text.split())
                    where = "" if ev.part == "body" else f" in {ev.part}"
                    print(
                        f"  [{i}] {ev.label:<22} {ev.role:<22} {ev.start:>6}-{ev.end:<6} "
                        f"{snippet[:60]!r} "
                        f"({ev.detail}{where})"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
