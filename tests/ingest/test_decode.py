"""Encodings: legacy single-byte and BOM-marked inputs decode to the same text; mojibake is repaired."""

from __future__ import annotations

import codecs

import pytest

from tests.ingest.ingest_samples import CURLY, LATIN1, MOJIBAKE, RUSSIAN, only_document, only_error
from newsledger import read_articles
from newsledger.errors import RejectedInput
from newsledger.ingest import ReadOptions, iter_documents
from tests.conftest import assert_spans_valid

ENCODED = [
    pytest.param(CURLY, CURLY.encode("cp1252"), id="cp1252"),
    pytest.param(CURLY, codecs.BOM_UTF8 + CURLY.encode("utf-8"), id="utf-8-bom"),
    pytest.param(CURLY, CURLY.encode("utf-16"), id="utf-16-bom"),
    pytest.param(CURLY, codecs.BOM_UTF16_LE + CURLY.encode("utf-16-le"), id="utf-16-le-bom"),
    pytest.param(CURLY, codecs.BOM_UTF16_BE + CURLY.encode("utf-16-be"), id="utf-16-be-bom"),
    pytest.param(CURLY, CURLY.encode("utf-8"), id="utf-8"),
    pytest.param(LATIN1, LATIN1.encode("latin-1"), id="latin-1"),
]


@pytest.mark.parametrize(("text", "data"), ENCODED)
def test_encodings_decode_to_the_same_text(tmp_path, text, data):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert doc.raw_text == text


@pytest.mark.parametrize(("data", "warned"), [
    (CURLY.encode("cp1252"), True), (LATIN1.encode("latin-1"), True),
    (CURLY.encode("utf-8"), False), (codecs.BOM_UTF8 + CURLY.encode("utf-8"), False),
])
def test_legacy_encoding_is_noted_in_warnings(tmp_path, data, warned):
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert any(w.startswith("decoded_as: ") for w in doc.warnings) == warned


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-16"])
def test_html_page_in_each_encoding(tmp_path, encoding):
    paragraph = CURLY.strip()
    page = f"<html><head><title>Rescue plan</title></head><body><article><p>{paragraph}</p></article></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(page.encode(encoding))
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert doc.input_format == "html"
    assert paragraph in doc.raw_text


def test_every_encoding_gives_the_same_article(tmp_path):
    for index, param in enumerate(ENCODED):
        text, data = param.values
        if text is CURLY:
            (tmp_path / f"{index:02d}-{param.id}.txt").write_bytes(data)
    articles = list(read_articles([str(tmp_path)]))
    assert len(articles) == sum(1 for p in ENCODED if p.values[0] is CURLY)
    assert {a.id for a in articles} == {articles[0].id}
    assert {a.text for a in articles} == {CURLY.strip()}


def test_cp1251_russian_decodes_then_is_refused_as_not_english(tmp_path):
    path = tmp_path / "most.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert doc.raw_text == RUSSIAN
    err = only_error(read_articles([str(path)]))
    assert isinstance(err, RejectedInput)
    assert err.reason == "not_english"
    assert str(path) in str(err)


@pytest.fixture(scope="module")
def mojibake_article(tmp_path_factory):
    path = tmp_path_factory.mktemp("moji") / "talks.txt"
    path.write_bytes(MOJIBAKE.encode("utf-8"))
    [article] = read_articles([str(path)])
    return article


def test_mojibake_repaired_in_clean_text(mojibake_article):
    assert "Syria\u2019s foreign minister" in mojibake_article.text
    assert "caf\u00e9 near the border" in mojibake_article.text
    assert "\u00e2\u20ac" not in mojibake_article.text and "\u00c3" not in mojibake_article.text
    assert mojibake_article.raw_text == MOJIBAKE
    assert any(w.startswith("mojibake_repaired") for w in mojibake_article.warnings)


def test_mojibake_spans_valid_in_both_offset_modes(mojibake_article):
    clean = mojibake_article.to_dict()
    assert assert_spans_valid(clean) > 0
    as_input = mojibake_article.to_dict(offsets="input")
    assert as_input["text"] == MOJIBAKE
    assert assert_spans_valid(as_input, MOJIBAKE) > 0


def _spans(node, out):
    if isinstance(node, dict):
        if node.keys() == {"start", "end", "text"}:
            out.append(node)
        else:
            for key, value in node.items():
                if key != "text":
                    _spans(value, out)
    elif isinstance(node, list):
        for value in node:
            _spans(value, out)
    return out


def test_mojibake_input_offsets_shift_by_the_repaired_characters(mojibake_article):
    clean = _spans(mojibake_article.to_dict(), [])
    as_input = _spans(mojibake_article.to_dict(offsets="input"), [])
    assert len(clean) == len(as_input) > 0
    second_line = mojibake_article.text.index("\n")
    after = [(c, i) for c, i in zip(clean, as_input) if c["start"] > second_line]
    assert any(c["text"] == "Adel Karim" for c, _ in after)
    # "\u00e2\u20ac\u2122" became one character and "\u00c3\u00a9" one: three characters fewer before line 2.
    for c, i in after:
        assert (i["start"] - c["start"], i["end"] - c["end"], i["text"]) == (3, 3, c["text"])
