"""GET /api/articles (filters, paging, total) and GET /api/articles/{id}."""

from __future__ import annotations

from tests.api.conftest import assert_error
from tests.conftest import assert_spans_valid


def test_list_has_every_article_newest_first(client):
    body = client.get("/api/articles", params={"limit": 500}).json()
    assert body["total"] == 11 == len(body["items"])
    dates = [a["pubdate"] for a in body["items"]]
    assert dates == sorted(dates, reverse=True)
    assert {"id", "title", "source", "pubdate", "n_quotes", "n_events"} <= body["items"][0].keys()


def test_paging_walks_all_rows_once(client):
    seen = []
    for offset in range(0, 11, 4):
        page = client.get("/api/articles", params={"limit": 4, "offset": offset}).json()
        assert page["total"] == 11 and page["limit"] == 4 and page["offset"] == offset
        seen += [a["id"] for a in page["items"]]
    assert len(seen) == len(set(seen)) == 11
    assert client.get("/api/articles", params={"offset": 1000}).json()["items"] == []


def test_filters(client):
    by_source = client.get("/api/articles", params={"source": "Meridian Dispatch"}).json()
    assert by_source["total"] == 2 and {a["source"] for a in by_source["items"]} == {"Meridian Dispatch"}
    window = client.get("/api/articles", params={"date_from": "2025-03-12", "date_to": "2025-03-13"}).json()
    assert window["total"] == 4
    assert all("2025-03-12" <= a["pubdate"] <= "2025-03-13" for a in window["items"])
    text = client.get("/api/articles", params={"q": "grain market"}).json()
    assert text["total"] >= 1
    none = client.get("/api/articles", params={"q": "grain market", "source": "Capital Chronicle",
                                               "date_to": "2025-03-01"}).json()
    assert none == {"items": [], "total": 0, "limit": 50, "offset": 0}


def test_limit_is_bounded(client):
    assert_error(client.get("/api/articles", params={"limit": 501}), 422, "validation_error")
    assert_error(client.get("/api/articles", params={"limit": 0}), 422)
    assert_error(client.get("/api/articles", params={"offset": -1}), 422)
    assert_error(client.get("/api/articles", params={"date_from": "yesterday"}), 422)


def test_one_article_has_all_spans(client):
    article = client.get("/api/articles/demo-04-marrovka-denial-courier").json()
    assert article["title"] == "Ministry denies civilian areas were hit in Marrovka operation"
    assert article["quotes"] and article["events"] and article["entities"]
    assert article["sightings"][0]["source"] == "Northern Courier"
    assert assert_spans_valid(article) > 50
    by_id = client.get(f"/api/articles/{article['id']}").json()
    assert by_id["id"] == article["id"]


def test_unknown_article_is_404(client):
    assert_error(client.get("/api/articles/a_0000000000000000"), 404, "not_found")
    assert_error(client.get("/api/articles/" + "x" * 400), 422)
