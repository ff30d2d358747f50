"""Ledger events: the reports (article events) of one real-world event, across articles and within one.

A new report is compared only with the reports in its date window (one parameterized query on
``event_links.date_value``, indexed), then with those whose place is within :data:`MAX_KM` (or has the same
name when a place is not geocoded). Two reports can be the same event when

* their categories are compatible: the same :data:`CATEGORY_GROUPS` group, or either is ``OTHER`` (outlets
  disagree: a fire "destroyed" is COERCE, "gutted" is OTHER; a dispersal is OTHER or COERCE);
* their dates are within :data:`DATE_WINDOW` days (an event without a date of its own takes its article's
  publication date, and may then be up to :data:`UNDATED_BACK` days older);
* their places are within :data:`MAX_KM` (a report without a city-level place takes its article's main place,
  :func:`main_place`, unless its own region or country does not hold it);
* their actors do not conflict (two named actors with different head words lower the score).

The score adds the evidence's shared content words (over the larger set) to bonuses for the same category,
own place and own date; a report joins the best-scoring ledger event at or above :data:`JOIN_SCORE`, else
starts one. A copy's reports (its article duplicates another) join the ledger event of the canonical's
report with the same evidence text, marked ``is_copy``. Ledger event ids derive from the founding report's
id, so the same ingest order gives the same ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..records import content_id

logger = logging.getLogger(__name__)

CATEGORY_GROUPS = {
    "ASSAULT": "force", "COERCE": "force", "THREATEN": "force", "MOBILIZE": "force",
    "AGREE": "agree", "SUPPORT": "agree", "COOPERATE": "agree", "CONSULT": "agree", "CONCEDE": "agree",
    "RETREAT": "agree",
    "PROTEST": "protest", "REJECT": "reject", "ACCUSE": "accuse", "REQUEST": "request", "AID": "aid",
    "SANCTION": "sanction",
}
DATE_WINDOW = 2
UNDATED_BACK = 7
MAX_KM = 60.0
JOIN_SCORE = 0.45
_COARSE = {"country", "admin1", "region", "continent"}
_STOP = frozenset("""a an the of in on at to from by for with and or but as that this these those it its their
their his her he she they them we our was were is are be been being has have had said says say told
early late on monday tuesday wednesday thursday friday saturday sunday morning evening night afternoon
yesterday today week earlier later about some several after before when while who which what where
there than then into over near more most also not no any all both one two three four five six seven
eight nine ten dozens hundreds thousands city town area""".split())
_WORD = re.compile(r"[A-Za-z]+")
# Kinds of action that outlets word differently ("struck", "bombed", "hit"): a shared class is evidence of one
# event even when the words differ. Stems as :func:`stem` makes them.
ACTION_CLASSES = {
    "strike": ("strike", "struck", "hit", "bomb", "bombed", "shell", "attack", "storm", "raid", "air"),
    "fire": ("fire", "blaze", "burn", "burned", "burnt", "gutt", "gutted", "destroy", "flame"),
    "disperse": ("dispers", "disperse", "broke", "tear", "gas", "baton", "crackdown"),
    "protest": ("march", "protest", "rally", "demonstrat", "sit-in"),
    "arrest": ("arrest", "detain", "detention", "custody"),
    "agree": ("sign", "signed", "ceasefire", "truce", "deal", "accord", "agreement", "agre", "agree"),
}
_CLASS_OF = {w: c for c, words in ACTION_CLASSES.items() for w in words}


@dataclass(frozen=True, slots=True)
class Report:
    event_id: str
    article_id: str
    category: str
    date_value: dt.date | None
    date_own: bool
    place_key: str | None
    lat: float | None
    lon: float | None
    place_own: bool
    words: frozenset[str]
    actor_key: str | None
    target_key: str | None
    lead: bool = False



def _lead_paragraph(text: str) -> tuple[int, int]:
    """The lead: the first paragraph that is not an editor's note wholly in square brackets
    ("[Fictional article ...]", "[Updated at ...]")."""
    from ..nlp.events import is_editors_note

    pos = 0
    for line in text.split("\n"):
        if line.strip() and not is_editors_note(line):
            return pos, pos + len(line)
        pos += len(line) + 1
    return 0, len(text)

def stem(word: str) -> str:
    w = word.lower()
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def content_words(text: str, *, drop: Sequence[str] = ()) -> frozenset[str]:
    """Stems of the content words of ``text`` (place names in ``drop`` left out) plus ``@class`` entries for
    the :data:`ACTION_CLASSES` they belong to."""
    skip = {w.lower() for name in drop for w in _WORD.findall(name or "")}
    words = {stem(w) for w in _WORD.findall(text) if w.lower() not in _STOP and w.lower() not in skip
             and len(w) > 2 and not w.isupper()}
    classes = {"@" + _CLASS_OF[w] for w in words if w in _CLASS_OF}
    return frozenset(words | classes)


def _head(actor: Any) -> str | None:
    if actor is None or not actor.name:
        return None
    words = [stem(w) for w in _WORD.findall(actor.name) if w.lower() not in _STOP and not w.isupper()]
    return words[-1] if words else None


def _parse_date(value: str | None) -> dt.date | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    return None


def main_place(article: Any) -> Any:
    """The article's main place: the first city-level geocoded place of its events that lies in the country
    most of its events are placed in (a Syria story's press conference in New York is not where its strikes
    are), else the first city-level place."""
    counts: dict[str, int] = {}
    for event in article.events:
        if event.place is not None and event.place.country:
            counts[event.place.country] = counts.get(event.place.country, 0) + 1
    cities = [e.place for e in article.events
              if e.place is not None and e.place.lat is not None and e.place.precision not in _COARSE]
    top = max(counts.values(), default=0)
    for p in cities:
        if p.country and counts.get(p.country) == top:
            return p
    return cities[0] if cities else None


def _within(city: Any, coarse: Any) -> bool:
    """Whether ``city`` can lie inside the coarse place ``coarse`` (same country; same admin1 for an admin1)."""
    if coarse.country and city.country and coarse.country != city.country:
        return False
    return not (coarse.precision == "admin1" and coarse.admin1 and city.admin1 and coarse.admin1 != city.admin1)


def report_of(event: Any, article: Any, fallback_place: Any) -> Report:
    place = event.place
    own = place is not None and place.lat is not None and place.precision not in _COARSE
    chosen = place if own else fallback_place
    if not own and place is not None and place.lat is not None and fallback_place is not None \
            and not _within(fallback_place, place):
        # The report names a region or country the main place is not in ("operations in Iraq" in a Syria
        # story): it is compared by that place's name, not placed at the main place.
        chosen = dataclasses.replace(place, lat=None, lon=None)
    date = _parse_date(event.date.value if event.date else None)
    date_own = date is not None
    if date is None:
        date = _parse_date(article.pubdate)
    drop = [p.name for p in (place, fallback_place) if p is not None]
    lead_start, lead_end = _lead_paragraph(article.text)
    lead = lead_start <= event.evidence.start < lead_end
    return Report(event.id, article.id, event.category, date, date_own,
                  _place_key(chosen), chosen.lat if chosen else None, chosen.lon if chosen else None, own,
                  content_words(event.evidence.text, drop=drop), _head(event.actor), _head(event.target), lead)


def _place_key(place: Any) -> str | None:
    if place is None:
        return None
    from ..geo.fold import fold

    return str(place.geonameid) if place.geonameid else "n:" + fold(place.name)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def compatible_category(a: str, b: str) -> bool:
    return a == b or a == "OTHER" or b == "OTHER" or (
        CATEGORY_GROUPS.get(a) is not None and CATEGORY_GROUPS.get(a) == CATEGORY_GROUPS.get(b))


def pair_score(a: Report, b: Report) -> tuple[float, str]:
    """How alike two reports are (0 when they cannot be one event), and why."""
    if not compatible_category(a.category, b.category):
        return 0.0, "category"
    if a.date_value is not None and b.date_value is not None:
        delta = (a.date_value - b.date_value).days
        if a.date_own and b.date_own:
            if abs(delta) > DATE_WINDOW:
                return 0.0, "date"
        elif not (-DATE_WINDOW - (0 if b.date_own else UNDATED_BACK) <= delta
                  <= DATE_WINDOW + (0 if a.date_own else UNDATED_BACK)):
            return 0.0, "date"
    if a.lat is not None and b.lat is not None:
        if km(a.lat, a.lon, b.lat, b.lon) > MAX_KM:  # type: ignore[arg-type]
            return 0.0, "place"
    elif a.place_key and b.place_key and a.place_key != b.place_key:
        return 0.0, "place"
    plain_a = {w for w in a.words if not w.startswith("@")}
    plain_b = {w for w in b.words if not w.startswith("@")}
    # Shared words over the larger set: a three-word clause ("we hit it precisely") cannot look like a lead.
    larger = max(len(plain_a), len(plain_b))
    score = len(plain_a & plain_b) / larger if larger else 0.0
    why = [f"words:{score:.2f}"]
    if any(w.startswith("@") for w in a.words & b.words):
        score += 0.2
        why.append("same_action")
    if a.lead and b.lead and a.article_id != b.article_id:
        score += 0.15
        why.append("both_leads")
    if a.category == b.category and a.category != "OTHER":
        score += 0.2
        why.append("same_category")
    if a.place_own and b.place_own:
        score += 0.15
        why.append("own_place")
    if a.date_own and b.date_own and a.date_value == b.date_value:
        score += 0.1
        why.append("same_date")
    if a.actor_key and b.actor_key:
        if a.actor_key == b.actor_key:
            score += 0.15
            why.append("same_actor")
        else:
            score -= 0.1
            why.append("other_actor")
    if a.target_key and b.target_key and a.target_key == b.target_key:
        score += 0.1
        why.append("same_target")
    return score, "+".join(why)


def _window(report: Report) -> tuple[tuple[dt.date, dt.date] | None, tuple[float, float, float, float] | None]:
    """A report's candidate blocking: its date window and, when it has coordinates, the box around it."""
    dates = None
    if report.date_value is not None:
        reach = dt.timedelta(days=DATE_WINDOW + UNDATED_BACK)
        dates = (report.date_value - reach, report.date_value + reach)
    box = None
    if report.lat is not None:
        dlat = MAX_KM / 111.0
        dlon = MAX_KM / (111.0 * max(0.05, math.cos(math.radians(report.lat))))
        box = (report.lat - dlat, report.lat + dlat, report.lon - dlon, report.lon + dlon)  # type: ignore[operator]
    return dates, box


