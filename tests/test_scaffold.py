"""`build_chronology.py new`: a new event file with every field, named after date and title."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from build_chronology import main
from chrono.entries import load_schema, read_chronology
from chrono.scaffold import NEW_ENTRY_REVIEW, slugify_title

EVENTS = "chronology/events"


def run_new(root: Path, *args: str) -> int:
    return main(["--root", str(root), "new", *args])


def test_new_writes_every_field_and_prints_the_path(
    data_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(data_root)
    assert run_new(data_root, "--date", "2008-08-19", "--title", "NATO foreign ministers meet on Georgia") == 0
    out, err = capsys.readouterr()
    expected = f"{EVENTS}/2008-08-19-nato-foreign-ministers-meet-on-georgia.yml"
    assert out == expected + "\n"
    assert "Fill in summary, annotation, sources and both sides' quotes" in err
    text = (data_root / expected).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../chrono/schemas/event.schema.json\n")
    data = yaml.safe_load(text)
    # Every field of the schema is there except the extractor's own records.
    assert set(load_schema("event")["properties"]) - set(data) == {"checksums", "doubts"}
    assert data["id"] == "2008-08-19-nato-foreign-ministers-meet-on-georgia"
    assert data["title"] == "NATO foreign ministers meet on Georgia"
    assert data["date"] == "2008-08-19"
    assert data["place"] is None and data["end_date"] is None and data["date_basis"] is None
    assert data["people"] == data["quotes"] == data["sources"] == data["related"] == []
    assert (data["provenance"], data["status"], data["review"]) == ("curated", "draft", [NEW_ENTRY_REVIEW])


def NEW_FILE_ERRORS(rel: str, lines: tuple[int, int, int, int] = (18, 20, 32, 38)) -> list[str]:  # noqa: N802 - reads as the constant it stands for
    """What validate says of a new file: the four things only a person can write, at the lines
    of `summary`, `annotation`, `quotes` and `sources` (those of a one-line title unless given)."""
    summary, annotation, quotes, sources = lines
    return [
        f"{rel}:{summary}: summary: must not be empty",
        f"{rel}:{annotation}: annotation: a curated event needs an annotation: a few sentences on why it matters and what it led to",
        f"{rel}:{quotes}: quotes: no quote from anyone who speaks for 'nato' or 'russia', and no note saying why: quote each "
        "side, or add `statements_missing: [{side: nato, note: ...}, {side: russia, note: ...}]` saying where the "
        "missing words were looked for",
        f"{rel}:{sources}: sources: needs at least 1 item",
    ]


def field_lines(path: Path) -> tuple[int, int, int, int]:
    """The 1-based lines of the four fields a person must fill; a long title folds onto more
    lines and moves them down."""
    numbers = {line.split(":")[0]: n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line[:1].isalpha()}
    return numbers["summary"], numbers["annotation"], numbers["quotes"], numbers["sources"]


def test_new_file_fails_validation_only_where_a_person_must_write(
    data_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_new(data_root, "--date", "2008-08", "--title", "Russia suspends NRC meetings") == 0
    rel = f"{EVENTS}/2008-08-russia-suspends-nrc-meetings.yml"
    errors = [str(e) for e in read_chronology(data_root)[1]]
    assert errors == NEW_FILE_ERRORS(rel)
    # Filling in those four makes it valid, with the comments and empty fields left as written.
    path = data_root / rel
    text = path.read_text(encoding="utf-8")
    text = text.replace("summary: ''", "summary: Russia froze military cooperation with NATO after the August war in Georgia, and the NATO-Russia Council stopped meeting.")
    text = text.replace("annotation: null", "annotation: The first freeze of the council set up in 2002.")
    assert "statements_missing: []" in text
    text = text.replace("statements_missing: []", "statements_missing:\n- {side: nato, note: No NATO statement found (test data).}\n"
                        "- {side: russia, note: No Russian statement found (test data).}")
    text = text.replace("sources: []", "sources:\n- url: https://www.nato.int/example-statement\n  published: '2008-08-21'")
    path.write_text(text, encoding="utf-8")
    chronology, errors = read_chronology(data_root)
    assert errors == []
    event = next(e for e in chronology.events if e.id == "2008-08-russia-suspends-nrc-meetings")
    assert event.date.precision == "month" and event.status == "draft"


def test_new_refuses_to_overwrite(data_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    existing = data_root / EVENTS / "2019-08-02-inf-treaty-ends.yml"
    before = existing.read_bytes()
    assert run_new(data_root, "--date", "2019-08-02", "--title", "INF Treaty ends") == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "error: chronology/events/2019-08-02-inf-treaty-ends.yml already exists; "
        "edit it, or choose another title or --slug\n"
    )
    assert existing.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "2008-02-30", "--title", "x"], "error: --date: '2008-02-30' is not a real date: February 2008 has 29 days"),
        (["--date", "19-08-2008", "--title", "x"], "error: --date: expected a date like '1996', '1996-05' or '1996-05-15', got '19-08-2008'"),
        (["--date", "2008-13", "--title", "x"], "error: --date: '2008-13' is not a real date: there is no month 13"),
        (["--date", "2008", "--title", "   "], "error: --title must not be empty"),
        (["--date", "2008", "--title", "two\nlines"], "error: --title must be one line of text (no line breaks or control characters)"),
        (["--date", "2008", "--title", "!!!"], "error: the title '!!!' has no letters or digits to make a file name from; give one with --slug, e.g. --slug nato-summit"),
        (["--date", "2008", "--title", "x", "--slug", "../x"], "error: --slug '../x' is not a valid id part: use lower-case letters, digits and single hyphens, e.g. 'jens-stoltenberg'"),
        (["--date", "2008", "--title", "x", "--slug", "/etc/passwd"], "error: --slug '/etc/passwd' is not a valid id part: use lower-case letters, digits and single hyphens, e.g. 'jens-stoltenberg'"),
    ],
)
def test_new_rejects_bad_arguments_with_exit_2(
    data_root: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    before = sorted(p.name for p in (data_root / EVENTS).iterdir())
    assert run_new(data_root, *args) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == message + "\n"
    assert sorted(p.name for p in (data_root / EVENTS).iterdir()) == before


def test_new_needs_a_chronology_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_new(tmp_path, "--date", "2008", "--title", "x") == 2
    assert "no chronology/ folder under" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_new_with_slug_and_year_precision(data_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_new(data_root, "--date", "1999", "--title", "Kosovo", "--slug", "kosovo-air-campaign") == 0
    assert (data_root / EVENTS / "1999-kosovo-air-campaign.yml").is_file()


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("NATO–Russia Council meets in Brussels", "nato-russia-council-meets-in-brussels"),
        ("Crème brûlée: Ünïcödé & NATO’s 2008 summit!", "creme-brulee-unicode-natos-2008-summit"),
        ("Саммит НАТО в Бухаресте", "sammit-nato-v-bukhareste"),
        ("Медведев и Столтенберг", "medvedev-i-stoltenberg"),
        ("   spaces   and\ttabs  ", "spaces-and-tabs"),
        ("../../etc/passwd", "etc-passwd"),
        ("日本語", ""),
    ],
)
def test_slugify_title(title: str, slug: str) -> None:
    assert slugify_title(title) == slug


def test_slug_is_bounded_and_cut_at_a_word() -> None:
    slug = slugify_title("The foreign ministers of the member states meet the Russian delegation again today")
    assert len(slug) <= 60 and not slug.endswith("-")
    assert slug == "the-foreign-ministers-of-the-member-states-meet-the-russian"
    assert slugify_title("x" * 100) == "x" * 60


TITLE_WORDS = st.one_of(
    st.sampled_from(["NATO", "Russia", "Совет", "Россия–НАТО", "Ünïcödé", "summit", "'quoted'", '"double"', "a: b",
                     "- dash", "#hash", "&", "*", "[x]", "{y}", "|", "!", "%", "@", "`", "2008", "\t", "null", "~",
                     "yes", "0x1F", "…", "—", "日本", "🙂"]),
    st.text(min_size=1, max_size=12),
)


@settings(max_examples=150, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=st.one_of(st.text(max_size=80), st.lists(TITLE_WORDS, min_size=1, max_size=25).map(" ".join)), day=st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)),
       precision=st.sampled_from([4, 7, 10]))
# A title too long for one YAML line folds, and the fields below it move down (a CI run found it).
@example(title="NATO " * 14 + "Россия–НАТО", day=dt.date(2000, 1, 1), precision=4)
def test_any_title_and_date_give_a_fillable_file_or_a_usage_error(
    tmp_path_factory: pytest.TempPathFactory, title: str, day: dt.date, precision: int
) -> None:
    root = tmp_path_factory.mktemp("new")
    (root / "chronology").mkdir()
    date = day.isoformat()[:precision]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        # `--title=...`: a title starting with '-' would otherwise read as an option to argparse.
        code = run_new(root, f"--date={date}", f"--title={title}")
    event(f"exit {code}")
    if code == 2:
        assert err.getvalue().startswith("error: --title") or err.getvalue().startswith("error: the title")
        assert list((root / "chronology").iterdir()) == []
        return
    assert code == 0
    (path,) = (root / EVENTS).iterdir()
    rel = f"{EVENTS}/{path.name}"
    assert path.stem.startswith(date + "-") and len(path.stem) <= len(date) + 1 + 60
    errors = [str(e) for e in read_chronology(root)[1]]
    assert errors == NEW_FILE_ERRORS(rel, field_lines(path))
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["title"] == title.strip()


def test_new_refuses_an_event_the_chronology_holds(data_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same-event rule validate applies (chrono/rules.py), with one line naming the file;
    --force writes it anyway, and validate then reports the pair."""
    args = ("--date", "2019-07-05", "--title", "NATO-Russia Council fails to save INF Treaty again")
    assert run_new(data_root, *args) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "error: chronology/events/2019-07-05-nato-russia-council-inf-talks.yml already holds this "
        "event (the same day and mostly the same title); edit it, or use --force to write a new "
        "file anyway\n"
    )
    assert not (data_root / EVENTS / "2019-07-05-nato-russia-council-fails-to-save-inf-treaty-again.yml").exists()
    # Another event of the same day is no duplicate.
    assert run_new(data_root, "--date", "2019-07-05", "--title", "Russia tests a new missile") == 0
    (data_root / EVENTS / "2019-07-05-russia-tests-a-new-missile.yml").unlink()
    assert run_new(data_root, *args, "--force") == 0
    capsys.readouterr()
    forced = data_root / EVENTS / "2019-07-05-nato-russia-council-fails-to-save-inf-treaty-again.yml"
    text = forced.read_text(encoding="utf-8").replace("summary: ''", "summary: NATO and Russia met again.")
    forced.write_text(text.replace("provenance: curated", "provenance: extracted").replace(
        "sources: []", "sources:\n- url: https://www.nato.int/example-statement"), encoding="utf-8")
    errors = [str(e) for e in read_chronology(data_root)[1]]
    assert errors == [
        f"{EVENTS}/2019-07-05-nato-russia-council-inf-talks.yml:2: title: the same event as "
        f"{EVENTS}/2019-07-05-nato-russia-council-fails-to-save-inf-treaty-again.yml (the same day and mostly the "
        "same title); keep one entry and add the other's sources to it, or make the titles say what differs"
    ]
