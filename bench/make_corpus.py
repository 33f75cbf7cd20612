"""A corpus of distinct articles for the ingestion benchmark, made from the demo corpus.

Each generated article takes a random handful of body paragraphs from the whole
demo corpus (so two articles rarely share enough 5-grams to count as near
duplicates), renames people and places, changes the numbers, and wraps the result
in scraped-page boilerplate: plain text with navigation, bylines and comment
forms, or an HTML page with metadata, a menu and a footer. One in forty is a
lightly edited reprint of an earlier article, which near-duplicate detection
should link.

    .venv/bin/python -m bench.make_corpus [--count 2000] [--out bench/out/corpus]
"""
from __future__ import annotations

import argparse
import html
import json
import random
import re
from pathlib import Path

from parley.ingest.clean import clean
from parley.ingest.extract import extract_html
from parley.ingest.language import normalise

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "demo" / "corpus"
FALLBACK = ROOT / "tests" / "fixtures"
OUT = Path(__file__).resolve().parent / "out"

NAMES = ["Amsel", "Brandl", "Corvin", "Dalmas", "Ekberg", "Falk", "Gorin", "Hallan", "Iver", "Jessop", "Kalder",
         "Lindqvist", "Marek", "Norberg", "Osric", "Pell", "Quist", "Rendal", "Solberg", "Tarrin", "Ulvan", "Varga",
         "Wendt", "Ystad", "Zorin"]
OUTLETS = ["Northern Wire", "Harbour Gazette", "Capital Observer", "Eastern Courier", "Morning Record",
           "Baltic Review", "Continental Post", "Policy Monitor"]
HEAD = ["Skip to content", "Menu", "Search", "Subscribe", "Sign in", "Home › World › Diplomacy"]
REPRINT_EVERY = 40  # one article in forty is a lightly edited reprint of an earlier one
TAIL = ["Read more:", "Ceasefire talks: what each side wants", "Share this article", "Subscribe to our newsletter",
        "Leave a Reply", "Your email address will not be published. Required fields are marked *", "Comment *",
        "Name *", "Email *", "Post Comment", "Connect with us"]


def paragraphs(source: Path = DEMO) -> list[str]:
    """Body paragraphs of the demo corpus (the fixtures if the demo corpus is absent), boilerplate removed."""
    if not source.exists():
        source = FALLBACK
    texts: list[str] = []
    for path in sorted(source.iterdir()):
        if path.suffix == ".txt":
            texts.append(clean(normalise(path.read_text(encoding="utf-8"))).text)
        elif path.suffix == ".html":
            page = extract_html(path.read_text(encoding="utf-8"))
            texts.append(clean(normalise(page.text), title=page.title).text)
        elif path.suffix == ".jsonl":
            texts += [clean(json.loads(line)["text"]).text for line in path.read_text().splitlines() if line.strip()]
    return [p for text in texts for p in text.split("\n") if len(p.split()) >= 8]


def _vary(paragraph: str, rng: random.Random, names: dict[str, str]) -> str:
    """Other capitalised names and other numbers, consistently within one article."""
    def rename(match: re.Match[str]) -> str:
        word = match.group(0)
        return names.setdefault(word, rng.choice(NAMES) + rng.choice(["", "a", "ov", "en", "ia", "ard"]))

    paragraph = re.sub(r"(?<=[a-z,] )[A-Z][a-z]{3,}", rename, paragraph)
    return re.sub(r"\d+", lambda m: str(rng.randint(2, 90)), paragraph)


def article(rng: random.Random, pool: list[str], number: int) -> dict[str, str]:
    names: dict[str, str] = {}
    body = [_vary(p, rng, names) for p in rng.sample(pool, k=min(len(pool), rng.randint(6, 10)))]
    words = body[0].split()
    title = " ".join(words[: rng.randint(6, 10)]).rstrip(",.;:") + f" ({number})"
    day = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {"title": title, "body": "\n\n".join(body), "outlet": rng.choice(OUTLETS), "published": day,
            "author": f"{rng.choice(NAMES)} {rng.choice(NAMES)}"}


def as_text(a: dict[str, str], rng: random.Random) -> str:
    head = rng.sample(HEAD, k=3) + ["", a["title"], "", f"By {a['author']}", a["published"], ""]
    return "\n".join([a["title"], "", *head, a["body"], "", "Advertisement", "", *TAIL[: rng.randint(3, len(TAIL))]])


def as_html(a: dict[str, str], _rng: random.Random) -> str:
    paras = "\n".join(f"<p>{html.escape(p)}</p>" for p in a["body"].split("\n\n"))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(a['title'])} | {html.escape(a['outlet'])}</title>
<meta property="og:site_name" content="{html.escape(a['outlet'])}"><meta name="author" content="{a['author']}">
<meta property="article:published_time" content="{a['published']}T09:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/search">Search</a></nav></header>
<main><article><h1>{html.escape(a['title'])}</h1><p class="byline">By {a['author']}</p>
{paras}
<p>Advertisement</p></article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Ceasefire talks stall</a></li>
<li><a href="/b">Envoy resigns</a></li></ul></aside>
<footer><p>© 2026 {html.escape(a['outlet'])}. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""


def make(out: Path, count: int = 2000, seed: int = 11) -> dict[str, Path]:
    """`count` plain-text files and `count` HTML files under out/txt and out/html (rebuilt each time)."""
    rng = random.Random(seed)
    pool = paragraphs()
    folders = {"txt": out / "txt", "html": out / "html"}
    for kind, folder in folders.items():
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.iterdir():
            old.unlink()
        render = as_text if kind == "txt" else as_html
        made: list[dict[str, str]] = []
        for n in range(count):
            made.append(reprint(rng, made) if n % REPRINT_EVERY == REPRINT_EVERY - 1 else article(rng, pool, n))
            (folder / f"{n:05d}.{kind}").write_text(render(made[-1], rng), encoding="utf-8")
    return folders


def reprint(rng: random.Random, made: list[dict[str, str]]) -> dict[str, str]:
    """An earlier story republished by another outlet with a small edit: a near duplicate to link."""
    original = rng.choice(made)
    paragraphs = original["body"].split("\n\n")
    edited = re.sub(r"\d+", lambda m: str(int(m.group(0)) + 1), paragraphs[-1])
    paragraphs[-1] = f"{edited} The outlet added context on day {rng.randint(1, 9999)}."
    return {**original, "body": "\n\n".join(paragraphs), "outlet": rng.choice(OUTLETS)}


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate the ingestion benchmark corpus.")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=OUT / "corpus")
    args = parser.parse_args()
    for kind, folder in make(args.out, args.count).items():
        print(f"{args.count} {kind} articles in {folder}")


if __name__ == "__main__":
    main()
