"""The built site in headless Chromium (Debian's, driven by Playwright): search, moving between
an event and a person and back, the edit link, and no errors in the console.

Where Debian's chromium is not installed the tests say so and skip; CI installs it."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import REPO, copy_project
from test_build import build_site

CHROMIUM = Path("/usr/bin/chromium")
GITHUB_REPO = {"stargazers_count": 1, "forks_count": 0, "tag_name": "v0.1.0"}
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = REPO / "screenshots"
EVENT_ID = "2019-07-05-nato-russia-council-inf-talks"
EVENT_TITLE = "NATO-Russia Council fails to save the INF Treaty"
# An event whose title has a word that "INF" is the start of, as on the real site: Material's
# search looks for "INF*", and "Information" is a rarer word than "INF".
INFORMATION_EVENT = """\
id: 2001-02-20-nato-information-office-moscow
title: NATO opens an Information Office in Moscow
date: '2001-02-20'
summary: NATO opened an information office in Moscow to inform Russians about the Alliance.
organizations: [nato]
sources:
  - url: https://www.nato.int/docu/update/2001/0219/e0220a.htm
    publisher: NATO
    published: '2001-02-20'
provenance: extracted
status: draft
"""

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture project built with --strict and served on a free localhost port."""
    project = copy_project(tmp_path_factory.mktemp("browser"))
    (project / "chronology/events/2001-02-20-nato-information-office-moscow.yml").write_text(INFORMATION_EVENT)
    site = build_site(project)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 30
        while not _answers(url):
            if time.monotonic() > deadline or server.poll() is not None:
                pytest.fail("the local web server did not answer within 30 s")
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh tab that records console errors and uncaught exceptions; the test fails on any."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    errors: list[str] = []
    # The tests run offline: Material's repository widget asks GitHub's API for the star count,
    # which is answered here; any other request off this machine is an error.
    context.route("https://api.github.com/**", lambda route: route.fulfill(json=GITHUB_REPO))
    context.route(
        lambda url: not url.startswith(("http://127.0.0.1", "https://api.github.com")),
        lambda route: (errors.append(f"request off the machine: {route.request.url}"), route.abort()),
    )
    tab = context.new_page()
    tab.on("console", lambda message: errors.append(f"console: {message.text}") if message.type == "error" else None)
    tab.on("pageerror", lambda error: errors.append(f"page error: {error}"))
    # A request cut short by leaving the page (net::ERR_ABORTED, e.g. the search worker still
    # loading when a link is followed) is not a failure of the site.
    tab.on(
        "requestfailed",
        lambda request: None if "ERR_ABORTED" in (request.failure or "")
        else errors.append(f"request failed: {request.url} ({request.failure})"),
    )
    try:
        yield tab
    finally:
        context.close()
    assert errors == []


def screenshot(tab: object, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)  # type: ignore[attr-defined]


def heading(tab: object) -> str:
    """The page's h1 as a reader sees it, without the permalink sign."""
    return str(tab.locator("article h1").first.inner_text()).removesuffix("¶").strip()  # type: ignore[attr-defined]


def search(tab: object, base_url: str, query: str) -> list[tuple[str, str]]:
    """Type a query into Material's search box; return (title, href) of each result shown."""
    tab.goto(base_url)  # type: ignore[attr-defined]
    box = tab.locator("input.md-search__input")  # type: ignore[attr-defined]
    box.click()
    tab.keyboard.type(query, delay=30)  # type: ignore[attr-defined]
    # Playwright inserts characters outside a US keyboard (Cyrillic) without key events; one
    # real key press makes Material read the box, as a person's typing would.
    tab.keyboard.press("End")  # type: ignore[attr-defined]
    results = tab.locator(".md-search-result__item > a.md-search-result__link")  # type: ignore[attr-defined]
    results.first.wait_for(state="visible", timeout=15_000)
    # Material renders the results of each prefix typed ("I", "IN", "INF") in turn, and a
    # larger index answers later: the list is read until two readings agree.
    previous: list[tuple[str, str]] | None = None
    for _ in range(30):
        found = _read_results(results)
        if found and found == previous:
            return found
        previous = found
        tab.wait_for_timeout(300)  # type: ignore[attr-defined]
    raise AssertionError(f"the search results for {query!r} never settled: {previous}")


