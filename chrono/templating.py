"""The Jinja environment the generated pages are rendered with: the site's `custom_dir` first,
then the templates shipped in `chrono/templates/`, with autoescape on.

chrono.pages decides what is on a page and hands a template a small context; the template,
`fragments/chronology/<kind>.html`, decides how it looks. A fork restyles a kind of page by
putting a file of the same name in its `custom_dir` (`overrides/fragments/chronology/`), as
Material's tags plugin lets a site restyle its listings. With autoescape on, text from data is
escaped unless a template marks it safe, so escaping is the default, not a habit.

One `PageTemplates` is made per build (chrono.site): each template is compiled once for all the
pages of its kind, and an override edited during `mkdocs serve` is read on the next build.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from functools import lru_cache
from pathlib import Path
from types import CodeType
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, Template
from markupsafe import Markup, escape

try:
    from markupsafe import _escape_inner  # the C function that markupsafe.escape wraps
except ImportError:  # pragma: no cover - another markupsafe: its public function

    def _escape_inner(text: str) -> str:
        return str(escape(text))

PACKAGE_TEMPLATES = Path(__file__).resolve().parent / "templates"
FRAGMENTS = "fragments/chronology"
"""Where the page templates are, under the package's templates folder or a site's custom_dir."""
SEARCH_OFF = "<!--chrono:search-off-->"
SEARCH_ON = "<!--chrono:search-on-->"
"""What a template writes (`{{ search_off }}`, `{{ search_on }}`) around a block that search
should not index: lists of links, article texts. They are taken out of the page, and the block
out of what search is given. Data can never spell them: autoescape turns its `<` into `&lt;`.
(Plain markers rather than a `{% call %}` macro: a call block made rendering an event page a
third slower.)"""


def escape_text(value: Any) -> Any:
    """What autoescape does to each value a page template prints: markupsafe's escaping (the
    same five characters, the same entities), but a plain string comes back as text rather than
    as a Markup object. Building a Markup for each of the 70 values of an event page was a
    tenth of rendering the pages; markup (`Markup`, `__html__`) and other values go through
    markupsafe.escape as before."""
    if value.__class__ is str:
        return _escape_inner(value)
    return escape(value)


class PageTemplate(Template):
    """A page template whose compiled code escapes with `escape_text`. Jinja's compiled
    templates look `escape` up in their own module namespace; `from_code` is where a loader
    makes a template from that code, once per template and build."""

    @classmethod
    def from_code(
        cls,
        environment: Environment,
        code: CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> Template:
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = escape_text
        return template


def count(number: int, noun: str) -> str:
    """'1 event', '3 events': for templates."""
    return f"{number} {noun}{'s' if number != 1 else ''}"


class PageTemplates:
    """The page templates of one build, each compiled on first use and then reused."""

    def __init__(self, custom_dir: str | Path | None = None) -> None:
        folders = [str(custom_dir)] if custom_dir and Path(custom_dir).is_dir() else []
        folders.append(str(PACKAGE_TEMPLATES))
        self.environment = Environment(
            loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
            autoescape=True,
            # Each tag on a line of its own leaves no blank line behind, so a template reads
            # like the HTML it writes.
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # A misspelt name in a fork's template stops the build instead of showing nothing.
            undefined=StrictUndefined,
            auto_reload=False,
        )
        self.environment.template_class = PageTemplate
        self.environment.globals.update(
            count=count, search_off=Markup(SEARCH_OFF), search_on=Markup(SEARCH_ON)
        )
        self._templates: dict[str, Template] = {}

    def template(self, kind: str) -> Template:
        """`fragments/chronology/<kind>.html`, from custom_dir if the site has one there."""
        found = self._templates.get(kind)
        if found is None:
            found = self._templates[kind] = self.environment.get_template(f"{FRAGMENTS}/{kind}.html")
        return found

    def render(self, kind: str, context: dict[str, Any]) -> tuple[str, str]:
        """The page's HTML, and the part of it that search indexes (without the blocks the
        template put in `search_excluded`)."""
        return split_search_excluded(self.template(kind).render(context))


def split_search_excluded(rendered: str) -> tuple[str, str]:
    """(HTML without the markers, HTML without the marked blocks)."""
    if SEARCH_OFF not in rendered:
        return rendered, rendered
    chunks = rendered.split(SEARCH_OFF)
    shown, searched = [chunks[0]], [chunks[0]]
    for chunk in chunks[1:]:
        excluded, _, after = chunk.partition(SEARCH_ON)
        shown += (excluded, after)
        searched.append(after)
    return "".join(shown), "".join(searched)


@lru_cache(maxsize=1)
def package_templates() -> PageTemplates:
    """The shipped templates alone, for rendering outside a build (tests, scripts)."""
    return PageTemplates()
