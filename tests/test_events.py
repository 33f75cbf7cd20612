"""Event coding on sentences written for these tests: each construction the coder must handle."""
from datetime import date
from pathlib import Path

import pytest
from fake_actors import english, fake_actors

from parley.annotate.events import extract_events, load_lexicon
from parley.knowledge.plover import TYPES
from parley.model import Article, Statement

DEMO = Path(__file__).resolve().parent.parent / "demo"
PUBLISHED = date(2022, 11, 6)  # a Sunday


@pytest.fixture(scope="session")
def nlp():
    return english()


def code(nlp, text, statements=(), published=PUBLISHED):
    doc = nlp(text)
    actors = fake_actors(text)
    events = extract_events(doc, actors, list(statements), published)
    country = actors.country
    return [(country(e.source), e.type, country(e.target)) for e in events], events


def triples(nlp, text, **kw):
    return set(code(nlp, text, **kw)[0])


def test_lexicon_types_are_plover_types():
    lex = load_lexicon()
    for table in (lex.verbs, lex.nouns, lex.particles, lex.objects, lex.adjectives, lex.governors):
        assert {kind for kind, _ in table.values()} <= set(TYPES)


def test_simple_verb_subject_object(nlp):
    assert ("POL", "ACCUSE", "RUS") in triples(nlp, "Poland condemned Russia on Monday.")
    assert ("RUS", "REJECT", "USA") in triples(nlp, "Moscow rejected an American proposal for a truce.")


def test_event_inside_reported_speech_belongs_to_its_own_subject(nlp):
    found = triples(nlp, "Peskov said the Kremlin remains open to negotiations with Ukraine.")
    assert ("RUS", "AGREE", "UKR") in found


def test_first_person_subject_is_the_speaker(nlp):
    text = "\u201cWe are ready to talk to Kyiv,\u201d Lavrov said."
    statement = Statement(speaker="lavrov", text="We are ready to talk to Kyiv", kind="direct",
                          start=1, end=29)
    assert ("RUS", "AGREE", "UKR") in triples(nlp, text, statements=[statement])


def test_passive_takes_the_by_agent_as_source(nlp):
    assert triples(nlp, "Ukraine was attacked by Russian forces on Monday.") == {("RUS", "ASSAULT", "UKR")}


def test_coordinated_sources_give_one_event_each(nlp):
    found = triples(nlp, "Germany, France and Poland condemned Russia.")
    assert {("DEU", "ACCUSE", "RUS"), ("FRA", "ACCUSE", "RUS"), ("POL", "ACCUSE", "RUS")} <= found


def test_talks_between_two_parties_and_their_host(nlp):
    found = triples(nlp, "Ankara hosted peace talks between Russia and Ukraine in March.")
    assert {("RUS", "CONSULT", "UKR"), ("TUR", "CONSULT", "RUS"), ("TUR", "CONSULT", "UKR")} <= found


def test_reciprocal_talks(nlp):
    found = triples(nlp, "Representatives of Germany, France and Russia spoke to each other in Berlin.")
    assert {("DEU", "CONSULT", "RUS"), ("FRA", "CONSULT", "RUS")} <= found


def test_several_events_in_one_sentence(nlp):
    found = triples(nlp, "Russia attacked Ukraine, and Poland condemned Moscow.")
    assert {("RUS", "ASSAULT", "UKR"), ("POL", "ACCUSE", "RUS")} <= found


def test_nominal_events_with_their_dates(nlp):
    pairs, events = code(nlp, "The Russian annexation of Crimea in spring 2014 changed everything.")
    assert ("RUS", "COERCE", "UKR") in pairs
    assert events[0].date == "2014"
    found = triples(nlp, "The Russian build-up on the Ukrainian border worried Washington.")
    assert ("RUS", "MOBILIZE", "UKR") in found


def test_travelling_for_talks_is_taking_part_in_them(nlp):
    found = triples(nlp, "Turkish and American negotiators return to Geneva this week for talks on the region.")
    assert {("TUR", "CONSULT", None), ("USA", "CONSULT", None)} <= found


