"""The HTTP API over a real store of the sample corpus (FastAPI's TestClient, no network)."""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="fastapi is not installed (pip install -e '.[dev]')")
pytest.importorskip("httpx", reason="httpx (for FastAPI's TestClient) is not installed")

with warnings.catch_warnings():  # starlette nudges towards httpx2; httpx is what we pin
    warnings.simplefilter("ignore", UserWarning)  # StarletteDeprecationWarning
    from fastapi.testclient import TestClient

from dateline.config import Settings
from dateline.serve import create_app
from dateline.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(demo_db), Settings())) as c:
        yield c


@pytest.fixture(scope="module")
def dyad(demo_db: Path) -> tuple[str, str]:
    with Store.open(demo_db, read_only=True) as store:
        pair = store.busiest_dyad()
    assert pair is not None
    return pair


def get(client: TestClient, url: str, params: Any = None, status: int = 200) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == status, response.text
    return response.json()


# -- health and listing ----------------------------------------------------------------
def test_health_reports_the_store_counts(client: TestClient, demo_db: Path) -> None:
    body = get(client, "/api/health")
    with Store.open(demo_db, read_only=True) as store:
        stats = store.stats()
    assert body["status"] == "ok"
    assert (body["documents"], body["events"]) == (stats.documents, stats.events)


def test_events_of_the_busiest_dyad_match_the_store_timeline(
    client: TestClient, demo_db: Path, dyad: tuple[str, str]
) -> None:
    body = get(client, "/api/events", {"actor": list(dyad), "limit": 500})
    with Store.open(demo_db, read_only=True) as store:
        expected = [r.event_id for r in store.timeline(actors=dyad)]
    assert [e["event_id"] for e in body["items"]] == expected
    assert body["total"] == len(expected) > 0
    for item in body["items"]:
        assert set(dyad) <= set(item["actor_countries"]) | set(item["recipient_countries"])


def test_timeline_gives_every_match_with_its_extent(
    client: TestClient, dyad: tuple[str, str]
) -> None:
    body = get(client, "/api/timeline", {"actor": list(dyad)})
    events = get(client, "/api/events", {"actor": list(dyad), "limit": 500})
    assert [e["event_id"] for e in body["items"]] == [e["event_id"] for e in events["items"]]
    assert body["truncated"] is False
    days = [d for e in body["items"] for d in (e["date_start"], e["date_end"]) if d]
    assert (body["start"], body["end"]) == (min(days), max(days))


@pytest.mark.parametrize(
    ("param", "value", "check"),
    [
        ("type", "consult", lambda e: e["type"] == "CONSULT"),
        ("status", "planned", lambda e: e["status"] == "planned"),
        ("since", "2024-01-01", lambda e: (e["date_end"] or e["date_start"]) >= "2024-01-01"),
        ("until", "2020-12-31", lambda e: (e["date_start"] or e["date_end"]) <= "2020-12-31"),
    ],
)
def test_each_filter_narrows_to_matching_events(
    client: TestClient, param: str, value: str, check: Any
) -> None:
    everything = get(client, "/api/events", {"limit": 500})
    narrowed = get(client, "/api/events", {param: value, "limit": 500})
    assert 0 < narrowed["total"] < everything["total"]
    assert all(check(e) for e in narrowed["items"])


def test_text_search_finds_words_in_the_evidence_any_case(client: TestClient) -> None:
    body = get(client, "/api/events", {"q": "SUMMIT", "limit": 500})
    assert body["total"] > 0
    for e in body["items"]:
        haystack = " ".join(
            str(e[k]) for k in ("sentence", "title", "actor", "recipient", "place", "source")
        ).lower()
        assert "summit" in haystack


def test_like_wildcards_in_the_search_are_literal(client: TestClient) -> None:
    assert get(client, "/api/events", {"q": "%"})["total"] == 0
    assert get(client, "/api/events", {"q": "_"})["total"] == 0


def test_pages_are_disjoint_and_cover_the_whole_list(client: TestClient) -> None:
    total = get(client, "/api/events", {"limit": 1})["total"]
    seen: list[str] = []
    for offset in range(0, total, 7):
        page = get(client, "/api/events", {"limit": 7, "offset": offset})
        assert page["total"] == total
        seen += [e["event_id"] for e in page["items"]]
    assert len(seen) == len(set(seen)) == total
    assert get(client, "/api/events", {"offset": total + 10})["items"] == []


