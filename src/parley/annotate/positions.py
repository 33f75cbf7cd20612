"""Positions: each actor's stance for or against the codebook's issues, with the evidence.

Two kinds of evidence name an issue in a sentence. A cue phrase of the codebook is matched
as a bag of normalised content words inside a short window, so word order, inflection and
a few synonyms of negotiation language do not matter ("lifted sanctions" ~ "lift
sanctions", "non-expansion" ~ "non-enlargement"); a proper name of the codebook may be
missing (`knowledge.codebook.cue_bags`). The issue's own head noun (from its id:
"sanctions_on_x" → sanctions) counts too, but only where a named actor's word of wanting or
refusing governs it directly ("Ostrel welcomed the sanctions", "Moscow ruled out talks").

Whose stance it is, and which way, comes from walking up the parse from the cue: every
word of wanting or refusing with a subject on the way holds a stance ("X rejected Y's offer
of mediation": Y for, X against), else the nearest clause subject, else the speaker.
Negation and refusal on the way flip the stance; a condition's own subject holds nothing
("… until Z withdraws": the one who sets the condition wants it met); a thing offered in
return for a condition ("as a condition for talks"), a clause of reason or time, and a
record of what happened ("held talks in 2022") state no stance; negation above the holder
("did not mean that X had agreed") leaves the stance unknown.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from parley.annotate.actors import ArticleActors
from parley.annotate.events import EventCoder, load_lexicon
from parley.annotate.quotes import Quote, find_quotes
from parley.knowledge.codebook import NEGATIVE, STOPWORDS, Codebook, Cue, cue_bags, normalise, stem, word_class
from parley.model import Event, Position, Statement

# Words of wanting, accepting or offering: their subject holds a stance on what they govern.
WANT = {"want", "wish", "seek", "aim", "demand", "insist", "call", "urge", "push", "press", "need", "like",
        "hope", "favor", "favour", "propose", "target", "strive", "prefer", "advocate", "ask", "request",
        "goal", "desire", "intend", "plan", "consider", "support", "back", "endorse", "welcome", "accept",
        "agree", "approve", "offer", "ready", "willing", "prepared", "open", "keen", "eager", "commit",
        "committed", "pledge", "promise", "apply", "bid", "pursue", "embrace", "praise", "proposal",
        "insistence", "willingness", "readiness", "aspiration", "ambition", "priority", "vow", "determined",
        "uphold", "champion", "let", "allow", "promote", "encourage"}
# Words of refusing, condemning or giving up: they flip the stance of what they govern.
REFUSE = {"reject", "refuse", "oppose", "opposed", "dismiss", "deny", "decline", "condemn", "criticize",
          "criticise", "denounce", "resist", "veto", "block", "object", "question", "challenge", "undermine",
          "abandon", "drop", "renounce", "surrender", "cede", "scrap", "fear", "worry", "worried", "concerned",
          "unwilling", "reluctant", "refusal", "rejection", "condemnation", "criticism", "objection",
          "against", "without", "rule out", "give up", "sign away", "walk away", "back away", "violate"}
REFUSE_VERB_ONLY = {"question", "challenge", "block", "object", "drop", "back", "let"}
# Events whose source acts on what the event's words name ("imposed sanctions", "offered to mediate").
STANCE_EVENTS = {"AGREE", "CONCEDE", "REQUEST", "REJECT", "SUPPORT", "SANCTION", "AID", "RETREAT"}
# Verbs that record that something happened; without a modal they state no stance ("held talks").
DESCRIPTIVE = {"hold", "host", "attend", "end", "conclude", "begin", "start", "collapse", "stall", "fail",
               "focus", "break", "follow", "precede", "mark", "chair", "convene", "organise", "organize",
               "cover", "ruin", "resume", "take", "last", "derail", "postpone"}
MODALS = {"will", "would", "could", "can", "may", "might", "shall", "should", "must", "'ll", "wo", "ca"}
OBLIGATION = {"must", "should", "ought"}
FIRST_PERSON = {"we", "i", "us"}
# Adverbial clauses that state something of their own ("…, while Moscow wants …").
INDEPENDENT_MARKS = {"while", "because", "although", "though", "since", "whereas", "as", "when", "after", "before"}
BACKGROUND_MARKS = {"after", "before", "when", "since"}   # a clause of time: what happened, no stance
CONDITION_MARKS = {"if", "unless", "until", "till", "once", "provided", "providing"}
TEMPORAL_MARKS = {"after", "when", "before"}   # conditions only with "only" or a modal main clause
REWARDS = {"condition", "precondition", "prerequisite", "price"}  # "X as a condition for talks"
RELATIVE = {"which", "that", "who", "whom", "whose"}
# Nouns that pass a wish on to what they hold ("the idea of arbitration"), and nouns whose object is
# only a subject matter ("talks on sanctions", "the issue of membership").
TRANSPARENT = {"idea", "prospect", "possibility", "notion", "principle", "concept", "option", "kind", "form"}
SUBJECT_MATTER = {"talk", "issue", "question", "topic", "agenda", "subject", "matter"}
ACTOR_NOUNS = {"state", "country", "nation", "government", "leader", "official", "minister", "diplomat",
               "member", "capital", "partner", "ally"}
PARTICLES = {"away", "out", "up", "off", "down"}


def _token_norm(token: Token) -> str | None:
    """A token as a cue word: its synonym class or stem, "NOT" for a negation, None for a stopword."""
    if token.is_punct or token.is_space:
        return None
    lower = token.lower_
    if lower in NEGATIVE or token.dep_ == "neg":
        return "NOT"
    if lower in STOPWORDS:
        return None
    return word_class(lower) or word_class(token.lemma_) or stem(lower)


def _match(cue: Cue, tokens: list[tuple[int, str]], stems: list[tuple[int, str]], sent: Span) -> list[int] | None:
    """Token indices of the first window of the sentence holding the cue's words (all, or all but a name)."""
    needed = set(cue.words)
    if not needed - cue.names - {"NOT"} and not cue.topic:
        # nothing but names and a negation ("nothing about Ukraine without Ukraine"): only the phrase itself
        at = sent.text.lower().find(cue.phrase.lower())
        if at < 0:
            return None
        span = sent.char_span(at, at + len(cue.phrase), alignment_mode="expand")
        return [t.i for t in span] if span is not None else None
    if cue.topic:
        for index, norm in tokens:
            if norm == cue.words[0] and sent.doc[index].pos_ in {"NOUN", "VERB"}:
                near = {n for i, n in tokens if abs(i - index) < cue.window}
                if near >= set(cue.words[1:]):
                    return [index]
        return None
    if len(cue.words) == 1:
        return next(([index] for index, word in stems if word == cue.words[0]), None)
    for start, (first_index, first_norm) in enumerate(tokens):
        if first_norm not in needed:
            continue
        found: dict[str, int] = {}
        for index, norm in tokens[start:]:
            if index - first_index >= cue.window:
                break
            if norm in needed and norm not in found:
                found[norm] = index
        missing = needed - set(found)
        # Only a name may be left out ("NATO membership for Ukraine" ~ "NATO membership"),
        # and something besides names must be there.
        enough = len(found) >= 2 or len(needed) == 1
        if missing <= cue.names and len(missing) <= 1 and set(found) - cue.names and enough:
            if _modifier(sent.doc, found.values(), bool(missing)):
                continue  # "other NATO member states" is about the states, not membership
            if "NOT" not in found or _negation_binds(sent.doc, found):
                return sorted(found.values())
    return None


