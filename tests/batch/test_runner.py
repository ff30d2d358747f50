"""The unit of work pickles, writes its files atomically, and Dask is only needed when asked for."""

from __future__ import annotations

import json
import pickle
import sys

import duckdb
import pytest

from newsledger.batch.partition import plan_partitions
from newsledger.batch.runner import run_partition
from newsledger.errors import NewsledgerError
from newsledger.ingest import ReadOptions

from .corpus import write_jsonl


def test_partitions_and_options_pickle(tmp_path):
    parts = plan_partitions([str(write_jsonl(tmp_path / "a.jsonl", 6))], partition_size=2)
    options = ReadOptions(source="Gazette")
    assert pickle.loads(pickle.dumps(parts)) == parts
    assert pickle.loads(pickle.dumps(options)) == options
    assert len(pickle.dumps(parts[0])) < 1000


def test_run_partition_writes_parquet_rejects_and_manifest_once(tmp_path):
    corpus = write_jsonl(tmp_path / "a.jsonl", 4)
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "x", "text": ""}\n')
    part, = plan_partitions([str(corpus)], partition_size=10)
    out = tmp_path / "out"
    entry = run_partition(part, out_dir=str(out))
    assert (entry["articles"], entry["rejects"]) == (4, 1)
    con = duckdb.connect()
    rows = con.execute("SELECT id, input_id, len(quotes), origin FROM read_parquet(?)",
                       [str(out / entry["file"])]).fetchall()
    assert [r[1] for r in rows] == [f"art-{i:03d}" for i in range(4)] and all(r[2] for r in rows)
    assert json.loads((out / "_rejects" / f"{part.id}.jsonl").read_text())["reason"] == "empty"
    assert json.loads((out / "_manifest" / f"{part.id}.json").read_text())["file"] == entry["file"]
    assert not [p for p in out.rglob("*") if p.name.endswith(".part")]
    again = run_partition(part, out_dir=str(out))  # a retried task that already finished does nothing
    assert again["skipped"] is True and again["file"] == entry["file"]


def test_without_dask_the_error_says_how_to_install(tmp_path, monkeypatch):
    from newsledger.batch.dask import execute

    monkeypatch.setitem(sys.modules, "distributed", None)
    parts = plan_partitions([str(write_jsonl(tmp_path / "a.jsonl", 2))], partition_size=5)
    with pytest.raises(NewsledgerError, match=r"pip install 'newsledger\[batch\]'"):
        execute(parts, out_dir=str(tmp_path / "out"), options=ReadOptions())
