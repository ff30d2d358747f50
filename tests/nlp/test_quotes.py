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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minister: 'We will not retreat'\nThe minister spoke on Monday.", ["We will not retreat"]),
        ("Mayor says \u2018bridge opens in May\u2019\nThe mayor spoke.", ["bridge opens in May"]),
        ("Syria\u2019s rebels regroup in the north\nFighting went on.", []),
        ("The '90s are back in fashion, designers say.", []),
    ],
)
def test_single_quotes_count_only_in_headlines(text, expected):
    spans = find_direct_spans(text, [])
    assert [text[d.start:d.end] for d in spans] == expected


def test_headline_quote_is_kept_with_its_colon_speaker():
    import newsledger

    article = newsledger.process("Okafor: 'Shelters will open'\nGovernor Selma Okafor announced shelters on Monday "
                                 "for families who fled the fighting, officials said.")
    quote = next(q for q in article.quotes if q.content.text == "Shelters will open")
    assert quote.type == "direct" and quote.reason.startswith("direct:headline")
    assert quote.speaker.name == "Selma Okafor"


def test_dateline_is_not_a_speaker():
    import newsledger

    article = newsledger.process('LENTHAVAR \u2014 The ministry on Tuesday denied that any market was hit, calling the '
                                 'reports "rebel propaganda".\nOfficials gave no further details on Tuesday evening.')
    assert all(q.speaker.name != "LENTHAVAR" for q in article.quotes)


def test_two_attributions_in_one_sentence_are_not_nested():
    import newsledger

    article = newsledger.process("The ministry says more than 200 fighters have been killed since then; the rebels "
                                 "say most of the dead have been civilians.")
    contents = [q.content.text for q in article.quotes]
    assert not any(c.startswith("The ministry says") for c in contents)
    assert "most of the dead have been civilians" in contents
