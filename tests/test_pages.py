"""Page text: dates as readers read them, escaping of everything from data, and what each page
shows. Most pages are HTML written by chrono.pages; the Markdown ones (tags, home milestones) are
rendered with the site's own extensions to see what a reader would get."""

from __future__ import annotations

from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.utils.meta import get_data

from chrono.entries import load_chronology
from chrono.index import ChronologyIndex, build_index
from chrono.model import Article, Chronology, DateBasis, MissingStatement, PartialDate, Quote, Role, RoleSource
from chrono.pages import (
    Here,
    annotation_html,
    escape_markdown,
    format_date,
    is_safe_url,
    paragraphs,
    render_all_pages,
    render_entity_index,
    render_event_page,
    render_milestones,
    render_person_page,
    render_source_page,
    render_tags_page,
    render_timeline_page,
    render_treaty_page,
    render_year_page,
)

REPO = Path(__file__).resolve().parent.parent
TALKS = "2019-07-05-nato-russia-council-inf-talks"
ENDS = "2019-08-02-inf-treaty-ends"
HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    "[click](javascript:alert(3))",
    "*text*{: onclick=\"alert(4)\" }",
    "- not a list",
    "1. not a list either",
    "# not a heading",
    "!!! danger \"not an admonition\"",
    "&lt;b&gt;entity&lt;/b&gt;",
    "`code` and **bold** and _under_ | pipe",
]


def site_extensions() -> list[str]:
    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return [next(iter(ext)) if isinstance(ext, dict) else ext for ext in config["markdown_extensions"]]


def render(text: str) -> str:
    body, _ = get_data(text)
    return markdown.markdown(body, extensions=site_extensions())


