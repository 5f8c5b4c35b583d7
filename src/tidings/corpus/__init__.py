"""Corpus stages: work over many stored articles at once (boilerplate, near-duplicates, clusters, stories)."""
