"""Model + index -> what is on each generated page. Pure functions, no MkDocs imports.

Event, entity, year, listing and source pages are HTML (`RenderedPage`), not Markdown: their
shape is fixed, and Python-Markdown parsing 30 MB of generated Markdown and MkDocs checking every
link in it made up half of a 10,000-event build (see benchmarks/README.md). This module decides
what a page holds and hands it, as a small context, to its Jinja template,
`chrono/templates/fragments/chronology/<kind>.html`, which a site can replace from its
`custom_dir` (chrono.templating). It writes no HTML itself: the templates escape every value
(autoescape), and the editorial annotation, the one Markdown field, is sanitized here
(`sanitize_annotation`) before it is rendered. Links are resolved here from the index, so they
point at pages that exist; the built-site tests check every link. The few pages that mix with
hand-written Markdown or with Material's tags listing stay `GeneratedPage` Markdown.

Lists of links (backlinks, listings) and article texts are put by the templates in
`search_excluded` blocks, left out of each page's `search_html`, what Material's search is given
to index, so that search finds what a page says, not every title it links to.

Context values are plain text on one line (`oneline`) or lists of paragraphs (`paragraphs`);
hrefs are relative to the page and percent-encoded, not HTML-escaped (the template does that).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from html import unescape
from typing import Any, NamedTuple
from urllib.parse import quote, unquote, urlsplit
from xml.etree.ElementTree import Element

import markdown as python_markdown
from markdown.extensions.toc import slugify
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from .annotate import LEGEND, find_highlights, render_annotated_text
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
    page_url,
    related_events,
    role_at,
    source_path,
    speaker_side,
    year_path,
)
from .model import (
    SIDES,
    Article,
    Event,
    MissingStatement,
    Organization,
    PartialDate,
    Person,
    Place,
    Quote,
    Role,
    Side,
    SourceRef,
    Treaty,
)
from .templating import PageTemplates, package_templates

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
    abbreviations: tuple[str, ...] = ()
    """Abbreviations of what the page is about (its treaties and organizations: "INF", "NRC"),
    indexed by search in a field of their own that outweighs a title (chrono.site): Material
    looks for "INF*", and a title word it starts, "Information", would otherwise rank first."""


@dataclass(frozen=True)
class Here:
    """The page being written, for links relative to it."""

    path: str
    directory_urls: bool = True

    @cached_property
    def _up(self) -> str:
        """From here to the site's root: `../../` from `events/x/`."""
        return "../" * page_url(self.path, self.directory_urls).count("/")

    def href(self, to_path: str) -> str:
        """The URL of a docs page (`people/x.md`) as seen from here, percent-encoded (an article
        file name may hold spaces or brackets); the template escapes it for the attribute.
        As `page_href`, with each page's own URL worked out once: a page is linked from many."""
        return self._up + _quoted_page_url(to_path, self.directory_urls) or "./"

    def link(self, text: str, to_path: str) -> Link:
        """A link to a docs page, its text on one line."""
        return Link(oneline(text), self.href(to_path))


@lru_cache(maxsize=1 << 16)
def _quoted_page_url(path: str, directory_urls: bool) -> str:
    return quote(page_url(path, directory_urls), safe="/#")


class Link(NamedTuple):
    """A link as a template shows it: its text, and where it goes (None: the text alone, for an
    address that is missing or not safe to follow)."""

    text: str
    href: str | None = None


class Mention(NamedTuple):
    """An entity named on a page, with what is said next to its name."""

    link: Link
    role: str | None = None
    """A person's office at the time of the event."""
    abbreviation: str | None = None
    """An organization's or treaty's, when it is not its whole name."""


class EventLine(NamedTuple):
    """An event in a list: its date as the list needs it and a link to its page."""

    when: str
    link: Link


# ---------------------------------------------------------------- dates


_MONTHS = tuple(calendar.month_name)
"""Read once: `calendar.month_name[i]` formats a date with strftime on every lookup."""


