"""The comparison of two annotations that `annotations.md` defines ("How two annotations are compared").

Choices the spec leaves open, fixed here:

- Tokens are `\\w+` runs, lower-cased. Statement overlap is positional when both
  articles have the same text and both statements can be located in it (their
  `start`/`end` when given, else the first verbatim occurrence of `text`): the
  tokens of the article each span touches are intersected. Otherwise overlap is
  the multiset intersection of the two texts' tokens. A match needs
  2 · overlap ≥ the shorter statement's token count (and a non-empty statement).
- Matching is one-to-one: a maximum bipartite matching (scipy), so no greedy
  order can cost a true positive. Span and attribution F1 are two matchings.
- Speakers: a gold statement with a null speaker accepts any speaker. A gold
  speaker whose actor is of kind `mention` (or is missing from `actors`) is
  compared by `speaker_text` (or, when absent, the actor's name): equal when the
  words of one appear as a contiguous run in the other's, case ignored — word
  runs, so that "he" is not found inside "the official". Otherwise the actors
  must be equal by name (see `actors_equal`).
- Events and positions are sets of keys per article; an actor without a known
  country ("?") never matches, a null event target matches only a null target.
  Date agreement is counted per matched triple, true when some pair of its gold
  and predicted events agrees; two null dates agree, null and a date do not.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching

from parley.knowledge.names import normalize_name
from parley.model import Actor, Article, Statement

from .report import Counts, EvalReport, Scores, Share

_TOKEN = re.compile(r"\w+")
UNKNOWN = "?"


def _names(actor: Actor) -> set[str]:
    return {normalize_name(n) for n in (actor.name, *actor.aliases) if n} - {""}


def actors_equal(a: Actor | None, b: Actor | None) -> bool:
    """Any normalised name or alias of one equals one of the other."""
    return a is not None and b is not None and bool(_names(a) & _names(b))


def country(actor: Actor | None) -> str:
    """The actor's affiliation code, or UNKNOWN (which never matches)."""
    code = (actor.country or "").strip().upper() if actor else ""
    return code or UNKNOWN


def _tokens(text: str | None) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text or "")]


def dates_agree(a: str | None, b: str | None) -> bool:
    """Agreement to the precision of the less precise date: "2022-03" agrees with "2022-03-15"."""
    if a is None or b is None:
        return a is None and b is None

    def parts(date: str) -> list[int | str]:
        return [int(p) if p.isdigit() else p for p in date.strip().split("-")]

    pa, pb = parts(a), parts(b)
    depth = min(len(pa), len(pb))
    return pa[:depth] == pb[:depth]


# --- statements -------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Located:
    """A statement's tokens: as a multiset, and as a token-index range in its article when found."""

    bag: Counter
    size: int
    span: tuple[int, int] | None


