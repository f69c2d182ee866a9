"""Names and the offices written around them: rules on a plain text, used by the mentions stage."""

from __future__ import annotations

import re

from .sentences import ABBREVIATIONS
from .vocabulary import (
    BRACKETED_ASIDE,
    COMMON_GIVEN_NAMES,
    REGION_NAMES,
    CONNECTORS,
    HONORIFICS,
    LOWERCASE_ROLE_WORDS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    OFFICE_WORDS,
    RANKS,
    SPEECH_VERBS,
    TITLE_WORDS,
)


TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*\.?|[^\sA-Za-z]"
)


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,6}")
_NAME_WORD = re.compile(r"(?:(?:al|el|bin|ibn)-)?[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?")


def _is_capitalised(token: str) -> bool:
    return token[:1].isupper() and any(c.islower() for c in token)


def _is_initials(token: str) -> bool:
    return bool(_INITIALS.fullmatch(token))


def _is_abbreviation(token: str) -> bool:
    return bool(_ABBREVIATION.fullmatch(token))


_ROLE_STOPS = {
    "said",
    "says",
    "told",
    "by",
    "with",
    "from",
    "between",
    "during",
    "at",
    "when",
    "while",
    "after",
    "before",
    "that",
    "as",
    "and",
    "but",
    "or",
}


def find_role_before(text: str, start: int) -> str | None:
    """The role written right before a name ("NATO Secretary-General", "Chief of the
    General Staff of the Russian Armed Forces"), or None if the words there are not one."""
    window = text[max(0, start - 160) : start]
    # A role never reaches back into the previous paragraph.
    window = window[window.rfind("\n") + 1 :]
    tokens = [(m.start(), m[0]) for m in TOKEN.finditer(window)]
    taken: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        _, token = tokens[i]
        bare = token.rstrip(".")
        lower = bare.lower()
        if (
            token in (",", ";", ":", "(", ")", '"', "“", "”")
            or not token[:1].isascii()
            or not token[:1].isalpha()
        ):
            break
        if token.endswith(".") and not (
            _is_abbreviation(token) or _is_initials(token) or lower in ABBREVIATIONS
        ):
            break  # the end of the previous sentence ("... with Nato. President Putin")
        if (
            lower in CONNECTORS
            or _is_capitalised(token)
            or _is_abbreviation(token)
            or lower in LOWERCASE_ROLE_WORDS
        ):
            if lower in _ROLE_STOPS:
                break
            taken.insert(0, token)
            i -= 1
            continue
        break
    # Trim the edges: connectors and sentence openers are not part of a role.
    while taken and (
        taken[0].lower()
        in CONNECTORS
        | {"speaking", "also", "meanwhile", "however", "then", "but", "and", "yesterday", "today"}
    ):
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
    if (
        role.lower() in {"top", "senior", "former"}
        or {t.lower().rstrip(".") for t in taken} <= HONORIFICS
    ):
        return None
    return role


_ROLE_AFTER = re.compile(
    r",\s+(?:the\s+|a\s+)?((?:[A-Z][\w'’.-]*|of|the|for|to|in|[a-z]+)(?:\s+(?:[A-Z][\w'’.-]*|of|the|for|to|in|[a-z]+)){0,8})(?:,|\.(?=\s|$))"
)


