"""A batch run end to end: plan partitions, skip those the manifest has, execute the rest, report."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..ingest import ReadOptions
from .manifest import TMP, check_plan, read_entry, record_failure
from .partition import DEFAULT_PARTITION_SIZE, Partition, plan_partitions

logger = logging.getLogger(__name__)


@dataclass
class BatchReport:
    partitions: int = 0
    skipped: int = 0  # done by an earlier run (manifest)
    done: int = 0
    failed: int = 0
    articles: int = 0
    rejects: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"partitions {self.partitions} (done {self.done}, already done {self.skipped}, failed {self.failed}), "
                f"articles {self.articles}, rejected {self.rejects}")


def run_batch(paths: Iterable[str], out_dir: str | Path, *, options: ReadOptions | None = None,
              scheduler: str = "local", workers: int = 2, partition_size: int = DEFAULT_PARTITION_SIZE,
              retries: int = 2, connect_timeout: float = 10.0, progress: bool = True) -> BatchReport:
    """Process ``paths`` into partitioned Parquet under ``out_dir`` on Dask; resumable (see manifest.py)."""
    from tqdm import tqdm

    from .dask import execute

    t0 = time.perf_counter()
    options = options or ReadOptions()
    paths = list(paths)
    if not paths:
        raise UsageError("give at least one PATH")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: not a directory")
    parts = plan_partitions(paths, options=options, partition_size=partition_size)
    out.mkdir(parents=True, exist_ok=True)
    check_plan(out, {"inputs": paths, "partition_size": partition_size, "partitions": [p.id for p in parts]})
    report = BatchReport(partitions=len(parts))
    todo: list[Partition] = []
    for part in parts:
        entry = read_entry(out, part.id)
        if entry is None:
            todo.append(part)
        else:
            report.skipped += 1
            report.articles += entry["articles"]
            report.rejects += entry["rejects"]
            report.words += entry.get("words", 0)
    logger.info("%d partitions, %d already done, %d to run", len(parts), report.skipped, len(todo))
    bar = tqdm(total=len(todo), unit="partition", desc="batch", disable=None if progress else True)

    def on_done(part: Partition, entry: dict[str, Any] | None, error: BaseException | None) -> None:
        bar.update(1)
        if entry is not None:
            report.done += 1
            report.articles += entry["articles"]
            report.rejects += entry["rejects"]
            report.words += entry.get("words", 0)
            return
        report.failed += 1
        failure = {"partition": part.id, "seq": part.seq, "input": part.describe(), "reason": "partition_failed",
                   "detail": f"{type(error).__name__}: {error}"[:500]}
        record_failure(out, part.id, failure)
        report.failures.append(failure)

    try:
        execute(todo, out_dir=str(out), options=options, scheduler=scheduler, workers=workers, retries=retries,
                connect_timeout=connect_timeout, on_done=on_done)
    finally:
        bar.close()
        tmp = out / TMP
        if tmp.is_dir() and not any(tmp.iterdir()):
            tmp.rmdir()
    report.seconds = round(time.perf_counter() - t0, 2)
    logger.info("%s", report.summary())
    return report
