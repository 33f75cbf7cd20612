"""The article object of `annotations.md`: the one data shape every stage passes along.

Ingest fills `id`, `outlet`, `published`, `language` and `text`; annotation fills
`actors`, `statements`, `events` and `positions`; the store keeps it in tables;
export and evaluation read it back in this same shape. Fields beyond the spec
(character offsets, PLOVER mode, scores) are optional extras that round-trip.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Iterable, Iterator, Literal

ActorKind = Literal["person", "state", "organization", "group", "mention"]
StatementKind = Literal["direct", "indirect"]
Stance = Literal["for", "against"]


def _pick(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Keep the keys a dataclass knows, so unknown extras in a file never break reading."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


@dataclass
class Actor:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    kind: ActorKind = "person"
    role: str | None = None


@dataclass
class Statement:
    speaker: str | None
    text: str
    kind: StatementKind = "indirect"
    speaker_text: str | None = None
    cue: str | None = None
    start: int | None = None
    end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


@dataclass
class Event:
    source: str | None
    type: str
    target: str | None = None
    date: str | None = None
    negated: bool = False
    evidence: str = ""
    mode: str | None = None
    modality: str | None = None
    start: int | None = None
    end: int | None = None
    score: float | None = None
    cameo: str | None = None


@dataclass
class Position:
    actor: str
    issue: str
    stance: Stance
    evidence: str = ""
    reported_by: str | None = None
    date: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Article:
    id: str
    text: str
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        if not isinstance(data, dict):
            raise ValueError("an article object must be a JSON object")
        if not isinstance(data.get("text"), str):
            raise ValueError("an article object needs a string 'text'")
        base = _pick(cls, data)
        base["id"] = str(data.get("id") or "")
        base["actors"] = [Actor(**_pick(Actor, a)) for a in data.get("actors") or []]
        base["statements"] = [Statement(**_pick(Statement, s)) for s in data.get("statements") or []]
        base["events"] = [Event(**_pick(Event, e)) for e in data.get("events") or []]
        base["positions"] = [Position(**_pick(Position, p)) for p in data.get("positions") or []]
        return cls(**base)

    def to_dict(self) -> dict[str, Any]:
        """The spec's field order first; optional extras only when set."""
        data = asdict(self)
        out: dict[str, Any] = {k: data[k] for k in ("id", "outlet", "published", "language", "text")}
        for extra in ("title", "url"):
            if data[extra] is not None:
                out[extra] = data[extra]
        for key in ("actors", "statements", "events", "positions"):
            out[key] = [{k: v for k, v in item.items() if v is not None or k in _REQUIRED[key]}
                        for item in data[key]]
        return out

    def actor(self, actor_id: str | None) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


# Keys the spec always writes, even when null (e.g. a statement's null speaker).
_REQUIRED = {
    "actors": {"id", "name", "aliases", "country", "kind", "role"},
    "statements": {"speaker", "speaker_text", "kind", "cue", "text"},
    "events": {"source", "type", "target", "date", "negated", "evidence"},
    "positions": {"actor", "issue", "stance", "evidence"},
}


def read_jsonl(path_or_lines: str | Iterable[str]) -> Iterator[Article]:
    """Articles from a JSONL file (or its lines); a bad line raises ValueError naming its line number."""
    lines = open(path_or_lines, encoding="utf-8") if isinstance(path_or_lines, str) else path_or_lines
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield Article.from_dict(json.loads(line))
        except (json.JSONDecodeError, TypeError, ValueError) as exc:
            raise ValueError(f"line {number}: {exc}") from exc


def write_jsonl(articles: Iterable[Article], path: str) -> int:
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        for article in articles:
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count
