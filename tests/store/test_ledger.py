"""The DuckDB ledger: duplicates and sightings, migrations, errors on open, the writer lock, rejects."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import duckdb
import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.errors import LedgerLockedError, StoreError
from newsledger.facade import Ledger
from newsledger.ingest import ReadOptions
from newsledger.store import LedgerStore
from newsledger.store.migrations import SCHEMA_VERSION, migrate


def count(db_path, sql, params=()):
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchone()[0]
    finally:
        con.close()


def test_ingesting_the_seed_twice_keeps_one_article(seed_path, db_path):
    runner = CliRunner()
    args = ["ingest", "--db", str(db_path), "--pubdate", "2015-10-02", str(seed_path)]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "ingested 1, duplicates 0, rejected 0" in first.stdout
    second = runner.invoke(main, args)
    assert second.exit_code == 0, second.output
    assert "ingested 0, duplicates 1, rejected 0" in second.stdout
    assert count(db_path, "SELECT count(*) FROM articles") == 1
    assert count(db_path, "SELECT count(*) FROM sightings") == 1
    assert count(db_path, "SELECT count(*) FROM ingest_runs WHERE finished_at IS NOT NULL") == 2
    assert count(db_path, "SELECT CAST(pubdate AS VARCHAR) FROM articles") == "2015-10-02"


def test_same_text_under_another_name_is_a_duplicate_with_a_sighting(article_files, tmp_path, db_path):
    original = article_files["strike.txt"]
    copy = tmp_path / "syndicated-copy.txt"
    copy.write_bytes(original.read_bytes())
    # The same text with different spacing and case at the ends is still the same article.
    respaced = tmp_path / "respaced.txt"
    respaced.write_text("  " + original.read_text(encoding="utf-8").replace(" ", "  ") + "\n\n", encoding="utf-8")
    with Ledger(db_path) as ledger:
        first = ledger.ingest([str(original)])
        again = ledger.ingest([str(copy), str(respaced)], options=ReadOptions(source="Other Outlet"))
        article_id = first.article_ids[0]
        sightings = ledger.store.query(
            "SELECT origin, input_id, source FROM sightings WHERE article_id = ? ORDER BY seen_at, origin",
            [article_id])
        stats = ledger.stats()
    assert (first.ingested, first.duplicates) == (1, 0)
    assert (again.ingested, again.duplicates) == (0, 2)
    assert stats["articles"] == 1 and stats["sightings"] == 3
    assert {row[1] for row in sightings} == {"strike.txt", "syndicated-copy.txt", "respaced.txt"}
    assert {row[2] for row in sightings} == {None, "Other Outlet"}


def test_migrations_are_recorded_once(db_path):
    with LedgerStore(db_path) as store:
        rows = store.query("SELECT version, name, applied_at FROM schema_migrations")
        assert store.stats()["schema_version"] == SCHEMA_VERSION == 2
    assert [r[0] for r in sorted(rows)] == [1, 2]
    with LedgerStore(db_path) as store:
        again = store.query("SELECT version, name, applied_at FROM schema_migrations")
        assert migrate(store.con) == []
    assert sorted(again) == sorted(rows)


def test_a_newer_schema_is_refused(db_path):
    with LedgerStore(db_path) as store:
        store.con.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', now())",
                          [SCHEMA_VERSION + 1])
    with pytest.raises(StoreError, match=r"schema version 3 is newer"):
        LedgerStore(db_path)
    # Nothing was applied or changed by the refused open.
    assert count(db_path, "SELECT count(*) FROM schema_migrations") == 3


def test_opening_a_missing_ledger_read_only_is_a_clear_error(tmp_path):
    missing = tmp_path / "nowhere.duckdb"
    with pytest.raises(StoreError, match=r"no ledger here") as info:
        LedgerStore(missing, read_only=True)
    assert not isinstance(info.value, LedgerLockedError)
    assert str(missing) in str(info.value)
    assert not missing.exists()


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_text("this is not a database\n" * 200)
    with pytest.raises(StoreError, match=r"junk.duckdb"):
        LedgerStore(junk)


@pytest.fixture()
def writer_process(db_path):
    """Another process holding the ledger open for writing until the test ends."""
    LedgerStore(db_path).close()
    code = textwrap.dedent(f"""
        import sys, duckdb
        con = duckdb.connect({str(db_path)!r})
        con.execute("SELECT count(*) FROM articles").fetchone()
        print("ready", flush=True)
        sys.stdin.read()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield proc
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)


