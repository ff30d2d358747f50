"""CSV and TSV: header mapping, ragged rows, a missing text column."""

from __future__ import annotations

import csv
import io

import pytest

from tests.ingest.ingest_samples import BRIDGE, CLINIC, MARKET, SCHOOL, only_error, split
from newsledger.errors import InputError, RejectedInput
from newsledger.ingest import RawDocument, ReadOptions, iter_documents

MAPPED = ReadOptions(text_field="body", id_field="guid", date_field="published", title_field="headline",
                     url_field="link", source_field="outlet")


def table(rows, delimiter):
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buf.getvalue()


@pytest.mark.parametrize(("suffix", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_header_mapping(tmp_path, suffix, delimiter):
    rows = [
        ["guid", "headline", "published", "link", "outlet", "body"],
        ["m1", "Farmers protest", "2024-06-12", "https://valley.example/m", "Valley Ledger", MARKET],
        ["c1", "", "", "", "", CLINIC],
    ]
    path = tmp_path / f"feed.{suffix}"
    path.write_text(table(rows, delimiter), encoding="utf-8")
    docs, errors = split(iter_documents([str(path)], MAPPED))
    assert errors == []
    first, second = docs
    assert (first.input_id, first.title, first.pubdate, first.url, first.source, first.raw_text) == (
        "m1", "Farmers protest", "2024-06-12", "https://valley.example/m", "Valley Ledger", MARKET)
    assert (second.input_id, second.title, second.pubdate, second.url, second.source, second.raw_text) == (
        "c1", None, None, None, None, CLINIC)
    assert {d.input_format for d in docs} == {"csv"}
    assert [d.origin for d in docs] == [f"{path}:2", f"{path}:3"]


@pytest.mark.parametrize(("suffix", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_ragged_row_rejected_with_line_number_others_come_through(tmp_path, suffix, delimiter):
    rows = [
        ["id", "title", "text"],
        ["a", "Farmers protest", MARKET],
        ["b", "Too many", SCHOOL, "an extra cell"],
        ["c", CLINIC],
        [],
        ["d", "Bridge shut", BRIDGE],
    ]
    path = tmp_path / f"ragged.{suffix}"
    path.write_text(table(rows, delimiter), encoding="utf-8")
    items = list(iter_documents([str(path)], ReadOptions()))
    assert [i.input_id if isinstance(i, RawDocument) else (i.reason, i.origin) for i in items] == [
        "a", ("ragged_row", f"{path}:3"), ("ragged_row", f"{path}:4"), "d"]
    assert f"ragged.{suffix}:3" in str(items[1])
    assert "4 fields" in items[1].detail and "header has 3" in items[1].detail
    assert [i.raw_text for i in items if isinstance(i, RawDocument)] == [MARKET, BRIDGE]


def test_line_numbers_count_physical_lines_of_multiline_cells(tmp_path):
    rows = [["id", "text"], ["a", MARKET.replace(". ", ".\n")], ["b", SCHOOL, "extra"]]
    path = tmp_path / "multiline.csv"
    path.write_text(table(rows, ","), encoding="utf-8")
    items = list(iter_documents([str(path)], ReadOptions()))
    assert isinstance(items[0], RawDocument) and items[0].raw_text == MARKET.replace(". ", ".\n")
    lines_of_first_row = MARKET.count(". ") + 1
    assert (items[1].reason, items[1].origin) == ("ragged_row", f"{path}:{2 + lines_of_first_row}")


def test_multiline_record_is_named_by_its_first_line(tmp_path):
    rows = [["id", "text"], ["a", MARKET], ["", SCHOOL.replace(". ", ".\n")], ["c", CLINIC]]
    path = tmp_path / "multiline.csv"
    path.write_text(table(rows, ","), encoding="utf-8")
    items = list(iter_documents([str(path)], ReadOptions()))
    assert [i.origin for i in items] == [f"{path}:2", f"{path}:3", f"{path}:{4 + SCHOOL.count('. ')}"]
    assert items[1].input_id.endswith("multiline.csv:3")


@pytest.mark.parametrize(("suffix", "delimiter"), [("csv", ","), ("tsv", "\t")])
def test_missing_text_column(tmp_path, suffix, delimiter):
    path = tmp_path / f"notext.{suffix}"
    path.write_text(table([["id", "title", "content"], ["a", "Farmers protest", MARKET]], delimiter),
                    encoding="utf-8")
    err = only_error(iter_documents([str(path)], ReadOptions()))
    assert isinstance(err, RejectedInput)
    assert err.reason == "missing_field"
    assert str(path) in str(err) and "'text'" in err.detail


def test_tsv_is_not_split_on_commas(tmp_path):
    path = tmp_path / "commas.tsv"
    path.write_text(table([["id", "text"], ["a", BRIDGE]], "\t"), encoding="utf-8")
    assert "," in BRIDGE
    docs, errors = split(iter_documents([str(path)], ReadOptions()))
    assert errors == [] and docs[0].raw_text == BRIDGE


def test_empty_text_cell_is_rejected_empty(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_text(table([["id", "text"], ["a", "  "], ["b", BRIDGE]], ","), encoding="utf-8")
    items = list(iter_documents([str(path)], ReadOptions()))
    assert isinstance(items[0], InputError) and (items[0].reason, items[0].origin) == ("empty", f"{path}:2")
    assert isinstance(items[1], RawDocument) and items[1].input_id == "b"


def test_cp1252_csv_is_decoded(tmp_path):
    text = "The caf\u00e9 owner said the rent had \u201cdoubled\u201d \u2013 twice \u2013 in a year."
    path = tmp_path / "legacy.csv"
    path.write_bytes(table([["id", "text"], ["a", text]], ",").encode("cp1252"))
    docs, errors = split(iter_documents([str(path)], ReadOptions()))
    assert errors == [] and docs[0].raw_text == text


def test_utf8_csv_whose_sniff_window_splits_a_character(tmp_path):
    text = ("The caf\u00e9 on the square reopened on Monday after builders finished repairs to the roof, "
            "the owner said.")
    rows = [["id", "text"]] + [[f"r{i}", text] for i in range(600)]
    data = table(rows, ",").encode("utf-8")
    # Lengthen the first id until byte 65536 (the end of the sniffed head) falls inside the two-byte e-acute.
    for pad in range(200):
        padded = data.replace(b"r0,", b"r0" + b"x" * pad + b",", 1)
        if (padded[65536] & 0xC0) == 0x80:
            break
    else:
        pytest.fail("no padding puts the window edge inside a character")
    data = padded
    path = tmp_path / "big.csv"
    path.write_bytes(data)
    docs, errors = split(iter_documents([str(path)], ReadOptions()))
    assert errors == [] and len(docs) == 600
    assert {d.raw_text for d in docs} == {text}
