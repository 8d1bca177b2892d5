"""The command line: the only module in dateline that prints.

Every command turns dateline's errors into one clear line on stderr and an exit code;
no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console

from dateline.config import Settings
from dateline.errors import DatelineError, InputError
from dateline.records import Failure, RawDocument
from dateline.scale.results import IngestProgress

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

EVAL_KINDS = ("timeml", "geo", "extraction", "gold", "events", "merge")


# -- output helpers ---------------------------------------------------------------------
def _err(message: str) -> None:
    print(f"dateline: {message}", file=sys.stderr)


def _report_failure(failure: Failure) -> None:
    _err(f"error: {failure.source}: {failure.reason}")


def _write_json(obj: Any, out: TextIO) -> None:
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _settings(args: argparse.Namespace) -> Settings:
    flags: dict[str, Any] = {}
    if getattr(args, "model", None):
        flags["spacy_model"] = args.model
    if getattr(args, "db", None):
        flags["db"] = args.db
    if getattr(args, "kb_dir", None):
        flags["kb_dir"] = args.kb_dir
    return Settings.load(config_file=getattr(args, "config", None), flags=flags)


def _inputs(args: argparse.Namespace, settings: Settings) -> Iterator[RawDocument | Failure]:
    from dateline.ingest.readers import read_inputs

    stdin = sys.stdin.buffer if "-" in args.inputs else None
    published: date | None = getattr(args, "published", None)
    for raw in read_inputs(args.inputs, settings, stdin=stdin):
        if published is not None and isinstance(raw, RawDocument):
            raw = replace(raw, published=published)
        yield raw


# -- commands ---------------------------------------------------------------------------
def cmd_extract(args: argparse.Namespace) -> int:
    from dateline.pipeline import Pipeline

    settings = _settings(args)
    pipe = Pipeline(settings)
    ok = failed = 0
    out = sys.stdout
    for item in pipe.run(_inputs(args, settings), events=not args.no_events):
        if isinstance(item, Failure):
            failed += 1
            _report_failure(item)
            continue
        ok += 1
        _write_json(item.to_json(), out)
        out.flush()
    return _exit(ok, failed)


def cmd_dyad(args: argparse.Namespace) -> int:
    from dateline.events.dyad import DyadQuery
    from dateline.ingest.dyads import read_dyad_queries
    from dateline.pipeline import Pipeline

    if (args.input is None) == (args.text is None):
        raise InputError("give either a TEXT with --source, or --input FILE", source="dyad")
    if args.input is None and not args.source:
        raise InputError("--source is needed with a TEXT", source="dyad")
    queries = (
        read_dyad_queries(Path(args.input))
        if args.input is not None
        else iter([DyadQuery(args.text, args.source, args.target)])
    )
    ok = failed = 0
    for item in Pipeline(_settings(args)).code_dyads(queries, published=args.published):
        if isinstance(item, Failure):
            failed += 1
            _report_failure(item)
            continue
        ok += 1
        _write_json(item.to_json(), sys.stdout)
    return _exit(ok, failed)


def cmd_timex(args: argparse.Namespace) -> int:
    from dateline.pipeline import Pipeline
    from dateline.time.tagger import tag_times

    settings = _settings(args)
    ok = failed = 0
    for item in Pipeline(settings, stages=[]).articles(_inputs(args, settings)):
        if isinstance(item, Failure):
            failed += 1
            _report_failure(item)
            continue
        ok += 1
        for span in tag_times(item.text, item.published, item.paragraphs):
            _write_json(span.to_json(item.id), sys.stdout)
    return _exit(ok, failed)


def cmd_places(args: argparse.Namespace) -> int:
    from dateline.pipeline import Pipeline
    from dateline.registry import builtin_registry

    settings = _settings(args)
    stage = builtin_registry().create("places", settings)
    ok = failed = 0
    for item in Pipeline(settings, stages=[stage]).run(_inputs(args, settings)):
        if isinstance(item, Failure):
            failed += 1
            _report_failure(item)
            continue
        ok += 1
        for place in item.places:
            _write_json(place.to_json(item.article.id), sys.stdout)
    return _exit(ok, failed)


def cmd_ingest(args: argparse.Namespace) -> int:
    summary = _ingest(args)
    _err(
        f"ingested {summary['added']} new documents ({summary['events']} events), "
        f"{summary['skipped']} already stored, {summary['failed']} failed -> {args.db}"
    )
    return _exit(summary["added"] + summary["skipped"], summary["failed"])


def _ingest(args: argparse.Namespace) -> dict[str, int]:
    from dateline.scale.local import ingest

    settings = _settings(args)
    stdin = sys.stdin.buffer if "-" in args.inputs else None
    with _ingest_progress("ingest") as progress:
        summary = ingest(
            args.inputs,
            args.db,
            settings,
            workers=getattr(args, "workers", 1),
            commit=getattr(args, "commit", "document"),
            published=getattr(args, "published", None),
            stdin=stdin,
            progress=progress,
            on_failure=_report_failure,
            snapshot_interval=getattr(args, "snapshot_interval", None),
        )
    return {
        "added": summary.added,
        "skipped": summary.skipped,
        "failed": summary.failed,
        "events": summary.events,
    }


@contextlib.contextmanager
def _ingest_progress(label: str) -> Iterator[Callable[[IngestProgress], None]]:
    """A rich progress bar (done/total, rate, ETA) on a terminal; a line per 100 otherwise."""
    if not sys.stderr.isatty():
        last = [0]

        def plain(p: IngestProgress) -> None:
            if p.done // 100 > last[0] // 100:
                _err(f"{label}: {p.done} documents ({p.rate:.1f}/s)")
            last[0] = p.done

        yield plain
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(label, total=None, rate="")

        def update(p: IngestProgress) -> None:
            bar.update(task, completed=p.done, total=p.total, rate=f"{p.rate:.1f} docs/s")

        yield update


def cmd_timeline(args: argparse.Namespace) -> int:
    from dateline.store.database import Store

    if args.canonical:
        return _canonical_timeline(args)
    with Store.open(args.db, read_only=True) as store:
        rows = store.timeline(**_filters(args))
    if args.format == "jsonl":
        for row in rows:
            _write_json(row.to_json(), sys.stdout)
        return EXIT_OK
    _print_timeline(rows, title=_timeline_title(args.actor or ()))
    return EXIT_OK


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    """The timeline filters from the command line, as the store's queries take them."""
    return {
        "actors": args.actor or (),
        "type": args.type,
        "since": args.since,
        "until": args.until,
        "limit": args.limit,
    }


