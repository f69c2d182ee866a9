"""Dates in news text: find when an article was published, and resolve the phrases that say
when something happened ("on Wednesday", "held on January 12", "last month") against it.

Pure rules, no I/O. Every resolution carries a readable rule so a reader can check it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .model import PartialDate

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7,
}

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May\.?|June?\.?|July?\.?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# "May 27, 1997", "Aug. 2", "27 May 1997", "12th January, 2022", "14 Jan, 2022"
MONTH_DAY = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY})\b(?:,?\s+(?P<year>{_YEAR})\b)?")
DAY_MONTH = re.compile(rf"\b(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<year>{_YEAR})\b)?")
MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})(?:,)?\s+(?:of\s+)?(?P<year>{_YEAR})\b")
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")
DASHED_DATE = re.compile(r"\b(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<year>(?:19|20)\d\d)\b")
"""Stamps only: "2/17/2000" (US, month first), "15-01-2021" (day first); either order where
only one is a real date, month first for slashes and day first for dashes where both are."""
DOTTED_DATE = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b")
""""04.04.2008": with dots a numeric date is written day first (German, Russian, most of Europe)."""
TIME = re.compile(r"\b\d{1,2}:\d\d(?::\d\d)?\b")

# Lines that carry a date that is not the publication date: archive copies, edits, access.
NOT_PUBLICATION = re.compile(
    r"\b(?:last\s+updated|updated|modified|edited|archived|accessed|retrieved|copyright|©)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ResolvedDate:
    """A date phrase turned into a date, with the reasoning a reader needs to check it."""

    date: PartialDate
    phrase: str
    rule: str
    end_date: PartialDate | None = None
    review: str | None = None
    """Why a person should check this date, if the rule had to stop short."""
    approximate: bool = False


@dataclass(frozen=True)
class PublicationDate:
    """When an article was published and where that was read."""

    date: PartialDate
    basis: str
    """`sources.yml`, `text: <the stamp as written>` or `url: <the path part>`."""


# ---------------------------------------------------------------- small parts


def parse_month(text: str) -> int | None:
    """Month number from a name or abbreviation ("Aug.", "September"), or None."""
    return MONTHS.get(text.lower().rstrip("."))


def parse_day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def make_date(year: int, month: int, day: int | None = None) -> PartialDate | None:
    """A PartialDate if the parts make a real calendar date, else None."""
    try:
        if day is None:
            return PartialDate(year, month) if 1 <= month <= 12 else None
        dt.date(year, month, day)
    except ValueError:
        return None
    return PartialDate(year, month, day)


def describe_anchor(anchor: PartialDate) -> str:
    return f"the publication date {anchor.iso()}"


# ---------------------------------------------------------------- publication date


_URL_DATES = (
    # /2019/07/05/ and /2019-07-05/ and /20190705/, and inside a name: /a-13-a-2001-10-03-2-nato/
    (re.compile(r"(?<=[/_-])((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"), "day"),
    # ...idUSL0179714620080403: a date closing the last part of the path
    (re.compile(r"((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=(?:\.[a-z]{2,5})?$)"), "day"),
    # /2010-10/03/ (year-month folder, then day folder)
    (re.compile(r"/((?:19|20)\d\d)-(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/"), "day"),
    (re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/"), "day"),
    # /New/Europe/19970527-814.html: the day opening the file name
    (re.compile(r"/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[-_.][^/]*$)"), "day"),
    # /2012/May-04/ and /2009/sep/19/
    (re.compile(r"/((?:19|20)\d\d)/((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)[-_/](0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)", re.IGNORECASE), "day"),
    # /2000.03.06.htm: a dotted date as a file or folder name
    (re.compile(r"/((?:19|20)\d\d)\.(0[1-9]|1[0-2])\.(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"), "day"),
    # /1996/5/ or /2010-10/ (month only)
    (re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])/"), "month"),
)


def find_url_date(url: str | None) -> PublicationDate | None:
    """A date in the URL path (`/2019/07/05/`, `/2010-10/03/`, `/1996/5/`), or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for pattern, precision in _URL_DATES:
        match = pattern.search(path)
        if not match:
            continue
        year = int(match[1])
        month = int(match[2]) if match[2].isdigit() else parse_month(match[2].capitalize()[:3]) or 0
        day = int(match[3]) if precision == "day" else None
        date = make_date(year, month, day)
        if date:
            return PublicationDate(date, f"url: {match[0].strip('/')}")
    if match := _URL_SHORT_DAY.search(path):
        # /docu/speech/2007/s070614k.html: the file names the day as yymmdd, in the year
        # its folder names
        if match["yy"] == match["year"][2:] and (date := make_date(int(match["year"]), int(match["mm"]), int(match["dd"]))):
            return PublicationDate(date, f"url: {match['year']}/{match['name']}")
    if match := _URL_DAY_FIRST.search(path):
        # /07-12-2001/: day first unless the first number cannot be a month's day order
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        day, month = (second, first) if second > 12 else (first, second)
        if date := make_date(year, month, day):
            return PublicationDate(date, f"url: {match[0].strip('/')}")
    return None


