"""Events: concrete actions an article reports, each with actor, target, place, date, quantities and status.

Over the dependency parse of one article:

1. **Triggers**: content verbs (not reporting, copular, mental-state or light verbs; a chain of ``xcomp``
   verbs, ``tried to break``, is one event whose trigger is the last verb), plus a few event nouns used as
   the subject of an outcome verb. The PLOVER category comes from ``nlp.plover.classify``, else from the
   trigger lexicon; an action PLOVER has no category for is ``OTHER``.
2. **Evidence**: the trigger's clause (its subtree without embedded clauses other than the xcomp chain).
3. **Place**: a literal toponym from ``newsledger.geo.find_places`` (one call per article) attached to the
   trigger or its object by a locative preposition, else one inside the clause (``place:prep_in`` /
   ``place:clause``).
4. **Date**: a DATE/TIME expression in the clause (``nlp.dates``), else a date the text carries over: the
   clause it is coordinated or subordinated to, or the reporting clause of the quote it sits in
   (``date:own`` / ``date:from_<how>``); else none.
5. **Quantities**: numbers with what they count, approximate markers kept in the mention.
6. **Status**: negated > future > hedged > claimed > reported (the annotation guide's precedence); ``claimed``
   when the trigger lies inside a quote's content (``claimed_by`` = speaker, entity id, quote id).

The reason reads ``<trigger source>_<lemma>:<status why>:<place why>:<date why>``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..records import Actor, Claim, DateRef, Event, Place, Quantity, Quote, Span, content_id
from .dates import resolve_date
from .entities import EntityIndex
from . import plover
from .actors import code_actor
from .lexicons import EVENT_TRIGGERS, FUTURE_AUX, HEDGE_ADVERBS, REPORTING_VERBS
from .speakers import is_dateline, phrase_tokens

# Verbs that are not events by themselves: copulas, light and aspect verbs (their xcomp carries the
# event), mental states, perception, speech.
_NOT_EVENTS = frozenset(
    "be have do get seem appear look become remain stay keep mean include involve know think believe feel "
    "want need like wish hope see hear watch show say tell add note state explain quote cite write speak talk "
    "ask call describe name consider expect plan intend aim try attempt begin start continue go come use "
    "make take give let help allow able happen occur bring seek decide choose prefer hold find turn put set "
    "leave according base accompany reach refer follow lead involve concern regard relate stand sit lie "
    "carry reflect represent suggest indicate mark signal face understand remember recall learn tend "
    "account accord".split()
)
# ... except where the light verb itself is the action (the guide annotates these).
_LIGHT_BUT_EVENT = frozenset("find leave take lead hold give bring occur happen begin continue".split())
# Governors of an xcomp that make the event future/hypothetical or hedged; the rest keep the status.
_FUTURE_GOVERNORS = frozenset("plan intend aim expect hope prepare vow threaten consider want seek promise "
                              "pledge due set decide agree offer propose".split())
_HEDGE_GOVERNORS = frozenset("appear seem suggest allege rumor rumour".split())
_HEDGE_WORDS = HEDGE_ADVERBS | frozenset("likely unlikely perhaps maybe".split())
_HEDGE_REPORT_HEADS = frozenset("report reports rumour rumours rumor rumors".split())
_MODAL_FUTURE = FUTURE_AUX | frozenset("may might could should must can ca shall".split())
_NEG_WORDS = frozenset("not n't never no".split())
_NEG_GOVERNORS = frozenset("refuse deny fail decline reject".split())
_EVENT_NOUNS = frozenset(
    "attack strike airstrike bombing explosion blast clash clashes fighting protest protests riot riots "
    "earthquake quake aftershock collapse coup raid ambush assault offensive counterattack operation".split()
)
_LOCATIVE_PREPS = frozenset("in at near on over across into inside outside off around from to throughout "
                            "within along toward towards".split())
_CLAUSE_DEPS = frozenset("ccomp advcl relcl conj xcomp acl parataxis csubj csubjpass".split())
_PRECISION_RANK = {"city": 0, "near": 1, "admin2": 2, "admin1": 3, "country": 4, "region": 5}
_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven "
                                            "twelve thirteen fourteen fifteen sixteen seventeen eighteen "
                                            "nineteen".split())}
_NUMBER_WORDS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                      "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "thousand": 1000,
                      "million": 1e6, "billion": 1e9, "hundreds": None, "dozens": None, "thousands": None,
                      "several": None, "scores": None})
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9}
_APPROX = frozenset("around about approximately nearly almost some roughly least most more than over up "
                    "to under fewer less estimated".split())


# --------------------------------------------------------------------------------------------- helpers

def _category(trigger: Token) -> tuple[str, str | None, str]:
    """(category, mode, source) for a trigger: the PLOVER classifier, else the lexicon."""
    found = plover.classify(trigger)
    if found is not None and found.category:
        return found.category, found.mode, "plover"
    if trigger.lemma_ in EVENT_TRIGGERS:
        category, mode = EVENT_TRIGGERS[trigger.lemma_]
        return category, mode, "lexicon"
    # "conducted eight flights to strike five targets": an act PLOVER has no word for, done in order to do
    # one it has, is that act (the purpose clause itself is not kept as an event of its own).
    purpose = _purpose(trigger)
    found = plover.classify(purpose) if purpose is not None else None
    if found is not None and found.category:
        return found.category, found.mode, f"plover_purpose_{purpose.lemma_.lower()}"
    return "OTHER", None, "action"


def _purpose(trigger: Token) -> Token | None:
    """The verb of a ``to``-infinitive purpose clause on ``trigger`` ("conducted flights [to strike]")."""
    return next((c for c in trigger.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _is_trigger(tok: Token) -> bool:
    if tok.pos_ != "VERB":
        return tok.pos_ == "NOUN" and tok.lemma_.lower() in _EVENT_NOUNS and tok.dep_ in ("nsubj", "nsubjpass")
    lemma = tok.lemma_.lower()
    if lemma in EVENT_TRIGGERS:
        return True
    if lemma in REPORTING_VERBS and any(c.dep_ in ("ccomp", "parataxis") for c in tok.children):
        return False
    if lemma in _NOT_EVENTS and lemma not in _LIGHT_BUT_EVENT:
        return False
    if lemma in _LIGHT_BUT_EVENT and any(c.dep_ == "xcomp" for c in tok.children):
        return False
    if tok.dep_ == "amod" and _misparsed_verb(tok):
        return True
    if tok.dep_ in ("amod", "compound", "acomp"):
        return False
    if tok.dep_ == "acl" and tok.tag_ in ("VBG", "VBN") and not any(c.dep_ == "agent" for c in tok.children):
        return False
    return True


def _keep(top: Token) -> bool:
    """Subordinate clauses the annotation guide rarely makes events of their own: infinitival purpose and
    relative clauses, gerund adjuncts, ``if``/``when``/``as`` clauses; a relative clause with a PLOVER
    action (``towns that militants captured``) stays. Measured on the devcorpus (docs/events.md)."""
    to_inf = any(c.dep_ == "aux" and c.lower_ == "to" for c in top.children)
    if top.dep_ in ("advcl", "acl", "relcl") and to_inf:
        return False
    if top.tag_ == "VBG" and top.dep_ in ("advcl", "acl", "pcomp", "xcomp", "conj") and \
            not any(c.dep_ == "aux" for c in top.children):
        governor = top.head.head if top.dep_ == "pcomp" else top.head
        # "is not planning on expanding": the gerund carries the event of a non-event verb
        if not (top.dep_ == "pcomp" and governor.pos_ in ("VERB", "AUX") and not _is_trigger(governor)):
            return False
    if top.dep_ == "relcl" and top.lemma_ not in EVENT_TRIGGERS and plover.classify(top) is None:
        return False
    if top.dep_ == "advcl" and any(c.dep_ == "mark" for c in top.children):
        return False
    return True


def is_editors_note(paragraph: str) -> bool:
    """A paragraph wholly in square brackets: an editor's note ("[This article was corrected on ...]",
    "[Fictional article ...]") about the article, not news it reports."""
    core = paragraph.strip()
    return len(core) > 2 and core[0] == "[" and core[-1] == "]" and "]" not in core[1:-1]


def _bracketed_notes(text: str) -> list[tuple[int, int]]:
    """Character ranges of the editors' notes in ``text``."""
    out, pos = [], 0
    for line in text.split("\n"):
        if is_editors_note(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _misparsed_verb(tok: Token) -> bool:
    """A finite action verb the small model took for a participle adjective: ``Assad bombed rebel groups``
    (a participle modifier follows a determiner or adjective, not a name)."""
    if tok.lemma_ not in EVENT_TRIGGERS or tok.tag_ not in ("VBD", "VBN") or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.pos_ == "PROPN" and tok.head.i > tok.i


def _chain_top(trigger: Token) -> Token:
    """The top verb of an xcomp chain (``tried`` for ``break`` in ``tried to break``)."""
    top = trigger
    while top.dep_ == "xcomp" and top.head.i != top.i and top.head.pos_ in ("VERB", "AUX"):
        top = top.head
    return top


def _local(top: Token) -> list[Token]:
    """The clause of ``top``: its subtree without embedded clauses (they carry their own events), xcomp kept."""
    out, stack = [], [top]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if (c.dep_ not in _CLAUSE_DEPS or c.dep_ == "xcomp" or
                     (c.dep_ == "conj" and c.pos_ not in ("VERB", "AUX"))) and
                     not (c.dep_ == "amod" and _misparsed_verb(c)))
    return sorted(out, key=lambda t: t.i)