# -- bad input -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "params", "field"),
    [
        ("/api/events", {"since": "2024-13-01"}, "query.since"),
        ("/api/events", {"until": "yesterday"}, "query.until"),
        ("/api/events", {"since": "2025-01-01", "until": "2024-01-01"}, "query.until"),
        ("/api/events", {"type": "INVADE"}, "query.type"),
        ("/api/events", {"status": "rumoured"}, "query.status"),
        ("/api/events", {"limit": 501}, "query.limit"),
        ("/api/events", {"limit": 0}, "query.limit"),
        ("/api/events", {"offset": -1}, "query.offset"),
        ("/api/events", {"actor": ["A", "B", "C", "D", "E"]}, "query.actor"),
        ("/api/events", {"q": "x" * 201}, "query.q"),
        ("/api/timeline", {"limit": 100_000}, "query.limit"),
        ("/api/dyads", {"limit": 1000}, "query.limit"),
        ("/api/actors", {}, "query.q"),
        ("/api/dyads/USA/USA/summary", {}, "path.b"),
        ("/api/dyads/U'SA/RUS/summary", {}, "path.a"),
    ],
)
def test_bad_input_is_a_clear_422(client: TestClient, url: str, params: Any, field: str) -> None:
    body = get(client, url, params, status=422)
    assert field in {d["loc"] for d in body["detail"]}
    assert field in body["message"]


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert "no event" in get(client, "/api/events/nope-e1", status=404)["message"]
    assert "no document" in get(client, "/api/documents/nope", status=404)["message"]


@pytest.mark.parametrize(
    "hostile",
    [
        "x' OR '1'='1",
        "USA'); DROP TABLE event_mentions; --",
        '" OR 1=1 --',
        "\\'; SELECT * FROM documents; --",
    ],
)
def test_quote_laden_parameters_never_reach_sql_as_code(
    client: TestClient, demo_db: Path, hostile: str
) -> None:
    for url, params in [
        ("/api/events", {"actor": hostile}),
        ("/api/timeline", {"actor": [hostile, "USA"]}),
        ("/api/events", {"q": hostile}),
        ("/api/actors", {"q": hostile}),
        (f"/api/events/{hostile}", None),
        (f"/api/documents/{hostile}", None),
        ("/api/dyads", {"actor": hostile}),
    ]:
        response = client.get(url, params=params)
        assert response.status_code in (200, 404, 422), (url, response.text)
        if response.status_code == 200:
            assert response.json().get("items", []) == []
    with Store.open(demo_db, read_only=True) as store:
        assert store.stats().events > 0


# -- dyads, actors, one event, one document --------------------------------------------
def test_dyads_are_ranked_and_the_first_is_the_busiest(
    client: TestClient, dyad: tuple[str, str]
) -> None:
    items = get(client, "/api/dyads", {"limit": 5})["items"]
    assert (items[0]["a"], items[0]["b"]) == dyad
    assert [d["events"] for d in items] == sorted((d["events"] for d in items), reverse=True)


def test_dyad_summary_counts_every_dated_event_by_month_and_quad(
    client: TestClient, dyad: tuple[str, str]
) -> None:
    a, b = dyad
    body = get(client, f"/api/dyads/{b.lower()}/{a}/summary")
    timeline = get(client, "/api/timeline", {"actor": [a, b]})["items"]
    dated = [e for e in timeline if e["date_start"]]
    assert body["total"] == len(timeline)
    assert body["undated"] == len(timeline) - len(dated)
    assert sum(m["events"] for m in body["months"]) == len(dated)
    for month in body["months"]:
        assert sum(month["quads"].values()) <= month["events"]
        in_month = [e for e in dated if e["date_start"].startswith(month["month"])]
        assert len(in_month) == month["events"]
    assert [m["month"] for m in body["months"]] == sorted(m["month"] for m in body["months"])


def test_actor_search_finds_names_and_codes(client: TestClient, dyad: tuple[str, str]) -> None:
    by_code = get(client, "/api/actors", {"q": dyad[0].lower()})["items"]
    assert by_code and all(
        a["country"] == dyad[0] or dyad[0].lower() in a["name"].lower() for a in by_code
    )
    name = by_code[0]["name"]
    assert name in [a["name"] for a in get(client, "/api/actors", {"q": name[:4]})["items"]]


