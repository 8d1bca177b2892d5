"""Cross-document merging measured on the sample corpus's shared gold keys.

The pipeline's extractions go into a temporary store, which clusters event mentions into
canonical events. Each predicted mention is paired with a gold event of its document the
way :mod:`dateline.evaluation.gold` pairs them (same type, evidence sentence covering the
gold sentence, greedy one-to-one). Over pairs of *matched* mentions:

- ``merge_precision``: of the pairs we put in one canonical event, the share whose gold
  events have the same ``key``;
- ``merge_recall``: of the pairs whose gold events share a ``key``, the share we merged.

Mentions the coder missed or invented are left out: this measures merging, not coding.
``canonical_events_with_conflicts`` counts canonical events that flag conflicting dates.

:func:`oracle` runs the same clustering on the gold events themselves (as if the coder were
perfect), which separates the merge rules' own errors from coding errors upstream.
"""

from __future__ import annotations

import calendar
import hashlib
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from pathlib import Path

from dateline.config import Settings
from dateline.evaluation import gold as gold_module
from dateline.evaluation.report import EvalReport
from dateline.records import (
    Article,
    Entity,
    Event,
    EventDate,
    Evidence,
    Extraction,
    Failure,
    Granularity,
    Place,
)
from dateline.store import Store


@dataclass(frozen=True, slots=True)
class MatchedMention:
    """A predicted event mention paired with a gold event: its id and the gold key."""

    event_id: str
    key: str


def matched_mentions(
    extractions: Iterable[Extraction], gold: gold_module.GoldCorpus
) -> list[MatchedMention]:
    """Predicted mentions paired with gold events, by the gold scorer's own matching."""
    found: list[MatchedMention] = []
    for ex in extractions:
        doc = gold.document_for(ex)
        if doc is None:
            continue
        for pred, g in gold_module._match(ex.events, doc.events, same_type=True):
            found.append(MatchedMention(event_id=pred.id, key=g.key))
    return found


@dataclass(frozen=True, slots=True)
class PairCounts:
    merged: int
    merged_same_key: int
    same_key: int

    @property
    def precision(self) -> float:
        return self.merged_same_key / self.merged if self.merged else 0.0

    @property
    def recall(self) -> float:
        return self.merged_same_key / self.same_key if self.same_key else 0.0


def pair_counts(mentions: Sequence[MatchedMention], canonical: dict[str, str]) -> PairCounts:
    """Pairwise counts: ``canonical`` maps an event id to its canonical event id."""
    merged = merged_same = same = 0
    for a, b in combinations(mentions, 2):
        together = canonical.get(a.event_id) is not None and canonical.get(
            a.event_id
        ) == canonical.get(b.event_id)
        shared = a.key == b.key
        merged += together
        same += shared
        merged_same += together and shared
    return PairCounts(merged=merged, merged_same_key=merged_same, same_key=same)


def score(
    extractions: Sequence[Extraction],
    gold: gold_module.GoldCorpus,
    store: Store,
    *,
    failures: Sequence[Failure] = (),
    dataset: str | None = None,
) -> EvalReport:
    """Merge precision and recall of the canonical events in ``store`` (which holds
    ``extractions``) against the gold keys."""
    mentions = matched_mentions(extractions, gold)
    con = store.connection()
    rows = con.execute("SELECT mention_id, canonical_id FROM canonical_mentions").fetchall()
    canonical = {str(m): str(c) for m, c in rows}
    counts = pair_counts(mentions, canonical)
    p, r = counts.precision, counts.recall
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    conflicts = con.execute(
        "SELECT count(*) FROM canonical_events WHERE conflicts <> '[]'"
    ).fetchone()
    canonical_total = con.execute("SELECT count(*) FROM canonical_events").fetchone()
    multi = con.execute("SELECT count(*) FROM canonical_events WHERE num_articles > 1").fetchone()
    notes = [f"failed: {f.source} ({f.stage}): {f.reason}" for f in failures]
    keys_with_pairs = len({m.key for m in mentions}) - len(
        {m.key for m in mentions if sum(1 for o in mentions if o.key == m.key) == 1}
    )
    return EvalReport(
        name="merge",
        dataset=dataset or str(gold.root),
        metrics=(
            ("merge_precision", p),
            ("merge_recall", r),
            ("merge_f1", f1),
        ),
        counts=(
            ("matched_mentions", len(mentions)),
            ("gold_keys_with_several_matched_mentions", keys_with_pairs),
            ("pairs_same_key", counts.same_key),
            ("pairs_merged", counts.merged),
            ("pairs_merged_same_key", counts.merged_same_key),
            ("event_mentions", sum(len(e.events) for e in extractions)),
            ("canonical_events", int(canonical_total[0]) if canonical_total else 0),
            ("canonical_events_multi_article", int(multi[0]) if multi else 0),
            ("canonical_events_with_conflicts", int(conflicts[0]) if conflicts else 0),
        ),
        notes=tuple(notes),
    )


