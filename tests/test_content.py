"""Integrity of the real chronology in chronology/: what the site promises its readers."""

from __future__ import annotations

import dataclasses
import itertools
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from chrono.entries import read_chronology
from chrono.model import Chronology, Event, MissingStatement, Person, Role, SourceRef

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


def test_at_least_100_events(chronology: Chronology) -> None:
    count = len(chronology.events)
    assert count >= 100, f"the chronology has {count} events; at least 100 are expected"


# --- Wikidata ids -------------------------------------------------------------------------------

NOT_VERIFIED = "not verified"


def _wikidata_problems(entities: dict) -> list[str]:
    """An id must say where it was seen; no id must say that it is not verified, and why."""
    problems = []
    for entity in entities.values():
        note = (entity.wikidata_note or "").strip()
        if entity.wikidata is None:
            if NOT_VERIFIED not in note.lower() or len(note) <= len(NOT_VERIFIED) + 5:
                problems.append(f"{entity.id}: no Wikidata id and no 'not verified: <why>' note")
        elif not note or NOT_VERIFIED in note.lower():
            problems.append(f"{entity.id}: Wikidata id {entity.wikidata} without a note saying where it was seen")
    return problems


def test_every_person_has_a_checked_wikidata_id_or_a_reason(chronology: Chronology) -> None:
    assert _wikidata_problems(chronology.people) == []


def test_other_entities_have_a_checked_wikidata_id_or_a_reason(chronology: Chronology) -> None:
    problems = (
        _wikidata_problems(chronology.organizations)
        + _wikidata_problems(chronology.treaties)
        + _wikidata_problems(chronology.places)
    )
    assert problems == []


# --- Sources ------------------------------------------------------------------------------------
# Matched on the host of a source's URL: a host counts when it is one of these domains or a
# subdomain of one. The publisher's name is never trusted ("Devdiscourse (Reuters)" is not
# Reuters).

PRIMARY_DOMAINS = frozenset({
    # international organizations and the two sides' governments
    "nato.int", "osce.org", "un.org", "europa.eu",
    "kremlin.ru", "mid.ru", "mil.ru", "government.ru", "missiontonato.ru",
    "state.gov", "defense.gov", "whitehouse.gov", "govinfo.gov", "archives.gov",
    "trumanlibrary.org",  # a US presidential library (National Archives)
    "dosfan.lib.uic.edu",  # the State Department's own archive of its 1990s web pages
    "ft.dk",  # the Danish parliament, which files NATO's official texts
    "delegfrance.org",  # France's delegation to NATO
    "esteri.it",  # Italy's Ministry of Foreign Affairs, which republishes North Atlantic Council statements
})
"""Official texts. Any other government site (a host ending in .gov or .mil, or with a .gov.
label such as mk.gov.lv) counts too; see `_is_government`."""

REPUTABLE_DOMAINS = frozenset({
    # wire services and public broadcasters
    "reuters.com", "apnews.com", "afp.com", "bbc.co.uk", "bbc.com", "rferl.org", "voanews.com",
    "dw.com", "npr.org", "kclu.org", "pri.org", "cbc.ca",
    "upi.com",  # United Press International, a US wire service since 1907
    "slobodnaevropa.org",  # RFE/RL's own Balkan service (Radio Slobodna Evropa)
    # newspapers and broadcasters of record
    "nytimes.com", "washingtonpost.com", "theguardian.com", "ft.com", "economist.com", "wsj.com",
    "cnn.com", "abcnews.go.com", "nbcnews.com", "cbsnews.com", "csmonitor.com", "politico.com",
    "politico.eu", "euobserver.com", "irishtimes.com", "independent.co.uk", "theage.com.au",
    "bostonglobe.com", "chicagotribune.com", "orlandosentinel.com", "nationalpost.com", "scmp.com",
    "militarytimes.com", "huffingtonpost.com", "jpost.com", "indianexpress.com",
    # regional outlets of record on Russia, Ukraine and the Baltics
    "themoscowtimes.com", "kommersant.com", "kommersant.ru", "interfax.com", "interfax.ru",
    "interfax.com.ua", "kyivpost.com", "eurointegration.com.ua", "delfi.lt",
    # arms control, law and security research
    "armscontrol.org", "acronym.org.uk", "fas.org", "sipri.org", "iiss.org", "asil.org",
    "jamestown.org", "atlanticcouncil.org", "nationalinterest.org", "rand.org", "brookings.edu",
    "carnegieendowment.org", "chathamhouse.org", "csis.org",
    # specialist defence press
    "airandspaceforces.com", "aerosociety.com",
})

