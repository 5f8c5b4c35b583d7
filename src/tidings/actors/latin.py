"""Latin keys of names in any script: transliteration (anyascii) of the letters that are not Latin, for ids and matching."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from anyascii import anyascii


def _is_latin(char: str) -> bool:
    return char.isascii() or unicodedata.name(char, "").startswith("LATIN")


def latin(name: str) -> str:
    """The name with every letter of another script transliterated ("Андрей Рудьков" ->
    "Andrey Rudkov"); Latin letters, diacritics included, are left as they are."""
    if all(_is_latin(c) for c in name):
        return name
    return "".join(c if _is_latin(c) or not c.isalpha() else _translit(c) for c in name)


def _translit(char: str) -> str:
    """One letter in ASCII, without the apostrophes and backticks that stand for soft signs and ayins."""
    return anyascii(char).replace("'", "").replace("`", "")


def slug(name: str) -> str:
    """The id slug of a name: lower-case ASCII words joined by "-" ("Rahmón" -> "rahmon",
    "Андрей Рудьков" -> "andrey-rudkov"); a name with no letter to keep gets a short hash, so
    two distinct names never share a slug through being unspellable."""
    s = unicodedata.normalize("NFKD", latin(name))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "h" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


__all__ = ["latin", "slug"]
