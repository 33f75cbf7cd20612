"""Article text with its annotations marked inline, built from escaped pieces only.

Spans come from character offsets and may overlap (a position's evidence inside a
statement, two speakers sharing a name). The text is cut at every span boundary and the
spans open and close around the cuts as a properly nested stack, so a span that crosses
another is split into pieces; its first piece carries the anchor id (`s-12`, `e-3`, `p-7`)
that other pages link to. Every piece of article text goes through `escape`, and only
markup written here is marked safe.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Iterable
from urllib.parse import quote

from markupsafe import Markup, escape

_KIND_ORDER = {"position": 0, "event": 1, "statement": 2, "speaker": 3}


@dataclass(frozen=True, eq=False)
class Span:
    start: int
    end: int
    kind: str  # statement, speaker, event or position
    anchor: str | None  # the HTML id of the span's first piece
    actor: str | None
    label: str  # shown as a tooltip and after the span


def actor_url(actor_id: str) -> str:
    return f"/actors/{quote(actor_id, safe='')}"


def article_spans(art: dict[str, Any]) -> list[Span]:
    """The spans of `queries.article`'s result: statements, their speakers, events and positions."""
    spans: list[Span] = []
    for s in art["statements"]:
        who = s["speaker_name"] or s["speaker_text"] or "unknown speaker"
        spans.append(Span(s["start"], s["end"], "statement", f"s-{s['id']}", s["speaker"], f"{who} ({s['kind']})"))
        if s["speaker"]:
            spans.append(Span(s["speaker_start"], s["speaker_end"], "speaker", None, s["speaker"], who))
    for e in art["events"]:
        target = e["target_name"] or e["target"] or "—"
        negated = "not " if e["negated"] else ""
        spans.append(Span(e["start"], e["end"], "event", f"e-{e['id']}", e["source"],
                          f"{e['source_name'] or e['source'] or '?'} {negated}{e['type']} {target}"))
    for p in art["positions"]:
        spans.append(Span(p["start"], p["end"], "position", f"p-{p['id']}", p["actor"],
                          f"{p['actor_name']} {p['stance']} {p['issue']}"))
    return spans


def highlight(text: str, spans: Iterable[Span]) -> Markup:
    """`text` as HTML with each valid span wrapped; spans with offsets outside the text are skipped."""
    order = sorted((s for s in spans if s.start is not None and s.end is not None and 0 <= s.start < s.end <= len(text)),
                   key=lambda s: (s.start, -s.end, _KIND_ORDER[s.kind]))
    bounds = sorted({0, len(text), *(s.start for s in order), *(s.end for s in order)})
    out: list[str] = []
    stack: list[Span] = []
    tags: dict[Span, str] = {}
    opened: set[Span] = set()
    for lo, hi in pairwise(bounds):
        active = [s for s in order if s.start <= lo and s.end >= hi]
        keep = 0
        while keep < min(len(stack), len(active)) and stack[keep] is active[keep]:
            keep += 1
        for span in reversed(stack[keep:]):
            out.append(f"</{tags.pop(span)}>")
        link_open = any(tags[s] == "a" for s in stack[:keep])
        out.extend(_labels([s for s in stack[keep:] if s.end == lo], link_open))
        for span in active[keep:]:
            tags[span] = "a" if span.kind == "speaker" and not link_open else "span"
            link_open = link_open or tags[span] == "a"
            out.append(_open(span, tags[span], first=span not in opened))
            opened.add(span)
        stack = active
        out.append(str(escape(text[lo:hi])))
    for span in reversed(stack):
        out.append(f"</{tags.pop(span)}>")
    out.extend(_labels(stack, False))
    return Markup("".join(out))


def _open(span: Span, tag: str, first: bool) -> str:
    attrs = {"class": f"hl {span.kind}{'' if first else ' cont'}", "title": span.label}
    if first and span.anchor:
        attrs["id"] = span.anchor
    if tag == "a" and span.actor:
        attrs["href"] = actor_url(span.actor)
    return f"<{tag} " + " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items()) + ">"


def _labels(ended: list[Span], in_link: bool) -> list[str]:
    """Small tags after spans that end here naming their actors (each once), linked unless inside a link."""
    actors = dict.fromkeys(s.actor for s in ended if s.actor and s.kind != "speaker")
    if in_link:
        return [f'<sup class="tag">{escape(a)}</sup>' for a in actors]
    return [f'<sup class="tag"><a href="{escape(actor_url(a))}">{escape(a)}</a></sup>' for a in actors]
