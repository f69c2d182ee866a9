"""Apply extraction results to chronology/ without losing anything a person wrote.

Event files: each field the extractor writes is recorded in `checksums` with a short hash of
the value written. On the next run a field whose value no longer matches its hash was edited
by a person and is kept; only fields still as the extractor left them are refreshed. Curated
or reviewed events keep every byte: an article reporting the same event (the validator's rule)
is added to their sources as new lines, and nothing else. Entity files (people.yml, ...) are
never rewritten: new stubs are appended to the end, every existing byte stays.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from . import rules
from .entries import (
    EVENTS_DIR,
    _Loader,
    append_to_block_list,
    build_event,
    dump_yaml,
    event_to_data,
    read_yaml,
    relative_to_root,
    schema_errors,
    write_text_atomic,
)
from .errors import EntryError
from .extract import GENERIC_ORGANIZATION_NAMES, Extraction, normalise_name
from .model import Event, Organization, Person, Place, Treaty

OWNED_FIELDS = (
    "title", "date", "end_date", "approximate", "date_basis", "place", "summary", "people",
    "organizations", "treaties", "quotes", "sources", "related", "review", "doubts",
)
"""Fields the extractor writes. Others (`tags`, `annotation`) belong to people alone."""
FIELD_ORDER = (
    "id", "title", "date", "end_date", "approximate", "date_basis", "place", "summary",
    "annotation", "people", "organizations", "treaties", "tags", "quotes", "statements_missing", "sources", "related",
    "provenance", "status", "review", "doubts",
)
LOCK_NAME = ".extract.lock"
STUB_COMMENT = "# Added by `build_chronology.py extract`: check, complete and move as you like."


def hash_value(value: Any) -> str:
    """Short hash of a field's value as YAML would load it; absent and empty are the same."""
    if value in (None, [], {}, "", False):
        return _EMPTY_HASH
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


_EMPTY_HASH = hashlib.sha256(b"null").hexdigest()[:12]


# ---------------------------------------------------------------- plan


@dataclass(frozen=True)
class FileChange:
    """One file to create or replace, with a one-line description for --dry-run."""

    path: Path
    rel: str
    text: str | None
    """The new text; None to delete the file."""
    description: str


