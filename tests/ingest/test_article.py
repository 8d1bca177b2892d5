"""RawDocument -> Article: ids, sources, limits and errors."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.config import Settings
from dateline.errors import DecodeError, EmptyInputError, UnsupportedInputError
from dateline.ingest.article import to_article
from dateline.ingest.sniff import ARTICLE, TEXT, raw_from_content
from dateline.pipeline import article_id
from dateline.records import RawDocument

CLEAN = "  First paragraph, with its spacing kept.\n\nSecond paragraph.\n"


def test_clean_text_is_taken_unchanged_with_given_metadata() -> None:
    raw = RawDocument(
        source="rows.jsonl:3",
        content=CLEAN,
        media_type=ARTICLE,
        id="given-id",
        url="https://news.example/a",
        title="Given title",
        published=date(2021, 1, 2),
        source_name="Example Wire",
    )
    article = to_article(raw, Settings())
    assert article.text == CLEAN
    assert article.id == "given-id"
    assert article.source == "Example Wire"
    assert (article.title, article.published, article.origin) == (
        "Given title",
        date(2021, 1, 2),
        "rows.jsonl:3",
    )
    assert [CLEAN[s:e] for s, e in article.paragraphs] == [
        "First paragraph, with its spacing kept.",
        "Second paragraph.",
    ]


def test_id_is_derived_from_text_and_url_when_not_given() -> None:
    raw = RawDocument(source="s", content=CLEAN, media_type=ARTICLE, url="https://n.example/b")
    article = to_article(raw, Settings())
    assert article.id == article_id(CLEAN, "https://n.example/b")
    assert article.source == "n.example"


def test_default_source_is_the_last_fallback() -> None:
    raw = RawDocument(source="s", content="Plain words here.", media_type=ARTICLE)
    assert to_article(raw, Settings(default_source="desk")).source == "desk"


def test_text_is_cut_to_the_limit_at_a_paragraph_or_word_boundary() -> None:
    body = "\n\n".join(f"Paragraph number {i} says something about the talks." for i in range(50))
    raw = RawDocument(source="long.txt", content=body, media_type=TEXT)
    article = to_article(raw, Settings(max_text_chars=200))
    assert len(article.text) <= 200
    assert article.paragraphs[-1][1] == len(article.text)
    assert not article.text.endswith(" ")


def test_api_text_goes_through_the_text_cleaner() -> None:
    raw = raw_from_content(
        "Talks resume in Oslo\n\nBy Per Holm\n\nNegotiators met again on Monday in Oslo.",
        source="<text>",
        published="2024-02-02",
    )
    article = to_article(raw, Settings())
    assert article.title == "Talks resume in Oslo"
    assert article.byline == "Per Holm"
    assert article.published == date(2024, 2, 2)
    assert article.text == "Negotiators met again on Monday in Oslo."


@pytest.mark.parametrize(
    ("raw", "error", "message"),
    [
        (RawDocument("a", b"", TEXT), EmptyInputError, "empty"),
        (RawDocument("b", "   \n ", ARTICLE), EmptyInputError, "empty"),
        (RawDocument("c", b"\x00\x01\x02binary", TEXT), DecodeError, "binary"),
        (RawDocument("d", "x", "application/pdf"), UnsupportedInputError, "application/pdf"),
        (RawDocument("e", b"\xff\xfe\x00\xd8", TEXT), DecodeError, "utf-16"),
    ],
)
def test_errors_name_the_source_and_the_problem(
    raw: RawDocument, error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        to_article(raw, Settings())
    assert getattr(info.value, "source", None) == raw.source
    assert message in str(info.value)
