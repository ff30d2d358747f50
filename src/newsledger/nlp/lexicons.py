"""Word lists the extractors use: reporting verbs, titles, event triggers. Data, not logic."""

from __future__ import annotations

REPORTING_VERBS = frozenset(
    "say tell add claim deny insist state announce explain note warn argue stress assert allege confirm "
    "report acknowledge admit declare quote write reply respond suggest maintain contend predict promise "
    "believe think testify recall describe estimate caution concede complain conclude emphasize emphasise "
    "reiterate urge vow indicate disclose reveal comment mention".split()
)

# Verbs whose object (with its complement) is the reported content: "calls the raid a provocation".
OBJECT_SPEECH_VERBS = frozenset("call describe label brand term dub predict forecast project".split())

# Cue words of speech and writing (a quote's scope "speech"), as against belief, intention and stance
# ("thinks", "expects", "refuses to"), which PolNeAR also annotates as attributions.
SPEECH_CUES = (REPORTING_VERBS - {"believe", "think"}) | OBJECT_SPEECH_VERBS | frozenset(
    "according accuse criticize criticise demand ask question joke boast quip blame condemn praise dismiss "
    "threaten propose tweet post publish broadcast inform brief speak talk interview statement comment remark "
    "announcement speech letter email e-mail tweet post interview testimony release briefing".split())

# Heads of noun phrases that name a speaker by role rather than by name.
ROLE_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson minister president official officer commander chief head director "
    "secretary ambassador general colonel governor mayor leader chairman chairwoman chair judge prosecutor "
    "lawyer attorney analyst expert source diplomat envoy representative premier chancellor king prince "
    "senator lawmaker mp coordinator administrator manager founder ceo executive researcher witness resident "
    "organiser organizer activist doctor police report".split()
)
ANONYMOUS_HEADS = frozenset("official source officer diplomat aide person people insider report reports witness witnesses resident residents analyst analysts expert experts".split())

# Plural heads naming a collective speaker or actor ("the rebels say", "protesters said").
GROUP_HEADS = frozenset(
    "rebels militants insurgents fighters troops forces protesters protestors demonstrators activists "
    "villagers critics opponents supporters organisers organizers lawmakers legislators authorities "
    "investigators prosecutors doctors medics rescuers workers unions students farmers families "
    "relatives voters parties".split()
)

TITLES = frozenset(
    "mr mrs ms miss dr prof president prime minister colonel col general gen major maj captain capt lieutenant "
    "lt sergeant sgt admiral adm commander governor gov senator sen rep representative judge justice "
    "ambassador secretary chancellor king queen prince princess sheikh sir dame lord lady pope rev father "
    "mayor chief".split()
)

PRONOUNS_PERSON = frozenset("he she him her".split())
PRONOUNS_GROUP = frozenset("they it".split())

# Verb lemma -> (PLOVER category, mode or None). A first cut; the events issue replaces it with a trained
# classifier and a larger lexicon.
EVENT_TRIGGERS: dict[str, tuple[str, str | None]] = {
    **{v: ("ASSAULT", "aerial") for v in ("bomb", "airstrike")},
    **{v: ("ASSAULT", "artillery") for v in ("shell",)},
    **{v: ("ASSAULT", "firearms") for v in ("shoot", "gun")},
    **{v: ("ASSAULT", None) for v in ("attack", "strike", "hit", "kill", "raid", "assault", "destroy",
                                     "target", "ambush", "wound", "injure", "massacre", "blow", "storm")},
    **{v: ("PROTEST", None) for v in ("protest", "demonstrate", "rally", "march", "picket")},
    **{v: ("COERCE", None) for v in ("arrest", "detain", "seize", "expel", "deport", "jail", "imprison",
                                    "sentence", "convict", "ban", "censor", "confiscate", "abduct",
                                    "kidnap")},
    **{v: ("MOBILIZE", None) for v in ("deploy", "mobilize", "mobilise")},
    **{v: ("SANCTION", None) for v in ("sanction", "boycott", "embargo", "suspend")},
    **{v: ("THREATEN", None) for v in ("threaten",)},
    **{v: ("ACCUSE", None) for v in ("accuse", "blame", "condemn", "criticize", "criticise", "denounce")},
    **{v: ("REJECT", None) for v in ("reject", "refuse", "veto", "oppose", "dismiss")},
    **{v: ("REQUEST", None) for v in ("request", "ask", "demand", "appeal", "invite")},
    **{v: ("AID", None) for v in ("donate", "pledge", "supply", "aid", "evacuate", "rescue")},
    **{v: ("COOPERATE", None) for v in ("cooperate", "collaborate", "ally")},
    **{v: ("AGREE", None) for v in ("agree", "sign", "approve", "accept", "ratify")},
    **{v: ("CONSULT", None) for v in ("meet", "visit", "discuss", "negotiate", "host", "consult")},
    **{v: ("SUPPORT", None) for v in ("support", "back", "endorse", "praise", "welcome", "defend")},
    **{v: ("CONCEDE", None) for v in ("concede", "apologize", "apologise", "release", "free", "ease")},
    **{v: ("RETREAT", None) for v in ("withdraw", "retreat")},
}

HEDGE_ADVERBS = frozenset("reportedly allegedly apparently possibly probably purportedly seemingly".split())
HEDGE_GOVERNORS = frozenset("suggest appear seem allege rumor rumour believe".split())
FUTURE_GOVERNORS = frozenset("plan intend aim expect hope prepare vow threaten consider".split())
FUTURE_AUX = frozenset("will would shall 'll wo".split())
