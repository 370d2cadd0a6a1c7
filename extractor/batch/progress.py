"""The progress line on a terminal."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from extractor.batch.summary import Summary


def _count_lines(path: Path) -> int:
    n = 0
    last = b"\n"
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            n += block.count(b"\n")
            last = block[-1:]
    return n + (last != b"\n")


class Progress:
    """A single \\r-rewritten status line on stderr, at most five times a second."""

    def __init__(self, summary: Summary, started: float, total: int | None = None) -> None:
        self.summary = summary
        self.started = started
        self.total = total
        self.shown = 0.0
        self.width = 0

    def update(self, force: bool = False) -> None:
        now = time.perf_counter()
        if not force and now - self.shown < 0.2:
            return
        self.shown = now
        s = self.summary
        elapsed = max(now - self.started, 1e-9)
        rate = s.processed / elapsed
        position = s.skipped + s.processed
        text = f"{position:,}"
        if self.total:
            text += f"/{self.total:,} ({min(position / self.total, 1):.0%})"
        text += f" lines  {s.counts['error']:,} errors  {s.cached:,} cached  {rate:.1f}/s"
        if self.total and rate > 0 and position < self.total:
            left = int((self.total - position) / rate)
            text += f"  ETA {left // 3600}:{left % 3600 // 60:02d}:{left % 60:02d}"
        self.width = max(self.width, len(text))
        sys.stderr.write("\r" + text.ljust(self.width))
        sys.stderr.flush()

    def clear(self) -> None:
        if self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()
