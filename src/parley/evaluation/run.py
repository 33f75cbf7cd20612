"""`parley eval`: run the pipeline on a gold corpus's own texts and score it against the gold."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from parley.model import Article

from .compare import evaluate
from .gold import read_gold
from .polnear import read_polnear
from .report import EvalReport

Annotate = Callable[[Iterable[Article]], Iterator[Article]]


def load_gold_corpus(path: Path) -> list[Article]:
    """A gold JSONL file, or a PolNeAR-style brat folder (one holding `text/` and `attributions/`)."""
    if path.is_dir():
        if not (path / "text").is_dir() or not (path / "attributions").is_dir():
            raise ValueError(f"{path}: a gold folder must hold text/ and attributions/ (brat standoff)")
        return read_polnear(path)
    return read_gold(path)


def blank(article: Article) -> Article:
    """What the pipeline may see of a gold article: its text and metadata, none of its annotations."""
    return Article(id=article.id, text=article.text, outlet=article.outlet, published=article.published,
                   language=article.language, title=article.title, url=article.url)


def run_eval(gold: list[Article], annotate: Annotate) -> tuple[EvalReport, list[Article]]:
    """Score the pipeline against `gold`; returns the report and the predictions."""
    predicted = list(annotate(blank(a) for a in gold))
    return evaluate(gold, predicted), predicted
