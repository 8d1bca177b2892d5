"""What the scale-out engines report: progress while they run, a summary when done."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from dateline.errors import DatelineError
from dateline.records import Failure


class WorkerError(DatelineError):
    """A worker process died or an engine could not run; what was committed is kept."""


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """A snapshot taken after each committed chunk, for a progress bar."""

    done: int
    """Documents settled so far: added, skipped or failed."""
    total: int | None
    """Documents in the inputs, when they could be counted up front."""
    added: int
    skipped: int
    failed: int
    events: int
    elapsed_s: float
    rate: float
    """Documents settled per second since the first result (model loading excluded)."""
    worker_rss: Mapping[int, int] = field(default_factory=dict)
    """Worker process id -> its current resident set size in bytes."""
    worker_cpu_s: Mapping[int, float] = field(default_factory=dict)
    """Worker process id -> CPU seconds it has used (model loading included)."""


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """The outcome of one ingest run."""

    added: int
    """Documents coded and stored by this run."""
    skipped: int
    """Documents already in the store (same content hash), not coded again."""
    failed: int
    events: int
    """Event mentions stored by this run."""
    failures: tuple[Failure, ...]
    """The reasons, in input order (the first ``max_failures_kept``; all are in the store)."""
    elapsed_s: float
    startup_s: float
    """Seconds until the first coded document came back (mostly model loading)."""
    workers: int
    worker_peak_rss: Mapping[int, int] = field(default_factory=dict)
    """Worker process id -> its peak resident set size (VmHWM) in bytes."""
    worker_cpu_s: Mapping[int, float] = field(default_factory=dict)
    """Worker process id -> CPU seconds it used (model loading included)."""

    @property
    def processed(self) -> int:
        """Documents this run settled by coding them (added or failed)."""
        return self.added + self.failed

    @property
    def rate(self) -> float:
        """Documents per second after startup."""
        busy = self.elapsed_s - self.startup_s
        settled = self.added + self.skipped + self.failed
        return settled / busy if busy > 0 else 0.0
