"""Geoparsing floors (src/newsledger/eval/geo_baseline.json), checked on the held-out halves of the geo sets."""

from __future__ import annotations

import pytest

from newsledger.eval.gate import below_floor, suites
from tests.conftest import SHARED, check_floor_data

GEO = SHARED / "geo"


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize("suite", sorted(suites("geo_baseline.json")))
def test_geo_scores_stay_above_their_floors(suite):
    from newsledger.eval.geo import evaluate

    spec = suites("geo_baseline.json")[suite]
    check_floor_data(spec, GEO, suite)
    result = evaluate(GEO / next(iter(spec["data"])))
    assert below_floor(result, suite, "geo_baseline.json") == []


def test_geo_floors_are_on_the_heldout_half():
    for suite, spec in suites("geo_baseline.json").items():
        assert spec["data"] and spec["floors"], suite
        assert all(metric.startswith("heldout.") for metric in spec["floors"]), suite


def test_split_is_stable_and_roughly_even():
    from newsledger.eval.geo import split_of

    assert split_of("trnews-1040001") == split_of("trnews-1040001")
    halves = [split_of(f"article-{i}") for i in range(1000)]
    assert 400 < halves.count("dev") < 600
