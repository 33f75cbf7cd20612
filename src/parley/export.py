"""Write stored articles to files: JSONL article objects, or one row per article as CSV or Parquet.

Each format is a writer in `WRITERS`; a new format (PLOVER, CAMEO …) is one
more function registered there.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable, Iterable

from parley.model import write_jsonl
from parley.store.articles import StoredArticle

# One row per article: metadata and provenance first, the text last.
ROW_COLUMNS = ("id", "uid", "title", "outlet", "author", "published", "language", "url", "source", "source_kind",
               "via", "retrieved_at", "raw_sha256", "content_key", "ingested_at", "text")

Writer = Callable[[Iterable[StoredArticle], Path], int]


def write_articles_jsonl(articles: Iterable[StoredArticle], path: Path) -> int:
    """Article objects of the annotation format (`parley.model.Article.to_dict`)."""
    return write_jsonl((a.to_article() for a in articles), str(path))


def write_csv(articles: Iterable[StoredArticle], path: Path) -> int:
    count = 0
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=ROW_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for article in articles:
            writer.writerow(article.to_dict())
            count += 1
    return count


def write_parquet(articles: Iterable[StoredArticle], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(name, pa.int64() if name == "id" else pa.string()) for name in ROW_COLUMNS])
    table = pa.Table.from_pylist([{k: a.to_dict()[k] for k in ROW_COLUMNS} for a in articles], schema=schema)
    pq.write_table(table, path)
    return table.num_rows


WRITERS: dict[str, Writer] = {
    "jsonl": write_articles_jsonl,
    "csv": write_csv,
    "parquet": write_parquet,
}


def export(articles: Iterable[StoredArticle], format: str, path: str | Path) -> int:
    """Write the articles in the named format; returns how many were written."""
    try:
        writer = WRITERS[format]
    except KeyError:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(WRITERS)}") from None
    return writer(articles, Path(path))
