"""Events: a verb from the trigger lexicon with its actor, target, place, date, quantities and status.

A first cut over the dependency parse; the events issue replaces the lexicon with a trained classifier and
adds geocoding and actor coding. Status precedence: negated > future > hedged > claimed > reported.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..records import Actor, Claim, Event, Place, Quantity, Quote, Span, content_id
from .dates import resolve_date
from .entities import EntityIndex
from .lexicons import (EVENT_TRIGGERS, FUTURE_AUX, FUTURE_GOVERNORS, HEDGE_ADVERBS, HEDGE_GOVERNORS,
                       REPORTING_VERBS)
from .speakers import phrase_tokens

_NUMBER_WORDS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven "
                                            "twelve".split())}
_NUMBER_WORDS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "dozen": 12})
_CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "conj", "xcomp", "acl", "parataxis", "csubj"}


def _local_subtree(trigger: Token) -> list[Token]:
    """The trigger's subtree without embedded clauses (they carry their own events)."""
    out, stack = [], [trigger]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSE_DEPS)
    return sorted(out, key=lambda t: t.i)


def _actor(token: Token | None, index: EntityIndex) -> Actor | None:
    if token is None:
        return None
    tokens = phrase_tokens(token)
    mention = Span.of_tokens(tokens[0], tokens[-1])
    key = index.entity_of(token) or index.entity_in(tokens)
    if key is not None:
        return Actor(key[1], key[0], None, None, index.entity_id(key), mention)
    return Actor(mention.text, "unknown", None, None, None, mention)


def _number(token: Token) -> float | None:
    text = token.text.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    return float(_NUMBER_WORDS[token.lower_]) if token.lower_ in _NUMBER_WORDS else None


def _quantities(tokens: list[Token]) -> tuple[Quantity, ...]:
    out = []
    for tok in tokens:
        if tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN"):
            value = _number(tok)
            if tok.head.i < tok.i:
                continue
            out.append(Quantity(value, tok.head.lemma_.lower(), Span.of_tokens(tok, tok.head)))
    return tuple(out)


def _status(trigger: Token) -> tuple[str, str]:
    children = list(trigger.children)
    if any(c.dep_ == "neg" for c in children):
        return "negated", "negation_on_trigger"
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ in ("no", "neither")
                                                            for d in c.children) for c in children):
        return "negated", "negated_argument"
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in children):
        return "future", "future_auxiliary"
    if any(c.dep_ == "mark" and c.lower_ == "if" for c in children):
        return "future", "conditional_clause"
    head = trigger
    while head.dep_ in ("xcomp", "ccomp", "conj") and head.head is not head:
        head = head.head
        if head.lemma_ in FUTURE_GOVERNORS and trigger.dep_ == "xcomp":
            return "future", f"governed_by_{head.lemma_}"
        if head.lemma_ in HEDGE_GOVERNORS:
            return "hedged", f"governed_by_{head.lemma_}"
        if any(c.dep_ == "neg" for c in head.children) and head.lemma_ not in REPORTING_VERBS:
            return "negated", f"negated_{head.lemma_}"
    if any(c.lower_ in HEDGE_ADVERBS for c in children):
        return "hedged", "hedge_adverb"
    return "reported", "stated_by_reporter"


def find_events(doc: Doc, index: EntityIndex, quotes: list[Quote], article_id: str,
                pubdate: str | None) -> list[Event]:
    text = doc.text
    events = []
    for trigger in doc:
        if trigger.pos_ != "VERB" or trigger.lemma_ not in EVENT_TRIGGERS:
            continue
        category, mode = EVENT_TRIGGERS[trigger.lemma_]
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children)
        subj = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
        obj = next((c for c in trigger.children if c.dep_ == "dobj"), None)
        if passive:
            agent = next((c for c in trigger.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            obj = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
        local = _local_subtree(trigger)
        status, why = _status(trigger)
        claim = None
        inside = next((q for q in quotes if q.content.start <= trigger.idx < q.content.end), None)
        if inside is not None and status in ("reported", "claimed"):
            status, why = "claimed", f"inside_{inside.type}_quote"
        if inside is not None:
            claim = Claim(inside.speaker.name, inside.speaker.entity_id, inside.id)
        place = None
        for tok in local:
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "over", "across") \
                    and tok.ent_type_ in ("GPE", "LOC", "FAC"):
                tokens = [t for t in tok.subtree if t.ent_type_ == tok.ent_type_] or [tok]
                mention = Span.of(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
                place = Place(mention.text, mention=mention)
                break
        date = None
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME") and any(t in local for t in ent):
                mention = Span.of(text, ent.start_char, ent.end_char)
                date = resolve_date(ent.text, mention, pubdate, future=status == "future")
                break
        sent = trigger.sent
        sent_text = sent.text.rstrip()
        evidence = Span.of(text, sent.start_char, sent.start_char + len(sent_text))
        trigger_span = Span.of(text, trigger.idx, trigger.idx + len(trigger))
        events.append(Event(
            id=content_id("v_", article_id, trigger_span.start, trigger_span.end, category),
            category=category, mode=mode, trigger=trigger_span, actor=_actor(subj, index),
            target=_actor(obj, index), place=place, date=date, quantities=_quantities(local), status=status,
            claimed_by=claim if status == "claimed" else None, evidence=evidence,
            reason=f"lexicon_{trigger.lemma_}:{why}",
        ))
    return events
