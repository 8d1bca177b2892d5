"""Furniture rules: captions, promos, chrome, timestamps, link lists and repeats."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest.blocks import Block, join_blocks, split_paragraphs
from dateline.ingest.furniture import (
    clean_blocks,
    is_caption,
    is_chrome,
    is_promo,
    is_timestamp,
)

LONG = (
    "The central bank kept its main rate unchanged on Wednesday, saying inflation had "
    "eased but remained above target, and signalled that cuts were unlikely before spring."
)


@pytest.mark.parametrize(
    "text",
    [
        "Rescue workers search the rubble in the old town on Monday. (AP Photo/Sam Reyes)",
        "Delegates arrive for the summit in Nairobi, Kenya, March 3, 2024.(Reuters)",
        "The new ferry leaves the harbour at dawn. Photo: Jo Lind/Northern Wire",
        "Protesters gather outside parliament.Getty Images",
        "Firefighters at the scene in Lyon / AFP via Getty Images",
    ],
)
def test_photo_captions_are_recognised(text: str) -> None:
    assert is_caption(text)


@pytest.mark.parametrize(
    "text",
    [
        LONG,
        "The deal was signed in Rome (Italy).",
        "More than 300 people were flown home on Friday, officials said. PTI",
        "Prices rose 2 percent (year on year), the statistics office said.",
    ],
)
def test_body_sentences_are_not_captions(text: str) -> None:
    assert not is_caption(text)


@pytest.mark.parametrize(
    "text",
    [
        "Read more: Five things to know about the vote",
        "Also read | Opposition names new leader",
        "Sign up for our daily briefing newsletter.",
        "Follow us on Instagram for more updates",
        "Click here to watch the full interview",
        "Catch all the political news and live updates on our website and app, "
        "along with the latest results from every district, the polls and expert analysis.",
        "Advertisement",
        "Copyright 2024 Example Media. All rights reserved.",
        "Thanks for signing up!",
    ],
)
def test_promos_are_recognised(text: str) -> None:
    assert is_promo(text) or is_chrome(text)


@pytest.mark.parametrize(
    "text",
    [
        LONG,
        "Read the room, she told her colleagues, before the vote.",
        "Officials said they would follow the plan agreed in May.",
        "Join the protest today, the organisers told supporters.",
        "Get vaccinated now, the health minister urged on Friday.",
        "If you buy a home this year, mortgage rates will be higher.",
    ],
)
def test_body_text_is_not_promo(text: str) -> None:
    assert not is_promo(text) and not is_chrome(text)


@pytest.mark.parametrize("text", ["Share", "Print Article", "Sign in", "Menu Explore Search"])
def test_page_chrome_is_recognised(text: str) -> None:
    assert is_chrome(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 04, 2025 08:41 PM IST", True),
        ("Updated: 12 March 2024, 10:15", True),
        ("2019-11-19T08:57:40+01:00", True),
        ("Tuesday, Oct. 1, 2024", True),
        ("October 18, 2023 \u2014 16:30 IDT", True),
        ("Meal 1", False),
        ("May 4 was a quiet day in the capital.", False),
    ],
)
def test_timestamp_lines(text: str, expected: bool) -> None:
    assert is_timestamp(text) is expected


def test_link_lists_and_leading_headings_are_dropped() -> None:
    blocks = [
        Block("head", "A headline that is metadata"),
        Block("p", LONG),
        Block("item", "Other story one", link_chars=15, group=1),
        Block("item", "Other story two", link_chars=15, group=1),
        Block("item", "A plain list item that is part of the story", group=2),
    ]
    kept = clean_blocks(blocks)
    assert [b.text for b in kept] == [LONG, "A plain list item that is part of the story"]


def test_list_heading_skips_until_body_resumes() -> None:
    blocks = [
        Block("p", LONG),
        Block("head", "More from World"),
        Block("p", "Floods hit the coast"),
        Block("p", "Minister resigns over leak"),
        Block("p", "The bank will publish its next decision on June 12, officials said."),
    ]
    kept = [b.text for b in clean_blocks(blocks)]
    assert kept == [LONG, blocks[-1].text]


def test_repeats_keep_the_first_occurrence_but_structure_labels_stay() -> None:
    blocks = [
        Block("p", LONG),
        Block("p", "Question: what comes next?"),
        Block("p", LONG.upper()),
        Block("p", "Question: what comes next?"),
        Block("p", "Question: what comes next?"),
    ]
    kept = [b.text for b in clean_blocks(blocks)]
    assert kept.count(LONG) == 1 and LONG.upper() not in kept
    assert kept.count("Question: what comes next?") == 3


def test_title_heading_is_not_body() -> None:
    blocks = [Block("p", LONG), Block("head", "Bank holds rates")]
    assert [b.text for b in clean_blocks(blocks, title="Bank holds rates")] == [LONG]


_para = (
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Zl", "Zp", "Cc")),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@given(st.lists(_para, max_size=8), st.integers(min_value=1, max_value=300))
def test_join_blocks_offsets_point_at_paragraphs(paragraphs: list[str], limit: int) -> None:
    text, spans = join_blocks([Block("p", p) for p in paragraphs], limit)
    assert len(text) <= limit
    assert "\n\n".join(text[s:e] for s, e in spans) == text
    for (s, e), p in zip(spans, paragraphs, strict=False):
        assert p.startswith(text[s:e])


@given(st.lists(_para.filter(lambda p: "\n" not in p), max_size=8))
def test_split_paragraphs_finds_blank_line_separated_paragraphs(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    assert [text[s:e] for s, e in split_paragraphs(text)] == paragraphs
