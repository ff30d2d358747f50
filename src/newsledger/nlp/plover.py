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

The lexicon below is our own wording of PLOVER's category definitions and of the CAMEO categories they
collapse (openeventdata/PLOVER, CC BY-SA 4.0), first tuned on the dev half of ``plover_gsr.jsonl`` (see
``newsledger.eval.plover``), then broadened from the definitions: synonyms, spelling variants, particles, and
verbs whose category depends on their arguments (``allowed inspectors in`` RETREAT, ``withdrew its
ambassador`` SANCTION, ``signed a treaty`` SUPPORT, ``did not accept`` REJECT). Modes use the names of the
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
    ("AGREE", None): "agree promise pledge offer accept approve consent commit settle guarantee volunteer "
                     "undertake propose",
    ("CONSULT", None): "meet discuss negotiate consult confer talk convene reconvene parley",
    ("CONSULT", "visit"): "visit tour",
    ("CONSULT", "host"): "host receive",
    ("CONSULT", "phone"): "telephone phone",
    ("CONSULT", "multilateral"): "mediate",
    ("SUPPORT", None): "support back praise defend commend hail applaud welcome upgrade recognize recognise "
                       "apologize apologise thank congratulate endorse laud salute extol champion uphold "
                       "forgive sign ratify initial finalize finalise normalize normalise embrace favor favour",
    ("CONCEDE", None): "concede ease relax pardon compromise yield shorten relent allow permit accede acquiesce "
                       "waive legalize legalise reinstate loosen soften renounce forgo forsake commute unfreeze "
                       "backtrack",
    ("COOPERATE", None): "cooperate collaborate coordinate ally partner share extradite invest",
    ("AID", None): "donate aid supply provide deliver fund finance evacuate rescue airlift help assist shelter "
                   "feed contribute lend loan subsidize subsidise bankroll distribute airdrop equip train",
    ("RETREAT", None): "withdraw retreat resign surrender disarm demobilize demobilise abdicate compensate "
                       "release free repatriate cede vacate capitulate dismantle decommission demilitarize "
                       "demilitarise quit",
    ("REQUEST", None): "request ask demand urge appeal press pressure petition plead seek invite implore "
                       "order beg exhort entreat beseech solicit lobby encourage",
    ("ACCUSE", None): "accuse blame condemn denounce criticize criticise complain charge indict sue allege "
                      "investigate probe deplore censure decry slam blast fault chide rebuke reprimand scold "
                      "castigate lambaste assail berate vilify denigrate defame smear disparage deride "
                      "ridicule lament bemoan impeach prosecute inspect audit scrutinize scrutinise disapprove summon",
    ("REJECT", None): "reject refuse veto dismiss deny spurn rebuff oppose decline resist defy disregard ignore "
                      "snub repudiate disobey flout rebut refute renege balk",
    ("THREATEN", None): "threaten warn menace",
    ("PROTEST", "demo-org"): "demonstrate rally march picket chant",
    ("PROTEST", "riot-spon"): "riot",
    ("PROTEST", "obstruct"): "block barricade",
    ("SANCTION", None): "sanction embargo boycott suspend sever freeze recall downgrade terminate curtail "
                        "withhold blacklist penalize penalise",
    ("MOBILIZE", "troops"): "deploy mobilize mobilise mass redeploy amass muster station garrison",
    ("MOBILIZE", "police"): "patrol",
    ("COERCE", "arrest"): "arrest apprehend nab",
    ("COERCE", "detain"): "detain jail imprison kidnap abduct hold hijack intern incarcerate",
    ("COERCE", "deport"): "deport expel exile banish evict",
    ("COERCE", "confiscate"): "seize confiscate expropriate nationalize nationalise impound annex occupy",
    ("COERCE", "ban"): "ban outlaw prohibit forbid bar proscribe dissolve",
    ("COERCE", "censor"): "censor gag muzzle",
    ("COERCE", "destroy"): "demolish raze torch bulldoze destroy damage wreck flatten dynamite burn",
    ("COERCE", "restrict"): "blockade restrict curb",
    ("COERCE", None): "sentence convict execute hang suppress repress persecute harass intimidate",
    ("ASSAULT", None): "attack strike hit kill assault raid storm target wound injure ambush massacre murder "
                       "clash fight invade overrun behead violate slay slaughter maim butcher retaliate "
                       "besiege battle skirmish torpedo sink poison strangle liberate decapitate pound bombard",
    ("ASSAULT", "aerial"): "bomb airstrike strafe",
    ("ASSAULT", "heavy-weapons"): "shell capture retake recapture",
    ("ASSAULT", "firearms"): "shoot gun",
    ("ASSAULT", "explosives"): "explode detonate",
    ("ASSAULT", "assassinate"): "assassinate",
    ("ASSAULT", "torture"): "torture",
    ("ASSAULT", "beat"): "beat lynch flog whip batter club",
    ("ASSAULT", "primitive"): "stab",
    ("ASSAULT", "sexual"): "rape molest",
})

