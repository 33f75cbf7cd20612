"""Positions on sentences written for these tests, one group per construction, and the codebook loader.

Each case lists the (country, issue, stance) triples the sentence must yield and those it must not,
so a rule is judged by the kinds of sentences it handles, not by one article's wording.
"""
from pathlib import Path

import pytest
from fake_actors import english, fake_actors

from parley.annotate.events import extract_events
from parley.annotate.positions import extract_positions
from parley.annotate.statements import extract_statements
from parley.knowledge.codebook import issue_cues, load_codebook, parse_codebook

CODEBOOK = parse_codebook("""
negotiation: test
issues:
  - id: nato_enlargement
    proposition: NATO takes in new members such as Ukraine.
    for: [NATO membership for Ukraine, join NATO, open door]
    against: [non-enlargement, halt NATO expansion, neutral status]
  - id: sanctions_on_russia
    proposition: Sanctions on Russia are imposed or kept in place.
    for: [impose sanctions, sanctions roadmap, keep the sanctions in place]
    against: [lift sanctions, ease sanctions, illegal sanctions]
  - id: negotiations
    proposition: The parties hold talks now.
    for: [open to negotiations, peace talks, return to the negotiating table]
    against: [refuse to negotiate, no talks]
  - id: troop_withdrawal
    proposition: Russia pulls its troops back from the border.
    for: [withdraw the troops, pull back forces, demilitarised zone]
    against: [halt the pullback, routine exercise]
  - id: prisoner_exchange
    proposition: The prisoners held by both sides are exchanged.
    for: [prisoner swap, exchange of prisoners, release the prisoners]
    against: [put them on trial]
  - id: osce_mediation
    proposition: The OSCE mediates between the parties.
    for: [OSCE mediation, offered to mediate]
    against: [no need for intermediaries]
  - id: new_world_order
    proposition: A multipolar order or a new grand bargain replaces the Western-led order.
    for: [new grand bargain, multipolar world]
    against: [rules-based order]
  - id: ukraine_in_talks
    proposition: Ukraine takes part in every negotiation about it.
    for: [nothing about Ukraine without Ukraine, Kiev at the table]
    against: [direct talks with Washington only]
""")


def positions(text, codebook=CODEBOOK):
    """(country, issue, stance) triples and the positions, over the real statements and events."""
    doc = english()(text)
    actors = fake_actors(text)
    statements = extract_statements(doc, actors.resolve_span)
    events = extract_events(doc, actors, statements, None)
    found = extract_positions(doc, actors, statements, events, codebook)
    return {(actors.country(p.actor), p.issue, p.stance) for p in found}, found


def check(text, wanted, unwanted=()):
    found = positions(text)[0]
    assert set(wanted) <= found, f"missing {set(wanted) - found} in {found}"
    assert not set(unwanted) & found, f"unwanted {set(unwanted) & found}"


# -- whose stance: speaker, the subject of a want, the state behind a spokesperson ------------------
HOLDERS = [
    ("Putin called for peace talks with Ukraine.", [("RUS", "negotiations", "for")], [("UKR", "negotiations", "for")]),
    ("Peskov said the Kremlin was open to negotiations with Kyiv.", [("RUS", "negotiations", "for")],
     [("UKR", "negotiations", "for")]),
    ("Lavrov said Ukraine must never join NATO.", [("RUS", "nato_enlargement", "against")],
     [("UKR", "nato_enlargement", "against")]),
    ("Ukraine wants Germany to impose sanctions on Russia.", [("UKR", "sanctions_on_russia", "for")],
     [("DEU", "sanctions_on_russia", "for")]),
    ("Blinken urged Russia to return to the negotiating table.", [("USA", "negotiations", "for")],
     [("RUS", "negotiations", "for")]),
    ("Poland and Germany demanded that Russia release the prisoners.",
     [("POL", "prisoner_exchange", "for"), ("DEU", "prisoner_exchange", "for")], [("RUS", "prisoner_exchange", "for")]),
    ("\u201cWe are open to negotiations,\u201d Lavrov said.", [("RUS", "negotiations", "for")], []),
    ("\u201cOnly peace talks can end this,\u201d Lavrov said.", [("RUS", "negotiations", "for")], []),
    ("Russia, Zelensky said, should withdraw the troops from the border.", [("UKR", "troop_withdrawal", "for")],
     [("RUS", "troop_withdrawal", "for")]),
]


