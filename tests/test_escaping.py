"""Every text field that reaches a page is shown as text: hostile titles, summaries, quotes, roles,
aliases, names, source facts and article text give no script, no event handler and no
`javascript:` link, in the built HTML and in a real browser after the site's scripts have run.
The annotation's Markdown is rendered, but raw HTML in it is not.

One hostile project is built once per module with the real `mkdocs build --strict`.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import copy_project

# Every trick at once: a script element, an image with a handler, Markdown links to javascript:
# (plain, tab-split and entity-encoded), a raw anchor, an attribute list, an attribute break-out.
HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) "
    '<a href="javascript:alert(4)">a</a> [t](java\tscript:alert(5)) [e](jav&#97;script:alert(6)) '
    '*em*{: onclick="alert(7)" } "><svg onload=alert(8)> &lt;script&gt;alert(9)&lt;/script&gt;'
)
# Ends with an attribute list, which Python-Markdown would apply to a heading line.
TRAILING = ' {: onclick="alert(10)" }'
TAG_NAME = 'TagName [click](javascript:alert(40)) *em*{: onclick="alert(41)" } &amp;lt;b&amp;gt; "quoted" & co'
ARTICLE = "009_hostile.txt"
EVENT_ID = "2000-01-01-hostile"
DIALOG_FREE = re.compile(r"alert\(\d+\)")


def hostile(label: str) -> str:
    """A field value: its label, so the test can find it on a page, then the hostile text."""
    return f"{label} {HOSTILE}{TRAILING}"


ANNOTATION = (
    "Kept: *emphasis* and [a web link](https://example.org/ok).\n\n"
    "<div onclick=alert(20)>raw block</div>\n\n"
    "<script>alert(21)</script>\n\n"
    "A [reference link][r] and [another](JaVaScRiPt:alert(22)) and ![img](x\" onerror=\"alert(23))\n\n"
    "[r]: javascript:alert(24)\n\n"
    "Paragraph {: onclick=\"alert(25)\" }\n"
)


def _append_yaml(path: Path, data: dict[str, Any]) -> None:
    with open(path, "a", encoding="utf-8") as handle:
        handle.write("\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def make_hostile_project(root: Path) -> Path:
    """The fixture project plus one entity of each kind, an article and an event, all hostile."""
    copy_project(root)
    data = root / "chronology"
    _append_yaml(data / "people.yml", {"hostile-person": {
        "name": hostile("PersonName"), "aliases": [hostile("PersonAlias")], "description": hostile("PersonDescription"),
        "roles": [{"title": hostile("PersonRoleTitle"), "from": "1999", "sources": [{
            "url": "https://example.org/role", "publisher": hostile("RoleSourcePublisher"),
            "title": hostile("RoleSourceTitle"), "note": hostile("RoleSourceNote")}]}], "side": "russia",
        "wikidata_note": "not verified: " + hostile("PersonWikidataNote")}})
    _append_yaml(data / "organizations.yml", {"hostile-org": {
        "name": hostile("OrgName"), "aliases": [hostile("OrgAlias")], "abbreviation": "H<b>O",
        "description": hostile("OrgDescription"), "url": 'https://example.org/"><script>alert(30)</script>',
        "wikidata_note": "not verified: " + hostile("OrgWikidataNote")}})
    _append_yaml(data / "treaties.yml", {"hostile-treaty": {
        "name": hostile("TreatyName"), "aliases": [hostile("TreatyAlias")], "description": hostile("TreatyDescription"),
        "parties": [hostile("TreatyParty")], "signed": "1999-01-01",
        "wikidata_note": "not verified: " + hostile("TreatyWikidataNote")}})
    _append_yaml(data / "places.yml", {"hostile-place": {
        "name": hostile("PlaceName"), "aliases": [hostile("PlaceAlias")], "country": hostile("PlaceCountry"),
        "description": hostile("PlaceDescription"), "latitude": 50.0, "longitude": 4.0,
        "wikidata_note": "not verified: " + hostile("PlaceWikidataNote")}})
    # Tag names are refused if they hold '<' or '>' (see the test below); every other trick stays.
    _append_yaml(data / "tags.yml", {"hostile-tag": {"name": TAG_NAME, "description": hostile("TagDescription")}})
    # Eras follow each other day after day (a content rule): the hostile one takes 2000.
    (data / "eras.yml").write_text(
        "early: {name: Early years, from: '1996', to: '1999'}\nlate: {name: Late years, from: '2001', to: '2022'}\n",
        encoding="utf-8",
    )
    _append_yaml(data / "eras.yml", {"hostile-era": {"name": hostile("EraName"), "from": "2000", "to": "2000",
                                                    "description": hostile("EraDescription")}})
    quote = hostile("QuoteText")
    (root / "seeds" / ARTICLE).write_text(
        f"{hostile('ArticleHeadline')}\n\nFirst paragraph. {hostile('ArticleBody')}\n\nHe said: \"{quote}\"\n",
        encoding="utf-8",
    )
    _append_yaml(root / "seeds/sources.yml", {ARTICLE: {
        "url": "javascript:alert(31)", "publisher": hostile("ArticlePublisher"), "published": "2000-01-02",
        "title": hostile("ArticleTitle"), "note": hostile("ArticleNote")}})
    event = {
        "id": EVENT_ID,
        "title": hostile("EventTitle"),
        "date": "2000-01-01",
        "date_basis": {"phrase": hostile("DatePhrase"), "anchor": "2000-01-02", "rule": hostile("DateRule")},
        "place": "hostile-place",
        "summary": hostile("EventSummary") + "\n\n<script>alert(11)</script>\n\n[x]: javascript:alert(12)\n\n[y][x]",
        "annotation": ANNOTATION,
        "people": [{"id": "hostile-person", "role": hostile("EventRole")}, {"id": "jens-stoltenberg", "role": hostile("OtherRole")}],
        "organizations": ["hostile-org"],
        "treaties": ["hostile-treaty"],
        "tags": ["hostile-tag"],
        # With a side, the quote shows on the both-sides view with its role and its own source.
        "quotes": [{"speaker": "hostile-person", "text": quote, "role": hostile("QuoteRole"), "source": {
            "url": 'https://example.org/q" onmouseover="alert(33)', "publisher": hostile("QuoteSourcePublisher"),
            "published": "2000-01-02", "title": hostile("QuoteSourceTitle")}}],
        # NATO's column shows this note instead of quotes.
        "statements_missing": [{"side": "nato", "note": hostile("MissingStatementNote")}],
        "sources": [
            {"article": ARTICLE, "url": 'https://example.org/a" onmouseover="alert(32)', "publisher": hostile("SourcePublisher"),
             "published": "2000-01-02", "title": hostile("SourceTitle")},
            {"url": "https://www.nato.int/fine", "title": hostile("SecondSourceTitle")},
        ],
        "related": ["2019-08-02-inf-treaty-ends"],
        "provenance": "curated",
        "status": "draft",
        "review": [hostile("ReviewReason")],
    }
    (data / "events" / f"{EVENT_ID}.yml").write_text(yaml.safe_dump(event, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_hostile_project(tmp_path_factory.mktemp("hostile"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")],
        cwd=root, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


class PageParser(HTMLParser):
    """Elements with their (decoded) attributes, script bodies, and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self.title = ""
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style", "title"):
            self._in.append(tag)
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if not self._in:
            self.text.append(data)
        elif self._in[-1] == "script":
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        elif self._in[-1] == "title":
            self.title += data

    @property
    def visible_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset")
UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def is_unsafe_url(value: str) -> bool:
    """As a browser reads it: control characters and spaces inside the scheme are dropped."""
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", value).lower()
    return cleaned.startswith(UNSAFE_SCHEMES)


def test_the_hostile_data_is_on_the_pages_checked(hostile_site: Path) -> None:
    """Guards the other tests: the pages they read do hold the hostile entries."""
    for page, label in [
        (f"events/{EVENT_ID}", "EventTitle"), ("people/hostile-person", "PersonName"),
        ("organizations/hostile-org", "OrgName"), ("treaties/hostile-treaty", "TreatyName"),
        ("places/hostile-place", "PlaceName"), (f"sources/{ARTICLE.removesuffix('.txt')}", "ArticleBody"),
        ("timeline", "EventTitle"), ("visual-timeline", "EraName"), ("years/2000", "EventTitle"),
    ]:
        assert label in parse(hostile_site / page / "index.html").visible_text, page


def test_no_page_has_a_script_handler_or_script_link_from_data(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    problems = []
    for path in pages:
        page = parse(path)
        where = path.relative_to(hostile_site).as_posix()
        for tag, attrs in page.elements:
            for name, value in attrs.items():
                if name.startswith("on"):
                    problems.append(f"{where}: <{tag}> has an event handler {name}={value!r}")
                if name in URL_ATTRIBUTES and value and is_unsafe_url(value):
                    problems.append(f"{where}: <{tag} {name}={value!r}>")
            if tag in ("img", "svg", "iframe", "object", "embed") and attrs.get("src") == "x":
                problems.append(f"{where}: <{tag}> from data")
        for attrs, body in page.scripts:
            kind = (attrs.get("type") or "").lower()
            if kind in ("application/ld+json", "application/json"):
                json.loads(body)  # data in a script element must stay one JSON value...
                if re.search(r"</script|<!--", body, re.IGNORECASE):  # ...that cannot close the element
                    problems.append(f"{where}: a JSON script holds '</script' or '<!--'")
            elif DIALOG_FREE.search(body):
                problems.append(f"{where}: an inline script holds data: {body[:80]!r}")
        raw = path.read_text(encoding="utf-8")
        title = raw[raw.find("<title>") + 7 : raw.find("</title>")] if "<title>" in raw else ""
        if "<" in title or ">" in title:
            problems.append(f"{where}: <title> holds markup: {title[:80]!r}")
    assert problems == []


@pytest.mark.parametrize(
    ("page", "labels"),
    [
        (f"events/{EVENT_ID}", ["EventTitle", "EventSummary", "QuoteText", "EventRole", "OtherRole", "PersonName",
                                "QuoteRole", "QuoteSourcePublisher", "QuoteSourceTitle", "MissingStatementNote"]),
        ("people/hostile-person", ["PersonName", "PersonAlias", "PersonRoleTitle", "EventTitle"]),
        ("organizations/hostile-org", ["OrgName"]),
        ("treaties/hostile-treaty", ["TreatyName"]),
        ("places/hostile-place", ["PlaceName"]),
        (f"sources/{ARTICLE.removesuffix('.txt')}", ["ArticleBody", "QuoteText"]),
        ("timeline", ["EventTitle"]),
        ("years/2000", ["EventTitle"]),
    ],
)
def test_hostile_text_shows_literally(hostile_site: Path, page: str, labels: list[str]) -> None:
    """The reader sees exactly what the YAML says, markup characters included."""
    text = parse(hostile_site / page / "index.html").visible_text
    expected = " ".join(HOSTILE.split()) + TRAILING
    for label in labels:
        assert f"{label} {expected}" in text, (page, label)
    # Every other labelled value on the page is whole too: none is cut at a '<' or a '*'.
    for match in re.finditer(r"\b([A-Z][A-Za-z]+) <script>", text):
        assert text[match.start(2) if False else match.end(1) + 1:].startswith(expected), (page, match[1])


def test_tag_names_with_markup_are_refused_by_the_validator(tmp_path: Path) -> None:
    """Material's tags plugin puts tag names into pages unescaped, so the validator refuses them."""
    copy_project(tmp_path)
    _append_yaml(tmp_path / "chronology/tags.yml", {"bad-tag": {"name": "Bad <script>alert(42)</script>"}})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert "chronology/tags.yml:7: bad-tag.name: tag names cannot hold '<' or '>': the theme shows them as HTML" in result.stderr
    assert "Traceback" not in result.stderr


def test_tag_names_show_literally(hostile_site: Path) -> None:
    """What a tag name may hold (brackets, stars, quotes, ampersands) is shown as written."""
    tags = parse(hostile_site / "tags/index.html")
    event = parse(hostile_site / "events" / EVENT_ID / "index.html")
    for page in (tags, event):
        assert "TagName [click](javascript:alert(40))" in page.visible_text


def test_annotation_markdown_is_rendered_without_raw_html(hostile_site: Path) -> None:
    path = hostile_site / "events" / EVENT_ID / "index.html"
    html = path.read_text(encoding="utf-8")
    page = parse(path)
    assert "<em>emphasis</em>" in html
    assert '<a href="https://example.org/ok">a web link</a>' in html
    assert not any(tag == "div" and "onclick" in attrs for tag, attrs in page.elements)
    for raw in ("<div onclick=alert(20)>raw block</div>", "<script>alert(21)</script>", "[r]: javascript:alert(24)"):
        assert raw in page.visible_text, raw
    hrefs = [attrs.get("href") or "" for tag, attrs in page.elements if tag == "a"]
    assert not [href for href in hrefs if is_unsafe_url(href)]


def test_search_index_gives_the_browser_no_markup(hostile_site: Path) -> None:
    """Material shows search results as HTML, so the index must hold markup only escaped."""
    index = json.loads((hostile_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert any("EventTitle" in doc["title"] + doc["text"] for doc in index["docs"])
    for doc in index["docs"]:
        for field in ("title", "text"):
            value = str(doc[field])
            assert not re.search(r"<(script|img|svg|iframe)\b", value, re.IGNORECASE), (doc["location"], field, value[:200])
            assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", value, re.IGNORECASE), (doc["location"], field, value[:200])


# ------------------------------------------------------------------ in a browser

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def served(hostile_site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(hostile_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


HANDLERS_IN_DOM = """() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
    .filter(a => a.name.startsWith('on') || (/^(href|src|action|formaction)$/.test(a.name)
                 && /^\\s*(javascript|vbscript):/i.test(a.value)))
    .map(a => e.tagName + ' ' + a.name + '=' + a.value))"""


def test_no_script_runs_from_data_in_a_browser(served: str) -> None:
    """After the site's own scripts run (search, filter, timeline), no dialog opens and the DOM
    holds no handler or script link: scripts that insert data as HTML would show here."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            for path in [f"events/{EVENT_ID}/", "people/hostile-person/", f"sources/{ARTICLE.removesuffix('.txt')}/",
                         "timeline/", "visual-timeline/", "filter/", "filter/?side=russia", "tags/",
                         "organizations/hostile-org/", ""]:
                page.goto(f"{served}/{path}", wait_until="load")
                page.wait_for_timeout(150)
                assert page.evaluate(HANDLERS_IN_DOM) == [], path
            # The filter shows what the ticked side said, from chronology.json, as text.
            page.goto(f"{served}/filter/?side=russia", wait_until="load")
            statement = page.locator(".chrono-statements li").first
            statement.wait_for(state="visible", timeout=10_000)
            assert "QuoteText <script>alert(1)</script>" in statement.inner_text()
            assert "QuoteRole <script>" in statement.inner_text()
            assert page.evaluate(HANDLERS_IN_DOM) == []
            # The search box renders results from the index as HTML.
            for query in ["EventTitle", "alert", "script", "PersonAlias", "onerror"]:
                page.goto(f"{served}/", wait_until="load")
                page.locator("input.md-search__input").click()
                # Typed key by key, as a person types: Material reads the box on key events.
                page.keyboard.type(query, delay=20)
                page.keyboard.press("End")
                if query == "EventTitle":
                    # Results prove the search worker ran over the hostile entries.
                    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=15_000)
                    assert "EventTitle" in page.locator(".md-search-result").inner_text()
                else:
                    page.wait_for_timeout(700)
                assert page.evaluate(HANDLERS_IN_DOM) == [], query
            # The filter page filters events by typed text; its results come from data too.
            page.goto(f"{served}/filter/", wait_until="load")
            text_inputs = page.locator("input[type=search], input[type=text]")
            if text_inputs.count():
                text_inputs.first.fill("alert")
                page.wait_for_timeout(300)
                assert page.evaluate(HANDLERS_IN_DOM) == []
            assert dialogs == []
            assert errors == []
        finally:
            browser.close()
