"""The chronology as data for other programs: JSON, CSV, iCalendar, and schema.org JSON-LD.

Pure functions from the index to text; site.py writes the text into the built site. Every
value comes from contributor-edited YAML, so each format escapes it by its own rules.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import re
from typing import Any

from .index import ChronologyIndex, EntityKind, entity_path, event_path, page_url, speaker_side
from .model import SIDES, Event, Quote
from .pages import GeneratedPage, RenderedPage, person_role

EXPORT_VERSION = 1
JSON_NAME = "chronology.json"
CSV_NAME = "chronology.csv"
ICS_NAME = "chronology.ics"
UID_DOMAIN = "russia-nato-chronology"
"""Right-hand side of every iCalendar UID; fixed so a re-import updates rather than duplicates."""

CSV_COLUMNS = (
    "id", "date", "end_date", "approximate", "first_day", "last_day", "title", "summary",
    "place", "people", "organizations", "treaties", "tags", "source_urls", "url",
    "provenance", "status", "statement_sides",
)
CSV_LIST_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def event_url(event_id: str, directory_urls: bool = True) -> str:
    """URL of an event page relative to the site root (where the export files sit)."""
    return f"events/{event_id}/" if directory_urls else f"events/{event_id}.html"


# ---------------------------------------------------------------- JSON


def build_export(index: ChronologyIndex, *, directory_urls: bool = True) -> dict[str, Any]:
    """The whole chronology with every reference resolved to a name; see export.schema.json."""
    chronology = index.chronology
    return {
        "version": EXPORT_VERSION,
        "events": [export_event(event, index, directory_urls) for event in chronology.events],
        "eras": [
            {
                "id": era.id,
                "name": era.name,
                "start": era.start.iso(),
                "end": era.end.iso(),
                "description": era.description,
            }
            for era in chronology.eras
        ],
    }


def export_event(
    event: Event, index: ChronologyIndex, directory_urls: bool = True
) -> dict[str, Any]:
    """One event as a JSON-ready mapping with names next to ids."""
    chronology = index.chronology
    last = (event.end_date or event.date).last_day()
    place = chronology.places.get(event.place) if event.place else None
    return {
        "id": event.id,
        "url": event_url(event.id, directory_urls),
        "title": event.title,
        "date": event.date.iso(),
        "end_date": event.end_date.iso() if event.end_date else None,
        "precision": event.date.precision,
        "first_day": event.date.first_day().isoformat(),
        "last_day": last.isoformat(),
        "approximate": event.approximate,
        "summary": event.summary,
        "annotation": event.annotation,
        "date_basis": (
            {
                "phrase": event.date_basis.phrase,
                "anchor": event.date_basis.anchor,
                "rule": event.date_basis.rule,
            }
            if event.date_basis
            else None
        ),
        "place": (
            {
                "id": place.id,
                "name": place.name,
                "country": place.country,
                "latitude": place.latitude,
                "longitude": place.longitude,
            }
            if place
            else None
        ),
        "people": [
            {"id": p.id, "name": _name(chronology.people, p.id), "role": p.role}
            for p in event.people
        ],
        "organizations": [
            {
                "id": org_id,
                "name": _name(chronology.organizations, org_id),
                "abbreviation": getattr(chronology.organizations.get(org_id), "abbreviation", None),
            }
            for org_id in event.organizations
        ],
        "treaties": [
            {
                "id": treaty_id,
                "name": _name(chronology.treaties, treaty_id),
                "abbreviation": getattr(chronology.treaties.get(treaty_id), "abbreviation", None),
            }
            for treaty_id in event.treaties
        ],
        "tags": [{"id": tag, "name": _name(chronology.tags, tag)} for tag in event.tags],
        "quotes": [_export_quote(event, quote, index, directory_urls) for quote in event.quotes],
        "sources": [
            {
                "article": s.article,
                "url": s.url,
                "publisher": s.publisher,
                "published": s.published,
                "title": s.title,
            }
            for s in event.sources
        ],
        "related": list(event.related),
        "provenance": event.provenance,
        "status": event.status,
    }


def _export_quote(event: Event, quote: Quote, index: ChronologyIndex, directory_urls: bool) -> dict[str, Any]:
    """A quote with its speaker's name, page and side, the office they spoke in (as the quote
    gives it, else the speaker's at the time of the event) and its own source, if it has one."""
    kind: EntityKind = "person" if quote.speaker in index.chronology.people else "organization"
    role = quote.role or (person_role(index, event, quote.speaker) if kind == "person" else None)
    source = quote.source
    return {
        "speaker": {
            "id": quote.speaker,
            "kind": kind,
            "name": _speaker_name(index, quote.speaker),
            "url": page_url(entity_path(kind, quote.speaker), directory_urls),
        },
        "text": quote.text,
        "lang": quote.lang or "en",
        "translation": quote.translation,
        "translation_source": quote.translation_source,
        "role": role,
        "side": speaker_side(index, quote.speaker),
        "source": dataclasses.asdict(source) if source else None,
    }


