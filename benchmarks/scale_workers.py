"""Worker scaling and worker memory of the local engine (``dateline.scale.local``).

1. Documents per second with 1 and with 2 worker processes on the same corpus, in one
   run: the texts of ../shared/eval/geo/TR-News.xml and ../shared/eval/temporal/tbaq
   (real news), each ingested into a fresh store. The rate counts from the moment a quarter
   of the documents is stored to the last commit (model loading excluded).
2. Peak resident memory (VmHWM) of each worker over a stream of ``--stream`` documents
   (the corpus repeated, each copy under its own URL so that none is skipped), sampled
   every ``--every`` documents to show whether it stays flat.

    .venv/bin/python benchmarks/scale_workers.py [--docs N] [--stream N] [--commit MODE]

``--commit chunk`` (the default here) stores a chunk per transaction and leaves canonical
events for later, so that the rate measures coding rather than the store's per-document
clustering; ``--commit document`` measures ``dateline ingest`` as users run it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from dateline.config import Settings
from dateline.evaluation.geo import read_corpus
from dateline.evaluation.timeml import parse_tml
from dateline.scale.local import Commit, ingest
from dateline.scale.results import IngestProgress, IngestSummary

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
MIB = 1024 * 1024


def texts() -> list[tuple[str, str | None]]:
    """(text, publication date) of every TR-News and TBAQ document."""
    out: list[tuple[str, str | None]] = [
        (a.text, None) for a in read_corpus(SHARED / "geo" / "TR-News.xml")
    ]
    seen: set[str] = set()
    for path in sorted((SHARED / "temporal" / "tbaq").rglob("*.tml")):
        if path.name in seen:
            continue
        seen.add(path.name)
        doc = parse_tml(path)
        out.append((doc.text, doc.dct.isoformat() if doc.dct else None))
    return [(t, d) for t, d in out if t.strip()]


def rows(corpus: list[tuple[str, str | None]], n: int) -> Iterator[dict[str, str | None]]:
    for i in range(n):
        text, published = corpus[i % len(corpus)]
        yield {"url": f"https://bench.example/{i}", "published": published, "text": text}


def write_jsonl(path: Path, corpus: list[tuple[str, str | None]], n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows(corpus, n):
            fh.write(json.dumps(row) + "\n")
    return path


def run(
    path: Path,
    db: Path,
    workers: int,
    commit: Commit,
    progress: Callable[[IngestProgress], None] | None = None,
    *,
    dedup: bool = True,
) -> IngestSummary:
    return ingest(
        [str(path)],
        db,
        Settings(dedup=dedup),
        workers=workers,
        commit=commit,
        recluster=False,
        progress=progress,
    )


def steady_rate(seen: list[tuple[float, int, float]], total: int) -> tuple[float, float]:
    """Documents per wall second and per worker CPU second, from a quarter of the run to
    its end: model loading and the chunks coded meanwhile are left out."""
    start = next(x for x in seen if x[1] >= total // 4)
    end = seen[-1]
    docs = end[1] - start[1]
    return docs / (end[0] - start[0]), docs / max(end[2] - start[2], 1e-9)


def cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=374, help="documents for the rate runs")
    parser.add_argument("--stream", type=int, default=10_000, help="documents for memory")
    parser.add_argument("--every", type=int, default=1000, help="memory sample interval")
    parser.add_argument("--commit", choices=("chunk", "document"), default="chunk")
    parser.add_argument("--skip-rate", action="store_true")
    parser.add_argument(
        "--no-dedup",
        action="store_true",
        help="rate runs without near-duplicate detection (the stream never uses it: its "
        "documents are repeats that must each be coded)",
    )
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not found", file=sys.stderr)
        return 0
    corpus = texts()
    words = sum(len(t.split()) for t, _ in corpus)
    print(f"corpus: {len(corpus)} documents, {words} words; cpus: {os.cpu_count()}")
    print(f"load average at start: {os.getloadavg()[0]:.1f}", flush=True)
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        base = Path(tmp)
        rates: dict[int, float] = {}
        if not args.skip_rate:
            data = write_jsonl(base / "rate.jsonl", corpus, args.docs)
            print(
                "\n| workers | documents | startup s | wall docs/s | words/s "
                "| docs per worker CPU-s | parent CPU ms/doc | load avg |"
            )
            print("|---|---|---|---|---|---|---|---|")
            per_doc_words = words / len(corpus)
            for workers in (1, 2):
                seen: list[tuple[float, int, float]] = []
                parent_before = cpu_self()
                s = run(
                    data,
                    base / f"rate{workers}.duckdb",
                    workers,
                    args.commit,
                    lambda p, seen=seen: seen.append(
                        (p.elapsed_s, p.done, sum(p.worker_cpu_s.values()))
                    ),
                    dedup=not args.no_dedup,
                )
                parent_ms = (cpu_self() - parent_before) * 1000 / max(s.added, 1)
                wall, per_cpu = steady_rate(seen, s.added + s.skipped + s.failed)
                rates[workers] = wall
                print(
                    f"| {workers} | {s.added} | {s.startup_s:.1f} | {wall:.2f} | "
                    f"{wall * per_doc_words:,.0f} | {per_cpu:.2f} | {parent_ms:.1f} | "
                    f"{os.getloadavg()[0]:.1f} |",
                    flush=True,
                )
            print(f"\nspeed-up, 2 workers over 1: {rates[2] / rates[1]:.2f}x (target >= 1.7x)")
            print(f"load average now: {os.getloadavg()[0]:.1f}", flush=True)
        if args.stream:
            data = write_jsonl(base / "stream.jsonl", corpus, args.stream)
            print(f"\nmemory over a stream of {args.stream} documents, 2 workers")
            print("| documents | seconds | worker RSS MiB (each) |")
            print("|---|---|---|")
            next_mark = [args.every]
            started = time.monotonic()

            def sample(p: IngestProgress) -> None:
                if p.done >= next_mark[0] or p.done == p.total:
                    mib = ", ".join(f"{v / MIB:.0f}" for _, v in sorted(p.worker_rss.items()))
                    print(f"| {p.done} | {time.monotonic() - started:.0f} | {mib} |", flush=True)
                    while next_mark[0] <= p.done:
                        next_mark[0] += args.every

            s = run(data, base / "stream.duckdb", 2, args.commit, sample, dedup=False)
            peaks = ", ".join(f"{v / MIB:.0f}" for _, v in sorted(s.worker_peak_rss.items()))
            print(f"\npeak RSS (VmHWM) per worker, MiB: {peaks} (budget 1,536)")
            print(f"stream rate: {s.rate:.2f} docs/s; load average: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
