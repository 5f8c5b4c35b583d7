"""Corrupted inputs of every kind: iter_inputs yields RawDocs and Failures and never raises."""

from __future__ import annotations

import gzip
import io
import json
import random

from ingest_helpers import make_warc

from tidings.config import Settings
from tidings.ingest import iter_inputs
from tidings.model.article import Failure, RawDoc

PAGE = b"<html><head><meta charset='cp1252'></head><body><p>Caf\xe9 talks</p></body></html>"
SEEDS = {
    "a.warc": make_warc([("response", "https://x.example/", 200, "text/html", PAGE)], gzip=False),
    "b.warc.gz": make_warc([("response", "https://x.example/", 200, "text/html", PAGE)], gzip=True),
    "c.rss": b'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item>'
    b"<title>T</title><description>&lt;p&gt;Body&lt;/p&gt;</description></item></channel></rss>",
    "d.atom": b'<feed xmlns="http://www.w3.org/2005/Atom"><title>D</title><entry><content type="xhtml">'
    b'<div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content></entry></feed>',
    "e.jsonl": b'{"text": "one", "title": "t"}\n{"body": "<p>two</p>"}\n',
    "f.json": json.dumps([{"text": "a"}, {"text": "b", "source": {"name": "x"}}]).encode(),
    "g.html": PAGE,
    "h.txt.gz": gzip.compress(b"Plain story text.\n" * 50),
}


def _corrupt(data: bytes, rng: random.Random) -> bytes:
    data = bytearray(data)
    roll = rng.random()
    if roll < 0.3:
        return bytes(data[: rng.randrange(len(data))])
    if roll < 0.7:
        for _ in range(rng.randint(1, 5)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    pos = rng.randrange(len(data))
    return bytes(data[:pos] + rng.randbytes(rng.randint(1, 20)) + data[pos:])


def test_corrupted_inputs_never_raise(tmp_path, capsys):
    rng = random.Random(20240305)
    settings = Settings(max_item_bytes=2048)
    for round_ in range(400):
        name, data = rng.choice(sorted(SEEDS.items()))
        bad = _corrupt(data, rng)
        path = tmp_path / f"{round_}-{name}"
        path.write_bytes(bad)
        out = list(iter_inputs([str(path), "-"], settings, stdin=io.BytesIO(bad)))
        assert all(isinstance(x, RawDoc | Failure) for x in out), name
