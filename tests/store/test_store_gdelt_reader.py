"""The gdelt export read by a third-party GDELT 2.0 reader: gdelt-py's EventsParser.

``py_gdelt.parsers.events.EventsParser`` parses raw GDELT event files (tab-separated bytes)
with its own 61-column schema and skips, with only a log line, every row it cannot parse;
``py_gdelt.models.events.Event.from_raw`` then validates each row (date, quad class 1-4,
Goldstein -10..10, counts >= 0). So every exported row must come back, parsed and valid.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from store_factories import PARIS, extraction

from dateline.config import Settings
from dateline.errors import StoreError
from dateline.records import Extraction
from dateline.store import Store
from dateline.store.export import export
from dateline.store.gdelt import GDELT_COLUMNS

events_parser = pytest.importorskip("py_gdelt.parsers.events", reason="gdelt-py (dev extra)")
gdelt_models = pytest.importorskip("py_gdelt.models.events", reason="gdelt-py (dev extra)")


def read_back(store: Store) -> tuple[list[list[str]], list[Any]]:
    """Our rows split on tabs, and the third-party reader's validated events."""
    buf = io.StringIO()
    n = export(store, "gdelt", buf)
    text = buf.getvalue()
    rows = [line.split("\t") for line in text.splitlines()]
    assert len(rows) == n
    raws = list(events_parser.EventsParser().parse(text.encode("utf-8")))
    assert len(raws) == n, "the reader skipped rows it could not parse"
    return rows, [gdelt_models.Event.from_raw(r) for r in raws]


def test_the_readers_column_schema_is_ours() -> None:
    schema = events_parser.EventsParser.V2_COLUMNS
    assert len(schema) == len(GDELT_COLUMNS) == 61
    # GDELT's documentation spells it "FullName", the reader "Fullname".
    assert {name.lower(): i for name, i in schema.items()} == {
        name.lower(): i for i, name in enumerate(GDELT_COLUMNS)
    }


def test_the_reader_loads_every_row_with_its_values(store: Store) -> None:
    store.add(
        extraction(
            "Xi in Paris, with a tab\there.",
            {
                "actor": (("Xi Jinping", "CHN"),),
                "recipient": (("Emmanuel Macron", "FRA"),),
                "start": date(2024, 5, 6),
                "place": PARIS,
                "sentence": 'Xi "visited" Paris,\nagain.',
            },
            {"start": None},  # no date: the publication day
            url="https://news.example/xi",
        )
    )
    # A hand-built event with no CAMEO code: the type's default fills the required field.
    store.add(extraction("Second.", {"start": date(2020, 1, 1), "type": "ASSAULT"}))
    rows, events = read_back(store)
    assert all(len(r) == 61 for r in rows)
    seqs = dict(store.connection().execute("SELECT id, seq FROM event_mentions").fetchall())
    xi = next(e for e in events if e.actor1 is not None and e.actor1.name == "XI JINPING")
    assert xi.date == date(2024, 5, 6)
    assert xi.actor1 is not None and xi.actor2 is not None
    assert (xi.actor1.code, xi.actor1.name, xi.actor1.country_code) == (
        "CHNGOV",
        "XI JINPING",
        "CHN",
    )
    assert xi.actor2.country_code == "FRA"
    assert (xi.event_code, xi.event_root_code, xi.quad_class) == ("042", "04", 1)
    assert xi.goldstein_scale == 4.0
    assert (xi.num_mentions, xi.num_sources, xi.num_articles) == (1, 1, 1)
    assert xi.action_geo is not None and xi.action_geo.country_code == "FR"  # FIPS 10-4
    assert xi.source_url == "https://news.example/xi"
    assert xi.date_added is not None
    strike = next(e for e in events if e.event_root_code == "19")  # ASSAULT's CAMEO root
    # the factory's own quad and score are kept: only what is missing comes from the type
    assert (strike.date, strike.quad_class, strike.goldstein_scale) == (date(2020, 1, 1), 1, 4.0)
    assert {e.global_event_id for e in events} == set(seqs.values())


@pytest.mark.slow
def test_the_reader_loads_the_sample_corpus_export(
    pipeline: Any, repo_dir: Path, tmp_path: Path
) -> None:
    from dateline.ingest.readers import read_inputs

    corpus = repo_dir / "examples" / "corpus"
    results = list(pipeline.run(read_inputs([str(corpus)], Settings())))
    with Store.open(tmp_path / "corpus.duckdb") as store:
        store.add_many(results)
        rows, events = read_back(store)
        stored = store.stats().events
    assert len(events) == stored >= 100
    assert all(len(r) == 61 for r in rows)
    extractions = [r for r in results if isinstance(r, Extraction)]
    cameo = {ev.cameo for ex in extractions for ev in ex.events}
    assert {e.event_code for e in events} <= cameo
    assert all(1 <= e.quad_class <= 4 for e in events)
    assert [e.date.strftime("%Y%m%d") for e in events] == [r[1] for r in rows]
    urls = {ex.article.url or ex.article.origin for ex in extractions}
    assert {e.source_url for e in events} <= urls
    countries = {e.actor1.country_code for e in events if e.actor1 is not None}
    assert {"USA", "UKR", "CHN", "RUS"} <= countries


def test_the_canonical_export_has_one_row_per_real_event(store: Store) -> None:
    visit = {
        "actor": (("Joe Biden", "USA"),),
        "recipient": (("Ukraine", "UKR"),),
        "start": date(2023, 2, 20),
    }
    a = extraction("Biden visited Kyiv.", visit, {"type": "AGREE", "start": date(2023, 3, 1)})
    b = extraction("Biden was in Kyiv on Monday.", visit)
    b = replace(b, article=replace(b.article, source="another-wire"))
    store.add(a)
    store.add(b)
    buf = io.StringIO()
    assert export(store, "gdelt", buf, canonical=True) == 2
    raws = list(events_parser.EventsParser().parse(buf.getvalue().encode("utf-8")))
    events = sorted((gdelt_models.Event.from_raw(r) for r in raws), key=lambda e: e.date)
    assert [(e.num_mentions, e.num_sources, e.num_articles) for e in events] == [
        (2, 2, 2),
        (1, 1, 1),
    ]
    seqs = dict(store.connection().execute("SELECT id, seq FROM event_mentions").fetchall())
    assert events[0].global_event_id == seqs[a.events[0].id]  # the founding mention
    assert events[0].date == date(2023, 2, 20)
    with pytest.raises(StoreError):
        export(store, "csv", io.StringIO(), canonical=True)