_URL_SHORT_DAY = re.compile(
    r"/(?P<year>(?:19|20)\d\d)/(?:[^/]+/)*(?P<name>[a-z_-]{0,12}(?P<yy>\d\d)(?P<mm>0[1-9]|1[0-2])(?P<dd>0[1-9]|[12]\d|3[01])[a-z_-]{0,12}(?:\.[a-z]{2,5})?)$",
    re.IGNORECASE,
)
"""A day as yymmdd in the file name, under a folder for its year: "/2007/s070614k.html"."""
_URL_DAY_FIRST = re.compile(r"(?<=/)(\d\d)-(\d\d)-((?:19|20)\d\d)(?=/)")
"""A folder named for the day, day first: "/07-12-2001/"."""


def _stamp_date(text: str, *, slashes_day_first: bool = False) -> tuple[PartialDate, str] | None:
    """The first full date (day precision) written in `text`, with the words as written.
    "06/10/2021" reads month first unless the page's language writes the day first."""
    found: list[tuple[int, PartialDate, str]] = []
    for match in ISO_DATE.finditer(text):
        date = make_date(int(match["year"]), int(match["month"]), int(match["day"]))
        if date:
            found.append((match.start(), date, match[0]))
    for match in DOTTED_DATE.finditer(text):
        date = make_date(int(match["year"]), int(match["month"]), int(match["day"]))
        if date:
            found.append((match.start(), date, match[0]))
    for pattern, month_first in ((NUMERIC_DATE, not slashes_day_first), (DASHED_DATE, False)):
        for match in pattern.finditer(text):
            a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
            orders = [(a, b), (b, a)] if month_first else [(b, a), (a, b)]
            date = next((d for d in (make_date(year, m, d) for m, d in orders) if d), None)
            if date:
                found.append((match.start(), date, match[0]))
    for pattern in (MONTH_DAY, DAY_MONTH):
        for match in pattern.finditer(text):
            month = parse_month(match["month"])
            if match["year"] and month:
                date = make_date(int(match["year"]), month, parse_day(match["day"]))
                if date:
                    found.append((match.start(), date, match[0]))
    if not found:
        return None
    _, date, words = min(found, key=lambda item: item[0])
    return date, words


_DATELINE_STAMP = re.compile(r"^[A-Z][A-Za-z .'-]{1,40},\s+(?P<rest>.{6,40}?)\s*(?:\([^)]{1,60}\))?\s*(?:--|—|–|-)\s")
_PAREN_STAMP = re.compile(r"\([^()]{2,60}?\s[-–—|]\s(?P<rest>[^()]{6,30})\)")
_ISSUED_STAMP = re.compile(r"\b(?:issued|published|posted|dated)(?:\s*:\s*|\s+)(?:on\s+)?(?P<rest>[^();|]{6,30})", re.IGNORECASE)
_LABELLED_SHORT_DATE = re.compile(r"^DATE\s*[=:]\s*(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d\d)\s*$")
"""A broadcaster's script header, "DATE=12/08/02": month first, two-digit year."""
""""(Source: Deutsche Welle; issued June 05, 2017)"."""
_SHORT_DOTTED = re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d\d)\b")
"""A stamp at the start of a line with a two-digit year: "28.06.04 Chairman's Statement"."""
_SOURCE_STAMP = re.compile(r"^(?:Source|Published|Posted|Date|Publication date)\s*[:=]?[^|]*\|?\s*(?P<rest>.{6,60})$", re.IGNORECASE)
_LOWER_MONTH = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\b")


