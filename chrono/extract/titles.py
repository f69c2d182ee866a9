"""Stage: the title and the summary of the main event."""

from __future__ import annotations

import re

from .cleanup import clean_headline
from .document import Document, Sentence
from .vocabulary import TITLE_STOPWORDS


def make_title(doc: Document, sentence: Sentence | None) -> str:
    if doc.headline:
        return recase(doc, clean_headline(doc.headline, doc.article.publisher))
    if doc.article.title and doc.article.title != _first_line(doc.article.text):
        return doc.article.title
    return title_from_event(doc, sentence)


_REPORTED = re.compile(
    r"^(?P<who>[^,\"“”]{3,100}?)\s+(?:said|says|announced|told\s+[\w ]{1,30}?|warned|declared|insisted)\s+(?:that\s+)?(?P<what>\S.+)$"
)
_REPORTED_AFTER = re.compile(r"^(?P<what>.{10,}?),[\"”]?\s+(?P<who>[^,\"“”]{3,90}?)\s+(?:said|says|announced|told\s+[\w ]{1,30}?)\s*\.?$")
_CLAUSE_END = re.compile(
    r",\s+(?:which|who|whom|where|while|but|as|after|amid|following|saying|adding|in\s+a\s+move)\b"
    r"|;|\s[-–—]\s|\s+(?:amid|following|after|because|despite|as\s+part\s+of)\s"
)


def title_from_event(doc: Document, sentence: Sentence | None) -> str:
    """A title that says who did what, from the main event's sentence: "Lavrov says Moscow
    is suspending its mission to NATO", not the lead's first twelve words."""
    if sentence is None:
        return shorten_title(doc.body)
    start = doc.dateline[1] if doc.dateline and sentence.start <= doc.dateline[1] else sentence.start
    text = " ".join(doc.body[start : sentence.end].split())
    if (opening := doc.lang.date_phrase.match(text)) and opening.lastgroup not in ("weekday", "dayword"):
        # "April 8, 2001 Leonid Ivashov, the head of ...": a wire lead that opens with its date
        text = text[opening.end() :].lstrip(" ,.:;-–—")
    text = doc.lang.date_phrase.sub(lambda m: "" if m.lastgroup in ("weekday", "dayword") else m[0], text)
    text = re.sub(r"\s+(?:on|last|this|early|late)\s+(?=[,.;]|\s)", " ", text)
    text = re.sub(r"\s{2,}", " ", text).replace(" ,", ",").strip().rstrip(".")
    people = [m for m in doc.mentions if m.kind == "person" and sentence.start <= m.start < sentence.end]
    for pattern in (_REPORTED, _REPORTED_AFTER):
        match = pattern.match(text)
        if match and len(match["what"].split()) >= 3:
            who = _short_name(doc, match["who"], people)
            what = _first_clause(match["what"])
            return _capitalise(f"{who} says {what}")
    return _capitalise(_first_clause(text))


def _short_name(doc: Document, who: str, people: list) -> str:
    """The speaker as a headline names them: the surname of the person written there."""
    for mention in people:
        written = doc.body[mention.start : mention.end]
        if written and written in who:
            return written.split()[-1]
    return who.strip()


def _first_clause(text: str, max_words: int = 14) -> str:
    text = text.strip().rstrip(".,;:")
    cut = _CLAUSE_END.search(text)
    if cut and len(text[: cut.start()].split()) >= 4:
        text = text[: cut.start()]
    words = text.split()
    if len(words) > max_words:
        words = words[:max_words]
        while words and words[-1].lower().strip(",;:") in TITLE_STOPWORDS | {"his", "her", "its", "a"}:
            words.pop()
        return " ".join(words).rstrip(",;:") + "…"
    return text


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def recase(doc: Document, headline: str) -> str:
    """An all-capitals headline ("PRIMAKOV WARNS AGAINST NATO") in sentence case, each
    word spelled as the body spells it mid-sentence ("Primakov warns against NATO")."""
    letters = [c for c in headline if c.isalpha()]
    if len(letters) < 8 or any(c.islower() for c in letters):
        return headline
    spelled: dict[str, str] = {}
    for match in re.finditer(r"(?<![.!?\n]\s)(?<!^)\b[A-Za-z][\w'’-]*", doc.body):
        word = match[0]
        if word[:1].isupper():
            spelled.setdefault(word.lower(), word)
        else:
            spelled[word.lower()] = word  # seen in lower case mid-sentence: a common word

    def respell(match: re.Match[str]) -> str:
        word = match[0]
        return spelled.get(
            word.lower(),
            word
            if len(word) <= 3 and word.isupper() and word.lower() not in TITLE_STOPWORDS
            else word.lower(),
        )

    text = re.sub(r"[A-Za-z][\w'’-]*", respell, headline)
    return text[:1].upper() + text[1:]


def make_summary(doc: Document) -> str:
    """The lead: the first one or two sentences (up to about 400 characters), dateline removed."""
    start = doc.dateline[1] if doc.dateline else 0
    picked: list[str] = []
    length = 0
    for sentence in doc.sentences:
        if sentence.end <= start:
            continue
        text = doc.body[max(start, sentence.start) : sentence.end].strip()
        if picked and length + len(text) > 400:
            break
        picked.append(text)
        length += len(text)
        if len(picked) >= 2 or length > 250:
            break
    summary = " ".join(" ".join(picked).split())
    return summary or (doc.headline or "")


def shorten_title(sentence: str, *, max_words: int = 12) -> str:
    """A sentence cut to a headline: the first clause, at most `max_words` words."""
    text = re.sub(r"\s+", " ", sentence).strip().rstrip(".").lstrip(".,;:-–— ")
    text = re.sub(r"^(?:In|On|At|By|Since|During)\s+[^,]{3,40},\s+", "", text)
    text = re.sub(
        r"^(?:However|Meanwhile|Also|But|And|In addition|In fact|Currently),?\s+", "", text
    )
    words = text.split()
    if len(words) > max_words:
        words = words[:max_words]
        while words and words[-1].lower().strip(",;:") in TITLE_STOPWORDS | {
            "his",
            "her",
            "its",
            "a",
        }:
            words.pop()
        text = " ".join(words).rstrip(",;:") + "…"
    text = text[:1].upper() + text[1:]
    return text


_DATEWORDS = r"(?:on|last|this|early|late)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?"


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:200]
    return None
