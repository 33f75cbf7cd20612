"""The comparison of annotations.md, rule by rule, and gold-against-itself sanity checks."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from rich.console import Console

from parley.evaluation import actors_equal, dates_agree, evaluate, normalize_name, read_gold, render
from parley.model import Actor, Article, Event, Position, Statement

SHARED = Path("/work/shared")
TEXT = ("Officials said the talks in Geneva will resume next week after a long pause. "
        "The minister added that nobody expects a quick deal.")


def article(text: str = TEXT, **items) -> Article:
    return Article(id=items.pop("id", "a1"), text=text, **items)


def person(actor_id: str, name: str, country: str | None = None, *aliases: str, kind: str = "person") -> Actor:
    return Actor(id=actor_id, name=name, aliases=list(aliases), country=country, kind=kind)


def said(text: str, speaker: str | None = None, speaker_text: str | None = None, **extra) -> Statement:
    return Statement(speaker=speaker, text=text, speaker_text=speaker_text, **extra)


def counts(report, section: str, metric: str) -> tuple[int, int, int]:
    m = report.overall[section][metric]
    return m["tp"], m["fp"], m["fn"]


def all_values(node):
    """Every precision/recall/f1/share number in a report's JSON."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("precision", "recall", "f1", "share"):
                yield value
            else:
                yield from all_values(value)


# --- names and dates ---------------------------------------------------------------------------

def test_normalize_name_drops_case_accents_and_punctuation():
    assert normalize_name("Erdoğan") == normalize_name("ERDOGAN") == "erdogan"
    assert normalize_name("U.S.") == normalize_name("US")
    assert normalize_name("  Mr.  Putin ") == "mr putin"


def test_actors_equal_on_any_name_or_alias():
    assert actors_equal(person("a", "Vladimir Putin", None, "Putin"), person("b", "putin"))
    assert not actors_equal(person("a", "Vladimir Putin"), person("b", "Putin"))
    assert not actors_equal(person("a", "Putin"), None)


@pytest.mark.parametrize("a, b, agree", [
    ("2022-03", "2022-03-15", True),
    ("2022", "2022-11-03", True),
    ("2022-03-14", "2022-03-15", False),
    ("2022-03", "2022-04-01", False),
    (None, None, True),
    (None, "2022", False),
    ("2022", None, False),
])
def test_dates_agree_to_the_less_precise(a, b, agree):
    assert dates_agree(a, b) is agree


# --- statements --------------------------------------------------------------------------------

GOLD_SPAN = "the talks in Geneva will resume"  # 6 tokens


@pytest.mark.parametrize("predicted, match", [
    ("Geneva will resume next week after", True),   # 3 of 6 shared: exactly half
    ("will resume next week after a", False),       # 2 of 6
    ("resume", True),                               # shorter one fully inside
])
def test_half_of_the_shorter_ones_tokens_positionally(predicted, match):
    gold = article(statements=[said(GOLD_SPAN)])
    report = evaluate([gold], [article(statements=[said(predicted)])])
    assert counts(report, "statements", "span") == ((1, 0, 0) if match else (0, 1, 1))


def test_overlap_is_positional_when_both_are_located():
    text = "We will talk. They said we will talk again."
    gold = article(text, statements=[said("we will talk", start=text.index("we will talk"), end=text.index(" again"))])
    elsewhere = article(text, statements=[said("We will talk", start=0, end=12)])
    assert counts(evaluate([gold], [elsewhere]), "statements", "span") == (0, 1, 1)


def test_overlap_falls_back_to_token_multisets_when_text_differs():
    gold = article(statements=[said("the talks in Geneva will resume")])
    pred = article("A re-extracted text: the talks in Geneva may resume.",
                   statements=[said("the talks in Geneva may resume")])
    assert counts(evaluate([gold], [pred]), "statements", "span") == (1, 0, 0)


def test_matching_is_one_to_one():
    gold = article(statements=[said("the talks in Geneva will resume next week")])
    pred = article(statements=[said("the talks in Geneva will resume"), said("Geneva will resume next week")])
    assert counts(evaluate([gold], [pred]), "statements", "span") == (1, 1, 0)


def test_maximum_matching_is_not_fooled_by_order():
    text = "alpha beta gamma delta epsilon zeta"
    gold = article(text, statements=[said("alpha beta gamma delta"), said("gamma delta epsilon zeta")])
    pred = article(text, statements=[said("beta gamma delta epsilon"), said("alpha beta")])
    # "beta gamma delta epsilon" fits both gold spans; only giving it the second lets "alpha beta" match too
    assert counts(evaluate([gold], [pred]), "statements", "span") == (2, 0, 0)


