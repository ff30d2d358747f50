"""Disputes: conflicting reports of one ledger event become dispute records with both sides' evidence.

For a ledger event, the *claims* are its reports plus the other events of the articles that report it, when
those events belong to nothing reported elsewhere (their ledger events' articles are a subset of this one's:
"the toll was 17", "denied that officers fired"). Each claim has a speaker (who the article attributes it to,
else the outlet) and an evidence span. Kinds, each at most one dispute per ledger event:

* ``number``: casualty counts of one kind (killed / injured) whose values differ by more than
  :data:`NUMBER_TOLERANCE` (relative) between different speakers;
* ``target``: the event's reports hit different kinds of target (depot vs school), from different speakers;
  or (:func:`owner_disputes`, the one rule for an event of a single story, where the outlet's narration is
  never a side) two claimants say one kind of target belongs to different parties ("an ISIL training camp"
  against "a training camp operated by rebel group");
* ``perpetrator``: different named organizations blamed for, or said to have done, the act;
* ``denial``: a denial ("denied that ...", a claimant's quote cued by deny/reject/dismiss, a claimant's
  negated report) against claims of the same act (shared action words) by others; also on events of one
  story, with the outlet's narration left out there;
* ``place`` / ``date``: a claim of the same kind of action, by another speaker, puts it elsewhere (beyond
  the clustering distance) or on another day.

A dispute's id derives from its kind and its sides' events, so a dispute found from two ledger events that
share all their claims (a protest and its dispersal in the same articles) is stored once.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..records import content_id
from .events import CATEGORY_GROUPS, MAX_KM, content_words, km, stem

logger = logging.getLogger(__name__)

NUMBER_TOLERANCE = 0.25
# A date dispute needs the rival date this many days away (news dates of "on Wednesday" in a next-day
# article are often one day off).
MIN_DATE_GAP = 2
# Disputes are looked for on ledger events that lead (are in the first paragraph of) at least this many
# stories: the incidents the articles are about, not the side events every article mentions.
MIN_STORIES = 2
_KILLED = re.compile(r"\b(kill\w*|died|dead|death\w*|toll|bodies|body|lives)\b", re.I)
_INJURED = re.compile(r"\b(injur\w*|hurt|wounded|hospital\w*)\b", re.I)
_PERSON_UNITS = frozenset({"people", "person", "worker", "soldier", "fighter", "militant", "child", "member",
                           "trader", "employee", "body", "death", "dead", "injury", "injure", "civilian",
                           "officer", "police", "protester", "student", "pupil", "resident", "colleague", "man",
                           "woman", "victim", "casualty", "they"})
_DENY_CUE = re.compile(r"den(y|ied|ies)|reject\w*|dismiss\w*|refut\w*|rebut\w*", re.I)
_DENY = re.compile(r"\b(den(y|ied|ies|ial)|rejected the (claim|account|report))\b", re.I)
_BLAME = re.compile(r"\b(blam\w*|accus\w*|responsib\w*|behind|carried out|carrying out)\b", re.I)
_PEOPLE_HEADS = frozenset({"official", "mayor", "people", "soldier", "worker", "fighter", "member", "officer",
                           "protester", "trader", "them", "him", "her", "it", "crowd", "target", "group", "nobody", "one", "fire",
                           "blaze", "employee", "child", "civilian", "some", "all", "none"})


@dataclass(frozen=True, slots=True)
class Claim:
    event_id: str
    article_id: str
    source: str | None
    speaker: str
    data: dict[str, Any]
    member: bool  # a report of the ledger event itself


def _speaker(data: dict[str, Any], source: str | None) -> str:
    by = data.get("claimed_by")
    if by and by.get("name"):
        return by["name"]
    return source or "(the outlet)"


def _speaker_key(name: str) -> str:
    words = [w for w in re.findall(r"\w+", name.casefold()) if w not in {"the", "a", "an", "its", "his", "her"}]
    return words[-1] if words else name


def _side(claim: Claim, label: str) -> dict[str, Any]:
    return {"claim": label, "speaker": claim.speaker, "source": claim.source, "article_id": claim.article_id,
            "evidence": dict(claim.data["evidence"])}


def load_claims(con: Any, ledger_event_id: str) -> list[Claim]:
    """The claims of one ledger event (see the module docstring)."""
    return _Batch(con, [ledger_event_id]).claims(ledger_event_id)


def _casualties(claim: Claim) -> tuple[str, float] | None:
    text = claim.data["evidence"]["text"]
    quantities = [q for q in claim.data.get("quantities", []) if q.get("value") is not None
                  and (q.get("unit") or "") in _PERSON_UNITS]
    if not quantities:
        return None
    kind = "injured" if _INJURED.search(text) else "killed" if _KILLED.search(text) else None
    if kind is None or claim.data.get("status") in ("negated", "future"):
        return None
    return kind, float(quantities[0]["value"])


def _differ(a: float, b: float) -> bool:
    return abs(a - b) > NUMBER_TOLERANCE * max(a, b) and abs(a - b) >= 2


def number_disputes(claims: Sequence[Claim]) -> list[tuple[str, list[dict[str, Any]], list[str]]]:
    by_kind: dict[str, list[tuple[float, Claim]]] = {}
    for c in claims:
        found = _casualties(c)
        if found:
            by_kind.setdefault(found[0], []).append((found[1], c))
    out = []
    for kind, items in sorted(by_kind.items()):
        conflict = any(_differ(x, y) and _speaker_key(a.speaker) != _speaker_key(b.speaker)
                       for (x, a), (y, b) in _pairs(items))
        if conflict:
            sides = [_side(c, f"{value:g} {kind}") for value, c in items]
            out.append((f"number:{kind}", sides, [c.event_id for _, c in items]))
    return out


def _pairs(items: Sequence[Any]) -> Iterable[tuple[Any, Any]]:
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            yield a, b


def _target_head(claim: Claim) -> str | None:
    target = claim.data.get("target")
    if not target or not target.get("name"):
        return None
    raw = re.findall(r"[A-Za-z]+", target["name"])
    if raw and all(w[0].isupper() for w in raw if w.lower() not in ("the", "a", "an", "of")):
        return None  # a named target (an organization) is the victim, not a kind of target
    words = [stem(w) for w in raw]
    head = words[-1].lower() if words else None
    return None if head in _PEOPLE_HEADS else head


# Acts whose target is who or what was hit: two accounts naming different targets disagree. (The "target"
# of AID or SUPPORT is what was given or backed; two such objects are usually two gifts, not a dispute.)
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN"})


def target_disputes(claims: Sequence[Claim]) -> list[tuple[str, list[dict[str, Any]], list[str]]]:
    items = [(h, c) for c in claims if c.member and c.data.get("category") in _HOSTILE and (h := _target_head(c))]
    conflict = any(x != y and _speaker_key(a.speaker) != _speaker_key(b.speaker) for (x, a), (y, b) in _pairs(items))
    if not conflict:
        return []
    return [("target", [_side(c, f"target: {c.data['target']['name']}") for _, c in items],
             [c.event_id for _, c in items])]


# Who a target belongs to, said after it: "a training camp operated by rebel group that ...".
_OWNED_BY = re.compile(r"\s*,?\s*(?:(?:which|that) (?:is|was) )?(?:operated|run|controlled|used|held|owned|manned)\s+by"
                       r"\s+((?:(?!that\b|which\b|who\b|in\b|on\b|at\b|with\b)[\w'’.-]+\s*){1,5})", re.I)
_TOKEN = re.compile(r"\([A-Z]{2,8}\)|[\w'’-]+|[^\w\s]")
_SKIP = frozenset({"a", "an", "the", "more", "several", "some", "its", "their", "our", "his", "her", "two", "three",
                   "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "of"})
_LINK = frozenset({"of", "the", "and", "al"})
_HEAD_STOP = frozenset({"in", "on", "at", "near", "of", "and", "or", "that", "which", "who", "with", "by", "from",
                        "to", "for", "operated", "run", "controlled", "used", "held", "owned", "manned", "was", "were",
                        "is", "are", "had", "has"})
_SAID = frozenset({"said", "says", "told", "added", "claimed", "stated"})


def _target_kind(claim: Claim, text: str) -> tuple[str, str | None, str] | None:
    """``(head, party, party as written)`` of a claim's target: its head noun ("camp") and the organization
    it belongs to when the claim says so: a group's name before the head ("an ISIL training camp") or
    "operated by X" after it. None without a target mention or a common noun in it."""
    target = claim.data.get("target") or {}
    mention = target.get("mention")
    if not mention or not text:
        return None
    start = mention["start"]
    name: list[str] = []
    head, stop = None, start
    for m in _TOKEN.finditer(text, start, min(len(text), mention["end"] + 120)):
        w = m.group(0)
        if head is None and not name and w.lower() in _SKIP or w.isdigit():
            continue
        if head is None and (w[0].isupper() or w.startswith("(") or (name and w in _LINK)):
            name.append(w)
            continue
        if not w[0].isalpha() or w.lower() in _HEAD_STOP or w[0].isupper() \
                or (head is not None and m.start() >= mention["end"]):
            break
        head, stop = stem(w).lower(), m.end()
    if head is None:
        return None
    while name and (name[-1] in _LINK or name[-1].startswith("(")):
        name.pop()
    party, written = None, ""
    if name and (target.get("entity_id") or target.get("kind") in ("group", "organization")):
        written = " ".join(name)
    owned = _OWNED_BY.match(text, stop)
    if owned and not written:
        by = owned.group(1).strip().rstrip(",.;")
        if by and by.split()[-1].lower() not in _SAID:
            written = by
    if written:
        party = _alias_org_key(written)
    return head, party, written


def _alias_org_key(name: str) -> str:
    from .entities import _alias_keys, org_key

    key = org_key(name)
    return _alias_keys().get(key, key)


def _claimant(claim: Claim) -> tuple[str, str] | None:
    """Who claims it: (entity id or folded name, speaker key); None for the reporter's own narration."""
    by = claim.data.get("claimed_by") or {}
    if not by.get("name") or claim.data.get("status") in ("negated", "future", "hedged"):
        return None
    return by.get("entity_id") or by["name"].casefold(), _speaker_key(by["name"])


