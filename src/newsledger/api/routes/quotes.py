"""/api/quotes: quotes across the ledger, filtered by speaker, outlet, date range and text."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, Query

from .. import queries
from ..deps import reader
from ..schemas import QuotePage
from .params import DateFrom, DateTo, Limit, Offset, Text

router = APIRouter(prefix="/api/quotes", tags=["quotes"])
Reader = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]


@router.get("", response_model=QuotePage, summary="Quotes, by publication date")
def list_quotes(con: Reader, speaker: Text = None, source: Text = None, date_from: DateFrom = None,
                date_to: DateTo = None, q: Text = None,
                type: Annotated[str | None, Query(pattern="^(direct|indirect|mixed)$")] = None,
                article_id: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """``speaker`` matches the speaker's name (any case); ``source`` the outlet; ``q`` a substring of the
    quote."""
    items, total = queries.list_quotes(con, speaker=speaker, source=source, date_from=date_from,
                                       date_to=date_to, q=q, type_=type, article_id=article_id, limit=limit,
                                       offset=offset)
    return {"items": items, "total": total, "limit": limit, "offset": offset}
