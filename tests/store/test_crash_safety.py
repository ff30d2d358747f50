"""Crash safety: SIGKILL an ingest mid-way; the ledger opens, holds only whole articles, and resumes."""

from __future__ import annotations

import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from newsledger.errors import LedgerLockedError
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


# Several kills at random (seeded) points, alternately after a random number of committed articles and a
# random time after the first commit (in the parse or inside the write of a later group of 32 articles, each
# group being one transaction); NEWSLEDGER_LONG_TESTS=1 runs 20 over a larger corpus.
LONG = os.environ.get("NEWSLEDGER_LONG_TESTS") == "1"
N_KILLS = 20 if LONG else 5
N_RANDOM_ARTICLES = 800 if LONG else 200
KILL_SEED = 20


def expected_ids(corpus: Path) -> set[str]:
    """The ids a complete ingest must hold, from cleaning alone (no parse)."""
    from newsledger.ingest import ReadOptions, iter_documents
    from newsledger.processing import Prepared, prepare

    prepared = [prepare(doc) for doc in iter_documents([str(corpus)], ReadOptions())]
    assert all(isinstance(p, Prepared) for p in prepared)
    return {p.article_id for p in prepared}


def ingest_until_killed(db: Path, corpus: Path, *, after_n: int | None = None, after_s: float | None = None,
                        probe=None) -> tuple[list[str], int]:
    """Run ``newsledger ingest`` and SIGKILL it after ``after_n`` newly committed articles, or ``after_s``
    seconds after the first one (in the parse or the write of a later group). ``probe()`` runs while the
    ingest is live (before the kill). Returns (ids logged, return code)."""
    proc = subprocess.Popen([NEWSLEDGER, "ingest", "-v", "--db", str(db), str(corpus)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    logged: list[str] = []
    reached, started = threading.Event(), threading.Event()

    def read() -> None:
        for line in proc.stderr:
            if line.startswith("INFO newsledger.cli: ingested "):
                logged.append(line.rsplit("(", 1)[1].rstrip(")\n"))
                started.set()
                if after_n is not None and len(logged) >= after_n:
                    reached.set()
        started.set()
        reached.set()  # the ingest ended by itself

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if after_s is not None:
        started.wait(timeout=240)
        reached.wait(timeout=after_s)
    else:
        reached.wait(timeout=240)
    if probe is not None and proc.poll() is None:
        probe()
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    reader.join(timeout=60)
    return list(logged), proc.returncode


def assert_whole(db: Path, logged: set[str], expected: set[str], rng: random.Random) -> set[str]:
    with LedgerStore(db) as store:  # opened for writing, so the WAL of the killed run is replayed
        survivors = {row[0] for row in store.query("SELECT id FROM articles")}
        assert logged <= survivors, "an article reported as ingested was lost"
        assert survivors <= expected, "an article that is not in the corpus appeared"
        for name, sql in ORPHANS.items():
            assert store.query(sql)[0][0] == 0, f"inconsistent after the crash: {name}"
        for article_id in rng.sample(sorted(survivors), min(20, len(survivors))):
            record = store.export_article(article_id)
            assert len(record["quotes"]) >= 1
            assert_spans_valid(record)
    return survivors


def probe_concurrent_use(db: Path) -> None:
    """While an ingest writes: a second writer and a reader each get a clear one-line error, not data."""
    second = subprocess.run([NEWSLEDGER, "ingest", "--db", str(db), "--demo"], capture_output=True, text=True,
                            timeout=120)
    assert second.returncode == 1
    assert second.stderr.startswith("newsledger: error:") and "in use by another process" in second.stderr
    assert second.stderr.count("\n") == 1, second.stderr
    reader = subprocess.run([NEWSLEDGER, "summary", "--db", str(db)], capture_output=True, text=True, timeout=120)
    assert reader.returncode == 1 and "in use by another process" in reader.stderr, reader.stderr
    with pytest.raises(LedgerLockedError, match="in use by another process"):
        LedgerStore(db, read_only=True)


@pytest.mark.slow
def test_killed_at_random_points_then_resumed(make_corpus, tmp_path):
    corpus = make_corpus(N_RANDOM_ARTICLES, seed=11, name="random-kills.jsonl")
    expected = expected_ids(corpus)
    assert len(expected) == N_RANDOM_ARTICLES
    db = tmp_path / "killed.duckdb"
    rng = random.Random(KILL_SEED)
    logged: set[str] = set()
    survivors: set[str] = set()
    kills = 0
    progress: list[int] = []
    for k in range(N_KILLS):
        if k % 2 == 0:
            new, code = ingest_until_killed(db, corpus, after_n=rng.randint(1, 40),
                                            probe=(lambda: probe_concurrent_use(db)) if k == 0 else None)
        else:
            new, code = ingest_until_killed(db, corpus, after_s=rng.uniform(0.0, 2.0))
        logged |= set(new)
        if code == 0:
            break  # finished before this kill point
        assert code == -signal.SIGKILL
        kills += 1
        if db.exists():
            survivors = assert_whole(db, logged, expected, rng)
        progress.append(len(survivors))
    assert kills >= min(N_KILLS, 3), "the ingest finished before it could be killed"
    survivors = assert_whole(db, logged, expected, rng)

    resumed = subprocess.run([NEWSLEDGER, "ingest", "--db", str(db), str(corpus)], capture_output=True, text=True,
                             timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.strip() == (f"ingested {N_RANDOM_ARTICLES - len(survivors)}, duplicates "
                                      f"{len(survivors)}, rejected 0")
    with LedgerStore(db, read_only=True) as store:
        final = [row[0] for row in store.query("SELECT id FROM articles")]
        assert len(final) == len(set(final)) == N_RANDOM_ARTICLES and set(final) == expected
        assert store.stats()["sightings"] == N_RANDOM_ARTICLES
        for name, sql in ORPHANS.items():
            assert store.query(sql)[0][0] == 0, f"inconsistent after resuming: {name}"
        # One unfinished run per kill, less those killed before their run was recorded (during start-up).
        assert store.query("SELECT count(*) FROM ingest_runs WHERE finished_at IS NULL")[0][0] <= kills
    print(f"\n{kills} kills survived, {N_RANDOM_ARTICLES} articles, {len(survivors)} held before the last re-run; "
          f"held after each kill: {progress}")


def test_a_writer_is_refused_while_a_reader_holds_the_ledger(make_corpus, tmp_path):
    """The other direction: while a reader (e.g. ``newsledger serve``) holds the file, an ingest gets the clear
    lock error and the reader's data stays as it was; once the reader closes, the ingest goes in."""
    corpus = make_corpus(3, seed=5, name="three.jsonl")
    more = make_corpus(5, seed=5, name="five.jsonl")  # the same three articles and two more
    db = tmp_path / "held.duckdb"
    assert subprocess.run([NEWSLEDGER, "ingest", "-q", "--db", str(db), str(corpus)], timeout=120).returncode == 0
    with LedgerStore(db, read_only=True) as reader:
        before = reader.query("SELECT id, n_quotes, n_events FROM articles ORDER BY id")
        refused = subprocess.run([NEWSLEDGER, "ingest", "--db", str(db), str(more)], capture_output=True,
                                 text=True, timeout=120)
        assert refused.returncode == 1
        assert refused.stderr.startswith("newsledger: error:") and "in use by another process" in refused.stderr
        assert refused.stderr.count("\n") == 1
        assert reader.query("SELECT id, n_quotes, n_events FROM articles ORDER BY id") == before
    after = subprocess.run([NEWSLEDGER, "ingest", "--db", str(db), str(more)], capture_output=True, text=True,
                           timeout=120)
    assert after.returncode == 0 and after.stdout.strip() == "ingested 2, duplicates 3, rejected 0", after.stderr


# Kills aimed at the commit instant itself (tests/store/commit_kill.py): each run resumes the same ledger, in
# groups of 4 articles, commits one group of new articles whole, and is killed at the commit of the next one:
# just before it, inside it (a fraction of the way through the time the first one took; with and without a
# checkpoint of the WAL in every commit) or just after it returned, before the run could report the group.
COMMIT_KILLS = [("before", 0.0, False), ("during", 0.5, False), ("during", 0.5, True), ("after", 0.0, True)]
if LONG:
    COMMIT_KILLS = [("before", 0.0, False)] + [("during", f, c) for f in (0.1, 0.3, 0.5, 0.7, 0.9)
                                                for c in (False, True)] + [("after", 0.0, False)]
GROUP = 4


def kill_at_commit(db: Path, corpus: Path, *, at: int, when: str, fraction: float, checkpoint: bool) -> dict:
    args = [sys.executable, "-m", "tests.store.commit_kill", str(db), str(corpus), "--at", str(at), "--when", when,
            "--fraction", str(fraction), "--group-size", str(GROUP)] + (["--checkpoint"] if checkpoint else [])
    run = subprocess.run(args, capture_output=True, text=True, timeout=240,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    lines = [line.split() for line in run.stdout.splitlines()]
    groups = {int(w[1]): set(w[2:]) for w in lines if w[0] == "group"}
    ended = {int(w[1]): float(w[3]) for w in lines if w[:1] == ["commit"] and w[2] == "end"}
    return {"code": run.returncode, "stderr": run.stderr, "group": groups.get(at, set()),
            "ingested": {w[1] for w in lines if w[0] == "ingested"}, "commit_ended": at in ended,
            "commit_ms": statistics.median(ended.values()) if ended else None}


@pytest.mark.slow
def test_killed_at_the_commit_instant_then_resumed(make_corpus, tmp_path):
    n_articles = GROUP * (2 * len(COMMIT_KILLS) + 1)
    corpus = make_corpus(n_articles, seed=13, name="commit-kills.jsonl")
    expected = expected_ids(corpus)
    db = tmp_path / "commit.duckdb"
    rng = random.Random(KILL_SEED)
    logged: set[str] = set()
    figures = []
    for when, fraction, checkpoint in COMMIT_KILLS:
        run = kill_at_commit(db, corpus, at=2, when=when, fraction=fraction, checkpoint=checkpoint)
        assert run["code"] == -signal.SIGKILL, run["stderr"][-2000:]
        assert len(run["group"]) == GROUP, run
        logged |= run["ingested"]
        survivors = assert_whole(db, logged, expected, rng)
        held = run["group"] & survivors
        assert held in (set(), run["group"]), f"a transaction was half kept: {len(held)} of {GROUP} articles"
        assert not run["group"] & run["ingested"], "a group was reported before its commit ended"
        if when == "before":
            assert not held, "killed before its commit, the group is in the ledger"
        if when == "after":
            assert held == run["group"], "killed after its commit returned, the group was lost"
        landed = "" if when != "during" else " after it ended" if run["commit_ended"] else " inside it"
        at = f"{fraction:g} into" if when == "during" else when
        figures.append(f"{at} a {run['commit_ms']:.1f} ms commit{' with checkpoint' if checkpoint else ''}: "
                       f"{'kept' if held else 'dropped'}{landed}")
    # The kills meant for the inside of a commit did land there, at least one of them.
    assert any(f.endswith("inside it") for f in figures), figures

    resumed = subprocess.run([NEWSLEDGER, "ingest", "--db", str(db), str(corpus)], capture_output=True, text=True,
                             timeout=240)
    assert resumed.returncode == 0, resumed.stderr
    with LedgerStore(db, read_only=True) as store:
        final = [row[0] for row in store.query("SELECT id FROM articles")]
        assert len(final) == len(set(final)) == n_articles and set(final) == expected
        for name, sql in ORPHANS.items():
            assert store.query(sql)[0][0] == 0, f"inconsistent after resuming: {name}"
    print(f"\n{len(figures)} kills at the commit instant: " + "; ".join(figures) + f"; re-run: {resumed.stdout.strip()}")
