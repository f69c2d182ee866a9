"""Model + index -> the text of each generated page. Pure functions, no MkDocs imports.

Event, entity, year, listing and source pages are written here as HTML (`RenderedPage`), not as
Markdown: their shape is fixed, and Python-Markdown parsing 30 MB of generated Markdown and
MkDocs checking every link in it made up half of a 10,000-event build (see benchmarks/README.md).
Their links are resolved here from the index, so they point at pages that exist; the built-site
tests check every link. The few pages that mix with hand-written Markdown or with Material's
tags listing stay `GeneratedPage` Markdown.

Every piece of text that comes from data goes through `html.escape` (the editorial annotation,
the one Markdown field, through `sanitize_annotation` first), so a title holding `<script>` or a
link to `javascript:` shows as text. Lists of links (backlinks, listings) and article texts are
left out of each page's `search_html`, what Material's search is given to index, so that search
finds what a page says, not every title it links to.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape, unescape
from typing import Any
from xml.etree.ElementTree import Element
from urllib.parse import quote, unquote

import markdown as python_markdown
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor

from .annotate import render_annotated_article
from .index import (
    EVENTS_FOLDER_YAML,
    SOURCES_INDEX_PATH,
    SOURCES_YAML,
    TAGS_PATH,
    TAGS_YAML,
    TIMELINE_PATH,
    YEARS_INDEX_PATH,
    ChronologyIndex,
    EntityKind,
    entity_index_path,
    entity_path,
    entity_yaml_path,
    event_path,
    event_yaml_path,
    neighbours,
    page_href,
    related_events,
    role_at,
    source_path,
    year_path,
)
from .model import (
    Article,
    Event,
    Organization,
    PartialDate,
    Person,
    Place,
    Quote,
    SourceRef,
    Treaty,
)

EVENT_SEARCH_BOOST = 2
"""Event pages rank above everything else in search results."""
LISTING_SEARCH_BOOST = 0.5
"""Listing pages (indexes, years, timeline) rank below the pages they list."""
SAFE_URL_SCHEMES = ("http", "https", "mailto")


@dataclass(frozen=True)
class GeneratedPage:
    """A Markdown page to add to the site: where it goes, its Markdown, and the file an edit
    should open. MkDocs converts it like a hand-written page."""

    path: str
    """Docs-relative path, e.g. `about/performance.md`."""
    markdown: str
    edit_path: str | None
    """Repository path of the YAML (or Markdown) file behind the page; a path ending in `/` is
    a folder, where the edit button opens the form for a new file in it."""


@dataclass(frozen=True)
class Heading:
    """A heading with an anchor, for the page's table of contents."""

    id: str
    title: str
    level: int = 2


@dataclass(frozen=True)
class RenderedPage:
    """A page whose HTML body is written here; MkDocs puts it in the theme without Markdown."""

    path: str
    """Docs-relative path, e.g. `events/1997-05-27-founding-act.md`."""
    title: str
    """Plain text; escaped wherever it is shown."""
    html: str
    edit_path: str | None
    """As `GeneratedPage.edit_path`."""
    search_html: str = ""
    """The part of `html` that Material's search indexes (see chrono.site.PrerenderedPage)."""
    meta: Mapping[str, Any] = field(default_factory=dict)
    """What front matter would hold: `search` (boost or exclude) and `tags` (display names)."""
    headings: tuple[Heading, ...] = ()
    linked_pages: tuple[str, ...] = ()
    """Docs pages that hand-written text (an annotation) links to; the rest of a page's links
    are made from the index. chrono.site checks these exist, as MkDocs checks Markdown links."""


@dataclass(frozen=True)
class Here:
    """The page being written, for links relative to it."""

    path: str
    directory_urls: bool = True

    def href(self, to_path: str) -> str:
        """The URL of a docs page (`people/x.md`) as seen from here, percent-encoded (an article
        file name may hold spaces or brackets) and escaped for an attribute."""
        return escape(quote(page_href(self.path, to_path, self.directory_urls), safe="/#"))


# ---------------------------------------------------------------- dates


def format_date(date: PartialDate, end: PartialDate | None = None, approximate: bool = False) -> str:
    """A date as a reader reads it: '15 May 1996', 'May 1996', '26–27 April 2017', 'c. 1999'."""
    text = _format_single(date)
    if end is not None and end != date:
        text = _format_range(date, end)
    return f"c. {text}" if approximate else text


def _format_single(date: PartialDate) -> str:
    if date.month is None:
        return str(date.year)
    month = calendar.month_name[date.month]
    return f"{month} {date.year}" if date.day is None else f"{date.day} {month} {date.year}"


