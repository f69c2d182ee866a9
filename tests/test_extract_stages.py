"""The extraction stages one by one, on the forms real news pages take.

Every article text here is fiction written for the test, in the house style of a real kind of
page (a newspaper's print edition, a wire story, an agency feed, an official release): the facts
it rests on (dates, offices, places) are public, the wording and the quotes are invented.
"""

from __future__ import annotations

from chrono.dates import find_publication_date
from chrono.extract import Catalog, extract_article
from chrono.extract.catalog import with_name_variants
from chrono.extract.cleanup import (
    clean_article_text,
    find_dateline,
    is_furniture_line,
    read_document,
    strip_headline,
    unglue_lines,
)
from chrono.extract.dating import find_publication
from chrono.extract.quotes import holder_of_office
from chrono.model import (
    Article,
    Event,
    Organization,
    PartialDate,
    Person,
    PersonRole,
    Place,
    Role,
    Treaty,
)

PEOPLE = {
    "jens-stoltenberg": Person(
        "jens-stoltenberg", "Jens Stoltenberg", ("Stoltenberg",),
        roles=(Role("NATO Secretary General", PartialDate(2014, 10, 1), PartialDate(2024, 10, 1)),),
    ),
    "anders-fogh-rasmussen": Person(
        "anders-fogh-rasmussen", "Anders Fogh Rasmussen", ("Rasmussen",),
        roles=(Role("NATO Secretary General", PartialDate(2009, 8, 1), PartialDate(2014, 9, 30)),),
    ),
    "sergey-lavrov": Person(
        "sergey-lavrov", "Sergey Lavrov", ("Lavrov",),
        roles=(Role("Foreign Minister of Russia", PartialDate(2004, 3, 9)),),
    ),
    "mike-pompeo": Person("mike-pompeo", "Mike Pompeo", ("Pompeo",)),
    "alexander-grushko": Person("alexander-grushko", "Alexander Grushko", ("Grushko",)),
    "vladimir-putin": Person("vladimir-putin", "Vladimir Putin", ("Putin",)),
    "boris-yeltsin": Person("boris-yeltsin", "Boris Yeltsin", ("Yeltsin",)),
}
CATALOG = Catalog(
    people=PEOPLE,
    organizations={"nato": Organization("nato", "North Atlantic Treaty Organization", (), "NATO")},
    treaties={
        "cfe-treaty": Treaty(
            "cfe-treaty", "Treaty on Conventional Armed Forces in Europe", ("CFE Treaty",), "CFE",
            signed=PartialDate(1990, 11, 19),
        ),
        "nato-russia-founding-act": Treaty(
            "nato-russia-founding-act", "NATO-Russia Founding Act", ("Founding Act",),
            signed=PartialDate(1997, 5, 27),
        ),
    },
    places={
        "moscow": Place("moscow", "Moscow"),
        "brussels": Place("brussels", "Brussels"),
        "corfu": Place("corfu", "Corfu"),
        "washington": Place("washington", "Washington"),
    },
)


def article(text: str, published: str | None = None, url: str | None = None, publisher: str = "Test Wire") -> Article:
    return Article(file="case.txt", text=text, url=url, publisher=publisher, published=published)


def extract(text: str, published: str | None = None, url: str | None = None, **kwargs: object) -> Event:
    return extract_article(article(text, published, url, **kwargs), CATALOG).event  # type: ignore[arg-type]


# ---------------------------------------------------------------- page cleanup


def test_furniture_lines_of_a_print_page_are_dropped() -> None:
    lines = [
        "The Washington Post",
        "Navigation Bar",
        "Related Items",
        "All news",
        "Thursday, March 25, 1999; Page A31",
        "Yeltsin in Moscow on Wednesday. | Dmitri Ivanov/AFP/Getty Images",
        "In this photo released by the press service, the minister speaks in Moscow. (Press Service via AP)",
        "Anna Example (@annaexample) Published January 11, 2022 | 03:43 PM",
        "DATELINE=MOSCOW",
        "IE 11 is not supported. For an optimal experience visit our site on another browser.",
        "Россия и НАТО. Фото: Example.Ru",
        "Президент России — официальный сайт",
        "Publication: Weekly Digest Volume: 3 Issue: 49",
        "Russia NATO treaty talks 22 May 2020 - 21:01",
    ]
    assert [line for line in lines if not is_furniture_line(line)] == []
    # A sentence of the story that happens to name a newspaper is kept.
    assert not is_furniture_line("The Washington Post reported on Monday that talks had stalled in Vienna.")
    assert is_furniture_line("Daily Example", publisher="Daily Example (AFP)")


