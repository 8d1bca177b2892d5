"""The extraction benchmark harness: scoring rules, and the floor on the real data set."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.errors import EvalError
from dateline.evaluation import extraction

# Measured 2026-11-29: ours P 0.975 R 0.973 F1 0.974; trafilatura 2.3.1 alone P 0.942
# R 0.978 F1 0.960. The floors sit a little below ours so that a real drop fails.
F1_FLOOR = 0.970
PRECISION_FLOOR = 0.970
RECALL_FLOOR = 0.968


def test_identical_texts_score_perfectly() -> None:
    assert extraction.match("a b c d e", "A b, c d e") == (1.0, 0.0, 0.0)


def test_extra_text_costs_precision_and_missing_text_costs_recall() -> None:
    truth = "one two three four five six"
    extra = extraction.match(truth, truth + " seven eight")
    missing = extraction.match(truth, "one two three four")
    p_extra, r_extra, _ = extraction.summarize([extra])
    p_missing, r_missing, _ = extraction.summarize([missing])
    assert r_extra == 1.0 and p_extra < 1.0
    assert p_missing == 1.0 and r_missing < 1.0


def test_pages_weigh_the_same_whatever_their_length() -> None:
    long_page = extraction.match("w " * 1000, "w " * 1000)
    short_bad = extraction.match("a b c d e f", "x y z q r s")
    precision, recall, f1 = extraction.summarize([long_page, short_bad])
    assert precision == pytest.approx(0.5) and recall == pytest.approx(0.5)
    assert f1 == pytest.approx(0.5)


def test_missing_data_set_is_an_eval_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        extraction.run(tmp_path, Settings())


def test_extraction_quality_floor(shared_dir: Path) -> None:
    path = shared_dir / "eval" / "extraction" / "scrapinghub"
    if not (path / "ground-truth.json").is_file():
        pytest.skip(f"Scrapinghub extraction benchmark not found at {path}")
    report = extraction.run(path, Settings(), baseline=False)
    assert report.metric("f1") >= F1_FLOOR
    assert report.metric("precision") >= PRECISION_FLOOR
    assert report.metric("recall") >= RECALL_FLOOR
    assert dict(report.counts)["failures"] == 0
