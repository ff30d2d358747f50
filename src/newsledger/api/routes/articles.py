"""/api/articles: list with filters and paging, one article with all its spans, ingest one article."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool

from .. import queries
from ..deps import reader
from ..errors import ApiError
from ..ingest import ingest, read_body
from ..schemas import Article, ArticlePage, ErrorBody, IngestRequest, IngestResult
from .params import DateFrom, DateTo, Limit, Offset, Text

router = APIRouter(prefix="/api/articles", tags=["articles"])
Reader = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]


@router.get("", response_model=ArticlePage, summary="Articles, newest first")
def list_articles(con: Reader, source: Text = None, date_from: DateFrom = None, date_to: DateTo = None,
                  q: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Filter by outlet (exact), publication date range, and ``q`` (substring of title or text)."""
    items, total = queries.list_articles(con, source=source, date_from=date_from, date_to=date_to, q=q,
                                         limit=limit, offset=offset)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/{key}", response_model=Article, summary="One article with quotes, events, entities",
            responses={404: {"model": ErrorBody}})
def get_article(con: Reader, key: Annotated[str, Path(max_length=300)]) -> dict:
    """By article id or input id. Every span indexes into ``text``."""
    article = queries.get_article(con, key)
    if article is None:
        raise ApiError(404, f"no article {key!r}")
    return article


@router.post("", response_model=IngestResult, status_code=201, summary="Ingest one article",
             responses={409: {"model": ErrorBody}, 413: {"model": ErrorBody}, 415: {"model": ErrorBody},
                        422: {"model": ErrorBody}, 429: {"model": ErrorBody}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": IngestRequest.model_json_schema()}}}})
async def post_article(request: Request) -> dict:
    """JSON ``{"text", "title"?, "url"?, "source"?, "pubdate"?}`` or ``{"html", ...}``, at most 2 MB.

    Runs the full pipeline and stores the article; 409 if another process holds the ledger for writing, 429
    after too many posts from one client in a minute.
    """
    limit = request.app.state.post_rate_limit
    if limit is not None:
        limit.check(request.client.host if request.client else "-")
    body = await read_body(request)
    return await run_in_threadpool(ingest, request.app.state.ledger, body)
