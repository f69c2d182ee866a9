"""Drafts that say where they may be wrong: the doubts stage, the forms of page it was built
for, and how `doubts` travels through validation, re-runs, the CLI and the event page.

Every article text here is fiction written for the test, in the house style of a real kind of
page (a wire archive, a news database's header block, an official transcript, a newspaper):
the offices and places are public, the events as told, the wording and every quote are
invented, and no byline is a real journalist's.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from build_chronology import main
from chrono.entries import read_chronology
from chrono.extract import Catalog, extract_article
from chrono.model import Article, Event, Organization, PartialDate, Person, Place, Role
from chrono.pages import render_event_page
from chrono.index import build_index

FIXTURES = Path(__file__).parent / "fixtures"

PEOPLE = {
    "jens-stoltenberg": Person(
        "jens-stoltenberg", "Jens Stoltenberg", ("Stoltenberg",), side="nato",
        roles=(Role("NATO Secretary General", PartialDate(2014, 10, 1), PartialDate(2024, 10, 1)),),
    ),
    "alexander-grushko": Person("alexander-grushko", "Alexander Grushko", ("Grushko",), side="russia"),
    "sergey-lavrov": Person("sergey-lavrov", "Sergey Lavrov", ("Lavrov",), side="russia"),
    "javier-solana": Person("javier-solana", "Javier Solana", ("Solana",), side="nato"),
    "yevgeny-primakov": Person("yevgeny-primakov", "Yevgeny Primakov", ("Primakov",), side="russia"),
    "vladimir-putin": Person("vladimir-putin", "Vladimir Putin", ("Putin",), side="russia"),
    "mike-pompeo": Person("mike-pompeo", "Mike Pompeo", ("Pompeo",), side="nato"),
    "igor-ivanov": Person("igor-ivanov", "Igor Ivanov", ("Ivanov",), side="russia"),
    "boris-yeltsin": Person("boris-yeltsin", "Boris Yeltsin", ("Yeltsin",), side="russia"),
    "bill-clinton": Person(
        "bill-clinton", "Bill Clinton", ("Clinton",), side="nato",
        roles=(Role("President of the United States", PartialDate(1993, 1, 20), PartialDate(2001, 1, 20)),),
    ),
    "hillary-clinton": Person(
        "hillary-clinton", "Hillary Clinton", ("Clinton",), side="nato",
        roles=(Role("Secretary of State", PartialDate(2009, 1, 21), PartialDate(2013, 2, 1)),),
    ),
}
CATALOG = Catalog(
    people=PEOPLE,
    organizations={"nato": Organization("nato", "North Atlantic Treaty Organization", (), "NATO")},
    treaties={},
    places={
        "moscow": Place("moscow", "Moscow", country="Russia"),
        "brussels": Place("brussels", "Brussels", country="Belgium"),
        "washington": Place("washington", "Washington", country="United States"),
        "bucharest": Place("bucharest", "Bucharest", country="Romania"),
        "rome": Place("rome", "Rome", country="Italy"),
    },
)


def extract(text: str, *, published: str | None = None, url: str | None = None, catalog: Catalog = CATALOG) -> Event:
    article = Article(file="case.txt", text=text, url=url, publisher="Test Wire", published=published)
    return extract_article(article, catalog).event


def doubts_of(event: Event) -> dict[str, str]:
    return dict(event.doubts)


def _known_event(day: str, title: str, people: tuple[str, ...], place: str) -> Event:
    """A reviewed event of the chronology, which a page with no date can be dated by."""
    from chrono.model import PersonRole

    return Event(
        id=f"{day}-known", title=title, date=PartialDate.parse(day), summary=title,
        provenance="curated", status="reviewed", place=place,
        people=tuple(PersonRole(p, None) for p in people),
    )


# ---------------------------------------------------------------- forms of page, and their doubts

WIRE_ARCHIVE = """Russia, NATO Trade Barbs Over Expansion
BRUSSELS, March 19 (DPA) - NATO Secretary-General Javier Solana said on Wednesday the alliance would not give Moscow a veto over enlargement.
``We will not allow any country outside the alliance to decide who joins it,'' Solana told reporters at NATO headquarters.
Russian Foreign Minister Yevgeny Primakov said in Moscow that ``the expansion of NATO to the east remains unacceptable to Russia.''
"""


def test_a_wire_archive_with_tex_quotes_and_the_agency_after_the_date() -> None:
    """Fiction in the style of a news agency's archive copy: ``quotes'', an archive address
    with only the month, a dateline whose day dates the story."""
    event = extract(WIRE_ARCHIVE, url="http://archive.example.org/1997/3/wire-story.html")
    assert event.date == PartialDate(1997, 3, 19)  # the dateline's day, in the address's month
    assert event.place == "brussels"
    assert [(q.speaker, q.text.split()[0]) for q in event.quotes] == [
        ("javier-solana", "We"), ("yevgeny-primakov", "the"),
    ]
    assert event.doubts == ()  # every field rests on a reading worth a bet


def test_a_month_only_publication_leaves_the_weekday_in_doubt() -> None:
    text = WIRE_ARCHIVE.replace("BRUSSELS, March 19 (DPA) - ", "BRUSSELS (DPA) - ")
    event = extract(text, url="http://archive.example.org/1997/3/wire-story.html")
    assert event.date == PartialDate(1997, 3) and event.approximate
    assert "5, 12, 19, 26" in doubts_of(event)["date"]


HEADER_BLOCK = """DATE: 26 August 1998
DATELINE: BRUSSELS
SOURCE: Test Wire
HEADLINE: NATO cautious on Russian crisis
NATO allies on Wednesday discussed the economic turmoil in Russia and its impact on the Permanent Joint Council, an alliance spokesman said.
"We are following events in Moscow very closely," spokesman Jamie Shea told journalists.
"""


def test_an_archive_header_block_gives_headline_dateline_and_date() -> None:
    """Fiction in the style of a news database's export: labelled fields above the story."""
    event = extract(HEADER_BLOCK)
    assert event.title == "NATO cautious on Russian crisis"
    assert event.date == PartialDate(1998, 8, 26)
    assert event.place == "brussels"
    assert "title" not in doubts_of(event)


def test_a_broadcaster_script_header_with_a_short_date() -> None:
    """Fiction in the style of a broadcaster's correspondent script: DATE=, DATELINE=, TEXT:."""
    text = (
        "DATE=12/08/02\nTYPE=CORRESPONDENT REPORT\nTITLE=RUSSIA / NATO TALKS\nDATELINE=MOSCOW\n"
        "TEXT: NATO Secretary-General Javier Solana met Russian officials in Moscow on Sunday for talks "
        "on security cooperation, his spokesman said.\n"
    )
    event = extract(text)
    assert event.date == PartialDate(2002, 12, 8)
    assert event.place == "moscow"


SPEAKER_CHANGE = """NATO and Russia fail to bridge differences
BRUSSELS (Test Wire) - NATO and Russia held a NATO-Russia Council meeting on Wednesday but failed to narrow their differences over Ukraine.
"We have profound and persistent disagreements," NATO Secretary General Jens Stoltenberg told a news conference. Russia's envoy to NATO, Alexander Grushko, said: "The alliance is building up its forces near our borders." He added that Moscow would respond.
"This is a dangerous path," he said.
"""


def test_a_quote_paragraph_whose_speaker_changes() -> None:
    """The second quote is introduced by its own speaker; a pronoun after two speakers is a doubt."""
    event = extract(SPEAKER_CHANGE, published="2016-07-13")
    assert [q.speaker for q in event.quotes] == ["jens-stoltenberg", "alexander-grushko", "alexander-grushko"]
    doubts = doubts_of(event)
    assert "two people were quoted" in doubts["quotes[2].speaker"]
    assert "quotes[0].speaker" not in doubts and "quotes[1].speaker" not in doubts


def test_he_said_after_one_speaker_is_a_bet_and_after_two_a_doubt() -> None:
    """'"...," he said' when one person has been speaking is the reading the development corpus
    shows right (53 of 55 on 2026-12-08), so it is not doubted; after two people were quoted it
    still is. Fiction in the house style of a wire story."""
    text = (
        "Envoy warns of a dangerous path\n"
        "BRUSSELS (Test Wire) - Russia's envoy to NATO, Alexander Grushko, criticised the alliance's plans "
        "on Wednesday.\n"
        '"This is a dangerous path," he said.\n'
    )
    event = extract(text, published="2016-07-13")
    assert [q.speaker for q in event.quotes] == ["alexander-grushko"]
    assert "quotes[0].speaker" not in doubts_of(event)
    assert "two people were quoted" in doubts_of(extract(SPEAKER_CHANGE, published="2016-07-13"))["quotes[2].speaker"]


def test_a_ministrys_transcript_heading_and_its_greeted_turn() -> None:
    """Fiction in the house style of a foreign ministry's transcript page: the heading ends with
    where and when ("..., Oslo, April 26, 2007"), and the first turn is a title-case label with
    a greeting on its own line ("Foreign Minister Lavrov: Dear colleagues,"): the page is
    dated and placed by the heading, and the remarks below are the minister's."""
    text = (
        "Ministry of Foreign Affairs\n\n"
        "Transcript of Remarks by the Minister of Foreign Affairs Sergey Lavrov Following the Ministerial "
        "Meeting of the Council, Oslo, April 26, 2007\n\n"
        "Foreign Minister Lavrov: Dear colleagues,\n\n"
        "Over these years the council has proven itself as a forum where any problem of European security "
        "can be frankly discussed.\n\n"
        "We cannot watch impartially as the alliance moves its infrastructure closer to our borders.\n"
    )
    event = extract(text)
    assert event.date == PartialDate(2007, 4, 26)
    assert event.place == "oslo"
    assert [q.speaker for q in event.quotes][:1] == ["sergey-lavrov"]
    assert event.quotes[0].text.startswith("Dear colleagues, Over these years")
    # A press conference's first turn, its speaker named nowhere else: his office and surname.
    conference = (
        "Foreign Minister Ivanov: Ladies and Gentlemen,\n"
        "The council and I have had a long conversation about a whole series of issues of mutual "
        "interest to Russia and to the alliance.\n"
    )
    assert [q.speaker for q in extract(conference, published="2001-10-03").quotes] == ["igor-ivanov"]


QUESTIONS_AND_ANSWERS = """Foreign Minister Sergey Lavrov's answer to a media question following talks with US Secretary of State Mike Pompeo, Washington, December 10, 2019
Question: Did you discuss the future of the arms control treaties?
Sergey Lavrov: We handed our American colleagues our proposal to extend the treaty without any preconditions, and we are waiting for an answer.
Question: What about NATO's activity in Europe?
Answer: We see the alliance moving its infrastructure closer to our borders, and we have said so many times.
"""


def test_a_question_and_answer_transcript() -> None:
    """Fiction in the style of a foreign ministry's transcript: the heading says who, where
    and when; named turns and bare "Answer:" turns are the minister's words."""
    event = extract(QUESTIONS_AND_ANSWERS, published="2019-12-11")
    assert event.title.startswith("Foreign Minister Sergey Lavrov's answer")
    assert event.date == PartialDate(2019, 12, 10)
    assert event.place == "washington"
    assert [q.speaker for q in event.quotes] == ["sergey-lavrov", "sergey-lavrov"]
    assert not any(q.text.startswith("Did you") for q in event.quotes)


def test_the_dateline_is_not_where_the_event_was() -> None:
    text = (
        "Russia warns on shield\nMOSCOW (Test Wire) - Russian Foreign Minister Sergey Lavrov, speaking on "
        "Tuesday during a visit to Ljubljana, said the missile shield threatened Russia.\n"
    )
    event = extract(text, published="2010-03-17")
    assert event.place == "moscow"
    assert "Ljubljana" in doubts_of(event)["place"]


def test_a_nato_official_under_a_moscow_dateline() -> None:
    text = (
        "Experts to watch drills\nMOSCOW (Test Wire) - NATO will send three experts to watch the exercise, "
        "NATO Secretary General Jens Stoltenberg said on Wednesday.\n"
    )
    event = extract(text, published="2017-09-06")
    assert "Jens Stoltenberg" in doubts_of(event)["place"]


