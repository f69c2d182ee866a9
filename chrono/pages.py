"""Model + index -> Markdown text for each generated page. Pure functions, no MkDocs imports.

Every piece of text that comes from data goes through `escape_markdown` (or, for the editorial
annotation, `sanitize_annotation`), so a title holding `<script>` or a link to `javascript:`
shows as text. Lists of links (backlinks, listings) sit in blocks marked `data-search-exclude`
so that Material's search indexes what a page says, not every title it links to.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

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
    related_events,
    relative_link,
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
    """A page to add to the site: where it goes, its Markdown, and the file an edit should open."""

    path: str
    """Docs-relative path, e.g. `events/1997-05-27-founding-act.md`."""
    markdown: str
    edit_path: str | None
    """Repository path of the YAML (or Markdown) file behind the page; a path ending in `/` is
    a folder, where the edit button opens the form for a new file in it."""


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
    """Text shown as text on one line: no HTML, no Markdown or attribute-list markup takes effect."""
    text = " ".join(text.split()).translate(_ESCAPES)
    if text[:1] in "-+0123456789":
        # A line starting with '-', '+' or '1.' would become a list item.
        return _BLOCK_START.sub(lambda m: m[0][:-1] + "\\" + m[0][-1], text)
    return text


def escape_paragraphs(text: str) -> str:
    """Longer text shown as text, keeping its paragraphs (blank-line separated)."""
    paragraphs = (escape_markdown(part) for part in re.split(r"\n\s*\n", text))
    return "\n\n".join(part for part in paragraphs if part)


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


def _url(url: str) -> str:
    """A web address made safe to put inside a Markdown link's parentheses."""
    return quote(url.strip(), safe=":/?#[]@!$&'*+,;=%~")


def _external_link(label: str, url: str | None) -> str:
    """A link to an outside page, or the label alone when the address is missing or unsafe."""
    if not url or not is_safe_url(url) or not _SCHEME.match(url.strip().lower()):
        return escape_markdown(label)
    return f"[{escape_markdown(label)}]({_url(url)})"


def _link(label: str, from_path: str, to_path: str) -> str:
    # Percent-encoded, so an article file name with spaces or brackets still makes one link;
    # MkDocs decodes the target before it checks it.
    return f"[{escape_markdown(label)}]({quote(relative_link(from_path, to_path))})"


def _front_matter(*, boost: float | None = None, exclude: bool = False, tags: Iterable[str] = ()) -> str:
    """YAML front matter; values are written as JSON, which YAML reads back unchanged."""
    lines = []
    if boost is not None or exclude:
        lines.append("search:")
        lines.append("  exclude: true" if exclude else f"  boost: {boost}")
    tag_list = list(tags)
    if tag_list:
        lines.append("tags:")
        lines += [f"  - {json.dumps(tag, ensure_ascii=False)}" for tag in tag_list]
    return "---\n" + "\n".join(lines) + "\n---\n\n" if lines else ""


def _search_excluded(lines: list[str]) -> list[str]:
    """Wrap Markdown in a block that Material's search leaves out of its index. Never put a
    heading inside: Material would still start a search section at it, titled like the page."""
    return ['<div class="chrono-list" data-search-exclude markdown>', "", *lines, "", "</div>", ""]


def _section_heading(title: str) -> list[str]:
    """A section heading of a generated page: a level-2 heading to assistive technology, but no
    <h2>, because Material's search makes every <h2> a result of its own, and on these short
    pages such results only repeat the page (and double the size of the search index)."""
    return [title, '{ .chrono-heading role="heading" aria-level="2" }', ""]


def _indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line if line.strip() else "" for line in text.splitlines())


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


def _entity_link(index: ChronologyIndex, kind: EntityKind, entity_id: str, from_path: str) -> str:
    return _link(entity_name(index, kind, entity_id), from_path, entity_path(kind, entity_id))


def _event_line(event: Event, from_path: str, *, with_year: bool = True) -> str:
    """One list item: date and linked title."""
    when = format_event_date(event) if with_year else _format_without_year(event)
    return f"- {when}: {_link(event.title, from_path, event_path(event.id))}"


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


