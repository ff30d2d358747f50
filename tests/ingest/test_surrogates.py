"""Lone surrogates (found by the atheris harness, tests/fuzz): a JSON escape like ``"\\ud83d"`` or a file name
that is not UTF-8 used to crash the whole batch with ``UnicodeEncodeError`` (the id hash, then DuckDB)."""

from __future__ import annotations

import json

import newsledger
from newsledger import Ledger
from newsledger.surrogates import escape_surrogates, replace_surrogates
from tests.conftest import assert_spans_valid
from tests.ingest.ingest_samples import BRIDGE, FERRY


def test_replace_keeps_length_and_escape_names_the_byte():
    assert replace_surrogates("a\ud83db\udcffc") == ("a\ufffdb\ufffdc", 2)
    assert replace_surrogates("\U0001f600") == ("\U0001f600", 0)  # a whole pair is one real character
    assert escape_surrogates("caf\udce9.txt") == "caf\\xe9.txt"
    assert escape_surrogates("id-\ud800") == "id-\\ud800"


def test_lone_surrogates_in_jsonl_become_replacement_characters(tmp_path):
    cut = BRIDGE.replace("stone piers.", "stone piers \ud83d.")
    path = tmp_path / "cut.jsonl"
    path.write_text(json.dumps({"id": "cut-\udcff", "text": cut, "title": "Bridge \ud800 closed"}) + "\n"
                    + json.dumps({"text": FERRY}) + "\n", encoding="ascii")  # json escapes them: \ud83d
    with Ledger(tmp_path / "ledger.duckdb") as ledger:
        report = ledger.ingest([str(path)])
        assert (report.ingested, report.rejected) == (2, 0), report.rejects
        record = ledger.article("cut-\\xff", offsets="input")
    assert record is not None and "surrogates_replaced: 2" in record["warnings"]
    assert record["text"] == cut.replace("\ud83d", "\ufffd") and record["title"] == "Bridge \ufffd closed"
    assert assert_spans_valid(record) > 0


def test_process_accepts_a_lone_surrogate_with_offsets_unmoved():
    text = "The mayor of Millbrook said on Monday that the bridge would open in June \udc80 after the vote."
    article = newsledger.process(text)
    assert "surrogates_replaced: 1" in article.warnings
    as_input = article.to_dict(offsets="input")
    assert as_input["text"] == text.replace("\udc80", "\ufffd")
    assert_spans_valid(as_input)


def test_file_names_that_are_not_utf8_are_named_with_escapes(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "caf\udce9.txt").write_text(FERRY, encoding="utf-8")  # the file name's byte 0xE9 is not UTF-8
    (folder / "empty\udcff.txt").write_bytes(b"")
    with Ledger(tmp_path / "ledger.duckdb") as ledger:
        report = ledger.ingest([str(folder)])
        assert (report.ingested, report.rejected) == (1, 1)
        assert [err.origin for err in report.rejects] == [f"{folder}/empty\\xff.txt"]
        assert ledger.article("caf\\xe9.txt") is not None