def test_scheduled_talks_are_consult_with_their_future_date(nlp):
    pairs, events = code(nlp, "On January 10, Russian diplomats will meet their American colleagues in Geneva.",
                         published=date(2022, 1, 8))
    assert ("RUS", "CONSULT", "USA") in pairs
    event = next(e for e in events if e.type == "CONSULT")
    assert event.date == "2022-01-10" and event.modality == "planned" and not event.negated


def test_weekday_in_the_past(nlp):
    _, events = code(nlp, "Erdogan on Thursday called on Russia to stop the war.")
    request = next(e for e in events if e.type == "REQUEST")
    assert request.date == "2022-11-03"


def test_negated_and_unlikely_events_are_kept(nlp):
    pairs, events = code(nlp, "In the end, the West will not meet the demands of Russia.")
    assert ("WEST", "CONCEDE", "RUS") in pairs and events[0].negated
    pairs, events = code(nlp, "It is unlikely that Moscow will agree to talks with Kyiv.")
    agree = next(e for e in events if e.type == "AGREE")
    assert agree.negated and agree.modality == "unlikely"


def test_negative_subject_negates(nlp):
    _, events = code(nlp, "No Russian official has condemned Poland, and nobody in Germany expelled Russian diplomats.")
    assert len(events) == 2 and all(e.negated for e in events)


def test_denied_event(nlp):
    _, events = code(nlp, "The Kremlin denied that Russia had attacked Ukraine.")
    assault = next(e for e in events if e.type == "ASSAULT")
    assert assault.negated and assault.modality == "denied"


def test_conditional_offer_is_a_request_by_who_sets_the_condition(nlp):
    found = triples(nlp, "Putin said Russia would only consider a ceasefire if Ukraine withdrew its troops.")
    assert ("RUS", "REQUEST", "UKR") in found
    assert not any(kind == "RETREAT" for _, kind, _ in found)


def test_obligation_put_on_another_actor_is_a_request(nlp):
    assert ("RUS", "REQUEST", "USA") in triples(nlp, "Lavrov said that Washington must stop arming Kyiv.")


def test_governing_verb_wins_and_complement_gives_target(nlp):
    found = triples(nlp, "Talks between Armenia and Azerbaijan stalled. Erdogan called for both sides "
                         "to return to negotiations.")
    assert {("TUR", "REQUEST", "ARM"), ("TUR", "REQUEST", "AZE")} <= found
    assert ("POL", "THREATEN", "RUS") in triples(nlp, "Poland threatened to expel Russian diplomats.")


def test_intention_to_negotiate_is_agree(nlp):
    assert ("RUS", "AGREE", "WEST") in triples(nlp, "Putin wants to negotiate a new deal with the West.")


def test_date_from_the_statement_cue(nlp):
    _, events = code(nlp, "Peskov said on Thursday that Russia is open to talks with Ukraine.")
    agree = next(e for e in events if e.type == "AGREE")
    assert agree.date == "2022-11-03"


def test_events_carry_score_cameo_and_verbatim_evidence(nlp):
    text = "Poland condemned Russia on Monday."
    _, events = code(nlp, text)
    event = events[0]
    assert event.score == -3 and event.cameo == "11"
    assert text[event.start:event.end] == event.evidence and "condemned" in event.evidence


def test_no_event_without_an_actor(nlp):
    assert code(nlp, "The weather was mild and the talks were long.")[1] == []


def test_coordinated_verb_after_a_passive_keeps_the_shared_subject(nlp):
    found = triples(nlp, "The Kremlin was criticised by Poland and threatened Ukraine.")
    assert ("RUS", "THREATEN", "UKR") in found and ("POL", "THREATEN", "UKR") not in found


def test_crimes_by_someone_make_them_the_accused(nlp):
    assert ("POL", "ACCUSE", "RUS") in triples(nlp, "Poland is investigating crimes by Russian soldiers against civilians.")


