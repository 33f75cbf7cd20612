"""Server-rendered pages: overview, search, article, actor, dyad, issues, outlets.

Each page is a few `queries` calls, optional Plotly figures from `charts`, and a template.
Every listing on a page has its own offset parameter and a fixed page size.
"""
from __future__ import annotations

import re
import sqlite3
from typing import Any, Callable
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from parley.store import queries
from parley.web import charts
from parley.web.highlight import article_spans, highlight
from parley.web.routes_api import Conn

router = APIRouter(include_in_schema=False)
PAGE = 25
_DAY = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    context.setdefault("charts", False)
    context["url"] = lambda param: _pager_url(request, param)
    return request.app.state.templates.TemplateResponse(request, name, context)


def _pager_url(request: Request, param: str) -> Callable[[int], str]:
    """A function from an offset to this page's URL with `param` set to it, other parameters kept."""
    def url(offset: int) -> str:
        params = {k: v for k, v in request.query_params.items() if k != param and v}
        if offset:
            params[param] = str(offset)
        return f"{request.url.path}?{urlencode(params)}" if params else request.url.path
    return url


def _missing(what: str) -> HTTPException:
    return HTTPException(404, f"There is no {what} here.")


@router.get("/", response_class=HTMLResponse)
def index(request: Request, conn: Conn, weeks: int = 4) -> HTMLResponse:
    data = queries.overview(conn, min(max(weeks, 1), 104))
    return render(request, "index.html", data=data, charts=True,
                  figure=charts.articles_by_outlet_week(data["articles_by_outlet_week"]))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, conn: Conn, q: str = "", actor: str = "", outlet: str = "", date_from: str = "",
           date_to: str = "", event_type: str = "", issue: str = "", ao: int = 0, so: int = 0) -> HTMLResponse:
    form = {"q": q, "actor": actor or None, "outlet": outlet or None, "date_from": date_from or None,
            "date_to": date_to or None, "event_type": event_type or None, "issue": issue or None}
    filters = {k: v for k, v in form.items() if k != "q"}
    options = {"actors": queries.actor_options(conn), "outlets": queries.outlet_names(conn),
               "event_types": queries.event_types(conn), "issues": queries.issue_ids(conn)}
    context: dict[str, Any] = {"form": form, "options": options, "error": None}
    bad_dates = [d for d in (date_from, date_to) if d and not _DAY.match(d)]
    if bad_dates:
        context["error"] = f"Dates are written YYYY-MM-DD; “{bad_dates[0]}” is not one."
        return render(request, "search.html", **context)
    try:
        context["articles"] = queries.search_articles(conn, q, PAGE, max(ao, 0), **filters)
        context["statements"] = queries.search_statements(conn, q, PAGE, max(so, 0), **filters)
    except (sqlite3.OperationalError, LookupError):
        context["error"] = "That search could not be run. Try plain words, without special characters."
    return render(request, "search.html", **context)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, conn: Conn, article_id: int, dropped: int = 0) -> HTMLResponse:
    art = queries.article(conn, article_id)
    if art is None:
        raise _missing("article")
    return render(request, "article.html", art=art, show_dropped=bool(dropped),
                  text=highlight(art["text"], article_spans(art)))


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, conn: Conn, q: str = "", offset: int = 0) -> HTMLResponse:
    return render(request, "actors.html", q=q, page=queries.list_actors(conn, q or None, 50, max(offset, 0)))


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor(request: Request, conn: Conn, actor_id: str, issue: str = "", po: int = 0, so: int = 0, eo: int = 0,
          ro: int = 0) -> HTMLResponse:
    """What does X want: per issue its stance over time and the evidence, then its words and deeds."""
    data = queries.actor(conn, actor_id)
    if data is None:
        raise _missing("actor")
    issues = [i for i in data["issues"] if i["issue"] == issue] if issue else data["issues"]
    series: dict[str, list[dict[str, Any]]] = {}
    for row in queries.stance_series(conn, actor_id):
        series.setdefault(row["issue"], []).append(row)
    size = PAGE if issue else 5
    evidence = {i["issue"]: queries.actor_positions(conn, actor_id, i["issue"], size, max(po, 0) if issue else 0)
                for i in issues}
    days = [r["day"] for i in issues for r in series.get(i["issue"], [])]
    span = (min(days), max(days)) if days else None
    figures = {i["issue"]: charts.stance_timeline(series.get(i["issue"], []), i["issue"], span) for i in issues}
    context: dict[str, Any] = {"actor": data, "issues": issues, "selected": issue or None, "evidence": evidence,
                               "figures": figures, "charts": bool(issues)}
    if not issue:
        context["said"] = queries.search_statements(conn, "", 10, max(so, 0), actor=actor_id)
        context["started"] = queries.list_events(conn, actor_id, direction="source", limit=10, offset=max(eo, 0))
        context["received"] = queries.list_events(conn, actor_id, direction="target", limit=10, offset=max(ro, 0))
    return render(request, "actor.html", **context)


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad(request: Request, conn: Conn, a: str, b: str, offset: int = 0) -> HTMLResponse:
    party_a, party_b = queries.party(conn, a), queries.party(conn, b)
    if party_a is None or party_b is None:
        raise _missing("actor or country of that name")
    data = queries.dyad(conn, party_a, party_b, PAGE, max(offset, 0))
    return render(request, "dyad.html", dyad=data, charts=True,
                  figure=charts.dyad_timeline(data["weekly"], party_a["name"], party_b["name"]))


@router.get("/issues", response_class=HTMLResponse)
def issues(request: Request, conn: Conn, offset: int = 0) -> HTMLResponse:
    return render(request, "issues.html", page=queries.list_issues(conn, 50, max(offset, 0)),
                  matrix=queries.issue_matrix(conn))


@router.get("/issues/{issue_id}", response_class=HTMLResponse)
def issue(request: Request, conn: Conn, issue_id: str, po: int = 0) -> HTMLResponse:
    data = queries.issue(conn, issue_id, queries.MAX_LIMIT, 0)
    if data is None:
        raise _missing("issue")
    more = data["total"] if data["total"] > len(data["items"]) else 0
    return render(request, "issue.html", info=data["issue"], standings=data["items"], more_standings=more,
                  evidence=queries.issue_positions(conn, issue_id, PAGE, max(po, 0)), charts=True,
                  figure=charts.issue_weeks(queries.issue_weekly(conn, issue_id)))


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request, conn: Conn, offset: int = 0) -> HTMLResponse:
    return render(request, "outlets.html", page=queries.list_outlets(conn, 50, max(offset, 0)))


@router.get("/outlets/{name}", response_class=HTMLResponse)
def outlet(request: Request, conn: Conn, name: str, offset: int = 0) -> HTMLResponse:
    data = queries.outlet(conn, name, PAGE, max(offset, 0))
    if data is None:
        raise _missing("outlet")
    return render(request, "outlet.html", data=data, charts=True, figure=charts.event_mix(data["event_mix"], name))