def test_attribution_needs_equal_canonical_actors():
    gold = article(actors=[person("m", "Sergei Lavrov", "RUS", "Lavrov")],
                   statements=[said("the talks in Geneva will resume", "m", "Officials")])
    right = article(actors=[person("x", "lavrov", "RUS")], statements=[said("the talks in Geneva will resume", "x")])
    same_country = article(actors=[person("y", "Dmitry Peskov", "RUS")],
                           statements=[said("the talks in Geneva will resume", "y", "Officials")])
    assert counts(evaluate([gold], [right]), "statements", "attribution") == (1, 0, 0)
    report = evaluate([gold], [same_country])
    assert counts(report, "statements", "span") == (1, 0, 0)
    assert counts(report, "statements", "attribution") == (0, 1, 1)


@pytest.mark.parametrize("predicted_speaker_text, match", [
    ("The minister", True),        # contains the gold's words
    ("minister", True),            # is contained in them
    ("MINISTER", True),            # case ignored
    ("the talks", False),
    ("he", False),                 # words, not letters: "he" is not inside "the minister"
    (None, False),
])
def test_mention_speakers_compare_speaker_text_by_containment(predicted_speaker_text, match):
    gold = article(actors=[person("E1", "the minister", kind="mention")],
                   statements=[said("nobody expects a quick deal", "E1", "the minister")])
    pred = article(actors=[person("p", "Someone Else", "FRA")],
                   statements=[said("nobody expects a quick deal", "p" if predicted_speaker_text else None,
                                    predicted_speaker_text)])
    assert counts(evaluate([gold], [pred]), "statements", "attribution") == ((1, 0, 0) if match else (0, 1, 1))


def test_null_gold_speaker_accepts_any_speaker():
    gold = article(statements=[said("nobody expects a quick deal")])
    pred = article(actors=[person("p", "Anyone", "FRA")], statements=[said("nobody expects a quick deal", "p", "he")])
    assert counts(evaluate([gold], [pred]), "statements", "attribution") == (1, 0, 0)


# --- events ------------------------------------------------------------------------------------

RUS_USA = [person("putin", "Vladimir Putin", "RUS"), person("usa", "United States", "USA", kind="state")]


def test_events_match_at_country_level():
    gold = article(actors=RUS_USA, events=[Event("putin", "CONSULT", "usa")])
    pred = article(actors=[person("r", "Russia", "RUS", kind="state"), person("w", "Washington", "USA")],
                   events=[Event("r", "consult", "w")])
    assert counts(evaluate([gold], [pred]), "events", "triples") == (1, 0, 0)


def test_null_target_matches_only_null_target():
    gold = article(actors=RUS_USA, events=[Event("putin", "MOBILIZE", None), Event("putin", "THREATEN", "usa")])
    pred = article(actors=RUS_USA, events=[Event("putin", "MOBILIZE", "usa"), Event("putin", "THREATEN", None)])
    assert counts(evaluate([gold], [pred]), "events", "triples") == (0, 2, 2)
    assert counts(evaluate([gold], [gold]), "events", "triples") == (2, 0, 0)


def test_unknown_source_country_never_matches():
    actors = [person("x", "Unnamed officials"), RUS_USA[1]]
    gold = article(actors=actors, events=[Event("x", "ACCUSE", "usa")])
    assert counts(evaluate([gold], [gold]), "events", "triples") == (0, 1, 1)


def test_triple_counted_once_per_article():
    gold = article(actors=RUS_USA, events=[Event("putin", "REQUEST", "usa", "2024-11-07"),
                                           Event("putin", "REQUEST", "usa", "2024-11")])
    pred = article(actors=RUS_USA, events=[Event("putin", "REQUEST", "usa", "2024-11-07")])
    assert counts(evaluate([gold], [pred]), "events", "triples") == (1, 0, 0)


def test_date_agreement_takes_the_best_pair_of_a_matched_triple():
    gold = article(actors=RUS_USA, events=[Event("putin", "REQUEST", "usa", "2021-12"),
                                           Event("putin", "CONSULT", "usa", "2022-01-10")])
    pred = article(actors=RUS_USA, events=[Event("putin", "REQUEST", "usa", "2020"),
                                           Event("putin", "REQUEST", "usa", "2021-12-16"),
                                           Event("putin", "CONSULT", "usa", None)])
    dates = evaluate([gold], [pred]).overall["events"]["date_agreement"]
    assert (dates["hits"], dates["total"], dates["share"]) == (1, 2, 0.5)


