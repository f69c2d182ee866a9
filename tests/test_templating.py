"""The page templates: a site's custom_dir replaces them one by one, autoescape stays on in a
replaced template, a broken one stops the build with its file and line, and what the templates
keep from search never reaches the page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import copy_project
from markupsafe import Markup, escape
from mkdocs.exceptions import Abort
from test_build import EVENT_ID, build_site

from chrono.templating import (
    FRAGMENTS,
    PACKAGE_TEMPLATES,
    SEARCH_OFF,
    SEARCH_ON,
    PageTemplates,
    escape_text,
    split_search_excluded,
)


def override(project: Path, kind: str) -> Path:
    """Copy the shipped template of a kind into the project's overrides folder, to edit."""
    target = project / "overrides" / FRAGMENTS / f"{kind}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(PACKAGE_TEMPLATES / FRAGMENTS / f"{kind}.html", target)
    return target


def test_a_template_in_custom_dir_replaces_the_shipped_one(project: Path) -> None:
    template = override(project, "event")
    text = template.read_text(encoding="utf-8")
    # A fork's own line, printing fields as they are in the data, still escaped by autoescape.
    fork = '<p class="fork-id">{{ event.id }} {{ event.title }}</p>\n<p class="fork-when">Happened: '
    changed = text.replace('<p class="chrono-when">', fork, 1)
    assert changed != text
    template.write_text(changed, encoding="utf-8")
    event = project / "chronology/events" / f"{EVENT_ID}.yml"
    event.write_text(event.read_text().replace("fails to save the INF Treaty", "fails to save the <b>INF</b> Treaty"))
    site = build_site(project)
    for path in sorted((site / "events").glob("*/index.html")):
        html = path.read_text(encoding="utf-8")
        assert '<p class="fork-when">Happened: <strong>' in html, path
        assert 'class="chrono-when"' not in html, path
        assert f'<p class="fork-id">{path.parent.name} ' in html, path
    page = (site / "events" / EVENT_ID / "index.html").read_text(encoding="utf-8")
    assert f'<p class="fork-id">{EVENT_ID} NATO-Russia Council fails to save the &lt;b&gt;INF&lt;/b&gt; Treaty</p>' in page
    # Other kinds of page keep the shipped templates.
    person = (site / "people/jens-stoltenberg/index.html").read_text(encoding="utf-8")
    assert "Also known as: Stoltenberg" in person and "fork-" not in person


def test_the_shared_macros_can_be_replaced_too(project: Path) -> None:
    """macros.html (the events list of the entity pages) can be replaced like a page template."""
    macros = override(project, "macros")
    macros.write_text(macros.read_text(encoding="utf-8").replace('<div class="chrono-list">', '<div class="fork-list">'), encoding="utf-8")
    site = build_site(project)
    person = (site / "people/jens-stoltenberg/index.html").read_text(encoding="utf-8")
    assert '<div class="fork-list">' in person and "chrono-list" not in person
    assert 'class="chrono-list"' in (site / "years/2019/index.html").read_text(encoding="utf-8")


def test_a_broken_template_stops_the_build_naming_its_line(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    template = override(project, "year")
    template.write_text(template.read_text(encoding="utf-8").replace("{% endif %}", "{% endif", 1), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project)
    assert re.search(r"page template: .*overrides/fragments/chronology/year\.html:\d+: ", caplog.text), caplog.text


def test_a_misspelt_name_in_a_template_stops_the_build(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    template = override(project, "place")
    template.write_text(template.read_text(encoding="utf-8").replace("{{ title }}", "{{ titel }}"), encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project)
    assert re.search(r"page template: .*overrides/fragments/chronology/place\.html:\d+: 'titel' is undefined", caplog.text), caplog.text


def test_templates_are_compiled_once_per_build(tmp_path: Path) -> None:
    templates = PageTemplates(tmp_path / "no such folder")
    assert templates.template("event") is templates.template("event")


def test_search_excluded_blocks_are_cut_from_the_search_html() -> None:
    rendered = f"<h1>T</h1>\n<p>said</p>\n{SEARCH_OFF}<div>links</div>\n{SEARCH_ON}<p>more</p>\n{SEARCH_OFF}x\n{SEARCH_ON}"
    assert split_search_excluded(rendered) == (
        "<h1>T</h1>\n<p>said</p>\n<div>links</div>\n<p>more</p>\nx\n",
        "<h1>T</h1>\n<p>said</p>\n<p>more</p>\n",
    )
    assert split_search_excluded("<p>a</p>\n") == ("<p>a</p>\n", "<p>a</p>\n")


def test_no_marker_reaches_a_built_page(tmp_path: Path) -> None:
    site = build_site(copy_project(tmp_path))
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    assert not [page for page in pages if "chrono:search-" in page.read_text(encoding="utf-8")]


def test_data_cannot_spell_a_marker(project: Path) -> None:
    """Autoescape turns a marker written in data into text, so it cuts nothing from search."""
    event = project / "chronology/events" / f"{EVENT_ID}.yml"
    event.write_text(event.read_text().replace("made no progress on the INF Treaty.", f"made no {SEARCH_OFF} progress."))
    site = build_site(project)
    html = (site / "events" / EVENT_ID / "index.html").read_text(encoding="utf-8")
    assert "made no &lt;!--chrono:search-off--&gt; progress." in html


@pytest.mark.parametrize("value", ["plain", "<b>&'\"</b>", "", "Йенс <script>", 5, None, Markup("<em>kept</em>")])
def test_escape_text_escapes_as_markupsafe_does(value: object) -> None:
    """The page templates' escaping: markupsafe's characters and entities; markup is kept."""
    assert str(escape_text(value)) == str(escape(value))


def test_the_page_templates_escape_with_escape_text() -> None:
    template = PageTemplates().template("event")
    assert template.root_render_func.__globals__["escape"] is escape_text
