"""The default engine: a local pool of worker processes; the parent is the only writer.

The parent streams RawDocuments from :func:`~dateline.ingest.readers.read_inputs` and sends
them to the workers in chunks. A chunk makes two trips: the article stage (cheap) returns
each article with its content hash; the parent drops the ones the store already holds
(one parameterised query per chunk) and sends the rest back for spaCy and the stages.
Chunks are committed in input order, one transaction per document (:meth:`Store.add`), so
the store ends up as a single-process ingest would leave it, and a run killed at any
point is resumed by running it again: nothing stored is coded twice.

With ``settings.dedup`` the parent holds the run's near-duplicate index: between the two
trips it checks each chunk's new articles, in input order, against every article sent
before, so a copy is caught whatever chunk or worker its original went to. A copy is not
sent for coding; when its chunk commits, it gets its original's events (or, where they
cannot be carried over, it is coded on its own then).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, Literal

import duckdb

from dateline.config import Settings
from dateline.duplicates import CopyFinder
from dateline.errors import ConfigError, StoreError
from dateline.ingest.readers import read_inputs
from dateline.records import Article, Extraction, Failure, RawDocument
from dateline.scale import worker
from dateline.scale.inputs import count_documents
from dateline.scale.results import IngestProgress, IngestSummary, WorkerError
from dateline.store.database import Store


class _Skipped:
    """A document the store already holds (same content hash)."""


_SKIPPED = _Skipped()


@dataclass(frozen=True, slots=True)
class _Copy:
    """A near-verbatim copy of an earlier article of this run, waiting for its events."""

    article: Article
    original: str


_Slot = RawDocument | Failure | Article | Extraction | _Skipped | _Copy
Phase = Literal["articles", "dedup", "code", "ready"]
Commit = Literal["document", "chunk"]


@dataclass(slots=True)
class _Chunk:
    slots: list[_Slot]
    phase: Phase = "ready"
    future: Future[Any] | None = None
    positions: list[int] = field(default_factory=list)
    """Which slots the pending future answers for, in order."""


def ingest(
    paths: Sequence[str],
    db_path: str | Path,
    settings: Settings,
    *,
    workers: int = 1,
    progress: Callable[[IngestProgress], None] | None = None,
    chunk_size: int | None = None,
    published: date | None = None,
    stdin: BinaryIO | None = None,
    count_total: bool = True,
    max_failures_kept: int = 1000,
    snapshot_interval: float | None = None,
    commit: Commit = "document",
    recluster: bool = True,
    on_failure: Callable[[Failure], None] | None = None,
) -> IngestSummary:
    """Code ``paths`` into the store at ``db_path`` with ``workers`` processes.

    Idempotent and resumable: documents whose content hash is stored are skipped before
    coding. ``chunk_size`` (default ``settings.batch_size``) documents travel per task.
    ``published`` overrides every document's publication date (``--published``).
    ``progress`` is called after each committed chunk, ``on_failure`` with each failure
    as it is recorded (for a CLI that reports them as they happen).

    ``commit="document"`` stores each document in its own transaction with
    :meth:`Store.add`, updating canonical events as it goes. ``commit="chunk"`` stores a
    chunk per transaction with :meth:`Store.bulk_add` (same rows, same skipping, several
    times faster) and rebuilds canonical events once at the end (:meth:`Store.recluster`,
    skipped with ``recluster=False``: run it later); a kill then loses at most the chunks
    not yet committed, and the rerun clusters.

    Raises WorkerError when a worker
    process dies (what was committed stays), StoreError when the store cannot be opened.
    """
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    size = chunk_size if chunk_size is not None else settings.batch_size
    if size < 1:
        raise ConfigError(f"chunk size must be at least 1, not {size}")
    total = count_documents(paths) if count_total else None
    raws = _raws(read_inputs(paths, settings, stdin=stdin), published)
    # The parent holds the near-duplicate index (across chunks and workers); a worker's
    # own would only see its chunk.
    key = worker.settings_key(replace(settings, dedup=False) if settings.dedup else settings)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        # spawn: a fork of a parent holding a DuckDB connection and threads is unsafe. The
        # model loads on a worker's first coding task, so a rerun with everything stored
        # loads none.
        mp_context=multiprocessing.get_context("spawn"),
        initializer=worker.watch_parent,
        initargs=(os.getpid(),),
    )
    try:
        with Store.open(db_path, snapshot_interval=snapshot_interval) as store:
            run = _Run(store, pool, key, workers, total, progress, max_failures_kept, commit)
            run.on_failure = on_failure
            run.copies = CopyFinder() if settings.dedup else None
            summary = run.go(_chunked(raws, size))
            if commit == "chunk" and recluster and _unclustered(store):
                store.recluster()
            return summary
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _raws(
    items: Iterable[RawDocument | Failure], published: date | None
) -> Iterator[RawDocument | Failure]:
    for item in items:
        if published is not None and isinstance(item, RawDocument):
            item = replace(item, published=published)
        yield item


def _chunked(items: Iterable[RawDocument | Failure], size: int) -> Iterator[list[_Slot]]:
    chunk: list[_Slot] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Run:
    def __init__(
        self,
        store: Store,
        pool: ProcessPoolExecutor,
        key: bytes,
        workers: int,
        total: int | None,
        progress: Callable[[IngestProgress], None] | None,
        max_failures_kept: int,
        commit: Commit,
    ) -> None:
        self.commit = commit
        self.on_failure: Callable[[Failure], None] | None = None
        self.copies: CopyFinder | None = None
        self.store = store
        self.pool = pool
        self.key = key
        self.workers = workers
        self.total = total
        self.progress = progress
        self.max_failures_kept = max_failures_kept
        # Enough chunks in flight that no worker waits while the parent commits.
        self.max_inflight = 2 * workers + 2
        self.added = self.skipped = self.failed = self.events = 0
        self.failures: list[Failure] = []
        self.started = time.monotonic()
        self.first_result: float | None = None
        self.done_at_first = 0
        self.rss: dict[int, int] = {}
        self.peak: dict[int, int] = {}
        self.cpu: dict[int, float] = {}

    # -- the loop ------------------------------------------------------------------------
    def go(self, chunks: Iterator[list[_Slot]]) -> IngestSummary:
        queue: deque[_Chunk] = deque()
        exhausted = False
        while True:
            while not exhausted and len(queue) < self.max_inflight:
                slots = next(chunks, None)
                if slots is None:
                    exhausted = True
                    break
                queue.append(self._start(slots))
            self._commit_ready(queue)
            if not queue:
                if exhausted:
                    break
                continue
            pending = [c.future for c in queue if c.future is not None]
            if pending:
                wait(pending, return_when=FIRST_COMPLETED)
            for chunk in queue:
                if chunk.future is not None and chunk.future.done():
                    self._advance(chunk)
            self._dedup_in_order(queue)
        end = time.monotonic()
        first = self.first_result if self.first_result is not None else end
        return IngestSummary(
            added=self.added,
            skipped=self.skipped,
            failed=self.failed,
            events=self.events,
            failures=tuple(self.failures),
            elapsed_s=end - self.started,
            startup_s=first - self.started,
            workers=self.workers,
            worker_peak_rss=dict(self.peak),
            worker_cpu_s=dict(self.cpu),
        )

    def _start(self, slots: list[_Slot]) -> _Chunk:
        chunk = _Chunk(slots=slots)
        chunk.positions = [i for i, s in enumerate(slots) if isinstance(s, RawDocument)]
        if chunk.positions:
            raws = [slots[i] for i in chunk.positions]
            chunk.future = self._submit(worker.articles, raws)
            chunk.phase = "articles"
        return chunk

    def _submit(self, fn: Callable[..., Any], items: list[Any]) -> Future[Any]:
        try:
            return self.pool.submit(fn, self.key, items)
        except BrokenProcessPool as exc:
            raise _died(exc) from exc

    def _advance(self, chunk: _Chunk) -> None:
        future = chunk.future
        assert future is not None
        chunk.future = None
        try:
            result = future.result()
        except BrokenProcessPool as exc:
            raise _died(exc) from exc
        except Exception as exc:  # a bug in a worker must not abort the run; it is reported
            reason = f"internal error in worker: {type(exc).__name__}: {exc}"
            for i in chunk.positions:
                chunk.slots[i] = Failure(
                    source=_source(chunk.slots[i]), reason=reason, stage="worker"
                )
            chunk.phase = "ready"
            return
        if isinstance(result, worker.ArticleResult):
            self._articles_back(chunk, result)
        else:
            self._coded_back(chunk, result)

    def _articles_back(self, chunk: _Chunk, result: worker.ArticleResult) -> None:
        hashes: dict[int, str] = {}
        for i, item in zip(chunk.positions, result.items, strict=True):
            if isinstance(item, Failure):
                chunk.slots[i] = item
            else:
                chunk.slots[i] = item[0]
                hashes[i] = item[1]
        stored = self._stored(set(hashes.values()))
        todo: list[int] = []
        for i, digest in hashes.items():
            if digest in stored:
                chunk.slots[i] = _SKIPPED
            else:
                todo.append(i)
        chunk.positions = todo
        if self.copies is not None:
            chunk.phase = "dedup"  # see _dedup_in_order
        else:
            self._code(chunk)

    def _code(self, chunk: _Chunk) -> None:
        """Send the chunk's pending articles for coding (ready at once when none)."""
        if chunk.positions:
            chunk.future = self._submit(worker.code, [chunk.slots[i] for i in chunk.positions])
            chunk.phase = "code"
        else:
            chunk.phase = "ready"

    def _dedup_in_order(self, queue: deque[_Chunk]) -> None:
        """Check the new articles against the run's index in input order: a chunk waits
        while an earlier one's articles are still out. Copies stay home."""
        if self.copies is None:
            return
        for chunk in queue:
            if chunk.phase == "articles":
                return
            if chunk.phase != "dedup":
                continue
            todo: list[int] = []
            for i in chunk.positions:
                article = chunk.slots[i]
                assert isinstance(article, Article)
                original = self.copies.original(article)
                if original is None:
                    todo.append(i)
                else:
                    chunk.slots[i] = _Copy(article, original)
            chunk.positions = todo
            self._code(chunk)

    def _coded_back(self, chunk: _Chunk, result: worker.CodeResult) -> None:
        for i, item in zip(chunk.positions, result.items, strict=True):
            chunk.slots[i] = item
        mem = result.memory
        self.rss[mem.pid] = mem.rss
        self.peak[mem.pid] = max(self.peak.get(mem.pid, 0), mem.peak)
        self.cpu[mem.pid] = max(self.cpu.get(mem.pid, 0.0), mem.cpu_s)
        if self.first_result is None:
            self.first_result = time.monotonic()
            self.done_at_first = self.added + self.skipped + self.failed
        chunk.phase = "ready"

    def _stored(self, hashes: set[str]) -> set[str]:
        """Which of these content hashes the store holds (one query)."""
        if not hashes:
            return set()
        marks = ", ".join("?" for _ in hashes)
        sql = f"SELECT content_hash FROM documents WHERE content_hash IN ({marks})"
        try:
            rows = self.store.connection().execute(sql, sorted(hashes)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {exc}", source=self.store.path) from exc
        return {str(r[0]) for r in rows}

    # -- committing ----------------------------------------------------------------------
    def _commit_ready(self, queue: deque[_Chunk]) -> None:
        committed = False
        while queue and queue[0].phase == "ready":
            if not self._settle_copies(queue[0]):
                break
            slots = queue.popleft().slots
            if self.commit == "chunk":
                self._commit_chunk(slots)
            else:
                for slot in slots:
                    self._commit(slot)
            committed = True
        if committed and self.progress is not None:
            self.progress(self._snapshot())

    def _settle_copies(self, chunk: _Chunk) -> bool:
        """Give the chunk's copies their originals' events, which earlier chunks (committed
        in order) or this one hold; False when some must be coded on their own first."""
        if self.copies is None:
            return True
        for slot in chunk.slots:
            if isinstance(slot, Extraction):
                self.copies.remember(slot)
        redo: list[int] = []
        for i, slot in enumerate(chunk.slots):
            if isinstance(slot, _Copy):
                moved = self.copies.copy(slot.article, slot.original)
                if moved is None:
                    chunk.slots[i] = slot.article
                    redo.append(i)
                else:
                    chunk.slots[i] = moved
        if not redo:
            return True
        chunk.positions = redo
        self._code(chunk)
        return False

    def _commit(self, slot: _Slot) -> None:
        if isinstance(slot, _Skipped):
            self.skipped += 1
        elif isinstance(slot, Failure):
            self._fail(slot)
        elif isinstance(slot, Extraction):
            try:
                result = self.store.add(slot)
            except StoreError as exc:  # e.g. an id already stored with other text
                art = slot.article
                self._fail(Failure(source=art.origin or art.id, reason=exc.message, stage="store"))
                return
            if result.added:
                self.added += 1
                self.events += result.events
            else:
                self.skipped += 1
        else:  # pragma: no cover - a chunk is only ready when every slot is settled
            raise AssertionError(f"unsettled slot {type(slot).__name__}")

    def _commit_chunk(self, slots: list[_Slot]) -> None:
        extractions = [s for s in slots if isinstance(s, Extraction)]
        for slot in slots:
            if not isinstance(slot, Extraction):
                self._commit(slot)
        if not extractions:
            return
        before = self.store.stats().errors
        result = self.store.bulk_add(extractions)
        self.added += result.added
        self.skipped += result.duplicates
        self.events += result.events
        if result.failures:  # bulk_add recorded them; keep their reasons for the summary
            for failure in self.store.failures()[before:]:
                self._failed(failure)

    def _fail(self, failure: Failure) -> None:
        self.store.add_failure(failure)
        self._failed(failure)

    def _failed(self, failure: Failure) -> None:
        self.failed += 1
        if len(self.failures) < self.max_failures_kept:
            self.failures.append(failure)
        if self.on_failure is not None:
            self.on_failure(failure)

    def _snapshot(self) -> IngestProgress:
        now = time.monotonic()
        done = self.added + self.skipped + self.failed
        rate = 0.0
        if self.first_result is not None and now > self.first_result:
            rate = (done - self.done_at_first) / (now - self.first_result)
        return IngestProgress(
            done=done,
            total=self.total,
            added=self.added,
            skipped=self.skipped,
            failed=self.failed,
            events=self.events,
            elapsed_s=now - self.started,
            rate=rate,
            worker_rss=dict(self.rss),
            worker_cpu_s=dict(self.cpu),
        )


def _source(slot: _Slot) -> str:
    if isinstance(slot, RawDocument | Failure):
        return slot.source
    if isinstance(slot, Article):
        return slot.origin or slot.id
    if isinstance(slot, Extraction | _Copy):
        return slot.article.origin or slot.article.id
    return "?"


def _unclustered(store: Store) -> bool:
    """Whether some stored mention has no canonical event yet (a bulk load, or a kill)."""
    sql = (
        "SELECT 1 FROM event_mentions m WHERE NOT EXISTS "
        "(SELECT 1 FROM canonical_mentions c WHERE c.mention_id = m.id) LIMIT 1"
    )
    try:
        return store.connection().execute(sql).fetchone() is not None
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {exc}", source=store.path) from exc


def _died(exc: BaseException) -> WorkerError:
    return WorkerError(
        f"a worker process died ({exc}); what was committed is kept: run again to resume"
    )
