"""Russian articles through the shared pipeline: language data, morphology, datelines, quotes.

Every article here is FICTION written for these tests in the house style of Russian news
agencies (RIA Novosti, TASS, Interfax): the offices and places are real, the wording, the
quotes and the events are invented, and there is no byline. None of it reaches `chronology/`
or the site.
"""

from __future__ import annotations

import pytest

from chrono.dates import PublicationDate
from chrono.extract import Catalog, extract_article, split_sentences
from chrono.extract.cleanup import find_dateline, read_document
from chrono.extract.lang import detect_language
from chrono.extract.lang.en import ENGLISH
from chrono.extract.lang.ru import RUSSIAN, find_publication_date, lemmas, name_part, transliterate
from chrono.model import Article, Organization, PartialDate, Person, Place, Treaty

CATALOG = Catalog(
    people={
        "alexander-grushko": Person(
            "alexander-grushko", "Alexander Grushko", ("Grushko", "Александр Грушко", "Грушко")
        ),
        "jens-stoltenberg": Person(
            "jens-stoltenberg", "Jens Stoltenberg", ("Stoltenberg", "Йенс Столтенберг", "Столтенберг")
        ),
        "sergey-lavrov": Person("sergey-lavrov", "Sergey Lavrov", ("Lavrov", "Сергей Лавров", "Лавров")),
        "igor-ivanov": Person("igor-ivanov", "Igor Ivanov", ("Ivanov", "Игорь Иванов", "Иванов")),
    },
    organizations={
        "nato": Organization("nato", "North Atlantic Treaty Organization", ("НАТО",), "NATO"),
        "nato-russia-council": Organization(
            "nato-russia-council", "NATO-Russia Council", ("Совет Россия-НАТО", "Совет Россия — НАТО"), "NRC"
        ),
        "russian-foreign-ministry": Organization(
            "russian-foreign-ministry", "Ministry of Foreign Affairs of Russia", ("МИД России", "МИД")
        ),
        "csto": Organization("csto", "Collective Security Treaty Organization", ("ОДКБ",), "CSTO"),
    },
    treaties={
        "cfe-treaty": Treaty("cfe-treaty", "Treaty on Conventional Armed Forces in Europe", ("ДОВСЕ",), "CFE"),
        "inf-treaty": Treaty("inf-treaty", "INF Treaty", ("ДРСМД",), "INF"),
        "new-start": Treaty("new-start", "New START", ("СНВ-3",)),
        "open-skies-treaty": Treaty("open-skies-treaty", "Treaty on Open Skies", ("ДОН",)),
    },
    places={
        "brussels": Place("brussels", "Brussels", ("Брюссель",)),
        "moscow": Place("moscow", "Moscow", ("Москва",)),
        "geneva": Place("geneva", "Geneva", ("Женева",)),
    },
)

# Fiction in the house style of RIA Novosti: a stamp line, the "CITY, day mon – RIA Novosti."
# dateline, "в среду", names in oblique cases, «» quotes closed by "– сказал ...".
RIA_STYLE = """Грушко: Москва ждет письменного ответа альянса

12 января 2022, 19:51

БРЮССЕЛЬ, 12 янв – РИА Новости. Заместитель министра иностранных дел России Александр Грушко заявил в среду в Брюсселе, что Москва ждет от альянса письменного ответа на свои предложения.

«Мы не будем вести переговоры бесконечно, ответ нужен в ближайшие недели», – сказал Грушко журналистам после заседания Совета Россия–НАТО.

По словам Грушко, генеральный секретарь альянса Йенс Столтенберг предложил продолжить диалог. Столтенберг, в свою очередь, заявил: «Альянс готов к разговору, но не откажется от своих принципов».

Заместитель министра иностранных дел Сергей Рябков ранее обсуждал с коллегами в Женеве договор СНВ-3 и судьбу ДРСМД. Рябков считает, что без ДОВСЕ контроль над вооружениями в Европе ослаб.
"""

# Fiction in the house style of TASS: "CITY, day month. /TASS/.", "накануне", a quote with its
# attribution inside the marks ("..., – сказал он. – ..."), "подчеркнул генсек".
TASS_STYLE = """МИД РФ: Россия готова к диалогу в рамках ОДКБ

МОСКВА, 11 января. /ТАСС/. Министр иностранных дел России Сергей Лавров накануне провел переговоры с генеральным секретарем НАТО Йенсом Столтенбергом.

«Мы открыты для разговора, – сказал он. – Но наши предложения должны быть рассмотрены всерьез».

Столтенберг ответил, что союзники изучат российские идеи. «Диалог — это не слабость, а сила», – подчеркнул генсек.
"""

# Fiction in the house style of Interfax: "Москва. day month. INTERFAX.RU -", "вчера", a quote
# in straight marks after "заявил ...:", and a different Ivanov from the one people.yml holds.
INTERFAX_STYLE = """Москва. 14 мая. INTERFAX.RU - Россия вчера вышла из договора по открытому небу (ДОН), сообщили в МИД России.

Как заявил Сергей Иванов: "Решение принято после долгих консультаций с партнерами".
"""


def extract(text: str, published: str | None = None, url: str | None = None, catalog: Catalog = CATALOG):  # type: ignore[no-untyped-def]
    return extract_article(Article("case.txt", text, url=url, publisher="Test Wire", published=published), catalog)


def with_place(place: Place) -> Catalog:
    """The test catalog with one more known place."""
    return Catalog(
        people=CATALOG.people, organizations=CATALOG.organizations, treaties=CATALOG.treaties,
        places={**CATALOG.places, place.id: place},
    )


def test_language_is_read_from_the_text_or_declared() -> None:
    assert detect_language(RIA_STYLE) is RUSSIAN
    assert detect_language("NATO and Russia met in Brussels on Wednesday.") is ENGLISH
    # A few Russian words in an English story do not make it Russian.
    assert detect_language("The treaty, known in Moscow as ДОВСЕ, lapsed in 2007.") is ENGLISH
    assert detect_language("NATO met.", "ru") is RUSSIAN
    with pytest.raises(ValueError, match="'xx' is not supported"):
        detect_language("text", "xx")


@pytest.mark.parametrize(
    ("word", "dictionary_form"),
    [("Столтенберга", "столтенберг"), ("Лаврову", "лавров"), ("Грушко", "грушко"), ("Брюсселе", "брюссель")],
)
def test_a_name_in_any_case_has_its_dictionary_form(word: str, dictionary_form: str) -> None:
    assert dictionary_form in lemmas(word)


def test_name_parts_come_from_the_dictionary() -> None:
    assert name_part("Сергея") == ("Name", "Сергей")
    assert name_part("Захаровой") == ("Surn", "Захарова")
    assert name_part("Владимировича") == ("Patr", "Владимирович")
    assert name_part("Брюсселе") is None  # a place
    assert name_part("НАТО") is None
    # After a given name a word is a surname in the same case and gender, even one the
    # dictionary takes for a place; after a nominative given name it stands as written.
    assert name_part("Рябкова", "Сергея") == ("Surn", "Рябков")
    assert name_part("Новикова", "Петра") == ("Surn", "Новиков")
    assert name_part("Захаровой", "Марии") == ("Surn", "Захарова")
    assert name_part("Рябков", "Сергей") == ("Surn", "Рябков")


@pytest.mark.parametrize(
    ("given", "surname", "nominative"),
    [
        ("Сергея", "Кравеля", "Кравель"),  # a man's soft stem
        ("Германа", "Толма", "Толм"),
        ("Сергеем", "Кравелем", "Кравель"),
        ("Хавьера", "Мореды", "Мореда"),  # a man's surname in -а
        ("Ирины", "Подгорской", "Подгорская"),
        ("Ирину", "Подгорскую", "Подгорская"),
        ("Юлии", "Кравель", "Кравель"),  # a woman's surname in a consonant does not decline
        ("Мартти", "Ахтиляйнени", "Ахтиляйнени"),  # nor one in a vowel the case does not give
        ("Тони", "Уэстом", "Уэст"),  # a given name that does not decline: the surname's case
    ],
)
def test_a_surname_the_dictionary_lacks_is_declined_back_by_its_ending(given: str, surname: str, nominative: str) -> None:
    """Invented surnames, in the cases Russian agencies write them after a given name."""
    assert name_part(surname, given) == ("Surn", nominative)


