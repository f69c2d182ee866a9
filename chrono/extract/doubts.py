"""Stage: where the draft may be wrong, field by field.

Each field the extractor fills is checked against what the text offered it. A field whose
value rests on a reading the benchmark shows to be reliable (a full date in the lead, a venue
written beside the date, a quote with its speaker's name at the attribution) gets no doubt:
the extractor would bet on it. Otherwise the field's path (in the validator's form:
`date`, `place`, `people[1]`, `quotes[2].speaker`) maps to the reason a person should check
it. The reasons come from the other stages' notes on how they found each value
(`Document.place_basis`, `Document.quote_bases`) and from what else the lead says.
"""

from __future__ import annotations

import json
import os
import re
import sys

from ..dates import WEEKDAYS, PublicationDate, ResolvedDate, is_month_word
from ..model import Event
from .document import Document, Sentence
from .dating import KNOWN_EVENT_PHRASE, tense_of
from .normalise import fold_text, normalise_name
from .vocabulary import REGION_NAMES

DOUBTFUL_SPEAKER_BASES = {
    "pronoun after several speakers": "'he/she said' after two people were quoted: the pronoun may be either",
    "pronoun: no person named before": "'he/she said' with no person named before it: the speaker was taken from an organization",
    "a description: the last person named": "a speaker named by description, taken to be the last person named before",
    "described": "a speaker named by description ('the senior diplomat'), matched by country",
    "institution": "an institution speaking ('the ministry said'), matched to the last one named",
    "'it said': the organization named last": "'it said', taken to be the organization named last",
    "the statement's issuer": "'the statement said', taken to be the issuer named before",
    "organization named": "an organization named before the quote was taken for its speaker",
    "subject among several names": "several people are named before the speech verb; the first was taken",
    "a colon after several people in the nominative: the first": (
        "several people are named before the colon that opens the quote; the first was taken"
    ),
    "framing": "the quote frames a word ('called it ...'); the subject before it was taken",
    "quote paragraph: the organization of the paragraph before": "a quote paragraph after a body's statement: taken to be that body's words",
    "a medium's credit: the voice of the paragraph before": (
        "a medium passes the quote on ('цитирует ...'); the speaker was taken from the paragraph before"
    ),
}
"""How a speaker was found -> the doubt it leaves. Readings not listed here (a name at the
attribution, 'according to X', a transcript turn, a quote continued after its attribution or
in the next paragraph, a speaker named by office, 'he said' after one speaker: the last person
named as a subject, 53 of 55 right on development on 2026-12-08) are ones the development
corpus shows to be right: `bench_accuracy.py --readings` prints how often each reading is."""


def find_doubts(
    doc: Document,
    event: Event,
    published: PublicationDate,
    resolved: ResolvedDate,
    main_sentence: Sentence | None,
) -> tuple[tuple[str, str], ...]:
    """The draft's doubts as (path, reason) pairs, in field order."""
    doubts: list[tuple[str, str]] = []
    if not doc.headline:
        doubts.append(("title", "no headline found: the title was written from the lead"))
    if reason := date_doubt(doc, published, resolved, main_sentence):
        doubts.append(("date", reason))
    date_reason = dict(doubts).get("date", "")
    if reason := place_doubt(doc, event.place, main_sentence):
        doubts.append(("place", reason))
    elif event.place and doc.place_basis == "beside the date" and date_reason:
        # A place read beside a date is as good as that date: a doubted date may be another
        # event's, and so may its place.
        doubts.append(("place", "the place is written beside a date that may not be the news's (see the date's doubt)"))
    for index, person in enumerate(event.people):
        if reason := person_doubt(doc, person.id, person.role):
            doubts.append((f"people[{index}]", reason))
    for index, quote in enumerate(event.quotes):
        how = doc.quote_bases.get((quote.speaker, quote.text), "")
        reason = DOUBTFUL_SPEAKER_BASES.get(re.sub(r"^(?:after|before|introduced): ", "", how))
        if reason is None and how.endswith(": none"):
            reason = "no attribution beside the quote"
        if reason:
            doubts.append((f"quotes[{index}].speaker", reason))
    if doc.lang.translation_note:
        # The draft keeps the article's own words; an editor writes the title and summary in English.
        doubts = with_translation_doubts(doubts, doc.lang.translation_note)
    if os.environ.get(READINGS_VARIABLE):
        report_readings(doc, event, published)
    return tuple(doubts)


