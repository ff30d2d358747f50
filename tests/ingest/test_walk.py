"""Directories (recursive, sorted, hidden files skipped), several paths, and stdin with format sniffing."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from tests.ingest.ingest_samples import (BRIDGE, CLINIC, FERRY, FLOOD, MARKET, ORCHARD, SCHOOL, news_page, only_document, split,
                            standard_warc)
from newsledger import read_articles
from newsledger.errors import InputError
from newsledger.ingest import ReadOptions, iter_documents


def test_directory_walked_recursively_in_sorted_order_hidden_skipped(tmp_path):
    files = {
        "zeta.txt": MARKET,
        "alpha/2-school.txt": SCHOOL,
        "alpha/beta/1-clinic.txt": CLINIC,
        "alpha/1-bridge.txt": BRIDGE,
        "gamma.txt": FERRY,
        ".hidden.txt": "Hidden file that must not be read by the walker at all.",
        ".git/objects/note.txt": "Hidden directory content that must not be read.",
        "alpha/.draft.txt": "A hidden draft inside a visible folder.",
        "alpha/.cache/old.txt": "A file inside a hidden folder below a visible one.",
    }
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    docs, errors = split(iter_documents([str(tmp_path)], ReadOptions()))
    assert errors == []
    assert [d.origin.removeprefix(f"{tmp_path}/") for d in docs] == [
        "alpha/1-bridge.txt", "alpha/2-school.txt", "alpha/beta/1-clinic.txt", "gamma.txt", "zeta.txt"]
    assert [d.input_id for d in docs] == ["1-bridge.txt", "2-school.txt", "1-clinic.txt", "gamma.txt", "zeta.txt"]


def test_hidden_directory_given_explicitly_is_read(tmp_path):
    hidden = tmp_path / ".inbox"
    hidden.mkdir()
    (hidden / "story.txt").write_text(BRIDGE, encoding="utf-8")
    doc = only_document(iter_documents([str(hidden)], ReadOptions()))
    assert doc.raw_text == BRIDGE


def test_paths_are_read_in_the_order_given(tmp_path):
    (tmp_path / "a.txt").write_text(MARKET, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CLINIC, encoding="utf-8")
    items = list(iter_documents([str(tmp_path / "b.txt"), str(tmp_path / "missing.txt"), str(tmp_path / "a.txt")],
                                ReadOptions()))
    assert [i.reason if isinstance(i, InputError) else i.input_id for i in items] == [
        "b.txt", "not_found", "a.txt"]


def test_directory_mixing_formats(tmp_path):
    (tmp_path / "1.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "2.html").write_text(news_page(ORCHARD), encoding="utf-8")
    (tmp_path / "3.jsonl").write_text(json.dumps({"id": "j", "text": MARKET}) + "\n", encoding="utf-8")
    (tmp_path / "4.csv").write_text('id,text\nc,"' + CLINIC.replace('"', '""') + '"\n', encoding="utf-8")
    (tmp_path / "5.warc.gz").write_bytes(standard_warc(compress=True).data)
    items = list(iter_documents([str(tmp_path)], ReadOptions()))
    assert [(i.input_format if not isinstance(i, InputError) else i.reason) for i in items] == [
        "text", "html", "jsonl", "csv", "warc", "warc", "not_html"]


JSONL = "".join(json.dumps({"id": key, "text": text}) + "\n" for key, text in [("s1", SCHOOL), ("c1", CLINIC)])


@pytest.mark.parametrize(
    ("payload", "fmt", "ids"),
    [
        pytest.param(FERRY.encode("utf-8"), "text", ["<stdin>"], id="text"),
        pytest.param(JSONL.encode("utf-8"), "jsonl", ["s1", "c1"], id="jsonl"),
        pytest.param(("\n  " + JSONL).encode("utf-8"), "jsonl", ["s1", "c1"], id="jsonl-leading-space"),
        pytest.param(news_page(FLOOD).encode("utf-8"), "html", ["<stdin>"], id="html"),
        pytest.param(f"<div><p>{BRIDGE}</p><p>{SCHOOL}</p></div>".encode("utf-8"), "html", ["<stdin>"],
                     id="html-fragment"),
        pytest.param(gzip.compress(FERRY.encode("utf-8")), "text", ["<stdin>"], id="text.gz"),
        pytest.param(gzip.compress(JSONL.encode("utf-8")), "jsonl", ["s1", "c1"], id="jsonl.gz"),
        pytest.param(FERRY.encode("utf-16"), "text", ["<stdin>"], id="utf-16-text"),
    ],
)
def test_stdin_format_sniffing(payload, fmt, ids):
    docs, errors = split(iter_documents(["-"], ReadOptions(), stdin=io.BytesIO(payload)))
    assert errors == []
    assert [d.input_format for d in docs] == [fmt] * len(ids)
    assert [d.input_id for d in docs] == ids


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_stdin_warc(compress):
    built = standard_warc(compress=compress)
    items = list(iter_documents(["-"], ReadOptions(), stdin=io.BytesIO(built.data)))
    docs, errors = split(items)
    assert [d.input_id for d in docs] == built.response_ids[:2]
    assert [d.url for d in docs] == [FLOOD.url, ORCHARD.url]
    assert [e.reason for e in errors] == ["not_html"]
    assert errors[0].origin.startswith("<stdin>#3 ")


def test_stdin_jsonl_errors_name_stdin_and_line():
    payload = (json.dumps({"id": "a", "text": MARKET}) + "\n{oops\n").encode("utf-8")
    items = list(iter_documents(["-"], ReadOptions(), stdin=io.BytesIO(payload)))
    assert items[0].input_id == "a"
    assert (items[1].reason, items[1].origin) == ("bad_json", "<stdin>:2")


def test_stdin_format_option_overrides_sniffing():
    payload = b'{"looks": "like json"} but it is a story line.\n' + BRIDGE.encode("utf-8")
    doc = only_document(iter_documents(["-"], ReadOptions(format="text"), stdin=io.BytesIO(payload)))
    assert doc.input_format == "text" and doc.raw_text.endswith(BRIDGE)


@pytest.mark.parametrize("payload", [b"", b"   \n"], ids=["empty", "blank"])
def test_empty_stdin(payload):
    items = list(iter_documents(["-"], ReadOptions(), stdin=io.BytesIO(payload)))
    assert [(i.reason, i.origin) for i in items] == [("empty", "<stdin>")]


def test_stdin_and_files_together(tmp_path):
    (tmp_path / "a.txt").write_text(MARKET, encoding="utf-8")
    articles = list(read_articles([str(tmp_path / "a.txt"), "-"], stdin=io.BytesIO(JSONL.encode("utf-8"))))
    assert [a.input_id for a in articles] == ["a.txt", "s1", "c1"]
    assert articles[1].origin == "<stdin>:1"