def test_a_breadcrumb_above_the_story_leaves_the_headline() -> None:
    text = (
        "Главная > Мир > Альянс ответил на решение Москвы закрыть миссию\n\n"
        "БРЮССЕЛЬ, 18 окт – РИА Новости. Альянс сожалеет о решении России, заявил генсек НАТО.\n"
    )
    assert extract(text, published="2021-10-18").title == "Альянс ответил на решение Москвы закрыть миссию"


def test_text_the_page_glued_together_is_split_and_wrapped_lines_joined() -> None:
    assert unglue_lines(" date 2021-12-17 Russia publishes draft treaties").split("\n") == [
        "date 2021-12-17", "Russia publishes draft treaties",
    ]
    assert unglue_lines("April 1, 2014NATO ministers met.").split("\n") == ["April 1, 2014", "NATO ministers met."]
    assert unglue_lines("Russia leaves treaty after US departurePTI | Moscow | Updated").split("\n") == [
        "Russia leaves treaty after US departure", "PTI | Moscow | Updated",
    ]
    wrapped = "INTRO: NATO Secretary-General George Robertson is\npraising the outcome of his visit to Moscow\n(Wednesday), in which both sides agreed."
    assert unglue_lines(wrapped).count("\n") == 0


def test_the_headline_is_the_line_above_the_lead_that_shares_its_words() -> None:
    paragraphs = [
        "Europe Asia Americas Middle East Africa World Service Education",
        "Front Page",
        "Russia and NATO agree to restore contacts",
        "Robertson and Ivanov at the Kremlin on Wednesday",
        "NATO and Russia have agreed to restore contacts that were cut over the Kosovo air campaign, the alliance's secretary general said in Moscow.",
        "The second paragraph of the story goes on here.",
    ]
    headline, body = strip_headline(paragraphs)
    assert headline == "Russia and NATO agree to restore contacts"
    assert body == paragraphs[4:]
    # A caption that only names a person shares the lead's words but is no headline.
    paragraphs = [
        "NATO salutes ties with Russia",
        "NATO Secretary-General Lord Robertson",
        "NATO and Russia need each other more than ever, NATO Secretary-General Lord Robertson told the council in Moscow on Tuesday.",
    ]
    assert strip_headline(paragraphs)[0] == "NATO salutes ties with Russia"
    # A site's tag path and a cable archive's label share the lead's names, but are no headline.
    paragraphs = [
        "Home Tags Ivan Exampleov",
        "Tag: Ivan Exampleov",
        "Generals argue over missile defence in Moscow",
        "Russian chief of staff Ivan Exampleov told a missile defence conference in Moscow that a strike was possible.",
    ]
    assert strip_headline(paragraphs)[0] == "Generals argue over missile defence in Moscow"
    paragraphs = [
        "Viewing cable 05EXAMPLE123",
        "SUMMARY. The embassy reports that a fighter crashed near the EXAMPLE border on Thursday, and officials met.",
    ]
    assert strip_headline(paragraphs)[0] is None
    assert find_dateline("By Anna (Producer) Example") is None
    for line in ("Viewing cable 05EXAMPLE123", "05EXAMPLE1232005-09-16 13:28:00 2011-08-30 01:44:00 CONFIDENTIAL Embassy Example",
                 "E.O. 12958: DECL: 09/15/2014", "Classified By: Pol/Econ Officer Jane Example for Reasons 1.4(b)",
                 "C O N F I D E N T I A L SECTION 01 OF 02 EXAMPLE 000977"):
        assert is_furniture_line(line), line
    assert not is_furniture_line("Reform of the council: the ambassadors met on Tuesday.")
    # The cable's date glued to its reference is the date of the page, not the archive's release.
    from chrono.extract.cleanup import unglue_lines

    # A stamp glued to the headline before it goes on its own line.
    page = "Главная > Россия\nМиссии приостановлены18 октября 2021. Разместил: example |\n18.10.2021 - 21:49 Текст новости.\n"
    assert "\n18 октября 2021. Разместил" in unglue_lines(page)
    assert "\n12 March 2014 10:15" in unglue_lines("Home\nTalks end12 March 2014 10:15\nThe story.\n")
    body = "Head\n" + "A line of the story.\n" * 12 + "Cases of Covid19 March 2020 rose.\n"
    assert "Covid19 March 2020" in unglue_lines(body)  # the body's words stay together
    assert unglue_lines("05EXAMPLE9772005-09-16 13:28:00 2011-08-30 01:44:00 CONFIDENTIAL Embassy Example").startswith(
        "05EXAMPLE977 2005-09-16 13:28:00"
    )
    assert is_furniture_line("By Anna (Producer) Example")


