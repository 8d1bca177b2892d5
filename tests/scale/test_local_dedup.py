"""Near-duplicates under ``dateline ingest --workers N``: the parent holds the index, so a
copy is caught whatever chunk or worker its original went to."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from scale_factories import sentence

from dateline.config import Settings
from dateline.records import Article
from dateline.scale import local, worker
from dateline.store.database import Store

ORIGINALS = 12
COPIED = (1, 4, 6)  # which originals get a wire copy, at the end of the input


def _corpus(path: Path) -> Path:
    rng = random.Random(11)
    rows = []
    for i in range(ORIGINALS):
        text = " ".join(sentence(rng) for _ in range(4))
        rows.append({"id": f"orig-{i}", "published": "2025-03-04", "text": text})
    for i in COPIED:
        text = "NEWSWIRE — " + rows[i]["text"]
        rows.append({"id": f"copy-{i}", "published": "2025-03-04", "text": text})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _recording(sent: list[str]) -> Callable[..., Any]:
    real = local._Run._submit

    def submit(self: local._Run, fn: Callable[..., Any], items: list[Any]) -> Any:
        if fn is worker.code:
            sent.extend(a.id for a in items if isinstance(a, Article))
        return real(self, fn, items)

    return submit


@pytest.mark.slow
@pytest.mark.parametrize("commit", ["document", "chunk"])
def test_a_copy_in_another_chunk_is_not_coded_and_gets_its_originals_events(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, commit: local.Commit
) -> None:
    corpus = _corpus(tmp_path / "news.jsonl")
    db = tmp_path / "s.duckdb"
    sent: list[str] = []
    monkeypatch.setattr(local._Run, "_submit", _recording(sent))

    summary = local.ingest([str(corpus)], db, Settings(), workers=2, chunk_size=4, commit=commit)

    total = ORIGINALS + len(COPIED)
    assert (summary.added, summary.failed) == (total, 0)
    assert sorted(sent) == sorted(f"orig-{i}" for i in range(ORIGINALS))  # copies stayed home
    with Store.open(db, read_only=True) as store:
        con = store.connection()
        counts = dict(
            con.execute(
                "SELECT d.id, count(m.id) FROM documents d "
                "LEFT JOIN event_mentions m ON m.article_id = d.id GROUP BY d.id"
            ).fetchall()
        )
        order = [r[0] for r in con.execute("SELECT id FROM documents ORDER BY seq").fetchall()]
    assert order[:ORIGINALS] == [f"orig-{i}" for i in range(ORIGINALS)]
    for i in COPIED:
        assert counts[f"orig-{i}"] > 0
        assert counts[f"copy-{i}"] == counts[f"orig-{i}"]


@pytest.mark.slow
def test_without_dedup_every_copy_is_coded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = _corpus(tmp_path / "news.jsonl")
    sent: list[str] = []
    monkeypatch.setattr(local._Run, "_submit", _recording(sent))

    summary = local.ingest(
        [str(corpus)], tmp_path / "s.duckdb", Settings(dedup=False), workers=2, chunk_size=4
    )

    assert summary.added == ORIGINALS + len(COPIED)
    assert {f"copy-{i}" for i in COPIED} <= set(sent)
