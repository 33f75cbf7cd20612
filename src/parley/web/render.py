"""The Jinja2 environment shared by the pages and the offline report: autoescape always on.

Article text reaches a template only as data; the one piece of HTML built in Python from it
(the highlighted article) is assembled from escaped pieces in `highlight.py`.
"""
from __future__ import annotations

from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from parley.web.highlight import actor_url
from parley.store.queries import MATCH_END, MATCH_START


def snippet_html(text: str | None) -> Markup:
    """A search snippet with its matches in <mark>, everything else escaped."""
    return Markup(str(escape(text or "")).replace(MATCH_START, "<mark>").replace(MATCH_END, "</mark>"))


def environment() -> Environment:
    env = Environment(loader=PackageLoader("parley.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["snippet"] = snippet_html
    env.filters["pct"] = lambda value: f"{value:.0%}"
    env.filters["signed"] = lambda value: f"{value:+.1f}"
    env.filters["urlpart"] = lambda value: quote(str(value), safe="")
    env.globals["actor_url"] = actor_url
    return env
