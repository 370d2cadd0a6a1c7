"""The provider-batch route of the `batch` command: plan, submit, poll, collect; resumable at every step.

Every step saves the job state (state.py) before it awaits the provider, and says what it is about to
do ("uploading", "submitting"), so a rerun after a kill at any moment knows whether to look for an
upload or a job that may have been created without its answer arriving: it never submits an article
twice. Articles already in the output are never planned again, and collecting skips ids already
written, so each id is written once.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from extractor.backends.transport import RetryPolicy
from extractor.batch.article_line import ArticleCache
from extractor.batch.lines import encode_line, error_line
from extractor.batch.output import _Output, compact, read_done, repair_tail
from extractor.batch.provider import state as saved
from extractor.batch.provider.client import BatchAPI
from extractor.batch.provider.collect import article_digest, collect_line, load_articles, read_rows
from extractor.batch.provider.local import LocalBatches
from extractor.batch.provider.requests import Limits, RequestFiles, read_ids
from extractor.batch.reader import parse_lines
from extractor.batch.summary import Summary
from extractor.cache import ResponseCache
from extractor.errors import ConfigError, InputError
from extractor.pipeline import Extractor
from extractor.pricing import Prices, load_prices
from schemas.batch import OutputLine
from schemas.provider_batch import JobState, RunState
from schemas.record import SCHEMA_VERSION

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class PollPolicy:
    """Seconds between status checks: `initial`, growing by `factor` up to `maximum`."""

    initial: float = 5.0
    factor: float = 1.5
    maximum: float = 60.0


async def _bounded(items: list[T], fn: Callable[[T], Awaitable[R]], concurrency: int) -> AsyncIterator[R]:
    """fn over items, at most `concurrency` at once, results in completion order."""
    queue: asyncio.Queue[R] = asyncio.Queue()
    it = iter(items)

    async def work() -> None:
        for item in it:
            await queue.put(await fn(item))

    workers = [asyncio.create_task(work()) for _ in range(min(concurrency, len(items)) or 1)]
    try:
        for _ in range(len(items)):
            yield await queue.get()
        await asyncio.gather(*workers)
    finally:
        for w in workers:
            w.cancel()
        await asyncio.gather(*workers, return_exceptions=True)


class _Run:
    """One invocation: the files, the state, the output writer and the summary it fills."""

    def __init__(
        self,
        src: Path,
        out: Path,
        extractor: Extractor,
        writer: _Output,
        summary: Summary,
        *,
        done: set[str],
        concurrency: int,
        cache: ArticleCache,
        repair: bool,
        prices: Prices,
        limits: Limits,
        poll: PollPolicy,
        show: bool,
    ) -> None:
        self.src, self.out, self.extractor, self.writer, self.summary = src, out, extractor, writer, summary
        self.done = done
        self.concurrency, self.cache, self.repair, self.prices = concurrency, cache, repair, prices
        self.limits, self.poll, self.show = limits, poll, show
        self.directory = saved.state_dir(out)
        self.state: RunState | None = saved.load(out)
        self.shown = ""
        self.api: BatchAPI | LocalBatches | None = None
        self.written: set[str] = set()

    # -- writing --------------------------------------------------------------------------------

    def write(self, line: OutputLine) -> None:
        self.writer.write(encode_line(line))
        self.summary.add(line)
        self.done.add(line.id)
        self.written.add(line.id)

    def save(self) -> None:
        assert self.state is not None
        saved.save(self.out, self.state)

    # -- planning: request files for every article not yet written or in a job -------------------

    def check_compatible(self) -> None:
        s, ex = self.state, self.extractor
        if s is None:
            return
        mine = {"model": ex.backend.model, "backend": ex.backend.name, "prompt_version": ex.prompt_version,
                "schema_version": SCHEMA_VERSION}  # fmt: skip
        theirs = {"model": s.model, "backend": s.backend, "prompt_version": s.prompt_version,
                  "schema_version": s.schema_version}  # fmt: skip
        differ = [f"{k} {theirs[k]!r} (now {mine[k]!r})" for k in mine if mine[k] != theirs[k]]
        if differ:
            raise ConfigError(
                f"{saved.state_dir(self.out)} holds jobs submitted with {', '.join(differ)}: finish them with "
                "the same settings, or write to another output file"
            )

    def pending_ids(self) -> set[str]:
        ids: set[str] = set()
        for job in self.jobs():
            if not job.collected:
                ids.update(i for i, _ in read_ids(self.directory / job.ids_file))
        return ids

    def jobs(self) -> list[JobState]:
        return self.state.jobs if self.state is not None else []

    def plan(self) -> list[JobState]:
        """Write request files for the articles neither in the output nor in a job, and save the state
        naming them; input errors, articles whose request cannot be built and cache hits are written
        to the output at once. Blocking, with nothing awaited: a kill here loses no submission."""
        skip = self.done | self.pending_ids()
        self.directory.mkdir(parents=True, exist_ok=True)
        files = RequestFiles(self.directory, len(self.jobs()) + 1, self.limits)
        with self.src.open("rb") as f:
            for n, item in parse_lines(f, skip):
                if isinstance(item, OutputLine):
                    self.write(item)
                    continue
                hit = self.cache.lookup(item)
                if hit is not None:
                    self.write(hit)
                    continue
                try:
                    body = self.extractor.batch_body(
                        item.content, item.published, format=item.format, url=item.url, title=item.title
                    )
                    files.add(item.id, article_digest(item), body)
                except InputError as exc:
                    self.write(error_line(item.id, exc, n, self.extractor.backend.secrets))
        new = files.close()  # files left by a run killed while planning were overwritten: these are whole
        if new:
            if self.state is None:
                ex = self.extractor
                self.state = RunState(
                    created_at=time.time(),
                    nonce=secrets.token_hex(6),
                    input=str(self.src.resolve()),
                    model=ex.backend.model,
                    backend=ex.backend.name,
                    prompt_version=ex.prompt_version,
                    schema_version=SCHEMA_VERSION,
                )
            self.state.jobs.extend(new)
            self.save()
        return new

    # -- submitting -----------------------------------------------------------------------------

    def upload_name(self, job: JobState) -> str:
        assert self.state is not None
        return f"{self.out.name}.{self.state.nonce}.{job.requests_file}"

    async def submit(self, api: BatchAPI | LocalBatches, job: JobState) -> None:
        assert self.state is not None
        if job.file_id is None:
            looked_for = job.status == "uploading"  # a run killed mid-upload may have uploaded it
            job.status = "uploading"
            self.save()
            found = await api.find_file(self.upload_name(job)) if looked_for else None
            job.file_id = found or await api.upload(self.directory / job.requests_file, self.upload_name(job))
            job.status = "uploaded"
            self.save()
        if job.batch_id is None:
            looked_for = job.status == "submitting"  # a run killed mid-create may have created it
            job.status = "submitting"
            self.save()
            batch = await api.find_batch(job.file_id, self.state.created_at) if looked_for else None
            if batch is None:
                metadata = {
                    "extractor_run": self.state.nonce,
                    "extractor_job": str(job.index),
                    "output": self.out.name,
                }
                batch = await api.create(job.file_id, metadata)
            self.update(job, batch)
            self.save()

    @staticmethod
    def update(job: JobState, batch: Any) -> bool:
        """Copy what the provider says about the job; True when anything changed."""
        before = job.model_dump()
        job.batch_id = batch.id
        job.status = batch.status
        counts = batch.request_counts
        job.request_counts = (
            {"total": counts.total, "completed": counts.completed, "failed": counts.failed} if counts else {}
        )
        job.output_file_id = batch.output_file_id
        job.error_file_id = batch.error_file_id
        errors = batch.errors.data if batch.errors is not None and batch.errors.data else []
        job.errors = [
            f"{e.code or 'error'}: {e.message or ''}" + (f" (line {e.line})" if e.line else "")
            for e in errors
        ]
        return job.model_dump() != before

    # -- collecting -----------------------------------------------------------------------------

    async def collect(self, api: BatchAPI | LocalBatches, job: JobState) -> None:
        """Download the job's files, write a line for every id of the job not yet written, mark it collected."""
        for attr, name_attr, kind in (
            ("output_file_id", "output_file", "output"),
            ("error_file_id", "error_file", "errors"),
        ):
            file_id = getattr(job, attr)
            if file_id and getattr(job, name_attr) is None:
                name = f"{kind}-{job.index:04d}.jsonl"
                await api.download(file_id, self.directory / name)
                setattr(job, name_attr, name)
                self.save()
        paths = [self.directory / n for n in (job.error_file, job.output_file) if n]
        rows, unreadable = read_rows(paths)
        if unreadable:
            job.errors.append(f"{unreadable} unreadable lines in the job's result files")
        todo = [(i, d) for i, d in read_ids(self.directory / job.ids_file) if i not in self.done]
        articles = load_articles(self.src, {i for i, _ in todo})
        ended = f"the job ended {job.status} before answering it"
        # An expired job ran out of time: what it did not reach is asked live. A failed or cancelled job
        # was refused or stopped: what it did not run becomes error lines (--retry-errors resubmits them).
        unrun_live = job.status in ("completed", "expired")
        if job.errors:
            ended += " (" + "; ".join(job.errors) + ")"

        async def one(item: tuple[str, str]) -> tuple[OutputLine, str]:
            id_, digest = item
            found = articles.get(id_)
            if found is None:
                return error_line(
                    id_, f"submitted in job {job.index}, but no longer in the input", None
                ), "errors"
            n, article = found
            if article_digest(article) != digest:
                message = f"input line {n}: the article changed since it was submitted in job {job.index}"
                return error_line(id_, message, n), "errors"
            try:
                return await collect_line(
                    self.extractor, n, article, rows.get(id_), unanswered=ended, unrun_live=unrun_live,
                    repair=self.repair, prices=self.prices, cache=self.cache,
                )  # fmt: skip
            except Exception as exc:  # noqa: BLE001 - one article's fault must not stop the collection
                return error_line(id_, exc, n), "errors"

        async for line, kind in _bounded(todo, one, self.concurrency):
            self.write(line)
            setattr(job.recovered, kind, getattr(job.recovered, kind) + 1)
        job.collected = True
        self.save()

    # -- the loop -------------------------------------------------------------------------------

    def report(self) -> list[str]:
        lines = []
        for job in self.jobs():
            counts = job.request_counts
            done = f" {counts.get('completed', 0):,}/{counts.get('total', job.requests):,}" if counts else ""
            head = f"job {job.index} ({job.batch_id or 'not submitted'}): {job.status}{done}, {job.requests:,} requests"
            if job.collected:
                r = job.recovered
                head += (f": {r.answered:,} answered, {r.repaired:,} repaired by a live re-ask, "
                         f"{r.asked_live:,} asked live, {r.errors:,} error lines")  # fmt: skip
            elif job.terminal:
                head += ": not collected yet"
            elif isinstance(self.api, LocalBatches):
                head += ": " + self.api.hint(job.requests_file, self.extractor.backend.model)
            else:
                head += ": still running, rerun the same command to collect it"
            lines.append(head)
            lines += [f"  {e}" for e in job.errors]
        return lines

    def progress(self) -> None:
        if not self.show:
            return
        text = "  ".join(
            f"job {j.index} {j.status} {j.request_counts.get('completed', 0):,}/{j.request_counts.get('total', j.requests):,}"
            for j in self.jobs()
        )
        if text != self.shown:
            sys.stderr.write("\r" + text.ljust(len(self.shown)))
            sys.stderr.flush()
            self.shown = text

    async def run(self, api: BatchAPI | LocalBatches, wait: bool) -> bool:
        """Submit, poll and collect until every job is collected (or, without `wait`, once); True when done."""
        for job in self.jobs():
            if job.batch_id is None:
                await self.submit(api, job)
        delay = self.poll.initial
        while True:
            changed = False
            for job in self.jobs():
                if job.batch_id is not None and not job.terminal:
                    changed |= self.update(job, await api.retrieve(job.batch_id))
            if changed:
                self.save()
            self.progress()
            for job in self.jobs():
                if job.terminal and not job.collected:
                    await self.collect(api, job)
            if all(j.collected for j in self.jobs()):
                return True
            if not wait:
                return False
            await asyncio.sleep(delay)
            delay = min(delay * self.poll.factor, self.poll.maximum)


