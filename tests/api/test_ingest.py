"""POST /api/articles: text or HTML in, the article stored; size, media type, validation and lock errors."""

from __future__ import annotations

import subprocess
import sys

from tests.api.conftest import assert_error

BRIDGE = ("Council approves new bridge\n"
          "The city council in Millbrook approved a new bridge over the river on Monday, the mayor said.\n"
          "\"This bridge will connect our town,\" said Mayor Anna Berg.\n")


def test_post_text_stores_the_article(write_client):
    response = write_client.post("/api/articles", json={"text": BRIDGE, "source": "Millbrook Post",
                                                        "pubdate": "2025-01-06", "url": "https://mp.example/1"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["ok"] is True and body["duplicate"] is False and body["quotes"] >= 1
    assert body["title"] == "Council approves new bridge"
    article = write_client.get(f"/api/articles/{body['id']}").json()
    assert article["source"] == "Millbrook Post" and article["pubdate"] == "2025-01-06"
    assert any(q["speaker"]["name"] == "Anna Berg" for q in article["quotes"])
    assert write_client.get("/api/articles").json()["total"] == 12
    again = write_client.post("/api/articles", json={"text": BRIDGE}).json()
    assert again["id"] == body["id"] and again["duplicate"] is True


def test_post_html(write_client):
    html = ("<html><head><title>Bridge opens</title></head><body><nav>Home | News</nav><article><h1>Bridge "
            "opens</h1><p>The new bridge in Millbrook opened to traffic on Saturday, the city council said in a "
            "statement.</p></article></body></html>")
    response = write_client.post("/api/articles", json={"html": html, "source": "Millbrook Post"})
    assert response.status_code == 201, response.text
    article = write_client.get(f"/api/articles/{response.json()['id']}").json()
    assert "opened to traffic" in article["text"] and "Home | News" not in article["text"]


def test_oversized_body_is_413(write_client):
    big = '{"text": "' + "word " * 300_000 + '"}'
    assert_error(write_client.post("/api/articles", content=big, headers={"content-type": "application/json"}),
                 413, "payload_too_large")

    def chunks():  # no Content-Length: the limit holds while streaming
        for _ in range(300):
            yield b"x" * 10_000

    assert_error(write_client.post("/api/articles", content=chunks(), headers={"content-type": "application/json"}),
                 413, "payload_too_large")


def test_malformed_requests_are_4xx(write_client):
    post = write_client.post
    assert_error(post("/api/articles", content="text=hi", headers={"content-type": "text/plain"}), 415)
    assert_error(post("/api/articles", content="{not json", headers={"content-type": "application/json"}), 422)
    assert_error(post("/api/articles", content=b"\xff\xfe", headers={"content-type": "application/json"}), 422)
    assert_error(post("/api/articles", json=["text"]), 422)
    assert_error(post("/api/articles", json={}), 422)
    assert_error(post("/api/articles", json={"text": "a", "html": "<p>a</p>"}), 422)
    assert_error(post("/api/articles", json={"text": 42}), 422, "validation_error")
    assert_error(post("/api/articles", json={"text": BRIDGE, "extra": 1}), 422)
    assert_error(post("/api/articles", json={"text": BRIDGE, "pubdate": "2025-02-30"}), 422)
    assert_error(post("/api/articles", json={"text": BRIDGE, "pubdate": "last week"}), 422)
    assert_error(post("/api/articles", json={"text": "   \n  "}), 422, "empty")
    assert_error(post("/api/articles", json={"html": "<html><body><nav>a b</nav></body></html>"}), 422)
    assert_error(write_client.put("/api/articles", json={"text": BRIDGE}), 405, "method_not_allowed")


def test_locked_ledger_is_409(ledger_path, tmp_path):
    import shutil

    from starlette.testclient import TestClient

    from newsledger.api import create_app

    path = tmp_path / "locked.duckdb"
    shutil.copy(ledger_path, path)
    app = create_app(path)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(path)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with TestClient(app) as client:
            body = assert_error(client.post("/api/articles", json={"text": BRIDGE}), 409, "ledger_locked")
            assert "in use" in body["error"]["message"]
    finally:
        holder.kill()
        holder.wait()