class ElementCollector(HTMLParser):
    """Every element and attribute in a piece of HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs


def elements(html: str) -> ElementCollector:
    collector = ElementCollector()
    collector.feed(html)
    return collector


@pytest.fixture
def chronology(data_root: Path) -> Chronology:
    return load_chronology(data_root)


@pytest.fixture
def index(chronology: Chronology) -> ChronologyIndex:
    return build_index(chronology)


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("start", "end", "approximate", "expected"),
    [
        ("1996-05-15", None, False, "15 May 1996"),
        ("1996-05", None, False, "May 1996"),
        ("1999", None, True, "c. 1999"),
        ("2017-04-26", "2017-04-27", False, "26–27 April 2017"),
        ("2017-04-30", "2017-05-02", False, "30 April – 2 May 2017"),
        ("2021-12-30", "2022-01-02", False, "30 December 2021 – 2 January 2022"),
        ("2008-04", "2008-06", False, "April–June 2008"),
        ("1996-05-15", "1996-05-15", False, "15 May 1996"),
        ("1999-03", None, True, "c. March 1999"),
    ],
)
def test_format_date(start: str, end: str | None, approximate: bool, expected: str) -> None:
    end_date = PartialDate.parse(end) if end else None
    assert format_date(PartialDate.parse(start), end_date, approximate) == expected


# ---------------------------------------------------------------- escaping


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_the_same_text(text: str) -> None:
    html = render(escape_markdown(text))
    found = elements(html)
    assert found.tags == ["p"], html
    assert found.attributes == []
    visible = html.removeprefix("<p>").removesuffix("</p>")
    unescaped = visible.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#124;", "|")
    unescaped = unescaped.replace("&amp;", "&")
    assert unescaped == text


@pytest.mark.parametrize("text", HOSTILE)
def test_text_from_data_is_html_text(text: str, index: ChronologyIndex) -> None:
    """The templates escape what they are given (autoescape): a summary shows as its own text."""
    event = replace(index.events_by_id[TALKS], summary=text)
    html = render_event_page(event, index).html
    shown = html.split("</p>\n", 1)[1].split("\n", 1)[0]
    found = elements(shown)
    assert found.tags == ["p"]
    assert found.attributes == []
    assert unescape(shown.removeprefix("<p>").removesuffix("</p>")) == text


def test_paragraphs_keep_paragraphs_and_nothing_else(index: ChronologyIndex) -> None:
    text = "First line\nstill first.\n\n  <script>x</script>\n\n\n- third"
    assert paragraphs(text) == ["First line still first.", "<script>x</script>", "- third"]
    html = render_event_page(replace(index.events_by_id[TALKS], summary=text), index).html
    assert "<p>First line still first.</p>\n<p>&lt;script&gt;x&lt;/script&gt;</p>\n<p>- third</p>" in html


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a", True),
        ("http://example.org", True),
        ("mailto:editor@example.org", True),
        ("../people/x.md", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" java\tscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
        ("&lt;javascript:x&gt;", False),
    ],
)
def test_is_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_annotation_keeps_markdown_but_no_html_attributes_or_script_links() -> None:
    annotation = (
        "It *opened* the way to [new deployments](https://example.org/a).\n\n"
        "<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n"
        "[bad](javascript:alert(3)) [also bad](JAVASCRIPT:alert(4) \"t\") [ref][r]\n\n"
        "*styled*{: onclick=\"alert(5)\" }\n\n"
        "[r]: javascript:alert(6)\n"
    )
    html, linked = annotation_html(annotation, Here("events/x.md"))
    assert linked == ()
    found = elements(html)
    assert "em" in found.tags
    assert "script" not in found.tags and "img" not in found.tags
    hrefs = [value for name, value in found.attributes if name == "href"]
    assert hrefs == ["https://example.org/a"]
    assert all(name == "href" for name, _ in found.attributes)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "javascript:alert(3)" in html  # shown as text, not as a link


@pytest.mark.parametrize(
    ("directory_urls", "expected"),
    [(True, "../../people/jens-stoltenberg/#roles"), (False, "../people/jens-stoltenberg.html#roles")],
)
def test_annotation_links_to_other_pages_become_their_urls(directory_urls: bool, expected: str) -> None:
    annotation = "See [Stoltenberg](../people/jens-stoltenberg.md#roles) and [out](../../x.md)."
    html, linked = annotation_html(annotation, Here("events/x.md", directory_urls))
    assert f'<a href="{expected}">Stoltenberg</a>' in html
    assert '<a href="../../x.md">out</a>' in html  # outside the docs: left as written
    assert linked == ("people/jens-stoltenberg.md", "../../x.md")


@pytest.mark.parametrize(
    "annotation",
    [
        "See [ref][a].\n\n[a]:\n    javascript:alert(4)",  # the address on the next line
        "- item\n\n    [a]: javascript:alert(1)\n\n[x][a]",  # a definition inside a list item
        "[x](javascript&#58;alert(1)) [y](&#106;avascript:alert(2))",  # entities in the scheme
        "![pic](javascript:alert(3)) ![remote](https://tracker.example/p.gif)",  # images
        "<javascript:alert(5)>",
    ],
)
def test_no_annotation_markdown_makes_a_script_link_or_an_image(annotation: str) -> None:
    html, _ = annotation_html(annotation, Here("events/x.md"))
    found = elements(html)
    assert "img" not in found.tags and "script" not in found.tags
    for name, value in found.attributes:
        assert name != "href" or is_safe_url(unescape(value or "")), html
        assert name != "href" or not unescape(value or "").strip().lower().startswith("javascript"), html


def test_annotation_links_to_other_files_and_addresses_with_ampersands() -> None:
    html, linked = annotation_html(
        "The [CSV](../chronology.csv) and [a search](https://example.org/?a=1&b=2).", Here("events/x.md")
    )
    assert '<a href="../../chronology.csv">CSV</a>' in html
    assert '<a href="https://example.org/?a=1&amp;b=2">a search</a>' in html
    assert linked == ("chronology.csv",)


# ---------------------------------------------------------------- event pages


def test_event_page_shows_every_part_of_the_event(index: ChronologyIndex) -> None:
    page = render_event_page(index.events_by_id[TALKS], index)
    assert page.path == f"events/{TALKS}.md"
    assert page.edit_path == f"chronology/events/{TALKS}.yml"
    assert page.meta == {"search": {"boost": 2}, "tags": ["Arms control", "NATO-Russia Council"]}
    assert page.title == "NATO-Russia Council fails to save the INF Treaty"
    html = page.html
    assert html.startswith(
        '<h1 id="nato-russia-council-fails-to-save-the-inf-treaty">NATO-Russia Council fails to save the INF Treaty'
        '<a class="headerlink" href="#nato-russia-council-fails-to-save-the-inf-treaty" title="Permanent link">&para;</a></h1>'
    )
    assert [(h.id, h.level) for h in page.headings] == [("nato-russia-council-fails-to-save-the-inf-treaty", 1)]
    assert "<strong>5 July 2019</strong>" in html
    assert '<a href="../../places/brussels/">Brussels</a>' in html
    assert '<a href="../../people/jens-stoltenberg/">Jens Stoltenberg</a>, NATO Secretary General' in html
    assert '<a href="../../organizations/nato-russia-council/">NATO-Russia Council</a> (NRC)' in html
    assert '<a href="../../treaties/inf-treaty/">Intermediate-Range Nuclear Forces Treaty</a> (INF)' in html
    assert "<blockquote>\n<p>We have not seen any signs of a breakthrough.</p>" in html
    assert "— <a href=\"../../people/jens-stoltenberg/\">Jens Stoltenberg</a>, NATO Secretary General" in html
    assert "The Moscow Times (Reuters), 5 July 2019" in html
    assert '<a href="https://www.themoscowtimes.com/2019/07/05/' in html
    assert '<a href="../../sources/002_5b8a1d404cf63abd/">source page</a>' in html
    assert "The source says “on Friday”, read against 5 July 2019" in html
    assert "Previous: <a href=\"../../events/1996-05-15-cfe-review-conference/\">" in html
    assert "Next: <a href=\"../../events/2019-08-02-inf-treaty-ends/\">The INF Treaty ends</a>" in html
    assert "Related events" in html
    assert "not yet reviewed" in html
    assert "<h2" not in html
    assert '<p class="chrono-heading" role="heading" aria-level="2">Quotes</p>' in html


def test_event_page_links_follow_use_directory_urls(index: ChronologyIndex) -> None:
    html = render_event_page(index.events_by_id[TALKS], index, directory_urls=False).html
    assert '<a href="../places/brussels.html">Brussels</a>' in html
    assert '<a href="../years/2019.html">2019</a>' in html


def test_annotation_is_shown_apart_from_the_summary(index: ChronologyIndex) -> None:
    html = render_event_page(index.events_by_id["2019-08-02-inf-treaty-ends"], index).html
    assert '<div class="admonition note chrono-annotation">\n<p class="admonition-title">Editorial note</p>\n' in html
    assert "<p>The end of the treaty <em>opened</em> the way to new deployments.</p>" in html
    assert html.index("The United States withdraws") < html.index("admonition")


def test_role_comes_from_the_person_when_the_event_gives_none(index: ChronologyIndex, chronology: Chronology) -> None:
    talks = index.events_by_id[TALKS]
    bare = replace(talks, people=(replace(talks.people[0], role=None),))
    rebuilt = build_index(replace(chronology, events=(chronology.events[0], bare, chronology.events[2])))
    html = render_event_page(bare, rebuilt).html
    # The fixture's Stoltenberg held the office from October 2014.
    assert "Jens Stoltenberg</a>, NATO Secretary General" in html


def test_event_page_escapes_everything_from_data(index: ChronologyIndex, chronology: Chronology) -> None:
    talks = index.events_by_id[TALKS]
    hostile = " ".join(HOSTILE)
    bad = replace(
        talks,
        title=hostile,
        summary=hostile,
        annotation=hostile,
        quotes=(Quote("jens-stoltenberg", hostile),),
        people=(replace(talks.people[0], role=hostile),),
        date_basis=DateBasis(hostile, "2019-07-05", hostile),
        review=(hostile,),
    )
    rebuilt = build_index(replace(chronology, events=(chronology.events[0], bad, chronology.events[2])))
    page = render_event_page(bad, rebuilt)
    found = elements(page.html)
    assert "script" not in found.tags and "img" not in found.tags
    assert {name for name, _ in found.attributes} <= {"href", "id", "class", "title", "data-search-exclude", "role", "aria-level"}
    links = [value or "" for name, value in found.attributes if name in ("href", "src")]
    assert not any("javascript" in link.lower() for link in links if not link.startswith("#"))
    assert page.title == hostile  # plain text; MkDocs and the templates escape it


def test_event_page_size_does_not_grow_with_the_chronology(index: ChronologyIndex, chronology: Chronology) -> None:
    talks = index.events_by_id[TALKS]
    small = render_event_page(talks, index).html
    others = tuple(
        replace(chronology.events[0], id=f"1997-01-{day:02d}-filler", date=PartialDate(1997, 1, day))
        for day in range(1, 29)
    )
    bigger = replace(chronology, events=tuple(sorted((*chronology.events, *others), key=lambda e: e.sort_key)))
    assert render_event_page(talks, build_index(bigger)).html.count("filler") == 1  # "previous" only
    assert abs(len(render_event_page(talks, build_index(bigger)).html) - len(small)) < 200


# ---------------------------------------------------------------- entity, listing and source pages


def test_person_page_has_names_roles_events_and_quotes(index: ChronologyIndex, chronology: Chronology) -> None:
    page = render_person_page(chronology.people["jens-stoltenberg"], index)
    assert page.path == "people/jens-stoltenberg.md"
    assert page.edit_path == "chronology/people.yml"
    html = page.html
    assert html.startswith('<h1 id="jens-stoltenberg">Jens Stoltenberg<a class="headerlink"')
    assert "Also known as: Stoltenberg, Йенс Столтенберг" in html
    assert (
        '<li>NATO Secretary General, 1 October 2014 – 1 October 2024 <small class="chrono-role-sources">('
        '<a href="https://example.org/fixture/stoltenberg-takes-office" aria-label="Source for the dates of '
        'NATO Secretary General: Fixture Wire (test data)" title="fixture data for the tests">source</a>)</small></li>'
    ) in html
    assert f'5 July 2019: <a href="../../events/{TALKS}/">NATO-Russia Council fails to save the INF Treaty</a>, as NATO Secretary General' in html
    assert "<ul>\n<li>“We have not seen any signs of a breakthrough.”</li>\n</ul>" in html
    assert (
        '<div class="chrono-list">\n'
        '<p class="chrono-heading" role="heading" aria-level="2">Events (2)</p>'  # quoted at the treaty's end
    ) in html


def test_person_page_links_each_role_to_the_pages_its_dates_were_checked_against(
    index: ChronologyIndex, chronology: Chronology
) -> None:
    """A small "source" link after each role's dates, named for screen readers by office and
    publisher; an unsafe address shows the text alone; a role with no page shows no link."""
    person = replace(
        chronology.people["jens-stoltenberg"],
        roles=(
            Role(
                "NATO Secretary General",
                PartialDate.parse("2014-10-01"),
                PartialDate.parse("2024-10-01"),
                sources=(RoleSource("https://www.nato.int/cv/secgen/stoltenberg.htm", "NATO", "2014-10-01", None, "took office <then>"),),
            ),
            Role(
                "Prime Minister of Norway",
                PartialDate.parse("2005-10-17"),
                sources=(
                    RoleSource("https://example.org/a", None, None, None, None),
                    RoleSource("javascript:alert(1)", "<b>Bad</b>", None, None, None),
                ),
            ),
            Role("An office", unchecked="no page found in the archives consulted"),
        ),
    )
    html = render_person_page(person, index).html
    assert (
        '<li>NATO Secretary General, 1 October 2014 – 1 October 2024 <small class="chrono-role-sources">('
        '<a href="https://www.nato.int/cv/secgen/stoltenberg.htm" '
        'aria-label="Source for the dates of NATO Secretary General: NATO, 1 October 2014" '
        'title="took office &lt;then&gt;">source</a>)</small></li>'
    ) in html
    assert (
        '<a href="https://example.org/a" aria-label="Source 1 for the dates of Prime Minister of Norway: example.org">'
        "source 1</a>, source 2)</small></li>"
    ) in html
    assert "javascript" not in html and "<b>" not in html
    assert "<li>An office</li>" in html
    labels = [value for name, value in elements(html).attributes if name == "aria-label"]
    assert all(label and label.lower().startswith("source") for label in labels)  # the visible text is in the name


def test_treaty_page_has_abbreviation_and_key_dates(index: ChronologyIndex, chronology: Chronology) -> None:
    page = render_treaty_page(chronology.treaties["inf-treaty"], index)
    html = page.html
    assert page.title == "Intermediate-Range Nuclear Forces Treaty (INF)"
    assert '<h1 id="intermediate-range-nuclear-forces-treaty-inf">Intermediate-Range Nuclear Forces Treaty (INF)<a' in html
    assert "<li>Signed: 8 December 1987</li>\n<li>Ended: 2 August 2019</li>" in html
    assert "United States, Soviet Union" in html
    assert html.index(TALKS) < html.index("2019-08-02-inf-treaty-ends")


def test_listing_pages_rank_low_and_keep_their_lists_out_of_search(index: ChronologyIndex) -> None:
    for page in [render_entity_index("person", index), render_timeline_page(index), render_year_page(2019, index)]:
        assert page.meta == {"search": {"boost": 0.5}}
        assert "people/" in page.html or "events/" in page.html
        assert "people/" not in page.search_html and "events/" not in page.search_html
        assert page.search_html.startswith(page.html.split("\n", 1)[0])  # the <h1> is indexed
    assert get_data(render_tags_page(index).markdown)[1] == {"search": {"exclude": True}}


def test_search_is_given_what_an_event_says_not_its_link_lists(index: ChronologyIndex) -> None:
    page = render_event_page(index.events_by_id[TALKS], index)
    assert "We have not seen any signs of a breakthrough." in page.search_html
    assert "NATO Secretary General" in page.search_html
    assert "source page" in page.html and "source page" not in page.search_html
    assert "Previous:" in page.html and "Previous:" not in page.search_html


def test_timeline_groups_by_year(index: ChronologyIndex) -> None:
    page = render_timeline_page(index)
    html = page.html
    assert '<h2 id="y1996"><a href="../years/1996/">1996</a>' in html
    assert html.index("15–31 May: <a") < html.index('id="y2019"') < html.index("5 July: <a") < html.index("2 August: <a")
    assert [(h.id, h.title, h.level) for h in page.headings] == [
        ("timeline", "Timeline", 1), ("y1996", "1996", 2), ("y2019", "2019", 2)
    ]


def test_year_page_has_summaries_and_neighbouring_years(index: ChronologyIndex) -> None:
    page = render_year_page(2019, index)
    assert page.edit_path == "chronology/events/"
    html = page.html
    assert "NATO and Russia made no progress on the INF Treaty." in html
    assert 'Previous year: <a href="../../years/1996/">1996</a>' in html


def test_source_page_has_facts_events_and_escaped_text(index: ChronologyIndex, chronology: Chronology) -> None:
    article = chronology.articles["002_5b8a1d404cf63abd.txt"]
    page = render_source_page(article, index)
    assert page.path == "sources/002_5b8a1d404cf63abd.md"
    assert page.edit_path == "seeds/sources.yml"
    assert page.title == "The Moscow Times (Reuters), 5 July 2019"
    html = page.html
    assert '<h1 id="the-moscow-times-reuters-5-july-2019">The Moscow Times (Reuters), 5 July 2019<a' in html
    assert f'<a href="../../events/{TALKS}/">' in html
    # The article text is highlighted by chrono/annotate.py (tests/test_annotate.py has the rules).
    assert (
        ' Says There Is No Breakthrough With Russia on <mark class="ann ann-treaty" '
        'title="Intermediate-Range Nuclear Forces Treaty"><a href="../../treaties/inf-treaty/">'
        "INF Treaty</a></mark> Dispute</p>"
    ) in html
    hostile = replace(article, text="Intro.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(2))\n", title="<b>T</b>")
    found = elements(render_source_page(hostile, index).html)
    assert "script" not in found.tags and "b" not in found.tags
    assert not any(value and "javascript" in value for _, value in found.attributes)


def test_source_without_events_or_facts_still_renders(index: ChronologyIndex) -> None:
    html = render_source_page(Article("009_new.txt", "Only text."), index).html
    assert "Unknown publisher, date unknown<a" in html
    assert "<em>None yet.</em>" in html


def test_milestones_are_the_curated_events(index: ChronologyIndex) -> None:
    html = render(render_milestones(index))
    assert html.count("<li>") == 1
    assert '2 August 2019: <a href="events/2019-08-02-inf-treaty-ends.md">The INF Treaty ends</a>' in html


def test_every_page_once(index: ChronologyIndex) -> None:
    paths = [page.path for page in render_all_pages(index)]
    assert len(paths) == len(set(paths))
    assert {
        f"events/{TALKS}.md", "people/georgy-mamedov.md", "organizations/nato.md",
        "treaties/cfe-treaty.md", "places/vienna.md", "years/1996.md", "years/index.md",
        "timeline.md", "sources/000_74f752eac3192a6d.md", "sources/index.md", "tags.md",
        "people/index.md", "organizations/index.md", "treaties/index.md", "places/index.md",
    } <= set(paths)


# ---------------------------------------------------------------- both sides


def _sides(html: str) -> list[tuple[str, list[str]]]:
    """Each side's heading and the speakers quoted under it, in page order."""
    found = []
    for column in html.split('<div class="chrono-side ')[1:]:
        heading = column.split('aria-level="3">', 1)[1].split("</p>", 1)[0]
        speakers = [part.split("</a>", 1)[0].split(">")[-1] for part in column.split("<p>— ")[1:]]
        found.append((heading, speakers))
    return found