_DATE_WITH_TIME = re.compile(
    r"\b(?:\d{1,2}/\d{1,2}/(?:19|20)\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)"
    r",?\s+(?:at\s+)?\d{1,2}:\d\d(?::\d\d)?\b"
)


_YEAR_BEFORE_TIME = re.compile(r"\b((?:19|20)\d\d)(?=[0-2]\d:[0-5]\d\b)")


def as_stamp(line: str) -> str:
    """A stamp line as the date patterns read it: "07 august / 2019" -> "07 August 2019",
    "20 May 201615:31" (a template that runs the time into the year) -> "20 May 2016 15:31",
    "11. Sep 1997" (a day written as an ordinal, the European way) -> "11 Sep 1997"."""
    line = re.sub(r"^(\d{1,2})\.\s+(?=[A-Za-z]{3})", r"\1 ", line)
    line = _LOWER_MONTH.sub(lambda m: m[1].capitalize(), line)
    line = _YEAR_BEFORE_TIME.sub(r"\1 ", line)
    return re.sub(r"(?<=[A-Za-z])\s*/\s*(?=(?:19|20)\d\d\b)", " ", line)


HEADING_PLACE_DATE = re.compile(
    rf",\s+(?P<city>[A-Z][\w.'’ -]{{1,30}}),\s+(?P<rest>(?:{_MONTH}\s+{_DAY},?|{_DAY}\s+{_MONTH})\s+{_YEAR})\s*$"
)
"""An official transcript's heading that ends with where and when it was given ("Remarks ...
Following Ministerial Meeting of Russia-NATO Council, Oslo, April 26, 2007"), with no full
stop: a sentence of the body ends with one."""


def find_text_date(lines: list[str], *, head_lines: int = 40, slashes_day_first: bool = False) -> PublicationDate | None:
    """A publication stamp or dateline near the top of the text, or None.

    Only the head of the article is read, and only stamp-like places count: a short line
    that is mostly a date (with a time, a `Source:` label), a dateline ("Prague, 27 May 1997
    (RFE/RL) --") or a parenthesised credit ("(UrduPoint News / Sputnik - 12th January,
    2022)"). A date in a sentence of the body is about an event, not the article. Archive
    and edit stamps ("Last Updated: 07/27/2016") are skipped.
    """
    seen = 0
    for line in lines:
        line = as_stamp(line.strip())
        if not line:
            continue
        seen += 1
        if seen > head_lines:
            break
        if edit := NOT_PUBLICATION.search(line):
            # "Issued on 01 Apr. 2014 | Last updated: 02 Apr. 2014": the date before the edit
            # stamp is the publication date; a line that only gives an edit date is skipped.
            line = line[: edit.start()].rstrip(" |•·,;-–—").strip()
            if not line:
                continue
        candidates: list[str] = []
        # "Jan 12, 2022  •  1 hour ago  •  < 1 minute read": each part of a bulleted line.
        candidates.extend(part.strip() for part in re.split(r"\s[•·|]\s", line)[:3] if len(part.strip()) <= 40)
        if match := _DATELINE_STAMP.match(line):
            candidates.append(match["rest"])
        candidates.extend(match["rest"] for match in _PAREN_STAMP.finditer(line))
        # "2/16/2000 6:48:00 PM" inside a forum's or an archive's header line: a date with
        # its clock time is a stamp wherever it stands; a sentence dates events by day.
        candidates.extend(match[0] for match in _DATE_WITH_TIME.finditer(line))
        if match := _SOURCE_STAMP.match(line):
            candidates.append(match["rest"])
        candidates.extend(match["rest"] for match in _ISSUED_STAMP.finditer(line))
        if match := HEADING_PLACE_DATE.search(line):
            candidates.append(match["rest"])
        if match := _LABELLED_SHORT_DATE.match(line):
            year = int(match["year"])
            full = make_date(2000 + year if year < 50 else 1900 + year, int(match["month"]), int(match["day"]))
            if full:
                return PublicationDate(full, f"text: {line}")
        if match := _SHORT_DOTTED.match(line):
            year = int(match["year"])
            full = make_date(2000 + year if year < 50 else 1900 + year, int(match["month"]), int(match["day"]))
            if full:
                return PublicationDate(full, f"text: {match[0]}")
        without_date = TIME.sub("", DASHED_DATE.sub("", NUMERIC_DATE.sub("", DOTTED_DATE.sub("", ISO_DATE.sub("", MONTH_DAY.sub("", DAY_MONTH.sub("", line)))))))
        # "- The Washington Times - Saturday, September 19, 2009": dashes and the weekday are
        # part of a stamp, not words of a sentence.
        words_without_date = sum(
            1 for word in without_date.split()
            if re.search(r"\w", word) and word.strip(",.").lower() not in WEEKDAYS
        )
        if len(line) <= 80 and (TIME.search(line) or words_without_date <= 4):
            candidates.append(line)
        for candidate in candidates:
            stamp = _stamp_date(candidate, slashes_day_first=slashes_day_first)
            if stamp:
                return PublicationDate(stamp[0], f"text: {stamp[1]}")
    return None


