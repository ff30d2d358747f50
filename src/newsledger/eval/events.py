"""``newsledger eval events GOLD --articles ARTICLES``: events, statuses, dates and places on the devcorpus.

Matching (the devcorpus README's convention): a predicted event matches a gold event when its evidence span
overlaps the gold evidence; one-to-one, greedy by the overlap's share of the gold evidence. On matched events:
- status accuracy: the same one of reported / claimed / hedged / negated / future;
- date accuracy: both absent, or the predicted value lies inside the gold date's period (gold ``2015-05``
  accepts ``2015-05-15``), or the gold day lies inside a predicted range (``value``..``end``);
- place accuracy: the gold ``location`` is geocoded by the same geoparser (``find_places`` over the article,
  keeping the places whose folded name the gold string contains, else over the gold string alone). A gold
  location with no toponym (``the flotilla``) is right when we give no place; otherwise the predicted place
  must have the same folded name as a gold toponym or lie within 25 km of one.
The devcorpus is a dev set: the extractor was tuned on it (docs/events.md).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from ..records import Article, Event, Place
from .devcorpus import greedy_pairs, prf, read_devcorpus

PLACE_KM = 25.0


def same_date(gold: str | None, event: Event) -> bool:
    value = event.date.value if event.date else None
    if gold is None or value is None:
        return gold is None and value is None
    end = event.date.end if event.date else None
    if value.startswith(gold):
        return True
    return end is not None and value[:len(gold)] <= gold <= end[:len(gold)]


def _points(places: list[Place]) -> list[tuple[str, float | None, float | None]]:
    from ..geo import fold

    return [(fold(p.name), p.lat, p.lon) for p in places] + [
        (fold(p.mention.text), p.lat, p.lon) for p in places if p.mention is not None]


def same_place(gold_places: list[Place], event: Event) -> bool:
    from ..geo import fold
    from ..geo.resolve import distance_km

    place = event.place
    if not gold_places or place is None:
        return not gold_places and place is None
    names = {fold(place.name)} | ({fold(place.mention.text)} if place.mention else set())
    for name, lat, lon in _points(gold_places):
        if name in names:
            return True
        if None not in (lat, lon, place.lat, place.lon) and \
                distance_km(lat, lon, place.lat, place.lon) <= PLACE_KM:  # type: ignore[arg-type]
            return True
    return False


def gold_places(location: str | None, article_places: list[Place], nlp: Any) -> list[Place]:
    """The toponyms of a gold ``location`` string, resolved in the article's context when it names them."""
    from ..geo import find_places, fold

    if not location:
        return []
    folded = f" {fold(location)} "
    found = [p for p in article_places if p.geonameid is not None and f" {fold(p.mention.text if p.mention else p.name)} " in folded]
    if found:
        return found
    return [p for p in find_places(nlp(location)) if p.geonameid is not None]