def test_datelines_of_agencies_and_papers() -> None:
    assert find_dateline("BRUSSELS (Reuters) - NATO envoys met on Friday.") is not None
    assert find_dateline("MOSCOW, August 2. /TASS/. The treaty lapsed today.") is not None
    assert find_dateline("BRUSSELS, January 4. / TASS /: The alliance confirmed the meeting.") is not None
    assert find_dateline("BERLIN: A Kremlin threat is unjustified, the alliance said.") is not None
    assert find_dateline("Berlin: the talks went on.") is None


# ---------------------------------------------------------------- dates


def test_a_dateline_without_a_year_takes_the_year_the_text_names() -> None:
    lines = ["MOSCOW, August 2. /TASS/. Russia says the treaty ended on Friday.", "On February 1, 2019 the US announced its withdrawal."]
    found = find_publication_date(None, lines, "http://example.com/world/1071645")
    assert found is not None and found.date.iso() == "2019-08-02"
    assert "latest year the text names" in found.basis


def test_print_edition_dates_a_day_after_the_dateline_and_tonight_follows_the_dateline() -> None:
    text = (
        "Yeltsin condemns the air strikes\n\nThursday, March 25, 1999; Page A1\n\nBy A. Staff Writer\n\n"
        "MOSCOW, March 24 -- President Boris Yeltsin tonight condemned the NATO air strikes on "
        "Yugoslavia and recalled Russia's military envoy from Brussels.\n"
    )
    event = extract(text)
    assert event.date.iso() == "1999-03-24"
    assert event.place == "moscow"
    assert event.title == "Yeltsin condemns the air strikes"
    assert event.date_basis is not None and "dateline" in event.date_basis.rule


def test_a_weekday_in_a_month_only_article_is_pinned_by_a_known_event_it_names() -> None:
    decree = Event(
        id="2007-07-14-putin-decree-suspends-cfe", title="Putin signs decree suspending the CFE Treaty",
        date=PartialDate(2007, 7, 14), summary="A decree.", provenance="curated", status="reviewed",
        people=(PersonRole("vladimir-putin"),), treaties=("cfe-treaty",),
    )
    text = (
        "NATO urges Moscow to reconsider\n\nNATO on Monday urged Russia to reconsider President "
        "Vladimir Putin's decree suspending the Treaty on Conventional Armed Forces in Europe, "
        "saying the treaty remained a cornerstone of European security.\n"
    )
    url = "http://archive.example.com/2007/7/nato-urges-moscow.html"
    pinned = extract_article(article(text, url=url), CATALOG, (decree,)).event
    assert pinned.date.iso() == "2007-07-16"
    assert pinned.date_basis is not None and "Monday after 2007-07-14" in pinned.date_basis.rule
    alone = extract_article(article(text, url=url), CATALOG).event
    assert alone.date.iso() == "2007-07" and alone.approximate
    assert alone.date_basis is not None and "2, 9, 16, 23, 30" in alone.date_basis.rule


def test_a_lead_that_looks_forward_is_dated_by_the_announcement() -> None:
    text = (
        "NATO chief proposes Russia talks on January 12\n\nNATO Secretary General Jens "
        "Stoltenberg wants to convene the NATO-Russia Council on January 12, 2022, alliance "
        "sources said.\n"
    )
    event = extract(text, published="2021-12-26")
    assert event.date.iso() == "2021-12-26"


def test_a_date_naming_a_document_or_a_reference_point_is_not_the_news() -> None:
    text = (
        "On termination of the INF Treaty\n\nThe Russian side considers the unilateral "
        "withdrawal a heavy blow, as set out in President Vladimir Putin's Statement of August 5, "
        "2019 and in the briefing of August 5, 2019.\n"
    )
    assert extract(text, published="2019-08-07").date.iso() == "2019-08-07"
    text = (
        "Envoys meet again\n\nNATO and Russian envoys met in Brussels, the highest-level "
        "contact since ties were cut last March, officials said.\n"
    )
    assert extract(text, published="2000-02-16").date.iso() == "2000-02-16"


