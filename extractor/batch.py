"""Batch extraction over JSONL: concurrent, resumable, lossless.

Input: one JSON object per line, `{"id", "text", "published"?, "url"?, "title"?}`; annotated sets
(shared/ANNOTATION.md) work as they are, `gold` is ignored. Blank lines are skipped and a UTF-8 byte
order mark on the first line is allowed.

Output: exactly one line per (non-blank) input line, written in COMPLETION ORDER, not input order;
join on `id`:

    {"id", "status": "ok", "extraction": {...}, "warnings": [...], "usage": {...}, "model",
     "prompt_version", "latency_ms", "cost_usd", "cached"}
    {"id", "status": "error", "error": {"type", "message"}, "line": N}

`line` is the input line number (1-based). An error after the model was called (no valid answer
within the re-asks) also carries the tokens it used ("usage", "cost_usd", "model"). A cached line
spent nothing now: its usage is zero and its latency is the cache lookup's; the extraction's own
provenance still tells how it was made. `cost_usd` is null for a model with no price
(extractor.pricing).

Input lines that cannot be used (not UTF-8, bad JSON, not an object, no id or text, non-string
text, a bad published date, a repeated id) become error lines naming the input line number, and the
batch goes on. A line with no usable id of its own, and a line repeating an earlier id, is reported
under the id "line:N", so ids in the output are unique (do not give articles ids of that form).

The output file is append-only. Each line is one os.write of the whole encoded line, newline included,
on an O_APPEND descriptor, so a process killed at any moment (SIGINT or SIGKILL) leaves only whole
lines; a partial last line (a write cut short by a full disk or a crash) is cut off at the next start.
Rerunning the same command skips ids already in the output, whatever their status; with
`retry_errors` the ids whose LAST line is an error are processed again. The last line per id is
authoritative; a run that appended a second line for an id (a retry) compacts the file at the end to
one line per id (each at the position of its last line) through a temporary file and os.replace, so
the file is whole at every moment. An exclusive lock (flock) keeps two runs from writing one file.

Memory stays flat in the input size: input is read lazily through a bounded queue (at most
2 x concurrency parsed lines waiting, `concurrency` in flight); only the set of ids is kept, to find
repeats and to resume.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shutil
import sqlite3
import stat
import sys
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from extractor.cache import ResponseCache, cache_key
from extractor.errors import ConfigError, InputError
from extractor.pipeline import ExtractionFailed, Extractor
from extractor.pricing import Prices, cost, load_prices
from schemas.batch import ErrorInfo, OutputLine
from schemas.gold import Article
from schemas.record import Usage

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

Source = str | os.PathLike[str] | Iterable[str] | Iterable[bytes]

_OK_FIELDS = {
    "id", "status", "extraction", "warnings", "usage", "model", "prompt_version", "latency_ms",
    "cost_usd", "cached",
}  # fmt: skip
_ERROR_FIELDS = {"id", "status", "error", "line"}
_SPENT_FIELDS = {"usage", "cost_usd", "model", "prompt_version"}


def encode_line(line: OutputLine) -> bytes:
    """The output line as written: UTF-8 JSON and a newline; the fields of its status only."""
    if line.status == "ok":
        fields = _OK_FIELDS
    else:
        fields = _ERROR_FIELDS | (_SPENT_FIELDS if line.usage.total_tokens else set())
    return (line.model_dump_json(include=fields) + "\n").encode("utf-8")


# -- the summary --------------------------------------------------------------------------------------


@dataclass
class Summary:
    """What a run did: lines written by status, cache hits, ids skipped as already done, tokens, cost."""

    counts: Counter[str] = field(default_factory=Counter)
    cached: int = 0
    skipped: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float = 0.0
    unpriced: set[str] = field(default_factory=set)
    wall_s: float = 0.0
    interrupted: bool = False
    compacted: bool = False

    @property
    def processed(self) -> int:
        return sum(self.counts.values())

    @property
    def per_second(self) -> float:
        return self.processed / self.wall_s if self.wall_s > 0 else 0.0

    def add(self, line: OutputLine) -> None:
        self.counts[line.status] += 1
        self.cached += line.cached
        self.usage = self.usage + line.usage
        if line.cost_usd is not None:
            self.cost_usd += line.cost_usd
        elif line.usage.total_tokens:
            self.unpriced.add(line.model or "?")

    def text(self) -> str:
        order = sorted(self.counts, key=lambda status: (status != "ok", status))
        counts = ", ".join(f"{self.counts[status]:,} {status}" for status in order) or "nothing to do"
        cost_text = f"est. ${self.cost_usd:.4f}"
        if self.unpriced:
            cost_text += f" (no price for {', '.join(sorted(self.unpriced))}: see --prices)"
        lines = [
            f"{'interrupted' if self.interrupted else 'done'}: {counts}; {self.cached:,} from cache, "
            f"{self.skipped:,} already in the output",
            f"tokens {self.usage.total_tokens:,} ({self.usage.prompt_tokens:,} in, "
            f"{self.usage.completion_tokens:,} out), {cost_text}",
            f"{self.wall_s:.1f} s, {self.per_second:.2f} articles/s",
        ]
        if self.compacted:
            lines.append("retried ids replaced their earlier lines: the output holds one line per id")
        if self.interrupted:
            lines.append("rerun the same command to finish: lines already written are kept")
        return "\n".join(lines)


# -- reading the input --------------------------------------------------------------------------------


def _error(id_: str, exc: BaseException | str, line: int | None) -> OutputLine:
    kind, message = ("InputError", exc) if isinstance(exc, str) else (type(exc).__name__, str(exc))
    return OutputLine(id=id_, status="error", error=ErrorInfo(type=kind, message=message), line=line)


def _unless_done(id_: str, message: str, n: int, done_ids: Collection[str]) -> OutputLine | None:
    return None if id_ in done_ids else _error(id_, message, n)


def _own_id(data: dict[str, Any]) -> str | None:
    value = data.get("id")
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _why(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]


def parse_lines(
    lines: Iterable[str] | Iterable[bytes], done_ids: Collection[str] = frozenset()
) -> Iterator[tuple[int, Article | OutputLine]]:
    """(line number, article to process or error line) per non-blank input line; ids in `done_ids` are
    left out. Lazy: one line is read per item asked for."""
    for n, item in _parse(lines, done_ids):
        if item is not None:
            yield n, item


def _parse(
    lines: Iterable[str] | Iterable[bytes], done_ids: Collection[str]
) -> Iterator[tuple[int, Article | OutputLine | None]]:
    """parse_lines, with (n, None) for a line left out, so a caller can pause between lines."""
    seen: set[str] = set()
    for n, raw in enumerate(lines, start=1):
        if isinstance(raw, bytes):
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield (
                    n,
                    _unless_done(f"line:{n}", f"input line {n} is not UTF-8 (byte {exc.start})", n, done_ids),
                )
                continue
        else:
            text = str(raw)
        if n == 1:
            text = text.lstrip("\ufeff")
        if not text.strip():
            yield n, None
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield (
                n,
                _unless_done(
                    f"line:{n}", f"input line {n} is not JSON: {exc.msg} (column {exc.colno})", n, done_ids
                ),
            )
            continue
        own = _own_id(data) if isinstance(data, dict) else None
        if own is not None and own in seen:
            yield (
                n,
                _unless_done(
                    f"line:{n}", f"input line {n}: id {own!r} appears on an earlier line", n, done_ids
                ),
            )
            continue
        id_ = own if own is not None else f"line:{n}"
        seen.add(id_)
        if id_ in done_ids:
            yield n, None
            continue
        if not isinstance(data, dict):
            yield n, _error(id_, f"input line {n} is a JSON {type(data).__name__}, not an object", n)
            continue
        try:
            article = Article.model_validate(data)
        except ValidationError as exc:
            yield n, _error(id_, f"input line {n}: {_why(exc)}", n)
            continue
        yield n, article


def _blocking_stream(lines: object) -> bool:
    """A pipe or terminal, whose reads may wait: read those in a thread, off the event loop."""
    fileno = getattr(lines, "fileno", None)
    if fileno is None:
        return False
    try:
        return not stat.S_ISREG(os.fstat(fileno()).st_mode)
    except (OSError, ValueError):
        return False


async def _pump_in_thread(items: Iterator[Any], queue: asyncio.Queue[Any]) -> None:
    """Feed `items` into `queue` from a daemon thread, so a read that waits never blocks the event loop
    (and never blocks the process's exit either, as an executor thread would)."""
    loop = asyncio.get_running_loop()
    finished: asyncio.Future[None] = loop.create_future()

    def settle(error: BaseException | None) -> None:
        if finished.done():
            return
        if error is None:
            finished.set_result(None)
        else:
            finished.set_exception(error)

    def pump() -> None:
        error: BaseException | None = None
        try:
            for item in items:
                asyncio.run_coroutine_threadsafe(queue.put(item), loop).result()
        except BaseException as exc:  # noqa: BLE001 - handed to the event loop
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop is already closed: nobody is waiting
            loop.call_soon_threadsafe(settle, error)

    threading.Thread(target=pump, name="batch-input", daemon=True).start()
    await finished


# -- extracting ------------------------------------------------------------------------------------


class _CacheFault:
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
    fault: _CacheFault,
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
        except sqlite3.Error as exc:
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
        except sqlite3.Error as exc:
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
    fault = _CacheFault()
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


# -- the output file ----------------------------------------------------------------------------------


def _line_id(raw: bytes) -> tuple[str, str] | None:
    """(id, status) of one output line, or None for a line that is not one of ours."""
    try:
        data = json.loads(raw)
        return str(data["id"]), str(data["status"])
    except (ValueError, KeyError, TypeError):
        return None


def repair_tail(path: str | Path) -> int:
    """Cut a partial last line (a write cut short) so appends start on a new line; bytes removed."""
    with open(path, "rb+") as f:
        size = f.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - 65536)
            f.seek(start)
            block = f.read(end - start)
            if end == size and block.endswith(b"\n"):
                return 0
            cut = block.rfind(b"\n")
            if cut >= 0:
                keep = start + cut + 1
                break
            end = start
        else:
            keep = 0
        f.truncate(keep)
        return size - keep


