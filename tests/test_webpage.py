"""chrono.webpage: pages in the layouts of real kinds of site (fiction, see each file's first
comment), read from bytes and fetched from a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pageserver import (
    ARCHIVE,
    NEWSPAPER,
    PAGES,
    PRESS_RELEASE,
    RUSSIAN,
    WIRE,
    serve_pages,
    stay_on_this_machine,
)

from chrono.webpage import (
    PageError,
    comparable_url,
    decode_html,
    page_from_html,
    page_from_url,
    publication_date,
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with serve_pages() as base:
        yield base


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    stay_on_this_machine(monkeypatch)


def _fixture(name: str) -> bytes:
    return (PAGES / name).read_bytes()


# ---------------------------------------------------------------- saved pages


def test_wire_story() -> None:
    page = page_from_html(_fixture("wire_story.html"), url="https://www.northgate.example/world/x")
    assert page.title == "Russia and NATO envoys agree to resume military hotline talks"
    assert page.publisher == "Northgate Wire"
    assert page.published == "2019-07-05"
    # The canonical link is relative: resolved against the address the page came from.
    assert (
        page.url
        == "https://www.northgate.example/world/europe/russia-nato-hotline-talks-idUSKCN0001"
    )
    paragraphs = page.text.split("\n\n")
    assert paragraphs[0] == page.title
    assert paragraphs[1].startswith(
        "BRUSSELS, July 5 (Northgate Wire) - Russian and NATO envoys agreed"
    )
    for furniture in (
        "Sign In",
        "Breakingviews",
        "Read Next",
        "Storm season",
        "All rights reserved",
        "dataLayer",
    ):
        assert furniture not in page.text
    assert page.text.endswith("\n") and "\n\n\n" not in page.text


def test_newspaper_page_drops_navigation_captions_comments_and_kicker() -> None:
    page = page_from_html(_fixture("newspaper.html"))
    assert page.title == "NATO foreign ministers meet on Georgia as Moscow warns of consequences"
    assert page.publisher == "The Baltic Courier"
    assert page.published == "2008-08-19"
    # A saved page has no address of its own: its canonical link is taken.
    assert page.url == "https://www.balticcourier.example/world/2008/08/19/nato-ministers-georgia"
    assert page.text.startswith(page.title + "\n\n")
    assert page.text.count(page.title) == 1
    assert "Moscow reacted within hours." in page.text
    for furniture in (
        "Photo: Courier archive",
        "Graphic: Courier",
        "cookie",
        "Subscribe",
        "Share on",
        "reader1975",
        "Comments (12)",
        "Most read",
        "Ferry timetable",
    ):
        assert furniture not in page.text


def test_canonical_link_to_another_site_is_not_taken_for_a_fetched_page() -> None:
    page = page_from_html(_fixture("newspaper.html"), url="https://mirror.example.org/copy/1")
    assert page.url == "https://mirror.example.org/copy/1"
    mobile = page_from_html(_fixture("newspaper.html"), url="https://m.balticcourier.example/a")
    assert mobile.url == "https://www.balticcourier.example/world/2008/08/19/nato-ministers-georgia"


def test_press_release() -> None:
    page = page_from_html(_fixture("press_release.html"))
    assert page.title == "Forum chairs statement on security talks with Russia"
    # Only the visible "Issued on 17 Dec. 2021" line dates it.
    assert page.published == "2021-12-17"
    assert page.url is None and page.publisher is None
    assert "Home › News" not in page.text and "Skip to main content" not in page.text
    assert "The chairs of the Euro-Atlantic Security Forum today took note" in page.text


def test_archive_page_is_dated_by_its_address_not_the_archive_stamp() -> None:
    url = "http://archive.example/sitemap/free/1996/5/article/envoys/324341.html"
    page = page_from_html(_fixture("archive.html"), url=url)
    assert page.published == "1996-05-16"
    assert "VIENNA -- Russia on Wednesday warned" in page.text
    for furniture in ("Last Updated", "Get the latest updates", "Archive search", "|"):
        assert furniture not in page.text
    # Without the address, the archive's stamp is the only date the markup gives.
    assert page_from_html(_fixture("archive.html")).published == "2016-07-27"


def test_address_month_alone_when_nothing_in_that_month_is_found() -> None:
    import trafilatura

    tree = trafilatura.load_html("<html><body><p>Last updated: 07/27/2016</p></body></html>")
    assert publication_date(tree, "http://a.example/2001/3/x.html", "2016-07-27") == "2001-03"
    assert publication_date(tree, "http://a.example/x.html", "2016-07-27") == "2016-07-27"


def test_saved_from_mark_gives_the_address() -> None:
    data = b"<!-- saved from url=(0040)https://news.example/2019/07/05/story -->\n" + _fixture(
        "wire_story.html"
    )
    page = page_from_html(data)
    assert page.url == "https://news.example/world/europe/russia-nato-hotline-talks-idUSKCN0001"


def test_meta_charset_is_honoured() -> None:
    text = (
        _fixture("russian_cp1251.html")
        .decode("utf-8")
        .replace("<head>", '<head><meta charset="windows-1251">')
    )
    page = page_from_html(text.encode("cp1251"))
    assert page.title == "Россия и НАТО договорились продолжить консультации"
    assert page.publisher == "Северный вестник"
    assert "в пятницу договорились" in page.text


@pytest.mark.parametrize(
    ("data", "content_type", "expected"),
    [
        ("привет".encode("cp1251"), "text/html; charset=windows-1251", "привет"),
        ('<meta charset="koi8-r">привет'.encode("koi8-r"), None, '<meta charset="koi8-r">привет'),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">я'.encode(
                "cp1251"
            ),
            None,
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">я',
        ),
        # The header wins over the page's own declaration, as in browsers.
        (
            '<meta charset="koi8-r">привет'.encode("cp1251"),
            "text/html; charset=cp1251",
            '<meta charset="koi8-r">привет',
        ),
        # ISO-8859-1 means windows-1252: curly quotes survive.
        (b"\x93quoted\x94", "text/html; charset=ISO-8859-1", "\u201cquoted\u201d"),
        ("\ufeffbom wins".encode("utf-8"), "text/html; charset=windows-1251", "bom wins"),
        ("no declaration, UTF-8 — fine".encode(), None, "no declaration, UTF-8 — fine"),
        (
            '<?xml version="1.0" encoding="windows-1251"?><html>я</html>'.encode("cp1251"),
            None,
            "<html>я</html>",
        ),
        ("ünknown".encode(), "text/html; charset=x-no-such-charset", "ünknown"),
    ],
)
def test_decode_html(data: bytes, content_type: str | None, expected: str) -> None:
    assert decode_html(data, content_type) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"%PDF-1.4\n...",
            "not a web page: it is a PDF document, and only HTML pages can be added",
        ),
        (
            b"\x89PNG\r\n\x1a\n....",
            "not a web page: it is a PNG image, and only HTML pages can be added",
        ),
        (b"just some text, no markup at all", "not a web page: no HTML found"),
        (
            b"<html><body><nav><a href='/'>Home</a></nav><p>Short.</p></body></html>",
            "no article text found on the page",
        ),
    ],
)
def test_refused_bytes(data: bytes, message: str) -> None:
    with pytest.raises(PageError) as caught:
        page_from_html(data, url="https://x.example/a")
    assert str(caught.value) == f"https://x.example/a: {message}"
    with pytest.raises(PageError) as caught:
        page_from_html(data)
    assert str(caught.value) == message


def test_declared_non_html_type_is_refused() -> None:
    with pytest.raises(PageError, match=r"^x: not a web page: it is application/json, "):
        page_from_html(b"<html></html>", url="x", content_type="application/json; charset=utf-8")


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("https://www.example.com/a/b/", "http://example.com/a/b"),
        ("https://EXAMPLE.com:443/a/b#top", "https://example.com/a/b"),
        ("https://example.com/a?utm_source=x&b=2&a=1", "https://example.com/a?a=1&b=2"),
        (
            "http://www.xinhuanet.com//english/2017-04/27/c_136241056.htm",
            "http://www.xinhuanet.com/english/2017-04/27/c_136241056.htm",
        ),
        ("https://example.com/caf%C3%A9", "https://example.com/café"),
    ],
)
def test_comparable_url_same(one: str, two: str) -> None:
    assert comparable_url(one) == comparable_url(two)


@pytest.mark.parametrize(
    ("one", "two"),
    [
        ("https://example.com/a", "https://example.com/b"),
        ("https://example.com/a?id=1", "https://example.com/a?id=2"),
        ("https://example.com:8080/a", "https://example.com/a"),
        ("https://news.example.com/a", "https://example.com/a"),
    ],
)
def test_comparable_url_different(one: str, two: str) -> None:
    assert comparable_url(one) != comparable_url(two)


# ---------------------------------------------------------------- fetched pages


def test_fetch_each_kind_of_page(server: str) -> None:
    wire = page_from_url(server + WIRE)
    assert (wire.url, wire.final_url, wire.published) == (
        server + WIRE,
        server + WIRE,
        "2019-07-05",
    )
    newspaper = page_from_url(server + NEWSPAPER)
    assert newspaper.url == server + NEWSPAPER and newspaper.published == "2008-08-19"
    press = page_from_url(server + PRESS_RELEASE)
    assert press.title == "Forum chairs statement on security talks with Russia"
    archive = page_from_url(server + ARCHIVE)
    assert archive.published == "1996-05-16"


def test_windows_1251_declared_by_header(server: str) -> None:
    page = page_from_url(server + RUSSIAN)
    assert page.title == "Россия и НАТО договорились продолжить консультации"
    assert "Представители России и НАТО в пятницу договорились" in page.text


def test_redirect_is_followed_and_the_final_address_kept(server: str) -> None:
    page = page_from_url(server + "/old-address")
    assert page.final_url == server + WIRE
    assert page.url == server + WIRE


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "the server answered HTTP 404 Not Found"),
        ("/broken", "the server answered HTTP 500 Internal Server Error"),
        ("/report.pdf", "not a web page: it is application/pdf, and only HTML pages can be added"),
        ("/photo.png", "not a web page: it is image/png, and only HTML pages can be added"),
        ("/sections/world", "no article text found on the page"),
    ],
)
def test_fetch_refusals(server: str, path: str, message: str) -> None:
    with pytest.raises(PageError) as caught:
        page_from_url(server + path)
    assert str(caught.value) == f"{server}{path}: {message}"


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/to-ftp", "redirected to ftp://127.0.0.1/story.html, which is not a web address"),
        ("/loop", "too many redirects (or a redirect loop)"),
    ],
)
def test_bad_redirects(server: str, path: str, message: str) -> None:
    with pytest.raises(PageError) as caught:
        page_from_url(server + path)
    assert str(caught.value) == f"{server}{path}: {message}"


def test_timeout(server: str) -> None:
    started = time.monotonic()
    with pytest.raises(PageError) as caught:
        page_from_url(server + "/slow", timeout=0.5)
    assert str(caught.value) == f"{server}/slow: no answer within 0.5 seconds"
    assert time.monotonic() - started < 3


def test_oversize_body_is_refused_while_reading(server: str) -> None:
    with pytest.raises(PageError) as caught:
        page_from_url(server + "/oversize")
    assert str(caught.value).startswith(f"{server}/oversize: the page is too large (more than ")
    assert str(caught.value).endswith("bytes; the limit is 10,000,000)")
    with pytest.raises(PageError, match="the limit is 1,000"):
        page_from_url(server + WIRE, max_bytes=1000)


def test_unresolvable_host_and_refused_connection() -> None:
    with pytest.raises(PageError) as caught:
        page_from_url("http://no-such-host.invalid/article", timeout=5)
    assert str(caught.value) == (
        "http://no-such-host.invalid/article: "
        "the host name 'no-such-host.invalid' does not resolve (Name or service not known)"
    )
    with serve_pages() as base:
        closed = base
    with pytest.raises(PageError) as caught:
        page_from_url(closed + "/a", timeout=5)
    assert str(caught.value) == f"{closed}/a: the connection was refused"


@pytest.mark.parametrize(
    "url", ["ftp://example.com/a", "file:///etc/passwd", "example.com/a", "https://"]
)
def test_not_a_web_address(url: str) -> None:
    with pytest.raises(PageError) as caught:
        page_from_url(url)
    assert (
        str(caught.value)
        == f"{url}: not a web address (give the full address, starting with https://)"
    )


def test_fixtures_say_they_are_fiction() -> None:
    for path in sorted(Path(PAGES).glob("*.html")):
        head = path.read_text(encoding="utf-8")[:400]
        assert "<!-- Test fixture: FICTION." in head, path.name


def test_reading_a_page_uses_no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura, htmldate and their helpers download nothing at run time (no word lists,
    no public-suffix list): only page_from_url opens a connection."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for path in sorted(PAGES.glob("*.html")):
        page_from_html(path.read_bytes(), url="https://www.example.org/2019/07/05/a")
