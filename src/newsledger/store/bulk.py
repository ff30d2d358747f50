"""Bulk inserts: rows handed to DuckDB as NumPy columns, so values never pass through SQL text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def insert_rows(con: Any, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], *,
                verb: str = "INSERT") -> None:
    """Insert ``rows`` into ``table`` (a fixed name from our schema, never user input)."""
    if not rows:
        return
    frame = {c: np.array([row[i] for row in rows], dtype=object) for i, c in enumerate(columns)}
    cols = ", ".join(f'"{c}"' for c in columns)
    con.register("_newsledger_rows", frame)
    try:
        con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _newsledger_rows")
    finally:
        con.unregister("_newsledger_rows")
