"""The ledger database: write whole articles atomically, read them back in the export shape.

DuckDB allows one writing process per file: a second writer gets :class:`LedgerLockedError`, never a
corrupted file. Each article (with its quotes, events, entities) is written in one transaction, so a
crash leaves either the whole article or none of it. All SQL is parameterized.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from ..clean.offsets import OffsetMap
from ..errors import InputError, LedgerLockedError, StoreError
from ..records import Article, _plain, _remap_spans, content_id
from .migrations import migrate

logger = logging.getLogger(__name__)

def _geo_columns(geo: Any) -> tuple[Any, ...]:
    """geonameid, lat, lon, admin1, precision of a place (all None while it is not geocoded)."""
    if geo is None:
        return (None,) * 5
    return geo.geonameid, geo.lat, geo.lon, geo.admin1, geo.precision


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


@dataclass
class IngestReport:
    ingested: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejects: list[InputError] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"ingested {self.ingested}, duplicates {self.duplicates}, rejected {self.rejected}"


class LedgerStore:
    """A ledger file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, read_only: bool = False, link: bool = True) -> None:
        self.path = str(path)
        # Cross-article linking (near-duplicates, entities, ledger events, disputes) at every write.
        self.link = link
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no ledger here (run 'newsledger ingest' first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as err:
            if "lock" in str(err).lower():
                raise LedgerLockedError(f"{self.path}: ledger is in use by another process "
                                        f"(one writer at a time): {err}") from err
            raise StoreError(f"{self.path}: cannot open ledger: {err}") from err
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: not a readable ledger: {err}") from err
        if read_only:
            self._check_readable()
        else:
            try:
                migrate(self.con)
            except duckdb.Error as err:
                self.con.close()
                raise StoreError(f"{self.path}: cannot prepare ledger schema: {err}") from err

    def _check_readable(self) -> None:
        """A read-only open of a file that is not a ledger, or is from a newer newsledger, fails clearly."""
        from .migrations import SCHEMA_VERSION

        try:
            version = self.con.execute("SELECT max(version) FROM schema_migrations").fetchone()[0]
        except duckdb.Error:
            self.con.close()
            raise StoreError(f"{self.path}: a DuckDB file but not a newsledger ledger (no schema_migrations)")
        if version is None or version > SCHEMA_VERSION:
            self.con.close()
            raise StoreError(f"{self.path}: ledger schema version {version} is not readable by this newsledger "
                             f"(knows up to {SCHEMA_VERSION})")

    def __enter__(self) -> "LedgerStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- writing ------------------------------------------------------------------------------------------
    def _insert(self, table: str, columns: Sequence[str], rows: list[Sequence[Any]], *, verb: str = "INSERT") -> None:
        """Insert rows by handing DuckDB columns as NumPy object arrays: values never pass through SQL text,
        and it is ~50x faster than multi-row VALUES or executemany (measured: 4,000 rows in 13 ms vs 680 ms)."""
        if not rows:
            return
        frame = {c: np.array([row[i] for row in rows], dtype=object) for i, c in enumerate(columns)}
        cols = ", ".join(f'"{c}"' for c in columns)
        self.con.register("_newsledger_rows", frame)
        try:
            self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _newsledger_rows")
        finally:
            self.con.unregister("_newsledger_rows")

    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def write_article(self, article: Article) -> bool:
        """Store one article. Returns ``False`` if it was already there (a duplicate)."""
        return self.write_articles([article])[0]

    def write_articles(self, articles: Sequence[Article]) -> list[bool]:
        """Store whole articles in one transaction (a crash keeps all of them or none).

        Returns, per article, ``True`` if it was new and ``False`` if it was a duplicate of an article already
        in the ledger or earlier in the same call. Grouping matters for speed: DuckDB pays per statement, so
        a group of articles costs about as much as one.
        """
        if not articles:
            return []
        now = _now()
        ids = list({a.id for a in articles})
        self.con.begin()
        try:
            existing = {r[0] for r in self.con.execute("SELECT id FROM articles WHERE id = ANY(?)", [ids]).fetchall()}
            fresh: list[Article] = []
            outcome: list[bool] = []
            for a in articles:
                is_new = a.id not in existing
                outcome.append(is_new)
                if is_new:
                    existing.add(a.id)
                    fresh.append(a)
            sightings = {
                content_id("s_", a.id, a.origin, a.input_id, a.url, a.source):
                    [a.id, a.origin, a.input_id, a.url, a.source, a.pubdate, now] for a in articles}
            self._insert("sightings", ["id", "article_id", "origin", "input_id", "url", "source", "pubdate",
                                       "seen_at"], [[k, *v] for k, v in sightings.items()], verb="INSERT OR IGNORE")
            if fresh:
                self._write_new(fresh, now)
                if self.link:
                    from ..cluster.link import link_new

                    link_new(self.con, fresh)
            self.con.commit()
        except Exception as err:
            self.con.rollback()
            origins = ", ".join(sorted({str(a.origin) for a in articles})[:3])
            raise StoreError(f"could not store articles from {origins}: {err}") from err
        return outcome

    def _write_new(self, articles: Sequence[Article], now: dt.datetime) -> None:
        self._insert("articles", ["id", "input_id", "url", "source", "title", "pubdate", "author", "text", "raw_text",
                                  "raw", "input_format", "origin", "offset_map", "warnings", "n_quotes", "n_events",
                                  "ingested_at"],
                     [[a.id, a.input_id, a.url, a.source, a.title, a.pubdate, a.author, a.text, a.raw_text,
                       None if a.raw == a.raw_text else a.raw, a.input_format, a.origin,
                       json.dumps(a.offset_map.to_runs()), json.dumps(list(a.warnings)), len(a.quotes),
                       len(a.events), now] for a in articles])
        self._insert("entities", ["id", "article_id", "name", "kind", "role", "country", "data"],
                     [[e.id, a.id, e.name, e.kind, e.role, e.country, json.dumps(_plain(e))]
                      for a in articles for e in a.entities])
        self._insert("mentions", ["entity_id", "article_id", "start_char", "end_char", "text"],
                     [[e.id, a.id, m.start, m.end, m.text] for a in articles for e in a.entities for m in e.mentions])
        self._insert("places", ["entity_id", "article_id", "name", "geonameid", "lat", "lon", "country", "admin1",
                                "precision"],
                     [[e.id, a.id, e.name, *_geo_columns(e.geo)[:3], e.country, *_geo_columns(e.geo)[3:]]
                      for a in articles for e in a.entities if e.kind == "place"])
        self._insert("quotes", ["id", "article_id", "type", "content_start", "content_end", "content", "speaker_name",
                                "speaker_kind", "speaker_role", "speaker_entity", "conduit", "reason", "data"],
                     [[q.id, a.id, q.type, q.content.start, q.content.end, q.content.text, q.speaker.name,
                       q.speaker.kind, q.speaker.role, q.speaker.entity_id, q.conduit.name if q.conduit else None,
                       q.reason, json.dumps(_plain(q))] for a in articles for q in a.quotes])
        self._insert("events", ["id", "article_id", "category", "mode", "status", "actor", "target", "place",
                                "date_value", "trigger_start", "trigger_end", "evidence_start", "evidence_end",
                                "claimed_by_quote", "reason", "data"],
                     [[e.id, a.id, e.category, e.mode, e.status, e.actor.name if e.actor else None,
                       e.target.name if e.target else None, e.place.name if e.place else None,
                       e.date.value if e.date else None, e.trigger.start, e.trigger.end, e.evidence.start,
                       e.evidence.end, e.claimed_by.quote_id if e.claimed_by else None, e.reason,
                       json.dumps(_plain(e))] for a in articles for e in a.events])

    def record_reject(self, err: InputError) -> None:
        self._insert("rejects", ["id", "origin", "reason", "detail", "rejected_at"],
                     [[content_id("r_", err.origin, err.reason), err.origin, err.reason, err.detail, _now()]],
                     verb="INSERT OR REPLACE")

    def start_run(self, inputs: list[str]) -> str:
        run_id = content_id("run_", _now().isoformat(), inputs)
        self._insert("ingest_runs", ["id", "started_at", "inputs"], [[run_id, _now(), json.dumps(inputs)]])
        return run_id

    def finish_run(self, run_id: str, report: IngestReport) -> None:
        self.con.execute("UPDATE ingest_runs SET finished_at = ?, ingested = ?, duplicates = ?, rejected = ? "
                         "WHERE id = ?", [_now(), report.ingested, report.duplicates, report.rejected, run_id])

    # -- reading ------------------------------------------------------------------------------------------
    _ARTICLE_COLS = "id, input_id, url, source, title, CAST(pubdate AS VARCHAR), text, warnings, raw_text, offset_map"

    def find_article_id(self, key: str) -> str | None:
        """An article id from an id, id prefix (unique), URL or input id."""
        rows = self.con.execute(
            "SELECT id FROM articles WHERE id = ? OR url = ? OR input_id = ? "
            "UNION SELECT article_id FROM sightings WHERE url = ? OR input_id = ? LIMIT 2",
            [key, key, key, key, key]).fetchall()
        if len(rows) == 1:
            return rows[0][0]
        if not rows and len(key) >= 6:
            rows = self.con.execute("SELECT id FROM articles WHERE starts_with(id, ?) LIMIT 2", [key]).fetchall()
            if len(rows) == 1:
                return rows[0][0]
        return None

    def load_article(self, article_id: str) -> Any:
        """A stored article as a light record (attributes as in :class:`Article`), for re-linking."""
        from ..cluster.link import as_record

        row = self.con.execute(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id!r} in {self.path}")
        return as_record(self._assemble(row))

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT id FROM articles ORDER BY ingested_at, id").fetchall()]

    def export_article(self, article_id: str, *, offsets: str = "clean") -> dict[str, Any]:
        row = self.con.execute(f"SELECT {self._ARTICLE_COLS} FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id!r} in {self.path}")
        out = self._assemble(row)
        if offsets == "input":
            raw_text, runs = row[8], json.loads(row[9])
            _remap_spans(out, OffsetMap.from_runs(runs, len(raw_text)), raw_text)
            out["text"] = raw_text
        return out

    def _assemble(self, row: Sequence[Any]) -> dict[str, Any]:
        article_id = row[0]

        def data(table: str, order: str) -> list[dict[str, Any]]:
            return [json.loads(r[0]) for r in self.con.execute(
                f"SELECT data FROM {table} WHERE article_id = ? ORDER BY {order}", [article_id]).fetchall()]

        ledger_events = dict(self.con.execute("SELECT event_id, ledger_event_id FROM event_links WHERE "
                                              "article_id = ?", [article_id]).fetchall())
        events = data("events", "trigger_start, id")
        for event in events:
            event["ledger_event_id"] = ledger_events.get(event["id"])
        story = self.con.execute("SELECT story_id, duplicate_of FROM stories WHERE article_id = ?",
                                 [article_id]).fetchall()
        return {
            "id": article_id, "input_id": row[1], "url": row[2], "source": row[3], "title": row[4],
            "pubdate": row[5], "text": row[6],
            "quotes": data("quotes", "content_start, id"),
            "events": events,
            "entities": sorted(data("entities", "id"), key=lambda e: (e["mentions"][0]["start"] if e["mentions"]
                                                                     else -1, e["id"])),
            "warnings": json.loads(row[7]),
            "story_id": story[0][0] if story else None,
            "duplicate_of": story[0][1] if story else None,
        }

    def iter_export(self, *, offsets: str = "clean") -> Iterator[dict[str, Any]]:
        for article_id in self.article_ids():
            yield self.export_article(article_id, offsets=offsets)

    def stats(self) -> dict[str, Any]:
        def count(sql: str) -> int:
            return self.con.execute(sql).fetchone()[0]

        return {
            "articles": count("SELECT count(*) FROM articles"),
            "sightings": count("SELECT count(*) FROM sightings"),
            "quotes": count("SELECT count(*) FROM quotes"),
            "events": count("SELECT count(*) FROM events"),
            "entities": count("SELECT count(*) FROM entities"),
            "places": count("SELECT count(*) FROM places"),
            "rejects": count("SELECT count(*) FROM rejects"),
            "speakers": count("SELECT count(DISTINCT speaker_name) FROM quotes WHERE speaker_name IS NOT NULL"),
            "schema_version": count("SELECT max(version) FROM schema_migrations"),
            "rejects_by_reason": dict(self.con.execute(
                "SELECT reason, count(*) FROM rejects GROUP BY reason ORDER BY 2 DESC").fetchall()),
            "events_by_status": dict(self.con.execute(
                "SELECT status, count(*) FROM events GROUP BY status ORDER BY 2 DESC").fetchall()),
        }

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read query with parameters (used by the CLI's summaries)."""
        return self.con.execute(sql, list(params)).fetchall()
