"""A synthetic store of ≥ 10,000 annotated articles for the web benchmark, made by script.

The articles are invented from templates (no real text), with the shape of a busy news
archive: a dozen outlets over three years, a few hundred actors of some forty countries,
and per article a handful of statements, PLOVER events and positions, each with true
character offsets. It goes through the store's own code (migrations, `articles.insert`,
`save_annotations`), so the web layer is measured on the schema and indexes it will meet.

    .venv/bin/python -m bench.make_store [--articles 10000] [--out bench/out/web-store.db]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import time
from datetime import date, timedelta
from pathlib import Path

from parley.model import Actor, Article, Event, Position, Statement
from parley.store import articles, db, migrations
from parley.store.annotations import save_annotations

OUT = Path(__file__).resolve().parent / "out"
VERSION = 2  # bump when the generated data changes, so a cached store is rebuilt

COUNTRIES = ["RUS", "USA", "UKR", "DEU", "FRA", "GBR", "TUR", "CHN", "POL", "ITA", "ESP", "NLD", "BEL", "SWE",
             "FIN", "NOR", "DNK", "EST", "LVA", "LTU", "BLR", "GEO", "MDA", "ARM", "AZE", "KAZ", "IRN", "ISR",
             "IND", "BRA", "ZAF", "JPN", "KOR", "CAN", "AUS", "HUN", "ROU", "BGR", "GRC", "SRB"]
ORGANISATIONS = ["NATO", "EU", "UN", "OSCE"]
ROLES = ["President", "Foreign Minister", "Defence Minister", "spokesperson", "ambassador", "envoy"]
FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas", "Katja", "Lars",
         "Mira", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tanya", "Viktor"]
LAST = ["Adler", "Brandt", "Costa", "Dubois", "Egorov", "Fischer", "Garcia", "Horvat", "Ivanov", "Jensen", "Kowalski",
        "Larsen", "Moreau", "Novak", "Orlov", "Petrov", "Quinn", "Rossi", "Schmidt", "Tamm"]
OUTLETS = ["Northern Wire", "Harbor Times", "The Daily Ledger", "Capital Observer", "Eastern Courier",
           "Global Dispatch", "Morning Record", "Baltic Review", "Continental Post", "The Evening Standard Bearer",
           "Policy Monitor", "World Desk"]
ISSUES = {
    "nato_enlargement": "NATO admits new members.",
    "security_guarantees": "Russia receives binding security guarantees.",
    "nato_military_presence": "NATO forces stay in Eastern Europe.",
    "sanctions_on_russia": "Sanctions on Russia stay in place.",
    "western_aid_to_ukraine": "Western states keep arming Ukraine.",
    "russian_territorial_claims": "Russia's territorial claims are accepted.",
    "negotiations": "The parties negotiate now.",
    "new_world_order": "A multipolar order replaces the Western-led one.",
    "ukraine_in_talks": "Ukraine takes part in every negotiation about it.",
}
FILLER = ("Officials familiar with the discussions described the atmosphere as tense but businesslike. "
          "Analysts said the outcome would depend on the next round of consultations. "
          "Diplomats from several capitals were expected to follow the meeting closely. "
          "The ministry did not respond to a request for comment on Tuesday. "
          "Markets reacted calmly to the news, with regional currencies little changed. "
          "Observers noted that both sides had repeated long-standing positions. ")
SAID = ["We will not accept any agreement that ignores our interests",
        "The door to dialogue remains open if the other side is serious",
        "These demands are unacceptable and everyone knows it",
        "Security in Europe cannot be built against anyone",
        "We are ready to continue talks at the expert level next month",
        "Sanctions will stay until the troops are withdrawn"]
EVENT_PHRASES = {"AGREE": "agreed with", "CONSULT": "held talks with", "SUPPORT": "expressed support for",
                 "CONCEDE": "made concessions to", "COOPERATE": "signed a cooperation deal with",
                 "AID": "sent aid to", "RETREAT": "withdrew forces facing", "REQUEST": "called on",
                 "ACCUSE": "accused", "REJECT": "rejected the proposals of", "THREATEN": "threatened",
                 "PROTEST": "protested against", "SANCTION": "imposed sanctions on", "MOBILIZE": "massed troops near",
                 "COERCE": "seized assets of", "ASSAULT": "struck targets of"}


def make_actors(rng: random.Random) -> list[Actor]:
    """A state actor per country, four or five officials each, and the international organisations."""
    actors = [Actor(code.lower(), f"State of {code}", [code], code, "state") for code in COUNTRIES]
    actors += [Actor(code.lower(), code, [], code, "organization") for code in ORGANISATIONS]
    for code in COUNTRIES:
        for n in range(rng.randint(4, 5)):
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            actors.append(Actor(f"{code.lower()}-{n}", name, [name.split()[1]], code, "person",
                                f"{ROLES[n % len(ROLES)]} of {code}"))
    return actors


class _Text:
    """Builds an article text while remembering where each added piece starts and ends."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def make_article(rng: random.Random, number: int, actors: list[Actor], weights: list[float]) -> Article:
    """One invented article: a few statements, events and positions, with filler between them."""
    published = date(2021, 1, 1) + timedelta(days=int(rng.triangular(0, 1095, 1000)))
    cast = list({a.id: a for a in rng.choices(actors, weights, k=6)}.values())
    body = _Text()
    statements, events, positions = [], [], []
    for _ in range(rng.randint(2, 6)):
        speaker = rng.choice(cast)
        body.add(rng.choice(["", FILLER[: rng.randint(80, len(FILLER))]]))
        speaker_span = body.add(speaker.name)
        body.add(" said: \"")
        said = rng.choice(SAID)
        start, end = body.add(said)
        body.add(".\" ")
        statements.append(Statement(speaker.id, said, "direct", speaker.name, "said", start, end, *speaker_span))
        if rng.random() < 0.5:
            stance = rng.choice(["for", "against"])
            positions.append(Position(speaker.id if speaker.kind != "person" else speaker.country.lower(),
                                      rng.choice(list(ISSUES)), stance, said, speaker.id, None, start, end))
    for _ in range(rng.randint(1, 5)):
        source, target = rng.sample(cast, 2) if len(cast) > 1 else (cast[0], None)
        kind = rng.choice(list(EVENT_PHRASES))
        sentence = f"{source.name} {EVENT_PHRASES[kind]} {target.name if target else 'its neighbours'}"
        start, end = body.add(sentence)
        body.add(". ")
        when = str(published - timedelta(days=rng.randint(0, 3))) if rng.random() < 0.6 else None
        events.append(Event(source.id, kind, target.id if target else None, when, rng.random() < 0.05, sentence,
                            start=start, end=end))
    for _ in range(rng.randint(0, 2)):
        who = rng.choice(cast)
        sentence = f"{who.name} has made clear where it stands on the question"
        start, end = body.add(sentence)
        body.add(". ")
        positions.append(Position(who.id, rng.choice(list(ISSUES)), rng.choice(["for", "against"]), sentence,
                                  None, None, start, end))
    body.add(FILLER * rng.randint(2, 6))
    text = body.text()
    named = {s.speaker for s in statements} | {e.source for e in events} | {e.target for e in events} | \
        {p.actor for p in positions} | {p.reported_by for p in positions}
    by_id = {a.id: a for a in actors}
    return Article(f"bench-{number:06d}", text, rng.choice(OUTLETS), str(published), "en",
                   f"{cast[0].name} and {cast[-1].name}: talks continue ({number})",
                   f"https://news.example/bench/{number}",
                   actors=[by_id[i] for i in sorted(i for i in named if i)],
                   statements=statements, events=events, positions=positions)


