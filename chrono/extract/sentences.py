"""Stage: split the body into sentences with their offsets."""

from __future__ import annotations

import re

from .document import Sentence


LOWER_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")

ABBREVIATIONS = {
    "u.s", "u.n", "u.k", "e.u", "mr", "mrs", "ms", "dr", "gen", "lt", "col", "adm", "sen",
    "rep", "st", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "vs", "etc", "gov", "sgt", "capt", "maj", "prof", "inc", "co", "corp", "jr", "sr",
    "approx", "fig"
}


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences with their positions; "U.S." and "V.V. Putin" do not end a sentence."""
    sentences = []
    start = 0
    for match in re.finditer(r"[.!?]+[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])", text):
        before = text[start : match.start() + 1]
        word = re.findall(r"([A-Za-z.]+)\.$", before.rstrip("\"”’'"))
        token = word[0].lower().rstrip(".") if word else ""
        if token in ABBREVIATIONS or LOWER_INITIALS.fullmatch(token):
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


def cut_at_sentence_end(text: str) -> str:
    """The text up to the end of its first sentence; "Mr." or "Gen." does not end one."""
    for match in re.finditer(r"[.!?](?=\s)", text):
        word = re.search(r"([A-Za-z.]+)$", text[: match.start()])
        if match[0] == "." and word and word[1].lower() in ABBREVIATIONS:
            continue
        return text[: match.end()]
    return text