def _evidence(tokens: list[Token], text: str) -> Span:
    words = [t for t in tokens if not t.is_space and not (t.is_punct and t.text not in "\"'”’)]")]
    words = words or [t for t in tokens if not t.is_space] or tokens  # a clause of punctuation only
    first, last = words[0], words[-1]
    return Span.of(text, first.idx, last.idx + len(last))


_DENIAL_CUES = frozenset("deny dismiss reject refute".split())
_RELATIVE_PRONOUNS = frozenset("which that who whom".split())


def _actor(token: Token | None, index: EntityIndex, doc: Doc) -> Actor | None:
    if token is None or is_dateline(token):
        return None  # "DRAVENSK, Valdoria — An air strike ...": the dateline is a place, not an actor
    if token.lower_ in _RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.pos_ in (
            "NOUN", "PROPN"):
        token = token.head.head  # "the group, which has fought government forces": the group
    tokens = phrase_tokens(token)
    country, sector, *_ = code_actor(tokens, doc)
    mention = Span.of_tokens(tokens[0], tokens[-1])
    key = index.entity_of(token) or index.entity_in(tokens)
    if key is not None:
        return Actor(key[1], key[0], country, sector, index.entity_id(key), mention)
    return Actor(mention.text, "unknown", country, sector, None, mention)