def with_translation_doubts(doubts: list[tuple[str, str]], note: str) -> list[tuple[str, str]]:
    """The title and summary doubted for their language (after any other doubt on them), the
    fields in the event's order."""
    reasons = dict(doubts)
    for field in ("title", "summary"):
        reasons[field] = f"{reasons[field]}; {note}" if field in reasons else note
    head = [(field, reasons.pop(field)) for field in ("title", "date", "place", "summary") if field in reasons]
    return head + [(path, reason) for path, reason in doubts if path in reasons]


READINGS_VARIABLE = "CHRONO_READINGS"
"""Set by `bench_accuracy.py --readings`: each article's readings go to standard error, so the
benchmark can say how often each reading is right, which is what the doubts are set from."""


def report_readings(doc: Document, event: Event, published: PublicationDate) -> None:
    """One line on standard error: how the date, the place, each person and each quote's
    speaker were read."""
    readings = {
        "date": f"{phrase_kind(doc)}, publication from {published.basis.split(':')[0]}",
        "place": doc.place_basis,
        **{
            f"people[{i}]": f"{'in people.yml' if p.id in doc.catalog.people else 'new'}, role {'given' if p.role else 'none'}"
            for i, p in enumerate(event.people)
        },
        **{f"quotes[{i}]": doc.quote_bases.get((q.speaker, q.text), "") for i, q in enumerate(event.quotes)},
    }
    print(f"readings {json.dumps(readings)}", file=sys.stderr)


# ---------------------------------------------------------------- the date

_RELATIVE_KINDS = ("weekday", "dayword")
_ARRIVAL = re.compile(
    r"\b(?:arrived|arrives|arriving|flew|flies|travell?ed|came|comes)\b[^.]{0,60}\bto\s+"
    r"(?:attend|take\s+part|participate|join|hold|open|chair)\b",
    re.IGNORECASE,
)
""""arrived yesterday to attend a meeting": the date is the arrival's, not the meeting's."""


def date_doubt(
    doc: Document, published: PublicationDate, resolved: ResolvedDate, main_sentence: Sentence | None
) -> str | None:
    """Why the main date may be wrong, or None when it rests on a reading worth a bet."""
    if doc.publication_guessed:
        # A stamp set aside (`dating._stamp_after_offices`) says so in the basis.
        found = "the publication date is a guess" if published.basis.startswith("the stamp") else (
            "no publication date was found in the text or the address"
        )
        return f"{found}: {published.basis}; add `published` for the article in seeds/sources.yml"
    if resolved.review:
        return resolved.review
    if published.basis.startswith("dateline:") and "the latest year the text names" in published.basis:
        # "MOSCOW, December 4. /TASS/." with no year: the year stands in from the text, and a
        # page is often written a year after the last year it names (development: 4 of 7 right).
        if "weekday the lead names" in published.basis:
            return (
                f"the dateline gives the day but not the year: {published.date.year} is the first year "
                "after the latest year the text names in which that day is the weekday the lead names"
            )
        return (
            f"the dateline gives the day but not the year: {published.date.year} is the latest "
            "year the text names, and the page may be from a later one"
        )
    if resolved.phrase == "(no date in the text)":
        return f"the lead gives no date; the publication date ({published.basis}) was used"
    if resolved.phrase == KNOWN_EVENT_PHRASE:
        event = resolved.rule.removeprefix("no date phrase in the lead; ")
        return f"the lead gives no date; {event}, but the page may report a later reaction to it"
    if resolved.phrase == "(the report)":
        return f"{resolved.rule}; the announced step itself may be the event"
    kind = phrase_kind(doc)
    if kind in _RELATIVE_KINDS and published.date.precision != "day":
        return (
            f"'{resolved.phrase.strip()}' was resolved against a publication date known only "
            f"as {published.date.iso()}"
        )
    # (A date in the page's address is the publisher's own: a weekday counted from it was
    # right in 33 of 34 English development pages, as often as one counted from a stamp.)
    if kind in _RELATIVE_KINDS and published.basis.startswith("edit stamp:"):
        return (
            f"'{resolved.phrase.strip()}' was counted from a publication date read from the "
            f"{published.basis.split(':')[0]} ({published.date.iso()}), which may not be the day it was written"
        )
    if main_sentence is not None and _ARRIVAL.search(doc.body[main_sentence.start : main_sentence.end]):
        return "the lead dates an arrival: the meeting it was for may be on another day"
    if kind in _COARSE_KINDS and published.date.precision == "day":
        return f"the lead dates the event only as '{resolved.phrase.strip()}'"
    if resolved.end_date is not None and "event that" in resolved.phrase:
        return f"the first day was counted back from '{resolved.phrase.strip()}'"
    if (gap := days_before_publication(resolved, published)) is not None and gap < 0:
        return (
            f"the date is after the publication ({published.date.iso()}): the news may be the "
            f"announcement of it"
        )
    if gap is not None and gap > _STALE_DAYS:
        return (
            f"the date is {gap} days before the publication ({published.date.iso()}): it may be "
            f"background rather than the news"
        )
    if other := competing_date(doc, published, resolved):
        return other
    return None


