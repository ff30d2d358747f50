"""Event floors on the devcorpus, pinned in src/newsledger/eval/events_baseline.json (skip when data is absent)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import SHARED

BASELINE = Path(__file__).resolve().parents[2] / "src" / "newsledger" / "eval" / "events_baseline.json"
FOLDER = SHARED / "devcorpus"
# What issue 4 asks; date accuracy is not reached yet.
ISSUE_TARGETS = {"event.r": 0.70, "event.p": 0.60, "status_accuracy": 0.80, "date_accuracy": 0.85}


def _lookup(result: dict, key: str) -> float:
    node = result
    for part in key.split("."):
        node = node[part]
    return float(node)


@pytest.fixture(scope="module")
def result() -> dict:
    suite = json.loads(BASELINE.read_text(encoding="utf-8"))["devcorpus_events"]
    for name, digest in suite["data"].items():
        path = FOLDER / name
        if not path.exists():
            pytest.skip(f"evaluation data not available: {path}")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        assert actual == digest, f"{path} changed ({actual} != {digest}): re-measure and re-pin the event floors"
    from newsledger.eval.events import evaluate

    return evaluate(FOLDER / "gold.jsonl", FOLDER / "articles.jsonl")


@pytest.mark.parametrize("key", ["event.r", "event.p", "status_accuracy", "date_accuracy", "place_accuracy"])
def test_floor(result, key):
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))["devcorpus_events"]["floors"][key]
    assert _lookup(result, key) >= floor


@pytest.mark.parametrize("key", sorted(ISSUE_TARGETS))
def test_issue_target(result, key, request):
    if _lookup(result, key) < ISSUE_TARGETS[key]:
        request.applymarker(pytest.mark.xfail(reason=f"#4: {key} below the issue's {ISSUE_TARGETS[key]}", strict=False))
    assert _lookup(result, key) >= ISSUE_TARGETS[key]
