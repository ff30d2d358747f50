"""The founding example through the whole pipeline: what the skeleton guarantees on it.

The attribution and events issues add their own, stricter seed tests; these cover the skeleton's promises
(cleaning, spans, a first cut of quotes and events that already gets the named cases right).
"""

from __future__ import annotations

import pytest

from tests.conftest import assert_spans_valid


def _quote_by_content(article, fragment):
    matches = [q for q in article.quotes if fragment in q.content.text]
    assert matches, f"no quote contains {fragment!r}"
    return matches[0]


def test_clean_text_drops_blog_junk_and_splits_glued_words(seed_article):
    assert "No comments" not in seed_article.text
    assert "Post a Comment" not in seed_article.text
    assert "official said on Thursday" in seed_article.text
    assert any(w.startswith("boilerplate_dropped: comments: No comments") for w in seed_article.warnings)


def test_every_span_is_valid_in_both_offset_modes(seed_article, seed_path):
    assert assert_spans_valid(seed_article.to_dict()) > 100
    as_input = seed_article.to_dict(offsets="input")
    assert as_input["text"] == seed_path.read_text(encoding="utf-8")
    assert assert_spans_valid(as_input) > 100


def test_glued_word_maps_back_to_the_glued_input(seed_article):
    record = seed_article.to_dict(offsets="input")
    quote = next(q for q in record["quotes"] if "not scaled back" in q["content"]["text"])
    assert quote["content"]["text"].endswith("its attacks on ISIL in Syria since the launch of Russian air strikes")
    event_texts = [e["evidence"]["text"] for e in record["events"]]
    assert all("on Thursday" not in t or "onThursday" not in t for t in event_texts)


@pytest.mark.parametrize(
    ("fragment", "speaker", "reason_part"),
    [
        ("I would recall that we always", "Sergey Lavrov", "named_entity"),
        ("If it looks like a terrorist", "Sergey Lavrov", "continuation"),
        ("Russian Sukhoi Su-24M", "Igor Konashenkov", "named_entity"),
        ("information on the result of the strikes", "Igor Konashenkov", "pronoun_he"),
        ("We are continuing our operations in Syria", "Steve Warren", "continuation"),
        ("We are a polite people", "Sergey Lavrov", "continuation"),
        ("the camp in Idlib was struck", "Hassan Haj Ali", "named_entity"),
        ("Two air strikes hit a training camp", "Hassan Haj Ali", ""),
        ("We have prevented Islamic State (IS) fighters", "Igor Konashenkov", ""),
        ("The goal [of the Russian operation]", "Dmitry Peskov", ""),
        ("We have not altered operations in Syria", "Steve Warren", "pronoun_he"),
        ("Russia is not planning on expanding", "Sergey Lavrov", ""),
        ("We were not invited or asked", "Sergey Lavrov", ""),
    ],
)
def test_named_speakers(seed_article, fragment, speaker, reason_part):
    quote = _quote_by_content(seed_article, fragment)
    assert quote.speaker.name == speaker
    assert quote.speaker.kind == "person"
    assert reason_part in quote.reason


def test_multi_paragraph_quote_is_one_quote_across_paragraphs(seed_article):
    quote = _quote_by_content(seed_article, "If it looks like a terrorist")
    assert "This is basically our position as well" in quote.content.text
    assert "multi_paragraph" in quote.reason
    assert not quote.content.text.startswith('"') and not quote.content.text.endswith('"')


def test_conduits(seed_article):
    assert _quote_by_content(seed_article, "Russian Sukhoi Su-24M").conduit.name.startswith("RIA Novosti")
    assert _quote_by_content(seed_article, "Two air strikes hit").conduit.name.startswith("Reuters")
    assert _quote_by_content(seed_article, "not yet").conduit.name.startswith("France 24")


def test_anonymous_source_is_not_forced_onto_a_name(seed_article):
    quote = _quote_by_content(seed_article, "has not scaled back its attacks")
    assert quote.speaker.kind == "anonymous"
    assert quote.speaker.name == "a US military official"


def test_roles_from_appositions(seed_article):
    roles = {e.name: e.role for e in seed_article.entities if e.kind == "person"}
    assert roles["Igor Konashenkov"] == "defence ministry spokesman"
    assert roles["Steve Warren"] == "military spokesperson"
    assert roles["Haider al-Abbadi"] == "Iraqi prime minister"
    assert roles["Sergey Lavrov"] == "Russia's foreign minister"  # introduced by role before the name


def test_one_entity_per_person(seed_article):
    people = [e for e in seed_article.entities if e.kind == "person"]
    names = [e.name for e in people]
    assert names.count("Sergey Lavrov") == 1
    assert "Lavrov" not in names and "Konashenkov" not in names
    lavrov = next(e for e in people if e.name == "Sergey Lavrov")
    assert len(lavrov.mentions) >= 4


def test_claimed_event_names_the_quote_speaker(seed_article):
    event = next(e for e in seed_article.events if e.trigger.text == "struck" and e.place and e.place.name == "Idlib")
    assert event.status == "claimed"
    assert event.claimed_by.name == "Hassan Haj Ali"
    assert any(q.mention.text.endswith("20 missiles") and q.value == 20 for q in event.quantities)


def test_ids_are_stable(seed_article, seed_path):
    import newsledger

    again = newsledger.process(seed_path.read_text(encoding="utf-8"), pubdate="2015-10-02")
    assert again.id == seed_article.id
    assert [q.id for q in again.quotes] == [q.id for q in seed_article.quotes]
    assert [e.id for e in again.events] == [e.id for e in seed_article.events]


@pytest.mark.parametrize(
    ("fragment", "name", "kind"),
    [
        ("it had also hit an ISIL training camp", "defence ministry", "organization"),
        ("it would welcome Russian air strikes", "Government of Iraq", "organization"),
        ("like the United States", "Government of Russia", "organization"),
    ],
)
def test_organizations_and_governments_speak(seed_article, fragment, name, kind):
    quote = _quote_by_content(seed_article, fragment)
    assert (quote.speaker.name, quote.speaker.kind) == (name, kind)


def test_quoted_as_saying_keeps_speaker_and_conduit(seed_article):
    quote = _quote_by_content(seed_article, "The goal [of the Russian operation]")
    assert quote.cue.text == "quoted"
    assert quote.conduit.name == "Russian news agencies"


def test_scare_quotes_inside_a_sentence_are_not_quotes(seed_article):
    assert not [q for q in seed_article.quotes if q.content.text == "enemy excavators" and q.type == "direct"
                and q.speaker.name is None]


def test_claimed_content_runs_to_the_end_of_the_clause(seed_article):
    quote = _quote_by_content(seed_article, "like the United States")
    assert quote.content.text.endswith("attacking only Islamist terrorist groups")


def test_reports_suggested_is_an_anonymous_source(seed_article):
    quote = _quote_by_content(seed_article, "Iran is sending combat troops")
    assert (quote.speaker.name, quote.speaker.kind) == ("reports", "anonymous")