_COARSE_KINDS = ("period", "in_month", "month_year")
"""Phrases that name a week, a month or a season rather than a day."""
_STALE_DAYS = 7
"""News reports what happened within a week; an earlier date in the lead is often background."""


def days_before_publication(resolved: ResolvedDate, published: PublicationDate) -> int | None:
    if published.date.precision != "day":
        return None
    return (published.date.first_day() - resolved.date.last_day()).days


def phrase_kind(doc: Document) -> str | None:
    """The kind of the date phrase the main date was read from (weekday, dayword, ...)."""
    if doc.main_position is None:
        return None
    match = next((m for m in doc.all_phrases if m.start() == doc.main_position), None)
    return match.lastgroup if match else None


def competing_date(doc: Document, published: PublicationDate, resolved: ResolvedDate) -> str | None:
    """Another relative day in the lead's first sentence that falls on a different day ("said
    on Wednesday ... reported yesterday"): the news may be either."""
    if doc.main_position is None:
        return None
    sentence = doc.sentence_at(doc.main_position)
    if sentence is None:
        return None
    for kind, phrase, position in doc.phrases_in(sentence):
        if position == doc.main_position or kind not in _RELATIVE_KINDS:
            continue
        # a day the sentence looks forward to ("will meet on Friday") is a plan, not a rival
        other = doc.lang.resolve_phrase(kind, phrase, published.date, tense=tense_of(doc, sentence, position) or "past")
        if other is None or other.date == resolved.date:
            continue
        if other.date.precision == "day" and other.date.first_day() > published.date.last_day():
            continue
        return (
            f"the lead also has '{phrase.strip()}' ({other.date.iso()}); the event was taken to be "
            f"on {resolved.date.iso()}"
        )
    return None


# ---------------------------------------------------------------- the place

