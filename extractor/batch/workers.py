"""Worker processes for a batch run, when one process's CPU sets the pace (a fast endpoint).

Each worker is a process with its own event loop, Extractor (rebuilt from `Extractor.recipe()`) and
connections; it takes articles from the parent and sends back each finished output line, encoded,
with the few facts the summary counts. The parent keeps reading the input and is the only writer of
the output file, so resuming, locking and whole lines work as with one process. Concurrency is split
between the workers. A pool is started once (`with Workers(extractor, 2) as pool:`) and can serve
several runs; a worker whose parent dies sees its pipe close and exits.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import multiprocessing
import os
import signal
import threading
from collections.abc import AsyncIterator, Callable, Collection, Iterable
from multiprocessing.connection import Connection
from typing import Any

from extractor.batch.article_line import ArticleCache, extract_line
from extractor.batch.lines import encode_line
from extractor.batch.lines import error_line as _error
from extractor.batch.reader import feed, raise_failure
from extractor.batch.runner import article_slots
from extractor.batch.summary import LineFacts
from extractor.cache import ResponseCache
from extractor.errors import ConfigError
from extractor.pipeline import Extractor
from extractor.pricing import Prices
from schemas.batch import OutputLine
from schemas.gold import Article

Result = tuple[bytes, LineFacts]


# -- the worker process ----------------------------------------------------------------------------


def _serve(recipe: Callable[[], Extractor], jobs: Connection, results: Connection) -> None:
    """A worker's main: build the extractor once, then serve runs until told to stop or orphaned."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; it stops us
    try:
        extractor = recipe()
        results.send(("ready", os.getpid()))
        while True:
            message = jobs.recv()
            if message[0] == "stop":
                return
            if message[0] == "run":
                asyncio.run(_run(extractor, message[1], jobs, results))
    except (EOFError, BrokenPipeError, ConnectionResetError, KeyboardInterrupt):
        return  # the parent is gone or stopping


async def _run(extractor: Extractor, settings: dict[str, Any], jobs: Connection, results: Connection) -> None:
    """One run: articles from `jobs` until ("end",), at most settings["concurrency"] at once."""
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[int, Article] | None] = asyncio.Queue()
    concurrency = article_slots(extractor, settings["concurrency"])

    def read() -> None:
        try:
            while True:
                message = jobs.recv()
                if message[0] != "article":
                    break
                _, n, id_, text, published = message
                item = (n, Article.model_construct(id=id_, text=text, published=published))
                loop.call_soon_threadsafe(queue.put_nowait, item)
        except (EOFError, OSError):
            pass
        for _ in range(concurrency):
            loop.call_soon_threadsafe(queue.put_nowait, None)

    cache = (
        ResponseCache(settings["cache"], size_limit_mb=settings["cache_mb"])
        if settings["cache"] is not None
        else None
    )
    cached = ArticleCache(extractor, cache)
    prices: Prices = settings["prices"]

    async def work() -> None:
        while (job := await queue.get()) is not None:
            n, article = job
            try:
                line = await extract_line(extractor, n, article, cached, prices)
            except Exception as exc:  # noqa: BLE001 - one article's fault must not stop the batch
                line = _error(article.id, exc, n)
            results.send(("line", encode_line(line), tuple(LineFacts.of(line))))

    threading.Thread(target=read, name="batch-worker-input", daemon=True).start()
    try:
        await asyncio.gather(*(work() for _ in range(concurrency)))
    finally:
        extractor.backend.limit_requests(None)
        await extractor.aclose()
        if cache is not None:
            cache.close()
    results.send(("done",))


# -- the parent's side ------------------------------------------------------------------------------


