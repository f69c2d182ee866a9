"""Cross-references: which events each person, organization, treaty, place, tag, year and article
has, who said what, and the page path of everything. Built once per build from the validated
model in one pass over the events, so every page can look up its links in constant time."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from .model import Chronology, Event, PartialDate, Person, Quote, Side

EntityKind = Literal["person", "organization", "treaty", "place"]

ENTITY_FOLDERS: dict[EntityKind, str] = {
    "person": "people",
    "organization": "organizations",
    "treaty": "treaties",
    "place": "places",
}
"""Docs folder of each entity kind; the YAML file behind the kind has the same name."""

TIMELINE_PATH = "timeline.md"
YEARS_INDEX_PATH = "years/index.md"
SOURCES_INDEX_PATH = "sources/index.md"
TAGS_PATH = "tags.md"
EVENTS_FOLDER_YAML = "chronology/events/"
SOURCES_YAML = "seeds/sources.yml"
TAGS_YAML = "chronology/tags.yml"


def event_path(event_id: str) -> str:
    """Docs-relative path of an event page."""
    return f"events/{event_id}.md"


def event_yaml_path(event_id: str) -> str:
    """Repository path of the YAML file behind an event page."""
    return f"chronology/events/{event_id}.yml"


def entity_path(kind: EntityKind, entity_id: str) -> str:
    """Docs-relative path of a person, organization, treaty or place page."""
    return f"{ENTITY_FOLDERS[kind]}/{entity_id}.md"


def entity_index_path(kind: EntityKind) -> str:
    """Docs-relative path of the page listing every entity of a kind."""
    return f"{ENTITY_FOLDERS[kind]}/index.md"


def entity_yaml_path(kind: EntityKind) -> str:
    """Repository path of the YAML file that holds every entity of a kind."""
    return f"chronology/{ENTITY_FOLDERS[kind]}.yml"


def year_path(year: int) -> str:
    """Docs-relative path of a year page."""
    return f"years/{year:04d}.md"


def source_path(article_file: str) -> str:
    """Docs-relative path of the page of an article in `seeds/`: its file name without `.txt`."""
    stem = article_file[:-4] if article_file.endswith(".txt") else article_file
    return f"sources/{stem}.md"


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL of page `path` (docs-relative `.md`) from the site's root, as MkDocs makes it; a
    path that is not a page (`chronology.csv`) keeps its name."""
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    if posixpath.basename(stem) == "index":
        folder = posixpath.dirname(stem)
        folder = folder + "/" if folder else ""
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def page_href(from_path: str, to_path: str, directory_urls: bool = True) -> str:
    """The URL of page `to_path` as seen from page `from_path` (both docs-relative `.md`); a
    `to_path` that is not a page (`chronology.csv`) keeps its name."""
    return "../" * page_url(from_path, directory_urls).count("/") + page_url(to_path, directory_urls) or "./"


@dataclass
class ChronologyIndex:
    """Lookups the page renderers need, computed once."""

    chronology: Chronology
    events_by_id: dict[str, Event] = field(default_factory=dict)
    by_person: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    by_organization: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    by_treaty: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    by_place: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    by_tag: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    by_year: dict[int, list[Event]] = field(default_factory=lambda: defaultdict(list))
    by_article: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    quotes_by_speaker: dict[str, list[tuple[Event, Quote]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    """Every quote, filed under its speaker (a person or an organization id), in date order."""
    related_from: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    """Events that name this event as related, so the link shows on both pages."""
    position: dict[str, int] = field(default_factory=dict)

    def events_of(self, kind: EntityKind, entity_id: str) -> list[Event]:
        """The events a person, organization, treaty or place appears in, in date order."""
        table = {
            "person": self.by_person,
            "organization": self.by_organization,
            "treaty": self.by_treaty,
            "place": self.by_place,
        }[kind]
        return table.get(entity_id, [])

    def speaker_kind(self, speaker: str) -> EntityKind | None:
        """Whether a quote's speaker id names a person or an organization."""
        if speaker in self.chronology.people:
            return "person"
        if speaker in self.chronology.organizations:
            return "organization"
        return None


def speaker_side(index: ChronologyIndex, speaker: str) -> Side | None:
    """Whose words a quote is: the side its speaker's person or organization entry names (never
    guessed from the page); None when the entry names none or the speaker has no entry."""
    entry = index.chronology.people.get(speaker) or index.chronology.organizations.get(speaker)
    return entry.side if entry is not None else None


def build_index(chronology: Chronology) -> ChronologyIndex:
    """Walk the events once (they are already in date order) and file each under its entities."""
    index = ChronologyIndex(chronology)
    for position, event in enumerate(chronology.events):
        index.events_by_id[event.id] = event
        index.position[event.id] = position
        for person in dict.fromkeys(p.id for p in event.people):
            index.by_person[person].append(event)
        for speaker in dict.fromkeys(q.speaker for q in event.quotes):
            # A speaker quoted but not listed among the people still appears in the event.
            if speaker in chronology.people and speaker not in {p.id for p in event.people}:
                index.by_person[speaker].append(event)
            elif speaker in chronology.organizations and speaker not in event.organizations:
                index.by_organization[speaker].append(event)
        for org in dict.fromkeys(event.organizations):
            index.by_organization[org].append(event)
        for treaty in dict.fromkeys(event.treaties):
            index.by_treaty[treaty].append(event)
        if event.place:
            index.by_place[event.place].append(event)
        for tag in dict.fromkeys(event.tags):
            index.by_tag[tag].append(event)
        index.by_year[event.date.year].append(event)
        for article in dict.fromkeys(s.article for s in event.sources if s.article):
            index.by_article[article].append(event)
        for quote in event.quotes:
            index.quotes_by_speaker[quote.speaker].append((event, quote))
        for related in dict.fromkeys(event.related):
            if related != event.id:
                index.related_from[related].append(event)
    return index


def neighbours(index: ChronologyIndex, event: Event) -> tuple[Event | None, Event | None]:
    """The events just before and just after this one in time."""
    events = index.chronology.events
    position = index.position[event.id]
    previous = events[position - 1] if position > 0 else None
    following = events[position + 1] if position + 1 < len(events) else None
    return previous, following


def related_events(index: ChronologyIndex, event: Event) -> list[Event]:
    """Events this one names as related and events naming it, once each, in date order."""
    found: dict[str, Event] = {}
    for related in event.related:
        if related in index.events_by_id and related != event.id:
            found[related] = index.events_by_id[related]
    for other in index.related_from.get(event.id, []):
        found.setdefault(other.id, other)
    return sorted(found.values(), key=lambda e: e.sort_key)


def role_at(person: Person, date: PartialDate) -> str | None:
    """The office a person held on a date, from their roles; None if no role covers it."""
    day = date.first_day()
    for role in person.roles:
        starts = role.start.first_day() if role.start else None
        ends = role.end.last_day() if role.end else None
        if (starts is None or starts <= day) and (ends is None or day <= ends):
            if role.start is None and role.end is None and len(person.roles) > 1:
                continue  # an undated role among dated ones says nothing about this date
            return role.title
    return None