def _name(entities: dict[str, Any], key: str) -> str:
    """An entity's name; the id stands in if validation let an unknown id through."""
    entity = entities.get(key)
    return entity.name if entity is not None else key


def _speaker_name(index: ChronologyIndex, speaker: str) -> str:
    chronology = index.chronology
    if speaker in chronology.people:
        return chronology.people[speaker].name
    return _name(chronology.organizations, speaker)


def render_json(index: ChronologyIndex, *, directory_urls: bool = True) -> str:
    """`chronology.json`: compact, UTF-8, ids and names side by side."""
    return json.dumps(
        build_export(index, directory_urls=directory_urls),
        ensure_ascii=False,
        separators=(",", ":"),
    )


# ---------------------------------------------------------------- CSV


def render_csv(index: ChronologyIndex, *, directory_urls: bool = True) -> str:
    """`chronology.csv`: one row per event, lists joined with '; ', names rather than ids."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in index.chronology.events:
        data = export_event(event, index, directory_urls)
        row = {
            "id": event.id,
            "date": data["date"],
            "end_date": data["end_date"] or "",
            "approximate": "yes" if event.approximate else "no",
            "first_day": data["first_day"],
            "last_day": data["last_day"],
            "title": event.title,
            "summary": event.summary,
            "place": data["place"]["name"] if data["place"] else "",
            "people": _join(p["name"] for p in data["people"]),
            "organizations": _join(o["name"] for o in data["organizations"]),
            "treaties": _join(t["name"] for t in data["treaties"]),
            "tags": _join(t["name"] for t in data["tags"]),
            "source_urls": " ".join(s["url"] for s in data["sources"] if s["url"]),
            "url": data["url"],
            "provenance": event.provenance,
            "status": event.status,
            # Whose statements the event records: "nato; russia" finds the events with both.
            "statement_sides": _join(sorted({q["side"] for q in data["quotes"] if q["side"]}, key=SIDES.index)),
        }
        writer.writerow([_defuse_formula(row[column]) for column in CSV_COLUMNS])
    return out.getvalue()


def _join(values: Any) -> str:
    return CSV_LIST_SEPARATOR.join(values)


def _defuse_formula(cell: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; a leading ' keeps them text."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


# ---------------------------------------------------------------- iCalendar


def calendar_range(event: Event) -> tuple[dt.date, dt.date]:
    """All-day DTSTART and exclusive DTEND: a month- or year-precision date covers it whole."""
    first = event.date.first_day()
    last = (event.end_date or event.date).last_day()
    return first, last + dt.timedelta(days=1)


def render_ics(
    index: ChronologyIndex,
    *,
    stamp: dt.datetime,
    site_url: str | None = None,
    directory_urls: bool = True,
) -> str:
    """`chronology.ics` (RFC 5545): one all-day VEVENT per event, CRLF lines folded at 75 octets."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//russia-nato-chronology//chronology export//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Russia–NATO relations",
    ]
    dtstamp = stamp.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    chronology = index.chronology
    for event in chronology.events:
        start, end = calendar_range(event)
        description = [event.summary]
        if event.date.precision != "day" or event.approximate:
            description.append(f"Date as known: {_describe_precision(event)}.")
        url = _absolute(site_url, event_url(event.id, directory_urls))
        if url:
            description.append(url)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.id}@{UID_DOMAIN}",
            f"DTSTAMP:{dtstamp}",
            f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
            f"SUMMARY:{escape_ics_text(event.title)}",
            f"DESCRIPTION:{escape_ics_text(chr(10).join(description))}",
        ]
        place = chronology.places.get(event.place) if event.place else None
        if place is not None:
            where = f"{place.name}, {place.country}" if place.country else place.name
            lines.append(f"LOCATION:{escape_ics_text(where)}")
        if event.tags:
            names = [escape_ics_text(_name(chronology.tags, tag)) for tag in event.tags]
            lines.append("CATEGORIES:" + ",".join(names))
        if url:
            lines.append(f"URL:{_escape_uri(url)}")
        lines.append("TRANSP:TRANSPARENT")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold_ics_line(line) + "\r\n" for line in lines)


def _describe_precision(event: Event) -> str:
    text = event.date.iso() + (f" to {event.end_date.iso()}" if event.end_date else "")
    known = {"year": "to the year", "month": "to the month", "day": "to the day"}
    text += f" (known {known[event.date.precision]}"
    return text + (", approximate)" if event.approximate else ")")


def escape_ics_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped; other controls dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\n", "\\n")
    return _ICS_CONTROLS.sub("", text)


_ICS_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
"""Control characters other than tab (newlines are escaped before this is applied)."""


