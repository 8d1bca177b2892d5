"""Copies within a run: a near-verbatim copy of an article coded earlier reuses its events.

One :class:`CopyFinder` per run, held by whoever sees every article in input order: the
pipeline in a single process, the parent process under ``dateline ingest --workers N``
(so that a copy is caught whatever chunk or worker its original went to). No spaCy here:
the parent of a worker pool never loads it.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from dateline.records import Article, Diagnostic, Extraction

#: A copy this close to its original (share of its shingles found there) reuses its events.
COPY_COVERAGE = 0.9
#: How many coded articles a run keeps at hand for copies that follow them.
RECENT_ORIGINALS = 2000


def copy_of(original: Extraction | None, copy: Article) -> Extraction | None:
    """The original's events carried over to a copy, when that is exact enough; else None
    (and the copy is coded on its own)."""
    from dateline.ingest.dedup import transfer

    if original is None or original.article.published != copy.published:
        return None  # relative dates ("on Friday") would need re-anchoring
    moved = transfer(original, copy)
    if len(moved.events) != len(original.events):
        return None
    note = Diagnostic(
        stage="dedup",
        level="info",
        message=f"near-duplicate of {original.article.id}: its events carried over",
    )
    return replace(moved, diagnostics=(*moved.diagnostics, note))


class CopyFinder:
    """The run's near-duplicate index and its latest coded articles."""

    def __init__(self, keep: int = RECENT_ORIGINALS) -> None:
        from dateline.ingest.dedup import NearDuplicateIndex

        self.index = NearDuplicateIndex()
        self.keep = keep
        self.recent: OrderedDict[str, Extraction] = OrderedDict()

    def original(self, article: Article) -> str | None:
        """Index ``article``; the id of the earlier article it copies closely enough to
        reuse its events, or None (then it is to be coded)."""
        match = self.index.check(article.id, article.text)
        if match is None or match.covered < COPY_COVERAGE:
            return None
        return match.original

    def remember(self, result: Extraction) -> None:
        """Keep a coded article for copies that follow it (the latest ``keep`` only)."""
        self.recent[result.article.id] = result
        self.recent.move_to_end(result.article.id)
        while len(self.recent) > self.keep:
            self.recent.popitem(last=False)

    def copy(self, article: Article, original: str) -> Extraction | None:
        """The remembered original's events carried over to ``article``, or None."""
        return copy_of(self.recent.get(original), article)