def _speaker(index: ChronologyIndex, event: Event, quote_: Quote, from_path: str) -> str:
    kind = index.speaker_kind(quote_.speaker)
    if kind is None:
        return escape_markdown(quote_.speaker)
    link = _entity_link(index, kind, quote_.speaker, from_path)
    role = person_role(index, event, quote_.speaker) if kind == "person" else None
    return f"{link}, {escape_markdown(role)}" if role else link


def _blockquote(text: str, attribution: str, prefix: str = "") -> list[str]:
    """A quote as a block quote with its attribution under it."""
    body = escape_paragraphs(text).split("\n\n")
    lines = []
    for number, paragraph in enumerate(body):
        if number:
            lines.append(f"{prefix}>")
        lines.append(f"{prefix}> {paragraph}")
    lines += [f"{prefix}>", f"{prefix}> — {attribution}"]
    return lines


# ---------------------------------------------------------------- event page


def render_event_page(event: Event, index: ChronologyIndex) -> GeneratedPage:
    """One event: when, where, what, who said what, where it was reported and how it was dated."""
    here = event_path(event.id)
    chronology = index.chronology
    tag_names = [chronology.tags[t].name if t in chronology.tags else t for t in event.tags]
    lines = [_front_matter(boost=EVENT_SEARCH_BOOST, tags=tag_names) + f"# {escape_markdown(event.title)}", ""]

    facts = [f"**{format_event_date(event)}**"]
    if event.place:
        facts.append(_entity_link(index, "place", event.place, here))
    facts.append(_link(str(event.date.year), here, year_path(event.date.year)))
    lines += [" · ".join(facts), "{ .chrono-when }", ""]
    lines += [escape_paragraphs(event.summary), ""]

    if event.annotation:
        lines += ['!!! note chrono-annotation "Editorial note"', ""]
        lines += [_indent(sanitize_annotation(event.annotation)), ""]

    if event.people:
        lines += _section_heading("People")
        for person in event.people:
            role = person_role(index, event, person.id)
            link = _entity_link(index, "person", person.id, here)
            lines.append(f"- {link}, {escape_markdown(role)}" if role else f"- {link}")
        lines.append("")
    if event.organizations:
        lines += _section_heading("Organizations")
        lines += [f"- {_organization_label(index, org, here)}" for org in event.organizations]
        lines.append("")
    if event.treaties:
        lines += _section_heading("Treaties")
        lines += [f"- {_treaty_label(index, treaty, here)}" for treaty in event.treaties]
        lines.append("")
    if event.quotes:
        lines += _section_heading("Quotes")
        for quote_ in event.quotes:
            lines += _blockquote(quote_.text, _speaker(index, event, quote_, here))
            lines.append("")
    # What follows helps a reader check and move on, but is not what a search looks for.
    tail = []
    if event.sources:
        tail += _section_heading("Sources")
        tail += [f"- {_source_line(index, source, here)}" for source in event.sources]
        tail.append("")
    tail += _date_basis_section(event)
    related = related_events(index, event)
    if related:
        tail += _section_heading("Related events")
        tail += [_event_line(other, here) for other in related]
        tail.append("")
    tail += _entry_status(event)
    tail += _previous_next(index, event, here)
    lines += _search_excluded(tail)
    return GeneratedPage(here, "\n".join(lines) + "\n", event_yaml_path(event.id))


def _with_abbreviation(label: str, entity: Organization | Treaty | None) -> str:
    """`label (ABBR)` when the entity has an abbreviation that is not its whole name."""
    if entity and entity.abbreviation and entity.abbreviation != entity.name:
        return f"{label} ({escape_markdown(entity.abbreviation)})"
    return label


def _organization_label(index: ChronologyIndex, org_id: str, here: str) -> str:
    link = _entity_link(index, "organization", org_id, here)
    return _with_abbreviation(link, index.chronology.organizations.get(org_id))


def _treaty_label(index: ChronologyIndex, treaty_id: str, here: str) -> str:
    link = _entity_link(index, "treaty", treaty_id, here)
    return _with_abbreviation(link, index.chronology.treaties.get(treaty_id))


