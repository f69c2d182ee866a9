"""A real `mkdocs build` of the fixture project: generated pages, edit links, strictness."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from chrono.site import edit_uri_for
from conftest import copy_project

EVENT_ID = "2019-07-05-nato-russia-council-inf-talks"


def build_site(project: Path, strict: bool = True) -> Path:
    site = project / "site"
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=strict)
    build(config)
    return site


def test_build_generates_event_pages_and_home_list(project: Path) -> None:
    site = build_site(project)
    page = (site / "events" / EVENT_ID / "index.html").read_text(encoding="utf-8")
    assert "NATO-Russia Council fails to save the INF Treaty" in page
    assert "5 July 2019" in page
    home = (site / "index.html").read_text(encoding="utf-8")
    # The home page lists the curated milestones; the timeline lists every event in date order.
    assert re.findall(r'<a href="events/[^"]+/">([^<]+)</a>', home) == ["The INF Treaty ends"]
    assert "3 events, from 1996 to 2019; 2 people, 2 organizations, 2 treaties, 2 places" in home
    timeline = (site / "timeline" / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<a href="../events/[^"]+/">([^<]+)</a>', timeline)
    assert titles == [
        "Russia warns against NATO expansion at the CFE review conference",
        "NATO-Russia Council fails to save the INF Treaty",
        "The INF Treaty ends",
    ]


def test_edit_link_opens_the_yaml_file(project: Path) -> None:
    site = build_site(project)
    page = (site / "events" / EVENT_ID / "index.html").read_text(encoding="utf-8")
    repo = re.search(r"^repo_url: (\S+)", (project / "mkdocs.yml").read_text(), re.M)[1]  # type: ignore[index]
    assert f'href="{repo}/edit/main/chronology/events/{EVENT_ID}.yml"' in page


def test_build_fails_with_the_validator_lines(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    event = project / "chronology/events" / f"{EVENT_ID}.yml"
    event.write_text(event.read_text().replace("- id: jens-stoltenberg", "- id: jens-stoltenbreg"))
    with pytest.raises(Abort, match="Aborted with a BuildError!"):
        build_site(project)
    assert caplog.messages[-1].splitlines() == [
        "the chronology has 1 problem(s):",
        f"chronology/events/{EVENT_ID}.yml:11: people[0].id: unknown person 'jens-stoltenbreg' (did you mean 'jens-stoltenberg'?)",
    ]


def test_cli_build_strict_exits_1_without_traceback(project: Path) -> None:
    (project / "chronology/places.yml").write_text("vienna: {name: Vienna}\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert f"chronology/events/{EVENT_ID}.yml:8: place: unknown place 'brussels'" in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_build_has_no_warnings(project: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(predicate, timeout: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.mark.parametrize("folder", ["chronology", "seeds"])
def test_serve_rebuilds_when_data_changes(project: Path, folder: str) -> None:
    """`mkdocs serve` with default options (as `make serve` runs it) rebuilds on data edits."""
    port = _free_port()
    log_path = project / "serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}/events/{EVENT_ID}/"
        assert _wait_for(lambda: "fails to save the INF Treaty" in _fetch(url)), log_path.read_text()
        if folder == "chronology":
            event = project / "chronology/events" / f"{EVENT_ID}.yml"
            event.write_text(event.read_text().replace("fails to save the INF Treaty", "edited live title"))
            assert _wait_for(lambda: "edited live title" in _fetch(url)), log_path.read_text()
        else:
            builds = log_path.read_text().count("Building documentation")
            (project / "seeds/003_new.txt").write_text("A new article.\n")
            assert _wait_for(lambda: log_path.read_text().count("Building documentation") > builds), log_path.read_text()
    finally:
        server.terminate()
        server.wait(timeout=10)


# ---------------------------------------------------------------- the whole built site

REPO_URL = "https://github.com/russia-nato-chronology/chronology"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project built once with --strict for the read-only checks below."""
    return build_site(copy_project(tmp_path_factory.mktemp("built")))


