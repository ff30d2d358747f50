"""Actor coding (country, sector, backing) and actor/target finding, on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsledger.nlp.actors import code_actor, participants, phrase


def _code(nlp, text, sub):
    doc = nlp(text)
    start = text.index(sub)
    span = doc.char_span(start, start + len(sub), alignment_mode="expand")
    return code_actor(list(span), doc)


@pytest.mark.parametrize("text, sub, country, sector", [
    ("Russian warplanes bombed the depot at dawn.", "Russian warplanes", "RUS", "military"),
    ("Its jets struck positions held by U.S.-backed rebel forces.", "U.S.-backed rebel forces", None, "rebel"),
    ("The US-led coalition has kept up its raids.", "The US-led coalition", None, "military"),
    ("Iraq's government said it would welcome the help.", "Iraq's government", "IRQ", "government"),
    ("The Kremlin rejected the report on Friday.", "The Kremlin", "RUS", "government"),
    ("Moscow rejected the report on Friday.", "Moscow", "RUS", "government"),
    ("A commander of Liwa Suqour al-Jabal spoke to us.", "Liwa Suqour al-Jabal", None, "rebel"),
    ("A camp run by a rebel group was hit.", "rebel group", None, "rebel"),
    ("Egyptian police dispersed the crowd.", "Egyptian police", "EGY", "police"),
    ("The Socialist Party won the vote.", "The Socialist Party", None, "party"),
    ("NATO condemned the attack.", "NATO", None, "igo"),
    ("The United Nations sent observers.", "The United Nations", None, "igo"),
    ("Amnesty International criticised the trial.", "Amnesty International", None, "ngo"),
    ("French journalists were expelled.", "French journalists", "FRA", "media"),
    ("Chinese companies won the contracts.", "Chinese companies", "CHN", "business"),
    ("Palestinians marched through the town.", "Palestinians", "PSE", "civilian"),
    ("The lawmakers of Kenya voted against it.", "lawmakers", None, "legislature"),
])
def test_country_and_sector(nlp, text, sub, country, sector):
    code = _code(nlp, text, sub)
    assert (code.country, code.sector) == (country, sector), code.reason


def test_backing_and_leading_are_notes_not_the_country(nlp):
    backed = _code(nlp, "Its jets struck U.S.-backed rebel forces.", "U.S.-backed rebel forces")
    assert backed.backed_by == "USA" and backed.country is None
    led = _code(nlp, "The US-led coalition kept up its raids.", "The US-led coalition")
    assert led.led_by == "USA" and led.backed_by is None


def test_unknown_is_none_with_a_reason(nlp):
    code = _code(nlp, "Some man threw a stone.", "Some man")
    assert code.country is None and code.sector is None
    assert "no_country" in code.reason and "no_sector" in code.reason


def test_a_capital_as_a_place_is_not_a_government(nlp):
    code = _code(nlp, "Rebels shelled the outskirts of Kabul.", "Kabul")
    assert code.country == "AFG" and code.sector is None


@pytest.mark.parametrize("text, actor, target", [
    ("The rebels attacked the army base.", ["rebels"], ["army base"]),
    ("The village was shelled by government troops.", ["government troops"], ["village"]),
    ("Jordan held talks with Egypt on Monday.", ["Jordan"], ["Egypt"]),
    ("The union demanded that the government raise wages.", ["union"], ["government"]),
    ("Norway and Sweden agreed on a new border treaty.", ["Norway", "Sweden"], ["Norway", "Sweden"]),
])
def test_participants(nlp, text, actor, target):
    from newsledger.nlp.plover import main_event

    doc = nlp(text)
    trigger, _ = main_event(doc)
    actors, targets = participants(trigger)
    assert [" ".join(t.text for t in phrase(h)) for h in actors] == actor
    assert [" ".join(t.text for t in phrase(h)) for h in targets] == target


@pytest.mark.parametrize("sub, country, sector", [
    ("Russian warplanes", "RUS", "military"),
    ("U.S.-backed rebel forces", None, "rebel"),
    ("The US-led coalition", None, "military"),
    ("Iraq's government", "IRQ", "government"),
    ("Liwa Suqour al-Jabal", None, "rebel"),
    ("rebel group", None, "rebel"),
])
def test_seed_actors(nlp, seed_path, sub, country, sector):
    text = seed_path.read_text(encoding="utf-8")
    doc = nlp(text)
    start = text.index(sub)
    code = code_actor(list(doc.char_span(start, start + len(sub), alignment_mode="expand")), doc)
    assert (code.country, code.sector) == (country, sector), code.reason