def _source_line(index: ChronologyIndex, source: SourceRef, here: str) -> str:
    """Publisher, date, the original and (for articles in seeds/) the source page here."""
    article = index.chronology.articles.get(source.article) if source.article else None
    publisher = source.publisher or (article.publisher if article else None)
    published = source.published or (article.published if article else None)
    url = source.url or (article.url if article else None)
    title = source.title or (article_title(article) if article else None)
    parts = [escape_markdown(publisher or "Unknown publisher")]
    if published:
        parts.append(_format_iso(published))
    if title:
        parts.append(f"“{escape_markdown(title)}”")
    links = []
    if url and is_safe_url(url):
        links.append(_external_link("original", url))
    if article is not None:
        links.append(_link("source page", here, source_path(article.file)))
    text = ", ".join(parts)
    return f"{text} ({' · '.join(links)})" if links else text


def _format_iso(text: str) -> str:
    """An ISO date from data as a reader reads it; the text itself if it is not one."""
    try:
        return format_date(PartialDate.parse(text))
    except ValueError:
        return escape_markdown(text)


def _date_basis_section(event: Event) -> list[str]:
    basis = event.date_basis
    if basis is None:
        return []
    sentence = f"The source says “{escape_markdown(basis.phrase)}”"
    if basis.anchor:
        sentence += f", read against {_format_iso(basis.anchor)}"
    if basis.rule:
        sentence += f" ({escape_markdown(basis.rule)})"
    sentence += f", which gives {format_event_date(event)}."
    return [*_section_heading("How the date was found"), sentence, ""]


def _entry_status(event: Event) -> list[str]:
    origin = "Drawn from a source by the extractor" if event.provenance == "extracted" else "Curated by hand"
    state = "reviewed by a person" if event.status == "reviewed" else "not yet reviewed"
    lines = [f"{origin}; {state}.", "{ .chrono-status }", ""]
    if event.review:
        lines += ["To check:", ""] + [f"- {escape_markdown(reason)}" for reason in event.review] + [""]
    return lines


def _previous_next(index: ChronologyIndex, event: Event, here: str) -> list[str]:
    previous, following = neighbours(index, event)
    if not (previous or following):
        return []
    lines = ["---", ""]
    if previous:
        lines.append(f"Previous: {_link(previous.title, here, event_path(previous.id))} ({format_event_date(previous)})  ")
    if following:
        lines.append(f"Next: {_link(following.title, here, event_path(following.id))} ({format_event_date(following)})")
    return [*lines, ""]


# ---------------------------------------------------------------- entity pages


def _names_line(aliases: Iterable[str]) -> list[str]:
    names = [escape_markdown(alias) for alias in aliases]
    return [f"Also known as: {', '.join(names)}", ""] if names else []


def _wikidata_line(wikidata: str | None) -> list[str]:
    if not wikidata:
        return []
    link = _external_link(wikidata, f"https://www.wikidata.org/wiki/{quote(wikidata)}")
    return [f"Wikidata: {link}", ""]


def _appearances(index: ChronologyIndex, kind: EntityKind, entity_id: str, here: str) -> list[str]:
    """Every event the entity appears in, in date order, with the quotes it gave there."""
    events = index.events_of(kind, entity_id)
    heading = _section_heading(f"Events ({len(events)})")
    if not events:
        return heading + ["_No events yet._", ""]
    quotes: dict[str, list[Quote]] = {}
    for event, quote_ in index.quotes_by_speaker.get(entity_id, []):
        quotes.setdefault(event.id, []).append(quote_)
    body = []
    for event in events:
        line = _event_line(event, here)
        if kind == "person" and (role := person_role(index, event, entity_id)):
            line += f", as {escape_markdown(role)}"
        body.append(line)
        # Each quote its own item under the event (consecutive block quotes would run together).
        body += [f"    - “{escape_markdown(quote_.text)}”" for quote_ in quotes.get(event.id, [])]
    return _search_excluded(heading + body)


def render_person_page(person: Person, index: ChronologyIndex) -> GeneratedPage:
    """A person: names, roles over time, and every event they appear in with their quotes."""
    here = entity_path("person", person.id)
    lines = [f"# {escape_markdown(person.name)}", ""]
    lines += _names_line(person.aliases)
    if person.description:
        lines += [escape_paragraphs(person.description), ""]
    lines += _wikidata_line(person.wikidata)
    if person.roles:
        lines += _section_heading("Roles over time")
        for role in person.roles:
            span = _span(role.start, role.end)
            lines.append(f"- {escape_markdown(role.title)}" + (f", {span}" if span else ""))
        lines.append("")
    lines += _appearances(index, "person", person.id, here)
    return GeneratedPage(here, "\n".join(lines) + "\n", entity_yaml_path("person"))


