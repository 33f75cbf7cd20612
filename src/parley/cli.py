"""The `parley` command: a thin Typer layer over `parley.api`.

Every command reads the store from the global `--db` (or `PARLEY_DB`), which
may also be given after the command. Listings and summaries print a Rich
table for people and JSON with `--json` for scripts. To add a command, write
a function with `@app.command()` that calls `open_db(ctx, db)` and the API.
"""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from parley.api import IngestReport, ItemResult, Store, open_store
from parley.export import TABLES, WRITERS
from parley.ingest.document import normalise_date

app = typer.Typer(name="parley", help="Parley: who said what, who did what to whom, and who wants what, "
                                      "from news about international negotiations.",
                  no_args_is_help=True, add_completion=False)
out = Console(soft_wrap=True)
err = Console(stderr=True)

DEFAULT_DB = Path("parley.db")
DbOption = Annotated[Optional[Path], typer.Option("--db", help="Store file (overrides the global --db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
OutletOption = Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet (case ignored).")]


def _date(value: Optional[str]) -> Optional[str]:
    """A YYYY-MM-DD option (other common date formats are accepted and converted)."""
    if value is None:
        return None
    parsed = normalise_date(value)
    if parsed is None:
        raise typer.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)")
    return parsed


SinceOption = Annotated[Optional[str], typer.Option("--since", callback=_date, help="Published on or after.")]
UntilOption = Annotated[Optional[str], typer.Option("--until", callback=_date, help="Published on or before.")]


@app.callback()
def main(ctx: typer.Context,
         db: Annotated[Path, typer.Option("--db", envvar="PARLEY_DB", help="Store file.")] = DEFAULT_DB) -> None:
    ctx.obj = {"db": db}


def open_db(ctx: typer.Context, db: Optional[Path]) -> Store:
    """The store named after the command, else the global one."""
    return open_store(db or ctx.obj["db"])


def _print_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


@app.command()
def ingest(
    ctx: typer.Context,
    sources: Annotated[list[str], typer.Argument(help="Files, folders, '-' (stdin), JSONL, http(s) URLs, feeds.")],
    outlet: Annotated[Optional[str], typer.Option(help="Outlet for every item (beats all other metadata).")] = None,
    published: Annotated[Optional[str], typer.Option(callback=_date, help="Publication date for every item.")] = None,
    language: Annotated[Optional[str], typer.Option(help="Language code for every item (skips detection).")] = None,
    manifest: Annotated[Optional[Path], typer.Option(
        exists=True, dir_okay=False,
        help="CSV file,outlet,published,language[,url]; 'file' relative to the CSV's folder, "
             "or matched by file name.")] = None,
    allow_private: Annotated[bool, typer.Option(help="Allow URLs on private, loopback and link-local hosts.")] = False,
    no_clean: Annotated[bool, typer.Option("--no-clean", help="Keep texts as given (no boilerplate removal).")]
    = False,
    json_output: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Store articles; bad items are listed and the rest goes on. Exit 1 if any item failed."""
    try:
        store = open_db(ctx, db)
        with store, _IngestProgress(enabled=not json_output) as progress:
            report = store.ingest(sources, outlet=outlet, published=published, language=language,
                                  manifest=manifest, allow_private=allow_private, clean=not no_clean,
                                  progress=progress.update)
    except ValueError as exc:  # a bad manifest
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None
    if json_output:
        _print_json(report.to_dict())
    else:
        _print_report(report)
    raise typer.Exit(0 if report.ok else 1)


class _IngestProgress:
    """A Rich progress bar over the sources, with running counts of what happened to the items."""

    def __init__(self, enabled: bool) -> None:
        self._progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                  MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True,
                                  disable=not enabled)
        self._task = self._progress.add_task("ingesting", total=None)
        self._counts = {"stored": 0, "duplicate": 0, "error": 0}

    def __enter__(self) -> "_IngestProgress":
        self._progress.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._progress.stop()

    def update(self, done: int, total: int, result: Optional[ItemResult]) -> None:
        if result is not None and result.status in self._counts:
            self._counts[result.status] += 1
        c = self._counts
        self._progress.update(self._task, completed=done, total=total,
                              description=f"{c['stored']} stored, {c['duplicate']} known, {c['error']} failed")


def _print_report(report: IngestReport) -> None:
    for result in report.results:
        if result.status == "error":
            out.print(f"[red]✗[/] {escape(result.source)}: {escape(result.reason or '')}")
    if report.skipped:
        out.print(f"[yellow]skipped {report.skipped} file(s) that are not article types[/] "
                  "(use --json to list them)")
    table = Table(title="Ingest summary", show_header=False)
    for label, value in (("stored", report.stored), ("already known", report.duplicates),
                         ("failed", report.errors), ("near-duplicate links", report.near_duplicates)):
        table.add_row(label, str(value))
    out.print(table)


@app.command()
def articles(ctx: typer.Context, outlet: OutletOption = None, since: SinceOption = None, until: UntilOption = None,
             limit: Annotated[int, typer.Option(help="At most this many (0: all).")] = 50,
             json_output: JsonOption = False, db: DbOption = None) -> None:
    """List stored articles."""
    with open_db(ctx, db) as store:
        found = store.articles(outlet=outlet, since=since, until=until, limit=limit or None)
        total = store.count(outlet=outlet, since=since, until=until)
    if json_output:
        _print_json([{k: v for k, v in a.to_dict().items() if k != "text"} for a in found])
        return
    table = Table(title=f"{len(found)} of {total} articles")
    for column in ("id", "published", "outlet", "lang", "title", "source"):
        table.add_column(column, overflow="fold")
    for a in found:
        table.add_row(str(a.id), a.published or "", a.outlet or "", a.language or "",
                      escape(a.title or a.text[:60]), escape(a.source))
    out.print(table)


@app.command()
def show(ctx: typer.Context, article: Annotated[str, typer.Argument(help="Article id or uid.")],
         json_output: JsonOption = False, db: DbOption = None) -> None:
    """Print an article with its metadata, provenance, near duplicates and the lines dropped from it (and why)."""
    with open_db(ctx, db) as store:
        found = store.get_article(article)
        if found is None:
            err.print(f"[red]error:[/] no article {escape(article)}")
            raise typer.Exit(1)
        dropped = store.dropped_lines(found.id)
        near = store.near_duplicates(found.id)
        raw = store.raw(found.id)
    if json_output:
        _print_json({**found.to_dict(), "raw_size": len(raw[1]) if raw else None,
                     "dropped_lines": [vars(d) for d in dropped],
                     "near_duplicates": [{"id": i, "jaccard": j} for i, j in near]})
        return
    meta = Table(show_header=False, title=escape(found.title or f"article {found.id}"))
    for key in ("id", "uid", "outlet", "author", "published", "language", "url", "source", "source_kind", "via",
                "retrieved_at", "raw_sha256", "ingested_at"):
        meta.add_row(key, escape(str(getattr(found, key) or "")))
    if raw:
        meta.add_row("raw", f"{len(raw[1])} bytes, {raw[0]}")
    out.print(meta)
    out.print(escape(found.text), highlight=False)
    if near:
        out.print("\n[bold]Near duplicates[/]: " + ", ".join(f"{i} (jaccard {j:.2f})" for i, j in near))
    if dropped:
        table = Table(title="Dropped lines")
        for column in ("line", "rule", "text", "why"):
            table.add_column(column, overflow="fold")
        for d in dropped:
            table.add_row(str(d.line_no), d.rule, escape(d.text), d.reason)
        out.print(table)


Format = Enum("Format", {name: name for name in WRITERS}, type=str)
Table_ = Enum("Table_", {name: name for name in TABLES}, type=str)


@app.command()
def export(ctx: typer.Context,
           output: Annotated[Path, typer.Option("-o", "--output", help="File to write.", dir_okay=False)],
           format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format("jsonl"),
           outlet: OutletOption = None, since: SinceOption = None, until: UntilOption = None,
           limit: Annotated[int, typer.Option(help="At most this many articles (0: all).")] = 0,
           table: Annotated[Table_, typer.Option("--table", help="For csv/parquet: rows of this table.")]
           = Table_("articles"),
           json_output: JsonOption = False, db: DbOption = None) -> None:
    """Write stored articles: JSONL article objects with their annotations, CSV/Parquet rows (articles,
    statements, events or positions), PLOVER JSON records or a GDELT-style CAMEO table of the events."""
    with open_db(ctx, db) as store, err.status(f"exporting to {escape(str(output))}…"):
        written = store.export(output, format.value, outlet=outlet, since=since, until=until, limit=limit or None,
                               table=table.value)
    what = {"jsonl": "articles", "plover": "events", "cameo": "events"}.get(format.value, f"{table.value} rows")
    if json_output:
        _print_json({"written": written, "format": format.value, "path": str(output)})
    else:
        out.print(f"wrote {written} {what} to {escape(str(output))} ({format.value})")


@app.command()
def serve(ctx: typer.Context, host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port.")] = 8000,
          token: Annotated[Optional[str], typer.Option(envvar="PARLEY_TOKEN",
                                                       help="Required of every request; needed beyond loopback.")] = None,
          db: DbOption = None) -> None:
    """Open the analyst's workbench (web pages and JSON API) over the store, read-only."""
    from parley.web.app import serve as serve_app
    with open_db(ctx, db) as store:  # creates and migrates the store, so the read-only app can open it
        path = store.path
    try:
        serve_app(path, host=host, port=port, token=token)
    except ValueError as exc:
        err.print(f"[red]{escape(str(exc))}[/]")
        raise typer.Exit(2) from None


@app.command()
def report(ctx: typer.Context,
           output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.", dir_okay=False)],
           actor: Annotated[Optional[str], typer.Option(help="Actor id (default: the one named most).")] = None,
           issue: Annotated[Optional[str], typer.Option(help="Issue id to add its who-stands-where view.")] = None,
           db: DbOption = None) -> None:
    """Write one self-contained HTML report (overview, issues, an actor's positions, dyads) that opens offline."""
    from parley.report import write_report
    with open_db(ctx, db) as store:
        path = store.path
    try:
        write_report(path, output, actor=actor, issue=issue)
    except ValueError as exc:
        err.print(f"[red]{escape(str(exc))}[/]")
        raise typer.Exit(2) from None
    out.print(f"wrote {escape(str(output))}")


ActorsOption = Annotated[list[Path], typer.Option(
    "--actors", envvar="PARLEY_ACTORS", exists=True, dir_okay=False,
    help="Extra actors file (knowledge-base YAML) that extends or overrides the shipped one; repeatable.")]
CodebookOption = Annotated[Optional[Path], typer.Option(
    "--codebook", envvar="PARLEY_CODEBOOK", exists=True, dir_okay=False,
    help="Issues codebook (YAML) for positions; default: the shipped Russia-West example.")]


def _annotator(actors: list[Path], codebook: Optional[Path], workers: int = 1):
    from parley.annotate.pipeline import Annotator
    try:
        return Annotator(actors_files=actors, codebook=codebook, n_process=workers)
    except ValueError as exc:  # a malformed actors file or codebook names itself
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None


def _bar(total: int | None, label: str, enabled: bool) -> Progress:
    return Progress(SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True, disable=not enabled)


@app.command()
def annotate(ctx: typer.Context,
             input: Annotated[Optional[Path], typer.Argument(
                 exists=True, dir_okay=False, help="JSONL of article objects; omit to annotate the store.")] = None,
             output: Annotated[Optional[Path], typer.Option("-o", "--output", dir_okay=False,
                                                            help="Where to write the annotated JSONL.")] = None,
             actors: ActorsOption = [], codebook: CodebookOption = None,
             force: Annotated[bool, typer.Option(help="Redo articles already annotated.")] = False,
             workers: Annotated[int, typer.Option(min=1, help="Parser worker processes.")] = 1,
             json_output: JsonOption = False, db: DbOption = None) -> None:
    """Find actors, statements, events and positions: in a JSONL file (-o OUT.jsonl), or in the stored
    articles that need it (new or changed since the last run)."""
    if input is not None and output is None:
        raise typer.BadParameter("give -o OUT.jsonl for the annotated file", param_hint="--output")
    annotator = _annotator(actors, codebook, workers)
    if input is not None:
        from parley.annotate.batch import annotate_jsonl
        with _bar(None, "annotating", not json_output) as bar:
            task = bar.add_task("annotating", total=None)
            skipped: list[str] = []
            count, errors = annotate_jsonl(input, output, annotator, progress=lambda n: bar.advance(task, n),
                                           skipped=skipped)
        if json_output:
            _print_json({"annotated": count, "path": str(output), "errors": errors, "skipped": skipped})
        else:
            for note in skipped:
                out.print(f"[yellow]-[/] {escape(note)}")
            for error in errors:
                out.print(f"[red]✗[/] {escape(error)}")
            out.print(f"annotated {count} articles into {escape(str(output))}"
                      + (f"; skipped {len(errors)} bad lines" if errors else ""))
        raise typer.Exit(1 if errors else 0)
    with open_db(ctx, db) as store:
        pending = store.pending() if not force else store.count()
        with _bar(pending, "annotating", not json_output) as bar:
            task = bar.add_task("annotating", total=pending)
            errors: list[str] = []
            skipped: list[str] = []
            count = store.annotate(force=force, annotator=annotator, progress=lambda n: bar.advance(task, n),
                                   errors=errors, skipped=skipped)
        totals = store.stats()
    if json_output:
        _print_json({"annotated": count, "errors": errors, "skipped": skipped, "store": totals})
    else:
        for note in skipped:
            out.print(f"[yellow]-[/] {escape(note)}")
        for error in errors:
            out.print(f"[red]✗[/] {escape(error)}")
        out.print(f"annotated {count} articles; the store holds {totals['statements']} statements, "
                  f"{totals['events']} events and {totals['positions']} positions of {totals['actors']} actors")
    raise typer.Exit(1 if errors else 0)


@app.command("eval")
def evaluate(gold: Annotated[Path, typer.Argument(exists=True, help="Gold JSONL, or a PolNeAR brat folder.")],
             actors: ActorsOption = [], codebook: CodebookOption = None,
             predictions: Annotated[Optional[Path], typer.Option(
                 "--predictions", dir_okay=False, help="Also write the pipeline's output as JSONL.")] = None,
             per_article: Annotated[bool, typer.Option(help="Show every article's scores.")] = True,
             json_output: JsonOption = False) -> None:
    """Run the pipeline on the gold articles' text and print the metrics of annotations.md."""
    from parley.api import evaluate_file
    from parley.evaluation import render
    from parley.model import write_jsonl
    try:
        report, predicted = evaluate_file(gold, annotator=_annotator(actors, codebook))
    except ValueError as exc:
        err.print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None
    if predictions:
        write_jsonl(predicted, str(predictions))
    if json_output:
        _print_json(report.to_json())
        return
    if not per_article:
        report.per_article = {}
    render(report, out)


@app.command()
def events(ctx: typer.Context,
           actor: Annotated[Optional[str], typer.Option(help="Actor id or name, as source or target.")] = None,
           type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
           since: SinceOption = None, until: UntilOption = None,
           limit: Annotated[int, typer.Option(min=1, max=200, help="At most this many (newest first).")] = 50,
           json_output: JsonOption = False, db: DbOption = None) -> None:
    """List coded events: who did what to whom, when, with the evidence and its outlet."""
    with open_db(ctx, db) as store:
        actor_id = _actor_id(store, actor) if actor else None
        page = store.events(actor=actor_id, type=type.upper() if type else None, since=since, until=until,
                            limit=limit)
    if json_output:
        _print_json(page)
        return
    table = Table(title=f"{len(page['items'])} of {page['total']} events")
    for column in ("date", "source", "type", "target", "neg", "evidence", "outlet"):
        table.add_column(column, overflow="fold")
    for e in page["items"]:
        table.add_row(e.get("date") or e.get("day") or "", escape(e.get("source_name") or e.get("source") or ""),
                      e["type"], escape(e.get("target_name") or e.get("target") or ""),
                      "yes" if e.get("negated") else "", escape(e.get("evidence") or ""),
                      escape(e.get("outlet") or ""))
    out.print(table)


@app.command()
def positions(ctx: typer.Context, actor: Annotated[str, typer.Argument(help="Actor id or name.")],
              issue: Annotated[Optional[str], typer.Option(help="Only this issue id.")] = None,
              json_output: JsonOption = False, db: DbOption = None) -> None:
    """What does this actor want? Per issue, its stance over time with the evidence and the outlets."""
    with open_db(ctx, db) as store:
        found = store.positions(_actor_id(store, actor), issue=issue)
    if json_output:
        _print_json(found)
        return
    who = found["actor"]
    out.print(f"[bold]{escape(who['name'])}[/] ({who['country'] or '?'}): {len(found['issues'])} issues")
    for item in found["issues"]:
        out.print(f"\n[bold]{escape(item['issue'])}[/]: [cyan]{item['status']}[/] "
                  f"({item['n_for']} for, {item['n_against']} against; latest: {item['latest_stance']}, "
                  f"{item['last_day'] or 'undated'})")
        if item.get("proposition"):
            out.print(f"  [dim]{escape(item['proposition'])}[/]")
        for e in sorted(item["evidence"], key=lambda e: e.get("day") or ""):
            reporter = f", reported by {e['reported_by_name'] or e['reported_by']}" if e.get("reported_by") else ""
            out.print(f"  {e.get('day') or '':10} {e['stance']:7} “{escape(e['evidence'])}” "
                      f"[dim]({escape(e.get('outlet') or 'unknown outlet')}{escape(reporter)})[/]")


def _actor_id(store: Store, ref: str) -> str:
    found = store.find_actor(ref)
    if found is None:
        err.print(f"[red]error:[/] no actor {escape(ref)!r} in this store (try an id from `parley events`)")
        raise typer.Exit(1)
    return found


@app.command()
def stats(ctx: typer.Context, json_output: JsonOption = False, db: DbOption = None) -> None:
    """How much the store holds: articles, outlets, statements, events, positions, actors."""
    with open_db(ctx, db) as store:
        totals = store.stats()
    if json_output:
        _print_json(totals)
        return
    table = Table(title=f"Store {escape(str(db or ctx.obj['db']))}", show_header=False)
    for key, value in totals.items():
        table.add_row(key.replace("_", " "), str(value))
    out.print(table)
