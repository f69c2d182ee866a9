"""The entities already in chronology/ and one scanner that finds all their names in a text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ..model import Organization, Person, Place, Treaty
from .normalise import fold_text, normalise_name


@dataclass(frozen=True)
class Catalog:
    """The entities already in chronology/, to match names against."""

    people: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    treaties: dict[str, Treaty] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)

    @cached_property
    def place_names(self) -> dict[str, str]:
        """Every name and alias of a known place, as normalise_name writes it, to its id."""
        names: dict[str, str] = {}
        for key, place in self.places.items():
            for name in (place.name, *place.aliases):
                names.setdefault(normalise_name(name), key)
        return names

    @cached_property
    def matcher(self) -> EntityMatcher:
        return EntityMatcher(self)


@dataclass(frozen=True)
class Form:
    """One way an entity is written: its kind and id, and how strictly to match it."""

    kind: str
    id: str
    text: str
    case_sensitive: bool
    surname: bool = False
    """A person's surname alone: trusted only with a title, a speech verb or the full name."""


_GIVEN_NAME_VARIANTS = (
    ("sergei", "sergey", "sergej"), ("dmitry", "dmitri", "dmitriy", "dmitrii"),
    ("mike", "michael"), ("yevgeny", "evgeny", "yevgeniy", "evgeniy", "yevgeni", "evgeni"),
    ("alexander", "aleksandr", "alexandr", "aleksander"), ("andrei", "andrey", "andrej"),
    ("nikolai", "nikolay"), ("yuri", "yury", "yuriy", "iurii"), ("alexei", "alexey", "aleksei", "aleksey"),
    ("georgy", "georgiy", "georgi"), ("vasily", "vasiliy", "vassily"), ("anatoly", "anatoliy"),
    ("valery", "valeriy", "valeri"), ("grigory", "grigoriy"), ("matvei", "matvey"),
    ("vyacheslav", "viacheslav"), ("yevgeny", "jewgeni"), ("igor", "ihor"), ("mikhail", "michail"),
    ("vladimir", "wladimir"), ("pyotr", "petr", "piotr"), ("fyodor", "fedor"), ("ilya", "ilia"),
    ("bill", "william"), ("bob", "robert"), ("jim", "james"), ("tony", "anthony", "antony"),
    ("dick", "richard"), ("tom", "thomas"), ("joe", "joseph"), ("chuck", "charles"), ("jack", "john"),
)
"""Spellings of one given name: transliterations of Russian names and English short forms.
"Michael Pompeo" is the person `mike-pompeo`, not a new one."""
_VARIANTS_OF = {name: group for group in _GIVEN_NAME_VARIANTS for name in group}


def with_name_variants(names: list[str]) -> list[str]:
    """The names, and each full name again with the other spellings of its given name."""
    out = list(names)
    for name in names:
        first, _, rest = name.strip().partition(" ")
        if not rest:
            continue
        for variant in _VARIANTS_OF.get(first.lower(), ()):
            spelled = f"{variant.capitalize()} {rest}"
            if spelled not in out:
                out.append(spelled)
    return out


def _treaty_forms(treaty: Treaty) -> list[str]:
    forms = [treaty.name, *treaty.aliases]
    if treaty.abbreviation:
        forms += [treaty.abbreviation, f"{treaty.abbreviation} Treaty"]
    for form in list(forms):
        # "Treaty on Conventional Armed Forces in Europe" is also written without "Treaty on".
        if m := re.match(
            r"(?i)^(?:the\s+)?treaty\s+(?:on|for|of|between)\s+(?:the\s+)?(.+)$", form
        ):
            forms += [f"{m[1]} Treaty", f"{m[1]} treaty"]
    return forms


_POSSESSIVE_COUNTRIES = {
    "Russian": "Russia's",
    "Ukrainian": "Ukraine's",
    "American": "America's",
    "German": "Germany's",
    "French": "France's",
    "British": "Britain's",
    "Georgian": "Georgia's",
    "Polish": "Poland's",
    "Chinese": "China's",
    "Belarusian": "Belarus's",
    "Turkish": "Turkey's",
    "Finnish": "Finland's",
}
"""Adjective of a country and its possessive, for names of its institutions."""


