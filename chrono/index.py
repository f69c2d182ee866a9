"""Cross-references: which events each person, organization, treaty, place, tag and year has,
and the page path of everything. Built once per build from the validated model."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .model import Chronology, Event


def event_path(event_id: str) -> str:
    """Docs-relative path of an event page."""
    return f"events/{event_id}.md"


def event_yaml_path(event_id: str) -> str:
    """Repository path of the YAML file behind an event page."""
    return f"chronology/events/{event_id}.yml"


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
    position: dict[str, int] = field(default_factory=dict)


def build_index(chronology: Chronology) -> ChronologyIndex:
    """Walk the events once (they are already in date order) and file each under its entities."""
    index = ChronologyIndex(chronology)
    for position, event in enumerate(chronology.events):
        index.events_by_id[event.id] = event
        index.position[event.id] = position
        for person in dict.fromkeys(p.id for p in event.people):
            index.by_person[person].append(event)
        for org in event.organizations:
            index.by_organization[org].append(event)
        for treaty in event.treaties:
            index.by_treaty[treaty].append(event)
        if event.place:
            index.by_place[event.place].append(event)
        for tag in event.tags:
            index.by_tag[tag].append(event)
        index.by_year[event.date.year].append(event)
        for article in dict.fromkeys(s.article for s in event.sources if s.article):
            index.by_article[article].append(event)
    return index


def neighbours(index: ChronologyIndex, event: Event) -> tuple[Event | None, Event | None]:
    """The events just before and just after this one in time."""
    events = index.chronology.events
    position = index.position[event.id]
    previous = events[position - 1] if position > 0 else None
    following = events[position + 1] if position + 1 < len(events) else None
    return previous, following
