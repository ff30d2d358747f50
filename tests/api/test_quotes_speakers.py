"""GET /api/quotes (speaker, outlet, dates, text, type, paging) and /api/speakers[/{name}]."""

from __future__ import annotations

from tests.api.conftest import assert_error


def test_quotes_by_speaker_any_case(client):
    body = client.get("/api/quotes", params={"speaker": "dana orlesk", "limit": 500}).json()
    assert body["total"] >= 5 and len(body["items"]) == body["total"]
    assert {q["speaker"]["name"] for q in body["items"]} == {"Dana Orlesk"}
    item = body["items"][0]
    assert {"content", "cue", "type", "conduit", "article_id", "source", "pubdate", "title"} <= item.keys()
    dates = [q["pubdate"] for q in body["items"]]
    assert dates == sorted(dates)


def test_quote_filters_narrow(client):
    every = client.get("/api/quotes", params={"limit": 500}).json()["total"]
    outlet = client.get("/api/quotes", params={"source": "Kessara Daily Post"}).json()
    assert 0 < outlet["total"] < every and {q["source"] for q in outlet["items"]} == {"Kessara Daily Post"}
    dated = client.get("/api/quotes", params={"date_from": "2025-03-14", "date_to": "2025-03-14"}).json()
    assert dated["total"] > 0 and {q["pubdate"] for q in dated["items"]} == {"2025-03-14"}
    text = client.get("/api/quotes", params={"q": "PROPAGANDA"}).json()
    assert text["total"] >= 1 and all("propaganda" in q["content"]["text"].lower() for q in text["items"])
    direct = client.get("/api/quotes", params={"type": "direct", "limit": 500}).json()
    assert direct["total"] > 0 and {q["type"] for q in direct["items"]} == {"direct"}
    assert_error(client.get("/api/quotes", params={"type": "rumour"}), 422)


def test_quote_paging(client):
    first = client.get("/api/quotes", params={"limit": 3}).json()
    second = client.get("/api/quotes", params={"limit": 3, "offset": 3}).json()
    assert first["total"] == second["total"] > 6
    assert not {q["id"] for q in first["items"]} & {q["id"] for q in second["items"]}


def test_speakers_counts_roles_outlets(client):
    body = client.get("/api/speakers", params={"limit": 500}).json()
    assert body["total"] == len(body["items"]) > 10
    top = body["items"][0]
    assert top["quotes"] >= body["items"][-1]["quotes"]
    orlesk = next(s for s in body["items"] if s["name"] == "Dana Orlesk")
    assert orlesk["articles"] >= 3 and len(orlesk["sources"]) >= 3
    assert any("spokeswoman" in role for role in orlesk["roles"])
    named = client.get("/api/speakers", params={"name": "orles"}).json()
    assert [s["name"] for s in named["items"]] == ["Dana Orlesk"]


def test_one_speaker_quotes_by_date(client):
    body = client.get("/api/speakers/Dana Orlesk").json()
    assert body["name"] == "Dana Orlesk" and body["total"] == len(body["items"]) >= 5
    dates = [q["pubdate"] for q in body["items"]]
    assert dates == sorted(dates)
    assert_error(client.get("/api/speakers/Nobody Atall"), 404, "not_found")
