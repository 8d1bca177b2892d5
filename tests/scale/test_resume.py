"""A local ingest killed with SIGKILL midway and run again stores every document and event
exactly once, the same as one clean run (issue 5, point 5)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scale_factories import write_corpus

from dateline.store.database import Store

pytestmark = pytest.mark.slow

N_DOCS = 5000
KILL_AFTER = 1000  # documents committed before the kill
TIMEOUT_S = 600  # a guard against a hang; on a quiet 2-core machine the test takes ~2 min


def _command(corpus: Path, db: Path, tmp: Path, name: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "dateline.scale.local_cli",
        str(corpus),
        "--db",
        str(db),
        "--workers",
        "2",
        "--chunk-size",
        "100",
        "--commit",
        "chunk",
        "--no-recluster",  # canonical events are not the point, and reclustering is slow
        "--progress-file",
        str(tmp / f"{name}.progress.json"),
        "--summary-file",
        str(tmp / f"{name}.summary.json"),
    ]


def _env() -> dict[str, str]:
    # Tiny documents: bigger spaCy batches; every stage still runs.
    return {**os.environ, "DATELINE_BATCH_SIZE": "100"}


def _run(cmd: list[str], cwd: Path, deadline: float) -> dict[str, object]:
    left = max(deadline - time.monotonic(), 1)
    subprocess.run(cmd, cwd=cwd, env=_env(), check=True, timeout=left)
    summary: dict[str, object] = json.loads(Path(cmd[-1]).read_text(encoding="utf-8"))
    return summary


def _progress(path: Path) -> dict[str, int]:
    try:
        data: dict[str, int] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data


def _wait_for_group_to_exit(pgid: int, timeout: float) -> bool:
    """True if processes of the group are still alive after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        time.sleep(0.2)
    return True


def _contents(db: Path) -> tuple[list[str], list[str]]:
    with Store.open(db, read_only=True) as store:
        con = store.connection()
        docs = [str(r[0]) for r in con.execute("SELECT id FROM documents").fetchall()]
        events = [str(r[0]) for r in con.execute("SELECT id FROM event_mentions").fetchall()]
    return docs, events


def test_an_ingest_killed_midway_and_rerun_stores_everything_exactly_once(
    tmp_path: Path,
) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    corpus = write_corpus(tmp_path / "news.jsonl", N_DOCS, most_sentences=1)

    clean = _run(_command(corpus, tmp_path / "clean.duckdb", tmp_path, "clean"), tmp_path, deadline)

    db = tmp_path / "killed.duckdb"
    cmd = _command(corpus, db, tmp_path, "killed")
    proc = subprocess.Popen(cmd, cwd=tmp_path, env=_env(), start_new_session=True)
    progress_file = tmp_path / "killed.progress.json"
    try:
        while _progress(progress_file).get("added", 0) < KILL_AFTER:
            assert proc.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "no progress before the time limit"
            time.sleep(0.2)
        os.kill(proc.pid, signal.SIGKILL)  # the parent only, as an OOM killer would
        proc.wait(timeout=30)
        orphans_left = _wait_for_group_to_exit(proc.pid, timeout=15)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    assert not orphans_left, "the workers of the killed parent did not exit"
    partial_docs, _ = _contents(db)
    assert KILL_AFTER <= len(partial_docs) < N_DOCS

    resumed = _run(cmd, tmp_path, deadline)

    docs, events = _contents(db)
    clean_docs, clean_events = _contents(tmp_path / "clean.duckdb")
    assert len(docs) == len(set(docs)) == N_DOCS - int(str(clean["failed"]))
    assert len(events) == len(set(events))
    assert sorted(docs) == sorted(clean_docs)
    assert sorted(events) == sorted(clean_events)
    assert resumed["skipped"] == len(partial_docs)
    assert resumed["added"] == N_DOCS - len(partial_docs)
