"""The JSON API: every endpoint, pagination limits, read-only and token guards, a valid OpenAPI document."""
from __future__ import annotations

import sqlite3

import pytest
from openapi_spec_validator import validate

from web_fixtures import TestClient, article_id, web_store  # noqa: F401  (web_store is a fixture)

from parley.store import queries
from parley.web.app import create_app, is_loopback, serve


@pytest.fixture(scope="module")
def client(web_store):
    return TestClient(create_app(web_store))


def _page(body: dict, limit: int) -> list[dict]:
    assert {"total", "limit", "offset", "items"} <= body.keys()
    assert body["limit"] == limit
    assert len(body["items"]) <= limit
    return body["items"]


def test_overview(client):
    body = client.get("/api/overview").json()
    assert body["totals"]["articles"] == 5
    assert {r["outlet"] for r in body["articles_by_outlet_week"]} == {"Northern Wire", "Harbor Times"}
    assert body["latest_statements"][0]["published"] == "2022-01-26"
    assert body["dyads"][0]["a"] == "rus" and body["dyads"][0]["b"] == "usa"
    moved = body["moved"]
    assert moved["issues"][0]["issue"] == "negotiations" and moved["issues"][0]["changes"] == 1
    assert moved["changes"][0] == {"id": moved["changes"][0]["id"], "article_id": moved["changes"][0]["article_id"],
                                   "actor": "usa", "actor_name": "United States", "issue": "negotiations",
                                   "previous": "against", "stance": "for", "day": "2022-01-25"}


def test_search_articles_and_statements(client):
    items = _page(client.get("/api/search", params={"q": "guarantees"}).json(), 20)
    assert {i["title"] for i in items} == {"Putin demands security guarantees", "Washington rejects Moscow's demands"}
    assert all(i["kind"] == "article" and "\ue000guarantees\ue001" in i["snippet"] for i in items)
    body = client.get("/api/search", params={"q": "talks", "scope": "statements"}).json()
    assert body["scope"] == "statements" and body["query"] == '"talks"'
    assert [i["speaker"] for i in body["items"]] == ["blinken"]


@pytest.mark.parametrize("q", ['"', "talks AND (", "NEAR(", "*", "title:x", "a OR", "'; DROP TABLE articles; --"])
def test_search_treats_fts_syntax_as_words(client, q):
    response = client.get("/api/search", params={"q": q})
    assert response.status_code == 200
    assert response.json()["total"] >= 0


def test_search_filters(client):
    def titles(**params):
        return {i["title"] for i in client.get("/api/search", params=params).json()["items"]}
    assert titles(q="Moscow", outlet="Harbor Times") == {"Washington rejects Moscow's demands",
                                                         "US now open to talks with Moscow"}
    assert titles(actor="zelensky") == {"Zelensky: Kyiv wants to join NATO"}
    assert titles(event_type="AGREE") == {"US now open to talks with Moscow"}
    assert titles(issue="security_guarantees", date_from="2022-01-05") == {"Washington rejects Moscow's demands"}
    assert titles(date_to="2022-01-04") == {"Putin demands security guarantees"}
    assert client.get("/api/search", params={"date_from": "tomorrow"}).status_code == 422


def test_articles_listing_and_detail(client, web_store):
    items = _page(client.get("/api/articles", params={"limit": 2}).json(), 2)
    assert [i["published"] for i in items] == ["2022-01-26", "2022-01-25"]
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert second["offset"] == 2 and second["total"] == 5
    detail = client.get(f"/api/articles/{article_id(web_store, 'a1')}").json()
    assert detail["statements"][0]["text"] == "We need legal guarantees of our security."
    text = detail["text"]
    for item in detail["statements"] + detail["events"] + detail["positions"]:
        assert text[item["start"]:item["end"]] == (item.get("evidence") or item["text"])
    assert detail["dropped_lines"][0]["rule"] == "share"
    assert client.get("/api/articles/999").status_code == 404


def test_actors(client):
    items = _page(client.get("/api/actors").json(), 50)
    assert items[0]["id"] == "rus" and items[0]["articles"] == 4
    assert [i["id"] for i in client.get("/api/actors", params={"q": "blink"}).json()["items"]] == ["blinken"]
    usa = client.get("/api/actors/usa").json()
    negotiations = next(i for i in usa["issues"] if i["issue"] == "negotiations")
    assert (negotiations["first_stance"], negotiations["latest_stance"], negotiations["status"]) == \
        ("against", "for", "shifting")
    positions = client.get("/api/actors/usa/positions", params={"issue": "negotiations"}).json()
    assert [p["stance"] for p in positions["items"]] == ["for", "against"]
    assert positions["items"][0]["reported_by"] == "blinken" and positions["items"][0]["outlet"] == "Harbor Times"
    said = client.get("/api/actors/blinken/statements").json()
    assert said["total"] == 4
    for path in ("/api/actors/nobody", "/api/actors/nobody/positions", "/api/actors/nobody/statements"):
        assert client.get(path).status_code == 404


