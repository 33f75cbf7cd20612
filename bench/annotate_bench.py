"""Annotation speed: the whole annotate step against plain `nlp.pipe` on the same texts, in the same run.

The rule stages (actors, statements, events, positions) must stay cheap next to the
parse: the targets are a ratio of at least 0.7 for statements alone and 0.6 for the
full step. Texts are the PolNeAR dev articles when ../shared is beside the checkout,
else the demo corpus repeated. Peak memory is the process's maximum resident size.
"""
from __future__ import annotations

import json
import resource
import time
from pathlib import Path

from parley.annotate.actors import ActorResolver
from parley.annotate.nlp import load_nlp
from parley.annotate.pipeline import Annotator, parse_date
from parley.annotate.statements import extract_statements
from parley.model import Article, read_jsonl

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "dev" / "text"
OUT = ROOT / "bench" / "out"


def corpus() -> tuple[str, list[Article]]:
    if POLNEAR.is_dir():
        files = sorted(POLNEAR.glob("*.txt"))
        return "PolNeAR dev", [Article(id=f.stem, text=f.read_text(encoding="utf-8")) for f in files]
    demo = list(read_jsonl(str(ROOT / "demo" / "gold.jsonl")))
    return "demo gold (x20)", [Article(id=f"{a.id}-{i}", text=a.text, published=a.published)
                               for i in range(20) for a in demo]


def measure() -> dict:
    name, articles = corpus()
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    start = time.perf_counter()
    annotator = Annotator()  # cold: loads spaCy, reads the knowledge base, builds the name matcher
    t_setup = time.perf_counter() - start
    nlp = load_nlp()
    list(nlp.pipe(texts[:4]))  # warm-up: first calls pay for lazy initialisation

    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=annotator.batch_size))
    t_pipe = time.perf_counter() - start

    resolver: ActorResolver = annotator.resolver
    start = time.perf_counter()
    for article, doc in zip(articles, docs):
        actors = resolver(doc, parse_date(article.published))
        extract_statements(doc, actors.resolve_span)
    t_statements = time.perf_counter() - start

    start = time.perf_counter()
    for article, doc in zip(articles, docs):
        annotator.annotate_doc(article, doc)
    t_stages = time.perf_counter() - start

    result = {
        "corpus": name, "articles": len(texts), "words": words,
        "nlp_pipe_words_per_s": round(words / t_pipe),
        "statements_words_per_s": round(words / (t_pipe + t_statements)),
        "annotate_words_per_s": round(words / (t_pipe + t_stages)),
        "ratio_statements": round(t_pipe / (t_pipe + t_statements), 3),
        "ratio_full": round(t_pipe / (t_pipe + t_stages), 3),
        "startup_s": round(t_setup, 2),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "annotate.json").write_text(json.dumps(result, indent=2))
    return result


def run() -> dict:
    """Measure, print the table and write bench/out/annotate.json."""
    r = measure()
    print(f"annotate speed on {r['corpus']} ({r['articles']} articles, {r['words']:,} words)")
    print(f"  plain nlp.pipe          {r['nlp_pipe_words_per_s']:>8,} words/s")
    print(f"  actors + statements     {r['statements_words_per_s']:>8,} words/s   ratio {r['ratio_statements']:.2f}"
          "  (target >= 0.70)")
    print(f"  full annotate step      {r['annotate_words_per_s']:>8,} words/s   ratio {r['ratio_full']:.2f}"
          "  (target >= 0.60)")
    print(f"  annotator start-up      {r['startup_s']:>8} s  (spaCy, knowledge base, name matcher)")
    print(f"  peak memory             {r['peak_memory_mb']:>8,} MB")
    return r


if __name__ == "__main__":
    run()
