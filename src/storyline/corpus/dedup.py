"""Exact and near-duplicate articles: content hashes and MinHash signatures (datasketch).

An article whose text is already stored (same content hash) adds nothing. One whose word
shingles overlap a stored article's by at least ``NEAR_DUPLICATE_JACCARD`` (estimated from
MinHash signatures, found through LSH bands kept in the store) is a near-duplicate: a
syndicated copy or a re-publication with small edits. It is stored and linked to the first
copy, and joins its story, but is not counted twice.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

PERMUTATIONS = 128
SCHEME = "affine32"  # datasketch 2.x hashing; stored signatures must be read back with the same
# LSH bands x rows = PERMUTATIONS. With 16 bands of 8 rows, pairs at Jaccard 0.8 share a band
# with probability 1 - (1 - 0.8**8)**16 = 0.98, pairs at 0.4 with 0.01.
BANDS, ROWS = 16, 8
# Word 5-shingles shared at least this much make a near-duplicate: wire copies with a new
# headline or a changed paragraph stay above it; two reports of one event stay far below.
NEAR_DUPLICATE_JACCARD = 0.8
SHINGLE = 5
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """The hash of a text with case and whitespace folded: the same article, re-saved, has the same hash."""
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8")).hexdigest()


def signature(text: str) -> MinHash:
    """The MinHash of a text's word shingles."""
    words = _WORD.findall(text.lower())
    minhash = MinHash(num_perm=PERMUTATIONS, seed=1, scheme=SCHEME)
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return MinHash(num_perm=PERMUTATIONS, seed=1, hashvalues=np.frombuffer(data, dtype=np.uint64), scheme=SCHEME)


def bands(minhash: MinHash) -> list[tuple[int, str]]:
    """The LSH band keys of a signature."""
    values = minhash.hashvalues.astype(np.uint64)
    return [(b, hashlib.blake2b(values[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).hexdigest())
            for b in range(BANDS)]


def similar(a: MinHash, b: MinHash) -> bool:
    return a.jaccard(b) >= NEAR_DUPLICATE_JACCARD
