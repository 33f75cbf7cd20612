"""The annotation pipeline: one spaCy parse per article, then stages that each read what the last added.

    text ─▶ spaCy Doc ─▶ actors (mentions) ─▶ statements ─▶ events ─▶ positions ─▶ Article
          (names in lower case read capitalised: truecase.py)

spaCy is loaded once per process; parsing runs in batches (and optionally in worker
processes) with `nlp.pipe`; the stages after it are cheap rule passes over the parse.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from spacy.tokens import Doc

from parley.annotate.actors import ActorResolver
from parley.annotate.events import extract_events
from parley.annotate.nlp import load_nlp
from parley.annotate.positions import extract_positions
from parley.annotate.statements import extract_statements, without_self_citation
from parley.annotate.truecase import name_words, truecase, verbatim
from parley.knowledge.actors import KnowledgeBase
from parley.knowledge.codebook import Codebook, load_codebook
from parley.model import Article

# Bumped whenever a stage changes what it emits, so stored annotations are redone.
ANNOTATION_VERSION = 3
# The languages the pipeline reads (its spaCy model is English).
LANGUAGES = frozenset({"en"})


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class Annotator:
    """Fills `actors`, `statements`, `events` and `positions` of article objects."""

    def __init__(self, actors_files: Sequence[Path] = (), codebook: Path | Codebook | None = None,
                 n_process: int = 1, batch_size: int = 16) -> None:
        self.nlp = load_nlp()
        self.kb = KnowledgeBase.load(tuple(actors_files))
        self.codebook = codebook if isinstance(codebook, Codebook) else load_codebook(codebook)
        self.resolver = ActorResolver(self.nlp, self.kb)
        self.names = name_words(self.kb.surface_forms())
        self.n_process = n_process
        self.batch_size = batch_size

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        """spaCy's parses of the texts, in order; names written in lower case are read capitalised."""
        pairs = ((truecase(text, self.names) or text, text) for text in texts)
        for doc, original in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size,
                                           n_process=self.n_process):
            yield doc if doc.text == original else verbatim(doc, original)

    @staticmethod
    def reads(article: Article) -> bool:
        """Is the article in a language the pipeline reads (or of unknown language)? An English model
        run over German text finds speakers and events that are not there."""
        return not article.language or article.language.split("-")[0].lower() in LANGUAGES

    def annotate(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Parse and annotate a stream of articles, in order; those in other languages pass unannotated."""
        pending = list(articles)
        docs = self.parse(a.text for a in pending if self.reads(a))
        for article in pending:
            yield self.annotate_doc(article, next(docs)) if self.reads(article) else article

    def annotate_doc(self, article: Article, doc: Doc) -> Article:
        published = parse_date(article.published)
        actors = self.resolver(doc, published)
        statements = without_self_citation(extract_statements(doc, actors.resolve_span), actors.names_of,
                                           article.outlet)
        events = extract_events(doc, actors, statements, published)
        positions = extract_positions(doc, actors, statements, events, self.codebook, published)
        used = {s.speaker for s in statements} | {e.source for e in events} | {e.target for e in events}
        used |= {p.actor for p in positions} | {p.reported_by for p in positions}
        used.discard(None)
        return replace(article, actors=actors.used(used), statements=statements,
                       events=events, positions=positions)
