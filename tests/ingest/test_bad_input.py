"""Bad inputs are refused one at a time, with a reason and the file (and record) named; good ones go on."""

from __future__ import annotations

import gzip
import json

import pytest

from tests.ingest.ingest_samples import BRIDGE, CLINIC, FERRY, FLOOD, FRENCH, GERMAN, MARKET, news_page, only_error, split
from newsledger import read_articles
from newsledger.errors import InputError, RejectedInput
from newsledger.ingest import RawDocument, ReadOptions, iter_documents


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("empty.html", b"", "empty"),
        ("empty.csv", b"", "empty"),
        ("empty.txt.gz", gzip.compress(b""), "empty"),
        ("empty", b"", "empty"),
        ("spaces.txt", b"  \n\t \r\n\n", "empty"),
        ("spaces.html", b"\n\n   \n", "empty"),
        ("nul.bin", bytes(range(256)) * 8, "binary"),
        ("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        ("controls.txt", bytes(range(1, 9)) * 200, "binary"),
        ("bad-utf16.txt", b"\xff\xfeA\x00\x00\xd8", "undecodable"),
        pytest.param("empty.jsonl", b"", "empty"),
        pytest.param("empty.warc", b"", "empty"),
    ],
)
def test_unreadable_file_is_rejected_with_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    err = only_error(iter_documents([str(path)], ReadOptions()))
    assert isinstance(err, RejectedInput)
    assert err.reason == reason
    assert err.origin == str(path)
    assert str(err).startswith(f"{path}: {reason}: ")


@pytest.mark.parametrize(
    "data",
    [b"  \n\t \r\n\n", "\u00a0\u2003\n\u200b\n".encode("utf-8"), " \n \n".encode("utf-16"),
     "\ufeff\n".encode("utf-8")],
    ids=["ascii", "unicode-spaces", "utf-16", "bom-only"],
)
def test_whitespace_only_is_empty_after_processing(tmp_path, data):
    path = tmp_path / "blank.txt"
    path.write_bytes(data)
    err = only_error(read_articles([str(path)]))
    assert err.reason == "empty"
    assert str(path) in str(err)


@pytest.mark.parametrize(
    ("name", "content", "origin_suffix"),
    [
        ("long.txt", FERRY, ""),
        ("long.html", news_page(FLOOD), ""),
        ("long.jsonl", json.dumps({"id": "x", "text": FERRY}) + "\n", ":1"),
        ("long.csv", 'id,text\nx,"' + BRIDGE.replace('"', '""') + '"\n', ":2"),
    ],
)
def test_text_over_max_chars(tmp_path, name, content, origin_suffix):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    err = only_error(iter_documents([str(path)], ReadOptions(max_chars=200)))
    assert isinstance(err, RejectedInput)
    assert err.reason == "too_large"
    assert err.origin == f"{path}{origin_suffix}"
    assert "limit 200" in err.detail


def test_text_at_max_chars_is_accepted(tmp_path):
    path = tmp_path / "exact.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    items = list(iter_documents([str(path)], ReadOptions(max_chars=len(BRIDGE))))
    assert [type(i) for i in items] == [RawDocument]


@pytest.mark.parametrize("name", ["huge.txt", "huge.html", "huge"])
def test_file_over_max_file_bytes_refused_from_its_size(tmp_path, name):
    # NUL bytes: had the file been read, it would have been refused as `binary`, with no exact size.
    path = tmp_path / name
    size = 3_000_017
    with path.open("wb") as fh:
        fh.truncate(size)
    err = only_error(iter_documents([str(path)], ReadOptions(max_file_bytes=1_000)))
    assert isinstance(err, RejectedInput)
    assert err.reason == "too_large"
    assert err.detail == "3,000,017 bytes (limit 1,000)"
    assert str(path) in str(err)


def test_jsonl_record_over_max_file_bytes(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": "a", "text": MARKET}), json.dumps({"id": "b", "text": FERRY * 5}),
             json.dumps({"id": "c", "text": CLINIC})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_documents([str(path)], ReadOptions(max_file_bytes=1_000)))
    assert [i.input_id if isinstance(i, RawDocument) else (i.reason, i.origin) for i in items] == [
        "a", ("too_large", f"{path}:2"), "c"]


def test_nonexistent_path(tmp_path):
    missing = tmp_path / "nowhere" / "story.txt"
    err = only_error(iter_documents([str(missing)], ReadOptions()))
    assert type(err) is InputError
    assert err.reason == "not_found"
    assert str(missing) in str(err)


