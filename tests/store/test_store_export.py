"""Exports: jsonl, csv, parquet and gdelt, read back with duckdb."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest
from store_factories import PARIS, extraction

from dateline.errors import StoreError
from dateline.store import Store
from dateline.store.export import FLAT_COLUMNS, FORMATS, export
from dateline.store.gdelt import GDELT_COLUMNS

EVENT_KEYS = {
    "id",
    "type",
    "mode",
    "cameo",
    "actor",
    "recipient",
    "status",
    "date",
    "place",
    "evidence",
    "score",
    "quad",
    "confidence",
}


@pytest.fixture
def filled(store: Store) -> Store:
    store.add(
        extraction(
            "Macron in Paris, with a tab\there.",
            {
                "actor": (("Xi Jinping", "CHN"),),
                "recipient": (("Emmanuel Macron", "FRA"),),
                "start": date(2024, 5, 6),
                "place": PARIS,
                "sentence": 'Xi "visited" Paris,\nagain.',
            },
            {"start": None},
            url="https://news.example/xi",
        )
    )
    store.add(extraction("Second.", {"start": date(2020, 1, 1), "type": "AGREE"}))
    return store


def test_jsonl_has_the_event_contract_plus_article(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export(filled, "jsonl", out) == 3
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [line["date"]["start"] for line in lines] == ["2020-01-01", "2024-05-06", None]
    for line in lines:
        assert set(line) == EVENT_KEYS | {"article"}
        assert set(line["article"]) == {"id", "url", "source", "title", "published"}
    assert lines[1]["article"]["url"] == "https://news.example/xi"
    assert lines[1]["place"]["geonameid"] == 2988507
    # The same lines come back through duckdb's JSON reader.
    con = duckdb.connect()
    assert con.execute("SELECT count(*) FROM read_json_auto(?)", [str(out)]).fetchone() == (3,)


def test_jsonl_to_a_stream(filled: Store) -> None:
    buf = io.StringIO()
    assert export(filled, "jsonl", buf) == 3
    assert len(buf.getvalue().splitlines()) == 3


def test_csv_round_trips_through_duckdb(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(filled, "csv", out) == 3
    con = duckdb.connect()
    rel = con.execute("SELECT * FROM read_csv(?, header = true, all_varchar = true)", [str(out)])
    names = [d[0] for d in rel.description or ()]
    rows = rel.fetchall()
    assert tuple(names) == FLAT_COLUMNS
    xi = dict(zip(names, rows[1], strict=True))
    assert xi["sentence"] == 'Xi "visited" Paris,\nagain.'
    assert xi["actor"] == "Xi Jinping (CHN)" and xi["recipient_countries"] == "FRA"
    assert json.loads(xi["actor_json"])[0]["name"] == "Xi Jinping"
    with out.open(newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 3


def test_csv_agrees_with_timeline(filled: Store) -> None:
    buf = io.StringIO()
    export(filled, "csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    timeline = filled.timeline()
    assert [r["id"] for r in rows] == [t.event_id for t in timeline]
    assert [r["actor"] for r in rows] == [t.actor for t in timeline]


def test_parquet_round_trips_with_types(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "it's events.parquet"  # a quote in the path must not break COPY
    assert export(filled, "parquet", out) == 3
    con = duckdb.connect()
    rel = con.execute("SELECT * FROM read_parquet(?)", [str(out)])
    names = [d[0] for d in rel.description or ()]
    rows = [dict(zip(names, r, strict=True)) for r in rel.fetchall()]
    assert tuple(names) == FLAT_COLUMNS
    assert rows[1]["date_start"] == date(2024, 5, 6) and rows[1]["place_lat"] == 48.85341
    assert rows[2]["date_start"] is None


def test_parquet_needs_a_path(filled: Store) -> None:
    with pytest.raises(StoreError, match="needs a file path"):
        export(filled, "parquet", io.StringIO())


def test_export_works_on_a_read_only_store(filled: Store, tmp_path: Path) -> None:
    path = filled.path
    filled.close()
    with Store.open(path, read_only=True) as ro:
        for fmt in FORMATS:
            assert export(ro, fmt, tmp_path / f"out.{fmt}") == 3


def test_unknown_format_is_refused(filled: Store) -> None:
    with pytest.raises(StoreError, match="unknown export format"):
        export(filled, "xml", io.StringIO())


def test_gdelt_rows_have_the_61_columns_in_order(filled: Store, tmp_path: Path) -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:6] == (
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        "Actor1Code",
    )
    assert GDELT_COLUMNS[25:35] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    assert GDELT_COLUMNS[35:43] == (
        "Actor1Geo_Type",
        "Actor1Geo_FullName",
        "Actor1Geo_CountryCode",
        "Actor1Geo_ADM1Code",
        "Actor1Geo_ADM2Code",
        "Actor1Geo_Lat",
        "Actor1Geo_Long",
        "Actor1Geo_FeatureID",
    )
    assert GDELT_COLUMNS[-3:] == ("ActionGeo_FeatureID", "DATEADDED", "SOURCEURL")
    buf = io.StringIO()
    assert export(filled, "gdelt", buf) == 3
    lines = buf.getvalue().splitlines()
    assert len(lines) == 3
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    xi = rows[1]
    assert (xi["SQLDATE"], xi["MonthYear"], xi["Year"]) == ("20240506", "202405", "2024")
    assert (xi["Actor1Code"], xi["Actor1Name"], xi["Actor1CountryCode"]) == (
        "CHNGOV",
        "XI JINPING",
        "CHN",
    )
    assert (xi["Actor2CountryCode"], xi["EventCode"], xi["EventRootCode"]) == ("FRA", "042", "04")
    assert (xi["QuadClass"], xi["GoldsteinScale"], xi["NumMentions"]) == ("1", "4.0", "1")
    assert (xi["ActionGeo_Type"], xi["ActionGeo_CountryCode"]) == ("4", "FR")
    assert xi["ActionGeo_Lat"] == "48.8534" and xi["SOURCEURL"] == "https://news.example/xi"
    assert xi["IsRootEvent"] == "1" and len(xi["DATEADDED"]) == 14
    # An undated event falls back to the publication date, as GDELT dates every event.
    assert rows[2]["SQLDATE"] == "20260201"
    # Loaded as GDELT users do: headerless TSV, 61 columns.
    path = tmp_path / "events.export.CSV"
    path.write_text(buf.getvalue(), encoding="utf-8")
    rel = duckdb.connect().execute(
        "SELECT * FROM read_csv(?, delim = '\t', header = false, all_varchar = true)",
        [str(path)],
    )
    assert len(rel.description or ()) == 61 and len(rel.fetchall()) == 3