def evaluate(gold_path: Path, articles_path: Path) -> dict[str, Any]:
    from ..geo import find_places
    from ..nlp.pipeline import load_pipeline
    from ..processing import process_documents

    nlp = load_pipeline()
    gold, records, raws = read_devcorpus(gold_path, articles_path)
    totals = {"gold": 0, "pred": 0, "matched": 0, "status_ok": 0, "date_ok": 0, "place_ok": 0}
    by_status: dict[str, dict[str, int]] = {}
    errors: list[dict[str, Any]] = []
    for record, article in zip(records, process_documents(raws, nlp=nlp)):
        if not isinstance(article, Article):
            raise RuntimeError(f"{record['id']}: {article}")
        text = record["text"]
        article_places = find_places(nlp(text))
        gold_events = []
        for g in gold[record["id"]]["events"]:
            start = text.find(g["evidence"])
            gold_events.append((start, start + len(g["evidence"]), g))
        preds = []
        for e in article.events:
            start, end = article.offset_map.to_input(e.evidence.start, e.evidence.end)
            preds.append((start, end, e))
        pairs = []
        for gi, (gs, ge, _) in enumerate(gold_events):
            for pi, (ps, pe, _) in enumerate(preds):
                overlap = min(ge, pe) - max(gs, ps)
                if overlap > 0:
                    pairs.append((-overlap / (ge - gs), -overlap / (pe - ps), gi, pi))
        matches = greedy_pairs(pairs)
        used_g = {gi for gi, _ in matches}
        used_p = {pi for _, pi in matches}
        for gi, pi in matches:
            g, e = gold_events[gi][2], preds[pi][2]
            status_ok = g["status"] == e.status
            date_ok = same_date(g["date"], e)
            place_ok = same_place(gold_places(g["location"], article_places, nlp), e)
            totals["status_ok"] += status_ok
            totals["date_ok"] += date_ok
            totals["place_ok"] += place_ok
            row = by_status.setdefault(g["status"], {"gold": 0, "ok": 0})
            row["ok"] += status_ok
            if not (status_ok and date_ok and place_ok):
                errors.append({
                    "article": record["id"], "evidence": g["evidence"][:90], "trigger": e.trigger.text,
                    **({} if status_ok else {"status": [g["status"], e.status, e.reason]}),
                    **({} if date_ok else {"date": [g["date"], e.date.value if e.date else None,
                                                    e.date.mention.text if e.date and e.date.mention else None]}),
                    **({} if place_ok else {"place": [g["location"], e.place.name if e.place else None]}),
                })
        for _, _, g in gold_events:
            by_status.setdefault(g["status"], {"gold": 0, "ok": 0})["gold"] += 1
        totals["gold"] += len(gold_events)
        totals["pred"] += len(preds)
        totals["matched"] += len(used_g)
        for gi, (_, _, g) in enumerate(gold_events):
            if gi not in used_g:
                errors.append({"article": record["id"], "missed": g["evidence"][:90], "action": g["action"]})
        for pi, (_, _, e) in enumerate(preds):
            if pi not in used_p:
                errors.append({"article": record["id"], "spurious": e.evidence.text[:90], "trigger": e.trigger.text})
    m = totals["matched"] or 1
    return {
        "articles": len(records), **totals,
        "event": prf(totals["matched"], totals["pred"], totals["gold"]),
        "status_accuracy": totals["status_ok"] / m, "date_accuracy": totals["date_ok"] / m,
        "place_accuracy": totals["place_ok"] / m, "status_by_gold": by_status, "errors": errors,
    }


def measure_speed(articles_path: Path, *, limit: int | None = None) -> dict[str, float]:
    """Milliseconds per article: the spaCy parse, and events (with places and dates) on top of it."""
    from ..nlp.entities import EntityIndex
    from ..nlp.events import find_events
    from ..nlp.pipeline import load_pipeline
    from ..nlp.quotes import find_quotes

    nlp = load_pipeline()
    records = [json.loads(line) for line in open(articles_path, encoding="utf-8") if line.strip()][:limit]
    texts = [r["text"] for r in records]
    list(nlp.pipe(texts[:2]))  # warm up
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - t0
    find_events(docs[0], EntityIndex(docs[0], "warm"), [], "warm", None)  # opens the gazetteer
    spent = 0.0
    for record, doc in zip(records, docs):
        index = EntityIndex(doc, record["id"])
        quotes = find_quotes(doc, index, record["id"], [])
        t0 = time.perf_counter()
        find_events(doc, index, quotes, record["id"], record.get("pubdate"))
        spent += time.perf_counter() - t0
    n = len(records) or 1
    return {"articles": len(records), "parse_ms": 1000 * parse / n, "events_ms": 1000 * spent / n,
            "events_share": spent / parse if parse else 0.0}


def format_report(result: dict[str, Any]) -> str:
    e = result["event"]
    lines = [
        f"{result['articles']} annotated articles: {result['gold']} gold events, {result['pred']} predicted, "
        f"{result['matched']} matched",
        f"event      P {100 * e['p']:.1f}  R {100 * e['r']:.1f}  F1 {100 * e['f1']:.1f}",
        f"status accuracy {100 * result['status_accuracy']:.1f}  date accuracy {100 * result['date_accuracy']:.1f}"
        f"  place accuracy {100 * result['place_accuracy']:.1f}  (on matched events)",
        "status recall by gold status: " + ", ".join(
            f"{k} {v['ok']}/{v['gold']}" for k, v in sorted(result["status_by_gold"].items())),
    ]
    if "speed" in result:
        s = result["speed"]
        lines.append(f"speed: parse {s['parse_ms']:.0f} ms/article, events+places+dates {s['events_ms']:.0f} "
                     f"ms/article ({100 * s['events_share']:.0f}% of the parse)")
    return "\n".join(lines)
