"""The response cache (diskcache): keys, storage, size limit and eviction, concurrency, faults, and batch
runs that hit it over real HTTP."""

import asyncio
import json
import logging
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from extractor import Extractor
from extractor.batch import run_batch
from extractor.batch.article_line import ArticleCache
from extractor.cache import CacheFault, ResponseCache, cache_key, default_limit_mb, default_path
from extractor.errors import ConfigError
from schemas.gold import Article
from schemas.record import SCHEMA_VERSION, Extraction, Provenance, Usage
from tests.stub_server import Scripted, StubServer, synthetic_answer, synthetic_article

ROOT = Path(__file__).resolve().parents[1]
BASE = {"backend": "openai:json", "model": "m", "prompt_version": "p1", "text": "Acme raised $5 million.",
        "published": "2024-03-01"}  # fmt: skip


def record(n: int = 0) -> Extraction:
    return Extraction(
        is_funding_news=False,
        provenance=Provenance(
            model="m", backend="openai:json", prompt_version="p1", usage=Usage(total_tokens=n)
        ),
    )


def write_input(path, n):
    path.write_text("".join(json.dumps(synthetic_article(i)) + "\n" for i in range(n)))
    return path


def extractor_for(server, model="stub"):
    return Extractor("openai", model=model, base_url=server.base_url, api_key="k", mode="json")


# -- keys ---------------------------------------------------------------------------------------------


def test_the_key_covers_everything_that_decides_the_answer():
    key = cache_key(**BASE)
    assert len(key) == 64 and key == cache_key(**BASE)
    assert cache_key(**BASE, schema_version=SCHEMA_VERSION) == key
    changed = [
        {"backend": "openai:json_schema"},
        {"model": "m2"},
        {"prompt_version": "p2"},
        {"text": BASE["text"] + " "},
        {"published": None},
        {"published": "2024-03"},
        {"schema_version": SCHEMA_VERSION + ".1"},
    ]
    keys = {cache_key(**{**BASE, **change}) for change in changed}
    assert key not in keys and len(keys) == len(changed)


def test_parts_cannot_run_into_each_other():
    a = cache_key(**{**BASE, "model": "a\x00b", "prompt_version": "c"})
    b = cache_key(**{**BASE, "model": "a", "prompt_version": "b\x00c"})
    assert a != b


# -- storage ------------------------------------------------------------------------------------------


def test_put_get_and_persistence(tmp_path):
    path = tmp_path / "sub" / "cache"  # the folders are created
    with ResponseCache(path) as cache:
        assert cache.get("k") is None
        cache.put("k", record(7))
        assert cache.get("k") == record(7)
        cache.put("k", record(8))  # replaced, not duplicated
        assert len(cache) == 1
        assert cache.hits == 1 and cache.misses == 1
    with sqlite3.connect(path / "cache.db") as db:  # diskcache's own SQLite file, in WAL mode
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        # The record is stored as its JSON text, not a pickle.
        (value,) = db.execute("SELECT value FROM Cache").fetchone()
    assert json.loads(value)["provenance"]["usage"]["total_tokens"] == 8
    assert not [p for p in path.rglob("*.val")]  # no loose value files
    with ResponseCache(path) as again:
        assert again.get("k") == record(8)


def test_an_entry_that_no_longer_parses_is_a_miss(tmp_path):
    with ResponseCache(tmp_path / "c") as cache:
        cache._cache.set("k", '{"rounds": 5}')
        cache._cache.set("j", b"bytes")
        assert cache.get("k") is None and cache.get("j") is None
        assert cache.misses == 2


def test_the_size_limit_evicts_what_was_stored_longest_ago(tmp_path):
    big = record(0).model_copy(update={"warnings": []})
    big.provenance.model = "m" * 4000  # about 4 kB a record
    with ResponseCache(tmp_path / "c", size_limit_mb=0.2) as cache:
        assert cache.size_limit == 209715
        for i in range(300):
            cache.put(f"k{i}", big)
        assert cache.volume() <= cache.size_limit + 64 * 1024  # culled as it grows (a few pages over)
        assert 10 < len(cache) < 100
        assert cache.get("k0") is None and cache.get("k299") == big


