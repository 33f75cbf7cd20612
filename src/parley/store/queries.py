"""Read-only SQL over the store: one function per listing, plain dicts out.

The HTML pages, the JSON API, the offline report and the CLI listings show the same things, so they share
these queries. Nothing here writes: the connection is opened with SQLite's `mode=ro`
URI and `query_only`, and every listing is paginated with a hard page-size ceiling.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

MAX_LIMIT = 200
# Around each full-text match in a search snippet (private-use characters, so article text
# cannot fake them); the page turns them into <mark>, the API documents them.
MATCH_START, MATCH_END = "\ue000", "\ue001"

# A timeline date: an item's own date, else its article's; 'YYYY' and 'YYYY-MM' padded to a day.
_PAD = "(CASE length({0}) WHEN 4 THEN {0} || '-01-01' WHEN 7 THEN {0} || '-01' ELSE {0} END)"
EVENT_DAY = _PAD.format("COALESCE(e.date, a.published)")
POSITION_DAY = _PAD.format("COALESCE(p.date, a.published)")


def week_of(day_sql: str) -> str:
    """SQL for the Monday that starts the week of `day_sql`."""
    return f"date({day_sql}, 'weekday 0', '-6 days')"


def connect(db_path: Path | str) -> sqlite3.Connection:
    """A read-only connection: the web layer must never be able to change the store."""
    uri = f"file:{quote(str(Path(db_path).resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = ON")
    # Read pages straight from the OS cache: a per-request connection has no warm page cache of its own.
    conn.execute("PRAGMA mmap_size = 1073741824")
    return conn


def clamp(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), MAX_LIMIT)), max(0, int(offset))


def _rows(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(sql, params)]


def _one(conn: sqlite3.Connection, sql: str, params: Any = ()) -> dict[str, Any] | None:
    row = conn.execute(sql, params).fetchone()
    return dict(row) if row else None


def _page(conn: sqlite3.Connection, sql: str, params: list[Any], limit: int, offset: int,
          count_sql: str | None = None) -> dict[str, Any]:
    """`sql` (with its ORDER BY) as one page plus the total it was cut from (`count_sql` when cheaper)."""
    limit, offset = clamp(limit, offset)
    total = conn.execute(count_sql or f"SELECT count(*) FROM ({sql})", [] if count_sql else params).fetchone()[0]
    items = _rows(conn, f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "items": items}


# ---------------------------------------------------------------- articles and search

ARTICLE_COLUMNS = "a.id, a.uid, a.title, a.outlet, a.published, a.url"


def article_filters(*, outlet: str | None = None, actor: str | None = None, date_from: str | None = None,
                    date_to: str | None = None, event_type: str | None = None,
                    issue: str | None = None) -> tuple[list[str], list[Any]]:
    """WHERE clauses on articles `a` shared by the article listing and both searches."""
    clauses: list[str] = []
    params: list[Any] = []
    if outlet:
        clauses.append("a.outlet = ?")
        params.append(outlet)
    if actor:
        clauses.append("EXISTS (SELECT 1 FROM article_actors x WHERE x.article_id = a.id AND x.actor_id = ?)")
        params.append(actor)
    if date_from:
        clauses.append("a.published >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("a.published <= ?")
        params.append(date_to)
    if event_type:
        clauses.append("EXISTS (SELECT 1 FROM events x WHERE x.article_id = a.id AND x.type = ?)")
        params.append(event_type)
    if issue:
        clauses.append("EXISTS (SELECT 1 FROM positions x WHERE x.article_id = a.id AND x.issue = ?)")
        params.append(issue)
    return clauses, params


def _where(clauses: list[str]) -> str:
    return f"WHERE {' AND '.join(clauses)}" if clauses else ""


def list_articles(conn: sqlite3.Connection, limit: int = 50, offset: int = 0, **filters: Any) -> dict[str, Any]:
    clauses, params = article_filters(**filters)
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles a {_where(clauses)} ORDER BY a.published DESC, a.id DESC"
    return _page(conn, sql, params, limit, offset)


def fts_query(text: str) -> str | None:
    """User words as quoted FTS5 phrases (implicitly ANDed), so no input is read as FTS syntax."""
    words = [w for w in text.split() if re.search(r"\w", w)]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or None


def articles_fts_table(conn: sqlite3.Connection) -> str:
    """The FTS5 table over articles' title and text, whatever the ingest migration named it."""
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%' "
        "AND sql LIKE '%content=%articles%' ORDER BY name = 'articles_fts' DESC LIMIT 1").fetchone()
    if row is None:
        raise LookupError("the store has no full-text index over articles")
    return row[0]


