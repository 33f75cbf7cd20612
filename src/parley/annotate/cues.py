"""The cue lexicon: which words introduce reported speech, kept as data.

Rules in `statements.py` read only these sets, so widening coverage to a new
verb or report noun is a one-line change here. Entries are spaCy lemmas
(lower case). A verb's class says which of its dependents can hold the
reported content, because "said that X", "called for X" and "cited X" put it
in different places.
"""
from __future__ import annotations

# Verbs that report speech or writing; content is a clause (ccomp), a quote,
# or the clause they are inverted after ("..., he said").
SPEECH_VERBS: frozenset[str] = frozenset("""
say tell add note write warn claim argue stress insist announce report deny
emphasize emphasise explain suggest state declare assert acknowledge admit
recall reply respond answer observe remark comment mention predict promise
pledge vow threaten allege confirm concede complain contend maintain conclude
reveal disclose tweet post hint signal ask wonder urge demand propose agree
assure reassure inform testify boast joke quip recount reiterate repeat
underline underscore highlight clarify specify speculate caution counter
retort rebut dispute charge estimate point indicate find show predict
acknowledge lament proclaim tout concur accuse decry protest affirm
""".split())

# Verbs that report a stance or belief: accepted only with a clause (ccomp)
# as content, because "think"/"believe"/"hope" mostly govern other things.
BELIEF_VERBS: frozenset[str] = frozenset("""
believe think hope fear expect feel know understand doubt worry learn
""".split())

# Verbs that only count as a cue with a quote or when inverted ("..., he
# continued"), never with their own ordinary objects ("continued to fight").
FRAME_ONLY_VERBS: frozenset[str] = frozenset("continue go".split())

# Verbs whose reported content is their direct object (or object plus
# infinitive: "urged both sides to talk"): "cited X", "called for X".
OBJECT_VERBS: frozenset[str] = frozenset("""
cite mention describe question criticize criticise condemn praise propose
demand reject endorse deny announce reveal offer urge ask call accuse blame
welcome reference liken recall highlight stress emphasize emphasise express
dismiss denounce decry slam blast discuss promise pledge vow threaten
request seek encourage attack refuse decline oppose defend back compare
acknowledge report note suggest explain confirm admit show
""".split())

# Verbs whose content follows their object and a preposition: "accused Moscow
# of stalling", "warned Kyiv against escalation".
OBJECT_PREP_CUES: dict[str, frozenset[str]] = {
    "accuse": frozenset({"of"}),
    "blame": frozenset({"for"}),
    "criticize": frozenset({"for"}),
    "criticise": frozenset({"for"}),
    "praise": frozenset({"for"}),
    "warn": frozenset({"of", "about", "against"}),
    "ask": frozenset({"for", "about"}),
    "charge": frozenset({"with"}),
    "press": frozenset({"on", "for"}),
    "urge": frozenset({"on"}),
}

# Verb + preposition pairs where the prepositional object is the content:
# "called for talks", "spoke of a new order", "warned against escalation".
PREP_CUES: dict[str, frozenset[str]] = {
    "call": frozenset({"for", "on"}),
    "speak": frozenset({"of", "about"}),
    "talk": frozenset({"about", "of"}),
    "warn": frozenset({"of", "about", "against"}),
    "ask": frozenset({"for", "about"}),
    "complain": frozenset({"about", "of"}),
    "push": frozenset({"for"}),
    "press": frozenset({"for"}),
    "argue": frozenset({"for", "against"}),
    "point": frozenset({"to"}),
    "refer": frozenset({"to"}),
    "insist": frozenset({"on"}),
    "appeal": frozenset({"for"}),
    "comment": frozenset({"on"}),
}

# Prepositions that open a phrase about the saying itself, not the said ("…, she said, without giving
# details", "…, he said, in an interview", "…, she told reporters, at a news conference").
SAYING_PREPS: frozenset[str] = frozenset("without in at on during to via through".split())

# Cues with which an outlet cites itself in its own article ("according to UNN", "TASS reports").
SELF_CITATION_CUES: frozenset[str] = frozenset({"according to", "reports", "reported", "writes", "wrote", "informs"})

# Verbs of quoting someone "as saying": the one quoted is the speaker ("TASS quoted Peskov as saying").
QUOTING_VERBS: frozenset[str] = frozenset("quote cite".split())

# Verbs that take the addressee as object ("told CNN"), so their object is
# never content.
ADDRESSEE_VERBS: frozenset[str] = frozenset("tell assure reassure inform warn remind ask urge".split())

# Nouns for a reported utterance: "X's report says", "X's official line is
# that", "in X's words". With a possessor, the possessor is the speaker.
REPORT_NOUNS: frozenset[str] = frozenset("""
report statement line position view message argument claim point response
assessment belief conclusion stance words remarks comments comment analysis
study survey poll letter tweet post memo document note release communique
account testimony announcement proposal plan demand assertion contention
verdict finding findings estimate forecast warning answer reply promise pledge
threat assurance insistence accusation allegation suggestion denial
""".split())

# Relative pronouns that stand for a thing: "a letter that says …" speaks for
# whoever issued the letter.
RELATIVE_THINGS: frozenset[str] = frozenset("that which".split())

# Multi-word prepositional cues: "according to X", "in X's words".
# Verbs that put forward a set of points, whose items may follow as a list after a colon:
# "X has presented a six-point plan, which includes:" / "X outlined its demands:".
PROPOSAL_VERBS: frozenset[str] = frozenset("""
present propose unveil outline list table submit publish issue set lay put offer
""".split())
LIST_MARKERS: frozenset[str] = frozenset("- – — • * ·".split())

ACCORDING = ("according", "to")
WORDS_NOUNS: frozenset[str] = frozenset("word words view opinion".split())

# Passive subjects that point back to the sentence before ("This was stated by X").
ANAPHORS: frozenset[str] = frozenset("this that these".split())

# "X made (it) clear that …".
MAKE, CLEAR = "make", "clear"

# Words allowed between two quotes that one clause joins ("that "A," and
# that "B"") so the clause splits into one direct statement per quote.
QUOTE_GLUE: frozenset[str] = frozenset("that and but or also , ; : – — -".split())

# Line openers that look like "Name: text" but are labels, not speakers.
LABELS: frozenset[str] = frozenset("""
update updated watch note photo photos video source sources editor related
read more breaking exclusive analysis opinion listen see also image credit
correction disclaimer description tags share comments advertisement
by caption file map chart graphic getty reuters ap afp
""".split())