@lru_cache(maxsize=1 << 14)
def format_date(date: PartialDate, end: PartialDate | None = None, approximate: bool = False) -> str:
    """A date as a reader reads it: '15 May 1996', 'May 1996', '26–27 April 2017', 'c. 1999'.
    Cached: each event's date is shown on its page, its neighbours', its year and its lists."""
    text = _format_single(date)
    if end is not None and end != date:
        text = _format_range(date, end)
    return f"c. {text}" if approximate else text


def _format_single(date: PartialDate) -> str:
    if date.month is None:
        return str(date.year)
    month = _MONTHS[date.month]
    return f"{month} {date.year}" if date.day is None else f"{date.day} {month} {date.year}"


def _format_range(start: PartialDate, end: PartialDate) -> str:
    if start.precision == end.precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {_MONTHS[end.month or 1]} {end.year}"
        return f"{start.day} {_MONTHS[start.month or 1]} – {_format_single(end)}"
    if start.precision == end.precision == "month" and start.year == end.year:
        return f"{_MONTHS[start.month or 1]}–{_format_single(end)}"
    return f"{_format_single(start)} – {_format_single(end)}"


def format_event_date(event: Event) -> str:
    """An event's date as a reader reads it, with its end date and any 'c.'."""
    return format_date(event.date, event.end_date, event.approximate)


# ---------------------------------------------------------------- text and links

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


def oneline(text: str) -> str:
    """Text from data on one line: whitespace runs become one space (the template escapes it)."""
    return " ".join(text.split())


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[str]:
    """Longer text as its paragraphs (blank-line separated in the data), each on one line."""
    return [part for part in map(oneline, _PARAGRAPH_BREAK.split(text)) if part]


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
            link.set("href", self.here.href(target) + hash_mark + fragment)


_ANNOTATION_MARKDOWN = python_markdown.Markdown()
"""One converter for every annotation (making one costs more than converting a paragraph)."""
_ANNOTATION_LINKS = _AnnotationLinks(_ANNOTATION_MARKDOWN)
_ANNOTATION_MARKDOWN.treeprocessors.register(_ANNOTATION_LINKS, "chrono_annotation_links", 1)


def annotation_html(annotation: str, here: Here) -> tuple[Markup, tuple[str, ...]]:
    """The editorial annotation, sanitized Markdown, as HTML (marked safe for the template: its
    raw HTML was escaped by `sanitize_annotation`), and the docs files it links to (relative
    links, resolved from the event's page); chrono.site reports any that is missing."""
    _ANNOTATION_LINKS.here, _ANNOTATION_LINKS.linked = here, []
    html = _ANNOTATION_MARKDOWN.reset().convert(sanitize_annotation(annotation))
    return Markup(html), tuple(_ANNOTATION_LINKS.linked)


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
    """A web address for an href: spaces and quotes percent-encoded (the template escapes it)."""
    return quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~")


def external_link(label: str, url: str | None) -> Link:
    """A link to an outside page; the label alone when the address is missing or unsafe."""
    if not url or not is_safe_url(url) or not _SCHEME.match(url.strip().lower()):
        return Link(oneline(label))
    return Link(oneline(label), _url(url))


def _search_meta(*, boost: float, tags: Iterable[str] = ()) -> dict[str, Any]:
    """What front matter would say: Material's search boost and the tags of the page."""
    meta: dict[str, Any] = {"search": {"boost": boost}}
    tag_list = list(tags)
    if tag_list:
        meta["tags"] = tag_list
    return meta


def _page(
    kind: str,
    here: Here,
    title: str,
    context: dict[str, Any],
    edit_path: str | None,
    templates: PageTemplates | None,
    *,
    meta: Mapping[str, Any] | None = None,
    headings: tuple[Heading, ...] = (),
    linked_pages: tuple[str, ...] = (),
    abbreviations: tuple[str, ...] = (),
) -> RenderedPage:
    """A page rendered from `fragments/chronology/<kind>.html`. Every template is given the
    page's title (plain text, one line) and the id of its <h1>, which heads the table of
    contents, as Markdown's would."""
    plain_title = oneline(title)
    anchor = slugify(title, "-") or "_1"
    context["title"], context["anchor"] = plain_title, anchor
    html, searched = (templates or package_templates()).render(kind, context)
    headings = (Heading(anchor, plain_title, 1), *headings)
    return RenderedPage(
        here.path, plain_title, html, edit_path, searched, meta or {}, headings, linked_pages, abbreviations
    )


