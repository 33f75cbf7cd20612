"""PolNeAR (brat standoff) as article objects, the way annotations.md "Reading other corpora" says.

Layout: `<folder>/text/<name>.txt`, `<folder>/attributions/<name>_<annotator>.ann`, and
`metadata.tsv` (publisher, publication_date, title per `filename`) beside the folder.
In an `.ann` file, `T` lines are spans (`Source`, `Cue`, `Content`, the relation's trigger
`Attribution` or `Attribution-no-source`, and `Discuss`/`Discard`, which no relation uses),
with character offsets into the text, `a b;c d` for a span in pieces; `E` lines are the
attribution relations, with roles `Source`, `Cue`, `Content` and `Content2`.

Choices the spec leaves open:
- An article read by several annotators (the agreement set) is taken from one of them, the
  first code in sort order; this yields the corpus's documented 2,193 attributions.
- The speaker comes from the `Source` role whenever one is present (a relation typed
  no-source may still carry one); each sourced relation gets its own `mention` actor.
- The pieces of every content role become statements; a relation without content yields none.
- `kind` is `direct` when every word of the piece lies inside double quotation marks (a mark
  just before the piece opens it), else `indirect`: PolNeAR's "mixed" attributions (reported
  speech with a quoted fragment) become `indirect`, as in the project's gold files.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from parley.model import Actor, Article, Statement

Piece = tuple[int, int]
_WORD = re.compile(r"\w")
_OPENING, _CLOSING, _EITHER = "“«", "”»", '"'


@dataclass
class Relation:
    """One attribution relation of an `.ann` file, its roles as character pieces."""

    id: str
    source: list[Piece] = field(default_factory=list)
    cue: list[Piece] = field(default_factory=list)
    content: list[Piece] = field(default_factory=list)


def parse_ann(ann: str) -> list[Relation]:
    """The attribution relations of one `.ann` file, in file order."""
    spans: dict[str, list[Piece]] = {}
    arguments: list[tuple[str, list[list[str]]]] = []
    for line in ann.splitlines():
        columns = line.split("\t")
        if len(columns) < 2:
            continue
        if line.startswith("T"):
            offsets = columns[1].partition(" ")[2]
            spans[columns[0]] = [(int(a), int(b)) for a, b in (p.split() for p in offsets.split(";"))]
        elif line.startswith("E"):
            arguments.append((columns[0], [arg.split(":", 1) for arg in columns[1].split()]))
    relations = []
    for relation_id, args in arguments:
        relation = Relation(relation_id)
        for role, ref in args[1:]:  # the first argument is the trigger
            role = role.rstrip("0123456789").lower()  # Content2 is more content
            if role in ("source", "cue", "content"):
                getattr(relation, role).extend(spans[ref])
        relations.append(relation)
    return relations


def annotation_files(folder: Path) -> dict[str, Path]:
    """Article name → its `.ann` file, one annotator per article (the first code in sort order)."""
    chosen: dict[str, Path] = {}
    for path in sorted(Path(folder, "attributions").glob("*.ann")):
        chosen.setdefault(path.stem.rsplit("_", 1)[0], path)
    return chosen


def _read_metadata(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}


def _value(row: dict[str, str], key: str) -> str | None:
    value = (row.get(key) or "").strip()
    return None if value in ("", "None") else value


def _trim(text: str, piece: Piece) -> Piece:
    start, end = piece
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_quoted(text: str, start: int, end: int) -> bool:
    """Every word of text[start:end] inside double quotation marks."""
    before = text[:start].rstrip()[-1:]
    inside = text[start] not in _OPENING + _CLOSING + _EITHER and before in _OPENING + _EITHER
    words = False
    for char in text[start:end]:
        if char in _OPENING:
            inside = True
        elif char in _CLOSING:
            inside = False
        elif char in _EITHER:
            inside = not inside
        elif _WORD.match(char):
            if not inside:
                return False
            words = True
    return words


def _joined(text: str, pieces: list[Piece]) -> str | None:
    return " ".join(text[a:b] for a, b in sorted(pieces)) or None


def _statements(text: str, relations: list[Relation]) -> tuple[list[Actor], list[Statement]]:
    actors: list[Actor] = []
    statements: list[Statement] = []
    for relation in relations:
        pieces = [_trim(text, piece) for piece in sorted(relation.content)]
        pieces = [(a, b) for a, b in pieces if _WORD.search(text, a, b)]
        if not pieces:
            continue
        speaker_text = _joined(text, relation.source)
        speaker = relation.id if speaker_text else None
        if speaker:
            actors.append(Actor(id=speaker, name=speaker_text, kind="mention"))
        cue = _joined(text, relation.cue)
        statements.extend(
            Statement(speaker=speaker, speaker_text=speaker_text, cue=cue, text=text[a:b], start=a, end=b,
                      kind="direct" if _is_quoted(text, a, b) else "indirect")
            for a, b in pieces)
    statements.sort(key=lambda s: (s.start, s.end))
    return actors, statements


def read_polnear(folder: Path, metadata: Path | None = None) -> list[Article]:
    """Every annotated article of a PolNeAR split folder; outlet, date and title from `metadata.tsv`.

    `metadata` defaults to `metadata.tsv` in the folder's parent, when it exists.
    """
    folder = Path(folder)
    default = folder.parent / "metadata.tsv"
    if metadata is None and default.exists():
        metadata = default
    rows = _read_metadata(Path(metadata)) if metadata is not None else {}
    articles = []
    for name, ann_path in sorted(annotation_files(folder).items()):
        with open(folder / "text" / f"{name}.txt", encoding="utf-8", newline="") as handle:
            text = handle.read()  # newline="" keeps the character offsets exact
        actors, statements = _statements(text, parse_ann(ann_path.read_text(encoding="utf-8")))
        row = rows.get(name, {})
        articles.append(Article(id=name, text=text, outlet=_value(row, "publisher"),
                                published=_value(row, "publication_date"), language="en",
                                title=_value(row, "title"), actors=actors, statements=statements))
    return articles
