"""Article text and metadata from an HTML page, with trafilatura.

trafilatura is tried as it is first (precision with its own fallbacks), then
tuned for recall; a page where both find nothing is an error, never an empty
article.
"""
from __future__ import annotations

from dataclasses import dataclass


class ExtractError(ValueError):
    """An HTML page with no article text in it."""


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None


def extract_html(html: str, url: str | None = None) -> Extracted:
    """The main text (paragraphs one per line) and the page's metadata."""
    import trafilatura  # slow to import; only HTML needs it

    options = {"url": url, "with_metadata": True, "include_comments": False, "include_tables": True}
    try:
        doc = trafilatura.bare_extraction(html, **options)
        if doc is None or not (doc.text or "").strip():
            doc = trafilatura.bare_extraction(html, favor_recall=True, **options)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise ExtractError(f"malformed HTML: {exc.__class__.__name__}: {exc}") from exc
    if doc is None or not (doc.text or "").strip():
        raise ExtractError("no article text found in the HTML (trafilatura found none)")
    return Extracted(
        text=doc.text,
        title=doc.title or None,
        author=doc.author or None,
        published=doc.date or None,
        outlet=doc.sitename or None,
        url=doc.url or url,
    )
