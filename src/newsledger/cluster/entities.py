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


def link_entities(con: Any, articles: Sequence[Any]) -> int:
    """Link the person/organization entities of new ``articles`` to ledger entities (caller's transaction).
    Returns the number of links written."""
    from ..store.bulk import insert_rows

    links: list[list[Any]] = []
    for article in articles:
        acronyms = defined_acronyms(article.text)
        people = [e for e in article.entities if e.kind in KINDS]
        for entity in people:
            ledger_id, reason = _resolve_or_create(con, entity, article, acronyms, people)
            links.append([entity.id, article.id, ledger_id, reason])
    insert_rows(con, "entity_links", ["entity_id", "article_id", "ledger_entity_id", "reason"], links)
    return len(links)


def _lookup(con: Any, key: str) -> list[str]:
    return [r[0] for r in con.execute("SELECT DISTINCT ledger_entity_id FROM entity_keys WHERE key = ? "
                                      "ORDER BY 1", [key]).fetchall()]


def _resolve_or_create(con: Any, entity: Any, article: Any, acronyms: dict[str, str],
                       same_article: Sequence[Any]) -> tuple[str, str]:
    keys = _keys_for(entity, acronyms, same_article)
    ledger_id, reason = None, ""
    for key, why in keys:
        found = _lookup(con, key)
        if len(found) == 1:
            ledger_id, reason = found[0], why
            break
    if ledger_id is None and entity.kind == "person" and not person_key(entity.name):
        found = _lookup(con, surname_key(entity.name) or "")
        if len(found) == 1:
            ledger_id, reason = found[0], "surname_unique"
        elif found:
            reason = f"surname_ambiguous:{len(found)}"
    if ledger_id is None:
        ledger_id = content_id("le_", entity.kind, keys[0][0] if keys else "p:" + " ".join(name_words(entity.name)))
        if _lookup_entity(con, ledger_id) is None:
            con.execute("INSERT INTO ledger_entities VALUES (?, ?, ?, '[]', '[]', ?)",
                        [ledger_id, entity.kind, entity.name, f"new:{reason or 'no_match'}"]).fetchall()
        reason = f"new:{reason or 'no_match'}"
    _add_keys(con, ledger_id, entity, keys)
    _add_variant(con, ledger_id, entity, article)
    return ledger_id, reason


def _lookup_entity(con: Any, ledger_id: str) -> tuple[Any, ...] | None:
    rows = con.execute("SELECT name, variants, roles FROM ledger_entities WHERE id = ?", [ledger_id]).fetchall()
    return rows[0] if rows else None


def _add_keys(con: Any, ledger_id: str, entity: Any, keys: Sequence[tuple[str, str]]) -> None:
    wanted = list(keys)
    if entity.kind == "person" and person_key(entity.name):
        wanted.append((surname_key(entity.name) or "", "surname"))
    for key, why in wanted:
        if key and ledger_id not in _lookup(con, key):
            if key.startswith("p:") or key.startswith("o:"):
                if _lookup(con, key):
                    continue  # the key already names another entity: never steal it
            con.execute("INSERT INTO entity_keys VALUES (?, ?, ?, ?)", [key, entity.kind, ledger_id, why]).fetchall()


def _add_variant(con: Any, ledger_id: str, entity: Any, article: Any) -> None:
    row = _lookup_entity(con, ledger_id)
    name, variants, roles = row[0], json.loads(row[1]), json.loads(row[2])
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
        con.execute("UPDATE ledger_entities SET name = ?, variants = ?, roles = ? WHERE id = ?",
                    [best, json.dumps(variants, ensure_ascii=False), json.dumps(roles, ensure_ascii=False),
                     ledger_id]).fetchall()


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
