"""Article text is untrusted: markup ingested through the API is shown literally and never runs."""

from __future__ import annotations

import json
import urllib.request

TEXT = (
    "Council website defaced with a prize message\n"
    "The city council in Millbrook said on Monday that someone had posted the text "
    "<script>window.__xss = 1; alert('script')</script> on the front page of its website.\n"
    "\"The page showed <img src=x onerror=\"window.__xss = 2; alert('img')\"> to every visitor for an hour,\" "
    "said council spokesman Tom Reyes.\n"
    "Residents were warned not to follow a link reading <a href=\"javascript:window.__xss=3;alert('link')\">claim "
    "your prize</a> that was sent by email, and <svg onload=\"window.__xss=4\"></svg> was also found.\n"
)


def post(server: str, payload: dict) -> dict:
    request = urllib.request.Request(server + "/api/articles", data=json.dumps(payload).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 201
        return json.load(response)


def assert_inert(page) -> None:
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []
    assert page.locator("main script, main img, main svg[onload], main iframe").count() == 0
    assert page.eval_on_selector_all("[href^='javascript:' i], [src^='javascript:' i]", "ns => ns.length") == 0


def test_markup_in_articles_is_text(page, server):
    result = post(server, {"text": TEXT, "source": "<img src=x onerror=window.__xss=5>",
                           "url": "javascript:window.__xss=6", "pubdate": "2025-03-20"})
    page.goto(f"/#/article/{result['id']}")
    page.wait_for_selector(".article-text p")
    shown = page.inner_text(".article-text")
    assert "<script>window.__xss = 1; alert('script')</script>" in shown
    assert "<img src=x onerror=\"window.__xss = 2; alert('img')\">" in shown
    assert "<a href=\"javascript:window.__xss=3;alert('link')\">claim your prize</a>" in shown
    assert "<img src=x onerror=window.__xss=5>" in page.inner_text(".reader .meta")
    assert "javascript:window.__xss=6" in page.inner_text(".reader .meta")
    if page.locator("mark.q").count():
        page.locator("mark.q").first.hover()
        page.locator("mark.q").first.click()
    for item in page.locator(".side-item").all()[:6]:
        item.click()
    assert_inert(page)

    page.goto("/#/articles")
    page.wait_for_selector("ol.articles li")
    assert "<img src=x onerror=window.__xss=5>" in page.inner_text("ol.articles")
    assert_inert(page)
    page.goto("/#/search?q=" + "%3Cscript%3E")
    page.wait_for_selector("ul.articles li")
    assert "<script>" in page.inner_text("main")
    page.goto("/#/speakers?name=Reyes")
    page.wait_for_selector("main table, main .empty")
    page.goto("/#/events?place=" + "%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D7%3E")
    page.wait_for_selector("main .empty, main table")
    assert_inert(page)


RLO = "\u202e"


def test_rtl_overrides_are_isolated_and_shown(page, server):
    """A right-to-left override in a field cannot reorder the UI text next to it: each such value sits in its
    own <bdi> (the date after the source stays outside it); the characters are kept, not stripped."""
    source = f"Wire {RLO}gnp.exe"
    result = post(server, {"text": TEXT.replace("defaced", f"defaced {RLO}olleh"), "source": source,
                           "title": f"Prize message {RLO}txt.exe", "pubdate": "2025-03-21"})
    page.goto(f"/#/article/{result['id']}")
    page.wait_for_selector(".article-text p")
    meta = page.locator(".reader .meta")
    assert source in meta.inner_text()
    isolated = page.eval_on_selector_all(".reader bdi", "ns => ns.map(n => n.textContent)")
    assert source in isolated and f"Prize message {RLO}txt.exe" in isolated, isolated
    assert not any(source in text and "2025-03-21" in text for text in isolated), isolated
    # Everything outside a <bdi> is free of bidi controls.
    leaks = page.evaluate("""() => {
        const walker = document.createTreeWalker(document.querySelector('header, .reader') || document.body,
                                                 NodeFilter.SHOW_TEXT);
        const out = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode())
            if (/\\u202e/.test(n.data) && !n.parentElement.closest('bdi, .article-text')) out.push(n.data);
        return out;
    }""")
    assert leaks == []
    page.goto("/#/articles")
    page.wait_for_selector("ol.articles li")
    assert page.eval_on_selector_all("ol.articles bdi", "ns => ns.length") >= 1
    assert_inert(page)
