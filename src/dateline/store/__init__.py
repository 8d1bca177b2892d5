"""The event store: documents, event mentions, canonical events and errors in DuckDB.

>>> from dateline.store import Store
>>> with Store.open(":memory:") as store:
...     store.stats().documents
0

Tables and columns are described in ``docs/data.md``. One process may write a store file
at a time; readers open it with ``read_only=True``, and a server that must answer while an
ingest runs reads published snapshots (``Store.open_snapshot_reader``).
"""

from __future__ import annotations

from dateline.store.codec import content_hash
from dateline.store.database import Store
from dateline.store.results import (
    ActorSummary,
    AddResult,
    AddSummary,
    ArticleRef,
    CanonicalEvent,
    ConflictReport,
    DyadMonth,
    StoredEvent,
    StoreStats,
    TimelineRow,
)
from dateline.store.snapshot import SnapshotReader

__all__ = [
    "ActorSummary",
    "AddResult",
    "AddSummary",
    "ArticleRef",
    "CanonicalEvent",
    "ConflictReport",
    "DyadMonth",
    "SnapshotReader",
    "Store",
    "StoreStats",
    "StoredEvent",
    "TimelineRow",
    "content_hash",
]
