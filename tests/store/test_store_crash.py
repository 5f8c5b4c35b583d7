"""kill -9 in the middle of an ingest leaves every article fully stored or absent, and a re-run completes it."""
from __future__ import annotations

import importlib.util
import os
import signal
import subprocess
import sys
from pathlib import Path

from tidings.model.article import Failure
from tidings.store import Store

HERE = Path(__file__).resolve().parent
N = 3000  # items in the run; the kill lands after about a third of them


def _worker():
    spec = importlib.util.spec_from_file_location("crash_worker", HERE / "crash_worker.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _kill_mid_run(db: Path, n: int, after: int) -> int:
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "crash_worker.py"), str(db), str(n)],
        stdout=subprocess.PIPE, text=True,
    )
    last = -1
    try:
        for line in proc.stdout:
            last = int(line)
            if last >= after:
                os.kill(proc.pid, signal.SIGKILL)
                break
    finally:
        proc.wait()
        proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL, "the worker finished before it could be killed"
    return last


def _check_consistent(store: Store) -> int:
    conn = store.connection
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == n_articles
    orphans = conn.execute(
        "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM origins o WHERE o.article_id = a.id)"
    ).fetchone()[0]
    assert orphans == 0, "an article was stored without its origin"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    return n_articles


def test_sigkill_mid_ingest_then_rerun_gives_the_full_set_once(tmp_path):
    db = tmp_path / "crash.db"
    worker = _worker()
    killed_after = _kill_mid_run(db, N, after=N // 3)

    with Store.open(db) as store:
        partial = _check_consistent(store)
        assert 0 < partial < N
        # Everything the worker reported stored is there (it prints only after the commit).
        stored_origins = {o for (o,) in store.connection.execute("SELECT origin FROM origins")}
        reported = {f"feeds/frontier.xml#item{i}" for i in range(killed_after + 1) if i % 97 != 96}
        assert reported <= stored_origins

        items = list(worker.items(N))
        for item in items:
            if isinstance(item, Failure):
                store.add_failure(item)
            elif not store.has_origin(item.origin):
                store.add_article(item)

        articles = [i for i in items if not isinstance(i, Failure)]
        assert _check_consistent(store) == len({a.id for a in articles})
        s = store.summary()
        assert s.n_origins == len(articles)
        assert s.n_failures == sum(isinstance(i, Failure) for i in items)
        ids = [a.id for a in store.articles()]
        assert len(ids) == len(set(ids)) == len({a.id for a in articles})
        syndicated = store.article(articles[8].id)  # items 8 and 9 share a body
        assert syndicated.origins == ["feeds/frontier.xml#item8", "feeds/frontier.xml#item9"]


def test_repeated_kills_never_leave_a_half_article(tmp_path):
    db = tmp_path / "crash.db"
    for after in (200, 700, 1500):
        _kill_mid_run(db, N, after=after)
        with Store.open(db) as store:
            _check_consistent(store)
