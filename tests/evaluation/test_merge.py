"""Merge precision and recall of canonical events against the corpus's shared gold keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dateline.config import Settings
from dateline.evaluation import merge
from dateline.evaluation.gold import load_gold
from dateline.evaluation.merge import MatchedMention, pair_counts


def test_pair_counts_precision_and_recall() -> None:
    mentions = [
        MatchedMention("a1", "visit"),
        MatchedMention("b1", "visit"),
        MatchedMention("c1", "visit"),
        MatchedMention("d1", "strike"),
    ]
    # a1 and b1 merged (right), c1 missed, d1 wrongly merged with a1 and b1
    canonical = {"a1": "X", "b1": "X", "c1": "Y", "d1": "X"}
    counts = pair_counts(mentions, canonical)
    assert (counts.same_key, counts.merged, counts.merged_same_key) == (3, 3, 1)
    assert counts.precision == pytest.approx(1 / 3) and counts.recall == pytest.approx(1 / 3)


def test_unclustered_mentions_are_never_merged() -> None:
    mentions = [MatchedMention("a", "k"), MatchedMention("b", "k")]
    counts = pair_counts(mentions, {})
    assert (counts.merged, counts.same_key, counts.precision, counts.recall) == (0, 1, 0.0, 0.0)


def test_oracle_clusters_gold_events_of_the_corpus(repo_dir: Path) -> None:
    report = merge.oracle(repo_dir / "examples" / "corpus")
    counts = dict(report.counts)
    assert counts["gold_mentions"] == 205 and counts["pairs_same_key"] > 50
    # Measured 0.77 / 0.88 (2026-11-30). The gold keys some sub-events of one day apart
    # (an arrival and the meeting that follows) that type, actors and dates cannot tell.
    assert report.metric("merge_recall") >= 0.8
    assert report.metric("merge_precision") >= 0.7
    assert counts["canonical_events_with_conflicts"] >= 1


@pytest.mark.slow
def test_merge_on_the_sample_corpus(pipeline: Any, repo_dir: Path) -> None:
    from dateline.ingest.readers import read_inputs

    corpus = repo_dir / "examples" / "corpus"
    results = list(pipeline.run(read_inputs([str(corpus)], Settings())))
    report = merge.score_results(results, load_gold(corpus), dataset=str(corpus))
    counts = dict(report.counts)
    assert counts["matched_mentions"] >= 80 and counts["pairs_same_key"] >= 20
    # Measured 0.912 / 0.939 (2026-11-30, merge rules and coder of that day; 0.875 / 0.452
    # before the rules of that day and the coder's date and actor fixes). What is left is
    # listed in docs/data.md.
    assert report.metric("merge_precision") >= 0.9
    assert report.metric("merge_recall") >= 0.9
    assert counts["canonical_events_with_conflicts"] >= 1
    assert report.to_json()["name"] == "merge"


def test_run_signature() -> None:
    import inspect

    params = list(inspect.signature(merge.run).parameters)
    assert params == ["corpus_dir", "settings"]
