"""spaCy's attribute ruler with its patterns looked up by tag and word instead of run through a Matcher, same output."""
from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# The token attributes a pattern may test here, as spaCy's Matcher reads them (string values by
# their hash); a ruler whose patterns test anything else (or use quantifiers) is kept as it is.
_COLUMNS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_ARRAY = [LOWER, TAG, DEP, IS_SPACE]

Test = Callable[[int], bool]


@dataclass(frozen=True, slots=True)
class _Pattern:
    rule: int                                    # the ruler's rule index: a later rule's attributes win
    length: int                                  # tokens matched
    tests: tuple[tuple[int, int, Test], ...]     # (token offset, column, test of its value), the anchor's left out
    anchor: tuple[int, tuple[int, ...]] | None   # the first token's value in this column is one of these


class IndexedAttributeRuler:
    """The rules of a loaded AttributeRuler applied without spaCy's Matcher: each token gathers
    the patterns whose first token names its lower-cased form, tag, dependency or spacing, plus
    those that name none, and tests them. Every match of every rule is found first, then the
    attributes are set in rule order, as AttributeRuler does, so a later rule still wins."""

    def __init__(self) -> None:
        self.attrs: list[dict] = []
        self.indices: list[int] = []
        self.by_value: tuple[dict[int, list[_Pattern]], ...] = tuple({} for _ in _COLUMNS)
        self.unanchored: list[_Pattern] = []

    def fill(self, ruler: AttributeRuler, patterns: list[_Pattern]) -> None:
        """Take the rules of `ruler`, compiled by compile_rules."""
        self.attrs, self.indices = ruler.attrs, ruler.indices
        for p in patterns:
            if p.anchor is None:
                self.unanchored.append(p)
                continue
            column, values = p.anchor
            for value in values:
                self.by_value[column].setdefault(value, []).append(p)

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(_ARRAY).tolist()
        n = len(rows)
        lower, tag, dep, space = self.by_value
        matches = set()
        for i, (lo, tg, dp, sp) in enumerate(rows):
            for p in (*lower.get(lo, ()), *tag.get(tg, ()), *dep.get(dp, ()), *space.get(sp, ()),
                      *self.unanchored):
                end = i + p.length
                if end <= n and (not p.tests or all(test(rows[i + k][column]) for k, column, test in p.tests)):
                    matches.add((p.rule, i, end))
        for rule, start, end in sorted(matches):
            index = self.indices[rule]   # of the token to set within the match, from its end if negative
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                raise IndexError(f"attribute rule {rule} sets token {index} of a match of {end - start}")
            set_token_attrs(doc[at], self.attrs[rule])
        return doc


def compile_rules(ruler: AttributeRuler) -> list[_Pattern] | None:
    """The patterns of `ruler`, or None when one uses more than the tests above."""
    strings = ruler.vocab.strings
    patterns = []
    for rule, entry in enumerate(ruler.patterns):
        for pattern in entry["patterns"]:
            compiled = _compile(rule, pattern, strings)
            if compiled is None:
                return None
            patterns.append(compiled)
    return patterns


def _compile(rule: int, pattern: list[dict], strings: StringStore) -> _Pattern | None:
    if not pattern:
        return None
    anchor = _anchor(pattern[0])
    tests = []
    for k, spec in enumerate(pattern):
        for attr, value in spec.items():
            test = _test(value, strings) if attr in _COLUMNS else None
            if test is None:
                return None
            column = _COLUMNS.index(attr)
            if k == 0 and anchor is not None and column == anchor[0]:
                continue   # the index lookup has done this test
            tests.append((k, column, test))
    return _Pattern(rule, len(pattern), tuple(tests), anchor)


def _test(value, strings: StringStore) -> Test | None:
    """The Matcher's test for one attribute: a value, IN, NOT_IN or REGEX."""
    if isinstance(value, bool | str):
        return functools.partial(operator.eq, int(value) if isinstance(value, bool) else get_string_id(value))
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        values = frozenset(get_string_id(a) for a in arg)
        return values.__contains__ if op == "IN" else lambda v: v not in values
    if op == "REGEX" and isinstance(arg, str):
        rx = re.compile(arg)
        return lambda v: rx.search(strings[v]) is not None
    return None


def _anchor(spec: dict) -> tuple[int, tuple[int, ...]] | None:
    for attr in _COLUMNS:
        value = spec.get(attr)
        if isinstance(value, bool):
            return _COLUMNS.index(attr), (int(value),)
        if isinstance(value, str):
            return _COLUMNS.index(attr), (get_string_id(value),)
        if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("IN"), list):
            return _COLUMNS.index(attr), tuple(map(get_string_id, value["IN"]))
    return None


@Language.factory("indexed_attribute_ruler")
def make_indexed_attribute_ruler(nlp: Language, name: str) -> IndexedAttributeRuler:
    """An empty ruler: index_attribute_ruler fills it with the rules of the pipeline's own."""
    return IndexedAttributeRuler()


def index_attribute_ruler(nlp: Language) -> None:
    """Swap the pipeline's attribute ruler for its indexed form, when every pattern allows it."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    patterns = compile_rules(ruler)
    if patterns is not None:
        nlp.replace_pipe("attribute_ruler", "indexed_attribute_ruler").fill(ruler, patterns)