@pytest.mark.parametrize("text, wanted, unwanted", HOLDERS)
def test_holder(text, wanted, unwanted):
    check(text, wanted, unwanted)


# -- negation and refusal turn the stance round --------------------------------------------------
NEGATIONS = [
    ("Moscow ruled out talks with Kyiv.", [("RUS", "negotiations", "against")], [("RUS", "negotiations", "for")]),
    ("Zelensky said Ukraine would never negotiate with Russia.", [("UKR", "negotiations", "against")],
     [("UKR", "negotiations", "for")]),
    ("Russia refused to discuss a prisoner swap.", [("RUS", "prisoner_exchange", "against")],
     [("RUS", "prisoner_exchange", "for")]),
    ("Washington rejected peace talks with Moscow.", [("USA", "negotiations", "against")], []),
    ("Poland does not want sanctions lifted.", [("POL", "sanctions_on_russia", "for")],
     [("POL", "sanctions_on_russia", "against")]),
    ("Germany did not rule out new sanctions.", [("DEU", "sanctions_on_russia", "for")],
     [("DEU", "sanctions_on_russia", "against")]),
    ("Turkey opposed lifting the sanctions.", [("TUR", "sanctions_on_russia", "for")],
     [("TUR", "sanctions_on_russia", "against")]),
    ("Kyiv will not give up its bid to join NATO.", [("UKR", "nato_enlargement", "for")],
     [("UKR", "nato_enlargement", "against")]),
    ("Russia said it was not against peace talks.", [("RUS", "negotiations", "for")],
     [("RUS", "negotiations", "against")]),
]


@pytest.mark.parametrize("text, wanted, unwanted", NEGATIONS)
def test_negation_and_refusal(text, wanted, unwanted):
    check(text, wanted, unwanted)


# -- conditions: the one who sets a condition wants it met; the conditioned thing is no stance ----
CONDITIONS = [
    ("Putin said Russia would only consider talks if the United States lifted sanctions against Russia.",
     [("RUS", "sanctions_on_russia", "against")], [("USA", "sanctions_on_russia", "against")]),
    ("Germany said the sanctions would stay in place until Russia withdraws the troops from the border.",
     [("DEU", "sanctions_on_russia", "for"), ("DEU", "troop_withdrawal", "for")], [("RUS", "troop_withdrawal", "for")]),
    ("Poland demanded a full Russian withdrawal as a condition for peace talks.",
     [("POL", "troop_withdrawal", "for")], [("POL", "negotiations", "for"), ("RUS", "troop_withdrawal", "for")]),
    ("Lavrov said Russia would return to the negotiating table only after the sanctions are lifted.",
     [("RUS", "sanctions_on_russia", "against")], []),
    ("Talks can only begin once Russia pulls back its forces, Blinken said.",
     [("USA", "troop_withdrawal", "for")], [("RUS", "troop_withdrawal", "for")]),
    ("Unless Russia releases the prisoners, there will be no talks, Zelensky said.",
     [("UKR", "prisoner_exchange", "for")], [("RUS", "prisoner_exchange", "for")]),
    # a negative clause that sets the condition does not turn it: Russia wants the sanctions lifted
    ("Lavrov said Russia would not return to the talks until the West lifts the sanctions.",
     [("RUS", "sanctions_on_russia", "against")], [("RUS", "sanctions_on_russia", "for")]),
]


@pytest.mark.parametrize("text, wanted, unwanted", CONDITIONS)
def test_condition(text, wanted, unwanted):
    check(text, wanted, unwanted)


# -- descriptions of a format, a topic list or history state no stance ----------------------------
DESCRIPTIONS = [
    "Peace talks were last held in Istanbul in 2022.",
    "Russia and Ukraine held peace talks in Istanbul in March 2022.",
    "The talks between Russia and Ukraine ended without a deal.",
    "Sanctions were first imposed on Russia in 2014.",
    "Since the sanctions were imposed, trade between Germany and Russia has fallen.",
    "The talks in Geneva between Russia and the United States focused on sanctions, prisoners and troops.",
    "Blinken arrived in Kyiv on Monday for a two-day visit.",
]


@pytest.mark.parametrize("text", DESCRIPTIONS)
def test_description_is_no_stance(text):
    assert positions(text)[0] == set()


