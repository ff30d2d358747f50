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



CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
BIDI_TEXT = (
    "Ferry timetable posted with a hidden override\n"
    "The harbor office in Westmere said on Tuesday that a bad file had reached the ferry captains.\n"
    "A file named report\u202efdp.exe was sent to every captain.\n"
    "\"We found the file \u2067report\u2069 and \u202bcut\u202c its link before noon,\" said harbor master Ruth "
    "Okafor after the meeting.\n"
    "Officials said the \u200fnew\u200f timetable would start next week, as planned.\n"
)
# An element's text, each bidi marker read back as the one character it stands for.
READ_BACK = """node => {
    const walk = n => n.nodeType === Node.TEXT_NODE ? n.data
        : n.classList && n.classList.contains('bidi-mark')
            ? String.fromCodePoint(parseInt(n.dataset.code.slice(2), 16))
            : [...n.childNodes].map(walk).join('');
    return walk(node);
}"""
# Where each word is on screen: [word, left, top] for its first whole-word match in the paragraph holding key.
WORD_BOXES = r"""([key, words]) => {
    const p = [...document.querySelectorAll('.article-text p')].find(n => n.textContent.includes(key));
    const range = document.createRange();
    const out = [];
    for (const word of words) {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            const match = new RegExp('\\b' + word + '\\b').exec(n.data);
            if (!match) continue;
            range.setStart(n, match.index); range.setEnd(n, match.index + word.length);
            const box = range.getBoundingClientRect();
            out.push([word, Math.round(box.left), Math.round(box.top)]);
            break;
        }
    }
    return out;
}"""


def test_bidi_controls_in_a_paragraph_are_shown_not_applied(page, server, shots):
    """Inside the article's own paragraphs a bidi control is a visible marker (its name, the code point in its
    title) and is not applied: the words after an RLO stay in reading order on screen, every paragraph and
    every highlighted quote reads back to exactly the article's text, and no control reaches a text node."""
    result = post(server, {"text": BIDI_TEXT, "source": "Harbor Bulletin", "pubdate": "2025-03-22"})
    with urllib.request.urlopen(f"{server}/api/articles/{result['id']}", timeout=60) as response:
        article = json.load(response)
    page.goto(f"/#/article/{result['id']}")
    page.wait_for_selector(".article-text p")

    paragraphs = page.eval_on_selector_all(".article-text p", f"ns => ns.map({READ_BACK})")
    assert paragraphs == [line for line in article["text"].split("\n") if line.strip()]
    markers = page.eval_on_selector_all(".article-text .bidi-mark",
                                        "ns => ns.map(n => [n.dataset.code, n.textContent, n.title])")
    assert [code for code, _, _ in markers] == [f"U+{ord(c):04X}" for c in article["text"] if c in CONTROLS]
    assert len(markers) == 7
    assert ["U+202E", "RLO", "U+202E RIGHT-TO-LEFT OVERRIDE (shown, not applied)"] in markers
    leaks = page.evaluate("""() => {
        const walker = document.createTreeWalker(document.querySelector('.reader'), NodeFilter.SHOW_TEXT);
        const out = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode())
            if (/[\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]/.test(n.data) && !n.parentElement.closest('bdi'))
                out.push(n.data);
        return out;
    }""")
    assert leaks == []

    # Highlights keep their offsets: each quote mark reads back to a piece of its quote's content.
    contents = [q["content"]["text"] for q in article["quotes"]]
    marked = page.eval_on_selector_all("mark.q", f"ns => ns.map({READ_BACK})")
    assert marked and all(any(piece in content for content in contents) for piece in marked), (marked, contents)
    assert any("\u2067report\u2069" in piece for piece in marked), marked

    # On screen the words after the RLO still run left to right (applied, the RLO would run them right to left).
    words = ["was", "sent", "to", "every", "captain"]
    boxes = page.evaluate(WORD_BOXES, ["fdp.exe", words])
    assert [w for w, _, _ in boxes] == words, boxes
    assert len({top for _, _, top in boxes}) == 1, boxes  # one line, so left positions compare
    assert [x for _, x, _ in boxes] == sorted({x for _, x, _ in boxes}), boxes

    page.locator(".side-item").first.click()
    assert page.locator(".panel .snippet .bidi-mark").count() >= 1
    page.locator(".article-text").screenshot(path=str(shots / "bidi-markers.png"))
    assert_inert(page)
    assert not page.errors
