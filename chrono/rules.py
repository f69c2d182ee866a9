"""Content rules: what an entry must meet to be published, beyond its schema.

The schema says what a field may hold; these rules say what a finished entry must say: a
curated event is summarised, annotated and sourced from a primary or reputable site, its quotes
carry their sources and their speakers a side, it quotes both sides or says where the missing
side's words were looked for, no two events are the same event, every role of a person cites
the page its dates were checked against, and every entity says how its Wikidata id was checked. `chrono.entries` runs them on every read, so
`build_chronology.py validate`, `mkdocs build`, the pull-request annotations and the preview
report them as `file:line: field: message`, and the tests run the same functions on the real
data.

Each rule returns `Problem`s: a field path inside the entry and a message. The reader of the
file (entries.py) turns the path into a line. Nothing here reads files.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from .model import Chronology, Era, Event, Organization, Person, Place, Role, SourceRef, Treaty

FieldPath = tuple[str | int, ...]

MIN_SUMMARY_LENGTH = 80
"""A curated event's summary, in characters: enough to say who did what, and why it counts."""
NOT_VERIFIED = "not verified"
"""The words a `wikidata_note` starts its reason with when an entity has no Wikidata id."""
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
RUSSIAN_OFFICE = re.compile(r"Russia|Soviet|USSR")
BOTH_SIDES = ("nato", "russia")
"""The two sides every curated or reviewed event hears, in the order messages name them."""

UNCHECKED_ROLES: frozenset[str] = frozenset()
"""Roles that may say why no page is cited (`unchecked`) instead of citing one, as
`<person>.roles[<i>]`. The list may only shrink: a role leaves it when it cites a page, and no
other role may go uncited (tests/test_content.py checks that each one still needs its place)."""


CONTENT_RULES: tuple[tuple[str, str, str], ...] = (
    ("curated event", "`summary`", f"at least {MIN_SUMMARY_LENGTH} characters"),
    ("curated event", "`annotation`", "written: why the event matters, what it led to"),
    ("curated event", "`sources`", "at least one with a `url`"),
    ("curated event", "`quotes[].source`", "given, with the `url` of the page the words are from"),
    ("curated or reviewed event", "`sources`", "at least one whose address is on the primary (official texts, any government site) or reputable (wire services, papers of record, research institutes) lists in `chrono/rules.py`, aggregators never; and not only state news agencies (TASS, RIA Novosti, Sputnik, RT, Xinhua)"),
    ("curated or reviewed event", "`quotes[].speaker`", "a person or organization whose entry has a `side`"),
    ("curated or reviewed event", "`quotes`, `statements_missing`", "a quote from each side (`nato`, `russia`), or for a side nobody quotes a `statements_missing` note saying where its words were looked for"),
    ("any event", "`statements_missing`", "one note per side, and none for a side the event quotes"),
    ("any event", "`date`, `title`", "not the same event as another entry: not the same day with mostly the same title words, nor the same day, place, people and treaties"),
    ("person", "`description`, `roles`, `aliases`", "all given; a Russian official's aliases include the name in Cyrillic"),
    ("person", "`roles[].sources`", "at least one page the role's dates were checked against (`url`, and a `note` saying what it gives); `unchecked` (why no page is cited) only for the roles listed in `UNCHECKED_ROLES` in `chrono/rules.py`, a list that only shrinks"),
    ("treaty", "`signed` or `description`; `parties`", "given"),
    ("place", "`country`, `latitude`, `longitude`", "given"),
    ("person, organization, treaty, place", "`wikidata_note`", "where the `wikidata` id was seen; with no id, `not verified: <why>`"),
    ("era", "`from`", "the day after the era before it ends: no gap, no overlap"),
)
"""What each rule below asks, for the field reference in CONTRIBUTING.md (`schema-docs`):
(entry, fields, what they must hold). Drafts the extractor wrote are held to the event rules
once a person marks them `reviewed`."""


@dataclass(frozen=True)
class Problem:
    """One rule broken by one entry: where in the entry, and what to do."""

    field: FieldPath
    message: str
    also_reads: tuple[str, ...] = ()
    """Other top-level fields the rule judged by, besides the one it is reported on: an entry
    whose schema check left one of them out is not judged by this rule."""

    def reads(self) -> set[str]:
        """Every top-level field this problem was judged from."""
        return {str(self.field[0]), *self.also_reads}


