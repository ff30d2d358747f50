"""/api/search: one box over article titles and text, and quotes."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, Query

from .. import queries
from ..deps import reader
from ..schemas import SearchResult
from .params import Limit

router = APIRouter(prefix="/api/search", tags=["search"])
Reader = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]


@router.get("", response_model=SearchResult, summary="Articles and quotes containing q")
def search(con: Reader, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 20) -> dict:
    """Case-insensitive substring search (``%`` and ``_`` are literal)."""
    articles, n_articles = queries.list_articles(con, source=None, date_from=None, date_to=None, q=q,
                                                 limit=limit, offset=0)
    quotes, n_quotes = queries.list_quotes(con, speaker=None, source=None, date_from=None, date_to=None, q=q,
                                           type_=None, article_id=None, limit=limit, offset=0)
    return {"q": q, "articles": {"items": articles, "total": n_articles, "limit": limit, "offset": 0},
            "quotes": {"items": quotes, "total": n_quotes, "limit": limit, "offset": 0}}
