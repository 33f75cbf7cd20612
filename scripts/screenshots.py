"""Screenshots of the workbench's actor and dyad pages from a running app, for docs/screenshots/.

    parley serve --db demo/parley-demo.db &
    .venv/bin/python scripts/screenshots.py [--url http://127.0.0.1:8000] [--actor ID] [--dyad A/B]

Without --actor / --dyad it takes the actor named in most articles and the busiest dyad, as
the API reports them. Uses Debian's Chromium (`make browser`), never a downloaded browser.
"""
from __future__ import annotations

import argparse
import json
import sys
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _api(base: str, path: str) -> dict:
    with urllib.request.urlopen(f"{base}{path}", timeout=30) as response:
        return json.load(response)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--actor", help="actor id (default: the one named in most articles)")
    parser.add_argument("--dyad", help="A/B actor ids or country codes (default: the busiest dyad)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "docs" / "screenshots")
    args = parser.parse_args(argv)
    base = args.url.rstrip("/")
    actor = args.actor or _api(base, "/api/actors?limit=1")["items"][0]["id"]
    if args.dyad:
        dyad = args.dyad
    else:
        top = _api(base, "/api/overview?limit=1")["dyads"][0]
        dyad = f"{top['a']}/{top['b']}"
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
        for name, path in (("actor", f"/actors/{actor}"), ("dyad", f"/dyads/{dyad}")):
            page.goto(f"{base}{path}", wait_until="networkidle")
            page.wait_for_selector(".chart .main-svg")
            target = args.out / f"{name}.png"
            page.screenshot(path=str(target), full_page=True)
            print(f"{target}  ←  {path}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