def owner_disputes(claims: Sequence[Claim], texts: dict[str, str]) -> list[tuple[str, list[dict[str, Any]], list[str]]]:
    """Two claimants (never the reporter's narration) say the same kind of target of the same act belongs to
    different parties: Russia's "an ISIL training camp" against a rebel commander's "a training camp
    operated by rebel group". The sides are every claim naming either party, and the claimants' own later
    mentions of that target ("the camp ... was struck")."""
    items = []
    for c in claims:
        who = _claimant(c)
        if not c.member or who is None or CATEGORY_GROUPS.get(c.data["category"]) != "force":
            continue
        kind = _target_kind(c, texts.get(c.article_id, ""))
        if kind:
            items.append((kind, who, c))
    core = [((h, p, n), w, c) for (h, p, n), w, c in items if p and h not in _PEOPLE_HEADS]
    conflict = next(((a, b) for a, b in _pairs(core) if a[0][0] == b[0][0] and a[0][1] != b[0][1]
                     and a[1][0] != b[1][0] and a[1][1] != b[1][1]), None)
    if conflict is None:
        return []
    head = conflict[0][0][0]
    parties = {kind[1]: (who, kind[2]) for kind, who, _ in conflict}
    sides, ids = [], []
    for (h, p, _), who, c in items:
        owner = p if p in parties else next(
            (q for q, (w, _) in parties.items() if p is None and h == head and w == who), None)
        if owner is not None:
            sides.append(_side(c, f"target of {parties[owner][1]}"))
            ids.append(c.event_id)
    return [("target", sides, ids)]


