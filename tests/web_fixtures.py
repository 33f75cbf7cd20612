"""A small demo-like store for the web, browser and report tests.

A handful of invented articles about talks between Russia, NATO, the US and Ukraine, with
actors, statements, events, positions (one actor changes its stance) and issues, plus one
hostile article whose title and text carry a script tag and an `onerror` image: every page
must show it as text. Offsets are computed from the text, so the spans are always true.
"""
from __future__ import annotations

import hashlib
import sqlite3
import warnings
from pathlib import Path

import pytest

from parley.model import Actor, Article, Event, Position, Statement
from parley.store import articles, db, migrations
from parley.store.annotations import save_annotations

with warnings.catch_warnings():  # starlette's notice about httpx, not about our code
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient  # noqa: F401  (re-exported for the web tests)

INJECTED_TITLE = 'Talks stall <script>window.__pwned=1</script> in Geneva'
INJECTED_MARKUP = '<img src=x onerror="window.__pwned=1">'

ACTORS = {
    "putin": Actor("putin", "Vladimir Putin", ["Putin"], "RUS", "person", "President of Russia"),
    "rus": Actor("rus", "Russia", ["Moscow", "the Kremlin"], "RUS", "state"),
    "nato": Actor("nato", "NATO", ["the alliance"], "NATO", "organization"),
    "usa": Actor("usa", "United States", ["Washington"], "USA", "state"),
    "blinken": Actor("blinken", "Antony Blinken", ["Blinken"], "USA", "person", "Secretary of State"),
    "ukr": Actor("ukr", "Ukraine", ["Kyiv"], "UKR", "state"),
    "zelensky": Actor("zelensky", "Volodymyr Zelensky", ["Zelensky"], "UKR", "person", "President of Ukraine"),
}
ISSUES = {
    "security_guarantees": "The West gives Russia legally binding security guarantees.",
    "nato_enlargement": "NATO keeps its door open to new members.",
    "negotiations": "The parties negotiate a settlement now.",
}


