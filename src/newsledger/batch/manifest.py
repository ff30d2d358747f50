"""The output directory of a batch run: partition files, rejects, and the manifest that makes re-runs resume.

    DIR/part-000007-p_1a2b....parquet   one file per partition (export schema + provenance columns)
    DIR/_rejects/p_1a2b....jsonl        the rejects of that partition, one {"origin", "reason", ...} per line
    DIR/_manifest/p_1a2b....json        written last, after both files are complete: the partition is done
    DIR/_manifest/_plan.json            the inputs, --partition-size and partition ids of the run
    DIR/_failed/p_1a2b....json          a partition that failed after its retries (redone by a re-run)

Every file is written under a temporary name and renamed into place, so a crash or a killed worker leaves
either a complete file or none; a partition without its manifest entry is simply done again.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ..errors import UsageError

MANIFEST = "_manifest"
REJECTS = "_rejects"
FAILED = "_failed"
TMP = "_tmp"
PLAN = "_plan.json"


def parquet_name(seq: int, partition_id: str) -> str:
    return f"part-{seq:06d}-{partition_id}.parquet"


def atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def entry_path(out_dir: Path, partition_id: str) -> Path:
    return out_dir / MANIFEST / f"{partition_id}.json"


def read_entry(out_dir: Path, partition_id: str) -> dict[str, Any] | None:
    """The manifest entry of a finished partition whose Parquet file is there, else None."""
    path = entry_path(out_dir, partition_id)
    if not path.is_file():
        return None
    entry = json.loads(path.read_text(encoding="utf-8"))
    return entry if (out_dir / entry["file"]).is_file() else None


def write_entry(out_dir: Path, partition_id: str, entry: dict[str, Any]) -> None:
    atomic_write_text(entry_path(out_dir, partition_id), json.dumps(entry, indent=1) + "\n")
    failed = out_dir / FAILED / f"{partition_id}.json"
    if failed.exists():
        failed.unlink()


def record_failure(out_dir: Path, partition_id: str, entry: dict[str, Any]) -> None:
    atomic_write_text(out_dir / FAILED / f"{partition_id}.json", json.dumps(entry, indent=1) + "\n")


def failures(out_dir: Path) -> list[dict[str, Any]]:
    folder = out_dir / FAILED
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))] if folder.is_dir() else []


def check_plan(out_dir: Path, plan: dict[str, Any]) -> None:
    """Record the plan of a new output directory; refuse to mix the partitions of two different plans."""
    path = out_dir / MANIFEST / PLAN
    if path.is_file():
        before = json.loads(path.read_text(encoding="utf-8"))
        if before.get("partitions") != plan["partitions"]:
            raise UsageError(f"{out_dir} holds the output of other inputs or another --partition-size "
                             f"({len(before.get('partitions', []))} partitions, this run has "
                             f"{len(plan['partitions'])}): give a new --out, or the same inputs and size")
        return
    atomic_write_text(path, json.dumps(plan, indent=1) + "\n")


def read_plan(out_dir: Path) -> dict[str, Any] | None:
    path = out_dir / MANIFEST / PLAN
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
