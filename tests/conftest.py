"""Shared fixtures. Tests build their own inputs; third-party text comes only from ../shared/data and the
tests that need it skip cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED_DATA", ROOT.parent / "shared" / "data"))
SEED = SHARED / "seed" / "article.txt"
DEVCORPUS = SHARED / "devcorpus" / "articles.jsonl"


def shared_file(path: Path) -> Path:
    """``path`` if the shared data is present, else skip the test."""
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture(scope="session")
def nlp():
    from newsledger.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture()
def seed_path() -> Path:
    return shared_file(SEED)


@pytest.fixture()
def devcorpus_path() -> Path:
    return shared_file(DEVCORPUS)


@pytest.fixture(scope="session")
def seed_article():
    """The seed processed once per session (publication date Friday 2015-10-02, per its README)."""
    import newsledger

    return newsledger.process(shared_file(SEED).read_text(encoding="utf-8"), pubdate="2015-10-02")


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.duckdb"


def assert_spans_valid(record: dict, text: str | None = None) -> int:
    """Every SPAN dict in an export record satisfies text[start:end] == span text. Returns the count."""
    text = record["text"] if text is None else text
    count = 0

    def walk(node):
        nonlocal count
        if isinstance(node, dict):
            if node.keys() == {"start", "end", "text"}:
                assert 0 <= node["start"] <= node["end"] <= len(text), node
                assert text[node["start"]:node["end"]] == node["text"], node
                count += 1
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({k: v for k, v in record.items() if k != "text"})
    return count


def check_floor_data(spec: dict, folder: Path, suite: str) -> None:
    """Skip when a suite's evaluation data is absent; fail when it changed since its floors were pinned."""
    import hashlib

    for name, digest in spec["data"].items():
        path = folder / name
        if not path.exists():
            pytest.skip(f"evaluation data not available: {path}")
        actual = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        assert actual == digest, f"{path} changed ({actual} != {digest}): re-measure and re-pin {suite} floors"
