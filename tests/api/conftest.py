"""One small ledger per session (the demo corpus plus one geocodable article), served in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from newsledger.api import create_app
from tests.api.ledgers import add_disputes, build_ledger, drop_disputes


@pytest.fixture(scope="session")
def ledger_path(tmp_path_factory) -> Path:
    return build_ledger(tmp_path_factory.mktemp("api") / "ledger.duckdb")


@pytest.fixture(scope="session")
def client(ledger_path):
    with TestClient(create_app(ledger_path)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def disputes_client(ledger_path, tmp_path_factory):
    path = tmp_path_factory.mktemp("disputes") / "ledger.duckdb"
    shutil.copy(ledger_path, path)
    add_disputes(path)
    with TestClient(create_app(path)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def no_disputes_client(ledger_path, tmp_path_factory):
    path = tmp_path_factory.mktemp("no_disputes") / "ledger.duckdb"
    shutil.copy(ledger_path, path)
    drop_disputes(path)
    with TestClient(create_app(path)) as test_client:
        yield test_client


@pytest.fixture()
def write_client(ledger_path, tmp_path):
    """A client on a private copy of the ledger, for tests that ingest."""
    path = tmp_path / "ledger.duckdb"
    shutil.copy(ledger_path, path)
    with TestClient(create_app(path)) as test_client:
        yield test_client


def assert_error(response, status: int, code: str | None = None) -> dict:
    """The one error shape: {"ok": false, "error": {"code", "message"}, "status": N}."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"]["code"], str) and isinstance(body["error"]["message"], str)
    if code is not None:
        assert body["error"]["code"] == code, body
    return body
