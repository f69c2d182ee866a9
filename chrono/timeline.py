"""The visual timeline page: every event on one time axis, eras as bands, zoomable to a year.

The page is plain HTML positioned in percentages of the whole period, so it draws without
JavaScript and rescales when `timeline.js` widens the track to zoom. Below the graphic the same
events are a linked list grouped by year, which is what keyboard and screen-reader users follow.
Each event costs one link in the graphic and one list item: the page grows linearly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from .index import ChronologyIndex, event_path, page_href
from .model import Event
from .pages import GeneratedPage, format_date

VISUAL_TIMELINE_PATH = "visual-timeline.md"
LANE_HEIGHT_PX = 9
MAX_LANES = 48
"""Beyond this many rows the graphic would be taller than a screen; extra marks share rows."""
GAP_DAYS = 3
"""Marks are a few pixels wide; at one-year zoom that is about three days of axis."""
ERA_STYLES = 4
MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)


@dataclass(frozen=True)
class Axis:
    """The drawn period: 1 January of the first year to 31 December of the last."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def percent(self, day: dt.date) -> float:
        """Where a day begins on the axis, in percent of its width."""
        return (day - self.start).days * 100 / self.days

    def width(self, first: dt.date, last: dt.date) -> float:
        """Width of the days from first to last inclusive, in percent."""
        return ((last - first).days + 1) * 100 / self.days


def build_axis(index: ChronologyIndex) -> Axis | None:
    """Whole years covering every event and era; None when there is nothing to draw."""
    chronology = index.chronology
    firsts = [e.date.first_day() for e in chronology.events]
    firsts += [era.start.first_day() for era in chronology.eras]
    lasts = [(e.end_date or e.date).last_day() for e in chronology.events]
    lasts += [era.end.last_day() for era in chronology.eras]
    if not chronology.events:
        return None
    return Axis(dt.date(min(firsts).year, 1, 1), dt.date(max(lasts).year, 12, 31))


def assign_lanes(events: tuple[Event, ...]) -> list[int]:
    """A row for each event so that marks in one row do not overlap; events come in date order."""
    lane_ends: list[dt.date] = []
    lanes = []
    gap = dt.timedelta(days=GAP_DAYS)
    for event in events:
        first = event.date.first_day()
        last = (event.end_date or event.date).last_day() + gap
        for lane, end in enumerate(lane_ends):
            if end < first:
                break
        else:
            if len(lane_ends) < MAX_LANES:
                lane = len(lane_ends)
                lane_ends.append(last)
            else:
                # Full: share the row that frees up first, so the overlap is the smallest.
                lane = min(range(len(lane_ends)), key=lane_ends.__getitem__)
        lane_ends[lane] = max(lane_ends[lane], last)
        lanes.append(lane)
    return lanes


def render_visual_timeline_page(
    index: ChronologyIndex, *, directory_urls: bool = True
) -> GeneratedPage:
    """The visual timeline page as Markdown with raw HTML blocks."""
    lines = [
        "# Visual timeline",
        "",
        "Every event on one time axis; the shaded bands are the eras of the relationship. "
        "A dot is an event known to the day, a bar a multi-day event, and a pale bar an event "
        "known only to the month or year. Choose a year to zoom in; the same events are listed "
        "by year below the graphic.",
        "",
    ]
    axis = build_axis(index)
    if axis is None:
        lines.append("_No events yet._")
        return GeneratedPage(VISUAL_TIMELINE_PATH, "\n".join(lines) + "\n", None)
    lines.append(render_graphic(index, axis, directory_urls))
    lines.append("")
    lines.append(render_year_list(index, directory_urls))
    return GeneratedPage(VISUAL_TIMELINE_PATH, "\n".join(lines) + "\n", None)