def _modifier(doc: Doc, indices: Iterable[int], partial: bool) -> bool:
    """Do the matched words only modify a noun outside them: one that names actors ("NATO member
    states"), or any noun where the match is partial?"""
    inside = set(indices)
    root = min((doc[i] for i in inside), key=_depth)
    if root.dep_ not in {"compound", "amod"} or root.head.i in inside:
        return False
    return partial or root.head.lemma_.lower() in ACTOR_NOUNS


def _talk_about_other(doc: Doc, indices: list[int]) -> bool:
    """"Refused to discuss its width": a verb of talking with an object of its own is about that object."""
    return any(normalise(doc[i].lemma_) == "talk" and doc[i].pos_ == "VERB"
               and any(c.dep_ == "dobj" and c.is_alpha and c.i not in indices for c in doc[i].children)
               for i in indices)


def _negation_binds(doc: Doc, found: dict[str, int]) -> bool:
    """A negation word counts only next to, or in construction with, another word of the cue."""
    negation = doc[found["NOT"]]
    others = [doc[i] for norm, i in found.items() if norm != "NOT"]
    return any(abs(o.i - negation.i) <= 2 or o.head.i == negation.i or negation.head.i == o.i
               or (o.head.dep_ == "prep" and o.head.head.i == negation.i) for o in others)  # "a halt to X"


