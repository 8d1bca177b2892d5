"""The per-document work, as run inside a worker process or a Ray actor.

Every engine calls the same two steps: :func:`articles` (raw input -> clean article and its
content hash, cheap) and :func:`code` (spaCy and the stages). Between them the store's
writer drops documents it already holds, so a rerun after a crash codes only what is
missing. A worker keeps one :class:`~dateline.pipeline.Pipeline` per process (the spaCy
model and the gazetteer load once), behind :func:`functools.cache`.
"""

from __future__ import annotations

import functools
import os
import pickle
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.config import Settings
from dateline.records import Article, Extraction, Failure, RawDocument
from dateline.store.codec import content_hash

if TYPE_CHECKING:  # the parent process never needs spaCy: only workers import it
    from dateline.pipeline import Pipeline


@dataclass(frozen=True, slots=True)
class Memory:
    """A worker process's memory (current and peak resident set, bytes) and CPU seconds."""

    pid: int
    rss: int
    peak: int
    cpu_s: float = 0.0


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """Articles (with content hash) or failures, in the order of the chunk."""

    items: tuple[tuple[Article, str] | Failure, ...]


@dataclass(frozen=True, slots=True)
class CodeResult:
    """Coded documents in the order of the chunk, and the worker's memory after coding."""

    items: tuple[Extraction | Failure, ...]
    memory: Memory


def settings_key(settings: Settings) -> bytes:
    """Settings as bytes: hashable (a cache key) and cheap to send with every task."""
    return pickle.dumps(settings)


@functools.cache
def pipeline(key: bytes) -> Pipeline:
    """This process's pipeline for the settings ``key``, created once."""
    from dateline.pipeline import Pipeline

    settings: Settings = pickle.loads(key)
    return Pipeline(settings)


def watch_parent(parent: int, interval: float = 1.0) -> None:
    """A pool initializer: exit when the parent process is gone.

    A pool's workers hold both ends of their task queue, so a parent killed with SIGKILL
    leaves them waiting forever; a daemon thread notices the new parent and ends them.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="dateline-watch-parent", daemon=True).start()


def warm(key: bytes) -> None:
    """Load the model and build the stages now (a Ray actor's constructor), not on first use."""
    pipe = pipeline(key)
    _ = pipe.stages
    _ = pipe.language


def articles(key: bytes, raws: Sequence[RawDocument]) -> ArticleResult:
    """The article stage for a chunk: never raises for a bad document."""
    out: list[tuple[Article, str] | Failure] = []
    for item in pipeline(key).articles(raws):
        if isinstance(item, Failure):
            out.append(item)
        else:
            out.append((item, content_hash(item.text, item.url)))
    return ArticleResult(items=tuple(out))


def code(key: bytes, items: Sequence[Article]) -> CodeResult:
    """spaCy and the stages for a chunk of articles, in order."""
    coded = tuple(pipeline(key).process_articles(items))
    return CodeResult(items=coded, memory=memory())


def code_raw(key: bytes, raws: Sequence[RawDocument | Failure]) -> list[Extraction | Failure]:
    """Both steps at once, for engines that skip stored documents only when loading."""
    return list(pipeline(key).run(raws))


def memory() -> Memory:
    """This process's resident set now and at its peak (Linux ``/proc``; else getrusage)."""
    rss = peak = 0
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) * 1024
    except OSError:
        import resource

        # ru_maxrss is KiB on Linux, bytes on macOS; /proc is absent on the latter only.
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        rss = peak
    return Memory(pid=os.getpid(), rss=rss, peak=peak, cpu_s=time.process_time())
