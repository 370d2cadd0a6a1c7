"""The job state file: saved atomically next to the output, so a killed run can pick its jobs up again."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from pydantic import ValidationError

from extractor.errors import ConfigError
from schemas.provider_batch import RunState


def state_dir(out: Path) -> Path:
    """`OUT.jsonl` keeps its jobs in `OUT.jsonl.provider-batch/` beside it."""
    return out.with_name(out.name + ".provider-batch")


def state_file(out: Path) -> Path:
    return state_dir(out) / "state.json"


def fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file, fsync, rename: the file is the old one or the new one, never half."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    fsync_dir(path.parent)


def load(out: Path) -> RunState | None:
    """The saved state of the jobs for output `out`, or None when there is none."""
    path = state_file(out)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ConfigError(f"{path}: {exc.strerror or exc}") from None
    try:
        return RunState.model_validate_json(data)
    except ValidationError as exc:
        raise ConfigError(
            f"{path} is not a job state file this version reads ({exc.errors()[0]['msg']}); it names jobs "
            "that may still be running: inspect it, then move it away to start over"
        ) from None


def save(out: Path, state: RunState) -> None:
    directory = state_dir(out)
    directory.mkdir(parents=True, exist_ok=True)
    write_atomic(state_file(out), state.model_dump_json(indent=1).encode("utf-8"))