def _escape_uri(url: str) -> str:
    """A URI value is not TEXT, but it must still be one line without controls."""
    return "".join(ch for ch in url if ord(ch) > 0x20 and ord(ch) != 0x7F)


def fold_ics_line(line: str) -> str:
    """Fold after at most 75 octets, never inside a UTF-8 character; continuations start
    with a space (RFC 5545, 3.1)."""
    if len(line) * 4 <= 75 or len(line.encode("utf-8")) <= 75:
        return line
    if line.isascii():
        # One octet a character: 75 on the first line, a space and 74 on each continuation.
        return "\r\n ".join([line[:75], *(line[i : i + 74] for i in range(75, len(line), 74))])
    parts: list[str] = []
    current = ""
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > 75:
            parts.append(current)
            current, size = " ", 1
        current += ch
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _absolute(site_url: str | None, path: str) -> str | None:
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + path


# ---------------------------------------------------------------- JSON-LD


def render_event_jsonld(
    event: Event,
    index: ChronologyIndex,
    *,
    site_url: str | None = None,
    directory_urls: bool = True,
) -> str:
    """A schema.org `Event` as a `<script type="application/ld+json">` block, safe to inline."""
    chronology = index.chronology
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": event.date.iso(),
        "endDate": (event.end_date or event.date).iso(),
    }
    url = _absolute(site_url, event_url(event.id, directory_urls))
    if url:
        data["url"] = url
    place = chronology.places.get(event.place) if event.place else None
    if place is not None:
        location: dict[str, Any] = {"@type": "Place", "name": place.name}
        if place.country:
            location["address"] = {"@type": "PostalAddress", "addressCountry": place.country}
        if place.latitude is not None and place.longitude is not None:
            location["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": place.latitude,
                "longitude": place.longitude,
            }
        if place.wikidata:
            location["sameAs"] = f"https://www.wikidata.org/wiki/{place.wikidata}"
        data["location"] = location
    attendees: list[dict[str, Any]] = []
    for role in event.people:
        person = chronology.people.get(role.id)
        entry: dict[str, Any] = {"@type": "Person", "name": person.name if person else role.id}
        if role.role:
            entry["jobTitle"] = role.role
        if person is not None and person.wikidata:
            entry["sameAs"] = f"https://www.wikidata.org/wiki/{person.wikidata}"
        attendees.append(entry)
    for org_id in event.organizations:
        org = chronology.organizations.get(org_id)
        entry = {"@type": "Organization", "name": org.name if org else org_id}
        if org is not None and org.wikidata:
            entry["sameAs"] = f"https://www.wikidata.org/wiki/{org.wikidata}"
        attendees.append(entry)
    if attendees:
        data["attendee"] = attendees
    if event.treaties:
        data["about"] = [
            {"@type": "Legislation", "name": _name(chronology.treaties, treaty_id)}
            for treaty_id in event.treaties
        ]
    if event.tags:
        data["keywords"] = ", ".join(_name(chronology.tags, tag) for tag in event.tags)
    return f'<script type="application/ld+json">{dump_script_json(data)}</script>'


def dump_script_json(data: Any) -> str:
    """JSON that cannot end its <script> element or open a comment: <, > and & as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # U+2028/9 are legal in JSON but were line breaks in older JavaScript; escape them too.
    for char, escape in (
        ("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
        ("\u2028", "\\u2028"), ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escape)
    return text



# ---------------------------------------------------------------- into the site


def build_stamp() -> dt.datetime:
    """When this export was made: SOURCE_DATE_EPOCH when set (reproducible builds), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def render_export_files(
    index: ChronologyIndex, *, site_url: str | None = None, directory_urls: bool = True
) -> list[GeneratedPage]:
    """The three export files at the site root; MkDocs copies non-Markdown files as they are."""
    return [
        GeneratedPage(JSON_NAME, render_json(index, directory_urls=directory_urls), None),
        GeneratedPage(CSV_NAME, render_csv(index, directory_urls=directory_urls), None),
        GeneratedPage(
            ICS_NAME,
            render_ics(
                index, stamp=build_stamp(), site_url=site_url, directory_urls=directory_urls
            ),
            None,
        ),
    ]


def add_event_jsonld(
    pages: list[RenderedPage | GeneratedPage],
    index: ChronologyIndex,
    *,
    site_url: str | None = None,
    directory_urls: bool = True,
) -> list[RenderedPage | GeneratedPage]:
    """Each event page with its schema.org JSON-LD block appended; other pages unchanged."""
    by_path = {event_path(event.id): event for event in index.chronology.events}
    out = []
    for page in pages:
        event = by_path.get(page.path)
        if event is not None and isinstance(page, RenderedPage):
            block = render_event_jsonld(event, index, site_url=site_url, directory_urls=directory_urls)
            page = dataclasses.replace(page, html=page.html + block + "\n")
        out.append(page)
    return out
