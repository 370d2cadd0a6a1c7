"""Batch extraction over JSONL: concurrent, resumable, lossless.

Every input line yields exactly one output line (schemas.batch.OutputLine),
written in completion order, not input order: join on `id`. Input lines that
cannot be used (bad JSON, no id or text, a duplicate id, a bad published
date) become error lines naming the input line number, and the batch goes on;
lines without a usable id of their own (no id, bad JSON, a repeated id) are
reported under the id "line:N", so ids in the output are unique.

The output file is append-only: each line is one os.write of the whole
encoded line, so a process killed at any moment (SIGINT or SIGKILL) leaves
only whole lines, and a partial line left by a full disk is cut off on the
next start. Rerunning the same command skips ids already in the output; with
`retry_errors` ids whose last line is an error are processed again and the
file is then compacted to one line per id (atomically, via a temporary file).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from pydantic import ValidationError

from extractor.cache import ResponseCache, cache_key
from extractor.errors import ExtractorError
from extractor.pipeline import ExtractionFailed, Extractor
from extractor.pricing import cost
from schemas.batch import ErrorInfo, OutputLine
from schemas.gold import Article
from schemas.record import Usage


@dataclass
class Summary:
    counts: Counter[str] = field(default_factory=Counter)
    cached: int = 0
    skipped: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float = 0.0
    wall_s: float = 0.0

    @property
    def processed(self) -> int:
        return sum(self.counts.values())

    def text(self) -> str:
        rate = self.processed / self.wall_s if self.wall_s else 0.0
        parts = ", ".join(f"{n} {status}" for status, n in sorted(self.counts.items())) or "nothing to do"
        return (
            f"{parts} ({self.cached} from cache, {self.skipped} already done); "
            f"{self.usage.total_tokens:,} tokens, est. ${self.cost_usd:.4f}; "
            f"{self.wall_s:.1f} s, {rate:.2f} articles/s"
        )


def _error(id_: str, exc: BaseException, line: int | None = None) -> OutputLine:
    return OutputLine(
        id=id_, status="error", error=ErrorInfo(type=type(exc).__name__, message=str(exc)), line=line
    )


def parse_lines(lines: Iterable[str], skip: set[str]) -> Iterator[tuple[int, Article | OutputLine]]:
    """Input lines -> articles to process, or error lines for unusable input; ids in `skip` are left out."""
    seen: set[str] = set()
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            if f"line:{n}" not in skip:
                yield n, _error(f"line:{n}", ValueError(f"input line {n} is not JSON: {exc.msg}"), n)
            continue
        raw_id = data.get("id") if isinstance(data, dict) else None
        id_ = str(raw_id) if raw_id not in (None, "") else f"line:{n}"
        if id_ in skip:
            continue
        try:
            if not isinstance(data, dict):
                raise ValueError(f"input line {n} is not a JSON object")
            article = Article.model_validate(data)
        except (ValidationError, ValueError) as exc:
            msg = exc.errors()[0] if isinstance(exc, ValidationError) else None
            what = f"{'.'.join(map(str, msg['loc']))}: {msg['msg']}" if msg else str(exc)
            yield n, _error(id_, ValueError(f"input line {n}: {what}"), n)
            continue
        if article.id in seen:
            # Reported under its line number, so every output id stays unique.
            if f"line:{n}" not in skip:
                yield (
                    n,
                    _error(f"line:{n}", ValueError(f"input line {n}: id {article.id!r} appears earlier"), n),
                )
            continue
        seen.add(article.id)
        yield n, article


def read_done(path: Path, retry_errors: bool) -> set[str]:
    """Ids already settled in an output file: the last line per id counts."""
    last: dict[str, str] = {}
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as f:
        for line in f:
            try:
                data = json.loads(line)
                last[str(data["id"])] = data["status"]
            except (json.JSONDecodeError, KeyError, TypeError):
                continue
    return {i for i, status in last.items() if status == "ok" or not retry_errors}


def repair_tail(path: Path) -> None:
    """Cut a partial last line (left by a write that could not finish) so appends start on a new line."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb+") as f:
        f.seek(-1, os.SEEK_END)
        if f.read(1) == b"\n":
            return
        f.seek(0)
        data = f.read()
        f.truncate(data.rfind(b"\n") + 1)


def compact(path: Path) -> None:
    """Keep the last line per id, in first-seen order; replaces the file atomically."""
    order: list[str] = []
    last: dict[str, str] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            key = str(json.loads(line)["id"])
            if key not in last:
                order.append(key)
            last[key] = line
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.writelines(last[k] for k in order)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class _Writer:
    """Whole lines only: one os.write per line on an O_APPEND descriptor (or stdout)."""

    def __init__(self, path: Path | None) -> None:
        self.fd = (
            os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644) if path else sys.stdout.fileno()
        )
        self.owned = path is not None

    def write(self, line: OutputLine) -> None:
        data = (line.model_dump_json(exclude_none=True) + "\n").encode("utf-8")
        while data:
            data = data[os.write(self.fd, data) :]

    def close(self) -> None:
        if self.owned:
            os.close(self.fd)