class EntityMatcher:
    """One compiled pattern for every known name, so an article is scanned once."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        forms: dict[str, list[Form]] = {}
        surnames: dict[str, set[str]] = {}

        def add(kind: str, key: str, text: str, *, surname: bool = False) -> None:
            text = " ".join(fold_text(text).split())
            if len(text) < 2 or not re.search(r"[A-Za-z]", text):
                return
            case_sensitive = (text.isupper() and len(text) <= 6) or (
                " " not in text and kind != "treaty"
            )
            forms.setdefault(text.lower(), []).append(
                Form(kind, key, text, case_sensitive, surname)
            )

        for key, person in catalog.people.items():
            names = with_name_variants([person.name, *person.aliases])
            for name in names:
                if " " in name.strip() or "-" in name.strip():
                    add("person", key, name)
                    add("person", key, name.replace("-", " "))
            for name in names:
                parts = fold_text(name).split()
                if len(parts) >= 2:
                    last = parts[-1]
                    surnames.setdefault(last.lower(), set()).add(key)
                    if last.lower().startswith(("al-", "el-")):
                        surnames.setdefault(last[3:].lower(), set()).add(key)
                elif len(parts) == 1:
                    surnames.setdefault(parts[0].lower(), set()).add(key)
        for text, keys in surnames.items():
            for key in keys:
                add("person", key, text.title() if text.islower() else text, surname=True)
        for key, org in catalog.organizations.items():
            for text in [org.name, *org.aliases, *([org.abbreviation] if org.abbreviation else [])]:
                add("organization", key, text)
                # "Russian Foreign Ministry" is also written "Russia's Foreign Ministry".
                first, _, rest = text.partition(" ")
                if first in _POSSESSIVE_COUNTRIES and rest:
                    add("organization", key, f"{_POSSESSIVE_COUNTRIES[first]} {rest}")
        for key, treaty in catalog.treaties.items():
            for text in _treaty_forms(treaty):
                add("treaty", key, text)
        for key, place in catalog.places.items():
            for text in [place.name, *place.aliases]:
                add("place", key, text)
        self.forms = forms
        self.ambiguous_surnames = {name for name, keys in surnames.items() if len(keys) > 1}
        # Forms indexed by their first word: the text is scanned word by word and only the
        # forms starting with that word are tried, which is far faster than one big pattern.
        self.by_first_word: dict[str, list[tuple[str, list[Form]]]] = {}
        for key, options in forms.items():
            normal = _normalise_for_match(key)
            first_word = _WORD.match(normal)
            if first_word is None:
                continue
            first = first_word[0]
            self.by_first_word.setdefault(first, []).append((normal, options))
        for candidates in self.by_first_word.values():
            candidates.sort(key=lambda item: len(item[0]), reverse=True)
        words = sorted(self.by_first_word, key=len, reverse=True)
        # Only words that begin some known name are visited; the scan itself runs in C.
        self.first_words = (
            re.compile(rf"(?<![a-z0-9])(?:{'|'.join(map(re.escape, words))})(?![a-z0-9])")
            if words
            else None
        )

    def find(self, folded: str) -> list[tuple[int, int, Form]]:
        """Every known name in the folded text, longest first where two overlap."""
        found: list[tuple[int, int, Form]] = []
        normal = _normalise_for_match(folded)
        position_end = -1
        if self.first_words is None:
            return found
        for word in self.first_words.finditer(normal):
            start = word.start()
            if start < position_end:
                continue
            if start > 0 and (normal[start - 1].isalnum() or folded[start - 1] == "-"):
                continue
            candidates = self.by_first_word.get(word[0])
            if not candidates:
                continue
            for form_text, options in candidates:
                end = start + len(form_text)
                if not normal.startswith(form_text, start) or (
                    end < len(normal) and (normal[end].isalnum() or normal[end] == "_")
                ):
                    continue
                written = folded[start:end]
                kept = [f for f in options if not f.case_sensitive or _same_case(written, f.text)]
                if not kept:
                    continue
                found.extend((start, end, form) for form in kept)
                position_end = end
                break
        return found


_WORD = re.compile(r"[a-z0-9]+")


def _normalise_for_match(text: str) -> str:
    """Lower case with hyphens and line breaks as spaces, British spellings as American
    ("Organisation", "Defence", "Centre"); the length is kept, so offsets stay valid."""
    return _SPELLING.sub(lambda m: _AMERICAN[m[0]], text.lower().translate(_MATCH_TABLE))


_AMERICAN = {"isation": "ization", "defence": "defense", "centre": "center", "offence": "offense"}
_SPELLING = re.compile("|".join(_AMERICAN))


_MATCH_TABLE = str.maketrans({"-": " ", "\n": " ", "\t": " "})


def _same_case(written: str, form: str) -> bool:
    if form.isupper():
        # British style writes acronyms said as words in title case: "Nato", "Unesco".
        return written == form or (len(form) >= 4 and form.isalpha() and written == form.title())
    return written[:1].isupper()
