"""Date rules on made-up phrases: publication stamps, URL dates, relative and partial dates."""

from __future__ import annotations

import pytest

from chrono.dates import (
    DATE_PHRASE,
    find_publication_date,
    find_text_date,
    find_url_date,
    resolve_month_day,
    resolve_phrase,
    resolve_span,
    resolve_weekday,
)
from chrono.model import PartialDate

D = PartialDate.parse


@pytest.mark.parametrize(
    ("phrase", "anchor", "expected"),
    [
        ("on Wednesday", "2003-03-14", "2003-03-12"),  # Friday -> the Wednesday before
        ("on Friday", "2003-03-14", "2003-03-14"),  # the same day counts
        ("on Saturday", "2003-03-16", "2003-03-15"),
        ("last Monday", "2003-03-16", "2003-03-10"),
    ],
)
def test_weekday_is_the_latest_on_or_before_publication(phrase: str, anchor: str, expected: str) -> None:
    resolved = resolve_phrase("weekday", phrase, D(anchor))
    assert resolved is not None
    assert resolved.date == D(expected)
    weekday = phrase.split()[-1]
    assert resolved.rule == f"latest {weekday} on or before the publication date {anchor}"
    assert resolved.review is None


def test_next_weekday_is_after_publication() -> None:
    resolved = resolve_weekday("next Tuesday", "tuesday", D("2003-03-14"), after_anchor=True)
    assert resolved.date == D("2003-03-18")


def test_weekday_against_a_month_keeps_month_precision_and_asks_for_review() -> None:
    resolved = resolve_phrase("weekday", "on Thursday", D("2011-06"))
    assert resolved is not None
    assert resolved.date == D("2011-06")
    assert resolved.review and "known only to the month" in resolved.review


@pytest.mark.parametrize(
    ("kind", "phrase", "expected"),
    [
        ("dayword", "today", "2005-09-01"),
        ("dayword", "tonight", "2005-09-01"),
        ("dayword", "yesterday", "2005-08-31"),
        ("dayword", "last night", "2005-08-31"),
        ("period", "last month", "2005-08"),
        ("period", "earlier this month", "2005-09"),
        ("period", "last year", "2004"),
        ("in_month", "in February", "2005-02"),
        ("in_month", "in November", "2004-11"),
    ],
)
def test_relative_words(kind: str, phrase: str, expected: str) -> None:
    resolved = resolve_phrase(kind, phrase, D("2005-09-01"))
    assert resolved is not None and resolved.date == D(expected)


def test_earlier_this_week_is_a_span_marked_approximate() -> None:
    resolved = resolve_phrase("period", "earlier this week", D("2014-04-03"))  # a Thursday
    assert resolved is not None
    assert (resolved.date, resolved.end_date, resolved.approximate) == (D("2014-03-31"), D("2014-04-03"), True)


@pytest.mark.parametrize(
    ("phrase", "kind", "anchor", "tense", "expected"),
    [
        ("March 3", "md", "2008-03-20", None, "2008-03-03"),
        ("Dec. 30", "md", "2008-01-04", None, "2007-12-30"),  # nearest: the week before
        ("Jan. 5", "md", "2008-12-20", "future", "2009-01-05"),
        ("Nov. 2", "md", "2008-10-01", "past", "2008-11-02"),  # a month ahead, not eleven back: news gives the year of an older day
        ("Nov. 2", "md", "2008-06-01", "past", "2007-11-02"),  # five months ahead: the past reading stands
        ("2 August", "dm", "2019-07-05", "future", "2019-08-02"),
        ("January 12", "md", "2022-01", None, "2022-01-12"),  # month anchor: its year
    ],
)
def test_month_and_day_without_a_year(phrase: str, kind: str, anchor: str, tense: str | None, expected: str) -> None:
    resolved = resolve_phrase(kind, phrase, D(anchor), tense=tense)
    assert resolved is not None and resolved.date == D(expected)


def test_full_dates_and_months_with_a_year() -> None:
    assert resolve_phrase("full_md", "May 27, 1997", D("2001-01-01")).date == D("1997-05-27")  # type: ignore[union-attr]
    assert resolve_phrase("full_dm", "27 May 1997", D("2001-01-01")).date == D("1997-05-27")  # type: ignore[union-attr]
    assert resolve_phrase("month_year", "January 2010", D("2010-10-03")).date == D("2010-01")  # type: ignore[union-attr]
    assert resolve_phrase("full_md", "February 30, 2001", D("2001-01-01")) is None


def test_a_weekday_written_before_a_full_date_is_part_of_it() -> None:
    """"took place on Thursday 11 September 1997": one phrase, the date as written, not a
    Thursday counted back from the publication."""
    found = [(m.lastgroup, m[0]) for m in DATE_PHRASE.finditer("took place on Thursday 11 September 1997 at NATO")]
    assert found == [("full_dm", "on Thursday 11 September 1997")]
    assert resolve_phrase("full_dm", found[0][1], D("1997-09-26")).date == D("1997-09-11")  # type: ignore[union-attr]
    assert [m.lastgroup for m in DATE_PHRASE.finditer("met on Thursday, September 11, 1997")] == ["full_md"]


