"""A SQLite response cache: the same article through the same model, prompt and schema is extracted once.

The key is the sha256 of everything that decides the answer: backend, model, prompt version, schema
version, the article text and its published date. A new prompt or schema version therefore never
reuses an old answer. Only successful extractions are stored (the Extraction JSON, provenance
included: its usage and latency are those of the call that produced it).

One connection, used from worker threads behind a lock (`asyncio.to_thread(cache.get, key)`), so any
number of asyncio tasks can share it; WAL mode, so readers in other processes do not block the
writer and a killed process never leaves the file corrupt.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
import time
from pathlib import Path

from pydantic import ValidationError

from extractor.errors import ConfigError
from schemas.record import SCHEMA_VERSION, Extraction

ENV = "EXTRACTOR_CACHE"


def default_path() -> Path:
    """$EXTRACTOR_CACHE, else ~/.cache/funding-extractor/cache.sqlite."""
    env = os.environ.get(ENV)
    return Path(env) if env else Path.home() / ".cache" / "funding-extractor" / "cache.sqlite"


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
    """Extraction records by cache key, in one SQLite file (created with its folder when missing)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=10)
            self._db.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL cannot corrupt the file; a power cut may only lose the last few entries.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS extractions "
                "(key TEXT PRIMARY KEY, record TEXT NOT NULL, created REAL NOT NULL)"
            )
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(
                f"response cache {self.path}: {exc}; choose another file with --cache PATH or "
                f"${ENV}, or run with --no-cache"
            ) from None
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Extraction | None:
        """The stored record, or None; an entry that no longer parses as a record counts as a miss."""
        with self._lock:
            row = self._db.execute("SELECT record FROM extractions WHERE key = ?", (key,)).fetchone()
        record = None
        if row is not None:
            try:
                record = Extraction.model_validate_json(row[0])
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
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO extractions (key, record, created) VALUES (?, ?, ?)",
                (key, data, time.time()),
            )

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM extractions").fetchone()[0])

    def clear(self) -> None:
        with self._lock:
            self._db.execute("DELETE FROM extractions")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> ResponseCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
