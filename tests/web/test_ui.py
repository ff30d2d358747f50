"""The UI in a real browser: article reader with highlighted quotes, events map and filter, disputes,
speakers, search. Screenshots go to docs/screenshots with NEWSLEDGER_SCREENSHOTS=1."""

from __future__ import annotations

import re


def test_article_reader_highlights_quotes_and_events(page, shots):
    page.goto("/#/article/demo-04-marrovka-denial-courier")
    page.wait_for_selector("mark.q")
    assert page.inner_text("h1") == "Ministry denies civilian areas were hit in Marrovka operation"
    assert page.locator("mark.q[tabindex='0']").count() >= 8  # one focus stop per quote
    assert page.locator(".ev[tabindex='0']").count() >= 8
    colours = set(page.eval_on_selector_all("mark.q", "ns => ns.map(n => getComputedStyle(n).backgroundColor)"))
    assert len(colours) >= 3  # one colour per speaker
    wendrake = page.locator("mark.q", has_text="No market was").first
    wendrake.hover()
    inspector = page.inner_text(".inspector")
    assert "Tomas Wendrake" in inspector and "Conduit" in inspector and "direct" in inspector
    page.locator(".ev", has_text="denied").first.click()
    assert "REJECT" in page.inner_text(".inspector")
    assert page.locator(".panel").first.locator("li").count() == page.locator("mark.q[tabindex='0']").count()
    wendrake.hover()
    page.screenshot(path=str(shots / "article.png"))
    assert not page.errors and not page.dialogs


def test_keyboard_reaches_quote_details(page):
    page.goto("/#/article/demo-01-marrovka-strike-standard")
    page.wait_for_selector("mark.q")
    page.focus("mark.q[tabindex='0']")
    page.keyboard.press("Enter")
    assert "Speaker" in page.inner_text(".inspector")


def test_events_map_marker_filter_and_timeline(page, shots):
    page.goto("/#/events")
    page.wait_for_selector("path.event-marker")
    assert page.locator("path.event-marker").count() >= 2  # Hama and Aleppo
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # the offline countries basemap
    assert page.locator("svg.timeline .bar").count() >= 5
    # Under load the map may still be settling when the marker is first clicked: click until the popup opens.
    marker = page.locator("path.event-marker").first
    for _ in range(5):
        marker.dispatch_event("click")
        if page.locator(".leaflet-popup-content").count():
            break
        page.wait_for_timeout(500)
    page.wait_for_selector(".leaflet-popup-content")
    assert "ASSAULT" in page.inner_text(".leaflet-popup-content")
    page.wait_for_timeout(400)  # the popup fades in
    page.screenshot(path=str(shots / "events.png"))
    page.select_option("#f-category", "PROTEST")
    page.click(".filters button[type=submit]")
    page.wait_for_function("location.hash.includes('category=PROTEST')")
    page.wait_for_selector("table.events tbody tr")
    categories = page.eval_on_selector_all("table.events tbody tr td:nth-child(2)", "ns => ns.map(n => n.textContent)")
    assert categories and set(categories) == {"PROTEST"}
    assert page.locator("path.event-marker").count() == 0
    assert "No event matching these filters has a geocoded place" in page.inner_text("main")
    page.select_option("#f-country", "SYR")
    page.select_option("#f-category", "")
    page.click(".filters button[type=submit]")
    page.wait_for_function("location.hash.includes('country=SYR')")
    page.wait_for_selector("path.event-marker")
    assert not page.errors and not page.dialogs


def test_disputes_view_shows_both_sides(page, shots):
    page.goto("/#/disputes")
    page.wait_for_selector(".dispute")
    text = page.inner_text(".dispute")
    assert "Dana Orlesk" in text and "Idris Malvek" in text and "legitimate military target" in text
    assert page.locator(".dispute .side").count() == 2
    page.screenshot(path=str(shots / "disputes.png"))
    page.locator(".dispute .side a").first.click()
    page.wait_for_selector("mark.q")
    assert "#/article/" in page.url


def test_speakers_and_search(page, shots):
    page.goto("/#/speakers")
    page.wait_for_selector("table.grid tbody tr")
    page.click("text=Dana Orlesk")
    page.wait_for_selector("ul.quotes li")
    assert re.search(r"\d+ quotes in \d+ articles", page.inner_text("main"))
    page.screenshot(path=str(shots / "speakers.png"))
    page.fill("#search-q", "propaganda")
    page.press("#search-q", "Enter")
    page.wait_for_function("location.hash.startsWith('#/search')")
    # The speaker page's quote list is still there until the results replace it: wait for the results.
    page.locator("ul.quotes", has_text="propaganda").first.wait_for(timeout=20000)
    assert "propaganda" in page.inner_text("main").lower()
    page.fill("#search-q", "zzqqxx")
    page.press("#search-q", "Enter")
    page.wait_for_selector(".empty")
    assert "No article contains this" in page.inner_text("main")


def test_empty_states(page):
    page.goto("/#/articles?q=zzqqxx")
    page.wait_for_selector(".empty")
    assert "No articles match" in page.inner_text("main")
    page.goto("/#/nowhere")
    page.wait_for_selector(".empty")
    page.goto("/#/article/a_0000000000000000")
    page.wait_for_selector(".error")
    assert "no article" in page.inner_text(".error")
