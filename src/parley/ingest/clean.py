"""Remove website boilerplate from plain article text, line by line, saying why.

Scraped text carries navigation, share prompts, comment forms, photo credits,
bylines and aggregator tags around the article. Each rule below is data: a
name, a reason and a test, plus the part of the document where it may fire
(boilerplate sits in the head and the tail far more than in the body).
A line that reads like a sentence is only ever dropped by a rule that says it
may be (captions, cookie notices, comment forms); every other rule keeps it.
Rules that recognise metadata (a byline, "via RT", a dateline) hand it on.

Two passes: the rules that may fire anywhere go first; what is left shows
where the body starts and ends, and the zone rules run against that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Literal

Zone = Literal["anywhere", "head", "tail", "end"]

_SENTENCE_ENDS = (".", "!", "?", "…", ":", ";")
_CLOSERS = "\"'”’»“‘«)]*"
_QUOTES = re.compile("[\"“”«»„]")
_BULLET = re.compile(r"^([-–—•*·▪►]|\d{1,2}[.)])\s")
_WORD = re.compile(r"[^\W_]+")
_SPACES = re.compile(r" {2,}")
_DIGIT = re.compile(r"\d")


def ends_sentence(line: str) -> bool:
    """The line (which has no line break) ends like a sentence, closing quotes and brackets aside."""
    return line.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def is_sentence(line: str) -> bool:
    """A line that reads like running text: never boilerplate unless a rule says so."""
    return ends_sentence(line) and len(line.split()) >= 4


def is_body(line: str) -> bool:
    """A line that marks where the article body is (to find the head and the tail)."""
    words = len(line.split())
    return (ends_sentence(line) and words >= 6) or words >= 25


def looks_like_headline(line: str) -> bool:
    """Short, and not ending like a sentence (a question or exclamation is fine)."""
    return (len(line) <= 200 and len(line.split()) < 25 and bool(_WORD.search(line))
            and not re.search(r"[.,;:]$", line.rstrip(_CLOSERS)) and not _BULLET.match(line))


@dataclass(frozen=True)
class Context:
    """What a positional rule may look at besides the line itself (rules that fire anywhere see the line
    alone: their verdicts on a line are kept from one article to the next)."""

    title: str | None


@dataclass(frozen=True)
class Rule:
    name: str
    reason: str
    test: Callable[[str, Context], object]  # truthy when the line is boilerplate; a match's `value` is metadata
    zone: Zone = "anywhere"  # head: before the body starts; tail: after it ends; end: in the latter half
    meta: str | None = None  # the metadata field that the match's `value` fills
    sentences: bool = False  # may drop a line that reads like a sentence
    cut: bool = False  # a marker: everything after it goes too (comment forms, author bios)
    block: bool = False  # a heading: the non-sentence lines right under it go too (a list of links)


def _line(pattern: str, flags: int = re.IGNORECASE) -> Callable[[str, Context], object]:
    """The whole line matches."""
    regex = re.compile(pattern, flags)
    return lambda line, _ctx: regex.fullmatch(line)


def _short(pattern: str, max_words: int) -> Callable[[str, Context], object]:
    """A line of at most `max_words` words that contains the pattern (lines have single spaces here)."""
    regex = re.compile(pattern, re.IGNORECASE)
    return lambda line, _ctx: line.count(" ") < max_words and regex.search(line)


@dataclass(frozen=True)
class _Value:
    """A predicate's answer that carries metadata, as a regex match's `value` group does."""

    text: str

    def group(self, _name: str) -> str:
        return self.text


def _no_word(line: str, _ctx: Context) -> bool:
    return not _WORD.search(line)


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _repeats_title(line: str, ctx: Context) -> bool:
    """The title again, whole or in parts (kicker and headline on separate lines)."""
    if not ctx.title:
        return False
    title, words = _words(ctx.title), _words(line)
    if not words or len(words) > len(title):
        return False
    if words == title:
        return True
    return len(words) >= 3 and any(title[i:i + len(words)] == words for i in range(len(title) - len(words) + 1))


def _fragment(max_words: int) -> Callable[[str, Context], bool]:
    """A short line that is no sentence, list item or quote: a label, a tag, link text."""
    return lambda line, _ctx: (len(line.split()) <= max_words and not ends_sentence(line)
                               and not _BULLET.match(line) and not _QUOTES.search(line))


def _menu_bar(line: str, _ctx: Context) -> bool:
    """'Homeland | The Corran | Army | World': three or more short items between separators."""
    items = re.split(r"\s[|·•]\s", line)
    return len(items) >= 3 and all(0 < len(item.split()) <= 3 for item in items) and not ends_sentence(line)


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:T[\d:.+-]+Z?)?|\d{1,2}[./]\d{1,2}[./]\d{2,4}",
    re.IGNORECASE,
)
_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
_DATE_WORDS = re.compile(
    r"\b(?:published|updated|posted|last|first|modified|date|on|at|the|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?"
    r"|gmt|utc|et|est|edt|pt|pst|pdt|cet|cest|eet|eest|bst|msk|[ap]\.?m)\b\.?",
    re.IGNORECASE,
)


def _date_line(line: str, _ctx: Context) -> _Value | None:
    """A line that is only a date (maybe with a time and a 'Published' label)."""
    # Cheap tests before the costly search: a date line is short, and every date pattern has a digit.
    if len(line) > 80 or not _DIGIT.search(line):
        return None
    found = _DATE.search(line)
    if not found:
        return None
    rest = _DATE_WORDS.sub(" ", _TIME.sub(" ", _DATE.sub(" ", line)))
    return None if _WORD.search(re.sub(r"\d", "", rest)) else _Value(found.group(0))


_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’./-]*){0,3}"
_OUTLET = r"[^\W\d_][\w .&'’/-]{0,40}"
_FULL_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"  # two to four capitalised words
_PROPER = r"[A-Z][\w&'’.-]*(?:\s[A-Z&][\w&'’.-]*){0,3}"  # capitalised words: a place, an outlet, a person
_SOCIAL = (r"facebook|twitter|x|linkedin|reddit|whatsapp|telegram|viber|vk|pinterest|instagram|youtube|tiktok"
           r"|flipboard|e-?mail|print|rss")
_AGENCIES = (r"reuters|afp|ap|epa|dpa|tass|sputnik|ria novosti|anadolu|xinhua|getty images|pool|shutterstock"
             r"|unian|ukrinform")
_CAPTION_START = re.compile(
    r"(?:photo|image|picture|pic|illustration|graphic|caption|credits?|photo credit|фото)s?\s*(?:by\s|[:/|©])"
    r"|\(?(?:photo|image|picture)s?\s*(?:by\s|:)[^)]*\)?$|file photo\b",
    re.IGNORECASE,
)
_CAPTION_END = re.compile(
    rf"\b(?:{_AGENCIES})\s*(?:/|via)\s*[\w .'’-]{{1,40}}\)?$|\((?:photo|image|picture)s?\s*(?::|by)[^)]*\)$"
    r"|\bvia getty images\)?$"
    # "…, 2026. Halcyon Wire/Lena Voss": an agency/photographer credit closing a caption sentence.
    rf"|[.!?][\"”’»]?\s+(?-i:{_PROPER}\s?/\s?{_PROPER})\)?$",
    re.IGNORECASE,
)


# A credit alone on its line: "Getty Images", "AP Photo/Lena Voss", "EPA-EFE/Mara Quill".
_CREDIT_ONLY = re.compile(rf"(?:{_AGENCIES}|epa-efe)(?:\s+photos?)?(?:\s*/\s*[\w .'’-]{{1,40}})?", re.IGNORECASE)


def _caption(line: str, _ctx: Context) -> bool:
    if line.count(" ") >= 60:
        return False
    if _CAPTION_START.match(line) or _CREDIT_ONLY.fullmatch(line):
        return True
    # Credits end the line with an agency, a slash or a parenthesis: test the tail only.
    return ("/" in line or "via" in line or line.endswith(")")) and bool(_CAPTION_END.search(line, len(line) - 120))


RULES: list[Rule] = [
    Rule("lone-punctuation", "a line without a letter or digit", _no_word),
    Rule("tag-list", "the article's tags or topics, under their heading",
         _line(r"tags?:?|keywords?:?|topics?:?|related topics:?|filed under:?"), block=True),
    Rule("aggregator-tag", "a tag added by a news aggregator",
         _line(r"source\s+site-\d+|description|summary|tags?:?.*|keywords?:?.*|topics?:.*|categor(?:y|ies):?.*"
               r"|filed under:?.*")),
    Rule("advertisement", "an advertisement slot or its label",
         _line(r"advertisements?|advertising|sponsored(?: content)?|ad|promoted|anzeige|publicité|scroll to continue"
               r"(?: with content)?|(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?"
               r"|continue reading(?: below| the main story)?")),
    Rule("navigation", "site navigation or a search prompt",
         _line(r"skip to (?:main )?content|(?:main |open |close )?menu|home(?:page)?|toggle navigation|search"
               r"(?: for| this site| the site| news)?\s*:?|(?:type|enter) (?:your search|to search|search).*"
               r"|press enter to search.*|back to top|(?:next|previous|prev) (?:article|story|post)"
               r"|log ?in|sign ?in|log ?out|register|close|breaking(?: news)?|latest(?: news)?|top stories"
               r"|most (?:read|popular|viewed|shared)|trending(?: now)?|you are here:.*|editor'?s'? picks?"
               r"|watch more|more videos?"
               r"|home\s*[>»›/|].*|\w[\w '&-]{0,30}(?:\s[>»›]\s[\w '&-]{1,30}){2,6}")),
    Rule("menu-bar", "a row of menu or link items", _menu_bar),
    Rule("share-prompt", "a share or social-media prompt",
         _line(rf"connect with us|follow us(?: on .{{1,40}})?|follow .{{1,40}} on (?:google news|{_SOCIAL})"
               rf"|share(?: (?:this|the) (?:article|story|post|page))?(?: (?:on|via) .{{1,30}})?:?|share via:?|tweet"
               rf"|copy(?: the)? link|{_SOCIAL}"
               r"|click (?:here )?to (?:share|print|email).*|\d+\s+shares?|share\d+|(?:share|follow) on:?.*")),
    Rule("subscribe-prompt", "a newsletter or channel sign-up prompt",
         _short(r"\b(?:subscribe|sign up|sign-up|join (?:us|our))\b.*\b(?:newsletter|channel|inbox|updates|alerts"
                r"|briefing|digest|bulletin"
                r"|telegram|whatsapp|notifications|email)|^subscribe(?: now| here)?$|^newsletters?$"
                r"|^enter your e-?mail|\b(?:in|to) your inbox\b|\bno spam\b|\bunsubscribe\b", 30),
         sentences=True),
    Rule("account-prompt", "a prompt to sign up, log in or save articles",
         _short(r"^(?:sign up|register|log in)(?: here| now| for free)?\.?$"
                r"|^save (?:articles?|stories|this (?:article|story))\b.*\b(?:later|reading list)\b"
                r"|^create (?:a|your) (?:free )?account\b|^already (?:a subscriber|have an account)\b", 15),
         sentences=True),
    Rule("support-prompt", "an appeal for donations or paying members",
         _short(r"^(?:support (?:independent|our|quality) journalism|become a (?:member|patron|subscriber|supporter)"
                r"|donate(?: now| today)?\b|make a donation\b|help us (?:keep|continue)\b)", 15),
         sentences=True),
    Rule("click-prompt", "a 'click here' prompt to a map, video or other page",
         _short(r"^click here\b", 25), sentences=True),
    Rule("error-report-prompt", "a prompt to report a typo or error",
         _short(r"\bctrl\s*\+\s*enter\b"
                r"|^(?:report an? (?:error|typo|mistake)|spotted an? (?:error|typo|mistake))\b", 30),
         sentences=True),
    Rule("read-more", "links to other articles",
         _line(r"(?:read (?:more|also|next)|see also|also read|related(?: articles?| stories| news| coverage)?"
               r"|read the full (?:report|article|story|text|interview)(?: here)?\.?"
               r"|recommended(?: for you)?|you (?:may|might) also like|more (?:from|on|stories|news)(?: .{1,40})?)"
               r"(?:\s*[:|>–—-].*)?"),
         sentences=True, block=True),
    Rule("wire-credit", "the wire service's reporting and editing credits",
         _short(r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|translated|produced) by\b"
                r"|\bcontributed (?:reporting|to this (?:report|story|article))\b", 40),
         sentences=True),
    Rule("copyright", "a copyright notice", _short(r"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b", 30),
         sentences=True),
    Rule("photo-caption", "a photo caption or credit", _caption, sentences=True),
    Rule("cookie-notice", "a cookie or privacy notice",
         _short(r"\bcookies?\b.*\b(?:use|accept|consent|policy|settings|browser|website)\b"
                r"|\b(?:accept|reject|allow|manage)\b.*\bcookies?\b", 40), sentences=True),
    Rule("site-policy", "a link to the site's policies or standards",
         _short(r"\b(?:our standards|editorial (?:standards|principles|guidelines|policy)|trust principles"
                r"|privacy policy|terms of (?:use|service)|corrections policy|contact us|about us)\b", 15),
         sentences=True),
    Rule("disclaimer", "an opinion disclaimer",
         _short(r"\b(?:views|opinions) expressed\b|\bdo(?:es)? not necessarily reflect\b", 40), sentences=True),
    Rule("product-note", "a standing note on how a report is made (data cut-off, what it does not cover)",
         _short(r"\bdata cut-?off\b|^we do not report in detail on\b", 40), sentences=True),
    Rule("page-widget", "a page widget label (audio, reading time, font size)",
         _line(r"(?:please )?enable javascript.*|your browser does not support.*|loading\.*|listen to (?:this )?"
               r"article.*|\d+\s*min(?:ute)?s?\.? read|reading time:?.*|print (?:this )?(?:article|page)"
               r"|font size:?.*|a-?\s*a\+?|watch:?|video|gallery|photos?|\d+ (?:photos|images)|live")),
    Rule("comment-form-field", "a comment form's fields and notices",
         _line(r"your email address will not be published\.?.*|required fields are marked.*|save my name,? email,? "
               r"and website.*|cancel reply|post comment|(?:name|email|e-mail|website|comment)\s*\*?:?"
               r"|you must be logged in to post a comment\.?"),
         sentences=True),
    Rule("via-outlet", "the outlet a story was taken from (kept as outlet metadata)",
         _line(rf"(?:via|source:|(?:this (?:article|story) (?:was )?)?originally (?:published|appeared)"
               rf" (?:by|in|on|at):?)\s*(?P<value>{_OUTLET}?)\.?"), meta="outlet", sentences=True),
    Rule("date-line", "a date line (kept as the publication date)", _date_line, meta="published"),
    # Zone rules: they fire only where boilerplate of their kind sits.
    Rule("comment-form", "a comment form or the comments under the article",
         _line(r"leave a (?:reply|comment)|(?:post|add|write) a comment|\d*\s*comments?(?:\s*\(\d+\))?"
               r"|join the (?:conversation|discussion)|comments are closed\.?|reader comments"),
         zone="end", sentences=True, cut=True),
    Rule("author-bio", "a 'Written by' block or author bio after the article",
         _line(r"(?:written|posted|published) by(?:\s*:?\s*" + _NAME + r")?|about the authors?|author bio"
               r"|the authors?|authors?:?"),
         zone="end", sentences=True, cut=True),
    Rule("author-bio-line", "a one-line author bio after the article",
         _line(rf"(?-i:{_FULL_NAME}) is (?:a|an|the) (?:[\w-]+ ){{0,3}}(?:correspondent|reporter|journalist|editor"
               r"|columnist|writer|contributor)\b.*"),
         zone="end", sentences=True),
    Rule("repeated-title", "the title repeated near the top", _repeats_title, zone="head"),
    Rule("byline", "a byline (kept as author metadata)",
         _line(rf"(?:by|written by|author:|authors:|text:|von|par|por)\s+(?P<value>(?-i:{_NAME})"
               rf"(?:\s*(?:,|and|&)\s*(?-i:{_NAME}))*?)(?:\s*[,|•·–—-]\s*[^.!?]{{0,60}})?"),
         zone="head", meta="author"),
    Rule("author-list", "the authors' names without 'By' (kept as author metadata)",
         _line(rf"(?P<value>{_FULL_NAME}(?:\s*,\s*{_FULL_NAME})*,?\s+(?:and|&)\s+{_FULL_NAME})", flags=0),
         zone="head", meta="author"),
    Rule("dateline", "a dateline 'Place • Outlet' (kept as outlet metadata)",
         _line(rf"{_PROPER}\s+[•·|]\s+(?P<value>{_PROPER})", flags=0), zone="head", meta="outlet"),
    Rule("head-fragment", "a short label before the article starts (section, site name, update time)",
         _fragment(5), zone="head"),
    Rule("trailing-fragment", "a short non-sentence after the article's last sentence", _fragment(12),
         zone="tail"),
]

TITLE_RULE = Rule("title", "the headline (kept as the title)", lambda _line, _ctx: True)


@dataclass(frozen=True)
class Dropped:
    line_no: int  # 1-based, in the normalised input text
    text: str
    rule: str
    reason: str


@dataclass
class Cleaned:
    text: str
    title: str | None
    meta: dict[str, str] = field(default_factory=dict)  # outlet / author / published found in the text
    dropped: list[Dropped] = field(default_factory=list)


_ANYWHERE = frozenset({"anywhere"})
_HEAD = frozenset({"head"})
_NO_CONTEXT = Context(None)


class _Pass:
    """The state of one cleaning: which line went by which rule, and the metadata found."""

    def __init__(self, lines: list[str], title: str | None) -> None:
        self.lines = lines
        self.filled = [i for i, line in enumerate(lines) if line]
        # Which rules may drop a line depends on whether it reads like a sentence: decided once per line.
        self.sentence = [bool(line) and is_sentence(line) for line in lines]
        self.drops: dict[int, Rule] = {}
        self.meta: dict[str, str] = {}
        self.ctx = Context(title)

    def kept(self) -> list[int]:
        return [i for i in self.filled if i not in self.drops]

    def run(self, verdict: Callable[[int], tuple[Rule, object] | None]) -> None:
        cut: Rule | None = None
        for i in self.filled:
            if cut is not None:
                self.drops.setdefault(i, cut)
                continue
            if i in self.drops:
                continue
            hit = verdict(i)
            if hit is None:
                continue
            rule, found = hit
            self.drops[i] = rule
            value = found.group("value").strip(" ,.-") if rule.meta and hasattr(found, "group") else ""
            if value:
                self.meta.setdefault(rule.meta, value)
            if rule.cut:
                cut = rule
            elif rule.block and len(self.lines[i].split()) <= 4:
                self._drop_block(i, rule)

    def _drop_block(self, start: int, rule: Rule) -> None:
        """The lines under a bare heading such as 'Read more:', up to a blank line, a sentence,
        or a line that another rule explains better."""
        for j in range(start + 1, len(self.lines)):
            line = self.lines[j]
            if not line or self.sentence[j] or _anywhere(line, False):
                return
            self.drops.setdefault(j, rule)


def clean(text: str, title: str | None = None) -> Cleaned:
    """Split boilerplate from article text; detect the title unless one is given."""
    lines = [_SPACES.sub(" ", line) if "  " in line else line for line in (raw.strip() for raw in text.split("\n"))]
    state = _Pass(lines, title)
    state.run(lambda i: _anywhere(lines[i], state.sentence[i]))

    if title is None:
        first = _find_title(lines, state.kept(), state.sentence)
        if first is not None:
            state.drops[first] = TITLE_RULE
            state.ctx = Context(lines[first])

    body = [i for i in state.kept() if is_body(lines[i])]
    head_end = body[0] if body else len(lines)
    tail_start = body[-1] + 1 if body else len(lines)
    half = len(lines) // 2

    def positional(i: int) -> tuple[Rule, object] | None:
        zones = _zones(head=i < head_end, tail=i >= tail_start, end=i > head_end and i >= half)
        # A body line in the middle is in no zone: no positional rule applies.
        return _first_rule(lines[i], state.ctx, zones, state.sentence[i]) if zones else None

    state.run(positional)
    return Cleaned(
        text=_join(line for i, line in enumerate(lines) if i not in state.drops),
        title=state.ctx.title,
        meta=state.meta,
        dropped=[Dropped(i + 1, lines[i], rule.name, rule.reason) for i, rule in sorted(state.drops.items())],
    )


@lru_cache(maxsize=None)
def _zones(head: bool, tail: bool, end: bool) -> frozenset[str]:
    """The positional zones a line is in (the second pass runs only their rules)."""
    return frozenset(zone for zone, inside in (("head", head), ("tail", tail), ("end", end)) if inside)


def _find_title(lines: list[str], kept: list[int], sentence: list[bool]) -> int | None:
    """The headline: among the lines before the body, the first headline-like one of four words or more
    (shorter ones are more often a site name or a section), else the first headline-like one."""
    head: list[int] = []
    for i in kept:
        if looks_like_headline(lines[i]) and not _first_rule(lines[i], _NO_CONTEXT, _HEAD, sentence[i],
                                                             meta_only=True):
            head.append(i)
        if is_body(lines[i]):  # the body has started (a question headline may itself read like a sentence)
            break
    if not head or head[0] == kept[-1]:
        return None
    return next((i for i in head if len(lines[i].split()) >= 4), head[0])


@lru_cache(maxsize=4096)
def _anywhere(line: str, sentence: bool) -> tuple[Rule, object] | None:
    """The first rule of those that fire anywhere that fires on the line. They judge the line alone, so the
    verdict is kept for the next article: a site repeats its menus, prompts and forms on every page."""
    return _first_rule(line, _NO_CONTEXT, _ANYWHERE, sentence)


def _first_rule(line: str, ctx: Context, zones: frozenset[str], sentence: bool,
                meta_only: bool = False) -> tuple[Rule, object] | None:
    """The first rule of those zones that fires on the line, with what its test found."""
    for rule in _rules_for(zones, sentence, meta_only):
        found = rule.test(line, ctx)
        if found:
            return rule, found
    return None


@lru_cache(maxsize=None)
def _rules_for(zones: frozenset[str], sentence: bool, meta_only: bool) -> tuple[Rule, ...]:
    """The rules that may fire on a line of this kind, in order: chosen once per kind of line, not per line."""
    return tuple(rule for rule in RULES if rule.zone in zones and (rule.meta or not meta_only)
                 and (rule.sentences or not sentence))


def _join(lines: Iterable[str]) -> str:
    """Kept lines, with runs of blank lines cut to one and none at either end."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