# Verb + particle (or a fixed preposition) that changes the meaning.
PHRASALS: dict[tuple[str, str], tuple[str, str | None]] = {
    ("blow", "up"): ("COERCE", "destroy"), ("beat", "up"): ("ASSAULT", "beat"),
    ("call", "off"): ("CONCEDE", None), ("back", "down"): ("CONCEDE", None), ("back", "off"): ("CONCEDE", None),
    ("step", "down"): ("RETREAT", None), ("pull", "out"): ("RETREAT", None), ("pull", "back"): ("RETREAT", None),
    ("stand", "down"): ("RETREAT", None), ("hand", "over"): ("CONCEDE", None), ("give", "up"): ("CONCEDE", None),
    ("hand", "back"): ("RETREAT", None), ("give", "back"): ("RETREAT", None), ("move", "out"): ("RETREAT", None),
    ("ship", "out"): ("RETREAT", None),
    ("lay", "down"): ("RETREAT", None), ("crack", "down"): ("COERCE", None), ("shut", "down"): ("COERCE", "restrict"),
    ("clamp", "down"): ("COERCE", None), ("round", "up"): ("COERCE", "arrest"), ("lock", "up"): ("COERCE", "detain"),
    ("break", "up"): ("COERCE", None), ("burn", "down"): ("COERCE", "destroy"), ("tear", "down"): ("COERCE", "destroy"),
    ("call", "for"): ("REQUEST", None), ("push", "for"): ("REQUEST", None), ("ask", "for"): ("REQUEST", None),
    ("press", "for"): ("REQUEST", None), ("call", "on"): ("REQUEST", None), ("call", "upon"): ("REQUEST", None),
    ("appeal", "to"): ("REQUEST", None), ("apply", "for"): ("REQUEST", None),
    ("turn", "down"): ("REJECT", None), ("rule", "out"): ("REJECT", None), ("brush", "aside"): ("REJECT", None),
    ("brush", "off"): ("REJECT", None), ("shrug", "off"): ("REJECT", None), ("vote", "against"): ("REJECT", None),
    ("lash", "out"): ("ACCUSE", None), ("speak", "out"): ("ACCUSE", None), ("hit", "out"): ("ACCUSE", None),
    ("object", "to"): ("ACCUSE", None),
    ("side", "with"): ("SUPPORT", None), ("stand", "by"): ("SUPPORT", None), ("vote", "for"): ("SUPPORT", None),
    ("rally", "behind"): ("SUPPORT", None), ("rally", "around"): ("SUPPORT", None),
    ("team", "up"): ("COOPERATE", None), ("call", "up"): ("MOBILIZE", "troops"),
    ("walk", "out"): ("PROTEST", "strike-gen"), ("walk", "off"): ("PROTEST", "strike-gen"),
    ("cut", "off"): ("SANCTION", None), ("cut", "back"): ("SANCTION", None),
    ("break", "off"): ("SANCTION", None), ("set", "up"): (None, None),  # type: ignore[dict-item]
    ("open", "fire"): ("ASSAULT", "firearms"), ("fire", "on"): ("ASSAULT", "firearms"),
    ("fire", "at"): ("ASSAULT", "firearms"), ("fire", "into"): ("ASSAULT", "firearms"),
    ("open", "up"): ("CONCEDE", None), ("gun", "down"): ("ASSAULT", "firearms"),
    ("mow", "down"): ("ASSAULT", "firearms"), ("shoot", "down"): ("ASSAULT", "firearms"),
    ("wipe", "out"): ("ASSAULT", None), ("fight", "back"): ("ASSAULT", None),
    ("set", "off"): ("ASSAULT", "explosives"), ("build", "up"): ("MOBILIZE", "troops"),
    ("beef", "up"): ("MOBILIZE", "police"), ("seal", "off"): ("COERCE", "restrict"),
    ("cordon", "off"): ("COERCE", "restrict"),
}

