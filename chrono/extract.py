"""Article -> events and entity stubs. Rules only: no file I/O.

The main event is dated by the first date phrase of the lead, resolved against the
publication date; people are found by name (known ones from people.yml, new ones when a
title stands before the name or a speech verb after it); organizations, treaties and places
by name, abbreviation and alias. Other dated events the article states become draft entries.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property

from .dates import (
    DATE_PHRASE,
    TIME as TIME_OF_DAY,
    FUTURE_CONTEXT,
    PAST_CONTEXT,
    NUMBER_WORDS,
    PublicationDate,
    ResolvedDate,
    find_publication_date,
    is_month_word,
    resolve_phrase,
    resolve_span,
    resolve_span_forward,
)
from .model import (
    Article,
    DateBasis,
    Event,
    Organization,
    Person,
    PersonRole,
    PartialDate,
    Place,
    Quote,
    Role,
    SourceRef,
    Treaty,
)
from .sources import clean_article_text

# ---------------------------------------------------------------- text normalisation

_PUNCTUATION_FOLD = {
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "\u2010": "-", "\u2011": "-",
    "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
}


def _fold_char(char: str) -> str:
    if char in _PUNCTUATION_FOLD:
        return _PUNCTUATION_FOLD[char]
    if ord(char) < 128:
        return char
    base = unicodedata.normalize("NFKD", char)[:1]
    # Keep the length: one character in, one out, so match positions stay valid.
    return base if base and ord(base) < 128 else char


_FOLD_TABLE = {code: _fold_char(chr(code)) for code in range(128, 0x250)} | {
    ord(k): v for k, v in _PUNCTUATION_FOLD.items()
}


def fold_text(text: str) -> str:
    """ASCII-fold Latin letters and typographic punctuation, keeping the length."""
    return text.translate(_FOLD_TABLE)


def make_slug(text: str, *, max_words: int = 7, max_length: int = 60) -> str:
    """An id fragment: lower-case ASCII words joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", fold_text(text).lower().replace("'", ""))
    while len(words) > 1 and words[0] in ("the", "a", "an"):
        words.pop(0)
    kept: list[str] = []
    for word in words[:max_words]:
        if len("-".join([*kept, word])) > max_length:
            break
        kept.append(word)
    # A slug cut mid-phrase must not end on a word that needs a next one ("...-with").
    while len(kept) > 1 and kept[-1] in _SLUG_TAIL_WORDS:
        kept.pop()
    return "-".join(kept) or "event"


_SLUG_TAIL_WORDS = {
    "the", "a", "an", "of", "on", "in", "at", "to", "for", "and", "or", "with", "by", "from", "is",
    "are", "was", "were", "be", "been", "that", "this", "its", "their", "his", "her", "as", "into",
    "over", "about", "there", "not", "no", "will", "would", "following", "after", "before", "than",
    "s", "which", "who", "but", "has", "have", "had", "says", "said", "amid", "against", "between",
}


def normalise_name(text: str) -> str:
    """Key for comparing names: folded, lower-case, hyphens and dots as spaces."""
    text = fold_text(text).lower().replace("secretary-general", "secretary general")
    return " ".join(re.sub(r"[.\-'’]", " ", text).split())


# ---------------------------------------------------------------- vocabulary

TITLE_WORDS = {
    "president", "vice-president", "minister", "secretary", "secretary-general", "undersecretary",
    "under-secretary", "chief", "general", "colonel-general", "lieutenant-general", "major-general",
    "admiral", "vice-admiral", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
    "chancellor", "premier", "chairman", "chairwoman", "chair", "director", "director-general",
    "commander", "commander-in-chief", "head", "representative", "senator", "congressman",
    "governor", "mayor", "king", "queen", "marshal", "colonel", "lieutenant", "deputy", "leader",
    "adviser", "advisor", "counselor", "aide", "diplomat", "negotiator", "prime", "foreign",
    "defense", "defence", "mr", "mrs", "ms", "dr", "sir", "gen", "lt", "col", "adm", "sen", "rep",
    "president-elect", "speaker", "officer", "attache", "emissary", "delegate", "official",
}
"""Words that make a phrase before a name a role ("Deputy Foreign Minister")."""
RANKS = {
    "general", "colonel-general", "lieutenant-general", "major-general", "admiral", "vice-admiral",
    "colonel", "lieutenant", "marshal", "gen", "col", "lt", "adm", "mr", "mrs", "ms", "dr", "sir",
}
"""Ranks and honorifics: after an office and a comma they belong to the same person."""
OFFICE_WORDS = TITLE_WORDS - RANKS - {"foreign", "defense", "defence", "prime", "deputy"}
LOWERCASE_ROLE_WORDS = {
    "leader", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador", "chief",
    "minister", "president", "diplomat", "negotiator", "official", "commander", "delegate",
    "counterpart", "head", "secretary", "adviser", "advisor", "aide", "premier", "foreign",
    "defense", "defence", "deputy", "prime", "general", "top", "senior", "former", "then",
    "acting", "chief",
}
CONNECTORS = {"of", "the", "for", "on", "to", "in", "de"}
"""Small words inside a role ("Chief of the General Staff"); "and" is not one: it joins two people."""
NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "van", "von", "der", "da", "di", "du", "la", "le", "ter"}
NOT_NAME_WORDS = {
    "the", "a", "an", "at", "in", "on", "but", "and", "as", "if", "it", "he", "she", "they", "we",
    "i", "you", "this", "that", "these", "those", "also", "however", "meanwhile", "earlier",
    "later", "since", "according", "after", "before", "following", "barring", "speaking", "most",
    "more", "some", "many", "western", "eastern", "northern", "southern", "cold", "war", "source",
    "his", "her", "their", "our", "its", "there", "here", "while", "when", "where", "what", "who",
    "why", "how", "all", "both", "each", "no", "not", "so", "yet", "still", "then", "now", "today",
    "yesterday", "tomorrow", "tonight", "last", "next", "new", "old", "north", "south", "east",
    "west", "central", "european", "atlantic", "pacific", "middle", "far", "near", "united",
    "states", "kingdom", "nations", "union", "federation", "republic", "soviet", "russian",
    "american", "russia", "ukraine", "ukrainian", "nato", "us", "u.s.", "uk", "eu", "un", "by",
    "with", "from", "into", "over", "under", "about", "against", "between", "during", "without",
    "within", "among", "under", "said", "says", "told", "ministry", "council", "forces", "staff",
    "state", "department", "office", "agency", "news", "times", "post", "press", "committee",
    "alliance", "organization", "organisation", "treaty", "agreement", "accord", "conference",
    "summit", "forum", "parliament", "duma", "senate", "congress", "house", "white", "kremlin",
    "pentagon", "government", "army", "navy", "air", "force", "armed", "military", "security",
    "defense", "defence", "foreign", "affairs", "international", "national", "general", "chief",
    "headquarters", "day", "week", "month", "year", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "mr", "mrs", "ms", "dr", "sir",
    "christ", "god", "internet", "islamic", "muslim", "christian", "baltic", "caucasus", "balkan",
    "balkans", "crimea", "asia", "europe", "africa", "america", "syria", "syrian", "georgia",
    "georgian", "chinese", "china", "british", "french", "german", "polish", "spotlight",
}
"""Capitalised words that cannot start or end a new person's name."""
SPEECH_VERBS = (
    r"said|says|told|added|stressed|noted|stated|declared|warned|argued|explained|insisted|"
    r"emphasi[sz]ed|announced|remarked|claimed|asserted|replied|recalled|wrote|continued|"
    r"underlined|pointed\s+out|according\s+to"
)
_SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.IGNORECASE)
_PRONOUN_SPEECH = re.compile(rf"^\W{{0,3}}(?:he|she)\s+(?:\w+\s+){{0,2}}(?:{SPEECH_VERBS})\b", re.IGNORECASE)
TREATY_WORDS = re.compile(r"\b(?:treaty|agreement|accord|convention|pact|protocol|charter|act|memorandum)\b", re.IGNORECASE)
EVENT_WORDS = re.compile(r"\b(?:conference|summit|meeting|forum|exercises?|games|talks|session|dialogue|drills?)\b", re.IGNORECASE)
HEADQUARTERS = re.compile(r"\b(?:alliance(?:'s)?|nato(?:'s)?|north atlantic treaty organization(?:'s)?)\s+headquarters\b", re.IGNORECASE)
HEADQUARTERS_CITY = "Brussels"
"""NATO's headquarters have been in Brussels since 1967, for every year this chronology covers."""
GENERIC_ORGANIZATION_NAMES = {"north atlantic treaty organization", "nato"}
"""In a Russia–NATO chronology nearly every event names NATO, so it tells two events apart
no better than the word "Russia" does; it is ignored when looking for the same event."""
_KICKERS = {
    "spotlight", "analysis", "update", "updated", "exclusive", "opinion", "interview", "breaking",
    "factbox", "explainer", "commentary", "feature", "news", "roundup", "update 1", "update 2",
}
_TITLE_STOPWORDS = {
    "the", "a", "an", "of", "on", "in", "at", "to", "for", "and", "or", "with", "by", "from", "is",
    "are", "was", "were", "be", "been", "that", "this", "its", "their", "his", "her", "as", "into",
    "over", "about", "says", "said", "russia", "russian", "nato", "there", "not", "no", "will",
}

# ---------------------------------------------------------------- catalog of known entities


@dataclass(frozen=True)
class Catalog:
    """The entities already in chronology/, to match names against."""

    people: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    treaties: dict[str, Treaty] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)

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


