"""MkDocs glue: read chronology/ on every build, add the generated pages, set edit links,
allow exactly the tags of chronology/tags.yml, and watch the data folders when serving.
All page text comes from pages.py."""

from __future__ import annotations

import logging
import re
import traceback
from functools import lru_cache
from html import escape
from pathlib import Path
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from jinja2 import TemplateError, TemplateSyntaxError
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .entries import EVENTS_DIR, read_chronology, read_yaml
from .errors import EntryError
from .index import (
    ENTITY_FOLDERS,
    SOURCES_INDEX_PATH,
    TAGS_PATH,
    TIMELINE_PATH,
    YEARS_INDEX_PATH,
    ChronologyIndex,
    build_index,
    entity_index_path,
    event_path,
    page_url,
    source_path,
    year_path,
)
from .pages import GeneratedPage, Heading, RenderedPage, render_all_pages, render_milestones
from .exports import add_event_jsonld, render_export_files
from .timeline import VISUAL_TIMELINE_PATH, render_visual_timeline_page
from .templating import PageTemplates
from .schema_reference import CONTRIBUTING_FILE, StaleReferenceError, render_contributing_page
from .accuracy import ACCURACY_MARKER, METHOD_PAGE, render_method_page
from .performance import PERFORMANCE_PAGE, RESULTS_FILE, load_results, render_performance_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

EVENT_LIST_MARKER = "<!-- chronology:events -->"
COUNTS_MARKER = "<!-- chronology:counts -->"
WATCHED_FOLDERS = ("chronology", "seeds")
TAGS_PLUGIN_NAMES = ("material/tags", "tags")
REPOSITORY_LINK = re.compile(r"\]\(repo:([^)\s]+)\)")
"""`[CONTRIBUTING.md](repo:CONTRIBUTING.md)` in a hand-written page links to that file in the
repository, on the branch `edit_uri` names, so a fork changes no page."""


class ChronologyDataError(PluginError):
    """The data has problems: the build stops with the validator's lines (or, while serving,
    every page shows them)."""

    def __init__(self, errors: list[EntryError]) -> None:
        self.errors = errors
        lines = "\n".join(str(error) for error in errors)
        super().__init__(f"the chronology has {len(errors)} problem(s):\n{lines}")


class _Command:
    """The MkDocs command this process runs, as `on_startup` says. Kept in this module, which
    Python imports once, because MkDocs runs the hooks file afresh with each configuration it
    loads, and it loads one per rebuild of `mkdocs serve`, while `on_startup` runs only once."""

    name = "build"


def remember_command(command: str) -> None:
    """Called from `on_startup`: `serve` makes a data error show in the browser, not stop."""
    _Command.name = command


def is_serving() -> bool:
    return _Command.name == "serve"


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


# ---------------------------------------------------------------- tags


def read_tag_names(root: Path) -> list[str]:
    """The display names in chronology/tags.yml; a broken file gives none here, and the
    validator reports it (with its line) when the pages are generated."""
    path = root / "chronology" / "tags.yml"
    if not path.is_file():
        return []
    document, _ = read_yaml(path, "chronology/tags.yml")
    if document is None or not isinstance(document.data, dict):
        return []
    return [
        str(entry["name"])
        for entry in document.data.values()
        if isinstance(entry, dict) and isinstance(entry.get("name"), str)
    ]


def allow_only_known_tags(config: MkDocsConfig) -> MkDocsConfig:
    """Make Material's tags plugin refuse any tag that is not in chronology/tags.yml."""
    for name in TAGS_PLUGIN_NAMES:
        plugin = config.plugins.get(name)
        if plugin is not None:
            break
    else:
        return config
    from material.plugins.tags.structure.tag import Tag

    # The plugin's tag checker already holds this very set (made in its own on_config),
    # so it is filled in place rather than replaced.
    allowed: set[Any] = plugin.config.tags_allowed  # type: ignore[attr-defined]
    names = read_tag_names(project_root(config))
    # Material reads an empty allow list as "any tag"; a name no page can carry keeps it strict.
    allowed.update(Tag(name) for name in names or ["(chronology/tags.yml defines no tags)"])
    return config


# ---------------------------------------------------------------- pages


