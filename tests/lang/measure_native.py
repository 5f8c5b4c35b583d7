"""Precision and recall of the native-name actor and place matches on the test articles (tests/lang/texts, native, unseen; gold in tests/lang/native/gold.toml), and the time per article.

Run: PYTHONPATH=src python tests/lang/measure_native.py
"""
from __future__ import annotations

import time
import tomllib
from collections import Counter
from pathlib import Path

from tidings.config import Settings
from tidings.model.article import Article
from tidings.model.item import Item
from tidings.pipeline import ARTICLE_STAGES, run_stages
from tidings.resources import Resources

HERE = Path(__file__).parent
NATIVE_STAGE = [s for s in ARTICLE_STAGES if s.name == "native"]


def _items(gold: dict) -> list[tuple[str, str, Item]]:
    out = []
    for folder in ("texts", "native", "unseen"):
        for lang in gold[folder]:
            body = (HERE / folder / f"{lang}.txt").read_text(encoding="utf-8").strip()
            article = Article(id=f"{folder}-{lang}", origin=f"{folder}/{lang}.txt", body=body, title="")
            article.language = lang
            out.append((folder, lang, Item(None, article=article)))
    return out


def _score(found: Counter, wanted: Counter) -> tuple[int, int, int]:
    right = sum((found & wanted).values())
    return right, sum(found.values()), sum(wanted.values())


def main() -> None:
    gold = tomllib.loads((HERE / "native" / "gold.toml").read_text(encoding="utf-8"))
    res = Resources(Settings.load())
    start = time.perf_counter()
    for name in ("kb", "gazetteer", "native_actors", "native_places", "russian_ner"):
        getattr(res, name)
    print(f"loading: {time.perf_counter() - start:.1f} s")
    totals: dict[tuple[str, str], list[int]] = {}
    for folder, lang, item in _items(gold):
        run_stages([item], res, NATIVE_STAGE)
        want = gold[folder][lang]
        actors = Counter((m.text, m.entity_id) for m in item.actors.mentions)
        places = Counter((p.text, p.location.name) for p in item.events.places)
        for kind, found in (("actors", actors), ("places", places)):
            right, n_found, n_wanted = _score(found, Counter(map(tuple, want[kind])))
            t = totals.setdefault((lang, kind), [0, 0, 0])
            t[0], t[1], t[2] = t[0] + right, t[1] + n_found, t[2] + n_wanted
            wrong = sorted(set(found) - set(map(tuple, want[kind])))
            missed = sorted(set(map(tuple, want[kind])) - set(found))
            print(f"{folder}/{lang} {kind}: {right}/{n_found} found right, {right}/{n_wanted} of the gold;"
                  f" wrong {wrong} missed {missed}")
    print("\nlanguage  kind    precision  recall")
    for (lang, kind), (right, n_found, n_wanted) in sorted(totals.items()):
        print(f"{lang:8}  {kind:6}  {right}/{n_found:<8} {right}/{n_wanted}")
    items = [it for _, _, it in _items(gold)]
    for lang in ("ru", "tg", "fa", "ps", "ur"):
        batch = [it for it in items if it.article.language == lang] * 50
        start = time.process_time()
        run_stages(batch, res, NATIVE_STAGE)
        ms = (time.process_time() - start) * 1000 / len(batch)
        chars = sum(len(it.article.body) for it in batch) / len(batch)
        print(f"{lang}: {ms:.1f} CPU ms per article ({chars:.0f} characters), native stage")


if __name__ == "__main__":
    main()