class Workers:
    """A pool of worker processes serving one Extractor's recipe."""

    def __init__(self, extractor: Extractor, processes: int) -> None:
        if processes < 1:
            raise ConfigError(f"workers must be at least 1, not {processes}")
        ctx = multiprocessing.get_context("spawn")  # no fork: the parent may hold threads and sockets
        recipe = extractor.recipe()
        self.jobs: list[Connection] = []
        self.results: list[Connection] = []
        self.procs: list[Any] = []
        for i in range(processes):
            jobs_r, jobs_w = ctx.Pipe(duplex=False)
            results_r, results_w = ctx.Pipe(duplex=False)
            proc = ctx.Process(
                target=_serve, args=(recipe, jobs_r, results_w), name=f"batch-worker-{i}", daemon=True
            )
            proc.start()
            jobs_r.close()
            results_w.close()
            self.jobs.append(jobs_w)
            self.results.append(results_r)
            self.procs.append(proc)
        self.pids: list[int] = []
        for i, conn in enumerate(self.results):
            try:
                message = conn.recv()
            except EOFError:
                self.close()
                raise ConfigError(
                    f"batch worker {i} could not start (exit code {self.procs[i].exitcode})"
                ) from None
            self.pids.append(message[1])
        self.busy = False

    def __len__(self) -> int:
        return len(self.procs)

    async def run(
        self,
        lines: Iterable[bytes] | Iterable[str],
        *,
        concurrency: int,
        cache: ResponseCache | None,
        done_ids: Collection[str],
        prices: Prices,
    ) -> AsyncIterator[Result]:
        """Encoded output lines and their facts, in completion order; input errors come from here."""
        if self.busy:
            raise ConfigError("this worker pool is already serving a run, or one was interrupted: close it")
        self.busy = True
        n_workers = len(self.procs)
        per = max(1, math.ceil(concurrency / n_workers))
        settings = {"concurrency": per, "cache": str(cache.path) if cache is not None else None,
                    "cache_mb": cache.size_limit / 1024 / 1024 if cache is not None else None, "prices": prices}  # fmt: skip
        loop = asyncio.get_running_loop()
        inbox: asyncio.Queue[tuple[int, Any]] = asyncio.Queue()
        outstanding = [0] * n_workers
        finished = [False] * n_workers
        room = asyncio.Event()
        room.set()

        def readable(i: int) -> None:
            conn = self.results[i]
            try:
                while conn.poll():
                    inbox.put_nowait((i, conn.recv()))
            except (EOFError, OSError):
                inbox.put_nowait((i, ("gone",)))
                loop.remove_reader(conn.fileno())

        for i, conn in enumerate(self.results):
            loop.add_reader(conn.fileno(), readable, i)
            self.jobs[i].send(("run", settings))

        pending: asyncio.Queue[tuple[int, Article | OutputLine] | None] = asyncio.Queue(
            maxsize=2 * concurrency
        )
        failure: list[BaseException] = []

        async def dispatch() -> None:
            try:
                await send_all()
            except BaseException as exc:
                inbox.put_nowait((-1, ("failed", exc)))
                raise

        async def send_all() -> None:
            while (job := await pending.get()) is not None:
                n, item = job
                if isinstance(item, OutputLine):
                    inbox.put_nowait((-1, ("line", encode_line(item), tuple(LineFacts.of(item)))))
                    continue
                while min(outstanding) >= 2 * per:  # every worker has its fill queued
                    room.clear()
                    await room.wait()
                i = outstanding.index(min(outstanding))
                outstanding[i] += 1
                self.jobs[i].send(("article", n, item.id, item.text, item.published))
            for conn in self.jobs:
                conn.send(("end",))

        tasks = [
            asyncio.create_task(feed(lines, done_ids, pending, failure, 1)),
            asyncio.create_task(dispatch()),
        ]
        try:
            while not all(finished):
                i, message = await inbox.get()
                if message[0] == "line":
                    if i >= 0:
                        outstanding[i] -= 1
                        room.set()
                    yield message[1], LineFacts(*message[2])
                elif message[0] == "done":
                    finished[i] = True
                elif message[0] == "gone":
                    raise ConfigError(f"batch worker {i} died (exit code {self.procs[i].exitcode})")
                elif message[0] == "failed":
                    raise message[1]
            while not inbox.empty():  # input error lines queued after the last worker finished
                _, message = inbox.get_nowait()
                yield message[1], LineFacts(*message[2])
            await asyncio.gather(*tasks)
            raise_failure(failure)
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for conn in self.results:
                with contextlib.suppress(ValueError, OSError):
                    loop.remove_reader(conn.fileno())
        self.busy = False  # only after a whole run: an interrupted one leaves the workers mid-run

    def close(self) -> None:
        for conn in self.jobs:
            with contextlib.suppress(OSError):
                conn.send(("stop",))
        for proc in self.procs:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join(timeout=5)
        for conn in [*self.jobs, *self.results]:
            conn.close()

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