def generate_pages(
    root: Path,
    home_markdown: str | None,
    site_url: str | None = None,
    *,
    directory_urls: bool = True,
    custom_dir: str | None = None,
) -> list[RenderedPage | GeneratedPage]:
    """Validate the data and render every page; raise PluginError listing all data problems.
    The page templates are looked up in `custom_dir` (the theme's) first, and compiled once
    for this build."""
    chronology, errors = read_chronology(root)
    if errors:
        raise ChronologyDataError(errors)
    index = build_index(chronology)
    # site_url (optional) makes the JSON-LD and calendar links absolute.
    urls = {"directory_urls": directory_urls}
    try:
        rendered = render_all_pages(index, templates=PageTemplates(custom_dir), **urls)
    except TemplateError as error:
        raise PluginError(f"page template: {_describe_template_error(error)}") from None
    pages = add_event_jsonld(rendered, index, site_url=site_url, **urls)
    pages.append(render_visual_timeline_page(index, **urls))
    pages += render_export_files(index, site_url=site_url, **urls)
    # The full guide replaces the short hand-written docs/about/contributing.md when the
    # repository's CONTRIBUTING.md is there (a bare data project has only the short page).
    if (root / CONTRIBUTING_FILE).is_file():
        try:
            pages.append(render_contributing_page(root / CONTRIBUTING_FILE))
        except StaleReferenceError as error:
            raise PluginError(f"{CONTRIBUTING_FILE}: {error}") from None
    # The Performance page shows the build benchmark's last results (benchmarks/bench_build.py).
    pages.append(GeneratedPage(PERFORMANCE_PAGE, render_performance_page(*load_results(root / RESULTS_FILE)), None))
    if home_markdown is not None:
        pages.append(GeneratedPage("index.md", render_home(home_markdown, index), "docs/index.md"))
    return pages


def _describe_template_error(error: TemplateError) -> str:
    """Where a broken template (a fork's override, usually) went wrong: file, line, message."""
    if isinstance(error, TemplateSyntaxError):
        return f"{error.filename or error.name}:{error.lineno}: {error.message}"
    # Jinja rewrites the traceback of an error while rendering so that its frames are the
    # template's lines; the innermost one is where it went wrong.
    where = ""
    for frame, line in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename.endswith(".html"):
            where = f"{frame.f_code.co_filename}:{line}: "
    return where + str(error.message or error)


def render_home(markdown: str, index: ChronologyIndex) -> str:
    """The hand-written home page with its markers replaced by the milestones and the counts."""
    chronology = index.chronology
    years = sorted(index.by_year)
    span = f", from {years[0]} to {years[-1]}" if years else ""
    counts = (
        f"{len(chronology.events)} events{span}; {len(chronology.people)} people, "
        f"{len(chronology.organizations)} organizations, {len(chronology.treaties)} treaties, "
        f"{len(chronology.places)} places and {len(chronology.articles)} source articles."
    )
    return markdown.replace(EVENT_LIST_MARKER, render_milestones(index)).replace(COUNTS_MARKER, counts)


def add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages to MkDocs' files, each with an edit link to the file behind it.

    Generated pages stay out of the navigation (the section index pages named in mkdocs.yml's
    `nav` still show there), so the navigation does not grow with the number of events."""
    root = project_root(config)
    home = files.get_file_from_path("index.md")
    home_markdown = home.content_string if home is not None else None
    try:
        pages = generate_pages(
            root,
            home_markdown,
            config.site_url,
            directory_urls=config.use_directory_urls,
            custom_dir=config.theme.custom_dir,
        )
    except ChronologyDataError as error:
        if not is_serving():
            raise
        return show_data_errors(files, config, error.errors)
    # "How this is made" shows the extractor's measured accuracy (benchmarks/bench_accuracy.py).
    method = files.get_file_from_path(METHOD_PAGE)
    if method is not None and ACCURACY_MARKER in method.content_string:
        markdown = render_method_page(method.content_string, root)
        pages.append(GeneratedPage(METHOD_PAGE, markdown, f"docs/{METHOD_PAGE}"))
    nav_titles = titles_in_nav(config.nav)
    for page in pages:
        existing = files.get_file_from_path(page.path)
        inclusion = InclusionLevel.NOT_IN_NAV
        if existing is not None:
            inclusion = existing.inclusion
            files.remove(existing)
        content = page.markdown if isinstance(page, GeneratedPage) else page.html
        generated = File.generated(config, page.path, content=content, inclusion=inclusion)
        generated.edit_uri = edit_uri_for(config, root, page.edit_path)
        if isinstance(page, RenderedPage):
            PrerenderedPage(page, generated, config, nav_titles.get(page.path))
        files.append(generated)
    report_missing_links(pages, files)
    return files


def titles_in_nav(nav: Any) -> dict[str, str]:
    """`{"years/index.md": "Years", ...}` from mkdocs.yml's `nav` (entries given a title)."""
    titles: dict[str, str] = {}
    items = nav if isinstance(nav, list) else [nav] if nav else []
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    titles[value] = str(title)
                else:
                    titles.update(titles_in_nav(value))
    return titles


