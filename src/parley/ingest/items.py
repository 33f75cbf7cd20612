"""What sources hand to the document builder: raw items, or a failure naming the item."""
from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass(frozen=True)
class Hints:
    """Metadata offered by someone other than the text itself (user, manifest, JSONL, feed, HTML page)."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None

    def over(self, other: "Hints") -> "Hints":
        """These hints, with `other`'s values where these have none."""
        return Hints(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(Hints)})


@dataclass(frozen=True)
class RawItem:
    """One article's bytes as received, and where from."""

    source: str  # path, URL, "<stdin>", "file.jsonl:12"
    source_kind: str  # file | stdin | url | feed | jsonl
    raw: bytes
    media_type: str  # text/plain | text/html | application/json
    retrieved_at: str
    charset: str | None = None
    given: Hints = field(default_factory=Hints)  # authoritative (JSONL fields, manifest)
    fallback: Hints = field(default_factory=Hints)  # used only when nothing better is found (feed items)
    uid: str | None = None  # the article id a JSONL object carries
    text: str | None = None  # the text a JSONL object carries (else decoded from `raw`)
    via: str | None = None  # the feed or JSONL file the item came through
    path: str | None = None  # the local file, to look it up in a manifest


@dataclass(frozen=True)
class Failure:
    """An item that could not be read; the batch goes on."""

    source: str
    reason: str


@dataclass(frozen=True)
class Skipped:
    """A file in a folder that is not an article type (kept in the report so nothing vanishes silently)."""

    source: str
    reason: str


class IngestError(ValueError):
    """An item that cannot become an article; the message is the reason shown to the user."""
