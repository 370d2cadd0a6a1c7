"""The async queue: articles in, output lines out, at most `concurrency` in flight."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import AsyncIterator, Collection, Iterable
from typing import IO

from extractor.batch.lines import error_line as _error
from extractor.batch.reader import _blocking_stream, _parse, _pump_in_thread
from extractor.cache import CacheFault, ResponseCache, cache_key
from extractor.errors import ConfigError, InputError
from extractor.pipeline import ExtractionFailed, Extractor
from extractor.pricing import Prices, cost, load_prices
from schemas.batch import OutputLine
from schemas.gold import Article
from schemas.record import Usage

log = logging.getLogger(__name__)

Source = str | os.PathLike[str] | Iterable[str] | Iterable[bytes]


class _FaultLog:
    """Log a failing cache once per run; a cache fault never fails an article."""

    def __init__(self) -> None:
        self.logged = False

    def __call__(self, exc: Exception) -> None:
        if not self.logged:
            log.warning("response cache unavailable, continuing without it: %s", exc)
            self.logged = True


async def _extract_one(
    extractor: Extractor,
    n: int,
    article: Article,
    cache: ResponseCache | None,
    prices: Prices,
    fault: _FaultLog,
) -> OutputLine:
    started = time.perf_counter()
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
        try:
            record = await asyncio.to_thread(cache.get, key)
        except CacheFault as exc:
            fault(exc)
    if record is not None:
        p = record.provenance
        return OutputLine(
            id=article.id,
            status="ok",
            extraction=record,
            warnings=record.warnings,
            usage=Usage(),
            model=p.model if p else extractor.backend.model,
            prompt_version=p.prompt_version if p else extractor.prompt_version,
            latency_ms=round((time.perf_counter() - started) * 1000),
            cost_usd=0.0,
            cached=True,
        )
    try:
        record = await extractor.aextract(article.text, article.published)
    except ExtractionFailed as exc:
        line = _error(article.id, exc, n)
        line.usage = exc.usage
        line.model = extractor.backend.model
        line.prompt_version = extractor.prompt_version
        line.cost_usd = cost(exc.usage, line.model, prices)
        return line
    if cache is not None and key is not None:
        try:
            await asyncio.to_thread(cache.put, key, record)
        except CacheFault as exc:
            fault(exc)
    p = record.provenance
    assert p is not None
    return OutputLine(
        id=article.id,
        status="ok",
        extraction=record,
        warnings=record.warnings,
        usage=p.usage,
        model=p.model,
        prompt_version=p.prompt_version,
        latency_ms=p.latency_ms,
        cost_usd=cost(p.usage, p.model, prices),
        cached=False,
    )


async def iter_batch(
    extractor: Extractor,
    lines: Source,
    *,
    concurrency: int = 8,
    cache: ResponseCache | None = None,
    done_ids: Collection[str] = frozenset(),
    prices: Prices | None = None,
) -> AsyncIterator[OutputLine]:
    """One OutputLine per non-blank input line, in completion order, at most `concurrency` in flight.

    `lines` is an iterable of JSONL lines (str or bytes; a text or binary file works) or a path.
    Ids in `done_ids` are skipped. `prices` defaults to extractor.pricing.load_prices(). The line as
    `batch` writes it is `encode_line(line)`; as a dict, `json.loads(encode_line(line))`.
    Input is read lazily; a pipe or terminal is read in a worker thread so the event loop never waits
    on it. Any error about one article becomes its error line; the iterator itself raises only for
    a bad argument or an input that cannot be read at all.
    """
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, not {concurrency}")
    if prices is None:
        prices = load_prices()
    opened: IO[bytes] | None = None
    if isinstance(lines, str | os.PathLike):
        try:
            opened = open(lines, "rb")  # noqa: SIM115 - closed in the finally below
        except OSError as exc:
            raise InputError(f"{os.fsdecode(lines)}: {exc.strerror or exc}") from None
        lines = opened
    threaded = _blocking_stream(lines)
    items = _parse(lines, done_ids)
    fault = _FaultLog()
    jobs: asyncio.Queue[tuple[int, Article | OutputLine] | None] = asyncio.Queue(maxsize=2 * concurrency)
    results: asyncio.Queue[OutputLine | None] = asyncio.Queue(maxsize=concurrency)
    failure: list[BaseException] = []

    async def produce() -> None:
        try:
            if threaded:
                await _pump_in_thread((x for x in items if x[1] is not None), jobs)
            else:
                for i, (n, item) in enumerate(items):
                    if item is not None:
                        await jobs.put((n, item))
                    elif i % 256 == 0:
                        # Skipping a long run of done lines on resume: let answers in flight be read.
                        await asyncio.sleep(0)
        except Exception as exc:  # noqa: BLE001 - reported after the lines already read are done
            failure.append(exc)
        for _ in range(concurrency):
            await jobs.put(None)

    async def work() -> None:
        while (job := await jobs.get()) is not None:
            n, item = job
            if isinstance(item, Article):
                try:
                    out = await _extract_one(extractor, n, item, cache, prices, fault)
                except Exception as exc:  # noqa: BLE001 - one article's fault must not stop the batch
                    out = _error(item.id, exc, n)
            else:
                out = item
            await results.put(out)
        await results.put(None)

    tasks = [asyncio.create_task(produce()), *(asyncio.create_task(work()) for _ in range(concurrency))]
    try:
        running = concurrency
        while running:
            out = await results.get()
            if out is None:
                running -= 1
            else:
                yield out
        await asyncio.gather(*tasks)
        if failure:
            problem = failure[0]
            if isinstance(problem, OSError):
                raise InputError(f"reading the input failed: {problem}") from problem
            raise problem
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        if opened is not None:
            opened.close()
