"""Geoparsing scores on the news gold sets in ``../shared/data/geo`` (GeoWebNews, TR-News, GeoVirus).

* Recognition: precision, recall and F1 of toponym spans; a prediction matches a gold toponym when their
  spans overlap (one-to-one, first come first served), and also reported for identical spans (``exact_span``).
* Resolution, over all gold toponyms (unrecognised ones count as misses): ``exact`` = the predicted GeoNames
  id is the gold one (share of the gold toponyms that have an id), ``acc161`` = the predicted point is within
  161 km of the gold point (share of those that have a point); ``acc161_near`` also counts the points that
  ``find_places(near=True)`` lends unknown names from the nearest resolved town.

GeoWebNews marks each toponym's use; only the literal types (Literal, Mixed, Embedded_Literal,
Literal_Modifier) are gold and only ``literal`` predictions are scored: a literal prediction on a non-literal
toponym is a false alarm, a non-literal one is right and not counted. TR-News and GeoVirus make no such distinction: every prediction counts.

No train split exists, so each set is cut in two by a hash of the article id: ``dev`` (tuned on) and
``heldout`` (only scored). Both are always reported, separately.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any, Iterator

logger = logging.getLogger(__name__)

LITERAL_TYPES = frozenset({"Literal", "Mixed", "Embedded_Literal", "Literal_Modifier"})
SPLITS = ("dev", "heldout")
KM = 161.0


def split_of(article_id: str) -> str:
    """``dev`` or ``heldout``, fixed by the article id."""
    return SPLITS[hashlib.sha1(article_id.encode("utf-8")).digest()[0] % 2]


def read_gold(path: Path, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if limit is not None and n >= limit:
                return
            if line.strip():
                yield json.loads(line)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.tp_exact = 0
        self.gold = self.gold_ids = self.gold_points = self.exact = self.within = self.within_near = 0
        self.articles = 0

    def add(self, gold: list[dict[str, Any]], ignored: list[tuple[int, int]], predicted: list[Any]) -> None:
        from ..geo.resolve import distance_km

        self.articles += 1
        used = [False] * len(predicted)
        for g in gold:
            span = (g["start"], g["end"])
            self.gold += 1
            self.gold_ids += bool(g.get("geonameid"))
            self.gold_points += g.get("lat") is not None
            match = None
            for i, p in enumerate(predicted):
                if not used[i] and _overlaps(span, (p.mention.start, p.mention.end)):
                    match = i
                    break
            if match is None:
                self.fn += 1
                continue
            used[match] = True
            place = predicted[match]
            self.tp += 1
            self.tp_exact += (place.mention.start, place.mention.end) == span
            if place.geonameid is not None and g.get("geonameid") and int(g["geonameid"]) == place.geonameid:
                self.exact += 1
            if place.lat is not None and g.get("lat") is not None and distance_km(place.lat, place.lon, g["lat"], g["lon"]) <= KM:
                self.within_near += 1
                self.within += place.precision != "near"
        for i, p in enumerate(predicted):
            if not used[i] and not any(_overlaps((p.mention.start, p.mention.end), s) for s in ignored):
                self.fp += 1

    def scores(self) -> dict[str, Any]:
        def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            return {"precision": round(p, 4), "recall": round(r, 4),
                    "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}

        return {
            "articles": self.articles, "gold": self.gold,
            "recognition": {**prf(self.tp, self.fp, self.fn), "tp": self.tp, "fp": self.fp, "fn": self.fn},
            "recognition_exact_span": prf(self.tp_exact, self.fp + self.tp - self.tp_exact,
                                          self.fn + self.tp - self.tp_exact),
            "resolution": {
                "exact": round(self.exact / self.gold_ids, 4) if self.gold_ids else 0.0,
                "acc161": round(self.within / self.gold_points, 4) if self.gold_points else 0.0,
                "acc161_near": round(self.within_near / self.gold_points, 4) if self.gold_points else 0.0,
                "gold_with_id": self.gold_ids, "gold_with_point": self.gold_points,
            },
        }


def evaluate(gold_path: Path, *, limit: int | None = None, errors: list[dict[str, Any]] | None = None,
             splits: tuple[str, ...] = SPLITS) -> dict[str, Any]:
    """Scores of :func:`newsledger.geo.find_places` on ``gold_path``, per split (and ``all``)."""
    from ..geo import find_places
    from ..geo.gazetteer import default_gazetteer
    from ..nlp.pipeline import load_pipeline

    nlp = load_pipeline(attribution=False)
    gazetteer = default_gazetteer()
    records = [r for r in read_gold(gold_path, limit=limit) if split_of(r["id"]) in splits]
    tallies = {name: _Tally() for name in (*splits, "all")}
    typed = any("type" in t for r in records for t in r["toponyms"])
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        places = find_places(doc, gazetteer=gazetteer, near=True)
        if typed:
            gold = [t for t in record["toponyms"] if t.get("type") in LITERAL_TYPES]
            # A non-literal prediction on a non-literal toponym is right; a literal one is a false alarm.
            ignored = [(t["start"], t["end"]) for t in record["toponyms"] if t.get("type") not in LITERAL_TYPES
                       and not any(p.literal and _overlaps((t["start"], t["end"]), (p.mention.start, p.mention.end))
                                   for p in places)]
            places = [p for p in places if p.literal]
        else:
            gold, ignored = record["toponyms"], []
        for name in (split_of(record["id"]), "all"):
            tallies[name].add(gold, ignored, places)
        if errors is not None:
            errors.extend(_errors(record, gold, ignored, places))
    logger.info("scored %d articles of %s", len(records), gold_path)
    return {"data": gold_path.name, "typed": typed, **{name: t.scores() for name, t in tallies.items()}}


def _errors(record: dict[str, Any], gold: list[dict[str, Any]], ignored: list[tuple[int, int]],
            places: list[Any]) -> Iterator[dict[str, Any]]:
    """Misses, wrong resolutions and false alarms of one article (for tuning on the dev split)."""
    from ..geo.resolve import distance_km

    for g in gold:
        hit = next((p for p in places if _overlaps((g["start"], g["end"]), (p.mention.start, p.mention.end))),
                   None)
        if hit is None:
            yield {"id": record["id"], "kind": "missed", "text": g["text"], "gold": g.get("geonameid")}
        elif g.get("lat") is None:
            continue
        elif hit.lat is None or distance_km(hit.lat, hit.lon, g["lat"], g["lon"]) > KM:
            yield {"id": record["id"], "kind": "wrong", "text": g["text"], "gold": g.get("geonameid"),
                   "gold_name": g.get("gaz_name") or g.get("normalised_name"), "predicted": hit.name,
                   "predicted_id": hit.geonameid, "reason": hit.reason,
                   "km": None if hit.lat is None else round(distance_km(hit.lat, hit.lon, g["lat"], g["lon"]))}
    for p in places:
        span = (p.mention.start, p.mention.end)
        if not any(_overlaps(span, (g["start"], g["end"])) for g in gold) and \
                not any(_overlaps(span, s) for s in ignored):
            yield {"id": record["id"], "kind": "false_alarm", "text": p.mention.text, "predicted": p.name,
                   "reason": p.reason}


def format_report(result: dict[str, Any]) -> str:
    lines = [f"{result['data']}  (GeoWebNews literal types only)" if result["typed"] else result["data"],
             f"{'split':<8} {'articles':>8} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} {'F1span':>6} "
             f"{'exact':>6} {'@161km':>6} {'+near':>6}"]
    for name in (*SPLITS, "all"):
        if name not in result:
            continue
        s = result[name]
        rec, res = s["recognition"], s["resolution"]
        lines.append(f"{name:<8} {s['articles']:>8} {s['gold']:>5} {rec['precision']:>6.3f} {rec['recall']:>6.3f} "
                     f"{rec['f1']:>6.3f} {s['recognition_exact_span']['f1']:>6.3f} {res['exact']:>6.3f} "
                     f"{res['acc161']:>6.3f} {res['acc161_near']:>6.3f}")
    return "\n".join(lines)