def _number(token: Token) -> float | None:
    text = token.text.replace(",", "").lower()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        value: float | None = float(text)
    else:
        value = _NUMBER_WORDS.get(text)
        value = float(value) if value is not None else None
    scale = next((c for c in token.children if c.lower_ in _SCALES and c.i > token.i), None)
    if value is not None and scale is not None:
        value *= _SCALES[scale.lower_]
    return value


def _quantity(num: Token, counted: Token | None, unit: str | None, text: str) -> Quantity:
    start = num
    for c in num.children:  # "around 20", "at least 10", "more than 20"
        if c.i < num.i and c.dep_ in ("advmod", "quantmod", "amod", "prep", "nmod") and c.lower_ in _APPROX:
            start = min(start, min(c.subtree, key=lambda t: t.i), key=lambda t: t.i)
    end = num if counted is None else counted
    end = max(end, max((c for c in num.children if c.i > num.i and c.lower_ in _SCALES), default=end,
                       key=lambda t: t.i), key=lambda t: t.i)
    if counted is not None:  # a closing quotation mark after the counted noun: two "enemy excavators"
        nxt = counted.nbor(1) if counted.i + 1 < len(counted.doc) else None
        if nxt is not None and nxt.text in "\"”" and any(t.text in "\"“" for t in counted.doc[start.i:counted.i]):
            end = nxt
    return Quantity(_number(num), unit, Span.of(text, start.idx, end.idx + len(end)))


def _quantities(tokens: list[Token], trigger: Token, text: str) -> tuple[Quantity, ...]:
    out = []
    seen: set[int] = set()
    for tok in tokens:
        if tok.like_num or tok.lower_ in _NUMBER_WORDS:
            if tok.i in seen or tok.ent_type_ in ("DATE", "TIME", "CARDINAL") and tok.ent_type_ != "CARDINAL":
                continue
            if tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i:
                head = tok.head
                while head.dep_ == "compound" and head.head.i > head.i:  # five [Islamic State] targets
                    head = head.head
                compounds = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
                unit = " ".join([c.text for c in compounds] + [head.lemma_.lower()])
                out.append(_quantity(tok, head, unit, text))
                seen.add(tok.i)
            elif tok.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj") and tok.pos_ == "NUM":
                of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                unit = noun.lemma_.lower() if noun is not None else trigger.lemma_.lower()
                out.append(_quantity(tok, None, unit, text))
                seen.add(tok.i)
    return tuple(out)