def test_relative_clause_head_is_the_object(nlp):
    assert ("POL", "COERCE", "RUS") in triples(nlp, "Kyiv returned the Russian soldiers Poland detained in May.")
    # "in which" marks a place, not an object
    assert ("RUS", "AGREE", "NATO") not in triples(nlp, "They cited the NATO memorandum, in which Russia agreed to stop.")


def test_what_is_imposed_on_a_place_targets_it(nlp):
    assert ("RUS", "CONCEDE", "UKR") in triples(nlp, "Russia lifted a curfew in Crimea.")
    assert ("UKR", "REQUEST", "POL") in triples(nlp, "Ukrainian families sought refuge in Poland.")


def test_extradition_is_cooperation(nlp):
    assert ("POL", "COOPERATE", "DEU") in triples(nlp, "Poland extradited a suspect to Germany.")


def test_nominal_event_under_a_light_verb_takes_its_roles(nlp):
    assert ("POL", "ACCUSE", "RUS") in triples(nlp, "Poland opened an investigation against Russia.")
    assert ("NATO", "REQUEST", "RUS") in triples(nlp, "NATO reiterated its demand that Russia withdraw.")


def test_a_possessors_ally_is_not_the_possessor(nlp):
    found = triples(nlp, "Russian forces attacked Poland's ally in Ukraine.")
    assert ("RUS", "ASSAULT", "UKR") in found and ("RUS", "ASSAULT", "POL") not in found


def test_announced_resignation_stays_a_retreat(nlp):
    assert {kind for _, kind, _ in triples(nlp, "Blinken said Zelensky will resign.")} >= {"RETREAT"}


def test_lexicon_modes_are_plover_modes():
    from parley.knowledge.plover import valid_mode
    lex = load_lexicon()
    for table in (lex.verbs, lex.nouns, lex.particles, lex.objects, lex.adjectives, lex.governors):
        assert all(valid_mode(kind, mode) for kind, mode in table.values())


def test_coordinated_demonyms_give_one_source_each(nlp):
    found = triples(nlp, "Senior Russian and Ukrainian officials condemned Poland.")
    assert {("RUS", "ACCUSE", "POL"), ("UKR", "ACCUSE", "POL")} <= found
    # agreeing to meet is agreeing with each other; agreeing on a text names no other side
    assert triples(nlp, "Senior Russian and Ukrainian officials agreed to meet.") == {("RUS", "AGREE", "UKR")}
    found = triples(nlp, "Senior Russian and Ukrainian officials agreed on a text.")
    assert {("RUS", "AGREE", None), ("UKR", "AGREE", None)} <= found


def test_nominal_event_engaged_in(nlp):
    assert ("RUS", "ASSAULT", "UKR") in triples(nlp, "Russian forces were engaged in ethnic cleansing in Ukraine.")


def test_passive_in_form_only_keeps_its_subject_as_source(nlp):
    found = triples(nlp, "Russia is committed to talks with Ukraine.")
    assert ("RUS", "AGREE", "UKR") in found and not any(t == "RUS" for _, _, t in found)


def test_participle_misparsed_as_subject(nlp):
    assert ("NATO", "REQUEST", "RUS") in triples(nlp, "NATO operating in Poland said Russia must withdraw.")


def test_a_commitment_to_someone_names_them(nlp):
    assert ("RUS", "REJECT", "UKR") in triples(nlp, "Putin reneged on his commitment to Ukraine.")


def test_a_threat_is_aimed_at_whose_act_it_hangs_on(nlp):
    assert ("RUS", "THREATEN", "UKR") in triples(nlp, "Russia threatened to close the border unless Ukraine withdrew.")


def test_people_protest_against_their_own_state(nlp):
    assert ("RUS", "PROTEST", "RUS") in triples(nlp, "Supporters of Putin blocked roads in Moscow.")
    # a demonym names the people, who stand for their state: the protest is still against it
    assert ("UKR", "PROTEST", "UKR") in triples(nlp, "Ukrainian farmers rallied in Lviv to protest the grain rules.")