# -- wants reported by someone else belong to the one who wants --------------------------------
def test_reported_wants_belong_to_the_wanter():
    found, items = positions("Erdogan said Putin wants a new grand bargain with the West.")
    assert ("RUS", "new_world_order", "for") in found and ("TUR", "new_world_order", "for") not in found
    item = next(p for p in items if p.issue == "new_world_order")
    assert item.actor == "putin" and item.reported_by == "erdogan"


REPORTED = [
    ("Blinken said Russia seeks the non-enlargement of NATO.", [("RUS", "nato_enlargement", "against")],
     [("USA", "nato_enlargement", "against")]),
    ("Lavrov said Kyiv had refused to negotiate.", [("UKR", "negotiations", "against")],
     [("RUS", "negotiations", "against")]),
    ("Zelensky told reporters that Germany was ready to impose new sanctions.",
     [("DEU", "sanctions_on_russia", "for")], [("UKR", "sanctions_on_russia", "for")]),
    ("Erdogan said Russia wants direct talks with Washington only.", [("RUS", "ukraine_in_talks", "against")],
     [("TUR", "ukraine_in_talks", "against")]),
]


@pytest.mark.parametrize("text, wanted, unwanted", REPORTED)
def test_reported_want(text, wanted, unwanted):
    check(text, wanted, unwanted)


# -- what an actor does or welcomes toward the issue's object is evidence ------------------------
ATTITUDES = [
    ("Germany welcomed the sanctions.", [("DEU", "sanctions_on_russia", "for")], []),
    ("Russia condemned the new sanctions.", [("RUS", "sanctions_on_russia", "against")],
     [("RUS", "sanctions_on_russia", "for")]),
    ("Russia dismissed the offer of OSCE mediation as premature.", [("RUS", "osce_mediation", "against")],
     [("RUS", "osce_mediation", "for")]),
    ("Ukraine accepted the prisoner swap.", [("UKR", "prisoner_exchange", "for")], []),
    ("Russia agreed to withdraw the troops.", [("RUS", "troop_withdrawal", "for")], []),
    ("Poland imposed sanctions on Russia on Friday.", [("POL", "sanctions_on_russia", "for")], []),
    ("Kyiv backed the idea of a demilitarised zone.", [("UKR", "troop_withdrawal", "for")], []),
    ("Turkey demanded the withdrawal of Russian forces.", [("TUR", "troop_withdrawal", "for")], []),
]


@pytest.mark.parametrize("text, wanted, unwanted", ATTITUDES)
def test_attitude_toward_the_issue(text, wanted, unwanted):
    check(text, wanted, unwanted)


# -- a verdict in the cue, a predicate, a clause of time, a doubt above the holder ---------------
FRAMES = [
    ("Russia rejected the illegal sanctions imposed by the West.", [("RUS", "sanctions_on_russia", "against")],
     [("RUS", "sanctions_on_russia", "for")]),
    ("Russia dismissed the sanctions as illegal.", [("RUS", "sanctions_on_russia", "against")],
     [("RUS", "sanctions_on_russia", "for")]),
    ("Germany dismissed Russia's offer of peace talks as a trick.",
     [("DEU", "negotiations", "against"), ("RUS", "negotiations", "for")], [("DEU", "negotiations", "for")]),
    ("Russia drops its plan to put them on trial and agrees to a prisoner swap.",
     [("RUS", "prisoner_exchange", "for")], [("RUS", "prisoner_exchange", "against")]),
    ("Russia will not give up its demand for the non-enlargement of NATO.", [("RUS", "nato_enlargement", "against")],
     [("RUS", "nato_enlargement", "for")]),
    ("Poland opposes any easing of sanctions.", [("POL", "sanctions_on_russia", "for")],
     [("POL", "sanctions_on_russia", "against")]),
    ("Russia has never accepted NATO membership for Ukraine.", [("RUS", "nato_enlargement", "against")],
     [("RUS", "nato_enlargement", "for")]),
    ("Turkey offered to host talks on sanctions relief.", [("TUR", "negotiations", "for")],
     [("TUR", "sanctions_on_russia", "against")]),
    ("The United States said the sanctions would stay in place until Russia frees the prisoners.",
     [("USA", "prisoner_exchange", "for")], [("RUS", "prisoner_exchange", "for")]),
]


@pytest.mark.parametrize("text, wanted, unwanted", FRAMES)
def test_frame(text, wanted, unwanted):
    check(text, wanted, unwanted)