def _span(start: PartialDate | None, end: PartialDate | None) -> str:
    if start and end:
        return f"{format_date(start)} – {format_date(end)}"
    if start:
        return f"from {format_date(start)}"
    if end:
        return f"until {format_date(end)}"
    return ""


def render_organization_page(org: Organization, index: ChronologyIndex) -> GeneratedPage:
    """An organization: names, what it is, and every event it appears in with its statements."""
    here = entity_path("organization", org.id)
    title = _with_abbreviation(escape_markdown(org.name), org)
    lines = [f"# {title}", ""]
    lines += _names_line(org.aliases)
    if org.description:
        lines += [escape_paragraphs(org.description), ""]
    if org.url:
        lines += [f"Website: {_external_link(org.url, org.url)}", ""]
    lines += _wikidata_line(org.wikidata)
    lines += _appearances(index, "organization", org.id, here)
    return GeneratedPage(here, "\n".join(lines) + "\n", entity_yaml_path("organization"))


def render_treaty_page(treaty: Treaty, index: ChronologyIndex) -> GeneratedPage:
    """A treaty: full name and abbreviation, key dates, parties, and every event it appears in."""
    here = entity_path("treaty", treaty.id)
    title = _with_abbreviation(escape_markdown(treaty.name), treaty)
    lines = [f"# {title}", ""]
    lines += _names_line(treaty.aliases)
    if treaty.description:
        lines += [escape_paragraphs(treaty.description), ""]
    key_dates = [
        ("Signed", treaty.signed),
        ("In force", treaty.in_force),
        ("Suspended", treaty.suspended),
        ("Ended", treaty.ended),
    ]
    known = [(label, date) for label, date in key_dates if date is not None]
    if known:
        lines += _section_heading("Key dates")
        lines += [f"- {label}: {format_date(date)}" for label, date in known]
        lines.append("")
    if treaty.parties:
        lines += [*_section_heading("Parties"), ", ".join(escape_markdown(p) for p in treaty.parties), ""]
    lines += _wikidata_line(treaty.wikidata)
    lines += _appearances(index, "treaty", treaty.id, here)
    return GeneratedPage(here, "\n".join(lines) + "\n", entity_yaml_path("treaty"))


def render_place_page(place: Place, index: ChronologyIndex) -> GeneratedPage:
    """A place: where it is, and every event that happened there."""
    here = entity_path("place", place.id)
    lines = [f"# {escape_markdown(place.name)}", ""]
    lines += _names_line(place.aliases)
    where = []
    if place.country:
        where.append(escape_markdown(place.country))
    if place.latitude is not None and place.longitude is not None:
        where.append(f"{place.latitude:.4g}, {place.longitude:.4g}")
    if where:
        lines += [" · ".join(where), ""]
    if place.description:
        lines += [escape_paragraphs(place.description), ""]
    lines += _wikidata_line(place.wikidata)
    lines += _appearances(index, "place", place.id, here)
    return GeneratedPage(here, "\n".join(lines) + "\n", entity_yaml_path("place"))


_ENTITY_HEADINGS: dict[EntityKind, tuple[str, str]] = {
    "person": ("People", "Everyone named in an event, with the offices they held."),
    "organization": ("Organizations", "Alliances, governments, ministries and other bodies."),
    "treaty": ("Treaties", "Agreements, charters and treaties, with their key dates."),
    "place": ("Places", "Where events happened."),
}


def render_entity_index(kind: EntityKind, index: ChronologyIndex) -> GeneratedPage:
    """The page listing every entity of a kind by name, with the number of events of each."""
    here = entity_index_path(kind)
    heading, intro = _ENTITY_HEADINGS[kind]
    table = {
        "person": index.chronology.people,
        "organization": index.chronology.organizations,
        "treaty": index.chronology.treaties,
        "place": index.chronology.places,
    }[kind]
    entries = sorted(table.values(), key=lambda e: (e.name.casefold(), e.id))  # type: ignore[attr-defined]
    lines = [_front_matter(boost=LISTING_SEARCH_BOOST) + f"# {heading}", "", intro, ""]
    body = []
    for entry in entries:
        label = _link(entry.name, here, entity_path(kind, entry.id))  # type: ignore[attr-defined]
        if isinstance(entry, (Organization, Treaty)):
            label = _with_abbreviation(label, entry)
        count = len(index.events_of(kind, entry.id))  # type: ignore[attr-defined]
        body.append(f"- {label} — {count} event{'s' if count != 1 else ''}")
    lines += _search_excluded(body) if body else ["_None yet._", ""]
    return GeneratedPage(here, "\n".join(lines) + "\n", entity_yaml_path(kind))


