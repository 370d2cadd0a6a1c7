"""OpenAI's Files and Batches API through the openai client, with the live path's transport retries.

Every step that creates something on the provider can be found again after a crash: an upload by its
file name (unique to the run and the job), a batch by its input file id. So a rerun that does not know
whether its last request arrived looks first, and creates only what is not there.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import openai
from openai.types import Batch

from extractor.backends.transport import RetryPolicy, with_async_retries
from extractor.batch.provider.state import fsync_dir
from schemas.provider_batch import COMPLETION_WINDOW, ENDPOINT

T = TypeVar("T")


class BatchAPI:
    """Upload, create, find, retrieve, download and cancel; errors are BackendErrors naming the status."""

    def __init__(self, client: openai.AsyncOpenAI, retry: RetryPolicy) -> None:
        self.client = client
        self.retry = retry

    async def _call(self, fn: Callable[..., Awaitable[T]], *args: Any, **kwargs: Any) -> T:
        result: T = await with_async_retries(fn, self.retry)(*args, **kwargs)
        return result

    async def find_file(self, filename: str) -> str | None:
        """The id of an uploaded batch file of this name, if an earlier run uploaded it."""

        async def search() -> str | None:
            async for f in self.client.files.list(purpose="batch"):
                if f.filename == filename:
                    return f.id
            return None

        return await self._call(search)

    async def upload(self, path: Path, filename: str) -> str:
        data = path.read_bytes()
        created = await self._call(
            self.client.files.create, file=(filename, data, "application/jsonl"), purpose="batch"
        )
        return created.id

    async def find_batch(self, input_file_id: str, since: float) -> Batch | None:
        """A batch already created on this input file (listed newest first; stops at ones older than `since`)."""

        async def search() -> Batch | None:
            async for b in self.client.batches.list(limit=100):
                if b.input_file_id == input_file_id:
                    return b
                if b.created_at < since - 3600:
                    return None
            return None

        return await self._call(search)

    async def create(self, input_file_id: str, metadata: dict[str, str]) -> Batch:
        return await self._call(
            self.client.batches.create,
            input_file_id=input_file_id,
            endpoint=ENDPOINT,
            completion_window=COMPLETION_WINDOW,
            metadata=metadata,
        )

    async def retrieve(self, batch_id: str) -> Batch:
        return await self._call(self.client.batches.retrieve, batch_id)

    async def cancel(self, batch_id: str) -> Batch:
        return await self._call(self.client.batches.cancel, batch_id)

    async def download(self, file_id: str, dest: Path) -> None:
        """The file's content into `dest`, through a temporary file: `dest` exists only when whole."""
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")

        async def fetch() -> None:
            async with self.client.files.with_streaming_response.content(file_id) as response:
                with tmp.open("wb") as f:
                    async for chunk in response.iter_bytes():
                        f.write(chunk)
                    f.flush()
                    os.fsync(f.fileno())

        try:
            await self._call(fetch)
            os.replace(tmp, dest)
        finally:
            tmp.unlink(missing_ok=True)
        fsync_dir(dest.parent)

    async def close(self) -> None:
        await self.client.close()