# ---------------------------------------------------------------------------------------------- status

def _negated(tok: Token) -> bool:
    children = list(tok.children)
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in children):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and
               (c.lower_ in ("nobody", "nothing", "none") or
                any(d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)) for c in children)


def _passive_report(token: Token) -> bool:
    """ "are reported / said / believed / thought / expected to ...": the reporter relays without a source."""
    return token.lemma_ in ("report", "say", "believe", "think", "rumor", "expect") and any(
        c.dep_ == "auxpass" for c in token.children)


def _hedge(chain: list[Token], top: Token) -> str | None:
    """Hedges that outrank future and plain reporting: "was probably intending to detonate", "are likely
    to be limited", "are reported to have swayed", "There are conflicting reports as to who attacked"."""
    governors = list(chain)
    for below, above in zip(chain, chain[1:]):
        if below.dep_ == "xcomp" and _passive_report(above):
            return f"passive_{above.lemma_}_to"
    node = top
    for _ in range(3):
        if node.head.i == node.i:
            break
        child, node = node, node.head
        if child.dep_ == "xcomp" and _passive_report(node):
            return f"passive_{node.lemma_}_to"
        if child.dep_ not in ("xcomp", "acomp", "conj"):
            break
        governors.append(node)
    for t in governors:
        if any(c.lower_ in _HEDGE_WORDS and c.dep_ in ("advmod", "acomp") for c in t.children) or \
                t.lower_ in _HEDGE_WORDS:
            return "hedge_word"
    sentence = top.sent.text.lower()
    if any(f"{w} report" in sentence for w in ("conflicting", "unconfirmed", "unverified")):
        return "conflicting_reports"
    return None


