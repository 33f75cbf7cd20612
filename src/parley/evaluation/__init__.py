"""Scoring annotations against gold (`annotations.md`, "How two annotations are compared") and reading gold corpora."""
from .compare import actors_equal, dates_agree, evaluate, normalize_name
from .gold import read_gold
from .polnear import read_polnear
from .report import EvalReport, render

__all__ = ["EvalReport", "actors_equal", "dates_agree", "evaluate", "normalize_name",
           "read_gold", "read_polnear", "render"]