def test_an_event_comes_with_its_sentence_located_in_its_article(client: TestClient) -> None:
    first = get(client, "/api/events", {"limit": 1})["items"][0]
    body = get(client, f"/api/events/{first['event_id']}")
    event, article = body["event"], body["article"]
    assert event["id"] == first["event_id"]
    evidence = event["evidence"]
    assert article["text"][evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert event["article"]["id"] == article["id"]
    assert set(event) >= {
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
    for report in body["reports"]:
        assert report["event_id"] != event["id"]


def test_reports_of_one_event_point_at_their_own_sentences(client: TestClient) -> None:
    items = get(client, "/api/events", {"limit": 500})["items"]
    found = 0
    for item in items:
        body = get(client, f"/api/events/{item['event_id']}")
        for report in body["reports"]:
            doc = get(client, f"/api/documents/{report['article_id']}")
            text = doc["article"]["text"]
            assert text[report["sentence_start"] : report["sentence_end"]] == report["sentence"]
            found += 1
        if found >= 3:
            break
    assert found > 0, "the sample corpus reports some event more than once"


def test_a_document_lists_its_events_with_offsets(client: TestClient) -> None:
    first = get(client, "/api/events", {"limit": 1})["items"][0]
    body = get(client, f"/api/documents/{first['article_id']}")
    text = body["article"]["text"]
    assert first["event_id"] in [e["event_id"] for e in body["events"]]
    for e in body["events"]:
        assert text[e["sentence_start"] : e["sentence_end"]] == e["sentence"]
        if e["trigger_start"] >= 0:
            assert text[e["trigger_start"] :].startswith(e["trigger"])
    for start, end in body["article"]["paragraphs"]:
        assert 0 <= start <= end <= len(text)


# -- extraction ----------------------------------------------------------------------
ARTICLE = (
    "PARIS — French President Emmanuel Macron will visit India from Feb. 10-12, his office "
    "said on Sunday. Macron and Prime Minister Narendra Modi will sign agreements on defence."
)


def test_extract_codes_a_small_article_as_the_design_json(client: TestClient) -> None:
    response = client.post(
        "/api/extract", json={"text": ARTICLE, "published": "2026-02-01", "title": "Visit"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["article"]["text"] == ARTICLE
    assert body["article"]["published"] == "2026-02-01"
    visits = [e for e in body["events"] if e["type"] == "CONSULT"]
    assert visits, body["events"]
    visit = visits[0]
    assert visit["status"] == "planned"
    assert visit["date"]["start"] == "2026-02-10"
    assert {a["country"] for a in visit["actor"]} == {"FRA"}
    ev = visit["evidence"]
    assert ARTICLE[ev["start"] : ev["end"]] == ev["sentence"]


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": ARTICLE, "html": "<p>x</p>"},
        {"text": ""},
        {"text": ARTICLE, "published": "not a date"},
        {"text": ARTICLE, "surprise": 1},
    ],
)
def test_extract_refuses_malformed_bodies_with_422(client: TestClient, body: Any) -> None:
    response = client.post("/api/extract", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["message"]


def test_extract_refuses_a_body_over_the_limit_with_413(client: TestClient) -> None:
    big = json.dumps({"text": "word " * 500_000}).encode()
    assert len(big) > 2_000_000
    response = client.post(
        "/api/extract", content=big, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert "bytes" in response.json()["message"]


def test_extract_counts_a_streamed_body_without_a_length(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(300):
            yield b"x" * 10_000
        yield b'"}'

    response = client.post(
        "/api/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


# -- the page and its headers ----------------------------------------------------------
def test_every_response_carries_a_strict_csp_and_nosniff(client: TestClient) -> None:
    for url in ["/", "/static/app.js", "/api/health", "/api/events/nope"]:
        response = client.get(url)
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"


def test_the_page_and_its_assets_come_from_the_package(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<script>" not in page.text  # no inline script: everything is a /static file
    for asset in ["app.js", "timeline.js", "chart.js", "panel.js", "dom.js", "state.js", "app.css"]:
        response = client.get(f"/static/{asset}")
        assert response.status_code == 200, asset
        assert "http://" not in response.text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in response.text
        assert ".innerHTML" not in response.text and "insertAdjacentHTML" not in response.text


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    paths = get(client, "/openapi.json")["paths"]
    assert set(paths) >= {
        "/api/events",
        "/api/timeline",
        "/api/dyads",
        "/api/dyads/{a}/{b}/summary",
        "/api/actors",
        "/api/events/{event_id}",
        "/api/documents/{article_id}",
        "/api/extract",
        "/api/health",
    }


def test_a_missing_store_is_a_503_not_a_crash(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "absent.duckdb"), Settings())) as c:
        response = c.get("/api/health")
    assert response.status_code == 503
    assert "no store" in response.json()["message"]
