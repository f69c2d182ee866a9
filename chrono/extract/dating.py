"""Stage: the main event's date, from the lead's first date phrase and the publication date."""

from __future__ import annotations

import re

from ..dates import (
    FUTURE_CONTEXT,
    NUMBER_WORDS,
    PAST_CONTEXT,
    PublicationDate,
    ResolvedDate,
    resolve_phrase,
    resolve_span,
    resolve_span_forward,
)
from ..dates import find_publication_date
from .cleanup import unglue_lines
from .document import Document, ExtractionError, Sentence
from .vocabulary import SPEECH_VERBS


def find_publication(doc: Document) -> PublicationDate:
    """When the article was published: sources.yml, else a stamp or dateline in the text,
    else the address. Without it no relative date can be resolved."""
    article = doc.article
    lines = unglue_lines(article.text).splitlines()
    published = find_publication_date(article.published, lines, article.url)
    if published is None:
        raise ExtractionError(
            "no publication date: add `published` for it in seeds/sources.yml "
            "(none was found in the text or the URL)"
        )
    doc.published = published
    return published


def find_main_date(
    doc: Document, published: PublicationDate
) -> tuple[Sentence | None, ResolvedDate | None]:
    """The first date phrase of the lead (the first paragraphs), resolved."""
    skip = doc.dateline[1] if doc.dateline else 0
    lead_end = (
        doc.paragraph_starts[min(2, len(doc.paragraph_starts) - 1)]
        if len(doc.paragraph_starts) > 2
        else len(doc.body)
    )
    first_sentence = next((s for s in doc.sentences), None)
    for sentence in doc.sentences:
        if sentence.start >= lead_end:
            break
        for kind, phrase, position in doc.phrases_in(sentence, skip_until=skip):
            if kind == "period" and phrase.lower().split()[0] in ("this", "next"):
                continue  # "this year", "next month": a time frame, not when it happened
            tense = tense_of(doc, sentence, position)
            resolved = resolve_phrase(kind, phrase, published.date, tense=tense)
            if resolved is None:
                continue
            if tense == "future" or resolved.date.first_day() > published.date.last_day():
                # "X will happen from November 1, the minister announced on Monday": the
                # news is the announcement; the step it announces is a mentioned event.
                reported = reported_date(doc, sentence, position, published)
                if reported is not None:
                    return sentence, reported
            resolved = widen_to_span(doc, sentence, position, resolved)
            doc.main_position = position
            return sentence, resolved
    return first_sentence, None


def reported_date(
    doc: Document, sentence: Sentence, after: int, published: PublicationDate
) -> ResolvedDate | None:
    """A later date phrase of the sentence right after a reporting verb ("announced on
    Monday", "said Tuesday") that is not in the future: when the report was made."""
    for kind, phrase, position in doc.phrases_in(sentence, skip_until=after + 1):
        if not re.search(
            rf"\b(?:{SPEECH_VERBS}|announced|declared|decided|confirmed)\s+(?:on\s+)?$",
            doc.body[max(sentence.start, position - 30) : position],
            re.IGNORECASE,
        ):
            continue
        resolved = resolve_phrase(kind, phrase, published.date, tense="past")
        if resolved is not None and resolved.date.last_day() <= published.date.last_day():
            doc.main_position = position
            return resolved
    return None


def tense_of(doc: Document, sentence: Sentence, position: int) -> str | None:
    """ "future" or "past" from the verbs around a date phrase, or None when unclear."""
    before = doc.body[max(sentence.start, position - 60) : position]
    if FUTURE_CONTEXT.search(before):
        return "future"
    near = doc.body[max(sentence.start, position - 25) : position]
    if re.search(
        r"\b(?:ends|begins|starts|opens|closes|runs|is|are)\s+(?:on\s+)?$", near, re.IGNORECASE
    ):
        return None
    after = doc.body[position : min(sentence.end, position + 50)]
    if PAST_CONTEXT.search(near) or PAST_CONTEXT.search(after):
        return "past"
    return None


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
