"""End-to-end in headless Chromium (Debian's package, driven by Playwright): pages, links, charts, injection.

The app runs under uvicorn in a thread on a free loopback port; the browser follows links
the way an analyst would, from an actor's stance to the sentence in its article.
"""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest
import uvicorn

from web_fixtures import INJECTED_TITLE, article_id, web_store  # noqa: F401  (web_store is a fixture)

from parley.report import write_report
from parley.web.app import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(web_store) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(web_store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (install Debian's chromium: make browser)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Tab:
    """A fresh page that records dialogs, console errors and every URL it requested."""

    def __init__(self, browser) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))


@pytest.fixture
def tab(browser) -> Iterator[Tab]:
    t = Tab(browser)
    yield t
    t.context.close()


@pytest.mark.parametrize("path, heading, charts", [
    ("/", "Overview", 1), ("/actors/usa", "What does United States want?", 2),
    ("/dyads/usa/rus", "United States ↔ Russia", 1), ("/issues", "Issues", 0),
    ("/issues/negotiations", "negotiations", 1), ("/outlets/Harbor%20Times", "Harbor Times", 1),
    ("/search?q=talks", "Search", 0), ("/actors", "Actors", 0), ("/outlets", "Outlets", 0)])
def test_pages_show_their_views_and_charts(tab, base_url, path, heading, charts):
    tab.page.goto(base_url + path, wait_until="networkidle")
    assert tab.page.locator("h1").first.inner_text() == heading
    if charts:
        tab.page.wait_for_selector(".chart .main-svg")
        assert tab.page.locator(".chart .plot-container").count() == charts
    assert tab.errors == []
    assert all(url.startswith(base_url) for url in tab.requests)  # nothing fetched from elsewhere


def test_from_actor_stance_to_the_evidence_sentence(tab, base_url):
    page = tab.page
    page.goto(base_url + "/actors/usa", wait_until="networkidle")
    section = page.locator("section#issue-negotiations")
    evidence = section.locator("li.position").first
    sentence = evidence.locator("blockquote").inner_text()
    assert sentence == "the United States is now open to negotiations with Moscow"
    evidence.locator(".source a").click()
    page.wait_for_load_state("networkidle")
    anchor = page.url.split("#")[1]
    assert anchor.startswith("p-") and "/articles/" in page.url
    target = page.locator(f"#{anchor}")
    assert target.is_visible() and target.inner_text() == sentence
    assert "hl" in target.get_attribute("class") and "position" in target.get_attribute("class")
    assert page.evaluate("document.querySelector(':target').id") == anchor
    assert page.evaluate(f"getComputedStyle(document.getElementById('{anchor}')).backgroundColor") != \
        "rgba(0, 0, 0, 0)"


def test_speaker_link_leads_to_the_actor(tab, base_url, web_store):
    page = tab.page
    page.goto(f"{base_url}/articles/{article_id(web_store, 'a1')}", wait_until="networkidle")
    page.locator("a.hl.speaker").first.click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/actors/putin")
    assert page.locator("h1").inner_text() == "What does Vladimir Putin want?"


def test_dropped_lines_open_on_request(tab, base_url, web_store):
    page = tab.page
    page.goto(f"{base_url}/articles/{article_id(web_store, 'a1')}", wait_until="networkidle")
    assert not page.get_by_text("Share this article <b>now</b>").is_visible()
    page.locator("details.dropped summary").click()
    assert page.get_by_text("Share this article <b>now</b>").is_visible()


def test_injected_script_and_image_stay_inert(tab, base_url, web_store):
    page = tab.page
    for path in (f"/articles/{article_id(web_store, 'x1')}", "/", "/actors/blinken", "/dyads/usa/rus",
                 "/search?q=Geneva", "/outlets/Harbor%20Times"):
        page.goto(base_url + path, wait_until="networkidle")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("main img").count() == 0, path
    page.goto(f"{base_url}/articles/{article_id(web_store, 'x1')}", wait_until="networkidle")
    assert page.locator("h1").inner_text() == INJECTED_TITLE  # shown as the text it is
    assert '<img src=x onerror="window.__pwned=1">' in page.locator(".text").inner_text()
    assert tab.dialogs == []


def test_search_form_filters(tab, base_url):
    page = tab.page
    page.goto(base_url + "/search", wait_until="networkidle")
    page.fill("form.filters input[name=q]", 'guarantees "(')  # FTS5 syntax in user input is taken as words
    page.select_option("select[name=outlet]", "Northern Wire")
    page.click("form.filters button")
    page.wait_for_load_state("networkidle")
    assert page.locator("[role=alert]").count() == 0
    assert page.locator("section").first.locator("li > a").all_inner_texts() == ["Putin demands security guarantees"]
    assert page.locator("mark").first.inner_text() == "guarantees"
    assert page.locator("select[name=outlet]").input_value() == "Northern Wire"  # the form keeps its filters


def test_report_opens_offline_with_charts_and_inert_injection(tab, web_store, tmp_path):
    report = write_report(web_store, tmp_path / "report.html", actor="blinken")
    page = tab.page
    page.goto(report.as_uri(), wait_until="load")
    page.wait_for_selector(".chart .main-svg")
    assert page.locator(".chart .plot-container").count() >= 2
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert tab.requests == [report.as_uri()]
    assert tab.dialogs == [] and tab.errors == []
    assert "What does Antony Blinken want?" in page.locator("#actor h1").inner_text()