@pytest.mark.parametrize(
    ("cyrillic", "english"),
    [
        ("Сергей Рябков", "Sergei Ryabkov"),
        ("Дмитрий Песков", "Dmitry Peskov"),
        ("Евгений Примаков", "Yevgeny Primakov"),
        ("Александр Грушко", "Alexander Grushko"),
        ("Николай Патрушев", "Nikolai Patrushev"),
        ("Сергей Шойгу", "Sergei Shoigu"),
        ("Юрий Ушаков", "Yury Ushakov"),
    ],
)
def test_transliteration_follows_the_usual_english_forms(cyrillic: str, english: str) -> None:
    assert transliterate(cyrillic) == english


@pytest.mark.parametrize(
    ("paragraph", "city"),
    [
        ("МОСКВА, 11 янв – РИА Новости. Текст новости.", "МОСКВА"),
        ("МОСКВА, 11 января. /ТАСС/. Текст новости.", "МОСКВА"),
        ("Москва. 11 января. INTERFAX.RU - Текст новости.", "Москва"),
        ("БРЮССЕЛЬ, 12 января 2022, 19:51 — REGNUM. Текст новости.", "БРЮССЕЛЬ"),
        # a translated article's dateline with the year written out
        ("Москва, 9 декабря 2002 года. Текст новости.", "Москва"),
        ("Москва, 9 декабря 2002 г. Текст новости.", "Москва"),
    ],
)
def test_russian_datelines(paragraph: str, city: str) -> None:
    found = find_dateline(paragraph, RUSSIAN)
    assert found is not None and found[0] == city and paragraph[found[1]:] == "Текст новости."


def test_an_english_dateline_reader_is_unchanged() -> None:
    assert find_dateline("МОСКВА, 11 янв – РИА Новости. Текст.") is None
    assert find_dateline("MOSCOW, August 2. /TASS/. The treaty lapsed today.", ENGLISH) is not None


def test_publication_dates_as_russian_agencies_write_them() -> None:
    stamp = find_publication_date(None, ["Заголовок", "12 января 2022, 19:51", "Текст."], None)
    assert stamp == PublicationDate(PartialDate(2022, 1, 12), "text: 12 января 2022")
    dateline = find_publication_date(None, ["МОСКВА, 11 янв – РИА Новости. Итоги 2022 года."], None)
    assert dateline is not None and dateline.date == PartialDate(2022, 1, 11)
    assert dateline.basis == "dateline: January 11, the latest year the text names (2022)"
    address = find_publication_date(None, ["Текст без даты."], "https://example.ru/politics/18/10/2021/abc")
    assert address is not None and address.date == PartialDate(2021, 10, 18)


def test_sentences_do_not_end_at_an_initial_or_an_abbreviation() -> None:
    text = "Об этом сообщил С. Лавров в 2022 г. в Москве. «Диалог продолжится», – сказал он."
    sentences = split_sentences(
        text, capitals=RUSSIAN.capitals, openers=RUSSIAN.sentence_openers,
        closers=RUSSIAN.sentence_closers, abbreviations=RUSSIAN.abbreviations,
    )
    assert [s.text for s in sentences] == ["Об этом сообщил С. Лавров в 2022 г. в Москве.", "«Диалог продолжится», – сказал он."]


def test_ria_style_article() -> None:
    result = extract(RIA_STYLE)
    event = result.event
    assert event.date.iso() == "2022-01-12"
    assert event.date_basis is not None
    assert (event.date_basis.phrase, event.date_basis.rule) == (
        "в среду", "latest Wednesday on or before the publication date 2022-01-12"
    )
    assert event.place == "brussels"
    assert event.title == "Грушко: Москва ждет письменного ответа альянса"
    assert event.id == "2022-01-12-grushko-moskva-zhdet-pismennogo-otveta-alyansa"
    assert [p.id for p in event.people] == ["alexander-grushko", "jens-stoltenberg", "sergei-ryabkov"]
    assert list(event.organizations) == ["nato-russia-council"]
    assert list(event.treaties) == ["new-start", "inf-treaty", "cfe-treaty"]
    assert [(q.speaker, q.lang, q.text[:20]) for q in event.quotes] == [
        ("alexander-grushko", "ru", "Мы не будем вести пе"),
        ("jens-stoltenberg", "ru", "Альянс готов к разго"),
    ]
    # A new person: named in English, with both spellings, found again by the surname alone.
    assert [(p.id, p.name, p.aliases) for p in result.people] == [
        ("sergei-ryabkov", "Sergei Ryabkov", ("Ryabkov", "Сергей Рябков", "Рябков"))
    ]
    assert dict(event.doubts)["title"] == dict(event.doubts)["summary"] == "in Russian, as the article writes it: write it in English"


def test_tass_style_article() -> None:
    event = extract(TASS_STYLE, published="2022-01-11").event
    assert event.date.iso() == "2022-01-10"
    assert event.date_basis is not None and event.date_basis.rule == "'the day before': 1 day before the publication date 2022-01-11"
    assert event.place == "moscow"
    assert [p.id for p in event.people] == ["sergey-lavrov", "jens-stoltenberg"]
    assert [(q.speaker, q.text) for q in event.quotes] == [
        ("sergey-lavrov", "Мы открыты для разговора, Но наши предложения должны быть рассмотрены всерьез"),
        ("jens-stoltenberg", "Диалог — это не слабость, а сила"),
    ]


def test_interfax_style_article() -> None:
    result = extract(INTERFAX_STYLE, url="https://www.interfax.ru/russia/2021/05/14/")
    event = result.event
    assert event.date.iso() == "2021-05-13"
    assert event.place == "moscow"
    assert list(event.treaties) == ["open-skies-treaty"]
    assert list(event.organizations) == ["russian-foreign-ministry"]
    # "Сергей Иванов" is not the Igor Ivanov of people.yml: a new person.
    assert [p.id for p in event.people] == ["sergei-ivanov"]
    assert [(q.speaker, q.text[:20]) for q in event.quotes] == [("sergei-ivanov", "Решение принято посл")]


def test_english_articles_keep_english_quotes_unmarked() -> None:
    event = extract(
        "BRUSSELS (Reuters) - NATO Secretary-General Jens Stoltenberg said on Wednesday the talks "
        "would go on. \"We remain ready to talk to Russia,\" Stoltenberg said.",
        published="2022-01-12",
    ).event
    assert [(q.speaker, q.lang) for q in event.quotes] == [("jens-stoltenberg", None)]
    assert "summary" not in dict(event.doubts)


def test_the_document_reads_its_language_words() -> None:
    doc = read_document(Article("case.txt", RIA_STYLE, publisher="Test Wire"), CATALOG)
    assert doc.lang is RUSSIAN
    assert doc.dateline is not None and doc.dateline[0] == "БРЮССЕЛЬ"
    assert [kind for kind, _, _ in doc.phrases_in(doc.sentences[0])] == ["weekday"]


# ---------------------------------------------------------------- through the command line


def _project_with(tmp_path, text: str, facts: dict) -> "Path":  # type: ignore[no-untyped-def]
    import shutil

    import yaml

    from conftest import FIXTURES

    shutil.copytree(FIXTURES / "chronology", tmp_path / "chronology")
    shutil.copytree(FIXTURES / "seeds", tmp_path / "seeds")
    (tmp_path / "seeds" / "ria.txt").write_text(text, encoding="utf-8")
    sources = tmp_path / "seeds" / "sources.yml"
    entries = yaml.safe_load(sources.read_text(encoding="utf-8")) | {"ria.txt": facts}
    sources.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return tmp_path


