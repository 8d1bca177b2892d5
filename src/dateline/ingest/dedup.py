"""Near-duplicate articles: syndicated wire copies and updated versions of one story.

A body is normalised (NFKC, case-folded, words only) and cut into shingles of
:data:`SHINGLE_WORDS` consecutive words; a MinHash of the shingles goes into an LSH index.
A new article duplicates an earlier one when the estimated Jaccard similarity of their
shingle sets reaches ``threshold`` (0.8: a copy with a changed dateline, credit line or a
few edited words), or when most of the shorter text's shingles are in the longer one
(``containment``, 0.8) and the two are of comparable length (the shorter at least half the
longer) -- a copy that drops a sign-off, an update that adds a paragraph or two. Two
different reports of one event share facts, not five-word runs, so they stay apart.

The id returned is the first article of the group (a copy of a copy points at the
original). :meth:`NearDuplicateIndex.check` also says how much of the new text the
original covers, so that a caller can tell a pure copy (reuse the original's events) from
an update with new paragraphs (code it too). :func:`transfer` moves an original's events
onto a copy, relocating every evidence sentence in the copy's text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import import_module
from typing import Any, TypeVar

from dateline.records import Article, Event, Extraction, Mention

SHINGLE_WORDS = 5
NUM_PERM = 128
THRESHOLD = 0.8
CONTAINMENT = 0.8
MIN_WORDS = 25
"""Shorter bodies are not indexed: a few shared words (a standard sign-off, a one-line
summary) would link unrelated items."""
_MIN_SIZE_RATIO = 0.5
"""Containment alone links texts of comparable length only, not a brief to a long story."""
_CANDIDATE_THRESHOLD = 0.3
"""The LSH finds candidates from this Jaccard level (the least that two texts of comparable
length reaching ``containment`` can have), tuned to miss few; each is then checked."""
_LSH_WEIGHTS = (0.1, 0.9)
"""(false positive, false negative) weights: a false candidate costs one comparison only."""

_WORD = re.compile(r"\w+")


def normalized_words(text: str) -> list[str]:
    """The words of ``text``, NFKC-normalised and case-folded, punctuation dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles(words: list[str], size: int = SHINGLE_WORDS) -> set[str]:
    """Every run of ``size`` consecutive words (the whole text when it is shorter)."""
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An earlier article a new one duplicates, and how closely."""

    original: str
    """Id of the first article of the group."""
    matched: str
    """Id of the indexed article the new one matched best (the original or a copy)."""
    jaccard: float
    """Estimated Jaccard similarity of the shingle sets (new vs ``matched``)."""
    covered: float
    """Estimated share of the new article's shingles found in ``matched``: near 1.0 for a
    copy, lower for an update that adds text."""


class NearDuplicateIndex:
    """MinHash/LSH index of article bodies; :meth:`add` links each to an earlier copy.

    Memory is about ``num_perm`` * 8 bytes per indexed article, plus the LSH buckets.
    """

    def __init__(
        self,
        threshold: float = THRESHOLD,
        *,
        containment: float = CONTAINMENT,
        num_perm: int = NUM_PERM,
        shingle_words: int = SHINGLE_WORDS,
        min_words: int = MIN_WORDS,
    ) -> None:
        if not 0.0 < threshold <= 1.0 or not 0.0 < containment <= 1.0:
            raise ValueError("threshold and containment must lie in (0, 1]")
        datasketch = import_module("datasketch")
        self.threshold = threshold
        self.containment = containment
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.min_words = min_words
        self._datasketch: Any = datasketch
        self._lsh: Any = datasketch.MinHashLSH(
            threshold=min(threshold, _CANDIDATE_THRESHOLD),
            num_perm=num_perm,
            weights=_LSH_WEIGHTS,
        )
        self._hashes: dict[str, Any] = {}
        self._sizes: dict[str, int] = {}
        self._root: dict[str, str | None] = {}

    def __len__(self) -> int:
        return len(self._root)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._root

    def original_of(self, article_id: str) -> str | None:
        """The id an added article was linked to, or None for an original (or unknown id)."""
        return self._root.get(article_id)

    def add(self, article_id: str, text: str) -> str | None:
        """Index one article; return the id of the earlier article it duplicates, if any.

        Adding an id a second time changes nothing and returns the same answer."""
        match = self.check(article_id, text)
        return match.original if match is not None else None

    def check(self, article_id: str, text: str) -> Duplicate | None:
        """Like :meth:`add`, with the similarity of the match."""
        if article_id in self._root:
            root = self._root[article_id]
            return None if root is None else Duplicate(root, root, 1.0, 1.0)
        words = normalized_words(text)
        if len(words) < self.min_words:
            self._root[article_id] = None
            return None
        grams = shingles(words, self.shingle_words)
        minhash = self._datasketch.MinHash(num_perm=self.num_perm)
        minhash.update_batch([g.encode("utf-8") for g in grams])
        lean = self._datasketch.LeanMinHash(minhash)
        best = self._best_match(lean, len(grams))
        self._lsh.insert(article_id, lean)
        self._hashes[article_id] = lean
        self._sizes[article_id] = len(grams)
        if best is None:
            self._root[article_id] = None
            return None
        root = self._root.get(best.matched) or best.matched
        self._root[article_id] = root
        return replace(best, original=root)

    def _best_match(self, lean: Any, size: int) -> Duplicate | None:
        best: Duplicate | None = None
        for key in self._lsh.query(lean):
            jaccard = float(lean.jaccard(self._hashes[key]))
            other = self._sizes[key]
            # |A n B| from J = |A n B| / |A u B| and the two set sizes.
            common = jaccard * (size + other) / (1.0 + jaccard)
            contained = common / max(1, min(size, other))
            comparable = min(size, other) >= _MIN_SIZE_RATIO * max(size, other)
            if jaccard < self.threshold and not (contained >= self.containment and comparable):
                continue
            candidate = Duplicate(key, key, jaccard, min(1.0, common / max(1, size)))
            if best is None or candidate.jaccard > best.jaccard:
                best = candidate
        return best


def dedupe(
    articles: Iterable[Article], index: NearDuplicateIndex | None = None
) -> Iterator[tuple[Article, str | None]]:
    """Each article with the id of the earlier article it duplicates (None for originals)."""
    index = NearDuplicateIndex() if index is None else index
    for article in articles:
        yield article, index.add(article.id, article.text)


# -- reusing an original's events for a copy ------------------------------------------------

_T = TypeVar("_T")


def locate(sentence: str, text: str, near: int = 0) -> tuple[int, int] | None:
    """(start, end) of ``sentence`` in ``text``: exact, else with any run of whitespace
    matching any other; the occurrence nearest ``near`` wins. None when absent."""
    spans: list[tuple[int, int]] = []
    start = text.find(sentence)
    while start != -1:
        spans.append((start, start + len(sentence)))
        start = text.find(sentence, start + 1)
    if not spans:
        words = sentence.split()
        if not words:
            return None
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        spans = [(m.start(), m.end()) for m in pattern.finditer(text)]
    if not spans:
        return None
    return min(spans, key=lambda span: abs(span[0] - near))


def transfer(original: Extraction, copy: Article) -> Extraction:
    """The original's events (and the times, places and mentions inside their sentences)
    re-anchored on ``copy``: ids from the copy, evidence offsets found in the copy's text.
    Events whose sentence the copy lacks are left out."""
    shifts: dict[tuple[int, int], int] = {}
    events: list[Event] = []
    for event in original.events:
        ev = event.evidence
        span = locate(ev.sentence, copy.text, near=ev.start)
        if span is None:
            continue
        start, end = span
        exact = copy.text[start:end] == ev.sentence
        delta = start - ev.start
        if exact:
            shifts[(ev.start, ev.end)] = delta
        evidence = replace(
            ev,
            sentence=copy.text[start:end],
            start=start,
            end=end,
            trigger_start=ev.trigger_start + delta if exact and ev.trigger_start >= 0 else -1,
        )
        events.append(
            replace(
                event,
                id=f"{copy.id}-e{len(events) + 1}",
                evidence=evidence,
                actor=tuple(_shift(e, delta, exact, ev) for e in event.actor),
                recipient=tuple(_shift(e, delta, exact, ev) for e in event.recipient),
                place=_shift(event.place, delta, exact, ev) if event.place else None,
            )
        )
    return Extraction(
        article=copy,
        events=tuple(events),
        mentions=_moved(original.mentions, shifts),
        times=_moved(original.times, shifts),
        places=_moved(original.places, shifts),
        diagnostics=original.diagnostics,
    )


def _inside(item: Any, start: int, end: int) -> bool:
    return bool(0 <= start <= item.start and item.end <= end)


def _shift(item: _T, delta: int, exact: bool, evidence: Any) -> _T:
    """An entity or place moved with its sentence; offsets outside it become unknown."""
    anyitem: Any = item
    if anyitem.start < 0:
        return item
    if exact and _inside(anyitem, evidence.start, evidence.end):
        moved: _T = replace(anyitem, start=anyitem.start + delta, end=anyitem.end + delta)
        return moved
    unknown: _T = replace(anyitem, start=-1, end=-1)
    return unknown


def _moved(items: tuple[_T, ...], shifts: dict[tuple[int, int], int]) -> tuple[_T, ...]:
    """Items inside a relocated sentence, moved with it; the others are left out."""
    out: list[_T] = []
    for item in items:
        anyitem: Any = item
        for (start, end), delta in shifts.items():
            if _inside(anyitem, start, end):
                moved = replace(anyitem, start=anyitem.start + delta, end=anyitem.end + delta)
                if isinstance(moved, Mention) and moved.entity.start >= 0:
                    entity = moved.entity
                    moved = replace(
                        moved,
                        entity=replace(entity, start=entity.start + delta, end=entity.end + delta),
                    )
                out.append(moved)
                break
    return tuple(out)