def test_purpose_and_in_protest_name_whom_a_protest_is_against(nlp):
    assert ("UKR", "PROTEST", "RUS") in triples(nlp, "Protesters in Kyiv blocked a road to show their anger at Russia.")
    found = triples(nlp, "Ukrainian students staged a strike in protest against crimes by Russian soldiers.")
    assert ("UKR", "PROTEST", "RUS") in found


def test_failing_to_agree_is_a_rejection(nlp):
    found = triples(nlp, "Russia and Ukraine failed to reach agreement on Sunday.")
    assert {("RUS", "REJECT", None), ("UKR", "REJECT", None)} <= found


def test_a_vow_of_force_is_a_threat(nlp):
    assert ("RUS", "THREATEN", "UKR") in triples(nlp, "Russia vowed to attack Ukraine.")


def test_handing_over_goods_is_aid_and_people_a_release(nlp):
    assert ("POL", "AID", "UKR") in triples(nlp, "Poland handed over ten tons of medicine to Ukraine.")
    assert ("POL", "RETREAT", "UKR") in triples(nlp, "Poland handed over the prisoners to Ukraine.")


def test_nominal_protest_against_abuses_by_someone(nlp):
    found = triples(nlp, "Ukrainian youths threw stones during demonstrations against abuses by the Russian military.")
    assert ("UKR", "PROTEST", "RUS") in found


def test_defying_a_ban_rejects_its_author_and_based_in_places_the_actor(nlp):
    assert ("UKR", "REJECT", "RUS") in triples(nlp, "A newspaper based in Kyiv defied a ban by Russia.")


def test_a_name_inside_a_longer_name_is_no_pair(nlp):
    from parley.annotate.actors import ArticleActors, Mention
    from parley.model import Actor
    text = "The Latvian Constitutional Court cancelled restrictions on the use of radio."
    actors = ArticleActors()
    actors.add(Actor(id="lva", name="Latvia", country="LVA", kind="state"))
    actors.add(Actor(id="court", name="Latvian Constitutional Court", country="LVA", kind="organization"))
    actors.mentions += [Mention(4, 11, "Latvian", "lva", "demonym"),
                        Mention(4, 32, "Latvian Constitutional Court", "court", "new")]
    events = extract_events(nlp(text), actors, [], PUBLISHED)
    assert [(e.source, e.type, e.target) for e in events] == [("court", "CONCEDE", None)]


def test_repression_and_fighting(nlp):
    assert ("RUS", "COERCE", "UKR") in triples(nlp, "Russian police fired tear gas at protesters in Kyiv.")
    assert ("RUS", "ASSAULT", "UKR") in triples(nlp, "Russian forces were engaged in heavy fighting in Ukraine.")


def test_topics_and_idioms_are_not_acts(nlp):
    assert triples(nlp, "Putin said he will talk about easing the sanctions.") == set()
    assert triples(nlp, "Blinken struck a more upbeat tone on Ukraine.") == set()