def test_dyads_by_actor_and_by_country(client):
    body = client.get("/api/dyads/usa/rus").json()
    assert body["a"]["kind"] == "actor" and body["total"] == 5
    assert {(w["week"], w["direction"]) for w in body["weekly"]} == {
        ("2022-01-10", "ab"), ("2022-01-24", "ab"), ("2022-01-24", "ba")}
    week = next(w for w in body["weekly"] if w["week"] == "2022-01-10")
    assert week["score"] == -4.0 and week["events"] == 2
    countries = client.get("/api/dyads/NATO/RUS").json()
    assert countries["a"]["kind"] == "country" and countries["b"]["kind"] == "country"
    assert {e["source"] for e in countries["items"]} == {"rus", "putin"}
    assert client.get("/api/dyads/usa/XXX").status_code == 404


def test_issues(client):
    body = client.get("/api/issues").json()
    by_id = {i["id"]: i for i in _page(body, 50)}
    assert by_id["negotiations"]["actors_shifting"] == 1
    assert {c["status"] for c in body["matrix"]["cells"] if c["actor"] == "usa"} == {"shifting", "against"}
    issue = client.get("/api/issues/nato_enlargement").json()
    assert issue["issue"]["proposition"].startswith("NATO keeps")
    assert {(i["actor"], i["status"]) for i in issue["items"]} == {("rus", "against"), ("nato", "for"), ("ukr", "for")}
    assert client.get("/api/issues/unknown").status_code == 404


def test_outlets(client):
    names = [o["name"] for o in _page(client.get("/api/outlets").json(), 50)]
    assert names == ["Harbor Times", "Northern Wire"]
    body = client.get("/api/outlets/Harbor Times").json()
    assert body["items"][0]["actor"] == "blinken" and body["items"][0]["share"] == pytest.approx(0.8)
    mix = {m["type"]: m for m in body["event_mix"]}
    assert mix["REJECT"]["events"] == 2 and mix["ACCUSE"]["events"] == 0 and mix["ACCUSE"]["corpus_events"] == 1
    assert client.get("/api/outlets/Nowhere").status_code == 404


def test_events_filters(client):
    assert client.get("/api/events").json()["total"] == 9
    rejects = client.get("/api/events", params={"actor": "usa", "type": "REJECT"}).json()
    assert rejects["total"] == 2
    received = client.get("/api/events", params={"actor": "usa", "direction": "target"}).json()
    assert [e["source"] for e in received["items"]] == ["rus"]
    dated = client.get("/api/events", params={"date_from": "2022-01-18", "date_to": "2022-01-25"}).json()
    assert {e["day"] for e in dated["items"]} == {"2022-01-18", "2022-01-25"}


@pytest.mark.parametrize("path", ["/api/articles", "/api/actors", "/api/events", "/api/issues", "/api/outlets",
                                  "/api/search", "/api/actors/usa/positions", "/api/dyads/usa/rus",
                                  "/api/issues/negotiations", "/api/outlets/Harbor Times"])
def test_page_size_is_capped(client, path):
    assert client.get(path, params={"limit": 201}).status_code == 422
    assert client.get(path, params={"limit": 0}).status_code == 422
    assert client.get(path, params={"limit": 200}).json()["limit"] == 200


def test_openapi_document_validates(client):
    document = client.get("/openapi.json").json()
    validate(document)
    paths = document["paths"]
    for path in ("/api/overview", "/api/search", "/api/articles", "/api/articles/{article_id}", "/api/actors",
                 "/api/actors/{actor_id}", "/api/actors/{actor_id}/positions", "/api/dyads/{a}/{b}", "/api/issues",
                 "/api/issues/{issue_id}", "/api/outlets", "/api/outlets/{name}", "/api/events"):
        assert set(paths[path]) == {"get"}, path
        schema = paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in schema, path
    assert not any(p.startswith("/actors") or p == "/" for p in paths)  # pages stay out of the API document


def test_nothing_writes(client, web_store):
    for method in ("post", "put", "patch", "delete"):
        assert getattr(client, method)("/api/articles").status_code == 405
    conn = queries.connect(web_store)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM articles")
    conn.close()


def test_token_guard(web_store):
    guarded = TestClient(create_app(web_store, token="s3cret"))
    assert guarded.get("/api/overview").status_code == 401
    assert guarded.get("/api/overview", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert guarded.get("/api/overview", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    first = guarded.get("/", params={"token": "s3cret"})
    assert first.status_code == 200 and "parley_token" in first.cookies
    assert guarded.get("/issues").status_code == 200  # the cookie carries the token on
    assert TestClient(create_app(web_store, token="s3cret")).get("/issues").status_code == 401


def test_serve_refuses_an_open_host_without_a_token(web_store):
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    with pytest.raises(ValueError, match="token"):
        serve(web_store, host="0.0.0.0")


def test_missing_store_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "absent.db")


def test_serve_command_refuses_an_open_host_without_a_token(web_store):
    from typer.testing import CliRunner

    from parley.cli import app
    done = CliRunner().invoke(app, ["--db", str(web_store), "serve", "--host", "0.0.0.0"], env={"PARLEY_TOKEN": ""})
    assert done.exit_code == 2
