"""A small entry for the local engine, for tests and batch jobs (prints nothing):

    python -m dateline.scale.local_cli INPUT... --db FILE [--workers N] [--commit document|chunk]
        [--no-recluster]
        [--progress-file FILE] [--summary-file FILE] [--config FILE] [--model NAME]

Progress goes to ``--progress-file`` as one JSON object, replaced atomically after each
committed chunk; the summary (or ``{"error": ...}``) to ``--summary-file``. The exit code
is 0 when something was stored or nothing failed, 1 otherwise. ``dateline ingest
--workers N`` is the user-facing command.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dateline.config import Settings
from dateline.errors import DatelineError
from dateline.scale.results import IngestProgress, IngestSummary


def _write_json(path: str | None, obj: dict[str, Any]) -> None:
    if path is None:
        return
    tmp = f"{path}.tmp{os.getpid()}"
    Path(tmp).write_text(json.dumps(obj), encoding="utf-8")
    os.replace(tmp, path)  # readers see the old or the new object, never half of one


def summary_json(summary: IngestSummary) -> dict[str, Any]:
    return {
        "added": summary.added,
        "skipped": summary.skipped,
        "failed": summary.failed,
        "events": summary.events,
        "failures": [asdict(f) for f in summary.failures],
        "elapsed_s": summary.elapsed_s,
        "startup_s": summary.startup_s,
        "rate": summary.rate,
        "workers": summary.workers,
        "worker_peak_rss": {str(k): v for k, v in summary.worker_peak_rss.items()},
        "worker_cpu_s": {str(k): v for k, v in summary.worker_cpu_s.items()},
    }


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dateline.scale.local_cli")
    p.add_argument("inputs", nargs="+", metavar="INPUT")
    p.add_argument("--db", required=True)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--chunk-size", type=int)
    p.add_argument("--commit", choices=("document", "chunk"), default="document")
    p.add_argument(
        "--no-recluster",
        action="store_true",
        help="with --commit chunk: leave canonical events for a later Store.recluster()",
    )
    p.add_argument("--progress-file")
    p.add_argument("--summary-file")
    p.add_argument("--config")
    p.add_argument("--model")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from dateline.scale.local import ingest

    def progress(p: IngestProgress) -> None:
        _write_json(
            args.progress_file,
            {**asdict(p), "worker_rss": dict(p.worker_rss), "worker_cpu_s": dict(p.worker_cpu_s)},
        )

    try:
        flags = {"spacy_model": args.model} if args.model else {}
        settings = Settings.load(config_file=args.config, flags=flags)
        summary = ingest(
            args.inputs,
            args.db,
            settings,
            workers=args.workers,
            chunk_size=args.chunk_size,
            progress=progress,
            commit=args.commit,
            recluster=not args.no_recluster,
        )
    except DatelineError as exc:
        _write_json(args.summary_file, {"error": str(exc)})
        return 1
    _write_json(args.summary_file, summary_json(summary))
    return 0 if summary.added + summary.skipped > 0 or summary.failed == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
