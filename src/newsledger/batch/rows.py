"""Batch Parquet rows: the export schema plus provenance columns, and back to :class:`Article` records.

A row is ``Article.to_dict()`` (the export contract, ``PARQUET_COLUMNS``) plus the provenance the ledger
keeps and the export leaves out, so that ``newsledger load`` stores the same article ``ingest`` would:
``origin``, ``input_format``, ``author``, ``raw_text`` (null when it equals ``text``), ``raw`` (the HTML
source; null when it equals the raw text) and ``offset_map`` (the cleaner's map as JSON runs).
"""

from __future__ import annotations

import json
from typing import Any

from ..clean.offsets import OffsetMap
from ..errors import InputError, RejectedInput
from ..records import (Actor, Article, Claim, Conduit, DateRef, Entity, Event, Geo, Place, Quantity, Quote,
                       Span, Speaker)
from ..store.export import PARQUET_COLUMNS

PROVENANCE_COLUMNS: dict[str, str] = {
    "origin": "VARCHAR", "input_format": "VARCHAR", "author": "VARCHAR", "raw_text": "VARCHAR", "raw": "VARCHAR",
    "offset_map": "VARCHAR",
}
BATCH_COLUMNS: dict[str, str] = {**PARQUET_COLUMNS, **PROVENANCE_COLUMNS}
REJECT_KEYS = ("origin", "reason", "detail", "rejected")


def article_row(article: Article) -> dict[str, Any]:
    row = article.to_dict()
    raw_text = article.raw_text or article.text
    row.update(origin=article.origin, input_format=article.input_format, author=article.author,
               raw_text=None if raw_text == article.text else raw_text,
               raw=None if article.raw is None or article.raw == raw_text else article.raw,
               offset_map=None if article.offset_map is None else json.dumps(article.offset_map.to_runs()))
    return row


def reject_row(err: InputError) -> dict[str, Any]:
    return {"origin": err.origin, "reason": err.reason, "detail": err.detail,
            "rejected": isinstance(err, RejectedInput)}


def reject_from_row(row: dict[str, Any]) -> InputError:
    cls = RejectedInput if row.get("rejected") else InputError
    return cls(row["origin"], row["reason"], row["detail"])


def _span(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(d["start"], d["end"], d["text"])


def _actor(d: dict[str, Any] | None) -> Actor | None:
    return None if d is None else Actor(d["name"], d["kind"], d["country"], d["sector"], d["entity_id"],
                                        _span(d["mention"]))


def _quote(d: dict[str, Any]) -> Quote:
    s, c = d["speaker"], d["conduit"]
    return Quote(id=d["id"], type=d["type"], content=_span(d["content"]), cue=_span(d["cue"]),  # type: ignore[arg-type]
                 speaker=Speaker(s["name"], s["kind"], s["role"], s["entity_id"], _span(s["mention"])),
                 conduit=None if c is None else Conduit(c["name"], _span(c["mention"])), reason=d["reason"],
                 scope=d.get("scope") or "speech")


def _event(d: dict[str, Any]) -> Event:
    p, t, c = d["place"], d["date"], d["claimed_by"]
    place = None if p is None else Place(p["name"], p["geonameid"], p["lat"], p["lon"], p["country"], p["admin1"],
                                         p["precision"], _span(p["mention"]))
    date = None if t is None else DateRef(t["value"], t["end"], t["precision"], _span(t["mention"]))
    return Event(id=d["id"], category=d["category"], mode=d["mode"], trigger=_span(d["trigger"]),  # type: ignore[arg-type]
                 actor=_actor(d["actor"]), target=_actor(d["target"]), place=place, date=date,
                 quantities=tuple(Quantity(q["value"], q["unit"], _span(q["mention"]))  # type: ignore[arg-type]
                                  for q in d["quantities"] or ()),
                 status=d["status"], claimed_by=None if c is None else Claim(c["name"], c["entity_id"], c["quote_id"]),
                 evidence=_span(d["evidence"]), reason=d["reason"])  # type: ignore[arg-type]


def _entity(d: dict[str, Any]) -> Entity:
    g = d["geo"]
    geo = None if g is None else Geo(g["geonameid"], g["lat"], g["lon"], g["admin1"], g["precision"])
    return Entity(id=d["id"], name=d["name"], kind=d["kind"], aliases=tuple(d["aliases"] or ()), role=d["role"],
                  country=d["country"], geo=geo, mentions=tuple(_span(m) for m in d["mentions"] or ()))  # type: ignore[misc]


def article_from_row(row: dict[str, Any]) -> Article:
    """The :class:`Article` a batch row was made from (what ``LedgerStore.write_articles`` stores)."""
    raw_text = row["raw_text"] if row.get("raw_text") is not None else row["text"]
    runs = row.get("offset_map")
    offset_map = (OffsetMap.from_runs(json.loads(runs), len(raw_text)) if runs is not None
                  else OffsetMap.identity(len(row["text"])))
    return Article(
        id=row["id"], input_id=row["input_id"], url=row["url"], source=row["source"], title=row["title"],
        pubdate=row["pubdate"], text=row["text"], quotes=tuple(_quote(q) for q in row["quotes"] or ()),
        events=tuple(_event(e) for e in row["events"] or ()),
        entities=tuple(_entity(e) for e in row["entities"] or ()), warnings=tuple(row["warnings"] or ()),
        raw_text=raw_text, raw=row["raw"] if row.get("raw") is not None else raw_text, offset_map=offset_map,
        origin=row.get("origin"), input_format=row.get("input_format"), author=row.get("author"),
    )
