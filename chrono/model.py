"""The chronology's typed model: what the extractor produces, entries.py reads and writes,
and pages.py renders. Plain frozen dataclasses; nothing here does I/O."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["year", "month", "day"]
Side = Literal["nato", "russia", "other"]
"""Whose words a statement is: NATO and its member states, Russia, or neither."""
SIDES: tuple[Side, ...] = ("nato", "russia", "other")
"""The sides in the order pages and exports list them."""

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day: ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ISO text; raise ValueError with a reader-facing reason if it is not a real date."""
        match = _PARTIAL_DATE.match(text)
        if not match:
            raise ValueError(f"expected a date like '1996', '1996-05' or '1996-05-15', got {text!r}")
        year = int(match[1])
        month = int(match[2]) if match[2] else None
        day = int(match[3]) if match[3] else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"{text!r} is not a real date: there is no month {month}")
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueError(
                    f"{text!r} is not a real date: {calendar.month_name[month]} {year} "
                    f"has {last} days"
                )
        return cls(year, month, day)

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        """How much of the date is known; the length of the ISO text says the same."""
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        """The earliest calendar day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The latest calendar day the date can mean."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True)
class DateBasis:
    """How an event's date was found, so a reader can check it."""

    phrase: str
    """The words in the source that give the date, as written ("on Wednesday")."""
    anchor: str | None = None
    """The date the phrase was resolved against, usually the publication date (ISO)."""
    rule: str = ""
    """The rule that turned phrase and anchor into the date ("latest Wednesday on or before")."""


@dataclass(frozen=True)
class PersonRole:
    """A person taking part in an event, with the role they held at the time."""

    id: str
    role: str | None = None


@dataclass(frozen=True)
class Quote:
    """Words attributed to a person or an organization in a source."""

    speaker: str
    """A person id or an organization id."""
    text: str
    role: str | None = None
    """The office the speaker spoke in, as the source gives it."""
    source: SourceRef | None = None
    """Where the words are reported, when it is not the event's own source."""
    lang: str | None = None
    """The language the words are written in (`ru`), as `text` keeps them; None: English."""
    translation: str | None = None
    """An English translation of `text`, when `lang` is another language."""
    translation_source: str | None = None
    """Who made the translation (a publisher or an address); None: the project's own."""


@dataclass(frozen=True)
class SourceRef:
    """Where an event is reported."""

    article: str | None = None
    """File name of the article in `seeds/`, when the event was drawn from one."""
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    """Publication date, ISO, as precise as known."""
    title: str | None = None


@dataclass(frozen=True)
class MissingStatement:
    """A side whose words on an event could not be found, and where they were looked for."""

    side: Side
    """`nato` or `russia`."""
    note: str
    """Shown in that side's empty column of the both-sides view."""


Provenance = Literal["extracted", "curated"]
Status = Literal["draft", "reviewed"]


@dataclass(frozen=True)
class Event:
    """One thing that happened: one file `chronology/events/<id>.yml`."""

    id: str
    title: str
    date: PartialDate
    summary: str
    provenance: Provenance
    status: Status
    end_date: PartialDate | None = None
    """Last day of a multi-day event."""
    approximate: bool = False
    """The date is a best estimate ("c. 1999")."""
    date_basis: DateBasis | None = None
    place: str | None = None
    """A place id."""
    annotation: str | None = None
    """Editorial note in Markdown: why it matters, what it led to."""
    people: tuple[PersonRole, ...] = ()
    organizations: tuple[str, ...] = ()
    treaties: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    statements_missing: tuple[MissingStatement, ...] = ()
    """Sides that are not quoted because no statement of theirs was found (YAML
    `statements_missing`)."""
    sources: tuple[SourceRef, ...] = ()
    related: tuple[str, ...] = ()
    review: tuple[str, ...] = ()
    """Reasons a person should check this entry."""
    doubts: tuple[tuple[str, str], ...] = ()
    """Where the extractor is unsure, field by field: (path, reason) pairs such as
    ("quotes[2].speaker", "a pronoun after two people were quoted"). A field with no doubt is
    one the extractor would bet on. Paths use the validator's form (`people[1]`)."""
    checksums: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    """Written by the extractor: a short hash of each field as it last wrote it, so a re-run
    can tell a field a person changed (kept) from one it may refresh."""

    @property
    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        return (self.date.first_day(), (self.end_date or self.date).last_day(), self.id)


