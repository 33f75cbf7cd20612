"""Name normalisation shared by the knowledge base, the mention resolver and the evaluation.

annotations.md compares actors by "lower case, accents and punctuation dropped"; one
function does exactly that so that a lookup and a comparison can never disagree.
"""
from __future__ import annotations

import re
import unicodedata

# Letters with a diacritic but no Unicode decomposition, so NFKD alone would keep
# them ("Kalın", "Radosław", "Løkke"): folded by hand.
_UNDECOMPOSED = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H",
    "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
})
_POSSESSIVE = re.compile(r"(?:['’ʼ][sS]|(?<=[sS])['’ʼ])$")


def strip_accents(text: str) -> str:
    """The text with diacritics dropped, case and punctuation kept ("Erdoğan" -> "Erdogan")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)


def normalize_name(text: str) -> str:
    """Lower case, accents and punctuation dropped, whitespace collapsed: "U.S." == "us", "Erdoğan" == "erdogan"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(ch for ch in decomposed
                   if not unicodedata.combining(ch) and not unicodedata.category(ch).startswith("P"))
    return " ".join(kept.translate(_UNDECOMPOSED).split())


def strip_possessive(text: str) -> str:
    """The text without a trailing possessive ("Russia's" -> "Russia", "Reuters'" -> "Reuters")."""
    return _POSSESSIVE.sub("", text.rstrip()).rstrip()
