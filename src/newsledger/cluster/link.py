"""Run the cross-article steps: incrementally for articles just written, or as a full rebuild."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

logger = logging.getLogger(__name__)

LEDGER_TABLES = ("minhash", "lsh_buckets", "stories", "ledger_entities", "entity_keys", "entity_links",
                 "ledger_events", "event_links", "disputes")


def link_new(con: Any, articles: Sequence[Any]) -> dict[str, int]:
    """Dedup, entities, ledger events and disputes for new ``articles`` (inside the caller's transaction).
    Cost depends on the articles and their candidates (LSH buckets, date window), not on the ledger's size:
    a fixed number of parameterized queries per call plus one per article (its reports' candidates)."""
    from .dedup import link_stories
    from .disputes import refresh_disputes
    from .entities import link_entities
    from .events import link_events

    if not articles:
        return {}
    seq = con.execute("SELECT count(*) FROM stories").fetchall()[0][0]
    stories = link_stories(con, articles, first_seq=seq)
    n_entities = link_entities(con, articles)
    touched = link_events(con, articles, _final_dups(con, [s.article_id for s in stories]))
    n_disputes = refresh_disputes(con, sorted(touched))
    return {"copies": sum(1 for s in stories if s.duplicate_of), "entity_links": n_entities,
            "ledger_events": len(touched), "disputes": n_disputes}


def as_record(node: Any) -> Any:
    """An export dict as nested attribute records (what the linking steps read), lists as tuples."""
    from types import SimpleNamespace

    if isinstance(node, dict):
        return SimpleNamespace(**{k: as_record(v) for k, v in node.items()})
    if isinstance(node, list):
        return tuple(as_record(v) for v in node)
    return node


def _final_dups(con: Any, article_ids: Sequence[str]) -> dict[str, str | None]:
    """Each article's canonical after this call's re-pointing (one query)."""
    found = dict(con.execute("SELECT article_id, duplicate_of FROM stories WHERE article_id IN "
                             "(SELECT unnest(?::VARCHAR[]))", [list(article_ids)]).fetchall())
    return {a: found.get(a) for a in article_ids}


def relink(store: Any, *, group_size: int = 64) -> dict[str, int]:
    """Rebuild every cross-article table from the stored articles, in ingest order."""
    con = store.con
    # Ingest order: articles of one write share a timestamp, their story rows keep the order within it.
    ids = [r[0] for r in con.execute(
        "SELECT a.id FROM articles a LEFT JOIN stories s ON s.article_id = a.id "
        "ORDER BY a.ingested_at, split_part(s.rank_key, '|', 3), a.id").fetchall()]
    con.begin()
    try:
        for table in LEDGER_TABLES:
            con.execute(f"DELETE FROM {table}")
        totals: dict[str, int] = {}
        for i in range(0, len(ids), group_size):
            articles = [store.load_article(a) for a in ids[i:i + group_size]]
            for key, value in link_new(con, articles).items():
                totals[key] = totals.get(key, 0) + value
        con.commit()
    except Exception:
        con.rollback()
        raise
    totals["articles"] = len(ids)
    return totals
