"""Exports: JSON against its schema, CSV through the csv module, iCalendar line by line, JSON-LD."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from chrono.entries import read_chronology
from chrono.exports import (
    CSV_COLUMNS,
    fold_ics_line,
    render_csv,
    render_event_jsonld,
    render_ics,
    render_json,
)
from chrono.index import ChronologyIndex, build_index
from chrono.model import Chronology, Event, PartialDate, Place, Quote

SCHEMA = Path(__file__).resolve().parent.parent / "chrono/schemas/export.schema.json"
STAMP = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
HOSTILE = 'Talks, at last; "done" \\ </script><!-- & next\nline'


@pytest.fixture
def index(data_root: Path) -> ChronologyIndex:
    chronology, errors = read_chronology(data_root)
    assert errors == []
    return build_index(chronology)


def _with_event(index: ChronologyIndex, event: Event) -> ChronologyIndex:
    chronology = index.chronology
    events = tuple(sorted((*chronology.events, event), key=lambda e: e.sort_key))
    return build_index(dataclasses.replace(chronology, events=events))


def _hostile_event() -> Event:
    return Event(
        id="2007-07-14-hostile",
        title=HOSTILE,
        date=PartialDate(2007, 7),
        summary="Ünïcödé " * 20,
        provenance="curated",
        status="draft",
        place="vienna",
        quotes=(Quote("jens-stoltenberg", HOSTILE),),
    )


def test_json_export_validates_against_its_schema(index: ChronologyIndex) -> None:
    data = json.loads(render_json(_with_event(index, _hostile_event())))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []
    assert [e["id"] for e in data["events"]] == [
        "1996-05-15-cfe-review-conference",
        "2007-07-14-hostile",
        "2019-07-05-nato-russia-council-inf-talks",
        "2019-08-02-inf-treaty-ends",
    ]
    assert [era["id"] for era in data["eras"]] == ["early", "late"]


def test_json_export_resolves_every_reference(index: ChronologyIndex) -> None:
    data = json.loads(render_json(index))
    talks = data["events"][1]
    assert talks["url"] == "events/2019-07-05-nato-russia-council-inf-talks/"
    assert talks["people"] == [
        {"id": "jens-stoltenberg", "name": "Jens Stoltenberg", "role": "NATO Secretary General"}
    ]
    assert talks["organizations"][1] == {
        "id": "nato-russia-council", "name": "NATO-Russia Council", "abbreviation": "NRC"
    }
    assert talks["treaties"] == [
        {
            "id": "inf-treaty",
            "name": "Intermediate-Range Nuclear Forces Treaty",
            "abbreviation": "INF",
        }
    ]
    assert talks["place"]["name"] == "Brussels"
    assert talks["tags"][0] == {"id": "arms-control", "name": "Arms control"}
    # Each quote with its speaker's page and side (from the person's entry), the office they
    # spoke in (the quote's own, else theirs at the time), its language (English unless the
    # entry says), and its own source (null: the event's).
    assert talks["quotes"] == [{
        "speaker": {"id": "jens-stoltenberg", "kind": "person", "name": "Jens Stoltenberg",
                    "url": "people/jens-stoltenberg/"},
        "text": "We have not seen any signs of a breakthrough.",
        "lang": "en",
        "translation": None,
        "translation_source": None,
        "role": "NATO Secretary General",
        "side": "nato",
        "source": None,
    }]
    assert data["events"][2]["quotes"][1] == {
        "speaker": {"id": "georgy-mamedov", "kind": "person", "name": "Georgy Mamedov",
                    "url": "people/georgy-mamedov/"},
        "text": "Moscow remains ready to talk about the treaty (invented test statement).",
        "lang": "en",
        "translation": None,
        "translation_source": None,
        "role": "Deputy Foreign Minister of Russia",
        "side": "russia",
        "source": {"article": None, "url": "https://example.org/fixture/invented-statement",
                   "publisher": "Fixture Wire (test data)", "published": "2019-08-02", "title": None},
    }
    assert talks["date_basis"]["phrase"] == "on Friday"
    conference = data["events"][0]
    assert (conference["first_day"], conference["last_day"]) == ("1996-05-15", "1996-05-31")


def test_schema_rejects_a_missing_name(index: ChronologyIndex) -> None:
    """The schema checks something: an export without a person's name fails it."""
    data = json.loads(render_json(index))
    del data["events"][1]["people"][0]["name"]
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError, match="'name' is a required property"):
        jsonschema.validate(data, schema)


def test_schema_rejects_a_side_that_is_not_one_of_the_three(index: ChronologyIndex) -> None:
    data = json.loads(render_json(index))
    data["events"][2]["quotes"][1]["side"] = "west"
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError, match="'west' is not one of"):
        jsonschema.validate(data, schema)