def test_event_page_shows_each_sides_quotes_side_by_side(index: ChronologyIndex) -> None:
    page = render_event_page(index.events_by_id[ENDS], index)
    html = page.html
    assert _sides(html) == [("NATO and allies", ["Jens Stoltenberg"]), ("Russia", ["Georgy Mamedov"])]
    # The role the quote gives; the speaker linked; its own source, linked.
    assert (
        '<p>— <a href="../../people/georgy-mamedov/">Georgy Mamedov</a>, Deputy Foreign Minister of Russia</p>\n'
        '<p class="chrono-quote-source">Reported by Fixture Wire (test data), 2 August 2019 '
        '(<a href="https://example.org/fixture/invented-statement">original</a>)</p>'
    ) in html
    # A quote without a source of its own (allowed in an extracted draft) is reported where the
    # event is; the speaker's role is the office they held that day.
    event = index.events_by_id[ENDS]
    unsourced = replace(event, quotes=(replace(event.quotes[0], source=None), *event.quotes[1:]))
    events = tuple(unsourced if e.id == ENDS else e for e in index.chronology.events)
    html_unsourced = render_event_page(unsourced, build_index(replace(index.chronology, events=events))).html
    assert (
        '<p>— <a href="../../people/jens-stoltenberg/">Jens Stoltenberg</a>, NATO Secretary General</p>\n'
        '<p class="chrono-quote-source">Reported by NATO, 2 August 2019 '
        '(<a href="https://www.nato.int/cps/en/natohq/news_168177.htm">original</a>)</p>'
    ) in html_unsourced
    # Search finds what each side said, not where it was reported.
    assert "Moscow remains ready to talk" in page.search_html
    assert "Fixture Wire" not in page.search_html and "Reported by" not in page.search_html


