"""Engines run the pure per-article stages: in this process, in a local process pool, or (later) on Ray."""