def test_a_day_range_gives_the_end_date() -> None:
    text = (
        "Treaty review conference\n\nThe first review conference of the Treaty on Conventional "
        "Armed Forces in Europe will be convened in Vienna, May 15 to 31, 1996. The conference "
        "will review the treaty's first five years.\n"
    )
    event = extract(text, published="1996-05-08")
    assert (event.date.iso(), event.end_date.iso() if event.end_date else None) == ("1996-05-15", "1996-05-31")


# ---------------------------------------------------------------- mentions and names


def test_other_spellings_of_a_known_given_name_are_the_known_person() -> None:
    assert "Sergei Lavrov" in with_name_variants(["Sergey Lavrov"])
    assert "Michael Pompeo" in with_name_variants(["Mike Pompeo"])
    text = (
        "Envoys trade words\n\nU.S. Secretary of State Michael Pompeo and Russian Foreign "
        "Minister Sergei Lavrov met in Washington on Tuesday, a State Department official said.\n"
    )
    result = extract_article(article(text, published="2019-12-10"), CATALOG)
    assert [p.id for p in result.event.people] == ["mike-pompeo", "sergey-lavrov"]
    assert result.people == ()


def test_a_name_cut_off_by_the_end_of_an_excerpt_is_no_new_person() -> None:
    text = (
        "Talks in Brussels\n\nNATO envoys met Russian diplomats in Brussels on Friday, the "
        "alliance said. Speaking after the meeting was Deputy Foreign Minister Sergei"
    )
    result = extract_article(article(text, published="2019-01-25"), CATALOG)
    assert result.people == ()


def test_treaties_named_but_not_known_and_treaties_named_by_their_signing() -> None:
    text = (
        "Ministers discuss Ukraine\n\nNATO foreign ministers said on Tuesday that the Minsk "
        "agreements must be carried out in full, and that the charter signed in 1997 still "
        "bound both sides.\n"
    )
    result = extract_article(article(text, published="2015-05-19"), CATALOG)
    assert [t.name for t in result.treaties] == ["Minsk Agreements"]
    assert "nato-russia-founding-act" in result.event.treaties


# ---------------------------------------------------------------- quotes


def test_quotes_in_the_forms_news_uses() -> None:
    text = (
        "Russia and NATO trade words\n\n"
        "MOSCOW (Test Wire) - Russian Foreign Minister Sergey Lavrov on Monday called the "
        'alliance\'s new deployments "a provocation".\n\n'
        '"We will answer every step," according to Alexander Grushko, Russia\'s envoy.\n\n'
        'In Stoltenberg\'s words, "the door of NATO remains open to dialogue with Moscow."\n\n'
        '"This is not the end of the story," Lavrov told reporters in Moscow.\n\n'
        '"Our patience has limits, and the other side knows it."\n'
    )
    event = extract(text, published="2016-07-11")
    assert [(q.speaker, q.text) for q in event.quotes] == [
        ("sergey-lavrov", "a provocation"),
        ("alexander-grushko", "We will answer every step"),
        ("jens-stoltenberg", "the door of NATO remains open to dialogue with Moscow."),
        ("sergey-lavrov", "This is not the end of the story"),
        ("sergey-lavrov", "Our patience has limits, and the other side knows it."),
    ]


def test_a_speaker_named_by_office_is_the_person_who_held_it_then() -> None:
    assert holder_of_office(_doc("2016-04-20"), "alliance's ", "secretary general") == "jens-stoltenberg"
    assert holder_of_office(_doc("2012-05-04"), "alliance's ", "secretary general") == "anders-fogh-rasmussen"
    assert holder_of_office(_doc("2016-04-20"), "Russian ", "foreign minister") == "sergey-lavrov"
    text = (
        "NATO calls council meeting\n\nBRUSSELS (Test Wire) - The NATO-Russia Council will meet "
        'next week, the alliance\'s secretary-general said on Friday. "We need to talk, '
        'especially when times are difficult," the alliance\'s secretary-general said.\n'
    )
    event = extract(text, published="2016-04-08")
    assert [q.speaker for q in event.quotes] == ["jens-stoltenberg"]
    assert "jens-stoltenberg" in [p.id for p in event.people]


def _doc(published: str):  # type: ignore[no-untyped-def]
    doc = read_document(article("Headline words here\n\nA sentence about NATO and Russia.", published), CATALOG)
    find_publication(doc)
    return doc


