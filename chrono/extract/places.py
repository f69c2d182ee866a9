"""Stage: where the main event happened."""

from __future__ import annotations

import re

from ..dates import HEADING_PLACE_DATE, PartialDate, is_month_word
from .document import Document, Sentence
from .normalise import normalise_name
from .vocabulary import (
    REGION_NAMES,
    HEADQUARTERS,
    HEADQUARTERS_CITY,
    SPEECH,
    SPEECH_VERBS,
)


def find_place(doc: Document, sentence: Sentence | None, event_date: PartialDate | None = None) -> str | None:
    """Where the main event happened, in this order: "in <known place>" right beside the
    date phrase ("held on January 12 in Brussels", "met in Paris on Tuesday"), then
    elsewhere in the main sentence; NATO headquarters (Brussels); the dateline city. A
    dateline names where the report was filed ("Prague ... (RFE/RL)" for a signing in
    Paris), so a place written in the sentence about the event comes first. An unknown name
    after "in" is left out: it may be a country or a region, not the venue."""
    places: list[tuple[int, int, str]] = []
    text = ""
    if sentence is not None:
        text = doc.folded[sentence.start : sentence.end]
        for start, end, form in doc.known_names(text):
            if form.kind == "place" and doc.lang.venue_before.search(text[max(0, start - 50) : start]):
                if _SEAT_OF.search(text[max(0, start - 50) : start]):
                    continue  # "its mission to NATO in Brussels": where the mission is
                if _VIEWPOINT_IN.search(text[max(0, start - 30) : start]):
                    continue  # "regarded in Moscow as a threat": where people think so
                places.append((sentence.start + start, sentence.start + end, form.id))
    if (heading := place_before_date(doc) or place_under_heading(doc)) is not None:
        doc.place_basis = "beside the date"
        return heading
    if doc.main_position is not None:
        for start, end, key in places:
            if start - 45 <= doc.main_position <= end + 45:
                doc.place_basis = "beside the date"
                return key
        if sentence is not None:
            # "... after the council meeting held on January 12 in Brussels": a place
            # beside another date phrase is where that other event was.
            others = [p for _, _, p in doc.phrases_in(sentence) if p != doc.main_position]
            places = [
                (s, e, k) for s, e, k in places if not any(s - 30 <= p <= e + 10 for p in others)
            ]
    if places:
        doc.place_basis = "in the main sentence"
        return places[0][2]
    headquarters = HEADQUARTERS.search(text)
    if headquarters and re.search(
        r"\b(?:at|in|inside|outside)\s+(?:the\s+)?$",
        text[max(0, headquarters.start() - 12) : headquarters.start()],
    ):
        # "met at NATO headquarters", not "recalled its envoy from NATO headquarters".
        doc.place_basis = "headquarters"
        return doc.place_id(HEADQUARTERS_CITY, stub=True)
    if seat := _SEAT_AS_VENUE.search(text):
        # "talks at the Kremlin", "на переговорах в Кремле": the building stands for its city.
        doc.place_basis = "a seat of government as the venue"
        return doc.place_id(_SEAT_CITIES[next(k for k, v in seat.groupdict().items() if v)], stub=True)
    if doc.dateline:
        elsewhere = _GATHERING_IN.search(text)
        if (
            elsewhere
            and not SPEECH.search(text)
            and normalise_name(elsewhere["where"]) != normalise_name(doc.dateline[0])
        ):
            # "WASHINGTON -- ... launched Zapad 2017, a joint exercise in Belarus": the
            # dateline is where the report was filed; the venue is a country or region.
            # (When the lead reports a statement, "said the talks in Geneva ...", the
            # gathering is its subject and the dateline stands.)
            doc.place_basis = "a gathering elsewhere than the dateline"
            return None
        if doc.dateline[0].lower() in REGION_NAMES:
            doc.place_basis = "a country as the dateline"  # "LITHUANIA, June 9 -": no venue
            return None
        doc.place_basis = "dateline"
        return doc.place_id(doc.dateline[0], stub=True)
    for how, finder in (
        ("a place line in the page's heading", lambda: place_line_in_heading(doc)),
        ("a venue beside the event's day later in the lead", lambda: place_beside_event_day(doc, sentence, event_date)),
        ("where the statement was made", lambda: place_of_statement(doc)),
        ("headline", lambda: place_in_headline(doc)),
        ("a gathering named after its city", lambda: place_named_gathering(doc)),
        ("the speaker's capital", lambda: capital_of_speaker(doc, sentence)),
        ("a lead sentence opening 'In <place>,'", lambda: place_opening_a_sentence(doc)),
        ("the first sentence's venue", lambda: place_in_first_sentence(doc)),
        ("a venue not in places.yml", lambda: unknown_venue(doc)),
    ):
        if found := finder():
            doc.place_basis = how
            return found
    doc.place_basis = "none"
    return None


