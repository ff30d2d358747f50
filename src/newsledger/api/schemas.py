"""Request and response models (the OpenAPI schema). Nested records keep the export schema
(docs/export-schema.md); models list their main fields and allow the rest, so later fields pass through."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

MAX_LIMIT = 500
MAX_TEXT_CHARS = 1_000_000  # characters of article text, as the CLI's --max-chars default
MAX_BODY_BYTES = 1_048_576  # 1 MB of JSON; a larger request is refused before it is read (413)


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Span(BaseModel):
    start: int
    end: int
    text: str


class ErrorDetail(BaseModel):
    code: str = Field(description="machine-readable code: not_found, validation_error, payload_too_large, ...")
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    ok: Literal[False] = False
    error: ErrorDetail
    status: int


class ArticleSummary(BaseModel):
    id: str
    input_id: str | None
    url: str | None
    source: str | None
    title: str | None
    pubdate: str | None
    n_quotes: int
    n_events: int


class Page(BaseModel):
    total: int = Field(description="matching rows in all pages")
    limit: int
    offset: int


class ArticlePage(Page):
    items: list[ArticleSummary]


class QuoteItem(Open):
    id: str
    type: str
    content: Span
    cue: Span | None = None
    speaker: dict[str, Any]
    conduit: dict[str, Any] | None = None
    reason: str
    article_id: str
    title: str | None = None
    source: str | None = None
    pubdate: str | None = None


class QuotePage(Page):
    items: list[QuoteItem]


class EventItem(Open):
    id: str
    category: str
    status: str
    trigger: Span
    place: dict[str, Any] | None = None
    date: dict[str, Any] | None = None
    article_id: str
    title: str | None = None
    source: str | None = None
    pubdate: str | None = None


class EventPage(Page):
    items: list[EventItem]


class FeatureCollection(BaseModel):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    features: list[dict[str, Any]]
    total: int = Field(description="matching geocoded events in all pages")


class Article(Open):
    id: str
    input_id: str | None
    url: str | None
    source: str | None
    title: str | None
    pubdate: str | None
    text: str
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    warnings: list[str]
    sightings: list[dict[str, Any]]


class Speaker(BaseModel):
    name: str
    kinds: list[str]
    roles: list[str]
    quotes: int
    articles: int
    sources: list[str]
    first_date: str | None
    last_date: str | None


class SpeakerPage(Page):
    items: list[Speaker]


class SpeakerDetail(Speaker):
    items: list[QuoteItem] = Field(description="the speaker's quotes by publication date")
    total: int


class DisputeList(BaseModel):
    items: list[dict[str, Any]] = Field(description="dispute records: id, ledger_event_id, kind, sides[...]")
    total: int
    limit: int
    offset: int
    available: bool = Field(description="false when the ledger has no disputes table yet")


class SearchResult(BaseModel):
    q: str
    articles: ArticlePage
    quotes: QuotePage


class Facets(BaseModel):
    counts: dict[str, int]
    sources: list[str]
    categories: list[str]
    statuses: list[str]
    countries: list[str]
    quote_types: list[str]
    disputes: bool


class IngestRequest(BaseModel):
    """Either ``text`` (plain article text) or ``html`` (a page; title, date and outlet read from it)."""

    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT_CHARS)
    html: str | None = Field(default=None, min_length=1, max_length=MAX_TEXT_CHARS * 2)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=500)
    pubdate: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")


class IngestResult(BaseModel):
    ok: Literal[True] = True
    id: str
    duplicate: bool
    title: str | None
    quotes: int
    events: int
    warnings: list[str]
