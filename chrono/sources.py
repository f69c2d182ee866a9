"""Read the articles in `seeds/` and their publication facts from `seeds/sources.yml`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .errors import EntryError
from .model import Article

SOURCES_FILE = "sources.yml"
MAX_ARTICLE_BYTES = 2_000_000
"""Larger files are refused: no news article is that long, and reading one would stall a build."""


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip() or None


def read_source_facts(seeds_dir: Path, root: Path) -> tuple[dict[str, dict[str, str | None]], list[EntryError]]:
    """Publication facts per article file name; any fact may be missing."""
    path = seeds_dir / SOURCES_FILE
    rel = _relative(path, root)
    if not path.exists():
        return {}, []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        return {}, [EntryError(rel, None, "", f"not UTF-8 text ({error.reason} at byte {error.start})")]
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        return {}, [EntryError(rel, line, "", f"YAML syntax error: {error.problem}")]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [EntryError(rel, 1, "", "expected a mapping from article file name to its facts")]
    facts: dict[str, dict[str, str | None]] = {}
    errors: list[EntryError] = []
    for name, entry in data.items():
        if not isinstance(entry, dict):
            errors.append(EntryError(rel, None, str(name), "expected a mapping with url, publisher, published"))
            continue
        facts[str(name)] = {key: _as_text(entry.get(key)) for key in ("url", "publisher", "published", "note", "title")}
    return facts, errors


def decode_article(raw: bytes, rel: str) -> tuple[str | None, EntryError | None]:
    """Article bytes as text, or a one-line reason naming the file."""
    if not raw.strip():
        return None, EntryError(rel, None, "", "the article is empty")
    if len(raw) > MAX_ARTICLE_BYTES:
        return None, EntryError(rel, None, "", f"the article is too large ({len(raw):,} bytes; the limit is {MAX_ARTICLE_BYTES:,})")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, EntryError(rel, None, "", "starts with a UTF-16 byte-order mark but is not valid UTF-16")
    if b"\x00" in raw:
        return None, EntryError(rel, None, "", "looks like a binary file (it contains NUL bytes), not an article")
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, EntryError(
            rel, line, "", f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start}); "
            "convert it to UTF-8 (e.g. `iconv -f WINDOWS-1251 -t UTF-8`)"
        )


def load_articles(seeds_dir: Path, root: Path) -> tuple[dict[str, Article], list[EntryError]]:
    """Every `*.txt` article in `seeds/` with its facts; unreadable ones become errors."""
    facts, errors = read_source_facts(seeds_dir, root)
    articles: dict[str, Article] = {}
    if not seeds_dir.is_dir():
        return articles, errors
    for path in sorted(seeds_dir.glob("*.txt")):
        text, error = decode_article(path.read_bytes(), _relative(path, root))
        if error:
            errors.append(error)
            continue
        assert text is not None
        articles[path.name] = build_article(path.name, text, facts.get(path.name, {}))
    return articles, errors


def build_article(name: str, text: str, facts: dict[str, str | None]) -> Article:
    return Article(
        file=name,
        text=text,
        url=facts.get("url"),
        publisher=facts.get("publisher"),
        published=facts.get("published"),
        note=facts.get("note"),
        title=facts.get("title") or _first_line(text),
    )


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