_DATELINE_DAY = re.compile(
    rf"^(?:[A-Z][A-Za-z'-]+(?:[ -][A-Z][A-Za-z'-]+){{0,2}})\s*[,.]\s+(?P<month>(?i:{_MONTH}))\s+(?P<day>{_DAY})\b\.?"
    r"\s*(?:\(|/|--|—|–|-|:\s)"
)
"""A dateline that gives the day but not the year: "MOSCOW, August 2. /TASS/.", "MOSCOW. July
23 (Interfax) -"."""
_YEAR_WORD = re.compile(r"(?<![\d/.])(?<!\d-)((?:19|20)\d\d)(?![\d/-]|s\b)")
"""A year, also as part of a name ("Zapad-2017"), but not in a numeric date ("12-05-1997")."""


def years_named(texts: Iterable[str]) -> list[int]:
    """Every year the texts name as a year ("1997", not "1990s", not inside "12/05/1997")."""
    return [int(year) for text in texts for year in _YEAR_WORD.findall(text)]


def year_positions(text: str) -> list[tuple[int, int]]:
    """Each year the text names, as `years_named` reads them, with where it is written."""
    return [(int(match[1]), match.start()) for match in _YEAR_WORD.finditer(text)]

_URL_YEAR = re.compile(r"(?<![\d])((?:19|20)\d\d)(?!\d)")
"""A year in an address's path: between slashes there ("/1997/3/"), unlike in prose."""


def dateline_month_day(line: str) -> tuple[int, int] | None:
    """The month and day of a dateline that gives no year ("MOSCOW, March 24 -"), or None."""
    match = _DATELINE_DAY.match(line)
    month = parse_month(match["month"]) if match else None
    return (month, parse_day(match["day"])) if match and month else None


def find_dateline_day(
    lines: list[str], url: str | None, *, head_lines: int = 40,
    month_day: Callable[[str], tuple[int, int] | None] = dateline_month_day,
    weekdays: Mapping[str, int] = WEEKDAYS,
) -> PublicationDate | None:
    """The day of a dateline without a year, in the year the address gives, else the latest
    year the text names (news is dated within weeks of what it reports), or a year or two
    after it when only a later year puts the day on the weekday the dateline's own sentence
    names (`_year_of_weekday`). `month_day` reads a dateline and `weekdays` are the weekday
    words (a language's own can be given)."""
    for line in [line.strip() for line in lines if line.strip()][:head_lines]:
        if (found := month_day(line)) is None:
            continue
        month, day = found
        path = re.sub(r"^[a-z]+://[^/]+", "", url or "")
        in_url = [int(y) for y in _URL_YEAR.findall(path)]
        if in_url:
            year, where = in_url[0], "the year in the address"
        else:
            years = years_named(lines)
            if not years:
                return None
            year, where = max(years), "the latest year the text names"
            later = _year_of_weekday(line, month, day, year, weekdays)
            if later is not None:
                year, where = later, f"the latest year the text names was {year}; the first year after it in which the day falls on the weekday the lead names"
        date = make_date(year, month, day)
        if date:
            return PublicationDate(date, f"dateline: {_month_day_words(month, day)}, {where} ({year})")
    return None