# --- whole paragraphs, through the real pipeline --------------------------------------------------
# Short invented paragraphs, one construction each, with the demo's invented states (`demo/actors.yaml`)
# or real ones in neutral sentences: every event a reader would code, at the level of countries. They
# are how the article-level rules were developed (`docs/events.md`), not sentences of any corpus.
VAR, OST, MRV, KSH, DRV, SSC = "VAR", "OST", "MRV", "KSH", "DRV", "SSC"
PARAGRAPHS = [
    # a reaction to a decision targets the decision's author
    ("The Serrat Sea Council suspended trade talks with Dravia on Tuesday. Dravia condemned the decision as reckless.",
     "2026-03-05", {(SSC, "SANCTION", DRV), (DRV, "ACCUSE", SSC)}),
    # a rejected measure names its author and the measure targets the one rejecting it
    ("Kesh on Monday rejected the tariffs imposed by Dravia last month.",
     "2026-03-05", {(KSH, "REJECT", DRV), (DRV, "SANCTION", KSH)}),
    # "both sides": the two parties named together before
    ("Fighting flared again along the border between Armenia and Azerbaijan. "
     "The European Union urged both sides to show restraint.",
     "2026-03-05", {("ARM", "ASSAULT", "AZE"), ("AZE", "ASSAULT", "ARM"), ("EU", "REQUEST", "ARM"),
                    ("EU", "REQUEST", "AZE")}),
    # "the other side": the counterpart of a bilateral dispute; exchanging fire is force both ways
    ("India and Pakistan exchanged fire across the Line of Control on Sunday. "
     "Islamabad accused the other side of violating the ceasefire.",
     "2026-03-05", {("IND", "ASSAULT", "PAK"), ("PAK", "ASSAULT", "IND"), ("PAK", "ACCUSE", "IND")}),
    # "the two sides" after talks between two parties
    ("Kesh and Dravia resumed talks in Vessgard on Monday. The two sides agreed to set up a joint commission on "
     "missing fishermen.",
     "2026-03-05", {(KSH, "CONSULT", DRV), (KSH, "AGREE", DRV)}),
    # undirected acts in a bilateral dispute face the other party
    ("Relations between Varnia and Ostrel worsened sharply this week. Varnia expelled two Ostrelian diplomats on "
     "Monday. Ostrel deployed extra units along the river the next day, and its foreign minister said the country "
     "would retaliate.",
     "2026-03-05", {(VAR, "SANCTION", OST), (OST, "MOBILIZE", VAR), (OST, "THREATEN", VAR)}),
    # an announced measure with its start date is the measure, not a threat
    ("From next week, all flights between Kesh and Dravia will be suspended, the Keshi transport ministry said.",
     "2026-03-05", {(KSH, "SANCTION", DRV)}),
    # responding to someone, in the future, is a threat
    ("Dravia's foreign ministry said the country would respond firmly to any new sanctions from the Council.",
     "2026-03-05", {(DRV, "THREATEN", SSC)}),
    # a precondition is a demand on whoever must meet it
    ("Varnia has held three Ostrelian fishermen since March. Any return to the negotiating table would have to "
     "begin with their release, an Ostrelian spokesman said.",
     "2026-05-05", {(VAR, "COERCE", OST), (OST, "REQUEST", VAR)}),
    # "until X does Y": a demand on X, and Y did not happen
    ("Kesh said its border would stay closed until Dravia withdrew its troops from the frontier.",
     "2026-03-05", {(KSH, "REQUEST", DRV)}),
    # an order in a quote is a request to the counterpart
    ("Ostrel detained twelve Varnian sailors last week. \u00abRelease our sailors now,\u00bb Veyren said.",
     "2026-03-05", {(OST, "COERCE", VAR), (VAR, "REQUEST", OST)}),
    # events inside quotes belong to the speaker's side and face the counterpart
    ("The dispute between Varnia and Ostrel is in its third month. \u00abWe are ready to resume talks tomorrow,\u00bb "
     "Morvath said. \u00abBut we will never give up the Corran Strip.\u00bb",
     "2026-03-05", {(VAR, "AGREE", OST)}),
    # a pejorative noun in someone's words is an accusation by the speaker
    ("Hallovar said Ostrel would not bow to Varnian blackmail.",
     "2026-03-05", {(OST, "ACCUSE", VAR)}),
    ("Vask said the army was defending the country against the provocations of the Ostrelian military.",
     "2026-03-05", {(VAR, "ACCUSE", OST)}),
    # calling an act by a pejorative name accuses its author
    ("Dravian coast guards seized a Keshi trawler on Friday, an act Kesh described as piracy.",
     "2026-03-05", {(DRV, "COERCE", KSH), (KSH, "ACCUSE", DRV)}),
    # negation
    ("Dravia said it had no plans to expel Keshi diplomats.",
     "2026-03-05", {(DRV, "SANCTION", KSH)}),
    # a mediator's offer faces both parties
    ("The crisis between Varnia and Ostrel entered its third month. Mereval offered on Sunday to host a new round "
     "of talks, and its envoy, Casimir Delaunet, will travel to Teloria and Sarnhold next week.",
     "2026-03-05", {(MRV, "AGREE", VAR), (MRV, "AGREE", OST), (MRV, "CONSULT", VAR), (MRV, "CONSULT", OST)}),
    # hostile acts toward each other go both ways
    ("Varnia and Ostrel accused each other of violating the truce.",
     "2026-03-05", {(VAR, "ACCUSE", OST), (OST, "ACCUSE", VAR)}),
    # two parties agreeing to meet agree with each other
    ("Kesh and Dravia agreed on Monday to hold talks next month.",
     "2026-03-05", {(KSH, "AGREE", DRV)}),
    # holding people is coercion
    ("Dravia is still holding four Keshi journalists, the Keshi foreign ministry said.",
     "2026-03-05", {(DRV, "COERCE", KSH)}),
    # dropping a plan is a concession; welcoming a gesture supports its author
    ("Ostrel detained nine Varnian soldiers in January. On Friday, Ostrel dropped its plan to put the soldiers on "
     "trial, a gesture Varnia welcomed.",
     "2026-03-05", {(OST, "COERCE", VAR), (OST, "CONCEDE", VAR), (VAR, "SUPPORT", OST)}),
    # an exchange goes both ways
    ("Varnia and Ostrel swapped prisoners at the border on Sunday. A second exchange is planned for next month.",
     "2026-03-05", {(VAR, "RETREAT", OST), (OST, "RETREAT", VAR)}),
    # wanting something of another actor's is a demand on it
    ("Kesh wants all Dravian warships moved out of the bay.",
     "2026-03-05", {(KSH, "REQUEST", DRV)}),
    # welcoming and condemning measures targets their author
    ("The Council imposed new sanctions on Dravia on Monday. Kesh welcomed the sanctions, while Dravia called "
     "the measures illegal.",
     "2026-03-05", {(SSC, "SANCTION", DRV), (KSH, "SUPPORT", SSC), (DRV, "ACCUSE", SSC)}),
    # measures that stay in force are no threat
    ("Theil said the Council's sanctions on Varnia would remain in force.",
     "2026-03-05", {(SSC, "SANCTION", VAR)}),
    # accepting mediation is an offer to cooperate with the mediator
    ("Varnia said it would accept mediation by Mereval.",
     "2026-03-05", {(VAR, "AGREE", MRV)}),
    # the place of a meeting is no party to it
    ("The foreign ministers of Kesh and Dravia held a meeting in Teloria on Tuesday.",
     "2026-03-05", {(KSH, "CONSULT", DRV)}),
    # failing to agree names no other side; the other side of an accusation is the counterpart
    ("Egypt and Ethiopia again failed to reach a deal on the dam. Cairo accused the other side of stalling.",
     "2026-03-05", {("EGY", "REJECT", None), ("ETH", "REJECT", None), ("EGY", "ACCUSE", "ETH")}),
    # a warning that one's own side could act is a threat against the other
    ("Hallovar warned that Ostrel could cut electricity exports to Varnia if the shelling continued.",
     "2026-03-05", {(OST, "THREATEN", VAR)}),
    # lifting measures: a demand on whoever imposed them
    ("The Council froze Varnian assets in February. \u00abLift these illegal measures first,\u00bb Morvath said.",
     "2026-03-05", {(SSC, "SANCTION", VAR), (VAR, "REQUEST", SSC)}),
    ("Armenia accused Azerbaijan on Tuesday of shelling border villages. Baku denied the claim and said its "
     "troops had only returned fire. The European Union called on both countries to respect the ceasefire.",
     "2026-03-05", {("ARM", "ACCUSE", "AZE"), ("AZE", "ASSAULT", "ARM"), ("EU", "REQUEST", "ARM"),
                    ("EU", "REQUEST", "AZE")}),
    ("Ostrel recalled its ambassador from Teloria on Friday. The foreign ministry in Sarnhold said the move was a "
     "protest against the arrest of two Ostrelian journalists. Varnia called the decision regrettable.",
     "2026-03-05", {("OST", "SANCTION", "VAR"), ("VAR", "COERCE", "OST"), ("VAR", "ACCUSE", "OST")}),
    ("Kesh and Dravia will hold a second round of talks in Aldenport next week, the Merevalian foreign ministry "
     "said. Mereval has offered to chair the meeting.",
     "2026-03-05", {("KSH", "CONSULT", "DRV"), ("MRV", "AGREE", "KSH"), ("MRV", "AGREE", "DRV")}),
    ("Dravia said on Monday it would close its airspace to Keshi aircraft if the blockade of its ports "
     "continued. Kesh rejected the warning.",
     "2026-03-05", {("DRV", "THREATEN", "KSH"), ("KSH", "REJECT", "DRV")}),
    ("Varnian troops withdrew from two border posts on Sunday. Ostrel welcomed the step but demanded a full "
     "withdrawal from the strip.",
     "2026-03-05", {("VAR", "RETREAT", "OST"), ("OST", "SUPPORT", "VAR"), ("OST", "REQUEST", "VAR")}),
    ("The Council extended its sanctions against Varnia for six months. Varnian Foreign Minister Dasha Veyren "
     "denounced the extension and warned that Teloria would take countermeasures.",
     "2026-03-05", {("SSC", "SANCTION", "VAR"), ("VAR", "ACCUSE", "SSC"), ("VAR", "THREATEN", "SSC")}),
    ("India and China held a new round of military talks on Saturday. Both sides agreed to keep in touch, "
     "the Indian defence ministry said.",
     "2026-03-05", {("IND", "CONSULT", "CHN"), ("IND", "AGREE", "CHN")}),
    ("Ethiopia has massed troops along the border, Eritrean officials said. Asmara described the deployment as "
     "a provocation and asked the United Nations to intervene.",
     "2026-03-05", {("ETH", "MOBILIZE", "ERI"), ("ERI", "ACCUSE", "ETH"), ("ERI", "REQUEST", "UN")}),
    ("Ostrel released four Varnian fishermen on Thursday, a week after Varnia freed six Ostrelian sailors. "
     "Mereval, which brokered both releases, praised the two governments.",
     "2026-03-05", {("OST", "RETREAT", "VAR"), ("VAR", "RETREAT", "OST"), ("MRV", "SUPPORT", "OST"),
                    ("MRV", "SUPPORT", "VAR")}),
    ("Relations between Kesh and Dravia have soured since January. On Wednesday, Dravia expelled three Keshi "
     "diplomats. Orvane said it would respond in kind.",
     "2026-03-05", {("DRV", "SANCTION", "KSH"), ("KSH", "THREATEN", "DRV")}),
    ("Santhe said Ostrel would not attend the summit unless Varnia apologised for the incident.",
     "2026-03-05", {("OST", "REQUEST", "VAR")}),
    pytest.param(  # "one-sided" is three tokens to the parser, no label yet
        "Morvath rejected the proposal put forward by the Merevalian envoy, calling it one-sided.",
        "2026-03-05", {("VAR", "REJECT", "MRV"), ("MRV", "AGREE", "VAR"), ("VAR", "ACCUSE", "MRV")},
        marks=pytest.mark.xfail(strict=True)),
    ("The two countries have been at odds over the Corran Strip for decades. Varnia and Ostrel fought a brief "
     "war over it in 1994.",
     "2026-03-05", {("VAR", "ASSAULT", "OST"), ("OST", "ASSAULT", "VAR")}),
]


