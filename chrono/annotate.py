"""An article with the words the extractor used highlighted, each linked to what it fed.

The date phrases, names of people, organizations, treaties and places, and the quoted words of
the events drawn from an article are found in its text and wrapped in `<mark>` links to the
event or entity page. Matches never overlap: the longest wins, then the earliest. The article
text is untrusted, so everything outside the marks is HTML-escaped; the result is HTML for the
source page (chrono/pages.py), its links relative to that page.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from typing import Literal

from .index import ChronologyIndex, EntityKind, entity_path, event_path, page_href
from .model import Article, Event

HighlightKind = Literal["date", "person", "organization", "treaty", "place", "quote"]

LEGEND: tuple[tuple[HighlightKind, str], ...] = (
    ("date", "date phrase: links to the event it dated"),
    ("person", "person"),
    ("organization", "organization"),
    ("treaty", "treaty"),
    ("place", "place"),
    ("quote", "quote: links to the event that records it"),
)
_PRIORITY = {kind: rank for rank, (kind, _) in enumerate(LEGEND)}
MIN_SURNAME_LENGTH = 4
"""Shorter last words ("Li", "Ban") match too many ordinary words to link on their own."""


_APOSTROPHE = re.compile(r"['’]")
_QUOTE_EDGES = "\"'“”‘’«».,;:!?… \t\n"
"""A quote is stored without its quotation marks and often ends with a full stop where the
article has a comma ("…a breakthrough," Stoltenberg said), so its edges are trimmed."""


@dataclass(frozen=True)
class Highlight:
    """A stretch of the article text and the page it fed."""

    start: int
    end: int
    kind: HighlightKind
    target: str
    """Docs-relative path of the event or entity page, e.g. `people/jens-stoltenberg.md`."""
    label: str
    """What the words fed, for the tooltip ("Jens Stoltenberg", "date of: …")."""


@dataclass(frozen=True)
class _Needle:
    """What to look for: a case-insensitive pattern (date phrases) or words to find as they are
    (names and quotes: compiling a pattern for each quote was most of a source page's cost)."""

    kind: HighlightKind
    target: str
    label: str
    pattern: re.Pattern[str] | None = None
    words: str = ""


_WHITESPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class _Searchable:
    """An article's text with each run of whitespace one space and curly apostrophes straight,
    and the offset in the text of each of its characters: words from the data are then found
    with `str.find`, matching exactly what `_word_pattern` would."""

    text: str
    origin: list[int]

    @classmethod
    def of(cls, text: str) -> _Searchable:
        parts: list[str] = []
        origin: list[int] = []
        position = 0
        for run in _WHITESPACE_RUN.finditer(text):
            parts += [text[position : run.start()], " "]
            origin += range(position, run.start() + 1)
            position = run.end()
        parts.append(text[position:])
        origin += range(position, len(text))
        return cls(_APOSTROPHE.sub("'", "".join(parts)), origin)

    def find_all(self, words: str) -> Iterable[tuple[int, int]]:
        """Start and end in the original text of each match of `words` between word boundaries."""
        text, size = self.text, len(words)
        start = text.find(words)
        while start >= 0:
            end = start + size
            if not (start and _is_word(text[start - 1])) and not (end < len(text) and _is_word(text[end])):
                yield self.origin[start], self.origin[end - 1] + 1
                start = text.find(words, end)
            else:
                start = text.find(words, start + 1)


def _is_word(char: str) -> bool:
    r"""What `\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


def _literal(words: str) -> str:
    """Words as `_Searchable` holds text: single spaces, straight apostrophes."""
    return _APOSTROPHE.sub("'", " ".join(words.split()))


# Used for date phrases, found case-insensitively; names and quotes are found with
# `_Searchable` (a property test checks both ways find the same spans). Cached: the same few
# phrases ("on Friday") come back in every article.
@lru_cache(maxsize=4096)
def _word_pattern(text: str, *, ignore_case: bool) -> re.Pattern[str] | None:
    """The text as a regex matching any run of whitespace between words, on word boundaries."""
    words = text.split()
    if not words:
        return None
    # Straight and curly apostrophes are the same letter to a reader.
    body = r"\s+".join(_APOSTROPHE.sub("['’]", re.escape(word)) for word in words)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def _entity_names(
    index: ChronologyIndex, kind: EntityKind, entity_id: str
) -> tuple[str, list[str]]:
    """An entity's name and every form of it worth finding in a text."""
    chronology = index.chronology
    table = {
        "person": chronology.people,
        "organization": chronology.organizations,
        "treaty": chronology.treaties,
        "place": chronology.places,
    }[kind]
    entity = table.get(entity_id)
    if entity is None:
        return entity_id, []
    forms = [entity.name, *entity.aliases]
    abbreviation = getattr(entity, "abbreviation", None)
    if abbreviation:
        forms.append(abbreviation)
    if kind == "person":
        surname = entity.name.split()[-1]
        if len(surname) >= MIN_SURNAME_LENGTH:
            forms.append(surname)
    return entity.name, forms


def _needles(events: Iterable[Event], index: ChronologyIndex) -> list[_Needle]:
    """Everything to look for in `text`, from the events drawn from the article."""
    needles: list[_Needle] = []
    entities: dict[tuple[EntityKind, str], None] = {}
    chronology = index.chronology
    for event in events:
        here = event_path(event.id)
        if event.date_basis and event.date_basis.phrase.strip():
            pattern = _word_pattern(event.date_basis.phrase, ignore_case=True)
            if pattern:
                needles.append(_Needle("date", here, f"date of: {event.title}", pattern=pattern))
        for quote in event.quotes:
            words = _literal(quote.text.strip(_QUOTE_EDGES))
            if words:
                needles.append(_Needle("quote", here, f"quoted in: {event.title}", words=words))
            kind: EntityKind = "person" if quote.speaker in chronology.people else "organization"
            entities[(kind, quote.speaker)] = None
        for person in event.people:
            entities[("person", person.id)] = None
        for org in event.organizations:
            entities[("organization", org)] = None
        for treaty in event.treaties:
            entities[("treaty", treaty)] = None
        if event.place:
            entities[("place", event.place)] = None
    for kind, entity_id in entities:
        name, forms = _entity_names(index, kind, entity_id)
        for form in dict.fromkeys(_literal(form) for form in forms):
            if form:
                needles.append(_Needle(kind, entity_path(kind, entity_id), name, words=form))
    return needles


def find_highlights(
    article: Article, events: Iterable[Event], index: ChronologyIndex
) -> list[Highlight]:
    """Non-overlapping highlights in text order: the longest match wins, then the earliest,
    then the kind listed first in LEGEND."""
    text = article.text
    searchable = _Searchable.of(text)
    candidates = []
    for needle in _needles(events, index):
        if needle.pattern is not None:
            spans: Iterable[tuple[int, int]] = (m.span() for m in needle.pattern.finditer(text))
        else:
            spans = searchable.find_all(needle.words)
        candidates += [Highlight(start, end, needle.kind, needle.target, needle.label) for start, end in spans]
    candidates.sort(key=lambda h: (h.start - h.end, h.start, _PRIORITY[h.kind]))
    starts: list[int] = []
    chosen: list[Highlight] = []
    for candidate in candidates:
        # A mark cannot cross a paragraph break: the paragraphs become separate <p> elements.
        if re.search(r"\n\s*\n", text[candidate.start : candidate.end]):
            continue
        position = bisect.bisect_left(starts, candidate.start)
        if position > 0 and chosen[position - 1].end > candidate.start:
            continue
        if position < len(chosen) and chosen[position].start < candidate.end:
            continue
        starts.insert(position, candidate.start)
        chosen.insert(position, candidate)
    return chosen


def render_annotated_text(
    text: str, highlights: list[Highlight], from_path: str, *, directory_urls: bool = True
) -> str:
    """The text as escaped HTML paragraphs with each highlight a <mark> around a link."""
    out = []
    position = 0
    for item in highlights:
        out.append(escape(text[position : item.start]))
        href = escape(page_href(from_path, item.target, directory_urls))
        words = escape(text[item.start : item.end])
        out.append(
            f'<mark class="ann ann-{item.kind}" title="{escape(item.label)}">'
            f'<a href="{href}">{words}</a></mark>'
        )
        position = item.end
    out.append(escape(text[position:]))
    body = "".join(out).replace("\r\n", "\n")
    paragraphs = [p.strip().replace("\n", "<br>\n") for p in re.split(r"\n\s*\n", body)]
    return "\n".join(f"<p>{p}</p>" for p in paragraphs if p)


def render_legend() -> str:
    """What each highlight colour means."""
    items = "".join(
        f'<li><mark class="ann ann-{kind}">{escape(words)}</mark></li>' for kind, words in LEGEND
    )
    return f'<ul class="ann-legend" aria-label="What the highlights mean">{items}</ul>'


def render_annotated_article(
    article: Article,
    events: Iterable[Event],
    index: ChronologyIndex,
    from_path: str,
    *,
    directory_urls: bool = True,
) -> str:
    """Legend and highlighted text of an article, as HTML for its source page."""
    events = list(events)
    highlights = find_highlights(article, events, index)
    body = render_annotated_text(article.text, highlights, from_path, directory_urls=directory_urls)
    lines = ['<div class="annotated-article">']
    if highlights:
        lines.append(
            "<p><em>Highlighted: the words the entries were drawn from; each links to the "
            "event or entry it fed.</em></p>"
        )
        lines.append(render_legend())
    lines.append(body)
    lines.append("</div>")
    return "\n".join(lines)
