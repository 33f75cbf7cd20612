"""Run every benchmark: each `bench/*_bench.py` module's `run()` with its defaults (`make bench`).

A new benchmark is a new `*_bench.py` module with a `run()` that prints its table
and writes its figures under bench/out/; nothing here needs to change.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main() -> int:
    names = sorted(path.stem for path in Path(__file__).parent.glob("*_bench.py"))
    for name in names:
        print(f"\n== {name} ==", flush=True)
        importlib.import_module(f"bench.{name}").run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
