"""The content rules (chrono/rules.py): each one, broken in a copy of the fixture data in
tmp_path, makes `validate` print the exact `file:line: field: message` line and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_chronology import main
from chrono import rules
from chrono.model import Event, PartialDate, PersonRole

EVENT = "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml"
CURATED = "chronology/events/2019-08-02-inf-treaty-ends.yml"
NATO_SOURCE = "  - url: https://www.nato.int/cps/en/natohq/news_168177.htm\n    publisher: NATO\n"
SIDE_HINT = "say whom they speak for (nato, russia or other)"
STANDARD = (
    "needs a source on the primary or reputable lists in chrono/rules.py (has {hosts}); add an "
    "official text or a wire service, newspaper or research site of record"
)
MAMEDOV_ROLE_SOURCE = "      sources: [{url: 'https://example.org/fixture/mamedov-biography', publisher: Fixture Wire (test data), note: fixture data for the tests}]\n"
MAMEDOV_QUOTE = (
    "  - speaker: georgy-mamedov\n    text: Moscow remains ready to talk about the treaty (invented test statement).\n"
    "    role: Deputy Foreign Minister of Russia\n    source:\n      url: https://example.org/fixture/invented-statement\n"
    "      publisher: Fixture Wire (test data)\n      published: '2019-08-02'\n"
)
NOT_VERIFIED_HINT = "no Wikidata id: give one with a note saying where it was checked, or write 'not verified: <why>'"

CASES = [
    ("curated summary too short", CURATED,
     "summary: The United States withdraws from the INF Treaty six months after giving notice, and the treaty ends.",
     "summary: The INF Treaty ends.",
     [f"{CURATED}:5: summary: a curated event's summary needs at least 80 characters (this one has 20): say who did what, where, and what followed"]),
    ("curated event without annotation", CURATED,
     "annotation: The end of the treaty *opened* the way to new deployments.\n", "",
     [f"{CURATED}:1: annotation: a curated event needs an annotation: a few sentences on why it matters and what it led to"]),
    ("curated event whose source has no url", CURATED, NATO_SOURCE, "  - article: 002_5b8a1d404cf63abd.txt\n",
     [f"{CURATED}:10: sources: a curated event needs a source with a url, so a reader can check it",
      f"{CURATED}:10: sources: " + STANDARD.format(hosts="(no url)")]),
    ("source on neither list", CURATED, NATO_SOURCE,
     "  - url: https://blog.example.net/inf\n    publisher: A blog\n",
     [f"{CURATED}:10: sources: " + STANDARD.format(hosts="blog.example.net")]),
    ("an aggregator's copy of Reuters", CURATED, NATO_SOURCE,
     "  - url: https://www.devdiscourse.com/article/inf\n    publisher: Devdiscourse (Reuters)\n",
     [f"{CURATED}:10: sources: " + STANDARD.format(hosts="devdiscourse.com")]),
    # A `gov` label counts under a country code (mk.gov.lv, gov.uk), not anywhere in a name
    # whose owner may call a subdomain what they like.
    ("a subdomain called gov of a site on neither list", CURATED, NATO_SOURCE,
     "  - url: https://gov.blog.example.com/inf\n    publisher: A blog\n",
     [f"{CURATED}:10: sources: " + STANDARD.format(hosts="gov.blog.example.com")]),
    ("only a state news agency", CURATED, NATO_SOURCE,
     "  - url: https://tass.com/politics/1\n    publisher: TASS\n",
     [f"{CURATED}:10: sources: " + STANDARD.format(hosts="tass.com"),
      f"{CURATED}:10: sources: a state news agency (TASS, RIA Novosti, Sputnik, RT, Xinhua) is the only source; add another"]),
    ("quote in a curated event without a source", CURATED,
     "    role: Deputy Foreign Minister of Russia\n    source:\n      url: https://example.org/fixture/invented-statement\n      publisher: Fixture Wire (test data)\n      published: '2019-08-02'\n",
     "    role: Deputy Foreign Minister of Russia\n",
     [f"{CURATED}:24: quotes[1].source: a quote in a curated event needs `source` with the url of the page it is from"]),
    ("speaker without a side", "chronology/people.yml", "  side: russia\n", "",
     [f"{CURATED}:24: quotes[1].speaker: 'georgy-mamedov' has no `side` in people.yml; " + SIDE_HINT,
      f"{CURATED}:18: quotes: no quote from anyone who speaks for 'russia', and no note saying why: quote each side, or add `statements_missing: [{{side: russia, note: ...}}]` saying where the missing words were looked for"]),
    ("curated event quoting one side", CURATED, MAMEDOV_QUOTE, "",
     [f"{CURATED}:18: quotes: no quote from anyone who speaks for 'russia', and no note saying why: quote each side, or add `statements_missing: [{{side: russia, note: ...}}]` saying where the missing words were looked for"]),
    ("reviewed draft quoting one side", EVENT, "status: draft", "status: reviewed",
     [f"{EVENT}:17: quotes: no quote from anyone who speaks for 'russia', and no note saying why: quote each side, or add `statements_missing: [{{side: russia, note: ...}}]` saying where the missing words were looked for"]),
    ("a note for a side the event quotes", CURATED, "related:", "statements_missing:\n  - {side: nato, note: No NATO statement found.}\nrelated:",
     [f"{CURATED}:14: statements_missing[0].side: the event quotes 'jens-stoltenberg', who speaks for 'nato'; remove this note or the quote"]),
    ("role without a cited page", "chronology/people.yml", MAMEDOV_ROLE_SOURCE, "",
     ["chronology/people.yml:20: georgy-mamedov.roles[0]: cite the page the role's dates were checked against: add `sources` with its `url` and a `note` saying what it gives"]),
    ("role left unchecked without leave", "chronology/people.yml", MAMEDOV_ROLE_SOURCE,
     "      unchecked: no biography with these dates was found in the archives consulted\n",
     ["chronology/people.yml:21: georgy-mamedov.roles[0].unchecked: only the roles listed in UNCHECKED_ROLES in chrono/rules.py may go without a cited page; add `sources` with the page the dates were checked against"]),
    ("role both cited and unchecked", "chronology/people.yml", MAMEDOV_ROLE_SOURCE,
     MAMEDOV_ROLE_SOURCE + "      unchecked: no biography with these dates was found in the archives consulted\n",
     ["chronology/people.yml:22: georgy-mamedov.roles[0].unchecked: the role cites a page in `sources`; remove `unchecked`"]),
    ("Wikidata id without a note", "chronology/people.yml",
     "  wikidata_note: fixture data for the tests, kept to test the links the site makes from a Wikidata id\n", "",
     ["chronology/people.yml:3: jens-stoltenberg.wikidata_note: Wikidata id Q57462 needs a note saying where it was seen (the page that names it)"]),
    ("person without description", "chronology/people.yml",
     "  description: Russian diplomat, deputy foreign minister from 1991 to 2003.\n", "",
     ["chronology/people.yml:15: georgy-mamedov.description: a person needs a description: who they are, in a sentence"]),
    ("Russian official without a Cyrillic alias", "chronology/people.yml",
     "aliases: [Mamedov, Георгий Мамедов]", "aliases: [Mamedov]",
     ["chronology/people.yml:16: georgy-mamedov.aliases: a Russian official needs their name in Cyrillic among the aliases"]),
    ("person without roles", "chronology/people.yml",
     "  roles:\n    - title: Deputy Foreign Minister of Russia\n" + MAMEDOV_ROLE_SOURCE, "",
     ["chronology/people.yml:15: georgy-mamedov.roles: a person needs at least one role with its dates"]),
    ("treaty without a date or a description", "chronology/treaties.yml", "  signed: '1990-11-19'\n", "",
     ["chronology/treaties.yml:10: cfe-treaty.signed: a treaty needs the date it was signed, or a description saying what it is"]),
    ("place without a country", "chronology/places.yml", "  country: Austria\n", "",
     ["chronology/places.yml:8: vienna.country: a place needs its country"]),
    ("treaty without parties", "chronology/treaties.yml",
     "  parties: [NATO member states, Warsaw Pact member states]\n", "",
     ["chronology/treaties.yml:10: cfe-treaty.parties: a treaty needs its parties"]),
    ("place without coordinates", "chronology/places.yml", "  latitude: 48.2082\n  longitude: 16.3738\n", "",
     ["chronology/places.yml:8: vienna.latitude: a place needs latitude and longitude"]),
    ("eras with a gap", "chronology/eras.yml", "from: '2009'", "from: '2010'",
     ["chronology/eras.yml:7: late.from: leaves a gap of 365 days after era 'early', which ends 2008; start it the next day"]),
    ("eras that overlap", "chronology/eras.yml", "from: '2009'", "from: '2008-06'",
     ["chronology/eras.yml:7: late.from: overlaps era 'early', which ends 2008; start it the next day"]),
]
"""A missing field is reported on the first line of its entry."""


def test_a_note_for_the_side_nobody_quotes_meets_the_rule(data_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _break(data_root, CURATED, MAMEDOV_QUOTE, "")
    _break(data_root, CURATED, "related:", "statements_missing:\n  - {side: russia, note: No Russian statement found in the mid.ru archive for that week.}\nrelated:")
    assert _validate(data_root, capsys) == (0, [])


def test_a_broken_note_is_reported_once_not_again_as_a_side_unaccounted_for(
    data_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The both-sides rule reads the quotes and the notes: with the notes left out by their
    schema check, it does not judge the event, so only the schema error is reported."""
    _break(data_root, CURATED, MAMEDOV_QUOTE, "")
    _break(data_root, CURATED, "related:", "statements_missing:\n  - {side: moscow, note: No statement found.}\nrelated:")
    code, lines = _validate(data_root, capsys)
    assert code == 1
    assert [line.split(": ", 2)[:2] for line in lines[:-1]] == [[f"{CURATED}:14", "statements_missing[0].side"]]


