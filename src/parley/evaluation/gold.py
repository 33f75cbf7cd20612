"""Reading a gold file: the annotation JSONL, with errors that name the file and line."""
from __future__ import annotations

from pathlib import Path

from parley.model import Article, read_jsonl


def read_gold(path: str | Path) -> list[Article]:
    """All articles of a gold JSONL file; a bad line or a repeated `id` raises ValueError naming the line."""
    with open(path, encoding="utf-8") as handle:
        lines = handle.readlines()
    try:
        articles = list(read_jsonl(lines))
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from exc
    numbers = [number for number, line in enumerate(lines, 1) if line.strip()]
    seen: dict[str, int] = {}
    for number, article in zip(numbers, articles):
        if article.id in seen:
            raise ValueError(f"{path}: line {number}: id {article.id!r} repeats line {seen[article.id]}")
        seen[article.id] = number
    return articles