def _org_key(name: str) -> str:
    from .entities import org_key

    return org_key(name)


def perpetrator_disputes(claims: Sequence[Claim], orgs: dict[str, set[str]]) -> list[tuple[str, list[dict[str, Any]], list[str]]]:
    """``orgs``: per article, the folded keys of its organization entities (acronyms resolved)."""
    items = []
    for c in claims:
        d = c.data
        text = d["evidence"]["text"]
        names = []
        if d["category"] == "ACCUSE" and d.get("target") and d["target"].get("name"):
            names.append(d["target"]["name"])
        if d["category"] in ("ASSAULT", "COERCE") and d.get("actor") and d["actor"].get("name"):
            names.append(d["actor"]["name"])
        if _BLAME.search(text):
            names += [n for n in orgs.get(c.article_id, {}) if n and n.lower() in text.lower()]
        for name in names:
            key = _resolve_org(name, c.article_id, orgs)
            if key:
                items.append((key, c))
    conflict = any(x != y and _speaker_key(a.speaker) != _speaker_key(b.speaker) for (x, a), (y, b) in _pairs(items))
    if not conflict:
        return []
    return [("perpetrator", [_side(c, f"perpetrator: {k}") for k, c in items], [c.event_id for _, c in items])]


def _resolve_org(name: str, article_id: str, orgs: dict[str, dict[str, str]]) -> str | None:
    """The ledger key of an organization named in ``article_id`` (by its name or a prefix of it)."""
    table = orgs.get(article_id, {})
    low = name.lower()
    for org_name, key in table.items():
        if org_name.lower() in low or (low.startswith("the ") and org_name.lower().startswith(low[4:])):
            return key
    return None


