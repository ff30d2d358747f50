"""Plain-text files: title detection, ids, and command-line metadata overriding what the input says."""

from __future__ import annotations

import json

import pytest

from tests.ingest.ingest_samples import BRIDGE, FERRY, FLOOD, news_page, only_document, split
from newsledger import read_articles
from newsledger.ingest import ReadOptions, iter_documents

BODY = "\n\n" + BRIDGE + "\n"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Harbor Council Approves New Ferry Route" + BODY, "Harbor Council Approves New Ferry Route"),
        ("Storm closes schools across the north" + BODY, "Storm closes schools across the north"),
        ("\n\n  Bridge shut after divers find cracks  " + BODY, "Bridge shut after divers find cracks"),
        ("Minister: talks will resume next week" + BODY, "Minister: talks will resume next week"),
        # A first line that ends with a period is the first sentence, not a headline.
        ("The storm closed schools across the north." + BODY, None),
        ("Engineers closed the bridge on Monday." + BODY, None),
        # Too long to be a headline even without a period.
        (" ".join(["word"] * 25) + BODY, None),
        # A single line has no body below a headline.
        (BRIDGE, None),
    ],
)
def test_first_line_is_title_only_when_headline_like(tmp_path, text, title):
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert doc.title == title
    assert doc.raw_text == text


def test_text_document_ids_and_format(tmp_path):
    sub = tmp_path / "desk"
    sub.mkdir()
    path = sub / "ferry-2024.txt"
    path.write_text(FERRY, encoding="utf-8")
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert doc.input_id == "ferry-2024.txt"
    assert doc.origin == str(path)
    assert doc.input_format == "text"
    assert (doc.url, doc.source, doc.pubdate) == (None, None, None)
    assert doc.warnings == []


@pytest.mark.parametrize("name", ["notes", "story.md", "STORY.TXT", "wire.text"])
def test_text_by_suffix_or_sniffing(tmp_path, name):
    path = tmp_path / name
    path.write_text(FERRY, encoding="utf-8")
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert (doc.input_format, doc.input_id, doc.raw_text) == ("text", name, FERRY)


def test_processed_text_article(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    [article] = read_articles([str(path)])
    assert article.input_id == "ferry.txt"
    assert article.title == "Harbor Council Approves New Ferry Route"
    assert article.pubdate is None
    assert "Ruth Okafor" in article.text
    assert any("listened to the people" in q.content.text for q in article.quotes)


def test_pubdate_source_url_options_override_text_input(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY, encoding="utf-8")
    options = ReadOptions(pubdate="2024-02-03", source="Westmere Gazette", url="https://gazette.example/ferry")
    [article] = read_articles([str(path)], options=options)
    assert (article.pubdate, article.source, article.url) == (
        "2024-02-03", "Westmere Gazette", "https://gazette.example/ferry")
    assert article.to_dict()["pubdate"] == "2024-02-03"


def test_options_override_metadata_found_in_the_input(tmp_path):
    (tmp_path / "a.html").write_text(news_page(FLOOD), encoding="utf-8")
    record = {"id": "w1", "text": BRIDGE, "pubdate": "2020-01-01", "source": "Wire", "url": "https://wire.example/1"}
    (tmp_path / "b.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    options = ReadOptions(pubdate="2024-02-03", source="Override Times", url="https://override.example/")
    articles, errors = split(read_articles([str(tmp_path)], options=options))
    assert errors == []
    assert [a.input_id for a in articles] == ["a.html", "w1"]
    for article in articles:
        assert (article.pubdate, article.source, article.url) == (
            "2024-02-03", "Override Times", "https://override.example/")


def test_without_options_metadata_from_the_input_is_kept(tmp_path):
    record = {"id": "w1", "text": BRIDGE, "pubdate": "2020-01-01", "source": "Wire", "url": "https://wire.example/1"}
    (tmp_path / "b.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = read_articles([str(tmp_path / "b.jsonl")])
    assert (article.pubdate, article.source, article.url) == ("2020-01-01", "Wire", "https://wire.example/1")