# ---------------------------------------------------------------- places and titles


def test_places_the_lead_or_headline_names_in_other_ways() -> None:
    text = (
        "Council ministers meet in Corfu\n\nThe first ministerial meeting of the NATO-Russia "
        "Council for a year took place on Saturday, the alliance said.\n"
    )
    assert extract(text, published="2009-06-27").place == "corfu"
    text = "Allies agree\n\nThe ministers met on the Greek island of Corfu on Saturday and agreed to resume work.\n"
    assert extract(text, published="2009-06-27").place == "corfu"
    text = (
        "Cold words\n\nThe Brussels summit of the alliance ended on Friday with a warning to "
        "Moscow over the treaty, diplomats said.\n"
    )
    assert extract(text, published="2018-07-13").place == "brussels"
    text = (
        "Moscow protests\n\nRussia's Foreign Ministry said on Monday that the expansion of the "
        "alliance threatened its security.\n"
    )
    assert extract(text, published="2004-03-29").place == "moscow"


def test_a_country_taking_a_stand_is_not_placed_in_its_capital() -> None:
    """"Russia has warned NATO ..." reports the country's stand, not a statement made in
    Moscow; "Moscow said" and "Russia's Foreign Ministry said" are."""
    text = (
        "Warning over air patrols\n\nRussia has warned the alliance against patrolling the air "
        "space of the three Baltic states once they join next week.\n"
    )
    assert extract(text, published="2004-03-24").place is None
    assert extract(text.replace("Russia has warned", "Moscow has warned"), published="2004-03-24").place == "moscow"


def test_a_venue_beside_the_events_day_in_a_later_paragraph() -> None:
    lead = (
        "No deal at the table\n\nThe two sides talk on as fears of a war in Europe grow.\n\n"
        "January 12, 2022\n\nAnother round of talks between Russia and the "
        "Western allies ended without a breakthrough, with both sides still far apart over Moscow's "
        "demands.\n\n"
    )
    text = lead + (
        "Russian diplomats met envoys of the 30 allies at the alliance's headquarters in Brussels "
        "on Wednesday, the second of three meetings this week.\n"
    )
    assert extract(text).place == "brussels"
    # A venue beside another day is where that other meeting was.
    text = lead + (
        "Russian diplomats had met American envoys in Geneva on Monday, the first of three "
        "meetings this week.\n"
    )
    assert extract(text).place is None


def test_without_a_headline_the_title_says_who_did_what() -> None:
    text = (
        "MOSCOW (Test Wire) - Russian Foreign Minister Sergey Lavrov said on Monday that Moscow "
        "would suspend its mission to NATO from November 1, after the alliance expelled eight "
        "of its staff.\n"
    )
    assert extract(text, published="2021-10-18").title == "Lavrov says Moscow would suspend its mission to NATO from November 1"


def test_clean_text_keeps_the_story() -> None:
    page = "Front Page\nAll news\nThe ministers agreed on Tuesday to meet again in Brussels next month, officials said.\nRelated Items\nAnother story"
    assert clean_article_text(page) == "The ministers agreed on Tuesday to meet again in Brussels next month, officials said."



def test_a_fragment_quoted_inside_a_sentence_that_he_said_closes_is_the_speakers() -> None:
    """'NATO growing would "not bring stability" to Europe, he said.': the sentence is the
    last person's statement, and the fragment in it is quoted from him, even when it is short.
    A two-word label in such a sentence is still no quote. Fiction in the house style of a
    news aggregator's summary."""
    text = (
        "Kremlin warns Nordic states\n\n"
        "MOSCOW, April 11 (Test Wire) - The alliance is a tool of confrontation, Kremlin spokesman "
        "Dmitry Peskov told reporters on Monday.\n\n"
        "Two more members would \"not bring stability\" to northern Europe, he said. The missile "
        "shield could make them targets for \"hypothetical missile attacks,\" he added.\n\n"
        "The so-called \"security architecture\" of the region would change, he said.\n"
    )
    event = extract(text, published="2022-04-11")
    assert [(q.speaker, q.text) for q in event.quotes] == [
        ("dmitry-peskov", "not bring stability"),
        ("dmitry-peskov", "hypothetical missile attacks"),
    ]


