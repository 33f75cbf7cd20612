"""The `parley` CLI: ingest, articles, show, export; --db before or after the command; --json everywhere."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from ingest_fixtures import FIXTURES
from parley.cli import app
from parley.model import read_jsonl

runner = CliRunner()
BODY = "The envoy said on Monday that both sides had agreed to a ceasefire along the river, officials confirmed."


def _run(*args: str, input: str | None = None, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), input=input, env=env)


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    result = _run("--db", path, "ingest", str(FIXTURES / "boilerplate.txt"), str(FIXTURES / "article.html"))
    assert result.exit_code == 0, result.output
    return path


def test_ingest_summary_and_idempotence(db: str) -> None:
    again = _run("--db", db, "ingest", "--json", str(FIXTURES / "boilerplate.txt"), str(FIXTURES / "article.html"))
    assert again.exit_code == 0
    summary = json.loads(again.output)
    assert (summary["stored"], summary["duplicates"], summary["ok"]) == (0, 2, True)
    human = _run("ingest", str(FIXTURES / "plain.txt"), "--db", db)  # --db after the command works too
    assert human.exit_code == 0 and "stored" in human.output


def test_db_from_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "env.db"
    result = _run("ingest", str(FIXTURES / "plain.txt"), env={"PARLEY_DB": str(path)})
    assert result.exit_code == 0 and path.exists()


def test_stdin_and_a_failing_item_set_the_exit_status(db: str, tmp_path: Path) -> None:
    ok = _run("--db", db, "ingest", "--json", "-", input=BODY)
    assert ok.exit_code == 0 and json.loads(ok.output)["items"][0]["source"] == "<stdin>"
    (tmp_path / "empty.txt").write_text("")
    failed = _run("--db", db, "ingest", str(tmp_path / "empty.txt"), str(FIXTURES / "plain.txt"))
    assert failed.exit_code == 1
    assert f"✗ {tmp_path / 'empty.txt'}: empty" in failed.output


def test_bad_options_are_usage_errors(db: str, tmp_path: Path) -> None:
    assert _run("--db", db, "ingest", "--published", "someday", str(FIXTURES / "plain.txt")).exit_code == 2
    (tmp_path / "m.csv").write_text("name\nx\n")
    bad_manifest = _run("--db", db, "ingest", "--manifest", str(tmp_path / "m.csv"), str(FIXTURES / "plain.txt"))
    assert bad_manifest.exit_code == 2 and "'file' column" in bad_manifest.output


def test_articles_listing_and_filters(db: str) -> None:
    listed = json.loads(_run("--db", db, "articles", "--json").output)
    assert [a["id"] for a in listed] == [1, 2] and "text" not in listed[0]
    filtered = json.loads(_run("--db", db, "articles", "--json", "--outlet", "riverside times").output)
    assert [a["title"] for a in filtered] == ["Ceasefire monitors deploy along the Dniester"]
    assert json.loads(_run("--db", db, "articles", "--json", "--since", "2025-06-01").output)[0]["id"] == 2
    assert json.loads(_run("--db", db, "articles", "--json", "--until", "2025-03-31").output)[0]["id"] == 1
    table = _run("--db", db, "articles")
    assert table.exit_code == 0 and "2 of 2 articles" in table.output


def test_show_prints_provenance_and_what_was_dropped(db: str) -> None:
    shown = _run("--db", db, "show", "1")
    assert shown.exit_code == 0
    for expected in ("raw_sha256", "Dropped lines", "advertisement", "an advertisement slot", "Anna Keller"):
        assert expected in shown.output
    data = json.loads(_run("--db", db, "show", "--json", "1").output)
    assert data["source_kind"] == "file" and data["raw_size"] > 0
    assert {"line_no": 17, "text": "Advertisement", "rule": "advertisement",
            "reason": "an advertisement slot or its label"} in data["dropped_lines"]
    uid = data["uid"]
    assert json.loads(_run("--db", db, "show", "--json", uid).output)["id"] == 1
    assert _run("--db", db, "show", "404").exit_code == 1


def test_export_jsonl_csv_parquet(db: str, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert _run("--db", db, "export", "--format", "jsonl", "-o", str(out)).exit_code == 0
    articles = list(read_jsonl(str(out)))
    assert [a.title for a in articles][1] == "Ceasefire monitors deploy along the Dniester"
    assert articles[1].outlet == "Riverside Times" and articles[1].published == "2025-06-03"

    result = _run("--db", db, "export", "--format", "csv", "-o", str(tmp_path / "out.csv"), "--json")
    assert json.loads(result.output)["written"] == 2
    with open(tmp_path / "out.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["author"] == "Anna Keller and Tomas Brandt" and rows[0]["raw_sha256"]

    _run("--db", db, "export", "--format", "parquet", "-o", str(tmp_path / "out.parquet"),
         "--outlet", "Riverside Times")
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 1 and table.column("outlet").to_pylist() == ["Riverside Times"]
    assert _run("--db", db, "export", "--format", "xml", "-o", str(tmp_path / "x")).exit_code == 2