# ---------------------------------------------------------------- shared pieces

_ENTITY_TABLES: dict[EntityKind, str] = {
    "person": "people",
    "organization": "organizations",
    "treaty": "treaties",
    "place": "places",
}


def entity_name(index: ChronologyIndex, kind: EntityKind, entity_id: str) -> str:
    """The display name of an entity; its id when it is unknown (the validator reports that)."""
    entity = getattr(index.chronology, _ENTITY_TABLES[kind]).get(entity_id)
    return entity.name if entity is not None else entity_id


def _entity_link(index: ChronologyIndex, kind: EntityKind, entity_id: str, here: Here) -> Link:
    return here.link(entity_name(index, kind, entity_id), entity_path(kind, entity_id))


def _event_line(event: Event, here: Here, *, with_year: bool = True) -> EventLine:
    """An event in a list: its date and linked title."""
    when = format_event_date(event) if with_year else _format_without_year(event)
    return EventLine(when, here.link(event.title, event_path(event.id)))


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


def _abbreviation(entity: Organization | Treaty | None) -> str | None:
    """The entity's abbreviation when it is not its whole name."""
    if entity and entity.abbreviation and entity.abbreviation != entity.name:
        return oneline(entity.abbreviation)
    return None


class QuoteView(NamedTuple):
    """A quote on an event page: its paragraphs, who said it, in what office, and where."""

    paragraphs: list[str]
    speaker: Link
    """To the speaker's page; the id alone when it names no person or organization."""
    role: str | None
    """As the quote gives it, else the office the speaker held at the time of the event."""
    side: Side | None
    """From the speaker's person or organization entry; None when it names none."""
    source: SourceLine | None
    """The quote's own source, else the event's first (shown on the both-sides view)."""
    lang: str | None = None
    """The language of the words as written (`ru`), for the page's `lang` attribute."""
    translation: list[str] = []
    """An English translation's paragraphs, empty when there is none."""
    translator: str | None = None
    """Who translated: a source's name, or None for the project's own translation."""


def _quote_view(
    index: ChronologyIndex, event: Event, quote_: Quote, here: Here, event_source: SourceLine | None
) -> QuoteView:
    """`event_source`: where a quote without a source of its own is reported (the event's
    first source), or None to leave every quote's source out."""
    kind = index.speaker_kind(quote_.speaker)
    source = None
    if event_source is not None:
        source = _source_line(index, quote_.source, here) if quote_.source else event_source
    words = {
        "lang": quote_.lang if quote_.lang and quote_.lang != "en" else None,
        "translation": paragraphs(quote_.translation) if quote_.translation else [],
        "translator": _opt(quote_.translation_source),
    }
    if kind is None:
        return QuoteView(paragraphs(quote_.text), Link(oneline(quote_.speaker)), _opt(quote_.role), None, source, **words)
    role = quote_.role or (person_role(index, event, quote_.speaker) if kind == "person" else None)
    speaker = _entity_link(index, kind, quote_.speaker, here)
    side = speaker_side(index, quote_.speaker)
    return QuoteView(paragraphs(quote_.text), speaker, _opt(role), side, source, **words)


def _opt(text: str | None) -> str | None:
    return oneline(text) if text else None


SIDE_LABELS: dict[str, str] = {
    "nato": "NATO and allies",
    "russia": "Russia",
    "other": "Others",
    "unrecorded": "Side not recorded",
}
"""The heading of each side's column on an event page. A speaker whose entry names no side is
not counted among "Others" (who spoke for neither): their quotes get a column of their own."""


class SideGroup(NamedTuple):
    """One column of the both-sides view: a side and what its speakers said."""

    key: str
    """`nato`, `russia`, `other` or `unrecorded`."""
    label: str
    quotes: list[QuoteView]
    missing: str | None = None
    """For a side nobody quotes: the event's note on why (`statements_missing`), else None."""


