"""Ingestion through the library API: every kind of source, metadata, duplicates, and every kind of bad input."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from ingest_fixtures import FIXTURES, SHARED, html, serve
from parley.api import IngestReport, Store, open_store
from parley.ingest.fetch import Fetcher
from parley.ingest.language import normalise

BODY = ("The foreign ministers met in Vienna on Tuesday and agreed to resume talks on a prisoner exchange, "
        "officials said after the meeting.\n\n\"We are closer than a week ago,\" the mediator told reporters.")


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    with open_store(tmp_path / "parley.db") as opened:
        yield opened


def _status(report: IngestReport) -> list[tuple[str, str]]:
    return [(Path(r.source).name if "://" not in r.source else r.source, r.status) for r in report.results]


def _reason(report: IngestReport, status: str = "error") -> str:
    return next(r.reason for r in report.results if r.status == status)


def test_shared_samples_are_stored_once(store: Store) -> None:
    if not (SHARED / "samples").exists():
        pytest.skip("shared samples not available")
    first = store.ingest([str(SHARED / "samples")])
    assert (first.stored, first.errors, first.ok) == (3, 0, True)
    again = store.ingest([str(SHARED / "samples")])
    assert (again.stored, again.duplicates, again.ok) == (0, 3, True)
    assert store.count() == 3
    outlets = {a.outlet for a in store.articles()}
    assert {"RT", "UNN"} <= outlets


def test_same_text_from_another_path_or_with_other_whitespace_is_a_duplicate(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY.replace("\n\n", "\r\n\r\n\r\n").replace(" on ", "  on\u00a0") + "\n\n")
    report = store.ingest([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert _status(report) == [("a.txt", "stored"), ("b.txt", "duplicate")]
    assert report.results[1].article_id == report.results[0].article_id
    assert store.count() == 1


def test_near_duplicates_are_linked_not_merged(store: Store, tmp_path: Path) -> None:
    story = " ".join(f"Sentence {n} of the wire story says the delegations discussed item {n} at length."
                     for n in range(40))
    (tmp_path / "wire.txt").write_text(story)
    (tmp_path / "reprint.txt").write_text(story.replace("item 7 ", "point 7 ") + " Copyright the reprinting site.")
    (tmp_path / "other.txt").write_text(BODY)
    report = store.ingest([str(tmp_path)])
    assert report.stored == 3
    reprint = next(r for r in report.results if r.source.endswith("reprint.txt"))
    wire = next(r for r in report.results if r.source.endswith("wire.txt"))
    # The later of the two (folders are read in name order) carries the link; both ends can see it.
    assert [other for other, _j in wire.near_duplicates] == [reprint.article_id]
    assert [other for other, _j in store.near_duplicates(reprint.article_id)] == [wire.article_id]
    assert 0.8 <= wire.near_duplicates[0][1] < 1.0


def test_near_duplicate_index_is_rebuilt_from_the_store(tmp_path: Path) -> None:
    story = " ".join(f"Paragraph {n}: the envoy shuttled between the two rooms for hour {n}." for n in range(40))
    (tmp_path / "one.txt").write_text(story)
    (tmp_path / "two.txt").write_text(story.replace("hour 3.", "hour three."))
    with open_store(tmp_path / "s.db") as store:
        store.ingest([str(tmp_path / "one.txt")])
    with open_store(tmp_path / "s.db") as store:
        report = store.ingest([str(tmp_path / "two.txt")])
    assert report.results[0].near_duplicates and report.results[0].near_duplicates[0][0] == 1


def test_html_metadata_and_text(store: Store) -> None:
    report = store.ingest([str(FIXTURES / "article.html")])
    article = store.get_article(report.results[0].article_id)
    assert (article.title, article.author, article.outlet, article.published, article.language) == (
        "Ceasefire monitors deploy along the Dniester", "Mara Ionescu", "Riverside Times", "2025-06-03", "en")
    assert article.url == "https://riverside.example/2025/06/ceasefire-monitors"
    assert "“Our teams will patrol both banks every day,”" in article.text
    assert "A fragile truce" in article.text and "All rights reserved" not in article.text
    assert store.raw(article.id)[1] == (FIXTURES / "article.html").read_bytes()


def test_plain_text_provenance_and_dropped_lines(store: Store) -> None:
    path = FIXTURES / "boilerplate.txt"
    report = store.ingest([str(path)])
    article = store.get_article(report.results[0].article_id)
    assert (article.source, article.source_kind) == (str(path), "file")
    assert article.author == "Anna Keller and Tomas Brandt" and article.published == "2025-03-12"
    assert article.retrieved_at.endswith("+00:00")
    assert article.raw_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    dropped = store.dropped_lines(article.id)
    assert ("Advertisement", "advertisement") in {(d.text, d.rule) for d in dropped}
    assert all(d.reason for d in dropped)


def test_every_quote_style_survives_and_odd_characters_are_normalised(store: Store, tmp_path: Path) -> None:
    quotes = "“double” „low“ «guillemets» ‘single’ 'straight' \"plain\""
    raw = (f"The minister said the talks would go on, using words such as {quotes} in one statement.\r\n"
           "Soft\u00adhyphen, zero\u200bwidth and no\u00a0break spaces are gone from this sentence.")
    (tmp_path / "q.txt").write_text(raw, encoding="utf-8")
    article = store.get_article(store.ingest([str(tmp_path / "q.txt")]).results[0].article_id)
    assert quotes in article.text
    assert "Softhyphen, zerowidth and no break" in article.text and "\r" not in article.text
    assert normalise("e\u0301") == "é"


def test_language_detection_and_override(store: Store, tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text("Die Außenminister trafen sich am Dienstag in Wien und vereinbarten, "
                                     "die Gespräche über einen Gefangenenaustausch fortzusetzen.")
    (tmp_path / "en.txt").write_text(BODY)
    detected = store.ingest([str(tmp_path / "de.txt")])
    assert store.get_article(detected.results[0].article_id).language == "de"
    forced = store.ingest([str(tmp_path / "en.txt")], language="fr", outlet="Le Monde", published="2025-04-01")
    article = store.get_article(forced.results[0].article_id)
    assert (article.language, article.outlet, article.published) == ("fr", "Le Monde", "2025-04-01")


def test_manifest_matches_by_relative_path_or_file_name(store: Store, tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "plain.txt", tmp_path / "plain.txt")
    report = store.ingest([str(tmp_path / "plain.txt")], manifest=FIXTURES / "manifest.csv")
    article = store.get_article(report.results[0].article_id)
    assert (article.outlet, article.published, article.language) == ("Harbour Gazette", "2025-02-01", "en")
    assert article.title == "Negotiators meet again in Geneva"


def test_jsonl_objects_keep_their_ids_and_a_bad_line_is_reported(store: Store, tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "w-1", "outlet": "Wire", "published": "2025-01-02", "language": "en", "text": BODY}),
        "{not json",
        json.dumps({"id": "w-2", "text": 42}),
        "",
        json.dumps({"id": "w-3", "text": "Moscow said on Friday it was ready to talk, but only on its own terms."}),
    ]
    (tmp_path / "wire.jsonl").write_text("\n".join(lines))
    report = store.ingest([str(tmp_path / "wire.jsonl")])
    assert _status(report) == [("wire.jsonl:1", "stored"), ("wire.jsonl:2", "error"), ("wire.jsonl:3", "error"),
                               ("wire.jsonl:5", "stored")]
    assert "bad JSONL line" in report.results[1].reason
    first = store.get_article("w-1")
    assert (first.outlet, first.published, first.source_kind, first.via) == (
        "Wire", "2025-01-02", "jsonl", str(tmp_path / "wire.jsonl"))
    assert store.get_article("w-3") is not None


def test_a_reused_jsonl_id_gets_a_suffix_instead_of_losing_the_article(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "1", "text": BODY}))
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "1", "text": "Another story: the summit was postponed "
                                                                     "until June, diplomats said."}))
    report = store.ingest([str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")])
    assert report.stored == 2 and report.results[1].uid.startswith("1-")


def test_urls_and_feeds_from_a_local_server(store: Store, tmp_path: Path) -> None:
    page = (FIXTURES / "article.html").read_bytes()
    with serve({"/story.html": html(page), "/plain.txt": (200, {"Content-Type": "text/plain"}, BODY.encode())}) as srv:
        feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>
          <item><title>Feed title</title><link>{srv.url}/plain.txt</link>
                <pubDate>Mon, 03 Feb 2025 10:00:00 +0000</pubDate><author>desk@example.org (Desk)</author></item>
          <item><title>Broken: no link</title></item>
          <item><title>Dead link</title><link>{srv.url}/gone.html</link></item>
          <item><title>Same page again</title><link>{srv.url}/story.html</link></item>
        </channel></rss>"""
        srv.routes["/feed"] = (200, {"Content-Type": "application/rss+xml"}, feed.encode())
        (tmp_path / "feed.xml").write_text(feed)
        report = store.ingest([srv.url + "/story.html", srv.url + "/feed"], allow_private=True)
        assert [r.status for r in report.results] == ["stored", "stored", "error", "error", "duplicate"]
        assert "no link" in report.results[2].reason and "HTTP 404" in report.results[3].reason
        from_feed = store.get_article(report.results[1].article_id)
        assert (from_feed.title, from_feed.published, from_feed.source_kind, from_feed.via) == (
            "Feed title", "2025-02-03", "feed", srv.url + "/feed")
        assert from_feed.outlet == "Test feed"
        page_article = store.get_article(report.results[0].article_id)
        assert (page_article.source_kind, page_article.source) == ("url", srv.url + "/story.html")
        # A feed file on disk is recognised by its content; already-known links count as success.
        again = store.ingest([str(tmp_path / "feed.xml")], allow_private=True)
        assert [r.status for r in again.results] == ["duplicate", "error", "error", "duplicate"]


