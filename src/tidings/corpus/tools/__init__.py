"""Offline tools of the corpus stages: readers of public gold sets and the fitting of the
packaged weights (run by hand or by `tidings eval`, never at ingest time)."""
