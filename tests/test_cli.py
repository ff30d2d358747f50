"""The command line, run in-process with click's CliRunner (and once as the installed script)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from newsledger.cli import main
from tests.conftest import assert_spans_valid

COMMANDS = ["ingest", "process", "show", "export", "stats", "summary"]

FERRY = (
    "Ferry service to Stonehaven suspended\n"
    "The ferry service between Millbrook and Stonehaven was suspended on Tuesday after a crack was found in "
    "the hull of the only vessel on the route.\n"
    "\"Safety comes first, and we will not sail until the ship is repaired,\" operator spokeswoman Ines Silva "
    "said.\n"
    "Islanders criticised the operator for failing to provide a replacement boat.\n"
    "Councillor Jonas Petrov said the island could not survive a long closure.\n"
)
MARKET = (
    "Farmers market moves to the old station\n"
    "The weekly farmers market in Ashton Vale will move to the old railway station next month, the council "
    "announced on Friday.\n"
    "\"The square is simply too small for us now,\" market manager Daniel Okafor told the council.\n"
    "Traders welcomed the decision but asked for more parking near the station.\n"
)


def invoke(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture()
def texts(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, text in {"ferry.txt": FERRY, "market.txt": MARKET}.items():
        paths[name] = tmp_path / name
        paths[name].write_text(text, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text \x00\x00")
    (tmp_path / "empty.txt").write_bytes(b"")
    paths["binary.txt"] = tmp_path / "binary.txt"
    paths["empty.txt"] = tmp_path / "empty.txt"
    return paths


@pytest.fixture()
def ledger(texts: dict[str, Path], db_path: Path) -> Path:
    result = invoke("ingest", "--db", str(db_path), "--url", "https://example.org/ferry", str(texts["ferry.txt"]))
    assert result.exit_code == 0, result.output
    result = invoke("ingest", "--db", str(db_path), "--pubdate", "2016-04-08", str(texts["market.txt"]),
                    str(texts["binary.txt"]))
    assert result.exit_code == 0, result.output
    return db_path


# -- help and options --------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    out = result.stdout
    assert "-q, --quiet" in out and "-v, --verbose" in out
    assert ("--db" in out) == (command != "process")
    assert invoke(command, "-h").stdout == out


def test_group_help_lists_every_command():
    result = invoke("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert f"  {command} " in result.stdout


def test_installed_script_runs():
    script = Path(sys.executable).with_name("newsledger")
    done = subprocess.run([str(script), "stats", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "--db" in done.stdout


# -- ingest exit codes ---------------------------------------------------------------------------------------
def test_ingest_success_is_exit_0(texts, db_path):
    result = invoke("ingest", "--db", str(db_path), str(texts["ferry.txt"]), str(texts["binary.txt"]))
    assert result.exit_code == 0
    assert result.stdout == "ingested 1, duplicates 0, rejected 1\n"
    assert f"rejected {texts['binary.txt']}: binary" in result.stderr


def test_ingest_of_only_duplicates_is_still_success(texts, db_path):
    assert invoke("ingest", "--db", str(db_path), str(texts["ferry.txt"])).exit_code == 0
    result = invoke("ingest", "-q", "--db", str(db_path), str(texts["ferry.txt"]))
    assert result.exit_code == 0 and result.stdout == ""


def test_ingest_of_only_bad_files_is_exit_1(texts, db_path, tmp_path):
    result = invoke("ingest", "--db", str(db_path), str(texts["binary.txt"]), str(texts["empty.txt"]),
                    str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    assert result.stdout == "ingested 0, duplicates 0, rejected 3\n"
    assert "not_found" in result.stderr


def test_quiet_hides_the_rejects(texts, db_path):
    result = invoke("ingest", "-q", "--db", str(db_path), str(texts["binary.txt"]))
    assert result.exit_code == 1 and result.stdout == "" and result.stderr == ""


@pytest.mark.parametrize("args, message", [
    (["--format", "xml"], "Invalid value for '--format'"),
    (["--pubdate", "2015-13-45"], "--pubdate must be YYYY-MM-DD"),
    (["--pubdate", "last Thursday"], "--pubdate must be YYYY-MM-DD"),
    (["--max-chars", "0"], "Invalid value for '--max-chars'"),
    (["--no-such-option"], "No such option"),
])
@pytest.mark.parametrize("command", ["ingest", "process"])
def test_invalid_option_is_exit_2(texts, db_path, command, args, message):
    db = ["--db", str(db_path)] if command == "ingest" else []
    result = invoke(command, *db, *args, str(texts["ferry.txt"]))
    assert result.exit_code == 2
    assert message in result.stderr
    assert not db_path.exists()


def test_ingest_without_paths_is_a_usage_error(db_path):
    result = invoke("ingest", "--db", str(db_path))
    assert result.exit_code == 2
    assert "give at least one PATH" in result.stderr


# -- process ---------------------------------------------------------------------------------------------------
def test_process_the_seed(seed_path):
    result = invoke("process", "--pubdate", "2015-10-02", str(seed_path))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["pubdate"] == "2015-10-02" and record["input_id"] == seed_path.name
    text = record["text"]
    assert "No comments" not in text and "Post a Comment" not in text
    assert "on Thursday" in text and "onThursday" not in text
    assert assert_spans_valid(record) > 20
    assert record["quotes"] and record["events"] and record["entities"]


def test_process_the_seed_with_input_offsets(seed_path):
    original = seed_path.read_bytes().decode("utf-8")
    assert "onThursday" in original
    result = invoke("process", "--pubdate", "2015-10-02", "--offsets", "input", str(seed_path))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["text"] == original
    clean = json.loads(invoke("process", "--pubdate", "2015-10-02", str(seed_path)).stdout)
    assert assert_spans_valid(record, original) == assert_spans_valid(clean)
    assert [q["id"] for q in record["quotes"]] == [q["id"] for q in clean["quotes"]]


def test_process_the_devcorpus_keeps_input_order(devcorpus_path):
    ids = [json.loads(line)["id"] for line in devcorpus_path.read_text(encoding="utf-8").splitlines()
           if line.strip()]
    result = invoke("process", str(devcorpus_path))
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(ids) == 40
    assert [r.get("input_id") for r in records] == ids
    for record in records:
        assert "error" not in record
        assert_spans_valid(record)


def test_process_writes_an_error_line_in_place_of_each_reject(tmp_path):
    good = "The mayor said on Monday that the bridge would open next year, and residents welcomed the news."
    french = ("Le conseil municipal a voté mardi la construction d'une nouvelle digue après les tempêtes qui ont "
              "inondé le port deux fois cette année, a déclaré la maire devant les habitants de la ville.")
    lines = [json.dumps({"id": "one", "text": good}), "this is not json", json.dumps({"id": "three", "text": ""}),
             json.dumps({"id": "four", "text": french}), json.dumps({"id": "five", "body": good}),
             json.dumps({"id": "six", "text": good.replace("Monday", "Friday")})]
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("process", "-q", str(corpus))
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("input_id") or o["reason"] for o in out] == ["one", "bad_json", "empty", "not_english",
                                                                "missing_field", "six"]
    for n, o in enumerate(out, start=1):
        if "error" in o:
            assert {"error", "origin", "reason"} <= set(o)
            assert o["origin"] == f"{corpus}:{n}"
            assert o["reason"] in o["error"] and o["origin"] in o["error"]
    assert result.stderr == ""


def test_process_keeps_the_order_of_mixed_files(texts):
    paths = [texts["binary.txt"], texts["ferry.txt"], texts["empty.txt"], texts["market.txt"]]
    result = invoke("process", *map(str, paths))
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("input_id") or o["reason"] for o in out] == ["binary", "ferry.txt", "empty", "market.txt"]
    assert result.stderr.count("newsledger: rejected") == 2


def test_process_of_only_rejects_is_exit_1(texts):
    result = invoke("process", str(texts["binary.txt"]))
    assert result.exit_code == 1
    assert json.loads(result.stdout)["reason"] == "binary"


def test_process_reads_stdin(texts):
    result = invoke("process", "--source", "Island Post", "-", input=FERRY.encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["source"] == "Island Post"
    assert record["title"] == "Ferry service to Stonehaven suspended"
    assert record == json.loads(invoke("process", "--source", "Island Post", str(texts["ferry.txt"])).stdout) | {
        "input_id": record["input_id"]}


# -- show, stats, summary ---------------------------------------------------------------------------------------
def ledger_ids(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("SELECT input_id, id FROM articles").fetchall())
    finally:
        con.close()


@pytest.mark.parametrize("key", ["id", "prefix", "url", "input_id"])
def test_show_renders_title_and_marks_quotes(ledger, key):
    ferry_id = ledger_ids(ledger)["ferry.txt"]
    value = {"id": ferry_id, "prefix": ferry_id[:9], "url": "https://example.org/ferry", "input_id": "ferry.txt"}[key]
    result = invoke("show", "--db", str(ledger), value)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0] == "Ferry service to Stonehaven suspended"
    assert f"id {ferry_id}" in out and "url https://example.org/ferry" in out
    assert "⟦Q1 Safety comes first" in out and "⟧" in out
    assert "Ines Silva" in out
    assert "\x1b[" not in out  # no colour when not a terminal


@pytest.mark.parametrize("key", ["a_", "a_ffffffffffff", "https://example.org/none"])
def test_show_of_an_unknown_article_is_exit_1(ledger, key):
    result = invoke("show", "--db", str(ledger), key)
    assert result.exit_code == 1
    assert result.stderr.startswith("newsledger: error: no article matches")


def test_stats_json_matches_the_database(ledger):
    result = invoke("stats", "--json", "--db", str(ledger))
    assert result.exit_code == 0, result.stderr
    numbers = json.loads(result.stdout)
    con = duckdb.connect(str(ledger), read_only=True)
    try:
        def one(sql):
            return con.execute(sql).fetchone()[0]

        for table in ("articles", "sightings", "quotes", "events", "entities", "places", "rejects"):
            assert numbers[table] == one(f"SELECT count(*) FROM {table}"), table
        assert numbers["speakers"] == one("SELECT count(DISTINCT speaker_name) FROM quotes")
        assert numbers["schema_version"] == 2
        assert numbers["rejects_by_reason"] == {"binary": 1}
        assert sum(numbers["events_by_status"].values()) == numbers["events"]
    finally:
        con.close()
    assert numbers["articles"] == 2 and numbers["quotes"] >= 2
    plain = invoke("stats", "--db", str(ledger))
    assert plain.exit_code == 0 and f"articles: {numbers['articles']}" in plain.stdout


def test_summary_lists_speakers(ledger):
    result = invoke("summary", "--db", str(ledger))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith(f"Ledger {ledger}: 2 articles")
    speakers = out.split("Top speakers", 1)[1].split("\nEvents", 1)[0]
    for name in ("Ines Silva", "Daniel Okafor"):
        assert name in speakers
    assert "Safety comes first" in speakers
    assert "2016-04-08" in out and "Rejects: binary 1" in out
    limited = invoke("summary", "--db", str(ledger), "--speakers", "1").stdout
    assert len(limited.split("Top speakers", 1)[1].split("\nEvents", 1)[0].strip().splitlines()) <= 3


@pytest.mark.parametrize("command", ["show", "stats", "summary", "export"])
def test_read_commands_on_a_missing_ledger_are_exit_1(command, tmp_path):
    missing = tmp_path / "missing.duckdb"
    args = ["a_123456"] if command == "show" else []
    result = invoke(command, "--db", str(missing), *args)
    assert result.exit_code == 1
    assert result.stderr.startswith("newsledger: error:") and "no ledger here" in result.stderr
    assert not missing.exists()


@pytest.mark.parametrize("command", ["stats", "export"])
def test_a_database_that_is_not_a_ledger_is_a_one_line_error(command, tmp_path):
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    result = invoke(command, "--db", str(other))
    assert result.exit_code == 1
    assert result.stderr.startswith("newsledger: error:")


def test_ledger_commands_events_speakers_disputes_relink(tmp_path):
    """The cross-article views over the ledger corpus: one event from many outlets, speakers, disputes."""
    corpus = Path(__file__).resolve().parent / "data" / "ledger"
    db = str(tmp_path / "l.duckdb")
    assert invoke("ingest", "--db", db, "--source-field", "source", str(corpus / "articles.jsonl")).exit_code == 0
    events = invoke("events", "--db", db, "--limit", "3")
    assert events.exit_code == 0 and "reports" in events.output and "(copy)" in events.output
    speakers = invoke("speakers", "--db", db, "Volkov")
    assert speakers.exit_code == 0 and "Volkov" in speakers.output
    lines = invoke("disputes", "--db", db, "--format", "jsonl").output.splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(set(r) == {"id", "ledger_event_id", "kind", "sides"} for r in records)
    assert "number" in invoke("disputes", "--db", db).output
    before = sorted(r["id"] for r in records)
    assert invoke("relink", "--db", db).exit_code == 0
    again = [json.loads(line) for line in invoke("disputes", "--db", db, "--format", "jsonl").output.splitlines()]
    assert sorted(r["id"] for r in again) == before


def test_attribution_mode_is_chosen_on_the_command_line(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSLEDGER_ATTRIBUTION", "rules")  # restored after the test, whatever the command sets
    article = tmp_path / "ferry.txt"
    article.write_text(FERRY, encoding="utf-8")
    reasons = {}
    for mode in ("rules", "model"):
        result = invoke("process", "-q", "--attribution", mode, str(article))
        assert result.exit_code == 0, result.output
        [record] = [json.loads(line) for line in result.stdout.splitlines()]
        reasons[mode] = [q["reason"] for q in record["quotes"]]
    assert reasons["rules"] and not any(r.startswith("model:") for r in reasons["rules"])
    assert any(r.startswith("model:") for r in reasons["model"])
    assert invoke("process", "--attribution", "neural", str(article)).exit_code == 2
