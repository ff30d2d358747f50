"""The one unit of work of a batch run: a partition descriptor in, one Parquet file (plus rejects) out.

:func:`run_partition` is a plain module-level function of picklable arguments, so any executor (a Dask
worker, a process pool) can run it. The spaCy pipeline comes from ``load_pipeline``, cached per process:
a worker loads it for its first partition and reuses it for every later one. Records stream through a
JSONL staging file into DuckDB's Parquet writer, so memory does not grow with the partition's size.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ingest import ReadOptions
from .manifest import REJECTS, TMP, atomic_write_text, parquet_name, read_entry, write_entry
from .partition import Partition, read_partition
from .rows import BATCH_COLUMNS, article_row, reject_row

logger = logging.getLogger(__name__)

# Test hook: "exit:SEQ:MARKER" ends the worker process (os._exit) on the first attempt at partition SEQ
# (MARKER is a file created on that attempt); "raise:SEQ" fails partition SEQ on every attempt.
FAULT_ENV = "NEWSLEDGER_BATCH_FAULT"


def _fault(part: Partition) -> None:
    spec = os.environ.get(FAULT_ENV, "")
    kind, _, rest = spec.partition(":")
    seq, _, marker = rest.partition(":")
    if not seq or int(seq) != part.seq:
        return
    if kind == "exit" and marker and not os.path.exists(marker):
        Path(marker).touch()
        os._exit(17)
    if kind == "raise":
        raise RuntimeError(f"fault injected into partition {part.seq} ({FAULT_ENV})")


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def write_parquet_file(staged_jsonl: Path, target: Path) -> None:
    """A Parquet file with the batch columns' nested types from a staged JSONL file, renamed into place."""
    import duckdb

    tmp = target.with_name(f".{target.name}.{os.getpid()}.part")
    columns = "{" + ", ".join(f"'{k}': '{v}'" for k, v in BATCH_COLUMNS.items()) + "}"
    con = duckdb.connect()
    try:
        con.execute("SET threads TO 1")  # one core per worker: the parse already uses it
        con.execute(f"COPY (SELECT * FROM read_json(?, format='newline_delimited', columns={columns}, "
                    f"maximum_object_size=1073741824)) TO '{_sql_path(tmp)}' (FORMAT parquet)", [str(staged_jsonl)])
    finally:
        con.close()
    os.replace(tmp, target)


def run_partition(part: Partition, *, out_dir: str, options: ReadOptions | None = None,
                  batch_size: int = 32) -> dict[str, Any]:
    """Process one partition into ``out_dir``; returns its manifest entry. A partition already done
    (manifest entry and file present) is not redone, so a retried or duplicated task is harmless."""
    from ..facade import _override
    from ..processing import process_documents

    out = Path(out_dir)
    done = read_entry(out, part.id)
    if done is not None:
        return dict(done, skipped=True)
    _fault(part)
    options = options or ReadOptions()
    t0 = time.perf_counter()
    tmp_dir = out / TMP
    tmp_dir.mkdir(parents=True, exist_ok=True)
    staged = tmp_dir / f"{part.id}.{os.getpid()}.jsonl"
    articles = words = 0
    rejects: list[dict[str, Any]] = []
    try:
        items = (_override(item, options) for item in read_partition(part, options))
        with staged.open("w", encoding="utf-8") as fh:
            for item in process_documents(items, batch_size=batch_size):
                if isinstance(item, InputError):
                    rejects.append(reject_row(item))
                    continue
                articles += 1
                words += len(item.text.split())
                fh.write(json.dumps(article_row(item), ensure_ascii=False) + "\n")
        name = parquet_name(part.seq, part.id)
        write_parquet_file(staged, out / name)
    finally:
        if staged.exists():
            staged.unlink()
    atomic_write_text(out / REJECTS / f"{part.id}.jsonl",
                      "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rejects))
    entry = {"partition": part.id, "seq": part.seq, "input": part.describe(), "file": name,
             "articles": articles, "rejects": len(rejects), "words": words,
             "seconds": round(time.perf_counter() - t0, 3), "pid": os.getpid()}
    write_entry(out, part.id, entry)
    logger.info("partition %d (%s): %d articles, %d rejects", part.seq, part.describe(), articles, len(rejects))
    return entry
