"""The CI workflows and the pre-commit hook: well-formed, and running commands that exist."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from build_chronology import build_parser

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def run_lines(workflow: dict[Any, Any]) -> list[str]:
    return [line.strip() for job in workflow["jobs"].values() for step in job["steps"]
            for line in str(step.get("run", "")).splitlines() if line.strip()]


def test_ci_runs_on_pull_requests_and_checks_everything() -> None:
    ci = load(WORKFLOWS / "ci.yml")
    # PyYAML reads the key `on` as true (YAML 1.1); GitHub reads it as the word.
    assert {"pull_request", "push"} <= set(ci[True])
    lines = run_lines(ci)
    for command in (".venv/bin/python build_chronology.py validate --format github", ".venv/bin/mkdocs build --strict", "make test",
                    ".venv/bin/python build_chronology.py schema-docs --check", "apt-get install -y -qq chromium"):
        assert command in lines, command
    assert ci["permissions"] == {"contents": "read"}


def test_pages_deploys_only_from_main_with_the_least_permissions() -> None:
    pages = load(WORKFLOWS / "pages.yml")
    assert pages[True]["push"]["branches"] == ["main"]
    assert pages["permissions"] == {"contents": "read"}
    build, deploy = pages["jobs"]["build"], pages["jobs"]["deploy"]
    assert "permissions" not in build
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    uses = [step.get("uses", "") for job in pages["jobs"].values() for step in job["steps"]]
    assert {"actions/checkout@v4", "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4"} <= set(uses)
    assert "make site" in run_lines(pages)


def test_make_targets_and_subcommands_used_by_ci_exist() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([\w./$()-]+):", makefile, re.MULTILINE))
    assert {"site", "test", "$(STAMP)"} <= targets
    assert re.search(r"^STAMP := \$\(VENV\)/\.installed$", makefile, re.MULTILINE) and "VENV := .venv" in makefile
    # The command lines CI and the docs use parse (an unknown one would exit with usage).
    for argv in (["validate"], ["validate", "--quiet"], ["validate", "--format", "github"], ["schema-docs", "--check"], ["schema-docs", "--write"],
                 ["new", "--date", "2008-08-19", "--title", "x"]):
        assert build_parser().parse_args(argv).command == argv[0]


def hook() -> dict[str, Any]:
    config = load(REPO / ".pre-commit-config.yaml")
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    (found,) = repo["hooks"]
    return found  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("path", "runs"),
    [("chronology/events/2019-07-05-x.yml", True), ("chronology/people.yml", True), ("chronology/events/x.yaml", True),
     ("seeds/sources.yml", True), ("seeds/010_new.txt", True), ("docs/index.md", False), ("chrono/entries.py", False),
     ("README.md", False)],
)
def test_hook_runs_for_data_files_only(path: str, runs: bool) -> None:
    found = hook()
    assert found["pass_filenames"] is False and found["language"] == "system"
    assert bool(re.search(found["files"], path)) is runs


def test_hook_command_validates_and_fails_on_a_problem(data_root: Path) -> None:
    """The hook's own command line, run as pre-commit would, against a copy of the fixture data."""
    entry = hook()["entry"]
    env = {**os.environ, "CHRONOLOGY_ROOT": str(data_root)}
    ok = subprocess.run(entry, shell=True, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "", "")
    event = data_root / "chronology/events/2019-08-02-inf-treaty-ends.yml"
    event.write_text(event.read_text(encoding="utf-8").replace("status: reviewed", "status: done"), encoding="utf-8")
    bad = subprocess.run(entry, shell=True, cwd=REPO, env=env, capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert "chronology/events/2019-08-02-inf-treaty-ends.yml:" in bad.stderr and "status: expected one of" in bad.stderr
