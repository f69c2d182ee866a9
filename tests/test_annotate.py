"""Annotated articles: which words are highlighted, what they link to, and that text stays text."""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chrono.annotate import _literal, _Searchable, _word_pattern, find_highlights, page_href, render_annotated_article
from chrono.entries import load_chronology
from chrono.index import ChronologyIndex, build_index
from chrono.model import Article, DateBasis, Event, PartialDate, PersonRole, Quote

HERE = "sources/a.md"


@pytest.fixture
def index(data_root: Path) -> ChronologyIndex:
    return build_index(load_chronology(data_root))


def _event(**fields: object) -> Event:
    base = Event(
        id="2019-07-05-e", title="E", date=PartialDate(2019, 7, 5), summary="S",
        provenance="extracted", status="draft",
    )
    return dataclasses.replace(base, **fields)  # type: ignore[arg-type]


def _found(text: str, event: Event, index: ChronologyIndex) -> list[tuple[str, str, str]]:
    article = Article("a.txt", text)
    highlights = find_highlights(article, [event], index)
    return [(text[h.start : h.end], h.kind, h.target) for h in highlights]


def test_each_kind_of_span_links_to_what_it_fed(index: ChronologyIndex) -> None:
    event = _event(
        date_basis=DateBasis("on Friday", "2019-07-05", "latest Friday"),
        people=(PersonRole("jens-stoltenberg"),),
        organizations=("nato-russia-council",),
        treaties=("inf-treaty",),
        place="brussels",
        quotes=(Quote("jens-stoltenberg", "We see no breakthrough."),),
    )
    text = (
        "NATO Secretary-General Jens Stoltenberg met the NATO-Russia Council in Brussels "
        'on Friday over the INF.\n\n"We see no breakthrough," Stoltenberg said.'
    )
    assert _found(text, event, index) == [
        ("Jens Stoltenberg", "person", "people/jens-stoltenberg.md"),
        ("NATO-Russia Council", "organization", "organizations/nato-russia-council.md"),
        ("Brussels", "place", "places/brussels.md"),
        ("on Friday", "date", "events/2019-07-05-e.md"),
        ("INF", "treaty", "treaties/inf-treaty.md"),
        ("We see no breakthrough", "quote", "events/2019-07-05-e.md"),
        ("Stoltenberg", "person", "people/jens-stoltenberg.md"),
    ]


def test_longest_match_wins_and_spans_never_overlap(index: ChronologyIndex) -> None:
    event = _event(treaties=("inf-treaty",), organizations=("nato",))
    found = _found("The INF Treaty and the INF; NATO, not NATOs.", event, index)
    # "INF Treaty" (an alias) beats "INF"; "NATOs" is not the word NATO.
    assert found == [
        ("INF Treaty", "treaty", "treaties/inf-treaty.md"),
        ("INF", "treaty", "treaties/inf-treaty.md"),
        ("NATO", "organization", "organizations/nato.md"),
    ]


def test_date_phrase_matches_any_case_and_spacing_but_names_need_their_case(
    index: ChronologyIndex,
) -> None:
    event = _event(
        date_basis=DateBasis("on Friday"),
        organizations=("nato",),
        people=(PersonRole("georgy-mamedov"),),
    )
    found = _found("On\nFriday nato met; MAMEDOV spoke.", event, index)
    assert found == [("On\nFriday", "date", "events/2019-07-05-e.md")]


def test_only_entities_of_the_articles_events_are_highlighted(index: ChronologyIndex) -> None:
    assert _found("Jens Stoltenberg in Vienna.", _event(place="vienna"), index) == [
        ("Vienna", "place", "places/vienna.md")
    ]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_article_text_is_escaped_and_marks_link_relative_to_the_source_page(
    index: ChronologyIndex,
) -> None:
    text = 'Vienna <script>alert(1)</script> & <img src=x onerror="y">\n\n"Vienna"'
    article = Article("a.txt", text)
    html = render_annotated_article(article, [_event(place="vienna")], index, HERE)
    parser = _Elements()
    parser.feed(html)
    tags = [tag for tag, _ in parser.tags]
    assert "script" not in tags and "img" not in tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img" in html
    links = [attrs["href"] for tag, attrs in parser.tags if tag == "a"]
    assert links == ["../../places/vienna/", "../../places/vienna/"]
    assert html.count("<p>") == 3  # the legend's note and the two paragraphs
    assert 'class="ann-legend"' in html
    # Markdown must see one raw HTML block: no blank line inside it.
    assert "\n\n" not in html


def test_without_highlights_there_is_no_legend(index: ChronologyIndex) -> None:
    html = render_annotated_article(Article("a.txt", "Nothing here."), [], index, HERE)
    assert "ann-legend" not in html and "<p>Nothing here.</p>" in html


@pytest.mark.parametrize(
    ("source", "target", "directory_urls", "href"),
    [
        ("sources/a.md", "people/b.md", True, "../../people/b/"),
        ("sources/a.md", "people/b.md", False, "../people/b.html"),
        ("index.md", "events/e.md", True, "events/e/"),
        ("sources/a.md", "sources/index.md", True, "../../sources/"),
    ],
)
def test_page_href_follows_mkdocs_urls(
    source: str, target: str, directory_urls: bool, href: str
) -> None:
    assert page_href(source, target, directory_urls) == href


# Few letters, apostrophes of both kinds and odd whitespace, so the words do occur in the text.
_TEXT = st.text(alphabet="ab'’_é1 \t\n\u00a0\u2028.", max_size=40)
_WORDS = st.text(alphabet="ab'’_é1 .", min_size=1, max_size=8)


@settings(max_examples=2000, deadline=None)
@given(text=_TEXT, words=_WORDS)
def test_finding_words_as_they_are_matches_the_word_pattern(text: str, words: str) -> None:
    """Names and quotes are found with str.find in a normalised text; the result must be
    exactly what the regular expression for the same words finds."""
    pattern = _word_pattern(words, ignore_case=False)
    expected = [m.span() for m in pattern.finditer(text)] if pattern else []
    found = list(_Searchable.of(text).find_all(_literal(words))) if _literal(words) else []
    assert found == expected
