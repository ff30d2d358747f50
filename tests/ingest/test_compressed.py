"""Gzip-compressed inputs: read like their plain versions; damaged or oversized ones refused."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest

from tests.ingest.ingest_samples import BRIDGE, CLINIC, FERRY, FLOOD, MARKET, news_page, only_document, only_error, split
from newsledger.errors import InputError, RejectedInput
from newsledger.ingest import ReadOptions, iter_documents

JSONL = "".join(json.dumps({"id": key, "text": text}) + "\n" for key, text in [("m", MARKET), ("c", CLINIC)])


def tsv(rows):
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", lineterminator="\n").writerows(rows)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("ferry.txt.gz", FERRY, [("ferry.txt.gz", "text", FERRY)]),
        ("wire.jsonl.gz", JSONL, [("m", "jsonl", MARKET), ("c", "jsonl", CLINIC)]),
        ("feed.tsv.gz", tsv([["id", "text"], ["b", BRIDGE]]), [("b", "csv", BRIDGE)]),
        ("noext.gz", FERRY, [("noext.gz", "text", FERRY)]),
        ("sniffed-jsonl", JSONL, [("m", "jsonl", MARKET), ("c", "jsonl", CLINIC)]),
    ],
)
def test_gzip_reads_like_plain(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    docs, errors = split(iter_documents([str(path)], ReadOptions()))
    assert errors == []
    assert [(d.input_id, d.input_format, d.raw_text) for d in docs] == expected


def test_gzip_html_page(tmp_path):
    path = tmp_path / "flood.html.gz"
    path.write_bytes(gzip.compress(news_page(FLOOD).encode("utf-8")))
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert (doc.input_format, doc.title, doc.pubdate) == ("html", FLOOD.title, FLOOD.date)
    assert FLOOD.paragraphs[1] in doc.raw_text


def test_truncated_gzip_text(tmp_path):
    data = gzip.compress((FERRY * 20).encode("utf-8"))
    path = tmp_path / "ferry.txt.gz"
    path.write_bytes(data[: len(data) // 2])
    err = only_error(iter_documents([str(path)], ReadOptions()))
    assert err.reason == "truncated"
    assert str(path) in str(err)


def test_truncated_gzip_jsonl_keeps_lines_before_the_cut(tmp_path):
    lines = [json.dumps({"id": f"r{i}", "text": f"Record {i}. {MARKET}"}) for i in range(40)]
    data = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0)
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    items = list(iter_documents([str(path)], ReadOptions()))
    docs, errors = split(items)
    assert [e.reason for e in errors] == ["truncated"] and items[-1] is errors[0]
    assert "wire.jsonl.gz" in str(errors[0])
    assert 0 < len(docs) < 40
    assert [d.input_id for d in docs] == [f"r{i}" for i in range(len(docs))]


def test_gzip_with_damaged_data(tmp_path):
    path = tmp_path / "damaged.txt.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 64)
    err = only_error(iter_documents([str(path)], ReadOptions()))
    assert isinstance(err, InputError) and err.reason == "truncated"
    assert str(path) in str(err)


@pytest.mark.parametrize("name", ["big.txt.gz", "big.html.gz", "big.gz"])
def test_gzip_over_max_file_bytes_when_decompressed(tmp_path, name):
    content = (FERRY * 50).encode("utf-8")
    data = gzip.compress(content)
    limit = 2_000
    assert len(data) < limit < len(content)
    path = tmp_path / name
    path.write_bytes(data)
    err = only_error(iter_documents([str(path)], ReadOptions(max_file_bytes=limit)))
    assert isinstance(err, RejectedInput)
    assert err.reason == "too_large"
    assert "decompressed" in err.detail
    assert str(path) in str(err)


def test_gzip_under_max_file_bytes_is_read(tmp_path):
    path = tmp_path / "small.txt.gz"
    path.write_bytes(gzip.compress(FERRY.encode("utf-8")))
    doc = only_document(iter_documents([str(path)], ReadOptions(max_file_bytes=len(FERRY.encode()))))
    assert doc.raw_text == FERRY


def test_gzip_ratio_limit_spares_real_files_and_refuses_bombs(tmp_path):
    """Over 2 MB inflated at more than 200:1 is a bomb; a big real (repetitive) JSONL file is not."""
    import json as _json

    from newsledger.ingest import ReadOptions, RawDocument, iter_documents

    real = tmp_path / "wire.jsonl.gz"
    lines = [_json.dumps({"id": f"r{i}", "text": f"Story {i}: the council met on Monday and voted {i} to {i % 7}."})
             for i in range(60_000)]
    real.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode(), compresslevel=9))
    items = list(iter_documents([str(real)], ReadOptions()))
    assert len(items) == 60_000 and all(isinstance(i, RawDocument) for i in items)

    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b'{"id": "a", "text": "Short one."}\n' + b" " * 5_000_000 + b"\n",
                                   compresslevel=9))
    items = list(iter_documents([str(bomb)], ReadOptions()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RejectedInput"]
    assert items[1].reason == "too_large" and "200:1" in items[1].detail
