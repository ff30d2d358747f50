"""GET /api/events: category, country, place, status, date range, paging; GeoJSON."""

from __future__ import annotations

from tests.api.conftest import assert_error


def test_events_filters(client):
    every = client.get("/api/events", params={"limit": 500}).json()
    assert every["total"] == len(every["items"]) > 100
    assault = client.get("/api/events", params={"category": "assault", "limit": 500}).json()
    assert 0 < assault["total"] < every["total"] and {e["category"] for e in assault["items"]} == {"ASSAULT"}
    negated = client.get("/api/events", params={"status": "negated", "limit": 500}).json()
    assert negated["total"] > 0 and {e["status"] for e in negated["items"]} == {"negated"}
    syria = client.get("/api/events", params={"country": "syr"}).json()
    assert syria["total"] >= 1 and {e["place"]["country"] for e in syria["items"]} == {"SYR"}
    place = client.get("/api/events", params={"place": "kessara"}).json()
    assert place["total"] > 0 and all("kessara" in e["place"]["name"].lower() for e in place["items"])
    assert_error(client.get("/api/events", params={"status": "rumoured"}), 422)


def test_date_range_matches_at_the_events_precision(client):
    day = client.get("/api/events", params={"date_from": "2025-03-11", "date_to": "2025-03-11",
                                            "limit": 500}).json()
    assert day["total"] > 0 and {e["date"]["value"] for e in day["items"]} == {"2025-03-11"}
    month = client.get("/api/events", params={"date_from": "2024-11-15", "date_to": "2024-11-20"}).json()
    assert "2024-11" in {e["date"]["value"] for e in month["items"]}


def test_events_paging_and_article(client):
    first = client.get("/api/events", params={"limit": 5}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    article = client.get("/api/articles/demo-01-marrovka-strike-standard").json()
    mine = client.get("/api/events", params={"article_id": article["id"], "limit": 500}).json()
    assert mine["total"] == len(article["events"])


def test_geojson_has_points_for_geocoded_events(client):
    body = client.get("/api/events", params={"format": "geojson", "limit": 1000}).json()
    assert body["type"] == "FeatureCollection" and body["total"] == len(body["features"]) >= 1
    hama = next(f for f in body["features"] if f["properties"]["trigger"] == "shelled")
    lon, lat = hama["geometry"]["coordinates"]
    assert hama["geometry"]["type"] == "Point" and abs(lat - 35.13) < 0.1 and abs(lon - 36.76) < 0.1
    assert hama["properties"]["category"] == "ASSAULT" and hama["properties"]["country"] == "SYR"
    none = client.get("/api/events", params={"format": "geojson", "category": "PROTEST"}).json()
    assert none["features"] == [] and none["total"] == 0
    assert_error(client.get("/api/events", params={"format": "kml"}), 422)


def test_facets(client):
    body = client.get("/api/facets").json()
    assert body["counts"]["articles"] == 11 and "ASSAULT" in body["categories"]
    assert "SYR" in body["countries"] and "claimed" in body["statuses"] and isinstance(body["disputes"], bool)


def test_geojson_pages_are_larger(client):
    assert client.get("/api/events", params={"format": "geojson", "limit": 5000}).status_code == 200
    assert_error(client.get("/api/events", params={"limit": 501}), 422, "validation_error")
    assert_error(client.get("/api/events", params={"format": "geojson", "limit": 5001}), 422)
