"""Russian: month and weekday names in every case, relative days, speech verbs, office words,
datelines as Russian agencies write them, and names through pymorphy3's morphology.

Morphology comes from pymorphy3 with its OpenCorpora dictionary (the `pymorphy3-dicts-ru`
package, read from the installed package: nothing is downloaded). Its normal form gives
"Столтенберг" for "Столтенберга"; its grammemes `Name`, `Patr` and `Surn` mark the parts of
a person's name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ... import dates
from ...dates import PublicationDate
from ...model import PartialDate
from . import DateWords, Language, resolve_by_words

if TYPE_CHECKING:
    import pymorphy3

_MONTH_STEMS = (
    ("январ", "янв"), ("феврал", "фев", "февр"), ("март", "мар"), ("апрел", "апр"),
    ("ма", "май", "мая", "мае"), ("июн",), ("июл",), ("август", "авг"), ("сентябр", "сен", "сент"),
    ("октябр", "окт"), ("ноябр", "ноя", "нояб"), ("декабр", "дек"),
)
MONTHS: dict[str, int] = {}
for _number, _stems in enumerate(_MONTH_STEMS, start=1):
    _full = _stems[0]
    for _ending in ("ь", "я", "е", "", "а"):
        if _number in (3, 8) and _ending in ("ь", "я"):
            continue
        if _number == 5:
            break
        MONTHS[_full + _ending] = _number
    for _short in _stems[1:]:
        MONTHS[_short] = _number
MONTHS.pop("ма", None)
"""Month words as a Russian text writes them ("январь", "января", "январе", "янв") -> number."""

WEEKDAYS = {
    "понедельник": 0, "вторник": 1, "среда": 2, "среду": 2, "четверг": 3, "пятница": 4,
    "пятницу": 4, "суббота": 5, "субботу": 5, "воскресенье": 6,
}
DAY_WORDS = {
    "позавчера": (2, "the day before yesterday"),
    "вчера": (1, "yesterday"),
    "накануне": (1, "the day before"),
    "сегодня": (0, "today"),
    "послезавтра": (-2, "the day after tomorrow"),
    "завтра": (-1, "tomorrow"),
}
"""A relative day -> (days before publication, negative after it; the English word the rule is
written with)."""
PERIODS = {
    r"(?:прошл|минувш)\w*\s+недел": "last week",
    r"(?:эт|текущ)\w*\s+недел": "this week",
    r"(?:прошл|минувш)\w*\s+месяц": "last month",
    r"(?:эт|текущ)\w*\s+месяц": "this month",
    r"(?:прошл|минувш)\w*\s+год": "last year",
    r"(?:эт|текущ)\w*\s+год": "this year",
}
DATE_WORDS = DateWords(
    MONTHS, WEEKDAYS, DAY_WORDS, PERIODS, next_words=frozenset({"следующий", "следующую", "будущий", "будущую", "ближайший", "ближайшую"})
)

_MONTH = (
    r"(?:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|"
    r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]|янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)"
    r"\.?(?![а-яё])"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:19|20)\d\d(?:\s*(?:г\.|года?\b))?"
_WEEKDAY = r"(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
_PART_OF_DAY = r"(?:\s+(?:утром|днем|днём|вечером|ночью))?"
_RELATIVE_BEFORE_DATE = (
    rf"(?:(?:во?\s+(?:(?:прошл|минувш|эт|следующ|будущ|ближайш)\w*\s+)?{_WEEKDAY}|сегодня|вчера|позавчера|накануне)"
    rf"{_PART_OF_DAY},\s+)?"
)
"""A relative word the date after it makes exact: "в пятницу, 2 августа", "сегодня, 21 мая"."""
DATE_PHRASE = re.compile(
    r"(?<![\w-])(?:"
    rf"(?P<full_dm>{_RELATIVE_BEFORE_DATE}{_DAY}\s+{_MONTH}\s+{_YEAR})"
    rf"|(?P<month_year>(?:в\s+)?{_MONTH}\s+{_YEAR})"
    rf"|(?P<dm>{_RELATIVE_BEFORE_DATE}{_DAY}\s+{_MONTH})(?!\s*\d)"
    rf"|(?P<weekday>во?\s+(?:(?:прошл|минувш|эт|следующ|будущ|ближайш)\w*\s+)?{_WEEKDAY}{_PART_OF_DAY}(?![а-яё]))"
    rf"|(?P<dayword>(?:сегодня|вчера|позавчера|накануне|послезавтра|завтра){_PART_OF_DAY}(?![а-яё]))"
    rf"|(?P<period>(?:на|в)\s+(?:прошл|минувш|эт|текущ)\w*\s+(?:неделе|месяце|году)(?![а-яё]))"
    r"|(?P<in_month>в\s+(?:январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)(?!\s+\d))"
    r")",
    re.IGNORECASE,
)
"""Date phrases, with the group names of the English `DATE_PHRASE`; the longest forms first."""

_FUTURE_WORDS = re.compile(
    r"(?<![\w-])(?:будет|будут|состоится|пройд[её]т|планиру\w*|намерен\w*|собира\w*|предстоящ\w*|"
    r"намечен\w*|запланирован\w*)(?![\w-])",
    re.IGNORECASE,
)


class _FutureContext:
    """Words that put a date ahead: planning words, and any verb the dictionary reads in the
    future tense ("примет", "поднимут"): Russian marks the perfective future by its ending alone."""

    def search(self, text: str) -> bool:
        if _FUTURE_WORDS.search(text):
            return True
        return any(_is_future_verb(word) for word in re.findall(r"[а-яё]{3,}", text.lower()))


@lru_cache(maxsize=100_000)
def _is_future_verb(word: str) -> bool:
    parse = _analyzer().parse(word)[0]
    return parse.tag.POS == "VERB" and "futr" in parse.tag


FUTURE_CONTEXT = _FutureContext()
PAST_CONTEXT = re.compile(
    r"(?<![\w-])(?:[а-яё]{2,}(?:ал|ял|ил|ел|ул|ыл|ёл)(?:а|и|о|ось|ась|ись|ся)?|ранее|прошл\w*)(?![\w-])",
    re.IGNORECASE,
)

SPEECH_VERBS = (
    r"(?:заяви|сказа|подчеркну|отмети|добави|сообщи|указа|замети|поясни|констатирова|"
    r"предупреди|уточни|напомни|написа|призва|ответи|рассказа|завери|призна|высказа|"
    r"процитирова|резюмирова|считал|вырази|пообеща|повтори|потребова|предложи|посетова|разъясни|объясни|"
    r"подтверди|"
    # the imperfective past: "отвечала одной фразой", "заявлял", "подчеркивал"
    r"отвеча|заявля|говори|подчеркива|подчёркива|отмеча|сообща|указыва|предупрежда|настаива|подтвержда)(?:л|ла|ли|ло)?"
    # reflexive forms: "высказался", "выразилась"
    r"(?:ся|сь)?"
    r"|заявляет|говорит|считает|подчеркивает|подчёркивает|отмечает|сообщает|говорится|указывается|пишет|утверждает|подтверждает|"
    r"предостер[её]г(?:ла|ли)?|убежд[её]н(?:а|ы)?|уверен(?:а|ы)?|"
    r"приводит\s+(?:его|её|ее)\s+слова|по\s+(?:его|её|ее)\s+(?:словам|выражению|мнению)|"
    r"цитирует|по\s+словам|по\s+мнению|как\s+(?:заявил|сказал|отметил)\w*"
)
"""Verbs that report speech: "заявил", "сказала", "подчеркнул", "по словам"."""
PRONOUN_SPEECH = re.compile(
    rf"^\W{{0,4}}(?:(?:{SPEECH_VERBS})\s+(?:он|она)(?![\w-])|(?:он|она)\s+(?:\w+\s+){{0,2}}(?:{SPEECH_VERBS})(?![\w-])"
    r"|приводит\s+(?:его|её|ее)\s+слова|по\s+(?:его|её|ее)\s+(?:словам|выражению|мнению))",
    re.IGNORECASE,
)

_VENUE_NOUN = r"(?:о\.\s*|(?:[а-яё]+(?:ом|ой|ем)\s+)?(?:остров[еа]?|город[еа]|столиц[еы])\s+)?"
"""What may stand between the preposition and a venue's name: "на о.Корфу", "на острове
Корфу", "в греческом городе Корфу", "в латвийской столице Риге"."""