AGGREGATOR_DOMAINS = frozenset({
    "devdiscourse.com", "pledgetimes.com", "thegoaspotlight.com", "bb-cntv.com", "news-front.su",
    "ieu-monitoring.com", "wn.com", "theinfolist.com", "factsnippet.com", "ria24.today",
    "ummnews.org", "newsbreak.com", "news.yahoo.com", "msn.com", "ground.news", "tellerreport.com",
    "buzzon.live", "globalsecurity.org", "spacewar.com", "expatica.com", "eesti.ca",
})
"""Aggregators and reprint sites: never count as a primary or reputable source, whoever they
say they copied."""

ARCHIVE_HOSTS = frozenset({"web.archive.org", "webarchive.library.unt.edu", "cybercemetery.unt.edu"})
"""Archives whose addresses contain the archived page's address: judged by that page."""

STATE_NEWS_AGENCIES = {
    "TASS": {"tass.com", "tass.ru", "itar-tass.com"},
    "RIA Novosti": {"ria.ru", "rian.ru"},
    "Sputnik": {"sputniknews.com", "sputnikglobe.com", "sputniknews.cn", "sputniknews.africa"},
    "RT": {"rt.com"},
    "Xinhua": {"xinhuanet.com", "news.cn", "china.org.cn"},
}
STATE_AGENCY_NAMES = re.compile(r"\b(TASS|RIA|Xinhua|Sputnik|RT)\b")


def _host(url: str | None) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    return host.lower().removeprefix("www.")