def _treaty_forms(treaty: Treaty) -> list[str]:
    forms = [treaty.name, *treaty.aliases]
    if treaty.abbreviation:
        forms += [treaty.abbreviation, f"{treaty.abbreviation} Treaty"]
    for form in list(forms):
        # "Treaty on Conventional Armed Forces in Europe" is also written without "Treaty on".
        if m := re.match(r"(?i)^(?:the\s+)?treaty\s+(?:on|for|of|between)\s+(?:the\s+)?(.+)$", form):
            forms += [f"{m[1]} Treaty", f"{m[1]} treaty"]
    return forms


_POSSESSIVE_COUNTRIES = {
    "Russian": "Russia's", "Ukrainian": "Ukraine's", "American": "America's", "German": "Germany's",
    "French": "France's", "British": "Britain's", "Georgian": "Georgia's", "Polish": "Poland's",
    "Chinese": "China's", "Belarusian": "Belarus's", "Turkish": "Turkey's", "Finnish": "Finland's",
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
            case_sensitive = (text.isupper() and len(text) <= 6) or (" " not in text and kind != "treaty")
            forms.setdefault(text.lower(), []).append(Form(kind, key, text, case_sensitive, surname))

        for key, person in catalog.people.items():
            names = [person.name, *person.aliases]
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
        self.first_words = re.compile(rf"(?<![a-z0-9])(?:{'|'.join(map(re.escape, words))})(?![a-z0-9])") if words else None

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
                if not normal.startswith(form_text, start) or (end < len(normal) and (normal[end].isalnum() or normal[end] == "_")):
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
    """Lower case with hyphens and line breaks as spaces; the length is kept."""
    return text.lower().translate(_MATCH_TABLE)


_MATCH_TABLE = str.maketrans({"-": " ", "\n": " ", "\t": " "})


def _same_case(written: str, form: str) -> bool:
    if form.isupper():
        # British style writes acronyms said as words in title case: "Nato", "Unesco".
        return written == form or (len(form) >= 4 and form.isalpha() and written == form.title())
    return written[:1].isupper()


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class Extraction:
    """What one article yields: its main event, the other dated events it states, and stubs
    for people, organizations, treaties and places not yet in chronology/."""

    article: str
    event: Event
    mentioned: tuple[Event, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    treaties: tuple[Treaty, ...] = ()
    places: tuple[Place, ...] = ()


class ExtractionError(Exception):
    """The article cannot become an event; the message says why in one line."""


@dataclass
class _Mention:
    start: int
    end: int
    kind: str
    id: str
    role: str | None = None
    full: bool = True


@dataclass
class _Sentence:
    start: int
    end: int
    text: str


# ---------------------------------------------------------------- sentences

_ABBREVIATIONS = {
    "u.s", "u.n", "u.k", "e.u", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "adm", "sen", "rep",
    "st", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc",
    "gov", "sgt", "capt", "maj", "prof", "inc", "co", "corp", "jr", "sr", "approx", "fig",
}


def split_sentences(text: str, offset: int = 0) -> list[_Sentence]:
    """Sentences with their positions; "U.S." and "V.V. Putin" do not end a sentence."""
    sentences = []
    start = 0
    for match in re.finditer(r"[.!?]+[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])", text):
        before = text[start : match.start() + 1]
        word = re.findall(r"([A-Za-z.]+)\.$", before.rstrip("\"”’'"))
        token = word[0].lower().rstrip(".") if word else ""
        if token in _ABBREVIATIONS or _LOWER_INITIALS.fullmatch(token):
            continue
        end = match.end()
        chunk = text[start:end].strip()
        if chunk:
            sentences.append(_Sentence(offset + start, offset + start + len(text[start:end].rstrip()), chunk))
        start = end
    chunk = text[start:].strip()
    if chunk:
        sentences.append(_Sentence(offset + start, offset + len(text.rstrip()), chunk))
    return sentences


# ---------------------------------------------------------------- the article's parts


_DATELINE = re.compile(
    r"^(?P<city>(?:St\.\s)?[A-Z][A-Za-z']+(?:[ -][A-Z][A-Za-z']+){0,2})"
    r"(?P<rest>(?:[,.]\s*[^-–—(/\n]{1,40}?)?\s*(?:\([^)\n]{1,60}\))?\s*(?:--|—|–|-)\s+"
    r"|(?:[,.]\s*[^-–—(/\n]{1,40}?)?\s*/[A-Za-z-]{2,12}/\.?\s+"
    r"|\s*\([^)\n]{1,60}\)\s+(?=[A-Z]))"
)


def find_dateline(paragraph: str) -> tuple[str, int] | None:
    """The city of a dateline ("VIENNA --", "MOSCOW, April 27 (Xinhua) --") and where the
    sentence after it starts, or None. A title-case city needs a date or a credit after it,
    so an ordinary sentence ending in a dash is not taken for a dateline."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    city = match["city"]
    rest = match["rest"]
    if not city.isupper() and not re.search(r"[,(/]", rest):
        return None
    if city.lower() in NOT_NAME_WORDS and city.lower() not in {"washington"}:
        return None
    return city, match.end()


_STAMP_LABELS = {
    "published", "posted", "issued", "updated", "last", "modified", "date", "dated", "on", "at",
    "am", "pm", "gmt", "utc", "cet", "cest", "msk", "est", "edt", "bst",
}
"""Words of a page's date stamp ("Issued on 01 Apr. 2014 | Last updated: 02 Apr. 2014")."""


def is_stamp_line(line: str) -> bool:
    """A line that is only a date or a time ("14 Mar, 2014 10:05"), perhaps with the labels of
    a stamp ("Published On 28 Mar 2022"): the page's, not the story's."""
    if len(line) > 80:
        return False
    rest = TIME_OF_DAY.sub(" ", DATE_PHRASE.sub(" ", line))
    if rest == line:
        return False
    words = re.findall(r"[A-Za-z]{2,}", rest)
    return len(words) <= 2 or (len(line) <= 80 and all(w.lower() in _STAMP_LABELS for w in words))


def strip_headline(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The headline (a short first line that is not a sentence of the body) and the rest."""
    if len(paragraphs) < 2:
        return None, paragraphs
    first = paragraphs[0]
    words = first.split()
    is_sentence = first.rstrip().endswith((".", '"', "”")) and len(words) > 14
    if len(first) <= 160 and not is_sentence and find_dateline(first) is None:
        return first, paragraphs[1:]
    return None, paragraphs


def clean_headline(headline: str, publisher: str | None) -> str:
    """Drop a kicker ("Spotlight:") and a trailing site or publisher name ("– Rossiyskaya Gazeta")."""
    text = " ".join(headline.split())
    if m := re.match(r"^([A-Za-z ]{3,20}\d?):\s+(.+)$", text):
        if m[1].strip().lower() in _KICKERS:
            text = m[2]
    if m := re.match(r"^(.{12,}?)\s+[|–—-]\s+([A-Z][\w.&'() ]{1,60})$", text):
        tail_words = m[2].split()
        names_publisher = bool(publisher) and normalise_name(m[2]) in normalise_name(publisher or "")
        if names_publisher or (len(tail_words) <= 4 and all(w[:1].isupper() for w in tail_words)):
            text = m[1]
    return text.strip()


def shorten_title(sentence: str, *, max_words: int = 12) -> str:
    """A sentence cut to a headline: the first clause, at most `max_words` words."""
    text = re.sub(r"\s+", " ", sentence).strip().rstrip(".").lstrip(".,;:-–— ")
    text = re.sub(r"^(?:In|On|At|By|Since|During)\s+[^,]{3,40},\s+", "", text)
    text = re.sub(r"^(?:However|Meanwhile|Also|But|And|In addition|In fact|Currently),?\s+", "", text)
    words = text.split()
    if len(words) > max_words:
        words = words[:max_words]
        while words and words[-1].lower().strip(",;:") in _TITLE_STOPWORDS | {"his", "her", "its", "a"}:
            words.pop()
        text = " ".join(words).rstrip(",;:") + "…"
    text = text[:1].upper() + text[1:]
    return text


# ---------------------------------------------------------------- people


_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*\.?|[^\sA-Za-z]")


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,6}")
_NAME_WORD = re.compile(r"(?:(?:al|el|bin|ibn)-)?[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?")
_LOWER_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() and any(c.islower() for c in token)


def _is_initials(token: str) -> bool:
    return bool(_INITIALS.fullmatch(token))


def _is_abbreviation(token: str) -> bool:
    return bool(_ABBREVIATION.fullmatch(token))


_ROLE_STOPS = {
    "said", "says", "told", "by", "with", "from", "between", "during", "at", "when", "while",
    "after", "before", "that", "as", "and", "but", "or",
}


def find_role_before(text: str, start: int) -> str | None:
    """The role written right before a name ("NATO Secretary-General", "Chief of the
    General Staff of the Russian Armed Forces"), or None if the words there are not one."""
    window = text[max(0, start - 160) : start]
    # A role never reaches back into the previous paragraph.
    window = window[window.rfind("\n") + 1 :]
    tokens = [(m.start(), m[0]) for m in _TOKEN.finditer(window)]
    taken: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        _, token = tokens[i]
        bare = token.rstrip(".")
        lower = bare.lower()
        if token in (",", ";", ":", "(", ")", '"', "“", "”") or not token[:1].isascii() or not token[:1].isalpha():
            break
        if token.endswith(".") and not (_is_abbreviation(token) or _is_initials(token) or lower in _ABBREVIATIONS):
            break  # the end of the previous sentence ("... with Nato. President Putin")
        if lower in CONNECTORS or _is_capitalised(token) or _is_abbreviation(token) or lower in LOWERCASE_ROLE_WORDS:
            if lower in _ROLE_STOPS:
                break
            taken.insert(0, token)
            i -= 1
            continue
        break
    # Trim the edges: connectors and sentence openers are not part of a role.
    while taken and (taken[0].lower() in CONNECTORS | {"speaking", "also", "meanwhile", "however", "then", "but", "and", "yesterday", "today"}):
        taken.pop(0)
    while taken and taken[-1].lower() in CONNECTORS:
        taken.pop()
    if not taken:
        return None
    words = {t.lower().rstrip(".") for t in taken}
    if not words & (TITLE_WORDS | LOWERCASE_ROLE_WORDS):
        return None
    if words <= RANKS | CONNECTORS:
        # A rank alone after a comma: the office is written before it
        # ("the Deputy Minister of Defense of Russia, Colonel-General Alexander Fomin").
        before = window[: tokens[i + 1][0]] if i + 1 < len(tokens) else window
        before = before.rstrip()
        if before.endswith(","):
            office = find_role_before(text, max(0, start - len(window) + len(before) - 1))
            if office and {w.lower() for w in office.split()} & OFFICE_WORDS:
                return office
    role = " ".join(taken)
    if role.lower() in {"top", "senior", "former"} or {t.lower().rstrip(".") for t in taken} <= _HONORIFICS:
        return None
    return role


_ROLE_AFTER = re.compile(r",\s+(?:the\s+|a\s+)?((?:[A-Z][\w'’.-]*|of|the|for|to|in|[a-z]+)(?:\s+(?:[A-Z][\w'’.-]*|of|the|for|to|in|[a-z]+)){0,8}),")


def find_role_after(text: str, end: int) -> str | None:
    """"Gen. Philip Breedlove, the Supreme Allied Commander Europe, told": the office set off
    by commas after the name, holding an office word. Lower-case words may only be role words
    ("Jens Stoltenberg, the NATO secretary general, said"; "the commander of U.S. Army Europe")."""
    match = _ROLE_AFTER.match(text, end)
    if not match:
        return None
    words = match[1].split()
    if any(w.islower() and w not in CONNECTORS and w not in LOWERCASE_ROLE_WORDS for w in words):
        return None
    while words and words[-1] in CONNECTORS:
        words.pop()
    if not {w.lower().rstrip(".") for w in words} & (OFFICE_WORDS - _HONORIFICS):
        return None
    return " ".join(words)


def find_appositive_role(text: str, start: int, end: int) -> str | None:
    """"Russia's envoy to NATO, Alexander Grushko, said": a role, a comma, the name, a comma."""
    if not re.match(r"\s*,", text[end : end + 3]) or not re.search(r",\s*$", text[max(0, start - 3) : start]):
        return None
    comma = text.rfind(",", 0, start)
    before = text[max(0, comma - 80) : comma]
    match = re.search(r"(?:^|[.;:\"”]\s|,[\"”]?\s|(?:--|—|–)\s|\b(?:and|but|while|as|that|which|by|with)\s)((?:[A-Z][\w'’.-]*|the|of|to|for)(?:\s+[\w'’.-]+){0,7})$", before)
    if not match:
        return None
    # Never reach back over the end of a sentence.
    words = re.split(r"(?<=[a-z][.!?])\s+(?=[A-Z])", match[1])[-1].split()
    if not {w.lower().strip("'’s") for w in words} & OFFICE_WORDS | ({w.lower() for w in words} & OFFICE_WORDS):
        return None
    while len(words) > 1 and words[0] in ("the", "The"):
        words.pop(0)  # "the US secretary of state, Mike Pompeo": the role is without the article
    return " ".join(words)


_NAME_TOKEN = r"(?:(?:[A-Z]\.){1,3}|(?:al|el|bin|ibn)-[A-Z][\w'’]+|[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*\.?)"
_CAPITALISED_RUN = re.compile(
    rf"{_NAME_TOKEN}(?:\s+(?:(?:de|van|von|der|da|di|du|la|le|ter|bin|ibn)\s+)?{_NAME_TOKEN})*"
)


def _is_name_word(word: str) -> bool:
    bare = word.lower().rstrip(".")
    if bare in NOT_NAME_WORDS or bare in TITLE_WORDS or bare in NAME_PARTICLES:
        return bare in NAME_PARTICLES
    if _is_initials(word):
        return True
    return bool(_NAME_WORD.fullmatch(word))


_SUBJECT_VERB = re.compile(
    r"\s+(?:has\s+|had\s+|will\s+|would\s+)?(?:decided?|announced?|warned?|ordered?|signed?|vowed?|pledged?|"
    r"accused?|urged?|insisted?|denied?|met|meet|visited?|called|promised?|threatened?|argued?|admitted?|"
    r"praised?|critici[sz]ed?|condemned?|welcomed?|rejected?|proposed?|demanded?|refused?|appointed?|"
    r"dismissed?|resigned?|stressed?|declared?|agreed?|claimed?|suggested?)\b"
)
"""Verbs only a person (or a body, which is not a capitalised two-word name) does: "Donald
Trump has decided" names a person; "Black Sea Fleet was placed" does not."""


def find_new_people(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str | None]]:
    """Names of people not in people.yml: the last two to four words of a capitalised run
    ("Moldovan Defence Minister Vitalie Marinuta"), with a role written before them or a
    speech verb beside them. Returns (start, end, name, role)."""
    found = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = [(m.start() + run.start(), m[0]) for m in re.finditer(r"\S+", run[0])]
        name_words: list[tuple[int, str]] = []
        for position, word in reversed(words):
            if not _is_name_word(word):
                break
            name_words.insert(0, (position, word))
        while name_words and name_words[0][1].lower() in NAME_PARTICLES:
            name_words.pop(0)
        full_words = [w for _, w in name_words if not _is_initials(w) and w.lower() not in NAME_PARTICLES]
        if len(full_words) < 2 or len(name_words) > 4:
            continue
        start = name_words[0][0]
        end = name_words[-1][0] + len(name_words[-1][1])
        if any(s < end and start < e for s, e in taken):
            continue
        name = text[start:end]
        role = find_role_before(text, start) or find_appositive_role(text, start, end)
        if role is None or {w.lower().rstrip(".") for w in role.split()} <= RANKS:
            role = find_role_after(text, end) or role
        after = text[end : end + 60]
        speaks = re.match(rf"\s*,?\s*(?:,[^,]{{1,60}},\s*)?(?:{SPEECH_VERBS})\b", after) is not None
        said_before = re.search(rf"\b(?:{SPEECH_VERBS})\s+$", text[max(0, start - 20) : start]) is not None
        # The subject of a sentence: "Donald Trump has decided ...", "Jaap de Hoop Scheffer warned".
        subject = bool(_SUBJECT_VERB.match(after)) and (start == 0 or bool(re.search(r"(?:^|[.!?\n]\s*|\n)$", text[max(0, start - 3) : start])))
        if role or speaks or said_before or subject:
            found.append((start, end, name, role))
    return found


# ---------------------------------------------------------------- the extractor


def extract_article(article: Article, catalog: Catalog) -> Extraction:
    """The events one article reports, with stubs for entities it names that are unknown."""
    return _ArticleReader(article, catalog).read()


class _ArticleReader:
    """State for reading one article; each method is one rule."""

    def __init__(self, article: Article, catalog: Catalog) -> None:
        self.article = article
        self.catalog = catalog
        self.cleaned = clean_article_text(article.text)
        paragraphs = [p for p in self.cleaned.split("\n") if p.strip() and not is_stamp_line(p)]
        headline, body = strip_headline(paragraphs)
        self.headline = headline
        self.body = "\n".join(body)
        self.folded = fold_text(self.body)
        self.paragraph_starts = []
        position = 0
        for paragraph in body:
            self.paragraph_starts.append(position)
            position += len(paragraph) + 1
        self.paragraphs = body
        self.dateline = find_dateline(body[0]) if body else None
        self.sentences: list[_Sentence] = []
        for start, paragraph in zip(self.paragraph_starts, body):
            # The dateline is not a sentence: "MOSCOW. Feb 3 (Interfax) -" must not be split.
            skip = self.dateline[1] if self.dateline and start == 0 else 0
            self.sentences.extend(split_sentences(paragraph[skip:], start + skip))
        self.main_end: PartialDate | None = None
        """The main event's last day when a later sentence gives it ("the summit ends May 31")."""
        self.main_position: int | None = None
        """Where the main event's date phrase starts in the body."""
        self.new_people: dict[str, Person] = {}
        self.new_organizations: dict[str, Organization] = {}
        self.new_treaties: dict[str, Treaty] = {}
        self.new_places: dict[str, Place] = {}

    # -------------------------------------------------------- top level

    def read(self) -> Extraction:
        if not re.search(r"[^\W\d_]{2}", self.body):
            raise ExtractionError("no article text is left once the page around it is removed")
        published = find_publication_date(self.article.published, self.article.text.splitlines(), self.article.url)
        if published is None:
            raise ExtractionError(
                "no publication date: add `published` for it in seeds/sources.yml "
                "(none was found in the text or the URL)"
            )
        mentions = self.find_mentions()
        main_sentence, resolved = self.find_main_date(published)
        review: list[str] = []
        if resolved is None:
            resolved = ResolvedDate(
                published.date, "(no date in the text)",
                f"no date phrase in the lead; the publication date ({published.basis})",
            )
            review.append("the lead gives no date; the publication date was used")
        if resolved.review:
            review.append(resolved.review)
        place = self.find_place(main_sentence)
        people = self.collect_people(mentions)
        summary = self.make_summary()
        title = self.make_title(main_sentence).strip() or shorten_title(summary).strip() or f"Article {self.article.file}"
        summary = summary or title
        quotes = self.find_quotes(mentions)
        source = self.make_source(published)
        event = Event(
            id=f"{resolved.date.iso()}-{make_slug(title)}",
            title=title,
            date=resolved.date,
            end_date=resolved.end_date,
            approximate=resolved.approximate,
            date_basis=DateBasis(resolved.phrase, published.date.iso(), resolved.rule),
            place=place,
            summary=summary,
            people=people,
            organizations=self.ids_of(mentions, "organization"),
            treaties=self.ids_of(mentions, "treaty"),
            quotes=quotes,
            sources=(source,),
            provenance="extracted",
            status="draft",
            review=tuple(review),
        )
        mentioned = self.find_mentioned_events(published, main_sentence, resolved, mentions, event.id, source)
        if self.main_end is not None and self.main_end.first_day() > resolved.date.last_day():
            event = replace(event, end_date=self.main_end)
        if mentioned:
            event = replace(event, related=tuple(sorted({m.id for m in mentioned})))
        return Extraction(
            article=self.article.file,
            event=event,
            mentioned=tuple(mentioned),
            people=tuple(self.new_people.values()),
            organizations=tuple(self.new_organizations.values()),
            treaties=tuple(self.new_treaties.values()),
            places=tuple(self.new_places.values()),
        )

    def make_source(self, published: PublicationDate) -> SourceRef:
        return SourceRef(
            article=self.article.file,
            url=self.article.url,
            publisher=self.article.publisher,
            published=published.date.iso(),
            title=clean_headline(self.headline, self.article.publisher) if self.headline else None,
        )

    # -------------------------------------------------------- dates

    @cached_property
    def all_phrases(self) -> list[re.Match[str]]:
        """Every date phrase of the body, found in one pass."""
        return list(DATE_PHRASE.finditer(self.body))

    def phrases_in(self, sentence: _Sentence, *, skip_until: int = 0) -> list[tuple[str, str, int]]:
        """Date phrases in a sentence as (kind, text, position), months only when capitalised."""
        found = []
        for match in self.all_phrases:
            position = match.start()
            if position < max(skip_until, sentence.start) or match.end() > sentence.end:
                continue
            kind = match.lastgroup or ""
            words = match[0].replace(",", " ").split()
            months = [w for w in words if w.lower().rstrip(".") in _MONTH_NAMES]
            if months and not all(is_month_word(w) for w in months):
                continue
            if kind == "weekday" and not any(w[0].isupper() for w in words if w.lower() in _WEEKDAY_NAMES):
                continue
            found.append((kind, match[0], position))
        return found

    def find_main_date(self, published: PublicationDate) -> tuple[_Sentence | None, ResolvedDate | None]:
        """The first date phrase of the lead (the first paragraphs), resolved."""
        skip = self.dateline[1] if self.dateline else 0
        lead_end = self.paragraph_starts[min(2, len(self.paragraph_starts) - 1)] if len(self.paragraph_starts) > 2 else len(self.body)
        first_sentence = next((s for s in self.sentences), None)
        for sentence in self.sentences:
            if sentence.start >= lead_end:
                break
            for kind, phrase, position in self.phrases_in(sentence, skip_until=skip):
                if kind == "period" and phrase.lower().split()[0] in ("this", "next"):
                    continue  # "this year", "next month": a time frame, not when it happened
                tense = self.tense_of(sentence, position)
                resolved = resolve_phrase(kind, phrase, published.date, tense=tense)
                if resolved is None:
                    continue
                if tense == "future" or resolved.date.first_day() > published.date.last_day():
                    # "X will happen from November 1, the minister announced on Monday": the
                    # news is the announcement; the step it announces is a mentioned event.
                    reported = self.reported_date(sentence, position, published)
                    if reported is not None:
                        return sentence, reported
                resolved = self.widen_to_span(sentence, position, resolved)
                self.main_position = position
                return sentence, resolved
        return first_sentence, None

    def reported_date(self, sentence: _Sentence, after: int, published: PublicationDate) -> ResolvedDate | None:
        """A later date phrase of the sentence right after a reporting verb ("announced on
        Monday", "said Tuesday") that is not in the future: when the report was made."""
        for kind, phrase, position in self.phrases_in(sentence, skip_until=after + 1):
            if not re.search(rf"\b(?:{SPEECH_VERBS}|announced|declared|decided|confirmed)\s+(?:on\s+)?$", self.body[max(sentence.start, position - 30) : position], re.IGNORECASE):
                continue
            resolved = resolve_phrase(kind, phrase, published.date, tense="past")
            if resolved is not None and resolved.date.last_day() <= published.date.last_day():
                self.main_position = position
                return resolved
        return None

    def tense_of(self, sentence: _Sentence, position: int) -> str | None:
        """"future" or "past" from the verbs around a date phrase, or None when unclear."""
        before = self.body[max(sentence.start, position - 60) : position]
        if FUTURE_CONTEXT.search(before):
            return "future"
        near = self.body[max(sentence.start, position - 25) : position]
        if re.search(r"\b(?:ends|begins|starts|opens|closes|runs|is|are)\s+(?:on\s+)?$", near, re.IGNORECASE):
            return None
        after = self.body[position : min(sentence.end, position + 50)]
        if PAST_CONTEXT.search(near) or PAST_CONTEXT.search(after):
            return "past"
        return None

    def widen_to_span(self, sentence: _Sentence, position: int, resolved: ResolvedDate) -> ResolvedDate:
        """A multi-day event: "the two-day event that ended Thursday" ends on the date, "a
        three-day summit that opened on Monday" starts on it. The length is read from the lead."""
        before = self.body[max(sentence.start, position - 60) : position].lower()
        edge = re.search(
            r"\b(?P<verb>ended|closed|concluded|wrapped\s+up|finished|opened|began|started|kicked\s+off)\b"
            r"(?!.*\b(?:and|but|after|before|when)\b)",
            before,
        )
        if not edge:
            return resolved
        lead = self.body[: self.paragraph_starts[min(3, len(self.paragraph_starts) - 1)] + 400]
        days = re.search(r"\b(two|three|four|five|six|seven|[2-7])[- ]day\b", lead, re.IGNORECASE)
        if not days:
            return resolved
        count = NUMBER_WORDS[days[1].lower()]
        when = re.sub(r"^on\s+", "", resolved.phrase.strip(), flags=re.IGNORECASE)
        verb = " ".join(edge["verb"].split())
        phrase = f"{days[0]} event that {verb} {when}"
        if verb in ("opened", "began", "started", "kicked off"):
            return resolve_span_forward(resolved, count, phrase)
        return resolve_span(resolved, count, phrase)

    # -------------------------------------------------------- names

    def find_mentions(self) -> list[_Mention]:
        """Known entities, new people and new treaties/organizations defined in the text."""
        mentions: list[_Mention] = []
        known_full: set[str] = set()
        surname_hits = []
        for start, end, form in self.catalog.matcher.find(self.folded):
            if form.kind == "person" and form.surname:
                surname_hits.append((start, end, form))
                continue
            mentions.append(_Mention(start, end, form.kind, form.id))
            if form.kind == "person":
                known_full.add(form.id)
        # New people: only where no known name is written.
        taken = [(m.start, m.end) for m in mentions]
        for start, end, name, role in find_new_people(self.body, taken):
            key = self.add_new_person(name)
            mentions.append(_Mention(start, end, "person", key, role))
        full_people = {m.id for m in mentions if m.kind == "person"}
        # Surnames alone: of a person named in full, or with a title or speech verb beside it.
        for start, end, form in surname_hits:
            if any(m.start <= start < m.end for m in mentions):
                continue
            if form.text.lower() in self.catalog.matcher.ambiguous_surnames and form.id not in full_people:
                continue
            previous = re.search(r"([A-Za-z][\w'-]*)\.?\s+$", self.body[max(0, start - 30) : start])
            initials = re.search(r"((?:[A-Z]\.\s?){1,3})$", self.body[max(0, start - 8) : start])
            if initials:
                first = self.catalog.people[form.id].name[:1].upper() if form.id in self.catalog.people else ""
                if not initials[1].startswith(first):
                    continue
            elif previous and previous[1][:1].isupper() and previous[1].lower() not in TITLE_WORDS | NOT_NAME_WORDS:
                continue  # another person's surname: "Hunter Biden"
            role = find_role_before(self.body, start - (len(initials[0]) if initials else 0))
            speaks = re.match(rf"\s*(?:,[^,]{{1,60}},\s*)?(?:{SPEECH_VERBS})\b", self.body[end : end + 80], re.IGNORECASE)
            honorific = re.search(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+$", self.body[max(0, start - 6) : start])
            said_before = re.search(rf"\b(?:{SPEECH_VERBS})\s+$", self.body[max(0, start - 20) : start])
            if form.id in full_people or role or speaks or said_before or honorific:
                mentions.append(_Mention(start - (len(initials[0]) if initials else 0), end, "person", form.id, role, full=form.id in full_people))
        # Surnames of new people.
        for key, person in self.new_people.items():
            surname = person.name.split()[-1]
            for match in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", self.body):
                if not any(m.start <= match.start() < m.end for m in mentions):
                    mentions.append(_Mention(match.start(), match.end(), "person", key))
        # Roles of known people named in full.
        for mention in mentions:
            if mention.kind == "person" and mention.role is None and mention.full:
                start = self.skip_leading_titles(mention)
                mention.role = find_role_before(self.body, start) or find_appositive_role(self.body, start, mention.end)
                if mention.role is None or {w.lower().rstrip(".") for w in mention.role.split()} <= RANKS:
                    mention.role = find_role_after(self.body, mention.end) or mention.role
        self.find_defined_entities(mentions)
        self.find_seats_of_power(mentions)
        if self.dateline:
            # "(Xinhua)" in a dateline credits the agency; it took no part in the event.
            mentions = [m for m in mentions if m.start >= self.dateline[1] or m.kind == "person"]
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions

    def skip_leading_titles(self, mention: _Mention) -> int:
        """Where the name proper starts, when an alias includes a rank ("Colonel General X")."""
        position = mention.start
        for token in _TOKEN.finditer(self.body[mention.start : mention.end]):
            if token[0].lower().rstrip(".") not in TITLE_WORDS | RANKS:
                return mention.start + token.start()
        return position

    def add_new_person(self, name: str) -> str:
        """A stub for a person not in people.yml; the surname becomes an alias."""
        key = make_slug(name, max_words=5)
        if key in self.catalog.people:
            return key
        if key not in self.new_people:
            surname = name.split()[-1]
            aliases = (surname,) if surname != name else ()
            self.new_people[key] = Person(key, name, aliases)
        return key

    def find_seats_of_power(self, mentions: list[_Mention]) -> None:
        """Institutions named by their building ("the Kremlin said", "the Pentagon"): the
        catalog's entry when one has that name, else a stub, so their statements have a speaker."""
        for match in _SEATS_OF_POWER.finditer(self.body):
            if any(m.start < match.end() and match.start() < m.end for m in mentions):
                continue
            name = " ".join(match[1].split())
            wanted = normalise_name(name)
            key = next(
                (k for k, org in self.catalog.organizations.items()
                 if wanted in {normalise_name(n) for n in (org.name, *org.aliases)}),
                None,
            )
            if key is None:
                key = make_slug(name)
                if key not in self.catalog.organizations:
                    self.new_organizations.setdefault(key, Organization(key, name, (), None))
            mentions.append(_Mention(match.start(1), match.end(1), "organization", key))

    def find_defined_entities(self, mentions: list[_Mention]) -> None:
        """Organizations and treaties the article defines: "Full Name (ABBR)" or
        "Full Name, or ABBR, treaty", when the abbreviation fits the name's initials."""
        patterns = (
            re.compile(r"(?P<name>(?:[A-Z][\w'-]*\s+(?:(?:of|on|for|and|the|in|de)\s+)*){1,9}?[A-Z][\w'-]*)\s+\((?P<abbr>[A-Z][A-Za-z]{1,7})\)"),
            re.compile(r"(?P<name>(?:[A-Z][\w'-]*\s+(?:(?:of|on|for|and|the|in)\s+)*){1,9}?[A-Z][\w'-]*),\s+or\s+(?P<abbr>[A-Z]{2,8}),\s+(?P<kind>treaty|agreement|accord|pact|convention)"),
        )
        for pattern in patterns:
            for match in pattern.finditer(self.body):
                if any(m.start < match.end() and match.start() < m.end and m.kind in ("organization", "treaty") for m in mentions):
                    continue
                name = re.sub(r"^(?:The|A|An|During|At|In|On|For|By|With|From)\s+", "", match["name"])
                name = re.sub(r"^(?:(?:the|of|on)\s+)+", "", name)
                if not _initials_fit(name, match["abbr"]):
                    name = _trim_to_initials(name, match["abbr"])
                    if not name:
                        continue
                kind_word = match.groupdict().get("kind")
                full_name = f"{name} {kind_word.capitalize()}" if kind_word else name
                if EVENT_WORDS.search(name):
                    continue  # a conference or a summit is an event, not an organization
                key = make_slug(match["abbr"] if len(match["abbr"]) >= 3 else full_name, max_words=6)
                if is_treaty_name(full_name):
                    key = key if key.endswith(("treaty", "agreement", "accord")) else f"{key}-treaty"
                    if key not in self.catalog.treaties:
                        self.new_treaties.setdefault(key, Treaty(key, full_name, (match["abbr"],), match["abbr"]))
                    kind = "treaty"
                else:
                    if key in self.catalog.people:
                        continue
                    if key not in self.catalog.organizations:
                        self.new_organizations.setdefault(key, Organization(key, full_name, (match["abbr"],), match["abbr"]))
                    kind = "organization"
                mentions.append(_Mention(match.start(), match.end(), kind, key))
                for other in re.finditer(rf"(?<![\w-]){re.escape(match['abbr'])}(?![\w-])", self.body):
                    if not any(m.start <= other.start() < m.end for m in mentions):
                        mentions.append(_Mention(other.start(), other.end(), kind, key))

    def collect_people(self, mentions: list[_Mention]) -> tuple[PersonRole, ...]:
        """Each person once, in order of first mention, with the first role written for them."""
        order: list[str] = []
        roles: dict[str, str | None] = {}
        for mention in mentions:
            if mention.kind != "person":
                continue
            if mention.id not in roles:
                order.append(mention.id)
                roles[mention.id] = mention.role
            elif roles[mention.id] is None and mention.role:
                roles[mention.id] = mention.role
        for key in order:
            if key in self.new_people and roles[key]:
                person = self.new_people[key]
                self.new_people[key] = Person(person.id, person.name, person.aliases, roles=(Role(str(roles[key])),))
        return tuple(PersonRole(key, roles[key]) for key in order)

    def ids_of(self, mentions: list[_Mention], kind: str) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for mention in mentions:
            if mention.kind == kind:
                seen.setdefault(mention.id, None)
        return tuple(seen)

    # -------------------------------------------------------- place

    def find_place(self, sentence: _Sentence | None) -> str | None:
        """Where the main event happened, in this order: "in <known place>" right beside the
        date phrase ("held on January 12 in Brussels", "met in Paris on Tuesday"), then
        elsewhere in the main sentence; NATO headquarters (Brussels); the dateline city. A
        dateline names where the report was filed ("Prague ... (RFE/RL)" for a signing in
        Paris), so a place written in the sentence about the event comes first. An unknown name
        after "in" is left out: it may be a country or a region, not the venue."""
        places: list[tuple[int, int, str]] = []
        text = ""
        if sentence is not None:
            text = self.folded[sentence.start : sentence.end]
            for start, end, form in self.catalog.matcher.find(text):
                if form.kind == "place" and re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, start - 10) : start]):
                    if _SEAT_OF.search(text[max(0, start - 50) : start]):
                        continue  # "its mission to NATO in Brussels": where the mission is
                    if _VIEWPOINT_IN.search(text[max(0, start - 30) : start]):
                        continue  # "regarded in Moscow as a threat": where people think so
                    places.append((sentence.start + start, sentence.start + end, form.id))
        if self.main_position is not None:
            for start, end, key in places:
                if start - 45 <= self.main_position <= end + 45:
                    return key
            if sentence is not None:
                # "... after the council meeting held on January 12 in Brussels": a place
                # beside another date phrase is where that other event was.
                others = [p for _, _, p in self.phrases_in(sentence) if p != self.main_position]
                places = [(s, e, k) for s, e, k in places if not any(s - 30 <= p <= e + 10 for p in others)]
        if places:
            return places[0][2]
        headquarters = HEADQUARTERS.search(text)
        if headquarters and re.search(r"\b(?:at|in|inside|outside)\s+(?:the\s+)?$", text[max(0, headquarters.start() - 12) : headquarters.start()]):
            # "met at NATO headquarters", not "recalled its envoy from NATO headquarters".
            return self.place_id(HEADQUARTERS_CITY, stub=True)
        if self.dateline:
            elsewhere = _GATHERING_IN.search(text)
            if elsewhere and not _SPEECH.search(text) and normalise_name(elsewhere["where"]) != normalise_name(self.dateline[0]):
                # "WASHINGTON -- ... launched Zapad 2017, a joint exercise in Belarus": the
                # dateline is where the report was filed; the venue is a country or region.
                # (When the lead reports a statement, "said the talks in Geneva ...", the
                # gathering is its subject and the dateline stands.)
                return None
            return self.place_id(self.dateline[0], stub=True)
        return self.place_of_statement()

    def place_of_statement(self) -> str | None:
        """Without a dateline, where the lead's speaker spoke ("told reporters in Moscow")."""
        lead_end = self.paragraph_starts[3] if len(self.paragraph_starts) > 3 else len(self.body)
        lead = self.folded[:lead_end]
        for start, _end, form in self.catalog.matcher.find(lead):
            if form.kind == "place" and _STATEMENT_VENUE.search(lead[max(0, start - 70) : start]):
                return form.id
        for headquarters in HEADQUARTERS.finditer(lead):
            # "made the announcement at NATO headquarters": Brussels.
            if _STATEMENT_VENUE_AT.search(lead[max(0, headquarters.start() - 50) : headquarters.start()]):
                return self.place_id(HEADQUARTERS_CITY, stub=True)
        return None

    def place_id(self, name: str, *, stub: bool) -> str | None:
        wanted = normalise_name(name)
        for key, place in self.catalog.places.items():
            if wanted in {normalise_name(n) for n in (place.name, *place.aliases)}:
                return key
        if not stub:
            return None
        proper = " ".join(w.capitalize() if w.isupper() else w for w in name.split())
        key = make_slug(proper)
        self.new_places.setdefault(key, Place(key, proper))
        return key

    # -------------------------------------------------------- title and summary

    def make_title(self, sentence: _Sentence | None) -> str:
        if self.headline:
            return self.recase(clean_headline(self.headline, self.article.publisher))
        if self.article.title and self.article.title != _first_line(self.article.text):
            return self.article.title
        text = sentence.text if sentence else self.body
        if self.dateline and sentence and sentence.start == 0:
            text = self.body[self.dateline[1] : sentence.end]
        text = re.sub(rf"\s+{_DATEWORDS}", "", text)
        return shorten_title(text)

    def recase(self, headline: str) -> str:
        """An all-capitals headline ("PRIMAKOV WARNS AGAINST NATO") in sentence case, each
        word spelled as the body spells it mid-sentence ("Primakov warns against NATO")."""
        letters = [c for c in headline if c.isalpha()]
        if len(letters) < 8 or any(c.islower() for c in letters):
            return headline
        spelled: dict[str, str] = {}
        for match in re.finditer(r"(?<![.!?\n]\s)(?<!^)\b[A-Za-z][\w'’-]*", self.body):
            word = match[0]
            if word[:1].isupper():
                spelled.setdefault(word.lower(), word)
            else:
                spelled[word.lower()] = word  # seen in lower case mid-sentence: a common word

        def respell(match: re.Match[str]) -> str:
            word = match[0]
            return spelled.get(word.lower(), word if len(word) <= 3 and word.isupper() and word.lower() not in _TITLE_STOPWORDS else word.lower())

        text = re.sub(r"[A-Za-z][\w'’-]*", respell, headline)
        return text[:1].upper() + text[1:]

    def make_summary(self) -> str:
        """The lead: the first one or two sentences (up to about 400 characters), dateline removed."""
        start = self.dateline[1] if self.dateline else 0
        picked: list[str] = []
        length = 0
        for sentence in self.sentences:
            if sentence.end <= start:
                continue
            text = self.body[max(start, sentence.start) : sentence.end].strip()
            if picked and length + len(text) > 400:
                break
            picked.append(text)
            length += len(text)
            if len(picked) >= 2 or length > 250:
                break
        summary = " ".join(" ".join(picked).split())
        return summary or (self.headline or "")

    # -------------------------------------------------------- quotes

    def find_quotes(self, mentions: list[_Mention]) -> tuple[Quote, ...]:
        """Quoted words of five words or more, with the person or organization who said them."""
        quotes: list[Quote] = []
        positions: list[int] = []
        people = [m for m in mentions if m.kind == "person"]
        organizations = [m for m in mentions if m.kind == "organization"]
        previous_end: int | None = None
        previous_speaker: str | None = None
        for start, end, raw, attribution in self.quote_spans():
            text = " ".join(raw.split()).strip().rstrip(",")
            if len(text.split()) < 2:
                continue
            sentence = next((s for s in self.sentences if s.start <= start < s.end + 1), None)
            sentence_start = sentence.start if sentence else 0
            after_at = attribution if attribution is not None else end
            after_end = self.body.find("\n", after_at)
            after = self.body[after_at : after_end if after_end != -1 else len(self.body)]
            after = cut_at_sentence_end(after)
            before = self.body[sentence_start : start]
            speaker = self.speaker_after(after_at, after, people, organizations)
            if speaker is None:
                speaker = self.speaker_before(sentence_start, start, before, people, organizations)
            if speaker is None and previous_speaker is not None and previous_end is not None:
                # '"We cannot wait," Lukashevich said. "Our patience has limits."': the
                # same speaker goes on after an attribution that closes a sentence.
                gap = self.body[previous_end:start]
                if "\n" not in gap and re.fullmatch(rf"\s*,?\s*[^.!?\"“”«»]{{0,60}}\b(?:{SPEECH_VERBS})\b[^.!?\"“”«»]{{0,40}}\.\s*", gap):
                    speaker = previous_speaker
            previous_end, previous_speaker = end, speaker
            if speaker is None or len(text.split()) < 5:
                continue  # a word or two in quotation marks is a label, not a statement
            quotes.append(Quote(speaker, text))
            positions.append(start)
        for start, speaker, text in self.transcript_turns(people):
            at = next((i for i, p in enumerate(positions) if p > start), len(positions))
            quotes.insert(at, Quote(speaker, text))
            positions.insert(at, start)
        unique: dict[tuple[str, str], Quote] = {}
        for quote in quotes:
            unique.setdefault((quote.speaker, quote.text), quote)
        return tuple(unique.values())

    def transcript_turns(self, people: list[_Mention]) -> list[tuple[int, str, str]]:
        """A broadcast transcript's turns: "Secretary of State MADELEINE ALBRIGHT: Never
        again ...", "Mr. IGOR IVANOV (Russian Foreign Minister): (Through Translator) ...". The
        speaker's name is written in capitals before a colon; a turn counts as a quote only
        when that name is a person the article names (the host's turns are not quotes)."""
        ids = {m.id for m in people}
        turns = []
        for start, paragraph in zip(self.paragraph_starts, self.paragraphs):
            match = _TRANSCRIPT_TURN.match(paragraph)
            if not match:
                continue
            slug = make_slug(match["name"], max_words=6)
            speaker = next((i for i in ids if i == slug or i.endswith("-" + slug)), None)
            speech = " ".join(match["speech"].split())
            if speaker and len(speech.split()) >= 5:
                turns.append((start + match.start("speech"), speaker, speech))
        return turns

    def quote_spans(self) -> list[tuple[int, int, str, int | None]]:
        """Quoted passages as (start, end, text, attribution position or None). Marks pair in
        order within a paragraph, so a short scare quote never pairs with the next quote; a
        paragraph that leaves a quote open continues in the next one when it opens with a
        mark (the wire convention for long quotes); `"We are," he said, "ready."` is one quote
        whose attribution sits in the middle."""
        pieces: list[tuple[int, int, str]] = []
        pending: tuple[int, str] | None = None
        for start, paragraph in zip(self.paragraph_starts, self.paragraphs):
            opened: int | None = None
            if pending is not None and not re.match(r"\s*[\"“«]", paragraph):
                pending = None
            for mark in re.finditer(r"[\"“”«»]", paragraph):
                char, at = mark[0], start + mark.start()
                if opened is None and char in "\"“«":
                    opened = at
                elif opened is not None and char in "\"”»":
                    body = self.body[opened + 1 : at]
                    if pending is not None:
                        pieces.append((pending[0], at + 1, f"{pending[1]} {body}"))
                        pending = None
                    else:
                        pieces.append((opened, at + 1, body))
                    opened = None
                elif opened is not None and char in "“«":
                    opened = at
            if opened is not None and opened == start + len(paragraph) - len(paragraph.lstrip()):
                body = self.body[opened + 1 : start + len(paragraph)]
                pending = (pending[0], f"{pending[1]} {body}") if pending else (opened, body)
            elif opened is None or pending is None:
                pending = None if opened is None else pending
        spans: list[tuple[int, int, str, int | None]] = []
        index = 0
        while index < len(pieces):
            start, end, text = pieces[index]
            if index + 1 < len(pieces):
                nstart, nend, ntext = pieces[index + 1]
                between = self.body[end:nstart]
                if (
                    text.rstrip().endswith(",") and ntext[:1].islower() and "\n" not in between
                    and re.fullmatch(rf"\s*[^.!?\"“”«»]{{1,60}}?\b(?:{SPEECH_VERBS})\b[^.!?\"“”«»]{{0,30}},\s*", between)
                ):
                    spans.append((start, nend, f"{text.rstrip().rstrip(',')} {ntext}", end))
                    index += 2
                    continue
            spans.append((start, end, text, None))
            index += 1
        return spans

    def last_person_before(self, position: int, people: list[_Mention]) -> str | None:
        earlier = [m for m in people if m.end <= position]
        return earlier[-1].id if earlier else None

    def speaker_after(self, position: int, after: str, people: list[_Mention], organizations: list[_Mention]) -> str | None:
        """`"...," he said` / `said Grushko` / `Stoltenberg told reporters` / `the ministry said`."""
        if _PRONOUN_SPEECH.match(after):
            return self.last_person_before(position, people)
        verb = _SPEECH.search(after[:160])
        if not verb or verb.start() > 60 or re.search(r"\b(?:but|and|that|which|because)\b", after[: verb.start()]):
            return None
        window_end = position + min(len(after), verb.end() + 120)
        nearby = [m for m in people if position <= m.start < window_end]
        if nearby:
            # The name next to the verb: before it ("Stoltenberg told") or after it ("said Grushko").
            verb_at = position + verb.start()
            before_verb = [m for m in nearby if m.end <= verb_at]
            return (before_verb[-1] if before_verb else nearby[0]).id
        orgs = [m for m in organizations if position <= m.start < window_end]
        if orgs:
            return orgs[0].id
        institution = re.search(r"\bthe\s+(ministry|alliance|council|department|office|government|kremlin|embassy|mission|statement)\b", after[: verb.end() + 40], re.IGNORECASE)
        if institution and institution[1].lower() == "statement":
            # "the statement said": whoever issued the last statement named before.
            earlier = [m for m in organizations if m.end <= position]
            issuers = [
                m for m in earlier
                if re.match(r"[^.]{0,20}?\b(?:said|says|issued|released|published|posted)\b[^.]{0,15}\bstatement", self.body[m.end : m.end + 60])
            ]
            return (issuers or earlier)[-1].id if earlier else None
        if institution:
            return self.last_organization_like(position, institution[1], organizations)
        if titled := self.person_by_title(after[: verb.end() + 60], position, people):
            return titled  # '"...," the Russian president said'
        if re.match(r"^\W{0,3}(?:\w+\s+){0,3}(?:" + SPEECH_VERBS + r")\s+the\s+[a-z]", after, re.IGNORECASE):
            return self.last_person_before(position, people)  # "said the senior diplomat"
        return None

    def speaker_before(self, start: int, position: int, before: str, people: list[_Mention], organizations: list[_Mention]) -> str | None:
        """`Shoigu said: "..."` / `He stressed that "..."` / `According to Grushko, ... "..."`."""
        verbs = list(_SPEECH.finditer(before))
        if not verbs:
            return None
        verb_at = start + verbs[-1].start()
        in_clause = [m for m in people if start <= m.start < verb_at]
        if in_clause:
            return in_clause[0].id if verbs[-1][0].lower() != "according to" else in_clause[-1].id
        if verbs[-1][0].lower() == "according to":
            after_verb = [m for m in people if verb_at <= m.start < position]
            if after_verb:
                return after_verb[0].id
        if re.search(r"\b(?:he|she)\b", before[: verbs[-1].start()], re.IGNORECASE):
            return self.last_person_before(start + verbs[-1].start(), people)
        if titled := self.person_by_title(before[: verbs[-1].start()], start, people):
            return titled
        orgs = [m for m in organizations if start <= m.start < verb_at]
        if orgs:
            return orgs[0].id
        return None

    def person_by_title(self, text: str, position: int, people: list[_Mention]) -> str | None:
        """"the Russian president said": the last person named before whose role, as
        written here or in people.yml, has that office word."""
        match = _TITLED_SUBJECT.search(text)
        if not match:
            return None
        office = match["office"].lower()
        for mention in reversed([m for m in people if m.end <= position]):
            person = self.catalog.people.get(mention.id) or self.new_people.get(mention.id)
            titles = [mention.role or "", *(r.title for r in (person.roles if person else ()))]
            if any(office in title.lower() for title in titles):
                return mention.id
        return None

    def last_organization_like(self, position: int, word: str, organizations: list[_Mention]) -> str | None:
        """"the ministry said": the last organization named before whose name has that word."""
        for mention in reversed([m for m in organizations if m.end <= position]):
            org = self.catalog.organizations.get(mention.id) or self.new_organizations.get(mention.id)
            names = [org.name, *org.aliases] if org else []
            if any(word.lower() in n.lower() for n in names) or (word.lower() == "alliance" and mention.id):
                return mention.id
        return None

    # -------------------------------------------------------- other events

    def find_mentioned_events(
        self, published: PublicationDate, main: _Sentence | None, main_date: ResolvedDate,
        mentions: list[_Mention], main_id: str, source: SourceRef,
    ) -> list[Event]:
        """Other dated events stated in the article: one draft per sentence with an explicit
        date (a day, or a month and year); relative words alone are too vague to stand alone."""
        events: dict[str, Event] = {}
        main_first = main_date.date.first_day()
        main_last = (main_date.end_date or main_date.date).last_day()
        for sentence in self.sentences:
            in_main = main is not None and sentence.start == main.start
            for kind, phrase, position in self.phrases_in(sentence):
                if kind not in ("full_md", "full_dm", "month_year", "md", "dm"):
                    continue
                clause_start = max(sentence.start, self.body.rfind(",", sentence.start, position) + 1)
                if in_main and position != self.main_position and is_end_of_gathering(sentence.text, phrase):
                    # "launched Zapad 2017, a joint exercise that runs through Sept. 20": the
                    # last day of the gathering the lead opens.
                    if GATHERING_OPENS.search(sentence.text) and main_date.end_date is None:
                        resolved = resolve_phrase(kind, phrase, published.date, tense="future")
                        if resolved is not None and resolved.date.precision == "day":
                            self.main_end = resolved.date
                    continue
                if in_main and (position == self.main_position or not FUTURE_CONTEXT.search(self.body[clause_start:position])):
                    continue  # the lead's only other dated events are the steps it announces
                if self.dateline and position < self.dateline[1]:
                    continue
                resolved = resolve_phrase(kind, phrase, published.date, tense=self.tense_of(sentence, position))
                if resolved is None:
                    continue
                if resolved.date.first_day() <= main_last and resolved.date.last_day() >= main_first and resolved.date.precision == "day":
                    break  # the main event again
                clause = clause_around(sentence.text, phrase)
                # "... urged Russia to act before the INF treaty lapses on August 2": the dated
                # happening is the one in the subordinate clause that holds the date.
                lead_in = self.body[sentence.start : position]
                if sub := re.search(r"\b(?:before|after|when|until|once)\s+((?:(?!\b(?:before|after|when|until|once)\b)[^,;])+?)\s*(?:\b(?:on|in|by|for)\s*)?$", lead_in):
                    if EVENT_VERBS.search(sub[1]) and len(sub[1].split()) >= 2:
                        clause = sub[1]
                if is_end_of_gathering(sentence.text, phrase):
                    # "the conference, which ... ends May 31": when the main event is that
                    # gathering opening, this is its last day; otherwise it is background.
                    if main is not None and GATHERING_OPENS.search(main.text) and main_date.end_date is None:
                        self.main_end = resolved.date
                    break
                gathering = _GATHERING_SINCE.search(self.body[sentence.start : position])
                if not EVENT_VERBS.search(clause) and not (gathering and position - sentence.start - gathering.end() <= 40):
                    continue  # a date without a happening ("closed to the media") is no event
                inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
                for m in inside:
                    # Headlines name people by surname: "President Vladimir Putin" -> "Putin".
                    written = self.body[m.start : m.end]
                    if m.kind == "person" and " " in written:
                        surname = written.split()[-1]
                        clause = clause.replace(f"{m.role} {written}" if m.role else written, surname, 1).replace(written, surname, 1)
                title = make_mention_title(clause)
                if len(title.split()) < 3:
                    break
                place = None
                for m in inside:
                    if m.kind == "place" and re.search(r"\b(?:in|at)\s+$", self.body[max(0, m.start - 6) : m.start]):
                        place = m.id
                        break
                people = []
                seen: set[str] = set()
                for m in inside:
                    if m.kind == "person" and m.id not in seen:
                        seen.add(m.id)
                        people.append(PersonRole(m.id, m.role))
                event = Event(
                    id=f"{resolved.date.iso()}-{make_slug(title)}",
                    title=title,
                    date=resolved.date,
                    end_date=resolved.end_date,
                    date_basis=DateBasis(resolved.phrase, published.date.iso(), resolved.rule),
                    place=place,
                    summary=" ".join(sentence.text.split()),
                    people=tuple(people),
                    organizations=self.ids_of(inside, "organization"),
                    treaties=self.ids_of(inside, "treaty"),
                    sources=(source,),
                    related=(main_id,),
                    provenance="extracted",
                    status="draft",
                    review=("mentioned in passing in the source; check the date and the wording",),
                )
                events.setdefault(event.id, event)
                break  # one event per sentence: the first date is the one the sentence is about
        return list(events.values())


_MONTH_NAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
_WEEKDAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_DATEWORDS = r"(?:on|last|this|early|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?"


def cut_at_sentence_end(text: str) -> str:
    """The text up to the end of its first sentence; "Mr." or "Gen." does not end one."""
    for match in re.finditer(r"[.!?](?=\s)", text):
        word = re.search(r"([A-Za-z.]+)$", text[: match.start()])
        if match[0] == "." and word and word[1].lower() in _ABBREVIATIONS:
            continue
        return text[: match.end()]
    return text


_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "mme", "m", "herr", "frau"}
"""Courtesy titles: written before a name, but not a role."""
_TITLED_SUBJECT = re.compile(
    r"\bthe\s+(?:[A-Za-z.'’-]+\s+){0,2}(?P<office>president|prime\s+minister|foreign\s+minister|"
    r"defen[cs]e\s+minister|minister|secretary\s+general|secretary-general|chancellor|premier|spokes(?:man|woman)|"
    r"ambassador|envoy)\b(?:,\s*)?\s*(?:$|" + SPEECH_VERBS + r")",
    re.IGNORECASE,
)
"""A person named by office alone as the speaker: "the Russian president said"."""
_SEATS_OF_POWER = re.compile(
    r"(?<!\bat\s)(?<!\bin\s)(?<!\bto\s)(?<!\bfrom\s)(?<!\binside\s)(?<!\boutside\s)"
    r"\b[Tt]he\s+(Kremlin|Pentagon|White\s+House)\b(?!\s+(?:[Pp]alace|[Ww]all|[Ss]quare|[Ll]awn))"
)
"""Buildings that stand for the government working in them ("the Kremlin said"); "in the
Kremlin" or "at the White House" is a venue, not a speaker."""
_GATHERING_IN = re.compile(
    r"\b(?:conference|summit|meeting|talks|session|forum|exercises?|drills?|games|manoeuvres|maneuvers)"
    r"\s+(?:(?:held|being\s+held|taking\s+place|under\s*way)\s+)?in\s+(?P<where>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})"
)
"""A gathering said to be somewhere ("a joint military exercise in Belarus")."""
_TRANSCRIPT_TURN = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+(?:(?:of|the|for)\s+)?){0,5}?(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
    r"(?P<name>[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3})(?:\s*\([^()]{0,80}\))?:\s+"
    r"(?:\((?:[^()]{0,40})\)\s*)*(?P<speech>\S.*)$"
)
"""A transcript turn: the speaker's name in capitals, perhaps with a title before it and a
note after it, a colon, then the words spoken (after "(Through Translator)" and the like)."""
_SEAT_OF = re.compile(
    r"\b(?:mission|embassy|office|bureau|consulate|delegation|representation)"
    r"(?:\s+(?:to|of)\s+(?:the\s+)?[A-Z][\w-]*)?\s+(?:in|at)\s+(?:the\s+)?$",
)
"""An institution's seat, not the place of the event: "its permanent mission to NATO in"."""
_STATEMENT_WORDS = (
    rf"(?:{SPEECH_VERBS}|speaking|reporters|journalists|a\s+news\s+conference|a\s+press\s+conference|"
    r"(?:the|an|his|her|their|its)\s+(?:announcement|remarks|comments|statement|speech))"
)
_STATEMENT_VENUE = re.compile(
    rf"\b{_STATEMENT_WORDS}\s+(?:at\s+(?:the\s+)?(?:[\w'’-]+\s+){{1,4}})?(?:\w+\s+)?in\s+$", re.IGNORECASE
)
"""Where a statement was made: "told reporters in Moscow", "made the announcement at NATO
headquarters in Brussels"."""
_STATEMENT_VENUE_AT = re.compile(rf"\b{_STATEMENT_WORDS}\s+(?:at|inside)\s+(?:the\s+)?$", re.IGNORECASE)
_VIEWPOINT_IN = re.compile(
    r"\b(?:regarded|seen|viewed|considered|perceived|taken|interpreted|read|felt|received)\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Whose view, not where the event was: "would be regarded in Moscow as a threat"."""
_GATHERING_SINCE = re.compile(
    r"\b(?:first|last|previous)\s+(?:\w+\s+){0,2}(?:conference|summit|meeting|talks|session|forum|exercises?|drills?)\b"
    r"[^.;]{0,120}?\b(?:since|was\s+in|was\s+held\s+in)\b",
    re.IGNORECASE,
)
"""A gathering named by its noun: "the first meeting of the council ... since Bucharest in
April 2008" dates the earlier meeting, though no verb of a happening is written."""
EVENT_VERBS = re.compile(
    r"\b(?:met|meets?|signed|signs?|suspend(?:ed|s)?|withdr(?:ew|awn|aws?)|pull(?:ed|s)?\s+out|left|"
    r"launch(?:ed|es)?|held|holds?|adopted|adopts?|approved|approves?|ratified|ratif(?:y|ies)|agreed|"
    r"announced|announces?|decided|invaded|annexed|attacked|expelled|expels?|completed|visited|visits?|"
    r"joined|joins?|took\s+place|takes?\s+place|opened|began|started|ended|collapsed|expired|"
    r"(?:entered|enters|came|comes)\s+into\s+force|(?:took|takes?)\s+effect|established|created|founded|set\s+up|"
    r"convened|voted|deployed|conducted|staged|published|proposed|rejected|terminated|quit|broke\s+off|"
    r"handed|delivered|submitted|presented|"
    r"froze|resumed|restored|hosted|struck|killed|fired|tested|laps(?:es|ed)|expir(?:es|ed)|will\s+\w+|(?:is|are|was|were)\s+"
    r"(?:set|due|scheduled|expected)\s+to|scheduled|planned|to\s+be\s+held)\b",
    re.IGNORECASE,
)
"""Verbs of a happening: a mentioned date becomes its own draft only beside one of these."""
GATHERING_OPENS = re.compile(
    r"\b(?:conference|summit|meeting|talks|session|forum|exercises?|drills?|games)\b[^.]{0,80}?"
    r"\b(?:opened|opens|began|begins|started|starts|kicked\s+off|got\s+under\s*way|convened|launched)\b"
    # or the verb first: "launched Zapad 2017, a joint military exercise"
    r"|\b(?:opened|began|started|kicked\s+off|launched|convened)\b[^.;]{0,60}?"
    r"\b(?:conference|summit|meeting|talks|session|forum|exercises?|drills?|games)\b",
    re.IGNORECASE,
)
_GATHERING_ENDS = re.compile(
    r"\b(?:conference|summit|meeting|talks|session|forum|exercises?|drills?|games)\b[^.;]{0,80}?"
    r"\b(?:ends|closes|concludes|runs\s+(?:until|through|to)|lasts\s+until|will\s+(?:end|close|conclude|run\s+until))"
    r"\s+(?:on\s+)?$",
    re.IGNORECASE,
)


def is_end_of_gathering(sentence: str, phrase: str) -> bool:
    """The date is when a gathering ends ("the conference, which ... ends May 31")."""
    at = sentence.find(phrase)
    return at > 0 and bool(_GATHERING_ENDS.search(sentence[:at]))


_TITLE_CUTS = re.compile(
    r"\s+(?:following|after|amid|as|because|where|which|while|citing|when|before|for\s+the\s+first\s+time"
    r"|since|despite|in\s+a\s+move|in\s+response\s+to)\b.*$",
    re.IGNORECASE,
)


def make_mention_title(clause: str, *, max_words: int = 10) -> str:
    """A headline for a mentioned event: subject, verb and object, cut at a clause boundary
    so it never ends on a dangling "following" or "with"."""
    text = " ".join(clause.split()).strip(" ,;:.")
    text = re.sub(r"^(?:adding|saying|noting|stressing|warning|said|says|added|noted)\s+(?:that\s+)?", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    cut = _TITLE_CUTS.sub("", text)
    if len(cut.split()) >= 3:
        text = cut
    words = text.split()[:max_words]
    while len(words) > 3 and words[-1].lower().strip(",;:") in _SLUG_TAIL_WORDS:
        words.pop()
    text = " ".join(words).rstrip(",;:")
    return text[:1].upper() + text[1:]


def clause_around(sentence: str, phrase: str) -> str:
    """The clause of a sentence that a date phrase belongs to, without the phrase: "In
    January 2010, the chiefs of staff met in Brussels" -> "the chiefs of staff met in Brussels"."""
    clauses = re.split(r",\s+|;\s+|\s+--\s+", sentence)
    for i, clause in enumerate(clauses):
        if phrase in clause:
            rest = re.sub(rf"\s*\b(?:on|in|by|since|until|from|for)?\s*{re.escape(phrase)}", " ", clause, flags=re.IGNORECASE)
            relative = re.match(r"^\s*(?:which|who)\s+", rest.strip(), flags=re.IGNORECASE)
            reduced = re.match(r"^\s*(?:scheduled|set|due|planned|held|expected|slated)\b", rest.strip(), flags=re.IGNORECASE)
            relative = relative or reduced
            rest = re.sub(r"^\s*(?:which|who|and|but|after|while)\s+", "", rest.strip(), flags=re.IGNORECASE)
            if relative and i > 0:
                # "the review conference, which ... ends May 31": the subject is the noun before.
                subject = re.search(r"\b(?:the|a|an)\s+(?:(?!\b(?:the|a|an)\s)[^,])*$", clauses[i - 1], flags=re.IGNORECASE)
                if subject:
                    rest = f"{subject[0]} {rest}"
            if len(rest.split()) >= 3:
                return rest
            if i + 1 < len(clauses) and len(clauses[i + 1].split()) >= 3:
                return clauses[i + 1]
            if i > 0:
                return clauses[i - 1]
            return rest
    return sentence


_ORGANIZATION_HEADS = re.compile(
    r"\b(?:organi[sz]ation|council|alliance|agency|committee|union|commission|group|ministry|"
    r"office|department|assembly|parliament|bank|fund|court|secretariat|mission|command|force|forces)$",
    re.IGNORECASE,
)


def is_treaty_name(name: str) -> bool:
    """"Treaty on ..." or "... Agreement" names a treaty; "Collective Security Treaty
    Organization" names an organization: the head word (the last one) decides."""
    if _ORGANIZATION_HEADS.search(name.strip()):
        return False
    return TREATY_WORDS.search(name) is not None


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None


def _initials_fit(name: str, abbreviation: str) -> bool:
    """"North Atlantic Treaty Organization" fits NATO. Abbreviations may skip small words and
    some big ones ("Treaty on Conventional Armed Forces in Europe" is CFE), as long as they
    start at the first word after a "Treaty on" head and end at the last word."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    wanted = abbreviation.upper()
    strict = "".join(w[0] for w in words if w[0].isupper()).upper()
    loose = "".join(w[0] for w in words).upper()
    if wanted in (strict, loose):
        return True
    head = re.match(r"(?i)^(?:treaty|agreement|convention|accord|protocol)\s+(?:on|of|for|between)\s+(?:the\s+)?", name)
    capitals = [w[0].upper() for w in re.split(r"[\s-]+", name[head.end() if head else 0 :]) if w and w[0].isupper()]
    if len(wanted) < 2 or not capitals or capitals[0] != wanted[0] or capitals[-1] != wanted[-1]:
        return False
    if len(wanted) * 2 < len(capitals):
        return False
    letters = iter(capitals)
    return all(letter in letters for letter in wanted)


def _trim_to_initials(name: str, abbreviation: str) -> str | None:
    """Drop leading words until the initials fit ("Sixth Moscow Conference ..." -> "Moscow ...")."""
    words = name.split()
    while len(words) > 1:
        words.pop(0)
        candidate = " ".join(words)
        if _initials_fit(candidate, abbreviation):
            return candidate
    return None
