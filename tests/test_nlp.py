"""The pipeline's fixes for scraped news text: sentence starts at line breaks and after wire datelines."""
from __future__ import annotations

import pytest


def _sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


@pytest.mark.parametrize("dateline", ["MOSCOW, Nov 7 (Reuters) - ", "KYIV (AP) — ", "TELORIA, April 9 - ",
                                      "NEW YORK, Jan. 12 (Halcyon Wire) -- ", "TELORIA, November 8. /VNB/. "])
def test_a_wire_dateline_is_not_part_of_the_first_sentence(nlp, dateline):
    sentences = _sentences(nlp, dateline + "Ostrel accused Varnia of stalling the talks, officials said.")
    assert sentences[-1] == "Ostrel accused Varnia of stalling the talks, officials said."


def test_a_dash_inside_a_sentence_is_no_dateline(nlp):
    text = "Ostrel's envoy - a veteran of the 1994 talks - said Varnia was stalling."
    assert _sentences(nlp, text) == [text]


def test_a_headline_line_is_its_own_sentence(nlp):
    sentences = _sentences(nlp, "Talks stall in Tarsk\nOstrel accused Varnia of stalling the talks.")
    assert sentences == ["Talks stall in Tarsk", "Ostrel accused Varnia of stalling the talks."]


def test_a_short_heading_line_is_its_own_sentence_even_before_lower_case(nlp):
    sentences = _sentences(nlp, "Addendum\nostrel accused varnia of stalling the talks.")
    assert sentences == ["Addendum", "ostrel accused varnia of stalling the talks."]


def test_a_hard_wrapped_line_runs_on_in_lower_case(nlp):
    text = ("Ostrel accused Varnia on Tuesday of stalling the talks that the mediator\n"
            "had arranged in Aldenport.")
    assert len(_sentences(nlp, text)) == 1
