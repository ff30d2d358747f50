"""The app around the routes: OpenAPI, offline docs, the UI's files, security headers, host check."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from newsledger.api import create_app
from newsledger.errors import StoreError
from tests.api.conftest import assert_error


def test_openapi_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) >= {"/api/articles", "/api/articles/{key}", "/api/quotes", "/api/speakers",
                                  "/api/speakers/{name}", "/api/events", "/api/disputes", "/api/search",
                                  "/api/facets"}
    assert "post" in spec["paths"]["/api/articles"]
    assert "requestBody" in spec["paths"]["/api/articles"]["post"]


def test_docs_are_served_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200
    urls = re.findall(r"""(?:src|href)=["']([^"']+)""", page.text)
    assert urls and all(u.startswith("/") for u in urls), urls
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_ui_files_and_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert "unsafe-inline" not in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    for src in re.findall(r"""(?:src|href)=["'](/[^"'#]*|[^"'#][^"']*)["']""", page.text):
        assert src.startswith("/static/"), src
        assert client.get(src).status_code == 200, src
    assert "<script>" not in page.text  # no inline script: everything is in /static/app.js


def test_missing_ledger_fails_at_start(tmp_path):
    with pytest.raises(StoreError):
        create_app(tmp_path / "none.duckdb")
    not_ledger = tmp_path / "plain.txt"
    not_ledger.write_text("hello")
    with pytest.raises(StoreError):
        create_app(not_ledger)


def test_allowed_hosts(ledger_path):
    with TestClient(create_app(ledger_path, allowed_hosts=["127.0.0.1", "localhost"]),
                    base_url="http://127.0.0.1") as local:
        assert local.get("/api/facets").status_code == 200
        assert local.get("/api/facets", headers={"host": "localhost:8765"}).status_code == 200
        assert_error(local.get("/api/facets", headers={"host": "evil.example"}), 400, "bad_host")
        assert_error(local.get("/", headers={"host": "127.0.0.1.evil.example:8765"}), 400, "bad_host")
