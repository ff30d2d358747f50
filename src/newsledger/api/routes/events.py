"""/api/events: events with filters and paging, as JSON or as a GeoJSON FeatureCollection."""

from __future__ import annotations

from typing import Annotated, Literal

import duckdb
from fastapi import APIRouter, Depends, Query

from .. import queries
from ..deps import reader
from ..errors import ApiError
from ..schemas import MAX_LIMIT, EventPage, FeatureCollection
from .params import DateFrom, DateTo, Offset, Text

router = APIRouter(prefix="/api/events", tags=["events"])
MAX_GEOJSON_LIMIT = 5000
Reader = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]


@router.get("", response_model=EventPage | FeatureCollection, summary="Events (JSON or GeoJSON)")
def list_events(con: Reader, category: Text = None, country: Text = None, place: Text = None,
                status: Annotated[str | None, Query(pattern="^(reported|claimed|hedged|negated|future)$")] = None,
                date_from: DateFrom = None, date_to: DateTo = None, article_id: Text = None,
                format: Literal["json", "geojson"] = "json",
                limit: Annotated[int, Query(ge=1, le=MAX_GEOJSON_LIMIT, description=f"page size (at most {MAX_LIMIT}; "
                                            f"{MAX_GEOJSON_LIMIT} for geojson)")] = 50,
                offset: Offset = 0) -> dict:
    """``category`` is a PLOVER category (ASSAULT, PROTEST, ...), ``country`` the place's ISO alpha-3 code,
    ``place`` a substring of the place name. A month- or year-dated event matches a date range that
    overlaps it. ``format=geojson`` returns only geocoded events, as Point features."""
    if format == "json" and limit > MAX_LIMIT:
        raise ApiError(422, f"limit: at most {MAX_LIMIT} (or {MAX_GEOJSON_LIMIT} with format=geojson)")
    filters = dict(category=category, country=country, place=place, status=status, date_from=date_from,
                   date_to=date_to, article_id=article_id, geocoded=format == "geojson")
    items, total = queries.list_events(con, limit=limit, offset=offset, **filters)
    if format == "geojson":
        return {"type": "FeatureCollection", "features": queries.event_features(items), "total": total}
    return {"items": items, "total": total, "limit": limit, "offset": offset}
