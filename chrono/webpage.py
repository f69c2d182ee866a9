"""Read a news page, fetched from the web or saved from a browser, into a `WebPage`.

trafilatura finds the article's main text and its metadata (title, site name, canonical
address); htmldate supplies the publication date. Only `page_from_url` touches the network,
through the standard library's urllib. Every failure raises `PageError` with one line that
names the address or file.
"""

from __future__ import annotations

import calendar
import codecs
import datetime as dt
import http.client
import re
import socket
import ssl
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import replace
from typing import Any

from .model import WebPage

DEFAULT_TIMEOUT = 20.0
"""Seconds to wait for the server, and at most for the whole page."""
MAX_PAGE_BYTES = 10_000_000
"""Larger pages are refused: unread when the server declares the size, else as soon as the
limit is passed. A news page, scripts and all, is rarely over 2 MB; 10 MB leaves room for
inlined images and still stops a video or a data dump early."""
MIN_TEXT_CHARS = 250
"""Less main text than this is a page of links or a teaser, not an article (trafilatura's own
threshold for a usable extraction)."""
USER_AGENT = "russia-nato-chronology/0.1 (+https://github.com/russia-nato-chronology/chronology)"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
EARLIEST_DATE = "1990-01-01"
"""No article in the chronology was published before this; earlier dates on a page are noise."""


class PageError(Exception):
    """A page that cannot be read as an article. `str()` is one line: `source: reason`."""

    def __init__(self, source: str | None, reason: str) -> None:
        super().__init__(f"{source}: {reason}" if source else reason)
        self.source = source
        self.reason = reason


# ---------------------------------------------------------------- fetching


def page_from_url(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = MAX_PAGE_BYTES
) -> WebPage:
    """Fetch a news page (following redirects) and read its article and publication facts."""
    body, final_url, content_type = fetch_page(url, timeout=timeout, max_bytes=max_bytes)
    page = page_from_html(body, url=final_url, content_type=content_type)
    return replace(page, final_url=final_url)


