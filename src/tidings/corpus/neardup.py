"""Near-duplicates: syndicated and lightly edited copies found by MinHash-LSH over word shingles, linked to the earliest copy."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

# Word shingles of this many words. 5 keeps two separately written reports of one event apart
# (they share names and phrases, rarely five words running) while a copy with a changed
# headline, an added sentence and other outlet debris keeps most of its shingles.
SHINGLE_WORDS = 5
# MinHash signature length and its split into LSH bands: 32 bands of 4 rows make two texts with
# shingle Jaccard 0.5 share a band with probability 1 - (1 - 0.5^4)^32 = 0.87 and texts at 0.2
# with probability 0.05; candidates are then checked on their real shingles.
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
# A candidate is a near-duplicate when its shingle containment (shared shingles over the shorter
# text's shingles) reaches this. Tuned on the demo corpus in examples/: the three copies of the
# CANS reservists story (feed item 1, the Indus Evening Post dump, the Steppe Wire page with an
# added sentence and a new headline) score 0.77-0.86 with one another and the two copies of the
# Khost/Paktika strikes story 0.73, while every other pair, separately written reports of the
# same events included (Pamir Dispatch's own reservists story, the two reports of the Khan-Rahmon
# call), scores 0.09 or less. 0.5 sits between with room for heavier edits.
MIN_CONTAINMENT = 0.5
# Texts with fewer shingles than this are too short to call copies (a one-line brief).
MIN_SHINGLES = 12
_SEED = 0x7469_6469_6E67_73  # fixed: signatures stored in a file must stay comparable across runs
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MASK32 = np.uint64(0xFFFF_FFFF)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A text's shingle hashes (sorted, unique) and its MinHash signature."""

    shingles: np.ndarray  # uint64
    signature: np.ndarray  # uint32, NUM_PERM values

    def band_keys(self) -> list[int]:
        """One bucket key per band: a signed 64-bit hash of the band's rows (fits SQLite INTEGER)."""
        return [band_key(i, self.signature[i * ROWS:(i + 1) * ROWS]) for i in range(BANDS)]


def _params() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(_SEED)
    a = rng.integers(1, 2 ** 63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)  # odd multipliers
    b = rng.integers(0, 2 ** 63, size=NUM_PERM, dtype=np.uint64)
    return a, b


_A, _B = _params()


def shingle_hashes(text: str, k: int = SHINGLE_WORDS) -> np.ndarray:
    """Sorted unique 64-bit hashes of the text's casefolded k-word shingles."""
    toks = _WORD.findall(unicodedata.normalize("NFKC", text or "").casefold())
    if len(toks) < k:
        return np.zeros(0, dtype=np.uint64)
    grams = {" ".join(toks[i:i + k]) for i in range(len(toks) - k + 1)}
    values = [int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "little") for g in grams]
    return np.unique(np.array(values, dtype=np.uint64))


def fingerprint(text: str) -> Fingerprint:
    """Shingles and MinHash signature of a text (multiply-shift hashing, one per permutation)."""
    sh = shingle_hashes(text)
    if sh.size == 0:
        return Fingerprint(sh, np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32))
    with np.errstate(over="ignore"):
        hashed = (sh[None, :] * _A[:, None] + _B[:, None]) >> np.uint64(32)
    return Fingerprint(sh, (hashed & _MASK32).min(axis=1).astype(np.uint32))


def band_key(band: int, rows: np.ndarray) -> int:
    digest = hashlib.blake2b(bytes([band]) + rows.astype("<u4").tobytes(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Shared shingles over the smaller set's size (0 when either is too short to judge)."""
    if min(a.size, b.size) < MIN_SHINGLES:
        return 0.0
    return np.intersect1d(a, b, assume_unique=True).size / min(a.size, b.size)


def is_near_duplicate(a: Fingerprint, b: Fingerprint) -> bool:
    return containment(a.shingles, b.shingles) >= MIN_CONTAINMENT


@dataclass(slots=True)
class NearDupIndex:
    """LSH buckets of fingerprints, in memory (the store keeps the same in neardup_* tables)."""

    buckets: dict[int, set[str]] = field(default_factory=dict)
    prints: dict[str, Fingerprint] = field(default_factory=dict)

    def add(self, doc_id: str, fp: Fingerprint) -> None:
        self.prints[doc_id] = fp
        for key in fp.band_keys():
            self.buckets.setdefault(key, set()).add(doc_id)

    def candidates(self, fp: Fingerprint) -> set[str]:
        found: set[str] = set()
        for key in fp.band_keys():
            found |= self.buckets.get(key, set())
        return found

    def matches(self, doc_id: str, fp: Fingerprint) -> list[str]:
        """Indexed documents that `fp` is a near-duplicate of (verified on shingles)."""
        return sorted(c for c in self.candidates(fp) if c != doc_id and is_near_duplicate(fp, self.prints[c]))


def group_roots(pairs: Iterable[tuple[str, str]], order: dict[str, tuple]) -> dict[str, str]:
    """Connected groups of near-duplicate pairs, each member -> its group's earliest member by `order`."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb, key=lambda x: order[x])] = min(ra, rb, key=lambda x: order[x])
    return {x: find(x) for x in parent}


@dataclass(slots=True)
class NearDupReport:
    """What one near-duplicate pass did."""

    fingerprinted: int = 0
    linked: int = 0  # articles whose near_duplicate_of was set or changed


def update_neardups(store, settings=None) -> NearDupReport:
    """Fingerprint articles not yet fingerprinted (or whose body changed), oldest first; link each
    near-duplicate group to its earliest article (near_duplicate_of; the earliest gets none).
    One transaction per article; running it again does nothing."""
    from ..store.corpus import (
        bucket_members,
        copies_of,
        duplicate_roots,
        load_prints,
        publication_order,
        set_near_duplicate,
        unprinted_articles,
        write_print,
    )

    report = NearDupReport()
    conn = store.connection
    for article_id, body in unprinted_articles(conn):
        fp = fingerprint(body)
        with store.transaction() as tx:
            found = bucket_members(tx, fp.band_keys()) - {article_id}
            prints = load_prints(tx, found)
            matches = [c for c in sorted(found) if c in prints and is_near_duplicate(fp, prints[c])]
            write_print(tx, article_id, len(body), fp)
            report.fingerprinted += 1
            if not matches:
                continue
            roots = duplicate_roots(tx, matches + [article_id])
            heads = {r or a for a, r in roots.items()}
            group = {article_id, *matches, *heads} | copies_of(tx, heads)
            order = publication_order(tx, group)
            root = min(group, key=lambda a: order[a])
            for member in sorted(group):
                if set_near_duplicate(tx, member, None if member == root else root):
                    report.linked += 1
    return report