def _in_window(report: Report, window: tuple[Any, Any], other: Report) -> bool:
    """Whether ``other`` is among ``report``'s candidates (the date window, then the box or the place name).
    ``window`` is ``_window(report)``, computed once by the caller: it is the same for every candidate."""
    dates, box = window
    if dates is None:
        if other.date_value is not None:
            return False
    elif other.date_value is None or not dates[0] <= other.date_value <= dates[1]:
        return False
    if box is not None:
        return other.lat is None or (box[0] <= other.lat <= box[1] and box[2] <= other.lon <= box[3])  # type: ignore[operator]
    if report.place_key is not None:
        return other.place_key is None or other.place_key == report.place_key or other.lat is not None
    return True


def _candidates(con: Any, reports: Sequence[Report]) -> list[tuple[str, Report]]:
    """Stored reports that may be candidates of any of ``reports`` (one query for them all: the union of their
    date windows and boxes, checked in SQL); :func:`_in_window` then picks each report's own."""
    where, params = [], []
    windows = [_window(r) for r in reports]
    spans = [d for d, _ in windows if d is not None]
    dated = []
    if spans:
        dated.append("date_value BETWEEN ? AND ?")
        params += [min(s[0] for s in spans), max(s[1] for s in spans)]
    if any(d is None for d, _ in windows):
        dated.append("date_value IS NULL")
    where.append("(" + " OR ".join(dated) + ")")
    boxes = [b for _, b in windows]
    if boxes and all(b is not None for b in boxes):
        where.append("(lat IS NULL OR (lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?))")
        params += [min(b[0] for b in boxes), max(b[1] for b in boxes),  # type: ignore[index]
                   min(b[2] for b in boxes), max(b[3] for b in boxes)]  # type: ignore[index]
    rows = con.execute(f"SELECT {_COLS} FROM event_links WHERE {' AND '.join(where)}", params).fetchall()
    return [(r[0], _row_report(r)) for r in rows]


