"""The start-up cache: resources compiled once into a cache folder, reused while their sources
are unchanged, rebuilt when a source changes or a cache file is damaged."""
import os
from pathlib import Path

import pytest

from tidings import cache
from tidings.actors.kb import KnowledgeBase
from tidings.config import Settings
from tidings.events.lexicon import load_lexicon
from tidings.geo.gazetteer import Gazetteer
from tidings.resources import Resources

USER_KB = '''version = "1"

[[entity]]
id = "per:nodira-example"
name = "Nodira Karimova-Example"
type = "PER"
roles = [{country = "UZB", sector = "GOV", title = "Governor of Samarkand", start = "2024-02"}]
'''


def files(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.*{cache.SUFFIX}"))


class Counter:
    """A build function that says how often it ran."""

    def __init__(self, value):
        self.value, self.calls = value, 0

    def __call__(self):
        self.calls += 1
        return self.value


def cached_plain(folder: Path, key: bytes, build: Counter):
    return cache.cached(folder, "plain", key, build, lambda v: v, lambda d: d)


def test_built_once_then_read_back(tmp_path):
    key = cache.source_key("plain", [])
    build = Counter({"kabul": [(1, 0), (-3, 2)], "codes": frozenset({"AFG", "TJK"})})
    assert cached_plain(tmp_path, key, build) == build.value
    assert cached_plain(tmp_path, key, build) == build.value
    assert build.calls == 1
    assert len(files(tmp_path, "plain")) == 1


def test_a_changed_source_changes_the_key(tmp_path):
    source = tmp_path / "table.csv"
    source.write_text("name,lat,lon\nDushanbe,38.54,68.78\n", encoding="utf-8")
    before = cache.source_key("plain", [source])
    source.write_text("name,lat,lon\nDushanbe,38.54,68.78\nKhujand,40.28,69.62\n", encoding="utf-8")
    assert cache.source_key("plain", [source]) != before
    assert cache.source_key("plain", [source], ["another model"]) != cache.source_key("plain", [source])


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "empty"])
def test_a_damaged_file_is_ignored_and_rewritten(tmp_path, damage):
    key = cache.source_key("plain", [])
    build = Counter([["Kabul", 34.53, 69.17, "AFG"], ["Herat", 34.35, 62.2, "AFG"]])
    cached_plain(tmp_path, key, build)
    [path] = files(tmp_path, "plain")
    blob = path.read_bytes()
    damaged = {"garbage": b"not a cache file at all", "truncated": blob[: len(blob) // 2],
               "flipped": blob[:-3] + bytes([blob[-3] ^ 0xFF]) + blob[-2:], "empty": b""}[damage]
    path.write_bytes(damaged)
    assert cached_plain(tmp_path, key, build) == build.value
    assert build.calls == 2
    assert cache.read(path, key) == build.value  # whole again


def test_a_payload_that_does_not_fit_is_rebuilt(tmp_path):
    key = cache.source_key("plain", [])
    cache.write(tmp_path / f"plain.{key.hex()[:16]}{cache.SUFFIX}", key, ["not", "a", "dict"])
    build = Counter({"Tajikistan": "TJK"})
    assert cache.cached(tmp_path, "plain", key, build, dict, lambda d: {k: d[k] for k in d}) == build.value
    assert build.calls == 1


def test_an_unwritable_folder_leaves_the_resource_uncached(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    build = Counter({"Khorog": "TJK"})
    key = cache.source_key("plain", [])
    assert cached_plain(blocker / "cache", key, build) == build.value
    assert cached_plain(blocker / "cache", key, build) == build.value
    assert build.calls == 2


def test_no_folder_no_cache():
    build = Counter([1, 2, 3])
    assert cache.cached(None, "plain", b"k" * 32, build, list, list) == [1, 2, 3]
    assert build.calls == 1


# ---- the resources through the cache


def same_kb(a: KnowledgeBase, b: KnowledgeBase) -> None:
    assert list(a.entities()) == list(b.entities())
    for surface in ("Nodira Karimova-Example", "Governor Nodira Karimova-Example", "Rakhmon",
                    "the Taliban", "US", "Pakistan's ISI", "Tajik Foreign Ministry", "Kremlin"):
        assert a.match(surface) == b.match(surface), surface
        assert a.fuzzy(surface) == b.fuzzy(surface), surface
    assert a.country("UZ") == b.country("UZ")


def test_knowledge_base_cached_reused_and_rebuilt_when_a_user_file_changes(tmp_path):
    folder, user = tmp_path / "cache", tmp_path / "mine.toml"
    user.write_text(USER_KB, encoding="utf-8")
    cold = KnowledgeBase.load([user], folder)
    [written] = files(folder, "kb")
    warm = KnowledgeBase.load([user], folder)
    same_kb(cold, warm)
    same_kb(cold, KnowledgeBase.load([user]))
    assert files(folder, "kb") == [written]

    user.write_text(USER_KB.replace('type = "PER"', 'type = "PER"\naliases = ["Governor Karimova"]'),
                    encoding="utf-8")
    os.utime(user, ns=(user.stat().st_atime_ns, user.stat().st_mtime_ns + 1_000_000_000))
    changed = KnowledgeBase.load([user], folder)
    assert [e.id for e in changed.lookup("Governor Karimova")] == ["per:nodira-example"]
    assert cold.lookup("Governor Karimova") == []
    assert len(files(folder, "kb")) == 2  # the new key's file beside the old one


def test_knowledge_base_from_a_corrupt_cache_file(tmp_path):
    folder, user = tmp_path / "cache", tmp_path / "mine.toml"
    user.write_text(USER_KB, encoding="utf-8")
    cold = KnowledgeBase.load([user], folder)
    [path] = files(folder, "kb")
    path.write_bytes(path.read_bytes()[:1000])
    same_kb(cold, KnowledgeBase.load([user], folder))
    assert cache.read(path, cache_key_of(path)) is not None  # rewritten whole


def cache_key_of(path: Path) -> bytes:
    blob = path.read_bytes()
    return blob[len(cache.MAGIC):len(cache.MAGIC) + 32]


def test_lexicon_cached_and_rebuilt_when_a_user_file_changes(tmp_path):
    folder, user = tmp_path / "cache", tmp_path / "mine.toml"
    user.write_text('[[trigger]]\ntype = "PROTEST"\nmode = "strike"\nnouns = ["go-slow"]\n', encoding="utf-8")
    cold = load_lexicon([user], folder)
    assert load_lexicon([user], folder) == cold == load_lexicon([user])
    user.write_text('[[trigger]]\ntype = "PROTEST"\nmode = "strike"\nnouns = ["work-to-rule"]\n', encoding="utf-8")
    os.utime(user, ns=(user.stat().st_atime_ns, user.stat().st_mtime_ns + 1_000_000_000))
    changed = load_lexicon([user], folder)
    assert changed.nouns["work-to-rule"][0].mode == "strike"
    assert "go-slow" in cold.nouns and "go-slow" not in changed.nouns


def test_gazetteer_read_back_answers_as_built(tmp_path):
    folder = tmp_path / "cache"
    cold = Gazetteer.load(folder)
    warm = Gazetteer.load(folder)
    assert files(folder, "gazetteer")
    for name in ("Kabul", "Khost", "Panjshir", "Gorno-Badakhshan", "Konar", "Sindh", "Heathrow",
                 "Dulles International", "Springfield", "Georgia", "Kyiv", "Nowhere-on-Sea"):
        assert [(m.place, m.quality) for m in cold.matches(name)] == \
               [(m.place, m.quality) for m in warm.matches(name)], name
        assert (name in cold) == (name in warm) and cold.knows(name) == warm.knows(name)
    assert warm.countries == cold.countries and warm.admin1 == cold.admin1 and warm.admin2 == cold.admin2
    assert warm.capitals == cold.capitals and warm.iso3("TJ") == cold.iso3("TJ") == "TJK"
    assert list(warm.names()) == list(cold.names())


# ---- the setting


def test_cache_dir_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert Settings().cache_dir == tmp_path / "xdg" / "tidings"
    assert Settings.load(env={"TIDINGS_CACHE_DIR": str(tmp_path / "env")}).cache_dir == tmp_path / "env"
    toml = tmp_path / "tidings.toml"
    toml.write_text(f'[tidings]\ncache_dir = "{tmp_path / "file"}"\n', encoding="utf-8")
    assert Settings.load(config_file=toml, env={}).cache_dir == tmp_path / "file"


def test_resources_read_through_the_setting(tmp_path):
    res = Resources(Settings(cache_dir=tmp_path / "cache"))
    assert res.lexicon.types and len(res.kb) > 1000
    assert files(tmp_path / "cache", "kb") and files(tmp_path / "cache", "lexicon")
