"""Positions: each actor's stance for or against the codebook's issues, with the evidence.

Cue phrases are matched as bags of normalised content words inside a short window of
one sentence, so word order and inflection do not matter ("lifted sanctions" ~ "lift
sanctions") and a few synonyms of negotiation language count as one word
("non-enlargement" ~ "non-expansion", "open to discussions" ~ "open to negotiations").
Whose stance it is comes from the clause: the subject of a verb of wanting or
demanding above the cue wins ("Kalin said Putin wants a new bargain" → Putin, reported
by Kalin), else the nearest clause subject that is not inside a condition, else the
speaker of the statement or the source of the event that contains it. Negation and
verbs of refusal on the way up flip the stance.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from parley.annotate.actors import ArticleActors
from parley.annotate.events import EventCoder, load_lexicon
from parley.knowledge.codebook import Codebook, Issue
from parley.model import Event, Position, Statement

STOPWORDS = {"a", "an", "the", "of", "to", "for", "in", "on", "with", "and", "or", "as", "by", "at", "from",
             "that", "this", "these", "those", "it", "its", "is", "are", "be", "been", "any", "all", "such",
             "their", "his", "her", "our", "there", "which", "who", "into", "over", "than", "so", "-", "'s",
             "only", "also", "very", "more", "most", "other", "some", "about"}
# Words that turn a proposition round; a cue's negation must meet one of them in the text.
NEGATIVE = {"no", "non", "not", "n't", "never", "without", "stop", "halt", "cease", "prevent", "ban",
            "nothing", "refuse", "against"}
SYNONYMS = (
    ("expand", "expansion", "enlarge", "enlargement", "widen", "widening", "eastward"),
    ("lift", "ease", "easing", "remove", "removal", "relief", "relieve", "scrap", "unfreeze"),
    ("talk", "negotiate", "negotiation", "negotiating", "dialogue", "discussion", "discuss"),
    ("guarantee", "assurance"),
    ("treaty", "agreement", "accord", "pact"),
    ("impose", "introduce", "adopt", "tighten"),
    ("arm", "arms", "weapon", "weapons", "armament"),
    ("support", "aid", "assistance", "help", "supply", "supplying"),
    ("member", "membership", "join", "accession", "admit"),
    ("troop", "force", "soldier", "battalion"),
    ("base", "bases", "deployment", "deploy", "station"),
    ("ukraine", "ukrainian", "kiev", "kyiv"),
    ("russia", "russian", "moscow", "kremlin"),
    ("washington", "america", "american", "usa"),
    ("nato", "alliance"),
    ("west", "western"),
    ("involve", "include", "consult", "participate"),
    ("direct", "directly", "bilateral"),
    ("recognise", "recognize", "accept", "acknowledge"),
    ("multipolar", "multipolarity"),
)
# Verbs (and nouns) of wanting: their subject holds the stance on what they govern.
WANT = {"want", "wish", "seek", "aim", "demand", "insist", "call", "urge", "push", "press", "need", "like",
        "hope", "favor", "favour", "propose", "target", "strive", "prefer", "advocate", "ask", "request",
        "goal", "desire", "intend", "plan", "consider", "support", "back", "endorse"}
# Verbs whose object is rejected: they flip the stance of the cue they govern.
REFUSE = {"reject", "refuse", "oppose", "dismiss", "deny", "decline", "condemn", "criticize", "criticise",
          "denounce", "resist", "unwilling", "rule", "against", "without", "veto", "concern", "concerned", "worried",
          "fear", "worry"}
# Adverbial clauses that state something of their own ("…, while Moscow wants …").
INDEPENDENT_MARKS = {"while", "because", "although", "though", "since", "whereas", "as", "when", "after", "before"}
CONDITION_MARKS = {"if", "unless", "provided", "once"}
PARTIES = {"ukraine", "russia", "washington", "nato", "west"}
RELATIVE = {"which", "that", "who", "whom", "whose"}
_SUFFIXES = ("ments", "ment", "ations", "ation", "ions", "ion", "ings", "ing", "edly", "ed", "ly", "ies", "es", "s")


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    word = word.lower().strip("'’")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word.rstrip("e") if len(word) > 4 else word


_CLASSES = {_stem(word): group[0] for group in SYNONYMS for word in group}
_CLASSES.update({_stem(word): "NOT" for word in NEGATIVE})
_CLASSES.update({word: "NOT" for word in NEGATIVE})


def _norm(word: str) -> str:
    lower = word.lower()
    return _CLASSES.get(lower) or _CLASSES.get(_stem(lower), _stem(lower))


@dataclass(frozen=True)
class _Cue:
    issue: str
    stance: str
    words: tuple[str, ...]          # normalised content words
    phrase: str

    @property
    def window(self) -> int:
        return 2 * len(self.words) + 3



@lru_cache(maxsize=16)
def _cues(codebook: Codebook) -> list[_Cue]:
    cues = []
    for issue in codebook.issues:
        for stance in ("for", "against"):
            for phrase in issue.cues(stance):
                words = [w for w in re.findall(r"[\w']+|n't", phrase.lower()) if w not in STOPWORDS]
                norms = tuple(dict.fromkeys(_norm(w) for w in words))
                if len(words) == 1:
                    norms = (_stem(words[0]),)  # a one-word cue is that word itself, not its synonyms
                if norms:
                    cues.append(_Cue(issue.id, stance, norms, phrase))
    return cues


def _token_norm(token: Token) -> str | None:
    if token.is_punct or token.is_space:
        return None
    lower = token.lower_
    if lower in NEGATIVE or token.dep_ == "neg":
        return "NOT"
    if lower in STOPWORDS:
        return None
    return _CLASSES.get(lower) or _CLASSES.get(_stem(token.lemma_)) or _norm(lower)


def _match(cue: _Cue, tokens: list[tuple[int, str]], stems: list[tuple[int, str]], sent: Span) -> list[int] | None:
    """Token indices of the first window of the sentence holding the cue's words (all, or all but a name)."""
    needed = set(cue.words)
    if not needed - PARTIES - {"NOT"}:
        # nothing but names and a negation ("nothing about Ukraine without Ukraine"): only the phrase itself
        at = sent.text.lower().find(cue.phrase.lower())
        if at < 0:
            return None
        span = sent.char_span(at, at + len(cue.phrase), alignment_mode="expand")
        return [t.i for t in span] if span is not None else None
    if len(cue.words) == 1:
        return next(([index] for index, stem in stems if stem == cue.words[0]), None)
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
        # Only a party's name may be left out ("NATO membership for Ukraine" ~ "NATO membership"),
        # and something besides names must be there.
        if missing <= PARTIES and len(missing) <= 1 and set(found) - PARTIES and (len(found) >= 2 or len(needed) == 1):
            if "NOT" not in found or _negation_binds(sent.doc, found):
                return sorted(found.values())
    return None