def run_provider_batch(
    in_path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    extractor: Extractor,
    concurrency: int = 8,
    cache: ResponseCache | None = None,
    repair: bool = True,
    wait: bool = True,
    retry_errors: bool = False,
    progress: bool | None = None,
    prices: Prices | None = None,
    limits: Limits | None = None,
    poll: PollPolicy | None = None,
    retry: RetryPolicy | None = None,
    files_only: bool = False,
) -> Summary:
    """`batch --via provider-batch`: the input through the provider's Batch API, into the output file.

    Writes the same lines as the live batch (one per input id, the same record shape and checks).
    Resumable at any moment: rerun the same call. `wait=False` submits, collects what is finished and
    returns (`summary.pending` tells how many jobs are still running). `repair=False` leaves answers
    that fail the checks, and articles the job did not answer, as error lines. `retry_errors` plans
    ids whose last line is an error into a new job. `files_only` (`--via batch-files`) sends nothing:
    the request files are for a self-hosted engine (vLLM's run-batch), and a job is collected once its
    results-NNNN.jsonl is beside its request file (batch.provider.local). Closes the extractor's async
    client.
    """
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, not {concurrency}")
    source, target = os.fsdecode(in_path), os.fsdecode(out_path)
    if source == "-" or target == "-":
        raise ConfigError(
            "provider batch jobs read the input again when they finish and keep their state next to the "
            "output: give both as files, not -"
        )
    src, out = Path(source), Path(target)
    if not src.is_file():
        raise InputError(f"{source}: no such input file")
    if out.exists() and os.path.samefile(src, out):
        raise ConfigError(f"{target}: the output file is the input file")
    # The embedded backend refuses here, before any work (with files_only: while planning, before any
    # file is written, as it has no request body).
    client = None if files_only else extractor.backend.batch_client()
    prices = load_prices() if prices is None else prices
    out.parent.mkdir(parents=True, exist_ok=True)
    writer = _Output(out)
    summary = Summary()
    try:
        repair_tail(out)
        settled = read_done(out, retry_errors)
        summary.skipped = len(settled.done)
        show = sys.stderr.isatty() if progress is None else progress
        run = _Run(
            src, out, extractor, writer, summary, done=set(settled.done), concurrency=concurrency,
            cache=ArticleCache(extractor, cache), repair=repair, prices=prices, limits=limits or Limits(),
            poll=poll or PollPolicy(), show=show,
        )  # fmt: skip
        run.check_compatible()
        started = time.perf_counter()
        api: BatchAPI | LocalBatches = (
            LocalBatches(saved.state_dir(out)) if client is None else BatchAPI(client, retry or RetryPolicy())
        )
        run.api = api

        async def main() -> bool:
            try:
                run.plan()
                return await run.run(api, wait)
            finally:
                await api.close()
                await extractor.aclose()

        finished = False
        try:
            finished = asyncio.run(main())
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            summary.wall_s = time.perf_counter() - started
            if run.shown:
                sys.stderr.write("\r" + " " * len(run.shown) + "\r")
        summary.jobs = run.report()
        summary.pending = 0 if finished else sum(not j.collected for j in run.jobs())
        # Retried error ids now have a second line (and a killed retry may have left some): keep the last.
        if finished and (settled.duplicates or settled.errors & run.written):
            compact(out)
            summary.compacted = True
    finally:
        with contextlib.suppress(OSError):
            writer.close()
    return summary
