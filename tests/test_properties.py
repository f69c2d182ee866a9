"""Robustness, as tests: bad input never gives a traceback, ids and file names are checked,
and an interrupted write never leaves a half-written file.

Property tests run with hypothesis on real files: a copy of the fixture project made once per
module, one event file rewritten per example.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from chrono import entries
from chrono.dates import DATE_PHRASE, WEEKDAYS, resolve_phrase
from chrono.entries import read_chronology, write_text_atomic
from chrono.errors import EntryError
from chrono.model import Article, PartialDate

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
PROBE = "chronology/events/2001-01-01-probe.yml"

# Bounded so the suite stays quick on two cores; no example database litters the checkout.
BOUNDED = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@pytest.fixture(scope="module")
def shared_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One valid project for every example of a property; each example rewrites PROBE only."""
    root = tmp_path_factory.mktemp("properties")
    shutil.copytree(FIXTURES / "chronology", root / "chronology")
    shutil.copytree(FIXTURES / "seeds", root / "seeds")
    assert read_chronology(root)[1] == []
    yield root


def check_probe(root: Path, content: bytes) -> list[EntryError]:
    """Write PROBE, validate everything; every error must be located at PROBE."""
    probe = root / PROBE
    probe.write_bytes(content)
    try:
        chronology, errors = read_chronology(root)
    finally:
        probe.unlink()
    line_count = content.replace(b"\r\n", b"\n").replace(b"\r", b"\n").count(b"\n") + 1
    for error in errors:
        assert error.path == PROBE, str(error)
        assert error.line is None or (isinstance(error.line, int) and 1 <= error.line <= line_count + 1), str(error)
        assert isinstance(error.field, str) and error.message.strip(), repr(error)
        assert "Traceback" not in error.message
    if not errors:
        assert "2001-01-01-probe" in {event.id for event in chronology.events}
    return errors


# ------------------------------------------------------------------ (a) any YAML text

VALID_EVENT: dict[str, Any] = {
    "id": "2001-01-01-probe",
    "title": "A probe event",
    "date": "2001-01-01",
    "end_date": "2001-01-03",
    "approximate": False,
    "date_basis": {"phrase": "on Monday", "anchor": "2001-01-02", "rule": "latest Monday"},
    "place": "brussels",
    "summary": "Something happened, said clearly enough for a curated entry: who did what, where and why.",
    "annotation": "Why it *matters*.",
    "people": [{"id": "jens-stoltenberg", "role": "NATO Secretary General"}],
    "organizations": ["nato"],
    "treaties": ["inf-treaty"],
    "tags": ["arms-control"],
    "quotes": [{"speaker": "jens-stoltenberg", "text": "Words.", "source": {"url": "https://www.nato.int/probe"}}],
    "statements_missing": [{"side": "russia", "note": "No Russian statement found (test data)."}],
    "sources": [{"article": "002_5b8a1d404cf63abd.txt", "url": "https://www.nato.int/probe", "publisher": "P", "published": "2001-01-02", "title": "T"}],
    "related": ["2019-08-02-inf-treaty-ends"],
    "provenance": "curated",
    "status": "draft",
    "review": ["check the date"],
    "checksums": {"title": "abc123"},
}

# Values of every YAML type, near-valid ones included, to put where a field's value goes.
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["", " ", "2001", "2001-02", "2001-02-29", "2001-13-01", "0000-00-00", "../x", "/etc/passwd",
                     "Upper Case", "nato", "brussels", "jens-stoltenberg", "2019-08-02-inf-treaty-ends",
                     "2001-01-01-probe", "draft", "reviewed", "curated", "extracted", "https://x.org", "<script>"]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(sorted(VALID_EVENT) + ["id", "phrase", "speaker", "text", "article", "published", "role"]), st.text(max_size=8)), children, max_size=4),
    ),
    max_leaves=12,
)


