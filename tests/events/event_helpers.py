"""Helpers for the event tests."""


def countries(parties) -> set:
    return {p.country for p in parties}


def find(events, event_type, **where):
    """Events of one type whose attributes match `where`."""
    return [e for e in events if e.event_type == event_type and all(getattr(e, k) == v for k, v in where.items())]
