"""HTML pages: trafilatura body, htmldate date, meta-tag metadata, furniture removed."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.config import Settings
from dateline.errors import EmptyInputError
from dateline.ingest.article import to_article
from dateline.ingest.html import extract_html
from dateline.ingest.sniff import HTML
from dateline.records import RawDocument

BODY = [
    "The northern province held a referendum on Sunday on whether to join the federal "
    "water compact, with turnout above sixty percent according to the electoral board.",
    "Preliminary results published overnight showed a narrow majority in favour, and the "
    "provincial governor said she would sign the accession papers within two weeks.",
    "Opposition parties said they would challenge the count in three districts where "
    "observers reported missing ballot boxes and delays at polling stations.",
    "The compact, first agreed in 1998, sets shared limits on river extraction for "
    "farming and industry and creates a joint commission to settle disputes.",
    "Farmers' unions in the south welcomed the result, saying it would end years of "
    "uncertainty over irrigation quotas during the dry season.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Province votes to join water compact | The Daily Ledger</title>
<meta property="og:title" content="Province votes to join water compact | The Daily Ledger">
<meta property="og:site_name" content="The Daily Ledger">
<meta name="author" content="Marta Quill">
<meta property="article:published_time" content="2023-06-04T18:20:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Province votes to join water compact</h1>
<p class="byline">By Marta Quill</p>
<p>{BODY[0]}</p>
<figure><img src="/img/polls.jpg"><figcaption>Voters queue outside a polling station in the
provincial capital on Sunday. (Photo: Lee Arden/Ledger Wire)</figcaption></figure>
<p>Voters queue outside a polling station in the provincial capital on Sunday.
(Photo: Lee Arden/Ledger Wire)</p>
<p>{BODY[1]}</p>
<p>Sign up for our morning newsletter to get the news in your inbox.</p>
<p>{BODY[2]}</p>
<p>{BODY[0]}</p>
<p>{BODY[3]}</p>
<h3>Related stories</h3>
<ul>
<li><a href="/a">Drought hits southern farms</a></li>
<li><a href="/b">Governor outlines water plan</a></li>
<li><a href="/c">River levels at record low</a></li>
</ul>
<p>{BODY[4]}</p>
<p>Follow us on Twitter and Facebook for more updates.</p>
</article>
<footer><p>Copyright 2023 The Daily Ledger. All rights reserved.</p></footer>
</body></html>
"""


@pytest.fixture(scope="module")
def article_text() -> str:
    raw = RawDocument(source="page.html", content=PAGE.encode(), media_type=HTML)
    return to_article(raw, Settings()).text


def test_metadata_comes_from_meta_tags_and_htmldate() -> None:
    page = extract_html(PAGE.encode(), source="page.html", url="https://ledger.example/x")
    assert page.title == "Province votes to join water compact"
    assert page.byline == "Marta Quill"
    assert page.site_name == "The Daily Ledger"
    assert page.published == date(2023, 6, 4)


def test_body_paragraphs_are_kept_in_order(article_text: str) -> None:
    paragraphs = article_text.split("\n\n")
    assert paragraphs == BODY


@pytest.mark.parametrize(
    "furniture",
    ["Photo: Lee Arden", "newsletter", "Related stories", "Drought hits", "Follow us", "Copyright"],
)
def test_furniture_is_removed(article_text: str, furniture: str) -> None:
    assert furniture not in article_text


def test_repeated_paragraph_is_kept_once(article_text: str) -> None:
    assert article_text.count(BODY[0]) == 1


def test_article_fields_from_a_page() -> None:
    raw = RawDocument(
        source="page.html", content=PAGE.encode(), media_type=HTML, url="https://ledger.example/x"
    )
    article = to_article(raw, Settings())
    assert article.source == "The Daily Ledger"
    assert article.url == "https://ledger.example/x"
    assert article.origin == "page.html"
    assert article.language == "en"
    assert [article.text[s:e] for s, e in article.paragraphs] == BODY


def test_site_name_falls_back_to_the_url_host() -> None:
    page = PAGE.replace('<meta property="og:site_name" content="The Daily Ledger">', "")
    raw = RawDocument(
        source="p.html", content=page, media_type=HTML, url="https://www.ledger.example/x"
    )
    assert to_article(raw, Settings()).source == "ledger.example"


def test_short_page_still_yields_its_text() -> None:
    raw = RawDocument(
        source="short.html",
        content="<html><body><p>The talks resumed in Geneva on Monday.</p></body></html>",
        media_type=HTML,
    )
    assert to_article(raw, Settings()).text == "The talks resumed in Geneva on Monday."


def test_page_without_text_is_empty_input() -> None:
    raw = RawDocument(source="e.html", content="<html><body></body></html>", media_type=HTML)
    with pytest.raises(EmptyInputError) as info:
        to_article(raw, Settings())
    assert info.value.source == "e.html"


def test_declared_charset_is_used_for_bytes() -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body><p>'
        "Le ministre a d\u00e9clar\u00e9 que la r\u00e9forme serait vot\u00e9e en juin."
        "</p></body></html>"
    )
    raw = RawDocument(source="fr.html", content=page.encode("latin-1"), media_type=HTML)
    assert "d\u00e9clar\u00e9" in to_article(raw, Settings()).text


@pytest.mark.parametrize(
    ("author_markup", "expected"),
    [
        ('<p class="byline">By Jane Roe</p>', "Jane Roe"),
        ('<a rel="author" href="/staff/jr">Jane Roe @janeroe Oct 3, 2023</a>', "Jane Roe"),
        ('<span itemprop="author">By Jane Roe | Staff</span>', "Jane Roe"),
    ],
)
def test_visible_byline_is_found_without_author_meta(author_markup: str, expected: str) -> None:
    page = PAGE.replace('<meta name="author" content="Marta Quill">', "").replace(
        '<p class="byline">By Marta Quill</p>', author_markup
    )
    assert extract_html(page, source="p.html").byline == expected


def test_site_name_given_as_a_url_becomes_a_host() -> None:
    page = PAGE.replace('content="The Daily Ledger">', 'content="https://www.ledger.example/">')
    assert extract_html(page, source="p.html").site_name == "ledger.example"


def test_utf8_page_with_a_stale_latin1_declaration_is_read_as_utf8() -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body><p>'
        "The caf\u00e9 in S\u00e3o Paulo reopened on Monday, its owner said.</p></body></html>"
    )
    raw = RawDocument(source="u.html", content=page.encode("utf-8"), media_type=HTML)
    assert "caf\u00e9 in S\u00e3o Paulo" in to_article(raw, Settings()).text