@st.composite
def near_valid_events(draw: st.DrawFn) -> dict[str, Any]:
    """A valid event with a few fields removed, replaced by any value, or added."""
    event = {key: value for key, value in VALID_EVENT.items()}
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        action = draw(st.sampled_from(["drop", "replace", "add", "nest"]))
        key = draw(st.sampled_from(sorted(VALID_EVENT)))
        if action == "drop":
            event.pop(key, None)
        elif action == "replace":
            event[key] = draw(values)
        elif action == "add":
            event[draw(st.text(min_size=1, max_size=10))] = draw(values)
        elif isinstance(event.get(key), list) and event[key]:
            # Replace one item of a list: a mapping where text is needed, a list in a list...
            items = list(event[key])
            items[draw(st.integers(0, len(items) - 1))] = draw(values)
            event[key] = items
        elif isinstance(event.get(key), dict):
            inner = dict(event[key])
            inner[draw(st.sampled_from(sorted(inner) + ["extra"]))] = draw(values)
            event[key] = inner
    return event


def dump_any(data: Any, flow: bool) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=flow).encode("utf-8")


@BOUNDED
@given(event=near_valid_events(), flow=st.booleans())
def test_near_valid_event_mappings_give_a_model_or_located_errors(shared_root: Path, event: dict[str, Any], flow: bool) -> None:
    check_probe(shared_root, dump_any(event, flow))


@BOUNDED
@given(data=values)
def test_any_yaml_value_as_an_event_file_gives_located_errors(shared_root: Path, data: Any) -> None:
    errors = check_probe(shared_root, dump_any(data, False))
    assert errors, "only a mapping with every required field can be valid"


@BOUNDED
@given(text=st.text(max_size=300))
def test_any_text_as_an_event_file_gives_located_errors(shared_root: Path, text: str) -> None:
    check_probe(shared_root, text.encode("utf-8", "surrogatepass"))


# YAML-shaped text: lines of keys, indents, list dashes and values glued at random, so the
# parser's error paths (bad indents, unclosed flows, tabs, tags, anchors) are reached often.
yaml_pieces = st.sampled_from(
    ["id: ", "title: ", "date: ", "people:", "  - id: ", "    role: ", "sources:", "- ", "  ", "\t", "'", '"', "[", "]",
     "{", "}", ": ", ",", "&a ", "*a", "!!python/object ", "!!binary ", "? ", "---", "...", "#", "|", ">", "%YAML 1.2",
     "2001-01-01", "jens-stoltenberg", "\n", "\n", "\n", "\ufeff", "\x00", "\r\n", "ü", "Ж"]
)


@BOUNDED
@given(pieces=st.lists(yaml_pieces, max_size=60))
def test_yaml_shaped_text_gives_located_errors(shared_root: Path, pieces: list[str]) -> None:
    check_probe(shared_root, "".join(pieces).encode("utf-8", "surrogatepass"))


@BOUNDED
@given(raw=st.binary(max_size=200))
def test_any_bytes_as_an_event_file_give_located_errors(shared_root: Path, raw: bytes) -> None:
    check_probe(shared_root, raw)


ENTITY_KINDS = ("people", "organizations", "treaties", "places", "tags", "eras")
entity_keys = st.one_of(
    st.sampled_from(["nato", "a.b", "a[0]", "x.y[1].z", "Upper", "../x", "", "1", "jens-stoltenberg", "arms-control"]),
    st.text(max_size=10),
    st.integers(-3, 3),
    st.none(),
    st.booleans(),
)
entity_entries = st.one_of(
    values,
    st.fixed_dictionaries(
        {"name": values},
        optional={field: values for field in ("aliases", "roles", "from", "to", "signed", "ended", "latitude", "parties", "description", "wikidata", "url")},
    ),
)


@BOUNDED
@given(kind=st.sampled_from(ENTITY_KINDS), extra=st.dictionaries(entity_keys, entity_entries, max_size=4))
def test_any_entries_added_to_an_entity_file_give_located_errors(shared_root: Path, kind: str, extra: dict[Any, Any]) -> None:
    """The fixture's entries plus any others: errors only in that file, never a traceback."""
    path = shared_root / "chronology" / f"{kind}.yml"
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\n" + dump_any(extra, False) if extra else original)
        errors = read_chronology(shared_root)[1]
    finally:
        path.write_bytes(original)
    rel = f"chronology/{kind}.yml"
    # A broken entity can make an event's reference to it unknown; nothing else may fail.
    assert all(error.path == rel or error.path.startswith("chronology/events/") for error in errors), errors
    assert all(error.line is None or error.line >= 1 for error in errors)