def _denies(claim: Claim, cues: dict[str, str]) -> bool:
    """A claimant's denial: the claim's quote is cued by deny / reject / dismiss ("denied that officers fired
    on traders"), or the claimant says the act did not happen ("no officer had fired a gun")."""
    by = claim.data.get("claimed_by") or {}
    if not by.get("name"):
        return False
    return claim.data.get("status") == "negated" or bool(_DENY_CUE.fullmatch(cues.get(by.get("quote_id") or "", "")))


def denial_disputes(claims: Sequence[Claim], cues: dict[str, str] | None = None, *,
                    narration: bool = True) -> list[tuple[str, list[dict[str, Any]], list[str]]]:
    """A denial against claims of the same act by others. A denial is a claim whose text says "denied that
    ..." (any claim of the event's articles), or a report *of this ledger event* that its claimant denies
    (:func:`_denies`); the claims it answers share its action words and, for a report-level denial, are
    reports of the same ledger event too. Negated and hedged claims answer nothing; a future act ("agreed to
    pull back") is answered only by a denial of a future act. ``narration=False`` (an event of one story)
    leaves out claims that the outlet makes in its own voice."""
    cues = cues or {}
    worded = [c for c in claims if _DENY.search(c.data["evidence"]["text"]) or _DENY.search(c.data["trigger"]["text"])]
    denials = worded + [c for c in claims if c.member and c not in worded and _denies(c, cues)]
    if not denials:
        return []
    sides, ids = [], []
    for d in denials:
        words = _action_words(d.data["evidence"]["text"])
        future = d.data.get("status") == "future"
        for c in claims:
            status = c.data.get("status")
            if c in denials or status in ("negated", "hedged") or (status == "future" and not future):
                continue
            if d not in worded and not c.member:
                continue
            if not narration and not (c.data.get("claimed_by") or {}).get("name"):
                continue
            if _speaker_key(c.speaker) == _speaker_key(d.speaker):
                continue
            if words & _action_words(c.data["evidence"]["text"]):
                if c.event_id not in ids:
                    sides.append(_side(c, "claim"))
                    ids.append(c.event_id)
    if not sides:
        return []
    for d in denials:
        if _action_words(d.data["evidence"]["text"]) & {w for s in sides for w in _action_words(s["evidence"]["text"])}:
            sides.append(_side(d, "denial"))
            ids.append(d.event_id)
    return [("denial", sides, ids)]


_SHOOT = {"shot", "shoot", "fire", "fired", "firing", "opened", "gun", "live", "rounds", "ammunition", "round"}
_MOVE = {"withdraw", "withdrawal", "pull", "back", "move", "retreat", "positions", "fighters", "forces"}


def _action_words(text: str) -> set[str]:
    low = {w.lower() for w in re.findall(r"[A-Za-z]+", text)}
    out = {"@shoot" for w in low if w in _SHOOT} | {"@move" for w in low if w in _MOVE}
    return out