class PageParser(HTMLParser):
    """Links, ids, elements and attributes of one built page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("href", "src"):
            if values.get(name) is not None:
                self.links.append(str(values[name]))


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_kind_of_page_is_built(site: Path) -> None:
    expected = [
        f"events/{EVENT_ID}", "people/jens-stoltenberg", "people/georgy-mamedov", "organizations/nato",
        "organizations/nato-russia-council", "treaties/inf-treaty", "treaties/cfe-treaty",
        "places/brussels", "places/vienna", "years/1996", "years/2019", "years", "timeline",
        "people", "organizations", "treaties", "places", "sources", "tags",
        "sources/000_74f752eac3192a6d", "sources/002_5b8a1d404cf63abd", "about/method",
        "about/contributing",
    ]
    missing = [path for path in expected if not (site / path / "index.html").is_file()]
    assert missing == []


def find_broken_links(site: Path) -> tuple[list[str], int]:
    """Every internal href/src of every page that does not resolve to a built file (or whose
    #anchor names no id there), and how many links were checked."""
    pages = {path: parse_page(path) for path in built_pages(site)}
    broken = []
    checked = 0
    for path, parser in pages.items():
        base = "/" + path.relative_to(site).as_posix()
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("//"):
                continue
            target_url = urlsplit(urljoin(base, link))
            target = site / unquote(target_url.path).lstrip("/")
            if target.is_dir() or target_url.path.endswith("/"):
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{base}: {link}")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse_page(target).ids
                if unquote(parts.fragment) not in ids and not parts.fragment.startswith("__"):
                    broken.append(f"{base}: {link} (no such anchor)")
    return broken, checked


def test_no_broken_internal_link_in_any_built_page(site: Path) -> None:
    broken, checked = find_broken_links(site)
    assert broken == []
    assert checked > 500
    assert len(built_pages(site)) > 20


def test_article_file_names_with_spaces_and_brackets_link(project: Path) -> None:
    source = project / "seeds/002_5b8a1d404cf63abd.txt"
    (project / "seeds/007 odd (name) [x].txt").write_bytes(source.read_bytes())
    built = build_site(project)
    assert (built / "sources/007 odd (name) [x]/index.html").is_file()
    assert find_broken_links(built)[0] == []
    assert "007%20odd%20%28name%29%20%5Bx%5D/" in (built / "sources/index.html").read_text(encoding="utf-8")


def test_entity_pages_link_back_to_their_events(site: Path) -> None:
    person = parse_page(site / "people/jens-stoltenberg/index.html")
    assert f"../../events/{EVENT_ID}/" in person.links
    event = parse_page(site / "events" / EVENT_ID / "index.html")
    for target in ["people/jens-stoltenberg", "organizations/nato", "organizations/nato-russia-council",
                   "treaties/inf-treaty", "places/brussels", "sources/002_5b8a1d404cf63abd", "years/2019"]:
        assert f"../../{target}/" in event.links, target


def edit_link(page: Path) -> str | None:
    for tag, attrs in parse_page(page).tags:
        if tag == "a" and attrs.get("rel") == "edit":
            return attrs.get("href")
    return None


@pytest.mark.parametrize(
    ("page", "target"),
    [
        (f"events/{EVENT_ID}", f"edit/main/chronology/events/{EVENT_ID}.yml"),
        ("people/jens-stoltenberg", "edit/main/chronology/people.yml"),
        ("people", "edit/main/chronology/people.yml"),
        ("organizations/nato", "edit/main/chronology/organizations.yml"),
        ("treaties/inf-treaty", "edit/main/chronology/treaties.yml"),
        ("places/vienna", "edit/main/chronology/places.yml"),
        ("sources/000_74f752eac3192a6d", "edit/main/seeds/sources.yml"),
        ("sources", "edit/main/seeds/sources.yml"),
        ("tags", "edit/main/chronology/tags.yml"),
        ("years/1996", "new/main/chronology/events/"),
        ("timeline", "new/main/chronology/events/"),
        ("", "edit/main/docs/index.md"),
        ("about/method", "edit/main/docs/about/method.md"),
    ],
)
def test_every_page_has_an_edit_link_to_the_file_behind_it(site: Path, page: str, target: str) -> None:
    assert edit_link(site / page / "index.html") == f"{REPO_URL}/{target}"


def test_edit_links_follow_repo_url_and_branch(project: Path) -> None:
    """What a fork changes: repo_url and the branch in edit_uri."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(REPO_URL, "https://github.com/someone/fork").replace("edit/main/docs/", "edit/trunk/docs/")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    built = build_site(project)
    assert edit_link(built / "people/jens-stoltenberg/index.html") == "https://github.com/someone/fork/edit/trunk/chronology/people.yml"
    assert edit_link(built / "years/2019/index.html") == "https://github.com/someone/fork/new/trunk/chronology/events/"
    contributing = parse_page(built / "about/contributing/index.html")
    assert "https://github.com/someone/fork/blob/trunk/CONTRIBUTING.md" in contributing.links


def test_navigation_stays_small(site: Path) -> None:
    """The nav lists sections, not events: its size does not grow with the chronology."""
    nav_links = set()
    for tag, attrs in parse_page(site / "events" / EVENT_ID / "index.html").tags:
        if tag == "a" and "md-nav__link" in (attrs.get("class") or "") and attrs.get("href"):
            nav_links.add(attrs["href"])
    assert not any("/events/" in str(link) for link in nav_links)
    assert {"../../timeline/", "../../years/", "../../people/", "../../organizations/", "../../treaties/",
            "../../places/", "../../sources/", "../../tags/", "../../about/method/"} <= nav_links
    assert len(nav_links) < 25


def search_docs(site: Path) -> list[dict[str, object]]:
    return list(json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))["docs"])


def test_search_index_ranks_events_first_and_leaves_out_backlink_lists(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert "ru" in index["config"]["lang"]
    docs = index["docs"]
    by_location = {str(doc["location"]): doc for doc in docs}
    assert by_location[f"events/{EVENT_ID}/"]["boost"] == 2
    assert by_location["timeline/"]["boost"] == 0.5
    assert by_location["people/"]["boost"] == 0.5
    assert "boost" not in by_location["people/jens-stoltenberg/"]
    # Names, aliases and full names are indexed where a search looks for them.
    assert "Йенс Столтенберг" in str(by_location["people/jens-stoltenberg/"]["text"])
    assert by_location["treaties/inf-treaty/"]["title"] == "Intermediate-Range Nuclear Forces Treaty (INF)"
    # Abbreviations are a field of their own, boosted above titles (mkdocs.yml), so "INF" finds
    # the INF Treaty's pages before a title word it starts ("Information"); Material indexes the
    # field but does not show it.
    assert index["config"]["fields"]["abbreviations"] == {"boost": 100000}
    assert index["config"]["fields"]["abbreviations"]["boost"] > index["config"]["fields"]["title"]["boost"]
    assert by_location["treaties/inf-treaty/"]["abbreviations"] == "INF"
    assert by_location[f"events/{EVENT_ID}/"]["abbreviations"] == "NATO NRC INF"
    assert "abbreviations" not in by_location["people/jens-stoltenberg/"]
    event_text = str(by_location[f"events/{EVENT_ID}/"]["text"])
    assert "Jens Stoltenberg" in event_text and "We have not seen any signs" in event_text
    # Both sides' words are indexed; the columns' headings and where each was reported are not
    # ("Russia" should not find every event where Russia is quoted).
    both_sides = str(by_location["events/2019-08-02-inf-treaty-ends/"]["text"])
    assert "Moscow remains ready to talk" in both_sides and "respond in a measured way" in both_sides
    assert "NATO and allies" not in both_sides and "Reported by" not in both_sides
    # One entry per event page: its sections are not separate results, and the sources, the
    # date's working, related events and the neighbours stay out of the index.
    assert [doc["location"] for doc in docs if str(doc["location"]).startswith(f"events/{EVENT_ID}/")] == [f"events/{EVENT_ID}/"]
    assert "themoscowtimes" not in event_text and "How the date was found" not in event_text
    # Article texts are not indexed (their events are).
    assert not any("Contribute today" in str(doc["text"]) for doc in docs)
    # No listing or backlink block is indexed: event titles appear only in the events' own entries
    # (and in the tag fields Material adds to them).
    title = "NATO-Russia Council fails to save the INF Treaty"
    holders = {str(doc["location"]) for doc in docs if title in str(doc["text"]) + str(doc["title"])}
    assert holders == {f"events/{EVENT_ID}/"}
    assert not any(str(doc["location"]).startswith("tags/") for doc in docs)
    # Every indexed section has a title of its own: none repeats its page's title.
    mine = ("events/", "people/", "organizations/", "treaties/", "places/", "years/", "timeline/", "sources/")
    sections = [doc for doc in docs if "#" in str(doc["location"]) and str(doc["location"]).startswith(mine)]
    titles = {str(doc["location"]).split("#")[0]: doc["title"] for doc in docs if "#" not in str(doc["location"])}
    assert [doc["location"] for doc in sections if doc["title"] == titles.get(str(doc["location"]).split("#")[0])] == []


HOSTILE = '<script>alert("x1")</script> <img src=x onerror="alert(\'x2\')"> [x3](javascript:alert(3)) *x4*{: onclick="alert(4)" }'


def test_hostile_text_in_data_renders_as_text(project: Path) -> None:
    event = {
        "id": "2000-01-01-hostile",
        # Entities in data are text too: Material's <title> decodes them once (striptags).
        "title": "Title " + HOSTILE + " &lt;/title&gt;&lt;script&gt;alert(9)&lt;/script&gt;",
        "date": "2000-01-01",
        "summary": "Summary " + HOSTILE,
        "annotation": "Note *kept* [ok](https://example.org) " + HOSTILE,
        "people": [{"id": "jens-stoltenberg", "role": "Role " + HOSTILE}],
        "quotes": [{"speaker": "jens-stoltenberg", "text": "Quote " + HOSTILE, "source": {"url": "https://www.nato.int/q"}}],
        "statements_missing": [{"side": "russia", "note": "Note " + HOSTILE}],
        "sources": [{"url": "https://www.nato.int/src", "publisher": "Pub " + HOSTILE, "published": "2000-01-01"}],
        "date_basis": {"phrase": HOSTILE, "anchor": "2000-01-01", "rule": HOSTILE},
        "provenance": "curated",
        "status": "draft",
    }
    (project / "chronology/events/2000-01-01-hostile.yml").write_text(yaml.safe_dump(event), encoding="utf-8")
    people = project / "chronology/people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("aliases: [Stoltenberg,", f"aliases: ['{HOSTILE.replace(chr(39), chr(39) * 2)}', Stoltenberg,"), encoding="utf-8")
    built = build_site(project)
    checked = 0
    for page in ["events/2000-01-01-hostile", "people/jens-stoltenberg", "years/2000", "timeline", "people", ""]:
        html = (built / page / "index.html").read_text(encoding="utf-8")
        parser = parse_page(built / page / "index.html")
        for tag, attrs in parser.tags:
            assert not any(name.startswith("on") for name in attrs), (page, tag, attrs)
            for name in ("href", "src"):
                assert not str(attrs.get(name) or "").lower().startswith("javascript"), (page, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), page
        assert 'alert("x1")</script>' not in html and "alert(&quot;x1&quot;)</script>" not in html
        checked += html.count("&lt;script&gt;")
        title = html[html.index("<title>") + len("<title>"): html.index("</title>")]
        assert "<" not in title and ">" not in title, title
    assert checked >= 6
    event_html = (built / "events/2000-01-01-hostile/index.html").read_text(encoding="utf-8")
    assert "<em>kept</em>" in event_html and '<a href="https://example.org">ok</a>' in event_html


def test_unknown_tag_in_an_event_fails_the_build(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    event = project / "chronology/events" / f"{EVENT_ID}.yml"
    event.write_text(event.read_text().replace("tags: [arms-control, nato-russia-council]", "tags: [arms-control, nato-russia-counsil]"))
    with pytest.raises(Abort):
        build_site(project)
    assert f"chronology/events/{EVENT_ID}.yml:15: tags[1]: unknown tag 'nato-russia-counsil' (did you mean 'nato-russia-council'?)" in caplog.messages[-1]


def test_a_tag_not_in_tags_yml_fails_the_build_on_any_page(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    (project / "docs/extra.md").write_text("---\ntags: [Arms control, Fisheries]\n---\n# Extra\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project)
    assert "Tags not in allow list: Fisheries" in caplog.text
    (project / "docs/extra.md").write_text("---\ntags: [Arms control]\n---\n# Extra\n", encoding="utf-8")
    tags = parse_page(build_site(project) / "tags/index.html")
    assert "../extra/" in tags.links


def test_exports_hold_every_event(site: Path) -> None:
    """The exports (written by chrono/exports.py) are part of the built site, one row per event."""
    exported = json.loads((site / "chronology.json").read_text(encoding="utf-8"))
    assert [event["id"] for event in exported["events"]] == [
        "1996-05-15-cfe-review-conference", EVENT_ID, "2019-08-02-inf-treaty-ends"]
    csv_lines = (site / "chronology.csv").read_text(encoding="utf-8").splitlines()
    assert csv_lines[0].startswith("id,") and len(csv_lines) == 4
    assert (site / "chronology.ics").read_text(encoding="utf-8").count("BEGIN:VEVENT") == 3
    event = (site / "events" / EVENT_ID / "index.html").read_text(encoding="utf-8")
    assert '<script type="application/ld+json">' in event


def test_with_no_tags_defined_any_tag_fails_the_build(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    (project / "chronology/tags.yml").write_text("{}\n", encoding="utf-8")
    for event in (project / "chronology/events").glob("*.yml"):
        event.write_text("\n".join(line for line in event.read_text().splitlines() if not line.startswith("tags:")) + "\n")
    build_site(project)
    (project / "docs/extra.md").write_text("---\ntags: [Arms control]\n---\n# Extra\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project)
    assert "Tags not in allow list: Arms control" in caplog.text


@pytest.mark.parametrize(
    ("edit_uri", "edit_path", "expected"),
    [
        ("edit/main/docs/", "chronology/people.yml", "https://example.org/o/r/edit/main/chronology/people.yml"),
        ("edit/main/docs/", "chronology/events/", "https://example.org/o/r/new/main/chronology/events/"),
        ("-/edit/trunk/docs/", "chronology/events/", "https://example.org/o/r/-/new/trunk/chronology/events/"),
        ("-/edit/trunk/docs/", "seeds/sources.yml", "https://example.org/o/r/-/edit/trunk/seeds/sources.yml"),
        ("edit/main/docs/", "docs/index.md", "https://example.org/o/r/edit/main/docs/index.md"),
    ],
)
def test_edit_uri_for_climbs_out_of_docs(tmp_path: Path, edit_uri: str, edit_path: str, expected: str) -> None:
    (tmp_path / "docs").mkdir()
    config = SimpleNamespace(edit_uri=edit_uri, docs_dir=str(tmp_path / "docs"))
    relative = edit_uri_for(config, tmp_path, edit_path)  # type: ignore[arg-type]
    assert urljoin("https://example.org/o/r/", edit_uri + str(relative)) == expected


@pytest.mark.parametrize(
    "settings",
    [
        "",
        # Without directory URLs every page of a folder has the same relative links; sticky tabs
        # put the active section into the header.
        "use_directory_urls: false\ntheme:\n  name: material\n  custom_dir: overrides\n"
        "  features: [navigation.tabs, navigation.tabs.sticky, content.action.edit]\n",
    ],
)
def test_shared_blocks_are_the_html_each_page_would_get(project: Path, tmp_path: Path, settings: str) -> None:
    """overrides/main.html renders the navigation, header and config blocks once for the pages
    that would get the same HTML (chrono/theme.py); without them every page must come out the same."""
    if settings:
        config_file = project / "mkdocs.yml"
        config = config_file.read_text(encoding="utf-8")
        config = re.sub(r"^theme:\n(?:  .*\n|\s*\n)*", "", config, flags=re.M)
        config_file.write_text(config + "\n" + settings, encoding="utf-8")
    shared = build_site(project)
    template = project / "overrides" / "main.html"
    text = template.read_text(encoding="utf-8")
    without, count = re.subn(r"\{% block (site_nav|header|config) %\}.*?\{% endblock %\}", "", text, flags=re.S)
    assert count == 3
    template.write_text(without, encoding="utf-8")
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp_path / "plain"), strict=True)
    build(config)
    pages = sorted(path.relative_to(shared) for path in shared.rglob("*.html"))
    assert len(pages) > 25
    assert pages == sorted(path.relative_to(tmp_path / "plain") for path in (tmp_path / "plain").rglob("*.html"))
    for page in pages:
        assert (shared / page).read_bytes() == (tmp_path / "plain" / page).read_bytes(), page


def test_links_in_annotations_reach_their_pages_or_fail_the_build(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    event = project / "chronology/events/2019-08-02-inf-treaty-ends.yml"
    original = event.read_text(encoding="utf-8")
    linked = "annotation: 'As [Stoltenberg](../people/jens-stoltenberg.md) said.'"
    event.write_text(original.replace("annotation: The end of the treaty *opened* the way to new deployments.", linked), encoding="utf-8")
    site = build_site(project)
    html = (site / "events/2019-08-02-inf-treaty-ends/index.html").read_text(encoding="utf-8")
    assert '<a href="../../people/jens-stoltenberg/">Stoltenberg</a>' in html
    event.write_text(original.replace("annotation: The end of the treaty *opened* the way to new deployments.", linked.replace("jens", "jen")), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project)
    assert (
        "chronology/events/2019-08-02-inf-treaty-ends.yml: annotation: the link to "
        "'people/jen-stoltenberg.md' points at no page of the site"
    ) in caplog.text


def test_no_broken_link_without_directory_urls(project: Path) -> None:
    """Generated pages make their own links; with `use_directory_urls: false` they end in .html."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    site = build_site(project)
    assert (site / f"events/{EVENT_ID}.html").is_file()
    broken, checked = find_broken_links(site)
    assert broken == []
    assert checked > 500


def test_titles_in_the_nav_name_generated_pages_too(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("- Years: years/index.md", "- Browse by year: years/index.md"), encoding="utf-8")
    html = (build_site(project) / "years/index.html").read_text(encoding="utf-8")
    assert "<title>Browse by year - " in html


def test_generated_pages_keep_the_skip_link_and_a_titled_first_heading(site: Path) -> None:
    html = (site / "events" / EVENT_ID / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="#[a-z0-9-]+" class="md-skip">', html)
    assert re.search(r'<h1 id="[a-z0-9-]+">[^<]+<a class="headerlink"', html)


def test_a_russian_quote_shows_its_words_with_the_translation_under_it(project: Path) -> None:
    # The quote is invented for this test (fiction); it never reaches chronology/.
    event = {
        "id": "2022-01-12-russian-quote",
        "title": "Грушко: Москва ждет ответа",
        "date": "2022-01-12",
        "summary": "Заместитель министра заявил, что Москва ждет ответа.",
        "quotes": [
            {
                "speaker": "jens-stoltenberg",
                "text": "Альянс готов к разговору о безопасности",
                "lang": "ru",
                "translation": "The alliance is ready to talk about security",
            },
            {
                "speaker": "georgy-mamedov",
                "text": "Диалог продолжится в Вене",
                "lang": "ru",
                "translation": "The dialogue will go on in Vienna",
                "translation_source": "Example Wire (English service)",
            },
        ],
        "sources": [{"url": "https://example.org/ru", "publisher": "Example", "published": "2022-01-12"}],
        # an extractor's draft: the content rules for finished, curated entries do not apply
        "provenance": "extracted",
        "status": "draft",
    }
    (project / "chronology/events/2022-01-12-russian-quote.yml").write_text(
        yaml.safe_dump(event, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    built = build_site(project)
    html = (built / "events/2022-01-12-russian-quote/index.html").read_text(encoding="utf-8")
    original = html.index('<div class="chrono-original" lang="ru">\n<p>Альянс готов к разговору о безопасности</p>')
    translation = html.index('<div class="chrono-translation" lang="en">\n<p>The alliance is ready to talk about security</p>')
    assert original < translation
    assert "Translation: ours (the project&#39;s own)" in html
    assert "Translation: Example Wire (English service)" in html
    # Search finds the words in either language; the note on who translated is not indexed.
    page = [d for d in search_docs(built) if str(d["location"]).startswith("events/2022-01-12-russian-quote/")]
    text = " ".join(str(d["text"]) for d in page)
    assert "Альянс готов к разговору о безопасности" in text
    assert "The alliance is ready to talk about security" in text
    assert "Translation:" not in text
    export = json.loads((built / "chronology.json").read_text(encoding="utf-8"))
    [exported] = [e for e in export["events"] if e["id"] == "2022-01-12-russian-quote"]
    assert [(q["lang"], q["translation_source"]) for q in exported["quotes"]] == [
        ("ru", None), ("ru", "Example Wire (English service)")
    ]
