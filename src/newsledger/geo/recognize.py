"""Toponym recognition over a parsed spaCy ``Doc``: NER places plus gazetteer matching.

The small English model misses or mislabels many toponyms (Maaret al-Numan as PERSON, Hama as ORG, US
state abbreviations not at all). Candidates therefore come from three places:

* NER entities labelled GPE/LOC (always kept, even when the gazetteer does not know them), FAC (kept when
  the gazetteer knows them), and ORG/PERSON/NORP whose whole text is a gazetteer name strong enough in this
  article (a country, a state, a big town, a town of a country the article names);
* capitalised word runs that are gazetteer names, with the same strength test;
* AP-style state abbreviations after a comma (``LEXINGTON, Ky.``) and demonyms (``Syrian``).

Each mention gets a literal/non-literal reading from the parse: ``Washington said`` (subject of a verb),
``Russia's defence ministry`` (possessor), ``U.S. officials`` (modifier of a non-place noun) and demonyms are
non-literal; ``in Idlib`` is literal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fold import fold, skeleton
from .gazetteer import ABBREVIATION, DEMONYM, PRIMARY, SKELETON, Entry, Gazetteer
from .tables import NOT_PLACES, US_STATE_ABBREVIATIONS

PLACE_LABELS = frozenset({"GPE", "LOC"})
MAYBE_LABELS = frozenset({"FAC", "ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})
# Lower-case words allowed inside a multi-word place name.
CONNECTORS = frozenset({"of", "de", "del", "la", "le", "al", "el", "an", "ash", "as", "ad", "ar", "at", "es",
                        "ed", "en", "the", "upon", "on", "du", "des", "da", "do", "dos", "am", "sur", "y", "-",
                        "and"})
# A generic word after a name tells which kind of place is meant ("Idlib province").
GENERIC_AFTER = {
    "province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
    "oblast": "admin1", "prefecture": "admin1", "county": "admin2", "parish": "admin2", "city": "city",
    "town": "city", "village": "city", "district": "admin2",
}
MAX_WORDS = 6
TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "president", "gov", "sen", "rep",
                    "judge", "father"})
# A one-word name the model did not call a place is taken for a town of a country the article names only
# when the town has this many people (lower lets in surnames; tuned on the dev halves).
SINGLE_WORD_TOWN = 10_000
# An admin1 unit of this many people named by its main name tells the article's country (tuned on the dev halves).
ADMIN1_CONTEXT = 1_000_000
BIG_ADMIN2 = 500_000
# Prepositions after which a known town's name is taken for the town (not "to" or "from": "a call from Johnson").
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "into", "throughout", "across",
                                   "around", "via"})
LOCATIVE_TOWN = 1_000
# Nouns of areas a town's name can modify ("the Riverdale area", "Des Moines metro").
AREA_NOUNS = frozenset({"area", "areas", "region", "metro", "suburb", "suburbs", "neighborhood",
                        "neighbourhood", "outskirts", "countryside", "district", "township", "borough"})
# Words of going and coming that make "to X" and "from X" a place.
MOTION_WORDS = frozenset({"travel", "go", "come", "move", "fly", "drive", "return", "head", "flee", "arrive",
                          "journey", "trip", "flight", "road", "route", "way", "relocate", "commute", "walk",
                          "sail", "ride", "run", "evacuate", "deport", "transfer", "bring", "take", "send"})
# Words before a name that narrow it to a part ("Far North Queensland", "north west London", "City of Montreal").
LEADING_MODIFIERS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                               "central", "far", "upper", "lower", "greater", "northwest", "northeast",
                               "southwest", "southeast", "northwestern", "northeastern", "southwestern",
                               "southeastern", "city", "of", "downtown", "inner", "outer", "mid"})
# Nouns a place name can modify or possess and stay a place: "Syria's north", "the Idlib countryside".
PLACE_NOUNS = frozenset({
    "province", "governorate", "city", "town", "village", "capital", "border", "borders", "north", "south",
    "east", "west", "coast", "region", "area", "countryside", "territory", "soil", "airspace", "outskirts",
    "suburb", "suburbs", "district", "county", "state", "neighborhood", "neighbourhood", "airport", "port",
    "streets", "street", "downtown", "centre", "center", "mountains", "valley", "river", "desert", "side",
    "part", "parts", "areas", "cities", "towns", "villages", "oblast", "prefecture", "island", "islands",
    # Things that are in the place, so the name says where they are ("the Turkish market", "Syria's jails",
    # "a Florida resort", "the Morris County gas station"): GeoWebNews' literal modifiers.
    "market", "markets", "economy", "industry", "industries", "sector", "shore", "shores", "waters",
    "coastline", "beach", "beaches", "lake", "lakes", "forest", "forests", "farm", "farms", "mine", "mines",
    "estate", "estates", "station", "stations", "metro", "castle", "resort", "resorts", "hotel", "hotels",
    "restaurant", "restaurants", "jail", "jails", "prison", "prisons", "camp", "camps", "stadium", "road",
    "roads", "highway", "highways", "bridge", "basilica", "cathedral", "church", "park", "parks", "square",
    "provinces", "regions", "states", "counties", "districts", "hub", "foothills", "floor",
    # Travel through the place: "a three-week US tour", "the Amsterdam-London leg".
    "tour", "trip", "leg", "route", "flight", "flights", "journey",
    # Courts and events held in the place: "a Durban court", "Yemen's civil war", "the Iowa campaign".
    "court", "courts", "courthouse", "war", "conflict", "election", "elections", "campaign", "protest",
    "protests", "visit", "appearance", "summit", "shooting", "floods", "earthquake",
})
# Compared folded, as names are ("El Niño" folds to "al nino", "Commonwealth" to "comonwealth").
_NOT_PLACES = frozenset(fold(word) for word in NOT_PLACES)
# Nouns of people and institutions: "the people of Mexico", "the governor of Enugu State", "the Bank of Japan"
# name the place for who acts, not where.
ACTOR_NOUNS = frozenset({
    "people", "citizens", "government", "governments", "governor", "president", "minister", "ministry",
    "prime", "king", "queen", "leader", "leaders", "mayor", "ambassador", "chief", "officials", "bank",
    "foundation", "institute", "organization", "organisation", "university", "college", "embassy", "council",
    "parliament", "army", "navy", "department", "commission", "committee", "agency", "authorities",
    "authority", "company", "laws", "consul", "consulate", "delegation", "representative", "envoy",
})
# Verbs whose subject can be a place taken literally ("Aleppo lies ...").
LOCATIVE_VERBS = frozenset({"be", "lie", "sit", "border", "remain", "stand", "host", "become", "have", "see",
                            "experience", "suffer", "receive", "get", "record", "face"})


# A dateline: a place opening a paragraph (or the text, or a sentence), then perhaps its state or country,
# a date and the agency, then a dash: "TORONTO —", "MANILA, Philippines –", "WASHINGTON, April 5 (Reuters) -",
# "Hanoi (VNA) –". It says where the story was filed: literal, whatever the parser makes of it.
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.' ]{0,30}?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                             r"\s*(?:\([^()\n]{1,40}\))?\s*(?:\u2014|\u2013|--?)\s")
_DATELINE_BEFORE = re.compile(r"(?:^|\n|[.!?]\s)\s*$")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    source: str
    keys: tuple[str, ...]
    hits: list[tuple[Entry, int]] = field(default_factory=list)
    literal: bool = True
    literal_reason: str = "default"
    hint: str | None = None
    qualifier: "Mention | None" = None
    qualified: "Mention | None" = None  # the mention this one qualifies ("Georgia" in "Atlanta, Georgia")
    root: object = None


def _capitalised(token) -> bool:  # type: ignore[no-untyped-def]
    text = token.text
    return text[:1].isupper() and (len(text) > 1 or text.isalpha())


def _trim(doc, start: int, end: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Token range without a leading determiner or a trailing possessive/punctuation."""
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct
                           and doc[end - 1].text != "."):
        end -= 1
    return start, end