def _status(trigger: Token, top: Token) -> tuple[str, str]:
    chain = [trigger]
    while chain[-1].i != top.i and len(chain) < 12:
        chain.append(chain[-1].head)
    if any(_negated(t) for t in chain):
        return "negated", "negation"
    if any(t.lemma_ in _NEG_GOVERNORS for t in chain[1:]):
        return "negated", f"governed_by_{next(t.lemma_ for t in chain[1:] if t.lemma_ in _NEG_GOVERNORS)}"
    hedge = _hedge(chain, top)
    if hedge is not None:
        return "hedged", hedge
    for t in chain:
        if any(c.dep_ == "aux" and c.lower_ in _MODAL_FUTURE for c in t.children):
            return "future", "modal"
        if any(c.dep_ == "mark" and c.lower_ == "if" for c in t.children):
            return "future", "conditional"
    for t in chain[1:]:
        if t.lemma_ in _FUTURE_GOVERNORS:
            return "future", f"governed_by_{t.lemma_}"
    if top.dep_ in ("advcl", "acl", "relcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                              for c in top.children) and trigger.tag_ == "VB":
        head = top.head
        if head.lemma_ in _NEG_GOVERNORS:
            return "negated", f"governed_by_{head.lemma_}"
        return "future", "purpose_infinitive"
    for t in chain:
        if t.lemma_ in _HEDGE_GOVERNORS:
            return "hedged", f"governed_by_{t.lemma_}"
        if any(c.lower_ in _HEDGE_WORDS for c in t.children):
            return "hedged", "hedge_adverb"
    # Governing clauses: "reports suggested Iran is sending", "are reported to have swayed",
    # "Russia is not planning on expanding", "would welcome".
    head, hops = top, 0
    while head.dep_ in ("ccomp", "xcomp", "advcl", "pcomp", "pobj", "prep", "conj") and hops < 4:
        child, head = head, head.head
        hops += 1
        if child.dep_ == "conj":
            continue
        if head.lemma_ in _HEDGE_GOVERNORS or (head.lemma_ == "report" and any(
                c.dep_ == "auxpass" for c in head.children)):
            return "hedged", f"governed_by_{head.lemma_}"
        if any(c.dep_ == "nsubj" and c.lower_ in _HEDGE_REPORT_HEADS for c in head.children):
            return "hedged", "reports_suggest"
        if head.lemma_ in REPORTING_VERBS or head.lemma_ == "say":
            break
        if _negated(head) and child.dep_ in ("xcomp", "pcomp", "pobj", "prep"):
            return "negated", f"negated_{head.lemma_}"
        if head.lemma_ in _FUTURE_GOVERNORS and child.dep_ in ("xcomp", "pcomp", "pobj", "prep"):
            return "future", f"governed_by_{head.lemma_}"
        if any(c.dep_ == "aux" and c.lower_ in _MODAL_FUTURE for c in head.children) and child.dep_ != "advcl":
            return "future", f"modal_on_{head.lemma_}"
    return "reported", "stated"


# ----------------------------------------------------------------------------------------------- place

def _place(trigger: Token, top: Token, local: list[Token], by_token: dict[int, Place]) -> tuple[Place | None, str]:
    if not by_token:
        return None, "no_place"
    local_ids = {t.i for t in local}
    args = [trigger, top] + [c for t in (trigger, top) for c in t.children
                             if c.dep_ in ("dobj", "nsubjpass", "attr", "npadvmod")]
    args += [c for a in list(args[2:]) for c in a.conjuncts]
    candidates: list[tuple[int, int, Place]] = []
    for tok in local:
        place = by_token.get(tok.i)
        if place is None:
            continue
        # the path from the toponym up to the clause: a locative preposition hanging on the trigger or an
        # argument gives the event's place
        node, prep = tok, None
        while node.i in local_ids and node.i != top.i:
            if node.dep_ == "prep" and node.lower_ in _LOCATIVE_PREPS and prep is None:
                prep = node
            if node.head in args and prep is not None:
                candidates.append((0, tok.i, place))
                break
            node = node.head
        else:
            candidates.append((1 if prep is not None else 2, tok.i, place))
    if not candidates:
        return None, "no_place"
    rank, _, place = min(candidates, key=lambda c: c[:2])
    return place, ("place:prep" if rank == 0 else "place:clause")


# ------------------------------------------------------------------------------------------------ dates

# A date mention: its resolution, the root token of its entity, and the entity label.
_DateMention = tuple[DateRef, int, str]
# Subordinators of a temporal clause whose day dates an undated main clause ("called in air strikes after
# they came under attack Saturday"); "before"/"until"/"since" do not give the main clause's day.
_TEMPORAL_MARKS = frozenset("after when as once while".split())
_FRAME_STATUSES = frozenset(("reported", "claimed", "hedged"))
_LEAD_PARAGRAPHS = 3


def _attached(ref_root: Token, verb: Token) -> bool:
    head = ref_root.head
    return head.i == verb.i or (head.pos_ == "ADP" and head.head.i == verb.i)


def _date_in(local: list[Token], dates: dict[int, _DateMention], top: Token, *,
             future: bool = False, pubdate: str | None = None) -> DateRef | None:
    """A date expression of the clause: one hanging on the verb (``struck ... on Thursday``) before one
    inside the subject (``The April quake was centered ...``); one inside another argument dates that noun,
    not the event (``caused by an earlier quake in April``, ``above the 2014 figure``). Skipped: a time of day without its day (``at 16:53``: the day
    comes from elsewhere), and a ``for`` phrase on a noun or naming a period longer than a day (``cut its
    forecast for the year``: the period the forecast covers, not when it was cut; ``set for Monday`` stays). A future event prefers a date that is not already past
    (``will slow from 4.6 percent last year to 4.2 percent in 2015``)."""
    attached: list[DateRef] = []
    inside: list[DateRef] = []
    subject_spans = [{t.i for t in c.subtree} for c in top.children if c.dep_ in ("nsubj", "nsubjpass")]
    seen: set[int] = set()
    for tok in local:
        if tok.i not in dates or dates[tok.i][1] in seen:
            continue
        ref, root_i, label = dates[tok.i]
        seen.add(root_i)
        if _clock_time(ref, label):
            continue
        root = tok.doc[root_i]
        head = root.head
        if head.lower_ == "for" and (head.head.pos_ in ("NOUN", "PROPN") or ref.precision != "day"):
            continue
        if _attached(root, top) or head.pos_ in ("VERB", "AUX"):
            attached.append(ref)
        elif any(root.i in subjects for subjects in subject_spans):
            inside.append(ref)
    found = attached or inside
    if future and pubdate and len(found) > 1:
        found = [r for r in found if r.value is None or r.value >= pubdate[:len(r.value)]] or found
    return found[0] if found else None


def _clock_time(ref: DateRef, label: str) -> bool:
    """A time of day with no day of its own (``at 16:53``, ``(2353 UTC)``, ``around five o'clock``)."""
    return ref.value is None and (label == "TIME" or ref.mention is not None and ref.mention.text.isdigit())


def _timed(local: list[Token], dates: dict[int, _DateMention]) -> bool:
    return any(tok.i in dates and _clock_time(dates[tok.i][0], dates[tok.i][2]) for tok in local)


def _verb_date(verb: Token, dates: dict[int, _DateMention]) -> DateRef | None:
    """A resolved date hanging directly on ``verb`` (``came under attack ... Saturday``)."""
    for child in verb.children:
        for tok in (child, *[c for c in child.children if child.pos_ == "ADP"]):
            if tok.i in dates:
                ref, root_i, _ = dates[tok.i]
                if ref.value is not None and _attached(tok.doc[root_i], verb):
                    return ref
    return None


def _temporal_clause_date(verb: Token, own: dict[int, DateRef], dates: dict[int, _DateMention]) -> DateRef | None:
    """The day of a temporal clause on ``verb``: "called in air strikes after they came under attack
    Saturday"."""
    for clause in verb.children:
        if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _TEMPORAL_MARKS
                                          for m in clause.children):
            found = own.get(clause.i) or _verb_date(clause, dates)
            if found is not None and found.precision == "day" and found.end is None:
                return found
    return None