# Event nouns: the meaning a light verb (hold, launch, impose, ...) takes from its object, or a nominal
# trigger ("air strikes", "talks", "sanctions").
NOUNS = _table({
    ("AGREE", None): "agreement accord deal treaty pact consensus ceasefire cease-fire truce settlement "
                     "promise pledge offer commitment guarantee armistice willingness readiness",
    ("CONSULT", None): "talk talks meeting negotiation negotiations summit consultation conference dialogue "
                       "discussion discussions parley",
    ("CONSULT", "visit"): "visit trip tour",
    ("CONSULT", "host"): "welcome reception",
    ("CONSULT", "multilateral"): "mediation",
    ("SUPPORT", None): "support endorsement praise apology backing recognition solidarity condolence "
                       "condolences congratulations gratitude thanks tribute regret",
    ("CONCEDE", None): "concession step steps amnesty pardon permission clemency reprieve",
    ("COOPERATE", None): "cooperation exercise exercises games expertise intelligence collaboration "
                         "partnership extradition manoeuvres maneuvers drills",
    ("AID", None): "aid assistance relief donation loan grant supplies asylum refuge funding "
                   "subsidy subsidies airlift airdrop rescue",
    ("RETREAT", None): "withdrawal pullout pullback retreat resignation compensation release repatriation "
                       "surrender disarmament demobilization demobilisation",
    ("REQUEST", None): "request appeal demand call plea petition reminder invitation",
    ("ACCUSE", None): "accusation complaint charge charges investigation investigations probe inquiry hearing "
                      "lawsuit allegation criticism condemnation denunciation indictment objection rebuke "
                      "reprimand censure inquest impeachment prosecution suit trial inspection inspections "
                      "audit",
    ("REJECT", None): "rejection refusal veto denial defiance snub",
    ("THREATEN", None): "threat warning ultimatum",
    ("PROTEST", "demo-org"): "protest protests demonstration demonstrations rally rallies march sit-in vigil "
                             "picket",
    ("PROTEST", "strike-gen"): "walkout stoppage",
    ("PROTEST", "riot-spon"): "riot riots rioting",
    ("SANCTION", None): "sanction sanctions embargo boycott suspension severance",
    ("MOBILIZE", "troops"): "alert deployment mobilization mobilisation reinforcements patrols buildup "
                            "build-up redeployment",
    ("COERCE", "arrest"): "arrest arrests crackdown roundup",
    ("COERCE", "detain"): "detention imprisonment kidnapping abduction hijacking",
    ("COERCE", "deport"): "deportation deportations expulsion expulsions",
    ("COERCE", "confiscate"): "confiscation seizure occupation annexation",
    ("COERCE", "ban"): "ban",
    ("COERCE", "censor"): "censorship",
    ("COERCE", "curfew"): "curfew",
    ("COERCE", "martial-law"): "law",
    ("COERCE", "restrict"): "blockade blockades restriction restrictions siege",
    ("COERCE", "destroy"): "fire demolition demolitions destruction",
    ("COERCE", None): "execution executions repression",
    ("ASSAULT", None): "attack attacks offensive assault raid raids bombardment fighting battle massacre "
                       "ambush killing clash clashes skirmish skirmishes violence combat hostilities invasion "
                       "incursion onslaught murder slaughter atrocity atrocities bloodshed",
    ("ASSAULT", "aerial"): "airstrike airstrikes air-strike sortie sorties",
    ("ASSAULT", "heavy-weapons"): "shelling artillery barrage",
    ("ASSAULT", "explosives"): "bombing bombings explosion explosions blast",
    ("ASSAULT", "firearms"): "gunfire shooting shootings firefight gunbattle shootout",
    ("ASSAULT", "assassinate"): "assassination",
    ("ASSAULT", "beat"): "beating beatings",
    ("ASSAULT", "torture"): "torture",
    ("ASSAULT", "sexual"): "rape",
    ("ASSAULT", "other"): "cleansing genocide",
})

