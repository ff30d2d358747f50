"""Typed records: what newsledger produces, and the export contract.

Every span is a :class:`Span` of the article's clean text (``text[start:end] == span.text``). Ids are derived
from content (see :func:`content_id`), so re-processing the same text yields the same ids. ``to_dict()`` on an
:class:`Article` gives exactly the export schema (docs/export-schema.md); unknown values are ``None``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

QuoteType = Literal["direct", "indirect", "mixed"]
QuoteScope = Literal["speech", "thought"]
SpeakerKind = Literal["person", "organization", "group", "anonymous", "unknown"]
EventStatus = Literal["reported", "claimed", "hedged", "negated", "future"]


def content_id(prefix: str, *parts: object) -> str:
    """A short stable id from content: ``prefix`` + 16 hex chars of SHA-1 over the parts."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:16]}"


def strip_offsets(text: str, start: int, end: int) -> tuple[int, int]:
    """``start, end`` moved inward past whitespace at either edge of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    @classmethod
    def of_tokens(cls, first: Any, last: Any) -> "Span":
        """The span from spaCy token ``first`` to ``last`` (inclusive). Cheap: ``Doc.text`` rebuilds the whole
        text on every access, so per-item code must never slice it."""
        text = first.doc[first.i:last.i + 1].text
        return cls(first.idx, first.idx + len(text), text)


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    kind: SpeakerKind
    role: str | None = None
    entity_id: str | None = None
    mention: Span | None = None


@dataclass(frozen=True, slots=True)
class Conduit:
    name: str
    mention: Span | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    type: QuoteType
    content: Span
    cue: Span | None
    speaker: Speaker
    conduit: Conduit | None
    reason: str
    # The content as the attribution model marked it: pieces (a quote split by its cue, or running over
    # paragraphs), quotation marks included as PolNeAR does. For evaluation; not part of the export.
    pieces: tuple[Span, ...] = field(default=(), compare=False, metadata={"export": False})
    # "speech": said or written (quotation marks, or a speech cue: say, announce, warn, according to, a
    # statement). "thought": any other attribution PolNeAR annotates, a belief, intention or stance
    # ("expects", "refuses to", "was supported by"). The ledger's who-said-what views show speech.
    scope: QuoteScope = "speech"


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    entity_id: str | None = None
    mention: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    precision: str | None = None
    mention: Span | None = None
    # From the geoparser (newsledger.geo); not (yet) part of the export contract.
    literal: bool = field(default=True, compare=False, metadata={"export": False})
    reason: str | None = field(default=None, compare=False, metadata={"export": False})


@dataclass(frozen=True, slots=True)
class DateRef:
    value: str | None
    end: str | None = None
    precision: str | None = None
    mention: Span | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float | None
    unit: str | None
    mention: Span


@dataclass(frozen=True, slots=True)
class Claim:
    name: str | None
    entity_id: str | None
    quote_id: str | None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    category: str
    mode: str | None
    trigger: Span
    actor: Actor | None
    target: Actor | None
    place: Place | None
    date: DateRef | None
    quantities: tuple[Quantity, ...]
    status: EventStatus
    claimed_by: Claim | None
    evidence: Span
    reason: str
    # The ledger event this report belongs to (set by the ledger, issue 5; None outside a ledger).
    ledger_event_id: str | None = None


@dataclass(frozen=True, slots=True)
class Geo:
    geonameid: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    precision: str | None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    role: str | None
    country: str | None
    geo: Geo | None
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """One processed article. ``text`` is the clean text every span refers to."""

    id: str
    input_id: str | None
    url: str | None
    source: str | None
    title: str | None
    pubdate: str | None
    text: str
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    entities: tuple[Entity, ...] = ()
    warnings: tuple[str, ...] = ()
    # Provenance, not part of the export object itself.
    raw_text: str = field(default="", repr=False)
    raw: str | None = field(default=None, repr=False)
    offset_map: Any = field(default=None, repr=False, compare=False)
    origin: str | None = None
    input_format: str | None = None
    author: str | None = None
    # The ledger's story (issue 5): the canonical story id and the article this one copies (None outside a
    # ledger, and for a canonical article).
    story_id: str | None = None
    duplicate_of: str | None = None

    EXPORT_KEYS = ("id", "input_id", "url", "source", "title", "pubdate", "text", "quotes", "events",
                   "entities", "warnings", "story_id", "duplicate_of")

    def to_dict(self, *, offsets: Literal["clean", "input"] = "clean") -> dict[str, Any]:
        """The export object. With ``offsets="input"`` every span points into the input text instead."""
        out = {key: _plain(getattr(self, key)) for key in self.EXPORT_KEYS}
        if offsets == "input":
            if self.offset_map is None:
                raise ValueError("this article has no offset map; input offsets are unavailable")
            out["text"] = self.raw_text
            _remap_spans(out, self.offset_map, self.raw_text)
        return out


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.metadata.get("export", True)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _remap_spans(node: Any, offset_map: Any, raw_text: str) -> None:
    """Rewrite, in place, every SPAN dict below ``node`` to input-text offsets."""
    if isinstance(node, dict):
        if node.keys() == {"start", "end", "text"}:
            start, end = offset_map.to_input(node["start"], node["end"])
            node["start"], node["end"], node["text"] = start, end, raw_text[start:end]
            return
        for value in node.values():
            _remap_spans(value, offset_map, raw_text)
    elif isinstance(node, list):
        for value in node:
            _remap_spans(value, offset_map, raw_text)