def test_the_valid_probe_is_valid(shared_root: Path) -> None:
    assert check_probe(shared_root, dump_any(VALID_EVENT, False)) == []


# ------------------------------------------------------------------ (b) ids and file names

ID_HINT = "use lower-case letters, digits and single hyphens, e.g. 'jens-stoltenberg'"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "chronology", tmp_path / "chronology")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    return tmp_path


def _errors(root: Path) -> list[str]:
    return [str(error) for error in read_chronology(root)[1]]


def _valid_event_text(event_id: str) -> str:
    return yaml.safe_dump({**VALID_EVENT, "id": event_id}, sort_keys=False)


@pytest.mark.parametrize(
    "name",
    ["2001-01-01-Upper-Case.yml", "2001-01-01 with space.yml", "2001-01-01-double--hyphen.yml", "-2001.yml",
     "2001-01-01-x_y.yml", "2001-01-01-é.yml"],
)
def test_bad_event_file_names_are_rejected_by_name(root: Path, name: str) -> None:
    (root / "chronology/events" / name).write_text(_valid_event_text(Path(name).stem), encoding="utf-8")
    assert _errors(root) == [f"chronology/events/{name}: file name {name!r} is not a valid id: {ID_HINT}"]


@pytest.mark.parametrize("name", ["2001-01-01-probe.YML", "2001-01-01-probe.Yml", "2001-01-01-probe.yaml", "2001-01-01-probe.YAML"])
def test_event_files_with_another_extension_are_not_silently_skipped(root: Path, name: str) -> None:
    (root / "chronology/events" / name).write_text(_valid_event_text("2001-01-01-probe"), encoding="utf-8")
    assert _errors(root) == [f"chronology/events/{name}: event files end in .yml; rename it"]


def test_event_files_in_a_subfolder_are_not_silently_skipped(root: Path) -> None:
    (root / "chronology/events/2001").mkdir()
    (root / "chronology/events/2001/2001-01-01-probe.yml").write_text(_valid_event_text("2001-01-01-probe"), encoding="utf-8")
    assert _errors(root) == [
        "chronology/events/2001: folders inside chronology/events/ are not read; move its event files up into chronology/events/"
    ]


def test_hidden_and_temporary_files_are_ignored(root: Path) -> None:
    # A write interrupted by a kill can leave its temporary file (".<name>.<random>.tmp").
    (root / "chronology/events/.2019-08-02-inf-treaty-ends.yml.k2j3h4.tmp").write_text("half a fi")
    (root / "chronology/events/.DS_Store").write_bytes(b"\x00\x01")
    assert _errors(root) == []


@pytest.mark.parametrize("bad_id", ["../x", "/etc/passwd", "Upper", "with space", "x/y", "x.y", "-x", "x-"])
def test_event_id_field_must_be_a_valid_id(root: Path, bad_id: str) -> None:
    (root / PROBE).write_text(_valid_event_text(bad_id), encoding="utf-8")
    errors = _errors(root)
    assert f"{PROBE}:1: id: {bad_id!r} is not a valid id: {ID_HINT}" in errors
    assert all(error.startswith(PROBE) for error in errors)


@pytest.mark.parametrize("bad_id", ["../x", "/etc/passwd", "Upper", "with space", "x/y"])
@pytest.mark.parametrize("kind", ["people", "organizations", "treaties", "places", "tags", "eras"])
def test_entity_ids_must_be_valid(root: Path, kind: str, bad_id: str) -> None:
    path = root / "chronology" / f"{kind}.yml"
    entry = {"name": "X", "from": "2001", "to": "2002"} if kind == "eras" else {"name": "X"}
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(yaml.safe_dump({bad_id: entry}))
    errors = _errors(root)
    assert len(errors) == 1
    assert errors[0].startswith(f"chronology/{kind}.yml:")
    assert errors[0].endswith(f": {bad_id}: {bad_id!r} is not a valid id: {ID_HINT}")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("place", "../x", "place: '../x' is not a valid id: " + ID_HINT),
        ("related", ["/etc/passwd"], "related[0]: '/etc/passwd' is not a valid id: " + ID_HINT),
        ("people", [{"id": "../../x"}], "people[0].id: '../../x' is not a valid id: " + ID_HINT),
        ("sources", [{"article": "../chronology/people.yml", "url": "https://www.nato.int/probe"}],
         "sources[0].article: '../chronology/people.yml' is a path; give the file name of an article in seeds/"),
        ("sources", [{"article": "/etc/passwd", "url": "https://www.nato.int/probe"}],
         "sources[0].article: '/etc/passwd' is a path; give the file name of an article in seeds/"),
    ],
)
def test_references_written_as_paths_are_rejected(root: Path, field: str, value: Any, expected: str) -> None:
    (root / PROBE).write_text(yaml.safe_dump({**VALID_EVENT, field: value}, sort_keys=False), encoding="utf-8")
    errors = _errors(root)
    assert len(errors) == 1 and errors[0].startswith(f"{PROBE}:") and errors[0].endswith(expected), errors


