"""Scraped plain text -> body paragraphs and metadata.

Text copied from a news page carries the page around the story: a header line of
metadata (``date 2025-05-04`` plus menu words), the headline, credit and timestamp lines,
breadcrumbs, promo lines and repeated captions. The rules below recognise those shapes on
any site; the wording of no particular page is special.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from dateline.ingest.blocks import Block, normalize_space
from dateline.ingest.furniture import (
    _MONTH,
    fingerprint,
    is_chrome,
    is_promo,
    is_timestamp,
    words,
)

# "date 2025-05-04 Menu Explore": a key, an ISO date, then whatever else the header held.
_HEADER = re.compile(
    r"^\s*(?:date|published|dated|dateline|pubdate|publication\s+date)\s*[:=]?\s*"
    r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+-Z]+)?\b(.*)$",
    re.I,
)
_BYLINE = re.compile(
    r"^\s*(?:(?:written|reported|posted|edited)\s+)?by\s+(?P<name>[A-Z][^\n]{1,100}?)\s*[|,]?\s*$",
    re.I,
)
# "AGENCY |", "Jane Doe | Agency", "Agency | Updated ...": short parts split by bars.
_BAR_CREDIT = re.compile(r"^\s*[^|\n]{1,60}(?:\|[^|\n]{0,60})*\|\s*[^|\n]{0,60}$")
_CREDIT_PART = re.compile(
    r"^[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|de|da|di|van|von|der|den|la|le|al|bin|ibn)){0,4}$"
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_AGENCY_SUFFIX = re.compile(
    r"^[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3}\s+(?:wire|press|news\s+agency|news\s+service)$",
    re.I,
)
_NAME_SPLIT = re.compile(r",|;|\||\s+and\s+|\s+&\s+|\s+with\s+")
_BREADCRUMB_SEP = re.compile(r"\s+(?:/|>|»|›|\\)\s+")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WRITTEN_DATE = re.compile(
    r"\b(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"
    r"|\b(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month2>" + _MONTH + r"),?\s+(?P<year2>\d{4})\b",
    re.I,
)
_HEADLINE_MAX_WORDS = 25
_BYLINE_MAX_WORDS = 12
_ROLE_MAX_WORDS = 5
_WRAP_MIN_CHARS = 40
_SENTENCE_MIN_WORDS = 5
_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", ")", "]", "…")
_BREADCRUMB_PART_MAX_WORDS = 12
# Wire services and news agencies, recognised as the source when they are the credit.
_AGENCY_LIST = """
    ap afp reuters pti ani ians uni xinhua tass ria dpa efe ansa kyodo yonhap anadolu
    bloomberg bernama apa ats ctk mti pap ntb tt stt belga anp aap cp upi sputnik irna
