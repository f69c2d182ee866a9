"""Cross-references: who and what each event links to, and back, built in one pass."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from chrono.entries import load_chronology
from chrono.index import (
    build_index,
    entity_path,
    entity_yaml_path,
    event_path,
    neighbours,
    related_events,
    page_href,
    role_at,
    source_path,
    year_path,
)
from chrono.model import Chronology, Event, PartialDate, Person, PersonRole, Quote, Role

CFE = "1996-05-15-cfe-review-conference"
TALKS = "2019-07-05-nato-russia-council-inf-talks"
ENDS = "2019-08-02-inf-treaty-ends"


@pytest.fixture
def chronology(data_root: Path) -> Chronology:
    return load_chronology(data_root)


def ids(events: list[Event]) -> list[str]:
    return [event.id for event in events]


def test_events_are_filed_under_each_entity_in_date_order(chronology: Chronology) -> None:
    index = build_index(chronology)
    assert ids(index.by_treaty["inf-treaty"]) == [TALKS, ENDS]
    # Listed at the talks, quoted (not listed) at the treaty's end.
    assert ids(index.by_person["jens-stoltenberg"]) == [TALKS, ENDS]
    assert ids(index.by_organization["nato"]) == [TALKS]
    assert ids(index.by_place["vienna"]) == [CFE]
    assert ids(index.by_tag["arms-control"]) == [TALKS, ENDS]
    assert {year: ids(events) for year, events in index.by_year.items()} == {1996: [CFE], 2019: [TALKS, ENDS]}
    assert ids(index.by_article["002_5b8a1d404cf63abd.txt"]) == [TALKS]
    assert index.events_of("place", "nowhere") == []


def test_quotes_are_filed_under_their_speaker(chronology: Chronology) -> None:
    index = build_index(chronology)
    (event, quote), (later, _) = index.quotes_by_speaker["jens-stoltenberg"]
    assert (event.id, later.id) == (TALKS, ENDS)
    assert quote.text == "We have not seen any signs of a breakthrough."
    assert index.speaker_kind("jens-stoltenberg") == "person"
    assert index.speaker_kind("nato") == "organization"
    assert index.speaker_kind("nobody") is None


def test_a_quoted_speaker_appears_in_the_event_even_when_not_listed(chronology: Chronology) -> None:
    cfe = chronology.events[0]
    quoted = replace(cfe, quotes=(Quote("jens-stoltenberg", "Words."), Quote("nato", "A statement.")))
    index = build_index(replace(chronology, events=(quoted, *chronology.events[1:])))
    assert ids(index.by_person["jens-stoltenberg"]) == [CFE, TALKS, ENDS]
    assert ids(index.by_organization["nato"]) == [CFE, TALKS]
    assert ids(index.by_person["georgy-mamedov"]) == [CFE, ENDS]  # quoted at the treaty's end


def test_neighbours_and_related_both_ways(chronology: Chronology) -> None:
    index = build_index(chronology)
    cfe, talks, ends = chronology.events
    assert neighbours(index, cfe) == (None, talks)
    assert neighbours(index, talks) == (cfe, ends)
    assert neighbours(index, ends) == (talks, None)
    # Only the INF talks name the CFE conference; the link shows on both pages.
    linked = replace(talks, related=(*talks.related, CFE))
    index = build_index(replace(chronology, events=(cfe, linked, ends)))
    assert ids(related_events(index, cfe)) == [TALKS]
    assert ids(related_events(index, linked)) == [CFE, ENDS]
    assert ids(related_events(index, ends)) == [TALKS]


def test_paths_and_relative_links() -> None:
    assert event_path(TALKS) == f"events/{TALKS}.md"
    assert entity_path("person", "jens-stoltenberg") == "people/jens-stoltenberg.md"
    assert entity_path("treaty", "inf-treaty") == "treaties/inf-treaty.md"
    assert entity_yaml_path("organization") == "chronology/organizations.yml"
    assert year_path(1996) == "years/1996.md"
    assert source_path("002_5b8a1d404cf63abd.txt") == "sources/002_5b8a1d404cf63abd.md"
    assert page_href(event_path(TALKS), "people/jens-stoltenberg.md") == "../../people/jens-stoltenberg/"
    assert page_href(event_path(TALKS), event_path(ENDS)) == f"../../events/{ENDS}/"
    assert page_href("index.md", "timeline.md") == "timeline/"
    assert page_href("timeline.md", "years/index.md") == "../years/"
    assert page_href("timeline.md", "index.md") == "../"
    assert page_href("index.md", "index.md") == "./"
    assert page_href(event_path(TALKS), "people/jens-stoltenberg.md", directory_urls=False) == "../people/jens-stoltenberg.html"
    assert page_href("timeline.md", "years/index.md", directory_urls=False) == "years/index.html"


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("1999-05-01", "Deputy Foreign Minister"),
        ("2003-06", "Deputy Foreign Minister"),
        ("2003-07-01", "Ambassador"),
        ("1990", None),
        ("2015", None),
    ],
)
def test_role_at_picks_the_office_held_on_the_date(date: str, expected: str | None) -> None:
    person = Person(
        "x",
        "X",
        roles=(
            Role("Deputy Foreign Minister", PartialDate.parse("1991"), PartialDate.parse("2003-06")),
            Role("Ambassador", PartialDate.parse("1999-05"), PartialDate.parse("2014")),
        ),
    )
    # Where two offices overlap, the first listed that covers the day is taken.
    assert role_at(person, PartialDate.parse(date)) == expected


def test_role_at_uses_an_undated_role_only_when_it_is_the_only_one() -> None:
    single = Person("x", "X", roles=(Role("Foreign Minister"),))
    assert role_at(single, PartialDate.parse("2000")) == "Foreign Minister"
    mixed = Person("x", "X", roles=(Role("Adviser"), Role("Minister", PartialDate.parse("2010"))))
    assert role_at(mixed, PartialDate.parse("2000")) is None
    assert role_at(mixed, PartialDate.parse("2011")) == "Minister"


def test_a_person_listed_twice_is_filed_once(chronology: Chronology) -> None:
    talks = chronology.events[1]
    doubled = replace(talks, people=(*talks.people, PersonRole("jens-stoltenberg", "Speaker")))
    index = build_index(replace(chronology, events=(chronology.events[0], doubled, chronology.events[2])))
    assert ids(index.by_person["jens-stoltenberg"]) == [TALKS, ENDS]
