"""A local HTTP server for the ingestion tests (127.0.0.1 only; the tests never touch the internet)."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator, Union

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

# A route answers with (status, headers, body), or is a callable returning that (for flaky endpoints).
Answer = tuple[int, dict[str, str], bytes]
Route = Union[Answer, Callable[[], Answer]]


class LocalServer:
    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.requests: list[tuple[str, str]] = []  # (path, user agent)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                server.requests.append((self.path, self.headers.get("User-Agent", "")))
                route = server.routes.get(self.path, (404, {}, b"not found"))
                status, headers, body = route() if callable(route) else route
                self.send_response(status)
                for key, value in {"Content-Length": str(len(body)), **headers}.items():
                    if value:  # an empty value leaves the header out (a body of unknown length)
                        self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def paths(self) -> list[str]:
        return [path for path, _agent in self.requests]


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[LocalServer]:
    server = LocalServer(routes)
    thread = threading.Thread(target=server._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server._httpd.shutdown()
        server._httpd.server_close()


def html(body: bytes) -> Answer:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body