def _negation_binds(doc: Doc, found: dict[str, int]) -> bool:
    """A negation word counts only next to, or in construction with, another word of the cue."""
    negation = doc[found["NOT"]]
    others = [doc[i] for norm, i in found.items() if norm != "NOT"]
    return any(abs(o.i - negation.i) <= 2 or o.head.i == negation.i or negation.head.i == o.i for o in others)


class _Holder:
    """Whose stance a cue expresses, found by walking up from it through the parse."""

    def __init__(self, doc: Doc, coder: EventCoder, statements: list[Statement], events: list[Event]) -> None:
        self.doc, self.coder, self.statements, self.events = doc, coder, statements, events
        self.speech = load_lexicon().speech

    def __call__(self, matched: list[Token]) -> tuple[str | None, str | None, bool, Token]:
        """(holder, reported_by, flipped, the verb that settled it)."""
        inside = {t.i for t in matched}
        root = min(matched, key=lambda t: _depth(t))
        chosen: list[str] = []
        wanted: list[str] = []
        flips = 0
        settled = root
        current = root
        while True:
            flips += self._flips(current, inside)
            lemma = current.lemma_.lower()
            subjects = [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass", "poss"}
                        and c.lower_ not in RELATIVE and c.i not in inside]
            conditional = current.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in current.children)
            actors = [a for s in subjects for a in self.coder.actors_of(s)]
            if lemma in self.speech and current.pos_ == "VERB":
                speaker = actors[0] if actors else None
                holder = (wanted or chosen or [speaker])[0]
                return holder, (speaker if speaker != holder else None), flips % 2 == 1, current
            if actors and lemma in WANT:
                wanted, settled = actors, current
            elif actors and not chosen and not conditional and not wanted:
                chosen, settled = actors, current
            # a coordinated or adverbial clause is its own assertion once it has an owner
            independent = current.dep_ in {"conj", "parataxis"} or (
                current.dep_ == "advcl" and any(m.lower_ in INDEPENDENT_MARKS for m in current.children))
            if current.head.i == current.i or (independent and (chosen or wanted)):
                break
            current = current.head
        holder = (wanted or chosen or [None])[0]
        if holder is None:
            holder = self._fallback(root)
        reported = self.coder.speaker_of(root)
        return holder, (reported if reported not in (None, holder) else None), flips % 2 == 1, settled

    def _flips(self, token: Token, inside: set[int]) -> int:
        count = 0
        if token.i not in inside and token.lemma_.lower() in REFUSE:
            count += 1
        for child in token.children:
            if child.i in inside:
                continue
            no = child.dep_ == "det" and child.lower_ == "no" and token.lemma_.lower() not in {"secret", "doubt"}
            not_only = child.dep_ == "neg" and child.nbor(1).lower_ == "only" if child.i + 1 < len(child.doc) else False
            if (child.dep_ == "neg" and not not_only) or no or child.lower_ == "never":
                count += 1
            elif child.dep_ == "acomp" and child.lemma_.lower() in REFUSE:
                count += 1
        return count

    def _fallback(self, token: Token) -> str | None:
        for statement in self.statements:
            if statement.start is not None and statement.start <= token.idx < statement.end and statement.speaker:
                return statement.speaker
        for event in self.events:
            if event.start is not None and event.start <= token.idx < event.end:
                return event.source
        return None


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _evidence(doc: Doc, matched: list[Token], verb: Token) -> Span:
    start = min([t.i for t in matched] + [verb.i, *(c.left_edge.i for c in verb.children if c.dep_ == "nsubj")])
    end = max([t.i for t in matched] + [verb.i]) + 1
    sent = matched[0].sent
    span = doc[max(start, sent.start):min(end, sent.end)]
    return span


