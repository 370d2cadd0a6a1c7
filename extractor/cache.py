"""The response cache: the same article through the same model, prompt and schema is extracted once.

The key is the sha256 of everything that decides the answer: backend, model, prompt version, schema
version, the article text and its published date. A new prompt or schema version therefore never
reuses an old answer. Only successful extractions are stored (the Extraction JSON, provenance
included: its usage and latency are those of the call that produced it).

Storage is a `diskcache.Cache` directory (SQLite inside): WAL journal with synchronous=NORMAL, so
readers in other processes do not block the writer and a killed process never leaves it corrupt; a
size limit (default 1 GiB, `size_limit` or $EXTRACTOR_CACHE_MB) past which the entries stored
longest ago are evicted. Values are the record's JSON text, never pickles. diskcache gives every
thread its own connection, so `asyncio.to_thread(cache.get, key)` from any number of tasks and other
processes on the same directory are safe. A storage fault raises `CacheFault`, which callers log and
go on without the cache: a cache never fails an article.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from pathlib import Path

import diskcache
from pydantic import ValidationError

from extractor.errors import ConfigError
from schemas.record import SCHEMA_VERSION, Extraction

ENV = "EXTRACTOR_CACHE"
ENV_LIMIT = "EXTRACTOR_CACHE_MB"
DEFAULT_LIMIT_MB = 1024

# What a failing store raises: SQLite errors, a full or vanished disk, a lock held past the timeout.
_FAULTS = (sqlite3.Error, OSError, diskcache.Timeout)


class CacheFault(Exception):
    """The cache's storage failed; the caller goes on without it."""


def default_path() -> Path:
    """$EXTRACTOR_CACHE, else ~/.cache/funding-extractor/responses (a directory)."""
    env = os.environ.get(ENV)
    return Path(env) if env else Path.home() / ".cache" / "funding-extractor" / "responses"


def default_limit_mb() -> float:
    """$EXTRACTOR_CACHE_MB, else 1024."""
    raw = os.environ.get(ENV_LIMIT)
    if not raw:
        return DEFAULT_LIMIT_MB
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise ConfigError(f"${ENV_LIMIT}={raw!r}: the cache size limit is a number of MB above 0")
    return value


def cache_key(
    *,
    backend: str,
    model: str,
    prompt_version: str,
    text: str,
    published: str | None,
    schema_version: str = SCHEMA_VERSION,
    input_format: str = "text",
    page_hints: tuple[str | None, ...] | None = None,
) -> str:
    """sha256 over the parts as one JSON array, so no choice of text can make two keys collide by framing.

    A web page (`input_format="html"`) adds its format and `page_hints` (the caller's url and title, the
    page reader's version) to the key; plain-text keys are unchanged, so existing caches stay valid."""
    parts: list[object] = [backend, model, prompt_version, schema_version, published, text]
    if input_format != "text":
        parts += [input_format, list(page_hints or ())]
    data = json.dumps(parts, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


class ResponseCache:
    """Extraction records by cache key, in one diskcache directory (created with its parents when missing)."""

    def __init__(self, path: str | Path | None = None, *, size_limit_mb: float | None = None) -> None:
        self.path = Path(path) if path else default_path()
        limit = default_limit_mb() if size_limit_mb is None else size_limit_mb
        if not limit > 0:
            raise ConfigError(f"response cache size limit {limit!r} MB: must be above 0")
        self.size_limit = int(limit * 1024 * 1024)
        self._lock = threading.Lock()
        if self.path.exists() and not self.path.is_dir():
            raise ConfigError(
                f"response cache {self.path} is a file; the cache is a directory: choose another with "
                f"--cache PATH or ${ENV}, or run with --no-cache"
            )
        try:
            self._cache = diskcache.Cache(
                str(self.path),
                timeout=10,
                size_limit=self.size_limit,
                # Evicts what was stored longest ago; a read costs no write (least-recently-used would).
                eviction_policy="least-recently-stored",
                sqlite_journal_mode="wal",
                # With WAL, NORMAL cannot corrupt the file; a power cut may only lose the last few entries.
                sqlite_synchronous=1,
                # Records are JSON text of a few kB: keep them all inside SQLite, never as loose files.
                disk_min_file_size=1 << 30,
            )
        except _FAULTS as exc:
            raise ConfigError(
                f"response cache {self.path}: {exc}; choose another directory with --cache PATH or "
                f"${ENV}, or run with --no-cache"
            ) from None
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Extraction | None:
        """The stored record, or None; an entry that no longer parses as a record counts as a miss."""
        try:
            data = self._cache.get(key)
        except _FAULTS as exc:
            raise CacheFault(f"{type(exc).__name__}: {exc}") from exc
        record = None
        if isinstance(data, str):
            try:
                record = Extraction.model_validate_json(data)
            except ValidationError:
                record = None
        with self._lock:
            if record is None:
                self.misses += 1
            else:
                self.hits += 1
        return record

    def put(self, key: str, record: Extraction) -> None:
        data = record.model_dump_json()
        try:
            self._cache.set(key, data)
        except _FAULTS as exc:
            raise CacheFault(f"{type(exc).__name__}: {exc}") from exc

    def volume(self) -> int:
        """Bytes on disk, as the size limit counts them."""
        return int(self._cache.volume())

    def __len__(self) -> int:
        return len(self._cache)

    def clear(self) -> None:
        self._cache.clear()

    def close(self) -> None:
        self._cache.close()

    def __enter__(self) -> ResponseCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
