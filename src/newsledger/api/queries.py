"""The API's read queries. Every value goes in as a parameter; the only SQL built from pieces is the
``WHERE`` clause, and its pieces are fixed strings chosen in this module."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

import duckdb

Con = duckdb.DuckDBPyConnection


def like_pattern(text: str) -> str:
    """A substring pattern for ``ILIKE ? ESCAPE '\\'`` in which the user's ``%`` and ``_`` are literal."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass
class Where:
    """Conditions joined with AND, and their parameters, in order."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""

    def article(self, source: str | None, date_from: dt.date | None, date_to: dt.date | None) -> None:
        """The outlet and publication-date filters on the joined ``articles a``."""
        if source:
            self.add("a.source = ?", source)
        if date_from:
            self.add("a.pubdate >= ?", date_from)
        if date_to:
            self.add("a.pubdate <= ?", date_to)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


# -- articles ---------------------------------------------------------------------------------------------
_ARTICLE_SUMMARY = ("a.id, a.input_id, a.url, a.source, a.title, CAST(a.pubdate AS VARCHAR), a.n_quotes, "
                    "a.n_events")


def _article_summary(row: tuple[Any, ...]) -> dict[str, Any]:
    keys = ("id", "input_id", "url", "source", "title", "pubdate", "n_quotes", "n_events")
    return dict(zip(keys, row))


def list_articles(con: Con, *, source: str | None, date_from: dt.date | None, date_to: dt.date | None,
                  q: str | None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    where = Where()
    where.article(source, date_from, date_to)
    if q:
        pattern = like_pattern(q)
        where.add("(a.title ILIKE ? ESCAPE '\\' OR a.text ILIKE ? ESCAPE '\\')", pattern, pattern)
    total = con.execute(f"SELECT count(*) FROM articles a{where.sql()}", where.params).fetchone()[0]
    rows = con.execute(f"SELECT {_ARTICLE_SUMMARY} FROM articles a{where.sql()} "
                       "ORDER BY a.pubdate DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
                       [*where.params, limit, offset]).fetchall()
    return [_article_summary(r) for r in rows], total


def get_article(con: Con, key: str) -> dict[str, Any] | None:
    """The export object of one article (by id or input id), with its sightings."""
    row = con.execute("SELECT id, input_id, url, source, title, CAST(pubdate AS VARCHAR), text, warnings "
                      "FROM articles WHERE id = ? OR input_id = ? ORDER BY id LIMIT 1", [key, key]).fetchone()
    if row is None:
        return None
    article_id = row[0]

    def data(sql: str) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in con.execute(sql, [article_id]).fetchall()]

    entities = data("SELECT data FROM entities WHERE article_id = ? ORDER BY id")
    entities.sort(key=lambda e: (e["mentions"][0]["start"] if e.get("mentions") else -1, e["id"]))
    sightings = [dict(zip(("origin", "input_id", "url", "source", "pubdate"), r)) for r in con.execute(
        "SELECT origin, input_id, url, source, CAST(pubdate AS VARCHAR) FROM sightings WHERE article_id = ? "
        "ORDER BY seen_at, id", [article_id]).fetchall()]
    return {
        "id": article_id, "input_id": row[1], "url": row[2], "source": row[3], "title": row[4], "pubdate": row[5],
        "text": row[6],
        "quotes": data("SELECT data FROM quotes WHERE article_id = ? ORDER BY content_start, id"),
        "events": data("SELECT data FROM events WHERE article_id = ? ORDER BY trigger_start, id"),
        "entities": entities, "warnings": json.loads(row[7]), "sightings": sightings,
    }


# -- quotes and speakers ----------------------------------------------------------------------------------
def _quote_item(row: tuple[Any, ...]) -> dict[str, Any]:
    item = json.loads(row[0])
    item.update({"article_id": row[1], "title": row[2], "source": row[3], "pubdate": row[4]})
    return item


def list_quotes(con: Con, *, speaker: str | None, source: str | None, date_from: dt.date | None,
                date_to: dt.date | None, q: str | None, type_: str | None, article_id: str | None, limit: int,
                offset: int) -> tuple[list[dict[str, Any]], int]:
    where = Where()
    if speaker:
        where.add("lower(qu.speaker_name) = lower(?)", speaker)
    where.article(source, date_from, date_to)
    if q:
        where.add("qu.content ILIKE ? ESCAPE '\\'", like_pattern(q))
    if type_:
        where.add("qu.type = ?", type_)
    if article_id:
        where.add("qu.article_id = ?", article_id)
    joined = f"FROM quotes qu JOIN articles a ON a.id = qu.article_id{where.sql()}"
    total = con.execute(f"SELECT count(*) {joined}", where.params).fetchone()[0]
    rows = con.execute(f"SELECT qu.data, a.id, a.title, a.source, CAST(a.pubdate AS VARCHAR) {joined} "
                       "ORDER BY a.pubdate NULLS LAST, a.id, qu.content_start LIMIT ? OFFSET ?",
                       [*where.params, limit, offset]).fetchall()
    return [_quote_item(r) for r in rows], total


_SPEAKER_COLS = ("name", "kinds", "roles", "quotes", "articles", "sources", "first_date", "last_date")
_SPEAKER_SELECT = (
    "SELECT qu.speaker_name, list_sort(list(DISTINCT qu.speaker_kind)), "
    "coalesce(list_sort(list(DISTINCT qu.speaker_role) FILTER (WHERE qu.speaker_role IS NOT NULL)), []), count(*), "
    "count(DISTINCT qu.article_id), "
    "coalesce(list_sort(list(DISTINCT a.source) FILTER (WHERE a.source IS NOT NULL)), []), "
    "CAST(min(a.pubdate) AS VARCHAR), CAST(max(a.pubdate) AS VARCHAR) ")


def list_speakers(con: Con, *, name: str | None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """Named speakers with their counts, kinds, roles and outlets, the most quoted first."""
    where = Where()
    where.add("qu.speaker_name IS NOT NULL")
    if name:
        where.add("qu.speaker_name ILIKE ? ESCAPE '\\'", like_pattern(name))
    joined = f"FROM quotes qu JOIN articles a ON a.id = qu.article_id{where.sql()}"
    total = con.execute(f"SELECT count(DISTINCT qu.speaker_name) {joined}", where.params).fetchone()[0]
    rows = con.execute(f"{_SPEAKER_SELECT}{joined} GROUP BY qu.speaker_name "
                       "ORDER BY count(*) DESC, qu.speaker_name LIMIT ? OFFSET ?",
                       [*where.params, limit, offset]).fetchall()
    return [dict(zip(_SPEAKER_COLS, r)) for r in rows], total


def get_speaker(con: Con, name: str, *, limit: int) -> dict[str, Any] | None:
    """One speaker (name matched without case) with their quotes by date."""
    row = con.execute(f"{_SPEAKER_SELECT}FROM quotes qu JOIN articles a ON a.id = qu.article_id "
                      "WHERE lower(qu.speaker_name) = lower(?) GROUP BY qu.speaker_name "
                      "ORDER BY count(*) DESC LIMIT 1", [name]).fetchone()
    if row is None:
        return None
    speaker = dict(zip(_SPEAKER_COLS, row))
    speaker["items"], speaker["total"] = list_quotes(
        con, speaker=speaker["name"], source=None, date_from=None, date_to=None, q=None, type_=None,
        article_id=None, limit=limit, offset=0)
    return speaker


# -- events -----------------------------------------------------------------------------------------------
def _event_item(row: tuple[Any, ...]) -> dict[str, Any]:
    item = json.loads(row[0])
    item.update({"article_id": row[1], "title": row[2], "source": row[3], "pubdate": row[4]})
    return item


def _event_where(*, category: str | None, country: str | None, place: str | None, status: str | None,
                 date_from: dt.date | None, date_to: dt.date | None, article_id: str | None,
                 geocoded: bool) -> Where:
    where = Where()
    if category:
        where.add("e.category = ?", category.upper())
    if status:
        where.add("e.status = ?", status.lower())
    if country or geocoded:
        where.add("e.place IS NOT NULL")  # a cheap column first: JSON is read only for events with a place
    if country:
        where.add("upper(json_extract_string(e.data, '$.place.country')) = upper(?)", country)
    if place:
        where.add("e.place ILIKE ? ESCAPE '\\'", like_pattern(place))
    # An event dated to a month or year matches a range that overlaps it: compare at the event's precision.
    if date_from:
        where.add("e.date_value >= left(?, length(e.date_value))", _iso(date_from))
    if date_to:
        where.add("e.date_value <= left(?, length(e.date_value))", _iso(date_to))
    if article_id:
        where.add("e.article_id = ?", article_id)
    if geocoded:
        where.add("json_extract_string(e.data, '$.place.lat') IS NOT NULL")
    return where


def list_events(con: Con, *, limit: int, offset: int, **filters: Any) -> tuple[list[dict[str, Any]], int]:
    where = _event_where(**filters)
    joined = f"FROM events e JOIN articles a ON a.id = e.article_id{where.sql()}"
    total = con.execute(f"SELECT count(*) {joined}", where.params).fetchone()[0]
    rows = con.execute(f"SELECT e.data, a.id, a.title, a.source, CAST(a.pubdate AS VARCHAR) {joined} "
                       "ORDER BY e.date_value NULLS LAST, a.id, e.trigger_start LIMIT ? OFFSET ?",
                       [*where.params, limit, offset]).fetchall()
    return [_event_item(r) for r in rows], total


def event_features(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """GeoJSON Features for the events that have a point."""
    features = []
    for item in items:
        place = item.get("place") or {}
        if place.get("lat") is None or place.get("lon") is None:
            continue
        date = item.get("date") or {}
        features.append({"type": "Feature", "id": item["id"],
                         "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                         "properties": {"id": item["id"], "category": item.get("category"),
                                        "status": item.get("status"), "trigger": item["trigger"]["text"],
                                        "place": place.get("name"), "country": place.get("country"),
                                        "date": date.get("value"), "article_id": item["article_id"],
                                        "title": item.get("title"), "source": item.get("source")}})
    return features


def has_disputes(con: Con) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'disputes'")
                .fetchone()[0])


def facets(con: Con) -> dict[str, Any]:
    def column(sql: str) -> list[Any]:
        return [r[0] for r in con.execute(sql).fetchall()]

    counts = dict(zip(("articles", "quotes", "events", "speakers"), con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes), (SELECT count(*) FROM events), "
        "(SELECT count(DISTINCT speaker_name) FROM quotes WHERE speaker_name IS NOT NULL)").fetchone()))
    return {
        "counts": counts,
        "sources": column("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY 1"),
        "categories": column("SELECT DISTINCT category FROM events ORDER BY 1"),
        "statuses": column("SELECT DISTINCT status FROM events ORDER BY 1"),
        "countries": column("SELECT DISTINCT json_extract_string(data, '$.place.country') AS c FROM events "
                            "WHERE c IS NOT NULL ORDER BY 1"),
        "quote_types": column("SELECT DISTINCT type FROM quotes ORDER BY 1"),
    }


# -- disputes ---------------------------------------------------------------------------------------------
def _dispute_item(columns: list[str], row: tuple[Any, ...]) -> dict[str, Any]:
    item = {c: v for c, v in zip(columns, row) if c != "data"}
    for key, value in list(item.items()):
        if isinstance(value, (dt.date, dt.datetime)):
            item[key] = value.isoformat()
    if "data" in columns:
        raw = row[columns.index("data")]
        parsed = json.loads(raw) if isinstance(raw, str) else raw
        if isinstance(parsed, dict):
            item.update(parsed)
    return item


def list_disputes(con: Con, *, kind: str | None, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """Rows of the ``disputes`` table (cross-article disputes, issue 5), their ``data`` JSON merged in."""
    columns = [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'disputes' "
        "ORDER BY ordinal_position").fetchall()]
    if not columns:
        return [], 0
    where = Where()
    if kind:
        if "kind" not in columns:
            return [], 0
        where.add("kind = ?", kind)
    order = "id" if "id" in columns else "1"
    total = con.execute(f"SELECT count(*) FROM disputes{where.sql()}", where.params).fetchone()[0]
    rows = con.execute(f"SELECT * FROM disputes{where.sql()} ORDER BY {order} LIMIT ? OFFSET ?",
                       [*where.params, limit, offset]).fetchall()
    return [_dispute_item(columns, r) for r in rows], total
