"""Accuracy floors, pinned in src/newsledger/eval/baseline.json, checked on the dev data in CI."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from newsledger.eval.gate import below_floor, floors
from tests.conftest import SHARED

SUITES = {
    "devcorpus_quotes_rules": SHARED / "devcorpus",
    "devcorpus_quotes_hybrid": SHARED / "devcorpus",
    "polnear_dev_rules": SHARED / "polnear",
    "polnear_dev_hybrid": SHARED / "polnear",
    "polnear_dev_model": SHARED / "polnear",
}


def _check_data(suite: str, folder: Path) -> None:
    for name, digest in floors()[suite]["data"].items():
        path = folder / name
        if not path.exists():
            pytest.skip(f"evaluation data not available: {path}")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        assert actual == digest, f"{path} changed ({actual} != {digest}): re-measure and re-pin {suite} floors"


@pytest.mark.slow
@pytest.mark.parametrize("suite", sorted(SUITES))
def test_scores_stay_above_their_floors(suite, monkeypatch):
    folder = SUITES[suite]
    _check_data(suite, folder)
    monkeypatch.setenv("NEWSLEDGER_ATTRIBUTION", floors()[suite]["mode"])
    if suite.startswith("devcorpus"):
        from newsledger.eval.devcorpus import evaluate

        result = evaluate(folder / "gold.jsonl", folder / "articles.jsonl")
    else:
        from newsledger.eval.polnear import evaluate

        result = evaluate(folder / "dev.jsonl")
    assert below_floor(result, suite) == []


def test_floors_name_their_data_and_mode():
    for suite, spec in floors().items():
        if suite.startswith("_"):
            continue
        assert spec["data"] and spec["floors"], suite
        assert spec["mode"] in ("rules", "hybrid", "model"), suite
