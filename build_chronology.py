#!/usr/bin/env python3
"""Command line for the Russia–NATO chronology: validate the YAML entries, extract new ones.

Thin by design: it parses arguments, calls the `chrono` package, prints errors and sets the
exit code (0 ok, 1 problems in the data, 2 bad usage).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from chrono.entries import read_chronology
from chrono.errors import EntryError

ROOT = Path(__file__).resolve().parent


def print_errors(errors: list[EntryError]) -> None:
    for error in errors:
        print(error, file=sys.stderr)


def command_validate(args: argparse.Namespace) -> int:
    """Check every file under chronology/ and seeds/; report all problems at once."""
    root = Path(args.root).resolve()
    chronology, errors = read_chronology(root)
    if errors:
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
    validate.set_defaults(run=command_validate)
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
