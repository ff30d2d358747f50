"""HTML pages: main text without the page furniture, metadata from <meta>, pages without an article."""

from __future__ import annotations

import pytest

from tests.conftest import assert_spans_valid
from tests.ingest.ingest_samples import FLOOD, JUNK_MARKERS, NAV_ONLY_PAGE, ORCHARD, news_page, only_document, only_error
from newsledger import read_articles
from newsledger.errors import RejectedInput
from newsledger.ingest import ReadOptions, iter_documents


@pytest.fixture(scope="module")
def flood_doc(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "flood-barrier.html"
    path.write_text(news_page(FLOOD), encoding="utf-8")
    return only_document(iter_documents([str(path)], ReadOptions()))


def test_main_text_has_every_article_paragraph(flood_doc):
    for paragraph in FLOOD.paragraphs:
        assert paragraph in flood_doc.raw_text


@pytest.mark.parametrize("junk", JUNK_MARKERS)
def test_main_text_has_no_page_furniture(flood_doc, junk):
    assert junk not in flood_doc.raw_text


def test_metadata_comes_from_meta_tags(flood_doc):
    assert flood_doc.input_format == "html"
    assert flood_doc.input_id == "flood-barrier.html"
    assert flood_doc.title == FLOOD.title
    assert flood_doc.author == FLOOD.author
    assert flood_doc.pubdate == FLOOD.date
    assert flood_doc.source == FLOOD.site
    assert flood_doc.url == FLOOD.url
    assert flood_doc.raw == news_page(FLOOD)


@pytest.mark.parametrize("name", ["page.htm", "page.xhtml", "page", "page.txt.html"])
def test_html_by_suffix_or_sniffing(tmp_path, name):
    path = tmp_path / name
    path.write_text(news_page(ORCHARD), encoding="utf-8")
    doc = only_document(iter_documents([str(path)], ReadOptions()))
    assert doc.input_format == "html"
    assert ORCHARD.paragraphs[0] in doc.raw_text
    assert "Gullwatcher99" not in doc.raw_text


def test_format_option_forces_html(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(news_page(ORCHARD), encoding="utf-8")
    as_text = only_document(iter_documents([str(path)], ReadOptions()))
    as_html = only_document(iter_documents([str(path)], ReadOptions(format="html")))
    assert as_text.input_format == "text" and "<p>" in as_text.raw_text
    assert as_html.input_format == "html" and "<p>" not in as_html.raw_text


def test_processed_html_article(tmp_path):
    path = tmp_path / "flood.html"
    path.write_text(news_page(FLOOD), encoding="utf-8")
    [article] = read_articles([str(path)])
    assert (article.title, article.author, article.pubdate, article.source, article.url) == (
        FLOOD.title, FLOOD.author, FLOOD.date, FLOOD.site, FLOOD.url)
    for junk in JUNK_MARKERS:
        assert junk not in article.text
    assert any("four thousand homes" in q.content.text and q.speaker.name == "Delia Farrow"
               for q in article.quotes)
    assert assert_spans_valid(article.to_dict()) > 0
    assert assert_spans_valid(article.to_dict(offsets="input")) > 0


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("<html><head><title>Blank</title></head><body></body></html>", id="empty-body"),
        pytest.param("<html><body><div class='ad'></div><script>var x = 1;</script></body></html>",
                     id="script-only"),
        pytest.param(NAV_ONLY_PAGE, id="nav-only"),
    ],
)
def test_page_without_article_is_rejected(tmp_path, page):
    path = tmp_path / "menu.html"
    path.write_text(page, encoding="utf-8")
    err = only_error(iter_documents([str(path)], ReadOptions()))
    assert isinstance(err, RejectedInput)
    assert err.reason == "no_article"
    assert str(path) in str(err)
