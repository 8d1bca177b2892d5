"""The times stage: wiring and what it assigns."""

from __future__ import annotations

from datetime import date

from dateline.config import Settings
from dateline.nlp import make_doc
from dateline.pipeline import DocState, Stage, check_wiring
from dateline.records import Article
from dateline.registry import builtin_registry
from dateline.time.stage import TimesStage

TEXT = "The envoy will visit Moscow from May 7–10, the ministry confirmed Sunday."


def article(published: date | None) -> Article:
    return Article(
        id="a1",
        url=None,
        source=None,
        title=None,
        published=published,
        byline=None,
        language="en",
        text=TEXT,
        paragraphs=((0, len(TEXT)),),
    )


def test_the_stage_declares_what_it_reads_and_writes() -> None:
    stage = TimesStage(Settings())
    assert isinstance(stage, Stage)
    assert (stage.name, stage.requires, stage.assigns) == ("times", ("doc",), ("times",))
    check_wiring([stage])


def test_the_registry_builds_it_by_name() -> None:
    assert isinstance(builtin_registry().create("times", Settings()), TimesStage)


def test_it_assigns_the_article_times_anchored_on_publication() -> None:
    state = DocState(article=article(date(2025, 5, 4)), doc=make_doc(["x"]), settings=Settings())
    out = TimesStage(Settings())(state)
    assert [(t.text, t.start_date, t.end_date) for t in out.times] == [
        ("May 7–10", date(2025, 5, 7), date(2025, 5, 10)),
        ("Sunday", date(2025, 5, 4), date(2025, 5, 4)),
    ]
    assert out.article is state.article


def test_without_a_publication_date_relative_times_are_unanchored() -> None:
    state = DocState(article=article(None), doc=make_doc(["x"]), settings=Settings())
    out = TimesStage(Settings())(state)
    assert [t.value for t in out.times] == ["XXXX-05-07", "XXXX-WXX-7"]