def test_csv_has_one_row_per_event_with_documented_columns(index: ChronologyIndex) -> None:
    text = render_csv(_with_event(index, _hostile_event()))
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    assert len(rows) == 4
    talks = rows[2]
    assert talks["people"] == "Jens Stoltenberg"
    assert talks["organizations"] == "North Atlantic Treaty Organization; NATO-Russia Council"
    # Whose statements each event records, in a fixed order, for filtering in a spreadsheet.
    assert [row["statement_sides"] for row in rows] == ["", "nato", "nato", "nato; russia"]
    assert talks["tags"] == "Arms control; NATO-Russia Council"
    assert talks["place"] == "Brussels"
    assert talks["source_urls"].startswith("https://www.themoscowtimes.com/")
    assert rows[1]["title"] == HOSTILE  # commas, quotes and the newline survive quoting
    assert rows[1]["date"] == "2007-07" and rows[1]["last_day"] == "2007-07-31"


def test_csv_defuses_spreadsheet_formulas(index: ChronologyIndex) -> None:
    event = dataclasses.replace(_hostile_event(), title="=HYPERLINK(\"http://x\")")
    rows = list(csv.DictReader(io.StringIO(render_csv(_with_event(index, event)), newline="")))
    assert rows[1]["title"] == "'=HYPERLINK(\"http://x\")"


def _unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def _vevents(text: str) -> list[dict[str, str]]:
    events, current = [], None
    for line in _unfold(text):
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return events


def test_ics_has_an_all_day_event_per_event_with_exclusive_end(index: ChronologyIndex) -> None:
    hostile_index = _with_event(index, _hostile_event())
    text = render_ics(hostile_index, stamp=STAMP, site_url="https://example.org/c/")
    lines = _unfold(text)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"] and lines[-1] == "END:VCALENDAR"
    events = _vevents(text)
    assert len(events) == 4
    conference, hostile, talks, ends = events
    # A multi-day event covers its days; DTEND is the day after the last one.
    assert conference["DTSTART;VALUE=DATE"] == "19960515"
    assert conference["DTEND;VALUE=DATE"] == "19960601"
    # A single day ends the next day; a month-precision date covers the whole month.
    assert (talks["DTSTART;VALUE=DATE"], talks["DTEND;VALUE=DATE"]) == ("20190705", "20190706")
    assert (hostile["DTSTART;VALUE=DATE"], hostile["DTEND;VALUE=DATE"]) == ("20070701", "20070801")
    assert "known to the month" in hostile["DESCRIPTION"]
    assert talks["UID"] == "2019-07-05-nato-russia-council-inf-talks@russia-nato-chronology"
    assert talks["DTSTAMP"] == "20260102T030405Z"
    assert talks["URL"] == "https://example.org/c/events/2019-07-05-nato-russia-council-inf-talks/"
    assert talks["LOCATION"] == "Brussels\\, Belgium"
    assert talks["CATEGORIES"] == "Arms control,NATO-Russia Council"
    assert hostile["SUMMARY"] == 'Talks\\, at last\\; "done" \\\\ </script><!-- & next\\nline'
    assert "URL" not in _vevents(render_ics(index, stamp=STAMP))[0]


def test_ics_lines_fold_at_75_octets_without_splitting_characters(index: ChronologyIndex) -> None:
    text = render_ics(_with_event(index, _hostile_event()), stamp=STAMP)
    physical = text.encode("utf-8").split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) == 75  # the long summary folded
    for line in physical:
        assert len(line) <= 75
        line.decode("utf-8")  # raises if a fold cut a character in two
    folded = fold_ics_line("X:" + "é" * 100)
    pieces = folded.split("\r\n")
    assert [len(p.encode()) for p in pieces] == [74, 75, 55]
    assert "".join(p.removeprefix(" ") for p in pieces) == "X:" + "é" * 100


def test_jsonld_is_a_schema_org_event_that_cannot_break_out_of_its_script(
    index: ChronologyIndex,
) -> None:
    talks = index.events_by_id["2019-07-05-nato-russia-council-inf-talks"]
    block = render_event_jsonld(talks, index)
    data = json.loads(re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', block)[1])
    assert data["@type"] == "Event" and data["startDate"] == "2019-07-05"
    assert data["location"]["name"] == "Brussels"
    assert data["attendee"][0] == {
        "@type": "Person",
        "name": "Jens Stoltenberg",
        "jobTitle": "NATO Secretary General",
        "sameAs": "https://www.wikidata.org/wiki/Q57462",
    }
    hostile_index = _with_event(index, _hostile_event())
    block = render_event_jsonld(hostile_index.events_by_id["2007-07-14-hostile"], hostile_index)
    inner = block.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner)["name"] == HOSTILE


def test_exports_handle_thousands_of_events(index: ChronologyIndex) -> None:
    """2,000 events: every one appears once in each export."""
    base = index.chronology.events[1]
    events = tuple(
        dataclasses.replace(base, id=f"e{n:05d}", date=PartialDate(2000 + n % 20, 1 + n % 12, 1))
        for n in range(2000)
    )
    chronology = Chronology(
        events=tuple(sorted(events, key=lambda e: e.sort_key)),
        people=index.chronology.people,
        organizations=index.chronology.organizations,
        treaties=index.chronology.treaties,
        places={**index.chronology.places, "x": Place("x", "X")},
        tags=index.chronology.tags,
    )
    big = build_index(chronology)
    assert len(json.loads(render_json(big))["events"]) == 2000
    assert render_csv(big).count("\r\n") >= 2001
    assert render_ics(big, stamp=STAMP).count("BEGIN:VEVENT") == 2000