_SEAT_AS_VENUE = re.compile(
    r"\b(?:at|in|inside)\s+the\s+(?:(?P<kremlin>Kremlin)|(?P<white_house>White\s+House)|(?P<elysee>[EÉ]lys[eé]e(?:\s+Palace)?))\b"
    r"|(?<![\w-])(?:в|во)\s+(?P<kremlin_ru>Кремле)(?![\w-])"
)
"""A seat of government written as where something happened, not as who spoke."""
_SEAT_CITIES = {"kremlin": "Moscow", "kremlin_ru": "Moscow", "white_house": "Washington", "elysee": "Paris"}


def place_beside_event_day(doc: Document, main: Sentence | None, event_date: PartialDate | None) -> str | None:
    """"Russia met with NATO's 30 allies at the alliance's headquarters in Brussels on
    Wednesday" a paragraph after a lead that names no place: a venue written beside another
    date phrase of the event's own day is where that day's news happened."""
    if event_date is None or event_date.day is None or doc.published is None:
        return None
    lead_end = doc.lead_end(4)
    for sentence in doc.sentences:
        if sentence.end > lead_end:
            break
        if main is not None and sentence.start <= main.start:
            continue
        phrases = [
            position
            for kind, phrase, position in doc.phrases_in(sentence)
            if (found := doc.lang.resolve_phrase(kind, phrase, doc.published.date, tense="past")) is not None
            and found.date == event_date
        ]
        if not phrases:
            continue
        text = doc.folded[sentence.start : sentence.end]
        for start, end, form in doc.known_names(text):
            before = text[max(0, start - 50) : start]
            if form.kind != "place" or not doc.lang.venue_before.search(before):
                continue
            if _SEAT_OF.search(before) or _VIEWPOINT_IN.search(text[max(0, start - 30) : start]):
                continue
            at, until = sentence.start + start, sentence.start + end
            if any(at - 45 <= p <= until + 45 for p in phrases):
                return form.id
    return None


def place_before_date(doc: Document) -> str | None:
    """"..., Washington, December 10, 2019": a known place written right before the main
    date, the way official transcripts and statements head their text."""
    if doc.main_position is None:
        return None
    before = doc.folded[max(0, doc.main_position - 60) : doc.main_position]
    if not re.search(r",\s*$", before):
        return None
    for start, end, form in doc.known_names(before):
        if form.kind == "place" and re.fullmatch(r"\s*,\s*", before[end:]) and (
            start == 0 or re.search(r"[,(]\s*$", before[:start])
        ):
            return form.id
    return None


_VENUE_AFTER_DATE = re.compile(r"\s*,\s*(?P<place>[^\d,;:.!?]{2,40}?)(?:,\s*[^\d,;:.!?]{2,40})?\s*")


def place_under_heading(doc: Document) -> str | None:
    """"3 октября 2001 года, Брюссель", "May 28, 2002, Rome": a line of its own above the text
    with a full date and then a known place is how an official transcript gives the day and
    the venue of what it records."""
    for line in doc.raw_lines[:25]:
        line = line.strip()
        date = doc.lang.date_phrase.match(line)
        if date is None or date.lastgroup not in ("full_md", "full_dm"):
            continue
        venue = _VENUE_AFTER_DATE.fullmatch(line[date.end() :])
        if venue and (key := doc.place_id(venue["place"], stub=False)) is not None:
            return key
    return None


