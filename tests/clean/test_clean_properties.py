"""Property tests of ``clean_text``: whatever the input, the clean text maps back into it faithfully."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsledger.clean import clean_text
from tests.clean.map_checks import assert_map_faithful

# Fragments that scraped news text really contains, mixed with arbitrary Unicode.
FRAGMENTS = [
    "\r\n", "\r", "\n", "\n\n", "\t", "\u00a0", "\u2009", "\u200b", "\u200d", "\ufeff", "\u00ad", "\u2028", "\x07",
    "\u00e2\u20ac\u2122", "\u00e2\u20ac\u0153", "\u00c3\u00a9", "\u00c2\u00a3", "e\u0301",
    "onThursday", "inParis", " Paris ", "inMay", "iPhone", "eBay",
    "No comments:", "Post a Comment", "Share this:", "Advertisement",
    "The minister said on Monday that talks would resume.", "  ", "word", ".", '"', "\u201c", "\u2019",
]
raw_texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=30).map("".join)


@settings(max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw_texts)
@example("Russian jets struck onThursday.\r\nNo comments:\r\nPost a Comment")
@example("It\u00e2\u20ac\u2122s\u00a0a\u200bdeal,\t\the said.")
def test_clean_map_is_in_bounds_monotone_and_faithful(raw):
    assert_map_faithful(raw, clean_text(raw))


# Plain ASCII prose: words from a vocabulary with no boilerplate lines and no glued words.
WORDS = ["the", "council", "voted", "on", "Monday", "to", "build", "a", "new", "bridge", "residents", "said",
         "officials", "3", "million", "euros", "in", "Highvale", "police", "arrested", "two", "men", "(AP)",
         "U.S.-backed", "don't", "\"we", "will\"", "50%", "rebels,", "war-torn"]
sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(lambda ws: " ".join(ws) + ".")
plain_texts = st.lists(sentences, min_size=1, max_size=6).map("\n".join)


@settings(max_examples=200, deadline=None, database=None)
@given(plain_texts, st.sampled_from(["", " ", "\n", "\n\n ", "  \n"]))
def test_plain_ascii_text_is_only_stripped(raw, padding):
    raw = padding + raw + padding
    cleaned = clean_text(raw)
    assert cleaned.text == raw.strip()
    offset = len(raw) - len(raw.lstrip())
    for i in range(len(cleaned.text)):
        assert cleaned.offset_map.to_input(i, i + 1) == (offset + i, offset + i + 1)
    assert cleaned.dropped_lines == []


@settings(max_examples=200, deadline=None, database=None)
@given(plain_texts, st.sampled_from(["\r\n", "\t", "\u00a0", "\u200b", "  "]))
def test_span_text_survives_noise(raw, noise):
    """Noise injected between words: every clean span of a word maps to that word in the input."""
    noisy = raw.replace(" ", " " + noise if noise != "\r\n" else noise, 2)
    cleaned = clean_text(noisy)
    text = cleaned.text
    start = 0
    for word in text.replace("\n", " ").split(" "):
        i = text.index(word, start)
        s, e = cleaned.offset_map.to_input(i, i + len(word))
        assert noisy[s:e] == word
        start = i + len(word)