# Verbs whose meaning is their object's ("held talks", "imposed sanctions", "launched an offensive").
LIGHT_VERBS = frozenset(
    "hold stage launch begin start continue conduct carry impose reimpose make issue take organize organise "
    "lodge file open reopen reach renew resume undertake give grant mount lead join extend sign declare "
    "announce institute enforce use send express voice convey tighten initiate conclude pay attend chair "
    "participate engage".split())
# Verbs that undo their object: "lifted sanctions", "eased the curfew", "called off the strike".
UNDOING = frozenset("lift ease cancel end relax remove shorten scrap revoke drop withdraw rescind repeal annul "
                    "overturn quash suspend halt stop cease".split())
# What undoing a hostile act is: lifting a restriction or calling off a protest concedes, ending fighting
# retreats (PLOVER: a verbal concession vs. a material de-escalation).
UNDONE = {"SANCTION": "CONCEDE", "COERCE": "CONCEDE", "THREATEN": "CONCEDE", "ACCUSE": "CONCEDE",
          "PROTEST": "CONCEDE", "ASSAULT": "RETREAT"}

# Verbs that stop what their object names: "halted talks", "suspended aid".
HALTING = frozenset("halt suspend stop cancel freeze end cut postpone terminate curtail abandon "
                    "reduce".split())
# Governors of intentions: "plans to impose", "is willing to withdraw", "is prepared to", "vowed to".
INTENT_GOVERNORS = frozenset("plan intend prepare aim expect hope consider mull willing ready prepared "
                             "determined set vow swear".split())
INTENT_AUX = frozenset("will would shall 'll wo may might could".split())
OBLIGATION_AUX = frozenset("must should".split())

# Objects that decide a verb's category (a category of their own, or none, is no event noun).
MILITARY = frozenset("troop troops force forces soldier soldiers warship warships reinforcement reinforcements "
                     "tank tanks unit units battalion battalions brigade brigades division divisions army navy "
                     "paratrooper paratroopers marine marines police policeman policemen reservist reservists "
                     "jet jets aircraft warplane warplanes ship ships fleet".split())
# Third parties a host lets in (PLOVER RETREAT: allowing observers, peacekeepers, aid workers access) or
# throws out / takes back (SANCTION: ending a presence, recalling diplomats).
OBSERVERS = frozenset("observer observers inspector inspectors monitor monitors peacekeeper peacekeepers mission "
                      "missions worker workers agency agencies journalist journalists team teams".split())
DIPLOMATS = frozenset("diplomat diplomats ambassador ambassadors envoy envoys attache consul "
                      "staff".split())
POSITIONS = frozenset("position positions base bases post posts stronghold strongholds town city village "
                      "territory outpost outposts checkpoint checkpoints settlement settlements "
                      "area".split())
PROPERTY = frozenset("property land lands territory prisoner prisoners hostage hostages captive captives body "
                     "bodies remains refugee refugees asset assets".split())
CROSSINGS = frozenset("border borders crossing crossings bridge airport airspace road roads port ports "
                      "corridor".split())
MEASURES = frozenset("resolution bill motion proposal plan deal appointment nomination measure "
                     "legislation".split())
ELECTIONS = frozenset("election elections vote poll polls referendum session sessions class classes "
                      "ceremony ceremonies work".split())
REFUGEES = frozenset("refugee refugees displaced asylum-seeker asylum-seekers migrant migrants evacuee evacuees "
                     "alien aliens exile exiles".split())
VISITORS = frozenset("delegation delegations counterpart envoy guest guests president premier minister leader king "
                     "queen pope emir prince chancellor".split())
# Heads that take their meaning from an event-noun modifier ("aid package", "rescue operation").
GENERIC_HEADS = frozenset("package packages shipment shipments convoy convoys operation operations effort efforts "
                          "programme program programs mission campaign plan initiative drive flight "
                          "flights".split())
# Travel that is a visit when it has a destination ("flew to Beijing").
TRAVEL = frozenset("travel fly journey".split())