def test_the_side_comes_from_the_speakers_entry(index: ChronologyIndex, chronology: Chronology) -> None:
    """Never guessed from the page: change the person's entry and the quote moves."""
    people = dict(chronology.people)
    people["georgy-mamedov"] = replace(people["georgy-mamedov"], side="other")
    moved = build_index(replace(chronology, people=people))
    html = render_event_page(moved.events_by_id[ENDS], moved).html
    assert _sides(html) == [("NATO and allies", ["Jens Stoltenberg"]), ("Russia", []), ("Others", ["Georgy Mamedov"])]
    assert "<p><em>No statement recorded.</em></p>" in html


def test_a_speaker_with_no_side_is_not_counted_among_others(index: ChronologyIndex, chronology: Chronology) -> None:
    ends = index.events_by_id[ENDS]
    with_council = replace(ends, quotes=(*ends.quotes, Quote("nato-russia-council", "A joint statement.")))
    rebuilt = build_index(replace(chronology, events=(*chronology.events[:2], with_council)))
    html = render_event_page(with_council, rebuilt).html
    assert _sides(html) == [
        ("NATO and allies", ["Jens Stoltenberg"]),
        ("Russia", ["Georgy Mamedov"]),
        ("Side not recorded", ["NATO-Russia Council"]),
    ]