STATEMENT_VENUE = re.compile(
    rf"(?<![\w-])(?:{SPEECH_VERBS}|выступая|журналистам|прессе|на\s+пресс-конференции|по\s+телефону|"
    r"(?:саммит|встреч|заседани|переговор|конференци|совещани|форум|штаб-квартир)\w*)"
    rf"(?:\s+[^\s.!?]+){{0,6}}?\s+(?:в|во|на|из)\s+{_VENUE_NOUN}$",
    re.IGNORECASE,
)
"""What stands before the place where a statement was made or a meeting held: "сказал
генсек, выступая в Брюсселе", "по телефону из Брюсселя", "саммита в Лиссабоне"."""

SUBJECT_WORDS = re.compile(
    r"(?<![\w-])(?:он|она|генсек\w*|министр\w*|замминистра|глава|главы|президент\w*|премьер\w*|"
    r"пресс-секретар\w*|дипломат\w*|постпред\w*|посол|посла|представител\w*|"
    r"генеральн\w+\s+секретар\w*|руководител\w*|председател\w*|канцлер\w*)(?![\w-])",
    re.IGNORECASE,
)
"""A pronoun or an office standing for a person named before ("он", "генсек", "министр")."""

DATELINE = re.compile(
    r"^(?P<city>[А-ЯЁ][А-ЯЁа-яё]+(?:[ -][А-ЯЁ][А-ЯЁа-яё]+){0,2})"
    rf"(?P<rest>[,.]\s*(?:(?P<day>{_DAY})\s+(?P<month>{_MONTH})(?:\s+(?P<year>(?:19|20)\d\d))?(?:\s*(?:г|года)(?=\.))?"
    r"(?:,?\s*\d{1,2}:\d\d)?)?"
    # a newspaper's dateline without an agency: "МОСКВА, 17 февраля. Генсек ..." (a date is needed)
    r"(?:(?(day)\.\s+(?=[А-ЯЁ«\"„])|(?!))|\s*\.?\s*"
    r"(?:[-–—]\s*(?:РИА\s+Новости|[А-ЯЁA-Z][\w-]*(?:\.[А-ЯЁA-Zа-яёa-z]+)*(?:\s+[А-ЯЁA-Z][\w-]+)?)"
    # the correspondent after the agency: "– РИА Новости, Владимир Добровольский."
    r"(?:,\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?=\.\s))?\s*[.,:]?"
    r"|/\s*[А-ЯЁA-Z][\w.-]{1,15}(?:\s+[А-ЯЁA-Z][\w.-]*){0,2}\s*/\s*[.:]?"
    r"|(?:INTERFAX\.RU|Интерфакс)\s*[-–—]?)\s+))"
)
"""A dateline of a Russian agency: "МОСКВА, 11 янв – РИА Новости.", "МОСКВА, 11 января. /ТАСС/.",
"Москва. 11 января. INTERFAX.RU -"; or of a newspaper, with the date and no agency: "МОСКВА,
17 февраля. ..."."""

