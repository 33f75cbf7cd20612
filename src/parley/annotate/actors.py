"""Actor mentions: find every way an article names an actor and resolve it to one canonical actor.

Names and aliases from the knowledge base are matched case-insensitively (so "putin"
and "Selenskyj" resolve), spaCy's entities add people and organisations the knowledge
base lacks, demonyms ("Russian troops") and seats of power ("the Kremlin said") stand
for their state, role descriptions ("the Kremlin spokesman", "Russia's top diplomat",
"the Turkish official") go to the office holder on the publication date or to the
person of that country the article last named, "he/she" go to the last person named and
"it/they" to the last state, organisation or group named as a subject. A demonym on a
people noun ("Croatian extremists") is a group actor of that state; people and parties
the knowledge base lacks are placed by their title, apposition or sentence, and other
organisations take CAMEO's generic IGO/NGO codes. Every later stage asks this index who
a span of text refers to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from parley.knowledge.actors import Entry, KnowledgeBase
from parley.knowledge.names import normalize_name, strip_possessive
from parley.model import Actor

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
# Words beside a name that say whether the person is a man or a woman ("Mrs.", "spokeswoman").
GENDERED_WORDS = {
    "mr": "m", "mr.": "m", "sir": "m", "king": "m", "prince": "m", "spokesman": "m", "chairman": "m",
    "congressman": "m", "businessman": "m", "father": "m", "son": "m", "brother": "m", "husband": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "madam": "f", "dame": "f", "lady": "f",
    "queen": "f", "princess": "f", "spokeswoman": "f", "chairwoman": "f", "congresswoman": "f",
    "businesswoman": "f", "mother": "f", "daughter": "f", "sister": "f", "wife": "f", "first lady": "f",
}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
STATE_BODY_WORDS = {"ministry", "parliament", "army", "navy", "government", "cabinet", "presidency"}
# "the ministry", "the bloc", "the alliance": a definite noun that points back to an organisation named before.
ORGANISATION_ANAPHORS = {"ministry", "bloc", "alliance", "organisation", "organization", "union", "council"}
IT_PRONOUNS = {"it", "its", "itself"}
THEY_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
# Nouns that describe an official or a body without naming it; resolved by country and role.
ROLE_HEADS = {
    "official", "officials", "diplomat", "minister", "president", "spokesman", "spokeswoman",
    "spokesperson", "leader", "envoy", "ambassador", "adviser", "advisor", "representative",
    "colleague", "counterpart", "chancellor", "premier", "secretary", "negotiator", "aide",
    "head", "chief", "commander", "government", "administration", "ministry", "delegation",
    "authorities", "leadership", "report", "study", "analysis", "statement", "leaders", "officials",
}
# Role types many people hold at once: "the Russian ambassador" is whoever the article named, not one office holder.
SHARED_ROLES = {"analyst", "legislator", "minister", "mayor", "prosecutor", "commissioner", "ambassador", "adviser",
                "envoy", "negotiator", "official", "regional_head"}
NEGATING_PREFIXES = {"non", "anti", "pro", "post", "ex"}
REPORT_HEADS = {"report", "study", "analysis", "survey", "assessment"}
COLLECTIVE_HEADS = {"government", "administration", "authorities", "leadership", "delegation", "ministry"}
ORGANISATION_WORDS = {"outlet", "agency", "newspaper", "paper", "broadcaster", "channel", "institute", "group",
                      "ministry", "party", "center", "centre", "council", "committee", "organization",
                      "organisation", "think", "tank", "website", "portal", "daily", "magazine", "network"}
# People nouns: with a demonym ("Croatian extremists", "French farmers") they name a group of that
# state's people, an actor of its own (so "Croatia is investigating Croatian extremists" has two).
PEOPLE_NOUNS = {"soldier", "troop", "force", "militiaman", "militia", "guerrilla", "guerilla", "rebel", "fighter",
                "insurgent", "militant", "extremist", "separatist", "nationalist", "police", "policeman",
                "farmer", "worker", "student", "people", "population", "civilian", "refugee", "protester",
                "protestor", "demonstrator", "settler", "activist", "citizen", "resident", "villager", "immigrant",
                "migrant", "hacker", "doctor", "journalist", "youth", "prisoner", "detainee", "pilgrim",
                "peacekeeper", "sailor", "pilot", "gunman", "commando", "trooper", "tourist", "national",
                "communist", "monarchist", "opposition", "dissident", "exile", "volunteer", "mercenary", "faction"}
# A demonym that names an ethnicity or a language, not the state: "ethnic Albanians", "the Russian language".
NOT_STATE_BEFORE = {"ethnic"}
NOT_STATE_AFTER = {"language", "speaker", "speakers", "speaking", "-speaking", "minority", "minorities",
                   "origin", "descent"}
NEW_ACTOR_LABELS = {"PERSON": "person", "ORG": "organization", "NORP": "group"}
# Titles that mark a person whatever the entity recogniser said ("Judge Alejandro Rivera", "Sheikh Hamad").
TITLE_WORDS = {"judge", "general", "gen", "colonel", "col", "sheikh", "sheik", "king", "queen", "prince", "emir",
               "sultan", "ayatollah", "cardinal", "bishop", "admiral", "marshal", "commander", "lieutenant",
               "captain", "senator", "governor", "mayor", "dr", "mr", "mrs", "ms"}
# Words that date an office ("former President X"): the person still served a state.
TIME_WORDS = {"former", "ex", "late", "outgoing", "incoming", "acting", "deposed", "ousted", "exiled"}
# Unknown organisations without a state in their name, coded as CAMEO does: an intergovernmental
# body (a scope word and an institution word: "International Labour Office") is IGO; a party,
# front or armed movement belongs to the state the sentence is about; a civil-society body is NGO.
IGO_SCOPES = {"international", "world", "united", "european", "african", "arab", "asian", "american", "islamic",
              "inter", "pan", "global", "regional", "commonwealth", "nordic", "baltic", "pacific", "atlantic"}
IGO_BODIES = {"organization", "organisation", "office", "agency", "bank", "fund", "court", "tribunal",
              "commission", "community", "union", "programme", "program", "conference", "secretariat",
              "assembly", "council", "federation"}
DOMESTIC_GROUPS = {"party", "front", "movement", "army", "militia", "brigade", "brigades", "rebels", "guerrillas",
                   "league", "congress", "union", "alliance", "coalition", "parliament", "assembly", "court",
                   "government", "council", "police", "forces"}
NGO_WORDS = {"association", "forum", "committee", "watch", "foundation", "society", "institute", "federation",
             "network", "crescent", "cross", "amnesty", "trust", "centre", "center", "fund", "relief",
             "doctors", "reporters", "international", "organization", "organisation"}
NAME_ENTITIES = {"PERSON", "GPE", "ORG", "NORP", "FAC", "LOC"}
NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


@dataclass
class Mention:
    """One resolved reference to an actor, by character offsets into the article."""
    start: int
    end: int
    text: str
    actor: str
    via: str  # name | alias | demonym | seat | role | pronoun | new | org


@dataclass
class ArticleActors:
    """The actors of one article and every mention of them, in text order."""
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    kb_ids: dict[str, str] = field(default_factory=dict)

    def add(self, actor: Actor) -> str:
        """Register an actor (or return the id of the one already there under that id)."""
        if actor.id not in self.actors:
            self.actors[actor.id] = actor
        return actor.id

    def at(self, start: int, end: int) -> Mention | None:
        """The longest mention overlapping [start, end), preferring mentions wholly inside it."""
        inside = [m for m in self.mentions if m.start >= start and m.end <= end]
        pool = inside or [m for m in self.mentions if m.start < end and m.end > start]
        return max(pool, key=lambda m: (m.end - m.start, -m.start), default=None)

    def within(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def country(self, actor_id: str | None) -> str | None:
        actor = self.actors.get(actor_id) if actor_id else None
        return actor.country if actor else None

    def names_of(self, actor_id: str) -> set[str]:
        """The actor's name and aliases, normalised."""
        actor = self.actors.get(actor_id)
        return {normalize_name(n) for n in (actor.name, *actor.aliases)} if actor else set()

    def resolve_span(self, span: Span) -> str | None:
        """The actor a speaker span names: the mention at its syntactic head, else the longest inside."""
        head = span.root
        for mention in self.mentions:
            if mention.start <= head.idx < mention.end and mention.start >= span.start_char - 1:
                return mention.actor
        # "which stated that ...": the noun the relative clause hangs on; "the secretary-general,
        # Ragna Theil, said": the name in apposition.
        if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
            return self._mentioned(head.head.head)
        for appos in (c for c in head.children if c.dep_ == "appos"):
            found = self._mentioned(appos)
            if found:
                return found
        if head.pos_ == "PROPN":
            return self._unnamed(span, head)
        found = self.at(span.start_char, span.end_char)
        return found.actor if found else None

    def _mentioned(self, token: Token) -> str | None:
        return next((m.actor for m in self.mentions if m.start <= token.idx < m.end), None)

    def _unnamed(self, span: Span, head: Token) -> str:
        """A speaker whose name neither the knowledge base nor the entity recogniser knew
        ("opposition outlet Meduza"): a new actor, with the country of a demonym beside it."""
        doc = span.doc
        start = end = head.i
        while start > span.start and doc[start - 1].pos_ == "PROPN" and not self._covered(doc[start - 1]):
            start -= 1
        while end + 1 < span.end and doc[end + 1].pos_ == "PROPN":
            end += 1
        name = strip_possessive(doc[start:end + 1].text)
        inside = self.within(span.start_char, span.end_char)
        country = next((self.country(m.actor) for m in inside if m.via == "demonym"), None)
        words = {t.lower_ for t in span}
        kind = "organization" if words & (ORGANISATION_WORDS | NGO_WORDS | IGO_BODIES) else "person"
        if kind == "organization" and country is None:
            country = _organisation_code(words)  # "Human Rights Watch accused ..."
        actor_id = self.add(Actor(id=_slug(name), name=name, country=country, kind=kind))
        first = doc[start:end + 1]
        self.mentions.append(Mention(first.start_char, first.end_char, first.text, actor_id, "new"))
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return actor_id

    def _covered(self, token: Token) -> bool:
        return any(m.start <= token.idx < m.end for m in self.mentions)

    def used(self, ids: set[str]) -> list[Actor]:
        """The actors that statements, events or positions refer to, with the aliases seen for each."""
        return [self.actors[i] for i in self.actors if i in ids]


