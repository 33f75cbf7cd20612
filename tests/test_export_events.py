"""PLOVER and CAMEO exports of events, from hand-made article objects."""
import csv
import io
import json

from parley.export_events import CAMEO_COLUMNS, write_cameo, write_plover
from parley.model import Actor, Article, Event

TEXT = "Talks began in Geneva. On Monday Russia attacked Ukraine with drones.\nNothing else happened."


def article():
    start = TEXT.index("Russia attacked")
    evidence = "Russia attacked Ukraine with drones"
    return Article(
        id="a1", text=TEXT, outlet="Wire", published="2022-03-02", url="https://example.org/a1",
        actors=[Actor(id="rus", name="Russia", country="RUS", kind="state"),
                Actor(id="ukr", name="Ukraine", country="UKR", kind="state")],
        events=[Event(source="rus", type="ASSAULT", target="ukr", date="2022-02-28", evidence=evidence,
                      mode="drone", start=start, end=start + len(evidence), score=-9.0, cameo="19"),
                Event(source="ukr", type="REQUEST", target=None, date="2022-03", negated=True,
                      evidence="Talks began\tin Geneva")])


def test_plover_records():
    out = io.StringIO()
    assert write_plover([article()], out) == 2
    first, second = [json.loads(line) for line in out.getvalue().splitlines()]
    assert first["event_type"] == "ASSAULT" and first["mode"] == "drone" and first["context"] == ["military"]
    assert (first["source"], first["source_country"], first["target_country"]) == ("Russia", "RUS", "UKR")
    assert first["intensity"] == -9.0 and first["cameo"] == "19" and first["date"] == "2022-02-28"
    assert first["sentence"] == "On Monday Russia attacked Ukraine with drones."
    assert (first["article_id"], first["outlet"], first["url"]) == ("a1", "Wire", "https://example.org/a1")
    assert second["target"] is None and second["negated"] is True
    assert second["intensity"] == 0 and second["cameo"] == "10"  # filled from the type when missing
    assert first["id"] != second["id"]


def test_cameo_table(tmp_path):
    path = tmp_path / "events.tsv"
    assert write_cameo([article(), Article(id="empty", text="x")], path) == 2
    rows = list(csv.DictReader(open(path, encoding="utf-8"), delimiter="\t"))
    assert tuple(rows[0]) == CAMEO_COLUMNS
    first, second = rows
    assert first["SQLDATE"] == "20220228" and first["EventRootCode"] == "19" and first["QuadClass"] == "4"
    assert first["Actor1CountryCode"] == "RUS" and first["Actor2CountryCode"] == "UKR"
    assert first["GoldsteinScale"] == "-9.0" and first["IsNegated"] == "0"
    assert first["SOURCEURL"] == "https://example.org/a1"
    assert second["SQLDATE"] == "20220300" and second["IsNegated"] == "1" and second["QuadClass"] == "3"
    assert second["Evidence"] == "Talks began in Geneva" and second["Actor2Name"] == ""
    assert [r["GLOBALEVENTID"] for r in rows] == ["1", "2"]
