"""Turn what the user names (files, folders, `-`, URLs, feeds, JSONL) into raw items.

Each source yields items or failures, never raises: one unreadable file, bad
JSONL line or dead feed link is reported and the batch goes on. What a file
is (HTML, feed, JSONL, plain text) is decided by its content as well as its
name, because scraped dumps are often misnamed.
"""
from __future__ import annotations

import csv
import io
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Union

from parley.ingest.fetch import MAX_BYTES, Fetched, FetchError, Fetcher, utc_now
from parley.ingest.items import Failure, Hints, RawItem, Skipped
from parley.ingest.language import DecodeError, decode
from parley.model import Article

Item = Union[RawItem, Failure, Skipped]

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_JSON_TYPES = {"application/json", "application/x-ndjson", "application/jsonl", "application/jsonlines"}


@dataclass(frozen=True)
class Leaf:
    """One thing to read: a file, a URL or standard input (folders are expanded into files)."""

    kind: str  # file | url | stdin
    location: str


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def plan(sources: list[str]) -> list[Leaf | Failure | Skipped]:
    """The leaves to read, in order; folders recursively, hidden files and folders skipped."""
    out: list[Leaf | Failure | Skipped] = []
    for source in sources:
        if source == "-":
            out.append(Leaf("stdin", "-"))
        elif "://" in source:
            out.append(Leaf("url", source) if is_url(source) else
                       Failure(source, "unsupported URL scheme: only http and https"))
        elif Path(source).is_dir():
            root = Path(source)
            for path in sorted(root.rglob("*")):
                if any(part.startswith(".") for part in path.relative_to(root).parts) or not path.is_file():
                    continue
                if path.suffix.lower() in ARTICLE_SUFFIXES:
                    out.append(Leaf("file", str(path)))
                else:
                    out.append(Skipped(str(path), f"not an article file type ({path.suffix}); "
                                                  "name it on the command line to ingest it"))
        elif Path(source).is_file():
            out.append(Leaf("file", source))
        else:
            out.append(Failure(source, "no such file or folder"))
    return out