@dataclass
class Plan:
    """Every change an extract run would make, and the problems it found."""

    changes: list[FileChange] = field(default_factory=list)
    errors: list[EntryError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Existing:
    """An event file already on disk."""

    path: Path
    rel: str
    data: dict[str, Any]
    event: Event | None
    """None when the file cannot be read as an event: then it is never touched."""
    changed: bool = False
    text: str | None = ""
    """The file's text as read; None for a file that could not be read."""
    new_text: str | None = None
    """The file's new text when it is changed by inserting lines into what a person wrote,
    rather than written out again from `data`."""


def load_existing_events(events_dir: Path, root: Path) -> tuple[dict[str, _Existing], list[EntryError]]:
    """Every event file as data, valid or not. Loading is quick (no line numbers); the full
    check runs only on files about to be rewritten (see `file_problems`)."""
    existing: dict[str, _Existing] = {}
    errors: list[EntryError] = []
    if not events_dir.is_dir():
        return existing, errors
    # Resolving each path would stat every folder above it; one resolved base will do.
    base = relative_to_root(events_dir, root)
    for path in sorted(events_dir.glob("*.yml")):
        rel = f"{base}/{path.name}"
        try:
            text = path.read_text(encoding="utf-8")
            data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
        except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
            existing[path.stem] = _Existing(path, rel, {}, None, text=None)
            continue
        event = None
        if isinstance(data, dict):
            try:
                event = build_event(data)
            except (ValueError, KeyError, TypeError, AttributeError):
                event = None
        existing[path.stem] = _Existing(path, rel, data if isinstance(data, dict) else {}, event, text=text)
    return existing, errors


def file_problems(entry: _Existing) -> list[EntryError]:
    """Everything wrong with an event file, so a file a person left broken is never rewritten."""
    document, problems = read_yaml(entry.path, entry.rel)
    if document is None:
        return problems
    return problems + schema_errors(document, "event")


def generic_organization_ids(organizations: dict[str, Organization]) -> set[str]:
    """Organizations too common to tell two events apart (NATO in a Russia–NATO chronology)."""
    return {
        key for key, org in organizations.items()
        if normalise_name(org.name) in GENERIC_ORGANIZATION_NAMES or (org.abbreviation or "").upper() == "NATO"
    } | {"nato"}


_TITLE_NOISE = {
    "the", "and", "with", "from", "that", "this", "have", "has", "were", "said", "says", "russia",
    "russian", "nato", "over", "into", "about", "after", "before", "their", "there", "which",
    "would", "could", "should", "between", "against", "relations",
}


_TITLE_NOISE |= {
    "january", "february", "march", "april", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}


_SAME_MEANING = {
    "war": "armed-conflict", "conflict": "armed-conflict", "fighting": "armed-conflict",
    "hostilities": "armed-conflict", "meeting": "meet", "met": "meet", "meets": "meet",
    "talks": "meet", "summit": "meet", "signed": "sign", "signing": "sign", "signs": "sign",
    "withdrawal": "withdraw", "withdrew": "withdraw", "withdraws": "withdraw", "pull": "withdraw",
    "suspended": "suspend", "suspension": "suspend", "suspends": "suspend",
}
"""Words news uses for the same kind of happening, so two reports of one event share them."""


def _words(text: str) -> set[str]:
    words = set()
    for word in re.findall(r"[a-z]{3,}", normalise_name(text)):
        if word in _SAME_MEANING:
            words.add(_SAME_MEANING[word])
        elif len(word) >= 5 and word not in _TITLE_NOISE:
            words.add(word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    return words


def _title_words(event: Event) -> set[str]:
    """Significant words of the title and the start of the summary, plural "s" dropped."""
    return _words(f"{event.title} {event.summary[:400]}")


def match_score(candidate: Event, other: Event) -> int:
    """How strongly two compatible events look alike: shared treaties count most, then words
    shared with the other's title, then words shared anywhere."""
    shared = _title_words(candidate) & _title_words(other)
    in_title = shared & _words(other.title)
    return 3 * len(set(candidate.treaties) & set(other.treaties)) + 2 * len(in_title) + len(shared)


def _months_of(event: Event) -> list[tuple[int, int]]:
    """Every (year, month) the event's date range touches."""
    first, last = event.date.first_day(), (event.end_date or event.date).last_day()
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month) and len(months) <= 25:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def dates_overlap(a: Event, b: Event) -> bool:
    """The two events' date ranges share a day (a month-precise date covers its month)."""
    a_first, a_last = a.date.first_day(), (a.end_date or a.date).last_day()
    b_first, b_last = b.date.first_day(), (b.end_date or b.date).last_day()
    return a_first <= b_last and b_first <= a_last


def is_same_event(candidate: Event, other: Event, generic: set[str]) -> bool:
    """Whether two reports may be of one event: what the validator calls the same event
    (`chrono.rules.same_event_reason`), or compatible dates and something specific in common:
    a treaty, an organization other than the generic ones, the place, or two significant
    title words. Only the first is certain enough to merge into an entry a person wrote."""
    if rules.same_event_reason(candidate, other) is not None:
        return True
    if not dates_overlap(candidate, other):
        return False
    if set(candidate.treaties) & set(other.treaties):
        return True
    if (set(candidate.organizations) - generic) & (set(other.organizations) - generic):
        return True
    if candidate.place and candidate.place == other.place and candidate.date.precision == other.date.precision == "day":
        return True
    return len(_title_words(candidate) & _title_words(other)) >= 2


def _is_protected(data: dict[str, Any]) -> bool:
    return data.get("provenance") == "curated" or data.get("status") == "reviewed"


def _articles_of(data: dict[str, Any]) -> set[str]:
    return {s.get("article") for s in data.get("sources") or () if isinstance(s, dict) and s.get("article")}


def _owner_article(data: dict[str, Any]) -> str | None:
    """The article an extracted entry was drawn from: its first source. Only that article
    refreshes the entry's content; later articles reporting the same event add a source."""
    for source in data.get("sources") or ():
        if isinstance(source, dict) and source.get("article"):
            return str(source["article"])
    return None


def _ordered(data: dict[str, Any]) -> dict[str, Any]:
    """Fields in the documented order; fields we do not know stay, before `checksums`."""
    ordered = {key: data[key] for key in FIELD_ORDER if key in data}
    ordered.update({key: value for key, value in data.items() if key not in ordered and key != "checksums"})
    if "checksums" in data:
        ordered["checksums"] = data["checksums"]
    return ordered


def _merge_list(current: list[Any], proposed: list[Any], key: Any = None) -> list[Any]:
    """Current items kept in order (ours replaced in place), proposed ones added at the end."""
    merged = list(current)
    for item in proposed:
        same = [i for i, old in enumerate(merged) if (key(old) == key(item) if key else old == item)]
        if same:
            merged[same[0]] = item
        else:
            merged.append(item)
    return merged


def _source_key(source: Any) -> Any:
    return source.get("article") or source.get("url") if isinstance(source, dict) else source


def refresh_fields(
    current: dict[str, Any], proposed: dict[str, Any], *, fields: tuple[str, ...] = OWNED_FIELDS,
    known_events: Collection[str] | None = None,
) -> dict[str, Any]:
    """The current entry with each extractor-owned field refreshed unless a person edited it.

    A field is the person's when its value's hash differs from the one stored in
    `checksums`, or when it has a value but no stored hash (written by hand). Sources and
    related links are merged, never dropped, so an entry reported by two articles keeps both.
    """
    updated = dict(current)
    sums = dict(current.get("checksums") or {})
    edited: set[str] = set()
    rewritten: set[str] = set()
    for name in fields:
        if name == "doubts":
            continue  # about the other fields: refreshed once they are (below)
        old = current.get(name)
        new = proposed.get(name)
        stored = sums.get(name)
        if hash_value(old) != (stored if stored is not None else _EMPTY_HASH):
            edited.add(name)
            continue  # edited by a person
        if name not in ("sources", "related") and new == old:
            continue  # nothing new: the value and its checksum stay as they are
        if name == "sources":
            new = _merge_list(old or [], new or [], _source_key)
        elif name == "related":
            new = _merge_list(old or [], new or [])
            if known_events is not None:
                # A link the extractor wrote to an event that no longer exists is dropped.
                new = [item for item in new if item in known_events]
        _set_field(updated, sums, name, new)
        if new != old:
            rewritten.add(name)
    if "doubts" in fields:
        _refresh_doubts(updated, sums, current.get("doubts"), proposed.get("doubts") or {}, edited, rewritten)
    updated["checksums"] = {key: sums[key] for key in sorted(sums)}
    return _ordered(updated)


_DROPPED_WHEN_EMPTY = ("end_date", "approximate", "date_basis", "review", "doubts")


def _set_field(updated: dict[str, Any], sums: dict[str, str], name: str, value: Any) -> None:
    """Write the extractor's value and its hash; an empty optional field is left out."""
    value_hash = hash_value(value)
    if value_hash == _EMPTY_HASH and name in _DROPPED_WHEN_EMPTY:
        updated.pop(name, None)
    else:
        updated[name] = value
    sums[name] = value_hash


def _refresh_doubts(
    updated: dict[str, Any], sums: dict[str, str], old: Any, new: dict[str, str],
    edited: set[str], rewritten: set[str],
) -> None:
    """A doubt speaks of the extractor's own value. Once a person has edited the field it
    speaks of, the person's value stands and the doubt goes. When the person has edited the
    doubts themselves, theirs stand, except on a field the extractor has just rewritten: a
    kept `quotes[2].speaker` would point at another quote, or past the list; there the new
    doubts are the extractor's, and the stored hash stays, so the mapping is still the
    person's."""
    stored = sums.get("doubts")
    if hash_value(old) != (stored if stored is not None else _EMPTY_HASH):
        if rewritten and isinstance(old, dict):
            kept = {path: reason for path, reason in old.items() if doubted_field(path) not in rewritten}
            kept.update({path: reason for path, reason in new.items() if doubted_field(path) in rewritten})
            if kept:
                updated["doubts"] = kept
            else:
                updated.pop("doubts", None)
        return
    new = {path: reason for path, reason in new.items() if doubted_field(path) not in edited}
    if new != old:
        _set_field(updated, sums, "doubts", new)


def doubted_field(path: str) -> str:
    """The top-level field a doubt's path speaks of: `quotes[2].speaker` -> `quotes`."""
    return re.split(r"[\[.]", path, maxsplit=1)[0]


def append_only(current: dict[str, Any], name: str, items: list[Any], key: Any = None) -> dict[str, Any]:
    """Add items to a list field of someone else's entry, unless a person edited that field."""
    sums = dict(current.get("checksums") or {})
    old = current.get(name) or []
    stored = sums.get(name)
    if stored is not None and hash_value(old) != stored:
        return current
    if stored is None and old and name in sums:
        return current
    merged = old + [item for item in items if all((key(o) != key(item)) if key else o != item for o in old)]
    if merged == old:
        return current
    updated = dict(current)
    updated[name] = merged
    sums[name] = hash_value(merged)
    updated["checksums"] = {k: sums[k] for k in sorted(sums)}
    return _ordered(updated)


def with_checksums(event: Event) -> dict[str, Any]:
    """A new entry's data, with the hash of every field the extractor wrote."""
    data = event_to_data(replace(event, checksums={}))
    data["checksums"] = {name: hash_value(data.get(name)) for name in sorted(OWNED_FIELDS)}
    return _ordered(data)


class _FastDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """libyaml's emitter."""


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_SCALARS = {bool: "tag:yaml.org,2002:bool", int: "tag:yaml.org,2002:int", float: "tag:yaml.org,2002:float"}


def _node(value: Any) -> yaml.Node:
    """The YAML node PyYAML's representer makes for event data, built directly: the
    representer's generic dispatch costs more than writing the file."""
    if isinstance(value, str):
        style = ">" if len(value) > 80 and "\n" not in value else ("|" if "\n" in value else None)
        return yaml.ScalarNode(_STR, value, style=style)
    if isinstance(value, dict):
        return yaml.MappingNode(_MAP, [(_node(key), _node(item)) for key, item in value.items()], flow_style=False)
    if isinstance(value, (list, tuple)):
        return yaml.SequenceNode(_SEQ, [_node(item) for item in value], flow_style=False)
    if value is None:
        return yaml.ScalarNode("tag:yaml.org,2002:null", "null")
    if isinstance(value, bool):
        return yaml.ScalarNode(_SCALARS[bool], "true" if value else "false")
    if type(value) in _SCALARS:
        return yaml.ScalarNode(_SCALARS[type(value)], repr(value) if isinstance(value, float) else str(value))
    raise TypeError(f"cannot write {type(value).__name__} to an event file")


def _text_for(data: dict[str, Any]) -> str:
    """An event file's text as `entries.dump_event` writes it, made with libyaml's emitter
    (nine times faster than PyYAML's). In rare corners (an emoji, a quoted line that must
    fold) libyaml spells a value differently; it reads back the same, and tests check both."""
    header = "# yaml-language-server: $schema=../../chrono/schemas/event.schema.json\n"
    body = yaml.serialize(_node(data), Dumper=_FastDumper, allow_unicode=True, width=100)
    return header + body


class _Planner:
    """Decides, article by article, which file each proposed event goes to."""

    def __init__(
        self, existing: dict[str, _Existing], events_dir: Path, root: Path, generic: set[str],
        *, own_drafts: bool = False,
    ) -> None:
        self.existing = existing
        self.own_drafts = own_drafts
        """Write each article's own draft even beside an entry a person wrote for the same event."""
        self.events_dir = events_dir
        self.root = root
        self.generic = generic
        self.events_rel = relative_to_root(events_dir, root)
        self.notes: list[str] = []
        self.removed: list[_Existing] = []
        """Files of drafts moved to a new id: deleted when the plan is applied."""
        self.by_month: dict[tuple[int, int], set[str]] = {}
        self.wide: set[str] = set()
        for entry in existing.values():
            self.index(entry)

    def candidates(self, event: Event) -> Iterator[_Existing]:
        """Entries whose dates may overlap the event's: looked up by month, not all scanned."""
        seen: set[str] = set()
        for month in _months_of(event):
            for key in self.by_month.get(month, ()):
                entry = self.existing.get(key)
                if key not in seen and entry is not None and entry.event is not None:
                    seen.add(key)
                    yield entry
        for key in list(self.wide):
            entry = self.existing.get(key)
            if key not in seen and entry is not None and entry.event is not None:
                seen.add(key)
                yield entry

    def index(self, entry: _Existing) -> None:
        if entry.event is None:
            return
        months = _months_of(entry.event)
        if len(months) > 24:
            self.wide.add(entry.event.id)
            return
        for month in months:
            self.by_month.setdefault(month, set()).add(entry.event.id)

    def find_same(self, event: Event, article: str, *, own_drafts_only: bool = False) -> _Existing | None:
        """An existing entry for this event. First one that already cites this article for
        it (where an earlier run put it, so re-runs land in the same place whatever order the
        entries were made in), then one with the same id, then the same event by date and terms."""
        direct = self.existing.get(event.id)
        best: tuple[int, str, _Existing] | None = None
        for entry in self.candidates(event):
            assert entry.event is not None
            if article not in _articles_of(entry.data) or (own_drafts_only and _is_protected(entry.data)):
                continue
            if entry is not direct and not is_same_event(event, entry.event, self.generic):
                continue
            score = (1000 if entry is direct else 0) + match_score(event, entry.event)
            if best is None or (score, entry.event.id) > (best[0], best[1]):
                best = (score, entry.event.id, entry)
        if best is not None:
            return best[2]
        if own_drafts_only:
            return None
        if direct is not None:
            return direct
        for entry in self.candidates(event):
            assert entry.event is not None
            if not is_same_event(event, entry.event, self.generic):
                continue
            score = match_score(event, entry.event)
            if best is None or (score, entry.event.id) > (best[0], best[1]):
                best = (score, entry.event.id, entry)
        return best[2] if best else None

    def free_id(self, wanted: str) -> str:
        """`wanted`, or `wanted-2`, `-3`...: an id no other file has."""
        if wanted not in self.existing:
            return wanted
        n = 2
        while f"{wanted}-{n}" in self.existing:
            n += 1
        return f"{wanted}-{n}"

    def put(self, event: Event) -> str:
        """Create a new entry for the event; returns its id."""
        event_id = self.free_id(event.id)
        event = replace(event, id=event_id)
        path = self.events_dir / f"{event_id}.yml"
        self.existing[event_id] = _Existing(path, f"{self.events_rel}/{path.name}", with_checksums(event), event, changed=True, text=None)
        self.index(self.existing[event_id])
        return event_id

    def place_event(self, event: Event, article: str, *, main: bool) -> tuple[str, bool, list[str]]:
        """Where the event ends up: its id, whether this article may refresh that entry, and
        protected entries it must be linked to instead of being merged into."""
        target = self.find_same(event, article)
        if target is None:
            return self.put(event), True, []
        if target.event is None:
            # Our entry, which a person has left unreadable: touch nothing (a second copy
            # would be a duplicate once they fix it) and say so.
            self.notes.append(f"{target.rel}: cannot be read, so {article} was not applied to it; fix the file and run extract again")
            return target.path.stem, False, []
        if _is_protected(target.data):
            if not main:
                return target.event.id, False, []
            if article in _articles_of(target.data):
                # This article's own entry, since reviewed by a person (or a curated entry that
                # cites it): it stands for the article, and a new draft beside it would be a
                # duplicate of the same event.
                return target.event.id, False, []
            # Curated or reviewed: what a person wrote is never changed. When the validator
            # would call the two the same event, the article is added to the entry's sources
            # as new lines, every existing byte kept; when that is not certain, or the list
            # cannot be appended to, our own draft for the article names the entry it may
            # duplicate and links to it through `related`.
            reason = rules.same_event_reason(event, target.event)
            if reason is not None and not self.own_drafts and self.add_source_as_written(target, event):
                return target.event.id, False, []
            note = (
                f"may duplicate {target.event.id}: {reason or 'reported for the same days'}; "
                "merge its sources into that entry and delete this file, or say what differs"
            )
            event = replace(event, review=(*event.review, note))
            own = self.find_same(event, article, own_drafts_only=True)
            if own is not None:
                return self.refresh(own, event), True, [target.event.id]
            return self.put(event), True, [target.event.id]
        if _owner_article(target.data) == article:
            return self.refresh(target, event), True, []
        # Another article's entry for the same event: add this article as a source.
        source = event_to_data(event)["sources"]
        target.data = append_only(target.data, "sources", source, _source_key)
        target.changed = True
        return target.event.id, False, []

    def add_source_as_written(self, target: _Existing, event: Event) -> bool:
        """Add the event's source to an entry a person wrote by inserting lines into its text;
        False when its file cannot be appended to that way (then it is left alone)."""
        sources = event_to_data(event)["sources"]
        known = {_source_key(s) for s in target.data.get("sources") or ()}
        new = [s for s in sources if _source_key(s) not in known]
        if not new:
            return True
        text = target.new_text if target.new_text is not None else target.text
        for source in new:
            text = append_to_block_list(text, "sources", source) if text else None
            if text is None:
                return False
        target.new_text = text
        target.data = {**target.data, "sources": [*(target.data.get("sources") or []), *new]}
        target.changed = True
        return True

    def refresh(self, target: _Existing, event: Event) -> str:
        assert target.event is not None
        if target.event.id != event.id and self.may_rename(target):
            target = self.rename(target, event.id)
        proposed = event_to_data(replace(event, id=target.event.id))
        target.data = refresh_fields(target.data, proposed, known_events=self.existing.keys())
        target.changed = True
        return target.event.id

    def may_rename(self, entry: _Existing) -> bool:
        """An id may follow improved rules only while nobody has touched the entry and no
        entry drawn from another article (or written by hand) links to it."""
        if not is_untouched_draft(entry.data):
            return False
        owner = _owner_article(entry.data)
        old_id = entry.path.stem
        return not any(
            old_id in (other.data.get("related") or [])
            for other in self.existing.values()
            if other is not entry and (other.event is None or _is_protected(other.data) or _owner_article(other.data) != owner)
        )

    def rename(self, entry: _Existing, wanted: str) -> _Existing:
        """Move an untouched draft to its new id: the old file is deleted, the new one
        written, and this article's other drafts that linked to the old id are relinked."""
        assert entry.event is not None
        old_id = entry.path.stem
        del self.existing[old_id]
        new_id = self.free_id(wanted)
        data = dict(entry.data)
        data["id"] = new_id
        path = self.events_dir / f"{new_id}.yml"
        moved = _Existing(path, f"{self.events_rel}/{path.name}", data, replace(entry.event, id=new_id), changed=True, text=None)
        self.existing[new_id] = moved
        self.index(moved)
        self.removed.append(entry)
        for other in self.existing.values():
            related = other.data.get("related") or []
            if old_id in related:
                relinked = [new_id if r == old_id else r for r in related]
                sums = dict(other.data.get("checksums") or {})
                if sums.get("related") == hash_value(related):
                    sums["related"] = hash_value(relinked)  # still the extractor's field
                other.data = {**other.data, "related": relinked}
                if "checksums" in other.data:
                    other.data["checksums"] = sums
                other.changed = True
        return moved

    def link(self, event_id: str, related: list[str], *, owned: bool) -> None:
        entry = self.existing[event_id]
        if _is_protected(entry.data) or entry.event is None:
            return
        related = [r for r in related if r != event_id]
        if owned:
            proposed = dict(entry.data)
            proposed["related"] = related
            entry.data = refresh_fields(entry.data, proposed, fields=("related",), known_events=self.existing.keys())
        else:
            entry.data = append_only(entry.data, "related", related)
        entry.changed = True


def plan_events(
    extractions: list[Extraction], events_dir: Path, root: Path, organizations: dict[str, Organization],
    loaded: tuple[dict[str, _Existing], list[EntryError]] | None = None, *, own_drafts: bool = False,
) -> Plan:
    """The event files to create or refresh for these extractions (`loaded`: the event
    files as already read, so they are not read twice)."""
    plan = Plan()
    existing, errors = loaded if loaded is not None else load_existing_events(events_dir, root)
    plan.errors.extend(errors)
    before = {key: (dict(entry.data), entry.text) for key, entry in existing.items()}
    planner = _Planner(existing, events_dir, root, generic_organization_ids(organizations), own_drafts=own_drafts)
    produced: set[str] = set()
    for extraction in extractions:
        # Links are worked out here, once the final ids of the mentioned events are known.
        main_id, main_owned, links = planner.place_event(replace(extraction.event, related=()), extraction.article, main=True)
        mention_ids: list[str] = []
        for mention in extraction.mentioned:
            mention_id, owned, _ = planner.place_event(replace(mention, related=(main_id,)), extraction.article, main=False)
            produced.add(mention_id)
            if mention_id == main_id:
                continue
            mention_ids.append(mention_id)
            if not owned:
                planner.link(mention_id, [main_id], owned=False)
        planner.link(main_id, sorted(set(mention_ids) | set(links)), owned=main_owned)
        produced.add(main_id)
    plan.notes.extend(planner.notes)
    for entry in planner.removed:
        plan.changes.append(FileChange(entry.path, entry.rel, None, f"delete {entry.rel} (renamed: the rules now give it another id)"))
    for key in stale_drafts(existing, {e.article for e in extractions}, produced):
        entry = existing.pop(key)
        plan.changes.append(FileChange(entry.path, entry.rel, None, f"delete {entry.rel} (an untouched draft this article no longer yields)"))
        for other in existing.values():
            if other.changed and key in (other.data.get("related") or []):
                other.data = refresh_fields(other.data, other.data, fields=("related",), known_events=existing.keys())
    for key, entry in sorted(existing.items()):
        if not entry.changed:
            continue
        old_data, old_text = before.get(key, (None, None))
        if old_text is not None and old_data == entry.data:
            continue
        text = entry.new_text if entry.new_text is not None else _text_for(entry.data)
        if old_text == text:
            continue
        if old_text is not None and (problems := file_problems(entry)):
            plan.notes.append(f"{entry.rel}: left unchanged until its problems are fixed ({problems[0]})")
            continue
        verb = "create" if old_text is None else "update"
        changed_fields = "" if old_data is None else " (" + ", ".join(
            name for name in FIELD_ORDER if (old_data or {}).get(name) != entry.data.get(name)
        ) + ")"
        plan.changes.append(FileChange(entry.path, entry.rel, text, f"{verb} {entry.rel}{changed_fields if verb == 'update' else ''}"))
    return plan


def is_untouched_draft(data: dict[str, Any]) -> bool:
    """An extracted draft from one article whose every written field still matches its
    checksum and to which nobody added a field or a tag."""
    if _is_protected(data) or data.get("provenance") != "extracted" or len(data.get("sources") or []) != 1:
        return False
    sums = data.get("checksums") or {}
    if set(sums) != set(OWNED_FIELDS) or any(hash_value(data.get(name)) != sums[name] for name in OWNED_FIELDS):
        return False
    return not (set(data) - set(OWNED_FIELDS) - {"id", "provenance", "status", "checksums", "tags"} or data.get("tags"))


def stale_drafts(existing: dict[str, _Existing], articles: set[str], produced: set[str]) -> list[str]:
    """Drafts an earlier run drew from these articles that this run no longer yields (the
    rules improved, the id changed) and that nobody touched: every field the extractor wrote
    still matches its checksum, no field was added by hand, one source, and no other entry
    links to them. Anything a person changed is kept."""
    stale = []
    for key, entry in existing.items():
        data = entry.data
        if key in produced or entry.event is None or _is_protected(data) or data.get("provenance") != "extracted":
            continue
        if _articles_of(data) != {_owner_article(data)} or _owner_article(data) not in articles or len(data.get("sources") or []) != 1:
            continue
        if not is_untouched_draft(data):
            continue
        stale.append(key)
    linked = {
        target for key, entry in existing.items() if key not in stale and not (entry.changed and key in produced)
        for target in entry.data.get("related") or []
    }
    return sorted(key for key in stale if key not in linked)


# ---------------------------------------------------------------- entity stubs


def _person_stub(person: Person) -> dict[str, Any]:
    data: dict[str, Any] = {"name": person.name}
    if person.aliases:
        data["aliases"] = list(person.aliases)
    if person.roles:
        data["roles"] = [{"title": role.title} for role in person.roles]
    return data


def _named_stub(entity: Organization | Treaty) -> dict[str, Any]:
    data: dict[str, Any] = {"name": entity.name}
    if entity.abbreviation:
        data["abbreviation"] = entity.abbreviation
    aliases = [a for a in entity.aliases if a != entity.abbreviation]
    if aliases:
        data["aliases"] = aliases
    return data


def _place_stub(place: Place) -> dict[str, Any]:
    data: dict[str, Any] = {"name": place.name}
    if place.aliases:
        data["aliases"] = list(place.aliases)
    if place.country:
        data["country"] = place.country  # a gazetteer city's; the editor adds coordinates
    return data


def plan_stubs(extractions: list[Extraction], chronology_dir: Path, root: Path) -> Plan:
    """Text to append to each entity file for entities it does not have yet."""
    plan = Plan()
    kinds: list[tuple[str, str, Any]] = [
        ("people", "people", _person_stub),
        ("organizations", "organizations", _named_stub),
        ("treaties", "treaties", _named_stub),
        ("places", "places", _place_stub),
    ]
    for kind, attribute, to_data in kinds:
        stubs: dict[str, Any] = {}
        for extraction in extractions:
            for entity in getattr(extraction, attribute):
                stubs.setdefault(entity.id, entity)
        if not stubs:
            continue
        path = chronology_dir / f"{kind}.yml"
        rel = relative_to_root(path, root)
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        known: set[str] = set()
        if text.strip():
            document, problems = read_yaml(path, rel)
            if document is None or not isinstance(document.data, (dict, type(None))):
                plan.errors.append(EntryError(rel, None, "", f"cannot add {len(stubs)} new {kind}: fix this file first ({problems[0].message if problems else 'not a mapping'})"))
                continue
            known = set(document.data or {})
        new = {key: to_data(entity) for key, entity in sorted(stubs.items()) if key not in known}
        if not new:
            continue
        addition = dump_yaml(new)
        if not text:
            head = f"# yaml-language-server: $schema=../chrono/schemas/{kind}.schema.json\n"
        else:
            head = text if text.endswith("\n") else text + "\n"
        if STUB_COMMENT not in text:
            head += STUB_COMMENT + "\n"
        names = ", ".join(sorted(new))
        plan.changes.append(FileChange(path, rel, head + addition, f"append to {rel}: {names}"))
    return plan


# ---------------------------------------------------------------- writing and locking


def apply_plan(plan: Plan) -> None:
    """Write every change atomically: each to a temporary file beside it, all flushed to disk
    with one sync, then each renamed over its target. A reader, or a crash, sees the old file
    or the new one, never half of one; one sync for all keeps a big run fast."""
    if len(plan.changes) <= 3:
        for change in plan.changes:
            if change.text is None:
                change.path.unlink(missing_ok=True)
            else:
                write_text_atomic(change.path, change.text)
        return
    written: list[tuple[str, Path]] = []
    try:
        for change in plan.changes:
            if change.text is None:
                continue
            change.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=f".{change.path.name}.", suffix=".tmp", dir=change.path.parent)
            written.append((temporary, change.path))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(change.text)
        os.sync()
        for temporary, path in written:
            os.replace(temporary, path)
        written = []
        for change in plan.changes:
            if change.text is None:
                change.path.unlink(missing_ok=True)
        for folder in {change.path.parent for change in plan.changes}:
            descriptor = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
    finally:
        for temporary, _ in written:
            Path(temporary).unlink(missing_ok=True)


