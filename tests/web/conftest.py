"""Fixtures for the web tests: a store built from examples/ by the real ingest, an app, a live server."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.pipeline import ingest
from tidings.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"



@pytest.fixture(scope="session")
def demo_store(tmp_path_factory) -> Path:
    """The demo corpus ingested once; tests that write get their own copy (writable_store)."""
    db = tmp_path_factory.mktemp("web") / "demo.db"
    with Store.open(db) as store:
        report = ingest([str(EXAMPLES)], store, Settings.load(db=db))
        run_corpus_stages(store, Settings.load(db=db))
    assert report.new >= 30, report
    return db


def run_corpus_stages(store: Store, settings: Settings) -> None:
    """Near-duplicates, clusters, merged events and stories, as `tidings ingest` runs them after the
    per-article stages; each is incremental, so running one the ingest already ran does nothing."""
    from tidings.corpus.clusters import update_clusters
    from tidings.corpus.merge import update_merged
    from tidings.corpus.neardup import update_neardups
    from tidings.corpus.stories import update_stories

    update_neardups(store, settings)
    update_clusters(store, settings)
    update_merged(store, settings)
    update_stories(store, settings)


@pytest.fixture
def writable_store(demo_store: Path, tmp_path: Path) -> Path:
    db = tmp_path / "copy.db"
    with Store.open(demo_store) as store:  # fold the WAL in before copying the file
        store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(demo_store, db)
    return db


@pytest.fixture(scope="session")
def client(demo_store: Path):
    from fastapi.testclient import TestClient

    from tidings.web import create_app

    with TestClient(create_app(demo_store, Settings.load(db=demo_store))) as c:
        yield c


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(demo_store: Path):
    """The app served by uvicorn on 127.0.0.1 in a thread, for the browser tests."""
    import uvicorn

    from tidings.web import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(demo_store, Settings.load(db=demo_store)),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
