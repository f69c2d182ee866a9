"""YAML <-> model. Validation happens here, once, and every error carries file, line and field.

Reading keeps PyYAML's node tree next to the data so that any problem, found by the JSON Schema
or by the cross-reference checks, can be pinned to the line a contributor has to edit.
"""

from __future__ import annotations

import difflib
import gc
import json
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from . import rules
from .errors import ChronologyError, EntryError, sort_errors
from .model import (
    Article,
    Chronology,
    DateBasis,
    Era,
    Event,
    MissingStatement,
    Organization,
    PartialDate,
    Person,
    PersonRole,
    Place,
    Quote,
    Role,
    RoleSource,
    SourceRef,
    Tag,
    Treaty,
)
from .sources import load_articles, relative_to_root

SCHEMA_DIR = Path(__file__).parent / "schemas"
EVENTS_DIR = "events"
ENTITY_FILES = ("people", "organizations", "treaties", "places", "tags", "eras")
MAX_ENTRY_BYTES = 1_000_000
_UNUSUAL_LINE_BREAK = re.compile("[\x85\u2028\u2029]")
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_HINT = "use lower-case letters, digits and single hyphens, e.g. 'jens-stoltenberg'"

FieldPath = tuple[str | int, ...]


# ---------------------------------------------------------------- reading YAML with lines


class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """Safe loader that keeps dates as the text the contributor wrote.

    PyYAML would turn `2019-07-05` into a `date` and raise a bare ValueError on `2019-02-30`;
    as text, both reach the validator, which can say where the bad date is.
    """


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


@dataclass
class YamlDocument:
    """A parsed file: its data, and the node tree that knows each value's line."""

    rel: str
    data: Any
    node: yaml.Node | None
    text: str | None = None
    """The file's text, kept in place of `node` once the file has passed its YAML checks: the
    node trees of 20,000 events would hold about 0.7 GB, and a line is needed only to report a
    problem, when the tree is composed again from the text."""

    def tree(self) -> yaml.Node | None:
        """The node tree, composed again from the text if it was let go."""
        if self.node is None and self.text is not None:
            loader = _Loader(self.text)
            try:
                self.node = loader.get_single_node()
            finally:
                loader.dispose()
            self.text = None
        return self.node

    def line_of(self, path: FieldPath, *, key: bool = False) -> int | None:
        """1-based line of the value at `path` (or of its key), or of its nearest ancestor."""
        node = self.tree()
        line = node.start_mark.line + 1 if node is not None else None
        for step in path:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == str(step):
                        line = (key_node if key else value_node).start_mark.line + 1
                        node = value_node
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
                line = node.start_mark.line + 1
            else:
                return line
        return line


def read_yaml(path: Path, rel: str) -> tuple[YamlDocument | None, list[EntryError]]:
    """Parse one YAML file; a file that cannot be read becomes one located error."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [EntryError(rel, None, "", f"cannot read the file: {error.strerror}")]
    if len(raw) > MAX_ENTRY_BYTES:
        return None, [EntryError(rel, None, "", f"the file is too large ({len(raw):,} bytes; the limit is {MAX_ENTRY_BYTES:,})")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [EntryError(rel, line, "", f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8")]
    # YAML also breaks lines at CR, NEL, U+2028 and U+2029; editors and GitHub show CR as a break
    # but not the other three, so line numbers would disagree with what the contributor sees.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if separator := _UNUSUAL_LINE_BREAK.search(text):
        line = text.count("\n", 0, separator.start()) + 1
        name = f"U+{ord(separator.group()):04X}"
        return None, [EntryError(rel, line, "", f"contains an unusual line separator ({name}); replace it with an ordinary line break or a space")]
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None and (alias_line := _first_alias_line(node)) is not None:
            # A repeated node is an alias (*name); a recursive one would make every later
            # step loop, and a nested chain of them ("billion laughs") exhausts memory.
            return None, [EntryError(rel, alias_line, "", "anchors and aliases (&name, *name) are not allowed in chronology files; write the value out")]
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as error:
        return None, [_unacceptable_character(rel, text, error)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or error.context or "invalid YAML"
        return None, [EntryError(rel, line, "", f"YAML syntax error: {problem}")]
    except yaml.YAMLError as error:
        return None, [EntryError(rel, None, "", f"YAML error: {error}")]
    except RecursionError:
        return None, [EntryError(rel, None, "", "YAML nested too deeply")]
    finally:
        loader.dispose()
    document = YamlDocument(rel, data, node)
    problems = _duplicate_keys(document)
    document.node, document.text = None, text
    return document, problems


def _unacceptable_character(rel: str, text: str, error: yaml.reader.ReaderError) -> EntryError:
    """A character YAML refuses (a NUL byte, another control character), located by line.
    PyYAML gives only a position, counted in bytes by libyaml and in characters by the Python
    reader, so the line is found from the character itself."""
    code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "\0")
    at = text.find(chr(code))
    line = text.count("\n", 0, at) + 1 if at >= 0 else None
    kind = "a control character" if code < 0x20 or 0x7F <= code <= 0x9F else "a character"
    return EntryError(rel, line, "", f"contains {kind} YAML does not allow (U+{code:04X}); delete it")


def _first_alias_line(root: yaml.Node) -> int | None:
    """Line of the first node reached twice in the tree, i.e. the first alias; None if none."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node.end_mark.line + 1
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                stack.extend((key_node, value_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def _duplicate_keys(document: YamlDocument) -> list[EntryError]:
    """PyYAML keeps the last of two equal keys silently; a contributor would lose the first."""
    errors = []
    stack: list[tuple[yaml.Node | None, str]] = [(document.node, "")]
    while stack:
        node, where = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                key = str(key_node.value)
                line = key_node.start_mark.line + 1
                child = f"{where}.{key}" if where else key
                if key in seen:
                    errors.append(EntryError(document.rel, line, child, f"duplicate key (first given on line {seen[key]}); keep one"))
                seen.setdefault(key, line)
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, f"{where}[{i}]") for i, item in enumerate(node.value))
    return errors


