"""HTML pages -> body blocks and metadata.

trafilatura finds the main text (paragraph structure kept, comments off), htmldate the
original publication date (never fetching anything), meta tags the title, byline and site
name; :mod:`dateline.ingest.furniture` then removes the news furniture trafilatura keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from dateline.errors import DecodeError, EmptyInputError
from dateline.ingest.blocks import Block, BlockKind, normalize_space
from dateline.ingest.decode import check_text, decode_bytes
from dateline.ingest.furniture import clean_blocks

_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\u2013\u2014»·:]|-|::)\s+")
_BY_LINE = re.compile(r"^\s*(?:written\s+)?by\s+([A-Z][^\n]{1,80})$", re.I)
_SITE_WORDS = 4
_BYLINE_TAIL = re.compile(
    r"\s@\w|\s\|\s|\n|\s(?:updated|published|posted|on)\b|\s(?:jan|feb|mar|apr|may|jun|jul"
    r"|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\s\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}",
    re.I,
)
_NAME_AFTER_BY = re.compile(r"^[A-Z][\w.'’-]*(?:[ ,]+(?:and\s+)?[A-Z][\w.'’-]*){0,7}$")


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """What an HTML page yields before it becomes an Article."""

    blocks: tuple[Block, ...]
    title: str | None
    byline: str | None
    site_name: str | None
    published: date | None


def extract_html(content: str | bytes, *, source: str, url: str | None = None) -> HtmlArticle:
    """Body blocks and metadata of one page; EmptyInputError when it has no article text."""
    from trafilatura.utils import load_html

    if isinstance(content, bytes):
        text = decode_bytes(content, source=source, html=True)
    else:
        text = check_text(content, source=source)
    tree = load_html(text)
    if tree is None:
        raise DecodeError("cannot parse the HTML page", source=source)
    meta = _meta(tree)
    title = _title(tree, meta)
    byline = _byline(tree, meta)
    site = _site_name(meta) or site_from_url(url)
    published = _published(tree, url)
    # trafilatura prunes the tree it is given, so metadata is read first.
    blocks = _body_blocks(tree, url)
    blocks = clean_blocks(blocks, title=title)
    if not blocks:
        raise EmptyInputError("no article text found in the HTML page", source=source)
    return HtmlArticle(
        blocks=tuple(blocks), title=title, byline=byline, site_name=site, published=published
    )


# -- body -------------------------------------------------------------------------------


def _body_blocks(tree: Any, url: str | None) -> list[Block]:
    from trafilatura import bare_extraction, baseline

    document = bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        include_links=True,
        include_images=False,
        with_metadata=False,
    )
    body = getattr(document, "body", None)
    blocks = xml_blocks(body) if body is not None else []
    if blocks:
        return blocks
    # Short pages fall under trafilatura's size thresholds; take the plain paragraphs then.
    _, fallback, _ = baseline(tree)
    return [Block("p", t) for t in (normalize_space(p) for p in fallback.split("\n")) if t]


def xml_blocks(body: Any) -> list[Block]:
    """trafilatura's XML body (p, head, list/item, quote, table/row/cell) -> blocks."""
    out: list[Block] = []
    counter = [0]

    def add(kind: BlockKind, element: Any, group: int = -1) -> None:
        text, links = _element_text(element)
        text = normalize_space(text)
        if text:
            out.append(Block(kind, text, min(links, len(text)), group))

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag == "p":
                add("p", child)
            elif tag == "head":
                add("head", child)
            elif tag == "list":
                counter[0] += 1
                group = counter[0]
                for item in child.iter("item"):
                    add("item", item, group)
            elif tag == "quote":
                if any(grand.tag == "p" for grand in child):
                    for grand in child:
                        add("quote", grand)
                else:
                    add("quote", child)
            elif tag == "table":
                counter[0] += 1
                group = counter[0]
                for row in child.iter("row"):
                    cells = [normalize_space(_element_text(c)[0]) for c in row.iter("cell")]
                    links = sum(_element_text(c)[1] for c in row.iter("cell"))
                    text = " | ".join(c for c in cells if c)
                    if text:
                        out.append(Block("row", text, min(links, len(text)), group))
            elif tag in {"div", "section", "article"}:
                walk(child)
            elif tag not in {"graphic", "lb"}:
                add("p", child)

    walk(body)
    return out


