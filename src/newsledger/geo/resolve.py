"""Resolution: pick one gazetteer entry per mention from the article's context.

Each candidate gets a score: a prior by kind of place and its population, a penalty for looser name matches
(alternate name, consonant skeleton), and bonuses from the article: a country it names, an admin1 it names,
a "Town, State" qualifier, a generic word ("Idlib province"), nearness to places already resolved. Strong
mentions (countries, states, qualified towns) are resolved first and become the context of the rest. A
surface resolved once keeps that sense for the whole article. No candidate → the place is kept unresolved
with a reason.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter

from ..records import Place, Span
from .gazetteer import ABBREVIATION, ALTERNATE, DEMONYM, PRIMARY, SKELETON, Entry, Gazetteer
from .fold import fold
from .recognize import Mention
from .tables import NEWS_SENSES

_NEWS_SENSES = {fold(name): geonameid for name, geonameid in NEWS_SENSES.items()}

# Prior by kind of place (added to log10 of the population).
KIND_PRIOR = {"country": 4.0, "continent": 3.0, "region": 3.0, "admin1": 0.5, "admin2": -0.5, "city": 0.0}
HOW_PRIOR = {PRIMARY: 0.0, ALTERNATE: -1.0, SKELETON: -3.0, DEMONYM: 0.0, ABBREVIATION: 0.0}
# An alternate name loses more when another place has it as its main name (Missouri is not Bozeman).
ALTERNATE_BEHIND_PRIMARY = -1.5
CAPITAL = 1.5
IN_NAMED_COUNTRY = 2.0
IN_NAMED_ADMIN1 = 3.0
QUALIFIED = 10.0
HINTED = 4.0
NEAR_KM, NEAR = 250.0, 1.0
NEWS_SENSE = 3.0
TOWN_SHARE = 0.1
NEAR_ANCHORS = ("city", "admin2", "admin1")
PRECISION = {"city": "city", "admin1": "admin1", "admin2": "admin2", "country": "country",
             "region": "region", "continent": "region"}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class _Context:
    def __init__(self) -> None:
        self.countries: Counter[str] = Counter()
        self.admin1: set[tuple[str | None, str | None]] = set()
        self.points: list[tuple[float, float]] = []

    def add(self, entry: Entry) -> None:
        if entry.cc:
            self.countries[entry.cc] += 1
        if entry.kind == "admin1":
            self.admin1.add((entry.cc, entry.admin1))
        if entry.kind in ("city", "admin2", "admin1"):
            self.points.append((entry.lat, entry.lon))


def _score(mention: Mention, entry: Entry, how: int, context: _Context, primary: bool) -> float:
    score = KIND_PRIOR[entry.kind] + math.log10(entry.population + 10) + HOW_PRIOR[how]
    if how == ALTERNATE and primary:
        score += ALTERNATE_BEHIND_PRIMARY
    if entry.capital:
        score += CAPITAL
    if entry.kind not in ("country", "continent", "region") and entry.cc in context.countries:
        score += IN_NAMED_COUNTRY
    if entry.kind in ("city", "admin2") and (entry.cc, entry.admin1) in context.admin1:
        score += IN_NAMED_ADMIN1
    if mention.hint is not None and mention.hint == entry.kind:
        score += HINTED
    qualifier = mention.qualifier
    if qualifier is not None and qualifier.hits:
        for other, _ in qualifier.hits:
            if other.kind == "country" and other.cc == entry.cc and entry.kind != "country":
                score += QUALIFIED
                break
            if other.kind == "admin1" and other.cc == entry.cc and other.admin1 == entry.admin1 \
                    and entry.kind in ("city", "admin2"):
                score += QUALIFIED
                break
    qualified = mention.qualified
    if qualified is not None and entry.kind in ("admin1", "country"):
        # The qualifier's sense is the one that holds a sense of the place it qualifies: "Atlanta, Georgia".
        for other, how in qualified.hits:
            if how != SKELETON and other.kind in ("city", "admin2") and other.cc == entry.cc and (
                    entry.kind == "country" or other.admin1 == entry.admin1):
                score += QUALIFIED
                break
    if entry.kind in ("city", "admin2") and any(
            distance_km(entry.lat, entry.lon, lat, lon) < NEAR_KM for lat, lon in context.points):
        score += NEAR
    if entry.geonameid is not None and _NEWS_SENSES.get(mention.keys[0]) == entry.geonameid:
        score += NEWS_SENSE
    return score


def _best(mention: Mention, context: _Context) -> tuple[Entry, int, float] | None:
    exact = [h for h in mention.hits if h[1] != SKELETON]
    # A skeleton match only counts inside a country the article names.
    candidates = exact or [h for h in mention.hits if h[0].cc in context.countries]
    if not candidates:
        return None
    primary = any(how == PRIMARY for _, how in candidates)
    scored = [(entry, how, _score(mention, entry, how, context, primary)) for entry, how in candidates]
    best = max(scored, key=lambda c: (c[2], -c[0].id))
    if best[0].kind == "admin1" and mention.hint != "admin1":
        # A bare name shared by a province and its big town means the town (Aleppo, Idlib, New York).
        towns = [c for c in scored if c[0].kind == "city" and c[0].cc == best[0].cc and c[1] != SKELETON
                 and c[0].admin1 == best[0].admin1 and c[0].population >= TOWN_SHARE * best[0].population]
        if towns:
            return max(towns, key=lambda c: (c[2], -c[0].id))
    if best[0].kind == "city" and mention.hint != "city" and mention.qualifier is None:
        # A small town that shares its name with a state of a country the article names is the state
        # ("Montana and Wyoming", not Wyoming, Ohio): the context bonuses lift the town, not its people.
        states = [c for c in scored if c[0].kind == "admin1" and c[1] == PRIMARY and c[0].cc in context.countries
                  and best[0].population < TOWN_SHARE * c[0].population]
        if states:
            return max(states, key=lambda c: (c[2], -c[0].id))
    return best


def resolve(mentions: list[Mention], text: str, gazetteer: Gazetteer, *, near: bool = False) -> list[Place]:
    """One :class:`Place` per mention, in text order.

    ``near``: a literal mention the gazetteer does not know (a street, a building, a neighbourhood) gets the
    point of the closest place resolved before it in the text (else after it), with ``precision="near"``,
    ``geonameid=None`` and the anchor named in ``reason``. Off: such mentions have no point.

    Two passes: the first resolves every surface with the countries the article names as context; the
    second again, with the context of what the *other* surfaces resolved to (so a town named early is read
    in the light of a state named later). A surface keeps one sense for the whole article."""
    surfaces: dict[str, list[int]] = {}
    for i, mention in enumerate(mentions):
        surfaces.setdefault(mention.keys[0], []).append(i)
    context = _Context()
    for mention in mentions:
        for entry, how in mention.hits:
            if entry.kind == "country" and how != SKELETON:
                context.countries[entry.cc] += 1
    first = {key: _best(_representative(mentions, idx), context) for key, idx in surfaces.items()}
    chosen: dict[str, tuple[Entry, int, float] | None] = {}
    for key, idx in surfaces.items():
        others = _Context()
        for other, best in first.items():
            if other != key and best is not None:
                for _ in surfaces[other]:
                    others.add(best[0])
        chosen[key] = _best(_representative(mentions, idx), others) or first[key]
    places = [_place(m, chosen[m.keys[0]], text, gazetteer) for m in mentions]
    return _near(places) if near else places


def _near(places: list[Place]) -> list[Place]:
    anchors = [p for p in places if p.geonameid is not None and p.literal and p.precision in NEAR_ANCHORS]
    out = []
    for place in places:
        if place.lat is not None or not place.literal or not anchors or place.mention is None:
            out.append(place)
            continue
        before = [a for a in anchors if a.mention is not None and a.mention.start < place.mention.start]
        anchor = before[-1] if before else anchors[0]
        out.append(dataclasses.replace(
            place, lat=anchor.lat, lon=anchor.lon, country=anchor.country, admin1=anchor.admin1,
            precision="near", reason=f"{place.reason}:near:{anchor.name}"))
    return out


def _representative(mentions: list[Mention], idx: list[int]) -> Mention:
    """The mention of a surface that says most: one with a qualifier ("Paris, Texas"), or one qualifying
    another ("Atlanta, Georgia"), or with a generic word."""
    return max((mentions[i] for i in idx), key=lambda m: (m.qualifier is not None or m.qualified is not None,
                                                          m.hint is not None))


def _place(mention: Mention, best: tuple[Entry, int, float] | None, text: str, gazetteer: Gazetteer) -> Place:
    span = Span.of(text, mention.start, mention.end)
    literal_reason = mention.literal_reason
    if best is None:
        reason = f"{mention.source}:not_in_gazetteer:{literal_reason}"
        return Place(mention.text, mention=span, literal=mention.literal, reason=reason)
    entry, how, _ = best
    reason = f"{mention.source}:{entry.kind}:{_HOW_NAME[how]}:{literal_reason}"
    return Place(entry.name, entry.geonameid, round(entry.lat, 5), round(entry.lon, 5), gazetteer.iso3(entry.cc),
                 entry.admin1, PRECISION[entry.kind], span, literal=mention.literal, reason=reason)


_HOW_NAME = {PRIMARY: "name", ALTERNATE: "alternate_name", SKELETON: "skeleton", DEMONYM: "demonym",
             ABBREVIATION: "abbreviation"}
