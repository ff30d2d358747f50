"""PLOVER categories for event triggers, read off the dependency parse.

    from newsledger.nlp.plover import classify, triggers
    triggers(doc)                 # [(token, Category("ASSAULT", "aerial", "verb_bomb:instrument_warplane")), ...]
    classify(doc[5])              # one token -> Category | None

A trigger is a verb (``bombed``, ``agreed``), a verb with a particle (``called off``, ``beat up``), a light
verb with an event noun as object (``held talks``, ``imposed sanctions``, ``opened fire``) or an event noun
(``air strikes``, ``sanctions``, ``a hunger strike``). Reporting verbs (say, tell, announce, ...) are never
events: plain statements are quotes.

Two PLOVER rules that look past the word itself:

* intentions: a cooperative act that is only promised (``will support``, ``is willing to send``, ``plans to``)
  is AGREE; a hostile one (``would blockade``, ``plans to impose restrictions``) is THREATEN;
* obligations: ``X must / should do Y`` stated by a speaker is a REQUEST of X.

The lexicon below is our own wording of PLOVER's category definitions (openeventdata/PLOVER, CC BY-SA 4.0),
tuned on the dev half of ``plover_gsr.jsonl`` (see ``newsledger.eval.plover``). Modes use the names of the
PLOVER gold where it has one (``ASSAULT/aerial``, ``COERCE/arrest``, ``PROTEST/obstruct`` ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from spacy.tokens import Doc, Token

CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
              "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
COOPERATIVE = frozenset("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT".split())
HOSTILE = frozenset("SANCTION MOBILIZE COERCE ASSAULT PROTEST".split())


@dataclass(frozen=True, slots=True)
class Category:
    category: str
    mode: str | None
    reason: str


# ------------------------------------------------------------------------------------------------ lexicon

def _table(spec: dict[tuple[str, str | None], str]) -> dict[str, tuple[str, str | None]]:
    return {word: key for key, words in spec.items() for word in words.split()}


# Plain statements: never events.
REPORTING = frozenset(
    "say tell add state announce explain note report declare quote write reply respond comment mention "
    "confirm insist reiterate stress argue believe think acknowledge describe estimate indicate disclose reveal "
    "conclude predict suggest maintain contend assert claim recall testify emphasize emphasise speak "
    "hear learn know see brief".split())

VERBS = _table({
    ("AGREE", None): "agree promise pledge offer ratify sign accept approve consent commit settle guarantee "
                     "endorse",
    ("CONSULT", None): "meet discuss negotiate consult confer talk",
    ("CONSULT", "visit"): "visit tour",
    ("CONSULT", "host"): "host receive",
    ("CONSULT", "phone"): "telephone phone",
    ("CONSULT", "multilateral"): "mediate",
    ("SUPPORT", None): "support back praise defend commend hail applaud welcome upgrade recognize recognise "
                       "apologize apologise thank congratulate",
    ("CONCEDE", None): "concede ease relax release free pardon compromise yield shorten relent allow permit",
    ("COOPERATE", None): "cooperate collaborate coordinate ally partner share extradite",
    ("AID", None): "donate aid supply provide deliver fund finance evacuate rescue airlift help assist shelter "
                   "feed",
    ("RETREAT", None): "withdraw retreat resign surrender disarm demobilize demobilise abdicate compensate",
    ("REQUEST", None): "request ask demand urge appeal press pressure petition plead seek invite implore "
                       "order",
    ("ACCUSE", None): "accuse blame condemn denounce criticize criticise complain charge indict sue allege "
                      "investigate probe deplore censure",
    ("REJECT", None): "reject refuse veto dismiss deny spurn rebuff oppose",
    ("THREATEN", None): "threaten warn",
    ("PROTEST", "demo-org"): "demonstrate rally march picket",
    ("PROTEST", "riot-spon"): "riot",
    ("PROTEST", "obstruct"): "block barricade",
    ("SANCTION", None): "sanction embargo boycott suspend sever freeze recall",
    ("MOBILIZE", "troops"): "deploy mobilize mobilise mass",
    ("MOBILIZE", "police"): "patrol",
    ("COERCE", "arrest"): "arrest",
    ("COERCE", "detain"): "detain jail imprison kidnap abduct hold",
    ("COERCE", "deport"): "deport expel",
    ("COERCE", "confiscate"): "seize confiscate",
    ("COERCE", "ban"): "ban outlaw prohibit",
    ("COERCE", "censor"): "censor",
    ("COERCE", "destroy"): "demolish raze torch bulldoze",
    ("COERCE", "restrict"): "blockade restrict",
    ("COERCE", None): "sentence convict execute",
    ("ASSAULT", None): "attack strike hit kill assault raid storm target wound injure ambush massacre murder "
                       "clash fight invade overrun behead violate",
    ("ASSAULT", "aerial"): "bomb airstrike",
    ("ASSAULT", "heavy-weapons"): "shell capture retake",
    ("ASSAULT", "firearms"): "shoot gun",
    ("ASSAULT", "explosives"): "explode detonate",
    ("ASSAULT", "assassinate"): "assassinate",
    ("ASSAULT", "torture"): "torture",
    ("ASSAULT", "beat"): "beat",
    ("ASSAULT", "sexual"): "rape",
})

# Verb + particle (or a fixed preposition) that changes the meaning.
PHRASALS: dict[tuple[str, str], tuple[str, str | None]] = {
    ("blow", "up"): ("COERCE", "destroy"), ("beat", "up"): ("ASSAULT", "beat"),
    ("call", "off"): ("CONCEDE", None), ("back", "down"): ("CONCEDE", None),
    ("step", "down"): ("RETREAT", None), ("pull", "out"): ("RETREAT", None), ("pull", "back"): ("RETREAT", None),
    ("stand", "down"): ("RETREAT", None), ("hand", "over"): ("CONCEDE", None), ("give", "up"): ("CONCEDE", None),
    ("lay", "down"): ("RETREAT", None), ("crack", "down"): ("COERCE", None), ("shut", "down"): ("COERCE", "restrict"),
    ("call", "for"): ("REQUEST", None), ("push", "for"): ("REQUEST", None), ("ask", "for"): ("REQUEST", None),
    ("press", "for"): ("REQUEST", None), ("turn", "down"): ("REJECT", None), ("cut", "off"): ("SANCTION", None),
    ("break", "off"): ("SANCTION", None), ("set", "up"): (None, None),  # type: ignore[dict-item]
    ("open", "fire"): ("ASSAULT", "firearms"), ("fire", "on"): ("ASSAULT", "firearms"),
    ("fire", "at"): ("ASSAULT", "firearms"), ("open", "up"): ("CONCEDE", None),
}

# Event nouns: the meaning a light verb (hold, launch, impose, ...) takes from its object, or a nominal
# trigger ("air strikes", "talks", "sanctions").
NOUNS = _table({
    ("AGREE", None): "agreement accord deal treaty pact consensus ceasefire cease-fire truce settlement "
                     "promise pledge",
    ("CONSULT", None): "talk talks meeting negotiation negotiations summit consultation conference dialogue",
    ("CONSULT", "visit"): "visit trip",
    ("CONSULT", "host"): "welcome reception",
    ("CONSULT", "multilateral"): "mediation",
    ("SUPPORT", None): "support endorsement praise apology",
    ("CONCEDE", None): "concession step steps amnesty pardon",
    ("COOPERATE", None): "cooperation exercise exercises games expertise intelligence",
    ("AID", None): "aid assistance relief donation loan grant supplies asylum refuge",
    ("RETREAT", None): "withdrawal pullout pullback retreat resignation compensation",
    ("REQUEST", None): "request appeal demand call plea ultimatum petition reminder",
    ("ACCUSE", None): "accusation complaint charge charges investigation investigations probe inquiry hearing "
                      "lawsuit allegation criticism",
    ("REJECT", None): "rejection refusal veto",
    ("THREATEN", None): "threat warning",
    ("PROTEST", "demo-org"): "protest protests demonstration demonstrations rally rallies march sit-in vigil",
    ("PROTEST", "strike-gen"): "walkout stoppage",
    ("PROTEST", "riot-spon"): "riot riots",
    ("SANCTION", None): "sanction sanctions embargo boycott",
    ("MOBILIZE", "troops"): "alert deployment mobilization reinforcements patrols",
    ("COERCE", "arrest"): "arrest arrests crackdown",
    ("COERCE", "curfew"): "curfew",
    ("COERCE", "martial-law"): "law",
    ("COERCE", "restrict"): "blockade blockades restriction restrictions",
    ("COERCE", "destroy"): "fire",
    ("ASSAULT", None): "attack attacks offensive assault raid raids bombardment fighting battle massacre "
                       "ambush killing",
    ("ASSAULT", "aerial"): "airstrike airstrikes air-strike sortie sorties",
    ("ASSAULT", "heavy-weapons"): "shelling artillery",
    ("ASSAULT", "explosives"): "bombing bombings",
    ("ASSAULT", "firearms"): "gunfire shooting",
    ("ASSAULT", "torture"): "torture",
    ("ASSAULT", "other"): "cleansing genocide",
})

# Verbs whose meaning is their object's ("held talks", "imposed sanctions", "launched an offensive").
LIGHT_VERBS = frozenset(
    "hold stage launch begin start continue conduct carry impose reimpose make issue take organize organise "
    "lodge file open reach renew resume undertake give grant mount lead join extend sign declare announce "
    "institute enforce use send stage".split())
# Verbs that undo their object: "lifted sanctions", "eased the curfew", "cancelled restrictions".
UNDOING = frozenset("lift ease cancel end relax remove shorten scrap revoke drop".split())
UNDONE = frozenset("SANCTION COERCE THREATEN".split())

# Verbs that stop what their object names: "halted talks", "suspended aid".
HALTING = frozenset("halt suspend stop cancel freeze end cut postpone".split())
# Governors of intentions: "plans to impose", "is willing to withdraw", "is prepared to".
INTENT_GOVERNORS = frozenset("plan intend prepare aim expect hope consider mull willing ready prepared "
                             "determined set".split())
INTENT_AUX = frozenset("will would shall 'll wo may might could".split())
OBLIGATION_AUX = frozenset("must should".split())

# Nouns in a trigger's phrase (subject, object, "with"/"in" instruments) that give an ASSAULT mode.
INSTRUMENTS = _table({
    ("ASSAULT", "aerial"): "warplane warplanes jet jets aircraft plane planes helicopter helicopters drone "
                           "drones bomber bombers air airstrike airstrikes sortie sorties",
    ("ASSAULT", "explosives"): "bomb bombs explosive explosives bombing grenade grenades mine mines ied",
    ("ASSAULT", "suicide-attack"): "suicide",
    ("ASSAULT", "heavy-weapons"): "artillery mortar mortars rocket rockets missile missiles tank tanks shell "
                                  "shells",
    ("ASSAULT", "firearms"): "gun guns gunfire gunbattle gunmen rifle rifles bullet bullets",
    ("ASSAULT", "primitive"): "machete machetes knife knives stone stones axe axes",
})

# Nouns that make "strike" a labour action rather than a blow.
_STRIKE_LABOUR = {"hunger": "strike-hun", "general": "strike-gen", "labour": "strike-gen",
                  "labor": "strike-gen", "national": "strike-gen"}
# Crowds: "protest" by these is a demonstration, by anyone else an accusation.
CROWDS = frozenset("people protesters protestors demonstrators students workers thousands hundreds dozens "
                   "crowd crowds residents villagers youths supporters activists farmers women "
                   "teachers".split())
_ARGS = {"nsubj", "nsubjpass", "dobj", "pobj", "agent", "attr", "compound", "amod", "npadvmod"}


# ------------------------------------------------------------------------------------------------ helpers

def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _particle(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ == "prt":
            return child.lower_
    return None


def _objects(tok: Token) -> list[Token]:
    """Direct objects (and an object after ``to``/``for``-less datives), conjuncts included."""
    out = []
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            out.append(child)
            out.extend(c for c in child.children if c.dep_ == "conj")
        elif child.dep_ == "prep" and child.lower_ in ("to", "into", "on") and tok.lemma_ in ("resort", "go"):
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return out


def _noun_category(noun: Token) -> tuple[str, str | None, str] | None:
    """The category of an event noun, looking at its compounds (``hunger strike``, ``air strikes``)."""
    lemma, lower = _lemma(noun), noun.lower_
    mods = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    if lemma == "strike" or lower == "strikes":
        for mod in mods:
            if mod in _STRIKE_LABOUR:
                return "PROTEST", _STRIKE_LABOUR[mod], f"noun_{mod}_strike"
        if mods & {"air", "missile", "drone", "aerial"}:
            return "ASSAULT", "aerial", "noun_air_strike"
        return "ASSAULT", None, "noun_strike"
    if lemma == "raid" and "air" in mods:
        return "ASSAULT", "aerial", "noun_air_raid"
    if lemma == "law" and "martial" not in mods:
        return None
    if lemma == "fire" and noun.head.lemma_ not in ("set",):
        return "ASSAULT", "firearms", "noun_fire"
    if lemma == "game" or lower == "games":
        return ("COOPERATE", None, "noun_war_games") if "war" in mods else None
    hit = NOUNS.get(lower) or NOUNS.get(lemma)
    if hit is None:
        return None
    return hit[0], hit[1], f"noun_{lemma}"


def _instrument_mode(trigger: Token) -> str | None:
    """An ASSAULT mode from the words around the trigger: subject, object and ``with``/``in`` phrases."""
    words: list[Token] = []
    for child in trigger.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "prep", "advcl", "npadvmod"):
            words.extend(t for t in child.subtree if t.dep_ != "relcl")
    words.append(trigger)
    modes = [INSTRUMENTS[w.lemma_.lower()][1] for w in words if w.lemma_.lower() in INSTRUMENTS]
    if not modes:
        return None
    order = ("suicide-attack", "aerial", "explosives", "heavy-weapons", "firearms", "primitive")
    return min(modes, key=lambda m: order.index(m) if m in order else len(order))


def _intent(tok: Token) -> str | None:
    """Why ``tok`` is only intended: a future/modal auxiliary or an intention governor, else None."""
    for child in tok.children:
        if child.dep_ == "aux" and child.lower_ in INTENT_AUX:
            return f"aux_{child.lower_}"
    head = tok.head
    if tok.dep_ == "xcomp" and head is not tok:
        if _lemma(head) in INTENT_GOVERNORS or head.lower_ in INTENT_GOVERNORS:
            return f"governed_by_{_lemma(head)}"
        if head.dep_ in ("acomp",) and head.lower_ in INTENT_GOVERNORS:
            return f"governed_by_{head.lower_}"
    return None


def _obligation(tok: Token) -> str | None:
    for child in tok.children:
        if child.dep_ == "aux" and child.lower_ in OBLIGATION_AUX:
            return f"aux_{child.lower_}"
    return None


# ------------------------------------------------------------------------------------------------ classify

def _lexical(tok: Token) -> tuple[str, str | None, str] | None:
    """The category the word itself (with particle and object) names, before modality."""
    lemma = _lemma(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_category(tok)
    if tok.pos_ not in ("VERB", "AUX") and tok.tag_ not in ("VBN", "VBG", "VBD"):
        return None
    if lemma in REPORTING:
        return None
    particle = _particle(tok)
    if particle is not None and (lemma, particle) in PHRASALS:
        cat, mode = PHRASALS[(lemma, particle)]
        return (cat, mode, f"phrasal_{lemma}_{particle}") if cat else None
    for child in tok.children:
        if child.dep_ == "prep" and (lemma, child.lower_) in PHRASALS:
            cat, mode = PHRASALS[(lemma, child.lower_)]
            if cat:
                return cat, mode, f"verb_{lemma}_{child.lower_}"
    objects = _objects(tok)
    if lemma in ("open",) and any(_lemma(o) == "fire" for o in objects):
        return "ASSAULT", "firearms", "verb_open_fire"
    if lemma == "set" and any(_lemma(o) == "fire" for o in objects) or \
            lemma == "set" and any(c.dep_ == "prep" for c in tok.children) and \
            any(t.lemma_ == "fire" for c in tok.children for t in c.subtree):
        return "COERCE", "destroy", "verb_set_fire"
    if lemma in ("lodge", "file", "register") and any(_lemma(o) in ("protest", "complaint") for o in objects):
        return "ACCUSE", None, f"verb_{lemma}_complaint"
    if lemma in ("accept", "meet", "grant") and any(_lemma(o) in ("demand", "request") for o in objects):
        return "CONCEDE", None, f"verb_{lemma}_demands"
    if lemma in HALTING:
        for obj in objects:
            hit = _noun_category(obj)
            if hit and hit[0] in ("CONSULT", "AID", "COOPERATE", "SUPPORT"):
                return "SANCTION", None, f"halt_{_lemma(obj)}"
    if lemma == "order":
        for obj in objects:
            hit = _noun_category(obj)
            if hit and hit[0] in HOSTILE:
                return hit[0], hit[1], f"order_{hit[2]}"
    if lemma in UNDOING:
        for obj in objects:
            hit = _noun_category(obj)
            if hit and hit[0] in UNDONE:
                return "CONCEDE", None, f"undo_{_lemma(obj)}"
    if lemma in LIGHT_VERBS or lemma in ("use", "throw", "shun", "collect"):
        for obj in objects:
            hit = _noun_category(obj)
            if hit:
                return hit[0], hit[1], f"light_{lemma}_{hit[2]}"
        if lemma == "use" and any(o.lower_ == "gas" for o in objects):
            return "PROTEST", "riot", "verb_use_tear_gas"
        if lemma == "throw" and any(_lemma(o) == "stone" for o in objects):
            return "PROTEST", "riot-spon", "verb_throw_stones"
        if lemma == "shun" and any(_lemma(o) == "work" for o in objects):
            return "PROTEST", "strike-gen", "verb_shun_work"
        if lemma == "collect" and any(_lemma(o) == "signature" for o in objects):
            return "PROTEST", "demo-org", "verb_collect_signatures"
    if lemma == "strike":
        if any(_lemma(o) in ("deal", "agreement", "accord") for o in objects):
            return "AGREE", None, "verb_strike_deal"
        if any(c.dep_ == "prep" and c.lower_ == "on" for c in tok.children) or \
                any(c.lower_ in CROWDS for c in tok.children if c.dep_ == "nsubj"):
            return "PROTEST", "strike-gen", "verb_strike_labour"
    if lemma == "go" and any(c.dep_ == "prep" and c.lower_ == "on" and any(_lemma(p) == "strike" for p in c.children)
                             for c in tok.children):
        return "PROTEST", "strike-gen", "verb_go_on_strike"
    if lemma in ("send", "give", "provide", "offer") and objects:
        for obj in objects:
            if _lemma(obj) in ("troop", "force", "soldier", "warship", "reinforcement") and lemma == "send":
                return "MOBILIZE", "troops", "verb_send_troops"
            hit = _noun_category(obj)
            if hit and hit[0] in ("AID", "CONSULT", "SUPPORT") and lemma != "offer":
                return hit[0], hit[1], f"verb_{lemma}_{hit[2]}"
        if lemma == "send" and any(_lemma(o) in ("arm", "weapon", "food", "medicine", "supply", "money", "material")
                                   for o in objects):
            return "AID", None, "verb_send_goods"
    if lemma == "remain" and any(t.lemma_ == "alert" for c in tok.children for t in c.subtree):
        return "MOBILIZE", "troops", "verb_remain_on_alert"
    if lemma == "protest":
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        crowd = subj is not None and (subj.lower_ in CROWDS or any(c.dep_ == "nummod" for c in subj.children))
        if crowd or tok.dep_ in ("xcomp", "advcl", "acl"):
            return "PROTEST", "demo-org", "verb_protest_crowd"
        return "ACCUSE", None, "verb_protest_complaint"
    if lemma == "expel" and any(_lemma(o) in ("diplomat", "ambassador", "envoy", "attache") for o in objects):
        return "SANCTION", None, "verb_expel_diplomats"
    if lemma == "cancel" and any(_lemma(o) in ("visit", "trip", "meeting", "talk", "talks") for o in objects):
        return "SANCTION", None, "verb_cancel_visit"
    if lemma in ("reduce", "cut", "halt", "stop") and any(_lemma(o) in ("aid", "supply", "supplies", "tie", "relation", "assistance")
                                                      for o in objects):
        return "SANCTION", None, f"verb_{lemma}_{_lemma(objects[0])}"
    if lemma == "fail" and any(c.dep_ == "xcomp" for c in tok.children):
        return "REJECT", None, "verb_fail_to"
    if lemma == "close" and any(_lemma(o) in ("border", "crossing", "embassy", "road") for o in objects):
        return "COERCE", "restrict", "verb_close_border"
    if lemma == "open" and any(_lemma(o) in ("border", "crossing", "bridge") for o in objects):
        return "CONCEDE", None, "verb_open_border"
    if lemma == "hold" and not any(_lemma(o) in ("hostage", "civilian", "prisoner", "people") or
                                   any(c.lower_ == "hostage" for c in o.subtree) for o in objects) \
            and not any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
        return None
    if lemma in VERBS:
        cat, mode = VERBS[lemma]
        return cat, mode, f"verb_{lemma}"
    return None


def classify(trigger: Token) -> Category | None:
    """The PLOVER category of ``trigger`` (a verb or event noun of a parsed doc), or None when it names no
    event (reporting verbs, words outside the lexicon). ``reason`` says which rule decided."""
    hit = _lexical(trigger)
    is_verb = trigger.pos_ in ("VERB", "AUX")
    if hit is None:
        if is_verb and _lemma(trigger) not in REPORTING and _obligation(trigger) and _under_speech(trigger):
            return Category("REQUEST", None, f"obligation_{_obligation(trigger)}")
        return None
    cat, mode, why = hit
    if cat == "ASSAULT" and mode in (None, "aerial") and _lemma(trigger) not in ("shell", "capture", "retake"):
        found = _instrument_mode(trigger)
        if found is not None and (mode is None or found in ("aerial", "suicide-attack")):
            mode, why = found, f"{why}:instrument_{found}"
    if cat == "THREATEN":
        comp = _complement(trigger)
        inner = _lexical(comp) if comp is not None else None
        if inner is not None:
            mode = _threat_mode(inner)
            why = f"{why}:{inner[2]}"
    if is_verb:
        if _obligation(trigger) and cat not in ("REQUEST", "REJECT", "ACCUSE") and _under_speech(trigger):
            return Category("REQUEST", None, f"{why}:obligation")
        intent = _intent(trigger)
        if intent is not None:
            if cat in COOPERATIVE and cat != "AGREE":
                return Category("AGREE", None, f"{why}:intent_{intent}")
            if cat in HOSTILE:
                return Category("THREATEN", _threat_mode((cat, mode, why)), f"{why}:intent_{intent}")
    return Category(cat, mode, why)


def _threat_mode(inner: tuple[str, str | None, str]) -> str | None:
    cat, mode, _ = inner
    if cat == "ASSAULT":
        return "violence"
    if mode in ("curfew", "martial-law"):
        return mode
    if cat in ("COERCE", "PROTEST") or mode == "restrict":
        return "restrict"
    if cat == "SANCTION":
        return "relations"
    return None


def _complement(tok: Token) -> Token | None:
    return next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp")), None) or \
        next((c for c in tok.children if c.dep_ == "dobj"), None)


def _under_speech(tok: Token) -> bool:
    """``tok`` is the content of a speech or mental act ("said that X must ..."), or the sentence root."""
    head = tok.head
    return tok.dep_ == "ROOT" or (tok.dep_ in ("ccomp", "conj") and (_lemma(head) in REPORTING or
                                                                       head.pos_ == "VERB"))


# ------------------------------------------------------------------------------------------------ finding

def _governed(tok: Token, found: dict[int, Category]) -> bool:
    """``tok`` is the complement of another trigger ("agreed to *cooperate*", "threatened to *ban*")."""
    return tok.dep_ in ("xcomp", "ccomp", "dobj", "pobj") and tok.head.i in found and tok.head.i != tok.i


def _nominal_ok(tok: Token) -> bool:
    """An event noun is its own trigger only when no verb already carries it (object of a light verb) and it
    is an argument (``since the launch of Russian air strikes``, ``The air strikes targeted``)."""
    return tok.dep_ in _ARGS or tok.dep_ in ("conj", "appos", "ROOT")


def triggers(doc: Doc | Iterable[Token]) -> list[tuple[Token, Category]]:
    """Every event trigger of ``doc`` (or of a span/sentence) in text order, with its category.

    A complement of another trigger is not reported again (``threatened to ban`` is one THREATEN), nor is
    the object of a light verb (``imposed sanctions`` is one SANCTION, on ``imposed``)."""
    tokens = list(doc)
    found: dict[int, Category] = {}
    for tok in tokens:
        if tok.pos_ in ("VERB", "AUX"):
            cat = classify(tok)
            if cat is not None:
                found[tok.i] = cat
    out: dict[int, Category] = {}
    for tok in tokens:
        if tok.i in found:
            if not _governed(tok, found):
                out[tok.i] = found[tok.i]
        elif tok.pos_ in ("NOUN", "PROPN") and _nominal_ok(tok) and tok.head.i not in found:
            cat = classify(tok)
            if cat is not None and not (tok.dep_ == "compound"):
                out[tok.i] = cat
    by_i = {t.i: t for t in tokens}
    return [(by_i[i], out[i]) for i in sorted(out)]


def main_event(sent: Iterable[Token]) -> tuple[Token, Category] | None:
    """The event a one-event sentence reports: the trigger nearest the root (reporting verbs are passed
    through to their content, transparent verbs to their complement), verbs before nouns at equal depth."""
    tokens = list(sent)
    if not tokens:
        return None
    root = next((t for t in tokens if t.dep_ == "ROOT"), tokens[0])
    level, seen = [root], {root.i}
    inside = {t.i for t in tokens}
    while level:
        verbs = [t for t in level if t.pos_ in ("VERB", "AUX")]
        nouns = [t for t in level if t.pos_ in ("NOUN", "PROPN")]
        # Content clauses of a reporting verb come first: "X said Y must ..." is about Y.
        for tok in verbs + nouns:
            cat = classify(tok)
            if cat is not None:
                return tok, cat
        nxt = []
        for tok in level:
            kids = sorted(tok.children, key=lambda c: (c.dep_ not in ("ccomp", "xcomp", "dobj", "conj"), c.i))
            for child in kids:
                if child.i in inside and child.i not in seen:
                    seen.add(child.i)
                    nxt.append(child)
        level = nxt
    return None
