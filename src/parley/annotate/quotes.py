"""Quotation-mark scanning on the raw text, independent of the parse.

Why a character scanner: spaCy splits sentences inside long quotes and glues
marks to words (`test."He`), so quote extents come from the marks themselves.
Marks are classified by what flanks them rather than by glyph alone, because
real text mixes styles (`”Mr. X` opening, German „…“, French «…»). A quote
never runs past its paragraph unless the next paragraph re-opens with a mark
(the journalistic multi-paragraph convention), so one stray mark cannot
swallow the rest of an article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = frozenset('"“”„‟«»″')
# Two apostrophes or backticks stand for one double mark in some wire and
# archive texts (''like this'', ``like this'').
_DOUBLED = ("''", "``")
SINGLE = frozenset("'‘’‚‛‹›")
_OPENING_GLYPHS = frozenset("“„‟«‘‚‛‹")
_CLOSING_GLYPHS = frozenset("”»’›″")
_BEFORE_OPENER = set("([{—–-/:;,") | DOUBLE | SINGLE
_AFTER_CLOSER = set(".,;:!?)]}—–-…") | DOUBLE | SINGLE
_PARAGRAPH = re.compile(r"[^\n]+")

OPEN, CLOSE, EITHER = 1, 2, 3


@dataclass(frozen=True)
class Quote:
    """A quoted stretch: `start`/`end` bound the words inside the marks."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None when capped at a paragraph end
    paragraph: int


def _role(text: str, i: int, width: int, start: int, end: int) -> int:
    """Opener, closer or either, from the characters beside the mark."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + width] if i + width < end else " "
    left = not nxt.isspace() and (prev.isspace() or prev in _BEFORE_OPENER)
    right = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSER)
    if left and not right:
        return OPEN
    if right and not left:
        return CLOSE
    mark = text[i]
    if mark in _OPENING_GLYPHS or text.startswith("``", i):
        return OPEN
    if mark in _CLOSING_GLYPHS:
        return CLOSE
    return EITHER


def _is_apostrophe(text: str, i: int, start: int, end: int) -> bool:
    """`Russia's`, `don’t`: a single mark between two letters is no quote."""
    return start < i < end - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _pair(text: str, marks: list[tuple[int, int]], start: int, end: int) -> list[tuple[tuple[int, int], int | None]]:
    """Pair the marks (position, width) of one paragraph; an opener left unmatched comes with None."""
    pairs: list[tuple[tuple[int, int], int | None]] = []
    opened: tuple[int, int] | None = None
    for i, width in marks:
        role = _role(text, i, width, start, end)
        if opened is None:
            if role != CLOSE:
                opened = (i, width)
        elif role != OPEN:
            pairs.append((opened, i))
            opened = None
        else:  # a second opener: the first one was stray
            opened = (i, width)
    if opened is not None:
        pairs.append((opened, None))
    return pairs


def _double_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    marks, i = [], start
    while i < end:
        if text[i] in DOUBLE:
            marks.append((i, 1))
        elif text.startswith(_DOUBLED, i) and i + 1 < end:
            marks.append((i, 2))
            i += 1
        i += 1
    return marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and (stripped[0] in DOUBLE or stripped.startswith(_DOUBLED))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotes of `text` in order; single marks only where balanced, outside double quotes."""
    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    for number, (p_start, p_end) in enumerate(paragraphs):
        found: list[tuple[tuple[int, int], int, int | None]] = []
        for opened, close_at in _pair(text, _double_marks(text, p_start, p_end), p_start, p_end):
            if close_at is not None:
                found.append((opened, close_at, close_at))
                continue
            reopened = number + 1 < len(paragraphs) and _opens_with_mark(text, *paragraphs[number + 1])
            if reopened or not text[p_start:opened[0]].strip():
                found.append((opened, p_end, None))
        covered = [(a, b) for (a, _), b, _ in found]
        singles = [(i, 1) for i in range(p_start, p_end)
                   if text[i] in SINGLE and not _is_apostrophe(text, i, p_start, p_end)
                   and not any(a <= i <= b + 1 for a, b in covered)]
        for opened, close_at in _pair(text, singles, p_start, p_end):
            if close_at is not None and _role(text, opened[0], 1, p_start, p_end) == OPEN \
                    and _role(text, close_at, 1, p_start, p_end) == CLOSE:
                found.append((opened, close_at, close_at))
        for (open_at, width), end, close_at in sorted(found):
            start, stop = _trimmed(text, open_at + width, end)
            if stop > start:
                quotes.append(Quote(start, stop, open_at, close_at, number))
    return quotes
