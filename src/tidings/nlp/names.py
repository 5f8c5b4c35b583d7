"""Known names in text of any script: whole-word alias matching for Cyrillic and Arabic script, with Russian and Tajik case endings."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")

# A word: letters with their combining marks (Arabic vowel marks, Cyrillic stress marks). Digits,
# punctuation, spaces and the zero-width non-joiner end a word, so "اسلام‌آباد" (with the joiner)
# is the two words of "اسلام آباد".
_MARK_CHARS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{_MARK_CHARS}])*")
_MARKS = re.compile(rf"[{_MARK_CHARS}]")
# One spelling per letter where scripts and keyboards differ: Arabic yeh and kaf and their Persian
# forms, alef with hamza or madda, Urdu and Persian heh, teh marbuta; Russian ё; and the Tajik
# letters folded to the Russian ones (ҳ х, қ к, ғ г, ҷ ч, ӣ и, ӯ у), so that "Раҳмон" and "Рахмон"
# are one key and each alias serves both languages.
_FOLD = str.maketrans({
    "ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ہ": "ه", "ە": "ه",
    "ة": "ه", "ۀ": "ه", "ھ": "ه", "ؤ": "و",
    "ё": "е", "ҳ": "х", "қ": "к", "ғ": "г", "ҷ": "ч", "ӣ": "и", "ӯ": "у",
})
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Russian case endings of nouns and adjectives, and the Tajik suffixes written joined to a name
# (-и of the izofat, -ро of the object, -хо (-ҳо) of the plural), after folding. The rule: a Cyrillic
# alias word (not an abbreviation) names its stem, the word less a final vowel, й or ь, and the
# stem matches a text word made of it and one of these endings: "Путин" -> Путина, Путину,
# Путиным; "Россия" -> России, Россию, Россией; "Рахмон" -> Рахмону, Рахмоном, Рахмонро.
ENDINGS = frozenset({
    "", "а", "я", "у", "ю", "е", "и", "ы", "о", "ь", "й",
    "ом", "ем", "ём", "ым", "им", "ой", "ей", "ою", "ею", "ов", "ев", "ам", "ям", "ах", "ях", "ие", "ые",
    "ая", "яя", "ую", "юю", "ое", "ее", "ых", "их",
    "ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими",
    "ро", "хо",
})
_MAX_ENDING = max(map(len, ENDINGS))
# Letters an inflecting stem keeps at least ("Хан" inflects: Хана; no shorter stem does).
_MIN_STEM = 3
# The most words an alias has ("Министерство иностранных дел Республики Таджикистан").
MAX_WORDS = 8


def key(word: str) -> str:
    """A word's lookup key: composed, case-folded, without vowel marks or tatweel, letters folded (_FOLD)."""
    w = _MARKS.sub("", unicodedata.normalize("NFC", word)).casefold()
    return unicodedata.normalize("NFC", w).translate(_FOLD)


@dataclass(frozen=True, slots=True)
class _AliasWord:
    key: str
    stem: str | None  # the stem it inflects on, None when it is matched as written
    capital: bool = False  # only a word written with a capital letter matches it


def _alias_word(word: str, capital: bool = False) -> _AliasWord:
    k = key(word)
    if not _CYRILLIC.search(k) or word.isupper():
        return _AliasWord(k, None, capital)
    stem = k[:-1] if k[-1] in "аяоеиыуюйь" else k
    return _AliasWord(k, stem if len(stem) >= _MIN_STEM else None, capital)


def _candidates(k: str) -> set[str]:
    """The key of a text word and every stem it may be made of (the word less one of ENDINGS)."""
    out = {k}
    if _CYRILLIC.search(k):
        for n in range(1, _MAX_ENDING + 1):
            if len(k) - n >= _MIN_STEM and k[-n:] in ENDINGS:
                out.add(k[:-n])
    return out


def _word_matches(alias: _AliasWord, token: tuple[int, int, str, bool], stems: set[str]) -> bool:
    if alias.capital and not token[3]:
        return False
    return alias.key == token[2] or (alias.stem is not None and alias.stem in stems)


@dataclass(frozen=True, slots=True)
class NameHit(Generic[T]):
    """A name found in a text: character offsets, the text as written, and what the name stands for."""

    start: int
    end: int
    text: str
    value: T


class NameMatcher(Generic[T]):
    """Names (each with the value it stands for) found in a text as whole words, longest first:
    exact after folding (key) in Arabic script, on a stem with its case endings in Cyrillic. Names
    in `capitalised` match only words written with a capital letter (a Tajik place named like a
    day of the week, which is written in lower case)."""

    def __init__(self, names: Iterable[tuple[str, T]], capitalised: Iterable[tuple[str, T]] = ()):
        self._first: dict[str, list[tuple[tuple[_AliasWord, ...], T]]] = {}
        pairs = [(n, v, False) for n, v in names] + [(n, v, True) for n, v in capitalised]
        for name, value, capital in pairs:
            words = tuple(_alias_word(m.group(), capital) for m in _WORD.finditer(name))
            if not words or len(words) > MAX_WORDS:
                continue
            head = words[0].stem or words[0].key
            entries = self._first.setdefault(head, [])
            if all(w != words or v != value for w, v in entries):
                entries.append((words, value))

    def __len__(self) -> int:
        return sum(map(len, self._first.values()))

    def find(self, text: str) -> list[NameHit[T]]:
        """Every name in the text, left to right, none overlapping: at each word the longest name
        starting there (of equally long names, the first given)."""
        tokens = [(m.start(), m.end(), key(m.group()), m.group()[0].isupper()) for m in _WORD.finditer(text)]
        stems = [_candidates(t[2]) for t in tokens]
        hits: list[NameHit[T]] = []
        i = 0
        while i < len(tokens):
            best = self._longest(text, tokens, stems, i)
            if best is None:
                i += 1
                continue
            n, value = best
            start, end = tokens[i][0], tokens[i + n - 1][1]
            hits.append(NameHit(start, end, text[start:end], value))
            i += n
        return hits

    def _longest(self, text: str, tokens: list[tuple[int, int, str, bool]], stems: list[set[str]], i: int) -> tuple[int, T] | None:
        best: tuple[int, T] | None = None
        for head in stems[i]:
            for words, value in self._first.get(head, ()):
                n = len(words)
                if i + n > len(tokens) or (best is not None and n <= best[0]):
                    continue
                if all(_word_matches(w, tokens[i + j], stems[i + j]) for j, w in enumerate(words)) \
                        and _adjacent(text, tokens, i, n):
                    best = (n, value)
        return best


# What may stand between two words of one name: spaces, a hyphen, a zero-width non-joiner.
_JOIN = re.compile(r"[\s\u200c\u00a0-]{1,3}")


def _adjacent(text: str, tokens: list[tuple[int, int, str, bool]], i: int, n: int) -> bool:
    return all(_JOIN.fullmatch(text, tokens[j][1], tokens[j + 1][0]) for j in range(i, i + n - 1))


# Sentence ends in the region's scripts: . ! ? and the Arabic question mark and Urdu full stop,
# or a paragraph break.
_SENTENCE_END = re.compile(r"[.!?\u061f\u06d4]+(?=\s)|\n\s*\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text in any of the region's scripts (char offsets, blank edges trimmed)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out or [(0, len(text))]


__all__ = ["ENDINGS", "NameHit", "NameMatcher", "key", "sentences"]
