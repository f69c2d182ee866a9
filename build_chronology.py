#!/usr/bin/env python3
"""Command line for the Russia–NATO chronology: validate the YAML entries, extract new ones,
add an article from a web page.

Thin by design: it parses arguments, calls the `chrono` package, prints errors and sets the
exit code (0 ok, 1 problems in the data, 2 bad usage).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from chrono.add import AddError, add_page, check_not_added, extraction_problems, read_page
from chrono.entries import read_chronology
from chrono.errors import EntryError
from chrono.scaffold import ScaffoldError, write_new_event
from chrono.schema_reference import (
    StaleReferenceError,
    load_schemas,
    refresh_reference_file,
    render_schema_reference,
    replace_marked_section,
)
from chrono.update import LockedError, run_extraction
from chrono.webpage import DEFAULT_TIMEOUT, MAX_PAGE_BYTES, is_web_address

ROOT = Path(__file__).resolve().parent


def print_errors(errors: list[EntryError]) -> None:
    for error in errors:
        print(error, file=sys.stderr)


def _escape_github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does (actions/toolkit
    `escapeData`): `%`, CR and LF."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_property(text: str) -> str:
    """A workflow command's property value (`escapeProperty`): also `:` and `,`."""
    return _escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(error: EntryError) -> str:
    """One problem as a GitHub workflow command, which the pull request shows on the file's line
    (as ruff's `--output-format github` does)."""
    properties = [f"file={_escape_github_property(error.path)}"]
    if error.line is not None:
        properties.append(f"line={error.line}")
    title = f"validate: {error.field}" if error.field else "validate"
    properties.append(f"title={_escape_github_property(title)}")
    return f"::error {','.join(properties)}::{_escape_github_data(str(error))}"


def command_validate(args: argparse.Namespace) -> int:
    """Check every file under chronology/ and seeds/; report all problems at once."""
    root = Path(args.root).resolve()
    chronology, errors = read_chronology(root)
    if errors:
        if args.format == "github":
            # Workflow commands are read from standard output.
            for error in errors:
                print(github_annotation(error))
        else:
            print_errors(errors)
        print(f"{len(errors)} problem{'s' if len(errors) != 1 else ''} found.", file=sys.stderr)
        return 1
    if not args.quiet:
        print(
            f"OK: {len(chronology.events)} events, {len(chronology.people)} people, "
            f"{len(chronology.organizations)} organizations, {len(chronology.treaties)} treaties, "
            f"{len(chronology.places)} places, {len(chronology.articles)} articles."
        )
    return 0


def command_new(args: argparse.Namespace) -> int:
    """Write a new event file with every field in place; never overwrite one."""
    root = Path(args.root).resolve()
    try:
        created = write_new_event(root, args.date, args.title, args.slug, force=args.force)
    except ScaffoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2 if error.usage else 1
    try:
        shown = created.path.relative_to(Path.cwd())
    except ValueError:
        shown = created.path
    print(shown)
    print("Fill in summary, annotation, sources and both sides' quotes, then run: build_chronology.py validate", file=sys.stderr)
    return 0