@pytest.mark.parametrize("hidden", [[], [".DS_Store"], [".cache/old.txt"]])
def test_empty_directory(tmp_path, hidden):
    folder = tmp_path / "inbox"
    folder.mkdir()
    for rel in hidden:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(FERRY, encoding="utf-8")
    err = only_error(iter_documents([str(folder)], ReadOptions()))
    assert isinstance(err, RejectedInput)
    assert (err.reason, err.origin) == ("empty", str(folder))


@pytest.mark.parametrize("text", [GERMAN, FRENCH], ids=["german", "french"])
def test_non_english_is_rejected_by_the_pipeline(tmp_path, text):
    path = tmp_path / "fremd.txt"
    path.write_text(text, encoding="utf-8")
    assert len(text.split()) >= 55
    [doc] = iter_documents([str(path)], ReadOptions())
    assert isinstance(doc, RawDocument) and doc.raw_text == text
    err = only_error(read_articles([str(path)]))
    assert isinstance(err, RejectedInput)
    assert err.reason == "not_english"
    assert str(err).startswith(f"{path}: not_english: ")


def test_non_english_jsonl_record_names_the_line(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": "a", "text": MARKET}), json.dumps({"id": "de", "text": GERMAN})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles([str(path)]))
    assert [getattr(i, "input_id", None) or i.reason for i in items] == ["a", "not_english"]
    assert "wire.jsonl:2" in str(items[1])


def test_unknown_format_option_is_a_usage_error(tmp_path):
    from newsledger.errors import UsageError

    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        list(iter_documents([str(tmp_path)], ReadOptions(format="pdf")))


@pytest.fixture()
def mixed_batch(tmp_path):
    """Good and bad files in one directory, named so that sorted order interleaves them."""
    folder = tmp_path / "batch"
    (folder / "b-sub").mkdir(parents=True)
    (folder / "a-ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "b-sub" / "a-empty.txt").write_bytes(b"")
    (folder / "b-sub" / "b-flood.html").write_text(news_page(FLOOD), encoding="utf-8")
    (folder / "c-binary.dat").write_bytes(bytes(range(256)) * 4)
    lines = [json.dumps({"id": "w-market", "text": MARKET}), "{broken", json.dumps({"id": "w-clinic", "text": CLINIC})]
    (folder / "d-wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "e-german.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "f-bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (folder / "g-missing-dir").mkdir()
    return folder


EXPECTED_BATCH = [
    ("a-ferry.txt", "ok"),
    ("b-sub/a-empty.txt", "empty"),
    ("b-sub/b-flood.html", "ok"),
    ("c-binary.dat", "binary"),
    ("d-wire.jsonl:1", "ok"),
    ("d-wire.jsonl:2", "bad_json"),
    ("d-wire.jsonl:3", "ok"),
    ("e-german.txt", "not_english"),
    ("f-bridge.txt", "ok"),
]


def test_mixed_batch_in_sorted_order_and_counts_add_up(mixed_batch):
    items = list(read_articles([str(mixed_batch)], batch_size=3))
    seen = [(i.origin.removeprefix(f"{mixed_batch}/"), i.reason if isinstance(i, InputError) else "ok")
            for i in items]
    assert seen == EXPECTED_BATCH
    articles, errors = split(items)
    assert len(articles) + len(errors) == len(items) == len(EXPECTED_BATCH)
    assert [a.input_id for a in articles] == ["a-ferry.txt", "b-flood.html", "w-market", "w-clinic",
                                              "f-bridge.txt"]
    for err in errors:
        assert str(err).startswith(f"{mixed_batch}/")


def test_mixed_batch_reader_only(mixed_batch):
    items = list(iter_documents([str(mixed_batch)], ReadOptions()))
    origins = [i.origin.removeprefix(f"{mixed_batch}/") for i in items]
    assert origins == [origin for origin, _ in EXPECTED_BATCH]
    # The reader does not judge language: the German file is a document until the pipeline sees it.
    assert [type(i).__name__ for i in items].count("RawDocument") == 6


def test_archives_are_refused_unopened_with_what_to_do(tmp_path):
    """A zip bomb (48 KB inflating to 50 MB) is never inflated: refused as binary, naming the archive type."""
    import bz2
    import zipfile

    from newsledger.ingest import ReadOptions, iter_documents

    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", b"0" * 50_000_000)
    squeezed = tmp_path / "news.txt.bz2"
    squeezed.write_bytes(bz2.compress(b"Some news text. " * 1000))
    errors = {e.origin: e for e in iter_documents([str(bomb), str(squeezed)], ReadOptions())}
    assert errors[str(bomb)].reason == "binary" and "ZIP archive" in errors[str(bomb)].detail
    assert errors[str(squeezed)].reason == "binary" and "bzip2" in errors[str(squeezed)].detail