# ---------------------------------------------------------------- schema checks


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema shipped for an event file (`event`) or an entity file (`people`, ...)."""
    with open(SCHEMA_DIR / f"{name}.schema.json", encoding="utf-8") as handle:
        return json.load(handle)  # type: ignore[no-any-return]


@cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = load_schema(name)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)  # type: ignore[no-any-return]


# jsonschema takes about half a millisecond per event file, most of a validation's time. A valid
# file, by far the common case, is confirmed by a check compiled from the same schema; anything
# it does not accept goes to jsonschema, which finds and words the errors. The check only ever
# says "valid" when jsonschema would: any keyword it does not know makes it step aside.
Check = Callable[[Any], bool]
_ANNOTATIONS = frozenset({"$schema", "$comment", "title", "description", "default", "examples"})
_OBJECT_KEYWORDS = ("properties", "required", "additionalProperties", "propertyNames")
_JSON_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
}


def compile_schema_check(schema: Any) -> Check | None:
    """A function true only for instances `schema` accepts, or None if the schema uses a keyword
    this does not implement (then every instance goes to jsonschema)."""
    if schema is True or schema == {}:
        return lambda value: True
    if not isinstance(schema, dict):
        return None
    checks: list[Check] = []
    for keyword, argument in schema.items():
        if keyword in _ANNOTATIONS or keyword in _OBJECT_KEYWORDS:
            continue
        check = _compile_keyword(keyword, argument)
        if check is None:
            return None
        checks.append(check)
    if any(keyword in schema for keyword in _OBJECT_KEYWORDS):
        check = _compile_object(schema)
        if check is None:
            return None
        checks.append(check)
    if not checks:
        return lambda value: True
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


def _compile_keyword(keyword: str, argument: Any) -> Check | None:
    """One keyword's test; each applies only to its own kind of value, as in JSON Schema."""
    if keyword == "type":
        names = argument if isinstance(argument, list) else [argument]
        if not all(name in _JSON_TYPES for name in names):
            return None
        tests = tuple(_JSON_TYPES[name] for name in names)
        return lambda v: any(test(v) for test in tests)
    if keyword == "enum":
        # Only text options: JSON equality (1 is not true, 1.0 is 1) is left to jsonschema.
        if not all(isinstance(option, str) for option in argument):
            return None
        options = frozenset(argument)
        return lambda v: isinstance(v, str) and v in options
    if keyword == "pattern":
        search = re.compile(argument).search
        return lambda v: not isinstance(v, str) or search(v) is not None
    if keyword == "minLength":
        return lambda v: not isinstance(v, str) or len(v) >= argument
    if keyword == "minItems":
        return lambda v: not isinstance(v, list) or len(v) >= argument
    if keyword == "uniqueItems":
        # Items other than text (where 1 and true differ) are left to jsonschema.
        return lambda v: not argument or not isinstance(v, list) or (all(isinstance(i, str) for i in v) and len(set(v)) == len(v))
    if keyword in ("minimum", "maximum"):
        number = _JSON_TYPES["number"]
        if keyword == "minimum":
            return lambda v: not number(v) or v >= argument
        return lambda v: not number(v) or v <= argument
    if keyword == "items":
        item = compile_schema_check(argument)
        return None if item is None else (lambda v: not isinstance(v, list) or all(item(i) for i in v))
    return None


def _compile_object(schema: dict[str, Any]) -> Check | None:
    """properties, required, additionalProperties and propertyNames together, in one pass."""
    properties: dict[str, Check] = {}
    for name, subschema in schema.get("properties", {}).items():
        check = compile_schema_check(subschema)
        if check is None:
            return None
        properties[name] = check
    required = tuple(schema.get("required", ()))
    additional = schema.get("additionalProperties", True)
    other = None if additional is False else compile_schema_check(additional)
    names = compile_schema_check(schema.get("propertyNames", True))
    if (additional is not False and other is None) or names is None:
        return None

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        for key, item in value.items():
            if not isinstance(key, str) or not names(key):
                return False
            known = properties.get(key)
            if known is not None:
                if not known(item):
                    return False
            elif other is None or not other(item):
                return False
        return all(name in value for name in required)

    return check


@cache
def _fast_check(name: str) -> Check | None:
    """The compiled check for a shipped schema, made once per process."""
    return compile_schema_check(load_schema(name))


format_field = rules.format_field_path
"""`('people', 1, 'id')` -> `people[1].id`."""


