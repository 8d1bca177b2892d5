"""The web page in a real browser: Playwright driving the system's Chromium (never a
downloaded one). Skips with a message when Chromium or Playwright is missing.

The screenshot goes to tests/serve/artifacts/timeline.png; the folder ignores itself (it
gets a ``.gitignore`` of ``*``), so nothing there is ever committed.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

pytestmark = pytest.mark.slow

pytest.importorskip("fastapi", reason="fastapi is not installed (pip install -e '.[dev]')")
pytest.importorskip("uvicorn", reason="uvicorn is not installed (pip install -e '.[dev]')")

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _chromium() -> str:
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )
    if found is None:
        pytest.skip("no Chromium here (Debian: apt-get install chromium); browser tests skipped")
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Server:
    """uvicorn serving one store on 127.0.0.1 and a free port, in a thread."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from dateline.config import Settings
        from dateline.serve import create_app

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            create_app(str(db), Settings()), host="127.0.0.1", port=self.port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def server(demo_db: Path) -> Iterator[Server]:
    with Server(demo_db) as s:
        yield s


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    # Console errors include CSP violations: the page must cause none.
    pg.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    pg.problems = problems
    yield pg
    context.close()


def api(server: Server, path: str, **params: Any) -> Any:
    import httpx

    return httpx.get(server.url + path, params=params, timeout=10).json()


def wait_loaded(page: Any, after: int = 0) -> int:
    """Wait for the page's load counter to pass ``after`` (a selector: the page's CSP
    forbids the string evaluation that wait_for_function would need)."""
    page.wait_for_selector(f'body[data-loaded]:not([data-loaded="{after}"])', timeout=15_000)
    return int(page.get_attribute("body", "data-loaded"))


def test_page_opens_on_the_busiest_dyad_and_draws_its_events(page: Any, server: Server) -> None:
    page.goto(server.url + "/")
    wait_loaded(page)
    top = api(server, "/api/dyads", limit=1)["items"][0]
    query = parse_qs(urlparse(page.url).query)
    assert query["actor"] == [top["a"], top["b"]]
    expected = api(server, "/api/timeline", actor=[top["a"], top["b"]])["items"]
    dated = {e["event_id"] for e in expected if e["date_start"] or e["date_end"]}
    drawn = page.eval_on_selector_all(
        ".timeline-svg .mark", "els => els.map(e => e.getAttribute('data-id'))"
    )
    assert set(drawn) == dated and len(drawn) == len(dated)
    rows = page.eval_on_selector_all(
        "#events tbody tr", "els => els.map(e => e.getAttribute('data-id'))"
    )
    assert rows == [e["event_id"] for e in expected]
    assert page.is_visible("#dyad-chart svg")
    planned = [e["event_id"] for e in expected if e["status"] == "planned"]
    for event_id in planned:  # planned events are drawn hollow (white fill)
        fill = page.eval_on_selector(
            f'.mark[data-id="{event_id}"]', "e => getComputedStyle(e).fill"
        )
        assert fill == "rgb(255, 255, 255)"
    assert page.problems == []


def test_clicking_an_event_shows_its_sentence_highlighted(page: Any, server: Server) -> None:
    page.goto(server.url + "/")
    wait_loaded(page)
    mark = page.locator(".timeline-svg .mark").first
    event_id = mark.get_attribute("data-id")
    mark.click()
    page.wait_for_selector("#panel mark.evidence.active")
    detail = api(server, f"/api/events/{event_id}")
    highlighted = page.text_content("#panel mark.evidence.active")
    assert highlighted == detail["event"]["evidence"]["sentence"]
    assert parse_qs(urlparse(page.url).query)["event"] == [event_id]
    assert page.is_visible(f'#events tbody tr.selected[data-id="{event_id}"]')
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("*\n")  # screenshots are outputs, never committed
    page.screenshot(path=str(ARTIFACTS / "timeline.png"), full_page=True)
    assert (ARTIFACTS / "timeline.png").stat().st_size > 10_000
    assert page.problems == []


def test_every_report_opens_in_its_own_article_with_its_sentence_highlighted(
    page: Any, server: Server
) -> None:
    items = api(server, "/api/events", limit=500)["items"]
    detail = next(
        d for d in (api(server, f"/api/events/{e['event_id']}") for e in items) if d["reports"]
    )
    page.goto(f"{server.url}/?event={detail['event']['id']}")
    page.wait_for_selector("#panel mark.evidence.active")
    assert page.locator("#panel li.report").count() == len(detail["reports"])
    for report in detail["reports"]:
        item = f'#panel li.report[data-id="{report["event_id"]}"]'
        page.click(f"{item} summary")
        page.wait_for_selector(f"{item} mark.evidence.active")
        assert page.text_content(f"{item} mark.evidence.active") == report["sentence"]
    assert page.problems == []


