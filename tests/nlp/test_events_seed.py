"""The issue's checklist for the seed article, one test per item (skips when the seed is absent)."""

from __future__ import annotations

import pytest


def _events(article, trigger: str, fragment: str = ""):
    found = [e for e in article.events if e.trigger.text.lower().startswith(trigger) and fragment in e.evidence.text]
    assert found, f"no event on {trigger!r} with {fragment!r}"
    return found


def test_russian_warplanes_bombed_rebel_groups_on_thursday(seed_article):
    event = _events(seed_article, "bombed", "rebel groups")[0]
    assert event.status == "reported"
    assert event.date is not None and event.date.value == "2015-10-01"
    assert "narrative_frame" in event.reason or "own" in event.reason


def test_five_is_targets_struck_claimed_by_the_defence_spokesman(seed_article):
    # The ministry's claim is Konashenkov's quote: "... conducted eight flights to strike five IS targets".
    event = _events(seed_article, "conducted", "five IS targets")[0]
    assert event.category == "ASSAULT" and "purpose_strike" in event.reason
    assert event.status == "claimed" and event.claimed_by.name == "Igor Konashenkov"


def test_five_more_targets_stay_with_the_unnamed_official(seed_article):
    # "a Russian official said military jets had struck five more ... targets": the text does not say who the
    # official is; naming Konashenkov would be a guess.
    event = _events(seed_article, "struck", "five more")[0]
    assert event.category == "ASSAULT" and event.status == "claimed"
    assert event.claimed_by is not None and event.claimed_by.name == "a Russian official"


def test_five_targets_struck_is_claimed_and_dated(seed_article):
    event = _events(seed_article, "struck", "five more")[0]
    assert event.status == "claimed" and event.claimed_by is not None
    assert event.date is not None and event.date.value == "2015-10-01"


def test_eight_flights_counted(seed_article):
    event = _events(seed_article, "conducted")[0]
    assert any(q.value == 8 and q.unit == "flight" and q.mention.text == "eight flights" for q in event.quantities)


def test_training_camp_and_command_post_hit_claimed_with_place(seed_article):
    event = _events(seed_article, "hit", "Maaret al-Numan")[0]
    assert event.status == "claimed"
    assert event.place is not None and event.place.mention.text.startswith("Maaret al-Numan")
    assert event.place.precision == "city" and event.place.geonameid is not None


def test_camp_in_idlib_hit_by_around_20_missiles_claimed_by_hassan_haj_ali(seed_article):
    event = _events(seed_article, "struck", "20 missiles")[0]
    assert event.status == "claimed"
    assert event.claimed_by.name == "Hassan Haj Ali"
    assert event.place is not None and event.place.mention.text == "Idlib"
    quantity = next(q for q in event.quantities if q.unit == "missile")
    assert quantity.value == 20 and quantity.mention.text == "around 20 missiles"


def test_iran_sending_combat_troops_is_hedged(seed_article):
    event = _events(seed_article, "sending", "Iran")[0]
    assert event.status == "hedged"


def test_coalition_has_not_scaled_back_is_negated(seed_article):
    event = _events(seed_article, "scaled", "coalition")[0]
    assert event.status == "negated"


def test_russia_not_expanding_to_iraq_is_negated(seed_article):
    event = _events(seed_article, "expanding", "Iraq")[0]
    assert event.status == "negated"
    assert event.place is not None and event.place.name == "Iraq"


def test_iraq_would_welcome_strikes_is_future(seed_article):
    event = _events(seed_article, "welcome", "would welcome Russian")[0]
    assert event.status == "future"
    assert event.date is None or event.date.value == "2015-10-01"


def test_planes_did_not_drop_bombs_is_negated(seed_article):
    assert _events(seed_article, "drop", "did not drop")[0].status == "negated"


def test_washington_is_never_an_event_place(seed_article):
    assert all(e.place is None or e.place.name != "Washington" for e in seed_article.events)


def test_event_spans_are_valid(seed_article):
    text = seed_article.text
    for e in seed_article.events:
        for span in (e.trigger, e.evidence, *(q.mention for q in e.quantities)):
            assert text[span.start:span.end] == span.text
        assert e.id.startswith("v_") and e.reason
