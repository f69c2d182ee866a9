"""Stage: the main event's date, from the lead's first date phrase and the publication date."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..dates import (
    DASHED_DATE,
    NUMBER_WORDS,
    NUMERIC_DATE,
    PublicationDate,
    ResolvedDate,
    resolve_span,
    resolve_span_forward,
)
from ..dates import WEEKDAYS, YEARS_AFTER_NAMED, first_weekday, make_date, year_positions, years_named
from ..model import Event, PartialDate
from .cleanup import is_stamp_line
from .document import Document, ExtractionError, Sentence
from .normalise import fold_text


def find_publication(doc: Document) -> PublicationDate:
    """When the article was published: sources.yml, else a stamp or dateline in the text,
    else the address. Without it no relative date can be resolved."""
    article = doc.article
    published = doc.lang.find_publication_date(article.published, doc.raw_lines, article.url)
    rejected = _stamp_after_offices(doc, published) if published and article.published is None else None
    stamp_year = published.date.year if published and rejected else None
    if rejected:
        published = None
    if published is None:
        # No stamp, dateline or address dates the page: the latest year the text names stands
        # in, so the draft is written and its date is marked as a doubt (the doubts stage
        # reads `publication_guessed`), rather than the article being refused.
        # A text that names no year may still fit one year only (`year_from_offices`).
        # The body first; a page whose body names no year may name it above the text (a
        # journal's "Issue No. 15, May 1997", a stamp in a language the readers do not know).
        # (A stamp set aside is no year of the article either.)
        plausible = [year for year in range(1945, dt.date.today().year + 1) if year != stamp_year]
        years = [year for year in _years_looked_back_on(doc) if year in plausible]
        where = "the text names"
        if not years:
            years = [year for year in years_named(doc.raw_lines) if year in plausible]
            where = "the page names above or below the text"
        offices, fitting = year_from_offices(doc) or (None, ())
        if years and not (fitting and max(years) < min(fitting)):
            published = PublicationDate(
                PartialDate(max(years)), f"no publication date found; {max(years)}, the latest year {where}"
            )
            # Published in that year or a few years after it.
            doc.guess_years = tuple(range(max(years), min(max(years) + _YEARS_AFTER_LATEST, dt.date.today().year) + 1))
        else:
            # No year named, or only years before the people named took the offices the text
            # gives them (a 2006 report on Foreign Minister Lavrov that recalls 1992).
            published, doc.guess_years = offices, fitting
        if published is None:
            # No year at all: only a known event the page clearly reports can date it
            # (`anchor_guessed_publication`), in any year the chronology covers.
            published, doc.guess_years = _year_unknown(doc)
        doc.publication_guessed = True
        if rejected:
            published = PublicationDate(published.date, f"{rejected}; {published.basis}")
    published = _stamp_read_as_dateline(doc, published)
    if doc.year_unknown:
        return published  # a stand-in year: nothing may be resolved against it
    doc.published = published
    doc.dateline_day = dateline_day(doc, published)
    return published


_NO_PUBLICATION_DATE = (
    "no publication date: add `published` for it in seeds/sources.yml "
    "(none was found in the text or the URL)"
)


def _year_unknown(doc: Document) -> tuple[PublicationDate, tuple[int, ...]]:
    """A page that names no year and whose people's offices fit none: the lead's day and
    month in a stand-in year, to be replaced by the year of the known event it reports;
    every year of the chronology's events is possible."""
    years = sorted({event.date.first_day().year for event in doc.known_events})
    if not years:
        raise ExtractionError(_NO_PUBLICATION_DATE)
    doc.year_unknown = True
    month, day = _lead_month_day(doc)
    # A leap year, so that any day and month stand in it.
    return PublicationDate(
        PartialDate(2000, month, day), "no year in the text, and none that its people's offices fit"
    ), tuple(range(years[0], years[-1] + 1))