YEARS_AFTER_NAMED = 3
"""A page whose dateline gives no year is written in the latest year it names or soon after."""


def first_weekday(lower: str, weekdays: Mapping[str, int]) -> int | None:
    """The weekday (0 is Monday) written first in a lower-case text, by any of `weekdays`'
    words, or None."""
    found = [
        (match.start(), number) for word, number in weekdays.items()
        if (match := re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lower))
    ]
    return min(found)[1] if found else None


def _year_of_weekday(line: str, month: int, day: int, named: int, weekdays: Mapping[str, int]) -> int | None:
    """The year a yearless dateline's day is in when the latest year the text names cannot be:
    the dateline's sentence names a weekday ("MOSCOW, May 13 (AFP) - ... on Tuesday hailed")
    that is neither the day in that year nor the day before it (wire copy filed a day after
    what it reports), and one of the next few years puts the day on that weekday. None when
    the named year fits, or no later year does."""
    weekday = first_weekday(line.lower(), weekdays)
    if weekday is None:
        return None
    in_named = make_date(named, month, day)
    if in_named is None or weekday in (in_named.first_day().weekday(), (in_named.first_day().weekday() - 1) % 7):
        return None
    this_year = dt.date.today().year
    for year in range(named + 1, min(named + YEARS_AFTER_NAMED, this_year) + 1):
        date = make_date(year, month, day)
        if date is not None and date.first_day().weekday() == weekday:
            return year
    return None


def find_edit_stamp(lines: list[str], *, head_lines: int = 40) -> PublicationDate | None:
    """A "Last updated" stamp as the last resort, when no year the text names is later than it
    and the latest one is close to it: an archive copy's stamp years after the story is not."""
    stamp = None
    for line in [line.strip() for line in lines if line.strip()][:head_lines]:
        if NOT_PUBLICATION.search(line) and (found := _stamp_date(as_stamp(line))):
            stamp = found
            break
    if stamp is None:
        return None
    years = years_named(text for text in lines if not NOT_PUBLICATION.search(text))
    if years and not (stamp[0].year - 1 <= max(years) <= stamp[0].year + 2):
        return None
    return PublicationDate(stamp[0], f"edit stamp: {stamp[1]}")


def find_publication_date(
    published: str | None, lines: list[str], url: str | None, *, slashes_day_first: bool = False
) -> PublicationDate | None:
    """From sources.yml first, else a stamp or dateline in the text, else a day in the URL,
    else a dateline's day with the year found elsewhere, else the URL's month, else an edit
    stamp. `slashes_day_first`: the page's language writes "06/10/2021" day first."""
    if published:
        try:
            return PublicationDate(PartialDate.parse(published), "sources.yml")
        except ValueError:
            pass
    from_url = find_url_date(url)
    if from_url and from_url.date.precision == "day":
        return find_text_date(lines, slashes_day_first=slashes_day_first) or from_url
    dateline = find_dateline_day(lines, url)
    if from_url and dateline and (dateline.date.year, dateline.date.month) == (from_url.date.year, from_url.date.month):
        return dateline  # the address's month, and the dateline's day in it
    return find_text_date(lines, slashes_day_first=slashes_day_first) or dateline or from_url or find_edit_stamp(lines)


# ---------------------------------------------------------------- event dates


