"""Write a new, empty event file for a contributor to fill in (`build_chronology.py new`).

Every field of the event schema is written, each under a comment taken from the schema, so a
contributor edits values instead of looking up field names. The only fields left empty that the
validator refuses are the ones no tool can guess: `summary`, `annotation` and `sources`. An event
the chronology already holds (the same-event rule of chrono/rules.py) is refused unless forced.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .entries import EVENTS_DIR, ID_HINT, ID_PATTERN, dump_yaml, load_events, load_schema, write_text_atomic
from .errors import EntryError
from .model import Event, PartialDate
from .rules import find_same_event

MAX_SLUG_LENGTH = 60
"""Keeps file names readable in a listing; the date in front makes them unique enough."""
NEW_ENTRY_REVIEW = "new entry: fill in summary, annotation, sources and both sides' quotes"
SCHEMA_LINE_PATH = "../../chrono/schemas/event.schema.json"

# Russian and Ukrainian letters have no NFKD decomposition to ASCII; a Cyrillic title would
# otherwise give an empty slug. Simple passport-style transliteration.
_CYRILLIC_LATIN = (
    "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
    "i", "yi", "ye", "g",
)
_CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ", _CYRILLIC_LATIN, strict=True))


class ScaffoldError(ValueError):
    """A reason the new file was not written, worded for the person who ran the command."""

    def __init__(self, message: str, *, usage: bool = True) -> None:
        super().__init__(message)
        self.usage = usage
        """True for a bad argument (exit 2), False for a refusal because of the data (exit 1)."""


@dataclass(frozen=True)
class NewEvent:
    """What `new` wrote: the event id and the file."""

    id: str
    path: Path


def fold_to_ascii(text: str) -> str:
    """Lower-case ASCII spelling of any title: accents dropped, Cyrillic transliterated."""
    # Apostrophes join ("NATO's" -> "natos"); any other sign (dashes, slashes) separates words.
    lowered = text.lower().replace("'", "").replace("\u2019", "")
    spelled = "".join(_CYRILLIC.get(char, char) for char in lowered)
    decomposed = unicodedata.normalize("NFKD", spelled)
    kept = (char for char in decomposed if unicodedata.category(char) != "Mn")
    return "".join(char if char.isascii() else " " for char in kept)


def slugify_title(title: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """The file-name part of a title: lower-case ASCII words joined by single hyphens."""
    words = re.findall(r"[a-z0-9]+", fold_to_ascii(title))
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            # Cut at a word boundary; a single word longer than the limit is cut inside.
            slug = slug or word[:max_length]
            break
        slug = candidate
    return slug


def check_title(title: str) -> str:
    """The title without surrounding spaces; raise ScaffoldError if it is empty or not one line."""
    cleaned = title.strip()
    if not cleaned:
        raise ScaffoldError("--title must not be empty")
    if any(unicodedata.category(char) in ("Cc", "Zl", "Zp") for char in cleaned):
        raise ScaffoldError("--title must be one line of text (no line breaks or control characters)")
    return cleaned


def check_date(text: str) -> PartialDate:
    """A real calendar date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; raise ScaffoldError if not."""
    try:
        return PartialDate.parse(text.strip())
    except ValueError as error:
        raise ScaffoldError(f"--date: {error}") from None


def make_event_id(date: PartialDate, title: str, slug: str | None = None) -> str:
    """`<date>-<slug>`, the id and file name of a new event; raise ScaffoldError if impossible."""
    if slug is not None:
        if not ID_PATTERN.match(slug):
            raise ScaffoldError(f"--slug {slug!r} is not a valid id part: {ID_HINT}")
    else:
        slug = slugify_title(title)
        if not slug:
            raise ScaffoldError(
                f"the title {title!r} has no letters or digits to make a file name from; "
                "give one with --slug, e.g. --slug nato-summit"
            )
    return f"{date.iso()}-{slug}"


def new_event_data(event_id: str, date: PartialDate, title: str) -> dict[str, Any]:
    """Every event field, in the order event files use, empty where a person must fill it in."""
    return {
        "id": event_id,
        "title": title,
        "date": date.iso(),
        "end_date": None,
        "approximate": False,
        "date_basis": None,
        "place": None,
        "summary": "",
        "annotation": None,
        "people": [],
        "organizations": [],
        "treaties": [],
        "tags": [],
        "quotes": [],
        "statements_missing": [],
        "sources": [],
        "related": [],
        "provenance": "curated",
        "status": "draft",
        "review": [NEW_ENTRY_REVIEW],
    }


# Hints for fields whose schema description does not show the shape of a filled-in value.
_EXAMPLES = {
    "date_basis": "e.g. {phrase: on Friday, anchor: '2019-07-05', rule: latest Friday on or before}",
    "people": "e.g. - {id: jens-stoltenberg, role: NATO Secretary General}",
    "quotes": "e.g. - {speaker: jens-stoltenberg, text: The words as quoted.}",
    "statements_missing": "e.g. - {side: russia, note: No Russian statement found in the mid.ru archive for that week.}",
    "sources": "e.g. - {url: https://..., publisher: Reuters, published: '2019-07-05', title: ...}",
}


def render_new_event(data: dict[str, Any]) -> str:
    """YAML text of a new event with each field's schema description as a comment above it."""
    properties = load_schema("event")["properties"]
    parts = [dump_yaml({}, schema=SCHEMA_LINE_PATH).replace("{}\n", "")]
    for key, value in data.items():
        description = properties.get(key, {}).get("description", "")
        required = key in load_schema("event")["required"]
        comment = f"{'required. ' if required else ''}{description}".strip()
        if comment:
            parts.append(f"# {comment}\n")
        if key in _EXAMPLES:
            parts.append(f"#   {_EXAMPLES[key]}\n")
        parts.append(dump_yaml({key: value}))
    return "".join(parts)


