"""Page latency of the web workbench on a store of 10,000 annotated articles.

Builds the synthetic store once (cached under bench/out/, see make_store.py), runs the app
in-process through Starlette's TestClient (the full ASGI stack: routing, SQL, templates,
Plotly figures), requests each page `--repeat` times after one warm-up, and prints p50/p95
per page; the figures go to bench/out/web.json. The target is p95 < 300 ms per page.

    .venv/bin/python -m bench.web_bench [--repeat 50] [--articles 10000]
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path
from urllib.parse import quote

from fastapi.testclient import TestClient

from bench.make_store import OUT, ensure_store
from parley.store import queries
from parley.web.app import create_app

TARGET_P95_MS = 300.0


def pages(db_path: Path) -> dict[str, str]:
    """The pages to time, pointed at the busiest actor, dyad, issue, outlet and article of the store."""
    conn = queries.connect(db_path)
    try:
        actor = queries.list_actors(conn, limit=1)["items"][0]["id"]
        dyad = queries.top_dyads(conn, 1)[0]
        issue = queries.list_issues(conn, limit=1)["items"][0]["id"]
        outlet = queries.list_outlets(conn, limit=1)["items"][0]["name"]
        article = conn.execute("SELECT article_id FROM statements GROUP BY article_id "
                               "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    finally:
        conn.close()
    return {
        "overview": "/",
        "search": "/search?q=sanctions+talks",
        "search_filtered": f"/search?q=dialogue&outlet={quote(outlet)}&date_from=2022-01-01&event_type=ACCUSE",
        "article": f"/articles/{article}",
        "actors": "/actors",
        "actor": f"/actors/{quote(actor)}",
        "actor_issue": f"/actors/{quote(actor)}?issue={quote(issue)}",
        "dyad": f"/dyads/{quote(dyad['a'])}/{quote(dyad['b'])}",
        "dyad_countries": "/dyads/RUS/USA",
        "issues": "/issues",
        "issue": f"/issues/{quote(issue)}",
        "outlets": "/outlets",
        "outlet": f"/outlets/{quote(outlet)}",
        "api_overview": "/api/overview",
        "api_search": "/api/search?q=sanctions&scope=statements&limit=200",
        "api_events": f"/api/events?actor={quote(actor)}&limit=200",
        "api_actor_positions": f"/api/actors/{quote(actor)}/positions?limit=200",
    }


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run(repeat: int = 50, count: int = 10_000) -> dict:
    db_path = ensure_store(count)
    client = TestClient(create_app(db_path))
    results = {}
    for name, url in pages(db_path).items():
        assert client.get(url).status_code == 200, url  # warm-up, and a broken page fails loudly
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, url
        results[name] = {"url": url, "p50_ms": round(statistics.median(times), 1),
                         "p95_ms": round(percentile(times, 95), 1), "bytes": len(response.content)}
        print(f"{name:22} p50 {results[name]['p50_ms']:7.1f} ms   p95 {results[name]['p95_ms']:7.1f} ms   {url}")
    worst = max(r["p95_ms"] for r in results.values())
    report = {"articles": count, "repeat": repeat, "target_p95_ms": TARGET_P95_MS, "worst_p95_ms": worst,
              "ok": worst < TARGET_P95_MS, "pages": results}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "web.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"worst p95 {worst:.1f} ms (target < {TARGET_P95_MS:.0f} ms) → {OUT / 'web.json'}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description="Time the workbench's pages on a 10,000-article store.")
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    run(args.repeat, args.articles)


if __name__ == "__main__":
    main()
