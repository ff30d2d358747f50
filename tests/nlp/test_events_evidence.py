"""Event evidence spans never fail on odd clauses."""

from __future__ import annotations

from newsledger.nlp.events import _evidence


def test_a_clause_of_punctuation_only_still_gives_a_valid_span(nlp):
    doc = nlp("Shelling resumed -- ... !")
    tokens = [t for t in doc if t.is_punct]
    span = _evidence(tokens, doc.text)
    assert doc.text[span.start:span.end] == span.text and span.text