async def _extract_one(
    extractor: Extractor,
    article: Article,
    cache: ResponseCache | None,
    prices: dict[str, tuple[float, float]],
) -> OutputLine:
    key = None
    record = None
    if cache is not None:
        key = cache_key(
            backend=extractor.backend.name,
            model=extractor.backend.model,
            prompt_version=extractor.prompt_version,
            text=article.text,
            published=article.published,
        )
        record = await asyncio.to_thread(cache.get, key)
    cached = record is not None
    if record is None:
        try:
            record = await extractor.aextract(article.text, article.published)
        except ExtractionFailed as exc:
            line = _error(article.id, exc)
            line.usage = exc.usage
            return line
        except ExtractorError as exc:
            return _error(article.id, exc)
        if cache is not None and key is not None:
            await asyncio.to_thread(cache.put, key, record)
    p = record.provenance
    assert p is not None
    return OutputLine(
        id=article.id,
        status="ok",
        extraction=record,
        warnings=record.warnings,
        usage=Usage() if cached else p.usage,
        model=p.model,
        prompt_version=p.prompt_version,
        latency_ms=p.latency_ms,
        cost_usd=0.0 if cached else cost(p.usage, p.model, prices),
        cached=cached,
    )


async def iter_batch(
    extractor: Extractor,
    lines: Iterable[str],
    *,
    concurrency: int = 8,
    cache: ResponseCache | None = None,
    skip: set[str] | None = None,
    prices: dict[str, tuple[float, float]] | None = None,
) -> AsyncIterator[OutputLine]:
    """One output line per usable or unusable input line, as they complete; at most `concurrency` in flight.

    Input is read lazily through a bounded queue, so memory does not grow with the input.
    """
    if concurrency < 1:
        raise ValueError("concurrency must be at least 1")
    prices = prices or {}
    jobs: asyncio.Queue[Article | OutputLine | None] = asyncio.Queue(maxsize=concurrency * 2)
    results: asyncio.Queue[OutputLine | None] = asyncio.Queue()

    async def produce() -> None:
        for _, item in parse_lines(lines, skip or set()):
            await jobs.put(item)
        for _ in range(concurrency):
            await jobs.put(None)

    async def work() -> None:
        while (item := await jobs.get()) is not None:
            if isinstance(item, OutputLine):
                await results.put(item)
                continue
            try:
                await results.put(await _extract_one(extractor, item, cache, prices))
            except Exception as exc:  # noqa: BLE001 - one article's fault must not stop the batch
                await results.put(_error(item.id, exc))
        await results.put(None)

    tasks = [asyncio.create_task(produce()), *(asyncio.create_task(work()) for _ in range(concurrency))]
    try:
        finished = 0
        while finished < concurrency:
            out = await results.get()
            if out is None:
                finished += 1
            else:
                yield out
        await asyncio.gather(*tasks)
    finally:
        for t in tasks:
            t.cancel()


def _open_input(source: str) -> IO[str]:
    if source == "-":
        return sys.stdin
    path = Path(source)
    if not path.is_file():
        raise ExtractorError(f"{source}: no such input file")
    return path.open(encoding="utf-8", errors="replace")


def run_batch(
    extractor: Extractor,
    source: str,
    output: str,
    *,
    concurrency: int = 8,
    cache: ResponseCache | None = None,
    retry_errors: bool = False,
    prices: dict[str, tuple[float, float]] | None = None,
    progress: bool | None = None,
) -> Summary:
    """The blocking helper behind `python -m extractor batch`."""
    out_path = None if output == "-" else Path(output)
    skip: set[str] = set()
    if out_path is not None:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        repair_tail(out_path)
        skip = read_done(out_path, retry_errors)
    progress = sys.stderr.isatty() if progress is None else progress
    summary = Summary(skipped=len(skip))
    writer = _Writer(out_path)
    started = time.perf_counter()

    async def main() -> None:
        try:
            await consume()
        finally:
            await extractor.aclose()

    async def consume() -> None:
        with _open_input(source) as f:
            async for line in iter_batch(
                extractor, f, concurrency=concurrency, cache=cache, skip=skip, prices=prices
            ):
                writer.write(line)
                summary.counts[line.status] += 1
                summary.cached += line.cached
                summary.usage = summary.usage + line.usage
                summary.cost_usd += line.cost_usd or 0.0
                if progress:
                    elapsed = time.perf_counter() - started
                    print(
                        f"\r{summary.processed} done ({summary.counts['error']} errors, "
                        f"{summary.processed / elapsed:.1f}/s)",
                        end="",
                        file=sys.stderr,
                        flush=True,
                    )

    try:
        asyncio.run(main())
    finally:
        writer.close()
        summary.wall_s = time.perf_counter() - started
        if progress:
            print(file=sys.stderr)
    if retry_errors and out_path is not None and out_path.exists():
        compact(out_path)
    return summary