def test_a_fragment_after_a_sentence_that_he_said_closes_goes_on_in_the_same_voice() -> None:
    """'"...," he said. The deployment "will only raise tensions ..."': a sentence that names
    nobody and has no speech verb, right after one whose quote "he said" closes, quotes the
    same speaker. Fiction in the house style of a wire story."""
    text = (
        "Moscow warns alliance over drills\n\n"
        "MOSCOW, March 3 (Test Wire) - Russian Foreign Minister Sergey Lavrov on Tuesday criticised "
        "the exercises.\n\n"
        "\"We see these manoeuvres as a direct challenge to our security,\" he said. The deployment "
        "\"will only raise tensions along the border.\"\n"
    )
    event = extract(text, published="2015-03-03")
    assert ("sergey-lavrov", "will only raise tensions along the border.") in [(q.speaker, q.text) for q in event.quotes]


def test_quotation_marks_lost_to_question_marks_are_put_back() -> None:
    """A news site's English page whose curly marks a lost encoding turned into '?': quotes,
    apostrophes and a dash come back, and a real question mark inside a quote stays. Fiction
    in the house style of a Caucasus news site's English service."""
    text = (
        "Envoy Speaks of Membership, Moscow Calls it a Challenge\n"
        "NATO Secretary General Jens Stoltenberg said in Munich on February 15 that the door stays open.\n"
        "?The alliance?s door remains open to every European democracy,? Stoltenberg said.\n"
        "Russian Foreign Minister Sergey Lavrov said the plan is ?a challenge to the security of the region.?\n"
        "?Against whom is this aimed?.. We hear no answer ? only new bases,? Lavrov said.\n"
    )
    event = extract(text, published="2018-02-15")
    assert [(q.speaker, q.text) for q in event.quotes] == [
        ("jens-stoltenberg", "The alliance’s door remains open to every European democracy"),
        ("sergey-lavrov", "a challenge to the security of the region."),
        ("sergey-lavrov", "Against whom is this aimed?.. We hear no answer – only new bases"),
    ]


def test_an_office_as_a_transcripts_speaker_label_is_no_dateline_and_the_heading_gives_the_place() -> None:
    """An alliance's transcript page: the heading ends with where it was given ("... of Heads
    of State and Government - Vilnius, Lithuania"), and the first turn is labelled with an
    office in capitals ("NATO SECRETARY GENERAL:"), which is a speaker, not a city. Fiction
    in the house style of an official transcript."""
    text = (
        "Closing press conference\n\n"
        "by NATO Secretary General Jens Stoltenberg at the Summit meeting of Heads of State and "
        "Government - Vilnius, Lithuania\n\n"
        "12 Jul. 2023\n\n"
        "NATO SECRETARY GENERAL: Good afternoon. Today allies agreed on new plans for the defence "
        "of the whole alliance.\n"
    )
    event = extract(text, published="2023-07-12")
    assert event.place == "vilnius"


def test_attributions_whose_names_are_not_the_speaker() -> None:
    """Three attributions where the name nearest the verb is not who spoke: an office at the
    verb and a name past the comma ('..., the secretary general added, speaking after talks
    with Foreign Minister Sergey Lavrov'); an owner inside the speaker's description ('Ivan
    Samplov, Lavrov's chief aide, said'); a press review's 'AFP quotes Name - office'. Fiction
    in the house styles of a wire story and a press review."""
    wire = (
        "Alliance chief in Moscow\n\n"
        "MOSCOW, Nov. 3 (Test Wire) - NATO Secretary General Jens Stoltenberg arrived in Moscow on "
        "Wednesday.\n\n"
        "The \"summit is a real chance to turn the page on the past,\" the secretary general added, "
        "speaking after talks with Foreign Minister Sergey Lavrov.\n\n"
        "\"This is the right of the Russian Federation to state its view,\" Ivan Samplov, Lavrov's chief "
        "aide, said at a briefing.\n"
    )
    quotes = extract(wire, published="2021-11-03").quotes
    assert [q.speaker for q in quotes] == ["jens-stoltenberg", "ivan-samplov"]
    review = (
        "Press review\n\n"
        "President Vladimir Putin met the alliance's envoys yesterday. \"When the "
        "Baltic states join the alliance, it will become more hostile,\" Test Wire quotes Sergey Lavrov - "
        "then a deputy of the State Duma.\n"
    )
    assert [q.speaker for q in extract(review, published="2002-05-22").quotes] == ["sergey-lavrov"]