_COLS = ("ledger_event_id, event_id, article_id, category, date_value, date_own, place_key, lat, lon, place_own, "
         "words, actor_key, target_key, lead, is_copy")


def _row_report(r: Sequence[Any]) -> Report:
    return Report(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], frozenset(json.loads(r[10])), r[11], r[12],
                  r[13])


def link_events(con: Any, articles: Sequence[Any], duplicate_of: dict[str, str | None]) -> set[str]:
    """Link every event of the new ``articles`` to a ledger event (caller's transaction). Returns the ids of
    the ledger events that gained reports. One candidate query per article (and one for the copies'
    canonicals); the new rows are written in bulk at the end, and the reports linked earlier in this call are
    candidates for later ones."""
    from ..store.bulk import insert_rows

    touched: set[str] = set()
    pending: list[tuple[str, Report]] = []
    links: list[list[Any]] = []
    new_events: list[list[Any]] = []
    in_call = {a.id: a for a in articles}
    copies = _copy_maps(con, sorted({c for a in articles if (c := duplicate_of.get(a.id)) and c not in in_call}))
    linked: dict[str, str] = {}  # event id -> ledger event id, for this call's canonicals
    for article in articles:
        fallback = main_place(article)
        canonical = duplicate_of.get(article.id)
        if canonical in in_call:
            copy_map = _copy_map_of(in_call[canonical], linked)
        else:
            copy_map = copies.get(canonical, {}) if canonical else {}
        reports = [report_of(event, article, fallback) for event in article.events]
        stored = _candidates(con, reports) if reports else []
        for event, report in zip(article.events, reports):
            ledger_id, score, reason = copy_map.get((event.evidence.text, event.category), (None, None, ""))
            if ledger_id is None:
                window = _window(report)
                ledger_id, score, reason = _best(report, [c for c in (*stored, *pending)
                                                          if _in_window(report, window, c[1])])
            if ledger_id is None:
                ledger_id = content_id("lv_", event.id)
                place = event.place if report.place_own else fallback
                new_events.append([ledger_id, event.category, place.name if place else None, report.lat, report.lon,
                                   report.date_value, event.id])
                reason = "new"
            links.append(_link_row(report, ledger_id, canonical is not None, score, reason))
            pending.append((ledger_id, report))
            linked[event.id] = ledger_id
            touched.add(ledger_id)
    insert_rows(con, "ledger_events", ["id", "category", "place", "lat", "lon", "date_value", "first_event"],
                new_events)
    insert_rows(con, "event_links", _LINK_COLUMNS, links)
    return touched


