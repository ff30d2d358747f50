"""Export: JSONL is the contract; CSV and Parquet carry the same records; --out is atomic."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.facade import Ledger
from newsledger.records import Article
from newsledger.store.export import export

from tests.conftest import assert_spans_valid

EXPORT_KEYS = list(Article.EXPORT_KEYS)


@pytest.fixture()
def ledger_db(article_files, db_path) -> Path:
    with Ledger(db_path) as ledger:
        assert ledger.ingest([str(p) for p in article_files.values()]).ingested == 3
    return db_path


def run_export(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def jsonl_records(db: Path, *args: str) -> list[dict]:
    return [json.loads(line) for line in run_export(db, *args).splitlines()]


def test_jsonl_export_is_the_export_schema_with_valid_spans(ledger_db):
    records = jsonl_records(ledger_db)
    assert len(records) == 3
    assert {r["input_id"] for r in records} == {"harbour.txt", "strike.txt", "library.txt"}
    for record in records:
        assert list(record) == EXPORT_KEYS
        assert assert_spans_valid(record) > 0
    harbour = next(r for r in records if r["input_id"] == "harbour.txt")
    assert "on Tuesday" in harbour["text"] and "No comments" not in harbour["text"]
    assert any(q["speaker"]["name"] == "Anna Kowalski" for q in harbour["quotes"])


def test_jsonl_export_equals_processing_without_a_database(ledger_db, article_files):
    """The ledger round trip loses nothing: what is stored comes back as ``process`` gives it."""
    stored = {r["input_id"]: r for r in jsonl_records(ledger_db)}
    result = CliRunner().invoke(main, ["process", *map(str, article_files.values())])
    assert result.exit_code == 0, result.output
    for line in result.stdout.splitlines():
        fresh = json.loads(line)
        record = stored[fresh["input_id"]]
        # The ledger adds its cross-article links (story, ledger events); without a ledger they are null.
        assert record["story_id"] and fresh["story_id"] is None and fresh["duplicate_of"] is None
        assert all(e["ledger_event_id"] for e in record["events"])
        record = {**record, "story_id": None, "duplicate_of": None,
                  "events": [{**e, "ledger_event_id": None} for e in record["events"]]}
        assert record == fresh


def test_input_offsets_point_into_the_input_files(ledger_db, article_files):
    records = jsonl_records(ledger_db, "--offsets", "input")
    clean = {r["id"]: r for r in jsonl_records(ledger_db)}
    for record in records:
        original = article_files[record["input_id"]].read_bytes().decode("utf-8")
        assert record["text"] == original
        assert assert_spans_valid(record, original) == assert_spans_valid(clean[record["id"]])
    harbour = next(r for r in records if r["input_id"] == "harbour.txt")
    quote = next(q for q in harbour["quotes"] if "money" in q["content"]["text"])
    assert quote["content"]["text"].startswith("It is money well spent")


def test_csv_export_has_one_row_per_article_with_json_nested_fields(ledger_db):
    records = jsonl_records(ledger_db)
    rows = list(csv.DictReader(io.StringIO(run_export(ledger_db, "--format", "csv"), newline="")))
    assert len(rows) == len(records)
    for row, record in zip(rows, records):
        assert list(row) == EXPORT_KEYS
        for key in EXPORT_KEYS:
            if isinstance(record[key], list):
                assert json.loads(row[key]) == record[key]
            else:
                assert row[key] == ("" if record[key] is None else record[key])


def test_parquet_export_reads_back_as_the_jsonl_records(ledger_db, tmp_path):
    records = jsonl_records(ledger_db)
    out = tmp_path / "ledger.parquet"
    result = CliRunner().invoke(main, ["export", "--db", str(ledger_db), "--format", "parquet", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "exported 3 articles" in result.stderr
    con = duckdb.connect()
    try:
        cursor = con.execute("SELECT * FROM read_parquet(?)", [str(out)])
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
        types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))",
                                 [str(out)]).fetchall())
    finally:
        con.close()
    assert columns == EXPORT_KEYS
    assert types["quotes"].startswith("STRUCT(") and types["quotes"].endswith("[]")
    assert types["warnings"] == "VARCHAR[]"
    assert len(rows) == len(records)
    for row, record in zip(rows, records):
        assert row == record  # nested structs and lists included
    assert sum(len(r["quotes"]) for r in rows) > 0 and sum(len(r["events"]) for r in rows) > 0


def test_parquet_needs_out(ledger_db):
    result = CliRunner().invoke(main, ["export", "--db", str(ledger_db), "--format", "parquet"])
    assert result.exit_code == 2
    assert "--out" in result.stderr


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_to_out_leaves_no_part_file(ledger_db, tmp_path, fmt):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"ledger.{fmt}"
    target.write_text("previous export\n")
    run_export(ledger_db, "--format", fmt, "--out", str(target))
    assert sorted(p.name for p in out_dir.iterdir()) == [target.name]
    assert target.read_bytes() != b"previous export\n"
    if fmt == "jsonl":
        assert [json.loads(line) for line in target.read_text().splitlines()] == jsonl_records(ledger_db)


def failing_records(n_good: int):
    for i in range(n_good):
        yield {key: ([] if key in ("quotes", "events", "entities", "warnings") else f"v{i}") for key in EXPORT_KEYS}
    raise RuntimeError("the ledger went away mid-export")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("existing", [False, True])
def test_an_interrupted_export_leaves_no_file_and_keeps_an_old_one(tmp_path, fmt, existing):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / f"ledger.{fmt}"
    if existing:
        target.write_text("previous export\n")
    with pytest.raises(RuntimeError, match="mid-export"):
        export(failing_records(5), fmt, str(target))
    assert sorted(p.name for p in out_dir.iterdir()) == ([target.name] if existing else [])
    if existing:
        assert target.read_text() == "previous export\n"


def test_export_of_an_empty_ledger_is_empty(db_path, tmp_path):
    with Ledger(db_path):
        pass
    assert run_export(db_path) == ""
    header = run_export(db_path, "--format", "csv")
    assert header.strip().split(",") == EXPORT_KEYS


def test_export_into_a_missing_directory_is_a_one_line_error(ledger_db, tmp_path):
    target = tmp_path / "no-such-dir" / "ledger.jsonl"
    result = CliRunner().invoke(main, ["export", "--db", str(ledger_db), "--out", str(target)])
    assert result.exit_code in (1, 2)
    assert isinstance(result.exception, (SystemExit, type(None)))
    assert "no-such-dir" in result.stderr and "Traceback" not in result.stderr
    assert not target.parent.exists()
