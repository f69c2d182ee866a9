"""The entities already in chronology/ and one scanner that finds all their names in a text."""

from __future__ import annotations

import re
from collections.abc import Callable
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
    gazetteer: dict[str, Place] = field(default_factory=dict)
    """Cities the extractor may find as venues though places.yml has no entry for them: a
    draft that names one gets a new place stub (see `gazetteer.py`)."""

    @cached_property
    def venues(self) -> dict[str, Place]:
        """The places of the chronology and of the gazetteer (the chronology's entry wins)."""
        known = {normalise_name(n) for place in self.places.values() for n in (place.name, *place.aliases)}
        cities = {
            key: place for key, place in self.gazetteer.items()
            if key not in self.places and not {normalise_name(n) for n in (place.name, *place.aliases)} & known
        }
        return {**cities, **self.places}

    @cached_property
    def place_names(self) -> dict[str, str]:
        """Every name and alias of a known place, as normalise_name writes it, to its id."""
        names: dict[str, str] = {}
        for key, place in self.venues.items():
            for name in (place.name, *place.aliases):
                names.setdefault(normalise_name(name), key)
        return names

    @cached_property
    def _full_names(self) -> list[tuple[str, str, str]]:
        """Each known person's given name and surname, folded, with the id."""
        names = []
        for key, person in self.people.items():
            for name in (person.name, *person.aliases):
                words = fold_text(name).lower().split()
                if len(words) >= 2 and len(words[-1]) >= _MISSPELT_MIN_LETTERS:
                    names.append((words[0], words[-1], key))
        return names

    def misspelt_person(self, name: str) -> str | None:
        """The known person whose name `name` misspells by one letter of the surname, the
        given name the same or one letter off too ("Dmitri Rogosin" for Dmitry Rogozin,
        "Jap de Hoop Schefer" for Jaap de Hoop Scheffer): copy that a page retyped, or a
        transliteration of its own. Not a surname's other gender ("Irina Ivanova" is no Igor
        Ivanov). None when no known person, or more than one, is that close."""
        words = fold_text(name).lower().split()
        if len(words) < 2 or len(words[-1]) < _MISSPELT_MIN_LETTERS:
            return None
        given, surname = words[0], words[-1]
        found = {
            key for known_given, known, key in self._full_names
            if (given == known_given or _one_edit_apart(given, known_given))
            and _one_edit_apart(surname, known)
            and surname + "a" != known and known + "a" != surname  # the surname's other gender
        }
        return found.pop() if len(found) == 1 else None

    @cached_property
    def matcher(self) -> EntityMatcher:
        return EntityMatcher(self)

    @cached_property
    def _lemma_matchers(self) -> dict[int, LemmaMatcher]:
        return {}

    def lemma_matcher(
        self, lemmas: Callable[[str], frozenset[str]],
        adjectives: Callable[[str], frozenset[str]] | None = None,
    ) -> LemmaMatcher:
        """The matcher of names in a language with morphology, built once per language."""
        matchers = self._lemma_matchers
        if id(lemmas) not in matchers:
            matchers[id(lemmas)] = LemmaMatcher(self, lemmas, adjectives)
        return matchers[id(lemmas)]


@dataclass(frozen=True)
class Form:
    """One way an entity is written: its kind and id, and how strictly to match it."""

    kind: str
    id: str
    text: str
    case_sensitive: bool
    surname: bool = False
    """A person's surname alone: trusted only with a title, a speech verb or the full name."""
    inflected: bool = False
    """Written in a language whose names inflect and matched by dictionary form ("Лаврову"):
    a capitalised word that a dictionary reads as that surname is the person."""


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


_MISSPELT_MIN_LETTERS = 5
"""Shorter surnames are too many words one letter apart."""


def _one_edit_apart(a: str, b: str) -> bool:
    """Two words one typing slip apart: a letter changed, added, dropped, or two neighbours
    swapped ("peksov", "peskov")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        differ = [i for i in range(len(a)) if a[i] != b[i]]
        return len(differ) == 1 or (
            len(differ) == 2 and differ[1] == differ[0] + 1
            and a[differ[0]] == b[differ[1]] and a[differ[1]] == b[differ[0]]
        )
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    same = next((i for i in range(len(shorter)) if shorter[i] != longer[i]), len(shorter))
    return shorter[same:] == longer[same + 1 :]


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
        for key, place in catalog.venues.items():
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


_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_INFLECTED_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_BETWEEN_TOKENS = re.compile(r"[\s\-‐-―]*")
"""What may stand between the words of one name: spaces and hyphens or dashes ("Россия–НАТО")."""


@dataclass(frozen=True)
class _LemmaForm:
    lemmas: tuple[frozenset[str], ...]
    """Each word's dictionary forms."""
    capitals: tuple[bool, ...]
    """Each word starts with a capital in the name, and must in the text."""
    form: Form
    extended: bool = False
    """Another name of the entity starts with this one ("МИД" of "МИД России"): followed by a
    capitalised word ("МИД Германии") it names something else."""


