"""An ingest killed with SIGKILL leaves a consistent store, and the re-run stores the rest exactly once."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

TOTAL = 300
PLACES = ["Geneva", "Vienna", "Istanbul", "Doha", "Oslo", "Minsk", "Astana", "Cairo", "Riyadh", "Helsinki"]
WORDS = ("ceasefire envoy sanctions corridor guarantees delegation withdrawal prisoners monitors treaty summit "
         "border pipeline grain observers referendum mediator framework timetable hotline").split()


def _article(n: int, rng: random.Random) -> str:
    place = rng.choice(PLACES)
    sentences = [f"Delegates met in {place} on day {n} to discuss the {' '.join(rng.sample(WORDS, 3))}, "
                 f"officials said after {rng.randint(2, 12)} hours of talks." for _ in range(12)]
    body = "\n\n".join(sentences)
    return f"Talks resume in {place}, round {n}\n\nMenu\nAdvertisement\n\n{body}\n\nShare this article\n"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_sigkill_mid_batch_then_rerun(tmp_path: Path) -> None:
    rng = random.Random(7)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(TOTAL):
        (corpus / f"{n:04d}.txt").write_text(_article(n, rng), encoding="utf-8")
    db = tmp_path / "crash.db"
    command = [sys.executable, "-c", "from parley.cli import app; app()", "--db", str(db), "ingest", "--json",
               str(corpus)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        stored_at_kill = _wait_for_articles(db, at_least=20, process=process)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert 0 < stored_at_kill < TOTAL, "the ingest finished before it could be killed"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert stored < TOTAL
    assert conn.execute("SELECT COUNT(*) FROM articles a LEFT JOIN raw_documents r ON r.article_id = a.id"
                        " WHERE r.article_id IS NULL").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM raw_documents").fetchone()[0] == stored
    assert conn.execute("SELECT COUNT(DISTINCT article_id) FROM dropped_lines").fetchone()[0] == stored
    conn.close()

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert (report["stored"], report["duplicates"], report["errors"]) == (TOTAL - stored, stored, 0)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == TOTAL
    assert conn.execute("SELECT COUNT(DISTINCT content_key) FROM articles").fetchone()[0] == TOTAL
    assert conn.execute("SELECT COUNT(*) FROM raw_documents").fetchone()[0] == TOTAL
    conn.close()


def _wait_for_articles(db: Path, at_least: int, process: subprocess.Popen, timeout: float = 60) -> int:
    """Poll from a reader connection (WAL lets it read while the ingest writes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if db.exists():
            try:
                with closing(sqlite3.connect(db, timeout=1)) as conn:
                    count = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                if count >= at_least:
                    return count
            except sqlite3.OperationalError:
                pass  # the schema is still being created
        time.sleep(0.005)
    raise AssertionError("the ingest did not store articles in time")
