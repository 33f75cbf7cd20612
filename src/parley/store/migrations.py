"""Versioned schema migrations, applied in order when a store is opened.

To change the schema, append a `(version, sql)` step to `MIGRATIONS` with the
next version number; never edit a step that has shipped. Each step runs in
its own transaction together with its `schema_version` row, so a store is
always at exactly one version.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from parley.store.annotations import MIGRATION as ANNOTATIONS_V2
from parley.store.db import transaction

ARTICLES_V1 = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    title TEXT,
    outlet TEXT,
    author TEXT,
    published TEXT,
    language TEXT,
    text TEXT NOT NULL,
    content_key TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    via TEXT,
    retrieved_at TEXT NOT NULL,
    raw_sha256 TEXT NOT NULL,
    url TEXT,
    minhash BLOB,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_raw_sha256 ON articles(raw_sha256);

CREATE TABLE raw_documents (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL  -- zlib-compressed raw bytes
);

CREATE TABLE dropped_lines (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    line_no INTEGER NOT NULL,
    text TEXT NOT NULL,
    rule TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (article_id, line_no)
);

CREATE TABLE near_duplicates (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    other_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    jaccard REAL NOT NULL,
    PRIMARY KEY (article_id, other_id),
    CHECK (article_id <> other_id)
);
CREATE INDEX near_duplicates_other ON near_duplicates(other_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
"""

MIGRATIONS: list[tuple[int, str]] = [
    (1, ARTICLES_V1),
    (2, ANNOTATIONS_V2),
]


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)")
    return conn.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0]


def migrate(conn: sqlite3.Connection, steps: list[tuple[int, str]] = MIGRATIONS) -> int:
    """Apply the pending steps in order; returns the store's version afterwards."""
    versions = [version for version, _sql in steps]
    if versions != sorted(set(versions)):
        raise ValueError(f"migration versions must be unique and increasing: {versions}")
    for version, sql in steps:
        if version <= current_version(conn):
            continue
        with transaction(conn):
            # Another process may have applied it while this one waited for the lock.
            if version <= current_version(conn):
                continue
            for statement in split_statements(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                         (version, datetime.now(timezone.utc).isoformat(timespec="seconds")))
    return current_version(conn)


def split_statements(sql: str) -> list[str]:
    """The statements of a script, split where SQLite itself sees them end (trigger bodies stay whole).

    `executescript` would commit on its own; executing one statement at a time keeps
    a step inside its transaction.
    """
    statements, buffer = [], ""
    for piece in sql.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \n\t;"):
        raise ValueError(f"incomplete SQL statement in migration: {buffer.strip()[:80]!r}")
    return statements
