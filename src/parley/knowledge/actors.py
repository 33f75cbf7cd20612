"""The actor knowledge base: who a mention in an article can stand for.

The shipped files `data/actors/*.yaml` plus any user files (`--actors FILE`)
are read once and turned into dict indexes, so every lookup the mention
resolver makes per token is a dictionary hit. All lookups compare names through
`normalize_name`, the same function the evaluation uses, and ignore a
leading "the" and a trailing possessive. The schema is documented in
`docs/knowledge-base.md`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterator, Sequence

import yaml

from parley.knowledge.names import normalize_name, strip_accents, strip_possessive

DATA_DIR = Path(__file__).parent / "data" / "actors"

# The schema's sections; also the load order of the shipped files named after them.
SECTIONS = ("states", "organizations", "people", "media")
_TOP_KEYS = {"version", "role_types", *SECTIONS}
_KEYS = {
    "states": {"id", "name", "iso3", "aliases", "demonyms", "capital", "capital_is_seat", "seats", "places", "un",
               "leader"},
    "organizations": {"id", "name", "code", "aliases", "demonyms", "seats", "kind", "parent", "role", "leader"},
    "people": {"id", "name", "aliases", "surname", "country", "roles"},
    "media": {"id", "name", "aliases", "country", "type", "role", "parent"},
}
_REQUIRED = {
    "states": {"id", "name", "iso3", "capital"},
    "organizations": {"id", "name", "code"},
    "people": {"id", "name"},
    "media": {"id", "name", "type"},
}
_ROLE_KEYS = {"type", "of", "title", "seat", "from", "to"}
_UN_STATUS = {"member", "observer", "none"}
_ORG_KINDS = {"organization", "group"}
_MEDIA_TYPES = {"think_tank", "outlet", "agency"}
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# Words that may precede a name without being part of it ("Mr", "former", "Russian President ...").
_HONORIFICS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "madam", "madame", "mme", "monsieur",
    "herr", "frau", "prof", "professor", "gen", "general", "former", "acting", "outgoing",
    "incoming", "elect", "then", "late", "us", "uk", "eu", "un", "nato",
}
# Function words dropped from role nouns and the phrases matched against them.
_FUNCTION_WORDS = {"of", "the", "for", "to", "a", "an", "in", "on", "at", "and"}
# Qualifiers that put an office at another time than the article's date.
_NOT_CURRENT = {"former", "ex", "late", "previous", "past", "incoming", "future", "designate"}
# Name tails that are not surnames ("Jr.", "III").
_NOT_SURNAMES = {"jr", "sr", "ii", "iii", "iv", "xiv", "xvi"}
_SURNAME_PARTICLES = {"von", "van", "der", "den", "de", "del", "della", "da", "di", "la", "le", "al", "el", "bin", "ibn"}


@dataclass(frozen=True)
class Role:
    """One office held over a span of time; `of` is the affiliation code it acts for."""

    type: str
    of: str
    title: str | None = None
    seat: str | None = None
    start: date | None = None
    end: date | None = None
    seats: tuple[str, ...] = ()

    def active(self, on: date) -> bool:
        """Held on that day; both ends inclusive, so a hand-over day has two holders (the later start wins)."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Entry:
    """A canonical actor: a state, an organisation or group, a person, or a media outlet/think tank."""

    id: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...] = ()
    role: str | None = None
    roles: tuple[Role, ...] = ()
    parent: str | None = None
    media_type: str | None = None
    demonyms: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    capital: str | None = None
    un: str | None = None
    leader: str | None = None
    capital_is_seat: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def role_on(self, on: date | None) -> Role | None:
        """The role held on that day (the latest-starting if several); with None, the current or last one."""
        if on is None:
            return _most_recent(self.roles)
        active = [r for r in self.roles if r.active(on)]
        return max(active, key=_start_key, default=None)

    def country_on(self, on: date | None) -> str | None:
        """Affiliation on a date: who a person spoke for then (Stoltenberg: NATO in 2020, NOR in 2025)."""
        role = self.role_on(on)
        return role.of if role is not None else self.country


def _start_key(role: Role) -> date:
    return role.start or date.min


