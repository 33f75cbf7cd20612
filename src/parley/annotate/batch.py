"""Annotate many articles: a JSONL file, or the stored articles that need it.

Stored articles are re-annotated only when their text or the annotation version
changed; their spaCy parses are kept in the store, so a new version of a rule stage
does not pay for parsing again. Each article's annotations (and parse) are written in
one transaction: an interrupted run leaves every article either done or untouched.
"""
from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator

from spacy.tokens import Doc

from parley.annotate.nlp import PIPELINE
from parley.annotate.pipeline import ANNOTATION_VERSION, Annotator
from parley.model import Article, read_jsonl, write_jsonl
from parley.store.db import transaction
from parley.store.annotations import load_parse, save_annotations, save_issues, save_parse

Progress = Callable[[int], None]
_DOC_EXCLUDE = ["tensor", "user_data"]


def read_articles(in_path: Path, errors: list[str]) -> Iterator[Article]:
    """The article objects of a JSONL file; a bad line is recorded in `errors` (naming the line) and skipped."""
    with open(in_path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            try:
                yield from read_jsonl([line])
            except ValueError as exc:
                errors.append(f"{in_path}:{number}: {str(exc).removeprefix('line 1: ')}")


def annotate_jsonl(in_path: Path, out_path: Path, annotator: Annotator, progress: Progress | None = None,
                   skipped: list[str] | None = None) -> tuple[int, list[str]]:
    """Read article objects, write them back with actors, statements, events and positions filled in.
    Returns how many were written and the bad input lines, which are skipped. Articles in a language the
    pipeline does not read are written back unannotated and named in `skipped`."""
    errors: list[str] = []

    def done() -> Iterator[Article]:
        for article in annotator.annotate(read_articles(in_path, errors)):
            if skipped is not None and not annotator.reads(article):
                skipped.append(_not_read(article.id, article.language))
            if progress:
                progress(1)
            yield article
    return write_jsonl(done(), str(out_path)), errors


def _not_read(name: str, language: str | None) -> str:
    return f"{name}: in language {language!r}, left unannotated (the pipeline reads English)"


def pending_articles(conn: sqlite3.Connection, force: bool = False) -> list[int]:
    """Ids of stored articles whose annotations are missing or older than this version."""
    if force:
        return [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    return [r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE annotated_version IS NULL OR annotated_version != ? ORDER BY id",
        (ANNOTATION_VERSION,))]


def _stored_article(conn: sqlite3.Connection, article_id: int) -> tuple[Article, str]:
    row = conn.execute("SELECT uid, text, outlet, published, language, title, url, content_key "
                       "FROM articles WHERE id = ?", (article_id,)).fetchone()
    article = Article(id=row[0], text=row[1], outlet=row[2], published=row[3], language=row[4],
                      title=row[5], url=row[6])
    return article, row[7]


def annotate_store(conn: sqlite3.Connection, annotator: Annotator, force: bool = False,
                   progress: Progress | None = None, chunk: int = 64, errors: list[str] | None = None,
                   skipped: list[str] | None = None) -> int:
    """Annotate the stored articles that need it; returns how many were annotated.

    An article whose annotation fails is left as it was, with the reason appended to `errors`
    (naming the article), and the run goes on. One in a language the pipeline does not read is stored
    as done with nothing found, and named in `skipped`."""
    ids = pending_articles(conn, force)
    with transaction(conn):
        save_issues(conn, annotator.codebook)
    vocab = annotator.nlp.vocab
    count = 0
    for offset in range(0, len(ids), chunk):
        batch = [(_stored_article(conn, i), i) for i in ids[offset:offset + chunk]]
        for (article, _key), article_id in batch:
            if not annotator.reads(article):
                with transaction(conn):
                    save_annotations(conn, article_id, article, ANNOTATION_VERSION, _now())
                if skipped is not None:
                    skipped.append(_not_read(f"article {article_id} ({article.id})", article.language))
                if progress:
                    progress(1)
        batch = [((article, key), i) for (article, key), i in batch if annotator.reads(article)]
        cached: dict[int, Doc] = {}
        for (article, key), article_id in batch:
            blob = load_parse(conn, article_id, key, PIPELINE)
            if blob is not None:
                cached[article_id] = Doc(vocab).from_bytes(blob)
        fresh = iter(annotator.parse(a.text for (a, _), i in batch if i not in cached))
        for (article, key), article_id in batch:
            doc = cached.get(article_id) or next(fresh)
            try:
                annotated = annotator.annotate_doc(article, doc)
            except Exception as exc:  # a rule tripping on odd text must not stop the batch
                if errors is None:
                    raise
                errors.append(f"article {article_id} ({article.id}): {type(exc).__name__}: {exc}")
                continue
            with transaction(conn):
                if article_id not in cached:
                    save_parse(conn, article_id, key, PIPELINE, doc.to_bytes(exclude=_DOC_EXCLUDE))
                save_annotations(conn, article_id, annotated, ANNOTATION_VERSION, _now())
            count += 1
            if progress:
                progress(1)
    return count


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