def search_articles(conn: sqlite3.Connection, q: str, limit: int = 20, offset: int = 0,
                    **filters: Any) -> dict[str, Any]:
    """Articles whose title or text match `q` (best first), or the filtered listing when `q` is empty.

    Raises sqlite3.OperationalError on a query FTS5 still refuses; callers show a message.
    """
    match = fts_query(q)
    if match is None:
        return {**list_articles(conn, limit, offset, **filters), "query": None}
    fts = articles_fts_table(conn)
    clauses, params = article_filters(**filters)
    return {**_ranked(conn, fts, f"articles a ON a.id = {fts}.rowid", ARTICLE_COLUMNS, -1, match, clauses, params,
                      limit, offset), "query": match}


def _ranked(conn: sqlite3.Connection, fts: str, join: str, columns: str, column: int, match: str,
            clauses: list[str], params: list[Any], limit: int, offset: int) -> dict[str, Any]:
    """One page of full-text matches, best first, with snippets.

    Ranks first and makes snippets only for the page shown: in one query SQLite would
    compute a snippet for every match before sorting them.
    """
    limit, offset = clamp(limit, offset)
    where = f"WHERE {fts} MATCH ? {''.join(' AND ' + c for c in clauses)}"
    source = f"{fts} JOIN {join}" if clauses else fts
    total = conn.execute(f"SELECT count(*) FROM {source} {where}", [match, *params]).fetchone()[0]
    ids = [r[0] for r in conn.execute(f"SELECT {fts}.rowid FROM {source} {where} ORDER BY {fts}.rank "
                                      "LIMIT ? OFFSET ?", [match, *params, limit, offset])]
    snippet = f"snippet({fts}, {column}, '{MATCH_START}', '{MATCH_END}', '…', 20) AS snippet"
    found = {r["id"]: r for r in _rows(
        conn, f"SELECT {columns}, {snippet} FROM {fts} JOIN {join} "
              f"WHERE {fts} MATCH ? AND {fts}.rowid IN ({','.join('?' * len(ids))})", [match, *ids])}
    return {"total": total, "limit": limit, "offset": offset, "items": [found[i] for i in ids]}


STATEMENT_COLUMNS = ("s.id, s.article_id, s.speaker, sp.name AS speaker_name, s.speaker_text, s.kind, s.cue, "
                     "s.text, s.start, s.\"end\", a.title AS article_title, a.outlet, a.published")
STATEMENT_JOINS = "JOIN articles a ON a.id = s.article_id LEFT JOIN actors sp ON sp.id = s.speaker"
STATEMENT_FROM = f"statements s {STATEMENT_JOINS}"


def search_statements(conn: sqlite3.Connection, q: str, limit: int = 20, offset: int = 0,
                      actor: str | None = None, **filters: Any) -> dict[str, Any]:
    """Statements matching `q`, spoken by `actor` when given; newest first when `q` is empty."""
    clauses, params = article_filters(**filters)
    if actor:
        clauses.append("s.speaker = ?")
        params.append(actor)
    match = fts_query(q)
    if match is None:
        # Unfiltered, walk articles newest first (their date index) instead of sorting every statement.
        source = STATEMENT_FROM if clauses else ("articles a CROSS JOIN statements s ON s.article_id = a.id "
                                                 "LEFT JOIN actors sp ON sp.id = s.speaker")
        sql = f"SELECT {STATEMENT_COLUMNS} FROM {source} {_where(clauses)} ORDER BY a.published DESC, s.id DESC"
        count = None if clauses else "SELECT count(*) FROM statements"
        return {**_page(conn, sql, params, limit, offset, count), "query": None}
    return {**_ranked(conn, "statements_fts", f"statements s ON s.id = statements_fts.rowid {STATEMENT_JOINS}",
                      STATEMENT_COLUMNS, 0, match, clauses, params, limit, offset), "query": match}


