"""What differs between languages, as data: one module per language, one shared description.

The stages of chrono/extract/ are the same for every language; they ask the document's
`Language` for its words (month and weekday names, relative days, speech verbs, office words,
dateline forms, quote marks) and never branch on a language code. spaCy keeps its languages
the same way (`spacy/lang/en/`, `spacy/lang/ru/`), and dateparser its date words
(`dateparser/data/date_translation_data/ru.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from ...dates import PublicationDate, ResolvedDate
from ...model import PartialDate


class _Searcher(Protocol):
    def search(self, text: str) -> object: ...


@dataclass(frozen=True)
class Language:
    """What one language provides to the shared stages."""

    code: str
    """ISO 639-1 code, as written in `sources.yml` (`language: ru`) and on quotes (`lang: ru`)."""
    name: str
    months: Mapping[str, int]
    """Month words in every form a text writes them ("января", "янв") -> month number."""
    weekdays: Mapping[str, int]
    """Weekday words in every form ("среду") -> 0 (Monday) to 6."""
    months_capitalised: bool
    """English writes month names with a capital ("may" is a verb); Russian does not."""
    date_phrase: re.Pattern[str]
    """Every date phrase of a text, with the group names of `chrono.dates.DATE_PHRASE`."""
    resolve_phrase: Callable[..., ResolvedDate | None]
    """`(kind, phrase, anchor, tense=...)` -> the date a phrase of `date_phrase` means."""
    find_publication_date: Callable[[str | None, list[str], str | None], PublicationDate | None]
    """`(published in sources.yml, the text's lines, url)` -> when the article was published."""
    future_context: re.Pattern[str] | _Searcher
    past_context: re.Pattern[str]
    speech_verbs: str
    """A regular-expression alternation of the verbs that report speech."""
    according_to: frozenset[str]
    """Speech words written before the speaker ("according to", "по словам"), lower case."""
    pronoun_speech: re.Pattern[str]
    """"he said" / "сказал он" right after a quote."""
    capitals: str
    """A character class body of the capital letters (and digits) a sentence may start with."""
    future_after: bool = False
    """A verb after a date can put it ahead too ("14 июня будет принята"); English puts "will" before."""
    sentence_openers: str = "\"“‘'("
    """Marks that may open a sentence before its capital."""
    sentence_closers: str = "\"”’'"
    """Marks that may close a sentence after its full stop."""
    abbreviations: frozenset[str] = frozenset()
    """Words written with a full stop that does not end a sentence ("г." for "года")."""
    dateline_month_day: Callable[[str], tuple[int, int] | None] = lambda line: None
    """The month and day a dateline gives without a year ("MOSCOW, March 24 -")."""
    dateline: re.Pattern[str] | None = None
    """A dateline form of this language (group `city`), tried before the shared ones."""
    venue_before: re.Pattern[str] = re.compile(r"(?!)")
    """The words before a place name that make it the venue ("in", "в")."""
    inner_attribution: re.Pattern[str] = re.compile(r"(?!)")
    """Words of attribution inside one pair of quote marks, set off by dashes: "..., – сказал
    он. – ..." (Russian writes a quote this way; English closes and reopens the marks)."""
    speaker_follows_verb: bool = False
    """The speaker is written after the speech verb as often as before it ("заявил Лавров")."""
    transcript_turn: re.Pattern[str] = re.compile(r"(?!)")
    """A transcript's turn: the speaker's name (group `name`), a colon, the words (`speech`)."""
    straight_marks_nest: bool = False
    """Straight marks nest inside straight marks ("... привнести "фактор НАТО", который ...");
    in English an inner quote takes single marks."""
    speaker_in_previous_sentence: bool = False
    """A quote opening a sentence is often the words of the person speaking in the sentence
    before ("Макаров рассказал о ... . «Мы предложили ...»")."""
    document_says: re.Pattern[str] = re.compile(r"(?!)")
    """A body's document speaking ("В заявлении МИДа говорится, что", "указывается в
    заявлении Совета"): the quote in that sentence, or opening the next, is the body's."""
    credit_after: re.Pattern[str] = re.compile(r"(?!)")
    """A medium's credit right after a quote, naming who passes it on, not who said it ("»,
    — цитирует «Росбалт»", "», — передает ТАСС"): the quote is the voice of the paragraph
    before, or of the last speaker."""
    attribution_after: re.Pattern[str] = re.compile(r"(?!)")
    """A sentence that opens by pointing back to what was just said and names who said it
    ("Об этом заявил журналистам генсекретарь ..."): the quotes of the sentence before are
    that speaker's."""
    time_frame: re.Pattern[str] = re.compile(r"^(?:this|next)\b", re.IGNORECASE)
    """A period phrase that frames a time rather than dates an event ("this year", "next
    month", «в этом году»)."""
    framing: re.Pattern[str] = re.compile(r"(?!)")
    """Verbs that name what something is by a quoted word ('called it "a mistake"'), at the end
    of the text before the quote."""
    subject_words: re.Pattern[str] = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
    """Words that stand for a person named before (a pronoun; in Russian also an office:
    "генсек подчеркнул")."""
    glued_speech_verb: re.Pattern[str] | None = None
    """A speech verb a page glued to the word before it by losing the space ("Ivanovsaid"):
    a space is put back before it."""
    between_name_and_verb: re.Pattern[str] = re.compile(r"^\s+$")
    """What may stand between a speaker's name and the speech verb after it: a space, or an
    adverb ("Stoltenberg on Tuesday said", «Лавров также заявил»); a group named `as` marks a
    speaker quoted "as saying", who need not open the clause."""
    conjunctions: frozenset[str] = frozenset()
    """The language's coordinating conjunctions, lower case ("and", «и»): a name after one is
    not the subject of the verb that follows it alone."""
    prepositions: frozenset[str] = frozenset()
    """The language's prepositions, lower case: they start a phrase of its own, after a speech
    verb ("сказал в интервью президенту", not an office's adjective) and before a name ("after
    talks with Primakov said", not Primakov's saying)."""
    object_verbs: frozenset[str] = frozenset()
    """Verbs, lower case, after which a name (with its office) is the verb's object: a later
    "he said" does not stand for it."""
    place_adjectives: Callable[[str], frozenset[str]] | None = None
    """The adjectives a place name makes, in their dictionary form ("Бухарест" -> "бухарестский")."""
    scene_opening: re.Pattern[str] = re.compile(r"(?!)")
    """What opens a sentence before a place that sets its scene ("In Washington, ...")."""
    statement_venue: re.Pattern[str] | None = None
    """What stands before the place where something was said or met, at the end of the text
    before it ("выступая в", "по телефону из", "заседания Совета ... в"); None where the
    shared English rules read it ("told reporters in")."""
    gathering_after: re.Pattern[str] = re.compile(r"(?!)")
    """Words after a place's adjective that make it a gathering there ("Мюнхенской конференции")."""
    venue_in_first_sentence: bool = False
    """Without a dateline, the place the first sentence puts something in is the venue
    ("Впервые в Москве состоялось заседание")."""
    lemmas: Callable[[str], frozenset[str]] | None = None
    """Every dictionary form a word can be of (morphology); None where names do not inflect."""
    name_part: Callable[[str, str | None], tuple[str, str] | None] | None = None
    """A capitalised word as part of a person's name: ("Name" | "Patr" | "Surn", nominative);
    the second argument is the given name written right before it, if any."""
    common_patronymics: frozenset[str] = frozenset()
    """Patronymics of the language's common given names ("Владимирович"): after a given name
    they make a name and patronymic without a surname, not a surname in -вич."""
    unknown_word: Callable[[str], str | None] | None = None
    """The dictionary form guessed for a word the language's dictionary does not hold, or None."""
    is_subject: Callable[[str], bool] | None = None
    """A name as written can be the subject of its sentence (the nominative), where names inflect."""
    in_apposition_nominative: Callable[[str], bool] | None = None
    """The office right before a name (the text before it given) is in the nominative, so the
    name beside it is too, and stands as written; None where names do not inflect."""
    role_before: Callable[[str], str | None] | None = None
    """The office written before a name (the text before it given), in English; None where
    the shared English role rules read the text."""
    offices_written: Callable[[str], frozenset[str]] | None = None
    """The offices a text writes, as the English titles the chronology uses ("генсек НАТО" ->
    "Secretary General"); None where the titles are written in English already."""
    event_words: Callable[[str], frozenset[str]] | None = None
    """The English words of the chronology's event titles that a text in this language writes
    in its own words ("высылает семерых дипломатов" -> expels, seven, diplomats), to match a
    page against the chronology's events; None where the titles' own language is the text's."""
    transliterate: Callable[[str], str] | None = None
    """A name in this language's script written the usual English way."""
    translation_note: str | None = None
    """The doubt on a draft's title and summary in this language: they need writing in English."""

    def speech(self) -> re.Pattern[str]:
        """The speech verbs as one pattern, compiled once."""
        return _compiled(rf"\b(?:{self.speech_verbs})\b")


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _compiled(source: str) -> re.Pattern[str]:
    pattern = _PATTERNS.get(source)
    if pattern is None:
        pattern = _PATTERNS[source] = re.compile(source, re.IGNORECASE)
    return pattern


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str, declared: str | None = None) -> Language:
    """The language `sources.yml` declares, else Russian when Cyrillic letters are at least a
    third of the letters in the first 6,000 characters, else English."""
    languages = _languages()
    if declared:
        if declared not in languages:
            raise ValueError(f"language '{declared}' is not supported (one of: {', '.join(sorted(languages))})")
        return languages[declared]
    head = text[:6000]
    if not _CYRILLIC.search(head):
        return languages["en"]  # most articles: no letter to count
    letters = len(_LETTER.findall(head))
    cyrillic = len(_CYRILLIC.findall(head))
    return languages["ru"] if letters and cyrillic * 3 >= letters else languages["en"]


