"""Lower-case names read capitalised by the parser, with the article's text kept verbatim."""
from __future__ import annotations

from parley.annotate.truecase import name_words, truecase

NAMES = name_words(["Putin", "Trump", "Kremlin", "Turkey", "Donald Trump", "NATO"])


def test_only_one_word_names_written_as_names_count():
    assert NAMES == {"putin", "trump", "kremlin", "turkey"}


def test_lower_case_names_are_capitalised_and_nothing_else_changes():
    text = "putin said the kremlin was ready, and Donald Trump agreed."
    assert truecase(text, NAMES) == "Putin said the Kremlin was ready, and Donald Trump agreed."


def test_an_everyday_word_is_a_name_only_where_the_article_capitalises_it():
    assert truecase("They will trump any offer and eat turkey.", NAMES) is None
    assert truecase("putin congratulated trump, and Donald Trump thanked him.", NAMES) == \
        "Putin congratulated Trump, and Donald Trump thanked him."


def test_the_parse_keeps_the_text_verbatim():
    from parley.annotate.pipeline import Annotator
    annotator = Annotator()
    text = "Talks\n\nputin congratulated trump on his victory, and Donald Trump thanked putin."
    doc = next(annotator.parse([text]))
    assert doc.text == text
    assert [t.pos_ for t in doc if t.lower_ == "putin"][0] == "PROPN"