def test_a_multi_day_event_ending_on_a_date_starts_earlier() -> None:
    end = resolve_phrase("weekday", "Sunday", D("2009-06-29"))
    assert end is not None
    span = resolve_span(end, 3, "three-day meeting that ended Sunday")
    assert (span.date, span.end_date) == (D("2009-06-26"), D("2009-06-28"))
    assert "3-day event" in span.rule


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Talks resume", "Source: Xinhua| 2017-04-27 20:43:43|Editor: ying", "Body."], "2017-04-27"),
        (["Prague, 27 May 1997 (RFE/RL) -- Ministers met today."], "1997-05-27"),
        (["Headline here", "14 Jan, 2022 07:12", "MOSCOW (Sputnik) - Body."], "2022-01-14"),
        (["MOSCOW (UrduPoint News / Sputnik - 12th January, 2022) Russia said..."], "2022-01-12"),
        (["Published: March 3, 2004", "Text"], "2004-03-03"),
        (["A headline", "Date 04.04.2008", "Author Nick Amies"], "2008-04-04"),
        (["A headline", "Datum 12.03.1999 10:15", "Body."], "1999-03-12"),
        (["Press Release (2014) 062", "Issued on 01 Apr. 2014 | Last updated: 02 Apr. 2014 17:30"], "2014-04-01"),
        # A newspaper's stamp: its name, a dash and the weekday are no sentence around the date.
        (["- The Evening Example - Saturday, September 19, 2009", "WARSAW | Body."], "2009-09-19"),
        # A template that runs the time into the year.
        (["A headline", "20 May 201615:31", "Body."], "2016-05-20"),
        # A day written as an ordinal, the European way, under a press release's number.
        (["Press Release (97)104", "11. Sep 1997", "A headline"], "1997-09-11"),
        # An official transcript's heading: where and when, at its end, with no full stop.
        (["Transcript of Remarks by the Minister Following the Council Meeting, Oslo, April 26, 2007", "Body."], "2007-04-26"),
        # A forum's header line: long, but its date carries a clock time.
        (["To: reader who wrote (1553) 2/16/2000 6:48:00 PM From: poster Read Replies (1) | Respond to of 17770"], "2000-02-16"),
    ],
)
def test_publication_stamps_in_the_text(lines: list[str], expected: str) -> None:
    found = find_text_date(lines)
    assert found is not None and found.date == D(expected)


def test_archive_stamps_are_not_the_publication_date() -> None:
    assert find_text_date(["Last Updated: 07/27/2016", "Updated: July 28, 2016 10:00", "A headline"]) is None


def test_an_impossible_dotted_date_is_no_stamp() -> None:
    # Dots are read day first; "12.31.2008" has no 31st month, so it is not a date at all.
    assert find_text_date(["A headline", "Date 12.31.2008"]) is None


def test_a_date_in_a_body_sentence_is_not_a_stamp() -> None:
    lines = ["Headline", "The treaty signed on May 26, 1972 was the first of its kind, officials in the capital said on Friday."]
    assert find_text_date(lines) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/2019/07/05/story-a1", "2019-07-05"),
        ("http://example.cn/world/2010-10/03/content_1.htm", "2010-10-03"),
        ("http://example.ru/sitemap/free/1996/5/article/x/1.html", "1996-05"),
        ("https://example.com/news/20120304/story.html", "2012-03-04"),
        ("https://www.example.com/news/2009/sep/19/story-slug/", "2009-09-19"),
        ("https://example.org/archive/texts/2000.03.06.htm", "2000-03-06"),
        ("https://example.int/docu/speech/2007/s070614k.html", "2007-06-14"),
        ("https://example.int/docu/speech/2007/s120614k.html", None),  # 12 is not the folder's year
        ("https://archives.example.gov/textonly/New/Europe/19970527-814.html", "1997-05-27"),
        ("https://example.com/photos/19970527/", "1997-05-27"),
        ("https://example.com/item/19971327-814.html", None),  # no 13th month
        ("https://example.com/about", None),
    ],
)
def test_dates_in_url_paths(url: str, expected: str | None) -> None:
    found = find_url_date(url)
    assert (found.date if found else None) == (D(expected) if expected else None)


def test_sources_yml_comes_first_then_text_then_url() -> None:
    lines = ["Source: Agency | 2001-02-03 10:00"]
    url = "https://x.org/2001/02/04/a"
    assert find_publication_date("2001-02-02", lines, url).date == D("2001-02-02")  # type: ignore[union-attr]
    assert find_publication_date(None, lines, url).date == D("2001-02-03")  # type: ignore[union-attr]
    assert find_publication_date(None, [], url).date == D("2001-02-04")  # type: ignore[union-attr]
    assert find_publication_date(None, [], None) is None


def test_reported_would_for_a_day_just_gone_is_not_a_year_ahead() -> None:
    """"allies would meet on December 16" published December 18 is two days back; a plain
    future phrase still looks forward."""
    anchor = PartialDate.parse("2021-12-18")
    assert resolve_month_day("December 16", 12, 16, anchor, tense="future").date.iso() == "2021-12-16"
    assert resolve_month_day("January 12", 1, 12, anchor, tense="future").date.iso() == "2022-01-12"
    assert resolve_month_day("December 20", 12, 20, anchor, tense="future").date.iso() == "2021-12-20"
