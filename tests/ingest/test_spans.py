"""Every processed article, from every input format, has valid spans in both offset modes."""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json

import pytest

from tests.ingest.ingest_samples import (BRIDGE, CLINIC, CURLY, FERRY, FLOOD, MARKET, MOJIBAKE, ORCHARD, SCHOOL, news_page,
                            standard_warc)
from newsledger import read_articles
from tests.conftest import assert_spans_valid


def _csv(rows, delimiter):
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


# file name -> (bytes, input_ids of the articles expected from it, in order)
def _inputs():
    warc = standard_warc(compress=False)
    warc_gz = standard_warc(compress=True)
    jsonl = "".join(json.dumps(r) + "\n" for r in [
        {"id": "j-school", "text": SCHOOL, "pubdate": "2024-03-07"},
        {"id": "j-ferry", "text": FERRY.replace("\n", "\r\n"), "source": "Wire"}])
    return {
        "text.txt": (FERRY.encode("utf-8"), ["text.txt"]),
        "text-crlf-nbsp.txt": (FERRY.replace("\n", "\r\n").replace("the council", "the\u00a0council")
                               .encode("utf-8"), ["text-crlf-nbsp.txt"]),
        "text-cp1252.txt": ((CURLY + "\n" + BRIDGE).encode("cp1252"), ["text-cp1252.txt"]),
        "text-utf16.txt": (codecs.BOM_UTF16_LE + (CURLY + "\n" + MARKET).encode("utf-16-le"), ["text-utf16.txt"]),
        "text-mojibake.txt": (MOJIBAKE.encode("utf-8"), ["text-mojibake.txt"]),
        "text.txt.gz": (gzip.compress(CLINIC.encode("utf-8")), ["text.txt.gz"]),
        "page.html": (news_page(FLOOD).encode("utf-8"), ["page.html"]),
        "page.html.gz": (gzip.compress(news_page(ORCHARD).encode("utf-8")), ["page.html.gz"]),
        "wire.jsonl": (jsonl.encode("utf-8"), ["j-school", "j-ferry"]),
        "wire.jsonl.gz": (gzip.compress(json.dumps({"id": "jz", "text": MARKET}).encode("utf-8")), ["jz"]),
        "table.csv": (_csv([["id", "text"], ["c-bridge", BRIDGE], ["c-ferry", FERRY]], ",").encode("utf-8"),
                      ["c-bridge", "c-ferry"]),
        "table.tsv": (_csv([["id", "text"], ["t-clinic", CLINIC]], "\t").encode("utf-8"), ["t-clinic"]),
        "crawl.warc": (warc.data, warc.response_ids[:2]),
        "crawl.warc.gz": (warc_gz.data, warc_gz.response_ids[:2]),
    }


INPUTS = _inputs()


@pytest.fixture(scope="module")
def articles_by_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    for name, (data, _) in INPUTS.items():
        (folder / name).write_bytes(data)
    by_file: dict[str, list] = {name: [] for name in INPUTS}
    errors = []
    for item in read_articles([str(folder)]):
        if hasattr(item, "reason"):
            errors.append(item)
            continue
        name = item.origin.removeprefix(f"{folder}/").split(":")[0].split("#")[0]
        by_file[name].append(item)
    # The only reject is the PDF response in each WARC.
    assert sorted((e.reason, e.origin.removeprefix(f"{folder}/").split("#")[0]) for e in errors) == [
        ("not_html", "crawl.warc"), ("not_html", "crawl.warc.gz")]
    return by_file


@pytest.mark.parametrize("name", list(INPUTS))
def test_articles_from_each_format(articles_by_file, name):
    assert [a.input_id for a in articles_by_file[name]] == INPUTS[name][1]


@pytest.mark.parametrize("name", list(INPUTS))
def test_spans_valid_against_clean_text(articles_by_file, name):
    for article in articles_by_file[name]:
        record = article.to_dict()
        assert record["text"] == article.text
        assert assert_spans_valid(record) > 0, article.input_id


@pytest.mark.parametrize("name", list(INPUTS))
def test_spans_valid_against_input_text(articles_by_file, name):
    for article in articles_by_file[name]:
        record = article.to_dict(offsets="input")
        assert record["text"] == article.raw_text
        assert assert_spans_valid(record, article.raw_text) > 0, article.input_id
        assert len(record["quotes"]) == len(article.quotes)
