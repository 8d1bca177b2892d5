"""The Ray Data engine: the same per-document function in a pool of Ray actors.

Inputs are sharded by file (one task per file: a JSONL, WARC or Parquet file is a batch of
documents); each actor loads the pipeline once and turns a file into rows of the shard
schema (:mod:`dateline.scale.shards`); Ray writes them as Parquet, and the store loads the
folder afterwards (the store still has one writer). Ray is an optional dependency
(``pip install 'dateline[scale]'``) imported only when :func:`ingest` runs.

Locally, ``ray.init(num_cpus=N)`` starts N-1 actors of one CPU each: the CPU left over
runs Ray Data's own tasks (the input listing and the Parquet writes), which would
otherwise never be scheduled while the actors hold every CPU.
"""

from __future__ import annotations

import importlib
import pickle
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline.config import Settings
from dateline.errors import ConfigError
from dateline.ingest.readers import read_inputs
from dateline.scale import shards, worker
from dateline.scale.inputs import expand
from dateline.scale.results import IngestSummary, WorkerError
from dateline.store.database import Store


class CodeFiles:
    """A Ray Data callable class: loads the pipeline once per actor, codes whole files."""

    def __init__(self, key: bytes) -> None:
        self.key = key
        self.settings: Settings = pickle.loads(key)
        worker.warm(key)

    def __call__(self, batch: Any) -> Any:
        rows: list[dict[str, Any]] = []
        pipe = worker.pipeline(self.key)
        for shard, path in zip(
            batch.column("shard").to_pylist(), batch.column("path").to_pylist(), strict=True
        ):
            raws = read_inputs([path], self.settings)
            for position, item in enumerate(pipe.run(raws)):
                rows.extend(
                    shards.extraction_rows(item, shard=shard, shard_path=path, position=position)
                )
        return shards.table(rows)


def code_to_shards(
    paths: Sequence[str],
    out_dir: str | Path,
    settings: Settings,
    *,
    num_cpus: int | None = 2,
    address: str | None = None,
    actors: int | None = None,
) -> int:
    """Code ``paths`` with Ray into Parquet shards under ``out_dir``; returns the file count.

    ``address`` joins a running cluster (``"auto"`` on a cluster node); otherwise a local
    Ray starts with ``num_cpus`` CPUs. ``actors`` defaults to the CPUs less one.
    """
    files = expand(paths)
    if "-" in files:
        raise ConfigError("the Ray engine reads files and directories, not standard input")
    if not files:
        raise ConfigError("no input files")
    try:
        # Through importlib: typed as Any whether or not Ray (or its stubs) is installed.
        ray: Any = importlib.import_module("ray")
        importlib.import_module("ray.data")
    except ImportError as exc:
        raise ConfigError(
            f"the Ray engine needs Ray: pip install 'dateline[scale]' ({exc})"
        ) from exc
    started_here = not ray.is_initialized()
    if started_here:
        if address is not None:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=num_cpus, include_dashboard=False, log_to_driver=False)
    try:
        cpus = int(ray.cluster_resources().get("CPU", 1))
        size = actors if actors is not None else max(1, cpus - 1)
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        items = [{"shard": i, "path": p} for i, p in enumerate(files)]
        source = ray.data.from_items(items, override_num_blocks=len(items))
        coded = source.map_batches(
            CodeFiles,
            fn_constructor_args=(worker.settings_key(settings),),
            batch_size=1,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=size),
            num_cpus=1,
        )
        coded.write_parquet(str(out_dir))
    except Exception as exc:  # Ray's own errors have no common root worth naming here
        if isinstance(exc, ConfigError):
            raise
        raise WorkerError(f"the Ray job failed: {type(exc).__name__}: {exc}") from exc
    finally:
        if started_here:
            ray.shutdown()
    return len(files)


def ingest(
    paths: Sequence[str],
    db_path: str | Path,
    settings: Settings,
    *,
    num_cpus: int | None = 2,
    address: str | None = None,
    actors: int | None = None,
    shards_dir: str | Path | None = None,
    bulk: bool = False,
) -> IngestSummary:
    """Code ``paths`` with Ray, then load the shards into the store at ``db_path``.

    ``shards_dir`` keeps the Parquet shards there (default: a temporary folder, removed
    afterwards). Loading is idempotent: documents already stored are skipped (but, unlike
    the local engine, they are coded first). Failure reasons are in :meth:`Store.failures`.
    """
    started = time.monotonic()
    tmp = None if shards_dir is not None else tempfile.mkdtemp(prefix="dateline-shards-")
    out = Path(shards_dir if shards_dir is not None else str(tmp)) / "shards"
    try:
        code_to_shards(paths, out, settings, num_cpus=num_cpus, address=address, actors=actors)
        with Store.open(db_path) as store:
            summary = shards.load_shards(out, store, bulk=bulk)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    end = time.monotonic()
    return IngestSummary(
        added=summary.added,
        skipped=summary.duplicates,
        failed=summary.failures,
        events=summary.events,
        failures=(),
        elapsed_s=end - started,
        startup_s=0.0,  # Ray loads models inside the job: no moment the driver can see
        workers=actors if actors is not None else max(1, (num_cpus or 2) - 1),
        worker_peak_rss={},
    )