def resolve_weekday(
    phrase: str, weekday: str, anchor: PartialDate, *, after_anchor: bool = False, on_or_after_anchor: bool = False
) -> ResolvedDate:
    """The latest such weekday on or before the anchor (or the next one after it, for "next";
    the first on or after it, for a weekday the text looks forward to)."""
    name = weekday.capitalize()
    if anchor.precision != "day":
        return ResolvedDate(
            anchor,
            phrase,
            f"{name} of an unknown week: {describe_anchor(anchor)} gives only the {anchor.precision}",
            review=f"'{phrase}' cannot be placed on a day: the publication date is known only "
            f"to the {anchor.precision} ({anchor.iso()}); find the exact day",
        )
    base = anchor.first_day()
    target = WEEKDAYS[weekday.lower()]
    if after_anchor:
        delta = (target - base.weekday()) % 7 or 7
        day = base + dt.timedelta(days=delta)
        rule = f"first {name} after {describe_anchor(anchor)}"
    elif on_or_after_anchor:
        day = base + dt.timedelta(days=(target - base.weekday()) % 7)
        rule = f"first {name} on or after {describe_anchor(anchor)} (the text looks forward to it)"
    else:
        day = base - dt.timedelta(days=(base.weekday() - target) % 7)
        rule = f"latest {name} on or before {describe_anchor(anchor)}"
    return ResolvedDate(PartialDate.from_date(day), phrase, rule)


def resolve_day_offset(phrase: str, days: int, anchor: PartialDate, word: str) -> ResolvedDate:
    """"today", "yesterday", "tonight", "last night": a fixed number of days back ("tomorrow": one on)."""
    if anchor.precision != "day":
        return ResolvedDate(
            anchor, phrase, f"'{word}' of {describe_anchor(anchor)}, known only to the {anchor.precision}",
            review=f"'{phrase}' cannot be placed on a day: the publication date is known only "
            f"to the {anchor.precision} ({anchor.iso()})",
        )
    day = anchor.first_day() - dt.timedelta(days=days)
    count = f"{abs(days)} day{'s' if abs(days) > 1 else ''}"
    rule = (
        f"{describe_anchor(anchor)}" if days == 0
        else f"{count} after {describe_anchor(anchor)}" if days < 0
        else f"{count} before {describe_anchor(anchor)}"
    )
    return ResolvedDate(PartialDate.from_date(day), phrase, f"'{word}': {rule}")


def resolve_month_day(phrase: str, month: int, day: int, anchor: PartialDate, *, tense: str | None = None) -> ResolvedDate | None:
    """A month and day without a year: the occurrence the tense points to, else the nearest.

    News reports days within a few months of publication. A future phrase ("is set to pull
    out on Aug. 2") takes the first occurrence on or after the anchor, a past one ("was held
    on January 12") the latest on or before it unless that is ten months back, and a phrase
    without a tense the nearest.
    """
    words = _month_day_words(month, day)
    if anchor.precision != "day":
        # Only the year or month of publication is known: the same year, unless the date cannot exist.
        date = make_date(anchor.year, month, day)
        if not date:
            return None
        return ResolvedDate(date, phrase, f"{words} in the year of {describe_anchor(anchor)}")
    reference = anchor.first_day()
    options = [d for d in (make_date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)) if d]
    if not options:
        return None
    later = [d for d in options if d.first_day() >= reference]
    earlier = [d for d in options if d.first_day() <= reference]
    # Reported speech keeps "would" for days just gone ("allies would meet on December 16",
    # published December 18): a future reading almost a year away loses to one a few days back.
    nearest = min(options, key=lambda d: abs((d.first_day() - reference).days))
    near_past = (reference - nearest.first_day()).days <= 14 if nearest.first_day() <= reference else False
    if tense == "future" and later and not (near_past and (later[0].first_day() - reference).days > 300):
        chosen, rule = later[0], f"first {words} on or after {describe_anchor(anchor)}"
    elif tense == "past" and earlier and not (
        # "agreed to attend the summit on November 20", printed on September 28: a past verb
        # before a day weeks ahead, not one ten months back (news gives an older day its year).
        (reference - earlier[-1].first_day()).days > 300 and later
    ):
        chosen, rule = earlier[-1], f"latest {words} on or before {describe_anchor(anchor)}"
    else:
        chosen = min(options, key=lambda d: abs((d.first_day() - reference).days))
        rule = f"the {words} nearest to {describe_anchor(anchor)}"
    return ResolvedDate(chosen, phrase, rule)


def _month_day_words(month: int, day: int) -> str:
    return f"{dt.date(2000, month, 1):%B} {day}"


