"""Template blocks of the theme rendered once and shared by every page that would get the same
HTML from them.

Material renders its whole page template for each page. At 10,000 events, three of its blocks
cost a fifth of the build while their HTML barely changes from page to page: the navigation
(and the table-of-contents sidebar), the header, and the configuration script. What they depend
on is known: the page's relative links to the navigation's pages and to the site's root, whether
the page is in the navigation or has a table of contents, and, for the header, the page title.
A block is rendered for the first page of each such kind and reused for the others; the header
keeps the place of its title and has each page's own title put there.

`overrides/main.html` calls `SharedBlocks` from its block overrides; `on_env` gives the templates
a new instance for each build. tests/test_build.py builds a site with and without the overrides
and compares every page byte for byte.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

from markupsafe import Markup
from mkdocs.utils import get_relative_url

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

HEADER_TOPIC = 'data-md-component="header-topic"'
_BEFORE_TITLE = re.compile(r'>\s*<span class="md-ellipsis">\s*')
"""What Material's header has between its topic marker and the page title."""


class SharedBlocks:
    """One build's rendered blocks, by block name and the facts the block's HTML depends on."""

    def __init__(self) -> None:
        self._rendered: dict[tuple[object, ...], Markup] = {}
        self._around_title: dict[tuple[object, ...], tuple[str, str] | None] = {}
        self._last_place: tuple[Page | None, tuple[bool, tuple[object, ...]]] = (None, (False, ()))

    def __call__(
        self, name: str, page: Page | None, nav: Navigation | None, base_url: str, render: Callable[[], Markup]
    ) -> Markup | str:
        if page is None or nav is None:
            return render()
        if name == "config":
            return self._shared(("config", base_url), render)
        in_nav, place = self._place(page, nav, base_url)
        if name == "site_nav":
            # The sidebar next to the navigation lists the page's headings below its title.
            if in_nav or _has_sections(page) or (page.meta and page.meta.get("hide")):
                return render()
            return self._shared(("site_nav", *place), render)
        if name == "header":
            return self._header(place, page, render)
        return render()

    def _place(self, page: Page, nav: Navigation, base_url: str) -> tuple[bool, tuple[object, ...]]:
        """Whether the page is in the navigation, and what the shared blocks' HTML depends on
        for it; worked out once per page, though two blocks ask."""
        if self._last_place[0] is not page:
            # A page in the navigation is marked there (and, with sticky tabs, in the header).
            in_nav = any(item is page for item in nav.pages)
            relative = (get_relative_url(item.url, page.url) for item in nav.pages)
            self._last_place = (page, (in_nav, (base_url, page.url if in_nav else None, *relative)))
        return self._last_place[1]

    def _shared(self, key: tuple[object, ...], render: Callable[[], Markup]) -> Markup:
        html = self._rendered.get(key)
        if html is None:
            html = self._rendered[key] = render()
        return html

    def _header(self, place: tuple[object, ...], page: Page, render: Callable[[], Markup]) -> Markup | str:
        """The header with this page's title where the first page of its kind had its own."""
        title = str(page.meta["title"] if page.meta and page.meta.get("title") else page.title)
        if place in self._around_title:
            around = self._around_title[place]
            return render() if around is None else Markup(around[0] + title + around[1])
        html = str(render())
        self._around_title[place] = _split_at_title(html, title)
        return html


def _has_sections(page: Page) -> bool:
    """Whether the page's table of contents has more than its title."""
    toc = list(page.toc)
    return len(toc) > 1 or any(item.level != 1 or item.children for item in toc)


def _split_at_title(html: str, title: str) -> tuple[str, str] | None:
    """The header's HTML before and after the page title; None when it is not where Material
    puts it (an empty title, or a template that changed), so the block is never shared."""
    marker = html.find(HEADER_TOPIC)
    if not title or marker < 0:
        return None
    start = marker + len(HEADER_TOPIC)
    gap = _BEFORE_TITLE.match(html, start)
    if gap is None or not html.startswith(title, gap.end()):
        return None
    return html[: gap.end()], html[gap.end() + len(title) :]


def share_blocks(env: Environment) -> Environment:
    """Give the theme's templates a new `SharedBlocks` for this build."""
    env.globals["chronology_shared_block"] = SharedBlocks()
    return env
