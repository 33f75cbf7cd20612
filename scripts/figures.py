"""Write docs/figures.md from the evaluation command's own output and the last benchmark run.

Every accuracy figure in the docs comes from here (`parley eval --json` on each gold
corpus), never by eye. Run after `make bench` so the speed figures are current:

    .venv/bin/python scripts/figures.py
"""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PARLEY = str(ROOT / ".venv" / "bin" / "parley")

# (label, command arguments after `parley eval`, metrics to report)
CORPORA = [
    ("samples (3 real articles)", ["../shared/gold/samples.jsonl", "--codebook", "../shared/spec/codebook.yaml"]),
    ("PolNeAR dev (84 articles)", ["../shared/data/polnear/dev"]),
    ("PLOVER GSR dev (162 sentences)", ["../shared/data/plover/gsr-dev.jsonl"]),
    ("demo gold (4 invented articles)", ["demo/gold.jsonl", "--actors", "demo/actors.yaml",
                                         "--codebook", "demo/codebook.yaml"]),
]
F1_ROWS = [("statements", "span", "statement span F1"), ("statements", "attribution", "attribution F1"),
           ("events", "triples", "event triple F1"), ("positions", "matches", "position F1")]
SHARE_ROWS = [("events", "triple_recall", "event triple recall"), ("events", "dyad_recall", "event dyad recall"),
              ("events", "type_accuracy", "type accuracy on matched dyads"),
              ("events", "date_agreement", "date agreement on matched events")]


def evaluate(args: list[str]) -> dict:
    result = subprocess.run([PARLEY, "eval", *args, "--json"], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)["overall"]


def fmt(row: dict | None, key: str) -> str:
    value = (row or {}).get(key)
    return "–" if value is None else f"{value:.3f}"


def main() -> int:
    if not SHARED.is_dir():
        sys.exit("../shared is not beside the checkout")
    lines = [f"# Figures\n\nWritten by `scripts/figures.py` on {date.today()} from `parley eval --json` and the "
             "last `make bench` run (`bench/out/*.json`). Metrics are those of `../shared/spec/annotations.md`, "
             "micro-averaged.\n", "## Accuracy\n"]
    for label, args in CORPORA:
        overall = evaluate(args)
        lines.append(f"### {label}\n\n`.venv/bin/parley eval {' '.join(args)}`\n")
        lines.append("| metric | precision | recall | F1 |\n| --- | --- | --- | --- |")
        for section, key, name in F1_ROWS:
            row = overall.get(section, {}).get(key)
            if row:
                lines.append(f"| {name} | {fmt(row, 'precision')} | {fmt(row, 'recall')} | {fmt(row, 'f1')} |")
        shares = [(name, overall.get(section, {}).get(key)) for section, key, name in SHARE_ROWS]
        shares = [(name, row) for name, row in shares if row]
        if shares:
            lines.append("\n| share | value | of |\n| --- | --- | --- |")
            lines += [f"| {name} | {fmt(row, 'share')} | {row['hits']}/{row['total']} |" for name, row in shares]
        lines.append("")
    lines.append("## Speed (`make bench`)\n")
    out = ROOT / "bench" / "out"
    for name in ("ingest", "annotate", "web"):
        path = out / f"{name}.json"
        if path.exists():
            lines.append(f"### {name}\n\n```json\n{path.read_text().strip()}\n```\n")
    (ROOT / "docs" / "figures.md").write_text("\n".join(lines))
    print("wrote docs/figures.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
