"""The reader's experience in a real browser: accessibility (axe-core), narrow screens, no
third-party requests, the filter by keyboard, the timeline's zoom, and screenshots to look at.

The fixture project is built with the real MkDocs into a temporary folder and served on a free
local port; Debian's chromium is driven through Playwright. Screenshots land in screenshots/,
which git ignores.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import REPO, copy_project

CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "node_modules/axe-core/axe.min.js"
SCREENSHOTS = REPO / "screenshots"
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
EVENT_ID = "2019-07-05-nato-russia-council-inf-talks"
PAGES = {
    "home": "",
    "timeline": "timeline/",
    "visual-timeline": "visual-timeline/",
    "filter": "filter/",
    "event": f"events/{EVENT_ID}/",
    "person": "people/jens-stoltenberg/",
    "source": "sources/002_5b8a1d404cf63abd/",
}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}

playwright_api = pytest.importorskip("playwright.sync_api")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture project, built for real and served on a free local port, under a sub-path
    (/site/) as on a project site, so that nothing may assume it sits at the server's root."""
    project = copy_project(tmp_path_factory.mktemp("reader"))
    site = project / "site"
    build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True))
    handler = functools.partial(_QuietHandler, directory=str(project))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/site/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield launched
        finally:
            launched.close()


class RequestLog:
    """Every request a page makes; anything leaving this machine is recorded and refused."""

    def __init__(self) -> None:
        self.outside: list[str] = []

    def route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
            self.outside.append(url)
            route.abort()  # type: ignore[attr-defined]
        else:
            route.continue_()  # type: ignore[attr-defined]


def _new_page(browser: object, width: int, log: RequestLog) -> object:
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    context.route("**/*", log.route)
    return context.new_page()


def _screenshot(page: object, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]


