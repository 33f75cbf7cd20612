"""Polite, bounded HTTP fetching for URLs and feed links.

A URL on the command line or in a feed is untrusted input: only http(s), no
private, loopback or link-local address (checked on every redirect hop)
unless the user allows it, robots.txt obeyed, a size cap enforced while
streaming, and transient failures retried with exponential backoff.
"""
from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable
from urllib.robotparser import RobotFileParser

import httpx

USER_AGENT = "Parley/0.1 (+news negotiation analysis)"
MAX_BYTES = 20 * 1024 * 1024
_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_RETRY_AFTER = 30.0


class FetchError(Exception):
    """A URL that could not or may not be fetched; the message says which and why."""


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    status: int
    media_type: str | None
    charset: str | None
    content: bytes
    retrieved_at: str  # UTC ISO 8601


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def resolve(host: str, port: int) -> list[str]:
    """Every address the host resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"unreachable: cannot resolve host {host!r} ({exc})") from None
    return [info[4][0] for info in infos]


class Fetcher:
    """One HTTP client with the safety rules above; robots.txt is cached per origin."""

    def __init__(self, allow_private: bool = False, timeout: float = 15.0, retries: int = 3,
                 backoff: float = 0.5, max_bytes: int = MAX_BYTES, max_redirects: int = 5,
                 transport: httpx.BaseTransport | None = None,
                 resolver: Callable[[str, int], list[str]] = resolve) -> None:
        self.allow_private = allow_private
        self.retries = retries
        self.backoff = backoff
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self._resolve = resolver
        self._robots: dict[str, RobotFileParser] = {}
        self._client = httpx.Client(timeout=timeout, follow_redirects=False, transport=transport,
                                    headers={"User-Agent": USER_AGENT})

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> Fetched:
        """The body of a URL, following redirects, each hop checked and robots.txt obeyed."""
        return self._get(url, robots=True)

    def _get(self, url: str, robots: bool) -> Fetched:
        retrieved_at = utc_now()
        current = url
        for _hop in range(self.max_redirects + 1):
            target = self._check(current)
            if robots and not self._allowed(target):
                raise FetchError(f"refused by robots.txt of {target.scheme}://{target.netloc.decode()}")
            response, body = self._request(target)
            if response.is_redirect:
                current = str(target.join(response.headers.get("location", "")))
                continue
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            media_type, _, params = response.headers.get("content-type", "").partition(";")
            charset = next((p.split("=", 1)[1].strip(" \"'") for p in params.split(";")
                            if p.strip().lower().startswith("charset=")), None)
            return Fetched(url, str(target), response.status_code, media_type.strip().lower() or None,
                           charset, body, retrieved_at)
        raise FetchError(f"more than {self.max_redirects} redirects")

    def _check(self, url: str) -> httpx.URL:
        """Refuse other schemes and, unless allowed, hosts with any non-public address."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise FetchError(f"invalid URL: {exc}") from None
        if parsed.scheme not in ("http", "https"):
            raise FetchError(f"unsupported URL scheme {parsed.scheme!r}: only http and https")
        if not parsed.host:
            raise FetchError("invalid URL: no host")
        if not self.allow_private:
            port = parsed.port or (443 if parsed.scheme == "https" else 80)
            for address in self._resolve(parsed.host, port):
                ip = ipaddress.ip_address(address.split("%")[0])
                ip = getattr(ip, "ipv4_mapped", None) or ip
                if not ip.is_global or ip.is_multicast:
                    raise FetchError(f"refused: {parsed.host} has a private or local address ({ip}); "
                                     "pass --allow-private to fetch it")
        return parsed

    def _request(self, url: httpx.URL) -> tuple[httpx.Response, bytes]:
        """One GET with retries on connection errors, 5xx and 429; the body read up to the cap."""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                with self._client.stream("GET", url) as response:
                    if response.status_code in _RETRY_STATUS and not last:
                        self._wait(attempt, response.headers.get("retry-after"))
                        continue
                    return response, self._read(response)
            except httpx.TransportError as exc:
                if last:
                    raise FetchError(f"unreachable: {exc.__class__.__name__}: {exc}".rstrip(": ")) from None
                self._wait(attempt, None)
        raise AssertionError("unreachable: the last attempt always returns or raises")

    def _read(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"too large: {int(declared)} bytes (limit {self.max_bytes})")
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"too large: more than {self.max_bytes} bytes (limit)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait(self, attempt: int, retry_after: str | None) -> None:
        delay = self.backoff * 2 ** attempt
        if retry_after and retry_after.strip().isdigit():
            delay = max(delay, min(float(retry_after), _MAX_RETRY_AFTER))
        time.sleep(delay)

    def _allowed(self, url: httpx.URL) -> bool:
        """robots.txt per RFC 9309: missing (4xx) allows all, a server error (5xx) allows none."""
        origin = f"{url.scheme}://{url.netloc.decode()}"
        parser = self._robots.get(origin)
        if parser is None:
            parser = RobotFileParser(origin + "/robots.txt")
            try:
                fetched = self._get(origin + "/robots.txt", robots=False)
                parser.parse(fetched.content.decode("utf-8", errors="replace").splitlines())
            except FetchError as exc:
                if str(exc).startswith("unreachable"):
                    raise
                parser.disallow_all = str(exc).startswith("HTTP 5")
                parser.allow_all = not parser.disallow_all
            self._robots[origin] = parser
        return parser.can_fetch(USER_AGENT, str(url))
