"""Build the article the store writes from one raw item: decode, extract, normalise, clean, describe.

Metadata comes from several places; the first that has a value wins, in this
order: the user's options, the manifest, what the source states (JSONL fields),
the HTML page's metadata, what the text carries (byline, "via RT", dateline),
the feed item's own title/date/author, and finally detection (language).
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from parley.ingest.clean import Cleaned, clean, is_sentence
from parley.ingest.dedupe import content_key, signature
from parley.ingest.extract import ExtractError, extract_html
from parley.ingest.items import Hints, IngestError, RawItem
from parley.ingest.language import DecodeError, decode, detect_language, normalise
from parley.store.articles import DroppedLine, NewArticle

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\b")  # day first wherever dots are used
_MIN_WORDS = 25  # a text this long counts as an article even without sentence punctuation


@dataclass(frozen=True)
class Options:
    """What the user says for the whole batch."""

    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    clean: bool = True  # False keeps the text as given (Unicode normalisation only)


def build(item: RawItem, options: Options, manifest: Hints | None = None) -> NewArticle:
    """The article for one item, or IngestError saying why there is none."""
    text, page = _text(item)
    user = Hints(outlet=options.outlet, published=options.published, language=options.language)
    stated = [user, manifest or Hints(), item.given, page]
    known = _first(stated)
    title = normalise(known.title).strip() if known.title else None
    cleaned = clean(text, title=title) if options.clean else Cleaned(text=text.strip(), title=title)
    if not cleaned.text:
        raise IngestError(f"no article text left after removing boilerplate ({len(cleaned.dropped)} lines dropped)")
    if not any(is_sentence(line) for line in cleaned.text.splitlines()) and len(cleaned.text.split()) < _MIN_WORDS:
        raise IngestError(f"no article text: nothing reads like a sentence ({len(cleaned.text.split())} words)")
    found = Hints(title=cleaned.title, outlet=cleaned.meta.get("outlet"), author=cleaned.meta.get("author"),
                  published=cleaned.meta.get("published"))
    candidates = [*stated, found, item.fallback]
    meta = _first(candidates)
    published = next((d for d in (normalise_date(h.published) for h in candidates if h.published) if d), None)
    key = content_key(cleaned.text)
    return NewArticle(
        uid=item.uid or key[:16],
        text=cleaned.text,
        content_key=key,
        source=item.source,
        source_kind=item.source_kind,
        retrieved_at=item.retrieved_at,
        raw=item.raw,
        raw_sha256=hashlib.sha256(item.raw).hexdigest(),
        media_type=item.media_type,
        title=meta.title,
        outlet=meta.outlet,
        author=meta.author,
        published=published,
        language=(meta.language or detect_language(cleaned.text) or "").lower() or None,
        url=meta.url,
        via=item.via,
        minhash=signature(cleaned.text),
        dropped=[DroppedLine(d.line_no, d.text, d.rule, d.reason) for d in cleaned.dropped],
    )


def _text(item: RawItem) -> tuple[str, Hints]:
    """The item's text (extracted from HTML when it is a page), and the page's metadata."""
    if item.text is not None:
        return normalise(item.text), Hints()
    try:
        text = decode(item.raw, item.charset)
    except DecodeError as exc:
        raise IngestError(str(exc)) from None
    if item.media_type != "text/html":
        return normalise(text), Hints()
    try:
        page = extract_html(text, url=item.given.url)
    except ExtractError as exc:
        raise IngestError(str(exc)) from None
    return normalise(page.text), Hints(title=page.title, outlet=page.outlet, author=page.author,
                                       published=page.published, url=page.url)


def _first(hints: list[Hints]) -> Hints:
    merged = Hints()
    for hint in hints:
        merged = merged.over(hint)
    return merged


def normalise_date(value: str | None) -> str | None:
    """YYYY-MM-DD for a date with day, month and year, in any common format; else None."""
    if not value or not value.strip():
        return None
    iso, dotted = _ISO_DATE.match(value.strip()), _DOTTED_DATE.match(value.strip())
    if iso or dotted:
        year, month, day = map(int, iso.groups() if iso else reversed(dotted.groups()))
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    import dateparser  # slow to import; most dates are ISO already

    # English only: the date lines the cleaner finds are English, and guessing among
    # every language costs seconds for a string that is no date at all.
    parsed = dateparser.parse(value, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date().isoformat() if parsed else None
