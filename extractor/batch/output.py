"""The output file: append-only whole lines, resume, compaction, and a lock against a second writer."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import ConfigError, OutputError

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]


def _line_id(raw: bytes) -> tuple[str, str] | None:
    """(id, status) of one output line, or None for a line that is not one of ours."""
    try:
        data = json.loads(raw)
        id_, status = data["id"], data["status"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(id_, str) or status not in ("ok", "error"):
        return None
    return id_, status


# Every output line starts so (encode_line writes `id` first): a cut-off last line that does not is
# not ours, and is never cut off.
_START = b'{"id":'


def _ours_cut_short(raw: bytes) -> bool:
    head = raw[: len(_START)]
    return not raw.endswith(b"\n") and _START.startswith(head) and bool(head)


def _not_ours(path: str | Path, n: int) -> OutputError:
    return OutputError(
        f"{path}: line {n} is not a batch output line; refusing to append to (or repair) a file this tool "
        "did not write: give another -o"
    )


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
    """Ids settled in an output file: all of them, or with `retry_errors` only those whose last line is ok.

    Raises OutputError when a line is not an output line (blank lines and a last line cut short by a
    crash or a full disk aside): the file is someone else's, and appending to it could damage it.
    """
    last: dict[str, bool] = {}
    duplicates = False
    with open(path, "rb") as f:
        for n, raw in enumerate(f, start=1):
            found = _line_id(raw)
            if found is None:
                if raw.strip() and not _ours_cut_short(raw):
                    raise _not_ours(path, n)
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


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


class _Output:
    """An append-only output file, locked against a second writer, or stdout."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.name = "standard output" if path is None else str(path)
        if path is None:
            try:
                self.fd = sys.stdout.fileno()
                os.fstat(self.fd)
            except (AttributeError, ValueError, OSError):
                raise OutputError(
                    "standard output is closed: the output lines cannot be written (give -o FILE)"
                ) from None
            return
        for _ in range(10):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            except IsADirectoryError:
                raise OutputError(f"{path}: is a directory; give a file path for -o") from None
            except OSError as exc:
                raise OutputError(f"{path}: cannot be opened for writing: {_why(exc)}") from None
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
        try:
            while view:
                view = view[os.write(self.fd, view) :]
        except BrokenPipeError:
            raise
        except OSError as exc:
            resume = (
                "" if self.path is None else "; the lines written are kept: rerun the same command to finish"
            )
            raise OutputError(f"{self.name}: writing failed: {_why(exc)}{resume}") from None

    def close(self) -> None:
        if self.path is not None:
            os.close(self.fd)
