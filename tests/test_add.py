"""`build_chronology.py add URL|FILE.html` on copies of the repository's data in tmp_path, with
pages served by a real HTTP server on 127.0.0.1 (tests/pageserver.py). The fixture pages are
fiction: their quotes reach only the copies, never chronology/ or the site."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pageserver import NEWSPAPER, PAGES, RUSSIAN, WIRE, serve_pages, stay_on_this_machine

import chrono.add
from build_chronology import main
from chrono.errors import EntryError
from chrono.update import RunReport, hold_extract_lock

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
WIRE_TITLE = "Russia and NATO envoys agree to resume military hotline talks"


def _snapshot(root: Path) -> dict[str, bytes]:
    """Every file under seeds/ and chronology/, byte for byte."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for folder in ("seeds", "chronology")
        for path in sorted((root / folder).rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module", autouse=True)
def _repository_untouched() -> Iterator[None]:
    before = hashlib.sha256(repr(_snapshot(REPO)).encode()).hexdigest()
    yield
    assert hashlib.sha256(repr(_snapshot(REPO)).encode()).hexdigest() == before


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve_pages() as base:
        yield base


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    stay_on_this_machine(monkeypatch)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the test fixture's seeds/ and chronology/: the tests never depend on the
    repository's own data, to which contributors add articles and events."""
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    shutil.copytree(FIXTURES / "chronology", tmp_path / "chronology")
    return tmp_path


def next_seed_number(root: Path) -> str:
    """The number `add` gives the next article: one after the highest in seeds/."""
    numbers = [int(p.name.split("_", 1)[0]) for p in (root / "seeds").glob("[0-9]*_*.txt")]
    return f"{max(numbers, default=-1) + 1:03d}"


def newest_seed(root: Path) -> str:
    """The file name of the highest-numbered article in seeds/, the one `add` wrote last."""
    return max((p.name for p in (root / "seeds").glob("[0-9]*_*.txt")), key=lambda n: int(n.split("_", 1)[0]))


def _add(root: Path, *args: str) -> int:
    return main(["--root", str(root), "add", *args])


def test_add_url(root: Path, server: str, capsys: pytest.CaptureFixture[str]) -> None:
    old_sources = (root / "seeds/sources.yml").read_bytes()
    number = next_seed_number(root)
    assert _add(root, server + WIRE) == 0
    out, err = capsys.readouterr()
    name = number + "_" + hashlib.sha256((server + WIRE).encode()).hexdigest()[:16] + ".txt"
    lines = out.splitlines()
    assert lines[:2] == [
        f"write seeds/{name}: {WIRE_TITLE} (Northgate Wire, 2019-07-05)",
        f"append {name} to seeds/sources.yml",
    ]
    # The story reports the event of 5 July 2019 the chronology already holds, drawn from
    # another article: no second entry; the new article becomes one of its sources.
    talks = "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml"
    assert lines[2:] == [f"update {talks} (sources)"]
    entry = yaml.safe_load((root / talks).read_text(encoding="utf-8"))
    assert [s.get("article") for s in entry["sources"]] == ["002_5b8a1d404cf63abd.txt", name]
    assert err == ""
    seed = (root / "seeds" / name).read_bytes().decode("utf-8")
    assert seed.startswith(WIRE_TITLE + "\n\nBRUSSELS, July 5 (Northgate Wire) - ")
    new_sources = (root / "seeds/sources.yml").read_bytes()
    assert new_sources.startswith(old_sources)
    assert yaml.safe_load(new_sources[len(old_sources) :]) == {
        name: {
            "url": server + WIRE,
            "publisher": "Northgate Wire",
            "published": "2019-07-05",
            "title": WIRE_TITLE,
        }
    }
    assert main(["--root", str(root), "validate", "--quiet"]) == 0


def test_second_add_of_the_same_page_changes_nothing(
    root: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(root, server + WIRE) == 0
    name = newest_seed(root)
    before = _snapshot(root)
    capsys.readouterr()
    for again in (server + WIRE, server + WIRE + "?utm_source=feed#top", server + "/old-address"):
        assert _add(root, again) == 1
        out, err = capsys.readouterr()
        assert out == ""
        same = "" if again == server + WIRE else f", under the address {server + WIRE}"
        assert err == f"{again}: already added as seeds/{name} (see seeds/sources.yml{same})\n"
        assert _snapshot(root) == before


def test_redirect_records_the_final_address(
    root: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(root, server + "/old-address") == 0
    data = yaml.safe_load((root / "seeds/sources.yml").read_text(encoding="utf-8"))
    name = newest_seed(root)
    assert data[name]["url"] == server + WIRE
    before = _snapshot(root)
    capsys.readouterr()
    # The address it redirected to is the one already added: refused before any fetch.
    assert _add(root, server + WIRE) == 1
    assert (
        capsys.readouterr().err
        == f"{server + WIRE}: already added as seeds/{name} (see seeds/sources.yml)\n"
    )
    assert _snapshot(root) == before


def test_a_known_address_is_refused_without_fetching(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(root)
    # seeds/sources.yml has http://oldtmt.vedomosti.ru/...; this host does not resolve here,
    # so a fetch would fail with another message.
    known = "http://oldtmt.vedomosti.ru/sitemap/free/1996/5/article/russia-nato-threat-to-arms-pact/324341.html"
    address = "https://www.OldTMT.vedomosti.ru/sitemap/free/1996/5/article/russia-nato-threat-to-arms-pact/324341.html/#comments"
    assert _add(root, address) == 1
    assert capsys.readouterr().err == (
        f"{address}: already added as seeds/000_74f752eac3192a6d.txt "
        f"(see seeds/sources.yml, under the address {known})\n"
    )
    assert _snapshot(root) == before


@pytest.mark.parametrize(
    ("path", "options", "reason"),
    [
        ("/missing", [], "the server answered HTTP 404 Not Found"),
        ("/broken", [], "the server answered HTTP 500 Internal Server Error"),
        (
            "/report.pdf",
            [],
            "not a web page: it is application/pdf, and only HTML pages can be added",
        ),
        ("/photo.png", [], "not a web page: it is image/png, and only HTML pages can be added"),
        ("/sections/world", [], "no article text found on the page"),
        ("/slow", ["--timeout", "0.5"], "no answer within 0.5 seconds"),
        ("/oversize", [], None),
    ],
)
def test_bad_pages_get_one_line_and_write_nothing(
    root: Path,
    server: str,
    capsys: pytest.CaptureFixture[str],
    path: str,
    options: list[str],
    reason: str | None,
) -> None:
    before = _snapshot(root)
    assert _add(root, server + path, *options) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1
    if reason:
        assert err == f"{server}{path}: {reason}\n"
    else:
        assert err.startswith(f"{server}{path}: the page is too large (more than ")
        assert err.endswith("; the limit is 10,000,000)\n")
    assert _snapshot(root) == before


def test_unresolvable_host(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _snapshot(root)
    assert _add(root, "https://no-such-host.invalid/2019/07/05/story", "--timeout", "5") == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1
    assert err == (
        "https://no-such-host.invalid/2019/07/05/story: "
        "the host name 'no-such-host.invalid' does not resolve (Name or service not known)\n"
    )
    assert _snapshot(root) == before


def test_windows_1251_page_becomes_a_utf8_seed(
    root: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _add(root, server + RUSSIAN) == 0
    name = newest_seed(root)
    text = (root / "seeds" / name).read_bytes().decode("utf-8")
    assert text.startswith("Россия и НАТО договорились продолжить консультации\n\n")
    facts = yaml.safe_load((root / "seeds/sources.yml").read_text(encoding="utf-8"))[name]
    assert facts["publisher"] == "Северный вестник"
    # Extracted as Russian: "в пятницу" before the publication day, the Russian title kept
    # and marked for translation.
    [event] = [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in (root / "chronology/events").glob("2021-12-17-*.yml")
        if name in path.read_text(encoding="utf-8")
    ]
    assert event["title"] == "Россия и НАТО договорились продолжить консультации"
    assert event["date_basis"]["rule"] == "latest Friday on or before the publication date 2021-12-17"
    assert event["doubts"]["title"].endswith("in Russian, as the article writes it: write it in English")


def test_saved_page(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "saved.html"
    shutil.copy(PAGES / "newspaper.html", saved)
    number = next_seed_number(root)
    assert _add(root, str(saved)) == 0
    out, _ = capsys.readouterr()
    name = (
        number + "_"
        + hashlib.sha256(
            b"https://www.balticcourier.example/world/2008/08/19/nato-ministers-georgia"
        ).hexdigest()[:16]
        + ".txt"
    )
    assert out.splitlines()[0] == (
        f"write seeds/{name}: "
        "NATO foreign ministers meet on Georgia as Moscow warns of consequences "
        "(The Baltic Courier, 2008-08-19)"
    )
    facts = yaml.safe_load((root / "seeds/sources.yml").read_text(encoding="utf-8"))[name]
    assert (
        facts["url"] == "https://www.balticcourier.example/world/2008/08/19/nato-ministers-georgia"
    )
    before = _snapshot(root)
    # Saved twice: the same address. Saved with no address at all: the same text.
    assert _add(root, str(saved)) == 1
    assert "already added as seeds/" + name in capsys.readouterr().err
    (tmp_path / "bare.html").write_bytes(
        saved.read_bytes().replace(b'rel="canonical"', b'rel="x"').replace(b"og:url", b"og:x")
    )
    assert _add(root, str(tmp_path / "bare.html")) == 1
    assert (
        capsys.readouterr().err
        == f"{tmp_path / 'bare.html'}: its text is already in seeds/{name}\n"
    )
    assert _snapshot(root) == before


def test_saved_file_problems(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(root)
    (tmp_path / "report.html").write_bytes(b"%PDF-1.4\n...")
    (tmp_path / "empty.html").write_bytes(b"<html><body><nav>Home</nav></body></html>")
    cases = {
        str(
            tmp_path / "report.html"
        ): "not a web page: it is a PDF document, and only HTML pages can be added",
        str(tmp_path / "empty.html"): "no article text found on the page",
        str(
            tmp_path / "missing.html"
        ): "no such file, and not a web address (one starts with https://)",
        "www.example.com": "no such file, and not a web address (one starts with https://)",
        str(tmp_path): "is a directory; give one saved page (a .html file) or a web address",
    }
    for source, reason in cases.items():
        assert _add(root, source) == 1
        assert capsys.readouterr() == ("", f"{source}: {reason}\n")
    assert _snapshot(root) == before


def test_dry_run_writes_nothing(
    root: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(root)
    number = next_seed_number(root)
    assert _add(root, server + NEWSPAPER, "--dry-run") == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith(f"would write seeds/{number}_") and lines[1].startswith(
        f"would append {number}_"
    )
    assert (
        "would create chronology/events/2008-08-19-nato-foreign-ministers-meet-on-georgia.yml"
        in lines
    )
    assert err == ""
    assert _snapshot(root) == before


def test_failed_extraction_rolls_back_both_files(
    root: Path,
    server: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = _snapshot(root)

    def failing(root: Path, names: list[str], *, dry_run: bool = False) -> RunReport:
        assert (root / "seeds" / names[0]).is_file()  # written before the extractor runs
        report = RunReport(articles=1)
        report.errors.append(
            EntryError(f"seeds/{names[0]}", None, "", "the article is too deeply nested to read")
        )
        return report

    monkeypatch.setattr(chrono.add, "run_extraction", failing)
    assert _add(root, server + WIRE) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert lines[0].startswith(f"seeds/{next_seed_number(root)}_") and lines[0].endswith(
        ".txt: the article is too deeply nested to read"
    )
    assert (
        lines[1] == f"{server + WIRE}: the article could not be extracted (problems above); "
        "nothing was added"
    )
    assert _snapshot(root) == before


def test_help_lists_add(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["add", "--help"])
    out = capsys.readouterr().out
    assert "--timeout SECONDS" in out and "--dry-run" in out and "URL|FILE.html" in out


@pytest.mark.parametrize(
    "old",
    [
        "",
        "# comment\na.txt:\n  url: https://a.example/x\n",
        "a.txt:\n  url: https://a.example/x",  # no newline at the end
        "\ufeffa.txt:\r\n  url: https://a.example/x\r\n",  # BOM and Windows line ends
    ],
)
def test_append_keeps_every_old_byte(old: str) -> None:
    new = chrono.add.append_yaml(old, {"005_abc.txt": {"url": "https://b.example/y"}})
    assert new.startswith(old)
    assert yaml.safe_load(new.lstrip("\ufeff"))["005_abc.txt"] == {"url": "https://b.example/y"}
    if "\r\n" in old:
        assert "\n" not in new.replace("\r\n", "")


def test_lock_held_by_another_extract_adds_nothing(
    root: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _snapshot(root)
    with hold_extract_lock(root / "chronology"):
        assert _add(root, server + WIRE) == 1
    out, err = capsys.readouterr()
    assert (out, err) == (
        "",
        (
            f"{root / 'chronology'}: another extract is running (pid {os.getpid()}); "
            "wait for it to finish; nothing was added\n"
        ),
    )
    assert _snapshot(root) == before
