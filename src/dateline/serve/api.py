"""The HTTP API and the web page: ``create_app(db_path, settings)`` builds a FastAPI app.

The store is opened read-only once, on the first request; every request then reads through
a cursor of its own (DuckDB connections are not thread-safe, cursors are independent
connections to the same database). The extraction pipeline is loaded on the first
POST /api/extract and serialised behind a lock. Nothing happens at import time.
"""

# No `from __future__ import annotations`: FastAPI reads the route signatures at runtime,
# and they name locals of create_app (limits, dependencies).

import threading
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from dateline.config import Settings
from dateline.errors import DatelineError, InputError, StoreError
from dateline.events.ontology import EVENT_TYPES
from dateline.records import Article
from dateline.serve import models, queries
from dateline.serve.guard import SecurityMiddleware
from dateline.serve.options import ServeOptions
from dateline.store import SnapshotReader, Store
from dateline.store.snapshot import snapshot_path

if TYPE_CHECKING:
    from dateline.pipeline import Pipeline

WEB_DIR = Path(__file__).resolve().parent / "web"
MAX_ACTORS = 4

StatusParam = Literal["occurred", "ongoing", "planned", "hypothetical", "negated"]
# A country code as the store keeps it: ISO 3166 alpha-3 or a group code (EU, NATO, IGO).
CODE_PATTERN = r"^[A-Za-z]{2,8}$"


class StoreSource:
    """Opens the store read-only on first use and hands out one cursor per request.

    When an ingest publishes snapshots (``dateline ingest --snapshot-interval``), requests
    read the newest snapshot instead: DuckDB lets no reader open a file that another
    process is writing, and this way new articles appear once ingested.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._base: Store | None = None
        self._reader: SnapshotReader | None = None

    def session(self) -> Store:
        with self._lock:
            if self._reader is None and snapshot_path(self.path).exists():
                if self._base is not None:
                    self._base.close()
                    self._base = None
                self._reader = Store.open_snapshot_reader(self.path)
            if self._reader is not None:
                base = self._reader.current()
            else:
                if self._base is None:
                    self._base = Store.open(self.path, read_only=True)
                base = self._base
            cursor = base.connection().cursor()
        return Store(cursor, self.path, read_only=True)

    def close(self) -> None:
        with self._lock:
            if self._base is not None:
                self._base.close()
                self._base = None
            if self._reader is not None:
                self._reader.close()
                self._reader = None


class PipelineSource:
    """The extraction pipeline, built on first use; one extraction at a time."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None

    def extract(self, body: models.ExtractRequest) -> dict[str, Any]:
        """Raises InputError when the article cannot be read or coded."""
        from dateline.ingest.sniff import ARTICLE, HTML
        from dateline.pipeline import Pipeline
        from dateline.records import Failure, RawDocument

        # Given text is the clean body, kept unchanged so that offsets refer to it (as for
        # a JSONL row's "text"); HTML goes through article extraction.
        raw = RawDocument(
            source="<api>",
            content=body.text if body.text is not None else body.html or "",
            media_type=ARTICLE if body.text is not None else HTML,
            url=body.url,
            title=body.title,
            published=body.published,
        )
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self._settings)
            result = next(iter(self._pipeline.run([raw])))
        if isinstance(result, Failure):
            raise InputError(result.reason, source=result.source)
        return result.to_json()


