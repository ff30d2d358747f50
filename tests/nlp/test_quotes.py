"""Quote finding on texts written for the tests: pairing, multi-paragraph quotes, degradation."""

from __future__ import annotations

import pytest

from newsledger.nlp.quotes import find_direct_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will win," she said.', ["We will win,"]),
        ("\u201cWe will win,\u201d she said, \u201cand soon.\u201d", ["We will win,", "and soon."]),
        ("\u00abNever again\u00bb, the banner read.", ["Never again"]),
        ('He said "not yet" and "maybe later".', ["not yet", "maybe later"]),
        # News style: a quote that runs over two paragraphs opens both and closes only the last.
        ('"First paragraph of the quote.\n"Second paragraph ends it."\nNext.',
         ['First paragraph of the quote.\n"Second paragraph ends it.']),
    ],
)
def test_direct_spans(text, expected):
    warnings: list[str] = []
    spans = find_direct_spans(text, warnings)
    assert [text[d.start:d.end] for d in spans] == expected
    assert warnings == []


def test_unclosed_quote_degrades_to_its_paragraph_only():
    text = 'The mayor spoke. "This one never closes\nA plain paragraph follows.\n"A second quote," he said.'
    warnings: list[str] = []
    spans = find_direct_spans(text, warnings)
    assert [text[d.start:d.end] for d in spans] == ["This one never closes", "A second quote,"]
    assert len(warnings) == 1 and warnings[0].startswith("unclosed_quote")


def test_many_quote_marks_do_not_lose_the_article():
    import newsledger

    body = 'The council met on Monday. "We approved the budget," the mayor said. ' + '" ' * 101
    article = newsledger.process(body + "\nThe session ended early, officials said.")
    assert any(q.content.text == "We approved the budget," for q in article.quotes)


def test_continuation_paragraph_takes_the_previous_speaker():
    import newsledger

    text = ('"The bridge will open in May," said Mayor Ana Ruiz, the city\'s mayor.\n'
            '"We have waited a long time for this and the whole town is ready."\n'
            'Traffic is expected to ease.')
    article = newsledger.process(text)
    second = next(q for q in article.quotes if q.content.text.startswith("We have waited"))
    assert second.speaker.name == "Ana Ruiz"
    assert "continuation" in second.reason


def test_uncued_short_quote_is_not_a_quote():
    import newsledger

    article = newsledger.process('The so-called "peace plan" was published on Monday by the ministry of transport.')
    assert not [q for q in article.quotes if q.type == "direct"]