_UNKNOWN_VENUE = re.compile(
    r"\b(?:(?:meeting|talks|summit|session|conference|negotiations|consultations|forum)"
    r"(?:\s+(?:was|were|is|are))?\s+(?:held\s+|taking\s+place\s+)?in|"
    r"(?:resort|port|spa|border)?\s*(?:city|town|village|resort)\s+of)\s+"
    r"(?P<where>[A-Z][a-z'’-]+(?:[ -](?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z'’-]+)?)\b(?!['’]s)"
)
"""A gathering's venue that places.yml does not know: "the talks in Geneva", "the Black Sea
resort city of Sochi"."""


def unknown_venue(doc: Document) -> str | None:
    """With no known place, a venue the lead writes after a gathering word becomes a new
    place stub (countries and regions are not venues). The doubts stage marks it."""
    lead_end = doc.lead_end(2)
    for match in _UNKNOWN_VENUE.finditer(doc.body[:lead_end]):
        name = match["where"]
        if name.lower() in REGION_NAMES or normalise_name(name) in NOT_VENUE_WORDS or is_month_word(name):
            continue
        if re.search(r"['’]s\b", name):
            continue  # "talks in Russia's Black Sea resort of Sochi": the resort comes later
        if _gathering_ahead(doc, match.start(), match.end()):
            continue
        return doc.place_id(name, stub=True)
    return None


NOT_VENUE_WORDS = {"the", "a", "an", "which", "this", "that", "his", "her", "their", "its"}


def place_in_first_sentence(doc: Document) -> str | None:
    """Where the first sentence puts what it reports ("Впервые в Москве состоялось заседание",
    "В ходе Мюнхенской конференции"), in a language whose leads name the venue that way."""
    if not doc.lang.venue_in_first_sentence or not doc.sentences:
        return None
    first = doc.first_lead_sentence() or doc.sentences[0]
    text = doc.folded[first.start : first.end]
    for start, end, form in doc.known_names(text):
        if form.kind != "place":
            continue
        if doc.lang.venue_before.search(text[max(0, start - 20) : start]) or doc.lang.gathering_after.match(text[end : end + 40]):
            return form.id
    return None


SCENE_OPENING = re.compile(r"(?:^|(?<=[.!?]\s))(?:(?:Yesterday|Today|Earlier|Later|Meanwhile),?\s+)?[Ii]n\s+$")
"""What opens a sentence before the place that sets its scene: "In Washington, ..."."""


def place_opening_a_sentence(doc: Document) -> str | None:
    """"In Washington, NATO's foreign ministers endorsed ...": a known place that opens a
    sentence of the first three paragraphs, then a comma, sets the scene of what follows."""
    lead_end = doc.lead_end(3)
    lead = doc.folded[:lead_end]
    for start, end, form in doc.known_names(lead):
        line_start = lead.rfind("\n", 0, start) + 1
        if form.kind == "place" and lead[end : end + 1] == "," and doc.lang.scene_opening.search(lead[line_start:start]):
            return form.id
    return None


_NAMED_GATHERING = re.compile(
    r"^(?:\s+[A-Z][\w-]*){0,2}\s+(?:[Ss]ecurity\s+)?(?:[Cc]onference|[Ss]ummit|[Mm]eeting|[Tt]alks|[Ff]orum)\b"
)


def place_named_gathering(doc: Document) -> str | None:
    """"The Munich security conference", "the Bucharest summit": a gathering named after the
    city it meets in, in the lead."""
    lead_end = doc.lead_end(2)
    for start, end, form in doc.known_names(doc.folded[:lead_end]):
        if form.kind == "place" and _NAMED_GATHERING.match(doc.body[end : end + 40]):
            return form.id
    return None


VENUE_BEFORE = re.compile(
    r"(?:\b(?:in|at)\s+(?:the\s+)?|\b(?:visits?|visited|visiting|trip|arrived|arrives|travell?ed|flew)\s+(?:in|to)\s+|\b(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:island|city|town|resort|port|village|capital)\s+of\s+)$"
)
"""What stands before a venue: "in Paris", "at the Kremlin", "on the Greek island of Corfu"."""


