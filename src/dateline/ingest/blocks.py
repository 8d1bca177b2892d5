"""Text blocks (paragraphs, headings, list items, table rows) and joining them into a body.

Both the HTML extractor and the scraped-text cleaner produce blocks, the furniture rules
(:mod:`dateline.ingest.furniture`) filter them, and :func:`join_blocks` builds the article
text with paragraph offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["p", "head", "item", "quote", "row"]

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-like unit of a page."""

    kind: BlockKind
    text: str
    link_chars: int = 0
    """How many characters of ``text`` are link text (0 for plain text)."""
    group: int = -1
    """Items of the same list (or rows of the same table) share a group number."""

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


def normalize_space(text: str) -> str:
    """Collapse runs of spaces within lines, strip lines, drop blank lines inside a block."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def join_blocks(
    blocks: Iterable[Block], max_chars: int | None = None
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Paragraph texts joined by a blank line, with (start, end) offsets of each."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for block in blocks:
        text = block.text
        if not text:
            continue
        start = pos + (2 if parts else 0)
        if max_chars is not None and start + len(text) > max_chars:
            room = max_chars - start
            text = _cut(text, room)
            if not text:
                break
            parts.append(text)
            spans.append((start, start + len(text)))
            break
        parts.append(text)
        spans.append((start, start + len(text)))
        pos = start + len(text)
    return "\n\n".join(parts), tuple(spans)


def _cut(text: str, room: int) -> str:
    """``text`` cut to at most ``room`` characters, at a space when there is one."""
    if room <= 0:
        return ""
    if len(text) <= room:
        return text
    cut = text[:room]
    space = cut.rfind(" ")
    if space > room // 2:
        cut = cut[:space]
    return cut.rstrip()


def split_paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets of the blank-line separated paragraphs of ``text`` (text itself unchanged)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for gap in [*_BLANK_LINE.finditer(text), None]:
        end = gap.start() if gap is not None else len(text)
        segment = text[start:end]
        stripped = segment.strip()
        if stripped:
            left = start + (len(segment) - len(segment.lstrip()))
            spans.append((left, left + len(stripped)))
        if gap is not None:
            start = gap.end()
    return tuple(spans)
