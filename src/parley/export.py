"""Write stored articles to files in the formats event-data users already load.

- `jsonl`: article objects of the annotation format, annotations included (what `eval` reads back);
- `csv` / `parquet`: one row per article, or per statement, event or position (`table=`);
- `plover`: PLOVER JSON records, one per event; `cameo`: a GDELT-style tab-separated table.

Each format is a writer in `WRITERS`; a new format is one more function registered there.
"""
from __future__ import annotations

import csv
import sqlite3
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from parley.export_events import write_cameo, write_plover
from parley.model import Article, write_jsonl
from parley.store.annotations import load_annotations
from parley.store.articles import StoredArticle

# One row per article: metadata and provenance first, the text last.
ROW_COLUMNS = ("id", "uid", "title", "outlet", "author", "published", "language", "url", "source", "source_kind",
               "via", "retrieved_at", "raw_sha256", "content_key", "ingested_at", "text")
# Rows of the annotation tables, each with its article's uid, outlet and publication date.
TABLE_COLUMNS = {
    "statements": ("speaker", "speaker_text", "kind", "cue", "text", "start", "end"),
    "events": ("source", "source_country", "type", "mode", "target", "target_country", "date", "negated",
               "modality", "score", "cameo", "evidence", "start", "end"),
    "positions": ("actor", "actor_country", "issue", "stance", "reported_by", "date", "evidence", "start", "end"),
}
TABLES = ("articles", *TABLE_COLUMNS)

Writer = Callable[[sqlite3.Connection, Iterable[StoredArticle], Path, str], int]


def annotated(conn: sqlite3.Connection, articles: Iterable[StoredArticle]) -> Iterator[Article]:
    for stored in articles:
        yield load_annotations(conn, stored.id, stored.to_article())


def rows(conn: sqlite3.Connection, articles: Iterable[StoredArticle], table: str) -> tuple[tuple[str, ...], Iterator[dict]]:
    """Column names and rows of one table for the selected articles."""
    if table == "articles":
        return ROW_COLUMNS, (a.to_dict() for a in articles)
    if table not in TABLE_COLUMNS:
        raise ValueError(f"unknown table {table!r}; choose one of {', '.join(TABLES)}")
    columns = ("article", "outlet", "published", *TABLE_COLUMNS[table])
    selected = ", ".join(f't."{c}"' for c in TABLE_COLUMNS[table])

    def generate() -> Iterator[dict[str, Any]]:
        for a in articles:
            for row in conn.execute(f"SELECT {selected} FROM {table} t WHERE t.article_id = ? ORDER BY t.seq", (a.id,)):
                yield {"article": a.uid, "outlet": a.outlet, "published": a.published, **dict(zip(columns[3:], row))}
    return columns, generate()


def write_articles_jsonl(conn: sqlite3.Connection, articles: Iterable[StoredArticle], path: Path, table: str) -> int:
    return write_jsonl(annotated(conn, articles), str(path))


def write_csv(conn: sqlite3.Connection, articles: Iterable[StoredArticle], path: Path, table: str) -> int:
    columns, data = rows(conn, articles, table)
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in data:
            writer.writerow(row)
            count += 1
    return count


def write_parquet(conn: sqlite3.Connection, articles: Iterable[StoredArticle], path: Path, table: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns, data = rows(conn, articles, table)
    records = [{k: row.get(k) for k in columns} for row in data]
    pq.write_table(pa.Table.from_pylist(records) if records else pa.table({c: [] for c in columns}), path)
    return len(records)


def write_plover_records(conn: sqlite3.Connection, articles: Iterable[StoredArticle], path: Path, table: str) -> int:
    return write_plover(annotated(conn, articles), path)


def write_cameo_table(conn: sqlite3.Connection, articles: Iterable[StoredArticle], path: Path, table: str) -> int:
    return write_cameo(annotated(conn, articles), path)


WRITERS: dict[str, Writer] = {
    "jsonl": write_articles_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
    "plover": write_plover_records,
    "cameo": write_cameo_table,
}


def export(conn: sqlite3.Connection, articles: Iterable[StoredArticle], format: str, path: str | Path,
           table: str = "articles") -> int:
    """Write the articles in the named format; returns how many rows or records were written."""
    try:
        writer = WRITERS[format]
    except KeyError:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(WRITERS)}") from None
    return writer(conn, articles, Path(path), table)
