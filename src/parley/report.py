"""The shareable report: one self-contained HTML file with the workbench's main views.

Overview, issues matrix, one actor's positions over time with their evidence, optionally
one issue, and the busiest dyads, drawn from the store through the same queries, charts
and templates as the web pages. Plotly's JavaScript, the stylesheet and the figure data are
inlined, and a Content-Security-Policy meta tag allows only those exact inline scripts (by
hash) and no requests at all, so the file opens offline and can be mailed to a colleague.
"""
from __future__ import annotations

import base64
import hashlib
import re
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from markupsafe import Markup

from parley.store import queries
from parley.web import charts
from parley.web.app import plotly_js
from parley.web.render import environment

EVIDENCE_PER_ISSUE = 10
DYADS = 3


def _inline_script(source: str) -> Markup:
    """JavaScript safe inside <script>: a literal `</script` would end the element early."""
    return Markup(re.sub(r"</(script)", r"<\\/\1", source, flags=re.IGNORECASE))


def _script_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


def _static(name: str) -> str:
    return (resources.files("parley.web") / "static" / name).read_text(encoding="utf-8")


def report_context(conn, actor: str | None = None, issue: str | None = None) -> dict[str, Any]:
    """Everything the report shows. Without `actor`, the actor named in most articles."""
    overview = queries.overview(conn)
    figures: dict[str, Any] = {"outlets": charts.articles_by_outlet_week(overview["articles_by_outlet_week"])}
    context: dict[str, Any] = {"overview": overview, "issues": queries.list_issues(conn, queries.MAX_LIMIT),
                               "matrix": queries.issue_matrix(conn), "figures": figures, "issue": None,
                               "actor": None, "actor_issues": [], "actor_evidence": {}}
    if issue:
        data = queries.issue(conn, issue, queries.MAX_LIMIT)
        if data is None:
            raise ValueError(f"no issue {issue!r} in the store")
        context["issue"] = {"info": data["issue"], "standings": data["items"],
                            "evidence": queries.issue_positions(conn, issue, 25)["items"]}
        figures["issue"] = charts.issue_weeks(queries.issue_weekly(conn, issue))
    if actor is None:
        top = queries.list_actors(conn, limit=1)["items"]
        actor = top[0]["id"] if top else None
    if actor is not None:
        data = queries.actor(conn, actor)
        if data is None:
            raise ValueError(f"no actor {actor!r} in the store")
        chosen = [i for i in data["issues"] if issue is None or i["issue"] == issue]
        series: dict[str, list[dict[str, Any]]] = {}
        for row in queries.stance_series(conn, actor):
            series.setdefault(row["issue"], []).append(row)
        days = [r["day"] for i in chosen for r in series.get(i["issue"], [])]
        span = (min(days), max(days)) if days else None
        figures["actor"] = {i["issue"]: charts.stance_timeline(series.get(i["issue"], []), i["issue"], span)
                            for i in chosen}
        context.update(actor=data, actor_issues=chosen, actor_evidence={
            i["issue"]: queries.actor_positions(conn, actor, i["issue"], EVIDENCE_PER_ISSUE) for i in chosen})
    context["dyads"] = []
    for top in queries.top_dyads(conn, DYADS):
        a, b = queries.party(conn, top["a"]), queries.party(conn, top["b"])
        data = queries.dyad(conn, a, b, limit=10)
        context["dyads"].append({**data, "figure": charts.dyad_timeline(data["weekly"], a["name"], b["name"])})
    return context


def render_report(context: dict[str, Any], store_name: str) -> str:
    plotly = plotly_js().decode("utf-8")
    charts_js = _static("charts.js")
    scripts = [_inline_script(plotly), _inline_script(charts_js)]
    csp = (f"default-src 'none'; script-src {' '.join(_script_hash(s) for s in scripts)}; "
           "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    template = environment().get_template("report.html")
    return template.render(**context, css=Markup(_static("style.css")), plotly_js=scripts[0], charts_js=scripts[1],
                           csp=csp, store=store_name,
                           made=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"))


def write_report(db_path: Path, out_path: Path, actor: str | None = None, issue: str | None = None) -> Path:
    """Write the report for the store at `db_path` to `out_path`; ValueError names an unknown actor or issue."""
    conn = queries.connect(db_path)
    try:
        context = report_context(conn, actor, issue)
    finally:
        conn.close()
    out = Path(out_path)
    out.write_text(render_report(context, Path(db_path).name), encoding="utf-8")
    return out
