"""A synthetic chronology of N events for the build benchmark, deterministic for a given seed.

The proportions follow what a grown chronology of this kind would hold: about one person per
20 events (a few people, such as heads of state, in very many events and most in few), fewer
organizations, treaties, places and tags, about one source article per five events, and per event
three people, two organizations, one treaty, one place, two tags, one or two quotes and one or
two sources. Everything is written through `chrono.entries` (`dump_yaml`, `dump_event`), so the
files are exactly what the project reads and `build_chronology.py validate` accepts them.

The same events are also rendered as plain Markdown pages for the baseline build.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

from chrono.entries import EVENTS_DIR, dump_event, dump_yaml
from chrono.model import DateBasis, Event, PartialDate, PersonRole, Quote, SourceRef

FIRST_DAY = dt.date(1996, 1, 1)
LAST_DAY = dt.date(2022, 12, 31)
SCHEMA_BASE = "../chrono/schemas"

# Word pools for names and prose; invented combinations, no real people.
GIVEN_NAMES = (
    "Anna Boris Clara Dmitri Elena Fyodor Galina Hans Irina Jakob Karin Lars Marta Nikolai Olga "
    "Pavel Quentin Rosa Sergei Tamara Ulrich Vera Walter Xenia Yuri Zofia Anders Brigitte Carlos "
    "Dagmar Emil Frida Gunnar Helga Ivan Jana Konstantin Lena Mikhail Nora Oskar Petra Ruslan "
    "Sofia Timur Ursula Viktor Wanda"
).split()
FAMILY_NAMES = (
    "Abramov Bergstrom Castellano Dobrev Eriksen Fomin Gallagher Horvath Ilyin Jansen Kowalski "
    "Lindqvist Markov Novak Orlov Petrenko Quist Rasmussen Sokolov Tanaka Usmanov Varga Weber "
    "Yakovlev Zeller Antonov Becker Cerny Dahl Egorov Fischer Greco Hoffmann Ivanova Juhasz Kuznetsov "
    "Lebedev Moreau Nielsen Olsen Popescu Romanov Schmidt Tikhonov Ulyanov Volkov Wagner Zaitsev"
).split()
OFFICES = (
    "Foreign Minister",
    "Defence Minister",
    "Deputy Foreign Minister",
    "Permanent Representative to NATO",
    "Ambassador",
    "President",
    "Prime Minister",
    "Secretary General",
    "Deputy Secretary General",
    "Chief of the General Staff",
    "Spokesperson",
    "Chairman of the Military Committee",
)
ORG_WORDS = (
    "Council Committee Agency Ministry Alliance Assembly Commission Office Command Mission Forum "
    "Directorate Institute Centre Partnership Organization"
).split()
ORG_QUALIFIERS = (
    "Atlantic Baltic Eurasian European Northern Joint Permanent Security Strategic Defence Arms "
    "Nuclear Maritime Regional Parliamentary Consultative"
).split()
TREATY_WORDS = (
    "Forces Missiles Arms Skies Weapons Testing Partnership Security Cooperation Verification "
    "Reduction Limitation Transparency Communication"
).split()
PLACE_NAMES = (
    "Vienna Brussels Moscow Helsinki Geneva Madrid Prague Riga Warsaw Berlin Paris London Istanbul "
    "Sochi Minsk Kyiv Tallinn Vilnius Oslo Rome Bucharest Sofia Tbilisi Baku Astana Munich Lisbon "
    "Wales Chicago Newport Strasbourg Bratislava Budapest Zagreb Ljubljana Belgrade Skopje Tirana"
).split()
COUNTRIES = (
    "Austria Belgium Russia Finland Switzerland Spain Czechia Latvia Poland Germany France "
    "Kingdom Turkey Ukraine Belarus Estonia Lithuania Norway Italy Romania Bulgaria Georgia"
).split()
TAG_NAMES = (
    "arms control",
    "enlargement",
    "missile defence",
    "sanctions",
    "exercises",
    "diplomacy",
    "nuclear weapons",
    "Baltic security",
    "Black Sea",
    "Ukraine",
    "Georgia",
    "cyber",
    "energy",
    "conventional forces",
    "airspace incidents",
    "summits",
    "partnership",
    "crisis management",
    "intelligence",
    "peacekeeping",
    "treaty compliance",
    "hybrid threats",
    "deterrence",
    "Arctic",
)
PUBLISHERS = (
    "The Moscow Times",
    "Reuters",
    "Associated Press",
    "Agence France-Presse",
    "TASS",
    "Interfax",
    "NATO Review",
    "The Guardian",
    "Deutsche Welle",
    "RFE/RL",
)
VERBS = (
    "warns about",
    "calls for",
    "rejects",
    "proposes",
    "suspends",
    "welcomes",
    "criticises",
    "discusses",
    "announces",
    "postpones",
    "reviews",
    "condemns",
    "agrees on",
    "questions",
)
NOUNS = (
    "talks",
    "deployment",
    "exercise",
    "inspection",
    "proposal",
    "statement",
    "agreement",
    "moratorium",
    "consultations",
    "meeting",
    "ceasefire",
    "withdrawal",
    "summit",
    "declaration",
    "dialogue",
    "initiative",
    "reduction",
    "guarantees",
    "observers",
    "framework",
)
ADJECTIVES = (
    "new",
    "joint",
    "bilateral",
    "military",
    "strategic",
    "regional",
    "nuclear",
    "naval",
    "conventional",
    "transparent",
    "temporary",
    "formal",
    "informal",
    "expanded",
    "limited",
)
PROSE = (
    "officials said the talks would continue next month while both sides kept their positions "
    "the ministry described the move as a response to the deployment near its border and asked "
    "for written guarantees the alliance said its steps were defensive and proportionate and "
    "invited the delegation to a further round of consultations observers noted that the "
    "verification regime had not been used for several years and that trust remained low the "
    "statement repeated earlier demands about forces stationed in the region and the schedule of "
    "exercises the delegation left without a joint communique but agreed to keep the channel open"
).split()


@dataclass(frozen=True)
class Proportions:
    """How many entities of each kind a chronology of N events holds."""

    people: int
    organizations: int
    treaties: int
    places: int
    tags: int
    articles: int

    @classmethod
    def for_events(cls, events: int) -> Proportions:
        """About 1 person per 20 events (capped: the cast of a relationship is limited), etc."""
        return cls(
            people=min(1500, max(12, events // 20)),
            organizations=min(300, max(8, events // 100)),
            treaties=min(80, max(4, events // 400)),
            places=min(400, max(8, events // 60)),
            tags=min(len(TAG_NAMES), max(6, events // 400)),
            articles=max(2, events // 5),
        )


@dataclass(frozen=True)
class SyntheticChronology:
    """What was written: the events (in file order) and the entity names the baseline shows."""

    events: tuple[Event, ...]
    names: dict[str, str]
    """Any entity id (person, organization, treaty, place, tag) -> its display name."""
    proportions: Proportions


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by single hyphens, a valid chronology id."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def make_unique(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... so every id is written once."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    """Cumulative weights where rank r is drawn with odds 1/r: few entities in many events."""
    total, cumulative = 0.0, []
    for rank in range(1, count + 1):
        total += 1.0 / rank**exponent
        cumulative.append(total)
    return cumulative


def pick_distinct(
    rng: random.Random, ids: list[str], cumulative: list[float], count: int
) -> list[str]:
    """`count` different ids drawn by weight (fewer if there are not enough ids)."""
    count = min(count, len(ids))
    chosen: dict[str, None] = {}
    while len(chosen) < count:
        chosen.setdefault(rng.choices(ids, cum_weights=cumulative)[0], None)
    return list(chosen)


def sentence(rng: random.Random, words: int) -> str:
    start = rng.randrange(len(PROSE))
    text = " ".join(PROSE[(start + i) % len(PROSE)] for i in range(words))
    return text[0].upper() + text[1:] + "."


def random_date(rng: random.Random) -> PartialDate:
    """Mostly day-precise, some known to the month or the year, as in news-derived data."""
    day = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    roll = rng.random()
    if roll < 0.02:
        return PartialDate(day.year)
    if roll < 0.10:
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


SYNTHETIC_SIDES = ("nato", "russia", "nato", "russia", "other", "nato", "russia", "nato", "russia", None)


def write_entities(rng: random.Random, folder: Path, counts: Proportions) -> dict[str, list[str]]:
    """people.yml ... eras.yml; returns the ids of each kind, most-used first."""
    ids: dict[str, list[str]] = {}
    taken: set[str] = set()

    people: dict[str, object] = {}
    for i in range(counts.people):
        given, family = (
            GIVEN_NAMES[i % len(GIVEN_NAMES)],
            FAMILY_NAMES[(i // len(GIVEN_NAMES) + i) % len(FAMILY_NAMES)],
        )
        name = f"{given} {family}" + (
            f" {i // (len(GIVEN_NAMES) * len(FAMILY_NAMES)) + 1}"
            if i >= len(GIVEN_NAMES) * len(FAMILY_NAMES)
            else ""
        )
        start = rng.randrange(1990, 2020)
        person: dict[str, object] = {
            "name": name,
            "aliases": [family],
            "description": f"{rng.choice(OFFICES)} in the synthetic chronology.",
            "roles": [
                {
                    "title": rng.choice(OFFICES),
                    "from": str(start),
                    "to": str(start + rng.randrange(1, 8)),
                }
            ],
        }
        # Both sides are quoted, as in the curated chronology, so event pages show the
        # both-sides view; one person in ten has no side yet. Taken from the position, not
        # drawn, so the rest of the data stays what the seed gave before sides existed.
        side = SYNTHETIC_SIDES[i % len(SYNTHETIC_SIDES)]
        if side:
            person["side"] = side
        people[make_unique(slugify(name), taken)] = person
    ids["people"] = list(people)

    organizations: dict[str, object] = {}
    for i in range(counts.organizations):
        name = f"{ORG_QUALIFIERS[i % len(ORG_QUALIFIERS)]} {ORG_WORDS[(i // len(ORG_QUALIFIERS)) % len(ORG_WORDS)]}"
        if i >= len(ORG_QUALIFIERS) * len(ORG_WORDS):
            name += f" {i}"
        key = make_unique(slugify(name), taken)
        organizations[key] = {
            "name": name,
            "abbreviation": "".join(w[0] for w in name.split()[:2]).upper(),
            "description": "An organization in the synthetic chronology.",
        }
    ids["organizations"] = list(organizations)

    treaties: dict[str, object] = {}
    for i in range(counts.treaties):
        name = f"Treaty on {TREATY_WORDS[i % len(TREATY_WORDS)]} {i + 1}"
        signed = 1970 + rng.randrange(50)
        treaties[make_unique(slugify(name), taken)] = {
            "name": name,
            "signed": str(signed),
            "in_force": str(signed + 1),
            "parties": ["Russia", "NATO members"],
        }
    ids["treaties"] = list(treaties)

    places: dict[str, object] = {}
    for i in range(counts.places):
        name = PLACE_NAMES[i % len(PLACE_NAMES)] + (
            f" {i // len(PLACE_NAMES) + 1}" if i >= len(PLACE_NAMES) else ""
        )
        places[make_unique(slugify(name), taken)] = {
            "name": name,
            "country": COUNTRIES[i % len(COUNTRIES)],
            "latitude": round(rng.uniform(35, 65), 3),
            "longitude": round(rng.uniform(-10, 45), 3),
        }
    ids["places"] = list(places)

    tags = {make_unique(slugify(name), taken): {"name": name} for name in TAG_NAMES[: counts.tags]}
    ids["tags"] = list(tags)

    eras = {
        "after-the-cold-war": {"name": "After the Cold War", "from": "1996", "to": "1999-02"},
        "kosovo-and-after": {"name": "Kosovo and after", "from": "1999-03", "to": "2008-07"},
        "reset": {"name": "Reset", "from": "2008-08", "to": "2014-01"},
        "after-crimea": {"name": "After Crimea", "from": "2014-02", "to": "2022-12"},
    }
    for entries in (people, organizations, treaties, places):
        for entry in entries.values():
            entry["wikidata_note"] = "not verified: made-up entry of the synthetic chronology"  # type: ignore[index]
    for key, person in people.items():
        for role in person["roles"]:  # type: ignore[attr-defined]
            role["sources"] = [{"url": f"https://example.org/synthetic/{key}", "note": "made-up page of the synthetic chronology"}]
    for kind, data in (
        ("people", people),
        ("organizations", organizations),
        ("treaties", treaties),
        ("places", places),
        ("tags", tags),
        ("eras", eras),
    ):
        (folder / f"{kind}.yml").write_text(
            dump_yaml(data, schema=f"{SCHEMA_BASE}/{kind}.schema.json"), encoding="utf-8"
        )
    return ids


def plan_articles(rng: random.Random, count: int) -> list[tuple[str, PartialDate, str]]:
    """File name, publication date and publisher of each source article."""
    articles = []
    for i in range(count):
        digest = hashlib.sha256(f"article-{i}".encode()).hexdigest()[:16]
        articles.append((f"{i:05d}_{digest}.txt", random_date(rng), rng.choice(PUBLISHERS)))
    return articles


def write_articles(
    rng: random.Random,
    seeds: Path,
    articles: list[tuple[str, PartialDate, str]],
    events: list[Event],
    names: dict[str, str],
) -> None:
    """seeds/*.txt of about 3 KB each (the seed articles' size) and seeds/sources.yml.

    Each article names the people, organizations and place of the events drawn from it and
    carries their quotes, as a real source does, so the source pages' highlighting has real
    matches to find."""
    seeds.mkdir(parents=True, exist_ok=True)
    drawn: dict[str, list[Event]] = {}
    for event in events:
        for source in event.sources[:1]:
            if source.article:
                drawn.setdefault(source.article, []).append(event)
    facts: dict[str, dict[str, str]] = {}
    for name, published, publisher in articles:
        paragraphs = [sentence(rng, rng.randrange(30, 50)) for _ in range(6)]
        for event in drawn.get(name, []):
            who = ", ".join(names[p.id] for p in event.people[:2])
            where = f" in {names[event.place]}" if event.place else ""
            paragraphs.append(
                f"{who} met{where} {event.date_basis.phrase if event.date_basis else 'this week'}. {sentence(rng, 12)}"
            )
            paragraphs += [
                f'"{quote.text}" said {names.get(quote.speaker, quote.speaker)}.'
                for quote in event.quotes
            ]
        (seeds / name).write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        digest = name.split("_")[1].removesuffix(".txt")
        facts[name] = {
            "url": f"https://news.example.org/{published.year}/{digest}",
            "publisher": publisher,
            "published": published.iso(),
        }
    (seeds / "sources.yml").write_text(dump_yaml(facts), encoding="utf-8")


def make_event(
    rng: random.Random,
    number: int,
    ids: dict[str, list[str]],
    weights: dict[str, list[float]],
    articles: list[tuple[str, PartialDate, str]],
    taken: set[str],
    earlier: list[str],
) -> Event:
    """One event with realistic counts of everything it refers to."""
    date = random_date(rng)
    end_date = None
    if date.precision == "day" and rng.random() < 0.05:
        end_date = PartialDate.from_date(date.first_day() + dt.timedelta(days=rng.randrange(1, 4)))
    people = pick_distinct(rng, ids["people"], weights["people"], rng.choice((1, 2, 3, 3, 4, 5)))
    organizations = pick_distinct(
        rng, ids["organizations"], weights["organizations"], rng.choice((0, 1, 2, 2, 3, 4))
    )
    treaties = pick_distinct(rng, ids["treaties"], weights["treaties"], rng.choice((0, 1, 1, 2)))
    tags = pick_distinct(rng, ids["tags"], weights["tags"], rng.choice((1, 2, 2, 3)))
    place = (
        rng.choices(ids["places"], cum_weights=weights["places"])[0] if rng.random() < 0.9 else None
    )
    title = f"{rng.choice(GIVEN_NAMES)} {rng.choice(VERBS)} {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
    event_id = make_unique(f"{date.iso()}-{slugify(title)}", taken)
    speakers = people + organizations
    quotes = tuple(
        Quote(rng.choice(speakers), sentence(rng, rng.randrange(12, 30)))
        for _ in range(rng.choice((1, 1, 2)))
    )
    sources = []
    for _ in range(rng.choice((1, 1, 2))):
        if rng.random() < 0.7:
            name, published, publisher = (
                articles[number % len(articles)] if not sources else rng.choice(articles)
            )
            sources.append(SourceRef(article=name, publisher=publisher, published=published.iso()))
        else:
            digest = hashlib.sha256(f"{event_id}-{len(sources)}".encode()).hexdigest()[:12]
            sources.append(
                SourceRef(
                    url=f"https://press.example.org/{date.year}/{digest}",
                    publisher=rng.choice(PUBLISHERS),
                    published=date.iso(),
                    title=title,
                )
            )
    extracted = rng.random() < 0.85
    return Event(
        id=event_id,
        title=title,
        date=date,
        end_date=end_date,
        summary=" ".join(sentence(rng, rng.randrange(14, 24)) for _ in range(rng.randrange(2, 5))),
        # Every synthetic event is an extracted draft: the content rules for curated and
        # reviewed entries (chrono/rules.py: sources on the primary or reputable lists, quotes
        # with their own sources, speakers with a side) are about real sources, which made-up
        # data cannot meet. The random draw stays, so the rest of the data is what the seed
        # gave before; the 15 % drawn as curated keep their annotation.
        provenance="extracted",
        status="draft" if extracted and rng.random() < 0.7 else "draft",  # noqa: RUF034 - keeps the draw
        date_basis=DateBasis("on Wednesday", sources[0].published, "latest Wednesday on or before")
        if extracted
        else None,
        place=place,
        annotation=None if extracted else sentence(rng, 40),
        people=tuple(
            PersonRole(p, rng.choice(OFFICES) if rng.random() < 0.8 else None) for p in people
        ),
        organizations=tuple(organizations),
        treaties=tuple(treaties),
        tags=tuple(tags),
        quotes=quotes,
        sources=tuple(sources),
        related=tuple(rng.sample(earlier[-200:], k=1)) if earlier and rng.random() < 0.2 else (),
    )


def write_chronology(root: Path, events: int, seed: int = 7) -> SyntheticChronology:
    """Write chronology/ and seeds/ for `events` events under root; same seed, same files."""
    rng = random.Random(seed)
    counts = Proportions.for_events(events)
    chronology = root / "chronology"
    (chronology / EVENTS_DIR).mkdir(parents=True, exist_ok=True)
    ids = write_entities(rng, chronology, counts)
    weights = {kind: zipf_weights(len(values)) for kind, values in ids.items()}
    articles = plan_articles(rng, counts.articles)
    taken: set[str] = set()
    written: list[Event] = []
    earlier: list[str] = []
    for number in range(events):
        event = make_event(rng, number, ids, weights, articles, taken, earlier)
        # Plain writes: this is throw-away benchmark data, and an fsync per file would make
        # writing 20,000 files take minutes.
        (chronology / EVENTS_DIR / f"{event.id}.yml").write_text(
            dump_event(event), encoding="utf-8"
        )
        written.append(event)
        earlier.append(event.id)
    names = read_names(chronology)
    write_articles(rng, root / "seeds", articles, written, names)
    return SyntheticChronology(tuple(written), names, counts)


def read_names(chronology: Path) -> dict[str, str]:
    """Display names of every entity, for the baseline's plain pages."""
    import yaml

    names: dict[str, str] = {}
    for kind in ("people", "organizations", "treaties", "places", "tags"):
        data = yaml.load(
            (chronology / f"{kind}.yml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
        )
        names.update({key: value["name"] for key, value in (data or {}).items()})
    return names


# ---------------------------------------------------------------- the baseline's pages


def format_plain_date(date: PartialDate) -> str:
    if date.month is None:
        return str(date.year)
    month = calendar.month_name[date.month]
    return f"{month} {date.year}" if date.day is None else f"{date.day} {month} {date.year}"


def render_plain_event(event: Event, names: dict[str, str]) -> str:
    """The event's visible content as simple Markdown: what plain mkdocs-material would be given."""
    when = format_plain_date(event.date) + (
        f" – {format_plain_date(event.end_date)}" if event.end_date else ""
    )
    lines = [
        f"# {event.title}",
        "",
        f"**{when}**" + (f" · {names[event.place]}" if event.place else ""),
        "",
        event.summary,
        "",
    ]
    if event.annotation:
        lines += [event.annotation, ""]
    if event.people:
        lines += ["## People", ""]
        lines += [f"- {names[p.id]}" + (f", {p.role}" if p.role else "") for p in event.people]
        lines.append("")
    for heading, values in (
        ("Organizations", event.organizations),
        ("Treaties", event.treaties),
        ("Tags", event.tags),
    ):
        if values:
            lines += [f"**{heading}:** " + ", ".join(names[v] for v in values), ""]
    if event.quotes:
        lines += ["## Quotes", ""]
        for quote in event.quotes:
            lines += [f"> {quote.text}", ">", f"> — {names.get(quote.speaker, quote.speaker)}", ""]
    lines += ["## Sources", ""]
    for source in event.sources:
        label = source.title or source.article or "source"
        link = f"[{label}]({source.url})" if source.url else label
        lines.append(f"- {link}, {source.publisher or ''} {source.published or ''}".rstrip())
    return "\n".join(lines) + "\n"


def write_plain_pages(docs: Path, synthetic: SyntheticChronology) -> None:
    """docs/events/<id>.md for every event and a short home page."""
    (docs / "events").mkdir(parents=True, exist_ok=True)
    for event in synthetic.events:
        (docs / "events" / f"{event.id}.md").write_text(
            render_plain_event(event, synthetic.names), encoding="utf-8"
        )
    (docs / "index.md").write_text(
        "# Baseline\n\nThe same event pages as plain Markdown, built by plain mkdocs-material.\n",
        encoding="utf-8",
    )
