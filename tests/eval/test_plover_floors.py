"""PLOVER floors (src/newsledger/eval/plover_baseline.json), checked on the held-out half of the gold."""

from __future__ import annotations

import pytest

from newsledger.eval.gate import below_floor, suites
from tests.conftest import SHARED, check_floor_data

EVENTS = SHARED / "events"


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize("suite", sorted(suites("plover_baseline.json")))
def test_plover_scores_stay_above_their_floors(suite):
    from newsledger.eval.plover import evaluate

    spec = suites("plover_baseline.json")[suite]
    check_floor_data(spec, EVENTS, suite)
    result = evaluate(EVENTS / next(iter(spec["data"])))
    assert below_floor(result, suite, "plover_baseline.json") == []


def test_plover_floors_are_on_the_heldout_half():
    for suite, spec in suites("plover_baseline.json").items():
        assert spec["data"] and spec["floors"], suite
        assert all(metric.startswith("heldout.") for metric in spec["floors"]), suite


def test_split_is_stable_and_roughly_even():
    from newsledger.eval.plover import split_of

    assert split_of("PLOVER-X-0001") == split_of("PLOVER-X-0001")
    halves = [split_of(f"record-{i}") for i in range(1000)]
    assert 400 < halves.count("dev") < 600


def test_gold_codes_map_to_iso_and_our_sectors():
    from newsledger.eval.plover import gold_country, gold_sector

    assert gold_country("JAP") == "JPN" and gold_country("IGO") is None and gold_country("USA") == "USA"
    assert gold_sector({"code": "IGO"}) == "igo"
    assert gold_sector({"code": "SRB", "sector": "CVLalb"}) == "civilian"
    assert gold_sector({"code": "SRB", "sector": "ELI"}) is None
