"""Scraped text: header, headline, credits and timestamps become metadata; furniture goes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.ingest.article import to_article
from dateline.ingest.sniff import TEXT
from dateline.ingest.text import agency_in, parse_text
from dateline.records import RawDocument

# An invented page in the shape scraped news pages take (no real page's wording).
PAGE = """\
   date 2024-11-12 Home Sections Search
Lakeland council approves new river bridge

REUTERS |
Nov 12, 2024 06:15 AM CET

The council voted 9-2 on Tuesday to fund a second bridge across the Vell river.

Mayor Ana Ortiz stands on the old bridge in Lakeland, Nov. 3, 2024.(Reuters)
Mayor Ana Ortiz stands on the old bridge in Lakeland, Nov. 3, 2024.(Reuters)

The council voted 9-2 on Tuesday to fund a second bridge across the Vell river.

Construction is due to begin in March and to last two years, Ortiz told reporters.

Catch the latest headlines, live updates and top stories from around the region on our app
Home / Regional / Lakeland council approves new river bridge
"""


def test_header_line_gives_the_date_and_is_not_body() -> None:
    page = parse_text(PAGE)
    assert page.published == date(2024, 11, 12)
    body = "\n".join(b.text for b in page.blocks)
    assert "Sections" not in body and "2024-11-12" not in body


def test_headline_becomes_the_title() -> None:
    page = parse_text(PAGE)
    assert page.title == "Lakeland council approves new river bridge"
    assert all(b.text != page.title for b in page.blocks)


def test_a_given_title_wins_and_its_line_is_still_removed() -> None:
    page = parse_text(PAGE, title="Bridge vote")
    assert page.title == "Bridge vote"
    assert all("approves new river bridge" not in b.text for b in page.blocks)


def test_credit_and_timestamp_lines_are_metadata() -> None:
    page = parse_text(PAGE)
    assert page.byline == "REUTERS"
    assert page.agency == "REUTERS"
    body = "\n".join(b.text for b in page.blocks)
    assert "06:15" not in body and "REUTERS |" not in body


def test_promo_and_breadcrumb_lines_are_removed() -> None:
    body = "\n".join(b.text for b in parse_text(PAGE).blocks)
    assert "Catch the latest" not in body
    assert "Home / Regional" not in body


def test_repeated_caption_and_lede_are_kept_once_in_first_position() -> None:
    texts = [b.text for b in parse_text(PAGE).blocks]
    lede = "The council voted 9-2 on Tuesday to fund a second bridge across the Vell river."
    caption = "Mayor Ana Ortiz stands on the old bridge in Lakeland, Nov. 3, 2024.(Reuters)"
    assert texts.count(lede) == 1 and texts.count(caption) == 1
    assert texts.index(lede) == 0 and texts.index(caption) == 1
    assert texts[-1].startswith("Construction is due")


def test_timestamp_gives_the_date_when_there_is_no_header() -> None:
    page = parse_text(
        "Storm closes ports\n\nBy Lena Fischer\n14 March 2023 10:02\n\n"
        "The harbour authority closed three ports on Tuesday as the storm approached.\n"
    )
    assert page.published == date(2023, 3, 14)
    assert page.byline == "Lena Fischer"
    assert page.title == "Storm closes ports"


def test_text_that_starts_with_a_sentence_has_no_headline() -> None:
    page = parse_text("The port reopened on Monday after the storm.\n\nShips queued outside.")
    assert page.title is None
    assert page.blocks[0].text.startswith("The port reopened")


def test_hard_wrapped_lines_are_joined_into_one_paragraph() -> None:
    text = (
        "The finance ministry said on Friday that the deficit had narrowed\n"
        "to 3.1 percent of output, better than forecast by most analysts.\n\n"
        "Bond yields fell after the figures were released."
    )
    page = parse_text(text)
    assert len(page.blocks) == 2
    assert page.blocks[0].text.endswith("analysts.")


@pytest.mark.parametrize(
    ("byline", "agency"),
    [
        ("PTI", "PTI"),
        ("By Jane Doe, Reuters", "Reuters"),
        ("Staff | Associated Press", "AP"),
        ("Jane Doe", None),
        ("NWA", "NWA"),
        ("By Ana Ruiz, Northern Wire", "Northern Wire"),
        (None, None),
    ],
)
def test_agency_found_in_byline(byline: str | None, agency: str | None) -> None:
    assert agency_in(byline) == agency


def test_scraped_text_article_has_consistent_paragraph_offsets() -> None:
    raw = RawDocument(source="page.txt", content=PAGE.encode(), media_type=TEXT)
    article = to_article(raw, Settings())
    assert article.title == "Lakeland council approves new river bridge"
    assert article.source == "REUTERS"
    assert article.origin == "page.txt"
    for start, end in article.paragraphs:
        assert article.text[start:end].strip() == article.text[start:end]
    assert "\n\n".join(article.text[s:e] for s, e in article.paragraphs) == article.text


def test_seed_page(shared_dir: Path) -> None:
    seed = shared_dir / "seed" / "000_d2ec62d80f1d1177.txt"
    if not seed.is_file():
        pytest.skip(f"seed page not found at {seed}")
    raw = RawDocument(source=str(seed), content=seed.read_bytes(), media_type=TEXT)
    article = to_article(raw, Settings())
    assert article.title == "China's Xi Jinping to pay official visit to Russia"
    assert article.published == date(2025, 5, 4)
    assert article.byline is not None and "PTI" in article.byline
    for furniture in ("Menu", "Explore", "Read breaking news", "News / World News"):
        assert furniture not in article.text
    paragraphs = [article.text[s:e] for s, e in article.paragraphs]
    caption = next(p for p in paragraphs if p.endswith("(AP)"))
    lede = paragraphs[0]
    assert article.text.count(caption) == 1
    assert article.text.count(lede) == 1


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe and Li Wei, Reuters", "Jane Doe and Li Wei, Reuters"),
        ("Written by Ana de la Cruz |", "Ana de la Cruz"),
        ("AFP |", "AFP"),
        ("Staff Reporter | Northern Herald", "Staff Reporter | Northern Herald"),
        ("By Jane Doe | Lisbon correspondent", "Jane Doe | Lisbon correspondent"),
    ],
)
def test_credit_lines_become_the_byline(line: str, byline: str) -> None:
    page = parse_text(f"Ports reopen after storm\n\n{line}\n\nShips left the harbour on Monday.")
    assert page.byline == byline
    assert all(b.text != line for b in page.blocks)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, prices had risen by a third.",
        "By 2030 the grid will run on renewables, the minister said.",
        "Revenue | 2023 | 2024",
    ],
)
def test_body_lines_that_look_like_credits_stay(line: str) -> None:
    page = parse_text(f"Ports reopen after storm\n\n{line}\n\nShips left the harbour on Monday.")
    assert page.byline is None
    assert any(b.text == line for b in page.blocks)