def _read_results(results: object) -> list[tuple[str, str]] | None:
    """(title, path) of each result shown, or None when the list changed while it was read."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    found = []
    try:
        for i in range(results.count()):  # type: ignore[attr-defined]
            link = results.nth(i)  # type: ignore[attr-defined]
            heading = link.locator("h1, h2").first
            if heading.count() == 0:
                return None
            # Material adds ?h=<query> (search highlighting); the page is the path.
            path = urlsplit(str(link.get_attribute("href", timeout=2_000))).path
            found.append((heading.inner_text(timeout=2_000).strip(), path))
    except PlaywrightTimeout:
        return None
    return found


def test_searching_inf_finds_the_2019_event_first(page: object, base_url: str) -> None:
    results = search(page, base_url, "INF")
    screenshot(page, "search-inf")
    titles = [title for title, _ in results]
    assert EVENT_TITLE in titles
    assert (EVENT_TITLE, f"/events/{EVENT_ID}/") in results
    # The abbreviation itself ranks above the words it starts ("Information"): the first result
    # is an event with the INF Treaty, and the information office comes after the treaty.
    assert results[0] in {(EVENT_TITLE, f"/events/{EVENT_ID}/"), ("The INF Treaty ends", "/events/2019-08-02-inf-treaty-ends/")}
    hrefs = [href for _, href in results]
    assert hrefs.index("/treaties/inf-treaty/") < hrefs.index("/events/2001-02-20-nato-information-office-moscow/")
    # Event pages rank above the treaty's own page and the listing and source pages.
    first_other = next(i for i, (_, href) in enumerate(results) if not href.startswith("/events/"))
    assert all(href.startswith("/events/") for _, href in results[:first_other])
    assert first_other >= 2


def test_search_finds_a_treaty_by_its_full_name(page: object, base_url: str) -> None:
    results = search(page, base_url, "Intermediate-range Nuclear Forces")
    assert ("Intermediate-Range Nuclear Forces Treaty (INF)", "/treaties/inf-treaty/") in results


def test_search_finds_a_person_by_a_cyrillic_alias(page: object, base_url: str) -> None:
    results = search(page, base_url, "Столтенберг")
    screenshot(page, "search-cyrillic")
    assert ("Jens Stoltenberg", "/people/jens-stoltenberg/") in results


def test_open_a_person_from_an_event_and_come_back(page: object, base_url: str) -> None:
    event_url = f"{base_url}events/{EVENT_ID}/"
    page.goto(event_url)  # type: ignore[attr-defined]
    screenshot(page, "event")
    assert heading(page) == EVENT_TITLE  # type: ignore[attr-defined]
    page.locator("article a", has_text="Jens Stoltenberg").first.click()  # type: ignore[attr-defined]
    page.wait_for_url(f"{base_url}people/jens-stoltenberg/")  # type: ignore[attr-defined]
    assert heading(page) == "Jens Stoltenberg"  # type: ignore[attr-defined]
    assert page.locator("article a", has_text=EVENT_TITLE).count() == 1  # type: ignore[attr-defined]
    screenshot(page, "person")
    page.go_back()  # type: ignore[attr-defined]
    page.wait_for_url(event_url)  # type: ignore[attr-defined]
    assert heading(page) == EVENT_TITLE  # type: ignore[attr-defined]


def test_edit_link_opens_the_event_file(page: object, base_url: str) -> None:
    page.goto(f"{base_url}events/{EVENT_ID}/")  # type: ignore[attr-defined]
    edit = page.locator("a[rel=edit]")  # type: ignore[attr-defined]
    assert edit.is_visible()
    assert edit.get_attribute("href") == (
        f"https://github.com/russia-nato-chronology/chronology/edit/main/chronology/events/{EVENT_ID}.yml"
    )


@pytest.mark.parametrize(
    "path", ["", "timeline/", "years/2019/", "treaties/inf-treaty/", "sources/002_5b8a1d404cf63abd/", "tags/"]
)
def test_pages_load_without_console_errors(page: object, base_url: str, path: str) -> None:
    page.goto(base_url + path)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert page.locator("h1").count() >= 1  # type: ignore[attr-defined]
    screenshot(page, "page-" + (path.strip("/").replace("/", "-") or "home"))


# ---------------------------------------------------------------- data errors while serving


def test_serve_shows_data_errors_on_every_page_and_recovers(page: object, tmp_path: Path) -> None:
    """`mkdocs serve` on the fixture project: a broken YAML file turns every page into the list
    of problems, each linked to its edit form, answered within a second; fixing the file brings
    the site back through the live reload, without touching the browser."""
    project = copy_project(tmp_path)
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=log, stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}/"
    event_url = f"{base}events/{EVENT_ID}/"
    event_file = project / "chronology/events" / f"{EVENT_ID}.yml"
    good = event_file.read_text(encoding="utf-8")
    try:
        deadline = time.monotonic() + 60
        while not _answers(event_url):
            assert time.monotonic() < deadline and server.poll() is None, log_path.read_text()
            time.sleep(0.3)
        page.goto(event_url)  # type: ignore[attr-defined]
        page.get_by_role("heading", name=EVENT_TITLE).wait_for()  # type: ignore[attr-defined]

        broken = good.replace("date: '2019-07-05'", "date: '2019-02-30'").replace("- id: jens-stoltenberg", "- id: jens-stoltenbreg")
        event_file.write_text(broken, encoding="utf-8")
        heading = page.get_by_role("heading", name="The site cannot be built: 2 problems in the data")  # type: ignore[attr-defined]
        heading.wait_for(timeout=30_000)  # the live reload shows it; nobody reloads the page
        edit = f"https://github.com/russia-nato-chronology/chronology/edit/main/chronology/events/{EVENT_ID}.yml"
        items = page.locator("li")  # type: ignore[attr-defined]
        assert items.all_inner_texts() == [
            f"chronology/events/{EVENT_ID}.yml:3: date: '2019-02-30' is not a real date: February 2019 has 28 days",
            f"chronology/events/{EVENT_ID}.yml:11: people[0].id: unknown person 'jens-stoltenbreg' (did you mean 'jens-stoltenberg'?)",
        ]
        assert [items.nth(i).locator("a").get_attribute("href") for i in range(2)] == [edit, edit]

        # Every page answers at once with the same list: pages of the site, and any other address.
        for path in ["", f"events/{EVENT_ID}/", "people/jens-stoltenberg/", "years/2019/", "filter/", "no/such/page/"]:
            started = time.monotonic()
            try:
                with urllib.request.urlopen(base + path, timeout=5) as response:
                    body = response.read().decode("utf-8")
            except urllib.error.HTTPError as error:  # the 404 page is the list too
                assert error.code == 404, path
                body = error.read().decode("utf-8")
            assert time.monotonic() - started < 1.0, path
            assert "people[0].id: unknown person" in body, path

        event_file.write_text(good, encoding="utf-8")
        page.get_by_role("heading", name=EVENT_TITLE).wait_for(timeout=30_000)  # type: ignore[attr-defined]
        assert "cannot be built" not in page.content()  # type: ignore[attr-defined]
    finally:
        # Leave the page first: its live-reload request is still open, and would fail with the server.
        page.goto("about:blank")  # type: ignore[attr-defined]
        server.terminate()
        server.wait(timeout=10)
