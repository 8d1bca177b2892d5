"""Scale-out: the per-document pipeline over many cores or a cluster.

Two engines share one per-document function (:mod:`dateline.scale.worker`):

- :func:`dateline.scale.local.ingest`: a local process pool (the default); the parent reads
  the inputs and is the only process that writes the DuckDB store.
- :func:`dateline.scale.ray_engine.ingest`: Ray Data actors over inputs sharded by file,
  writing Parquet shards that :func:`dateline.scale.shards.load_shards` loads into a store.

Importing this package imports neither spaCy nor Ray; see ``docs/scale.md``.
"""

from __future__ import annotations

from dateline.scale.results import IngestProgress, IngestSummary, WorkerError

__all__ = ["IngestProgress", "IngestSummary", "WorkerError"]
