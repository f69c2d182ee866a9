"""MkDocs glue: read chronology/ on every build, add the generated pages, set edit links,
and watch the data folders when serving. All page text comes from pages.py."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from .entries import read_chronology
from .index import build_index
from .pages import GeneratedPage, render_event_list, render_event_page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

EVENT_LIST_MARKER = "<!-- chronology:events -->"
WATCHED_FOLDERS = ("chronology", "seeds")


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def generate_pages(root: Path, home_markdown: str | None) -> list[GeneratedPage]:
    """Validate the data and render every page; raise PluginError listing all data problems."""
    chronology, errors = read_chronology(root)
    if errors:
        lines = "\n".join(str(error) for error in errors)
        raise PluginError(f"the chronology has {len(errors)} problem(s):\n{lines}")
    index = build_index(chronology)
    pages = [render_event_page(event, index) for event in chronology.events]
    if home_markdown is not None:
        pages.append(GeneratedPage("index.md", home_markdown.replace(EVENT_LIST_MARKER, render_event_list(index)), "docs/index.md"))
    return pages


def add_generated_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages to MkDocs' files, each with an edit link to the file behind it."""
    root = project_root(config)
    home = files.get_file_from_path("index.md")
    home_markdown = home.content_string if home is not None else None
    for page in generate_pages(root, home_markdown):
        existing = files.get_file_from_path(page.path)
        if existing is not None:
            files.remove(existing)
        in_nav = page.path == "index.md"
        generated = File.generated(
            config,
            page.path,
            content=page.markdown,
            inclusion=InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV,
        )
        generated.edit_uri = _edit_uri(config, root, page.edit_path)
        files.append(generated)
    return files


def _edit_uri(config: MkDocsConfig, root: Path, edit_path: str | None) -> str | None:
    """`edit_uri` is relative to the docs folder's place in the repository, so climb out of it."""
    if edit_path is None or not config.edit_uri:
        return None
    docs_in_repo = Path(config.docs_dir).resolve().relative_to(root).as_posix()
    return "../" * len(Path(docs_in_repo).parts) + edit_path


def watch_data(server: LiveReloadServer, config: MkDocsConfig) -> LiveReloadServer:
    """Rebuild on edits under chronology/ and seeds/ too, not only docs/."""
    root = project_root(config)
    for folder in WATCHED_FOLDERS:
        if (root / folder).exists():
            server.watch(str(root / folder))
    return server
