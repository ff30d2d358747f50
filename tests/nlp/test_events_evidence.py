"""Event evidence spans never fail on odd clauses."""

from __future__ import annotations

from newsledger.nlp.events import _evidence


def test_a_clause_of_punctuation_only_still_gives_a_valid_span(nlp):
    doc = nlp("Shelling resumed -- ... !")
    tokens = [t for t in doc if t.is_punct]
    span = _evidence(tokens, doc.text)
    assert doc.text[span.start:span.end] == span.text and span.text


def _status_of(nlp, text, trigger):
    from newsledger.nlp.entities import EntityIndex
    from newsledger.nlp.events import find_events

    doc = nlp(text)
    events = find_events(doc, EntityIndex(doc, "a1"), [], "a1", "2024-03-01")
    return next(e.status for e in events if e.trigger.text == trigger)


def test_hedges_outrank_future_and_plain_reports(nlp):
    assert _status_of(nlp, "The gunman was probably intending to detonate the bomb in the market.", "detonate") == "hedged"
    assert _status_of(nlp, "Several buildings are reported to have collapsed in the town.", "collapsed") == "hedged"
    assert _status_of(nlp, "There are conflicting reports as to who attacked first.", "attacked") == "hedged"
    assert _status_of(nlp, "Troops are expected to attack the town on Friday.", "attack") == "hedged"
    assert _status_of(nlp, "The army expects to attack the town on Friday.", "attack") == "future"
    assert _status_of(nlp, "Rebels attacked the convoy near the bridge.", "attacked") == "reported"


def _events(nlp, text):
    from newsledger.nlp.entities import EntityIndex
    from newsledger.nlp.events import find_events

    doc = nlp(text)
    return find_events(doc, EntityIndex(doc, "a1"), [], "a1", "2024-03-01")


def test_a_relative_pronoun_actor_is_its_antecedent(nlp):
    events = _events(nlp, "The Red Hill Brigade, which attacked army posts near the dam, has 400 fighters.")
    [attack] = [e for e in events if e.trigger.text == "attacked"]
    assert attack.actor is not None and attack.actor.mention.text.endswith("Brigade")


def test_a_dateline_is_never_an_actor(nlp):
    events = _events(nlp, "MARROVKA, Valdoria — Gunmen attacked a checkpoint on Tuesday.\nThe army said little.")
    for event in events:
        assert event.actor is None or "MARROVKA" not in event.actor.mention.text


def test_an_event_the_speaker_denies_is_negated_and_attributed(nlp):
    from newsledger.nlp.entities import EntityIndex
    from newsledger.nlp.events import find_events
    from newsledger.nlp.quotes import find_quotes

    text = ('The interior ministry on Monday denied that any school was shelled near the river, dismissing '
            'reports from the village that a clinic had been hit as "pure invention".')
    doc = nlp(text)
    index = EntityIndex(doc, "a1")
    quotes = find_quotes(doc, index, "a1", [])
    [denial] = [q for q in quotes if q.type == "indirect"]
    assert denial.content.text == "any school was shelled near the river"
    [shelled] = [e for e in find_events(doc, index, quotes, "a1", "2024-03-04") if e.trigger.text == "shelled"]
    assert shelled.status == "negated" and shelled.claimed_by.quote_id == denial.id


def test_an_editors_note_in_brackets_reports_no_event():
    from newsledger.facade import process

    article = process("[This article was corrected on Friday: an earlier version misspelled a name.]\n"
                      "Police arrested three men in the port on Thursday, officials said.", pubdate="2024-05-03")
    triggers = [e.trigger.text for e in article.events]
    assert "arrested" in triggers and "corrected" not in triggers and "misspelled" not in triggers


def test_only_reported_speech_claims_an_event(nlp):
    from newsledger.nlp.entities import EntityIndex
    from newsledger.nlp.events import find_events
    from newsledger.records import Quote, Span, Speaker

    text = "Video shows that soldiers killed two farmers in the village."
    doc = nlp(text)
    start = text.index("soldiers")
    content = Span.of(text, start, len(text) - 1)
    def status(scope):  # type: ignore[no-untyped-def]
        quote = Quote("q1", "indirect", content, Span.of(text, 6, 11), Speaker("Video", "unknown"), None, "model",
                      scope=scope)
        events = find_events(doc, EntityIndex(doc, "a1"), [quote], "a1", "2024-03-01")
        return next(e.status for e in events if e.trigger.text == "killed")
    # What a video shows, or what someone believes or intends (model mode's scope "thought"), is not a claim.
    assert status("thought") == "reported"
    assert status("speech") == "claimed"