def test_duplicate_ids_across_and_within_files(root: Path) -> None:
    with open(root / "chronology/people.yml", "a", encoding="utf-8") as handle:
        handle.write("nato:\n  name: Not the alliance\n  description: A person.\n  aliases: [N]\n  roles: [{title: T, sources: [{url: 'https://example.org/t'}]}]\n"
                     "  wikidata_note: 'not verified: test data'\n")
    with open(root / "chronology/tags.yml", "a", encoding="utf-8") as handle:
        handle.write("arms-control:\n  name: Twice\n")
    (root / "chronology/events/2019-08-02-inf-treaty-ends.yaml").write_text(_valid_event_text("2019-08-02-inf-treaty-ends"))
    assert _errors(root) == [
        "chronology/events/2019-08-02-inf-treaty-ends.yaml: event files end in .yml; rename it",
        "chronology/organizations.yml:1: nato: 'nato' is also a person id in people.yml; ids of people and organizations must differ",
        "chronology/tags.yml:5: arms-control: duplicate key (first given on line 1); keep one",
    ]


# ------------------------------------------------------------------ (c) atomic writes

OLD = "old: " + "o" * 5000 + "\n"
NEW = "new: " + "n" * 5000 + "\n"


class Interrupted(BaseException):
    """Stands for a crash or Ctrl-C at one step of a write (BaseException, like KeyboardInterrupt)."""


def _fail(*args: Any, **kwargs: Any) -> None:
    raise Interrupted


class _HalfWriter:
    """A file object that writes half of what it is given, then fails, as a full disk does."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(text[: len(text) // 2])
        self._stream.flush()
        raise OSError(28, "No space left on device")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __enter__(self) -> _HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._stream.close()


def _half_writing_fdopen(*args: Any, **kwargs: Any) -> _HalfWriter:
    return _HalfWriter(_real_fdopen(*args, **kwargs))


_real_fdopen = os.fdopen


@pytest.mark.parametrize(
    ("target", "replacement"),
    [
        ("tempfile.mkstemp", _fail),
        ("os.fdopen", _fail),
        ("os.fdopen", _half_writing_fdopen),
        ("os.fsync", _fail),
        ("os.replace", _fail),
    ],
)
@pytest.mark.parametrize("existing", [True, False])
def test_interrupted_write_leaves_old_file_whole_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, replacement: Any, existing: bool
) -> None:
    path = tmp_path / "events" / "x.yml"
    if existing:
        write_text_atomic(path, OLD)
    module_name, attribute = target.split(".")
    monkeypatch.setattr({"os": entries.os, "tempfile": entries.tempfile}[module_name], attribute, replacement)
    with pytest.raises((Interrupted, OSError)):
        write_text_atomic(path, NEW)
    monkeypatch.undo()
    if existing:
        assert path.read_text() == OLD
        assert sorted(p.name for p in path.parent.iterdir()) == ["x.yml"]
    else:
        assert not path.exists()
        assert list(path.parent.iterdir()) == [] if path.parent.exists() else True
    write_text_atomic(path, NEW)
    assert path.read_text() == NEW


def test_write_keeps_the_file_mode(tmp_path: Path) -> None:
    """mkstemp makes 0600 files; a rewritten entry must stay readable as before."""
    path = tmp_path / "x.yml"
    path.write_text(OLD)
    path.chmod(0o644)
    write_text_atomic(path, NEW)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    fresh = tmp_path / "fresh.yml"
    write_text_atomic(fresh, NEW)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


WRITER = """
import sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from chrono.entries import write_text_atomic
path = Path({path!r})
texts = ["a: " + "A" * 400_000 + "\\n", "b: " + "B" * 300_000 + "\\n"]
print("ready", flush=True)
i = 0
while True:
    write_text_atomic(path, texts[i % 2])
    i += 1