def find_role_after(text: str, end: int) -> str | None:
    """ "Gen. Philip Breedlove, the Supreme Allied Commander Europe, told": the office set off
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
    if not {w.lower().rstrip(".") for w in words} & (OFFICE_WORDS - HONORIFICS):
        return None
    return " ".join(words)


def find_appositive_role(text: str, start: int, end: int) -> str | None:
    """ "Russia's envoy to NATO, Alexander Grushko, said": a role, a comma, the name, a comma."""
    if not re.match(r"\s*,", text[end : end + 3]) or not re.search(
        r",\s*$", text[max(0, start - 3) : start]
    ):
        return None
    comma = text.rfind(",", 0, start)
    before = text[max(0, comma - 80) : comma]
    match = re.search(
        r"(?:^|[.;:\"”]\s|,[\"”]?\s|(?:--|—|–)\s|\b(?:and|but|while|as|that|which|by|with)\s)((?:[A-Z][\w'’.-]*|the|of|to|for)(?:\s+[\w'’.-]+){0,7})$",
        before,
    )
    if not match:
        return None
    # Never reach back over the end of a sentence.
    words = re.split(r"(?<=[a-z][.!?])\s+(?=[A-Z])", match[1])[-1].split()
    if not {w.lower().strip("'’s") for w in words} & OFFICE_WORDS | (
        {w.lower() for w in words} & OFFICE_WORDS
    ):
        return None
    while len(words) > 1 and words[0] in ("the", "The"):
        words.pop(0)  # "the US secretary of state, Mike Pompeo": the role is without the article
    return " ".join(words)


_NAME_TOKEN = (
    r"(?:(?:[A-Z]\.){1,3}|(?:al|el|bin|ibn)-[A-Z][\w'’]+|[A-Z][\w'’]*(?:-[A-Za-z][\w'’]*)*\.?)"
)
_CAPITALISED_RUN = re.compile(
    rf"{_NAME_TOKEN}(?:[^\S\n]+(?:(?:de|van|von|der|da|di|du|la|le|ter|bin|ibn)[^\S\n]+)?{_NAME_TOKEN})*"
)
"""Capitalised words in a row, within one paragraph: a name never runs on into the next."""


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


def _runs_by_sentence(text: str) -> list[list[tuple[int, str]]]:
    """The capitalised runs of a text as (position, word) lists, a run cut after a word that
    ends a sentence: "Donald Rumsfeld. On Tuesday" is two runs, not one."""
    runs = []
    for run in _CAPITALISED_RUN.finditer(text):
        words: list[tuple[int, str]] = []
        for match in re.finditer(r"\S+", run[0]):
            words.append((match.start() + run.start(), match[0]))
            word = match[0]
            if word.endswith(".") and len(word) > 3 and not _is_initials(word) and word.lower().rstrip(".") not in TITLE_WORDS:
                runs.append(words)
                words = []
        if words:
            runs.append(words)
    return runs


_PUBLICATION_BEFORE = re.compile(
    r"\b(?:daily|newspaper|weekly|magazine|paper|tabloid|agency|broadcaster|channel|station|journal|website)\s+$",
    re.IGNORECASE,
)


def find_new_people(
    text: str, taken: list[tuple[int, int]], written: str | None = None
) -> list[tuple[int, int, str, str | None]]:
    """Names of people not in people.yml: the last two to four words of a capitalised run
    ("Moldovan Defence Minister Vitalie Marinuta"), with a role written before them or a
    speech verb beside them. Returns (start, end, name, role)."""
    original = written if written is not None else text
    # Roles are read on the text as written: folding turns a dash into a hyphen.
    found = []
    for words in _runs_by_sentence(text):
        if words and words[-1][1].endswith(".") and len(words[-1][1]) > 3 and not _is_initials(words[-1][1]):
            words[-1] = (words[-1][0], words[-1][1][:-1])  # "... Angela Merkel." ends a sentence
        name_words: list[tuple[int, str]] = []
        for position, word in reversed(words):
            if not _is_name_word(word):
                break
            name_words.insert(0, (position, word))
        while name_words and name_words[0][1].lower() in NAME_PARTICLES:
            name_words.pop(0)
        while name_words and name_words[0][1].lower().rstrip(",") in REGION_NAMES:
            # "Prime Minister of Lithuania Ingrida Simonyte": the country ends the role; and
            # "Prime Minister of Latvia Karins" is a surname alone, not a person "Latvia Karins"
            name_words.pop(0)
        full_words = [
            w for _, w in name_words if not _is_initials(w) and w.lower() not in NAME_PARTICLES
        ]
        if len(full_words) < 2 or len(name_words) > 4:
            continue
        start = name_words[0][0]
        end = name_words[-1][0] + len(name_words[-1][1])
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2  # "Viktor Yanukovych's government": the name without the possessive
        if len(text) - end <= 8 and re.fullmatch(r"\s*(?:\.\.\.|…)?\s*", text[end:]):
            continue  # cut off by the end of an excerpt ("... said Deputy Minister Sergei"): not a name
        if any(s < end and start < e for s, e in taken):
            continue
        name = text[start:end]
        if _PUBLICATION_BEFORE.search(original[max(0, start - 25) : start]):
            continue  # "in the daily Nezavisimaya Gazeta, said": a newspaper, not a person
        role = find_role_before(original, start) or find_appositive_role(original, start, end)
        if role is None or {w.lower().rstrip(".") for w in role.split()} <= RANKS:
            role = find_role_after(original, end) or role
        after = text[end : end + 160]
        speaks = re.match(rf"\s*{BRACKETED_ASIDE},?\s*(?:,[^,]{{1,120}},\s*)?(?:{SPEECH_VERBS})\b", after) is not None
        said_before = (
            re.search(rf"\b(?:{SPEECH_VERBS})\s+$", text[max(0, start - 20) : start]) is not None
        )
        # The subject of a sentence: "Donald Trump has decided ...", "Jaap de Hoop Scheffer warned".
        subject = bool(_SUBJECT_VERB.match(after)) and (
            start == 0 or bool(re.search(r"(?:^|[.!?\n]\s*|\n)$", text[max(0, start - 3) : start]))
        )
        # "the poisoning of Sergei Skripal", "reformers including Boris Nemtsov": a common
        # given name before a surname is a person even with no office or verb beside it.
        given = len(name_words) in (2, 3) and name_words[0][1].lower() in COMMON_GIVEN_NAMES
        if role or speaks or said_before or subject or given:
            found.append((start, end, name, role))
    return found
