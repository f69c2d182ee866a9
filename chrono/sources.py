"""Read the articles in `seeds/` and their publication facts from `seeds/sources.yml`."""

from __future__ import annotations

import datetime as dt
import re
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


LANGUAGES = ("en", "ru")
"""Languages an article may be declared in (`language:` in sources.yml); chrono/extract/lang/
holds each one's words."""


def read_source_facts(seeds_dir: Path, root: Path) -> tuple[dict[str, dict[str, str | None]], list[EntryError]]:
    """Publication facts per article file name; any fact may be missing."""
    path = seeds_dir / SOURCES_FILE
    rel = relative_to_root(path, root)
    if not path.exists():
        return {}, []
    try:
        # libyaml's parser when present: the pure-Python one takes 2.5 s for 1,000 articles.
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
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
        facts[str(name)] = {
            key: _as_text(entry.get(key)) for key in ("url", "publisher", "published", "note", "title", "language")
        }
        language = facts[str(name)]["language"]
        if language is not None and language not in LANGUAGES:
            errors.append(
                EntryError(rel, None, f"{name}.language", f"'{language}' is not one of {', '.join(LANGUAGES)}")
            )
            facts[str(name)]["language"] = None
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
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Saved pages from the 1990s and 2000s are often Windows-1251 (Russian outlets) or
        # Windows-1252; every byte decodes in both, so the article is read, not lost.
        text = raw.decode(LEGACY_CODECS[guess_legacy_encoding(raw)], errors="replace")
    if _looks_binary(text):
        return None, EntryError(rel, None, "", "looks like a binary file (control characters), not an article")
    return text, None


LEGACY_CODECS = {"WINDOWS-1251": "cp1251", "LATIN1": "cp1252"}
"""Python codecs for the guessed names; cp1252 is Latin-1 with curly quotes and dashes."""


def guess_legacy_encoding(raw: bytes) -> str:
    """Name the likelier 8-bit encoding of a file that is not UTF-8.

    Russian text in Windows-1251 is mostly bytes 0xC0-0xFF (Cyrillic letters) in runs; Western
    text in Latin-1 has an accented letter here and there between ASCII ones. Guessing only
    picks the hint, so a wrong guess costs nothing: we never decode with it.
    """
    high = [byte for byte in raw if byte >= 0x80]
    if not high:
        return "WINDOWS-1251"
    cyrillic_letters = sum(1 for byte in high if byte >= 0xC0)
    in_runs = sum(len(run) for run in re.findall(rb"[\xc0-\xff]{3,}", raw))
    if cyrillic_letters / len(high) > 0.8 and in_runs >= len(high) * 0.6:
        return "WINDOWS-1251"
    return "LATIN1"


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f]")
"""Below 32 and not tab, newline, vertical tab, form feed or carriage return."""


def _looks_binary(text: str) -> bool:
    """Control characters other than tab/newline/form feed mean this is not prose."""
    sample = text[:4096]
    controls = len(_CONTROL_CHARACTERS.findall(sample))
    return controls > max(2, len(sample) // 200)


def load_articles(seeds_dir: Path, root: Path) -> tuple[dict[str, Article], list[EntryError]]:
    """Every `*.txt` article in `seeds/` with its facts; unreadable ones become errors."""
    facts, errors = read_source_facts(seeds_dir, root)
    articles: dict[str, Article] = {}
    if not seeds_dir.is_dir():
        return articles, errors
    for path in sorted(seeds_dir.glob("*.txt")):
        article, error = read_article(path, facts.get(path.name, {}), root)
        if error:
            errors.append(error)
            continue
        assert article is not None
        articles[path.name] = article
    return articles, errors


def read_article(path: Path, facts: dict[str, str | None], root: Path) -> tuple[Article | None, EntryError | None]:
    """One article file with its facts, or a one-line reason naming the file."""
    rel = relative_to_root(path, root)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            # Refused before reading, so a huge file costs nothing.
            return None, EntryError(rel, None, "", f"the article is too large ({size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,})")
        raw = path.read_bytes()
    except OSError as error:
        return None, EntryError(rel, None, "", f"cannot read the article: {error.strerror or error}")
    text, problem = decode_article(raw, rel)
    if problem:
        return None, problem
    assert text is not None
    return build_article(path.name, text, facts), None


def build_article(name: str, text: str, facts: dict[str, str | None]) -> Article:
    return Article(
        file=name,
        text=text,
        url=facts.get("url"),
        publisher=facts.get("publisher"),
        published=facts.get("published"),
        note=facts.get("note"),
        title=facts.get("title") or _first_line(text),
        language=facts.get("language"),
    )


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None


def relative_to_root(path: Path, root: Path) -> str:
    """A path as errors show it: relative to the project root, with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
