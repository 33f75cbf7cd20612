"""The actor knowledge base: shipped data, lookups, user files."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from parley.knowledge.actors import DATA_DIR, KnowledgeBase, _shipped
from parley.knowledge.names import normalize_name, strip_accents, strip_possessive


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _has_people(kb: KnowledgeBase) -> bool:
    return any(entry.kind == "person" for entry in kb)


# -- names -------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, normal", [
    ("Erdoğan", "erdogan"), ("U.S.", "us"), ("  Jean-Yves   Le Drian ", "jeanyves le drian"),
    ("Quai d’Orsay", "quai dorsay"), ("İbrahim Kalın", "ibrahim kalin"), ("Radosław Sikorski", "radoslaw sikorski"),
    ("Lars Løkke Rasmussen", "lars lokke rasmussen"), ("ZELENSKYY", "zelenskyy"),
])
def test_normalize_name(raw: str, normal: str) -> None:
    assert normalize_name(raw) == normal


@pytest.mark.parametrize("raw, stripped", [
    ("Russia's", "Russia"), ("Zelensky’s", "Zelensky"), ("Reuters'", "Reuters"), ("Reuters", "Reuters"),
    ("Lavrov", "Lavrov"),
])
def test_strip_possessive(raw: str, stripped: str) -> None:
    assert strip_possessive(raw) == stripped


def test_strip_accents_keeps_case() -> None:
    assert strip_accents("Erdoğan, Kalın, Łukaszenka") == "Erdogan, Kalin, Lukaszenka"


# -- shipped data ----------------------------------------------------------------------------------

def test_shipped_files_load() -> None:
    """Load time is measured by `make bench` (annotate benchmark), not asserted here."""
    _shipped.cache_clear()
    assert len(KnowledgeBase([*_shipped()])) > 1000


def test_default_load_is_cached(kb: KnowledgeBase) -> None:
    assert KnowledgeBase.load() is KnowledgeBase.load()


def test_states_cover_the_un(kb: KnowledgeBase) -> None:
    states = [e for e in kb if e.kind == "state"]
    assert sum(1 for s in states if s.un == "member") == 193
    assert {s.id for s in states if s.un == "observer"} == {"vat", "pse"}
    assert {s.id for s in states if s.un == "none"} >= {"xkx", "twn"}
    for state in states:
        assert len(state.country) == 3 and state.country.isupper() and state.id == state.country.lower(), state
        assert state.capital and state.demonyms, state.id
    assert len({s.country for s in states}) == len(states)


def test_no_id_defined_twice_across_shipped_files() -> None:
    seen: dict[str, str] = {}
    for path in sorted(DATA_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for section in ("states", "organizations", "people", "media"):
            for raw in data.get(section) or []:
                assert raw["id"] not in seen, f"{raw['id']} in {path.name} and {seen.get(raw['id'])}"
                seen[raw["id"]] = path.name


def test_codes_and_parents_are_known(kb: KnowledgeBase) -> None:
    states = {e.country for e in kb if e.kind == "state"}
    spec_codes = {"NATO", "EU", "UN", "OSCE", "BRICS", "CSTO", "WEST"}
    for entry in kb:
        if entry.kind in {"organization", "group"} and entry.parent and kb.get(entry.parent).kind == "state":
            assert entry.country == kb.get(entry.parent).country, entry.id
    for code in spec_codes:
        assert kb.get(code.lower()) is not None, code
    assert kb.get("west").kind == "group" and kb.get("west").country == "WEST"
    assert states >= {"RUS", "UKR", "USA", "GBR", "FRA", "DEU", "TUR", "CHN", "POL", "EST", "LVA", "LTU"}


@pytest.mark.parametrize("text, ident", [
    ("Russia", "rus"), ("Russian Federation", "rus"), ("U.S.", "usa"), ("United States", "usa"), ("Turkey", "tur"),
    ("Türkiye", "tur"), ("the UK", "gbr"), ("Britain", "gbr"), ("NATO", "nato"), ("North Atlantic Alliance", "nato"),
    ("EU", "eu"), ("European Commission", "european_commission"), ("UN Security Council", "unsc"),
    ("the West", "west"), ("Western leaders", "west"), ("Western partners", "west"), ("the G7", "g7"),
    ("NATO-Russia Council", "nato_russia_council"), ("IAEA", "iaea"), ("CSTO", "csto"), ("BRICS", "brics"),
    ("OSCE", "osce"), ("Russian Foreign Ministry", "rus_mfa"), ("Russia's", "rus"), ("Ukraine’s", "ukr"),
])
def test_by_alias_states_and_organizations(kb: KnowledgeBase, text: str, ident: str) -> None:
    assert [e.id for e in kb.by_alias(text)] == [ident]


@pytest.mark.parametrize("word, ident", [
    ("Russian", "rus"), ("Russians", "rus"), ("Turkish", "tur"), ("Ukrainian", "ukr"), ("American", "usa"),
    ("US", "usa"), ("U.S.", "usa"), ("British", "gbr"), ("French", "fra"), ("German", "deu"), ("Chinese", "chn"),
    ("Polish", "pol"), ("Estonian", "est"), ("Finnish", "fin"), ("Swiss", "che"),
])
def test_by_demonym(kb: KnowledgeBase, word: str, ident: str) -> None:
    assert kb.by_demonym(word).id == ident


def test_shared_demonym_is_ambiguous(kb: KnowledgeBase) -> None:
    assert kb.by_demonym("Congolese") is None
    assert kb.by_demonym("Martian") is None


@pytest.mark.parametrize("text, ident", [
    ("Moscow", "rus"), ("the Kremlin", "rus"), ("Kremlin", "rus"), ("Kyiv", "ukr"), ("Kiev", "ukr"),
    ("Bankova", "ukr"), ("Washington", "usa"), ("the White House", "usa"), ("the State Department", "usa"),
    ("the Pentagon", "usa"), ("Ankara", "tur"), ("Beijing", "chn"), ("Brussels", "eu"), ("Downing Street", "gbr"),
    ("the Élysée", "fra"), ("Elysee", "fra"), ("Zhongnanhai", "chn"), ("Berlin", "deu"), ("Chancellery", "deu"),
    ("Quai d'Orsay", "fra"), ("Warsaw", "pol"), ("Tallinn", "est"),
])
def test_by_seat(kb: KnowledgeBase, text: str, ident: str) -> None:
    assert kb.by_seat(text).id == ident


def test_capital_that_is_a_common_word_is_no_seat(kb: KnowledgeBase) -> None:
    assert kb.by_seat("Male") is None and kb.get("mdv").capital == "Malé"
    assert "Male" not in kb.surface_forms() and "Victoria" not in kb.surface_forms()


@pytest.mark.parametrize("phrase, role_type", [
    ("top diplomat", "foreign_minister"), ("Russia top diplomat", "foreign_minister"),
    ("Turkish foreign minister", "foreign_minister"), ("spokeswoman", "spokesperson"),
    ("Kremlin spokesman", "spokesperson"), ("White House press secretary", "spokesperson"),
    ("US Secretary of State", "foreign_minister"), ("deputy foreign minister", "deputy_foreign_minister"),
    ("defense secretary", "defence_minister"), ("Russian President", "head_of_state"),
    ("German Chancellor", "head_of_government"), ("Chancellor of the Exchequer", "finance_minister"),
    ("NATO Secretary-General", "secretary_general"), ("NATO Secretary General", "secretary_general"),
    ("head presidential office", "chief_of_staff"), ("head of the presidential office", "chief_of_staff"),
    ("Russian leader", "leader"), ("the NATO chief", "leader"), ("EU foreign policy chief", "high_representative"),
    ("spy chief", "intelligence_chief"), ("vice-president", "vice_president"),
    ("former foreign minister", None), ("tank driver", None), ("tank commander chief", None),
])
def test_role_type_for(kb: KnowledgeBase, phrase: str, role_type: str | None) -> None:
    assert kb.role_type_for(phrase) == role_type


def test_surface_forms(kb: KnowledgeBase) -> None:
    forms = kb.surface_forms()
    assert {"Russia", "Russian", "Russians", "Kremlin", "Moscow", "Kyiv", "Kiev", "Brussels", "NATO",
            "Türkiye", "Turkiye", "Élysée", "Elysee", "Western leaders"} <= forms


# -- people (people.yaml is written alongside; these check the loader over it) ---------------------

@pytest.mark.parametrize("group", [
    ["Zelensky", "Zelenskyy", "Zelenskyi", "Selenskyj", "Zelenskiy", "Volodymyr Zelensky"],
    ["Erdogan", "Erdoğan", "Recep Tayyip Erdoğan"],
    ["putin", "Putin", "Vladimir Putin", "President Putin", "Mr. Putin", "Putin's"],
])
def test_transliterations_resolve_to_one_person(kb: KnowledgeBase, group: list[str]) -> None:
    if not _has_people(kb):
        pytest.skip("people.yaml not written yet")
    ids = {tuple(e.id for e in kb.by_alias(name)) for name in group}
    assert len(ids) == 1 and len(next(iter(ids))) == 1, ids


@pytest.mark.parametrize("on, name", [
    (date(2022, 6, 1), "Ned Price"), (date(2024, 6, 1), "Matthew Miller"), (date(2025, 6, 1), "Tammy Bruce"),
])
def test_state_department_spokesperson(kb: KnowledgeBase, on: date, name: str) -> None:
    if not _has_people(kb):
        pytest.skip("people.yaml not written yet")
    assert kb.holder("spokesperson", "USA", on, seat="State Department").name == name
    assert kb.holder("spokesperson", "usa", on, seat="the State Department").name == name


def test_holder_by_seat_leader_and_cover(kb: KnowledgeBase) -> None:
    if not _has_people(kb):
        pytest.skip("people.yaml not written yet")
    on = date(2022, 3, 1)

    def person(surname: str) -> str:
        return kb.by_alias(surname)[0].id

    assert kb.holder("spokesperson", "RUS", on, seat="the Kremlin").id == person("Peskov")
    assert kb.holder("spokesperson", "RUS", on, seat="Moscow").id == person("Peskov")
    assert kb.holder("spokesperson", "USA", on, seat="White House").id != \
        kb.holder("spokesperson", "USA", on, seat="State Department").id
    assert kb.holder("leader", "RUS", on).id == person("Putin")
    assert kb.holder("foreign_minister", "RUS", on).id == person("Lavrov")
    assert kb.holder("foreign_minister", "EU", on).id == person("Borrell")
    assert kb.holder("spokesperson", "USA", on, seat="Kiribati Bureau of Fisheries") is None


def test_derived_surname_and_current_role(kb: KnowledgeBase) -> None:
    if not _has_people(kb):
        pytest.skip("people.yaml not written yet")
    putin = kb.get("putin")
    assert "Putin" in putin.aliases and putin.country == "RUS" and putin.role
    assert putin.role_on(date(2010, 1, 1)).type == "head_of_government"


# -- user files --------------------------------------------------------------------------------------

def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_overrides_and_extends(tmp_path: Path) -> None:
    path = _write(tmp_path, "mine.yaml", """
