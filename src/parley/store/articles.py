"""Article rows: the one write (article + raw bytes + dropped lines + near-duplicate links) and the reads.

Callers wrap `insert` in `db.transaction`, so an article is stored with all its
parts or not at all.
"""
from __future__ import annotations

import sqlite3
import zlib
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterator

from parley.model import Article

# Columns of `articles` that describe an article (everything but the signature).
COLUMNS = ("id", "uid", "title", "outlet", "author", "published", "language", "text", "content_key",
           "source", "source_kind", "via", "retrieved_at", "raw_sha256", "url", "ingested_at")


@dataclass(frozen=True)
class DroppedLine:
    line_no: int
    text: str
    rule: str
    reason: str


@dataclass
class NewArticle:
    """Everything one ingested article writes."""

    uid: str
    text: str
    content_key: str
    source: str
    source_kind: str
    retrieved_at: str
    raw: bytes
    raw_sha256: str
    media_type: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    url: str | None = None
    via: str | None = None
    minhash: bytes | None = None
    dropped: list[DroppedLine] = field(default_factory=list)


@dataclass(frozen=True)
class StoredArticle:
    """An article as the store has it: the annotation-format fields plus metadata and provenance."""

    id: int
    uid: str
    text: str
    content_key: str
    source: str
    source_kind: str
    retrieved_at: str
    raw_sha256: str
    ingested_at: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    via: str | None = None
    url: str | None = None

    def to_article(self) -> Article:
        """The article object of the exchange format (annotations empty until a later stage adds them)."""
        return Article(id=self.uid, text=self.text, outlet=self.outlet, published=self.published,
                       language=self.language, title=self.title, url=self.url)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def find_by_content_key(conn: sqlite3.Connection, key: str) -> int | None:
    row = conn.execute("SELECT id FROM articles WHERE content_key = ?", (key,)).fetchone()
    return row[0] if row else None


def find_by_raw(conn: sqlite3.Connection, sha256: str) -> int | None:
    """An article stored from exactly these bytes (a re-run over the same files)."""
    row = conn.execute("SELECT id FROM articles WHERE raw_sha256 = ? LIMIT 1", (sha256,)).fetchone()
    return row[0] if row else None


def uid_taken(conn: sqlite3.Connection, uid: str) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE uid = ?", (uid,)).fetchone() is not None


def insert(conn: sqlite3.Connection, new: NewArticle, near: list[tuple[int, float]]) -> int:
    """Write one article and its parts; call inside a transaction. Returns the article's id."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    cursor = conn.execute(
        "INSERT INTO articles (uid, title, outlet, author, published, language, text, content_key, source,"
        " source_kind, via, retrieved_at, raw_sha256, url, minhash, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (new.uid, new.title, new.outlet, new.author, new.published, new.language, new.text, new.content_key,
         new.source, new.source_kind, new.via, new.retrieved_at, new.raw_sha256, new.url, new.minhash, now),
    )
    article_id = cursor.lastrowid
    conn.execute("INSERT INTO raw_documents (article_id, sha256, media_type, size, content) VALUES (?, ?, ?, ?, ?)",
                 (article_id, new.raw_sha256, new.media_type, len(new.raw), _compress(new.raw)))
    conn.executemany("INSERT INTO dropped_lines (article_id, line_no, text, rule, reason) VALUES (?, ?, ?, ?, ?)",
                     [(article_id, d.line_no, d.text, d.rule, d.reason) for d in new.dropped])
    conn.executemany("INSERT INTO near_duplicates (article_id, other_id, jaccard) VALUES (?, ?, ?)",
                     [(article_id, other, round(jaccard, 4)) for other, jaccard in near])
    return article_id


def _compress(raw: bytes) -> bytes:
    """zlib level 6 with a window no larger than the document: it compresses exactly as well as the default
    32 KB window (matches cannot reach further back than the start anyway) at half the cost for an article,
    as setting up the large window was most of the work."""
    packer = zlib.compressobj(6, zlib.DEFLATED, min(15, max(9, (len(raw) - 1).bit_length())))
    return packer.compress(raw) + packer.flush()


def _where(outlet: str | None, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if outlet is not None:
        clauses.append("outlet = ? COLLATE NOCASE")
        params.append(outlet)
    if since is not None:
        clauses.append("published >= ?")
        params.append(since)
    if until is not None:
        clauses.append("published <= ?")
        params.append(until)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def iter_articles(conn: sqlite3.Connection, outlet: str | None = None, since: str | None = None,
                  until: str | None = None, limit: int | None = None, offset: int = 0) -> Iterator[StoredArticle]:
    """Articles in id order; `since`/`until` are inclusive YYYY-MM-DD bounds on `published`."""
    where, params = _where(outlet, since, until)
    sql = f"SELECT {', '.join(COLUMNS)} FROM articles{where} ORDER BY id LIMIT ? OFFSET ?"
    for row in conn.execute(sql, [*params, -1 if limit is None else limit, offset]):
        yield StoredArticle(**dict(row))


def count(conn: sqlite3.Connection, outlet: str | None = None, since: str | None = None,
          until: str | None = None) -> int:
    where, params = _where(outlet, since, until)
    return conn.execute(f"SELECT COUNT(*) FROM articles{where}", params).fetchone()[0]


def get(conn: sqlite3.Connection, ref: int | str) -> StoredArticle | None:
    """By integer id, or by uid (the article object's id)."""
    sql = f"SELECT {', '.join(COLUMNS)} FROM articles WHERE "
    row = None
    if isinstance(ref, int) or str(ref).isdigit():
        row = conn.execute(sql + "id = ?", (int(ref),)).fetchone()
    if row is None:
        row = conn.execute(sql + "uid = ?", (str(ref),)).fetchone()
    return StoredArticle(**dict(row)) if row else None


def dropped_lines(conn: sqlite3.Connection, article_id: int) -> list[DroppedLine]:
    rows = conn.execute("SELECT line_no, text, rule, reason FROM dropped_lines WHERE article_id = ? ORDER BY line_no",
                        (article_id,))
    return [DroppedLine(**dict(row)) for row in rows]


def near_duplicates(conn: sqlite3.Connection, article_id: int) -> list[tuple[int, float]]:
    """(other article id, estimated jaccard), whichever of the two was stored first."""
    rows = conn.execute(
        "SELECT other_id, jaccard FROM near_duplicates WHERE article_id = ?"
        " UNION SELECT article_id, jaccard FROM near_duplicates WHERE other_id = ? ORDER BY 2 DESC",
        (article_id, article_id))
    return [(row[0], row[1]) for row in rows]


def raw_document(conn: sqlite3.Connection, article_id: int) -> tuple[str, bytes] | None:
    """(media type, raw bytes) as they were received."""
    row = conn.execute("SELECT media_type, content FROM raw_documents WHERE article_id = ?", (article_id,)).fetchone()
    return (row[0], zlib.decompress(row[1])) if row else None


def signatures(conn: sqlite3.Connection) -> Iterator[tuple[int, bytes]]:
    """Every stored MinHash signature, to rebuild the near-duplicate index."""
    yield from conn.execute("SELECT id, minhash FROM articles WHERE minhash IS NOT NULL")
