"""The pipeline: ordered stages over a spaCy Doc, with requires/assigns checked up front.

A stage is any object with ``name``, ``requires``, ``assigns`` and ``__call__(state)``
returning a new :class:`DocState`. Stages are created by name from a
:class:`~dateline.registry.StageRegistry`; the built-in stages are registered through the
same call a user's own stage would use.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from dateline.config import Settings
from dateline.duplicates import CopyFinder
from dateline.errors import ConfigError, DatelineError, PipelineError
from dateline.nlp import Doc, Language, load_language
from dateline.records import (
    Article,
    Diagnostic,
    Event,
    Extraction,
    Failure,
    Mention,
    Place,
    RawDocument,
    TimeSpan,
)

if TYPE_CHECKING:
    from dateline.events.dyad import DyadCoding, DyadQuery, Offsets
    from dateline.selective import SelectiveParser

#: What a stage can require or assign: the fields of DocState it reads or writes.
ANNOTATIONS = ("doc", "mentions", "times", "places", "events")


@dataclass(frozen=True, slots=True)
class DocState:
    """One document as it moves through the stages."""

    article: Article
    doc: Doc
    settings: Settings
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeSpan, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    def with_diagnostic(self, stage: str, level: str, message: str) -> DocState:
        diag = Diagnostic(stage=stage, level=level, message=message)  # type: ignore[arg-type]
        return replace(self, diagnostics=(*self.diagnostics, diag))

    def to_extraction(self) -> Extraction:
        return Extraction(
            article=self.article,
            events=self.events,
            mentions=self.mentions,
            times=self.times,
            places=self.places,
            diagnostics=self.diagnostics,
        )


@runtime_checkable
class Stage(Protocol):
    """What the pipeline needs of a stage."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, state: DocState) -> DocState: ...


def check_wiring(stages: Sequence[Stage]) -> None:
    """Fail early when a stage requires an annotation no earlier stage assigns."""
    available = {"doc"}
    for stage in stages:
        for need in stage.requires:
            if need not in ANNOTATIONS:
                raise PipelineError(f"stage {stage.name!r} requires unknown annotation {need!r}")
            if need not in available:
                raise PipelineError(
                    f"stage {stage.name!r} requires {need!r}, which no earlier stage assigns"
                )
        for out in stage.assigns:
            if out not in ANNOTATIONS:
                raise PipelineError(f"stage {stage.name!r} assigns unknown annotation {out!r}")
        available.update(stage.assigns)


def article_id(text: str, url: str | None = None) -> str:
    """A stable 16-hex id from the article's URL and text (same content, same id)."""
    h = hashlib.sha256()
    h.update((url or "").encode("utf-8"))
    h.update(b"\0")
    h.update(text.encode("utf-8"))
    return h.hexdigest()[:16]