def _stamp_read_as_dateline(doc: Document, published: PublicationDate) -> PublicationDate:
    """A numeric stamp that reads either way ("08/10/2011") in the order the article's own
    dateline gives ("BRUSSELS, October 8"): publishers outside the US write the day first."""
    if not published.basis.startswith("text:") or not doc.dateline or not doc.paragraphs:
        return published
    match = NUMERIC_DATE.search(published.basis) or DASHED_DATE.search(published.basis)
    a, b, year = (int(match["a"]), int(match["b"]), int(match["year"])) if match else (0, 0, 0)
    if not (1 <= a <= 12 and 1 <= b <= 12) or a == b:
        return published  # no numeric stamp, or one that reads only one way
    written = doc.lang.dateline_month_day(doc.paragraphs[0])
    if written not in ((a, b), (b, a)) or written == (published.date.month, published.date.day):
        return published
    return PublicationDate(PartialDate(year, *written), f"{published.basis}, read in the order of the dateline")


def _years_looked_back_on(doc: Document) -> list[int]:
    """The years the body names, less those it looks forward to ("By May 31, 1999, Moscow
    will ...", «состоится в январе 2009 года»): a page is written after the years it recalls,
    and before the years it expects. All of them when every year named is a future one."""
    named = year_positions(doc.body)
    past = [year for year, position in named if not _looks_forward(doc, position)]
    return past or [year for year, _ in named]


_PERIOD_OF = re.compile(r"(?<![\w-])(?:for|за)\s+$", re.IGNORECASE)
"""A year as the period something covers ("a review of the council's work за 2013 г."), which
the page may look back on from the year's end."""


def _looks_forward(doc: Document, position: int) -> bool:
    sentence = doc.sentence_at(position)
    if sentence is None or _PERIOD_OF.search(doc.body[max(0, position - 12) : position]):
        return False
    if tense_of(doc, sentence, position) == "future":
        return True
    # A date put first in its sentence, the verb after it: "By May 31, 1999, Moscow will ..."
    before = doc.body[sentence.start : position]
    after = doc.body[position : min(sentence.end, position + 40)]
    return len(before.split()) <= 4 and bool(re.match(r"\d{4},", after)) and bool(doc.lang.future_context.search(after))


_YEARS_AFTER_LATEST = YEARS_AFTER_NAMED
"""A page with no date was published in the latest year it names or soon after."""

_YEARS_AFTER_OFFICES = 3
"""A stamp this many years after every office the text gives its people had ended is the day
the page was shown or saved (an archive's "Tuesday, 26 November 2024"), not its publication:
news names people in the offices they hold."""


def _stamp_after_offices(doc: Document, published: PublicationDate) -> str | None:
    """Why a stamp in the text cannot be the publication date, or None when it can be."""
    if not published.basis.startswith("text:"):
        return None  # an address's date is the publisher's own
    found = year_from_offices(doc)
    if found is None or published.date.year < max(found[1]) + _YEARS_AFTER_OFFICES:
        return None
    # A page may recall a past office ("Robertson, who was Secretary General at that time"):
    # the stamp stands while any person it names still held the office it writes.
    if any(published.date.year in years for years in _office_years(doc, written_only=True).values()):
        return None
    return (
        f"the stamp '{published.basis.removeprefix('text:').strip()}' is later than the offices of the "
        f"people named allow ({min(found[1])} to {max(found[1])}): the day the page was shown or saved"
    )


_DAY_THEN_MONTH = re.compile(r"(?<!\d)(?P<day>\d{1,2})\s+(?P<month>[^\W\d_]+)")
_MONTH_THEN_DAY = re.compile(r"(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?!\d)")


