"""Model + index -> Markdown text for each generated page. Pure functions, no MkDocs imports."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from .index import ChronologyIndex, event_path, event_yaml_path, neighbours
from .model import Event, PartialDate


@dataclass(frozen=True)
class GeneratedPage:
    """A page to add to the site: where it goes, its Markdown, and the file an edit should open."""

    path: str
    """Docs-relative path, e.g. `events/1997-05-27-founding-act.md`."""
    markdown: str
    edit_path: str | None
    """Repository path of the YAML (or Markdown) file behind the page."""


def format_date(date: PartialDate, end: PartialDate | None = None, approximate: bool = False) -> str:
    """A date as a reader reads it: '15 May 1996', 'May 1996', '26–27 April 2017', 'c. 1999'."""
    text = _format_single(date)
    if end is not None:
        text = _format_range(date, end)
    return f"c. {text}" if approximate else text


def _format_single(date: PartialDate) -> str:
    if date.month is None:
        return str(date.year)
    month = calendar.month_name[date.month]
    return f"{month} {date.year}" if date.day is None else f"{date.day} {month} {date.year}"


def _format_range(start: PartialDate, end: PartialDate) -> str:
    if start.precision == end.precision == "day" and start.year == end.year:
        if start.month == end.month:
            return f"{start.day}–{end.day} {calendar.month_name[end.month or 1]} {end.year}"
        return f"{start.day} {calendar.month_name[start.month or 1]} – {_format_single(end)}"
    return f"{_format_single(start)} – {_format_single(end)}"


def escape_markdown(text: str) -> str:
    """Text shown as text: no HTML, no Markdown markup taking effect."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]#|":
        text = text.replace(char, "\\" + char)
    return text


def render_event_page(event: Event, index: ChronologyIndex) -> GeneratedPage:
    """One event: when, where, what, who, and where it was reported."""
    lines = [f"# {escape_markdown(event.title)}", ""]
    lines.append(f"**{format_date(event.date, event.end_date, event.approximate)}**")
    lines += ["", escape_markdown(event.summary), ""]
    previous, following = neighbours(index, event)
    if previous or following:
        lines.append("---")
        if previous:
            lines.append(f"Previous: [{escape_markdown(previous.title)}](../{event_path(previous.id)})  ")
        if following:
            lines.append(f"Next: [{escape_markdown(following.title)}](../{event_path(following.id)})")
    return GeneratedPage(event_path(event.id), "\n".join(lines) + "\n", event_yaml_path(event.id))


def render_event_list(index: ChronologyIndex, prefix: str = "") -> str:
    """Every event in date order as a Markdown list, links relative to a page at `prefix`."""
    lines = []
    for event in index.chronology.events:
        when = format_date(event.date, event.end_date, event.approximate)
        lines.append(f"- {when}: [{escape_markdown(event.title)}]({prefix}{event_path(event.id)})")
    return "\n".join(lines) + "\n" if lines else "_No events yet._\n"
