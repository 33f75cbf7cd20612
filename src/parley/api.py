"""The library API: what the CLI, the web layer and a notebook user call.

    store = open_store("parley.db")
    report = store.ingest(["articles/", "https://example.org/feed.xml"], outlet="RT")
    for article in store.articles(outlet="RT", since="2024-01-01"):
        print(article.id, article.title)
    store.annotate(actors=["my_actors.yaml"], codebook="codebook.yaml")
    store.positions("putin")          # what does this actor want, per issue, over time
    store.events(actor="rus", type="CONSULT", since="2022-01-01")
    store.export("out.jsonl", format="jsonl")

    report, predictions = evaluate_file("gold.jsonl")
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Literal, Sequence

from parley import export as exporters
from parley.ingest.dedupe import NearDuplicateIndex
from parley.ingest.document import Options, build
from parley.ingest.fetch import Fetcher
from parley.ingest.items import Failure, IngestError, RawItem, Skipped
from parley.ingest.sources import Leaf, Manifest, Reader, plan
from parley.store import articles as rows
from parley.store.articles import DroppedLine, NewArticle, StoredArticle
from parley.store.db import connect, transaction
from parley.store.migrations import migrate
from parley.store import queries

if TYPE_CHECKING:
    from parley.annotate.pipeline import Annotator
    from parley.evaluation.report import EvalReport
    from parley.model import Article

Status = Literal["stored", "duplicate", "error", "skipped"]


@dataclass
class ItemResult:
    """What happened to one item of a batch."""

    source: str
    status: Status
    article_id: int | None = None
    uid: str | None = None
    title: str | None = None
    reason: str | None = None  # why it failed or was skipped, or what it duplicates
    near_duplicates: list[tuple[int, float]] = field(default_factory=list)


@dataclass
class IngestReport:
    results: list[ItemResult] = field(default_factory=list)

    def _count(self, status: Status) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def stored(self) -> int:
        return self._count("stored")

    @property
    def duplicates(self) -> int:
        return self._count("duplicate")

    @property
    def errors(self) -> int:
        return self._count("error")

    @property
    def skipped(self) -> int:
        return self._count("skipped")

    @property
    def near_duplicates(self) -> int:
        return sum(len(r.near_duplicates) for r in self.results)

    @property
    def ok(self) -> bool:
        """True when every item was stored or already known."""
        return self.errors == 0

    def to_dict(self) -> dict[str, Any]:
        return {"stored": self.stored, "duplicates": self.duplicates, "errors": self.errors,
                "skipped": self.skipped, "near_duplicates": self.near_duplicates, "ok": self.ok,
                "items": [asdict(r) for r in self.results]}


# Called with (leaves done, leaves in all, result): after each item, and with None after each leaf.
Progress = Callable[[int, int, "ItemResult | None"], None]


class Store:
    """An open Parley store: SQLite with the schema migrated to the latest version."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.conn: sqlite3.Connection = connect(self.path)
        migrate(self.conn)
        self._index: NearDuplicateIndex | None = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # --- ingestion -------------------------------------------------------------------------

    def ingest(self, sources: Iterable[str | Path], *, outlet: str | None = None, published: str | None = None,
               language: str | None = None, manifest: str | Path | None = None, allow_private: bool = False,
               clean: bool = True, progress: Progress | None = None,
               fetcher_factory: Callable[..., Fetcher] = Fetcher) -> IngestReport:
        """Store every article the sources hold; a bad item is reported and the batch goes on.

        `published` must be YYYY-MM-DD; `manifest` is a CSV (see `ingest.sources.Manifest`).
        """
        options = Options(outlet=outlet, published=published, language=language, clean=clean)
        table = Manifest(manifest) if manifest else None
        planned = plan([str(source) for source in sources])
        report = IngestReport()
        reader = Reader(allow_private=allow_private, fetcher_factory=fetcher_factory)
        try:
            for done, entry in enumerate(planned, 1):
                items = reader.read(entry) if isinstance(entry, Leaf) else [entry]
                for item in items:
                    result = self._ingest_item(item, options, table)
                    report.results.append(result)
                    if progress:
                        progress(done - 1, len(planned), result)
                if progress:
                    progress(done, len(planned), None)
        finally:
            reader.close()
        return report

    def _ingest_item(self, item: RawItem | Failure | Skipped, options: Options,
                     manifest: Manifest | None) -> ItemResult:
        if isinstance(item, Failure):
            return ItemResult(item.source, "error", reason=item.reason)
        if isinstance(item, Skipped):
            return ItemResult(item.source, "skipped", reason=item.reason)
        known = rows.find_by_raw(self.conn, hashlib.sha256(item.raw).hexdigest())
        if known is not None:
            return self._duplicate(item.source, known, "same bytes as")
        try:
            new = build(item, options, manifest.lookup(item.path) if manifest else None)
        except IngestError as exc:
            return ItemResult(item.source, "error", reason=str(exc))
        except Exception as exc:  # untrusted content can trip any parser: report the item, keep the batch going
            return ItemResult(item.source, "error", reason=f"could not be read ({exc.__class__.__name__}: {exc})")
        return self._store(new)

    def _store(self, new: NewArticle) -> ItemResult:
        """One transaction: the article with its raw bytes, dropped lines and near-duplicate links."""
        index = self._near_index()
        near = index.similar(new.minhash) if new.minhash else []
        try:
            with transaction(self.conn):
                known = rows.find_by_content_key(self.conn, new.content_key)
                if known is not None:
                    return self._duplicate(new.source, known, "same text as")
                if rows.uid_taken(self.conn, new.uid):
                    new.uid = f"{new.uid}-{new.content_key[:8]}"
                article_id = rows.insert(self.conn, new, near)
        except sqlite3.IntegrityError:
            # Another writer stored the same text between our check and our insert.
            known = rows.find_by_content_key(self.conn, new.content_key)
            if known is None:
                raise
            return self._duplicate(new.source, known, "same text as")
        if new.minhash:
            index.add(article_id, new.minhash)
        return ItemResult(new.source, "stored", article_id, new.uid, new.title, near_duplicates=near)

    def _duplicate(self, source: str, known: int, how: str) -> ItemResult:
        article = rows.get(self.conn, known)
        return ItemResult(source, "duplicate", known, article.uid if article else None,
                          article.title if article else None, reason=f"{how} article {known}")

    def _near_index(self) -> NearDuplicateIndex:
        """Built from the stored signatures on first use, then kept up to date by this store."""
        if self._index is None:
            self._index = NearDuplicateIndex()
            for article_id, sig in rows.signatures(self.conn):
                self._index.add(article_id, sig)
        return self._index

    # --- queries ---------------------------------------------------------------------------

    def articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                 limit: int | None = None, offset: int = 0) -> list[StoredArticle]:
        """Stored articles in id order; `since`/`until` are inclusive bounds on the publication date."""
        return list(rows.iter_articles(self.conn, outlet, since, until, limit, offset))

    def count(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None) -> int:
        return rows.count(self.conn, outlet, since, until)

    def get_article(self, ref: int | str) -> StoredArticle | None:
        """By integer id or by uid."""
        return rows.get(self.conn, ref)

    def dropped_lines(self, article_id: int) -> list[DroppedLine]:
        return rows.dropped_lines(self.conn, article_id)

    def near_duplicates(self, article_id: int) -> list[tuple[int, float]]:
        return rows.near_duplicates(self.conn, article_id)

    def raw(self, article_id: int) -> tuple[str, bytes] | None:
        """(media type, bytes) exactly as received."""
        return rows.raw_document(self.conn, article_id)

    def export(self, path: str | Path, format: str = "jsonl", *, outlet: str | None = None,
               since: str | None = None, until: str | None = None, limit: int | None = None,
               table: str = "articles") -> int:
        """Write the selected articles (with their annotations) to a file; returns how many rows or records."""
        selected = rows.iter_articles(self.conn, outlet, since, until, limit)
        return exporters.export(self.conn, selected, format, path, table=table)

    # --- annotation and analysis -------------------------------------------------------------

    def annotate(self, *, actors: Sequence[str | Path] = (), codebook: str | Path | None = None,
                 force: bool = False, workers: int = 1, progress: Callable[[int], None] | None = None,
                 annotator: "Annotator | None" = None, errors: list[str] | None = None,
                 skipped: list[str] | None = None) -> int:
        """Annotate the stored articles that need it (new, changed, or older annotation version).
        With an `errors` list, an article that fails is reported there and the rest goes on; with a
        `skipped` list, articles in a language the pipeline does not read are named there."""
        from parley.annotate.batch import annotate_store
        from parley.annotate.pipeline import Annotator
        annotator = annotator or Annotator(actors_files=[Path(a) for a in actors],
                                           codebook=Path(codebook) if codebook else None, n_process=workers)
        return annotate_store(self.conn, annotator, force=force, progress=progress, errors=errors,
                              skipped=skipped)

    def pending(self) -> int:
        """How many stored articles `annotate` would work on."""
        from parley.annotate.batch import pending_articles
        return len(pending_articles(self.conn))

    def find_actor(self, ref: str) -> str | None:
        """An actor id from an id, a name or an alias seen in the articles (case and accents ignored)."""
        from parley.knowledge.names import normalize_name
        if self.conn.execute("SELECT 1 FROM actors WHERE id = ?", (ref,)).fetchone():
            return ref
        wanted = normalize_name(ref)
        for actor_id, name, aliases in self.conn.execute(
                "SELECT a.id, a.name, aa.aliases FROM actors a LEFT JOIN article_actors aa ON aa.actor_id = a.id"):
            if any(normalize_name(n) == wanted for n in [name, *json.loads(aliases or "[]")]):
                return actor_id
        return None

    def events(self, *, actor: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        """Events newest first, with their evidence, article and outlet: `{total, limit, offset, items}`."""
        return queries.list_events(self.conn, actor=actor, type=type, date_from=since, date_to=until,
                                   limit=limit, offset=offset)

    def positions(self, actor: str, *, issue: str | None = None, limit: int = 200) -> dict[str, Any]:
        """What the actor wants: per issue its stance counts, first and latest stance, and the evidence over time."""
        summary = queries.actor(self.conn, actor)
        if summary is None:
            raise KeyError(f"no actor {actor!r} in this store")
        evidence = queries.actor_positions(self.conn, actor, issue=issue, limit=limit)["items"]
        issues = [i for i in summary["issues"] if issue is None or i["issue"] == issue]
        for item in issues:
            item["evidence"] = [e for e in evidence if e["issue"] == item["issue"]]
        return {"actor": {k: summary[k] for k in ("id", "name", "country", "kind", "role")}, "issues": issues}

    def stats(self) -> dict[str, int]:
        """How much the store holds."""
        tables = ("articles", "statements", "events", "positions", "actors", "near_duplicates", "dropped_lines")
        counts = {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        counts["outlets"] = self.conn.execute("SELECT count(DISTINCT outlet) FROM articles").fetchone()[0]
        counts["annotated"] = self.conn.execute(
            "SELECT count(*) FROM articles WHERE annotated_version IS NOT NULL").fetchone()[0]
        return counts


def open_store(path: str | Path = "parley.db") -> Store:
    """Open (creating and migrating if needed) the store at `path`."""
    return Store(path)


def evaluate_file(gold: str | Path, *, actors: Sequence[str | Path] = (), codebook: str | Path | None = None,
                  annotator: "Annotator | None" = None) -> "tuple[EvalReport, list[Article]]":
    """Run the pipeline on a gold corpus's own texts (JSONL, or a PolNeAR brat folder) and score it."""
    from parley.annotate.pipeline import Annotator
    from parley.evaluation.run import load_gold_corpus, run_eval
    gold_articles = load_gold_corpus(Path(gold))
    annotator = annotator or Annotator(actors_files=[Path(a) for a in actors],
                                       codebook=Path(codebook) if codebook else None)
    return run_eval(gold_articles, annotator.annotate)
