"""Event coding on sentences written for these tests: each construction the coder must handle."""
from datetime import date

import pytest
from fake_actors import english, fake_actors

from parley.annotate.events import extract_events, load_lexicon
from parley.knowledge.plover import TYPES
from parley.model import Statement

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


def test_people_protest_against_their_own_state(nlp):
    assert ("RUS", "PROTEST", "RUS") in triples(nlp, "Supporters of Putin blocked roads in Moscow.")


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