class DoubtLine(NamedTuple):
    """A field the extractor is unsure of, as a reader names it, and why."""

    field: str
    reason: str


def describe_doubt(path: str, event: Event) -> str:
    """`quotes[2].speaker` -> 'The speaker of quote 3 (“We will not …”)'."""
    match = re.match(r"^(?P<field>[a-z_]+)(?:\[(?P<index>\d+)\])?", path)
    if match is None:
        return path
    field, index = match["field"], match["index"]
    if field == "quotes" and index is not None and int(index) < len(event.quotes):
        words = event.quotes[int(index)].text.split()
        opening = " ".join(words[:6]) + (" …" if len(words) > 6 else "")
        return f"The speaker of quote {int(index) + 1} (“{opening}”)"
    if field == "people" and index is not None and int(index) < len(event.people):
        return f"Person {int(index) + 1} ({event.people[int(index)].id})"
    return {"date": "The date", "place": "The place", "title": "The title", "summary": "The summary"}.get(field, path)


def group_by_side(quotes: list[QuoteView], missing: tuple[MissingStatement, ...] = ()) -> list[SideGroup]:
    """The quotes side by side: NATO and allies, then Russia (both shown, empty or not, as soon
    as one quote has a side or the event notes a side's statement as not found), then others
    and the quotes whose speaker has no side, if any. None of it when no speaker has a side and
    nothing is noted: the quotes stay one list, as before sides existed."""
    if not any(q.side for q in quotes) and not missing:
        return []
    notes = {m.side: oneline(m.note) for m in missing}
    groups = []
    for key in (*SIDES, "unrecorded"):
        said = [q for q in quotes if (q.side or "unrecorded") == key]
        if said or key in ("nato", "russia"):
            groups.append(SideGroup(key, SIDE_LABELS[key], said, None if said else notes.get(key)))
    return groups


# ---------------------------------------------------------------- event page