def _languages() -> dict[str, Language]:
    from . import en, ru

    return {en.ENGLISH.code: en.ENGLISH, ru.RUSSIAN.code: ru.RUSSIAN}


# ---------------------------------------------------------------- shared readers of date words


def resolve_by_words(
    language_words: DateWords, kind: str, phrase: str, anchor: PartialDate, *, tense: str | None = None
) -> ResolvedDate | None:
    """A date phrase of a language whose words are tables (`DateWords`): the same kinds and
    the same resolution as English, with each rule written in English."""
    from ... import dates

    text = " ".join(phrase.split())
    lower = text.lower()
    day = re.search(r"\b(\d{1,2})\b", text)
    year = re.search(r"\b((?:19|20)\d\d)\b", text)
    month = next((language_words.months[w] for w in _words(lower) if w in language_words.months), None)
    if kind in ("full_md", "full_dm"):
        if not (day and month and year):
            return None
        date = dates.make_date(int(year[1]), month, int(day[1]))
        return ResolvedDate(date, text, "the date as written") if date else None
    if kind == "month_year":
        if not (month and year):
            return None
        return ResolvedDate(PartialDate(int(year[1]), month), text, "the month as written")
    if kind in ("md", "dm"):
        if not (day and month):
            return None
        return dates.resolve_month_day(text, month, int(day[1]), anchor, tense=tense)
    if kind == "weekday":
        number = next((language_words.weekdays[w] for w in _words(lower) if w in language_words.weekdays), None)
        if number is None:
            return None
        english = _ENGLISH_WEEKDAYS[number]
        after = any(w in language_words.next_words for w in _words(lower))
        if tense == "future" and not after:
            # «министры встретятся в пятницу»: the Friday to come
            return dates.resolve_weekday(text, english, anchor, on_or_after_anchor=True)
        return dates.resolve_weekday(text, english, anchor, after_anchor=after)
    if kind == "dayword":
        for word, (days, english) in language_words.day_words.items():
            if word in lower:
                return dates.resolve_day_offset(text, days, anchor, english)
        return None
    if kind == "period":
        for words, english in language_words.periods.items():
            if re.search(words, lower):
                return dates.resolve_relative_period(text, english, anchor)
        return None
    if kind == "in_month":
        return dates.resolve_month(text, month, anchor) if month else None
    return None


_ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _words(lower: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", lower)


@dataclass(frozen=True)
class DateWords:
    """The date words of a language read by `resolve_by_words`."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    day_words: Mapping[str, tuple[int, str]]
    """A relative day word -> (days before publication, the English word for the rule)."""
    periods: Mapping[str, str]
    """A pattern of a relative period -> its English kind ("last week")."""
    next_words: frozenset[str] = frozenset()
    """Words that point a weekday forward ("следующий")."""