# ---------------------------------------------------------------- sources
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
"""Official texts. Any other government site (a host ending in .gov or .mil, or in .gov. and a
country code, such as mk.gov.lv) counts too; see `is_government_host`."""

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
    "TASS": frozenset({"tass.com", "tass.ru", "itar-tass.com"}),
    "RIA Novosti": frozenset({"ria.ru", "rian.ru"}),
    "Sputnik": frozenset({"sputniknews.com", "sputnikglobe.com", "sputniknews.cn", "sputniknews.africa"}),
    "RT": frozenset({"rt.com"}),
    "Xinhua": frozenset({"xinhuanet.com", "news.cn", "china.org.cn"}),
}
STATE_AGENCY_NAMES = re.compile(r"\b(TASS|RIA|Xinhua|Sputnik|RT)\b")


def url_host(url: str | None) -> str:
    """The lower-case host of an address, without `www.`; empty for none, or for an address
    that cannot be read (an unclosed `[`, which the schema's `^https?://` lets through)."""
    try:
        host = (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def _under(host: str, domains: Iterable[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def is_government_host(host: str) -> bool:
    """A host ending in .gov or .mil, or in `gov.` and a country code (gov.uk, mk.gov.lv). A
    `gov` label elsewhere (gov.blog.example.com) is a name the site's owner chose."""
    labels = host.split(".")
    return labels[-1] in ("gov", "mil") or (len(labels) >= 2 and labels[-2] == "gov" and len(labels[-1]) == 2)


def judged_url(url: str | None) -> str | None:
    """The archived page's address for an archive copy, else the address itself."""
    if url and _under(url_host(url), ARCHIVE_HOSTS):
        match = re.search(r"/(https?://.+)$", url)
        return match.group(1) if match else None
    return url


def source_kind(source: SourceRef) -> str:
    """`primary`, `reputable`, `aggregator`, `other`, or `none` (no address)."""
    host = url_host(judged_url(source.url))
    if not host:
        return "none"
    if _under(host, AGGREGATOR_DOMAINS):
        return "aggregator"
    if _under(host, PRIMARY_DOMAINS) or is_government_host(host):
        return "primary"
    if _under(host, REPUTABLE_DOMAINS):
        return "reputable"
    return "other"


def is_state_agency(source: SourceRef) -> bool:
    """TASS, RIA Novosti, Sputnik, RT or Xinhua, by address or by the publisher's name."""
    host = url_host(source.url)
    if any(_under(host, hosts) for hosts in STATE_NEWS_AGENCIES.values()) or "sputnik" in host:
        return True
    return bool(STATE_AGENCY_NAMES.search(source.publisher or ""))


# ---------------------------------------------------------------- one event


def is_held_to_the_standard(event: Event) -> bool:
    """Curated events and reviewed extracted ones; extracted drafts are not yet checked."""
    return event.provenance == "curated" or event.status == "reviewed"


def speaker_side(speaker: str, chronology: Chronology) -> str | None:
    entity = chronology.people.get(speaker) or chronology.organizations.get(speaker)
    return entity.side if entity else None


def quoted_sides(event: Event, chronology: Chronology) -> dict[str, str]:
    """Each side the event quotes, with the first speaker quoted for it."""
    quoted: dict[str, str] = {}
    for quote in event.quotes:
        if side := speaker_side(quote.speaker, chronology):
            quoted.setdefault(side, quote.speaker)
    return quoted


def unaccounted_sides(event: Event, chronology: Chronology) -> list[str]:
    """The sides (`nato`, `russia`) an event neither quotes nor notes as not found
    (`statements_missing`). A side counts as quoted when a quote's speaker, person or
    organization, names that side in its entry."""
    quoted = quoted_sides(event, chronology)
    noted = {missing.side for missing in event.statements_missing}
    return [side for side in BOTH_SIDES if side not in quoted and side not in noted]


def statement_note_problems(event: Event, chronology: Chronology) -> list[Problem]:
    """A side is noted as not found at most once, and never when the event quotes it."""
    problems = []
    quoted = quoted_sides(event, chronology)
    seen: set[str] = set()
    for i, missing in enumerate(event.statements_missing):
        field: FieldPath = ("statements_missing", i, "side")
        if missing.side in seen:
            problems.append(Problem(field, f"{missing.side!r} is noted twice; keep one note per side"))
        elif missing.side in quoted:
            problems.append(Problem(field, f"the event quotes {quoted[missing.side]!r}, who speaks for {missing.side!r}; remove this note or the quote"))
        seen.add(missing.side)
    return problems


def event_problems(event: Event, chronology: Chronology) -> list[Problem]:
    """Every content rule one event breaks. `chronology` gives the speakers' entries."""
    problems: list[Problem] = statement_note_problems(event, chronology)
    curated = event.provenance == "curated"
    if curated:
        if len(event.summary) < MIN_SUMMARY_LENGTH:
            problems.append(Problem(("summary",), f"a curated event's summary needs at least {MIN_SUMMARY_LENGTH} characters (this one has {len(event.summary)}): say who did what, where, and what followed"))
        if not event.annotation:
            problems.append(Problem(("annotation",), "a curated event needs an annotation: a few sentences on why it matters and what it led to"))
        if event.sources and not any(s.url for s in event.sources):
            problems.append(Problem(("sources",), "a curated event needs a source with a url, so a reader can check it"))
        for i, quote in enumerate(event.quotes):
            if quote.source is None or not quote.source.url:
                problems.append(Problem(("quotes", i, "source"), "a quote in a curated event needs `source` with the url of the page it is from"))
    if is_held_to_the_standard(event):
        if event.sources and not any(source_kind(s) in ("primary", "reputable") for s in event.sources):
            hosts = ", ".join(sorted({url_host(judged_url(s.url)) or "(no url)" for s in event.sources}))
            problems.append(Problem(("sources",), f"needs a source on the primary or reputable lists in chrono/rules.py (has {hosts}); add an official text or a wire service, newspaper or research site of record"))
        if event.sources and all(is_state_agency(s) for s in event.sources):
            problems.append(Problem(("sources",), "a state news agency (TASS, RIA Novosti, Sputnik, RT, Xinhua) is the only source; add another"))
        for i, quote in enumerate(event.quotes):
            if quote.speaker in chronology.people or quote.speaker in chronology.organizations:
                if speaker_side(quote.speaker, chronology) is None:
                    kind = "people.yml" if quote.speaker in chronology.people else "organizations.yml"
                    problems.append(Problem(("quotes", i, "speaker"), f"{quote.speaker!r} has no `side` in {kind}; say whom they speak for (nato, russia or other)"))
        # A speaker without a loaded entry (unknown, or an entry that failed its own checks)
        # has a side nobody can read; that entry's error is reported, not a guess here.
        judged = all(q.speaker in chronology.people or q.speaker in chronology.organizations for q in event.quotes)
        if judged and (sides := unaccounted_sides(event, chronology)):
            named = " or ".join(repr(side) for side in sides)
            notes = ", ".join(f"{{side: {side}, note: ...}}" for side in sides)
            problems.append(Problem(("quotes",), f"no quote from anyone who speaks for {named}, and no note saying why: quote each side, or add `statements_missing: [{notes}]` saying where the missing words were looked for", ("statements_missing",)))
    return problems


# ---------------------------------------------------------------- two events

STOP_WORDS = frozenset({
    "the", "a", "an", "of", "on", "in", "to", "and", "at", "for", "with", "its", "as",
    "в", "во", "на", "по", "и", "с", "со", "о", "об", "к", "за", "из", "у", "от", "для",
})
SAME_TITLE_SHARE = 0.5
"""Two same-day events whose titles share this much of their words report one event."""


def title_words(title: str) -> set[str]:
    """The title's words, lower case, without the little ones. Cyrillic words count too: a
    draft from a Russian article keeps its Russian title."""
    return {w for w in re.findall(r"[a-z0-9\u0430-\u044f\u0451]+", title.lower()) if w not in STOP_WORDS}


def title_overlap(a: str, b: str) -> float:
    """Shared words over all words of the two titles (0 to 1)."""
    words_a, words_b = title_words(a), title_words(b)
    return len(words_a & words_b) / max(1, len(words_a | words_b))


def same_event_reason(a: Event, b: Event) -> str | None:
    """Why two events are one and the same, or None. The one definition of a duplicate,
    used by `validate`, by `new` before it writes and by the extractor before it adds an
    entry: the same day, and mostly the same headline, or the same place, people and
    treaties (when they name any)."""
    if a.date.precision != "day" or a.date != b.date:
        return None
    if title_overlap(a.title, b.title) >= SAME_TITLE_SHARE:
        return "the same day and mostly the same title"
    people_a, people_b = {p.id for p in a.people}, {p.id for p in b.people}
    cast = a.place or people_a or a.treaties
    if cast and a.place == b.place and people_a == people_b and set(a.treaties) == set(b.treaties):
        return "the same day, place, people and treaties"
    return None


def same_event_pairs(events: Iterable[Event]) -> Iterator[tuple[Event, Event, str]]:
    """Every pair of events that are the same event, the earlier id first."""
    by_day = sorted((e for e in events if e.date.precision == "day"), key=lambda e: (e.date.iso(), e.id))
    for _, group in itertools.groupby(by_day, key=lambda e: e.date.iso()):
        for a, b in itertools.combinations(list(group), 2):
            if reason := same_event_reason(a, b):
                yield a, b, reason


def find_same_event(event: Event, events: Iterable[Event]) -> tuple[Event, str] | None:
    """The first of `events` that is the same event as `event` (itself excluded)."""
    for other in events:
        if other.id != event.id and (reason := same_event_reason(event, other)):
            return other, reason
    return None


# ---------------------------------------------------------------- entities


def wikidata_problems(entity: Person | Organization | Treaty | Place) -> list[Problem]:
    """An id must say where it was seen; no id must say that it is not verified, and why."""
    note = (entity.wikidata_note or "").strip()
    if entity.wikidata is None:
        if NOT_VERIFIED not in note.lower() or len(note) <= len(NOT_VERIFIED) + 5:
            return [Problem(("wikidata_note",), f"no Wikidata id: give one with a note saying where it was checked, or write '{NOT_VERIFIED}: <why>'")]
    elif not note or NOT_VERIFIED in note.lower():
        return [Problem(("wikidata_note",), f"Wikidata id {entity.wikidata} needs a note saying where it was seen (the page that names it)")]
    return []


def role_problems(person_id: str, index: int, role: Role) -> list[Problem]:
    """A role cites the page its dates were checked against; only the roles in
    `UNCHECKED_ROLES` may say instead why none is cited."""
    field: FieldPath = ("roles", index)
    unchecked = (role.unchecked or "").strip()
    if role.sources:
        if unchecked:
            return [Problem((*field, "unchecked"), "the role cites a page in `sources`; remove `unchecked`")]
        return []
    if not unchecked:
        return [Problem(field, "cite the page the role's dates were checked against: add `sources` with its `url` and a `note` saying what it gives")]
    if f"{person_id}.roles[{index}]" not in UNCHECKED_ROLES:
        return [Problem((*field, "unchecked"), "only the roles listed in UNCHECKED_ROLES in chrono/rules.py may go without a cited page; add `sources` with the page the dates were checked against")]
    return []


def person_problems(person: Person) -> list[Problem]:
    problems = []
    if not person.description:
        problems.append(Problem(("description",), "a person needs a description: who they are, in a sentence"))
    if not person.roles:
        problems.append(Problem(("roles",), "a person needs at least one role with its dates"))
    if not person.aliases:
        problems.append(Problem(("aliases",), "a person needs aliases: the other spellings of their name"))
    elif any(RUSSIAN_OFFICE.search(r.title) for r in person.roles) and not any(CYRILLIC.search(a) for a in person.aliases):
        problems.append(Problem(("aliases",), "a Russian official needs their name in Cyrillic among the aliases"))
    for i, role in enumerate(person.roles):
        problems.extend(role_problems(person.id, i, role))
    return problems + wikidata_problems(person)


def treaty_problems(treaty: Treaty) -> list[Problem]:
    problems = []
    if not treaty.signed and not treaty.description:
        problems.append(Problem(("signed",), "a treaty needs the date it was signed, or a description saying what it is"))
    if not treaty.parties:
        problems.append(Problem(("parties",), "a treaty needs its parties"))
    return problems + wikidata_problems(treaty)


def place_problems(place: Place) -> list[Problem]:
    problems = []
    if not place.country:
        problems.append(Problem(("country",), "a place needs its country"))
    if place.latitude is None or place.longitude is None:
        problems.append(Problem(("latitude",), "a place needs latitude and longitude"))
    return problems + wikidata_problems(place)


def organization_problems(organization: Organization) -> list[Problem]:
    return wikidata_problems(organization)


def era_gap_problems(eras: Iterable[Era]) -> Iterator[tuple[Era, Problem]]:
    """Eras follow each other day after day: each later era starts the day after the one
    before ends. Reported on the later era."""
    ordered = sorted(eras, key=lambda era: era.start.first_day())
    for earlier, later in itertools.pairwise(ordered):
        gap = (later.start.first_day() - earlier.end.last_day()).days - 1
        if gap > 0:
            yield later, Problem(("from",), f"leaves a gap of {gap} day{'s' if gap != 1 else ''} after era {earlier.id!r}, which ends {earlier.end.iso()}; start it the next day")
        elif gap < 0:
            yield later, Problem(("from",), f"overlaps era {earlier.id!r}, which ends {earlier.end.iso()}; start it the next day")


def format_field_path(path: FieldPath) -> str:
    """`('quotes', 0, 'source')` -> `quotes[0].source`, as error lines write it."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text
