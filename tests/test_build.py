"""A real `mkdocs build` of the fixture project: generated pages, edit links, strictness."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

EVENT_ID = "2019-07-05-nato-russia-council-inf-talks"


def build_site(project: Path, strict: bool = True) -> Path:
    site = project / "site"
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=strict)
    build(config)
    return site


def test_build_generates_event_pages_and_home_list(project: Path) -> None:
    site = build_site(project)
    page = (site / "events" / EVENT_ID / "index.html").read_text(encoding="utf-8")
    assert "NATO-Russia Council fails to save the INF Treaty" in page
    assert "5 July 2019" in page
    home = (site / "index.html").read_text(encoding="utf-8")
    titles = re.findall(r'<a href="events/[^"]+/">([^<]+)</a>', home)
    assert titles[:3] == [
        "Russia warns against NATO expansion at the CFE review conference",
        "NATO-Russia Council fails to save the INF Treaty",
        "The INF Treaty ends",
    ]


def test_edit_link_opens_the_yaml_file(project: Path) -> None:
    site = build_site(project)
    page = (site / "events" / EVENT_ID / "index.html").read_text(encoding="utf-8")
    repo = re.search(r"^repo_url: (\S+)", (project / "mkdocs.yml").read_text(), re.M)[1]  # type: ignore[index]
    assert f'href="{repo}/edit/main/chronology/events/{EVENT_ID}.yml"' in page


def test_build_fails_with_the_validator_lines(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    event = project / "chronology/events" / f"{EVENT_ID}.yml"
    event.write_text(event.read_text().replace("- id: jens-stoltenberg", "- id: jens-stoltenbreg"))
    with pytest.raises(Abort, match="Aborted with a BuildError!"):
        build_site(project)
    assert caplog.messages[-1].splitlines() == [
        "the chronology has 1 problem(s):",
        f"chronology/events/{EVENT_ID}.yml:11: people[0].id: unknown person 'jens-stoltenbreg' (did you mean 'jens-stoltenberg'?)",
    ]


def test_cli_build_strict_exits_1_without_traceback(project: Path) -> None:
    (project / "chronology/places.yml").write_text("vienna: {name: Vienna}\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert f"chronology/events/{EVENT_ID}.yml:8: place: unknown place 'brussels'" in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_build_has_no_warnings(project: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(predicate, timeout: float = 60.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


@pytest.mark.parametrize("folder", ["chronology", "seeds"])
def test_serve_rebuilds_when_data_changes(project: Path, folder: str) -> None:
    """`mkdocs serve` with default options (as `make serve` runs it) rebuilds on data edits."""
    port = _free_port()
    log_path = project / "serve.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, stdout=log, stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}/events/{EVENT_ID}/"
        assert _wait_for(lambda: "fails to save the INF Treaty" in _fetch(url)), log_path.read_text()
        if folder == "chronology":
            event = project / "chronology/events" / f"{EVENT_ID}.yml"
            event.write_text(event.read_text().replace("fails to save the INF Treaty", "edited live title"))
            assert _wait_for(lambda: "edited live title" in _fetch(url)), log_path.read_text()
        else:
            builds = log_path.read_text().count("Building documentation")
            (project / "seeds/003_new.txt").write_text("A new article.\n")
            assert _wait_for(lambda: log_path.read_text().count("Building documentation") > builds), log_path.read_text()
    finally:
        server.terminate()
        server.wait(timeout=10)
