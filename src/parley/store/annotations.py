"""Annotation tables: actors, statements, events and positions of stored articles.

An article's annotations are replaced as a whole in one transaction, so a reader never
sees half of a re-annotation. Actor ids are global: knowledge-base ids ("putin", "rus")
or slugs of names the knowledge base lacks, so the same actor links across articles.
"""
from __future__ import annotations

import json
import sqlite3
import zlib

from parley.knowledge.codebook import Codebook
from parley.knowledge.plover import TYPES, cameo_root
from parley.model import Actor, Article, Event, Position, Statement

MIGRATION = """
CREATE TABLE actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    country TEXT,
    kind TEXT NOT NULL,
    role TEXT
);
CREATE TABLE article_actors (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    aliases TEXT NOT NULL DEFAULT '[]',
    role TEXT,
    PRIMARY KEY (article_id, actor_id)
);
CREATE TABLE statements (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    speaker TEXT REFERENCES actors(id),
    speaker_text TEXT,
    kind TEXT NOT NULL,
    cue TEXT,
    text TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    speaker_start INTEGER,
    speaker_end INTEGER
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_speaker ON statements(speaker);
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    source TEXT REFERENCES actors(id),
    source_country TEXT,
    type TEXT NOT NULL,
    mode TEXT,
    target TEXT REFERENCES actors(id),
    target_country TEXT,
    date TEXT,
    negated INTEGER NOT NULL DEFAULT 0,
    modality TEXT,
    evidence TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    score REAL,
    cameo TEXT
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_source ON events(source);
CREATE INDEX events_target ON events(target);
CREATE INDEX events_type_date ON events(type, date);
CREATE INDEX events_dyad ON events(source_country, target_country);
CREATE TABLE positions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    actor TEXT NOT NULL REFERENCES actors(id),
    actor_country TEXT,
    issue TEXT NOT NULL,
    stance TEXT NOT NULL CHECK (stance IN ('for', 'against')),
    evidence TEXT NOT NULL,
    reported_by TEXT REFERENCES actors(id),
    date TEXT,
    start INTEGER,
    "end" INTEGER
);
CREATE INDEX positions_article ON positions(article_id);
CREATE INDEX positions_actor_issue ON positions(actor, issue);
CREATE INDEX positions_issue ON positions(issue);
CREATE TABLE issues (
    id TEXT PRIMARY KEY,
    negotiation TEXT,
    proposition TEXT NOT NULL
);
CREATE TABLE parses (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    content_key TEXT NOT NULL,
    model TEXT NOT NULL,
    doc BLOB NOT NULL
);
ALTER TABLE articles ADD COLUMN annotated_version INTEGER;
ALTER TABLE articles ADD COLUMN annotated_at TEXT;
CREATE VIRTUAL TABLE statements_fts USING fts5(text, speaker_text, content='statements', content_rowid='id');
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, text, speaker_text) VALUES (new.id, new.text, new.speaker_text);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text, speaker_text)
    VALUES ('delete', old.id, old.text, old.speaker_text);
END;
"""


def save_issues(conn: sqlite3.Connection, codebook: Codebook) -> None:
    """Record the codebook's issues, so pages can show each issue's proposition."""
    conn.executemany(
        "INSERT INTO issues (id, negotiation, proposition) VALUES (?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET negotiation = excluded.negotiation, proposition = excluded.proposition",
        [(issue.id, codebook.negotiation, issue.proposition) for issue in codebook.issues],
    )


