"""Exact and near-duplicate detection.

Exact: a content key over the whitespace-normalised text (case kept), so the
same article from another path or with other line breaks hashes the same.
Near: MinHash over word 5-grams in an LSH index, so a wire story republished
with small edits is found without comparing every pair. Signatures are kept
as bytes in the store and the index is rebuilt from them.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
THRESHOLD = 0.8
_SCHEME = "affine32"  # fixed, so signatures stored by one run compare with the next
_WORDS = re.compile(r"\w+")


def content_key(text: str) -> str:
    """sha256 of the text with every whitespace run made one space."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _crc32(data: bytes) -> int:
    # A C-speed 32-bit hash: the permutations do the mixing, and SHA-1 would triple the cost per article.
    return zlib.crc32(data)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # Permutations cost time to draw; draw them once and copy.
    return MinHash(num_perm=NUM_PERM, scheme=_SCHEME, hashfunc=_crc32)


def signature(text: str) -> bytes:
    """MinHash signature of the text's lower-cased word 5-grams, as bytes."""
    words = _WORDS.findall(text.lower())
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash = _template().copy()
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.astype("<u4").tobytes()


def _lean(sig: bytes) -> LeanMinHash:
    return LeanMinHash(seed=1, hashvalues=np.frombuffer(sig, dtype="<u4"), scheme=_SCHEME)


def jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.frombuffer(a, dtype="<u4") == np.frombuffer(b, dtype="<u4")))


class NearDuplicateIndex:
    """LSH over stored signatures: candidates found by band collisions, kept above the threshold."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[int, bytes] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, key: int, sig: bytes) -> None:
        if key not in self._signatures:
            self._lsh.insert(key, _lean(sig))
            self._signatures[key] = sig

    def similar(self, sig: bytes) -> list[tuple[int, float]]:
        """(key, estimated jaccard) of indexed signatures at or above the threshold, best first."""
        if not self._signatures:
            return []
        found = [(key, jaccard(sig, self._signatures[key])) for key in self._lsh.query(_lean(sig))]
        return sorted(((k, j) for k, j in found if j >= self.threshold), key=lambda kj: -kj[1])
