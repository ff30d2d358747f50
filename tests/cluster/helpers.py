"""Hand-built records for the cluster tests (no spaCy)."""

from __future__ import annotations

from newsledger.clean.offsets import OffsetMap
from newsledger.records import Actor, Article, DateRef, Entity, Event, Place, Span, content_id


def article(text: str, *, pubdate: str = "2024-03-05", source: str = "a.example", warnings=(), entities=(),
            events=()) -> Article:
    return Article(id=content_id("a_", " ".join(text.casefold().split())), input_id=None, url=None,
                   source=source, title=None, pubdate=pubdate, text=text, entities=tuple(entities),
                   events=tuple(events), warnings=tuple(warnings), raw_text=text,
                   offset_map=OffsetMap.identity(len(text)))


def entity(text: str, name: str, kind: str = "person", *, aliases=(), role=None) -> Entity:
    start = text.find(name)
    return Entity(id=content_id("e_", text[:20], kind, name), name=name, kind=kind, aliases=tuple(aliases),
                  role=role, country=None, geo=None, mentions=(Span.of(text, start, start + len(name)),))


def event(text: str, evidence: str, trigger: str, category: str, *, place=None, date=None, actor=None,
          target=None, status="reported", quantities=()) -> Event:
    start = text.find(evidence)
    t = text.find(trigger, start)
    return Event(id=content_id("v_", text[:30], t, category), category=category, mode=None,
                 trigger=Span.of(text, t, t + len(trigger)),
                 actor=Actor(actor, "group") if actor else None, target=Actor(target, "group") if target else None,
                 place=place, date=DateRef(date) if date else None, quantities=tuple(quantities), status=status,
                 claimed_by=None, evidence=Span.of(text, start, start + len(evidence)), reason="test")


def city(name: str, lat: float, lon: float) -> Place:
    return Place(name=name, geonameid=abs(hash(name)) % 10 ** 6, lat=lat, lon=lon, precision="city")
