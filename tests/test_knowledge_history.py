"""The historical leaders file (people_history.yaml): its ids are its own, its names resolve, its offices are held."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from parley.knowledge import actors
from parley.knowledge.actors import DATA_DIR, KnowledgeBase
from parley.knowledge.names import normalize_name

HISTORY = DATA_DIR / "people_history.yaml"


def _entries(path: Path) -> list[dict]:
    """Every entry of one file, as written (the loader would merge files and hide a reused id)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=actors._Loader) or {}
    return [entry for section in actors.SECTIONS for entry in (data.get(section) or [])]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="module")
def history() -> list[dict]:
    return _entries(HISTORY)


@pytest.fixture(scope="module")
def others() -> list[dict]:
    return [entry for path in sorted(DATA_DIR.glob("*.yaml")) if path != HISTORY for entry in _entries(path)]


def test_ids_are_unique_across_all_files(history: list[dict], others: list[dict]) -> None:
    """A reused id would silently replace the other file's entry (the later file wins)."""
    ids = [entry["id"] for entry in history]
    assert len(ids) == len(set(ids))
    assert not set(ids) & {entry["id"] for entry in others}


def test_nobody_is_entered_twice(history: list[dict], others: list[dict]) -> None:
    """Someone people.yaml already has is not repeated here under another id."""
    known = {normalize_name(entry["name"]) for entry in others if "roles" in entry or "surname" in entry}
    twice = [entry["id"] for entry in history if normalize_name(entry["name"]) in known]
    assert not twice


def test_breadth(kb: KnowledgeBase, history: list[dict]) -> None:
    assert len(history) >= 1000
    assert all(kb.get(entry["id"]).kind == "person" for entry in history)


# Large or much-reported states: someone leads each of them in every decade (the office "leader" names,
# the head of state, or the party chief of a one-party state).
LEADERS = ("USA", "RUS", "CHN", "GBR", "FRA", "DEU", "JPN", "IND", "BRA", "EGY", "SAU", "IRN", "TUR", "ISR",
           "NGA", "ZAF", "IDN", "PAK", "MEX", "ARG", "ITA", "ESP", "POL", "KEN", "ETH", "SYR", "JOR", "DZA")


@pytest.mark.parametrize("year", (1980, 1990, 2000, 2010))
@pytest.mark.parametrize("code", LEADERS)
def test_major_states_have_a_leader_every_decade(kb: KnowledgeBase, code: str, year: int) -> None:
    day = date(year, 7, 1)
    assert any(kb.holder(role, code, day) for role in ("leader", "head_of_state", "communist_party_leader")), (code, year)


@pytest.mark.parametrize("text, expected, country", [
    ("Museveni", "museveni", "UGA"),
    ("Yoweri Museveni", "museveni", "UGA"),
    ("Gaddafi", "gaddafi", "LBY"),
    ("Qaddafi", "gaddafi", "LBY"),
    ("Kadhafi", "gaddafi", "LBY"),
    ("Arafat", "arafat", "PSE"),
    ("Yasir Arafat", "arafat", "PSE"),
    ("Milosevic", "milosevic", "SRB"),
    ("Milošević", "milosevic", "SRB"),
    ("Bouteflika", "bouteflika", "DZA"),
    ("Allawi", "allawi", "IRQ"),
    ("Saddam", "saddam", "IRQ"),
    ("Mubarak", "mubarak", "EGY"),
    ("Hafez al-Assad", "hafez_assad", "SYR"),
    ("Gorbachev", "gorbachev", "RUS"),
    ("Michail Gorbatschow", "gorbachev", "RUS"),
    ("Shevardnadze", "shevardnadze", "GEO"),
    ("Nazarbayev", "nazarbayev", "KAZ"),
    ("Nikolai Tanaev", "tanayev", "KGZ"),
    ("Mugabe", "mugabe", "ZWE"),
    ("Kagame", "kagame", "RWA"),
    ("Habyarimana", "habyarimana", "RWA"),
    ("Mobutu", "mobutu", "COD"),
    ("dos Santos", "dos_santos", "AGO"),
    ("Mandela", "mandela", "ZAF"),
    ("Jiang", "jiang_zemin", "CHN"),
    ("Kim Dae Jung", "kim_dae_jung", "KOR"),
    ("Than Shwe", "than_shwe", "MMR"),
    ("Suu Kyi", "suu_kyi", "MMR"),
    ("Suharto", "suharto", "IDN"),
    ("Meles", "meles", "ETH"),
    ("Thatcher", "thatcher", "GBR"),
    ("Kohl", "kohl", "DEU"),
    ("Menem", "menem", "ARG"),
    ("Chávez", "chavez", "VEN"),
    ("Solana", "solana", "EU"),
    ("ElBaradei", "elbaradei", "EGY"),
    ("Pope John Paul II", "pope_john_paul_ii", "VAT"),
])
def test_names_resolve_to_their_state(kb: KnowledgeBase, text: str, expected: str, country: str) -> None:
    found = {entry.id: entry for entry in kb.by_alias(text)}
    assert expected in found
    assert found[expected].country == country


