"""Language identification of a clean article body: py3langid over the languages tidings serves, with script-letter rules."""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# The languages of the region tidings serves, and the neighbours they are most often taken for.
# py3langid (model inside its wheel, nothing downloaded) knows all of them, Tajik included.
SERVED = ("en", "ru", "tg", "fa", "ps", "ur")
NEIGHBOURS = ("uk", "kk", "ky", "uz", "tk", "az", "tr", "ar", "hi", "de", "fr", "es", "zh")
LANGUAGES = SERVED + NEIGHBOURS

# Letters that only one served language writes, per script. The library decides among the
# languages of a script; these letters overrule it (Tajik is the Cyrillic with ҳ қ ғ ӯ ҷ ӣ;
# among Arabic-script languages Pashto alone writes ټ ځ څ ډ ړ ږ ښ ګ ڼ ې ۍ and Urdu
# alone ٹ ڈ ڑ ں ے; heh doachashmee ھ is Urdu's but Pashto and Persian borrow it, so it is left out).
TAJIK_LETTERS = frozenset("ҳқғӯҷӣҲҚҒӮҶӢ")
PASHTO_LETTERS = frozenset("ټځڅډړږښګڼېۍ")
URDU_LETTERS = frozenset("ٹڈڑںے")
# Share of a text's letters that must be one language's own letters for the rule to decide:
# one in two hundred letters (a Tajik or Pashto sentence has several; a stray quoted name does
# not reach it). Set on the test texts of tests/lang, not tuned on any gold set.
OWN_LETTER_SHARE = 0.005

# Below this many letters a Latin-script text is too short for the library to tell English from
# its neighbours (short headlines come out Latin, Breton or Tagalog); the English function-word
# rule of extract.metadata decides such texts, as it did before the library.
LATIN_MIN_LETTERS = 200
# The library's probability a Latin-script text needs to be called a language other than English:
# lower and English pages heavy with names (wire lists, sports tables) leave the English stages.
# Held at 0.99 on the 92 real pages of eval/articles (every one came out "en" at any threshold).
LATIN_MIN_PROB = 0.99


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """A language code (ISO 639-1) and why: "script" (own letters), "model" (py3langid) or "declared"."""

    code: str | None
    via: str
    prob: float = 1.0


def load_identifier() -> LanguageIdentifier:
    """py3langid's model, read from its wheel and restricted to LANGUAGES (about 4 s once per process)."""
    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(LANGUAGES))
    return ident


def script_of(char: str) -> str:
    """"latin", "cyrillic", "arabic" or "other" for one letter, from its Unicode name."""
    name = unicodedata.name(char, "")
    for script in ("LATIN", "CYRILLIC", "ARABIC"):
        if name.startswith(script):
            return script.lower()
    return "other"


def scripts(text: str) -> Counter[str]:
    """How many letters of each script a text has."""
    return Counter(script_of(c) for c in text if c.isalpha())


def identify(text: str, ident: LanguageIdentifier, english_rule: str | None = None) -> LanguageGuess:
    """The language of a clean body. english_rule is what the function-word rule says ("en" or
    None); it decides a short Latin-script text."""
    counts = scripts(text)
    letters = sum(counts.values())
    if not letters:
        return LanguageGuess(None, "script", 0.0)
    main = counts.most_common(1)[0][0]
    own = _own_letters(text, main, letters)
    if own is not None:
        return LanguageGuess(own, "script")
    if main == "latin" and letters < LATIN_MIN_LETTERS:
        return LanguageGuess(english_rule, "script", 0.0)
    code, prob = ident.classify(text)
    if main == "latin" and code != "en" and prob < LATIN_MIN_PROB:
        return LanguageGuess(english_rule, "model", prob)
    return LanguageGuess(code, "model", prob)


def _own_letters(text: str, script: str, letters: int) -> str | None:
    """The served language whose own letters the text has, for a Cyrillic or Arabic-script text."""
    own = {"cyrillic": (("tg", TAJIK_LETTERS),),
           "arabic": (("ps", PASHTO_LETTERS), ("ur", URDU_LETTERS))}.get(script, ())
    shares = [(sum(c in letter_set for c in text) / letters, code) for code, letter_set in own]
    best = max(shares, default=(0.0, None))
    return best[1] if best[0] >= OWN_LETTER_SHARE else None


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
           "load_identifier", "script_of", "scripts"]