def create_store(path: Path) -> sqlite3.Connection:
    """An empty store at the current schema version."""
    conn = db.connect(path)
    migrations.migrate(conn)
    return conn


def build(path: Path, count: int = 10_000, seed: int = 7) -> Path:
    """Write a fresh store of `count` articles to `path`."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    actors = make_actors(rng)
    weights = [30.0 if a.kind != "person" and a.country in ("RUS", "USA", "UKR", "NATO", "EU") else
               3.0 if a.kind != "person" else 1.0 for a in actors]
    conn = create_store(path)
    with db.transaction(conn):
        conn.executemany("INSERT INTO issues (id, negotiation, proposition) VALUES (?, 'bench', ?)", ISSUES.items())
    for first in range(0, count, 500):
        with db.transaction(conn):
            for number in range(first, min(first + 500, count)):
                art = make_article(rng, number, actors, weights)
                raw = art.text.encode()
                digest = hashlib.sha256(raw + str(number).encode()).hexdigest()
                new = articles.NewArticle(uid=art.id, text=art.text, content_key=digest, source=f"{art.id}.txt",
                                          source_kind="file", retrieved_at="2024-01-01T00:00:00+00:00", raw=raw,
                                          raw_sha256=digest, media_type="text/plain", title=art.title,
                                          outlet=art.outlet, published=art.published, language="en", url=art.url)
                save_annotations(conn, articles.insert(conn, new, []), art, 1, "2024-01-01T00:00:00+00:00")
    conn.execute("PRAGMA optimize")
    conn.close()
    return path


def ensure_store(count: int = 10_000) -> Path:
    """The cached benchmark store under bench/out/, built on first use."""
    path = OUT / f"web-store-v{VERSION}-{count}.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, count)
        print(f"built {path} ({count} articles) in {time.perf_counter() - started:.0f} s")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the synthetic benchmark store.")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.out:
        build(args.out, args.articles)
        print(args.out)
    else:
        print(ensure_store(args.articles))


if __name__ == "__main__":
    main()
