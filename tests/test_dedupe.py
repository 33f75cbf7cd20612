"""Near-duplicate signatures: Parley computes datasketch's MinHash arithmetic itself, so it must match it."""
from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from datasketch import MinHash

from parley.ingest.dedupe import NUM_PERM, SHINGLE, content_key, signature

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


def _datasketch_signature(text: str) -> bytes:
    words = re.findall(r"\w+", text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme="affine32", hashfunc=zlib.crc32)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.astype("<u4").tobytes()


@pytest.mark.parametrize("path", sorted(DEMO.rglob("*.txt")), ids=lambda p: p.name)
def test_signature_is_datasketchs_minhash(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert signature(text) == _datasketch_signature(text)


@pytest.mark.parametrize("text", ["", "Talks", "one two three four five", "Ostrel and Varnia met again in Tarsk."])
def test_short_texts_are_one_shingle(text: str) -> None:
    assert signature(text) == _datasketch_signature(text)


def test_content_key_ignores_whitespace_not_case() -> None:
    assert content_key("Talks  resume\nin Tarsk.") == content_key("Talks resume in Tarsk.")
    assert content_key("talks resume") != content_key("Talks resume")
