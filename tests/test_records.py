"""Records: content-derived ids and the export schema of ``Article.to_dict``."""

from __future__ import annotations

import hashlib
import json

import pytest

import newsledger
from newsledger.clean import clean_text
from newsledger.records import (Actor, Article, Claim, Conduit, DateRef, Entity, Event, Geo, Place, Quantity, Quote,
                                Span, Speaker, content_id)
from tests.conftest import assert_spans_valid

ARTICLE_KEYS = ["id", "input_id", "url", "source", "title", "pubdate", "text", "quotes", "events", "entities",
                "warnings", "story_id", "duplicate_of"]
QUOTE_KEYS = {"id", "type", "content", "cue", "speaker", "conduit", "reason", "scope"}
SPEAKER_KEYS = {"name", "kind", "role", "entity_id", "mention"}
EVENT_KEYS = {"id", "category", "mode", "trigger", "actor", "target", "place", "date", "quantities", "status",
              "claimed_by", "evidence", "reason", "ledger_event_id"}
ENTITY_KEYS = {"id", "name", "kind", "aliases", "role", "country", "geo", "mentions"}
SPAN_KEYS = {"start", "end", "text"}

TEXT = ("Protesters marched through Highvale on Saturday to oppose the closure of the town hospital.\n"
        "\"We will not let them take our hospital away,\" organiser Ruth Lindqvist told the crowd.\n"
        "Police said about 2,000 people took part and two men were arrested.\n"
        "Health minister Marek Novak said the decision would not be reversed.")


# -- content_id -----------------------------------------------------------------------------------------------
def test_content_id_is_prefix_plus_16_hex_of_sha1():
    expected = "q_" + hashlib.sha1("a_1\x1f10\x1f42".encode()).hexdigest()[:16]
    assert content_id("q_", "a_1", 10, 42) == expected


@pytest.mark.parametrize("parts", [("a",), ("a", 1, 2), ("Zürich", None, 3.5), ()])
def test_content_id_is_stable(parts):
    assert content_id("x_", *parts) == content_id("x_", *parts)
    value = content_id("x_", *parts)
    assert value.startswith("x_") and len(value) == 18 and int(value[2:], 16) >= 0


@pytest.mark.parametrize("left, right", [
    (("a", 1, 2), ("a", 1, 3)),
    (("a", 1, 2), ("a", 2, 1)),
    (("ab", "c"), ("a", "bc")),
    (("a", 1), ("a", 1, "")),
    (("a",), ("b",)),
])
def test_content_id_differs_for_different_parts(left, right):
    assert content_id("x_", *left) != content_id("x_", *right)


def test_content_id_prefix_is_kept_apart_from_the_hash():
    assert content_id("q_", "a")[2:] == content_id("v_", "a")[2:]
    assert content_id("q_", "a") != content_id("v_", "a")


# -- the export schema -------------------------------------------------------------------------------------------
def span(text: str, word: str) -> Span:
    start = text.index(word)
    return Span.of(text, start, start + len(word))


def hand_made_article() -> Article:
    text = "Police arrested two men in Highvale on Friday, officials said."
    police = Entity("e_1", "Police", "organization", ("police",), None, "XX", None, (span(text, "Police"),))
    town = Entity("e_2", "Highvale", "place", (), None, "XX", Geo(123, 1.5, 2.5, "North", "city"),
                  (span(text, "Highvale"),))
    quote = Quote("q_1", "indirect", span(text, "Police arrested two men"), span(text, "said"),
                  Speaker("officials", "group", None, None, span(text, "officials")),
                  Conduit("officials", span(text, "officials")), "test")
    event = Event("v_1", "ARREST", None, span(text, "arrested"),
                  Actor("Police", "organization", entity_id="e_1", mention=span(text, "Police")),
                  Actor("two men", "person", mention=span(text, "two men")),
                  Place("Highvale", 123, 1.5, 2.5, "XX", "North", "city", span(text, "Highvale")),
                  DateRef("2016-04-08", None, "day", span(text, "Friday")),
                  (Quantity(2.0, "person", span(text, "two")),), "reported", Claim("officials", None, "q_1"),
                  span(text, "Police arrested two men in Highvale on Friday"), "test")
    return Article("a_1", "in-1", "https://example.org/x", "Gazette", "Arrests", "2016-04-09", text,
                   (quote,), (event,), (police, town), ("a warning",))


