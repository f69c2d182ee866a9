"""Stage: the page around the article (stamps, headline, dateline) and the parsed document."""

from __future__ import annotations

import re

from ..dates import DATE_PHRASE, TIME as TIME_OF_DAY
from ..model import Article
from ..sources import clean_article_text
from .catalog import Catalog
from .document import Document
from .normalise import fold_text, normalise_name
from .sentences import split_sentences
from .vocabulary import NOT_NAME_WORDS, KICKERS


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
    "published",
    "posted",
    "issued",
    "updated",
    "last",
    "modified",
    "date",
    "dated",
    "on",
    "at",
    "am",
    "pm",
    "gmt",
    "utc",
    "cet",
    "cest",
    "msk",
    "est",
    "edt",
    "bst",
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
        if m[1].strip().lower() in KICKERS:
            text = m[2]
    if m := re.match(r"^(.{12,}?)\s+[|–—-]\s+([A-Z][\w.&'() ]{1,60})$", text):
        tail_words = m[2].split()
        names_publisher = bool(publisher) and normalise_name(m[2]) in normalise_name(
            publisher or ""
        )
        if names_publisher or (len(tail_words) <= 4 and all(w[:1].isupper() for w in tail_words)):
            text = m[1]
    return text.strip()


def read_document(article: Article, catalog: Catalog) -> Document:
    """The article as the stages see it: the page around it removed, the headline and the
    dateline set apart, the body split into paragraphs and sentences with offsets."""
    cleaned = clean_article_text(article.text)
    paragraphs = [p for p in cleaned.split("\n") if p.strip() and not is_stamp_line(p)]
    headline, body = strip_headline(paragraphs)
    starts = []
    position = 0
    for paragraph in body:
        starts.append(position)
        position += len(paragraph) + 1
    text = "\n".join(body)
    doc = Document(
        article=article,
        catalog=catalog,
        cleaned=cleaned,
        headline=headline,
        paragraphs=body,
        paragraph_starts=starts,
        body=text,
        folded=fold_text(text),
        dateline=find_dateline(body[0]) if body else None,
    )
    for start, paragraph in zip(starts, body):
        # The dateline is not a sentence: "MOSCOW. Feb 3 (Interfax) -" must not be split.
        skip = doc.dateline[1] if doc.dateline and start == 0 else 0
        doc.sentences.extend(split_sentences(paragraph[skip:], start + skip))
    return doc
