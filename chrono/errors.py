"""One error type for every bad input, located by file, line and field."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EntryError:
    """A problem in one place of one file: `path:line: field: message`."""

    path: str
    """The file, relative to the project root, with forward slashes."""
    line: int | None
    """1-based line, or None when the problem is the whole file."""
    field: str
    """Where in the file: `people[1].id`; empty for the file as a whole."""
    message: str

    def __str__(self) -> str:
        location = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{location}: {self.field}: {self.message}" if self.field else f"{location}: {self.message}"


def sort_errors(errors: list[EntryError]) -> list[EntryError]:
    """By file, then line (whole-file problems first), without repeats."""
    return sorted(set(errors), key=lambda e: (e.path, e.line or 0, e.field, e.message))


class ChronologyError(Exception):
    """Raised with every error found, so they can be reported together."""

    def __init__(self, errors: list[EntryError]) -> None:
        self.errors = sort_errors(errors)
        super().__init__("\n".join(str(error) for error in self.errors))
