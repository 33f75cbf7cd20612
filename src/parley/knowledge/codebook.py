"""The issue codebook: what each side can want, as propositions with cue phrases for and against.

An analyst writes one YAML file per negotiation they follow (`negotiation`, then
`issues`, each with `id`, `proposition`, `for` and `against` cue lists). Errors name
the file and the entry, because a codebook is hand-written and read by non-programmers.

`cue_bags` reads a codebook the way the positions stage matches it: each cue phrase as a bag
of normalised content words (suffixes stripped, a few synonym classes of negotiation language,
"no/non/stop/halt/prevent" as one negation), the words the analyst writes capitalised as
names a sentence may leave out, and each issue's head noun from its id ("sanctions_on_x" →
sanctions) as one more, weaker cue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

SHIPPED = "data/codebook.yaml"

STOPWORDS = {"a", "an", "the", "of", "to", "for", "in", "on", "with", "and", "or", "as", "by", "at", "from",
             "that", "this", "these", "those", "it", "its", "is", "are", "be", "been", "any", "all", "such",
             "their", "his", "her", "our", "there", "which", "who", "into", "over", "than", "so", "-", "'s",
             "only", "also", "very", "more", "most", "other", "some", "about", "was", "were", "has", "have"}
# Words that turn a proposition round; a cue's negation must meet one of them in the text.
NEGATIVE = {"no", "non", "not", "n't", "never", "without", "stop", "halt", "cease", "prevent", "ban",
            "nothing", "refuse", "against"}
SYNONYMS = (
    ("expand", "expansion", "enlarge", "enlargement", "widen", "widening", "eastward"),
    ("lift", "ease", "easing", "remove", "removal", "relief", "relieve", "scrap", "unfreeze"),
    ("talk", "negotiate", "negotiation", "negotiating", "dialogue", "discussion", "discuss"),
    ("withdraw", "withdrawal", "pullback", "pull", "retreat"),
    ("keep", "stay", "remain", "maintain", "retain", "extend"),
    ("exchange", "swap", "trade"),
    ("prisoner", "detainee", "captive", "hostage"),
    ("release", "free", "freeing", "liberate"),
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
# Words of condemnation: a cue holding one ("illegal sanctions") is its holder's verdict, which
# refusing the thing only confirms ("rejected the illegal sanctions" is still against them).
JUDGEMENT = {"illegal", "illegitimate", "unlawful", "unjust", "unfair", "hypocritical", "unacceptable",
             "blackmail", "criminal", "absurd", "reckless", "provocative", "provocation", "aggression",
             "hegemony", "surrender", "capitulation", "pointless", "futile", "useless", "premature",
             "counterproductive", "disastrous", "shameful", "outrageous", "dangerous", "occupation", "bullying"}
_SUFFIXES = ("ments", "ment", "ions", "ion", "ings", "ing", "edly", "ed", "als", "al", "ly", "ies", "es", "s")


@dataclass(frozen=True)
class Issue:
    id: str
    proposition: str
    for_cues: tuple[str, ...]
    against_cues: tuple[str, ...]

    def cues(self, stance: str) -> tuple[str, ...]:
        return self.for_cues if stance == "for" else self.against_cues


@dataclass(frozen=True)
class Codebook:
    negotiation: str
    issues: tuple[Issue, ...]

    def issue(self, issue_id: str) -> Issue | None:
        return next((i for i in self.issues if i.id == issue_id), None)


def _cue_list(value: object, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: '{key}' must be a list of non-empty phrases")
    return tuple(v.strip() for v in value)


def _issue(raw: object, where: str, seen: set[str]) -> Issue:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: an issue must be a mapping with id, proposition, for and against")
    unknown = set(raw) - {"id", "proposition", "for", "against"}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    issue_id = raw.get("id")
    if not isinstance(issue_id, str) or not issue_id.strip():
        raise ValueError(f"{where}: missing 'id'")
    where = f"{where} ({issue_id})"
    if issue_id in seen:
        raise ValueError(f"{where}: duplicate id")
    seen.add(issue_id)
    proposition = raw.get("proposition")
    if not isinstance(proposition, str) or not proposition.strip():
        raise ValueError(f"{where}: missing 'proposition'")
    # YAML 1.1 may read a bare key as a boolean; accept both spellings.
    for_cues = _cue_list(raw.get("for", raw.get(True)), where, "for")
    against_cues = _cue_list(raw.get("against"), where, "against")
    if not for_cues and not against_cues:
        raise ValueError(f"{where}: needs at least one 'for' or 'against' cue")
    return Issue(issue_id.strip(), proposition.strip(), for_cues, against_cues)


def parse_codebook(text: str, source: str = "<codebook>") -> Codebook:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"{source}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("issues"), list) or not data["issues"]:
        raise ValueError(f"{source}: needs a non-empty 'issues' list")
    seen: set[str] = set()
    issues = tuple(_issue(raw, f"{source}: issue {n}", seen) for n, raw in enumerate(data["issues"], 1))
    return Codebook(str(data.get("negotiation") or Path(source).stem), issues)


def load_codebook(path: Path | None = None) -> Codebook:
    """The codebook at `path`, or the shipped example (Russia–West negotiations) when None."""
    if path is None:
        text = resources.files("parley.knowledge").joinpath(SHIPPED).read_text(encoding="utf-8")
        return parse_codebook(text, SHIPPED)
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{path}: cannot read codebook: {exc.strerror}") from exc
    return parse_codebook(text, str(path))


# -- the codebook as the positions stage matches it ---------------------------------------------

@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Inflectional and a few derivational suffixes off ("withdrawal" ~ "withdraw", "mediation" ~ "mediate")."""
    word = word.lower().strip("'’")
    for suffix in _SUFFIXES:
        rest = len(word) - len(suffix)
        if word.endswith(suffix) and rest >= (5 if suffix in {"ion", "ions", "al", "als"} else 4):
            word = word[:rest] + ("y" if suffix == "ies" else "")
            break
    return word.rstrip("e") if len(word) > 4 else word