version: 1
role_types:
  herald: {nouns: [herald, town crier]}
states:
  - {id: rus, name: Russia, iso3: RUS, aliases: [Rossiyskaya Federatsiya], demonyms: [Russian], capital: Moscow}
organizations:
  - {id: varnia_mfa, name: Varnian Foreign Office, code: VAR, aliases: [VFO]}
people:
  - id: quill
    name: Ottoline Quill
    roles:
      - {type: herald, of: VAR, seat: Foreign Office, title: Chief Herald, from: 2020-01, to: null}
""")
    kb = KnowledgeBase.load([path])
    assert kb.get("rus").aliases == ("Rossiyskaya Federatsiya",)
    assert kb.by_alias("Russian Federation") == []
    assert kb.by_alias("VFO")[0].id == "varnia_mfa"
    assert kb.by_alias("Quill")[0].id == "quill"
    assert kb.role_type_for("the town crier") == "herald"
    assert kb.holder("herald", "VAR", date(2021, 1, 1)).id == "quill"
    assert kb.holder("herald", "VAR", date(2019, 1, 1)) is None
    assert len(kb) == len(KnowledgeBase.load()) + 2
    assert KnowledgeBase.load().get("quill") is None  # the shipped base is untouched


@pytest.mark.parametrize("body, message", [
    ("states:\n  - {id: foo, name: Foo}\n", "missing required key"),
    ("states:\n  - {id: foo, name: Foo, iso3: fo, capital: X}\n", "iso3"),
    ("people:\n  - {id: bar, name: Bar, roles: [{type: spokesperson, of: RUS, from: 2020-13-01}]}\n", "'bar'"),
    ("people:\n  - {id: bar, name: Bar, roles: [{type: nonsense_type, of: RUS}]}\n", "nonsense_type"),
    ("organizations:\n  - {id: baz, name: Baz, code: BAZ, colour: red}\n", "colour"),
    ("organizations:\n  - {id: baz, name: Baz, code: BAZ, parent: nowhere}\n", "nowhere"),
    ("media:\n  - {id: qux, name: Qux, type: blog}\n", "type"),
    ("statez: []\n", "statez"),
    ("states: [unclosed\n", "cannot read"),
])
def test_malformed_user_file_names_file_and_entry(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, "broken.yaml", body)
    with pytest.raises(ValueError) as info:
        KnowledgeBase.load([path])
    assert "broken.yaml" in str(info.value) and message in str(info.value)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="absent.yaml"):
        KnowledgeBase.load([tmp_path / "absent.yaml"])


def test_role_codes_are_known(kb: KnowledgeBase) -> None:
    codes = {e.country for e in kb if e.kind in {"state", "organization", "group"} and e.media_type is None}
    assert [(e.id, r.of) for e in kb for r in e.roles if r.of not in codes] == []
    assert {e.country for e in kb if e.media_type and e.country} <= codes


def test_surnames_and_leaders_from_a_user_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "people.yaml", """
organizations:
  - {id: atomic_office, name: Atomic Office, code: UN, parent: un, leader: director_general, aliases: [AO]}