class LockedError(Exception):
    """Another extract run holds the lock."""


@contextmanager
def hold_extract_lock(chronology_dir: Path) -> Iterator[None]:
    """One extract at a time: a lock on `chronology/.extract.lock` holding our pid.

    `flock` is released by the kernel if the process dies, so a crash leaves no stale lock.
    """
    chronology_dir.mkdir(parents=True, exist_ok=True)
    path = chronology_dir / LOCK_NAME
    while True:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            other = os.pread(handle, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(handle)
            if error.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            raise LockedError(f"another extract is running (pid {other}); wait for it to finish") from None
        # The previous holder unlinks the file when done; if we locked that unlinked file,
        # start again on the current one, so two runs never both believe they hold the lock.
        try:
            same = os.path.samestat(os.fstat(handle), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(handle)
    try:
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{os.getpid()}\n".encode("ascii"), 0)
        try:
            yield
        finally:
            path.unlink(missing_ok=True)
    finally:
        os.close(handle)


# ---------------------------------------------------------------- one whole run


@dataclass
class RunReport:
    """What an extract run did (or, with dry_run, would do)."""

    changes: list[FileChange] = field(default_factory=list)
    errors: list[EntryError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Files left alone on purpose (a person must fix them first)."""
    articles: int = 0
    extracted: int = 0

    @property
    def doubtful_drafts(self) -> list[tuple[str, list[str]]]:
        """The event files this run writes that carry doubts, with the doubted fields' paths:
        what an editor should open first."""
        found = []
        for change in self.changes:
            if change.text is None or "/events/" not in f"/{change.rel}":
                continue
            data = yaml.safe_load(change.text)
            if isinstance(data, dict) and isinstance(data.get("doubts"), dict) and data["doubts"]:
                found.append((change.rel, list(data["doubts"])))
        return found


def select_articles(seeds_dir: Path, names: list[str], root: Path) -> tuple[list[Path], list[EntryError]]:
    """The article files to read: the ones named (file names or paths inside seeds/), else all."""
    if not names:
        return sorted(seeds_dir.glob("*.txt")), []
    paths: list[Path] = []
    errors: list[EntryError] = []
    for name in names:
        candidate = Path(name)
        path = candidate if candidate.exists() else seeds_dir / candidate.name
        if not path.is_file():
            errors.append(EntryError(name, None, "", "no such article (give a file name in seeds/ or its path)"))
            continue
        if path.resolve().parent != seeds_dir.resolve():
            errors.append(EntryError(relative_to_root(path, root), None, "", "articles must be in seeds/ so their source can be cited; copy it there first"))
            continue
        paths.append(path)
    return sorted(set(paths)), errors


def run_extraction(
    root: Path, names: list[str], *, dry_run: bool = False,
    on_progress: Callable[[int, int, str], None] | None = None, own_drafts: bool = False,
) -> RunReport:
    """Read the articles, extract each, and apply the results (unless dry_run). `own_drafts`:
    an article about an event a person wrote gets its own draft, linked to that entry, instead
    of joining its sources (the accuracy benchmark scores what the extractor read)."""
    chronology_dir = root / "chronology"
    # The lock covers reading the events too: they are read once, for dating the articles
    # and for planning the changes, and must not change in between.
    with hold_extract_lock(chronology_dir) if not dry_run else _no_lock():
        return _run_locked(root, names, dry_run=dry_run, on_progress=on_progress, own_drafts=own_drafts)


def _run_locked(
    root: Path, names: list[str], *, dry_run: bool,
    on_progress: Callable[[int, int, str], None] | None, own_drafts: bool = False,
) -> RunReport:
    from .entries import load_entities
    from .extract import Catalog, ExtractionError, extract_article
    from .extract.gazetteer import GAZETTEER
    from .sources import read_article, read_source_facts

    chronology_dir = root / "chronology"
    seeds_dir = root / "seeds"
    report = RunReport()
    entity_errors: list[EntryError] = []
    entities, _ = load_entities(chronology_dir, root, entity_errors)
    catalog = Catalog(
        entities["people"], entities["organizations"], entities["treaties"], entities["places"], GAZETTEER
    )
    facts, fact_errors = read_source_facts(seeds_dir, root)
    report.errors.extend(fact_errors)
    existing, load_errors = load_existing_events(chronology_dir / EVENTS_DIR, root)
    # Reviewed entries are fixed points an article can be dated against (a weekday in a
    # month); drafts are not, so a run never depends on another draft's guess.
    known_events = tuple(
        entry.event for entry in existing.values()
        if entry.event and (entry.event.provenance == "curated" or entry.event.status == "reviewed")
    )
    paths, selection_errors = select_articles(seeds_dir, names, root)
    report.errors.extend(selection_errors)
    report.articles = len(paths) + len(selection_errors)
    extractions: list[Extraction] = []
    for number, path in enumerate(paths, 1):
        if on_progress:
            on_progress(number, len(paths), path.name)
        article, problem = read_article(path, facts.get(path.name, {}), root)
        if problem:
            report.errors.append(problem)
            continue
        assert article is not None
        try:
            extractions.append(extract_article(article, catalog, known_events))
        except ExtractionError as error:
            report.errors.append(EntryError(relative_to_root(path, root), None, "", str(error)))
        except RecursionError:
            report.errors.append(EntryError(relative_to_root(path, root), None, "", "the article is too deeply nested to read"))
    report.extracted = len(extractions)
    plan = plan_events(
        extractions, chronology_dir / EVENTS_DIR, root, entities["organizations"], (existing, load_errors),
        own_drafts=own_drafts,
    )
    stubs = plan_stubs(extractions, chronology_dir, root)
    report.errors.extend(plan.errors + stubs.errors)
    report.notes.extend(plan.notes)
    report.changes = plan.changes + stubs.changes
    if not dry_run:
        apply_plan(Plan(report.changes))
    return report


@contextmanager
def _no_lock() -> Iterator[None]:
    yield
