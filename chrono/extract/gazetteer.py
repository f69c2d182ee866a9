"""Cities the extractor recognises as venues though the chronology has no entry for them yet.

places.yml holds the places the chronology's events happened in, each with its page on the
site. An article about a meeting in Berlin or Oslo names a venue that is not there yet; without
this list "in Berlin" would read as an unknown word and the draft would have no place. A city
found here becomes a new place stub in the draft (name, spellings, country), which an editor
completes with its coordinates as for any other new place. Names are written as the English
press and the Russian press write them (nominative; the morphology finds the other cases).
"""

from __future__ import annotations

from ..model import Place
from .normalise import make_slug

# English name, other spellings, country. Capitals and the cities where NATO, the NATO-Russia
# Council and their members met or that the conflict's news names most often.
_CITIES = (
    ("Berlin", ("Берлин",), "Germany"),
    ("London", ("Лондон",), "United Kingdom"),
    ("Rome", ("Рим", "Roma"), "Italy"),
    ("Oslo", ("Осло",), "Norway"),
    ("Copenhagen", ("Копенгаген",), "Denmark"),
    ("Stockholm", ("Стокгольм",), "Sweden"),
    ("The Hague", ("Гаага",), "Netherlands"),
    ("Amsterdam", ("Амстердам",), "Netherlands"),
    ("Strasbourg", ("Страсбург",), "France"),
    ("Deauville", ("Довиль",), "France"),
    ("Ottawa", ("Оттава",), "Canada"),
    ("Chicago", ("Чикаго",), "United States"),
    ("Ankara", ("Анкара",), "Turkey"),
    ("Athens", ("Афины",), "Greece"),
    ("Budapest", ("Будапешт",), "Hungary"),
    ("Bratislava", ("Братислава",), "Slovakia"),
    ("Ljubljana", ("Любляна",), "Slovenia"),
    ("Zagreb", ("Загреб",), "Croatia"),
    ("Belgrade", ("Белград",), "Serbia"),
    ("Podgorica", ("Подгорица",), "Montenegro"),
    ("Skopje", ("Скопье",), "North Macedonia"),
    ("Tirana", ("Тирана",), "Albania"),
    ("Tallinn", ("Таллин", "Таллинн"), "Estonia"),
    ("Seville", ("Севилья", "Sevilla"), "Spain"),
    ("Sintra", ("Синтра",), "Portugal"),
    ("Heiligendamm", ("Хайлигендамм",), "Germany"),
    ("Naantali", ("Наантали",), "Finland"),
    ("Kyiv", ("Kiev", "Киев"), "Ukraine"),
    ("Minsk", ("Минск",), "Belarus"),
    ("Chisinau", ("Chișinău", "Кишинев", "Кишинёв"), "Moldova"),
    ("Baku", ("Баку",), "Azerbaijan"),
    ("Yerevan", ("Ереван",), "Armenia"),
    ("Saint Petersburg", ("St. Petersburg", "St Petersburg", "Санкт-Петербург", "Петербург"), "Russia"),
    ("Sochi", ("Сочи",), "Russia"),
    ("Kaliningrad", ("Калининград",), "Russia"),
    ("Ulyanovsk", ("Ульяновск",), "Russia"),
    ("Pskov", ("Псков",), "Russia"),
    ("Murmansk", ("Мурманск",), "Russia"),
    ("Sevastopol", ("Севастополь",), "Ukraine"),
    ("Simferopol", ("Симферополь",), "Ukraine"),
    ("Kabul", ("Кабул",), "Afghanistan"),
)

GAZETTEER: dict[str, Place] = {
    make_slug(name): Place(make_slug(name), name, aliases, country=country)
    for name, aliases, country in _CITIES
}
"""Venues by id, for Catalog.gazetteer: the extractor's, not the chronology's."""