@pytest.fixture(scope="module")
def annotator():
    from parley.annotate.pipeline import Annotator
    return Annotator(actors_files=[DEMO / "actors.yaml"])


def paragraph_triples(annotator, text, published):
    article = next(annotator.annotate([Article(id="p", text=text, published=published)]))
    country = {a.id: a.country for a in article.actors}
    return {(country[e.source], e.type, country.get(e.target)) for e in article.events}


@pytest.mark.parametrize("text, published, expected", PARAGRAPHS)
def test_paragraph(annotator, text, published, expected):
    assert expected <= paragraph_triples(annotator, text, published)


def test_paragraphs_precision(annotator):
    """Few events beyond the expected ones, over all paragraphs."""
    found = expected = hits = 0
    for text, published, gold in (getattr(p, "values", p) for p in PARAGRAPHS):
        triples = paragraph_triples(annotator, text, published)
        found, expected, hits = found + len(triples), expected + len(gold), hits + len(triples & gold)
    assert hits / found >= 0.85 and hits / expected >= 0.9


def test_a_place_is_its_state_where_it_is_acted_on_not_where_things_happen():
    from parley.annotate.pipeline import Annotator
    annotator = Annotator()

    def found(text):
        article = next(annotator.annotate([Article(id="p", text=text, published="2024-03-05")]))
        country = {a.id: a.country for a in article.actors}
        return {(country[e.source], e.type, country.get(e.target)) for e in article.events}

    assert ("RUS", "ASSAULT", "UKR") in found("Russian forces shelled Kharkiv overnight.")
    assert ("RUS", "ASSAULT", "UKR") in found("Russia launched missile strikes on Odesa.")
    talks = found("Russian and American diplomats met in Geneva on Monday.")
    assert talks and not any("CHE" in triple for triple in talks)
    # a thing named after a place or capital does not make its state a party
    assert not any("CHE" in t for t in found("Ukraine accused Russia of violating the Geneva Conventions."))
    assert not any("BLR" in t for t in found("Russia signed the Minsk agreements in 2015."))