def article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    """One article with everything annotated in it, each item carrying its actors' names."""
    row = _one(conn, f"SELECT {ARTICLE_COLUMNS}, a.author, a.language, a.text FROM articles a WHERE a.id = ?",
               (article_id,))
    if row is None:
        return None
    row["actors"] = _rows(conn, "SELECT ac.id, ac.name, ac.country, ac.kind, COALESCE(x.role, ac.role) AS role "
                                "FROM article_actors x JOIN actors ac ON ac.id = x.actor_id "
                                "WHERE x.article_id = ? ORDER BY ac.name", (article_id,))
    row["statements"] = _rows(conn, f"SELECT {STATEMENT_COLUMNS}, s.speaker_start, s.speaker_end "
                                    f"FROM {STATEMENT_FROM} WHERE s.article_id = ? ORDER BY s.seq", (article_id,))
    row["events"] = _rows(conn, f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE e.article_id = ? ORDER BY e.seq",
                          (article_id,))
    row["positions"] = _rows(conn, f"SELECT {POSITION_COLUMNS} FROM {POSITION_FROM} WHERE p.article_id = ? "
                                   "ORDER BY p.seq", (article_id,))
    row["dropped_lines"] = _rows(conn, "SELECT line_no, text, rule, reason FROM dropped_lines WHERE article_id = ? "
                                       "ORDER BY line_no", (article_id,))
    return row


# ---------------------------------------------------------------- events

EVENT_COLUMNS = (f"e.id, e.article_id, e.source, src.name AS source_name, e.source_country, e.type, e.mode, "
                 f"e.target, tgt.name AS target_name, e.target_country, e.date, {EVENT_DAY} AS day, "
                 f"e.negated, e.evidence, e.start, e.\"end\", e.score, e.cameo, "
                 f"a.title AS article_title, a.outlet, a.published")
EVENT_FROM = ("events e JOIN articles a ON a.id = e.article_id LEFT JOIN actors src ON src.id = e.source "
              "LEFT JOIN actors tgt ON tgt.id = e.target")


def list_events(conn: sqlite3.Connection, actor: str | None = None, type: str | None = None,
                date_from: str | None = None, date_to: str | None = None, direction: str = "any",
                limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Events newest first; `actor` matches as source, target or either (`direction`)."""
    clauses: list[str] = []
    params: list[Any] = []
    if actor:
        sides = {"source": ["e.source = ?"], "target": ["e.target = ?"]}.get(direction,
                                                                             ["e.source = ?", "e.target = ?"])
        clauses.append("(" + " OR ".join(sides) + ")")
        params += [actor] * len(sides)
    if type:
        clauses.append("e.type = ?")
        params.append(type)
    if date_from:
        clauses.append(f"{EVENT_DAY} >= ?")
        params.append(date_from)
    if date_to:
        clauses.append(f"{EVENT_DAY} <= ?")
        params.append(date_to)
    sql = f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} {_where(clauses)} ORDER BY day DESC, e.id DESC"
    return _page(conn, sql, params, limit, offset)


def event_types(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT type FROM events ORDER BY type")]


# ---------------------------------------------------------------- choices for the search form

def actor_options(conn: sqlite3.Connection, limit: int = MAX_LIMIT) -> list[dict[str, Any]]:
    """Actors for the search form's suggestions: the most quoted first, capped."""
    return _rows(conn, "SELECT ac.id, ac.name FROM actors ac LEFT JOIN (SELECT speaker, count(*) AS n "
                       "FROM statements GROUP BY speaker) s ON s.speaker = ac.id "
                       "ORDER BY COALESCE(s.n, 0) DESC, ac.name LIMIT ?", (limit,))


def outlet_names(conn: sqlite3.Connection, limit: int = MAX_LIMIT) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL "
                                       "ORDER BY outlet LIMIT ?", (limit,))]


