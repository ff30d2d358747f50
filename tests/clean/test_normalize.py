"""Character normalisation, glued words and paragraph joining, each checked through ``clean_text``."""

from __future__ import annotations

import pytest

from newsledger.clean import clean_text
from newsledger.clean.glued import glued_word_edits


def assert_maps_back(raw: str, cleaned, piece: str) -> None:
    """``piece`` occurs in the clean text and its span maps to the same characters in ``raw``."""
    i = cleaned.text.index(piece)
    s, e = cleaned.offset_map.to_input(i, i + len(piece))
    assert raw[s:e] == piece


# -- characters ------------------------------------------------------------------------------------------
CHARS = [
    ("Talks ended.\r\nBoth sides left.", "Talks ended.\nBoth sides left.", "characters"),
    ("Talks ended.\rBoth sides left.", "Talks ended.\nBoth sides left.", "characters"),
    ("Talks ended.\u2028Both sides left.", "Talks ended.\nBoth sides left.", "characters"),
    ("The\ttalks\u00a0ended\u2009today.", "The talks ended today.", "characters"),
    ("The\u200b talks\ufeff ended\u00ad today.", "The talks ended today.", "characters"),
    ("The  talks   ended today.  ", "The talks ended today.", "spaces"),
    ("It\u00e2\u20ac\u2122s a deal, the caf\u00c3\u00a9 owner said.", "It\u2019s a deal, the caf\u00e9 owner said.",
     "mojibake"),
    ("\u00e2\u20ac\u0153Never,\u00e2\u20ac\u009d she said.", "\u201cNever,\u201d she said.", "mojibake"),
    ("The cafe\u0301 in Zu\u0308rich.", "The caf\u00e9 in Z\u00fcrich.", "unicode"),
]


@pytest.mark.parametrize("raw, expected, step", CHARS)
def test_character_normalisation(raw, expected, step):
    cleaned = clean_text(raw)
    assert cleaned.text == expected
    assert step in cleaned.changes
    for word in ("talks", "ended", "said", "left", "Never", "in"):
        if word in expected:
            assert_maps_back(raw, cleaned, word)


@pytest.mark.parametrize("word", ["Gö\u00dfweinstein", "M\u00fc\u00dfiggang", "na\u00efve", "\u00d8rsted",
                                  "cr\u00e8me br\u00fbl\u00e9e", "sm\u00f6rg\u00e5sbord", "\u201c\u2014\u201d",
                                  "he said.\u2019\u201d"])
def test_real_accents_and_punctuation_are_not_mojibake(word):
    raw = f"The report on {word} was published."
    assert clean_text(raw).text == raw


def test_mojibake_span_maps_to_the_whole_run():
    raw = "Syria\u00e2\u20ac\u2122s army"
    cleaned = clean_text(raw)
    i = cleaned.text.index("\u2019")
    assert cleaned.offset_map.to_input(i, i + 1) == (5, 8)
    assert cleaned.offset_map.to_input(0, i + 2) == (0, 9)   # "Syria’s" -> "Syriaâ€™s"


# -- glued words -------------------------------------------------------------------------------------------
GLUED = [
    ("Jets struck rebel positions onThursday.", "Jets struck rebel positions on Thursday."),
    ("The vote is due inMay, officials said.", "The vote is due in May, officials said."),
    ("The talks ended lastFriday.", "The talks ended last Friday."),
    ("He bought an iPhone on eBay.", "He bought an iPhone on eBay."),
    ("She ate at McDonald and met Neil deGrasse Tyson.", "She ate at McDonald and met Neil deGrasse Tyson."),
    ("She arrived inParis late.", "She arrived inParis late."),
    ("She arrived inParis late. Paris was quiet.", "She arrived in Paris late. Paris was quiet."),
    ("She arrived inParis late and left for Parisian suburbs.", "She arrived inParis late and left for Parisian suburbs."),
    ("The firm sold madeUp goods onThursday's market.", "The firm sold madeUp goods on Thursday's market."),
    ("The inParis label.\nParis, France.", "The in Paris label.\nParis, France."),
]


@pytest.mark.parametrize("raw, expected", GLUED)
def test_glued_words(raw, expected):
    cleaned = clean_text(raw)
    assert cleaned.text == expected
    assert ("glued_words" in cleaned.changes) == (raw != expected)
    if raw != expected:
        # the inserted space maps to an empty range at the glue point
        i = next(k for k, (a, b) in enumerate(zip(cleaned.text, raw)) if a != b)
        assert cleaned.text[i] == " "
        s, e = cleaned.offset_map.to_input(i, i + 1)
        assert s == e == i
        assert_maps_back(raw, cleaned, cleaned.text[i + 1:].split()[0].rstrip(".,'s"))


