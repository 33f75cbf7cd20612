"""The SQLite store: migrations, one transaction per article, WAL readers, FTS kept in sync."""
from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest

from parley.api import open_store
from parley.ingest.dedupe import content_key, signature
from parley.store import articles as rows
from parley.store.db import connect, transaction
from parley.store.migrations import MIGRATIONS, current_version, migrate, split_statements

TEXT = "The two delegations met in Geneva on Monday and agreed to meet again next week, officials said."


def _new(text: str = TEXT, uid: str | None = None) -> rows.NewArticle:
    key = content_key(text)
    return rows.NewArticle(uid=uid or key[:16], text=text, content_key=key, source="test.txt", source_kind="file",
                           retrieved_at="2025-01-01T00:00:00+00:00", raw=text.encode(), raw_sha256="0" * 64,
                           media_type="text/plain", title="Talks", minhash=signature(text),
                           dropped=[rows.DroppedLine(1, "Menu", "navigation", "site navigation")])


def test_open_migrates_to_the_latest_version_once(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as store:
        assert current_version(store.conn) == MIGRATIONS[-1][0]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with open_store(path) as store:  # reopening applies nothing twice
        assert store.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(MIGRATIONS)


def test_a_new_migration_step_is_applied_in_order(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db")
    migrate(conn)
    steps = [*MIGRATIONS, (MIGRATIONS[-1][0] + 1, "CREATE TABLE extra (x INTEGER); CREATE INDEX extra_x ON extra(x);")]
    assert migrate(conn, steps) == steps[-1][0]
    conn.execute("INSERT INTO extra VALUES (1)")
    with pytest.raises(ValueError):
        migrate(conn, list(reversed(steps)))


def test_a_failing_migration_leaves_no_trace(tmp_path: Path) -> None:
    conn = connect(tmp_path / "s.db")
    migrate(conn)
    bad = [*MIGRATIONS, (99, "CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);")]
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, bad)
    assert current_version(conn) == MIGRATIONS[-1][0]
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchone() is None


def test_split_statements_keeps_trigger_bodies_whole() -> None:
    sql = "CREATE TABLE t (x); CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; SELECT 2; END; SELECT 3;"
    assert len(split_statements(sql)) == 3


def test_insert_writes_every_part_and_fts_follows(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        with transaction(store.conn):
            article_id = rows.insert(store.conn, _new(), near=[])
        assert store.get_article(article_id).text == TEXT
        assert store.raw(article_id) == ("text/plain", TEXT.encode())
        blob = store.conn.execute("SELECT content FROM raw_documents").fetchone()[0]
        assert zlib.decompress(blob) == TEXT.encode()
        assert [d.rule for d in store.dropped_lines(article_id)] == ["navigation"]
        hits = store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'geneva'").fetchall()
        assert [h[0] for h in hits] == [article_id]
        store.conn.execute("UPDATE articles SET text = 'Vienna talks' WHERE id = ?", (article_id,))
        matches = "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'geneva'"
        assert store.conn.execute(matches).fetchone()[0] == 0
        store.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        assert store.conn.execute("SELECT COUNT(*) FROM dropped_lines").fetchone()[0] == 0


def test_a_failed_article_transaction_writes_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        with pytest.raises(sqlite3.IntegrityError):
            with transaction(store.conn):
                rows.insert(store.conn, _new(), near=[(999, 0.9)])  # no article 999: the link fails
        for table in ("articles", "raw_documents", "dropped_lines", "near_duplicates"):
            assert store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


def test_content_key_is_unique(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        with transaction(store.conn):
            rows.insert(store.conn, _new(uid="a"), near=[])
        with pytest.raises(sqlite3.IntegrityError), transaction(store.conn):
            rows.insert(store.conn, _new(uid="b"), near=[])


def test_readers_keep_working_while_a_writer_is_mid_batch(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with open_store(path) as writer:
        with transaction(writer.conn):
            rows.insert(writer.conn, _new(), near=[])
        reader = connect(path)
        writer.conn.execute("BEGIN IMMEDIATE")
        rows.insert(writer.conn, _new("A second, different article about the talks in Vienna on Tuesday."), near=[])
        # The writer holds its transaction open; the reader neither blocks nor sees the half-done batch.
        assert reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
        writer.conn.execute("COMMIT")
        assert reader.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2
        reader.close()


def test_queries_filter_by_outlet_and_dates(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        for n, (outlet, published) in enumerate([("RT", "2024-01-05"), ("UNN", "2024-02-01"), ("RT", None)]):
            new = _new(f"Article number {n} about the negotiations in Geneva, officials said.")
            new.outlet, new.published = outlet, published
            with transaction(store.conn):
                rows.insert(store.conn, new, near=[])
        assert [a.id for a in store.articles(outlet="rt")] == [1, 3]
        assert [a.id for a in store.articles(since="2024-01-10")] == [2]
        assert [a.id for a in store.articles(until="2024-01-31")] == [1]
        assert store.count(outlet="RT") == 2
        assert [a.id for a in store.articles(limit=1, offset=1)] == [2]
        assert store.get_article(store.get_article(2).uid).id == 2
        assert store.get_article("nope") is None
