"""Shared fixtures: the spaCy pipeline and knowledge bases are loaded once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEMO = ROOT / "demo"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip when the shared folder is not beside the checkout."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="session")
def nlp():
    from parley.annotate.nlp import load_nlp
    return load_nlp()


@pytest.fixture(scope="session")
def kb():
    from parley.knowledge.actors import KnowledgeBase
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def demo_kb():
    from parley.knowledge.actors import KnowledgeBase
    return KnowledgeBase.load([DEMO / "actors.yaml"])