def _format_range(start: PartialDate, end: PartialDate) -> str:
    if start.precision == end.precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {calendar.month_name[end.month or 1]} {end.year}"
        return f"{start.day} {calendar.month_name[start.month or 1]} – {_format_single(end)}"
    if start.precision == end.precision == "month" and start.year == end.year:
        return f"{calendar.month_name[start.month or 1]}–{_format_single(end)}"
    return f"{_format_single(start)} – {_format_single(end)}"


def format_event_date(event: Event) -> str:
    """An event's date as a reader reads it, with its end date and any 'c.'."""
    return format_date(event.date, event.end_date, event.approximate)


# ---------------------------------------------------------------- escaping

_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        # '|' has no backslash escape in Python-Markdown; as an entity it never starts a table.
        "|": "&#124;",
        **{char: "\\" + char for char in "\\`*_[]{}#!"},
    }
)
_BLOCK_START = re.compile(r"^([-+]|\d+[.)])")


def escape_markdown(text: str) -> str:
    """Text shown as text on one line of Markdown (the home page's milestones): no HTML, no
    Markdown or attribute-list markup takes effect."""
    text = " ".join(text.split()).translate(_ESCAPES)
    if text[:1] in "-+0123456789":
        # A line starting with '-', '+' or '1.' would become a list item.
        return _BLOCK_START.sub(lambda m: m[0][:-1] + "\\" + m[0][-1], text)
    return text


def text_html(text: str) -> str:
    """Text from data as HTML on one line: whitespace runs become one space, markup is escaped."""
    return escape(" ".join(text.split()))


def paragraphs_html(text: str) -> str:
    """Longer text as HTML paragraphs (blank-line separated in the data), markup escaped."""
    parts = (text_html(part) for part in re.split(r"\n\s*\n", text))
    return "\n".join(f"<p>{part}</p>" for part in parts if part)


_INLINE_DESTINATION = re.compile(r"\]\(\s*([^)\s]*)")
_REFERENCE_DEFINITION = re.compile(r"^( {0,3})\[([^\]\n]*)\]:[ \t]*(\S*)", re.M)
_CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def is_safe_url(url: str) -> bool:
    """A link target a reader may follow: http(s), mailto, or a relative path."""
    # Browsers drop tabs, newlines and other control characters inside a scheme.
    cleaned = _CONTROL_AND_SPACE.sub("", url).lower()
    cleaned = cleaned.removeprefix("&lt;").removeprefix("<")
    match = _SCHEME.match(cleaned)
    return match is None or match[1] in SAFE_URL_SCHEMES


def sanitize_annotation(markdown: str) -> str:
    """Editorial Markdown with emphasis and links kept, but no raw HTML, no attribute lists and
    no link to a `javascript:` (or any non-web) URL: such a link stays as plain text."""
    text = markdown.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("{", "\\{").replace("}", "\\}")

    def unlink_inline(match: re.Match[str]) -> str:
        # An escaped ']' stops Markdown from reading a link here; the text stays visible.
        return match[0] if is_safe_url(match[1]) else "\\" + match[0]

    def unlink_definition(match: re.Match[str]) -> str:
        return match[0] if is_safe_url(match[3]) else f"{match[1]}\\[{match[2]}\\]:" + match[0].split(":", 1)[1]

    text = _INLINE_DESTINATION.sub(unlink_inline, text)
    return _REFERENCE_DEFINITION.sub(unlink_definition, text)


class _AnnotationLinks(Treeprocessor):
    """The last word on an annotation's links, on the parsed tree rather than the text: a link
    to anything but a web or mail address loses its target (however the Markdown spelled it),
    an image becomes its alt text (no request to another site), and a relative link is resolved
    from the event's page, a `.md` file to that page's URL, as MkDocs does for Markdown pages."""

    def __init__(self, md: python_markdown.Markdown) -> None:
        super().__init__(md)
        self.here = Here("index.md")
        self.linked: list[str] = []

    def run(self, root: Element) -> None:
        for element in list(root.iter()):
            if element.tag == "img":
                alt = element.get("alt", "")
                element.clear()
                element.tag, element.text = "span", alt
            elif element.tag == "a" and "href" in element.attrib:
                self._resolve(element, unescape(element.get("href", "")))

    def _resolve(self, link: Element, url: str) -> None:
        if not is_safe_url(url):
            del link.attrib["href"]
            link.tag = "span"
            return
        link.set("href", url)
        if _SCHEME.match(url.strip().lower()) or url.startswith(("#", "/")):
            return
        path, hash_mark, fragment = url.partition("#")
        folder = self.here.path.rsplit("/", 1)[0] + "/" if "/" in self.here.path else ""
        target = _normalise(folder + unquote(path))
        self.linked.append(target or path)
        if target:
            link.set("href", unescape(self.here.href(target)) + hash_mark + fragment)