def find_existing_event(events_dir: Path, root: Path, candidate: Event) -> tuple[str, str] | None:
    """The file of an event the new one would duplicate, and why; files that do not load are
    skipped here (validate reports them)."""
    ignored: list[EntryError] = []
    loaded = load_events(events_dir, root, ignored)
    found = find_same_event(candidate, (event for event, _ in loaded))
    if found is None:
        return None
    documents = {event.id: document for event, document in loaded}
    return documents[found[0].id].rel, found[1]


def write_new_event(
    root: Path, date_text: str, title: str, slug: str | None = None, *, force: bool = False
) -> NewEvent:
    """Create `chronology/events/<id>.yml` under root; never overwrite an existing file, and
    refuse (unless `force`) an event the chronology already holds."""
    cleaned_title = check_title(title)
    date = check_date(date_text)
    event_id = make_event_id(date, cleaned_title, slug)
    chronology_dir = root / "chronology"
    if not chronology_dir.is_dir():
        raise ScaffoldError(f"no chronology/ folder under {root}; run from the project or pass --root")
    events_dir = chronology_dir / EVENTS_DIR
    path = events_dir / f"{event_id}.yml"
    for existing in (path, path.with_suffix(".yaml")):
        if existing.exists():
            raise ScaffoldError(
                f"chronology/{EVENTS_DIR}/{existing.name} already exists; edit it, "
                "or choose another title or --slug",
                usage=False,
            )
    data = new_event_data(event_id, date, cleaned_title)
    if not force:
        candidate = Event(event_id, cleaned_title, date, "", "curated", "draft")
        if (same := find_existing_event(events_dir, root, candidate)) is not None:
            raise ScaffoldError(
                f"{same[0]} already holds this event ({same[1]}); edit it, or use --force "
                "to write a new file anyway",
                usage=False,
            )
    write_text_atomic(path, render_new_event(data))
    return NewEvent(event_id, path)