def _pieces(doc, start: int, end: int) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Split an entity at commas ("Lewisburg, W.Va." is two places)."""
    out, begin = [], start
    for i in range(start, end):
        if doc[i].text in (",", ";", "/"):
            out.append((begin, i))
            begin = i + 1
    out.append((begin, end))
    return [r for r in (_trim(doc, s, e) for s, e in out) if r[0] < r[1]]


def _keys(text: str) -> tuple[str, ...]:
    """Lookup keys, best first: the folded name, without a generic last word ("Hama province" → hama), and
    the consonant skeleton."""
    key = fold(text)
    keys = [key]
    words = key.split()
    if len(words) > 1 and words[-1] in GENERIC_AFTER:
        words = words[:-1]
        keys.append(" ".join(words))
    lead = 0
    while lead < len(words) - 1 and words[lead] in LEADING_MODIFIERS:
        lead += 1
    if lead:
        keys.append(" ".join(words[lead:]))
    if " " in key or len(key) >= 5:
        keys.append("~" + skeleton(keys[-1]))
    return tuple(keys)


def _hint(text: str) -> str | None:
    words = fold(text).split()
    return GENERIC_AFTER.get(words[-1]) if len(words) > 1 else None


def _windows(doc):  # type: ignore[no-untyped-def]
    """Capitalised token runs of 1..MAX_WORDS tokens (connectors inside only), as (start, end) tokens."""
    n = len(doc)
    for i in range(n):
        if not _capitalised(doc[i]):
            continue
        for j in range(i + 1, min(n, i + MAX_WORDS) + 1):
            last = doc[j - 1]
            if j - 1 > i and not (_capitalised(last) or last.lower_ in CONNECTORS or last.text == "-"):
                break
            if j - 1 > i and "\n" in doc[j - 2].whitespace_:
                break
            if _capitalised(last):
                yield i, j


def recognise(doc, gazetteer: Gazetteer) -> list[Mention]:  # type: ignore[no-untyped-def]
    """Toponym mentions in ``doc``, non-overlapping, in text order, each with its gazetteer hits."""
    text = doc.text
    proposals: list[tuple[int, int, str]] = []  # token ranges and source
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS or ent.label_ in MAYBE_LABELS:
            for s, e in _pieces(doc, ent.start, ent.end):
                proposals.append((s, e, "ner_" + ent.label_.lower()))
    blocked = _blocked_tokens(doc)
    proposals += [(s, e, "gazetteer") for s, e in _windows(doc) if not any(blocked[s:e])]
    for i, token in enumerate(doc):
        abbr = token.text
        if abbr in US_STATE_ABBREVIATIONS or abbr + "." in US_STATE_ABBREVIATIONS:
            if i > 0 and doc[i - 1].text == ",":
                end = i + 1
                if abbr not in US_STATE_ABBREVIATIONS and i + 1 < len(doc) and doc[i + 1].text == ".":
                    end = i + 2
                proposals.append((i, end, "abbreviation"))

    def span_text(s: int, e: int) -> tuple[int, int, str]:
        start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)
        return start, end, text[start:end]

    keys_of = {}
    for s, e, _ in proposals:
        keys_of[(s, e)] = _keys(span_text(s, e)[2])
    hits = gazetteer.lookup_keys(k for keys in keys_of.values() for k in keys)
    context = _context_countries(doc, proposals, keys_of, hits)
    surnames = _person_words(doc)

    chosen: list[Mention] = []
    taken = [False] * len(doc)
    # Longest first; NER places before gazetteer runs of the same length.
    order = sorted(set(proposals), key=lambda p: (-(p[1] - p[0]), p[2] != "ner_gpe" and p[2] != "ner_loc", p[0]))
    for s, e, source in order:
        if any(taken[s:e]):
            continue
        found = _found(keys_of[(s, e)], hits, context)
        if not _accept(doc, s, e, source, found, context, surnames):
            continue
        start, end, surface = span_text(s, e)
        mention = Mention(start, end, surface, source, keys_of[(s, e)], found, root=doc[s:e].root,
                          hint=_hint(surface))
        if found and all(how == DEMONYM for _, how in found):
            mention.literal, mention.literal_reason = False, "demonym"
        chosen.append(mention)
        for i in range(s, e):
            taken[i] = True
    chosen.sort(key=lambda m: m.start)
    _annotate(doc, text, chosen)
    return chosen


def _found(keys: tuple[str, ...], hits, context: set[str]) -> list[tuple[Entry, int]]:  # type: ignore[no-untyped-def]
    """The hits of the first key that has any (the whole name before its shortenings: "West Virginia" is not
    Virginia, "South Africa" not Africa), plus the consonant-skeleton hits. A name found only without its
    leading words ("Far North Queensland" → Queensland, "North London") must be a country, a big town or a
    place of a country the article names: "West Midlands" is not Zimbabwe's Midlands."""
    key = next((k for k in keys if not k.startswith("~") and hits.get(k)), None)
    plain = hits[key] if key is not None else []
    if key is not None and key.split()[0] != keys[0].split()[0]:
        plain = [h for h in plain if h[0].kind in ("country", "continent") or h[0].cc in context
                 or h[0].kind == "city" and (h[0].population >= 200_000 or h[0].capital)]
    return plain + [h for k in keys if k.startswith("~") for h in hits.get(k, [])]


