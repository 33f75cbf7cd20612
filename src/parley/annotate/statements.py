"""Who said what: statements found in a parsed spaCy `Doc`.

One pass over the tokens finds the cue words of `cues.py` and reads speaker
and content off the dependency parse ("X said that …", "…, X said", "as X
noted, …", "according to X, …", "X's official line is that …"). Quotes come
from the character scanner of `quotes.py`, because spaCy's sentences break
inside long quotes: a quote holding a clause's whole content makes that
statement direct; a quote no clause claims takes its speaker from the cue
beside it (`"…," he said`, `He added: "…"`, `"…" ― Name`), from a `Name:`
label, or from the statement right before it (a quote continuing the previous
speaker). A quote left unattributed is kept with no speaker only when it reads
as someone's words (it opens a sentence and has a few words); short scare
quotes are dropped.

Nothing crosses a line break: the parser often joins paragraphs into one
sentence, and a speaker or content taken across that seam is almost always
wrong. Content follows PolNeAR's convention: the reported clause without
"that", one statement per contiguous piece.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from parley.annotate import cues
from parley.annotate.quotes import DOUBLE, SINGLE, Quote, find_quotes
from parley.knowledge.names import normalize_name
from parley.model import Statement

SpeakerResolver = Callable[[Span], str | None]

_MARKS = DOUBLE | SINGLE
_DASHES = frozenset("-–—―")
_NP_DROP = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "dep", "npadvmod", "prep"})
_VERB_CUES = cues.SPEECH_VERBS | cues.BELIEF_VERBS | cues.FRAME_ONLY_VERBS | cues.OBJECT_VERBS \
    | frozenset(cues.PREP_CUES)
_INVERTIBLE = cues.SPEECH_VERBS | cues.FRAME_ONLY_VERBS
_MIN_UNATTRIBUTED_WORDS = 4
_MAX_FRAME_TOKENS = 12
_MAX_LABEL_TOKENS = 4
_MAX_NAME_TOKENS = 6
_NOMINAL = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PART"})

Piece = tuple[int, int]


@dataclass(frozen=True)
class _Found:
    """A statement before output: the speaker as a token span, the rest as char offsets."""

    speaker: Span | None
    cue: str | None
    start: int
    end: int
    kind: str = "indirect"
    frame: Piece = (0, 0)  # char span of the sentence holding the cue, for quote continuation


@dataclass(frozen=True)
class _Frame:
    """A cue with a speaker but no content of its own: `"…," he said` or `He added:`."""

    first: int  # token index where the frame starts
    last: int  # token index where it ends
    speaker: Span
    cue: str
    sentence: Piece


def extract_statements(doc: Doc, resolve_speaker: SpeakerResolver | None = None) -> list[Statement]:
    """Statements of `doc` in document order; `resolve_speaker` maps each speaker span to an actor id."""
    out = []
    text = doc.text  # built on each access: read once
    for item in _Extractor(doc).run():
        span = item.speaker
        start, end = _strip_marks(text, span.start_char, span.end_char) if span is not None else (0, 0)
        if start == end:  # no speaker, or one made only of marks
            span, start, end = None, None, None
        out.append(Statement(
            speaker=resolve_speaker(span) if resolve_speaker is not None and span is not None else None,
            text=text[item.start:item.end],
            kind=item.kind,  # type: ignore[arg-type]
            speaker_text=text[start:end] if span is not None else None,
            cue=item.cue,
            start=item.start,
            end=item.end,
            speaker_start=start,
            speaker_end=end,
        ))
    return out


def without_self_citation(statements: list[Statement], names_of: Callable[[str], set[str]],
                          outlet: str | None) -> list[Statement]:
    """Statements less the outlet citing itself ("…, according to UNN" in a UNN article, "TASS reports" in
    TASS): the article's own voice, not something another actor said. `names_of` gives an actor's names,
    normalised."""
    if not outlet:
        return statements
    own = normalize_name(outlet)
    return [s for s in statements if not (s.speaker and (s.cue or "").lower() in cues.SELF_CITATION_CUES
                                          and own in names_of(s.speaker))]


def _strip_marks(text: str, start: int, end: int) -> Piece:
    """Offsets without quotation marks the tokenizer glued on (`"He`)."""
    while start < end and (text[start] in _MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _MARKS or text[end - 1].isspace()):
        end -= 1
    return start, end


def _is_word(token: Token) -> bool:
    return not (token.is_punct or token.is_space or all(ch in _MARKS for ch in token.text))


def noun_phrase(head: Token) -> Span:
    """The phrase naming a speaker: its head with modifiers, without relative clauses or appositions.

    A report noun with a possessor ("Washington's official line", "X's
    report") names its possessor as the speaker.
    """
    if head.lemma_.lower() in cues.REPORT_NOUNS:
        for child in head.children:
            if child.dep_ == "poss":
                return _contiguous(child, {t.i for t in child.subtree})
    return _contiguous(head, _phrase_tokens(head))


def _phrase_tokens(head: Token) -> set[int]:
    """`head` and its modifiers, recursively, leaving out clauses, appositions and long tails."""
    keep = {head.i}
    for child in head.children:
        if child.dep_ not in _NP_DROP or _small_prep(child):
            keep |= _phrase_tokens(child)
    return keep


def _small_prep(child: Token) -> bool:
    """"A spokeswoman for the ministry", "a source in the delegation": a short prepositional tail is part of
    the name."""
    if child.dep_ != "prep" or child.lower_ not in {"for", "of", "at", "from", "in"}:
        return False
    sub = [t for t in child.subtree if t.dep_ not in {"appos", "punct"} and t.head.dep_ != "appos"]
    return len(sub) <= 6 and not any(t.pos_ == "VERB" for t in sub)


def _contiguous(head: Token, keep: set[int]) -> Span:
    """The run of kept tokens around `head`, trimmed of punctuation and line breaks."""
    doc = head.doc
    left = right = head.i
    while left - 1 in keep and "\n" not in doc[left - 1].text:
        left -= 1
    while right + 1 in keep and "\n" not in doc[right + 1].text:
        right += 1
    while left < head.i and not _is_word(doc[left]):
        left += 1
    while right > head.i and not _is_word(doc[right]):
        right -= 1
    return doc[left:right + 1]


class _Extractor:
    """Per-document indexes (quotes, token starts, line breaks) so each rule is a cheap lookup."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.quotes = find_quotes(self.text)
        self.quote_starts = [q.open_mark for q in self.quotes]
        self.token_starts = [t.idx for t in doc]
        self.breaks = [i for i, ch in enumerate(self.text) if ch == "\n"]
        self.line: Piece = (0, len(self.text))
        self.found: list[_Found] = []
        self.frames: list[_Frame] = []

    # ----- positions -------------------------------------------------------
    def _token_at(self, char: int) -> int:
        """Index of the token holding `char`, or of the first token after it."""
        i = bisect_right(self.token_starts, char) - 1
        if i < 0:
            return 0
        token = self.doc[i]
        return i if char < token.idx + len(token.text) else min(i + 1, len(self.doc) - 1)

    def _line_of(self, char: int) -> Piece:
        i = bisect_left(self.breaks, char)
        start = self.breaks[i - 1] + 1 if i > 0 else 0
        end = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return start, end

    def _in_quote(self, char: int) -> bool:
        i = bisect_right(self.quote_starts, char) - 1
        return i >= 0 and self.quotes[i].start <= char < self.quotes[i].end

    def _words_between(self, start: int, end: int) -> int:
        """Word tokens starting in [start, end)."""
        lo, hi = bisect_left(self.token_starts, start), bisect_left(self.token_starts, end)
        return sum(1 for t in self.doc[lo:hi] if _is_word(t))

    def _in_line(self, span: Span) -> bool:
        return self.line[0] <= span.start_char and span.end_char <= self.line[1]

    # ----- content pieces --------------------------------------------------
    def _piece(self, first: int, last: int) -> Piece | None:
        """Char span of tokens first..last inside the current line, trimmed of edge punctuation and "that"."""
        doc = self.doc
        while first <= last and doc[first].idx < self.line[0]:
            first += 1
        while last >= first and doc[last].idx >= self.line[1]:
            last -= 1
        while first <= last and (not _is_word(doc[first]) or doc[first].dep_ == "cc" or
                                 (doc[first].lower_ == "that" and doc[first].dep_ in {"mark", "dobj"})):
            first += 1
        while last >= first and (not _is_word(doc[last]) or doc[last].dep_ == "cc"):
            last -= 1
        if last < first:
            return None
        start, end = _strip_marks(self.text, doc[first].idx, doc[last].idx + len(doc[last].text))
        while end > start and self.text[end - 1] in ",;:":
            end -= 1
        return (start, end) if end > start else None

    def _pieces(self, first: int, last: int, cuts: Iterable[Token] = ()) -> list[Piece]:
        """Pieces of first..last with the subtrees of `cuts` taken out."""
        pieces: list[Piece] = []
        for cut in sorted(cuts, key=lambda t: t.left_edge.i):
            piece = self._piece(first, cut.left_edge.i - 1)
            if piece:
                pieces.append(piece)
            first = cut.right_edge.i + 1
        piece = self._piece(first, last)
        return pieces + [piece] if piece else pieces

    def _reported(self, verb: Token, clause: Token) -> list[Piece]:
        """A verb's clause; a subjectless clause right after an object takes the object back as its
        subject ("warned the sanctions could last" is not a warning to the sanctions)."""
        pieces = self._clause(clause)
        if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children):
            return pieces
        objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.left_edge.i]
        if not objects or not pieces:
            return pieces
        head = self._piece(objects[0].left_edge.i, objects[0].right_edge.i)
        return [(head[0], pieces[0][1])] + pieces[1:] if head else pieces

    def _clause(self, clause: Token) -> list[Piece]:
        """A reported clause, one piece per conjunct that opens its own "that" ("… that A, but that B");
        a conjoined cue verb ("… and hinted that C") is left to its own statement."""
        own_that, cue_verbs = [], []
        chain = [c for c in clause.children if c.dep_ == "conj"]
        while chain:
            conj = chain.pop()
            if conj.lemma_.lower() in _INVERTIBLE and conj.pos_ == "VERB":
                cue_verbs.append(conj)
                continue
            if any(m.dep_ == "mark" and m.lower_ == "that" for m in conj.children):
                own_that.append(conj)
            chain += [c for c in conj.children if c.dep_ == "conj"]
        cuts = own_that + cue_verbs
        pieces: list[Piece] = []
        for part in [clause] + own_that:
            inner = [c for c in cuts if c.i != part.i and part in c.ancestors]
            outermost = [c for c in inner if not any(a in inner for a in c.ancestors)]
            pieces += self._pieces(part.left_edge.i, part.right_edge.i, outermost)
        return [p for p in pieces if self._words_between(*p) >= 1]

    def _around(self, outer: Token, inner: Token) -> list[Piece]:
        """The pieces of `outer`'s subtree on either side of `inner`'s subtree, without a phrase after the
        cue that only qualifies the saying ("…, she said, without giving details")."""
        pieces = self._pieces(outer.left_edge.i, outer.right_edge.i, [inner])
        return [p for p in pieces if self._words_between(*p) >= 2 and not self._qualifies_cue(p, outer, inner)]

    def _qualifies_cue(self, piece: Piece, outer: Token, inner: Token) -> bool:
        first = self.doc[self._token_at(piece[0])]
        if first.i <= inner.right_edge.i:
            return False
        return first.dep_ == "prep" and first.head.i == outer.i and first.lower_ in cues.SAYING_PREPS

    # ----- rules -----------------------------------------------------------
    def run(self) -> list[_Found]:
        for token in self.doc:
            if token.is_space or token.is_punct or self._in_quote(token.idx):
                continue
            self.line = self._line_of(token.idx)
            lemma = token.lemma_.lower()
            if token.lower_ == cues.ACCORDING[0]:
                self._according(token)
            elif (saying := _as_saying(token)) is not None:
                self._quoted_as(token, saying)
            elif token.pos_ == "VERB" and lemma in _VERB_CUES:
                self._verb(token, lemma)
            elif lemma == "be":
                self._report_copula(token)
            elif lemma == cues.MAKE:
                self._make_clear(token)
            elif token.pos_ == "NOUN" and token.lower_ in cues.WORDS_NOUNS:
                self._in_words(token)
            elif token.pos_ == "NOUN" and lemma in cues.REPORT_NOUNS:
                self._report_noun(token)
        self.found.sort(key=lambda f: (f.start, f.end))
        self._attach_quotes()
        self._block_quotes()
        self._labels()
        self._dash_lines()
        self._listed_points()
        unique = {(f.start, f.end): f for f in sorted(self.found, key=lambda f: (f.start, f.end))
                  if any(ch.isalnum() for ch in self.text[f.start:f.end])}
        return list(unique.values())

    def _sentence_of(self, token: Token) -> Piece:
        """The token's sentence, within the current line: where a cue's frame may hold its quote."""
        return max(token.sent.start_char, self.line[0]), min(token.sent.end_char, self.line[1])

    def _add(self, speaker: Span | None, cue: str, pieces: Iterable[Piece], anchor: Token) -> None:
        sentence = self._sentence_of(anchor)
        for start, end in pieces:
            before = self.text[start:speaker.start_char].rstrip() if speaker is not None else ""
            if speaker is not None and start < speaker.start_char and speaker.end_char >= end and before[-1:] == ",":
                # a misparse hung the speaker ("…, the mediator, X, said") at the end of the clause it reports
                end = start + len(before.rstrip(" ,"))
            if end > start:
                self.found.append(_Found(speaker, cue, start, end, "indirect", sentence))

    def _subject(self, verb: Token) -> Span | None:
        """The speaker of `verb`: its subject or a passive's agent; for "… and added" or "…, arguing"
        the subject of the verb it hangs on (through a reported clause back to its cue)."""
        top = verb
        while (top.dep_ == "conj" or _bare_cue(top)) and top.head.i != top.i:
            top = top.head  # "… and added", "… but said" (parsed as the first cue's clause)
        if top.i != verb.i and top.dep_ == "ccomp" and top.head.lemma_.lower() in _VERB_CUES:
            top = top.head
        for candidate in (verb, top, top.head if top.dep_ in {"advcl", "xcomp"} else top):
            subjects = [c for c in candidate.children if c.dep_ in {"nsubj", "csubj"}
                        and self.line[0] <= c.idx < self.line[1] and not self._in_quote(c.idx)]
            if subjects:
                subject = min(subjects, key=lambda c: abs(c.i - candidate.i))
                if candidate.dep_ == "relcl" and subject.lower_ in cues.RELATIVE_THINGS:
                    return self._document_owner(candidate.head)  # "a letter that says …"
                return noun_phrase(subject)
            for child in candidate.children:
                if child.dep_ == "agent":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return noun_phrase(objects[0])
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in cues.REPORT_NOUNS:
            return self._document_owner(verb.head)  # "issued a statement saying …"
        return self._left_name(verb) if verb.dep_ not in {"acl", "relcl", "xcomp", "amod", "pcomp"} else None

    def _document_owner(self, noun: Token) -> Span | None:
        """Who speaks through a document: "He released a letter that says" → He; else the document."""
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head  # "a series of tweets"
        holder = noun.head
        if noun.dep_ in {"dobj", "attr"} and holder.i != noun.i:
            subjects = [c for c in holder.children if c.dep_ == "nsubj" and self.line[0] <= c.idx < self.line[1]]
            if subjects:
                return noun_phrase(subjects[0])
        return noun_phrase(noun) if noun.pos_ in {"NOUN", "PROPN"} else None

    def _left_name(self, verb: Token) -> Span | None:
        """A misparsed subject: the name right before a verb the parser left subjectless
        ("… board of the Post Trump said that …"), or, before a cue that ends the sentence, the name set off
        by commas, with its title ("…, the Merevalian mediator, Casimir Delaunet, said.")."""
        i = verb.i - 1
        while i >= 0 and self.doc[i].pos_ == "ADV":
            i -= 1
        if i > 0 and self.doc[i].text == "," and self._ends_sentence(verb):
            name = self._name_before(i - 1)
            return self._with_title(name) if name is not None else None
        return self._name_before(i)

    def _ends_sentence(self, verb: Token) -> bool:
        after = verb.i + 1
        return after >= verb.sent.end or self.doc[after].text in {".", "!", "?"}

    def _with_title(self, name: Span) -> Span:
        """The name with a title phrase set off before it ("the Merevalian mediator, Casimir Delaunet")."""
        comma = name.start - 1
        if comma < 1 or self.doc[comma].text != ",":
            return name
        title = self._name_before(comma - 1)
        if title is None or title[-1].pos_ != "NOUN" or title[0].pos_ not in {"DET", "PROPN"}:
            return name
        return self.doc[title.start:name.end]

    def _name_before(self, last: int) -> Span | None:
        """The run of nominal tokens (up to a few) ending at token `last`, on one line."""
        doc = self.doc
        if last < 0 or doc[last].pos_ not in {"PROPN", "NOUN", "PRON"} or "\n" in doc[last].text_with_ws:
            return None
        first = last
        while first > 0 and last - first < _MAX_NAME_TOKENS and doc[first - 1].pos_ in _NOMINAL and \
                "\n" not in doc[first - 1].text_with_ws and doc[first].pos_ != "PRON":
            first -= 1
        while first < last and doc[first].pos_ == "DET" and doc[first].lower_ != "the":
            first += 1
        return doc[first:last + 1]

    def _cue_text(self, verb: Token, extra: Token | None = None) -> str:
        tokens = [verb] + [c for c in verb.children if c.dep_ == "prt"] + ([extra] if extra is not None else [])
        first, last = min(t.i for t in tokens), max(t.i for t in tokens)
        return self.doc[first:last + 1].text if last - first + 1 == len(tokens) else verb.text

    def _verb(self, verb: Token, lemma: str) -> None:
        top = verb
        while top.dep_ == "conj" and top.head.i != top.i:
            top = top.head
        if top.dep_ == "xcomp" and top.head.lemma_.lower() in cues.OBJECT_VERBS | cues.ADDRESSEE_VERBS:
            return  # "urged both sides to show flexibility (and to explain …)": what is asked or refused
        children = list(verb.children)
        clause = next((c for c in children if c.dep_ == "ccomp"), None)
        speaker = self._subject(verb)
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if passive is not None and lemma in _INVERTIBLE:
            if clause is not None and passive.lower_ == "it":  # "It is noted that …"
                self._add(speaker, self._passive_cue(verb), self._clause(clause), verb)
                return
            if passive.lower_ in cues.ANAPHORS:  # "This was stated by X": the sentence before
                self._add(speaker or self._by_author(verb), self._passive_cue(verb),
                          self._previous_sentence(verb), verb)
                return
        if speaker is None or not self._in_line(speaker) or self._in_quote(speaker.start_char):
            return
        found = self._content(verb, lemma, children, clause, speaker)
        if found is not None:
            self._add(speaker, found[0], found[1], verb)
        elif lemma in _INVERTIBLE:  # content to come from a quote beside it
            first, last = min(verb.i, speaker.start), max(verb.i, speaker.end - 1)
            sentence = self._sentence_of(verb)
            self.frames.append(_Frame(first, last, speaker, self._cue_text(verb), sentence))

    def _content(self, verb: Token, lemma: str, children: list[Token], clause: Token | None,
                 speaker: Span) -> tuple[str, list[Piece]] | None:
        """The cue words and content pieces of a cue verb, from the first rule that finds any."""
        cue = self._cue_text(verb)
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
            pieces = self._around(verb.head, verb)  # "as X noted, …"
            return (cue, pieces) if pieces else None
        if clause is not None and (lemma not in cues.FRAME_ONLY_VERBS or clause.i < verb.i):
            pieces = [p for c in children if c.dep_ == "ccomp" and not _attributed(c) and not _bare_cue(c)
                      for p in self._reported(verb, c)]
            if clause.i < verb.i:  # "A, the agency said, and B": B continues the report
                pieces += [p for c in children if c.dep_ == "conj" and c.i > verb.i and _own_clause(c)
                           for p in self._clause(c)]
            if pieces:
                return cue, pieces
        if lemma in cues.BELIEF_VERBS and lemma not in cues.SPEECH_VERBS:
            return None
        if lemma not in cues.FRAME_ONLY_VERBS:
            complement = self._complement(verb, lemma, children)
            if complement is not None and complement[1]:
                return self._cue_text(verb, complement[0]), complement[1]
        if lemma in _INVERTIBLE:
            pieces = self._inverted(verb, lemma, speaker, children)
            if pieces:
                return cue, pieces
        return None

    def _passive_cue(self, verb: Token) -> str:
        auxiliaries = [c for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i]
        first = auxiliaries[0].i if auxiliaries else verb.i
        return self.doc[first:verb.i + 1].text

    def _by_author(self, verb: Token) -> Span | None:
        """"… stated in a report by X": the author named by a "by" phrase below the verb."""
        for token in verb.subtree:
            if token.dep_ == "prep" and token.lower_ == "by":
                objects = [c for c in token.children if c.dep_ == "pobj"]
                if objects:
                    return noun_phrase(objects[0])
        return None

    def _previous_sentence(self, verb: Token) -> list[Piece]:
        """The sentence before `verb`'s own, on its line (or ending the line before)."""
        start = max(verb.sent.start_char, self.line[0])
        before = self._token_at(start) - 1
        while before >= 0 and not _is_word(self.doc[before]):
            before -= 1
        if before < 0:
            return []
        line, self.line = self.line, self._line_of(self.doc[before].idx)
        sentence = self.doc[before].sent
        piece = self._piece(self._token_at(max(sentence.start_char, self.line[0])), before)
        self.line = line
        return [piece] if piece else []

    def _quoted_as(self, verb: Token, saying: Token) -> None:
        """"TASS quoted Peskov as saying that …", "Peskov was quoted as saying", "…, Interfax cited Lavrov as
        saying": the one quoted speaks, not the outlet quoting him."""
        speaker = next((noun_phrase(c) for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        if speaker is None or not self._in_line(speaker) or self._in_quote(speaker.start_char):
            return
        cue = f"{verb.text} as saying"
        clause = next((c for c in saying.children if c.dep_ == "ccomp"), None) or \
            next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
        if clause is not None:
            self._add(speaker, cue, self._clause(clause), verb)
            return
        first, last = min(verb.i, speaker.start), max(saying.i, speaker.end - 1)
        sentence = self._sentence_of(verb)
        self.frames.append(_Frame(first, last, speaker, cue, sentence))  # the quote beside it is the content

    def _make_clear(self, verb: Token) -> None:
        """"X made (it) clear that …": an idiom of saying."""
        clear = next((c for c in verb.children if c.lower_ == cues.CLEAR and c.i > verb.i), None)
        if clear is None:
            return
        clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.i != clear.i] + \
            [c for c in clear.children if c.dep_ in {"advcl", "ccomp"}
             and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
        speaker = self._subject(verb)
        if clauses and speaker is not None and self._in_line(speaker):
            self._add(speaker, self.doc[verb.i:clear.i + 1].text, self._clause(clauses[0]), verb)

    def _inverted(self, verb: Token, lemma: str, speaker: Span, children: list[Token]) -> list[Piece]:
        """"…, he said" / "…, he said, …": a cue set off by commas after the clause it reports."""
        objects = {"xcomp"} if lemma in cues.ADDRESSEE_VERBS else {"dobj", "xcomp"}
        if any(c.dep_ in objects for c in children):
            return []
        if verb.dep_ == "parataxis":
            return self._around(verb.head, verb)
        first = min(verb.i, speaker.start)
        if first == 0 or self.doc[first - 1].text != ",":
            return []
        if verb.head.i != verb.i and verb.dep_ in {"ccomp", "conj", "advcl"} and verb.head.i < verb.i:
            return self._around(verb.head, verb)
        if verb.head.i == verb.i:  # the parser left the reported clause unattached
            start = self._token_at(max(verb.sent.start_char, self.line[0]))
            return [p for p in self._pieces(start, first - 2) if self._words_between(*p) >= 2]
        return []

    def _complement(self, verb: Token, lemma: str, children: list[Token]) -> tuple[Token | None, list[Piece]] | None:
        """Content that is not a clause: "called for X", "urged X to Y", "cited X", "assured him that Y"."""
        preps = cues.PREP_CUES.get(lemma, frozenset())
        right = [c for c in children if c.i > verb.i and c.dep_ not in {"advmod", "prt", "punct", "neg", "npadvmod"}]
        nearest = right[0] if right else None
        if nearest is not None and nearest.dep_ == "prep" and nearest.lower_ in preps:
            objects = [c for c in nearest.children if c.dep_ in {"pobj", "pcomp"}]
            if objects:
                tail = [c for c in children if c.i > nearest.i and
                        (c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "as"))]
                last = max([objects[0].right_edge.i] + [c.right_edge.i for c in tail])
                return nearest, self._pieces(objects[0].left_edge.i, last)
        if nearest is not None and nearest.dep_ == "advcl":
            mark = next((m for m in nearest.children if m.dep_ == "mark" and m.lower_ in preps), None)
            if mark is not None:
                return mark, self._pieces(mark.i + 1, nearest.right_edge.i)
        objects = [c for c in children if c.dep_ in {"dobj", "dative"}]
        after_object = cues.OBJECT_PREP_CUES.get(lemma, frozenset())
        for prep in (c for c in right if objects and c.i > objects[0].i and c.lower_ in after_object):
            content = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
            if content:
                return prep, self._pieces(content[0].left_edge.i, content[0].right_edge.i)
        complements = [c for c in children if c.dep_ in {"xcomp", "oprd"}]
        if lemma in cues.ADDRESSEE_VERBS:
            clauses = [c for o in objects for c in o.children if c.dep_ in {"acl", "relcl", "ccomp"}
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
            if clauses:
                return None, self._clause(clauses[0])
            if not complements:
                return None
        if lemma in cues.OBJECT_VERBS and (objects or complements):
            parts = objects + complements
            parts += [c for c in right if c.dep_ == "prep" and c.lower_ == "as" and c.i > parts[0].i]
            first = min(c.left_edge.i for c in parts)
            last = max(c.right_edge.i for c in parts)
            pieces = self._pieces(first, last)
            return (None, pieces) if pieces else None
        return None

    def _according(self, token: Token) -> None:
        """"according to X, …" and "…, according to X": the clause it modifies, minus the phrase."""
        nxt = token.nbor(1) if token.i + 1 < len(self.doc) else None
        to = next((c for c in token.children if c.lower_ == cues.ACCORDING[1]), None) or \
            (nxt if nxt is not None and nxt.lower_ == cues.ACCORDING[1] else None)
        objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        if to is None or not objects:
            return
        speaker = noun_phrase(objects[0])
        if not self._in_line(speaker):
            return
        head = token.head
        if head.i == token.i or token.left_edge.i <= head.i <= token.right_edge.i:
            head = token.sent.root
        self._add(speaker, self.text[token.idx:to.idx + len(to.text)], self._around(head, token), token)

    def _in_words(self, noun: Token) -> None:
        """"In X's words, …" / "in the words of X, …"."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.head.i == prep.i:
            return
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if owner is None:
            return
        speaker = _contiguous(owner, {t.i for t in owner.subtree})
        self._add(speaker, noun.text, self._around(prep.head, prep), noun)

    def _report_noun(self, noun: Token) -> None:
        """"X's claim that …" / "a statement by X that …": a report noun owning a that-clause."""
        clause = next((c for c in noun.children if c.dep_ in {"acl", "ccomp", "relcl"}
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None:
            return
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None:
            speaker = _contiguous(owner, {t.i for t in owner.subtree})
        else:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"}), None)
            objects = [c for c in by.children if c.dep_ == "pobj"] if by is not None else []
            if not objects:
                return
            speaker = noun_phrase(objects[0])
        if self._in_line(speaker):
            first = speaker.end if speaker.end <= noun.i else noun.i
            self._add(speaker, self.text[self.doc[first].idx:noun.idx + len(noun.text)].strip(),
                      self._clause(clause), noun)

    def _report_copula(self, verb: Token) -> None:
        """"X's official line is that …": a report noun as subject of "be" with a clause."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if subject is None or clause is None or subject.lemma_.lower() not in cues.REPORT_NOUNS:
            return
        speaker = noun_phrase(subject)
        first = speaker.end if speaker.end <= subject.i else subject.i
        cue = self.text[self.doc[first].idx:verb.idx + len(verb.text)]
        self._add(speaker, cue, self._clause(clause), verb)

    # ----- quotes ----------------------------------------------------------
    def _attach_quotes(self) -> None:
        """Make clause statements direct where a quote is their content; attribute free quotes."""
        for quote in self.quotes:
            inside = [f for f in self.found if quote.start <= f.start and f.end <= quote.end]
            if inside:
                self._make_direct(quote, inside)
                continue
            overlapping = [f for f in self.found if f.start < quote.end and quote.start < f.end]
            covering = [f for f in overlapping if f.start <= quote.start and quote.end <= f.end]
            if covering:
                self._split_glued(covering[0])
            elif not overlapping:
                self._free_quote(quote)

    def _direct_text(self, quote: Quote) -> Piece:
        end = quote.end
        while end > quote.start and (self.text[end - 1] in ",;:" or self.text[end - 1].isspace()):
            end -= 1
        return quote.start, end

    def _replace(self, old: list[_Found], new: list[_Found]) -> None:
        self.found = sorted([f for f in self.found if f not in old] + new, key=lambda f: (f.start, f.end))

    def _make_direct(self, quote: Quote, inside: list[_Found]) -> None:
        start, end = self._direct_text(quote)
        self._replace(inside, [replace(inside[0], start=start, end=end, kind="direct")])

    def _split_glued(self, statement: _Found) -> None:
        """`that "A," and that "B"`: a clause made only of quotes becomes one direct statement per quote."""
        inner = [q for q in self.quotes if statement.start <= q.open_mark and q.end <= statement.end]
        if not inner:
            return
        bounds = [statement.start] + [x for q in inner for x in (q.open_mark, q.close_mark or q.end)] \
            + [statement.end]
        if all(self._only_glue(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)):
            self._replace([statement], [replace(statement, start=s, end=e, kind="direct")
                                        for s, e in map(self._direct_text, inner)])

    def _only_glue(self, start: int, end: int) -> bool:
        words = self.text[start:end].replace(",", " , ").split()
        return all(w.lower() in cues.QUOTE_GLUE or all(ch in _MARKS for ch in w) for w in words)

    def _free_quote(self, quote: Quote) -> None:
        """A quote no clause claims: a frame beside it, a label, a dash, the previous speaker, or nobody."""
        start, end = self._direct_text(quote)
        frame = self._frame_after(quote) or self._frame_before(quote) or self._loose_frame(quote) \
            or self._colon_frame(quote)
        if frame is not None:
            if frame in self.frames:
                self.frames.remove(frame)
            self._replace([], [_Found(frame.speaker, frame.cue, start, end, "direct", frame.sentence)])
            return
        labelled = self._label(quote.start, quote.end)
        dashed = self._dash_speaker(quote.close_mark)
        previous = self._previous(quote.open_mark)
        if labelled is not None:
            found = _Found(labelled[0], ":", labelled[1], end, "direct", (start, end))
        elif dashed is not None:
            found = _Found(dashed[0], dashed[1], start, end, "direct", (start, dashed[0].end_char))
        elif previous is not None:
            found = _Found(previous.speaker, previous.cue, start, end, "direct", previous.frame)
        elif self._opens_sentence_at(quote.open_mark) and self._words_between(start, end) >= _MIN_UNATTRIBUTED_WORDS:
            found = _Found(None, None, start, end, "direct", (start, end))
        else:
            return
        self._replace([], [found])

    def _opens_sentence_at(self, char: int) -> bool:
        """Whether a quote opening at `char` starts a sentence: the text before ends one, or the line starts."""
        before = self.text[self._line_of(char)[0]:char].rstrip().rstrip("".join(_MARKS)).rstrip()
        return not before or before[-1] in ".!?:…"

    def _frame_after(self, quote: Quote) -> _Frame | None:
        """`"…," Kalin claimed` / `"…," said Kalin`: a frame right after the closing mark."""
        if quote.close_mark is None:
            return None
        after = self._token_at(quote.close_mark + 1)
        for frame in self.frames:
            if after <= frame.first <= after + _MAX_FRAME_TOKENS and \
                    not any(_is_word(t) and t.idx > quote.close_mark for t in self.doc[after:frame.first]):
                return frame
        return None

    def _frame_before(self, quote: Quote) -> _Frame | None:
        """`He added: "…"` / `Kalin said, "…"`: a frame whose cue's own modifiers run up to the opening mark."""
        opener = self._token_at(quote.open_mark)
        for frame in self.frames:
            if not frame.last < opener <= frame.last + _MAX_FRAME_TOKENS:
                continue
            between = self.doc[frame.last + 1:opener]
            anchors = set(range(frame.first, frame.last + 1))
            introduces = not self.text[between.start_char:quote.open_mark].strip() or \
                self.text[:quote.open_mark].rstrip()[-1:] in {":", ","}
            if introduces and all(not _is_word(t) or any(a.i in anchors for a in t.ancestors) for t in between):
                return frame
        return None

    def _colon_frame(self, quote: Quote) -> _Frame | None:
        """`He issued a statement:` / `X made the following comment:` then the quote (same or next paragraph)."""
        before = self.text[:quote.open_mark].rstrip()
        if not before.endswith(":"):
            return None
        colon = self.doc[self._token_at(len(before) - 1)]
        verb = colon.head
        if verb.pos_ == "NOUN" and verb.lemma_.lower() in cues.REPORT_NOUNS:  # "… a new message:"
            verb = verb.head
        reports = verb.lemma_.lower() in _VERB_CUES or any(
            c.dep_ in {"dobj", "attr"} and c.lemma_.lower() in cues.REPORT_NOUNS for c in verb.children)
        if colon.text != ":" or verb.pos_ not in {"VERB", "AUX"} or not reports:
            return None
        self.line = self._line_of(colon.idx)
        speaker = self._subject(verb)
        if speaker is None or not self._in_line(speaker):
            return None
        sentence = (max(verb.sent.start_char, self.line[0]), colon.idx)
        return _Frame(min(verb.i, speaker.start), colon.i, speaker, self.text[verb.idx:colon.idx].strip(), sentence)

    def _loose_frame(self, quote: Quote) -> _Frame | None:
        """`"…," Name, a title, said Monday` where the parse lost the subject: read the words instead."""
        if quote.close_mark is None:
            return None
        doc = self.doc
        first = self._token_at(quote.close_mark + 1)
        if doc[first].idx <= quote.close_mark:
            return None
        line_end = self._line_of(quote.close_mark)[1]
        words = []
        for token in doc[first:first + _MAX_FRAME_TOKENS]:
            if token.idx >= line_end or token.text in {".", "?", "!"} or token.text in _MARKS:
                break
            words.append(token)
        verbs = [t for t in words if t.pos_ == "VERB" and t.lemma_.lower() in _INVERTIBLE]
        if not verbs:
            return None
        verb = verbs[0]
        before = [t for t in words if t.i < verb.i and _is_word(t)]
        if before:  # "Name[, apposition,] said"
            comma = next((t.i for t in words if t.text == "," and t.i < verb.i and t.i > before[0].i), verb.i)
            speaker = self._name_before(comma - 1)
            if speaker is None or any(not t.text[:1].isupper() for t in before if t.i < speaker.start):
                return None
            speaker = self.doc[before[0].i:speaker.end]  # capitalised words the tagger missed belong to the name
        else:  # "said Name, …"
            after = [t for t in words if t.i > verb.i]
            stop = next((t.i for t in after if not _is_word(t) or t.pos_ not in _NOMINAL), after[-1].i + 1 if after else verb.i + 1)
            speaker = self._name_before(stop - 1) if stop - 1 > verb.i else None
            if speaker is None or speaker.start <= verb.i:
                return None
        sentence = (max(verb.sent.start_char, self._line_of(verb.idx)[0]), min(verb.sent.end_char, line_end))
        return _Frame(min(verb.i, speaker.start), max(verb.i, speaker.end - 1), speaker, verb.text, sentence)

    def _previous(self, char: int) -> _Found | None:
        """The statement a quote at `char` continues: nothing but its own cue sentence lies between."""
        before = [f for f in self.found if f.end <= char and f.speaker is not None]
        if not before:
            return None
        last = max(before, key=lambda f: f.end)
        gap = [(last.end, min(char, last.frame[0])), (max(last.end, last.frame[1]), char)]
        if any(self._words_between(a, b) for a, b in gap if b > a):
            return None
        return last if self._only_frame(last, char) or self._opens_sentence_at(char) else None

    def _only_frame(self, statement: _Found, char: int) -> bool:
        """`"A," he said, "B"`: only the statement's own speaker and cue lie between it and `char`."""
        if not self.text[statement.end:char].rstrip().endswith(","):
            return self._words_between(statement.end, char) == 0
        speaker = statement.speaker
        cue = set((statement.cue or "").split())
        lo, hi = bisect_left(self.token_starts, statement.end), bisect_left(self.token_starts, char)
        return all(not _is_word(t) or t.text in cue or
                   (speaker is not None and speaker.start <= t.i < speaker.end) for t in self.doc[lo:hi])

    def _dash_speaker(self, close_mark: int | None) -> tuple[Span, str] | None:
        """`"…" ― Name`: an epigraph-style attribution after a quote."""
        if close_mark is None:
            return None
        at = close_mark + 1
        while at < len(self.text) and self.text[at] in " \t\u00a0":
            at += 1
        if at >= len(self.text) or self.text[at] not in _DASHES:
            return None
        name = self._name_run(self._token_at(at + 1))
        return (name, self.text[at]) if name is not None and name.start_char > at else None

    def _name_run(self, i: int) -> Span | None:
        """A short run of proper nouns from token `i` that ends its line or sentence."""
        doc = self.doc
        j = i
        while j < len(doc) and j - i < _MAX_LABEL_TOKENS and doc[j].pos_ == "PROPN" and "\n" not in doc[j].text:
            j += 1
        if j == i:
            return None
        ends = j == len(doc) or doc[j].is_space or doc[j].is_punct or "\n" in doc[j - 1].text_with_ws
        return doc[i:j] if ends else None

    def _block_quotes(self) -> None:
        """`The governor added:` closing its line, then a paragraph without marks: that paragraph is the content."""
        lines = list(_lines(self.text))
        for frame in self.frames:
            end = self.doc[frame.last].idx + len(self.doc[frame.last].text)
            rest = self.text[end:self._line_of(end)[1]].strip()
            following = next(((a, b) for a, b in lines if a > end), None)
            if rest != ":" or following is None or self._in_quote(following[0]):
                continue
            self.line = following
            piece = self._piece(self._token_at(following[0]), self._token_at(following[1] - 1))
            if piece:
                self.found.append(_Found(frame.speaker, frame.cue, piece[0], piece[1], "indirect", frame.sentence))

    # ----- line conventions: "Name: text" and "text - Name" ------------------
    def _label(self, start: int, end: int) -> tuple[Span, int] | None:
        """`PENCE: Well, …` / `Peskov: talks are over`: a short name and a colon opening a line."""
        doc = self.doc
        i = j = self._token_at(start)
        while j < len(doc) and j - i <= _MAX_LABEL_TOKENS and doc[j].text != ":" and doc[j].idx < end:
            if doc[j].pos_ not in {"PROPN", "NOUN"} or not doc[j].text[:1].isupper():
                return None
            j += 1
        if j == i or j >= len(doc) or doc[j].text != ":" or doc[i].lower_ in cues.LABELS:
            return None
        content = j + 1
        while content < len(doc) and doc[content].is_space:
            content += 1
        if content >= len(doc) or doc[content].idx >= end:
            return None
        return doc[i:j], doc[content].idx

    def _free_lines(self) -> Iterable[Piece]:
        """Lines that hold no statement yet and do not open inside a quote."""
        taken = [(f.start, f.end) for f in self.found]
        for start, end in _lines(self.text):
            if not self._in_quote(start) and not any(a < end and start < b for a, b in taken):
                yield start, end

    def _labels(self) -> None:
        """Lines outside quotes that open with "Name:" are that speaker's words."""
        for start, end in list(self._free_lines()):
            labelled = self._label(start, end)
            if labelled is None:
                continue
            self.line = (start, end)
            piece = self._piece(self._token_at(labelled[1]), self._token_at(end - 1))
            if piece:
                self.found.append(_Found(labelled[0], ":", piece[0], piece[1], "indirect", (start, end)))

    def _dash_lines(self) -> None:
        """A line (typically a headline) ending "… - Name" reports Name's claim."""
        for start, end in list(self._free_lines()):
            last = self._token_at(end - 1)
            first = last
            while first > 0 and last - first < _MAX_LABEL_TOKENS and self.doc[first - 1].text not in _DASHES \
                    and self.doc[first - 1].idx >= start:
                first -= 1
            dash = first - 1
            if dash <= 0 or self.doc[dash].text not in _DASHES or self.doc[dash].idx < start:
                continue
            name = self._name_run(first)
            if name is None or name.end != last + 1:
                continue
            self.line = (start, end)
            head = self._token_at(start)
            if not any(t.pos_ in {"VERB", "AUX"} for t in self.doc[head:dash]):
                continue
            piece = self._piece(head, dash - 1)
            if piece:
                self.found.append(_Found(name, self.doc[dash].text, piece[0], piece[1], "indirect", (start, end)))


    def _listed_points(self) -> None:
        """`X has presented a plan, which includes:` (or `X outlined its demands:`) closing a line, then
        list items ("- …", "• …"): the items are X's points, one indirect statement."""
        lines = list(_lines(self.text))
        for n, (start, end) in enumerate(lines[:-1]):
            if self.text[end - 1] != ":" or self._in_quote(start):
                continue
            verb = self.doc[self._token_at(end - 1)].sent.root
            if verb.lemma_.lower() not in cues.PROPOSAL_VERBS:
                continue
            self.line = (start, end)
            speaker = self._subject(verb)
            items = []
            for item_start, item_end in lines[n + 1:]:
                if self.text[item_start] not in cues.LIST_MARKERS:
                    break
                items.append((item_start, item_end))
            if speaker is None or not items:
                continue
            first = items[0][0] + 1
            while first < items[-1][1] and self.text[first].isspace():
                first += 1
            last = items[-1][1]
            while last > first and self.text[last - 1] in ".;,":
                last -= 1
            self.found.append(_Found(speaker, self._cue_text(verb), first, last, "indirect", (start, end)))


def _as_saying(verb: Token) -> Token | None:
    """The "as saying" under a verb of quoting ("quoted X as saying"), if it has one."""
    if verb.lemma_.lower() not in cues.QUOTING_VERBS:
        return None
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                 for g in c.children if g.dep_ == "pcomp" and g.lemma_.lower() in {"say", "tell", "write"}), None)


def _attributed(clause: Token) -> bool:
    """A clause with its own "according to X" belongs to that source, not to the verb above it."""
    return any(c.lower_ == cues.ACCORDING[0] for c in clause.children)


def _bare_cue(token: Token) -> bool:
    """A subjectless cue verb hanging as a clause under another cue: "X said A but said B"."""
    return token.dep_ == "ccomp" and token.lemma_.lower() in _INVERTIBLE and token.pos_ == "VERB" \
        and token.head.lemma_.lower() in _INVERTIBLE \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in token.children)


def _own_clause(token: Token) -> bool:
    """A verb with its own subject that is not itself a cue: a clause that can carry reported content."""
    return token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() not in _VERB_CUES \
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)


def _lines(text: str) -> Iterable[Piece]:
    start = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            offset = start + line.index(stripped[0])
            yield offset, offset + len(stripped)
        start += len(line) + 1
