"""PLOVER events from a parsed article: who did what to whom, when, and whether it happened.

A trigger lexicon (`knowledge/data/plover_triggers.yaml`: verbs, verb+particle,
light verb+object, nouns and predicate adjectives by lemma) names the event type;
the dependency parse names the roles (subject or by-agent → source; object, dative,
prepositional object → target). Verbs that are about another action ("threatened to
cut ties", "called for talks", "wants to negotiate") absorb it: their type wins and
the action supplies the target. Reported content keeps its own subject as source
("Peskov said Russia remains open to talks" → AGREE by Russia); a first-person or
missing subject falls back to the speaker. Coordinated actors give one event each.
Nominal events under a light verb ("opened an investigation against X", "were engaged
in ethnic cleansing in X") take the verb's roles; the perpetrator of a crime is the one
accused or protested against ("in protest against violations by X").

News names the counterpart once and then leaves it out, so a target the sentence does not
give comes from the article (`docs/events.md`, "Article context"): the author of what is
reacted to or asked to be undone, the other of the article's two main parties, or both
parties for a third party's offer. Events are coded in text order for that reason.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from itertools import combinations, permutations
from pathlib import Path
from typing import Iterable, Literal

import yaml
from spacy.tokens import Doc, Span, Token

from parley.annotate.actors import ArticleActors, Mention
from parley.annotate.dates import resolve_date
from parley.knowledge.plover import TYPES, cameo_root, score
from parley.model import Event, Statement

# Prepositions whose object is the target of an action ("talks with X", "sanctions against X").
TARGET_PREPS = {"with", "to", "against", "on", "upon", "from", "at", "toward", "towards", "into", "over", "for"}
# Only material conflict and aid take a place as target ("the war in Ukraine", "troops in Iraq").
PLACE_TYPES = {"ASSAULT", "MOBILIZE", "COERCE", "AID"}
SOURCE_PREPS = {"by", "from", "among"}
LIGHT_VERBS = {"hold", "have", "host", "launch", "conduct", "make", "issue", "stage", "begin", "start", "resume",
               "continue", "announce", "lead", "organize", "organise", "arrange", "join", "attend", "reach", "seek",
               "open", "reiterate", "renew", "repeat", "voice", "express", "lodge", "file", "mount", "carry"}
# Objects whose place is the one they are imposed on or sought from ("a curfew in X", "refuge in X").
PLACE_OBJECTS = {"curfew", "refuge", "asylum", "measure", "restriction", "emergency", "ban", "blockade",
                 "sanction", "embargo", "control"}
ENGAGE_VERBS = {"engage", "involve", "participate", "join"}
# Verbs whose infinitive looks ahead from them ("agreed to meet in May", "planned to visit on Friday").
FORWARD_VERBS = {"agree", "plan", "promise", "pledge", "vow", "decide", "schedule", "expect", "threaten", "intend",
                 "want", "hope", "offer", "prepare", "aim", "seek", "undertake", "commit", "arrange", "propose"}
# Verbs of coming together for an act: "negotiators return to Geneva for talks", "arrived in Ankara for a visit".
TRAVEL_VERBS = {"return", "go", "come", "travel", "arrive", "fly", "head", "gather", "convene", "assemble"}
TOPIC_PREPS = {"about", "regarding", "concerning"}
# Marks of a clause that sets a condition ("… if X withdraws", "… unless X apologises").
IF_MARKS = {"if", "unless"}
# Things named after the place they were made or held at, which is no party to them.
NAMED_THINGS = {"convention", "agreement", "accord", "protocol", "format", "process", "declaration", "memorandum",
                "summit", "conference", "talk", "treaty", "communique", "formula", "initiative", "forum", "deal",
                "charter", "consensus", "framework", "round", "platform", "group"}
# Prepositions after which a place is what is acted on, not where: "strikes on Odesa", "the shelling of Kharkiv".
PLACE_OBJECT_PREPS = {"of", "on", "upon", "against", "into"}
PLACE_NOUNS = {"city", "town", "village", "region", "province", "port", "capital", "area", "district", "oblast",
               "enclave", "peninsula", "island", "territory", "outskirts", "suburb", "centre", "center"}
CIRCUMSTANCE_PREPS = {"at", "during", "after", "before", "since", "following", "amid", "despite", "near", "in",
                      "through", "throughout", "within", "under", "by", "as"}
RELATIVE_WORDS = {"who", "whom", "whose", "which", "that", "where", "when", "why"}
# Nouns whose possessor is not the one meant: "Israel's militia ally" is not Israel.
PROXY_NOUNS = {"ally", "proxy", "client", "surrogate"}
# "in protest against X", "in defiance of X": the adjunct names whom the act is directed at.
STANCE_NOUNS = {"protest", "defiance", "retaliation", "response", "solidarity", "opposition"}
# A crime or abuse by someone: who is accused or protested against is its perpetrator; a ban or
# plan by someone: who is defied or rejected is its author.
BLAME_TYPES = {"ACCUSE", "PROTEST", "REJECT"}
HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
COOPERATIVE_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
# Conflict, and concessions, that people and groups direct at their own state ("protesters in Algiers").
DOMESTIC_TYPES = {"PROTEST", "REJECT", "ACCUSE", "REQUEST", "COERCE", "ASSAULT", "THREATEN", "SANCTION", "CONCEDE"}
CLAUSAL = {"ccomp", "advcl", "relcl", "acl", "parataxis", "ROOT", "xcomp", "csubj"}
MODALS_REQUEST = {"should", "must", "ought"}
FIRST_PERSON = {"we", "i", "us", "our", "my", "me"}
THIRD_PERSON = {"it", "its", "they", "their", "them", "he", "his", "him", "she", "her"}
PAIR_HEADS = {"side", "party", "country", "nation", "state", "government", "neighbour", "neighbor", "staff",
              "army", "military", "delegation", "leader", "minister", "president", "capital"}
# What naming two states as a pair ("Kesh and Dravia") counts for, in mentions, toward the article's parties.
PAIR_WEIGHT = 3
# One event per pair for these ("talks between A and B"); other types go both ways ("accused each other").
SYMMETRIC_TYPES = {"CONSULT", "COOPERATE", "AGREE"}
# Verbs whose coordinated subjects act on each other ("A and B exchanged fire / swapped prisoners").
MUTUAL_VERBS = {"exchange", "swap", "trade", "fight", "clash", "battle", "skirmish"}
# A third party's offers, talks, calls and praise that name no one are meant for both parties of the dispute.
THIRD_PARTY_TYPES = {"CONSULT", "AGREE", "REQUEST", "SUPPORT"}
# Reactions to a thing ("condemned the decision", "welcomed the sanctions") are aimed at the thing's author.
REACTION_TYPES = {"ACCUSE", "REJECT", "SUPPORT", "CONCEDE", "PROTEST", "THREATEN", "REQUEST"}
# Words for an act whose author the article has named before.
THING_NOUNS = {"decision", "move", "step", "measure", "announcement", "gesture", "plan", "proposal", "action", "act",
               "statement", "remark", "comment", "policy", "package", "incident", "activity", "behaviour", "behavior",
               "conduct", "deal", "agreement", "it", "this", "that", "them", "these", "those"}
# Nouns for people, whose words or deeds are no act to trace to an author ("met the families").
PERSON_NOUNS = {"people", "person", "official", "officer", "family", "soldier", "troop", "citizen", "leader",
                "minister", "diplomat", "journalist", "reporter", "protester", "resident", "civilian", "worker",
                "student", "member", "government", "country", "side", "party", "state", "delegation", "public",
                "population", "opposition", "man", "woman", "child", "victim", "refugee", "prisoner", "detainee",
                "hostage"}
# Undoing an act ("release our sailors", "the lifting of the sanctions") is asked of whoever did it.
UNDO_WORDS = {"release", "return", "lift", "lifting", "ease", "easing", "withdraw", "withdrawal", "removal",
              "remove", "free", "end", "reverse", "cancel", "revoke", "unfreeze"}
# Measures one side imposes on another ("lift these measures", "ease the restrictions").
MEASURE_NOUNS = {"measure", "sanction", "embargo", "restriction", "ban", "curfew", "blockade", "control"}
# Nouns of amount or time between a light verb and its event ("ended two days of talks").
QUANTITY_NOUNS = {"day", "hour", "week", "month", "year", "round", "series", "session"}
# A nominal event that is said to happen names an event even without its actors ("fighting flared").
OCCURRENCE_VERBS = {"take", "flare", "erupt", "break", "resume", "continue", "escalate", "intensify", "rage",
                    "begin", "start", "end", "plan", "schedule", "due", "expect", "collapse"}
Tense = Literal["past", "future", None]


@dataclass(frozen=True)
class Lexicon:
    """The trigger lexicon: lemma → (PLOVER type, mode)."""
    verbs: dict[str, tuple[str, str | None]]
    particles: dict[str, tuple[str, str | None]]
    objects: dict[str, tuple[str, str | None]]
    nouns: dict[str, tuple[str, str | None]]
    adjectives: dict[str, tuple[str, str | None]]
    governors: dict[str, tuple[str, str | None]]
    intentions: frozenset[str]
    cooperative: frozenset[str]
    negators: frozenset[str]
    speech: frozenset[str]
    labels: frozenset[str]
    label_verbs: frozenset[str]
    responses: frozenset[str]
    idioms: frozenset[str]


def _coded(table: dict[str, str], where: str) -> dict[str, tuple[str, str | None]]:
    out = {}
    for key, value in (table or {}).items():
        kind, _, mode = str(value).partition("/")
        if kind not in TYPES:
            raise ValueError(f"{where}: {key!r} has unknown PLOVER type {kind!r}")
        out[str(key).lower()] = (kind, mode or None)
    return out


@lru_cache(maxsize=4)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """The shipped lexicon, or another file of the same shape."""
    text = path.read_text(encoding="utf-8") if path else \
        resources.files("parley.knowledge").joinpath("data/plover_triggers.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    where = str(path or "plover_triggers.yaml")
    return Lexicon(
        verbs=_coded(data["verbs"], where), particles=_coded(data["verb_particles"], where),
        objects=_coded(data["verb_objects"], where), nouns=_coded(data["nouns"], where),
        adjectives=_coded(data["adjectives"], where), governors=_coded(data["governors"], where),
        intentions=frozenset(data["intentions"]), cooperative=frozenset(data["cooperative"]),
        negators=frozenset(data["negators"]), speech=frozenset(data["speech"]),
        labels=frozenset(data["labels"]), label_verbs=frozenset(data["label_verbs"]),
        responses=frozenset(data["responses"]), idioms=frozenset(data.get("idioms", ())))


@dataclass
class _Trigger:
    token: Token
    type: str
    mode: str | None
    pos: str                      # verb | noun | adj
    consumed: set[int] = field(default_factory=set)   # token indices that are part of the trigger
    role: str | None = None       # label (an accusing word or naming), response (reacting to someone)


def _pronoun(token: Token) -> bool:
    """Personal pronouns only: "US" the country is not "us"."""
    return token.tag_ in {"PRP", "PRP$"} and token.lower_ in FIRST_PERSON | THIRD_PERSON


def _phrase(token: Token) -> Iterable[Token]:
    """A token's subtree without the clauses coordinated with or attached to it."""
    yield token
    for child in token.children:
        if child.dep_ not in {"conj", "cc", "advcl", "relcl", "ccomp", "parataxis"}:
            yield from _phrase(child)


