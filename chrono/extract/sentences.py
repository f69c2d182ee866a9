"""Stage: split the body into sentences with their offsets."""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Sentence


LOWER_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")

ABBREVIATIONS = {
    "u.s", "u.n", "u.k", "e.u", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "adm", "sen",
    "rep", "st", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "etc", "gov", "sgt", "capt", "maj", "prof", "inc", "co", "corp", "jr", "sr",
    "approx", "fig"
}


def split_sentences(
    text: str, offset: int = 0, *, capitals: str = "A-Z0-9", openers: str = "\"“‘'(",
    closers: str = "\"”’'", abbreviations: frozenset[str] = frozenset(),
) -> list[Sentence]:
    """Sentences with their positions; "U.S." and "V.V. Putin" do not end a sentence. A
    language gives the capitals a sentence starts with, the marks around them, and its own
    abbreviations (chrono/extract/lang/)."""
    sentences = []
    start = 0
    end_pattern = _sentence_end(capitals, openers, closers)
    for match in end_pattern.finditer(text):
        before = text[start : match.start() + 1]
        word = re.findall(r"([A-Za-z.]+)\.$", before.rstrip("\"”’'"))
        token = word[0].lower().rstrip(".") if word else ""
        if token in ABBREVIATIONS or LOWER_INITIALS.fullmatch(token):
            continue
        if abbreviations and _ends_with_abbreviation(before, abbreviations):
            continue
        end = match.end()
        chunk = text[start:end].strip()
        if chunk:
            sentences.append(
                Sentence(offset + start, offset + start + len(text[start:end].rstrip()), chunk)
            )
        start = end
    chunk = text[start:].strip()
    if chunk:
        sentences.append(Sentence(offset + start, offset + len(text.rstrip()), chunk))
    return sentences


@lru_cache(maxsize=8)
def _sentence_end(capitals: str, openers: str, closers: str) -> re.Pattern[str]:
    """A sentence's end: its stop, a closing mark, space, and the next one's capital."""
    return re.compile(rf"[.!?]+[{closers}]?\s+(?=[{openers}]?[{capitals}])")


def _ends_with_abbreviation(before: str, abbreviations: frozenset[str]) -> bool:
    """"г." (года), "т.е." or an initial ("С. Лавров") before the full stop."""
    word = re.search(r"([^\W\d_]+)\.$", before.rstrip("\"”’'»"))
    if not word:
        return False
    token = word[1]
    return token.lower() in abbreviations or (len(token) == 1 and token.isupper())


def cut_at_sentence_end(text: str) -> str:
    """The text up to the end of its first sentence; "Mr.", "Gen." or an initial ("George W.
    Bush", "Ю. Ушаков") does not end one."""
    for match in re.finditer(r"[.!?](?=\s)", text):
        word = re.search(r"([A-Za-z.]+)$", text[: match.start()])
        if match[0] == "." and word and word[1].lower() in ABBREVIATIONS:
            continue
        if match[0] == "." and _INITIAL_BEFORE.search(text[: match.start()]) and _NAME_AFTER.match(text[match.end() :]):
            continue
        return text[: match.end()]
    return text


_INITIAL_BEFORE = re.compile(r"(?:^|[\s(])(?:[A-ZА-ЯЁ]\.)*[A-ZА-ЯЁ]$")
_NAME_AFTER = re.compile(r"\s+[A-ZА-ЯЁ][a-zа-яё]")