def test_a_filter_narrows_the_list_and_lands_in_the_url(page: Any, server: Server) -> None:
    page.goto(server.url + "/")
    loaded = wait_loaded(page)
    page.fill("#f-actor", "")  # every event first
    page.click("#filters button[type=submit]")
    loaded = wait_loaded(page, loaded)
    before = page.locator("#events tbody tr").count()
    everything = api(server, "/api/timeline")["items"]
    assert before == min(len(everything), 200)
    counts = Counter(e["type"] for e in everything)
    kind = next(t for t, n in counts.most_common() if n < len(everything))
    page.select_option("#f-type", kind)
    page.click("#filters button[type=submit]")
    wait_loaded(page, loaded)
    expected = api(server, "/api/timeline", type=kind)["items"]
    rows = page.eval_on_selector_all(
        "#events tbody tr", "els => els.map(e => e.getAttribute('data-id'))"
    )
    assert rows == [e["event_id"] for e in expected]
    assert 0 < len(rows) < before
    assert parse_qs(urlparse(page.url).query)["type"] == [kind]
    assert page.problems == []


def test_a_shared_link_restores_filters_and_the_open_event(page: Any, server: Server) -> None:
    first = api(server, "/api/events", limit=1, type="CONSULT")["items"][0]
    page.goto(f"{server.url}/?type=CONSULT&q=&event={first['event_id']}")
    wait_loaded(page)
    page.wait_for_selector("#panel mark.evidence.active")
    assert page.input_value("#f-type") == "CONSULT"
    assert page.text_content("#panel mark.evidence.active") == first["sentence"]
    page.click("#panel .panel-foot .link-button")  # the whole document, all events marked
    page.wait_for_selector(f'#panel mark.evidence.active[data-id="{first["event_id"]}"]')
    assert parse_qs(urlparse(page.url).query)["doc"] == [first["article_id"]]
    assert page.problems == []


# -- hostile article text ------------------------------------------------------------
PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '<a href="javascript:window.__pwned=1">click</a>',
]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    from serve_factories import build_store

    text = (
        f"MOSCOW — Russian President Vladimir Putin will visit China on May 16, 2024, "
        f"the Kremlin said {PAYLOADS[0]} on Monday.\n\n"
        f"Putin and Chinese President Xi Jinping will sign a joint statement {PAYLOADS[1]} "
        f"in Beijing, officials said.\n\n"
        f"Russia accused Ukraine of attacking its border regions {PAYLOADS[2]} on Sunday."
    )
    record = {
        "id": "hostile0000000001",
        "url": "javascript:window.__pwned=1",
        "title": f"Putin to visit China {PAYLOADS[1]}",
        "published": "2024-05-13",
        "text": text,
    }
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "hostile.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return build_store(folder / "hostile.duckdb", [str(source)], pipeline)


def test_hostile_article_text_is_shown_as_text_and_never_runs(
    browser: Any, hostile_db: Path
) -> None:
    with Server(hostile_db) as srv:
        events = api(srv, "/api/events", limit=50)["items"]
        assert events, "the hostile article must code at least one event"
        context = browser.new_context()
        pg = context.new_page()
        dialogs: list[str] = []
        pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        urls = [f"/?event={e['event_id']}" for e in events]
        urls += [f"/?doc={events[0]['article_id']}", f"/?q={PAYLOADS[0]}"]
        for url in urls:
            pg.goto(srv.url + url)
            wait_loaded(pg)
            if "q=" not in url:
                pg.wait_for_selector("#panel .article-text")
                panel = pg.text_content("#panel")
                assert PAYLOADS[0] in panel and PAYLOADS[1] in panel  # literal, visible text
                live = pg.locator("#panel script, #panel img, #panel a[href^=javascript]")
                assert live.count() == 0  # no element was made from the text
            for sel in [".timeline-svg .mark", "#events tbody tr", "#panel mark.evidence"]:
                if pg.locator(sel).count():
                    pg.locator(sel).first.click()
            assert pg.evaluate("typeof window.__pwned") == "undefined", url
        assert dialogs == []
        context.close()