def create_app(db_path: str, settings: Settings) -> FastAPI:
    """The API and the page over the store at ``db_path`` (opened read-only, lazily)."""
    options = ServeOptions.from_settings(settings)
    stores = StoreSource(str(db_path))
    pipelines = PipelineSource(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> Any:
        yield
        stores.close()

    app = FastAPI(
        title="dateline",
        summary="Dated, placed and sourced political events (PLOVER), with their evidence.",
        version="1",
        # Swagger UI and ReDoc load scripts from a CDN and inline: off. /openapi.json stays.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        responses={422: {"model": models.Problem}},
    )
    app.add_middleware(SecurityMiddleware, max_body_bytes=options.max_body_bytes)
    _error_handlers(app)
    _routes(app, stores, pipelines, options)
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", media_type="text/html; charset=utf-8")

    return app


def _invalid(where: str, name: str, message: str) -> RequestValidationError:
    """A 422 shaped like FastAPI's own validation errors."""
    return RequestValidationError([{"loc": (where, name), "msg": message, "type": "value_error"}])


def _routes(
    app: FastAPI, stores: StoreSource, pipelines: PipelineSource, options: ServeOptions
) -> None:
    def store() -> Iterator[Store]:
        session = stores.session()
        try:
            yield session
        finally:
            session.close()

    Db = Annotated[Store, Depends(store)]

    def event_filter(
        actor: Annotated[
            list[str],
            Query(
                description=f"ISO3 country code or actor name; repeat (up to {MAX_ACTORS}) "
                "for events involving all of them.",
            ),
        ] = [],  # noqa: B006 (FastAPI copies defaults per request)
        type: Annotated[
            str | None, Query(description="PLOVER type: " + ", ".join(EVENT_TYPES))
        ] = None,
        status: StatusParam | None = None,
        since: Annotated[
            date | None, Query(description="ISO day; events whose interval ends on or after it.")
        ] = None,
        until: Annotated[
            date | None,
            Query(description="ISO day; events whose interval starts on or before it."),
        ] = None,
        q: Annotated[
            str | None,
            Query(max_length=200, description="Words in sentence, title, actors or place."),
        ] = None,
    ) -> queries.EventFilter:
        return _make_filter(actor, type, status, since, until, q)

    Filter = Annotated[queries.EventFilter, Depends(event_filter)]

    @app.get("/api/events", response_model=models.EventPage, tags=["events"])
    def list_events(
        db: Db,
        flt: Filter,
        limit: Annotated[int, Query(ge=1, le=options.max_page)] = 100,
        offset: Annotated[int, Query(ge=0, le=options.max_offset)] = 0,
    ) -> models.EventPage:
        """Event mentions matching the filters, in date order, one page at a time."""
        rows = queries.list_events(db, flt, limit=limit, offset=offset)
        return models.EventPage(
            total=queries.count_events(db, flt),
            limit=limit,
            offset=offset,
            items=[models.EventRow.model_validate(r) for r in rows],
        )

    @app.get("/api/timeline", response_model=models.Timeline, tags=["events"])
    def timeline(
        db: Db,
        flt: Filter,
        limit: Annotated[int, Query(ge=1, le=options.max_timeline)] = options.max_timeline,
    ) -> models.Timeline:
        """Every matching mention (up to ``limit``) with the span they cover, for drawing."""
        rows = queries.list_events(db, flt, limit=limit, offset=0)
        total = len(rows) if len(rows) < limit else queries.count_events(db, flt)
        starts = [d for r in rows for d in (r.date_start, r.date_end) if d is not None]
        return models.Timeline(
            total=total,
            truncated=total > len(rows),
            start=min(starts, default=None),
            end=max(starts, default=None),
            items=[models.EventRow.model_validate(r) for r in rows],
        )

    @app.get("/api/dyads", response_model=models.DyadList, tags=["dyads"])
    def dyads(
        db: Db,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        actor: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
    ) -> models.DyadList:
        """Pairs of different countries with most events between them."""
        found = queries.top_dyads(db, limit=limit, actor=actor)
        return models.DyadList(items=[models.Dyad.model_validate(d) for d in found])

    @app.get("/api/dyads/{a}/{b}/summary", response_model=models.DyadSummary, tags=["dyads"])
    def dyad_summary(
        db: Db,
        a: Annotated[str, PathParam(pattern=CODE_PATTERN)],
        b: Annotated[str, PathParam(pattern=CODE_PATTERN)],
        since: date | None = None,
        until: date | None = None,
    ) -> models.DyadSummary:
        """Per month: events between the two countries by quad class, and their mean score."""
        a, b = a.upper(), b.upper()
        if a == b:
            raise _invalid("path", "b", "a dyad needs two different countries")
        flt = _make_filter([], None, None, since, until, None)
        months, undated = queries.dyad_months(db, a, b, since=flt.since, until=flt.until)
        return models.DyadSummary(
            a=a,
            b=b,
            total=sum(m.events for m in months) + undated,
            undated=undated,
            months=[models.DyadMonth.model_validate(m) for m in months],
        )

    @app.get("/api/actors", response_model=models.ActorList, tags=["actors"])
    def actors(
        db: Db,
        q: Annotated[str, Query(min_length=1, max_length=100)],
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
    ) -> models.ActorList:
        """Actors whose code is ``q`` or whose name contains it, busiest first."""
        found = db.actors(q, limit=limit)
        return models.ActorList(items=[models.Actor.model_validate(a) for a in found])

    @app.get("/api/events/{event_id}", response_model=models.EventDetail, tags=["events"])
    def event(db: Db, event_id: Annotated[str, PathParam(max_length=300)]) -> models.EventDetail:
        """One mention with its evidence, its whole article, and other reports of it."""
        stored = db.event(event_id)
        if stored is None:
            raise HTTPException(404, f"no event {event_id!r}")
        article = db.article(stored.article.id)
        if article is None:  # a mention always has its document; a broken store does not
            raise StoreError(f"event {event_id!r} has no document", source=db.path)
        return models.EventDetail(
            event=models.StoredEvent.model_validate(stored.to_json()),
            trigger_start=stored.event.evidence.trigger_start,
            article=_stored_article(article),
            reports=[
                models.Mention.model_validate(m) for m in queries.related_reports(db, event_id)
            ],
        )

    @app.get("/api/documents/{article_id}", response_model=models.Document, tags=["documents"])
    def document(db: Db, article_id: Annotated[str, PathParam(max_length=300)]) -> models.Document:
        """An article's text and metadata, and its events with their offsets in the text."""
        article = db.article(article_id)
        if article is None:
            raise HTTPException(404, f"no document {article_id!r}")
        mentions = queries.document_mentions(db, article_id)
        return models.Document(
            article=_stored_article(article),
            events=[models.Mention.model_validate(m) for m in mentions],
        )

    @app.post(
        "/api/extract",
        response_model=models.Extraction,
        tags=["extract"],
        responses={413: {"model": models.Problem}},
    )
    def extract(body: models.ExtractRequest) -> dict[str, Any]:
        """Code one article (not stored): DESIGN.md's extraction JSON."""
        try:
            return pipelines.extract(body)
        except InputError as exc:
            raise HTTPException(422, f"unusable input: {exc.message}") from exc

    @app.get("/api/health", response_model=models.Health, tags=["meta"])
    def health(db: Db) -> models.Health:
        """The store answers: its row counts and schema version."""
        stats = db.stats()
        return models.Health(status="ok", **stats.to_json())


def _make_filter(
    actors: list[str],
    event_type: str | None,
    status: str | None,
    since: date | None,
    until: date | None,
    q: str | None,
) -> queries.EventFilter:
    if len(actors) > MAX_ACTORS:
        raise _invalid("query", "actor", f"at most {MAX_ACTORS} actors")
    keys = tuple(a.strip() for a in actors)
    for key in keys:
        if not key or len(key) > 100:
            raise _invalid("query", "actor", "an actor is 1 to 100 characters")
    if event_type is not None:
        event_type = event_type.strip().upper()
        if event_type not in EVENT_TYPES:
            raise _invalid("query", "type", "not a PLOVER type; one of " + ", ".join(EVENT_TYPES))
    if since is not None and until is not None and since > until:
        raise _invalid("query", "until", "until is before since")
    return queries.EventFilter(
        actors=keys,
        type=event_type,
        status=status,
        since=since,
        until=until,
        q=(q.strip() or None) if q is not None else None,
    )


def _stored_article(article: Article) -> models.StoredArticle:
    return models.StoredArticle.model_validate(
        {**article.to_json(), "paragraphs": [list(p) for p in article.paragraphs]}
    )


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def on_invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [
            {
                "loc": ".".join(str(p) for p in err.get("loc", ())),
                "msg": str(err.get("msg", "")),
            }
            for err in exc.errors()
        ]
        message = "; ".join(f"{d['loc']}: {d['msg']}" for d in detail) or "invalid request"
        return JSONResponse({"message": message, "detail": detail}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(
            {"message": str(exc.detail), "detail": []},
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(StoreError)
    async def on_store(_: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"message": f"store unavailable: {exc}", "detail": []}, 503)

    @app.exception_handler(DatelineError)
    async def on_dateline(_: Request, exc: DatelineError) -> JSONResponse:
        return JSONResponse({"message": str(exc), "detail": []}, 500)
