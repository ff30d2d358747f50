"""PLOVER floors (src/newsledger/eval/plover_baseline.json), checked on the held-out half of the gold."""

from __future__ import annotations

import hashlib
import json
from importlib import resources

import pytest

from newsledger.eval.gate import lookup
from tests.conftest import SHARED

EVENTS = SHARED / "events"


def _floors() -> dict:
    text = resources.files("newsledger.eval").joinpath("plover_baseline.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize("suite", sorted(_floors()))
def test_plover_scores_stay_above_their_floors(suite):
    from newsledger.eval.plover import evaluate

    spec = _floors()[suite]
    for name, digest in spec["data"].items():
        path = EVENTS / name
        if not path.exists():
            pytest.skip(f"evaluation data not available: {path}")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        assert actual == digest, f"{path} changed ({actual} != {digest}): re-measure and re-pin {suite} floors"
    result = evaluate(EVENTS / next(iter(spec["data"])))
    failures = [f"{suite} {metric}: {lookup(result, metric):.4f} < {floor}"
                for metric, floor in spec["floors"].items() if lookup(result, metric) + 1e-9 < floor]
    assert failures == []


def test_plover_floors_are_on_the_heldout_half():
    for suite, spec in _floors().items():
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
