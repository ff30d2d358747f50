"""``ingest --workers N``: parsing in N processes, one writer, the same ledger as one process."""

from __future__ import annotations

from pathlib import Path

import duckdb
from click.testing import CliRunner

from newsledger.cli import main

from .corpus import write_jsonl


def _ids(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(r[0] for r in con.execute(f"SELECT id FROM {t}").fetchall())
                for t in ("articles", "quotes", "events", "entities")}
    finally:
        con.close()


def test_ingest_with_two_workers_gives_the_same_ledger_as_one(tmp_path):
    corpus = write_jsonl(tmp_path / "news.jsonl", 8)
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    runs = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        result = CliRunner().invoke(main, ["ingest", "--db", str(db), "--workers", str(workers), str(corpus)])
        assert result.exit_code == 0, result.output
        assert "ingested 8, duplicates 0, rejected 1" in result.output
        runs[workers] = _ids(db)
    assert runs[1] == runs[2]
    assert len(runs[2]["articles"]) == 8 and runs[2]["quotes"]


def test_process_pool_keeps_input_order(tmp_path):
    from newsledger.facade import read_articles

    corpus = write_jsonl(tmp_path / "news.jsonl", 5)
    out = list(read_articles([str(corpus)], workers=2, batch_size=2))
    assert [a.input_id for a in out] == [f"art-{i:03d}" for i in range(5)]
