"""The annotation pipeline end to end: article objects in, actors/statements/events/positions out, and the store."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.annotate.batch import annotate_jsonl, annotate_store, pending_articles
from parley.annotate.pipeline import Annotator
from parley.api import open_store
from parley.model import read_jsonl

DEMO = Path(__file__).resolve().parent.parent / "demo"


@pytest.fixture(scope="module")
def annotator():
    return Annotator(actors_files=[DEMO / "actors.yaml"], codebook=DEMO / "codebook.yaml")


def test_annotated_items_are_verbatim_and_reference_listed_actors(annotator, tmp_path):
    out = tmp_path / "out.jsonl"
    assert annotate_jsonl(DEMO / "corpus" / "wire.jsonl", out, annotator) == (2, [])
    for article in read_jsonl(str(out)):
        ids = {a.id for a in article.actors}
        assert article.statements and article.events
        for s in article.statements:
            assert article.text[s.start:s.end] == s.text
            assert s.speaker is None or s.speaker in ids
        for e in article.events:
            assert e.evidence in article.text
            assert e.source in ids and (e.target is None or e.target in ids)
        for p in article.positions:
            assert p.evidence in article.text and p.actor in ids


def test_demo_speakers_resolve_to_the_invented_officials(annotator, tmp_path):
    out = tmp_path / "out.jsonl"
    annotate_jsonl(DEMO / "corpus" / "wire.jsonl", out, annotator)
    countries = {a.country for art in read_jsonl(str(out)) for a in art.actors}
    assert {"VAR", "OST"} <= countries


def test_store_annotation_is_incremental_and_reuses_parses(annotator, tmp_path):
    store = open_store(tmp_path / "t.db")
    report = store.ingest([str(DEMO / "corpus" / "wire.jsonl")])
    assert report.ok
    assert annotate_store(store.conn, annotator) == 2
    assert pending_articles(store.conn) == []
    assert annotate_store(store.conn, annotator) == 0  # nothing changed, nothing redone
    before = store.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    assert annotate_store(store.conn, annotator, force=True) == 2  # parses come from the store
    after = store.conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    assert before == after > 0
    issues = {r[0] for r in store.conn.execute("SELECT id FROM issues")}
    assert "negotiations" in issues
    store.close()


def test_a_failing_article_is_reported_and_the_rest_annotated(annotator, tmp_path, monkeypatch):
    store = open_store(tmp_path / "t.db")
    store.ingest([str(DEMO / "corpus" / "wire.jsonl")])
    real = annotator.annotate_doc
    calls = []

    def flaky(article, doc):
        calls.append(article.id)
        if len(calls) == 1:
            raise RuntimeError("rule tripped")
        return real(article, doc)
    monkeypatch.setattr(annotator, "annotate_doc", flaky)
    errors: list[str] = []
    assert annotate_store(store.conn, annotator, errors=errors) == 1
    assert len(errors) == 1 and "rule tripped" in errors[0] and calls[0] in errors[0]
    assert len(pending_articles(store.conn)) == 1  # the failed one is left to retry
    store.close()


GERMAN = ("Ostrel und Varnia haben sich am Dienstag auf neue Gespräche geeinigt. \"Wir sind bereit\", sagte die "
          "Außenministerin in Teloria. Die Sanktionen bleiben vorerst in Kraft.")


def test_an_article_in_another_language_is_left_unannotated_and_named(annotator, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "de-1", "language": "de", "text": GERMAN}) + "\n"
                      + json.dumps({"id": "en-1", "language": "en", "text": "Varnia said it was ready for talks."})
                      + "\n", encoding="utf-8")
    skipped: list[str] = []
    count, errors = annotate_jsonl(source, tmp_path / "out.jsonl", annotator, skipped=skipped)
    out = {a.id: a for a in read_jsonl((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())}
    assert count == 2 and not errors
    assert not out["de-1"].statements and not out["de-1"].events and out["en-1"].statements
    assert len(skipped) == 1 and "de-1" in skipped[0] and "'de'" in skipped[0]


def test_a_stored_article_in_another_language_is_done_with_nothing_found(annotator, tmp_path):
    store = open_store(tmp_path / "t.db")
    source = tmp_path / "de.txt"
    source.write_text("Gespräche in Aldenport\n\n" + GERMAN + "\n", encoding="utf-8")
    assert store.ingest([str(source)]).ok
    skipped: list[str] = []
    assert annotate_store(store.conn, annotator, skipped=skipped) == 0
    assert len(skipped) == 1 and pending_articles(store.conn) == []
    assert store.conn.execute("SELECT count(*) FROM statements").fetchone()[0] == 0
    store.close()


def test_a_stance_is_dated_when_it_was_taken_not_when_its_plan_falls_due(annotator):
    from parley.model import Article
    text = "On Wednesday, Varnia and Ostrel agreed to meet again in early May."
    article = next(annotator.annotate([Article(id="p", text=text, published="2026-04-16")]))
    talks = [p for p in article.positions if p.issue == "negotiations" and p.actor == "var"]
    assert talks and all(p.date is None or p.date <= "2026-04-16" for p in talks)
    assert any(e.type == "AGREE" and e.date == "2026-05" for e in article.events)


def test_an_outlet_citing_itself_is_no_statement(annotator):
    from parley.model import Article
    text = "Varnia will resume talks with Ostrel next week, according to Halcyon Wire."
    own, other = annotator.annotate([Article(id="a", text=text, outlet="Halcyon Wire"),
                                     Article(id="b", text=text, outlet="The Sarnhold Ledger")])
    assert not own.statements
    assert [s.speaker_text for s in other.statements] == ["Halcyon Wire"]
