"""Shared fixtures: a small, valid project copied into tmp_path, built with the real MkDocs."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def copy_project(target: Path, *, data: Path = FIXTURES) -> Path:
    """The site's configuration and hand-written pages, with the fixture chronology and seeds."""
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copy(REPO / "mkdocs_hooks.py", target / "mkdocs_hooks.py")
    shutil.copytree(REPO / "docs", target / "docs")
    shutil.copytree(data / "chronology", target / "chronology")
    shutil.copytree(data / "seeds", target / "seeds")
    for extra in ("overrides",):
        if (REPO / extra).is_dir():
            shutil.copytree(REPO / extra, target / extra)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small valid project in tmp_path."""
    return copy_project(tmp_path)


@pytest.fixture
def data_root(tmp_path: Path) -> Path:
    """Only chronology/ and seeds/ of the fixture, for validator and CLI tests."""
    shutil.copytree(FIXTURES / "chronology", tmp_path / "chronology")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    return tmp_path
