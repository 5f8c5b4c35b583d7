"""What the dyad summary's triggers (migration 0008) add to writing merged events: the same rows written with and without them.

    python -m tidings.store.tools.trigger_cost --db /tmp/big.db [--rows 20000] [--repeat 3]

Reads `--rows` merged events from a filled store (fill_synthetic), then writes them into two new
stores, one transaction per 100 rows as the merge stage writes them: one with every migration,
one with the dyad triggers dropped. Each round writes the rows new, then again (INSERT OR
REPLACE, as a re-merge does); CPU seconds of this process are reported per store, best of `--repeat`.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time
from pathlib import Path

from ..db import Store

COLUMNS = ("id", "event_type", "mode", "modality", "quad_class", "intensity", "date", "date_start", "date_end",
           "date_precision", "cluster_id", "actors", "recipients", "article_ids", "num_articles", "num_sources",
           "sources", "contradictions", "summary", "text", "n_members", "updated_at")
BATCH = 100  # merged events per transaction


def _rows(path: Path, n: int) -> list[tuple]:
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT {', '.join(COLUMNS)} FROM merged_events ORDER BY id LIMIT ?", (n,)).fetchall()
    finally:
        conn.close()


def _write(rows: list[tuple], triggers: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "t.db") as store:
        conn = store.connection
        if not triggers:
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                        " AND (tbl_name IN ('merged_events', 'entity_redirects')"
                                        " OR tbl_name LIKE 'dyad%')").fetchall():
                conn.execute(f'DROP TRIGGER "{name}"')
        sql = f"INSERT OR REPLACE INTO merged_events ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
        t0 = time.process_time()
        for _round in range(2):  # new rows, then the same rows replaced
            for i in range(0, len(rows), BATCH):
                with store.transaction() as tx:
                    tx.executemany(sql, rows[i:i + BATCH])
        return time.process_time() - t0


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="a filled store to take merged events from")
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    rows = _rows(a.db, a.rows)
    without = min(_write(rows, False) for _ in range(a.repeat))
    with_triggers = min(_write(rows, True) for _ in range(a.repeat))
    print(json.dumps({"rows": len(rows), "writes": 2 * len(rows), "cpu_s_without": round(without, 3),
                      "cpu_s_with": round(with_triggers, 3),
                      "us_per_write_added": round((with_triggers - without) / (2 * len(rows)) * 1e6, 1)}))


if __name__ == "__main__":
    main()
