"""One error shape everywhere; hostile strings in every parameter give 4xx or empty results, never 5xx."""

from __future__ import annotations

import pytest

from tests.api.conftest import assert_error

HOSTILE = [
    "' OR '1'='1",
    "'; DROP TABLE articles; --",
    "\" OR 1=1 --",
    "1) UNION SELECT text FROM articles --",
    "%' OR 'a' LIKE '%",
    "\\'; SELECT 1; --",
    "Robert'); DELETE FROM quotes; --",
    "\x00",
    "é' ∑ \u202e",
    "$.place.country') OR ('1'='1",
]

GET_PARAMS = {
    "/api/articles": ["source", "date_from", "date_to", "q", "limit", "offset"],
    "/api/quotes": ["speaker", "source", "date_from", "date_to", "q", "type", "article_id", "limit", "offset"],
    "/api/speakers": ["name", "limit", "offset"],
    "/api/events": ["category", "country", "place", "status", "date_from", "date_to", "article_id", "format",
                    "limit", "offset"],
    "/api/disputes": ["kind", "limit", "offset"],
    "/api/search": ["q", "limit"],
}


@pytest.mark.parametrize("path", sorted(GET_PARAMS))
def test_hostile_query_parameters(client, path):
    for name in GET_PARAMS[path]:
        for value in HOSTILE:
            params = {name: value}
            if path == "/api/search" and name != "q":
                params["q"] = "market"
            response = client.get(path, params=params)
            assert response.status_code in (200, 422), (path, name, value, response.text)
            if response.status_code == 200:
                body = response.json()
                found = body.get("total", body.get("articles", {}).get("total"))
                assert found == 0, (path, name, value, body)
            else:
                assert_error(response, 422)
    assert client.get("/api/articles").json()["total"] == 11  # nothing was dropped or deleted
    assert client.get("/api/quotes").json()["total"] > 100


@pytest.mark.parametrize("template", ["/api/articles/{}", "/api/speakers/{}"])
def test_hostile_path_parameters(client, template):
    for value in HOSTILE:
        if value == "\x00":
            continue  # not a valid URL character; the HTTP client refuses it
        response = client.get(template.format(value.replace("/", "%2F")))
        assert_error(response, 404, "not_found")


def test_error_shape_everywhere(client):
    assert_error(client.get("/nowhere"), 404, "not_found")
    assert_error(client.get("/api/nowhere"), 404, "not_found")
    assert_error(client.delete("/api/quotes"), 405, "method_not_allowed")
    body = assert_error(client.get("/api/quotes", params={"limit": "many"}), 422, "validation_error")
    assert body["error"]["message"].startswith("limit:") and body["error"]["details"][0]["loc"] == ["query", "limit"]
    assert "many" not in str(body)  # the input is not echoed back