def _tense(trigger: Token, top: Token) -> str | None:
    """``past`` (simple past, past perfect, past progressive, passive), ``perfect`` (present perfect: done by
    now, not located in the narrative's time), else ``None``."""
    if top.dep_ == "amod":  # a misparsed finite verb (``Assad bombed rebel groups``)
        return "past"
    for tok in (trigger, top):
        if tok.tag_ == "VBD":
            return "past"
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if tok.tag_ == "VBN":
            if any(c.lemma_ == "have" and c.tag_ in ("VBP", "VBZ") for c in auxes):
                return "perfect"
            if any(c.lemma_ in ("have", "be") and c.tag_ in ("VBD", "VBP", "VBZ") for c in auxes):
                return "past"  # finite: "were killed", "had retaken"; not "after being pushed"
        if tok.tag_ == "VBG" and any(c.lemma_ == "be" and c.tag_ == "VBD" for c in auxes):
            return "past"  # "were trying to break"
    return None


def _past(trigger: Token, top: Token) -> bool:
    """Past tense or present perfect: what a dated report can date."""
    return _tense(trigger, top) is not None


def _open_period(top: Token) -> bool:
    """ "have struck the same area since the quake": a period running up to now, not a day."""
    return any(c.lower_ == "since" and c.dep_ in ("prep", "mark") or
               c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)
               for c in top.children)


# ------------------------------------------------------------------------------------------------- main

