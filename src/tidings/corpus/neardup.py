"""Near-duplicates: syndicated and lightly edited copies found by MinHash-LSH over word shingles, linked to the earliest copy."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from ..config import Settings
from ..model.corpus import Fingerprint
from ..store import Store
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
# How close a copy must be (min containment, min shingles): settings neardup_min_containment and
# neardup_min_shingles (tidings.config, where their tuning is noted).
_SEED = 0x7469_6469_6E67_73  # fixed: signatures stored in a file must stay comparable across runs
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MASK32 = np.uint64(0xFFFF_FFFF)


def band_keys(fp: Fingerprint) -> list[int]:
    """One bucket key per band: a signed 64-bit hash of the band's rows (fits SQLite INTEGER)."""
    return [band_key(i, fp.signature[i * ROWS:(i + 1) * ROWS]) for i in range(BANDS)]


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


def containment(a: np.ndarray, b: np.ndarray, min_shingles: int) -> float:
    """Shared shingles over the smaller set's size (0 when either has fewer than min_shingles)."""
    if min(a.size, b.size) < min_shingles:
        return 0.0
    return np.intersect1d(a, b, assume_unique=True).size / min(a.size, b.size)


def is_near_duplicate(a: Fingerprint, b: Fingerprint, settings: Settings) -> bool:
    """Whether one text is a copy of the other, by the near-duplicate settings."""
    return (containment(a.shingles, b.shingles, settings.neardup_min_shingles)
            >= settings.neardup_min_containment)


@dataclass(slots=True)
class NearDupReport:
    """What one near-duplicate pass did."""

    fingerprinted: int = 0
    linked: int = 0  # articles whose near_duplicate_of was set or changed


def update_neardups(store: Store, settings: Settings) -> NearDupReport:
    """Fingerprint articles not yet fingerprinted (or whose body changed), oldest first; link each
    near-duplicate group to its earliest article (near_duplicate_of; the earliest gets none).
    One transaction per article; running it again does nothing."""
    report = NearDupReport()
    conn = store.connection
    for article_id, body in unprinted_articles(conn):
        fp = fingerprint(body)
        with store.transaction() as tx:
            keys = band_keys(fp)
            found = bucket_members(tx, keys) - {article_id}
            prints = load_prints(tx, found)
            matches = [c for c in sorted(found) if c in prints and is_near_duplicate(fp, prints[c], settings)]
            write_print(tx, article_id, len(body), fp, keys)
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
