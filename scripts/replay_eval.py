"""Run any `python -m extractor` command with the embedded model's choice scores cached on disk.

    python scripts/replay_eval.py eval evals/real --split dev --report-dir out/dev

The roles form asks the model one question per candidate span; everything after it (cue priors, round
assembly, checks, scoring) is deterministic. Caching the model's raw log-probabilities per prompt and
question lets a change to the rules be scored on all of dev in about two minutes instead of twenty-five,
with exactly the figures a full run gives (a changed prompt misses the cache and asks the model). Latency
figures of a replayed run are not real. The cache is an sqlite file, `EXTRACTOR_REPLAY_DB` or
`out/replay-cache.sqlite`; delete it when the model or the prompt template changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractor.forms.roles import decoder  # noqa: E402


class ScoreCache:
    """Raw choice scores keyed by the prompt's hash, the question and its choices."""

    def __init__(self, path: str) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("create table if not exists scores (key text primary key, value text)")
        self._db.commit()

    def get(self, key: str) -> dict[str, float] | None:
        with self._lock:
            row = self._db.execute("select value from scores where key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, value: dict[str, float]) -> None:
        with self._lock:
            self._db.execute("insert or replace into scores values (?, ?)", (key, json.dumps(value)))
            self._db.commit()


def cached_ask(cache: ScoreCache) -> Any:
    """ChoiceDecoder.ask that asks the model only for the questions the cache does not hold."""
    ask = decoder.ChoiceDecoder.ask

    def cached(
        self: decoder.ChoiceDecoder, prompt: str, start: Callable[[], int], key: str, choices: list[str]
    ) -> dict[str, float]:
        cache_key = "|".join([hashlib.sha256(prompt.encode("utf-8")).hexdigest(), key, *choices])
        found = cache.get(cache_key)
        if found is None:
            found = ask(self, prompt, start, key, choices)
            cache.put(cache_key, found)
        return found

    return cached


def main() -> int:
    cache = ScoreCache(os.environ.get("EXTRACTOR_REPLAY_DB", "out/replay-cache.sqlite"))
    decoder.ChoiceDecoder.ask = cached_ask(cache)  # type: ignore[method-assign]
    from extractor.cli import main as cli

    return cli(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