def save_annotations(conn: sqlite3.Connection, article_id: int, article: Article, version: int, when: str) -> None:
    """Replace the article's annotations with `article`'s, in the caller's transaction."""
    for table in ("statements", "events", "positions", "article_actors"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    countries = {a.id: a.country for a in article.actors}
    for actor in article.actors:
        conn.execute(
            "INSERT INTO actors (id, name, country, kind, role) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET country = COALESCE(actors.country, excluded.country), "
            "role = COALESCE(actors.role, excluded.role)",
            (actor.id, actor.name, actor.country, actor.kind, actor.role),
        )
        conn.execute("INSERT INTO article_actors (article_id, actor_id, aliases, role) VALUES (?, ?, ?, ?)",
                     (article_id, actor.id, json.dumps(actor.aliases, ensure_ascii=False), actor.role))
    conn.executemany(
        'INSERT INTO statements (article_id, seq, speaker, speaker_text, kind, cue, text, start, "end", '
        "speaker_start, speaker_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, i, s.speaker, s.speaker_text, s.kind, s.cue, s.text, s.start, s.end,
          s.speaker_start, s.speaker_end) for i, s in enumerate(article.statements)],
    )
    conn.executemany(
        "INSERT INTO events (article_id, seq, source, source_country, type, mode, target, target_country, date, "
        'negated, modality, evidence, start, "end", score, cameo) '
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(article_id, i, e.source, countries.get(e.source), e.type, e.mode, e.target, countries.get(e.target),
          e.date, int(e.negated), e.modality, e.evidence, e.start, e.end,
          TYPES[e.type].score if e.type in TYPES else None,
          cameo_root(e.type, e.mode) if e.type in TYPES else None) for i, e in enumerate(article.events)],
    )
    conn.executemany(
        "INSERT INTO positions (article_id, seq, actor, actor_country, issue, stance, evidence, reported_by, date, "
        'start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [(article_id, i, p.actor, countries.get(p.actor), p.issue, p.stance, p.evidence, p.reported_by,
          p.date, p.start, p.end) for i, p in enumerate(article.positions)],
    )
    conn.execute("UPDATE articles SET annotated_version = ?, annotated_at = ? WHERE id = ?",
                 (version, when, article_id))


def load_annotations(conn: sqlite3.Connection, article_id: int, article: Article) -> Article:
    """Fill `article`'s annotation lists from the store (the inverse of `save_annotations`)."""
    article.actors = [
        Actor(id=r["id"], name=r["name"], aliases=json.loads(r["aliases"]), country=r["country"],
              kind=r["kind"], role=r["arole"] or r["role"])
        for r in conn.execute(
            "SELECT a.*, aa.aliases, aa.role AS arole FROM article_actors aa JOIN actors a ON a.id = aa.actor_id "
            "WHERE aa.article_id = ? ORDER BY a.id", (article_id,))
    ]
    article.statements = [
        Statement(speaker=r["speaker"], text=r["text"], kind=r["kind"], speaker_text=r["speaker_text"], cue=r["cue"],
                  start=r["start"], end=r["end"], speaker_start=r["speaker_start"], speaker_end=r["speaker_end"])
        for r in conn.execute("SELECT * FROM statements WHERE article_id = ? ORDER BY seq", (article_id,))
    ]
    article.events = [
        Event(source=r["source"], type=r["type"], target=r["target"], date=r["date"], negated=bool(r["negated"]),
              evidence=r["evidence"], mode=r["mode"], modality=r["modality"], start=r["start"], end=r["end"])
        for r in conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY seq", (article_id,))
    ]
    article.positions = [
        Position(actor=r["actor"], issue=r["issue"], stance=r["stance"], evidence=r["evidence"],
                 reported_by=r["reported_by"], date=r["date"], start=r["start"], end=r["end"])
        for r in conn.execute("SELECT * FROM positions WHERE article_id = ? ORDER BY seq", (article_id,))
    ]
    return article


def save_parse(conn: sqlite3.Connection, article_id: int, content_key: str, model: str, doc_bytes: bytes) -> None:
    conn.execute(
        "INSERT INTO parses (article_id, content_key, model, doc) VALUES (?, ?, ?, ?) "
        "ON CONFLICT(article_id) DO UPDATE SET content_key = excluded.content_key, model = excluded.model, "
        "doc = excluded.doc",
        (article_id, content_key, model, zlib.compress(doc_bytes, 3)),
    )


def load_parse(conn: sqlite3.Connection, article_id: int, content_key: str, model: str) -> bytes | None:
    """The stored parse, if it was made from the same text by the same model; else None."""
    row = conn.execute("SELECT doc FROM parses WHERE article_id = ? AND content_key = ? AND model = ?",
                       (article_id, content_key, model)).fetchone()
    return zlib.decompress(row[0]) if row else None