NO_STANCE = [
    "After Russia rejected peace talks in 2022, Ukraine launched a counteroffensive.",
    "Since Ukraine refused to negotiate, the war has dragged on.",
    "Peskov said the statement did not mean that Russia had agreed to peace talks.",
    "Lavrov said it was not true that Russia wanted peace talks.",
    "Germany and other NATO member states sent arms.",
    "Russia refused to discuss the schedule of the talks.",
    "This puts the rules-based order to a test, Erdogan said.",
    "Asked whether Russia would accept peace talks, Peskov declined to comment.",
    "The Minsk agreement, under which Russia would withdraw the troops, collapsed in 2022.",
]


@pytest.mark.parametrize("text", NO_STANCE)
def test_no_stance(text):
    assert positions(text)[0] == set()


# -- precision: one piece of evidence, one issue -------------------------------------------------
def test_one_cue_one_issue():
    found = positions("Moscow ruled out talks with Kyiv.")[0]
    assert {issue for _, issue, _ in found} == {"negotiations"}


def test_cue_in_a_demand_keeps_its_evidence():
    found, items = positions("Russia has been demanding the non-enlargement of NATO.")
    assert ("RUS", "nato_enlargement", "against") in found
    assert items[0].evidence and "non-enlargement" in items[0].evidence


def test_fuzzy_synonym_and_inflection():
    assert ("RUS", "nato_enlargement", "against") in positions("Moscow insists on the non-expansion of the alliance.")[0]
    assert ("UKR", "negotiations", "for") in positions("Kyiv said it was open to discussions with Moscow.")[0]


def test_issue_cues_show_the_normalised_bags():
    bags = issue_cues(CODEBOOK.issue("sanctions_on_russia"))
    assert [bag[0] for bag in bags["against"]][:1] == ["lift"] and len(bags["for"]) == 3
    assert len(bags["topic"]) == 1


def test_a_cue_word_with_a_short_root_matches_its_inflections():
    aid = parse_codebook("""
negotiation: aid
issues:
  - id: western_aid
    proposition: The West keeps arming Ukraine.
    for: [arms deliveries]
    against: [stop arming Kyiv]
""")
    assert ("RUS", "western_aid", "against") in positions("Lavrov said the West must stop arming Kyiv.", aid)[0]


# -- another negotiation: the issue's head noun comes from its id, whatever the codebook --------
OTHER = parse_codebook("""
negotiation: border
issues:
  - id: border_demarcation
    proposition: Armenia and Azerbaijan mark out their common border.
    for: [demarcate the border, border commission]
    against: [no demarcation]
  - id: international_arbitration
    proposition: The dispute goes to international arbitration.
    for: [international arbitration, go to court]
    against: [bilateral matter]
  - id: osce_mediation
    proposition: The OSCE mediates between Armenia and Azerbaijan.
    for: [OSCE mediation]
    against: [no intermediaries]
""")
OTHER_CASES = [
    ("Azerbaijan has not ruled out arbitration.", [("AZE", "international_arbitration", "for")], []),
    ("Armenia rejected the idea of arbitration.", [("ARM", "international_arbitration", "against")], []),
    ("Armenia welcomed the demarcation.", [("ARM", "border_demarcation", "for")], []),
    ("Turkey offered to host talks on the demarcation of the border.", [], [("TUR", "border_demarcation", "for")]),
    ("Azerbaijan said the border was a bilateral matter.", [("AZE", "international_arbitration", "against")], []),
    ("Armenia opposes any mediation.", [], [("ARM", "osce_mediation", "against")]),  # whose mediation?
    ("Armenia opposes OSCE mediation.", [("ARM", "osce_mediation", "against")], []),
]


@pytest.mark.parametrize("text, wanted, unwanted", OTHER_CASES)
def test_other_codebook(text, wanted, unwanted):
    found = positions(text, OTHER)[0]
    assert set(wanted) <= found and not set(unwanted) & found, found

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


def test_evidence_closes_the_quotation_it_opens():
    _found, items = positions('Putin said the West must "lift sanctions immediately" and talk.')
    assert [p.evidence for p in items] == ['Putin said the West must "lift sanctions immediately"']
    # an apostrophe is no closing mark
    _found, items = positions("Putin said Russia’s partners must ‘lift sanctions immediately’ and talk.")
    assert [p.evidence for p in items] == ["Putin said Russia’s partners must ‘lift sanctions immediately’"]