def test_an_arrival_does_not_date_the_meeting() -> None:
    text = (
        "Putin in Rome\nROME, May 28 (Test Wire) - Russian President Vladimir Putin arrived yesterday to "
        "attend a summit with NATO leaders.\n"
    )
    event = extract(text, published="2002-05-28")
    assert event.date == PartialDate(2002, 5, 27)
    assert "arrival" in doubts_of(event)["date"]


def test_a_caption_credited_to_a_photographer_is_not_the_lead() -> None:
    text = (
        "Russia threatens shield\nBy Correspondent / May 4, 2012\n"
        "A Russian officer is on duty at a radar station near Moscow, Friday, May 4. Visitors toured it on Friday.\n"
        "Ivan Ivanov/AP\n"
        "Russia's Foreign Minister Sergey Lavrov said yesterday that NATO's missile shield could not be accepted.\n"
    )
    event = extract(text)
    assert event.date == PartialDate(2012, 5, 3)


def test_no_headline_is_a_doubt_on_the_title() -> None:
    event = extract(
        "MOSCOW (Test Wire) - Russian Foreign Minister Sergey Lavrov said on Monday that NATO's plans "
        "were a mistake.\n",
        published="2019-12-10",
    )
    assert doubts_of(event)["title"].startswith("no headline found")


# ---------------------------------------------------------------- validation, re-runs, CLI, page


def write_doubts(root: Path, rel: str, doubts: str, status: str | None = None) -> Path:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if status:
        text = text.replace("status: draft", f"status: {status}")
    path.write_text(text.rstrip("\n") + "\n" + doubts, encoding="utf-8")
    return path


EVENT = "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml"


def test_doubts_are_read_and_their_paths_checked(data_root: Path) -> None:
    path = write_doubts(data_root, EVENT, "doubts:\n  place: dateline only\n  people[7]: a stub\n")
    chronology, errors = read_chronology(data_root)
    line = path.read_text(encoding="utf-8").splitlines().index("  people[7]: a stub") + 1
    assert [str(e) for e in errors] == [
        f"{EVENT}:{line}: doubts.people[7]: points at item 7 of people, which has 1; delete the doubt or correct its number"
    ]


def test_a_reviewed_entry_has_no_doubts_left(data_root: Path) -> None:
    path = write_doubts(data_root, EVENT, "doubts:\n  place: dateline only\n", status="reviewed")
    line = path.read_text(encoding="utf-8").splitlines().index("  place: dateline only") + 1
    errors = [str(e) for e in read_chronology(data_root)[1]]
    assert f"{EVENT}:{line}: doubts.place: a reviewed entry has no doubts left: check the field, correct it if needed, then delete this line" in errors


def test_a_doubt_path_must_have_the_validators_form(data_root: Path) -> None:
    write_doubts(data_root, EVENT, "doubts:\n  the place: dateline only\n")
    errors = [str(e) for e in read_chronology(data_root)[1]]
    assert len(errors) == 1 and "doubts" in errors[0] and "the place" in errors[0]


ARTICLE = """Alliance answers Russia
VIENNA (Test Wire) - NATO Secretary General Jens Stoltenberg said on Wednesday, during a visit to Warsaw, that the alliance would answer Russia's new missiles.
"""


def make_project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "chronology", tmp_path / "chronology", ignore=shutil.ignore_patterns("events"))
    (tmp_path / "chronology" / "events").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "seeds" / "sources.yml").write_text(
        yaml.safe_dump({"a.txt": {"publisher": "Test Wire", "published": "2019-02-06"}}), encoding="utf-8"
    )
    return tmp_path


def test_extract_lists_the_drafts_with_doubts_and_keeps_a_persons_edit(tmp_path: Path, capsys) -> None:
    root = make_project(tmp_path)
    assert main(["--root", str(root), "extract"]) == 0
    out = capsys.readouterr().out
    [path] = (root / "chronology" / "events").glob("*.yml")
    rel = f"chronology/events/{path.name}"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "Warsaw" in data["doubts"]["place"]
    assert f"1 draft with doubts (check these fields first):\n  {rel}: place" in out

    # A person corrects the place: the next run keeps it and drops the doubt about it.
    text = path.read_text(encoding="utf-8").replace("place: vienna", "place: brussels")
    path.write_text(text, encoding="utf-8")
    assert main(["--root", str(root), "extract"]) == 0
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["place"] == "brussels"
    assert "place" not in (data.get("doubts") or {})
    assert main(["--root", str(root), "validate"]) == 0