def _canonical_timeline(args: argparse.Namespace) -> int:
    """One row per real-world event, with how many reports tell it and where they differ."""
    from rich.console import Console
    from rich.table import Table

    from dateline.store.database import Store

    with Store.open(args.db, read_only=True) as store:
        events = store.canonical_events(**_filters(args))
    if args.format == "jsonl":
        for ev in events:
            _write_json(ev.to_json(), sys.stdout)
        return EXIT_OK
    table = Table(title=f"{_timeline_title(args.actor or ())} ({len(events)} events)")
    for col in ("date", "type", "actor", "recipient", "place", "reports", "conflicts"):
        table.add_column(col, overflow="fold")
    for ev in events:
        table.add_row(
            _span_text(ev.date_start, ev.date_end, ev.granularity),
            ev.type,
            ";".join(ev.actor_countries),
            ";".join(ev.recipient_countries),
            ev.place_name or "",
            f"{ev.num_mentions} in {ev.num_articles} articles",
            "; ".join(
                f"{c.source or c.article_id}: {c.date_text or c.date_start}" for c in ev.conflicts
            ),
        )
    Console(width=None if sys.stdout.isatty() else 170).print(table)
    return EXIT_OK


def _timeline_title(actors: Sequence[str]) -> str:
    return "Timeline" + (f": {' – '.join(actors)}" if actors else "")


