"""Reading articles: encodings, refusals with one-line reasons, and removing site chrome."""

from __future__ import annotations

from pathlib import Path

from chrono.extract.cleanup import clean_article_text
from chrono.sources import MAX_ARTICLE_BYTES, decode_article, load_articles, read_article

RUSSIAN = "Москва заявила, что расширение НАТО на восток угрожает безопасности в Европе. " * 5


def test_utf8_and_utf16_with_bom_are_decoded() -> None:
    text = "Talks in Brussels — “no breakthrough”.\n"
    assert decode_article(text.encode("utf-8"), "a.txt") == (text, None)
    assert decode_article("\ufeff".encode("utf-8") + text.encode("utf-8"), "a.txt") == (text, None)
    decoded, error = decode_article(text.encode("utf-16"), "a.txt")  # with its BOM
    assert error is None and decoded == text


def test_windows_1251_is_decoded_not_refused() -> None:
    text, error = decode_article(RUSSIAN.encode("cp1251"), "seeds/ru.txt")
    assert error is None and text == RUSSIAN


def test_windows_1252_with_curly_quotes_and_dashes_is_decoded() -> None:
    text = "BRUSSELS — “We are ready,” Lavrov said. Le sommet de l'OTAN à Bruxelles. " * 3
    decoded, error = decode_article(text.encode("cp1252"), "seeds/fr.txt")
    assert error is None and decoded == text


def test_empty_binary_and_huge_articles_are_refused(tmp_path: Path) -> None:
    assert str(decode_article(b"  \n\n", "seeds/e.txt")[1]) == "seeds/e.txt: the article is empty"
    assert "binary" in str(decode_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00", "seeds/b.txt")[1])
    big = tmp_path / "seeds" / "big.txt"
    big.parent.mkdir()
    big.write_bytes(b"word " * (MAX_ARTICLE_BYTES // 5 + 10))
    article, error = read_article(big, {}, tmp_path)
    assert article is None and str(error).startswith("seeds/big.txt: the article is too large")


def test_load_articles_keeps_going_past_a_bad_file(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("An article about talks.\n", encoding="utf-8")
    (seeds / "b.txt").write_bytes(b"\x00\x01\x02\xff" * 10)
    (seeds / "c.txt").write_text("Another article.\n", encoding="utf-8")
    articles, errors = load_articles(seeds, tmp_path)
    assert sorted(articles) == ["a.txt", "c.txt"]
    assert [e.path for e in errors] == ["seeds/b.txt"]


PAGE = """Subscribe to our newsletter!
Get the latest news as it happens — right in your inbox
. Last Updated: 03/04/2015

Ministers Meet Over Missile Shield

By Jane Roe
WORLD

BRUSSELS -- Ministers met on Tuesday to discuss the missile shield and agreed to keep talking next month.

"We will continue," the spokesman said, speaking to reporters after a long session at headquarters.
Video PlayerClose
Share this article
3 Comments

Read more about: NATO

Read more
Other Headline About Something Else
Leave a Reply
Your email address will not be published.
"""


def test_chrome_is_removed_and_paragraphs_stay() -> None:
    cleaned = clean_article_text(PAGE)
    assert cleaned.split("\n") == [
        "Ministers Meet Over Missile Shield",
        "",
        "BRUSSELS -- Ministers met on Tuesday to discuss the missile shield and agreed to keep talking next month.",
        "",
        '"We will continue," the spokesman said, speaking to reporters after a long session at headquarters.',
    ]


def test_comment_counter_glued_to_the_last_sentence_is_cut() -> None:
    text = "A long enough sentence about the alliance and its neighbours in the east today.\nGo to Forum >>12 Comments"
    assert clean_article_text(text) == "A long enough sentence about the alliance and its neighbours in the east today."