def resolve_month(phrase: str, month: int, anchor: PartialDate, *, offset_word: str | None = None) -> ResolvedDate:
    """A month named without a year ("in February"): the latest such month on or before the anchor."""
    year = anchor.year if anchor.month is None or month <= anchor.month else anchor.year - 1
    rule = f"latest {dt.date(2000, month, 1):%B} on or before {describe_anchor(anchor)}"
    return ResolvedDate(PartialDate(year, month), phrase, rule)


def resolve_relative_period(phrase: str, kind: str, anchor: PartialDate) -> ResolvedDate | None:
    """"last month", "this month", "last year", "earlier this week", "last week"."""
    if kind in ("last month", "this month", "earlier this month", "next month"):
        if anchor.month is None:
            return None
        shift = {"last month": -1, "next month": 1}.get(kind, 0)
        first = dt.date(anchor.year, anchor.month, 1) + relativedelta(months=shift)
        words = {-1: "the month before", 0: "the month of", 1: "the month after"}[shift]
        return ResolvedDate(PartialDate(first.year, first.month), phrase, f"{words} {describe_anchor(anchor)}")
    if kind in ("last year", "this year", "earlier this year", "next year"):
        shift = {"last year": -1, "next year": 1}.get(kind, 0)
        words = {-1: "the year before", 0: "the year of", 1: "the year after"}[shift]
        return ResolvedDate(PartialDate(anchor.year + shift), phrase, f"{words} {describe_anchor(anchor)}")
    if kind in ("earlier this week", "this week", "last week"):
        if anchor.precision != "day":
            return ResolvedDate(
                anchor, phrase, f"a week within {describe_anchor(anchor)}",
                review=f"'{phrase}' cannot be placed: the publication date is known only to the {anchor.precision}",
            )
        base = anchor.first_day()
        monday = base - dt.timedelta(days=base.weekday())
        if kind == "last week":
            start, end = monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
            rule = f"the week (Monday to Sunday) before {describe_anchor(anchor)}"
        else:
            start, end = monday, base
            rule = f"between the Monday of the week of {describe_anchor(anchor)} and that date"
        if start == end:
            return ResolvedDate(PartialDate.from_date(start), phrase, rule)
        # The day is not known: the span is given, marked approximate.
        return ResolvedDate(
            PartialDate.from_date(start), phrase, rule, end_date=PartialDate.from_date(end), approximate=True,
        )
    return None


# A date phrase as found in a sentence; the extractor picks which one is the event's.
_RELATIVE_PERIOD = r"(?:earlier\s+this\s+(?:week|month|year)|(?:last|this|next)\s+(?:week|month|year))"
DATE_PHRASE = re.compile(
    # The shared word edge and lookahead up front let the engine skip most positions at
    # once instead of trying every alternative there: about six times faster.
    r"\b(?=[A-Za-z0-9])(?:"
    # a weekday written before a full date is part of it ("on Thursday 11 September 1997")
    rf"(?P<full_md>\b(?:(?:on\s+)?{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}\b)"
    rf"|(?P<full_dm>\b(?:(?:on\s+)?{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b)"
    rf"|(?P<month_year>\b(?:(?:early|mid|late)[- ])?{_MONTH},?\s+(?:of\s+)?{_YEAR}\b)"
    rf"|(?P<md>\b{_MONTH}\s+{_DAY}\b(?!\s*[:.]\d))"
    rf"|(?P<dm>\b{_DAY}\s+(?:of\s+)?{_MONTH}\b)"
    rf"|(?P<weekday>\b(?:(?:last|next|this|on|early|late)\s+)?{_WEEKDAY}\b(?:\s+(?:morning|afternoon|evening|night))?)"
    rf"|(?P<dayword>\b(?:today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b)"
    rf"|(?P<period>\b{_RELATIVE_PERIOD}\b)"
    rf"|(?P<in_month>\b(?:in|since|until|by|last)\s+{_MONTH}\b(?!\s+\d))"
    r")",
    re.IGNORECASE,
)
"""Alternatives are tried in order, so "May 27, 1997" is read whole, not as "May 27"."""

