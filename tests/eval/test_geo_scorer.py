"""The geo scorer on hand-made predictions: overlap matching, misses, false alarms, 161 km."""

from __future__ import annotations

from newsledger.eval.geo import _Tally
from newsledger.records import Place, Span

TEXT = "Clashes in Idlib and Hama; a blast near Springfield Mall."


def _place(name, lat, lon, geonameid=None, precision="city"):
    start = TEXT.index(name)
    return Place(name, geonameid, lat, lon, precision=precision, mention=Span.of(TEXT, start, start + len(name)))


def _gold(name, lat, lon, geonameid=None):
    start = TEXT.index(name)
    return {"start": start, "end": start + len(name), "text": name, "lat": lat, "lon": lon,
            "geonameid": geonameid}


def test_counts_hits_misses_distance_and_ids():
    tally = _Tally()
    gold = [_gold("Idlib", 35.93, 36.63, "169389"), _gold("Hama", 35.13, 36.76, "170017"),
            _gold("Springfield Mall", 38.77, -77.17)]
    predicted = [_place("Idlib", 35.85, 36.62, 169387),  # the province: other id, 9 km off
                 _place("Hama", 39.8, -89.6, 4250542),  # a town in Illinois
                 _place("blast", 1.0, 1.0)]  # not a toponym
    tally.add(gold, [], predicted)
    scores = tally.scores()
    assert scores["recognition"]["tp"] == 2 and scores["recognition"]["fp"] == 1
    assert scores["recognition"]["fn"] == 1  # the mall: unrecognised, so also a resolution miss
    assert scores["resolution"]["acc161"] == round(1 / 3, 4)
    assert scores["resolution"]["exact"] == 0.0


def test_near_points_count_only_in_acc161_near():
    tally = _Tally()
    tally.add([_gold("Springfield Mall", 38.77, -77.17)], [],
              [_place("Springfield Mall", 38.8, -77.2, precision="near")])
    resolution = tally.scores()["resolution"]
    assert resolution["acc161"] == 0.0 and resolution["acc161_near"] == 1.0


def test_ignored_spans_are_neither_right_nor_wrong():
    tally = _Tally()
    start = TEXT.index("Hama")
    tally.add([], [(start, start + 4)], [_place("Hama", 35.13, 36.76)])
    assert tally.scores()["recognition"]["fp"] == 0
