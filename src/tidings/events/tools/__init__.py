"""Scripts that build tidings' packaged event data from public resources (run by hand, never at ingest time)."""