def _most_recent(roles: Sequence[Role]) -> Role | None:
    """The first-listed current role, else the one that ended last."""
    current = [r for r in roles if r.end is None]
    if current:
        return current[0]
    return max(roles, key=lambda r: r.end or date.min, default=None)


@dataclass
class _Doc:
    """One parsed file: its role types and its entries, each remembered with the file it came from."""

    source: str
    role_types: dict[str, dict[str, Any]] = field(default_factory=dict)
    entries: list[tuple[Entry, str]] = field(default_factory=list)


class _Invalid(Exception):
    """A problem in one entry; turned into a ValueError naming file and entry."""


def _key(text: str) -> str:
    """The index key: normalised, possessive and a leading "the" dropped."""
    key = normalize_name(strip_possessive(text))
    return key[4:] if key.startswith("the ") else key


def _words(value: Any, what: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(value)
    raise _Invalid(f"{what} must be a string or a list of non-empty strings")


def _text(value: Any, what: str, required: bool = False) -> str | None:
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{what} must be a non-empty string")
    return value.strip()


def _flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(f"{what} must be true or false, not {value!r}")
    return value


def _date(value: Any, what: str) -> date | None:
    """A date, or a partial one ("2023", "2023-03") read as its first day."""
    if value is None or isinstance(value, date):
        return value
    match = _PARTIAL_DATE.match(str(value).strip())
    if not match:
        raise _Invalid(f"{what} must be a date YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError as err:
        raise _Invalid(f"{what}: {err}") from None


def _role(raw: Any) -> Role:
    if not isinstance(raw, dict):
        raise _Invalid("each role must be a mapping")
    unknown = set(raw) - _ROLE_KEYS
    if unknown:
        raise _Invalid(f"unknown role key(s) {sorted(unknown)}")
    seats = _words(raw.get("seat"), "role seat")
    start, end = _date(raw.get("from"), "role from"), _date(raw.get("to"), "role to")
    if start and end and end < start:
        raise _Invalid(f"role ends ({end}) before it starts ({start})")
    return Role(
        type=_text(raw.get("type"), "role type", required=True),
        of=_text(raw.get("of"), "role of", required=True).upper(),
        title=_text(raw.get("title"), "role title"),
        seat=seats[0] if seats else None,
        start=start,
        end=end,
        seats=seats,
    )


def _surnames(raw: dict[str, Any], names: Sequence[str]) -> tuple[str, ...]:
    """Surname aliases derived from full names ("Putin" from "Vladimir Putin", "von der Leyen" too).

    A `surname` key replaces the derivation (needed where the family name comes
    first: Xi Jinping -> Xi); `surname: null` turns it off.
    """
    if "surname" in raw:
        return _words(raw["surname"], "surname")
    found: list[str] = []
    for full in names:
        tokens = [t for t in full.split() if normalize_name(t) not in _NOT_SURNAMES]
        if len(tokens) < 2:
            continue
        start = len(tokens) - 1
        while start > 0 and normalize_name(tokens[start - 1]) in _SURNAME_PARTICLES:
            start -= 1
        surname = " ".join(tokens[start:])
        if start > 0 and surname not in found:  # "Von der Leyen" is already a surname
            found.append(surname)
    return tuple(found)


def _entry(section: str, raw: dict[str, Any]) -> Entry:
    unknown = set(raw) - _KEYS[section]
    if unknown:
        raise _Invalid(f"unknown key(s) {sorted(unknown)}")
    missing = {k for k in _REQUIRED[section] if raw.get(k) in (None, "")}
    if missing:
        raise _Invalid(f"missing required key(s) {sorted(missing)}")
    ident = _text(raw["id"], "id", required=True)
    name = _text(raw["name"], "name", required=True)
    aliases = _words(raw.get("aliases"), "aliases")
    common = dict(id=ident, name=name, aliases=aliases)
    if section == "states":
        iso3 = _text(raw["iso3"], "iso3", required=True)
        if not re.fullmatch(r"[A-Z]{3}", iso3):
            raise _Invalid(f"iso3 must be three capital letters, not {iso3!r}")
        un = raw.get("un", "member")
        if un not in _UN_STATUS:
            raise _Invalid(f"un must be one of {sorted(_UN_STATUS)}, not {un!r}")
        return Entry(
            **common, kind="state", country=iso3, demonyms=_words(raw.get("demonyms"), "demonyms"),
            seats=_words(raw.get("seats"), "seats"), places=_words(raw.get("places"), "places"),
            capital=_text(raw["capital"], "capital", required=True),
            un=un, leader=_text(raw.get("leader"), "leader") or "head_of_state",
            capital_is_seat=_flag(raw.get("capital_is_seat", True), "capital_is_seat"),
        )
    if section == "organizations":
        kind = raw.get("kind", "organization")
        if kind not in _ORG_KINDS:
            raise _Invalid(f"kind must be one of {sorted(_ORG_KINDS)}, not {kind!r}")
        return Entry(
            **common, kind=kind, country=_text(raw["code"], "code", required=True).upper(),
            demonyms=_words(raw.get("demonyms"), "demonyms"), seats=_words(raw.get("seats"), "seats"),
            parent=_text(raw.get("parent"), "parent"), role=_text(raw.get("role"), "role"),
            leader=_text(raw.get("leader"), "leader"),
        )
    if section == "media":
        if raw["type"] not in _MEDIA_TYPES:
            raise _Invalid(f"type must be one of {sorted(_MEDIA_TYPES)}, not {raw['type']!r}")
        country = _text(raw.get("country"), "country")
        return Entry(
            **common, kind="organization", country=country.upper() if country else None,
            media_type=raw["type"], role=_text(raw.get("role"), "role"), parent=_text(raw.get("parent"), "parent"),
        )
    roles_raw = raw.get("roles") or []
    if not isinstance(roles_raw, list):
        raise _Invalid("roles must be a list")
    roles = tuple(_role(r) for r in roles_raw)
    current = _most_recent(roles)
    country = _text(raw.get("country"), "country")
    if country is None and current is None:
        raise _Invalid("a person without roles needs a country")
    surnames = tuple(s for s in _surnames(raw, (name, *aliases)) if _key(s) not in {_key(a) for a in (name, *aliases)})
    return Entry(
        **{**common, "aliases": aliases + surnames}, kind="person",
        country=country.upper() if country else current.of,
        role=current.title if current else None, roles=roles,
    )


def _parse(data: Any, source: str) -> _Doc:
    """Validate one file's content and turn it into entries; errors name the file and the entry."""
    if not isinstance(data, dict):
        raise ValueError(f"{source}: the top level must be a mapping with keys {sorted(_TOP_KEYS)}")
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ValueError(f"{source}: unknown top-level key(s) {sorted(unknown)}")
    if data.get("version", 1) != 1:
        raise ValueError(f"{source}: version {data['version']!r} is not supported (this Parley reads version 1)")
    doc = _Doc(source)
    role_types = data.get("role_types") or {}
    if not isinstance(role_types, dict):
        raise ValueError(f"{source}: role_types must be a mapping of type -> {{nouns: [...]}}")
    for name, spec in role_types.items():
        try:
            if not isinstance(spec, dict) or set(spec) - {"nouns", "covers", "alone"}:
                raise _Invalid("must be a mapping with 'nouns' and optionally 'covers' and 'alone'")
            doc.role_types[str(name)] = {
                "nouns": _words(spec.get("nouns"), "nouns"), "covers": _words(spec.get("covers"), "covers"),
                "alone": _flag(spec.get("alone", False), "alone"),
            }
        except _Invalid as err:
            raise ValueError(f"{source}: role type {name!r}: {err}") from None
    seen: set[str] = set()
    for section in SECTIONS:
        items = data.get(section) or []
        if not isinstance(items, list):
            raise ValueError(f"{source}: {section} must be a list of entries")
        for index, raw in enumerate(items):
            label = raw.get("id") if isinstance(raw, dict) and raw.get("id") else f"#{index + 1}"
            try:
                if not isinstance(raw, dict):
                    raise _Invalid("must be a mapping")
                entry = _entry(section, raw)
                if entry.id in seen:
                    raise _Invalid("duplicate id in this file")
            except _Invalid as err:
                raise ValueError(f"{source}: {section} entry {label!r}: {err}") from None
            seen.add(entry.id)
            doc.entries.append((entry, source))
    return doc


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (C when available) leaving dates as text, so a bad date is reported
    with its entry by `_date` rather than by the YAML parser without one."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


def _read(path: Path) -> _Doc:
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise ValueError(f"{path}: cannot read actors file: {err}") from None
    return _parse(data, str(path))


@functools.lru_cache(maxsize=1)
def _shipped() -> tuple[_Doc, ...]:
    return tuple(_read(path) for path in sorted(DATA_DIR.glob("*.yaml"), key=_file_order))


def _file_order(path: Path) -> tuple[int, str]:
    """states, organizations, people, media (each may refer to the ones before), then any other file."""
    return (SECTIONS.index(path.stem) if path.stem in SECTIONS else len(SECTIONS), path.name)


class KnowledgeBase:
    """Indexes over the merged entries; build with `KnowledgeBase.load()`."""

    def __init__(self, docs: Sequence[_Doc]) -> None:
        self._role_types: dict[str, dict[str, Any]] = {}
        merged: dict[str, tuple[Entry, str]] = {}
        for doc in docs:
            self._role_types.update(doc.role_types)
            for entry, source in doc.entries:
                merged[entry.id] = (entry, source)
        self._check(merged)
        self._entries = {ident: entry for ident, (entry, _) in merged.items()}
        self._index()

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> KnowledgeBase:
        """The shipped knowledge base, then each user file in order: a same `id` replaces, a new one adds."""
        if not extra:
            return _default()
        return cls([*_shipped(), *(_read(Path(p)) for p in extra)])

    def _check(self, merged: dict[str, tuple[Entry, str]]) -> None:
        """Cross-entry checks that only make sense after merging (a user file may add the type or parent)."""
        for ident, (entry, source) in merged.items():
            if entry.parent and entry.parent not in merged:
                raise ValueError(f"{source}: entry {ident!r}: parent {entry.parent!r} is not a known id")
            if entry.leader and entry.leader not in self._role_types:
                raise ValueError(f"{source}: entry {ident!r}: leader {entry.leader!r} is not a role type")
            for role in entry.roles:
                if role.type not in self._role_types:
                    raise ValueError(f"{source}: entry {ident!r}: role type {role.type!r} is not in role_types")
        for name, spec in self._role_types.items():
            for covered in spec["covers"]:
                if covered not in self._role_types:
                    raise ValueError(f"role type {name!r} covers unknown role type {covered!r}")

    def _index(self) -> None:
        self._alias: dict[str, list[str]] = {}
        self._demonym: dict[str, list[str]] = {}
        self._seat: dict[str, list[str]] = {}
        capitals: dict[str, list[str]] = {}
        places: dict[str, list[str]] = {}
        self._holders: dict[tuple[str, str], list[tuple[int, Entry, Role]]] = {}
        forms: set[str] = set()
        for order, entry in enumerate(self._entries.values()):
            for name in entry.names:
                # "Jean-Yves Le Drian" is also written without its hyphen.
                for variant in {name, name.replace("-", " ")}:
                    _add(self._alias, _key(variant), entry.id)
            demonyms = [form for word in entry.demonyms for form in _plural_forms(word)]
            for form in demonyms:
                _add(self._demonym, _key(form), entry.id)
            for seat in entry.seats:
                _add(self._seat, _key(seat), entry.id)
            capital = [entry.capital] if entry.capital and entry.capital_is_seat else []
            for city in capital:
                _add(capitals, _key(city), entry.id)
            for place in entry.places:
                _add(places, _key(place), entry.id)
            forms.update(entry.names, demonyms, entry.seats, capital, entry.places)
            for role in entry.roles:
                self._holders.setdefault((role.type, role.of), []).append((order, entry, role))
        self._places = {key for key in places if key not in self._seat and key not in capitals}
        for key, ids in (*capitals.items(), *places.items()):  # seats first, then capitals, then other places
            self._seat.setdefault(key, ids)
        self._forms = frozenset(forms | {strip_accents(form) for form in forms})
        self._nouns: dict[tuple[str, ...], str] = {}
        for name, spec in self._role_types.items():
            for noun in (name.replace("_", " "), *spec["nouns"]):
                self._nouns.setdefault(tuple(_content_words(normalize_name(noun))), name)
        self._covered_by: dict[str, list[str]] = {}
        for name, spec in self._role_types.items():
            for covered in spec["covers"]:
                self._covered_by.setdefault(covered, []).append(name)
        self._place_words = {word for key in (*self._demonym, *self._seat) for word in key.split()}
        self._place_words.update(word for key, ids in self._alias.items()
                                 if any(self._entries[i].kind != "person" for i in ids) for word in key.split())
        self._title_words = set(_HONORIFICS)
        for words in (*self._nouns, *(k.split() for k in (*self._demonym, *self._seat))):
            self._title_words.update(words)

    # -- lookups -------------------------------------------------------------

    def get(self, ident: str) -> Entry | None:
        return self._entries.get(ident)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def bodies_of(self, ident: str) -> list[Entry]:
        """The organisations whose parent is this entry (a state's ministries, parliament, armed forces)."""
        return [e for e in self._entries.values() if e.parent == ident]

    def role_nouns(self) -> set[str]:
        """Every role noun of every role type ("top diplomat", "spokeswoman"), lower case."""
        return {noun for spec in self._role_types.values() for noun in spec["nouns"]}

    def surface_forms(self) -> set[str]:
        """Every string worth matching in text, as written: names, aliases and derived surnames,
        demonyms and their plurals, seats and capitals, plus their accent-free variants ("Erdogan")."""
        return set(self._forms)

    def by_alias(self, text: str) -> list[Entry]:
        """Entries whose name or alias (people: also surname) equals the text, ignoring case, accents, punctuation.

        Leading honorifics and title words ("Mr.", "Russian President") are
        skipped when the whole text matches nothing.
        """
        key = _key(text)
        ids = self._alias.get(key)
        if not ids:
            tokens = key.split()
            for cut in range(1, len(tokens)):
                if tokens[cut - 1] not in self._title_words:
                    break
                ids = self._alias.get(" ".join(tokens[cut:]))
                if ids:
                    break
        return [self._entries[i] for i in ids or ()]

    def by_demonym(self, word: str) -> Entry | None:
        """The state (or group, for "Western") an adjective or demonym names; None if unknown or ambiguous."""
        return self._unique(self._demonym.get(_key(word)))

    def by_seat(self, text: str) -> Entry | None:
        """The state or organisation a seat of power, capital or other place stands for ("the Kremlin", "Kiev",
        "Brussels", "Kharkiv")."""
        return self._unique(self._seat.get(_key(text)))

    def is_place(self, text: str) -> bool:
        """A place of a state that is neither a seat of power nor a capital ("Kharkiv", "Geneva"): where
        something happens, not who acts."""
        return _key(text) in self._places

    def role_type_for(self, noun_phrase: str) -> str | None:
        """The role type a noun phrase names: the longest known role noun in it, the rightmost on a tie.

        Function words are ignored ("head of the presidential office" = "head presidential
        office"); a phrase about another time ("former foreign minister") names no current
        office; an `alone` noun ("leader", "chief") counts only when nothing but names,
        demonyms and seats qualify it ("the Russian leader", not "the spy chief").
        """
        tokens = _content_words(normalize_name(strip_possessive(noun_phrase)))
        if _NOT_CURRENT & set(tokens):
            return None
        for size in range(len(tokens), 0, -1):
            for start in range(len(tokens) - size, -1, -1):
                found = self._nouns.get(tuple(tokens[start:start + size]))
                if found is None:
                    continue
                rest = tokens[:start] + tokens[start + size:]
                if self._role_types[found]["alone"] and not set(rest) <= self._place_words:
                    return None
                return found
        return None

    def holder(self, role_type: str, country: str, on: date | None = None, seat: str | None = None) -> Entry | None:
        """The person holding a role for a state or organisation on a date (None: the most recent holder).

        `seat` is the office qualifying the noun ("Kremlin" spokesman, "State
        Department" spokesperson, ambassador to the "UN"). Roles at that seat
        win; roles without a seat come next. Without a seat, seatless roles win,
        else the office listed first in the file. "leader" means the state's
        `leader` role type; a type with no holder falls back to the types that
        `cover` it (the EU's "top diplomat" is its High Representative).
        """
        code = country.upper()
        if role_type == "leader":
            role_type = self._leader_type(code, seat)
        candidates = self._holders.get((role_type, code), [])
        if not candidates:
            for other in self._covered_by.get(role_type, ()):
                candidates = candidates + self._holders.get((other, code), [])
        if on is not None:
            candidates = [c for c in candidates if c[2].active(on)]
        if seat and self._names_state(seat, code):
            seat = None  # "Moscow's spokesman" qualifies nothing beyond the country
        candidates = self._at_seat(candidates, seat)
        if not candidates:
            return None
        if on is None:
            current = [c for c in candidates if c[2].end is None]
            if current:
                return max(current, key=lambda c: (_start_key(c[2]), -c[0]))[1]
            return max(candidates, key=lambda c: (c[2].end or date.min, -c[0]))[1]
        return max(candidates, key=lambda c: (_start_key(c[2]), -c[0]))[1]

    def _at_seat(self, candidates: list[tuple[int, Entry, Role]], seat: str | None) -> list[tuple[int, Entry, Role]]:
        seatless = [c for c in candidates if not c[2].seats]
        if seat:
            matching = [c for c in candidates if c[2].seats and self._seat_matches(c[2], seat)]
            return matching or seatless
        if seatless or not candidates:
            return seatless
        first = min(candidates, key=lambda c: c[0])[2].seats
        return [c for c in candidates if c[2].seats == first]

    def _leader_type(self, code: str, seat: str | None) -> str:
        """What "leader"/"chief" means: the `leader` of the organisation the seat names ("the
        IAEA chief", whose code is UN), else of the entry whose id is the code."""
        named = [self._entries[i] for i in (self._seat_ids(_key(seat)) if seat else ())]
        own = self._entries.get(code.lower())
        for entry in (*named, own):
            if entry is not None and entry.leader:
                return entry.leader
        return "head_of_state"

    def _names_state(self, text: str, code: str) -> bool:
        """Whether the text is just the state itself: its capital, name or demonym."""
        entry = self.by_seat(text) or self.by_demonym(text) or next(
            (e for e in self.by_alias(text) if e.kind == "state"), None)
        return entry is not None and entry.kind == "state" and entry.country == code and \
            _key(text) not in {_key(s) for s in entry.seats}

    def _seat_matches(self, role: Role, seat: str) -> bool:
        """Same office: equal names, one name inside the other ("Foreign Ministry" in "Russian Foreign
        Ministry"), or both naming the same organisation ("UN" and "United Nations")."""
        query = _key(seat)
        query_ids = self._seat_ids(query)
        for own in role.seats:
            key = _key(own)
            if key == query or f" {key} " in f" {query} " or f" {query} " in f" {key} ":
                return True
            if query_ids & self._seat_ids(key):
                return True
        return False

    def _seat_ids(self, key: str) -> set[str]:
        """The one organisation a seat's name stands for ("UN" = "United Nations"). Seats of
        states are left out: the White House and the State Department are both `usa`."""
        ids = [i for i in self._alias.get(key, ()) if self._entries[i].kind != "state"]
        return set(ids) if len(ids) == 1 else set()

    def _unique(self, ids: list[str] | None) -> Entry | None:
        return self._entries[ids[0]] if ids and len(ids) == 1 else None


def _content_words(normalized: str) -> list[str]:
    return [word for word in normalized.split() if word not in _FUNCTION_WORDS]


def _add(index: dict[str, list[str]], key: str, ident: str) -> None:
    if key:
        ids = index.setdefault(key, [])
        if ident not in ids:
            ids.append(ident)


def _plural_forms(word: str) -> tuple[str, ...]:
    """A demonym and its plural where English adds -s ("Russian(s)"; not "Swiss", "Chinese", "British")."""
    if word.endswith(("s", "sh", "ch", "ese", "x", "z")) or not word[-1].isalpha() or word.isupper():
        return (word,)
    return (word, word + "s")


@functools.lru_cache(maxsize=1)
def _default() -> KnowledgeBase:
    return KnowledgeBase(_shipped())
