"""Geoparsing floors (src/newsledger/eval/geo_baseline.json), checked on the held-out halves of the geo sets."""

from __future__ import annotations

import hashlib
import json
from importlib import resources

import pytest

from newsledger.eval.gate import lookup
from tests.conftest import SHARED

GEO = SHARED / "geo"


def _floors() -> dict:
    text = resources.files("newsledger.eval").joinpath("geo_baseline.json").read_text(encoding="utf-8")
    return {k: v for k, v in json.loads(text).items() if not k.startswith("_")}


@pytest.mark.slow
@pytest.mark.shared_data
@pytest.mark.parametrize("suite", sorted(_floors()))
def test_geo_scores_stay_above_their_floors(suite):
    from newsledger.eval.geo import evaluate

    spec = _floors()[suite]
    for name, digest in spec["data"].items():
        path = GEO / name
        if not path.exists():
            pytest.skip(f"evaluation data not available: {path}")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        assert actual == digest, f"{path} changed ({actual} != {digest}): re-measure and re-pin {suite} floors"
    result = evaluate(GEO / next(iter(spec["data"])))
    failures = [f"{suite} {metric}: {lookup(result, metric):.4f} < {floor}"
                for metric, floor in spec["floors"].items() if lookup(result, metric) + 1e-9 < floor]
    assert failures == []


def test_geo_floors_are_on_the_heldout_half():
    for suite, spec in _floors().items():
        assert spec["data"] and spec["floors"], suite
        assert all(metric.startswith("heldout.") for metric in spec["floors"]), suite


def test_split_is_stable_and_roughly_even():
    from newsledger.eval.geo import split_of

    assert split_of("trnews-1040001") == split_of("trnews-1040001")
    halves = [split_of(f"article-{i}") for i in range(1000)]
    assert 400 < halves.count("dev") < 600
