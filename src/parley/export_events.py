"""Event exports for tools outside Parley: PLOVER JSON Lines and a GDELT-style CAMEO table.

Both are pure functions of article objects: one record per event, the actors named and
given their country codes, the PLOVER type with its intensity score, the CAMEO root
code (our compact PLOVER→CAMEO table in `knowledge.plover`), and the document the event
comes from, so the rows load next to GDELT or POLECAT data.
"""
from __future__ import annotations

import csv
import json
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, TextIO

from parley.knowledge.plover import GROUPS, cameo_root, group, score
from parley.model import Article, Event

# The PLOVER contexts a mode implies; others stay unknown.
_CONTEXT_BY_MODE = {
    "troops": "military", "weapons": "military", "militia": "military", "aerial": "military",
    "drone": "military", "heavy-weapons": "military", "firearms": "military", "explosives": "military",
    "ceasefire": "military", "withdraw": "military", "disarm": "military", "cyber": "cyber",
    "police": "legal", "arrest": "legal", "convict": "legal", "deport": "legal", "expel": "diplomatic",
    "visit": "diplomatic", "phone": "diplomatic", "third-party": "diplomatic", "multilateral": "diplomatic",
    "release": "human_rights", "access": "humanitarian", "misinformation": "media", "censor": "media",
}

CAMEO_COLUMNS = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Name", "Actor1CountryCode",
                 "Actor2Name", "Actor2CountryCode", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode",
                 "QuadClass", "GoldsteinScale", "IsNegated", "PloverType", "PloverMode", "Modality",
                 "DocumentId", "Outlet", "Published", "SOURCEURL", "Evidence")

_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n\s*\n")


def _sentence(text: str, start: int | None, end: int | None, evidence: str) -> str:
    """The whole sentence around the evidence span (the evidence itself when offsets are unknown)."""
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        return evidence
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    after = _SENTENCE_END.search(text, end)
    return text[begin:after.start() + 1 if after else len(text)].strip()


def _actor(article: Article, actor_id: str | None) -> tuple[str | None, str | None]:
    actor = article.actor(actor_id)
    if actor is None:
        return actor_id, None
    return actor.name, actor.country


def _events(articles: Iterable[Article]) -> Iterator[tuple[int, Article, Event]]:
    number = 0
    for article in articles:
        for event in article.events:
            number += 1
            yield number, article, event


def plover_records(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """One PLOVER-style record per event, numbered across the whole export."""
    for number, article, event in _events(articles):
        source, source_country = _actor(article, event.source)
        target, target_country = _actor(article, event.target)
        context = _CONTEXT_BY_MODE.get(event.mode or "")
        yield {
            "id": f"{article.id}-e{number}",
            "date": event.date,
            "event_type": event.type,
            "mode": event.mode,
            "context": [context] if context else [],
            "source": source, "source_country": source_country,
            "target": target, "target_country": target_country,
            "intensity": event.score if event.score is not None else score(event.type),
            "cameo": event.cameo or cameo_root(event.type, event.mode),
            "negated": event.negated,
            "modality": event.modality,
            "evidence": event.evidence,
            "sentence": _sentence(article.text, event.start, event.end, event.evidence),
            "article_id": article.id, "outlet": article.outlet, "published": article.published, "url": article.url,
        }


def _sqldate(value: str | None) -> str:
    """GDELT's YYYYMMDD; the parts a partial date lacks are 00."""
    if not value:
        return ""
    parts = value.split("-") + ["00", "00"]
    return f"{parts[0]:0>4}{parts[1]:0>2}{parts[2]:0>2}"


def _clean(value: Any) -> Any:
    return re.sub(r"\s+", " ", value).strip() if isinstance(value, str) else value


def cameo_rows(articles: Iterable[Article]) -> Iterator[dict[str, Any]]:
    """One GDELT-style row per event; `GoldsteinScale` carries the PLOVER intensity on the same -10..10 scale."""
    for number, article, event in _events(articles):
        source, source_country = _actor(article, event.source)
        target, target_country = _actor(article, event.target)
        root = event.cameo or cameo_root(event.type, event.mode)
        sqldate = _sqldate(event.date)
        yield {
            "GLOBALEVENTID": number, "SQLDATE": sqldate, "MonthYear": sqldate[:6], "Year": sqldate[:4],
            "Actor1Name": source, "Actor1CountryCode": source_country,
            "Actor2Name": target, "Actor2CountryCode": target_country,
            "IsRootEvent": 1, "EventCode": root, "EventBaseCode": root, "EventRootCode": root,
            "QuadClass": GROUPS.index(group(event.type)) + 1,
            "GoldsteinScale": event.score if event.score is not None else score(event.type),
            "IsNegated": int(event.negated), "PloverType": event.type, "PloverMode": event.mode,
            "Modality": event.modality, "DocumentId": article.id, "Outlet": article.outlet,
            "Published": article.published, "SOURCEURL": article.url, "Evidence": _clean(event.evidence),
        }


@contextmanager
def _opened(out: str | Path | TextIO) -> Iterator[TextIO]:
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            yield handle
    else:
        yield out


def write_plover(articles: Iterable[Article], out: str | Path | TextIO) -> int:
    """PLOVER records as JSON Lines; returns the number of events written."""
    count = 0
    with _opened(out) as handle:
        for record in plover_records(articles):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_cameo(articles: Iterable[Article], out: str | Path | TextIO) -> int:
    """The GDELT-style table, tab-separated with a header row; returns the number of events written."""
    count = 0
    with _opened(out) as handle:
        writer = csv.DictWriter(handle, fieldnames=CAMEO_COLUMNS, delimiter="\t", lineterminator="\n",
                                quoting=csv.QUOTE_MINIMAL)
        writer.writeheader()
        for row in cameo_rows(articles):
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
            count += 1
    return count
