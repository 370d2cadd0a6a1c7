"""Reading batch input: JSONL lines into articles to process, or error lines naming the line."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import stat
import threading
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from pydantic import ValidationError

from extractor.batch.lines import error_line as _error
from extractor.errors import InputError, first_problem
from schemas.batch import OutputLine
from schemas.gold import Article


def _unless_done(id_: str, message: str, n: int, done_ids: Collection[str]) -> OutputLine | None:
    return None if id_ in done_ids else _error(id_, message, n)


def _own_id(data: dict[str, Any]) -> str | None:
    value = data.get("id")
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


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
            yield n, _error(id_, f"input line {n}: {first_problem(exc)}", n)
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


async def feed(
    lines: Iterable[str] | Iterable[bytes],
    done_ids: Collection[str],
    queue: asyncio.Queue[Any],
    failure: list[BaseException],
    ends: int,
) -> None:
    """Queue each input line still to do as (line number, article or error line), then `ends` Nones, one per
    consumer. An error reading the input goes to `failure`, after the lines read before it are queued."""
    items = _parse(lines, done_ids)
    try:
        if _blocking_stream(lines):
            await _pump_in_thread((x for x in items if x[1] is not None), queue)
        else:
            for i, (n, item) in enumerate(items):
                if item is not None:
                    await queue.put((n, item))
                elif i % 256 == 0:
                    # Skipping a long run of done lines on resume: let answers in flight be read.
                    await asyncio.sleep(0)
    except Exception as exc:  # noqa: BLE001 - reported after the lines already read are done
        failure.append(exc)
    for _ in range(ends):
        await queue.put(None)


def raise_failure(failure: list[BaseException]) -> None:
    """Raise what `feed` kept, once the lines read before it are done; a read error names the input."""
    if failure:
        problem = failure[0]
        if isinstance(problem, OSError):
            raise InputError(f"reading the input failed: {problem}") from problem
        raise problem