@pytest.mark.parametrize("text", ["Lagos", "Muscat", "Medina", "Toledo", "Nepal", "Major", "King", "Ford", "Uno"])
def test_place_and_common_words_name_no_historical_leader(kb: KnowledgeBase, history: list[dict], text: str) -> None:
    """A city or an everyday word must not turn into a person of this file ("in Lagos" is not Ricardo Lagos)."""
    ids = {entry["id"] for entry in history}
    assert not [entry.id for entry in kb.by_alias(text) if entry.id in ids]


@pytest.mark.parametrize("role_type, code, day, expected", [
    ("head_of_state", "DZA", date(2001, 1, 1), "bouteflika"),
    ("head_of_state", "UGA", date(1990, 1, 1), "museveni"),
    ("head_of_state", "UGA", date(1975, 1, 1), "amin_idi"),
    ("head_of_government", "IRQ", date(2004, 9, 1), "allawi"),
    ("head_of_government", "IRQ", date(1985, 1, 1), "saddam"),
    ("head_of_state", "EGY", date(1990, 1, 1), "mubarak"),
    ("head_of_state", "SYR", date(1990, 1, 1), "hafez_assad"),
    ("head_of_state", "LBY", date(1990, 1, 1), "gaddafi"),
    ("head_of_state", "PSE", date(2000, 1, 1), "arafat"),
    ("head_of_government", "ISR", date(1994, 1, 1), "rabin"),
    ("head_of_state", "IRN", date(2000, 1, 1), "khatami"),
    ("head_of_state", "SAU", date(1990, 1, 1), "king_fahd"),
    ("head_of_state", "RUS", date(1987, 1, 1), "gromyko"),
    ("head_of_state", "RUS", date(1991, 9, 1), "yeltsin"),
    ("communist_party_leader", "RUS", date(1983, 6, 1), "andropov"),
    ("head_of_government", "RUS", date(1995, 1, 1), "chernomyrdin"),
    ("foreign_minister", "RUS", date(2000, 1, 1), "ivanov_igor"),
    ("foreign_minister", "USA", date(1985, 1, 1), "shultz"),
    ("head_of_government", "GBR", date(1985, 1, 1), "thatcher"),
    ("head_of_state", "FRA", date(1990, 1, 1), "mitterrand"),
    ("head_of_government", "DEU", date(1990, 1, 1), "kohl"),
    ("head_of_state", "CHN", date(2000, 1, 1), "jiang_zemin"),
    ("head_of_government", "IND", date(1985, 1, 1), "gandhi_rajiv"),
    ("head_of_government", "JPN", date(2003, 1, 1), "koizumi"),
    ("head_of_state", "ZAF", date(1995, 1, 1), "mandela"),
    ("head_of_state", "NGA", date(1995, 1, 1), "abacha"),
    ("head_of_state", "COD", date(1990, 1, 1), "mobutu"),
    ("head_of_state", "SRB", date(1995, 1, 1), "milosevic"),
    ("head_of_state", "SRB", date(1999, 1, 1), "milutinovic"),
    ("head_of_state", "SRB", date(1975, 1, 1), "tito"),
    ("head_of_state", "ARG", date(1995, 1, 1), "menem"),
    ("head_of_state", "VAT", date(1990, 1, 1), "pope_john_paul_ii"),
    ("secretary_general", "NATO", date(1997, 1, 1), "solana"),
    ("secretary_general", "UN", date(1978, 1, 1), "waldheim"),
    ("commission_president", "EU", date(1990, 1, 1), "delors"),
    ("head_of_state", "UKR", date(1996, 1, 1), "kuchma"),
    ("head_of_state", "GEO", date(2000, 1, 1), "shevardnadze"),
])
def test_holder_on_a_date(kb: KnowledgeBase, role_type: str, code: str, day: date, expected: str) -> None:
    found = kb.holder(role_type, code, day)
    assert found is not None and found.id == expected


def test_country_follows_the_office_held(kb: KnowledgeBase) -> None:
    """People who served a state and then an international body act for each in turn."""
    solana = kb.get("solana")
    assert solana.country_on(date(1994, 1, 1)) == "ESP"
    assert solana.country_on(date(1997, 1, 1)) == "NATO"
    assert solana.country_on(date(2005, 1, 1)) == "EU"
