"""The visual timeline page: positions on the axis, rows that do not collide, escaping, size."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from chrono.entries import load_chronology
from chrono.index import ChronologyIndex, build_index
from chrono.model import Chronology, Event, PartialDate
from chrono.timeline import MAX_LANES, assign_lanes, build_axis, render_visual_timeline_page


@pytest.fixture
def index(data_root: Path) -> ChronologyIndex:
    return build_index(load_chronology(data_root))


def _event(event_id: str, date: str, end: str | None = None, title: str = "T") -> Event:
    return Event(
        id=event_id, title=title, date=PartialDate.parse(date), summary="S",
        provenance="curated", status="reviewed", end_date=PartialDate.parse(end) if end else None,
    )


def _index(*events: Event) -> ChronologyIndex:
    return build_index(Chronology(events=tuple(sorted(events, key=lambda e: e.sort_key))))


def test_axis_covers_whole_years_of_events_and_eras(index: ChronologyIndex) -> None:
    axis = build_axis(index)
    assert axis is not None
    assert (axis.start.isoformat(), axis.end.isoformat()) == ("1996-01-01", "2022-12-31")
    assert axis.percent(axis.start) == 0


def test_marks_link_to_events_with_kind_position_and_width(index: ChronologyIndex) -> None:
    page = render_visual_timeline_page(index)
    assert page.path == "visual-timeline.md"
    mark = (
        r'<a class="tl-mark (tl-\w+)" href="([^"]+)" '
        r'style="left:([\d.]+)%[^"]*?(?:;width:([\d.]+)%)?"'
    )
    marks = re.findall(mark, page.markdown)
    assert [(kind, href) for kind, href, _, _ in marks] == [
        ("tl-span", "../events/1996-05-15-cfe-review-conference/"),
        ("tl-dot", "../events/2019-07-05-nato-russia-council-inf-talks/"),
        ("tl-dot", "../events/2019-08-02-inf-treaty-ends/"),
    ]
    # 15 May 1996 is day 135 of a 9,862-day axis (1996-2022); the conference lasts 17 days.
    assert float(marks[0][2]) == pytest.approx(135 * 100 / 9862, abs=1e-3)
    assert float(marks[0][3]) == pytest.approx(17 * 100 / 9862, abs=1e-3)
    assert page.markdown.count('class="tl-era ') == 2


def test_without_javascript_every_event_is_a_link_under_its_year(index: ChronologyIndex) -> None:
    markdown = render_visual_timeline_page(index).markdown
    listing = markdown[markdown.index('<section class="tl-list"') :]
    assert re.findall(r'<div id="year-(\d+)"><h2>', listing) == ["1996", "2019"]
    assert listing.count("<li>") == 3
    assert '<a href="../events/2019-08-02-inf-treaty-ends/">The INF Treaty ends</a>' in listing
    assert "<option value=\"2004\">2004</option>" in markdown
    # Two raw HTML blocks (graphic, list), each without a blank line that would end it early.
    blocks = markdown[markdown.index('<section class="tl"') :].strip().split("\n\n")
    assert [block[:20] for block in blocks] == ['<section class="tl" ', '<section class="tl-l']


def test_vague_dates_are_drawn_over_their_whole_month_or_year() -> None:
    index = _index(_event("a", "2001-03"), _event("b", "2002"))
    markdown = render_visual_timeline_page(index).markdown
    widths = re.findall(r'tl-vague" [^>]*;width:([\d.]+)%', markdown)
    days = 365 + 365  # 2001 and 2002
    assert [float(w) for w in widths] == [
        pytest.approx(31 * 100 / days, abs=1e-3),
        pytest.approx(365 * 100 / days, abs=1e-3),
    ]


def test_titles_are_escaped() -> None:
    index = _index(_event("a", "2001-03-01", title='<b>"x"</b> & y'))
    markdown = render_visual_timeline_page(index).markdown
    assert "<b>" not in markdown
    assert 'title="1 March 2001: &lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; y"' in markdown


def test_overlapping_events_get_separate_rows_up_to_a_limit() -> None:
    same_day = [_event(f"e{n}", "2005-01-10") for n in range(3)]
    later = _event("f", "2005-03-01")
    assert assign_lanes((*same_day, later)) == [0, 1, 2, 0]
    crowd = tuple(_event(f"c{n:03d}", "2005-01-10") for n in range(MAX_LANES + 5))
    assert max(assign_lanes(crowd)) == MAX_LANES - 1


def test_page_size_grows_linearly_with_events() -> None:
    base = _event("x", "2000-01-01")

    def size(count: int) -> int:
        events = [
            dataclasses.replace(
                base, id=f"e{n:05d}", date=PartialDate(2000 + n % 20, 1 + n % 12, 1 + n % 28)
            )
            for n in range(count)
        ]
        return len(render_visual_timeline_page(_index(*events)).markdown)

    small, large = size(1000), size(4000)
    per_event = (large - small) / 3000
    assert per_event < 400  # one mark and one list item, a few hundred bytes
    assert large < 4.2 * small
