"""Plotly figures for the pages and the report, as plain figure dicts (`data` + `layout`).

The dicts follow Plotly's figure schema and carry plotly's own `plotly_white` template; they
are written directly rather than through `plotly.graph_objects`, whose per-element validation
costs tens of milliseconds a figure (an actor page draws one per issue). Templates embed them
with Jinja's `tojson`, which escapes `<`, `>` and `&` so no `</script>` can close the tag early,
and `static/charts.js` draws them with the Plotly bundle the app serves itself.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from functools import cache
from typing import Any

import plotly.io as pio

_FOR, _AGAINST, _OTHER, _GREY = "#2b8a3e", "#c92a2a", "#1c7ed6", "#adb5bd"


@cache
def _template() -> dict[str, Any]:
    return pio.templates["plotly_white"].to_plotly_json()


def _figure(data: list[dict[str, Any]], title: str, height: int = 320, **layout: Any) -> dict[str, Any]:
    return {"data": data, "layout": {
        "template": _template(), "title": {"text": title}, "height": height,
        "margin": {"l": 60, "r": 20, "t": 40, "b": 40}, "legend": {"orientation": "h", "y": -0.2},
        "font": {"family": "system-ui, sans-serif", "size": 12}, **layout}}


def _day(text: str | None) -> date | None:
    """A stored day, or None for a malformed one (a chart's axis should not fail on one bad date)."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _all_weeks(weeks: list[str]) -> list[str]:
    """Every Monday from the first week to the last, so quiet weeks show as 0 rather than as a bridge."""
    if not weeks:
        return []
    first, last = date.fromisoformat(min(weeks)), date.fromisoformat(max(weeks))
    return [str(first + timedelta(weeks=i)) for i in range((last - first).days // 7 + 1)]


def articles_by_outlet_week(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Stacked weekly article counts, one bar colour per outlet."""
    by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_outlet[r["outlet"]].append(r)
    data = [{"type": "bar", "name": name, "x": [r["week"] for r in rs], "y": [r["articles"] for r in rs]}
            for name, rs in by_outlet.items()]
    return _figure(data, "Articles per week by outlet", barmode="stack",
                   xaxis={"title": {"text": "week"}}, yaxis={"title": {"text": "articles"}})


def stance_timeline(rows: list[dict[str, Any]], issue: str, span: tuple[str, str] | None = None) -> dict[str, Any]:
    """One issue's stance over time: +1 for, −1 against (a day's mean when positions disagree).

    `span` (first and last day) gives all of an actor's issue charts one time axis, padded a week.
    """
    trace = {"type": "scatter", "mode": "lines+markers", "line": {"shape": "hv", "color": _GREY},
             "x": [r["day"] for r in rows], "y": [r["stance"] for r in rows],
             "customdata": [r["n"] for r in rows],
             "marker": {"size": [6 + min(r["n"], 10) for r in rows],
                        "color": [_FOR if r["stance"] > 0 else _AGAINST if r["stance"] < 0 else _OTHER for r in rows]},
             "hovertemplate": "%{x}: stance %{y:+.2f} (%{customdata} positions)<extra></extra>"}
    xaxis: dict[str, Any] = {"type": "date"}
    first, last = (_day(d) for d in span or (None, None))
    if first and last:
        xaxis["range"] = [str(first - timedelta(days=7)), str(last + timedelta(days=7))]
    return _figure([trace], issue, height=220, showlegend=False, xaxis=xaxis,
                   yaxis={"range": [-1.3, 1.3], "tickvals": [-1, 0, 1], "ticktext": ["against", "mixed", "for"]})


def dyad_timeline(weekly: list[dict[str, Any]], a_name: str, b_name: str) -> dict[str, Any]:
    """Weekly sum of PLOVER scores between two parties, one line per direction (above 0 cooperation)."""
    weeks = _all_weeks([r["week"] for r in weekly])
    data = []
    for direction, name, colour in (("ab", f"{a_name} → {b_name}", _OTHER), ("ba", f"{b_name} → {a_name}", "#e8590c")):
        rows = {r["week"]: r for r in weekly if r["direction"] == direction}
        data.append({"type": "scatter", "mode": "lines+markers", "name": name, "line": {"color": colour},
                     "x": weeks, "y": [rows[w]["score"] if w in rows else 0 for w in weeks],
                     "customdata": [rows[w]["events"] if w in rows else 0 for w in weeks],
                     "hovertemplate": "week of %{x}: %{y:+.1f} (%{customdata} events)"})
    xaxis: dict[str, Any] = {"title": {"text": "week"}, "type": "date"}
    if weeks:
        # Opens on the last year of the timeline; events an article dates decades back (an old war
        # it recalls) stay in the figure, a zoom-out away, instead of squeezing the present to a line.
        last = date.fromisoformat(weeks[-1])
        first = max(date.fromisoformat(weeks[0]), last - timedelta(weeks=52))
        xaxis["range"] = [str(first - timedelta(days=7)), str(last + timedelta(days=7))]
    return _figure(data, "Cooperation (+) and conflict (−) per week",
                   xaxis=xaxis, yaxis={"title": {"text": "sum of PLOVER scores"}},
                   shapes=[{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0, "y1": 0,
                            "line": {"color": "#868e96", "width": 1}}])


def event_mix(rows: list[dict[str, Any]], outlet: str) -> dict[str, Any]:
    """An outlet's share of each event type beside the whole corpus's."""
    types = [r["type"] for r in rows]
    data = [{"type": "bar", "name": outlet, "x": types, "y": [r["share"] for r in rows], "marker": {"color": _OTHER}},
            {"type": "bar", "name": "all outlets", "x": types, "y": [r["corpus_share"] for r in rows],
             "marker": {"color": _GREY}}]
    return _figure(data, "Event types", barmode="group", yaxis={"tickformat": ".0%"})


def issue_weeks(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Positions for and against one issue per week."""
    weeks = [r["week"] for r in rows]
    data = [{"type": "bar", "name": "for", "x": weeks, "y": [r["n_for"] for r in rows], "marker": {"color": _FOR}},
            {"type": "bar", "name": "against", "x": weeks, "y": [-r["n_against"] for r in rows],
             "marker": {"color": _AGAINST}}]
    return _figure(data, "Positions per week (against shown below 0)", barmode="relative",
                   xaxis={"title": {"text": "week"}}, yaxis={"title": {"text": "positions"}})