def _located(token: Token) -> bool:
    """A place named as where something is or goes ("settlers in the West Bank city of Hebron", "returned to
    Geneva"), not as what is acted on ("shelled Kharkiv", "the shelling of Kharkiv", "strikes on Odesa")."""
    while token.head.i != token.i:
        if token.dep_ == "pobj":
            if token.head.lower_ not in PLACE_OBJECT_PREPS:
                return True
            if token.head.lower_ != "of" or token.head.head.lemma_.lower() not in PLACE_NOUNS:
                return False  # "strikes on Odesa", "the annexation of Crimea": acted on
            token = token.head.head  # "the city of Hebron": what the city is to the sentence
        elif token.dep_ in {"compound", "amod", "nmod", "appos", "poss"}:
            token = token.head
        else:
            return False
    return False


def _keys(token: Token) -> list[str]:
    """Lemma, surface form, and plain suffix-stripped forms for the lemmatiser's misses ("waging" → "wag")."""
    lower = token.lower_
    keys = [token.lemma_.lower(), lower]
    if lower.endswith("ing") and len(lower) > 5:
        keys += [lower[:-3], lower[:-3] + "e"]
    elif lower.endswith("ed") and len(lower) > 4:
        keys += [lower[:-2], lower[:-1]]
    return list(dict.fromkeys(keys))


