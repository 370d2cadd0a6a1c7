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


def cached_fill(cache: ScoreCache) -> Any:
    """ChoiceDecoder.fill that asks the model only for the questions the cache does not hold."""

    def fill(self: decoder.ChoiceDecoder, prompt: str, schema: dict[str, Any]) -> tuple[str, int, int]:
        digest = hashlib.sha256(prompt.encode("utf-8")).hexdigest()
        base: int | None = None
        result: dict[str, dict[str, str]] = {}
        for group_name, group in schema.get("properties", {}).items():
            scores: dict[str, dict[str, float]] = {}
            for key, leaf in group.get("properties", {}).items():
                choices = [str(v) for v in leaf["enum"]]
                if len(choices) == 1:
                    scores[key] = {choices[0]: 0.0}
                    continue
                cache_key = "|".join([digest, key, *choices])
                found = cache.get(cache_key)
                if found is None:
                    if base is None:
                        base = self._start(prompt)
                    found = self._score(base, key, choices)
                    cache.put(cache_key, found)
                scores[key] = found
            result[group_name] = decoder._decide(scores, group)
        if base is not None:
            self.llama.n_tokens = base
        return json.dumps(result, ensure_ascii=False), base or 0, 0

    return fill


def main() -> int:
    cache = ScoreCache(os.environ.get("EXTRACTOR_REPLAY_DB", "out/replay-cache.sqlite"))
    decoder.ChoiceDecoder.fill = cached_fill(cache)  # type: ignore[method-assign]
    from extractor.cli import main as cli

    return cli(sys.argv[1:])


if __name__ == "__main__":
    raise SystemExit(main())