def year_from_offices(doc: Document) -> tuple[PublicationDate, tuple[int, ...]] | None:
    """A page that names no year ("Brussels, 28 September ... on Tuesday"): the first day and
    month of its lead, in the one year that best fits the time in office of the known people
    it names (their roles' dates in people.yml) and falls on the weekday the lead names (the
    year alone when the lead gives no day); when several years fit, the first of them (the
    caller marks the date as a guess), with all the years that fit. None when none fits."""
    # Without a day and month in the lead, the year alone is guessed from the offices.
    month, day = _lead_month_day(doc)
    folded_lead = fold_text(_lead_with_stamps(doc)).lower()
    # The weekday written first ("Feb. 14 - Putin on Thursday threatened ... talks on Tuesday").
    weekday = first_weekday(folded_lead, doc.lang.weekdays)
    this_year = dt.date.today().year
    in_office = _office_years(doc)
    if not in_office:
        return None
    # the years most of the people named were in office (a name matched to the wrong
    # namesake does not veto the others), on the weekday the lead gives
    counts = {year: sum(year in years for years in in_office.values()) for year in range(1990, this_year + 1)}
    best = max(counts.values())
    fitting = [
        year for year, count in counts.items()
        if count == best and (
            month is None
            or (make_date(year, month, day) is not None and (weekday is None or dt.date(year, month, day).weekday() == weekday))
        )
    ]
    if not fitting:
        return None
    names = ", ".join(name for name, years in in_office.items() if fitting[0] in years)
    because = f"the weekday the lead names and the offices of {names}" if weekday is not None and month else f"the offices of {names}"
    if len(fitting) > 1:
        # Several years fit: the draft is still written (its people, place and quotes do not
        # depend on the year), dated in the first of them, and the date doubted as a guess.
        return PublicationDate(
            PartialDate(fitting[0], month, day),
            f"no year in the text; {because} fit {len(fitting)} years ({fitting[0]} to {fitting[-1]}), "
            f"and the first was taken",
        ), tuple(fitting)
    return PublicationDate(
        PartialDate(fitting[0], month, day),
        f"no year in the text; {fitting[0]}, the one year that fits {because}",
    ), tuple(fitting)


def _lead_with_stamps(doc: Document) -> str:
    """The lead's first two paragraphs, after the stamp lines above the text that the body
    leaves out ("Monday September 3, 8:03 PM" over a wire story): a stamp without a year
    still gives the day and the weekday."""
    stamps = [
        line.strip() for line in doc.raw_lines[:_STAMP_LINES_ABOVE]
        if line.strip() and line.strip() not in doc.paragraphs and is_stamp_line(line.strip(), doc.lang.date_phrase)
    ]
    return "\n".join([*stamps, *doc.paragraphs[:2]])


_STAMP_LINES_ABOVE = 8


def _lead_month_day(doc: Document) -> tuple[int | None, int | None]:
    """The first day and month the lead (or a stamp line above it) writes without a year
    ("Brussels, 28 September")."""
    lead = _lead_with_stamps(doc)
    found = []
    for pattern in (_DAY_THEN_MONTH, _MONTH_THEN_DAY):
        for match in pattern.finditer(lead):
            month = doc.lang.months.get(match["month"].lower().rstrip("."))
            # "(24 July 1923)": a date with its own year is not the page's yearless day.
            with_year = re.match(r",?\s*(?:19|20)\d\d\b", lead[match.end() :])
            if month and 1 <= int(match["day"]) <= 31 and not with_year:
                found.append((match.start(), month, int(match["day"])))
    return (min(found)[1], min(found)[2]) if found else (None, None)


def _office_years(doc: Document, *, written_only: bool = False) -> dict[str, set[int]]:
    """The years each known person the text names held the office it writes (any office of
    theirs when it writes none, unless `written_only`)."""
    this_year = dt.date.today().year
    in_office: dict[str, set[int]] = {}
    for _start, _end, form in doc.known_names(doc.folded):
        person = doc.catalog.people.get(form.id) if form.kind == "person" else None
        if person is None or person.name in in_office:
            continue
        # The offices the text writes ("Secretary General"), when it writes any of them: not
        # every post the person ever held (Stoltenberg was Norway's prime minister before).
        written = [role for role in person.roles if role.start and _office_written(doc, role.title)]
        years = {
            year for role in (written if written or written_only else person.roles) if role.start
            for year in range(role.start.year, (role.end.year if role.end else this_year) + 1)
        }
        if years:
            in_office[person.name] = years
    return in_office


_OFFICE_NOISE = {"of", "the", "and", "for", "to", "in", "russia", "russian", "nato", "united", "states"}


def _office_written(doc: Document, title: str) -> bool:
    """The distinctive words of an office's title ("Secretary General" of "NATO Secretary
    General") all written in the text."""
    words = distinctive_office_words(title)
    if doc.lang.offices_written is not None:
        # A text in another language: the offices it writes, in English, against the title.
        return bool(words) and any(
            written and written <= words for written in map(distinctive_office_words, doc.lang.offices_written(doc.body))
        )
    text = doc.folded.lower()
    return bool(words) and all(re.search(rf"\b{re.escape(w)}", text) for w in words)


