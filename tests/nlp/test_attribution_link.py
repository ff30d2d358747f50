"""Linking role spans into attributions, with the role spans set by hand (independent of the trained tagger)."""

from __future__ import annotations

from spacy.tokens import Span

from newsledger.nlp.attribution.component import SPANS_KEY
from newsledger.nlp.attribution.link import link
from newsledger.nlp.entities import EntityIndex
from newsledger.nlp.quotes import quotes_from_attributions


def _roles(doc, *spans):
    """Role spans from (text, label, occurrence) triples."""
    out = []
    for fragment, label, *nth in spans:
        start = -1
        for _ in range((nth or [1])[0]):
            start = doc.text.index(fragment, start + 1)
        span = doc.char_span(start, start + len(fragment), label=label)
        assert span is not None, fragment
        out.append(span)
    doc.spans[SPANS_KEY] = out
    return doc


def test_a_quote_resumed_after_the_cue_sentence_is_one_content(nlp):
    doc = _roles(nlp('"We will rebuild the bridge," Mayor Ana Ruiz said. "It will take two years."'),
                 ('"We will rebuild the bridge,"', "CONTENT"), ("Mayor Ana Ruiz", "SOURCE"), ("said", "CUE"),
                 ('"It will take two years."', "CONTENT"))
    [attribution] = link(doc)
    assert [p.text for p in attribution.pieces] == ['"We will rebuild the bridge,"', '"It will take two years."']
    assert attribution.source.text == "Mayor Ana Ruiz"
    assert "split_by_cue" in attribution.reason


def test_a_new_quote_with_its_own_cue_stays_apart(nlp):
    doc = _roles(nlp('"We will rebuild the bridge," Ruiz said. "It is too late," Lopez replied.'),
                 ('"We will rebuild the bridge,"', "CONTENT"), ("Ruiz", "SOURCE"), ("said", "CUE"),
                 ('"It is too late,"', "CONTENT"), ("Lopez", "SOURCE"), ("replied", "CUE"))
    first, second = link(doc)
    assert first.source.text == "Ruiz" and second.source.text == "Lopez"


def test_a_quote_closed_on_a_full_stop_is_not_resumed(nlp):
    doc = _roles(nlp('"We will rebuild the bridge." Ruiz said that on Friday. "It is too late."'),
                 ('"We will rebuild the bridge."', "CONTENT"), ("Ruiz", "SOURCE"), ("said", "CUE"),
                 ('"It is too late."', "CONTENT"))
    assert len(link(doc)) == 2


def test_the_source_is_the_whole_noun_phrase(nlp):
    doc = _roles(nlp("Experts on North Korea and nuclear weapons said the test failed."),
                 ("Experts", "SOURCE"), ("said", "CUE"), ("the test failed", "CONTENT"))
    quotes = quotes_from_attributions(doc, link(doc), EntityIndex(doc, "a1"), "a1", [], mode="model")
    [quote] = [q for q in quotes if q.cue is not None and q.cue.text == "said"]
    assert quote.speaker.mention.text == "Experts on North Korea and nuclear weapons"
    assert doc.text[quote.speaker.mention.start:quote.speaker.mention.end] == quote.speaker.mention.text
