"""PLOVER knowledge: the sixteen types, their scores and groups, and our CAMEO root table."""
from pathlib import Path

import pytest

from parley.knowledge.plover import GROUPS, TYPES, cameo_root, group, score, valid_mode

CROSSWALK = Path(__file__).resolve().parents[2] / "shared" / "data" / "plover" / "CAMEO2PLOVER-2021.txt"


def test_sixteen_types_with_scores_from_the_spec():
    assert len(TYPES) == 16
    assert score("ASSAULT") == -9 and score("AID") == 10 and score("REQUEST") == 0
    assert score("ACCUSE") == -3  # the spec's reading of the manual's sign
    assert all(-10 <= t.score <= 10 for t in TYPES.values())
    assert {group(name) for name in TYPES} == set(GROUPS)


def test_modes_and_unknown_types():
    assert valid_mode("CONSULT", "phone") and valid_mode("CONSULT", None)
    assert not valid_mode("CONSULT", "troops")
    with pytest.raises(KeyError, match="BOMB"):
        score("BOMB")


def test_cameo_roots():
    assert cameo_root("REQUEST") == "10" and cameo_root("REJECT") == "12"
    assert cameo_root("ASSAULT") in {"18", "19", "20"}
    assert cameo_root("ACCUSE", "investigate") == "09"


def test_cameo_roots_agree_with_the_official_crosswalk():
    """Every root we emit is one the PLOVER crosswalk maps (mostly) back to the same type."""
    if not CROSSWALK.exists():
        pytest.skip("shared crosswalk not available")
    back: dict[str, set[str]] = {}
    for line in CROSSWALK.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        kind = rest.split(",")[0].split("#")[0].strip()
        if code.strip().isdigit() and kind:
            back.setdefault(code.strip()[:2], set()).add(kind)
    for name, plover_type in TYPES.items():
        for mode in (None, *plover_type.modes):
            root = cameo_root(name, mode)
            assert name in back[root], (name, mode, root)