def _best(report: Report, candidates: Sequence[tuple[str, Report]]) -> tuple[str | None, float | None, str]:
    best: tuple[float, str, str] | None = None
    for ledger_id, other in candidates:
        score, why = pair_score(report, other)
        if score >= JOIN_SCORE and (best is None or (score, ledger_id) > (best[0], best[1])):
            best = (score, ledger_id, f"{why}:with_{other.event_id}")
    if best is None:
        return None, None, ""
    return best[1], best[0], best[2]


def _copy_maps(con: Any, canonicals: Sequence[str]) -> dict[str, dict[tuple[str, str], tuple[str, float, str]]]:
    """Per stored canonical article: (evidence text, category) -> its report's ledger event."""
    out: dict[str, dict[tuple[str, str], tuple[str, float, str]]] = {}
    if not canonicals:
        return out
    rows = con.execute("SELECT e.article_id, e.data, l.ledger_event_id FROM events e JOIN event_links l "
                       "ON l.event_id = e.id WHERE e.article_id IN (SELECT unnest(?::VARCHAR[])) "
                       "ORDER BY e.article_id, e.trigger_start, e.id", [list(canonicals)]).fetchall()
    for article_id, data, ledger_id in rows:
        d = json.loads(data)
        out.setdefault(article_id, {}).setdefault((d["evidence"]["text"], d["category"]),
                                                  (ledger_id, 1.0, f"copy_of:{article_id}"))
    return out


def _copy_map_of(canonical: Any, linked: dict[str, str]) -> dict[tuple[str, str], tuple[str, float, str]]:
    """The same map for a canonical linked earlier in this call."""
    out: dict[tuple[str, str], tuple[str, float, str]] = {}
    for event in canonical.events:
        if event.id in linked:
            out.setdefault((event.evidence.text, event.category), (linked[event.id], 1.0, f"copy_of:{canonical.id}"))
    return out


_LINK_COLUMNS = ["event_id", "article_id", "ledger_event_id", "category", "date_value", "date_own", "place_key",
                 "lat", "lon", "place_own", "words", "actor_key", "target_key", "lead", "is_copy", "score", "reason"]


def _link_row(report: Report, ledger_id: str, is_copy: bool, score: float | None, reason: str) -> list[Any]:
    return [report.event_id, report.article_id, ledger_id, report.category, report.date_value, report.date_own,
            report.place_key, report.lat, report.lon, report.place_own, json.dumps(sorted(report.words)),
            report.actor_key, report.target_key, report.lead, is_copy, score, reason]
