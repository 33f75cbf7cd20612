"""Pydantic response models of the JSON API, so `/openapi.json` documents every field.

They mirror the plain dicts of `queries.py` field for field; a listing is a `Page` of items
(`total`, `limit`, `offset`, `items`), and a detail view with a listing under it (a dyad's
events, an issue's actors, an outlet's speakers) is a page with the detail beside it.
"""
from __future__ import annotations

from typing import Annotated, Generic, Literal, TypeVar, Union

from pydantic import BaseModel, Field

T = TypeVar("T")
Stance = Literal["for", "against"]
Status = Literal["for", "against", "shifting"]


class Page(BaseModel, Generic[T]):
    total: int = Field(description="items matching, over all pages")
    limit: int = Field(description="page size (at most 200)")
    offset: int
    items: list[T]


class ArticleSummary(BaseModel):
    id: int
    uid: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


class ArticleActor(BaseModel):
    id: str
    name: str
    country: str | None = None
    kind: str
    role: str | None = None


class StatementOut(BaseModel):
    id: int
    article_id: int
    speaker: str | None = None
    speaker_name: str | None = None
    speaker_text: str | None = None
    kind: str
    cue: str | None = None
    text: str
    start: int | None = None
    end: int | None = None
    article_title: str | None = None
    outlet: str | None = None
    published: str | None = None


class ArticleStatement(StatementOut):
    speaker_start: int | None = None
    speaker_end: int | None = None


class EventOut(BaseModel):
    id: int
    article_id: int
    source: str | None = None
    source_name: str | None = None
    source_country: str | None = None
    type: str
    mode: str | None = None
    target: str | None = None
    target_name: str | None = None
    target_country: str | None = None
    date: str | None = Field(None, description="the event's own date: YYYY, YYYY-MM or YYYY-MM-DD")
    day: str | None = Field(None, description="the timeline day: the event's date, else the article's, padded")
    negated: bool
    evidence: str
    start: int | None = None
    end: int | None = None
    score: float | None = Field(None, description="PLOVER intensity, −10 (conflict) to +10 (cooperation)")
    cameo: str | None = None
    article_title: str | None = None
    outlet: str | None = None
    published: str | None = None


class PositionOut(BaseModel):
    id: int
    article_id: int
    actor: str
    actor_name: str
    actor_country: str | None = None
    issue: str
    stance: Stance
    evidence: str
    reported_by: str | None = None
    reported_by_name: str | None = None
    date: str | None = None
    day: str | None = None
    start: int | None = None
    end: int | None = None
    article_title: str | None = None
    outlet: str | None = None
    published: str | None = None


class DroppedLine(BaseModel):
    line_no: int
    text: str
    rule: str
    reason: str | None = None


class ArticleDetail(ArticleSummary):
    author: str | None = None
    language: str | None = None
    text: str
    actors: list[ArticleActor]
    statements: list[ArticleStatement]
    events: list[EventOut]
    positions: list[PositionOut]
    dropped_lines: list[DroppedLine]


_SNIPPET = "the matching passage; each match is wrapped in U+E000 … U+E001"


class ArticleHit(ArticleSummary):
    kind: Literal["article"] = "article"
    snippet: str | None = Field(None, description=_SNIPPET)


class StatementHit(StatementOut):
    kind: Literal["statement"] = "statement"
    snippet: str | None = Field(None, description=_SNIPPET)


class SearchPage(Page[Annotated[Union[ArticleHit, StatementHit], Field(discriminator="kind")]]):
    query: str | None = Field(None, description="the FTS5 query the words became (each quoted), or null")
    scope: Literal["articles", "statements"]


class ActorSummary(BaseModel):
    id: str
    name: str
    country: str | None = None
    kind: str
    role: str | None = None
    articles: int
    statements: int
    events: int
    positions: int


class ActorIssue(BaseModel):
    issue: str
    proposition: str | None = None
    n_for: int
    n_against: int
    first_day: str | None = None
    last_day: str | None = None
    first_stance: Stance | None = None
    latest_stance: Stance | None = None
    status: Status


class ActorDetail(BaseModel):
    id: str
    name: str
    country: str | None = None
    kind: str
    role: str | None = None
    articles: int
    statements: int
    events_started: int
    events_received: int
    positions: int
    issues: list[ActorIssue]


class Party(BaseModel):
    id: str
    name: str
    country: str | None = None
    kind: Literal["actor", "country"]


class DyadWeek(BaseModel):
    week: str = Field(description="the Monday starting the week")
    direction: Literal["ab", "ba"] = Field(description="ab: a acts on b; ba: b acts on a")
    score: float = Field(description="sum of PLOVER scores of the week's non-negated events")
    events: int


class DyadPage(Page[EventOut]):
    a: Party
    b: Party
    weekly: list[DyadWeek]


class DyadSummary(BaseModel):
    a: str
    a_name: str
    b: str
    b_name: str
    events: int
    score: float


class IssueSummary(BaseModel):
    id: str
    negotiation: str | None = None
    proposition: str | None = None
    actors_for: int
    actors_against: int
    actors_shifting: int
    positions: int


class MatrixActor(BaseModel):
    id: str
    name: str
    n: int


class MatrixCell(BaseModel):
    actor: str
    issue: str
    n_for: int
    n_against: int
    status: Status


class Matrix(BaseModel):
    actors: list[MatrixActor]
    issues: list[str]
    cells: list[MatrixCell]


class IssuesPage(Page[IssueSummary]):
    matrix: Matrix


class IssueInfo(BaseModel):
    id: str
    negotiation: str | None = None
    proposition: str | None = None


class IssueStanding(BaseModel):
    actor: str
    actor_name: str
    country: str | None = None
    n_for: int
    n_against: int
    first_day: str | None = None
    last_day: str | None = None
    latest_stance: Stance | None = None
    latest_position: int | None = None
    latest_article: int | None = None
    status: Status


class IssuePage(Page[IssueStanding]):
    issue: IssueInfo


class OutletSummary(BaseModel):
    name: str
    articles: int
    first_published: str | None = None
    last_published: str | None = None


class OutletSpeaker(BaseModel):
    actor: str
    actor_name: str
    country: str | None = None
    statements: int
    share: float = Field(description="share of this outlet's attributed statements")
    corpus_share: float = Field(description="share of all attributed statements in the store")


class EventTypeShare(BaseModel):
    type: str
    events: int
    corpus_events: int
    share: float
    corpus_share: float


class OutletPage(Page[OutletSpeaker]):
    name: str
    articles: int
    statements: int
    event_mix: list[EventTypeShare]


class Totals(BaseModel):
    articles: int
    statements: int
    events: int
    positions: int
    actors: int


class OutletWeek(BaseModel):
    outlet: str
    week: str
    articles: int


class MovedIssue(BaseModel):
    issue: str
    proposition: str | None = None
    new_positions: int
    actors: int
    changes: int = Field(description="positions whose stance differs from the actor's previous one on the issue")


class StanceChange(BaseModel):
    id: int = Field(description="the position that changed the stance")
    article_id: int
    actor: str
    actor_name: str
    issue: str
    previous: Stance
    stance: Stance
    day: str | None = None


class Moved(BaseModel):
    since: str | None = Field(None, description="start of the recent window (back from the newest article)")
    issues: list[MovedIssue]
    changes: list[StanceChange]


class Overview(BaseModel):
    totals: Totals
    articles_by_outlet_week: list[OutletWeek]
    latest_statements: list[StatementOut]
    dyads: list[DyadSummary]
    moved: Moved
