"""Add a news article from a web page: the seed file, its `sources.yml` entry, then extraction.

The steps, each undone if a later one fails, so a failed `add` leaves nothing behind:

1. read the page (`chrono.webpage`) and refuse it if `sources.yml` already has its address
   (compared canonicalised: the address given, the one after redirects and the canonical one)
   or `seeds/` already has its text;
2. write `seeds/<NNN>_<hash>.txt` and append the entry to `sources.yml`, each atomically,
   every existing byte of `sources.yml` kept;
3. extract the new article with `run_extraction`, exactly as `extract ARTICLE` does: first as a
   dry run, and if that reports any problem the two files are removed again and nothing else has
   been written; then for real (an exception there, such as another extract holding the lock,
   removes them too). Problems the real run still reports after a clean dry run are printed
   and the article stays, as with `extract`.

With `dry_run`, steps 2 and 3 run on a temporary copy of `chronology/` and `seeds/sources.yml`:
the report says what would be written, and the project is not touched.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .entries import dump_yaml, relative_to_root, write_text_atomic
from .errors import EntryError
from .model import WebPage
from .sources import SOURCES_FILE, read_source_facts
from .update import FileChange, RunReport, run_extraction
from .webpage import (
    DEFAULT_TIMEOUT,
    MAX_PAGE_BYTES,
    PageError,
    comparable_url,
    is_web_address,
    page_from_html,
    page_from_url,
)

_SEED_NAME = re.compile(r"^(\d+)_[0-9a-f]+\.txt$")


class AddError(Exception):
    """The article cannot be added; `str()` is one line naming the address or file."""


@dataclass(frozen=True)
class SeedAddition:
    """What adding one page writes: the article's file and its `sources.yml` entry."""

    page: WebPage
    name: str
    """The new file's name in `seeds/`, e.g. `005_1f2e3d4c5b6a7980.txt`."""
    facts: dict[str, str]
    """The entry under `name` in `sources.yml`: url, publisher, published, title (those known)."""
    sources_text: str
    """`sources.yml` as it will be: its old text, unchanged, with the entry appended."""


@dataclass
class AddReport:
    """What `add` did (or, with dry_run, would do)."""

    addition: SeedAddition
    extraction: RunReport
    written: list[str] = field(default_factory=list)
    """Project-relative paths of the seed file and sources.yml."""


def read_page(source: str, *, timeout: float = DEFAULT_TIMEOUT) -> WebPage:
    """Fetch a URL or read a saved `.html` file; raise AddError with one line on failure."""
    try:
        if is_web_address(source):
            return page_from_url(source, timeout=timeout, max_bytes=MAX_PAGE_BYTES)
        path = Path(source)
        if path.is_dir():
            raise AddError(
                f"{source}: is a directory; give one saved page (a .html file) or a web address"
            )
        if not path.is_file():
            raise AddError(
                f"{source}: no such file, and not a web address (one starts with https://)"
            )
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise AddError(
                f"{source}: the page is too large ({size:,} bytes; the limit is {MAX_PAGE_BYTES:,})"
            )
        data = path.read_bytes()
    except PageError as error:
        raise AddError(str(error)) from None
    except OSError as error:
        raise AddError(f"{source}: cannot read the file: {error.strerror or error}") from None
    try:
        return page_from_html(data)
    except PageError as error:
        # The reader knows no address for a saved file; name the file instead.
        raise AddError(f"{source}: {error.reason}") from None


def check_not_added(
    root: Path, source: str, addresses: list[str | None], text: str | None = None
) -> None:
    """Raise AddError, naming `source` (the URL or file given), if `sources.yml` has one of
    these addresses or `seeds/` already has this text."""
    seeds_dir = root / "seeds"
    facts = _read_facts(root)
    given = [address for address in addresses if address]
    where = source
    wanted = {comparable_url(address) for address in given}
    for name, entry in facts.items():
        known = entry.get("url")
        if known and comparable_url(known) in wanted:
            same = "" if known == where else f", under the address {known}"
            raise AddError(
                f"{where}: already added as seeds/{name} (see seeds/{SOURCES_FILE}{same})"
            )
    if text is None or not seeds_dir.is_dir():
        return
    size = len(text.encode("utf-8"))
    for path in sorted(seeds_dir.glob("*.txt")):
        try:
            same_text = path.stat().st_size == size and path.read_bytes().decode("utf-8") == text
        except (OSError, UnicodeDecodeError):
            continue
        if same_text:
            raise AddError(f"{where}: its text is already in seeds/{path.name}")


def _read_facts(root: Path) -> dict[str, dict[str, str | None]]:
    facts, errors = read_source_facts(root / "seeds", root)
    if errors:
        raise AddError(f"{errors[0]} (fix seeds/{SOURCES_FILE} first)")
    return facts