_CLASSES = {stem(word): group[0] for group in SYNONYMS for word in group}
_CLASSES.update({stem(word): "NOT" for word in NEGATIVE})
_CLASSES.update({word: "NOT" for word in NEGATIVE})
_JUDGEMENT = {stem(word) for word in JUDGEMENT}


def word_class(word: str) -> str | None:
    """The synonym class of a word or its stem ("NOT" for a negation), if it has one."""
    lower = word.lower()
    return _CLASSES.get(lower) or _CLASSES.get(stem(lower))


def normalise(word: str) -> str:
    return word_class(word) or stem(word)


def _cue_norm(word: str) -> str:
    """A cue word as a sentence's token of it normalises: that token also tries its lemma, so a short root
    under an ending ("arming" → arm, "eased" → ease) gets the root's synonym class here too."""
    lower = word.lower()
    guesses = [lower[:-3], lower[:-3] + "e"] if lower.endswith("ing") else \
        [lower[:-2], lower[:-1]] if lower.endswith("ed") else []
    return word_class(lower) or next((c for g in guesses if len(g) >= 3 and (c := word_class(g))), None) \
        or stem(lower)


def _words(phrase: str) -> list[str]:
    return re.findall(r"[\w']+|n't", phrase)


@dataclass(frozen=True)
class Cue:
    """One cue of an issue as a bag of normalised words."""
    issue: str
    stance: str
    words: tuple[str, ...]
    phrase: str
    names: frozenset[str] = frozenset()  # those of the words that are proper names: one may be missing
    topic: bool = False       # the issue's head noun: evidence only where someone wants or refuses it
    judgement: bool = False   # the cue condemns ("illegal sanctions"): no refusal turns it round

    @property
    def window(self) -> int:
        """How many tokens the words may spread over."""
        return 2 * len(self.words) + 3


def _names(codebook: Codebook) -> frozenset[str]:
    """Words the codebook writes only capitalised (parties, places), a proposition's first word aside."""
    upper, lower = set(), set()
    for issue in codebook.issues:
        written = [w for n, w in enumerate(_words(issue.proposition)) if n or w.isupper()]
        for phrase in issue.for_cues + issue.against_cues:
            written += _words(phrase)
        for word in written:
            (upper if word[0].isupper() else lower).add(word.lower())
    return frozenset(normalise(word) for word in upper - lower)


def _topic(issue: Issue, names: frozenset[str]) -> tuple[str, ...]:
    """The issue's head noun from its id ("sanctions_on_x", "troop_withdrawal"), if the issue's text uses it,
    with the names before it that say whose ("nato_enlargement": NATO's, not any expansion)."""
    words = [normalise(w) for w in re.split(r"[_\W]+", issue.id.lower()) if w]
    preposition = next((n for n, w in enumerate(words) if n and w in STOPWORDS), len(words))
    if not preposition:
        return ()
    head = words[preposition - 1]
    text = _words(" ".join((issue.proposition, *issue.for_cues, *issue.against_cues)))
    used = {normalise(w) for w in text} | {stem(w) for w in text}
    if head not in used or head in names or head in STOPWORDS or head == "NOT":
        return ()
    return (head, *dict.fromkeys(w for w in words[:preposition - 1] if w in names))


@lru_cache(maxsize=16)
def cue_bags(codebook: Codebook) -> tuple[Cue, ...]:
    """Every cue of the codebook, then each issue's head noun (where no other issue shares it)."""
    names = _names(codebook)
    cues = []
    for issue in codebook.issues:
        for stance in ("for", "against"):
            for phrase in issue.cues(stance):
                words = [w for w in _words(phrase.lower()) if w not in STOPWORDS]
                norms = tuple(dict.fromkeys(_cue_norm(w) for w in words))
                if len(words) == 1:
                    norms = (stem(words[0]),)  # a one-word cue is that word itself, not its synonyms
                if norms:
                    judgement = any(normalise(w) in _JUDGEMENT for w in words)
                    cues.append(Cue(issue.id, stance, norms, phrase, names & frozenset(norms), judgement=judgement))
    topics = {issue.id: _topic(issue, names) for issue in codebook.issues}
    heads = [words[0] for words in topics.values() if words]
    for issue_id, words in topics.items():
        if words and heads.count(words[0]) == 1:  # "talks" shared by two issues names neither
            cues.append(Cue(issue_id, "for", words, " ".join(words), frozenset(words[1:]), topic=True))
    return tuple(cues)


def issue_cues(issue: Issue) -> dict[str, list[tuple[str, ...]]]:
    """The normalised word bags an issue is matched by, for a codebook author checking a cue:
    `for` and `against` from its cue phrases, `topic` the head noun from its id (with the names it needs)."""
    bags: dict[str, list[tuple[str, ...]]] = {"for": [], "against": [], "topic": []}
    for cue in cue_bags(Codebook("", (issue,))):
        bags["topic" if cue.topic else cue.stance].append(cue.words)
    return bags