def _serious_violations(page: object) -> list[str]:
    page.add_script_tag(path=str(AXE))  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    found = []
    for violation in result["violations"]:
        if violation["impact"] in ("serious", "critical"):
            targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return found


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_accessibility_violation_and_no_third_party_request(
    browser: object, base_url: str, scheme: str
) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` in the repository")
    log = RequestLog()
    page = _new_page(browser, 1280, log)
    problems = {}
    for name, path in PAGES.items():
        page.goto(base_url + path)  # type: ignore[attr-defined]
        if scheme == "slate":
            # The palette toggle: Material remembers the choice for the following pages.
            if page.get_attribute("body", "data-md-color-scheme") != "slate":  # type: ignore[attr-defined]
                page.click("label[for='__palette_1']")  # type: ignore[attr-defined]
            assert page.get_attribute("body", "data-md-color-scheme") == "slate"  # type: ignore[attr-defined]
        page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
        _screenshot(page, f"{name}-{scheme}")
        found = _serious_violations(page)
        if found:
            problems[name] = found
    listing = [f"{name}: {item}" for name, items in problems.items() for item in items]
    assert not listing, "axe found serious or critical violations:\n" + "\n".join(listing)
    assert log.outside == []


def test_no_page_scrolls_sideways_on_a_375_pixel_screen(browser: object, base_url: str) -> None:
    log = RequestLog()
    page = _new_page(browser, 375, log)
    too_wide = {}
    for name, path in PAGES.items():
        page.goto(base_url + path)  # type: ignore[attr-defined]
        page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
        _screenshot(page, f"{name}-375px")
        widths = page.evaluate(  # type: ignore[attr-defined]
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if widths[0] > widths[1]:
            too_wide[name] = widths
    assert too_wide == {}
    assert log.outside == []


def _tab_to(page: object, selector: str, limit: int = 150) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if page.evaluate(f"document.activeElement.matches({selector!r})"):  # type: ignore[attr-defined]
            return
    raise AssertionError(f"Tab never reached {selector}")


def _result_titles(page: object) -> list[str]:
    return page.eval_on_selector_all("#chrono-results a", "links => links.map(a => a.textContent)")  # type: ignore[attr-defined]


def test_filter_by_keyboard_keeps_the_filter_in_the_address(browser: object, base_url: str) -> None:
    log = RequestLog()
    page = _new_page(browser, 1280, log)
    page.goto(base_url + "filter/")  # type: ignore[attr-defined]
    page.wait_for_selector("#chrono-filter:not([hidden])")  # type: ignore[attr-defined]
    assert page.text_content("#chrono-status") == "All 3 events."  # type: ignore[attr-defined]

    _tab_to(page, "#chrono-from")
    page.keyboard.type("1996")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    page.keyboard.type("2000")  # type: ignore[attr-defined]
    _tab_to(page, "#chrono-find-treaty")
    page.keyboard.type("CFE")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # the first visible match takes the focus
    assert page.evaluate("document.activeElement.value") == "cfe-treaty"  # type: ignore[attr-defined]
    page.keyboard.press("Space")  # type: ignore[attr-defined]

    # location, not page.url: Playwright learns of replaceState a moment later.
    query = parse_qs(page.evaluate("location.search.slice(1)"))  # type: ignore[attr-defined]
    assert query == {"treaty": ["cfe-treaty"], "from": ["1996"], "to": ["2000"]}
    assert _result_titles(page) == ["Russia warns against NATO expansion at the CFE review conference"]
    assert page.text_content("#chrono-status") == "1 of 3 events match."  # type: ignore[attr-defined]
    _screenshot(page, "filter-keyboard")

    # The address alone restores the filter; facets combine (both treaties: none match).
    page.goto(base_url + "filter/?treaty=inf-treaty&tag=arms-control")  # type: ignore[attr-defined]
    page.wait_for_selector("#chrono-results li")  # type: ignore[attr-defined]
    assert _result_titles(page) == ["NATO-Russia Council fails to save the INF Treaty", "The INF Treaty ends"]
    assert page.is_checked("#chrono-treaty-inf-treaty")  # type: ignore[attr-defined]
    page.goto(base_url + "filter/?treaty=inf-treaty&treaty=cfe-treaty")  # type: ignore[attr-defined]
    page.wait_for_function("document.getElementById('chrono-status').textContent.includes('match')")  # type: ignore[attr-defined]
    assert _result_titles(page) == []

    # A result is a link that Enter follows.
    page.goto(base_url + "filter/?person=jens-stoltenberg")  # type: ignore[attr-defined]
    page.wait_for_selector("#chrono-results li")  # type: ignore[attr-defined]
    _tab_to(page, "#chrono-results a")
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_url(f"**/events/{EVENT_ID}/")  # type: ignore[attr-defined]
    assert log.outside == []


def test_timeline_zooms_from_the_whole_period_to_one_year(browser: object, base_url: str) -> None:
    log = RequestLog()
    page = _new_page(browser, 1280, log)
    page.goto(base_url + "visual-timeline/")  # type: ignore[attr-defined]
    page.wait_for_selector(".tl-controls:not([hidden])")  # type: ignore[attr-defined]
    viewport = page.eval_on_selector(".tl-viewport", "v => v.clientWidth")  # type: ignore[attr-defined]
    assert page.eval_on_selector(".tl-track", "t => t.getBoundingClientRect().width") == pytest.approx(viewport, abs=2)  # type: ignore[attr-defined]

    page.focus("#tl-zoom")  # type: ignore[attr-defined]
    page.select_option("#tl-zoom", "2019")  # type: ignore[attr-defined]
    track = page.eval_on_selector(".tl-track", "t => t.getBoundingClientRect().width")  # type: ignore[attr-defined]
    assert track == pytest.approx(viewport * 9862 / 365, rel=0.01)  # 27 years shown as one
    box = page.eval_on_selector(".tl-viewport", "v => v.getBoundingClientRect().toJSON()")  # type: ignore[attr-defined]
    talks = page.eval_on_selector(  # type: ignore[attr-defined]
        f'a.tl-mark[href$="{EVENT_ID}/"]', "a => a.getBoundingClientRect().toJSON()"
    )
    assert box["left"] <= talks["left"] <= box["right"]  # 5 July 2019 is in view
    _screenshot(page, "visual-timeline-2019")

    page.click("[data-tl-step='-1']")  # type: ignore[attr-defined]
    assert page.input_value("#tl-zoom") == "2018"  # type: ignore[attr-defined]
    page.select_option("#tl-zoom", "")  # type: ignore[attr-defined]
    assert page.eval_on_selector(".tl-track", "t => t.getBoundingClientRect().width") == pytest.approx(viewport, abs=2)  # type: ignore[attr-defined]
    assert log.outside == []


def test_timeline_and_source_pages_work_without_javascript(browser: object, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base_url + "visual-timeline/")
    links = page.eval_on_selector_all(".tl-list a", "links => links.map(a => a.href)")
    assert len(links) == 3 and all("/events/" in link for link in links)
    assert page.is_hidden(".tl-controls")
    page.goto(base_url + "sources/002_5b8a1d404cf63abd/")
    marks = page.eval_on_selector_all(".annotated-article mark a", "links => links.map(a => a.href)")
    assert base_url + f"events/{EVENT_ID}/" in marks
    assert base_url + "people/jens-stoltenberg/" in marks
    _screenshot(page, "source-annotated")
    context.close()


def test_exports_are_served_next_to_the_home_page(browser: object, base_url: str) -> None:
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(base_url + f"events/{EVENT_ID}/")
    blocks = page.eval_on_selector_all(
        'script[type="application/ld+json"]', "scripts => scripts.map(s => JSON.parse(s.textContent))"
    )
    assert [(b["@type"], b["name"], b["startDate"]) for b in blocks] == [
        ("Event", "NATO-Russia Council fails to save the INF Treaty", "2019-07-05")
    ]
    for name, kind in (("chronology.json", "json"), ("chronology.csv", "csv"), ("chronology.ics", "calendar")):
        response = context.request.get(base_url + name)
        assert response.ok, name
        assert kind in response.headers["content-type"] or name.endswith(".csv"), response.headers
    context.close()