def plan_seed(root: Path, page: WebPage) -> SeedAddition:
    """Name the new seed file and compose its `sources.yml` entry and the file's new text."""
    seeds_dir = root / "seeds"
    numbers = [int(m.group(1)) for p in seeds_dir.glob("*.txt") if (m := _SEED_NAME.match(p.name))]
    number = max(numbers, default=-1) + 1
    # The hash names the article by its address (by its text when it has none), as the seed
    # names in the repository do: a stable, unique name however the article is titled.
    digest = hashlib.sha256((page.url or page.text).encode("utf-8")).hexdigest()[:16]
    name = f"{number:03d}_{digest}.txt"
    facts = {
        key: value
        for key, value in (
            ("url", page.url),
            ("publisher", page.publisher),
            ("published", page.published),
            ("title", page.title),
        )
        if value
    }
    path = seeds_dir / SOURCES_FILE
    # Read bytes, not text mode: newline translation would change existing line ends.
    old = path.read_bytes().decode("utf-8") if path.exists() else ""
    return SeedAddition(page, name, facts, append_yaml(old, {name: facts}))


def append_yaml(text: str, data: dict[str, object]) -> str:
    """`text` with `data` appended as YAML, every existing character kept and the new lines
    ending as the file's do: as the extractor appends stubs to the entity files."""
    addition = dump_yaml(data)
    if "\r\n" in text:
        addition = addition.replace("\n", "\r\n")
    if text and not text.endswith("\n"):
        text += "\r\n" if "\r\n" in text else "\n"
    return text + addition


def add_page(root: Path, page: WebPage, *, source: str, dry_run: bool = False) -> AddReport:
    """Write the page read from `source` (a URL or a file) as a new seed with its facts, and
    extract it (see the module's steps)."""
    requested = source if is_web_address(source) else None
    check_not_added(root, source, [requested, page.final_url, page.url], page.text)
    addition = plan_seed(root, page)
    if dry_run:
        return _dry_run(root, addition)
    seeds_dir = root / "seeds"
    seed_path = seeds_dir / addition.name
    sources_path = seeds_dir / SOURCES_FILE
    old_sources = sources_path.read_bytes() if sources_path.exists() else None
    written = [relative_to_root(seed_path, root), relative_to_root(sources_path, root)]
    if seed_path.exists():
        raise AddError(f"{written[0]}: already exists; run add again")
    try:
        write_text_atomic(seed_path, page.text)
        write_text_atomic(sources_path, addition.sources_text)
        check = run_extraction(root, [addition.name], dry_run=True)
        if check.errors or not check.extracted:
            raise _ExtractionFailed(check)
        # Writes the events only once it has planned them all, so an exception here (another
        # extract holding the lock, an interrupt) leaves chronology/ as it was.
        report = run_extraction(root, [addition.name])
    except BaseException:
        _undo(seed_path, sources_path, old_sources)
        raise
    return AddReport(addition, report, written)


class _ExtractionFailed(Exception):
    def __init__(self, report: RunReport) -> None:
        super().__init__("extraction failed")
        self.report = report


def extraction_problems(error: BaseException) -> list[EntryError] | None:
    """The extractor's problems when `add_page` rolled back because of them."""
    return error.report.errors if isinstance(error, _ExtractionFailed) else None


def _undo(seed_path: Path, sources_path: Path, old_sources: bytes | None) -> None:
    """Put seeds/ back as it was: remove the new seed, restore sources.yml byte for byte."""
    seed_path.unlink(missing_ok=True)
    if old_sources is None:
        sources_path.unlink(missing_ok=True)
    elif not sources_path.exists() or sources_path.read_bytes() != old_sources:
        write_text_atomic(sources_path, old_sources.decode("utf-8"))


def _dry_run(root: Path, addition: SeedAddition) -> AddReport:
    """Run the whole addition on a temporary copy and report it with the project's paths."""
    with tempfile.TemporaryDirectory(prefix="chronology-add-") as temporary:
        copy = Path(temporary)
        if (root / "chronology").is_dir():
            shutil.copytree(
                root / "chronology", copy / "chronology", ignore=shutil.ignore_patterns(".*.lock")
            )
        (copy / "seeds").mkdir()
        (copy / "seeds" / addition.name).write_text(addition.page.text, encoding="utf-8")
        (copy / "seeds" / SOURCES_FILE).write_text(
            addition.sources_text, encoding="utf-8", newline=""
        )
        report = run_extraction(copy, [addition.name], dry_run=True)
    # The changes name files in the copy; give them the project's paths.
    report.changes = [
        FileChange(root / change.rel, change.rel, change.text, change.description)
        for change in report.changes
    ]
    seeds = root / "seeds"
    written = [
        relative_to_root(seeds / addition.name, root),
        relative_to_root(seeds / SOURCES_FILE, root),
    ]
    return AddReport(addition, report, written)