def test_single_event_metrics_dyad_recall_and_type_accuracy():
    actors = RUS_USA + [person("ukr", "Ukraine", "UKR", kind="state")]
    gold = [article(id="1", actors=actors, events=[Event("putin", "ACCUSE", "usa")]),
            article(id="2", actors=actors, events=[Event("putin", "ASSAULT", "ukr")]),
            article(id="3", actors=actors, events=[Event("usa", "AID", "ukr")])]
    pred = [article(id="1", actors=actors, events=[Event("putin", "ACCUSE", "usa"), Event("putin", "REJECT", "usa")]),
            article(id="2", actors=actors, events=[Event("putin", "COERCE", "ukr")]),
            article(id="3", actors=actors, events=[Event("ukr", "AID", "usa")])]
    events = evaluate(gold, pred).overall["events"]
    assert events["triple_recall"]["share"] == pytest.approx(1 / 3)
    assert events["dyad_recall"]["share"] == pytest.approx(2 / 3)
    assert events["type_accuracy"]["share"] == pytest.approx(1 / 2)


# --- positions ---------------------------------------------------------------------------------

def test_positions_match_at_country_level_once_per_key():
    gold = article(actors=RUS_USA, positions=[Position("putin", "sanctions_on_russia", "against"),
                                              Position("putin", "negotiations", "for")])
    pred = article(actors=[person("k", "the Kremlin", "RUS", kind="state"), person("l", "Lavrov", "RUS")],
                   positions=[Position("k", "sanctions_on_russia", "against"),
                              Position("l", "sanctions_on_russia", "against"),
                              Position("l", "negotiations", "against")])
    assert counts(evaluate([gold], [pred]), "positions", "matches") == (1, 1, 1)


# --- articles, sections, report ----------------------------------------------------------------

def test_missing_prediction_counts_everything_missed_and_sections_follow_the_gold():
    gold = article(actors=RUS_USA, statements=[said("nobody expects a quick deal")],
                   events=[Event("putin", "CONSULT", "usa")])
    report = evaluate([gold], [article(id="other")])
    assert report.overall["unpredicted"] == 1
    assert counts(report, "statements", "span") == (0, 0, 1)
    assert report.overall["statements"]["span"]["recall"] == 0
    assert report.overall["statements"]["span"]["precision"] is None
    assert counts(report, "events", "triples") == (0, 0, 1)
    assert "positions" not in report.overall and report.sections["positions"] is False


def test_micro_average_and_per_article():
    gold = [article(id="1", statements=[said("nobody expects a quick deal")]),
            article(id="2", statements=[said("the talks in Geneva will resume"), said("nobody expects a quick deal")])]
    pred = [article(id="1", statements=[said("nobody expects a quick deal")]),
            article(id="2", statements=[said("nobody expects a quick deal")])]
    report = evaluate(gold, pred)
    assert counts(report, "statements", "span") == (2, 0, 1)
    assert report.overall["statements"]["span"]["recall"] == pytest.approx(2 / 3)
    assert report.per_article["2"]["statements"]["span"]["recall"] == 0.5


def test_duplicate_ids_are_refused():
    with pytest.raises(ValueError, match="duplicate id"):
        evaluate([article(), article()], [])


def test_report_renders_and_serialises():
    gold = article(actors=RUS_USA, statements=[said("nobody expects a quick deal")],
                   events=[Event("putin", "CONSULT", "usa", "2022")],
                   positions=[Position("putin", "negotiations", "for")])
    report = evaluate([gold], [article()])
    json.dumps(report.to_json())
    console = Console(record=True, width=200)
    render(report, console)
    shown = console.export_text()
    assert "statements: span" in shown and "event dyad recall" in shown and "a1" in shown


# --- reading gold ------------------------------------------------------------------------------

def test_read_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    good = json.dumps({"id": "x", "text": "t"})
    path.write_text(f"{good}\n\n{{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold.jsonl: line 3"):
        read_gold(path)
    path.write_text(f"{good}\n{good}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 2: id 'x' repeats line 1"):
        read_gold(path)


# --- gold against itself -----------------------------------------------------------------------

@pytest.mark.parametrize("relative", ["gold/samples.jsonl", "data/plover/gsr-dev.jsonl"])
def test_gold_against_itself_scores_one(relative):
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} absent")
    gold = read_gold(path)
    report = evaluate(gold, gold)
    values = [v for v in all_values(report.to_json()) if v is not None]
    assert values and all(math.isclose(v, 1.0) for v in values)
    empty = evaluate(gold, [])
    for section in ("statements", "events", "positions"):
        if section in empty.overall:
            first = next(iter(empty.overall[section].values()))
            assert first["recall"] == 0