def test_the_event_page_marks_the_doubtful_fields(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert main(["--root", str(root), "extract", "--quiet"]) == 0
    chronology, errors = read_chronology(root)
    assert errors == []
    [event] = chronology.events
    page = render_event_page(event, build_index(chronology)).html
    assert 'id="doubts"' in page and "Where this draft may be wrong" in page
    assert '<a class="chrono-doubt" href="#doubts">place uncertain</a>' in page
    assert "<strong>The place</strong>: dateline VIENNA; the lead says" in page


# ---------------------------------------------------------------- smaller forms of the same pages


def test_a_name_at_the_end_of_a_paragraph_does_not_run_into_the_next() -> None:
    text = (
        "Leader blames the alliance\nThe alliance was blamed for the war, according to South African "
        "President Cyril Ramaphosa.\nSouth Africa abstained in the vote at the United Nations.\n"
    )
    event = extract(text, published="2022-03-17")
    assert "cyril-ramaphosa" in [p.id for p in event.people]


def test_quotes_in_doubled_apostrophes() -> None:
    """Fiction in the style of a newspaper archive that typed ''quotes'' with two apostrophes."""
    text = (
        "Talks in Helsinki\nHELSINKI (Test Wire) - Russian Foreign Minister Yevgeny Primakov said on "
        "Saturday that ''we are against the broadening of the alliance to the east,'' after talks.\n"
    )
    event = extract(text, published="1996-02-11")
    assert [q.speaker for q in event.quotes] == ["yevgeny-primakov"]


def test_quotes_in_doubled_curled_single_marks() -> None:
    """Fiction in the style of a news site whose typesetting curled ''quotes'' into ‘‘quotes’’."""
    text = (
        "Minister backs closer ties\n‘‘We are ready to deepen our work with the alliance,’’ said "
        "Russian Foreign Minister Igor Ivanov on Tuesday.\n‘‘Terrorism is a threat to every one of our countries,’’ he said.\n"
    )
    event = extract(text, published="2001-10-03")
    assert [q.speaker for q in event.quotes] == ["igor-ivanov", "igor-ivanov"]
    assert event.quotes[0].text.startswith("We are ready")


def test_more_verbs_of_speech_hand_a_quote_to_the_subject() -> None:
    """Fiction in the style of an agency's English service: "He elaborated that ... "...""
    and "..., adding that "..."" give the quote to the person speaking."""
    text = (
        "Minister outlines council plan\nMOSCOW (Test Wire) - Russian Foreign Minister Igor Ivanov said "
        "on Tuesday the council would meet monthly.\nHe elaborated that the sides will \"exchange "
        "information and hold joint exercises against terrorism\".\nIvanov spoke to reporters, adding "
        "that \"the whole region is watching this work closely\".\n"
    )
    event = extract(text, published="2002-05-14")
    assert [q.speaker for q in event.quotes] == ["igor-ivanov", "igor-ivanov"]


def test_a_surname_opening_a_line_after_a_capitalised_word_is_still_the_person() -> None:
    """Fiction in the style of a radio service's web copy: a paragraph ends with "NATO." and the
    next opens "Primakov said ...": no initials ("O.") and no given name ("NATO Primakov")."""
    text = (
        "Moscow and the alliance agree\nMoscow, 14 May 1997 (Test Radio) - Russian Foreign Minister "
        "Yevgeny Primakov met the alliance's envoys on Wednesday.\nThe talks were the sixth round "
        "between Russia and NATO.\nPrimakov said the agreement is \"a fair result for Russia and for "
        "every country that wants peace.\"\n"
    )
    event = extract(text, published="1997-05-14")
    assert [q.speaker for q in event.quotes] == ["yevgeny-primakov"]


def test_in_his_words_anywhere_in_the_clause_is_the_last_speaker() -> None:
    """Fiction in the style of a Russian agency's English service: "in his words" opens the
    clause, the quoted words come later, and a whole quoted sentence follows in the same voice."""
    text = (
        "Moscow suspends mission\nMOSCOW, October 18 (Test Wire) - Russian Foreign Minister Sergey Lavrov said "
        "on Monday that \"the decision was taken in response to the alliance's actions,\" Lavrov said.\n\n"
        "At the same time, in his words, the step was of \"practically no surprise at all for Moscow\" because "
        "the staff was cut twice. \"Since 2014, the alliance has curbed every contact with our mission.\"\n"
    )
    event = extract(text, published="2021-10-18")
    assert [q.speaker for q in event.quotes] == ["sergey-lavrov"] * 3


def test_a_place_beside_a_doubted_date_is_doubted_too() -> None:
    """Fiction in the style of a monthly archive: published only as March 1996, "met in Brussels
    on Thursday". The Thursday cannot be placed, so the place written beside it is no surer."""
    text = (
        "Envoys meet\nNATO Secretary-General Javier Solana met Russian Foreign Minister Yevgeny "
        "Primakov in Brussels on Thursday to discuss the alliance's plans.\n"
    )
    event = extract(text, published="1996-03", url="https://example.org/1996/3/envoys.html")
    assert event.place == "brussels"
    assert "date" in doubts_of(event) and "place" in doubts_of(event)


def test_a_named_month_in_a_report_dated_to_the_day_is_not_the_news() -> None:
    """Fiction in the style of a wire report: "agreed in April" is background; the report is
    dated July 6 and its lead gives no day, so the draft takes the day of the report, doubted."""
    text = (
        "Council to meet\nBRUSSELS (Test Wire) - The NATO-Russia Council, whose envoys agreed in April "
        "to keep talking, will meet again after the summit, alliance diplomats said.\n"
    )
    event = extract(text, published="2016-07-06")
    assert event.date == PartialDate(2016, 7, 6)
    assert "date" in doubts_of(event)


def test_a_release_letterhead_is_furniture_not_a_title() -> None:
    """Fiction in the style of a government release: its letterhead lines are not the headline."""
    from chrono.extract.cleanup import is_furniture_line

    assert is_furniture_line("Office of the Press Secretary")
    assert is_furniture_line("For Immediate Release May 27, 1997")
    assert not is_furniture_line("Office of the alliance opens in Moscow")


def test_a_headline_loses_its_breadcrumb_and_its_agency_credit() -> None:
    from chrono.extract.cleanup import clean_headline

    assert clean_headline("Status of NATO forces agreed / News / News agency Example", "Example") == "Status of NATO forces agreed"
    assert clean_headline(": Reuters: Putin warns Finland over NATO", None) == "Putin warns Finland over NATO"


def test_a_page_with_no_date_is_dated_by_the_known_event_it_reports() -> None:
    """Fiction in the style of a republished agency item that lost its date: no stamp, no year,
    no date in its address. The chronology's event that shares its people, place and the words of
    its title dates it; the date stays a doubted guess. An unrelated known event does not."""
    chronology = (
        _known_event("2016-07-13", "NATO-Russia Council ambassadors meet after the Warsaw summit",
                     ("jens-stoltenberg", "alexander-grushko"), "brussels"),
        _known_event("2019-02-02", "The United States leaves the INF Treaty", ("mike-pompeo",), "washington"),
    )
    text = (
        "Council meets after Warsaw summit\nNATO Secretary General Jens Stoltenberg said ambassadors of the "
        "NATO-Russia Council met in Brussels to discuss the decisions of the Warsaw summit.\n"
        "Russia's envoy Alexander Grushko told reporters the meeting was frank.\n"
    )
    article = Article(file="case.txt", text=text, url=None, publisher="Test Wire", published=None)
    event = extract_article(article, CATALOG, known_events=chronology).event
    assert event.date == PartialDate(2016, 7, 13)
    assert "no publication date" in doubts_of(event)["date"]
    alone = extract_article(article, CATALOG, known_events=chronology[1:]).event
    assert alone.date.precision == "year"


def test_a_lead_without_a_date_takes_the_day_of_the_known_event_the_page_reports() -> None:
    """Fiction in the style of a blog's copy of wire news, dated in its address (28 March) and
    with no date in its lead: the chronology's event of the day before, which shares its
    person, its place and the words of its headline, is what it reports. The date stays
    doubted (a page may report a reaction on the next day). With a known event of the page's
    own day as well, or with no known event at all, the publication day stands."""
    text = (
        "Alliance expels seven Russian diplomats\nNATO Secretary General Jens Stoltenberg said in Brussels "
        "that the alliance expels seven Russian diplomats from its headquarters.\n"
        "The move cuts the size of the Russian mission, officials said.\n"
    )
    article = Article(file="case.txt", text=text, url="https://blog.example.org/2018/03/28/alliance-expels",
                      publisher="Test Blog", published=None)
    expulsions = _known_event("2018-03-27", "NATO expels seven Russian diplomats", ("jens-stoltenberg",), "brussels")
    event = extract_article(article, CATALOG, known_events=(expulsions,)).event
    assert event.date == PartialDate(2018, 3, 27)
    assert "may report a later reaction" in doubts_of(event)["date"]
    same_day = _known_event("2018-03-28", "Seven Russian diplomats leave", ("jens-stoltenberg",), "brussels")
    for chronology in ((expulsions, same_day), ()):
        assert extract_article(article, CATALOG, known_events=chronology).event.date == PartialDate(2018, 3, 28)


def test_a_yearless_page_is_dated_by_the_known_event_of_the_week_before_its_day() -> None:
    """Fiction in the style of an agency item copied without its year: "BRUSSELS, March 29",
    and a Secretary General whose ten years in office all fit. Two known events share as much
    with it (its person and its place); the one that happened in the week up to 29 March gives
    the year, and the date stays a doubted guess."""
    def known(day: str, title: str) -> Event:
        return _known_event(day, title, ("jens-stoltenberg",), "brussels")

    text = (
        "Alliance shrinks the mission\nBRUSSELS, March 29 (Test Wire) - NATO Secretary General Jens "
        "Stoltenberg said in Brussels that the alliance had cut the size of the Russian mission.\n"
    )
    article = Article(file="case.txt", text=text, url=None, publisher="Test Wire", published=None)
    week_before = known("2018-03-27", "Seven diplomats lose their passes")
    months_away = known("2016-07-13", "Ambassadors meet after the summit in Warsaw")
    event = extract_article(article, CATALOG, known_events=(months_away, week_before)).event
    assert event.date == PartialDate(2018, 3, 29)
    assert "no publication date" in doubts_of(event)["date"]
    for day in ("2018-05-27", "2018-03-21"):  # after the lead's day, or eight days before it
        far = extract_article(article, CATALOG, known_events=(months_away, known(day, "Another meeting"))).event
        assert far.date.year == 2014  # no event in the week before: the first year the offices fit


def test_an_undated_page_that_recalls_only_years_before_its_peoples_offices_is_dated_by_the_offices() -> None:
    """Fiction in the style of a reposted agency item: no date anywhere, and the only year it
    names (1997) is years before Secretary of State Hillary Clinton took office."""
    text = (
        "Clinton backs the council\nSecretary of State Hillary Clinton said the council created by the "
        "1997 Founding Act should meet more often.\n"
    )
    event = extract(text)
    assert event.date.year == 2009
    assert "no publication date" in doubts_of(event)["date"]


def test_an_undated_page_is_dated_by_its_latest_year_and_says_so() -> None:
    text = (
        "Alliance regrets Moscow's stance\nNATO member states voiced regret over Russia's stance on the "
        "missile shield agreed at the Lisbon summit in 2010, a statement said.\n"
    )
    event = extract(text)
    assert event.date == PartialDate(2010)
    assert doubts_of(event)["date"].startswith("no publication date was found")


def test_a_dateline_in_capitals_with_a_colon_dates_today() -> None:
    """Fiction in the style of an Indian daily's print edition, dated the day after."""
    text = (
        "Two capitals agree\nNEW DELHI, MARCH 26: India and Russia today agreed to coordinate their "
        "positions on the NATO air strikes, officials said.\n"
    )
    event = extract(text, published="1999-03-27")
    assert event.date == PartialDate(1999, 3, 26)
    assert event.place == "new-delhi"


def test_a_day_first_date_in_the_address_and_a_published_label() -> None:
    from chrono.dates import find_text_date, find_url_date

    assert find_url_date("http://example.com/news/politics/07-12-2001/23288-0/").date == PartialDate(2001, 12, 7)
    stamp = find_text_date(["By Example | Published: December 28, 2021 10:15 AM2021-12-28T10:15:44+5:30"])
    assert stamp is not None and stamp.date == PartialDate(2021, 12, 28)


def test_a_doubt_a_person_kept_follows_the_quotes_the_extractor_refreshes(tmp_path: Path) -> None:
    """A person checked the title and deleted its doubt, so the doubts are theirs; then the
    article loses its first quote and the extractor refreshes the quotes (the person never
    touched them). The kept `quotes[2].speaker` would point past the new list, or at another
    quote: the doubts of a field the extractor rewrites are the extractor's new ones.
    Fiction in the house style of a wire report; the names are invented."""
    kavelin = '"We will not be intimidated by anyone at all," said Boris Kavelin. '
    text = (
        "VIENNA (Test Wire) - NATO Secretary General Jens Stoltenberg said on Wednesday in Vienna "
        "that the alliance would answer Russia's new missiles.\n"
        + kavelin + '"The missiles are a threat to everyone here," Anton Derevyanko told reporters. '
        '"We are ready to talk about them at any time," he said.\n'
    )
    root = make_project(tmp_path)
    (root / "seeds" / "a.txt").write_text(text, encoding="utf-8")
    assert main(["--root", str(root), "extract", "--quiet"]) == 0
    [path] = (root / "chronology" / "events").glob("*.yml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(data["doubts"]) == {"title", "quotes[2].speaker"}

    title_doubt = next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("  title: "))
    path.write_text(path.read_text(encoding="utf-8").replace(title_doubt + "\n", ""), encoding="utf-8")
    (root / "seeds" / "a.txt").write_text(text.replace(kavelin, ""), encoding="utf-8")
    assert main(["--root", str(root), "extract", "--quiet"]) == 0
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [q["speaker"] for q in data["quotes"]] == ["anton-derevyanko", "anton-derevyanko"]
    assert "title" not in (data.get("doubts") or {})  # the person's deletion stands
    assert "quotes[2].speaker" not in (data.get("doubts") or {})
    # (The two new people's stubs break the person rules until someone completes them.)
    assert [e for e in read_chronology(root)[1] if e.path.startswith("chronology/events/")] == []


def test_a_surname_belongs_to_the_namesake_named_last() -> None:
    """Two men called Ivanov: the chronology knows the foreign minister, the text names the
    defence minister in full first. "Ivanov said" after him is his, and after the foreign
    minister is named in full, the surname is the foreign minister's again."""
    text = (
        "Kremlin shrugs off alliance invitations\n\n"
        "MOSCOW, Nov 21 (Test Wire) - Defence Minister Sergei Ivanov said on Thursday that the "
        "invitations were of no concern to Moscow.\n\n"
        '"Whom the alliance invites is the alliance\'s own affair," Ivanov said.\n\n'
        "In Prague, Foreign Minister Igor Ivanov met his Czech counterpart.\n\n"
        '"We expect the treaty to be ratified by all," Ivanov told reporters.'
    )
    event = extract(text, published="2002-11-21")
    speakers = {quote.text[:12]: quote.speaker for quote in event.quotes}
    assert speakers["Whom the all"] == "sergei-ivanov"
    assert speakers["We expect th"] == "igor-ivanov"


def test_a_speaker_label_in_capitals_is_no_dateline() -> None:
    """A broadcaster's transcript opens with its anchor's turn, and a bulletin with a
    president's words under his name: neither "JANE EXAMPLE:" nor "PUTIN:" is where the story
    was filed, so no place stub is made of them."""
    transcript = (
        "JANE EXAMPLE: Good evening. The alliance's foreign ministers met today and pledged "
        "more help for Kyiv.\n"
        "TOM SAMPLE: The ministers spent most of the day on one question.\n"
        "JANE EXAMPLE: Thank you, Tom."
    )
    event = extract(transcript, published="2019-04-04")
    assert event.place != "jane-example"
    bulletin = (
        "PUTIN: Expansion is a question of when, not if.\n\n"
        "Ministers of the alliance met on Thursday and said their door stays open."
    )
    assert extract(bulletin, published="2001-06-14").place != "putin"


def test_a_new_name_with_a_long_office_after_it_speaks() -> None:
    """A wire lead runs the dateline's date into the name, and a long office stands between
    the name and "said": the man is still the speaker, and "he said" is his, not the body
    named before it."""
    text = (
        "Moscow (Test Wire) April 8, 2001 Pavel Samplov, the head of the Defence Ministry's main "
        "department for international military cooperation, said the alliance was interested in "
        "the plan. Speaking to deputies in the State Duma on Friday, Samplov outlined it. "
        '"There is a need for common monitoring first," he said.'
    )
    event = extract(text)
    assert [(quote.speaker, quote.text[:20]) for quote in event.quotes] == [("pavel-samplov", "There is a need for ")]


def test_a_turn_labelled_with_an_office_and_a_surname_is_that_persons() -> None:
    """An official briefing transcript labels its speaker's turns by office and surname
    ("Ambassador Example:") after the moderator named her in full."""
    text = (
        "Virtual press briefing on the NATO-Russia Council meeting\n\n"
        "Moderator: Good evening. We are joined today by Ambassador Jane Example, the U.S. Permanent "
        "Representative to NATO. Ambassador Example, over to you.\n\n"
        "Ambassador Example: Well, thank you very much, and good evening to all of you joining us "
        "from Brussels tonight.\n\n"
        "Moderator: Thank you. The first question goes to the wire services."
    )
    event = extract(text, published="2022-01-12")
    assert [(quote.speaker, quote.text[:21]) for quote in event.quotes] == [("jane-example", "Well, thank you very ")]


def test_a_body_that_calls_something_a_name_is_the_speaker_and_is_doubted() -> None:
    """'The ministry called the decision "..."': no person speaks, so the words are the
    body's, and the reading is marked for the editor."""
    text = (
        "Moscow warns over membership bid\n\n"
        "MOSCOW, May 16 (Test Wire) - Finland and Sweden applied to join the alliance on Monday. "
        "NATO called the decision \"a historic step for the security of the whole region.\""
    )
    event = extract(text, published="2022-05-16")
    assert [(quote.speaker, quote.text[:16]) for quote in event.quotes] == [("nato", "a historic step ")]
    assert "quotes[0].speaker" in dict(event.doubts)


def test_a_page_without_a_year_is_dated_by_the_offices_it_names_and_says_so() -> None:
    """An archive page that names no year: its day, its weekday and the secretary general's
    time in office leave one year, and the draft says how it got there."""
    text = (
        "Alliance chief to meet Russian envoy\n\n"
        "BRUSSELS, March 5 (Test Wire) - NATO Secretary General Jens Stoltenberg said on "
        "Friday he would meet Russia's ambassador next week."
    )
    event = extract(text)
    # Stoltenberg's office (2014-2024 in this catalog) and a Friday 5 March: 2021 alone.
    assert event.date == PartialDate(2021, 3, 5)
    assert "the one year that fits" in dict(event.doubts)["date"]


def test_a_stamp_line_without_a_year_gives_the_day_and_weekday_that_the_offices_are_fitted_to() -> None:
    """Fiction in the style of a wire story copied to a mailing-list archive: the stamp above
    the headline ("Tuesday October 14, 6:12 PM") is the only date, and names no year. Its day
    and weekday, with the secretary general's time in office, give the year."""
    text = (
        "Tuesday October 14, 6:12 PM\n\n"
        "Alliance chief calls for talks\n\n"
        "NATO Secretary General Jens Stoltenberg said on Tuesday the alliance was ready for talks "
        "with Russia's envoy.\n"
    )
    event = extract(text)
    # 14 October was a Tuesday in 2014 (and 2025): the first year of his office that fits.
    assert event.date == PartialDate(2014, 10, 14)
    assert "date" in doubts_of(event)


def test_the_weekday_the_lead_writes_first_is_the_one_its_day_is_fitted_to() -> None:
    """Fiction in the style of a newspaper's wire copy with no year: the lead's own weekday
    comes first ("on Thursday"), and a later sentence recalls talks "on Tuesday". The year is
    the one in which 16 October is a Thursday, not a Tuesday."""
    text = (
        "Alliance chief warns Moscow\n\n"
        "BRUSSELS, Oct. 16 - NATO Secretary General Jens Stoltenberg on Thursday warned Russia "
        "against further deployments, two days after talks with its envoy on Tuesday.\n"
    )
    event = extract(text)
    assert event.date == PartialDate(2014, 10, 16)  # a Thursday; 2018's was a Tuesday


def test_a_dateline_day_that_is_not_the_leads_weekday_in_the_latest_year_named_moves_to_a_later_year() -> None:
    """Fiction in the style of an agency item in a newsletter archive: "MOSCOW, May 13 (Test
    Wire)" with no year, a lead "on Tuesday", and the only year the text names 2002 ("since
    May 2002"). 13 May 2002 was a Monday, and a Tuesday is neither that day nor the day
    before it; 13 May 2003 was a Tuesday. The year is still doubted."""
    text = (
        "Council marks its first year\n\n"
        "MOSCOW, May 13 (Test Wire) - NATO Secretary General Jens Stoltenberg on Tuesday praised "
        "a council that had met every month since May 2002.\n"
    )
    event = extract(text)
    assert event.date == PartialDate(2003, 5, 13)
    assert "weekday the lead names" in doubts_of(event)["date"]
    # "on Monday": 13 May 2002 itself; the latest year named stands.
    assert extract(text.replace("on Tuesday", "on Monday")).date == PartialDate(2002, 5, 13)


def test_a_title_from_a_wire_lead_leaves_out_its_date_and_the_page_around_it() -> None:
    """A broadcaster's transcript page and a wire archive item without a headline: the
    navigation and transcript notice are no title, and a title written from a lead that opens
    with its date does not start with the date."""
    transcript = (
        "Return to Transcripts main page\n\n"
        "THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM.\n\n"
        "The president left Prague on Friday for talks in St. Petersburg, aides said."
    )
    assert not extract(transcript, published="2002-11-22").title.startswith(("Return", "THIS IS"))
    wire = (
        "Moscow (Test Wire) April 8, 2001 Pavel Samplov, the head of the ministry's department for "
        "cooperation, said the alliance had shown interest in the plan."
    )
    assert extract(wire).title.startswith("Pavel Samplov")



def test_people_a_newspaper_writes_its_own_way() -> None:
    """A 1997 newspaper: the president by office and surname (two known people share it, one
    held office then), Yeltsin with his middle initial, and a defence secretary whose name
    ends a sentence before the next one starts with capitals."""
    text = (
        "Yeltsin walks softly in Paris\n\n"
        "PARIS - Russian President Boris N. Yeltsin signed the accord on Tuesday, and President "
        "Clinton praised it. Aides later met US defence secretary William Sample. On Wednesday "
        "the delegations went home."
    )
    people = [person.id for person in extract(text, published="1997-05-28").people]
    assert "boris-yeltsin" in people and "boris-n-yeltsin" not in people
    assert "bill-clinton" in people and "hillary-clinton" not in people
    assert "william-sample" in people


def test_an_empty_place_is_a_doubt() -> None:
    """A lead that says what happened but not where: the draft leaves the place empty and
    says so, instead of betting that the text names no venue."""
    event = extract("Alliance ministers agreed on Tuesday to review all their cooperation with the other side.", published="2014-03-05")
    assert event.place is None
    assert "no place found" in dict(event.doubts)["place"]


def test_the_place_line_of_an_official_transcripts_heading() -> None:
    """Fiction in the style of a presidential press office's release: the heading gives the
    venue as "City, Country" on a line of its own, and the remarks name no place; the draft
    takes the heading's city and marks it for checking."""
    text = (
        "Office of the Press Secretary\n"
        "November 22, 2002\n\n"
        "Remarks by the two Presidents in a Photo Opportunity\n"
        "Catherine Palace\n"
        "Rome, Italy\n\n"
        "PRESIDENT PUTIN: Good evening, ladies and gentlemen. We are very pleased that the President "
        "accepted our invitation, and our talks covered the alliance and its enlargement."
    )
    event = extract(text)
    assert event.place == "rome"
    assert "place" in dict(event.doubts)


def test_a_section_label_run_into_the_date_stamp() -> None:
    """"NewsNovember 24, 2001": the page lost the line break between a section label and the
    stamp; the stamp still dates the article (cleanup puts the break back before dating)."""
    event = extract(
        "custom ad\nNewsNovember 24, 2001\n\nMOSCOW -- NATO's secretary general met the president on "
        "Friday to discuss cooperation against terrorism."
    )
    assert event.date == PartialDate(2001, 11, 23)


def test_a_title_case_city_before_a_double_dash_and_a_city_after_a_photo_credit() -> None:
    """Two datelines the strict reader leaves out: a newspaper's "Brussels -- " in title case,
    and a broadcaster's "(WASHINGTON) — " with the photo credit glued in front of it. Fiction
    in the house style of a daily and of a radio network's web copy."""
    paper = (
        "Kremlin offers the alliance a hand\n\n"
        "Brussels -- President Vladimir Putin said on Wednesday that Russia was ready to talk "
        "about closer ties with the alliance.\n\n"
        "He spoke after lunch with the alliance's ambassadors.\n"
    )
    event = extract(paper, published="2001-10-04")
    assert event.place == "brussels"
    assert event.date == PartialDate(2001, 10, 3)
    radio = (
        "Alliance chief warns Moscow\n\n"
        "Jane Sample/Example Images(WASHINGTON) — NATO Secretary General Jens Stoltenberg told "
        "a think tank on Wednesday that the alliance would not be divided.\n"
    )
    event = extract(radio, published="2019-04-04")
    assert event.place == "washington"
    # A sentence in title case that merely ends in a dash is no dateline.
    plain = (
        "Talks resume\n\n"
        "Lisbon -- where the talks will not be held -- is quiet. Ministers met in Rome on "
        "Tuesday to prepare the council.\n"
    )
    assert extract(plain, published="2002-05-15").place == "rome"


def test_a_year_named_only_above_the_text_stands_in_for_the_publication() -> None:
    """A journal's documentation page: its body names days and months but no year, which only
    the issue line above the text gives. The draft is written, dated in that year, and its
    date doubted, instead of the article being refused. Fiction in the house style of a
    disarmament journal's documents section."""
    text = (
        "Example Disarmament Review\n\n"
        "Issue No. 9, May 1997\n\n"
        "Alliance and Moscow settle their charter\n\n"
        "The text of the charter was agreed in Moscow on 14 May by Javier Solana and Yevgeny "
        "Primakov, and approved by the allies' ambassadors two days later. Its signature is set "
        "for the end of the month.\n"
    )
    event = extract(text)
    assert event.date.year == 1997
    assert doubts_of(event)["date"].startswith("no publication date was found")
    assert "above or below the text" in doubts_of(event)["date"]


def test_transcript_turns_with_an_office_after_the_name_and_on_a_line_of_their_own() -> None:
    """A cable news transcript names its speakers in capitals with their office after a comma,
    sometimes on a line of its own above the words spoken; the speaker known to the chronology
    is named nowhere else. The anchor, whom it does not know, is not quoted. Fiction in the
    house style of a cable network's transcript; the anchor is invented."""
    text = (
        "Alliance leaders gather\n\n"
        "JANE EXAMPLE, ANCHOR: Good evening. The alliance's leaders met on Thursday in Wales.\n\n"
        "(BEGIN VIDEO CLIP)\n\n"
        "JENS STOLTENBERG, SECRETARY GENERAL, NATO: Any ally attacked will find all of us at its "
        "side, on land, at sea and in the air.\n\n"
        "(END VIDEO CLIP)\n\n"
        "VLADIMIR PUTIN, President of Russia:\n"
        "We have said many times that we are not threatening anyone at all.\n"
    )
    event = extract(text, published="2014-09-05")
    speakers = {quote.text[:12]: quote.speaker for quote in event.quotes}
    assert speakers.get("Any ally att") == "jens-stoltenberg"
    assert speakers.get("We have said") == "vladimir-putin"
    assert "jens-stoltenberg" in {person.id for person in event.people}
    assert not any(quote.text.startswith("Good evening") for quote in event.quotes)


def test_a_release_gives_the_statement_in_the_paragraph_after_said_colon() -> None:
    """A foreign ministry's press release: the minister "said:" and the next paragraph, with
    no quotation marks, is the statement. Fiction in the house style of a government release."""
    text = (
        "Minister calls on Moscow to step back\n\n"
        "The Foreign Minister attended a video conference of his counterparts from the "
        "alliance's member states on Friday to discuss the troops gathered near the border.\n\n"
        "Following the meeting, Foreign Minister Sergey Lavrov said:\n\n"
        "The build-up on our borders is a matter for the alliance to explain, and we expect an answer in writing.\n\n"
        "Ends.\n"
    )
    event = extract(text, published="2022-01-07")
    speakers = {quote.text[:12]: quote.speaker for quote in event.quotes}
    assert speakers.get("The build-up") == "sergey-lavrov"


def test_a_page_with_no_year_whose_offices_fit_several_years_is_still_drafted() -> None:
    """No year anywhere on the page, and the one known person held his office for ten years:
    the draft is written (its people and quotes do not depend on the year) and its date is
    doubted as a guess, instead of the article being refused. Fiction in the house style of a
    wire report."""
    text = (
        "Alliance chief calls for calm\n\n"
        "BRUSSELS, 12 March (Test Wire) - NATO Secretary General Jens Stoltenberg called on "
        "Moscow to pull its troops back from the border and to return to the talks.\n\n"
        '"We are ready to talk, but we will not be divided," Stoltenberg told reporters.\n'
    )
    event = extract(text)
    assert event.place == "brussels"
    assert [quote.speaker for quote in event.quotes] == ["jens-stoltenberg"]
    doubt = doubts_of(event)["date"]
    assert doubt.startswith("no publication date was found") and "first was taken" in doubt


def test_an_appeal_for_donations_is_not_the_lead() -> None:
    """A non-profit broadcaster's page opens with its plea for money, in sentences as long as
    the story's; the story's own lead gives the place. Fiction in the house style of a
    listener-funded news programme's headlines page."""
    text = (
        "Non-commercial news needs your support.\n\n"
        "We rely on contributions from you, our viewers and listeners, to do our work. Please "
        "make your monthly contribution today.\n\n"
        "Alliance halts its work with Moscow\n\n"
        "The alliance's foreign ministers suspended all practical cooperation with Russia on "
        "Tuesday. Secretary General Jens Stoltenberg announced the move at a meeting in Brussels.\n"
    )
    event = extract(text, published="2014-04-02")
    assert "contribution" not in event.title.lower() and "support" not in event.title.lower()
    assert event.place == "brussels"
    assert event.date == PartialDate(2014, 4, 1)
    # A headline about joining or giving is not an appeal.
    from chrono.extract.cleanup import is_appeal

    assert not is_appeal("Finland to become a member of NATO")
    assert not is_appeal("Summit to contribute to European security, says envoy")


def test_places_a_lead_gives_without_a_dateline() -> None:
    """Three leads without a strict dateline: a city and a single dash below a caption printed
    twice, a transcript's "In Washington, ..." and a statement "at the gathering in Brussels".
    Fiction in the house styles of a wire copy on a newspaper site, a broadcaster's
    transcript and a political weekly."""
    caption = "Alliance chief Jens Stoltenberg speaks to reporters at a news conference."
    wire = (
        f"{caption}\n\n{caption}\n\n"
        "Rome - The alliance's secretary-general warned Moscow on Tuesday that a move into "
        "eastern Ukraine would have grave consequences.\n"
    )
    assert extract(wire, published="2014-04-08").place == "rome"
    transcript = (
        "JANE EXAMPLE: Good evening. The alliance turns seventy this week.\n\n"
        "In Washington, the alliance's foreign ministers endorsed more support for Ukraine "
        "and agreed new measures in the Black Sea.\n\n"
        "NICK SAMPLE: The ministers spent the day on one question.\n"
    )
    assert extract(transcript, published="2019-04-04").place == "washington"
    weekly = (
        "At an extraordinary meeting of foreign and defence ministers, the alliance warned "
        "Russia that relations would suffer unless its troops pulled back.\n\n"
        "In an official statement at the gathering in Brussels, the ministers said that they "
        "could not go on with business as usual.\n"
    )
    assert extract(weekly, published="2008-08-19").place == "brussels"


def test_a_whole_sentence_quote_and_as_he_put_it_go_on_in_the_last_voice() -> None:
    """Two conventions of a quote that names nobody: a whole quoted sentence after the same
    paragraph's attributed quote, with nobody else named in between, and "as he put it".
    Fiction in the house style of a news aggregator's write-up of a council meeting."""
    text = (
        "Council meets, differences remain\n\n"
        "BRUSSELS (Test Wire) - Envoys of the alliance and Russia met on Wednesday for four hours.\n\n"
        '"It was not an easy discussion," Stoltenberg said after the meeting. There was a '
        '"frank exchange" about the troops. "There are real differences between the allies and Russia."\n\n'
        'Moreover, as he put it, "the door to dialogue stays open for all who want to walk through it."\n'
    )
    event = extract(text, published="2022-01-12")
    speakers = {quote.text[:12]: quote.speaker for quote in event.quotes}
    assert speakers.get("There are re") == "jens-stoltenberg"
    assert speakers.get("the door to ") == "jens-stoltenberg"


def test_a_hard_wrapped_transcript_is_read_as_whole_sentences() -> None:
    """A broadcaster's transcript cut into lines of forty-odd characters: a sentence runs over
    several lines, some of which start in capitals, and a speaker's turn or a dateline still
    starts a paragraph of its own. Fiction in the house style of a public television
    programme's transcript; the anchor and the reporter are invented."""
    text = (
        "Alliance turns seventy\n\n"
        "JANE EXAMPLE: Today, the North Atlantic Treaty\n"
        "Organization turns 70 years old.\n"
        "In Washington, the alliance's foreign ministers\n"
        "endorsed more support for Ukraine, the site of\n"
        "Europe's only active war.\n"
        "Here's Tom Sample.\n"
        "TOM SAMPLE: Seventy years ago today, the\n"
        "alliance was signed into existence, and the\n"
        "secretary general says it is ready for\n"
        "more of the same in the years to come.\n"
        "JENS STOLTENBERG, Secretary General, NATO:\n"
        "We are not threatening Russia, and nobody in\n"
        "Moscow believes that we are, whatever they say.\n"
    )
    event = extract(text, published="2019-04-04")
    assert event.place == "washington"
    [quote] = [q for q in event.quotes if q.speaker == "jens-stoltenberg"]
    assert quote.text.startswith("We are not threatening Russia, and nobody in Moscow believes")


def test_a_surname_alone_is_the_known_person_in_office_at_the_time() -> None:
    """"He has spoken to Stoltenberg": a surname with no title, speech verb or full name beside
    it is the known person who held an office on the publication date; before his term it is
    nobody the chronology knows. Fiction in the house style of a magazine's news brief."""
    text = (
        "President urges talks\n\n"
        "The president of a southern African country said on Thursday that he had already "
        "spoken to Stoltenberg about the crisis and hoped for talks soon.\n"
    )
    assert "jens-stoltenberg" in {p.id for p in extract(text, published="2022-03-17").people}
    assert "jens-stoltenberg" not in {p.id for p in extract(text, published="2010-03-18").people}
    adjective = text.replace("spoken to Stoltenberg", "written to the Stoltenberg team")
    assert "jens-stoltenberg" not in {p.id for p in extract(adjective, published="2022-03-17").people}


def test_a_possessive_before_the_venue_is_not_the_venue() -> None:
    """"Talks in Russia's Black Sea resort of Sochi": the venue is the resort, not a stub
    called "Russia's Black". Fiction in the house style of a regional news site."""
    text = (
        "Council to meet by the sea\n\n"
        "The council's ambassadors will hold talks in Russia's Black Sea resort of Sochi, where "
        "missile defence is expected to dominate the agenda, officials said.\n"
    )
    event = extract(text, published="2011-07-04")
    assert event.place == "sochi"



def test_a_city_the_chronology_does_not_know_yet_becomes_a_place_stub(tmp_path: Path) -> None:
    """A council meeting in Oslo, which places.yml does not hold: the extractor's gazetteer
    knows the city, so the draft's place is Oslo and a stub with its country is written for an
    editor to complete. Fiction in the house style of a wire report."""
    root = make_project(tmp_path)
    (root / "seeds" / "a.txt").write_text(
        "Ministers meet in Norway\n\n"
        "The alliance's foreign ministers and Sergey Lavrov met in Oslo on Thursday for the "
        "council's spring session.\n",
        encoding="utf-8",
    )
    assert main(["--root", str(root), "extract", "--quiet"]) == 0
    [path] = (root / "chronology" / "events").glob("*.yml")
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["place"] == "oslo"
    places = yaml.safe_load((root / "chronology" / "places.yml").read_text(encoding="utf-8"))
    assert places["oslo"]["name"] == "Oslo" and places["oslo"]["country"] == "Norway"


def test_verbs_of_vowing_urging_and_making_clear_introduce_a_quote() -> None:
    """"He also made clear that "..."", "praised the move as "..."": verbs that report a
    stance as well as speech give the quote to their subject. Fiction in the house style of a
    political weekly."""
    text = (
        "Alliance warns Moscow\n\n"
        "BRUSSELS (Test Wire) - Secretary General Jens Stoltenberg said on Tuesday that the "
        "alliance would not accept the annexation.\n\n"
        'Stoltenberg also made clear that "the future of our relations depends on what Russia does next".\n\n'
        'Sergey Lavrov praised the talks as "useful and frank, whatever the alliance says".\n'
    )
    event = extract(text, published="2014-03-04")
    speakers = {quote.text[:12]: quote.speaker for quote in event.quotes}
    assert speakers.get("the future o") == "jens-stoltenberg"
    assert speakers.get("useful and f") == "sergey-lavrov"


def test_a_page_with_no_year_and_no_day_is_dated_to_a_year_of_the_offices() -> None:
    """No year, no day and month anywhere: the year alone is guessed from the known person's
    time in office, and doubted. Fiction in the house style of an embassy's news item."""
    text = (
        "Alliance chief welcomes the treaty's extension\n\n"
        "NATO Secretary General Jens Stoltenberg welcomed the extension of the arms control "
        "treaty between the United States and Russia and called for talks on new weapons.\n"
    )
    event = extract(text)
    assert event.date.month is None and 2014 <= event.date.year <= 2024
    assert "first was taken" in doubts_of(event)["date"]


def test_a_common_given_name_before_a_surname_is_a_person() -> None:
    """"The poisoning of Sergei Ivanchenko": no office or speech verb beside the name, but a
    common given name before a capitalised surname is a person; a capitalised phrase without
    one is not. Fiction in the house style of a broadcaster's web story; the names are invented."""
    text = (
        "Alliance expels diplomats\n\n"
        "BRUSSELS (Test Wire) - The alliance expelled seven Russian diplomats on Tuesday over "
        "the poisoning of Sergei Ivanchenko, its secretary general said, after the Security "
        "Council Working Group met.\n"
    )
    people = {p.id for p in extract(text, published="2018-03-27").people}
    assert "sergei-ivanchenko" in people
    assert not any(key.startswith("council") or key.startswith("security") for key in people)


def test_talks_at_the_kremlin_are_in_moscow() -> None:
    """"Talks at the Kremlin", «на переговорах в Кремле», under no dateline: the seat of
    government written as a venue stands for its city. Fiction in the house style of a
    presidential website's news item."""
    text = (
        "President receives the alliance's chief\n\n"
        "At talks at the Kremlin on Tuesday, Vladimir Putin and Javier Solana discussed the "
        "missile defence plans of the United States.\n"
    )
    assert extract(text, published="2001-02-20").place == "moscow"
    russian = (
        "Президент принял генсека альянса\n\n"
        "На переговорах в Кремле во вторник Владимир Путин и Хавьер Солана обсудили планы "
        "США по развертыванию системы противоракетной обороны.\n"
    )
    assert extract(russian, published="2001-02-20").place == "moscow"


def test_a_meeting_expected_on_a_day_is_ahead_across_the_new_year() -> None:
    """"A meeting is expected on January 12", published on 28 December: the coming January,
    announced that day, not the January eleven months back. Fiction in the house style of an
    Indian daily's wire copy."""
    text = (
        "Alliance and Moscow to meet\n\n"
        "BRUSSELS (Test Wire) - A meeting of the council is expected on January 12, officials "
        "said on Tuesday.\n"
    )
    event = extract(text, published="2021-12-28")
    assert event.date == PartialDate(2021, 12, 28)


def test_a_country_before_a_surname_is_not_a_given_name() -> None:
    """"Prime Minister of Latvia Berzkalns": the country ends the office, and a surname alone
    is no new person called "Latvia Berzkalns". Fiction in the house style of a government
    press release; the names are invented."""
    text = (
        "Prime ministers call the alliance's chief\n\n"
        "VILNIUS (Test Wire) - Prime Minister of Latvia Berzkalns and Prime Minister of Estonia "
        "Kasemaa spoke with Jens Stoltenberg on Wednesday about the eastern flank.\n"
    )
    people = {p.id for p in extract(text, published="2022-06-08").people}
    assert not any(key.startswith(("latvia-", "estonia-")) for key in people)
    assert "jens-stoltenberg" in people


def test_an_office_and_a_name_in_capitals_before_a_colon_is_no_dateline() -> None:
    """A signing ceremony's transcript opens with the host's one turn, "PRESIDENT DUVAL:":
    an office before a name is a speaker, so no place stub "President Duval" is made. Fiction
    in the house style of a presidential archive's transcript; the president is invented."""
    text = (
        "Remarks at the signing ceremony\n\n"
        "PRESIDENT DUVAL: Excellencies, Secretary General, ministers, welcome to Paris for the "
        "signing of the act between the alliance and Russia.\n"
    )
    event = extract(text, published="1997-05-27")
    assert event.place != "president-duval"


def test_the_office_the_text_writes_narrows_the_guessed_year() -> None:
    """A page with no year names "NATO Secretary General Jens Stoltenberg": the year is
    guessed within that office, not within every post he held (he was Norway's prime minister
    before). Fiction in the house style of a wire report."""
    from dataclasses import replace as with_

    stoltenberg = with_(
        PEOPLE["jens-stoltenberg"],
        roles=(
            Role("Prime Minister of Norway", PartialDate(2005, 10, 17), PartialDate(2013, 10, 16)),
            Role("NATO Secretary General", PartialDate(2014, 10, 1), PartialDate(2024, 10, 1)),
        ),
    )
    catalog = Catalog(people={**PEOPLE, "jens-stoltenberg": stoltenberg}, places=CATALOG.places)
    text = (
        "Alliance chief calls for calm\n\n"
        "NATO Secretary General Jens Stoltenberg called on Moscow to pull its troops back from "
        "the border and to return to the talks.\n"
    )
    article = Article(file="case.txt", text=text, url=None, publisher="Test Wire", published=None)
    event = extract_article(article, catalog).event
    assert event.date.year >= 2014


def test_a_capitals_dateline_with_a_day_is_no_turn_label() -> None:
    """"NEW DELHI, MARCH 26:" opens a print story; "HARRY TRUMAN, President of the United
    States:" opens a speaker's turn. Only the second is a transcript's label."""
    from chrono.extract.cleanup import _CAPITALS_LABEL

    assert _CAPITALS_LABEL.match("HARRY TRUMAN, President of the United States:")
    assert _CAPITALS_LABEL.match("ДМИТРИЙ МЕДВЕДЕВ, Президент России: И здесь")
    assert not _CAPITALS_LABEL.match("NEW DELHI, MARCH 26: India and Russia today agreed")


def test_a_quote_after_he_speaks_in_the_sentence_before_is_his() -> None:
    """"He warned, however, that ... . "..."": a quoted sentence with no attribution of its own,
    after a sentence in the same paragraph whose subject is "he" speaking, is the last speaker's.
    Fiction in the house style of a national daily's report of a council meeting."""
    text = (
        "Council opens a new chapter\n\n"
        "ROME - The leaders of the alliance and Russia met on Tuesday at an air base near the capital.\n\n"
        '"This meeting would have been unthinkable only a short time ago," said Mr Putin.\n'
        "He warned, however, that the new council did not give the alliance a free hand. "
        '"Our cooperation must rest on the firm foundations of international law and the United Nations Charter."\n'
    )
    event = extract(text, published="2002-05-29")
    speakers = {quote.text[:12]: quote.speaker for quote in event.quotes}
    assert speakers.get("Our cooperat") == "vladimir-putin"


def test_a_transcript_turn_labelled_by_surname_is_the_person_the_heading_names() -> None:
    """An official transcript names its speaker in full only in the heading ("Presenter: ...")
    and labels the turns "SECRETARY EXAMPLE:"; the turn's words are that person's, and the
    person joins the event. Fiction in the house style of a defence ministry's news
    transcript; the secretary is invented."""
    text = (
        "News Transcript\n\n"
        "Presenter: Secretary of Defense Jonathan Q. Example\n"
        "February 10, 2006 12:00 PM EDT\n\n"
        "Secretary of Defense Remarks at the Ministerial Press Conference in Taormina\n\n"
        "              SECRETARY EXAMPLE:  -- this meeting in this fine setting, and I thank our hosts for it.\n\n"
        "              We had good talks over the past two days with the Russian minister about the "
        "alliance, its neighbours and the bases, and we told him plainly that the bases threaten nobody.\n\n"
        "              Q: Mr. Secretary, what did the Russian side say about the bases in the east?\n\n"
        "              SECRETARY EXAMPLE:  They listened, and they said they would study what we told them.\n"
    )
    event = extract(text)
    assert "jonathan-q-example" in [person.id for person in event.people]
    said = [quote.text for quote in event.quotes if quote.speaker == "jonathan-q-example"]
    assert said and said[0].startswith("this meeting in this fine setting")


def test_an_office_written_with_its_country_or_body_is_the_person_who_held_it() -> None:
    """"Russia's envoy to NATO warned", "Nato's secretary-general warned", "the Russian FM
    said": the speaker is the one person people.yml gives that office on the day, not the
    organization the office names. Fiction in the house style of a wire report; the envoy
    and the minister are invented."""
    people = {
        "ivan-example": Person(
            "ivan-example", "Ivan Example", ("Example",), side="russia",
            roles=(Role("Permanent Representative of Russia to NATO", PartialDate(2008, 1, 10), PartialDate(2011, 12, 1)),),
        ),
        "petr-sample": Person(
            "petr-sample", "Petr Sample", ("Sample",), side="russia",
            roles=(Role("Foreign Minister of Russia", PartialDate(2004, 3, 9)),),
        ),
        "anna-probe": Person(
            "anna-probe", "Anna Probe", ("Probe",), side="russia",
            roles=(Role("Permanent Representative of Russia to the United Nations", PartialDate(2006, 1, 1)),),
        ),
        "jaap-de-hoop-scheffer": Person(
            "jaap-de-hoop-scheffer", "Jaap de Hoop Scheffer", ("Scheffer",), side="nato",
            roles=(Role("NATO Secretary General", PartialDate(2004, 1, 1), PartialDate(2009, 8, 1)),),
        ),
    }
    catalog = Catalog(people=people, organizations=CATALOG.organizations, treaties={}, places=CATALOG.places)
    text = (
        "Envoy warns alliance over mandate\n\n"
        "MOSCOW - Russia's envoy to NATO warned the alliance on Friday against overstepping its mandate in the "
        'province and said Moscow might have to use "force to maintain respect for its word on the world scene."\n\n'
        "Nato's secretary-general warned in turn that there would be \"grave consequences for the relationship "
        'between the alliance and Moscow."\n\n'
        '"We will answer every step of the alliance with a step of our own," the Russian FM said.\n\n'
        'The army chief said his troops were "ready for any turn of events in the region this spring."\n'
    )
    article = Article(file="case.txt", text=text, url=None, publisher="Test Wire", published="2008-02-22")
    event = extract_article(article, catalog).event
    speakers = {quote.text[:12]: quote.speaker for quote in event.quotes}
    assert speakers.get("force to mai") == "ivan-example"
    assert speakers.get("grave conseq") == "jaap-de-hoop-scheffer"
    assert speakers.get("We will answ") == "petr-sample"
    assert speakers.get("ready for an") is None  # a chief of what is not said is nobody's office


def test_a_day_the_lead_looks_forward_to_is_in_the_future() -> None:
    """"will meet on Friday" is the Friday to come, not the one before, so it neither dates a
    report nor rivals its day; "tomorrow" is the day after the publication. Fiction in the
    house style of an American daily's preview of a summit."""
    announced = extract(
        "Ministers to meet\n\n"
        "WASHINGTON -- NATO said on Monday that its foreign ministers will meet in Brussels on Friday "
        "to discuss the alliance and its ties with Moscow.\n",
        published="1997-03-19",
    )
    assert announced.date == PartialDate(1997, 3, 17)
    assert "date" not in doubts_of(announced)
    preview = extract(
        "Summit to open\n\n"
        "WASHINGTON -- President Clinton and President Yeltsin meet in Helsinki tomorrow for a summit "
        "that may chart the course of their ties for years.\n",
        published="1997-03-19",
    )
    assert preview.date == PartialDate(1997, 3, 20)
    assert "after the publication" in doubts_of(preview)["date"]


def test_a_new_person_with_a_party_in_brackets_before_the_verb_speaks() -> None:
    """"Estonian MEP Jaan Example (Reform) said": a party in brackets between a new name and
    its verb still makes the name a person who speaks, and the "he told" after it is his; an
    acronym in brackets ("the Membership Action Plan (MAP), a first step, saying") does not.
    Fiction in the house style of a public broadcaster's news site; the MEP is invented."""
    text = (
        "Demands are absurd, says MEP\n\n"
        "Estonia's defence minister rejected Russia's demands on Friday.\n\n"
        "Estonian MEP Jaan Example (Reform) said there was no room for talks on the demands.\n\n"
        '"It is absurd in our view," he told a television programme on Friday evening.\n\n'
        "The allies refused Georgia a Membership Action Plan (MAP), a first step to entry, saying it was not ready.\n"
    )
    event = extract(text, published="2021-12-17")
    people = [person.id for person in event.people]
    assert "jaan-example" in people and "membership-action-plan" not in people
    assert [(q.speaker, q.text[:9]) for q in event.quotes] == [("jaan-example", "It is abs")]


def test_a_weekday_of_a_month_only_page_is_pinned_to_the_nearest_day_of_the_known_event() -> None:
    """A page dated only to its month ("/2021/12/" in the address) with "on Friday": when the
    chronology's event the page names fell on a Friday, that is the day; else the Friday
    nearest to it (a report of the day after). Fiction in the house style of a public
    broadcaster's news site."""
    from chrono.model import PersonRole

    drafts = Event(
        id="2021-12-17-known", title="Russia publishes draft security treaties for the US and NATO",
        date=PartialDate(2021, 12, 17), summary="Drafts published.", provenance="curated",
        status="reviewed", place="moscow", people=(PersonRole("sergey-lavrov", None),),
    )
    text = (
        "Minister: Russian demands unacceptable\n\n"
        "The defence minister said on Friday that the draft security treaties Foreign Minister "
        "Sergey Lavrov's ministry published in Moscow were unacceptable to the alliance.\n"
    )
    url = "https://news.example.org/2021/12/minister-demands"
    same_day = extract_article(
        Article(file="case.txt", text=text, url=url, publisher="Test Wire", published=None),
        CATALOG, known_events=(drafts,),
    ).event
    assert same_day.date == PartialDate(2021, 12, 17)
    day_after = extract_article(
        Article(file="case.txt", text=text.replace("on Friday", "on Saturday"), url=url, publisher="Test Wire", published=None),
        CATALOG, known_events=(drafts,),
    ).event
    assert day_after.date == PartialDate(2021, 12, 18)


def test_a_weekday_of_a_page_known_only_to_its_year_is_pinned_by_the_event_it_clearly_reports() -> None:
    """A page that gives only its year ("Copyright 2002") and "on Tuesday": the chronology's
    event of that year it clearly reports (people, place, the words of its title) pins the
    day, even when a like event of a later year keeps the page itself from being dated by
    one; without such an event the year stays. Fiction in the house style of a regional
    daily's wire page."""
    from chrono.model import PersonRole

    reykjavik = Event(
        id="2002-05-14-known", title="NATO and Russia agree in Reykjavik on a new council",
        date=PartialDate(2002, 5, 14), summary="Agreed.", provenance="curated", status="reviewed",
        place="reykjavik", people=(PersonRole("igor-ivanov", None),),
    )
    catalog = Catalog(
        people=CATALOG.people, organizations=CATALOG.organizations, treaties={},
        places={**CATALOG.places, "reykjavik": Place("reykjavik", "Reykjavik", country="Iceland")},
    )
    text = (
        "NATO, Russia agree on new council\n\n"
        "REYKJAVIK, Iceland -- NATO and Russia agreed on Tuesday to create a new council, Foreign "
        "Minister Igor Ivanov and the alliance's ministers said after their meeting in Reykjavik.\n\n"
        "Copyright 2002 Test Wire\n"
    )
    later = Event(
        id="2003-05-13-known", title="NATO and Russia agree in Reykjavik on a new council",
        date=PartialDate(2003, 5, 13), summary="Met.", provenance="curated", status="reviewed",
        place="reykjavik", people=(PersonRole("igor-ivanov", None),),
    )
    article = Article(file="case.txt", text=text, url=None, publisher="Test Wire", published=None)
    pinned = extract_article(article, catalog, known_events=(reykjavik, later)).event
    assert pinned.date == PartialDate(2002, 5, 14)
    assert "date" in doubts_of(pinned)
    alone = extract_article(article, catalog, known_events=()).event
    assert alone.date.precision == "year"


def test_a_read_more_box_inside_the_article_does_not_end_it() -> None:
    """A bare "READ MORE" line between two paragraphs of the story (a box of links the page
    put inside it) does not end the article when prose follows it; and "the daily
    Nezavisimaya Gazeta, said" names a newspaper, not a person. Fiction in the house style of
    an Irish national daily's website."""
    text = (
        "Russia attacks the alliance's role in the province\n\n"
        "Russia said yesterday that the alliance's air war of a year ago had only deepened the crisis in the "
        "province and accused the United Nations administration there of bias.\n\n"
        "READ MORE\n\n"
        "The Foreign Minister, Mr Igor Ivanov, in an article in the daily Nezavisimaya Gazeta, said: "
        '"The operation only deepened the tensions between the communities of the province."\n'
    )
    event = extract(text, published="2000-03-24")
    people = [person.id for person in event.people]
    assert "igor-ivanov" in people and "nezavisimaya-gazeta" not in people
    assert [q.speaker for q in event.quotes] == ["igor-ivanov"]


def test_an_attribution_after_a_sentences_last_quote_is_the_voice_of_its_quotes_before() -> None:
    """'First there must be "an expert estimate of the threat"; then "there is a need for
    monitoring," he said': the quotes of one sentence before its attribution share it.
    Fiction in the house style of a Russian agency's English service."""
    text = (
        "General outlines missile defence plan\n\n"
        "MOSCOW, April 6 (Test Wire) - Colonel-General Ivan Example of the Defence Ministry outlined "
        "three stages of a European missile defence on Friday.\n\n"
        'First it is necessary to conduct "a common expert estimate of the missile threat" to Europe; '
        'then "there is a need for common monitoring of launches," he said.\n'
    )
    event = extract(text, published="2001-04-08")
    assert [(q.speaker, q.text[:8]) for q in event.quotes] == [("ivan-example", "a common"), ("ivan-example", "there is")]


# ---------------------------------------------------------------- publication dates a page gets wrong


def test_a_stamp_years_after_every_office_the_text_gives_is_the_day_the_page_was_saved() -> None:
    """An archive shows today's date above every story it holds: "Saturday, July 11, 2020"
    above a report on President Clinton cannot be its publication date. The page is dated by
    the years it names, and the guess is said. Fiction in the house style of a news archive."""
    text = (
        "Saturday, July 11, 2020\n"
        " | Sign-Up | Contact Us | Bookmark\n\n"
        "President backs the alliance's new members\n"
        "President Bill Clinton said on Wednesday that the three countries invited in 1997 would "
        "make the alliance stronger, not weaker.\n"
    )
    event = extract(text)
    assert event.date.year == 1997
    assert "July 11, 2020" in doubts_of(event)["date"] and "guess" in doubts_of(event)["date"]


def test_a_stamp_within_the_offices_the_text_gives_stands() -> None:
    text = (
        "Saturday, July 11, 1998\n\n"
        "President backs the alliance's new members\n"
        "President Bill Clinton said on Wednesday that the three countries invited in 1997 would "
        "make the alliance stronger, not weaker.\n"
    )
    assert extract(text).date == PartialDate(1998, 7, 8)


def test_a_stamp_stands_while_one_person_named_still_holds_the_office_written() -> None:
    """A 2006 page recalls what Bill Clinton, "who was President at the time", said in 2000
    next to President Vladimir Putin: both held office together only in 2000 and 2001, but Putin
    still held his in 2006, so the stamp is the page's date. Fiction in the house style of a
    think tank's news digest."""
    from dataclasses import replace

    putin = replace(
        PEOPLE["vladimir-putin"],
        roles=(Role("President of Russia", PartialDate(2000, 5, 7), PartialDate(2008, 5, 7)),),
    )
    catalog = replace(CATALOG, people={**PEOPLE, "vladimir-putin": putin})
    text = (
        "Tuesday, October 17, 2006\n\n"
        "Russia and the alliance hold a staff exercise\n"
        "President Vladimir Putin said on Monday that a joint staff exercise with NATO officers "
        "had begun in Moscow.\n"
        "Bill Clinton, who was President at the time, had proposed such drills in June 2000.\n"
    )
    event = extract(text, catalog=catalog)
    assert event.date == PartialDate(2006, 10, 16)
    assert "date" not in doubts_of(event)


def test_a_numeric_stamp_that_reads_either_way_follows_the_dateline() -> None:
    """"08/10/2011" above "BRUSSELS, October 8": the day comes first. Fiction in the house
    style of a Russian agency's English service."""
    text = (
        "Envoy says missile defence talks have stalled\n\n"
        "13:27 08/10/2011\n\n"
        "BRUSSELS, October 8 (Test Wire) - Russia's envoy to NATO said the talks on missile "
        "defence had stalled.\n"
    )
    assert extract(text).date == PartialDate(2011, 10, 8)
    american = text.replace("October 8", "August 10")
    assert extract(american).date == PartialDate(2011, 8, 10)


def test_a_year_the_page_looks_forward_to_does_not_date_it() -> None:
    """A page with no date guesses the latest year it names, but not a year it expects: "By
    May 31, 1999, Moscow will have to cut ..." was written before 1999. Fiction in the house
    style of a research institute's weekly digest."""
    text = (
        "Flank deal reached\n\n"
        "Negotiators agreed in 1996 on new limits for Russian forces in the flank zone. "
        "By May 31, 1999, Moscow will have to cut its tanks in the region by a third.\n"
    )
    event = extract(text)
    assert event.date.year == 1996
    assert "1996, the latest year" in doubts_of(event)["date"]


def test_a_full_date_in_the_page_around_the_text_is_no_day_for_a_page_without_a_year() -> None:
    """A page with no year is dated by its people's offices, on the day and month its lead
    gives: not the day of a dated link beside it ("(24 July 1923)"), which is no news of a page
    from 2014 on either. Fiction in the house style of a news portal's digest."""
    from dataclasses import replace as with_

    stoltenberg = with_(
        PEOPLE["jens-stoltenberg"],
        roles=(Role("NATO Secretary General", PartialDate(2014, 10, 1), PartialDate(2024, 10, 1)),),
    )
    catalog = Catalog(people={**PEOPLE, "jens-stoltenberg": stoltenberg}, places=CATALOG.places)
    text = (
        "Alliance chief calls for calm\n\n"
        "NATO Secretary General Jens Stoltenberg called on Moscow to pull its troops back from "
        "the border.\n\n"
        "Read the Convention Relating to the Regime of the Straits (24 July 1923)\n"
    )
    event = extract(text, catalog=catalog)
    assert event.date == PartialDate(2014)


def test_the_turns_of_a_public_papers_transcript() -> None:
    """The US Public Papers label a transcript's turns with a title and a full stop: "Mr.
    Example." is the interviewer the heading names in full; "The President." is the
    president in office on the day. Fiction in the house style of the Public Papers."""
    text = (
        "[Public Papers of the Presidents of the United States: William J. Clinton (1998, Book I)]\n"
        "[May 10, 1998]\n\n"
        "Interview With Pavel Example of Russia's Test Television\n"
        "May 10, 1998\n\n"
        "    Mr. Example. Mr. President, thank you for finding the time for \n"
        "this interview.\n"
        "    The President. I am glad to be here, and glad to speak to your \n"
        "viewers.\n"
        "    Mr. Example. Many in Moscow still fear the alliance. What would you \n"
        "say to them?\n"
        "    The President. The alliance threatens no one, and the council we \n"
        "created last year gives Russia a voice in it.\n"
    )
    event = extract(text, published="1998-05-10")
    assert [(q.speaker, q.text.split()[0]) for q in event.quotes] == [
        ("pavel-example", "Mr."), ("bill-clinton", "I"), ("pavel-example", "Many"), ("bill-clinton", "The"),
    ]


def test_a_gathering_still_to_come_is_not_where_the_statement_was_made() -> None:
    """"the alliance's July 8-9 summit in Madrid, where it plans ...", "the talks in Lisbon
    on May 14": a gathering ahead of the report is not where the news happened. Fiction in
    the house style of a wire report. (A lead that opens with the gathering reports it:
    `test_a_possessive_before_the_venue_is_not_the_venue`.)"""
    summit = (
        "Yeltsin warns the alliance\n\n"
        "Russian President Boris Yeltsin warned on Wednesday that Moscow would answer any move east. "
        "The alliance wants a deal before its July 8-9 summit in Madrid, where it plans to invite new members.\n"
    )
    assert extract(summit, published="1997-05-08").place != "madrid"
    talks = (
        "Envoy sees a new council\n\n"
        "A Russian envoy said on Friday that the two sides were close to a deal. A new council of the "
        "alliance and Russia could be ready for the talks in Lisbon on May 14, he said.\n"
    )
    assert extract(talks, published="2001-12-07").place is None


def test_a_dateline_glued_to_the_headline_line_is_read() -> None:
    """A news portal's copy of an agency story that lost the break between the headline and
    the dateline ("... treaty =(Video)= Brussels, May 22, 2020 (Test Wire) - Allies ..."): the
    city, the day and the credit start the story. Fiction in the house style of such a portal."""
    text = (
        "Allies press Moscow on the treaty =(Video)= Brussels, May 22, 2020 (Test Wire) - NATO "
        "allies urged Russia on Friday to keep to the treaty, hoping to change Washington's mind.\n"
    )
    event = extract(text)
    assert event.place == "brussels"
    assert event.date == PartialDate(2020, 5, 22)
    assert event.title.startswith("Allies press Moscow")


def test_a_dateline_with_a_day_alone_on_its_line_gives_the_city() -> None:
    """A mailing list's copy of a wire story: "BRUSSELS, June 14 (Test Wire) -" on a line of its
    own above a hard-wrapped text. Fiction in the house style of such an archive."""
    text = (
        "A reader's comment on the story below.\n\n"
        "Thursday June 14, 8:31 PM\n"
        "Alliance keeps the door open for next year\n"
        "BRUSSELS, June 14 (Test Wire) - \n"
        "The alliance's leaders sent a clear signal to the states hoping\n"
        "to join that their invitations would come next year, the secretary\n"
        "general told reporters after the summit.\n"
    )
    assert extract(text, published="2001-06-14").place == "brussels"


def test_a_dateline_in_capitals_glued_to_a_headline_in_capitals_is_split_at_a_known_city() -> None:
    """A portal's copy of an agency story: "... AS ALLIANCE ENVOYMOSCOW, January 10 (Test Wire)
    -". Fiction in the house style of such a copy."""
    text = (
        "Site menu\n"
        "KREMLIN NAMES OUTSPOKEN EX-LAWMAKER AS ALLIANCE ENVOYMOSCOW, January 10 (Test Wire) - "
        "President Vladimir Putin signed a decree naming a former lawmaker as Russia's envoy to "
        "NATO, the Kremlin said on Thursday.\n"
    )
    event = extract(text, published="2008-01-10")
    assert event.place == "moscow"
    assert event.title.lower().endswith("alliance envoy")


def test_fragments_quoted_inside_reported_speech_are_the_subjects() -> None:
    """Short quotes inside a sentence of reported speech, with the verbs and frames English
    wire copy uses for them. Fiction in the house style of a wire service."""
    text = (
        "Envoys trade words\n\n"
        "MOSCOW, Feb 9 (Test Wire) - Sergey Lavrov described the two countries' bids to join the "
        "alliance as \"their sovereign choice\" on Thursday.\n\n"
        "Yevgeny Primakov once accused NATO of acting like \"a bull in a china shop\" in the east.\n\n"
        "Vladimir Putin expressed hopes that the alliance would offer \"a real partnership\" soon.\n\n"
        "Javier Solana spoke after the talks, telling reporters that he wanted \"a lasting and fair "
        "settlement\" with Moscow.\n\n"
        "Russian Foreign Minister Igor Ivanov met the envoy. The Russian minister also said that Moscow would answer "
        "\"on the basis of the treaty\" and nothing else.\n"
    )
    speakers = [(quote.speaker, quote.text) for quote in extract(text, published="2006-02-09").quotes]
    assert speakers == [
        ("sergey-lavrov", "their sovereign choice"),
        ("yevgeny-primakov", "a bull in a china shop"),
        ("vladimir-putin", "a real partnership"),
        ("javier-solana", "a lasting and fair settlement"),
        ("igor-ivanov", "on the basis of the treaty"),
    ]


def test_a_participle_in_the_next_sentence_is_no_attribution() -> None:
    """'... a higher "level of mutual understanding." Clinton echoed the view, telling
    reporters ...': the quote ended its sentence; the next one is not its attribution.
    Fiction in the house style of a news magazine."""
    text = (
        "Summit opens\n\n"
        "HELSINKI, March 20 (Test Wire) - Aides said the two presidents would aim for a higher "
        "\"level of mutual trust between them.\" Bill Clinton echoed the view, telling reporters "
        "that he would go step by step.\n"
    )
    assert [q.speaker for q in extract(text, published="1997-03-20").quotes if q.text.startswith("level")] != ["bill-clinton"]


def test_a_dateline_without_a_year_leaves_the_year_in_doubt() -> None:
    """"MOSCOW, December 4. /Test Wire/." and no year but one the text recalls: the day is the
    dateline's, the year a stand-in. Fiction in the house style of a Russian agency's English
    service."""
    text = (
        "Council unlikely to meet soon, envoy says\n\n"
        "MOSCOW, December 4. /Test Wire/. A meeting of the council is unlikely soon, Russia's envoy "
        "to NATO Alexander Grushko said on Friday. The council last met in June 2014.\n"
    )
    event = extract(text)
    assert "gives the day but not the year" in doubts_of(event)["date"]


def test_a_page_that_names_no_year_at_all_is_dated_by_the_known_event_it_reports() -> None:
    """Fiction in the style of an agency item copied without its year: the dateline gives the
    day and month only, the body names no year, and its one known person held no office the
    catalog dates. The chronology's event that shares its person and place gives the year; with
    no such event the page is refused with the error that asks for its publication date."""
    from chrono.extract import ExtractionError
    from chrono.model import PersonRole

    council = Event(
        id="2016-04-20-council", title="The NATO-Russia Council meets again", date=PartialDate(2016, 4, 20),
        summary="The council meets.", provenance="curated", status="reviewed", place="brussels",
        people=(PersonRole("alexander-grushko", None),),
    )
    text = (
        "Envoy sees no breakthrough\nBRUSSELS, April 21 (Test Wire) - Russia's envoy Alexander Grushko "
        "said in Brussels that the council had met without agreeing on anything.\n"
        "\"The dialogue is frozen,\" Grushko told reporters.\n"
    )
    article = Article(file="case.txt", text=text, url=None, publisher="Test Wire", published=None)
    event = extract_article(article, CATALOG, known_events=(council,)).event
    assert event.date == PartialDate(2016, 4, 21)
    assert "no publication date" in doubts_of(event)["date"]
    with pytest.raises(ExtractionError, match="no publication date"):
        extract_article(article, CATALOG, known_events=())
    unrelated = Event(
        id="2019-02-02-inf", title="The United States leaves the INF Treaty", date=PartialDate(2019, 2, 2),
        summary="The treaty ends.", provenance="curated", status="reviewed", place="washington",
        people=(PersonRole("mike-pompeo", None),),
    )
    with pytest.raises(ExtractionError, match="no publication date"):
        extract_article(article, CATALOG, known_events=(unrelated,))


def test_a_year_written_in_an_exercise_name_dates_an_undated_page() -> None:
    """Fiction in the style of an agency item with a yearless dateline: the only year is in the
    name of the exercise ("Zapad-2017"), which still says when the page was written."""
    text = (
        "Observers for the drills\nBRUSSELS, August 30 (Test Wire) - NATO will send two experts to "
        "watch the Zapad-2017 exercise, an alliance spokeswoman said on Wednesday.\n"
    )
    event = extract(text)
    assert event.date == PartialDate(2017, 8, 30)
    assert "date" in doubts_of(event)


def test_a_city_in_capitals_without_a_dash_is_the_dateline() -> None:
    """Datelines the strict forms miss: a city in capitals run straight into the sentence
    ("ROME Russia's ..."), one with its country and day but no dash, one glued to its
    agency's double dash, and one inside a paragraph after a credit that lost its line break.
    The city is the place; a headline set in capitals is not read as a dateline. Fiction in
    the house style of a news agency's archive copies."""
    no_dash = (
        "Envoy warns the alliance\n\n"
        "ROME Russia's foreign minister warned the alliance on Friday against moving east, in "
        "an interview given to a weekly before his visit.\n"
    )
    assert extract(no_dash, published="1998-05-16").place == "rome"
    with_country_and_day = (
        "Jets arrive on the border\n\n"
        "BUCHAREST, Romania, April 2 The four fighter jets that landed here this week will police "
        "the skies of the region, officers told reporters.\n"
    )
    assert extract(with_country_and_day, published="2004-04-03").place == "bucharest"
    glued_dash = (
        "Moscow halts its work with the alliance\n\n"
        "BRUSSELS (Test Wire)--Russia told the alliance on Thursday that it is halting military "
        "cooperation, a spokeswoman said.\n"
    )
    assert extract(glued_dash, published="2008-08-22").place == "brussels"
    after_a_credit = (
        "Moscow halts its work with the alliance\n\n"
        "Moscow halts its work with the alliance (Test News Service) BRUSSELS August 21, 2008: "
        "Russia's defence ministry has suspended military cooperation with the alliance, a "
        "spokeswoman said.\n"
    )
    assert extract(after_a_credit, published="2008-08-21").place == "brussels"
    headline_in_capitals = (
        "Envoys to meet\n\n"
        "ALLIANCE ENVOYS TO MEET IN BRUSSELS - Diplomats said on Friday that the envoys would "
        "discuss the treaty, without saying where they would meet.\n"
    )
    assert extract(headline_in_capitals, published="2008-08-22").place != "brussels"
def test_the_name_right_before_the_speech_verb_is_the_speaker() -> None:
    """A sentence that names someone else first ("In a news conference with Lavrov, Stoltenberg
    said ..."): the quote is the words of the name the verb follows, and is not doubted; a name
    in a phrase of its own ("after talks with Lavrov said") is not that subject. Fiction in the
    house style of a wire story."""
    text = (
        "Alliance chief warns Moscow\n\n"
        "BRUSSELS, April 13 (Test Wire) - The alliance's chief warned Moscow on Tuesday over its "
        "troops near the border.\n\n"
        "In a news conference with Russian Foreign Minister Sergey Lavrov, Stoltenberg said that "
        "\"the alliance will not be divided by threats of any kind.\"\n\n"
        "Reacting to Lavrov's remarks, reporters quoted Mike Pompeo as saying, \"the door to the "
        "alliance stays open to every European democracy.\"\n\n"
        "Vladimir Putin, after talks with Yevgeny Primakov said that \"nothing will be decided without Moscow "
        "having its say.\"\n"
    )
    event = extract(text, published="2021-04-13")
    speakers = {q.text.split()[1]: q.speaker for q in event.quotes}
    assert speakers["alliance"] == "jens-stoltenberg"
    assert speakers["door"] == "mike-pompeo"
    assert speakers["will"] == "vladimir-putin"
    doubted = dict(doubts_of(event))
    assert not any(path.startswith("quotes[0]") for path in doubted)


def test_a_fragment_in_a_sentence_that_names_nobody_goes_on_in_the_voice_before() -> None:
    """'... Grushko said in the interview. Russia is "especially worried about ..."': a quoted
    fragment in a sentence with no speech verb and no one named is the words of the person
    speaking in the sentence before; a sentence that names someone else is not. Fiction in the
    house style of a wire story."""
    text = (
        "Moscow warns of a military answer\n\n"
        "MOSCOW, July 6 (Test Wire) - Russia will answer the alliance's new deployments, a senior "
        "diplomat said on Wednesday.\n\n"
        "\"The steps the alliance takes toward the east only make things worse,\" Alexander Grushko "
        "said in the interview. Russia is \"especially worried about warships from outside the "
        "region\" in the Black Sea.\n\n"
        "\"We have said so many times,\" Grushko said. Critics call the plan \"a recipe for a "
        "new arms race\". Jens Stoltenberg is \"ready to meet at any time\" in Brussels.\n"
    )
    event = extract(text, published="2016-07-06")
    speakers = {q.text.split()[0]: q.speaker for q in event.quotes}
    assert speakers["especially"] == "alexander-grushko"
    assert speakers.get("ready") != "alexander-grushko"
    assert speakers.get("a") != "alexander-grushko"


def test_the_organization_before_an_office_is_not_the_speaker() -> None:
    """'"...," the NATO chief said': the alliance's name qualifies the office after it, so the
    quote is the words of the person who holds the office, not the alliance's. Fiction in the
    house style of a wire story."""
    text = (
        "Alliance chief sees no threat in drills\n\n"
        "BRUSSELS, July 13 (Test Wire) - Jens Stoltenberg said on Thursday that the alliance "
        "saw no imminent threat from the exercises.\n\n"
        "\"Each country has the right to train its forces, and we see no imminent threat to any "
        "ally,\" the NATO chief said after the meeting. \"We exchanged detailed briefings on the "
        "exercises,\" NATO's secretary general said.\n"
    )
    event = extract(text, published="2017-07-13")
    assert [q.speaker for q in event.quotes] == ["jens-stoltenberg", "jens-stoltenberg"]


def test_said_glued_to_the_name_before_it_still_attributes() -> None:
    """A page that lost the space before 'said' ("Ivanovsaid"): the quote is still the named
    person's. Fiction in the house style of a news portal's copy of agency text."""
    text = (
        "Minister says enlargement must not weaken neighbours\n\n"
        "MOSCOW, Feb 20 (Test Wire) - Russia's foreign minister spoke about the alliance on "
        "Monday.\n\n"
        "\"Such moves should not weaken the security of neighbouring states, including Russia,\" "
        "Igor Ivanovsaid.\n"
    )
    event = extract(text, published="2006-02-20")
    assert [q.speaker for q in event.quotes] == ["igor-ivanov"]


def test_a_known_persons_name_written_one_letter_off_is_that_person_and_doubted() -> None:
    """Fiction in the style of a retyped agency item: the envoy's surname has two letters
    swapped and the minister's lacks one. Each is the known person, and each is doubted with
    the name as written; a name two letters off is somebody else."""
    text = (
        "Envoy and minister meet\nBRUSSELS, May 5 (Test Wire) - Russia's envoy Alexander Gruskho met "
        "Foreign Minister Sergey Lavov in Brussels on Tuesday.\n"
        "Deputy minister Alexander Gurshkov also attended.\n"
        "\"The talks were frank and went on for hours,\" Gruskho commented afterwards.\n"
    )
    event = extract(text, published="2015-05-05")
    assert [quote.speaker for quote in event.quotes] == ["alexander-grushko"]  # the surname alone too
    people = [person.id for person in event.people]
    assert "alexander-grushko" in people and "sergey-lavrov" in people
    assert "alexander-gurshkov" in people
    doubts = doubts_of(event)
    reasons = [doubts.get(f"people[{index}]", "") for index in range(len(event.people))]
    assert any("'Alexander Gruskho' was taken for Alexander Grushko" in reason for reason in reasons)
    assert any("'Sergey Lavov' was taken for Sergey Lavrov" in reason for reason in reasons)


def test_a_weekday_counted_from_the_date_in_the_address_is_not_doubted() -> None:
    """Fiction in the style of a newspaper page whose only date is in its address: "on
    Tuesday" counted back from it is as sure as from a printed stamp."""
    text = (
        "Envoy walks out of council meeting\nRussia's envoy Alexander Grushko left a meeting of the "
        "council in Brussels on Tuesday, officials said.\n"
    )
    event = extract(text, url="https://news.example.org/2016/04/21/envoy-walks-out")
    assert event.date == PartialDate(2016, 4, 19)
    assert "date" not in doubts_of(event)


def test_an_office_without_its_article_after_as_is_its_holder() -> None:
    """Fiction in the style of a translated agency item: "As NATO Secretary General
    underlined" names the speaker by office alone, without "the"; the holder at the date speaks."""
    text = (
        "Alliance to keep channels open\nBRUSSELS, May 5 (Test Wire) - NATO ambassadors met Russian envoy "
        "Alexander Grushko in Brussels on Tuesday.\n"
        "As NATO Secretary General underlined, \"we will keep the channels of dialogue open with Moscow\".\n"
    )
    event = extract(text, published="2016-05-05")
    assert [quote.speaker for quote in event.quotes] == ["jens-stoltenberg"]


def test_a_turn_labelled_by_office_alone_is_the_holders() -> None:
    """Fiction in the style of an alliance's press-conference transcript: each turn is
    labelled "Secretary General:", with no name; the holder at the date speaks them."""
    text = (
        "Press conference by the Secretary General after the council meeting\n\n"
        "Secretary General: Good afternoon. Let me welcome you here after a long meeting of the council with "
        "Russian envoy Alexander Grushko in Brussels.\n\n"
        "Question: Will the council meet again this year?\n\n"
        "Secretary General: The council will meet again when the ambassadors agree on a date for it.\n"
    )
    event = extract(text, published="2016-05-05")
    assert [quote.speaker for quote in event.quotes] == ["jens-stoltenberg", "jens-stoltenberg"]


def test_an_office_label_without_a_country_or_after_as_in_lower_case_names_nobody() -> None:
    """Fiction: "Foreign Minister:" labels a turn but names no country; "his years as
    secretary general" is no office speaking."""
    text = (
        "Press conference after the council meeting\n\n"
        "Foreign Minister: Good afternoon. Let me welcome you here after a long meeting of the council with "
        "Russian envoy Alexander Grushko in Brussels.\n\n"
        "Asked about his years as secretary general, a spokesman for the alliance said: \"the council will meet "
        "again when the ambassadors agree\".\n"
    )
    event = extract(text, published="2016-05-05")
    assert "jens-stoltenberg" not in [quote.speaker for quote in event.quotes]
    assert "sergey-lavrov" not in [quote.speaker for quote in event.quotes]