def _forms(token: Token) -> set[str]:
    """Lemma and surface form, plainly suffix-stripped for the lemmatiser's misses ("hoped" → "hop"),
    each also with its particle for phrasal verbs ("rule out", "give up", "sign away")."""
    lower = token.lower_
    forms = {token.lemma_.lower(), lower}
    if lower.endswith("ed"):
        forms |= {lower[:-2], lower[:-1]}
    elif lower.endswith("ing"):
        forms |= {lower[:-3], lower[:-3] + "e"}
    elif lower.endswith("s"):
        forms.add(lower[:-1])
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"
                     or (c.dep_ == "advmod" and c.lower_ in PARTICLES)), None)
    return forms | {f"{form} {particle}" for form in forms} if particle else forms


def _attitude(token: Token) -> str | None:
    """'for' for a word of wanting, 'against' for one of refusing, else None."""
    if token.pos_ == "ADP":
        return "against" if token.lower_ in {"against", "without"} else None
    forms = _forms(token)
    if token.pos_ == "NOUN":
        forms -= REFUSE_VERB_ONLY
    if forms & REFUSE:
        if "concern" in forms and token.pos_ == "VERB":
            return None  # "which concern X" is "which are about X"
        return "against"
    if forms & WANT:
        if ("like" in forms and token.pos_ != "VERB") or ("open" in forms and token.pos_ != "ADJ"):
            return None  # "countries like X", "opened the border"
        return "for"
    return None


def _obliged(verb: Token) -> bool:
    """"X must / should / is to / has to do": the speaker's demand on X, not X's own wish."""
    if _modal(verb) & OBLIGATION:
        return True
    return verb.lemma_.lower() in {"be", "have"} and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children)


def _modal(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ == "aux" and c.lower_ in MODALS}


@dataclass
class _Walk:
    """What the path from a cue up to the owner of its clause has shown."""
    flips: int = 0
    attitude: bool = False                 # a word of wanting or refusing was on the way
    holders: list[tuple[list[str], int, Token]] = field(default_factory=list)  # (actors, flips then, word)
    plain: list[str] = field(default_factory=list)   # the nearest clause subject
    plain_at: Token | None = None
    wished: bool = False                             # a wish above the plain subject, of no named actor
    owner: list[str] = field(default_factory=list)   # a possessor: "Kiev's membership"
    speaker: list[str] = field(default_factory=list)
    top: Token | None = None


