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


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # datasketch's affine permutations (drawn from its fixed seed), so the signatures are the ones its
    # MinHash would make and its LSH index expects.
    a, b = MinHash(num_perm=NUM_PERM, scheme=_SCHEME).permutations
    return a, b


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser, which datasketch's 32-bit scheme applies to each hash before permuting."""
    values ^= values >> np.uint32(16)
    values *= np.uint32(0x85EBCA6B)
    values ^= values >> np.uint32(13)
    values *= np.uint32(0xC2B2AE35)
    values ^= values >> np.uint32(16)
    return values


def signature(text: str) -> bytes:
    """MinHash signature of the text's lower-cased word 5-grams, as bytes.

    The arithmetic of datasketch's `MinHash.update_batch` (scheme affine32, CRC-32 of each shingle's
    UTF-8) done here on whole arrays: the library converts and checks its input on every call, which
    cost as much as the hashing itself.
    """
    words = _WORDS.findall(text.lower())
    if len(words) > SHINGLE:
        shingles = set(map(" ".join, zip(*(words[i:] for i in range(SHINGLE)))))
    else:  # a short text is one shingle
        shingles = {" ".join(words)}
    # CRC-32 mapped at C speed: the permutations do the mixing, and SHA-1 (datasketch's default) would
    # cost more than all the rest.
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, shingles)), dtype=np.uint32, count=len(shingles))
    a, b = _permutations()
    return (_fmix32(hashes)[:, None] * a + b).min(axis=0).astype("<u4").tobytes()


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
