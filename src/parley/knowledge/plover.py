"""PLOVER event types as this project codes them (`plover.md`): groups, scores, modes, CAMEO roots.

The CAMEO table is our own compact PLOVER→CAMEO root summary (one root per type, a
few refined by mode), not PLOVER's CC BY-SA crosswalk: exports for GDELT-era tools
need one root code per event, and the crosswalk's many-to-one direction cannot give it.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PloverType:
    name: str
    group: str
    score: float
    cameo: str
    modes: tuple[str, ...] = ()


_VC, _MC, _VX, _MX = "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"

TYPES: dict[str, PloverType] = {t.name: t for t in (
    PloverType("AGREE", _VC, 2.5, "03"),
    PloverType("CONSULT", _VC, 2.5, "04", ("visit", "third-party", "multilateral", "phone")),
    PloverType("SUPPORT", _VC, 5.0, "05"),
    PloverType("CONCEDE", _VC, 4.5, "08"),
    PloverType("COOPERATE", _MC, 9.5, "06"),
    PloverType("AID", _MC, 10.0, "07"),
    PloverType("RETREAT", _MC, 6.5, "08", ("withdraw", "release", "disarm", "ceasefire", "access", "resign")),
    PloverType("REQUEST", _VX, 0.0, "10", ("assist", "change", "yield", "meet")),
    PloverType("ACCUSE", _VX, -3.0, "11", ("disapprove", "investigate", "allege")),
    PloverType("REJECT", _VX, -2.0, "12", ("assist", "change", "yield", "meet")),
    PloverType("THREATEN", _VX, -3.5, "13", ("restrict", "arrest", "relations", "expel", "territory", "violence")),
    PloverType("PROTEST", _MX, -5.0, "14", ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize")),
    PloverType("SANCTION", _MX, -6.0, "16", ("convict", "expel", "withdraw", "discontinue")),
    PloverType("MOBILIZE", _MX, -5.5, "15", ("troops", "weapons", "police", "militia")),
    PloverType("COERCE", _MX, -7.0, "17", ("seize", "restrict", "censor", "curfew", "martial-law", "arrest",
                                           "deport", "withhold", "misinformation", "cyber")),
    PloverType("ASSAULT", _MX, -9.0, "19", ("aerial", "drone", "heavy-weapons", "firearms", "explosives",
                                            "targeted", "destroy")),
)}

# Where a mode points to a different CAMEO root than its type's usual one.
_CAMEO_BY_MODE: dict[tuple[str, str], str] = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "explosives"): "18",
    ("ASSAULT", "targeted"): "18",
    ("ASSAULT", "destroy"): "20",
}

GROUPS: tuple[str, ...] = (_VC, _MC, _VX, _MX)


def plover_type(name: str) -> PloverType:
    """The type record; KeyError names the unknown type."""
    try:
        return TYPES[name]
    except KeyError:
        raise KeyError(f"unknown PLOVER type {name!r}") from None


def score(name: str) -> float:
    return plover_type(name).score


def group(name: str) -> str:
    return plover_type(name).group


def cameo_root(name: str, mode: str | None = None) -> str:
    """The two-digit CAMEO root code for a PLOVER type (refined by mode where CAMEO splits it)."""
    return _CAMEO_BY_MODE.get((name, mode or ""), plover_type(name).cameo)


def valid_mode(name: str, mode: str | None) -> bool:
    return mode is None or mode in plover_type(name).modes