@pytest.mark.parametrize("read_only", [False, True])
def test_a_second_writer_gets_ledger_locked_error(writer_process, db_path, read_only):
    with pytest.raises(LedgerLockedError, match=r"in use by another process"):
        LedgerStore(db_path, read_only=read_only)


def test_the_cli_reports_a_locked_ledger_in_one_line(writer_process, db_path, article_files):
    result = CliRunner().invoke(main, ["ingest", "--db", str(db_path), str(article_files["library.txt"])])
    assert result.exit_code == 1
    assert result.stderr.startswith("newsledger: error:") and "in use by another process" in result.stderr
    assert result.stderr.count("\n") == 1


def test_rejects_are_stored_once_with_origin_and_reason(bad_files, article_files, db_path):
    paths = [str(p) for p in sorted(bad_files.values())]
    with Ledger(db_path) as ledger:
        first = ledger.ingest(paths + [str(article_files["library.txt"])])
        second = ledger.ingest(paths)
        rows = ledger.store.query("SELECT origin, reason, detail FROM rejects ORDER BY origin")
        stats = ledger.stats()
    assert (first.ingested, first.rejected) == (1, 3)
    assert (second.ingested, second.duplicates, second.rejected) == (0, 0, 3)
    assert [(origin, reason) for origin, reason, _ in rows] == [
        (str(bad_files["binary.txt"]), "binary"),
        (str(bad_files["empty.txt"]), "empty"),
        (str(bad_files["french.txt"]), "not_english"),
    ]
    assert all(detail for _, _, detail in rows)
    assert stats["rejects"] == 3
    assert stats["rejects_by_reason"] == {"binary": 1, "empty": 1, "not_english": 1}


def test_article_rows_match_the_records(article_files, db_path):
    with Ledger(db_path) as ledger:
        report = ledger.ingest([str(p) for p in article_files.values()])
        records = list(ledger.export())
        stats = ledger.stats()
        per_article = {r[0]: r[1:] for r in ledger.store.query(
            "SELECT id, n_quotes, n_events, (SELECT count(*) FROM quotes q WHERE q.article_id = a.id), "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) FROM articles a")}
    assert report.ingested == 3
    assert sorted(report.article_ids) == sorted(r["id"] for r in records)
    for record in records:
        n_quotes, n_events, quote_rows, event_rows = per_article[record["id"]]
        assert n_quotes == quote_rows == len(record["quotes"])
        assert n_events == event_rows == len(record["events"])
    assert stats["quotes"] == sum(len(r["quotes"]) for r in records)
    assert stats["events"] == sum(len(r["events"]) for r in records)
    assert stats["entities"] == sum(len(r["entities"]) for r in records)
    assert stats["speakers"] == len({q["speaker"]["name"] for r in records for q in r["quotes"]
                                     if q["speaker"]["name"]})


def test_find_article_by_id_prefix_url_and_input_id(article_files, db_path):
    with Ledger(db_path) as ledger:
        ledger.ingest([str(article_files["strike.txt"])], options=ReadOptions(url="https://example.org/strike"))
        ledger.ingest([str(article_files["library.txt"])])
        ids = ledger.store.article_ids()
        strike_id = ledger.store.find_article_id("strike.txt")
        assert strike_id in ids
        assert ledger.store.find_article_id(strike_id) == strike_id
        assert ledger.store.find_article_id(strike_id[:8]) == strike_id
        assert ledger.store.find_article_id("https://example.org/strike") == strike_id
        assert ledger.store.find_article_id("a_") is None              # ambiguous and too short
        assert ledger.store.find_article_id("https://example.org/none") is None
        assert ledger.article("library.txt")["title"] == "Library reopens after fire"