class EventCoder:
    """The state of coding one article; discarded afterwards.

    Its actor helpers (`actors_of`, `subject`, `speaker_of`) also serve position extraction,
    which asks the same question of a clause: whose action or wish is this?
    """

    def __init__(self, doc: Doc, actors: ArticleActors, statements: list[Statement],
                 published: date | None, lexicon: Lexicon) -> None:
        self.doc, self.actors, self.published, self.lex = doc, actors, published, lexicon
        self.statements = [s for s in statements if s.start is not None and s.end is not None]
        self.suppressed: set[int] = set()
        self.dates = [e for e in doc.ents if e.label_ == "DATE"]
        # token → the longest mention overlapping it, looked up once instead of per question
        self.by_token: dict[int, Mention] = {}
        self.mention_spans: list[tuple[Mention, Span]] = []
        for mention in actors.mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                self.mention_spans.append((mention, span))
            for token in span if span is not None else ():
                held = self.by_token.get(token.i)
                if held is None or mention.end - mention.start > held.end - held.start:
                    self.by_token[token.i] = mention
        self.parties = self._main_parties()
        self.history: list[Event] = []  # the events coded so far, in text order
        self.triggers: dict[int, _Trigger] = {}  # the current sentence's

    # -- the article's parties ---------------------------------------------------------------
    def _main_parties(self) -> list[str]:
        """The two states the article is most about (most mentions by name, their officials and bodies
        included, and more for being named as a pair), first named first: who faces whom when a sentence leaves
        the counterpart out."""
        states = {a.country: a.id for a in self.actors.actors.values() if a.kind == "state" and a.country}
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for mention, span in self.mention_spans:
            if mention.via == "pronoun" or self.mention_actor(span.root) is None:
                continue  # a pronoun, or a place named only as where something happens
            country = self.actors.country(mention.actor)
            if country in states:
                counts[country] += 1
                first[country] = min(first.get(country, mention.start), mention.start)
        for token in self.doc:  # "Kesh and Dravia", "between Varnia and Ostrel": named as a pair, they face each other
            if token.dep_ == "conj" and (a := self.mention_actor(token)) and (b := self.mention_actor(token.head)):
                pair = {self.actors.country(a), self.actors.country(b)}
                if len(pair) == 2 and pair <= set(counts):
                    counts.update({c: PAIR_WEIGHT for c in pair})
        top = sorted(counts, key=lambda c: (-counts[c], first[c]))[:2]
        return [states[c] for c in sorted(top, key=first.__getitem__)] if len(top) == 2 else []

    def counterpart(self, actor: str) -> list[str]:
        """The other party of the article's dispute, for an actor on one side of it."""
        country = self.actors.country(actor)
        others = [p for p in self.parties if self.actors.country(p) != country]
        return others if len(others) == 1 else []

    def author(self, actor: str, kinds: set[str] | None) -> list[str]:
        """Who did what an actor reacts to or wants undone: the source of the latest earlier event (of those
        kinds) aimed at the actor's side; for a named kind of act, else the latest such act by another side."""
        country = self.actors.country(actor)
        others = [e for e in reversed(self.history) if self.actors.country(e.source) not in {country, None}
                  and (kinds is None or e.type in kinds)]
        aimed = [e for e in others if e.target is not None and self.actors.country(e.target) == country]
        found = aimed or (others if kinds is not None else [])
        return [found[0].source] if found else []

    def _state_of(self, actor: str) -> list[str]:
        country = self.actors.country(actor)
        return [a.id for a in self.actors.actors.values() if a.kind == "state" and a.country == country][:1]

    def _usual_target(self, actor: str) -> list[str]:
        """Whom an actor outside the dispute last acted toward: a bloc's sanctions keep their target."""
        country = self.actors.country(actor)
        for event in reversed(self.history):
            if event.target is not None and self.actors.country(event.source) == country and \
                    self.actors.country(event.target) not in {country, None}:
                return [event.target]
        return []

    # -- triggers ----------------------------------------------------------------------------
    def trigger(self, token: Token) -> _Trigger | None:
        lex = self.lex
        if token.pos_ == "VERB" and token.dep_ in {"amod", "compound"}:
            return None  # "the proposed order", "a negotiated settlement"
        if token.pos_ == "VERB" and token.lemma_.lower() in lex.label_verbs and (label := self._label_of(token)):
            return _Trigger(token, "ACCUSE", "disapprove", "verb", {label.i}, role="label")
        found = self._lexicon_trigger(token)
        if found is None and token.pos_ == "VERB" and token.lemma_.lower() in lex.responses:
            return _Trigger(token, "THREATEN", None, "verb", role="response")
        if found is not None and found.pos == "verb" and token.lemma_.lower() in lex.responses:
            found.role = "response"  # "respond to the demands" concedes, "respond to the sanctions" threatens
        if found is None and token.pos_ == "NOUN" and token.lemma_.lower() in lex.labels:
            return _Trigger(token, "ACCUSE", "disapprove", "noun", role="label")
        return found

    def _is_label(self, token: Token) -> bool:
        """An accusing word, or the name of a hostile act ("an abduction"), pinned on something."""
        keys = _keys(token)
        return any(k in self.lex.labels for k in keys) or any(
            self.lex.nouns.get(k, ("",))[0] in HOSTILE_TYPES for k in keys if token.pos_ == "NOUN")

    def _label_of(self, verb: Token) -> Token | None:
        """The label a verb of naming pins on its object: "called them illegal", "an act described as piracy",
        "called the sanctions 'illegal'" (parsed as a modifier of the object)."""
        near = [c for c in verb.children if c.dep_ in {"oprd", "acomp", "attr", "dobj", "xcomp", "ccomp"}]
        near += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                 for g in c.children if g.dep_ == "pobj"]
        near += [g for c in verb.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "amod"]
        near += [g for c in near for g in c.children if g.dep_ in {"conj", "nsubj"}]
        near += [g for c in near if c.dep_ in {"oprd", "attr"} for g in c.children if g.dep_ == "amod"]
        if verb.dep_ not in {"relcl", "acl"}:  # "an incident Teloria calls an abduction": the object is the label
            near = [c for c in near if c.dep_ != "dobj" or c.head.i != verb.i]
        return next((c for c in near if self._is_label(c)), None)

    def _lexicon_trigger(self, token: Token) -> _Trigger | None:
        lex = self.lex
        if token.pos_ == "VERB" or (token.pos_ == "NOUN" and token.dep_ == "ROOT"):
            # "called for both sides to return": the "for" marks the complement clause
            marked = [m for c in token.children if c.dep_ in {"advcl", "ccomp", "xcomp"}
                      for m in c.children if m.dep_ == "mark" and m.lower_ == "for"]
            # verb + object first ("handed over medicine" is aid, "handed over prisoners" a release); a
            # participle's noun is its object ("the sanctions imposed by X")
            described = [token.head] if token.dep_ == "acl" and token.tag_ == "VBN" else []
            for obj in described:
                for key in _keys(token):
                    for okey in _keys(obj):
                        if (hit := lex.objects.get(f"{key} {okey}")) is not None:
                            return _Trigger(token, *hit, "verb", {obj.i})
            for child in sorted(list(token.children) + marked, key=lambda c: c.dep_ not in {"dobj", "nsubjpass"}):
                if child.dep_ in {"prt", "prep"} or child in marked:
                    for key in _keys(token):
                        if (hit := lex.particles.get(f"{key} {child.lower_}")) is not None:
                            return _Trigger(token, *hit, "verb", {child.i})
                if child.dep_ in {"dobj", "nsubjpass"} or (child.dep_ == "prt"):
                    objects = [child] + [g for g in child.children if g.dep_ == "pobj"] + [
                        g for c in child.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj"]  # "700 kg of medicine"
                    for obj in objects:
                        for key in _keys(token):
                            for okey in _keys(obj):
                                if f"{key} {okey}" in lex.idioms:
                                    return None  # "struck a conciliatory tone": no act at all
                                if (hit := lex.objects.get(f"{key} {okey}")) is not None:
                                    return _Trigger(token, *hit, "verb", {obj.i})
            for key in _keys(token):
                if key in lex.verbs:
                    return _Trigger(token, *lex.verbs[key], "verb")
            if token.pos_ == "VERB":
                return None
        if token.pos_ in {"NOUN", "PROPN"}:
            compound = " ".join(t.lower_ for t in token.lefts if t.dep_ == "compound")
            lemma = token.lemma_.lower()
            joined = [f"{compound} {lemma}", f"{compound}-{lemma}", f"{compound}{lemma}"] if compound else []
            for key in joined + _keys(token):
                if key in lex.nouns:
                    return _Trigger(token, *lex.nouns[key], "noun")
            return None
        if token.pos_ == "ADJ" and token.dep_ in {"acomp", "amod", "ROOT", "conj", "attr", "oprd"}:
            takes_to = any((c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "xcomp" for c in token.children) or \
                self._open_way(token)
            for key in _keys(token):
                if key in lex.adjectives and takes_to:
                    return _Trigger(token, *lex.adjectives[key], "adj")
        return None

    def _open_way(self, adjective: Token) -> bool:
        """"The door to dialogue remains open": the subject is a way to a cooperative act."""
        subjects = [c for c in adjective.head.children if c.dep_ == "nsubj"] if adjective.dep_ == "acomp" else []
        return any(p.dep_ == "prep" and p.lower_ == "to" and any(
            (self._kinds_of(g) or set()) & {"CONSULT", "AGREE"} for g in p.children if g.dep_ == "pobj")
            for subject in subjects for p in subject.children)

    def governor_of(self, trig: _Trigger, triggers: dict[int, _Trigger]) -> Token | None:
        """The verb or adjective this action is the complement of ("threatened to [ban]")."""
        current = trig.token
        for _ in range(4):
            if current.dep_ not in {"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "advcl", "acl", "nsubj"}:
                return None
            if current.dep_ == "acl" and current.tag_ == "VBN":
                return None  # "rejected the sanctions imposed by X": X's own act, not the content of the rejection
            if current.dep_ == "prep" and current.lower_ in CIRCUMSTANCE_PREPS:
                return None  # "agreed the package at a meeting": where, not what
            head = current.head
            if head.i == current.i:
                return None
            keys = _keys(head)
            if any(k in self.lex.speech for k in keys):
                return None
            if head.i in triggers and any(k in self.lex.governors for k in keys):
                return head
            if any(k in self.lex.intentions for k in keys) and current.dep_ in {"xcomp", "acl", "ccomp", "dobj"}:
                return head
            current = head
        return None

    # -- actors ------------------------------------------------------------------------------
    def mention_actor(self, token: Token) -> str | None:
        mention = self.by_token.get(token.i)
        if mention is None:
            return None
        if _pronoun(token) and mention.via != "pronoun":
            return None
        if mention.via == "place" and _located(token):
            return None
        if mention.via in {"seat", "place"} and token.dep_ == "compound" and \
                {token.head.lemma_.lower(), token.head.lemma_.lower().removesuffix("s")} & NAMED_THINGS:
            return None  # "the Geneva Conventions", "the Minsk agreements": a thing named after a place
        return mention.actor

    def actors_of(self, token: Token, depth: int = 2, coordinated: bool = True, target: bool = False) -> list[str]:
        """The actors a noun phrase names: its head's mention, else a modifier's (demonym, possessor, "of X").

        For a target, a possessive pronoun ("its goals") points back at the source, not at a target.
        """
        heads = [token] + ([c for c in token.conjuncts if c.i > token.i] if coordinated else [])
        found: list[str] = []
        for head in heads:
            for actor in self._phrase_actors(head, depth, target):
                if actor not in found:
                    found.append(actor)
        return found

    def _phrase_actors(self, token: Token, depth: int, target: bool = False) -> list[str]:
        actor = self.mention_actor(token)
        if actor:
            return [actor]
        if token.pos_ == "VERB" and token.dep_ in {"nsubj", "nsubjpass"}:
            # "The Red Cross operating in Iraq said": the participle took its noun as subject
            inner = [c for c in token.children if c.dep_ == "nsubj"]
            if inner:
                return self.actors_of(inner[0], depth, target=target)
        lower = token.lower_
        if _pronoun(token) and lower in FIRST_PERSON:
            speaker = self.speaker_of(token)
            return [speaker] if speaker else []
        if _pronoun(token) and lower in THIRD_PERSON:
            return self._antecedent(token)
        if token.lemma_.lower() in PAIR_HEADS and any(c.lower_ in {"both", "two"} for c in token.children):
            return self._recent_pair(token)
        if token.lemma_.lower() in PAIR_HEADS and any(c.lower_ == "other" for c in token.children) and \
                any(c.lower_ == "the" for c in token.children):
            return self._other_side(token)
        if depth == 0:
            return []
        proxy = token.lemma_.lower() in PROXY_NOUNS
        children = [c for c in token.children if c.dep_ in {"poss", "amod", "compound", "nmod", "appos", "nummod"}
                    and not (target and _pronoun(c)) and not (proxy and c.dep_ == "poss")]
        # "forces of X", "rebels from X"; and for an agent "rebels in X" (a target's "in X" is a place,
        # except where it places a proxy: "Israel's militia ally in southern Lebanon")
        preps = {"of", "from", "for"} | ({"to"} if target else set()) | (set() if target and not proxy else {"in"})
        children += [g for c in token.children if c.dep_ == "prep" and c.lower_ in preps
                     for g in c.children if g.dep_ == "pobj"]
        if not target:  # "a terror group based in X", "rebels operating from X"
            children += [g for c in token.children if c.dep_ == "acl" and c.tag_ in {"VBN", "VBG"}
                         for p in c.children if p.dep_ == "prep" and p.lower_ in {"in", "from"}
                         for g in p.children if g.dep_ == "pobj"]
        for child in children:
            found = self.actors_of(child, depth - 1, target=target)
            if found:
                return found
        return []

    def _antecedent(self, token: Token) -> list[str]:
        """"it", "its", "they": the last state or organisation named before, in this sentence or the last."""
        sent = token.sent
        start = sent.start_char
        previous = token.doc[sent.start - 1].sent if sent.start > 0 else None
        if previous is not None:
            start = previous.start_char
        want_person = token.lower_ in {"he", "his", "him", "she", "her"}
        for mention in reversed(self.actors.mentions):
            if mention.start < start or mention.end > token.idx:
                continue
            kind = self.actors.actors[mention.actor].kind
            if (kind == "person") == want_person:
                return [mention.actor]
        return []

    def _recent_pair(self, token: Token) -> list[str]:
        """"Both sides": the last two actors named together ("talks between Russia and Ukraine"), else the
        article's two parties."""
        for earlier in reversed(token.doc[:token.i]):
            if earlier.dep_ == "conj":
                first, second = self.mention_actor(earlier.head), self.mention_actor(earlier)
                if first and second and first != second:
                    return [first, second]
        return list(self.parties)

    def _other_side(self, token: Token) -> list[str]:
        """"The other side": the counterpart of the clause's subject, or of the speaker when it is the subject."""
        verb = token
        while verb.dep_ not in CLAUSAL and verb.head.i != verb.i:
            verb = verb.head
        in_subject = any(token.i in {t.i for t in c.subtree} for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
        own = [] if in_subject or verb.i == token.i else self.subject(verb)
        if not own and (speaker := self.speaker_of(token)):
            own = [speaker]
        return self.counterpart(own[0]) if own else []

    def subject(self, token: Token, seen: int = 0, controller: bool = False) -> list[str]:
        """Who acts: the subject or by-agent, inherited through control, coordination and relative clauses."""
        if seen > 5:
            return []
        children = list(token.children)
        for child in children:
            if child.dep_ == "agent":
                return [a for g in child.children if g.dep_ == "pobj" for a in self.actors_of(g)]
        for child in children:
            if child.dep_ in {"nsubj", "csubj"} or (child.dep_ == "nsubjpass" and controller):
                if child.lower_ in {"who", "that", "which"} and token.dep_ == "relcl":
                    return self.actors_of(token.head)
                return self.actors_of(child)
        if token.pos_ in {"NOUN", "PROPN"}:
            own = self._own_source(token)
            if own:
                return own
        if token.dep_ == "xcomp":
            return self.subject(token.head, seen + 1, controller=True)
        if token.dep_ == "conj" and not any(c.dep_ == "auxpass" for c in children):
            # "X has been indicted by the court and will resign": the shared subject, not the agent
            shared = [c for c in token.head.children if c.dep_ == "nsubjpass"]
            if shared:
                return self.actors_of(shared[0])
        if token.dep_ in {"conj", "advcl", "pcomp"} or (token.dep_ == "acl" and token.tag_ == "TO"):
            return self.subject(token.head, seen + 1)
        if seen == 0 and token.dep_ == "acl" and token.tag_ == "VBN" and not any(
                c.dep_ == "dobj" for v in [token, *token.conjuncts] for c in v.children):
            return []  # "soldiers held in X": the noun is what the act is done to
        if token.dep_ in {"acl", "relcl"}:
            return self.actors_of(token.head) or self.subject(token.head, seen + 1)
        if token.dep_ in {"dobj", "pobj", "prep", "attr"} and token.head.i != token.i:
            return self.subject(token.head, seen + 1)
        return []

    def _own_source(self, noun: Token, pronouns: bool = False) -> list[str]:
        """A nominal event's own actor: "the Russian annexation", "Moscow's demands", "talks by X"."""
        for child in noun.children:
            if _pronoun(child) and not pronouns:
                continue
            if child.dep_ in {"poss", "amod", "compound", "nmod"}:
                found = self.actors_of(child, depth=1)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in SOURCE_PREPS:
                found = [a for g in child.children if g.dep_ == "pobj" for a in self.actors_of(g)]
                if found:
                    return found
        return []

    def objects(self, token: Token, kind: str, own: frozenset[str] = frozenset()) -> list[str]:
        """Whom the action is directed at: passive subject, object, dative, prepositional object. A threat's
        reported actor of one's own side (`own` countries) is the threatener, not the threatened."""
        found: list[str] = []
        for child in token.children:
            dep = child.dep_
            if dep in {"nsubjpass", "dobj", "dative", "iobj", "oprd"}:
                if kind in BLAME_TYPES and (culprits := self._culprits(child)):
                    found += culprits
                    continue
                found += self.actors_of(child, target=True)
                if dep == "dobj" and not found:
                    found += self._prep_objects(child, kind)
            elif dep == "prep":
                found += self._prep_objects(token, kind, only=child)
            elif dep == "ccomp" and kind in {"REQUEST", "THREATEN", "ACCUSE"}:
                # "demanded that X forsake …": the one asked is the subject of the demand
                asked = [a for g in child.children if g.dep_ in {"nsubj", "nsubjpass"}
                         for a in self.actors_of(g, target=True)]
                if kind == "THREATEN":  # "warned that it could cut exports to X": X, where "it" is the source
                    asked = [a for a in asked if self.actors.country(a) not in own] + self.objects(child, kind)
                found += asked
        if token.dep_ == "relcl" and not any(c.dep_ == "dobj" or c.lower_ in RELATIVE_WORDS or any(
                g.lower_ in RELATIVE_WORDS for g in c.children) for c in token.children if c.dep_ != "nsubj") and any(
                c.dep_ == "nsubj" and c.lower_ not in RELATIVE_WORDS for c in token.children):
            # "the soldiers it detained" (not "the memorandum, in which Russia agreed")
            found += self.actors_of(token.head, target=True)
        return list(dict.fromkeys(found))

    def _culprits(self, noun: Token) -> list[str]:
        """"investigating crimes by X", "in protest against violations by X": X is the one blamed."""
        for current in [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "against"
                                 for g in c.children if g.dep_ == "pobj"]:
            found = [a for c in current.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
                     for g in c.children if g.dep_ == "pobj" for a in self.actors_of(g, target=True)]
            if found:
                return found
        return []

    def _prep_objects(self, token: Token, kind: str, only: Token | None = None) -> list[str]:
        """"with X", "against X", "on X" under a verb or its object; "in X" for force and aid, and for
        what is imposed on or sought from a place ("a curfew in X", "refuge in X")."""
        found = []
        placed = kind in PLACE_TYPES or token.lemma_.lower() in PLACE_OBJECTS or any(
            c.dep_ == "dobj" and c.lemma_.lower() in PLACE_OBJECTS for c in token.children)
        for prep in ([only] if only is not None else [c for c in token.children if c.dep_ == "prep"]):
            objects = [g for g in prep.children if g.dep_ == "pobj"]
            if prep.lower_ == "in" and any(g.lemma_.lower() in STANCE_NOUNS for g in objects):
                # "in protest against X", "in retaliation for X"
                found += [a for g in objects for a in self._prep_objects(g, kind)]
            elif prep.lower_ == "against" and kind in COOPERATIVE_TYPES:
                continue  # "defending the country against X": X is not whom the support is for
            elif prep.lower_ in TARGET_PREPS or (prep.lower_ == "in" and placed):
                for g in objects:
                    found += (kind in BLAME_TYPES and self._culprits(g)) or self.actors_of(g, target=True)
        return found

    def speaker_of(self, token: Token) -> str | None:
        """The speaker whose reported words contain this token, by syntax first, then by statement span."""
        verb = self.speech_verb(token)
        if verb is not None:
            speakers = self.subject(verb)
            if speakers:
                return speakers[0]
        for statement in self.statements:
            if statement.start <= token.idx < statement.end and statement.speaker:
                return statement.speaker
        return None

    def speech_verb(self, token: Token) -> Token | None:
        current = token
        while current.head.i != current.i:
            head = current.head
            if current.dep_ in {"ccomp", "conj", "parataxis", "advcl"} and any(k in self.lex.speech for k in _keys(head)):
                return head
            current = head
        return None

    # -- clause properties -------------------------------------------------------------------
    def path_up(self, token: Token, stop: Token | None = None) -> list[Token]:
        """The token and its heads up to (not beyond) a verb of saying."""
        path = [token]
        current = token
        while current.head.i != current.i and current.dep_ not in {"conj", "advcl", "relcl", "parataxis"}:
            current = current.head
            if any(k in self.lex.speech for k in _keys(current)):
                break
            path.append(current)
            if stop is not None and current.i == stop.i:
                break
        return path

    def negated(self, path: list[Token]) -> bool:
        flips = 0
        for token in path:
            if any(k in self.lex.negators for k in _keys(token)):
                flips += 1
            if token.dep_ in {"pcomp", "pobj"} and token.head.lower_ == "without":
                flips += 1
            for child in token.children:
                if child.dep_ == "neg" or child.lower_ in {"never", "neither", "nor"}:
                    flips += 1
                elif child.dep_ == "det" and child.lower_ == "no" and token.lemma_.lower() not in {"secret", "doubt"}:
                    flips += 1
                elif child.dep_ in {"acomp", "advmod"} and child.i != token.i and \
                        any(k in self.lex.negators for k in _keys(child)) and child not in path:
                    flips += 1
                elif child.dep_ == "nsubj" and child not in path and (child.lower_ in {"nobody", "none", "noone"} or any(
                        g.dep_ == "det" and g.lower_ == "no" for g in child.children)):
                    flips += 1  # "nobody walked out", "no country has agreed"
        return flips % 2 == 1

    def tense(self, path: list[Token]) -> Tense:
        for token in path:
            if token.pos_ not in {"VERB", "AUX"}:
                continue
            auxes = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
            if auxes & {"will", "'ll", "shall"} or ("going" in auxes):
                return "future"
            if token.tag_ == "VBD" or auxes & {"did", "had", "has", "have", "was", "were"}:
                return "past"
            if token.tag_ in {"VBZ", "VBP"} or auxes & {"is", "are", "am"}:
                return None
        return None

    def modality(self, path: list[Token], negated: bool, tense: Tense) -> str | None:
        keys = {k for t in path for k in _keys(t)} | {k for t in path for c in t.children for k in _keys(c)}
        if keys & {"deny", "denied"}:
            return "denied"
        if keys & {"unlikely", "difficult", "impossible"}:
            return "unlikely"
        if any(c.dep_ == "advcl" and any(m.lower_ in IF_MARKS for m in c.children) for t in path for c in t.children):
            return "conditional"
        if keys & {"would", "could", "might", "can"}:
            return "hypothetical"
        if tense == "future" or keys & self.lex.intentions or keys & {"plan", "schedule", "expect"}:
            return "planned"
        return None

    # -- dates -------------------------------------------------------------------------------
    def clause_head(self, token: Token) -> Token:
        current = token
        while current.dep_ not in CLAUSAL and current.head.i != current.i:
            current = current.head
        if current.dep_ in {"relcl", "advcl"} and any(c.lower_ in {"when", "as"} for c in current.children) \
                and current.head.i != current.i:
            return self.clause_head(current.head)
        return current

    def date_for(self, anchor: Token, trig: Token, tense: Tense) -> str | None:
        own = self._own_dates(anchor, trig)
        if own:
            best = min(own, key=lambda e: abs(e.root.i - trig.i))
            head = self.clause_head(best.root)
            if head.dep_ == "xcomp" and head.head.lemma_.lower() in FORWARD_VERBS:
                tense = "future"  # "agreed to meet again in early May": after the agreeing, whatever its tense
            return resolve_date(best.text, self.published, tense)
        sent = anchor.sent
        dates = [e for e in self.dates if e.start >= sent.start and e.end <= sent.end]
        cue = self.speech_verb(anchor)
        if cue is not None:
            cued = [e for e in dates if self.clause_head(e.root) == self.clause_head(cue)]
            if cued:
                return resolve_date(cued[0].text, self.published, self.tense([cue]))
        for statement in self.statements:
            if statement.start <= anchor.idx < statement.end and statement.speaker_start is not None:
                span = self.doc.char_span(statement.speaker_start, statement.speaker_end, alignment_mode="expand")
                if span is None:
                    continue
                cue_verb = span.root.head
                cue_dates = [e for e in self.dates if e.sent.start == cue_verb.sent.start
                             and self.clause_head(e.root) == self.clause_head(cue_verb)]
                if cue_dates:
                    return resolve_date(cue_dates[0].text, self.published, self.tense([cue_verb]))
        return None

    def _own_dates(self, anchor: Token, trig: Token) -> list[Span]:
        """The DATE entities of the event's own clause (not of the statement's cue)."""
        sent = anchor.sent
        return [e for e in self.dates
                if e.start >= sent.start and e.end <= sent.end and self._attached(e, anchor, trig)]

    def _attached(self, ent: Span, anchor: Token, trig: Token) -> bool:
        cue = self.clause_head(ent.root)
        if cue.dep_ == "parataxis" and ent.end <= cue.i and any(k in self.lex.speech for k in _keys(cue)) and \
                cue.head.i in {self.clause_head(anchor).i, self.clause_head(trig).i}:
            return True  # "From Monday, she said, transit will be suspended"
        if ent.root.i in {t.i for t in anchor.subtree} and self.clause_head(ent.root) in {self.clause_head(trig),
                                                                                            self.clause_head(anchor)}:
            return True
        head = self.clause_head(ent.root)
        return head.i in {self.clause_head(anchor).i, self.clause_head(trig).i}

    # -- events ------------------------------------------------------------------------------
    def sentence(self, sent: Span) -> list[Event]:
        triggers: dict[int, _Trigger] = {}
        consumed: set[int] = set()
        for token in sent:
            trig = self.trigger(token)
            if trig is not None:
                triggers[token.i] = trig
                consumed |= trig.consumed
        for index in consumed:
            triggers.pop(index, None)
        self.triggers = triggers
        events: list[Event] = []
        for special in (self._conditionals, self._modal_requests, self._wishes):
            found = special(sent, triggers)
            self.history += found
            events += found
        absorbed: dict[int, list[_Trigger]] = {}
        anchors: list[_Trigger] = []
        for trig in triggers.values():
            if trig.token.i in self.suppressed:
                continue
            governor = self.governor_of(trig, triggers)
            if governor is not None:
                absorbed.setdefault(governor.i, []).append(trig)
            else:
                anchors.append(trig)
        for gov_index, children in list(absorbed.items()):
            if gov_index in triggers or gov_index in self.suppressed:
                continue
            if gov_index not in {a.token.i for a in anchors}:
                # an intention ("wants to", "plans to") with a cooperative action is an offer: AGREE; hoping that
                # others act ("hoped the ministers would meet") is neither party's act
                governor = self.doc[gov_index]
                if self._others_act(governor, children):
                    continue
                kinds = {c.type for c in children}
                if kinds & {"AGREE", "CONSULT", "COOPERATE"}:
                    anchors.append(_Trigger(governor, "AGREE", None, "verb" if governor.pos_ == "VERB" else "noun"))
                else:
                    anchors += children
                    for child in children:
                        absorbed.setdefault(child.token.i, [])
        for trig in sorted(anchors, key=lambda t: t.token.i):
            if trig.token.i in self.suppressed:
                continue
            if trig.pos == "noun" and trig.role != "label" and not self._nominal_event(trig):
                continue
            if trig.pos == "verb" and trig.token.dep_ == "pcomp" and trig.token.head.lower_ in TOPIC_PREPS:
                continue  # "we will talk about easing the measures": a topic, not an act
            found = self._code(trig, absorbed.get(trig.token.i, []))
            self.history += found
            events += found
        return events

    def _others_act(self, governor: Token, children: list[_Trigger]) -> bool:
        """The wished-for act has a subject of its own, other than the one who wishes it."""
        own = {self.actors.country(a) for a in self.subject(governor)}
        for child in children:
            clause = child.token
            while clause.dep_ not in CLAUSAL and clause.head.i != clause.i:
                clause = clause.head
            subjects = [a for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} for a in self.actors_of(c)]
            if clause.i != governor.i and subjects and not {self.actors.country(a) for a in subjects} & own:
                return True
        return False

    def _nominal_event(self, trig: _Trigger) -> bool:
        """A noun names an event only where it says who or when ("the Russian annexation", "talks between X and
        Y", "the talks on Monday"), or that it happens ("fighting flared", "an exchange is planned")."""
        noun = trig.token
        if noun.head.lower_ in TOPIC_PREPS or any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children):
            return False  # a topic ("talk about sanctions"), or any act that might come ("any new sanctions")
        refused = self.triggers.get(noun.head.i)
        if noun.dep_ == "dobj" and trig.type in COOPERATIVE_TYPES and refused is not None and \
                refused.type not in COOPERATIVE_TYPES and not self._own_source(noun):
            return False  # "boycott all contact with X", "suspended talks with X": what is refused, not an act
        preps = TARGET_PREPS | {"between", "of"} | ({"in"} if trig.type in PLACE_TYPES else set())
        has_target = any(
            c.dep_ == "prep" and c.lower_ in preps and
            any(self.actors_of(g) or trig.type in BLAME_TYPES and self._culprits(g)
                for g in c.children if g.dep_ == "pobj") for c in noun.children)
        dated = any(noun.i in {e.root.head.i, e.root.head.head.i}
                    for e in self.dates if noun.left_edge.i <= e.start and e.end <= noun.right_edge.i + 1)
        governed = self._light_verb(noun) is not None
        happens = noun.dep_ in {"nsubj", "nsubjpass"} and noun.head.lemma_.lower() in OCCURRENCE_VERBS
        authored = bool(self._own_source(noun)) and (  # "dismissed Mereval's offer", "the Merevalian mediator"
            trig.mode == "third-party" or any(self._reacted_by(noun, s) for s in self._own_source(noun)))
        return has_target or governed or dated or happens or authored or self._compound_pair(noun) is not None

    def _stative_subject(self, trig: _Trigger) -> list[str]:
        """"X is committed / prepared / determined to ...": a passive in form only, whose subject acts."""
        token = trig.token
        if trig.pos != "verb" or not any(k in self.lex.adjectives for k in _keys(token)) or \
                any(c.dep_ == "agent" for c in token.children):
            return []
        return [a for c in token.children if c.dep_ == "nsubjpass" for a in self.actors_of(c)]

    @staticmethod
    def _light_verb(noun: Token) -> Token | None:
        """The verb a nominal event is the substance of: "held talks", "staged a strike", "engaged in
        ethnic cleansing", "ended two days of talks", "returned to Geneva for talks"."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in QUANTITY_NOUNS:
            noun = noun.head.head
        if noun.dep_ in {"dobj", "nsubj", "nsubjpass"} and any(k in LIGHT_VERBS for k in _keys(noun.head)):
            return noun.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.lemma_.lower() in ENGAGE_VERBS:
            return noun.head.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in TRAVEL_VERBS:
            return noun.head.head
        return None

    def _code(self, trig: _Trigger, children: list[_Trigger]) -> list[Event]:
        token = trig.token
        if trig.role == "label" and trig.pos == "noun":
            return self._label_noun(trig)
        material = trig.type in HOSTILE_TYPES | {"AID", "COOPERATE", "RETREAT", "PROTEST"}
        sources = self.subject(token) if trig.pos != "noun" else \
            (self._own_source(token) or self.subject(token) or self._own_source(token, pronouns=True))
        if trig.pos == "adj" and not sources:
            sources = self.subject(token.head)
        light = self._light_verb(token) if trig.pos == "noun" else None
        if light is not None and token.dep_ != "nsubj" and not sources:
            sources = self.subject(light, controller=True)  # "Serb forces were engaged in ethnic cleansing"
        stative = self._stative_subject(trig)
        if stative:
            sources = stative  # "Vietnam is committed to opening up"
        imperative = trig.pos == "verb" and self._imperative(token)
        if not sources or imperative:
            # the speaker acts in their own words, not in the acts they name ("the withdrawal was a first step",
            # "those who kidnapped our soldiers")
            speaker = self.speaker_of(token)
            named = trig.pos == "noun" or self._named_subject(token)
            sources = [speaker] if speaker and (imperative or not (material and named)) else []
        own = frozenset(self.actors.country(s) for s in sources)
        targets = [t for t in self.objects(token, trig.type, own) if not (stative and t in stative)]
        pairs: list[tuple[str, str]] = []
        for child in children:
            inner = self._complement_actors(child.token, token, child.type)
            targets += [a for a in inner if a not in targets]
        between = [a for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
                   for g in c.children if g.dep_ == "pobj" for a in self.actors_of(g)]
        if between:
            if len(between) >= 2 and (trig.pos == "noun" or not sources):
                pairs.append((between[0], between[1]))  # "talks between A and B"; not "shuttled between A and B"
            targets += [a for a in between if a not in targets]
        if not targets and trig.pos == "noun":
            targets += [a for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj" for a in self.actors_of(g)]
        if light is not None and token.dep_ != "nsubj" and not targets:
            # "opened investigations against X", "reiterated its demand that X ...", "forces were engaged
            # in ethnic cleansing in X": the verb's other roles
            targets += [a for a in self.objects(light, trig.type) if a not in sources]
        if len(sources) >= 2:
            targets = [t for t in targets if t not in sources]
        own = {self.actors.country(s) for s in sources}
        if any(self.actors.country(t) not in own for t in targets):
            targets = [t for t in targets if self.actors.country(t) not in own]  # a foreign target over one's own side
        elif trig.type == "THREATEN" and own - {None}:
            targets = []  # "warned that Ostrel would not accept …": a warning is not aimed at one's own side
        if not targets and (pair := self._compound_pair(token)):
            pairs.append(pair)
            sources = []
        mutual = len(sources) >= 2 and (self._reciprocal(token) or (not targets and self._mutual(trig, children)))
        if not targets and trig.type == "THREATEN":
            targets = [a for a in self._conditioned(token) if a not in sources]
        if not targets and not pairs and not mutual and trig.role != "label":
            targets = self._nearby_target(token, children, sources, trig.type)
        if not sources and trig.type in HOSTILE_TYPES and targets:
            # "those who kidnapped our servicemen", "soldiers held in X": in a dispute, the other side
            sources = self.counterpart(targets[0])
        path = self.path_up(token)
        negated = self.negated(path)
        tense = self.tense(path)
        modality = "denied" if negated and self._denied(path) else self.modality(path, negated, tense)
        when = self.date_for(token, (children[0].token if children else token), tense)
        span = self._evidence(token, children)
        kind, mode = self._retype(trig, path, tense, modality, children)
        if kind is None:
            return []
        if imperative:
            kind, mode = "REQUEST", None
        if kind == "AGREE" and negated and any("fail" in _keys(t) for t in path):
            kind, mode, negated = "REJECT", None, False  # "failed to reach agreement": no deal was made
        if mutual:
            # "accused each other", "exchanged fire": each way; "a joint declaration", "held talks": once
            both_ways = kind not in SYMMETRIC_TYPES and (
                self._each_other(token) or token.lemma_.lower() in MUTUAL_VERBS)
            pairs += list((permutations if both_ways else combinations)(sources, 2))
            sources = []
        if not sources and not targets and not pairs and trig.pos == "noun" and len(self.parties) == 2:
            # "fighting flared", "the exchange will take place": the article's two parties, each way where
            # the act goes both ways
            first, second = self.parties
            pairs = [(first, second)] + ([(second, first)] if kind not in SYMMETRIC_TYPES else [])
        events = []
        for source in sources:
            aimed = [t for t in targets if t != source]
            if not aimed and not pairs:
                partners = {self.actors.country(s) for s in sources} - {self.actors.country(source)}
                aimed = [t for t in self._unstated(trig, source, kind, children, together=bool(partners))
                         if self.actors.country(t) not in partners]
            events += [(source, target) for target in aimed or [None]]
        events += pairs
        return [self._event(s, kind, t, span, when, negated, mode, modality) for s, t in dict.fromkeys(events)]

    def _event(self, source: str, kind: str, target: str | None, span: Span, when: str | None, negated: bool,
               mode: str | None = None, modality: str | None = None) -> Event:
        return Event(source=source, type=kind, target=target, date=when, negated=negated, evidence=span.text,
                     mode=mode, modality=modality, start=span.start_char, end=span.end_char, score=score(kind),
                     cameo=cameo_root(kind, mode))

    def _retype(self, trig: _Trigger, path: list[Token], tense: Tense, modality: str | None,
                children: list[_Trigger]) -> tuple[str | None, str | None]:
        """An attack that forces are preparing is a mobilisation. Material help that is only promised ("will
        provide aid"), signing that is only offered and talks that would be held are offers; a vow of force
        ("vowed to fight on") and hostile acts to come are threats, unless they are scheduled ("from Monday,
        transit will be suspended") or go on ("sanctions would remain in force"). A response is a threat when
        it is to come, and a concession when it answers a demand."""
        token = trig.token
        possible = modality in {"hypothetical", "conditional"}
        if trig.role == "response":
            if self._answers_request(token):
                return "CONCEDE", None
            return ("THREATEN", None) if tense == "future" or possible else (None, None)
        if trig.type == "AGREE" and children and all((c.type in HOSTILE_TYPES or c.role == "response")
                                                     and not self.negated([c.token]) for c in children):
            return "THREATEN", None  # "vowed to retaliate"; not "agreed not to attack", a promise of restraint
        if trig.type == "ASSAULT" and any(t.lemma_.lower() in {"prepare", "gear", "poise"} for t in path[1:]):
            return "MOBILIZE", None  # "prepared to resume shelling": forces readied, no attack yet
        ongoing = any(t.lemma_.lower() in {"continue", "keep", "remain", "stay"} for t in path)
        offered = tense == "future" or (modality == "hypothetical" and trig.pos == "verb")
        if trig.type in {"AID", "COOPERATE", "RETREAT"} and offered and not ongoing and trig.mode != "resign":
            return "AGREE", None
        if trig.type == "SUPPORT" and token.lemma_.lower() == "sign" and (tense == "future" or possible):
            return "AGREE", None
        if trig.type == "CONSULT" and possible:
            return "AGREE", None
        if trig.type in {"PROTEST", "SANCTION", "COERCE", "ASSAULT"} and (tense == "future" or modality == "hypothetical") \
                and not ongoing and (possible or not self._own_dates(token, token)):
            return "THREATEN", None  # "said they would boycott", "will impose a curfew"
        return trig.type, trig.mode

    def _answers_request(self, token: Token) -> bool:
        """"Respond to the demands": the response meets a request."""
        return any(self._kinds_of(g) == {"REQUEST"} for c in token.children if c.dep_ == "prep"
                   for g in c.children if g.dep_ == "pobj")

    def _mutual(self, trig: _Trigger, children: list[_Trigger]) -> bool:
        """Coordinated actors who act on each other: "spoke to each other", "exchanged fire", "met", "agreed to
        hold talks", "agreed to exchange detainees" (not "offered to mediate", a third party's act; not "agreed on
        a pact", which names no other side)."""
        token = trig.token
        if self._reciprocal(token) or token.lemma_.lower() in MUTUAL_VERBS:
            return True
        if trig.type in SYMMETRIC_TYPES and self._pair_subject(token):
            return True  # "both sides agreed to keep in touch": each with the other
        return trig.pos == "verb" and trig.mode != "third-party" and (trig.type in {"CONSULT", "COOPERATE"} or (
            trig.type == "AGREE" and any((c.type == "CONSULT" and c.mode != "third-party")
                                         or c.token.lemma_.lower() in MUTUAL_VERBS for c in children)))

    def _named_subject(self, token: Token) -> bool:
        """The clause names who acts, though not as a known actor ("those who kidnapped", "nobody")."""
        if token.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in RELATIVE_WORDS for c in token.children):
            return True
        return any(c.dep_ == "nsubj" and c.lower_ not in FIRST_PERSON for c in token.children)

    def _imperative(self, token: Token) -> bool:
        """An order in quoted words ("Release our sailors now"): a base-form verb without subject or auxiliary."""
        if token.tag_ not in {"VB", "VBP"} or token.dep_ not in {"ROOT", "ccomp", "conj", "parataxis", "advcl"}:
            return False
        if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl"} for c in token.children):
            return False
        if token.dep_ == "conj" and not self._imperative(token.head):
            return False
        return any(s.kind == "direct" and s.start <= token.idx < s.end for s in self.statements)

    # -- what a sentence leaves out ----------------------------------------------------------
    def _unstated(self, trig: _Trigger, source: str, kind: str, children: list[_Trigger],
                  together: bool = False) -> list[str]:
        """The target a sentence leaves out, from the rest of the article: the one reacting to an act it names
        ("rejected the sanctions imposed by X"), the author of what is reacted to ("condemned the decision") or
        asked to be undone ("release our sailors"), whoever a response answers, the other party of the dispute,
        both parties for a third party's offer or call, else whom a third party last acted toward. Actors who
        act together ("A and B signed a treaty") face no default other side."""
        if trig.mode == "resign" or any(t.lemma_.lower() in {"unilateral", "unilaterally"}
                                        for t in _phrase(trig.token)):
            return []  # "declared a unilateral ceasefire": no other side
        if reactor := self._reacted_by(trig.token, source):
            return reactor
        thing = self._thing(trig)
        kinds = self._kinds_of(thing) if thing is not None else None
        if kinds and kinds <= HOSTILE_TYPES and kind in {"RETREAT", "CONCEDE", "AGREE"} and \
                (found := self._undone_target(source, kinds)):
            return found  # "the sanctions can be eased", "lifted its ban": for whom they were imposed
        if kind == "REQUEST" and (undo := self._undo_kinds(trig, children)) and (found := self.author(source, undo)):
            return found
        if thing is not None and kind in REACTION_TYPES and (found := self.author(source, kinds)):
            return found
        if trig.role == "response" and (found := self.author(source, None)):
            return found
        if kind == "PROTEST":
            # people protesting at home protest against their own state ("thousands of Nigerians rallied")
            return self._state_of(source) if self.actors.actors[source].kind != "state" else [source]
        if together or (kind == "CONSULT" and self._interlocutor(trig)):
            return []  # "spoke to officers of the brigade": someone, if no actor
        if other := self.counterpart(source):
            return other
        outside = self.actors.country(source) not in {self.actors.country(p) for p in self.parties}
        if outside and kind in THIRD_PARTY_TYPES:
            return list(self.parties)
        return self._usual_target(source) if outside and kind not in COOPERATIVE_TYPES else []

    def _interlocutor(self, trig: _Trigger) -> bool:
        """Talks with someone the sentence names, if not as an actor."""
        return any(g.pos_ in {"NOUN", "PROPN", "PRON"} for c in trig.token.children
                   if c.dep_ == "prep" and c.lower_ in {"to", "with"} for g in c.children if g.dep_ == "pobj") or \
            any(c.dep_ == "dobj" and c.pos_ in {"PROPN", "PRON"} for c in trig.token.children)

    def _undone_target(self, source: str, kinds: set[str]) -> list[str]:
        """Whom the source's side last did an act of these kinds to."""
        country = self.actors.country(source)
        return [e.target for e in reversed(self.history) if e.type in kinds and e.target is not None
                and self.actors.country(e.source) == country and self.actors.country(e.target) != country][:1]

    def _reacted_by(self, token: Token, source: str) -> list[str]:
        """An act named in what another actor reacts to is aimed at that actor: "Varnia rejected the sanctions
        imposed by the Council" (sanctions on Varnia), "dismissed Mereval's offer of mediation"."""
        current = token
        for _ in range(4):
            if current.dep_ not in {"dobj", "pobj", "prep", "acl", "nsubjpass", "poss", "compound", "appos"} or \
                    current.head.i == current.i:
                return []
            current = current.head
            reaction = self.triggers.get(current.i)
            if reaction is not None and reaction.pos == "verb" and reaction.type in REACTION_TYPES - {"REQUEST"}:
                country = self.actors.country(source)
                return [r for r in self.subject(current) if self.actors.country(r) not in {country, None}][:1]
        return []

    def _thing(self, trig: _Trigger) -> Token | None:
        """What a reaction is about when it names no actor: "the decision", "the sanctions", "them", or the
        noun a relative clause describes ("a gesture Varnia welcomed", "an act Kesh called piracy")."""
        token = trig.token
        if trig.pos == "noun":
            return None
        found = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"} and not (
            trig.role == "label" and self._is_label(c))]
        found += [g for c in token.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS - {"from"}
                  for g in c.children if g.dep_ == "pobj"]
        if token.dep_ in {"relcl", "acl"} and not any(
                c.dep_ == "dobj" and not self._is_label(c) for c in token.children):
            found.append(token.head)
        # "called them illegal", not "assured them"
        pronouns = trig.role == "label" or trig.type in {"ACCUSE", "REJECT"}
        return next((c for c in found if (c.lemma_.lower() in THING_NOUNS and (pronouns or c.pos_ != "PRON"))
                     or self._kinds_of(c) or self._definite_thing(c)), None)

    def _definite_thing(self, noun: Token) -> bool:
        """"The extension", "this step": a definite act or thing the reader knows, not a person or a group."""
        return noun.pos_ == "NOUN" and noun.lemma_.lower() not in PERSON_NOUNS and not self.actors_of(noun) and any(
            c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "these", "those", "its", "their"}
            for c in noun.children)

    def _kinds_of(self, noun: Token) -> set[str] | None:
        """The kind of act a noun names ("the sanctions", "the lifting of the sanctions"), None for any."""
        for current in [noun] + [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                 for g in c.children if g.dep_ == "pobj"]:
            for key in _keys(current):
                if key in self.lex.nouns:
                    return {self.lex.nouns[key][0]}
        return None

    def _undo_kinds(self, trig: _Trigger, children: list[_Trigger]) -> set[str] | None:
        """Asking for a release, a withdrawal or the lifting of measures asks the one who did the act undone:
        the kind of act named ("the lifting of the sanctions"), else any hostile act."""
        scope = [trig.token] + [c.token for c in children]
        words = [t for head in scope for t in head.subtree]
        if not ({trig.type} | {c.type for c in children}) & {"RETREAT", "CONCEDE"} and \
                not any(k in UNDO_WORDS for t in words for k in _keys(t)):
            return None
        named = {self.lex.nouns[k][0] for t in words for k in _keys(t) if k in self.lex.nouns}
        measure = next((t.lemma_.lower() for t in words if t.lemma_.lower() in MEASURE_NOUNS), None)
        if measure is not None:
            named.add("SANCTION" if measure in {"measure", "sanction", "embargo"} else "COERCE")
        return (named & HOSTILE_TYPES) or set(HOSTILE_TYPES)

    def _label_noun(self, trig: _Trigger) -> list[Event]:
        """"The provocations of X", "Varnian blackmail": whoever uses the word accuses X; with no X, nothing."""
        token = trig.token
        speaker = self.speaker_of(token)
        sources = [speaker] if speaker else self.subject(token)
        own = {self.actors.country(s) for s in sources}
        targets = [t for t in self.actors_of(token, target=True) if self.actors.country(t) not in own]
        span = self.doc[token.left_edge.i:token.right_edge.i + 1]
        when = self.date_for(token, token, self.tense(self.path_up(token)))
        return [self._event(s, "ACCUSE", t, span, when, False, trig.mode) for s in sources for t in targets]

    def _complement_actors(self, token: Token, governor: Token, kind: str) -> list[str]:
        """Who an absorbed action is about: the subject of its clause for requests ("called for X to
        return to talks"), else its objects."""
        found = []
        current = token
        while current.i != governor.i and current.head.i != current.i:
            for child in current.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and not (_pronoun(child) and child.lower_ in FIRST_PERSON):
                    found += self.actors_of(child)
            current = current.head
        found += self.objects(token, kind)
        return list(dict.fromkeys(found))

    def _compound_pair(self, token: Token) -> tuple[str, str] | None:
        """"The Russia-NATO Council will meet", "US-Russia talks": two actors joined in one name face each other."""
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}] or [token]
        for subject in subjects:
            inside = self.actors.within(subject.left_edge.idx, subject.idx + len(subject))
            for first, second in zip(inside, inside[1:]):
                joined = second.start >= first.end and \
                    self.doc.text[first.end:second.start].strip() in {"-", "–", "/", ""}
                if joined and first.actor != second.actor:
                    return first.actor, second.actor
        return None

    def _conditioned(self, token: Token) -> list[str]:
        """Whose act a threat hangs on: "threatened to ban voting if Hamas ran" is aimed at Hamas."""
        clauses = [t for t in token.subtree if t.dep_ == "advcl"
                   and any(m.dep_ == "mark" and m.lower_ in IF_MARKS for m in t.children)]
        return [a for clause in clauses for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}
                for a in self.actors_of(c)]

    def _nearby_target(self, token: Token, children: list[_Trigger], sources: list[str], kind: str) -> list[str]:
        """Last resort: the first other country named just after the trigger, inside its phrase
        ("open to discussions aimed at restoring US-Russian relations")."""
        countries = {self.actors.country(s) for s in sources}
        # A person or group acting at home faces their own state ("supporters of X blocked roads in Algiers");
        # a state's own name again is no target.
        domestic = kind in DOMESTIC_TYPES and bool(sources) and all(
            self.actors.actors[s].kind != "state" for s in sources if s in self.actors.actors)
        heads = [token] + [c.token for c in children]
        if kind == "PROTEST":
            # "blocked a road to show their disapproval of X": the purpose says whom it is against
            heads += [c for c in token.children if c.dep_ in {"advcl", "xcomp"}
                      and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        opposed = {t.i for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ == "against"
                   for t in c.subtree} if kind in COOPERATIVE_TYPES else set()  # "defended X against Y"
        if kind in {"CONSULT", "AGREE"}:  # "a meeting in Orvane": where, not with whom
            opposed |= {t.i for head in heads for t in _phrase(head)
                        if t.dep_ == "pobj" and t.head.lower_ == "in" for t in t.subtree}
        near = [actor for head in heads for t in _phrase(head) if head.i < t.i <= head.i + 12 and t.i not in opposed
                and (actor := self.mention_actor(t)) and actor not in sources and self.actors.country(actor)]
        foreign = [a for a in near if self.actors.country(a) not in countries]
        return foreign[:1] or (near[:1] if domestic else [])

    @staticmethod
    def _pair_subject(token: Token) -> bool:
        """"Both sides agreed", "the two countries will cooperate": the subject names a pair, not one actor."""
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in PAIR_HEADS
                   and any(g.lower_ in {"both", "two"} for g in c.children) for c in token.children)

    @staticmethod
    def _each_other(token: Token) -> bool:
        """"accused each other", "spoke to one another"."""
        return any(g.lower_ in {"other", "another"} and g.i > 0 and g.doc[g.i - 1].lower_ in {"each", "one"}
                   for g in _phrase(token))

    def _reciprocal(self, token: Token) -> bool:
        """"accused each other", "a joint declaration", "met together", "agreed to set up a joint commission"."""
        if self._each_other(token):
            return True
        heads = [token] + [c for c in token.children if c.dep_ == "xcomp"]
        near = [g for h in heads for g in h.children] + [
            g for h in heads for c in h.children if c.dep_ == "dobj" for g in c.children]
        return any(g.lower_ in {"joint", "jointly", "together", "mutual", "bilateral"} for g in near)

    def _denied(self, path: list[Token]) -> bool:
        return any(k in {"deny", "reject", "dismiss"} for t in path for k in _keys(t))

    def _evidence(self, token: Token, children: list[_Trigger]) -> Span:
        tokens = list(token.subtree)
        if len(tokens) > 40:
            tokens = [t for t in tokens if abs(t.i - token.i) <= 20]
        subject_tokens = [t for c in token.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]
        every = tokens + subject_tokens + [c.token for c in children]
        start = min(t.i for t in every)
        end = max(t.i for t in every) + 1
        span = self.doc[start:end]
        while len(span) > 1 and (span[-1].is_punct or span[-1].dep_ in {"cc", "mark"}):
            span = span[:-1]
        while len(span) > 1 and (span[0].is_punct or span[0].dep_ in {"cc", "mark"}):
            span = span[1:]
        return span

    def _conditionals(self, sent: Span, triggers: dict[int, _Trigger]) -> list[Event]:
        """"Would only consider X if the US lifted sanctions", "the border stays closed until X withdraws":
        the condition is a demand on its subject, and its act has not happened."""
        events = []
        for token in sent:
            for clause in token.children:
                if clause.dep_ != "advcl":
                    continue
                marks = {m.lower_ for m in clause.children if m.dep_ == "mark"}
                only = any(c.lower_ == "only" for c in list(token.children) + list(clause.children))
                until = bool(marks & {"until", "till"})
                main = triggers.get(token.i)
                hostile = main is not None and main.type in HOSTILE_TYPES | {"PROTEST"}
                if not until and (not (IF_MARKS & marks) or not (only or "unless" in marks or hostile)):
                    continue
                speaker = self.speaker_of(token)
                sources = self.subject(token) or ([speaker] if until and speaker else [])
                conditioned = [a for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} for a in self.actors_of(c)]
                if not sources or not conditioned:
                    continue
                refused = "unless" in marks and self.negated(self.path_up(token))  # "would not attend unless X ..."
                kind = "REQUEST" if only or until or refused else \
                    ("THREATEN" if main and main.type not in self.lex.cooperative else None)
                if kind is None:
                    continue
                targets = conditioned if kind == "REQUEST" else (self.objects(token, main.type) or conditioned)
                self.suppressed |= {t.i for t in clause.subtree} | {t.i for t in _phrase(token)}
                # "will not return until X lifts …" is a demand made, not one withheld
                events += self._simple(token, kind, sources, targets, clause,
                                       negated=False if kind == "REQUEST" else None)
        return events

    def _modal_requests(self, sent: Span, triggers: dict[int, _Trigger]) -> list[Event]:
        """"Russia said Sudan must return the helicopter": an obligation put on another actor is a REQUEST; "any
        talks would have to begin with their release": one that names no actor is put on whoever must undo
        the act."""
        events = []
        for token in sent:
            if token.pos_ not in {"VERB", "AUX"} or token.i in self.suppressed or not self._obliged(token):
                continue
            verb = self.speech_verb(token)
            speaker = self.speaker_of(token)
            if speaker is None or (verb is None and not any(s.start <= token.idx < s.end for s in self.statements)):
                continue
            subjects = [a for c in token.children if c.dep_ in {"nsubj", "nsubjpass"} for a in self.actors_of(c)]
            targets = [t for t in subjects if t != speaker]
            if not subjects:
                undo = self._undo_kinds(_Trigger(token, "REQUEST", None, "verb"), [])
                targets = self.author(speaker, undo) if undo else []
            if not targets:
                continue
            self.suppressed |= {t.i for t in token.subtree if t.i in triggers}
            # "X must stop arming Kyiv", "must not attack": what is asked, not whether it was asked
            events += self._simple(token, "REQUEST", [speaker], targets, None,
                                   negated=self.negated(self.path_up(token)[1:]))
        return events

    @staticmethod
    def _obliged(token: Token) -> bool:
        """"must", "should", "ought to", "have to", "need to"."""
        if any(c.dep_ == "aux" and c.lower_ in MODALS_REQUEST for c in token.children):
            return True
        return token.lemma_.lower() in {"have", "need"} and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in token.children)

    def _wishes(self, sent: Span, triggers: dict[int, _Trigger]) -> list[Event]:
        """"Kesh wants Dravian warships moved out of the bay", "wants Dravia to withdraw": wanting another
        actor to act is a REQUEST to it (wanting to act oneself is an intention, coded with the act)."""
        events = []
        for token in sent:
            if token.lemma_.lower() not in {"want", "wish"} or token.i in self.suppressed:
                continue
            clauses = [c for c in token.children if c.dep_ in {"ccomp", "xcomp"}]
            wanted = [a for c in clauses for g in c.children if g.dep_ in {"nsubj", "nsubjpass"}
                      for a in self.actors_of(g, target=True)]
            wanted += [a for c in token.children if c.dep_ == "dobj" and clauses
                       for a in self.actors_of(c, target=True)]
            sources = self.subject(token)
            own = {self.actors.country(s) for s in sources}
            wanted = [a for a in dict.fromkeys(wanted) if self.actors.country(a) not in own]
            if not sources or not wanted:
                continue
            self.suppressed |= {t.i for c in clauses for t in c.subtree if t.i in triggers} | {token.i}
            events += self._simple(token, "REQUEST", sources, wanted, None)
        return events

    def _simple(self, token: Token, kind: str, sources: list[str], targets: list[str],
                extra: Token | None, negated: bool | None = None) -> list[Event]:
        path = self.path_up(token)
        tense = self.tense(path)
        when = self.date_for(token, token, tense)
        tokens = list(token.subtree)
        span = self.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]
        modality = "conditional" if extra is not None else None
        negated = self.negated(path) if negated is None else negated
        return [self._event(s, kind, t, span, when, negated, None, modality)
                for s in sources for t in targets if t != s]


def extract_events(doc: Doc, actors: ArticleActors, statements: list[Statement],
                   published: date | None) -> list[Event]:
    """Every PLOVER event the article reports, in text order, one per (source, type, target) and sentence."""
    coder = EventCoder(doc, actors, statements, published, load_lexicon())
    events: list[Event] = []
    for sent in doc.sents:
        found = [e for e in coder.sentence(sent) if e.source is not None]
        directed = {(e.source, e.type) for e in found if e.target is not None}
        seen: set[tuple] = set()
        for event in found:
            key = (event.source, event.type, event.target)
            if key in seen or (event.target is None and key[:2] in directed):
                continue
            seen.add(key)
            events.append(event)
    return events

