"""Ingestion throughput (articles/s) for plain text and HTML, into a fresh store, on one core.

Generates the corpus (make_corpus.py), ingests each kind into its own new store
through the library API (decode, extract, clean, detect language, dedupe, one
transaction per article), and reports articles per second two ways: per second
of wall-clock time, and per CPU-second of the (single-threaded) ingest, which is
what one core delivers whatever else the machine is running. The target for
plain text is ≥ 200 articles per CPU-second.

    .venv/bin/python -m bench.ingest_bench [--count 2000]
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from bench.make_corpus import OUT, make
from parley.api import open_store

TARGET_TEXT_PER_S = 200.0


def _ingest(folder: Path, db: Path) -> dict:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with open_store(db) as store:
        started, cpu_started = time.perf_counter(), time.process_time()
        report = store.ingest([str(folder)])
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    items = len(report.results)
    return {"articles": items, "stored": report.stored, "duplicates": report.duplicates, "errors": report.errors,
            "near_duplicate_links": report.near_duplicates, "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu_seconds, 2), "articles_per_s": round(items / seconds, 1),
            "articles_per_cpu_s": round(items / cpu_seconds, 1)}


def run(count: int = 2000) -> dict:
    folders = make(OUT / "corpus", count)
    _ingest(folders["txt"] / "00000.txt", OUT / "ingest-warmup.db")  # imports and model loading are not throughput
    results = {kind: _ingest(folder, OUT / f"ingest-{kind}.db") for kind, folder in folders.items()}
    report = {"target_text_articles_per_cpu_s": TARGET_TEXT_PER_S, "load_average": os.getloadavg()[0], **results}
    (OUT / "ingest.json").write_text(json.dumps(report, indent=2))

    print(f"{'kind':<5} {'articles':>8} {'stored':>6} {'dups':>4} {'errors':>6} {'near-dup':>8} "
          f"{'wall s':>7} {'art/s':>6} {'cpu s':>6} {'art/cpu-s':>9}")
    for kind, r in results.items():
        print(f"{kind:<5} {r['articles']:>8} {r['stored']:>6} {r['duplicates']:>4} {r['errors']:>6} "
              f"{r['near_duplicate_links']:>8} {r['seconds']:>7} {r['articles_per_s']:>6} {r['cpu_seconds']:>6} "
              f"{r['articles_per_cpu_s']:>9}")
    text_rate = results["txt"]["articles_per_cpu_s"]
    verdict = "ok" if text_rate >= TARGET_TEXT_PER_S else "BELOW TARGET"
    print(f"plain text: {text_rate} articles per CPU-second (target ≥ {TARGET_TEXT_PER_S:.0f}: {verdict}); "
          f"load average {report['load_average']:.1f} → {OUT / 'ingest.json'}")
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure ingestion throughput.")
    parser.add_argument("--count", type=int, default=2000)
    run(parser.parse_args().count)


if __name__ == "__main__":
    main()
