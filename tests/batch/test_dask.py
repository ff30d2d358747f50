"""``newsledger batch`` on a real Dask LocalCluster of 2 workers: complete, duplicate-free, resumable output."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from newsledger.batch.job import run_batch
from newsledger.batch.runner import FAULT_ENV
from newsledger.cli import main

from .corpus import write_jsonl

pytest.importorskip("distributed")

N = 24  # articles, in 6 partitions of 4


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("batch") / "news.jsonl", N)


@pytest.fixture(scope="module")
def reference(corpus) -> dict[str, list[str]]:
    """Ids from a single-process ``newsledger process`` of the same corpus."""
    result = CliRunner().invoke(main, ["process", "-q", str(corpus)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return {"articles": sorted(r["id"] for r in records),
            "quotes": sorted(q["id"] for r in records for q in r["quotes"]),
            "events": sorted(e["id"] for r in records for e in r["events"])}


def _parquet_ids(out: Path) -> dict[str, list[str]]:
    glob = str(out / "*.parquet")
    con = duckdb.connect()
    try:
        return {
            "articles": sorted(r[0] for r in con.execute("SELECT id FROM read_parquet(?)", [glob]).fetchall()),
            "quotes": sorted(r[0] for r in con.execute(
                "SELECT unnest(quotes).id FROM read_parquet(?)", [glob]).fetchall()),
            "events": sorted(r[0] for r in con.execute(
                "SELECT unnest(events).id FROM read_parquet(?)", [glob]).fetchall()),
        }
    finally:
        con.close()


@pytest.fixture(scope="module")
def batch_out(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out") / "run"
    result = CliRunner().invoke(main, ["batch", str(corpus), "--out", str(out), "--workers", "2",
                                       "--partition-size", "4", "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_local_cluster_output_is_complete_and_matches_process(batch_out, reference):
    assert len(list(batch_out.glob("part-*.parquet"))) == 6
    assert len(list((batch_out / "_manifest").glob("p_*.json"))) == 6
    ids = _parquet_ids(batch_out)
    assert ids == reference
    assert len(set(ids["articles"])) == N
    con = duckdb.connect()
    input_ids = con.execute("SELECT input_id FROM read_parquet(?) ORDER BY input_id",
                            [str(batch_out / "*.parquet")]).fetchall()
    assert [r[0] for r in input_ids] == [f"art-{i:03d}" for i in range(N)]


def test_a_killed_worker_is_retried_and_output_stays_complete(corpus, reference, tmp_path, monkeypatch):
    marker = tmp_path / "died-once"
    monkeypatch.setenv(FAULT_ENV, f"exit:2:{marker}")
    report = run_batch([str(corpus)], tmp_path / "out", workers=2, partition_size=4, progress=False)
    assert marker.exists(), "the worker was not killed"
    assert report.failed == 0 and report.done == 6 and report.articles == N
    assert _parquet_ids(tmp_path / "out") == reference  # complete, and no partition twice


def test_a_rerun_resumes_from_the_manifest(batch_out, corpus, tmp_path):
    import shutil

    out = tmp_path / "copy"
    shutil.copytree(batch_out, out)
    entry = json.loads(sorted((out / "_manifest").glob("p_*.json"))[3].read_text())
    (out / "_manifest" / f"{entry['partition']}.json").unlink()  # as if killed before its manifest entry
    kept = {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.parquet") if p.name != entry["file"]}
    report = run_batch([str(corpus)], out, workers=1, partition_size=4, progress=False)
    assert (report.skipped, report.done, report.articles) == (5, 1, N)
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("part-*.parquet") if p.name != entry["file"]} == kept
    assert len(_parquet_ids(out)["articles"]) == N


def test_an_unreachable_scheduler_is_a_quick_clear_error(corpus, tmp_path):
    t0 = time.perf_counter()
    result = CliRunner().invoke(main, ["batch", str(corpus), "--out", str(tmp_path / "o"), "--scheduler",
                                       "tcp://127.0.0.1:9", "--connect-timeout", "1"])
    assert time.perf_counter() - t0 < 15
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr


def test_bad_partitions_are_recorded_rejects(tmp_path, monkeypatch):
    data = gzip.compress(write_jsonl(tmp_path / "x.jsonl", 6, start=50).read_bytes())
    (tmp_path / "x.jsonl").unlink()
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(data[: len(data) * 2 // 3])
    good = write_jsonl(tmp_path / "good.jsonl", 8, start=60)
    out, db = tmp_path / "out", tmp_path / "l.duckdb"
    monkeypatch.setenv(FAULT_ENV, "raise:1")  # partition 1 (good.jsonl, lines 1-4) fails on every attempt
    result = CliRunner().invoke(main, ["batch", str(bad), str(good), "--out", str(out), "--partition-size", "4"])
    assert result.exit_code == 1
    assert "partition 1 (" in result.stderr and "fault injected" in result.stderr
    rejects = [json.loads(line) for p in (out / "_rejects").glob("*.jsonl") for line in p.read_text().splitlines()]
    assert [r["reason"] for r in rejects] == ["truncated"]
    assert len(list((out / "_failed").glob("*.json"))) == 1
    loaded = CliRunner().invoke(main, ["load", str(out), "--db", str(db)])
    assert loaded.exit_code == 0 and "not finished" in loaded.stderr
    con = duckdb.connect(str(db), read_only=True)
    reasons = sorted(r[0] for r in con.execute("SELECT reason FROM rejects").fetchall())
    assert reasons == ["partition_failed", "truncated"]


def test_load_gives_the_ledger_ingest_gives_and_is_idempotent(batch_out, corpus, tmp_path):
    db_load, db_ingest = tmp_path / "load.duckdb", tmp_path / "ingest.duckdb"
    first = CliRunner().invoke(main, ["load", str(batch_out), "--db", str(db_load)])
    assert first.exit_code == 0 and f"ingested {N}, duplicates 0, rejected 0" in first.output
    again = CliRunner().invoke(main, ["load", str(batch_out), "--db", str(db_load)])
    assert f"ingested 0, duplicates {N}" in again.output
    assert CliRunner().invoke(main, ["ingest", "--db", str(db_ingest), str(corpus)]).exit_code == 0

    def tables(db: Path) -> dict[str, list[tuple]]:
        con = duckdb.connect(str(db), read_only=True)
        try:
            return {t: sorted(con.execute(sql).fetchall()) for t, sql in {
                "articles": "SELECT id, input_id, text, raw_text, offset_map, origin FROM articles",
                "quotes": "SELECT id, data FROM quotes", "events": "SELECT id FROM events",
                "entities": "SELECT id, data FROM entities", "stories": "SELECT article_id, story_id FROM stories",
                "ledger_events": "SELECT count(*) FROM ledger_events"}.items()}
        finally:
            con.close()

    assert tables(db_load) == tables(db_ingest)


def test_batch_on_a_running_scheduler_by_address(tmp_path):
    import distributed

    corpus = write_jsonl(tmp_path / "few.jsonl", 6, start=80)
    with distributed.LocalCluster(n_workers=1, processes=True, threads_per_worker=1, dashboard_address=None,
                                  host="127.0.0.1") as cluster:
        result = CliRunner().invoke(main, ["batch", str(corpus), "--out", str(tmp_path / "out"), "--scheduler",
                                           cluster.scheduler_address, "--partition-size", "3", "-q"])
        assert result.exit_code == 0, result.output
        assert cluster.scheduler.workers  # the cluster is still up: batch closed only its client
    assert len(_parquet_ids(tmp_path / "out")["articles"]) == 6


def _worker_profiler_enabled() -> bool:
    import dask

    return bool(dask.config.get("distributed.worker.profile.enabled"))


def test_local_workers_run_without_the_statistical_profiler():
    """Dask's profiler keeps sampled call stacks: it grew each worker ~0.3 MB per partition (bench/README.md)."""
    from newsledger.batch.dask import connect

    client, cluster = connect("local", workers=1)
    try:
        assert list(client.run(_worker_profiler_enabled).values()) == [False]
    finally:
        client.close()
        cluster.close()
