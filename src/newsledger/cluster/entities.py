"""Entities across articles: one ledger entity per person or organization, with name variants and roles.

Every per-article entity of kind person or organization links to one ledger entity through *keys*:

* ``p:`` + the folded full name of a person (titles dropped; transliteration folded: Sergei/Sergey,
  Yusuf/Yousuf need the same skeleton of the given name *and* the same surname);
* ``s:`` + a person's surname: a bare surname ("Volkov") joins a full name only when exactly one ledger
  person carries that surname; two people who share only a surname ("Anna Korhonen", "Pekka Korhonen") stay
  apart, and a bare "Korhonen" then becomes its own entity;
* ``o:`` + the folded organization name (without a leading "the"), its acronym when the text defines it
  ("Movement for the Liberation of the Sahel (MLS)") or when both forms are in one article and the letters
  are the initials, and the hand-written :data:`ALIASES` (ISIL/ISIS/IS/Islamic State/Daesh).

Each link records its ``reason`` (``full_name``, ``surname_unique``, ``acronym_defined:MLS`` ...), so every
merge can be explained. Places are not linked here: the gazetteer already gives them one id.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from typing import Any

from ..geo.fold import plain
from ..records import content_id

logger = logging.getLogger(__name__)

KINDS = ("person", "organization")
TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "professor", "rev", "sheikh", "colonel", "col",
    "lt", "lieutenant", "major", "maj", "general", "gen", "brigadier", "captain", "capt", "sergeant", "sgt",
    "superintendent", "supt", "inspector", "commissioner", "president", "minister", "governor", "mayor",
    "deputy", "spokesman", "spokeswoman", "envoy", "senator", "judge", "chief", "commander", "prime",
    "foreign", "defence", "defense", "interior", "secretary", "ambassador", "king", "queen", "prince",
})
# Hand-written aliases: every name folds to the key of the first.
ALIASES: tuple[tuple[str, ...], ...] = (
    ("Islamic State", "ISIL", "ISIS", "IS", "Daesh", "Daish", "Islamic State of Iraq and the Levant",
     "Islamic State of Iraq and Syria", "Islamic State group"),
    ("al-Qaeda", "al-Qaida", "al Qaeda", "Al Qaeda"),
    ("Free Syrian Army", "FSA"),
    ("United Nations", "UN", "U.N."),
    ("European Union", "EU"),
    ("North Atlantic Treaty Organization", "NATO"),
)
_ACRONYM_DEF = re.compile(r"((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|of|the|for|and|de|du|des|la|le|in|on|al))*)"
                          r"\s+\(([A-Z][A-Z0-9]{1,7})\)")
_SMALL = frozenset({"of", "the", "for", "and", "de", "du", "des", "la", "le", "in", "on", "al"})


def _translit(word: str) -> str:
    """A skeleton of one name word that ignores common transliteration differences (Sergei/Sergey)."""
    w = word.replace("ph", "f").replace("kh", "h").replace("ou", "u").replace("y", "i").replace("j", "i")
    w = re.sub(r"ei$", "i", w)
    return re.sub(r"(.)\1+", r"\1", w)


def name_words(name: str) -> list[str]:
    """Folded words of a name without leading titles or a leading 'the'."""
    words = [w for w in re.split(r"[\s\-.,']+", plain(name)) if w]
    while len(words) > 1 and (words[0] in TITLES or words[0] == "the"):
        words = words[1:]
    return words


def person_key(name: str) -> str | None:
    words = name_words(name)
    if len(words) < 2:
        return None
    return "p:" + " ".join([_translit(w) for w in words[:-1]] + [words[-1]])


def surname_key(name: str) -> str | None:
    words = name_words(name)
    return "s:" + words[-1] if words else None


def org_key(name: str) -> str:
    words = name_words(name)
    if words and words[-1] == "group" and len(words) > 1:
        words = words[:-1]
    return "o:" + " ".join(words)


def _alias_keys() -> dict[str, str]:
    out = {}
    for names in ALIASES:
        for n in names:
            out[org_key(n)] = org_key(names[0])
    return out


def initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s\-]+", name) if w and w[0].isupper() and w.lower() not in _SMALL)


def defined_acronyms(text: str) -> dict[str, str]:
    """``{"MLS": "Movement for the Liberation of the Sahel"}`` for every "Name (ACR)" whose initials match."""
    out = {}
    for m in _ACRONYM_DEF.finditer(text):
        name, acr = m.group(1), m.group(2)
        words = name.split()
        # The name may start before the acronym's first word ("Officers of the National Probity Commission").
        for i in range(len(words)):
            tail = " ".join(words[i:])
            if words[i][0].isupper() and initials(tail) == acr:
                out[acr] = tail
                break
    return out


def _keys_for(entity: Any, acronyms: dict[str, str], same_article: Sequence[Any]) -> list[tuple[str, str]]:
    """(key, reason) for one per-article entity, strongest first."""
    if entity.kind == "person":
        keys = []
        full = person_key(entity.name)
        if full:
            keys.append((full, "full_name"))
        return keys
    aliases = _alias_keys()
    keys = [(aliases.get(org_key(entity.name), org_key(entity.name)), "name")]
    name = entity.name.strip()
    if name in acronyms:
        keys.append((org_key(acronyms[name]), f"acronym_defined:{name}"))
    for acr, full in acronyms.items():
        if org_key(full) == org_key(name):
            keys.append((org_key(acr), f"acronym_defined:{acr}"))
    if name.isupper() and 2 <= len(name) <= 8:
        for other in same_article:
            if other is not entity and other.kind == "organization" and initials(other.name) == name:
                keys.append((org_key(other.name), f"acronym_in_article:{name}"))
    return keys


class _Keys:
    """The ledger's keys and entities that one linking call can touch, read with one query each and written
    back in bulk at the end (linking used to cost several small queries per entity)."""

    def __init__(self, con: Any, keys: Sequence[str], ids: Sequence[str]) -> None:
        self.con = con
        self.ids: dict[str, list[str]] = {}
        for key, ledger_id in con.execute(
                "SELECT DISTINCT key, ledger_entity_id FROM entity_keys WHERE key IN (SELECT unnest(?::VARCHAR[]))",
                [sorted(set(keys))]).fetchall():
            self.ids.setdefault(key, []).append(ledger_id)
        for found in self.ids.values():
            found.sort()
        wanted = sorted({i for found in self.ids.values() for i in found} | set(ids))
        self.entities: dict[str, list[Any]] = {r[0]: [r[1], r[2], json.loads(r[3]), json.loads(r[4]), r[5]]
                                               for r in con.execute(
            "SELECT id, kind, name, variants, roles, reason FROM ledger_entities WHERE id IN "
            "(SELECT unnest(?::VARCHAR[]))", [wanted]).fetchall()}
        self.new_entities: list[str] = []
        self.changed: set[str] = set()
        self.new_keys: list[list[str]] = []

    def lookup(self, key: str) -> list[str]:
        return self.ids.get(key, [])

    def add_key(self, key: str, kind: str, ledger_id: str, why: str) -> None:
        found = self.ids.setdefault(key, [])
        found.append(ledger_id)
        found.sort()
        self.new_keys.append([key, kind, ledger_id, why])

    def create(self, ledger_id: str, kind: str, name: str, reason: str) -> None:
        if ledger_id not in self.entities:
            self.entities[ledger_id] = [kind, name, [], [], reason]
            self.new_entities.append(ledger_id)

    def flush(self) -> None:
        from ..store.bulk import insert_rows

        changed = sorted(self.changed - set(self.new_entities))
        if changed:
            self.con.execute("DELETE FROM ledger_entities WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                             [changed]).fetchall()
        insert_rows(self.con, "ledger_entities", ["id", "kind", "name", "variants", "roles", "reason"],
                    [[i, e[0], e[1], json.dumps(e[2], ensure_ascii=False), json.dumps(e[3], ensure_ascii=False), e[4]]
                     for i in [*self.new_entities, *changed] for e in [self.entities[i]]])
        insert_rows(self.con, "entity_keys", ["key", "kind", "ledger_entity_id", "reason"], self.new_keys)


def link_entities(con: Any, articles: Sequence[Any]) -> int:
    """Link the person/organization entities of new ``articles`` to ledger entities (caller's transaction).
    Returns the number of links written."""
    from ..store.bulk import insert_rows

    work = []
    wanted: list[str] = []
    for article in articles:
        acronyms = defined_acronyms(article.text)
        people = [e for e in article.entities if e.kind in KINDS]
        for entity in people:
            keys = _keys_for(entity, acronyms, people)
            work.append((article, entity, keys))
            wanted += [k for k, _ in keys] + [surname_key(entity.name) or ""]
    cache = _Keys(con, wanted, [_new_id(entity, keys) for _, entity, keys in work])
    links: list[list[Any]] = []
    for article, entity, keys in work:
        ledger_id, reason = _resolve_or_create(cache, entity, article, keys)
        links.append([entity.id, article.id, ledger_id, reason])
    cache.flush()
    insert_rows(con, "entity_links", ["entity_id", "article_id", "ledger_entity_id", "reason"], links)
    return len(links)


def _lookup(con: Any, key: str) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT ledger_entity_id FROM entity_keys WHERE key = ? "
                                      "ORDER BY 1", [key]).fetchall()]


def _new_id(entity: Any, keys: Sequence[tuple[str, str]]) -> str:
    """The id of the ledger entity a per-article entity founds (or rejoins: a bare ambiguous surname)."""
    return content_id("le_", entity.kind, keys[0][0] if keys else "p:" + " ".join(name_words(entity.name)))


def _resolve_or_create(cache: _Keys, entity: Any, article: Any, keys: Sequence[tuple[str, str]]) -> tuple[str, str]:
    ledger_id, reason = None, ""
    for key, why in keys:
        found = cache.lookup(key)
        if len(found) == 1:
            ledger_id, reason = found[0], why
            break
    if ledger_id is None and entity.kind == "person" and not person_key(entity.name):
        found = cache.lookup(surname_key(entity.name) or "")
        if len(found) == 1:
            ledger_id, reason = found[0], "surname_unique"
        elif found:
            reason = f"surname_ambiguous:{len(found)}"
    if ledger_id is None:
        ledger_id = _new_id(entity, keys)
        cache.create(ledger_id, entity.kind, entity.name, f"new:{reason or 'no_match'}")
        reason = f"new:{reason or 'no_match'}"
    _add_keys(cache, ledger_id, entity, keys)
    _add_variant(cache, ledger_id, entity, article)
    return ledger_id, reason


def _add_keys(cache: _Keys, ledger_id: str, entity: Any, keys: Sequence[tuple[str, str]]) -> None:
    wanted = list(keys)
    if entity.kind == "person" and person_key(entity.name):
        wanted.append((surname_key(entity.name) or "", "surname"))
    for key, why in wanted:
        if key and ledger_id not in cache.lookup(key):
            if key.startswith("p:") or key.startswith("o:"):
                if cache.lookup(key):
                    continue  # the key already names another entity: never steal it
            cache.add_key(key, entity.kind, ledger_id, why)


def _add_variant(cache: _Keys, ledger_id: str, entity: Any, article: Any) -> None:
    row = cache.entities[ledger_id]
    name, variants, roles = row[1], row[2], row[3]
    changed = False
    for variant in (entity.name, *entity.aliases):
        if variant not in variants:
            variants.append(variant)
            changed = True
    if entity.role and not any(r["role"] == entity.role and r["article_id"] == article.id for r in roles):
        roles.append({"role": entity.role, "date": article.pubdate, "article_id": article.id})
        roles.sort(key=lambda r: (r["date"] or "", r["article_id"]))
        changed = True
    # The display name is the longest full form seen (titles dropped).
    best = max(variants, key=lambda v: (len(name_words(v)), -len(v)))
    if changed or best != name:
        row[1] = best
        cache.changed.add(ledger_id)


def resolve_name(con: Any, name: str) -> str | None:
    """The ledger entity a bare name refers to, by the same keys as linking (None when unknown/ambiguous)."""
    candidates = [person_key(name), org_key(name), _alias_keys().get(org_key(name))]
    for key in candidates:
        if key:
            found = _lookup(con, key)
            if len(found) == 1:
                return found[0]
    found = _lookup(con, surname_key(name) or "")
    return found[0] if len(found) == 1 else None
