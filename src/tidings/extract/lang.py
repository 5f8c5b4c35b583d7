"""Language identification of a clean article body: py3langid over the languages tidings serves, the script deciding short texts."""
from __future__ import annotations

import importlib.metadata
import re
from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from .. import cache

# The languages of the region tidings serves, and the neighbours they are most often taken for.
# py3langid (model inside its wheel, nothing downloaded) knows all of them, Tajik (ҳ қ ғ ӯ ҷ ӣ),
# Pashto (ټ ځ څ ډ ړ ږ ښ ګ ڼ ې ۍ) and Urdu (ٹ ڈ ڑ ں ے) included, and its character n-grams
# weigh those letters already: no script-letter rule is layered on it, since the library lacks
# none of these languages (docs/languages.md: a letter rule changed no answer on the test texts,
# and would call a Russian article from Dushanbe Tajik once its Tajik-spelt names add up).
SERVED = ("en", "ru", "tg", "fa", "ps", "ur")
NEIGHBOURS = ("uk", "kk", "ky", "uz", "tk", "az", "tr", "ar", "hi", "de", "fr", "es", "zh")
# Languages a news crawl brings in from elsewhere: outside this list the model names the nearest
# one inside it (Portuguese came out Spanish, Japanese and Korean Chinese on the real pages of
# eval/articles). With them the answers on the test texts are the same and a 2,000-character
# sample takes no longer (about 1.2-1.6 ms either way).
WORLD = ("it", "pt", "nl", "pl", "sv", "ro", "cs", "hu", "id", "vi", "ja", "ko", "he", "el", "bn", "pa",
         "hy", "ka", "mn")
LANGUAGES = SERVED + NEIGHBOURS + WORLD

# Below this many letters (a sentence or two) a Latin-script text is where the model errs most, and
# an English text wrongly named would lose its actors and events; the English function-word rule
# of extract.metadata decides such texts, as it did before the model. Set, not tuned.
LATIN_MIN_LETTERS = 200
# The library's probability a Latin-script text needs to be called a language other than English:
# lower and English pages heavy with names (wire lists, sports tables) leave the English stages.
# Set at 0.99, not tuned: on the 92 real pages of eval/articles the 79 English ones came out "en"
# and the 13 others their own language (de, it, pt, ru, ja, ko), the least sure of them at 0.994.
LATIN_MIN_PROB = 0.99
# The model reads the first this many characters of a body: a language shows in its first
# paragraphs, and the model's time grows with the text (about 7 ms for 5,000 characters, 3 ms for
# 2,000). Every test text and every one of the 92 real pages gets the same answer as from its whole body.
SAMPLE_CHARS = 2_000

# Letters of each script by Unicode block: Latin with its supplements and extended blocks; Cyrillic
# with the letters of Tajik, Kazakh and the others (ғ қ ҳ ҷ ӣ ӯ ...), less its combining signs;
# Arabic with its supplement and presentation forms, less digits and marks.
_SCRIPT_LETTERS = {
    "latin": re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"),
    "cyrillic": re.compile(r"[\u0400-\u0481\u048a-\u052f]"),
    "arabic": re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"),
}
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A language code (ISO 639-1) and how it was found: "script" (a text too short for the model,
    decided by its script and the English function-word rule) or "model" (py3langid, with its probability)."""

    code: str | None
    via: str
    prob: float = 1.0


def load_identifier(cache_dir: Path | None = None) -> LanguageIdentifier:
    """py3langid's model restricted to LANGUAGES. Decompressing it from the wheel takes 3-5 s; with a
    cache_dir its restricted copy is read back from the start-up cache (tidings.cache) instead."""
    model = Path(MODEL_DIR) / MODEL_FILE
    key = cache.source_key("langid", [model], [importlib.metadata.version("py3langid"), *LANGUAGES])
    return cache.cached(cache_dir, "langid", key, _build_identifier, _dump, _undump)


def _build_identifier() -> LanguageIdentifier:
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def _dump(ident: LanguageIdentifier) -> tuple:
    ptc = np.ascontiguousarray(ident.nb_ptc)
    return (ptc.dtype.str, ptc.shape, ptc.tobytes(), np.asarray(ident.nb_pc).dtype.str,
            np.asarray(ident.nb_pc).tobytes(), list(ident.nb_classes), ident.tk_nextmove.typecode,
            ident.tk_nextmove.tobytes(), ident.tk_row.typecode, ident.tk_row.tobytes(), list(ident.tk_output))


def _undump(data: tuple) -> LanguageIdentifier:
    ptc_dtype, shape, ptc, pc_dtype, pc, classes, move_code, moves, row_code, rows, output = data
    nextmove, row = array(move_code), array(row_code)
    nextmove.frombytes(moves)
    row.frombytes(rows)
    return LanguageIdentifier(np.frombuffer(ptc, dtype=ptc_dtype).reshape(shape), np.frombuffer(pc, dtype=pc_dtype),
                              classes, nextmove, output, norm_probs=True, tk_row=row)


def scripts(text: str) -> Counter[str]:
    """How many letters of each script (latin, cyrillic, arabic, other) a text has."""
    counts = Counter({name: len(pattern.findall(text)) for name, pattern in _SCRIPT_LETTERS.items()})
    counts["other"] = len(_LETTER.findall(text)) - sum(counts.values())
    return +counts


def identify(text: str, ident: LanguageIdentifier, english_rule: str | None = None) -> LanguageGuess:
    """The language of a clean body. english_rule is what the function-word rule says ("en" or
    None); it decides a short Latin-script text."""
    text = text[:SAMPLE_CHARS]
    counts = scripts(text)
    letters = sum(counts.values())
    if not letters:
        return LanguageGuess(None, "script", 0.0)
    main = counts.most_common(1)[0][0]
    if main == "latin" and letters < LATIN_MIN_LETTERS:
        return LanguageGuess(english_rule, "script", 0.0)
    code, prob = ident.classify(text)
    if main == "latin" and code != "en" and prob < LATIN_MIN_PROB:
        return LanguageGuess(english_rule, "model", prob)
    return LanguageGuess(code, "model", prob)


def declared(code: str | None) -> str | None:
    """A declared language as ISO 639-1: "en-US", "en_GB" -> "en"; "" -> None."""
    if not code:
        return None
    head = code.strip().replace("_", "-").split("-")[0].lower()
    return head or None


def article_language(body: str, declared_code: str | None, ident: LanguageIdentifier,
                     english_rule: str | None) -> str | None:
    """What an article carries: the language its text shows, else the one its page or feed declared."""
    guess = identify(body, ident, english_rule)
    return guess.code or declared(declared_code)


def is_english(language: str | None) -> bool:
    """Whether the English stages (NER, actors, events) run on an article: English or unknown."""
    return language is None or language == "en"


__all__ = ["LANGUAGES", "SERVED", "LanguageGuess", "article_language", "declared", "identify", "is_english",
           "load_identifier", "scripts"]
