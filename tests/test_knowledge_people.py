"""The shipped people and media: coverage, role dates and names that must resolve."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from parley.knowledge.actors import KnowledgeBase
from parley.knowledge.names import normalize_name

GOLD = Path("/work/shared/gold/samples.jsonl")

# States whose speakers the knowledge base must cover for the whole period.
COVERED = ("RUS", "UKR", "USA", "GBR", "FRA", "DEU", "TUR", "CHN", "POL",
           "EST", "LVA", "LTU", "FIN", "SWE", "NOR", "DNK")
DEFENCE_COVERED = ("RUS", "UKR", "USA", "GBR", "FRA", "DEU", "TUR", "POL", "CHN")
DAYS = (date(2015, 6, 1), date(2019, 6, 1), date(2022, 6, 1), date(2025, 6, 1))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _codes(kb: KnowledgeBase) -> set[str]:
    return {entry.country for entry in kb if entry.kind in ("state", "organization", "group") and entry.country}


def test_people_and_media_are_loaded(kb: KnowledgeBase) -> None:
    people = [e for e in kb if e.kind == "person"]
    media = [e for e in kb if e.media_type]
    assert len(people) >= 300
    assert len(media) >= 250
    assert {e.media_type for e in media} == {"outlet", "agency", "think_tank"}


def test_every_person_has_roles_for_known_codes(kb: KnowledgeBase) -> None:
    codes = _codes(kb)
    for person in (e for e in kb if e.kind == "person"):
        assert person.roles, person.id
        for role in person.roles:
            assert role.of in codes, (person.id, role.of)
            assert role.title, (person.id, role.type)


def test_media_countries_are_known_codes(kb: KnowledgeBase) -> None:
    codes = _codes(kb)
    for entry in (e for e in kb if e.media_type):
        assert entry.country is None or entry.country in codes, entry.id


def test_no_office_has_two_holders_at_once(kb: KnowledgeBase) -> None:
    """One head of state, head of government, foreign and defence minister per state on any day.

    Hand-over days may overlap by one day (both ends are inclusive).
    """
    single = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister",
              "secretary_general", "high_representative", "commission_president", "council_president"}
    spans: dict[tuple[str, str, tuple[str, ...]], list[tuple[date, date, str]]] = {}
    for person in (e for e in kb if e.kind == "person"):
        for role in person.roles:
            if role.type in single and role.start:
                key = (role.type, role.of, role.seats)
                spans.setdefault(key, []).append((role.start, role.end or date.max, person.id))
    for key, items in spans.items():
        items.sort()
        for (_, end, who), (start, _, other) in zip(items, items[1:]):
            assert (start - end).days >= -1, (key, who, other)


@pytest.mark.parametrize("country", COVERED)
@pytest.mark.parametrize("day", DAYS)
def test_leaders_and_foreign_ministers_are_covered(kb: KnowledgeBase, country: str, day: date) -> None:
    leader = kb.holder("head_of_government", country, day) or kb.holder("head_of_state", country, day)
    assert leader is not None
    assert kb.holder("foreign_minister", country, day) is not None


@pytest.mark.parametrize("country", DEFENCE_COVERED)
@pytest.mark.parametrize("day", DAYS)
def test_defence_ministers_are_covered(kb: KnowledgeBase, country: str, day: date) -> None:
    assert kb.holder("defence_minister", country, day) is not None


@pytest.mark.parametrize("role_type, country, day, seat, expected", [
    ("spokesperson", "USA", date(2016, 6, 1), "State Department", "kirby"),
    ("spokesperson", "USA", date(2022, 6, 1), "State Department", "price"),
    ("spokesperson", "USA", date(2024, 6, 1), "State Department", "miller_matthew"),
    ("spokesperson", "USA", date(2025, 6, 1), "State Department", "bruce"),
    ("spokesperson", "USA", date(2023, 6, 1), "White House", "jean_pierre"),
    ("spokesperson", "RUS", date(2022, 6, 1), "Kremlin", "peskov"),
    ("spokesperson", "RUS", date(2022, 6, 1), "Foreign Ministry", "zakharova"),
    ("spokesperson", "RUS", date(2014, 6, 1), "Foreign Ministry", "lukashevich"),
    ("spokesperson", "TUR", date(2020, 6, 1), "Presidency", "kalin"),
    ("intelligence_chief", "TUR", date(2024, 1, 1), None, "kalin"),
    ("chief_of_staff", "UKR", date(2022, 6, 1), None, "yermak"),
    ("foreign_minister", "UKR", date(2023, 6, 1), None, "kuleba"),
    ("foreign_minister", "UKR", date(2025, 6, 1), None, "sybiha"),
    ("head_of_state", "UKR", date(2018, 6, 1), None, "poroshenko"),
    ("head_of_state", "USA", date(2022, 1, 8), None, "biden"),
    ("head_of_state", "USA", date(2025, 6, 1), None, "trump"),
    ("secretary_general", "NATO", date(2020, 1, 1), None, "stoltenberg"),
    ("secretary_general", "NATO", date(2025, 1, 1), None, "rutte"),
    ("high_representative", "EU", date(2022, 6, 1), None, "borrell"),
    ("high_representative", "EU", date(2025, 6, 1), None, "kallas"),
    ("head_of_government", "GBR", date(2022, 10, 1), None, "truss"),
    ("head_of_government", "DEU", date(2023, 1, 1), None, "scholz"),
    ("un_ambassador", "RUS", date(2022, 6, 1), None, "nebenzya"),
    ("security_council_secretary", "RUS", date(2022, 6, 1), None, "patrushev"),
])
def test_holder_on_a_date(kb: KnowledgeBase, role_type: str, country: str, day: date,
                          seat: str | None, expected: str) -> None:
    found = kb.holder(role_type, country, day, seat=seat)
    assert found is not None and found.id == expected


@pytest.mark.parametrize("text, expected", [
    ("Zelensky", "zelensky"), ("Zelenskyy", "zelensky"), ("Zelenskyi", "zelensky"), ("Zelenskiy", "zelensky"),
    ("Selenskyj", "zelensky"), ("Wolodymyr Selenskyj", "zelensky"), ("putin", "putin"),
    ("Wladimir Putin", "putin"), ("Erdogan", "erdogan"), ("Erdoğan", "erdogan"), ("Kalin", "kalin"),
    ("İbrahim Kalın", "kalin"), ("Lawrow", "lavrov"), ("Sergei Lavrov", "lavrov"), ("Peskov", "peskov"),
    ("Sacharowa", "zakharova"), ("Xi", "xi"), ("von der Leyen", "von_der_leyen"), ("Kim Jong Un", "kim_jong_un"),
    ("Lula", "lula"), ("MBS", "mbs"), ("Russia Today", "rt"), ("ISW", "isw"), ("n-tv", "n_tv"),
    ("Ukrainian National News", "unn"), ("Carnegie Moscow Center", "carnegie_moscow"),
])
def test_names_resolve(kb: KnowledgeBase, text: str, expected: str) -> None:
    assert expected in [entry.id for entry in kb.by_alias(text)]


def test_person_names_never_shadow_states_or_organisations(kb: KnowledgeBase) -> None:
    """A derived surname or alias equal to a state's or body's name ("Un", "Georgia") would hijack it."""
    taken = {normalize_name(n) for e in kb if e.kind in ("state", "organization", "group") and not e.media_type
             for n in (*e.names, *e.demonyms, *e.seats)}
    for person in (e for e in kb if e.kind == "person"):
        clash = {n for n in person.names if normalize_name(n) in taken}
        assert not clash, (person.id, clash)


def _gold() -> list[dict]:
    if not GOLD.exists():
        pytest.skip("shared gold samples not available")
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_people_and_media_get_the_gold_country(kb: KnowledgeBase) -> None:
    """Every gold person or outlet the knowledge base knows resolves to the gold affiliation on the article's date."""
    checked = 0
    for article in _gold():
        day = date.fromisoformat(article["published"]) if article.get("published") else None
        for actor in article["actors"]:
            if actor["kind"] not in ("person", "organization"):
                continue
            found = [e for e in kb.by_alias(actor["name"]) if e.kind in ("person", "organization")]
            if not found:
                continue
            assert any(e.country_on(day) == actor["country"] for e in found), (article["id"], actor["name"])
            checked += 1
    assert checked >= 10