def distinctive_office_words(title: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", fold_text(title).lower()) if w not in _OFFICE_NOISE}


def dateline_day(doc: Document, published: PublicationDate) -> PartialDate | None:
    """The day a dateline gives ("MOSCOW, March 24 -"), in the year of publication: the day
    the story was filed, which a print edition dates a day later."""
    if not doc.dateline or not doc.paragraphs or published.date.precision == "year":
        return None
    found = doc.lang.dateline_month_day(doc.paragraphs[0])
    if found is None:
        return None
    month, day = found
    year = published.date.year - (1 if published.date.month == 1 and month == 12 else 0)
    return make_date(year, month, day)


_SINCE = re.compile(r"\bsince\b[^,;.]*$", re.IGNORECASE)
"""A date after "since" is the reference point of a comparison, not the news."""
_ANNOUNCING_WORDS = (
    r"announc\w*|propos\w*|wants?|plans?|intends?|invit\w*|confirm\w*|"
    r"call\w*\s+for|urg\w*|offer\w*|suggest\w*|agreed"
)
"""Words that, with the language's speech verbs, make a sentence a report of what someone
said or intends."""


@lru_cache(maxsize=4)
def _announcing(speech_verbs: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{speech_verbs}|{_ANNOUNCING_WORDS})\b", re.IGNORECASE)
_IN_RELATIVE_CLAUSE = re.compile(r"\w\s+(?:that|which|who)\s+[^,;]+$", re.IGNORECASE)
"""A date phrase inside a relative clause that describes something, not the news itself."""
_DOCUMENT_OF = re.compile(
    r"\b(?:statement|decree|resolution|briefing|letter|declaration|note|order|law|memorandum|"
    r"communiqu[eé]|report|speech|address|remarks|interview|article|bill)\s+(?:dated\s+|of\s+)$",
    re.IGNORECASE,
)
"""A date that names a document ("Putin's Statement of August 5, 2019"), not a happening."""


def find_main_date(
    doc: Document, published: PublicationDate
) -> tuple[Sentence | None, ResolvedDate | None]:
    """The first date phrase of the lead (the first paragraphs), resolved. A date the lead
    only looks forward to is not the news: the announcement is, on the day it was reported."""
    skip = doc.dateline[1] if doc.dateline else 0
    lead_end = (
        doc.paragraph_starts[min(2, len(doc.paragraph_starts) - 1)]
        if len(doc.paragraph_starts) > 2
        else len(doc.body)
    )
    first_sentence = next((s for s in doc.sentences), None)
    announced: tuple[Sentence, str] | None = None
    for sentence in doc.sentences:
        if sentence.start >= lead_end:
            break
        for kind, phrase, position in doc.phrases_in(sentence, skip_until=skip):
            if kind == "period" and doc.lang.time_frame.match(phrase.strip()):
                continue  # "this year", "next month": a time frame, not when it happened
            if _DOCUMENT_OF.search(doc.body[max(0, position - 40) : position]):
                continue
            if _SINCE.search(doc.body[max(sentence.start, position - 60) : position]):
                continue  # "the highest-level meeting since ties were cut last March"
            if kind in ("period", "in_month", "month_year") and _IN_RELATIVE_CLAUSE.search(
                doc.body[sentence.start : position]
            ):
                continue  # "relations that were put on ice ... last year": background
            tense = tense_of(doc, sentence, position)
            anchor = published.date
            if kind == "dayword" and doc.dateline_day is not None and doc.dateline_day != anchor:
                # "MOSCOW, March 24 - ... tonight", printed on March 25: tonight is the 24th.
                gap = (anchor.first_day() - doc.dateline_day.first_day()).days
                if 0 < gap <= 3:
                    anchor = doc.dateline_day
            resolved = doc.lang.resolve_phrase(kind, phrase, anchor, tense=tense)
            if anchor is not published.date and resolved is not None:
                resolved = ResolvedDate(
                    resolved.date, resolved.phrase,
                    f"{resolved.rule.replace('the publication date', 'the dateline day')} "
                    f"(the day the story was filed; published {published.date.iso()})",
                    resolved.end_date, resolved.review, resolved.approximate,
                )
            if resolved is None:
                continue
            if (published.date.first_day() - resolved.date.last_day()).days > (
                365 if published.date.precision != "year" else 366
            ):
                continue  # a date years before the report ("on Jan. 13, 1991, ..."): background
            if tense == "future" or resolved.date.first_day() > published.date.last_day():
                # "X will happen from November 1, the minister announced on Monday": the
                # news is the announcement; the step it announces is a mentioned event.
                reported = reported_date(doc, sentence, position, published)
                if reported is not None:
                    return sentence, reported
                if resolved.date.first_day() > published.date.last_day() and (
                    _announcing(doc.lang.speech_verbs).search(doc.body[sentence.start : sentence.end])
                    # A later sentence of the lead that looks ahead ("The flags will be raised
                    # on June 7") is what the news leads to, not the news of the first one.
                    or sentence is not first_sentence
                    # "На саммите 14 июня будет принята программа ... . ..., сообщил Столтенберг":
                    # the sentence after it, in its paragraph, says who announced it.
                    or _announced_in_next_sentence(doc, sentence)
                ):
                    announced = announced or (sentence, phrase)
                    continue
            if kind == "weekday" and published.date.precision != "day":
                resolved = pin_weekday(doc, phrase, published, resolved, tense)
            resolved = widen_to_span(doc, sentence, position, resolved)
            resolved = span_of_day_range(doc, position, phrase, resolved)
            if kind in _VAGUE_KINDS and published.date.precision == "day" and resolved.date.precision != "day":
                # "in February": in a report dated to the day, a named month is background
                # or a plan; the news is on a day the lead gives later, or else
                # on the day of the report (doubted: the lead gives no day).
                continue
            doc.main_position = position
            return sentence, resolved
    if announced is not None:
        sentence, phrase = announced
        return sentence, ResolvedDate(
            published.date,
            "(the report)",
            f"the lead looks forward to {phrase}; the news is the announcement, dated by "
            f"the publication ({published.basis})",
        )
    return first_sentence, None


def _announced_in_next_sentence(doc: Document, sentence: Sentence) -> bool:
    following = doc.sentence_after(sentence)
    if following is None:
        return False
    text = doc.body[following.start : following.end]
    if doc.lang.attribution_after.match(text):
        return True  # «Об этом заявили в альянсе»: pointing back, even from the next paragraph
    return "\n" not in doc.body[sentence.end : following.start] and bool(doc.lang.speech().search(text))


_VAGUE_KINDS = {"in_month", "month_year"}
"""Date phrases that name a month by its name ("in April", «в мае»), not a day; "last month"
in a lead still dates what it reports."""


def pin_weekday(
    doc: Document, phrase: str, published: PublicationDate, resolved: ResolvedDate,
    tense: str | None,
) -> ResolvedDate:
    """A weekday when only the month of publication is known. A dated event the chronology
    holds and the article names too (the same treaty, place or people) pins the week: "NATO
    on Monday ..." beside a known Saturday decree is the Monday after it (before it, when the
    article looks forward to that event). Without one, the month stays, marked approximate,
    with the candidate days written down."""
    weekday = next((w for w in WEEKDAYS if w in phrase.lower()), None)
    month = published.date
    if weekday is None:
        return resolved
    if month.month is None:
        # Known only to the year: only an event the article clearly reports pins the week
        # (the same test as for a page with no date at all).
        anchor = _clear_winner(_known_events_shared(doc, month.first_day(), month.last_day(), lead_counts_twice=True))
        if anchor is None:
            return resolved
        first = last = anchor.date.first_day()
    else:
        first, last = month.first_day(), month.last_day()
        anchor = best_known_event(doc, first - dt.timedelta(days=7), last + dt.timedelta(days=7))
    if anchor is not None:
        day = anchor.date.first_day()
        # The known event's own day when it falls on that weekday ("on Thursday" may be that
        # very event), else the nearer of the weekday before and after it; at equal distance,
        # before it when the weekday's sentence looks forward.
        after = day + dt.timedelta(days=(WEEKDAYS[weekday] - day.weekday()) % 7)
        before = day - dt.timedelta(days=(day.weekday() - WEEKDAYS[weekday]) % 7)
        if (after - day) < (day - before) or ((after - day) == (day - before) and tense != "future"):
            target = after
        else:
            target = before
        if first - dt.timedelta(days=7) <= target <= last + dt.timedelta(days=7):
            side = "of" if target == day else "after" if target > day else "before"
            return ResolvedDate(
                PartialDate.from_date(target),
                phrase,
                f"the {weekday.capitalize()} {side} {anchor.date.iso()} ({anchor.title}), an "
                f"event the article also names; the publication date is known only to the "
                f"{month.precision} ({month.iso()})",
            )
    candidates = [
        first + dt.timedelta(days=i) for i in range((last - first).days + 1)
        if (first + dt.timedelta(days=i)).weekday() == WEEKDAYS[weekday]
    ]
    days = ", ".join(str(d.day) for d in candidates)
    return ResolvedDate(
        month,
        phrase,
        f"{weekday.capitalize()} of an unknown week of {month.iso()}: one of the "
        f"{weekday.capitalize()}s {days}",
        approximate=True,
        review=f"'{phrase}' cannot be placed on a day: the publication date is known only to "
        f"the month ({month.iso()}); the candidates are days {days}",
    )


def best_known_event(doc: Document, start: dt.date, end: dt.date) -> Event | None:
    """The chronology's day-dated event in the window that shares most with the article:
    treaties, place, people, and words of its title."""
    scored = _known_events_shared(doc, start, end)
    return scored[0][1] if scored and scored[0][0] >= 3 else None


def _known_events_shared(
    doc: Document, start: dt.date, end: dt.date, *, lead_counts_twice: bool = False
) -> list[tuple[int, Event]]:
    """The chronology's day-dated events in the window, each with how much it shares with the
    article, most first; with `lead_counts_twice`, a word of the event's title that the
    headline or the lead write counts again (the news, not the background)."""
    treaties = set(doc.ids_of("treaty"))
    people = set(doc.ids_of("person"))
    places = set(doc.ids_of("place"))
    words = _words_of(doc, doc.body)
    lead_words = _lead_words(doc) if lead_counts_twice else set()
    scored: list[tuple[int, Event]] = []
    for event in doc.known_events:
        if event.date.precision != "day" or not start <= event.date.first_day() <= end:
            continue
        title_words = _title_words(event)
        score = (
            2 * len(treaties & set(event.treaties))
            + 2 * len(people & {p.id for p in event.people})
            + (2 if event.place and event.place in places else 0)
            + len(title_words & words)
            + len(title_words & lead_words)
        )
        scored.append((score, event))
    scored.sort(key=lambda item: -item[0])
    return scored


def _title_words(event: Event) -> set[str]:
    return set(re.findall(r"[a-z]{4,}", event.title.lower())) - {"nato", "russia", "russian"}


def _lead_words(doc: Document) -> set[str]:
    return _words_of(doc, f"{doc.headline or ''}\n" + "\n".join(doc.paragraphs[:2]))


def _words_of(doc: Document, text: str) -> set[str]:
    """The words of `text` that can match an event title's: its own (English) words, and in
    another language the title words it writes in its own (`Language.event_words`)."""
    words = set(re.findall(r"[a-z]{4,}", fold_text(text).lower()))
    return words | doc.lang.event_words(text) if doc.lang.event_words is not None else words


def reported_known_event(doc: Document, published: PublicationDate) -> ResolvedDate | None:
    """A lead that gives no date ("NATO has expelled seven Russian diplomats ..."), on a page
    dated to the day (or the month): when one of the chronology's day-dated events in the
    three days up to the publication (or in its month) clearly shares most with the page
    (`_clear_winner`: its people, place, treaties, words of its title), and the headline or
    lead writes a word of its title, the page reports that event, and takes its day rather
    than the day it was printed (wire copy is filed a day or two after what it reports).
    Still doubted: a page may report the day after such an event (a reaction, a departure),
    which only its text can tell."""
    if published.date.precision not in ("day", "month") or doc.publication_guessed:
        return None  # a guessed publication was itself dated by such an event, if any
    last = published.date.last_day()
    start = published.date.first_day() - dt.timedelta(days=_DAYS_REPORTED_AFTER)
    scored = _known_events_shared(doc, start, last, lead_counts_twice=True)
    event = _clear_winner(scored)
    if event is None or not _title_words(event) & _lead_words(doc):
        return None  # a person and a place in common are not yet the same news
    if published.date.precision == "day" and any(
        score >= _ANCHOR_SCORE and known.date.first_day() == last for score, known in scored
    ):
        # A known event of the page's own day may be the news as well (a summit's second day).
        return None
    return ResolvedDate(
        event.date,
        KNOWN_EVENT_PHRASE,
        f"no date phrase in the lead; the day of {event.date.iso()} ({event.title}), the chronology's "
        f"event that the page reports (published {published.date.iso()})",
    )


KNOWN_EVENT_PHRASE = "(a known event)"
_DAYS_REPORTED_AFTER = 3
"""News without a date in its lead reports what happened up to this many days before the
page's day (or its month's first day)."""


def anchor_guessed_publication(doc: Document, published: PublicationDate) -> PublicationDate:
    """A page with no publication date, whose year was only guessed (the latest year it names,
    or the first year its people's offices fit): when one of the chronology's dated events
    in the years it could be from clearly shares most with it (people, place, treaties, words
    of its title), the page reports that event, and is dated by it: the lead's day and month
    in that event's year, or the event's own day when the lead gives none (or gives a day that
    year lacks). Still a guess: the doubts stage marks it (`publication_guessed` stays set).
    A page that names no year at all (`Document.year_unknown`) and reports no such event is
    refused with the error that asks for its publication date."""
    if not doc.publication_guessed or not doc.guess_years:
        return published
    first, last = min(doc.guess_years), max(doc.guess_years)
    scored = [
        (score, event)
        for score, event in _known_events_shared(doc, dt.date(first, 1, 1), dt.date(last, 12, 31), lead_counts_twice=True)
        if event.date.first_day().year in doc.guess_years
    ]
    # The week before the lead's day decides first; when two such events tie, the shares alone.
    near = sorted(
        (
            (score + _WEEK_BEFORE_BONUS, event)
            if score >= _ANCHOR_SCORE and _days_before_lead_day(event, published.date) else (score, event)
            for score, event in scored
        ),
        key=lambda item: -item[0],
    )
    event = _clear_winner(near) or _clear_winner(scored)
    if event is None:
        if doc.year_unknown:
            raise ExtractionError(_NO_PUBLICATION_DATE)
        return published
    day = event.date.first_day()
    guess = published.date
    if guess.month is not None and make_date(day.year, guess.month, guess.day or 1) is not None:
        date = PartialDate(day.year, guess.month, guess.day)
    elif guess.month is not None and not doc.year_unknown:
        return published
    else:
        date = PartialDate.from_date(day)
    anchored = PublicationDate(
        date,
        f"no publication date found; dated by {event.date.iso()} ({event.title}), the chronology's "
        f"event in {first}–{last} that shares most with the text",
    )
    # The dateline's day was read in the guessed year; it is read again in the new one.
    doc.dateline_day = dateline_day(doc, anchored)
    return anchored


_WEEK_BEFORE_BONUS = 5
"""What a known event gains when it happened in the week up to the day the page's lead gives
("Brussels, 29 March" and expulsions on 27 March of a year its people's offices fit): news is
filed days after what it reports, not weeks. Only for an event that shares enough with the
page to date it on its own (`_ANCHOR_SCORE`), so that a day, which many years' events are
near, never dates a page by itself; the bonus decides between such events."""

_DAYS_BEFORE_LEAD = 7


def _days_before_lead_day(event: Event, guess: PartialDate) -> bool:
    """Whether `event` happened on the lead's day and month, or in the week before it, in the
    event's own year."""
    if guess.month is None or guess.day is None:
        return False
    first = event.date.first_day()
    if make_date(first.year, guess.month, guess.day) is None:
        return False  # 29 February in another year
    return 0 <= (dt.date(first.year, guess.month, guess.day) - first).days <= _DAYS_BEFORE_LEAD


_ANCHOR_SCORE = 4
"""How much a known event must share with a page of unknown year to date it: two of its people,
or a person and its place (a text in another language than the titles shares no title words);
one person and a word or two are not enough."""


def _clear_winner(scored: list[tuple[int, Event]]) -> Event | None:
    """The known event a page clearly reports: it shares at least `_ANCHOR_SCORE` with the
    page and more than any other event in the window."""
    if not scored or scored[0][0] < _ANCHOR_SCORE or (len(scored) > 1 and scored[1][0] >= scored[0][0]):
        return None
    return scored[0][1]



def reported_date(
    doc: Document, sentence: Sentence, after: int, published: PublicationDate
) -> ResolvedDate | None:
    """A later date phrase of the sentence right after a reporting verb ("announced on
    Monday", "said Tuesday") that is not in the future: when the report was made."""
    for kind, phrase, position in doc.phrases_in(sentence, skip_until=after + 1):
        if not re.search(
            rf"\b(?:{doc.lang.speech_verbs}|announced|declared|decided|confirmed)\s+(?:on\s+)?$",
            doc.body[max(sentence.start, position - 30) : position],
            re.IGNORECASE,
        ):
            continue
        resolved = doc.lang.resolve_phrase(kind, phrase, published.date, tense="past")
        if resolved is not None and resolved.date.last_day() <= published.date.last_day():
            doc.main_position = position
            return resolved
    return None


def tense_of(doc: Document, sentence: Sentence, position: int) -> str | None:
    """ "future" or "past" from the verbs around a date phrase, or None when unclear."""
    before = doc.body[max(sentence.start, position - 60) : position]
    if doc.lang.future_context.search(before):
        return "future"
    if doc.lang.future_after and doc.lang.future_context.search(doc.body[position : min(sentence.end, position + 60)]):
        return "future"
    near = doc.body[max(sentence.start, position - 25) : position]
    if re.search(
        r"\b(?:ends|begins|starts|opens|closes|runs|is|are)\s+(?:on\s+)?$", near, re.IGNORECASE
    ):
        return None
    after = doc.body[position : min(sentence.end, position + 50)]
    if doc.lang.past_context.search(near) or doc.lang.past_context.search(after):
        return "past"
    return None


_DAY_RANGE_END = re.compile(r"^\s*(?:to|through|until|till|-|–|—)\s*(?P<day>[12]\d|3[01]|0?[1-9])\b(?!\s*[:.]\d)")


def span_of_day_range(doc: Document, position: int, phrase: str, resolved: ResolvedDate) -> ResolvedDate:
    """"May 15 to 31, 1996", "April 7-8": the day range's last day is the end date."""
    if resolved.date.precision != "day" or resolved.end_date is not None:
        return resolved
    tail = doc.body[position + len(phrase) : position + len(phrase) + 12]
    match = _DAY_RANGE_END.match(tail)
    if not match or re.search(r"\d{4}", phrase) and not phrase.rstrip().endswith(match["day"]):
        return resolved
    first = resolved.date.first_day()
    day = int(match["day"])
    if day <= first.day:
        return resolved
    try:
        end = dt.date(first.year, first.month, day)
    except ValueError:
        return resolved
    return ResolvedDate(
        resolved.date, f"{phrase}{match[0]}", f"{resolved.rule}; the range ends on day {day}",
        end_date=PartialDate.from_date(end), review=resolved.review, approximate=resolved.approximate,
    )


def widen_to_span(
    doc: Document, sentence: Sentence, position: int, resolved: ResolvedDate
) -> ResolvedDate:
    """A multi-day event: "the two-day event that ended Thursday" ends on the date, "a
    three-day summit that opened on Monday" starts on it. The length is read from the lead."""
    before = doc.body[max(sentence.start, position - 60) : position].lower()
    edge = re.search(
        r"\b(?P<verb>ended|closed|concluded|wrapped\s+up|finished|opened|began|started|kicked\s+off)\b"
        r"(?!.*\b(?:and|but|after|before|when)\b)",
        before,
    )
    if not edge:
        return resolved
    lead = doc.body[: doc.paragraph_starts[min(3, len(doc.paragraph_starts) - 1)] + 400]
    days = re.search(r"\b(two|three|four|five|six|seven|[2-7])[- ]day\b", lead, re.IGNORECASE)
    if not days:
        return resolved
    count = NUMBER_WORDS[days[1].lower()]
    when = re.sub(r"^on\s+", "", resolved.phrase.strip(), flags=re.IGNORECASE)
    verb = " ".join(edge["verb"].split())
    phrase = f"{days[0]} event that {verb} {when}"
    if verb in ("opened", "began", "started", "kicked off"):
        return resolve_span_forward(resolved, count, phrase)
    return resolve_span(resolved, count, phrase)
