"""The issue codebook: what each side can want, as propositions with cue phrases for and against.

An analyst writes one YAML file per negotiation they follow (`negotiation`, then
`issues`, each with `id`, `proposition`, `for` and `against` cue lists). Errors name
the file and the entry, because a codebook is hand-written and read by non-programmers.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

SHIPPED = "data/codebook.yaml"


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