class LemmaMatcher:
    """Known names written in a language whose words inflect: a word of the text matches a
    word of a name when they share a dictionary form, so the known "Сергей Лавров" is found
    in "Сергею Лаврову" and "Совет Россия–НАТО" in "Совета Россия-НАТО". Only names written in
    that language's script are indexed; the folded matcher reads the rest."""

    def __init__(
        self, catalog: Catalog, lemmas: Callable[[str], frozenset[str]],
        adjectives: Callable[[str], frozenset[str]] | None = None,
    ) -> None:
        self.lemmas = lemmas
        self.by_lemma: dict[str, list[_LemmaForm]] = {}
        entries: list[tuple[str, str, list[str]]] = []
        entries += [("person", k, [p.name, *p.aliases]) for k, p in catalog.people.items()]
        entries += [
            ("organization", k, [o.name, *o.aliases, *([o.abbreviation] if o.abbreviation else [])])
            for k, o in catalog.organizations.items()
        ]
        entries += [
            ("treaty", k, [t.name, *t.aliases, *([t.abbreviation] if t.abbreviation else [])])
            for k, t in catalog.treaties.items()
        ]
        entries += [("place", k, [p.name, *p.aliases]) for k, p in catalog.venues.items()]
        for kind, key, names in entries:
            own = [_INFLECTED_TOKEN.findall(n) for n in names if _CYRILLIC.search(n)]
            if kind == "person":
                # The surname alone, as the folded matcher has it for Latin names.
                own += [[words[-1]] for words in own if len(words) >= 2 and [words[-1]] not in own]
            for words in own:
                if not words:
                    continue
                name = " ".join(words)
                form = Form(kind, key, name, True, surname=kind == "person" and len(words) == 1, inflected=True)
                extended = kind != "person" and any(
                    len(other) > len(words) and other[: len(words)] == words for other in own
                )
                entry = _LemmaForm(
                    tuple(self._name_lemmas(w) if kind == "person" else self.lemmas(w) for w in words),
                    tuple(w[:1].isupper() for w in words), form, extended,
                )
                for lemma in entry.lemmas[0]:
                    self.by_lemma.setdefault(lemma, []).append(entry)
                if kind == "place" and len(words) == 1 and adjectives is not None:
                    # "в бухарестском Дворце", "Мюнхенской конференции": the place's adjective.
                    entry = _LemmaForm((adjectives(words[0]),), (False,), form)
                    for lemma in entry.lemmas[0]:
                        self.by_lemma.setdefault(lemma, []).append(entry)

    def _name_lemmas(self, word: str) -> frozenset[str]:
        """A word of a person's name, written in the dictionary form: that form alone when the
        dictionary has it, not other words it could come from (the surname "Сергеев" is no
        form of the given name "Сергей", which the dictionary also offers for it)."""
        lemmas = self.lemmas(word)
        return frozenset({word.lower()}) if word.lower() in lemmas else lemmas

    def find(self, text: str) -> list[tuple[int, int, Form]]:
        """Every known name in the text, the longest where two start at one word."""
        tokens = [(m.start(), m.end(), m[0]) for m in _INFLECTED_TOKEN.finditer(text)]
        found: list[tuple[int, int, Form]] = []
        index = 0
        while index < len(tokens):
            best: tuple[int, Form] | None = None
            for lemma in self.lemmas(tokens[index][2]):
                for entry in self.by_lemma.get(lemma, ()):
                    size = len(entry.lemmas)
                    if best is not None and size <= best[0]:
                        continue
                    if index + size <= len(tokens) and self._fits(entry, tokens, index, text):
                        if entry.extended and index + size < len(tokens):
                            _, last_end, _ = tokens[index + size - 1]
                            next_start, _, next_word = tokens[index + size]
                            if next_word[:1].isupper() and text[last_end:next_start] == " ":
                                continue
                        best = (size, entry.form)
            if best is None:
                index += 1
                continue
            size, form = best
            found.append((tokens[index][0], tokens[index + size - 1][1], form))
            index += size
        return found

    def _fits(self, entry: _LemmaForm, tokens: list[tuple[int, int, str]], index: int, text: str) -> bool:
        for offset, (lemmas, capital) in enumerate(zip(entry.lemmas, entry.capitals)):
            start, end, word = tokens[index + offset]
            if capital and not word[:1].isupper():
                return False
            written = entry.form.text.split()[offset]
            if written.isupper() and len(written) > 1 and not word[: len(written)].isupper():
                return False  # an abbreviation is written in capitals ("МИДа"): "ДОН" is not the river Дон
            if offset and not _BETWEEN_TOKENS.fullmatch(text, tokens[index + offset - 1][1], start):
                return False
            if not lemmas & self.lemmas(word):
                return False
        return True
