"""Partitions: every format splits into ranges that together read exactly what ``ingest`` reads."""

from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest

from newsledger.batch.partition import plan_partitions, read_partition
from newsledger.ingest import ReadOptions, iter_documents

from .corpus import article, write_jsonl


def _seen(items) -> list[tuple[str, str | None, str]]:
    return [(i.origin, getattr(i, "input_id", None), getattr(i, "raw_text", getattr(i, "reason", "")))
            for i in items]


def _write_warc(path: Path, n: int) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(n):
            a = article(i)
            paragraphs = "".join(f"<p>{line}</p>" for line in a["text"].splitlines())
            body = f"<html><head><title>{i}</title></head><body><article>{paragraphs}</article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "response",
                                                          payload=io.BytesIO(body.encode()), http_headers=headers))
            if i % 3 == 0:  # a non-response record between responses
                writer.write_record(writer.create_warc_record(f"https://example.org/{i}", "metadata",
                                                              payload=io.BytesIO(b"x: y\r\n")))
    return path


def _inputs(tmp_path: Path) -> dict[str, Path]:
    plain = write_jsonl(tmp_path / "a.jsonl", 11)
    with plain.open("a", encoding="utf-8") as fh:
        fh.write("\n{broken\n")
    gz = tmp_path / "b.jsonl.gz"
    gz.write_bytes(gzip.compress(write_jsonl(tmp_path / "tmp.jsonl", 7, start=20).read_bytes()))
    (tmp_path / "tmp.jsonl").unlink()
    with (tmp_path / "c.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "text"])
        for i in range(30, 37):
            writer.writerow([f"csv-{i}", article(i)["text"]])  # multi-line fields
    texts = tmp_path / "texts"
    texts.mkdir()
    for i in range(40, 45):
        (texts / f"t{i}.txt").write_text(article(i)["text"], encoding="utf-8")
    return {"jsonl": plain, "gz": gz, "csv": tmp_path / "c.csv", "warc": _write_warc(tmp_path / "d.warc.gz", 8),
            "dir": texts}


@pytest.mark.parametrize("kind", ["jsonl", "gz", "csv", "warc", "dir"])
def test_partitions_read_what_ingest_reads(tmp_path, kind):
    path = str(_inputs(tmp_path)[kind])
    options = ReadOptions()
    parts = plan_partitions([path], options=options, partition_size=3)
    assert len(parts) > 1
    assert len({p.id for p in parts}) == len(parts) and [p.seq for p in parts] == list(range(len(parts)))
    together = [item for p in parts for item in read_partition(p, options)]
    assert _seen(together) == _seen(iter_documents([path], options))


def test_partition_ids_are_stable_and_follow_the_size(tmp_path):
    path = str(write_jsonl(tmp_path / "a.jsonl", 10))
    first = [p.id for p in plan_partitions([path], partition_size=4)]
    assert first == [p.id for p in plan_partitions([path], partition_size=4)]
    assert first != [p.id for p in plan_partitions([path], partition_size=5)]
    assert len(first) == 3


def test_small_files_group_and_a_missing_file_is_a_reject(tmp_path):
    inputs = _inputs(tmp_path)
    parts = plan_partitions([str(inputs["dir"]), str(tmp_path / "nope.txt")], partition_size=10)
    assert len(parts) == 1 and parts[0].kind == "files"
    items = list(read_partition(parts[0], ReadOptions()))
    assert [i.origin for i in items][-1] == str(tmp_path / "nope.txt") and items[-1].reason == "not_found"


def test_a_truncated_gzip_is_read_to_its_break_and_rejected(tmp_path):
    data = gzip.compress(write_jsonl(tmp_path / "x.jsonl", 9).read_bytes())
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(data[: len(data) * 2 // 3])
    parts = plan_partitions([str(bad)], partition_size=2)
    items = [i for p in parts for i in read_partition(p, ReadOptions())]
    assert items[-1].reason == "truncated"
    assert _seen(items) == _seen(iter_documents([str(bad)], ReadOptions()))
    assert json.dumps([i.origin for i in items])


def test_an_oversized_jsonl_line_is_a_reject_in_its_partition(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", 7)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, json.dumps({"id": "huge", "text": "word " * 40_000}) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    options = ReadOptions(max_file_bytes=50_000)
    parts = plan_partitions([str(path)], options=options, partition_size=3)
    together = [item for p in parts for item in read_partition(p, options)]
    assert _seen(together) == _seen(iter_documents([str(path)], options))
    assert [i.reason for i in together if hasattr(i, "reason")] == ["too_large"]