def report_missing_links(pages: list[RenderedPage | GeneratedPage], files: Files) -> None:
    """Warn (an error under `mkdocs build --strict`) about a link in an annotation to a page
    that does not exist, naming the file to fix, as MkDocs does for links in Markdown."""
    for page in pages:
        if not isinstance(page, RenderedPage):
            continue
        for target in page.linked_pages:
            if files.get_file_from_path(target) is None:
                log.warning(
                    f"{page.edit_path}: annotation: the link to '{target}' points at no page of the site"
                )


class PrerenderedPage(Page):
    """A page whose HTML chrono.pages wrote: MkDocs takes its meta and content as they are,
    with no Markdown to parse (its links were made from the index; those written by hand in
    an annotation are checked by `report_missing_links`). `title` is its title in mkdocs.yml's
    `nav`, which wins over the page's own, as for any page. Set as
    the file's page in `on_files`, the way Material's blog plugin makes its pages; everything
    after rendering (plugins, theme, search) treats it as any other page."""

    def __init__(self, rendered: RenderedPage, file: File, config: MkDocsConfig, title: str | None = None) -> None:
        super().__init__(title, file, config)
        self.rendered = rendered
        self.shown_content: str | None = None

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""
        self.meta = dict(self.rendered.meta)  # a copy: plugins may change it
        # As MkDocs reads a title from an <h1>: text with its markup escaped.
        self._title_from_render = escape(self.rendered.title, quote=False)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = self.rendered.html
        self.toc = get_toc(_toc_tokens(self.rendered.headings))
        self.present_anchor_ids = {h.id for h in self.rendered.headings}
        self.links_to_anchors = {}


def _toc_tokens(headings: Iterable[Heading]) -> list[Any]:
    """MkDocs' table-of-contents tokens: each heading under the last one of a higher level."""
    tokens: list[Any] = []
    open_tokens: list[Any] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.id, "name": escape(heading.title), "children": []}
        while open_tokens and open_tokens[-1]["level"] >= heading.level:
            open_tokens.pop()
        (open_tokens[-1]["children"] if open_tokens else tokens).append(token)
        open_tokens.append(token)
    return tokens


# Material's search indexes `page.content` in its `on_page_context`. A rendered page gives it
# only the part worth indexing (`RenderedPage.search_html`): the link lists and article texts
# left out are then never parsed, which was a sixth of the build at 2,000 events. The hooks run
# `show_search_html` before the search plugin and `restore_content` after it.


def show_search_html(page: Page) -> None:
    if isinstance(page, PrerenderedPage) and page.content is not None:
        page.shown_content = page.content
        page.content = page.rendered.search_html


def restore_content(page: Page, config: MkDocsConfig) -> None:
    """Put the page's full HTML back, and give its search entry the page's abbreviations."""
    if isinstance(page, PrerenderedPage) and page.shown_content is not None:
        page.content, page.shown_content = page.shown_content, None
        if page.rendered.abbreviations:
            add_search_abbreviations(page, config)


SEARCH_PLUGIN_NAMES = ("material/search", "search")
ABBREVIATIONS_FIELD = "abbreviations"
"""A field of each search entry, given a boost of its own in mkdocs.yml (`plugins: search:
fields:`), so that "INF" finds the pages about the INF Treaty before those with a title word it
starts ("Information"): Material looks for every query word as a prefix (`INF*`), and a
rarer word scores higher. Material indexes every field that `fields` names and shows only the
title, text and tags."""