@dataclass(frozen=True)
class RoleSource:
    """A public page a role's dates were checked against."""

    url: str
    publisher: str | None = None
    published: str | None = None
    """Publication date, ISO, as precise as known."""
    title: str | None = None
    note: str | None = None
    """What the page gives: the start, the end, or that the office was held on a date."""


@dataclass(frozen=True)
class Role:
    """An office a person held, with its dates where known."""

    title: str
    start: PartialDate | None = None
    """YAML key `from`."""
    end: PartialDate | None = None
    """YAML key `to`; empty while the office is held."""
    sources: tuple[RoleSource, ...] = ()
    """The pages the dates were checked against."""
    unchecked: str | None = None
    """Why no page is cited yet, for a role not checked against one."""


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    """Other spellings, the surname alone, the Cyrillic spelling."""
    description: str | None = None
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    side: Side | None = None
    """Whose words this person's statements are, on the both-sides view of an event."""
    wikidata_note: str | None = None
    """How the Wikidata id was checked, or why it is empty."""


@dataclass(frozen=True)
class Organization:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    abbreviation: str | None = None
    description: str | None = None
    wikidata: str | None = None
    url: str | None = None
    side: Side | None = None
    """Whose words the organization's statements are, on the both-sides view of an event."""
    wikidata_note: str | None = None
    """How the Wikidata id was checked, or why it is empty."""


@dataclass(frozen=True)
class Treaty:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    abbreviation: str | None = None
    description: str | None = None
    wikidata: str | None = None
    signed: PartialDate | None = None
    in_force: PartialDate | None = None
    suspended: PartialDate | None = None
    ended: PartialDate | None = None
    parties: tuple[str, ...] = ()
    """Who is bound by it, as names (states or organizations)."""
    wikidata_note: str | None = None
    """How the Wikidata id was checked, or why it is empty."""


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    description: str | None = None
    wikidata: str | None = None
    wikidata_note: str | None = None
    """How the Wikidata id was checked, or why it is empty."""


@dataclass(frozen=True)
class Tag:
    id: str
    name: str
    description: str | None = None


@dataclass(frozen=True)
class Era:
    """A period of the relationship, shown as a band on the visual timeline."""

    id: str
    name: str
    start: PartialDate
    end: PartialDate
    description: str | None = None


@dataclass(frozen=True)
class Article:
    """A source article in `seeds/` with its publication facts from `sources.yml`."""

    file: str
    """File name inside `seeds/`."""
    text: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    """ISO date as precise as known (`YYYY-MM` when only the month is known)."""
    note: str | None = None
    title: str | None = None
    language: str | None = None
    """The article's language as `sources.yml` gives it (`ru`); None: read from the text."""


@dataclass(frozen=True)
class WebPage:
    """A news page read by `chrono.webpage`: its main text and publication facts."""

    text: str
    """The article's main text, headline first, one blank line between paragraphs."""
    title: str | None
    publisher: str | None
    """The site's name as the page gives it (`og:site_name`), else its host name."""
    published: str | None
    """Publication date as ISO `YYYY-MM-DD`, or None when the page does not tell."""
    url: str | None
    """The page's address: its canonical address when it names one on the same site, else
    the address it was read from after redirects; None for a saved file that names none."""
    final_url: str | None = None
    """Where the page was fetched from after redirects; None for a saved file."""


Entity = Person | Organization | Treaty | Place | Tag


@dataclass(frozen=True)
class Chronology:
    """Everything under `chronology/` (and the articles in `seeds/`), validated."""

    events: tuple[Event, ...]
    """In date order."""
    people: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    treaties: dict[str, Treaty] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    tags: dict[str, Tag] = field(default_factory=dict)
    eras: tuple[Era, ...] = ()
    articles: dict[str, Article] = field(default_factory=dict)
