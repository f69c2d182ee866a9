"""The compiled schema check in chrono/entries.py: it may only ever call valid what jsonschema
calls valid, and it must accept the real files (else it saves nothing)."""

from __future__ import annotations

import copy
import math
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.entries import ENTITY_FILES, _fast_check, compile_schema_check, load_schema

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "chronology"


def jsonschema_accepts(schema: dict[str, Any], value: Any) -> bool:
    cls = jsonschema.validators.validator_for(schema)
    return next(iter(cls(schema).iter_errors(value)), None) is None


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["event", *ENTITY_FILES])
def test_every_shipped_schema_compiles(name: str) -> None:
    assert _fast_check(name) is not None


def test_the_fixture_files_pass_the_fast_check() -> None:
    check = _fast_check("event")
    assert check is not None
    for path in sorted((FIXTURES / "events").glob("*.yml")):
        assert check(load(path)), path
    for kind in ENTITY_FILES:
        path = FIXTURES / f"{kind}.yml"
        if path.exists():
            kind_check = _fast_check(kind)
            assert kind_check is not None and kind_check(load(path)), path


def test_an_unknown_keyword_leaves_the_decision_to_jsonschema() -> None:
    assert compile_schema_check({"type": "string", "format": "email"}) is None
    assert compile_schema_check({"properties": {"a": {"oneOf": [{"type": "string"}]}}}) is None


@pytest.mark.parametrize(
    ("schema", "value", "expected"),
    [
        ({"type": "integer"}, True, False),
        ({"type": "number"}, False, False),
        ({"type": ["string", "null"]}, None, True),
        ({"enum": ["a", "b"]}, "c", False),
        ({"pattern": "^x"}, 5, True),
        ({"minLength": 1}, "", False),
        ({"minItems": 1}, [], False),
        ({"uniqueItems": True}, ["a", "a"], False),
        ({"minimum": -90, "maximum": 90}, 91.5, False),
        ({"minimum": -90, "maximum": 90}, math.nan, False),
        ({"additionalProperties": False, "properties": {"a": {}}}, {"b": 1}, False),
        ({"required": ["a"]}, {}, False),
        ({"propertyNames": {"pattern": "^[a-z]+$"}}, {"A": 1}, False),
        ({"propertyNames": {"pattern": "^[a-z]+$"}}, {0: 1}, False),
    ],
)
def test_keywords(schema: dict[str, Any], value: Any, expected: bool) -> None:
    check = compile_schema_check(schema)
    assert check is not None
    assert check(value) is expected
    if expected:
        assert jsonschema_accepts(schema, value)


VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-200, 3000)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.sampled_from(
        ["1996-05-15", "2019-02-30", "jens-stoltenberg", "Bad Id", "curated", "https://x.org", "Q1"]
    ),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=8) | st.integers(0, 3), children, max_size=3)
    ),
    max_leaves=8,
)


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths_of(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += paths_of(item, prefix + (i,))
    return found


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[str, Any]:
    """A fixture file with one to three values replaced, removed or added anywhere in it."""
    choices = [("event", p) for p in sorted((FIXTURES / "events").glob("*.yml"))]
    choices += [
        (kind, FIXTURES / f"{kind}.yml")
        for kind in ENTITY_FILES
        if (FIXTURES / f"{kind}.yml").exists()
    ]
    name, path = draw(st.sampled_from(choices))
    data = copy.deepcopy(load(path))
    for _ in range(draw(st.integers(1, 3))):
        target = draw(st.sampled_from(paths_of(data)))
        if not target:
            data = draw(VALUES) if draw(st.booleans()) else data
            continue
        parent = data
        for step in target[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[target[-1]] = draw(VALUES)
        elif action == "remove":
            del parent[target[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=8))] = draw(VALUES)
        else:
            parent.append(draw(VALUES))
    return name, data


@settings(max_examples=400, deadline=None)
@given(mutated_documents())
def test_the_fast_check_never_accepts_what_jsonschema_rejects(case: tuple[str, Any]) -> None:
    name, data = case
    check = _fast_check(name)
    assert check is not None
    if check(data):
        assert jsonschema_accepts(load_schema(name), data)
