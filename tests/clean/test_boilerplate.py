"""Boilerplate lines: a whole junk line is dropped (and reported); sentences that mention the words stay."""

from __future__ import annotations

import pytest

from newsledger.clean import clean_text
from newsledger.clean.boilerplate import junk_kind

BODY_BEFORE = "The council of Highvale approved the budget on Monday after a long debate."
BODY_AFTER = "Residents said they hoped the new library would open before the summer."

JUNK = [
    ("No comments:", "comments"),
    ("3 Comments", "comments"),
    ("Post a Comment", "comments"),
    ("Leave a reply", "comments"),
    ("Share this:", "share"),
    ("Share on Facebook", "share"),
    ("Tweet", "share"),
    ("Subscribe to our newsletter", "subscribe"),
    ("Sign up for our free daily newsletter!", "subscribe"),
    ("Advertisement", "advertisement"),
    ("Sponsored content", "advertisement"),
    ("Related articles", "related"),
    ("Read more:", "related"),
    ("You may also like", "related"),
    ("We use cookies to give you the best experience on our website.", "cookies"),
    ("This site uses cookies. By continuing you agree.", "cookies"),
    ("Follow us on Twitter", "follow"),
    ("Like us on Facebook", "follow"),
    ("Older Post Home", "navigation"),
    ("Labels: politics, harbour", "navigation"),
    ("\u00a9 2016 Highvale Gazette. All rights reserved.", "copyright"),
]


@pytest.mark.parametrize("line, kind", JUNK)
def test_junk_line_is_dropped_whole(line, kind):
    assert junk_kind(line) == kind
    assert junk_kind(f"   {line}  ") == kind
    raw = f"{BODY_BEFORE}\n{line}\n{BODY_AFTER}"
    cleaned = clean_text(raw)
    assert cleaned.text == f"{BODY_BEFORE}\n{BODY_AFTER}"
    assert cleaned.dropped_lines == [f"{kind}: {line}"]


@pytest.mark.parametrize("line, kind", JUNK[:6])
def test_junk_at_the_start_and_end_leaves_no_stray_breaks(line, kind):
    raw = f"{line}\n{BODY_BEFORE}\n{BODY_AFTER}\n{line}\n"
    cleaned = clean_text(raw)
    assert cleaned.text == f"{BODY_BEFORE}\n{BODY_AFTER}"
    assert len(cleaned.dropped_lines) == 2
    start = cleaned.text.index(BODY_AFTER)
    s, e = cleaned.offset_map.to_input(start, start + len(BODY_AFTER))
    assert raw[s:e] == BODY_AFTER


def test_seed_like_tail_with_crlf_is_dropped():
    raw = f"{BODY_BEFORE}\r\n\"We are a patient people,\" he said.\r\nNo comments:\r\nPost a Comment"
    cleaned = clean_text(raw)
    assert cleaned.text == f"{BODY_BEFORE}\n\"We are a patient people,\" he said."
    assert [d.split(":")[0] for d in cleaned.dropped_lines] == ["comments", "comments"]


def test_drop_boilerplate_can_be_switched_off():
    raw = f"{BODY_BEFORE}\nNo comments:"
    assert clean_text(raw, drop_boilerplate=False).text == raw


KEPT = [
    "The minister declined to comment on the newsletter leak.",
    "No comment was made by the embassy on Tuesday.",
    "Share prices fell sharply on Monday after the announcement.",
    "Shares in the company rose 4 percent.",
    "Subscribers to the local paper complained about the price rise.",
    "Advertising revenue fell by a third, the company said.",
    "Related charges were filed against two other men.",
    "The court said the website used cookies without consent.",
    "Police asked residents to follow the evacuation orders.",
    "Home prices in the capital rose for a sixth month.",
    "He said he would sign up for the army if the war continued.",
    "Twitter suspended the account on Friday.",
    "Email records show the mayor knew of the leak.",
    "More than 200 comments were posted under the minister's statement.",
    "Read the full statement, the spokesman told reporters, and judge for yourselves.",
    "Ads for the concert appeared on buses across the city.",
]


@pytest.mark.parametrize("sentence", KEPT)
def test_sentences_that_mention_boilerplate_words_stay(sentence):
    assert junk_kind(sentence) is None
    raw = f"{BODY_BEFORE}\n{sentence}\n{BODY_AFTER}"
    cleaned = clean_text(raw)
    assert cleaned.text == raw
    assert cleaned.dropped_lines == []


@pytest.mark.parametrize("sentence", [
    "Copyright lawyers said the ruling would change how newspapers pay photographers.",
    "Posted by courier, the letter reached the embassy on Monday morning.",
    "Follow us on Twitter and vote in the poll, the campaign urged supporters on Sunday.",
])
def test_news_sentences_starting_with_boilerplate_words_stay(sentence):
    assert clean_text(f"{BODY_BEFORE}\n{sentence}\n{BODY_AFTER}").text.count("\n") == 2


def test_long_line_is_never_junk():
    line = "Related articles " + "about the harbour " * 10
    assert len(line.strip()) > 120
    assert junk_kind(line) is None
