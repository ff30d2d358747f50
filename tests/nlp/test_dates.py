"""News date rules (nlp/dates.py): base Friday 2015-10-02."""

from __future__ import annotations

import pytest

from newsledger.nlp.dates import resolve_date
from newsledger.records import Span

BASE = "2015-10-02"


@pytest.mark.parametrize(
    ("text", "future", "value", "end", "precision"),
    [
        ("Thursday", False, "2015-10-01", None, "day"),
        ("Friday", False, "2015-10-02", None, "day"),          # the same weekday is the publication day
        ("late Friday", False, "2015-10-02", None, "day"),
        ("Saturday", False, "2015-09-26", None, "day"),
        ("Saturday", True, "2015-10-03", None, "day"),
        ("October 5", False, "2014-10-05", None, "day"),       # after the base: last year ...
        ("October 5", True, "2015-10-05", None, "day"),        # ... unless the sentence is future
        ("September 30", False, "2015-09-30", None, "day"),
        ("the past 24 hours", False, "2015-10-01", "2015-10-02", "day"),
        ("last week", False, "2015-09-21", "2015-09-27", "week"),
        ("this year", False, "2015", None, "year"),
        ("last year", False, "2014", None, "year"),
        ("May", False, "2015-05", None, "month"),
        ("November", False, "2014-11", None, "month"),
        ("two months ago", False, "2015-08", None, "month"),
        ("the end of 2014", False, "2014", None, "year"),
        ("yesterday", False, "2015-10-01", None, "day"),
        ("Nov. 28, 2010", False, "2010-11-28", None, "day"),
        ("the first quarter", False, "2015-01", "2015-03", "month"),
        ("the fourth quarter", False, "2015-10", "2015-12", "month"),  # begun on the publication day
        ("the second quarter of 2013", False, "2013-04", "2013-06", "month"),
    ],
)
def test_resolves_against_the_publication_date(text, future, value, end, precision):
    ref = resolve_date(text, Span(0, len(text), text), BASE, future=future)
    assert (ref.value, ref.end, ref.precision) == (value, end, precision)


@pytest.mark.parametrize("text", ["Thursday", "yesterday", "last week", "May"])
def test_without_a_publication_date_the_expression_stays_unresolved(text):
    ref = resolve_date(text, Span(0, len(text), text), None)
    assert ref.value is None and ref.mention.text == text


@pytest.mark.parametrize(("text", "value"), [("2009", "2009"), ("the second quarter of 2013", "2013-04")])
def test_an_absolute_date_needs_no_publication_date(text, value):
    assert resolve_date(text, Span(0, len(text), text), None).value == value


@pytest.mark.parametrize("text", ["2353", "(2353 UTC)"])
def test_a_four_digit_clock_time_is_not_a_year(text):
    assert resolve_date(text, Span(0, len(text), text), BASE).value is None


def _date_of(nlp, text, trigger):
    from newsledger.nlp.entities import EntityIndex
    from newsledger.nlp.events import find_events

    doc = nlp(text)
    events = find_events(doc, EntityIndex(doc, "a1"), [], "a1", BASE, places=[])
    event = next(e for e in events if e.trigger.text == trigger)
    return event.date.value if event.date else None


@pytest.mark.parametrize(
    ("text", "trigger", "value"),
    [
        # a time of day split from its day is on that day
        ("A storm hit the coast on Wednesday evening.", "hit", "2015-09-30"),
        # a time of day alone takes the day the narrative has set
        ("A tremor shook the town on Tuesday. The tremor struck at 14:20 local time.", "struck", "2015-09-29"),
        # an event noun takes the date on its verb
        ("The soldiers came under attack from the hills Saturday.", "attack", "2015-09-26"),
        # a future event prefers the date that is not already past
        ("Growth will slow from 4 percent last year to 3 percent in 2016.", "slow", "2016"),
        # "for the year" is the period a forecast covers, not when it was cut: the lead's news day
        ("The bank cut its growth forecast for the year.", "cut", BASE),
        # a past progressive in the lead is the news of the day
        ("Hundreds of protesters were trying to block the main road.", "block", BASE),
        # a present perfect is not located in the narrative's day
        ("Troops shelled the village on Tuesday. Police have arrested two men.", "arrested", None),
        # a complement clause has its own time: "demanding that ... leave" is not dated by the demand's day
        ("The minister read a statement Saturday demanding that foreign troops leave the country.", "leave", None),
        # a month or year the paragraph has moved to frames what follows in it
        ("The towns were guarded by soldiers until two months ago. As the soldiers vacated the area, "
         "control was handed over to the police.", "handed", "2015-08"),
        # an article that names no day at all: its simple-past narrative is the publication day's news ...
        ("Rebels seized the port. Later the army took the ships to a nearby harbour.", "took", BASE),
        # ... but not once a day is named
        ("Rebels seized the port on Tuesday. Police have arrested two men.", "arrested", None),
        # "since ...": a period running up to now
        ("A storm struck the coast on Tuesday. Smaller storms have battered the area since the storm.",
         "battered", None),
    ],
)
def test_an_event_takes_the_date_the_text_gives_it(nlp, text, trigger, value):
    assert _date_of(nlp, text, trigger) == value


@pytest.mark.parametrize(("future", "value"), [(False, "2014-10"), (True, "2015-10")])
def test_a_quarter_not_begun_yet_is_last_years_unless_future(future, value):
    ref = resolve_date("the fourth quarter", Span(0, 18, "the fourth quarter"), "2015-07-09", future=future)
    assert ref.value == value