class _Holder:
    """Whose stance a cue expresses, found by walking up from it through the parse."""

    def __init__(self, coder: EventCoder, statements: list[Statement], events: list[Event]) -> None:
        self.coder, self.statements, self.events = coder, statements, events
        self.speech = load_lexicon().speech

    def __call__(self, matched: list[Token], topic: bool = False,
                 judgement: bool = False) -> list[tuple[str, str | None, bool, Token]]:
        """(holder, reported_by, flipped, the word that settled it) for each holder; [] for no stance."""
        inside = {t.i for t in matched}
        root = min(matched, key=_depth)
        walk = self._walk(root, inside, _frame(matched, inside), judgement, topic)
        if walk is None or (topic and not walk.attitude):
            return []
        if not walk.holders and self._described(root, inside):
            return []
        if not (walk.holders or walk.plain or walk.attitude or walk.flips) and not self._asserted(root, inside):
            return []
        by = (walk.speaker or [self.coder.speaker_of(root)])[0]
        obliged = walk.plain_at is not None and _obliged(walk.plain_at)
        if walk.holders:
            found = [(a, f, t) for actors, f, t in walk.holders for a in actors]
        elif walk.plain and not (obliged or judgement or (walk.wished and by)):   # a verdict is the speaker's
            found = [(a, walk.flips, walk.plain_at) for a in walk.plain]
        elif walk.speaker or obliged or walk.wished:
            # "X should withdraw, he said": the speaker demands it
            found = [(a, walk.flips, walk.top) for a in walk.speaker or [by]]
        else:
            holder = self._fallback(root) or (walk.owner[0] if walk.owner else None)
            found = [(holder, walk.flips, root)] if holder else []
        # an actor named twice on the way holds the outer stance ("drops its plan to X": against X)
        last = {actor: (flips, token) for actor, flips, token in found if actor is not None}
        return [(actor, by if by not in (None, actor) else None, flips % 2 == 1, token or root)
                for actor, (flips, token) in last.items()]

    def _walk(self, root: Token, inside: set[int], frame: Token | None, judgement: bool,
              topic: bool) -> _Walk | None:
        """Up from the cue to a verb of saying or the end of its clause; None where it states no stance."""
        walk = _Walk()
        framed = frame is not None       # below the verb that frames the cue ("X as Y") nobody holds it
        unflipped = False                # that verb's own refusal does not turn the cue ("rejected X as blackmail")
        previous: Token | None = None
        current = root
        nested = pending = False
        while True:
            walk.top = current
            condition_set = False
            if previous is not None:
                if self._conditional(previous, current):
                    # a condition's own subject holds nothing, and the one who sets it wants it met
                    # ("if the troops are not withdrawn, …" wants them withdrawn), also when the clause
                    # that sets it is negative ("will not return until the sanctions are lifted")
                    walk.plain, walk.plain_at, walk.flips = [], None, 0
                    condition_set = True
                elif previous.dep_ == "prep" and current.lemma_.lower() in REWARDS:
                    return None  # "a withdrawal as a condition for talks": the talks are no stance
            if frame is not None and current.i == frame.i:
                framed, unflipped = False, True
            if self._described_clause(current):
                return None
            if current.i not in inside and self._is_speech(current):
                walk.speaker = self._subjects(current, inside)
                walk.flips += 0 if judgement else self._negations(current, inside)
                return walk
            # a conjunct shares its head's subject, not the head's negation or wish;
            # a word of wanting inside the cue ("offered to mediate") still says whose wish it is
            via_conj = previous is not None and previous.dep_ == "conj"
            attitude = None if via_conj else _attitude(current)
            added = 0 if via_conj or condition_set else self._negations(current, inside)
            if attitude == "against" and current.i not in inside and not unflipped:
                added += 1
            if judgement:
                added = 0  # "illegal sanctions" stays against whoever rejects them
            if current.pos_ == "VERB":
                unflipped = False
            walk.flips += added
            if not framed:
                subjects = self._subjects(current, inside, attitude is not None)
                # an issue's head noun needs someone's wish or refusal of it ("welcomed the sanctions"),
                # not of a thing it is part of ("rejected talks on sanctions")
                # (a noun of wanting is held by the verb it is the object of: "presented a plan for X")
                wish = attitude is not None or (pending and current.pos_ in {"VERB", "AUX"})
                walk.attitude |= wish and (not topic or (not nested and bool(subjects)))
                pending = (pending or attitude is not None) and not subjects and current.pos_ == "NOUN"
                if subjects and attitude:
                    walk.holders.append((subjects, walk.flips, current))
                elif attitude and walk.plain and current.i not in inside:
                    walk.wished = True   # "he hoped the ministers would meet": the hope is not theirs
                elif subjects and not walk.plain and not walk.holders:
                    walk.plain, walk.plain_at = subjects, current
                elif added and attitude is None and (walk.holders or walk.plain):
                    return None  # "did not mean that X had agreed": negation above the holder
                if not walk.owner and attitude is None:
                    walk.owner = self._possessors(current, inside)
            own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in current.children)
            marks = {m.lower_ for m in current.children if m.dep_ == "mark"}
            conditional = self._conditional(current, current.head)
            independent = current.dep_ == "parataxis" or (current.dep_ == "conj" and own_subject) or (
                current.dep_ == "advcl" and not conditional and bool(marks & INDEPENDENT_MARKS))
            if current.dep_ == "advcl" and not conditional and (
                    marks & BACKGROUND_MARKS or (independent and not (walk.holders or walk.plain))):
                return None  # a clause of time, or one of reason without an owner, states no stance
            if current.head.i == current.i or (independent and (walk.holders or walk.plain)):
                return walk
            if current.i not in inside and current.pos_ == "NOUN" and previous is not None \
                    and normalise(current.lemma_) in SUBJECT_MATTER:
                return None  # "offered to host talks on a water quota": the quota is what is talked about
            nested |= (current.i not in inside and attitude is None and current.pos_ in {"NOUN", "PROPN"}
                       and current.lemma_.lower() not in TRANSPARENT)
            previous, current = current, current.head

    def _is_speech(self, token: Token) -> bool:
        return token.pos_ == "VERB" and token.lemma_.lower() in self.speech and _attitude(token) is None

    def _subjects(self, token: Token, inside: set[int], attitude: bool = False) -> list[str]:
        """Actors of the subject, by-agent or (for a noun of wanting) possessor; a relative pronoun's antecedent."""
        out: list[str] = []
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        for child in token.children:
            if child.i in inside or (child.dep_ == "nsubj" and child.i != subjects[-1].i):
                continue  # of two subjects the parser gives a verb, the nearer ("ALDENPORT — The ministers ended")
            if child.dep_ == "agent":
                heads = [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ == "nsubj" or (child.dep_ in {"nsubjpass", "poss"} and attitude):
                heads = [token.head] if child.lower_ in RELATIVE and token.dep_ == "relcl" else [child]
            else:
                continue
            for head in heads:
                if head.i in inside:
                    continue
                out += [a for a in self.coder.actors_of(head) if a not in out]
        if not out and attitude and token.dep_ == "conj" and token.pos_ == "VERB" and not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
            return self._subjects(token.head, inside, attitude)  # "X drops A, agrees to B"
        return out

    @staticmethod
    def _described_clause(clause: Token) -> bool:
        """A question ("asked whether X would accept talks") or a relative clause that describes a
        thing ("proximity talks, in which the sides never meet") asserts no one's stance."""
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        if clause.dep_ in {"ccomp", "advcl"} and "whether" in marks:
            return True
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in {"ask", "wonder", "question"}:
            return True
        if clause.dep_ != "relcl":
            return False
        return any((c.dep_ == "prep" and any(g.lower_ in RELATIVE for g in c.children))
                   or (c.dep_ == "advmod" and c.lower_ in {"where", "when"}) for c in clause.children)

    def _possessors(self, token: Token, inside: set[int]) -> list[str]:
        return [a for c in token.children if c.dep_ == "poss" and c.i not in inside for a in self.coder.actors_of(c)]

    def _conditional(self, clause: Token, head: Token) -> bool:
        """Is `clause` (a child of `head` on the path) a condition set by the clause above?"""
        if clause.dep_ == "advcl":
            marks = {m.lower_ for m in clause.children if m.dep_ in {"mark", "advmod"}}
        elif clause.dep_ == "prep":
            marks = {clause.lower_} | {m.lower_ for m in clause.children if m.dep_ == "advmod"}
        else:
            return False
        if marks & CONDITION_MARKS:
            return True
        return bool(marks & TEMPORAL_MARKS) and ("only" in marks or bool(_modal(head)))

    @staticmethod
    def _negations(token: Token, inside: set[int]) -> int:
        count = 0
        for child in token.children:
            if child.i in inside:
                continue
            no = child.dep_ == "det" and child.lower_ == "no" and token.lemma_.lower() not in {"secret", "doubt"}
            not_only = child.dep_ == "neg" and child.i + 1 < len(child.doc) and child.nbor(1).lower_ == "only"
            if (child.dep_ == "neg" and not not_only) or no or child.lower_ == "never":
                count += 1
        return count

    def _described(self, root: Token, inside: set[int]) -> bool:
        """Is the cue only the record of something that happened ("held talks", "the talks collapsed")?"""
        current = root
        while current.head.i != current.i and (current.i in inside or current.pos_ not in {"VERB", "AUX"}):
            current = current.head
        if current.i in inside or current.pos_ not in {"VERB", "AUX"}:
            return False
        return current.lemma_.lower() in DESCRIPTIVE and not _modal(current)

    def _asserted(self, root: Token, inside: set[int]) -> bool:
        """Without a holder in the clause, the speaker holds the cue only if the clause is about it:
        "This puts the liberal order to a test" says something of "this", not of the order."""
        verb = root
        while verb.head.i != verb.i and verb.pos_ not in {"VERB", "AUX"}:
            verb = verb.head
        if verb.lemma_.lower() == "be" or _modal(verb):
            return True
        return not any(c.dep_ == "nsubj" and c.i not in inside and c.lower_ not in FIRST_PERSON
                       and not self.coder.actors_of(c) for c in verb.children)

    def _fallback(self, token: Token) -> str | None:
        for statement in self.statements:
            if statement.start is not None and statement.start <= token.idx < statement.end and statement.speaker:
                return statement.speaker
        for event in self.events:
            if (event.type in STANCE_EVENTS and event.start is not None
                    and event.start <= token.idx < event.end):
                return event.source
        return None


def _frame(matched: list[Token], inside: set[int]) -> Token | None:
    """The word a cue is said of ("rejected the sanctions as «blackmail»", "called them illegal"), if any."""
    for token in matched:
        for node in (token, *token.ancestors):
            if (node.dep_ == "prep" and node.lower_ == "as") or node.dep_ == "oprd":
                return node.head if node.head.i not in inside else None
            if node.i not in inside and node.pos_ == "VERB":
                break
    return None


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _evidence(doc: Doc, matched: list[Token], verb: Token, quotes: list[Quote]) -> Span:
    start = min([t.i for t in matched] + [verb.i, *(c.left_edge.i for c in verb.children if c.dep_ == "nsubj")])
    end = max([t.i for t in matched] + [verb.i]) + 1
    sent = matched[0].sent
    span = doc[max(start, sent.start):min(end, sent.end)]
    # a quotation the evidence opens is closed in it ("would never negotiate 'under the whip'"), if it
    # closes within a few words
    closes = [q.close_mark for q in quotes if span.start_char <= q.open_mark < span.end_char
              and q.close_mark is not None and q.close_mark >= span.end_char]
    if closes:
        tail = doc.char_span(span.start_char, max(closes) + 1, alignment_mode="expand")
        if tail is not None and tail.end <= min(span.end + _QUOTE_TAIL, sent.end):
            return tail
    return span


_QUOTE_TAIL = 12


def extract_positions(doc: Doc, actors: ArticleActors, statements: list[Statement], events: list[Event],
                      codebook: Codebook, published: date | None = None) -> list[Position]:
    """Every (actor, issue, stance) the article gives evidence for, once each, in text order. A position is
    dated by the holder's event it rests on, unless that event lies after publication: agreeing on
    Wednesday to meet in May is a stance of Wednesday."""
    latest = published.isoformat() if published else None
    quotes = find_quotes(doc.text)
    cues = cue_bags(codebook)
    coder = EventCoder(doc, actors, statements, None, load_lexicon())
    holder_of = _Holder(coder, statements, events)
    positions: list[Position] = []
    seen: set[tuple[str, str, str]] = set()
    for sent in doc.sents:
        tokens = [(t.i, norm) for t in sent if (norm := _token_norm(t))]
        stems = [(t.i, stem(t.lemma_)) for t in sent if not t.is_punct]
        present = {norm for _, norm in tokens} | {word for _, word in stems}
        matches = []
        for cue in cues:
            if not set(cue.words) - cue.names <= present:
                continue  # a word the cue needs is not in this sentence
            indices = _match(cue, tokens, stems, sent)
            if indices is not None and not _talk_about_other(doc, indices):
                matches.append((cue, indices))
        best: dict[tuple[str, str], tuple[int, Position]] = {}
        for cue, indices in matches:
            matched = [doc[i] for i in indices]
            for holder, reported_by, flipped, verb in holder_of(matched, cue.topic, cue.judgement):
                stance = cue.stance if not flipped else ("against" if cue.stance == "for" else "for")
                span = _evidence(doc, matched, verb, quotes)
                when = next((e.date for e in events if e.source == holder and e.start is not None
                             and e.start <= matched[0].idx < e.end
                             and (latest is None or e.date is None or e.date <= latest)), None)
                position = Position(actor=holder, issue=cue.issue, stance=stance, evidence=span.text,
                                    reported_by=reported_by, date=when, start=span.start_char, end=span.end_char)
                # One stance per actor and issue in a sentence: the one the longest cue supports.
                if len(indices) > best.get((holder, cue.issue), (0, None))[0]:
                    best[(holder, cue.issue)] = (len(indices), position)
        for _, position in sorted(best.values(), key=lambda item: item[1].start or 0):
            key = (position.actor, position.issue, position.stance)
            if key not in seen:
                seen.add(key)
                positions.append(position)
    return positions