def _span(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def _statement(text: str, speaker: str, who: str, said: str, kind: str = "direct") -> Statement:
    start, end = _span(text, said)
    s_start = min((i for i in range(len(text)) if text.startswith(who, i)), key=lambda i: abs(i - start))
    s_end = s_start + len(who)
    return Statement(speaker, said, kind, who, "said", start, end, s_start, s_end)


def _event(text: str, source: str, type_: str, target: str | None, evidence: str, date: str | None = None,
           negated: bool = False) -> Event:
    start, end = _span(text, evidence)
    return Event(source, type_, target, date, negated, evidence, start=start, end=end)


def _position(text: str, actor: str, issue: str, stance: str, evidence: str, reported_by: str | None = None,
              date: str | None = None) -> Position:
    start, end = _span(text, evidence)
    return Position(actor, issue, stance, evidence, reported_by, date, start, end)


def _article(uid: str, outlet: str, published: str, title: str, text: str, actors: list[str],
             build) -> Article:
    art = Article(uid, text, outlet, published, "en", title, f"https://news.example/{uid}",
                  actors=[ACTORS[a] for a in actors])
    art.statements, art.events, art.positions = build(text)
    return art


def demo_articles() -> list[Article]:
    """The articles of the test store, oldest first."""
    t1 = ("Russian President Vladimir Putin said on Tuesday: \"We need legal guarantees of our security.\" "
          "Moscow demanded that NATO halt its expansion to the east. "
          "Putin warned that Russia would respond to any deployment near its borders.")
    t2 = ("Secretary of State Antony Blinken said the door of the alliance remains open. "
          "Washington rejected Russia's demand for guarantees. "
          "\"There will be no talks over the heads of Kyiv,\" Blinken said. "
          "The United States refused to negotiate on NATO membership.")
    t3 = ("Ukrainian President Volodymyr Zelensky said Kyiv wants to join NATO. "
          "Zelensky accused Russia of massing troops on the border. "
          "NATO pledged to support Ukraine.")
    t4 = ("Blinken said the United States is now open to negotiations with Moscow. "
          "Washington and Moscow agreed to hold talks in Geneva next week. "
          "Putin said Russia is ready for dialogue.")
    t5 = (f"Delegates met behind closed doors. {INJECTED_MARKUP} The session ended early. "
          f"Blinken said <script>window.__pwned=1</script> nothing was agreed.")
    return [
        _article("a1", "Northern Wire", "2022-01-04", "Putin demands security guarantees", t1,
                 ["putin", "rus", "nato"], lambda t: (
                     [_statement(t, "putin", "Vladimir Putin", "We need legal guarantees of our security.")],
                     [_event(t, "rus", "REQUEST", "nato", "Moscow demanded that NATO halt its expansion to the east"),
                      _event(t, "putin", "THREATEN", "nato",
                             "Putin warned that Russia would respond to any deployment near its borders")],
                     [_position(t, "rus", "security_guarantees", "for",
                                "We need legal guarantees of our security.", "putin"),
                      _position(t, "rus", "nato_enlargement", "against",
                                "Moscow demanded that NATO halt its expansion to the east")])),
        _article("a2", "Harbor Times", "2022-01-11", "Washington rejects Moscow's demands", t2,
                 ["blinken", "usa", "nato", "rus", "ukr"], lambda t: (
                     [_statement(t, "blinken", "Antony Blinken", "the door of the alliance remains open", "indirect"),
                      _statement(t, "blinken", "Blinken", "There will be no talks over the heads of Kyiv,")],
                     [_event(t, "usa", "REJECT", "rus", "Washington rejected Russia's demand for guarantees"),
                      _event(t, "usa", "REJECT", "rus", "The United States refused to negotiate on NATO membership")],
                     [_position(t, "usa", "security_guarantees", "against",
                                "Washington rejected Russia's demand for guarantees"),
                      _position(t, "usa", "negotiations", "against",
                                "The United States refused to negotiate on NATO membership"),
                      _position(t, "nato", "nato_enlargement", "for",
                                "the door of the alliance remains open", "blinken")])),
        _article("a3", "Northern Wire", "2022-01-18", "Zelensky: Kyiv wants to join NATO", t3,
                 ["zelensky", "ukr", "rus", "nato"], lambda t: (
                     [_statement(t, "zelensky", "Volodymyr Zelensky", "Kyiv wants to join NATO", "indirect")],
                     [_event(t, "zelensky", "ACCUSE", "rus", "Zelensky accused Russia of massing troops on the border"),
                      _event(t, "nato", "SUPPORT", "ukr", "NATO pledged to support Ukraine")],
                     [_position(t, "ukr", "nato_enlargement", "for", "Kyiv wants to join NATO", "zelensky")])),
        _article("a4", "Harbor Times", "2022-01-25", "US now open to talks with Moscow", t4,
                 ["blinken", "usa", "rus", "putin"], lambda t: (
                     [_statement(t, "blinken", "Blinken", "the United States is now open to negotiations with Moscow",
                                 "indirect"),
                      _statement(t, "putin", "Putin", "Russia is ready for dialogue", "indirect")],
                     [_event(t, "usa", "AGREE", "rus", "Washington and Moscow agreed to hold talks in Geneva"),
                      _event(t, "rus", "AGREE", "usa", "Washington and Moscow agreed to hold talks in Geneva")],
                     [_position(t, "usa", "negotiations", "for",
                                "the United States is now open to negotiations with Moscow", "blinken"),
                      _position(t, "rus", "negotiations", "for", "Russia is ready for dialogue", "putin")])),
        _article("x1", "Harbor Times", "2022-01-26", INJECTED_TITLE, t5, ["blinken", "usa"], lambda t: (
            [_statement(t, "blinken", "Blinken", "<script>window.__pwned=1</script> nothing was agreed", "indirect")],
            [_event(t, "usa", "CONSULT", "rus", f"Delegates met behind closed doors. {INJECTED_MARKUP}")],
            [])),
    ]


def create_store(path: Path) -> sqlite3.Connection:
    """An empty store at the current schema version."""
    conn = db.connect(path)
    migrations.migrate(conn)
    return conn


def add_article(conn: sqlite3.Connection, art: Article, dropped: list[articles.DroppedLine] = ()) -> int:
    """Store `art` as ingestion would, then its annotations; returns the article's id."""
    raw = art.text.encode()
    digest = hashlib.sha256(raw).hexdigest()
    new = articles.NewArticle(uid=art.id, text=art.text, content_key=digest, source=f"{art.id}.txt",
                              source_kind="file", retrieved_at="2022-02-01T00:00:00+00:00", raw=raw,
                              raw_sha256=digest, media_type="text/plain", title=art.title, outlet=art.outlet,
                              published=art.published, language=art.language, url=art.url, dropped=list(dropped))
    with db.transaction(conn):
        article_id = articles.insert(conn, new, [])
        save_annotations(conn, article_id, art, 1, "2022-02-01T00:00:00+00:00")
    return article_id


def build_store(path: Path) -> Path:
    """Write the demo-like store to `path` and return it."""
    conn = create_store(path)
    with db.transaction(conn):
        conn.executemany("INSERT INTO issues (id, negotiation, proposition) VALUES (?, 'russia-west', ?)",
                         ISSUES.items())
    for number, art in enumerate(demo_articles()):
        add_article(conn, art, [articles.DroppedLine(0, "Share this article <b>now</b>", "share", "social button")]
                    if number == 0 else [])
    conn.close()
    return path


def article_id(db: Path, uid: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM articles WHERE uid = ?", (uid,)).fetchone()[0]


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "parley.db")