def sniff(raw: bytes, name: str = "", media_type: str | None = None) -> str:
    """'feed', 'html', 'jsonl', 'xml' (other XML) or 'text': by content first, then name and media type."""
    head = raw[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    suffix = Path(name.split("?")[0]).suffix.lower()
    if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")) and any(
            tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<channel")):
        return "feed"
    if (suffix in HTML_SUFFIXES or media_type in _HTML_TYPES
            or head.startswith((b"<!doctype html", b"<html"))
            or (head.startswith(b"<") and any(tag in head for tag in (b"<body", b"<p>", b"<div", b"<article")))):
        return "html"
    if suffix in JSONL_SUFFIXES or media_type in _JSON_TYPES or head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<?xml"):
        return "xml"
    return "text"


class Reader:
    """Reads leaves into items; one fetcher (and its robots.txt cache) for the whole batch."""

    def __init__(self, allow_private: bool = False, fetcher_factory: Callable[..., Fetcher] = Fetcher) -> None:
        self._factory = fetcher_factory
        self._allow_private = allow_private
        self._fetcher: Fetcher | None = None

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = self._factory(allow_private=self._allow_private)
        return self._fetcher

    def read(self, leaf: Leaf) -> Iterator[Item]:
        if leaf.kind == "url":
            yield from self._read_url(leaf.location)
        elif leaf.kind == "stdin":
            raw = sys.stdin.buffer.read(MAX_BYTES + 1)
            yield from self._read_bytes(raw, "<stdin>", "stdin", utc_now(), name="")
        else:
            yield from self._read_file(Path(leaf.location))

    def _read_file(self, path: Path) -> Iterator[Item]:
        source = str(path)
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                yield Failure(source, f"too large: {size} bytes (limit {MAX_BYTES // 2**20} MB)")
                return
            raw = path.read_bytes()
        except OSError as exc:
            yield Failure(source, f"cannot read: {exc.strerror or exc}")
            return
        yield from self._read_bytes(raw, source, "file", utc_now(), name=path.name, path=source)

    def _read_url(self, url: str) -> Iterator[Item]:
        try:
            fetched = self.fetcher.get(url)
        except FetchError as exc:
            yield Failure(url, str(exc))
            return
        yield from self._read_bytes(fetched.content, url, "url", fetched.retrieved_at, name=fetched.final_url,
                                    media_type=fetched.media_type, charset=fetched.charset,
                                    given=Hints(url=fetched.final_url))

    def _read_bytes(self, raw: bytes, source: str, kind: str, retrieved_at: str, name: str,
                    media_type: str | None = None, charset: str | None = None, given: Hints = Hints(),
                    path: str | None = None) -> Iterator[Item]:
        if len(raw) > MAX_BYTES:
            yield Failure(source, f"too large: more than {MAX_BYTES // 2**20} MB")
            return
        if not raw.strip():
            yield Failure(source, "empty: no content")
            return
        what = sniff(raw, name, media_type)
        if what == "feed":
            yield from self._read_feed(raw, source)
        elif what == "jsonl":
            yield from read_jsonl_items(raw, source, retrieved_at, charset)
        elif what == "xml":
            yield Failure(source, "XML that is not an RSS or Atom feed")
        else:
            yield RawItem(source=source, source_kind=kind, raw=raw, retrieved_at=retrieved_at, charset=charset,
                          media_type="text/html" if what == "html" else "text/plain", given=given, path=path)

    def _read_feed(self, raw: bytes, feed_source: str) -> Iterator[Item]:
        """Each entry's link fetched as an article, the entry's own title/date/author as fallbacks."""
        import feedparser

        parsed = feedparser.parse(io.BytesIO(raw))
        if not parsed.entries:
            problem = f": {parsed.bozo_exception}" if parsed.get("bozo") else ""
            yield Failure(feed_source, f"feed with no readable items{problem}")
            return
        outlet = parsed.feed.get("title") or None
        for number, entry in enumerate(parsed.entries, 1):
            label = f"{feed_source} item {number}"
            link = (entry.get("link") or "").strip()
            if not link:
                yield Failure(label, f"no link ({entry.get('title') or 'untitled'})")
                continue
            if not is_url(link):
                yield Failure(f"{label} {link}", "link is not an http(s) URL")
                continue
            try:
                fetched: Fetched = self.fetcher.get(link)
            except FetchError as exc:
                yield Failure(link, f"{exc} (item {number} of feed {feed_source})")
                continue
            fallback = Hints(title=entry.get("title") or None, author=entry.get("author") or None,
                             published=_struct_date(entry.get("published_parsed") or entry.get("updated_parsed")),
                             outlet=outlet)
            what = sniff(fetched.content, fetched.final_url, fetched.media_type)
            if what not in ("html", "text"):
                yield Failure(link, f"not an article page but {what} (item {number} of feed {feed_source})")
                continue
            yield RawItem(source=link, source_kind="feed", raw=fetched.content, retrieved_at=fetched.retrieved_at,
                          media_type="text/html" if what == "html" else "text/plain", charset=fetched.charset,
                          given=Hints(url=fetched.final_url), fallback=fallback, via=feed_source)


def _struct_date(value: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", value) if value else None


def read_jsonl_items(raw: bytes, source: str, retrieved_at: str, charset: str | None = None) -> Iterator[Item]:
    """One item per article object; a bad line is a failure naming its line, and the rest go on."""
    try:
        text = decode(raw, charset)
    except DecodeError as exc:
        yield Failure(source, str(exc))
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        label = f"{source}:{number}"
        try:
            article = Article.from_dict(json.loads(line))
        except (json.JSONDecodeError, TypeError, ValueError) as exc:
            yield Failure(label, f"bad JSONL line: {exc}")
            continue
        given = Hints(title=article.title, outlet=article.outlet, published=article.published,
                      language=article.language, url=article.url)
        yield RawItem(source=label, source_kind="jsonl", raw=line.encode("utf-8"), media_type="application/json",
                      retrieved_at=retrieved_at, given=given, uid=article.id or None, text=article.text,
                      via=source)


class Manifest:
    """Per-file metadata from a CSV with columns file,outlet,published,language[,url].

    A row's `file` is a path relative to the CSV's own folder; an item that matches
    no path is matched by file name alone when exactly one row has that name.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        base = self.path.resolve().parent
        self._by_path: dict[Path, Hints] = {}
        self._by_name: dict[str, list[Hints]] = {}
        with open(self.path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or "file" not in reader.fieldnames:
                raise ValueError(f"{self.path}: a manifest needs a header with a 'file' column")
            for row in reader:
                name = (row.get("file") or "").strip()
                if not name:
                    continue
                hints = Hints(outlet=_cell(row, "outlet"), published=_cell(row, "published"),
                              language=_cell(row, "language"), url=_cell(row, "url"), title=_cell(row, "title"),
                              author=_cell(row, "author"))
                self._by_path[(base / name).resolve()] = hints
                self._by_name.setdefault(Path(name).name, []).append(hints)

    def __len__(self) -> int:
        return len(self._by_path)

    def lookup(self, path: str | None) -> Hints | None:
        if path is None:
            return None
        found = self._by_path.get(Path(path).resolve())
        if found is None and len(self._by_name.get(Path(path).name, [])) == 1:
            found = self._by_name[Path(path).name][0]
        return found


def _cell(row: dict[str, str | None], column: str) -> str | None:
    value = (row.get(column) or "").strip()
    return value or None
