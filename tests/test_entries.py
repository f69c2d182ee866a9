"""The validator: every bad input gives located errors with the exact wording, all at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.entries import append_to_block_list, dump_event, load_chronology, read_chronology, write_text_atomic
from chrono.errors import ChronologyError

EVENT = "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml"
CURATED = "chronology/events/2019-08-02-inf-treaty-ends.yml"


def errors_after(root: Path, path: str, old: str, new: str) -> list[str]:
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return [str(e) for e in read_chronology(root)[1]]


def test_fixture_is_valid(data_root: Path) -> None:
    chronology, errors = read_chronology(data_root)
    assert errors == []
    assert [e.id for e in chronology.events] == [
        "1996-05-15-cfe-review-conference",
        "2019-07-05-nato-russia-council-inf-talks",
        "2019-08-02-inf-treaty-ends",
    ]
    event = chronology.events[1]
    assert event.people[0].role == "NATO Secretary General"
    assert event.date.precision == "day"
    assert chronology.people["jens-stoltenberg"].roles[0].start.iso() == "2014-10-01"


CASES = [
    # (id, file, old, new, expected errors)
    ("unknown person with suggestion", EVENT, "- id: jens-stoltenberg", "- id: jens-stoltenbreg",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:11: people[0].id: unknown person 'jens-stoltenbreg' (did you mean 'jens-stoltenberg'?)"]),
    ("unknown organization", EVENT, "organizations: [nato, nato-russia-council]", "organizations: [nato, otan]",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:13: organizations[1]: unknown organization 'otan'"]),
    ("unknown treaty", EVENT, "treaties: [inf-treaty]", "treaties: [inf-traety]",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:14: treaties[0]: unknown treaty 'inf-traety' (did you mean 'inf-treaty'?)"]),
    ("unknown tag", EVENT, "tags: [arms-control, nato-russia-council]", "tags: [arms-control, nato-russia]",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:15: tags[1]: unknown tag 'nato-russia' (did you mean 'nato-russia-council'?)"]),
    ("unknown place", EVENT, "place: brussels", "place: bruxelles",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:8: place: unknown place 'bruxelles' (did you mean 'brussels'?)"]),
    ("unknown speaker", EVENT, "- speaker: jens-stoltenberg", "- speaker: stoltenberg",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:17: quotes[0].speaker: unknown speaker (a person or organization id) 'stoltenberg' (did you mean 'jens-stoltenberg'?)"]),
    ("unknown related event", EVENT, "related: [2019-08-02-inf-treaty-ends]", "related: [2019-08-03-inf-treaty-ends]",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:24: related[0]: unknown event '2019-08-03-inf-treaty-ends' (did you mean '2019-08-02-inf-treaty-ends'?)"]),
    ("self related", EVENT, "related: [2019-08-02-inf-treaty-ends]", "related: [2019-07-05-nato-russia-council-inf-talks]",
     ['chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:24: related[0]: an event cannot be related to itself']),
    ("unknown article", EVENT, "article: 002_5b8a1d404cf63abd.txt", "article: 999.txt",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:20: sources[0].article: unknown article in seeds/ '999.txt'"]),
    ("impossible date", EVENT, "date: '2019-07-05'", "date: '2019-02-30'",
     [f"{EVENT}:3: date: '2019-02-30' is not a real date: February 2019 has 28 days",
      f"{EVENT}:1: id: '2019-07-05-nato-russia-council-inf-talks' does not match the file name '2019-07-05-nato-russia-council-inf-talks.yml'; the id and the file name must be the same"][:1]),
    ("unquoted impossible date", EVENT, "date: '2019-07-05'", "date: 2019-02-30",
     [f"{EVENT}:3: date: '2019-02-30' is not a real date: February 2019 has 28 days"]),
    ("date in words", EVENT, "date: '2019-07-05'", "date: 5 July 2019",
     [f"{EVENT}:3: date: expected a date like '1996', '1996-05' or '1996-05-15', got '5 July 2019'"]),
    ("year as a number", EVENT, "date: '2019-07-05'", "date: 2019",
     [f"{EVENT}:3: date: expected text, got a number (2019) (write dates in quotes: '2019')"]),
    ("end before start", CURATED, "date: '2019-08-02'", "date: '2019-08-02'\nend_date: '2019-08-01'",
     [f"{CURATED}:4: end_date: '2019-08-01' must be after date '2019-08-02' (leave end_date out for a one-day event)"]),
    ("id differs from file name", EVENT, "id: 2019-07-05-nato-russia-council-inf-talks", "id: 2019-07-05-nrc",
     [f"{EVENT}:1: id: '2019-07-05-nrc' does not match the file name '2019-07-05-nato-russia-council-inf-talks.yml'; the id and the file name must be the same"]),
    ("missing title", EVENT, "title: NATO-Russia Council fails to save the INF Treaty\n", "",
     [f"{EVENT}:1: title: missing required field (a short headline)"]),
    ("unknown field with suggestion", EVENT, "summary:", "sumary:",
     ['chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:1: summary: missing required field (what happened, in two to four sentences)',
      "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:9: sumary: unknown field (did you mean 'summary'?)"]),
    ("role as a number", EVENT, "role: NATO Secretary General", "role: 12",
     ['chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:12: people[0].role: expected text, got a number (12)']),
    ("bad provenance", EVENT, "provenance: extracted", "provenance: manual",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:25: provenance: expected one of 'extracted', 'curated', got text 'manual'"]),
    ("empty summary", EVENT, "summary: NATO and Russia made no progress on the INF Treaty.", "summary: ''",
     ['chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:9: summary: must not be empty']),
    ("no sources", CURATED, """sources:
  - url: https://www.nato.int/cps/en/natohq/news_168177.htm
    publisher: NATO
    published: '2019-08-02'""", "sources: []",
     [f"{CURATED}:9: sources: needs at least 1 item"]),
    ("bad url", CURATED, "url: https://www.nato.int/cps/en/natohq/news_168177.htm", "url: example.org/inf",
     [f"{CURATED}:10: sources[0].url: expected an http(s) address, got 'example.org/inf'"]),
    ("tag twice", EVENT, "tags: [arms-control, nato-russia-council]", "tags: [arms-control, arms-control]",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:15: tags: lists 'arms-control' twice"]),
    ("people not a list", EVENT, """people:
  - id: jens-stoltenberg
    role: NATO Secretary General""", "people: jens-stoltenberg",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:10: people: expected a list, got text 'jens-stoltenberg'"]),
    ("duplicate key", EVENT, "place: brussels", "place: brussels\nplace: vienna",
     ['chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:9: place: duplicate key (first given on line 8); keep one']),
    ("yaml syntax", EVENT, "title: NATO-Russia Council fails to save the INF Treaty", "title: [NATO",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:3: YAML syntax error: did not find expected ',' or ']'"]),
    ("tab indentation", EVENT, "  - id: jens-stoltenberg", "\t- id: jens-stoltenberg",
     ['chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:11: YAML syntax error: found character that cannot start any token']),
    ("unknown person in entity file id", "chronology/people.yml", "georgy-mamedov:", "Georgy Mamedov:",
     ["chronology/events/1996-05-15-cfe-review-conference.yml:8: people[0].id: unknown person 'georgy-mamedov' (did you mean 'Georgy Mamedov'?)",
      "chronology/events/2019-08-02-inf-treaty-ends.yml:24: quotes[1].speaker: unknown speaker (a person or organization id) 'georgy-mamedov' (did you mean 'Georgy Mamedov'?)",
      "chronology/people.yml:14: Georgy Mamedov: 'Georgy Mamedov' is not a valid id: use lower-case letters, digits and single hyphens, e.g. 'jens-stoltenberg'"]),
    ("role dates reversed", "chronology/people.yml", "to: '2024-10-01'", "to: '2004-10-01'",
     ["chronology/people.yml:11: jens-stoltenberg.roles[0].to: '2004-10-01' is before from '2014-10-01'"]),
    ("impossible treaty date", "chronology/treaties.yml", "signed: '1987-12-08'", "signed: '1987-11-31'",
     ["chronology/treaties.yml:5: inf-treaty.signed: '1987-11-31' is not a real date: November 1987 has 30 days"]),
    ("missing entity name", "chronology/places.yml", "  name: Vienna\n", "",
     ["chronology/places.yml:8: vienna.name: missing required field (full name)"]),
    ("latitude out of range", "chronology/places.yml", "latitude: 50.85", "latitude: 150.85",
     ['chronology/places.yml:4: brussels.latitude: must be between -90 and 90, got 150.85']),
    ("bad wikidata", "chronology/people.yml", "wikidata: Q57462", "wikidata: 57462",
     ["chronology/people.yml:6: jens-stoltenberg.wikidata: expected text, got a number (57462)"]),
    ("person and organization share an id", "chronology/organizations.yml", "nato-russia-council:", "jens-stoltenberg:",
     ["chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:13: organizations[1]: unknown organization 'nato-russia-council'",
      "chronology/organizations.yml:6: jens-stoltenberg: 'jens-stoltenberg' is also a person id in people.yml; ids of people and organizations must differ"]),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_gives_located_error(data_root: Path, file: str, old: str, new: str, expected: list[str]) -> None:
    assert errors_after(data_root, file, old, new) == sorted(expected)


def test_all_errors_reported_together(data_root: Path) -> None:
    (data_root / "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml").write_text(
        (data_root / EVENT).read_text().replace("place: brussels", "place: nowhere").replace("tags: [arms-control", "tags: [armscontrol")
    )
    (data_root / "chronology/events/bad name.yml").write_text("id: x\n")
    (data_root / "chronology/events/2000-01-01-empty.yml").write_text("")
    errors = [str(e) for e in read_chronology(data_root)[1]]
    assert errors == [
        "chronology/events/2000-01-01-empty.yml: expected a mapping of fields (id: ..., title: ...), got nothing",
        f"{EVENT}:8: place: unknown place 'nowhere'",
        f"{EVENT}:15: tags[0]: unknown tag 'armscontrol' (did you mean 'arms-control'?)",
        "chronology/events/bad name.yml: file name 'bad name.yml' is not a valid id: use lower-case letters, digits and single hyphens, e.g. 'jens-stoltenberg'",
    ]


@pytest.mark.parametrize(
    "content",
    [b"\xff\xfe\x00\x01garbage", b"title: \xcf\xf0\xe8\xe2\xe5\xf2\n", b"- a\n- b\n", b"{{{{", b"&a [*a, *a]", b"!!python/object:os.system x", b"a: *unknown"],
)
def test_any_bytes_give_errors_not_tracebacks(data_root: Path, content: bytes) -> None:
    (data_root / "chronology/events/2000-01-01-x.yml").write_bytes(content)
    errors = read_chronology(data_root)[1]
    assert errors and all(e.path == "chronology/events/2000-01-01-x.yml" for e in errors)


@pytest.mark.parametrize(
    ("inserted", "expected"),
    [
        ("\x00", "contains a control character YAML does not allow (U+0000); delete it"),
        ("\x1b", "contains a control character YAML does not allow (U+001B); delete it"),
        ("\ufffe", "contains a character YAML does not allow (U+FFFE); delete it"),
    ],
)
def test_a_character_yaml_refuses_is_located_by_line(data_root: Path, inserted: str, expected: str) -> None:
    """Line 9, below a line of Cyrillic: libyaml counts its position in bytes, not characters."""
    event = data_root / EVENT
    text = event.read_text(encoding="utf-8").replace("summary: NATO and Russia", f"summary: NATO {inserted}and Russia")
    event.write_text(text.replace("place: brussels", "place: brussels # Брюссель"), encoding="utf-8")
    assert [str(e) for e in read_chronology(data_root)[1]] == [f"{EVENT}:9: {expected}"]


VIENNA_ONLY = "vienna: {name: Vienna, country: Austria, latitude: 48.2, longitude: 16.4, wikidata_note: 'not verified: test data'}\n"
"""A places.yml that meets every rule but lacks the place the events name."""


def test_load_chronology_raises_with_every_error(data_root: Path) -> None:
    (data_root / "chronology/places.yml").write_text(VIENNA_ONLY)
    with pytest.raises(ChronologyError) as caught:
        load_chronology(data_root)
    assert str(caught.value) == f"{EVENT}:8: place: unknown place 'brussels'"


def test_dump_event_round_trips(data_root: Path, tmp_path: Path) -> None:
    chronology = load_chronology(data_root)
    for event in chronology.events:
        path = data_root / "chronology/events" / f"{event.id}.yml"
        write_text_atomic(path, dump_event(event))
    again = load_chronology(data_root)
    assert again.events == chronology.events
    text = (data_root / EVENT).read_text()
    assert text.startswith("# yaml-language-server: $schema=../../chrono/schemas/event.schema.json\nid: ")


def test_write_text_atomic_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b.yml"
    write_text_atomic(target, "x: 1\n")
    write_text_atomic(target, "x: 2\n")
    assert target.read_text() == "x: 2\n"
    assert [p.name for p in target.parent.iterdir()] == ["b.yml"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("id: x\rtitle: [\r", "chronology/events/2000-01-01-x.yml:3: YAML syntax error: did not find expected node content"),
        ("id: x\u2028title: y\n", "chronology/events/2000-01-01-x.yml:1: contains an unusual line separator (U+2028); replace it with an ordinary line break or a space"),
    ],
)
def test_line_numbers_match_what_an_editor_shows(data_root: Path, content: str, expected: str) -> None:
    (data_root / "chronology/events/2000-01-01-x.yml").write_bytes(content.encode("utf-8"))
    assert [str(e) for e in read_chronology(data_root)[1]] == [expected]


def test_both_sides_quotes_and_sides_are_read_and_checked(data_root: Path) -> None:
    """A quote may carry the speaker's role and a source of its own; people and organizations
    say once which side they speak for, and a side that is not one of the three is refused."""
    event_file = data_root / EVENT
    text = event_file.read_text(encoding="utf-8")
    quoted = "  - speaker: jens-stoltenberg\n"
    assert quoted in text
    event_file.write_text(
        text.replace(
            quoted,
            "  - speaker: jens-stoltenberg\n    role: NATO Secretary General\n"
            "    source: {url: 'https://www.nato.int/x.htm', publisher: NATO, published: '2019-07-05'}\n",
            1,
        ),
        encoding="utf-8",
    )
    people = data_root / "chronology/people.yml"
    assert "  side: nato\n" in people.read_text(encoding="utf-8")  # the fixture's
    chronology, errors = read_chronology(data_root)
    assert errors == []
    quote = next(e for e in chronology.events if e.quotes).quotes[0]
    assert quote.role == "NATO Secretary General"
    assert quote.source is not None and quote.source.publisher == "NATO"
    assert chronology.people["jens-stoltenberg"].side == "nato"

    people.write_text(
        people.read_text(encoding="utf-8").replace("side: nato", "side: west"), encoding="utf-8"
    )
    messages = [str(e) for e in read_chronology(data_root)[1]]
    assert len(messages) == 1 and "chronology/people.yml:" in messages[0]
    assert "jens-stoltenberg.side" in messages[0]


def test_a_side_not_found_is_noted_and_checked(data_root: Path) -> None:
    """`statements_missing` names a side and says where its words were looked for; a side
    noted twice, or noted although the event quotes it, is refused with the line."""
    event_file = data_root / EVENT
    text = event_file.read_text(encoding="utf-8")
    note = "statements_missing:\n  - side: russia\n    note: No Russian statement found in the mid.ru archive.\nsources:\n"
    event_file.write_text(text.replace("sources:\n", note, 1), encoding="utf-8")
    chronology, errors = read_chronology(data_root)
    assert errors == []
    event = next(e for e in chronology.events if e.id == EVENT.rsplit("/", 1)[1].removesuffix(".yml"))
    assert [(m.side, m.note) for m in event.statements_missing] == [
        ("russia", "No Russian statement found in the mid.ru archive.")
    ]
    assert "statements_missing" in dump_event(event)

    event_file.write_text(text.replace("sources:\n", note.replace("side: russia", "side: nato"), 1), encoding="utf-8")
    assert [str(e) for e in read_chronology(data_root)[1]] == [
        f"{EVENT}:20: statements_missing[0].side: the event quotes 'jens-stoltenberg', who speaks for 'nato'; remove this note or the quote"
    ]
    twice = note + "  - side: russia\n    note: again\n"
    twice = twice.replace("sources:\n  - side: russia\n    note: again\n", "  - side: russia\n    note: again\nsources:\n")
    event_file.write_text(text.replace("sources:\n", twice, 1), encoding="utf-8")
    assert [str(e) for e in read_chronology(data_root)[1]] == [
        f"{EVENT}:22: statements_missing[1].side: 'russia' is noted twice; keep one note per side"
    ]
    event_file.write_text(text.replace("sources:\n", note.replace("side: russia", "side: other"), 1), encoding="utf-8")
    messages = [str(e) for e in read_chronology(data_root)[1]]
    assert len(messages) == 1 and messages[0].startswith(f"{EVENT}:20: statements_missing[0].side: expected one of")


def test_a_role_cites_the_pages_its_dates_were_checked_against(data_root: Path) -> None:
    people = data_root / "chronology/people.yml"
    text = people.read_text(encoding="utf-8")
    dated = next(line for line in text.splitlines(keepends=True) if "stoltenberg-takes-office" in line)
    cited = (
        "      sources:\n"
        "        - url: https://www.nato.int/cps/en/natohq/who_is_who_49999.htm\n"
        "          publisher: NATO\n"
        "          published: '2014-10-01'\n"
        "          note: took office on 1 October 2014\n"
    )
    people.write_text(text.replace(dated, cited, 1), encoding="utf-8")
    chronology, errors = read_chronology(data_root)
    assert errors == []
    source = chronology.people["jens-stoltenberg"].roles[0].sources[0]
    assert (source.publisher, source.published, source.note) == ("NATO", "2014-10-01", "took office on 1 October 2014")

    people.write_text(text.replace(dated, cited.replace("'2014-10-01'\n          note", "'2014-13-01'\n          note"), 1), encoding="utf-8")
    assert [str(e) for e in read_chronology(data_root)[1]] == [
        "chronology/people.yml:15: jens-stoltenberg.roles[0].sources[0].published: '2014-13-01' is not a real date: there is no month 13"
    ]
    people.write_text(text.replace(dated, cited.replace("url: https://", "url: ftp://"), 1), encoding="utf-8")
    messages = [str(e) for e in read_chronology(data_root)[1]]
    assert len(messages) == 1 and messages[0].startswith("chronology/people.yml:13: jens-stoltenberg.roles[0].sources[0].url:")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Comments, folding and the keys after the list stay as they were; the item goes last.
        ("id: x\nsources:\n  # first the official text\n  - url: https://a.example/1\n    title: >-\n      A long\n      title\n# ours\nrelated: []\n",
         "id: x\nsources:\n  # first the official text\n  - url: https://a.example/1\n    title: >-\n      A long\n      title\n  - article: a.txt\n    publisher: P\n# ours\nrelated: []\n"),
        ("sources:\n- url: https://a.example/1\n", "sources:\n- url: https://a.example/1\n- article: a.txt\n  publisher: P\n"),
        # Not a block list with items: left to the caller.
        ("sources: [{url: 'https://a.example/1'}]\n", None),
        ("sources: []\n", None),
        ("title: x\n", None),
        ("sources:\n- url: https://a.example/1", None),  # no final line break
    ],
)
def test_an_item_is_appended_to_a_list_without_touching_a_byte(text: str, expected: str | None) -> None:
    assert append_to_block_list(text, "sources", {"article": "a.txt", "publisher": "P"}) == expected
