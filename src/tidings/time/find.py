"""find_timexes: run every time rule over a text, keep the longest non-overlapping matches, normalise them in order."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ..model.time import Timex
from .calendar import interval_of, parse_anchor
from .context import Context, NoAnchor
from .rules import RULES, Norm, Rule

# Sentence ends: ., ! or ? (plus closing quotes) before a capital, a blank line, or a line break
# after a line that does not run on (a headline, a dateline).
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*\n"
                       r"|(?<=[^\s,;a-z])\n(?=\s*[\"“A-Z])")
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "gen", "col", "lt", "maj", "capt", "sen", "rep", "gov", "inc", "corp", "co", "ltd", "no",
    "vs", "u.s", "u.n", "a.m", "p.m", "jr", "sr", "prof", "rev", "gov't", "est",
})


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
            ctx.ref = ctx.last_day = parse_anchor(timex.value)
        if timex.type == "DATE" and timex.value[:1].isdigit() and rule.name not in _DERIVED:
            ctx.last = timex.value
    return out


# Rules whose value is counted from an earlier one: they never become the reference for the next.
_DERIVED = ("ago", "year_ago_adjective", "next_day")


# How far a rule's window reaches back and forward from its anchor word: further than any
# expression's words around that word ("the comparable year-earlier third quarter of fiscal 1989").
_BACK, _FORWARD = 40, 40  # tuned on the TimeBank/AQUAINT dev half: 40 finds all that 60 does


def _windows(text: str, lowered: str, anchor: re.Pattern[str]) -> list[tuple[int, int]]:
    """Merged (start, end) stretches around a rule's anchor words (found in lowered), widened to whole words."""
    out: list[tuple[int, int]] = []
    size = len(text)
    for m in anchor.finditer(lowered):
        start, end = max(0, m.start() - _BACK), min(size, m.end() + _FORWARD)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < size and not text[end].isspace():
            end += 1
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _candidates(text: str) -> list[tuple[int, int, Rule, re.Match[str]]]:
    """Every rule match, earliest first, longest first at one position, then in rule order.

    A rule's pattern runs only in windows around its anchor words: most of a news text holds none,
    and that is what makes finding fast.
    """
    found = []
    lowered = text.lower()
    same_length = len(lowered) == len(text)  # a few letters ("İ") lengthen when lower-cased
    for order, rule in enumerate(RULES):
        anchor = rule.anchor if same_length else rule.anchor_any_case
        for start, end in _windows(text, lowered if same_length else text, anchor):
            for m in rule.pattern.finditer(text, start, end):
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