def test_extract_writes_a_russian_draft_that_validates(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import yaml

    from build_chronology import main

    root = _project_with(tmp_path, RIA_STYLE, {"url": "https://example.ru/x", "publisher": "Test Wire", "language": "ru"})
    assert main(["--root", str(root), "extract", "-q", "ria.txt"]) == 0
    [path] = sorted((root / "chronology/events").glob("2022-01-12-*.yml"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["title"] == "Грушко: Москва ждет письменного ответа альянса"
    assert data["summary"].startswith("Заместитель министра иностранных дел России Александр Грушко заявил")
    assert data["doubts"]["summary"] == "in Russian, as the article writes it: write it in English"
    assert data["date_basis"]["rule"] == "latest Wednesday on or before the publication date 2022-01-12"
    # The fixture's Stoltenberg is known by his Cyrillic alias; the offices are written in
    # English; the quotes keep their words.
    assert data["people"] == [
        {"id": "alexander-grushko", "role": "Russian Deputy Foreign Minister"},
        {"id": "jens-stoltenberg", "role": "NATO Secretary General"},
        {"id": "sergei-ryabkov", "role": "Deputy Foreign Minister"},
    ]
    assert [q.get("lang") for q in data["quotes"]] == ["ru", "ru"]
    assert data["quotes"][1] == {"speaker": "jens-stoltenberg", "text": "Альянс готов к разговору, но не откажется от своих принципов", "lang": "ru"}
    people = yaml.safe_load((root / "chronology/people.yml").read_text(encoding="utf-8"))
    assert people["alexander-grushko"]["name"] == "Alexander Grushko"
    assert people["alexander-grushko"]["aliases"] == ["Grushko", "Александр Грушко", "Грушко"]
    assert people["alexander-grushko"]["roles"][0]["title"] == "Russian Deputy Foreign Minister"
    # The draft itself validates; the new stubs wait for a person to complete them.
    capsys.readouterr()
    main(["--root", str(root), "validate"])
    problems = capsys.readouterr().err
    assert path.name not in problems
    assert all(line.startswith(("chronology/people.yml", "chronology/places.yml")) for line in problems.splitlines()[:-1])


def test_an_unknown_language_in_sources_is_an_error_with_its_place(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from build_chronology import main

    root = _project_with(tmp_path, RIA_STYLE, {"url": "https://example.ru/x", "language": "xx"})
    assert main(["--root", str(root), "validate"]) == 1
    assert "seeds/sources.yml: ria.txt.language: 'xx' is not one of en, ru" in capsys.readouterr().err


def test_a_translation_needs_the_language_of_the_original(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import yaml

    from build_chronology import main

    root = _project_with(tmp_path, RIA_STYLE, {"url": "https://example.ru/x"})
    event = {
        "id": "2022-01-12-test", "title": "Test", "date": "2022-01-12", "summary": "Test.",
        "quotes": [
            {"speaker": "jens-stoltenberg", "text": "Alliance ready", "translation": "Alliance ready"},
            {"speaker": "jens-stoltenberg", "text": "Альянс готов", "lang": "ru", "translation_source": "Example Wire"},
        ],
        "sources": [{"url": "https://example.ru/x"}], "provenance": "curated", "status": "draft",
    }
    (root / "chronology/events/2022-01-12-test.yml").write_text(yaml.safe_dump(event, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert main(["--root", str(root), "validate"]) == 1
    err = capsys.readouterr().err
    assert "chronology/events/2022-01-12-test.yml:8: quotes[0].translation: a translation needs the language of the original words: add `lang` (for example `lang: ru`)" in err
    assert "chronology/events/2022-01-12-test.yml:12: quotes[1].translation_source: names who translated, but the quote has no `translation`" in err


def test_known_names_are_found_in_any_case_and_abbreviations_only_in_capitals() -> None:
    matcher = CATALOG.lemma_matcher(lemmas)
    text = (
        "Сергею Лаврову и Йенсу Столтенбергу напомнили о заседании Совета Россия — НАТО, "
        "о СНВ-3, ДОВСЕ и ДОН. В российском МИДе и МИД Германии промолчали, на Дону было тихо, а Иванов молчал."
    )
    found = [(text[start:end], form.id) for start, end, form in matcher.find(text)]
    assert found == [
        ("Сергею Лаврову", "sergey-lavrov"),
        ("Йенсу Столтенбергу", "jens-stoltenberg"),
        ("Совета Россия — НАТО", "nato-russia-council"),
        ("СНВ-3", "new-start"),
        ("ДОВСЕ", "cfe-treaty"),
        ("ДОН", "open-skies-treaty"),
        ("МИДе", "russian-foreign-ministry"),
        ("Иванов", "igor-ivanov"),
    ]


@pytest.mark.parametrize(
    ("phrase", "kind", "expected"),
    [
        ("в среду", "weekday", "2022-01-12"),
        ("вчера", "dayword", "2022-01-11"),
        ("накануне", "dayword", "2022-01-11"),
        ("сегодня", "dayword", "2022-01-12"),
        ("на прошлой неделе", "period", "2022-01-03"),
        ("в пятницу, 7 января", "dm", "2022-01-07"),  # the date beside the weekday says which
        ("12 января 2022 года", "full_dm", "2022-01-12"),
        ("в декабре", "in_month", "2021-12"),
    ],
)
def test_russian_date_phrases_resolve_like_the_english_ones(phrase: str, kind: str, expected: str) -> None:
    [match] = list(RUSSIAN.date_phrase.finditer(phrase))
    assert match.lastgroup == kind
    resolved = RUSSIAN.resolve_phrase(kind, match[0], PartialDate(2022, 1, 12), tense="past")
    assert resolved is not None and resolved.date.iso() == expected
    assert resolved.rule.isascii()  # the rule is written in English


# Fiction in the house style of a Russian newspaper's website: the speaker in the sentence
# before the quote, "по его словам", a guillemet closed by a straight mark before the
# attribution, and "назвал «...»".
NEWSPAPER_STYLE = """Лавров ответил альянсу

Министр иностранных дел России Сергей Лавров в четверг выступил в Москве перед студентами. Лавров рассказал о переговорах с альянсом. «Мы не будем менять позицию под давлением, наши предложения остаются на столе», – добавил министр.

По его словам, «диалог возможен только на равных условиях и без предварительных требований».

«Россия готова обсуждать меры доверия в Европе", — говорится в заявлении, опубликованном после встречи. Генсек НАТО Йенс Столтенберг назвал это предложение «шагом в правильном направлении».
"""


def test_newspaper_style_quotes() -> None:
    event = extract(NEWSPAPER_STYLE, published="2022-01-13").event
    assert event.date.iso() == "2022-01-13"
    assert event.place == "moscow"
    assert [(q.speaker, q.text[:25]) for q in event.quotes] == [
        ("sergey-lavrov", "Мы не будем менять позици"),
        ("sergey-lavrov", "диалог возможен только на"),
        ("jens-stoltenberg", "шагом в правильном направ"),
    ]


def test_a_short_quote_with_the_speakers_name_after_it_is_a_quote() -> None:
    """Fiction in the house style of a Russian agency: a three-word formula in quotation marks,
    attributed by name after it, is the speaker's words."""
    text = (
        "Столтенберг: политика НАТО остается прежней\n\n"
        "БРЮССЕЛЬ, 7 окт – РИА Новости. Политика альянса в отношении России останется прежней – "
        "\"оборона и диалог\", подчеркнул Столтенберг на пресс-конференции в штаб-квартире НАТО."
    )
    event = extract_article(Article(file="x.txt", text=text, url="https://example.ru/20211007/1.html"), CATALOG).event
    assert [(quote.speaker, quote.text) for quote in event.quotes] == [("jens-stoltenberg", "оборона и диалог")]


def test_a_later_sentence_that_looks_ahead_does_not_date_the_news() -> None:
    """Fiction in the house style of a Moscow news site: the lead reports what happened
    without a date, and the next sentence looks ahead to a ceremony. The news is the report,
    on the day of publication, and the draft says so."""
    text = (
        "Черногория стала членом НАТО\n\n"
        "5 июня 2017, 21:40\n\n"
        "Черногория официально стала членом НАТО. Глава МИД страны передал документ о "
        "присоединении в Вашингтоне.\n\n"
        "7 июня флаги страны поднимут у штаб-квартиры альянса."
    )
    event = extract_article(Article(file="x.txt", text=text), CATALOG).event
    assert event.date == PartialDate(2017, 6, 5)
    assert "announcement" in dict(event.doubts)["date"]


def test_quote_forms_of_russian_papers() -> None:
    """Fiction in the house style of Russian papers: an attribution inside the quote marks with
    a hyphenated word after the verb, a foreign minister whose names the dictionary does not
    hold, "по мнению" and an imperfective "отвечала ... фразой:"."""
    text = (
        "Совет Россия-НАТО: итоги заседания\n\n"
        "БРЮССЕЛЬ, 8 июн – РИА Новости. «Мы подтвердили приверженность сотрудничеству, – заметил "
        "Расмуссен на пресс-конференции. – Разногласия остаются».\n\n"
        "«Решение России о моратории – плохая новость для всех», – заявил министр иностранных дел "
        "Испании Мигель Моратинос.\n\n"
        "По мнению Рогозина, совету надо переходить \"от дипломатических действий к политическим решениям\".\n\n"
        "Официальный представитель альянса Оана Лунгеску отвечала журналистам одной фразой: "
        "«Мы приняли к сведению эти высказывания и ждем официальных сообщений»."
    )
    catalog = Catalog(
        people={
            **CATALOG.people,
            "anders-fogh-rasmussen": Person("anders-fogh-rasmussen", "Anders Fogh Rasmussen", ("Rasmussen", "Расмуссен")),
            "dmitry-rogozin": Person("dmitry-rogozin", "Dmitry Rogozin", ("Rogozin", "Рогозин")),
        },
        organizations=CATALOG.organizations, treaties=CATALOG.treaties, places=CATALOG.places,
    )
    event = extract_article(Article(file="x.txt", text=text, url="https://example.ru/20110608/1.html"), catalog).event
    speakers = [(quote.speaker, quote.text[:12]) for quote in event.quotes]
    assert speakers[:3] == [
        ("anders-fogh-rasmussen", "Мы подтверди"),
        ("migel-moratinos", "Решение Росс"),
        ("dmitry-rogozin", "от дипломати"),
    ]
    assert speakers[3][1] == "Мы приняли к" and speakers[3][0].endswith("lungesku")


def test_a_radio_transcript_in_capitals() -> None:
    """Fiction in the house style of a Moscow radio station's transcript: the host and the guest
    are introduced in the first turn, and each turn is labelled with an initial and the surname
    in capitals; a short answer is the guest's words too."""
    text = (
        "Программа «Итоги недели» – 2012-04-11\n"
        "А.ПРИМЕРОВА: Здравствуйте, это программа «Итоги недели», я ведущая, Анна Примерова, наш гость – "
        "директор информационного бюро НАТО в Москве Роберт Образцов. Правда ли, что в Ульяновске будет база?\n"
        "Р.ОБРАЗЦОВ: Это неправда, никакой базы не будет.\n"
        "А.ПРИМЕРОВА: Вы уверены?\n"
        "Р.ОБРАЗЦОВ: Совершенно уверен."
    )
    event = extract_article(Article(file="x.txt", text=text, url="https://example.ru/2012/04/11/1.html"), CATALOG).event
    guest = [quote.text for quote in event.quotes if quote.speaker.endswith("obraztsov")]
    assert guest == ["Это неправда, никакой базы не будет.", "Совершенно уверен."]


def test_a_quote_the_page_cuts_off_is_still_a_quote() -> None:
    """A page copy that ends inside a quote: its opening mark never closes, and it is still
    the speaker's words. Fiction in the house style of a Russian news site; no real byline."""
    text = (
        "Постпред обещает настаивать на ответе альянса\n\n"
        "БРЮССЕЛЬ, 4 апреля. Постоянный представитель России при НАТО Дмитрий Рогозин "
        "потребовал сегодня от альянса ясного ответа.\n\n"
        '"Мы будем добиваться, чтобы альянс определился с позицией, - пообещал Рогозин. - '
        "Если этот вопрос будут откладывать, то"
    )
    event = extract(text, published="2009-04-04").event
    assert [q.speaker for q in event.quotes] == ["dmitry-rogozin"]
    assert event.quotes[0].text.startswith("Мы будем добиваться")


def test_a_colon_hands_the_quote_to_the_one_person_named() -> None:
    """«Лавров дал оценку ...: «...»»: no speech verb, a colon, and one person in the sentence.
    Fiction in the house style of a Russian regional news site; no real byline."""
    text = (
        "Лавров оценил новый совет\n\n"
        "РИМ, 28 мая. Лидеры стран альянса и России подписали сегодня декларацию о новом совете.\n\n"
        "Лавров дал оценку созданию совета: «Россия и альянс теперь будут решать общие задачи вместе».\n"
    )
    event = extract(text, published="2002-05-28").event
    assert [q.speaker for q in event.quotes] == ["sergey-lavrov"]


def test_a_television_transcript_names_its_speaker_in_capitals_with_the_office() -> None:
    """«СЕРГЕЙ ЛАВРОВ, министр иностранных дел России: ...»: a broadcaster's transcript gives
    the speaker's full name in capitals and the office after a comma. Fiction in the house
    style of a Russian television channel's website; no real byline."""
    text = (
        "Лавров поедет на совет\n\n"
        "На пресс-конференции в Москве министр ответил на вопрос о предстоящем заседании совета.\n\n"
        "СЕРГЕЙ ЛАВРОВ, министр иностранных дел России: Я поеду на заседание совета, которое "
        "состоится в Брюсселе в конце месяца.\n"
    )
    event = extract(text, published="2010-10-19").event
    assert [q.speaker for q in event.quotes] == ["sergey-lavrov"]
    assert event.quotes[0].text.startswith("Я поеду на заседание")


def test_a_name_and_patronymic_without_a_surname_is_no_new_person() -> None:
    """«Владимир Владимирович изложил ...»: a known person addressed by name and patronymic is
    not a new person called "Vladimir Vladimirovich"; «Александр Лукашевич» is a surname in
    -вич. Fiction in the house style of a Russian television interview's transcript."""
    text = (
        "Министр прокомментировал выступление президента\n\n"
        "МОСКВА, 6 марта. Министр иностранных дел Игорь Иванов сказал сегодня, что "
        "Владимир Владимирович изложил известную позицию России. Официальный представитель "
        "министерства Александр Лукашевич добавил, что позиция не изменилась.\n"
    )
    people = {person.id for person in extract(text, published="2000-03-06").event.people}
    assert "vladimir-vladimirovich" not in people
    assert "aleksandr-lukashevich" in people or "alexander-lukashevich" in people


def test_latin_words_and_abbreviations_are_no_new_people() -> None:
    """«сообщает ИА REGNUM», «пишет The Morning Example»: an agency's abbreviation and a
    paper's Latin name after a speech verb are not a person. Fiction in the house style of a
    Russian news site's relay of an agency report."""
    text = (
        "Постпред прокомментировал решение альянса\n\n"
        "БРЮССЕЛЬ, 23 октября. Постоянный представитель России при альянсе заявил сегодня, что "
        "совет не соберется до конца года, сообщает ИА REGNUM. Об этом также пишет The Morning "
        "Example со ссылкой на источники.\n"
    )
    people = {person.id for person in extract(text, published="2008-10-23").event.people}
    assert not any("regnum" in key or "morning" in key for key in people)


def test_warned_demanded_and_convinced_report_speech() -> None:
    """«предостерег ... от "..."», «потребовал», «убежден, что "..."»: Russian verbs of warning,
    demanding and conviction introduce a speaker's words. Fiction in the house style of a
    Russian news agency; no real byline."""
    text = (
        "Постпред предостерег альянс\n\n"
        "БРЮССЕЛЬ, 4 апреля. Министр иностранных дел России Сергей Лавров предостерег "
        'руководство альянса от "продолжения демонстративной поддержки режима в Тбилиси".\n\n'
        'Министр убежден, что "в любом случае диалог с альянсом будет продолжен в этом году".\n'
    )
    event = extract(text, published="2009-04-04").event
    assert [q.speaker for q in event.quotes] == ["sergey-lavrov", "sergey-lavrov"]


def test_a_quote_paragraph_after_a_bodys_statement_is_that_bodys_and_doubted() -> None:
    """«..., говорится в заявлении, принятом министрами НАТО.» then a paragraph that is only a
    quote: the body's words, with a doubt. Fiction in the house style of a Ukrainian
    Russian-language news site; no real byline."""
    text = (
        "Альянс приостановил сотрудничество\n\n"
        "БРЮССЕЛЬ, 1 апреля. Альянс приостанавливает практическое сотрудничество с Россией, "
        "говорится в заявлении, принятом министрами иностранных дел НАТО.\n\n"
        '"Мы решили приостановить все практическое гражданское и военное сотрудничество."\n'
    )
    event = extract(text, published="2014-04-01").event
    assert [q.speaker for q in event.quotes] == ["nato"]
    assert "quotes[0].speaker" in dict(event.doubts)


def test_a_quote_paragraph_after_a_verb_then_the_speakers_name() -> None:
    """«..., предупредил министр Сергей Лавров.» then a paragraph that is only a quote: his
    words, as when the name comes before the verb; and «по его выражению, "..."». Fiction in
    the house style of a St Petersburg city paper; no real byline."""
    text = (
        "В МИД предупредили альянс\n\n"
        "МОСКВА, 7 марта. Об опасности такого шага предупредил министр иностранных дел России "
        "Сергей Лавров.\n\n"
        '"Считаем крайне опасными попытки привнести в ситуацию военный фактор."\n\n'
        'Миссия альянса в Москве станет, по его выражению, "второй половиной единого целого".\n'
    )
    event = extract(text, published="2014-03-07").event
    assert [q.speaker for q in event.quotes] == ["sergey-lavrov", "sergey-lavrov"]


def test_a_speaker_label_on_its_own_line_above_the_first_words_is_kept() -> None:
    """A presidential transcript: heading, date and place, then «С.Лавров:» alone on a line,
    a short greeting, and the speech. The label is kept and starts the text, so the words
    have their speaker. Fiction in the house style of an official Russian transcript."""
    text = (
        "Начало встречи с Генеральным секретарем альянса\n\n"
        "8 апреля 2004 года, Москва\n\n"
        "С.Лавров:\n\n"
        "Уважаемый господин Генеральный секретарь, уважаемые коллеги!\n\n"
        "Мне очень приятно приветствовать Вас в Москве. Я надеюсь, что начало, положенное два "
        "года назад, будет развиваться, и мы со своей стороны намерены делать для этого все.\n"
    )
    event = extract(text, published="2004-04-08").event
    assert {q.speaker for q in event.quotes} == {"sergey-lavrov"}
    assert "sergey-lavrov" in {p.id for p in event.people}


def test_quotes_before_a_sentence_that_points_back_to_them_are_its_speakers() -> None:
    """«... – "...", показывающее, что "...". Об этом заявил журналистам ... Столтенберг.»: the
    sentence after points back ("об этом") and names the speaker. Fiction in the house style of
    a Moscow news site; no real byline."""
    text = (
        "Генсек альянса прибыл в Москву\n\n"
        'МОСКВА, 12 мая. Предстоящая встреча послов - "важное событие для всей Европы", '
        'показывающее, что "диалог по-прежнему нужен обеим сторонам". Об этом заявил журналистам '
        "генеральный секретарь НАТО Йенс Столтенберг по прибытии в российскую столицу.\n"
    )
    event = extract(text, published="2019-05-12").event
    assert [q.speaker for q in event.quotes] == ["jens-stoltenberg", "jens-stoltenberg"]
    assert not any(path.startswith("quotes") for path, _ in event.doubts)


def test_this_year_and_a_named_month_do_not_date_a_report_of_the_day() -> None:
    """«в этом году» frames a time and «в феврале» is background: a report dated to the day whose
    lead gives no day is dated by the report. Fiction in the house style of a Moscow daily."""
    text = (
        "Послы встретятся снова\n\n"
        "Совет Россия–НАТО, заседания которого были прерваны в феврале, в этом году возобновит работу, "
        "сообщили дипломатические источники.\n"
    )
    event = extract(text, published="2000-05-25").event
    assert event.date == PartialDate(2000, 5, 25)


def test_an_office_after_the_verb_speaks_even_with_its_organization_and_a_reflexive_verb() -> None:
    """«...», - отметил генсек НАТО: the office, not the alliance, speaks; «...», - высказался
    he: a reflexive verb of speech. Fiction in the house style of a Moscow daily; no byline."""
    text = (
        "Генсек альянса о диалоге\n\n"
        "МОСКВА, 17 февраля. Генеральный секретарь НАТО Йенс Столтенберг выступил в Мюнхене.\n\n"
        '"Мы ведем диалог по контролю над вооружениями и по снижению рисков", - отметил генсек НАТО.\n\n'
        "«На сегодняшний день у нас нет общей позитивной повестки дня», - высказался замминистра "
        "иностранных дел России Александр Грушко.\n"
    )
    event = extract(text, published="2020-02-17").event
    assert [q.speaker for q in event.quotes] == ["jens-stoltenberg", "alexander-grushko"]


def test_a_newspaper_dateline_with_a_date_and_no_agency() -> None:
    """«МОСКВА, 17 февраля. ...»: a newspaper's dateline has no agency after the date; with no
    date («Москва. ...») a line is no dateline."""
    assert find_dateline("МОСКВА, 17 февраля. Генсек НАТО выступил в Мюнхене.", RUSSIAN) == ("МОСКВА", 20)
    assert find_dateline("Москва. Генсек НАТО выступил в Мюнхене.", RUSSIAN) is None


def test_straight_marks_nest_inside_straight_marks() -> None:
    """"Считаем опасными попытки привнести "фактор НАТО", который ..." - заявил ...: a straight
    mark after a space and before a word opens an inner quote inside the outer one, so the
    outer quote keeps its words and its speaker. Fiction in the house style of Interfax; no
    byline."""
    text = (
        "Грушко предостерег альянс\n\n"
        "МОСКВА, 7 марта. Интерфакс - Замминистра иностранных дел Александр Грушко предостерег альянс.\n\n"
        '"Считаем крайне опасными попытки привнести в сложную ситуацию "фактор НАТО", который создает '
        'дополнительную напряженность в регионе", - заявил Грушко журналистам в четверг.\n'
    )
    event = extract(text, published="2014-03-07").event
    assert [(q.speaker, q.text.split()[0]) for q in event.quotes] == [("alexander-grushko", "Считаем")]
    assert '"фактор НАТО"' in event.quotes[0].text


def test_a_kremlin_transcript_opening_with_a_greeting() -> None:
    """«В.Путин: Уважаемый господин Генеральный секретарь!» on the first line, «Уважаемые
    коллеги!» on the next: the greeting is the first words of Putin's turn, not a headline,
    and goes on into the paragraph below; the place is read from the first paragraph of prose.
    «Дж.Робертсон:» (a two-letter initial) labels a turn too. Fiction in the house style of a
    Kremlin transcript."""
    catalog = Catalog(
        people={
            **CATALOG.people,
            "vladimir-putin": Person("vladimir-putin", "Vladimir Putin", ("Putin", "Владимир Путин", "Путин")),
            "george-robertson": Person("george-robertson", "George Robertson", ("Robertson", "Джордж Робертсон", "Робертсон")),
        },
        organizations=CATALOG.organizations,
        treaties=CATALOG.treaties,
        places=CATALOG.places,
    )
    text = (
        "В.Путин: Уважаемый господин Генеральный секретарь!\n"
        "Уважаемые коллеги!\n"
        "Позвольте мне приветствовать вас в Москве. Отношения в рамках Совета Россия–НАТО развиваются, "
        "и мы довольны тем, как идет эта работа в группах экспертов.\n"
        "Дж.Робертсон: Спасибо, господин Президент, за теплый прием и за эту встречу в Кремле.\n"
    )
    article = Article(file="case.txt", text=text, url=None, publisher="Президент России", published="2002-12-09")
    event = extract_article(article, catalog).event
    turns = [(q.speaker, " ".join(q.text.split()[:4])) for q in event.quotes]
    assert turns[0] == ("vladimir-putin", "Уважаемый господин Генеральный секретарь!")
    assert ("george-robertson", "Спасибо, господин Президент, за") in turns
    assert event.place == "moscow"


def test_a_day_the_lead_looks_forward_to_is_in_the_future() -> None:
    """«встретятся в пятницу» is the Friday to come; «завтра» is the day after the publication.
    Fiction in the house style of RIA Novosti; no byline."""
    event = extract(
        "Послы встретятся в пятницу\n\n"
        "МОСКВА, 19 мар - РИА Новости. Послы России и стран НАТО встретятся в пятницу в Брюсселе, "
        "сообщил в среду замминистра иностранных дел Александр Грушко.\n",
        published="1997-03-19",
    ).event
    assert event.date == PartialDate(1997, 3, 19)  # the announcement, on Wednesday
    tomorrow = extract(
        "Послы встретятся завтра\n\n"
        "Послы России и стран НАТО завтра проведут заседание Совета Россия-НАТО в Брюсселе.\n",
        published="2019-03-19",
    ).event
    assert tomorrow.date == PartialDate(2019, 3, 20)


def test_the_line_under_a_transcript_heading_gives_the_venue() -> None:
    """«8 апреля 2004 года, Москва, Кремль» on a line of its own under the heading: the day and
    the venue of the meeting the transcript records. Fiction in the house style of a Kremlin
    transcript."""
    text = (
        "Президент России — официальный сайт\n\n"
        "Выступления и стенограммы   /\n\n"
        "Начало встречи с Генеральным секретарем НАТО\n\n"
        "8 апреля 2004 года, Москва, Кремль\n\n"
        "С.Лавров: Уважаемый господин Генеральный секретарь, мы рады снова видеть вас и обсудить "
        "с вами работу Совета Россия-НАТО за прошедший год.\n\n"
        "Надеюсь, что сегодняшняя встреча будет полезной для обеих сторон и для всей Европы.\n"
    )
    event = extract(text).event
    assert event.date == PartialDate(2004, 4, 8)
    assert event.place == "moscow"


def test_a_stamp_in_the_english_order_with_russian_month_names() -> None:
    stamp = find_publication_date(None, ["Заголовок", "12:27 Янв. 5, 2022", "Текст."], None)
    assert stamp is not None and stamp.date == PartialDate(2022, 1, 5)


def test_a_page_without_a_year_is_dated_by_the_office_its_russian_text_writes() -> None:
    """"генеральный секретарь НАТО Йенс Столтенберг" on a page with no year: the year is
    guessed within that office (from 2014), not his years as Norway's prime minister; and
    "Сергея Скрипаля" is no form of the surname of Igor Sergeyev, a defence minister of the
    1990s, though the dictionary offers "Сергей" for both. Fiction in the house style of a
    regional news agency."""
    from chrono.model import Role

    people = {
        **CATALOG.people,
        "jens-stoltenberg": Person(
            "jens-stoltenberg", "Jens Stoltenberg", ("Stoltenberg", "Йенс Столтенберг", "Столтенберг"),
            roles=(
                Role("Prime Minister of Norway", PartialDate(2000, 3, 3), PartialDate(2001, 10, 19)),
                Role("NATO Secretary General", PartialDate(2014, 10, 1), PartialDate(2024, 10, 1)),
            ),
        ),
        "igor-sergeyev": Person(
            "igor-sergeyev", "Igor Sergeyev", ("Sergeyev", "Игорь Сергеев"),
            roles=(Role("Minister of Defence of Russia", PartialDate(1997, 5, 22), PartialDate(2001, 3, 28)),),
        ),
    }
    catalog = Catalog(people=people, organizations=CATALOG.organizations, places=CATALOG.places)
    text = (
        "Рига, 29 марта, Тест-Информ. Альянс высылает семерых российских дипломатов из-за дела об "
        "отравлении Сергея Скрипаля, заявил генеральный секретарь НАТО Йенс Столтенберг.\n"
    )
    event = extract_article(Article("case.txt", text, url=None, publisher="Test Wire", published=None), catalog).event
    assert event.date.year >= 2014
    assert "igor-sergeyev" not in {person.id for person in event.people}


def test_the_place_a_statement_was_made_or_a_meeting_held_in_a_later_sentence() -> None:
    """No dateline, and the lead's first sentence names no place: "сказал генсек НАТО,
    выступая в Брюсселе" says where he spoke; "на о.Корфу" (an island, abbreviated) where
    the ministers met. Fiction in the house style of a Russian news portal."""
    spoke = (
        "Генсек НАТО разочарован решением Москвы\n\n"
        "Генеральный секретарь НАТО Йенс Столтенберг назвал ошибкой решение России приостановить диалог. "
        "«Это очень разочаровывает», - сказал генсек НАТО, выступая в Брюсселе.\n"
    )
    assert extract(spoke, published="2021-10-19").event.place == "brussels"
    met = (
        "Министры вернулись к диалогу\n\n"
        "Министры иностранных дел России и стран НАТО впервые за год обсудили вопросы безопасности. "
        "Заседание Совета Россия-НАТО прошло на о.Корфу.\n"
    )
    corfu = with_place(Place("corfu", "Corfu", ("Корфу",)))
    assert extract(met, published="2009-06-27", catalog=corfu).event.place == "corfu"


def test_a_summit_still_to_come_is_not_where_the_statement_was_made() -> None:
    """«приглашение посетить саммит НАТО в Лиссабоне, который пройдет 19-20 ноября»: the
    summit is ahead of the report, so Lisbon is not where the invitation was sent from; the
    same sentence about a summit that was held names its venue. Fiction in the house style of
    a Russian news portal."""
    lisbon = with_place(Place("lisbon", "Lisbon", ("Лиссабон",)))
    ahead = (
        "Россию пригласили на саммит\n\n"
        "Генсек НАТО в понедельник направил российскому руководству официальное приглашение. "
        "Речь идет о саммите НАТО в Лиссабоне, который пройдет 19-20 ноября.\n"
    )
    assert extract(ahead, published="2010-09-27", catalog=lisbon).event.place is None
    held = ahead.replace("идет", "шла").replace("который пройдет 19-20 ноября", "который прошел в субботу")
    assert extract(held, published="2010-11-22", catalog=lisbon).event.place == "lisbon"


def test_a_quote_in_guillemets_runs_over_paragraphs_to_its_attribution() -> None:
    """«... возрастает.\\n\\nНаращиваются ...», — сказал министр: the Russian convention for a
    long quote opens the guillemet once and closes it in the last paragraph, before the
    attribution. The quote after it is another speaker's. Fiction in the house style of a
    Russian news site."""
    text = (
        "Министр: альянс наращивает силы у границ\n\n"
        "Министр иностранных дел России Сергей Лавров выступил в среду в Государственной думе. "
        "«Военная активность альянса вблизи наших границ с каждым годом возрастает.\n\n"
        "Наращиваются наземные и морские группировки блока», — сказал Лавров.\n\n"
        "Его заместитель Александр Грушко разъяснил, что Москва ждет ответа: \"Ни одна организация "
        "не должна претендовать на монополию в вопросах безопасности\".\n"
    )
    event = extract(text, published="2021-10-20").event
    assert [(q.speaker, q.text.split()[0], q.text.split()[-1]) for q in event.quotes] == [
        ("sergey-lavrov", "Военная", "блока"),
        ("alexander-grushko", "Ни", "безопасности"),
    ]


def test_a_lead_that_looks_forward_is_dated_by_its_announcement() -> None:
    """"На саммите 14 июня будет принята программа ..." and then "..., сообщил генсек" (or,
    in the next paragraph, "Об этом заявили в альянсе"): the news is the announcement, on
    the day of the report, not the summit to come. Fiction in the house style of a
    broadcaster's Russian service."""
    said = (
        "Альянс примет новую программу\n\n"
        "6 июня 2021 г.\n\n"
        "На саммите альянса 14 июня будет принята программа до 2030 года. В отношении России альянс "
        "намерен сочетать сдерживание и диалог, сообщил Йенс Столтенберг.\n"
    )
    assert extract(said).event.date == PartialDate(2021, 6, 6)
    pointed_back = (
        "Заседание продлится около трех часов\n\n"
        "5 января 2022, 12:27\n\n"
        "Встреча, запланированная на 12 января, пройдет в Брюсселе.\n\n"
        "Об этом заявили в Североатлантическом альянсе.\n"
    )
    assert extract(pointed_back).event.date == PartialDate(2022, 1, 5)


def test_a_numeric_stamp_on_a_russian_page_is_read_day_first() -> None:
    stamp = find_publication_date(None, ["Заголовок", "06/10/2021 - 17:32 (по МСК)", "Текст."], None)
    assert stamp is not None and stamp.date == PartialDate(2021, 10, 6)


def test_a_foreign_name_after_an_office_in_the_nominative_stands_as_written() -> None:
    """"заявила официальный представитель альянса Оана Лунгеску": the name is in apposition to
    an office in the nominative, so "Оана" is her name, not "Оан" in the genitive. Fiction in
    the house style of a Russian agency's feed."""
    text = (
        "В НАТО ответили Москве\n\n"
        "БРЮССЕЛЬ, 18 окт – РИА Новости. Альянс сожалеет о решении России, заявила "
        "официальный представитель альянса Оана Лунгеску.\n"
    )
    extraction = extract(text, published="2021-10-18")
    names = {person.id: person for person in extraction.people}
    assert "oana-lungesku" in names and "Оана Лунгеску" in names["oana-lungesku"].aliases


def test_a_quote_from_a_bodys_document_is_the_bodys() -> None:
    """"В заявлении МИДа говорится, что ... «...»" and a quote opening the sentence after
    "В документе, принятом вчера, говорится ...": the ministry's words. Fiction in the house
    style of a Russian daily."""
    text = (
        "Москва ответила альянсу\n\n"
        "МОСКВА, 12 дек – РИА Новости. В заявлении МИД России говорится, что Москва прекращает "
        "обмен данными. «Россия не будет связана ограничениями до отмены моратория», – "
        "уточняется далее.\n\n"
        "Текст ответа ведомства опубликован на сайте. В документе, принятом вчера, говорится о "
        "новых шагах. «Дальнейшие действия будут зависеть от позиции партнеров по договору».\n"
    )
    event = extract(text, published="2007-12-12").event
    speakers = [(quote.speaker, quote.text[:12]) for quote in event.quotes]
    assert speakers == [
        ("russian-foreign-ministry", "Россия не бу"),
        ("russian-foreign-ministry", "Дальнейшие д"),
    ]


def test_a_foreign_surname_in_an_oblique_case_is_the_person_named_before() -> None:
    """"Норберт Рёттген" first, then "По словам Рёттгена, «...»": a surname no dictionary
    knows, in the genitive, is still his. Fiction in the house style of a foreign broadcaster's
    Russian service."""
    text = (
        "В бундестаге ждут разъяснений\n\n"
        "БЕРЛИН, 13 июл – РИА Новости. Совет Россия-НАТО нужно созвать как можно скорее, заявил в "
        "среду депутат бундестага Норберт Рёттген.\n\n"
        "По словам Рёттгена, «альянс должен объяснить Москве свои решения напрямую».\n"
    )
    event = extract(text, published="2016-07-13").event
    assert [(quote.speaker, quote.text[:6]) for quote in event.quotes] == [("norbert-ryottgen", "альянс")]


def test_an_office_after_the_verb_may_follow_an_adverb_or_an_adjective() -> None:
    """"– заявил вчера министр журналистам", "– сказал российский постпред": the office still
    stands for the last person named before the quote, not for one named inside it. Fiction in
    the house style of a Russian daily."""
    text = (
        "Постпред ответил альянсу\n\n"
        "МОСКВА, 11 ноя – РИА Новости. Постоянный представитель России при НАТО Александр Грушко "
        "прокомментировал визит послов альянса в Тбилиси.\n\n"
        "«Сказать об этом нечего, Лавров уже дал оценку», – сказал российский постпред.\n\n"
        "Глава МИД Сергей Лавров высказался резче. «Уступок нашей дипломатией сделано уже достаточно», – заявил "
        "вчера министр журналистам.\n\n"
        "«Решения альянса ничего не меняют в наших отношениях», – утверждает министр.\n"
    )
    event = extract(text, published="2011-11-11").event
    assert [(quote.speaker, quote.text[:8]) for quote in event.quotes] == [
        ("alexander-grushko", "Сказать "),
        ("sergey-lavrov", "Уступок "),
        ("sergey-lavrov", "Решения "),
    ]


def test_a_correspondent_named_in_the_dateline_is_no_person_of_the_event() -> None:
    """"БРЮССЕЛЬ, 30 авг – РИА Новости, Иван Примеров." credits the agency's correspondent
    (an invented name): he is neither in the title nor among the people. Fiction in the house
    style of a Russian agency's feed."""
    text = (
        "БРЮССЕЛЬ, 30 авг – РИА Новости, Иван Примеров. НАТО направит двух экспертов на учения "
        "\"Запад\", сообщил РИА Новости официальный представитель альянса Петр Образцов.\n"
    )
    event = extract(text, published="2017-08-30").event
    assert "Примеров" not in event.title
    assert [person.id for person in event.people] == ["pyotr-obraztsov"]


def test_po_ego_mneniyu_gives_the_quote_to_the_person_before() -> None:
    """Fiction in the house style of a Russian news agency: «По его мнению, ... «...»» is the
    opinion of the person the sentence before has speaking, as «по его словам» is."""
    text = (
        "Грушко: диалог с альянсом идет\n\n"
        "МОСКВА, 3 окт – РИА Новости. Постпред России при НАТО Александр Грушко заявил в "
        "понедельник, что диалог с альянсом продолжается.\n\n"
        "По его мнению, стороны смогли добиться прогресса по ряду направлений, тем не менее, "
        "«это не прорывные проекты, которых все ждали».\n"
    )
    event = extract(text, published="2011-10-03").event
    assert [(q.speaker, q.text[:20]) for q in event.quotes] == [("alexander-grushko", "это не прорывные про")]
    # "его" is the speaker: a name after the words is what he speaks of, not who speaks
    about_another = text.replace("стороны смогли", "Йенс Столтенберг и его коллеги смогли")
    quotes = extract(about_another, published="2011-10-03").event.quotes
    assert [q.speaker for q in quotes] == ["alexander-grushko"]


def test_a_later_day_the_next_sentence_confirms_is_the_news_of_the_confirmation() -> None:
    """Fiction in the style of a news feed: the lead names a step due next month, and the
    sentence after it says the minister confirmed it ("подтвердил"); the news is his
    confirmation, on the day of the report, not the day of the step."""
    text = (
        "Россия выйдет из договора 12 декабря. Это в очередной раз подтвердил министр "
        "иностранных дел России Сергей Лавров после встречи с коллегами.\n"
        "По его словам, решение окончательное.\n"
    )
    event = extract(text, published="2007-11-15").event
    assert event.date == PartialDate(2007, 11, 15)


def test_a_colon_hands_the_quote_to_the_person_named_in_the_nominative() -> None:
    """Fiction in the style of a daily's report: no speech verb, each quote opened by a colon
    after two people, one in the nominative (who speaks), one not (who is praised)."""
    text = (
        "Министры не договорились\n"
        "Брюссель, 14 мая. Прогресса на встрече в Брюсселе не было. Сергей Лавров ограничился тем, что хвалил "
        "Столтенберга: \"Генеральный секретарь сделал для этой встречи все, что мог\", а Столтенберг — тем, что "
        "хвалил Лаврова: \"Министр твердо и честно отстаивал интересы своей страны\".\n"
    )
    event = extract(text, published="2015-05-14").event
    assert [quote.speaker for quote in event.quotes] == ["sergey-lavrov", "jens-stoltenberg"]


def test_a_known_surname_after_another_persons_name_is_the_speaker() -> None:
    """Fiction in the style of an agency item: a guest named with given name and surname in
    the instrumental, right before the known speaker's surname in the nominative. The known
    surname starts its own name, and the nominative before the verb is its subject."""
    text = (
        "Лавров ответил альянсу\n"
        "МОСКВА, 14 мая. В ходе совместной пресс-конференции с министром Испании Хавьером Моредой Лавров "
        "заявил, что «альянс должен услышать наши предложения по безопасности».\n"
    )
    event = extract(text, published="2015-05-14").event
    assert [quote.speaker for quote in event.quotes] == ["sergey-lavrov"]
    assert [person.id for person in event.people] == ["khavyer-moreda", "sergey-lavrov"]


def test_a_foreign_surname_that_does_not_decline_stays_as_written() -> None:
    """Fiction: an invented Finnish minister, his given name declined ("Юххой") and his
    surname in -а left as written, as Russian agencies write such names."""
    text = (
        "Лавров встретился с финским коллегой\nМОСКВА, 14 мая. Министр иностранных дел России Сергей Лавров "
        "провел переговоры с министром иностранных дел Финляндии Юххой Каллерва.\n"
    )
    event = extract(text, published="2015-05-14").event
    assert [person.id for person in event.people] == ["sergey-lavrov", "yukhkha-kallerva"]


def test_a_russian_page_without_a_year_is_dated_by_the_known_event_its_own_words_report() -> None:
    """Fiction in the style of a regional agency's item copied without its year: the
    chronology's two events with the secretary general in Brussels share his name and the
    place with the page alike; only the page's words («высылает семерых ... дипломатов»), read
    as the English title's words (expels, seven, diplomats), tell which one it reports."""
    from chrono.model import Event, PersonRole

    def known(day: str, title: str) -> Event:
        return Event(
            id=f"{day}-known", title=title, date=PartialDate.parse(day), summary=title,
            provenance="curated", status="reviewed", place="brussels",
            people=(PersonRole("jens-stoltenberg", None),),
        )

    events = (
        known("2016-04-20", "NATO-Russia Council meets for the first time since June 2014"),
        known("2018-03-27", "NATO expels seven Russian diplomats from its headquarters"),
    )
    text = (
        "Альянс высылает дипломатов\n\n"
        "Альянс высылает семерых российских дипломатов, заявил в Брюсселе Йенс Столтенберг.\n"
    )
    article = Article("case.txt", text, url=None, publisher="Test Wire", published=None)
    event = extract_article(article, CATALOG, events).event
    assert event.date == PartialDate(2018, 3, 27)
    assert "date" in dict(event.doubts)


def test_a_stamp_whose_year_is_glued_to_its_time_dates_the_page() -> None:
    """Fiction in the style of a news site's page whose stamp lost the space between the year
    and the time ("24 марта 201713:55"): it still dates the page."""
    text = (
        "В МИДе ответили командующему\n"
        "24 марта 201713:55\n"
        "В российском МИДе назвали ложными утверждения командующего силами НАТО в Европе.\n"
    )
    event = extract(text).event
    assert event.date == PartialDate(2017, 3, 24)


def test_a_venue_named_after_a_word_for_city_or_island_is_the_place() -> None:
    """Fiction in the style of a Russian news site: "на греческом острове Корфу", "в
    греческом городе Корфу": an adjective and a word for island or city between the
    preposition and the name still make it the venue."""
    catalog = with_place(Place("corfu", "Corfu", ("Корфу",)))
    island = (
        "Совет возобновил работу\n\n"
        "В субботу, 27 июня 2009 года, министры провели первое заседание Совета на греческом острове "
        "Корфу.\n"
    )
    assert extract(island, catalog=catalog).event.place == "corfu"
    city = (
        "Сотрудничество возобновлено\n\n"
        "Россия и альянс договорились о возобновлении сотрудничества. Об этом на пресс-конференции "
        "в греческом городе Корфу 27 июня 2009 года заявил генеральный секретарь НАТО.\n"
    )
    assert extract(city, catalog=catalog).event.place == "corfu"


def _with_secretaries_general() -> Catalog:
    """The test catalog, its secretary general with his term, and a deputy assistant whose
    title also says "Secretary General"."""
    from chrono.model import Role

    people = {
        **CATALOG.people,
        "jens-stoltenberg": Person(
            "jens-stoltenberg", "Jens Stoltenberg", ("Stoltenberg", "Йенс Столтенберг", "Столтенберг"),
            roles=(Role("NATO Secretary General", PartialDate(2014, 10, 1), PartialDate(2024, 10, 1)),),
        ),
        "james-appathurai": Person(
            "james-appathurai", "James Appathurai", ("Appathurai", "Джеймс Аппатурай", "Аппатурай"),
            roles=(Role("NATO Deputy Assistant Secretary General", PartialDate(2010, 11), PartialDate(2024)),),
        ),
    }
    return Catalog(people=people, organizations=CATALOG.organizations, treaties=CATALOG.treaties, places=CATALOG.places)


def test_an_office_as_the_subject_is_the_person_who_holds_it_not_the_last_one_named() -> None:
    """Fiction in the style of a Russian agency's report of talks: after Lavrov's words, "В
    свою очередь, генсек НАТО сказал, что «...»" is the secretary general's, whether he was
    named before or only holds the office at the page's date (a deputy assistant secretary
    general does not); "«...», – заявил генсек НАТО, отметив, что ... с министром Сергеем
    Лавровым" too: the name past the comma is another clause's."""
    catalog = _with_secretaries_general()
    turn = (
        "Стороны обсудили подготовку встречи\n\n"
        "МОСКВА, 3 ноября. «Мы рассчитываем на конкретные результаты встречи», – отметил Сергей Лавров.\n"
        "В свою очередь, генсек НАТО сказал, что «с нетерпением ждет предстоящую встречу в Брюсселе».\n"
    )
    quotes = extract(turn, published="2021-11-03", catalog=catalog).event.quotes
    assert [q.speaker for q in quotes] == ["sergey-lavrov", "jens-stoltenberg"]
    named_after = (
        "Генсек надеется на встречу\n\n"
        "БРЮССЕЛЬ, 5 ноября. Генсек НАТО выразил надежду на встречу в декабре.\n"
        "«Пока на этом направлении мы не видим никакого прогресса, но наш диалог продолжается», – заявил "
        "генсек НАТО, отметив, что недавно говорил по телефону с министром иностранных дел России Сергеем Лавровым.\n"
    )
    quotes = extract(named_after, published="2021-11-05", catalog=catalog).event.quotes
    assert [q.speaker for q in quotes] == ["jens-stoltenberg"]


def test_a_quote_a_medium_passes_on_is_the_voice_of_the_paragraph_before() -> None:
    """Fiction in the style of a regional news site: the paragraph before has its speaker in the
    nominative far from the verb («Николай Макаров после встречи ... с американским коллегой
    Майклом Мулленом сообщил»), and the quote paragraph ends with a medium's credit («—
    цитирует «Тест-Информ»»), not with who spoke. The quote is Makarov's, and doubted."""
    text = (
        "Работа совета возобновится\n\n"
        "Начальник Генштаба генерал армии Николай Макаров после встречи в Хельсинки с американским "
        "коллегой Майклом Мулленом сообщил прессе, что работа совета будет возобновлена 22 октября 2008 года.\n\n"
        "«Этот вопрос пока остался за американской стороной. Мы только им сказали, что это должен быть "
        "обоюдный процесс», — цитирует «Тест-Информ».\n"
    )
    event = extract(text, published="2008-10-22").event
    assert [q.speaker for q in event.quotes] == ["nikolai-makarov"]
    assert "quotes[0].speaker" in dict(event.doubts)