class Pipeline:
    """Turns raw news into :class:`Extraction` records.

    >>> from dateline import Pipeline
    >>> pipe = Pipeline()                                     # doctest: +SKIP
    >>> pipe.extract("PARIS — ...", published="2026-02-01")    # doctest: +SKIP
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        stages: Sequence[Stage] | None = None,
        language: Language | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self._stages: tuple[Stage, ...] | None = None
        if stages is not None:
            check_wiring(stages)
            self._stages = tuple(stages)
        self._language = language
        self._selective: SelectiveParser | None = None

    @property
    def stages(self) -> tuple[Stage, ...]:
        """The stages, created from the settings on first use (article-only runs need none)."""
        if self._stages is None:
            from dateline.registry import builtin_registry

            registry = builtin_registry()
            stages = [registry.create(name, self.settings) for name in self.settings.stages]
            check_wiring(stages)
            self._stages = tuple(stages)
        return self._stages

    @property
    def language(self) -> Language:
        """The spaCy pipeline, loaded on first use."""
        if self._language is None:
            self._language = load_language(self.settings)
        return self._language

    # -- single documents -------------------------------------------------------------
    def extract(
        self,
        text_or_html: str | bytes,
        *,
        published: date | str | None = None,
        url: str | None = None,
        title: str | None = None,
        source: str = "<text>",
        events: bool = True,
    ) -> Extraction:
        """Code one article given as HTML or text. Raises InputError on unusable input."""
        from dateline.ingest.sniff import raw_from_content

        raw = raw_from_content(
            text_or_html, source=source, url=url, title=title, published=published
        )
        result = next(iter(self.run([raw], events=events)))
        if isinstance(result, Failure):
            from dateline.errors import InputError

            raise InputError(result.reason, source=result.source)
        return result

    # -- known dyads -------------------------------------------------------------------
    def code_dyads(
        self, queries: Iterable[DyadQuery | Failure], *, published: date | None = None
    ) -> Iterator[DyadCoding | Failure]:
        """Type the event each text is said to report from its source to its target
        (:mod:`dateline.events.dyad`), in input order; a query whose parties are not in its
        text comes out as a :class:`Failure` (as do failures passed in) and the batch goes
        on."""
        from dateline.events.dyad import DyadTyper, locate

        typer = DyadTyper.load()
        batch: list[tuple[DyadQuery, Offsets, Offsets | None]] = []

        def flush() -> Iterator[DyadCoding | Failure]:
            articles = [
                Article(f"dyad{i}", None, None, None, published, None, "en", q.text)
                for i, (q, _, _) in enumerate(batch)
            ]
            results = self.process_articles(articles)
            docs = self.language.pipe([q.text for q, _, _ in batch])
            for (query, source, target), result, doc in zip(batch, results, docs, strict=True):
                if isinstance(result, Failure):
                    yield Failure(query.id or "<dyad>", result.reason, result.stage)
                    continue
                yield typer.code(doc, result.events, source, target, query)

        for query in queries:
            if isinstance(query, Failure):
                yield from flush()
                batch = []
                yield query
                continue
            try:
                source = locate(query.text, query.source, "source")
                target = locate(query.text, query.target, "target")
            except DatelineError as exc:
                yield from flush()
                batch = []
                yield Failure(query.id or "<dyad>", exc.message, "dyad")
                continue
            if source is None:
                continue  # locate() only returns None for a missing party
            batch.append((query, source, target))
            if len(batch) >= self.settings.batch_size:
                yield from flush()
                batch = []
        if batch:
            yield from flush()

    def code_dyad(
        self,
        text: str,
        source: str | Offsets,
        target: str | Offsets | None = None,
        *,
        published: date | None = None,
    ) -> DyadCoding:
        """Type the event ``text`` reports from ``source`` to ``target`` (the parties' words
        as they appear in the text, or character offsets). Raises InputError where a party
        is not in the text."""
        from dateline.events.dyad import DyadQuery

        (result,) = self.code_dyads([DyadQuery(text, source, target)], published=published)
        if isinstance(result, Failure):
            from dateline.errors import InputError

            raise InputError(result.reason, source=result.source)
        return result

    # -- batches ----------------------------------------------------------------------
    def articles(self, raws: Iterable[RawDocument | Failure]) -> Iterator[Article | Failure]:
        """Article extraction only (``--no-events``): never raises for a bad document."""
        from dateline.ingest.article import to_article

        for raw in raws:
            if isinstance(raw, Failure):
                yield raw
                continue
            try:
                yield to_article(raw, self.settings)
            except DatelineError as exc:
                yield Failure(source=raw.source, reason=exc.message, stage="article")

    def run(
        self, raws: Iterable[RawDocument | Failure], *, events: bool = True
    ) -> Iterator[Extraction | Failure]:
        """Process documents in input order; bad ones come out as :class:`Failure`."""
        items = self.articles(raws)
        if not events:
            for item in items:
                yield item if isinstance(item, Failure) else Extraction(article=item)
            return
        yield from self.process_articles(items)

    def process_articles(
        self, items: Iterable[Article | Failure]
    ) -> Iterator[Extraction | Failure]:
        """Run spaCy and the stages over articles, batched, preserving order.

        With ``settings.dedup``, a near-verbatim copy of an article already coded in this
        run (a syndicated wire story) is not coded again: it gets the original's events,
        re-anchored on its own text, and still counts as a source of its own.
        """
        copies = CopyFinder() if self.settings.dedup else None
        batch: list[Article | Failure] = []
        for item in items:
            if copies is not None and isinstance(item, Article):
                original = copies.original(item)
                if original is not None:
                    yield from self._remembered(self._process_batch(batch), copies)
                    batch = []
                    copy = copies.copy(item, original)
                    if copy is not None:
                        yield copy
                        continue
            batch.append(item)
            if len(batch) >= self.settings.batch_size:
                yield from self._remembered(self._process_batch(batch), copies)
                batch = []
        if batch:
            yield from self._remembered(self._process_batch(batch), copies)

    @staticmethod
    def _remembered(
        results: Iterable[Extraction | Failure], copies: CopyFinder | None
    ) -> Iterator[Extraction | Failure]:
        """Pass results on, keeping the latest ones so that copies can reuse them."""
        for result in results:
            if copies is not None and isinstance(result, Extraction):
                copies.remember(result)
            yield result

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        """spaCy Docs for ``texts``, in order, as the stages get them (``parse_scope``)."""
        selective = self._selective_parser()
        if selective is None:
            return iter(self.language.pipe(texts, batch_size=self.settings.batch_size))
        return selective.pipe(texts, self.settings.batch_size)

    def _selective_parser(self) -> SelectiveParser | None:
        """The two-pass parser for ``parse_scope = "candidates"``; None where everything is
        parsed (the setting says so, no events stage runs, or the spaCy pipeline has
        components it cannot split)."""
        from dateline.selective import PARSE_SCOPES, CandidateTest, SelectiveParser

        scope = self.settings.parse_scope
        if scope not in PARSE_SCOPES:
            raise ConfigError(
                f"parse_scope must be one of {', '.join(PARSE_SCOPES)}, not {scope!r}"
            )
        if scope == "all" or not any(s.name == "events" for s in self.stages):
            return None
        if self._selective is None:
            if not SelectiveParser.supports(self.language):
                return None
            self._selective = SelectiveParser(
                self.language, CandidateTest.for_settings(self.settings)
            )
        return self._selective

    def _process_batch(self, batch: list[Article | Failure]) -> Iterator[Extraction | Failure]:
        articles = [a for a in batch if isinstance(a, Article)]
        _ = self.stages  # fail on wiring before any model work
        docs = self.parse([a.text for a in articles]) if articles else iter(())
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            doc = next(docs)
            yield self.annotate(item, doc)

    def annotate(self, article: Article, doc: Doc) -> Extraction | Failure:
        """Run the stages on one parsed article."""
        state = DocState(article=article, doc=doc, settings=self.settings)
        for stage in self.stages:
            try:
                state = stage(state)
            except DatelineError as exc:
                return Failure(
                    source=article.origin or article.id, reason=exc.message, stage=stage.name
                )
            except Exception as exc:  # a stage bug must not abort the batch; it is reported
                return Failure(
                    source=article.origin or article.id,
                    reason=f"internal error in stage {stage.name!r}: {type(exc).__name__}: {exc}",
                    stage=stage.name,
                )
        return state.to_extraction()
