"""find_places over parsed text: recognition, literal reading, context, offsets, the seed article."""

from __future__ import annotations

import pytest

from newsledger.geo import find_places
from newsledger.geo.recognize import Mention
from newsledger.geo.resolve import distance_km, resolve


def _places(nlp, gazetteer, text, **options):
    places = find_places(nlp(text), gazetteer=gazetteer, **options)
    for place in places:
        assert text[place.mention.start:place.mention.end] == place.mention.text
    return places


def _by_text(places, text):
    found = [p for p in places if p.mention.text == text]
    assert found, f"{text!r} not found in {[p.mention.text for p in places]}"
    return found[0]


def test_metonymic_washington_is_an_actor_not_a_place(nlp, gazetteer):
    places = _places(nlp, gazetteer, "Washington said on Monday that it would impose new sanctions on Moscow.")
    washington = _by_text(places, "Washington")
    assert not washington.literal and "subject_of_say" in washington.reason
    assert washington.geonameid == 4140963  # still resolved: the capital, not the state


def test_literal_use_after_a_locative_preposition(nlp, gazetteer):
    places = _places(nlp, gazetteer, "Thousands of protesters gathered in Washington on Monday.")
    washington = _by_text(places, "Washington")
    assert washington.literal and washington.geonameid == 4140963 and washington.country == "USA"


def test_literal_only_drops_names_used_for_something_else(nlp, gazetteer):
    text = "Russia said its jets struck targets in Idlib province. Russian officials denied it."
    everything = _places(nlp, gazetteer, text)
    literal = _places(nlp, gazetteer, text, literal_only=True)
    assert {p.mention.text for p in everything} >= {"Russia", "Idlib", "Russian"}
    assert [p.mention.text for p in literal] == ["Idlib"]
    idlib = literal[0]
    assert idlib.precision == "admin1" and idlib.geonameid == 169387  # "province" says which Idlib


@pytest.mark.parametrize("text, country, admin1", [
    ("A tornado damaged homes in Paris, Texas, on Monday. Officials in Paris asked residents to stay home.",
     "USA", "Texas"),
    ("Police closed streets in Paris on Monday after the French government raised its terror alert.",
     "FRA", "Île-de-France"),
])
def test_context_decides_which_paris(nlp, gazetteer, text, country, admin1):
    paris = [p for p in _places(nlp, gazetteer, text) if p.mention.text == "Paris"]
    assert paris and all((p.country, p.admin1) == (country, admin1) for p in paris)


def test_dateline_with_a_state_abbreviation(nlp, gazetteer):
    places = _places(nlp, gazetteer, "LEXINGTON, Ky. (AP) — The city council voted to raise the minimum wage.")
    assert _by_text(places, "Ky.").name == "Kentucky"
    lexington = _by_text(places, "LEXINGTON")
    assert lexington.admin1 == "Kentucky" and lexington.precision == "city"


def test_a_person_is_not_a_town_of_their_surname(nlp, gazetteer):
    text = ("Megyn Kelly interviewed the senator in Texas on Monday. Kelly asked about the border wall, and "
            "the senator said Texas needed it.")
    assert "Kelly" not in {p.mention.text for p in _places(nlp, gazetteer, text)}


def test_an_unknown_name_is_kept_unresolved_with_a_reason(gazetteer):
    text = "Fighting near Qwxzvbn Square in Aleppo."
    aleppo_hits = gazetteer.lookup("Aleppo")
    square_at, aleppo_at = text.index("Qwxzvbn Square"), text.index("Aleppo")
    mentions = [Mention(square_at, square_at + 14, "Qwxzvbn Square", "ner_fac", ("qwxzvbn square",), []),
                Mention(aleppo_at, aleppo_at + 6, "Aleppo", "ner_gpe", ("aleppo",), aleppo_hits)]
    square, aleppo = resolve(mentions, text, gazetteer)
    assert square.geonameid is None and square.lat is None and "not_in_gazetteer" in square.reason
    assert aleppo.geonameid == 170063
    square, _ = resolve(mentions, text, gazetteer, near=True)
    assert square.geonameid is None and square.precision == "near" and square.reason.endswith(":near:Aleppo")
    assert distance_km(square.lat, square.lon, aleppo.lat, aleppo.lon) == 0