def test_an_initial_in_the_speakers_name_does_not_end_the_attribution() -> None:
    """'"...," U.S. President George W. Bush told fellow leaders': the initial's full stop is
    not the end of the sentence that names the speaker. Fiction in the house style of a wire
    story."""
    text = (
        "Alliance takes in seven\n\n"
        "PRAGUE, Nov. 21 (Test Wire) - NATO leaders invited seven countries to join the alliance on "
        "Thursday.\n"
        "\"By welcoming seven members, we will refresh the spirit of this alliance,\" U.S. President "
        "George W. Bush told fellow leaders.\n"
    )
    quotes = extract(text, published="2002-11-21").quotes
    assert [(q.speaker, q.text) for q in quotes] == [
        ("george-w-bush", "By welcoming seven members, we will refresh the spirit of this alliance"),
    ]


def test_central_european_quotation_marks_are_read() -> None:
    """A Central European daily's English page writes „words“ (and once „words „ where the
    high mark was lost): both are quotes. Fiction in the house style of such a page."""
    text = (
        "Alliance takes in seven\n\n"
        "PRAGUE, Nov. 21 (Test Wire) - NATO leaders invited seven countries to join the alliance on "
        "Thursday.\n"
        "„We will refresh the spirit of this great democratic alliance, „ Secretary General George "
        "Robertson told the leaders. Czech President Vaclav Havel declared: „The era when countries "
        "were divided into spheres of influence has come to an end.“\n"
    )
    quotes = extract(text, published="2002-11-21").quotes
    assert [q.speaker for q in quotes] == ["george-robertson", "vaclav-havel"]


def test_a_speech_verb_in_the_present_tense_attributes_a_quote() -> None:
    """A think tank's preview written in the present: 'the defence minister, Jan Samplov,
    reiterates that the exercises "will confirm ..."'. Fiction in the house style of an
    analysis site."""
    text = (
        "Drills on the western flank\n\n"
        "Russia and Belarus will hold joint exercises this month. Belarus' defence minister, Jan Samplov, "
        "reiterates that these defensive exercises \"will confirm the country's commitment to its allies.\"\n"
    )
    quotes = extract(text, published="2013-09-05").quotes
    assert [q.speaker for q in quotes] == ["jan-samplov"]


def test_he_said_stands_for_the_last_person_named_as_a_subject_not_as_an_object() -> None:
    """'Lavrov, who met Secretary General Jens Stoltenberg earlier, said ...' then '"...," he
    said': he is Lavrov, not the man he met, nor one named after a preposition in the
    paragraph before. With no subject nearby, the last person named stands. Fiction in the
    house style of an agency's feature."""
    text = (
        "Minister sees a narrow window\n\n"
        "BRUSSELS, March 3 (Test Wire) - Foreign Minister Sergey Lavrov, who met NATO Secretary "
        "General Jens Stoltenberg earlier in the day, said the council could meet again.\n\n"
        "He said the agenda had been explained to Alexander Grushko, the envoy in Brussels.\n\n"
        "\"The window is narrow but it is still open for all of us,\" he said.\n"
    )
    event = extract(text, published="2016-03-03")
    assert [(q.speaker, q.text[:10]) for q in event.quotes] == [("sergey-lavrov", "The window")]
    alone = text.replace("Foreign Minister Sergey Lavrov, who met NATO Secretary General Jens Stoltenberg earlier in the day,", "The minister")
    assert [q.speaker for q in extract(alone, published="2016-03-03").quotes] == ["alexander-grushko"]


def test_an_agency_that_quoted_him_as_saying_passes_on_his_words() -> None:
    """'"...," the news agency quoted him as saying' and '"...," he went on to say': the words
    are the last person's, not the agency's. Fiction in the house style of a wire brief."""
    text = (
        "Envoy warns over exercises\n\n"
        "MOSCOW, March 3 (Test Wire) - Russia's envoy Alexander Grushko criticised the drills on "
        "Thursday.\n\n"
        "\"These manoeuvres do nothing for the security of anyone in Europe,\" the Interfax news "
        "agency quoted him as saying.\n\n"
        "\"We will draw our own conclusions from what we see,\" he went on to say.\n"
    )
    event = extract(text, published="2016-03-03")
    assert [(q.speaker, q.text[:5]) for q in event.quotes] == [("alexander-grushko", "These"), ("alexander-grushko", "We wi")]