def test_a_role_on_the_unchecked_list_may_say_why_no_page_is_cited(
    data_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "UNCHECKED_ROLES", frozenset({"georgy-mamedov.roles[0]"}))
    _break(data_root, "chronology/people.yml", MAMEDOV_ROLE_SOURCE,
           "      unchecked: no biography with these dates was found in the archives consulted\n")
    assert _validate(data_root, capsys) == (0, [])
    _break(data_root, "chronology/people.yml", "      unchecked: no biography with these dates was found in the archives consulted\n", "")
    assert _validate(data_root, capsys)[0] == 1


def _break(root: Path, path: str, old: str, new: str) -> None:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _validate(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["--root", str(root), "validate"])
    return code, capsys.readouterr().err.splitlines()


def test_the_fixture_meets_every_rule(data_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _validate(data_root, capsys) == (0, [])


@pytest.mark.parametrize(("file", "old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_fails_on_a_broken_copy(
    data_root: Path, capsys: pytest.CaptureFixture[str], file: str, old: str, new: str, expected: list[str]
) -> None:
    _break(data_root, file, old, new)
    code, lines = _validate(data_root, capsys)
    assert (code, lines[:-1]) == (1, sorted(expected))
    assert lines[-1] == f"{len(expected)} problem{'s' if len(expected) != 1 else ''} found."


def test_a_note_without_a_reason_is_not_enough(data_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _break(data_root, "chronology/organizations.yml",
           "  aliases: [the Alliance]\n  wikidata_note: \"not verified: fixture data for the tests; the real entry is in chronology/organizations.yml\"\n",
           "  aliases: [the Alliance]\n  wikidata_note: not verified\n")
    assert _validate(data_root, capsys) == (1, [
        f"chronology/organizations.yml:5: nato.wikidata_note: {NOT_VERIFIED_HINT}",
        "1 problem found.",
    ])


def test_a_second_entry_for_the_same_event_is_reported_on_the_later_file(
    data_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = (data_root / EVENT).read_text(encoding="utf-8")
    copy = original.replace("id: 2019-07-05-nato-russia-council-inf-talks", "id: 2019-07-05-nrc-meets-on-inf")
    copy = copy.replace("title: NATO-Russia Council fails to save the INF Treaty", "title: NATO-Russia Council cannot save INF Treaty")
    (data_root / "chronology/events/2019-07-05-nrc-meets-on-inf.yml").write_text(copy, encoding="utf-8")
    assert _validate(data_root, capsys) == (1, [
        "chronology/events/2019-07-05-nrc-meets-on-inf.yml:2: title: the same event as "
        f"{EVENT} (the same day and mostly the same title); keep one entry and add the other's "
        "sources to it, or make the titles say what differs",
        "1 problem found.",
    ])


def test_a_file_failing_its_schema_still_has_its_rules_checked(
    data_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad date and a short summary: both reported at once, the rule's line too."""
    _break(data_root, CURATED, "date: '2019-08-02'", "date: '2019-02-30'")
    _break(data_root, CURATED,
           "summary: The United States withdraws from the INF Treaty six months after giving notice, and the treaty ends.",
           "summary: Too short.")
    code, lines = _validate(data_root, capsys)
    assert (code, lines) == (1, [
        f"{CURATED}:3: date: '2019-02-30' is not a real date: February 2019 has 28 days",
        f"{CURATED}:5: summary: a curated event's summary needs at least 80 characters (this one has 10): say who did what, where, and what followed",
        "2 problems found.",
    ])


def _event(title: str, day: str = "2019-07-05", **fields: object) -> Event:
    return Event(id=title.lower().replace(" ", "-"), title=title, date=PartialDate.parse(day), summary="s",
                 provenance="extracted", status="draft", **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("a", "b", "same"), [
    (_event("NATO and Russia meet in Brussels"), _event("NATO, Russia meet in Brussels"), True),
    (_event("NATO and Russia meet in Brussels"), _event("NATO and Russia meet in Brussels", "2019-07-06"), False),
    (_event("NATO and Russia meet", "2019-07"), _event("NATO and Russia meet", "2019-07"), False),
    (_event("Talks", place="brussels", people=(PersonRole("a"),)), _event("Meeting", place="brussels", people=(PersonRole("a"),)), True),
    (_event("Talks", place="brussels"), _event("Meeting", place="vienna"), False),
    # Nothing named on either side is no sign of one event.
    (_event("Talks"), _event("Meeting"), False),
    # Titles a Russian draft keeps in Russian (invented for the test): their words count, so
    # one headline twice is one event, and two headlines that share only a number are not.
    (_event("Совет Россия–НАТО собрался в Брюсселе"), _event("Совет Россия–НАТО собрался в Брюсселе"), True),
    (_event("Лавров ответил на предложения по ДРСМД 2019"), _event("В Вене начались консультации по ДОВСЕ 2019"), False),
])
def test_the_same_event_rule(a: Event, b: Event, same: bool) -> None:
    assert (rules.same_event_reason(a, b) is not None) is same
    assert (rules.same_event_reason(b, a) is not None) is same


def test_a_source_address_that_cannot_be_parsed_is_judged_not_a_crash(
    data_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """"http://[..." passes the schema's `^https?://` but is no address urlsplit can read
    (an unclosed IPv6 bracket): the rule reports it as on neither list instead of crashing."""
    _break(data_root, CURATED, NATO_SOURCE, "  - url: http://[nato.int/inf\n    publisher: A typo\n")
    code, lines = _validate(data_root, capsys)
    assert (code, lines[:-1]) == (1, [f"{CURATED}:10: sources: " + STANDARD.format(hosts="(no url)")])