class ActorResolver:
    """Built once per process (the phrase matcher over all knowledge-base names is the costly part)."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.role_heads = ROLE_HEADS | ORGANISATION_ANAPHORS | {_head_word(noun) for noun in kb.role_nouns()}
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self._terms: dict[str, str] = {}
        patterns = []
        for term in sorted(kb.surface_forms()):
            key = f"t{len(self._terms)}"
            self._terms[key] = term
            patterns.append((key, term))
        make = nlp.tokenizer
        for key, term in patterns:
            self.matcher.add(key, [_fold_accents(make(term))])

    def __call__(self, doc: Doc, published: date | None = None) -> ArticleActors:
        return _Resolution(self, _fold_accents(doc), published).run()


class _Resolution:
    """The state of resolving one article; discarded afterwards."""

    def __init__(self, resolver: ActorResolver, doc: Doc, published: date | None) -> None:
        self.kb = resolver.kb
        self.resolver = resolver
        self.doc = doc
        self.published = published
        self.out = ArticleActors()
        self.taken = [False] * len(doc)
        self.people_by_surname: dict[str, str] = {}
        self._caps: set[str] | None = None
        self.last_report: str | None = None
        self.unplaced: list[str] = []
        self.gender: dict[str, str] = {}

    def run(self) -> ArticleActors:
        self._known_names()
        self._entities()
        self._surnames()
        self._descriptions_and_pronouns()
        self.out.mentions.sort(key=lambda m: (m.start, m.end))
        self._place_officials()
        return self.out

    def _place_officials(self) -> None:
        """An official the knowledge base lacks and the text gives no nationality ("President Abdelaziz
        Bouteflika said …"), or a party or armed movement it lacks ("the Umma party"), most likely
        belongs to the state the sentence, or else the article, is about."""
        for actor_id in self.unplaced:
            actor = self.out.actors[actor_id]
            first = next(m for m in self.out.mentions if m.actor == actor_id)
            sentence = self.doc.char_span(first.start, first.end, alignment_mode="expand").sent
            actor.country = (self._dominant_state(sentence.start_char, sentence.end_char)
                             or self._dominant_state(0, len(self.doc.text)))

    def _dominant_state(self, start: int, end: int) -> str | None:
        counts: dict[str, int] = {}
        for mention in self.out.mentions:
            actor = self.out.actors[mention.actor]
            if start <= mention.start < end and actor.kind == "state" and actor.country:
                counts[actor.country] = counts.get(actor.country, 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else None

    # -- registry -------------------------------------------------------------------------
    def _actor_for(self, entry: Entry) -> str:
        actor = self.out.actors.get(entry.id)
        if actor is None:
            role = self._role_title(entry)
            actor = Actor(id=entry.id, name=entry.name, aliases=[], country=entry.country,
                          kind=entry.kind, role=role)
            self.out.add(actor)
            self.out.kb_ids[entry.id] = entry.id
            if entry.kind == "person":
                self.people_by_surname.setdefault(normalize_name(entry.name.split()[-1]), entry.id)
        return entry.id

    def _role_title(self, entry: Entry) -> str | None:
        current = [r for r in entry.roles if _covers(r.start, r.end, self.published)]
        if current:
            return current[0].title
        return entry.role

    def _mention(self, start_tok: int, end_tok: int, actor_id: str, via: str) -> None:
        span = self.doc[start_tok:end_tok]
        self.out.mentions.append(Mention(span.start_char, span.end_char, span.text, actor_id, via))
        for i in range(start_tok, end_tok):
            self.taken[i] = True
        if via in {"name", "alias", "seat", "place", "new", "org"}:
            actor = self.out.actors[actor_id]
            surface = strip_possessive(span.text)
            if surface != actor.name and surface not in actor.aliases:
                actor.aliases.append(surface)

    def _free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    # -- pass 1: names the knowledge base knows -------------------------------------------
    def _known_names(self) -> None:
        matches = self.resolver.matcher(self.doc)
        # Longest first, so "Russian Foreign Ministry" wins over "Russian".
        for match_id, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
            if not self._free(start, end):
                continue
            span = self.doc[start:end]
            if not self._plausible(span):
                continue
            term = self.resolver._terms[self.doc.vocab.strings[match_id]]
            hit = self._lookup(term, span)
            if hit is None:
                continue
            entry, via = hit
            if via == "demonym" and self._ethnic(span) or via == "alias" and self._first_name(span) \
                    or via in {"seat", "place"} and self._dateline(span):
                continue
            self._mention(start, end, self._actor_for(entry), via)

    def _dateline(self, span: Span) -> bool:
        """`ORVANE, Feb 12 (Wire) -` or `KYIV —` opening a paragraph: where the story was filed, not an actor."""
        doc = span.doc
        opens_line = span.start == 0 or "\n" in doc[span.start - 1].text or doc[span.start - 1].is_space
        after = doc[span.end].text if span.end < len(doc) else ""
        return opens_line and span.text.isupper() and len(span.text) > 2 and after in {",", "-", "–", "—", "―"}

    def _first_name(self, span: Span) -> bool:
        """A known surname that opens a longer name ("Michel" in "General Michel Aoun") is a first name."""
        doc = span.doc
        return span[0].ent_type_ == "PERSON" and span[0].ent_iob_ == "B" and span.end < len(doc) \
            and doc[span.end].ent_iob_ == "I"

    def _ethnic(self, span: Span) -> bool:
        """"ethnic Albanians", "the Russian language", "Russian-speaking": people or words, not the state."""
        doc = span.doc
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if after == "-" and span.end + 1 < len(doc):
            after = "-" + doc[span.end + 1].lower_
        return before in NOT_STATE_BEFORE or after in NOT_STATE_AFTER

    def _plausible(self, span: Span) -> bool:
        """A lower-case hit ("putin", "kremlin" in a translated text) counts only when it looks like a name:
        tagged as a proper noun or entity, or written capitalised elsewhere in the article; so the
        common words "power", "turkey" or "may" never become actors."""
        text = span.text
        if any(t.ent_type_ in NOT_NAMES for t in span):
            return False  # "in May", "Price" in a sum
        doc = span.doc
        if span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in NEGATING_PREFIXES:
            return False  # "non-Western nations", "pro-Kremlin media"
        if any(ch.isupper() for ch in text):
            return True
        if span.root.ent_type_ in NAME_ENTITIES:
            return True
        return text.lower() in self._capitalised_words()

    def _capitalised_words(self) -> set[str]:
        if self._caps is None:
            self._caps = {t.lower_ for t in self.doc if t.text[:1].isupper() and not t.is_sent_start}
        return self._caps

    def _lookup(self, term: str, span: Span) -> tuple[Entry, str] | None:
        entries = self.kb.by_alias(term)
        if entries:
            best = self._disambiguate(entries)
            return best, ("name" if normalize_name(best.name) == normalize_name(term) else "alias")
        seat = self.kb.by_seat(term)
        if seat is not None:
            return seat, ("place" if self.kb.is_place(term) else "seat")
        state = self.kb.by_demonym(term)
        if state is not None:
            return state, "demonym"
        return None

    def _disambiguate(self, entries: list[Entry]) -> Entry:
        """Several people share a surname: prefer one already named, then one in office on the date."""
        for entry in entries:
            if entry.id in self.out.actors:
                return entry
        for entry in entries:
            if any(_covers(r.start, r.end, self.published) for r in entry.roles):
                return entry
        return entries[0]

    # -- pass 2: entities the knowledge base does not know ---------------------------------
    def _entities(self) -> None:
        for ent in self.doc.ents:
            kind = NEW_ACTOR_LABELS.get(ent.label_)
            free = self._free(ent.start, ent.end) or kind == "organization" and self._demonym_led(ent)
            if kind is None or not free:
                continue
            start, end = _trim(ent)
            if start >= end:
                continue
            span = self.doc[start:end]
            if kind == "organization" and (self._titled(span) or normalize_name(span.text) in self.people_by_surname):
                kind = "person"  # "Vice-President Moody Awori", or the surname of someone named before, tagged ORG
            if kind == "person":
                actor_id = self._person(span)
            elif kind == "organization":
                actor_id = self._organisation(span)
            else:
                continue
            if actor_id:
                self._mention(start, end, actor_id, "new")

    def _demonym_led(self, ent: Span) -> bool:
        """"The Nigerian Union of Teachers": an organisation whose name starts with a demonym is itself
        an actor (of that state), not the state."""
        taken = [t for t in ent if self.taken[t.i]]
        return bool(taken) and taken[-1].i < ent.end - 1 and all(
            (m := self._mention_of(t)) is not None and m.via == "demonym" for t in taken) and \
            taken[0].i <= ent.start + 1 and any(t.pos_ == "PROPN" for t in ent if not self.taken[t.i])

    def _titled(self, span: Span) -> bool:
        """Whether the words just before a name are a person's title or office ("Judge", "Vice-President")."""
        words = []
        i = span.start - 1
        while i >= 0 and (self.doc[i].pos_ in {"PROPN", "NOUN"} or self.doc[i].text == "-") \
                and self.doc[i].head.i >= span.start - 1:
            words.insert(0, self.doc[i].lower_)
            i -= 1
        if not words:
            return False
        return words[-1] in TITLE_WORDS or self._office_words(" ".join(words)) is not None

    def _office_words(self, role: str) -> str | None:
        """The role type a person's description names, also for an office held before ("former President")."""
        kept = " ".join(w for w in role.lower().split() if w not in TIME_WORDS)
        if not kept:
            return None
        if kept.split()[-1] in TITLE_WORDS:
            return "title"
        return self.kb.role_type_for(kept)

    def _surnames(self) -> None:
        """A later bare surname of someone the article introduced ("Beridze argued"), which NER may miss."""
        for token in self.doc:
            if self.taken[token.i] or not token.text[:1].isupper() or token.pos_ != "PROPN":
                continue
            actor_id = self.people_by_surname.get(normalize_name(token.text))
            if actor_id:
                self._mention(token.i, token.i + 1, actor_id, "alias")

    def _person(self, span: Span) -> str | None:
        tokens = [t for t in span if t.is_alpha]
        if not tokens:
            return None
        surname = normalize_name(tokens[-1].text)
        known = self.people_by_surname.get(surname)
        if known and (len(tokens) == 1 or normalize_name(span.text).endswith(surname)):
            if len(tokens) == 1 or normalize_name(self.out.actors[known].name) == normalize_name(span.text):
                return known
        name = " ".join(t.text for t in span if not t.is_punct).strip()
        name = strip_possessive(name)
        country, role = self._describe(span)
        actor_id = _slug(name)
        if actor_id not in self.out.actors:
            self.out.add(Actor(id=actor_id, name=name, aliases=[], country=country, kind="person", role=role))
            if country is None and role and self._office_words(role) is not None:
                self.unplaced.append(actor_id)
        self.people_by_surname.setdefault(surname, actor_id)
        return actor_id

    def _organisation(self, span: Span) -> str | None:
        name = strip_possessive(span.text.strip())
        if len(name) < 2:
            return None
        country, role = self._describe(span)
        if country is None:
            country = self._country_in(span)
        if country is None and set(normalize_name(name).split()) & STATE_BODY_WORDS:
            body = self._state_body(name)  # "the Foreign Ministry" in an article about one state
            if body is not None:
                return self._actor_for(body)
        actor_id = _slug(name)
        if actor_id not in self.out.actors:
            words = set(normalize_name(name).split())
            if span.root.dep_ in {"compound", "nmod", "amod"} and span.root.head.pos_ == "NOUN":
                words.add(span.root.head.lemma_.lower())  # "the Umma (Nation) party"
            domestic = country is None and not (words & IGO_SCOPES and words & IGO_BODIES) \
                and bool(words & DOMESTIC_GROUPS)
            if country is None and not domestic:
                country = _organisation_code(words)
            self.out.add(Actor(id=actor_id, name=name, aliases=[], country=country, kind="organization", role=role))
            if domestic:
                self.unplaced.append(actor_id)
        return actor_id

    def _state_body(self, name: str) -> Entry | None:
        """An unqualified state body ("the Foreign Ministry", "the Defence Ministry"): that body of the
        state the article is mostly about, when the knowledge base knows it."""
        state = self._dominant_state(0, len(self.doc.text))
        wanted = normalize_name(name).removeprefix("the ")
        if state is None:
            return None
        for entry in self.kb.bodies_of(state.lower()):
            if any(normalize_name(n).endswith(wanted) for n in entry.names):
                return entry
        return None

    def _country_in(self, span: Span) -> str | None:
        for token in span:
            state = self.kb.by_demonym(token.text) or self.kb.by_seat(token.text)
            if state is not None and state.kind == "state":
                return state.country
        return None

    def _describe(self, span: Span) -> tuple[str | None, str | None]:
        """Country and role from the words before a name ("Russian foreign policy expert Vladimir Frolov",
        "U.N. Secretary-General Kofi Annan") or an apposition on either side ("Vladimir Frolov, a Russian
        analyst", "a member of the Syrian parliament, Mohammed Mamoun")."""
        left: list[Token] = []
        i = span.start - 1
        while i >= 0 and (self.doc[i].pos_ in {"ADJ", "NOUN", "PROPN", "ADP", "DET", "PART"}
                          and self.doc[i].dep_ in {"compound", "amod", "nmod", "poss", "case", "det", "pobj", "prep"}
                          or self.doc[i].text == "-" and i > 0 and not self.doc[i - 1].is_punct) \
                and self.doc[i].head.i >= span.start - 1 and self.doc[i].text not in {",", "(", '"'}:
            left.insert(0, self.doc[i])
            i -= 1
        words = left
        root = span.root
        for child in root.children:
            if child.dep_ == "appos":
                words = words + list(child.subtree)
        if root.dep_ == "appos" and root.head.i < span.start:
            inside = {t.i for t in root.subtree}
            words = words + [t for t in root.head.subtree if t.i not in inside and t.i < span.start]
        country = None
        role_words = []
        for token in words:
            state = self.kb.by_demonym(token.text) or self.kb.by_seat(token.text)
            if state is None and token.ent_type_ == "GPE":
                state = next(iter(self.kb.by_alias(token.text)), None)
            if state is None and (mention := self._mention_of(token)) is not None:
                actor = self.out.actors[mention.actor]
                state = self.kb.get(mention.actor) if actor.kind != "person" and actor.country else None
            if state is not None and country is None:
                country = state.country
            elif token.pos_ in {"NOUN", "ADJ", "PROPN"} and token.dep_ != "det":
                role_words.append(token.text)
        role = " ".join(role_words) or None
        if country and role:
            role = f"{_demonym_word(words)} {role}".strip()
        return country, role

    # -- pass 3: descriptions and pronouns --------------------------------------------------
    def _descriptions_and_pronouns(self) -> None:
        for token in self.doc:
            if self.taken[token.i]:
                continue
            lower = token.lower_
            if token.pos_ == "PRON" and lower in PERSON_PRONOUNS:
                gender = PRONOUN_GENDER[lower]
                actor_id = self._antecedent(token, want="person", gender=gender)
                if actor_id:
                    self.gender.setdefault(actor_id, gender)  # the first pronoun for someone tells their gender
                    self._mention(token.i, token.i + 1, actor_id, "pronoun")
            elif token.tag_ in {"PRP", "PRP$"} and lower in IT_PRONOUNS | THEY_PRONOUNS:
                actor_id = self._group_antecedent(token, plural=lower in THEY_PRONOUNS)
                if actor_id:
                    self._mention(token.i, token.i + 1, actor_id, "pronoun")
            elif token.pos_ in {"NOUN", "PROPN"} and (token.lemma_.lower() in self.resolver.role_heads
                                                      or token.lower_ in self.resolver.role_heads):
                self._description(token)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in PEOPLE_NOUNS:
                self._people(token)

    def _people(self, head: Token) -> None:
        """"Croatian extremists", "Radical French farmers", "Algerian security forces": the people of a
        state, named by a demonym among the noun's modifiers, as a group actor of that state."""
        modifiers = [t for t in self.doc[head.left_edge.i:head.i] if t.dep_ in {"amod", "compound", "nmod"}]
        for token in modifiers:
            mention = self._mention_of(token)
            if mention is None or mention.via != "demonym":
                continue
            state = self.out.actors[mention.actor]
            if state.kind != "state":
                return
            span = self.doc[token.i:head.i + 1]
            name = span.text
            actor_id = self.out.add(Actor(id=_slug(name), name=name, aliases=[], country=state.country,
                                          kind="group"))
            self.out.mentions.append(Mention(span.start_char, span.end_char, span.text, actor_id, "group"))
            self.taken[head.i] = True
            return

    def _description(self, head: Token) -> None:
        """A noun phrase that describes rather than names: "the Kremlin spokesman", "Russia's top diplomat",
        "the Turkish official", "Western leaders", "the report"."""
        start = head.left_edge.i
        tokens = [t for t in self.doc[start:head.i + 1]]
        if any(self.taken[t.i] and t.dep_ != "poss" and self._mention_kind(t) == "person" for t in tokens):
            return  # "Kremlin spokesman Dmitry Peskov": the name already carries it ("his counterpart" does not)
        if any(t.pos_ == "VERB" for t in tokens):
            return
        if head.dep_ in {"compound", "amod", "nmod"} and self.taken[head.head.i]:
            return  # "foreign policy expert Vladimir Frolov": a title on a name
        if any(c.dep_ == "appos" and self._mention_kind(c) == "person" for c in head.children):
            return  # "the ministry spokeswoman, Lenka Obradin": the name beside it says who
        if any(t.text == "-" and t.i > 0 and self.doc[t.i - 1].lower_ in NEGATING_PREFIXES for t in tokens):
            return  # "non-Western nations", "anti-Western states": not the group itself
        if any(t.dep_ == "conj" and self._mention_of(t) is not None and self._mention_of(t.head) is not None
               for t in tokens):
            return  # "Hungarian and Romanian officials": each demonym stands for its own state
        group, seat = self._affiliation(tokens)
        if group is None:
            # "the president of Armenia", "leaders of Romania's new government" (not "ministers of
            # Ostrel, Kesh and Dravia": several states, which the event coder reads one by one)
            owners = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" and not g.conjuncts]
            group, seat = self._affiliation([t for g in owners for t in g.subtree])
        country = group.country if group else None
        lemma = head.lemma_.lower()
        plural = head.tag_ in {"NNS", "NNPS"}
        definite = any(t.lower_ in {"the", "this", "that"} or t.dep_ == "poss" for t in tokens)
        if lemma in REPORT_HEADS:
            actor_id = self._report_author(head, definite)
        elif lemma in ORGANISATION_ANAPHORS and group is None and definite and not plural:
            actor_id = self._organisation_antecedent(head, lemma)
        elif plural or lemma in COLLECTIVE_HEADS:
            # "Western leaders", "Russian officials", "the Ukrainian government": the state or group itself.
            actor_id = self._actor_for(group) if group else None
        else:
            actor_id = self._office_holder(tokens, country, seat)
            if actor_id is None and (country or definite):
                actor_id = self._antecedent(head, want="person", country=country, role_word=lemma)
        if actor_id is None:
            return
        first = next((t.i for t in tokens if not self.taken[t.i]), head.i)
        if first > head.i or not self._free(first, head.i + 1):
            first = head.i
        if self._free(first, head.i + 1):
            self._mention(first, head.i + 1, actor_id, "role")

    def _report_author(self, head: Token, definite: bool) -> str | None:
        """Who a report belongs to: its own author ("a report by ISW", "ISW's report", "the ISW report"),
        else, for "the report", the author of the last report the article mentioned."""
        authors = [t for t in head.subtree if t.i != head.i and (
            t.dep_ in {"poss", "compound"} and t.head.i == head.i
            or t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ == "by" and t.head.head.i == head.i)]
        for token in authors:
            mention = self._mention_of(token)
            if mention is not None:
                self.last_report = mention.actor
                return None  # the author's own mention already covers it
        if definite:
            return self.last_report or self._antecedent(head, want="organization")
        return None

    def _affiliation(self, tokens: list[Token]) -> tuple[Entry | None, str | None]:
        """The state or group a description names ("Turkish", "Russia's", "Kremlin", "Western") and the seat word."""
        for token in tokens:
            if token.lower_ == "western":
                return self.kb.get("west"), None
            mention = self._mention_of(token)
            if mention is not None and mention.via in {"demonym", "seat", "name", "alias"}:
                entry = self.kb.get(mention.actor)
                if entry is not None and entry.kind in {"state", "organization", "group"}:
                    # A seat ("the Kremlin spokesman") or a state body ("Foreign Ministry spokeswoman")
                    # narrows which office holder is meant.
                    narrows = mention.via == "seat" or entry.kind == "organization"
                    return entry, (mention.text if narrows else None)
        return None, None

    def _office_holder(self, tokens: list[Token], country: str | None, seat: str | None) -> str | None:
        if country is None:
            return None
        text = " ".join(t.lower_ for t in tokens if t.pos_ in {"NOUN", "ADJ", "PROPN"})
        role_type = self.kb.role_type_for(text)
        if role_type is None or role_type in SHARED_ROLES:
            return None
        entry = self.kb.holder(role_type, country, self.published, seat=seat)
        return self._actor_for(entry) if entry else None

    def _mention_of(self, token: Token) -> Mention | None:
        for mention in self.out.mentions:
            if mention.start <= token.idx < mention.end:
                return mention
        return None

    def _mention_kind(self, token: Token) -> str | None:
        mention = self._mention_of(token)
        return self.out.actors[mention.actor].kind if mention else None

    def _antecedent(self, token: Token, want: str, country: str | None = None,
                    gender: str | None = None, role_word: str | None = None) -> str | None:
        """The nearest earlier mention of the wanted kind: same sentence first, then back up to three sentences,
        preferring grammatical subjects within a sentence. A pronoun skips people of the other gender
        (known from a title such as "Mrs." or "spokeswoman", or from an earlier pronoun)."""
        sent_starts = [s.start_char for s in self.doc.sents]
        here = token.idx
        earlier = [m for m in self.out.mentions if m.end <= here
                   and self.out.actors[m.actor].kind == want
                   and (country is None or self.out.actors[m.actor].country == country)
                   and (gender is None or self._gender_of(m) in {None, gender})]
        if role_word:
            # "the envoy" is the person whose role is envoy, wherever the article named them
            fitting = [m for m in earlier if role_word in (self.out.actors[m.actor].role or "").lower().split()]
            if fitting:
                return fitting[-1].actor
        if not earlier:
            return None
        current_sent = max((s for s in sent_starts if s <= here), default=0)
        window_start = _nth_before(sent_starts, current_sent, 3)
        recent = [m for m in earlier if m.start >= window_start]
        if not recent:
            return None
        last_sent_start = max(max((s for s in sent_starts if s <= m.start), default=0) for m in recent)
        in_last = [m for m in recent if m.start >= last_sent_start]
        if gender is not None:
            # Someone the article marked with the pronoun's gender beats someone it did not.
            in_last = [m for m in in_last if self._gender_of(m) == gender] or in_last
        subjects = [m for m in in_last if self._is_subject(m)]
        return (subjects or in_last)[-1].actor

    def _organisation_antecedent(self, token: Token, word: str) -> str | None:
        """The last organisation named before `token` whose name has the word ("the ministry" → the
        Defence Ministry), else, for a bloc or alliance, the last organisation that is neither a state body nor
        an outlet or think tank (the wire service in the dateline is no bloc)."""
        earlier = [m for m in self.out.mentions if m.end <= token.idx and self.out.actors[m.actor].kind == "organization"]
        named = [m for m in earlier if word in normalize_name(self.out.actors[m.actor].name).split()]
        if named:
            return named[-1].actor
        if word in {"ministry", "council"}:
            return None
        blocs = [m for m in earlier if not set(normalize_name(self.out.actors[m.actor].name).split()) & STATE_BODY_WORDS
                 and not self._is_media(m.actor)]
        return blocs[-1].actor if blocs else None

    def _is_media(self, actor: str) -> bool:
        entry = self.kb.get(actor)
        return entry is not None and entry.media_type is not None

    def _gender_of(self, mention: Mention) -> str | None:
        """What the article says of the person's gender: a gendered word just before or beside a mention
        of them ("Mrs. Veyren", "the spokeswoman", "Obradin, the ministry spokeswoman"), else an earlier pronoun."""
        known = self.gender.get(mention.actor)
        if known is None:
            for m in self.out.mentions:
                if m.actor == mention.actor and m.end <= mention.end and m.via != "pronoun":
                    known = self._gendered_words_near(m)
                    if known:
                        self.gender[mention.actor] = known
                        break
        return known

    def _gendered_words_near(self, mention: Mention) -> str | None:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        near = list(span) + list(self.doc[max(span.start - 3, 0):span.start])
        near += [t for c in span.root.children if c.dep_ == "appos" for t in c.subtree]
        if span.root.dep_ == "appos":
            near += list(span.root.head.subtree)
        for token in near:
            if token.lower_ in GENDERED_WORDS:
                return GENDERED_WORDS[token.lower_]
        return None

    def _group_antecedent(self, token: Token, plural: bool) -> str | None:
        """"it/its": the last state or organisation named as a subject in this or the previous sentence
        (else the last one named there); "they/their": the same, plural groups ("Afghan rebel
        leaders ... they") included, and states too ("the USA make it clear that they ...").
        An expletive "it" ("it is unlikely that ...") refers to nothing."""
        if not plural and (token.dep_ == "expl" or token.head.lemma_ == "be" and any(
                c.dep_ in {"ccomp", "xcomp", "csubj"} for c in token.head.children)):
            return None
        sent = token.sent
        start = self.doc[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        found = []
        for mention in sorted(self.out.mentions, key=lambda m: m.start):
            if mention.start < start or mention.end > token.idx or mention.via == "pronoun":
                continue
            actor = self.out.actors[mention.actor]
            if actor.kind == "person":
                continue
            head = self._phrase_head(mention)
            if head is None or (not plural and (head.tag_ in {"NNS", "NNPS"} or actor.kind == "group")):
                continue
            found.append((mention, head))
        subjects = [m for m, head in found if head.dep_ in {"nsubj", "nsubjpass"}]
        pick = subjects or [m for m, _ in found]
        return pick[-1].actor if pick else None

    def _phrase_head(self, mention: Mention) -> Token | None:
        """The noun a mention's phrase hangs on: "Afghan" in "Afghan rebel leaders" → leaders."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return None
        head = span.root
        while head.dep_ in {"amod", "compound", "poss", "nmod"} and head.head.i != head.i:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ in {"NOUN", "PROPN"}:
            head = head.head.head  # "members of the Association"
        return head

    def _is_subject(self, mention: Mention) -> bool:
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}


def _organisation_code(words: set[str]) -> str | None:
    """CAMEO's generic codes for an organisation the knowledge base lacks and no state name qualifies."""
    if words & IGO_SCOPES and words & IGO_BODIES:
        return "IGO"
    if words & NGO_WORDS:
        return "NGO"
    return None


def _head_word(noun: str) -> str:
    """The word a role noun hangs on: "top diplomat" → diplomat, "secretary of state" → secretary."""
    words = noun.split()
    for i, word in enumerate(words):
        if word in {"of", "to", "for", "in"}:
            return words[i - 1] if i else word
    return words[-1]


def _fold_accents(doc: Doc) -> Doc:
    """Give accented tokens an accent-free norm, so "Erdoğan" and "Erdogan" match the same pattern.
    Only the norm changes, after parsing, so nothing the models computed is affected."""
    for token in doc:
        if not token.text.isascii():
            token.norm_ = normalize_name(token.text) or token.norm_
    return doc


def _covers(start: date | None, end: date | None, on: date | None) -> bool:
    if on is None:
        return end is None
    return (start is None or start <= on) and (end is None or on <= end)


def _trim(ent: Span) -> tuple[int, int]:
    """Drop a leading determiner and a trailing possessive from an entity span."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _nth_before(starts: list[int], current: int, n: int) -> int:
    earlier = [s for s in starts if s <= current]
    return earlier[-n - 1] if len(earlier) > n else 0


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", normalize_name(name)).strip("_") or "actor"


def _demonym_word(tokens: list[Token]) -> str:
    return next((t.text for t in tokens if t.pos_ == "ADJ" and t.text[:1].isupper()), "")
