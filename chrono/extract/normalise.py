"""Text keys for comparing names and making ids: ASCII folding that keeps offsets, slugs."""

from __future__ import annotations

import re
import unicodedata


_PUNCTUATION_FOLD = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00a0": " ",
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
    while len(kept) > 1 and kept[-1] in SLUG_TAIL_WORDS:
        kept.pop()
    return "-".join(kept) or "event"


SLUG_TAIL_WORDS = {
    "the", "a", "an", "of", "on", "in", "at", "to", "for", "and", "or", "with", "by", "from",
    "is", "are", "was", "were", "be", "been", "that", "this", "its", "their", "his", "her",
    "as", "into", "over", "about", "there", "not", "no", "will", "would", "following", "after",
    "before", "than", "s", "which", "who", "but", "has", "have", "had", "says", "said", "amid",
    "against", "between"
}


def normalise_name(text: str) -> str:
    """Key for comparing names: folded, lower-case, hyphens and dots as spaces."""
    text = fold_text(text).lower().replace("secretary-general", "secretary general")
    return " ".join(re.sub(r"[.\-'’]", " ", text).split())