def issue_ids(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT id FROM issues UNION SELECT DISTINCT issue FROM positions ORDER BY 1")]


# ---------------------------------------------------------------- actors and positions

POSITION_COLUMNS = (f"p.id, p.article_id, p.actor, ac.name AS actor_name, p.actor_country, p.issue, p.stance, "
                    f"p.evidence, p.reported_by, rb.name AS reported_by_name, p.date, {POSITION_DAY} AS day, "
                    f"p.start, p.\"end\", a.title AS article_title, a.outlet, a.published")
POSITION_FROM = ("positions p JOIN articles a ON a.id = p.article_id JOIN actors ac ON ac.id = p.actor "
                 "LEFT JOIN actors rb ON rb.id = p.reported_by")


def list_actors(conn: sqlite3.Connection, q: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Actors by how many articles name them, with their statement, event and position counts."""
    clauses, params = [], []
    if q:
        clauses.append("(ac.name LIKE ? OR ac.id LIKE ?)")
        params += [f"%{q}%", f"%{q}%"]
    # Only the mention counts order the list; the other counts are index lookups for the rows shown.
    sql = f"""
        WITH m AS (SELECT actor_id AS id, count(*) AS n FROM article_actors GROUP BY actor_id)
        SELECT ac.id, ac.name, ac.country, ac.kind, ac.role, COALESCE(m.n, 0) AS articles,
               (SELECT count(*) FROM statements WHERE speaker = ac.id) AS statements,
               (SELECT count(*) FROM events WHERE source = ac.id)
               + (SELECT count(*) FROM events WHERE target = ac.id) AS events,
               (SELECT count(*) FROM positions WHERE actor = ac.id) AS positions
        FROM actors ac LEFT JOIN m ON m.id = ac.id
        {_where(clauses)} ORDER BY articles DESC, ac.name"""
    return _page(conn, sql, params, limit, offset)


def actor(conn: sqlite3.Connection, actor_id: str) -> dict[str, Any] | None:
    """The actor, its counts, and per issue where it stands (for/against counts, first and latest stance)."""
    row = _one(conn, "SELECT id, name, country, kind, role FROM actors WHERE id = ?", (actor_id,))
    if row is None:
        return None
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM article_actors WHERE actor_id = ?), "
        "(SELECT count(*) FROM statements WHERE speaker = ?), (SELECT count(*) FROM events WHERE source = ?), "
        "(SELECT count(*) FROM events WHERE target = ?), (SELECT count(*) FROM positions WHERE actor = ?)",
        (actor_id,) * 5).fetchone()
    row.update(zip(("articles", "statements", "events_started", "events_received", "positions"), counts))
    row["issues"] = _rows(conn, f"""
        WITH p AS (SELECT p.id, p.issue, p.stance, {POSITION_DAY} AS day FROM positions p
                   JOIN articles a ON a.id = p.article_id WHERE p.actor = ?),
             ranked AS (SELECT *, row_number() OVER (PARTITION BY issue ORDER BY day, id) AS first_rank,
                               row_number() OVER (PARTITION BY issue ORDER BY day DESC, id DESC) AS last_rank FROM p)
        SELECT r.issue, i.proposition, sum(r.stance = 'for') AS n_for, sum(r.stance = 'against') AS n_against,
               min(r.day) AS first_day, max(r.day) AS last_day,
               max(CASE WHEN r.first_rank = 1 THEN r.stance END) AS first_stance,
               max(CASE WHEN r.last_rank = 1 THEN r.stance END) AS latest_stance
        FROM ranked r LEFT JOIN issues i ON i.id = r.issue GROUP BY r.issue ORDER BY count(*) DESC""", (actor_id,))
    for issue in row["issues"]:
        issue["status"] = stance_status(issue["n_for"], issue["n_against"])
    return row


def actor_name(conn: sqlite3.Connection, actor_id: str) -> str | None:
    row = conn.execute("SELECT name FROM actors WHERE id = ?", (actor_id,)).fetchone()
    return row[0] if row else None


def stance_status(n_for: int, n_against: int) -> str:
    """'for' or 'against' when an actor only ever took one side, 'shifting' when it took both."""
    return "shifting" if n_for and n_against else ("for" if n_for else "against")


def actor_positions(conn: sqlite3.Connection, actor_id: str, issue: str | None = None,
                    limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """The actor's positions with evidence, who reported them and where; newest first."""
    clauses, params = ["p.actor = ?"], [actor_id]
    if issue:
        clauses.append("p.issue = ?")
        params.append(issue)
    sql = f"SELECT {POSITION_COLUMNS} FROM {POSITION_FROM} {_where(clauses)} ORDER BY day DESC, p.id DESC"
    return _page(conn, sql, params, limit, offset)


def stance_series(conn: sqlite3.Connection, actor_id: str) -> list[dict[str, Any]]:
    """Per issue and day, the mean stance (+1 for, −1 against) and how many positions it averages."""
    return _rows(conn, f"""
        SELECT p.issue, {POSITION_DAY} AS day, avg(CASE p.stance WHEN 'for' THEN 1.0 ELSE -1.0 END) AS stance,
               count(*) AS n
        FROM positions p JOIN articles a ON a.id = p.article_id
        WHERE p.actor = ? AND day IS NOT NULL GROUP BY p.issue, day ORDER BY p.issue, day""", (actor_id,))


# ---------------------------------------------------------------- dyads

def party(conn: sqlite3.Connection, key: str) -> dict[str, Any] | None:
    """One side of a dyad: an actor by id, else a country code (aggregating every actor of that country)."""
    row = _one(conn, "SELECT id, name, country FROM actors WHERE id = ?", (key,))
    if row:
        return {**row, "kind": "actor"}
    code = key.upper()
    if conn.execute("SELECT 1 FROM actors WHERE country = ? LIMIT 1", (code,)).fetchone():
        return {"id": code, "name": code, "country": code, "kind": "country"}
    return None


def _side(p: dict[str, Any], role: str) -> str:
    return f"e.{role}{'_country' if p['kind'] == 'country' else ''} = ?"


def dyad(conn: sqlite3.Connection, a: dict[str, Any], b: dict[str, Any],
         limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Events between two parties (either direction), newest first, and their weekly score sums.

    Negated events ("will not attend") are listed but add nothing to the cooperation–conflict sums.
    """
    ab = f"({_side(a, 'source')} AND {_side(b, 'target')})"
    ba = f"({_side(b, 'source')} AND {_side(a, 'target')})"
    params = [a["id"], b["id"], b["id"], a["id"]]
    weekly = _rows(conn, f"""
        SELECT {week_of(EVENT_DAY)} AS week, CASE WHEN {ab} THEN 'ab' ELSE 'ba' END AS direction,
               sum(CASE WHEN e.negated THEN 0 ELSE COALESCE(e.score, 0) END) AS score, count(*) AS events
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE ({ab} OR {ba}) AND week IS NOT NULL GROUP BY week, direction ORDER BY week""",
                   [a["id"], b["id"], *params])
    sql = f"SELECT {EVENT_COLUMNS} FROM {EVENT_FROM} WHERE {ab} OR {ba} ORDER BY day DESC, e.id DESC"
    return {**_page(conn, sql, params, limit, offset), "a": a, "b": b, "weekly": weekly}


def top_dyads(conn: sqlite3.Connection, limit: int = 10, since: str | None = None) -> list[dict[str, Any]]:
    """The actor pairs with the most events (either direction), with their summed PLOVER scores;
    with `since`, only events in articles published since then (found through the date index)."""
    source, window, params = "events e", "", []
    if since is not None:
        source, window, params = "articles a CROSS JOIN events e ON e.article_id = a.id", "AND a.published >= ?", [since]
    return _rows(conn, f"""
        WITH d AS (SELECT min(e.source, e.target) AS x, max(e.source, e.target) AS y, count(*) AS events,
                          sum(CASE WHEN e.negated THEN 0 ELSE COALESCE(e.score, 0) END) AS score
                   FROM {source} WHERE e.source IS NOT NULL AND e.target IS NOT NULL AND e.source != e.target
                   {window} GROUP BY 1, 2 ORDER BY events DESC LIMIT ?)
        SELECT d.x AS a, ax.name AS a_name, d.y AS b, bx.name AS b_name, d.events, d.score
        FROM d JOIN actors ax ON ax.id = d.x JOIN actors bx ON bx.id = d.y ORDER BY d.events DESC""",
                 [*params, clamp(limit, 0)[0]])


# ---------------------------------------------------------------- issues

def list_issues(conn: sqlite3.Connection, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Codebook issues and any issue positions name, with how many actors stand for and against."""
    sql = """
        WITH ids AS (SELECT id FROM issues UNION SELECT DISTINCT issue FROM positions),
             stands AS (SELECT issue, actor, sum(stance = 'for') AS f, sum(stance = 'against') AS g
                        FROM positions GROUP BY actor, issue)
        SELECT ids.id, i.negotiation, i.proposition,
               COALESCE(sum(l.f > 0 AND l.g = 0), 0) AS actors_for,
               COALESCE(sum(l.g > 0 AND l.f = 0), 0) AS actors_against,
               COALESCE(sum(l.f > 0 AND l.g > 0), 0) AS actors_shifting,
               COALESCE(sum(l.f + l.g), 0) AS positions
        FROM ids LEFT JOIN issues i ON i.id = ids.id LEFT JOIN stands l ON l.issue = ids.id
        GROUP BY ids.id ORDER BY positions DESC, ids.id"""
    return _page(conn, sql, [], limit, offset)


def issue(conn: sqlite3.Connection, issue_id: str, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
    """Who stands where on one issue: per actor its for/against counts, latest stance and status."""
    info = _one(conn, "SELECT id, negotiation, proposition FROM issues WHERE id = ?", (issue_id,))
    if info is None:
        if not conn.execute("SELECT 1 FROM positions WHERE issue = ? LIMIT 1", (issue_id,)).fetchone():
            return None
        info = {"id": issue_id, "negotiation": None, "proposition": None}
    sql = f"""
        WITH p AS (SELECT p.id, p.article_id, p.actor, p.stance, {POSITION_DAY} AS day FROM positions p
                   JOIN articles a ON a.id = p.article_id WHERE p.issue = ?),
             ranked AS (SELECT *, row_number() OVER (PARTITION BY actor ORDER BY day DESC, id DESC) AS rk FROM p)
        SELECT r.actor, ac.name AS actor_name, ac.country, sum(r.stance = 'for') AS n_for,
               sum(r.stance = 'against') AS n_against, min(r.day) AS first_day, max(r.day) AS last_day,
               max(CASE WHEN r.rk = 1 THEN r.stance END) AS latest_stance,
               max(CASE WHEN r.rk = 1 THEN r.id END) AS latest_position,
               max(CASE WHEN r.rk = 1 THEN r.article_id END) AS latest_article
        FROM ranked r JOIN actors ac ON ac.id = r.actor GROUP BY r.actor ORDER BY count(*) DESC, ac.name"""
    page = _page(conn, sql, [issue_id], limit, offset)
    for item in page["items"]:
        item["status"] = stance_status(item["n_for"], item["n_against"])
    return {**page, "issue": info}


def issue_positions(conn: sqlite3.Connection, issue_id: str, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    sql = f"SELECT {POSITION_COLUMNS} FROM {POSITION_FROM} WHERE p.issue = ? ORDER BY day DESC, p.id DESC"
    return _page(conn, sql, [issue_id], limit, offset)


def issue_weekly(conn: sqlite3.Connection, issue_id: str) -> list[dict[str, Any]]:
    return _rows(conn, f"""
        SELECT {week_of(POSITION_DAY)} AS week, sum(p.stance = 'for') AS n_for,
               sum(p.stance = 'against') AS n_against
        FROM positions p JOIN articles a ON a.id = p.article_id
        WHERE p.issue = ? AND week IS NOT NULL GROUP BY week ORDER BY week""", (issue_id,))


def issue_matrix(conn: sqlite3.Connection, actors: int = 25) -> dict[str, Any]:
    """Actors × issues: the most position-rich actors, each cell its for/against counts and status."""
    top = _rows(conn, "SELECT p.actor AS id, ac.name, count(*) AS n FROM positions p JOIN actors ac "
                      "ON ac.id = p.actor GROUP BY p.actor ORDER BY n DESC, ac.name LIMIT ?",
                (clamp(actors, 0)[0],))
    ids = [a["id"] for a in top]
    cells = _rows(conn, f"SELECT actor, issue, sum(stance = 'for') AS n_for, sum(stance = 'against') AS n_against "
                        f"FROM positions WHERE actor IN ({','.join('?' * len(ids))}) GROUP BY actor, issue", ids)
    for cell in cells:
        cell["status"] = stance_status(cell["n_for"], cell["n_against"])
    issues = sorted({c["issue"] for c in cells})
    return {"actors": top, "issues": issues, "cells": cells}


# ---------------------------------------------------------------- outlets

def list_outlets(conn: sqlite3.Connection, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    sql = """
        SELECT a.outlet AS name, count(*) AS articles, min(a.published) AS first_published,
               max(a.published) AS last_published
        FROM articles a WHERE a.outlet IS NOT NULL GROUP BY a.outlet ORDER BY articles DESC, a.outlet"""
    return _page(conn, sql, [], limit, offset)


def outlet(conn: sqlite3.Connection, name: str, limit: int = 50, offset: int = 0) -> dict[str, Any] | None:
    """Whom the outlet quotes and how often, against the share each speaker has in the whole corpus."""
    articles = conn.execute("SELECT count(*) FROM articles WHERE outlet = ?", (name,)).fetchone()[0]
    if not articles:
        return None
    total_here = conn.execute("SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id "
                              "WHERE a.outlet = ? AND s.speaker IS NOT NULL", (name,)).fetchone()[0]
    total_all = conn.execute("SELECT count(*) FROM statements WHERE speaker IS NOT NULL").fetchone()[0]
    sql = """
        WITH here AS (SELECT s.speaker, count(*) AS n FROM statements s JOIN articles a ON a.id = s.article_id
                      WHERE a.outlet = ? AND s.speaker IS NOT NULL GROUP BY s.speaker),
             everywhere AS (SELECT speaker, count(*) AS n FROM statements
                            WHERE speaker IN (SELECT speaker FROM here) GROUP BY speaker)
        SELECT h.speaker AS actor, ac.name AS actor_name, ac.country, h.n AS statements,
               1.0 * h.n / ? AS share, 1.0 * w.n / ? AS corpus_share
        FROM here h JOIN everywhere w ON w.speaker = h.speaker JOIN actors ac ON ac.id = h.speaker
        ORDER BY h.n DESC, ac.name"""
    page = _page(conn, sql, [name, max(total_here, 1), max(total_all, 1)], limit, offset)
    return {**page, "name": name, "articles": articles, "statements": total_here,
            "event_mix": event_mix(conn, name)}


def event_mix(conn: sqlite3.Connection, outlet_name: str) -> list[dict[str, Any]]:
    """Each event type's share of the outlet's events and of the whole corpus's."""
    rows = _rows(conn, """
        WITH here AS (SELECT e.type, count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id
                      WHERE a.outlet = ? GROUP BY e.type),
             everywhere AS (SELECT type, count(*) AS n FROM events GROUP BY type)
        SELECT w.type, COALESCE(h.n, 0) AS events, w.n AS corpus_events
        FROM everywhere w LEFT JOIN here h ON h.type = w.type ORDER BY w.type""", (outlet_name,))
    here = sum(r["events"] for r in rows) or 1
    everywhere = sum(r["corpus_events"] for r in rows) or 1
    for r in rows:
        r["share"], r["corpus_share"] = r["events"] / here, r["corpus_events"] / everywhere
    return rows


# ---------------------------------------------------------------- overview

def articles_by_outlet_week(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(conn, f"""
        SELECT COALESCE(a.outlet, '(unknown)') AS outlet, {week_of('a.published')} AS week, count(*) AS articles
        FROM articles a WHERE a.published IS NOT NULL GROUP BY 1, 2 ORDER BY 2, 1""")


def latest_statements(conn: sqlite3.Connection, limit: int = 10) -> list[dict[str, Any]]:
    return _rows(conn, f"SELECT {STATEMENT_COLUMNS} FROM articles a CROSS JOIN statements s ON s.article_id = a.id "
                       "LEFT JOIN actors sp ON sp.id = s.speaker ORDER BY a.published DESC, s.id DESC LIMIT ?",
                 (clamp(limit, 0)[0],))


def moved_issues(conn: sqlite3.Connection, weeks: int = 4, limit: int = 10) -> dict[str, Any]:
    """Issues with positions reported in the data's last `weeks` weeks, and the actors whose stance changed.

    "Recent" counts back from the newest publication date in the store, not from today, so an
    archive that stopped last year still shows what moved at its end. A change is a recent
    position whose stance differs from the same actor's previous one on the issue (by date).
    """
    since = conn.execute("SELECT date(max(published), ?) FROM articles", (f"-{7 * max(weeks, 1)} days",)
                         ).fetchone()[0]
    if since is None:
        return {"since": None, "issues": [], "changes": []}
    rows = _rows(conn, f"""
        WITH recent AS (SELECT DISTINCT p.actor, p.issue FROM articles a CROSS JOIN positions p
                        ON p.article_id = a.id WHERE a.published >= :since),
             p AS (SELECT p.id, p.article_id, p.actor, p.issue, p.stance, a.published >= :since AS new,
                          {POSITION_DAY} AS day
                   FROM recent r JOIN positions p ON p.actor = r.actor AND p.issue = r.issue
                   JOIN articles a ON a.id = p.article_id),
             w AS (SELECT *, lag(stance) OVER (PARTITION BY actor, issue ORDER BY day, id) AS previous FROM p)
        SELECT w.id, w.article_id, w.actor, ac.name AS actor_name, w.issue, w.previous, w.stance, w.day
        FROM w JOIN actors ac ON ac.id = w.actor WHERE w.new""", {"since": since})
    propositions = dict(conn.execute("SELECT id, proposition FROM issues").fetchall())
    issues: dict[str, dict[str, Any]] = {}
    for r in rows:
        i = issues.setdefault(r["issue"], {"issue": r["issue"], "proposition": propositions.get(r["issue"]),
                                           "new_positions": 0, "actors": set(), "changes": 0})
        i["new_positions"] += 1
        i["actors"].add(r["actor"])
        i["changes"] += r["previous"] is not None and r["previous"] != r["stance"]
    ranked = sorted(issues.values(), key=lambda i: (-i["changes"], -i["new_positions"], i["issue"]))[:limit]
    changes = sorted((r for r in rows if r["previous"] is not None and r["previous"] != r["stance"]),
                     key=lambda r: (r["day"] or "", r["id"]), reverse=True)[:limit]
    return {"since": since, "issues": [{**i, "actors": len(i["actors"])} for i in ranked], "changes": changes}


def overview(conn: sqlite3.Connection, weeks: int = 4, limit: int = 10) -> dict[str, Any]:
    totals = conn.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM statements), "
                          "(SELECT count(*) FROM events), (SELECT count(*) FROM positions), "
                          "(SELECT count(*) FROM actors)").fetchone()
    moved = moved_issues(conn, weeks, limit)
    return {
        "totals": dict(zip(("articles", "statements", "events", "positions", "actors"), totals)),
        "articles_by_outlet_week": articles_by_outlet_week(conn),
        "latest_statements": latest_statements(conn, limit),
        "dyads": top_dyads(conn, limit, moved["since"]),
        "moved": moved,
    }