def render_event_page(
    event: Event, index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> RenderedPage:
    """One event: when, where, what, who said what, where it was reported and how it was dated."""
    here = Here(event_path(event.id), directory_urls)
    chronology = index.chronology
    tag_names = [chronology.tags[t].name if t in chronology.tags else t for t in event.tags]
    annotation, linked = annotation_html(event.annotation, here) if event.annotation else (None, ())
    sources = [_source_line(index, s, here) for s in event.sources]
    # Where each quote is reported is shown on the both-sides view only, so worked out only
    # for an event where some speaker has a side.
    sided = bool(event.statements_missing) or any(speaker_side(index, q.speaker) for q in event.quotes)
    event_source = sources[0] if sided and sources else None
    quotes = [_quote_view(index, event, q, here, event_source) for q in event.quotes]
    people = []
    for person in event.people:
        role = person_role(index, event, person.id)
        people.append(Mention(_entity_link(index, "person", person.id, here), oneline(role) if role else None))
    context: dict[str, Any] = {
        "event": event,
        "when": format_event_date(event),
        "place": _entity_link(index, "place", event.place, here) if event.place else None,
        "year": here.link(str(event.date.year), year_path(event.date.year)),
        "summary": paragraphs(event.summary),
        "annotation": annotation,
        "people": people,
        "organizations": [_organization_mention(index, o, here) for o in event.organizations],
        "treaties": [_treaty_mention(index, t, here) for t in event.treaties],
        "quotes": quotes,
        "sides": group_by_side(quotes, event.statements_missing),
        "sources": sources,
        "date_basis": _date_basis(event),
        "related": [_event_line(other, here) for other in related_events(index, event)],
        "review": [oneline(reason) for reason in event.review],
        "doubts": [DoubtLine(describe_doubt(path, event), oneline(reason)) for path, reason in event.doubts],
        "doubtful": {path for path, _ in event.doubts},
    }
    previous, following = neighbours(index, event)
    context["previous"] = _event_line(previous, here) if previous else None
    context["next"] = _event_line(following, here) if following else None
    meta = _search_meta(boost=EVENT_SEARCH_BOOST, tags=tag_names)
    mentioned = [*context["organizations"], *context["treaties"]]
    abbreviations = tuple(dict.fromkeys(m.abbreviation for m in mentioned if m.abbreviation))
    return _page(
        "event", here, event.title, context, event_yaml_path(event.id), templates,
        meta=meta, linked_pages=linked, abbreviations=abbreviations,
    )


def _organization_mention(index: ChronologyIndex, org_id: str, here: Here) -> Mention:
    link = _entity_link(index, "organization", org_id, here)
    return Mention(link, abbreviation=_abbreviation(index.chronology.organizations.get(org_id)))


def _treaty_mention(index: ChronologyIndex, treaty_id: str, here: Here) -> Mention:
    link = _entity_link(index, "treaty", treaty_id, here)
    return Mention(link, abbreviation=_abbreviation(index.chronology.treaties.get(treaty_id)))


class SourceLine(NamedTuple):
    """Where an event (or a quote) is reported."""

    publisher: str
    published: str | None
    title: str | None
    original: Link | None
    """To the article's address, when it is safe (a relative address: the text alone)."""
    page: str | None
    """The article's source page here, for articles in seeds/."""


def _source_line(index: ChronologyIndex, source: SourceRef, here: Here) -> SourceLine:
    """Publisher, date, title, the original and (for articles in seeds/) the source page here;
    what the source entry leaves out is taken from the article's publication facts."""
    article = index.chronology.articles.get(source.article) if source.article else None
    publisher = source.publisher or (article.publisher if article else None)
    published = source.published or (article.published if article else None)
    url = source.url or (article.url if article else None)
    title = source.title or (article_title(article) if article else None)
    return SourceLine(
        oneline(publisher or "Unknown publisher"),
        oneline(_plain_iso(published)) if published else None,
        oneline(title) if title else None,
        external_link("original", url) if url and is_safe_url(url) else None,
        here.href(source_path(article.file)) if article is not None else None,
    )


def _plain_iso(text: str) -> str:
    """An ISO date from data as a reader reads it; the text itself if it is not one."""
    try:
        return format_date(PartialDate.parse(text))
    except ValueError:
        return text


class DateBasisView(NamedTuple):
    """How an event's date was found: the source's words, what they were read against, the rule."""

    phrase: str
    anchor: str | None
    rule: str | None


def _date_basis(event: Event) -> DateBasisView | None:
    basis = event.date_basis
    if basis is None:
        return None
    anchor = oneline(_plain_iso(basis.anchor)) if basis.anchor else None
    return DateBasisView(oneline(basis.phrase), anchor, oneline(basis.rule) if basis.rule else None)


# ---------------------------------------------------------------- entity pages


def _names(aliases: Iterable[str]) -> list[str]:
    return [oneline(alias) for alias in aliases]


def _wikidata(wikidata: str | None) -> Link | None:
    return external_link(wikidata, f"https://www.wikidata.org/wiki/{quote(wikidata)}") if wikidata else None


class Appearance(NamedTuple):
    """An event on an entity's page, with the entity's role there and what it said."""

    event: EventLine
    role: str | None
    quotes: list[str]


def _appearances(index: ChronologyIndex, kind: EntityKind, entity_id: str, here: Here) -> list[Appearance]:
    """Every event the entity appears in, in date order, with the quotes it gave there."""
    quotes: dict[str, list[str]] = {}
    for event, quote_ in index.quotes_by_speaker.get(entity_id, []):
        quotes.setdefault(event.id, []).append(oneline(quote_.text))
    items = []
    for event in index.events_of(kind, entity_id):
        role = person_role(index, event, entity_id) if kind == "person" else None
        items.append(Appearance(_event_line(event, here), oneline(role) if role else None, quotes.get(event.id, [])))
    return items


def _entity_context(entity: Person | Organization | Treaty | Place, kind: EntityKind, index: ChronologyIndex, here: Here) -> dict[str, Any]:
    """What every entity page shows: other names, the description, Wikidata, the events."""
    return {
        kind: entity,
        "aliases": _names(entity.aliases),
        "description": paragraphs(entity.description) if entity.description else [],
        "wikidata": _wikidata(entity.wikidata),
        "events": _appearances(index, kind, entity.id, here),
    }


class RoleSourceLink(NamedTuple):
    """A page a role's dates were checked against, as a small link after the dates."""

    link: Link
    """Visible text "source" ("source 2", ... when there are several); no href when the address
    is not safe to follow."""
    label: str
    """The link's accessible name: it starts with the visible text and says which office and
    which publisher, so that a list of links read out of context still tells them apart."""
    note: str | None
    """What the page gives (start, end, still held on a date), shown as the link's tooltip."""


class RoleLine(NamedTuple):
    """An office a person held, with its dates as a reader reads them and the pages they were
    checked against."""

    title: str
    start: str | None
    end: str | None
    sources: tuple[RoleSourceLink, ...] = ()


def _role_sources(role: Role) -> tuple[RoleSourceLink, ...]:
    links = []
    for number, source in enumerate(role.sources, start=1):
        text = "source" if len(role.sources) == 1 else f"source {number}"
        publisher = oneline(source.publisher) if source.publisher else _host(source.url)
        published = f", {oneline(_plain_iso(source.published))}" if source.published else ""
        label = f"{text.capitalize()} for the dates of {oneline(role.title)}: {publisher}{published}"
        links.append(RoleSourceLink(external_link(text, source.url), label, oneline(source.note) if source.note else None))
    return tuple(links)


def _host(url: str) -> str:
    """The web site a page is on, for a source that names no publisher; the address itself
    when it names none or cannot be read (an unclosed `[`, which the schema lets through)."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        host = ""
    return host.removeprefix("www.") or oneline(url)


def render_person_page(
    person: Person, index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> RenderedPage:
    """A person: names, roles over time, and every event they appear in with their quotes."""
    here = Here(entity_path("person", person.id), directory_urls)
    context = _entity_context(person, "person", index, here)
    context["roles"] = [
        RoleLine(
            oneline(role.title),
            format_date(role.start) if role.start else None,
            format_date(role.end) if role.end else None,
            _role_sources(role),
        )
        for role in person.roles
    ]
    return _page("person", here, person.name, context, entity_yaml_path("person"), templates)


def render_organization_page(
    org: Organization, index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> RenderedPage:
    """An organization: names, what it is, and every event it appears in with its statements."""
    here = Here(entity_path("organization", org.id), directory_urls)
    context = _entity_context(org, "organization", index, here)
    context["website"] = external_link(org.url, org.url) if org.url else None
    title = _plain_with_abbreviation(org)
    abbreviations = (oneline(org.abbreviation),) if org.abbreviation else ()
    return _page(
        "organization", here, title, context, entity_yaml_path("organization"), templates, abbreviations=abbreviations
    )


def _plain_with_abbreviation(entity: Organization | Treaty) -> str:
    if entity.abbreviation and entity.abbreviation != entity.name:
        return f"{entity.name} ({entity.abbreviation})"
    return entity.name


def render_treaty_page(
    treaty: Treaty, index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> RenderedPage:
    """A treaty: full name and abbreviation, key dates, parties, and every event it appears in."""
    here = Here(entity_path("treaty", treaty.id), directory_urls)
    context = _entity_context(treaty, "treaty", index, here)
    key_dates = [("Signed", treaty.signed), ("In force", treaty.in_force), ("Suspended", treaty.suspended), ("Ended", treaty.ended)]
    context["key_dates"] = [(label, format_date(date)) for label, date in key_dates if date is not None]
    context["parties"] = _names(treaty.parties)
    title = _plain_with_abbreviation(treaty)
    abbreviations = (oneline(treaty.abbreviation),) if treaty.abbreviation else ()
    return _page("treaty", here, title, context, entity_yaml_path("treaty"), templates, abbreviations=abbreviations)


def render_place_page(
    place: Place, index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> RenderedPage:
    """A place: where it is, and every event that happened there."""
    here = Here(entity_path("place", place.id), directory_urls)
    context = _entity_context(place, "place", index, here)
    context["country"] = oneline(place.country) if place.country else None
    located = place.latitude is not None and place.longitude is not None
    context["coordinates"] = f"{place.latitude:.4g}, {place.longitude:.4g}" if located else None
    return _page("place", here, place.name, context, entity_yaml_path("place"), templates)


_ENTITY_HEADINGS: dict[EntityKind, tuple[str, str]] = {
    "person": ("People", "Everyone named in an event, with the offices they held."),
    "organization": ("Organizations", "Alliances, governments, ministries and other bodies."),
    "treaty": ("Treaties", "Agreements, charters and treaties, with their key dates."),
    "place": ("Places", "Where events happened."),
}


class Listed(NamedTuple):
    """An entry of a listing page and how many events it has."""

    link: Link
    abbreviation: str | None
    events: int


def render_entity_index(
    kind: EntityKind, index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> RenderedPage:
    """The page listing every entity of a kind by name, with the number of events of each."""
    here = Here(entity_index_path(kind), directory_urls)
    heading, intro = _ENTITY_HEADINGS[kind]
    table: Mapping[str, Person | Organization | Treaty | Place] = getattr(index.chronology, _ENTITY_TABLES[kind])
    entries = sorted(table.values(), key=lambda e: (e.name.casefold(), e.id))
    items = [
        Listed(
            here.link(entry.name, entity_path(kind, entry.id)),
            _abbreviation(entry) if isinstance(entry, (Organization, Treaty)) else None,
            len(index.events_of(kind, entry.id)),
        )
        for entry in entries
    ]
    context = {"kind": kind, "intro": intro, "entries": items}
    meta = _search_meta(boost=LISTING_SEARCH_BOOST)
    return _page("entities", here, heading, context, entity_yaml_path(kind), templates, meta=meta)


# ---------------------------------------------------------------- years and timeline


class YearItem(NamedTuple):
    """An event on its year's page."""

    when: str
    link: Link
    place: Link | None
    summary: list[str]


def render_year_page(
    year: int, index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> RenderedPage:
    """One year's events in date order, each with its summary."""
    here = Here(year_path(year), directory_urls)
    years = sorted(index.by_year)
    position = years.index(year)
    items = [
        YearItem(
            _format_without_year(event),
            here.link(event.title, event_path(event.id)),
            _entity_link(index, "place", event.place, here) if event.place else None,
            paragraphs(event.summary),
        )
        for event in index.by_year.get(year, [])
    ]
    before = years[position - 1] if position > 0 else None
    after = years[position + 1] if position + 1 < len(years) else None
    context = {
        "year": year,
        "events": items,
        "previous_year": here.link(str(before), year_path(before)) if before is not None else None,
        "next_year": here.link(str(after), year_path(after)) if after is not None else None,
    }
    meta = _search_meta(boost=LISTING_SEARCH_BOOST)
    return _page("year", here, str(year), context, EVENTS_FOLDER_YAML, templates, meta=meta)


class YearCount(NamedTuple):
    link: Link
    events: int


def render_years_index(
    index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> RenderedPage:
    """Every year that has events, with how many."""
    here = Here(YEARS_INDEX_PATH, directory_urls)
    years = [YearCount(here.link(str(year), year_path(year)), len(index.by_year[year])) for year in sorted(index.by_year)]
    meta = _search_meta(boost=LISTING_SEARCH_BOOST)
    return _page("years", here, "Years", {"years": years}, EVENTS_FOLDER_YAML, templates, meta=meta)


class TimelineYear(NamedTuple):
    """A year on the timeline: the id of its heading, a link to its page, its events."""

    anchor: str
    link: Link
    events: list[EventLine]


def render_timeline_page(
    index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> RenderedPage:
    """All events grouped by year, one line each, with a table of contents of the years."""
    here = Here(TIMELINE_PATH, directory_urls)
    years = [
        TimelineYear(f"y{year}", here.link(str(year), year_path(year)), [_event_line(e, here, with_year=False) for e in index.by_year[year]])
        for year in sorted(index.by_year)
    ]
    headings = tuple(Heading(year.anchor, year.link.text) for year in years)
    context = {"total": len(index.chronology.events), "years": years}
    meta = _search_meta(boost=LISTING_SEARCH_BOOST)
    return _page("timeline", here, "Timeline", context, EVENTS_FOLDER_YAML, templates, meta=meta, headings=headings)


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


def render_source_page(
    article: Article, index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> RenderedPage:
    """An article in `seeds/`: its publication facts, every event drawn from it, and its text
    with the words each entry was drawn from highlighted (chrono.annotate)."""
    here = Here(source_path(article.file), directory_urls)
    title = article_title(article)
    events = index.by_article.get(article.file, [])
    highlights = find_highlights(article, events, index)
    text = render_annotated_text(article.text, highlights, here.path, directory_urls=directory_urls)
    context = {
        "article": article,
        "article_title": oneline(title) if title else None,
        "publisher": oneline(article.publisher) if article.publisher else None,
        "published": oneline(_plain_iso(article.published)) if article.published else None,
        "original": external_link(article.url, article.url) if article.url else None,
        "file": oneline(article.file),
        "note": oneline(article.note) if article.note else None,
        "events": [_event_line(e, here) for e in events],
        "legend": LEGEND if highlights else (),
        # The article's text, escaped by chrono.annotate around the highlights it marks.
        "text": Markup(text),
    }
    # Listed with the other raw material: below the events drawn from it in search results.
    meta = _search_meta(boost=LISTING_SEARCH_BOOST)
    published = _plain_iso(article.published) if article.published else "date unknown"
    heading_text = f"{article.publisher or 'Unknown publisher'}, {published}"
    return _page("source", here, heading_text, context, SOURCES_YAML, templates, meta=meta)


def article_title(article: Article) -> str | None:
    """The article's title when sources.yml gives one; the first line of a scraped page is
    often a banner ("Get the latest updates"), so it is not taken for a title."""
    first_line = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
    if not article.title or article.title == first_line[:200]:
        return None
    return article.title


class ArticleLine(NamedTuple):
    """An article on the sources page."""

    published: str | None
    publisher: str | None
    link: Link
    events: int


def render_sources_index(
    index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> RenderedPage:
    """Every article in `seeds/` with its publisher, date and number of events."""
    here = Here(SOURCES_INDEX_PATH, directory_urls)
    articles = sorted(index.chronology.articles.values(), key=lambda a: (a.published or "", a.file))
    items = [
        ArticleLine(
            oneline(_plain_iso(article.published)) if article.published else None,
            oneline(article.publisher) if article.publisher else None,
            here.link(article_title(article) or article.file, source_path(article.file)),
            len(index.by_article.get(article.file, [])),
        )
        for article in articles
    ]
    meta = _search_meta(boost=LISTING_SEARCH_BOOST)
    return _page("sources", here, "Sources", {"articles": items}, SOURCES_YAML, templates, meta=meta)


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


def render_all_pages(
    index: ChronologyIndex, *, directory_urls: bool = True, templates: PageTemplates | None = None
) -> list[RenderedPage | GeneratedPage]:
    """Every generated page of the site except the home page, in a stable order. `templates`
    is the build's (chrono.site makes one with the site's custom_dir); by default the shipped ones."""
    chronology = index.chronology
    settings: dict[str, Any] = {"directory_urls": directory_urls, "templates": templates or package_templates()}
    pages: list[RenderedPage | GeneratedPage] = [render_event_page(e, index, **settings) for e in chronology.events]
    pages += [render_person_page(p, index, **settings) for p in chronology.people.values()]
    pages += [render_organization_page(o, index, **settings) for o in chronology.organizations.values()]
    pages += [render_treaty_page(t, index, **settings) for t in chronology.treaties.values()]
    pages += [render_place_page(p, index, **settings) for p in chronology.places.values()]
    pages += [render_entity_index(kind, index, **settings) for kind in ("person", "organization", "treaty", "place")]
    pages += [render_year_page(year, index, **settings) for year in sorted(index.by_year)]
    pages += [render_years_index(index, **settings), render_timeline_page(index, **settings)]
    pages += [render_source_page(article, index, **settings) for article in chronology.articles.values()]
    pages += [render_sources_index(index, **settings), render_tags_page(index)]
    return pages
