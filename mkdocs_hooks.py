"""MkDocs hooks: the chronology's pages are generated on every build from chronology/ and seeds/.

Glue only; the work is in chrono.site. Nothing is kept between builds, because `mkdocs serve`
does not re-import hooks on rebuild.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.plugins import CombinedEvent, event_priority

from chrono.site import (
    add_generated_files,
    allow_only_known_tags,
    link_repository_files,
    remember_command,
    restore_content,
    show_search_html,
    watch_data,
)
from chrono.theme import share_blocks

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page


def on_startup(command: str, dirty: bool) -> None:
    remember_command(command)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    return allow_only_known_tags(config)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return add_generated_files(files, config)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return share_blocks(env)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return link_repository_files(markdown, config)


@event_priority(100)  # before Material's search plugin (priority 0)
def _before_search(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    show_search_html(page)
    return context


@event_priority(-100)  # after it
def _after_search(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    restore_content(page, config)
    return context


on_page_context = CombinedEvent(_before_search, _after_search)


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
    return watch_data(server, config)
