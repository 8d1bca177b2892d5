"""The HTTP API's request and response shapes (they make its OpenAPI schema).

Event JSON follows DESIGN.md's output contract field for field; list rows follow
:meth:`dateline.store.TimelineRow.to_json`.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, from_attributes=True)


class EventRow(_Out):
    """One event mention as lists and timelines show it."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    status: str
    date_start: date | None
    date_end: date | None
    granularity: str | None
    basis: str
    date_text: str | None
    actor: str
    recipient: str
    actor_countries: list[str]
    recipient_countries: list[str]
    place: str | None
    place_country: str | None
    sentence: str
    trigger: str
    title: str | None
    url: str | None
    source: str | None
    published: date | None
    quad: str | None
    score: float | None


class EventPage(_Out):
    total: int = Field(description="Mentions matching the filters, over all pages.")
    limit: int
    offset: int
    items: list[EventRow]


class Timeline(_Out):
    total: int
    truncated: bool = Field(description="True when more events matched than were returned.")
    start: date | None = Field(description="Earliest day of the returned events' intervals.")
    end: date | None = Field(description="Latest day of the returned events' intervals.")
    items: list[EventRow]


class Dyad(_Out):
    a: str
    b: str
    events: int


class DyadList(_Out):
    items: list[Dyad]


class DyadMonth(_Out):
    month: str = Field(description="YYYY-MM: the month each event's interval starts in.")
    events: int
    quads: dict[str, int] = Field(description="Counts by quad class (all four keys present).")
    mean_score: float | None


class DyadSummary(_Out):
    a: str
    b: str
    total: int
    undated: int = Field(description="Events between the two with no date (not in months).")
    months: list[DyadMonth]


class Actor(_Out):
    name: str
    country: str | None
    events: int
    as_actor: int
    as_recipient: int


class ActorList(_Out):
    items: list[Actor]


class Entity(_Out):
    text: str
    name: str
    country: str | None
    sector: str | None
    role: str | None
    id: str | None


class EventDate(_Out):
    start: date | None
    end: date | None
    granularity: str | None
    text: str | None
    basis: str


class Place(_Out):
    name: str | None
    country: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    feature: str | None


class Evidence(_Out):
    sentence: str
    start: int
    end: int
    trigger: str


class Event(_Out):
    """An event exactly as ``dateline extract`` writes it."""

    id: str
    type: str
    mode: str | None
    cameo: str | None
    actor: list[Entity]
    recipient: list[Entity]
    status: str
    date: EventDate
    place: Place | None
    evidence: Evidence
    score: float | None
    quad: str | None
    confidence: float


class ArticleRef(_Out):
    id: str
    url: str | None
    source: str | None
    title: str | None
    published: date | None


class StoredEvent(Event):
    article: ArticleRef


class Article(_Out):
    id: str
    url: str | None
    source: str | None
    title: str | None
    published: date | None
    byline: str | None
    language: str
    text: str


class StoredArticle(Article):
    paragraphs: list[tuple[int, int]] = Field(description="[start, end) of each paragraph.")


class Mention(_Out):
    """An event mention located in its article text (offsets in Unicode code points)."""

    event_id: str
    article_id: str
    type: str
    quad: str | None
    status: str
    date_start: date | None
    date_end: date | None
    granularity: str | None
    date_text: str | None
    basis: str
    actor: str
    recipient: str
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    title: str | None
    source: str | None
    url: str | None
    published: date | None


class EventDetail(_Out):
    event: StoredEvent
    trigger_start: int = Field(description="Offset of the trigger in the article (-1: unknown).")
    article: StoredArticle
    reports: list[Mention] = Field(
        description="Other mentions of the same event: those the store clustered with this "
        "one (canonical events), else other articles' mentions of the same type between the "
        "same countries with overlapping dates."
    )


class Document(_Out):
    article: StoredArticle
    events: list[Mention]


class ExtractRequest(BaseModel):
    """One article to code: give ``text`` (clean body) or ``html`` (a whole page)."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, min_length=1)
    html: str | None = Field(default=None, min_length=1)
    published: date | None = None
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)

    @model_validator(mode="after")
    def _one_body(self) -> ExtractRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' or 'html'")
        return self


class Extraction(_Out):
    article: Article
    events: list[Event]


class Health(_Out):
    status: str
    documents: int
    events: int
    errors: int
    schema_version: int


class Problem(_Out):
    """Every 4xx/5xx answer: a one-line message, plus per-field details for 422."""

    message: str
    detail: list[dict[str, str]] = Field(default_factory=list)
