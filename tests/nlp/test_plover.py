"""PLOVER categories from the parse, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsledger.nlp.plover import CATEGORIES, classify, main_event, triggers


def _main(nlp, text):
    found = main_event(nlp(text))
    return (found[1].category, found[1].mode) if found else None


@pytest.mark.parametrize("text, category, mode", [
    ("Government warplanes bombed the rebel headquarters on Monday.", "ASSAULT", "aerial"),
    ("Militiamen armed with machetes attacked a village near the border.", "ASSAULT", "primitive"),
    ("Soldiers opened fire on the crowd outside the palace.", "ASSAULT", "firearms"),
    ("Army units shelled the eastern suburbs overnight.", "ASSAULT", "heavy-weapons"),
    ("Police arrested forty students after the march.", "COERCE", "arrest"),
    ("The authorities deported 200 migrants last week.", "COERCE", "deport"),
    ("The two ministers held talks in Vienna on Tuesday.", "CONSULT", None),
    ("The prime minister visited Kenya last month.", "CONSULT", "visit"),
    ("The council imposed sanctions on the ruling party.", "SANCTION", None),
    ("The government lifted the curfew in the capital.", "CONCEDE", None),
    ("Thousands of teachers began a hunger strike outside parliament.", "PROTEST", "strike-hun"),
    ("Farmers blocked the main highway with tractors.", "PROTEST", "obstruct"),
    ("The opposition demanded the resignation of the cabinet.", "REQUEST", None),
    ("The minister rejected the proposal for a ceasefire.", "REJECT", None),
    ("The committee accused the mayor of fraud.", "ACCUSE", None),
    ("The two countries agreed to hold joint naval exercises.", "AGREE", None),
    ("The agency donated medicine to the flooded province.", "AID", None),
    ("The rebels withdrew from the town after a week.", "RETREAT", None),
    ("The president threatened to impose a curfew on the city.", "THREATEN", "curfew"),
    ("The army deployed troops along the northern frontier.", "MOBILIZE", "troops"),
    ("The senator praised the new trade policy.", "SUPPORT", None),
    ("The navies of both countries cooperated in the search.", "COOPERATE", None),
])
def test_main_event_category_and_mode(nlp, text, category, mode):
    assert _main(nlp, text) == (category, mode)


@pytest.mark.parametrize("text, category", [
    ("The country will support the new treaty, its foreign minister said.", "AGREE"),      # a promise
    ("The farmers said they would blockade the capital from Monday.", "THREATEN"),         # a hostile intent
    ("The ministry said the province must release the detainees.", "REQUEST"),           # an obligation
])
def test_intentions_and_obligations(nlp, text, category):
    assert _main(nlp, text)[0] == category


@pytest.mark.parametrize("text", [
    "The spokesman said the talks were useful.",
    "She told reporters that the weather was fine.",
])
def test_reporting_verbs_are_not_events(nlp, text):
    doc = nlp(text)
    assert classify(next(t for t in doc if t.lemma_ in ("say", "tell"))) is None


def test_a_complement_is_not_a_second_trigger(nlp):
    doc = nlp("The governor threatened to ban the newspaper.")
    found = triggers(doc)
    assert [(t.text, c.category) for t, c in found] == [("threatened", "THREATEN")]


def test_nominal_trigger_without_a_verb(nlp):
    doc = nlp("Residents fled after the start of the air strikes on the town.")
    found = {t.text: c for t, c in triggers(doc)}
    assert found["strikes"].category == "ASSAULT" and found["strikes"].mode == "aerial"


def test_every_category_is_known_and_reason_is_machine_readable(nlp):
    for text in ("Rebels attacked the convoy.", "The minister met the envoy."):
        for _, cat in triggers(nlp(text)):
            assert cat.category in CATEGORIES
            assert cat.reason and " " not in cat.reason


def test_seed_events(nlp, seed_path):
    doc = nlp(seed_path.read_text(encoding="utf-8"))
    found = {(t.text, c.category, c.mode) for t, c in triggers(doc)}
    assert ("bombed", "ASSAULT", "aerial") in found
    assert any(t == "struck" and c == "ASSAULT" for t, c, _ in found)
    assert not any(t.lower() in ("said", "told") for t, _, _ in found)