def _context_countries(doc, proposals, keys_of, hits) -> set[str]:  # type: ignore[no-untyped-def]
    """Countries the article names for sure: country names and demonyms, US states (→ US), and the main
    name of another country's big admin1 unit when the model calls it a place (Queensland → Australia, but
    not the "Midlands" of "West Midlands" → Zimbabwe)."""
    found: set[str] = set()
    for s, e, source in proposals:
        named = hits.get(keys_of[(s, e)][0], [])
        country = any(entry.kind == "country" for entry, _ in named)
        for entry, how in named:
            if entry.kind == "country" or (entry.kind == "admin1" and entry.cc == "US" and how != SKELETON):
                found.add(entry.cc)
            elif entry.kind == "admin1" and how == PRIMARY and entry.population >= ADMIN1_CONTEXT and not country \
                    and source in ("ner_gpe", "ner_loc"):
                found.add(entry.cc)
    return found


def _blocked_tokens(doc) -> list[bool]:  # type: ignore[no-untyped-def]
    """Tokens no gazetteer run may use: inside dates, numbers and multi-word person names."""
    blocked = [False] * len(doc)
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY") or \
                ent.label_ == "PERSON" and len(ent) > 1:
            for i in range(ent.start, ent.end):
                blocked[i] = True
    return blocked


