"""Export the ledger: JSONL (the contract), CSV (one row per article, nested fields as JSON), Parquet.

Files are written to a temporary name beside the target and renamed at the end: an interrupted export
never leaves a half-written file under the requested name.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

EXPORT_FORMATS = ("jsonl", "csv", "parquet")

_SPAN = 'STRUCT("start" INTEGER, "end" INTEGER, "text" VARCHAR)'
_ACTOR = (f'STRUCT("name" VARCHAR, "kind" VARCHAR, "country" VARCHAR, "sector" VARCHAR, "entity_id" VARCHAR, '
          f'"mention" {_SPAN})')
_QUOTE = (f'STRUCT("id" VARCHAR, "type" VARCHAR, "content" {_SPAN}, "cue" {_SPAN}, '
          f'"speaker" STRUCT("name" VARCHAR, "kind" VARCHAR, "role" VARCHAR, "entity_id" VARCHAR, "mention" {_SPAN}), '
          f'"conduit" STRUCT("name" VARCHAR, "mention" {_SPAN}), "reason" VARCHAR, "scope" VARCHAR)')
_EVENT = (f'STRUCT("id" VARCHAR, "category" VARCHAR, "mode" VARCHAR, "trigger" {_SPAN}, "actor" {_ACTOR}, '
          f'"target" {_ACTOR}, "place" STRUCT("name" VARCHAR, "geonameid" BIGINT, "lat" DOUBLE, "lon" DOUBLE, '
          f'"country" VARCHAR, "admin1" VARCHAR, "precision" VARCHAR, "mention" {_SPAN}), '
          f'"date" STRUCT("value" VARCHAR, "end" VARCHAR, "precision" VARCHAR, "mention" {_SPAN}), '
          f'"quantities" STRUCT("value" DOUBLE, "unit" VARCHAR, "mention" {_SPAN})[], "status" VARCHAR, '
          f'"claimed_by" STRUCT("name" VARCHAR, "entity_id" VARCHAR, "quote_id" VARCHAR), "evidence" {_SPAN}, '
          f'"reason" VARCHAR, "ledger_event_id" VARCHAR)')
_ENTITY = (f'STRUCT("id" VARCHAR, "name" VARCHAR, "kind" VARCHAR, "aliases" VARCHAR[], "role" VARCHAR, '
           f'"country" VARCHAR, "geo" STRUCT("geonameid" BIGINT, "lat" DOUBLE, "lon" DOUBLE, "admin1" VARCHAR, '
           f'"precision" VARCHAR), "mentions" {_SPAN}[])')
# The export schema as DuckDB/Parquet column types: the same contract as the JSONL.
PARQUET_COLUMNS: dict[str, str] = {
    "id": "VARCHAR", "input_id": "VARCHAR", "url": "VARCHAR", "source": "VARCHAR", "title": "VARCHAR",
    "pubdate": "VARCHAR", "text": "VARCHAR", "quotes": f"{_QUOTE}[]", "events": f"{_EVENT}[]",
    "entities": f"{_ENTITY}[]", "warnings": "VARCHAR[]", "story_id": "VARCHAR", "duplicate_of": "VARCHAR",
}
CSV_COLUMNS = list(PARQUET_COLUMNS)


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for record in records:
        writer.writerow([json.dumps(record[c], ensure_ascii=False) if isinstance(record[c], (list, dict))
                         else record[c] for c in CSV_COLUMNS])
        n += 1
    return n


def write_parquet(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Parquet with the export schema's nested types (through DuckDB's JSON reader, no pyarrow needed)."""
    import duckdb

    with tempfile.TemporaryDirectory(prefix="newsledger-export-") as tmp:
        staged = Path(tmp) / "records.jsonl"
        with open(staged, "w", encoding="utf-8") as fh:
            n = write_jsonl(records, fh)
        con = duckdb.connect()
        try:
            columns = "{" + ", ".join(f"'{k}': '{v}'" for k, v in PARQUET_COLUMNS.items()) + "}"
            con.execute(f"COPY (SELECT * FROM read_json(?, format='newline_delimited', columns={columns}, "
                        f"maximum_object_size=1073741824)) TO '{_sql_path(path)}' (FORMAT parquet)", [str(staged)])
        finally:
            con.close()
    return n


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def export(records: Iterable[dict[str, Any]], fmt: str, out_path: str | None) -> int:
    """Write ``records`` in ``fmt`` to ``out_path`` (atomically) or stdout. Returns the count."""
    if fmt == "parquet" and out_path is None:
        raise ValueError("parquet export needs --out PATH")
    if out_path is None:
        writer = write_jsonl if fmt == "jsonl" else write_csv
        return writer(records, sys.stdout)
    target = Path(out_path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if fmt == "parquet":
            tmp.unlink()
            n = write_parquet(records, tmp)
        else:
            with open(tmp, "w", encoding="utf-8", newline="") as fh:
                n = (write_jsonl if fmt == "jsonl" else write_csv)(records, fh)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return n
