"""Helpers for geo tests: hand-built Docs (no model) and the process-wide gazetteer."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pytest

from dateline.geo.gazetteer import Gazetteer
from dateline.nlp import Doc, make_doc

_TOKEN = re.compile(r"(?:[A-Z][a-z]?\.)+|\w+|'s|\u2019s|[^\w\s]")

DocMaker = Callable[..., Doc]


def build_doc(text: str, ents: Sequence[tuple[str, str]] = ()) -> Doc:
    """Tokenise ``text`` simply and mark each (surface, label) entity on its first match."""
    matches = list(_TOKEN.finditer(text))
    words = [m.group() for m in matches]
    spaces = [
        i + 1 < len(matches) and matches[i + 1].start() > m.end() for i, m in enumerate(matches)
    ]
    tags = ["O"] * len(words)
    starts = [m.start() for m in matches]
    for surface, label in ents:
        at = text.index(surface)
        first = starts.index(at)
        last = first
        while last + 1 < len(words) and starts[last + 1] < at + len(surface):
            last += 1
        tags[first] = f"B-{label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{label}"
    doc = make_doc(words, spaces=spaces, ents=tags)
    assert doc.text == text, "the test tokeniser must keep the text unchanged"
    return doc


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture
def doc_from() -> DocMaker:
    return build_doc