def _person_words(doc) -> set[str]:  # type: ignore[no-untyped-def]
    """Words of the article's multi-word person names ("Kelly" once "Megyn Kelly" was named), and
    capitalised words the article also uses in lower case (a common word: "Centre", "Law")."""
    words = {t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    words |= {t.lower_ for t in doc if t.is_lower and t.is_alpha}
    return words


def _accept(doc, s: int, e: int, source: str, found, context: set[str],  # type: ignore[no-untyped-def]
            surnames: set[str]) -> bool:
    if fold(doc[s:e].text) in _NOT_PLACES or doc[s].lower_.rstrip(".") in TITLES:
        return False
    if source in ("ner_gpe", "ner_loc"):
        return not (e - s == 1 and doc[s].lower_ in surnames and doc[s].ent_type_ != "GPE")
    if source == "ner_fac" and not found:
        return e - s > 1  # a named building, road or airport: kept, resolved only by fallback
    if source == "abbreviation":
        return any(how == ABBREVIATION for _, how in found)
    if source == "ner_org":
        found = [h for h in found if h[1] != SKELETON]  # "al-Nusra" is a group, not a look-alike town
    if not found:
        return False
    # "in Riverdale", "at Clarinda": a town's own name after a locative preposition, whatever the model made
    # of it, however small the town, and even when the model also took it for a person's name elsewhere.
    locative = _after_locative(doc[s:e]) and any(entry.kind == "city" and how == PRIMARY and
                                                 entry.population >= LOCATIVE_TOWN for entry, how in found)
    if e - s == 1:
        token = doc[s]
        if token.is_upper and len(token.text) <= 4 and not any(
                entry.kind in ("country", "admin1") and how != SKELETON for entry, how in found):
            return False  # an acronym (RIA, PKK), unless a country's or state's (U.S., DRC, NSW)
        if token.is_stop or len(token.text) < 3 or token.lower_ in surnames and not locative \
                or fold(token.text) in _NOT_PLACES:
            return False
        if source == "gazetteer" and token.pos_ != "PROPN" and not token.is_upper:
            return False
    if source != "ner_norp" and all(how == DEMONYM for _, how in found):
        return False
    return locative or any(_strong(entry, how, context, e - s) for entry, how in found)


def _after_locative(span) -> bool:  # type: ignore[no-untyped-def]
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "compound" and root.head.lower_ in AREA_NOUNS:  # "the Riverdale area"
        return True
    if root.dep_ != "pobj":
        return False
    prep = root.head
    if prep.lower_ in ("to", "from"):  # "travelling to Cirencester from Gloucester", not "a call from Johnson"
        return prep.head.lemma_ in MOTION_WORDS
    return prep.lower_ in LOCATIVE_PREPOSITIONS


def _strong(entry: Entry, how: int, context: set[str], words: int) -> bool:
    """Is this gazetteer hit good enough to call a capitalised phrase a place?"""
    if how == SKELETON:
        return words > 1 and entry.cc in context and entry.kind == "city"
    if how == DEMONYM:
        return True
    if entry.kind in ("country", "continent", "region"):
        return True
    if entry.kind == "admin1":
        return entry.population >= 100_000 or entry.cc in context
    if entry.kind == "admin2":  # a big British county goes by its bare name ("Essex", "Hampshire")
        return entry.cc in context and words > 1 or how == PRIMARY and entry.population >= BIG_ADMIN2
    if entry.population >= 200_000 or entry.capital:
        return True
    return entry.cc in context and (words > 1 or entry.population >= SINGLE_WORD_TOWN)


def _annotate(doc, text: str, mentions: list[Mention]) -> None:  # type: ignore[no-untyped-def]
    """Literal reading, generic-word hints and "Town, State" qualifiers. ``text`` is ``doc.text``, passed in:
    spaCy rebuilds it on every access."""
    by_token = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        m.root = span.root
        for t in span:
            by_token[t.i] = m
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in GENERIC_AFTER:
            m.hint = GENERIC_AFTER[after.lower_]
        if after is not None and after.text == "," and span.end + 1 < len(doc):
            m.qualifier = ("pending", span.end + 1)  # type: ignore[assignment]
        if m.literal and _dateline(text, m.start, m.end):
            m.literal_reason = "dateline"
        elif m.literal:
            m.literal, m.literal_reason = _literal(span)
    for m in mentions:
        if isinstance(m.qualifier, tuple):
            m.qualifier = _qualifier(doc, m, by_token.get(m.qualifier[1]), by_token)
            if m.qualifier is not None and m.qualifier.qualified is None:
                m.qualifier.qualified = m


def _dateline(text: str, start: int, end: int) -> bool:
    return bool(_DATELINE_BEFORE.search(text, max(0, start - 200), start)
                and _DATELINE_AFTER.match(text, end, end + 80))


def _qualifier(doc, mention: Mention, after: Mention | None,  # type: ignore[no-untyped-def]
               by_token: dict[int, Mention]) -> Mention | None:
    """The mention after "Name," when it qualifies the name ("Lewisburg, W.Va.", "Aleppo, Syria"), not when it
    only follows it: the next item of a list ("Washington, New York and Boston") or the start of another phrase
    ("in Russia, U.S. officials said")."""
    if after is None:
        return None
    span = doc.char_span(after.start, after.end, alignment_mode="expand")
    named = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or named is None:
        return None
    head = span.root.head
    if head.i != span.root.i and not named.start <= head.i < named.end and \
            span.root.dep_ not in ("appos", "conj", "npadvmod"):
        return None  # it belongs to what follows ("U.S." of "U.S. officials")
    nxt = span.end
    if nxt < len(doc) and doc[nxt].lower_ in ("and", "or") and nxt + 1 < len(doc) and nxt + 1 in by_token:
        return None
    return after


def _literal(span) -> tuple[bool, str]:  # type: ignore[no-untyped-def]
    root = span.root
    head = root.head
    if root.dep_ == "nsubj" and head.lemma_ not in LOCATIVE_VERBS:
        if head.pos_ in ("VERB", "AUX"):
            return False, "subject_of_" + head.lemma_
    if root.dep_ == "poss" and head.lower_ not in PLACE_NOUNS:
        return False, "possessor_of_" + head.lower_
    if root.dep_ in ("compound", "amod", "nmod") and head.i >= span.end and head.lower_ not in PLACE_NOUNS:
        if head.pos_ in ("NOUN", "PROPN"):
            return False, "modifier_of_" + head.lower_
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ACTOR_NOUNS and head.head.i < span.start:
        return False, "of_" + head.head.lower_  # "the people of Mexico", "the Bank of Japan"
    if root.dep_ == "pobj" and head.lower_ in ("in", "at", "near", "from", "to", "into", "across", "around",
                                                "outside", "inside", "throughout", "between", "toward",
                                                "towards", "over", "within", "through"):
        return True, "object_of_" + head.lower_
    return True, "default"