def extract_positions(doc: Doc, actors: ArticleActors, statements: list[Statement], events: list[Event],
                      codebook: Codebook) -> list[Position]:
    """Every (actor, issue, stance) the article gives evidence for, once each, in text order."""
    cues = _cues(codebook)
    coder = EventCoder(doc, actors, statements, None, load_lexicon())
    holder_of = _Holder(doc, coder, statements, events)
    positions: list[Position] = []
    seen: set[tuple[str, str, str]] = set()
    for sent in doc.sents:
        tokens = [(t.i, norm) for t in sent if (norm := _token_norm(t))]
        stems = [(t.i, _stem(t.lemma_)) for t in sent if not t.is_punct]
        best: dict[tuple[str, str], tuple[int, Position]] = {}
        present = {norm for _, norm in tokens} | {stem for _, stem in stems}
        for cue in cues:
            if not (set(cue.words) - PARTIES) <= present and " " in cue.phrase.strip():
                continue  # a word the cue needs is not in this sentence
            indices = _match(cue, tokens, stems, sent)
            if indices is None:
                continue
            matched = [doc[i] for i in indices]
            holder, reported_by, flipped, verb = holder_of(matched)
            if holder is None:
                continue
            stance = cue.stance if not flipped else ("against" if cue.stance == "for" else "for")
            span = _evidence(doc, matched, verb)
            date = next((e.date for e in events if e.source == holder and e.start is not None
                         and e.start <= matched[0].idx < e.end), None)
            position = Position(actor=holder, issue=cue.issue, stance=stance, evidence=span.text,
                                reported_by=reported_by, date=date, start=span.start_char, end=span.end_char)
            # One stance per actor and issue in a sentence: the one the longest cue supports.
            if len(indices) > best.get((holder, cue.issue), (0, None))[0]:
                best[(holder, cue.issue)] = (len(indices), position)
        for _, position in sorted(best.values(), key=lambda item: item[1].start or 0):
            key = (position.actor, position.issue, position.stance)
            if key not in seen:
                seen.add(key)
                positions.append(position)
    return positions


def issue_cues(issue: Issue) -> dict[str, list[tuple[str, ...]]]:
    """The normalised word bags an issue's cues are matched by (for a codebook author checking a cue)."""
    bags: dict[str, list[tuple[str, ...]]] = {"for": [], "against": []}
    for cue in _cues(Codebook("", (issue,))):
        bags[cue.stance].append(cue.words)
    return bags
