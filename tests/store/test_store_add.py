"""Storing documents: idempotence, atomicity, failures, opening errors."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_factories import PARIS, extraction

from dateline.errors import StoreError
from dateline.records import Failure
from dateline.store import Store, content_hash


def test_add_stores_document_and_events(store: Store) -> None:
    ex = extraction("Macron visits India.", {"start": date(2026, 2, 10)}, {})
    result = store.add(ex)
    assert result.added and result.events == 2 and result.article_id == ex.article.id
    stats = store.stats()
    assert (stats.documents, stats.events, stats.errors) == (1, 2, 0)


def test_re_adding_the_same_content_adds_nothing(store: Store) -> None:
    ex = extraction("Macron visits India.", {"start": date(2026, 2, 10)})
    store.add(ex)
    again = store.add(ex)
    assert again.added is False and again.events == 0
    assert again.article_id == ex.article.id
    assert store.stats().documents == 1 and store.stats().events == 1


def test_a_document_with_hundreds_of_events_is_stored_whole(store: Store) -> None:
    ex = extraction("Long article.", *[{"start": date(2020, 1, 1)} for _ in range(250)])
    assert store.add(ex).events == 250
    assert store.stats().events == 250
    assert len(store.timeline(actors=["FRA", "IND"])) == 250


def test_same_text_under_another_url_is_another_document(store: Store) -> None:
    store.add(extraction("Same words.", {}, url="https://a.example/1"))
    store.add(extraction("Same words.", {}, url="https://b.example/2"))
    assert store.stats().documents == 2


def test_stored_event_reads_back_equal_to_the_record(store: Store) -> None:
    ex = extraction(
        "Xi and Putin met in Paris.",
        {
            "actor": (("Xi Jinping", "CHN"), ("Vladimir Putin", "RUS")),
            "recipient": (),
            "start": date(2024, 5, 16),
            "place": PARIS,
        },
    )
    store.add(ex)
    got = store.event(ex.events[0].id)
    assert got is not None
    assert got.event == ex.events[0]
    assert got.article.id == ex.article.id and got.article.url == ex.article.url
    assert got.to_json()["article"]["id"] == ex.article.id
    assert store.event("no-such-event") is None
    assert store.article(ex.article.id) == ex.article
    assert store.article("no-such-article") is None


def test_a_document_that_fails_midway_leaves_nothing_behind(store: Store) -> None:
    ex = extraction("Two events, one id.", {}, {})
    broken = replace(ex, events=(ex.events[0], ex.events[0]))  # duplicate primary key
    with pytest.raises(StoreError) as info:
        store.add(broken)
    assert info.value.source == ex.article.origin
    assert store.stats().documents == 0 and store.stats().events == 0
    assert store.add(ex).added  # the store is still usable


def test_same_article_id_with_other_content_is_refused(store: Store) -> None:
    first = extraction("Version one.", {})
    second = extraction("Version two.", {})
    second = replace(second, article=replace(second.article, id=first.article.id), events=())
    store.add(first)
    with pytest.raises(StoreError, match="already stored with different content"):
        store.add(second)


def test_failures_are_stored(store: Store) -> None:
    store.add_failure(Failure(source="bad.html", reason="no article text", stage="article"))
    assert store.stats().errors == 1
    assert store.failures() == [
        Failure(source="bad.html", reason="no article text", stage="article")
    ]


def test_add_many_counts_and_never_stops_on_a_bad_document(store: Store) -> None:
    good = extraction("Good one.", {})
    other = extraction("Another.", {}, {})
    broken = replace(other, events=(other.events[0], other.events[0]))
    summary = store.add_many(
        [good, Failure(source="x.txt", reason="empty"), broken, good, extraction("Last.", {})]
    )
    assert (summary.added, summary.duplicates, summary.events, summary.failures) == (2, 1, 2, 2)
    stages = [f.stage for f in store.failures()]
    assert stages == ["ingest", "store"]


def test_opening_a_file_that_is_not_duckdb_names_the_file(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("this is not a database\n" * 100)
    with pytest.raises(StoreError) as info:
        Store.open(bogus)
    assert info.value.source == str(bogus)
    assert str(bogus) in str(info.value)


def test_read_only_open_of_missing_file_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)


def test_read_only_store_reads_but_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as s:
        s.add(extraction("Stored once.", {}))
    with Store.open(path, read_only=True) as s:
        assert s.stats().documents == 1
        with pytest.raises(StoreError):
            s.add(extraction("Not allowed.", {}))


def test_a_duckdb_file_of_another_application_is_not_read_as_a_store(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a dateline store"):
        Store.open(path, read_only=True)


@given(st.text(), st.text(), st.one_of(st.none(), st.text(min_size=1)))
def test_content_hash_is_stable_and_separates_texts(a: str, b: str, url: str | None) -> None:
    assert content_hash(a, url) == content_hash(a, url)
    assert len(content_hash(a, url)) == 64
    if a != b:
        assert content_hash(a, url) != content_hash(b, url)


@given(st.text(), st.text(min_size=1))
def test_content_hash_depends_on_the_url(text: str, url: str) -> None:
    assert content_hash(text, url) != content_hash(text, url + "/")


def test_a_second_writer_process_gets_a_store_error_naming_the_file(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "events.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from dateline.store import Store; s = Store.open(sys.argv[1]); "
            "print('ready', flush=True); sys.stdin.readline()",
            str(path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        for read_only in (False, True):
            with pytest.raises(StoreError) as info:
                Store.open(path, read_only=read_only)
            assert info.value.source == str(path)
    finally:
        holder.communicate("\n", timeout=30)
    with Store.open(path, read_only=True) as s:
        assert s.stats().documents == 0


_names = st.text(min_size=1, max_size=30)


@settings(max_examples=25, deadline=None)
@given(
    text=st.text(min_size=1, max_size=200),
    sentence=st.text(max_size=80),
    actors=st.lists(st.tuples(_names, st.one_of(st.none(), st.text(min_size=3, max_size=3)))),
    score=st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False)),
)
def test_any_event_reads_back_exactly(
    text: str,
    sentence: str,
    actors: list[tuple[str, str | None]],
    score: float | None,
) -> None:
    ex = extraction(text, {"actor": actors, "sentence": sentence})
    ev = replace(ex.events[0], score=score)
    ex = replace(ex, events=(ev,))
    with Store.open(":memory:") as s:
        assert s.add(ex).added
        got = s.event(ev.id)
        assert got is not None and got.event == ev
        assert s.article(ex.article.id) == ex.article
