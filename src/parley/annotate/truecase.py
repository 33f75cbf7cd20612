"""Names written in lower case ("putin congratulated trump", the house style of some translated outlets)
are capitalised for the parser only: the small English model tags "putin" and "trump" as common nouns and
misparses the sentence. The Doc it returns keeps the article's text verbatim; only the annotations come
from the capitalised copy, which has the same length, so every offset holds.
"""
from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Doc

# Lower-case names that are also everyday English words: capitalised only where the article itself writes
# them capitalised somewhere ("Trump" elsewhere, so "trump" here is the man).
COMMON_WORDS = frozenset("""
turkey china chad jordan georgia guinea niger polish french dutch swiss may power bush rice brown young cook
little king price long gay lee chance hope grant mark rose ward west western eastern southern northern central
trump truss will bill hunter gates major green fox bond church wood hill lamb ross page
""".split())

_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
# A capitalised word not at the start of a sentence (where every word is capitalised).
_CAPITALISED = re.compile(r"(?<![.!?:\n]\s)(?<!^)\b[A-Z][a-z'’-]+\b", re.MULTILINE)


def name_words(forms: Iterable[str]) -> frozenset[str]:
    """The one-word names among the knowledge base's surface forms, in lower case."""
    return frozenset(f.lower() for f in forms if " " not in f and f[:1].isupper() and f[1:].islower())


def truecase(text: str, names: frozenset[str]) -> str | None:
    """The text with its lower-case names capitalised, or None when it has none."""
    capitalised = None
    changed = False

    def capitalise(match: re.Match[str]) -> str:
        nonlocal capitalised, changed
        word = match.group(0)
        if word not in names:
            return word
        if word in COMMON_WORDS:
            if capitalised is None:
                capitalised = {m.group(0).lower() for m in _CAPITALISED.finditer(text)}
            if word not in capitalised:
                return word
        changed = True
        return word[0].upper() + word[1:]

    out = _LOWER_WORD.sub(capitalise, text)
    return out if changed else None


def verbatim(doc: Doc, original: str) -> Doc:
    """The parse of a capitalised copy, over the original text."""
    return Doc(doc.vocab, words=[original[t.idx:t.idx + len(t.text)] for t in doc],
               spaces=[bool(t.whitespace_) for t in doc], tags=[t.tag_ for t in doc], pos=[t.pos_ for t in doc],
               morphs=[str(t.morph) for t in doc], lemmas=[t.lemma_ for t in doc],
               heads=[t.head.i for t in doc], deps=[t.dep_ for t in doc],
               ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ != "O" else "O" for t in doc])
