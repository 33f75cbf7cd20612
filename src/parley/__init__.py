"""Parley: a sourced record of who said what, who wants what from whom, and what happened."""
__version__ = "0.1.0"
