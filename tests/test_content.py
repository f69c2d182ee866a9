"""The real chronology in chronology/: the content rules a pull request must meet, run on every
entry through the functions `validate` uses (chrono/rules.py), and what the site promises its
readers about the corpus as a whole (how many events, which years, which eras)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono import rules
from chrono.entries import read_chronology
from chrono.model import Chronology

REPO = Path(__file__).resolve().parent.parent
FIRST_YEAR, LAST_YEAR = 1996, 2022


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


def test_eras_cover_the_period_without_gaps_or_overlaps(chronology: Chronology) -> None:
    eras = sorted(chronology.eras, key=lambda era: era.start.first_day())
    assert 5 <= len(eras) <= 7
    assert eras[0].start.first_day().year <= FIRST_YEAR
    assert eras[-1].end.last_day().year >= LAST_YEAR
    assert [f"{era.id}: {p.message}" for era, p in rules.era_gap_problems(eras)] == []


def test_at_least_100_events(chronology: Chronology) -> None:
    count = len(chronology.events)
    assert count >= 100, f"the chronology has {count} events; at least 100 are expected"




def test_many_curated_events_and_russian_officials_among_the_people(chronology: Chronology) -> None:
    assert len([e for e in chronology.events if e.provenance == "curated"]) >= 30
    russian = [
        p for p in chronology.people.values()
        if any(rules.RUSSIAN_OFFICE.search(r.title) for r in p.roles)
    ]
    assert russian, "expected Russian officials among the people"


# --- the content rules, on every real entry (validate runs the same functions) -----------------


def test_every_event_meets_the_content_rules(chronology: Chronology) -> None:
    broken = [f"{e.id}: {rules.format_field_path(p.field)}: {p.message}" for e in chronology.events for p in rules.event_problems(e, chronology)]
    assert broken == []


def test_no_two_events_are_the_same_event(chronology: Chronology) -> None:
    assert [(a.id, b.id, why) for a, b, why in rules.same_event_pairs(chronology.events)] == []


@pytest.mark.parametrize(("kind", "check"), [
    ("people", rules.person_problems),
    ("organizations", rules.organization_problems),
    ("treaties", rules.treaty_problems),
    ("places", rules.place_problems),
])
def test_every_entity_meets_the_content_rules(chronology: Chronology, kind: str, check: object) -> None:
    entities = getattr(chronology, kind)
    broken = [f"{key}: {p.message}" for key, entity in entities.items() for p in check(entity)]  # type: ignore[operator]
    assert broken == []


def test_the_source_lists_do_not_overlap() -> None:
    assert rules.PRIMARY_DOMAINS & rules.REPUTABLE_DOMAINS == set()
    assert (rules.PRIMARY_DOMAINS | rules.REPUTABLE_DOMAINS) & rules.AGGREGATOR_DOMAINS == set()
