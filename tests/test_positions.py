"""Positions from cue phrases, on sentences written for these tests, and the codebook loader."""
from pathlib import Path

import pytest
from fake_actors import english, fake_actors

from parley.annotate.events import extract_events
from parley.annotate.positions import extract_positions, issue_cues
from parley.knowledge.codebook import load_codebook, parse_codebook
from parley.model import Statement

CODEBOOK = parse_codebook("""
negotiation: test
issues:
  - id: nato_enlargement
    proposition: NATO takes in new members.
    for: [NATO membership for Ukraine, join NATO]
    against: [non-enlargement, halt NATO expansion]
  - id: sanctions
    proposition: Sanctions on Russia stay.
    for: [impose sanctions, sanctions roadmap]
    against: [lift sanctions]
  - id: negotiations
    proposition: The parties talk now.
    for: [open to negotiations, peace talks]
    against: [refuse to negotiate]
  - id: order
    proposition: A new world order replaces the old one.
    for: [new grand bargain, multipolar world]
    against: [rules-based order]
""")


def positions(text, statements=()):
    nlp = english()
    doc = nlp(text)
    actors = fake_actors(text)
    events = extract_events(doc, actors, list(statements), None)
    found = extract_positions(doc, actors, list(statements), events, CODEBOOK)
    return {(actors.country(p.actor), p.issue, p.stance) for p in found}, found, actors


def test_cue_in_a_demand():
    found, items, _ = positions("Russia has been demanding the non-enlargement of NATO.")
    assert ("RUS", "nato_enlargement", "against") in found
    item = items[0]
    assert item.evidence and "non-enlargement" in item.evidence


def test_fuzzy_synonym_and_inflection():
    assert ("RUS", "nato_enlargement", "against") in positions("Moscow insists on the non-expansion of the alliance.")[0]
    assert ("UKR", "negotiations", "for") in positions("Kyiv said it was open to discussions with Moscow.")[0]


def test_negation_flips_the_stance():
    found = positions("Poland does not want sanctions lifted.")[0]
    assert ("POL", "sanctions", "for") in found
    assert ("USA", "negotiations", "against") in positions("Washington rejected peace talks with Moscow.")[0]


def test_reported_wants_belong_to_the_wanter():
    found, items, actors = positions("Erdogan said Putin wants a new grand bargain with the West.")
    assert ("RUS", "order", "for") in found
    item = next(p for p in items if p.issue == "order")
    assert item.actor == "putin" and item.reported_by == "erdogan"


def test_condition_set_by_the_main_clause():
    text = "Putin said Russia would only consider a reset if the United States lifted sanctions against Russia."
    found = positions(text)[0]
    assert ("RUS", "sanctions", "against") in found
    assert ("USA", "sanctions", "against") not in found


def test_statement_speaker_when_the_clause_has_no_subject():
    text = "\u201cOnly peace talks can end this,\u201d Lavrov said."
    statement = Statement(speaker="lavrov", text="Only peace talks can end this", kind="direct", start=1, end=30)
    assert ("RUS", "negotiations", "for") in positions(text, [statement])[0]


def test_no_position_without_a_cue():
    assert positions("Russia and Ukraine exchanged prisoners on Monday.")[0] == set()


def test_issue_cues_show_the_normalised_bags():
    bags = issue_cues(CODEBOOK.issue("sanctions"))
    assert [bag[0] for bag in bags["against"]] == ["lift"] and len(bags["for"]) == 2


# -- codebook loader ---------------------------------------------------------------------

def test_shipped_codebook_loads():
    book = load_codebook()
    assert book.negotiation and len(book.issues) >= 5
    assert all(issue.for_cues or issue.against_cues for issue in book.issues)


def test_shared_codebook_schema_loads():
    path = Path(__file__).resolve().parents[2] / "shared" / "spec" / "codebook.yaml"
    if not path.exists():
        pytest.skip("shared spec not available")
    assert load_codebook(path).issue("negotiations") is not None


@pytest.mark.parametrize("body, message", [
    ("issues: []", "non-empty 'issues'"),
    ("issues:\n  - proposition: x\n    for: [a]", "missing 'id'"),
    ("issues:\n  - id: a\n    for: [a]", "(a): missing 'proposition'"),
    ("issues:\n  - id: a\n    proposition: p\n    for: a", "(a): 'for' must be a list"),
    ("issues:\n  - id: a\n    proposition: p\n    for: [x]\n  - id: a\n    proposition: q\n    for: [y]", "duplicate id"),
    ("issues:\n  - id: a\n    proposition: p", "needs at least one"),
    ("issues:\n  - id: a\n    proposition: p\n    for: [x]\n    pro: [y]", "unknown keys"),
    ("issues: [", "not valid YAML"),
])
def test_malformed_codebook_names_file_and_entry(tmp_path, body, message):
    path = tmp_path / "book.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ValueError) as error:
        load_codebook(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_missing_file(tmp_path):
    with pytest.raises(ValueError, match="cannot read"):
        load_codebook(tmp_path / "nope.yaml")
