"""The server-rendered pages: what each shows, the inline highlighting, escaping, and the static assets."""
from __future__ import annotations

import re

import plotly.graph_objects as go
import pytest

from web_fixtures import INJECTED_MARKUP, TestClient, article_id, web_store  # noqa: F401  (web_store is a fixture)

from parley.store import queries
from parley.web import charts
from parley.web.app import create_app
from parley.web.highlight import Span, highlight


@pytest.fixture(scope="module")
def client(web_store):
    return TestClient(create_app(web_store))


def _html(client, path: str, status: int = 200) -> str:
    response = client.get(path)
    assert response.status_code == status, path
    assert response.headers["content-type"].startswith("text/html")
    return response.text


PAGES = ["/", "/search", "/search?q=guarantees", "/articles/1", "/actors", "/actors/usa", "/actors/usa?issue=negotiations",
         "/dyads/usa/rus", "/dyads/RUS/USA", "/issues", "/issues/negotiations", "/outlets", "/outlets/Harbor%20Times"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_navigation_and_guards(client, path):
    response = client.get(path)
    assert response.status_code == 200
    for link in ('href="/"', 'href="/search"', 'href="/issues"', 'href="/actors"', 'href="/outlets"'):
        assert link in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"(https?:)?//", response.text)  # nothing from elsewhere


def test_overview_shows_moves_dyads_and_statements(client):
    html = _html(client, "/")
    assert 'data-figure="fig-outlets"' in html and "/static/plotly.min.js" in html
    assert "moved from" in html and 'href="/actors/usa"' in html
    assert 'href="/dyads/rus/usa"' in html
    assert "We need legal guarantees of our security." in html


def test_article_highlights_every_annotation_with_anchors(client, web_store):
    html = _html(client, f"/articles/{article_id(web_store, 'a2')}")
    detail = client.get(f"/api/articles/{article_id(web_store, 'a2')}").json()
    for kind, prefix in (("statements", "s"), ("events", "e"), ("positions", "p")):
        for item in detail[kind]:
            assert f'id="{prefix}-{item["id"]}"' in html
    assert '<a class="hl speaker" title="Antony Blinken" href="/actors/blinken">' in html
    assert 'href="/actors/usa"' in html
    assert "<details class=\"dropped\">" in html


def test_article_dropped_lines_on_request(client, web_store):
    path = f"/articles/{article_id(web_store, 'a1')}"
    assert "<details class=\"dropped\">" in _html(client, path)
    html = _html(client, path + "?dropped=1")
    assert '<details class="dropped" open>' in html
    assert "Share this article &lt;b&gt;now&lt;/b&gt;" in html


def test_injected_markup_is_shown_as_text_everywhere(client, web_store):
    pages = [f"/articles/{article_id(web_store, 'x1')}", "/", "/actors/blinken", "/dyads/usa/rus", "/search?q=Geneva",
             "/outlets/Harbor%20Times"]
    for path in pages:
        html = _html(client, path)
        assert "<script>window.__pwned" not in html, path
        assert "<img src=x" not in html, path
    article = _html(client, pages[0])
    assert "Talks stall &lt;script&gt;window.__pwned=1&lt;/script&gt; in Geneva" in article
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;" in article


def test_actor_page_links_evidence_to_its_sentence(client, web_store):
    html = _html(client, "/actors/usa")
    assert "What does United States want?" in html
    for position in client.get("/api/actors/usa/positions").json()["items"]:
        assert f'href="/articles/{position["article_id"]}#p-{position["id"]}"' in html
    assert "shifting" in html and "reported by" in html
    assert html.count('class="chart"') == 2  # one stance chart per issue


def test_actor_page_pages_one_issue(client):
    html = _html(client, "/actors/usa?issue=negotiations")
    assert "negotiations" in html and "security_guarantees</a>" not in html
    assert "← all issues" in html


def test_dyad_page_lists_events_under_the_chart(client):
    html = _html(client, "/dyads/usa/rus")
    assert "United States ↔ Russia" in html and 'data-figure="fig-dyad"' in html
    assert html.count('class="event"') == 5
    assert 'href="/dyads/USA/rus"' in html  # up to country level


