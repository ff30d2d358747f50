"""Test ledgers for the API and web tests: the demo corpus plus one article about real places (the demo is
fictional, so nothing in it is geocoded), optionally with a ``disputes`` table in the shape issue 5 writes."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from newsledger.cli import demo_corpus_path

GEO_ARTICLE = {
    "title": "Syrian army shells rebel positions near Hama",
    "source": "Test Wire",
    "url": "https://testwire.example/hama",
    "pubdate": "2015-10-02",
    "text": (
        "BEIRUT — Syrian army artillery shelled rebel positions near the city of Hama in western Syria on "
        "Thursday, killing six fighters, the Syrian Observatory for Human Rights said.\n"
        "\"The shelling lasted for most of the night,\" said Rami Abdulrahman, the head of the monitoring group, "
        "speaking by telephone from Coventry.\n"
        "Rebel commanders said government aircraft also bombed a village north of Aleppo, but the army denied "
        "that claim.\n"),
}


def build_ledger(path: Path) -> Path:
    """Ingest the demo corpus and GEO_ARTICLE into a new ledger at ``path``."""
    from newsledger import Ledger, process

    geo = process(GEO_ARTICLE["text"], pubdate=GEO_ARTICLE["pubdate"], url=GEO_ARTICLE["url"],
                  source=GEO_ARTICLE["source"], title=GEO_ARTICLE["title"])
    with Ledger(path) as ledger:
        ledger.ingest([demo_corpus_path()])
        ledger.ingest_articles([geo], inputs=["<test>"])
    return path


def _side(con: duckdb.DuckDBPyConnection, speaker: str, needle: str, claim: str) -> dict:
    row = con.execute(
        "SELECT q.article_id, a.source, q.content_start, q.content_end, q.content FROM quotes q "
        "JOIN articles a ON a.id = q.article_id WHERE q.speaker_name = ? AND q.content ILIKE ? "
        "ORDER BY a.pubdate, q.content_start LIMIT 1", [speaker, f"%{needle}%"]).fetchone()
    assert row is not None, (speaker, needle)
    return {"claim": claim, "speaker": speaker, "source": row[1], "article_id": row[0],
            "evidence": {"start": row[2], "end": row[3], "text": row[4]}}


def add_disputes(path: Path) -> list[dict]:
    """A ``disputes`` table (id, ledger_event_id, kind, data JSON) holding one dispute from the demo's quotes."""
    con = duckdb.connect(str(path))
    try:
        dispute = {
            "id": "d_test_marrovka_target", "ledger_event_id": "le_test_marrovka_strike", "kind": "target",
            "sides": [_side(con, "Dana Orlesk", "legitimate military target", "a rebel weapons depot was struck"),
                      _side(con, "Idris Malvek", "market", "the missiles hit the Old Grain Market")],
        }
        # Schema v2 (issue 5) has this table; an older ledger gets it here. Its rows are replaced by this one
        # known dispute, so the tests do not depend on what the dispute finder makes of the demo.
        con.execute("CREATE TABLE IF NOT EXISTS disputes (id VARCHAR NOT NULL, ledger_event_id VARCHAR NOT NULL, "
                    "kind VARCHAR NOT NULL, data VARCHAR NOT NULL)")
        con.execute("DELETE FROM disputes")
        con.execute("INSERT INTO disputes (id, ledger_event_id, kind, data) VALUES (?, ?, ?, ?)",
                    [dispute["id"], dispute["ledger_event_id"], dispute["kind"], json.dumps(dispute)])
    finally:
        con.close()
    return [dispute]


def drop_disputes(path: Path) -> None:
    """A ledger as written before disputes existed (no ``disputes`` table)."""
    con = duckdb.connect(str(path))
    try:
        con.execute("DROP TABLE IF EXISTS disputes")
    finally:
        con.close()