@pytest.mark.parametrize("text, expected", [
    ("Russian jets struck Ukrainian positions near the border.", ("RUS", "ASSAULT", "UKR")),
    ("Russia launched missile strikes on Ukraine overnight.", ("RUS", "ASSAULT", "UKR")),
    ("Lavrov hit out at Washington on Monday.", ("RUS", "ACCUSE", "USA")),
])
def test_strikes_and_hits(nlp, text, expected):
    assert expected in triples(nlp, text)


@pytest.mark.parametrize("text", ["Lavrov struck a conciliatory tone in Ankara.", "The talks hit a snag in Geneva."])
def test_idioms_name_no_event(nlp, text):
    assert not {t for t in triples(nlp, text) if t[1] == "ASSAULT"}


def test_a_condition_set_by_a_refusal_is_a_demand_made(nlp):
    pairs, events = code(nlp, "Russia will not return to the talks until the United States lifts its sanctions.")
    request = next(e for e in events if e.type == "REQUEST")
    assert ("RUS", "REQUEST", "USA") in pairs and not request.negated and request.modality == "conditional"


@pytest.mark.parametrize("text, expected, negated", [
    ("Russia agreed not to attack the convoy.", ("RUS", "AGREE", None), False),
    ("Russia vowed to retaliate against Ukraine.", ("RUS", "THREATEN", "UKR"), False),
    ("Putin warned that Russia would not tolerate NATO bases in Ukraine.", ("RUS", "THREATEN", "NATO"), False),
])
def test_a_negation_inside_the_complement_belongs_to_the_promise_or_threat(nlp, text, expected, negated):
    pairs, events = code(nlp, text)
    assert expected in pairs
    assert events[pairs.index(expected)].negated is negated


def test_a_date_under_an_agreement_to_act_lies_ahead(nlp):
    pairs, events = code(nlp, "Russia and Ukraine agreed to meet again in early May.", published=date(2026, 4, 16))
    assert ("RUS", "AGREE", "UKR") in pairs
    assert events[pairs.index(("RUS", "AGREE", "UKR"))].date == "2026-05"
