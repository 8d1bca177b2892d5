"""Canonical events: mentions of one real event merged across and within articles."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_factories import PARIS, event, extraction

from dateline.records import EventDate, Extraction, Place
from dateline.store import Store
from dateline.store.codec import DERIVED_COLUMNS
from dateline.store.merge_rules import Interval, date_relation, shared_countries
from dateline.store.migrate import builtin_migrations, migrate

USA_UKR: dict[str, Any] = {"actor": (("Joe Biden", "USA"),), "recipient": (("Ukraine", "UKR"),)}

BERLIN = Place(
    text="Berlin",
    start=0,
    end=6,
    kind="place",
    name="Berlin",
    geonameid=2950159,
    country="DEU",
    lat=52.5,
    lon=13.4,
    feature="city",
)


def report(
    text: str,
    *specs: dict[str, Any],
    published: date = date(2026, 2, 1),
    source: str = "example-news",
) -> Extraction:
    ex = extraction(text, *specs)
    return replace(ex, article=replace(ex.article, published=published, source=source))


def month(ex: Extraction, n: int, year: int, mon: int, last: int, basis: str = "stated") -> None:
    """Give event ``n`` (0-based) of ``ex`` a whole-month date (mutates via object.__setattr__)."""
    ev = ex.events[n]
    object.__setattr__(
        ev,
        "date",
        EventDate(
            start=date(year, mon, 1),
            end=date(year, mon, last),
            granularity="month",
            text="that month",
            basis=basis,  # type: ignore[arg-type]
        ),
    )


def canonical_ids(store: Store) -> dict[str, str]:
    rows = store.connection().execute("SELECT mention_id, canonical_id FROM canonical_mentions")
    return {str(m): str(c) for m, c in rows.fetchall()}


def snapshot(store: Store) -> tuple[list[Any], list[Any]]:
    con = store.connection()
    return (
        con.execute("SELECT * FROM canonical_events ORDER BY id").fetchall(),
        con.execute("SELECT * FROM canonical_mentions ORDER BY mention_id").fetchall(),
    )


# -- the rules ----------------------------------------------------------------------------------


_FEB10 = (date(2026, 2, 10), date(2026, 2, 10), "day")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((*_FEB10, "stated"), (1, 28, "month", "stated"), "overlap"),
        ((*_FEB10, "stated"), (11, 11, "day", "stated"), "near"),  # adjacent days
        ((*_FEB10, "stated"), (20, 20, "day", "stated"), "far"),
        ((*_FEB10, "inferred"), (20, 20, "day", "stated"), "far"),
        ((*_FEB10, "publication"), (12, 12, "day", "stated"), "far"),
        ((*_FEB10, "publication"), (11, 11, "day", "inferred"), "near"),
        (
            (date(2026, 1, 1), date(2026, 1, 31), "month", "stated"),
            (25, 25, "day", "stated"),
            "near",
        ),
        ((date(2026, 2, 2), date(2026, 2, 8), "week", "stated"), (12, 12, "day", "stated"), "near"),
        ((date(2026, 2, 2), date(2026, 2, 8), "week", "stated"), (20, 20, "day", "stated"), "far"),
        ((None, None, None, "publication"), (25, 25, "day", "stated"), "overlap"),
    ],
)
def test_date_relation(a: tuple[Any, ...], b: tuple[Any, ...], expected: str) -> None:
    other = Interval(date(2026, 2, b[0]), date(2026, 2, b[1]), b[2], b[3])
    assert date_relation(Interval(*a), other) == expected
    assert date_relation(other, Interval(*a)) == expected


@pytest.mark.parametrize(
    ("etype", "mine", "theirs", "compatible"),
    [
        ("CONSULT", ({"USA"}, {"UKR"}), ({"USA"}, {"UKR"}), True),
        ("CONSULT", ({"USA"}, set()), ({"USA"}, {"UKR"}), True),  # recipient unknown
        ("CONSULT", ({"USA", "UKR"}, set()), ({"USA"}, {"UKR"}), True),  # both as co-actors
        ("CONSULT", ({"CHN"}, set()), ({"USA"}, {"CHN"}), True),  # one side only
        ("ASSAULT", ({"USA", "UKR"}, set()), ({"USA"}, {"UKR"}), False),
        ("REQUEST", ({"SWE"}, {"NATO"}), ({"SWE", "FIN"}, {"NATO"}), True),  # fewer co-actors
        ("ASSAULT", ({"RUS"}, {"UKR"}), ({"RUS", "UKR"}, set()), False),  # UKR on both sides
        ("REQUEST", ({"SWE"}, {"FIN"}), ({"SWE", "FIN"}, {"NATO"}), False),
        ("AGREE", ({"USA"}, {"RUS"}), ({"USA", "UKR"}, set()), False),  # a third country each
        ("CONSULT", ({"USA"}, {"UKR"}), ({"FRA"}, {"UKR"}), False),
        ("CONSULT", (set(), set()), ({"USA"}, {"UKR"}), False),  # nothing known in common
    ],
)
def test_actor_compatibility(
    etype: str, mine: tuple[set[str], set[str]], theirs: tuple[set[str], set[str]], compatible: bool
) -> None:
    args = [frozenset(s) for s in (*mine, *theirs)]
    assert (shared_countries(etype, *args) > 0) is compatible


# -- merging in the store -----------------------------------------------------------------------


def test_two_articles_reporting_one_visit_make_one_canonical_event(store: Store) -> None:
    a = report(
        "Biden visits Kyiv.", {"start": date(2026, 2, 20), **USA_UKR}, published=date(2026, 2, 20)
    )
    b = report(
        "Biden was in Kyiv on Monday.",
        {"start": date(2026, 2, 20), **USA_UKR},
        published=date(2026, 2, 22),
        source="other-wire",
    )
    store.add(a)
    store.add(b)
    [canon] = store.canonical_events()
    assert (canon.num_mentions, canon.num_articles, canon.num_sources) == (2, 2, 2)
    assert (canon.first_reported, canon.last_reported) == (date(2026, 2, 20), date(2026, 2, 22))
    assert (canon.actor_countries, canon.recipient_countries) == (("USA",), ("UKR",))
    assert canon.id == a.events[0].id and canon.conflicts == ()
    assert store.stats().canonical_events == 1


def test_a_day_inside_a_month_narrows_the_best_date(store: Store) -> None:
    a = report("Biden visited Kyiv in February.", {"start": date(2026, 2, 1), **USA_UKR})
    month(a, 0, 2026, 2, 28)
    b = report("Biden visited Kyiv on Feb. 20.", {"start": date(2026, 2, 20), **USA_UKR})
    store.add(a)
    store.add(b)
    [canon] = store.canonical_events()
    assert (canon.date_start, canon.date_end, canon.granularity) == (
        date(2026, 2, 20),
        date(2026, 2, 20),
        "day",
    )
    assert canon.conflicts == ()


def test_the_same_event_told_twice_in_one_article_is_one_canonical_event(store: Store) -> None:
    store.add(
        report(
            "Biden visited Kyiv. The visit lasted a day.",
            {"start": date(2026, 2, 20), **USA_UKR},
            {"start": date(2026, 2, 20), **USA_UKR},
        )
    )
    [canon] = store.canonical_events()
    assert (canon.num_mentions, canon.num_articles) == (2, 1)


def test_two_different_events_of_one_article_stay_apart(store: Store) -> None:
    ex = report(
        "Biden arrived in Kyiv and met Zelensky.",
        {"start": date(2026, 2, 20), **USA_UKR},
        {"start": date(2026, 2, 20), **USA_UKR},
    )
    met = replace(ex.events[1], mode="meet")
    store.add(replace(ex, events=(ex.events[0], met)))
    assert len(store.canonical_events()) == 2
    # across articles the same two reports are one event (modes vary between outlets)
    other = report("Biden met Zelensky in Kyiv.", {"start": date(2026, 2, 20), **USA_UKR})
    store.add(replace(other, events=(replace(other.events[0], mode="meet"),)))
    assert len(store.canonical_events()) == 2


def test_two_known_modes_of_one_sanction_are_two_events(store: Store) -> None:
    ind_pak = {
        "type": "SANCTION",
        "actor": (("India", "IND"),),
        "recipient": (("Pakistan", "PAK"),),
    }
    a = report("India expelled Pakistani advisers.", {"start": date(2026, 4, 23), **ind_pak})
    b = report("India closed the border.", {"start": date(2026, 4, 23), **ind_pak})
    store.add(replace(a, events=(replace(a.events[0], mode="expel"),)))
    store.add(replace(b, events=(replace(b.events[0], mode="restrict"),)))
    assert len(store.canonical_events()) == 2
    c = report("India expelled the advisers.", {"start": date(2026, 4, 23), **ind_pak})
    store.add(c)  # no mode: joins one of them
    assert len(store.canonical_events()) == 2


def test_an_undated_report_in_an_article_is_no_restatement(store: Store) -> None:
    # "agreed on Friday to restore relations" and "also agreed to revive a pact" (no date
    # of its own: the publication day) are two agreements, though the days coincide.
    both = {"type": "AGREE", "actor": (("Saudi Arabia", "SAU"), ("Iran", "IRN")), "recipient": ()}
    ex = report(
        "They agreed on Friday. They also agreed to revive a pact.",
        {"start": date(2026, 2, 1), **both},
        {"start": None, **both},
    )
    store.add(ex)
    assert len(store.canonical_events()) == 2


def test_an_undated_planned_meeting_joins_the_meeting_weeks_later(store: Store) -> None:
    # "The ministers are expected to meet" (published 1 February, no date) is the meeting
    # held on 20 February, not one held in April.
    store.add(report("They are expected to meet.", {"status": "planned", **USA_UKR}))
    store.add(report("They met on Friday.", {"start": date(2026, 2, 20), **USA_UKR}))
    store.add(report("They met in April.", {"start": date(2026, 4, 20), **USA_UKR}))
    sizes = sorted(c.num_mentions for c in store.canonical_events())
    assert sizes == [1, 2]
    [met] = [c for c in store.canonical_events() if c.num_mentions == 2]
    assert (met.date_start, met.date_end, met.conflicts) == (
        date(2026, 2, 20),
        date(2026, 2, 20),
        (),
    )


def test_a_report_missing_a_co_actor_joins_the_full_one(store: Store) -> None:
    both = {"actor": (("Sweden", "SWE"), ("Finland", "FIN")), "recipient": (("NATO", "NATO"),)}
    one = {"actor": (("Sweden", "SWE"),), "recipient": (("NATO", "NATO"),)}
    store.add(
        report(
            "Sweden and Finland applied.", {"type": "REQUEST", "start": date(2026, 2, 20), **both}
        )
    )
    store.add(report("Sweden applied.", {"type": "REQUEST", "start": date(2026, 2, 20), **one}))
    [canon] = store.canonical_events()
    assert canon.num_mentions == 2 and set(canon.actor_countries) == {"SWE", "FIN"}


def test_a_report_joins_the_event_whose_mode_agrees(store: Store) -> None:
    # One article tells a meeting and (another sentence) the visit it was part of; a later
    # report of the visit joins the visit, though both are near its date and share both sides.
    day = date(2026, 2, 20)
    ex = report(
        "Biden met Zelensky. Biden arrived in Kyiv.",
        {"start": day, **USA_UKR},
        {"start": day, **USA_UKR},
    )
    store.add(replace(ex, events=(replace(ex.events[0], mode="meet"), ex.events[1])))
    later = report("Biden visited Kyiv on Monday.", {"start": date(2026, 2, 21), **USA_UKR})
    store.add(later)
    assert store.canonical_of(later.events[0].id) == ex.events[1].id


def test_mentions_of_one_article_compete_for_an_event(store: Store) -> None:
    # An earlier article told the cut of talks (mode "discontinue"); a later one tells a
    # sanction (no mode) and then the cut: the cut takes the event, the sanction stands apart,
    # whichever of the two sentences comes first.
    chn = {"type": "SANCTION", "actor": (("China", "CHN"),), "recipient": ()}
    first = report("China suspended talks in August.", {"start": date(2026, 8, 1), **chn})
    month(first, 0, 2026, 8, 31)
    store.add(replace(first, events=(replace(first.events[0], mode="discontinue"),)))
    usa = {**chn, "recipient": (("United States", "USA"),)}
    ex = report(
        "China sanctioned Pelosi and suspended talks with the US.",
        {"start": date(2026, 8, 5), **chn},
        {"start": date(2026, 8, 5), **usa},
    )
    cut = replace(ex.events[1], mode="discontinue")
    store.add(replace(ex, events=(ex.events[0], cut)))
    assert store.canonical_of(cut.id) == first.events[0].id
    assert store.canonical_of(ex.events[0].id) == ex.events[0].id
    before = {c.id: c.num_mentions for c in store.canonical_events()}
    store.recluster()
    assert {c.id: c.num_mentions for c in store.canonical_events()} == before


@pytest.mark.parametrize(
    "other",
    [
        {"type": "ACCUSE"},
        {"actor": (("Emmanuel Macron", "FRA"),)},
        {"start": date(2026, 3, 10)},  # stated days three weeks apart
        {"place": BERLIN},  # another country
    ],
    ids=["type", "actor", "date", "place"],
)
def test_different_events_stay_apart(store: Store, other: dict[str, Any]) -> None:
    base: dict[str, Any] = {"start": date(2026, 2, 20), **USA_UKR, "place": PARIS}
    store.add(report("Biden met Zelensky in Paris.", base))
    store.add(report("Another report.", {**base, **other}))
    assert len(store.canonical_events()) == 2


def test_conflicting_dates_merge_and_are_flagged(store: Store) -> None:
    a = report("They met on Feb. 28.", {"start": date(2026, 2, 28), **USA_UKR})
    b = report("They met in March.", {"start": date(2026, 3, 1), **USA_UKR}, source="wire-2")
    month(b, 0, 2026, 3, 31)
    store.add(a)
    store.add(b)
    [canon] = store.canonical_events()
    assert (canon.date_start, canon.date_end) == (date(2026, 2, 28), date(2026, 2, 28))
    [conflict] = canon.conflicts
    assert conflict.mention_id == b.events[0].id and conflict.granularity == "month"
    assert (conflict.date_start, conflict.date_end) == (date(2026, 3, 1), date(2026, 3, 31))
    assert conflict.source == "wire-2"
    flags = dict(
        store.connection().execute("SELECT mention_id, conflict FROM canonical_mentions").fetchall()
    )
    assert flags == {a.events[0].id: False, b.events[0].id: True}


def test_months_further_apart_than_the_window_stay_apart(store: Store) -> None:
    a = report("They met in January.", {"start": date(2026, 1, 1), **USA_UKR})
    month(a, 0, 2026, 1, 31)
    b = report("They met in April.", {"start": date(2026, 4, 1), **USA_UKR})
    month(b, 0, 2026, 4, 30)
    store.add(a)
    store.add(b)
    assert len(store.canonical_events()) == 2


def test_co_actors_and_actor_recipient_reports_of_a_meeting_merge(store: Store) -> None:
    both = {"actor": (("Joe Biden", "USA"), ("Volodymyr Zelensky", "UKR")), "recipient": ()}
    store.add(report("Biden and Zelensky met.", {"start": date(2026, 2, 20), **both}))
    store.add(report("Biden met Zelensky.", {"start": date(2026, 2, 20), **USA_UKR}))
    [canon] = store.canonical_events()
    assert canon.num_mentions == 2
    assert set(canon.actor_countries) | set(canon.recipient_countries) == {"USA", "UKR"}


def test_canonical_event_lists_every_mention_with_its_evidence(store: Store) -> None:
    a = report(
        "Biden visits Kyiv.",
        {"start": date(2026, 2, 20), "sentence": "Biden visits Kyiv.", **USA_UKR},
    )
    b = report(
        "Biden in Kyiv.", {"start": date(2026, 2, 20), "sentence": "Biden in Kyiv.", **USA_UKR}
    )
    store.add(a)
    store.add(b)
    canon_id = store.canonical_of(b.events[0].id)
    assert canon_id == a.events[0].id
    canon = store.canonical_event(canon_id)
    assert canon is not None
    assert [m.event.evidence.sentence for m in canon.mentions] == [
        "Biden visits Kyiv.",
        "Biden in Kyiv.",
    ]
    assert [m.article.id for m in canon.mentions] == [a.article.id, b.article.id]
    body = canon.to_json()
    assert body["num_mentions"] == 2 and len(body["mentions"]) == 2
    json.dumps(body)
    assert store.canonical_event("nope") is None


def test_canonical_events_filters(store: Store) -> None:
    store.add(report("Biden visits Kyiv.", {"start": date(2026, 2, 20), **USA_UKR}))
    store.add(report("Macron visits India.", {"start": date(2026, 5, 2)}))
    store.add(report("Undated.", {"type": "ACCUSE"}))
    assert [c.type for c in store.canonical_events(actors=["usa"])] == ["CONSULT"]
    assert len(store.canonical_events(actors=["Joe Biden", "UKR"])) == 1
    assert len(store.canonical_events(actors=["USA", "IND"])) == 0
    assert [c.type for c in store.canonical_events(type="accuse")] == ["ACCUSE"]
    since = store.canonical_events(since=date(2026, 3, 1))
    assert [c.actor_countries for c in since] == [("FRA",)]
    assert len(store.canonical_events(until=date(2026, 3, 1))) == 2
    assert len(store.canonical_events(limit=1)) == 1
    # an undated mention stands at its publication day, and says so
    first = store.canonical_events()[0]
    assert (first.type, first.date_start, first.basis) == (
        "ACCUSE",
        date(2026, 2, 1),
        "publication",
    )


def test_dyad_summary_counts_by_month_and_quad(store: Store) -> None:
    store.add(report("A.", {"start": date(2026, 2, 20), **USA_UKR}))
    store.add(report("B.", {"start": date(2026, 2, 20), **USA_UKR}))
    store.add(report("C.", {"start": date(2026, 3, 5), "type": "ACCUSE", **USA_UKR}))
    store.add(report("D.", {"start": date(2026, 3, 5)}))  # FRA-IND: not this dyad
    con = store.connection()
    con.execute(
        "UPDATE event_mentions SET quad = 'verbal_conflict', score = -2 WHERE type = 'ACCUSE'"
    )
    rows = store.dyad_summary("USA", "ukr")
    assert [(r.month, r.events, r.verbal_cooperation, r.verbal_conflict) for r in rows] == [
        (date(2026, 2, 1), 2, 2, 0),
        (date(2026, 3, 1), 1, 0, 1),
    ]
    assert rows[0].mean_score == pytest.approx(4.0) and rows[1].mean_score == pytest.approx(-2.0)
    canonical = store.dyad_summary("USA", "UKR", canonical=True)
    assert [(r.month, r.events) for r in canonical] == [
        (date(2026, 2, 1), 1),
        (date(2026, 3, 1), 1),
    ]
    assert store.dyad_summary("USA", "UKR", since=date(2026, 3, 1))[0].month == date(2026, 3, 1)
    assert rows[0].to_json()["month"] == "2026-02"


# -- stability ----------------------------------------------------------------------------------


def corpus() -> list[Extraction]:
    a = report(
        "They met on Feb. 28.", {"start": date(2026, 2, 28), **USA_UKR}, {"start": date(2026, 2, 1)}
    )
    b = report("They met in March.", {"start": date(2026, 3, 1), **USA_UKR}, {"type": "ACCUSE"})
    month(b, 0, 2026, 3, 31)
    c = report(
        "Visit in Paris.",
        {"place": PARIS, "start": date(2026, 2, 1)},
        {"start": date(2026, 2, 28), **USA_UKR},
    )
    d = report("Berlin.", {"place": BERLIN, "start": date(2026, 2, 1)}, published=date(2026, 2, 3))
    return [a, b, c, d]


def test_re_adding_the_same_articles_changes_nothing(store: Store) -> None:
    store.add_many(corpus())
    before = snapshot(store)
    store.add_many(corpus())
    assert snapshot(store) == before


def test_recluster_gives_what_incremental_adds_gave(store: Store) -> None:
    store.add_many(corpus())
    before = snapshot(store)
    assert store.recluster() == len(before[0])
    assert snapshot(store) == before


def test_opening_a_version_2_store_clusters_its_mentions(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(tmp_path / "new.duckdb") as new:
        new.add_many(corpus())
        expected = snapshot(new)
        flat = new.connection().execute("SELECT * FROM events_flat ORDER BY id").fetchall()
        tables = {
            t: new.connection().execute(f"SELECT * FROM {t}").fetchall()
            for t in ("documents", "event_mentions", "event_actors")
        }
        tables["event_mentions"].sort(key=lambda r: str(r[0]))
        mention_cols = [
            r[0]
            for r in new.connection().execute("DESCRIBE event_mentions").fetchall()
            if r[0] not in DERIVED_COLUMNS and r[0] != "place_basis"  # a version-4 column
        ]
        all_cols = [r[0] for r in new.connection().execute("DESCRIBE event_mentions").fetchall()]
    con = duckdb.connect(str(path))
    migrate(con, builtin_migrations()[:2], source="old")
    con.executemany(
        f"INSERT INTO documents VALUES ({', '.join('?' for _ in tables['documents'][0])})",
        [list(r) for r in tables["documents"]],
    )
    keep = [all_cols.index(c) for c in mention_cols]
    con.executemany(
        f"INSERT INTO event_mentions ({', '.join(mention_cols)}) "
        f"VALUES ({', '.join('?' for _ in mention_cols)})",
        [[r[i] for i in keep] for r in tables["event_mentions"]],
    )
    con.executemany(
        f"INSERT INTO event_actors VALUES ({', '.join('?' for _ in tables['event_actors'][0])})",
        [list(r) for r in tables["event_actors"]],
    )
    con.close()
    with Store.open(path) as old:
        assert old.stats().schema_version == len(builtin_migrations())
        assert old.connection().execute("SELECT * FROM events_flat ORDER BY id").fetchall() == flat
        assert snapshot(old) == expected
        mentions = "SELECT * FROM event_mentions ORDER BY id"
        assert old.connection().execute(mentions).fetchall() == tables["event_mentions"]


def test_a_failed_add_leaves_no_canonical_rows(store: Store) -> None:
    ex = report("Biden visits Kyiv.", {"start": date(2026, 2, 20), **USA_UKR})
    store.add(ex)
    clash = replace(ex, article=replace(ex.article, text="Other text."))
    summary = store.add_many([clash])
    assert summary.failures == 1
    assert store.stats().canonical_events == 1
    assert len(canonical_ids(store)) == 1


def test_event_factory_default_is_stated_day() -> None:
    ev = event("x", 1, start=date(2026, 2, 1))
    assert ev.date.basis == "stated"


_COUNTRIES = (("Joe Biden", "USA"), ("Ukraine", "UKR"), ("Emmanuel Macron", "FRA"))


@st.composite
def random_reports(draw: st.DrawFn) -> list[Extraction]:
    reports = []
    for i in range(draw(st.integers(1, 6))):
        specs = []
        for _ in range(draw(st.integers(0, 3))):
            spec: dict[str, Any] = {
                "type": draw(st.sampled_from(["CONSULT", "ACCUSE"])),
                "actor": (draw(st.sampled_from(_COUNTRIES)),),
                "recipient": tuple(draw(st.lists(st.sampled_from(_COUNTRIES), max_size=1))),
                "start": draw(st.none() | st.dates(date(2026, 1, 1), date(2026, 4, 30))),
                "place": draw(st.sampled_from([None, PARIS, BERLIN])),
            }
            specs.append(spec)
        ex = report(f"Report {i}.", *specs, published=date(2026, 1, 1 + i))
        if specs and draw(st.booleans()):
            month(ex, 0, 2026, 2, 28, basis=draw(st.sampled_from(["stated", "inferred"])))
        reports.append(ex)
    return reports


@settings(max_examples=25, deadline=None)
@given(reports=random_reports())
def test_incremental_and_rebuilt_clusters_agree(reports: list[Extraction]) -> None:
    with Store.open(":memory:") as store:
        store.add_many(reports)
        before = snapshot(store)
        store.add_many(reports)
        assert snapshot(store) == before
        store.recluster()
        assert snapshot(store) == before
        # every mention is in exactly one canonical event, and the counts add up
        mentions = sum(len(r.events) for r in reports)
        assert len(before[1]) == mentions
        assert sum(row[18] for row in before[0]) == mentions  # num_mentions
