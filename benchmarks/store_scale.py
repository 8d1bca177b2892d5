"""The event store at scale: bulk-load N synthetic events, then time dyad queries.

Synthetic events look like a news-coded event stream: actors drawn Zipf-like over ~200
countries (a handful of countries in most events), PLOVER types by rough real-world
frequency, dates over ten years (mostly days, some months and years), five events per
document. They are loaded through the store's bulk path (:meth:`Store.bulk_add`); then the
same rows are copied into one plain DuckDB table (``CREATE TABLE AS SELECT * FROM
events_flat``) in a separate file, and the same queries run on both:

- dyad timeline: ``Store.timeline(actors=[a, b], limit=...)`` vs its SQL on the plain table;
- dyad summary: ``Store.dyad_summary(a, b)`` vs its SQL on the plain table.

It prints a markdown table with insert rate and p50/p95 latencies (ms) and their ratio.

    .venv/bin/python benchmarks/store_scale.py [--events 1000000] [--queries 200]
        [--limit 500] [--seed 7] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb

from dateline.events.ontology import Ontology
from dateline.records import Article, Entity, Event, EventDate, Evidence, Extraction
from dateline.store import Store
from dateline.store.codec import actor_key

# Rough shares of PLOVER types in coded news (CONSULT and verbal events dominate).
TYPE_WEIGHTS = {
    "CONSULT": 24,
    "ACCUSE": 11,
    "ASSAULT": 11,
    "SUPPORT": 8,
    "AGREE": 8,
    "REQUEST": 7,
    "COOPERATE": 6,
    "AID": 4,
    "REJECT": 4,
    "THREATEN": 3,
    "PROTEST": 3,
    "SANCTION": 3,
    "MOBILIZE": 3,
    "COERCE": 2,
    "CONCEDE": 2,
    "RETREAT": 1,
}
HEAD = ("USA", "RUS", "CHN", "UKR", "ISR", "IRN", "GBR", "FRA", "DEU", "IND", "PAK", "TUR")
START = date(2016, 1, 1)
DAYS = 3652
EVENTS_PER_DOC = 5


def countries() -> list[str]:
    import pycountry

    rest = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in HEAD)
    return [*HEAD, *rest[: 200 - len(HEAD)]]


def synthetic(n: int, seed: int) -> Iterator[Extraction]:
    rng = random.Random(seed)
    codes = countries()
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(codes))]
    types = list(TYPE_WEIGHTS)
    type_weights = list(TYPE_WEIGHTS.values())
    ontology = Ontology.default()
    made = 0
    doc = 0
    while made < n:
        k = min(EVENTS_PER_DOC, n - made)
        published = START + timedelta(days=rng.randrange(DAYS))
        text = f"Synthetic report {doc} of {seed}."
        art_id = f"s{seed}-{doc:08d}"
        events = []
        for i in range(k):
            etype = rng.choices(types, type_weights)[0]
            info = ontology.info(etype)
            picks = rng.choices(codes, weights, k=3)
            actors = [picks[0]] + ([picks[1]] if rng.random() < 0.1 else [])
            recipients = [picks[2]] if rng.random() < 0.8 else []
            grain = rng.random()
            day = published - timedelta(days=rng.randrange(30))
            if grain < 0.8:
                span = (day, day, "day")
            elif grain < 0.95:
                first = day.replace(day=1)
                last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                span = (first, last, "month")
            else:
                span = (date(day.year, 1, 1), date(day.year, 12, 31), "year")
            events.append(
                Event(
                    id=f"{art_id}-e{i + 1}",
                    type=etype,
                    mode=None,
                    cameo=info.cameo_root,
                    actor=tuple(Entity(text=c, name=c, country=c, sector="GOV") for c in actors),
                    recipient=tuple(Entity(text=c, name=c, country=c) for c in recipients),
                    status="occurred",
                    date=EventDate(
                        start=span[0],
                        end=span[1],
                        granularity=span[2],  # type: ignore[arg-type]
                        text=None,
                        basis="stated",
                    ),
                    place=None,
                    evidence=Evidence(sentence=text, start=0, end=len(text), trigger="did"),
                    score=info.score,
                    quad=info.quad,
                    confidence=0.8,
                )
            )
        made += k
        yield Extraction(
            article=Article(
                id=art_id,
                url=None,
                source=f"source-{rng.randrange(500)}",
                title=None,
                published=published,
                byline=None,
                language="en",
                text=text,
                paragraphs=((0, len(text)),),
                origin="synthetic",
            ),
            events=tuple(events),
        )
        doc += 1


# The SQL the Store runs, on the plain table (one copy of events_flat, no views or keys).
PLAIN_TIMELINE = (
    "SELECT id, article_id, type, mode, status, date_start, date_end, granularity, basis, "
    "date_text, actor, recipient, actor_countries, recipient_countries, place_name, "
    "place_country, sentence, trigger, title, url, source, published, quad, score "
    "FROM events f WHERE "
    "(contains(f.actor_keys, ?) OR contains(f.actor_keys, ?)) AND "
    "(contains(f.actor_keys, ?) OR contains(f.actor_keys, ?)) "
    "ORDER BY f.date_start NULLS LAST, f.article_seq, f.ordinal LIMIT ?"
)
PLAIN_SUMMARY = (
    "SELECT date_trunc('month', f.date_start) AS month, count(*), "
    + ", ".join(
        f"count(*) FILTER (WHERE f.quad = '{q}')"
        for q in (
            "verbal_cooperation",
            "material_cooperation",
            "verbal_conflict",
            "material_conflict",
        )
    )
    + ", avg(f.score) FROM events f WHERE "
    "(contains(f.actor_keys, ?) OR contains(f.actor_keys, ?)) AND "
    "(contains(f.actor_keys, ?) OR contains(f.actor_keys, ?)) "
    "AND f.date_start IS NOT NULL GROUP BY month ORDER BY month"
)


def timed_pair(
    api: Callable[[str, str], Any],
    plain: Callable[[str, str], Any],
    schedule: list[tuple[str, str]],
) -> tuple[list[float], list[float]]:
    """Latencies (ms) of the two sides, alternating on the same dyads so drift hits both."""
    api(*schedule[0])  # warm up
    plain(*schedule[0])
    a_ms: list[float] = []
    b_ms: list[float] = []
    for a, b in schedule:
        for fn, out in ((api, a_ms), (plain, b_ms)):
            t = time.perf_counter()
            fn(a, b)
            out.append((time.perf_counter() - t) * 1000)
    return a_ms, b_ms


def params(a: str, b: str) -> list[str]:
    return [*actor_key(a), *actor_key(b)]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=200, help="timed runs per query kind")
    ap.add_argument("--limit", type=int, default=500, help="timeline page size")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--db", type=Path, help="store file (default: a temporary one)")
    args = ap.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="dateline-scale-")
    db = args.db or Path(tmp.name) / "scale.duckdb"
    plain_path = Path(tmp.name) / "plain.duckdb"
    db.unlink(missing_ok=True)

    with Store.open(db) as writer:
        t0 = time.perf_counter()
        records = list(synthetic(args.events, args.seed))
        t1 = time.perf_counter()
        summary = writer.bulk_add(records, batch_size=200_000)
        t2 = time.perf_counter()
        del records
        assert summary.events == args.events, summary
        literal = "'" + str(plain_path).replace("'", "''") + "'"
        writer.connection().execute(f"ATTACH {literal} AS plain")
        writer.connection().execute("CREATE TABLE plain.events AS SELECT * FROM events_flat")
        writer.connection().execute("DETACH plain")

    # Queries as `timeline` and `serve` run them: a read-only open of the store file.
    with Store.open(db, read_only=True) as store:
        con = store.connection()
        # Dyads as users ask for them: the ten busiest, and ten drawn by event count.
        dyads = con.execute(
            "SELECT split_part(actor_countries, ';', 1) AS a, "
            "split_part(recipient_countries, ';', 1) AS b, count(*) AS n FROM event_mentions "
            "WHERE recipient_countries <> '' AND a <> b GROUP BY ALL ORDER BY n DESC, a, b"
        ).fetchall()
        rng = random.Random(args.seed)
        pairs = [(str(a), str(b)) for a, b, _ in dyads[:10]]
        pairs += [
            (str(a), str(b))
            for a, b, _ in rng.choices(dyads[10:], [int(n) for _, _, n in dyads[10:]], k=10)
        ]
        schedule = [rng.choice(pairs) for _ in range(args.queries)]
        plain = duckdb.connect(str(plain_path), read_only=True)

        limit = args.limit
        results = {
            "dyad timeline (page)": timed_pair(
                lambda a, b: store.timeline(actors=[a, b], limit=limit),
                lambda a, b: plain.execute(PLAIN_TIMELINE, [*params(a, b), limit]).fetchall(),
                schedule,
            ),
            "dyad timeline (all)": timed_pair(
                lambda a, b: store.timeline(actors=[a, b]),
                lambda a, b: plain.execute(PLAIN_TIMELINE, [*params(a, b), 10**9]).fetchall(),
                schedule,
            ),
            "dyad summary": timed_pair(
                lambda a, b: store.dyad_summary(a, b),
                lambda a, b: plain.execute(PLAIN_SUMMARY, params(a, b)).fetchall(),
                schedule,
            ),
        }
        sizes = [len(store.timeline(actors=list(p))) for p in pairs]
        plain.close()

    rate = args.events / (t2 - t1)
    print(f"events: {args.events:,}  documents: {summary.added:,}  dyads sampled: {len(pairs)}")
    print(f"synthetic records built in {t1 - t0:.1f} s (not counted in the insert rate)")
    print(f"rows per dyad timeline: median {statistics.median(sizes):,.0f}, max {max(sizes):,}")
    print()
    print("| measure | store API | plain DuckDB table | ratio |")
    print("|---|---|---|---|")
    print(f"| bulk insert | {rate:,.0f} events/s ({t2 - t1:.1f} s) | | |")
    for name, (api, base) in results.items():
        for q, label in ((0.5, "p50"), (0.95, "p95")):
            a, b = pct(api, q), pct(base, q)
            print(f"| {name} {label} | {a:.1f} ms | {b:.1f} ms | {a / b:.2f} |")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
