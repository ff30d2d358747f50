"""Query parameters shared by the routers (bounded: long or out-of-range values are 422)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query

from ..schemas import MAX_LIMIT

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size (at most {MAX_LIMIT})")]
Offset = Annotated[int, Query(ge=0, le=100_000_000, description="rows to skip")]
Text = Annotated[str | None, Query(max_length=200)]
DateFrom = Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive")]
DateTo = Annotated[dt.date | None, Query(description="YYYY-MM-DD, inclusive")]