_MONTH_STAMP = re.compile(r"^date\s+((?:19|20)\d\d)-(0[1-9]|1[0-2])(?![-\d])")
"""A page's metadata giving only the month: "date 2019-08 ..."."""
_STAMP = re.compile(rf"(?<![\d-])(?P<day>{_DAY})\s+(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_STAMP_MONTH_FIRST = re.compile(
    rf"(?<![\w-])(?P<month>{_MONTH})\.?\s+(?P<day>{_DAY}),\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE
)
""""Янв. 5, 2022": a site's template in the English order, with Russian month names."""
_NOT_PUBLICATION = re.compile(r"(?:обновлено|изменено|обновлен|©)", re.IGNORECASE)


def _month_number(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def dateline_month_day(line: str) -> tuple[int, int] | None:
    """The month and day of a dateline ("МОСКВА, 11 янв – РИА Новости."), or None."""
    match = DATELINE.match(line)
    if not match or not match["day"]:
        return None
    month = _month_number(match["month"])
    return (month, int(match["day"])) if month else None


def find_text_date(lines: list[str], *, head_lines: int = 40) -> PublicationDate | None:
    """A stamp with day, month and year near the top ("12 января 2022, 19:51"): on a short line
    or in a dateline; a date inside a sentence of the body is about an event."""
    seen = 0
    for line in lines:
        line = dates.as_stamp(line.strip())  # "24 марта 201713:55": the year and time apart
        if not line:
            continue
        seen += 1
        if seen > head_lines:
            break
        if _NOT_PUBLICATION.search(line):
            continue
        if month := _MONTH_STAMP.match(line):
            return PublicationDate(PartialDate(int(month[1]), int(month[2])), f"text: {month[0].strip()}")
        dateline = DATELINE.match(line)
        head = line[: dateline.end()] if dateline else line
        if not dateline and len(line) > 80:
            continue
        match = _STAMP.search(head) or (None if dateline else _STAMP_MONTH_FIRST.search(head))
        month = _month_number(match["month"]) if match else None
        if match and month:
            date = dates.make_date(int(match["year"]), month, int(match["day"]))
            if date:
                return PublicationDate(date, f"text: {match[0]}")
    return None


def find_publication_date(published: str | None, lines: list[str], url: str | None) -> PublicationDate | None:
    """sources.yml, else a Russian stamp, else the shared readers (numeric stamps, the
    address), with a dateline's day in the year the address or the text gives."""
    if published:
        return dates.find_publication_date(published, lines, url)
    stamp = find_text_date(lines)
    if stamp:
        return stamp
    from_url = dates.find_url_date(url) or find_url_date_day_first(url)
    dateline = dates.find_dateline_day(lines, url, month_day=dateline_month_day, weekdays=WEEKDAYS)
    if dateline and not (from_url and from_url.date.precision == "day"):
        return dateline
    # "06/10/2021 - 17:32 (по МСК)": Russian writes a numeric date day first.
    return dates.find_publication_date(None, lines, url, slashes_day_first=True) or dateline or from_url


_URL_DAY_FIRST = (
    re.compile(r"/(0[1-9]|[12]\d|3[01])[/-](0[1-9]|1[0-2])[/-]((?:19|20)\d\d)(?=/)"),
    re.compile(r"-(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])((?:19|20)\d\d)\d{6}(?=/|$)"),
    re.compile(r"/(0[1-9]|[12]\d|3[01])([a-z]{3})((?:19|20)\d\d)/"),
    re.compile(r"/(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(\d\d)_\d{6}_"),
)
"""Addresses with the day first, as Russian sites write them: "/politics/18/10/2021/",
"/article/14-05-2003/", "...-01042014190100/" (with the time), "/06jun2012/", "/270318_174410_"
(two-digit year, then the time)."""
_URL_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def find_url_date_day_first(url: str | None) -> PublicationDate | None:
    for pattern in _URL_DAY_FIRST:
        match = pattern.search(url or "")
        if not match:
            continue
        month = int(match[2]) if match[2].isdigit() else _URL_MONTHS.get(match[2], 0)
        year = int(match[3])
        year = year if year > 100 else year + (2000 if year < 50 else 1900)
        date = dates.make_date(year, month, int(match[1]))
        if date:
            return PublicationDate(date, f"url: {match[0].strip('/-')}")
    return None


# ---------------------------------------------------------------- offices

OFFICES = (
    (r"(?:заместител\w*\s+министра|замминистра|замглав\w*)\s+(?:иностранных\s+дел|МИД\w*)", "Deputy Foreign Minister"),
    (r"(?:заместител\w*\s+министра|замминистра)\s+обороны", "Deputy Defence Minister"),
    (r"министр\w*\s+иностранных\s+дел|глав\w*\s+(?:МИД\w*|внешнеполитического\s+ведомства)", "Foreign Minister"),
    (r"министр\w*\s+обороны|глав\w*\s+(?:Минобороны|военного\s+ведомства)", "Defence Minister"),
    (r"начальник\w*\s+(?:Генштаба|Генерального\s+штаба)", "Chief of the General Staff"),
    (r"генеральн\w+\s+секретар\w*|генсек\w*", "Secretary General"),
    (r"госсекретар\w*", "Secretary of State"),
    (r"пресс-секретар\w*", "spokesman"),
    (r"официальн\w+\s+представител\w*", "spokesperson"),
    (r"постоянн\w+\s+представител\w*|постпред\w*", "Permanent Representative"),
    (r"премьер-министр\w*|премьер\w*|председател\w*\s+правительства", "Prime Minister"),
    (r"президент\w*|глав\w*\s+государства", "President"),
    (r"посл(?:ом|а|у|е)?(?![\w-])|посол", "Ambassador"),
    (r"канцлер\w*", "Chancellor"),
    (r"министр\w*", "Minister"),
)
"""Offices as Russian writes them in any case -> the English title the chronology uses."""
_OFFICE = re.compile("|".join(f"(?P<o{i}>{p})" for i, (p, _) in enumerate(OFFICES)), re.IGNORECASE)


def offices_written(text: str) -> frozenset[str]:
    """The offices the text writes, each as its English title ("генсеком" -> "Secretary General")."""
    return frozenset(OFFICES[int((match.lastgroup or "o0")[1:])][1] for match in _OFFICE.finditer(text))


EVENT_WORDS = (
    (r"совет\w*\s+росси\w*\s*[-–—]\s*нато|совет\w*\s+нато\s*[-–—]\s*росси\w*|срн", ("council",)),
    (r"постоянн\w+\s+совместн\w+\s+совет\w*|псс", ("permanent", "joint", "council")),
    (r"договор\w*", ("treaty",)),
    (r"соглашени\w*", ("agreement",)),
    (r"саммит\w*", ("summit",)),
    (r"министр\w*", ("ministers",)),
    (r"министерск\w*", ("ministerial",)),
    (r"заседани\w*|собирает\w*|собрал\w*|соберет\w*|встреч\w*|встрет\w*", ("meets", "meeting", "meet")),
    (r"впервые|перв\w+", ("first",)),
    (r"сотрудничеств\w*", ("cooperation",)),
    (r"открыт\w+\s+неб\w*", ("open", "skies")),
    (r"противоракетн\w*", ("missile", "defence")),
    (r"ракет\w*", ("missile",)),
    (r"безопасност\w*", ("security",)),
    (r"гаранти\w*", ("guarantee",)),
    (r"выход\w*|выйд\w*|выйти", ("withdrawal",)),
    (r"конференци\w*", ("conference",)),
    (r"мисси\w*|представительств\w*", ("mission",)),
    (r"военн\w*", ("military",)),
    (r"подписа\w*|подпиш\w*", ("signs", "sign", "signed")),
    (r"вступ\w*\s+в\s+силу|вступлени\w*\s+в\s+силу", ("enters", "force", "effect")),
    (r"вступ\w*|принят\w*\s+в\s+нато", ("join", "enters")),
    (r"высыл\w*|выслат\w*|выдвор\w*|высылк\w*|лиша\w*\s+аккредитаци\w*|аккредитаци\w*", ("expels",)),
    (r"дипломат\w*", ("diplomats",)),
    (r"сотрудник\w*", ("staff",)),
    (r"сем[ьи]\b|семер\w*", ("seven",)),
    (r"восем[ьи]\b|восьмер\w*", ("eight",)),
    (r"приостан\w*", ("suspends", "suspend", "suspension")),
    (r"приглаш\w*|пригласи\w*", ("invites",)),
    (r"партн[её]рств\w*", ("partnership",)),
    (r"осуди\w*|осужда\w*", ("condemns",)),
    (r"войск\w*|сил[аыу]?\b|силами", ("forces", "troops")),
    (r"обязательств\w*", ("obligations",)),
    (r"член\w*", ("member", "members")),
    (r"расширени\w*", ("enlargement", "expansion")),
    (r"основополагающ\w*", ("founding",)),
    (r"удар\w*|бомб\w*", ("strikes", "bombs")),
    (r"адаптир\w*", ("adapted",)),
    (r"визит\w*", ("visit",)),
    (r"информационн\w*\s+(?:бюро|офис)\w*", ("information", "office")),
    (r"бюро|офис\w*", ("office", "offices")),
    (r"теракт\w*|атак\w*", ("attacks",)),
    (r"план\w*\s+действи\w*", ("action", "plan")),
    (r"миротвор\w*", ("peace", "peacekeeping")),
    (r"дум\w*", ("duma",)),
    (r"признал\w*|признани\w*|признает\w*", ("recognises",)),
    (r"учени\w*", ("exercises", "exercise")),
    (r"отравлени\w*", ("poisoning",)),
    (r"требова\w*|требу\w*", ("demands",)),
    (r"переговор\w*", ("talks",)),
    (r"ратифи\w*", ("ratification", "ratifies")),
    (r"мораторий\w*|моратори\w*", ("moratorium",)),
    (r"аннекси\w*", ("annexation",)),
    (r"присоединени\w*", ("absorbing",)),
    (r"вторжени\w*|вторгл\w*", ("invasion",)),
    (r"заявк\w*", ("apply",)),
    (r"инспекци\w*", ("inspections",)),
    (r"разведк\w*|разведчик\w*|шпион\w*", ("intelligence",)),
    (r"закры\w*", ("closes",)),
    (r"прекращ\w*|прекрат\w*", ("halts", "suspends")),
    (r"продл\w*", ("extend",)),
    (r"возобнов\w*", ("resume", "resumes", "revived")),
    (r"заморо\w*", ("freeze", "freezes", "freezing")),
    (r"годовщин\w*", ("anniversary",)),
    (r"проект\w*", ("draft",)),
    (r"предложени\w*|предлага\w*|предложил\w*", ("proposals", "proposes")),
    (r"ответ(?:ы|ил\w*|ом|а|ное|ные|ных)?\b", ("replies", "response")),
    (r"письменн\w*", ("written",)),
    (r"нарушени\w*|наруша\w*", ("violation", "breach")),
    (r"ядерн\w*", ("nuclear",)),
    (r"размещ\w*|разв[её]рт\w*", ("deployments",)),
    (r"приостановлени\w*", ("suspension",)),
    (r"посл[аоы]\w*|постпред\w*|представител\w*", ("envoy", "envoys")),
)
"""Russian words for the words of the chronology's event titles (`Language.event_words`):
a stem or phrase -> the English title words it stands for. One Russian word gives one English
word (or its forms: "meets", "meeting"), so that a translation does not count twice; offices
("генсек") give none, as the person holding one is matched already."""

_EVENT_WORDS = re.compile(
    "|".join(f"(?P<w{number}>(?<![\\w-])(?:{pattern}))" for number, (pattern, _) in enumerate(EVENT_WORDS)),
    re.IGNORECASE,
)


def event_words(text: str) -> frozenset[str]:
    """The English event-title words that a Russian text writes in its own words."""
    return frozenset(
        word for match in _EVENT_WORDS.finditer(text) for word in EVENT_WORDS[int((match.lastgroup or "w0")[1:])][1]
    )


_QUALIFIERS = (
    (r"Кремл\w*|президента\s+(?:России|РФ)", "Kremlin"),
    (r"(?:Росси[иия]|РФ|российск\w*)", "Russian"),
    (r"(?:НАТО|альянса|Североатлантического\s+альянса)", "NATO"),
    (r"(?:США|американск\w*)", "US"),
    (r"(?:Великобритании|Британии|британск\w*)", "British"),
    (r"(?:Германии|ФРГ|германск\w*|немецк\w*)", "German"),
    (r"(?:Франции|французск\w*)", "French"),
    (r"(?:Украины|украинск\w*)", "Ukrainian"),
    (r"(?:Польши|польск\w*)", "Polish"),
)


def role_before(text: str) -> str | None:
    """The office written right before a name ("министр иностранных дел России Сергей Лавров",
    "генеральным секретарем НАТО Йенсом Столтенбергом"), as the English title the chronology
    uses ("Russian Foreign Minister", "NATO Secretary General"), or None."""
    text = re.split(r"[.;:!?«»\"“”(),]", text)[-1]
    # The first office of the phrase before the name governs the rest: "пресс-секретарь
    # президента России" is the president's spokesman.
    office = next((m for m in _OFFICE.finditer(text) if len(text[m.end() :].split()) <= 5), None)
    if office is None:
        return None  # no office beside the name
    rest = text[office.end() :]
    title = OFFICES[int((office.lastgroup or "o0")[1:])][1]
    words = text[max(0, office.start() - 30) : office.start()].split()[-1:] + [office[0], rest]
    around = " ".join(words)
    qualifier = next((english for pattern, english in _QUALIFIERS if re.search(pattern, around)), None)
    if qualifier == "Kremlin" and title != "spokesman":
        qualifier = "Russian"
    if title == "Permanent Representative" and re.search(r"при\s+НАТО", rest):
        return f"{qualifier or ''} Permanent Representative to NATO".strip()
    return f"{qualifier} {title}" if qualifier else title


def in_apposition_nominative(before: str) -> bool:
    """"... заявила официальный представитель НАТО Оана Лунгеску": a name in apposition to an
    office takes its case, so after an office in the nominative a foreign name the dictionary
    does not hold is its own nominative as written (not "Оан", a man's name in the genitive)."""
    text = re.split(r"[.;:!?«»\"“”(),]", before)[-1]
    office = next((m for m in _OFFICE.finditer(text) if len(text[m.end() :].split()) <= 5), None)
    if office is None:
        return False
    for word in re.findall(r"[А-ЯЁа-яё-]+", office[0]):
        nouns = [p for p in _analyzer().parse(word.lower()) if p.tag.POS == "NOUN"]
        if nouns:
            return all(p.tag.case == "nomn" for p in nouns)
    return False


_DOCUMENT = r"(?:заявлени|сообщени|документ|коммюнике|декларац|резолюц|обращени|нот|комментари|ответ)\w*"
_SAYS = r"(?:говорится|указывается|отмечается|подчеркивается|подчёркивается|сказано|заявляется|утверждается)"
DOCUMENT_SAYS = re.compile(
    rf"(?<![\w-])(?:в|во)\s+(?:[\w-]+\s+){{0,3}}?{_DOCUMENT}[^.!?\n]{{0,120}}?\s{_SAYS}(?![\w-])"
    rf"|(?<![\w-]){_SAYS}\s+в\s+(?:[\w-]+\s+){{0,3}}?{_DOCUMENT}[^.!?\n]{{0,80}}",
    re.IGNORECASE,
)
"""A body's document as the speaker: "В заявлении МИДа говорится", "В документе, принятом
вчера, говорится", "говорится в опубликованном в пятницу заявлении Североатлантического совета"."""


# ---------------------------------------------------------------- morphology


@lru_cache(maxsize=1)
def _analyzer() -> pymorphy3.MorphAnalyzer:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form the word can be of, lower case, "ё" as "е", the word itself too."""
    lower = word.lower().replace("ё", "е")
    if not re.search(r"[а-яе]", lower):
        return frozenset({lower})
    forms = {lower}
    for parse in _analyzer().parse(lower):
        forms.add(parse.normal_form.replace("ё", "е"))
    return frozenset(forms)


_NAME_TAGS = ("Name", "Patr", "Surn")


def _capitalised(form: str) -> str:
    """A name's dictionary form as names are written: "римский-корсаков" -> "Римский-Корсаков"."""
    return "-".join(part.capitalize() for part in form.split("-"))


@lru_cache(maxsize=50_000)
def name_part(word: str, after: str | None = None) -> tuple[str, str] | None:
    """A capitalised word as part of a person's name: its kind (`Name`, `Patr`, `Surn`) and
    its nominative, keeping the gender ("Захаровой" -> ("Surn", "Захарова")), or None.
    Right after a given name (`after`, as written) a capitalised word is a surname in the
    same case and gender: "Петра Новикова" is Пётр Новиков, "Сергея Рябкова" Рябков (not
    the place Рябкова), and after a given name in the nominative it stands as written."""
    if not word[:1].isupper() or word.isupper() or not re.fullmatch(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?", word):
        return None
    parses = _analyzer().parse(word)
    # Scores are split over the cases a form can be in, so they are summed per kind.
    totals = {tag: sum(p.score for p in parses if tag in p.tag) for tag in (*_NAME_TAGS, "Geox", "Orgn")}
    tag = max(_NAME_TAGS, key=lambda t: totals[t])
    if after is not None:
        readings = _analyzer().parse(after)
        given = next((p for p in readings if "Name" in p.tag), None)
        given = given or next((p for p in readings if p.tag.POS == "NOUN"), None)
        indeclinable_man = given is not None and "Fixd" in given.tag and given.tag.gender != "femn"
        if indeclinable_man and re.search(r"[^аеёиоуыэюя][оеё]м$", word):
            # After a given name that does not decline ("Тони Блэром") only the surname shows
            # its case, and "-ом" is the instrumental's.
            form = _surname_nominative(word.lower(), "ablt", "masc")
            return "Surn", _capitalised(form or word.lower())
        if given is None or given.tag.case == "nomn":
            return "Surn", word
        gender = {given.tag.gender, "ms-f"} if given.tag.gender else None
        agreeing = [
            p for p in parses
            if given.tag.case in p.tag.grammemes and (gender is None or gender & set(p.tag.grammemes))
        ]
        surnames = [p for p in agreeing if "Surn" in p.tag]
        if not surnames:
            # A surname the dictionary does not hold ("Скрипаля"): declined back by the
            # endings of Russian surnames, in the case and gender of the given name; else
            # the dictionary form of its noun reading in that case, else the word as written.
            form = _surname_nominative(word.lower(), given.tag.case, given.tag.gender)
            if form is None:
                noun = next((p for p in agreeing if p.tag.POS == "NOUN"), None)
                form = noun.normal_form if noun else word.lower()
            return "Surn", _capitalised(form)
        parse = max(surnames, key=lambda p: p.score)
        nominative = parse.inflect({"nomn", "sing"})
        form = nominative.word if nominative else parse.normal_form
        return "Surn", _capitalised(form)
    if totals[tag] < 0.2 or totals[tag] < max(totals["Geox"], totals["Orgn"]):
        return None
    parse = max((p for p in parses if tag in p.tag), key=lambda p: p.score)
    nominative = parse.inflect({"nomn", "sing"}) if tag == "Surn" else None
    form = nominative.word if nominative else parse.normal_form
    return tag, _capitalised(form)


_VOWEL_LETTERS = "аеёиоуыэюя"


def _soft(stem: str) -> str:
    """The nominative of a surname whose endings are soft: "Гайда-я" -> "Гайдай",
    "Скрипал-я" -> "Скрипаль"."""
    return stem + ("й" if stem[-1:] in _VOWEL_LETTERS else "ь")


_MASCULINE_ENDINGS = {
    # case: (ending, how the nominative is made from the stem)
    # "Соланы": a man's surname in -а declines as "Солана" does
    "gent": (("я", _soft), ("ы", lambda stem: stem + "а"), ("а", str)),
    "accs": (("я", _soft), ("а", str)),
    # "Кулебе": a man's surname in -а ("Кулеба") in the dative
    "datv": (("ю", _soft), ("у", str), ("е", lambda stem: stem + "а")),
    # "Дудой": a man's surname in -а ("Дуда") in the instrumental
    "ablt": (("ем", _soft), ("ём", _soft), ("ом", str), ("ой", lambda stem: stem + "а")),
    "loct": (("е", str),),
}
_FEMININE_ENDINGS = {
    "gent": (
        ("ской", lambda stem: stem + "ская"), ("цкой", lambda stem: stem + "цкая"), ("ой", lambda stem: stem + "а"),
    ),
    "accs": (("скую", lambda stem: stem + "ская"), ("цкую", lambda stem: stem + "цкая"), ("у", lambda stem: stem + "а")),
}
_FEMININE_ENDINGS["datv"] = _FEMININE_ENDINGS["ablt"] = _FEMININE_ENDINGS["loct"] = _FEMININE_ENDINGS["gent"]


def _surname_nominative(word: str, case: str | None, gender: str | None) -> str | None:
    """The nominative of a surname the dictionary does not hold, from the case and gender of
    the given name before it: "Скрипаля" after "Сергея" is Скрипаль, "Закамской" after
    "Эвелины" Закамская, "Симма" after "Германа" Симм. A woman's surname in a consonant
    ("Юлии Скрипаль") and a surname in a vowel the case does not give ("Мартти Ахтисаари")
    do not decline: they stand as written. None when the case or gender is unknown.

    (The dictionary holds common surnames only; for others it guesses a common noun's
    forms, "скрипаля" as its own nominative, so the surnames' endings are written here.)"""
    endings = {"masc": _MASCULINE_ENDINGS, "femn": _FEMININE_ENDINGS}.get(gender or "")
    if endings is None or case is None:
        return None
    for ending, nominative in endings.get(case, ()):
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return nominative(word[: -len(ending)])
    return word


def place_adjectives(name: str) -> frozenset[str]:
    """The adjectives a Russian place name makes, as dictionary forms: "Вена" -> "венский",
    "Брюссель" -> "брюссельский", "Стамбул" -> "стамбульский". Irregular ones ("московский",
    "пражский") are not made; they can be written as aliases."""
    lower = name.lower().replace("ё", "е")
    stem = lower[:-1] if lower[-1:] in "аяоеиыйь" else lower
    return frozenset({f"{stem}ский", f"{lower}ский", f"{stem}ьский"})


@lru_cache(maxsize=50_000)
def unknown_word(word: str) -> str | None:
    """The dictionary form guessed for a capitalised word the dictionary does not hold
    ("Питера" -> "Питер"), or None for a word it knows. A word in Latin letters ("Regnum",
    "The") or an abbreviation in capitals ("ИА") is no part of a Russian-written name."""
    if not re.fullmatch(r"[А-ЯЁа-яё-]+", word) or (word.isupper() and len(word) <= 4):
        return None
    if _analyzer().word_is_known(word.lower()):
        return None
    noun = next((p for p in _analyzer().parse(word) if p.tag.POS == "NOUN"), None)
    form = noun.normal_form if noun else word.lower()
    return _capitalised(form)


@lru_cache(maxsize=50_000)
def is_subject(name: str) -> bool:
    """The last word of a name as written can be nominative ("Лавров", not "Столтенбергом")."""
    words = re.findall(r"[А-ЯЁа-яё]+", name)
    if not words:
        return True
    return any("nomn" in parse.tag for parse in _analyzer().parse(words[-1]))


# ---------------------------------------------------------------- transliteration

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}
_VOWELS = set("аеёиоуыэюяъь")


def transliterate(text: str) -> str:
    """A Cyrillic name written the usual English way, BGN/PCGN-like with the common
    conventions of English news: "Сергей" -> "Sergei", "Дмитрий" -> "Dmitry", "Евгений" ->
    "Yevgeny", "Александр" -> "Alexander", "Мария" -> "Mariya"."""
    return re.sub(r"[А-Яа-яЁё]+", lambda m: _transliterate_word(m[0]), text)


def _transliterate_word(word: str) -> str:
    lower = word.lower()
    out: list[str] = []
    for i, char in enumerate(lower):
        previous = lower[i - 1] if i else ""
        rest = lower[i:]
        if char == "е" and (i == 0 or previous in _VOWELS):
            out.append("ye")
        elif char in "иы" and rest in ("ий", "ый"):
            out.append("y")
        elif char == "й" and previous in "иы" and i == len(lower) - 1:
            continue
        elif char == "й" and (i == 0 or previous not in _VOWELS):
            out.append("y")
        else:
            out.append(_LETTERS.get(char, char))
    latin = "".join(out)
    latin = re.sub(r"^aleks", "alex", latin)
    latin = re.sub(r"^alexandr$", "alexander", latin)
    if word.isupper() and len(word) > 1:
        return latin.upper()
    return latin[:1].upper() + latin[1:] if word[:1].isupper() else latin


_COMMON_GIVEN_NAMES = (
    "Александр Алексей Анатолий Андрей Борис Вадим Валентин Валерий Василий Виктор Виталий "
    "Владимир Вячеслав Геннадий Георгий Григорий Дмитрий Евгений Иван Игорь Илья Кирилл "
    "Константин Леонид Михаил Николай Олег Павел Пётр Роман Сергей Станислав Юрий Яков"
).split()


def _patronymics(name: str) -> set[str]:
    """"Сергей" -> Сергеевич, Сергеевна; "Пётр" -> Петрович, Петровна; "Илья" -> Ильич, Ильинична."""
    stem = name.replace("ё", "е")
    if stem.endswith("я"):
        return {stem[:-1] + "ич", stem[:-1] + "инична"}
    if stem.endswith("ий"):  # Юрий -> Юрьевич, Дмитрий -> Дмитриевич
        return {stem[:-2] + ending for ending in ("ьевич", "ьевна", "иевич", "иевна")}
    if stem.endswith("й"):  # Сергей -> Сергеевич
        return {stem[:-1] + "евич", stem[:-1] + "евна"}
    return {stem + "ович", stem + "овна", stem + "евич", stem + "евна"}


COMMON_PATRONYMICS = frozenset(
    {p for name in _COMMON_GIVEN_NAMES for p in _patronymics(name)}
    | {"Михайлович", "Михайловна", "Павлович", "Павловна", "Львович", "Львовна"}
)


RUSSIAN = Language(
    code="ru",
    name="Russian",
    months=MONTHS,
    weekdays=WEEKDAYS,
    months_capitalised=False,
    date_phrase=DATE_PHRASE,
    resolve_phrase=lambda kind, phrase, anchor, *, tense=None: resolve_by_words(
        DATE_WORDS, kind, phrase, anchor, tense=tense
    ),
    find_publication_date=find_publication_date,
    dateline_month_day=dateline_month_day,
    future_context=FUTURE_CONTEXT,
    future_after=True,
    past_context=PAST_CONTEXT,
    speech_verbs=SPEECH_VERBS,
    according_to=frozenset({"по словам", "по его словам", "по её словам", "по ее словам", "по мнению"}),
    pronoun_speech=PRONOUN_SPEECH,
    capitals="A-ZА-ЯЁ0-9",
    sentence_openers="\"“‘'(«„",
    sentence_closers="\"”’'»“",
    abbreviations=frozenset({"г", "гг", "т", "е", "д", "им", "ул", "см", "тыс", "млн", "млрд", "руб", "англ", "ст", "пос"}),
    dateline=DATELINE,
    # "на о.Корфу", "на острове Корфу": the island's name is the venue
    venue_before=re.compile(rf"(?<![\w-])(?:в|во|на)\s+{_VENUE_NOUN}$", re.IGNORECASE),
    credit_after=re.compile(
        r"^\W{0,4}(?:цитирует|передает|передаёт|сообщает)\s+(?:[«\"„“]|[А-ЯЁA-Z]{2,}\b|"
        r"(?:агентств|издани|газет|телеканал|радиостанци|портал|сайт)\w*)",
    ),
    statement_venue=STATEMENT_VENUE,
    inner_attribution=re.compile(
        # the words after the verb may hold a hyphen ("на пресс-конференции"), not a spaced dash
        rf"[,.!?…]\s+[-–—]\s+(?:{SPEECH_VERBS})(?![\w-])(?:(?!\s[-–—]\s)[^«»\"]){{0,80}}?[.,:]\s+[-–—]\s+", re.IGNORECASE
    ),
    subject_words=SUBJECT_WORDS,
    prepositions=frozenset(
        "в во на с со по о об обо при для к ко у из от за до без под над перед после между через про".split()
    ),
    conjunctions=frozenset({"и", "или", "а"}),
    between_name_and_verb=re.compile(r"^\s+(?:(?:также|тогда|позже|вновь|снова|вчера|сегодня)\s+)?$", re.IGNORECASE),
    transcript_turn=re.compile(
        r"^(?P<name>(?:[А-ЯЁ][а-яё]?\.\s?){1,2}[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?|[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
        # a radio transcript's capitals: "Р.ПШЕЛЬ:", "БАЛУЕВСКИЙ:"
        r"|(?:[А-ЯЁ]\.\s?){0,2}[А-ЯЁ]{3,}(?:-[А-ЯЁ]{2,})?"
        # a television transcript's full name, perhaps with the office: "ДМИТРИЙ МЕДВЕДЕВ, Президент России:"
        r"|[А-ЯЁ]{2,}\s+[А-ЯЁ]{3,}(?:-[А-ЯЁ]{2,})?(?=,\s+[А-ЯЁа-яё]|:))(?:,\s+[А-ЯЁа-яё][^:\n]{1,80}?)?"
        r":\s+(?P<speech>\S.*)$"
    ),
    speaker_follows_verb=True,
    speaker_in_previous_sentence=True,
    document_says=DOCUMENT_SAYS,
    straight_marks_nest=True,
    time_frame=re.compile(r"^(?:в|на|до)\s+(?:этом|этой|следующем|следующей|будущем|будущей|конца\s+этого)\b", re.IGNORECASE),
    attribution_after=re.compile(rf"^\W*Об\s+этом\s+(?:[\w,-]+\s+){{0,3}}?(?:{SPEECH_VERBS})(?![\w-])", re.IGNORECASE),
    framing=re.compile(
        r"(?<![\w-])(?:назвал|назвала|назвали|называет|называют|охарактеризовал\w*|расценил\w*|квалифицировал\w*)"
        r"(?:\s+[а-яё-]+){0,3}\s+(?:как\s+)?$",
        re.IGNORECASE,
    ),
    lemmas=lemmas,
    name_part=name_part,
    common_patronymics=COMMON_PATRONYMICS,
    is_subject=is_subject,
    unknown_word=unknown_word,
    role_before=role_before,
    in_apposition_nominative=in_apposition_nominative,
    offices_written=offices_written,
    event_words=event_words,
    place_adjectives=place_adjectives,
    gathering_after=re.compile(
        r"^\s+(?:конференци|саммит|встреч|заседани|переговор|форум|совещани|дворц|зал)\w*", re.IGNORECASE
    ),
    venue_in_first_sentence=True,
    transliterate=transliterate,
    translation_note="in Russian, as the article writes it: write it in English",
)