def add_search_abbreviations(page: PrerenderedPage, config: MkDocsConfig) -> None:
    """Add the abbreviations to the entry Material's search made for this page just now."""
    for name in SEARCH_PLUGIN_NAMES:
        plugin = config.plugins.get(name)
        if plugin is not None:
            break
    else:
        return
    entries: list[dict[str, Any]] = plugin.search_index.entries  # type: ignore[attr-defined]
    for entry in reversed(entries):
        if entry["location"] == page.url:
            entry[ABBREVIATIONS_FIELD] = " ".join(page.rendered.abbreviations)
            return
        if not entry["location"].startswith(page.url):
            return


@lru_cache(maxsize=8)
def docs_folder_in_repository(docs_dir: str, root: Path) -> str:
    """The docs folder relative to the project root, e.g. `docs`. Cached: resolving a path
    costs a system call per folder level, and every generated page asks."""
    return Path(docs_dir).resolve().relative_to(root).as_posix()


def edit_uri_for(config: MkDocsConfig, root: Path, edit_path: str | None) -> str | None:
    """A file's `edit_uri`, relative to `config.edit_uri`, which points into the docs folder of
    the repository: climb out of it to reach chronology/ or seeds/. A folder (ending in '/')
    gets the repository's new-file form for that folder instead of an edit form."""
    if edit_path is None or not config.edit_uri:
        return None
    docs_in_repo = docs_folder_in_repository(config.docs_dir, root)
    climb = "../" * len(Path(docs_in_repo).parts)
    if not edit_path.endswith("/"):
        return climb + edit_path
    # edit/main/docs/ -> new/main/ (GitHub); -/edit/main/docs/ -> -/new/main/ (GitLab).
    base = config.edit_uri.rstrip("/").split("/")
    if "edit" not in base:
        return climb + edit_path
    to_repository = "../" * len(base)
    action = ["new" if part == "edit" else part for part in base[: len(base) - len(Path(docs_in_repo).parts)]]
    return to_repository + "/".join(action) + "/" + edit_path


def repository_url(config: MkDocsConfig, path: str) -> str | None:
    """The address of a repository file, on the branch `edit_uri` names (`blob` view)."""
    if not config.repo_url or not config.edit_uri:
        return None
    root = project_root(config)
    edit_uri = edit_uri_for(config, root, path)
    if edit_uri is None:
        return None
    edit_url = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri + edit_uri)
    return re.sub(r"/edit/", "/blob/", edit_url, count=1)


def link_repository_files(markdown: str, config: MkDocsConfig) -> str:
    """Turn `(repo:PATH)` link targets in hand-written pages into repository addresses."""

    def replace(match: re.Match[str]) -> str:
        url = repository_url(config, match[1])
        return f"]({url})" if url else f"]({match[1]})"

    return REPOSITORY_LINK.sub(replace, markdown)


