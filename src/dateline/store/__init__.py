"""The event store: documents, event mentions and ingestion errors in DuckDB.

>>> from dateline.store import Store
>>> with Store.open(":memory:") as store:
...     store.stats().documents
0

Tables and columns are described in ``docs/data.md``. One process may write a store file
at a time; readers open it with ``read_only=True``.
"""

from __future__ import annotations

from dateline.store.codec import content_hash
from dateline.store.database import Store
from dateline.store.results import (
    ActorSummary,
    AddResult,
    AddSummary,
    ArticleRef,
    StoredEvent,
    StoreStats,
    TimelineRow,
)

__all__ = [
    "ActorSummary",
    "AddResult",
    "AddSummary",
    "ArticleRef",
    "Store",
    "StoreStats",
    "StoredEvent",
    "TimelineRow",
    "content_hash",
]
