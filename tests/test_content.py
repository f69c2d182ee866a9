"""The real chronology in chronology/: the content rules a pull request must meet, run on every
entry through the functions `validate` uses (chrono/rules.py), and what the site promises its
readers about the corpus as a whole (how many events, which years, which eras)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from chrono import rules
from chrono.entries import read_chronology
from chrono.model import Chronology, MissingStatement

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


# --- Both sides at every turn (rules.unaccounted_sides, run by event_problems above) -----------


def test_unaccounted_sides_reads_quotes_and_notes(chronology: Chronology) -> None:
    """The rule itself, on a real event: quoted sides count, a note counts, nothing else does."""
    event = next(e for e in chronology.events if e.id == "2022-01-12-relations-between-russia-and-nato")
    assert rules.unaccounted_sides(event, chronology) == []
    silent = dataclasses.replace(event, quotes=(), statements_missing=())
    assert rules.unaccounted_sides(silent, chronology) == ["nato", "russia"]
    noted = dataclasses.replace(silent, statements_missing=(MissingStatement("russia", "looked for in x"),))
    assert rules.unaccounted_sides(noted, chronology) == ["nato"]


# --- Roles cite the page they were checked against (rules.role_problems, run by person_problems) -


def test_the_roles_allowed_to_go_uncited_still_need_their_place(chronology: Chronology) -> None:
    """UNCHECKED_ROLES may only shrink: a role that now cites a page leaves the list."""
    unchecked = {
        f"{person.id}.roles[{i}]"
        for person in chronology.people.values()
        for i, role in enumerate(person.roles)
        if not role.sources
    }
    assert sorted(rules.UNCHECKED_ROLES - unchecked) == [], "these roles now cite a page: remove them from UNCHECKED_ROLES"
    assert sorted(unchecked - rules.UNCHECKED_ROLES) == [], "cite the page the role's dates were checked against"


# --- Notes speak of pages, not of the program used to find them -------------------------------
# A corpus test, not a validator rule: it reads the files' whole text, comments included,
# which the validator's model never sees.

TOOL_WORDS = re.compile(
    r"\b(?:search|lookup|look-up)\s+(?:tool|program|function|service)s?\b"  # the program itself
    r"|\b[a-z]+_[a-z_]+\(\)?"  # one of its functions, written as code: some_function()
    r"|\b(?:stored|search|pages|docs|code)\s+corp(?:us|ora)\b|\blook-ups?\b",  # its stored copies, its calls
    re.IGNORECASE,
)


def tool_words_in(text: str) -> list[str]:
    return sorted({m.group(0).lower() for m in TOOL_WORDS.finditer(text)})


def test_chronology_files_name_pages_never_the_lookup_program() -> None:
    found = {
        str(path.relative_to(REPO)): words
        for path in sorted((REPO / "chronology").rglob("*.yml"))
        if (words := tool_words_in(path.read_text(encoding="utf-8")))
    }
    assert found == {}, "name the public page or archive consulted (its address), not the program used"
    assert tool_words_in("seen with a lookup program's fetch_record() in its code corpora") == [
        "code corpora", "fetch_record()", "lookup program",
    ]
    assert tool_words_in("the Corporation's text, incorporating a corpus of treaties") == []
