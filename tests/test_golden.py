"""Golden end-to-end test: the real pipeline on the sample corpus against its gold events.

The floors sit a little below the figures recorded in docs/benchmarks.md; a change that
lowers a figure past its floor fails here. Raise a floor when a figure rises for good.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.evaluation.gold import load_gold, score
from dateline.evaluation.report import EvalReport
from dateline.ingest.readers import read_inputs
from dateline.records import Extraction, Failure

pytestmark = pytest.mark.slow

FLOORS = {
    "precision": 0.86,
    "recall": 0.70,
    "type_accuracy": 0.94,
    "actor_country_accuracy": 0.95,
    "recipient_country_accuracy": 0.90,
    "status_accuracy": 0.93,
    "date_accuracy": 0.95,
    "place_accuracy": 0.90,
}
CEILINGS = {"false_event_rate": 0.05, "planned_before_publication": 0.0}


@pytest.fixture(scope="module")
def report(repo_dir: Path, pipeline: object) -> EvalReport:
    from dateline.pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    corpus = repo_dir / "examples" / "corpus"
    results = list(pipeline.run(read_inputs([str(corpus)], Settings())))
    failures = [r for r in results if isinstance(r, Failure)]
    assert not failures, failures
    extractions = [r for r in results if isinstance(r, Extraction)]
    return score(extractions, load_gold(corpus), dataset=str(corpus))


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_golden_metric_stays_above_its_floor(report: EvalReport, metric: str) -> None:
    assert report.metric(metric) >= FLOORS[metric], f"{metric} fell to {report.metric(metric)}"


@pytest.mark.parametrize("metric", sorted(CEILINGS))
def test_golden_error_rate_stays_below_its_ceiling(report: EvalReport, metric: str) -> None:
    assert report.metric(metric) <= CEILINGS[metric], f"{metric} rose to {report.metric(metric)}"


def test_every_gold_document_is_coded(report: EvalReport) -> None:
    counts = dict(report.counts)
    assert counts["documents"] == counts["gold_documents"]