def test_default_path_limit_and_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("EXTRACTOR_CACHE", raising=False)
    monkeypatch.delenv("EXTRACTOR_CACHE_MB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_path() == tmp_path / ".cache" / "funding-extractor" / "responses"
    assert default_limit_mb() == 1024
    monkeypatch.setenv("EXTRACTOR_CACHE", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("EXTRACTOR_CACHE_MB", "1.5")
    assert default_path() == tmp_path / "elsewhere"
    with ResponseCache() as cache:
        assert cache.path == tmp_path / "elsewhere" and cache.size_limit == int(1.5 * 1024 * 1024)
    for bad in ("0", "-3", "lots"):
        monkeypatch.setenv("EXTRACTOR_CACHE_MB", bad)
        with pytest.raises(ConfigError, match="EXTRACTOR_CACHE_MB"):
            ResponseCache(tmp_path / "x")


def test_an_unusable_path_is_a_config_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(ConfigError, match="--no-cache"):
        ResponseCache(tmp_path / "file" / "cache")
    (tmp_path / "cache.sqlite").write_text("an old single-file cache " * 100)
    with pytest.raises(ConfigError, match="is a file; the cache is a directory"):
        ResponseCache(tmp_path / "cache.sqlite")
    assert (tmp_path / "cache.sqlite").read_text().startswith("an old")  # left alone


def test_many_asyncio_tasks_and_a_second_connection_share_it_safely(tmp_path):
    path = tmp_path / "c"
    cache = ResponseCache(path)
    other = ResponseCache(path)  # another handle on the same directory, as another process would have

    async def one(i: int) -> bool:
        key = f"k{i}"
        await asyncio.to_thread(cache.put, key, record(i))
        mine = await asyncio.to_thread(cache.get, key)
        theirs = await asyncio.to_thread(other.get, key)
        return mine == theirs == record(i)

    async def main() -> list[bool]:
        return await asyncio.gather(*(one(i) for i in range(300)))

    assert all(asyncio.run(main()))
    assert len(cache) == len(other) == 300
    cache.close()
    other.close()


# -- through batch ------------------------------------------------------------------------------------


def test_a_cached_article_is_not_sent_to_the_model_again(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 3)
    with ResponseCache(tmp_path / "c") as cache, StubServer(synthetic_answer) as server:
        with extractor_for(server) as ex:
            first = run_batch(src, tmp_path / "one.jsonl", extractor=ex, cache=cache, progress=False)
            assert len(server.requests) == 3 and first.cached == 0
            second = run_batch(src, tmp_path / "two.jsonl", extractor=ex, cache=cache, progress=False)
            assert len(server.requests) == 3
        # Another model is another answer.
        with extractor_for(server, model="stub-2") as ex:
            run_batch(src, tmp_path / "three.jsonl", extractor=ex, cache=cache, progress=False)
            assert len(server.requests) == 6
    assert second.cached == 3 and second.counts == {"ok": 3}
    assert second.usage.total_tokens == 0 and second.cost_usd == 0
    one = {x["id"]: x for x in map(json.loads, (tmp_path / "one.jsonl").read_text().splitlines())}
    two = {x["id"]: x for x in map(json.loads, (tmp_path / "two.jsonl").read_text().splitlines())}
    assert {k: v["extraction"] for k, v in one.items()} == {k: v["extraction"] for k, v in two.items()}
    assert all(x["cached"] and x["usage"]["total_tokens"] == 0 and x["cost_usd"] == 0 for x in two.values())
    assert all(not x["cached"] for x in one.values())


def test_failures_are_not_cached(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 1)
    with ResponseCache(tmp_path / "c") as cache, StubServer(synthetic_answer) as server:
        with extractor_for(server) as ex:
            server.script = [Scripted(400)]
            first = run_batch(src, tmp_path / "one.jsonl", extractor=ex, cache=cache, progress=False)
            second = run_batch(src, tmp_path / "two.jsonl", extractor=ex, cache=cache, progress=False)
        assert len(cache) == 1
    assert first.counts == {"error": 1} and second.counts == {"ok": 1} and second.cached == 0
    assert len(server.requests) == 2


def test_a_broken_cache_does_not_fail_articles(tmp_path, caplog):
    src = write_input(tmp_path / "in.jsonl", 2)
    cache = ResponseCache(tmp_path / "c")
    with sqlite3.connect(tmp_path / "c" / "cache.db") as db:
        db.execute("DROP TABLE Cache")  # every get and put now fails inside SQLite
    with StubServer(synthetic_answer) as server, extractor_for(server) as ex:
        summary = run_batch(src, tmp_path / "o.jsonl", extractor=ex, cache=cache, progress=False)
    assert summary.counts == {"ok": 2}
    assert sum("response cache unavailable" in r.message for r in caplog.records) == 1  # logged once
    with pytest.raises(CacheFault, match="no such table"):
        cache.get("k")
    cache.close()


class _SlowHandler(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.records += 1
        time.sleep(0.2)


def test_a_cache_fault_hit_by_many_workers_at_once_is_logged_once(tmp_path, caplog):
    # Lookups run in worker threads: faults that arrive together must still give one warning.
    cache = ResponseCache(tmp_path / "c")
    with sqlite3.connect(tmp_path / "c" / "cache.db") as db:
        db.execute("DROP TABLE Cache")
    slow = _SlowHandler()  # a slow log sink (a full disk, a network handler) widens any race to certain
    logging.getLogger("extractor.batch").addHandler(slow)
    with StubServer(synthetic_answer) as server, extractor_for(server) as ex:
        articles = ArticleCache(ex, cache)
        start = threading.Barrier(16)

        def look(i: int) -> None:
            start.wait()
            articles.lookup(Article.model_validate(synthetic_article(i)))

        try:
            with ThreadPoolExecutor(16) as pool:
                list(pool.map(look, range(16)))
        finally:
            logging.getLogger("extractor.batch").removeHandler(slow)
    assert slow.records == 1
    assert sum("response cache unavailable" in r.message for r in caplog.records) == 1
    cache.close()


def test_the_cli_caches_by_default_where_extractor_cache_says(tmp_path):
    src = write_input(tmp_path / "in.jsonl", 2)
    cache_file = tmp_path / "cli-cache"
    with StubServer(synthetic_answer) as server:
        base = [sys.executable, "-m", "extractor", "batch", str(src), "--backend", "openai", "--model", "stub",
                "--base-url", server.base_url, "--mode", "json"]  # fmt: skip
        env = {"PATH": "/usr/bin:/bin", "OPENAI_API_KEY": "k", "EXTRACTOR_CACHE": str(cache_file),
               "HOME": str(tmp_path)}  # fmt: skip
        for out in ("a.jsonl", "b.jsonl"):
            subprocess.run(
                [*base, "-o", str(tmp_path / out)], cwd=ROOT, env=env, check=True, capture_output=True
            )
        assert len(server.requests) == 2 and cache_file.exists()
        done = subprocess.run([*base, "-o", str(tmp_path / "c.jsonl"), "--no-cache"], cwd=ROOT, env=env,
                              check=True, capture_output=True, text=True)  # fmt: skip
        assert len(server.requests) == 4
        other = tmp_path / "other"
        subprocess.run([*base, "-o", str(tmp_path / "d.jsonl"), "--cache", str(other)], cwd=ROOT, env=env,
                       check=True, capture_output=True)  # fmt: skip
        assert len(server.requests) == 6 and other.exists()
    assert "0 from cache" in done.stderr
    assert not (tmp_path / ".cache").exists()
