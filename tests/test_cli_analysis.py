"""The analysis commands end to end on the demo corpus: annotate, eval, events, positions, export, stats."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app

DEMO = Path(__file__).resolve().parent.parent / "demo"
WORLD = ["--actors", str(DEMO / "actors.yaml"), "--codebook", str(DEMO / "codebook.yaml")]
runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("store") / "demo.db")
    run("--db", db, "ingest", str(DEMO / "corpus"), "--manifest", str(DEMO / "manifest.csv"), "--json")
    run("--db", db, "annotate", *WORLD, "--json")
    return db


def test_annotate_store_is_incremental(store):
    again = json.loads(run("--db", store, "annotate", *WORLD, "--json"))
    assert again["annotated"] == 0
    totals = again["store"]
    assert totals["statements"] > 50 and totals["events"] > 30 and totals["positions"] > 10


def test_annotate_jsonl_file(tmp_path):
    out = tmp_path / "out.jsonl"
    run("annotate", str(DEMO / "corpus" / "wire.jsonl"), "-o", str(out), *WORLD)
    articles = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(articles) == 2 and all(a["statements"] and a["actors"] for a in articles)


def test_annotate_file_needs_output():
    result = runner.invoke(app, ["annotate", str(DEMO / "corpus" / "wire.jsonl")])
    assert result.exit_code != 0 and "-o" in result.output


def test_eval_prints_the_spec_metrics(tmp_path):
    predictions = tmp_path / "pred.jsonl"
    report = json.loads(run("eval", str(DEMO / "gold.jsonl"), *WORLD, "--json", "--predictions", str(predictions)))
    overall = report["overall"]
    assert {"span", "attribution"} <= set(overall["statements"])
    assert {"triples", "date_agreement"} <= set(overall["events"])
    assert "matches" in overall["positions"]
    assert overall["statements"]["span"]["f1"] > 0.5
    assert len(report["per_article"]) == 4
    assert len(predictions.read_text().splitlines()) == 4


def test_eval_rejects_a_malformed_gold_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": \n')
    result = runner.invoke(app, ["eval", str(bad)])
    assert result.exit_code == 2 and "line 2" in result.output


def test_events_filters_by_actor_name_and_type(store):
    page = json.loads(run("--db", store, "events", "--actor", "Varnia", "--json", "--limit", "200"))
    assert page["total"] > 0
    assert all("var" in (e["source"], e["target"]) for e in page["items"])
    consult = json.loads(run("--db", store, "events", "--type", "consult", "--json"))
    assert consult["items"] and {e["type"] for e in consult["items"]} == {"CONSULT"}
    dated = json.loads(run("--db", store, "events", "--since", "2026-04-01", "--until", "2026-04-30", "--json"))
    assert all("2026-04-01" <= e["day"] <= "2026-04-30" for e in dated["items"])


def test_positions_show_stance_over_time_with_evidence(store):
    found = json.loads(run("--db", store, "positions", "Varnia", "--json"))
    assert found["actor"]["id"] == "var"
    issue = found["issues"][0]
    assert issue["evidence"] and all(e["evidence"] and e["outlet"] for e in issue["evidence"])
    assert issue["status"] in {"for", "against", "shifting"}
    assert "Varnia" in run("--db", store, "positions", "var")


def test_unknown_actor_is_a_clear_error(store):
    result = runner.invoke(app, ["--db", store, "positions", "Atlantis"])
    assert result.exit_code == 1 and "no actor" in result.output


@pytest.mark.parametrize("fmt", ["plover", "cameo"])
def test_event_exports(store, tmp_path, fmt):
    path = tmp_path / f"events.{fmt}"
    run("--db", store, "export", "--format", fmt, "-o", str(path))
    lines = path.read_text().splitlines()
    if fmt == "plover":
        record = json.loads(lines[0])
        assert {"event_type", "source_country", "target_country", "intensity", "evidence", "outlet"} <= set(record)
    else:
        header = lines[0].split("\t")
        assert "EventRootCode" in header and len(lines) > 1


def test_csv_export_of_events_table(store, tmp_path):
    path = tmp_path / "events.csv"
    run("--db", store, "export", "--format", "csv", "--table", "events", "-o", str(path))
    rows = list(csv.DictReader(path.open()))
    assert rows and {"source", "type", "target", "evidence", "outlet"} <= set(rows[0])


def test_jsonl_export_round_trips_annotations(store, tmp_path):
    path = tmp_path / "all.jsonl"
    run("--db", store, "export", "--format", "jsonl", "-o", str(path))
    articles = [json.loads(line) for line in path.read_text().splitlines()]
    assert sum(len(a["statements"]) for a in articles) > 50
    for a in articles:
        assert all(s["text"] in a["text"] for s in a["statements"])


def test_stats(store):
    totals = json.loads(run("--db", store, "stats", "--json"))
    assert totals["articles"] == totals["annotated"] >= 14 and totals["outlets"] >= 4


def test_annotate_jsonl_skips_a_bad_line_and_says_which(tmp_path):
    source = tmp_path / "in.jsonl"
    lines = (DEMO / "corpus" / "wire.jsonl").read_text().splitlines()
    source.write_text(lines[0] + "\n{not json\n" + json.dumps({"id": "x"}) + "\n" + lines[1] + "\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["annotate", str(source), "-o", str(out), *WORLD])
    assert result.exit_code == 1
    assert f"{source}:2" in result.output and f"{source}:3" in result.output and "text" in result.output
    assert len(out.read_text().splitlines()) == 2