FUTURE_CONTEXT = re.compile(
    r"\b(?:will|would|shall|set\s+(?:to|for)|due\s+(?:to|in|on)|slated\s+for|is\s+to|are\s+to|scheduled|planned|plans?\s+to|expected\s+(?:to|on|in|by)|to\s+be\s+held|next|upcoming|until)\b",
    re.IGNORECASE,
)

PAST_CONTEXT = re.compile(
    r"\b(?:was|were|had|did|held|met|signed|ended|began|took|launched|approved|agreed|said|told|"
    r"announced|ago|earlier|last|since|[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
"""Past-tense words near a date without a year: the date is on or before publication."""

_CASE_SENSITIVE_MONTHS = re.compile(rf"^(?:{_MONTH})$")


def is_month_word(word: str) -> bool:
    """Month names must be capitalised in running text ("may" is a verb; "March" a month)."""
    return bool(_CASE_SENSITIVE_MONTHS.match(word)) and word[0].isupper()


def resolve_phrase(kind: str, phrase: str, anchor: PartialDate, *, tense: str | None = None) -> ResolvedDate | None:
    """Turn one DATE_PHRASE match (its group name and text) into a date, or None."""
    text = " ".join(phrase.split())
    lower = text.lower()
    if kind in ("full_md", "full_dm"):
        pattern = MONTH_DAY if kind == "full_md" else DAY_MONTH
        match = pattern.search(text)
        month = parse_month(match["month"]) if match else None
        if not match or not month or not match["year"]:
            return None
        date = make_date(int(match["year"]), month, parse_day(match["day"]))
        return ResolvedDate(date, text, "the date as written") if date else None
    if kind == "month_year":
        match = MONTH_YEAR.search(text)
        month = parse_month(match["month"]) if match else None
        if not match or not month:
            return None
        return ResolvedDate(PartialDate(int(match["year"]), month), text, "the month as written")
    if kind in ("md", "dm"):
        match = (MONTH_DAY if kind == "md" else DAY_MONTH).search(text)
        month = parse_month(match["month"]) if match else None
        if not match or not month:
            return None
        return resolve_month_day(text, month, parse_day(match["day"]), anchor, tense=tense)
    if kind == "weekday":
        weekday = next(word for word in lower.split() if word in WEEKDAYS)
        if tense == "future" and not lower.startswith(("last", "this", "next")):
            # "the ministers will meet on Friday": the Friday to come (the day itself if today)
            return resolve_weekday(text, weekday, anchor, on_or_after_anchor=True)
        return resolve_weekday(text, weekday, anchor, after_anchor=lower.startswith("next"))
    if kind == "dayword":
        if "yesterday" in lower or "last night" in lower:
            return resolve_day_offset(text, 1, anchor, lower)
        if "tomorrow" in lower:
            return resolve_day_offset(text, -1, anchor, lower)
        return resolve_day_offset(text, 0, anchor, lower)
    if kind == "period":
        return resolve_relative_period(text, " ".join(lower.split()), anchor)
    if kind == "in_month":
        month = parse_month(lower.split()[-1])
        if not month:
            return None
        return resolve_month(text, month, anchor)
    return None


def resolve_span(end: ResolvedDate, days: int, phrase: str) -> ResolvedDate:
    """A multi-day event that ended on `end`: it began `days - 1` days earlier."""
    if end.date.precision != "day" or days < 2:
        return end
    last = end.date.first_day()
    first = last - dt.timedelta(days=days - 1)
    return ResolvedDate(
        PartialDate.from_date(first),
        phrase,
        f"{end.rule} is the last day of a {days}-day event, which began {days - 1} day{'s' if days > 2 else ''} earlier",
        end_date=end.date,
    )


def resolve_span_forward(start: ResolvedDate, days: int, phrase: str) -> ResolvedDate:
    """A multi-day event that began on `start`: it ended `days - 1` days later."""
    if start.date.precision != "day" or days < 2:
        return start
    first = start.date.first_day()
    last = first + dt.timedelta(days=days - 1)
    return ResolvedDate(
        start.date,
        phrase,
        f"{start.rule} is the first day of a {days}-day event, which ended {days - 1} day{'s' if days > 2 else ''} later",
        end_date=PartialDate.from_date(last),
    )