def check_schema(record: dict) -> None:
    assert list(record) == ARTICLE_KEYS
    for quote in record["quotes"]:
        assert set(quote) == QUOTE_KEYS
        assert set(quote["speaker"]) == SPEAKER_KEYS
        assert set(quote["content"]) == SPAN_KEYS
    for event in record["events"]:
        assert set(event) == EVENT_KEYS
        assert set(event["trigger"]) == SPAN_KEYS and set(event["evidence"]) == SPAN_KEYS
        assert isinstance(event["quantities"], list)
    for entity in record["entities"]:
        assert set(entity) == ENTITY_KEYS
        assert isinstance(entity["aliases"], list) and isinstance(entity["mentions"], list)
    assert isinstance(record["warnings"], list)
    assert json.loads(json.dumps(record)) == record  # plain JSON values only


def test_to_dict_of_a_hand_made_article_is_the_export_schema():
    article = hand_made_article()
    record = article.to_dict()
    check_schema(record)
    assert list(Article.EXPORT_KEYS) == ARTICLE_KEYS
    assert record["events"][0]["place"]["geonameid"] == 123
    assert record["events"][0]["claimed_by"] == {"name": "officials", "entity_id": None, "quote_id": "q_1"}
    assert record["entities"][1]["geo"] == {"geonameid": 123, "lat": 1.5, "lon": 2.5, "admin1": "North",
                                            "precision": "city"}
    assert assert_spans_valid(record) == 13  # 2 entity mentions, 4 in the quote, 7 in the event


def test_input_offsets_need_an_offset_map():
    with pytest.raises(ValueError, match="no offset map"):
        hand_made_article().to_dict(offsets="input")


@pytest.fixture(scope="module")
def processed_twice():
    return newsledger.process(TEXT, pubdate="2016-04-10"), newsledger.process(TEXT, pubdate="2016-04-10")


def test_to_dict_of_a_processed_article_is_the_export_schema(processed_twice):
    article = processed_twice[0]
    record = article.to_dict()
    check_schema(record)
    assert record["quotes"] and record["events"] and record["entities"]
    assert assert_spans_valid(record) > 0
    check_schema(article.to_dict(offsets="input"))


def test_processing_the_same_text_twice_gives_the_same_ids(processed_twice):
    first, second = processed_twice
    assert first.id == second.id
    assert [q.id for q in first.quotes] == [q.id for q in second.quotes]
    assert [e.id for e in first.events] == [e.id for e in second.events]
    assert [e.id for e in first.entities] == [e.id for e in second.entities]
    assert first.to_dict() == second.to_dict()
    all_ids = [first.id] + [x.id for x in (*first.quotes, *first.events, *first.entities)]
    assert len(set(all_ids)) == len(all_ids)


def test_article_id_ignores_spacing_and_case_but_not_words(processed_twice):
    article = processed_twice[0]
    respaced = newsledger.process("  " + TEXT.replace(" ", "  ").upper() + "\n")
    assert respaced.id == article.id
    changed = newsledger.process(TEXT.replace("2,000", "3,000"))
    assert changed.id != article.id


def test_article_id_does_not_depend_on_metadata(processed_twice):
    article = processed_twice[0]
    other = newsledger.process(TEXT, pubdate="2016-05-01", url="https://example.org/h", source="Gazette",
                               title="Hospital march")
    assert other.id == article.id
    assert (other.url, other.source, other.title, other.pubdate) == ("https://example.org/h", "Gazette",
                                                                      "Hospital march", "2016-05-01")


def test_the_clean_text_is_the_text_of_the_record(processed_twice):
    assert processed_twice[0].text == clean_text(TEXT).text