def place_date_disputes(claims: Sequence[Claim], ledger: tuple[Any, ...],
                        story_of: dict[str, str]) -> list[tuple[str, list[dict[str, Any]], list[str]]]:
    _, category, place, lat, lon, date = ledger
    members = [c for c in claims if c.member]
    classes = {w for c in members for w in content_words(c.data["evidence"]["text"]) if w.startswith("@")}
    out = []
    for kind in ("place", "date"):
        rivals = []
        for c in claims:
            if c.member or not classes & {w for w in content_words(c.data["evidence"]["text"]) if w.startswith("@")}:
                continue
            p, dv = c.data.get("place") or {}, (c.data.get("date") or {}).get("value")
            if kind == "place" and p.get("lat") is not None and lat is not None and p.get("precision") == "city" \
                    and km(lat, lon, p["lat"], p["lon"]) > MAX_KM:
                rivals.append((p["name"], c))
            if kind == "date" and dv and date is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dv) \
                    and abs((dt.date.fromisoformat(dv) - date).days) >= MIN_DATE_GAP \
                    and c.data.get("status") not in ("future", "negated"):
                rivals.append((dv, c))
        # A rival account must come from two independent stories, not one article's slip.
        if len({story_of.get(c.article_id, c.article_id) for _, c in rivals}) < 2:
            continue
        rival_speakers = {_speaker_key(c.speaker) for _, c in rivals}
        backing = [c for c in members if _speaker_key(c.speaker) not in rival_speakers or len(rival_speakers) > 1]
        if rivals and backing:
            mine = place if kind == "place" else str(date)
            sides = [_side(c, f"{kind}: {mine}") for c in backing] + [_side(c, f"{kind}: {v}") for v, c in rivals]
            out.append((kind, sides, [c.event_id for c in backing] + [c.event_id for _, c in rivals]))
    return out