people:
  - id: ursula
    name: Ursula von der Testen
    aliases: [Von der Testen]
    roles: [{type: director_general, of: UN, seat: Atomic Office, title: Director General, from: 2020}]
  - id: xi_test
    name: Xi Testping
    surname: Xi
    roles: [{type: head_of_state, of: CHN, from: 2100}]
  - id: jones
    name: Tom Jones Jr.
    country: GBR
""")
    kb = KnowledgeBase.load([path])
    assert kb.get("ursula").aliases == ("Von der Testen",)
    assert [e.id for e in kb.by_alias("von der testen")] == ["ursula"]
    assert kb.by_alias("Testping") == [] and "xi_test" in [e.id for e in kb.by_alias("Xi")]
    assert kb.by_alias("Jones")[0].id == "jones" and kb.get("jones").country == "GBR"
    assert kb.holder("leader", "UN", date(2021, 1, 1), seat="AO").id == "ursula"
    assert kb.holder("head_of_state", "CHN", date(2021, 1, 1)) is None or \
        kb.holder("head_of_state", "CHN", date(2021, 1, 1)).id != "xi_test"


def test_places_resolve_after_seats_and_capitals(kb):
    assert kb.by_seat("Kharkiv").id == "ukr" and kb.is_place("Kharkiv")
    assert kb.by_seat("Tripoli").id == "lby"  # Libya's capital wins over Lebanon's city
    assert kb.by_seat("Moscow").id == "rus" and not kb.is_place("Moscow")
