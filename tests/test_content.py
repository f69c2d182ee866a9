"""Integrity of the real chronology in chronology/: what the site promises its readers."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from chrono.entries import read_chronology
from chrono.model import Chronology, Event

REPO = Path(__file__).resolve().parent.parent
FIRST_YEAR, LAST_YEAR = 1996, 2022
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
STOP_WORDS = {"the", "a", "an", "of", "on", "in", "to", "and", "at", "for", "with", "its", "as"}


@pytest.fixture(scope="module")
def chronology() -> Chronology:
    chronology, errors = read_chronology(REPO)
    assert [str(e) for e in errors] == []
    return chronology


def test_at_least_35_events_across_the_whole_period(chronology: Chronology) -> None:
    assert len(chronology.events) >= 35
    years = {event.date.year for event in chronology.events}
    missing = [year for year in range(FIRST_YEAR, LAST_YEAR + 1) if year not in years]
    assert missing == []


def test_every_event_has_a_source(chronology: Chronology) -> None:
    assert [e.id for e in chronology.events if not e.sources] == []


def test_every_curated_event_is_sourced_summarised_and_annotated(chronology: Chronology) -> None:
    curated = [e for e in chronology.events if e.provenance == "curated"]
    assert len(curated) >= 30
    assert [e.id for e in curated if not any(s.url for s in e.sources)] == []
    assert [e.id for e in curated if not e.annotation] == []
    assert [e.id for e in curated if len(e.summary) < 80] == []


def _title_words(event: Event) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", event.title.lower()) if w not in STOP_WORDS}


def test_no_two_events_are_the_same_event(chronology: Chronology) -> None:
    """Same day and mostly the same headline, or same day, place, people and treaties."""
    same: list[tuple[str, str]] = []
    by_day = sorted(
        (e for e in chronology.events if e.date.precision == "day"), key=lambda e: e.date.iso()
    )
    for _, group in itertools.groupby(by_day, key=lambda e: e.date.iso()):
        for a, b in itertools.combinations(list(group), 2):
            words_a, words_b = _title_words(a), _title_words(b)
            overlap = len(words_a & words_b) / max(1, len(words_a | words_b))
            same_cast = (
                a.place == b.place
                and {p.id for p in a.people} == {p.id for p in b.people}
                and set(a.treaties) == set(b.treaties)
            )
            if overlap >= 0.5 or same_cast:
                same.append((a.id, b.id))
    assert same == []


def test_people_are_described_with_dated_roles(chronology: Chronology) -> None:
    people = chronology.people.values()
    assert [p.id for p in people if not p.description] == []
    assert [p.id for p in people if not p.roles] == []
    assert [p.id for p in people if not p.aliases] == []
    russian = [
        p for p in people if any(re.search(r"Russia|Soviet|USSR", r.title) for r in p.roles)
    ]
    assert russian, "expected Russian officials among the people"
    assert [p.id for p in russian if not any(CYRILLIC.search(a) for a in p.aliases)] == []


def test_treaties_and_places_carry_their_facts(chronology: Chronology) -> None:
    assert [t.id for t in chronology.treaties.values() if not t.name] == []
    signed_or_drafted = [t for t in chronology.treaties.values() if t.signed or t.description]
    assert len(signed_or_drafted) == len(chronology.treaties)
    assert [t.id for t in chronology.treaties.values() if not t.parties] == []
    places = chronology.places.values()
    assert [p.id for p in places if not p.country] == []
    assert [p.id for p in places if p.latitude is None or p.longitude is None] == []


def test_eras_cover_the_period_without_gaps_or_overlaps(chronology: Chronology) -> None:
    eras = sorted(chronology.eras, key=lambda era: era.start.first_day())
    assert 5 <= len(eras) <= 7
    assert eras[0].start.first_day().year <= FIRST_YEAR
    assert eras[-1].end.last_day().year >= LAST_YEAR
    for earlier, later in itertools.pairwise(eras):
        gap = (later.start.first_day() - earlier.end.last_day()).days
        assert gap == 1, f"{earlier.id} and {later.id} leave a gap or overlap of {gap - 1} days"
