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
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import REPO, copy_project

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

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
    # The filter showing what both sides said (fixture: both sides quoted at the INF Treaty's end).
    "filter-sides": "filter/?side=nato&side=russia",
    "event": f"events/{EVENT_ID}/",
    # An event with both sides' quotes side by side.
    "event-both-sides": "events/2019-08-02-inf-treaty-ends/",
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
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not at /usr/bin/chromium (apt-get install chromium)")
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

    def route(self, route: Route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS:
            self.outside.append(url)
            route.abort()
        else:
            route.continue_()


def _new_page(browser: Browser, width: int, log: RequestLog) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.route("**/*", log.route)
    return context.new_page()


def _screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _serious_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    found = []
    for violation in result["violations"]:
        if violation["impact"] in ("serious", "critical"):
            targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
            found.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}"
            )
    return found


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_accessibility_violation_and_no_third_party_request(
    browser: Browser, base_url: str, scheme: str
) -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` in the repository")
    log = RequestLog()
    page = _new_page(browser, 1280, log)
    problems = {}
    for name, path in PAGES.items():
        page.goto(base_url + path)
        if scheme == "slate":
            # The palette toggle: Material remembers the choice for the following pages.
            if page.get_attribute("body", "data-md-color-scheme") != "slate":
                page.click("label[for='__palette_1']")
            assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        page.wait_for_load_state("networkidle")
        _screenshot(page, f"{name}-{scheme}")
        found = _serious_violations(page)
        if found:
            problems[name] = found
    listing = [f"{name}: {item}" for name, items in problems.items() for item in items]
    assert not listing, "axe found serious or critical violations:\n" + "\n".join(listing)
    assert log.outside == []


def test_no_page_scrolls_sideways_on_a_375_pixel_screen(browser: Browser, base_url: str) -> None:
    log = RequestLog()
    page = _new_page(browser, 375, log)
    too_wide = {}
    for name, path in PAGES.items():
        page.goto(base_url + path)
        page.wait_for_load_state("networkidle")
        _screenshot(page, f"{name}-375px")
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if widths[0] > widths[1]:
            too_wide[name] = widths
    assert too_wide == {}
    assert log.outside == []


def _tab_to(page: Page, selector: str, limit: int = 150) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def _result_titles(page: Page) -> list[str]:
    return page.eval_on_selector_all("#chrono-results > li > a", "links => links.map(a => a.textContent)")


def test_filter_by_keyboard_keeps_the_filter_in_the_address(
    browser: Browser, base_url: str
) -> None:
    log = RequestLog()
    page = _new_page(browser, 1280, log)
    page.goto(base_url + "filter/")
    page.wait_for_selector("#chrono-filter:not([hidden])")
    assert page.text_content("#chrono-status") == "All 3 events."

    _tab_to(page, "#chrono-from")
    page.keyboard.type("1996")
    page.keyboard.press("Tab")
    page.keyboard.type("2000")
    _tab_to(page, "#chrono-find-treaty")
    page.keyboard.type("CFE")
    page.keyboard.press("Enter")  # the first visible match takes the focus
    assert page.evaluate("document.activeElement.value") == "cfe-treaty"
    page.keyboard.press("Space")

    # location, not page.url: Playwright learns of replaceState a moment later.
    query = parse_qs(page.evaluate("location.search.slice(1)"))
    assert query == {"treaty": ["cfe-treaty"], "from": ["1996"], "to": ["2000"]}
    assert _result_titles(page) == [
        "Russia warns against NATO expansion at the CFE review conference"
    ]
    assert page.text_content("#chrono-status") == "1 of 3 events match."
    # The counts follow the filter: of the event shown, none names the INF Treaty.
    assert page.text_content("label:has(#chrono-treaty-cfe-treaty) .chrono-count") == "1"
    assert page.text_content("label:has(#chrono-treaty-inf-treaty) .chrono-count") == "0"
    assert "chrono-none-left" in page.get_attribute("li:has(#chrono-treaty-inf-treaty)", "class")
    _screenshot(page, "filter-keyboard")

    # The address alone restores the filter; facets combine (both treaties: none match).
    page.goto(base_url + "filter/?treaty=inf-treaty&tag=arms-control")
    page.wait_for_selector("#chrono-results li")
    assert _result_titles(page) == [
        "NATO-Russia Council fails to save the INF Treaty",
        "The INF Treaty ends",
    ]
    assert page.is_checked("#chrono-treaty-inf-treaty")
    page.goto(base_url + "filter/?treaty=inf-treaty&treaty=cfe-treaty")
    page.wait_for_function("document.getElementById('chrono-status').textContent.includes('match')")
    assert _result_titles(page) == []

    # A result is a link that Enter follows.
    page.goto(base_url + "filter/?person=jens-stoltenberg")
    page.wait_for_selector("#chrono-results li")
    _tab_to(page, "#chrono-results a")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/events/{EVENT_ID}/")
    assert log.outside == []


def test_filter_shows_the_statements_of_the_side_ticked(browser: Browser, base_url: str) -> None:
    log = RequestLog()
    page = _new_page(browser, 1280, log)
    page.goto(base_url + "filter/")
    page.wait_for_selector("#chrono-filter:not([hidden])")
    legends = page.eval_on_selector_all("#chrono-facets legend", "ls => ls.map(l => l.textContent)")
    assert legends[0] == "Statements by"
    names = page.eval_on_selector_all(
        "#chrono-facets fieldset:first-child label", "ls => ls.map(l => l.textContent)"
    )
    assert names == ["NATO and allies2", "Russia1"]  # name and count; no quote by "others" yet
    assert page.locator(".chrono-statements").count() == 0  # nothing ticked: titles only

    page.check("#chrono-side-russia")
    assert parse_qs(page.evaluate("location.search.slice(1)")) == {"side": ["russia"]}
    assert _result_titles(page) == ["The INF Treaty ends"]
    statements = page.eval_on_selector_all(".chrono-statements li", "items => items.map(i => i.textContent)")
    assert statements == [(
        "Russia: “Moscow remains ready to talk about the treaty (invented test statement).” — "
        "Georgy Mamedov, Deputy Foreign Minister of Russia (Fixture Wire (test data))"
    )]
    links = page.eval_on_selector_all(".chrono-statements a", "links => links.map(a => a.href)")
    assert links == [base_url + "people/georgy-mamedov/", "https://example.org/fixture/invented-statement"]
    _screenshot(page, "filter-side-russia")

    # Both sides ticked: the events with statements by both, and what each said.
    page.goto(base_url + "filter/?side=nato&side=russia")
    page.wait_for_selector(".chrono-statements li")
    assert _result_titles(page) == ["The INF Treaty ends"]
    sides = page.eval_on_selector_all(".chrono-statement-side", "spans => spans.map(s => s.textContent)")
    assert sides == ["NATO and allies: ", "Russia: "]
    assert page.text_content("#chrono-status") == "1 of 3 events match."
    assert log.outside == []


def _boxes(page: Page, selector: str) -> list[dict[str, float]]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.getBoundingClientRect().toJSON())")


@pytest.mark.parametrize(("width", "side_by_side"), [(1280, True), (375, False)])
def test_both_sides_stand_side_by_side_on_a_wide_screen_and_stack_on_a_phone(
    browser: Browser, base_url: str, width: int, side_by_side: bool
) -> None:
    page = _new_page(browser, width, RequestLog())
    page.goto(base_url + "events/2019-08-02-inf-treaty-ends/")
    nato, russia = _boxes(page, ".chrono-side")
    if side_by_side:
        assert nato["top"] == pytest.approx(russia["top"], abs=1) and nato["right"] <= russia["left"]
    else:
        assert russia["top"] >= nato["bottom"] and nato["left"] == pytest.approx(russia["left"], abs=1)
    page.locator(".chrono-sides").scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / f"event-both-sides-{width}px.png"), full_page=False)


def _track_width(page: Page) -> float:
    return float(page.eval_on_selector(".tl-track", "t => t.getBoundingClientRect().width"))


def test_timeline_zooms_from_the_whole_period_to_one_year(browser: Browser, base_url: str) -> None:
    log = RequestLog()
    page = _new_page(browser, 1280, log)
    page.goto(base_url + "visual-timeline/")
    page.wait_for_selector(".tl-controls:not([hidden])")
    viewport = page.eval_on_selector(".tl-viewport", "v => v.clientWidth")
    assert _track_width(page) == pytest.approx(viewport, abs=2)

    page.focus("#tl-zoom")
    page.select_option("#tl-zoom", "2019")
    track = _track_width(page)
    assert track == pytest.approx(viewport * 9862 / 365, rel=0.01)  # 27 years shown as one
    box = page.eval_on_selector(".tl-viewport", "v => v.getBoundingClientRect().toJSON()")
    talks = page.eval_on_selector(
        f'a.tl-mark[href$="{EVENT_ID}/"]', "a => a.getBoundingClientRect().toJSON()"
    )
    assert box["left"] <= talks["left"] <= box["right"]  # 5 July 2019 is in view
    _screenshot(page, "visual-timeline-2019")

    page.click("[data-tl-step='-1']")
    assert page.input_value("#tl-zoom") == "2018"
    page.select_option("#tl-zoom", "")
    assert _track_width(page) == pytest.approx(viewport, abs=2)
    assert log.outside == []


def test_timeline_and_source_pages_work_without_javascript(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "visual-timeline/")
    links = page.eval_on_selector_all(".tl-list a", "links => links.map(a => a.href)")
    assert len(links) == 3 and all("/events/" in link for link in links)
    assert page.is_hidden(".tl-controls")
    page.goto(base_url + "sources/002_5b8a1d404cf63abd/")
    marks = page.eval_on_selector_all(
        ".annotated-article mark a", "links => links.map(a => a.href)"
    )
    assert base_url + f"events/{EVENT_ID}/" in marks
    assert base_url + "people/jens-stoltenberg/" in marks
    _screenshot(page, "source-annotated")
    context.close()


def test_exports_are_served_next_to_the_home_page(browser: Browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(base_url + f"events/{EVENT_ID}/")
    blocks = page.eval_on_selector_all(
        'script[type="application/ld+json"]',
        "scripts => scripts.map(s => JSON.parse(s.textContent))",
    )
    assert [(b["@type"], b["name"], b["startDate"]) for b in blocks] == [
        ("Event", "NATO-Russia Council fails to save the INF Treaty", "2019-07-05")
    ]
    served = {"json": "application/json", "csv": "text/csv", "ics": "text/calendar"}
    for suffix, media_type in served.items():
        response = context.request.get(base_url + "chronology." + suffix)
        assert response.ok, suffix
        assert response.headers["content-type"].startswith(media_type), response.headers
    assert len(context.request.get(base_url + "chronology.json").json()["events"]) == 3
    context.close()



def test_a_two_digit_count_stays_on_one_line_beside_a_long_name(browser: Browser, base_url: str) -> None:
    """At 1280 px a facet's column is narrow: a long name wraps, its count ("24") never breaks
    into "2" over "4". The fixture's counts are one digit, so the page is given the real
    chronology's longest case: a long organization name counted 24 times."""
    log = RequestLog()
    page = _new_page(browser, 1280, log)
    page.goto(base_url + "filter/")
    page.wait_for_selector("#chrono-filter:not([hidden]) .chrono-count")
    lines = page.evaluate(
        """() => {
            const label = document.querySelector('.chrono-choices label');
            label.querySelector('.chrono-count').textContent = '24';
            label.querySelector('span:not(.chrono-count)').textContent =
                'Ministry of Foreign Affairs of the Russian Federation (MFA)';
            const count = label.querySelector('.chrono-count');
            return count.getClientRects().length === 1
                && count.getBoundingClientRect().height < 1.5 * parseFloat(getComputedStyle(count).lineHeight);
        }"""
    )
    assert lines is True
    assert log.outside == []
