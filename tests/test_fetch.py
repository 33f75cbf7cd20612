"""Safe fetching: robots.txt, retries, size cap, private addresses and redirects — against 127.0.0.1 only."""
from __future__ import annotations

import socket

import httpx
import pytest

from ingest_fixtures import html, serve
from parley.ingest.fetch import USER_AGENT, FetchError, Fetcher

PAGE = b"<html><body><p>Talks resumed in Geneva on Monday, officials said.</p></body></html>"


def _fetcher(**kwargs) -> Fetcher:
    return Fetcher(allow_private=True, backoff=0.01, timeout=5, **kwargs)


def test_fetches_with_parley_user_agent_and_reports_media_type() -> None:
    with serve({"/a.html": html(PAGE)}) as server, _fetcher() as fetcher:
        fetched = fetcher.get(server.url + "/a.html")
    assert fetched.content == PAGE
    assert (fetched.media_type, fetched.charset, fetched.status) == ("text/html", "utf-8", 200)
    assert fetched.retrieved_at.endswith("+00:00")
    assert {agent for _path, agent in server.requests} == {USER_AGENT}


def test_robots_txt_is_obeyed_and_fetched_once_per_host() -> None:
    robots = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
    with serve({"/robots.txt": robots, "/ok.html": html(PAGE), "/private/x.html": html(PAGE)}) as server:
        with _fetcher() as fetcher:
            fetcher.get(server.url + "/ok.html")
            with pytest.raises(FetchError, match="robots.txt"):
                fetcher.get(server.url + "/private/x.html")
    assert server.paths().count("/robots.txt") == 1
    assert "/private/x.html" not in server.paths()


def test_robots_txt_server_error_disallows_everything() -> None:
    with serve({"/robots.txt": (500, {}, b"oops"), "/a.html": html(PAGE)}) as server:
        with _fetcher(retries=0) as fetcher, pytest.raises(FetchError, match="robots.txt"):
            fetcher.get(server.url + "/a.html")


def test_retries_5xx_and_429_with_backoff() -> None:
    answers = iter([(503, {}, b""), (429, {"Retry-After": "0"}, b""), html(PAGE)])
    with serve({"/flaky": lambda: next(answers)}) as server, _fetcher() as fetcher:
        assert fetcher.get(server.url + "/flaky").content == PAGE
    assert server.paths().count("/flaky") == 3


def test_gives_up_after_the_retries() -> None:
    with serve({"/down": (503, {}, b"")}) as server, _fetcher(retries=2) as fetcher:
        with pytest.raises(FetchError, match="HTTP 503"):
            fetcher.get(server.url + "/down")
    assert server.paths().count("/down") == 3


def test_http_errors_are_not_retried() -> None:
    with serve({}) as server, _fetcher() as fetcher:
        with pytest.raises(FetchError, match="HTTP 404"):
            fetcher.get(server.url + "/missing")
    assert server.paths().count("/missing") == 1


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "streamed"])
def test_size_cap(declared: bool) -> None:
    headers = {} if declared else {"Content-Length": ""}
    with serve({"/big": (200, headers, b"x" * 5000)}) as server, _fetcher(max_bytes=1000) as fetcher:
        with pytest.raises(FetchError, match="too large"):
            fetcher.get(server.url + "/big")


def test_private_addresses_are_refused_unless_allowed() -> None:
    with serve({"/a.html": html(PAGE)}) as server, Fetcher() as fetcher:
        with pytest.raises(FetchError, match="allow-private"):
            fetcher.get(server.url + "/a.html")
    assert server.requests == []


def test_redirects_are_followed_and_rechecked() -> None:
    with serve({"/old": (301, {"Location": "/a.html"}, b""), "/a.html": html(PAGE)}) as server, _fetcher() as f:
        fetched = f.get(server.url + "/old")
    assert fetched.final_url == server.url + "/a.html"

    # A public host redirecting to a private one: refused at the second hop (mock transport, no traffic).
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": "http://internal.test/admin"})

    addresses = {"public.test": ["93.184.216.34"], "internal.test": ["10.0.0.5"]}
    fetcher = Fetcher(transport=httpx.MockTransport(answer), resolver=lambda host, _port: addresses[host])
    with fetcher, pytest.raises(FetchError, match="internal.test has a private"):
        fetcher.get("http://public.test/story")


def test_unreachable_and_unsupported() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with _fetcher(retries=1) as fetcher:
        with pytest.raises(FetchError, match="unreachable"):
            fetcher.get(f"http://127.0.0.1:{port}/a.html")
        with pytest.raises(FetchError, match="only http and https"):
            fetcher.get("ftp://example.org/file.txt")