def fetch_page(url: str, *, timeout: float, max_bytes: int) -> tuple[bytes, str, str | None]:
    """The page's bytes, the address they came from after redirects, and their Content-Type."""
    if not is_web_address(url):
        raise PageError(url, "not a web address (give the full address, starting with https://)")
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
            # urllib does not decompress; ask for the page as it is (and cope if it comes zipped).
            "Accept-Encoding": "identity",
        },
    )
    opener = urllib.request.build_opener(_WebOnlyRedirects())
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = response.geturl()
            content_type = response.headers.get("Content-Type")
            refuse_non_html_type(content_type, final_url)
            length = response.headers.get("Content-Length", "").strip()
            if length.isdigit() and int(length) > max_bytes:
                raise PageError(final_url, _too_large(int(length), max_bytes))
            body = _read_within(response, max_bytes, deadline, timeout, final_url)
            body = _decompress(body, response.headers.get("Content-Encoding"), max_bytes, final_url)
    except PageError:
        raise
    except urllib.error.HTTPError as error:
        error.close()
        if 300 <= error.code < 400:
            raise PageError(url, "too many redirects (or a redirect loop)") from None
        reason = " ".join(str(error.reason).split())
        raise PageError(url, f"the server answered HTTP {error.code} {reason}".rstrip()) from None
    except urllib.error.URLError as error:
        raise PageError(url, _network_reason(error.reason, url, timeout)) from None
    except TimeoutError:
        raise PageError(url, f"no answer within {timeout:g} seconds") from None
    except (http.client.HTTPException, OSError, ValueError) as error:
        raise PageError(url, f"the connection failed: {_describe(error)}") from None
    return body, final_url, content_type


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects (urllib allows 10), but only to http(s): never to ftp: or file:."""

    def redirect_request(  # type: ignore[override]
        self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> urllib.request.Request | None:
        if not is_web_address(urllib.parse.urljoin(req.full_url, newurl)):
            fp.close()
            raise PageError(req.full_url, f"redirected to {newurl}, which is not a web address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_within(
    response: Any, max_bytes: int, deadline: float, timeout: float, where: str
) -> bytes:
    """Read the body in chunks, stopping past max_bytes or past the deadline (a server that
    trickles a byte at a time never trips the socket's own timeout)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise PageError(where, _too_large(size, max_bytes, at_least=True))
        if time.monotonic() > deadline:
            raise PageError(where, f"the page did not arrive within {timeout:g} seconds")
        chunks.append(chunk)


def _decompress(body: bytes, encoding: str | None, max_bytes: int, where: str) -> bytes:
    encoding = (encoding or "identity").strip().lower()
    if encoding == "identity":
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise PageError(
            where, f"the server sent the page encoded as '{encoding}', which cannot be read"
        )
    try:
        # 32 + 15: a gzip or zlib header, detected from the data.
        decompressor = zlib.decompressobj(47)
        data = decompressor.decompress(body, max_bytes + 1)
    except zlib.error as error:
        raise PageError(where, f"the compressed page is damaged ({error})") from None
    if len(data) > max_bytes:
        raise PageError(where, _too_large(len(data), max_bytes, at_least=True))
    return data


def _too_large(size: int, limit: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"the page is too large ({more}{size:,} bytes; the limit is {limit:,})"


def _network_reason(reason: object, url: str, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        host = urllib.parse.urlsplit(url).hostname
        return f"the host name '{host}' does not resolve ({reason.strerror or reason})"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"no answer within {timeout:g} seconds"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection failed ({reason.reason or reason})"
    if isinstance(reason, BaseException):
        return f"the connection failed: {_describe(reason)}"
    return f"the connection failed: {reason}"


def _describe(error: BaseException) -> str:
    text = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return " ".join(str(text).split())


def is_web_address(url: str) -> bool:
    """An absolute http(s) address with a host."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


# ---------------------------------------------------------------- reading HTML


_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a media file"),
    (b"PK\x03\x04", "a ZIP archive or office document"),
    (b"\x1f\x8b", "a gzip archive"),
)


def refuse_non_html_type(content_type: str | None, where: str | None) -> None:
    """Raise unless the declared media type is HTML (no declaration passes: the bytes decide)."""
    if not content_type:
        return
    media = content_type.split(";", 1)[0].strip().lower()
    if media and media not in HTML_TYPES:
        raise PageError(where, f"not a web page: it is {media}, and only HTML pages can be added")


def _refuse_non_html_bytes(data: bytes, where: str | None) -> None:
    head = data[:16].lstrip()
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise PageError(
                where, f"not a web page: it is {kind}, and only HTML pages can be added"
            )
    if not _HTML_TAG.search(data[:65536]):
        raise PageError(where, "not a web page: no HTML found")


_HTML_TAG = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|title|p|div|article|main)[\s>/]", re.IGNORECASE
)


def page_from_html(
    data: bytes, *, url: str | None = None, content_type: str | None = None
) -> WebPage:
    """Read an article and its publication facts from a page's bytes.

    `url` is where the page came from (after redirects), used to resolve the canonical address
    and to find a date in the address; `content_type` is the HTTP header, whose charset wins
    over the page's own `<meta charset>`.
    """
    where = url
    if len(data) > MAX_PAGE_BYTES:
        raise PageError(where, _too_large(len(data), MAX_PAGE_BYTES))
    refuse_non_html_type(content_type, where)
    _refuse_non_html_bytes(data, where)
    html = decode_html(data, content_type)
    # A page saved by a browser may say where it came from; use that when nobody else does.
    base_url = url or saved_from_url(html)

    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=base_url,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        # Old archive pages lay the whole page out in tables; with tables kept, navigation
        # and stamps come out glued to the story in one cell.
        include_tables=False,
        deduplicate=False,
        date_extraction_params={
            "extensive_search": True,
            "original_date": True,
            "url": base_url,
            "min_date": EARLIEST_DATE,
            "max_date": dt.date.today().isoformat(),
        },
    )
    title = _one_line(getattr(document, "title", None))
    paragraphs = _article_paragraphs(getattr(document, "text", None) or "", title)
    if sum(len(p) for p in paragraphs) < MIN_TEXT_CHARS:
        raise PageError(where, "no article text found on the page")
    tree = trafilatura.load_html(html)
    page_url = choose_page_url(_canonical_url(document, tree, base_url), base_url)
    return WebPage(
        text="\n\n".join(paragraphs) + "\n",
        title=title,
        publisher=_one_line(getattr(document, "sitename", None)),
        published=publication_date(tree, page_url, getattr(document, "date", None)),
        url=page_url,
    )


def _article_paragraphs(text: str, title: str | None) -> list[str]:
    """The paragraphs, headline first. What comes before the headline near the top (a
    section kicker, breadcrumbs) is page furniture and is dropped."""
    paragraphs = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if not title:
        return paragraphs
    if title in paragraphs[:4]:
        return paragraphs[paragraphs.index(title) :]
    return [title, *paragraphs]


def _canonical_url(document: Any, tree: Any, base_url: str | None) -> str | None:
    """trafilatura's canonical address; a relative `<link rel="canonical">`, which it skips,
    is resolved against the address the page was read from."""
    found = getattr(document, "url", None)
    if found and found != base_url:
        return found
    if tree is not None and base_url:
        for href in tree.xpath('//head/link[@rel="canonical"]/@href'):
            return urllib.parse.urljoin(base_url, href.strip())
    return found


_MONTH_IN_ADDRESS = re.compile(r"/((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])(?=[/_-]|$)")


def publication_date(tree: Any, url: str | None, extracted: str | None) -> str | None:
    """The publication date as ISO text (`YYYY-MM` when only the address tells the month).

    htmldate's quick search, which reads meta tags, structured data, `<time>`, the address and
    stamps such as "Published:", is preferred to trafilatura's date, which also searches the
    whole visible text. An address with a year and month in its path (`/1996/5/`) overrules
    both when they fall outside that month: the dates an archive stamps on its copies ("Last
    Updated: 07/27/2016") are then searched past, and the month alone is kept if nothing in it
    is found.
    """
    from htmldate import find_date

    today = dt.date.today().isoformat()
    found = None
    if tree is not None:
        found = find_date(
            tree,
            url=url,
            original_date=True,
            extensive_search=False,
            min_date=EARLIEST_DATE,
            max_date=today,
        )
    found = found or extracted or None
    month = _MONTH_IN_ADDRESS.search(urllib.parse.urlsplit(url or "").path)
    if not month:
        return found
    year, number = int(month.group(1)), int(month.group(2))
    prefix = f"{year:04d}-{number:02d}"
    if found and found.startswith(prefix):
        return found
    last_day = calendar.monthrange(year, number)[1]
    within = None
    if tree is not None:
        within = find_date(
            tree,
            url=url,
            original_date=True,
            extensive_search=True,
            min_date=f"{prefix}-01",
            max_date=min(f"{prefix}-{last_day:02d}", today),
        )
    return within or prefix


def _one_line(value: str | None) -> str | None:
    """The value with its whitespace collapsed; None when nothing is left."""
    text = " ".join((value or "").split())
    return text or None


def choose_page_url(canonical: str | None, read_from: str | None) -> str | None:
    """The page's canonical address when it is a web address on the same site as the one it
    was read from (a syndicated story's canonical link names the agency, not this publisher),
    else the address it was read from."""
    if not canonical or not is_web_address(canonical):
        return read_from
    if read_from is None or _same_site(canonical, read_from):
        return canonical
    return read_from


def _same_site(first: str, second: str) -> bool:
    one, two = (_bare_host(address) for address in (first, second))
    return one == two or one.endswith("." + two) or two.endswith("." + one)


def _bare_host(url: str) -> str:
    host = (urllib.parse.urlsplit(url).hostname or "").lower().rstrip(".")
    return host.removeprefix("www.")


_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->", re.IGNORECASE)


def saved_from_url(html: str) -> str | None:
    """The address in the `<!-- saved from url=(NNNN)... -->` mark browsers put on saved pages."""
    match = _SAVED_FROM.search(html[:4096])
    if match and is_web_address(match.group(1)):
        return match.group(1)
    return None


# ---------------------------------------------------------------- character sets


_META_CHARSET = re.compile(
    rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE
)
_XML_ENCODING = re.compile(
    rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)", re.IGNORECASE
)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """The page as text, in the order browsers use: a byte-order mark, the charset of the
    HTTP header, the page's own `<meta charset>` (or XML declaration), then UTF-8 if it is
    valid, then a guess from the bytes."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    header = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type or "", re.IGNORECASE)
    candidates = [header.group(1) if header else None]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        found = pattern.search(data[:4096])
        candidates.append(found.group(1).decode("ascii") if found else None)
    for name in candidates:
        declared = _codec(name)
        if declared:
            return _XML_DECLARATION.sub("", data.decode(declared, errors="replace"), count=1)
    try:
        return _XML_DECLARATION.sub("", data.decode("utf-8"), count=1)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    text = str(best) if best is not None else data.decode("cp1252", errors="replace")
    return _XML_DECLARATION.sub("", text, count=1)


def _codec(name: str | None) -> str | None:
    """Python's codec for a declared charset, as browsers read it; None if unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # The WHATWG Encoding Standard: these labels mean windows-1252, and a page that reached
    # us as bytes of an ASCII-compatible encoding cannot really be UTF-16.
    if codec in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    if codec.startswith("utf-16"):
        return "utf-8"
    return codec


# ---------------------------------------------------------------- comparing addresses


_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|yclid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src)$", re.IGNORECASE
)


def comparable_url(url: str) -> str:
    """A key under which two addresses of the same article compare equal: scheme, `www.`,
    default port, letter case of the host, fragment, trailing slash, repeated slashes,
    tracking parameters and the order of parameters do not matter."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    host = _bare_host(url)
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", urllib.parse.unquote(parts.path)).rstrip("/") or "/"
    query = sorted(
        (key, value)
        for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(key)
    )
    return f"{host}{path}" + (f"?{urllib.parse.urlencode(query)}" if query else "")
