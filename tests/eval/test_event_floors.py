"""Event floors on the devcorpus, pinned in src/newsledger/eval/events_baseline.json (skip when data is absent)."""

from __future__ import annotations

import pytest

from newsledger.eval.gate import lookup, suites
from tests.conftest import SHARED, check_floor_data

FOLDER = SHARED / "devcorpus"
# What issue 4 asks (a target below it is reported as an xfail, never hidden).
ISSUE_TARGETS = {"event.r": 0.70, "event.p": 0.60, "status_accuracy": 0.80, "date_accuracy": 0.85}


@pytest.fixture(scope="module")
def result() -> dict:
    check_floor_data(suites("events_baseline.json")["devcorpus_events"], FOLDER, "event")
    from newsledger.eval.events import evaluate

    return evaluate(FOLDER / "gold.jsonl", FOLDER / "articles.jsonl")


@pytest.mark.parametrize("key", ["event.r", "event.p", "status_accuracy", "date_accuracy", "place_accuracy"])
def test_floor(result, key):
    floor = suites("events_baseline.json")["devcorpus_events"]["floors"][key]
    assert lookup(result, key) >= floor


@pytest.mark.parametrize("key", sorted(ISSUE_TARGETS))
def test_issue_target(result, key, request):
    if lookup(result, key) < ISSUE_TARGETS[key]:
        request.applymarker(pytest.mark.xfail(reason=f"#4: {key} below the issue's {ISSUE_TARGETS[key]}", strict=False))
    assert lookup(result, key) >= ISSUE_TARGETS[key]
