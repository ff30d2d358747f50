"""/api/disputes: cross-article disputes, when the ledger has them (the ``disputes`` table of issue 5)."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends

from .. import queries
from ..deps import reader
from ..schemas import DisputeList
from .params import Limit, Offset, Text

router = APIRouter(prefix="/api/disputes", tags=["disputes"])
Reader = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]


@router.get("", response_model=DisputeList, summary="Disputes: both sides of conflicting reports")
def list_disputes(con: Reader, kind: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Each dispute: ``{"id", "ledger_event_id", "kind", "sides": [{"claim", "speaker", "source",
    "article_id", "evidence"}]}``. An empty list (``available: false``) when the ledger has no disputes."""
    available = queries.has_disputes(con)
    items, total = queries.list_disputes(con, kind=kind, limit=limit, offset=offset) if available else ([], 0)
    return {"items": items, "total": total, "limit": limit, "offset": offset, "available": available}