def describe_value(value: Any) -> str:
    """A value as a contributor would name it in an error message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text {shown!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping (key: value lines)",
    "boolean": "true or false",
    "number": "a number",
    "integer": "a whole number",
    "null": "nothing",
}


def _schema_message(error: jsonschema.ValidationError) -> str:
    kind, value, schema = error.validator, error.instance, error.schema
    if kind == "type":
        types = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " or ".join(_TYPE_WORDS.get(t, t) for t in types if t != "null") or "nothing"
        message = f"expected {wanted}, got {describe_value(value)}"
        if "string" in types and isinstance(value, int) and not isinstance(value, bool) and "pattern" in schema and r"\d{4}" in schema["pattern"]:
            message += f" (write dates in quotes: '{value}')"
        return message
    if kind == "pattern":
        if r"\d{4}" in error.validator_value:
            return f"expected a date like '1996', '1996-05' or '1996-05-15', got {value!r}"
        if error.validator_value.startswith("^https?"):
            return f"expected an http(s) address, got {value!r}"
        if error.validator_value.startswith("^Q"):
            return f"expected a Wikidata id like 'Q57462', got {value!r}"
        return f"{value!r} is not a valid id: {ID_HINT}"
    if kind == "enum":
        options = ", ".join(repr(option) for option in error.validator_value)
        return f"expected one of {options}, got {describe_value(value)}"
    if kind == "minLength":
        return "must not be empty"
    if kind == "minItems":
        return f"needs at least {error.validator_value} item{'s' if error.validator_value != 1 else ''}"
    if kind == "uniqueItems":
        seen: set[str] = set()
        twice = next((item for item in value if json.dumps(item) in seen or seen.add(json.dumps(item))), None)  # type: ignore[func-returns-value]
        return f"lists {twice!r} twice" if twice is not None else "lists an item twice"
    if kind in ("minimum", "maximum"):
        return f"must be between {schema.get('minimum')} and {schema.get('maximum')}, got {value}"
    return error.message


def schema_errors(document: YamlDocument, schema_name: str) -> list[EntryError]:
    """Every JSON Schema violation in a document, located and worded for a contributor."""
    errors: list[EntryError] = []
    fast = _fast_check(schema_name)
    if fast is not None and fast(document.data):
        return errors
    for error in _validator(schema_name).iter_errors(document.data):
        path: FieldPath = tuple(error.absolute_path)
        if error.validator == "required":
            properties = error.schema.get("properties", {})
            for name in error.validator_value:
                if isinstance(error.instance, dict) and name not in error.instance:
                    description = properties.get(name, {}).get("description", "")
                    hint = f" ({description[0].lower()}{description[1:].rstrip('.')})" if description else ""
                    errors.append(EntryError(document.rel, document.line_of(path), format_field(path + (name,)), f"missing required field{hint}"))
        elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
            known = list(error.schema.get("properties", {}))
            for name in error.instance:
                if name not in known:
                    hint = _did_you_mean(str(name), known) or "; known fields: " + ", ".join(known)
                    errors.append(EntryError(document.rel, document.line_of(path + (name,), key=True), format_field(path + (name,)), f"unknown field{hint}"))
        elif "propertyNames" in error.absolute_schema_path:
            # jsonschema reports a bad key with the parent's path and the key as instance.
            errors.append(EntryError(document.rel, document.line_of(path + (error.instance,), key=True), format_field(path + (error.instance,)), f"{error.instance!r} is not a valid id: {ID_HINT}"))
        else:
            errors.append(EntryError(document.rel, document.line_of(path), format_field(path), _schema_message(error)))
    return errors


def _did_you_mean(word: str, choices: list[str] | dict[str, Any]) -> str:
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return f" (did you mean {match[0]!r}?)" if match else ""


# ---------------------------------------------------------------- building the model


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def _texts(value: list[str] | None) -> tuple[str, ...]:
    return tuple(value or ())


def _source(s: dict[str, Any]) -> SourceRef:
    return SourceRef(s.get("article"), s.get("url"), s.get("publisher"), s.get("published"), s.get("title"))


def build_event(data: dict[str, Any]) -> Event:
    """Model from a schema-valid mapping (dates already checked)."""
    basis = data.get("date_basis")
    return Event(
        id=data["id"],
        title=data["title"].strip(),
        date=PartialDate.parse(data["date"]),
        end_date=_date(data.get("end_date")),
        approximate=bool(data.get("approximate", False)),
        date_basis=DateBasis(basis["phrase"], basis.get("anchor"), basis.get("rule") or "") if basis else None,
        place=data.get("place"),
        summary=data["summary"].strip(),
        annotation=(data.get("annotation") or "").strip() or None,
        people=tuple(PersonRole(p["id"], p.get("role")) for p in data.get("people") or ()),
        organizations=_texts(data.get("organizations")),
        treaties=_texts(data.get("treaties")),
        tags=_texts(data.get("tags")),
        quotes=tuple(
            Quote(
                q["speaker"], q["text"], q.get("role"), _source(q["source"]) if q.get("source") else None,
                q.get("lang"), q.get("translation"), q.get("translation_source"),
            )
            for q in data.get("quotes") or ()
        ),
        statements_missing=tuple(
            MissingStatement(m["side"], m["note"].strip()) for m in data.get("statements_missing") or ()
        ),
        sources=tuple(_source(s) for s in data.get("sources") or ()),
        related=_texts(data.get("related")),
        provenance=data["provenance"],
        status=data["status"],
        review=_texts(data.get("review")),
        doubts=tuple((str(k), str(v)) for k, v in (data.get("doubts") or {}).items()),
        checksums=dict(data.get("checksums") or {}),
    )


def _build_person(key: str, d: dict[str, Any]) -> Person:
    roles = tuple(
        Role(
            r["title"], _date(r.get("from")), _date(r.get("to")),
            tuple(
                RoleSource(src["url"], src.get("publisher"), src.get("published"), src.get("title"), src.get("note"))
                for src in r.get("sources") or ()
            ),
            r.get("unchecked"),
        )
        for r in d.get("roles") or ()
    )
    return Person(
        key, d["name"], _texts(d.get("aliases")), d.get("description"), d.get("wikidata"), roles,
        d.get("side"), d.get("wikidata_note"),
    )


def _build_organization(key: str, d: dict[str, Any]) -> Organization:
    return Organization(
        key, d["name"], _texts(d.get("aliases")), d.get("abbreviation"), d.get("description"),
        d.get("wikidata"), d.get("url"), d.get("side"), d.get("wikidata_note"),
    )


def _build_treaty(key: str, d: dict[str, Any]) -> Treaty:
    return Treaty(
        key, d["name"], _texts(d.get("aliases")), d.get("abbreviation"), d.get("description"), d.get("wikidata"),
        _date(d.get("signed")), _date(d.get("in_force")), _date(d.get("suspended")), _date(d.get("ended")),
        _texts(d.get("parties")), d.get("wikidata_note"),
    )


def _build_place(key: str, d: dict[str, Any]) -> Place:
    return Place(
        key, d["name"], _texts(d.get("aliases")), d.get("country"), d.get("latitude"),
        d.get("longitude"), d.get("description"), d.get("wikidata"), d.get("wikidata_note"),
    )


def _build_tag(key: str, d: dict[str, Any]) -> Tag:
    return Tag(key, d["name"], d.get("description"))


def _build_era(key: str, d: dict[str, Any]) -> Era:
    return Era(key, d["name"], PartialDate.parse(d["from"]), PartialDate.parse(d["to"]), d.get("description"))


_BUILDERS: dict[str, Callable[[str, dict[str, Any]], Any]] = {
    "people": _build_person,
    "organizations": _build_organization,
    "treaties": _build_treaty,
    "places": _build_place,
    "tags": _build_tag,
    "eras": _build_era,
}

# Date fields per file, checked for real calendar dates after the schema passes.
_ENTITY_DATES: dict[str, tuple[FieldPath, ...]] = {
    "treaties": (("signed",), ("in_force",), ("suspended",), ("ended",)),
    "eras": (("from",), ("to",)),
}


def _date_errors(document: YamlDocument, data: Any, fields: Iterator[FieldPath], base: FieldPath = ()) -> list[EntryError]:
    errors = []
    for field_path in fields:
        value: Any = data
        for step in field_path:
            # Any shape can reach here (a list where a mapping belongs...); the schema reports it.
            if isinstance(value, dict) and step in value:
                value = value[step]
            elif isinstance(value, list) and isinstance(step, int) and step < len(value):
                value = value[step]
            else:
                value = None
        if isinstance(value, str):
            try:
                PartialDate.parse(value)
            except ValueError as error:
                full = base + field_path
                errors.append(EntryError(document.rel, document.line_of(full), format_field(full), str(error)))
    return errors


def _entity_date_paths(kind: str, entry: dict[str, Any]) -> Iterator[FieldPath]:
    yield from _ENTITY_DATES.get(kind, ())
    if kind == "people":
        roles = entry.get("roles")
        for i, role in enumerate(roles if isinstance(roles, list) else ()):
            yield ("roles", i, "from")
            yield ("roles", i, "to")
            role_sources = role.get("sources") if isinstance(role, dict) else None
            for j, _ in enumerate(role_sources if isinstance(role_sources, list) else ()):
                yield ("roles", i, "sources", j, "published")


def _event_date_paths(data: dict[str, Any]) -> Iterator[FieldPath]:
    yield ("date",)
    yield ("end_date",)
    yield ("date_basis", "anchor")
    sources = data.get("sources")
    for i, _ in enumerate(sources if isinstance(sources, list) else ()):
        yield ("sources", i, "published")
    quotes = data.get("quotes")
    for i, quote in enumerate(quotes if isinstance(quotes, list) else ()):
        if isinstance(quote, dict) and isinstance(quote.get("source"), dict):
            yield ("quotes", i, "source", "published")


def _range_error(document: YamlDocument, path: FieldPath, start: PartialDate | None, end: PartialDate | None, start_name: str, end_name: str) -> EntryError | None:
    if start and end and end.last_day() < start.first_day():
        return EntryError(document.rel, document.line_of(path), format_field(path), f"{end.iso()!r} is before {start_name} {start.iso()!r}")
    return None


# ---------------------------------------------------------------- the whole chronology


def _entry_has_schema_errors(kind: str, key: Any, entry: Any) -> bool:
    """Whether one entry breaks its file's schema. Matching error fields back to keys by text
    fails for keys such as 'a.b' or 0, and building a model from a bad entry would raise."""
    fast = _fast_check(kind)
    if fast is not None and fast({key: entry}):
        return False
    return next(iter(_validator(kind).iter_errors({key: entry})), None) is not None


def _tag_name_errors(document: YamlDocument) -> list[EntryError]:
    """Material's tags plugin writes tag names into every page as HTML, unescaped, so a name
    holding markup would run as markup: refuse '<' and '>' where the contributor can fix them."""
    errors = []
    for key, entry in document.data.items():
        name = entry.get("name") if isinstance(entry, dict) else None
        if isinstance(name, str) and ("<" in name or ">" in name):
            path: FieldPath = (key, "name")
            errors.append(EntryError(document.rel, document.line_of(path), format_field(path), "tag names cannot hold '<' or '>': the theme shows them as HTML"))
    return errors


def load_entities(chronology_dir: Path, root: Path, errors: list[EntryError]) -> tuple[dict[str, dict[str, Any]], dict[str, YamlDocument]]:
    """Every entity file as {kind: {id: model}}, and its document; bad entries are reported and left out."""
    entities: dict[str, dict[str, Any]] = {kind: {} for kind in ENTITY_FILES}
    documents: dict[str, YamlDocument] = {}

    for kind in ENTITY_FILES:
        path = chronology_dir / f"{kind}.yml"
        if not path.exists():
            continue
        document, problems = read_yaml(path, relative_to_root(path, root))
        errors.extend(problems)
        if document is None:
            continue
        problems = schema_errors(document, kind)
        errors.extend(problems)
        if not isinstance(document.data, dict):
            continue
        bad_ids = {str(e.field).split(".")[0].split("[")[0] for e in problems}
        for key, entry in document.data.items():
            if not isinstance(entry, dict) or str(key) in bad_ids or _entry_has_schema_errors(kind, key, entry):
                continue
            date_problems = _date_errors(document, entry, _entity_date_paths(kind, entry), (key,))
            errors.extend(date_problems)
            if date_problems:
                continue
            model = _BUILDERS[kind](str(key), entry)
            entities[kind][str(key)] = model
            if kind == "eras" and (problem := _range_error(document, (key, "to"), model.start, model.end, "from", "to")):
                errors.append(problem)
            if kind == "people":
                for i, role in enumerate(model.roles):
                    if problem := _range_error(document, (key, "roles", i, "to"), role.start, role.end, "from", "to"):
                        errors.append(problem)
        if kind == "tags":
            errors.extend(_tag_name_errors(document))
        documents[kind] = document
    return entities, documents


def _event_file_candidates(events_dir: Path) -> list[Path]:
    """Every entry of events/ that looks meant as an event: YAML files with any spelling of the
    extension, and folders holding YAML, so none is skipped without a word. Hidden files (an
    editor's backup, the temporary file of an interrupted write) are not entries."""
    if not events_dir.is_dir():
        return []
    candidates = []
    for path in sorted(events_dir.iterdir()):
        if path.name.startswith("."):
            continue
        if path.is_dir():
            if any(p.suffix.lower() in (".yml", ".yaml") for p in path.rglob("*")):
                candidates.append(path)
        elif path.suffix.lower() in (".yml", ".yaml"):
            candidates.append(path)
    return candidates


def load_events(
    events_dir: Path, root: Path, errors: list[EntryError],
    salvaged: list[tuple[Event, YamlDocument, frozenset[str]]] | None = None,
) -> list[tuple[Event, YamlDocument]]:
    """Every event file that passes its own checks, with the document it came from. A file
    that parses but fails its schema or date checks goes to `salvaged` (when given) as an
    event built from its sound fields, with the names of the fields left out, so its
    references and content rules are checked too and all its problems are reported at once."""
    loaded = []
    seen_ids: dict[str, str] = {}
    paths = _event_file_candidates(events_dir)
    # Resolving each file's path costs a system call per folder level; the folder's once does.
    folder_rel = relative_to_root(events_dir, root)
    for path in paths:
        rel = relative_to_root(path, root) if path.is_symlink() else f"{folder_rel}/{path.name}"
        if path.is_dir():
            errors.append(EntryError(rel, None, "", "folders inside chronology/events/ are not read; move its event files up into chronology/events/"))
            continue
        if path.suffix != ".yml":
            errors.append(EntryError(rel, None, "", "event files end in .yml; rename it"))
            continue
        if not ID_PATTERN.match(path.stem):
            errors.append(EntryError(rel, None, "", f"file name {path.name!r} is not a valid id: {ID_HINT}"))
            continue
        document, problems = read_yaml(path, rel)
        errors.extend(problems)
        if document is None:
            continue
        if not isinstance(document.data, dict):
            errors.append(EntryError(rel, document.line_of(()), "", f"expected a mapping of fields (id: ..., title: ...), got {describe_value(document.data)}"))
            continue
        problems = schema_errors(document, "event") + _date_errors(document, document.data, _event_date_paths(document.data))
        data = document.data
        if isinstance(data.get("id"), str) and data["id"] != path.stem:
            problems.append(EntryError(rel, document.line_of(("id",)), "id", f"{data['id']!r} does not match the file name {path.name!r}; the id and the file name must be the same"))
        errors.extend(problems)
        if problems:
            if salvaged is not None and (partial := salvage_event(data, path.stem, problems)) is not None:
                salvaged.append((partial[0], document, partial[1]))
            continue
        event = build_event(data)
        if event.id in seen_ids:
            errors.append(EntryError(rel, document.line_of(("id",)), "id", f"{event.id!r} is also the id of {seen_ids[event.id]}"))
            continue
        seen_ids[event.id] = rel
        errors.extend(_doubt_errors(event, document))
        if event.end_date and event.end_date.first_day() <= event.date.first_day():
            errors.append(EntryError(rel, document.line_of(("end_date",)), "end_date", f"{event.end_date.iso()!r} must be after date {event.date.iso()!r} (leave end_date out for a one-day event)"))
            continue
        loaded.append((event, document))
    return loaded


_DOUBT_PATH = re.compile(r"^(?P<field>[a-z_]+)(?:\[(?P<index>\d+)\])?")


def _doubt_errors(event: Event, document: YamlDocument) -> list[EntryError]:
    """A doubt must point at a field the entry has, and a reviewed entry has none left: the
    person who reviewed it checked each doubtful field and deleted its doubt."""
    errors = []
    for path, _reason in event.doubts:
        line = document.line_of(("doubts", path), key=True)
        match = _DOUBT_PATH.match(path)
        assert match is not None  # the schema checked the form
        items = getattr(event, match["field"])
        if match["index"] is not None and not isinstance(items, tuple):
            errors.append(EntryError(document.rel, line, f"doubts.{path}", f"{match['field']} is not a list; write the doubt's path as {match['field']!r}"))
        elif match["index"] is not None and int(match["index"]) >= len(items):
            errors.append(EntryError(document.rel, line, f"doubts.{path}", f"points at item {match['index']} of {match['field']}, which has {len(items)}; delete the doubt or correct its number"))
        elif event.status == "reviewed":
            errors.append(EntryError(document.rel, line, f"doubts.{path}", "a reviewed entry has no doubts left: check the field, correct it if needed, then delete this line"))
    return errors


_EVENT_DEFAULTS: dict[str, Any] = {"title": "", "summary": "", "provenance": "extracted", "status": "draft"}
_PLACEHOLDER_DATE = "0001"
"""Stands in for a date that failed its checks in a salvaged event; no check run on a
salvaged event reads the date."""


def salvage_event(data: dict[str, Any], file_id: str, problems: list[EntryError]) -> tuple[Event, frozenset[str]] | None:
    """An event built from the fields of `data` that have no problem, and the names of the
    fields left out (each replaced by an empty value); None if even that fails."""
    bad = frozenset(re.split(r"[.\[]", problem.field, maxsplit=1)[0] for problem in problems if problem.field)
    kept = {key: value for key, value in data.items() if key not in bad and key in _fast_schema_properties()}
    kept = {**_EVENT_DEFAULTS, **kept, "id": kept.get("id") if isinstance(kept.get("id"), str) else file_id}
    kept.setdefault("date", _PLACEHOLDER_DATE)
    try:
        return build_event(kept), bad | {key for key in data if key not in kept}
    except (KeyError, TypeError, ValueError, AttributeError):
        return None


@cache
def _fast_schema_properties() -> frozenset[str]:
    return frozenset(load_schema("event").get("properties", {}))


def _reference_errors(event: Event, document: YamlDocument, known: dict[str, set[str]], articles: dict[str, Article] | None) -> list[EntryError]:
    """References that do not resolve. `known` holds every id written, even of entries that
    failed their own checks, so one bad entry is reported once and not again by each user."""
    errors = []

    def check(path: FieldPath, value: str, kind: str, choices: set[str]) -> None:
        if value not in choices:
            errors.append(EntryError(document.rel, document.line_of(path), format_field(path), f"unknown {kind} {value!r}{_did_you_mean(value, list(choices))}"))

    for i, person in enumerate(event.people):
        check(("people", i, "id"), person.id, "person", known["people"])
    for i, org in enumerate(event.organizations):
        check(("organizations", i), org, "organization", known["organizations"])
    for i, treaty in enumerate(event.treaties):
        check(("treaties", i), treaty, "treaty", known["treaties"])
    for i, tag in enumerate(event.tags):
        check(("tags", i), tag, "tag", known["tags"])
    if event.place:
        check(("place",), event.place, "place", known["places"])
    speakers = known["people"] | known["organizations"]
    for i, quote in enumerate(event.quotes):
        check(("quotes", i, "speaker"), quote.speaker, "speaker (a person or organization id)", speakers)
        errors.extend(_translation_errors(document, i, quote))
    for i, other in enumerate(event.related):
        if other == event.id:
            errors.append(EntryError(document.rel, document.line_of(("related", i)), f"related[{i}]", "an event cannot be related to itself"))
        else:
            check(("related", i), other, "event", known["events"])
    if articles is not None:
        for i, source in enumerate(event.sources):
            if source.article and ("/" in source.article or "\\" in source.article or source.article.startswith(".")):
                path = ("sources", i, "article")
                errors.append(EntryError(document.rel, document.line_of(path), format_field(path), f"{source.article!r} is a path; give the file name of an article in seeds/"))
            elif source.article:
                check(("sources", i, "article"), source.article, "article in seeds/", set(articles))
    return errors


def _translation_errors(document: YamlDocument, i: int, quote: Quote) -> list[EntryError]:
    """A translation belongs to words in another language, and its source to a translation."""
    problems = []
    if quote.translation and quote.lang in (None, "en"):
        path: FieldPath = ("quotes", i, "translation")
        problems.append(EntryError(document.rel, document.line_of(path), format_field(path), "a translation needs the language of the original words: add `lang` (for example `lang: ru`)"))
    if quote.translation_source and not quote.translation:
        path = ("quotes", i, "translation_source")
        problems.append(EntryError(document.rel, document.line_of(path), format_field(path), "names who translated, but the quote has no `translation`"))
    return problems


def load_chronology(root: Path, *, chronology_dir: Path | None = None, seeds_dir: Path | None = None) -> Chronology:
    """Read and validate everything; raise ChronologyError listing every problem found."""
    chronology, errors = read_chronology(root, chronology_dir=chronology_dir, seeds_dir=seeds_dir)
    if errors:
        raise ChronologyError(errors)
    return chronology


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold off Python's cycle collector while files are read.

    Reading makes millions of small objects and no reference cycles, yet each burst of
    allocations makes the collector walk every object still alive, again and again as the
    pile grows: a third of the CPU time of reading 5,000 events. Refcounting still frees
    everything as usual; the collector runs again afterwards."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_chronology(root: Path, *, chronology_dir: Path | None = None, seeds_dir: Path | None = None) -> tuple[Chronology, list[EntryError]]:
    """Everything valid, and every error; callers decide whether errors are fatal."""
    with _collector_paused():
        return _read_chronology(root, chronology_dir, seeds_dir)


def _read_chronology(root: Path, chronology_dir: Path | None, seeds_dir: Path | None) -> tuple[Chronology, list[EntryError]]:
    chronology_dir = chronology_dir or root / "chronology"
    seeds_dir = seeds_dir or root / "seeds"
    errors: list[EntryError] = []
    if not chronology_dir.is_dir():
        errors.append(EntryError(relative_to_root(chronology_dir, root), None, "", "the chronology folder does not exist"))
    entities, documents = load_entities(chronology_dir, root, errors)
    salvaged: list[tuple[Event, YamlDocument, frozenset[str]]] = []
    loaded = load_events(chronology_dir / EVENTS_DIR, root, errors, salvaged)
    articles, article_errors = load_articles(seeds_dir, root)
    errors.extend(article_errors)
    known = {kind: set(doc.data) if isinstance(doc.data, dict) else set() for kind, doc in documents.items()}
    for kind in ENTITY_FILES:
        known.setdefault(kind, set())
    events_dir = chronology_dir / EVENTS_DIR
    known["events"] = {path.stem for path in events_dir.glob("*.yml")} if events_dir.is_dir() else set()
    for event, document in loaded:
        errors.extend(_reference_errors(event, document, known, articles))
    for event, document, left_out in salvaged:
        errors.extend(e for e in _reference_errors(event, document, known, articles) if _top_field(e.field) not in left_out)
    errors.extend(_ambiguous_speakers(entities, documents.get("organizations")))
    events = tuple(sorted((event for event, _ in loaded), key=lambda e: e.sort_key))
    chronology = Chronology(
        events=events,
        people=entities["people"],
        organizations=entities["organizations"],
        treaties=entities["treaties"],
        places=entities["places"],
        tags=entities["tags"],
        eras=tuple(sorted(entities["eras"].values(), key=lambda era: era.start)),
        articles=articles,
    )
    errors.extend(content_rule_errors(chronology, loaded, salvaged, documents))
    return chronology, sort_errors(errors)


def _top_field(field: str) -> str:
    """`sources[0].url` -> `sources`."""
    return re.split(r"[.\[]", field, maxsplit=1)[0]


def content_rule_errors(
    chronology: Chronology,
    loaded: list[tuple[Event, YamlDocument]],
    salvaged: list[tuple[Event, YamlDocument, frozenset[str]]],
    documents: dict[str, YamlDocument],
) -> list[EntryError]:
    """The content rules of chrono/rules.py, located: every event (sound fields of a broken
    one too), every pair of events that are the same event, every entity, the eras."""
    errors: list[EntryError] = []

    def located(document: YamlDocument, base: FieldPath, problem: rules.Problem) -> EntryError:
        path = base + problem.field
        return EntryError(document.rel, document.line_of(path), format_field(path), problem.message)

    for event, document in loaded:
        errors.extend(located(document, (), p) for p in rules.event_problems(event, chronology))
    for event, document, left_out in salvaged:
        errors.extend(
            located(document, (), p) for p in rules.event_problems(event, chronology)
            if not p.reads() & left_out
        )
    documents_of = {event.id: document for event, document in loaded}
    for first, second, reason in rules.same_event_pairs(chronology.events):
        document = documents_of[second.id]
        errors.append(EntryError(
            document.rel, document.line_of(("title",)), "title",
            f"the same event as {documents_of[first.id].rel} ({reason}); keep one entry and add "
            "the other's sources to it, or make the titles say what differs",
        ))
    checks = {
        "people": rules.person_problems,
        "organizations": rules.organization_problems,
        "treaties": rules.treaty_problems,
        "places": rules.place_problems,
    }
    for kind, check in checks.items():
        document = documents.get(kind)
        entries: dict[str, Any] = getattr(chronology, kind)
        if document is None:
            continue
        for key, entity in entries.items():
            errors.extend(located(document, (key,), p) for p in check(entity))
    if (eras := documents.get("eras")) is not None:
        errors.extend(located(eras, (era.id,), p) for era, p in rules.era_gap_problems(chronology.eras))
    return errors


def _ambiguous_speakers(entities: dict[str, dict[str, Any]], document: YamlDocument | None) -> list[EntryError]:
    """A quote's speaker may be a person or an organization, so the two id sets must not overlap."""
    errors = []
    for key in entities["organizations"]:
        if key in entities["people"] and document is not None:
            errors.append(EntryError(document.rel, document.line_of((key,), key=True), key, f"{key!r} is also a person id in people.yml; ids of people and organizations must differ"))
    return errors


# ---------------------------------------------------------------- writing


def _source_data(s: SourceRef) -> dict[str, Any]:
    pairs = (("article", s.article), ("url", s.url), ("publisher", s.publisher), ("published", s.published), ("title", s.title))
    return {k: v for k, v in pairs if v is not None}


def _quote_data(q: Quote) -> dict[str, Any]:
    data: dict[str, Any] = {"speaker": q.speaker, "text": q.text}
    if q.role:
        data["role"] = q.role
    if q.source:
        data["source"] = _source_data(q.source)
    if q.lang:
        data["lang"] = q.lang
    if q.translation:
        data["translation"] = q.translation
    if q.translation_source:
        data["translation_source"] = q.translation_source
    return data


def event_to_data(event: Event) -> dict[str, Any]:
    """The mapping written to an event file, fields in the documented order, empty optionals left out."""
    data: dict[str, Any] = {"id": event.id, "title": event.title, "date": event.date.iso()}
    if event.end_date:
        data["end_date"] = event.end_date.iso()
    if event.approximate:
        data["approximate"] = True
    if event.date_basis:
        data["date_basis"] = {"phrase": event.date_basis.phrase, "anchor": event.date_basis.anchor, "rule": event.date_basis.rule}
    data["place"] = event.place
    data["summary"] = event.summary
    if event.annotation:
        data["annotation"] = event.annotation
    data["people"] = [{"id": p.id, "role": p.role} for p in event.people]
    data["organizations"] = list(event.organizations)
    data["treaties"] = list(event.treaties)
    data["tags"] = list(event.tags)
    data["quotes"] = [_quote_data(q) for q in event.quotes]
    if event.statements_missing:
        data["statements_missing"] = [{"side": m.side, "note": m.note} for m in event.statements_missing]
    data["sources"] = [_source_data(s) for s in event.sources]
    data["related"] = list(event.related)
    data["provenance"] = event.provenance
    data["status"] = event.status
    if event.review:
        data["review"] = list(event.review)
    if event.doubts:
        data["doubts"] = dict(event.doubts)
    if event.checksums:
        data["checksums"] = dict(event.checksums)
    return data


class _Dumper(yaml.SafeDumper):
    """Block style, long text folded, unicode kept (Cyrillic aliases stay readable)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = ">" if len(value) > 80 and "\n" not in value else ("|" if "\n" in value else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(data: Any, *, schema: str | None = None) -> str:
    """YAML text with a yaml-language-server line so editors complete and check fields."""
    header = f"# yaml-language-server: $schema={schema}\n" if schema else ""
    return header + yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def dump_event(event: Event) -> str:
    return dump_yaml(event_to_data(event), schema="../../chrono/schemas/event.schema.json")


def append_to_block_list(text: str, field: str, item: dict[str, Any]) -> str | None:
    """`text` with `item` added at the end of its top-level block list `field`, every existing
    byte (comments, folding, key order) kept; None when `field` is not a non-empty block list or
    the result would not read back as exactly that list plus the item.

    The extractor adds an article to the sources of an entry a person wrote this way, so the
    person's file stays as they wrote it, with only the new item's lines inserted."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    value = next((v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == field), None)
    if not isinstance(value, yaml.SequenceNode) or value.flow_style or not value.value:
        return None
    last: yaml.Node = value.value[-1]
    # The last scalar of the last item marks where the list's text ends (a mapping's own end
    # mark lies at the next key, past any comments between).
    while isinstance(last, (yaml.MappingNode, yaml.SequenceNode)) and last.value:
        last = last.value[-1][1] if isinstance(last, yaml.MappingNode) else last.value[-1]
    lines = text.splitlines(keepends=True)
    end = last.end_mark
    insert_at = end.line if end.column == 0 else end.line + 1
    if insert_at > len(lines) or (lines and not lines[-1].endswith("\n") and insert_at == len(lines)):
        return None
    indent = " " * value.start_mark.column
    item_text = "".join(indent + line for line in dump_yaml([item]).splitlines(keepends=True))
    result = "".join(lines[:insert_at]) + item_text + "".join(lines[insert_at:])
    try:
        before, after = yaml.load(text, Loader=_Loader), yaml.load(result, Loader=_Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return None
    if not isinstance(after, dict) or after != {**before, field: [*before[field], item]}:
        return None
    return result


def _file_mode(path: Path) -> int:
    """The existing file's permission bits, or what a plain open() would give a new file."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


def write_text_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename: readers see old or new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); keep the old file's mode, or the usual one.
        os.chmod(temporary, _file_mode(path))
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
