"""Speed of the whole pipeline against bare spaCy, as ratios measured in one run.

Corpus: the texts of ../shared/eval/geo/TR-News.xml and ../shared/eval/temporal/tbaq
(real news). Baseline: the same spaCy pipeline's ``nlp.pipe`` with every component.
Also the cost of each dateline stage as a share of the spaCy time it runs on.

    .venv/bin/python benchmarks/pipeline_speed.py [--docs N] [--repeat R]
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dateline.config import Settings
from dateline.evaluation.geo import read_corpus
from dateline.evaluation.timeml import parse_tml
from dateline.pipeline import DocState, Pipeline, article_id
from dateline.records import Article

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


def load_articles(limit: int) -> list[Article]:
    texts: list[tuple[str, date | None]] = []
    for art in read_corpus(SHARED / "geo" / "TR-News.xml"):
        texts.append((art.text, None))
    seen: set[str] = set()
    for path in sorted((SHARED / "temporal" / "tbaq").rglob("*.tml")):
        if path.name in seen:
            continue
        seen.add(path.name)
        doc = parse_tml(path)
        texts.append((doc.text, doc.dct))
    articles = []
    for text, published in texts[:limit]:
        paragraphs = []
        pos = 0
        for part in text.split("\n"):
            if part.strip():
                paragraphs.append((pos, pos + len(part)))
            pos += len(part) + 1
        articles.append(
            Article(
                id=article_id(text),
                url=None,
                source=None,
                title=None,
                published=published,
                byline=None,
                language="en",
                text=text,
                paragraphs=tuple(paragraphs),
            )
        )
    return articles


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of this process (the latter steadier on a shared machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--scope",
        choices=("all", "candidates"),
        default=None,
        help="parse_scope for the dateline leg (default: the settings', DATELINE_PARSE_SCOPE)",
    )
    parser.add_argument(
        "--compare",
        action="store_true",
        help="also time the dateline pipeline with the other parse_scope, interleaved",
    )
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not found", file=sys.stderr)
        return 0
    settings = Settings.load()
    if args.scope is not None:
        settings = settings.with_overrides({"parse_scope": args.scope})
    articles = load_articles(args.docs)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    bare = importlib.import_module(settings.spacy_model).load()
    pipe = Pipeline(settings)
    legs: dict[str, Callable[[], object]] = {
        "bare spaCy nlp.pipe, all components": lambda: list(bare.pipe(texts, batch_size=16)),
        f"dateline full pipeline, parse_scope={settings.parse_scope}": lambda: list(
            pipe.process_articles(articles)
        ),
    }
    if args.compare:
        other_scope = "all" if settings.parse_scope == "candidates" else "candidates"
        other = Pipeline(settings.with_overrides({"parse_scope": other_scope}))
        legs[f"dateline full pipeline, parse_scope={other_scope}"] = lambda: list(
            other.process_articles(articles)
        )
        _ = other.stages, other.language
        list(other.process_articles(articles[:5]))
    _ = pipe.stages, pipe.language  # load models and data before timing
    list(pipe.process_articles(articles[:5]))
    best = {name: (float("inf"), float("inf")) for name in legs}
    for _ in range(args.repeat):  # interleaved, best of R: the same machine state for all
        for name, leg in legs.items():
            wall, cpu = timed(leg)
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    best_bare, bare_cpu = next(iter(best.values()))
    docs = list(pipe.parse(texts))
    stage_time = dict.fromkeys((s.name for s in pipe.stages), 0.0)
    for article, doc in zip(articles, docs, strict=True):
        state = DocState(article=article, doc=doc, settings=settings)
        for stage in pipe.stages:
            t0 = time.perf_counter()
            state = stage(state)
            stage_time[stage.name] += time.perf_counter() - t0
    print(f"corpus: {len(articles)} documents, {words} words (TR-News + TBAQ texts)")
    print(f"parse_scope: {settings.parse_scope}")
    print("| what | seconds | words/s | ratio to bare spaCy | CPU s | CPU ratio |")
    print("|---|---|---|---|---|---|")
    for name, (wall, cpu) in best.items():
        print(
            f"| {name} | {wall:.2f} | {words / wall:,.0f} | {best_bare / wall:.2f} | "
            f"{cpu:.2f} | {bare_cpu / cpu:.2f} |"
        )
    print()
    print("| stage | seconds | share of bare spaCy time |")
    print("|---|---|---|")
    for name, seconds in stage_time.items():
        print(f"| {name} | {seconds:.2f} | {seconds / best_bare:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
