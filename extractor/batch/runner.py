"""The async queue: articles in, output lines out, at most `concurrency` in flight."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Collection, Iterable
from typing import IO

from extractor.batch.article_line import ArticleCache, extract_line
from extractor.batch.lines import error_line as _error
from extractor.batch.reader import feed, raise_failure
from extractor.cache import ResponseCache
from extractor.errors import ConfigError, InputError
from extractor.pipeline import Extractor
from extractor.pricing import Prices, load_prices
from schemas.batch import OutputLine
from schemas.gold import Article

Source = str | os.PathLike[str] | Iterable[str] | Iterable[bytes]


def article_slots(extractor: Extractor, concurrency: int) -> int:
    """How many articles to work on at once for `concurrency` requests in flight. Where the backend can
    hold requests back (Backend.limit_requests), twice as many: `concurrency` requests are on the wire
    and as many more are built and waiting, so a freed slot is taken at once by a request already built,
    not by one that only starts building then (at C=64 and L=1 s that wait, repeated in every round,
    cost about 5% of throughput). Below 4 the order of articles is kept as it was."""
    if extractor.backend.limit_requests(concurrency):
        return 2 * concurrency if concurrency >= 4 else concurrency
    return concurrency


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
    cached = ArticleCache(extractor, cache)
    workers = article_slots(extractor, concurrency)
    jobs: asyncio.Queue[tuple[int, Article | OutputLine] | None] = asyncio.Queue(maxsize=2 * concurrency)
    results: asyncio.Queue[OutputLine | None] = asyncio.Queue(maxsize=concurrency)
    failure: list[BaseException] = []

    async def work() -> None:
        while (job := await jobs.get()) is not None:
            n, item = job
            if isinstance(item, Article):
                try:
                    out = await extract_line(extractor, n, item, cached, prices)
                except Exception as exc:  # noqa: BLE001 - one article's fault must not stop the batch
                    out = _error(item.id, exc, n, extractor.backend.secrets)
            else:
                out = item
            await results.put(out)
        await results.put(None)

    tasks = [
        asyncio.create_task(feed(lines, done_ids, jobs, failure, workers)),
        *(asyncio.create_task(work()) for _ in range(workers)),
    ]
    try:
        running = workers
        while running:
            out = await results.get()
            if out is None:
                running -= 1
            else:
                yield out
        await asyncio.gather(*tasks)
        raise_failure(failure)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        extractor.backend.limit_requests(None)
        if opened is not None:
            opened.close()