# ---------------------------------------------------------------- years and timeline


def render_year_page(year: int, index: ChronologyIndex) -> GeneratedPage:
    """One year's events in date order, each with its summary."""
    here = year_path(year)
    years = sorted(index.by_year)
    position = years.index(year)
    lines = [_front_matter(boost=LISTING_SEARCH_BOOST) + f"# {year}", ""]
    events = index.by_year.get(year, [])
    lines += [f"{len(events)} event{'s' if len(events) != 1 else ''}.", ""]
    body = []
    for event in events:
        title = _link(event.title, here, event_path(event.id))
        body += [f"- {_format_without_year(event)}: **{title}**{_place_suffix(index, event, here)}", ""]
        body += [_indent(escape_paragraphs(event.summary)), ""]
    lines += _search_excluded(body)
    around = []
    if position > 0:
        around.append(f"Previous year: {_link(str(years[position - 1]), here, year_path(years[position - 1]))}")
    if position + 1 < len(years):
        around.append(f"Next year: {_link(str(years[position + 1]), here, year_path(years[position + 1]))}")
    if around:
        lines += ["---", "", " · ".join(around), ""]
    return GeneratedPage(here, "\n".join(lines) + "\n", EVENTS_FOLDER_YAML)


def _place_suffix(index: ChronologyIndex, event: Event, here: str) -> str:
    return f" · {_entity_link(index, 'place', event.place, here)}" if event.place else ""


def render_years_index(index: ChronologyIndex) -> GeneratedPage:
    """Every year that has events, with how many."""
    here = YEARS_INDEX_PATH
    lines = [_front_matter(boost=LISTING_SEARCH_BOOST) + "# Years", ""]
    body = []
    for year in sorted(index.by_year):
        count = len(index.by_year[year])
        body.append(f"- {_link(str(year), here, year_path(year))} — {count} event{'s' if count != 1 else ''}")
    lines += _search_excluded(body) if body else ["_No events yet._", ""]
    return GeneratedPage(here, "\n".join(lines) + "\n", EVENTS_FOLDER_YAML)


def render_timeline_page(index: ChronologyIndex) -> GeneratedPage:
    """All events grouped by year, one line each."""
    here = TIMELINE_PATH
    lines = [_front_matter(boost=LISTING_SEARCH_BOOST) + "# Timeline", ""]
    count = len(index.chronology.events)
    lines += [f"All {count} events, oldest first. Each year's page has the summaries.", ""]
    for year in sorted(index.by_year):
        # The heading stays outside the excluded block: Material's search would otherwise index
        # an untitled section under the page's title.
        lines += [f"## {_link(str(year), here, year_path(year))} {{ #y{year} }}", ""]
        lines += _search_excluded([_event_line(e, here, with_year=False) for e in index.by_year[year]])
    if not index.by_year:
        lines += ["_No events yet._", ""]
    return GeneratedPage(here, "\n".join(lines) + "\n", EVENTS_FOLDER_YAML)


def render_milestones(index: ChronologyIndex, prefix: str = "") -> str:
    """The curated events (the editors' milestones) as a compact list, links relative to `prefix`;
    every event when none is curated yet. Its length grows with curation, not with extraction."""
    events = [e for e in index.chronology.events if e.provenance == "curated"]
    events = events or list(index.chronology.events)
    if not events:
        return "_No events yet._\n"
    lines = [f"- {format_event_date(e)}: [{escape_markdown(e.title)}]({prefix}{event_path(e.id)})" for e in events]
    return "\n".join(_search_excluded(lines))


# ---------------------------------------------------------------- sources and tags


