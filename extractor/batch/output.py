"""The output file: append-only whole lines, resume, compaction, and a lock against a second writer."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import ConfigError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]


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
