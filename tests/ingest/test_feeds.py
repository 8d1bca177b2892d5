"""RSS and Atom feed files: one document per entry, with link, title, date and body."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.ingest.article import to_article
from dateline.ingest.feeds import looks_like_feed
from dateline.ingest.hinted import HintedDocument
from dateline.ingest.readers import read_inputs
from dateline.records import Failure, RawDocument

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example World News</title>
  <link>https://news.example/</link>
  <description>World news</description>
  <item>
    <title>Ministers meet in Oslo</title>
    <link>https://news.example/oslo</link>
    <dc:creator>Ana Lima</dc:creator>
    <pubDate>Tue, 04 Mar 2025 09:15:00 GMT</pubDate>
    <description>Ministers met in Oslo.</description>
    <content:encoded><![CDATA[<p>Foreign ministers from five countries met in Oslo on
      Tuesday to discuss fishing rights in the northern seas.</p>
      <p>They agreed to set up a joint commission before the summer.</p>]]></content:encoded>
  </item>
  <item>
    <title>Parliament delays vote</title>
    <link>https://news.example/vote</link>
    <description>The parliament delayed its vote on the budget.</description>
  </item>
  <item>
    <title>No body at all</title>
    <link>https://news.example/empty</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Wire</title>
  <id>urn:example:wire</id>
  <updated>2025-03-06T12:00:00Z</updated>
  <entry>
    <title>Envoy visits Nairobi</title>
    <id>urn:example:1</id>
    <link rel="alternate" href="https://wire.example/nairobi"/>
    <updated>2025-03-06T11:00:00Z</updated>
    <author><name>Wire Staff</name></author>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;The special envoy arrived in Nairobi on Thursday for
      two days of talks with the government.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Trade talks resume</title>
    <id>urn:example:2</id>
    <link href="https://wire.example/trade"/>
    <published>2025-03-05T08:00:00Z</published>
    <summary type="text">Trade talks resumed in Geneva.</summary>
  </entry>
</feed>
"""


def _docs(path: Path) -> list[RawDocument | Failure]:
    return list(read_inputs([str(path)], Settings()))


@pytest.mark.parametrize("suffix", [".rss", ".xml"])
def test_rss_entries_become_html_documents(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"world{suffix}"
    path.write_text(RSS)
    first, second, third = _docs(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.source, second.source) == (f"{path}#entry1", f"{path}#entry2")
    assert first.url == "https://news.example/oslo" and first.title == "Ministers meet in Oslo"
    assert first.published == date(2025, 3, 4) and first.byline == "Ana Lima"
    assert first.media_type == "text/html"
    assert isinstance(first.content, str) and "joint commission" in first.content
    assert second.published is None
    assert isinstance(third, Failure) and "no content or summary" in third.reason


def test_full_content_is_preferred_to_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "world.rss"
    path.write_text(RSS)
    first = _docs(path)[0]
    assert isinstance(first, RawDocument)
    article = to_article(first, Settings())
    assert "fishing rights" in article.text and "joint commission" in article.text
    assert article.published == date(2025, 3, 4) and article.url == "https://news.example/oslo"


def test_a_short_summary_alone_still_makes_an_article(tmp_path: Path) -> None:
    path = tmp_path / "world.rss"
    path.write_text(RSS)
    second = _docs(path)[1]
    assert isinstance(second, RawDocument)
    article = to_article(second, Settings())
    assert article.text == "The parliament delayed its vote on the budget."
    assert article.title == "Parliament delays vote"


def test_atom_entries_with_html_content_and_plain_summaries(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM)
    first, second = _docs(path)
    assert isinstance(first, HintedDocument) and isinstance(second, HintedDocument)
    assert first.url == "https://wire.example/nairobi" and first.byline == "Wire Staff"
    # Only an update time: a fallback, not the publication date.
    assert first.published is None and first.published_hint == date(2025, 3, 6)
    assert second.published == date(2025, 3, 5)
    first_article, second_article = (to_article(d, Settings()) for d in (first, second))
    assert "special envoy arrived in Nairobi" in first_article.text
    assert first_article.published == date(2025, 3, 6)
    assert second_article.text == "Trade talks resumed in Geneva."


def test_xml_that_is_not_a_feed_is_refused_when_named_and_skipped_in_a_directory(
    tmp_path: Path,
) -> None:
    other = tmp_path / "gold.xml"
    other.write_text("<?xml version='1.0'?><annotations><doc id='1'/></annotations>")
    (tmp_path / "news.xml").write_text(RSS)
    (item,) = _docs(other)
    assert isinstance(item, Failure) and "not an RSS or Atom feed" in item.reason
    sources = [i.source for i in read_inputs([str(tmp_path)], Settings())]
    assert sources == [f"{tmp_path / 'news.xml'}#entry{n}" for n in (1, 2, 3)]


def test_feed_without_entries_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.rss"
    path.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    (item,) = _docs(path)
    assert isinstance(item, Failure) and "no entries" in item.reason


def test_oversized_entry_is_a_failure_and_the_others_go_on(tmp_path: Path) -> None:
    path = tmp_path / "big.rss"
    path.write_text(RSS.replace("before the summer.", "before the summer. " * 200))
    items = list(read_inputs([str(path)], Settings(max_input_bytes=1500)))
    assert isinstance(items[0], Failure) and "too large" in items[0].reason
    assert isinstance(items[1], RawDocument)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<?xml version="1.0"?><rss version="2.0">', True),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', True),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>", True),
        (b"<html><body>rss feeds explained</body></html>", False),
        (b"<?xml version='1.0'?><TimeML>", False),
    ],
)
def test_feed_sniffing(head: bytes, expected: bool) -> None:
    assert looks_like_feed(head) is expected
