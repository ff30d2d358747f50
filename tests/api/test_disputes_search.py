"""GET /api/disputes (empty without a disputes table) and GET /api/search."""

from __future__ import annotations

from tests.api.conftest import assert_error


def test_no_disputes_table_gives_an_empty_list(no_disputes_client):
    assert no_disputes_client.get("/api/disputes").json() == {"items": [], "total": 0, "limit": 50, "offset": 0,
                                                              "available": False}
    assert no_disputes_client.get("/api/facets").json()["disputes"] is False


def test_disputes_shape(client):
    body = client.get("/api/disputes", params={"limit": 5}).json()
    assert set(body) == {"items", "total", "limit", "offset", "available"} and body["limit"] == 5
    assert len(body["items"]) <= 5 and body["total"] >= len(body["items"])


def test_disputes_from_the_table(disputes_client):
    body = disputes_client.get("/api/disputes").json()
    assert body["available"] is True and body["total"] == 1
    dispute = body["items"][0]
    assert dispute["kind"] == "target" and dispute["ledger_event_id"] == "le_test_marrovka_strike"
    assert [s["speaker"] for s in dispute["sides"]] == ["Dana Orlesk", "Idris Malvek"]
    for side in dispute["sides"]:
        article = disputes_client.get(f"/api/articles/{side['article_id']}").json()
        span = side["evidence"]
        assert article["text"][span["start"]:span["end"]] == span["text"]
    assert disputes_client.get("/api/disputes", params={"kind": "number"}).json()["total"] == 0
    assert disputes_client.get("/api/facets").json()["disputes"] is True


def test_search_finds_articles_and_quotes(client):
    body = client.get("/api/search", params={"q": "propaganda"}).json()
    assert body["q"] == "propaganda" and body["articles"]["total"] >= 1 and body["quotes"]["total"] >= 1
    assert all("propaganda" in q["content"]["text"].lower() for q in body["quotes"]["items"])


def test_search_wildcards_are_literal(client):
    for q in ("%", "_", "%%%", "\\"):
        body = client.get("/api/search", params={"q": q}).json()
        assert body["articles"]["total"] == 0 and body["quotes"]["total"] == 0, q


def test_search_needs_q(client):
    assert_error(client.get("/api/search"), 422, "validation_error")
    assert_error(client.get("/api/search", params={"q": ""}), 422)
    assert_error(client.get("/api/search", params={"q": "x" * 201}), 422)
