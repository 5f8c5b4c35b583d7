"""Store tools: a synthetic corpus at scale and the benchmark of the list queries over it."""