def _element_text(element: Any) -> tuple[str, int]:
    """Text of an element (``lb`` as a line break) and how much of it sits in links."""
    parts: list[str] = []
    links = 0

    def visit(node: Any, in_link: bool) -> None:
        nonlocal links
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
            if in_link or node.tag == "ref":
                links += len(node.text.strip())
        for child in node:
            if child.tag in {"list", "table"} and node.tag == "item":
                continue
            visit(child, in_link or node.tag == "ref")
            if child.tail:
                parts.append(child.tail)
                if in_link or node.tag == "ref":
                    links += len(child.tail.strip())

    visit(element, False)
    return "".join(parts), links


# -- metadata ---------------------------------------------------------------------------


def _meta(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        value = element.get("content")
        key = key.strip().lower()
        if key and value and value.strip() and key not in found:
            found[key] = normalize_space(value).replace("\n", " ")
    return found


def _title(tree: Any, meta: dict[str, str]) -> str | None:
    for key in ("og:title", "twitter:title", "title", "headline"):
        if meta.get(key):
            return _strip_site(meta[key])
    h1 = tree.find(".//h1")
    if h1 is not None:
        text = normalize_space(h1.text_content()).replace("\n", " ")
        if text:
            return text
    element = tree.find(".//title")
    if element is not None and element.text:
        return _strip_site(normalize_space(element.text).replace("\n", " ")) or None
    return None


def _strip_site(title: str) -> str:
    """Drop a site name joined to the headline, as in "Headline | Site" or "Site - Headline"."""
    matches = list(_TITLE_SEPARATORS.finditer(title))
    if not matches:
        return title.strip()
    last, first = matches[-1], matches[0]
    before, after = title[: last.start()].strip(), title[last.end() :].strip()
    if len(after.split()) <= _SITE_WORDS and len(after) < len(before):
        return before
    before, after = title[: first.start()].strip(), title[first.end() :].strip()
    if len(before.split()) <= _SITE_WORDS and len(before) < len(after):
        return after
    return title.strip()


def _byline(tree: Any, meta: dict[str, str]) -> str | None:
    for key in ("author", "article:author", "dc.creator", "sailthru.author", "parsely-author"):
        value = meta.get(key)
        if value and not value.lower().startswith(("http://", "https://")):
            return _without_by(value) or None
    for element in tree.xpath('//a[@rel="author"] | //*[@itemprop="author"] | //*[@rel="author"]'):
        text = normalize_space(element.text_content()).replace("\n", " ")
        name = _without_by(text) if 2 <= len(text) <= 80 else ""
        if name:
            return name
    for element in tree.xpath("//body//*[self::p or self::span or self::div][not(*)]"):
        raw = element.text_content()
        if raw and len(raw) < 100:
            match = _BY_LINE.match(normalize_space(raw))
            if match and _NAME_AFTER_BY.match(match.group(1).strip()):
                return match.group(1).strip()
    return None


def _without_by(text: str) -> str:
    """A byline without "By", a handle ("@jdoe") or a date/time that follows the name."""
    text = re.sub(r"^\s*by\s+", "", text, flags=re.I)
    text = _BYLINE_TAIL.split(text, maxsplit=1)[0]
    return text.strip(" ,|-\u2013\u2014")


def _site_name(meta: dict[str, str]) -> str | None:
    name = meta.get("og:site_name") or meta.get("application-name")
    if name and name.lower().startswith(("http://", "https://", "www.")):
        return site_from_url(name if "//" in name else f"https://{name}")
    return name or None


def site_from_url(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``, as a fallback source name."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return host or None


def _published(tree: Any, url: str | None) -> date | None:
    from htmldate import find_date

    try:
        # A parsed tree (never a URL string) so htmldate cannot fetch anything.
        found = find_date(tree, extensive_search=True, original_date=True, url=url)
    except (ValueError, TypeError):
        return None
    if not found:
        return None
    try:
        return date.fromisoformat(found)
    except ValueError:
        return None
