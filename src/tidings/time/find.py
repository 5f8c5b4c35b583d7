"""find_timexes: run every time rule over a text, keep the longest non-overlapping matches, normalise them in order."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .calendar import interval_of, parse_anchor
from .context import Context, NoAnchor
from .model import Timex
from .rules import RULES, Norm, Rule

# Sentence ends: ., ! or ? (plus closing quotes) before a capital, a blank line, or a line break
# after a line that does not run on (a headline, a dateline).
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n|(?<=[^\s,;a-z])\n(?=\s*[\"“A-Z])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st jan feb mar apr jun jul aug sep sept oct nov dec gen col lt maj capt sen rep gov inc corp co "
    "ltd no vs u.s u.n a.m p.m jr sr prof rev gov't est".split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cheap sentence spans (start, end) covering the text; abbreviations such as "Sept." do not end one."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if m.group().strip() == "" and text[m.start() - 1: m.start()] == ".":
            word = text[max(0, m.start() - 8):m.start() - 1].split()[-1:] or [""]
            w = word[0].lower().lstrip("(\"“")
            if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [s for s in spans if s[1] > s[0]]


def find_timexes(text: str, dct: str | None, sentences: Sequence[tuple[int, int]] | None = None) -> list[Timex]:
    """Time expressions in text, in order, normalised against dct (the publication date, ISO date or datetime).

    Without dct, expressions that need an anchor keep an "XXXX" value and precision "unknown".
    sentences, when given, are (start, end) spans; otherwise a cheap splitter finds them.
    """
    spans = list(sentences) if sentences else sentence_spans(text)
    starts = [s for s, _ in spans]
    ctx = Context(text, parse_anchor(dct))
    out: list[Timex] = []
    taken_until = -1
    current_sentence: tuple[int, int] | None = None
    for start, end, rule, match in _candidates(text):
        if start < taken_until:
            continue
        sentence = spans[max(0, bisect.bisect_right(starts, start) - 1)] if spans else (0, len(text))
        if sentence != current_sentence:
            current_sentence, ctx.ref = sentence, None
        ctx.sentence = sentence
        timex = _normalise(rule, match, ctx)
        if timex is None:
            continue
        out.append(timex)
        taken_until = end
        if timex.type in ("DATE", "TIME") and timex.precision in ("day", "datetime"):
            ctx.ref = parse_anchor(timex.value)
        if timex.type == "DATE" and timex.value[:1].isdigit() and rule.name not in _DERIVED:
            ctx.last = timex.value
    return out


# Rules whose value is counted from an earlier one: they never become the reference for the next.
_DERIVED = ("ago", "year_ago_adjective", "next_day")


def _candidates(text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Every rule match, earliest first, longest first at one position, then in rule order."""
    found = []
    for order, rule in enumerate(RULES):
        for m in rule.pattern.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), -m.end(), order, rule, m))
    found.sort(key=lambda c: c[:3])
    return [(s, -e, rule, m) for s, e, _, rule, m in found]


def _normalise(rule: Rule, match: re.Match[str], ctx: Context) -> Timex | None:
    try:
        norm = rule.handle(match, ctx)
    except NoAnchor:
        return _timex(match, rule, Norm(_unresolved_type(rule), rule.unresolved, precision="unknown"))
    if norm is None:
        return None
    return _timex(match, rule, norm)


def _unresolved_type(rule: Rule) -> str:
    return "TIME" if rule.name in ("clock", "part_of_day") else "DATE"


def _timex(match: re.Match[str], rule: Rule, norm: Norm) -> Timex:
    start, end = match.span()
    text = match.group()
    stripped = text.rstrip(" ,")  # spans never end in a separator the pattern allowed
    end -= len(text) - len(stripped)
    date_start = norm.start.isoformat() if norm.start else None
    date_end = norm.end.isoformat() if norm.end else None
    precision = norm.precision
    if norm.type in ("DATE", "TIME"):
        interval = interval_of(norm.value)
        if interval is not None:
            if date_start is None:
                date_start, date_end = interval[0].isoformat(), interval[1].isoformat()
            precision = precision or interval[2]
        precision = precision or "unknown"
    elif norm.type == "DURATION":
        precision = "duration"
    else:
        precision = "set"
    return Timex(start, end, stripped, norm.type, norm.value, date_start, date_end, precision, rule.name)
