"""The API under attack: schemathesis generates requests from /openapi.json (no 5xx, ever); path traversal in
every parameter and in static paths never reaches a file; oversized queries fail cleanly.

SQL strings in every parameter are in ``test_errors.py``; the request body limit is in ``test_ingest.py``.
"""

from __future__ import annotations

import shutil

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from starlette.testclient import TestClient

from newsledger.api import create_app
from tests.api.conftest import assert_error
from tests.api.test_errors import GET_PARAMS

EXAMPLES_PER_OPERATION = 25


@pytest.fixture(scope="module")
def fuzz_app(ledger_path, tmp_path_factory):
    """The app on a private copy of the small ledger (POST /api/articles may store what it is sent)."""
    path = tmp_path_factory.mktemp("fuzz") / "ledger.duckdb"
    shutil.copy(ledger_path, path)
    return create_app(path)


@pytest.fixture(scope="module")
def api_schema(fuzz_app):
    return schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)


def _operations(api_schema):
    for result in api_schema.get_all_operations():
        yield result.ok()


@pytest.mark.slow
def test_no_server_error_on_generated_requests(api_schema):
    """Every operation of the schema, EXAMPLES_PER_OPERATION generated requests each (valid and not)."""
    # schemathesis' own pytest plugin does not run under pytest 9, so each operation gets its own @given.
    tried: dict[str, int] = {}
    for operation in _operations(api_schema):
        label = operation.label

        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case):
            tried[label] = tried.get(label, 0) + 1
            response = case.call()
            case.validate_response(response, checks=[not_a_server_error])
            if response.status_code >= 400:  # and every error has the one envelope
                body = response.json()
                assert body["ok"] is False and body["status"] == response.status_code, (label, body)

        check()
    assert len(tried) >= 10, tried
    assert sum(tried.values()) >= 10 * EXAMPLES_PER_OPERATION // 2, tried
    print(f"\nschemathesis: {sum(tried.values())} requests over {len(tried)} operations")


TRAVERSAL = [
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2fpyproject.toml",
    "....//....//etc/passwd",
    "/etc/passwd",
    "..\\..\\..\\windows\\win.ini",
    "file:///etc/passwd",
    "%252e%252e%252fetc%252fpasswd",
    "static/../../pyproject.toml",
    "~/.ssh/id_rsa",
]
LEAKS = ("root:", "[project]", "[extensions]", "BEGIN OPENSSH")


def _no_leak(response) -> None:
    assert response.status_code < 500, response.text
    assert not any(marker in response.text for marker in LEAKS), response.text[:300]


@pytest.mark.parametrize("path", sorted(GET_PARAMS))
def test_traversal_in_query_parameters(client, path):
    for name in GET_PARAMS[path]:
        for value in TRAVERSAL:
            params = {name: value}
            if path == "/api/search" and name != "q":
                params["q"] = "market"
            response = client.get(path, params=params)
            _no_leak(response)
            assert response.status_code in (200, 422), (path, name, value, response.text)
            if response.status_code == 200:
                body = response.json()
                assert body.get("total", body.get("articles", {}).get("total")) == 0, (path, name, value)


@pytest.mark.parametrize("template", ["/api/articles/{}", "/api/speakers/{}", "/static/{}", "/{}"])
def test_traversal_in_paths(client, template):
    for value in TRAVERSAL:
        response = client.get(template.format(value))
        _no_leak(response)
        assert response.status_code in (400, 404), (template, value, response.status_code)
        assert_error(response, response.status_code)


def test_raw_traversal_urls_are_not_normalised_into_files(fuzz_app):
    # The test client would tidy "/static/../x"; send the raw paths through the ASGI app instead.
    with TestClient(fuzz_app) as raw:
        for url in ["/static/../../pyproject.toml", "/static/..%2f..%2fpyproject.toml", "/static/%2e%2e/app.css",
                    "/static//etc/passwd", "/static/js/../../../../etc/passwd"]:
            response = raw.get(url)
            _no_leak(response)
            assert response.status_code in (400, 404), (url, response.status_code)


def test_oversized_query_and_path_fail_cleanly(client):
    huge = "x" * 60_000  # the HTTP client refuses URLs over 64 KiB
    for response in (client.get("/api/search", params={"q": huge}), client.get("/api/quotes", params={"q": huge}),
                     client.get(f"/api/articles/{huge}"), client.get("/api/articles", params={"limit": "9" * 400}),
                     client.get("/api/quotes", params={"offset": "-1"}), client.get("/api/quotes",
                                                                                    params={"limit": "0"})):
        assert response.status_code < 500, response.text[:300]
        if response.status_code >= 400:
            assert_error(response, response.status_code)
        assert len(response.content) < 50_000  # the input is not echoed back


def test_posts_are_rate_limited_per_client(ledger_path, tmp_path):
    path = tmp_path / "ledger.duckdb"
    shutil.copy(ledger_path, path)
    with TestClient(create_app(path, posts_per_minute=3)) as limited:
        statuses = [limited.post("/api/articles", json={"text": ""}).status_code for _ in range(3)]
        assert statuses == [422, 422, 422]  # refused bodies count too: each was read and checked
        body = assert_error(limited.post("/api/articles", json={"text": "x"}), 429, "rate_limited")
        assert "more than 3 articles posted in a minute" in body["error"]["message"]
        assert limited.get("/api/articles").status_code == 200  # reads are not limited
    with TestClient(create_app(path, posts_per_minute=None)) as unlimited:
        assert all(unlimited.post("/api/articles", json={"text": ""}).status_code == 422 for _ in range(70))