"""


def test_a_killed_writer_leaves_old_or_new_whole(tmp_path: Path) -> None:
    """SIGKILL at random points of a writer rewriting one file in a loop: never a torn file."""
    path = tmp_path / "chronology" / "events" / "x.yml"
    a, b = "a: " + "A" * 400_000 + "\n", "b: " + "B" * 300_000 + "\n"
    write_text_atomic(path, a)
    script = WRITER.format(repo=str(REPO), path=str(path))
    for attempt in range(12):
        writer = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
        try:
            assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
            time.sleep(0.02 + 0.013 * attempt)
        finally:
            writer.send_signal(signal.SIGKILL)
            writer.wait(timeout=10)
            if writer.stdout is not None:
                writer.stdout.close()
        assert path.read_text() in (a, b)
    # What a kill can leave is a hidden temporary file, which nothing reads as an entry.
    leftovers = [p.name for p in path.parent.iterdir() if p.name != "x.yml"]
    assert all(name.startswith(".x.yml.") and name.endswith(".tmp") for name in leftovers)
    assert leftovers, "no kill landed inside a write, so the test proved nothing; kill sooner"
    assert not any(".tmp" in error.path for error in read_chronology(tmp_path)[1])


def test_temporary_file_is_in_the_same_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """os.replace is atomic only within one file system, so the temporary must sit beside the target."""
    seen: list[str] = []
    real = tempfile.mkstemp

    def spy(*args: Any, **kwargs: Any) -> tuple[int, str]:
        handle, name = real(*args, **kwargs)
        seen.append(name)
        return handle, name

    monkeypatch.setattr(entries.tempfile, "mkstemp", spy)
    write_text_atomic(tmp_path / "d" / "x.yml", NEW)
    assert len(seen) == 1 and Path(seen[0]).parent == tmp_path / "d"


# ------------------------------------------------------------------ (d) dates and the extractor

WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
anchors = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


def resolve_in_sentence(sentence: str, anchor: dt.date, tense: str | None = None) -> list[Any]:
    """Every date phrase the extractor's pattern finds in a sentence, resolved against anchor."""
    resolved = []
    for match in DATE_PHRASE.finditer(sentence):
        kind = next(name for name, value in match.groupdict().items() if value)
        resolved.append(resolve_phrase(kind, match[0], PartialDate.from_date(anchor), tense=tense))
    return resolved


@BOUNDED
@given(anchor=anchors, weekday=st.sampled_from(WEEKDAY_NAMES), prefix=st.sampled_from(["on ", "last ", "", "On ", "early "]),
       part=st.sampled_from(["", " morning", " night"]))
def test_past_weekday_is_on_or_before_the_anchor_and_is_that_weekday(anchor: dt.date, weekday: str, prefix: str, part: str) -> None:
    sentence = f"The ministers met {prefix}{weekday}{part} in Brussels."
    (result,) = resolve_in_sentence(sentence, anchor, tense="past")
    day = result.date.first_day()
    assert result.date.precision == "day"
    assert day <= anchor and (anchor - day).days < 7
    assert day.weekday() == WEEKDAYS[weekday.lower()] == WEEKDAY_NAMES.index(weekday)
    assert result.review is None and weekday in result.rule


@BOUNDED
@given(anchor=anchors, weekday=st.sampled_from(WEEKDAY_NAMES))
def test_next_weekday_is_after_the_anchor_and_is_that_weekday(anchor: dt.date, weekday: str) -> None:
    (result,) = resolve_in_sentence(f"They will meet next {weekday}.", anchor, tense="future")
    day = result.date.first_day()
    assert anchor < day and (day - anchor).days <= 7
    assert day.weekday() == WEEKDAY_NAMES.index(weekday)