def test_glued_edits_are_insertions():
    assert list(glued_word_edits("It happened onMonday and onTuesday.")) == [(14, 14, " "), (27, 27, " ")]


# -- paragraphs --------------------------------------------------------------------------------------------
WRAPPED = (
    "The council met on Monday to discuss the new\n"
    "bridge over the river, which has been delayed for\n"
    "three years by disputes over its cost.\n"
    "\n"
    "Residents said they were tired of waiting and\n"
    "wanted the work to begin before the winter\n"
    "rains arrive in the valley.\n"
)


@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
def test_hard_wrapped_text_is_joined_into_paragraphs(line_end):
    raw = WRAPPED.replace("\n", line_end)
    cleaned = clean_text(raw)
    assert cleaned.text == (
        "The council met on Monday to discuss the new bridge over the river, which has been delayed for three "
        "years by disputes over its cost.\n"
        "Residents said they were tired of waiting and wanted the work to begin before the winter rains arrive "
        "in the valley."
    )
    assert_maps_back(raw, cleaned, "Residents said")
    # the joining space stands for the line break it replaced
    i = cleaned.text.index("new bridge") + 3
    s, e = cleaned.offset_map.to_input(i, i + 1)
    assert raw[s:e] == line_end


def test_hard_wrapped_text_with_trailing_spaces_and_junk():
    raw = WRAPPED.replace("\n", "  \n", 2) + "\nShare this:\n"
    cleaned = clean_text(raw)
    assert cleaned.text.count("\n") == 1
    assert "Share" not in cleaned.text
    assert "  " not in cleaned.text


def test_paragraphs_with_blank_lines_are_kept_apart():
    raw = "\n\nFirst paragraph ends here.\n\n\nSecond paragraph ends too.\nThird one as well.\n\n"
    assert clean_text(raw).text == "First paragraph ends here.\nSecond paragraph ends too.\nThird one as well."


def test_single_line_breaks_are_never_joined():
    raw = "The council met on Monday\nResidents said they were tired\nThe mayor left"
    assert clean_text(raw).text == raw


@pytest.mark.parametrize("raw", ["", " ", "\n\n", "\u200b\u00a0\t", "No comments:\nPost a Comment"])
def test_nothing_left(raw):
    cleaned = clean_text(raw)
    assert cleaned.text == ""
    assert len(cleaned.offset_map) == 0
    assert cleaned.offset_map.to_input(0, 0)[0] <= len(raw)


def test_nfc_edit_spares_the_letter_before_the_run():
    """Found by the atheris harness: U+FB2C becomes three code points under NFC, and the whole run, with the
    ASCII letter before it, was one edit, so that ``o`` mapped to four input characters."""
    raw = "Haddad o\u0100\u201c\ufb2c Paris"
    cleaned = clean_text(raw)
    assert cleaned.text == "Haddad o\u0100\u201c\u05e9\u05bc\u05c1 Paris"
    i = cleaned.text.index("o\u0100")
    assert [cleaned.offset_map.to_input(j, j + 1) for j in range(i, i + 6)] == [
        (7, 8), (8, 9), (9, 10), (10, 11), (10, 11), (10, 11)]
    assert_maps_back(raw, cleaned, "Paris")


@pytest.mark.parametrize(("raw", "expected"), [
    ("x \u037e\u8f20\x00\u0100\u201c\ufb2c y", "x ;\u8f20\u0100\u201c\u05e9\u05bc\u05c1 y"),  # two changes, one run
    ("\u1100\u1161\u11a8 \u1100\u1161", "\uac01 \uac00"),  # Hangul jamo compose across segments
    ("cafe\u0301\u0327 \u212b", "caf\u0229\u0301 \u00c5"),   # marks reordered, then composed
])
def test_nfc_pieces_compose_like_the_whole_run(raw, expected):
    import unicodedata

    cleaned = clean_text(raw)
    assert cleaned.text == expected == unicodedata.normalize("NFC", raw.replace("\x00", ""))
    for i, ch in enumerate(cleaned.text):
        s, e = cleaned.offset_map.to_input(i, i + 1)
        if ch.isascii() and ch != " ":
            assert raw[s:e] == ch or unicodedata.normalize("NFC", raw[s:e]) == ch, (i, ch, raw[s:e])
        assert e - s <= 3, (i, ch, raw[s:e])  # never the whole run