def _print_timeline(rows: Sequence[Any], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{title} ({len(rows)} events)", show_lines=False, expand=False)
    for col in ("date", "status", "type", "actor", "recipient", "place", "evidence"):
        table.add_column(col, overflow="fold")
    style = {"planned": "cyan", "negated": "red", "hypothetical": "magenta", "ongoing": "yellow"}
    for r in rows:
        when = _span_text(r.date_start, r.date_end, r.granularity)
        if r.basis == "publication":
            when += " (pub.)"
        sentence = r.sentence if len(r.sentence) <= 110 else r.sentence[:107] + "..."
        table.add_row(
            when,
            f"[{style.get(r.status, 'white')}]{r.status}[/]",
            r.type,
            r.actor or "",
            r.recipient or "",
            r.place or "",
            sentence,
        )
    # Piped output has no width to fit: give the table room instead of folding every cell.
    Console(width=None if sys.stdout.isatty() else 170).print(table)


def _span_text(start: date | None, end: date | None, granularity: str | None) -> str:
    if start is None and end is None:
        return "?"
    if start is None:
        return f"… {end}"
    if granularity == "month":
        return start.strftime("%Y-%m")
    if granularity == "year":
        return str(start.year)
    if end is None or end == start:
        return start.isoformat()
    return f"{start.isoformat()}–{end.isoformat()}"


def cmd_export(args: argparse.Namespace) -> int:
    from dateline.store.database import Store
    from dateline.store.export import export

    out = Path(args.output) if args.output else None
    if out is None and args.format == "parquet":
        raise InputError("parquet export needs -o PATH", source=args.db)
    if args.canonical and args.format != "gdelt":
        raise InputError("--canonical goes with --format gdelt", source=args.db)
    with Store.open(args.db, read_only=True) as store:
        n = export(
            store, args.format, out if out is not None else sys.stdout, canonical=args.canonical
        )
    kind = "canonical events" if args.canonical else "events"
    _err(f"exported {n} {kind} as {args.format}" + (f" to {out}" if out else ""))
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    import importlib

    settings = _settings(args)
    module = importlib.import_module(f"dateline.evaluation.{args.kind}")
    run: Callable[..., Any] = module.run
    kwargs: dict[str, Any] = {}
    if args.limit is not None:
        kwargs["limit"] = args.limit
    if args.details:
        if args.kind != "gold":
            raise InputError("--details is available for `eval gold`", source=args.kind)
        kwargs["details_wanted"] = True
    report = run(Path(args.path), settings, **kwargs)
    if args.format == "json":
        _write_json(report.to_json(), sys.stdout)
        return EXIT_OK
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"dateline eval {report.name}: {report.dataset}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key, value in report.metrics:
        table.add_row(key, f"{value:.3f}")
    for key, count in report.counts:
        table.add_row(key, str(count))
    console = Console()
    console.print(table)
    for note in report.notes:
        console.print(f"- {note}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from dateline.store.database import Store

    summary = _ingest(args)
    _err(
        f"ingested {summary['added']} new documents ({summary['events']} events), "
        f"{summary['skipped']} already stored, {summary['failed']} failed -> {args.db}"
    )
    with Store.open(args.db, read_only=True) as store:
        dyad = store.busiest_dyad()
        if dyad is None:
            _err("no events between two countries in the store yet")
            return EXIT_OK
        rows = store.timeline(actors=dyad)
    _print_timeline(rows, title=f"Busiest pair: {dyad[0]} – {dyad[1]}")
    print(
        "\nLook further (after `source .venv/bin/activate`, or with .venv/bin/dateline):\n"
        f"  dateline timeline --db {args.db} --actor {dyad[0]}   # all events of {dyad[0]}\n"
        f"  dateline timeline --db {args.db} --actor {dyad[0]} --actor {dyad[1]} --format jsonl\n"
        f"  dateline export --db {args.db} --format csv -o events.csv\n"
        f"  dateline extract examples/corpus/<file>                # one article as JSON\n"
        "\nSee it in the browser (the timeline, dyads and every source sentence):\n"
        f"  dateline serve --db {args.db}        # then open http://127.0.0.1:8000/"
    )
    return EXIT_OK


def cmd_kb(args: argparse.Namespace) -> int:
    from dateline.actors.user_kb import import_dictionary, kb_dir, user_dictionaries

    settings = _settings(args)
    if args.kb_command == "list":
        files = user_dictionaries(settings)
        print(f"{kb_dir(settings)}: {len(files)} dictionaries")
        for path in files:
            print(f"  {path.name}")
        return EXIT_OK
    ok = 0
    for name in args.files:
        try:
            report = import_dictionary(Path(name), settings)
        except DatelineError as exc:
            _err(f"error: {exc}")
            continue
        ok += 1
        print(
            f"imported {report.entries} {report.kind} entries from {report.source} "
            f"-> {report.destination}"
        )
        for problem in report.problems[:20]:
            _err(f"skipped: {problem}")
        if len(report.problems) > 20:
            _err(f"... and {len(report.problems) - 20} more lines skipped")
    return _exit(ok, len(args.files) - ok)


def cmd_serve(args: argparse.Namespace) -> int:
    from dateline.serve import run

    settings = _settings(args)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        _err(
            f"warning: listening on {args.host} without authentication: "
            "anyone who can reach it can read the store"
        )
    _err(f"serving {args.db} at http://{args.host}:{args.port}/ (Ctrl-C to stop)")
    run(args.db, host=args.host, port=args.port, settings=settings)
    return EXIT_OK


def _exit(ok: int, failed: int) -> int:
    # Non-zero only when nothing could be processed.
    if ok == 0 and failed > 0:
        return EXIT_FAILED
    return EXIT_OK


# -- parser -----------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="News in; dated, placed and sourced political events out.",
    )
    parser.add_argument("--config", help="TOML settings file (default: ./dateline.toml)")
    parser.add_argument("--model", help="installed spaCy pipeline to use")
    parser.add_argument("--kb-dir", help="directory of imported dictionaries (setting kb_dir)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def inputs(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "inputs", nargs="+", metavar="INPUT", help="files, directories, or - for standard input"
        )
        p.add_argument("--published", type=_parse_date, help="publication date to assume")

    p = sub.add_parser("extract", help="code articles into JSON Lines of events")
    inputs(p)
    p.add_argument("--no-events", action="store_true", help="stop after the article stage")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "dyad", help="type the event a sentence reports from a given source to a given target"
    )
    p.add_argument("text", nargs="?", metavar="TEXT", help="the sentence (or use --input)")
    p.add_argument("--source", help="the acting party, as written in TEXT")
    p.add_argument("--target", help="the party acted on, as written in TEXT")
    p.add_argument("--input", help="a .jsonl, .tsv or .csv file of text/source/target rows")
    p.add_argument("--published", type=_parse_date, help="publication date to assume")
    p.set_defaults(func=cmd_dyad)

    p = sub.add_parser("timex", help="JSON Lines of time expressions")
    inputs(p)
    p.set_defaults(func=cmd_timex)

    p = sub.add_parser("places", help="JSON Lines of toponym mentions")
    inputs(p)
    p.set_defaults(func=cmd_places)

    p = sub.add_parser("ingest", help="code articles into the event store")
    inputs(p)
    p.add_argument("--db", default="dateline.duckdb", help="store file (DuckDB)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument(
        "--commit",
        choices=("document", "chunk"),
        default="document",
        help="a transaction per document (default) or per chunk (faster; canonical events "
        "rebuilt at the end)",
    )
    p.add_argument(
        "--snapshot-interval",
        type=float,
        default=None,
        metavar="SECONDS",
        help="publish <db>.snapshot for a running `serve` at most this often",
    )
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("timeline", help="events from the store, in date order")
    p.add_argument("--db", default="dateline.duckdb")
    p.add_argument(
        "--actor",
        action="append",
        metavar="ISO3",
        help="an actor (country code or name); twice for a dyad",
    )
    p.add_argument("--type", help="PLOVER event type")
    p.add_argument("--since", type=_parse_date)
    p.add_argument("--until", type=_parse_date)
    p.add_argument("--limit", type=int)
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.add_argument(
        "--canonical",
        action="store_true",
        help="one row per real-world event (reports merged across articles)",
    )
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("export", help="export events from the store")
    p.add_argument("--db", default="dateline.duckdb")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet", "gdelt"), default="jsonl")
    p.add_argument("-o", "--output", help="output file (default: standard output)")
    p.add_argument(
        "--canonical",
        action="store_true",
        help="with --format gdelt: one row per canonical event (real NumMentions, "
        "NumSources, NumArticles) instead of one per event mention",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("kb", help="the actor knowledge base: import CAMEO/PETRARCH dictionaries")
    kb_sub = p.add_subparsers(dest="kb_command", required=True, metavar="ACTION")
    q = kb_sub.add_parser("import", help="check dictionaries and add them to the knowledge base")
    q.add_argument("files", nargs="+", metavar="FILE", help=".actors, .agents or JSON files")
    q.set_defaults(func=cmd_kb)
    q = kb_sub.add_parser("list", help="the imported dictionaries")
    q.set_defaults(func=cmd_kb)

    p = sub.add_parser("serve", help="HTTP API and web page over a store (read-only)")
    p.add_argument("--db", default="dateline.duckdb", help="store file (DuckDB)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="evaluate a stage against a data set")
    p.add_argument("kind", choices=EVAL_KINDS)
    p.add_argument("path", help="data set file or directory")
    p.add_argument("--limit", type=int, help="only the first N documents")
    p.add_argument(
        "--details", action="store_true", help="with gold: list every missed, extra or wrong event"
    )
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("demo", help="ingest the sample corpus and show the busiest dyad")
    p.add_argument("inputs", nargs="*", default=["examples/corpus"], metavar="INPUT")
    p.add_argument("--db", default="demo.duckdb")
    p.set_defaults(func=cmd_demo, published=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
        return code
    except DatelineError as exc:
        _err(f"error: {exc}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # last resort: a bug must still not dump a traceback on users
        if os.environ.get("DATELINE_DEBUG"):
            raise
        _err(f"internal error: {type(exc).__name__}: {exc} (set DATELINE_DEBUG=1 for details)")
        return EXIT_FAILED


def entry() -> None:
    sys.exit(main())