def _under(host: str, domains: frozenset[str] | set[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def _is_government(host: str) -> bool:
    labels = host.split(".")
    return labels[-1] in ("gov", "mil") or "gov" in labels[:-1]


def _judged_url(url: str | None) -> str | None:
    """The archived page's address for an archive copy, else the address itself."""
    if url and _under(_host(url), ARCHIVE_HOSTS):
        match = re.search(r"/(https?://.+)$", url)
        return match.group(1) if match else None
    return url


def _kind(source: SourceRef) -> str:
    host = _host(_judged_url(source.url))
    if not host:
        return "none"
    if _under(host, AGGREGATOR_DOMAINS):
        return "aggregator"
    if _under(host, PRIMARY_DOMAINS) or _is_government(host):
        return "primary"
    if _under(host, REPUTABLE_DOMAINS):
        return "reputable"
    return "other"


def _is_state_agency(source: SourceRef) -> bool:
    host = _host(source.url)
    if any(_under(host, hosts) for hosts in STATE_NEWS_AGENCIES.values()) or "sputnik" in host:
        return True
    return bool(STATE_AGENCY_NAMES.search(source.publisher or ""))


def _held_to_the_standard(event: Event) -> bool:
    """Curated events and reviewed extracted ones; drafts are not yet checked."""
    return event.provenance == "curated" or event.status == "reviewed"


def test_every_curated_event_has_a_primary_or_reputable_source(chronology: Chronology) -> None:
    lacking = [
        f"{e.id}: {sorted(_host(s.url) for s in e.sources)}"
        for e in chronology.events
        if _held_to_the_standard(e) and not any(_kind(s) in ("primary", "reputable") for s in e.sources)
    ]
    assert lacking == [], "events without a source on the primary or reputable lists"


def test_the_source_lists_do_not_overlap() -> None:
    assert PRIMARY_DOMAINS & REPUTABLE_DOMAINS == set()
    assert (PRIMARY_DOMAINS | REPUTABLE_DOMAINS) & AGGREGATOR_DOMAINS == set()


def test_a_state_news_agency_is_never_the_only_source(chronology: Chronology) -> None:
    only = [
        e.id for e in chronology.events
        if _held_to_the_standard(e) and e.sources and all(_is_state_agency(s) for s in e.sources)
    ]
    assert only == [], "events whose only sources are TASS, RIA, Sputnik, RT or Xinhua"


# --- Both sides' quotes -------------------------------------------------------------------------


def test_every_quote_in_a_curated_event_has_a_source_with_a_url(chronology: Chronology) -> None:
    missing = [
        f"{e.id}: quote {i + 1} by {q.speaker}"
        for e in chronology.events if e.provenance == "curated"
        for i, q in enumerate(e.quotes)
        if q.source is None or not q.source.url
    ]
    assert missing == [], "quotes in curated events must carry `source` with the URL of the page they are from"


def test_every_quote_speaker_says_which_side_they_speak_for(chronology: Chronology) -> None:
    def side_of(speaker: str) -> str | None:
        entity = chronology.people.get(speaker) or chronology.organizations.get(speaker)
        return entity.side if entity else None

    missing = sorted({
        f"{e.id}: {q.speaker}"
        for e in chronology.events if _held_to_the_standard(e)
        for q in e.quotes
        if side_of(q.speaker) is None
    })
    assert missing == [], "speakers of quotes need `side` on their person or organization entry"


# --- Both sides at every turn -------------------------------------------------------------------
# Written as plain functions of the chronology so that they can move into the validator as they are.

BOTH_SIDES = ("nato", "russia")


def unaccounted_sides(event: Event, chronology: Chronology) -> list[str]:
    """The sides (`nato`, `russia`) an event neither quotes nor notes as not found
    (`statements_missing`). A side counts as quoted when a quote's speaker, person or
    organization, names that side in its entry."""
    quoted = set()
    for quote in event.quotes:
        speaker = chronology.people.get(quote.speaker) or chronology.organizations.get(quote.speaker)
        if speaker is not None and speaker.side:
            quoted.add(speaker.side)
    noted = {missing.side for missing in event.statements_missing}
    return [side for side in BOTH_SIDES if side not in quoted and side not in noted]


def test_every_checked_event_quotes_both_sides_or_says_why_not(chronology: Chronology) -> None:
    """Every curated or reviewed event quotes NATO's side and Russia's, or says in
    `statements_missing` where the missing side's words were looked for."""
    lacking = {
        e.id: unaccounted_sides(e, chronology)
        for e in chronology.events
        if _held_to_the_standard(e) and unaccounted_sides(e, chronology)
    }
    assert lacking == {}, "quote each side, or add `statements_missing` naming where its words were looked for"


def test_unaccounted_sides_reads_quotes_and_notes(chronology: Chronology) -> None:
    """The rule itself, on a real event: quoted sides count, a note counts, nothing else does."""
    event = next(e for e in chronology.events if e.id == "2022-01-12-relations-between-russia-and-nato")
    assert unaccounted_sides(event, chronology) == []
    silent = dataclasses.replace(event, quotes=(), statements_missing=())
    assert unaccounted_sides(silent, chronology) == ["nato", "russia"]
    noted = dataclasses.replace(silent, statements_missing=(MissingStatement("russia", "looked for in x"),))
    assert unaccounted_sides(noted, chronology) == ["nato"]


# --- Roles cite the page they were checked against ----------------------------------------------


def role_without_a_cited_page(role: Role) -> bool:
    """A role cites at least one page (`sources`), or says why none is cited yet (`unchecked`)."""
    return not role.sources and not (role.unchecked or "").strip()


def roles_without_a_cited_page(people: dict[str, Person]) -> list[str]:
    return [
        f"{person.id}.roles[{i}] ({role.title})"
        for person in people.values()
        for i, role in enumerate(person.roles)
        if role_without_a_cited_page(role)
    ]


UNCHECKED_ROLES = frozenset({"alexander-grushko.roles[0]"})
"""Roles that say why no page is cited (`unchecked`) instead of citing one. The list may only
shrink: a role leaves it when it cites a page, and no other role may go uncited."""


def test_every_role_cites_the_page_its_dates_were_checked_against(chronology: Chronology) -> None:
    assert roles_without_a_cited_page(chronology.people) == []
    unchecked = {
        f"{person.id}.roles[{i}]"
        for person in chronology.people.values()
        for i, role in enumerate(person.roles)
        if not role.sources
    }
    assert sorted(unchecked - UNCHECKED_ROLES) == [], "cite the page the role's dates were checked against"
    assert sorted(UNCHECKED_ROLES - unchecked) == [], "these roles now cite a page: remove them from UNCHECKED_ROLES"
    assert role_without_a_cited_page(Role("An office"))
    assert not role_without_a_cited_page(Role("An office", unchecked="no page found in the archives consulted"))


# --- Notes speak of pages, not of the program used to find them -------------------------------

TOOL_WORDS = re.compile(
    r"search tool|find_string|find_files|find_repos|read_file|\b(?:pages|docs|code) corpus\b|\bcorpora\b|look-up",
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
    assert tool_words_in("seen with the search tool's find_string in the pages corpus") == [
        "find_string", "pages corpus", "search tool",
    ]
    assert tool_words_in("the Corporation's text, incorporating a corpus of treaties") == []
