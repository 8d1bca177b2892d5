"""A syndicated copy is coded once: it reuses the original's events under its own id."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.config import Settings
from dateline.pipeline import Pipeline, article_id
from dateline.records import Article, Extraction

pytestmark = pytest.mark.slow

STORY = (
    "Japanese Prime Minister Fumio Kishida will visit India on March 19, the foreign "
    "ministry said on Tuesday.\n\nKishida and Indian Prime Minister Narendra Modi are "
    "expected to sign agreements on trade, defence and clean energy during the two-day trip, "
    "officials in both capitals said. The two leaders last met in Hiroshima in May last year "
    "on the sidelines of a summit of the Group of Seven."
)


def _article(text: str, url: str) -> Article:
    paragraphs = []
    pos = 0
    for part in text.split("\n\n"):
        paragraphs.append((pos, pos + len(part)))
        pos += len(part) + 2
    return Article(
        id=article_id(text, url),
        url=url,
        source=None,
        title=None,
        published=date(2023, 3, 7),
        byline=None,
        language="en",
        text=text,
        paragraphs=tuple(paragraphs),
    )


def test_a_verbatim_wire_copy_reuses_the_original_events(pipeline: object) -> None:
    assert isinstance(pipeline, Pipeline)
    original = _article(STORY, "https://one.example/story")
    copy = _article("TOKYO (Wire) — " + STORY, "https://two.example/story")
    out = [r for r in pipeline.process_articles([original, copy]) if isinstance(r, Extraction)]
    assert len(out) == 2
    first, second = out
    assert first.events, "the original should be coded"
    assert len(second.events) == len(first.events)
    assert all(e.id.startswith(copy.id) for e in second.events)
    for e in second.events:
        assert copy.text[e.evidence.start : e.evidence.end] == e.evidence.sentence
    assert any(d.stage == "dedup" for d in second.diagnostics)


def test_dedup_can_be_switched_off() -> None:
    pipe = Pipeline(Settings(dedup=False))
    original = _article(STORY, "https://one.example/story")
    copy = _article("TOKYO (Wire) — " + STORY, "https://two.example/story")
    out = [r for r in pipe.process_articles([original, copy]) if isinstance(r, Extraction)]
    assert not any(d.stage == "dedup" for r in out for d in r.diagnostics)
