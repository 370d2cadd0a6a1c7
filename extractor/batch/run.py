"""The blocking helper behind the `batch` command: input file to output file, resumable."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import AsyncIterator, Iterable
from pathlib import Path

from extractor.batch.lines import encode_line
from extractor.batch.output import Settled, _Output, compact, read_done, repair_tail
from extractor.batch.progress import Progress, _count_lines
from extractor.batch.runner import iter_batch
from extractor.batch.summary import LineFacts, Summary
from extractor.batch.workers import Workers
from extractor.cache import ResponseCache
from extractor.errors import ConfigError, InputError, OutputError
from extractor.pipeline import Extractor
from extractor.pricing import Prices, load_prices


def run_batch(
    in_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    extractor: Extractor,
    concurrency: int = 8,
    cache: ResponseCache | None = None,
    retry_errors: bool = False,
    progress: bool | None = None,
    prices: Prices | None = None,
    workers: int | Workers = 1,
) -> Summary:
    """Extract every line of `in_path` into `out_path` ("-": stdin / stdout); the `batch` command.

    Resumes: ids already in the output are skipped (with `retry_errors`, not those whose last line is
    an error). `progress` None means: a progress line when stderr is a terminal. Ctrl-C (SIGINT)
    stops the run cleanly: the summary comes back with `interrupted` set and the output holds only
    whole lines. Closes the extractor's async client (`aclose`) before returning.

    `workers` above 1 runs the articles in that many worker processes (batch.workers), each with its
    own event loop and a share of `concurrency`, for endpoints fast enough that one process's CPU sets
    the pace; a `Workers` pool (started once, reused across runs) may be given instead.
    """
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, not {concurrency}")
    source = os.fsdecode(in_path)
    target = os.fsdecode(out_path)
    out = None if target == "-" else Path(target)
    src = None if source == "-" else Path(source)
    if src is not None and src.is_dir():
        raise InputError(f"{source}: is a directory, not a JSONL input file")
    if src is not None and not src.is_file():
        raise InputError(f"{source}: no such input file")
    if src is None and (sys.stdin is None or sys.stdin.closed):
        raise InputError("standard input is closed: give an input file, or pipe JSONL lines into `batch -`")
    if src is not None and out is not None and out.exists() and os.path.samefile(src, out):
        raise ConfigError(f"{target}: the output file is the input file")
    if out is not None and out.is_dir():
        raise OutputError(f"{target}: is a directory; give a file path for -o")
    if out is not None:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(
                f"{out.parent}: cannot create the output's directory: {exc.strerror or exc}"
            ) from None
    writer = _Output(out)
    summary = Summary()
    own_pool = isinstance(workers, int) and workers > 1
    pool: Workers | None = None
    needs_compaction = False
    try:
        if isinstance(workers, Workers):
            pool = workers
        elif own_pool:
            pool = Workers(extractor, int(workers))
        settled = Settled(set(), set(), False)
        if out is not None and out.is_file():  # not for a device or a pipe (-o /dev/stdout)
            # Read first: a file that is not ours is refused before anything in it is touched.
            try:
                settled = read_done(out, retry_errors)
                repair_tail(out)
            except OSError as exc:
                raise OutputError(f"{out}: cannot be read to resume from it: {exc.strerror or exc}") from None
            needs_compaction = settled.duplicates
        summary.skipped = len(settled.done)
        show = sys.stderr.isatty() if progress is None else progress
        started = time.perf_counter()
        bar = Progress(summary, started) if show else None

        async def _lines(stream: Iterable[bytes]) -> AsyncIterator[tuple[bytes, LineFacts]]:
            if pool is not None:
                async for item in pool.run(
                    stream, concurrency=concurrency, cache=cache, done_ids=settled.done,
                    prices=load_prices() if prices is None else prices,
                ):  # fmt: skip
                    yield item
                return
            async for line in iter_batch(
                extractor, stream, concurrency=concurrency, cache=cache, done_ids=settled.done, prices=prices
            ):
                yield encode_line(line), LineFacts.of(line)

        async def consume(stream: Iterable[bytes]) -> None:
            nonlocal needs_compaction
            counting = None
            if bar is not None and src is not None:
                counting = asyncio.ensure_future(asyncio.to_thread(_count_lines, src))
            async for data, facts in _lines(stream):
                writer.write(data)
                summary.add_facts(facts)
                needs_compaction = needs_compaction or facts.id in settled.errors
                if bar is not None:
                    if counting is not None and counting.done():
                        bar.total = None if counting.exception() else counting.result()
                        counting = None
                    bar.update()
            if counting is not None:
                counting.cancel()

        async def main() -> None:
            try:
                if src is None:
                    await consume(sys.stdin.buffer)
                else:
                    with src.open("rb") as f:
                        await consume(f)
            finally:
                await extractor.aclose()

        try:
            asyncio.run(main())
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            summary.wall_s = time.perf_counter() - started
            if bar is not None:
                bar.update(force=True)
                bar.clear()
        if out is not None and needs_compaction and not summary.interrupted:
            try:
                compact(out)
            except OSError as exc:
                raise OutputError(
                    f"{out}: compacting to one line per id failed: {exc.strerror or exc}; the file is "
                    "unchanged and still valid (the last line per id counts)"
                ) from None
            summary.compacted = True
    finally:
        writer.close()
        if own_pool and pool is not None:
            pool.close()
    return summary