def command_schema_docs(args: argparse.Namespace) -> int:
    """Print the field reference generated from the JSON Schemas, or refresh it in a file."""
    schemas = load_schemas()
    target = Path(args.root).resolve() / args.file
    if not (args.write or args.check):
        print(render_schema_reference(schemas), end="")
        return 0
    try:
        if args.check:
            text = target.read_text(encoding="utf-8")
            if replace_marked_section(text, render_schema_reference(schemas)) != text:
                print(f"{args.file}: the field reference is out of date; run "
                      "`python build_chronology.py schema-docs --write`", file=sys.stderr)
                return 1
            return 0
        changed = refresh_reference_file(target, schemas)
    except (OSError, StaleReferenceError) as error:
        print(f"{args.file}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        return 1
    print(f"{args.file}: {'field reference updated' if changed else 'already up to date'}")
    return 0


def command_extract(args: argparse.Namespace) -> int:
    """Turn articles in seeds/ into event entries; keep every edit a person made."""
    root = Path(args.root).resolve()
    show_progress = not args.quiet and sys.stderr.isatty()

    def progress(number: int, total: int, name: str) -> None:
        # About a hundred updates per run: redrawing the line for every article costs time.
        if show_progress and total > 1 and (number % max(1, total // 100) == 0 or number in (1, total)):
            print(f"\r\033[Kextracting {number}/{total}: {name}", end="", file=sys.stderr, flush=True)

    try:
        report = run_extraction(
            root, args.articles, dry_run=args.dry_run, on_progress=progress, own_drafts=args.own_drafts
        )
    except LockedError as error:
        print(f"{root / 'chronology'}: {error}", file=sys.stderr)
        return 1
    finally:
        if show_progress:
            print("\r\033[K", end="", file=sys.stderr, flush=True)
    prefix = "would " if args.dry_run else ""
    if not args.quiet:
        for change in report.changes:
            print(f"{prefix}{change.description}")
    print_errors(report.errors)
    for note in report.notes:
        print(note, file=sys.stderr)
    if not args.quiet:
        failed = report.articles - report.extracted
        written = f"{len(report.changes)} file{'s' if len(report.changes) != 1 else ''} {'to change' if args.dry_run else 'changed'}"
        summary = f"{report.extracted} of {report.articles} article{'s' if report.articles != 1 else ''} extracted, {written}"
        print(summary + (f"; {failed} failed." if failed else ".") + (" (dry run: nothing written)" if args.dry_run else ""))
        doubtful = report.doubtful_drafts
        if doubtful:
            print(f"{len(doubtful)} draft{'s' if len(doubtful) != 1 else ''} with doubts (check these fields first):")
            for rel, paths in doubtful:
                print(f"  {rel}: {', '.join(paths)}")
    return 1 if report.errors else 0


def command_add(args: argparse.Namespace) -> int:
    """Add a news article from a URL or a saved page: seed file, sources.yml entry, extraction."""
    root = Path(args.root).resolve()
    if args.timeout <= 0:
        print("error: --timeout must be a positive number of seconds", file=sys.stderr)
        return 2
    try:
        if is_web_address(args.source):
            # A known address is refused before anything is fetched.
            check_not_added(root, args.source, [args.source])
        page = read_page(args.source, timeout=args.timeout)
        report = add_page(root, page, source=args.source, dry_run=args.dry_run)
    except AddError as error:
        print(error, file=sys.stderr)
        return 1
    except LockedError as error:
        print(f"{root / 'chronology'}: {error}; nothing was added", file=sys.stderr)
        return 1
    except OSError as error:
        where = error.filename or root / "seeds"
        print(f"{where}: {error.strerror or error}; nothing was added", file=sys.stderr)
        return 1
    except Exception as error:
        problems = extraction_problems(error)
        if problems is None:
            raise
        print_errors(problems)
        print(f"{args.source}: the article could not be extracted (problems above); "
              "nothing was added", file=sys.stderr)
        return 1
    page, prefix = report.addition.page, "would " if args.dry_run else ""
    facts = ", ".join(value for value in (page.publisher, page.published) if value)
    print(f"{prefix}write {report.written[0]}: {page.title or '(no title)'}"
          + (f" ({facts})" if facts else ""))
    print(f"{prefix}append {report.addition.name} to {report.written[1]}"
          + ("" if page.url else " (the page names no address: add its url there by hand)"))
    for change in report.extraction.changes:
        print(f"{prefix}{change.description}")
    print_errors(report.extraction.errors)
    for note in report.extraction.notes:
        print(note, file=sys.stderr)
    return 1 if report.extraction.errors else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="build_chronology.py",
        description="Build the annotated chronology of Russia–NATO relations from news articles.",
    )
    parser.add_argument(
        "--root",
        default=os.environ.get("CHRONOLOGY_ROOT", str(ROOT)),
        help="project folder holding chronology/ and seeds/ (default: this script's folder)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="check every YAML entry and report all problems as file:line: field: message",
        description="Check YAML syntax, types, required fields, real dates, ids and references.",
    )
    validate.add_argument("-q", "--quiet", action="store_true", help="print nothing when all is well")
    validate.add_argument(
        "--format", choices=("text", "github"), default="text",
        help="text: file:line: field: message on stderr (default); github: GitHub Actions "
        "workflow commands (::error file=...,line=...::...) on stdout, shown on the pull request",
    )
    validate.set_defaults(run=command_validate)

    new = commands.add_parser(
        "new",
        help="write chronology/events/<date>-<slug>.yml with every field in place, to fill in",
        description="Create a new event file named after its date and title. It is a draft: "
        "fill in summary, annotation, sources and both sides' quotes (validate reports them until "
        "you do). An event of the same day with mostly the same title as one the chronology holds "
        "is refused, naming that file (--force writes it anyway).",
    )
    new.add_argument("--date", required=True, help="when it happened: YYYY, YYYY-MM or YYYY-MM-DD")
    new.add_argument("--title", required=True, help="a short headline; the file name is made from it")
    new.add_argument("--slug", help="the file-name part after the date, if not the one made from the title")
    new.add_argument(
        "--force", action="store_true",
        help="write the file even if an event of the same day with mostly the same title exists",
    )
    new.set_defaults(run=command_new)

    schema_docs = commands.add_parser(
        "schema-docs",
        help="print the field reference generated from chrono/schemas/ (or --write it)",
        description="Render the JSON Schemas as Markdown tables for contributors.",
    )
    mode = schema_docs.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="refresh the generated section of --file")
    mode.add_argument("--check", action="store_true", help="exit 1 if the section in --file is stale")
    schema_docs.add_argument("--file", default="CONTRIBUTING.md", help="Markdown file with the markers (default: CONTRIBUTING.md)")
    schema_docs.set_defaults(run=command_schema_docs)

    extract = commands.add_parser(
        "extract",
        help="read articles in seeds/ and write or refresh event entries in chronology/events/",
        description="Extract the main event of each article (date resolved against the "
        "publication date, place, people with roles, organizations, treaties, quotes), and "
        "draft entries for other dated events it states. Fields a person edited are kept; "
        "curated and reviewed events are never changed; new people, organizations, treaties "
        "and places are appended to their files as stubs. Exit code 1 if any article failed.",
    )
    extract.add_argument(
        "articles", nargs="*", metavar="ARTICLE",
        help="article file names in seeds/ (or their paths); default: every seeds/*.txt",
    )
    extract.add_argument("-n", "--dry-run", action="store_true", help="print what would change and write nothing")
    extract.add_argument("-q", "--quiet", action="store_true", help="print only problems (no list of changes, no progress)")
    extract.add_argument(
        "--own-drafts", action="store_true",
        help="give an article about an event a person already wrote its own draft, linked to that "
        "entry, instead of adding it to the entry's sources (how the accuracy benchmark sees what "
        "the extractor read)",
    )
    extract.set_defaults(run=command_extract)

    add = commands.add_parser(
        "add",
        help="add a news article from a URL or a saved .html page, and extract it",
        description="Fetch the page (or read one saved from a browser), take its main text, "
        "title, site name, publication date and canonical address, write "
        "seeds/<NNN>_<hash>.txt, append its entry to seeds/sources.yml and extract it. A page "
        "already in sources.yml, a failed fetch, a page that is not HTML, has no article text "
        f"or is over {MAX_PAGE_BYTES // 1_000_000} MB is refused with one line, and nothing "
        "is written. If the extractor fails on the article, both files are removed again.",
    )
    add.add_argument(
        "source", metavar="URL|FILE.html",
        help="the article's address (http:// or https://), or a page saved from a browser",
    )
    add.add_argument(
        "-n", "--dry-run", action="store_true",
        help="fetch and extract, print what would be written, write nothing",
    )
    add.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
        help="give up on a server that does not answer within this many seconds "
        f"(default: {DEFAULT_TIMEOUT:g})",
    )
    add.set_defaults(run=command_add)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