def test_a_day_weeks_ahead_after_a_past_verb_is_the_coming_one_and_the_news_is_the_report() -> None:
    """'All allies agreed to attend the summit in Lisbon on November 20, the spokesman said on
    Tuesday', printed on 28 September: the summit is the coming one (not November of the year
    before, ten months back), so the news is what was said on Tuesday. Fiction in the house
    style of an agency's feed."""
    text = (
        "Allies agree to summit with Russia\n\n"
        "BRUSSELS, Sept 28 (Test Wire) - All allies have agreed to attend a summit with Russia in "
        "Lisbon on November 20, a NATO spokesman said on Tuesday.\n"
    )
    assert extract(text, published="2010-09-28").date == PartialDate(2010, 9, 28)


def test_a_name_set_beside_a_description_and_a_quote_that_follows_another() -> None:
    """'"...," the envoy, Alexander Grushko, said': the name beside the description speaks.
    'As Lavrov said ..., "...". "...," the minister stressed, "..."': the first quote is the
    one the sentence introduces; the organization named inside the second is not its speaker.
    Fiction in the house style of a wire story and of an online paper."""
    envoy = (
        "Envoy pledges calm\n\n"
        "MOSCOW - Russia's envoy to NATO said on Wednesday that Moscow would act calmly.\n"
        "\"We will study the decision with great care,\" the envoy, Alexander Grushko, said.\n"
    )
    assert [q.speaker for q in extract(envoy, published="2016-03-03").quotes] == ["alexander-grushko"]
    minister = (
        "Minister looks to the council\n\n"
        "MOSCOW - The minister spoke on Monday. As Sergey Lavrov said during a televised link, \"we intend to "
        "finish the draft of the founding document before the summit.\" \"The essence of it,\" the minister "
        "stressed, \"is that in the new North Atlantic Treaty Organization council all will be equal.\"\n"
    )
    assert [q.speaker for q in extract(minister, published="2002-05-13").quotes] == ["sergey-lavrov", "sergey-lavrov"]


def test_he_was_quoted_as_saying_is_a_pronoun_attribution() -> None:
    """'"...," he was quoted by the agency as saying.' Fiction in the house style of a wire
    service's brief."""
    text = (
        "Alliance chief rules out joint shield\n\n"
        "MOSCOW, March 28 (Test Wire) - NATO Secretary-General Anders Fogh Rasmussen told Russian "
        "leaders on Thursday that a single missile shield was not feasible.\n\n"
        "\"I do not think one integrated system would be the most efficient way,\" he was quoted by "
        "a Russian news agency as saying.\n"
    )
    event = extract(text, published="2013-03-28")
    assert [(q.speaker, q.text[:12]) for q in event.quotes] == [("anders-fogh-rasmussen", "I do not thi")]


def test_a_window_title_with_the_site_name_gives_way_to_the_bare_headline() -> None:
    """"Headline - Site" (the page's window title) above the section and "Headline": the
    title is the bare headline. Fiction in the house style of a weekly's website."""
    text = (
        "> Envoy says Russia is preparing a response to the shield - Example Weekly\n\n"
        "//Army\n\n"
        "Envoy says Russia is preparing a response to the shield\n\n"
        "Russia is preparing a response to the deployment of an American missile shield in "
        "Eastern Europe, Russia's envoy to NATO said on Wednesday.\n"
    )
    event = extract(text, published="2011-10-19")
    assert event.title == "Envoy says Russia is preparing a response to the shield"


def test_a_name_one_letter_off_is_a_known_person_only_when_exactly_one_is_that_close() -> None:
    """Invented people: a retyped surname is the known person's; a surname's other gender, a
    different given name, or two known people equally close are nobody's."""
    from chrono.extract.catalog import Catalog
    from chrono.model import Person

    catalog = Catalog({
        "pavel-examplov": Person("pavel-examplov", "Pavel Examplov", ()),
        "pavel-examplev": Person("pavel-examplev", "Pavel Examplev", ()),
        "oleg-sampleton": Person("oleg-sampleton", "Oleg Sampleton", ()),
    })
    assert catalog.misspelt_person("Oleg Sapmleton") == "oleg-sampleton"  # two letters swapped
    assert catalog.misspelt_person("Oleg Sampleton") is None  # the name itself: the matcher's, not this
    assert catalog.misspelt_person("Olga Sampletona") is None  # another given name, the other gender
    assert catalog.misspelt_person("Oleg Sampletona") is None  # the surname's other gender
    assert catalog.misspelt_person("Pavel Examplav") is None  # one letter from both known people