def test_seed_article_places(nlp, gazetteer, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    places = _places(nlp, gazetteer, text)
    by_text: dict[str, list] = {}
    for place in places:
        by_text.setdefault(place.mention.text, []).append(place)
    for name, geonameid in [("Maaret al-Numan", 167611), ("Jisr al-Shughur", 169023), ("Damascus", 170654)]:
        assert [p.geonameid for p in by_text[name]] == [geonameid] * len(by_text[name]), name
        assert all(p.literal and p.country == "SYR" and p.precision == "city" for p in by_text[name])
    assert all(p.country == "SYR" for p in by_text["Idlib"] + by_text["Hama"])
    assert by_text["Syria"][0].geonameid == 163843
    # "Russia claimed ...", "Iran is sending ...": actors, not places.
    assert not any(p.literal for p in by_text["Iran"])
    assert any(not p.literal and "subject_of" in p.reason for p in by_text["Russia"])
    assert all(p.mention.text not in ("Ali", "Haj", "RIA", "al-Nusra") for p in places)


@pytest.mark.parametrize("text, name, geonameid", [
    ("Floods closed roads across West Virginia on Monday.", "West Virginia", 4826850),
    ("The miners struck in South Africa last week.", "South Africa", 953987),
])
def test_a_whole_name_before_its_shortening(nlp, gazetteer, text, name, geonameid):
    assert _by_text(_places(nlp, gazetteer, text), name).geonameid == geonameid


@pytest.mark.parametrize("text, name, geonameid", [
    # The next list item and the start of the next phrase are not "Town, State" qualifiers.
    ("After stops in Washington, New York and Boston, the crown prince flew home.", "Washington", 4140963),
    ("He was accused of business ties in Russia, U.S. officials said on Wednesday.", "Russia", 2017370),
])
def test_a_comma_alone_does_not_qualify(nlp, gazetteer, text, name, geonameid):
    assert _by_text(_places(nlp, gazetteer, text), name).geonameid == geonameid


@pytest.mark.parametrize("text, name", [
    ("TORONTO — A young man and his mother have launched a lawsuit against the police.", "TORONTO"),
    ("MANILA, Philippines – Ahead of Easter Sunday, churches asked for calm.", "MANILA"),
    ("Hanoi (VNA) – Vietnam always supports peace talks.", "Hanoi"),
])
def test_a_dateline_is_literal(nlp, gazetteer, text, name):
    place = _by_text(_places(nlp, gazetteer, text), name)
    assert place.literal and place.reason.endswith(":dateline")


@pytest.mark.parametrize("text, name", [
    ("Prices fell sharply in the Turkish market last year.", "Turkish"),
    ("She survived torture in Syria's notorious jails.", "Syria"),
    ("Trump spent the weekend at his Florida resort.", "Florida"),
    ("Zuma appeared in a Durban court on Friday.", "Durban"),
    ("The Saudi intervention in Yemen's civil war has failed so far.", "Yemen"),
])
def test_a_name_that_says_where_a_thing_is_is_literal(nlp, gazetteer, text, name):
    assert _by_text(_places(nlp, gazetteer, text), name).literal


@pytest.mark.parametrize("text, word", [
    ("A strong El Niño has a significant impact on the hurricane season.", "El Niño"),
    ("The Commonwealth of Independent States has witnessed growth.", "Commonwealth"),
])
def test_generic_words_are_not_places_whatever_their_spelling(nlp, gazetteer, text, word):
    assert word not in {p.mention.text for p in _places(nlp, gazetteer, text)}


@pytest.mark.parametrize("text, name, country", [
    # Queensland names Australia, so its town of 150,000 is a place although the model calls it a person.
    ("Heavy rain hit Queensland on Monday. Cairns recorded 200 mm and roads north of Cairns were closed.",
     "Cairns", "AUS"),
    ("Officers in Essex arrested two men on Tuesday.", "Essex", "GBR"),
])
def test_places_named_without_their_country(nlp, gazetteer, text, name, country):
    assert _by_text(_places(nlp, gazetteer, text), name).country == country


@pytest.mark.parametrize("text, name", [
    ("At a candidates forum in Clarinda, Axne said one of the biggest issues was jobs.", "Clarinda"),
    ("The shooting happened at a gas station in Riverdale on Friday.", "Riverdale"),
])
def test_a_small_town_after_a_locative_preposition(nlp, gazetteer, text, name):
    place = _by_text(_places(nlp, gazetteer, text), name)
    assert place.name == name and place.precision == "city" and place.literal


@pytest.mark.parametrize("text, name, literal", [
    ("A former governor of Enugu State was arrested on Monday.", "Enugu State", False),
    ("The Bank of Japan kept rates on hold.", "Japan", False),
    ("Rebels shelled the outskirts of Aleppo overnight.", "Aleppo", True),
    ("The crown prince concluded a three-week US tour on Saturday.", "US", True),
])
def test_of_an_institution_is_not_literal(nlp, gazetteer, text, name, literal):
    assert _by_text(_places(nlp, gazetteer, text), name).literal is literal


@pytest.mark.parametrize("text, country", [
    ("The company has offices in Indianapolis, Indiana and Atlanta, Georgia.", "USA"),
    ("Protesters gathered in Tbilisi, Georgia, on Sunday.", "GEO"),
])
def test_a_qualifier_takes_the_sense_that_holds_the_town(nlp, gazetteer, text, country):
    assert _by_text(_places(nlp, gazetteer, text), "Georgia").country == country


@pytest.mark.parametrize("text, acronym", [
    ("Militants of the PKK attacked a police post.", "PKK"),
    ("Agents from the ATF searched the house on Tuesday.", "ATF"),
])
def test_an_organisation_acronym_is_not_a_town_code(nlp, gazetteer, text, acronym):
    assert acronym not in {p.mention.text for p in _places(nlp, gazetteer, text)}


def test_a_name_without_its_leading_words_stays_in_the_article_s_countries(nlp, gazetteer):
    text = "Police in the West Midlands said two men had been arrested."
    assert all(p.country != "ZWE" for p in _places(nlp, gazetteer, text))


def test_a_small_town_named_like_a_state_is_the_state(nlp, gazetteer):
    text = ("The family searched for land from mid-Ohio to the western borders of Montana and Wyoming before "
            "settling in Ohio.")
    wyoming = _by_text(_places(nlp, gazetteer, text), "Wyoming")
    assert wyoming.precision == "admin1" and wyoming.geonameid == 5843591


def test_a_small_town_after_a_motion_to_or_from(nlp, gazetteer):
    text = "The closure will affect people travelling to Cirencester from Gloucester on Monday night."
    assert _by_text(_places(nlp, gazetteer, text), "Cirencester").country == "GBR"


def test_a_town_after_in_even_when_a_person_shares_its_name(nlp, gazetteer):
    text = "Mayor John Riverdale spoke first. A gas station in Riverdale sold the winning ticket on Friday."
    riverdale = [p for p in _places(nlp, gazetteer, text) if p.mention.text == "Riverdale"]
    assert riverdale and all(p.precision == "city" for p in riverdale)