def place_in_headline(doc: Document) -> str | None:
    """"NATO-Russia Council foreign ministers meet in Corfu": a headline names the venue
    when the lead does not."""
    if not doc.headline:
        return None
    folded = doc.headline
    for start, _end, form in doc.known_names(folded):
        if form.kind == "place" and doc.lang.venue_before.search(folded[max(0, start - 50) : start]):
            return form.id
    return None


_CAPITALS = {
    r"(?:NATO|the\s+(?:alliance|Alliance|North\s+Atlantic\s+Council)|NATO\s+(?:foreign|defen[cs]e)\s+ministers|NATO\s+allies)": HEADQUARTERS_CITY,
    r"(?:Moscow|the\s+Kremlin|(?:Russian|Russia's)\s+(?:[A-Z][\w-]*\s+){1,5}[A-Z][\w-]*|(?:the\s+)?Russian\s+(?:Foreign|Defen[cs]e)\s+Ministry"
    r"|Russia's\s+(?:Foreign|Defen[cs]e)\s+Ministry|the\s+Russian\s+(?:government|side))": "Moscow",
}
"""Governments whose statements are made in their capital when the text names no place. Not
"Russia" alone: "Russia has warned NATO", "Russia said yesterday" report the country's stand,
which the annotated pages place nowhere more often than in Moscow (development: 1 of 5)."""
_STATEMENT_VERB = re.compile(
    rf"\b(?:{SPEECH_VERBS}|bristled|protested|denounced|condemned|criticized|criticised|"
    r"rejected|accused|vowed|pledged|urged|demanded|lashed\s+out|hit\s+back|responded|reacted|"
    r"suspended|decided|agreed|froze|approved|invited|expelled)\b",
    re.IGNORECASE,
)


def capital_of_speaker(doc: Document, sentence: Sentence | None) -> str | None:
    """"The Kremlin bristled Monday at ...", "Russia's Foreign Ministry said": a government
    speaking, with no place written, speaks from its capital."""
    if sentence is None:
        return None
    text = doc.body[sentence.start : sentence.end]
    verb = _STATEMENT_VERB.search(text)
    if not verb:
        return None
    subject = text[: verb.start()]
    for pattern, city in _CAPITALS.items():
        if re.match(rf"^\W*{pattern}\b(?:\s+[a-z]\w*){{0,3}}\s*$", subject):
            return doc.place_id(city, stub=True)
    return None


def place_of_statement(doc: Document) -> str | None:
    """Without a dateline, where the lead's speaker spoke ("told reporters in Moscow")."""
    lead_end = doc.lead_end(3)
    lead = doc.folded[:lead_end]
    venue = doc.lang.statement_venue or _STATEMENT_VENUE
    for start, end, form in doc.known_names(lead):
        if form.kind == "place" and venue.search(lead[max(0, start - 70) : start]):
            if _ahead_of_the_report(doc, start, end, tense=None):
                continue  # «саммит НАТО в Лиссабоне, который пройдет 19-20 ноября»: still to come
            return form.id
    for gathering in _GATHERING_IN.finditer(doc.body[:lead_end]):
        # "After emergency talks in Brussels ... told reporters": the talks' venue.
        key = doc.place_id(gathering["where"], stub=False)
        if key and not _gathering_ahead(doc, gathering.start(), gathering.end()):
            return key
    for headquarters in HEADQUARTERS.finditer(lead):
        # "made the announcement at NATO headquarters": Brussels.
        if _STATEMENT_VENUE_AT.search(
            lead[max(0, headquarters.start() - 50) : headquarters.start()]
        ):
            return doc.place_id(HEADQUARTERS_CITY, stub=True)
    return None


def _gathering_ahead(doc: Document, start: int, end: int) -> bool:
    """A gathering still to come, beside the news ("its July 8-9 summit in Madrid, where it
    plans to ...", "in time to attend the summit in Madrid"): where the statement was made
    is not there. A lead that opens with the gathering ("will hold talks in Sochi") reports it."""
    sentence = doc.sentence_at(start)
    if sentence is None or sentence is doc.first_lead_sentence():
        return False
    return _ahead_of_the_report(doc, start, end)


