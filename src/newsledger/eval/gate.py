"""Floors: the scores CI holds us to. A floor may rise; lowering one is an explicit, reviewed edit of
``baseline.json`` (never done by code). Each floor names the data file it was measured on by checksum, so
a changed evaluation set is noticed instead of silently compared."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def floors(baseline: str = "baseline.json") -> dict[str, Any]:
    """The suites of one floors file in this package (``baseline.json``, ``geo_baseline.json``, ...)."""
    return json.loads(resources.files(__package__).joinpath(baseline).read_text(encoding="utf-8"))


def suites(baseline: str = "baseline.json") -> dict[str, Any]:
    """``floors()`` without its comment entries."""
    return {k: v for k, v in floors(baseline).items() if not k.startswith("_")}


def lookup(result: dict[str, Any], path: str) -> float:
    node: Any = result
    for key in path.split("."):
        node = node[key]
    return float(node)


def below_floor(result: dict[str, Any], suite: str, baseline: str = "baseline.json") -> list[str]:
    """Human-readable failures of ``result`` against the floors of ``suite`` (empty when all hold)."""
    failures = []
    for metric, floor in floors(baseline)[suite]["floors"].items():  # noqa: B007
        value = lookup(result, metric)
        if value + 1e-9 < floor:
            failures.append(f"{suite} {metric}: {value:.4f} is below the floor {floor:.4f}")
    return failures