def test_private_urls_need_the_flag(store: Store) -> None:
    with serve({"/story.html": html((FIXTURES / "article.html").read_bytes())}) as srv:
        report = store.ingest([srv.url + "/story.html"])
    assert not report.ok and "--allow-private" in _reason(report)


def test_robots_refusal_and_unreachable_urls_are_reported(store: Store) -> None:
    robots = (200, {}, b"User-agent: Parley\nDisallow: /\n")
    with serve({"/robots.txt": robots, "/a.html": html(b"<p>x</p>")}) as srv:
        report = store.ingest([srv.url + "/a.html", "http://127.0.0.1:9/nothing"], allow_private=True,
                              fetcher_factory=lambda **kw: Fetcher(retries=0, **kw))
    assert [r.status for r in report.results] == ["error", "error"]
    assert "robots.txt" in report.results[0].reason and "unreachable" in report.results[1].reason


def test_bad_inputs_each_get_one_clear_line_and_the_batch_goes_on(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a_empty.txt").write_text("  \n\n")
    (bad / "b_binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (bad / "c_pdf.txt").write_bytes(b"%PDF-1.7 ...")
    (bad / "d_latin1.txt").write_bytes("Die Gespräche in Genf wurden am Montag fortgesetzt.".encode("latin-1"))
    (bad / "e_nohtml.html").write_bytes(b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (bad / "f_broken.html").write_bytes(b"<html><<<>>><body></div></p><td>")
    with open(bad / "g_huge.txt", "wb") as huge:
        huge.truncate(20 * 2**20 + 1)
    (bad / "h_words.txt").write_text("Home About Contact")
    (bad / "i_sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    (bad / "j_image.png").write_bytes(b"\x89PNG....")
    (bad / ".hidden.txt").write_text(BODY)
    (bad / "z_good.txt").write_text(BODY)
    report = store.ingest([str(bad), str(tmp_path / "missing.txt")])
    reasons = {Path(r.source).name: (r.status, r.reason) for r in report.results}
    expected = {
        "a_empty.txt": "empty", "b_binary.txt": "binary file", "c_pdf.txt": "PDF",
        "d_latin1.txt": "undecodable bytes", "e_nohtml.html": "no article text",
        "f_broken.html": "no article text", "g_huge.txt": "too large", "h_words.txt": "no article text",
        "i_sitemap.xml": "not an RSS or Atom feed", "j_image.png": "not an article file type",
        "missing.txt": "no such file",
    }
    for name, phrase in expected.items():
        status, reason = reasons[name]
        assert phrase in reason, (name, reason)
        assert status == ("skipped" if name == "j_image.png" else "error")
    assert reasons["z_good.txt"] == ("stored", None)
    assert ".hidden.txt" not in reasons
    assert (report.stored, report.ok) == (1, False)


def test_malformed_html_with_text_is_still_read(store: Store, tmp_path: Path) -> None:
    (tmp_path / "m.html").write_text("<html><body><p>The envoy said on Monday that both sides had agreed to a "
                                     "ceasefire along the river.<div><b>Talks will resume in May, he added.")
    report = store.ingest([str(tmp_path / "m.html")])
    assert report.stored == 1
    assert "Talks will resume in May" in store.get_article(report.results[0].article_id).text


def test_a_bad_manifest_stops_before_anything_is_read(store: Store, tmp_path: Path) -> None:
    (tmp_path / "m.csv").write_text("name,outlet\nx.txt,RT\n")
    with pytest.raises(ValueError, match="'file' column"):
        store.ingest([str(FIXTURES / "plain.txt")], manifest=tmp_path / "m.csv")


def test_no_clean_keeps_annotation_format_texts_as_given(store: Store) -> None:
    gold = SHARED / "gold" / "samples.jsonl"
    if not gold.exists():
        pytest.skip("shared gold file not available")
    report = store.ingest([gold], clean=False)
    assert report.stored == 3 and not any(store.dropped_lines(r.article_id) for r in report.results)
    for line in gold.read_text(encoding="utf-8").splitlines():
        expected = json.loads(line)
        article = store.get_article(expected["id"])
        assert article.text == normalise(expected["text"]).strip()
        assert (article.outlet, article.published, article.language) == (
            expected["outlet"], expected["published"], expected["language"])


def test_an_unexpected_parser_failure_is_one_item_error(store: Store, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import parley.api

    real_build = parley.api.build

    def flaky_build(item, options, manifest=None):
        if item.source.endswith("a.txt"):
            raise RecursionError("parser blew up")
        return real_build(item, options, manifest)

    monkeypatch.setattr(parley.api, "build", flaky_build)
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "b.txt").write_text(BODY.replace("Vienna", "Oslo"))
    report = store.ingest([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert [r.status for r in report.results] == ["error", "stored"]
    assert "RecursionError: parser blew up" in report.results[0].reason
