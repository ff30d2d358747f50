"""/api/speakers: who is quoted, how often, in which roles and outlets; one speaker's quotes by date."""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, Path

from .. import queries
from ..deps import reader
from ..errors import ApiError
from ..schemas import ErrorBody, SpeakerDetail, SpeakerPage
from .params import Limit, Offset, Text

router = APIRouter(prefix="/api/speakers", tags=["speakers"])
Reader = Annotated[duckdb.DuckDBPyConnection, Depends(reader)]


@router.get("", response_model=SpeakerPage, summary="Named speakers, most quoted first")
def list_speakers(con: Reader, name: Text = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """``name`` is a substring of the speaker's name (any case)."""
    items, total = queries.list_speakers(con, name=name, limit=limit, offset=offset)
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/{name}", response_model=SpeakerDetail, summary="One speaker with their quotes by date",
            responses={404: {"model": ErrorBody}})
def get_speaker(con: Reader, name: Annotated[str, Path(max_length=300)], limit: Limit = 200) -> dict:
    speaker = queries.get_speaker(con, name, limit=limit)
    if speaker is None:
        raise ApiError(404, f"no speaker named {name!r}")
    return speaker