@BOUNDED
@given(anchor=anchors, word=st.sampled_from(["yesterday", "today", "last night", "tonight", "this morning"]))
def test_day_words_are_the_anchor_or_the_day_before(anchor: dt.date, word: str) -> None:
    (result,) = resolve_in_sentence(f"The talks ended {word}.", anchor, tense="past")
    expected = anchor - dt.timedelta(days=1 if word in ("yesterday", "last night") else 0)
    assert result.date == PartialDate.from_date(expected)


@BOUNDED
@given(anchor=anchors, day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)),
       style=st.sampled_from(["{month} {day}", "{day} {month}", "{month} {day}th", "{abbr} {day}"]))
def test_past_month_and_day_is_the_latest_on_or_before_the_anchor_unless_ten_months_back(
    anchor: dt.date, day: dt.date, style: str
) -> None:
    """News gives an older day its year: a past verb before a day-month whose last occurrence
    is more than 300 days back means the coming one (weeks ahead, in reported speech)."""
    month = f"{day:%B}"
    # News style shortens only these months ("Aug. 2"); March to July are written out.
    abbr = f"{day:%b}." if day.month in (1, 2, 8, 9, 10, 11, 12) else month
    phrase = style.format(month=month, abbr=abbr, day=day.day)
    results = [r for r in resolve_in_sentence(f"The treaty was signed on {phrase}.", anchor, tense="past") if r]
    if day.month == 2 and day.day == 29:
        # The 29th of February exists only in leap years; none near the anchor may have one.
        return
    assert len(results) == 1, phrase
    result = results[0].date
    assert (result.month, result.day) == (day.month, day.day), phrase
    if result.first_day() <= anchor:
        assert (anchor - result.first_day()).days <= 300, phrase
    else:
        assert (result.first_day() - anchor).days < 66, phrase


@BOUNDED
@given(anchor=anchors, month=st.integers(1, 12))
def test_in_month_is_the_latest_such_month_on_or_before_the_anchor(anchor: dt.date, month: int) -> None:
    name = dt.date(2000, month, 1).strftime("%B")
    (result,) = resolve_in_sentence(f"Russia suspended the treaty in {name}.", anchor, tense="past")
    assert result.date.month == month and result.date.precision == "month"
    assert result.date.first_day() <= anchor and (anchor - result.date.first_day()).days < 366


@BOUNDED
@given(anchor=anchors, kind=st.sampled_from(["last week", "earlier this week", "last month", "last year", "this year"]))
def test_past_periods_end_on_or_before_the_anchor(anchor: dt.date, kind: str) -> None:
    (result,) = resolve_in_sentence(f"Officials met {kind}.", anchor, tense="past")
    assert result.date.first_day() <= anchor
    end = result.end_date or result.date
    if kind.startswith("last "):
        # The whole period lies before the anchor's week, month or year.
        assert end.last_day() < anchor
    else:
        assert end.first_day() <= anchor


@BOUNDED
@given(anchor=anchors, weekday=st.sampled_from(WEEKDAY_NAMES), precision=st.sampled_from(["year", "month"]))
def test_a_weekday_against_an_imprecise_anchor_asks_for_review(anchor: dt.date, weekday: str, precision: str) -> None:
    imprecise = PartialDate(anchor.year, anchor.month if precision == "month" else None)
    match = next(DATE_PHRASE.finditer(f"They met on {weekday}."))
    result = resolve_phrase("weekday", match[0], imprecise, tense="past")
    assert result is not None and result.review and result.date == imprecise


# Articles: prose-like text made of news words, names, dates and punctuation, and plain noise.
news_words = st.sampled_from(
    ["NATO", "Russia", "Moscow", "Brussels", "Stoltenberg", "Jens", "Secretary", "General", "said", "on", "Friday",
     "Tuesday", "yesterday", "last", "week", "May", "27,", "1997", "the", "INF", "Treaty", "talks", "signed", "will",
     "\"We", "see", "no", "breakthrough,\"", "he", "told", "reporters.", "(Reuters)", "-", "—", "MOSCOW,", "July",
     "5", "2019", "Council", "NATO-Russia", "Mr.", "Putin", "Lavrov", "Георгий", "Мамедов", "ü", "\n", "\n\n", ".",
     ",", ":", "'", "Feb.", "29", "30", "Feb", "2021", "next", "month", "in", "December"]
)
article_texts = st.one_of(
    st.text(max_size=400),
    st.lists(news_words, max_size=200).map(" ".join),
    st.lists(st.one_of(news_words, st.text(max_size=5)), max_size=120).map(" ".join),
)
published = st.one_of(st.none(), st.sampled_from(["2019-07-05", "2019-07", "2019", "1996-05-16"]),
                      anchors.map(lambda d: d.isoformat()))


