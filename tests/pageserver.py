"""A real HTTP server on 127.0.0.1 serving the fixture pages in tests/fixtures/pages/, plus
the ways a fetch goes wrong: 404, 500, redirects (a good one, one to ftp:, a loop), a PDF, an
image, a slow answer, an oversize body, a page with no article, and a windows-1251 page declared
only by the HTTP header."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"

WIRE = "/world/europe/russia-nato-hotline-talks-idUSKCN0001"
NEWSPAPER = "/world/2008/08/19/nato-ministers-georgia"
PRESS_RELEASE = "/en/natohq/news_118.htm"
ARCHIVE = "/sitemap/free/1996/5/article/envoys-open-treaty-review/324341.html"
RUSSIAN = "/politics/2021/12/17/konsultacii.html"
OVERSIZE_BYTES = 10_000_000 + 65536

NO_ARTICLE = b"""<!DOCTYPE html><html><head><title>Section: World</title></head><body>
<nav><a href="/a">World</a> <a href="/b">Europe</a> <a href="/c">Politics</a></nav>
<ul><li><a href="/1">Ministers meet</a></li><li><a href="/2">Talks resume</a></li></ul>
<footer>Contact us</footer></body></html>"""


def _page(name: str) -> bytes:
    return (PAGES / name).read_bytes()


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    redirects: ClassVar[dict[str, str]] = {
        "/old-address": WIRE,
        "/to-ftp": "ftp://127.0.0.1/story.html",
        "/loop": "/loop",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        html = "text/html; charset=utf-8"
        routes: dict[str, tuple[int, str, bytes]] = {
            WIRE: (200, html, _page("wire_story.html")),
            NEWSPAPER: (200, html, _page("newspaper.html")),
            # No charset in the header: the page's own <meta http-equiv> (UTF-8) applies.
            PRESS_RELEASE: (200, "text/html", _page("press_release.html")),
            ARCHIVE: (200, "text/html", _page("archive.html")),
            RUSSIAN: (
                200,
                "text/html; charset=windows-1251",
                _page("russian_cp1251.html").decode("utf-8").encode("cp1251"),
            ),
            "/missing": (404, html, b"<html><body><h1>Not found</h1></body></html>"),
            "/broken": (500, html, b"<html><body><h1>Internal error</h1></body></html>"),
            "/report.pdf": (
                200,
                "application/pdf",
                b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
            ),
            "/photo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
            "/sections/world": (200, html, NO_ARTICLE),
        }
        if path in routes:
            status, content_type, body = routes[path]
            self._send(status, content_type, body)
        elif path in self.redirects:
            self.send_response(301)
            self.send_header("Location", self.redirects[path])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/slow":
            # Answer only after the client has given up (or the server is stopped).
            self.server.stopping.wait(5)
            self._send(200, html, _page("wire_story.html"))
        elif path == "/oversize":
            self._send_oversize()
        else:
            self._send(404, html, b"<html><body>no such test page</body></html>")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send_oversize(self) -> None:
        """An HTML page larger than the limit, with no Content-Length to warn the client."""
        self.close_connection = True
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(b"<!DOCTYPE html><html><body><article>")
            chunk = b"<p>" + b"Envoys met again. " * 3600 + b"</p>\n"
            sent = 0
            while sent < OVERSIZE_BYTES and not self.server.stopping.is_set():
                self.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    stopping: threading.Event


def stay_on_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy, and no name lookup but 127.0.0.1's: a test never reaches past this machine,
    and an unknown host fails at once, as a name the resolver does not know does."""
    for name in (
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    lookup = socket.getaddrinfo

    def local_only(host: object, *args: Any, **kwargs: Any) -> Any:
        if host not in ("127.0.0.1", "localhost", b"127.0.0.1", b"localhost"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return lookup(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", local_only)


@contextmanager
def serve_pages() -> Iterator[str]:
    """Start the server on a free port; yield its base address; stop it however the test ends."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.stopping = threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
