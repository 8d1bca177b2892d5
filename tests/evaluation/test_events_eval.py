"""The PLV event-coding harness: reading, splitting and scoring on invented rows, and
quality floors on the held-out PLV split for both protocols, the open pipeline (rules) and
known-dyad typing (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.errors import EvalError
from dateline.evaluation.events import (
    Coded,
    PlvRow,
    read_plv,
    run,
    score,
    select,
    split_of,
)

HEADER = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\n"


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "plv.tsv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    return path


def test_marked_spans_become_offsets_in_the_sentence(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            "0\t7\tThe army shelled the town.\t<s>The army</s> shelled <t>the town</t>.\t"
            "The army\tthe town\tASSAULT\n"
        ],
    )
    (row,) = read_plv(path)
    assert row.sentence[row.source[0] : row.source[1]] == "The army"
    assert row.sentence[row.target[0] : row.target[1]] == "the town"
    assert row.gold == "ASSAULT" and row.sentence_id == "7"


def test_a_file_without_rows_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        read_plv(write(tmp_path, []))


def test_the_split_is_deterministic_and_about_a_fifth() -> None:
    ids = [str(i) for i in range(2000)]
    test = [i for i in ids if split_of(i) == "test"]
    assert test == [i for i in ids if split_of(i) == "test"]
    assert 0.15 < len(test) / len(ids) < 0.25


def test_select_keeps_one_split() -> None:
    rows = [PlvRow(str(i), "s", (0, 1), (0, 1), "AGREE") for i in range(50)]
    assert all(split_of(r.sentence_id) == "dev" for r in select(rows, "dev"))
    assert len(select(rows, "test")) + len(select(rows, "dev")) == 50


def test_scoring_counts_missing_events_as_wrong_and_maps_yield() -> None:
    rows = [
        PlvRow("1", "a", (0, 1), (0, 1), "YIELD"),
        PlvRow("2", "b", (0, 1), (0, 1), "ACCUSE"),
        PlvRow("3", "c", (0, 1), (0, 1), "ACCUSE"),
        PlvRow("4", "d", (0, 1), (0, 1), "AID"),
    ]
    coded = [
        Coded("RETREAT", True, False),
        Coded("ACCUSE", True, True),
        Coded(None, False, False),
        Coded("ACCUSE", False, False),
    ]
    scores = score(rows, coded)
    assert scores["type_accuracy"] == pytest.approx(0.5)
    assert scores["coverage"] == pytest.approx(0.75)
    assert scores["actor_overlap"] == pytest.approx(0.5)
    # F1: YIELD 1, ACCUSE 2*1/(2+1+1) = 0.5, AID 0
    assert scores["macro_f1"] == pytest.approx(0.5)


@pytest.mark.slow
def test_floors_on_held_out_plv(shared_dir: Path) -> None:
    path = shared_dir / "eval" / "events" / "plv" / "PLV_train.tsv"
    if not path.is_file():
        pytest.skip(f"PLV not found at {path}")
    report = run(path, Settings(), split="test")
    # measured 2026-11-30 (end of the third session): dyad (PLV's protocol, the shipped
    # DyadTyper) 0.795 / 0.756, coverage 1.0; the open pipeline's rules 0.595 / 0.649
    # (210 rows)
    assert report.metric("type_accuracy") >= 0.78
    assert report.metric("macro_f1") >= 0.73
    assert report.metric("coverage") >= 0.99
    assert report.metric("rules:type_accuracy") >= 0.58
    assert report.metric("rules:macro_f1") >= 0.63
