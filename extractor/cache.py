"""A SQLite response cache: the same article through the same model, prompt and schema is extracted once."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
from pathlib import Path

from schemas.record import SCHEMA_VERSION, Extraction


def default_path() -> Path:
    return Path(
        os.environ.get("EXTRACTOR_CACHE") or Path.home() / ".cache" / "funding-extractor" / "cache.sqlite"
    )


def cache_key(*, backend: str, model: str, prompt_version: str, text: str, published: str | None) -> str:
    """Everything that decides the answer; a new prompt or schema version never reuses an old one."""
    digest = hashlib.sha256()
    for part in (backend, model, prompt_version, SCHEMA_VERSION, published or "", text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


class ResponseCache:
    """Thread-safe (one connection behind a lock; WAL so readers do not block a writer in another process)."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA busy_timeout=5000")
        self._db.execute("CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, record TEXT NOT NULL)")

    def get(self, key: str) -> Extraction | None:
        with self._lock:
            row = self._db.execute("SELECT record FROM responses WHERE key = ?", (key,)).fetchone()
        return Extraction.model_validate_json(row[0]) if row else None

    def put(self, key: str, record: Extraction) -> None:
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO responses (key, record) VALUES (?, ?)",
                (key, record.model_dump_json()),
            )

    def __len__(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM responses").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()
