"""Request files: one Batch API line per article, split so no file passes the provider's limits."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from extractor.errors import InputError
from schemas.provider_batch import ENDPOINT, BatchRequestLine, JobState

# OpenAI's Batch API: at most 50,000 requests and 200 MB in one input file.
MAX_REQUESTS = 50_000
MAX_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much one request file (one job) may hold."""

    requests: int = MAX_REQUESTS
    bytes: int = MAX_BYTES

    def __post_init__(self) -> None:
        if self.requests < 1 or self.bytes < 1:
            raise ValueError(
                f"batch file limits must be positive, not {self.requests} requests, {self.bytes} bytes"
            )


def request_line(custom_id: str, body: dict[str, Any]) -> bytes:
    """The line as written: {"custom_id", "method": "POST", "url": "/v1/chat/completions", "body"}."""
    line = BatchRequestLine(custom_id=custom_id, method="POST", url=ENDPOINT, body=body)
    return (line.model_dump_json() + "\n").encode("utf-8")


class _File:
    def __init__(self, directory: Path, index: int) -> None:
        self.index = index
        self.name = f"requests-{index:04d}.jsonl"
        self.ids_name = f"requests-{index:04d}.ids"
        self.f: IO[bytes] = (directory / self.name).open("wb")
        self.ids: IO[bytes] = (directory / self.ids_name).open("wb")
        self.count = 0
        self.size = 0
        self.sha = hashlib.sha256()

    def add(self, custom_id: str, digest: str, line: bytes) -> None:
        self.f.write(line)
        self.ids.write(json.dumps([custom_id, digest]).encode("utf-8") + b"\n")
        self.sha.update(line)
        self.count += 1
        self.size += len(line)

    def close(self) -> JobState:
        for f in (self.f, self.ids):
            f.flush()
            os.fsync(f.fileno())
            f.close()
        return JobState(
            index=self.index,
            requests_file=self.name,
            ids_file=self.ids_name,
            requests=self.count,
            bytes=self.size,
            sha256=self.sha.hexdigest(),
        )


class RequestFiles:
    """Appends request lines to requests-NNNN.jsonl in `directory`, starting a new file (a new job)
    before one would pass `limits`; each file has its ids beside it (requests-NNNN.ids: one JSON
    [custom_id, article digest] per line)."""

    def __init__(self, directory: Path, first_index: int, limits: Limits) -> None:
        self.directory = directory
        self.next_index = first_index
        self.limits = limits
        self.current: _File | None = None
        self.jobs: list[JobState] = []

    def add(self, custom_id: str, digest: str, body: dict[str, Any]) -> None:
        """Add one request; `digest` fingerprints the article it asks about (collect.article_digest)."""
        line = request_line(custom_id, body)
        if len(line) > self.limits.bytes:
            raise InputError(
                f"its batch request is {len(line):,} bytes; one batch file holds at most "
                f"{self.limits.bytes:,}: send it through the live path (--via live)"
            )
        c = self.current
        if c is None or c.count >= self.limits.requests or c.size + len(line) > self.limits.bytes:
            self._roll()
        assert self.current is not None
        self.current.add(custom_id, digest, line)

    def _roll(self) -> None:
        if self.current is not None:
            self.jobs.append(self.current.close())
        self.current = _File(self.directory, self.next_index)
        self.next_index += 1

    def close(self) -> list[JobState]:
        """The jobs written, each file flushed to disk."""
        if self.current is not None:
            self.jobs.append(self.current.close())
            self.current = None
        return self.jobs


def read_ids(path: Path) -> list[tuple[str, str]]:
    """(custom_id, article digest) of every request in a job, in file order."""
    with path.open("rb") as f:
        return [(str(pair[0]), str(pair[1])) for pair in map(json.loads, filter(bytes.strip, f))]