def run(corpus_dir: Path, settings: Settings) -> EvalReport:
    """Run the pipeline over the corpus into a temporary store and score its merging.

    The report adds ``oracle_merge_precision``/``oracle_merge_recall``: the same rules on
    the gold events themselves (:func:`oracle`).
    """
    from dateline.ingest.readers import read_inputs
    from dateline.pipeline import Pipeline

    gold = gold_module.load_gold(corpus_dir)
    results = list(Pipeline(settings).run(read_inputs([str(corpus_dir)], settings)))
    report = score_results(results, gold, dataset=str(corpus_dir))
    perfect = oracle(corpus_dir)
    return replace(
        report,
        metrics=(
            *report.metrics,
            ("oracle_merge_precision", perfect.metric("merge_precision")),
            ("oracle_merge_recall", perfect.metric("merge_recall")),
        ),
    )


def score_results(
    results: Sequence[Extraction | Failure],
    gold: gold_module.GoldCorpus,
    *,
    dataset: str | None = None,
) -> EvalReport:
    """Store pipeline results in a temporary store (adding one by one) and score merging."""
    extractions = [r for r in results if isinstance(r, Extraction)]
    failures = [r for r in results if isinstance(r, Failure)]
    with (
        tempfile.TemporaryDirectory(prefix="dateline-merge-") as tmp,
        Store.open(Path(tmp) / "merge.duckdb") as store,
    ):
        store.add_many(results)
        return score(extractions, gold, store, failures=failures, dataset=dataset)


# -- the oracle: gold events through the same clustering --------------------------------------


def _granularity(start: date | None, end: date | None) -> Granularity | None:
    if start is None or end is None:
        return None
    if start == end:
        return "day"
    last = calendar.monthrange(end.year, end.month)[1]
    if start.day == 1 and end.day == last:
        if (start.year, start.month) == (end.year, end.month):
            return "month"
        if (start.month, end.month) == (1, 12) and start.year == end.year:
            return "year"
    return "week" if (end - start).days <= 7 else None


def gold_extractions(gold: gold_module.GoldCorpus) -> list[Extraction]:
    """The gold corpus as extractions: one article per gold document, its gold events."""
    found: list[Extraction] = []
    for doc in gold.documents:
        ident = doc.id or hashlib.sha256(doc.file.encode("utf-8")).hexdigest()[:16]
        text = "\n".join(e.sentence for e in doc.events) or doc.file
        article = Article(
            id=ident,
            url=None,
            source=doc.file.split(".", 1)[0],
            title=None,
            published=doc.published,
            byline=None,
            language="en",
            text=text,
            origin=f"{doc.file}#{doc.id}" if doc.id else doc.file,
        )
        events = []
        for i, g in enumerate(doc.events):
            known = g.start is not None or g.end is not None
            place = None
            if g.place is not None:
                place = Place(
                    text=g.place.name,
                    start=0,
                    end=0,
                    kind="place",
                    name=g.place.name,
                    geonameid=None,
                    country=g.place.country,
                    lat=None,
                    lon=None,
                    feature=None,
                )
            events.append(
                Event(
                    id=f"{ident}-e{i + 1}",
                    type=g.type,
                    mode=g.mode,
                    cameo=None,
                    actor=tuple(Entity(text=c, name=c, country=c) for c in g.actor),
                    recipient=tuple(Entity(text=c, name=c, country=c) for c in g.recipient),
                    status=g.status,
                    date=EventDate(
                        start=g.start,
                        end=g.end,
                        granularity=_granularity(g.start, g.end),
                        text=None,
                        basis="stated" if known else "publication",
                    ),
                    place=place,
                    evidence=Evidence(sentence=g.sentence, start=0, end=0, trigger=g.trigger),
                    score=None,
                    quad=None,
                    confidence=1.0,
                )
            )
        found.append(Extraction(article=article, events=tuple(events)))
    return found


def oracle(corpus_dir: Path) -> EvalReport:
    """Merge precision and recall when the coder is perfect: the gold events clustered."""
    gold = gold_module.load_gold(corpus_dir)
    extractions = gold_extractions(gold)
    keys = {
        f"{ex.article.id}-e{i + 1}": g.key
        for ex, doc in zip(extractions, gold.documents, strict=True)
        for i, g in enumerate(doc.events)
    }
    mentions = [MatchedMention(event_id=k, key=v) for k, v in keys.items()]
    with (
        tempfile.TemporaryDirectory(prefix="dateline-merge-") as tmp,
        Store.open(Path(tmp) / "oracle.duckdb") as store,
    ):
        store.add_many(extractions)
        con = store.connection()
        rows = con.execute("SELECT mention_id, canonical_id FROM canonical_mentions").fetchall()
        conflicts = con.execute(
            "SELECT count(*) FROM canonical_events WHERE conflicts <> '[]'"
        ).fetchone()
    counts = pair_counts(mentions, {str(m): str(c) for m, c in rows})
    p, r = counts.precision, counts.recall
    return EvalReport(
        name="merge-oracle",
        dataset=str(corpus_dir),
        metrics=(
            ("merge_precision", p),
            ("merge_recall", r),
            ("merge_f1", 2 * p * r / (p + r) if p + r else 0.0),
        ),
        counts=(
            ("gold_mentions", len(mentions)),
            ("pairs_same_key", counts.same_key),
            ("pairs_merged", counts.merged),
            ("pairs_merged_same_key", counts.merged_same_key),
            ("canonical_events_with_conflicts", int(conflicts[0]) if conflicts else 0),
        ),
    )
