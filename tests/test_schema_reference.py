"""The contributor docs: the field reference generated from the schemas, kept in sync, and the
validator messages quoted in CONTRIBUTING.md, each produced by the real validator."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from build_chronology import main
from chrono.entries import read_chronology
from chrono.schema_reference import (
    END_MARKER,
    START_MARKER,
    StaleReferenceError,
    describe_type,
    escape_table_text,
    extract_marked_section,
    iter_fields,
    load_schemas,
    render_contributing_markdown,
    render_schema_reference,
    replace_marked_section,
)

REPO = Path(__file__).resolve().parent.parent
CONTRIBUTING = REPO / "CONTRIBUTING.md"
EVENT = "chronology/events/2019-07-05-nato-russia-council-inf-talks.yml"


def test_contributing_field_reference_is_up_to_date() -> None:
    document = CONTRIBUTING.read_text(encoding="utf-8")
    assert extract_marked_section(document) == render_schema_reference(load_schemas()), (
        "CONTRIBUTING.md's field reference is stale: run "
        "`.venv/bin/python build_chronology.py schema-docs --write`"
    )


def test_every_schema_field_has_a_row() -> None:
    reference = render_schema_reference(load_schemas())
    for name, schema in load_schemas().items():
        entry = schema.get("additionalProperties", {}) if "propertyNames" in schema else schema
        for path, _, _ in iter_fields(entry):
            assert f"| `{path}` |" in reference, (name, path)
    assert "| `people[].id` | id | yes | A person id from people.yml. |" in reference
    assert "| `sources` | list of mappings | yes | Where it is reported. At least 1 item. |" in reference
    assert "| `provenance` | one of `extracted`, `curated` | yes |" in reference


@pytest.mark.parametrize(
    ("schema", "words"),
    [
        ({"type": "string"}, "text"),
        ({"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, "date or null"),
        ({"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}}, "list of ids"),
        ({"type": "array", "items": {"type": "object"}}, "list of mappings"),
        ({"type": ["number", "null"]}, "number or null"),
        ({"enum": ["a", "b"]}, "one of `a`, `b`"),
        ({"type": "object", "additionalProperties": {"type": "string"}}, "mapping of name to text"),
        ({}, "any"),
    ],
)
def test_describe_type(schema: dict[str, object], words: str) -> None:
    assert describe_type(schema) == words


def test_table_cells_cannot_break_the_table_or_inject_html() -> None:
    assert escape_table_text("a | b <script> `<id>`\nc") == "a \\| b &lt;script&gt; `<id>` c"


def test_replace_marked_section_is_idempotent_and_keeps_the_rest() -> None:
    document = f"# Title\n\nbefore\n\n{START_MARKER}\nold\n{END_MARKER}\n\nafter\n"
    once = replace_marked_section(document, "new table\n")
    assert once == f"# Title\n\nbefore\n\n{START_MARKER}\n\nnew table\n\n{END_MARKER}\n\nafter\n"
    assert replace_marked_section(once, "new table\n") == once
    assert extract_marked_section(once) == "new table\n"


@pytest.mark.parametrize("document", ["no markers", f"{END_MARKER}\n{START_MARKER}\n"])
def test_markers_missing_or_reversed_is_a_clear_error(document: str) -> None:
    with pytest.raises(StaleReferenceError, match="markers are missing or out of order"):
        replace_marked_section(document, "x")


def test_cli_check_and_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "CONTRIBUTING.md"
    target.write_text(f"# Contributing\n\n{START_MARKER}\nstale\n{END_MARKER}\n", encoding="utf-8")
    assert main(["--root", str(tmp_path), "schema-docs", "--check"]) == 1
    assert capsys.readouterr().err == (
        "CONTRIBUTING.md: the field reference is out of date; run "
        "`python build_chronology.py schema-docs --write`\n"
    )
    assert main(["--root", str(tmp_path), "schema-docs", "--write"]) == 0
    assert capsys.readouterr().out == "CONTRIBUTING.md: field reference updated\n"
    assert main(["--root", str(tmp_path), "schema-docs", "--check"]) == 0
    assert main(["--root", str(tmp_path), "schema-docs", "--write"]) == 0
    assert capsys.readouterr().out == "CONTRIBUTING.md: already up to date\n"
    assert [p.name for p in tmp_path.iterdir()] == ["CONTRIBUTING.md"]


def test_cli_prints_the_reference_and_reports_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(tmp_path), "schema-docs"]) == 0
    assert capsys.readouterr().out == render_schema_reference(load_schemas())
    assert main(["--root", str(tmp_path), "schema-docs", "--check", "--file", "NOPE.md"]) == 1
    assert capsys.readouterr().err == "NOPE.md: No such file or directory\n"


# ------------------------------------------------------------ the messages quoted in the guide


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _schema_mistakes(root: Path) -> None:
    _edit(root, EVENT, "title: NATO-Russia", "titel: NATO-Russia")
    _edit(root, EVENT, "date: '2019-07-05'\n", "date: 2019-07-5\n")
    _edit(root, EVENT, "status: draft", "status: done")
    _edit(root, EVENT, "    role: NATO Secretary General", "    role: 12")
    _edit(root, EVENT, "tags: [arms-control, nato-russia-council]", "tags: [arms-control, arms-control, Arms Control]")
    (root / "chronology/events/2000-01-01-x.yml").write_text("id: 2000-01-01-x\ntitle: [unclosed\n")
    (root / "chronology/events/2000-01-02-y.yml").write_text("id: 2000-01-02-y\ntitle: y\ntitle: z\n")
    (root / "chronology/events/2000 Bad Name.yml").write_text("id: x\n")


def _file_mistakes(root: Path) -> None:
    _edit(root, EVENT, "date: '2019-07-05'\n", "date: 2019\n")
    _edit(root, "chronology/events/1996-05-15-cfe-review-conference.yml", "end_date: '1996-05-31'", "end_date: '1996-05-01'")
    _edit(root, "chronology/events/2019-08-02-inf-treaty-ends.yml", "id: 2019-08-02-inf-treaty-ends", "id: 2019-08-02-inf-treaty-ended")
    _edit(root, "chronology/places.yml", "latitude: 50.85", "latitude: 150.85")
    with open(root / "chronology/people.yml", "a", encoding="utf-8") as people:
        people.write("nato:\n  name: Nato the person\n")
    (root / "chronology/events/2000-01-03-z.yml").write_text("a: &x [1]\nb: *x\n")
    (root / "chronology/events/2000-01-04-w.yaml").write_text("id: 2000-01-04-w\n")
    (root / "chronology/events/2000-01-05-v.yml").write_bytes(b"title: \xcf\xf0\n")
    (root / "chronology/events/2000-01-06-u.yml").write_text("- a\n- b\n")


def _reference_mistakes(root: Path) -> None:
    _edit(root, EVENT, "- id: jens-stoltenberg", "- id: jens-stoltenbreg")
    _edit(root, EVENT, "- speaker: jens-stoltenberg", "- speaker: stoltenberg")
    _edit(root, EVENT, "related: [2019-08-02-inf-treaty-ends]", "related: [2019-08-02-inf-treaty-end]")
    _edit(root, EVENT, "article: 002_5b8a1d404cf63abd.txt", "article: 002.txt")
    _edit(root, "chronology/people.yml", "      to: '2024-10-01'\n", "      to: '2004-10-01'\n")


def _new_event(root: Path) -> None:
    assert main(["--root", str(root), "new", "--date", "2008-08-19", "--title", "NATO foreign ministers meet on Georgia"]) == 0


def _missing_title(root: Path) -> None:
    _edit(root, EVENT, "title: NATO-Russia Council fails to save the INF Treaty\n", "")


def _tag_with_markup(root: Path) -> None:
    with open(root / "chronology/tags.yml", "a", encoding="utf-8") as tags:
        tags.write("bad-tag:\n  name: Bad <b>tag</b>\n")


def _impossible_date(root: Path) -> None:
    _edit(root, EVENT, "date: '2019-07-05'\n", "date: '2019-02-30'\n")


def _contradicting_notes(root: Path) -> None:
    _edit(
        root, EVENT, "sources:\n",
        "statements_missing:\n"
        "  - {side: nato, note: No NATO statement found.}\n"
        "  - {side: russia, note: No Russian statement found.}\n"
        "  - {side: russia, note: Nothing in the mid.ru archive.}\n"
        "sources:\n",
    )


def _content_mistakes(root: Path) -> None:
    ends = "chronology/events/2019-08-02-inf-treaty-ends.yml"
    _edit(root, ends, "summary: The United States withdraws from the INF Treaty six months after giving notice, and the treaty ends.", "summary: The INF Treaty ends.")
    _edit(root, ends, "  - url: https://www.nato.int/cps/en/natohq/news_168177.htm\n    publisher: NATO\n", "  - url: https://blog.example.net/inf\n    publisher: A blog\n")
    _edit(root, ends, "    role: Deputy Foreign Minister of Russia\n    source:\n      url: https://example.org/fixture/invented-statement\n      publisher: Fixture Wire (test data)\n      published: '2019-08-02'\n", "    role: Deputy Foreign Minister of Russia\n")
    _edit(root, "chronology/people.yml", "  side: russia\n", "")
    _edit(root, "chronology/people.yml", "  description: Russian diplomat, deputy foreign minister from 1991 to 2003.\n", "")
    _edit(root, "chronology/people.yml", "      sources: [{url: 'https://example.org/fixture/mamedov-biography', publisher: Fixture Wire (test data), note: fixture data for the tests}]\n", "")
    _edit(root, "chronology/places.yml", "  latitude: 48.2082\n  longitude: 16.3738\n", "")
    talks = (root / EVENT).read_text(encoding="utf-8")
    copy = talks.replace("id: 2019-07-05-nato-russia-council-inf-talks", "id: 2019-07-05-nrc-meets-on-inf")
    copy = copy.replace("title: NATO-Russia Council fails to save the INF Treaty", "title: NATO-Russia Council cannot save INF Treaty")
    (root / "chronology/events/2019-07-05-nrc-meets-on-inf.yml").write_text(copy, encoding="utf-8")


SCENARIOS: list[Callable[[Path], None]] = [_schema_mistakes, _file_mistakes, _reference_mistakes, _new_event, _missing_title, _impossible_date, _tag_with_markup, _contradicting_notes, _content_mistakes]


def _quoted_messages() -> list[str]:
    """Every validator line quoted in a code block of the guide's 'Validator messages' part."""
    document = CONTRIBUTING.read_text(encoding="utf-8")
    section = document.split("## Validator messages", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```\n(.*?)```", section, re.DOTALL)
    return [line for block in blocks for line in block.splitlines() if line.startswith(("chronology/", "seeds/"))]


def test_every_message_quoted_in_the_guide_is_what_the_validator_says(
    data_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    produced: set[str] = set()
    for number, scenario in enumerate(SCENARIOS):
        root = tmp_path / f"scenario-{number}"
        shutil.copytree(data_root / "chronology", root / "chronology")
        shutil.copytree(data_root / "seeds", root / "seeds")
        scenario(root)
        produced |= {str(error) for error in read_chronology(root)[1]}
    quoted = _quoted_messages()
    assert len(quoted) >= 20
    assert [line for line in quoted if line not in produced] == []


# ------------------------------------------------------------ the guide on the site


def test_contributing_page_markdown_has_the_guide_and_a_fresh_reference() -> None:
    stale = f"# Contributing\n\nIntro.\n\n{START_MARKER}\nold table\n{END_MARKER}\n"
    markdown = render_contributing_markdown(stale, load_schemas())
    assert markdown.startswith("# Contributing\n\n*This page is the guide kept in the repository as [CONTRIBUTING.md](repo:CONTRIBUTING.md).")
    assert "old table" not in markdown
    assert "| `people[].role` | text or null |  | The role as held at the time. |" in markdown
    assert markdown.endswith(f"{END_MARKER}\n")


def test_site_shows_the_guide_with_an_edit_link_to_contributing(project: Path) -> None:
    shutil.copy(CONTRIBUTING, project / "CONTRIBUTING.md")
    site = project / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=project, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    html = (site / "about/contributing/index.html").read_text(encoding="utf-8")
    repo = re.search(r"^repo_url: (\S+)", (project / "mkdocs.yml").read_text(), re.MULTILINE)[1]  # type: ignore[index]
    assert f'href="{repo}/edit/main/CONTRIBUTING.md"' in html
    assert f'href="{repo}/blob/main/CONTRIBUTING.md"' in html
    assert '<h2 id="validator-messages">' in html and '<h2 id="field-reference">' in html
    assert "<td><code>people[].id</code></td>" in html
    # The table header cell of the generated reference, and a heading with `<id>` kept as text.
    assert "<th>required</th>" in html
    assert "chronology/events/&lt;id&gt;.yml" in html


def test_site_without_contributing_keeps_the_short_page(project: Path) -> None:
    assert not (project / "CONTRIBUTING.md").exists()
    from chrono.site import generate_pages

    paths = [page.path for page in generate_pages(project, None)]
    assert "about/contributing.md" not in paths
    shutil.copy(CONTRIBUTING, project / "CONTRIBUTING.md")
    pages = {page.path: page for page in generate_pages(project, None)}
    assert pages["about/contributing.md"].edit_path == "CONTRIBUTING.md"
