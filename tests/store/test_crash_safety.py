"""Crash safety: SIGKILL an ingest mid-way; the ledger opens, holds only whole articles, and resumes."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsledger.store import LedgerStore
from tests.conftest import assert_spans_valid

NEWSLEDGER = str(Path(sys.executable).with_name("newsledger"))
N_ARTICLES = 400
KILL_AFTER = 40  # logged ingests (articles are parsed in batches of 32, so this is mid-way through a batch)

ORPHANS = {
    "quotes": "SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)",
    "events": "SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)",
    "entities": "SELECT count(*) FROM entities WHERE article_id NOT IN (SELECT id FROM articles)",
    "mentions": "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles) "
                "OR entity_id NOT IN (SELECT id FROM entities)",
    "places": "SELECT count(*) FROM places WHERE article_id NOT IN (SELECT id FROM articles)",
    "sightings": "SELECT count(*) FROM sightings WHERE article_id NOT IN (SELECT id FROM articles)",
    "unsighted articles": "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM sightings)",
    "n_quotes": "SELECT count(*) FROM articles a WHERE n_quotes <> "
                "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id)",
    "n_events": "SELECT count(*) FROM articles a WHERE n_events <> "
                "(SELECT count(*) FROM events e WHERE e.article_id = a.id)",
    "articles without entities": "SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                 "(SELECT 1 FROM entities e WHERE e.article_id = a.id)",
}


def article_ids(db: Path) -> list[str]:
    with LedgerStore(db, read_only=True) as store:
        return [row[0] for row in store.query("SELECT id FROM articles")]


@pytest.mark.slow
def test_killed_ingest_leaves_whole_articles_and_resumes(make_corpus, tmp_path):
    corpus = make_corpus(N_ARTICLES)
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert len(set(texts)) == N_ARTICLES and 130 <= sum(len(t.split()) for t in texts) / N_ARTICLES <= 180

    clean_db, crash_db = tmp_path / "clean.duckdb", tmp_path / "crash.duckdb"
    # The reference run works alongside the one that gets killed.
    clean_run = subprocess.Popen([NEWSLEDGER, "ingest", "-q", "--db", str(clean_db), str(corpus)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    crash_run = subprocess.Popen([NEWSLEDGER, "ingest", "-v", "--db", str(crash_db), str(corpus)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    watchdog = threading.Timer(240, crash_run.kill)
    watchdog.start()
    logged: list[str] = []
    try:
        for line in crash_run.stderr:  # "INFO newsledger.cli: ingested <origin> (<id>)" once committed
            if line.startswith("INFO newsledger.cli: ingested "):
                logged.append(line.rsplit("(", 1)[1].rstrip(")\n"))
                if len(logged) == KILL_AFTER:
                    crash_run.send_signal(signal.SIGKILL)
                    break
    finally:
        watchdog.cancel()
        crash_run.stderr.close()
        crash_run.wait(timeout=60)
    assert crash_run.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    assert len(logged) == KILL_AFTER

    # The killed ledger opens (for writing, so its WAL is replayed) and holds whole articles only.
    with LedgerStore(crash_db) as store:
        survivors = {row[0] for row in store.query("SELECT id FROM articles")}
        assert set(logged) <= survivors, "an article reported as ingested was lost"
        assert KILL_AFTER <= len(survivors) < N_ARTICLES
        for name, sql in ORPHANS.items():
            assert store.query(sql)[0][0] == 0, f"inconsistent after the crash: {name}"
        for article_id in survivors:
            record = store.export_article(article_id)
            assert len(record["quotes"]) >= 1
            assert_spans_valid(record)
        unfinished = store.query("SELECT count(*) FROM ingest_runs WHERE finished_at IS NULL")[0][0]
        assert unfinished == 1

    resumed = subprocess.run([NEWSLEDGER, "ingest", "--db", str(crash_db), str(corpus)],
                             capture_output=True, text=True, timeout=240)
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.strip() == (f"ingested {N_ARTICLES - len(survivors)}, duplicates {len(survivors)}, "
                                      f"rejected 0")

    stdout, stderr = clean_run.communicate(timeout=240)
    assert clean_run.returncode == 0, stderr
    expected = article_ids(clean_db)
    final = article_ids(crash_db)
    assert len(expected) == N_ARTICLES
    assert len(final) == len(set(final)) == N_ARTICLES
    assert set(final) == set(expected)
    with LedgerStore(crash_db, read_only=True) as store:
        assert store.stats()["sightings"] == N_ARTICLES
        for name, sql in ORPHANS.items():
            assert store.query(sql)[0][0] == 0, f"inconsistent after resuming: {name}"
    with LedgerStore(clean_db, read_only=True) as clean, LedgerStore(crash_db, read_only=True) as crashed:
        totals = "SELECT count(*), sum(n_quotes), sum(n_events) FROM articles"
        assert clean.query(totals) == crashed.query(totals)
