"""The sample corpus's gold events load and agree with the files; the scorer measures them."""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dateline.errors import EvalError
from dateline.evaluation.gold import (
    GoldCorpus,
    GoldDocument,
    GoldEvent,
    GoldPlace,
    load_gold,
    score,
    sentence_match,
    split_sentences,
)
from dateline.records import (
    Article,
    Entity,
    Event,
    EventDate,
    Evidence,
    Extraction,
    Place,
    Status,
)

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def corpus() -> GoldCorpus:
    return load_gold(CORPUS)


# -- the real sample corpus -------------------------------------------------------------------


def _reader_text(path: Path) -> str:
    """The file's text as a reader sees it (tags dropped, entities decoded, loosely)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        raw = re.sub(r"<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    return raw


def _jsonl_texts(path: Path) -> dict[str, str]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {row["id"]: row["text"] for row in rows}


def test_sample_corpus_gold_loads_with_enough_documents(corpus: GoldCorpus) -> None:
    assert len(corpus.documents) >= 22
    forms = {Path(d.file).suffix for d in corpus.documents}
    assert forms == {".txt", ".html", ".jsonl"}
    assert all(d.published is not None for d in corpus.documents)


def test_every_gold_sentence_is_in_its_document(corpus: GoldCorpus) -> None:
    for doc in corpus.documents:
        path = CORPUS / doc.file
        text = _jsonl_texts(path)[doc.id] if doc.id is not None else _reader_text(path)
        for event in doc.events:
            assert event.sentence in text, (doc.file, doc.id, event.sentence)


def test_every_corpus_file_has_gold_and_every_jsonl_row_is_listed(corpus: GoldCorpus) -> None:
    listed = {(d.file, d.id) for d in corpus.documents}
    for path in sorted(CORPUS.iterdir()):
        if path.name.endswith(".gold.json"):
            continue
        if path.suffix == ".jsonl":
            for ident in _jsonl_texts(path):
                assert (path.name, ident) in listed
        else:
            assert (path.name, None) in listed


def test_gold_keys_tie_reports_of_the_same_event_across_documents(corpus: GoldCorpus) -> None:
    docs_by_key: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    dates_by_key: dict[str, set[tuple[date | None, date | None]]] = defaultdict(set)
    for doc in corpus.documents:
        for event in doc.events:
            docs_by_key[event.key].add((doc.file, doc.id))
            dates_by_key[event.key].add((event.start, event.end))
    shared = [k for k, docs in docs_by_key.items() if len(docs) >= 2]
    assert len(shared) >= 4
    # at least one event is dated to disjoint intervals by different reports
    conflicting = [
        k
        for k in shared
        if any(
            a[1] is not None and b[0] is not None and a[1] < b[0]
            for a in dates_by_key[k]
            for b in dates_by_key[k]
        )
    ]
    assert conflicting


def test_gold_covers_every_status(corpus: GoldCorpus) -> None:
    statuses = {e.status for e in corpus.events}
    assert statuses == {"occurred", "ongoing", "planned", "hypothetical", "negated"}


def test_gold_planned_events_do_not_end_before_publication(corpus: GoldCorpus) -> None:
    for doc in corpus.documents:
        assert doc.published is not None
        for e in doc.events:
            if e.status == "planned" and e.end is not None:
                assert e.end >= doc.published, (doc.file, e.key)


# -- loader errors ----------------------------------------------------------------------------


def _write_gold(tmp_path: Path, **changes: object) -> Path:
    (tmp_path / "a.txt").write_text("date 2024-01-02\nTitle\n\nX met Y on Monday.\n")
    event = {
        "key": "k",
        "type": "CONSULT",
        "mode": None,
        "actor": ["FRA"],
        "recipient": [],
        "status": "occurred",
        "date": {"start": "2024-01-01", "end": "2024-01-01"},
        "place": None,
        "sentence": "X met Y on Monday.",
        "trigger": "met",
    }
    event.update(changes)
    doc = {"file": "a.txt", "id": None, "published": "2024-01-02", "events": [event]}
    path = tmp_path / "a.txt.gold.json"
    path.write_text(json.dumps({"documents": [doc]}))
    return path


def test_a_valid_minimal_gold_file_loads(tmp_path: Path) -> None:
    _write_gold(tmp_path)
    gold = load_gold(tmp_path)
    assert gold.documents[0].events[0].start == date(2024, 1, 1)


@pytest.mark.parametrize(
    "changes",
    [
        {"type": "MEET"},
        {"status": "rumoured"},
        {"date": {"start": "2024-02-01", "end": "2024-01-01"}},
        {"date": {"start": "January", "end": None}},
        {"trigger": "visited"},
        {"actor": "FRA"},
        {"colour": "red"},
    ],
)
def test_a_malformed_gold_event_raises_eval_error_naming_the_file(
    tmp_path: Path, changes: dict[str, object]
) -> None:
    path = _write_gold(tmp_path, **changes)
    with pytest.raises(EvalError) as info:
        load_gold(tmp_path)
    assert info.value.source == str(path)


def test_a_gold_file_for_a_missing_corpus_file_raises(tmp_path: Path) -> None:
    _write_gold(tmp_path)
    (tmp_path / "a.txt").unlink()
    with pytest.raises(EvalError, match="not found"):
        load_gold(tmp_path)


def test_an_empty_directory_has_no_gold(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        load_gold(tmp_path)


# -- sentences --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left. She came.", ["He left.", "She came."]),
        ("It joined NATO. Then it grew.", ["It joined NATO.", "Then it grew."]),
        ("The U.S. Navy said so. Fine.", ["The U.S. Navy said so.", "Fine."]),
        ("On Feb. 24 it began. Mr. Li spoke.", ["On Feb. 24 it began.", "Mr. Li spoke."]),
        ('"Never," he said. Then quiet.', ['"Never," he said.', "Then quiet."]),
        ("One line\nAnother line", ["One line", "Another line"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_sentence_match_accepts_containment_and_rejects_other_sentences() -> None:
    gold = "India closed the border on Wednesday."
    assert sentence_match(gold, gold) == 1.0
    assert sentence_match("Officials said. " + gold, gold) > 0
    assert sentence_match("India closed the border", gold) > 0
    assert sentence_match("Pakistan shut its airspace on Thursday.", gold) == 0


# -- scorer on hand-built records -------------------------------------------------------------

TEXT = (
    "France and Germany signed a treaty in Paris on Monday. "
    "The weather was mild. "
    "Germany will host talks next month."
)
S1 = "France and Germany signed a treaty in Paris on Monday."
S2 = "The weather was mild."
S3 = "Germany will host talks next month."
PUBLISHED = date(2024, 5, 8)


def _gold_corpus(ident: str | None = None, file: str = "story.txt") -> GoldCorpus:
    events = (
        GoldEvent(
            key="treaty",
            type="AGREE",
            mode=None,
            actor=("FRA", "DEU"),
            recipient=(),
            status="occurred",
            start=date(2024, 5, 6),
            end=date(2024, 5, 6),
            place=GoldPlace("Paris", "FRA"),
            sentence=S1,
            trigger="signed",
        ),
        GoldEvent(
            key="talks",
            type="CONSULT",
            mode="host",
            actor=("FRA",),
            recipient=("DEU",),
            status="planned",
            start=date(2024, 6, 1),
            end=date(2024, 6, 30),
            place=GoldPlace("Germany", "DEU"),
            sentence=S3,
            trigger="talks",
        ),
    )
    doc = GoldDocument(file=file, id=ident, published=PUBLISHED, events=events)
    return GoldCorpus(root=Path("mem"), documents=(doc,))


def _entity(country: str) -> Entity:
    return Entity(text=country, name=country, country=country)


def _place(name: str, country: str, feature: str = "city") -> Place:
    return Place(name, 0, 0, "place", name, None, country, None, None, feature)


def _event(
    etype: str,
    sentence: str,
    trigger: str,
    actor: tuple[str, ...],
    recipient: tuple[str, ...],
    status: Status,
    start: date | None,
    end: date | None,
    place: Place | None,
    basis: str = "stated",
) -> Event:
    begin = TEXT.find(sentence)
    return Event(
        id=f"e-{trigger}",
        type=etype,
        mode=None,
        cameo=None,
        actor=tuple(_entity(c) for c in actor),
        recipient=tuple(_entity(c) for c in recipient),
        status=status,
        date=EventDate(start, end, "day", None, basis),  # type: ignore[arg-type]
        place=place,
        evidence=Evidence(sentence, begin, begin + len(sentence), trigger),
        score=None,
        quad=None,
        confidence=1.0,
    )


def _perfect() -> list[Event]:
    return [
        _event(
            "AGREE",
            S1,
            "signed",
            ("FRA", "DEU"),
            (),
            "occurred",
            date(2024, 5, 6),
            date(2024, 5, 6),
            _place("Paris", "FRA"),
        ),
        _event(
            "CONSULT",
            S3,
            "talks",
            ("FRA",),
            ("DEU",),
            "planned",
            date(2024, 6, 1),
            date(2024, 6, 30),
            _place("Federal Republic of Germany", "DEU", "country"),
        ),
    ]


def _extraction(
    events: list[Event], *, ident: str = "abc123", origin: str = "examples/story.txt"
) -> Extraction:
    article = Article(
        id=ident,
        url=None,
        source=None,
        title=None,
        published=PUBLISHED,
        byline=None,
        language="en",
        text=TEXT,
        origin=origin,
    )
    return Extraction(article=article, events=tuple(events))


def test_a_perfect_prediction_scores_one_everywhere() -> None:
    report = score([_extraction(_perfect())], _gold_corpus())
    for name in (
        "precision",
        "recall",
        "f1",
        "type_accuracy",
        "actor_country_accuracy",
        "recipient_country_accuracy",
        "status_accuracy",
        "date_accuracy",
        "place_accuracy",
    ):
        assert report.metric(name) == 1.0, name
    assert report.metric("false_event_rate") == 0.0
    assert report.metric("planned_before_publication") == 0.0
    assert dict(report.counts)["matched"] == 2
    assert dict(report.counts)["documents"] == 1


def test_a_wrong_date_lowers_date_accuracy_only() -> None:
    events = _perfect()
    events[0] = replace(events[0], date=EventDate(PUBLISHED, PUBLISHED, "day", None, "stated"))
    report = score([_extraction(events)], _gold_corpus())
    assert report.metric("date_accuracy") == 0.5
    assert report.metric("f1") == 1.0


def test_a_publication_date_fallback_is_right_only_where_the_text_gives_no_date() -> None:
    gold = _gold_corpus()
    undated = replace(gold.documents[0].events[0], start=None, end=None)
    doc = replace(gold.documents[0], events=(undated, gold.documents[0].events[1]))
    gold = replace(gold, documents=(doc,))
    events = _perfect()
    events[0] = replace(events[0], date=EventDate(PUBLISHED, PUBLISHED, "day", None, "publication"))
    assert score([_extraction(events)], gold).metric("date_accuracy") == 1.0
    events[0] = replace(events[0], date=EventDate(PUBLISHED, PUBLISHED, "day", "May 8", "stated"))
    assert score([_extraction(events)], gold).metric("date_accuracy") == 0.5


def test_an_event_in_a_sentence_without_gold_raises_the_false_event_rate() -> None:
    extra = _event("PROTEST", S2, "mild", ("FRA",), (), "occurred", None, None, None)
    report = score([_extraction([*_perfect(), extra])], _gold_corpus())
    assert report.metric("false_event_rate") == 1.0  # one false event, one empty sentence
    assert report.metric("precision") == pytest.approx(2 / 3)
    assert report.metric("recall") == 1.0


def test_a_wrong_type_in_the_right_sentence_counts_for_type_accuracy_not_recall() -> None:
    events = _perfect()
    events[0] = replace(events[0], type="COOPERATE")
    report = score([_extraction(events)], _gold_corpus())
    assert report.metric("type_accuracy") == 0.5
    assert report.metric("recall") == 0.5
    assert report.metric("false_event_rate") == 0.0


def test_wrong_actors_status_and_place_are_measured_on_matched_pairs() -> None:
    events = _perfect()
    events[1] = replace(
        events[1],
        recipient=(_entity("FRA"),),
        status="occurred",
        place=_place("Strasbourg", "FRA"),
    )
    report = score([_extraction(events)], _gold_corpus())
    assert report.metric("recipient_country_accuracy") == 0.0  # only one pair has a recipient
    assert report.metric("status_accuracy") == 0.5
    assert report.metric("place_accuracy") == 0.5
    assert report.metric("actor_country_accuracy") == 1.0


def test_any_place_in_the_right_country_is_right_when_gold_names_the_country() -> None:
    events = _perfect()
    events[1] = replace(events[1], place=_place("Berlin", "DEU"))
    assert score([_extraction(events)], _gold_corpus()).metric("place_accuracy") == 1.0
    events[0] = replace(events[0], place=_place("Lyon", "FRA"))  # gold names the city
    assert score([_extraction(events)], _gold_corpus()).metric("place_accuracy") == 0.5


def test_a_planned_event_dated_before_publication_is_counted() -> None:
    events = _perfect()
    events[1] = replace(
        events[1], date=EventDate(date(2024, 4, 1), date(2024, 4, 30), "month", None, "stated")
    )
    report = score([_extraction(events)], _gold_corpus())
    assert report.metric("planned_before_publication") == 1.0


def test_documents_map_by_given_id_for_jsonl_rows() -> None:
    gold = _gold_corpus(ident="row-7", file="wire.jsonl")
    ex = _extraction(_perfect(), ident="row-7", origin="examples/wire.jsonl#3")
    report = score([ex], gold)
    assert dict(report.counts)["documents"] == 1
    assert report.metric("f1") == 1.0


def test_documents_map_by_origin_file_name_when_no_id_is_given() -> None:
    report = score([_extraction(_perfect(), origin="/elsewhere/story.txt")], _gold_corpus())
    assert dict(report.counts)["documents"] == 1
    missed = score([_extraction(_perfect(), origin="/elsewhere/other.txt")], _gold_corpus())
    assert dict(missed.counts)["documents"] == 0
    assert missed.metric("recall") == 0.0
    assert any("no gold document" in n for n in missed.notes)
    assert any("not extracted" in n for n in missed.notes)


@pytest.mark.slow
def test_the_pipeline_extracts_every_gold_document_of_the_sample_corpus() -> None:
    from dateline.config import Settings
    from dateline.evaluation.gold import run

    report = run(CORPUS, Settings())
    counts = dict(report.counts)
    assert counts["failures"] == 0
    assert counts["documents"] == counts["gold_documents"]
    assert report.to_json()["name"] == "gold"


def test_the_examples_readme_counts_match_the_gold(corpus: GoldCorpus) -> None:
    readme = (CORPUS.parent / "README.md").read_text(encoding="utf-8")
    assert f"In all there are {len(corpus.events)} gold events" in readme
    for doc in corpus.documents:
        name = f"`{doc.file}` `{doc.id}`" if doc.id else f"`{doc.file}`"
        row = next(line for line in readme.splitlines() if line.startswith(f"| {name} |"))
        assert row.split("|")[-3].strip() == str(len(doc.events)), doc.file


def test_details_name_each_wrong_field_and_each_missed_event() -> None:
    from dateline.evaluation.gold import details

    assert details([_extraction(_perfect())], _gold_corpus()) == ()
    events = _perfect()
    events[0] = replace(events[0], date=EventDate(PUBLISHED, PUBLISHED, "day", None, "stated"))
    lines = details([_extraction(events[:1])], _gold_corpus())
    assert any("WRONG" in line and "date" in line for line in lines)
    assert any("MISSED" in line for line in lines)