def find_events(doc: Doc, index: EntityIndex, quotes: list[Quote], article_id: str, pubdate: str | None, *,
                places: list[Place] | None = None) -> list[Event]:
    """Events in ``doc``, text order. ``places`` (``find_places`` output) is computed when not given."""
    text = doc.text
    if places is None:
        from ..geo import find_places

        places = find_places(doc, literal_only=True)
    by_token: dict[int, Place] = {}
    for place in places:
        if place.literal and place.mention is not None:
            span = doc.char_span(place.mention.start, place.mention.end, alignment_mode="expand")
            for tok in span or ():
                by_token.setdefault(tok.i, place)
    dates: dict[int, _DateMention] = {}
    # day-precision dates in text order: (sentence start, date, offset, on a reporting verb)
    timeline: list[tuple[int, DateRef, int, bool]] = []
    previous = None
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            governor = ent.root.head
            while governor.pos_ == "ADP" and governor.head.i != governor.i:
                governor = governor.head
            future = any(t.lower_ in ("next", "coming") for t in ent) or any(
                c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "wo") for c in governor.children)
            ref = resolve_date(ent.text, Span.of(text, ent.start_char, ent.end_char), pubdate, future=future)
            if ref.value is None and ent.label_ == "TIME" and previous is not None and \
                    previous[0].end == ent.start and previous[1].precision == "day":
                # "on Wednesday evening" (parsed DATE + TIME): the time of day is on that day
                ref = DateRef(previous[1].value, None, "day", Span.of(text, previous[0].start_char, ent.end_char))
            for tok in ent:
                dates[tok.i] = (ref, ent.root.i, ent.label_)
            if ref.precision in ("day", "month", "year") and ref.end is None and ref.value:
                timeline.append((ent.sent.start, ref, ent.start_char, governor.lemma_ in REPORTING_VERBS))
            previous = (ent, ref)

    undated_article = not any(ref.precision == "day" for _, ref, _, _ in timeline)

    candidates = [t for t in doc if _is_trigger(t) and t.pos_ == "VERB"]
    nouns: list[Token] = [t for t in doc if _is_trigger(t) and t.pos_ != "VERB"]
    verbs = {t.i for t in candidates}
    for tok, _ in plover.triggers(doc):
        if tok.i not in verbs and tok.pos_ in ("VERB", "AUX"):
            candidates.append(tok)
        elif tok.pos_ in ("NOUN", "PROPN"):
            nouns.append(tok)
    covered = {t.i for top in candidates for t in _local(doc[_chain_top(top).i])}
    candidates += [t for t in {n.i: n for n in nouns}.values() if t.i not in covered]
    candidates.sort(key=lambda t: t.i)

    # an xcomp chain is one event: keep its last trigger
    chain_tops: dict[int, Token] = {}
    for tok in candidates:
        top = _chain_top(tok)
        if top.i in chain_tops and chain_tops[top.i].i > tok.i:
            continue
        chain_tops[top.i] = tok
    # a verb inside another event's clause ("retaliated by firing") belongs to that event
    inner: set[int] = set()
    for top_i in chain_tops:
        inner |= {t.i for t in _local(doc[top_i]) if t.i != top_i}
    notes = _bracketed_notes(doc.text)
    triggers = sorted(((top_i, trigger) for top_i, trigger in chain_tops.items()
                       if top_i not in inner and _keep(doc[top_i])
                       and not any(s <= trigger.idx < e for s, e in notes)), key=lambda kv: kv[1].i)

    own_dates: dict[int, DateRef] = {}
    for top_i, trigger in triggers:
        is_future = _status(trigger, doc[top_i])[0] == "future"
        found = _date_in(_local(doc[top_i]), dates, doc[top_i], future=is_future, pubdate=pubdate)
        if found is not None:
            own_dates[top_i] = found

    events = []
    for top_i, trigger in triggers:
        top = doc[top_i]
        category, mode, source = _category(trigger)
        local = _local(top)
        if trigger.pos_ == "NOUN":
            local = list(trigger.subtree)
        elif source.startswith("plover_purpose_"):  # the purpose clause is what the act was: keep its words
            local = sorted(set(local) | set(_purpose(trigger).subtree), key=lambda t: t.i)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
        subj = next((c for c in top.children if c.dep_ == "nsubj" and not is_dateline(c)), None)
        obj = next((c for c in trigger.children if c.dep_ in ("dobj", "attr")), None)
        if passive:
            agent = next((c for c in trigger.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            obj = next((c for c in top.children if c.dep_ == "nsubjpass"), None)
        if trigger.pos_ == "NOUN":
            subj, obj = None, None
        if top.dep_ == "amod":  # a misparsed verb: its "head noun" is its object
            local = [t for t in top.head.subtree if t.i >= top.i - 1 or t.head.i == top.head.i]
            local = [t for t in top.head.subtree if t.dep_ not in _CLAUSE_DEPS] or local
            subj, obj = None, top.head
        status, why = _status(trigger, top)
        # Only reported speech claims an event: a belief or intention (model mode's scope "thought": "Video
        # shows clashes", "hopes to replace") leaves it as the article reports it.
        inside = next((q for q in quotes if q.scope == "speech" and q.content.start <= trigger.idx < q.content.end),
                      None)
        claim = Claim(inside.speaker.name, inside.speaker.entity_id, inside.id) if inside is not None else None
        if inside is not None and status == "reported":
            status, why = "claimed", f"inside_{inside.type}_quote"
            cue = doc.char_span(inside.cue.start, inside.cue.end) if inside.cue is not None else None
            if cue is not None and any(t.lemma_ in _DENIAL_CUES for t in cue):
                # "The ministry denied that any civilian area was struck": the speaker says it did not happen.
                status, why = "negated", f"denied_by_speaker_{inside.type}"
        place, place_why = _place(trigger, top, local, by_token)
        date, date_why = _event_date(trigger, top, own_dates, dates, inside, doc)
        tense = _tense(trigger, top)
        if date is None and _timed(local, dates):
            date_why = "date:time_of_day"
        if date is None and status in _FRAME_STATUSES and tense is not None and _open_period(top):
            date_why = "date:open_period"
        elif date is None and status in _FRAME_STATUSES and tense is not None:
            before = [(ref, at, report) for start, ref, at, report in timeline if start < top.sent.start]
            earlier = [e for e in before if e[0].precision == "day"]
            framing = earlier
            if before and before[-1][0].precision != "day" and "\n" not in text[before[-1][1]:top.idx]:
                # the paragraph has moved the narrative to a month or year ("until two months ago. As the
                # troops vacated the area, ... were handed over")
                framing = before[-1:]
            if status == "claimed" and not date_why.startswith("date:time_of_day"):
                # a source's claim is dated by the day of a report or by an earlier date in the same quote,
                # not by another event's day ("towns militants captured late Friday" does not date the
                # retaking an official describes)
                framing = [e for e in earlier if e[2] or (inside is not None and
                                                          inside.content.start <= e[1] < trigger.idx)]
            if framing and tense == "past":
                # a past event with no date of its own happens in the time frame the narrative has set
                date, date_why = framing[-1][0], "date:narrative_frame"
            elif not earlier and status == "reported" and pubdate and \
                    text.count("\n", 0, top.idx) < _LEAD_PARAGRAPHS:
                # a past event in the lead of an article that dates nothing before it: the news of the day
                date, date_why = DateRef(pubdate, None, "day", None), "date:lead_pubdate"
            elif not earlier and pubdate and tense == "past" and undated_article:
                # an article that names no day at all: its narrative (simple past, not a present perfect)
                # is the publication day's news
                date, date_why = DateRef(pubdate, None, "day", None), "date:undated_article"
        events.append(Event(
            id=content_id("v_", article_id, trigger.idx, trigger.idx + len(trigger), category),
            category=category, mode=mode, trigger=Span.of(text, trigger.idx, trigger.idx + len(trigger)),
            actor=_actor(subj, index, doc), target=_actor(obj, index, doc), place=place,
            date=date, quantities=_quantities(local, trigger, text), status=status,  # type: ignore[arg-type]
            claimed_by=claim if status != "reported" or inside is not None else None,
            evidence=_evidence(local, text),
            reason=f"{source}_{trigger.lemma_.lower()}:{why}:{place_why}:{date_why}",
        ))
    return events


def _event_date(trigger: Token, top: Token, own: dict[int, DateRef], dates: dict[int, _DateMention],
                inside: Quote | None, doc: Doc) -> tuple[DateRef | None, str]:
    if top.i in own:
        return own[top.i], "date:own"
    if trigger.pos_ in ("NOUN", "PROPN"):
        # an event noun takes the date on the verb it is an argument of: "came under attack ... Saturday",
        # "At a press conference Wednesday, X says" (a reporting verb too: the setting of the statement)
        node, hops = trigger, 0
        while node.dep_ in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr") and hops < 3:
            node = node.head
            hops += 1
            if node.pos_ in ("VERB", "AUX"):
                found = _verb_date(node, dates) or _temporal_clause_date(node, own, dates)
                if found is not None:
                    return found, "date:from_governing_verb"
                break
    # carried over from the clause this one hangs on (coordination, subordinate or relative clause), but not
    # from a reporting verb ("said Sunday" dates the statement), not into a complement clause ("demanding that
    # peacekeepers leave": its event has its own time) and not into a present perfect ("contracted in the
    # first quarter, and the IMF has cut its forecast": done by now, not then)
    node, hops = top, 0
    if _tense(trigger, top) == "perfect":
        hops = 4
    while node.dep_ in ("conj", "advcl", "xcomp", "relcl", "acl", "pcomp", "pobj", "prep") and hops < 4:
        node = node.head
        hops += 1
        if node.lemma_ in REPORTING_VERBS:
            break
        if node.i in own:
            return own[node.i], "date:from_governing_clause"
    found = _temporal_clause_date(top, own, dates)
    if found is not None:
        return found, "date:from_temporal_clause"
    if inside is not None and inside.cue is not None and _past(trigger, top) and \
            any(c.dep_ == "aux" and c.lemma_ == "have" for c in top.children):
        # "police said today that a bomber has killed ...": a present perfect dates with its report
        cue = doc.char_span(inside.cue.start, inside.cue.end, alignment_mode="expand")
        if cue is not None and len(cue):
            cue_date = _date_in(_local(cue.root), dates, cue.root)
            if cue_date is not None:
                return cue_date, "date:from_report"
    return None, "date:none"