def watch_data(server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
    """Rebuild on edits under chronology/ and seeds/ too, not only docs/."""
    root = project_root(config)
    for folder in WATCHED_FOLDERS:
        if (root / folder).exists():
            server.watch(str(root / folder))
    return server


# ---------------------------------------------------------------- data errors while serving
# MkDocs' live-reload server holds every request until a rebuild succeeds; a build stopped by
# a data error would leave the browser waiting with no word of why. While serving, a build
# with data errors therefore succeeds with a site of one page, the list of errors, written at
# the address of every page the site would have (and as the 404 page for any other), so every
# request is answered at once. The page asks again every second and shows the site as soon as
# the data is fixed; MkDocs' own live reload does the same on the pages it serves.

ERROR_PAGE_MARK = "data-chronology-errors"
"""An attribute of the error page's body: the page's poller reloads once it is gone."""


def show_data_errors(files: Files, config: MkDocsConfig, errors: list[EntryError]) -> Files:
    """Files for a site whose every page lists the data errors, each linked to its edit form."""
    root = project_root(config)
    for error in errors:
        log.error(str(error))
    html = render_error_page(errors, config, root)
    pages = {f.src_uri for f in files.documentation_pages()} | expected_page_paths(root)
    shown = Files([f for f in files if not f.is_documentation_page()])
    taken = {f.src_uri for f in shown}
    for path in sorted(pages):
        destination = _html_destination(path, config.use_directory_urls)
        if destination not in taken:
            shown.append(File.generated(config, destination, content=html))
    if "404.html" not in taken:
        shown.append(File.generated(config, "404.html", content=html))
    # The theme would write its own 404 page over this one.
    config.theme.static_templates.discard("404.html")
    return shown


def _html_destination(path: str, directory_urls: bool) -> str:
    """Where MkDocs writes page `path` (`events/x.md` -> `events/x/index.html`)."""
    url = page_url(path, directory_urls)
    return url + "index.html" if url.endswith("/") or not url else url


def expected_page_paths(root: Path) -> set[str]:
    """The pages the site has, read leniently from file names and the keys of the entity files
    that still parse: an error page can then answer at each of their addresses."""
    paths = {TIMELINE_PATH, YEARS_INDEX_PATH, SOURCES_INDEX_PATH, TAGS_PATH, VISUAL_TIMELINE_PATH, "index.md"}
    events = root / "chronology" / EVENTS_DIR
    for path in sorted(events.glob("*.yml")) if events.is_dir() else ():
        paths.add(event_path(path.stem))
        if path.stem[:4].isdigit():
            paths.add(year_path(int(path.stem[:4])))
    for kind, folder in ENTITY_FOLDERS.items():
        paths.add(entity_index_path(kind))
        document, _ = read_yaml(root / "chronology" / f"{folder}.yml", f"chronology/{folder}.yml")
        if document is not None and isinstance(document.data, dict):
            paths.update(f"{folder}/{key}.md" for key in document.data if isinstance(key, str) and "/" not in key)
    seeds = root / "seeds"
    for path in sorted(seeds.glob("*.txt")) if seeds.is_dir() else ():
        paths.add(source_path(path.name))
    return paths


_ERROR_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{count} problem{plural} in the data</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; background: #fff; }}
h1 {{ font-size: 1.4rem; color: #b00020; }}
ul {{ padding-left: 1.2rem; }}
li {{ margin: .4rem 0; font-family: ui-monospace, monospace; font-size: .9rem; overflow-wrap: anywhere; }}
a {{ color: #0b57d0; }}
</style>
</head>
<body {mark}>
<main>
<h1>The site cannot be built: {count} problem{plural} in the data</h1>
<p>Fix {them} and save; this page shows the site again by itself.
<code>build_chronology.py validate</code> prints the same lines.</p>
<ul>
{items}
</ul>
</main>
<script>
setInterval(function () {{
  fetch(window.location.href, {{cache: "no-store"}})
    .then(function (response) {{ return response.text(); }})
    .then(function (text) {{ if (text.indexOf("{mark}") < 0) window.location.reload(); }})
    .catch(function () {{}});
}}, 1000);
</script>
</body>
</html>
"""


def render_error_page(errors: list[EntryError], config: MkDocsConfig, root: Path) -> str:
    """The error page: one line per problem, `file:line: field: message`, the file's part
    linked to its edit form in the repository (when the site names one)."""
    items = []
    for error in errors:
        url = edit_url(config, root, error.path)
        text = escape(str(error))
        if url:
            location = escape(error.path if error.line is None else f"{error.path}:{error.line}")
            rest = text[len(location):]
            items.append(f'<li><a href="{escape(url)}">{location}</a>{rest}</li>')
        else:
            items.append(f"<li>{text}</li>")
    return _ERROR_PAGE.format(
        count=len(errors), plural="" if len(errors) == 1 else "s", them="it" if len(errors) == 1 else "them",
        mark=ERROR_PAGE_MARK, items="\n".join(items),
    )


def edit_url(config: MkDocsConfig, root: Path, path: str) -> str | None:
    """The address of the edit form of a repository file, from `repo_url` and `edit_uri`."""
    if not config.repo_url or not config.edit_uri:
        return None
    relative = edit_uri_for(config, root, path)
    if relative is None:
        return None
    return urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri + relative)