class _ArticleTokens:
    """Token offsets of one article, to turn character spans into token-index ranges."""

    def __init__(self, text: str):
        self.text = text
        matches = list(_TOKEN.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def locate(self, statement: Statement) -> _Located:
        bag = Counter(_tokens(statement.text))
        chars = self._chars(statement)
        if chars is None:
            return _Located(bag, sum(bag.values()), None)
        first = bisect_right(self.ends, chars[0])   # first token ending after the span starts
        last = bisect_left(self.starts, chars[1])   # first token starting at or after its end
        return _Located(bag, max(0, last - first), (first, last))

    def _chars(self, statement: Statement) -> tuple[int, int] | None:
        start, end = statement.start, statement.end
        if start is not None and end is not None and 0 <= start < end <= len(self.text):
            return start, end
        found = self.text.find(statement.text) if statement.text else -1
        return (found, found + len(statement.text)) if found >= 0 else None


def _overlaps(g: _Located, p: _Located, positional: bool) -> bool:
    shorter = min(g.size, p.size)
    if shorter == 0:
        return False
    if positional and g.span is not None and p.span is not None:
        shared = max(0, min(g.span[1], p.span[1]) - max(g.span[0], p.span[0]))
    else:
        shared = sum((g.bag & p.bag).values())
    return 2 * shared >= shorter


def _surface(statement: Statement, article: Article) -> list[str]:
    actor = article.actor(statement.speaker)
    return _tokens(statement.speaker_text or (actor.name if actor else None))


def _contains(outer: list[str], inner: list[str]) -> bool:
    return any(outer[i:i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def speakers_equal(g: Statement, gold: Article, p: Statement, pred: Article) -> bool:
    """The spec's speaker rule, with the gold statement first (the rule is not symmetric)."""
    if g.speaker is None:
        return True
    actor = gold.actor(g.speaker)
    if actor is None or actor.kind == "mention":
        a, b = _surface(g, gold), _surface(p, pred)
        return bool(a and b) and (_contains(a, b) or _contains(b, a))
    return actors_equal(actor, pred.actor(p.speaker))


def _matched(n_gold: int, n_pred: int, edges: list[tuple[int, int]]) -> int:
    """Size of a maximum one-to-one matching over the allowed (gold, predicted) pairs."""
    if not edges:
        return 0
    rows, cols = zip(*edges)
    graph = csr_matrix((np.ones(len(edges)), (rows, cols)), shape=(n_gold, n_pred))
    return int((maximum_bipartite_matching(graph, perm_type="column") >= 0).sum())


def _counts(n_gold: int, n_pred: int, tp: int) -> Counts:
    return Counts(tp, n_pred - tp, n_gold - tp)


def score_statements(gold: Article, pred: Article) -> dict[str, Counts]:
    positional = gold.text == pred.text
    gold_tokens, pred_tokens = _ArticleTokens(gold.text), _ArticleTokens(pred.text)
    g_loc = [gold_tokens.locate(s) for s in gold.statements]
    p_loc = [pred_tokens.locate(s) for s in pred.statements]
    span = [(i, j) for i, g in enumerate(g_loc) for j, p in enumerate(p_loc) if _overlaps(g, p, positional)]
    attribution = [(i, j) for i, j in span
                   if speakers_equal(gold.statements[i], gold, pred.statements[j], pred)]
    n_gold, n_pred = len(g_loc), len(p_loc)
    return {"span": _counts(n_gold, n_pred, _matched(n_gold, n_pred, span)),
            "attribution": _counts(n_gold, n_pred, _matched(n_gold, n_pred, attribution))}


# --- events and positions ---------------------------------------------------------------------

Triple = tuple[str, str, str | None]


def _triples(article: Article) -> dict[Triple, list[str | None]]:
    """Each (source country, type, target country) once, with the dates of its events."""
    dates: dict[Triple, list[str | None]] = defaultdict(list)
    for event in article.events:
        target = None if event.target is None else country(article.actor(event.target))
        key = (country(article.actor(event.source)), event.type.strip().upper(), target)
        dates[key].append(event.date)
    return dates


def _known(key: tuple) -> bool:
    return UNKNOWN not in key


def score_events(gold: Article, pred: Article) -> dict[str, Counts | Share]:
    g_dates, p_dates = _triples(gold), _triples(pred)
    hits = {t for t in g_dates if _known(t) and t in p_dates}
    agreed = sum(any(dates_agree(a, b) for a in g_dates[t] for b in p_dates[t]) for t in hits)
    g_dyads = {(s, tg) for s, _, tg in g_dates}
    p_dyads = {(s, tg) for s, _, tg in p_dates if _known((s, tg))}
    on_dyad = [t for t in g_dates if (t[0], t[2]) in p_dyads]
    return {"triples": _counts(len(g_dates), len(p_dates), len(hits)),
            "date_agreement": Share(agreed, len(hits)),
            "triple_recall": Share(len(hits), len(g_dates)),
            "dyad_recall": Share(len(g_dyads & p_dyads), len(g_dyads)),
            "type_accuracy": Share(sum(t in hits for t in on_dyad), len(on_dyad))}


def _stances(article: Article) -> set[tuple[str, str, str]]:
    return {(country(article.actor(p.actor)), p.issue.strip(), p.stance.strip().lower())
            for p in article.positions}


def score_positions(gold: Article, pred: Article) -> dict[str, Counts]:
    g, p = _stances(gold), _stances(pred)
    return {"matches": _counts(len(g), len(p), len({k for k in g & p if _known(k)}))}


# --- articles ---------------------------------------------------------------------------------

def score_article(gold: Article, pred: Article) -> Scores:
    return {"statements": score_statements(gold, pred),
            "events": score_events(gold, pred),
            "positions": score_positions(gold, pred)}


def _by_id(articles: Sequence[Article], side: str) -> dict[str, Article]:
    index: dict[str, Article] = {}
    for article in articles:
        if article.id in index:
            raise ValueError(f"{side} articles: duplicate id {article.id!r}")
        index[article.id] = article
    return index


def evaluate(gold: Sequence[Article], predicted: Sequence[Article]) -> EvalReport:
    """Score predictions against gold, pairing articles by `id`.

    A gold article without a prediction counts all its items as missed; predicted
    articles absent from the gold are ignored (the gold defines what is judged).
    A section is reported only when some gold article has items of that kind.
    """
    predictions = _by_id(predicted, "predicted")
    scores = {article.id: score_article(article, predictions.get(article.id)
                                        or Article(id=article.id, text=article.text))
              for article in _by_id(gold, "gold").values()}
    sections = {"statements": any(a.statements for a in gold),
                "events": any(a.events for a in gold),
                "positions": any(a.positions for a in gold)}
    unpredicted = sum(article.id not in predictions for article in gold)
    return EvalReport.from_scores(scores, sections, unpredicted)