_TRUSTED_PLACE_BASES = {"beside the date", "headquarters"}
_AWAY = re.compile(
    r"\b(?:(?:during|on)\s+(?:a|an|his|her|their)\s+(?:\w+\s+){0,2}(?:visit|trip|tour)\s+to(?:\s+[A-Z]\w+['’]s)?(?:\s+[a-z]\w+){0,2}?|visiting|"
    r"(?:summit|talks|meeting|conference|session|negotiations)\s+(?:held\s+)?in|near(?:\s+the\s+(?:village|town|city|port)\s+of)?|"
    r"off\s+the\s+coast\s+of|in\s+the\s+(?=(?:Black|Baltic|Barents|Mediterranean|North)\s+Sea)|"
    r"on\s+the\s+sidelines\s+of)\s+(?:the\s+)?(?P<where>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)
"""Words that put the event away from the dateline: "during a visit to Kyiv", "the summit in
Helsinki", "near the village of ..."."""


def place_doubt(doc: Document, place: str | None, main_sentence: Sentence | None) -> str | None:
    """Why the place may be wrong, or None."""
    basis = doc.place_basis
    lead_end = doc.paragraph_starts[2] if len(doc.paragraph_starts) > 2 else len(doc.body)
    lead = doc.body[:lead_end]
    if place is None:
        if basis == "a gathering elsewhere than the dateline":
            return "the lead puts the event away from the dateline, in a place not in places.yml"
        if basis == "a country as the dateline":
            return f"the dateline names a country ({doc.dateline[0] if doc.dateline else ''}), not a venue"
        named = _known_places_in(doc, doc.body, anywhere=True) + _known_places_in(doc, doc.headline or "", anywhere=True, headline=True)
        if named:
            return f"no place found for the event; the text names {', '.join(dict.fromkeys(named[:3]))}"
        if unknown := _unknown_names_after_in(doc.body):
            return f"no place found for the event; the text writes 'in {unknown}', which places.yml does not know"
        # An empty place is a bet that the text does not say where: on the corpus it loses a
        # third of the time (a venue in a form no rule reads), so it is marked too.
        return "no place found for the event: check whether the text says where it happened"
    if basis in _TRUSTED_PLACE_BASES:
        return None
    if basis == "dateline":
        away = next(
            (
                m["where"] for m in _AWAY.finditer(lead)
                if normalise_name(m["where"]) != normalise_name(doc.dateline[0] if doc.dateline else "")
            ),
            None,
        )
        if away:
            return f"dateline {doc.dateline[0] if doc.dateline else ''}; the lead says '{away}'".strip()
        if foreign := foreign_actor(doc, main_sentence, place):
            return f"dateline {doc.dateline[0] if doc.dateline else ''}, but the lead's actor is {foreign}, who may have spoken elsewhere"
        city = doc.place_id(doc.dateline[0], stub=False) if doc.dateline else None
        others = [n for n in _known_places_in(doc, lead) if doc.place_id(n, stub=False) != city]
        if others:
            return f"dateline {doc.dateline[0] if doc.dateline else ''}; the lead also names {others[0]}"
        return None
    if basis == "in the main sentence":
        return f"{place} is named in the lead's main sentence, but not beside the event's date"
    if basis == "a venue not in places.yml":
        return f"the venue '{place}' is not in places.yml: a new stub was made from the lead"
    return f"no venue written beside the event; the place is {basis}"


_ENVOY_TO = re.compile(r"\b(?:envoy|ambassador|representative|mission|delegation)\s+to\s+(?:the\s+)?(?:NATO|the\s+alliance|the\s+EU|the\s+OSCE)", re.IGNORECASE)


def foreign_actor(doc: Document, main_sentence: Sentence | None, place: str | None) -> str | None:
    """The person the main sentence is about, when they belong to the other side from the
    dateline's country (a NATO official under a Moscow dateline) or serve abroad (Russia's
    envoy to NATO): a wire bureau reports them, but they spoke where they are."""
    if main_sentence is None or place is None:
        return None
    text = doc.body[main_sentence.start : main_sentence.end]
    if _ENVOY_TO.search(text):
        return "an envoy posted abroad"
    entry = doc.catalog.places.get(place)
    country = (entry.country or "").lower() if entry else ""
    dateline_side = "russia" if country in ("russia", "russian federation") else None
    if dateline_side is None:
        return None
    for mention in doc.mentions:
        if mention.kind != "person" or not main_sentence.start <= mention.start < main_sentence.end:
            continue
        person = doc.catalog.people.get(mention.id)
        if person is not None and person.side and person.side != dateline_side:
            return person.name
    return None


_IN_NAME = re.compile(r"\b(?:in|at|near)\s+(?P<name>[A-Z][a-z'’-]{2,}(?:\s+[A-Z][a-z'’-]{2,})?)\b(?!['’]s)")


def _unknown_names_after_in(text: str) -> str | None:
    """A capitalised name after "in", "at" or "near" that is no country, region, month or
    weekday: perhaps a venue places.yml does not know ("in Naantali")."""
    for match in _IN_NAME.finditer(text):
        name = match["name"]
        first = name.split()[0]
        if name.lower() in REGION_NAMES or first.lower() in REGION_NAMES or is_month_word(first):
            continue
        if first.lower() in WEEKDAYS or first in ("The", "This", "That", "NATO", "Nato", "His", "Her", "Their", "Its"):
            continue
        return name
    return None


_IN_OR_AT = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


def _known_places_in(doc: Document, text: str, *, anywhere: bool = False, headline: bool = False) -> list[str]:
    """Known places the text names after "in" or "at" (or `anywhere`). `text` is the body's
    start unless `headline`."""
    names: dict[str, None] = {}
    folded = fold_text(text) if headline else doc.folded[: len(text)]
    # A language with its own venue words ("в Брюсселе") reads them; English keeps "in", "at".
    venue = doc.lang.venue_before if doc.lang.lemmas is not None else _IN_OR_AT
    for start, end, form in doc.known_names(folded):
        if form.kind == "place" and (anywhere or venue.search(folded[max(0, start - 12) : start])):
            names.setdefault(text[start:end], None)
    return list(names)


# ---------------------------------------------------------------- people


def person_doubt(doc: Document, person_id: str, role: str | None) -> str | None:
    """A name the chronology does not know, read from capitalised words alone, or a known
    person's name written one letter off."""
    if written := doc.misspelt.get(person_id):
        return f"'{written}' was taken for {doc.catalog.people[person_id].name}, whose name it writes one letter off"
    if person_id in doc.catalog.people:
        return None
    person = doc.new_people.get(person_id)
    if person is None:
        return None
    if len(person.name.split()) < 2:
        return f"'{person.name}' is a single word taken for a person's name"
    if role is None and not any(q for q in doc.quote_bases if q[0] == person_id):
        return f"'{person.name}' is not in people.yml and the text gives no role: check it is a person's name"
    return None