def test_issue_pages_show_sides_and_matrix(client):
    html = _html(client, "/issues/negotiations")
    sides = {m.group(1): m.group(2) for m in re.finditer(r'<section class="side (\w+)">(.*?)</section>', html, re.S)}
    assert "/actors/usa" in sides["shifting"] and "/actors/rus" in sides["for"] and "nobody" in sides["against"]
    index = _html(client, "/issues")
    assert 'class="matrix"' in index and 'class="cell shifting"' in index


def test_outlet_page_compares_with_the_corpus(client):
    html = _html(client, "/outlets/Harbor%20Times")
    assert "Whom it quotes" in html and "80%" in html and 'data-figure="fig-mix"' in html


def test_search_page_bad_query_is_friendly(client):
    html = _html(client, "/search?q=%22%22%22")
    assert "500" not in html
    html = _html(client, "/search?date_from=yesterday")
    assert 'role="alert"' in html and "YYYY-MM-DD" in html
    html = _html(client, "/search?q=guarantees&outlet=Northern+Wire")
    assert "<mark>guarantees</mark>" in html


def test_missing_things_are_404_pages(client):
    for path in ("/articles/999", "/actors/nobody", "/dyads/usa/nobody", "/issues/nothing", "/outlets/Nowhere"):
        assert "There is no" in _html(client, path, 404)


def test_plotly_is_served_from_the_package_with_caching(client):
    response = client.get("/static/plotly.min.js")
    assert response.status_code == 200 and len(response.content) > 1_000_000
    assert "max-age" in response.headers["cache-control"]
    again = client.get("/static/plotly.min.js", headers={"If-None-Match": response.headers["etag"]})
    assert again.status_code == 304
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/charts.js").status_code == 200


def test_highlight_nests_overlapping_spans():
    text = "Alpha beta gamma delta"
    spans = [Span(0, 10, "statement", "s-1", "x", "one"), Span(6, 16, "event", "e-2", "y", "two"),
             Span(6, 10, "position", "p-3", None, "three")]
    html = str(highlight(text, spans))
    assert re.sub(r"<[^>]+>", "", re.sub(r"<sup.*?</sup>", "", html)) == text  # only tags and labels added
    assert html.count('id="e-2"') == 1 and 'class="hl event cont"' in html  # split where spans cross
    opened = re.findall(r"<(/?)(span|a)\b", html)
    depth = 0
    for closing, _ in opened:
        depth += -1 if closing else 1
        assert depth >= 0
    assert depth == 0


def test_highlight_escapes_and_skips_bad_offsets():
    html = str(highlight("<b>x</b> & y", [Span(0, 8, "statement", "s-1", None, '"quoted"'),
                                          Span(5, 99, "event", "e-1", None, "bad")]))
    assert html.startswith('<span class="hl statement" title="&#34;quoted&#34;" id="s-1">&lt;b&gt;x&lt;/b&gt;')
    assert 'id="e-1"' not in html and html.endswith("&amp; y")


def test_chart_figures_are_valid_plotly(web_store):
    conn = queries.connect(web_store)
    usa, rus = queries.party(conn, "usa"), queries.party(conn, "rus")
    figures = [charts.articles_by_outlet_week(queries.articles_by_outlet_week(conn)),
               charts.stance_timeline(queries.stance_series(conn, "usa"), "negotiations", ("2022-01-11", "2022-01-25")),
               charts.dyad_timeline(queries.dyad(conn, usa, rus)["weekly"], "United States", "Russia"),
               charts.event_mix(queries.event_mix(conn, "Harbor Times"), "Harbor Times"),
               charts.issue_weeks(queries.issue_weekly(conn, "negotiations"))]
    conn.close()
    for figure in figures:
        go.Figure(figure)  # raises on anything Plotly's schema does not know
    weeks = figures[2]["data"][0]["x"]
    assert weeks == ["2022-01-10", "2022-01-17", "2022-01-24"]  # the quiet week is there, at 0
    assert figures[2]["data"][0]["y"] == [-4.0, 0, 5.0]  # AGREE and CONSULT that week
