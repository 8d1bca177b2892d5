"""Article-body extraction quality on the Scrapinghub article-extraction benchmark.

The data set is a folder with ``html/<id>.html.gz`` and ``ground-truth.json``
(``{id: {"articleBody", "url"}}``). Scoring follows the benchmark: word 4-gram shingles
(with counts) of the true and the extracted body give per-page TP/FP/FN, normalised so
that long pages weigh no more than short ones; precision and recall are averaged over
pages and F1 is computed from the two averages. Tokens are ``\\w+`` runs, lowercased.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from dateline.config import Settings
from dateline.errors import DatelineError, EvalError
from dateline.evaluation.report import EvalReport

_TOKEN = re.compile(r"\w+")
_NGRAM = 4

Extractor = Callable[[bytes, str | None], str]
Scores = tuple[float, float, float]


def shingles(text: str, n: int = _NGRAM) -> Counter[tuple[str, ...]]:
    """Word n-grams of ``text`` with their counts (a text shorter than n is one shingle)."""
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def match(true: str, predicted: str) -> Scores:
    """Normalised (tp, fp, fn) of one page."""
    gold, pred = shingles(true), shingles(predicted)
    tp = float(sum((gold & pred).values()))
    fp = float(sum((pred - gold).values()))
    fn = float(sum((gold - pred).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summarize(pages: list[Scores]) -> tuple[float, float, float]:
    """(precision, recall, F1): mean precision and recall over pages, F1 of the means."""
    precisions = [_precision(*p) for p in pages if p[0] + p[1] > 0]
    recalls = [_recall(*p) for p in pages if p[0] + p[2] > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def load_ground_truth(path: Path) -> dict[str, dict[str, str]]:
    truth_file = path / "ground-truth.json"
    if not truth_file.is_file() or not (path / "html").is_dir():
        raise EvalError(
            "expected ground-truth.json and html/<id>.html.gz (Scrapinghub benchmark layout)",
            source=str(path),
        )
    try:
        data = json.loads(truth_file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"cannot read ground truth: {exc}", source=str(truth_file)) from None
    if not isinstance(data, dict):
        raise EvalError("ground truth must be a JSON object", source=str(truth_file))
    return data


def _pages(
    path: Path, truth: dict[str, dict[str, str]], limit: int | None
) -> Iterator[tuple[str, bytes, str | None]]:
    for n, key in enumerate(sorted(truth)):
        if limit is not None and n >= limit:
            return
        page = path / "html" / f"{key}.html.gz"
        try:
            with gzip.open(page, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise EvalError(f"cannot read page: {exc}", source=str(page)) from None
        yield key, data, truth[key].get("url")


def dateline_body(settings: Settings) -> Extractor:
    """Our extractor: trafilatura plus furniture removal, as ``to_article`` runs it."""
    from dateline.ingest.article import to_article
    from dateline.ingest.sniff import HTML
    from dateline.records import RawDocument

    def extract(data: bytes, url: str | None) -> str:
        raw = RawDocument(source=url or "<page>", content=data, media_type=HTML, url=url)
        return to_article(raw, settings).text

    return extract


def trafilatura_body(data: bytes, url: str | None) -> str:
    """The baseline: trafilatura alone, as the benchmark runs it (comments excluded)."""
    import trafilatura

    return trafilatura.extract(data, url=url, include_comments=False) or ""


def score(
    path: Path, extractor: Extractor, *, limit: int | None = None
) -> tuple[list[Scores], int]:
    """Per-page scores of ``extractor`` and how many pages it failed on (scored as empty)."""
    truth = load_ground_truth(path)
    pages: list[Scores] = []
    failures = 0
    for key, data, url in _pages(path, truth, limit):
        try:
            predicted = extractor(data, url)
        except DatelineError:
            predicted = ""
            failures += 1
        pages.append(match(truth[key].get("articleBody", ""), predicted))
    return pages, failures


def run(
    path: Path, settings: Settings, *, limit: int | None = None, baseline: bool = True
) -> EvalReport:
    """Score dateline's article extraction (and, with ``baseline``, trafilatura alone)."""
    pages, failures = score(path, dateline_body(settings), limit=limit)
    precision, recall, f1 = summarize(pages)
    metrics = [("precision", precision), ("recall", recall), ("f1", f1)]
    notes = ["4-gram shingles, lowercased, P/R averaged per page (Scrapinghub benchmark)"]
    if baseline:
        base, _ = score(path, trafilatura_body, limit=limit)
        b_precision, b_recall, b_f1 = summarize(base)
        metrics += [
            ("trafilatura_precision", b_precision),
            ("trafilatura_recall", b_recall),
            ("trafilatura_f1", b_f1),
        ]
        notes.append("trafilatura_*: trafilatura.extract(include_comments=False) alone")
    return EvalReport(
        name="extraction",
        dataset=str(path),
        metrics=tuple(metrics),
        counts=(("pages", len(pages)), ("failures", failures)),
        notes=tuple(notes),
    )