class _Batch:
    """Everything the dispute rules read for a set of ledger events, loaded with one query per table (the
    members, their articles' events, where those events' ledger events are reported, stories, texts, quote
    cues, organizations) instead of several queries per ledger event."""

    def __init__(self, con: Any, ledger_event_ids: Sequence[str]) -> None:
        lids = sorted(set(ledger_event_ids))
        self.rows = {r[0]: r for r in con.execute(
            "SELECT id, category, place, lat, lon, date_value FROM ledger_events WHERE id IN "
            "(SELECT unnest(?::VARCHAR[]))", [lids]).fetchall()}
        self.lead_stories = dict(con.execute(
            "SELECT l.ledger_event_id, count(DISTINCT CASE WHEN l.lead THEN s.story_id END) FROM event_links l "
            "JOIN stories s ON s.article_id = l.article_id WHERE l.ledger_event_id IN (SELECT unnest(?::VARCHAR[])) "
            "GROUP BY 1", [lids]).fetchall())
        self.articles_of: dict[str, set[str]] = {}
        for lid, article_id in con.execute(
                "SELECT DISTINCT ledger_event_id, article_id FROM event_links WHERE ledger_event_id IN "
                "(SELECT unnest(?::VARCHAR[]))", [lids]).fetchall():
            self.articles_of.setdefault(lid, set()).add(article_id)
        articles = sorted({a for ids in self.articles_of.values() for a in ids})
        self.events: dict[str, list[tuple[str, str, str, str | None, dict[str, Any]]]] = {}
        for lid, event_id, article_id, source, data in con.execute(
                "SELECT l.ledger_event_id, e.id, e.article_id, a.source, e.data FROM events e "
                "JOIN event_links l ON l.event_id = e.id JOIN articles a ON a.id = e.article_id "
                "WHERE e.article_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY e.article_id, e.trigger_start, e.id",
                [articles]).fetchall():
            self.events.setdefault(article_id, []).append((lid, event_id, article_id, source, json.loads(data)))
        side_lids = sorted({e[0] for evs in self.events.values() for e in evs} - set(self.articles_of))
        self.spread: dict[str, set[str]] = {lid: set(ids) for lid, ids in self.articles_of.items()}
        if side_lids:
            for lid, article_id in con.execute(
                    "SELECT DISTINCT ledger_event_id, article_id FROM event_links WHERE ledger_event_id IN "
                    "(SELECT unnest(?::VARCHAR[]))", [side_lids]).fetchall():
                self.spread.setdefault(lid, set()).add(article_id)
        self.story_of: dict[str, str] = dict(con.execute(
            "SELECT article_id, story_id FROM stories WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
            [articles]).fetchall())
        self.texts: dict[str, str] = dict(con.execute(
            "SELECT id, text FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [articles]).fetchall())
        quotes = sorted({q for evs in self.events.values() for e in evs
                         if (q := (e[4].get("claimed_by") or {}).get("quote_id"))})
        # The cue word of each claim's quote ("denied", "said").
        self.cues: dict[str, str] = {q: cue or "" for q, cue in con.execute(
            "SELECT id, json_extract_string(data, '$.cue.text') FROM quotes WHERE id IN "
            "(SELECT unnest(?::VARCHAR[]))", [quotes]).fetchall()} if quotes else {}
        # Per article, its organization entities' names and ledger ids (acronyms resolved).
        self.orgs: dict[str, dict[str, str]] = {}
        for name, article_id, ledger_id in con.execute(
                "SELECT e.name, e.article_id, l.ledger_entity_id FROM entities e JOIN entity_links l "
                "ON l.entity_id = e.id WHERE e.kind = 'organization' AND e.article_id IN "
                "(SELECT unnest(?::VARCHAR[]))", [articles]).fetchall():
            self.orgs.setdefault(article_id, {})[name] = ledger_id

    def claims(self, ledger_event_id: str) -> list[Claim]:
        inside = self.articles_of.get(ledger_event_id, set())
        out = []
        for article_id in sorted(inside):
            for lid, event_id, _, source, d in self.events.get(article_id, []):
                if lid == ledger_event_id or self.spread.get(lid, set()) <= inside:
                    out.append(Claim(event_id, article_id, source, _speaker(d, source), d, lid == ledger_event_id))
        return out

    def disputes(self, ledger_event_id: str) -> list[dict[str, Any]]:
        row = self.rows.get(ledger_event_id)
        if row is None:
            return []
        claims = self.claims(ledger_event_id)
        if len(claims) < 2:
            return []
        if self.lead_stories.get(ledger_event_id, 0) < MIN_STORIES:
            # A side event, or one story's: only claimants' denials of its reports and two claimants' conflict
            # over a target; the outlet's narration is a side only when other stories report the event too.
            members = [c for c in claims if c.member]
            narration = len({self.story_of.get(c.article_id, c.article_id) for c in members}) >= 2
            found = owner_disputes(claims, self.texts) + denial_disputes(members, self.cues, narration=narration)
        else:
            targets = target_disputes(claims) or owner_disputes(claims, self.texts)
            found = (number_disputes(claims) + targets + perpetrator_disputes(claims, self.orgs)
                     + denial_disputes(claims, self.cues) + place_date_disputes(claims, row, self.story_of))
        out = []
        for kind, sides, event_ids in found:
            out.append({"id": content_id("d_", kind, *sorted(set(event_ids))), "ledger_event_id": ledger_event_id,
                        "kind": kind.split(":")[0], "sides": sides})
        return out


def find_disputes(con: Any, ledger_event_id: str) -> list[dict[str, Any]]:
    """The disputes of one ledger event."""
    return _Batch(con, [ledger_event_id]).disputes(ledger_event_id)


def _neighbourhood(con: Any, ledger_event_ids: Sequence[str]) -> list[str]:
    """The touched ledger events and those sharing an article with them: a new report can take a side event
    out of (or into) a neighbour's claims."""
    if not ledger_event_ids:
        return []
    rows = con.execute(
        "SELECT DISTINCT b.ledger_event_id FROM event_links a JOIN event_links b ON b.article_id = a.article_id "
        "WHERE a.ledger_event_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY 1", [list(ledger_event_ids)]).fetchall()
    return sorted({r[0] for r in rows} | set(ledger_event_ids))


def refresh_disputes(con: Any, ledger_event_ids: Sequence[str]) -> int:
    """Recompute the disputes of ``ledger_event_ids`` and their neighbours (caller's transaction), with a fixed
    number of queries whatever their count. A conflict found on several of them (a protest and its dispersal
    share their claims) is stored once, on the first in id order, unless a ledger event outside the
    neighbourhood already holds it. Returns how many were stored."""
    from ..store.bulk import insert_rows

    lids = _neighbourhood(con, ledger_event_ids)
    if not lids:
        return 0
    con.execute("DELETE FROM disputes WHERE ledger_event_id IN (SELECT unnest(?::VARCHAR[]))", [lids]).fetchall()
    batch = _Batch(con, lids)
    found = [d for lid in lids for d in batch.disputes(lid)]
    taken = {r[0] for r in con.execute("SELECT id FROM disputes WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                       [sorted({d["id"] for d in found})]).fetchall()} if found else set()
    rows = []
    for dispute in found:
        if dispute["id"] not in taken:
            taken.add(dispute["id"])
            rows.append([dispute["id"], dispute["ledger_event_id"], dispute["kind"],
                         json.dumps(dispute, ensure_ascii=False)])
    insert_rows(con, "disputes", ["id", "ledger_event_id", "kind", "data"], rows)
    return len(rows)
