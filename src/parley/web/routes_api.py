"""The JSON API under /api/: the same listings as the pages, paginated and typed for OpenAPI."""
from __future__ import annotations

import sqlite3
from typing import Annotated, Any, Iterator, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request

from parley.store import queries
from parley.web import schemas

router = APIRouter(prefix="/api", tags=["api"])


def connection(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection for one request (shared by the page routes)."""
    conn = queries.connect(request.app.state.db_path)
    try:
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(connection)]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="page size, at most 200")]
Offset = Annotated[int, Query(ge=0)]
Day = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY[-MM[-DD]]")]


def found(item: Any, what: str) -> Any:
    if item is None:
        raise HTTPException(404, f"no such {what}")
    return item


@router.get("/overview", response_model=schemas.Overview)
def overview(conn: Conn, weeks: Annotated[int, Query(ge=1, le=104)] = 4,
             limit: Annotated[int, Query(ge=1, le=50)] = 10) -> dict:
    """Totals, articles per outlet and week, latest statements, busiest dyads, issues that moved."""
    return queries.overview(conn, weeks, limit)


@router.get("/search", response_model=schemas.SearchPage)
def search(conn: Conn, q: str = "", scope: Literal["articles", "statements"] = "articles",
           actor: str | None = None, outlet: str | None = None, date_from: Day = None, date_to: Day = None,
           event_type: str | None = None, issue: str | None = None, limit: Limit = 20, offset: Offset = 0) -> dict:
    """Full-text search; the words are matched literally (each quoted), never as FTS5 syntax."""
    run = queries.search_articles if scope == "articles" else queries.search_statements
    try:
        page = run(conn, q, limit, offset, actor=actor, outlet=outlet, date_from=date_from, date_to=date_to,
                   event_type=event_type, issue=issue)
    except sqlite3.OperationalError as exc:
        raise HTTPException(400, f"the search could not run: {exc}") from None
    kind = "article" if scope == "articles" else "statement"
    return {**page, "scope": scope, "items": [{**item, "kind": kind} for item in page["items"]]}


@router.get("/articles", response_model=schemas.Page[schemas.ArticleSummary])
def articles(conn: Conn, outlet: str | None = None, actor: str | None = None, date_from: Day = None,
             date_to: Day = None, event_type: str | None = None, issue: str | None = None,
             limit: Limit = 50, offset: Offset = 0) -> dict:
    return queries.list_articles(conn, limit, offset, outlet=outlet, actor=actor, date_from=date_from,
                                 date_to=date_to, event_type=event_type, issue=issue)


@router.get("/articles/{article_id}", response_model=schemas.ArticleDetail)
def article(conn: Conn, article_id: int) -> dict:
    return found(queries.article(conn, article_id), "article")


@router.get("/actors", response_model=schemas.Page[schemas.ActorSummary])
def actors(conn: Conn, q: str | None = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    return queries.list_actors(conn, q, limit, offset)


@router.get("/actors/{actor_id}", response_model=schemas.ActorDetail)
def actor(conn: Conn, actor_id: str) -> dict:
    """The actor's counts and, per issue, its for/against counts and first and latest stance."""
    return found(queries.actor(conn, actor_id), "actor")


@router.get("/actors/{actor_id}/positions", response_model=schemas.Page[schemas.PositionOut])
def actor_positions(conn: Conn, actor_id: str, issue: str | None = None,
                    limit: Limit = 50, offset: Offset = 0) -> dict:
    """What does the actor want: its positions with the evidence sentence, newest first."""
    found(queries.actor_name(conn, actor_id), "actor")
    return queries.actor_positions(conn, actor_id, issue, limit, offset)


@router.get("/actors/{actor_id}/statements", response_model=schemas.Page[schemas.StatementOut])
def actor_statements(conn: Conn, actor_id: str, limit: Limit = 50, offset: Offset = 0) -> dict:
    found(queries.actor_name(conn, actor_id), "actor")
    return queries.search_statements(conn, "", limit, offset, actor=actor_id)


@router.get("/dyads/{a}/{b}", response_model=schemas.DyadPage)
def dyad(conn: Conn, a: str, b: str, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Events between two actors (ids) or two countries (codes such as RUS, USA), both directions."""
    return queries.dyad(conn, found(queries.party(conn, a), "actor or country"),
                        found(queries.party(conn, b), "actor or country"), limit, offset)


@router.get("/issues", response_model=schemas.IssuesPage)
def issues(conn: Conn, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Issues with how many actors stand for, against or shift, and the actors × issues matrix."""
    return {**queries.list_issues(conn, limit, offset), "matrix": queries.issue_matrix(conn)}


@router.get("/issues/{issue_id}", response_model=schemas.IssuePage)
def issue(conn: Conn, issue_id: str, limit: Limit = 50, offset: Offset = 0) -> dict:
    return found(queries.issue(conn, issue_id, limit, offset), "issue")


@router.get("/outlets", response_model=schemas.Page[schemas.OutletSummary])
def outlets(conn: Conn, limit: Limit = 50, offset: Offset = 0) -> dict:
    return queries.list_outlets(conn, limit, offset)


@router.get("/outlets/{name}", response_model=schemas.OutletPage)
def outlet(conn: Conn, name: str, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Whom the outlet quotes (against the corpus) and its event-type mix."""
    return found(queries.outlet(conn, name, limit, offset), "outlet")


@router.get("/events", response_model=schemas.Page[schemas.EventOut])
def events(conn: Conn, actor: str | None = None, type: str | None = None, date_from: Day = None,
           date_to: Day = None, direction: Literal["any", "source", "target"] = "any",
           limit: Limit = 50, offset: Offset = 0) -> dict:
    return queries.list_events(conn, actor, type, date_from, date_to, direction, limit, offset)
