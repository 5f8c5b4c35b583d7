"""Russian named entities: slovnet's NER model and navec embeddings from natasha's wheel, with names' nominative forms from pymorphy3."""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model.nlp import Ent

# The model files inside natasha's wheel (MIT licence): read from there, never downloaded.
NAVEC_FILE = ("data", "emb", "navec_news_v1_1B_250K_300d_100q.tar")
NER_FILE = ("data", "model", "slovnet_ner_news_v1.tar")
# slovnet's labels as spaCy's, which the actor stage reads.
LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
# The grammemes of a name's words in pymorphy3 (OpenCorpora): given name, surname, patronymic, place.
_NAME_TAGS = ("Name", "Surn", "Patr")


@dataclass
class RussianNer:
    """The loaded tagger (slovnet NER over navec) and morphological analyser (pymorphy3)."""

    tagger: Any
    morph: Any


def available() -> bool:
    """Whether natasha's models and the libraries that run them are installed."""
    return all(importlib.util.find_spec(m) is not None for m in ("natasha", "slovnet", "navec", "pymorphy3"))


def load_russian_ner() -> RussianNer | None:
    """The Russian tagger, or None when its packages are not installed (Russian articles then get
    the native-name matches alone). Loading takes about 2 s."""
    if not available():
        return None
    import pymorphy3
    from navec import Navec
    from slovnet import NER

    spec = importlib.util.find_spec("natasha")
    root = Path(next(iter(spec.submodule_search_locations)))
    tagger = NER.load(str(root.joinpath(*NER_FILE)))
    tagger.navec(Navec.load(str(root.joinpath(*NAVEC_FILE))))
    return RussianNer(tagger, pymorphy3.MorphAnalyzer())


def russian_entities(text: str, ner: RussianNer) -> list[Ent]:
    """Person, organisation and place spans of a Russian text, each with its normal form."""
    markup = ner.tagger(text)
    out = []
    for span in markup.spans:
        surface = text[span.start:span.stop]
        label = LABELS.get(span.type)
        if label is None:
            continue
        normal = person_normal(surface, ner.morph) if label == "PERSON" else _place_normal(surface, ner.morph) \
            if label == "GPE" else surface
        out.append(Ent(span.start, span.stop, surface, label, normal=normal))
    return out


def person_normal(name: str, morph: Any) -> str:
    """A person's name in the nominative: "Андрея Рудькова" -> "Андрей Рудьков", "Ольгой Петровой"
    -> "Ольга Петрова". The given name fixes the gender its surname is read in (Рудькова: a man's
    surname in the genitive after Андрея, a woman's in the nominative after Ольга)."""
    words = name.split()
    gender = next((g for w in words if (g := _given_gender(w, morph))), None)
    return " ".join(_nominative(w, morph, gender) for w in words)


def _given_gender(word: str, morph: Any) -> str | None:
    for p in morph.parse(word):
        if "Name" in p.tag and p.tag.gender in ("masc", "femn"):
            return p.tag.gender
    return None


def _nominative(word: str, morph: Any, gender: str | None) -> str:
    if "-" in word:
        return "-".join(_nominative(w, morph, gender) for w in word.split("-"))
    parses = [p for p in morph.parse(word) if any(t in p.tag for t in _NAME_TAGS)]
    if gender is not None:
        parses = [p for p in parses if p.tag.gender == gender] or parses
    if not parses:
        return word
    form = parses[0].inflect({"nomn", "sing"})
    return _cased(form.word if form is not None else word, word)


def _place_normal(name: str, morph: Any) -> str:
    """A place's name in the nominative where pymorphy3 knows it as one ("Кабуле" -> "Кабул")."""
    out = []
    for word in name.split():
        geo = next((p for p in morph.parse(word) if "Geox" in p.tag), None)
        out.append(_cased(geo.normal_form, word) if geo is not None else word)
    return " ".join(out)


def common_word(word: str, morph: Any) -> bool:
    """Whether a Russian word is in the dictionary and none of its readings is a place name
    ("Как", "Роза": yes; "Кабуле", "Москве": no; "Хорог", unknown to the dictionary: no)."""
    parses = morph.parse(word)
    return any(p.is_known for p in parses) and not any("Geox" in p.tag for p in parses)


def _cased(form: str, like: str) -> str:
    """form with the capitals of like: the first letter, or every letter of an abbreviation."""
    if like.isupper() and len(like) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if like[:1].isupper() else form


__all__ = ["RussianNer", "available", "common_word", "load_russian_ner", "person_normal", "russian_entities"]