_ANNOTATION_MARKDOWN = python_markdown.Markdown()
"""One converter for every annotation (making one costs more than converting a paragraph)."""
_ANNOTATION_LINKS = _AnnotationLinks(_ANNOTATION_MARKDOWN)
_ANNOTATION_MARKDOWN.treeprocessors.register(_ANNOTATION_LINKS, "chrono_annotation_links", 1)


def annotation_html(annotation: str, here: Here) -> tuple[str, tuple[str, ...]]:
    """The editorial annotation, sanitized Markdown, as HTML, and the docs files it links to
    (relative links, resolved from the event's page); chrono.site reports any that is missing."""
    _ANNOTATION_LINKS.here, _ANNOTATION_LINKS.linked = here, []
    html = _ANNOTATION_MARKDOWN.reset().convert(sanitize_annotation(annotation))
    return html, tuple(_ANNOTATION_LINKS.linked)


def _normalise(path: str) -> str | None:
    """`events/../people/x.md` -> `people/x.md`; None if it climbs out of the docs folder."""
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def _url(url: str) -> str:
    """A web address as an escaped attribute value; spaces and quotes percent-encoded."""
    return escape(quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~"))


def _external_link(label: str, url: str | None) -> str:
    """A link to an outside page, or the label alone when the address is missing or unsafe."""
    if not url or not is_safe_url(url) or not _SCHEME.match(url.strip().lower()):
        return text_html(label)
    return f'<a href="{_url(url)}">{text_html(label)}</a>'


def _link(label: str, here: Here, to_path: str) -> str:
    return f'<a href="{here.href(to_path)}">{text_html(label)}</a>'


def _search_meta(*, boost: float, tags: Iterable[str] = ()) -> dict[str, Any]:
    """What front matter would say: Material's search boost and the tags of the page."""
    meta: dict[str, Any] = {"search": {"boost": boost}}
    tag_list = list(tags)
    if tag_list:
        meta["tags"] = tag_list
    return meta


class _Unsearched(str):
    """A part of a page that is shown but not given to search to index."""


def _search_excluded(parts: list[str]) -> list[str]:
    """A block of the page that search leaves out of its index (link lists, article texts).
    Cheaper than Material's `data-search-exclude`, whose blocks its search still parses."""
    return [_Unsearched("\n".join(['<div class="chrono-list">', *parts, "</div>"]))]


def _section_heading(title: str) -> str:
    """A section heading of a generated page: a level-2 heading to assistive technology, but no
    <h2>, because Material's search makes every <h2> a result of its own, and on these short
    pages such results only repeat the page (and double the size of the search index)."""
    return f'<p class="chrono-heading" role="heading" aria-level="2">{text_html(title)}</p>'


def _list(items: Iterable[str]) -> str:
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


def _page(
    here: Here,
    title: str,
    parts: list[str],
    edit_path: str | None,
    *,
    meta: Mapping[str, Any] | None = None,
    headings: tuple[Heading, ...] = (),
    linked_pages: tuple[str, ...] = (),
) -> RenderedPage:
    """A rendered page: its <h1> (the title, escaped) and the parts under it.
    The <h1> has an id and a permalink, and heads the table of contents, as Markdown's would."""
    anchor = slugify(title, "-") or "_1"
    permalink = f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a>'
    parts = [f'<h1 id="{anchor}">{text_html(title)}{permalink}</h1>', *parts]
    headings = (Heading(anchor, " ".join(title.split()), 1), *headings)
    html = "\n".join(parts) + "\n"
    searched = "\n".join(part for part in parts if not isinstance(part, _Unsearched)) + "\n"
    plain_title = " ".join(title.split())
    return RenderedPage(here.path, plain_title, html, edit_path, searched, meta or {}, headings, linked_pages)


# ---------------------------------------------------------------- shared pieces


def entity_name(index: ChronologyIndex, kind: EntityKind, entity_id: str) -> str:
    """The display name of an entity; its id when it is unknown (the validator reports that)."""
    table: dict[str, Person | Organization | Treaty | Place] = {
        "person": index.chronology.people,
        "organization": index.chronology.organizations,
        "treaty": index.chronology.treaties,
        "place": index.chronology.places,
    }[kind]  # type: ignore[assignment]
    entity = table.get(entity_id)
    return entity.name if entity is not None else entity_id


def _entity_link(index: ChronologyIndex, kind: EntityKind, entity_id: str, here: Here) -> str:
    return _link(entity_name(index, kind, entity_id), here, entity_path(kind, entity_id))


def _event_line(event: Event, here: Here, *, with_year: bool = True) -> str:
    """One list item's content: date and linked title."""
    when = format_event_date(event) if with_year else _format_without_year(event)
    return f"{when}: {_link(event.title, here, event_path(event.id))}"


def _format_without_year(event: Event) -> str:
    """'15 May', 'May', '26–27 April' for lists already grouped by year."""
    text = format_event_date(event)
    year = str(event.date.year)
    if text.endswith(" " + year) and (event.end_date is None or event.end_date.year == event.date.year):
        text = text[: -len(year) - 1]
    return text or year


def person_role(index: ChronologyIndex, event: Event, person_id: str) -> str | None:
    """The role a person held at the time of an event: as the event says, else from their roles."""
    for person in event.people:
        if person.id == person_id and person.role:
            return person.role
    person_entry = index.chronology.people.get(person_id)
    return role_at(person_entry, event.date) if person_entry else None


def _speaker(index: ChronologyIndex, event: Event, quote_: Quote, here: Here) -> str:
    kind = index.speaker_kind(quote_.speaker)
    if kind is None:
        return text_html(quote_.speaker)
    link = _entity_link(index, kind, quote_.speaker, here)
    role = person_role(index, event, quote_.speaker) if kind == "person" else None
    return f"{link}, {text_html(role)}" if role else link


def _blockquote(text: str, attribution: str) -> str:
    """A quote as a block quote with its attribution under it."""
    return f"<blockquote>\n{paragraphs_html(text)}\n<p>— {attribution}</p>\n</blockquote>"


# ---------------------------------------------------------------- event page


def render_event_page(event: Event, index: ChronologyIndex, *, directory_urls: bool = True) -> RenderedPage:
    """One event: when, where, what, who said what, where it was reported and how it was dated."""
    here = Here(event_path(event.id), directory_urls)
    chronology = index.chronology
    tag_names = [chronology.tags[t].name if t in chronology.tags else t for t in event.tags]

    facts = [f"<strong>{format_event_date(event)}</strong>"]
    if event.place:
        facts.append(_entity_link(index, "place", event.place, here))
    facts.append(_link(str(event.date.year), here, year_path(event.date.year)))
    parts = [f'<p class="chrono-when">{" · ".join(facts)}</p>', paragraphs_html(event.summary)]

    linked: tuple[str, ...] = ()
    if event.annotation:
        note, linked = annotation_html(event.annotation, here)
        parts.append(
            '<div class="admonition note chrono-annotation">\n'
            f'<p class="admonition-title">Editorial note</p>\n{note}\n</div>'
        )
    if event.people:
        items = []
        for person in event.people:
            role = person_role(index, event, person.id)
            link = _entity_link(index, "person", person.id, here)
            items.append(f"{link}, {text_html(role)}" if role else link)
        parts += [_section_heading("People"), _list(items)]
    if event.organizations:
        parts += [_section_heading("Organizations"), _list(_organization_label(index, o, here) for o in event.organizations)]
    if event.treaties:
        parts += [_section_heading("Treaties"), _list(_treaty_label(index, t, here) for t in event.treaties)]
    if event.quotes:
        parts.append(_section_heading("Quotes"))
        parts += [_blockquote(q.text, _speaker(index, event, q, here)) for q in event.quotes]
    # What follows helps a reader check and move on, but is not what a search looks for.
    tail = []
    if event.sources:
        tail += [_section_heading("Sources"), _list(_source_line(index, s, here) for s in event.sources)]
    tail += _date_basis_section(event)
    related = related_events(index, event)
    if related:
        tail += [_section_heading("Related events"), _list(_event_line(other, here) for other in related)]
    tail += _entry_status(event)
    tail += _previous_next(index, event, here)
    parts += _search_excluded(tail)
    meta = _search_meta(boost=EVENT_SEARCH_BOOST, tags=tag_names)
    return _page(here, event.title, parts, event_yaml_path(event.id), meta=meta, linked_pages=linked)


def _with_abbreviation(label: str, entity: Organization | Treaty | None) -> str:
    """`label (ABBR)` when the entity has an abbreviation that is not its whole name."""
    if entity and entity.abbreviation and entity.abbreviation != entity.name:
        return f"{label} ({text_html(entity.abbreviation)})"
    return label


def _organization_label(index: ChronologyIndex, org_id: str, here: Here) -> str:
    link = _entity_link(index, "organization", org_id, here)
    return _with_abbreviation(link, index.chronology.organizations.get(org_id))


def _treaty_label(index: ChronologyIndex, treaty_id: str, here: Here) -> str:
    link = _entity_link(index, "treaty", treaty_id, here)
    return _with_abbreviation(link, index.chronology.treaties.get(treaty_id))


def _source_line(index: ChronologyIndex, source: SourceRef, here: Here) -> str:
    """Publisher, date, the original and (for articles in seeds/) the source page here."""
    article = index.chronology.articles.get(source.article) if source.article else None
    publisher = source.publisher or (article.publisher if article else None)
    published = source.published or (article.published if article else None)
    url = source.url or (article.url if article else None)
    title = source.title or (article_title(article) if article else None)
    parts = [text_html(publisher or "Unknown publisher")]
    if published:
        parts.append(_format_iso(published))
    if title:
        parts.append(f"“{text_html(title)}”")
    links = []
    if url and is_safe_url(url):
        links.append(_external_link("original", url))
    if article is not None:
        links.append(_link("source page", here, source_path(article.file)))
    text = ", ".join(parts)
    return f"{text} ({' · '.join(links)})" if links else text


def _plain_iso(text: str) -> str:
    """An ISO date from data as a reader reads it; the text itself if it is not one."""
    try:
        return format_date(PartialDate.parse(text))
    except ValueError:
        return text


def _format_iso(text: str) -> str:
    """`_plain_iso` as HTML."""
    return text_html(_plain_iso(text))


def _date_basis_section(event: Event) -> list[str]:
    basis = event.date_basis
    if basis is None:
        return []
    sentence = f"The source says “{text_html(basis.phrase)}”"
    if basis.anchor:
        sentence += f", read against {_format_iso(basis.anchor)}"
    if basis.rule:
        sentence += f" ({text_html(basis.rule)})"
    sentence += f", which gives {format_event_date(event)}."
    return [_section_heading("How the date was found"), f"<p>{sentence}</p>"]


def _entry_status(event: Event) -> list[str]:
    origin = "Drawn from a source by the extractor" if event.provenance == "extracted" else "Curated by hand"
    state = "reviewed by a person" if event.status == "reviewed" else "not yet reviewed"
    parts = [f'<p class="chrono-status">{origin}; {state}.</p>']
    if event.review:
        parts += ["<p>To check:</p>", _list(text_html(reason) for reason in event.review)]
    return parts


def _previous_next(index: ChronologyIndex, event: Event, here: Here) -> list[str]:
    previous, following = neighbours(index, event)
    if not (previous or following):
        return []
    lines = []
    if previous:
        lines.append(f"Previous: {_link(previous.title, here, event_path(previous.id))} ({format_event_date(previous)})")
    if following:
        lines.append(f"Next: {_link(following.title, here, event_path(following.id))} ({format_event_date(following)})")
    return ["<hr>", "<p>" + "<br>\n".join(lines) + "</p>"]


# ---------------------------------------------------------------- entity pages


def _names_line(aliases: Iterable[str]) -> list[str]:
    names = [text_html(alias) for alias in aliases]
    return [f"<p>Also known as: {', '.join(names)}</p>"] if names else []


def _wikidata_line(wikidata: str | None) -> list[str]:
    if not wikidata:
        return []
    link = _external_link(wikidata, f"https://www.wikidata.org/wiki/{quote(wikidata)}")
    return [f"<p>Wikidata: {link}</p>"]


def _appearances(index: ChronologyIndex, kind: EntityKind, entity_id: str, here: Here) -> list[str]:
    """Every event the entity appears in, in date order, with the quotes it gave there."""
    events = index.events_of(kind, entity_id)
    heading = _section_heading(f"Events ({len(events)})")
    if not events:
        return [heading, "<p><em>No events yet.</em></p>"]
    quotes: dict[str, list[Quote]] = {}
    for event, quote_ in index.quotes_by_speaker.get(entity_id, []):
        quotes.setdefault(event.id, []).append(quote_)
    items = []
    for event in events:
        line = _event_line(event, here)
        if kind == "person" and (role := person_role(index, event, entity_id)):
            line += f", as {text_html(role)}"
        said = quotes.get(event.id)
        if said:
            # Each quote its own item under the event.
            line += "\n" + _list(f"“{text_html(q.text)}”" for q in said)
        items.append(line)
    return _search_excluded([heading, _list(items)])


def render_person_page(person: Person, index: ChronologyIndex, *, directory_urls: bool = True) -> RenderedPage:
    """A person: names, roles over time, and every event they appear in with their quotes."""
    here = Here(entity_path("person", person.id), directory_urls)
    parts = _names_line(person.aliases)
    if person.description:
        parts.append(paragraphs_html(person.description))
    parts += _wikidata_line(person.wikidata)
    if person.roles:
        items = []
        for role in person.roles:
            span = _span(role.start, role.end)
            items.append(text_html(role.title) + (f", {span}" if span else ""))
        parts += [_section_heading("Roles over time"), _list(items)]
    parts += _appearances(index, "person", person.id, here)
    return _page(here, person.name, parts, entity_yaml_path("person"))


def _span(start: PartialDate | None, end: PartialDate | None) -> str:
    if start and end:
        return f"{format_date(start)} – {format_date(end)}"
    if start:
        return f"from {format_date(start)}"
    if end:
        return f"until {format_date(end)}"
    return ""


def render_organization_page(org: Organization, index: ChronologyIndex, *, directory_urls: bool = True) -> RenderedPage:
    """An organization: names, what it is, and every event it appears in with its statements."""
    here = Here(entity_path("organization", org.id), directory_urls)
    parts = _names_line(org.aliases)
    if org.description:
        parts.append(paragraphs_html(org.description))
    if org.url:
        parts.append(f"<p>Website: {_external_link(org.url, org.url)}</p>")
    parts += _wikidata_line(org.wikidata)
    parts += _appearances(index, "organization", org.id, here)
    return _page(here, _plain_with_abbreviation(org), parts, entity_yaml_path("organization"))


def _plain_with_abbreviation(entity: Organization | Treaty) -> str:
    if entity.abbreviation and entity.abbreviation != entity.name:
        return f"{entity.name} ({entity.abbreviation})"
    return entity.name


def render_treaty_page(treaty: Treaty, index: ChronologyIndex, *, directory_urls: bool = True) -> RenderedPage:
    """A treaty: full name and abbreviation, key dates, parties, and every event it appears in."""
    here = Here(entity_path("treaty", treaty.id), directory_urls)
    parts = _names_line(treaty.aliases)
    if treaty.description:
        parts.append(paragraphs_html(treaty.description))
    key_dates = [
        ("Signed", treaty.signed),
        ("In force", treaty.in_force),
        ("Suspended", treaty.suspended),
        ("Ended", treaty.ended),
    ]
    known = [(label, date) for label, date in key_dates if date is not None]
    if known:
        parts += [_section_heading("Key dates"), _list(f"{label}: {format_date(date)}" for label, date in known)]
    if treaty.parties:
        parts += [_section_heading("Parties"), f"<p>{', '.join(text_html(p) for p in treaty.parties)}</p>"]
    parts += _wikidata_line(treaty.wikidata)
    parts += _appearances(index, "treaty", treaty.id, here)
    return _page(here, _plain_with_abbreviation(treaty), parts, entity_yaml_path("treaty"))


def render_place_page(place: Place, index: ChronologyIndex, *, directory_urls: bool = True) -> RenderedPage:
    """A place: where it is, and every event that happened there."""
    here = Here(entity_path("place", place.id), directory_urls)
    parts = _names_line(place.aliases)
    where = []
    if place.country:
        where.append(text_html(place.country))
    if place.latitude is not None and place.longitude is not None:
        where.append(f"{place.latitude:.4g}, {place.longitude:.4g}")
    if where:
        parts.append(f"<p>{' · '.join(where)}</p>")
    if place.description:
        parts.append(paragraphs_html(place.description))
    parts += _wikidata_line(place.wikidata)
    parts += _appearances(index, "place", place.id, here)
    return _page(here, place.name, parts, entity_yaml_path("place"))


_ENTITY_HEADINGS: dict[EntityKind, tuple[str, str]] = {
    "person": ("People", "Everyone named in an event, with the offices they held."),
    "organization": ("Organizations", "Alliances, governments, ministries and other bodies."),
    "treaty": ("Treaties", "Agreements, charters and treaties, with their key dates."),
    "place": ("Places", "Where events happened."),
}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def render_entity_index(kind: EntityKind, index: ChronologyIndex, *, directory_urls: bool = True) -> RenderedPage:
    """The page listing every entity of a kind by name, with the number of events of each."""
    here = Here(entity_index_path(kind), directory_urls)
    heading, intro = _ENTITY_HEADINGS[kind]
    table = {
        "person": index.chronology.people,
        "organization": index.chronology.organizations,
        "treaty": index.chronology.treaties,
        "place": index.chronology.places,
    }[kind]
    entries = sorted(table.values(), key=lambda e: (e.name.casefold(), e.id))  # type: ignore[attr-defined]
    items = []
    for entry in entries:
        label = _link(entry.name, here, entity_path(kind, entry.id))  # type: ignore[attr-defined]
        if isinstance(entry, (Organization, Treaty)):
            label = _with_abbreviation(label, entry)
        count = len(index.events_of(kind, entry.id))  # type: ignore[attr-defined]
        items.append(f"{label} — {_count(count, 'event')}")
    parts = [f"<p>{intro}</p>"]
    parts += _search_excluded([_list(items)]) if items else ["<p><em>None yet.</em></p>"]
    return _page(here, heading, parts, entity_yaml_path(kind), meta=_search_meta(boost=LISTING_SEARCH_BOOST))


# ---------------------------------------------------------------- years and timeline


def render_year_page(year: int, index: ChronologyIndex, *, directory_urls: bool = True) -> RenderedPage:
    """One year's events in date order, each with its summary."""
    here = Here(year_path(year), directory_urls)
    years = sorted(index.by_year)
    position = years.index(year)
    events = index.by_year.get(year, [])
    parts = [f"<p>{_count(len(events), 'event')}.</p>"]
    items = []
    for event in events:
        title = _link(event.title, here, event_path(event.id))
        item = f"<p>{_format_without_year(event)}: <strong>{title}</strong>{_place_suffix(index, event, here)}</p>"
        items.append(item + "\n" + paragraphs_html(event.summary))
    parts += _search_excluded([_list(items)])
    around = []
    if position > 0:
        around.append(f"Previous year: {_link(str(years[position - 1]), here, year_path(years[position - 1]))}")
    if position + 1 < len(years):
        around.append(f"Next year: {_link(str(years[position + 1]), here, year_path(years[position + 1]))}")
    if around:
        parts += ["<hr>", f"<p>{' · '.join(around)}</p>"]
    meta = _search_meta(boost=LISTING_SEARCH_BOOST)
    return _page(here, str(year), parts, EVENTS_FOLDER_YAML, meta=meta)


def _place_suffix(index: ChronologyIndex, event: Event, here: Here) -> str:
    return f" · {_entity_link(index, 'place', event.place, here)}" if event.place else ""


def render_years_index(index: ChronologyIndex, *, directory_urls: bool = True) -> RenderedPage:
    """Every year that has events, with how many."""
    here = Here(YEARS_INDEX_PATH, directory_urls)
    items = [
        f"{_link(str(year), here, year_path(year))} — {_count(len(index.by_year[year]), 'event')}"
        for year in sorted(index.by_year)
    ]
    parts = _search_excluded([_list(items)]) if items else ["<p><em>No events yet.</em></p>"]
    return _page(here, "Years", parts, EVENTS_FOLDER_YAML, meta=_search_meta(boost=LISTING_SEARCH_BOOST))


def render_timeline_page(index: ChronologyIndex, *, directory_urls: bool = True) -> RenderedPage:
    """All events grouped by year, one line each, with a table of contents of the years."""
    here = Here(TIMELINE_PATH, directory_urls)
    count = len(index.chronology.events)
    parts = [f"<p>All {count} events, oldest first. Each year's page has the summaries.</p>"]
    headings = []
    for year in sorted(index.by_year):
        anchor = f"y{year}"
        headings.append(Heading(anchor, str(year)))
        # The heading stays outside the excluded block: Material's search would otherwise index
        # an untitled section under the page's title.
        parts.append(
            f'<h2 id="{anchor}">{_link(str(year), here, year_path(year))}'
            f'<a class="headerlink" href="#{anchor}" title="Permanent link">&para;</a></h2>'
        )
        parts += _search_excluded([_list(_event_line(e, here, with_year=False) for e in index.by_year[year])])
    if not index.by_year:
        parts.append("<p><em>No events yet.</em></p>")
    meta = _search_meta(boost=LISTING_SEARCH_BOOST)
    return _page(here, "Timeline", parts, EVENTS_FOLDER_YAML, meta=meta, headings=tuple(headings))


def render_milestones(index: ChronologyIndex, prefix: str = "") -> str:
    """The curated events (the editors' milestones) as a compact Markdown list for the home page,
    links relative to `prefix`; every event when none is curated yet. Its length grows with
    curation, not with extraction."""
    events = [e for e in index.chronology.events if e.provenance == "curated"]
    events = events or list(index.chronology.events)
    if not events:
        return "_No events yet._\n"
    lines = [f"- {format_event_date(e)}: [{escape_markdown(e.title)}]({prefix}{event_path(e.id)})" for e in events]
    return "\n".join(['<div class="chrono-list" data-search-exclude markdown>', "", *lines, "", "</div>", ""])


# ---------------------------------------------------------------- sources and tags


def render_source_page(article: Article, index: ChronologyIndex, *, directory_urls: bool = True) -> RenderedPage:
    """An article in `seeds/`: its publication facts, every event drawn from it, and its text."""
    here = Here(source_path(article.file), directory_urls)
    title = article_title(article)
    facts = [f"Title: {text_html(title)}"] if title else []
    facts.append(f"Publisher: {text_html(article.publisher or 'unknown')}")
    facts.append(f"Published: {_format_iso(article.published) if article.published else 'unknown'}")
    if article.url:
        facts.append(f"Original: {_external_link(article.url, article.url)}")
    facts.append(f"File: <code>seeds/{text_html(article.file)}</code>")
    if article.note:
        facts.append(f"Note: {text_html(article.note)}")
    parts = [_list(facts)]
    events = index.by_article.get(article.file, [])
    heading = _section_heading(f"Events drawn from this article ({len(events)})")
    if events:
        parts += _search_excluded([heading, _list(_event_line(e, here) for e in events)])
    else:
        parts += [heading, "<p><em>None yet.</em></p>"]
    # The text stays out of the search index: the events drawn from it are found instead, and
    # the articles would otherwise make up most of the index.
    text = render_annotated_article(article, events, index, here.path, directory_urls=directory_urls)
    parts += _search_excluded([_section_heading("Text"), text])
    # Listed with the other raw material: below the events drawn from it in search results.
    meta = _search_meta(boost=LISTING_SEARCH_BOOST)
    published = _plain_iso(article.published) if article.published else "date unknown"
    heading_text = f"{article.publisher or 'Unknown publisher'}, {published}"
    return _page(here, heading_text, parts, SOURCES_YAML, meta=meta)


def article_title(article: Article) -> str | None:
    """The article's title when sources.yml gives one; the first line of a scraped page is
    often a banner ("Get the latest updates"), so it is not taken for a title."""
    first_line = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
    if not article.title or article.title == first_line[:200]:
        return None
    return article.title


def render_sources_index(index: ChronologyIndex, *, directory_urls: bool = True) -> RenderedPage:
    """Every article in `seeds/` with its publisher, date and number of events."""
    here = Here(SOURCES_INDEX_PATH, directory_urls)
    articles = sorted(index.chronology.articles.values(), key=lambda a: (a.published or "", a.file))
    items = []
    for article in articles:
        count = len(index.by_article.get(article.file, []))
        when = _format_iso(article.published) if article.published else "date unknown"
        publisher = text_html(article.publisher or "unknown publisher")
        link = _link(article_title(article) or article.file, here, source_path(article.file))
        items.append(f"{when}, {publisher}: {link} — {_count(count, 'event')}")
    parts = ["<p>The articles the extracted events are drawn from, with their publication facts.</p>"]
    parts += _search_excluded([_list(items)]) if items else ["<p><em>No articles yet.</em></p>"]
    return _page(here, "Sources", parts, SOURCES_YAML, meta=_search_meta(boost=LISTING_SEARCH_BOOST))


def render_tags_page(index: ChronologyIndex) -> GeneratedPage:
    """What each tag means, then Material's listing of the pages under each tag. Markdown, as
    Material's tags plugin writes its listing where the page's Markdown has its marker."""
    lines = ["---", "search:", "  exclude: true", "---", "", "# Tags", ""]
    for tag in sorted(index.chronology.tags.values(), key=lambda t: t.name.casefold()):
        count = len(index.by_tag.get(tag.id, []))
        text = f"- **{escape_markdown(tag.name)}** ({count})"
        if tag.description:
            text += f": {escape_markdown(tag.description)}"
        lines.append(text)
    lines += ["", "<!-- material/tags -->", ""]
    return GeneratedPage(TAGS_PATH, "\n".join(lines) + "\n", TAGS_YAML)


def render_all_pages(index: ChronologyIndex, *, directory_urls: bool = True) -> list[RenderedPage | GeneratedPage]:
    """Every generated page of the site except the home page, in a stable order."""
    chronology = index.chronology
    urls = {"directory_urls": directory_urls}
    pages: list[RenderedPage | GeneratedPage] = [render_event_page(e, index, **urls) for e in chronology.events]
    pages += [render_person_page(p, index, **urls) for p in chronology.people.values()]
    pages += [render_organization_page(o, index, **urls) for o in chronology.organizations.values()]
    pages += [render_treaty_page(t, index, **urls) for t in chronology.treaties.values()]
    pages += [render_place_page(p, index, **urls) for p in chronology.places.values()]
    pages += [render_entity_index(kind, index, **urls) for kind in ("person", "organization", "treaty", "place")]
    pages += [render_year_page(year, index, **urls) for year in sorted(index.by_year)]
    pages += [render_years_index(index, **urls), render_timeline_page(index, **urls)]
    pages += [render_source_page(article, index, **urls) for article in chronology.articles.values()]
    pages += [render_sources_index(index, **urls), render_tags_page(index)]
    return pages
