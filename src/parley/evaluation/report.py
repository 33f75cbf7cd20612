"""Counts → metrics → a report: micro-averaging lives here, the matching rules in `compare`.

A ratio whose denominator is zero is `None` ("undefined"), never a made-up 0 or 1:
an article with no gold and no predicted statements has no statement precision.
F1 is 2·tp / (2·tp + fp + fn), so it stays defined (0) when nothing was predicted.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from rich.console import Console
from rich.table import Table

SECTIONS = ("statements", "events", "positions")


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one matching."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def metrics(self) -> dict[str, Any]:
        return {"precision": _ratio(self.tp, self.tp + self.fp),
                "recall": _ratio(self.tp, self.tp + self.fn),
                "f1": _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Share:
    """`hits` of `total` items passed a test (date agreement, recall on single-event corpora)."""

    hits: int = 0
    total: int = 0

    def __add__(self, other: "Share") -> "Share":
        return Share(self.hits + other.hits, self.total + other.total)

    def metrics(self) -> dict[str, Any]:
        return {"share": _ratio(self.hits, self.total), "hits": self.hits, "total": self.total}


Scores = dict[str, dict[str, Counts | Share]]
"""One article's raw counts: section → metric → Counts or Share."""


def _metrics(scores: Scores, sections: Mapping[str, bool]) -> dict[str, Any]:
    return {section: {name: value.metrics() for name, value in scores[section].items()}
            for section in SECTIONS if sections.get(section)}


def _sum(all_scores: list[Scores]) -> Scores:
    total: Scores = {}
    for scores in all_scores:
        for section, metrics in scores.items():
            into = total.setdefault(section, {})
            for name, value in metrics.items():
                into[name] = into[name] + value if name in into else value
    return total


@dataclass
class EvalReport:
    """Metrics overall (micro-averaged) and per article; `sections` says which the gold can judge."""

    overall: dict[str, Any]
    per_article: dict[str, dict[str, Any]]
    sections: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def from_scores(cls, scores: Mapping[str, Scores], sections: Mapping[str, bool],
                    unpredicted: int = 0) -> "EvalReport":
        overall = {"articles": len(scores), "unpredicted": unpredicted,
                   **_metrics(_sum(list(scores.values())), sections)}
        per_article = {article_id: _metrics(article_scores, sections)
                       for article_id, article_scores in scores.items()}
        return cls(overall, per_article, dict(sections))

    def to_json(self) -> dict[str, Any]:
        return {"sections": self.sections, "overall": self.overall, "per_article": self.per_article}


# (section, metric, label) in display order.
_PRF_ROWS = (("statements", "span", "statements: span"),
             ("statements", "attribution", "statements: attribution"),
             ("events", "triples", "events: triples"),
             ("positions", "matches", "positions"))
_SHARE_ROWS = (("events", "date_agreement", "event date agreement"),
               ("events", "triple_recall", "event triple recall"),
               ("events", "dyad_recall", "event dyad recall"),
               ("events", "type_accuracy", "event type accuracy (matched dyads)"))


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _rows(metrics: Mapping[str, Any], spec: tuple[tuple[str, str, str], ...]) -> Iterator[tuple[str, dict]]:
    for section, name, label in spec:
        if name in metrics.get(section, {}):
            yield label, metrics[section][name]


def render(report: EvalReport, console: Console) -> None:
    """Overall metrics first, then one row per article with the F1s and shares."""
    overall = Table(title=f"Overall ({report.overall['articles']} articles, micro-averaged)")
    for column in ("metric", "precision", "recall", "F1", "tp", "fp", "fn"):
        overall.add_column(column, justify="left" if column == "metric" else "right")
    for label, m in _rows(report.overall, _PRF_ROWS):
        overall.add_row(label, _fmt(m["precision"]), _fmt(m["recall"]), _fmt(m["f1"]),
                        str(m["tp"]), str(m["fp"]), str(m["fn"]))
    console.print(overall)

    shares = list(_rows(report.overall, _SHARE_ROWS))
    if shares:
        table = Table(title="Event shares")
        table.add_column("metric")
        table.add_column("share", justify="right")
        table.add_column("of", justify="right")
        for label, m in shares:
            table.add_row(label, _fmt(m["share"]), f"{m['hits']}/{m['total']}")
        console.print(table)

    if report.overall.get("unpredicted"):
        console.print(f"[yellow]{report.overall['unpredicted']} gold article(s) had no prediction "
                      "(all their items count as missed)[/yellow]")

    labels = [label for label, _ in _rows(report.overall, _PRF_ROWS + _SHARE_ROWS)]
    if not report.per_article or not labels:
        return
    articles = Table(title="Per article (F1; shares for events)")
    articles.add_column("article")
    for label in labels:
        articles.add_column(label, justify="right")
    for article_id, metrics in report.per_article.items():
        cells = [_fmt(m.get("f1", m.get("share"))) for _, m in _rows(metrics, _PRF_ROWS + _SHARE_ROWS)]
        articles.add_row(article_id, *cells)
    console.print(articles)