def render_graphic(index: ChronologyIndex, axis: Axis, directory_urls: bool = True) -> str:
    """Controls, era bands, year lines and one link per event, as one raw HTML block."""
    first_year, last_year = axis.start.year, axis.end.year
    options = "".join(f'<option value="{y}">{y}</option>' for y in range(first_year, last_year + 1))
    out = [
        # <section>, not <div>: Material's search ends an exclusion at the first closing tag of
        # the same name, and the graphic is made of nested <div>s.
        f'<section class="tl" data-tl-start="{axis.start.isoformat()}" data-tl-days="{axis.days}" '
        'data-search-exclude>',
        '<div class="tl-controls" hidden>'
        '<label for="tl-zoom">Show</label> '
        f'<select id="tl-zoom"><option value="">The whole period</option>{options}</select> '
        '<button type="button" class="md-button" data-tl-step="-1">Earlier year</button> '
        '<button type="button" class="md-button" data-tl-step="1">Later year</button>'
        "</div>",
        # Focusable so the wide track scrolls by keyboard once zoomed in.
        '<div class="tl-viewport" tabindex="0" role="region" '
        'aria-label="Timeline graphic (the events are listed by year below)">',
    ]
    lanes = assign_lanes(index.chronology.events)
    rows = max(lanes, default=0) + 1
    out.append(f'<div class="tl-track" style="--tl-rows:{rows}">')
    for number, era in enumerate(index.chronology.eras):
        left = axis.percent(era.start.first_day())
        width = axis.width(era.start.first_day(), era.end.last_day())
        label = escape(era.name)
        out.append(
            f'<div class="tl-era tl-era-{number % ERA_STYLES}" '
            f'style="left:{left:.4f}%;width:{width:.4f}%" title="{label}">'
            f"<span>{label}</span></div>"
        )
    for year in range(first_year, last_year + 1):
        left = axis.percent(dt.date(year, 1, 1))
        major = " tl-year-major" if year % 5 == 0 or year == first_year else ""
        out.append(
            f'<div class="tl-year{major}" style="left:{left:.4f}%"><span>{year}</span></div>'
        )
        # Month lines show only when zoomed in to a year (CSS): twelve per year, not per event.
        for month in range(2, 13):
            left = axis.percent(dt.date(year, month, 1))
            name = MONTH_ABBREVIATIONS[month - 1]
            out.append(f'<div class="tl-month" style="left:{left:.4f}%"><span>{name}</span></div>')
    # The marks repeat the list below, so they are hidden from assistive technology and
    # taken out of the tab order (thousands of tab stops would trap a keyboard user).
    out.append('<div class="tl-marks" aria-hidden="true">')
    for event, lane in zip(index.chronology.events, lanes):
        out.append(_render_mark(event, lane, axis, directory_urls))
    out.append("</div></div></div></section>")
    return "\n".join(out)


def _render_mark(event: Event, lane: int, axis: Axis, directory_urls: bool) -> str:
    first = event.date.first_day()
    last = (event.end_date or event.date).last_day()
    href = _event_href(event, directory_urls)
    label = escape(f"{format_date(event.date, event.end_date, event.approximate)}: {event.title}")
    style = f"left:{axis.percent(first):.4f}%;top:calc({lane} * var(--tl-lane))"
    if event.date.precision != "day" or (event.end_date and event.end_date.precision != "day"):
        kind = "tl-vague"
    elif last > first:
        kind = "tl-span"
    else:
        kind = "tl-dot"
    if kind != "tl-dot":
        style += f";width:{axis.width(first, last):.4f}%"
    return (
        f'<a class="tl-mark {kind}" href="{href}" style="{style}" title="{label}" '
        'tabindex="-1"></a>'
    )


def _event_href(event: Event, directory_urls: bool) -> str:
    """The event page's address from this page, escaped for an attribute."""
    return escape(page_href(VISUAL_TIMELINE_PATH, event_path(event.id), directory_urls))


def render_year_list(index: ChronologyIndex, directory_urls: bool = True) -> str:
    """Every event as a link, grouped by year: the timeline without the graphic."""
    out = ['<section class="tl-list" data-search-exclude>']
    by_year: dict[int, list[Event]] = {}
    for event in index.chronology.events:
        by_year.setdefault(event.date.year, []).append(event)
    for year, events in by_year.items():
        # The id sits on a wrapper: Material's search starts a result at every heading with an id.
        out.append(f'<div id="year-{year}"><h2>{year}</h2>')
        out.append("<ul>")
        for event in events:
            href = _event_href(event, directory_urls)
            when = escape(format_date(event.date, event.end_date, event.approximate))
            title = escape(event.title)
            out.append(f'<li><span class="tl-when">{when}</span> <a href="{href}">{title}</a></li>')
        out.append("</ul></div>")
    out.append("</section>")
    return "\n".join(out)
