"""JSONL: field mapping, record ids, and one bad line never stopping the others."""

from __future__ import annotations

import csv
import json

import pytest

from tests.ingest.ingest_samples import BRIDGE, CLINIC, MARKET, SCHOOL, only_document, split
from newsledger.errors import InputError, RejectedInput
from newsledger.ingest import RawDocument, ReadOptions, iter_documents

MAPPED = ReadOptions(text_field="body", id_field="guid", date_field="published", title_field="headline",
                     url_field="link", source_field="outlet")


def write_lines(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_field_mapping_options(tmp_path):
    record = {"guid": "hallam-0042", "body": SCHOOL, "published": "2024-03-05T08:15:00+01:00",
              "headline": "Teachers walk out in Hallam", "link": "https://north.example/hallam",
              "outlet": "Northern Post", "text": "a decoy in the default text field", "id": "decoy"}
    path = write_lines(tmp_path / "mapped.jsonl", [json.dumps(record)])
    doc = only_document(iter_documents([str(path)], MAPPED))
    assert (doc.input_id, doc.raw_text, doc.pubdate, doc.title, doc.url, doc.source, doc.input_format) == (
        "hallam-0042", SCHOOL, "2024-03-05", "Teachers walk out in Hallam", "https://north.example/hallam",
        "Northern Post", "jsonl")
    assert doc.origin == f"{path}:1"
    assert doc.warnings == []


def test_default_field_names(tmp_path):
    record = {"id": 17, "text": BRIDGE, "pubdate": "2024-01-09", "title": "Bridge shut", "url": "https://x.example/b",
              "source": "River News"}
    path = write_lines(tmp_path / "default.jsonl", [json.dumps(record)])
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert (doc.input_id, doc.raw_text, doc.pubdate, doc.title, doc.url, doc.source) == (
        "17", BRIDGE, "2024-01-09", "Bridge shut", "https://x.example/b", "River News")


@pytest.fixture()
def mixed_jsonl(tmp_path):
    lines = [
        json.dumps({"guid": "m1", "body": MARKET}),          # 1 good
        json.dumps({"body": CLINIC, "headline": "Clinic opens"}),  # 2 good, no id
        "",                                                   # 3 blank
        '{"guid": "broken", "body": "unterminated',           # 4 broken JSON
        json.dumps({"guid": "n1", "body": 42}),               # 5 text is a number
        json.dumps({"guid": "n2", "headline": "No body at all"}),  # 6 no text field
        "   ",                                                # 7 whitespace only
        json.dumps(["a", "list"]),                            # 8 JSON but not an object
        json.dumps({"guid": "s1", "body": SCHOOL}),           # 9 good
        json.dumps({"guid": "e1", "body": "   "}),            # 10 empty text
    ]
    return write_lines(tmp_path / "wire.jsonl", lines)


def test_bad_lines_do_not_stop_good_ones(mixed_jsonl):
    items = list(iter_documents([str(mixed_jsonl)], MAPPED))
    outcome = [(item.origin.rsplit(":", 1)[1], item.reason if isinstance(item, InputError) else "ok")
               for item in items]
    assert outcome == [("1", "ok"), ("2", "ok"), ("4", "bad_json"), ("5", "bad_field"), ("6", "missing_field"),
                       ("8", "bad_json"), ("9", "ok"), ("10", "empty")]
    docs, _ = split(items)
    assert [d.raw_text for d in docs] == [MARKET, CLINIC, SCHOOL]


@pytest.mark.parametrize(
    ("line", "reason", "error_type"),
    [(4, "bad_json", InputError), (5, "bad_field", RejectedInput), (6, "missing_field", RejectedInput),
     (8, "bad_json", InputError), (10, "empty", RejectedInput)],
)
def test_errors_name_file_and_line(mixed_jsonl, line, reason, error_type):
    items = list(iter_documents([str(mixed_jsonl)], MAPPED))
    [err] = [i for i in items if isinstance(i, InputError) and i.origin == f"{mixed_jsonl}:{line}"]
    assert err.reason == reason
    assert isinstance(err, error_type)
    assert f"wire.jsonl:{line}" in str(err)
    assert reason in str(err)


def test_bad_field_and_missing_field_name_the_field(mixed_jsonl):
    items = list(iter_documents([str(mixed_jsonl)], MAPPED))
    details = {i.reason: i.detail for i in items if isinstance(i, InputError)}
    assert "'body'" in details["bad_field"] and "int" in details["bad_field"]
    assert "'body'" in details["missing_field"]


def test_input_id_from_id_field_else_falls_back_to_file_and_line(mixed_jsonl):
    docs, _ = split(iter_documents([str(mixed_jsonl)], MAPPED))
    assert docs[0].input_id == "m1"
    assert docs[1].input_id.endswith("wire.jsonl:2")
    assert docs[1].title == "Clinic opens"
    assert docs[2].input_id == "s1"


@pytest.mark.parametrize("suffix", ["jsonl", "csv"])
def test_fallback_input_id_is_file_name_and_line(tmp_path, suffix):
    sub = tmp_path / "feeds"
    sub.mkdir()
    if suffix == "jsonl":
        path = write_lines(sub / "wire.jsonl", [json.dumps({"text": BRIDGE})])
        expected = "wire.jsonl:1"
    else:
        path = sub / "wire.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([["title", "text"], ["Bridge shut", BRIDGE]])
        expected = "wire.csv:2"
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert doc.input_id == expected


@pytest.mark.parametrize(
    ("value", "pubdate", "warned"),
    [
        ("2024-03-05", "2024-03-05", False),
        ("2024-03-05T23:59:00Z", "2024-03-05", False),
        ("  2024-03-05 12:00", "2024-03-05", False),
        ("5 March 2024", None, True),
        ("last Tuesday", None, True),
        ("2024-02-30", None, True),
        (20240305, None, True),
        ("", None, False),
        (None, None, False),
    ],
)
def test_pubdate_values(tmp_path, value, pubdate, warned):
    path = write_lines(tmp_path / "dated.jsonl", [json.dumps({"id": "d", "text": BRIDGE, "pubdate": value})])
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert doc.pubdate == pubdate
    unparsed = [w for w in doc.warnings if w.startswith("pubdate_unparsed")]
    assert len(unparsed) == (1 if warned else 0)
    if warned:
        assert str(value) in unparsed[0]


def test_utf8_bom_and_crlf_lines(tmp_path):
    path = tmp_path / "windows.jsonl"
    lines = [json.dumps({"id": "a", "text": MARKET}), json.dumps({"id": "b", "text": CLINIC})]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    docs, errors = split(iter_documents([str(path)], ReadOptions()))
    assert errors == []
    assert [(d.input_id, d.raw_text) for d in docs] == [("a", MARKET), ("b", CLINIC)]


def test_non_utf8_line_is_undecodable_and_others_come_through(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "a", "text": MARKET}).encode("utf-8")
    bad = '{"id": "b", "text": "caf\u00e9 owners said the rent had doubled"}'.encode("cp1252")
    path.write_bytes(good + b"\n" + bad + b"\n" + good.replace(b'"a"', b'"c"') + b"\n")
    items = list(iter_documents([str(path)], ReadOptions()))
    assert [i.input_id if isinstance(i, RawDocument) else i.reason for i in items] == ["a", "undecodable", "c"]
    assert "mixed.jsonl:2" in str(items[1])


def test_json_suffix_and_sniffing_read_as_jsonl(tmp_path):
    record = json.dumps({"id": "j", "text": BRIDGE})
    for name in ("feed.json", "feed.ndjson", "feed-no-suffix"):
        path = write_lines(tmp_path / name, [record])
        doc = only_document(iter_documents([str(path)], ReadOptions()))
        assert (doc.input_format, doc.input_id, doc.raw_text) == ("jsonl", "j", BRIDGE), name
