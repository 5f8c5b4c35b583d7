"""Shared helpers of the geo tests."""


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    """The span of each name's first occurrence after the previous one."""
    out, at = [], 0
    for name in names:
        start = text.index(name, at)
        out.append((start, start + len(name)))
        at = start + len(name)
    return out
