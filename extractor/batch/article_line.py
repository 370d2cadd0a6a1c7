"""One article's output line: the cache looked up and filled, the extraction, and what it cost."""

from __future__ import annotations

import asyncio
import logging
import threading
import time

from extractor.batch.lines import error_line
from extractor.cache import CacheFault, ResponseCache, cache_key
from extractor.pages.content import extractor_name as page_reader
from extractor.pipeline import ExtractionFailed, Extractor
from extractor.pricing import Prices, cost
from schemas.batch import OutputLine
from schemas.gold import Article
from schemas.record import Extraction, Usage

log = logging.getLogger("extractor.batch")


class ArticleCache:
    """The response cache as a batch uses it: keyed by the extractor, and a fault is logged once per run
    and then ignored (a cache fault never fails an article)."""

    def __init__(self, extractor: Extractor, cache: ResponseCache | None) -> None:
        self.extractor = extractor
        self.cache = cache
        self.logged = False
        # Lookups run in worker threads: without it, faults arriving together each log before any sets the flag.
        self._logging = threading.Lock()

    def _fault(self, exc: Exception) -> None:
        with self._logging:
            first, self.logged = not self.logged, True
        if first:
            log.warning("response cache unavailable, continuing without it: %s", exc)

    def key(self, article: Article) -> str:
        ex = self.extractor
        return cache_key(
            backend=ex.backend.name,
            model=ex.backend.model,
            prompt_version=ex.prompt_version,
            text=article.content,
            published=article.published,
            input_format=article.format,
            # What a page's record holds also depends on the caller's url and title and on the page reader.
            page_hints=(article.url, article.title, page_reader()) if article.format == "html" else None,
        )

    def lookup(self, article: Article) -> OutputLine | None:
        """The cached record as an output line (it spent nothing now), or None. Blocks on the disk."""
        if self.cache is None:
            return None
        started = time.perf_counter()
        try:
            record = self.cache.get(self.key(article))
        except CacheFault as exc:
            self._fault(exc)
            return None
        if record is None:
            return None
        p = record.provenance
        return OutputLine(
            id=article.id,
            status="ok",
            extraction=record,
            warnings=record.warnings,
            usage=Usage(),
            model=p.model if p else self.extractor.backend.model,
            prompt_version=p.prompt_version if p else self.extractor.prompt_version,
            latency_ms=round((time.perf_counter() - started) * 1000),
            cost_usd=0.0,
            cached=True,
        )

    async def line(self, article: Article) -> OutputLine | None:
        """`lookup` in a worker thread, off the event loop."""
        if self.cache is None:
            return None
        return await asyncio.to_thread(self.lookup, article)

    async def store(self, article: Article, record: Extraction) -> None:
        if self.cache is None:
            return
        try:
            await asyncio.to_thread(self.cache.put, self.key(article), record)
        except CacheFault as exc:
            self._fault(exc)


def ok_line(article_id: str, record: Extraction, prices: Prices) -> OutputLine:
    p = record.provenance
    assert p is not None
    return OutputLine(
        id=article_id,
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


def failed_line(
    extractor: Extractor, article_id: str, exc: ExtractionFailed, n: int | None, prices: Prices
) -> OutputLine:
    """An error line that still carries the tokens the failed attempts spent."""
    line = error_line(article_id, exc, n, extractor.backend.secrets)
    line.usage = exc.usage
    line.model = extractor.backend.model
    line.prompt_version = extractor.prompt_version
    line.cost_usd = cost(exc.usage, line.model, prices)
    return line


async def extract_line(
    extractor: Extractor,
    n: int,
    article: Article,
    cache: ArticleCache,
    prices: Prices,
) -> OutputLine:
    """The article's line through the live path: from the cache, else extracted (and then cached)."""
    hit = await cache.line(article)
    if hit is not None:
        return hit
    try:
        record = await extractor.aextract(
            article.content, article.published, format=article.format, url=article.url, title=article.title
        )
    except ExtractionFailed as exc:
        return failed_line(extractor, article.id, exc, n, prices)
    await cache.store(article, record)
    return ok_line(article.id, record, prices)