# Nouns in a trigger's phrase (subject, object, "with"/"in" instruments) that give an ASSAULT mode.
INSTRUMENTS = _table({
    ("ASSAULT", "aerial"): "warplane warplanes jet jets aircraft plane planes helicopter helicopters drone "
                           "drones bomber bombers air airstrike airstrikes sortie sorties",
    ("ASSAULT", "explosives"): "bomb bombs explosive explosives bombing grenade grenades mine mines ied",
    ("ASSAULT", "suicide-attack"): "suicide",
    ("ASSAULT", "heavy-weapons"): "artillery mortar mortars rocket rockets missile missiles tank tanks shell "
                                  "shells grad katyusha howitzer howitzers",
    ("ASSAULT", "firearms"): "gun guns gunfire gunbattle gunmen gunman rifle rifles bullet bullets shot shots "
                             "sniper snipers",
    ("ASSAULT", "primitive"): "machete machetes knife knives stone stones axe axes spear spears club clubs",
})

# Nouns that make "strike" a labour action rather than a blow.
_STRIKE_LABOUR = {"hunger": "strike-hun", "general": "strike-gen", "labour": "strike-gen",
                  "labor": "strike-gen", "national": "strike-gen"}
# Crowds: "protest" by these is a demonstration, by anyone else an accusation.
CROWDS = frozenset("people protesters protestors demonstrators students workers thousands hundreds dozens "
                   "crowd crowds residents villagers youths supporters activists farmers women "
                   "teachers protesters rioters mob mobs strikers miners truckers drivers "
                   "opponents".split())
_ARGS = {"nsubj", "nsubjpass", "dobj", "pobj", "agent", "attr", "compound", "amod", "npadvmod"}


# ------------------------------------------------------------------------------------------------ helpers

def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _particles(tok: Token) -> list[Token]:
    """Particles and fixed prepositions of a verb ("called *off*", "brushed *aside*", "called *for*")."""
    return [c for c in tok.children if c.dep_ == "prt" or c.dep_ in ("prep", "advmod") and c.pos_ == "ADP"]


