"""WARC files written with warcio: HTML responses become documents, everything else does not."""

from __future__ import annotations

import pytest

from tests.ingest.ingest_samples import FLOOD, JUNK_MARKERS, ORCHARD, split, standard_warc
from newsledger.errors import RejectedInput
from newsledger.ingest import ReadOptions, iter_documents

GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"  # a member whose deflate data is garbage
COMPRESSION = [pytest.param(False, id="warc"), pytest.param(True, id="warc.gz")]


def write_warc(tmp_path, compress, data=None):
    built = standard_warc(compress=compress)
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(built.data if data is None else data)
    return path, built


@pytest.mark.parametrize("compress", COMPRESSION)
def test_html_responses_become_documents(tmp_path, compress):
    path, built = write_warc(tmp_path, compress)
    docs, errors = split(iter_documents([str(path)], ReadOptions()))
    assert [d.url for d in docs] == [FLOOD.url, ORCHARD.url]
    assert [d.input_id for d in docs] == built.response_ids[:2]
    assert {d.input_format for d in docs} == {"warc"}
    assert [d.title for d in docs] == [FLOOD.title, ORCHARD.title]
    assert [d.pubdate for d in docs] == [FLOOD.date, ORCHARD.date]
    assert [d.author for d in docs] == [FLOOD.author, ORCHARD.author]
    for doc, page in zip(docs, (FLOOD, ORCHARD)):
        for paragraph in page.paragraphs:
            assert paragraph in doc.raw_text
        for junk in JUNK_MARKERS:
            assert junk not in doc.raw_text
        assert doc.raw.startswith("<!DOCTYPE html>")
        assert doc.origin.startswith(str(path) + "#") and doc.origin.endswith(doc.url)


@pytest.mark.parametrize("compress", COMPRESSION)
def test_non_html_response_is_rejected_and_other_records_ignored(tmp_path, compress):
    path, _ = write_warc(tmp_path, compress)
    items = list(iter_documents([str(path)], ReadOptions()))
    # warcinfo + 3 requests + 3 responses: one item per response, nothing for the other records.
    assert len(items) == 3
    _, errors = split(items)
    [err] = errors
    assert isinstance(err, RejectedInput)
    assert err.reason == "not_html"
    assert "application/pdf" in err.detail
    assert err.origin == f"{path}#3 https://coastline.example/files/report.pdf"
    assert "crawl.warc" in str(err) and "report.pdf" in str(err)


@pytest.mark.parametrize("compress", COMPRESSION)
def test_warc_format_option_without_suffix(tmp_path, compress):
    built = standard_warc(compress=compress)
    path = tmp_path / "capture.bin"
    path.write_bytes(built.data)
    docs, _ = split(iter_documents([str(path)], ReadOptions(format="warc")))
    assert [d.input_id for d in docs] == built.response_ids[:2]


def test_uncompressed_warc_is_sniffed_without_suffix(tmp_path):
    built = standard_warc(compress=False)
    path = tmp_path / "capture"
    path.write_bytes(built.data)
    docs, _ = split(iter_documents([str(path)], ReadOptions()))
    assert [d.url for d in docs] == [FLOOD.url, ORCHARD.url]


@pytest.mark.parametrize("compress", COMPRESSION)
def test_truncated_warc_keeps_records_before_the_cut(tmp_path, compress):
    built = standard_warc(compress=compress)
    start, end = built.response_spans[1]
    path, _ = write_warc(tmp_path, compress, data=built.data[: (start + end) // 2])
    items = list(iter_documents([str(path)], ReadOptions()))
    docs, errors = split(items)
    assert [d.input_id for d in docs] == built.response_ids[:1]
    assert [e.reason for e in errors] == ["truncated"]
    assert items[-1] is errors[0]
    assert str(path) in str(errors[0])


def test_damaged_gzip_member_after_a_good_record(tmp_path):
    built = standard_warc(compress=True)
    first_end = built.response_spans[0][1]
    path, _ = write_warc(tmp_path, True, data=built.data[:first_end] + GZIP_HEADER + b"\xff" * 40)
    items = list(iter_documents([str(path)], ReadOptions()))
    docs, errors = split(items)
    assert [d.input_id for d in docs] == built.response_ids[:1]
    assert [(e.reason, e.origin) for e in errors] == [("truncated", f"{path}#2")]
    assert items[-1] is errors[0]
