"""Read queries over the cross-article tables, shared by the Python API and the CLI."""

from __future__ import annotations

import json
from typing import Any


def ledger_events(con: Any, *, limit: int | None = None) -> list[dict[str, Any]]:
    rows = con.execute(
        "SELECT le.id, le.category, le.place, CAST(le.date_value AS VARCHAR), count(*) AS n, "
        "count(DISTINCT l.article_id) AS n_articles, sum(CASE WHEN l.is_copy THEN 1 ELSE 0 END) "
        "FROM ledger_events le JOIN event_links l ON l.ledger_event_id = le.id "
        "GROUP BY le.id, le.category, le.place, le.date_value ORDER BY n_articles DESC, n DESC, le.id "
        "LIMIT ?", [limit if limit is not None else 2 ** 62]).fetchall()
    out = []
    for lid, category, place, date, n, n_articles, n_copies in rows:
        reports = [{"event_id": r[0], "article_id": r[1], "source": r[2], "pubdate": r[3], "category": r[4],
                    "status": r[5], "evidence": r[6], "is_copy": r[7]}
                   for r in con.execute(
                       "SELECT e.id, e.article_id, a.source, CAST(a.pubdate AS VARCHAR), e.category, e.status, "
                       "json_extract_string(e.data, '$.evidence.text'), l.is_copy FROM event_links l "
                       "JOIN events e ON e.id = l.event_id JOIN articles a ON a.id = e.article_id "
                       "WHERE l.ledger_event_id = ? ORDER BY a.pubdate, e.article_id, e.trigger_start",
                       [lid]).fetchall()]
        n_disputes = con.execute("SELECT count(*) FROM disputes WHERE ledger_event_id = ?", [lid]).fetchall()[0][0]
        out.append({"id": lid, "category": category, "place": place, "date": date, "reports": n,
                    "articles": n_articles, "copies": int(n_copies or 0), "disputes": n_disputes,
                    "report_list": reports})
    return out


def speaker_quotes(con: Any, name: str | None) -> list[dict[str, Any]]:
    rows = con.execute(
        "SELECT q.id, q.article_id, CAST(a.pubdate AS VARCHAR), a.source, q.speaker_name, q.speaker_kind, "
        "q.speaker_role, q.type, q.content, le.id, le.name, s.duplicate_of "
        "FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN entity_links el ON el.entity_id = q.speaker_entity "
        "LEFT JOIN ledger_entities le ON le.id = el.ledger_entity_id "
        "LEFT JOIN stories s ON s.article_id = q.article_id "
        "WHERE q.speaker_name IS NOT NULL AND (? IS NULL OR q.speaker_name ILIKE ? OR le.name ILIKE ? "
        "OR le.variants ILIKE ?) ORDER BY a.pubdate NULLS LAST, coalesce(le.name, q.speaker_name), q.article_id, "
        "q.content_start",
        [name, f"%{name}%", f"%{name}%", f"%{name}%"]).fetchall()
    return [{"quote_id": r[0], "article_id": r[1], "pubdate": r[2], "source": r[3], "speaker": r[10] or r[4],
             "speaker_as_written": r[4], "kind": r[5], "role": r[6], "type": r[7], "content": r[8],
             "ledger_entity_id": r[9], "duplicate_of": r[11]} for r in rows]


def disputes(con: Any) -> list[dict[str, Any]]:
    return [json.loads(r[0]) for r in con.execute(
        "SELECT data FROM disputes ORDER BY ledger_event_id, kind, id").fetchall()]


def ledger_entity(con: Any, ledger_entity_id: str) -> dict[str, Any] | None:
    rows = con.execute("SELECT id, kind, name, variants, roles, reason FROM ledger_entities WHERE id = ?",
                       [ledger_entity_id]).fetchall()
    if not rows:
        return None
    lid, kind, name, variants, roles, reason = rows[0]
    links = [{"entity_id": r[0], "article_id": r[1], "reason": r[2]} for r in con.execute(
        "SELECT entity_id, article_id, reason FROM entity_links WHERE ledger_entity_id = ? ORDER BY article_id",
        [lid]).fetchall()]
    return {"id": lid, "kind": kind, "name": name, "variants": json.loads(variants), "roles": json.loads(roles),
            "reason": reason, "links": links}