@pytest.fixture(scope="module")
def catalog(shared_root: Path) -> Any:
    from chrono.entries import load_entities
    from chrono.extract import Catalog

    errors: list[EntryError] = []
    entities, _ = load_entities(shared_root / "chronology", shared_root, errors)
    assert errors == []
    return Catalog(entities["people"], entities["organizations"], entities["treaties"], entities["places"])


@BOUNDED
@given(text=article_texts, when=published, url=st.sampled_from([None, "https://example.org/2019/07/05/a-story"]))
def test_any_article_text_gives_an_event_or_a_one_line_reason(catalog: Any, text: str, when: str | None, url: str | None) -> None:
    """Whatever the text, extraction gives a schema-valid event or an ExtractionError with a
    message, never another exception."""
    import jsonschema

    from chrono.entries import event_to_data, load_schema
    from chrono.extract import ExtractionError, extract_article

    article = Article(file="900_probe.txt", text=text, url=url, publisher="Probe", published=when)
    try:
        extraction = extract_article(article, catalog)
    except ExtractionError as error:
        event("refused")
        message = str(error)
        assert message.strip() and "\n" not in message.strip()
        return
    event("extracted")
    schema = load_schema("event")
    for drawn in (extraction.event, *extraction.mentioned):
        problems = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(event_to_data(drawn))]
        assert problems == [], (drawn.id, problems)
        assert drawn.sources and drawn.sources[0].article == "900_probe.txt"
        if drawn.date_basis and drawn.date_basis.anchor and when and len(when) == 10 and "yesterday" in drawn.date_basis.phrase.lower():
            assert drawn.date.first_day() <= dt.date.fromisoformat(when)


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(
    st.binary(max_size=300),
    article_texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    article_texts.map(lambda t: t.encode("cp1251", "replace")),
    article_texts.map(lambda t: t.encode("utf-16")),
    article_texts.map(lambda t: t.encode("latin-1", "replace")),
))
@example(raw=b"Secretary\tAa\tAa\x01")  # a new person, appended as a stub to complete
def test_any_article_file_through_extract_gives_entries_or_a_located_message(tmp_path_factory: pytest.TempPathFactory, raw: bytes) -> None:
    """The whole `extract` run on one article file of any bytes and encoding."""
    from chrono.update import run_extraction

    root = tmp_path_factory.mktemp("extract")
    shutil.copytree(FIXTURES / "chronology", root / "chronology")
    shutil.copytree(FIXTURES / "seeds", root / "seeds")
    (root / "seeds" / "900_probe.txt").write_bytes(raw)
    with open(root / "seeds" / "sources.yml", "a", encoding="utf-8") as facts:
        facts.write("900_probe.txt:\n  publisher: Probe\n  published: '2019-07-05'\n")
    report = run_extraction(root, ["900_probe.txt"])
    event("refused" if report.errors else "extracted")
    for error in report.errors:
        assert error.path == "seeds/900_probe.txt" and error.message.strip(), str(error)
    if not report.errors:
        chronology, errors = read_chronology(root)
        # The stubs extract appends (a new person, treaty...) are for a person to complete:
        # validate says what each lacks. Nothing else may be wrong.
        unfinished_stub = {
            f"chronology/{kind}.yml": set(getattr(chronology, kind)) - set(yaml.safe_load((FIXTURES / "chronology" / f"{kind}.yml").read_text(encoding="utf-8")))
            for kind in ("people", "organizations", "treaties", "places")
        }
        assert [str(e) for e in errors if e.field.split(".")[0] not in unfinished_stub.get(e.path, set())] == []
        assert any(s.article == "900_probe.txt" for e in chronology.events for s in e.sources)
    shutil.rmtree(root)
