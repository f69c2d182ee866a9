"""The shared parsed document: one article's text, its parts, and what each stage found.

Stages are functions that take the document, read what earlier stages found, and add their
own findings (spaCy's `Doc` is the model). Only the small queries several stages ask of the
text live here as methods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from ..dates import PublicationDate, is_month_word
from ..model import Article, Event, Organization, PartialDate, Person, Place, Treaty
from .normalise import make_slug, normalise_name

if TYPE_CHECKING:
    from .catalog import Catalog, Form
    from .lang import Language


def _english() -> Language:
    from .lang.en import ENGLISH

    return ENGLISH


_LEAD_PARAGRAPH_WORDS = 6
"""A paragraph of fewer words is a line (a greeting, a label), not a paragraph of the lead."""

@dataclass(frozen=True)
class Extraction:
    """What one article yields: its main event, the other dated events it states, and stubs
    for people, organizations, treaties and places not yet in chronology/."""

    article: str
    event: Event
    mentioned: tuple[Event, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    treaties: tuple[Treaty, ...] = ()
    places: tuple[Place, ...] = ()


class ExtractionError(Exception):
    """The article cannot become an event; the message says why in one line."""


@dataclass
class Mention:
    """A known or new entity named in the body, with the role written beside it."""

    start: int
    end: int
    kind: str
    id: str
    role: str | None = None
    full: bool = True
    """Named in full, not by the surname alone."""


@dataclass
class Sentence:
    start: int
    end: int
    text: str




@dataclass(eq=False)
class Document:
    """One article, cleaned and split, with the findings of the stages run so far."""

    article: Article
    catalog: Catalog
    headline: str | None
    paragraphs: list[str]
    """The body's paragraphs (the headline and furniture lines removed)."""
    paragraph_starts: list[int]
    body: str
    """The paragraphs joined by newlines: every offset below is into this text."""
    folded: str
    """`body` ASCII-folded, same length."""
    dateline: tuple[str, int] | None
    """The dateline's city and where the text after it starts."""
    dateline_day: PartialDate | None = None
    """The day a dateline gives ("MOSCOW, March 24 -"), resolved against the publication."""
    raw_lines: list[str] = field(default_factory=list)
    """The text's lines before cleanup (with glued text split): stamps are read here."""
    sentences: list[Sentence] = field(default_factory=list)
    published: PublicationDate | None = None
    publication_guessed: bool = False
    """No publication date was found: a guessed year (or day) stands in for it."""
    guess_years: tuple[int, ...] = ()
    """The years a page with no publication date could be from, when it was guessed."""
    year_unknown: bool = False
    """Not even a year was found: the publication stands in a placeholder year until a known
    event the page reports dates it."""
    mentions: list[Mention] = field(default_factory=list)
    main_position: int | None = None
    """Where the main event's date phrase starts in the body."""
    main_end: PartialDate | None = None
    """The main event's last day when a later sentence gives it ("the summit ends May 31")."""
    known_events: tuple[Event, ...] = ()
    """Dated events of the chronology, to pin weekdays when only the month is known."""
    quote_bases: dict[tuple[str, str], str] = field(default_factory=dict)
    """How each quote's speaker was found, by (speaker, text): the doubts stage reads it."""
    speaker_basis: str = "none"
    """How the last speaker lookup succeeded (set by the quotes stage's lookups)."""
    place_basis: str = "none"
    """How the place was found (set by the places stage)."""
    new_people: dict[str, Person] = field(default_factory=dict)
    misspelt: dict[str, str] = field(default_factory=dict)
    """Known people the text names one letter off ("Dmitri Rogosin"), with the name as written."""
    new_organizations: dict[str, Organization] = field(default_factory=dict)
    new_treaties: dict[str, Treaty] = field(default_factory=dict)
    new_places: dict[str, Place] = field(default_factory=dict)
    lang: Language = field(default_factory=_english)
    """The language of the article: the words the stages read (chrono/extract/lang/)."""

    def lead_start(self) -> int:
        """Where the lead's first paragraph (not a line of a few words) starts."""
        return next(
            (start for start, paragraph in zip(self.paragraph_starts, self.paragraphs) if len(paragraph.split()) >= _LEAD_PARAGRAPH_WORDS),
            0,
        )

    def lead_end(self, paragraphs: int) -> int:
        """Where the lead's first `paragraphs` paragraphs end. A line of a few words (a
        transcript's greeting, "(BEGIN VIDEO CLIP)") is not one of them."""
        counted = 0
        for index, paragraph in enumerate(self.paragraphs):
            counted += len(paragraph.split()) >= _LEAD_PARAGRAPH_WORDS
            if counted == paragraphs:
                return self.paragraph_starts[index + 1] if index + 1 < len(self.paragraph_starts) else len(self.body)
        return len(self.body)

    @cached_property
    def all_phrases(self) -> list[re.Match[str]]:
        """Every date phrase of the body, found in one pass."""
        return list(self.lang.date_phrase.finditer(self.body))

    def phrases_in(self, sentence: Sentence, *, skip_until: int = 0) -> list[tuple[str, str, int]]:
        """Date phrases in a sentence as (kind, text, position), months only when capitalised."""
        found = []
        for match in self.all_phrases:
            position = match.start()
            if position < max(skip_until, sentence.start) or match.end() > sentence.end:
                continue
            kind = match.lastgroup or ""
            words = match[0].replace(",", " ").split()
            if self.lang.months_capitalised:
                # "may" is a verb and "march" a walk: English writes the month with a capital.
                months = [w for w in words if w.lower().rstrip(".") in self.lang.months]
                if months and not all(is_month_word(w) for w in months):
                    continue
                if kind == "weekday" and not any(
                    w[0].isupper() for w in words if w.lower() in self.lang.weekdays
                ):
                    continue
            found.append((kind, match[0], position))
        return found

    def sentence_at(self, position: int) -> Sentence | None:
        return next((s for s in self.sentences if s.start <= position < s.end + 1), None)

    def sentence_after(self, sentence: Sentence) -> Sentence | None:
        return next((s for s in self.sentences if s.start >= sentence.end), None)

    def sentence_before(self, position: int) -> Sentence | None:
        """The last sentence that ends at or before `position`."""
        return next((s for s in reversed(self.sentences) if s.end <= position), None)

    def first_lead_sentence(self) -> Sentence | None:
        """The first sentence of the lead's first paragraph (`lead_start`)."""
        lead_start = self.lead_start()
        return next((s for s in self.sentences if s.start >= lead_start), None)

    def ids_of(self, kind: str, mentions: list[Mention] | None = None) -> tuple[str, ...]:
        """Ids of one kind of entity in order of first mention."""
        seen: dict[str, None] = {}
        for mention in self.mentions if mentions is None else mentions:
            if mention.kind == kind:
                seen.setdefault(mention.id, None)
        return tuple(seen)

    def known_names(self, folded: str) -> list[tuple[int, int, Form]]:
        """Known names in a folded text of this article; in a language whose words inflect,
        also its own spellings in any case ("Лаврову")."""
        found = self.catalog.matcher.find(folded)
        if self.lang.lemmas is not None:
            found += self.catalog.lemma_matcher(self.lang.lemmas, self.lang.place_adjectives).find(folded)
            found.sort(key=lambda item: (item[0], -item[1]))
        return found

    def add_new_person(self, name: str, written: tuple[str, ...] = ()) -> str:
        """A stub for a person not in people.yml; the surname becomes an alias, and so do
        the name and surname as the article's language writes them (`written`)."""
        key = make_slug(name, max_words=5)
        if key in self.catalog.people:
            return key
        # "Boris N. Yeltsin" is the known Boris Yeltsin: a middle initial is no other person
        bare = make_slug(re.sub(r"(?<=\s)(?:[A-Z]\.\s?)+(?=[A-Z])", "", name), max_words=5)
        if bare != key and bare in self.catalog.people:
            return bare
        if known := self.catalog.misspelt_person(name):
            self.misspelt[known] = name
            return known
        if key not in self.new_people:
            surname = name.split()[-1]
            aliases = ((surname,) if surname != name else ()) + written
            self.new_people[key] = Person(key, name, aliases)
        return key

    def place_id(self, name: str, *, stub: bool) -> str | None:
        """The id of a known place by name, or of a new stub (when `stub`)."""
        key = self.catalog.place_names.get(normalise_name(name))
        if key is not None:
            return key
        if not stub:
            return None
        proper = " ".join(w.capitalize() if w.isupper() else w for w in name.split())
        if self.lang.transliterate is not None and self.lang.transliterate(proper) != proper:
            # "МОСКВА" is the place "Moskva", also known as "Москва".
            english = self.lang.transliterate(proper)
            key = make_slug(english)
            self.new_places.setdefault(key, Place(key, english, (proper,)))
            return key
        key = make_slug(proper)
        self.new_places.setdefault(key, Place(key, proper))
        return key