def _ahead_of_the_report(
    doc: Document, start: int, end: int, *, tense: str | None = "future"
) -> bool:
    """The words around a place (its sentence, 40 characters either side) look forward, or
    date it after the publication (its date phrases read in `tense`; None: the nearest day)."""
    sentence = doc.sentence_at(start)
    if sentence is None or doc.published is None:
        return False
    window_start, window_end = max(sentence.start, start - 40), min(sentence.end, end + 40)
    if doc.lang.future_context.search(doc.body[window_start:window_end]):
        return True
    for kind, phrase, position in doc.phrases_in(sentence):
        if window_start <= position < window_end:
            resolved = doc.lang.resolve_phrase(kind, phrase, doc.published.date, tense=tense)
            if resolved is not None and resolved.date.first_day() > doc.published.date.last_day():
                return True
    return False


_GATHERING_IN = re.compile(
    r"\b(?:conference|summit|meeting|talks|session|forum|gathering|ceremony|exercises?|drills?|games|manoeuvres|maneuvers)"
    r"(?:\s+with\s+[\w' -]{1,40}?)?"
    r"\s+(?:(?:held|being\s+held|taking\s+place|under\s*way)\s+)?in\s+(?P<where>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)
"""A gathering said to be somewhere ("a joint military exercise in Belarus")."""

_SEAT_OF = re.compile(
    r"\b(?:mission|embassy|office|bureau|consulate|delegation|representation)"
    r"(?:\s+(?:to|of)\s+(?:the\s+)?[A-Z][\w-]*)?\s+(?:in|at)\s+(?:the\s+)?$",
)
"""An institution's seat, not the place of the event: "its permanent mission to NATO in"."""
_STATEMENT_WORDS = (
    rf"(?:{SPEECH_VERBS}|speaking|reporters|journalists|a\s+news\s+conference|a\s+press\s+conference|"
    r"(?:the|an|his|her|their|its)\s+(?:announcement|remarks|comments|statement|speech))"
)
_STATEMENT_VENUE = re.compile(
    rf"\b{_STATEMENT_WORDS}\s+(?:at\s+(?:the\s+)?(?:[\w'’-]+\s+){{1,7}})?(?:\w+\s+)?in\s+$",
    re.IGNORECASE,
)
"""Where a statement was made: "told reporters in Moscow", "made the announcement at NATO
headquarters in Brussels"."""
_STATEMENT_VENUE_AT = re.compile(
    rf"\b{_STATEMENT_WORDS}\s+(?:at|inside)\s+(?:the\s+)?$", re.IGNORECASE
)
_VIEWPOINT_IN = re.compile(
    r"\b(?:regarded|seen|viewed|considered|perceived|taken|interpreted|read|felt|received)\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Whose view, not where the event was: "would be regarded in Moscow as a threat"."""


_CITY_COUNTRY_LINE = re.compile(
    r"(?:^|\s[-–—]\s+)(?P<city>[A-Z][A-Za-z.'’ -]{1,30}?),\s*(?P<country>[A-Z][A-Za-z ]{2,30})$"
)


def place_line_in_heading(doc: Document) -> str | None:
    """"Lisbon, Portugal" or "St. Petersburg, Russia" on a line of its own above the text, or
    closing a heading line after a dash ("Press conference ... at the Summit - Lisbon,
    Portugal"), or before the date that ends it ("..., Oslo, April 26, 2007"): the heading
    of an official transcript or release says where it was given."""
    lead = doc.paragraphs[0][:40] if doc.paragraphs else ""
    for line in doc.raw_lines[:30]:
        line = line.strip()
        if lead and lead in line:
            break
        match = _CITY_COUNTRY_LINE.search(line)
        if match and match["country"].lower() in REGION_NAMES and match["city"].lower() not in REGION_NAMES:
            return doc.place_id(match["city"], stub=True)
        # "Remarks ... Following Ministerial Meeting of Russia-NATO Council, Oslo, April 26, 2007"
        dated = HEADING_PLACE_DATE.search(line)
        if dated and dated["city"].lower() not in REGION_NAMES and len(dated["city"].split()) <= 3:
            return doc.place_id(dated["city"], stub=True)
    return None