def test_quotes_stay_one_list_when_no_speaker_has_a_side(index: ChronologyIndex, chronology: Chronology) -> None:
    people = {key: replace(person, side=None) for key, person in chronology.people.items()}
    sideless = build_index(replace(chronology, people=people))
    html = render_event_page(sideless.events_by_id[ENDS], sideless).html
    assert "chrono-sides" not in html and "Reported by" not in html
    assert html.count("<blockquote>") == 2


def test_a_side_noted_as_not_found_shows_the_note_in_its_column(index: ChronologyIndex, chronology: Chronology) -> None:
    ends = index.events_by_id[ENDS]
    only_nato = tuple(q for q in ends.quotes if q.speaker == "jens-stoltenberg")
    note = "No Russian statement found in the mid.ru archive for August 2019."
    noted = replace(ends, quotes=only_nato, statements_missing=(MissingStatement("russia", note),))
    rebuilt = build_index(replace(chronology, events=(*chronology.events[:2], noted)))
    html = render_event_page(noted, rebuilt).html
    assert _sides(html) == [("NATO and allies", ["Jens Stoltenberg"]), ("Russia", [])]
    assert f'<p class="chrono-statement-missing"><em>{note}</em></p>' in html
    assert "No statement recorded." not in html
    # With no quote at all, the note alone brings the columns: the empty side is a finding.
    silent = replace(noted, quotes=(), statements_missing=(MissingStatement("nato", "No NATO statement found."), MissingStatement("russia", note)))
    rebuilt = build_index(replace(chronology, events=(*chronology.events[:2], silent)))
    html = render_event_page(silent, rebuilt).html
    assert _sides(html) == [("NATO and allies", []), ("Russia", [])]
    assert "No NATO statement found." in html and note in html


def test_a_role_source_address_that_cannot_be_parsed_still_renders(
    index: ChronologyIndex, chronology: Chronology
) -> None:
    """"http://[..." passes the schema's `^https?://` (an unclosed IPv6 bracket, a typo) but
    urlsplit cannot read it: with no publisher to name, the label names the address as written
    instead of stopping the build."""
    person = replace(
        chronology.people["jens-stoltenberg"],
        roles=(Role("NATO Secretary General", PartialDate.parse("2014-10-01"),
                    sources=(RoleSource("http://[nato.int/cv", None, None, None, None),)),),
    )
    html = render_person_page(person, index).html
    assert 'aria-label="Source for the dates of NATO Secretary General: http://[nato.int/cv"' in html
