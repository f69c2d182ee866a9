"""Article -> events and entity stubs: a pipeline of small stages over one shared document.

Rules only, no file I/O (chrono/update.py is the only writer). Each stage is a module with a
function that reads the `Document` and what earlier stages found, and adds its own findings:

    cleanup     the page around the article, the headline, the dateline, paragraphs
    sentences   sentences with their offsets (run by cleanup, which owns the offsets)
    dating      the publication date and the main event's date
    mentions    people, organizations, treaties and places named, with roles (roles.py holds
                the name-level rules)
    quotes      quoted words and who said them
    places      where the main event happened
    titles      the title and the summary
    mentioned   other dated events the article states, as drafts
    doubts      where the draft may be wrong, field by field, and why

What differs between languages (month and weekday names, relative days, speech verbs, offices,
dateline forms, morphology) is data in `lang/` (`lang/en.py`, `lang/ru.py`): cleanup reads the
article's language and every stage asks `doc.lang` for its words.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..dates import ResolvedDate
from ..model import Article, DateBasis, Event, SourceRef
from .catalog import Catalog, EntityMatcher
from .cleanup import clean_headline, find_dateline, is_stamp_line, read_document, strip_headline
from .dating import (
    anchor_guessed_publication,
    find_main_date,
    find_publication,
    reported_known_event,
)
from .document import Document, Extraction, ExtractionError, Mention, Sentence
from .doubts import find_doubts
from .mentioned import clause_around, find_mentioned_events, make_mention_title
from .mentions import collect_people, find_mentions, is_treaty_name
from .normalise import fold_text, make_slug, normalise_name
from .places import find_place
from .quotes import find_quotes
from .roles import find_appositive_role, find_new_people, find_role_after, find_role_before
from .sentences import cut_at_sentence_end, split_sentences
from .titles import make_summary, make_title, shorten_title
from .vocabulary import GENERIC_ORGANIZATION_NAMES

__all__ = [
    "Catalog",
    "Document",
    "EntityMatcher",
    "Extraction",
    "ExtractionError",
    "GENERIC_ORGANIZATION_NAMES",
    "Mention",
    "Sentence",
    "clause_around",
    "clean_headline",
    "cut_at_sentence_end",
    "extract_article",
    "find_appositive_role",
    "find_dateline",
    "find_new_people",
    "find_role_after",
    "find_role_before",
    "fold_text",
    "is_stamp_line",
    "is_treaty_name",
    "make_mention_title",
    "make_slug",
    "normalise_name",
    "shorten_title",
    "split_sentences",
    "strip_headline",
]

PIPELINE = (
    "cleanup",
    "sentences",
    "dating",
    "mentions",
    "quotes",
    "places",
    "titles",
    "mentioned",
    "doubts",
)
"""The stages in the order extract_article runs them."""


def extract_article(
    article: Article, catalog: Catalog, known_events: tuple[Event, ...] = ()
) -> Extraction:
    """The events one article reports, with stubs for entities it names that are unknown.
    `known_events` are the chronology's dated events, which can pin a weekday when the
    article's publication date is known only to the month."""
    doc = read_document(article, catalog)
    doc.known_events = known_events
    if not re.search(r"[^\W\d_]{2}", doc.body):
        raise ExtractionError("no article text is left once the page around it is removed")
    published = find_publication(doc)
    doc.mentions = find_mentions(doc)
    # Known people, places and treaties can date a page that carries no date.
    published = doc.published = anchor_guessed_publication(doc, published)
    main_sentence, resolved = find_main_date(doc, published)
    review: list[str] = []
    if resolved is None and (resolved := reported_known_event(doc, published)) is not None:
        review.append("the lead gives no date; the day of the chronology's event it reports was used")
    if resolved is None:
        resolved = ResolvedDate(
            published.date,
            "(no date in the text)",
            f"no date phrase in the lead; the publication date ({published.basis})",
        )
        review.append("the lead gives no date; the publication date was used")
    if resolved.review:
        review.append(resolved.review)
    place = find_place(doc, main_sentence, resolved.date)
    # Quotes before people: a speaker named only by office joins the people of the event.
    quotes = find_quotes(doc, doc.mentions)
    doc.mentions.sort(key=lambda m: (m.start, -m.end))
    people = collect_people(doc, doc.mentions)
    summary = make_summary(doc)
    title = (
        make_title(doc, main_sentence).strip()
        or shorten_title(summary).strip()
        or f"Article {article.file}"
    )
    summary = summary or title
    if doc.lang.code != "en":
        quotes = tuple(replace(q, lang=doc.lang.code) for q in quotes)
    # An id in Latin letters: a title in another script is transliterated for it.
    slug = make_slug(doc.lang.transliterate(title) if doc.lang.transliterate else title)
    source = SourceRef(
        article=article.file,
        url=article.url,
        publisher=article.publisher,
        published=published.date.iso(),
        title=clean_headline(doc.headline, article.publisher) if doc.headline else None,
    )
    event = Event(
        id=f"{resolved.date.iso()}-{slug}",
        title=title,
        date=resolved.date,
        end_date=resolved.end_date,
        approximate=resolved.approximate,
        date_basis=DateBasis(resolved.phrase, published.date.iso(), resolved.rule),
        place=place,
        summary=summary,
        people=people,
        organizations=doc.ids_of("organization"),
        treaties=doc.ids_of("treaty"),
        quotes=quotes,
        sources=(source,),
        provenance="extracted",
        status="draft",
        review=tuple(review),
    )
    mentioned = find_mentioned_events(
        doc, published, main_sentence, resolved, doc.mentions, event.id, source
    )
    if doc.main_end is not None and doc.main_end.first_day() > resolved.date.last_day():
        event = replace(event, end_date=doc.main_end)
    if mentioned:
        event = replace(event, related=tuple(sorted({m.id for m in mentioned})))
    event = replace(event, doubts=find_doubts(doc, event, published, resolved, main_sentence))
    for used in {event.place, *(m.place for m in mentioned)}:
        # A city of the gazetteer that a draft uses becomes a new place stub.
        if used and used not in catalog.places and used in catalog.venues:
            doc.new_places.setdefault(used, catalog.venues[used])
    return Extraction(
        article=article.file,
        event=event,
        mentioned=tuple(mentioned),
        people=tuple(doc.new_people.values()),
        organizations=tuple(doc.new_organizations.values()),
        treaties=tuple(doc.new_treaties.values()),
        places=tuple(doc.new_places.values()),
    )
