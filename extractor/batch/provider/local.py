"""The same jobs run by a self-hosted engine instead of the provider: request files out, result files in.

`batch --via batch-files` writes the request files (OUT.provider-batch/requests-NNNN.jsonl) exactly as
for the provider, and a job is finished when its result file (results-NNNN.jsonl beside it, in the
Batch API's output format) is there with a line for every request: what vLLM writes with

    vllm run-batch -i OUT.provider-batch/requests-0001.jsonl -o OUT.provider-batch/results-0001.jsonl --model M

The rerun then collects it as a provider job's output: the same checks, repairs (through --base-url,
e.g. a `vllm serve` of the same model, or --no-repair) and output lines.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

from openai.types import Batch

from extractor.batch.provider.state import fsync_dir
from schemas.provider_batch import COMPLETION_WINDOW, ENDPOINT

PREFIX = "local:"


def results_name(requests_name: str) -> str:
    return requests_name.replace("requests-", "results-", 1)


class LocalBatches:
    """BatchAPI's methods over files in the state directory; nothing is sent anywhere."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    async def find_file(self, filename: str) -> str | None:
        return None

    async def upload(self, path: Path, filename: str) -> str:
        return PREFIX + path.name

    async def find_batch(self, input_file_id: str, since: float) -> Batch | None:
        return None

    async def create(self, input_file_id: str, metadata: dict[str, str]) -> Batch:
        return self._batch(input_file_id)

    async def retrieve(self, batch_id: str) -> Batch:
        return self._batch(PREFIX + batch_id[len(PREFIX) :].replace("results-", "requests-"))

    def _batch(self, input_file_id: str) -> Batch:
        requests = input_file_id[len(PREFIX) :]
        with (self.directory / requests).open("rb") as f:
            total = sum(1 for raw in f if raw.strip())
        results = self.directory / results_name(requests)
        done = 0
        if results.exists():
            with results.open("rb") as f:
                done = sum(1 for raw in f if raw.strip())
        finished = done >= total
        data: dict[str, Any] = {
            "id": PREFIX + results.name,
            "object": "batch",
            "endpoint": ENDPOINT,
            "completion_window": COMPLETION_WINDOW,
            "input_file_id": input_file_id,
            "created_at": int(time.time()),
            "status": "completed" if finished else "in_progress",
            "output_file_id": PREFIX + results.name if finished else None,
            "request_counts": {"total": total, "completed": min(done, total), "failed": 0},
        }
        return Batch.model_validate(data)

    async def download(self, file_id: str, dest: Path) -> None:
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
        try:
            shutil.copyfile(self.directory / file_id[len(PREFIX) :], tmp)
            os.replace(tmp, dest)
        finally:
            tmp.unlink(missing_ok=True)
        fsync_dir(dest.parent)

    async def cancel(self, batch_id: str) -> Batch:
        return await self.retrieve(batch_id)

    async def close(self) -> None:
        pass

    def hint(self, requests_file: str, model: str) -> str:
        return (
            f"waiting for {results_name(requests_file)}: vllm run-batch -i {self.directory / requests_file} "
            f"-o {self.directory / results_name(requests_file)} --model {model}"
        )
