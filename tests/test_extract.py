"""Extraction rules: data-driven cases on made-up articles, rule tests, and the seed table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from chrono.entries import read_chronology
from chrono.extract import (
    Catalog,
    ExtractionError,
    extract_article,
    find_dateline,
    find_new_people,
    find_role_after,
    find_role_before,
    fold_text,
    make_slug,
    split_sentences,
)
from chrono.model import Article, Organization, Person, Place, Role, Treaty
from chrono.sources import decode_article

CASES = Path(__file__).parent / "extract_cases"
REPO = Path(__file__).resolve().parent.parent

CATALOG = Catalog(
    people={
        "sergey-lavrov": Person("sergey-lavrov", "Sergey Lavrov", ("Lavrov", "Sergei Lavrov")),
        "george-robertson": Person("george-robertson", "George Robertson", ("Robertson", "Lord Robertson")),
        "lynn-davis": Person("lynn-davis", "Lynn E. Davis", ("Davis", "Lynn Davis")),
        "vladimir-putin": Person("vladimir-putin", "Vladimir Putin", ("Putin",), roles=(Role("President of Russia"),)),
        "boris-yeltsin": Person("boris-yeltsin", "Boris Yeltsin", ("Yeltsin",)),
        "jens-stoltenberg": Person("jens-stoltenberg", "Jens Stoltenberg", ("Stoltenberg",)),
        "alexander-grushko": Person("alexander-grushko", "Alexander Grushko", ("Grushko", "Aleksandr Grushko")),
    },
    organizations={
        "nato": Organization("nato", "North Atlantic Treaty Organization", ("the Alliance",), "NATO"),
        "nato-russia-council": Organization("nato-russia-council", "NATO-Russia Council", ("Russia-NATO Council",), "NRC"),
        "russian-foreign-ministry": Organization(
            "russian-foreign-ministry", "Ministry of Foreign Affairs of the Russian Federation",
            ("Russian Foreign Ministry",), "MFA",
        ),
        "osce": Organization("osce", "Organization for Security and Co-operation in Europe", ("OSCE",), "OSCE"),
    },
    treaties={
        "cfe-treaty": Treaty("cfe-treaty", "Treaty on Conventional Armed Forces in Europe", ("CFE Treaty",), "CFE"),
        "inf-treaty": Treaty("inf-treaty", "Intermediate-Range Nuclear Forces Treaty", ("INF Treaty",), "INF"),
        "open-skies-treaty": Treaty("open-skies-treaty", "Treaty on Open Skies", ("Open Skies Treaty", "Open Skies"), None),
        "new-start": Treaty("new-start", "Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms", ("New START",), "New START"),
        "nato-russia-founding-act": Treaty(
            "nato-russia-founding-act",
            "Founding Act on Mutual Relations, Cooperation and Security between NATO and the Russian Federation",
            ("NATO-Russia Founding Act", "Founding Act"), None,
        ),
    },
    places={
        "moscow": Place("moscow", "Moscow"),
        "brussels": Place("brussels", "Brussels"),
        "corfu": Place("corfu", "Corfu"),
        "paris": Place("paris", "Paris"),
        "warsaw": Place("warsaw", "Warsaw"),
    },
)


def make_article(text: str, published: str | None = None, url: str | None = None, name: str = "case.txt") -> Article:
    return Article(file=name, text=text, url=url, publisher="Test Wire", published=published)


def load_cases() -> list[Any]:
    """Every case file; one with `known_failure: <why>` is expected to fail (strictly), so a
    fix shows up as an unexpected pass and the note can be removed."""
    params = []
    for path in sorted(CASES.glob("*.yml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(reason=case["known_failure"], strict=True)] if "known_failure" in case else []
        params.append(pytest.param(case, id=path.stem, marks=marks))
    return params


@pytest.mark.parametrize("case", load_cases())
def test_case(case: dict[str, Any]) -> None:
    text = case["text"]
    if "encoding" in case:
        # The case is stored as UTF-8; write it in the legacy encoding and read it back as a file would be.
        text, error = decode_article(text.encode(case["encoding"]), "case.txt")
        assert error is None and text is not None
    result = extract_article(make_article(text, case.get("published"), case.get("url")), CATALOG)
    event = result.event
    expect = case["expect"]
    assert event.date.iso() == expect["date"]
    if "end_date" in expect:
        assert event.end_date is not None and event.end_date.iso() == expect["end_date"]
    if "date_rule" in expect:
        assert event.date_basis is not None and event.date_basis.rule == expect["date_rule"]
    if "place" in expect:
        assert event.place == expect["place"]
    if "title" in expect:
        assert event.title == expect["title"]
    if "people" in expect:
        assert [[p.id, p.role] for p in event.people] == expect["people"]
    if "treaties" in expect:
        assert list(event.treaties) == expect["treaties"]
    if "organizations" in expect:
        assert list(event.organizations) == expect["organizations"]
    if "quotes" in expect:
        assert [[q.speaker, q.text[: len(prefix)]] for q, (_, prefix) in zip(event.quotes, expect["quotes"])] == expect["quotes"]
        assert len(event.quotes) == len(expect["quotes"])
    if "review" in expect:
        assert bool(event.review) == expect["review"]
    if "mentioned" in expect:
        assert sorted(m.date.iso() for m in result.mentioned) == expect["mentioned"]
        assert all(m.status == "draft" and m.related == (event.id,) for m in result.mentioned)
        assert set(event.related) == {m.id for m in result.mentioned}
    if "mentioned_titles" in expect:
        titles = [m.title.rstrip("…") for m in sorted(result.mentioned, key=lambda m: m.date.iso())]
        assert titles == expect["mentioned_titles"]
    if "summary_excludes" in expect:
        assert not [word for word in expect["summary_excludes"] if word in event.summary]
    if "new_people" in expect:
        assert [[p.name, list(p.aliases), p.roles[0].title if p.roles else None] for p in result.people] == expect["new_people"]
    if "new_places" in expect:
        assert [p.name for p in result.places] == expect["new_places"]
    if "new_treaties" in expect:
        assert [t.name for t in result.treaties] == expect["new_treaties"]
    if "new_organizations" in expect:
        assert [o.name for o in result.organizations] == expect["new_organizations"]


# ---------------------------------------------------------------- single rules


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("talks with U.S. Undersecretary of State Lynn Davis today", "Lynn", "U.S. Undersecretary of State"),
        ("said Chief of the General Staff of the Russian Armed Forces Valery Gerasimov", "Valery", "Chief of the General Staff of the Russian Armed Forces"),
        ("the Deputy Minister of Defense of Russia, Colonel-General Alexander Fomin, said", "Alexander", "Deputy Minister of Defense of Russia"),
        ("negotiated by U.S. President Ronald Reagan and Soviet leader Mikhail Gorbachev", "Mikhail", "Soviet leader"),
        ("the treaty, Anders Fogh Rasmussen said", "Anders", None),
        ("Speaking in Vienna, Deputy Foreign Minister Georgy Mamedov said", "Georgy", "Deputy Foreign Minister"),
    ],
)
def test_role_written_before_a_name(text: str, name: str, role: str | None) -> None:
    assert find_role_before(text, text.index(name)) == role


def test_surname_alone_links_to_the_person_named_in_full() -> None:
    text = "NATO Secretary General George Robertson arrived on Monday. Later Robertson met students."
    event = extract_article(make_article(text, "2001-03-06"), CATALOG).event
    assert [(p.id, p.role) for p in event.people] == [("george-robertson", "NATO Secretary General")]


def test_initials_and_surname_match_a_known_person() -> None:
    text = "In these conditions, the President of Russia V.V. Putin decided on Friday to send the drafts."
    event = extract_article(make_article(text, "2021-12-18"), CATALOG).event
    assert [(p.id, p.role) for p in event.people] == [("vladimir-putin", "President of Russia")]


def test_an_unrelated_person_with_a_known_surname_is_not_matched() -> None:
    text = "Coach Mark Davis said on Monday the team had trained hard for the season in Moscow."
    event = extract_article(make_article(text, "2001-03-06"), CATALOG).event
    assert "lynn-davis" not in [p.id for p in event.people]


def test_treaty_by_abbreviation_alias_and_or_form() -> None:
    text = (
        "Ministers discussed the Conventional Forces in Europe, or CFE, treaty on Monday. "
        "Later the INF came up, and the Intermediate-range Nuclear Forces Treaty was defended."
    )
    event = extract_article(make_article(text, "2001-03-06"), CATALOG).event
    assert event.treaties == ("cfe-treaty", "inf-treaty")


def test_ascii_folding_matches_accented_spellings() -> None:
    assert fold_text("Sergéy Lavróv – “NATO”") == "Sergey Lavrov - \u201cNATO\u201d"
    event = extract_article(make_article("Foreign Minister Sergéy Lavróv said on Monday that talks would go on.", "2001-03-06"), CATALOG).event
    assert [p.id for p in event.people] == ["sergey-lavrov"]


def test_sentences_do_not_break_at_abbreviations_or_initials() -> None:
    text = "U.S. President Bill Clinton met V.V. Putin. They talked."
    assert [s.text for s in split_sentences(text)] == ["U.S. President Bill Clinton met V.V. Putin.", "They talked."]


@pytest.mark.parametrize(
    ("paragraph", "city"),
    [
        ("VIENNA -- Russia on Wednesday said", "VIENNA"),
        ("MOSCOW, April 27 (Xinhua) -- Russia concentrated", "MOSCOW"),
        ("Prague, 27 May 1997 (RFE/RL) -- Ministers met", "Prague"),
        ("BRUSSELS (Reuters) - NATO allies", "BRUSSELS"),
        ("WARSAW | Poles and Czechs voiced concern", "WARSAW"),
        ("Sales rose | prices fell", None),
        ("Russia said - in a rare move - it would", None),
        ("The talks -- closed to the press -- went on", None),
    ],
)
def test_datelines(paragraph: str, city: str | None) -> None:
    found = find_dateline(paragraph)
    assert (found[0] if found else None) == city


def test_a_place_where_something_is_regarded_is_not_the_venue() -> None:
    text = "Putin told NATO leaders on Friday that expansion would be regarded in Moscow as a threat."
    assert extract_article(make_article(text, "2008-04-04"), CATALOG).event.place is None


def test_stamp_lines_with_labels_are_not_the_lead() -> None:
    text = "Allies act\n\nIssued on 01 Apr. 2014 | Last updated: 01 Apr. 2014 17:30\n\nMinisters, meeting in Paris on 1 April, decided to act."
    event = extract_article(make_article(text), CATALOG).event
    assert (event.date.iso(), event.place) == ("2014-04-01", "paris")
    assert "Issued" not in event.summary


def test_transcript_turns_of_named_people_are_quotes() -> None:
    text = (
        "Allies grow\n\nHOST NAME, host:\n\nToday Foreign Minister Sergey Lavrov met allies in Paris.\n\n"
        "HOST: He was not pleased.\n\n"
        "Mr. SERGEY LAVROV (Foreign Minister): (Through Translator) This is a mistake that Europe will regret.\n\n"
        "NATO: Statements by bodies in capitals are not transcript turns of a person."
    )
    event = extract_article(make_article(text, "1999-03-12"), CATALOG).event
    assert [(q.speaker, q.text) for q in event.quotes] == [("sergey-lavrov", "This is a mistake that Europe will regret.")]


def test_unknown_place_in_text_stays_empty() -> None:
    event = extract_article(make_article("Diplomats met in Ruritania on Monday to discuss the crisis.", "2001-03-06"), CATALOG)
    assert event.event.place is None and event.places == ()


def test_ids_are_deterministic_slugs() -> None:
    article = make_article("Allies Agree on Plan\n\nAllies agreed on Monday on a plan for the east.", "2001-03-06")
    first = extract_article(article, CATALOG).event.id
    assert first == extract_article(article, CATALOG).event.id == "2001-03-05-allies-agree-on-plan"
    assert make_slug("The Śummit: “Done”") == "summit-done"


def test_no_publication_date_anywhere_is_a_clear_error() -> None:
    with pytest.raises(ExtractionError, match="no publication date"):
        extract_article(make_article("Ministers met on Monday in Moscow to talk about security."), CATALOG)


def test_the_publication_date_is_used_when_the_lead_has_no_date() -> None:
    event = extract_article(make_article("Ministers are worried about security in Europe.", "2001-03-06"), CATALOG).event
    assert event.date.iso() == "2001-03-06" and event.review


# ---------------------------------------------------------------- the seeds

SEED_TABLE = [
    ("000_", "1996-05-15", None, "vienna", {"georgy-mamedov": "Deputy Foreign Minister", "lynn-davis": "U.S. Undersecretary of State"}, {"cfe-treaty"}),
    ("001_", "2010-10-02", None, None, {"alexander-grushko": "Deputy Foreign Minister", "anders-fogh-rasmussen": None, "dmitry-medvedev": None}, {"cfe-treaty"}),
    ("002_", "2019-07-05", None, "brussels", {"jens-stoltenberg": "NATO Secretary-General", "ronald-reagan": None, "mikhail-gorbachev": None}, {"inf-treaty"}),
    ("003_", "2022-01-12", None, "brussels", {"alexander-fomin": "Deputy Minister of Defense", "vladimir-putin": None}, {"russian-security-guarantee-drafts"}),
    ("004_", "2017-04-26", "2017-04-27", "moscow", {"valery-gerasimov": "Chief of the General Staff", "sergei-shoigu": "Defense Minister", "jens-stoltenberg": None, "donald-trump": None, "bashar-al-assad": None}, set()),
]


@pytest.fixture(scope="module")
def seed_results() -> dict[str, Any]:
    chronology, _ = read_chronology(REPO)
    catalog = Catalog(chronology.people, chronology.organizations, chronology.treaties, chronology.places)
    return {name: extract_article(article, catalog) for name, article in chronology.articles.items()}


@pytest.mark.parametrize(("prefix", "date", "end_date", "place", "people", "treaties"), SEED_TABLE, ids=[row[0] for row in SEED_TABLE])
def test_seed_table(seed_results: dict[str, Any], prefix: str, date: str, end_date: str | None, place: str | None, people: dict[str, str | None], treaties: set[str]) -> None:
    (result,) = [r for name, r in seed_results.items() if name.startswith(prefix)]
    event = result.event
    assert event.date.iso() == date
    assert (event.end_date.iso() if event.end_date else None) == end_date
    assert event.place == place
    found = {p.id: p.role for p in event.people}
    for person, role in people.items():
        assert person in found
        if role:
            assert role in (found[person] or ""), (person, found[person])
    assert set(event.treaties) == treaties


@pytest.mark.parametrize(
    ("headline", "publisher", "title"),
    [
        ("Spotlight: Summit ends without deal", None, "Summit ends without deal"),
        ("Russia: NATO Threat to Arms Pact", None, "Russia: NATO Threat to Arms Pact"),
        ("Envoys trade barbs over drills – Baltic Wire", None, "Envoys trade barbs over drills"),
        ("Talks on missiles fail | The Moscow Times (Reuters)", "The Moscow Times (Reuters)", "Talks on missiles fail"),
        ("NATO and Russia - a long road ahead of them now", None, "NATO and Russia - a long road ahead of them now"),
    ],
)
def test_headline_kickers_and_site_names_are_dropped(headline: str, publisher: str | None, title: str) -> None:
    from chrono.extract import clean_headline

    assert clean_headline(headline, publisher) == title


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Gen. Philip Breedlove, the Supreme Allied Commander Europe, told reporters", "Supreme Allied Commander Europe"),
        ("Alexander Vershbow, Deputy Secretary General of NATO, said", "Deputy Secretary General of NATO"),
        ("Sergei Ivanov, Moscow, and others", None),
        ("Jens Stoltenberg, the NATO secretary general, told reporters", "NATO secretary general"),
        ("Lt. Gen. Ben Hodges, the commander of U.S. Army Europe, said", "commander of U.S. Army Europe"),
        ("Sergei Ivanov, who was in town, said", None),
        ("Igor Ivanov, a man of few words, said", None),
    ],
)
def test_role_written_after_a_name(text: str, role: str | None) -> None:
    end = text.index(",")
    assert find_role_after(text, end) == role


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Donald Trump has decided to withdraw.", ["Donald Trump"]),
        ("Sergei Shoigu ordered snap drills.", ["Sergei Shoigu"]),
        ("Black Sea Fleet was placed on alert.", []),
        ("Pristina Airport was seized by paratroopers.", []),
        ("Steadfast Jazz involved 6,000 troops.", []),
    ],
)
def test_a_capitalised_subject_is_a_person_only_with_a_verb_people_do(text: str, names: list[str]) -> None:
    assert [name for _, _, name, _ in find_new_people(text, [])] == names
