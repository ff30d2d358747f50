"""``newsledger load DIR``: a batch run's Parquet output into a DuckDB ledger, through the store.

Partitions load in input order (file names carry the plan's sequence number); each row becomes the
:class:`Article` it was made from and goes through ``Ledger.ingest_articles``, so the ledger's own
duplicate check, rejects table and cross-article steps (near-duplicates, ledger entities, ledger events,
disputes: ``cluster.link.link_new``, run for each group of new articles) apply exactly as in ``ingest``.
Loading twice is harmless: the second time every article is a duplicate and rejects are replaced.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError
from ..records import Article
from ..store import IngestReport
from .manifest import REJECTS, failures, read_entry, read_plan
from .rows import article_from_row, reject_from_row

logger = logging.getLogger(__name__)


def partition_files(out_dir: Path) -> list[Path]:
    return sorted(out_dir.glob("part-*.parquet"))


def missing_partitions(out_dir: Path) -> list[str]:
    """Planned partitions that have no finished output yet (a run still going, or failures)."""
    plan = read_plan(out_dir)
    if plan is None:
        return []
    return [pid for pid in plan["partitions"] if read_entry(out_dir, pid) is None]


def iter_rows(path: Path, *, chunk: int = 256) -> Iterator[dict[str, Any]]:
    import duckdb

    con = duckdb.connect()
    try:
        cur = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(chunk):
            for row in rows:
                yield dict(zip(names, row))
    finally:
        con.close()


def iter_items(out_dir: Path) -> Iterator[Article | InputError]:
    for path in partition_files(out_dir):
        for row in iter_rows(path):
            yield article_from_row(row)
        rejects = out_dir / REJECTS / f"{path.stem.split('-', 2)[2]}.jsonl"
        if rejects.is_file():
            for line in rejects.read_text(encoding="utf-8").splitlines():
                yield reject_from_row(json.loads(line))
    for failure in failures(out_dir):
        yield InputError(failure["input"], failure["reason"], failure["detail"])


def load_dir(out_dir: str | Path, ledger: Any) -> IngestReport:
    """Store every article and reject of a batch output directory in ``ledger`` (a :class:`Ledger`)."""
    out = Path(out_dir)
    if not out.is_dir() or not partition_files(out) and read_plan(out) is None:
        raise UsageError(f"{out}: not a batch output directory (no part-*.parquet files)")
    missing = missing_partitions(out)
    if missing:
        logger.warning("%s: %d planned partitions are not finished; loading the %d that are", out, len(missing),
                       len(partition_files(out)))
    return ledger.ingest_articles(iter_items(out), inputs=[str(out)])