def _objects(tok: Token) -> list[Token]:
    """Direct objects (and an object after ``to``/``for``-less datives), conjuncts included."""
    out = []
    for child in tok.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr"):
            out.append(child)
            out.extend(c for c in child.children if c.dep_ == "conj")
        elif child.dep_ == "prep" and child.lower_ in ("to", "into", "on") and tok.lemma_ in ("resort", "go"):
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif child.dep_ == "prep" and child.lower_ == "in" and tok.lemma_ in ("participate", "engage"):
            out.extend(c for c in child.children if c.dep_ == "pobj")  # "took part / engaged in talks"
        elif child.dep_ == "dobj" and child.lower_ == "part" and tok.lemma_ == "take":
            out.extend(p for c in child.children if c.dep_ == "prep" and c.lower_ == "in"
                       for p in c.children if p.dep_ == "pobj")
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
    if mods & {"phone", "telephone"} and lemma in ("call", "conversation", "conference", "talk", "talks"):
        return "CONSULT", "phone", "noun_phone_call"
    if lemma == "release" and "press" in mods:
        return None
    if lemma == "state" and any(c.dep_ == "prep" and c.lower_ == "of" and
                                any(_lemma(p) in ("emergency", "siege") for p in c.children)
                                for c in noun.children):
        return "COERCE", "martial-law", "noun_state_of_emergency"
    if lemma in ("deployment", "dispatch") and any(t.lower_ in ("peacekeeping", "peacekeepers", "peacekeeper")
                                                    for t in noun.subtree):
        return "AID", None, "noun_peacekeeping_deployment"
    hit = NOUNS.get(lower) or NOUNS.get(lemma)
    if hit is None:
        if lemma in GENERIC_HEADS:
            for mod in noun.children:
                if mod.dep_ in ("compound", "amod", "nmod") and mod.i < noun.i and _lemma(mod) in NOUNS:
                    cat, mode = NOUNS[_lemma(mod)]
                    return cat, mode, f"noun_{_lemma(mod)}_{lemma}"
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
    objects = _objects(tok)
    for part in _particles(tok):
        if (lemma, part.lower_) not in PHRASALS:
            continue
        cat, mode = PHRASALS[(lemma, part.lower_)]
        if cat is None:  # "set up": no event of its own
            return None
        why = f"phrasal_{lemma}_{part.lower_}"
        # "called off the talks", "pulled out of the negotiations", "walked out of the meeting": a
        # concession or a withdrawal from cooperation is a reduction of relations.
        if cat in ("CONCEDE", "RETREAT", "PROTEST"):
            for obj in objects + _pobjs(tok, "of", "from") + _pobjs(part, "of", "from"):
                hit = _noun_category(obj)
                if hit and hit[0] in ("CONSULT", "AID", "COOPERATE", "SUPPORT"):
                    return "SANCTION", None, f"{why}_{_lemma(obj)}"
        if cat == "RETREAT" and _guests(tok, objects):  # "peacekeepers were pulled out": a presence ends
            return "SANCTION", None, f"{why}_guests"
        return cat, mode, why
    if lemma in REPORTING:
        # "announced sanctions", "declared a state of emergency": the object is the event.
        if lemma in LIGHT_VERBS:
            for obj in objects:
                hit = _noun_category(obj)
                if hit:
                    return _light(tok, lemma, obj, hit)
        if lemma in ("speak", "talk") and _by_phone(tok):
            return "CONSULT", "phone", f"verb_{lemma}_by_phone"
        return None
    found = _argument_rules(tok, lemma, objects)
    if found is not None:
        return found
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
            if hit and hit[2] == "noun_strike":  # "called off / suspended the strike" is a labour strike
                hit = ("PROTEST", "strike-gen", "noun_strike")
            if hit and hit[0] in UNDONE:
                return UNDONE[hit[0]], None, f"undo_{_lemma(obj)}"
    if lemma in LIGHT_VERBS or lemma in ("use", "throw", "shun", "collect"):
        for obj in objects:
            hit = _noun_category(obj)
            if hit:
                return _light(tok, lemma, obj, hit)
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
        # "workers struck on Monday over pay" is a labour strike; "jets struck five targets on Thursday" is a
        # blow: an object, or "on" + a date, keeps the assault reading.
        on_not_date = any(c.dep_ == "prep" and c.lower_ == "on" and not any(
            p.ent_type_ in ("DATE", "TIME") for p in c.children) for c in tok.children)
        if not objects and (on_not_date or any(c.lower_ in CROWDS for c in tok.children if c.dep_ == "nsubj")):
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
    if lemma == "close" and any(_lemma(o) in ("embassy", "consulate", "mission") for o in objects):
        return "SANCTION", None, "verb_close_embassy"
    if lemma == "close" and any(_lemma(o) in CROSSINGS for o in objects):
        return "COERCE", "restrict", "verb_close_border"
    if lemma in ("open", "reopen") and any(_lemma(o) in CROSSINGS for o in objects):
        if any(p.ent_type_ == "NORP" or _lemma(p) in REFUGEES for p in _pobjs(tok, "to")):
            return "AID", None, f"verb_{lemma}_border_to_refugees"  # refuge for people
        return "RETREAT", None, f"verb_{lemma}_border"
    if lemma == "hold" and not any(_lemma(o) in ("hostage", "civilian", "prisoner", "people") or
                                   any(c.lower_ == "hostage" for c in o.subtree) for o in objects) \
            and not any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
        return None
    if lemma in TRAVEL and _pobjs(tok, "to"):
        return "CONSULT", "visit", f"verb_{lemma}_to"
    if lemma in VERBS:
        cat, mode = VERBS[lemma]
        if cat == "CONSULT" and mode is None and _by_phone(tok):
            mode = "phone"
        return cat, mode, f"verb_{lemma}"
    return None


def _light(tok: Token, lemma: str, obj: Token, hit: tuple[str, str | None, str]) -> tuple[str, str | None, str]:
    """A light verb takes its object's category, except where PLOVER tells the act apart from the thing."""
    cat, mode, why = hit
    if cat == "AGREE" and lemma in ("sign", "conclude"):  # signing an agreement: SUPPORT, agreeing to: AGREE
        return "SUPPORT", None, f"verb_{lemma}_{why}"
    if cat == "AGREE" and lemma in ("declare", "announce") and _lemma(obj) in ("ceasefire", "cease-fire", "truce"):
        return "CONCEDE", None, f"verb_{lemma}_{why}"  # a declared (not yet observed) ceasefire
    if why in ("noun_exercise", "noun_manoeuvres", "noun_maneuvers", "noun_drills") and not _joint(tok, obj):
        return "MOBILIZE", "troops", f"light_{lemma}_{why}"  # one army's exercises are a show of force
    return cat, mode, f"light_{lemma}_{why}"