@dataclass
class Settled:
    """What an output file already holds, the last line per id counting."""

    done: set[str]
    errors: set[str]
    duplicates: bool


def read_done(path: str | Path, retry_errors: bool = False) -> Settled:
    """Ids settled in an output file: all of them, or with `retry_errors` only those whose last line is ok."""
    last: dict[str, bool] = {}
    duplicates = False
    with open(path, "rb") as f:
        for raw in f:
            found = _line_id(raw)
            if found is None:
                continue
            id_, status = found
            duplicates = duplicates or id_ in last
            last[id_] = status == "ok"
    errors = {i for i, ok in last.items() if not ok}
    done = set(last) - errors if retry_errors else set(last)
    return Settled(done, errors, duplicates)


def compact(path: str | Path) -> None:
    """Keep the last line per id (at its own position) and any line that is not ours; atomic replace."""
    path = Path(path)
    last: dict[str, int] = {}
    with path.open("rb") as f:
        offset = 0
        for raw in f:
            found = _line_id(raw)
            if found is not None:
                last[found[0]] = offset
            offset += len(raw)
    keep = set(last.values())
    del last
    tmp = path.with_name(f".{path.name}.compact-{os.getpid()}.tmp")
    try:
        with path.open("rb") as src, tmp.open("wb") as dst:
            offset = 0
            for raw in src:
                if offset in keep or _line_id(raw) is None:
                    dst.write(raw)
                offset += len(raw)
            dst.flush()
            os.fsync(dst.fileno())
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class _Output:
    """An append-only output file, locked against a second writer, or stdout."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        if path is None:
            self.fd = sys.stdout.fileno()
            return
        for _ in range(10):
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            if fcntl is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    os.close(fd)
                    raise ConfigError(f"{path}: another batch run is writing to this file") from None
            # A run that compacted the file meanwhile replaced it: lock the file now at the path.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(path))
            except FileNotFoundError:
                same = False
            if same:
                self.fd = fd
                return
            os.close(fd)
        raise ConfigError(f"{path}: the file keeps being replaced; is another batch run writing to it?")

    def write(self, data: bytes) -> None:
        # One write per line; the loop only matters for a pipe (stdout) or a write cut short.
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view) :]

    def close(self) -> None:
        if self.path is not None:
            os.close(self.fd)


# -- progress ---------------------------------------------------------------------------------------


def _count_lines(path: Path) -> int:
    n = 0
    last = b"\n"
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            n += block.count(b"\n")
            last = block[-1:]
    return n + (last != b"\n")


class _Progress:
    """A single \\r-rewritten status line on stderr, at most five times a second."""

    def __init__(self, summary: Summary, started: float) -> None:
        self.summary = summary
        self.started = started
        self.total: int | None = None
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


# -- the blocking helper ------------------------------------------------------------------------------


def run_batch(
    in_path: str | os.PathLike[str] | Extractor,
    out_path: str | os.PathLike[str],
    _legacy_out: str | os.PathLike[str] | None = None,
    *,
    extractor: Extractor | None = None,
    concurrency: int = 8,
    cache: ResponseCache | None = None,
    retry_errors: bool = False,
    progress: bool | None = None,
    prices: Prices | None = None,
) -> Summary:
    """Extract every line of `in_path` into `out_path` ("-": stdin / stdout); the `batch` command.

    Resumes: ids already in the output are skipped (with `retry_errors`, not those whose last line is
    an error). `progress` None means: a progress line when stderr is a terminal. Ctrl-C (SIGINT)
    stops the run cleanly: the summary comes back with `interrupted` set and the output holds only
    whole lines. Closes the extractor's async client (`aclose`) before returning.

    The earlier form `run_batch(extractor, in_path, out_path, ...)` still works.
    """
    if isinstance(in_path, Extractor):
        if _legacy_out is None or extractor is not None:
            raise TypeError("run_batch(in_path, out_path, *, extractor=...) or run_batch(extractor, in, out)")
        extractor, in_path, out_path = in_path, out_path, _legacy_out
    elif _legacy_out is not None:
        raise TypeError("run_batch takes two paths: run_batch(in_path, out_path, *, extractor=...)")
    if extractor is None:
        raise TypeError("run_batch needs extractor=...")
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, not {concurrency}")
    source = os.fsdecode(in_path)
    target = os.fsdecode(out_path)
    out = None if target == "-" else Path(target)
    src = None if source == "-" else Path(source)
    if src is not None and not src.is_file():
        raise InputError(f"{source}: no such input file")
    if src is not None and out is not None and out.exists() and os.path.samefile(src, out):
        raise ConfigError(f"{target}: the output file is the input file")
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
    writer = _Output(out)
    summary = Summary()
    needs_compaction = False
    try:
        settled = Settled(set(), set(), False)
        if out is not None:
            repair_tail(out)
            settled = read_done(out, retry_errors)
            needs_compaction = settled.duplicates
        summary.skipped = len(settled.done)
        show = sys.stderr.isatty() if progress is None else progress
        started = time.perf_counter()
        bar = _Progress(summary, started) if show else None

        async def consume(stream: Iterable[bytes]) -> None:
            nonlocal needs_compaction
            counting = None
            if bar is not None and src is not None:
                counting = asyncio.ensure_future(asyncio.to_thread(_count_lines, src))
            async for line in iter_batch(
                extractor,
                stream,
                concurrency=concurrency,
                cache=cache,
                done_ids=settled.done,
                prices=prices,
            ):
                writer.write(encode_line(line))
                summary.add(line)
                needs_compaction = needs_compaction or line.id in settled.errors
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
            compact(out)
            summary.compacted = True
    finally:
        writer.close()
    return summary