def render_source_page(article: Article, index: ChronologyIndex) -> GeneratedPage:
    """An article in `seeds/`: its publication facts, every event drawn from it, and its text."""
    here = source_path(article.file)
    # Listed with the other raw material: below the events drawn from it in search results.
    front = _front_matter(boost=LISTING_SEARCH_BOOST)
    published = _format_iso(article.published) if article.published else "date unknown"
    heading = f"{article.publisher or 'Unknown publisher'}, {published}"
    lines = [front + f"# {escape_markdown(heading)}", ""]
    title = article_title(article)
    facts = [f"- Title: {escape_markdown(title)}"] if title else []
    facts.append(f"- Publisher: {escape_markdown(article.publisher or 'unknown')}")
    facts.append(f"- Published: {_format_iso(article.published) if article.published else 'unknown'}")
    if article.url:
        facts.append(f"- Original: {_external_link(article.url, article.url)}")
    facts.append(f"- File: `seeds/{article.file.replace('`', '')}`")
    if article.note:
        facts.append(f"- Note: {escape_markdown(article.note)}")
    lines += facts + [""]
    events = index.by_article.get(article.file, [])
    heading = _section_heading(f"Events drawn from this article ({len(events)})")
    if events:
        lines += _search_excluded(heading + [_event_line(e, here) for e in events])
    else:
        lines += heading + ["_None yet._", ""]
    # The text stays out of the search index: the events drawn from it are found instead, and
    # the articles would otherwise make up most of the index.
    text = render_annotated_article(article, events, index, here)
    lines += _search_excluded([*_section_heading("Text"), text])
    return GeneratedPage(here, "\n".join(lines) + "\n", SOURCES_YAML)


def article_title(article: Article) -> str | None:
    """The article's title when sources.yml gives one; the first line of a scraped page is
    often a banner ("Get the latest updates"), so it is not taken for a title."""
    first_line = next((line.strip() for line in article.text.splitlines() if line.strip()), "")
    if not article.title or article.title == first_line[:200]:
        return None
    return article.title


def render_sources_index(index: ChronologyIndex) -> GeneratedPage:
    """Every article in `seeds/` with its publisher, date and number of events."""
    here = SOURCES_INDEX_PATH
    lines = [_front_matter(boost=LISTING_SEARCH_BOOST) + "# Sources", ""]
    lines += ["The articles the extracted events are drawn from, with their publication facts.", ""]
    articles = sorted(index.chronology.articles.values(), key=lambda a: (a.published or "", a.file))
    body = []
    for article in articles:
        count = len(index.by_article.get(article.file, []))
        when = _format_iso(article.published) if article.published else "date unknown"
        publisher = escape_markdown(article.publisher or "unknown publisher")
        link = _link(article_title(article) or article.file, here, source_path(article.file))
        body.append(f"- {when}, {publisher}: {link} — {count} event{'s' if count != 1 else ''}")
    lines += _search_excluded(body) if body else ["_No articles yet._", ""]
    return GeneratedPage(here, "\n".join(lines) + "\n", SOURCES_YAML)


def render_tags_page(index: ChronologyIndex) -> GeneratedPage:
    """What each tag means, then Material's listing of the pages under each tag."""
    lines = [_front_matter(exclude=True) + "# Tags", ""]
    for tag in sorted(index.chronology.tags.values(), key=lambda t: t.name.casefold()):
        count = len(index.by_tag.get(tag.id, []))
        text = f"- **{escape_markdown(tag.name)}** ({count})"
        if tag.description:
            text += f": {escape_markdown(tag.description)}"
        lines.append(text)
    lines += ["", "<!-- material/tags -->", ""]
    return GeneratedPage(TAGS_PATH, "\n".join(lines) + "\n", TAGS_YAML)


def render_all_pages(index: ChronologyIndex) -> list[GeneratedPage]:
    """Every generated page of the site except the home page, in a stable order."""
    chronology = index.chronology
    pages = [render_event_page(event, index) for event in chronology.events]
    pages += [render_person_page(p, index) for p in chronology.people.values()]
    pages += [render_organization_page(o, index) for o in chronology.organizations.values()]
    pages += [render_treaty_page(t, index) for t in chronology.treaties.values()]
    pages += [render_place_page(p, index) for p in chronology.places.values()]
    pages += [render_entity_index(kind, index) for kind in ("person", "organization", "treaty", "place")]
    pages += [render_year_page(year, index) for year in sorted(index.by_year)]
    pages += [render_years_index(index), render_timeline_page(index)]
    pages += [render_source_page(article, index) for article in chronology.articles.values()]
    pages += [render_sources_index(index), render_tags_page(index)]
    return pages
