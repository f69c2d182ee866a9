"""The command line on real files in tmp_path: exact output and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_chronology import github_annotation, main
from chrono.errors import EntryError

REPO = Path(__file__).resolve().parent.parent


def test_validate_ok(data_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(data_root), "validate"]) == 0
    out, err = capsys.readouterr()
    assert out == "OK: 3 events, 2 people, 2 organizations, 2 treaties, 2 places, 2 articles.\n"
    assert err == ""


def test_validate_reports_every_error_and_exits_1(data_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    event = data_root / "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml"
    """A file with a bad date and two unknown references reports all three: the references of a
    file that fails its own checks are checked too."""
    text = event.read_text().replace("- id: jens-stoltenberg", "- id: jens-stoltenbreg").replace("date: '2019-07-05'", "date: '2019-02-30'")
    event.write_text(text.replace("place: brussels", "place: brussles"))
    (data_root / "chronology/tags.yml").write_text("arms-control: {name: Arms control}\nnato-russia-council: [oops]\n")
    assert main(["--root", str(data_root), "validate"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:3: date: '2019-02-30' is not a real date: February 2019 has 28 days",
        "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:8: place: unknown place 'brussles' (did you mean 'brussels'?)",
        "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:11: people[0].id: unknown person 'jens-stoltenbreg' (did you mean 'jens-stoltenberg'?)",
        "chronology/tags.yml:2: nato-russia-council: expected a mapping (key: value lines), got a list",
        "4 problems found.",
    ]


def test_validate_format_github_prints_workflow_commands(data_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One `::error` line per problem on stdout, escaped as GitHub's toolkit escapes: `%`, CR and
    LF in the message; also `:` and `,` in the properties."""
    event = data_root / "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml"
    event.write_text(event.read_text().replace("- id: jens-stoltenberg", "- id: jens-stoltenbreg"))
    (data_root / "chronology/tags.yml").write_text("arms-control: {name: Arms control}\nnato-russia-council: [oops]\n")
    (data_root / "chronology/events/bad, 100%.yml").write_text("id: x\n")
    assert main(["--root", str(data_root), "validate", "--format", "github"]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        (
            "::error file=chronology/events/2019-07-05-nato-russia-council-inf-talks.yml,line=11,"
            "title=validate%3A people[0].id::chronology/events/2019-07-05-nato-russia-council-inf-talks.yml:11: "
            "people[0].id: unknown person 'jens-stoltenbreg' (did you mean 'jens-stoltenberg'?)"
        ),
        (
            "::error file=chronology/events/bad%2C 100%25.yml,title=validate::chronology/events/bad, 100%25.yml: "
            "file name 'bad, 100%25.yml' is not a valid id: use lower-case letters, digits and single hyphens, "
            "e.g. 'jens-stoltenberg'"
        ),
        (
            "::error file=chronology/tags.yml,line=2,title=validate%3A nato-russia-council::chronology/tags.yml:2: "
            "nato-russia-council: expected a mapping (key: value lines), got a list"
        ),
    ]
    assert err == "3 problems found.\n"


def test_github_annotation_escapes_line_breaks() -> None:
    error = EntryError("a:b,c.yml", 3, "x", "first\r\nsecond 50%")
    assert github_annotation(error) == "::error file=a%3Ab%2Cc.yml,line=3,title=validate%3A x::a:b,c.yml:3: x: first%0D%0Asecond 50%25"


def test_validate_never_shows_a_traceback(data_root: Path) -> None:
    (data_root / "chronology/people.yml").write_bytes(b"\x00\x01\x02 binary \xff")
    (data_root / "chronology/events/2000-01-01-x.yml").write_text("- just\n- a list\n")
    result = subprocess.run(
        [sys.executable, str(REPO / "build_chronology.py"), "--root", str(data_root), "validate"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "chronology/people.yml:1: not UTF-8 text (byte 0xff); save the file as UTF-8" in result.stderr
    assert "chronology/events/2000-01-01-x.yml:1: expected a mapping of fields (id: ..., title: ...), got a list" in result.stderr


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--help"])
    assert caught.value.code == 0
    assert "validate" in capsys.readouterr().out