def _joint(tok: Token, obj: Token) -> bool:
    """Several parties act together: "joint" exercises, "X and Y held", "held ... with Z"."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return any(c.lower_ in ("joint", "combined", "bilateral", "multinational", "allied") for c in obj.children) or \
        subj is not None and any(c.dep_ == "conj" for c in subj.children) or bool(_pobjs(tok, "with")) or \
        bool(_pobjs(obj, "with", "between"))


def _pobjs(tok: Token, *preps: str) -> list[Token]:
    """Objects of the prepositions ``preps`` hanging on ``tok`` ("pulled out *of the talks*")."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for p in c.children if p.dep_ in ("pobj", "pcomp")]


def _by_phone(tok: Token) -> bool:
    return any(_lemma(p) in ("phone", "telephone") for p in _pobjs(tok, "by", "over", "on"))


def _crowd(tok: Token) -> bool:
    """The subject of ``tok`` is a crowd ("thousands of students", "protesters", "200 workers")."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.lower_ in CROWDS or _lemma(subj) in CROWDS or
                                 any(c.dep_ == "nummod" for c in subj.children))


def _guests(tok: Token, objects: list[Token]) -> bool:
    """``tok`` moves diplomats or third-party observers: as its object, or as the subject that leaves."""
    lemmas = {_lemma(o) for o in objects} | {_lemma(c) for c in tok.children if c.dep_ == "nsubj"}
    return bool(lemmas & (DIPLOMATS | {"observer", "inspector", "monitor", "peacekeeper", "mission"}))


def _argument_rules(tok: Token, lemma: str, objects: list[Token]) -> tuple[str, str | None, str] | None:
    """Verbs whose category depends on who or what they act on (PLOVER's distinctions by argument)."""
    lemmas = {_lemma(o) for o in objects}
    if lemma in ("exchange", "swap", "trade"):
        if lemmas & {"fire", "shot", "gunfire"}:
            return "ASSAULT", "firearms", "verb_exchange_fire"
        if lemmas & {"prisoner", "hostage", "captive", "detainee", "body"}:
            return "RETREAT", None, "verb_exchange_prisoners"
        if lemmas & {"intelligence", "information", "data", "expertise", "technology"}:
            return "COOPERATE", None, "verb_exchange_information"
        if lemmas & {"view", "idea", "opinion"}:
            return "CONSULT", None, "verb_exchange_views"
    if lemma in ("fire", "launch", "lob", "hurl", "throw", "drop", "plant") and \
            any(o.lemma_.lower() in INSTRUMENTS for o in objects) and not lemmas & {"stone", "rock"}:
        return "ASSAULT", None, f"verb_{lemma}_weapons"
    # Letting third parties in is a material concession; throwing them out or recalling them reduces ties.
    if lemma in ("receive", "allow", "admit", "permit", "let", "accept", "welcome", "host") and \
            lemmas & OBSERVERS and lemma != "host" or lemma == "allow" and lemmas & {"access", "entry", "delivery"}:
        return "RETREAT", None, f"verb_{lemma}_observers"
    if lemma in ("withdraw", "recall", "pull", "expel", "evacuate") and _guests(tok, objects):
        return "SANCTION", None, f"verb_{lemma}_guests"
    if lemma in ("withdraw", "quit", "leave", "abandon", "boycott") and \
            any((_noun_category(o) or ("",))[0] == "CONSULT" for o in objects + _pobjs(tok, "from", "of")):
        return "SANCTION", None, f"verb_{lemma}_talks"
    if lemma in ("abandon", "evacuate", "vacate", "leave") and lemmas & POSITIONS and lemma != "evacuate" or \
            lemma == "abandon" and lemmas & {"weapon", "arm"}:
        return "RETREAT", None, f"verb_{lemma}_positions"
    if lemma == "abandon" and lemmas & {"plan", "demand", "claim", "policy", "bid", "idea", "programme",
                                        "program", "condition", "opposition"}:
        return "CONCEDE", None, "verb_abandon_claim"
    if lemma in ("return", "restore") and lemmas & PROPERTY:
        return "RETREAT", None, f"verb_{lemma}_property"
    if lemma in ("restore", "establish", "resume", "normalize", "normalise", "strengthen", "improve") and \
            lemmas & {"relation", "tie", "contact"}:
        return "SUPPORT", None, f"verb_{lemma}_ties"
    if lemma in ("observe", "respect", "honour", "honor", "implement") and lemmas & {"ceasefire", "cease-fire",
                                                                                    "truce", "armistice"}:
        return "RETREAT", None, f"verb_{lemma}_ceasefire"
    if lemma in ("send", "dispatch", "deploy", "contribute", "offer") and \
            any(_lemma(o) in ("peacekeeper", "peacekeeping") or any(_lemma(c) == "peacekeeping" for c in o.children)
                for o in objects) and lemma != "offer":
        return "AID", None, f"verb_{lemma}_peacekeepers"  # PLOVER AID: providing peacekeeping forces
    if lemma in ("send", "dispatch") and lemmas & {"inspector", "investigator", "monitor", "expert"}:
        return "ACCUSE", None, f"verb_{lemma}_inspectors"  # an inspection is an investigation
    if lemma in ("mobilize", "mobilise", "muster", "rally") and objects and not lemmas & MILITARY and \
            not lemmas & {"security", "reservist", "reserve", "volunteer", "fighter", "militia"}:
        return "SUPPORT", None, f"verb_{lemma}_support"  # rallying support on another's behalf
    if lemma in ("send", "dispatch", "move", "rush", "fly", "ship") and lemmas & MILITARY:
        return "MOBILIZE", "police" if lemmas & {"police", "policeman"} else "troops", f"verb_{lemma}_troops"
    if lemma in ("reinforce", "tighten", "step", "beef", "increase", "boost") and \
            lemmas & {"security", "presence", "patrol", "guard", "force"}:
        return "MOBILIZE", "police", f"verb_{lemma}_security"
    if lemma in ("put", "place", "keep") and any(_lemma(t) == "alert" for t in tok.subtree):
        return "MOBILIZE", "troops", f"verb_{lemma}_on_alert"
    if lemma == "take":
        if any(_lemma(p) == "street" for p in _pobjs(tok, "to")):
            return "PROTEST", "demo-org", "verb_take_to_streets"
        if any(t.lower_ in ("hostage", "hostages", "captive", "prisoner") for o in objects for t in o.subtree) or \
                any(c.lower_ in ("hostage", "captive", "prisoner") for c in tok.children):
            return "COERCE", "detain", "verb_take_hostage"
    if lemma in ("gather", "assemble", "converge", "congregate", "mass", "march") and _crowd(tok):
        return "PROTEST", "demo-org", f"verb_{lemma}_crowd"
    if lemma in ("occupy", "blockade", "block", "barricade") and _crowd(tok):
        return "PROTEST", "obstruct", f"verb_{lemma}_crowd"
    if lemma == "boycott" and (lemmas & ELECTIONS or _crowd(tok)):
        return "PROTEST", None, "verb_boycott_protest"
    if lemma in ("block", "obstruct") and lemmas & MEASURES:
        return "REJECT", None, f"verb_{lemma}_measure"
    if lemma in ("welcome", "greet") and any(_lemma(o) in VISITORS or
                                             any(c.lower_ == "visiting" for c in o.children) for o in objects):
        return "CONSULT", "host", f"verb_{lemma}_visitor"
    if lemma in ("arrive", "come", "go") and any((_noun_category(p) or ("",))[0] == "CONSULT"
                                                 for p in _pobjs(tok, "for", "on")):
        return "CONSULT", "visit", f"verb_{lemma}_for_talks"
    if lemma == "use" and lemmas & {"weapon", "force", "gas"} and not any(
            t.lower_ == "tear" for o in objects for t in o.subtree):
        return "ASSAULT", None, "verb_use_weapons"
    if lemma in ("host", "shelter", "house", "accept", "take", "admit") and \
            lemmas & REFUGEES:
        return "AID", None, f"verb_{lemma}_refugees"
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
        negation = next((c.lower_ for c in trigger.children if c.dep_ == "neg"), None)
        if negation is not None and cat in COOPERATIVE:  # "did not accept", "would not meet": a refusal
            return Category("REJECT", None, f"{why}:negated_{negation}")
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