"""
_AGENCIES = frozenset(_AGENCY_LIST.split())
_AGENCY_NAMES = {
    "associated press": "AP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "press trust of india": "PTI",
    "asian news international": "ANI",
    "indo-asian news service": "IANS",
    "united news of india": "UNI",
}


@dataclass(frozen=True, slots=True)
class TextArticle:
    """What scraped text yields before it becomes an Article."""

    blocks: tuple[Block, ...]
    title: str | None
    byline: str | None
    published: date | None
    agency: str | None


def parse_text(text: str, *, title: str | None = None) -> TextArticle:
    """Split scraped text into body paragraphs and page metadata."""
    lines = [normalize_space(line) for line in text.replace("\r\n", "\n").split("\n")]
    published: date | None = None
    # The header line: metadata, never body.
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is not None:
        match = _HEADER.match(lines[first])
        if match:
            published = _iso(match.group(1))
            lines[first] = ""
    # The headline: the first remaining line when it reads like one.
    head = next((i for i, line in enumerate(lines) if line), None)
    found_title: str | None = None
    if head is not None and _is_headline(lines[head], lines[head + 1 :]):
        found_title = lines[head]
        lines[head] = ""
    title_key = fingerprint(title or found_title or "")

    byline: str | None = None
    kept: list[str] = []
    for line in lines:
        if not line:
            kept.append("")
            continue
        credit = _credit(line)
        if credit is not None:
            byline = byline or credit
            continue
        if is_timestamp(line):
            published = published or _written_date(line)
            continue
        if (title_key and fingerprint(line) == title_key) or _is_breadcrumb(line):
            continue
        if is_chrome(line) or is_promo(line):
            continue
        kept.append(line)
    blocks = _paragraphs(kept)
    return TextArticle(
        blocks=tuple(blocks),
        title=title or found_title,
        byline=byline,
        published=published,
        agency=agency_in(byline),
    )


def _paragraphs(lines: list[str]) -> list[Block]:
    """One paragraph per line, except hard-wrapped lines, which are joined; a paragraph
    repeated on the page (a caption printed twice, a lede shown as a summary) is kept once."""
    paragraphs: list[str] = []
    previous = ""
    for line in lines:
        if line and previous and _wrapped(previous, line):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        elif line:
            paragraphs.append(line)
        previous = line
    blocks: list[Block] = []
    seen: set[str] = set()
    for para in paragraphs:
        key = fingerprint(para)
        if key and key not in seen:
            seen.add(key)
            blocks.append(Block("p", para))
    return blocks


def _wrapped(previous: str, line: str) -> bool:
    """True when ``line`` continues a sentence that a hard line break cut."""
    return len(previous) >= _WRAP_MIN_CHARS and not previous.endswith(_SENTENCE_END)


def _is_headline(line: str, rest: list[str]) -> bool:
    """A short line without a final full stop, followed by sentences."""
    if words(line) > _HEADLINE_MAX_WORDS or line.rstrip().endswith((".", ",", ";", ":")):
        return False
    if is_timestamp(line) or _credit(line) is not None or is_chrome(line):
        return False
    return any(
        words(other) >= _SENTENCE_MIN_WORDS and other.endswith(_SENTENCE_END) for other in rest
    )


def _credit(line: str) -> str | None:
    """The byline or credit a line holds ("By Jane Doe", "AGENCY |"), or None."""
    match = _BYLINE.match(line)
    if match and words(match.group("name")) <= _BYLINE_MAX_WORDS:
        # "By Jane Doe | Moscow correspondent": names first, then perhaps a role or desk.
        names, _, role = match.group("name").partition("|")
        if _is_name_list(names) and words(role) <= _ROLE_MAX_WORDS:
            return match.group("name").strip(" |,")
    if "|" in line and words(line) <= 12 and _BAR_CREDIT.match(line):
        parts = [p.strip() for p in line.split("|")]
        named = [p for p in parts if p and not is_timestamp(p)]
        if named and all(_CREDIT_PART.match(p) for p in named):
            return " | ".join(named)
    stripped = line.strip(" -—|")
    if stripped.casefold() in _AGENCIES or stripped.casefold() in _AGENCY_NAMES:
        return stripped
    return None


def _is_name_list(text: str) -> bool:
    """ "Jane Doe", "Jane Doe and Li Wei, Reuters": capitalised names, not a sentence
    ("By the end of the year, ...")."""
    parts = [p for p in _NAME_SPLIT.split(text.strip(" |,")) if p.strip()]
    return bool(parts) and all(_CREDIT_PART.match(p.strip()) for p in parts)


def agency_in(byline: str | None) -> str | None:
    """A wire service or agency named in a byline ("PTI", "By Jane Doe, Reuters")."""
    if not byline:
        return None
    for part in re.split(r"[|,/;]|\s+and\s+|\s+with\s+", byline):
        name = part.strip(" .-—()").removeprefix("By ").strip()
        key = name.casefold()
        if key in _AGENCY_NAMES:
            return _AGENCY_NAMES[key]
        if key in _AGENCIES:
            return name.upper() if len(name) <= 5 else name
        if _ACRONYM.match(name) or _AGENCY_SUFFIX.search(name):
            # A bare acronym as the whole credit ("XYZ |"), or "... Wire", "... Press".
            return name
    return None


def _is_breadcrumb(line: str) -> bool:
    """ "Home / World / Story title": short parts joined by path separators."""
    parts = _BREADCRUMB_SEP.split(line)
    return len(parts) >= 3 and all(
        0 < words(p) <= _BREADCRUMB_PART_MAX_WORDS and not p.endswith(".") for p in parts
    )


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _written_date(line: str) -> date | None:
    """The calendar date in a timestamp line ("May 4, 2025 8:41 PM", "2025-05-04 10:00")."""
    iso = _ISO_DATE.search(line)
    if iso:
        return _iso(iso.group(0))
    match = _WRITTEN_DATE.search(line)
    if not match:
        return None
    month = match.group("month") or match.group("month2")
    day = match.group("day") or match.group("day2")
    year = match.group("year") or match.group("year2")
    for fmt in ("%b %d %Y", "%B %d %Y"):
        try:
            name = month.rstrip(".")[:3] if fmt == "%b %d %Y" else month.rstrip(".")
            return datetime.strptime(f"{name} {day} {year}", fmt).date()
        except ValueError:
            continue
    return None
