"""/api/facets: counts and the values the UI's filters offer."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends

from .. import queries
from ..deps import reader
from ..schemas import Facets

router = APIRouter(prefix="/api", tags=["meta"])
Reader = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]


@router.get("/facets", response_model=Facets, summary="Counts, outlets, categories, statuses, countries")
def facets(con: Reader) -> dict:
    result = queries.facets(con)
    result["disputes"] = queries.has_disputes(con)
    return result
